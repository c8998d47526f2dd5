"""The execution history: saved flows and their versions, every run and every step of it.

One SQLite file in WAL mode. Writes from the threads that start runs (``begin_executions``,
many runs in one transaction) and from the event bus thread (``record``) are serialized by a
lock in this process, take turns on one connection, and use ``BEGIN IMMEDIATE`` between
processes (the desktop app and the command line may share a file).

Another process may hold the database for longer than SQLite's busy timeout (a backup tool,
a long prune, a program reading it with a write lock): a write then waits and tries again
with back-off. The history of runs (their start and everything they record) waits as long as
it takes; other writes give up after ``write_patience`` with a sentence saying so
(``DatabaseBusy``), never silently.
"""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

import psutil
from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    case,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .. import paths
from ..errors import FlowinError, NotFound
from ..events import (
    Event,
    ExecutionFinished,
    ExecutionStarted,
    ExecutionStatus,
    StepFinished,
    StepSkipped,
    StepStarted,
    StepStatus,
)
from ..model import Flow, FlowStatus, utc_now
from . import _health
from ._schema import (
    ExecutionRow,
    FlowRow,
    FlowVersionRow,
    InboxRow,
    SettingRow,
    StepRow,
    SyncStateRow,
    WakeupRow,
)
from .redact import redact
from .trim import for_history

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
MIN_ID_PREFIX = 6
DEFAULT_RETENTION_DAYS = 30
LANGUAGE_SETTING = "language"
INTERRUPTED_ERROR = "Flowin stopped while this run was in progress."
INTERRUPTED_STEP_ERROR = "Flowin stopped while this step was running."
_UNFINISHED = (ExecutionStatus.RUNNING.value, ExecutionStatus.WAITING.value)
_WRITE = "flowin_write"
BUSY_TIMEOUT_MS = 5000  # how long SQLite itself waits for a lock before each retry of ours
WRITE_PATIENCE = 120.0  # seconds a write other than the run history waits before giving up
_BUSY_WARNING_EVERY = 30.0
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CORRUPT, _SQLITE_NOTADB = 5, 6, 11, 26


@dataclass(frozen=True, slots=True)
class FlowSummary:
    id: str
    name: str
    status: FlowStatus
    version: int
    updated_at: datetime
    runs_today: int
    success_ratio: float | None  # successful runs / finished runs in the history; None if none


@dataclass(frozen=True, slots=True)
class FlowVersionInfo:
    version: int
    saved_at: datetime


