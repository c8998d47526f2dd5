"""A long Delay survives Flowin stopping: the run carries on from the delay, in its loop
iteration, with nothing run twice and a history that reads as one run."""

from __future__ import annotations

import httpx
import pytest

from flowin_engine.events import ExecutionStatus
from flowin_engine.store import Store

from .builders import make_flow
from .test_runtime import activate, finished, start_runtime, wait_for
from .test_runtime_durability import assert_clean_history
from .testkit import operations as testkit


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    testkit.calls.clear()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "flowin.db") as store:
        yield store


def stop_while_parked(store, flow, body, ready=None):
    """Run ``flow`` once, and stop Flowin while it waits in a Delay (once ``ready`` holds).

    The Delays here wait a few seconds, so that a busy machine still stops Flowin before they
    end: a wait of one second was sometimes over before the stop."""
    first = start_runtime(store)
    first.runner.durable_wait = 0.2
    execution_id = httpx.post(f"{first.address}/webhook/{flow.name}", json=body).json()[
        "execution_id"
    ]
    wait_for(ready or store.executions.parked)
    first.stop(grace=0)
    assert store.executions.get(execution_id).status == ExecutionStatus.WAITING
    return execution_id


def test_a_resumed_delay_finishes_its_own_row_and_replays_nothing_into_the_history(store):
    flow = activate(
        store,
        make_flow(
            [
                ("Webhook", "webhook.receive", {"path": "plain"}),
                ("Before", "testkit.record", {"key": "before"}),
                ("Wait", "core.delay", {"mode": "duration", "amount": 4, "unit": "seconds"}),
                ("After", "testkit.record", {"key": "after"}),
            ],
            ["Webhook -> Before", "Before -> Wait", "Wait -> After"],
            name="plain",
        ),
    )
    execution_id = stop_while_parked(store, flow, {"n": 1})

    second = start_runtime(store)
    try:
        detail = finished(store, execution_id)
    finally:
        second.stop(grace=1)
    assert detail.status == ExecutionStatus.SUCCESS
    assert len(testkit.calls["before"]) == 1
    assert len(testkit.calls["after"]) == 1
    assert store.executions.parked() == []
    assert [s.node_name for s in detail.steps] == ["Webhook", "Before", "Wait", "After"]
    assert_clean_history(detail)
    waited = next(s for s in detail.steps if s.node_name == "Wait")
    assert waited.duration_ms >= 4000
    # The run's own duration counts from its real start, not from the restart.
    wall = (detail.finished_at - detail.started_at).total_seconds() * 1000
    assert abs(detail.duration_ms - wall) < 1000


def test_a_delay_in_a_loop_carries_on_in_its_iteration_after_a_restart(store):
    flow = activate(
        store,
        make_flow(
            [
                ("Webhook", "webhook.receive", {"path": "loop"}),
                ("Each", "core.loop", {"items": "{{ trigger.body.items }}"}),
                ("Before", "testkit.record", {"key": "before", "value": "{{ loop.item.n }}"}),
                ("Wait", "core.delay", {"amount": "{{ loop.item.wait }}", "unit": "seconds"}),
                ("After", "testkit.record", {"key": "after", "value": "{{ loop.item.n }}"}),
                ("Done", "testkit.record", {"key": "done"}),
            ],
            [
                "Webhook -> Each",
                "Each:item -> Before",
                "Before -> Wait",
                "Wait -> After",
                "Each:done -> Done",
            ],
            name="loop",
        ),
    )
    items = [{"n": 1, "wait": 0}, {"n": 2, "wait": 4}, {"n": 3, "wait": 0}]
    execution_id = stop_while_parked(store, flow, {"items": items})
    assert testkit.calls["before"] == [1, 2]
    assert testkit.calls["after"] == [1]

    second = start_runtime(store)
    try:
        detail = finished(store, execution_id)
    finally:
        second.stop(grace=1)
    assert detail.status == ExecutionStatus.SUCCESS, detail.error
    assert testkit.calls["before"] == [1, 2, 3]
    assert testkit.calls["after"] == [1, 2, 3]
    [done] = testkit.calls["done"]
    assert done == {"results": [1, 2, 3], "count": 3}
    assert store.executions.parked() == []
    assert_clean_history(detail)
    waited = next(s for s in detail.steps if s.node_name == "Wait" and s.iteration == 1)
    assert waited.duration_ms >= 4000


