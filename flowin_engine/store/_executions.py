"""The history of runs: every execution with every step of it, and runs parked on a long Delay."""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import orjson
import psutil
from sqlalchemy import Text, bindparam, delete, func, insert, or_, select, type_coerce, update
from sqlalchemy.orm import Session

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
from ..model import Flow, utc_now
from ._database import Database
from ._flows import same_version
from ._hot import INSERT_ONCE, sql_json, sql_time
from ._schema import UNFINISHED, ExecutionRow, InboxRow, SettingRow, StepRow, WakeupRow, dump_json
from .redact import _is_secret_name, _mask_all, redact
from .trim import HISTORY_LIMIT, for_history

if TYPE_CHECKING:
    from ._inbox import InboxEvent

log = logging.getLogger(__name__)

MIN_ID_PREFIX = 6
DEFAULT_RETENTION_DAYS = 30
RETENTION_SETTING = "history_retention_days"
INTERRUPTED_ERROR = "Flowin stopped while this run was in progress."
INTERRUPTED_STEP_ERROR = "Flowin stopped while this step was running."


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


class Executions:
    """Every run of every flow, as the runner reports it (an ``ExecutionHistory``).

    The runner's writes wait for a busy database as long as the store is open: they are the
    only record of what a run did.
    """

    def __init__(self, database: Database) -> None:
        self._database = database
        # Runs begun here whose flow keeps the steps of failed runs only (until they end).
        self._failures_only: set[str] = set()
        self._saved_flow_sql = (
            f"SELECT version, definition FROM flows WHERE id = {database.marks(1)}"
        )

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
        with self._database.writing(wait_forever=True) as session:
            versions = self._saved_versions(session, [flow for _, flow in runs])
            session.execute(
                self._database.insert_new(ExecutionRow.__table__),
                [
                    {**_execution_values(started), "flow_version": versions[id(flow)]}
                    for started, flow in runs
                ],
            )
            self._release_inbox_payloads(session, [started.execution_id for started, _ in runs])
        self._failures_only.update(
            started.execution_id
            for started, flow in runs
            if flow.settings.steps_of_failed_runs_only
        )

    def version_of(self, flow: Flow) -> int | None:
        """The saved version ``flow`` is, unchanged; None when it differs from every one."""
        with self._database.reading() as session:
            return self._saved_versions(session, [flow])[id(flow)]

    def _saved_versions(self, session: Session, flows: Sequence[Flow]) -> dict[int, int | None]:
        """For each flow (by ``id()``), its saved version if it is that version unchanged."""
        connection = session.connection()
        versions: dict[int, int | None] = {}
        for flow in flows:
            key = id(flow)
            if key in versions:
                continue
            # At the driver: a batch usually holds one flow, and this runs for every batch.
            saved = connection.exec_driver_sql(self._saved_flow_sql, (flow.id,)).first()
            same = saved is not None and same_version(saved[1], flow.to_json(indent=None))
            versions[key] = saved[0] if same else None
        return versions

    def record_not_run(
        self,
        execution_id: str,
        flow_id: str,
        flow_name: str,
        mode: str,
        status: ExecutionStatus,
        error: str,
        trigger_data: Any = None,
    ) -> bool:
        """Record an event that was answered but not run (refused, or its flow was off) as a
        run that ended when it began, so the history shows it; returns False, writing nothing,
        when a run with this id is recorded already (the same event, delivered again)."""
        now = utc_now()
        row = {
            "id": execution_id,
            "flow_id": flow_id,
            "flow_version": None,
            "flow_name": flow_name,
            "mode": mode,
            "trigger_data": redact(trigger_data),
            "status": ExecutionStatus(status).value,
            "error": error,
            "started_at": now,
            "finished_at": now,
            "duration_ms": 0.0,
            "owner": _THIS_PROCESS,
        }
        with self._database.writing(wait_forever=True) as session:
            result = session.execute(self._database.insert_new(ExecutionRow.__table__), [row])
            return bool(result.rowcount)  # type: ignore[attr-defined]

    def record(self, events: Sequence[Event]) -> None:
        """Write a batch of runner events in one transaction (the EventBus subscriber)."""
        if not events:
            return
        # The only record of what a run did: it waits for a busy database as long as the store
        # is open, rather than leave runs that succeeded marked as running.
        with self._database.writing(wait_forever=True) as session:
            _BatchWriter(session, self._database).write(events)
            if self._failures_only:
                self._drop_steps_of_successes(session, events)

    def _drop_steps_of_successes(self, session: Session, events: Sequence[Event]) -> None:
        """Runs of a flow set to keep the steps of failed runs only: a success loses its steps
        as it ends (they were written as they ran, for a run that could still fail)."""
        for event in events:
            if not isinstance(event, ExecutionFinished):
                continue
            if event.execution_id not in self._failures_only:
                continue
            self._failures_only.discard(event.execution_id)
            if event.status == ExecutionStatus.SUCCESS:
                session.execute(delete(StepRow).where(StepRow.execution_id == event.execution_id))

    def summaries(
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
        with self._database.reading() as session:
            return [_summary(row) for row in session.scalars(query)]

    def recorded(self, execution_ids: Collection[str]) -> set[str]:
        """Which of these runs the history has."""
        with self._database.reading() as session:
            return set(
                session.scalars(
                    select(ExecutionRow.id).where(ExecutionRow.id.in_(list(execution_ids)))
                )
            )

    def get(self, execution_id: str) -> ExecutionDetail:
        """A run with its steps; like git, a unique prefix of 6 or more characters is enough."""
        with self._database.reading() as session:
            row = _find_execution(session, execution_id)
            if row.packed_steps is not None:
                steps: Sequence[StepRow] = _unpacked(row.id, row.packed_steps)
            else:
                steps = session.scalars(
                    select(StepRow)
                    .where(StepRow.execution_id == row.id)
                    .order_by(StepRow.started_at, StepRow.id)
                ).all()
            trigger_text: str | None = None
            if any(step.input_data_is_trigger or step.output_is_trigger for step in steps):
                # Steps whose data is the trigger data (written once, by the webhook path)
                # each get their own copy of it, as if they held it themselves.
                trigger_text = session.scalar(
                    select(type_coerce(ExecutionRow.trigger_data, Text)).where(
                        ExecutionRow.id == row.id
                    )
                )
            return ExecutionDetail(
                **_summary_fields(row),
                trigger_data=row.trigger_data,
                steps=[_step_view(step, trigger_text) for step in steps],
            )

    def mark_interrupted(self, execution_ids: Collection[str] | None = None) -> int:
        """Mark every run still running or waiting as interrupted; returns how many.

        For start-up: such runs were cut short when Flowin stopped. Runs owned by another Flowin
        process that is still alive (the app while the command line runs) are left alone.
        Their end is taken to be the last moment anything was recorded for them.
        With ``execution_ids``, just those: runs this process stops itself as it shuts down.
        """
        query = select(ExecutionRow).where(
            ExecutionRow.status.in_(UNFINISHED),
            ExecutionRow.id.not_in(select(WakeupRow.execution_id)),
        )
        if execution_ids is not None:
            query = query.where(ExecutionRow.id.in_(list(execution_ids)))
        with self._database.writing() as session:
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
        with self._database.writing(wait_forever=True) as session:
            session.merge(
                WakeupRow(execution_id=execution_id, node_id=node_id, wake_at=wake_at, state=state)
            )
            row = session.get(ExecutionRow, execution_id)
            if row is not None:
                row.status = ExecutionStatus.WAITING.value

    def unpark(self, execution_id: str, node_id: str) -> None:
        with self._database.writing(wait_forever=True) as session:
            session.execute(
                delete(WakeupRow).where(
                    WakeupRow.execution_id == execution_id, WakeupRow.node_id == node_id
                )
            )
            row = session.get(ExecutionRow, execution_id)
            if row is not None and row.status == ExecutionStatus.WAITING.value:
                row.status = ExecutionStatus.RUNNING.value
                row.owner = _THIS_PROCESS

    def adopt_parked(self) -> list[Parked]:
        """Take over the parked runs of this process or of one that has died, soonest first;
        those of another Flowin process still running stay its own (it wakes them itself).

        For a runtime starting; one transaction, so two processes starting at once can't both
        carry on with the same run.
        """
        with self._database.writing() as session:
            rows = session.execute(
                select(WakeupRow, ExecutionRow.owner)
                .join(ExecutionRow, ExecutionRow.id == WakeupRow.execution_id)
                .order_by(WakeupRow.wake_at)
            ).all()
            taken = [(wakeup, owner) for wakeup, owner in rows if not owned_elsewhere(owner)]
            ids = {wakeup.execution_id for wakeup, owner in taken if owner != _THIS_PROCESS}
            if ids:
                session.execute(
                    update(ExecutionRow)
                    .where(ExecutionRow.id.in_(list(ids)))
                    .values(owner=_THIS_PROCESS)
                )
            return [Parked(w.execution_id, w.node_id, w.wake_at, w.state) for w, _ in taken]

    def parked(self) -> list[Parked]:
        """Every parked execution, soonest first."""
        with self._database.reading() as session:
            rows = session.scalars(select(WakeupRow).order_by(WakeupRow.wake_at)).all()
            return [Parked(r.execution_id, r.node_id, r.wake_at, r.state) for r in rows]

    def prune(self, older_than: timedelta | None = None) -> int:
        """Delete finished runs that started longer ago than ``older_than``; returns how many.

        By default the setting ``history_retention_days`` (30 unless set; 0 keeps everything).
        Runs still running or waiting are kept.
        """
        if older_than is None:
            with self._database.reading() as session:
                setting = session.get(SettingRow, RETENTION_SETTING)
            days = DEFAULT_RETENTION_DAYS if setting is None else setting.value
            if not days or days <= 0:
                return 0
            older_than = timedelta(days=days)
        cutoff = utc_now() - older_than
        pruned = select(ExecutionRow.id).where(
            ExecutionRow.started_at < cutoff, ExecutionRow.status.not_in(UNFINISHED)
        )
        with self._database.writing() as session:
            # The inbox takes an event with no run as not yet run: its row goes with the run's,
            # or the next start would run it again.
            session.execute(delete(InboxRow).where(InboxRow.id.in_(pruned)))
            result = session.execute(delete(ExecutionRow).where(ExecutionRow.id.in_(pruned)))
            return int(result.rowcount)  # type: ignore[attr-defined]

    def _release_inbox_payloads(self, session: Session, execution_ids: Sequence[str]) -> None:
        """The inbox keeps an event's data until its run is recorded with it; from then on the
        run holds it, and a second copy of a big webhook body would only fill the file."""
        connection = session.connection()
        for start in range(0, len(execution_ids), 500):
            chunk = tuple(execution_ids[start : start + 500])
            connection.exec_driver_sql(
                "UPDATE inbox SET payload = NULL WHERE payload IS NOT NULL "
                f"AND id IN ({self._database.marks(len(chunk))})",
                chunk,
            )


class _BatchWriter:
    """Applies one batch of events inside one session, with as few statements as it can.

    A step's start and finish usually arrive in the same batch: they become one INSERT. Only a
    step still running when the batch ends is inserted as running and updated later.
    """

    def __init__(self, session: Session, database: Database) -> None:
        self.session = session
        self.database = database

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
            rows = connection.exec_driver_sql(
                f"SELECT id FROM executions WHERE id IN ({self.database.marks(len(chunk))})",
                tuple(chunk),
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


def _find_execution(session: Session, execution_id: str) -> ExecutionRow:
    row = session.get(ExecutionRow, execution_id)
    if row is not None:
        return row
    if len(execution_id) >= MIN_ID_PREFIX:
        pattern = execution_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        # Runs are shown by the end of their id (``short_id``); before, by its start.
        matches = session.scalars(
            select(ExecutionRow)
            .where(
                or_(
                    ExecutionRow.id.like("%" + pattern, escape="\\"),
                    ExecutionRow.id.like(pattern + "%", escape="\\"),
                )
            )
            .limit(2)
        ).all()
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise FlowinError(
                f"Several executions have an id that begins or ends with '{execution_id}'; "
                "give more characters of the id."
            )
    raise NotFound(f"There is no execution with id '{execution_id}'.")


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


def _step_view(row: StepRow, trigger_text: str | None = None) -> StepRecordView:
    """A step as recorded; ``trigger_text``, the run's trigger data as stored, for a step
    whose input data or output is the trigger data."""
    step_input, output = row.input, row.output
    if row.input_data_is_trigger and trigger_text is not None and isinstance(step_input, dict):
        step_input = {"data": json.loads(trigger_text), **step_input}
    if row.output_is_trigger and trigger_text is not None:
        output = json.loads(trigger_text)
    return StepRecordView(
        node_id=row.node_id,
        node_name=row.node_name,
        node_type=row.node_type,
        iteration=row.iteration,
        attempt=row.attempt,
        status=StepStatus(row.status),
        input=step_input,
        output=output,
        port=row.port,
        error=row.error,
        started_at=row.started_at,
        finished_at=row.finished_at,
        duration_ms=row.duration_ms,
    )


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


# A whole run done inline (Runner.run_inline), as statements for the hot path's writer.

INSERT_RUN = (
    "INSERT INTO executions (id, flow_id, flow_version, flow_name, mode, trigger_data, status,"
    " error, failed_node, started_at, finished_at, duration_ms, retry_of, owner, packed_steps)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# A run whose id a vendor's delivery made (the same delivery sent again makes the same id):
# when its row is there already, nothing of the run is written (store/_hot.py).
INSERT_RUN_ONCE = INSERT_ONCE + INSERT_RUN.removeprefix("INSERT ")
INSERT_STEP = (
    "INSERT INTO steps (execution_id, node_id, node_name, node_type, iteration, attempt, status,"
    " input, input_data_is_trigger, output, output_is_trigger, port, error, started_at,"
    " finished_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
RELEASE_PAYLOAD = "UPDATE inbox SET payload = NULL WHERE payload IS NOT NULL AND id = ?"
# A status's text without the enum's call and property (a microsecond each, per step).
_STEP_STATUS = {status: status.value for status in StepStatus}
_RUN_STATUS = {status: status.value for status in ExecutionStatus}


def inbox_json(event: InboxEvent) -> str | None:
    """The inbox's payload column for an accepted event. Plain data with nothing to mask is
    encoded once for both the inbox and the history: the event keeps that text for its run's
    trigger data (``finished_run_statements``'s ``trigger_text``)."""
    payload = event.payload
    masked = _NOT_PLAIN if payload is None else _as_history_keeps(payload)
    if masked is _NOT_PLAIN:
        return sql_json(payload)  # as the inbox's JSONText column writes it
    try:
        text = orjson.dumps(payload).decode()
        history = text if masked is payload else orjson.dumps(masked).decode()
    except orjson.JSONEncodeError:  # an integer past 64 bits; nesting past orjson's limit
        return sql_json(payload)
    object.__setattr__(event, "history_text", history)  # frozen: set once, as it is written
    return text


def finished_run_statements(
    events: Sequence[Event],
    flow_version: int | None,
    from_inbox: bool,
    steps_of_failures_only: bool = False,
    trigger_text: str | None = None,
    once: bool = False,
) -> list[tuple[str, tuple[Any, ...]]]:
    """The rows of a run that has ended, from all of its events (its start first): the run with
    its end, then its steps, as ``_BatchWriter`` writes them; with ``from_inbox``, the inbox
    lets go of the event's data, which the run now holds. With ``steps_of_failures_only`` (the
    flow's setting), a run that succeeded is written without its steps. With ``once``, a run
    whose row is there already is not written (its job is a repeat).

    On the webhook path's writer thread, once per run: each row is made as its statement's
    values at once, and each value masked and encoded once (``_RunData``). A step's input data
    or output that is the run's trigger data is not written again: the step's row refers to the
    run's (``Executions.get`` puts it back). ``trigger_text``: the trigger data's JSON as the
    history keeps it, when made already (``inbox_json``)."""
    started = events[0]
    assert isinstance(started, ExecutionStarted)
    data = _RunData(started.trigger_data, trigger_text)
    finished: ExecutionFinished | None = None
    # A step's row is made at its finish, in the place of its start; a step started and never
    # finished (only a run cut short leaves one) is written as it started.
    rows: list[tuple[Any, ...] | StepStarted] = []
    begun: dict[tuple[str, int | None, int], int] = {}
    for item in events[1:]:
        kind = type(item)
        if kind is StepStarted:
            begun[(item.node_id, item.iteration, item.attempt)] = len(rows)
            rows.append(item)
        elif kind is StepFinished:
            row = (
                item.execution_id,
                item.node_id,
                item.node_name,
                item.node_type,
                item.iteration,
                item.attempt,
                _STEP_STATUS.get(item.status) or StepStatus(item.status).value,
                *data.input_column(item.input),
                *data.output_column(item.output),
                item.port,
                item.error,
                sql_time(item.started_at),
                sql_time(item.at),
                item.duration * 1000,
            )
            at = begun.pop((item.node_id, item.iteration, item.attempt), None)
            if at is None:  # reused: it never started
                rows.append(row)
            else:
                rows[at] = row
        elif kind is StepSkipped:
            rows.append(
                (
                    item.execution_id,
                    item.node_id,
                    item.node_name,
                    item.node_type,
                    item.iteration,
                    0,
                    StepStatus.SKIPPED.value,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    sql_time(item.at),
                    sql_time(item.at),
                    0.0,
                )
            )
        elif kind is ExecutionFinished:
            finished = item
    assert finished is not None
    succeeded = finished.status == ExecutionStatus.SUCCESS
    packed = None
    if (
        succeeded
        and not steps_of_failures_only
        and all(type(row) is tuple and row[6] in _PACKABLE for row in rows)
    ):
        packed = _packed(rows)  # type: ignore[arg-type]  # rows of steps that went well
    statements: list[tuple[str, tuple[Any, ...]]] = [
        (
            INSERT_RUN_ONCE if once else INSERT_RUN,
            (
                started.execution_id,
                started.flow_id,
                flow_version,
                started.flow_name,
                started.mode,
                data.trigger_text,
                _RUN_STATUS.get(finished.status) or ExecutionStatus(finished.status).value,
                finished.error,
                finished.failed_node,
                sql_time(started.at),
                sql_time(finished.at),
                finished.duration * 1000,
                started.retry_of,
                _THIS_PROCESS,
                packed,
            ),
        )
    ]
    if packed is None and not (steps_of_failures_only and succeeded):
        for row in rows:
            if type(row) is StepStarted:
                row = (
                    row.execution_id,
                    row.node_id,
                    row.node_name,
                    row.node_type,
                    row.iteration,
                    row.attempt,
                    StepStatus.RUNNING.value,
                    *data.input_column(row.input),
                    None,
                    None,
                    None,
                    None,
                    sql_time(row.at),
                    None,
                    None,
                )
            statements.append((INSERT_STEP, row))  # type: ignore[arg-type]
    if from_inbox:
        statements.append((RELEASE_PAYLOAD, (started.execution_id,)))
    return statements


# The steps a run that ended well may have for its steps to be packed: not one that failed
# (its run went on past it), which what looks for failed steps must find as a row.
_PACKABLE = frozenset((StepStatus.SUCCESS.value, StepStatus.SKIPPED.value))


def _packed(rows: list[tuple[Any, ...]]) -> str:
    """The step rows of a run that ended well as the run's ``packed_steps``: each row without
    its run's id, its input and output (JSON already) put in as they are. Its steps are written
    in the run's row rather than as rows of their own: a webhook flow's runs mostly end well,
    and on the webhook path one row a run instead of one and one a step (each with its index)
    measured 0.187 → 0.161 ms of CPU a request and 9 247 → 10 849 answers a second ("respond
    when done", two processes, 16 callers; ``bench/webhook_ab.py``). A run that did not end
    well, or one with a step cut short, keeps rows of ``steps``: what looks for failed steps
    (insights, a retry from the failed step) finds them there."""
    return orjson.dumps(
        [
            (
                *row[1:7],
                None if row[7] is None else orjson.Fragment(row[7]),
                row[8],
                None if row[9] is None else orjson.Fragment(row[9]),
                *row[10:],
            )
            for row in rows
        ]
    ).decode()


def _unpacked(execution_id: str, packed: str) -> list[StepRow]:
    """The steps ``_packed`` kept, as the rows they would have been (not in any session)."""
    return [
        StepRow(
            execution_id=execution_id,
            node_id=node_id,
            node_name=node_name,
            node_type=node_type,
            iteration=iteration,
            attempt=attempt,
            status=status,
            input=step_input,
            input_data_is_trigger=input_is_trigger,
            output=output,
            output_is_trigger=output_is_trigger,
            port=port,
            error=error,
            started_at=_packed_time(started_at),
            finished_at=_packed_time(finished_at),
            duration_ms=duration_ms,
        )
        for (
            node_id,
            node_name,
            node_type,
            iteration,
            attempt,
            status,
            step_input,
            input_is_trigger,
            output,
            output_is_trigger,
            port,
            error,
            started_at,
            finished_at,
            duration_ms,
        ) in json.loads(packed)  # json, not orjson: what json wrote (NaN) reads back
    ]


def _packed_time(text: str | None) -> datetime | None:
    """A moment as ``sql_time`` wrote it, as the ORM reads it back (UTC)."""
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


class _RunData:
    """One run's data as the history keeps it (masked, cut where big: ``for_history``), each
    value masked and encoded once: a webhook's body is the run's trigger data, the trigger's
    input and output and the next step's input, one object four times.

    The trigger data is written once, whole, in the run's row (a retry starts from it); a step's
    input data or output that is that very object, short enough to be kept uncut, is written as
    a mark that it is (``Executions.get`` puts it back)."""

    __slots__ = ("_texts", "_trigger", "trigger_text")

    def __init__(self, trigger_data: Any, trigger_text: str | None = None) -> None:
        self._texts: dict[int, str] = {}  # id() → JSON; the events keep every value alive
        self._trigger = trigger_data
        if trigger_data is None:
            self.trigger_text = None
        elif trigger_text is not None:
            self.trigger_text = self._texts[id(trigger_data)] = trigger_text
        else:
            self.trigger_text = self._text(trigger_data)

    def _text(self, value: Any) -> str:
        key = id(value)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = _plain_json(value) or dump_json(redact(value))
        return text

    def input_column(self, value: Any) -> tuple[str | None, int | None]:
        """A step's input column, and 1 when the trigger data is its data (then the column
        holds the settings it ran with only)."""
        if value is None:
            return None, None
        if type(value) is dict and len(value) == 2 and list(value) == ["data", "params"]:
            # a step that ran: its input and the settings it ran with
            params = self._text(value["params"])
            data = value["data"]
            if data is self._trigger and data is not None:
                assert self.trigger_text is not None
                # uncut as a whole, its data is the trigger data's text
                if len(self.trigger_text) + len(params) + _WRAPPER_LENGTH <= HISTORY_LIMIT:
                    return f'{{"params": {params}}}', 1
            text = f'{{"data": {self._text(data)}, "params": {params}}}'
        else:
            text = self._text(value)
        if len(text) <= HISTORY_LIMIT:
            return text, None
        return dump_json(for_history(value)), None  # big: its big parts become markers

    def output_column(self, value: Any) -> tuple[str | None, int | None]:
        """A step's output column, and 1 when the output is the trigger data (then None)."""
        if value is None:
            return None, None
        text = self._text(value)
        if len(text) > HISTORY_LIMIT:
            return dump_json(for_history(value)), None  # big: its big parts become markers
        if value is self._trigger:
            return None, 1
        return text, None


_WRAPPER_LENGTH = len('{"data": , "params": }')


_JSON_LEAVES = frozenset({str, int, bool, type(None)})
_NOT_PLAIN: Any = object()
_WITH_SECRETS: Any = object()


def _plain_json(value: Any) -> str | None:
    """``dump_json(redact(value))`` made by orjson, ten times faster, for a value it reads back
    the same from: plain JSON data (dicts with text keys, lists, text, numbers, booleans, None).
    None for anything else: a float that is not finite (json writes NaN, orjson null), an
    integer past 64 bits, any other type (a date, an object) — those take the way that masks
    and encodes them as always."""
    plain = _as_history_keeps(value)
    if plain is _NOT_PLAIN:
        return None
    try:
        return orjson.dumps(plain).decode()
    except orjson.JSONEncodeError:  # an integer past 64 bits; nesting past orjson's limit
        return None


def _as_history_keeps(value: Any) -> Any:
    """Plain JSON data as the history keeps it: ``value`` itself with nothing to mask, a copy
    with its secrets masked (``redact``'s) otherwise; ``_NOT_PLAIN`` for anything else."""
    plain = _plain_kind(value)
    return _masked_plain(value) if plain is _WITH_SECRETS else plain


def _plain_kind(value: Any) -> Any:
    """``value`` when it is plain JSON data with nothing to mask, ``_WITH_SECRETS`` at its
    first secret-looking key, ``_NOT_PLAIN`` for anything else. One walk through the value
    costs less than the copy ``redact`` makes of it."""
    stack = [value]
    leaves = _JSON_LEAVES
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            for key, child in item.items():
                if type(key) is not str:
                    return _NOT_PLAIN
                if _is_secret_name(key):
                    return _WITH_SECRETS
                child_kind = type(child)
                if child_kind in leaves:
                    continue
                if child_kind is float:
                    if child - child != 0.0:  # NaN or infinite
                        return _NOT_PLAIN
                    continue
                stack.append(child)
        elif kind is list or kind is tuple:
            for child in item:
                child_kind = type(child)
                if child_kind in leaves:
                    continue
                if child_kind is float:
                    if child - child != 0.0:
                        return _NOT_PLAIN
                    continue
                stack.append(child)
        elif kind in leaves:
            continue
        elif kind is float:
            if item - item != 0.0:
                return _NOT_PLAIN
        else:
            return _NOT_PLAIN
    return value


def _masked_plain(value: Any) -> Any:
    """``redact(value)`` for plain JSON data, ``_NOT_PLAIN`` for anything else (what is under
    a secret-looking key included). Only the lists and dicts above a secret are copied, where ``redact`` copies all:
    a shop's order carries its "token" and "cart_token" beside kilobytes of lines."""
    kind = type(value)
    if kind is dict:
        copy: dict[Any, Any] | None = None
        for key, child in value.items():
            if type(key) is not str:
                return _NOT_PLAIN
            if _is_secret_name(key):
                if _masked_plain(child) is _NOT_PLAIN:
                    return _NOT_PLAIN
                inner = _mask_all(child)
            else:
                child_kind = type(child)
                if child_kind in _JSON_LEAVES:
                    continue
                if child_kind is float:
                    if child - child != 0.0:  # NaN or infinite
                        return _NOT_PLAIN
                    continue
                inner = _masked_plain(child)
                if inner is _NOT_PLAIN:
                    return _NOT_PLAIN
            if inner is not child:
                if copy is None:
                    copy = dict(value)
                copy[key] = inner
        return value if copy is None else copy
    if kind is list or kind is tuple:
        items: list[Any] | None = None
        for index, child in enumerate(value):
            child_kind = type(child)
            if child_kind in _JSON_LEAVES:
                continue
            if child_kind is float:
                if child - child != 0.0:
                    return _NOT_PLAIN
                continue
            inner = _masked_plain(child)
            if inner is _NOT_PLAIN:
                return _NOT_PLAIN
            if inner is not child:
                if items is None:
                    items = list(value)
                items[index] = inner
        if items is None:
            return value
        return items if kind is list else tuple(items)
    if kind in _JSON_LEAVES:
        return value
    if kind is float:
        return value if value - value == 0.0 else _NOT_PLAIN
    return _NOT_PLAIN


THIS_PROCESS = _THIS_PROCESS


def owned_elsewhere(owner: str | None) -> bool:
    """Whether a row belongs to another Flowin process that still runs (the processes of
    ``flowin serve --processes N``, or the app while the command line runs)."""
    return owner is not None and owner != _THIS_PROCESS and _owner_alive(owner)
