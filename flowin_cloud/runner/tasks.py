"""The ``run_flow`` task: one cloud run, with the engine's runner, its steps in the database.

Every step is written down as it starts and again when it ends, before the run goes on (the
runner's events are written on the thread that runs the step, not later). So when a worker is
lost mid-run and Redis hands the run to another worker, the new worker knows what had finished:
those steps are replayed from their recorded output, not run again. A step that had started but
not finished runs again only if its connector says repeating it is harmless (a read, or a call
made with an idempotency key, which the runner derives from the run's id, the same on both
workers); one that could have sent a message is not repeated: the run ends with a message
saying so, since a customer getting it twice is worse than the owner checking once.

Exactly once: a run holds a PostgreSQL advisory lock on its id while it goes. A second delivery
of a run that is still going (Redis gave it out again while the first worker was slow) finds the
lock taken and comes back later; one of a finished run does nothing. The lock belongs to the
worker's database session, so PostgreSQL lets go of it the moment a killed worker's connection
drops. The same kind of lock gives each account ``account_concurrency`` places; a run that finds
them all taken waits in its queue for ``account_wait_seconds`` and tries again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import random
import socket
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from celery import Celery, Task
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from sqlalchemy import Connection, Engine, insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from flowin_engine.errors import FlowinError, NotFound
from flowin_engine.events import (
    Event,
    EventBus,
    ExecutionFinished,
    ExecutionStatus,
    StepFinished,
    StepSkipped,
    StepStarted,
    StepStatus,
)
from flowin_engine.graph import Graph
from flowin_engine.model import Flow
from flowin_engine.registry import NodeType, Registry
from flowin_engine.runner import Reused, Runner
from flowin_engine.store import for_history, is_truncated
from flowin_engine.store.redact import redact
from flowin_engine.validation import LOOP_TYPE

from .. import db
from ..config import Settings
from ..models import CloudConnection, CloudFlow, Execution, ExecutionStep, utcnow
from .app import RUN_FLOW
from .vault import MasterKey, Sealed, open_sealed, seal

log = logging.getLogger(__name__)

FINISHED = ("success", "error")
SAFE_HTTP_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
NOT_IN_CLOUD = "This flow does not run in the cloud any more, so this run was not started."
UNSURE = (
    "The cloud lost the computer running '{step}' before it finished, and running it again "
    "could repeat what it did (a message sent twice), so Flowin did not. Check whether it "
    "happened, then run the flow again if it did not."
)
TOO_LONG = "This run took longer than the {limit} a cloud run may take, so it was stopped."
BROKE_OFF = (
    "Flowin hit an internal problem while running this flow in the cloud; run it again, and "
    "if it happens again, tell us."
)
LOST_ATTEMPT = "The computer running this step was lost before it finished; it ran again."
MISSING_ACCOUNT = (
    "The connected account '{connection}' is not in the cloud; turn running in the cloud off "
    "and on again for this flow to upload it."
)
INVALID_FLOW = "This flow cannot run: {problem}"


class Outcome(Enum):
    DONE = "done"
    WAIT = "wait"  # the run is going elsewhere, or its account has no free place: try later


def register(app: Celery) -> None:
    settings: Settings = app.conf.flowin_settings

    class RunTask(Task):  # type: ignore[misc]
        def on_failure(
            self, exc: Exception, task_id: str, args: Any, kwargs: Any, einfo: Any
        ) -> None:
            """A run that broke off outside the runner (the hard time limit killed its child,
            the database went away) is marked ended, not left "running"; Celery does not run
            it again (the message is acknowledged)."""
            execution_id = args[2] if len(args) > 2 else kwargs.get("execution_id")
            if not execution_id:
                return
            message = too_long(settings) if isinstance(exc, TimeLimitExceeded) else BROKE_OFF
            log.error("Cloud run %s broke off: %s", execution_id, type(exc).__name__)
            try:
                mark_ended(settings, str(execution_id), message)
            except Exception:
                log.exception("Could not mark cloud run %s as ended", execution_id)

    @app.task(name=RUN_FLOW, bind=True, max_retries=None, base=RunTask)
    def run_flow(
        task: Task, account_id: str, flow_id: str, execution_id: str, trigger_payload: Any
    ) -> None:
        outcome = worker_state(settings).run(
            account_id, flow_id, execution_id, trigger_payload, task.request.hostname
        )
        if outcome is Outcome.WAIT:
            raise task.retry(countdown=waiting_time(settings, task.request.retries))


def waiting_time(settings: Settings, tries: int) -> float:
    """Seconds before a run that found no free place tries again: doubling with each try, up
    to the longest wait, spread a little so a flood's runs do not all come back at once."""
    wait = min(
        settings.account_wait_max_seconds, settings.account_wait_seconds * 2 ** min(tries, 16)
    )
    return wait * random.uniform(0.75, 1.0)


