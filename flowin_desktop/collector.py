"""Python's cyclic garbage collector, run on the window's thread only.

The collector runs in whichever thread happens to allocate when a generation fills up: a
background call (a cloud sync, an account test) or the runtime's threads. A cycle it frees
there may hold a Qt object's Python wrapper, whose C++ object is then destroyed off the thread
it lives in, and the app dies with a segmentation fault ("Garbage-collecting" on a worker's
stack). So automatic collection is off while the app runs, and a timer on the window's thread
collects when the generations' counts pass the thresholds automatic collection would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """While it exists, cycles are collected on the thread it lives in (the window's)."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        if gc.isenabled():
            gc.disable()
            # Without self: the slot runs once this object is gone.
            self.destroyed.connect(lambda *_: gc.enable())
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_when_due)
        self.timer.start(interval_ms)

    def collect_when_due(self) -> None:
        """The youngest generation when it has filled up, the older ones as they fill too,
        as automatic collection does."""
        first, second, third = self.thresholds
        young, middle, old = gc.get_count()
        if young < first:
            return
        if middle >= second:
            gc.collect(2 if old >= third else 1)
            return
        gc.collect(0)
