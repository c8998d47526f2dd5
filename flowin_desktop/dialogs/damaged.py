"""What the app says at start when its database is damaged, and the way back: a backup.

This runs before the window, and the language the user chose is stored in the database that
could not be read; so the dialog speaks the system's language (Arabic on an Arabic system,
right to left), and the window that follows starts from English as usual.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from flowin_engine.errors import FlowinError
from flowin_engine.store import DatabaseDamaged, Store, _health

from ..i18n import LANGUAGES, Localizer, isolate

log = logging.getLogger(__name__)

CONTEXT = "DamagedDatabase"
RESTORE = "Restore the backup"
QUIT = "Quit"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def system_language() -> str:
    """The system's language when Flowin speaks it, else English. QLocale() is the system's
    locale here: nothing has set another default before the store opens."""
    code = QLocale().bcp47Name().split("-")[0]
    return code if code in LANGUAGES else "en"


@contextmanager
def _in_system_language() -> Iterator[None]:
    """Within: the app's words and layout in the system's language; after: as they were."""
    app = QCoreApplication.instance()
    language = system_language()
    if language == "en" or not isinstance(app, QApplication):
        yield
        return
    direction, locale = app.layoutDirection(), QLocale()
    localizer = Localizer(app)
    localizer.set_language(language)
    try:
        yield
    finally:
        localizer.set_language("en")  # takes its translators out again
        app.setLayoutDirection(direction)
        QLocale.setDefault(locale)


def open_store() -> Store | None:
    """The store, or None once the user has been told why it can't open and chose to quit."""
    while True:
        try:
            return Store()
        except DatabaseDamaged as error:
            log.error("Flowin's database is damaged: %s", "; ".join(error.problems[:5]))
            with _in_system_language():
                restored = _restored(error)
            if not restored:
                return None
        except FlowinError as error:
            log.error("Flowin's database can't be opened: %s", error)
            with _in_system_language():
                _tell(_tr("Flowin can't open its database."), str(error))
            return None


def _restored(error: DatabaseDamaged) -> bool:
    """Offer the newest backup in place of the damaged file; whether it was put back."""
    found = _health.backups(error.path)
    text = _tr("Flowin's database (%1) is damaged, so Flowin has not opened it.").replace(
        "%1",
        isolate(error.path),  # a path reads left to right in Arabic too
    )
    box = QMessageBox(QMessageBox.Icon.Critical, "Flowin", text)
    if not found:
        box.setInformativeText(
            _tr(
                "There is no backup of it yet, so Flowin can't repair it. Keep a copy of the "
                "file and ask for help."
            )
        )
        box.addButton(_tr(QUIT), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return False
    newest = found[0]
    day = QLocale().toString(
        QDate(newest.day.year, newest.day.month, newest.day.day), "d MMMM yyyy"
    )
    box.setInformativeText(
        _tr(
            "Flowin can put back its backup of %1. Runs recorded after that day will be "
            "missing. The damaged file is kept aside, not deleted."
        ).replace("%1", day)
    )
    restore = box.addButton(_tr(RESTORE), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr(QUIT), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        used, moved_to = _health.restore(error.path)
    except FlowinError as refused:
        _tell(_tr("Flowin could not put back the backup."), str(refused))
        return False
    log.warning("Restored the database from %s; the damaged file is %s", used, moved_to)
    return True


def _tell(text: str, detail: str) -> None:
    """A headline in the user's language; the engine's detail as it words it."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Flowin", text)
    box.setInformativeText(detail)
    box.exec()
