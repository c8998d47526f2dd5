"""The outbox of cloud runs and the relay that hands them to the workers.

A trigger writes its run as a ``run_jobs`` row in the transaction that records what started it,
so a run exists exactly when its cause does. The relay reads the rows not yet handed over,
publishes each to Celery with the row's id as the task's id, then marks them sent. When the
broker is down the rows wait and the relay tries again; a relay stopped between publishing and
marking publishes those rows again when it is back, under the same task id, and the worker runs
an execution id once (the runner claims it), so a repeated message never runs twice.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, select, text, update
from sqlalchemy.orm import Session

from flowin_engine.store.redact import redact

from ..config import Settings
from ..models import Execution, RunJob

log = logging.getLogger(__name__)

# PostgreSQL NOTIFY channel: a committed job wakes the relay at once instead of at its next look.
CHANNEL = "flowin_run_jobs"
# The Celery task the workers run (flowin_cloud.runner).
RUN_FLOW_TASK = "flowin_cloud.runner.run_flow"


@dataclass(frozen=True, slots=True)
class Job:
    id: str
    owner_id: str
    flow_id: str
    source: str
    payload: Any


Send = Callable[[Job], None]


def add_job(
    session: Session,
    owner_id: str,
    flow_id: str,
    source: str,
    payload: Any,
    job_id: str | None = None,
    now: datetime | None = None,
) -> str:
    """Adds a run of the flow to the session's transaction: its ``executions`` row (queued,
    which the worker takes up) and its job, handed to the workers once the caller commits (and
    never if the caller rolls back). Returns the run's id."""
    job_id = job_id or str(uuid.uuid4())
    now = now or datetime.now(UTC)
    text_payload = json.dumps(payload)
    session.add(
        Execution(
            id=job_id,
            owner_id=owner_id,
            flow_id=flow_id,
            status="queued",
            # The record masks secrets (a sender's Authorization header) as the computer's
            # history does; the run gets them whole from its job.
            input=json.dumps(redact(payload)),
            created_at=now,
            runs_in="cloud",
        )
    )
    session.add(
        RunJob(
            id=job_id,
            owner_id=owner_id,
            flow_id=flow_id,
            source=source,
            payload=text_payload,
            created_at=now,
        )
    )
    if session.get_bind().dialect.name == "postgresql":
        # Delivered at commit, and only if the transaction commits.
        session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})
    return job_id


class CelerySender:
    """Publishes jobs to the workers' broker as ``run_flow`` tasks, without retrying: a broker
    that does not answer leaves the job in the outbox for the relay's next try."""

    def __init__(
        self,
        broker_url: str,
        task_name: str = RUN_FLOW_TASK,
        *,
        queue_of: Callable[[str], str] | None = None,
        key_prefix: str = "",
    ) -> None:
        from celery import Celery

        self.app = Celery("flowin_cloud_relay", broker=broker_url, set_as_current=False)
        self.app.conf.broker_connection_timeout = 2
        options: dict[str, Any] = {"socket_connect_timeout": 2}
        if key_prefix:  # the workers' Settings.broker_key_prefix
            options["global_keyprefix"] = key_prefix
        self.app.conf.broker_transport_options = options
        self.task_name = task_name
        # Each account's queue (flowin_cloud.runner.queue_of(settings)), so one account's flood
        # does not hold up the others; without it, the workers' shared default queue.
        self.queue_of = queue_of

    @classmethod
    def for_settings(cls, settings: Settings) -> CelerySender:
        """Sends as the workers of ``settings`` listen: their broker, key prefix and queues."""
        from ..runner.app import queue_of

        return cls(
            settings.broker_url,
            queue_of=queue_of(settings),
            key_prefix=settings.broker_key_prefix,
        )

    def __call__(self, job: Job) -> None:
        self.app.send_task(
            self.task_name,
            args=[job.owner_id, job.flow_id, job.id, job.payload],
            task_id=job.id,
            retry=False,
            queue=self.queue_of(job.owner_id) if self.queue_of else None,
        )

    def close(self) -> None:
        self.app.close()


