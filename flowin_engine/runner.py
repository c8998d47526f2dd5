"""Runs flows as graphs in a bounded thread pool.

A node runs once all of its incoming connections are settled; it runs when at least one of them
carried data and is skipped when none did, so branches not taken are skipped and a node after
several branches waits for all of them. A straight chain runs on one worker without hopping
threads; parallel branches spread over the pool. Waiting (delays, retry back-off) holds no
thread: the execution parks on a timer and comes back through the pool.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from time import monotonic
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ValidationError

from .errors import (
    ExpressionError,
    FlowinError,
    Problem,
    RetryableError,
    StepError,
    StoppedByFlow,
)
from .events import (
    Event,
    EventBus,
    ExecutionFinished,
    ExecutionStarted,
    ExecutionStatus,
    StepFinished,
    StepSkipped,
    StepStarted,
    StepStatus,
)
from .expressions import is_template, render
from .graph import LOOP_BODY_PORT, LOOP_DONE_PORT, Graph
from .model import ERROR_PORT, MAIN_PORT, Flow, Node, OnError
from .registry import NodeType, Registry, default_registry
from .run_ids import new_run_id, short_id
from .steps import Emit, ForEach, Incoming, StepContext, Wait
from .timers import TimerHandle, Timers
from .validation import LOOP_TYPE, check_flow

if TYPE_CHECKING:
    from .credentials import Connections

log = logging.getLogger(__name__)

MAX_RETRY_WAIT = 300.0
DURABLE_WAIT = 5.0  # a Delay longer than this is written down, so it survives a restart


class ExecutionHistory(Protocol):
    """Where a runner keeps its executions (the store's ``executions``): every call it makes.

    ``begin_executions`` is called before any step of those runs; ``record`` gets the runner's
    events in batches, from the event bus thread. ``park`` writes down what a run waiting in a
    long Delay needs to carry on after a restart, and ``unpark`` drops it when the Delay ends.
    """

    def begin_executions(self, runs: Sequence[tuple[ExecutionStarted, Flow]]) -> None: ...

    def record(self, events: Sequence[Event]) -> None: ...

    def park(self, execution_id: str, node_id: str, wake_at: datetime, state: Any) -> None: ...

    def unpark(self, execution_id: str, node_id: str) -> None: ...


class NoHistory:
    """The history of a runner that keeps none (a test run, a benchmark): nothing is written."""

    def begin_executions(self, runs: Sequence[tuple[ExecutionStarted, Flow]]) -> None:
        pass

    def record(self, events: Sequence[Event]) -> None:
        pass

    def park(self, execution_id: str, node_id: str, wake_at: datetime, state: Any) -> None:
        pass

    def unpark(self, execution_id: str, node_id: str) -> None:
        pass


@dataclass(frozen=True, slots=True)
class Start:
    """One execution for ``Runner.start_many``."""

    flow: Flow
    trigger_data: Any = None
    mode: str = "manual"
    execution_id: str | None = None


@dataclass(frozen=True, slots=True)
class FlowPlan:
    """What every run of one flow definition shares, worked out once (``Runner.plan``): its
    steps under their current type names, their types, the graph and the loop scopes.

    ``inline``: every step declares that it only reshapes data in memory (``runs_inline`` in
    its manifest), so a whole run takes microseconds and may run on the caller's thread.

    ``settled``: for such steps whose settings are plain values with no template
    (``Runner.plan`` only), the settings as every run renders them and their validated model,
    made once per flow version instead of once per run; these steps only read their model.

    ``line``: for an inline flow drawn as one straight line, trigger first, each step sending
    its default output to the next and nothing else (``Runner.plan`` only), its steps in
    order; ``Runner.run_inline`` walks it without the scopes, locks and queue a graph needs.
    """

    flow: Flow
    graph: Graph
    nodes: dict[str, Node]
    ids_by_name: dict[str, str]
    types: dict[str, NodeType]
    scope_of: dict[str, str | None]
    top: frozenset[str]
    inline: bool
    top_pending: Mapping[str, int]  # connections each step of the top scope waits for
    settled: Mapping[str, tuple[dict[str, Any], BaseModel]] = field(default_factory=dict)
    line: tuple[str, ...] = ()

    @classmethod
    def of(cls, flow: Flow, registry: Registry) -> FlowPlan:
        flow = registry.with_current_names(flow)
        graph = Graph.of(flow)
        nodes = {n.id: n for n in flow.nodes}
        for node_id in nodes:
            # Filled in now: runs on several threads only read the graph's default dicts.
            graph.outgoing[node_id]
            graph.incoming[node_id]
        types = {node_id: registry.get(node.type) for node_id, node in nodes.items()}
        loops = [n for n, node in nodes.items() if node.type == LOOP_TYPE]
        scope_of = graph.loop_scopes(loops)
        top = frozenset(n for n in nodes if scope_of.get(n) is None)
        return cls(
            flow,
            graph,
            nodes,
            {n.name: n.id for n in flow.nodes},
            types,
            scope_of,
            top,
            all(t.manifest.runs_inline for t in types.values()),
            {n: sum(1 for e in graph.incoming[n] if e.source in top) for n in top},
        )


@dataclass(frozen=True, slots=True)
class Reused:
    """A step's earlier result, replayed instead of running the step again.

    ``recorded``: the history already has this step of this execution (a resumed run), so the
    replay writes nothing.
    """

    port: str
    output: Any
    recorded: bool = False


@dataclass(frozen=True, slots=True)
class Waiting:
    """A Delay an execution was parked on, as written down: where and until when it waits."""

    node_id: str
    wake_at: datetime
    state: Mapping[str, Any]


@dataclass(slots=True)
class ExecutionResult:
    execution_id: str
    flow_id: str
    status: ExecutionStatus
    error: str | None
    failed_node: str | None
    outputs: dict[str, Any]
    started_at: datetime
    finished_at: datetime
    duration: float
    failed_problem: Problem | None = None  # the error as a template, for other languages

    @property
    def ok(self) -> bool:
        return self.status == ExecutionStatus.SUCCESS


_FLAGS_LOCK = threading.Lock()


class _Flag(threading.Event):
    """A ``threading.Event`` whose condition is made only when a thread waits on it: most runs
    end before anyone waits for them or for their cancel, and each event costs about 2 µs to
    make, twice a run."""

    def __init__(self) -> None:  # the Event's own state is made on the first wait
        self._is_set = False
        self._event: threading.Event | None = None

    def is_set(self) -> bool:
        return self._is_set

    isSet = is_set  # threading.Event's old name

    def set(self) -> None:
        with _FLAGS_LOCK:
            self._is_set = True
            event = self._event
        if event is not None:
            event.set()

    def clear(self) -> None:
        with _FLAGS_LOCK:
            self._is_set = False
            event = self._event
        if event is not None:
            event.clear()

    def __repr__(self) -> str:  # Event's own (Python 3.13) reads a field this one lacks
        return f"<{type(self).__name__}: {'set' if self._is_set else 'unset'}>"

    def wait(self, timeout: float | None = None) -> bool:
        if self._is_set:
            return True
        with _FLAGS_LOCK:
            if self._is_set:
                return True
            if self._event is None:
                self._event = threading.Event()
            event = self._event
        return event.wait(timeout)


class ExecutionHandle:
    def __init__(self, execution_id: str, runner: Runner) -> None:
        self.id = execution_id
        self._runner = runner
        self._done = _Flag()
        self._result: ExecutionResult | None = None
        self._callbacks: list[Callable[[ExecutionResult], None]] = []
        self._callbacks_lock = threading.Lock()
        self._future: Future[ExecutionResult] | None = None

    @property
    def future(self) -> Future[ExecutionResult]:
        """The result as a future (for asyncio.wrap_future); made when first asked for: most
        runs, a webhook's done inline among them, never need one."""
        with self._callbacks_lock:
            if self._future is None:
                self._future = Future()
                if self._result is not None:
                    self._future.set_result(self._result)
            return self._future

    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> ExecutionResult:
        if not self._done.wait(timeout):
            raise TimeoutError(f"Execution {self.id} is still running.")
        assert self._result is not None
        return self._result

    def cancel(self) -> bool:
        return self._runner.cancel(self.id)

    def on_done(self, callback: Callable[[ExecutionResult], None]) -> None:
        """Call ``callback(result)`` when the execution ends (at once if it has ended).

        It runs on the thread that ends the execution: keep it short.
        """
        with self._callbacks_lock:
            if self._result is None:
                self._callbacks.append(callback)
                return
        callback(self._result)

    def _finish(self, result: ExecutionResult) -> None:
        with self._callbacks_lock:
            self._result = result
            callbacks, self._callbacks = self._callbacks, []
            future = self._future
        self._done.set()
        if future is not None:
            future.set_result(result)
        for callback in callbacks:
            try:
                callback(result)
            except Exception:
                log.exception("An execution's completion callback failed")


@dataclass(slots=True)
class _Work:
    scope: _Scope
    node_id: str
    attempt: int = 1
    parked: _Parked | None = None


@dataclass(slots=True)
class _Parked:
    """What a Delay that is waiting needs in order to carry on when its timer fires."""

    output: Any
    data: Any
    params: Any
    started_at: datetime
    started: float
    durable: bool = False


@dataclass(slots=True)
class _LoopRun:
    """A loop that is going through its items: what a Delay in its body writes down."""

    node_id: str
    items: list[Any]
    results: list[Any]
    data: Any
    params: Any
    started_at: datetime
    scope: _Scope  # the scope the loop node itself runs in


@dataclass(slots=True)
class _Replay:
    """What a resumed execution had done in one scope before it parked: replayed, not rerun."""

    reuse: dict[str, Reused]
    skipped: set[str]
    delays: dict[str, tuple[datetime, int, _Parked]]  # node → (wake at, attempt, its wait)
    loops: dict[str, _LoopReplay]


@dataclass(slots=True)
class _LoopReplay:
    """A loop a resumed execution was inside of: it goes on from ``index`` with ``body``."""

    items: list[Any]
    index: int
    results: list[Any]
    data: Any
    params: Any
    started_at: datetime
    body: _Replay


class Runner:
    """Runs executions of flows; many at once, on ``workers`` threads."""

    def __init__(
        self,
        registry: Registry | None = None,
        *,
        workers: int = 8,
        history: ExecutionHistory | None = None,
        bus: EventBus | None = None,
        connections: Connections | None = None,
    ) -> None:
        self.registry = registry or default_registry()
        self.connections = connections
        self.durable_wait = DURABLE_WAIT
        self.events = bus or EventBus()
        self.history: ExecutionHistory = history if history is not None else NoHistory()
        self.workers = workers
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="flowin-step")
        self._timers = Timers()
        self._active: dict[str, _Execution] = {}
        self._valid: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()
        self._interrupted: set[str] = set()  # executions whose events are no longer reported
        self._publishing = threading.Lock()
        self._unsubscribe_history: Callable[[], None] | None = None
        # Runs recorded whole by their caller (run_inline) whose events are published for the
        # other subscribers only: the history skips them.
        self._recorded_elsewhere: set[str] = set()
        if history is not None:
            # Only a history that keeps something listens: with no subscriber, the bus drops
            # events where they are published.
            self._unsubscribe_history = self.events.subscribe(self._to_history)

    def _to_history(self, events: Sequence[Event]) -> None:
        skip = self._recorded_elsewhere
        if skip:
            kept = []
            for event in events:
                if event.execution_id not in skip:
                    kept.append(event)
                elif isinstance(event, ExecutionFinished):
                    skip.discard(event.execution_id)
            events = kept
        self.history.record(events)

    def publish_recorded(self, events: Sequence[Event]) -> None:
        """Tell the event bus's subscribers, but the history, of a run its caller has recorded
        (run_inline's events, once written); nothing when the history is the only listener."""
        if not events or self.events.subscriber_count <= (self._unsubscribe_history is not None):
            return
        self._recorded_elsewhere.add(events[0].execution_id)
        for event in events:
            self._publish(event)

    def start(
        self,
        flow: Flow,
        trigger_data: Any = None,
        *,
        mode: str = "manual",
        execution_id: str | None = None,
        reuse: Mapping[str, Reused] | None = None,
        retry_of: str | None = None,
        validate: bool = True,
        only: str | None = None,
    ) -> ExecutionHandle:
        """Start an execution and return at once; ``handle.wait()`` gives the result.

        With ``only``, that one step runs: every step in ``reuse`` is replayed (whether or not data
        reaches it) and every other step is skipped.
        """
        if validate:
            self._check(flow)
        execution = _Execution(
            self, flow, trigger_data, mode, execution_id or new_run_id(), dict(reuse or {})
        )
        execution.only = only
        self._launch([execution], retry_of)
        return execution.handle

    def resume(
        self,
        flow: Flow,
        trigger_data: Any,
        execution_id: str,
        started_at: datetime,
        waiting: Sequence[Waiting],
    ) -> ExecutionHandle:
        """Carry on with an execution that was parked on long Delays when Flowin stopped.

        What it had done is replayed from what ``_park`` wrote down, writing nothing new to the
        history; each Delay ends (or waits what is left of its time) where it was, inside its
        loop iteration if it was in one.
        """
        self._check(flow)
        replay = _replay_of(waiting)
        execution = _Execution(
            self, flow, trigger_data, "resumed", execution_id, replay.reuse, started_at
        )
        execution.top.replay = replay
        self._launch([execution])
        return execution.handle

    def start_many(self, starts: Sequence[Start]) -> list[ExecutionHandle | FlowinError]:
        """Start several executions, recorded in the history together (one transaction).

        Returns, in order, each one's handle or the reason it can't run (an invalid flow).
        """
        problems: dict[int, FlowinError | None] = {}
        outcome: list[ExecutionHandle | FlowinError] = []
        executions: list[_Execution] = []
        for start in starts:
            key = id(start.flow)
            if key not in problems:
                try:
                    self._check(start.flow)
                    problems[key] = None
                except FlowinError as error:
                    problems[key] = error
            problem = problems[key]
            if problem is not None:
                outcome.append(problem)
                continue
            execution = _Execution(
                self,
                start.flow,
                start.trigger_data,
                start.mode,
                start.execution_id or new_run_id(),
                {},
            )
            executions.append(execution)
            outcome.append(execution.handle)
        if executions:
            self._launch(executions)
        return outcome

    def plan(self, flow: Flow) -> FlowPlan:
        """Check ``flow`` and work out what its runs share, for ``run_inline`` (raises the
        FlowinError it can't run for)."""
        self._check(flow)
        plan = FlowPlan.of(flow, self.registry)
        return replace(plan, settled=_settled_settings(plan), line=_straight_line(plan))

    def run_inline(
        self, plan: FlowPlan, trigger_data: Any, *, mode: str, execution_id: str
    ) -> tuple[ExecutionHandle, list[Event] | None]:
        """Run a flow on this thread, to its end, and return its handle with everything it did
        as events, for the caller to record (the history has nothing of it yet).

        For a plan whose steps all run inline: no pool, no event bus, no write. Should a step
        still ask to wait (a retry's pause), the run is handed over instead: its start is
        recorded, what it did so far published, and it goes on in the pool; the events are then
        None and the handle ends later.
        """
        if plan.line:
            walked = _walk_line(self, plan, trigger_data, mode, execution_id)
            if walked is not None:
                return walked
        events: list[Event] = []
        execution = _Execution(
            self, plan.flow, trigger_data, mode, execution_id, {}, plan=plan, sink=events
        )
        started = ExecutionStarted(
            execution.id,
            plan.flow.id,
            plan.flow.name,
            trigger_data,
            execution.started_at,
            mode,
        )
        events.append(started)
        with self._lock:
            self._active[execution.id] = execution
        local = execution.local
        assert local is not None
        execution.begin()
        while local:
            execution.run_task(local.pop())
        if execution.handle.done():
            return execution.handle, events
        log.info("Run %s waits: it goes on in the pool", short_id(execution.id))
        try:
            self.history.begin_executions([(started, plan.flow)])
        except BaseException:
            execution.cancel(interrupted=True)
            raise
        with execution.lock:
            execution.sink = None
            execution.local = None
        for event in events:
            self._publish(event)
        deferred, execution.deferred = execution.deferred, []
        for delay, work in deferred:
            execution._set_timer(delay, work, counted=True)
        return execution.handle, None

    def _launch(self, executions: Sequence[_Execution], retry_of: str | None = None) -> None:
        with self._lock:
            for execution in executions:
                self._active[execution.id] = execution
        started = [
            (
                ExecutionStarted(
                    e.id, e.flow.id, e.flow.name, e.trigger_data, e.started_at, e.mode, retry_of
                ),
                e,
            )
            for e in executions
        ]
        try:
            self.history.begin_executions([(event, e.flow) for event, e in started])
        except BaseException:
            with self._lock:
                for execution in executions:
                    self._active.pop(execution.id, None)
            raise
        for event, execution in started:
            self._publish(event)
            execution.begin()

    def _check(self, flow: Flow) -> None:
        # A trigger may start the same flow hundreds of times a second: validate each distinct
        # definition once. The key is the flow's JSON, so an edited flow is checked again.
        key = flow.model_dump_json(exclude={"updated_at", "status", "pinned"})
        with self._lock:
            if key in self._valid:
                self._valid.move_to_end(key)
                return
        check_flow(flow, self.registry)
        with self._lock:
            self._valid[key] = None
            if len(self._valid) > 256:
                self._valid.popitem(last=False)

    def run(self, flow: Flow, trigger_data: Any = None, **options: Any) -> ExecutionResult:
        """Start an execution and wait for its result."""
        return self.start(flow, trigger_data, **options).wait()

    def cancel(self, execution_id: str) -> bool:
        with self._lock:
            execution = self._active.get(execution_id)
        if execution is None:
            return False
        execution.cancel()
        return True

    def active(self) -> list[str]:
        with self._lock:
            return list(self._active)

    def interrupt(self, keep: Collection[str] = ()) -> list[str]:
        """Stop every execution still going (but those in ``keep``) where it is, for a shutdown.

        Unlike ``cancel``, nothing more of them is reported: a step still running is left to end
        on its own and its result is dropped, so the history keeps each run as it was at this
        moment, for the caller to mark interrupted (a retry carries on from there). Returns
        their ids.
        """
        with self._lock:
            executions = [e for key, e in self._active.items() if key not in keep]
        with self._publishing:
            self._interrupted.update(e.id for e in executions)
        for execution in executions:
            execution.cancel(interrupted=True)
        return [e.id for e in executions]

    def shutdown(self, cancel: bool = False, wait: bool = True) -> None:
        """Stop the runner; with ``wait=False``, without waiting for steps still running
        (interrupted ones), whose threads are left to end on their own."""
        if cancel:
            for execution_id in self.active():
                self.cancel(execution_id)
        # Timers first: a parked execution (a Delay, a retry back-off) must not wake up into a
        # pool that is going away; a durable one carries on at the next start instead.
        self._timers.close()
        self._pool.shutdown(wait=wait, cancel_futures=not wait)
        self.events.flush()
        if self._unsubscribe_history is not None:
            self._unsubscribe_history()

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    # Used by executions.
    def _publish(self, event: Event) -> None:
        # Under a lock, so that once interrupt() returns no event of those runs is on its way.
        with self._publishing:
            if event.execution_id not in self._interrupted:
                self.events.publish(event)

    def _submit(self, execution: _Execution, work: _Work) -> None:
        self._pool.submit(execution.run_task, work)

    def _forget(self, execution_id: str) -> None:
        with self._lock:
            self._active.pop(execution_id, None)


