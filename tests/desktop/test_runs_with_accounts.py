"""A test run from the editor gives its steps the accounts connected in the app: the Telegram
step signs in with the stored bot token against a Telegram-shaped server on 127.0.0.1."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from flowin_engine.events import ExecutionStatus

from .conftest import WAIT_MS, add

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

    with qtbot.waitSignal(editor.run_finished, timeout=WAIT_MS) as finished:
        assert editor.test_run()

    run = finished.args[0]
    assert run.status == ExecutionStatus.SUCCESS, run.error
    (request, _), *_ = httpserver.log
    assert request.path == f"/bot{TOKEN}/sendMessage"
