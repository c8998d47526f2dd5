"""``flowin flows cloud-run NAME on|off`` against a real flowin-cloud: it names the connected
accounts the flow uses and asks before uploading them; once on, the computer's runtime leaves
the flow's trigger to the cloud; off brings it back and the cloud deletes the uploaded account."""

from __future__ import annotations

import re

import httpx
import pytest

from flowin_engine.cloud_run import cloud_run_flows
from flowin_engine.data_folder import DataFolder
from flowin_engine.model import FlowStatus
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.store import Store
from tests.cloud_server import DEFAULT_PASSWORD, cloud_server  # noqa: F401 (a fixture)

from .builders import make_flow
from .cloud_computers import flowin, new_email, sign_in_from_cli

TOKEN = "EAAB-cloud-run-token-5d1e"


@pytest.fixture(autouse=True)
def _secrets_in_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never the keyring of the machine running the tests."""
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


@pytest.fixture
def computer(tmp_path, cloud_server):  # noqa: F811 (the imported fixture)
    """A data folder signed in to a new, verified account (only those may run in the cloud)."""
    email = new_email()
    sign_in_from_cli(tmp_path, cloud_server.url, email, register=True)
    token = cloud_server.last_token("verify-email", email)
    confirmed = httpx.post(cloud_server.url + "/auth/verify/email/confirm", json={"token": token})
    confirmed.raise_for_status()
    return tmp_path, email


def api(server, email: str, method: str, path: str, **options) -> httpx.Response:
    login = httpx.post(
        server.url + "/auth/login", json={"email": email, "password": DEFAULT_PASSWORD}
    )
    login.raise_for_status()
    return httpx.request(method, server.url + path, headers=server.bearer(login.json()), **options)


def test_cloud_run_asks_before_uploading_and_leaves_the_trigger_to_the_cloud(
    computer,
    cloud_server,  # noqa: F811
):
    folder, email = computer
    added = flowin(
        folder, "connections", "add", "whatsapp", "--name", "Shop number", "--no-test",
        "--set", f"access_token={TOKEN}", "--set", "phone_number_id=106540352242922",
        "--set", "app_secret=shop-app-secret", "--set", "verify_token=shop-verify-token",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    connection_id = re.search(r"\((\S+)\)\.$", added.output.strip()).group(1)
    flow = make_flow(
        [
            ("Order", "webhook.receive", {"path": "orders"}),
            (
                "Thank",
                "whatsapp.send_text",
                {"connection": connection_id, "to": "9665", "text": "Hi"},
            ),
        ],
        ["Order -> Thank"],
        name="Thank buyers",
    )
    flow.status = FlowStatus.ACTIVE
    with Store(folder / "flowin.db") as store:
        store.flows.save(flow)
    assert flowin(folder, "sync").exit_code == 0

    declined = flowin(folder, "flows", "cloud-run", "Thank buyers", "on", input="n\n")
    assert declined.exit_code == 1, declined.output
    assert "Shop number (whatsapp)" in declined.output
    assert "Upload them and run the flow in the cloud?" in declined.output
    assert "Nothing was uploaded; 'Thank buyers' keeps running on your computers." in (
        declined.output
    )
    status = api(cloud_server, email, "GET", f"/api/flows/{flow.id}/cloud-run").json()
    assert status["cloud_run"] is False
    assert status["accounts"] == [
        {"connection_id": connection_id, "connector": "whatsapp", "uploaded": False}
    ]

    agreed = flowin(folder, "flows", "cloud-run", "Thank buyers", "on", input="y\n")
    assert agreed.exit_code == 0, agreed.output
    assert "'Thank buyers' now runs in the cloud" in agreed.output
    # Where its webhook now arrives while this computer is off: the address to give the sender.
    public = api(cloud_server, email, "GET", f"/api/flows/{flow.id}/cloud-run").json()
    assert public["public_url"] and f"Its public address: {public['public_url']}" in agreed.output
    assert TOKEN not in agreed.output
    status = api(cloud_server, email, "GET", f"/api/flows/{flow.id}/cloud-run").json()
    assert status["cloud_run"] is True and status["accounts"][0]["uploaded"] is True

    # Another computer of the account learns it at its next sync and leaves the flow alone too.
    laptop = folder / "laptop"
    sign_in_from_cli(laptop, cloud_server.url, email)
    assert flowin(laptop, "sync").exit_code == 0
    with Store(laptop / "flowin.db") as store:
        assert flow.id in cloud_run_flows(store)

    # The flow is active here, yet this computer's runtime does not switch its webhook on.
    with DataFolder.open(folder) as data:
        runtime = data.runtime(RuntimeSettings(port=0, sync_interval=60))
        runtime.start()
        try:
            assert runtime.webhook_url(flow.id) is None
            off = flowin(folder, "flows", "cloud-run", flow.id, "off")
            assert off.exit_code == 0, off.output
            assert "runs on your computers again" in off.output
            runtime.sync()
            assert runtime.webhook_url(flow.id) is not None
        finally:
            runtime.stop(grace=2)
    status = api(cloud_server, email, "GET", f"/api/flows/{flow.id}/cloud-run").json()
    assert status["cloud_run"] is False and status["accounts"][0]["uploaded"] is False

    # Removing the account on the computer deletes the cloud's copy too.
    again = flowin(folder, "flows", "cloud-run", "Thank buyers", "on", "--yes")
    assert again.exit_code == 0, again.output
    removed = flowin(folder, "connections", "remove", connection_id, "--yes")
    assert removed.exit_code == 0, removed.output
    status = api(cloud_server, email, "GET", f"/api/flows/{flow.id}/cloud-run").json()
    assert status["accounts"][0]["uploaded"] is False
