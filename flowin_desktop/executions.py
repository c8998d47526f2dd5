"""The executions view: every run in the history, filtered, with its steps and their data."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.errors import FlowinError
from flowin_engine.events import ExecutionStatus, StepStatus
from flowin_engine.history import RETRYABLE, was_refused
from flowin_engine.runtime._relay import FLOW_OFF_ERROR
from flowin_engine.store import ExecutionDetail, ExecutionSummary, Store, shrink

from .i18n import date_time_text, follow_digits, isolate, number_text, stored_error_text
from .panels.run_table import add_readable, step_input
from .theme import LIGHT, Theme

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The mode of a run the cloud ran (flowin_engine.sync.runs.CLOUD_MODE; the sync package is
# not loaded by this view).
CLOUD_MODE = "cloud"
STATE_COLOUR = {
    "success": "success",
    "reused": "success",
    "failed": "failure",
    "interrupted": "failure",
    "cancelled": "skipped",
    "skipped": "skipped",
    "running": "running",
    "waiting": "retrying",
    "retrying": "retrying",
}
PERIODS = ("any", "today", "week", "month", "between")


class ExecutionsView(QWidget):
    """Lists runs newest first; ``retry`` starts a retry and returns the new execution's id."""

    back_requested = Signal()
    fix_requested = Signal(str, str)  # Fix now on a failed run: its flow's id, the failed step

    def __init__(
        self, store: Store, retry: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.store = store
        self.retry = retry
        self.theme: Theme = LIGHT
        self.detail: ExecutionDetail | None = None

        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.flow_filter = QComboBox()
        self.status_filter = QComboBox()
        self.period_filter = QComboBox()
        self.since_edit = QDateEdit(QDate.currentDate().addDays(-7))
        self.until_edit = QDateEdit(QDate.currentDate())
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(lambda *_: self.refresh())
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        for combo in (self.flow_filter, self.status_filter, self.period_filter):
            combo.currentIndexChanged.connect(lambda *_: self.refresh())

        self.list = QTreeWidget()
        self.list.setObjectName("executionList")
        self.list.setRootIsDecorated(False)
        self.list.setColumnCount(4)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.empty = QLabel()
        self.empty.setObjectName("muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.summary = QLabel()
        self.summary.setObjectName("sectionTitle")
        self.summary.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("problem")
        self.error.setWordWrap(True)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("primary")
        self.retry_button.clicked.connect(self.retry_current)
        self.fix_button = QPushButton()
        self.fix_button.clicked.connect(self.fix_current)
        self.steps = QTreeWidget()
        self.steps.setRootIsDecorated(False)
        self.steps.setColumnCount(3)
        self.steps.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.steps.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.steps.header().setStretchLastSection(False)
        self.steps.currentItemChanged.connect(lambda *_: self._show_step())
        self.data_model = QStandardItemModel()
        self.data_view = QTreeView()
        self.data_view.setModel(self.data_model)
        self.data_view.setAlternatingRowColors(True)

        filters = QHBoxLayout()
        filters.addWidget(self.back_button)
        filters.addWidget(self.title)
        filters.addStretch()
        for widget in (
            self.flow_filter,
            self.status_filter,
            self.period_filter,
            self.since_edit,
            self.until_edit,
            self.refresh_button,
        ):
            filters.addWidget(widget)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)
        right = QWidget()
        right.setObjectName("panel")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(12, 10, 12, 10)
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.fix_button, alignment=Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.retry_button, alignment=Qt.AlignmentFlag.AlignTop)
        right_layout.addLayout(head)
        right_layout.addWidget(self.error)
        data_split = QSplitter(Qt.Orientation.Vertical)
        data_split.addWidget(self.steps)
        data_split.addWidget(self.data_view)
        data_split.setSizes([200, 300])
        right_layout.addWidget(data_split, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setSizes([560, 560])
        self.split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(filters)
        layout.addWidget(self.split, 1)
        self.retranslate()

    def retranslate(self) -> None:
        for edit in (self.since_edit, self.until_edit):
            follow_digits(edit)
        self.back_button.setText(self.tr("‹ Back"))
        self.title.setText(self.tr("Executions"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the history again"))
        self._label_retry()
        self.fix_button.setText(self.tr("Fix now"))
        self.fix_button.setToolTip(self.tr("Open the flow at the step that failed"))
        self.flow_filter.setAccessibleName(self.tr("Flow"))
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.period_filter.setAccessibleName(self.tr("When"))
        self.since_edit.setToolTip(self.tr("From"))
        self.until_edit.setToolTip(self.tr("Until"))
        self.list.setHeaderLabels(
            [self.tr("Status"), self.tr("Flow"), self.tr("Started"), self.tr("Took")]
        )
        self.steps.setHeaderLabels([self.tr("Step"), self.tr("Status"), self.tr("Took")])
        self.empty.setText(self.tr("No runs match these filters."))
        if self.isVisible():  # show_flow() fills the filters and the list when it opens
            self._fill_filters()
            self.refresh()

    def run_status_text(self, status: str, error: str | None) -> str:
        """A run's state in words; a request for a flow that was off says so rather than
        "Cancelled" (the cloud kept it while the computer was away, then it was not run)."""
        if status == ExecutionStatus.CANCELLED.value and error == FLOW_OFF_ERROR:
            return self.tr("Not run: flow was off")
        return self.status_text(status)

    def status_text(self, status: str) -> str:
        return {
            "running": self.tr("Running"),
            "waiting": self.tr("Waiting"),
            "success": self.tr("Succeeded"),
            "failed": self.tr("Failed"),
            "cancelled": self.tr("Cancelled"),
            "interrupted": self.tr("Interrupted"),
            "skipped": self.tr("Skipped"),
            "retrying": self.tr("Retrying"),
            "reused": self.tr("Reused"),
        }.get(status, status)

    def _fill_filters(self) -> None:
        flow = self.flow_filter.currentData()
        status = self.status_filter.currentData()
        period = self.period_filter.currentData()
        for combo in (self.flow_filter, self.status_filter, self.period_filter):
            combo.blockSignals(True)
            combo.clear()
        self.flow_filter.addItem(self.tr("All flows"), None)
        for summary in self.store.flows.summaries():
            self.flow_filter.addItem(summary.name, summary.id)
        self.status_filter.addItem(self.tr("Any status"), None)
        for value in ExecutionStatus:
            self.status_filter.addItem(self.status_text(value.value), value.value)
        for value, text in zip(
            PERIODS,
            (
                self.tr("Any time"),
                self.tr("Today"),
                self.tr("Last 7 days"),
                self.tr("Last 30 days"),
                self.tr("Between dates"),
            ),
            strict=True,
        ):
            self.period_filter.addItem(text, value)
        for combo, data in (
            (self.flow_filter, flow),
            (self.status_filter, status),
            (self.period_filter, period),
        ):
            combo.setCurrentIndex(max(combo.findData(data), 0))
            combo.blockSignals(False)

    def show_flow(self, flow_id: str | None) -> None:
        """Open with the runs of one flow (or of all flows)."""
        self._fill_filters()
        self.flow_filter.setCurrentIndex(max(self.flow_filter.findData(flow_id), 0))
        self.refresh()

    def set_filters(
        self, flow_id: str | None = None, status: str | None = None, period: str = "any"
    ) -> None:
        for combo, data in (
            (self.flow_filter, flow_id),
            (self.status_filter, status),
            (self.period_filter, period),
        ):
            combo.setCurrentIndex(max(combo.findData(data), 0))

    def _range(self) -> tuple[datetime | None, datetime | None]:
        period = self.period_filter.currentData()
        today = datetime.combine(datetime.now().date(), time()).astimezone()
        if period == "today":
            return today.astimezone(UTC), None
        if period == "week":
            return (today - timedelta(days=6)).astimezone(UTC), None
        if period == "month":
            return (today - timedelta(days=29)).astimezone(UTC), None
        if period == "between":
            since = self.since_edit.date().toPython()
            until = self.until_edit.date().toPython() + timedelta(days=1)
            return (
                datetime.combine(since, time()).astimezone().astimezone(UTC),
                datetime.combine(until, time()).astimezone().astimezone(UTC),
            )
        return None, None

    def refresh(self) -> None:
        between = self.period_filter.currentData() == "between"
        self.since_edit.setVisible(between)
        self.until_edit.setVisible(between)
        selected = self.current_id()
        since, until = self._range()
        try:
            runs = self.store.executions.summaries(
                flow_id=self.flow_filter.currentData(),
                status=self.status_filter.currentData(),
                since=since,
                until=until,
                limit=200,
            )
        except FlowinError as error:
            self.empty.setText(str(error))
            runs = []
        self.list.blockSignals(True)
        self.list.clear()
        for run in runs:
            item = QTreeWidgetItem(self._row(run))
            item.setData(0, ID_ROLE, run.id)
            if run.mode == CLOUD_MODE:
                item.setToolTip(0, self.tr("Ran in the cloud, not on this computer"))
            item.setForeground(0, self._colour(run.status.value))
            self.list.addTopLevelItem(item)
            if run.id == selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not runs)
        if self.list.currentItem() is None and runs:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        else:
            self._show_current()

    def _row(self, run: ExecutionSummary) -> list[str]:
        started = date_time_text(
            run.started_at.astimezone().replace(tzinfo=None), "d MMM, HH:mm:ss"
        )
        status = self.run_status_text(run.status.value, run.error)
        if run.retry_of:
            status += " ↻"
        if run.mode == CLOUD_MODE:
            status += " ☁"
        return [status, isolate(run.flow_name), started, self._took(run.duration_ms)]

    def _took(self, duration_ms: float | None) -> str:
        if duration_ms is None:
            return "—"
        if duration_ms < 1000:
            return self.tr("%1 ms").replace("%1", number_text(round(duration_ms)))
        return self.tr("%1 s").replace("%1", number_text(duration_ms / 1000, 2))

    def _colour(self, status: str) -> QColor:
        return self.theme.color(STATE_COLOUR.get(status, "text"))

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def execution_ids(self) -> list[str]:
        return [
            self.list.topLevelItem(i).data(0, ID_ROLE) for i in range(self.list.topLevelItemCount())
        ]

    def select(self, execution_id: str) -> None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item.data(0, ID_ROLE) == execution_id:
                self.list.setCurrentItem(item)
                return

    def _label_retry(self) -> None:
        # A run that never started (its flow was off) has no failed step to retry from.
        if self.detail is not None and not self.detail.steps:
            self.retry_button.setText(self.tr("Run again"))
            self.retry_button.setToolTip(self.tr("Run the flow again with the same data."))
            return
        self.retry_button.setText(self.tr("Retry from the failed step"))
        self.retry_button.setToolTip(
            self.tr("Run again with the same data, reusing every step that had succeeded.")
        )

    def _show_current(self) -> None:
        execution_id = self.current_id()
        step = self.steps.currentItem()
        step_key = step.data(0, ID_ROLE) if step is not None else None
        self.steps.clear()
        self.data_model.clear()
        self.detail = None
        if execution_id is None:
            self.summary.setText(self.tr("Select a run to see its steps."))
            self.error.hide()
            self.retry_button.hide()
            self.fix_button.hide()
            return
        try:
            detail = self.store.executions.get(execution_id)
        except FlowinError as error:
            self.summary.setText(str(error))
            return
        self.detail = detail
        started = date_time_text(
            detail.started_at.astimezone().replace(tzinfo=None), "d MMM yyyy, HH:mm:ss"
        )
        summary = (
            self.tr("%1 · %2 · %3 · in the cloud")
            if detail.mode == CLOUD_MODE
            else self.tr("%1 · %2 · %3")
        )
        self.summary.setText(
            summary.replace("%1", self.run_status_text(detail.status.value, detail.error))
            .replace("%2", isolate(detail.flow_name))
            .replace("%3", started)
        )
        self.error.setText(
            self.tr("Failed at %1: %2")
            .replace("%1", isolate(detail.failed_node))
            .replace("%2", isolate(stored_error_text(detail.error)))
            if detail.failed_node
            else isolate(stored_error_text(detail.error))
        )
        self.error.setVisible(bool(detail.error))
        self.retry_button.setVisible(
            ExecutionStatus(detail.status) in RETRYABLE
            and not was_refused(detail.error, detail.trigger_data)
        )
        self.retry_button.setEnabled(True)
        self._label_retry()
        # Fix now: the failed step of a flow that still exists, opened in the editor.
        self.fix_button.setVisible(
            bool(detail.failed_node) and detail.status == ExecutionStatus.FAILED
        )
        trigger = QTreeWidgetItem([self.tr("Trigger data"), "", ""])
        trigger.setData(0, ID_ROLE, "trigger")
        self.steps.addTopLevelItem(trigger)
        chosen = None
        for index, record in enumerate(detail.steps):
            name = isolate(record.node_name)  # "Big order?" stays so in an Arabic list
            if record.iteration is not None:
                name = (
                    self.tr("%1 (item %2)")
                    .replace("%1", name)
                    .replace("%2", number_text(record.iteration + 1))
                )
            item = QTreeWidgetItem(
                [name, self.status_text(record.status.value), self._took(record.duration_ms)]
            )
            key = f"step:{index}"
            item.setData(0, ID_ROLE, key)
            item.setForeground(1, self._colour(record.status.value))
            self.steps.addTopLevelItem(item)
            if key == step_key or (chosen is None and record.status == StepStatus.FAILED):
                chosen = item
        self.steps.setCurrentItem(chosen or trigger)

    def _show_step(self) -> None:
        self.data_model.clear()
        self.data_model.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        item = self.steps.currentItem()
        if item is None or self.detail is None:
            return
        key = item.data(0, ID_ROLE)
        root = self.data_model.invisibleRootItem()
        settings = None
        if key == "trigger":
            # Kept whole for retries; a 16 MB body is shown cut, as step data is.
            add_readable(root, self.tr("Trigger data"), shrink(self.detail.trigger_data))
        else:
            record = self.detail.steps[int(key.split(":")[1])]
            data_in, settings = step_input(record.input)
            add_readable(root, self.tr("Input"), data_in)
            if record.error:
                add_readable(root, self.tr("Error"), stored_error_text(record.error))
            elif record.status != StepStatus.SKIPPED:
                add_readable(root, self.tr("Output"), record.output)
            if settings is not None:
                add_readable(root, self.tr("Settings it ran with"), settings)
        for row in range(self.data_model.rowCount()):
            folded = settings is not None and row == self.data_model.rowCount() - 1
            self.data_view.setExpanded(self.data_model.index(row, 0), not folded)
        self.data_view.resizeColumnToContents(0)

    def retry_current(self) -> str | None:
        execution_id = self.current_id()
        if execution_id is None:
            return None
        try:
            new_id = self.retry(execution_id)
        except FlowinError as error:
            self.error.setText(str(error))
            self.error.show()
            return None
        self.retry_button.setEnabled(False)
        self.refresh()
        self.select(new_id)
        return new_id

    def fix_current(self) -> None:
        if self.detail is not None and self.detail.failed_node:
            self.fix_requested.emit(self.detail.flow_id, self.detail.failed_node)

    def on_events(self, events: Any) -> None:
        """Follow runs live: called with each batch of engine events, or when one ends."""
        if self.isVisible() and events:
            self.refresh()
