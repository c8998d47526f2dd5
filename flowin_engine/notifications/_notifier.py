"""The notifier: watches the runtime's runs, keeps the bell's rows and sends messages out.

It listens on the runner's event bus, but only notes what finished there: everything else
(reading the rules, writing rows, sending over the channels, which may take seconds) happens
on its own thread, so neither the runs nor the history ever wait for a notification. A
periodic ``check`` (every ``CHECK_EVERY`` seconds on that thread; tests call it with their own
clock) sends the bundled repeats, the digests held by quiet hours, the daily summaries and the
silences.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from time import monotonic
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from ..events import Event, ExecutionFinished, ExecutionStarted, ExecutionStatus
from ..store import Notification, new_notification
from . import _messages as words
from ._channels import ChannelFailed, ChannelSender, CloudMailer
from ._rules import Channel, ChannelKind, Rule

if TYPE_CHECKING:
    from ..credentials import Connections
    from ..events import EventBus
    from ..model import Flow
    from ..registry import Registry
    from ..runner import ExecutionResult
    from ..store import Store

log = logging.getLogger("flowin.notifications")

CHECK_EVERY = 60.0  # seconds between two checks for repeats, digests, summaries, silences
# A broken channel is told once a day at most (its row counts the failures in between).
BROKEN_CHANNEL_WINDOW = timedelta(hours=24)


class Kind:
    """The kinds of rows of the bell."""

    FAILURE = "failure"
    RECOVERY = "recovery"
    SUMMARY = "summary"
    SILENCE = "silence"
    WAITING_EVENTS = "waiting_events"
    SYNC_CONFLICT = "sync_conflict"
    REPORT = "report"
    CHANNEL_FAILED = "channel_failed"


Clock = Callable[[], datetime]
Listener = Callable[[Notification], None]


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class FailedRun:
    """A failed run, as flows started "when another flow fails" receive it."""

    flow_id: str
    flow_name: str
    execution_id: str
    error: str
    at: datetime
    step: str | None = None
    step_number: int | None = None
    mode: str = ""

    @property
    def link(self) -> str:
        return words.RUN_LINK.format(execution_id=self.execution_id)

    def as_data(self) -> dict[str, Any]:
        return {
            "flow_id": self.flow_id,
            "flow_name": self.flow_name,
            "step": self.step,
            "step_number": self.step_number,
            "error": self.error,
            "execution_id": self.execution_id,
            "at": self.at.isoformat(),
            "link": self.link,
            "command": words.RUN_COMMAND.format(execution_id=self.execution_id),
        }


@dataclass(frozen=True, slots=True)
class ChannelResult:
    """What a test message over a channel came to."""

    ok: bool
    message: str


@dataclass(frozen=True, slots=True)
class Rules:
    """The global rule and the flows' own ones."""

    default: Rule
    flows: dict[str, Rule] = field(default_factory=dict)

    def for_flow(self, flow_id: str | None) -> Rule:
        return self.flows.get(flow_id, self.default) if flow_id else self.default