def too_long(settings: Settings) -> str:
    seconds = settings.run_time_limit_seconds
    limit = (
        f"{seconds // 60} minutes" if seconds % 60 == 0 and seconds > 60 else f"{seconds} seconds"
    )
    return TOO_LONG.format(limit=limit)


_engines: dict[tuple[int, str], Engine] = {}


def mark_ended(settings: Settings, execution_id: str, error: str) -> None:
    """Ends a run still marked running, with ``error`` (from any process of the worker)."""
    url = settings.resolved_database_url()
    key = (os.getpid(), url)
    if key not in _engines:
        _engines[key] = db.connect(url)
    with _engines[key].begin() as connection:
        now = datetime.now(UTC)
        connection.execute(
            update(Execution)
            .where(Execution.id == execution_id, Execution.status.in_(("queued", "running")))
            .values(status="error", error=error, finished_at=now)
        )


_state: tuple[int, CloudWorker] | None = None
_state_lock = threading.Lock()


def worker_state(settings: Settings) -> CloudWorker:
    """This process's worker: made on first use in each process (a forked child must not
    share its parent's database connections)."""
    global _state
    with _state_lock:
        if _state is None or _state[0] != os.getpid():
            _state = (os.getpid(), CloudWorker(settings))
        return _state[1]


class CloudWorker:
    """Runs cloud runs in one worker process, one at a time (Celery's prefork child)."""

    def __init__(self, settings: Settings, registry: Registry | None = None) -> None:
        from .keys import master_key

        self.settings = settings
        self.engine = db.connect(settings.resolved_database_url())
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.master = master_key(settings)
        self.name = f"{socket.gethostname()}:{os.getpid()}"
        self.history = CloudHistory(self.engine)
        self.runner = Runner(registry, workers=4, history=self.history, bus=ImmediateBus())
        # A long Delay waits inside the run (within its time limit): there is no restart of the
        # process to survive, a lost worker's run is resumed from its steps instead.
        self.runner.durable_wait = math.inf

    def run(
        self,
        account_id: str,
        flow_id: str,
        execution_id: str,
        trigger_payload: Any,
        worker_name: str | None = None,
    ) -> Outcome:
        with self._claim(account_id, execution_id) as claimed:
            if not claimed:
                return Outcome.WAIT
            # Which worker (Celery's name for it) and which of its children took the run.
            self.name = f"{worker_name or socket.gethostname()}:{os.getpid()}"
            self._run_claimed(account_id, flow_id, execution_id, trigger_payload)
            return Outcome.DONE

    @contextmanager
    def _claim(self, account_id: str, execution_id: str) -> Iterator[bool]:
        """Holds the run's lock and one of its account's places, if both are free."""
        if self.engine.dialect.name != "postgresql":
            # SQLite is for trying the cloud on one machine with one worker: nothing to share.
            yield True
            return
        run_key = _key64(f"run:{execution_id}")
        account_key = _key32(f"account:{account_id}")
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as locks:

            def try_lock(sql: str, **keys: int) -> bool:
                return bool(locks.scalar(text(sql), keys))

            if not try_lock("SELECT pg_try_advisory_lock(CAST(:k AS bigint))", k=run_key):
                yield False
                return
            try:
                place = next(
                    (
                        number
                        for number in range(self.settings.account_concurrency)
                        if try_lock(
                            "SELECT pg_try_advisory_lock(CAST(:a AS integer), CAST(:n AS integer))",
                            a=account_key,
                            n=number,
                        )
                    ),
                    None,
                )
                if place is None:
                    yield False
                    return
                try:
                    yield True
                finally:
                    locks.execute(
                        text("SELECT pg_advisory_unlock(CAST(:a AS integer), CAST(:n AS integer))"),
                        {"a": account_key, "n": place},
                    )
            finally:
                locks.execute(text("SELECT pg_advisory_unlock(CAST(:k AS bigint))"), {"k": run_key})

    def _run_claimed(
        self, account_id: str, flow_id: str, execution_id: str, trigger_payload: Any
    ) -> None:
        with self.sessions() as session:
            row = self._execution(session, account_id, flow_id, execution_id, trigger_payload)
            if row is None:
                log.warning("Cloud run %s belongs to another account; not run", execution_id)
                return
            if row.status in FINISHED:
                log.info("Cloud run %s had finished already; not run again", execution_id)
                return
            flow_row = session.get(CloudFlow, (account_id, flow_id))
            if flow_row is None or flow_row.deleted or not flow_row.cloud_run:
                _finish(session, row, NOT_IN_CLOUD)
                return
            now = datetime.now(UTC)
            row.status = "running"
            row.runs_in = "cloud"
            row.attempts += 1
            row.worker = self.name
            row.started_at = row.started_at or now
            steps = list(
                session.scalars(
                    select(ExecutionStep)
                    .where(ExecutionStep.execution_id == execution_id)
                    .order_by(ExecutionStep.id)
                )
            )
            # Steps a lost worker had started and not finished: said so, and then sorted out.
            lost = {step.id for step in steps if step.status == StepStatus.RUNNING}
            for step in steps:
                if step.id in lost:
                    step.status = StepStatus.FAILED
                    step.error = LOST_ATTEMPT
                    step.finished_at = now
            try:
                flow = Flow.from_json(flow_row.definition, default_id=flow_id)
                reuse = resume_point(steps, lost, flow, self.runner.registry)
            except Unsure as unsure:
                # Said on the step itself, where the app shows the run's failure.
                lost_row = next(
                    (step for step in steps if step.id in lost and step.node_id == unsure.node_id),
                    None,
                )
                if lost_row is None:
                    lost_row = ExecutionStep(
                        execution_id=execution_id,
                        owner_id=account_id,
                        node_id=unsure.node_id,
                        node_name=unsure.node_name,
                        node_type=unsure.node_type,
                        iteration=None,
                        attempt=1,
                        started_at=now,
                    )
                    session.add(lost_row)
                lost_row.status = StepStatus.FAILED
                lost_row.error = str(unsure)
                lost_row.finished_at = now
                _finish(session, row, str(unsure))
                return
            except FlowinError as problem:
                _finish(session, row, INVALID_FLOW.format(problem=problem))
                return
            session.commit()
        if reuse or row.attempts > 1:
            log.info(
                "Cloud run %s taken up again (attempt %d), after %d finished steps",
                execution_id,
                row.attempts,
                len(reuse),
            )
        self.runner.connections = CloudConnections(self.sessions, self.master, account_id)  # type: ignore[assignment]
        self.history.runs[execution_id] = repeatable(flow, self.runner.registry)
        try:
            handle = self.runner.start(
                flow, trigger_payload, mode="cloud", execution_id=execution_id, reuse=reuse
            )
        except FlowinError as problem:
            self.history.runs.pop(execution_id, None)
            with self.sessions() as session:
                row = session.get(Execution, execution_id)
                if row is not None:
                    _finish(session, row, INVALID_FLOW.format(problem=problem))
            return
        try:
            while not handle.done():
                # In short waits, so the soft time limit's signal is taken promptly.
                with suppress(TimeoutError):
                    handle.wait(timeout=1.0)
        except SoftTimeLimitExceeded:
            self.runner.cancel(execution_id)
            message = too_long(self.settings)
            with self.sessions() as session:
                row = session.get(Execution, execution_id)
                if row is not None and row.status == "running":
                    _finish(session, row, message)
        finally:
            if handle.done():
                self.history.runs.pop(execution_id, None)

    @staticmethod
    def _execution(
        session: Session, account_id: str, flow_id: str, execution_id: str, payload: Any
    ) -> Execution | None:
        """The run's row; a run from the triggers' outbox gets it here, on its first delivery."""
        row = session.get(Execution, execution_id)
        if row is None:
            try:
                with session.begin_nested():
                    session.add(
                        Execution(
                            id=execution_id,
                            owner_id=account_id,
                            flow_id=flow_id,
                            status="queued",
                            input=json.dumps(redact(payload)),  # masked, as add_job's
                            created_at=datetime.now(UTC),
                            runs_in="cloud",
                        )
                    )
            except IntegrityError:  # the account is gone, or another delivery made it
                pass
            row = session.get(Execution, execution_id)
        if row is None or row.owner_id != account_id:
            return None
        return row


