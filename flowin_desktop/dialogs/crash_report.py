"""At start, after Flowin closed unexpectedly: the offer to open what it wrote down."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


class CrashReportOffer(QMessageBox):
    """Asks, without holding the window up, whether to open the last session's report."""

    def __init__(self, report: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Flowin"))
        self.setText(self.tr("Flowin closed unexpectedly last time. Open the report?"))
        self.setInformativeText(
            self.tr(
                "The report says what Flowin was doing. If it happens again, send it to the "
                "person who helps you with Flowin. It is kept in %1"
                # On a line of its own, isolated: a path's slashes would be reordered in Arabic.
            ).replace("%1", f"\n\u2066{report.parent}\u2069")
        )
        self.open_button = self.addButton(
            self.tr("Open the report"), QMessageBox.ButtonRole.YesRole
        )
        self.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.open_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: object) -> None:
        if button is self.open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report)))
