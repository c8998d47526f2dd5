"""The execution history a runner writes to is a declared contract (``ExecutionHistory``):
any object with its four methods keeps a runner's executions, the store's among them."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from flowin_engine.events import Event, ExecutionFinished, ExecutionStarted, ExecutionStatus
from flowin_engine.model import Flow
from flowin_engine.runner import ExecutionHistory, Runner

from .builders import make_flow, registry_with_testkit


class HistoryInMemory:
    """Keeps what a runner hands its history, in lists."""

    def __init__(self) -> None:
        self.begun: list[str] = []
        self.events: list[Event] = []
        self.parked: list[tuple[str, str]] = []
        self.unparked: list[tuple[str, str]] = []
        self.finished = threading.Event()

    def begin_executions(self, runs: Sequence[tuple[ExecutionStarted, Flow]]) -> None:
        self.begun.extend(started.execution_id for started, _ in runs)

    def record(self, events: Sequence[Event]) -> None:
        self.events.extend(events)
        if any(isinstance(event, ExecutionFinished) for event in events):
            self.finished.set()

    def park(self, execution_id: str, node_id: str, wake_at: datetime, state: Any) -> None:
        self.parked.append((execution_id, node_id))

    def unpark(self, execution_id: str, node_id: str) -> None:
        self.unparked.append((execution_id, node_id))


def delayed_flow() -> Flow:
    return make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Wait", "core.delay", {"mode": "duration", "amount": 1, "unit": "seconds"}),
            ("After", "testkit.echo", {"value": "late"}),
        ],
        ["Start -> Wait", "Wait -> After"],
    )


def test_any_execution_history_gets_the_start_the_steps_and_the_long_delays_of_a_run() -> None:
    history = HistoryInMemory()
    flow = delayed_flow()
    wait = next(node.id for node in flow.nodes if node.name == "Wait")
    declared: ExecutionHistory = history  # what the runner asks of a history, and no more
    with Runner(registry_with_testkit(), history=declared) as runner:
        runner.durable_wait = 0.1  # the one-second Delay counts as long
        result = runner.run(flow, {})
        assert history.finished.wait(30)
    assert result.status == ExecutionStatus.SUCCESS
    assert history.begun == [result.execution_id]
    assert history.parked[0] == (result.execution_id, wait)
    assert history.unparked == [(result.execution_id, wait)]
    assert isinstance(history.events[0], ExecutionStarted)


def test_a_runner_without_a_history_runs_a_long_delay_all_the_same() -> None:
    with Runner(registry_with_testkit()) as runner:
        runner.durable_wait = 0.1
        result = runner.run(delayed_flow(), {})
    assert result.status == ExecutionStatus.SUCCESS
    assert result.outputs["After"] == "late"


class SlowToPark(HistoryInMemory):
    """A history that is still writing down a Delay when the run is cancelled."""

    def __init__(self) -> None:
        super().__init__()
        self.parking = threading.Event()
        self.may_finish_parking = threading.Event()

    def park(self, execution_id: str, node_id: str, wake_at: datetime, state: Any) -> None:
        self.parking.set()
        assert self.may_finish_parking.wait(30)
        super().park(execution_id, node_id, wake_at, state)


def test_a_run_cancelled_while_its_long_delay_is_written_down_ends_at_once() -> None:
    history = SlowToPark()
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Wait", "core.delay", {"mode": "duration", "amount": 1, "unit": "hours"}),
            ("After", "testkit.echo", {"value": "late"}),
        ],
        ["Start -> Wait", "Wait -> After"],
    )
    with Runner(registry_with_testkit(), history=history) as runner:
        handle = runner.start(flow, {})
        assert history.parking.wait(30)
        assert handle.cancel()
        history.may_finish_parking.set()
        result = handle.wait(30)  # not the hour the Delay would wait
    assert result.status == ExecutionStatus.CANCELLED
    assert "After" not in result.outputs
