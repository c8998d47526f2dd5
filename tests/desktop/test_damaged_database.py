"""The app started on a damaged database says so in a dialog instead of crashing, and puts
back the latest backup when the user asks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from flowin_desktop import app
from flowin_desktop.damaged import QUIT, RESTORE, open_store
from flowin_engine.store import Store
from flowin_engine.store._health import back_up_daily
from tests.engine.histories import damage_a_page_in_the_middle, fill


def answer_with(button: str, seen: list[str]) -> None:
    """Once the dialog is up, note what it says and press ``button``."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(f"{box.text()} {box.informativeText()}")
        labels = [b.text() for b in box.buttons()]
        seen.append(" | ".join(labels))
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, answer)


def test_the_app_started_on_a_database_without_a_backup_explains_it_and_quits(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLOWIN_DATA_DIR", str(tmp_path))
    (tmp_path / "flowin.db").write_bytes(b"these are not the bytes of a database\n" * 500)
    seen: list[str] = []

    answer_with(QUIT, seen)
    code = app.main()

    assert code == 1
    text, buttons = seen
    assert "is damaged" in text and "no backup" in text
    assert buttons == QUIT


def test_the_app_puts_back_the_latest_backup_when_asked(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    monkeypatch.setenv("FLOWIN_DATA_DIR", str(tmp_path))
    path = tmp_path / "flowin.db"
    with Store(path) as store:
        ids = fill(store)
        back_up_daily(store.path)
    damage_a_page_in_the_middle(path)
    seen: list[str] = []

    answer_with(RESTORE, seen)
    store = open_store()

    assert store is not None
    try:
        assert {f.name for f in store.list_flows()} == {"Orders", "Invoices"}
        assert len(store.list_executions(limit=1000)) == len(ids)
    finally:
        store.close()
    assert "is damaged" in seen[0] and "backup" in seen[0]
    assert len(list((tmp_path / "damaged").glob("*/flowin.db"))) == 1
