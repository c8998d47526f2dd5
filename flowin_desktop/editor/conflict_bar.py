"""The bar shown instead of saving when the flow was saved elsewhere after it was opened."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QToolBar, QWidget


def _tr(text: str) -> str:
    # Its sentences were first written beside the version history, and are translated there.
    return QCoreApplication.translate("VersionHistory", text)


def _number(value: int) -> str:
    """A version number in the user's digits."""
    return QLocale().toString(value)


class ConflictBar(QToolBar):
    """Shown instead of saving when the flow was saved elsewhere after it was opened."""

    keep_mine = Signal()
    load_theirs = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.message = QLabel()
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("primary")
        self.theirs_button = QPushButton()
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(self.message)
        self.addWidget(self.theirs_button)
        self.addWidget(self.keep_button)
        self.keep_button.clicked.connect(self.keep_mine)
        self.theirs_button.clicked.connect(self.load_theirs)
        self.latest: int | None = None
        self.pending = False  # a conflict the user has not answered yet
        self.toggleViewAction().setVisible(False)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.message.setText(
            "⚠  "
            + _tr(
                "This flow was changed elsewhere (version %1) since you opened it — in another "
                "window or by a sync. Your changes are not saved yet."
            ).replace("%1", _number(self.latest or 0))
        )
        self.keep_button.setText(_tr("Keep mine"))
        self.keep_button.setToolTip(_tr("Save your flow as a new version on top of theirs"))
        self.theirs_button.setText(_tr("Load theirs"))
        self.theirs_button.setToolTip(
            _tr("Open their version; yours is kept as a copy in your flows")
        )

    def show_conflict(self, latest: int) -> None:
        self.latest, self.pending = latest, True
        self.retranslate()
        self.show()

    def resolve(self) -> None:
        self.pending = False
        self.hide()
