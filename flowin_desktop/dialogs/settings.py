"""Flowin's settings that belong to this computer rather than to a flow: start at login."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .. import autostart

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_at_login = QCheckBox()
        self.start_at_login.setChecked(autostart.starts_at_login())
        self.start_at_login.toggled.connect(self._start_at_login_toggled)
        self.start_at_login_note = QLabel()
        self.start_at_login_note.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.start_at_login)
        layout.addWidget(self.start_at_login_note)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
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
