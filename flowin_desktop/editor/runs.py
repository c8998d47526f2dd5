"""Test runs from the editor: the engine's Runner in its own pool, its events brought into Qt."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from flowin_engine.data_folder import DataFolder
from flowin_engine.events import Event
from flowin_engine.model import Flow
from flowin_engine.pinning import run_step, start_test_run
from flowin_engine.runner import ExecutionHandle
from flowin_engine.store import Store


class TestRuns(QObject):
    """Starts executions without blocking the UI and re-emits engine events on the UI thread."""

    events_arrived = Signal(object)

    def __init__(self, folder: DataFolder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = folder.runner(workers=4)
        self._unsubscribe = self.runner.events.subscribe(self._deliver)
        self.current: ExecutionHandle | None = None
        self.closed = False

    def _deliver(self, batch: Sequence[Event]) -> None:
        # Called on the engine's event thread; the signal queues the batch to the UI thread.
        self.events_arrived.emit(list(batch))

    def start(self, flow: Flow, trigger_data: Any = None) -> ExecutionHandle:
        """Run a snapshot of ``flow``, so edits made during the run don't change it.

        Pinned steps replay their pinned output: this is a test run.
        """
        self.current = start_test_run(self.runner, flow.model_copy(deep=True), trigger_data)
        return self.current

    def run_step(self, store: Store, flow: Flow, node_id: str) -> ExecutionHandle:
        """Run one step of a snapshot of ``flow`` with the data of the latest runs."""
        self.current = run_step(store, self.runner, flow.model_copy(deep=True), node_id)
        return self.current

    def is_running(self) -> bool:
        return bool(self.runner.active())

    def shutdown(self) -> None:
        if self.closed:
            return
        self.closed = True
        self._unsubscribe()
        self.runner.shutdown(cancel=True)