def _finish(session: Session, row: Execution, error: str | None) -> None:
    now = datetime.now(UTC)
    row.status = "error" if error else "success"
    row.error = error
    row.runs_in = "cloud"
    row.started_at = row.started_at or now
    row.finished_at = now
    session.commit()


class Unsure(FlowinError):
    """A step that may have done its work before its worker was lost, and may not repeat it."""

    def __init__(self, node_id: str, node_name: str, node_type: str) -> None:
        super().__init__(UNSURE.format(step=node_name))
        self.node_id = node_id
        self.node_name = node_name
        self.node_type = node_type


def repeatable(flow: Flow, registry: Registry) -> Callable[[str], bool]:
    """Whether running a step of ``flow`` again is harmless (by node id): a read, a trigger, a
    call made with an idempotency key; not a message sent or a POST."""
    nodes = {node.id: node for node in flow.nodes}
    types: dict[str, NodeType] = {}
    for node in flow.nodes:
        with suppress(FlowinError):
            types[node.id] = registry.get(node.type)

    def may_repeat(node_id: str) -> bool:
        node_type = types.get(node_id)
        if node_type is None or node_type.is_trigger:
            return True
        if node_type.type == "http.request":
            # Its manifest calls it safe, as it is for reads; a POST may have acted already.
            method = str(nodes[node_id].params.get("method", "GET")).strip().upper()
            return method in SAFE_HTTP_METHODS
        return bool(node_type.manifest.repeat_safe)

    return may_repeat


