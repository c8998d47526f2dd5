"""The runtime: keeps active flows listening, ticking and polling, and runs what they receive.

One runtime serves ``flowin serve`` and the desktop app. Every incoming event is written to
the inbox before it is acknowledged, and executions are taken from there, so an event accepted
before a crash still runs after the restart, exactly once.

Executions are started by one thread (``flowin-starter``): it takes everything ready to start
at that moment (accepted events within the limits, and webhook callers waiting for an answer)
and records them as begun in one transaction, so neither the web server's event loop nor the
inbox writer ever waits for the history.

A webhook flow whose steps all run inline (``FlowPlan.inline``) takes a shorter way: the
listener's event loop runs it (``answer_inline``, ``run_accepted_inline``) and the hot path's
writer (``store/_hot.py``) commits the run and its steps in one transaction, in a group with
others. A "respond when done" caller is answered once its run is committed; an accepted event
(202 after it is committed) is run right after its answer and, until its run is committed,
stays in the inbox as not started, so a kill -9 in between runs it once at the next start.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
from collections import Counter, deque
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from time import monotonic
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from ..cloud_run import cloud_run_flows
from ..errors import FlowinError, NotFound
from ..events import ExecutionFinished, ExecutionStarted, ExecutionStatus
from ..model import Flow
from ..notifications import FailedRun, Notifier
from ..polling import PollContext
from ..registry import NodeType, TriggerKind
from ..run_ids import new_run_id, short_id
from ..runner import ExecutionHandle, ExecutionResult, FlowPlan, Start, Waiting
from ..store._executions import finished_run_statements
from ..store._hot import HotWriter, Job
from ..validation import validate_flow
from ..webhooks import WebhookReply
from ._inbox import Inbox, InboxEvent
from ._listener import WEBHOOK_PREFIX, WebhookListener
from ._lock import DataFolderLock
from ._relay import Relay
from ._run_log import RunLog
from ._schedules import missed_since, schedule_trigger

if TYPE_CHECKING:
    from apscheduler.schedulers.background import BackgroundScheduler

    from ..data_folder import DataFolder
    from ..store import Store
    from ..sync import Account

log = logging.getLogger("flowin.runtime")

RESPOND_TYPE = "webhook.respond"
ON_FAILURE_TYPE = "core.on_failure"
ON_FAILURE_SOURCE = "on_failure"
# What the history says of a run Flowin itself could not start: kept here whole, so that an app
# can recognise them in the history and show them in its user's language.
RETRY_LATER_ERROR = "Flowin could not start this run; it can be retried later."
NESTED_TOO_DEEPLY_ERROR = (
    "Flowin could not start this run because its data is nested too deeply to be read."
)
UNEXPECTED_START_ERROR = (
    "Flowin could not start this run because of an unexpected problem ({kind}); "
    "details are in the log."
)


class WebhooksUnavailable(FlowinError):
    """Webhooks can't listen: another program (or another Flowin) has the port, say."""

    def __init__(self, host: str, port: int, reason: str) -> None:
        super().__init__(f"Webhooks can't listen on {host}:{port} ({reason}).")
        self.host = host
        self.port = port
        self.reason = reason


@dataclass
class RuntimeSettings:
    host: str = "127.0.0.1"
    port: int = 5678
    public_url: str | None = None  # the address a tunnel exposes, for signatures and display
    workers: int = 8
    max_running: int = 32  # executions at once, all flows together
    max_queued: int = 10_000  # accepted and waiting; past this, webhooks get 429
    max_body: int = 16 * 2**20
    sync_interval: float = 2.0  # how often edits made elsewhere are picked up
    default_poll_interval: float = 60.0
    # `flowin serve --processes N` runs N runtimes on one database and one port: each listens
    # with SO_REUSEPORT, the supervisor holds the data folder's lock for them all, and one of
    # them keeps the timers (schedules, polling, the daily backup) and the cloud relay's
    # connection, so that each fires once.
    keeps_timers: bool = True
    reuse_port: bool = False
    locks_folder: bool = True


@dataclass
class ActiveFlow:
    flow: Flow
    version: tuple[str, int]
    trigger: Any  # the trigger Node
    node_type: NodeType
    params: BaseModel
    path: str | None = None
    jobs: list[str] = field(default_factory=list)
    # A webhook flow whose steps all run inline: its plan, and the saved version it is.
    plan: FlowPlan | None = None
    saved_version: int | None = None


