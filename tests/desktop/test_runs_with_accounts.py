"""Runs from the window, a test run or a retry from the history, give their steps the accounts
connected in the app: the Telegram step signs in with the stored bot token against a
Telegram-shaped server on 127.0.0.1."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from flowin_engine.data_folder import DataFolder
from flowin_engine.events import ExecutionStatus
from flowin_engine.model import Edge, Flow, Node

from .conftest import WAIT_MS, add, click

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


def test_a_test_run_sends_with_the_connected_bot(
    qtbot, editor, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    httpserver.expect_request(f"/bot{TOKEN}/sendMessage", method="POST").respond_with_json(SENT)
    bot = editor.connections.add(
        "telegram", "Shop bot", {"bot_token": TOKEN, "base_url": httpserver.url_for("")}
    )
    trigger = add(editor, "core.manual_trigger", 0, 0)
    send = add(editor, "telegram.send_message", 300, 0)
    editor.document.flow.node(send).params.update(
        {"connection": bot.id, "chat_id": "42", "text": "Your order is on its way"}
    )
    editor.scene.connect(trigger, "main", send, "main")

    with qtbot.waitSignal(editor.test_run.finished, timeout=WAIT_MS) as finished:
        assert editor.test_run.start()

    run = finished.args[0]
    assert run.status == ExecutionStatus.SUCCESS, run.error
    (request, _), *_ = httpserver.log
    assert request.path == f"/bot{TOKEN}/sendMessage"


def test_retrying_a_failed_run_from_the_history_signs_in_with_the_bot(
    qtbot, window, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
):
    """A run of an active flow failed at its Telegram step; the bot was connected before the
    window opened, and no test run has used an account since: the retry still has it."""
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    sending = f"/bot{TOKEN}/sendMessage"
    folder = DataFolder(window.store)
    bot = folder.connections.add(
        "telegram", "Shop bot", {"bot_token": TOKEN, "base_url": httpserver.url_for("")}
    )
    flow = Flow(
        name="Tell the customer",
        nodes=[
            Node(id="start", name="Start", type="core.manual_trigger"),
            Node(
                id="tell",
                name="Tell the customer",
                type="telegram.send_message",
                params={"connection": bot.id, "chat_id": "42", "text": "On its way"},
            ),
        ],
        edges=[Edge(source="start", target="tell")],
    )
    window.store.flows.save(flow)
    httpserver.expect_oneshot_request(sending, method="POST").respond_with_json(
        {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"},
        status=400,
    )
    with folder.runner() as runner:
        assert not runner.run(flow, {}).ok
        assert runner.events.flush()
    httpserver.expect_request(sending, method="POST").respond_with_json(SENT)

    window.open_flow(flow.id)
    window.show_executions()
    view = window.executions
    [failed_id] = view.execution_ids()
    click(qtbot, view.retry_button)

    def retried() -> ExecutionStatus | None:
        runs = window.store.executions.summaries()
        retry = next((run for run in runs if run.id != failed_id), None)
        return None if retry is None else window.store.executions.get(retry.id).status

    qtbot.waitUntil(lambda: retried() not in (None, ExecutionStatus.RUNNING), timeout=WAIT_MS)
    assert retried() == ExecutionStatus.SUCCESS
    assert [request.path for request, _ in httpserver.log] == [sending, sending]
