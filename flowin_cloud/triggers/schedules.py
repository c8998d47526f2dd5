"""Schedules and polling triggers of cloud-run flows, fired by ``flowin-cloud scheduler``.

Any number of scheduler processes may run; one leads at a time (a PostgreSQL advisory lock held
on its own connection, freed by the server when that process dies), the others wait to take
over. The lock only saves work: what makes a tick fire once is the tick's row, whose primary
key (schedule, planned moment) only one transaction can write, in the transaction that also
writes the tick's run to the outbox and moves the schedule on. So even two leaders at once
(a network partition, a lock lost mid-pass) cannot start a tick's run twice.

The settings are the schedule connector's (``connectors/schedule``): an interval or a cron
expression, a time zone (the flow's when empty), and what to do with ticks missed while no
scheduler ran: run once, or skip.
"""

from __future__ import annotations

import json
import logging
import math
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, delete, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from flowin_engine.errors import FlowinError
from flowin_engine.model import Flow
from flowin_engine.registry import Registry, TriggerKind
from flowin_engine.runtime._schedules import schedule_trigger

from ..models import CloudFlow, CloudTrigger, ScheduleTick
from .jobs import add_job

log = logging.getLogger(__name__)

# A tick found this late (no scheduler ran at its time) counts as missed: its "missed" setting
# says whether it runs. The desktop's APScheduler uses the same grace.
MISSED_AFTER = timedelta(seconds=60)
DEFAULT_POLL_SECONDS = 60.0
LOCK_NAME = "flowin-cloud-scheduler"

SendPoll = Callable[[str, str, str], None]