class Relay:
    """Hands committed jobs to the workers, oldest first; several relays may run at once (each
    takes the rows the others have not locked)."""

    def __init__(
        self,
        engine: Engine,
        send: Send,
        batch: int = 200,
        idle_seconds: float = 1.0,
        keep_sent: timedelta = timedelta(hours=1),
    ) -> None:
        self.engine = engine
        self.send = send
        self.batch = batch
        self.idle_seconds = idle_seconds
        self.keep_sent = keep_sent
        self._last_prune = datetime.min.replace(tzinfo=UTC)

    def relay_once(self) -> int:
        """Publishes up to ``batch`` waiting jobs and marks them sent; returns how many. Raises
        what the broker raised after marking the ones published before it failed."""
        sent: list[str] = []
        failure: Exception | None = None
        with Session(self.engine) as session, session.begin():
            rows = session.scalars(
                select(RunJob)
                .where(RunJob.sent_at.is_(None))
                .order_by(RunJob.created_at)
                .limit(self.batch)
                .with_for_update(skip_locked=True)
            ).all()
            for row in rows:
                try:
                    self.send(
                        Job(row.id, row.owner_id, row.flow_id, row.source, json.loads(row.payload))
                    )
                except Exception as error:  # the broker's own errors vary by transport
                    failure = error
                    break
                sent.append(row.id)
            if sent:
                session.execute(
                    update(RunJob).where(RunJob.id.in_(sent)).values(sent_at=datetime.now(UTC))
                )
        if failure is not None:
            raise failure
        return len(sent)

    def prune(self) -> int:
        """Deletes jobs handed over longer than ``keep_sent`` ago (a webhook's body with them)."""
        cutoff = datetime.now(UTC) - self.keep_sent
        with Session(self.engine) as session, session.begin():
            return int(
                session.execute(
                    delete(RunJob).where(RunJob.sent_at.is_not(None), RunJob.sent_at < cutoff)
                ).rowcount
            )

    def run(self, stop: threading.Event) -> None:
        """Relays until ``stop`` is set: at once after a commit on PostgreSQL (NOTIFY), every
        ``idle_seconds`` otherwise, and after a broker failure with a growing pause."""
        pause = 0.0
        with _Wakeups(self.engine) as wakeups:
            while not stop.is_set():
                try:
                    if self.relay_once() == self.batch:
                        continue  # more are waiting
                    pause = 0.0
                    self._prune_now_and_then()
                except Exception as error:
                    pause = min(max(pause * 2, 0.25), 5.0)
                    log.warning(
                        "Could not hand runs to the workers (%s); trying again in %.1f s",
                        type(error).__name__,
                        pause,
                    )
                    stop.wait(pause)
                    continue
                wakeups.wait(self.idle_seconds, stop)

    def _prune_now_and_then(self) -> None:
        now = datetime.now(UTC)
        if now - self._last_prune > timedelta(minutes=1):
            self._last_prune = now
            self.prune()


class _Wakeups:
    """PostgreSQL's notifications on CHANNEL (other databases: a plain wait)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: Any = None

    def __enter__(self) -> _Wakeups:
        if self._engine.dialect.name == "postgresql":
            raw = self._engine.raw_connection()
            self._connection = raw.driver_connection
            raw.detach()  # it listens for as long as the relay runs: not the pool's any more
            self._connection.rollback()
            self._connection.autocommit = True
            self._connection.execute(f"LISTEN {CHANNEL}")
        return self

    def wait(self, seconds: float, stop: threading.Event) -> None:
        if self._connection is None:
            stop.wait(seconds)
            return
        try:
            for _ in self._connection.notifies(timeout=seconds, stop_after=1):
                break
        except Exception as error:  # the connection broke: fall back to waiting
            log.warning("Stopped listening for new runs (%s); looking every second", error)
            self._connection = None
            stop.wait(seconds)

    def __exit__(self, *_: object) -> None:
        if self._connection is not None:
            self._connection.close()
