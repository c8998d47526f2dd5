"""The tray icon: flows keep running when the window is closed."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from .i18n import isolate, stored_error_text
from .relay_status import waiting_text


class Tray(QSystemTrayIcon):
    def __init__(self, window: QWidget, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(icon, parent)
        self.window = window
        self.waiting = 0  # events the cloud account holds for this computer
        self.menu = QMenu()
        self.open_action = self.menu.addAction("", self.show_window)
        self.pause_action = self.menu.addAction("", self._pause_all)
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction("", self._quit)
        self.setContextMenu(self.menu)
        self.activated.connect(self._activated)
        self.messageClicked.connect(self.show_window)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(
            self.tr("Flowin: %1").replace("%1", waiting_text(self.waiting))
            if self.waiting
            else self.tr("Flowin")
        )
        self.open_action.setText(self.tr("Open Flowin"))
        self.pause_action.setText(self.tr("Pause all flows"))
        self.quit_action.setText(self.tr("Quit"))

    def show_window(self) -> None:
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def notify_still_running(self) -> None:
        self.showMessage(
            self.tr("Flowin"), self.tr("Your flows keep running here. Right-click to quit.")
        )

    def show_waiting(self, count: int) -> None:
        """Events wait in the cloud account for this computer: the tooltip says how many."""
        self.waiting = count
        self.retranslate()

    def notify_arrived(self, text: str) -> None:
        self.showMessage(self.tr("Flowin"), text)

    def notify_failure(self, execution_id: str, flow_name: str, error: str) -> None:
        """A failed run of an active flow: say which and why; a click opens Flowin."""
        self.showMessage(
            self.tr("'%1' failed").replace("%1", isolate(flow_name)),
            stored_error_text(error),
            QSystemTrayIcon.MessageIcon.Warning,
        )

    def _pause_all(self) -> None:
        pause_all = getattr(self.window, "pause_all_flows", None)
        if callable(pause_all):
            pause_all()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_window()

    def _quit(self) -> None:
        quit_ = getattr(self.window, "quit", None)
        if callable(quit_):
            quit_()
        else:
            QApplication.quit()