class Scheduler:
    """Reads which cloud-run flows have a schedule or polling trigger, fires due ticks into the
    outbox and sends due polls to the workers."""

    def __init__(
        self,
        engine: Engine,
        registry: Registry,
        send_poll: SendPoll | None = None,
        pass_seconds: float = 0.5,
        poll_seconds: float = DEFAULT_POLL_SECONDS,
    ) -> None:
        self.engine = engine
        self.registry = registry
        self.send_poll = send_poll
        self.pass_seconds = pass_seconds
        self.poll_seconds = poll_seconds
        # Reading every cloud-run flow's revision is the pass's biggest query; a flow switched
        # on or changed is seen within this many seconds, a due tick at the next pass.
        self.refresh_seconds = 2.0
        self._refreshed_at: datetime | None = None

    # The leader's pass.

    def run_pass(self, now: datetime | None = None) -> int:
        """Reads changed flows, then fires what is due; returns how many runs it started."""
        now = now or datetime.now(UTC)
        if self._refreshed_at is None or (now - self._refreshed_at).total_seconds() >= (
            self.refresh_seconds
        ):
            self.refresh(now)
            self._refreshed_at = now
        fired = self.fire_due(now)
        if self.send_poll is not None:
            self.send_due_polls(now)
        return fired

    def refresh(self, now: datetime) -> None:
        """Brings ``cloud_triggers`` in line with the cloud-run flows: new or changed flows are
        read, flows switched off or deleted are forgotten."""
        with Session(self.engine) as session, session.begin():
            flows = {
                (owner, flow_id): revision
                for owner, flow_id, revision in session.execute(
                    select(CloudFlow.owner_id, CloudFlow.id, CloudFlow.revision).where(
                        CloudFlow.cloud_run.is_(True), CloudFlow.deleted.is_(False)
                    )
                )
            }
            known = {
                (row.owner_id, row.flow_id): row for row in session.scalars(select(CloudTrigger))
            }
            for key, row in known.items():
                if flows.get(key) != row.flow_revision:
                    session.delete(row)
            session.flush()
            for (owner, flow_id), revision in flows.items():
                row = known.get((owner, flow_id))
                if row is not None and row.flow_revision == revision:
                    continue
                flow_row = session.get(CloudFlow, (owner, flow_id))
                if flow_row is None:
                    continue
                session.add(self._trigger_of(flow_row, now, row))

    def _trigger_of(
        self, flow_row: CloudFlow, now: datetime, before: CloudTrigger | None
    ) -> CloudTrigger:
        """The flow's row: a schedule or polling trigger's, or one of kind "none" that only
        notes that this revision of the flow was read (a webhook flow, or one that is broken)."""
        row = CloudTrigger(
            owner_id=flow_row.owner_id,
            flow_id=flow_row.id,
            node_id="",
            kind="none",
            flow_revision=flow_row.revision,
            settings="{}",
            polled=False,
        )
        try:
            flow = Flow.from_json(flow_row.definition)
            node = next(n for n in flow.nodes if self.registry.get(n.type).is_trigger)
            node_type = self.registry.get(node.type)
            params = node_type.input_model.model_validate(node.params).model_dump(mode="json")
        except (FlowinError, StopIteration, ValueError) as error:
            log.warning("Flow %s has no trigger the cloud can start: %s", flow_row.id, error)
            return row
        kind = node_type.trigger_kind
        if kind not in (TriggerKind.SCHEDULE, TriggerKind.POLLING):
            return row
        settings: dict[str, Any] = {
            "type": node.type,
            "params": params,
            "timezone": flow.settings.timezone,
            "timeout": node.settings.timeout,
        }
        row.node_id, row.kind, row.settings = node.id, str(kind), json.dumps(settings)
        if kind == TriggerKind.SCHEDULE:
            # A schedule keeps its rhythm across a change of the flow when it stays the same one.
            same = before is not None and before.node_id == node.id and before.kind == str(kind)
            last = before.last_at if same and before is not None else None
            row.last_at = last
            try:
                row.next_at = next_tick(settings, last or now, now, first=last is None)
            except FlowinError as error:
                log.warning("The schedule of flow %s can't run: %s", flow_row.id, error)
                row.kind = "none"
        else:
            row.next_at = now
            if before is not None and before.node_id == node.id and before.kind == str(kind):
                row.cursor, row.polled = before.cursor, before.polled
        return row

    def fire_due(self, now: datetime) -> int:
        """Fires every schedule whose next tick is due: per tick its row and its run's job,
        and the schedule moved on, in one transaction."""
        fired = 0
        with Session(self.engine) as session, session.begin():
            due = session.scalars(
                select(CloudTrigger)
                .where(CloudTrigger.kind == "schedule", CloudTrigger.next_at <= now)
                .order_by(CloudTrigger.next_at)
                .with_for_update(skip_locked=True)
            ).all()
            for row in due:
                settings = json.loads(row.settings)
                planned = row.next_at
                assert planned is not None
                missed = now - planned > MISSED_AFTER
                if not missed or settings["params"].get("missed", "run_once") == "run_once":
                    fired += self._fire(session, row, settings, planned, now, missed)
                row.last_at = planned
                row.next_at = next_tick(settings, planned, now)
        return fired

    def _fire(
        self,
        session: Session,
        row: CloudTrigger,
        settings: dict[str, Any],
        planned: datetime,
        now: datetime,
        missed: bool,
    ) -> int:
        zone = _zone(settings)
        payload = {
            "scheduled_at": planned.astimezone(zone).isoformat(),
            "fired_at": now.astimezone(zone).isoformat(),
            "missed": missed,
        }
        try:
            with session.begin_nested():
                job_id = add_job(session, row.owner_id, row.flow_id, "schedule", payload, now=now)
                session.add(
                    ScheduleTick(
                        owner_id=row.owner_id,
                        flow_id=row.flow_id,
                        node_id=row.node_id,
                        planned_at=planned,
                        job_id=job_id,
                    )
                )
        except IntegrityError:
            log.info("Tick %s of flow %s was already fired", planned.isoformat(), row.flow_id)
            return 0
        return 1

    def send_due_polls(self, now: datetime) -> int:
        """Sends a poll task for each polling trigger that is due, and moves it on by its
        interval (a poll that fails is tried again at the next interval)."""
        assert self.send_poll is not None
        sent = 0
        with Session(self.engine) as session, session.begin():
            due = session.scalars(
                select(CloudTrigger)
                .where(CloudTrigger.kind == "polling", CloudTrigger.next_at <= now)
                .with_for_update(skip_locked=True)
            ).all()
            for row in due:
                settings = json.loads(row.settings)
                seconds = float(settings["params"].get("poll_interval") or self.poll_seconds)
                try:
                    self.send_poll(row.owner_id, row.flow_id, row.node_id)
                except Exception as error:
                    log.warning("Could not send a poll of flow %s (%s)", row.flow_id, error)
                    break
                row.next_at = now + timedelta(seconds=seconds)
                sent += 1
        return sent

    def forget_ticks(self, older_than: timedelta = timedelta(days=2)) -> int:
        """Tick rows only guard against a second firing while a tick can still be in flight."""
        with Session(self.engine) as session, session.begin():
            cutoff = datetime.now(UTC) - older_than
            return int(
                session.execute(
                    delete(ScheduleTick).where(ScheduleTick.planned_at < cutoff)
                ).rowcount
            )

    # Leading.

    def run(self, stop: threading.Event) -> None:
        """Leads when it can, passes every ``pass_seconds`` while it does, until ``stop``."""
        lock = _LeaderLock(self.engine)
        try:
            while not stop.is_set():
                if not lock.hold():
                    stop.wait(1.0)
                    continue
                try:
                    self.run_pass()
                except Exception:
                    log.exception("The scheduler's pass failed; trying again")
                    stop.wait(1.0)
                    continue
                stop.wait(self.pass_seconds)
        finally:
            lock.release()


