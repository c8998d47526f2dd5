"""The runtime's notifier, followed on the window's thread.

The engine's notifier calls its subscribers on the bus thread when a row is added or updated;
``NotificationWatch`` hands that over to Qt's thread (as ``RelayWatch`` does for the relay),
so the bell and the tray read the rows in their own time. Without a runtime here (another
Flowin running the flows, the command line) the rows are read from the store, and the window's
store watch says when to read them again.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

# How many rows the centre shows: the newest; older ones stay in the store.
SHOWN_ROWS = 50


def notifier_of(runtime: Any) -> Any:
    """The notifier a runtime owns, or None."""
    return getattr(runtime, "notifications", None) if runtime is not None else None


class NotificationWatch(QObject):
    """The notifier of ``runtime()``, on the window's thread."""

    changed = Signal()  # a row was added or updated, or rows were marked read
    arrived = Signal(object)  # a row not seen before (for the tray's pop-up)
    _from_bus = Signal()

    def __init__(
        self, store: Any, runtime: Callable[[], Any], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runtime = runtime
        self._followed: set[int] = set()
        self._from_bus.connect(self._bus_said)
        # The rows there are at start are not news: only rows added since pop up.
        self._seen: set[Any] = {row.id for row in self.rows()}

    def notifier(self) -> Any:
        """The runtime's notifier (followed from now on), or None."""
        notifier = notifier_of(self.runtime())
        if notifier is not None and id(notifier) not in self._followed:
            self._followed.add(id(notifier))
            notifier.subscribe(self._tell)
        return notifier

    def records(self) -> Any:
        """Where the rows are: the runtime's notifier, else the store's notification records."""
        notifier = self.notifier()
        return notifier if notifier is not None else getattr(self.store, "notifications", None)

    def follow(self) -> None:
        """Read the rows again now (the window's runtime was attached, the store changed)."""
        self._bus_said()

    def rows(self, limit: int = SHOWN_ROWS) -> list[Any]:
        records = self.records()
        return list(records.list(limit=limit)) if records is not None else []

    def unread_count(self) -> int:
        records = self.records()
        return int(records.unread_count()) if records is not None else 0

    def mark_read(self, ids: Sequence[Any]) -> None:
        records = self.records()
        if records is not None and ids:
            records.mark_read(list(ids))
            self.changed.emit()

    def mark_all_read(self) -> None:
        records = self.records()
        if records is not None:
            records.mark_all_read()
            self.changed.emit()

    def _tell(self, *_: Any) -> None:
        with contextlib.suppress(RuntimeError):  # this watch's window is gone; the bus isn't
            self._from_bus.emit()

    def _bus_said(self) -> None:
        rows = self.rows()
        for row in reversed(rows):  # oldest first, as they came
            if row.id not in self._seen:
                self._seen.add(row.id)
                self.arrived.emit(row)
        self.changed.emit()
