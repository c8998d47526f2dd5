"""Notifications: the bell's rows, the rules, what each flow's runs looked like lately, and the
messages held back for quiet hours (tables ``notifications``, ``notification_rules``,
``notification_flow_state``, ``notification_held``).

What a notification says and who hears of it is ``flowin_engine.notifications``'s business;
this repository only keeps it.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update

from ..events import ExecutionStatus
from ..model import utc_now
from ._database import Database
from ._schema import (
    ExecutionRow,
    NotificationFlowStateRow,
    NotificationHeldRow,
    NotificationRow,
    NotificationRuleRow,
)

GLOBAL_SCOPE = ""
# Notifications older than this are removed (a bell is not an archive; the runs stay in the
# history as long as its own retention says).
KEEP_DAYS = 90
_FINISHED = (
    ExecutionStatus.SUCCESS.value,
    ExecutionStatus.FAILED.value,
    ExecutionStatus.INTERRUPTED.value,
    ExecutionStatus.CANCELLED.value,
)


@dataclass(frozen=True, slots=True)
class Notification:
    """One row of the bell. ``problem`` is ``{"template": ..., "args": {...}}`` when the reason
    can be shown in another language; ``count`` repeats of it were bundled in, the first at
    ``first_at``, the latest at ``at``; ``told`` of them were sent over the user's channels."""

    id: str
    kind: str
    title: str
    text: str
    at: datetime
    first_at: datetime
    flow_id: str | None = None
    execution_id: str | None = None
    step: str | None = None
    problem: dict[str, Any] | None = None
    data: dict[str, Any] = field(default_factory=dict)
    bundle_key: str | None = None
    count: int = 1
    told: int = 0
    read: bool = False


@dataclass(frozen=True, slots=True)
class FlowNoticeState:
    """What the notifications remember of one flow's runs."""

    flow_id: str
    failures: int = 0  # failed runs in a row, since the last success
    failing_since: datetime | None = None
    summary_day: str | None = None  # the local day (ISO) of the last daily summary
    silence_told_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Held:
    """A notification a channel keeps back until quiet hours end."""

    id: int
    notification: Notification
    channel: dict[str, Any]
    language: str
    held_at: datetime
    release_at: datetime


@dataclass(frozen=True, slots=True)
class RunCounts:
    total: int
    failed: int


def new_notification(
    kind: str,
    title: str,
    text: str,
    *,
    at: datetime | None = None,
    **details: Any,
) -> Notification:
    """A notification not kept yet, with a fresh id."""
    moment = at or utc_now()
    return Notification(
        id=uuid.uuid4().hex,
        kind=kind,
        title=title,
        text=text,
        at=moment,
        first_at=moment,
        **details,
    )


