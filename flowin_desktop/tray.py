"""The tray icon: flows keep running when the window is closed."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

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
        self.messageClicked.connect(self._message_clicked)
        self.run_to_open: str | None = None  # the run the last pop-up was about
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

    def notify(self, title: str, text: str, execution_id: str | None, urgent: bool) -> None:
        """A notification's pop-up (a row of the bell); a click opens its run, if it has one."""
        self.run_to_open = execution_id
        icon = QSystemTrayIcon.MessageIcon
        self.showMessage(title, text, icon.Warning if urgent else icon.Information)

    def _message_clicked(self) -> None:
        open_run = getattr(self.window, "open_run", None)
        if self.run_to_open and callable(open_run):
            open_run(self.run_to_open)
        else:
            self.show_window()

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