class _Scope:
    """One pass over a set of nodes: the whole flow, or one iteration of a loop's body."""

    def __init__(
        self,
        execution: _Execution,
        nodes: set[str],
        loop: dict[str, Any] | None,
        iteration: int | None,
        on_done: Callable[[_Scope], list[_Work]],
        entry_from: str | None = None,
        pending: Mapping[str, int] | None = None,
    ) -> None:
        self.execution = execution
        self.nodes = nodes
        self.loop = loop
        self.iteration = iteration
        self.on_done = on_done
        self.remaining = len(nodes)
        self.ended = False
        self.outputs: dict[str, Any] = {}
        graph = execution.graph
        self.pending = (
            dict(pending)
            if pending is not None
            else {
                node_id: sum(
                    1
                    for e in graph.incoming[node_id]
                    if e.source in nodes
                    or (e.source == entry_from and e.source_port == LOOP_BODY_PORT)
                )
                for node_id in nodes
            }
        )
        self.arrived: dict[str, list[Incoming]] = {}
        # What has settled here: (port, output) of a step that ran, None for one skipped.
        self.settled: dict[str, tuple[str, Any] | None] = {}
        self.reuse: dict[str, Reused] = {}
        self.replay: _Replay | None = None
        self.loop_run: _LoopRun | None = None


