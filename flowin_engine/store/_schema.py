"""The tables of the execution history, as SQLAlchemy ORM classes.

The database schema itself is made only by the Alembic migrations in ``migrations/``; these
classes must describe the same tables (``test_migrations_match_the_orm_tables`` checks it).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..events import ExecutionStatus

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def dump_json(value: Any) -> str:
    """JSON for a column; ``default=str`` so a datetime or bytes in step data never fails a write."""
    return _ENCODER.encode(value)


# What json.dumps(value, default=str, ensure_ascii=False) builds on every call.
_ENCODER = json.JSONEncoder(default=str, ensure_ascii=False)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime; SQLite keeps no zone, so UTC is put back on read.

    A naive datetime is taken to be UTC already.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is None:
            return value
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class StoredJSON(str):
    """JSON text made already (to measure it): a JSONText column stores it as it is."""

    __slots__ = ()


class JSONText(TypeDecorator[Any]):
    """Any JSON-able value, kept as text; SQL NULL stands for None."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if type(value) is StoredJSON:
            return str(value)
        return dump_json(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        return None if value is None else json.loads(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class FlowRow(Base):
    __tablename__ = "flows"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String, index=True)
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String)
    version: Mapped[int] = mapped_column(Integer)
    definition: Mapped[str] = mapped_column(Text)  # Flow.to_json()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FlowVersionRow(Base):
    __tablename__ = "flow_versions"

    flow_id: Mapped[str] = mapped_column(
        String, ForeignKey("flows.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    definition: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)


# The statuses of a run that is not over yet.
UNFINISHED = (ExecutionStatus.RUNNING.value, ExecutionStatus.WAITING.value)


class ExecutionRow(Base):
    """One run of a flow. ``flow_id`` has no foreign key: a run of an unsaved flow is kept too."""

    __tablename__ = "executions"
    __table_args__ = (
        Index("ix_executions_flow_id_started_at", "flow_id", "started_at"),
        Index("ix_executions_status", "status"),
        Index("ix_executions_started_at", "started_at"),
    )

    id: Mapped[str] = mapped_column(String, primary_key=True)
    flow_id: Mapped[str] = mapped_column(String)
    flow_version: Mapped[int | None] = mapped_column(Integer)
    flow_name: Mapped[str] = mapped_column(String)
    mode: Mapped[str] = mapped_column(String)
    trigger_data: Mapped[Any] = mapped_column(JSONText, nullable=True)
    status: Mapped[str] = mapped_column(String)
    error: Mapped[str | None] = mapped_column(Text)
    failed_node: Mapped[str | None] = mapped_column(String)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    duration_ms: Mapped[float | None] = mapped_column(Float)
    retry_of: Mapped[str | None] = mapped_column(String)
    # The process running it ("pid:start time"), so another Flowin process can tell a run that is
    # still going from one whose process died.
    owner: Mapped[str | None] = mapped_column(String)
    # The steps of a run the webhook path did whole and that ended well, as one JSON list (see
    # _executions.finished_run_statements); NULL when its steps are rows of ``steps``.
    packed_steps: Mapped[str | None] = mapped_column(Text, nullable=True)


class StepRow(Base):
    """One attempt of one node (per loop iteration) in one execution."""

    __tablename__ = "steps"
    # Leads with execution_id, so it serves "the steps of a run" as well as finding the running
    # row a StepFinished event closes.
    __table_args__ = (
        Index("ix_steps_execution_id_node_id", "execution_id", "node_id", "iteration", "attempt"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    execution_id: Mapped[str] = mapped_column(
        String, ForeignKey("executions.id", ondelete="CASCADE")
    )
    node_id: Mapped[str] = mapped_column(String)
    node_name: Mapped[str] = mapped_column(String)
    node_type: Mapped[str] = mapped_column(String)
    iteration: Mapped[int | None] = mapped_column(Integer)
    attempt: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String)
    input: Mapped[Any] = mapped_column(JSONText, nullable=True)
    output: Mapped[Any] = mapped_column(JSONText, nullable=True)
    port: Mapped[str | None] = mapped_column(String)
    error: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    duration_ms: Mapped[float | None] = mapped_column(Float)
    # 1 when the input's data (then ``input`` holds {"params": ...} only) or the output is the
    # run's trigger data, kept once in its row (see Executions.get); None otherwise.
    input_data_is_trigger: Mapped[int | None] = mapped_column(Integer, nullable=True)
    output_is_trigger: Mapped[int | None] = mapped_column(Integer, nullable=True)


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[Any] = mapped_column(JSONText, nullable=True)


class InboxRow(Base):
    """An accepted trigger event, written before it is acknowledged (HTTP 2xx, a scheduled
    tick, a polled item). Its id becomes the execution's id, so an event runs at most once."""

    __tablename__ = "inbox"
    __table_args__ = (Index("ix_inbox_status_received_at", "status", "received_at"),)

    id: Mapped[str] = mapped_column(String, primary_key=True)
    flow_id: Mapped[str] = mapped_column(String)
    source: Mapped[str] = mapped_column(String)  # webhook / schedule / polling / manual
    payload: Mapped[Any] = mapped_column(JSONText, nullable=True)
    status: Mapped[str] = mapped_column(String)  # pending / started
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The process that accepted it ("pid:start time"): another Flowin process sharing the
    # database leaves it to that one while it runs, and takes it over once it has died.
    owner: Mapped[str | None] = mapped_column(String)


class TriggerStateRow(Base):
    """What a trigger remembers between runs: a polling cursor, a schedule's last tick."""

    __tablename__ = "trigger_state"

    flow_id: Mapped[str] = mapped_column(String, primary_key=True)
    node_id: Mapped[str] = mapped_column(String, primary_key=True)
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[Any] = mapped_column(JSONText, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SeenItemRow(Base):
    """Items a polling trigger has already turned into executions."""

    __tablename__ = "seen_items"

    flow_id: Mapped[str] = mapped_column(String, primary_key=True)
    node_id: Mapped[str] = mapped_column(String, primary_key=True)
    item_key: Mapped[str] = mapped_column(String, primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WakeupRow(Base):
    """A parked execution: a long Delay, with what it needs to carry on after a restart."""

    __tablename__ = "wakeups"

    execution_id: Mapped[str] = mapped_column(
        String, ForeignKey("executions.id", ondelete="CASCADE"), primary_key=True
    )
    node_id: Mapped[str] = mapped_column(String, primary_key=True)
    wake_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    state: Mapped[Any] = mapped_column(JSONText, nullable=True)


class ConnectionRow(Base):
    """A connected account. Its secret lives in the OS keyring (or the encrypted fallback),
    never in this database."""

    __tablename__ = "connections"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    connector: Mapped[str] = mapped_column(String, index=True)
    label: Mapped[str] = mapped_column(String)
    details: Mapped[Any] = mapped_column(
        JSONText, nullable=True
    )  # non-secret: account name, scopes
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_tested_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_test_ok: Mapped[bool | None] = mapped_column(Integer)


class SyncStateRow(Base):
    """What this computer and the cloud last agreed on for a flow. No foreign key to flows: a
    flow deleted here keeps its row, which is how the deletion reaches the cloud."""

    __tablename__ = "sync_state"

    flow_id: Mapped[str] = mapped_column(String, primary_key=True)
    remote_revision: Mapped[int] = mapped_column(Integer)
    synced_hash: Mapped[str] = mapped_column(String)  # of the flow's cloud form
    # This computer's version of the flow when the hash was taken (or an older one); None when
    # unknown. A flow still at this version has not changed here since.
    local_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncConflictRow(Base):
    """A flow changed both here and in the cloud, kept until the user picks a side."""

    __tablename__ = "sync_conflicts"

    flow_id: Mapped[str] = mapped_column(String, primary_key=True)
    their_revision: Mapped[int] = mapped_column(Integer)
    their_definition: Mapped[Any] = mapped_column(JSONText, nullable=True)  # None: deleted there
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime)


class NotificationRow(Base):
    """One notification of the app's bell: a failure, a recovery, a summary, a silence, waiting
    events, a sync conflict... ``count`` repeats of the same one are bundled into it, of which
    ``told`` have been sent over the user's channels."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_at", "at"),
        Index("ix_notifications_read", "read"),
        Index("ix_notifications_bundle_key_at", "bundle_key", "at"),
    )

    id: Mapped[str] = mapped_column(String, primary_key=True)
    kind: Mapped[str] = mapped_column(String)
    flow_id: Mapped[str | None] = mapped_column(String, nullable=True)
    execution_id: Mapped[str | None] = mapped_column(String, nullable=True)
    step: Mapped[str | None] = mapped_column(String, nullable=True)
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    problem: Mapped[Any] = mapped_column(JSONText, nullable=True)  # {template, args}
    data: Mapped[Any] = mapped_column(JSONText, nullable=True)
    bundle_key: Mapped[str | None] = mapped_column(String, nullable=True)
    count: Mapped[int] = mapped_column(Integer)
    told: Mapped[int] = mapped_column(Integer)
    first_at: Mapped[datetime] = mapped_column(UTCDateTime)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    read: Mapped[int] = mapped_column(Integer)  # 0 or 1


class NotificationRuleRow(Base):
    """Who hears of what: ``scope`` "" is the global rule, a flow's id its own override."""

    __tablename__ = "notification_rules"

    scope: Mapped[str] = mapped_column(String, primary_key=True)
    rule: Mapped[Any] = mapped_column(JSONText, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class NotificationFlowStateRow(Base):
    """What the notifications remember of a flow's runs: failing since when, the day its
    summary was last sent, when its silence was last told."""

    __tablename__ = "notification_flow_state"

    flow_id: Mapped[str] = mapped_column(String, primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    summary_day: Mapped[str | None] = mapped_column(String, nullable=True)
    silence_told_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class NotificationHeldRow(Base):
    """A notification a channel keeps back during quiet hours, sent in a digest after them."""

    __tablename__ = "notification_held"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    notification_id: Mapped[str] = mapped_column(
        String, ForeignKey("notifications.id", ondelete="CASCADE")
    )
    channel: Mapped[Any] = mapped_column(JSONText, nullable=True)
    language: Mapped[str] = mapped_column(String)
    held_at: Mapped[datetime] = mapped_column(UTCDateTime)
    release_at: Mapped[datetime] = mapped_column(UTCDateTime)  # when the quiet hours end
