"""What the app says at start when its database is damaged, and the way back: a backup.

This runs before the window and before the language is known (the language setting lives in
the database that could not be read), so it speaks English.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox

from flowin_engine.errors import FlowinError
from flowin_engine.store import DatabaseDamaged, Store, _health

log = logging.getLogger(__name__)

RESTORE = "Restore the backup"
QUIT = "Quit"


def open_store() -> Store | None:
    """The store, or None once the user has been told why it can't open and chose to quit."""
    while True:
        try:
            return Store()
        except DatabaseDamaged as error:
            log.error("Flowin's database is damaged: %s", "; ".join(error.problems[:5]))
            if not _restored(error):
                return None
        except FlowinError as error:
            log.error("Flowin's database can't be opened: %s", error)
            _tell(str(error))
            return None


def _restored(error: DatabaseDamaged) -> bool:
    """Offer the newest backup in place of the damaged file; whether it was put back."""
    found = _health.backups(error.path)
    text = f"Flowin's database ({error.path}) is damaged, so Flowin has not opened it."
    box = QMessageBox(QMessageBox.Icon.Critical, "Flowin", text)
    if not found:
        box.setInformativeText(
            "There is no backup of it yet, so Flowin can't repair it. Keep a copy of the file "
            "and ask for help."
        )
        box.addButton(QUIT, QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return False
    newest = found[0]
    box.setInformativeText(
        f"Flowin can put back its backup of {newest.day:%d %B %Y}. Runs recorded after that "
        "day will be missing. The damaged file is kept aside, not deleted."
    )
    restore = box.addButton(RESTORE, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QUIT, QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        used, moved_to = _health.restore(error.path)
    except FlowinError as refused:
        _tell(str(refused))
        return False
    log.warning("Restored the database from %s; the damaged file is %s", used, moved_to)
    return True


def _tell(text: str) -> None:
    QMessageBox(QMessageBox.Icon.Critical, "Flowin", text).exec()