class _Execution:
    def __init__(
        self,
        runner: Runner,
        flow: Flow,
        trigger_data: Any,
        mode: str,
        execution_id: str,
        reuse: dict[str, Reused],
        resumed_from: datetime | None = None,
        plan: FlowPlan | None = None,
        sink: list[Event] | None = None,
    ) -> None:
        plan = plan or FlowPlan.of(flow, runner.registry)
        self.runner = runner
        self.flow = plan.flow
        self.id = execution_id
        self.trigger_data = trigger_data
        self.mode = mode
        self.reuse = reuse
        self.only: str | None = None  # run just this step (Runner.start's ``only``)
        self.handle = ExecutionHandle(execution_id, runner)
        if resumed_from is None:
            self.started_at = datetime.now(UTC)
            self._started = monotonic()
        else:
            # A resumed run began in an earlier process: its duration counts from its real start.
            self.started_at = resumed_from
            self._started = _monotonic_at(resumed_from)
        self.lock = threading.RLock()
        self.cancelled = _Flag()
        self.interrupted = False  # stopped by a shutdown (Runner.interrupt), not by a user
        self.inflight = 0
        self.timers: set[TimerHandle] = set()
        # Delays written down (parked) and still waiting: node → (scope, attempt, wait, until).
        # Their rows are rewritten when other steps end meanwhile, so that a restart does not
        # run those again; parked_lock keeps a rewrite from bringing back a removed row.
        self.durable: dict[str, tuple[_Scope, int, _Parked, datetime]] = {}
        self.parked_lock = threading.Lock()  # taken before self.lock, never inside it
        self.parked_stale = False
        self.error: str | None = None
        self.failed_node: str | None = None
        self.failed_setting: str | None = None
        self.failed_problem: Problem | None = None
        self.finished = False
        self.trigger_output: Any = None
        self.steps: dict[str, dict[str, Any]] = {}  # what {{ steps['Name'] }} reads
        # An inline run (Runner.run_inline) keeps its events in ``sink`` and its next steps in
        # ``local``, on the calling thread; any other run publishes and uses the pool.
        self.sink = sink
        self.local: list[_Work] | None = [] if sink is not None else None
        self.deferred: list[tuple[float, _Work]] = []  # waits an inline run could not take

        self.graph = plan.graph
        self.nodes = plan.nodes
        self.ids_by_name = plan.ids_by_name
        self.types = plan.types
        self.scope_of = plan.scope_of
        self.settled = plan.settled
        top = plan.top
        self.top = _Scope(self, top, None, None, _nothing_after, pending=plan.top_pending)
        self.top.reuse = reuse

    @property
    def recording(self) -> bool:
        return self.sink is not None or self.runner.events.has_subscribers

    def _publish(self, event: Event) -> None:
        if self.sink is not None:
            self.sink.append(event)
        else:
            self.runner._publish(event)

    def _submit(self, work: _Work) -> None:
        if self.local is not None:
            self.local.append(work)
        else:
            self.runner._submit(self, work)

    # Start, cancel, finish.
    def begin(self) -> None:
        trigger = next((n for n in self.top.nodes if self.types[n].is_trigger), None)
        work: list[_Work] = []
        with self.lock:
            if trigger is not None:
                work.append(_Work(self.top, trigger))
            # Steps not connected to the trigger can never receive data.
            for node_id in sorted(self.top.nodes):
                if node_id != trigger and self.top.pending[node_id] == 0:
                    work.extend(self._skip(self.top, node_id))
            self.inflight += max(1, len(work))
            if trigger is None:
                self.error = "This flow has no trigger."
        if not work:
            self.run_task(None)
        for item in work:
            self._submit(item)

    def cancel(self, interrupted: bool = False) -> None:
        with self.lock:
            if self.finished:
                return
            self.interrupted = interrupted
            self.cancelled.set()
            dropped = [t for t in self.timers if self.runner._timers.cancel(t)]
            self.timers.clear()
        for _ in dropped:
            self._task_done()

    def _finish(self) -> None:
        with self.parked_lock:
            # Cancelled, or stopped by a failure, while Delays waited: they must not carry on
            # at the next start.
            for node_id in self.durable:
                self.runner.history.unpark(self.id, node_id)
            self.durable.clear()
        if self.interrupted:
            status = ExecutionStatus.INTERRUPTED
        elif self.error is not None:
            status = ExecutionStatus.FAILED
        elif self.cancelled.is_set():
            status = ExecutionStatus.CANCELLED
        else:
            status = ExecutionStatus.SUCCESS
        finished_at = datetime.now(UTC)
        duration = monotonic() - self._started
        self._publish(
            ExecutionFinished(
                self.id,
                self.flow.id,
                status,
                finished_at,
                duration,
                self.error,
                self.failed_node,
                self.failed_setting,
                self.failed_problem,
            )
        )
        outputs = {name: view["output"] for name, view in self.steps.items()}
        self.runner._forget(self.id)
        self.handle._finish(
            ExecutionResult(
                self.id,
                self.flow.id,
                status,
                self.error,
                self.failed_node,
                outputs,
                self.started_at,
                finished_at,
                duration,
                self.failed_problem,
            )
        )

    def _task_done(self) -> None:
        with self.lock:
            self.inflight -= 1
            if self.inflight > 0 or self.finished:
                return
            self.finished = True
        self._finish()

    # Running steps.
    def run_task(self, first: _Work | None) -> None:
        """One pool task: run a step, then keep going down the chain on this same thread."""
        try:
            work = [first] if first is not None else []
            while work:
                item = work.pop()
                if self.cancelled.is_set():
                    continue
                ready = self._run_step(item)
                if self.parked_stale:
                    self._write_parked()
                if ready:
                    with self.lock:
                        self.inflight += len(ready) - 1
                    for extra in ready[1:]:
                        self._submit(extra)
                    work.append(ready[0])
        except Exception:
            log.exception("Flowin's runner failed in execution %s", self.id)
            with self.lock:
                if self.error is None:
                    self.error = "Flowin hit an internal error while running this flow."
                self.cancelled.set()
        finally:
            self._task_done()

    def _context(self, scope: _Scope, data: Any) -> dict[str, Any]:
        return _template_context(self.trigger_output, self.steps, data, scope.loop, self.id)

    def _run_step(self, work: _Work) -> list[_Work]:
        scope, node_id, attempt = work.scope, work.node_id, work.attempt
        node, node_type = self.nodes[node_id], self.types[node_id]
        if work.parked is not None:
            return self._wake(work)
        if scope.replay is not None:
            resumed = self._resume_step(scope, scope.replay, node_id)
            if resumed is not None:
                return resumed
        publish = self.recording
        arrived = scope.arrived.get(node_id, [])
        data = self.trigger_data if node_type.is_trigger else (arrived[0].data if arrived else None)

        reused = scope.reuse.get(node_id)
        if reused is None and node.disabled:
            # A switched-off step passes its input through unchanged.
            reused = Reused(node_type.default_port, data)
        if reused is not None:
            now = datetime.now(UTC)
            if publish and not reused.recorded:
                self._publish(
                    StepFinished(
                        self.id,
                        node_id,
                        node.name,
                        node.type,
                        attempt,
                        scope.iteration,
                        StepStatus.REUSED,
                        data,
                        reused.output,
                        reused.port,
                        None,
                        now,
                        now,
                        0.0,
                    )
                )
            return self._completed(scope, node_id, {reused.port: reused.output})
        if self.only is not None and node_id != self.only and scope is self.top:
            return self._skip(scope, node_id)

        started_at = datetime.now(UTC)
        started = monotonic()
        if publish:
            self._publish(
                StepStarted(
                    self.id,
                    node_id,
                    node.name,
                    node.type,
                    attempt,
                    scope.iteration,
                    data,
                    started_at,
                )
            )
        params: Any = node.params
        try:
            settled = self.settled.get(node_id)
            if settled is not None:
                params, model = settled
            else:
                context = self._context(scope, data)
                params = _rendered_params(node, node_type, context)
                model = _validate_params(node_type, node, params)
            ctx = StepContext(
                execution_id=self.id,
                flow=self.flow,
                node=node,
                attempt=attempt,
                timeout=node.settings.timeout,
                input=data,
                inputs=arrived,
                trigger_data=self.trigger_data,
                cancelled=self.cancelled,
                started=started,
                connections=self.runner.connections,
            )
            result = node_type.function(model, ctx)
        except Exception as error:  # each kind is sorted out in _failed
            return self._failed(scope, work, error, data, params, started_at, started)

        if isinstance(result, Wait):
            return self._park(scope, work, result, data, params, started_at, started)
        if isinstance(result, ForEach):
            return self._start_loop(scope, node_id, result.items, data, params, started_at, started)
        port, output = (
            (result.port, result.data)
            if isinstance(result, Emit)
            else (node_type.default_port, result)
        )
        self._succeeded(scope, node_id, attempt, data, params, output, port, started_at, started)
        return self._completed(scope, node_id, {port: output})

    def _succeeded(
        self,
        scope: _Scope,
        node_id: str,
        attempt: int,
        data: Any,
        params: Any,
        output: Any,
        port: str,
        started_at: datetime,
        started: float,
    ) -> None:
        if self.recording:
            self._publish(
                _step_succeeded(
                    self.id,
                    self.nodes[node_id],
                    attempt,
                    scope.iteration,
                    data,
                    params,
                    output,
                    port,
                    started_at,
                    started,
                )
            )

    def _completed(self, scope: _Scope, node_id: str, emitted: dict[str, Any]) -> list[_Work]:
        node = self.nodes[node_id]
        output = next(iter(emitted.values()), None)
        with self.lock:
            if self.types[node_id].is_trigger:
                self.trigger_output = output
            self.steps[node.name] = {"output": output}
            scope.outputs[node.name] = output
            if emitted:
                port = next(iter(emitted))
                scope.settled[node_id] = (port, emitted[port])
            if self.durable:
                self.parked_stale = True
            return self._resolve(scope, node_id, emitted)

    def _resolve(self, scope: _Scope, node_id: str, emitted: dict[str, Any] | None) -> list[_Work]:
        """Settle a node's outgoing connections; return the nodes that became ready. Holds lock."""
        ready: list[_Work] = []
        scope.remaining -= 1
        source_name = self.nodes[node_id].name
        for edge in self.graph.outgoing[node_id]:
            target = edge.target
            if target not in scope.nodes:
                continue
            if emitted is not None and edge.source_port in emitted:
                scope.arrived.setdefault(target, []).append(
                    Incoming(source_name, edge.source_port, emitted[edge.source_port])
                )
            scope.pending[target] -= 1
            if scope.pending[target] == 0:
                if scope.arrived.get(target):
                    ready.append(_Work(scope, target))
                else:
                    ready.extend(self._skip(scope, target))
        # A step skipped above settles its own connections through _skip, and may be the
        # scope's last: then it has ended the scope already, which must end only once.
        if scope.remaining == 0 and not scope.ended:
            scope.ended = True
            ready.extend(scope.on_done(scope))
        return ready

    def _skip(self, scope: _Scope, node_id: str) -> list[_Work]:
        if self.only is not None and scope is self.top and node_id in self.reuse:
            # Running one step: what stands in for the steps before it replays all the same.
            return [_Work(scope, node_id)]
        node = self.nodes[node_id]
        scope.settled[node_id] = None
        replayed = scope.replay is not None and node_id in scope.replay.skipped
        if self.recording and not replayed:
            self._publish(
                StepSkipped(
                    self.id, node_id, node.name, node.type, scope.iteration, datetime.now(UTC)
                )
            )
        return self._resolve(scope, node_id, None)

    def _failed(
        self,
        scope: _Scope,
        work: _Work,
        error: Exception,
        data: Any,
        params: Any,
        started_at: datetime,
        started: float,
    ) -> list[_Work]:
        node, node_type = self.nodes[work.node_id], self.types[work.node_id]
        message, retryable, retry_after = _describe_failure(error, node_type)
        if not isinstance(error, FlowinError):
            log.error("Step '%s' crashed", node.name, exc_info=error)
        retrying = (
            retryable and work.attempt < node.settings.retries and not self.cancelled.is_set()
        )
        wait = None
        if retrying:
            backoff = node.settings.retry_backoff * 2 ** (work.attempt - 1)
            wait = min(retry_after if retry_after is not None else backoff, MAX_RETRY_WAIT)
        if self.recording:
            self._publish(
                StepFinished(
                    self.id,
                    work.node_id,
                    node.name,
                    node.type,
                    work.attempt,
                    scope.iteration,
                    StepStatus.RETRYING if retrying else StepStatus.FAILED,
                    {"data": data, "params": params},
                    None,
                    None,
                    message,
                    started_at,
                    datetime.now(UTC),
                    monotonic() - started,
                    wait,
                    getattr(error, "setting", None),
                    getattr(error, "problem", None),
                )
            )
        if retrying and wait is not None:
            self._later(wait, _Work(scope, work.node_id, work.attempt + 1))
            return []
        on_error = node.settings.on_error
        if on_error == OnError.CONTINUE:
            return self._completed(
                scope, work.node_id, {node_type.default_port: {"error": message}}
            )
        if on_error == OnError.ERROR_OUTPUT and self._error_port_connected(work.node_id):
            return self._completed(
                scope, work.node_id, {ERROR_PORT: {"error": message, "input": data}}
            )
        with self.lock:
            if self.error is None:
                self.error = message
                self.failed_node = node.name
                self.failed_setting = getattr(error, "setting", None)
                self.failed_problem = getattr(error, "problem", None)
            self.cancelled.set()
            dropped = [t for t in self.timers if self.runner._timers.cancel(t)]
            self.timers.clear()
        for _ in dropped:
            self._task_done()
        return []

    def _error_port_connected(self, node_id: str) -> bool:
        # An error output that leads nowhere means "stop with the error": sending the error
        # down it would drop the failure and let the run end as a success.
        return any(e.source_port == ERROR_PORT for e in self.graph.outgoing[node_id])

    def _later(self, delay: float, work: _Work) -> None:
        """Come back to ``work`` after ``delay`` seconds through the pool, holding no thread."""
        if self.local is not None:
            # An inline run: its caller hands it to the pool first, then sets the timer
            # (Runner.run_inline), so that no timer fires into a run still on the caller's thread.
            with self.lock:
                if self.cancelled.is_set():
                    return
                self.inflight += 1
            self.deferred.append((delay, work))
            return
        self._set_timer(delay, work)

    def _set_timer(self, delay: float, work: _Work, counted: bool = False) -> None:
        holder: list[TimerHandle] = []

        def fire() -> None:
            with self.lock:
                if holder:
                    self.timers.discard(holder[0])
            self.runner._submit(self, work)  # never inline: a timer fires on its own thread

        with self.lock:
            dropped = self.cancelled.is_set()
            if not dropped:
                if not counted:
                    self.inflight += 1
                handle = self.runner._timers.call_later(delay, fire)
                holder.append(handle)
                self.timers.add(handle)
        # Cancelled while this step was on its way to waiting (writing down a long Delay takes
        # a moment): cancel() found no timer to drop, so none is set.
        if dropped and counted:
            self._task_done()  # the deferred wait of an inline run had counted itself

    def _park(
        self,
        scope: _Scope,
        work: _Work,
        wait: Wait,
        data: Any,
        params: Any,
        started_at: datetime,
        started: float,
    ) -> list[_Work]:
        seconds = (wait.until - datetime.now(UTC)).total_seconds()
        node_id = work.node_id
        port = self.types[node_id].default_port
        if seconds <= 0:
            self._succeeded(
                scope, node_id, work.attempt, data, params, wait.data, port, started_at, started
            )
            return self._completed(scope, node_id, {port: wait.data})
        parked = _Parked(wait.data, data, params, started_at, started)
        if seconds > self.runner.durable_wait:
            # Long enough that Flowin may stop meanwhile: keep what it takes to carry on.
            parked.durable = True
            with self.parked_lock:
                self.durable[node_id] = (scope, work.attempt, parked, wait.until)
            self._write_parked()
        self._later(seconds, _Work(scope, node_id, work.attempt, parked))
        return []

    def _write_parked(self) -> None:
        """Write down, for each Delay still waiting, what the run has done so far."""
        park = self.runner.history.park
        with self.parked_lock:
            self.parked_stale = False
            if not self.durable:
                return
            states = {
                node_id: (
                    until,
                    self._parked_state(scope, self.types[node_id].default_port, parked, attempt),
                )
                for node_id, (scope, attempt, parked, until) in self.durable.items()
            }
            # The steps before are written to the history first: a resumed run finds their
            # rows and writes none of its own for them.
            self.runner.events.flush()
            for node_id, (until, state) in states.items():
                park(self.id, node_id, until, state)

    def _parked_state(
        self, scope: _Scope, port: str, parked: _Parked, attempt: int
    ) -> dict[str, Any]:
        """What a Delay in ``scope`` writes down to carry on after a restart (JSON)."""
        loops: list[dict[str, Any]] = []
        with self.lock:
            inner = scope
            while inner.loop_run is not None:
                run = inner.loop_run
                loops.append(
                    {
                        "node": run.node_id,
                        "items": run.items,
                        "index": inner.iteration,
                        "results": list(run.results),
                        "input": run.data,
                        "params": run.params,
                        "started_at": run.started_at.isoformat(),
                        **_settled_state(inner),
                    }
                )
                inner = run.scope
            return {
                **_settled_state(self.top),
                "loops": loops[::-1],  # outermost first
                "port": port,
                "output": parked.output,
                "input": parked.data,
                "params": parked.params,
                "attempt": attempt,
                "started_at": parked.started_at.isoformat(),
            }

    def _resume_step(self, scope: _Scope, replay: _Replay, node_id: str) -> list[_Work] | None:
        """Go on from where a resumed run was in this step, if it was in it; None if not."""
        waiting = replay.delays.pop(node_id, None)
        if waiting is not None:
            wake_at, attempt, parked = waiting
            left = (wake_at - datetime.now(UTC)).total_seconds()
            if left > 0:  # another Delay of the run was due first
                with self.parked_lock:
                    self.durable[node_id] = (scope, attempt, parked, wake_at)
                self._later(left, _Work(scope, node_id, attempt, parked))
                return []
            return self._wake(_Work(scope, node_id, attempt, parked))
        loop = replay.loops.pop(node_id, None)
        if loop is not None:
            return self._start_loop(
                scope,
                node_id,
                loop.items,
                loop.data,
                loop.params,
                loop.started_at,
                _monotonic_at(loop.started_at),
                loop,
            )
        return None

    def _wake(self, work: _Work) -> list[_Work]:
        parked = work.parked
        assert parked is not None
        if parked.durable:
            with self.parked_lock:
                self.durable.pop(work.node_id, None)
                self.runner.history.unpark(self.id, work.node_id)
        port = self.types[work.node_id].default_port
        self._succeeded(
            work.scope,
            work.node_id,
            work.attempt,
            parked.data,
            parked.params,
            parked.output,
            port,
            parked.started_at,
            parked.started,
        )
        return self._completed(work.scope, work.node_id, {port: parked.output})

    def _start_loop(
        self,
        scope: _Scope,
        node_id: str,
        items: list[Any],
        data: Any,
        params: Any,
        started_at: datetime,
        started: float,
        resumed: _LoopReplay | None = None,
    ) -> list[_Work]:
        body = {n for n, s in self.scope_of.items() if s == node_id and n in self.nodes}
        results: list[Any] = list(resumed.results) if resumed is not None else []
        run = _LoopRun(node_id, items, results, data, params, started_at, scope)
        sinks = {n for n in body if not any(e.target in body for e in self.graph.outgoing[n])}

        def iteration(index: int) -> list[_Work]:
            if index == len(items) or self.cancelled.is_set():
                done = {"results": results, "count": len(results)}
                self._succeeded(
                    scope, node_id, 1, data, params, done, LOOP_DONE_PORT, started_at, started
                )
                return self._completed(scope, node_id, {LOOP_DONE_PORT: done})
            loop = {"item": items[index], "index": index, "count": len(items)}

            def iteration_done(inner: _Scope) -> list[_Work]:
                ran = {
                    name: out
                    for name, out in inner.outputs.items()
                    if self.ids_by_name[name] in sinks
                }
                results.append(next(iter(ran.values())) if len(ran) == 1 else ran or None)
                return iteration(index + 1)

            inner = _Scope(self, body, loop, index, iteration_done, entry_from=node_id)
            inner.loop_run = run
            if resumed is not None and index == resumed.index:
                inner.replay = resumed.body
                inner.reuse = resumed.body.reuse
            if not body:
                return iteration_done(inner)
            entry = Incoming(self.nodes[node_id].name, LOOP_BODY_PORT, items[index])
            ready: list[_Work] = []
            for edge in self.graph.outgoing[node_id]:
                if edge.source_port == LOOP_BODY_PORT and edge.target in body:
                    inner.arrived.setdefault(edge.target, []).append(entry)
                    inner.pending[edge.target] -= 1
            for target in sorted(body):
                if inner.pending[target] == 0 and inner.arrived.get(target):
                    ready.append(_Work(inner, target))
            return ready

        with self.lock:
            return iteration(resumed.index if resumed is not None else 0)


