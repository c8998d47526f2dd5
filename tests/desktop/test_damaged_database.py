"""The app started on a damaged database says so in a dialog instead of crashing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from flowin_desktop import app


def test_the_app_started_on_a_damaged_database_explains_it_in_a_dialog(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLOWIN_DATA_DIR", str(tmp_path))
    (tmp_path / "flowin.db").write_bytes(b"these are not the bytes of a database\n" * 500)
    shown: list[str] = []

    def answer_the_dialog() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer_the_dialog)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, answer_the_dialog)
    code = app.main()

    assert code == 1
    assert len(shown) == 1
    assert "damaged" in shown[0] and "flowin restore" in shown[0]
