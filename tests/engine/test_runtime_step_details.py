"""A flow kept with "step details only for failed runs": the webhook hot path writes no step
rows at all for a run that succeeds, answered at once (202) or when done."""

from __future__ import annotations

import sqlite3

import httpx
import pytest

from flowin_engine.events import ExecutionStatus

from .builders import make_flow
from .test_runtime import activate, finished, start_runtime
from .testkit import operations as testkit


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    testkit.calls.clear()


@pytest.fixture
def store(tmp_path):
    from flowin_engine.store import Store

    with Store(tmp_path / "flowin.db") as store:
        yield store


def checked_order(respond: str):
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "orders", "respond": respond}),
            (
                "Check",
                "core.condition",
                {"conditions": [{"left": "{{ trigger.body.stop }}", "operator": "is_true"}]},
            ),
            ("Stop", "core.stop_with_error", {"message": "Told to stop"}),
            ("Reply", "webhook.respond", {"body": "fine"}),
        ],
        ["Webhook -> Check", "Check:true -> Stop", "Check:false -> Reply"],
        name="Orders",
    )
    flow.settings.steps_of_failed_runs_only = True
    return flow


@pytest.mark.parametrize("respond", ["immediately", "when_done"])
def test_the_hot_path_writes_no_step_rows_for_a_successful_run_of_a_failures_only_flow(
    store, respond
):
    activate(store, checked_order(respond))
    runtime = start_runtime(store)
    try:
        assert runtime.route("/webhook/orders").plan is not None  # the hot path
        bodies = [{"stop": False, "n": n} for n in range(5)] + [{"stop": True}]
        with httpx.Client() as client:
            replies = [client.post(f"{runtime.address}/webhook/orders", json=b) for b in bodies]
        if respond == "immediately":
            assert {r.status_code for r in replies} == {202}
            ids = [r.json()["execution_id"] for r in replies]
        else:
            assert [r.status_code for r in replies] == [200] * 5 + [500]
            ids = [r.json()["execution_id"] for r in replies[-1:]]
            ids = [s.id for s in store.executions.summaries() if s.id not in ids] + ids
        runs = {run_id: finished(store, run_id).status for run_id in ids}
    finally:
        runtime.stop(grace=2)

    failed = [run_id for run_id, status in runs.items() if status == ExecutionStatus.FAILED]
    succeeded = [run_id for run_id, status in runs.items() if status == ExecutionStatus.SUCCESS]
    assert len(failed) == 1 and len(succeeded) == 5
    with sqlite3.connect(store.path) as db:
        rows = db.execute("SELECT execution_id, node_name FROM steps").fetchall()
    assert {run_id for run_id, _ in rows} == set(failed)
    assert sorted(name for _, name in rows) == ["Check", "Reply", "Stop", "Webhook"]