def _nothing_after(scope: _Scope) -> list[_Work]:
    return []


def _monotonic_at(moment: datetime) -> float:
    """What the monotonic clock read at ``moment``, for a wait or a run begun in an earlier
    process: durations then run from that moment, by the wall clock, across the restart."""
    return monotonic() - max(0.0, (datetime.now(UTC) - moment).total_seconds())


def _settled_state(scope: _Scope) -> dict[str, Any]:
    reuse = {n: [port, out] for n, done in scope.settled.items() if done for port, out in [done]}
    skipped = sorted(n for n, done in scope.settled.items() if done is None)
    return {"reuse": reuse, "skipped": skipped}


def _replay_of(waiting: Sequence[Waiting]) -> _Replay:
    """Merge what each parked Delay of one execution wrote down into one replay of the run.

    Each Delay wrote down everything settled at the moment it parked; whatever settled stays
    settled, so the union is what the run had done by the last of them.
    """
    top = _Replay({}, set(), {}, {})
    for wait in waiting:
        state = wait.state
        replay = _merge_settled(top, state)
        for frame in state.get("loops", []):
            loop = replay.loops.get(frame["node"])
            if loop is None or loop.index != frame["index"]:
                loop = _LoopReplay(
                    list(frame["items"]),
                    frame["index"],
                    list(frame["results"]),
                    frame.get("input"),
                    frame.get("params"),
                    datetime.fromisoformat(frame["started_at"]),
                    _Replay({}, set(), {}, {}),
                )
                replay.loops[frame["node"]] = loop
            replay = _merge_settled(loop.body, frame)
        # The Delay's row keeps the moment it began and ends when the run carries on; its
        # duration is the wall-clock time between the two, so that finished - started =
        # duration as for every other step. That is the wait itself, plus however long Flowin
        # was off past the wake time: the run really was held that long. (The monotonic clock
        # of the process that parked it means nothing here.) Rows parked by older versions
        # lack the start; their wait then shows from the resumption on.
        began = state.get("started_at")
        started_at = datetime.fromisoformat(began) if began else datetime.now(UTC)
        # durable: the row is deleted when the Delay ends, just before the steps after it run.
        parked = _Parked(
            state.get("output"),
            state.get("input"),
            state.get("params"),
            started_at,
            _monotonic_at(started_at),
            durable=True,
        )
        replay.delays[wait.node_id] = (wait.wake_at, int(state.get("attempt", 1)), parked)
    return top


