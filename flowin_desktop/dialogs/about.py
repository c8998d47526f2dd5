"""Help › About Flowin: the version, whether a newer one exists, and the licences of what the
app carries (its fonts and main libraries)."""

from __future__ import annotations

import html
import re
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.sync.client import checked_server

from ..resources import resource
from ..work import BackgroundCalls

VERSION_TIMEOUT = 10.0
FONTS = (("Inter", "Inter-OFL.txt"), ("Cairo", "Cairo-OFL.txt"))
# (library, its licence): those the app is built on, as their projects publish them.
LIBRARIES = (
    ("Qt 6 and Qt for Python (PySide6)", "LGPL-3.0"),
    ("Python", "PSF License"),
    ("SQLAlchemy", "MIT"),
    ("Alembic", "MIT"),
    ("pydantic", "MIT"),
    ("httpx", "BSD-3-Clause"),
    ("aiohttp", "Apache-2.0"),
    ("Jinja2", "BSD-3-Clause"),
    ("APScheduler", "MIT"),
    ("click", "BSD-3-Clause"),
    ("cryptography", "Apache-2.0 or BSD-3-Clause"),
    ("keyring", "MIT"),
    ("platformdirs", "MIT"),
    ("filelock", "Unlicense"),
    ("psutil", "BSD-3-Clause"),
    ("openai", "Apache-2.0"),
    ("twilio", "MIT"),
    ("PyJWT", "MIT"),
    ("segno", "BSD-3-Clause"),
)


def current_version() -> str:
    try:
        return version("flowin")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0"


def latest_version(server: str) -> str:
    """The newest desktop version the cloud at ``server`` knows of (GET /api/version)."""
    import httpx  # loaded when the box asks, not with the app

    response = httpx.get(f"{checked_server(server)}/api/version", timeout=VERSION_TIMEOUT)
    response.raise_for_status()
    return str(response.json()["latest_desktop_version"])


def is_newer(candidate: str, current: str) -> bool:
    def numbers(text: str) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", text))

    return numbers(candidate) > numbers(current)


class AboutDialog(QDialog):
    """``server``: the cloud asked about a newer version; None (none configured): not asked."""

    def __init__(self, server: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version = current_version()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # its side follows the language
        self.title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.update_status = QLabel()
        self.update_status.setWordWrap(True)
        self.update_status.setOpenExternalLinks(True)
        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.update_status)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(560, 600)
        self._latest: str | None = None
        self._check_failed = False
        self._server = server
        self._calls = BackgroundCalls(self)
        self._calls.finished.connect(self._version_arrived)
        if server:
            self._calls.start(lambda: latest_version(server))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Flowin"))
        self.title.setText(self.tr("Flowin %1").replace("%1", self.version))
        # A label aligns by its text's direction, and this one's is Latin in every language.
        start = Qt.AlignmentFlag.AlignRight if self._right_to_left() else Qt.AlignmentFlag.AlignLeft
        self.title.setAlignment(start | Qt.AlignmentFlag.AlignAbsolute)
        self.summary.setText(
            self.tr("Connect the tools you use and let the work flow, on your own computer.")
        )
        self._show_update_status()
        self.licences.setHtml(self._licences_html())

    def _right_to_left(self) -> bool:
        return QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _version_arrived(self, _ticket: int, latest: object, error: object) -> None:
        self._latest = None if error is not None else str(latest)
        self._check_failed = error is not None
        self._show_update_status()

    def _show_update_status(self) -> None:
        if not self._server:
            text = self.tr(
                "Checking for a newer version is off: Flowin asks the cloud account's server, "
                "and none is set up."
            )
        elif self._check_failed:
            text = self.tr(
                "Flowin could not ask %1 for a newer version. Check the internet connection."
            ).replace("%1", self._server)
        elif self._latest is None:
            text = self.tr("Looking for a newer version…")
        elif is_newer(self._latest, self.version):
            text = self.tr(
                "Flowin %1 is out. Get it where you got Flowin; your flows stay as they are."
            ).replace("%1", self._latest)
        else:
            text = self.tr("This is the newest Flowin.")
        self.update_status.setText(text)

    def _licences_html(self) -> str:
        side = "rtl" if self._right_to_left() else "ltr"
        parts = [f'<h3 dir="{side}">{html.escape(self.tr("Fonts"))}</h3>']
        for name, licence_file in FONTS:
            parts.append(
                f'<p dir="{side}"><b>{name}</b> — '
                f"{html.escape(self.tr('SIL Open Font License 1.1'))}</p>"
                # The licence's own English words, left to right in either language, wrapped.
                '<p dir="ltr" style="white-space: pre-wrap; font-size: small">'
                f"{html.escape(resource(f'fonts/{licence_file}').read_text('utf-8'))}</p>"
            )
        parts.append(f'<h3 dir="{side}">{html.escape(self.tr("Libraries"))}</h3>')
        lgpl = self.tr(
            "Qt is used under the LGPL version 3: you may replace the Qt libraries in the "
            "folder Flowin is installed in with your own build of them."
        )
        parts.append(f'<p dir="{side}">{html.escape(lgpl)}</p>')
        parts += [
            f'<p dir="{side}" style="margin: 0">{html.escape(name)} — {html.escape(licence)}</p>'
            for name, licence in LIBRARIES
        ]
        return "".join(parts)
