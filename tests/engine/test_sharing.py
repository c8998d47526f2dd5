"""Exported flows leave out the secrets a user typed into their steps."""

from __future__ import annotations

import json

from flowin_engine.model import Flow, FlowStatus, Node
from flowin_engine.registry import default_registry
from flowin_engine.sharing import shareable


def _flow(*nodes: Node) -> Flow:
    return Flow(name="Shared", status=FlowStatus.ACTIVE, nodes=list(nodes))


def test_password_fields_and_secret_headers_are_left_out_and_named():
    call = Node(
        type="http.request",
        name="Call the API",
        params={
            "url": "https://api.example.com/orders",
            "auth": "bearer",
            "token": "sk-live-1234567890abcdef",
            "headers": {"Accept": "application/json", "X-Api-Key": "k-123456"},
        },
    )
    copy, left_out = shareable(_flow(call), default_registry())

    text = copy.to_json()
    assert "sk-live-1234567890abcdef" not in text
    assert "k-123456" not in text
    params = copy.nodes[0].params
    assert "token" not in params
    assert params["headers"] == {"Accept": "application/json", "X-Api-Key": ""}
    assert params["url"] == "https://api.example.com/orders"
    assert [str(item) for item in left_out] == [
        "Call the API → token",
        "Call the API → headers → X-Api-Key",
    ]


def test_declared_password_fields_are_found_even_under_plain_names():
    call = Node(
        type="http.request",
        name="Basic",
        params={"url": "https://example.com", "auth": "basic", "api_key_value": "abc-secret"},
    )
    copy, _ = shareable(_flow(call), default_registry())
    assert "abc-secret" not in copy.to_json()


def test_passwords_and_keys_inside_urls_are_removed():
    call = Node(
        type="http.request",
        name="Legacy",
        params={"url": "https://bob:hunter2@example.com/feed?api_key=XYZ987&page=2"},
    )
    copy, left_out = shareable(_flow(call), default_registry())
    url = copy.nodes[0].params["url"]
    assert "hunter2" not in url and "XYZ987" not in url
    assert url.startswith("https://bob@example.com/feed?")
    assert "page=2" in url
    assert [str(item) for item in left_out] == ["Legacy → url"]


def test_expressions_and_ordinary_values_are_kept_and_the_original_is_unchanged():
    call = Node(
        type="http.request",
        name="From data",
        params={
            "url": "https://example.com/?token={{ trigger.token }}",
            "token": "{{ trigger.token }}",
            "headers": {"Authorization": "{{ steps['Sign in'].output.header }}"},
            "max_tokens": 200,
        },
    )
    flow = _flow(call)
    before = flow.to_json()
    copy, left_out = shareable(flow, default_registry())
    assert left_out == []
    assert copy.nodes[0].params == call.params
    assert flow.to_json() == before
    assert flow.status == FlowStatus.ACTIVE
    assert copy.status == FlowStatus.DRAFT


def test_secret_keys_deep_in_data_are_emptied_without_a_registry():
    trigger = Node(
        type="core.manual_trigger",
        name="Start",
        params={"sample": {"customer": {"name": "Layla", "password": "p4ss"}}},
    )
    copy, left_out = shareable(_flow(trigger))
    assert json.loads(copy.to_json())["nodes"][0]["params"]["sample"]["customer"] == {
        "name": "Layla",
        "password": "",
    }
    assert [str(item) for item in left_out] == ["Start → sample → customer → password"]
