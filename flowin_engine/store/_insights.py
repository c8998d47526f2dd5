"""The history read for the insights: counts and last outcomes over a period, in a few queries.

Every query here starts from a range of ``executions.started_at`` (``ix_executions_started_at``)
and reaches the steps of those runs only through ``ix_steps_execution_id_node_id``, so its cost
follows the runs in the period, not the whole history (``bench/insights_bench.py``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, Date, cast, func, literal_column, select
from sqlalchemy.orm import Session

from ..events import ExecutionStatus, StepStatus
from ._database import Database
from ._schema import ExecutionRow, StepRow

# Runs a user starts from the editor to try a flow: not work the flow did for them.
TEST_RUN_MODES = ("manual",)


@dataclass(frozen=True, slots=True)
class RunTally:
    """The runs of one flow on one day (in the user's time zone) that ended one way."""

    flow_id: str
    flow_name: str
    day: date
    status: str
    runs: int
    total_ms: float  # of the runs that recorded a duration
    timed_runs: int


@dataclass(frozen=True, slots=True)
class FailedRun:
    execution_id: str
    flow_id: str
    flow_name: str
    step: str | None  # the failed step's name
    error: str | None
    at: datetime


@dataclass(frozen=True, slots=True)
class StepOutcome:
    """The latest success and the latest failure of one step of one flow."""

    last_success: datetime | None = None
    last_failure: datetime | None = None
    failure_error: str | None = None
    failure_execution_id: str | None = None


class InsightRecords:
    """Read-only figures over the run history."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def run_tallies(
        self, since: datetime, until: datetime, utc_offset_minutes: int
    ) -> list[RunTally]:
        """Runs started in [since, until) by flow, local day and outcome (test runs left out).

        The day is the start time shifted by one UTC offset for the whole period: a daylight
        saving change inside it moves the runs of one hour by a day at most.
        """
        day = self._local_day(utc_offset_minutes)
        query = (
            select(
                ExecutionRow.flow_id,
                func.max(ExecutionRow.flow_name),
                day,
                ExecutionRow.status,
                func.count(),
                func.coalesce(func.sum(ExecutionRow.duration_ms), 0.0),
                func.count(ExecutionRow.duration_ms),
            )
            .where(
                ExecutionRow.started_at >= since,
                ExecutionRow.started_at < until,
                ExecutionRow.mode.not_in(TEST_RUN_MODES),
            )
            .group_by(ExecutionRow.flow_id, day, ExecutionRow.status)
        )
        with self._database.reading() as session:
            rows = session.execute(query).all()
        return [
            RunTally(
                flow_id=flow_id,
                flow_name=name,
                day=value if isinstance(value, date) else date.fromisoformat(str(value)),
                status=status,
                runs=runs,
                total_ms=float(total),
                timed_runs=timed,
            )
            for flow_id, name, value, status, runs, total, timed in rows
        ]

    def failed_runs(self, since: datetime, until: datetime) -> list[FailedRun]:
        """The failed runs started in [since, until), newest first (test runs left out)."""
        query = (
            select(
                ExecutionRow.id,
                ExecutionRow.flow_id,
                ExecutionRow.flow_name,
                ExecutionRow.failed_node,
                ExecutionRow.error,
                ExecutionRow.started_at,
            )
            .where(
                ExecutionRow.started_at >= since,
                ExecutionRow.started_at < until,
                ExecutionRow.status == ExecutionStatus.FAILED.value,
                ExecutionRow.mode.not_in(TEST_RUN_MODES),
            )
            .order_by(ExecutionRow.started_at.desc())
        )
        with self._database.reading() as session:
            return [FailedRun(*row) for row in session.execute(query).all()]

    def step_outcomes(
        self, steps: Collection[tuple[str, str]], since: datetime
    ) -> dict[tuple[str, str], StepOutcome]:
        """For each (flow id, node id): its latest success and failure in runs since ``since``.

        Test runs count here: a step that worked in a test shows the account works. Each
        answer walks one flow's runs newest first and stops at the first match, so a step used
        often costs a few rows, one used rarely at most its flow's runs in the period.
        """
        outcomes: dict[tuple[str, str], StepOutcome] = {}
        with self._database.reading() as session:
            for key in sorted(set(steps)):
                success = self._latest(session, key, since, StepStatus.SUCCESS)
                failure = self._latest(session, key, since, StepStatus.FAILED)
                if success is None and failure is None:
                    continue
                outcomes[key] = StepOutcome(
                    last_success=_utc(success[0]) if success else None,
                    last_failure=_utc(failure[0]) if failure else None,
                    failure_error=failure[1] if failure else None,
                    failure_execution_id=failure[2] if failure else None,
                )
        return outcomes

    def last_successful_runs(
        self, flow_ids: Collection[str], since: datetime
    ) -> dict[str, datetime]:
        """When each flow last finished a run well since ``since`` (for flows that keep no steps
        of successful runs)."""
        if not flow_ids:
            return {}
        query = (
            select(ExecutionRow.flow_id, func.max(ExecutionRow.finished_at))
            .where(
                ExecutionRow.started_at >= since,
                ExecutionRow.flow_id.in_(sorted(flow_ids)),
                ExecutionRow.status == ExecutionStatus.SUCCESS.value,
            )
            .group_by(ExecutionRow.flow_id)
        )
        with self._database.reading() as session:
            return {
                flow_id: _utc(at) for flow_id, at in session.execute(query).all() if at is not None
            }

    def _latest(
        self, session: Session, key: tuple[str, str], since: datetime, status: StepStatus
    ) -> tuple[datetime, str | None, str] | None:
        flow_id, node_id = key
        query = (
            select(StepRow.finished_at, StepRow.error, StepRow.execution_id)
            .join(ExecutionRow, StepRow.execution_id == ExecutionRow.id)
            .where(
                ExecutionRow.flow_id == flow_id,
                ExecutionRow.started_at >= since,
                StepRow.node_id == node_id,
                StepRow.status == status.value,
                StepRow.finished_at.is_not(None),
            )
            .order_by(ExecutionRow.started_at.desc())
            .limit(1)
        )
        row = session.execute(query).first()
        return None if row is None else (row[0], row[1], row[2])

    def _local_day(self, utc_offset_minutes: int) -> ColumnElement[object]:
        if self._database.is_sqlite:
            modifier = f"{utc_offset_minutes:+d} minutes"
            return func.date(ExecutionRow.started_at, modifier)
        interval = literal_column(f"interval '{int(utc_offset_minutes)} minutes'")
        shifted = ExecutionRow.started_at + interval
        return cast(shifted, Date)


def _utc(moment: datetime | str) -> datetime:
    if isinstance(moment, str):  # an aggregate over a SQLite column comes back as text
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


__all__ = ["TEST_RUN_MODES", "FailedRun", "InsightRecords", "RunTally", "StepOutcome"]
