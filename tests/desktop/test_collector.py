"""Cycles are freed on the window's thread: a background call never runs the garbage collector
(where it could destroy a Qt object off its thread and crash the app)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from flowin_desktop.collector import MainThreadCollector
from tests.desktop.conftest import WAIT_MS


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_cycles_are_collected_by_the_window_threads_timer_not_by_a_worker(qtbot):
    owner = QObject()
    collector = MainThreadCollector(owner, interval_ms=10)
    assert not gc.isenabled()
    collected_on: list[str] = []
    gc.callbacks.append(
        lambda phase, _info: (
            phase == "start" and collected_on.append(threading.current_thread().name)
        )
    )
    try:
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
        worker = threading.Thread(target=lambda: [_Cycle() for _ in range(20_000)], name="worker")
        worker.start()
        worker.join()
        assert gone() is not None  # the worker allocated past every threshold: nothing ran
        assert "worker" not in collected_on
        qtbot.waitUntil(lambda: gone() is None, timeout=WAIT_MS)
        assert set(collected_on) == {threading.main_thread().name}
    finally:
        gc.callbacks.pop()
        collector.deleteLater()
        del owner
