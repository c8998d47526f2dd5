"""A smoke-test mode for a built app: FLOWIN_SMOKE_SCREENSHOT=path.

With it set, the app starts as usual, saves a picture of its main window to ``path`` once the
window has been painted the first time, and quits with 0 (1 when the picture can't be saved).
Beside the picture, ``path.json`` says what the window showed: its title, whether it was laid
out right to left, and the texts of its visible buttons, labels and text boxes; and which
Python modules the start had loaded by then (a test keeps what the start need not load out).
The bundle's smoke test (tests/packaging/test_bundle.py) and bench/bundle_bench.py use it to
prove that a built app opens its window, without anyone to close it.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

log = logging.getLogger(__name__)

SCREENSHOT_VARIABLE = "FLOWIN_SMOKE_SCREENSHOT"


class _FirstPaint(QObject):
    """Saves the window's picture after its first paint, then quits the app."""

    def __init__(self, window: QWidget, target: str, quit_app: Callable[[int], None]) -> None:
        super().__init__(window)
        self._window = window
        self._target = target
        self._quit = quit_app
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            # After the paint has finished and the event loop has handled what it queued.
            QTimer.singleShot(0, self._grab_and_quit)
        return False

    def _grab_and_quit(self) -> None:
        saved = self._window.grab().save(self._target)
        if saved:
            Path(f"{self._target}.json").write_text(
                json.dumps(what_the_window_shows(self._window), ensure_ascii=False),
                encoding="utf-8",
            )
        else:
            log.error("Could not save the smoke-test screenshot to %s", self._target)
        self._quit(0 if saved else 1)


def what_the_window_shows(window: QWidget) -> dict[str, object]:
    shown = [
        widget
        for kind in (QAbstractButton, QLabel, QLineEdit)
        for widget in window.findChildren(kind)
        if widget.isVisible() and widget.text()
    ]
    return {
        "window_title": window.windowTitle(),
        "right_to_left": window.layoutDirection() == Qt.LayoutDirection.RightToLeft,
        "texts": [widget.text() for widget in shown],
        "loaded_modules": sorted(sys.modules),
    }


def quit_after_first_paint_when_asked(
    window: QWidget, quit_app: Callable[[int], None] = QApplication.exit
) -> bool:
    """In smoke mode (FLOWIN_SMOKE_SCREENSHOT set), arrange the screenshot and the quit."""
    target = os.environ.get(SCREENSHOT_VARIABLE)
    if not target:
        return False
    window.installEventFilter(_FirstPaint(window, target, quit_app))
    return True