def _merge_settled(replay: _Replay, state: Mapping[str, Any]) -> _Replay:
    for node_id, (port, output) in state.get("reuse", {}).items():
        replay.reuse[node_id] = Reused(port, output, recorded=True)
    replay.skipped.update(state.get("skipped", []))
    return replay


def _rendered_params(node: Node, node_type: NodeType, context: dict[str, Any]) -> dict[str, Any]:
    params = {}
    for key, value in node.params.items():
        try:
            params[key] = render(value, context, node.name, node_type.field_title(key))
        except FlowinError as error:
            error.setting = key
            raise
    return params


def _settled_settings(plan: FlowPlan) -> dict[str, tuple[dict[str, Any], BaseModel]]:
    """The settings of each step in ``plan`` that renders and validates them the same way in
    every run: one that runs inline, whose settings are plain text, numbers, yes/no or empty
    and hold no template. Nothing in them can change: a list or group of values would reach
    the run's outputs, where a later step may add to it (Set fields' dotted names do), and
    every run would then share one. A step whose settings do not validate is left to fail in
    each run, as before."""
    settled = {}
    for node_id, node in plan.nodes.items():
        node_type = plan.types[node_id]
        if not node_type.manifest.runs_inline or not all(
            type(value) in _PLAIN_SETTINGS and not is_template(value)
            for value in node.params.values()
        ):
            continue
        params = dict(node.params)
        try:
            model = node_type.input_model.model_validate(params)
        except ValidationError:
            continue
        # Defaults count too: a step handing on its default list or group would share it.
        if all(type(value) in _PLAIN_SETTINGS for value in model.__dict__.values()):
            settled[node_id] = (params, model)
    return settled


