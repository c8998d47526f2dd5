"""Schemathesis sends requests generated from the app's own OpenAPI schema: none may be a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

EXAMPLES_PER_OPERATION = 10


@pytest.fixture
def client(make_client):
    # A long poll of the relay waits as long as it is asked to (up to this): kept short here.
    return make_client(relay_poll_seconds=1)


def operations(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.slow
def test_no_generated_request_makes_the_server_fail(client, alice):
    client.post(
        "/api/flows", json={"id": "greet", "name": "Greet", "definition": {}}, headers=alice.headers
    )
    tried = []
    for operation in operations(client.app):

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(headers=alice.headers, checks=[not_a_server_error])

        check()
        tried.append(operation.label)
    assert "PUT /api/flows/{flow_id}" in tried
