"""A data folder wires what runs flows: the runner and the runtime it gives record in its history
and give steps the accounts connected in it, and the runtime listens on the port saved there.
The accounts are real (secrets in the folder's encrypted file) and so is the Telegram-shaped
server on 127.0.0.1 the step calls."""

from __future__ import annotations

import httpx
from pytest_httpserver import HTTPServer

from flowin_engine.data_folder import DataFolder
from flowin_engine.events import ExecutionStatus
from flowin_engine.model import Flow, FlowStatus

from .builders import make_flow
from .test_runtime import finished
from .test_runtime_single import free_port

TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
SENT = {
    "ok": True,
    "result": {
        "message_id": 53,
        "date": 1732700100,
        "chat": {"id": 42, "type": "private", "first_name": "Layla"},
        "text": "Your order is on its way",
    },
}


def shipping_note(folder: DataFolder, httpserver: HTTPServer, trigger: tuple) -> Flow:
    """A flow whose step tells a customer on Telegram, with a bot connected in ``folder``."""
    httpserver.expect_request(f"/bot{TOKEN}/sendMessage", method="POST").respond_with_json(SENT)
    bot = folder.connections.add(
        "telegram", "Shop bot", {"bot_token": TOKEN, "base_url": httpserver.url_for("")}
    )
    send = {"connection": bot.id, "chat_id": "42", "text": "Your order is on its way"}
    return make_flow(
        [trigger, ("Tell the customer", "telegram.send_message", send)],
        [f"{trigger[0]} -> Tell the customer"],
    )


def test_a_runner_records_the_run_and_signs_in_with_the_account_kept_out_of_the_history(
    data_folder: DataFolder, httpserver: HTTPServer
):
    flow = shipping_note(data_folder, httpserver, ("Start", "core.manual_trigger", {}))

    with data_folder.runner() as runner:
        result = runner.run(flow, {})

    assert result.ok, result.error
    (request, _), *_ = httpserver.log
    assert request.path == f"/bot{TOKEN}/sendMessage"
    detail = data_folder.store.executions.get(result.execution_id)
    assert detail.status == ExecutionStatus.SUCCESS
    assert (data_folder.path / "secrets.enc").exists()
    assert TOKEN.encode() not in (data_folder.path / "flowin.db").read_bytes()


def test_a_runtime_listens_on_the_saved_port_and_its_flows_sign_in_with_the_account(
    data_folder: DataFolder, httpserver: HTTPServer
):
    port = free_port()
    data_folder.store.set_setting("webhook_port", port)
    flow = shipping_note(data_folder, httpserver, ("Order", "webhook.receive", {"path": "orders"}))
    flow.status = FlowStatus.ACTIVE
    data_folder.store.flows.save(flow)

    runtime = data_folder.runtime()
    runtime.start()
    try:
        runtime.sync()
        accepted = httpx.post(f"http://127.0.0.1:{port}/webhook/orders", json={"id": 7})
        assert accepted.status_code == 202
        detail = finished(data_folder.store, accepted.json()["execution_id"])
    finally:
        runtime.stop(grace=2)

    assert detail.status == ExecutionStatus.SUCCESS, detail.error
    (request, _), *_ = httpserver.log
    assert request.path == f"/bot{TOKEN}/sendMessage"