_PLAIN_SETTINGS = frozenset({str, int, float, bool, type(None)})


def _template_context(
    trigger_output: Any,
    steps: dict[str, dict[str, Any]],
    data: Any,
    loop: Any,
    execution_id: str,
) -> dict[str, Any]:
    """What a step's ``{{ templates }}`` read: the trigger's output, the steps' outputs by name,
    the step's input, the loop's item, the time now and the run's id."""
    return {
        "trigger": trigger_output,
        "steps": steps,
        "input": data,
        "loop": loop,
        "now": datetime.now(UTC),
        "execution_id": execution_id,
    }


def _step_succeeded(
    execution_id: str,
    node: Node,
    attempt: int,
    iteration: int | None,
    data: Any,
    params: Any,
    output: Any,
    port: str,
    started_at: datetime,
    started: float,
) -> StepFinished:
    """The event of a step attempt that ended well: its input with the settings it ran with."""
    return StepFinished(
        execution_id,
        node.id,
        node.name,
        node.type,
        attempt,
        iteration,
        StepStatus.SUCCESS,
        {"data": data, "params": params},
        output,
        port,
        None,
        started_at,
        datetime.now(UTC),
        monotonic() - started,
    )


def _straight_line(plan: FlowPlan) -> tuple[str, ...]:
    """The steps of an inline flow that is one straight line, in order (see FlowPlan.line);
    empty for any other flow."""
    if not plan.inline or len(plan.top) != len(plan.nodes):
        return ()
    triggers = [n for n, t in plan.types.items() if t.is_trigger]
    if len(triggers) != 1:
        return ()
    line = [triggers[0]]
    while True:
        node_id = line[-1]
        if plan.nodes[node_id].disabled:
            return ()
        outgoing = plan.graph.outgoing[node_id]
        if not outgoing:
            break
        edge = outgoing[0]
        if (
            len(outgoing) > 1
            or edge.source_port != plan.types[node_id].default_port
            or edge.target_port != MAIN_PORT
            or len(plan.graph.incoming[edge.target]) != 1
            or edge.target in line
        ):
            return ()
        line.append(edge.target)
    return tuple(line) if len(line) == len(plan.nodes) else ()


