"""The test suite itself: a click on a widget that does not exist fails that one test in words,
where Qt's test library would abort the whole test process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]

CLICKS_ON_NOTHING = """
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton


def test_a_click_on_a_button_not_made_yet(qtbot):
    not_made_yet = None
    qtbot.mouseClick(not_made_yet, Qt.MouseButton.LeftButton)


def test_keys_typed_into_nothing(qtbot):
    qtbot.keyClicks(None, "hello")


def test_a_real_button_still_clicks(qtbot):
    button = QPushButton("Apply")
    qtbot.addWidget(button)
    clicks = []
    button.clicked.connect(lambda: clicks.append(1))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [1]
"""


def test_a_click_on_a_widget_that_does_not_exist_fails_the_test_not_the_process(tmp_path):
    (tmp_path / "conftest.py").write_text(
        "from tests.desktop.conftest import _clicks_need_a_widget  # noqa: F401\n"
    )
    (tmp_path / "test_clicks.py").write_text(CLICKS_ON_NOTHING)
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY), "QT_QPA_PLATFORM": "offscreen"}
    finished = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = finished.stdout + finished.stderr
    assert finished.returncode == 1, report  # tests failed; not killed by SIGABRT (-6)
    assert "2 failed, 1 passed" in report, report
    assert "does not exist" in report, report
