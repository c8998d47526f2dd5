"""Errors a user can act on: clear 422s, and a 500 that keeps the traceback in the log."""

from __future__ import annotations

import json
import logging

from fastapi.testclient import TestClient

from flowin_cloud.app import SERVER_ERROR


def test_a_crash_answers_a_plain_500_and_logs_the_traceback(client, caplog):
    def crash() -> None:
        raise RuntimeError("the database caught fire")

    client.app.add_api_route("/crash", crash)
    quiet = TestClient(client.app, raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR, logger="flowin_cloud"):
        response = quiet.get("/crash")
    assert response.status_code == 500
    assert response.json() == {"detail": SERVER_ERROR}
    assert "caught fire" not in response.text
    assert "caught fire" in caplog.text


def test_a_malformed_body_is_a_422_naming_the_field(client):
    response = client.post("/auth/login", json={"email": "not-an-address", "password": "x"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "email"]


def test_the_openapi_schema_and_docs_are_served(client):
    schema = client.get("/openapi.json").json()
    assert "/api/flows/{flow_id}" in schema["paths"]
    assert "409" in schema["paths"]["/api/flows/{flow_id}"]["put"]["responses"]
    assert client.get("/docs").status_code == 200


def json_headers(account):
    return {**account.headers, "Content-Type": "application/json"}


def test_text_with_a_nul_character_or_half_a_surrogate_pair_is_422_not_a_crash(client, alice):
    # PostgreSQL refuses NUL in text; found while fuzzing with schemathesis.
    for name in ("a\x00b", "a\ud800b"):
        body = json.dumps({"id": "f", "name": name, "definition": {}})  # escaped as JSON allows
        response = client.post("/api/flows", content=body, headers=json_headers(alice))
        assert response.status_code == 422
    assert client.get("/api/flows/a%00b", headers=alice.headers).status_code == 422
    assert client.get("/api/executions/a%00b", headers=alice.headers).status_code == 422


def test_a_definition_with_a_nul_character_and_arabic_is_kept_exactly(client, alice):
    definition = {"note": "nul \x00 and عربي"}
    body = json.dumps({"name": "odd", "definition": definition})
    created = client.post("/api/flows", content=body, headers=json_headers(alice))
    assert created.status_code == 201
    read = client.get(f"/api/flows/{created.json()['id']}", headers=alice.headers)
    assert read.json()["definition"] == definition


def test_a_definition_with_half_a_surrogate_pair_is_422(client, alice):
    body = json.dumps({"name": "odd", "definition": {"note": "half a pair \ud800"}})
    response = client.post("/api/flows", content=body, headers=json_headers(alice))
    assert response.status_code == 422
    assert "valid Unicode" in response.text