class NotificationRecords:
    """The notification tables."""

    def __init__(self, database: Database) -> None:
        self._database = database

    # The bell's rows.

    def add(self, notification: Notification, bundle_since: datetime | None = None) -> Notification:
        """Keep ``notification``; when it has a ``bundle_key`` and a row with the same key was
        added or repeated since ``bundle_since``, that row counts one more instead (it takes the
        new one's texts, run, time and data over its own, and is unread again). Returns the row
        as kept."""
        with self._database.writing() as session:
            if notification.bundle_key is not None and bundle_since is not None:
                row = session.scalars(
                    select(NotificationRow)
                    .where(
                        NotificationRow.bundle_key == notification.bundle_key,
                        NotificationRow.at >= bundle_since,
                    )
                    .order_by(NotificationRow.at.desc())
                    .limit(1)
                ).first()
                if row is not None:
                    row.count += 1
                    row.at = notification.at
                    row.title = notification.title
                    row.text = notification.text
                    row.execution_id = notification.execution_id
                    row.problem = notification.problem
                    # What the row noted itself (when it was last told) stays.
                    row.data = {**(row.data or {}), **notification.data}
                    row.read = 0
                    session.flush()
                    return _notification(row)
            row = NotificationRow(
                id=notification.id,
                kind=notification.kind,
                flow_id=notification.flow_id,
                execution_id=notification.execution_id,
                step=notification.step,
                title=notification.title,
                text=notification.text,
                problem=notification.problem,
                data=notification.data,
                bundle_key=notification.bundle_key,
                count=notification.count,
                told=notification.told,
                first_at=notification.first_at,
                at=notification.at,
                read=int(notification.read),  # an integer column: PostgreSQL takes no bool
            )
            session.add(row)
            session.flush()
            return _notification(row)

    def find(self, bundle_key: str, since: datetime | None = None) -> Notification | None:
        """The latest row with this bundle key (added or repeated since ``since``)."""
        query = select(NotificationRow).where(NotificationRow.bundle_key == bundle_key)
        if since is not None:
            query = query.where(NotificationRow.at >= since)
        with self._database.reading() as session:
            row = session.scalars(query.order_by(NotificationRow.at.desc()).limit(1)).first()
            return None if row is None else _notification(row)

    def get(self, notification_id: str) -> Notification | None:
        with self._database.reading() as session:
            row = session.get(NotificationRow, notification_id)
            return None if row is None else _notification(row)

    def list(
        self, *, unread_only: bool = False, limit: int = 100, flow_id: str | None = None
    ) -> list[Notification]:
        """The newest first."""
        query = select(NotificationRow)
        if unread_only:
            query = query.where(NotificationRow.read == 0)
        if flow_id is not None:
            query = query.where(NotificationRow.flow_id == flow_id)
        query = query.order_by(NotificationRow.at.desc(), NotificationRow.id).limit(limit)
        with self._database.reading() as session:
            return [_notification(row) for row in session.scalars(query)]

    def unread_count(self) -> int:
        with self._database.reading() as session:
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(NotificationRow)
                    .where(NotificationRow.read == 0)
                )
                or 0
            )

    def mark_read(self, ids: Collection[str]) -> list[Notification]:
        """Returns the rows that were unread and are read now."""
        if not ids:
            return []
        with self._database.writing() as session:
            rows = list(
                session.scalars(
                    select(NotificationRow).where(
                        NotificationRow.id.in_(list(ids)),
                        NotificationRow.read == 0,
                    )
                )
            )
            for row in rows:
                row.read = 1
            session.flush()
            return [_notification(row) for row in rows]

    def mark_all_read(self) -> int:
        with self._database.writing() as session:
            result = session.execute(
                update(NotificationRow).where(NotificationRow.read == 0).values(read=1)
            )
            return int(getattr(result, "rowcount", 0) or 0)

    def set_told(self, notification_id: str, told: int, data: dict[str, Any]) -> None:
        """``told`` of the row's repeats were sent over the channels; ``data`` is its data now."""
        with self._database.writing() as session:
            row = session.get(NotificationRow, notification_id)
            if row is not None:
                row.told = told
                row.data = data

    def untold(self, kind: str) -> list[Notification]:
        """Rows of ``kind`` with repeats not sent over the channels yet, oldest first."""
        with self._database.reading() as session:
            rows = session.scalars(
                select(NotificationRow)
                .where(NotificationRow.kind == kind, NotificationRow.count > NotificationRow.told)
                .order_by(NotificationRow.at)
            )
            return [_notification(row) for row in rows]

    def prune(self, now: datetime | None = None, keep_days: int = KEEP_DAYS) -> int:
        cutoff = (now or utc_now()) - timedelta(days=keep_days)
        with self._database.writing() as session:
            result = session.execute(delete(NotificationRow).where(NotificationRow.at < cutoff))
            return int(getattr(result, "rowcount", 0) or 0)

    # Rules.

    def rules(self) -> dict[str | None, dict[str, Any]]:
        """Every rule kept: None is the global one, a flow's id its own override."""
        with self._database.reading() as session:
            return {
                (row.scope or None): row.rule
                for row in session.scalars(select(NotificationRuleRow))
                if row.rule is not None
            }

    def set_rule(self, flow_id: str | None, rule: dict[str, Any] | None) -> None:
        """Keep a rule (``flow_id`` None: the global one); None removes it."""
        scope = flow_id or GLOBAL_SCOPE
        with self._database.writing() as session:
            if rule is None:
                session.execute(
                    delete(NotificationRuleRow).where(NotificationRuleRow.scope == scope)
                )
                return
            session.merge(NotificationRuleRow(scope=scope, rule=rule, updated_at=utc_now()))

    # What each flow's runs looked like lately.

    def flow_state(self, flow_id: str) -> FlowNoticeState:
        with self._database.reading() as session:
            row = session.get(NotificationFlowStateRow, flow_id)
            if row is None:
                return FlowNoticeState(flow_id)
            return FlowNoticeState(
                flow_id, row.failures, row.failing_since, row.summary_day, row.silence_told_at
            )

    def failing_flows(self) -> list[str]:
        """The flows whose last run failed."""
        with self._database.reading() as session:
            return list(
                session.scalars(
                    select(NotificationFlowStateRow.flow_id).where(
                        NotificationFlowStateRow.failures > 0
                    )
                )
            )

    def set_flow_state(self, state: FlowNoticeState) -> None:
        with self._database.writing() as session:
            session.merge(
                NotificationFlowStateRow(
                    flow_id=state.flow_id,
                    failures=state.failures,
                    failing_since=state.failing_since,
                    summary_day=state.summary_day,
                    silence_told_at=state.silence_told_at,
                )
            )

    def update_flow_state(self, flow_id: str, **changes: Any) -> FlowNoticeState:
        state = replace(self.flow_state(flow_id), **changes)
        self.set_flow_state(state)
        return state

    # Held back for quiet hours.

    def hold(
        self,
        notification_id: str,
        channel: dict[str, Any],
        language: str,
        at: datetime,
        release_at: datetime,
    ) -> None:
        with self._database.writing() as session:
            session.add(
                NotificationHeldRow(
                    notification_id=notification_id,
                    channel=channel,
                    language=language,
                    held_at=at,
                    release_at=release_at,
                )
            )

    def held(self, due_by: datetime | None = None) -> list[Held]:
        """What is held back (only what may go out by ``due_by`` when given), oldest first."""
        query = select(NotificationHeldRow, NotificationRow).join(
            NotificationRow, NotificationRow.id == NotificationHeldRow.notification_id
        )
        if due_by is not None:
            query = query.where(NotificationHeldRow.release_at <= due_by)
        with self._database.reading() as session:
            pairs = session.execute(query.order_by(NotificationHeldRow.id)).all()
            return [
                Held(
                    held.id,
                    _notification(row),
                    held.channel or {},
                    held.language,
                    held.held_at,
                    held.release_at,
                )
                for held, row in pairs
            ]

    def release(self, held_ids: Sequence[int]) -> None:
        if not held_ids:
            return
        with self._database.writing() as session:
            session.execute(
                delete(NotificationHeldRow).where(NotificationHeldRow.id.in_(list(held_ids)))
            )

    # What the history says, for summaries and silences.

    def run_counts(self, flow_id: str, since: datetime, until: datetime) -> RunCounts:
        """The finished runs of a flow started in [since, until), and how many failed."""
        with self._database.reading() as session:
            rows = session.execute(
                select(ExecutionRow.status, func.count())
                .where(
                    ExecutionRow.flow_id == flow_id,
                    ExecutionRow.started_at >= since,
                    ExecutionRow.started_at < until,
                    ExecutionRow.status.in_(_FINISHED),
                )
                .group_by(ExecutionRow.status)
            ).all()
        counts = {str(status): int(number) for status, number in rows}
        failed = sum(
            counts.get(s, 0)
            for s in (ExecutionStatus.FAILED.value, ExecutionStatus.INTERRUPTED.value)
        )
        return RunCounts(sum(counts.values()), failed)

    def last_run_at(self, flow_ids: Collection[str]) -> dict[str, datetime]:
        """When each of these flows last started a run (flows never run are left out)."""
        if not flow_ids:
            return {}
        with self._database.reading() as session:
            rows = session.execute(
                select(ExecutionRow.flow_id, func.max(ExecutionRow.started_at))
                .where(ExecutionRow.flow_id.in_(list(flow_ids)))
                .group_by(ExecutionRow.flow_id)
            ).all()
        found: dict[str, datetime] = {}
        for flow_id, started in rows:
            if started is not None:
                # max() comes back as the column's text on SQLite: read it the column's way.
                found[str(flow_id)] = _as_utc(started)
        return found


def _as_utc(value: Any) -> datetime:
    from datetime import UTC

    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _notification(row: NotificationRow) -> Notification:
    return Notification(
        id=row.id,
        kind=row.kind,
        title=row.title,
        text=row.text,
        at=row.at,
        first_at=row.first_at,
        flow_id=row.flow_id,
        execution_id=row.execution_id,
        step=row.step,
        problem=row.problem,
        data=row.data or {},
        bundle_key=row.bundle_key,
        count=row.count,
        told=row.told,
        read=bool(row.read),
    )
