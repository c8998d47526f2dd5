"""Events that come with their own id (the cloud relay's) may arrive more than once: the inbox
takes each id once, and a repeat never fails the other events written with it."""

from __future__ import annotations

import threading
import time

import pytest

from flowin_engine.data_folder import DataFolder
from flowin_engine.model import FlowStatus
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.store import Store

from .builders import make_flow


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


def noted_flow():
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "orders"}),
            ("Note", "core.set_fields", {"fields": [{"name": "n", "value": "{{ trigger.n }}"}]}),
        ],
        ["Webhook -> Note"],
        name="Orders",
    )
    flow.status = FlowStatus.ACTIVE
    return flow


def wait_until(condition, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("the condition did not come true in time")


def test_a_repeated_event_id_is_written_and_run_once_and_its_batch_mates_still_run(tmp_path):
    with Store(tmp_path / "flowin.db") as store:
        flow = noted_flow()
        store.flows.save(flow)
        runtime = DataFolder(store).runtime(RuntimeSettings(port=0, sync_interval=0.1))
        runtime.start()
        try:
            # Held back so that the copies and the other events share one group write.
            gate = threading.Event()
            original_add = store.inbox.add

            def held_add(events, *args, **kwargs):
                gate.wait(10)
                return original_add(events, *args, **kwargs)

            store.inbox.add = held_add  # type: ignore[method-assign]
            first = runtime.inbox.accept(flow.id, "webhook", {"n": 0}, "relay-event-1")[1]
            futures = [
                runtime.inbox.accept(flow.id, "webhook", {"n": n}, f"relay-event-{n}")[1]
                for n in range(1, 6)
            ]
            futures.append(runtime.inbox.accept(flow.id, "webhook", {"n": 1}, "relay-event-1")[1])
            gate.set()
            for future in [first, *futures]:
                future.result(timeout=30)
            ids = {f"relay-event-{n}" for n in range(1, 6)}
            wait_until(lambda: store.executions.recorded(ids) == ids)
            # Once it ran (and even after its inbox row is gone), the id is still known.
            store.inbox.add = original_add  # type: ignore[method-assign]
            runtime.inbox.accept_now(flow.id, "webhook", {"n": 1}, "relay-event-1")
            wait_until(
                lambda: all(s.status == "success" for s in store.executions.summaries(limit=100))
            )
        finally:
            runtime.stop(grace=2)
        store.inbox.forget_started()
        runtime = DataFolder(store).runtime(RuntimeSettings(port=0, sync_interval=0.1))
        runtime.start()
        try:
            runtime.inbox.accept_now(flow.id, "webhook", {"n": 1}, "relay-event-1")
            runs = store.executions.summaries(limit=100)
            assert sorted(run.id for run in runs) == sorted(ids)
            assert store.executions.get("relay-event-1").trigger_data == {"n": 0}
            assert store.inbox.unstarted() == []
        finally:
            runtime.stop(grace=2)