def _walk_line(
    runner: Runner, plan: FlowPlan, trigger_data: Any, mode: str, execution_id: str
) -> tuple[ExecutionHandle, list[Event]] | None:
    """Run ``plan.line`` to its end on this thread, recording what the general way records for
    such a run: a handle that has ended and the run's events. None as soon as a step does
    anything but hand its default output to the next (fails, waits, loops, takes another
    branch): the run is then made again from the start the general way, which knows what to do.
    Making it again is safe because every step of an inline flow only reshapes data in memory
    (its manifest's ``runs_inline``): the first attempt had no effect outside this function."""
    flow = plan.flow
    started_at = datetime.now(UTC)
    started = monotonic()
    events: list[Event] = [
        ExecutionStarted(execution_id, flow.id, flow.name, trigger_data, started_at, mode)
    ]
    steps: dict[str, dict[str, Any]] = {}  # what {{ steps['Name'] }} reads
    trigger_output: Any = None
    data = trigger_data
    arrived: list[Incoming] = []
    cancelled = _Flag()
    last = len(plan.line) - 1
    for position, node_id in enumerate(plan.line):
        node, node_type = plan.nodes[node_id], plan.types[node_id]
        step_started_at = datetime.now(UTC)
        step_started = monotonic()
        events.append(
            StepStarted(execution_id, node_id, node.name, node.type, 1, None, data, step_started_at)
        )
        try:
            settled = plan.settled.get(node_id)
            if settled is not None:
                params, model = settled
            else:
                context = _template_context(trigger_output, steps, data, None, execution_id)
                params = _rendered_params(node, node_type, context)
                model = _validate_params(node_type, node, params)
            context_of_step = StepContext(
                execution_id=execution_id,
                flow=flow,
                node=node,
                attempt=1,
                timeout=node.settings.timeout,
                input=data,
                inputs=arrived,
                trigger_data=trigger_data,
                cancelled=cancelled,
                started=step_started,
                connections=runner.connections,
            )
            result = node_type.function(model, context_of_step)
        except Exception:
            return None
        if isinstance(result, Wait | ForEach):
            return None
        port, output = (
            (result.port, result.data)
            if isinstance(result, Emit)
            else (node_type.default_port, result)
        )
        if port != node_type.default_port and position != last:
            return None
        events.append(
            _step_succeeded(
                execution_id,
                node,
                1,
                None,
                data,
                params,
                output,
                port,
                step_started_at,
                step_started,
            )
        )
        if position == 0:
            trigger_output = output
        steps[node.name] = {"output": output}
        arrived = [Incoming(node.name, port, output)]
        data = output
    finished_at = datetime.now(UTC)
    duration = monotonic() - started
    events.append(
        ExecutionFinished(
            execution_id,
            flow.id,
            ExecutionStatus.SUCCESS,
            finished_at,
            duration,
            None,
            None,
            None,
            None,
        )
    )
    handle = ExecutionHandle(execution_id, runner)
    handle._finish(
        ExecutionResult(
            execution_id,
            flow.id,
            ExecutionStatus.SUCCESS,
            None,
            None,
            {name: view["output"] for name, view in steps.items()},
            started_at,
            finished_at,
            duration,
        )
    )
    return handle, events


