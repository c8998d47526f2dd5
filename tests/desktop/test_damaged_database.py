"""The app started on a damaged database says so in a dialog instead of crashing, and puts
back the latest backup when the user asks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from flowin_desktop import app
from flowin_desktop.dialogs.damaged import QUIT, RESTORE, open_store
from flowin_engine.store import Store, _health
from flowin_engine.store._health import back_up_daily
from tests.desktop.conftest import plain
from tests.engine.histories import damage_a_page_in_the_middle, fill


@pytest.fixture(autouse=True)
def system_language() -> Iterator[None]:
    """English unless a test says otherwise, whatever this machine's own language is."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def answer_with(role: QMessageBox.ButtonRole, seen: list[str]) -> None:
    """Once the dialog is up, note what it says, its buttons and whether it reads right to
    left, and press its button of ``role``."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(f"{box.text()} {box.informativeText()}")
        seen.append(" | ".join(b.text() for b in box.buttons()))
        seen.append(str(box.layoutDirection() == Qt.LayoutDirection.RightToLeft))
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()

    QTimer.singleShot(0, answer)


def damaged_with_a_backup(path: Path, runs: int = 300) -> list[str]:
    """A history of ``runs`` runs, backed up, then damaged in the middle; the runs' ids."""
    with Store(path) as store:
        ids = fill(store, runs)
        back_up_daily(store.path)
    damage_a_page_in_the_middle(path)
    return ids


def test_the_app_started_on_a_database_without_a_backup_explains_it_and_quits(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLOWIN_DATA_DIR", str(tmp_path))
    (tmp_path / "flowin.db").write_bytes(b"these are not the bytes of a database\n" * 500)
    seen: list[str] = []

    answer_with(QMessageBox.ButtonRole.RejectRole, seen)
    code = app.main()

    assert code == 1
    text, buttons, _ = seen
    assert "is damaged" in text and "no backup" in text
    assert buttons == QUIT


def test_the_app_puts_back_the_latest_backup_when_asked(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    monkeypatch.setenv("FLOWIN_DATA_DIR", str(tmp_path))
    ids = damaged_with_a_backup(tmp_path / "flowin.db")
    seen: list[str] = []

    answer_with(QMessageBox.ButtonRole.AcceptRole, seen)
    store = open_store()

    assert store is not None
    try:
        assert {f.name for f in store.flows.summaries()} == {"Orders", "Invoices"}
        assert len(store.executions.summaries(limit=1000)) == len(ids)
    finally:
        store.close()
    assert "is damaged" in seen[0] and "backup" in seen[0]
    assert seen[1] == f"{RESTORE} | {QUIT}"
    assert len(list((tmp_path / "damaged").glob("*/flowin.db"))) == 1


def test_on_an_arabic_system_the_damaged_database_is_explained_in_arabic_right_to_left(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The language setting is in the database that can't be read: the system's is used."""
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    monkeypatch.setenv("FLOWIN_DATA_DIR", str(tmp_path))
    path = tmp_path / "flowin.db"
    damaged_with_a_backup(path, runs=50)
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    seen: list[str] = []

    answer_with(QMessageBox.ButtonRole.RejectRole, seen)
    assert open_store() is None

    text, buttons, right_to_left = seen
    text = plain(text)
    assert "قاعدة بيانات Flowin" in text and "تالفة" in text
    assert "النسخة الاحتياطية" in text or "نسخته الاحتياطية" in text
    month = QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt).monthName(
        _health.backups(path)[0].day.month
    )
    assert month in text
    assert not re.search("[A-Za-z]{3,}", text.replace("Flowin", "").replace(str(path), ""))
    assert sorted(buttons.split(" | ")) == sorted(["استعادة النسخة الاحتياطية", "خروج"])
    assert right_to_left == "True"
    # The window that follows starts in the language stored in the database, from English.
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("DamagedDatabase", QUIT) == QUIT
