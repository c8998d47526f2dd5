"""The real ``flowin-cloud`` process: start-up with no set-up, and journeys end to end."""

from __future__ import annotations

import httpx


def test_the_server_starts_on_an_empty_folder_and_answers_health(cloud_server):
    response = httpx.get(cloud_server.url + "/healthz")
    assert response.json() == {"status": "ok"}
    assert cloud_server.database.exists()


def test_a_registration_writes_its_verification_token_to_the_dev_log(cloud_server):
    email = "layla-process@example.com"
    cloud_server.sign_up(email)
    assert len(cloud_server.last_token("verify-email", email)) >= 32


def test_a_flow_round_trips_through_the_real_server(cloud_server):
    tokens = cloud_server.sign_up("flows-process@example.com")
    headers = cloud_server.bearer(tokens)
    created = httpx.post(
        cloud_server.url + "/api/flows",
        json={"id": "f1", "name": "Greet", "definition": {"nodes": []}},
        headers=headers,
    )
    assert created.status_code == 201
    read = httpx.get(cloud_server.url + "/api/flows/f1", headers=headers).json()
    assert read["definition"] == {"nodes": []}
