"""A shop's week of runs, written through the store's own API, with counts the insights tests
know by heart; and a bigger history of the same shape for the benchmark and the screenshots."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flowin_engine.events import (
    Event,
    ExecutionFinished,
    ExecutionStarted,
    ExecutionStatus,
    StepFinished,
    StepStarted,
    StepStatus,
)
from flowin_engine.model import Edge, Flow, FlowStatus, Node
from flowin_engine.store import Store

# Cairo, in winter. "Now" is Saturday 5 December 2026, 18:00 local.
OFFSET = timedelta(hours=2)
NOW = datetime(2026, 12, 5, 16, 0, tzinfo=UTC)

WHATSAPP = "conn-whatsapp"
SHEETS = "conn-sheets"
TELEGRAM = "conn-telegram"  # connected, used by no flow

# The week (oldest day first): the runs of each flow that went well and that failed.
ORDER_SUCCESSES = [3, 4, 5, 6, 7, 8, 9]  # 42
ORDER_FAILURES = [0, 0, 1, 0, 1, 0, 1]  # 3, at "Send WhatsApp"
INVOICE_SUCCESSES = [2] * 7  # 14
INVOICE_FAILURES = [0, 0, 0, 0, 0, 2, 0]  # 2, at "Add row"
SUMMARY_SUCCESSES = [1] * 7  # 7
ORDER_SECONDS, INVOICE_SECONDS, SUMMARY_SECONDS, FAILURE_SECONDS = 2.0, 4.0, 1.0, 0.5
ORDER_MINUTES, SUMMARY_MINUTES = 3, 10  # minutes saved per run; invoices: not set
TEST_RUNS = 5  # started from the editor: left out of every figure
WHATSAPP_ERROR = "WhatsApp refused the request: Invalid WhatsApp API token (code {code})."
SHEETS_ERROR = "Google Sheets refused the request: Unable to parse range: 'Sheet{n}'!A1."


@dataclass(frozen=True)
class Run:
    flow: Flow
    at: datetime
    ok: bool
    seconds: float
    error: str | None = None
    mode: str = "webhook"


def shop_flows() -> list[Flow]:
    def flow(flow_id: str, name: str, step: str, step_type: str, connection: str | None) -> Flow:
        params = {"connection": connection} if connection else {}
        return Flow(
            id=flow_id,
            name=name,
            status=FlowStatus.ACTIVE,
            nodes=[
                Node(id="trigger", name="New order", type="webhook.receive"),
                Node(id="step", name=step, type=step_type, params=params),
            ],
            edges=[Edge(source="trigger", target="step")],
        )

    orders = flow("orders", "Order confirmations", "Send WhatsApp", "whatsapp.send", WHATSAPP)
    orders.settings.minutes_saved_per_run = ORDER_MINUTES
    invoices = flow("invoices", "Invoices to Sheets", "Add row", "google_sheets.append", SHEETS)
    summary = flow("summary", "Daily summary", "Format", "core.format", None)
    summary.settings.minutes_saved_per_run = SUMMARY_MINUTES
    return [orders, invoices, summary]


def seed_week(store: Store, now: datetime = NOW, offset: timedelta = OFFSET) -> None:
    """The week the tests know: 63 good runs, 5 failed, 5 test runs, one run before the week;
    its days are those of the zone ``offset`` from UTC."""
    orders, invoices, summary = flows = shop_flows()
    for flow in flows:
        store.flows.save(flow)
    store.connections.add(WHATSAPP, "whatsapp", "Shop WhatsApp", {"account": "+20 100"})
    store.connections.add(SHEETS, "google_sheets", "Accounts sheet", {})
    store.connections.add(TELEGRAM, "telegram", "Team bot", {})
    runs: list[Run] = []
    for day in range(7):
        morning = _local_day_start(now, day - 6, offset) + timedelta(hours=9)
        for n in range(ORDER_SUCCESSES[day]):
            runs.append(Run(orders, morning + timedelta(minutes=n), True, ORDER_SECONDS))
        for n in range(ORDER_FAILURES[day]):
            error = WHATSAPP_ERROR.format(code=190 + day)
            runs.append(
                Run(orders, morning + timedelta(hours=1, minutes=n), False, FAILURE_SECONDS, error)
            )
        for n in range(INVOICE_SUCCESSES[day]):
            runs.append(
                Run(invoices, morning + timedelta(hours=2, minutes=n), True, INVOICE_SECONDS)
            )
        for n in range(INVOICE_FAILURES[day]):
            error = SHEETS_ERROR.format(n=n + 7)
            runs.append(
                Run(
                    invoices, morning + timedelta(hours=3, minutes=n), False, FAILURE_SECONDS, error
                )
            )
        for _ in range(SUMMARY_SUCCESSES[day]):
            runs.append(Run(summary, morning + timedelta(hours=10), True, SUMMARY_SECONDS))
    for n in range(TEST_RUNS):
        runs.append(Run(orders, now - timedelta(hours=1, minutes=n), True, 1.0, None, "manual"))
    runs.append(Run(orders, _local_day_start(now, -7, offset) + timedelta(hours=12), True, 9.0))
    record(store, runs)


def seed_busy(store: Store, runs: int, days: int = 30, now: datetime | None = None) -> None:
    """``runs`` runs of the three flows spread over ``days`` days, one in ten failing."""
    now = now or datetime.now(UTC)
    flows = shop_flows()
    for flow in flows:
        store.flows.save(flow)
    store.connections.add(WHATSAPP, "whatsapp", "Shop WhatsApp", {})
    store.connections.add(SHEETS, "google_sheets", "Accounts sheet", {})
    span = timedelta(days=days) - timedelta(minutes=1)
    batch: list[Run] = []
    for n in range(runs):
        flow = flows[n % 3]
        ok = n % 10 != 0
        error = None if ok else (WHATSAPP_ERROR if flow.id == "orders" else SHEETS_ERROR)
        at = now - span + span * (n / max(runs - 1, 1))
        batch.append(Run(flow, at, ok, 1.0 + n % 5, error and error.format(code=n, n=n)))
        if len(batch) == 2000:
            record(store, batch)
            batch = []
    record(store, batch)


def record(store: Store, runs: Sequence[Run]) -> None:
    events: list[Event] = []
    for number, run in enumerate(runs):
        run_id = f"{run.flow.id}-{run.at:%Y%m%d%H%M%S%f}-{number}-{run.mode}"
        trigger, step = run.flow.nodes
        end = run.at + timedelta(seconds=run.seconds)
        status = StepStatus.SUCCESS if run.ok else StepStatus.FAILED
        events += [
            ExecutionStarted(run_id, run.flow.id, run.flow.name, {"order": 1}, run.at, run.mode),
            *_step(run_id, trigger, StepStatus.SUCCESS, None, run.at),
            *_step(run_id, step, status, run.error, end),
            ExecutionFinished(
                run_id,
                run.flow.id,
                ExecutionStatus.SUCCESS if run.ok else ExecutionStatus.FAILED,
                end,
                run.seconds,
                error=run.error,
                failed_node=None if run.ok else step.name,
            ),
        ]
    store.executions.record(events)


def _step(
    run_id: str, node: Node, status: StepStatus, error: str | None, at: datetime
) -> list[Event]:
    return [
        StepStarted(run_id, node.id, node.name, node.type, 1, None, {}, at),
        StepFinished(
            run_id,
            node.id,
            node.name,
            node.type,
            1,
            None,
            status,
            {},
            {},
            "main",
            error,
            at,
            at,
            0.1,
        ),
    ]


def _local_day_start(now: datetime, days_from_today: int, offset: timedelta = OFFSET) -> datetime:
    """Local midnight ``days_from_today`` days from the local today, in UTC."""
    local_today = (now + offset).date() + timedelta(days=days_from_today)
    return datetime(local_today.year, local_today.month, local_today.day, tzinfo=UTC) - offset


def evening_zone(now: datetime) -> tuple[str, timedelta]:
    """A zone of fixed offset where ``now`` is between 22:00 and 23:00, and its offset: a week
    seeded there for the real clock (a program asked about "this week" on its own clock) has all
    of today's runs behind it, and an hour before its day ends."""
    hours = (22 - now.hour) % 24
    if hours > 14:  # the zones go from UTC-12 to UTC+14
        hours -= 24
    return f"Etc/GMT{-hours:+d}", timedelta(hours=hours)
