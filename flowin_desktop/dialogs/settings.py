"""Flowin's settings that belong to this computer rather than to a flow: start at login, and
the notifications every flow uses unless it has its own."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.credentials import Connections
from flowin_engine.errors import FlowinError
from flowin_engine.registry import Registry

from .. import autostart
from ..notifications.rules import RuleBook, RuleEditor

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    """``rules`` keeps the notification rules (without it they are not shown)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        rules: RuleBook | None = None,
        connections: Connections | None = None,
        registry: Registry | None = None,
    ) -> None:
        super().__init__(parent)
        self.rules = rules
        self.start_at_login = QCheckBox()
        self.start_at_login.setChecked(autostart.starts_at_login())
        self.start_at_login.toggled.connect(self._start_at_login_toggled)
        self.start_at_login_note = QLabel()
        self.start_at_login_note.setWordWrap(True)
        self.start_at_login_note.setObjectName("help")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("problem")
        self.problem.hide()
        self.notifications_title = QLabel()
        self.notifications_title.setObjectName("title")
        self.notifications_note = QLabel()
        self.notifications_note.setObjectName("help")
        self.notifications_note.setWordWrap(True)
        self.notifications = RuleEditor(
            lambda: connections, registry, rules.test_channel if rules is not None else None
        )
        if rules is not None:
            self.notifications.show_rule(rules.rule(None))
        self.notifications.changed.connect(self._save_notifications)
        self.notifications_problem = QLabel()
        self.notifications_problem.setObjectName("problem")
        self.notifications_problem.setWordWrap(True)
        self.notifications_problem.hide()
        for widget in (self.notifications_title, self.notifications_note, self.notifications):
            widget.setVisible(rules is not None)
        page = QWidget()
        content = QVBoxLayout(page)
        content.setContentsMargins(16, 12, 16, 12)
        content.setSpacing(8)
        content.addWidget(self.start_at_login)
        content.addWidget(self.start_at_login_note)
        content.addWidget(self.problem)
        content.addSpacing(12)
        content.addWidget(self.notifications_title)
        content.addWidget(self.notifications_note)
        content.addWidget(self.notifications_problem)
        content.addWidget(self.notifications)
        content.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 10)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        buttons.setContentsMargins(16, 0, 16, 0)
        self.resize(660, 720)
        if rules is not None:
            self.finished.connect(lambda *_: rules.close())
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.start_at_login.setText(self.tr("Open Flowin when I sign in to this computer"))
        self.start_at_login_note.setText(
            self.tr(
                "Flowin starts in the tray, so your active flows keep running after the "
                "computer restarts."
            )
        )
        self.notifications_title.setText(self.tr("Notifications"))
        self.notifications_note.setText(
            self.tr(
                "What you are told about your flows, and where. A flow can have its own "
                "choice in its overview."
            )
        )

    def _save_notifications(self) -> None:
        if self.rules is None:
            return
        try:
            self.rules.set_rule(None, self.notifications.rule())
        except (FlowinError, ValueError):
            log.warning("Notification settings not saved", exc_info=True)
            self.notifications_problem.setText(
                self.tr("Flowin could not keep these notification settings. Check what you typed.")
            )
            self.notifications_problem.show()
            return
        self.notifications_problem.hide()

    def _start_at_login_toggled(self, enabled: bool) -> None:
        try:
            autostart.set_start_at_login(enabled)
        except OSError:
            log.warning("Could not change whether Flowin starts at login", exc_info=True)
            self.problem.setText(
                self.tr("This computer did not let Flowin change that. Try again later.")
            )
            self.problem.show()
            self.start_at_login.blockSignals(True)
            self.start_at_login.setChecked(autostart.starts_at_login())
            self.start_at_login.blockSignals(False)
            return
        self.problem.hide()