def next_tick(
    settings: dict[str, Any], after: datetime, now: datetime, first: bool = False
) -> datetime | None:
    """The schedule's first planned moment later than ``now`` (and than ``after``, its last
    tick). ``first``: the schedule starts at ``after``; an interval's first tick is one interval
    on, as on the desktop."""
    from apscheduler.triggers.interval import IntervalTrigger

    trigger = schedule_trigger(settings["params"], settings["timezone"])
    if isinstance(trigger, IntervalTrigger):
        step = trigger.interval
        if first:
            return after + step
        behind = max(now - after, timedelta(0))
        return after + step * (math.floor(behind / step) + 1)
    moment = max(now, after) + timedelta(microseconds=1)
    return trigger.get_next_fire_time(None, moment)


def _zone(settings: dict[str, Any]) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(settings["params"].get("timezone") or settings["timezone"] or "UTC")


class _LeaderLock:
    """PostgreSQL's session advisory lock on a connection of its own; elsewhere (SQLite, one
    machine) every scheduler leads, and the tick rows keep them from firing twice."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: Connection | None = None
        self._held = False

    def hold(self) -> bool:
        if self._engine.dialect.name != "postgresql":
            return True
        try:
            if self._connection is None:
                self._connection = self._engine.connect()
            if self._held:
                self._connection.execute(text("SELECT 1"))  # still ours if still connected
                return True
            # The schema is part of the name: test runs in their own schemas lead each their own.
            self._held = bool(
                self._connection.execute(
                    text("SELECT pg_try_advisory_lock(hashtext(:name || current_schema()))"),
                    {"name": LOCK_NAME},
                ).scalar()
            )
            self._connection.commit()
            if self._held:
                log.info("This scheduler leads now")
            return self._held
        except Exception as error:
            log.warning("Lost the scheduler's lock (%s)", error)
            self.release()
            return False

    def release(self) -> None:
        if self._connection is not None:
            try:
                self._connection.invalidate()  # closes it: the server frees the lock
            finally:
                self._connection = None
                self._held = False