class DatabaseBusy(FlowinError):
    """Another program held the database for longer than a write could wait."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"Another program has kept Flowin's database busy for {seconds:.0f} seconds, so "
            "this change could not be saved; close other programs using it and try again."
        )


class VersionConflict(FlowinError):
    """The flow was saved elsewhere after this copy of it was loaded."""

    def __init__(self, flow_name: str, loaded: int, latest: int) -> None:
        self.loaded, self.latest = loaded, latest
        super().__init__(
            f"'{flow_name}' was changed elsewhere (version {latest}) after you opened "
            f"version {loaded}; keep your copy or load theirs."
        )


@dataclass(frozen=True, slots=True)
class StepRecordView:
    node_id: str
    node_name: str
    node_type: str
    iteration: int | None
    attempt: int  # 0 for a skipped step, which was never attempted
    status: StepStatus
    input: Any
    output: Any
    port: str | None
    error: str | None
    started_at: datetime
    finished_at: datetime | None
    duration_ms: float | None


@dataclass(frozen=True, slots=True)
class ExecutionSummary:
    id: str
    flow_id: str
    flow_name: str
    flow_version: int | None  # None when the run's flow differed from every saved version
    mode: str
    status: ExecutionStatus
    error: str | None
    failed_node: str | None
    started_at: datetime
    finished_at: datetime | None
    duration_ms: float | None
    retry_of: str | None


@dataclass(frozen=True, slots=True)
class ExecutionDetail(ExecutionSummary):
    trigger_data: Any
    steps: list[StepRecordView]


@dataclass(frozen=True, slots=True)
class Parked:
    execution_id: str
    node_id: str
    wake_at: datetime
    state: Any


# The newest migration's revision; a test keeps it equal to Alembic's head.
SCHEMA_REVISION = "0004"


class Store:
    """Flowin's history database. Safe to share between threads; close it when done."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else paths.database_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Before anything can write: each write into a damaged file may spread the damage.
        _health.require_sound(self.path)
        self._damage: _health.DatabaseDamaged | None = None
        self._engine = _create_engine(self.path, self._damaged)
        self._reader = sessionmaker(self._engine, expire_on_commit=False)
        self._write_lock = threading.Lock()
        # Writers take turns on one connection they keep: checking a connection out of the
        # pool and back (with its reset) for every transaction costs more than a small write.
        self._write_connection: Connection | None = None
        self._closed = False
        # Seconds a write other than the run history waits for a busy database.
        self.write_patience = WRITE_PATIENCE
        try:
            self._migrate()
        except Exception:
            self._engine.dispose()
            raise

    def close(self) -> None:
        self._closed = True  # a write waiting for a busy database stops waiting
        with self._write_lock:
            if self._write_connection is not None:
                self._write_connection.close()
                self._write_connection = None
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # Flows

    def save_flow(self, flow: Flow, expected_version: int | None = None) -> int:
        """Insert or update a flow; returns its version, which grows only when the flow changed.

        Status and ``updated_at`` are not part of a version: pausing a flow is not an edit.
        With ``expected_version`` (the version the editor loaded), a flow saved since by someone
        else (another window, the command line, a sync) is not overwritten: ``VersionConflict``.
        """
        definition = flow.to_json(indent=None)
        with self._write() as session:
            row = session.get(FlowRow, flow.id)
            if row is not None and expected_version is not None and row.version > expected_version:
                raise VersionConflict(flow.name, expected_version, row.version)
            if row is None:
                row = FlowRow(id=flow.id, version=0, created_at=flow.created_at)
                session.add(row)
                changed = True
            else:
                changed = _comparable(row.definition) != _comparable(definition)
            if changed:
                row.version += 1
                session.add(
                    FlowVersionRow(
                        flow_id=flow.id,
                        version=row.version,
                        definition=definition,
                        saved_at=utc_now(),
                    )
                )
            row.name = flow.name
            row.description = flow.description
            row.status = flow.status.value
            row.definition = definition
            row.updated_at = flow.updated_at
            return row.version

    def get_flow(self, flow_id: str) -> Flow:
        with self._reader() as session:
            row = session.get(FlowRow, flow_id)
            if row is None:
                raise NotFound(f"There is no flow with id '{flow_id}'.")
            return _flow_from_row(row)

    def find_flow(self, id_or_name: str) -> Flow:
        """The flow with this id or, failing that, this exact name."""
        with self._reader() as session:
            row = session.get(FlowRow, id_or_name)
            if row is None:
                rows = session.scalars(select(FlowRow).where(FlowRow.name == id_or_name)).all()
                if not rows:
                    raise NotFound(f"There is no flow with the id or name '{id_or_name}'.")
                if len(rows) > 1:
                    ids = ", ".join(sorted(r.id for r in rows))
                    raise FlowinError(
                        f"{len(rows)} flows are named '{id_or_name}' (ids {ids}); "
                        "use the id of the one you mean."
                    )
                row = rows[0]
            return _flow_from_row(row)

    def list_flows(self) -> list[FlowSummary]:
        """Every saved flow, by name."""
        today = _start_of_today()
        finished = ExecutionRow.status.not_in(_UNFINISHED)
        succeeded = ExecutionRow.status == ExecutionStatus.SUCCESS.value
        runs = (
            select(
                ExecutionRow.flow_id,
                func.sum(case((ExecutionRow.started_at >= today, 1), else_=0)).label("today"),
                func.sum(case((finished, 1), else_=0)).label("finished"),
                func.sum(case((succeeded, 1), else_=0)).label("succeeded"),
            )
            .group_by(ExecutionRow.flow_id)
            .subquery()
        )
        query = (
            select(FlowRow, runs.c.today, runs.c.finished, runs.c.succeeded)
            .outerjoin(runs, runs.c.flow_id == FlowRow.id)
            .order_by(func.lower(FlowRow.name), FlowRow.id)
        )
        with self._reader() as session:
            return [
                FlowSummary(
                    id=row.id,
                    name=row.name,
                    status=FlowStatus(row.status),
                    version=row.version,
                    updated_at=row.updated_at,
                    runs_today=today_count or 0,
                    success_ratio=(succeeded_count or 0) / finished_count
                    if finished_count
                    else None,
                )
                for row, today_count, finished_count, succeeded_count in session.execute(query)
            ]

    def flow_versions(self, flow_id: str) -> list[FlowVersionInfo]:
        """The saved versions of a flow, newest first."""
        with self._reader() as session:
            rows = self._version_rows(session, flow_id)
            return [FlowVersionInfo(row.version, row.saved_at) for row in rows]

    def _version_rows(self, session: Session, flow_id: str) -> Any:
        self._require_flow(session, flow_id)
        return session.scalars(
            select(FlowVersionRow)
            .where(FlowVersionRow.flow_id == flow_id)
            .order_by(FlowVersionRow.version.desc())
        )

    def current_version(self, flow_id: str) -> int:
        """The number of the flow's latest saved version."""
        with self._reader() as session:
            return self._require_flow(session, flow_id).version

    def flow_version_history(self, flow_id: str) -> list[tuple[FlowVersionInfo, Flow]]:
        """Every saved version of a flow with its definition, newest first (one query)."""
        with self._reader() as session:
            rows = self._version_rows(session, flow_id)
            return [
                (FlowVersionInfo(row.version, row.saved_at), Flow.from_json(row.definition))
                for row in rows
            ]

    def get_flow_version(self, flow_id: str, version: int) -> Flow:
        with self._reader() as session:
            self._require_flow(session, flow_id)
            row = session.get(FlowVersionRow, (flow_id, version))
            if row is None:
                raise NotFound(f"The flow '{flow_id}' has no version {version}.")
            return Flow.from_json(row.definition)

    def delete_flow(self, flow_id: str) -> None:
        """Delete a flow, its versions and all its executions."""
        with self._write() as session:
            self._require_flow(session, flow_id)
            session.execute(delete(InboxRow).where(InboxRow.flow_id == flow_id))
            session.execute(delete(ExecutionRow).where(ExecutionRow.flow_id == flow_id))
            session.execute(delete(FlowRow).where(FlowRow.id == flow_id))
            # A flow made again with this id starts again at version 1: what the sync noted of
            # the old one's versions must not pass for the new one's.
            session.execute(
                update(SyncStateRow)
                .where(SyncStateRow.flow_id == flow_id)
                .values(local_version=None)
            )

    def set_flow_status(self, flow_id: str, status: FlowStatus | str) -> None:
        status = FlowStatus(status)
        with self._write() as session:
            row = self._require_flow(session, flow_id)
            row.status = status.value
            row.definition = _flow_from_row(row).to_json(indent=None)

    # Executions

    def begin_execution(
        self,
        execution_id: str,
        flow: Flow,
        trigger_data: Any,
        mode: str,
        retry_of: str | None = None,
        started_at: datetime | None = None,
    ) -> None:
        """Record that a run has started, before any of its steps runs; returns once written."""
        started = ExecutionStarted(
            execution_id, flow.id, flow.name, trigger_data, started_at or utc_now(), mode, retry_of
        )
        self.begin_executions([(started, flow)])

    def begin_executions(self, runs: Sequence[tuple[ExecutionStarted, Flow]]) -> None:
        """Record several runs as started, each with the flow it runs, in one transaction.

        Returns once written. A run already recorded (a resumed one) is left as it is.
        """
        if not runs:
            return
        # An accepted event whose start could not be written would be lost or failed for
        # nothing: like the rest of a run's history, it waits for a busy database.
        with self._write(wait_forever=True) as session:
            versions = self._saved_versions(session, [flow for _, flow in runs])
            session.execute(
                insert(ExecutionRow.__table__).prefix_with("OR IGNORE"),
                [
                    {**_execution_values(started), "flow_version": versions[id(flow)]}
                    for started, flow in runs
                ],
            )
            _release_inbox_payloads(session, [started.execution_id for started, _ in runs])

    @staticmethod
    def _saved_versions(session: Session, flows: Sequence[Flow]) -> dict[int, int | None]:
        """For each flow (by ``id()``), its saved version if it is that version unchanged."""
        connection = session.connection()
        versions: dict[int, int | None] = {}
        for flow in flows:
            key = id(flow)
            if key in versions:
                continue
            # At the driver: a batch usually holds one flow, and this runs for every batch.
            saved = connection.exec_driver_sql(
                "SELECT version, definition FROM flows WHERE id = ?", (flow.id,)
            ).first()
            same = saved is not None and _same_version(saved[1], flow.to_json(indent=None))
            versions[key] = saved[0] if same else None
        return versions

    def record(self, events: Sequence[Event]) -> None:
        """Write a batch of runner events in one transaction (the EventBus subscriber)."""
        if not events:
            return
        # The only record of what a run did: it waits for a busy database as long as the store
        # is open, rather than leave runs that succeeded marked as running.
        with self._write(wait_forever=True) as session:
            _BatchWriter(session).write(events)

    def list_executions(
        self,
        flow_id: str | None = None,
        status: ExecutionStatus | str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[ExecutionSummary]:
        """Runs newest first; ``since`` is inclusive and ``until`` exclusive, on the start time."""
        query = select(ExecutionRow)
        if flow_id is not None:
            query = query.where(ExecutionRow.flow_id == flow_id)
        if status is not None:
            query = query.where(ExecutionRow.status == ExecutionStatus(status).value)
        if since is not None:
            query = query.where(ExecutionRow.started_at >= since)
        if until is not None:
            query = query.where(ExecutionRow.started_at < until)
        query = (
            query.order_by(ExecutionRow.started_at.desc(), ExecutionRow.id.desc())
            .limit(limit)
            .offset(offset)
        )
        with self._reader() as session:
            return [_summary(row) for row in session.scalars(query)]

    def get_execution(self, execution_id: str) -> ExecutionDetail:
        """A run with its steps; like git, a unique prefix of 6 or more characters is enough."""
        with self._reader() as session:
            row = self._find_execution(session, execution_id)
            steps = session.scalars(
                select(StepRow)
                .where(StepRow.execution_id == row.id)
                .order_by(StepRow.started_at, StepRow.id)
            )
            return ExecutionDetail(
                **_summary_fields(row),
                trigger_data=row.trigger_data,
                steps=[_step_view(step) for step in steps],
            )

    def mark_interrupted(self, execution_ids: Collection[str] | None = None) -> int:
        """Mark every run still running or waiting as interrupted; returns how many.

        For start-up: such runs were cut short when Flowin stopped. Runs owned by another Flowin
        process that is still alive (the app while the command line runs) are left alone.
        Their end is taken to be the last moment anything was recorded for them.
        With ``execution_ids``, just those: runs this process stops itself as it shuts down.
        """
        query = select(ExecutionRow).where(
            ExecutionRow.status.in_(_UNFINISHED),
            ExecutionRow.id.not_in(select(WakeupRow.execution_id)),
        )
        if execution_ids is not None:
            query = query.where(ExecutionRow.id.in_(list(execution_ids)))
        with self._write() as session:
            rows = [
                row
                for row in session.scalars(query)
                if execution_ids is not None or not _owner_alive(row.owner)
            ]
            for row in rows:
                last_seen = session.scalar(
                    select(func.max(func.coalesce(StepRow.finished_at, StepRow.started_at))).where(
                        StepRow.execution_id == row.id
                    )
                )
                finished_at = max(row.started_at, last_seen or row.started_at)
                row.status = ExecutionStatus.INTERRUPTED.value
                row.error = INTERRUPTED_ERROR
                row.finished_at = finished_at
                row.duration_ms = (finished_at - row.started_at).total_seconds() * 1000
                for step in session.scalars(
                    select(StepRow).where(
                        StepRow.execution_id == row.id,
                        StepRow.status == StepStatus.RUNNING.value,
                    )
                ):
                    step.status = StepStatus.FAILED.value
                    step.error = INTERRUPTED_STEP_ERROR
            return len(rows)

    # Parked executions: a long Delay survives a restart.

    def park(self, execution_id: str, node_id: str, wake_at: datetime, state: Any) -> None:
        """Keep what a waiting execution needs to carry on at ``wake_at`` after a restart."""
        with self._write(wait_forever=True) as session:
            session.merge(
                WakeupRow(execution_id=execution_id, node_id=node_id, wake_at=wake_at, state=state)
            )
            row = session.get(ExecutionRow, execution_id)
            if row is not None:
                row.status = ExecutionStatus.WAITING.value

    def unpark(self, execution_id: str, node_id: str) -> None:
        with self._write(wait_forever=True) as session:
            session.execute(
                delete(WakeupRow).where(
                    WakeupRow.execution_id == execution_id, WakeupRow.node_id == node_id
                )
            )
            row = session.get(ExecutionRow, execution_id)
            if row is not None and row.status == ExecutionStatus.WAITING.value:
                row.status = ExecutionStatus.RUNNING.value
                row.owner = _THIS_PROCESS

    def parked(self) -> list[Parked]:
        """Every parked execution, soonest first."""
        with self._reader() as session:
            rows = session.scalars(select(WakeupRow).order_by(WakeupRow.wake_at)).all()
            return [Parked(r.execution_id, r.node_id, r.wake_at, r.state) for r in rows]

    def prune(self, older_than: timedelta | None = None) -> int:
        """Delete finished runs that started longer ago than ``older_than``; returns how many.

        By default the setting ``history_retention_days`` (30 unless set; 0 keeps everything).
        Runs still running or waiting are kept.
        """
        if older_than is None:
            days = self.get_setting("history_retention_days", DEFAULT_RETENTION_DAYS)
            if not days or days <= 0:
                return 0
            older_than = timedelta(days=days)
        cutoff = utc_now() - older_than
        pruned = select(ExecutionRow.id).where(
            ExecutionRow.started_at < cutoff, ExecutionRow.status.not_in(_UNFINISHED)
        )
        with self._write() as session:
            # The inbox takes an event with no run as not yet run: its row goes with the run's,
            # or the next start would run it again.
            session.execute(delete(InboxRow).where(InboxRow.id.in_(pruned)))
            result = session.execute(delete(ExecutionRow).where(ExecutionRow.id.in_(pruned)))
            return int(result.rowcount)  # type: ignore[attr-defined]

    def back_up_daily(self) -> Path | None:
        """Copy the database into ``backups/`` unless today's copy exists (the runtime asks at
        start and then every little while, so an app left running for weeks backs up daily).

        The file is checked first: found damaged, it is not copied, and the store takes no more
        writes. A backup that fails otherwise is logged: it must not stop Flowin from running.
        """
        if self._damage is not None:
            return None
        try:
            made = _health.back_up_daily(self.path)
        except _health.DatabaseDamaged as error:
            self._damaged(error)
            return None
        except (OSError, sqlite3.Error):
            log.exception("Could not back up the database to %s", _health.backup_folder(self.path))
            return None
        return made.path if made is not None else None

    # Settings

    def language(self) -> str:
        """The language the user chose for Flowin ("en" or "ar"); the desktop sets it."""
        return str(self.get_setting(LANGUAGE_SETTING, "en"))

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self._reader() as session:
            row = session.get(SettingRow, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value: Any) -> None:
        with self._write() as session:
            session.merge(SettingRow(key=key, value=value))

    # Internals

    def reading(self) -> Session:
        """A session for reads, for engine modules that keep their own tables here."""
        return self._reader()

    def writing(self) -> AbstractContextManager[Session]:
        """A write transaction (serialized with every other writer), committed on exit."""
        return self._write()

    @contextmanager
    def _write(self, wait_forever: bool = False) -> Iterator[Session]:
        """A write transaction; waits for a busy database ``write_patience`` seconds (or as
        long as the store is open), then raises ``DatabaseBusy``."""
        with self._write_lock:
            if self._damage is not None:
                raise self._damage
            connection = self._begin_write(None if wait_forever else self.write_patience)
            try:
                with Session(
                    connection, expire_on_commit=False, join_transaction_mode="rollback_only"
                ) as session:
                    yield session
                    session.flush()
                connection.commit()
            except BaseException:
                # Start the next write on a fresh connection, whatever state this one is in.
                self._write_connection = None
                connection.close()
                raise

    def _damaged(self, error: BaseException) -> _health.DatabaseDamaged:
        """Damage found while open: from now on nothing more is written into the file."""
        if self._damage is None:
            log.error("The database %s turned out damaged: %s", self.path, error)
            self._damage = (
                error
                if isinstance(error, _health.DatabaseDamaged)
                else _health.DatabaseDamaged(self.path, [str(error)])
            )
        return self._damage

    def _begin_write(self, patience: float | None) -> Connection:
        """The write connection inside ``BEGIN IMMEDIATE``, once no other process writes."""
        since = time.monotonic()
        delay, warned = 0.05, since
        while True:
            if self._write_connection is None:
                self._write_connection = self._engine.execution_options(**{_WRITE: True}).connect()
            connection = self._write_connection
            try:
                connection.begin()
                return connection
            except OperationalError as error:
                self._write_connection = None
                connection.close()
                if not _is_busy(error) or self._closed:
                    raise
                waited = time.monotonic() - since
                if patience is not None and waited >= patience:
                    raise DatabaseBusy(waited) from error
                if time.monotonic() - warned >= _BUSY_WARNING_EVERY:
                    warned = time.monotonic()
                    log.warning(
                        "Another program has held the database for %.0f s; still waiting to "
                        "write to %s",
                        waited,
                        self.path,
                    )
            time.sleep(delay)
            delay = min(delay * 2, 1.0)

    def _migrate(self) -> None:
        if self._schema_revision() == SCHEMA_REVISION:
            return
        # Alembic takes a good part of a second to import: only load it when there is work to do.
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
        with self._write_lock, self._engine.execution_options(**{_WRITE: True}).begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def _schema_revision(self) -> str | None:
        try:
            with self._engine.connect() as conn:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:
            return None

    @staticmethod
    def _require_flow(session: Session, flow_id: str) -> FlowRow:
        row = session.get(FlowRow, flow_id)
        if row is None:
            raise NotFound(f"There is no flow with id '{flow_id}'.")
        return row

    @staticmethod
    def _find_execution(session: Session, execution_id: str) -> ExecutionRow:
        row = session.get(ExecutionRow, execution_id)
        if row is not None:
            return row
        if len(execution_id) >= MIN_ID_PREFIX:
            pattern = execution_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            matches = session.scalars(
                select(ExecutionRow)
                .where(ExecutionRow.id.like(pattern + "%", escape="\\"))
                .limit(2)
            ).all()
            if len(matches) == 1:
                return matches[0]
            if matches:
                raise FlowinError(
                    f"Several executions have an id starting with '{execution_id}'; "
                    "give more characters of the id."
                )
        raise NotFound(f"There is no execution with id '{execution_id}'.")


class _BatchWriter:
    """Applies one batch of events inside one session, with as few statements as it can.

    A step's start and finish usually arrive in the same batch: they become one INSERT. Only a
    step still running when the batch ends is inserted as running and updated later.
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    def write(self, events: Sequence[Event]) -> None:
        started: dict[str, ExecutionStarted] = {}  # executions begun in this batch
        ended: dict[str, ExecutionFinished] = {}
        steps: dict[tuple[str, str, int | None, int], dict[str, Any]] = {}
        closing: list[StepFinished] = []  # finishes of steps started in an earlier batch
        skipped: list[dict[str, Any]] = []
        for item in events:
            if isinstance(item, ExecutionStarted):
                started.setdefault(item.execution_id, item)
            elif isinstance(item, StepStarted):
                steps[_step_key(item)] = _started_values(item)
            elif isinstance(item, StepFinished):
                row = steps.get(_step_key(item))
                if row is not None:
                    row.update(_finished_values(item))
                elif item.status == StepStatus.REUSED:  # replayed: it never started
                    steps[_step_key(item)] = {**_identity(item), **_finished_values(item)}
                else:
                    closing.append(item)
            elif isinstance(item, StepSkipped):
                skipped.append(_skipped_values(item))
            elif isinstance(item, ExecutionFinished):
                ended[item.execution_id] = item

        known = self._known(
            {
                *started,
                *ended,
                *(r["execution_id"] for r in steps.values()),
                *(e.execution_id for e in closing),
                *(r["execution_id"] for r in skipped),
            }
        )
        # Usually begun already (begin_executions): the trigger data is masked only when new.
        fresh = [_execution_values(item) for key, item in started.items() if key not in known]
        if fresh:
            self.session.execute(insert(ExecutionRow.__table__), fresh)
            known.update(v["id"] for v in fresh)

        def recorded(execution_id: str, kind: str) -> bool:
            if execution_id in known:
                return True
            log.warning("Event %s for unknown execution %s not recorded", kind, execution_id)
            return False

        rows = [r for r in (*steps.values(), *skipped) if recorded(r["execution_id"], "step")]
        if rows:
            self.session.execute(insert(StepRow.__table__), rows)
        for item in closing:
            if recorded(item.execution_id, "StepFinished"):
                self._close_running(item)
        finishes = [
            _finish_values(item)
            for execution_id, item in ended.items()
            if recorded(execution_id, "ExecutionFinished")
        ]
        if finishes:
            self.session.execute(_FINISH, finishes)

    def _known(self, ids: set[str]) -> set[str]:
        """Which of these runs are recorded. At the driver: it runs for every batch, and
        building an expanding IN through SQLAlchemy cost more than the query."""
        connection = self.session.connection()
        known: set[str] = set()
        wanted = list(ids)
        for start in range(0, len(wanted), 500):  # well under SQLite's limit on parameters
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = connection.exec_driver_sql(
                f"SELECT id FROM executions WHERE id IN ({marks})", tuple(chunk)
            )
            known.update(row[0] for row in rows)
        return known

    def _close_running(self, event: StepFinished) -> None:
        iteration = (
            StepRow.iteration.is_(None)
            if event.iteration is None
            else StepRow.iteration == event.iteration
        )
        row = self.session.scalars(
            select(StepRow)
            .where(
                StepRow.execution_id == event.execution_id,
                StepRow.node_id == event.node_id,
                iteration,
                StepRow.attempt == event.attempt,
                StepRow.status == StepStatus.RUNNING.value,
            )
            .order_by(StepRow.id.desc())
            .limit(1)
        ).first()
        if row is None:
            self.session.execute(insert(StepRow), [{**_identity(event), **_finished_values(event)}])
            return
        for key, value in _finished_values(event).items():
            setattr(row, key, value)


_FINISH = (
    update(ExecutionRow.__table__)
    .where(ExecutionRow.__table__.c.id == bindparam("finished_id"))
    .values(
        status=bindparam("finished_status"),
        error=bindparam("finished_error"),
        failed_node=bindparam("finished_node"),
        finished_at=bindparam("finished_time"),
        duration_ms=bindparam("finished_ms"),
    )
)


def _finish_values(event: ExecutionFinished) -> dict[str, Any]:
    """The parameters of ``_FINISH`` (one UPDATE for all runs a batch finishes)."""
    return {
        "finished_id": event.execution_id,
        "finished_status": ExecutionStatus(event.status).value,
        "finished_error": event.error,
        "finished_node": event.failed_node,
        "finished_time": event.at,
        "finished_ms": event.duration * 1000,
    }


def _release_inbox_payloads(session: Session, execution_ids: Sequence[str]) -> None:
    """The inbox keeps an event's data until its run is recorded with it; from then on the run
    holds it, and a second copy of a big webhook body would only fill the file."""
    connection = session.connection()
    for start in range(0, len(execution_ids), 500):
        chunk = tuple(execution_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        connection.exec_driver_sql(
            f"UPDATE inbox SET payload = NULL WHERE payload IS NOT NULL AND id IN ({marks})",
            chunk,
        )


def _step_key(event: StepStarted | StepFinished) -> tuple[str, str, int | None, int]:
    return (event.execution_id, event.node_id, event.iteration, event.attempt)


def _execution_values(event: ExecutionStarted) -> dict[str, Any]:
    return {
        "id": event.execution_id,
        "flow_id": event.flow_id,
        "flow_version": None,
        "flow_name": event.flow_name,
        "mode": event.mode,
        "trigger_data": redact(event.trigger_data),
        "status": ExecutionStatus.RUNNING.value,
        "started_at": event.at,
        "retry_of": event.retry_of,
        "owner": _THIS_PROCESS,
    }


def _identity(event: StepStarted | StepFinished | StepSkipped) -> dict[str, Any]:
    return {
        "execution_id": event.execution_id,
        "node_id": event.node_id,
        "node_name": event.node_name,
        "node_type": event.node_type,
        "iteration": event.iteration,
    }


def _started_values(event: StepStarted) -> dict[str, Any]:
    return {
        **_identity(event),
        "attempt": event.attempt,
        "status": StepStatus.RUNNING.value,
        "input": for_history(event.input),
        "output": None,
        "port": None,
        "error": None,
        "started_at": event.at,
        "finished_at": None,
        "duration_ms": None,
    }


def _finished_values(event: StepFinished) -> dict[str, Any]:
    return {
        "attempt": event.attempt,
        "status": StepStatus(event.status).value,
        "input": for_history(event.input),
        "output": for_history(event.output),
        "port": event.port,
        "error": event.error,
        "started_at": event.started_at,
        "finished_at": event.at,
        "duration_ms": event.duration * 1000,
    }


def _skipped_values(event: StepSkipped) -> dict[str, Any]:
    return {
        **_identity(event),
        "attempt": 0,
        "status": StepStatus.SKIPPED.value,
        "input": None,
        "output": None,
        "port": None,
        "error": None,
        "started_at": event.at,
        "finished_at": event.at,
        "duration_ms": 0.0,
    }


def _create_engine(path: Path, damaged: Callable[[BaseException], FlowinError]) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "handle_error")
    def _damage(context: ExceptionContext) -> FlowinError | None:
        # Damage met later than the check at open (a page read for the first time) reaches
        # the user as the same sentence, never as a driver error.
        code = getattr(context.original_exception, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return damaged(context.original_exception)
        return None

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's BEGIN (below) decide when transactions start, not the sqlite3 module.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # First, so the others may wait too.
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # A writer takes the write lock up front: a reader that later writes could otherwise
        # fail at once with SQLITE_BUSY instead of waiting for busy_timeout.
        writes = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def _is_busy(error: OperationalError) -> bool:
    """Whether SQLite refused because another connection holds the database."""
    code = getattr(error.orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "locked" in str(error.orig) or "busy" in str(error.orig)


def _summary(row: ExecutionRow) -> ExecutionSummary:
    return ExecutionSummary(**_summary_fields(row))


def _summary_fields(row: ExecutionRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "flow_id": row.flow_id,
        "flow_name": row.flow_name,
        "flow_version": row.flow_version,
        "mode": row.mode,
        "status": ExecutionStatus(row.status),
        "error": row.error,
        "failed_node": row.failed_node,
        "started_at": row.started_at,
        "finished_at": row.finished_at,
        "duration_ms": row.duration_ms,
        "retry_of": row.retry_of,
    }


def _step_view(row: StepRow) -> StepRecordView:
    return StepRecordView(
        node_id=row.node_id,
        node_name=row.node_name,
        node_type=row.node_type,
        iteration=row.iteration,
        attempt=row.attempt,
        status=StepStatus(row.status),
        input=row.input,
        output=row.output,
        port=row.port,
        error=row.error,
        started_at=row.started_at,
        finished_at=row.finished_at,
        duration_ms=row.duration_ms,
    )


def _flow_from_row(row: FlowRow) -> Flow:
    flow = Flow.from_json(row.definition)
    return flow.model_copy(update={"status": FlowStatus(row.status)})


def _comparable(definition: str) -> dict[str, Any]:
    """A flow's JSON without what does not make a new version (pinned outputs are test data)."""
    data = json.loads(definition)
    data.pop("updated_at", None)
    data.pop("status", None)
    data.pop("pinned", None)
    return data


@functools.lru_cache(maxsize=64)
def _comparable_cached(definition: str) -> dict[str, Any]:
    return _comparable(definition)


def _same_version(saved: str, definition: str) -> bool:
    """Whether two flow JSONs are the same version; runs of one flow compare the same texts
    again and again, so their parsed forms are kept (read only)."""
    return saved == definition or _comparable_cached(saved) == _comparable_cached(definition)


def _start_of_today() -> datetime:
    """Local midnight, as the user counts "today"."""
    now = datetime.now().astimezone()
    return now.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


def _process_identity(process: psutil.Process) -> str:
    return f"{process.pid}:{process.create_time():.3f}"


_THIS_PROCESS = _process_identity(psutil.Process())


def _owner_alive(owner: str | None) -> bool:
    """Whether the process that began a run still runs (the same process, not a reused pid)."""
    if not owner:
        return False
    pid = owner.partition(":")[0]
    try:
        return _process_identity(psutil.Process(int(pid))) == owner
    except (ValueError, psutil.Error):
        return False
