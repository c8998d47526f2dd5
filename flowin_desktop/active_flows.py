"""The runtime inside the app: active flows run while Flowin is open or in the tray."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from flowin_engine.data_folder import DataFolder
from flowin_engine.errors import FlowinError
from flowin_engine.events import Event, ExecutionFinished, ExecutionStatus
from flowin_engine.model import FlowStatus
from flowin_engine.runtime import AlreadyRunning
from flowin_engine.sync import Account

log = logging.getLogger(__name__)


class ActiveFlows(QObject):
    """Starts the engine's runtime and tells the window (from any thread) when a run fails."""

    run_failed = Signal(str, str, str)  # execution id, flow name, error
    run_succeeded = Signal(str, str)  # execution id, flow name
    # Flows were switched on or off here (Pause all flows): every view showing a flow's state
    # reads it again from the store.
    statuses_changed = Signal()

    def __init__(
        self, folder: DataFolder, parent: QObject | None = None, account: Account | None = None
    ) -> None:
        super().__init__(parent)
        self.store = folder.store
        # Signed in as the window is, its relay receives what the live addresses are sent.
        self.runtime = folder.runtime(account=account)
        self._names: dict[str, str] = {}
        self.start_error: str | None = None
        self.start_failure: FlowinError | None = None
        self.runtime.runner.events.subscribe(self._events)

    def start(self) -> None:
        """Start running the active flows; what keeps them from running is in ``problem``."""
        try:
            self.runtime.start()
        except FlowinError as error:  # another Flowin runs this data folder, say
            self.start_error = str(error)
            self.start_failure = error
            log.warning("Active flows don't run in this window: %s", error)

    @property
    def running(self) -> bool:
        return self.start_error is None

    @property
    def problem(self) -> str | None:
        """Why active flows (or their webhooks) don't run here, for the status bar."""
        return self.start_error or self.runtime.listen_error

    def problem_text(self) -> str | None:
        """``problem`` in the user's language, saying what a desktop user can do about it."""
        failure = self.start_failure
        if isinstance(failure, AlreadyRunning):
            if failure.pid:
                return self.tr(
                    "Your active flows don't run in this window: Flowin is already open with the "
                    "same data (process %1), and only one Flowin at a time can run them. Quit the "
                    "other Flowin (its window or its icon in the tray), then open Flowin again."
                ).replace("%1", str(failure.pid))
            return self.tr(
                "Your active flows don't run in this window: Flowin is already open with the "
                "same data, and only one Flowin at a time can run them. Quit the other Flowin "
                "(its window or its icon in the tray), then open Flowin again."
            )
        if failure is not None:
            return self.start_error
        listening = self.runtime.listen_failure
        if listening is not None:
            return self.tr(
                "Webhooks can't receive events in this window: port %1 is in use by another "
                "program, perhaps another Flowin. Close that program, then open Flowin again. "
                "Active flows that don't start from a webhook still run."
            ).replace("%1", str(listening.port))
        return None

    def stop(self) -> int:
        """Stop running flows (steps get 5 seconds); returns how many runs were cut short."""
        return self.runtime.stop(grace=5)

    def pause_all(self) -> int:
        """Switch every active flow off; returns how many."""
        paused = 0
        for summary in self.store.flows.summaries():
            if summary.status == FlowStatus.ACTIVE:
                self.store.flows.set_status(summary.id, FlowStatus.PAUSED)
                paused += 1
        self.runtime.sync()
        if paused:
            self.statuses_changed.emit()
        return paused

    def _events(self, events: Sequence[Event]) -> None:
        for event in events:
            if isinstance(event, ExecutionFinished):
                name = self.runtime.flow_name(event.flow_id)
                if event.status == ExecutionStatus.FAILED:
                    self.run_failed.emit(event.execution_id, name, event.error or "")
                elif event.status == ExecutionStatus.SUCCESS:
                    self.run_succeeded.emit(event.execution_id, name)


class ProblemLabel(QLabel):
    """Why active flows (or their webhooks) don't run here, in the status bar, kept in the
    user's language when it changes."""

    def __init__(self, active_flows: ActiveFlows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.active_flows = active_flows
        self.setObjectName("activeFlowsProblem")
        self.setWordWrap(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.active_flows.problem_text() or "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
