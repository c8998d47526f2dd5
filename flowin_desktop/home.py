"""The home view: the user's flows with how they run, and what to do with each of them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.cloud_run import cloud_run_flows
from flowin_engine.errors import FlowFileError
from flowin_engine.model import SCHEMA_VERSION, Flow, FlowStatus, new_id, utc_now
from flowin_engine.registry import Registry
from flowin_engine.sharing import shareable
from flowin_engine.store import FlowSummary, Store
from flowin_engine.validation import validate_flow

from .cloud.cloud_run import CLOUD_MARK, in_cloud_tooltip
from .i18n import date_time_text, isolate, number_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_FLOW_FILE_BYTES = 20 * 1024 * 1024
FILE_FILTER = "*.json"


class FlowRow(QWidget):
    """One flow in the list: its name and state, and how its runs went."""

    def __init__(self, name: str, state: str, state_kind: str, stats: list[tuple[str, str, str]]):
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.name = QLabel(name)
        self.name.setObjectName("flowRowName")
        self.state = QLabel(state)
        self.state.setObjectName(f"flowState_{state_kind}")
        # Names in another script would otherwise sit at their own side, not the row's start.
        start = Qt.AlignmentFlag.AlignLeft
        if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            start = Qt.AlignmentFlag.AlignRight
        for label in (self.name, self.state):
            label.setAlignment(Qt.AlignmentFlag.AlignAbsolute | start)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.name)
        titles.addWidget(self.state)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(28)
        layout.addLayout(titles, 1)
        self.stats: list[QLabel] = []
        for value, caption, kind in stats:
            number = QLabel(value)
            number.setObjectName(f"flowStat_{kind}")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setMinimumWidth(90)
            label = QLabel(caption)
            label.setObjectName("flowStatCaption")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(number)
            column.addWidget(label)
            layout.addLayout(column)
            self.stats.append(number)


class HomeView(QWidget):
    open_requested = Signal(str)
    create_requested = Signal()  # a blank flow
    new_requested = Signal()  # how to start: blank, a template or the AI builder
    templates_requested = Signal()
    save_as_template_requested = Signal(str)  # flow id
    export_as_template_requested = Signal(str)  # flow id

    def __init__(
        self, store: Store, registry: Registry | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.store = store
        self.registry = registry
        # Dialogs, behind attributes so tests can answer them without leaving one open.
        self.confirm: Callable[[str, str], bool] = self._confirm_with_dialog
        self.ask_name: Callable[[str, str], str | None] = self._ask_name_with_dialog
        self.choose_import_file: Callable[[], str | None] = self._choose_import_file
        self.choose_export_file: Callable[[str], str | None] = self._choose_export_file
        self.show_problem: Callable[[str, str, str], None] = self._show_problem_dialog
        self._summaries: dict[str, FlowSummary] = {}
        self._in_cloud: frozenset[str] = frozenset()  # the flows the cloud runs, as last shown

        self.title = QLabel()
        self.title.setObjectName("title")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("muted")
        self.new_button = QPushButton()
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_requested)
        self.templates_button = QPushButton()
        self.templates_button.clicked.connect(self.templates_requested)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_chosen_file)
        self.list = QListWidget()
        self.list.setObjectName("flowList")
        self.list.itemActivated.connect(lambda item: self.open_requested.emit(item.data(ID_ROLE)))
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._show_menu)

        self.empty = QWidget()
        self.empty.setObjectName("emptyHome")
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("muted")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.first_flow_button = QPushButton()
        self.first_flow_button.setObjectName("primary")
        self.first_flow_button.clicked.connect(self.create_requested)
        self.empty_import_button = QPushButton()
        self.empty_import_button.clicked.connect(self.import_chosen_file)
        self.browse_templates_button = QPushButton()
        self.browse_templates_button.clicked.connect(self.templates_requested)
        empty_buttons = QHBoxLayout()
        empty_buttons.addStretch()
        empty_buttons.addWidget(self.first_flow_button)
        empty_buttons.addWidget(self.browse_templates_button)
        empty_buttons.addWidget(self.empty_import_button)
        empty_buttons.addStretch()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch()
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.empty_hint)
        empty_layout.addSpacing(16)
        empty_layout.addLayout(empty_buttons)
        empty_layout.addStretch(2)

        self.content = QStackedWidget()
        self.content.addWidget(self.list)
        self.content.addWidget(self.empty)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()

        self.open_button = QPushButton()
        self.rename_button = QPushButton()
        self.duplicate_button = QPushButton()
        self.activate_button = QPushButton()
        self.archive_button = QPushButton()
        self.export_button = QPushButton()
        self.delete_button = QPushButton()
        self.open_button.clicked.connect(lambda: self._with_current(self.open_requested.emit))
        self.rename_button.clicked.connect(lambda: self._with_current(self.rename_current))
        self.duplicate_button.clicked.connect(lambda: self._with_current(self.duplicate))
        self.activate_button.clicked.connect(lambda: self._with_current(self.toggle_active))
        self.archive_button.clicked.connect(lambda: self._with_current(self.toggle_archived))
        self.export_button.clicked.connect(lambda: self._with_current(self.export_chosen_file))
        self.delete_button.clicked.connect(lambda: self._with_current(self.delete))
        self.flow_buttons = [
            self.open_button,
            self.rename_button,
            self.duplicate_button,
            self.activate_button,
            self.archive_button,
            self.export_button,
            self.delete_button,
        ]

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles)
        head.addStretch()
        head.addWidget(self.import_button, alignment=Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.templates_button, alignment=Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.new_button, alignment=Qt.AlignmentFlag.AlignTop)
        self.actions = QWidget()
        actions = QHBoxLayout(self.actions)
        actions.setContentsMargins(0, 0, 0, 0)
        for button in self.flow_buttons:
            actions.addWidget(button)
            if button is self.duplicate_button:
                actions.addSpacing(12)
        actions.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(16)
        layout.addLayout(head)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.actions)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your flows"))
        self.subtitle.setText(self.tr("Let your work flow — effortlessly."))
        self.new_button.setText(self.tr("+ New flow"))
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Add a flow from a .json file"))
        self.templates_button.setText(self.tr("Templates"))
        self.templates_button.setToolTip(self.tr("Start from a ready-made flow"))
        self.open_button.setText(self.tr("Open"))
        self.rename_button.setText(self.tr("Rename…"))
        self.duplicate_button.setText(self.tr("Duplicate"))
        self.archive_button.setToolTip(self.tr("Archived flows never run and wait at the bottom."))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("Save this flow as a .json file to share; passwords and keys are left out.")
        )
        self.delete_button.setText(self.tr("Delete…"))
        self.empty_label.setText(self.tr("No flows yet — let's build your first automation!"))
        self.empty_hint.setText(
            self.tr(
                "Start from an empty canvas or a ready-made template, or import a flow someone "
                "shared with you."
            )
        )
        self.first_flow_button.setText(self.tr("+ Create your first flow"))
        self.browse_templates_button.setText(self.tr("Browse templates"))
        self.empty_import_button.setText(self.tr("Import a flow…"))
        self.notice.hide()
        self.refresh()

    def follow_store(self) -> None:
        """Show the flows again if the store has them otherwise (another program switched one
        off, a run counted): a write that changed nothing here leaves the list as it is."""
        if (
            list(self._summaries.values()) != self._sorted_summaries()
            or cloud_run_flows(self.store) != self._in_cloud
        ):
            self.refresh()

    def _sorted_summaries(self) -> list[FlowSummary]:
        return sorted(
            self.store.flows.summaries(), key=lambda s: s.status == FlowStatus.ARCHIVED
        )  # stable: by name, archived ones last

    def refresh(self) -> None:
        selected = self.current_id()
        scrolled = self.list.verticalScrollBar().value()
        self.list.clear()
        flows = self._sorted_summaries()
        self._summaries = {s.id: s for s in flows}
        self._in_cloud = cloud_run_flows(self.store)
        for summary in flows:
            row = self._row(summary)
            item = QListWidgetItem()
            item.setData(ID_ROLE, summary.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, summary.name)
            hint = row.sizeHint()
            hint.setHeight(hint.height() + 20)
            item.setSizeHint(hint)
            self.list.addItem(item)
            self.list.setItemWidget(item, row)
            if summary.id == selected:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.verticalScrollBar().setValue(scrolled)  # where the user was reading
        self.content.setCurrentWidget(self.list if flows else self.empty)
        self.actions.setVisible(bool(flows))
        self._update_buttons()

    def _status_text(self, status: FlowStatus) -> str:
        return {
            FlowStatus.DRAFT: self.tr("Draft"),
            FlowStatus.ACTIVE: self.tr("Active"),
            FlowStatus.PAUSED: self.tr("Paused"),
            FlowStatus.ARCHIVED: self.tr("Archived"),
        }.get(status, status.value)

    def _row(self, summary: FlowSummary) -> FlowRow:
        locale = QLocale()
        updated = date_time_text(
            summary.updated_at.astimezone().replace(tzinfo=None), "d MMM, HH:mm"
        )
        status = self._status_text(summary.status)
        edited = self.tr("Edited %1").replace("%1", updated)
        marker = "● " if summary.status == FlowStatus.ACTIVE else ""
        if summary.id in self._in_cloud:  # the cloud runs it, whatever its switch here says
            row = FlowRow(
                summary.name,
                f"{CLOUD_MARK} {self.tr('In the cloud')} · {edited}",
                "cloud",
                self._stats(summary, locale),
            )
            row.state.setToolTip(in_cloud_tooltip())
            return row
        return FlowRow(
            summary.name,
            f"{marker}{status} · {edited}",
            summary.status.value,
            self._stats(summary, locale),
        )

    def _stats(self, summary: FlowSummary, locale: QLocale) -> list[tuple[str, str, str]]:
        ratio = summary.success_ratio
        if ratio is None:
            success, kind = "—", "none"
        else:
            success = number_text(round(ratio * 100)) + locale.percent()
            kind = "good" if ratio >= 0.9 else "bad" if ratio < 0.5 else "fair"
        return [
            (number_text(summary.runs_today), self.tr("runs today"), "plain"),
            (success, self.tr("succeeded"), kind),
        ]

    def row_widget(self, flow_id: str) -> FlowRow | None:
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item.data(ID_ROLE) == flow_id:
                return self.list.itemWidget(item)  # type: ignore[return-value]
        return None

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select(self, flow_id: str) -> None:
        for index in range(self.list.count()):
            if self.list.item(index).data(ID_ROLE) == flow_id:
                self.list.setCurrentRow(index)
                return

    def flow_ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def _with_current(self, action: Callable[[str], object]) -> None:
        flow_id = self.current_id()
        if flow_id is not None:
            action(flow_id)

    def _update_buttons(self) -> None:
        summary = self._summaries.get(self.current_id() or "")
        for button in self.flow_buttons:
            button.setEnabled(summary is not None)
        active = summary is not None and summary.status == FlowStatus.ACTIVE
        archived = summary is not None and summary.status == FlowStatus.ARCHIVED
        self.activate_button.setText(self.tr("Pause") if active else self.tr("Activate"))
        self.activate_button.setToolTip(
            self.tr("Stop running this flow on its own.")
            if active
            else self.tr("Let this flow run on its own when its trigger fires.")
        )
        self.activate_button.setEnabled(summary is not None and not archived)
        if summary is not None and summary.id in self._in_cloud:
            # Pausing it here would not stop it: the cloud runs it.
            self.activate_button.setEnabled(False)
            self.activate_button.setToolTip(
                self.tr(
                    "It runs in your Flowin cloud. To stop it there, open it and choose This "
                    "computer under Where it runs."
                )
            )
        self.archive_button.setText(self.tr("Restore") if archived else self.tr("Archive"))

    def _show_menu(self, at: QPoint) -> None:
        item = self.list.itemAt(at)
        if item is None:
            return
        self.list.setCurrentItem(item)
        self.flow_menu().popup(self.list.viewport().mapToGlobal(at))

    def flow_menu(self) -> QMenu:
        """The right-click menu of the selected flow: the same actions as the buttons, and
        the flow made into a template (kept among the user's own, or written to a file)."""
        menu = QMenu(self)
        flow_id = self.current_id()
        for button in self.flow_buttons:
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
            if button is self.duplicate_button:
                menu.addSeparator()
            if button is self.export_button:
                menu.addSeparator()
                for text, signal in (
                    (self.tr("Save as template…"), self.save_as_template_requested),
                    (self.tr("Export as template…"), self.export_as_template_requested),
                ):
                    template_action = menu.addAction(text)
                    template_action.setEnabled(flow_id is not None)
                    template_action.triggered.connect(lambda _=False, s=signal: s.emit(flow_id))
                menu.addSeparator()
        return menu

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    # Actions.

    def rename_current(self, flow_id: str) -> None:
        flow = self.store.flows.get(flow_id)
        name = self.ask_name(self.tr("Rename flow"), flow.name)
        if name:
            self.rename(flow_id, name)

    def rename(self, flow_id: str, name: str) -> None:
        flow = self.store.flows.get(flow_id)
        flow.name = name.strip() or flow.name
        flow.updated_at = utc_now()
        self.store.flows.save(flow)
        self.refresh()

    def duplicate(self, flow_id: str) -> str:
        flow = self.store.flows.get(flow_id)
        copy = Flow.model_validate(
            flow.model_dump()
            | {
                "id": new_id(),
                "name": self.tr("%1 (copy)").replace("%1", flow.name),
                "status": FlowStatus.DRAFT,  # a copy doesn't start running on its own
                "created_at": utc_now(),
                "updated_at": utc_now(),
            }
        )
        self.store.flows.save(copy)
        self.refresh()
        self.select(copy.id)
        return copy.id

    def delete(self, flow_id: str) -> bool:
        flow = self.store.flows.get(flow_id)
        question = self.tr("Delete '%1' and its run history? This can't be undone.").replace(
            "%1", isolate(flow.name)
        )
        if not self.confirm(self.tr("Delete flow"), question):
            return False
        self.store.flows.delete(flow_id)
        self.refresh()
        return True

    def toggle_active(self, flow_id: str) -> bool:
        """Switch a flow on (when it can run) or off; returns whether it is now active."""
        flow = self.store.flows.get(flow_id)
        if flow.status == FlowStatus.ACTIVE:
            self.store.flows.set_status(flow_id, FlowStatus.PAUSED)
            self._say(self.tr("'%1' is paused.").replace("%1", isolate(flow.name)))
            self.refresh()
            return False
        if flow.status == FlowStatus.ARCHIVED:
            return False
        problems = validate_flow(flow, self.registry)
        if problems:
            self.show_problem(
                self.tr("This flow can't run yet"),
                self.tr("'%1' can't run on its own yet. Things to fix: %2. Open it to see them.")
                .replace("%1", isolate(flow.name))
                .replace("%2", number_text(len(problems))),
                "\n".join(str(p) for p in problems),
            )
            return False
        self.store.flows.set_status(flow_id, FlowStatus.ACTIVE)
        self._say(
            self.tr(
                "'%1' is active: it runs on its own while Flowin is open or in the tray."
            ).replace("%1", isolate(flow.name))
        )
        self.refresh()
        return True

    def toggle_archived(self, flow_id: str) -> None:
        flow = self.store.flows.get(flow_id)
        archived = flow.status == FlowStatus.ARCHIVED
        self.store.flows.set_status(flow_id, FlowStatus.DRAFT if archived else FlowStatus.ARCHIVED)
        self.refresh()

    # Files.

    def import_chosen_file(self) -> str | None:
        path = self.choose_import_file()
        return self.import_file(path) if path else None

    def import_file(self, path: str | Path) -> str | None:
        """Add the flow in ``path`` as a new draft flow; its id, or None when it can't be read.

        Nothing already saved is touched: the flow always gets a new id, and a file that isn't a
        flow only brings up a message.
        """
        path = Path(path)
        file_name = isolate(path.name)
        title = self.tr("Couldn't import the flow")
        nothing = self.tr("Nothing was imported.")
        try:
            if path.stat().st_size > MAX_FLOW_FILE_BYTES:
                self.show_problem(
                    title,
                    self.tr("'%1' is too big to be a flow file.").replace("%1", file_name)
                    + "\n"
                    + nothing,
                    "",
                )
                return None
            text = path.read_bytes()
        except OSError as error:
            self.show_problem(
                title,
                self.tr("Flowin couldn't read '%1'.").replace("%1", file_name) + "\n" + nothing,
                error.strerror or str(error),
            )
            return None
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as error:
            self.show_problem(
                title,
                self.tr("'%1' is not a flow file: it isn't valid JSON.").replace("%1", file_name)
                + "\n"
                + nothing,
                str(error),
            )
            return None
        version = data.get("schema_version") if isinstance(data, dict) else None
        if isinstance(version, int) and version > SCHEMA_VERSION:
            self.show_problem(
                title,
                self.tr("'%1' was made with a newer Flowin. Update Flowin to import it.").replace(
                    "%1", file_name
                )
                + "\n"
                + nothing,
                "",
            )
            return None
        try:
            flow = Flow.from_data(data)
        except FlowFileError as error:
            self.show_problem(
                title,
                self.tr("'%1' is not a Flowin flow, or part of it is damaged.").replace(
                    "%1", file_name
                )
                + "\n"
                + nothing,
                str(error),
            )
            return None
        taken = {s.name for s in self.store.flows.summaries()}
        name = flow.name
        if name in taken:
            name = self.tr("%1 (imported)").replace("%1", flow.name)
        now = utc_now()
        flow = flow.model_copy(
            update={
                "id": new_id(),
                "name": name,
                "status": FlowStatus.DRAFT,  # an imported flow doesn't start running by itself
                "created_at": now,
                "updated_at": now,
            }
        )
        self.store.flows.save(flow)
        self.refresh()
        self.select(flow.id)
        problems = validate_flow(flow, self.registry)
        message = self.tr("Imported '%1'.").replace("%1", isolate(flow.name))
        if problems:
            message += " " + self.tr("Things to fix before it can run: %1.").replace(
                "%1", number_text(len(problems))
            )
        self._say(message)
        return flow.id

    def export_chosen_file(self, flow_id: str) -> Path | None:
        flow = self.store.flows.get(flow_id)
        path = self.choose_export_file(_file_name(flow.name))
        return self.export_file(flow_id, path) if path else None

    def export_file(self, flow_id: str, path: str | Path) -> Path | None:
        """Write the flow as JSON without secrets typed into its steps; the path, or None."""
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".json")
        flow = self.store.flows.get(flow_id)
        copy, left_out = shareable(flow, self.registry)
        try:
            path.write_text(copy.to_json(), encoding="utf-8")
        except OSError as error:
            self.show_problem(
                self.tr("Couldn't export the flow"),
                self.tr("Flowin couldn't write '%1'.").replace("%1", isolate(str(path))),
                error.strerror or str(error),
            )
            return None
        message = (
            self.tr("Exported '%1' to %2.")
            .replace("%1", isolate(flow.name))
            .replace("%2", isolate(str(path)))
        )
        if left_out:
            places = ", ".join(str(item) for item in left_out)
            message += " " + self.tr(
                "Passwords and keys were left out (%1): fill them in after importing."
            ).replace("%1", isolate(places))
        self._say(message)
        return path

    # Dialogs.

    def _confirm_with_dialog(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _ask_name_with_dialog(self, title: str, current: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, self.tr("Name"), text=current)
        return name if ok else None

    def _choose_import_file(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a flow"),
            str(Path.home()),
            self.tr("Flow files (%1)").replace("%1", FILE_FILTER),
        )
        return path or None

    def _choose_export_file(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the flow"),
            str(Path.home() / suggested),
            self.tr("Flow files (%1)").replace("%1", FILE_FILTER),
        )
        return path or None

    def _show_problem_dialog(self, title: str, text: str, details: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        if details:
            box.setDetailedText(details)
        box.exec()


def _file_name(flow_name: str) -> str:
    """A file name made from a flow's name: letters of any script kept, separators dropped."""
    kept = "".join(c if c.isalnum() or c in " -_" else " " for c in flow_name)
    return (" ".join(kept.split()) or "flow") + ".json"
