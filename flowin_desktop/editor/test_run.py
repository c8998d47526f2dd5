"""The editor's test runs: running the flow (or one step of it), each step's result on its card
and as a line in the run log, Fix now after a failure, and pinning a step's output from the
latest run so the next test runs replay it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QPushButton

from flowin_engine.data_folder import DataFolder
from flowin_engine.errors import FlowinError, Problem
from flowin_engine.events import (
    ExecutionFinished,
    ExecutionStatus,
    StepFinished,
    StepSkipped,
    StepStarted,
    StepStatus,
)
from flowin_engine.pinning import NO_EARLIER_RUN, latest_outputs, pin
from flowin_engine.store import Store

from ..canvas import FlowScene
from ..i18n import isolate, number_text, problem_text, stored_error_text
from ..panels.accounts import AccountPicker
from ..panels.properties import PropertiesPanel
from ..panels.run_log import RunLog, Wording
from .document import FlowDocument, SetPinned
from .runs import TestRuns

STEP_STATE = {
    StepStatus.RUNNING: "running",
    StepStatus.SUCCESS: "success",
    StepStatus.REUSED: "success",
    StepStatus.FAILED: "failure",
    StepStatus.RETRYING: "retrying",
    StepStatus.SKIPPED: "skipped",
}


def _error_text(error: str | None, problem: Problem | None) -> str:
    """A step's error in the user's language when the engine gave its template."""
    return problem_text(problem) if problem is not None else stored_error_text(error)


class TestRun(QObject):
    """Runs the open flow as a test and shows how each step went; ``button`` starts a run."""

    __test__ = False  # a part of the app, not a test class for pytest

    finished = Signal(object)  # the run's ExecutionFinished
    message = Signal(str, int)  # for the status bar: text, milliseconds

    def __init__(
        self,
        store: Store,
        folder: DataFolder,
        document: FlowDocument,
        scene: FlowScene,
        properties: PropertiesPanel,
        run_log: RunLog,
        save: Callable[[], None],
        select_step: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.document = document
        self.scene = scene
        self.properties = properties
        self.run_log = run_log
        self.save = save  # a run runs the flow as saved
        self.select_step = select_step
        self.runs = TestRuns(folder, self)
        self.runs.events_arrived.connect(self._on_events)
        self.button = QPushButton()
        self.button.setObjectName("primary")
        self.button.clicked.connect(self.start)
        self._step_numbers: dict[str, int] = {}
        self._step_run: str | None = None  # the step a run of one step runs
        self._fix_target: tuple[str, str | None] | None = None  # (step id, setting) to open
        run_log.fix_requested.connect(self.fix_failed_step)
        properties.pin_requested.connect(self.set_pinned)
        properties.run_step_requested.connect(self.run_step_only)

    def retranslate(self) -> None:
        self.button.setText(self.tr("▶  Test run"))
        self.run_log.retranslate()

    def start(self) -> bool:
        """Save the flow and run it as a test (pinned steps replay their output)."""
        self.save()
        self.scene.clear_run_states()
        self.properties.clear_step_data()
        self.run_log.clear()
        self._fix_target = None
        self._step_numbers = {}
        self._step_run = None
        try:
            self.runs.start(self.document.flow)
        except FlowinError as error:
            self.run_log.set_summary(
                lambda: self.tr("Oops! This flow can't run yet — let's fix it together.")
            )
            problems = getattr(error, "problems", None)
            lines: list[Wording] = (
                [_problem_line(problem) for problem in problems]
                if problems
                else [line.strip(" •") for line in str(error).splitlines()]
            )
            for line in lines:
                self.run_log.add(line, "failure")
            self.run_log.setVisible(True)
            return False
        self.button.setEnabled(False)
        self.run_log.set_summary(lambda: self.tr("Running…"))
        self.run_log.setVisible(True)
        return True

    def run_step_only(self, node_id: str) -> bool:
        """Run one step with what the steps before it gave in the latest runs (or their pins)."""
        if self.runs.is_running():
            return False
        self.save()
        self.run_log.clear()
        self._fix_target = None
        self._step_numbers = {}
        self.scene.set_run_state(node_id, None)
        try:
            self.runs.run_step(self.store, self.document.flow, node_id)
        except FlowinError as error:
            message = str(error)
            if message == NO_EARLIER_RUN:
                message = self.tr("Run the flow once first so this step has data to work with.")
            self.run_log.set_summary(message)
            self.run_log.setVisible(True)
            self.message.emit(message, 8000)
            return False
        self._step_run = node_id
        self.button.setEnabled(False)
        self.run_log.set_summary(lambda: self.tr("Running one step…"))
        self.run_log.setVisible(True)
        return True

    def forget(self) -> None:
        """Another flow was opened: a run of the previous one no longer paints this canvas."""
        self.runs.current = None
        self.button.setEnabled(True)
        self.properties.clear_step_data()
        self.scene.clear_run_states()
        self.run_log.clear()
        self.run_log.retranslate()

    def set_pinned(self, node_id: str, pinned: bool) -> bool:
        """Pin the step's output from the latest run (test runs replay it), or unpin it."""
        if not pinned:
            if node_id in self.document.flow.pinned:
                self.document.push(SetPinned(self.document, node_id, None))
            return True
        cut: set[str] = set()
        outputs, _ = latest_outputs(self.store, self.document.flow.id, cut)
        latest = outputs.get(node_id)
        if latest is None:
            message = (
                self.tr("This step's latest output was too big to keep, so it can't be pinned.")
                if node_id in cut
                else self.tr("This step has no output to pin yet: run the flow first.")
            )
            self.message.emit(message, 6000)
            return False
        self.document.push(SetPinned(self.document, node_id, pin(latest.output, latest.port)))
        return True

    def fix_failed_step(self) -> None:
        """Open what the last failure blames: the step's account dialog, or its field."""
        if self._fix_target is None:
            return
        node_id, setting = self._fix_target
        self.select_step(node_id)
        self.properties.show_node(node_id)
        self.properties.tabs.setCurrentIndex(0)
        editor = self.properties.editors.get(setting or "")
        if isinstance(editor, AccountPicker):
            editor.connect_account()
        elif editor is not None:
            editor.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def shutdown(self) -> None:
        self.runs.shutdown()

    # The run's events, as they arrive.

    def _number(self, node_id: str) -> int:
        return self._step_numbers.setdefault(node_id, len(self._step_numbers) + 1)

    def _on_events(self, events: Sequence[Any]) -> None:
        current = self.runs.current.id if self.runs.current else None
        for event in events:
            if getattr(event, "execution_id", None) != current:
                continue
            if isinstance(event, StepStarted):
                self.scene.set_run_state(event.node_id, "running")
                self._number(event.node_id)
            elif isinstance(event, StepFinished):
                self._step_finished(event)
            elif isinstance(event, StepSkipped):
                if self._step_run is not None:
                    continue  # a run of one step leaves the other steps as they were
                self.scene.set_run_state(event.node_id, "skipped")
                self.run_log.add(
                    lambda name=event.node_name: self.tr("Skipped: %1").replace(
                        "%1", isolate(name)
                    ),
                    "skipped",
                    event.node_id,
                )
            elif isinstance(event, ExecutionFinished):
                self._run_finished(event)

    def _step_finished(self, event: StepFinished) -> None:
        state = STEP_STATE.get(event.status, "running")
        pinned = event.status == StepStatus.REUSED and event.node_id in self.document.flow.pinned
        # In a whole test run, only a webhook trigger nothing has reached yet replays unpinned
        # data: its declared example.
        example = event.status == StepStatus.REUSED and not pinned and self._step_run is None
        if pinned:
            state = "pinned"
        self.scene.set_run_state(event.node_id, state)
        step = self._number(event.node_id)
        self.properties.set_step_data(event.node_id, event.input, event.output, event.error)

        def wording() -> str:
            number = number_text(step)
            if pinned:
                return (
                    self.tr("≡ Step %1 used its pinned output: %2")
                    .replace("%1", number)
                    .replace("%2", isolate(event.node_name))
                )
            elif example:
                return (
                    self.tr("≡ Step %1 used its example data, as nothing has reached it yet: %2")
                    .replace("%1", number)
                    .replace("%2", isolate(event.node_name))
                )
            elif event.status == StepStatus.REUSED:
                return (
                    self.tr("≡ Step %1 reused its output from the last run: %2")
                    .replace("%1", number)
                    .replace("%2", isolate(event.node_name))
                )
            elif event.status == StepStatus.SUCCESS:
                ms = number_text(round(event.duration * 1000))
                return (
                    self.tr("✓ Step %1 succeeded: %2 (%3 ms)")
                    .replace("%1", number)
                    .replace("%2", isolate(event.node_name))
                    .replace("%3", ms)
                )
            elif event.status == StepStatus.RETRYING:
                return (
                    self.tr("⚠ Step %1: %2 — trying again")
                    .replace("%1", number)
                    .replace("%2", isolate(_error_text(event.error, event.problem)))
                )
            else:
                return (
                    self.tr("✕ Step %1 failed: %2")
                    .replace("%1", number)
                    .replace("%2", isolate(_error_text(event.error, event.problem)))
                )

        self.run_log.add(wording, "violet" if pinned or example else state, event.node_id)

    def _run_finished(self, event: ExecutionFinished) -> None:
        self.button.setEnabled(True)
        failed = self.document.flow.node_by_name(event.failed_node or "")
        failed_number = self._step_numbers.get(failed.id) if failed is not None else None
        one_step = self._step_run is not None
        if event.status == ExecutionStatus.FAILED and failed is not None:
            self._fix_target = (failed.id, event.failed_setting)

        def wording() -> str:
            seconds = number_text(event.duration, 2)
            if event.status == ExecutionStatus.SUCCESS and one_step:
                return self.tr("The step ran in %1 s.").replace("%1", seconds)
            if event.status == ExecutionStatus.SUCCESS:
                return self.tr("Your flow's flying smoothly! Execution time: %1 s").replace(
                    "%1", seconds
                )
            if event.status == ExecutionStatus.FAILED:
                reason = isolate(_error_text(event.error, event.failed_problem))
                if failed_number is not None:
                    return (
                        self.tr("Step %1 failed: %2")
                        .replace("%1", number_text(failed_number))
                        .replace("%2", reason)
                    )
                return self.tr("The run failed: %1").replace("%1", reason)
            return self.tr("The run stopped (%1).").replace("%1", str(event.status))

        fixable = event.status == ExecutionStatus.FAILED and self._fix_target is not None
        self.run_log.set_summary(wording, fixable)
        self.message.emit(wording(), 8000)
        self.finished.emit(event)


def _problem_line(problem: Problem) -> Wording:
    return lambda: problem_text(problem).strip(" •")
