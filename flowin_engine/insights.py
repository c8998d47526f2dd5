"""What Flowin did for its user over a period: runs per day per flow, how many went well, the
steps that fail most and why, how long runs take, the time it saved, and how each connected
account is doing. Read by the dashboard and by the weekly report; no Qt.

Test runs started from the editor are left out of the figures (they are not work done); time
saved counts only flows whose ``settings.minutes_saved_per_run`` is set, and names the others
instead of guessing for them.
"""

from __future__ import annotations

import json
import logging
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from .events import ExecutionStatus
from .model import Flow
from .store import FailedRun, StepOutcome, Store

log = logging.getLogger(__name__)

PERIODS = (7, 30)
TOP_FAILING_STEPS = 5
# Outcomes that count in the success ratio: a run the user stopped says nothing either way.
_FINISHED = (
    ExecutionStatus.SUCCESS.value,
    ExecutionStatus.FAILED.value,
    ExecutionStatus.INTERRUPTED.value,
)
# A token that expires within this much time is worth a warning on the dashboard.
EXPIRY_WARNING = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class FlowFigures:
    flow_id: str
    name: str
    runs: int
    successes: int
    failures: int
    minutes_saved_per_run: int | None  # None: the user has not said yet
    still_saved: bool  # the flow still exists (so its estimate can be set)

    @property
    def minutes_saved(self) -> int | None:
        if self.minutes_saved_per_run is None:
            return None
        return self.minutes_saved_per_run * self.successes


@dataclass(frozen=True, slots=True)
class FailingStep:
    """Failures of one step of one flow that share one problem (the same sentence with other
    values in it), most recent first."""

    flow_id: str
    flow_name: str
    step: str
    problem: str  # the sentence's template: the group's key
    reason: str  # the latest failure's own sentence, as stored
    count: int
    latest_execution_id: str
    latest_at: datetime


@dataclass(frozen=True, slots=True)
class AccountHealth:
    connection_id: str
    connector: str
    label: str
    used_by: tuple[str, ...]  # the names of the flows whose steps use it
    last_success: datetime | None
    last_failure: datetime | None
    failure_reason: str | None
    failure_execution_id: str | None
    token_expires_at: datetime | None  # None: unknown, or it renews itself
    token_renews: bool  # a refresh token renews the access token: its expiry does not matter
    last_tested_at: datetime | None
    last_test_ok: bool | None

    @property
    def state(self) -> str:
        """``failing`` (its latest use failed), ``expiring`` (soon, and will not renew),
        ``ok`` (its latest use worked) or ``unused`` (no step used it in the period)."""
        if self.last_failure and (not self.last_success or self.last_failure > self.last_success):
            return "failing"
        expires = self.token_expires_at
        if expires and not self.token_renews and expires - datetime.now(UTC) < EXPIRY_WARNING:
            return "expiring"
        if self.last_success:
            return "ok"
        return "unused"


@dataclass(frozen=True, slots=True)
class Insights:
    since: datetime  # the first local midnight of the period, in UTC
    until: datetime
    days: list[date]  # every local day of the period, oldest first
    flows: list[FlowFigures]  # by runs, most first
    runs_per_day: dict[str, list[int]]  # flow id → runs on each of ``days``
    successes_per_day: list[int]
    failures_per_day: list[int]
    average_duration_seconds: float | None
    failing_steps: list[FailingStep]
    accounts: list[AccountHealth] = field(default_factory=list)

    @property
    def runs(self) -> int:
        return sum(f.runs for f in self.flows)

    @property
    def successes(self) -> int:
        return sum(f.successes for f in self.flows)

    @property
    def failures(self) -> int:
        return sum(f.failures for f in self.flows)

    @property
    def success_ratio(self) -> float | None:
        finished = self.successes + self.failures
        return self.successes / finished if finished else None

    @property
    def minutes_saved(self) -> int:
        return sum(f.minutes_saved or 0 for f in self.flows)

    @property
    def flows_without_estimate(self) -> list[FlowFigures]:
        """Flows that ran well in the period but whose time saved per run is not set."""
        return [
            f
            for f in self.flows
            if f.minutes_saved_per_run is None and f.successes and f.still_saved
        ]

    @property
    def empty(self) -> bool:
        return self.runs == 0


def period_bounds(
    days: int, now: datetime | None = None, utc_offset: timedelta | None = None
) -> tuple[datetime, datetime, list[date]]:
    """The last ``days`` local days, today included: their start and end in UTC, and the days."""
    now = now or datetime.now(UTC)
    offset = local_utc_offset(now) if utc_offset is None else utc_offset
    today = (now + offset).date()
    first = today - timedelta(days=days - 1)
    since = datetime(first.year, first.month, first.day, tzinfo=UTC) - offset
    until = since + timedelta(days=days)
    return since, until, [first + timedelta(days=n) for n in range(days)]


def local_utc_offset(at: datetime) -> timedelta:
    """This computer's offset from UTC at ``at``."""
    return at.astimezone().utcoffset() or timedelta(0)


