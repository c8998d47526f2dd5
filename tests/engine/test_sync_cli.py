"""``flowin account`` and ``flowin sync``, end to end against a real flowin-cloud: two data
folders stand for two computers."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from flowin_engine.credentials import EncryptedFileSecrets
from flowin_engine.model import FlowStatus
from flowin_engine.run_ids import short_id
from flowin_engine.store import Store
from flowin_engine.sync import Account
from tests.cloud_server import DEFAULT_PASSWORD, cloud_server  # noqa: F401 (a fixture)

from .cloud_computers import flowin, greeting, greeting_text, new_email, sign_in_from_cli


@pytest.fixture(autouse=True)
def _secrets_in_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never the keyring of the machine running the tests."""
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


@pytest.fixture
def computers(tmp_path, cloud_server):  # noqa: F811 (the imported fixture)
    """Computers A and B signed in from the command line, A with one flow synced to B."""
    a, b = tmp_path / "a", tmp_path / "b"
    email = new_email()
    sign_in_from_cli(a, cloud_server.url, email, register=True)
    sign_in_from_cli(b, cloud_server.url, email)
    flow_file = tmp_path / "greet.json"
    greeting().save(flow_file)
    assert flowin(a, "flows", "import", str(flow_file)).exit_code == 0
    return a, b, email


def edit(data_dir: Path, text: str) -> str:
    with Store(data_dir / "flowin.db") as store:
        flow = store.flows.find("Greet a customer")
        flow.node("greet").params["fields"][0]["value"] = text
        store.flows.save(flow)
        return flow.id


def test_sign_in_and_sync_from_the_command_line(computers):
    a, b, email = computers

    sent = flowin(a, "sync")
    assert sent.exit_code == 0, sent.output
    assert "Sent to the cloud: 'Greet a customer'." in sent.output

    got = flowin(b, "sync")
    assert got.exit_code == 0, got.output
    assert "Got from the cloud: 'Greet a customer'." in got.output
    assert "Everything was already in sync." in flowin(b, "sync").output

    status = flowin(b, "account", "status")
    assert f"as {email}" in status.output


def test_a_conflict_exits_with_1_until_a_side_is_chosen(computers):
    a, b, _ = computers
    flowin(a, "sync")
    flowin(b, "sync")
    edit(a, "Edited on A")
    flow_id = edit(b, "Edited on B")
    flowin(a, "sync")

    clash = flowin(b, "sync")
    assert clash.exit_code == 1, clash.output
    assert f"1 flow changed both here and in the cloud: 'Greet a customer' ({flow_id})" in (
        clash.output
    )
    assert "--resolve FLOW --keep mine|theirs|both" in clash.output

    chosen = flowin(b, "sync", "--resolve", "Greet a customer", "--keep", "theirs")
    assert chosen.exit_code == 0, chosen.output
    assert "Kept the cloud's flow" in chosen.output
    with Store(b / "flowin.db") as store:
        assert greeting_text(store.flows.get(flow_id)) == "Edited on A"


def test_a_flow_without_a_conflict_cannot_be_resolved(computers):
    a, _, _ = computers
    flowin(a, "sync")

    result = flowin(a, "sync", "--resolve", "Greet a customer", "--keep", "mine")

    assert result.exit_code == 2
    assert "'Greet a customer' has no sync conflict" in result.output


def test_signed_out_sync_exits_with_2_and_says_to_sign_in(computers):
    a, _, email = computers

    logout = flowin(a, "account", "logout")
    assert logout.exit_code == 0 and f"Signed out {email}" in logout.output

    result = flowin(a, "sync")
    assert result.exit_code == 2
    assert "sign in" in result.output
    assert "Traceback" not in result.output


def test_tokens_never_reach_the_database_from_the_command_line(computers):
    a, _, _ = computers
    flowin(a, "sync")

    with (
        Store(a / "flowin.db") as store,
        Account(store, EncryptedFileSecrets(a)).client() as client,
    ):
        tokens = client.tokens
    assert tokens is not None
    database = b"".join(path.read_bytes() for path in a.glob("flowin.db*"))
    assert tokens.access.encode() not in database
    assert tokens.refresh.encode() not in database


def test_serve_runs_what_the_cloud_api_queued_for_its_active_flows(computers, cloud_server):  # noqa: F811
    a, _, email = computers
    with Store(a / "flowin.db") as store:
        flow = store.flows.find("Greet a customer")
        store.flows.set_status(flow.id, FlowStatus.ACTIVE)
    assert flowin(a, "sync").exit_code == 0
    api = httpx.Client(
        base_url=cloud_server.url, headers=cloud_server.bearer(cloud_server.sign_up(email))
    )
    run_id = api.post(f"/api/run/{flow.id}", json={"input": {"name": "Huda"}}).json()["id"]
    env = {**os.environ, "FLOWIN_DATA_DIR": str(a), "FLOWIN_SECRETS": "file"}
    command = [sys.executable, "-m", "flowin_engine", "serve", "--port", "0", "--sync-every", "1"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline and status != "success":
            time.sleep(0.2)
            status = api.get(f"/api/executions/{run_id}").json()["status"]
        assert status == "success"
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0].decode()
        api.close()
    assert f"Running {short_id(run_id)}, queued through the cloud" in output
    with Store(a / "flowin.db") as store:
        assert store.executions.get(run_id).trigger_data == {"name": "Huda"}
