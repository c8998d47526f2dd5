"""The inbox: every accepted trigger event is written here before it is acknowledged.

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
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import OperationalError

from ..store import Store
from ..store._schema import ExecutionRow, InboxRow, SeenItemRow, TriggerStateRow

log = logging.getLogger(__name__)

PENDING = "pending"


@dataclass(frozen=True, slots=True)
class InboxEvent:
    id: str
    flow_id: str
    source: str
    payload: Any
    received_at: datetime


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
            with self.store.writing() as session:
                session.execute(insert(InboxRow.__table__), [_row(e) for e, _ in batch])
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

    # Recovery and bookkeeping.

    def unstarted(self) -> list[InboxEvent]:
        """Events accepted but never begun (no execution with their id), oldest first."""
        with self.store.reading() as session:
            rows = session.scalars(
                select(InboxRow)
                .where(InboxRow.id.not_in(select(ExecutionRow.id)))
                .order_by(InboxRow.received_at)
            ).all()
            return [InboxEvent(r.id, r.flow_id, r.source, r.payload, r.received_at) for r in rows]

    def holds(self, event_id: str) -> bool:
        """Whether an event with this id was accepted here (started or not)."""
        with self.store.reading() as session:
            return session.get(InboxRow, event_id) is not None

    def forget_started(self) -> int:
        """Drop inbox rows whose execution exists: the history holds them from then on."""
        with self.store.writing() as session:
            result = session.execute(
                delete(InboxRow).where(InboxRow.id.in_(select(ExecutionRow.id)))
            )
            return result.rowcount or 0


class TriggerState:
    """Small per-trigger memory in the database: cursors, tokens, last ticks, seen items."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, flow_id: str, node_id: str, key: str, default: Any = None) -> Any:
        with self.store.reading() as session:
            row = session.get(TriggerStateRow, (flow_id, node_id, key))
            return default if row is None else row.value

    def set(self, flow_id: str, node_id: str, key: str, value: Any) -> None:
        with self.store.writing() as session:
            session.merge(
                TriggerStateRow(
                    flow_id=flow_id,
                    node_id=node_id,
                    key=key,
                    value=value,
                    updated_at=datetime.now(UTC),
                )
            )

    def record_poll(
        self,
        flow_id: str,
        node_id: str,
        items: Sequence[tuple[str, Any]],
        cursor: Any,
        start_runs: bool,
    ) -> list[InboxEvent]:
        """Note new items as seen and store the cursor, in one transaction; return the new ones.

        With ``start_runs`` the new items also go into the inbox in that same transaction,
        so an item is either seen and queued, or neither.
        """
        now = datetime.now(UTC)
        with self.store.writing() as session:
            keys = [key for key, _ in items]
            seen = (
                set(
                    session.scalars(
                        select(SeenItemRow.item_key).where(
                            SeenItemRow.flow_id == flow_id,
                            SeenItemRow.node_id == node_id,
                            SeenItemRow.item_key.in_(keys),
                        )
                    )
                )
                if keys
                else set()
            )
            fresh: list[tuple[str, Any]] = []
            for key, data in items:
                if key in seen:
                    continue
                seen.add(key)
                fresh.append((key, data))
            if fresh:
                session.execute(
                    insert(SeenItemRow),
                    [
                        {"flow_id": flow_id, "node_id": node_id, "item_key": k, "seen_at": now}
                        for k, _ in fresh
                    ],
                )
            session.merge(
                TriggerStateRow(
                    flow_id=flow_id, node_id=node_id, key="cursor", value=cursor, updated_at=now
                )
            )
            if not (start_runs and fresh):
                return []
            events = [
                InboxEvent(uuid.uuid4().hex, flow_id, "polling", data, now) for _, data in fresh
            ]
            session.execute(insert(InboxRow), [_row(e) for e in events])
            return events


def _row(event: InboxEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "flow_id": event.flow_id,
        "source": event.source,
        "payload": event.payload,
        "status": PENDING,
        "received_at": event.received_at,
    }