def gather(
    store: Store,
    days: int = 7,
    *,
    now: datetime | None = None,
    utc_offset: timedelta | None = None,
    secret_of: Callable[[str], dict[str, Any] | None] | None = None,
) -> Insights:
    """The figures of the last ``days`` days. ``secret_of(connection_id)`` (optional) reads a
    connection's secret for its token's expiry; nothing of it is kept."""
    now = now or datetime.now(UTC)
    offset = local_utc_offset(now) if utc_offset is None else utc_offset
    since, until, period = period_bounds(days, now, offset)
    tallies = store.insights.run_tallies(since, until, int(offset.total_seconds() // 60))
    saved = _saved_flows(store)

    index = {day: n for n, day in enumerate(period)}
    per_day: dict[str, list[int]] = {}
    successes_per_day = [0] * len(period)
    failures_per_day = [0] * len(period)
    totals: dict[str, dict[str, int]] = {}
    names: dict[str, str] = {}
    total_ms = 0.0
    timed = 0
    for tally in tallies:
        position = index.get(tally.day)
        if position is None:  # a run started exactly at the edge of a shifted day
            position = 0 if tally.day < period[0] else len(period) - 1
        per_day.setdefault(tally.flow_id, [0] * len(period))[position] += tally.runs
        counts = totals.setdefault(tally.flow_id, {})
        counts[tally.status] = counts.get(tally.status, 0) + tally.runs
        names[tally.flow_id] = tally.flow_name
        if tally.status == ExecutionStatus.SUCCESS.value:
            successes_per_day[position] += tally.runs
        elif tally.status in _FINISHED:
            failures_per_day[position] += tally.runs
        if tally.status in _FINISHED:
            total_ms += tally.total_ms
            timed += tally.timed_runs

    flows = []
    for flow_id, counts in totals.items():
        flow = saved.get(flow_id)
        flows.append(
            FlowFigures(
                flow_id=flow_id,
                name=flow.name if flow else names[flow_id],
                runs=sum(counts.values()),
                successes=counts.get(ExecutionStatus.SUCCESS.value, 0),
                failures=sum(
                    counts.get(s, 0) for s in _FINISHED if s != ExecutionStatus.SUCCESS.value
                ),
                minutes_saved_per_run=flow.settings.minutes_saved_per_run if flow else None,
                still_saved=flow is not None,
            )
        )
    flows.sort(key=lambda f: (-f.runs, f.name))
    return Insights(
        since=since,
        until=until,
        days=period,
        flows=flows,
        runs_per_day={f.flow_id: per_day[f.flow_id] for f in flows},
        successes_per_day=successes_per_day,
        failures_per_day=failures_per_day,
        average_duration_seconds=total_ms / timed / 1000 if timed else None,
        failing_steps=failing_steps(store.insights.failed_runs(since, until)),
        accounts=account_health(store, saved.values(), since, secret_of),
    )


def _saved_flows(store: Store) -> dict[str, Flow]:
    flows = {}
    for summary in store.flows.summaries():
        try:
            flows[summary.id] = store.flows.get(summary.id)
        except Exception:  # a flow whose saved JSON no longer loads still has its runs
            log.warning("Could not load the flow %s for the insights", summary.id, exc_info=True)
    return flows


# Failures, grouped by problem.


def failing_steps(runs: Iterable[FailedRun], limit: int = TOP_FAILING_STEPS) -> list[FailingStep]:
    """The (flow, step, problem) groups with the most failures; ``runs`` newest first."""
    groups: dict[tuple[str, str, str], list[FailedRun]] = {}
    for run in runs:
        step = run.step or ""
        groups.setdefault((run.flow_id, step, problem_of(run.error or "")), []).append(run)
    found = [
        FailingStep(
            flow_id=flow_id,
            flow_name=members[0].flow_name,
            step=step,
            problem=problem,
            reason=members[0].error or "",
            count=len(members),
            latest_execution_id=members[0].execution_id,
            latest_at=members[0].at,
        )
        for (flow_id, step, problem), members in groups.items()
    ]
    found.sort(key=lambda s: (-s.count, -s.latest_at.timestamp()))
    return found[:limit]


# What changes between two failures of the same kind: numbers, quoted names and values,
# addresses, long ids.
_VARYING = re.compile(
    r"""
    https?://\S+                      # a link
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+    # an e-mail address
    | '[^']*' | "[^"]*" | «[^»]*» | “[^”]*”   # something quoted
    | \b[0-9a-f]{8,}\b                # an id
    | [+]?\d[\d.,:/-]*                # a number, a date, a time, a phone number
    """,
    re.VERBOSE | re.IGNORECASE,
)


def problem_of(error: str) -> str:
    """The problem an error sentence states, without the values that differ between two
    occurrences of it: one of Flowin's own sentences (with its placeholders) when it is one,
    else the sentence with its numbers, quoted values, ids and addresses blanked out."""
    text = error.strip()
    for template, pattern in _known_sentences():
        if pattern.fullmatch(text):
            return template
    return _VARYING.sub("…", text)


@cache
def _known_sentences() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # Imported here: the runtime package is big and only this grouping needs its sentences.
    from .kit import SERVICE_SENTENCES
    from .runtime import NESTED_TOO_DEEPLY_ERROR, RETRY_LATER_ERROR, UNEXPECTED_START_ERROR
    from .runtime._relay import FLOW_OFF_ERROR, REFUSED_ERROR
    from .store import INTERRUPTED_ERROR, INTERRUPTED_STEP_ERROR
    from .webhooks import NO_SIGNING_SECRET, SIGNATURE_MISMATCH

    templates = (
        INTERRUPTED_ERROR,
        INTERRUPTED_STEP_ERROR,
        RETRY_LATER_ERROR,
        NESTED_TOO_DEEPLY_ERROR,
        UNEXPECTED_START_ERROR,
        FLOW_OFF_ERROR,
        REFUSED_ERROR,
        SIGNATURE_MISMATCH,
        NO_SIGNING_SECRET,
        *SERVICE_SENTENCES,
    )
    return tuple((t, _pattern(t)) for t in templates)


def _pattern(template: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            # The service's name stays part of the problem ("Notion refused…" is not "Slack
            # refused…"); every other value may differ.
            parts.append(".+?")
    return re.compile("".join(parts), re.DOTALL)


# Connected accounts.


def account_health(
    store: Store,
    flows: Iterable[Flow],
    since: datetime,
    secret_of: Callable[[str], dict[str, Any] | None] | None = None,
) -> list[AccountHealth]:
    """Each connected account: when a step using it last worked and last failed (and why) since
    ``since``, its token's expiry when the secret says one, and its last test."""
    users: dict[str, list[tuple[Flow, str]]] = {}
    for flow in flows:
        for node in flow.nodes:
            connection = node.params.get("connection")
            if isinstance(connection, str) and connection and not node.disabled:
                users.setdefault(connection, []).append((flow, node.id))
    steps = {(flow.id, node_id) for uses in users.values() for flow, node_id in uses}
    outcomes = store.insights.step_outcomes(steps, since)
    keeping_no_steps = {
        flow.id
        for uses in users.values()
        for flow, _ in uses
        if flow.settings.steps_of_failed_runs_only
    }
    run_successes = store.insights.last_successful_runs(keeping_no_steps, since)

    found = []
    for connection in store.connections.list():
        uses = users.get(connection.id, [])
        mine = [outcomes.get((flow.id, node_id), StepOutcome()) for flow, node_id in uses]
        # A flow that keeps no steps of its good runs: its last good run used the account.
        successes = [o.last_success for o in mine if o.last_success]
        successes += [run_successes[f.id] for f, _ in uses if f.id in run_successes]
        failures = [o for o in mine if o.last_failure]
        latest_failure = max(failures, key=lambda o: o.last_failure or since, default=None)
        expires_at, renews = _token_expiry(connection.details, connection.id, secret_of)
        found.append(
            AccountHealth(
                connection_id=connection.id,
                connector=connection.connector,
                label=connection.label,
                used_by=tuple(sorted({flow.name for flow, _ in uses})),
                last_success=max(successes, default=None),
                last_failure=latest_failure.last_failure if latest_failure else None,
                failure_reason=latest_failure.failure_error if latest_failure else None,
                failure_execution_id=(
                    latest_failure.failure_execution_id if latest_failure else None
                ),
                token_expires_at=expires_at,
                token_renews=renews,
                last_tested_at=connection.last_tested_at,
                last_test_ok=connection.last_test_ok,
            )
        )
    order = {"failing": 0, "expiring": 1, "ok": 2, "unused": 3}
    found.sort(key=lambda a: (order[a.state], a.connector, a.label))
    return found


def _token_expiry(
    details: dict[str, Any],
    connection_id: str,
    secret_of: Callable[[str], dict[str, Any] | None] | None,
) -> tuple[datetime | None, bool]:
    """When the account's token expires, if anything says so, and whether it renews itself.

    The details (non-secret) may carry ``expires_at``; an OAuth secret carries its access
    token's ``expires_at`` and, when it can renew it, a ``refresh_token`` — only its presence is
    looked at."""
    expires = details.get("expires_at") or details.get("token_expires_at")
    renews = False
    if secret_of is not None:
        try:
            secret = secret_of(connection_id) or {}
        except Exception:  # a missing keyring entry is the account's problem, shown elsewhere
            secret = {}
        if isinstance(secret, str):
            try:
                secret = json.loads(secret)
            except ValueError:
                secret = {}
        renews = bool(secret.get("refresh_token")) or secret.get("auth_type") == ("service_account")
        expires = expires or secret.get("expires_at")
    return _moment(expires), renews


def _moment(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        if isinstance(value, int | float):
            return datetime.fromtimestamp(float(value), UTC)
        moment = datetime.fromisoformat(str(value))
    except (ValueError, OverflowError, OSError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
