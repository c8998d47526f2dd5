"""Languages: English in the code, Arabic from translations/flowin_ar.ts.

The .ts file is the source of truth. At start-up it is compiled to a .qm in the user's data
folder with pyside6-lrelease when that tool is there; otherwise the .ts is read directly, so the
app never depends on a checked-in binary.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from flowin_engine import paths
from flowin_engine.registry import NodeType

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "ar": "العربية"}
RIGHT_TO_LEFT = {"ar"}


def translations_dir() -> Path:
    bundled = Path(getattr(sys, "_MEIPASS", "")) / "translations"
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parent.parent / "translations"


class TsTranslator(QTranslator):
    """Reads a Qt Linguist .ts file directly; the fallback when lrelease is not available."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.messages: dict[tuple[str, str], str] = {}
        self.by_source: dict[str, str] = {}
        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                element = message.find("translation")
                if element is None or element.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                text = element.text or ""
                if text:
                    self.messages[(name, source)] = text
                    self.by_source.setdefault(source, text)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self.messages.get((context, source)) or self.by_source.get(source) or ""

    def isEmpty(self) -> bool:
        return not self.messages


def compiled(language: str) -> Path | None:
    """The .qm for ``language``, compiled from the .ts into the data folder when needed."""
    source = translations_dir() / f"flowin_{language}.ts"
    if not source.is_file():
        return None
    target = paths.data_dir() / "translations" / f"flowin_{language}.qm"
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    lrelease = shutil.which("pyside6-lrelease") or shutil.which(
        "pyside6-lrelease", path=str(Path(sys.executable).parent)
    )
    if lrelease is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [lrelease, "-silent", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        log.warning("Could not compile %s; reading it directly", source, exc_info=True)
        return None
    return target if target.is_file() else None


class Localizer:
    """Switches the app's language live: installs the translator and sets the layout direction."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.language = "en"
        self._translator: QTranslator | None = None

    def set_language(self, language: str) -> None:
        if self._translator is not None:
            self.app.removeTranslator(self._translator)
            self._translator = None
        if language != "en":
            self._translator = load_translator(language)
            if self._translator is not None:
                self.app.installTranslator(self._translator)
        self.language = language
        rtl = language in RIGHT_TO_LEFT
        self.app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        QLocale.setDefault(QLocale(language))


def load_translator(language: str) -> QTranslator | None:
    qm = compiled(language)
    if qm is not None:
        translator = QTranslator()
        if translator.load(str(qm)):
            return translator
    source = translations_dir() / f"flowin_{language}.ts"
    if source.is_file():
        return TsTranslator(source)
    log.warning("No translation for %s", language)
    return None


def node_type_name(node_type: NodeType) -> str:
    """A node type's name in the current language (connectors declare English names)."""
    return QCoreApplication.translate("NodeTypes", node_type.name)