class Runtime:
    """Runs a data folder's active flows; ``settings`` default to the ones saved in it.

    While ``account`` (default: the folder's) is signed in to a cloud account, ``relay``
    receives the webhooks sent to the triggers' public addresses (see ``_relay``).
    """

    def __init__(
        self,
        folder: DataFolder,
        settings: RuntimeSettings | None = None,
        *,
        account: Account | None = None,
    ) -> None:
        store = folder.store
        self.store = store
        self.settings = settings or folder.settings()
        self.registry = folder.registry
        self.connections = folder.connections
        self.runner = folder.runner(workers=self.settings.workers)
        self._weekly_report: Any = None  # insights_report.WeeklyReport, made on first check
        database = store._database
        # The webhook path's writes, committed in groups at the driver (a SQLite file only).
        self.hot: HotWriter | None = (
            HotWriter(database, self._committed)
            if database.is_sqlite and database.path is not None
            else None
        )
        self.inbox = Inbox(store, self._accepted, self.hot)
        self.listener = WebhookListener(
            self,
            self.settings.host,
            self.settings.port,
            self.settings.max_body,
            reuse_port=self.settings.reuse_port,
        )
        self._scheduler: BackgroundScheduler | None = None  # see the scheduler property
        self._timers_run = False  # between start and stop, the scheduler runs its jobs
        self._lock = threading.RLock()
        self._active: dict[str, ActiveFlow] = {}
        self._routes: dict[str, ActiveFlow] = {}
        self._queue: deque[InboxEvent] = deque()
        self._callers: deque[tuple[Flow, Any, str, str, Future[ExecutionResult]]] = deque()
        self._poke = threading.Event()  # something may be ready to start
        self._starter: threading.Thread | None = None
        self._running: Counter[str] = Counter()
        self._handles: dict[str, ExecutionHandle] = {}
        self._stopping = threading.Event()
        self._sync_thread: threading.Thread | None = None
        self.problems: dict[str, str] = {}  # flow id → why it can't be switched on
        self.listen_error: str | None = None
        self.listen_failure: WebhooksUnavailable | None = None  # the facts of listen_error
        self._folder_lock = DataFolderLock(store.path)
        self._stopped = False
        self.account = account if account is not None else folder.account()
        self.relay = Relay(self, lambda: self.account)
        # The bell's rows and the messages sent when runs fail (see flowin_engine.notifications).
        self.notifications = Notifier(
            store,
            registry=self.registry,
            connections=self.connections,
            cloud_mailer=self._mail_through_account,
        )
        self.notifications.on_failed_run(self._another_flow_failed)
        self._relay_waiting: int | None = None
        self.relay.subscribe(self._relay_changed)
        self.run_log = RunLog(log, self._name)

    # Life cycle.

    def start(self, *, webhooks_required: bool = False) -> None:
        """Run the active flows until ``stop``.

        Raises AlreadyRunning when another Flowin runs this data folder; with
        ``webhooks_required``, WebhooksUnavailable when webhooks can't listen on the port
        (otherwise that is kept in ``listen_error`` and schedules and polling run anyway).
        """
        if self.settings.locks_folder:
            self._folder_lock.acquire()
        self._stopped = False
        try:
            self._start(webhooks_required)
        except BaseException:
            self.stop(grace=0)
            raise

    def _start(self, webhooks_required: bool) -> None:
        if self.settings.keeps_timers:
            self.store.back_up_daily()
        interrupted = self.store.executions.mark_interrupted()
        if interrupted:
            log.warning(
                "%d run(s) were cut short when Flowin last stopped; "
                "'flowin executions list --status interrupted' shows them.",
                interrupted,
            )
        self.store.inbox.forget_started()
        # Read before the listener, schedules and polling can accept anything new: an event
        # accepted from here on is handed to the starter by the inbox itself, and reading it
        # here as well would run it twice. Events of another live process are its own.
        backlog = self.store.inbox.adopt_unstarted()
        pruned = self.store.executions.prune()
        if pruned:
            log.info("Removed %d run(s) older than the history retention setting", pruned)
        try:
            self.listener.start()
        except OSError as error:
            failure = WebhooksUnavailable(
                self.settings.host, self.settings.port, error.strerror or str(error)
            )
            if webhooks_required:
                raise failure from None
            # Another program has the port: schedules and polling still run.
            self.listen_failure = failure
            self.listen_error = f"{failure} Flows that don't start from a webhook still run."
            log.error(self.listen_error)
        self._starter = threading.Thread(
            target=self._start_loop, name="flowin-starter", daemon=True
        )
        self._starter.start()
        # Before the backlog runs, so its failures are told too; the periodic checks (digests,
        # summaries, silences) in the one process that keeps the timers.
        self.notifications.start(checks=self.settings.keeps_timers)
        if backlog:
            log.info("Running %d event(s) accepted before the last stop", len(backlog))
            self._accepted(backlog)
        with self._lock:
            self._timers_run = True
            if self._scheduler is not None:  # a flow switched on before the start
                self._scheduler.start()
        self.sync()
        self._resume_parked()
        if self.settings.keeps_timers:  # one connection to the cloud's relay per computer
            self.relay.start(self.listener.loop)
        self._sync_thread = threading.Thread(
            target=self._sync_loop, name="flowin-sync", daemon=True
        )
        self._sync_thread.start()

    def stop(self, grace: float = 10.0) -> int:
        """Stop taking events, let running steps finish for ``grace`` seconds, then stop.

        Returns within about ``grace`` seconds. Runs that end meanwhile are recorded as they
        end. Runs still going then are recorded ``interrupted``, as after a crash, so
        ``flowin executions retry`` carries on from where they were; a step still running is
        left behind unrecorded (its thread ends on its own: a process may exit without it).
        Runs waiting in a long Delay stay parked and carry on at the next start; accepted
        events that had not started stay in the inbox. Returns how many runs were interrupted.
        """
        if self._stopped:
            return 0
        self._stopped = True
        deadline = monotonic() + grace

        def left() -> float:
            return max(0.0, deadline - monotonic())

        self._stopping.set()
        self.relay.stop(timeout=min(left(), 5.0))
        self.listener.stop(timeout=left())
        with self._lock:
            self._timers_run = False
            if self._scheduler is not None and self._scheduler.running:
                self._scheduler.shutdown(wait=False)
        self.inbox.close()
        if self.hot is not None:
            self.hot.close()  # what runs done inline left to write is written now
        self._poke.set()
        if self._starter is not None:
            self._starter.join(timeout=left() + 1)
        with self._lock:
            handles = list(self._handles.values())
        for handle in handles:
            try:
                handle.wait(left())
            except TimeoutError:
                break
        parked = {p.execution_id for p in self.store.executions.parked()}
        interrupted = self.runner.interrupt(keep=parked)
        if interrupted:
            # What those runs did before is written first, then they are marked.
            self.runner.events.flush()
            self.store.executions.mark_interrupted(interrupted)
            log.warning(
                "%d run(s) were still going and are marked interrupted; "
                "'flowin executions retry ID' carries on with one from where it stopped.",
                len(interrupted),
            )
        self.run_log.close()
        self.runner.shutdown(wait=False)
        self.notifications.stop(timeout=min(left() + 1, 5.0))
        self._queue.clear()
        self._folder_lock.release()
        return len(interrupted)

    @property
    def scheduler(self) -> BackgroundScheduler:
        """APScheduler, made with the first job it is given (a schedule, a polling trigger, a
        long Delay to wait out): a runtime with only webhook or hand-started flows on, as the
        desktop's example, leaves it unloaded (a few MB of the app's idle memory)."""
        with self._lock:
            if self._scheduler is None:
                from apscheduler.schedulers.background import BackgroundScheduler

                self._scheduler = BackgroundScheduler(timezone=UTC)
                if self._timers_run:
                    self._scheduler.start()
            return self._scheduler

    @property
    def address(self) -> str:
        return f"http://{self.settings.host}:{self.listener.port}"

    # Which flows are on.

    def sync(self) -> None:
        """Switch on active flows, switch off the others, and pick up edits to active ones.
        A flow that runs in the cloud stays off here: its triggers are the cloud's."""
        in_cloud = cloud_run_flows(self.store)
        wanted = {
            flow_id: version
            for flow_id, version in self.store.flows.active_versions().items()
            if flow_id not in in_cloud
        }
        with self._lock:
            current = {fid: active.version[1] for fid, active in self._active.items()}
        for flow_id in set(current) - set(wanted):
            self.deactivate(flow_id)
        for flow_id, version in wanted.items():
            if current.get(flow_id) != version:
                self.activate(flow_id)

    def activate(self, flow_id: str) -> None:
        self.deactivate(flow_id)
        try:
            flow = self.store.flows.get(flow_id)
            active = self._prepare(flow)
        except FlowinError as error:
            self.problems[flow_id] = str(error)
            log.error("Flow %s can't be switched on: %s", flow_id, error)
            return
        self.problems.pop(flow_id, None)
        with self._lock:
            self._active[flow_id] = active
            if active.path is not None:
                self._routes[active.path] = active
        self.relay.hooks_changed()
        kind = active.node_type.trigger_kind
        if not self.settings.keeps_timers:
            pass  # the process that keeps the timers ticks and polls for this flow
        elif kind == TriggerKind.SCHEDULE:
            self._schedule(active)
        elif kind == TriggerKind.POLLING:
            self._start_polling(active)
        where = f" at {self.address}{active.path}" if active.path else ""
        log.info("Switched on '%s'%s", flow.name, where)

    def deactivate(self, flow_id: str) -> None:
        with self._lock:
            active = self._active.pop(flow_id, None)
            if active is None:
                return
            if active.path is not None:
                self._routes.pop(active.path, None)
        self.relay.hooks_changed()
        if active.jobs:
            from apscheduler.jobstores.base import JobLookupError
        for job in active.jobs:
            with contextlib.suppress(JobLookupError):
                self.scheduler.remove_job(job)
        log.info("Switched off '%s'", active.flow.name)

    def _prepare(self, flow: Flow) -> ActiveFlow:
        problems = validate_flow(flow, self.registry)
        if problems:
            raise FlowinError("; ".join(str(p) for p in problems))
        trigger = next(n for n in flow.nodes if self.registry.get(n.type).is_trigger)
        node_type = self.registry.get(trigger.type)
        try:
            params = node_type.input_model.model_validate(trigger.params)
        except ValidationError as error:
            raise FlowinError(
                f"The trigger '{trigger.name}' is not set up right: {error}"
            ) from None
        saved = self._saved_version(flow.id)
        active = ActiveFlow(flow, (flow.id, saved), trigger, node_type, params)
        if node_type.trigger_kind == TriggerKind.WEBHOOK:
            active.path = self.webhook_path(flow.id, trigger.id, getattr(params, "path", ""))
            plan = self.runner.plan(flow)
            if plan.inline and self.hot is not None:
                active.plan = plan
                active.saved_version = self.store.executions.version_of(flow)
        return active

    def _saved_version(self, flow_id: str) -> int:
        try:
            return self.store.flows.current_version(flow_id)
        except NotFound:
            return 0

    def _sync_loop(self) -> None:
        while not self._stopping.wait(self.settings.sync_interval):
            try:
                self.sync()
            except Exception:
                log.exception("Could not check for changed flows")
            if self.settings.keeps_timers:
                self.store.back_up_daily()  # a file check only, until the day changes
                self._send_weekly_report()

    def _send_weekly_report(self) -> None:
        """Send the insights report through the notification channels when the week's is due
        (a setting read, until it is)."""
        try:
            if self._weekly_report is None:
                from ..insights_report import WeeklyReport

                self._weekly_report = WeeklyReport(
                    self.store, self.notifications, lambda: self.connections
                )
            self._weekly_report.check()
        except Exception:
            log.exception("Could not check whether the weekly report is due")

    # Webhooks.

    def webhook_path(self, flow_id: str, node_id: str, custom: str = "") -> str:
        """The flow's own address: a random, unguessable token kept in the database."""
        return webhook_path(self.store, flow_id, node_id, custom)

    def webhook_address(self, flow_id: str, node_id: str, custom: str = "") -> WebhookAddress:
        """Where the trigger ``node_id`` of ``flow_id`` is called, on the port this runtime's
        listener answers on (the real one when any free port was asked for)."""
        return webhook_address(
            self.store,
            flow_id,
            node_id,
            custom,
            host=self.settings.host,
            port=self.listener.port,
            public_url=self.settings.public_url,
        )

    def webhook_url(self, flow_id: str) -> str | None:
        with self._lock:
            active = self._active.get(flow_id)
        if active is None or active.path is None:
            return None
        base = self.settings.public_url or self.address
        return base.rstrip("/") + active.path

    def route(self, path: str) -> ActiveFlow | None:
        return self._routes.get(path.rstrip("/"))

    def active_trigger(self, flow_id: str, node_id: str) -> ActiveFlow | None:
        """The active flow ``flow_id`` when ``node_id`` is its trigger; None when the flow is
        off (paused, deleted) or starts from another trigger now."""
        with self._lock:
            active = self._active.get(flow_id)
        return active if active is not None and active.trigger.id == node_id else None

    def webhook_answer(self, flow: Flow, result: ExecutionResult) -> WebhookReply:
        """What a caller that waited for the flow gets back."""
        responders = [n.name for n in flow.nodes if n.type == RESPOND_TYPE]
        for name in responders:
            answer = result.outputs.get(name)
            if isinstance(answer, dict):
                return WebhookReply(
                    int(answer.get("status", 200)), answer.get("body"), answer.get("headers") or {}
                )
        if result.status != ExecutionStatus.SUCCESS:
            return WebhookReply(500, {"error": result.error, "execution_id": result.execution_id})
        last = next(reversed(result.outputs.values()), None) if result.outputs else None
        return WebhookReply(200, last)

    # Accepting and running events.

    def accepting(self) -> bool:
        return len(self._queue) < self.settings.max_queued

    def submit(
        self, flow_id: str, source: str, payload: Any, event_id: str | None = None
    ) -> InboxEvent:
        """Accept an event durably (returns once it is on disk); it runs as soon as it may,
        as the execution ``event_id`` when given."""
        return self.inbox.accept_now(flow_id, source, payload, event_id)

    def run_now(
        self, flow: Flow, payload: Any, source: str, execution_id: str | None = None
    ) -> Future[ExecutionResult]:
        """Run at once for a caller that waits for the answer (its own acknowledgement), as
        the execution ``execution_id`` when given (the cloud relay's event id).

        The future gives the result when the run ends, or the FlowinError it can't run for.
        """
        result: Future[ExecutionResult] = Future()
        run_id = execution_id or new_run_id()
        with self._lock:  # the starter answers whoever is left when it stops, under this lock
            stopping = self._stopping.is_set()
            if not stopping:
                self._callers.append((flow, payload, source, run_id, result))
        if stopping:
            result.set_exception(FlowinError("Flowin is stopping; try again shortly."))
        else:
            self._poke.set()
        return result

    # Webhook runs done inline, on the listener's event loop.

    def _reserve(self, flow_id: str) -> bool:
        """Take a place in the limits for a run done inline, if one is free now and nothing
        waits before it (a run waiting in the queue goes first, the ordinary way)."""
        with self._lock:
            if self._stopping.is_set() or self._queue:
                return False
            active = self._active.get(flow_id)
            if active is None or sum(self._running.values()) >= self.settings.max_running:
                return False
            limit = active.flow.settings.max_concurrency
            if limit is not None and self._running[flow_id] >= limit:
                return False
            self._running[flow_id] += 1
            return True

    def _run_inline(
        self, route: ActiveFlow, payload: Any, execution_id: str, source: str
    ) -> tuple[ExecutionHandle, list[Any] | None]:
        """Run a reserved inline run; with no events back, it went on in the pool (tracked)."""
        plan = route.plan
        assert plan is not None
        try:
            handle, events = self.runner.run_inline(
                plan, payload, mode=source, execution_id=execution_id
            )
        except BaseException:
            with self._lock:
                self._release(route.flow.id)
            raise
        if events is None:
            self._track(route.flow.id, handle, counted=True)
            return handle, None
        with self._lock:
            self._release(route.flow.id)
        return handle, events

    def _record_inline(
        self,
        route: ActiveFlow,
        handle: ExecutionHandle,
        events: list[Any],
        from_inbox: bool,
        loop: Any = None,
        future: Any = None,
        trigger_text: str | None = None,
        once: bool = False,
    ) -> None:
        version = route.saved_version
        failures_only = route.flow.settings.steps_of_failed_runs_only

        def build() -> list[tuple[str, tuple[Any, ...]]]:
            return finished_run_statements(
                events, version, from_inbox, failures_only, trigger_text, once
            )

        assert self.hot is not None
        self.hot.submit(
            Job(build, loop=loop, future=future, item=(route.flow.id, handle.wait(0), events))
        )

    async def answer_inline(
        self, route: ActiveFlow, payload: Any, execution_id: str | None = None
    ) -> WebhookReply | None:
        """Run a "respond when done" webhook flow on this event loop and answer once its run is
        written, as the execution ``execution_id`` when given (the cloud relay's event id);
        None when it can't run here now (the ordinary way then)."""
        import asyncio

        ran = await self._run_here(route, payload, execution_id or new_run_id())
        if ran is None:
            return None
        handle, _ = ran
        if handle.future.done():  # answered now, before the run's line and subscribers
            return self.webhook_answer(route.flow, handle.wait(0))
        result = await asyncio.wrap_future(handle.future)  # it went on in the pool
        return self.webhook_answer(route.flow, result)

    async def accept_inline(
        self, route: ActiveFlow, payload: Any, delivery_run_id: str | None = None
    ) -> tuple[str, bool] | None:
        """Take a "respond at once" webhook event of a flow that runs inline by running it
        here first: once its run is written, the event is as safe as the inbox would have kept
        it, with one write instead of two (the event, then its run) and no wait in between
        (steps done inline only reshape data in memory, so nothing left Flowin before the
        write). ``delivery_run_id``: the run id a vendor's delivery made; a run with that id
        written already (the same delivery, taken at once by another process) makes this one
        a repeat, and nothing of it is written. The run's id, to answer with, and whether it
        was a repeat; None when it can't run here now."""
        run_id = delivery_run_id or new_run_id()
        ran = await self._run_here(route, payload, run_id, once=delivery_run_id is not None)
        return None if ran is None else (run_id, ran[1])

    async def _run_here(
        self, route: ActiveFlow, payload: Any, run_id: str, once: bool = False
    ) -> tuple[ExecutionHandle, bool] | None:
        """Run a webhook run inline and return once it is written (with whether it was a
        repeat, see ``accept_inline``), or once its start is (when it went on in the pool);
        None when it can't run here now, or failed to (the ordinary way then)."""
        import asyncio

        if not self._reserve(route.flow.id):
            return None
        try:
            handle, events = self._run_inline(route, payload, run_id, "webhook")
        except Exception:
            # Flowin's own fault, not a step's (a step's error fails the run): the event must
            # not be lost to it, nor its caller get a 500 for it.
            log.exception("Could not run %s here; it runs the ordinary way", short_id(run_id))
            return None
        if events is None:
            return handle, False
        loop = asyncio.get_running_loop()
        written: asyncio.Future[bool] = loop.create_future()
        self._record_inline(route, handle, events, False, loop, written, once=once)
        return handle, await written

    def run_accepted_inline(self, route: ActiveFlow, event: InboxEvent) -> None:
        """Run an accepted event the inbox held for this (``accept_here``), here if it may,
        else the ordinary way. A stop leaves it in the inbox, for the next start."""
        if self._stopping.is_set():
            return
        if not self._reserve(route.flow.id):
            self._accepted([event])
            return
        try:
            handle, events = self._run_inline(route, event.payload, event.id, event.source)
        except Exception:
            log.exception(
                "Could not run event %s here; it runs the ordinary way", short_id(event.id)
            )
            self._accepted([event])
            return
        if events is not None:
            # The body's JSON made as the inbox wrote it is the run's trigger data too.
            self._record_inline(route, handle, events, True, trigger_text=event.history_text)

    def _committed(self, items: list[Any]) -> None:
        """After each group the hot path's writer committed (on its thread): accepted events go
        to the starter, runs done inline get their line in the log and reach the subscribers."""
        accepted = [item for item in items if isinstance(item, InboxEvent)]
        if accepted:
            self._accepted(accepted)
        runs = [item for item in items if not isinstance(item, InboxEvent)]
        if not runs:
            return
        self.run_log.ended([(flow_id, result) for flow_id, result, _ in runs])
        for flow_id, result, events in runs:
            self.notifications.run_ended(result, self._name(flow_id))
            self.runner.publish_recorded(events)

    def _accepted(self, events: Sequence[InboxEvent]) -> None:
        with self._lock:
            self._queue.extend(events)
        self._pump()

    def _pump(self) -> None:
        """Have the starter thread start whatever may start now."""
        self._poke.set()

    def _start_loop(self) -> None:
        while True:
            self._poke.wait()
            self._poke.clear()
            if self._stopping.is_set():
                break
            try:
                while self._start_ready():
                    pass
            except Exception:
                log.exception("Could not start runs; they stay accepted and run at the next start")
        with self._lock:
            callers, self._callers = list(self._callers), deque()
        for *_, result in callers:
            result.set_exception(FlowinError("Flowin is stopping; try again shortly."))

    def _start_ready(self) -> bool:
        """Start, in one batch, what may start now; returns whether anything was started."""
        callers, ready = self._take_ready()
        if not callers and not ready:
            return False
        # Every run has its id before it starts, so a batch that can't start can be started
        # again one by one without doubling anything.
        starts = [
            Start(flow, payload, source, run_id) for flow, payload, source, run_id, _ in callers
        ]
        starts += [Start(flow, e.payload, e.source, e.id) for e, flow in ready]
        try:
            try:
                outcomes: list[ExecutionHandle | FlowinError] = self.runner.start_many(starts)
            except Exception:
                # One bad event (data too deep to save, say) must not hold back the others.
                log.exception(
                    "Could not start %d runs together; starting them one by one", len(starts)
                )
                outcomes = self._start_one_by_one(starts)
        except BaseException as error:
            with self._lock:
                for event, _ in ready:
                    self._release(event.flow_id)
            for *_, result in callers:
                result.set_exception(error)
            raise
        for (flow, *_, result), outcome in zip(callers, outcomes, strict=False):
            if isinstance(outcome, FlowinError):
                result.set_exception(outcome)
                continue
            self._track(flow.id, outcome, answer=result)
        for (event, flow), outcome in zip(ready, outcomes[len(callers) :], strict=True):
            if isinstance(outcome, FlowinError):
                log.error("Event %s for '%s' can't run: %s", short_id(event.id), flow.name, outcome)
                with self._lock:
                    self._release(event.flow_id)
                continue
            self._track(flow.id, outcome, counted=True)
        return True

    def _start_one_by_one(self, starts: Sequence[Start]) -> list[ExecutionHandle | FlowinError]:
        ids = [start.execution_id for start in starts]
        if self.store.executions.recorded(ids):
            # The batch was recorded before it failed: starting it again could run it twice.
            # Its runs stay as begun; the next start marks them interrupted, to retry.
            problem = FlowinError(RETRY_LATER_ERROR)
            return [problem for _ in starts]
        return [self._start_alone(start) for start in starts]

    def _start_alone(self, start: Start) -> ExecutionHandle | FlowinError:
        try:
            return self.runner.start_many([start])[0]
        except Exception as error:
            log.exception(
                "Run %s of '%s' can't start", short_id(str(start.execution_id)), start.flow.name
            )
            return self._record_unstartable(start, error)

    def _record_unstartable(self, start: Start, error: Exception) -> FlowinError:
        """Record, as a failed run without its data, an event that can't even be started."""
        if isinstance(error, RecursionError):
            problem = FlowinError(NESTED_TOO_DEEPLY_ERROR)
        else:
            problem = FlowinError(UNEXPECTED_START_ERROR.format(kind=type(error).__name__))
        execution_id = str(start.execution_id)
        now = datetime.now(UTC)
        try:
            self.store.executions.begin_executions(
                [
                    (
                        ExecutionStarted(
                            execution_id, start.flow.id, start.flow.name, None, now, start.mode
                        ),
                        start.flow,
                    )
                ]
            )
            self.store.executions.record(
                [
                    ExecutionFinished(
                        execution_id,
                        start.flow.id,
                        ExecutionStatus.FAILED,
                        now,
                        0.0,
                        str(problem),
                    )
                ]
            )
        except Exception:
            log.exception("Could not record that run %s can't start", short_id(execution_id))
        return problem

    def _take_ready(
        self,
    ) -> tuple[
        list[tuple[Flow, Any, str, str, Future[ExecutionResult]]], list[tuple[InboxEvent, Flow]]
    ]:
        """The waiting callers, and the queued events the global and per-flow limits allow."""
        if self._stopping.is_set():
            return [], []
        ready: list[tuple[InboxEvent, Flow]] = []
        with self._lock:
            callers, self._callers = list(self._callers), deque()
            held: list[InboxEvent] = []
            while (
                self._queue and sum(self._running.values()) + len(ready) < self.settings.max_running
            ):
                event = self._queue.popleft()
                flow = self._flow_for(event.flow_id)
                if flow is None:
                    log.error("Event %s is for a flow that no longer exists", short_id(event.id))
                    continue
                limit = flow.settings.max_concurrency
                starting = sum(1 for e, _ in ready if e.flow_id == event.flow_id)
                if limit is not None and self._running[event.flow_id] + starting >= limit:
                    held.append(event)
                    continue
                ready.append((event, flow))
                self._running[event.flow_id] += 1
            self._queue.extendleft(reversed(held))
        return callers, ready

    def _release(self, flow_id: str) -> None:
        """Give back a run's place in the limits. Holds the lock."""
        self._running[flow_id] -= 1
        if self._running[flow_id] <= 0:
            del self._running[flow_id]

    def _flow_for(self, flow_id: str) -> Flow | None:
        active = self._active.get(flow_id)
        if active is not None:
            return active.flow
        try:
            return self.store.flows.get(flow_id)
        except NotFound:
            return None

    def _track(
        self,
        flow_id: str,
        handle: ExecutionHandle,
        counted: bool = False,
        answer: Future[ExecutionResult] | None = None,
    ) -> None:
        """Count a run while it runs; when it ends, answer its caller (if one waits), start
        what may start next, and only then write its line in the log: the log's lock and disk
        are never between a run and its answer."""
        with self._lock:
            self._handles[handle.id] = handle
            if not counted:
                self._running[flow_id] += 1

        def finished(result: ExecutionResult) -> None:
            with self._lock:
                self._handles.pop(result.execution_id, None)
                self._release(flow_id)
            if answer is not None:
                answer.set_result(result)
            self._pump()
            self.run_log.ended([(flow_id, result)])
            self.notifications.run_ended(result, self._name(flow_id))

        handle.on_done(finished)

    def _name(self, flow_id: str) -> str:
        active = self._active.get(flow_id)
        if active is not None:
            return active.flow.name
        try:  # a run of a flow not switched on here: one the cloud ran, for instance
            return self.store.flows.get(flow_id).name
        except FlowinError:
            return flow_id

    def flow_name(self, flow_id: str) -> str:
        return self._name(flow_id)

    def active_flows(self) -> list[str]:
        with self._lock:
            return list(self._active)

    def active(self, flow_id: str) -> ActiveFlow | None:
        with self._lock:
            return self._active.get(flow_id)

    def running(self) -> int:
        with self._lock:
            return sum(self._running.values())

    def credential(self, connection_id: str | None) -> dict[str, Any]:
        if not connection_id:
            raise FlowinError("This trigger needs a connected account or secret.")
        return self.connections.secret(connection_id)

    # Schedules.

    def _schedule(self, active: ActiveFlow) -> None:
        params = active.trigger.params
        zone = active.flow.settings.timezone
        trigger = schedule_trigger(active.params.model_dump(), zone)
        job = self.scheduler.add_job(
            self._tick,
            trigger,
            args=[active.flow.id, active.trigger.id],
            misfire_grace_time=60,
            coalesce=True,
            max_instances=1,
        )
        active.jobs.append(job.id)
        last = self.store.inbox.trigger_value(active.flow.id, active.trigger.id, "last_tick")
        now = datetime.now(UTC)
        if last and getattr(active.params, "missed", "run_once") == "run_once":
            if missed_since(params, zone, datetime.fromisoformat(last), now):
                log.info(
                    "'%s' missed a scheduled run while Flowin was off; running it now",
                    active.flow.name,
                )
                self._tick(active.flow.id, active.trigger.id, missed=True)
        elif last is None:
            self.store.inbox.set_trigger_value(
                active.flow.id, active.trigger.id, "last_tick", now.isoformat()
            )

    def _tick(self, flow_id: str, node_id: str, missed: bool = False) -> None:
        now = datetime.now(UTC)
        self.store.inbox.set_trigger_value(flow_id, node_id, "last_tick", now.isoformat())
        # The keys the trigger documents and the cloud's scheduler gives: a flow moved between
        # this computer and the cloud reads the same {{ trigger.… }}. The tick runs when it was
        # planned, give or take the scheduler's wake-up.
        payload = {"scheduled_at": now.isoformat(), "fired_at": now.isoformat(), "missed": missed}
        self.inbox.accept(flow_id, "schedule", payload)

    def _mail_through_account(self, subject: str, text: str, link: str) -> None:
        """A notification e-mailed by the cloud account's mailer, to its own address."""
        account = self.account
        if not account.signed_in:
            raise FlowinError(
                "No e-mail account is chosen for notifications, and this computer isn't signed "
                "in to a Flowin cloud account; choose an e-mail account, or sign in."
            )
        with account.client() as client:
            client.email_notification(subject, text, link)

    def _relay_changed(self) -> None:
        """A backlog found in the cloud (events that waited while this computer could not take
        them) is told in the bell; the count going down as it drains is not news."""
        waiting = self.relay.waiting
        before, self._relay_waiting = self._relay_waiting, waiting
        if waiting and not before:
            self.notifications.later(lambda: self.notifications.waiting_events(waiting))

    # Flows started when another flow fails.

    def _another_flow_failed(self, failed: FailedRun) -> None:
        """Start the active flows that begin "when another flow fails" with the failed run's
        details. A flow started that way that fails starts none of them: two such flows would
        otherwise start each other for ever."""
        if failed.mode == ON_FAILURE_SOURCE:
            return
        with self._lock:
            watchers = [a for a in self._active.values() if a.trigger.type == ON_FAILURE_TYPE]
        if not watchers:
            return
        failed_flow = self._flow_for(failed.flow_id)
        if failed_flow is not None and any(n.type == ON_FAILURE_TYPE for n in failed_flow.nodes):
            return
        data = failed.as_data()
        for watcher in watchers:
            if watcher.flow.id == failed.flow_id:
                continue
            only = [name.strip() for name in getattr(watcher.params, "flows", []) if name.strip()]
            if only and failed.flow_id not in only and failed.flow_name not in only:
                continue
            log.info("'%s' failed: starting '%s'", failed.flow_name, watcher.flow.name)
            self.inbox.accept(watcher.flow.id, ON_FAILURE_SOURCE, data)

    # Polling.

    def _start_polling(self, active: ActiveFlow) -> None:
        interval = float(
            getattr(active.params, "poll_interval", None) or self.settings.default_poll_interval
        )
        job = self.scheduler.add_job(
            self.poll,
            "interval",
            seconds=interval,
            args=[active.flow.id],
            next_run_time=datetime.now(UTC),
            max_instances=1,
            coalesce=True,
        )
        active.jobs.append(job.id)

    def poll(self, flow_id: str) -> int:
        """Ask a polling trigger for items now; returns how many new executions it started."""
        with self._lock:
            active = self._active.get(flow_id)
        if active is None or active.node_type.poller is None:
            return 0
        node = active.trigger
        cursor_known = self.store.inbox.trigger_value(flow_id, node.id, "cursor", None) is not None
        first = not cursor_known and not self.store.inbox.trigger_value(
            flow_id, node.id, "polled", False
        )
        try:
            result = active.node_type.poller(
                active.params,
                PollContext(
                    cursor=self.store.inbox.trigger_value(flow_id, node.id, "cursor"),
                    credential=self.credential,
                    timeout=active.trigger.settings.timeout,
                ),
            )
        except FlowinError as error:
            log.warning("Checking '%s' for new items failed: %s", active.flow.name, error)
            return 0
        except Exception:
            log.exception("Checking '%s' for new items crashed", active.flow.name)
            return 0
        items = [(item.key, item.data) for item in result.items]
        # The first check only notes what is already there: a new trigger starts with new items.
        events = self.store.inbox.record_poll(
            flow_id, node.id, items, result.cursor, start_runs=not first
        )
        if first:
            self.store.inbox.set_trigger_value(flow_id, node.id, "polled", True)
        if events:
            self._accepted(events)
        return len(events)

    # Parked executions (long delays) survive restarts.

    def _resume_parked(self) -> None:
        waiting: dict[str, list[Waiting]] = {}
        for parked in self.store.executions.adopt_parked():  # not those of a live process
            waiting.setdefault(parked.execution_id, []).append(
                Waiting(parked.node_id, parked.wake_at, parked.state or {})
            )
        # One resumption per run, when its first Delay is due: a run parked on two Delays (on
        # parallel branches) must not be started twice.
        for execution_id, delays in waiting.items():
            try:
                detail = self.store.executions.get(execution_id)
                flow = (
                    self.store.flows.get_version(detail.flow_id, detail.flow_version)
                    if detail.flow_version is not None
                    else self.store.flows.get(detail.flow_id)
                )
            except FlowinError as error:
                log.error("Can't carry on with run %s: %s", short_id(execution_id), error)
                continue
            wake_at = min(delay.wake_at for delay in delays)
            self.scheduler.add_job(
                self._resume,
                "date",
                run_date=max(wake_at, datetime.now(UTC)),
                args=[flow, detail.trigger_data, execution_id, detail.started_at, delays],
            )
            log.info("Run %s will carry on at %s", short_id(execution_id), wake_at)

    def _resume(
        self,
        flow: Flow,
        trigger_data: Any,
        execution_id: str,
        started_at: datetime,
        delays: list[Waiting],
    ) -> None:
        # Each Delay's parked row is removed as it ends, just before the steps after it run.
        try:
            handle = self.runner.resume(flow, trigger_data, execution_id, started_at, delays)
        except FlowinError as error:
            log.error("Can't carry on with run %s: %s", short_id(execution_id), error)
            return
        self._track(flow.id, handle)


