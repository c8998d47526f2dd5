"""Runs asked for through the cloud's API, run on this computer.

``POST /api/run/{flow id}`` queues a run in the cloud; the cloud runs nothing itself. A computer
signed in to the account picks up the queued runs of the flows *active on it* (the same rule as
for schedules and webhooks: each computer decides what it runs), claims each (only one computer
gets a run), runs it through its runtime's inbox like any trigger event, and reports how it
ended at a later pick-up. The local execution has the cloud run's id, so the history and the
cloud name the same run, and a run cut off by a crash is still reported once the runtime has
marked it.

A claim is noted here before it is made: if Flowin stops between claiming a run and accepting
it into the inbox, the next pick-up finds the run "running" in the cloud, claimed by this
computer and known nowhere here, and starts it then.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import NotFound
from ..events import ExecutionFinished, ExecutionStatus, StepFinished, StepStatus
from ..run_ids import short_id
from ..store import Store
from .client import CloudClient, CloudRun, CloudRunDone, CloudStep

if TYPE_CHECKING:
    from ..runtime import Runtime

log = logging.getLogger(__name__)

SOURCE = "cloud"
# The mode of a run the cloud ran itself, in this computer's history: the app marks it.
CLOUD_MODE = "cloud"
CLAIMS_SETTING = "cloud.claimed_runs"
NO_LONGER_ACTIVE = (
    "Flowin stopped on the computer that took this run before it started, and the flow is "
    "no longer switched on there."
)
ENDED = {
    ExecutionStatus.SUCCESS,
    ExecutionStatus.FAILED,
    ExecutionStatus.CANCELLED,
    ExecutionStatus.INTERRUPTED,
}


@dataclass
class RunsReport:
    started: list[str] = field(default_factory=list)  # cloud run ids now running here
    reported: list[str] = field(default_factory=list)  # ended here, and the cloud was told
    # Runs the cloud ran itself (flows that run in the cloud), now in this computer's history.
    imported: list[str] = field(default_factory=list)


def pick_up_runs(store: Store, client: CloudClient, runtime: Runtime) -> RunsReport:
    """Report the runs that ended here, then start the queued runs of flows active here.

    Raises the client's ``SyncError`` when the cloud can't be asked; what was done until then
    stays done (a claimed run is in the inbox before the next is claimed).
    """
    report = RunsReport()
    claims = _Claims(store)
    running = client.list_runs("running")
    # A claim the cloud no longer shows running has ended, or never reached the cloud.
    claims.keep_only({run.id for run in running})
    active = set(runtime.active_flows())
    for run in running:
        try:
            execution = store.executions.get(run.id)
        except NotFound:
            if run.id in claims and not runtime.store.inbox.holds(run.id):
                _start_claimed_before_a_stop(run, client, runtime, active, claims, report)
            continue  # otherwise another computer's, or waiting in the inbox here
        if execution.status not in ENDED:
            continue
        failed = execution.status is not ExecutionStatus.SUCCESS
        client.report_run(run.id, (execution.error or str(execution.status)) if failed else None)
        claims.discard(run.id)
        report.reported.append(run.id)
    for run in reversed(client.list_runs("queued")):  # oldest first
        if run.flow_id not in active:
            continue
        claims.add(run.id)  # before the claim, so a stop right after it cannot lose the run
        if not client.claim_run(run.id):
            claims.discard(run.id)
            continue
        _start(run, client, runtime, claims, report)
    report.imported = import_cloud_runs(store, client, runtime)
    return report


def import_cloud_runs(
    store: Store, client: CloudClient, runtime: Runtime | None = None
) -> list[str]:
    """Copies the runs the cloud ran (of flows that run in the cloud) and that this computer's
    history lacks into it, with their steps, marked as run in the cloud (mode "cloud"): the
    run list, a run's steps and its failure show them like the runs made here. A failed one is
    also told to the runtime's listeners, as a failed run here is (the app's tray)."""
    done = client.list_cloud_runs()
    known = store.executions.recorded([run.id for run in done])
    imported = []
    for run in reversed(done):  # oldest first
        if run.id in known:
            continue
        try:
            flow = store.flows.get(run.flow_id)
        except NotFound:
            continue  # a flow this computer does not have: nothing to show it under
        steps = client.run_steps(run.id)
        store.executions.begin_execution(
            run.id, flow, run.input, CLOUD_MODE, started_at=run.started_at
        )
        end = _end(run, steps)
        store.executions.record([*(_step_event(run.id, step) for step in steps), end])
        imported.append(run.id)
        if runtime is not None:
            # flowin serve's console shows it as it shows a run made here (runtime's run line).
            error = f": {end.error}" if end.error else ""
            logging.getLogger("flowin.runtime").info(
                "%s %-10s %s (in the cloud)%s", short_id(run.id), end.status, flow.name, error
            )
            if end.status is ExecutionStatus.FAILED:
                runtime.runner.events.publish(end)
            # In the bell and through the owner's channels, as a run made here (a recovery too).
            runtime.notifications.ended_elsewhere(end, flow.name)
    if imported:
        log.info("Copied %d runs made in the cloud into the history", len(imported))
    return imported


def _step_event(run_id: str, step: CloudStep) -> StepFinished:
    ended = step.finished_at or step.started_at
    status = StepStatus(step.status)
    if status is StepStatus.RUNNING:  # cut off in the cloud and never ended there
        status = StepStatus.FAILED
    return StepFinished(
        execution_id=run_id,
        node_id=step.node_id,
        node_name=step.node_name,
        node_type=step.node_type,
        attempt=step.attempt,
        iteration=step.iteration,
        status=status,
        input=step.input,
        output=step.output,
        port=step.port,
        error=step.error,
        started_at=step.started_at,
        at=ended,
        duration=(ended - step.started_at).total_seconds(),
    )


def _end(run: CloudRunDone, steps: list[CloudStep]) -> ExecutionFinished:
    failed = next((step for step in steps if step.status == StepStatus.FAILED), None)
    return ExecutionFinished(
        execution_id=run.id,
        flow_id=run.flow_id,
        status=ExecutionStatus.SUCCESS if run.succeeded else ExecutionStatus.FAILED,
        at=run.finished_at,
        duration=(run.finished_at - run.started_at).total_seconds(),
        error=None if run.succeeded else run.error,
        failed_node=failed.node_name if failed is not None and not run.succeeded else None,
    )


def _start_claimed_before_a_stop(
    run: CloudRun,
    client: CloudClient,
    runtime: Runtime,
    active: set[str],
    claims: _Claims,
    report: RunsReport,
) -> None:
    if run.flow_id not in active:
        client.report_run(run.id, NO_LONGER_ACTIVE)
        claims.discard(run.id)
        return
    log.info("Starting run %s, claimed before Flowin stopped", short_id(run.id))
    _start(run, client, runtime, claims, report)


def _start(
    run: CloudRun, client: CloudClient, runtime: Runtime, claims: _Claims, report: RunsReport
) -> None:
    """Accept a run claimed by this computer into the inbox; on failure, tell the cloud."""
    try:
        runtime.submit(run.flow_id, SOURCE, run.input, event_id=run.id)
    except Exception as error:  # claimed but not started: say so rather than leave it running
        log.exception("Could not start run %s from the cloud", short_id(run.id))
        client.report_run(run.id, f"Flowin could not start the run on this computer: {error}")
        claims.discard(run.id)
        return
    log.info("Picked up run %s of '%s' from the cloud", short_id(run.id), run.flow_id)
    report.started.append(run.id)


class _Claims:
    """The cloud runs this computer claimed and has not reported yet, kept in the store."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._ids: set[str] = set(store.get_setting(CLAIMS_SETTING, []))

    def __contains__(self, run_id: str) -> bool:
        return run_id in self._ids

    def add(self, run_id: str) -> None:
        self._save(self._ids | {run_id})

    def discard(self, run_id: str) -> None:
        self._save(self._ids - {run_id})

    def keep_only(self, run_ids: set[str]) -> None:
        self._save(self._ids & run_ids)

    def _save(self, ids: set[str]) -> None:
        if ids != self._ids:
            self._ids = ids
            self._store.set_setting(CLAIMS_SETTING, sorted(ids))