def test_a_branch_that_finished_while_a_delay_waited_is_not_run_again_after_a_restart(store):
    flow = activate(
        store,
        make_flow(
            [
                ("Webhook", "webhook.receive", {"path": "side"}),
                ("Wait", "core.delay", {"mode": "duration", "amount": 5, "unit": "seconds"}),
                ("After", "testkit.record", {"key": "after"}),
                ("Slow", "testkit.pause", {"seconds": 0.3}),
                ("Charge", "testkit.record", {"key": "charge"}),
            ],
            ["Webhook -> Wait", "Wait -> After", "Webhook -> Slow", "Slow -> Charge"],
            name="side",
        ),
    )
    execution_id = stop_while_parked(
        store, flow, {}, ready=lambda: testkit.calls["charge"] and store.executions.parked()
    )
    assert "after" not in testkit.calls

    second = start_runtime(store)
    try:
        detail = finished(store, execution_id)
    finally:
        second.stop(grace=1)
    assert detail.status == ExecutionStatus.SUCCESS, detail.error
    assert len(testkit.calls["charge"]) == 1
    assert len(testkit.calls["after"]) == 1
    assert_clean_history(detail)


def test_a_run_waiting_in_two_delays_at_once_carries_on_once(store):
    flow = activate(
        store,
        make_flow(
            [
                ("Webhook", "webhook.receive", {"path": "two"}),
                ("Short", "core.delay", {"mode": "duration", "amount": 4, "unit": "seconds"}),
                ("Long", "core.delay", {"mode": "duration", "amount": 5, "unit": "seconds"}),
                ("A", "testkit.record", {"key": "a"}),
                ("B", "testkit.record", {"key": "b"}),
            ],
            ["Webhook -> Short", "Short -> A", "Webhook -> Long", "Long -> B"],
            name="two",
        ),
    )
    execution_id = stop_while_parked(
        store, flow, {}, ready=lambda: len(store.executions.parked()) == 2
    )

    second = start_runtime(store)
    try:
        detail = finished(store, execution_id)
    finally:
        second.stop(grace=1)
    assert detail.status == ExecutionStatus.SUCCESS, detail.error
    assert len(testkit.calls["a"]) == 1
    assert len(testkit.calls["b"]) == 1
    assert store.executions.parked() == []
    assert_clean_history(detail)
    longer = next(s for s in detail.steps if s.node_name == "Long")
    assert longer.duration_ms >= 5000


def test_a_waiting_run_that_is_cancelled_does_not_come_back_after_a_restart(store):
    flow = activate(
        store,
        make_flow(
            [
                ("Webhook", "webhook.receive", {"path": "cancel"}),
                ("Wait", "core.delay", {"mode": "duration", "amount": 4, "unit": "seconds"}),
                ("After", "testkit.record", {"key": "after"}),
            ],
            ["Webhook -> Wait", "Wait -> After"],
            name="cancel",
        ),
    )
    first = start_runtime(store)
    first.runner.durable_wait = 0.2
    execution_id = httpx.post(f"{first.address}/webhook/{flow.name}", json={}).json()[
        "execution_id"
    ]
    wait_for(store.executions.parked)
    assert first.runner.cancel(execution_id)
    assert finished(store, execution_id).status == ExecutionStatus.CANCELLED
    assert store.executions.parked() == []
    first.stop(grace=0)

    second = start_runtime(store)
    try:
        assert second.runner.active() == []
    finally:
        second.stop(grace=1)
    assert store.executions.get(execution_id).status == ExecutionStatus.CANCELLED
    assert "after" not in testkit.calls


def test_a_delay_in_a_loop_inside_a_loop_carries_on_in_both_iterations(store):
    flow = activate(
        store,
        make_flow(
            [
                ("Webhook", "webhook.receive", {"path": "nested"}),
                ("Orders", "core.loop", {"items": "{{ trigger.body.orders }}"}),
                ("Lines", "core.loop", {"items": "{{ loop.item.lines }}"}),
                ("Wait", "core.delay", {"amount": "{{ loop.item.wait }}", "unit": "seconds"}),
                ("Ship", "testkit.record", {"key": "ship", "value": "{{ loop.item.sku }}"}),
                ("Done", "testkit.record", {"key": "done"}),
            ],
            [
                "Webhook -> Orders",
                "Orders:item -> Lines",
                "Lines:item -> Wait",
                "Wait -> Ship",
                "Orders:done -> Done",
            ],
            name="nested",
        ),
    )
    orders = [
        {"lines": [{"sku": "a1", "wait": 0}, {"sku": "a2", "wait": 0}]},
        {"lines": [{"sku": "b1", "wait": 0}, {"sku": "b2", "wait": 4}, {"sku": "b3", "wait": 0}]},
    ]
    execution_id = stop_while_parked(store, flow, {"orders": orders})
    assert testkit.calls["ship"] == ["a1", "a2", "b1"]

    second = start_runtime(store)
    try:
        detail = finished(store, execution_id)
    finally:
        second.stop(grace=1)
    assert detail.status == ExecutionStatus.SUCCESS, detail.error
    assert testkit.calls["ship"] == ["a1", "a2", "b1", "b2", "b3"]
    [done] = testkit.calls["done"]
    assert done["count"] == 2
    assert [len(order["results"]) for order in done["results"]] == [2, 3]
    assert store.executions.parked() == []
