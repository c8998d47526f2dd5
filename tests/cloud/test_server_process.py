"""The real ``flowin-cloud`` process: start-up with no set-up, and journeys end to end."""

from __future__ import annotations

import httpx

from tests.cloud_server import CloudServer


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


def login(server, email, password="correct horse battery"):
    return httpx.post(server.url + "/auth/login", json={"email": email, "password": password})


def test_2fa_sign_in_with_the_code_from_the_dev_log(cloud_server):
    email = "twofactor-process@example.com"
    tokens = cloud_server.sign_up(email)
    url = cloud_server.url
    enabled = httpx.post(
        url + "/auth/2fa/enable",
        json={"method": "email", "password": "correct horse battery"},
        headers=cloud_server.bearer(tokens),
    )
    assert enabled.status_code == 200
    challenge = login(cloud_server, email).json()
    assert challenge["two_factor_required"] is True
    code = cloud_server.last_token("2fa", email)
    verified = httpx.post(
        url + "/auth/2fa/verify", json={"challenge": challenge["challenge"], "code": code}
    )
    assert verified.status_code == 200
    me = httpx.get(url + "/auth/me", headers=cloud_server.bearer(verified.json()))
    assert me.json()["two_factor_enabled"] is True


def test_password_reset_with_the_link_from_the_dev_log(cloud_server):
    email = "reset-process@example.com"
    cloud_server.sign_up(email)
    url = cloud_server.url
    assert httpx.post(url + "/auth/forgot-password", json={"email": email}).status_code == 200
    token = cloud_server.last_token("reset-password", email)
    reset = httpx.post(
        url + "/auth/reset-password", json={"token": token, "password": "a new password"}
    )
    assert reset.status_code == 200
    assert login(cloud_server, email).status_code == 401
    assert login(cloud_server, email, "a new password").status_code == 200


def test_an_api_key_works_against_the_flows_api(cloud_server):
    tokens = cloud_server.sign_up("apikey-process@example.com")
    url = cloud_server.url
    created = httpx.post(
        url + "/auth/api-keys", json={"name": "script"}, headers=cloud_server.bearer(tokens)
    )
    key = created.json()["key"]
    posted = httpx.post(
        url + "/api/flows",
        json={"name": "From a script", "definition": {}},
        headers=cloud_server.bearer(key),
    )
    assert posted.status_code == 201
    listed = httpx.get(url + "/api/flows", headers=cloud_server.bearer(key)).json()["flows"]
    assert [flow["name"] for flow in listed] == ["From a script"]
    run = httpx.post(url + f"/api/run/{posted.json()['id']}", headers=cloud_server.bearer(key))
    assert run.status_code == 202


def test_sessions_survive_a_restart_with_the_generated_secret(tmp_path):
    folder = tmp_path / "restart"
    first = CloudServer(folder).start()
    try:
        tokens = first.sign_up("restart@example.com")
    finally:
        first.stop()
    secret = folder / "jwt-secret"
    assert secret.exists()
    assert secret.stat().st_mode & 0o777 == 0o600
    second = CloudServer(folder).start()
    try:
        me = httpx.get(second.url + "/auth/me", headers=second.bearer(tokens))
        assert me.status_code == 200
    finally:
        second.stop()


def test_server_scheduler_and_worker_say_in_a_sentence_that_the_database_or_broker_is_down(
    tmp_path,
):
    import os
    import socket
    import subprocess
    import sys

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://flowin:hunter2-secret@127.0.0.1:{port}/flowin"
    environment = {
        **os.environ,
        "FLOWIN_DATA_DIR": str(tmp_path),
        "FLOWIN_CLOUD_BROKER_URL": "redis://127.0.0.1:1/0",
    }
    for command in ([], ["scheduler"], ["worker"]):
        finished = subprocess.run(
            [sys.executable, "-m", "flowin_cloud", *command, "--database-url", url],
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert finished.returncode != 0, command
        assert "Traceback" not in finished.stderr, command
        assert f"127.0.0.1:{port}/flowin cannot be reached" in finished.stderr, command
        assert "FLOWIN_CLOUD_DATABASE_URL" in finished.stderr, command
        assert "hunter2-secret" not in finished.stderr + finished.stdout, command

    # A reachable database, a broker that is not there: the scheduler and workers say so.
    environment["FLOWIN_CLOUD_BROKER_URL"] = f"redis://:hunter2-secret@127.0.0.1:{port}/0"
    database = f"sqlite:///{tmp_path / 'cloud.db'}"
    for command in (["scheduler"], ["worker"]):
        finished = subprocess.run(
            [sys.executable, "-m", "flowin_cloud", *command, "--database-url", database],
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert finished.returncode != 0, command
        assert "Traceback" not in finished.stderr, command
        assert f"127.0.0.1:{port}/0 cannot be reached" in finished.stderr, command
        assert "FLOWIN_CLOUD_BROKER_URL" in finished.stderr, command
        assert "hunter2-secret" not in finished.stderr + finished.stdout, command
