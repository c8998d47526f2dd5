"""Errors a user can act on: clear 422s, and a 500 that keeps the traceback in the log."""

from __future__ import annotations

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
