"""A failed run names the step's setting to change, so the app's "Fix now" can open it."""

from __future__ import annotations

from pytest_httpserver import HTTPServer

from flowin_engine.credentials import Connections
from flowin_engine.events import ExecutionFinished, StepFinished, StepStatus
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.store import Store

from .builders import make_flow

TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"


def failed_run(
    flow, connections: Connections | None = None
) -> tuple[ExecutionFinished, StepFinished]:
    seen: list = []
    with Runner(default_registry(), connections=connections) as runner:
        runner.events.subscribe(seen.extend)
        runner.run(flow, {"name": "Layla"})
        runner.events.flush()
    finished = next(e for e in seen if isinstance(e, ExecutionFinished))
    failed = next(e for e in seen if isinstance(e, StepFinished) and e.status == StepStatus.FAILED)
    return finished, failed


def test_a_missing_variable_points_at_the_field_that_reads_it():
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            (
                "Greeting",
                "core.set_fields",
                {"fields": [{"name": "t", "value": "{{ trigger.nam }}"}]},
            ),
        ],
        ["Start -> Greeting"],
    )
    finished, failed = failed_run(flow)
    assert finished.failed_node == "Greeting" and finished.failed_setting == "fields"
    assert failed.setting == "fields" and "trigger.nam" in (failed.error or "")


def test_a_refused_token_points_at_the_account(tmp_path, monkeypatch, httpserver: HTTPServer):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    httpserver.expect_request(f"/bot{TOKEN}/sendMessage").respond_with_json(
        {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
    )
    connections = Connections(Store(tmp_path / "f.db"))
    bot = connections.add(
        "telegram", "Bot", {"bot_token": TOKEN, "base_url": httpserver.url_for("")}
    ).id
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            (
                "Tell me",
                "telegram.send_message",
                {"connection": bot, "chat_id": "42", "text": "hi"},
            ),
        ],
        ["Start -> Tell me"],
    )
    finished, _ = failed_run(flow, connections)
    assert finished.failed_setting == "connection"
    assert "token" in (finished.error or "")


def test_a_step_without_an_account_points_at_the_account():
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            ("Tell me", "telegram.send_message", {"chat_id": "42", "text": "hi"}),
        ],
        ["Start -> Tell me"],
    )
    finished, _ = failed_run(flow, None)
    assert finished.failed_setting == "connection"
