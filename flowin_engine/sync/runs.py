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
from ..events import ExecutionStatus
from ..store import Store
from .client import CloudClient, CloudRun

if TYPE_CHECKING:
    from ..runtime import Runtime

log = logging.getLogger(__name__)

SOURCE = "cloud"
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
    return report


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
    log.info("Starting run %s, claimed before Flowin stopped", run.id[:8])
    _start(run, client, runtime, claims, report)


def _start(
    run: CloudRun, client: CloudClient, runtime: Runtime, claims: _Claims, report: RunsReport
) -> None:
    """Accept a run claimed by this computer into the inbox; on failure, tell the cloud."""
    try:
        runtime.submit(run.flow_id, SOURCE, run.input, event_id=run.id)
    except Exception as error:  # claimed but not started: say so rather than leave it running
        log.exception("Could not start run %s from the cloud", run.id[:8])
        client.report_run(run.id, f"Flowin could not start the run on this computer: {error}")
        claims.discard(run.id)
        return
    log.info("Picked up run %s of '%s' from the cloud", run.id[:8], run.flow_id)
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