def webhook_path(store: Store, flow_id: str, node_id: str, custom: str = "") -> str:
    """A webhook trigger's path: its own ``custom`` one, or a random, unguessable token made
    the first time it is asked for and kept in the database, so the address never changes."""
    if custom:
        return WEBHOOK_PREFIX + custom.strip("/")
    token = store.inbox.trigger_value(flow_id, node_id, "webhook_token")
    if token is None:
        token = secrets.token_urlsafe(18)
        store.inbox.set_trigger_value(flow_id, node_id, "webhook_token", token)
    return WEBHOOK_PREFIX + token


@dataclass(frozen=True, slots=True)
class WebhookAddress:
    """Where a webhook trigger is called."""

    local: str  # on this computer: to try the flow, or for a program running here
    public: str | None  # from the internet, through the public address set (a tunnel), if any


def webhook_address(
    store: Store,
    flow_id: str,
    node_id: str,
    custom: str = "",
    *,
    host: str,
    port: int,
    public_url: str | None = None,
) -> WebhookAddress:
    """The addresses the listener answers a trigger on (once its flow is active)."""
    path = webhook_path(store, flow_id, node_id, custom)
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    public = public_url.rstrip("/") + path if public_url else None
    return WebhookAddress(local=f"http://{shown_host}:{port}{path}", public=public)
