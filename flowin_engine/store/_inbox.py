"""What triggers leave in the store: accepted events not yet run (the inbox), the items a
polling trigger has seen, and each trigger's small memory (a cursor, a token, a last tick)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update

from ..run_ids import new_run_id
from ._database import Database
from ._executions import THIS_PROCESS, owned_elsewhere
from ._schema import ExecutionRow, InboxRow, SeenItemRow, TriggerStateRow

PENDING = "pending"
POLL_CURSOR = "cursor"


@dataclass(frozen=True, slots=True)
class InboxEvent:
    """An accepted trigger event; its id becomes the id of the execution that runs it."""

    id: str
    flow_id: str
    source: str  # webhook / schedule / polling / manual
    payload: Any
    received_at: datetime
    # The payload's JSON as the history keeps it, when that is also the inbox's (nothing to
    # mask): made as the event is written (``inbox_json``), for its run's trigger data.
    history_text: str | None = field(default=None, compare=False, repr=False)


class InboxRecords:
    """The inbox, seen items and trigger state tables."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def add(self, events: Sequence[InboxEvent], once: bool = False) -> list[InboxEvent]:
        """Write accepted events, all in one transaction; returns those written.

        With ``once`` (events whose ids come from elsewhere, such as the cloud relay's, which
        may deliver an event twice), an id the inbox or the history already has, or that
        comes twice in ``events``, is left out rather than failing the whole write.
        """
        if not once:
            with self._database.writing() as session:
                session.execute(insert(InboxRow.__table__), [_row(event) for event in events])
            return list(events)
        with self._database.writing() as session:
            ids = list({event.id for event in events})
            known: set[str] = set()
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                known.update(session.scalars(select(InboxRow.id).where(InboxRow.id.in_(chunk))))
                known.update(
                    session.scalars(select(ExecutionRow.id).where(ExecutionRow.id.in_(chunk)))
                )
            fresh: list[InboxEvent] = []
            for event in events:
                if event.id not in known:
                    known.add(event.id)
                    fresh.append(event)
            if fresh:
                session.execute(
                    self._database.insert_new(InboxRow.__table__), [_row(e) for e in fresh]
                )
            return fresh

    def unstarted(self) -> list[InboxEvent]:
        """Events accepted but never begun (no execution with their id), oldest first."""
        with self._database.reading() as session:
            rows = session.scalars(
                select(InboxRow)
                .where(InboxRow.id.not_in(select(ExecutionRow.id)))
                .order_by(InboxRow.received_at)
            ).all()
            return [InboxEvent(r.id, r.flow_id, r.source, r.payload, r.received_at) for r in rows]

    def adopt_unstarted(self) -> list[InboxEvent]:
        """Take over the events accepted but never begun, by this process or by one that has
        died, oldest first; those of another Flowin process still running stay its own.

        For a runtime starting: with ``flowin serve --processes N`` the processes share the
        database, and a worker started in place of a dead one must run what that one had
        accepted without taking what a live one is about to run. One transaction: two
        processes starting at once can't both take the same event.
        """
        with self._database.writing() as session:
            rows = [
                row
                for row in session.scalars(
                    select(InboxRow)
                    .where(InboxRow.id.not_in(select(ExecutionRow.id)))
                    .order_by(InboxRow.received_at)
                )
                if not owned_elsewhere(row.owner)
            ]
            ids = [row.id for row in rows if row.owner != THIS_PROCESS]
            if ids:
                session.execute(
                    update(InboxRow).where(InboxRow.id.in_(ids)).values(owner=THIS_PROCESS)
                )
            return [InboxEvent(r.id, r.flow_id, r.source, r.payload, r.received_at) for r in rows]

    def known(self, event_ids: Sequence[str]) -> set[str]:
        """Which of these ids the inbox or the history has (accepted before, run or not)."""
        found: set[str] = set()
        ids = list(dict.fromkeys(event_ids))
        with self._database.reading() as session:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                found.update(session.scalars(select(InboxRow.id).where(InboxRow.id.in_(chunk))))
                found.update(
                    session.scalars(select(ExecutionRow.id).where(ExecutionRow.id.in_(chunk)))
                )
        return found

    def holds(self, event_id: str) -> bool:
        """Whether an event with this id was accepted (started or not)."""
        with self._database.reading() as session:
            return session.get(InboxRow, event_id) is not None

    def forget_started(self) -> int:
        """Drop the events whose execution exists: the history holds them from then on."""
        with self._database.writing() as session:
            result = session.execute(
                delete(InboxRow).where(InboxRow.id.in_(select(ExecutionRow.id)))
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def trigger_value(self, flow_id: str, node_id: str, key: str, default: Any = None) -> Any:
        with self._database.reading() as session:
            row = session.get(TriggerStateRow, (flow_id, node_id, key))
            return default if row is None else row.value

    def set_trigger_value(self, flow_id: str, node_id: str, key: str, value: Any) -> None:
        with self._database.writing() as session:
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
        """Note new items as seen and keep the cursor, in one transaction; return the new ones
        as events (none without ``start_runs``).

        With ``start_runs`` the new items also go into the inbox in that same transaction,
        so an item is either seen and queued, or neither.
        """
        now = datetime.now(UTC)
        with self._database.writing() as session:
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
                    flow_id=flow_id, node_id=node_id, key=POLL_CURSOR, value=cursor, updated_at=now
                )
            )
            if not (start_runs and fresh):
                return []
            events = [InboxEvent(new_run_id(), flow_id, "polling", data, now) for _, data in fresh]
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
        "owner": THIS_PROCESS,
    }
