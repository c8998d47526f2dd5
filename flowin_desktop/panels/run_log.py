"""The run log: one line per step as a test run goes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..theme import LIGHT, Theme

NODE_ROLE = Qt.ItemDataRole.UserRole + 1


class RunLog(QWidget):
    """Lines about steps carry the step's id; clicking one selects that step on the canvas."""

    step_clicked = Signal(str)
    fix_requested = Signal()  # the failed step's setting should be opened

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.theme: Theme = LIGHT
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        self.fix_button = QPushButton(self.tr("Fix now"))
        self.fix_button.setObjectName("primary")
        self.fix_button.setVisible(False)
        self.fix_button.clicked.connect(self.fix_requested)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.fix_button)
        self.lines = QListWidget()
        self.lines.setAlternatingRowColors(False)
        self.lines.itemClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.lines)
        self.retranslate()

    def retranslate(self) -> None:
        self.fix_button.setText(self.tr("Fix now"))
        if self.lines.count() == 0:
            self.summary.setText(
                self.tr("Click Test run to try your flow. Each step shows up here.")
            )

    def clear(self) -> None:
        self.lines.clear()
        self.fix_button.setVisible(False)

    def set_summary(self, text: str, fixable: bool = False) -> None:
        self.summary.setText(text)
        self.fix_button.setVisible(fixable)

    def add(self, text: str, state: str | None = None, node_id: str | None = None) -> None:
        item = QListWidgetItem(text)
        item.setData(NODE_ROLE, node_id)
        if state:
            item.setForeground(QColor(getattr(self.theme, state)))
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        self.lines.addItem(item)
        self.lines.scrollToBottom()

    def _clicked(self, item: QListWidgetItem) -> None:
        node_id = item.data(NODE_ROLE)
        if node_id:
            self.step_clicked.emit(node_id)

    def texts(self) -> list[str]:
        return [self.lines.item(i).text() for i in range(self.lines.count())]
