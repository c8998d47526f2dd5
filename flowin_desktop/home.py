"""The home view: the user's flows, to open, create, rename, duplicate or delete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.model import Flow, new_id, utc_now
from flowin_engine.store import FlowSummary, Store

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class HomeView(QWidget):
    open_requested = Signal(str)
    create_requested = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.store = store
        # Asked before deleting; tests replace it so no dialog is left open.
        self.confirm: Callable[[str, str], bool] = self._confirm_with_dialog
        self.ask_name: Callable[[str, str], str | None] = self._ask_name_with_dialog
        self.title = QLabel()
        self.title.setObjectName("title")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("muted")
        self.new_button = QPushButton()
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.create_requested)
        self.list = QListWidget()
        self.list.setObjectName("flowList")
        self.list.itemActivated.connect(lambda item: self.open_requested.emit(item.data(ID_ROLE)))
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.content = QStackedWidget()
        self.content.addWidget(self.list)
        self.content.addWidget(self.empty)
        self.open_button = QPushButton()
        self.rename_button = QPushButton()
        self.duplicate_button = QPushButton()
        self.delete_button = QPushButton()
        self.open_button.clicked.connect(lambda: self._with_current(self.open_requested.emit))
        self.rename_button.clicked.connect(lambda: self._with_current(self.rename_current))
        self.duplicate_button.clicked.connect(lambda: self._with_current(self.duplicate))
        self.delete_button.clicked.connect(lambda: self._with_current(self.delete))

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles)
        head.addStretch()
        head.addWidget(self.new_button, alignment=Qt.AlignmentFlag.AlignTop)
        actions = QHBoxLayout()
        for button in (
            self.open_button,
            self.rename_button,
            self.duplicate_button,
            self.delete_button,
        ):
            actions.addWidget(button)
        actions.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(16)
        layout.addLayout(head)
        layout.addWidget(self.content, 1)
        layout.addLayout(actions)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your flows"))
        self.subtitle.setText(self.tr("Let your work flow — effortlessly."))
        self.new_button.setText(self.tr("+ New flow"))
        self.open_button.setText(self.tr("Open"))
        self.rename_button.setText(self.tr("Rename…"))
        self.duplicate_button.setText(self.tr("Duplicate"))
        self.delete_button.setText(self.tr("Delete…"))
        self.empty.setText(self.tr("No flows yet — let's build your first automation!"))
        self.refresh()

    def refresh(self) -> None:
        selected = self.current_id()
        self.list.clear()
        flows = self.store.list_flows()
        for summary in flows:
            item = QListWidgetItem(self._describe(summary))
            item.setData(ID_ROLE, summary.id)
            self.list.addItem(item)
            if summary.id == selected:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.content.setCurrentWidget(self.list if flows else self.empty)
        self._update_buttons()

    def _describe(self, summary: FlowSummary) -> str:
        locale = QLocale()
        updated = locale.toString(
            summary.updated_at.astimezone().replace(tzinfo=None), "d MMM, HH:mm"
        )
        status = {
            "draft": self.tr("Draft"),
            "active": self.tr("Active"),
            "paused": self.tr("Paused"),
            "archived": self.tr("Archived"),
        }.get(summary.status.value, summary.status.value)
        runs = self.tr("Runs today: %1").replace("%1", locale.toString(summary.runs_today))
        edited = self.tr("Edited %1").replace("%1", updated)
        return f"{summary.name}\n{status} · {runs} · {edited}"

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def flow_ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def _with_current(self, action: Callable[[str], object]) -> None:
        flow_id = self.current_id()
        if flow_id is not None:
            action(flow_id)

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        for button in (
            self.open_button,
            self.rename_button,
            self.duplicate_button,
            self.delete_button,
        ):
            button.setEnabled(has)

    # Actions.

    def rename_current(self, flow_id: str) -> None:
        flow = self.store.get_flow(flow_id)
        name = self.ask_name(self.tr("Rename flow"), flow.name)
        if name:
            self.rename(flow_id, name)

    def rename(self, flow_id: str, name: str) -> None:
        flow = self.store.get_flow(flow_id)
        flow.name = name.strip() or flow.name
        flow.updated_at = utc_now()
        self.store.save_flow(flow)
        self.refresh()

    def duplicate(self, flow_id: str) -> str:
        flow = self.store.get_flow(flow_id)
        copy = Flow.model_validate(
            flow.model_dump()
            | {
                "id": new_id(),
                "name": self.tr("%1 (copy)").replace("%1", flow.name),
                "created_at": utc_now(),
                "updated_at": utc_now(),
            }
        )
        self.store.save_flow(copy)
        self.refresh()
        return copy.id

    def delete(self, flow_id: str) -> bool:
        flow = self.store.get_flow(flow_id)
        question = self.tr("Delete '%1' and its run history? This can't be undone.").replace(
            "%1", flow.name
        )
        if not self.confirm(self.tr("Delete flow"), question):
            return False
        self.store.delete_flow(flow_id)
        self.refresh()
        return True

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
