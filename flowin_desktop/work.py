"""Slow calls (a service's test call, a browser sign-in) off the GUI thread, answered on it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class Background(QObject):
    """Runs one call at a time in a worker thread; ``finished`` carries (result, error) back to
    the thread this object lives in, so the slot may touch widgets."""

    finished = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, work: Callable[[], Any]) -> None:
        def run() -> None:
            try:
                result, error = work(), None
            except Exception as caught:
                log.info("A background call failed", exc_info=True)
                result, error = None, caught
            self.finished.emit(result, error)

        self._thread = threading.Thread(target=run, name="flowin-background-call", daemon=True)
        self._thread.start()
