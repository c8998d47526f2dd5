"""The sync status the app shows, as a value with callbacks (no GUI toolkit here)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import StrEnum

log = logging.getLogger(__name__)


class SyncStatus(StrEnum):
    SYNCED = "synced"
    SYNCING = "syncing"
    OFFLINE = "offline"
    CONFLICT = "conflict"  # some flows wait for the user to pick a side
    SIGNED_OUT = "signed_out"


Listener = Callable[[SyncStatus, str], None]


class StatusBoard:
    """The current ``SyncStatus`` and a sentence about it; tells listeners when it changes.

    Listeners are called on the thread that changes the status (a sync's background thread):
    a GUI hands the call over to its own thread.
    """

    def __init__(self, status: SyncStatus = SyncStatus.SIGNED_OUT, detail: str = "") -> None:
        self._lock = threading.Lock()
        self._status, self._detail = status, detail
        self._listeners: list[Listener] = []

    @property
    def status(self) -> SyncStatus:
        return self._status

    @property
    def detail(self) -> str:
        return self._detail

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(status, detail)`` on every change; returns a function to stop."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def set(self, status: SyncStatus, detail: str = "") -> None:
        with self._lock:
            if (status, detail) == (self._status, self._detail):
                return
            self._status, self._detail = status, detail
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(status, detail)
            except Exception:
                log.exception("A sync status listener failed")
