"""Test data while building a flow: pinned outputs, and running one step on its own.

A pinned output (``Flow.pinned``) is a step's result kept with the flow. Test runs started with
``start_test_run`` replay it instead of running the step, so a service is not called again and
again while the steps after it are being built. Only these test runs read pins: the runtime
starts runs of active flows with ``Runner.start_many``, which never replays anything, and the
command line runs a flow for real. Exported flows leave pins out (``sharing.shareable``): they
are a sample of someone's real data.

``run_step`` runs one step with what reached it in the latest runs, and nothing else.
"""

from __future__ import annotations

from typing import Any

from .errors import FlowinError
from .events import StepStatus
from .graph import Graph
from .model import Flow, PinnedOutput
from .registry import MAIN_PORT, Registry, TriggerKind
from .runner import ExecutionHandle, Reused, Runner
from .store import Store, is_truncated
from .validation import LOOP_TYPE

STEP_MODE = "step"  # the mode of a run of one step
RECENT_RUNS = 10  # how far back run_step looks for a step's latest output

NO_EARLIER_RUN = "Run the flow once first so this step has data to work with."


def pin(output: Any, port: str = "main") -> PinnedOutput:
    """A pinned output; values under secret-looking keys are masked."""
    return PinnedOutput(port=port, output=output)


def pinned_reuse(flow: Flow) -> dict[str, Reused]:
    """The flow's pinned outputs, as the runner replays them (pins of deleted steps dropped)."""
    ids = {node.id for node in flow.nodes}
    return {
        node_id: Reused(pinned.port, pinned.output)
        for node_id, pinned in flow.pinned.items()
        if node_id in ids
    }


def example_reuse(flow: Flow, registry: Registry) -> dict[str, Reused]:
    """The declared example of each webhook trigger that nothing stands in for (no pin), as the
    runner replays it: a test run clicked before the service has sent anything starts from what
    the data panel shows, not from an empty request."""
    examples = {}
    for node in flow.nodes:
        node_type = registry.find(node.type)
        if node.id in flow.pinned or node_type is None:
            continue
        example = node_type.manifest.output_example
        if node_type.trigger_kind == TriggerKind.WEBHOOK and example is not None:
            examples[node.id] = Reused(MAIN_PORT, example)
    return examples


def start_test_run(runner: Runner, flow: Flow, trigger_data: Any = None) -> ExecutionHandle:
    """Start a test run of ``flow`` in which pinned steps replay their pinned output, and a
    webhook trigger with no data given or pinned replays its declared example."""
    reuse = pinned_reuse(flow)
    if trigger_data is None:
        reuse = {**example_reuse(flow, runner.registry), **reuse}
    return runner.start(flow, trigger_data, mode="manual", reuse=reuse)


def latest_outputs(
    store: Store, flow_id: str, cut: set[str] | None = None
) -> tuple[dict[str, Reused], Any]:
    """Each step's output in the newest recent run that settled it, and that run's trigger data.

    A step skipped in a full run has no output there (its branch was not taken); the steps a
    run of one step skipped were only left alone, so older runs are looked at for them. Steps
    inside loops ran once per item and have no single output. An output too big for the
    history was kept cut: it is left out, and its step's id added to ``cut``.
    """
    outputs: dict[str, Reused] = {}
    settled: set[str] = set()
    trigger_data: Any = None
    found = False
    for summary in store.executions.summaries(flow_id=flow_id, limit=RECENT_RUNS):
        detail = store.executions.get(summary.id)
        if not found:
            trigger_data, found = detail.trigger_data, True
        for step in detail.steps:
            if step.iteration is not None or step.node_id in settled:
                continue
            status = StepStatus(step.status)
            if status in (StepStatus.SUCCESS, StepStatus.REUSED) and step.port is not None:
                if is_truncated(step.output):
                    if cut is not None:
                        cut.add(step.node_id)
                else:
                    outputs[step.node_id] = Reused(step.port, step.output)
                settled.add(step.node_id)
            elif status == StepStatus.SKIPPED and detail.mode != STEP_MODE:
                settled.add(step.node_id)
    return outputs, trigger_data


def run_step(store: Store, runner: Runner, flow: Flow, node_id: str) -> ExecutionHandle:
    """Run only ``node_id``, with the outputs the steps before it gave in the latest runs.

    Pinned outputs stand in for those steps' results; the step itself runs for real even when
    it is pinned (running it is what was asked). Raises ``FlowinError`` when nothing has run
    before it yet.
    """
    node = flow.node(node_id)
    graph = Graph.of(flow)
    loops = [n.id for n in flow.nodes if n.type == LOOP_TYPE]
    if graph.loop_scopes(loops).get(node_id) is not None:
        raise FlowinError(
            f"'{node.name}' runs inside a loop, once per item: run the loop step instead."
        )
    cut: set[str] = set()
    outputs, trigger_data = latest_outputs(store, flow.id, cut)
    after = graph.downstream(node_id) | {node_id}
    reuse = {n: r for n, r in {**outputs, **pinned_reuse(flow)}.items() if n not in after}
    is_trigger = not graph.incoming[node_id] and runner.registry.get(node.type).is_trigger
    if not is_trigger:
        incoming = graph.incoming[node_id]
        if not any(edge.source in reuse for edge in incoming):
            too_big = [e.source for e in incoming if e.source in cut]
            if too_big:
                raise FlowinError(
                    f"What '{flow.node(too_big[0]).name}' gave in the latest run was too big to "
                    f"keep in the history; run the whole flow to try '{node.name}'."
                )
            raise FlowinError(NO_EARLIER_RUN)
        if not any(
            edge.source in reuse and reuse[edge.source].port == edge.source_port
            for edge in incoming
        ):
            raise FlowinError(
                f"No data reached '{node.name}' in the latest run: the way to it was not taken."
            )
    return runner.start(flow, trigger_data, mode=STEP_MODE, reuse=reuse, only=node_id)
