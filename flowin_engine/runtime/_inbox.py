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
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import OperationalError

from ..run_ids import new_run_id
from ..store import InboxEvent, Store
from ..store._executions import THIS_PROCESS, inbox_json
from ..store._hot import INSERT_INBOX, HotWriter, Job, sql_time
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
        self._queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        if writer is None:
            self._thread = threading.Thread(
                target=self._write_loop, name="flowin-inbox", daemon=True
            )
            self._thread.start()

    def accept(
        self, flow_id: str, source: str, payload: Any, event_id: str | None = None
    ) -> tuple[InboxEvent, Future[bool]]:
        """Queue an event for writing; the future resolves once it is on disk, with whether it
        was a repeat (its ``event_id`` taken before: not written again, not run again).

        ``event_id`` (new if not given) becomes the id of the execution that runs it. An id
        given may come again (the cloud relay delivers at least once): its write is an
        insert-or-ignore, so a repeat never fails the group written with it.
        """
        event = InboxEvent(event_id or new_run_id(), flow_id, source, payload, datetime.now(UTC))
        done: Future[bool] = Future()  # True: a repeat, not written again
        if self._writer is not None:
            job = Job(_insert(event, event_id is not None), item=event)

            def then(error: BaseException | None) -> None:
                if error is None:
                    done.set_result(job.repeat)
                else:
                    done.set_exception(error)

            job.then = then
            self._writer.submit(job)
        else:
            self._queue.put(_Item(event, done, event_id is not None))
        return event, done

    def accept_here(
        self, flow_id: str, source: str, payload: Any, event_id: str | None, *, hold: bool
    ) -> tuple[InboxEvent, asyncio.Future[bool]]:
        """``accept`` for a caller on an event loop: the future is the loop's own, and its
        result whether the event was a repeat (``event_id`` taken before): then nothing was
        written and nothing runs. With ``hold``, the event is not handed on to run once
        written: the caller runs it (unless it was a repeat)."""
        loop = asyncio.get_running_loop()
        event = InboxEvent(event_id or new_run_id(), flow_id, source, payload, datetime.now(UTC))
        done: asyncio.Future[bool] = loop.create_future()
        once = event_id is not None
        if self._writer is None:
            future = self.accept_queued(event, once)
            done = asyncio.wrap_future(future)
            return event, done
        self._writer.submit(
            Job(_insert(event, once), loop=loop, future=done, item=None if hold else event)
        )
        return event, done

    def accept_queued(self, event: InboxEvent, once: bool = False) -> Future[bool]:
        done: Future[bool] = Future()
        self._queue.put(_Item(event, done, once))
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

    def _write(self, batch: list[_Item]) -> list[InboxEvent] | None:
        """Write events in one transaction and answer their futures; returns the events
        written (a repeated id is answered but not written again).

        None when the batch failed for something one event may cause (nothing is answered);
        the database itself failing (locked, disk full) fails them all.
        """
        try:
            written = self.store.inbox.add(
                [item.event for item in batch], once=any(item.given_id for item in batch)
            )
        except Exception as error:
            if len(batch) > 1 and not isinstance(error, OperationalError):
                log.exception("Could not write %d incoming events together", len(batch))
                return None  # one of them may be to blame: the caller writes them one by one
            log.exception("Could not write %d incoming event(s)", len(batch))
            for item in batch:
                item.done.set_exception(error)
            return []
        kept = {event.id for event in written}
        for item in batch:
            item.done.set_result(item.event.id not in kept)
        return written


@dataclass(frozen=True, slots=True)
class _Item:
    event: InboxEvent
    done: Future[bool]  # True: a repeat, not written
    given_id: bool  # the id came from elsewhere and may come again


# An event whose id came from elsewhere (the relay's): a repeat, in the inbox or already run, is
# left out and never fails its group. The relay also checks, before it takes an event, that its
# id is new, so a repeat is not handed on to run either.
INSERT_INBOX_ONCE = (
    "INSERT OR IGNORE INTO inbox (id, flow_id, source, payload, status, received_at, owner) "
    "SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM executions WHERE id = ?)"
)


def _insert(
    event: InboxEvent, once: bool = False
) -> Callable[[], list[tuple[str, tuple[Any, ...]]]]:
    def build() -> list[tuple[str, tuple[Any, ...]]]:
        values = (
            event.id,
            event.flow_id,
            event.source,
            inbox_json(event),
            PENDING,
            sql_time(event.received_at),
            THIS_PROCESS,
        )
        if once:
            return [(INSERT_INBOX_ONCE, (*values, event.id))]
        return [(INSERT_INBOX, values)]

    return build
