"""Retrying a failed execution from the step that failed, with the data it had then."""

from __future__ import annotations

from .errors import FlowinError
from .events import ExecutionStatus, StepStatus
from .model import Flow
from .run_ids import short_id
from .runner import ExecutionHandle, Reused, Runner
from .store import Store, is_truncated

RETRYABLE = {ExecutionStatus.FAILED, ExecutionStatus.INTERRUPTED, ExecutionStatus.CANCELLED}


REFUSED_NO_RETRY = (
    "This request was refused when it came in, and nothing it carried was kept: there is "
    "nothing to run again. If it should have run, fix what the refusal says and have the "
    "service send it again."
)


def was_refused(error: str | None, trigger_data: object) -> bool:
    """Whether a run is the record of a request refused at the public address (a wrong
    signature): the flow never started, and what was sent is not kept, so it can't run again."""
    from .runtime._relay import REFUSED_ERROR  # the runtime imports this module's neighbours

    prefix = REFUSED_ERROR.split("{", 1)[0]
    return trigger_data is None and (error or "").startswith(prefix)


def retry_execution(store: Store, runner: Runner, execution_id: str) -> ExecutionHandle:
    """Start a new execution of the same flow version that reuses every step that succeeded."""
    detail = store.executions.get(execution_id)
    if ExecutionStatus(detail.status) not in RETRYABLE:
        raise FlowinError(
            f"Execution {short_id(detail.id)} ended as {detail.status}; only failed or interrupted runs can be retried."
        )
    if was_refused(detail.error, detail.trigger_data):
        raise FlowinError(REFUSED_NO_RETRY)
    if detail.flow_version is not None:
        flow = store.flows.get_version(detail.flow_id, detail.flow_version)
    else:
        flow = store.flows.get(detail.flow_id)
    reuse: dict[str, Reused] = {}
    for step in detail.steps:
        # Only steps outside loops are reused: a loop that did not finish runs again as a whole.
        ok = StepStatus(step.status) in (StepStatus.SUCCESS, StepStatus.REUSED)
        if ok and step.iteration is None and step.port is not None:
            if is_truncated(step.output):
                # The history kept only the start of this output: the step runs again (a
                # trigger, on the run's whole trigger data), unless that would repeat an effect.
                _check_repeatable(runner, flow, step.node_id, step.node_name)
                continue
            reuse[step.node_id] = Reused(step.port, step.output)
    return runner.start(flow, detail.trigger_data, mode="retry", reuse=reuse, retry_of=detail.id)


def _check_repeatable(runner: Runner, flow: Flow, node_id: str, node_name: str) -> None:
    try:
        node = flow.node(node_id)
    except KeyError:
        return
    node_type = runner.registry.get(node.type)
    if not node_type.is_trigger and not node_type.manifest.repeat_safe:
        raise FlowinError(
            f"'{node_name}' gave more data than the history keeps, and running it again could "
            "repeat what it did (a message sent twice); run the flow again from the start instead."
        )