def resume_point(
    steps: Sequence[ExecutionStep], lost: set[int], flow: Flow, registry: Registry
) -> dict[str, Reused]:
    """The finished steps a run taken up again replays, from its recorded steps (``lost``: the
    ids of those a lost worker had started and not finished); raises ``Unsure`` when carrying on
    could repeat an effect (a lost step that sends, or a loop that had sent some of its messages
    and would start over)."""
    nodes = {node.id: node for node in flow.nodes}
    loops = [node_id for node_id, node in nodes.items() if node.type == LOOP_TYPE]
    loop_of = Graph.of(flow).loop_scopes(loops)
    may_repeat = repeatable(flow, registry)

    reuse: dict[str, Reused] = {}
    for step in steps:
        if step.iteration is not None or step.status not in (StepStatus.SUCCESS, "reused"):
            continue
        if step.port is None or step.node_id not in nodes:
            continue
        output = json.loads(step.output) if step.output is not None else None
        if is_truncated(output):
            # The history kept only the start of this output: it runs again if it may.
            if not may_repeat(step.node_id):
                raise Unsure(step.node_id, step.node_name, step.node_type)
            continue
        reuse[step.node_id] = Reused(step.port, output, recorded=True)

    def in_unfinished_loop(node_id: str) -> bool:
        loop = loop_of.get(node_id)
        while loop is not None:
            if loop in reuse:
                return False
            outer = loop_of.get(loop)
            if outer is None:
                return True
            loop = outer
        return False

    for step in steps:
        if step.node_id in reuse or step.node_id not in nodes or may_repeat(step.node_id):
            continue
        if step.id in lost:
            raise Unsure(step.node_id, step.node_name, step.node_type)
        if step.status == StepStatus.SUCCESS and in_unfinished_loop(step.node_id):
            # Its loop starts over when the run carries on, and would send these again.
            raise Unsure(step.node_id, step.node_name, step.node_type)
    return reuse


