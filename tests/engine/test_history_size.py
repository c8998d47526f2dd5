"""Big payloads in the history: the trigger data is kept whole once, step data is kept cut."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import httpx
import pytest

from flowin_engine.data_folder import DataFolder
from flowin_engine.errors import FlowinError
from flowin_engine.events import ExecutionStatus, StepStatus
from flowin_engine.history import retry_execution
from flowin_engine.model import FlowStatus
from flowin_engine.pinning import run_step
from flowin_engine.runner import Runner
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.store import HISTORY_LIMIT, Store, for_history
from flowin_engine.store._schema import JSONText

from .builders import make_flow, registry_with_testkit
from .testkit import operations as testkit

REGISTRY = registry_with_testkit()
# About 4 MB of JSON: far over what the history keeps of a step, well under a webhook's 16 MiB.
BODY = {"name": "Layla", "lines": ["x" * 1000] * 4000}
BODY_SIZE = len(json.dumps(BODY))


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    testkit.calls.clear()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "flowin.db") as store:
        yield store


def finished(store: Store, execution_id: str, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            detail = store.executions.get(execution_id)
        except FlowinError:
            detail = None
        if detail is not None and detail.status not in ("running", "waiting"):
            return detail
        time.sleep(0.05)
    raise AssertionError(f"run {execution_id} did not finish")


def stored_bytes(path: Path) -> dict[str, int]:
    """Bytes of JSON each place of the database holds, all runs together."""
    with sqlite3.connect(path) as db:
        return {
            "inbox": db.execute("SELECT coalesce(sum(length(payload)), 0) FROM inbox").fetchone()[
                0
            ],
            "trigger_data": db.execute(
                "SELECT coalesce(sum(length(trigger_data)), 0) FROM executions"
            ).fetchone()[0],
            "steps": db.execute(
                "SELECT coalesce(sum(length(input)) + sum(length(output)), 0) FROM steps"
            ).fetchone()[0]
            # the steps of runs that ended well on the webhook path, kept in the run's row
            + db.execute(
                "SELECT coalesce(sum(length(packed_steps)), 0) FROM executions"
            ).fetchone()[0],
        }


def test_a_big_webhook_body_is_stored_once_and_the_steps_show_it_cut(store):
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "orders"}),
            ("Echo", "testkit.echo", {}),
            ("Name", "testkit.echo", {"value": "{{ trigger.body.name }}"}),
        ],
        ["Webhook -> Echo", "Echo -> Name"],
    )
    flow.status = FlowStatus.ACTIVE
    store.flows.save(flow)
    runtime = DataFolder(store, registry=REGISTRY).runtime(
        RuntimeSettings(port=0, sync_interval=0.1)
    )
    runtime.start()
    try:
        runtime.sync()
        reply = httpx.post(f"{runtime.address}/webhook/orders", json=BODY, timeout=30)
        assert reply.status_code == 202
        detail = finished(store, reply.json()["execution_id"])
    finally:
        runtime.stop(grace=2)

    assert detail.status == ExecutionStatus.SUCCESS, detail.error
    assert detail.trigger_data["body"] == BODY  # whole: a retry starts from it
    webhook, echo, name = detail.steps
    # The big part is cut; what is small around it is kept, to read in the history.
    assert webhook.output["headers"]["content-type"] == "application/json"
    assert webhook.output["body"]["name"] == "Layla"
    lines = webhook.output["body"]["lines"]
    assert lines["_truncated"] is True
    assert lines["size"] > BODY_SIZE - 100
    assert lines["preview"].startswith('["xxx')
    assert echo.input["data"]["body"]["lines"]["_truncated"] is True
    assert echo.output["body"]["lines"]["_truncated"] is True
    assert name.output == "Layla"  # the steps themselves had the whole body

    stored = stored_bytes(store.path)
    assert stored["trigger_data"] >= BODY_SIZE
    assert stored["inbox"] < 1000, "the inbox let go of the body once the run had it"
    assert stored["steps"] < 4 * HISTORY_LIMIT
    assert sum(stored.values()) < 1.2 * BODY_SIZE


def test_retrying_a_run_with_a_big_trigger_gets_the_whole_data(store):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Flaky", "testkit.flaky", {"key": "flaky", "failures": 1}),
            ("Record", "testkit.record", {"key": "got", "value": "{{ trigger }}"}),
        ],
        ["Start -> Flaky", "Flaky -> Record"],
        settings={"Flaky": {"retries": 1}},
    )
    store.flows.save(flow)
    with Runner(REGISTRY, history=store.executions) as runner:
        first = runner.run(flow, BODY)
        assert not first.ok
        assert runner.events.flush()
        assert (
            store.executions.get(first.execution_id).steps[0].output["lines"]["_truncated"] is True
        )

        again = retry_execution(store, runner, first.execution_id).wait()
        assert runner.events.flush()

    assert again.ok, again.error
    assert testkit.calls["got"] == [BODY]
    start = store.executions.get(again.execution_id).steps[0]
    # Its output in the history was cut: the trigger ran again on the whole trigger data.
    assert start.status == StepStatus.SUCCESS


def test_a_retry_needing_a_cut_output_of_a_step_unsafe_to_repeat_is_refused(store):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Send", "testkit.send", {"key": "sent", "value": "{{ trigger }}"}),
            ("Fail", "testkit.fail", {}),
        ],
        ["Start -> Send", "Send -> Fail"],
    )
    store.flows.save(flow)
    with Runner(REGISTRY, history=store.executions) as runner:
        first = runner.run(flow, BODY)
        assert not first.ok
        assert runner.events.flush()
        with pytest.raises(FlowinError, match="'Send' gave more data than the history keeps"):
            retry_execution(store, runner, first.execution_id)
    assert testkit.calls["sent"] == [BODY]  # sent once, never again


def kept(value):
    """What a step's input or output column holds after the history stored ``value``."""
    column = JSONText()
    return column.process_result_value(column.process_bind_param(for_history(value), None), None)


def test_small_values_are_kept_as_they_are_and_secrets_stay_masked():
    assert kept({"total": 250, "token": "sk_live_abcdefghijklmnop"}) == {
        "total": 250,
        "token": "sk_l••••",
    }


def test_a_big_value_keeps_its_small_fields_and_cuts_the_big_ones():
    value = {
        "status": 200,
        "headers": {"authorization": "Bearer abcdefghijklmnopqrstu"},
        "body": "y" * (2 * HISTORY_LIMIT),
    }
    stored = kept(value)
    assert stored["status"] == 200
    assert stored["headers"] == {"authorization": "Bear••••"}
    assert stored["body"]["_truncated"] is True
    assert stored["body"]["size"] == 2 * HISTORY_LIMIT + 2  # the JSON string with its quotes
    assert stored["body"]["preview"].startswith('"yyy')
    assert len(json.dumps(stored)) < HISTORY_LIMIT


def test_a_big_list_is_cut_as_a_whole():
    stored = kept([{"line": i, "text": "z" * 100} for i in range(10_000)])
    assert stored["_truncated"] is True
    assert stored["preview"].startswith('[{"line": 0, "text": "zzz')


def test_running_one_step_after_a_cut_output_says_so_instead_of_feeding_it_the_marker(store):
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Record", "testkit.record", {"key": "got"})],
        ["Start -> Record"],
    )
    store.flows.save(flow)
    with Runner(REGISTRY, history=store.executions) as runner:
        assert runner.run(flow, BODY).ok
        assert runner.events.flush()
        with pytest.raises(FlowinError, match="What 'Start' gave in the latest run was too big"):
            run_step(store, runner, flow, "record")
    assert testkit.calls["got"] == [BODY]