class Notifier:
    """Notifications of a data folder's runs (the runtime owns one: ``runtime.notifications``).

    The API the app uses: ``list``, ``unread_count``, ``mark_read``, ``mark_all_read``,
    ``rules`` / ``set_rule``, ``test_channel``, ``subscribe``; and ``add`` for what the app
    itself knows of (waiting events, sync conflicts, reports).
    """

    def __init__(
        self,
        store: Store,
        *,
        registry: Registry | None = None,
        connections: Connections | None = None,
        clock: Clock | None = None,
        cloud_mailer: CloudMailer | None = None,
        sender: ChannelSender | None = None,
    ) -> None:
        self.store = store
        self.records = store.notifications
        self.registry = registry
        self.clock: Clock = clock or _now
        self.sender = sender or ChannelSender(registry, connections, cloud_mailer)
        self._listeners: list[Listener] = []
        self._failure_listeners: list[Callable[[FailedRun], None]] = []
        self._failing: set[str] | None = None  # flows whose last run failed (read when needed)
        self._failing_lock = threading.Lock()
        self._names: dict[str, str] = {}  # execution id → flow name, until it finishes
        self._modes: dict[str, str] = {}
        self._work: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._idle = threading.Condition()
        self._pending = 0
        self._started_at = self.clock()
        self._last_prune: datetime | None = None
        self.check_every = CHECK_EVERY
        self._checks = True

    # Life cycle.

    def start(self, bus: EventBus | None = None, *, checks: bool = True) -> None:
        """Start the notifier's thread; watch the runs ``bus`` reports when given (the runtime
        hands its runs over with ``run_ended`` instead); with ``checks``, check every
        ``check_every`` seconds for what is due."""
        self._checks = checks
        if self._thread is None:
            self._started_at = self.clock()
            self._thread = threading.Thread(
                target=self._loop, name="flowin-notifications", daemon=True
            )
            self._thread.start()
        if bus is not None and self._unsubscribe is None:
            self._unsubscribe = bus.subscribe(self.take_events)

    def stop(self, timeout: float = 5.0) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        thread, self._thread = self._thread, None
        if thread is not None:
            self._work.put(None)
            thread.join(timeout)
        self.sender.close()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until everything handed over so far is done; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    # What the app reads and changes.

    def list(
        self, unread_only: bool = False, limit: int = 100, flow_id: str | None = None
    ) -> list[Notification]:
        """The bell's rows, newest first."""
        return self.records.list(unread_only=unread_only, limit=limit, flow_id=flow_id)

    def unread_count(self) -> int:
        return self.records.unread_count()

    def mark_read(self, ids: Iterable[str]) -> None:
        for row in self.records.mark_read(list(ids)):
            self._tell(row)

    def mark_all_read(self) -> None:
        self.records.mark_all_read()

    def rules(self) -> Rules:
        # Until the owner sets notifications, they speak the language chosen for Flowin.
        default = Rule(language="ar" if self.store.language() == "ar" else "en")
        flows: dict[str, Rule] = {}
        for scope, kept in self.records.rules().items():
            try:
                rule = Rule.model_validate(kept)
            except ValidationError as error:
                log.warning("A notification rule could not be read (%s); using the defaults", error)
                continue
            if scope is None:
                default = rule
            else:
                flows[scope] = rule
        return Rules(default, flows)

    def rule_for(self, flow_id: str | None) -> Rule:
        return self.rules().for_flow(flow_id)

    def set_rule(self, flow_id: str | None, rule: Rule | None) -> None:
        """The global rule (``flow_id`` None) or a flow's own; None for a flow goes back to
        the global rule (for the global rule, to the defaults)."""
        self.records.set_rule(flow_id, None if rule is None else rule.model_dump(mode="json"))

    def test_channel(self, channel: Channel, language: str = "en") -> ChannelResult:
        """Send a test message now (quiet hours or not); says what happened in a sentence."""
        if channel.kind == ChannelKind.IN_APP:
            return ChannelResult(True, "The app shows notifications in its bell.")
        try:
            self.sender.send(
                channel,
                words.say(language, words.TEST_TITLE),
                words.say(language, words.TEST),
                language=language,
            )
        except ChannelFailed as error:
            return ChannelResult(False, str(error))
        except Exception as error:  # a test must answer, whatever went wrong
            log.exception("The test notification by %s failed", channel.kind.value)
            return ChannelResult(False, f"The message could not be sent ({type(error).__name__}).")
        return ChannelResult(True, f"Sent by {words.CHANNEL_NAMES[channel.kind.value]}.")

    def subscribe(self, callback: Listener) -> Callable[[], None]:
        """Call ``callback(row)`` each time a row is added or changes (on the notifier's thread,
        or the thread that added it); returns a function that unsubscribes."""
        self._listeners = [*self._listeners, callback]

        def unsubscribe() -> None:
            self._listeners = [c for c in self._listeners if c is not callback]

        return unsubscribe

    def on_failed_run(self, callback: Callable[[FailedRun], None]) -> Callable[[], None]:
        """Call ``callback(failed)`` for every failed run (whatever the rules say)."""
        self._failure_listeners = [*self._failure_listeners, callback]

        def unsubscribe() -> None:
            self._failure_listeners = [c for c in self._failure_listeners if c is not callback]

        return unsubscribe

    # What the app and the runtime add themselves.

    def add(
        self,
        kind: str,
        title: str,
        text: str,
        *,
        flow_id: str | None = None,
        execution_id: str | None = None,
        data: dict[str, Any] | None = None,
        bundle_key: str | None = None,
        bundle_for: timedelta | None = None,
        send: bool = True,
    ) -> Notification:
        """Add a row (bundled into the row with the same ``bundle_key`` from within
        ``bundle_for``), and send it over the rule's channels unless ``send`` is False; it is
        not urgent, so quiet hours hold it."""
        now = self.clock()
        rule = self.rule_for(flow_id)
        row = self.records.add(
            new_notification(
                kind,
                title,
                text,
                at=now,
                flow_id=flow_id,
                execution_id=execution_id,
                data=data or {},
                bundle_key=bundle_key,
                read=not rule.in_app,
            ),
            bundle_since=(now - bundle_for) if bundle_for is not None else None,
        )
        self._tell(row)
        if send and row.count == 1:
            self._deliver(rule, row, title, text, urgent=False, now=now)
        return row

    def waiting_events(
        self, count: int, flow_id: str | None = None, flow_name: str | None = None
    ) -> Notification:
        """Events waited in the cloud account for this computer (the relay found a backlog),
        for one flow when known."""
        language = self.rule_for(flow_id).language
        if flow_name:
            text = words.say(language, words.WAITING, count=count, flow=flow_name)
        else:
            text = words.say(language, words.WAITING_ANY, count=count)
        return self.add(
            Kind.WAITING_EVENTS,
            words.say(language, words.WAITING_TITLE),
            text,
            flow_id=flow_id,
            data={"count": count},
            bundle_key=f"{Kind.WAITING_EVENTS}:{flow_id or ''}",
            bundle_for=timedelta(hours=1),
        )

    def later(self, work: Callable[[], Any]) -> None:
        """Do ``work`` on the notifier's thread (for a caller that must not wait, such as the
        relay's event loop)."""

        def run() -> None:
            work()

        self._submit(run)

    def sync_conflict(self, flow_id: str, flow_name: str) -> Notification:
        """A flow changed both here and in the cloud: the user chooses which to keep."""
        language = self.rule_for(flow_id).language
        return self.add(
            Kind.SYNC_CONFLICT,
            words.say(language, words.CONFLICT_TITLE, flow=flow_name),
            words.say(language, words.CONFLICT, flow=flow_name),
            flow_id=flow_id,
            bundle_key=f"{Kind.SYNC_CONFLICT}:{flow_id}",
            bundle_for=timedelta(days=1),
        )

    # The runs.

    def run_ended(self, result: ExecutionResult, flow_name: str | None = None) -> None:
        """A run ended (the runtime calls it on the thread that ended the run, so it only
        notes it: the rest happens on the notifier's thread). A success is news only for a
        flow that was failing, which is known without reading the database: a busy webhook
        flow's runs cost a set lookup here."""
        if not self._worth_telling(result.flow_id, result.status):
            return
        event = ExecutionFinished(
            result.execution_id,
            result.flow_id,
            result.status,
            result.finished_at,
            result.duration,
            result.error,
            result.failed_node,
            None,
            result.failed_problem,
        )
        self._submit(lambda: self.run_finished(event, flow_name))

    def ended_elsewhere(self, event: ExecutionFinished, flow_name: str | None = None) -> None:
        """A run made elsewhere (in the cloud account) that this computer copied into its
        history: told as a run made here is."""
        if self._worth_telling(event.flow_id, event.status):
            self._submit(lambda: self.run_finished(event, flow_name, "cloud"))

    def take_events(self, events: Sequence[Event]) -> None:
        """As a subscriber of an event bus (a runner other than the runtime's): note names,
        hand finished runs to the notifier's thread."""
        for event in events:
            if isinstance(event, ExecutionStarted):
                self._names[event.execution_id] = event.flow_name
                self._modes[event.execution_id] = event.mode
            elif isinstance(event, ExecutionFinished):
                name = self._names.pop(event.execution_id, None)
                mode = self._modes.pop(event.execution_id, "")
                if self._worth_telling(event.flow_id, event.status):
                    self._submit(lambda e=event, n=name, m=mode: self.run_finished(e, n, m))

    def _worth_telling(self, flow_id: str, status: ExecutionStatus) -> bool:
        failing = self._failing_flows()
        if status == ExecutionStatus.FAILED:
            failing.add(flow_id)  # now, so a success right after it is seen as a recovery
            return True
        return status == ExecutionStatus.SUCCESS and flow_id in failing

    def _failing_flows(self) -> set[str]:
        with self._failing_lock:
            if self._failing is None:
                self._failing = set(self.records.failing_flows())
            return self._failing

    def run_finished(
        self, event: ExecutionFinished, flow_name: str | None = None, mode: str = ""
    ) -> None:
        """Tell of a finished run as the rules say (the notifier's thread calls it)."""
        flow = self._flow(event.flow_id)
        name = flow_name or (flow.name if flow is not None else event.flow_id)
        if event.status == ExecutionStatus.FAILED:
            self._failed(event, name, flow, mode)
        elif event.status == ExecutionStatus.SUCCESS:
            self._succeeded(event, name)

    def _failed(self, event: ExecutionFinished, name: str, flow: Flow | None, mode: str) -> None:
        now = self.clock()
        state = self.records.flow_state(event.flow_id)
        failing_since = state.failing_since or now
        self.records.update_flow_state(
            event.flow_id, failures=state.failures + 1, failing_since=failing_since
        )
        number = _step_number(flow, event.failed_node)
        reason = event.error or "The run failed."
        failed = FailedRun(
            event.flow_id, name, event.execution_id, reason, now, event.failed_node, number, mode
        )
        for listener in self._failure_listeners:
            try:
                listener(failed)
            except Exception:
                log.exception("A listener to failed runs failed")
        rule = self.rule_for(event.flow_id)
        if not rule.events.failure:
            return
        problem = (
            {"template": event.failed_problem.template, "args": dict(event.failed_problem.args)}
            if event.failed_problem is not None
            else None
        )
        failure = words.Failure(
            event.flow_id, name, event.execution_id, reason, event.failed_node, number, problem
        )
        key = f"{Kind.FAILURE}:{event.flow_id}:{event.failed_node or ''}:" + (
            problem["template"] if problem is not None else reason
        )
        since = max(now - timedelta(minutes=rule.bundle_minutes), failing_since)
        earlier = self.records.find(key, since)
        count = 1 if earlier is None else earlier.count + 1
        first_at = now if earlier is None else earlier.first_at
        language = rule.language
        text = failure.text(language, count, words.clock_time(first_at, rule.zone))
        title = words.say(language, words.FAILED_TITLE, flow=name)
        row = self.records.add(
            new_notification(
                Kind.FAILURE,
                title,
                text,
                at=now,
                flow_id=event.flow_id,
                execution_id=event.execution_id,
                step=event.failed_node,
                problem=problem,
                data=_run_data(event.execution_id, number),
                bundle_key=key,
                read=not rule.in_app,
            ),
            bundle_since=since,
        )
        self._tell(row)
        if row.count == 1:
            self._deliver(
                rule,
                row,
                title,
                _with_fix(language, text, event.execution_id),
                urgent=rule.failures_urgent,
                now=now,
            )
            self._mark_told(row, now)

    def _succeeded(self, event: ExecutionFinished, name: str) -> None:
        state = self.records.flow_state(event.flow_id)
        if state.failures == 0:
            return
        now = self.clock()
        self.records.update_flow_state(event.flow_id, failures=0, failing_since=None)
        self._failing_flows().discard(event.flow_id)
        rule = self.rule_for(event.flow_id)
        if not rule.events.recovery:
            return
        language = rule.language
        since = state.failing_since or now
        self.add(
            Kind.RECOVERY,
            words.say(language, words.RECOVERED_TITLE, flow=name),
            words.say(
                language,
                words.RECOVERED if state.failures > 1 else words.RECOVERED_AFTER_ONE,
                flow=name,
                time=words.clock_time(now, rule.zone),
                count=state.failures,
                since=words.clock_time(since, rule.zone),
            ),
            flow_id=event.flow_id,
            execution_id=event.execution_id,
            data=_run_data(event.execution_id, None),
        )

    # The periodic check.

    def check(self, now: datetime | None = None) -> None:
        """Send what is due now: bundled repeats, digests of quiet hours that ended, daily
        summaries, silences."""
        moment = now or self.clock()
        rules = self.rules()
        for step in (self._tell_repeats, self._send_digests, self._summaries_and_silences):
            try:
                step(moment, rules)
            except Exception:
                log.exception("Could not check the notifications (%s)", step.__name__)
        if self._last_prune is None or moment - self._last_prune > timedelta(days=1):
            self._last_prune = moment
            try:
                self.records.prune(moment)
            except Exception:
                log.exception("Could not remove old notifications")

    def _tell_repeats(self, now: datetime, rules: Rules) -> None:
        """A failure that repeated since it was sent: one message with the count, at most
        once per bundling window."""
        for row in self.records.untold(Kind.FAILURE):
            rule = rules.for_flow(row.flow_id)
            told_at = _moment(row.data.get("told_at")) or row.first_at
            if now - told_at < timedelta(minutes=rule.bundle_minutes):
                continue
            if row.execution_id is None:
                continue
            self._deliver(
                rule,
                row,
                row.title,
                _with_fix(rule.language, row.text, row.execution_id),
                urgent=rule.failures_urgent,
                now=now,
            )
            self._mark_told(row, now)

    def _send_digests(self, now: datetime, rules: Rules) -> None:
        held = self.records.held(due_by=now)
        groups: dict[tuple[str, str], list[Any]] = {}
        for item in held:
            channel = Channel.model_validate(item.channel)
            groups.setdefault((channel.key, item.language), []).append((channel, item))
        for (_, language), items in groups.items():
            channel = items[0][0]
            lines = [f"• {item.notification.text}" for _, item in items]
            text = "\n".join([words.say(language, words.DIGEST_INTRO, count=len(lines)), *lines])
            # Taken out first: a channel that fails is told of once, not again every check.
            self.records.release([item.id for _, item in items])
            self._send(channel, language, words.say(language, words.DIGEST_TITLE), text)

    def _summaries_and_silences(self, now: datetime, rules: Rules) -> None:
        active = self.store.flows.active_versions()
        if not active:
            return
        last_runs: dict[str, datetime] | None = None
        for flow_id in active:
            rule = rules.for_flow(flow_id)
            events = rule.events
            if not events.daily_summary and events.silence_hours is None:
                continue
            flow = self._flow(flow_id)
            if flow is None:
                continue
            if events.daily_summary:
                self._daily_summary(flow, rule, now)
            if events.silence_hours is not None and self._should_run(flow):
                if last_runs is None:
                    last_runs = self.records.last_run_at(list(active))
                self._silence(flow, rule, events.silence_hours, last_runs.get(flow_id), now)

    def _daily_summary(self, flow: Flow, rule: Rule, now: datetime) -> None:
        zone = ZoneInfo(rule.zone)
        local = now.astimezone(zone)
        if local.time() < rule.summary_at:
            return
        today = local.date().isoformat()
        state = self.records.flow_state(flow.id)
        if state.summary_day == today:
            return
        self.records.update_flow_state(flow.id, summary_day=today)
        midnight = datetime.combine(local.date(), datetime.min.time(), tzinfo=zone)
        counts = self.records.run_counts(flow.id, midnight.astimezone(UTC), now)
        if counts.total == 0:
            return  # the silence, if asked for, says so
        language = rule.language
        if counts.failed:
            text = words.say(
                language,
                words.SUMMARY_SOME_FAILED,
                flow=flow.name,
                count=counts.total,
                failed=counts.failed,
            )
        else:
            text = words.say(language, words.SUMMARY_ALL_FINE, flow=flow.name, count=counts.total)
        self.add(
            Kind.SUMMARY,
            words.say(language, words.SUMMARY_TITLE, flow=flow.name),
            text,
            flow_id=flow.id,
            data={"runs": counts.total, "failed": counts.failed, "day": today},
        )

    def _silence(
        self, flow: Flow, rule: Rule, hours: int, last_run: datetime | None, now: datetime
    ) -> None:
        # Not run yet: counted from when it was switched on or changed, or Flowin started.
        since = max(d for d in (last_run, flow.updated_at, self._started_at) if d is not None)
        if now - since < timedelta(hours=hours):
            return
        state = self.records.flow_state(flow.id)
        if state.silence_told_at is not None and state.silence_told_at >= since:
            return  # told already; told again after it runs and falls silent again
        self.records.update_flow_state(flow.id, silence_told_at=now)
        language = rule.language
        self.add(
            Kind.SILENCE,
            words.say(language, words.SILENCE_TITLE, flow=flow.name),
            words.say(language, words.SILENCE, flow=flow.name, hours=hours),
            flow_id=flow.id,
            data={"hours": hours},
        )

    def _should_run(self, flow: Flow) -> bool:
        """A flow started by something outside (a schedule, a webhook, new items), not by
        hand or by another flow's failure."""
        from ..registry import TriggerKind

        if self.registry is None:
            return True
        for node in flow.nodes:
            try:
                node_type = self.registry.get(node.type)
            except Exception:
                continue
            if node_type.is_trigger:
                return node_type.trigger_kind in (
                    TriggerKind.SCHEDULE,
                    TriggerKind.WEBHOOK,
                    TriggerKind.POLLING,
                )
        return False

    # Sending.

    def _deliver(
        self, rule: Rule, row: Notification, subject: str, text: str, *, urgent: bool, now: datetime
    ) -> None:
        quiet = rule.quiet_hours
        for channel in rule.outside:
            if not urgent and quiet is not None and quiet.holds(now):
                self.records.hold(
                    row.id,
                    channel.model_dump(mode="json"),
                    rule.language,
                    now,
                    quiet.end_after(now),
                )
                continue
            self._send(channel, rule.language, subject, text, str(row.data.get("link") or ""))

    def _send(
        self, channel: Channel, language: str, subject: str, text: str, link: str = ""
    ) -> bool:
        """Send; a channel that fails is told of in the app (once a day at most), never
        raised: a notification must not break the run it tells of."""
        try:
            self.sender.send(channel, subject, text, link, language)
            return True
        except ChannelFailed as error:
            reason = str(error)
        except Exception as error:
            log.exception("Sending a notification by %s crashed", channel.kind.value)
            reason = f"An unexpected problem stopped it ({type(error).__name__})."
        log.warning("A notification by %s could not be sent: %s", channel.kind.value, reason)
        self._channel_broken(channel, reason)
        return False

    def _channel_broken(self, channel: Channel, reason: str) -> None:
        language = self.rule_for(None).language
        name = words.channel_name(language, channel.kind.value)
        now = self.clock()
        try:
            row = self.records.add(
                new_notification(
                    Kind.CHANNEL_FAILED,
                    words.say(language, words.CHANNEL_BROKEN_TITLE, channel=name),
                    words.say(language, words.CHANNEL_BROKEN, channel=name, reason=reason),
                    at=now,
                    data={"channel": channel.kind.value, "connection_id": channel.connection_id},
                    bundle_key=f"{Kind.CHANNEL_FAILED}:{channel.key}",
                ),
                bundle_since=now - BROKEN_CHANNEL_WINDOW,
            )
        except Exception:
            log.exception("Could not note that a notification channel failed")
            return
        self._tell(row)

    def _mark_told(self, row: Notification, now: datetime) -> None:
        self.records.set_told(row.id, row.count, {**row.data, "told_at": now.isoformat()})

    # Plumbing.

    def _tell(self, row: Notification) -> None:
        for listener in self._listeners:
            try:
                listener(row)
            except Exception:
                log.exception("A notification subscriber failed")

    def _flow(self, flow_id: str) -> Flow | None:
        try:
            return self.store.flows.get(flow_id)
        except Exception:
            return None

    def _submit(self, work: Callable[[], None]) -> None:
        if self._thread is None:
            self._safely(work)
            return
        with self._idle:
            self._pending += 1
        self._work.put(work)

    def _loop(self) -> None:
        next_check = monotonic() + self.check_every
        while True:
            try:
                work = self._work.get(timeout=max(0.0, next_check - monotonic()))
            except queue.Empty:
                if self._checks:
                    self._safely(self.check)
                next_check = monotonic() + self.check_every
                continue
            if work is None:
                return
            self._safely(work)
            with self._idle:
                self._pending -= 1
                if self._pending == 0:
                    self._idle.notify_all()

    @staticmethod
    def _safely(work: Callable[[], None]) -> None:
        try:
            work()
        except Exception:
            log.exception("A notification could not be handled")


def _step_number(flow: Flow | None, step: str | None) -> int | None:
    """The failed step's place in the flow, counting the trigger as step 1."""
    if flow is None or step is None:
        return None
    for index, node in enumerate(flow.nodes, start=1):
        if node.name == step:
            return index
    return None


def _run_data(execution_id: str, step_number: int | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "link": words.RUN_LINK.format(execution_id=execution_id),
        "command": words.RUN_COMMAND.format(execution_id=execution_id),
    }
    if step_number is not None:
        data["step_number"] = step_number
    return data


def _with_fix(language: str, text: str, execution_id: str) -> str:
    return f"{text}\n\n{words.how_to_fix(language, execution_id)}"


def _moment(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None
