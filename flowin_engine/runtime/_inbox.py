"""The inbox: every accepted trigger event is written to the store before it is acknowledged.

Writes are grouped: requests arriving together share one transaction (a group commit), so
durability costs one disk write per batch, not per request. On a SQLite file they go through
the hot path's writer (plain SQL, shared with the records of runs done inline); elsewhere
through the store, on the inbox's own thread.
"""

from __future__ import annotations

import asyncio
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
from ..store._hot import INSERT_INBOX, HotWriter, Job, new_run_id, sql_json, sql_time
from ..store._inbox import PENDING

log = logging.getLogger(__name__)


class Inbox:
    def __init__(
        self,
        store: Store,
        on_accepted: Callable[[Sequence[InboxEvent]], None],
        writer: HotWriter | None = None,
    ) -> None:
        """With ``writer``, events are written by it, and it hands them to ``on_accepted``."""
        self.store = store
        self._on_accepted = on_accepted
        self._writer = writer
        self._queue: queue.SimpleQueue[tuple[InboxEvent, Future[None]] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        if writer is None:
            self._thread = threading.Thread(
                target=self._write_loop, name="flowin-inbox", daemon=True
            )
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
        if self._writer is not None:

            def then(error: BaseException | None) -> None:
                if error is None:
                    done.set_result(None)
                else:
                    done.set_exception(error)

            self._writer.submit(Job(_insert(event), then=then, item=event))
        else:
            self._queue.put((event, done))
        return event, done

    def accept_here(
        self, flow_id: str, source: str, payload: Any, event_id: str | None, *, hold: bool
    ) -> tuple[InboxEvent, asyncio.Future[None]]:
        """``accept`` for a caller on an event loop: the future is the loop's own. With
        ``hold``, the event is not handed on to run once written: the caller runs it."""
        loop = asyncio.get_running_loop()
        event = InboxEvent(event_id or new_run_id(), flow_id, source, payload, datetime.now(UTC))
        done: asyncio.Future[None] = loop.create_future()
        if self._writer is None:
            future = self.accept_queued(event)
            done = asyncio.wrap_future(future)
            return event, done
        self._writer.submit(
            Job(_insert(event), loop=loop, future=done, item=None if hold else event)
        )
        return event, done

    def accept_queued(self, event: InboxEvent) -> Future[None]:
        done: Future[None] = Future()
        self._queue.put((event, done))
        return done

    def accept_now(
        self, flow_id: str, source: str, payload: Any, event_id: str | None = None
    ) -> InboxEvent:
        event, done = self.accept(flow_id, source, payload, event_id)
        done.result(timeout=30)
        return event

    def close(self) -> None:
        if self._thread is not None:
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


def _insert(event: InboxEvent) -> Callable[[], list[tuple[str, tuple[Any, ...]]]]:
    def build() -> list[tuple[str, tuple[Any, ...]]]:
        return [
            (
                INSERT_INBOX,
                (
                    event.id,
                    event.flow_id,
                    event.source,
                    sql_json(event.payload),
                    PENDING,
                    sql_time(event.received_at),
                ),
            )
        ]

    return build