def _key64(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def _key32(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big", signed=True)


def _history_json(value: Any) -> str | None:
    kept = for_history(value)
    if kept is None:
        return None
    if isinstance(kept, str):  # already the JSON text (the history's StoredJSON)
        return str(kept)
    return json.dumps(kept, default=str, ensure_ascii=False)


class ImmediateBus(EventBus):
    """Delivers each event on the thread that publishes it, before the run goes on: a step is in
    the database as started before it runs and as finished before the next step begins."""

    def subscribe(self, subscriber: Callable[[Sequence[Event]], None]) -> Callable[[], None]:
        with self._lock:
            self._subscribers = [*self._subscribers, subscriber]

        def unsubscribe() -> None:
            with self._lock:
                self._subscribers = [s for s in self._subscribers if s is not subscriber]

        return unsubscribe

    def publish(self, event: Event) -> None:
        for subscriber in self._subscribers:
            subscriber([event])

    def flush(self, timeout: float = 10.0) -> bool:
        return True

    def close(self) -> None:
        pass


class CloudHistory:
    """The runner's history, written to the cloud database (``executions``,
    ``execution_steps``) on connections of its own, each write one statement (one round trip).

    A step whose repeating would be harmful (a message, a POST) is written when it starts and
    when it ends, each time waiting for the disk: a worker taking the run over must know that it
    began, and whether it ended. Other steps are written once, when they end, without waiting
    for the disk (a write lost with a crash of the database only makes the step run again).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # Which steps of each run going here may run again harmlessly (set by the worker).
        self.runs: dict[str, Callable[[str], bool]] = {}
        # Steps run on several threads at once (parallel branches); a connection is not shared.
        self._lock = threading.Lock()
        self._connections: dict[bool, Connection] = {}
        # The row each unfinished harmful step started, and whose each recent run is.
        self._started: dict[tuple[str, str, int | None, int], int] = {}
        self._owners: OrderedDict[str, str] = OrderedDict()

    def begin_executions(self, runs: Sequence[Any]) -> None:
        pass  # the run's row was made by its trigger and marked running by the worker

    def park(self, execution_id: str, node_id: str, wake_at: datetime, state: Any) -> None:
        pass  # never called: the worker's runner keeps every Delay in the run

    def unpark(self, execution_id: str, node_id: str) -> None:
        pass

    def record(self, events: Sequence[Event]) -> None:
        with self._lock:
            for event in events:
                self._write(event)

    def close(self) -> None:
        with self._lock:
            for connection in self._connections.values():
                connection.close()
            self._connections.clear()

    def _connection(self, lasting: bool) -> Connection:
        connection = self._connections.get(lasting)
        if connection is None or connection.closed or connection.invalidated:
            connection = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            if not lasting and self.engine.dialect.name == "postgresql":
                connection.exec_driver_sql("SET synchronous_commit TO OFF")
            self._connections[lasting] = connection
        return connection

    def _run(self, lasting: bool, statement: Any) -> Any:
        """Runs one statement; a connection the database dropped is opened again, once."""
        try:
            return self._connection(lasting).execute(statement)
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
            self._connections.pop(lasting, None)
            return self._connection(lasting).execute(statement)

    def _may_repeat(self, execution_id: str, node_id: str) -> bool:
        may_repeat = self.runs.get(execution_id)
        return may_repeat(node_id) if may_repeat is not None else False

    def _write(self, event: Event) -> None:
        steps = ExecutionStep.__table__
        if isinstance(event, StepStarted):
            if self._may_repeat(event.execution_id, event.node_id):
                return
            key = (event.execution_id, event.node_id, event.iteration, event.attempt)
            self._started[key] = self._run(
                True,
                insert(steps)
                .values(
                    execution_id=event.execution_id,
                    owner_id=self._owner(event.execution_id),
                    node_id=event.node_id,
                    node_name=event.node_name,
                    node_type=event.node_type,
                    iteration=event.iteration,
                    attempt=event.attempt,
                    status=StepStatus.RUNNING,
                    input=_history_json(event.input),
                    started_at=event.at,
                )
                .returning(steps.c.id),
            ).scalar_one()
        elif isinstance(event, StepFinished):
            lasting = not self._may_repeat(event.execution_id, event.node_id)
            key = (event.execution_id, event.node_id, event.iteration, event.attempt)
            values = {
                "status": event.status,
                "input": _history_json(event.input),
                "output": _history_json(event.output),
                "port": event.port,
                "error": event.error,
                "finished_at": event.at,
            }
            started = self._started.pop(key, None)
            if started is not None:
                self._run(lasting, update(steps).where(steps.c.id == started).values(values))
                return
            # Written once, at its end (or replayed, or switched off).
            self._run(
                lasting,
                insert(steps).values(
                    execution_id=event.execution_id,
                    owner_id=self._owner(event.execution_id),
                    node_id=event.node_id,
                    node_name=event.node_name,
                    node_type=event.node_type,
                    iteration=event.iteration,
                    attempt=event.attempt,
                    started_at=event.started_at,
                    **values,
                ),
            )
        elif isinstance(event, StepSkipped):
            self._run(
                False,
                insert(steps).values(
                    execution_id=event.execution_id,
                    owner_id=self._owner(event.execution_id),
                    node_id=event.node_id,
                    node_name=event.node_name,
                    node_type=event.node_type,
                    iteration=event.iteration,
                    attempt=1,
                    status=StepStatus.SKIPPED,
                    started_at=event.at,
                    finished_at=event.at,
                ),
            )
        elif isinstance(event, ExecutionFinished):
            ok = event.status == ExecutionStatus.SUCCESS
            error = None if ok else (event.error or "The run was stopped.")
            # Only a run still going: a run the time limit ended keeps that reason.
            self._run(
                True,
                update(Execution)
                .where(Execution.id == event.execution_id, Execution.status == "running")
                .values(status="success" if ok else "error", error=error, finished_at=event.at),
            )
            for key in [key for key in self._started if key[0] == event.execution_id]:
                del self._started[key]

    def _owner(self, execution_id: str) -> str:
        owner = self._owners.get(execution_id)
        if owner is None:
            owner = self._run(
                True, select(Execution.owner_id).where(Execution.id == execution_id)
            ).scalar_one_or_none()
            if owner is None:
                raise NotFound(f"The cloud run {execution_id} is not in the database.")
            self._owners[execution_id] = owner
            if len(self._owners) > 64:
                self._owners.popitem(last=False)
        return owner


class CloudConnections:
    """The connected accounts of one run's owner, opened only here, in the worker, for the step
    that asks (``StepContext.credential``); the opened secret is never kept."""

    def __init__(self, sessions: sessionmaker[Session], master: MasterKey, owner_id: str) -> None:
        self.sessions = sessions
        self.master = master
        self.owner_id = owner_id

    def _row(self, session: Session, connection_id: str) -> CloudConnection:
        row = session.get(CloudConnection, (self.owner_id, connection_id))
        if row is None:
            raise NotFound(MISSING_ACCOUNT.format(connection=connection_id))
        return row

    def secret(self, connection_id: str) -> dict[str, Any]:
        with self.sessions() as session:
            row = self._row(session, connection_id)
            sealed = Sealed(row.key_id, row.wrapped_key, row.ciphertext)
        return open_sealed(self.master, self.owner_id, connection_id, sealed)

    def update_secret(self, connection_id: str, secret: dict[str, Any]) -> None:
        """A refreshed OAuth token: sealed again with a new data key."""
        sealed = seal(self.master, self.owner_id, connection_id, secret)
        with self.sessions() as session:
            row = self._row(session, connection_id)
            row.key_id, row.wrapped_key, row.ciphertext = (
                sealed.key_id,
                sealed.wrapped_key,
                sealed.ciphertext,
            )
            row.updated_at = utcnow()
            session.commit()

    def record_test(self, connection_id: str, ok: bool) -> None:
        pass
