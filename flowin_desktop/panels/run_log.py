"""The run log: one line per step as a test run goes."""

from __future__ import annotations

from collections.abc import Callable

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

# A line's words, or how to word it: a line given as a function is worded again when the
# language or the digits change, so a run shown before the switch reads in the new language.
Wording = str | Callable[[], str]


def _worded(text: Wording) -> str:
    return text() if callable(text) else text


class RunLog(QWidget):
    """Lines about steps carry the step's id; clicking one selects that step on the canvas."""

    step_clicked = Signal(str)
    fix_requested = Signal()  # the failed step's setting should be opened

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.theme: Theme = LIGHT
        self._summary_wording: Wording | None = None
        self._line_wordings: list[Wording] = []
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
        if self._summary_wording is not None:
            self.summary.setText(_worded(self._summary_wording))
        elif self.lines.count() == 0:
            self.summary.setText(
                self.tr("Click Test run to try your flow. Each step shows up here.")
            )
        for row, wording in enumerate(self._line_wordings):
            self.lines.item(row).setText(_worded(wording))

    def clear(self) -> None:
        self.lines.clear()
        self._line_wordings = []
        self._summary_wording = None
        self.fix_button.setVisible(False)

    def set_summary(self, text: Wording, fixable: bool = False) -> None:
        self._summary_wording = text
        self.summary.setText(_worded(text))
        self.fix_button.setVisible(fixable)

    def add(self, text: Wording, state: str | None = None, node_id: str | None = None) -> None:
        self._line_wordings.append(text)
        item = QListWidgetItem(_worded(text))
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