def _validate_params(node_type: NodeType, node: Node, params: Any) -> BaseModel:
    try:
        return node_type.input_model.model_validate(params)
    except ValidationError as error:
        first = error.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        title = node_type.field_title(key) if key else "its settings"
        if first["type"] == "missing":
            problem = Problem(
                "'{step}' → {title} is required.",
                node.name,
                key,
                args={"step": node.name, "title": title},
            )
        else:
            problem = Problem(
                "'{step}' → {title} {reason}.",
                node.name,
                key,
                args={"step": node.name, "title": title, "reason": first["msg"].lower()},
            )
        raise StepError(problem.message, setting=key or None, problem=problem) from None


def _describe_failure(error: Exception, node_type: NodeType) -> tuple[str, bool, float | None]:
    """The user's sentence for a failure, whether trying again may help, and when."""
    if isinstance(error, RetryableError):
        return str(error), True, error.retry_after
    if isinstance(error, StoppedByFlow | StepError | ExpressionError):
        return str(error), False, None
    if isinstance(error, FlowinError):
        return str(error), False, None
    repeat_safe = node_type.manifest.repeat_safe
    # httpx loads with a step's first request; until then no error can be one of its own.
    httpx = sys.modules.get("httpx")
    if httpx is not None and isinstance(error, httpx.TimeoutException):
        return "The service did not answer in time.", repeat_safe, None
    if httpx is not None and isinstance(error, httpx.TransportError):
        return f"Can't reach the service: {error}.", repeat_safe, None
    if isinstance(error, ConnectionError):
        return f"Can't reach the service: {error}.", repeat_safe, None
    if isinstance(error, TimeoutError):
        return "The step took too long.", repeat_safe, None
    return f"The step crashed: {type(error).__name__}: {error}", False, None
