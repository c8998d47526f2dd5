"""The inbox: every accepted trigger event is written to the store before it is acknowledged.

Writes are grouped: requests arriving together share one transaction (a group commit), so
durability costs one disk write per batch, not per request.
"""

from __future__ import annotations

import logging
import queue
import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import OperationalError

from ..store import InboxEvent, Store

log = logging.getLogger(__name__)


class Inbox:
    def __init__(self, store: Store, on_accepted: Callable[[Sequence[InboxEvent]], None]) -> None:
        self.store = store
        self._on_accepted = on_accepted
        self._queue: queue.SimpleQueue[tuple[InboxEvent, Future[None]] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._write_loop, name="flowin-inbox", daemon=True)
        self._thread.start()

    def accept(
        self, flow_id: str, source: str, payload: Any, event_id: str | None = None
    ) -> tuple[InboxEvent, Future[None]]:
        """Queue an event for writing; the future resolves once it is on disk.

        ``event_id`` (new if not given) becomes the id of the execution that runs it.
        """
        event = InboxEvent(
            event_id or uuid.uuid4().hex, flow_id, source, payload, datetime.now(UTC)
        )
        done: Future[None] = Future()
        self._queue.put((event, done))
        return event, done

    def accept_now(
        self, flow_id: str, source: str, payload: Any, event_id: str | None = None
    ) -> InboxEvent:
        event, done = self.accept(flow_id, source, payload, event_id)
        done.result(timeout=30)
        return event

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=10)

    def _write_loop(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < 1000:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    self._queue.put(None)
                    break
                batch.append(item)
            written = self._write(batch)
            if written is None:
                # One event that can't be saved (data too deep, say) must fail alone.
                written = [event for item in batch for event in self._write([item]) or []]
            if not written:
                continue
            try:
                self._on_accepted(written)
            except Exception:
                log.exception("Could not hand accepted events on")

    def _write(self, batch: list[tuple[InboxEvent, Future[None]]]) -> list[InboxEvent] | None:
        """Write events in one transaction and answer their futures.

        None when the batch failed for something one event may cause (nothing is answered);
        the database itself failing (locked, disk full) fails them all.
        """
        try:
            self.store.inbox.add([event for event, _ in batch])
        except Exception as error:
            if len(batch) > 1 and not isinstance(error, OperationalError):
                log.exception("Could not write %d incoming events together", len(batch))
                return None  # one of them may be to blame: the caller writes them one by one
            log.exception("Could not write %d incoming event(s)", len(batch))
            for _, done in batch:
                done.set_exception(error)
            return []
        for _, done in batch:
            done.set_result(None)
        return [event for event, _ in batch]
