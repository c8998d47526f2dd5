"""Slow calls (a service's test call, a browser sign-in, the AI builder, the cloud) off the GUI
thread, answered on it: the app's one helper for work that would otherwise freeze the window."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class BackgroundCalls(QObject):
    """Runs calls one after another on a worker thread. ``finished`` carries (ticket, result,
    error) back to the thread this object lives in, so the slot may touch widgets; the ticket
    ``start`` returned tells an answer still wanted from one that was overtaken."""

    finished = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ticket = 0
        self._pending: dict[int, _Call] = {}
        self.finished.connect(lambda ticket, *_: self._pending.pop(ticket, None))

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @property
    def latest(self) -> int:
        """The ticket of the call started last."""
        return self._ticket

    def start(self, work: Callable[[], Any]) -> int:
        self._ticket += 1
        call = _Call(self._ticket, work, self.finished)
        self._pending[self._ticket] = call  # held until its answer has arrived
        self._pool.start(call)
        return self._ticket

    def wait(self, milliseconds: int = 5000) -> None:
        self._pool.waitForDone(milliseconds)


class _Call(QRunnable):
    def __init__(self, ticket: int, work: Callable[[], Any], finished: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.ticket, self.work, self.finished = ticket, work, finished

    def run(self) -> None:
        try:
            result, error = self.work(), None
        except Exception as caught:
            log.info("A background call failed", exc_info=True)
            result, error = None, caught
        self.finished.emit(self.ticket, result, error)
