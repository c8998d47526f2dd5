"""Runs asked for through the cloud's API, run on this computer.

``POST /api/run/{flow id}`` queues a run in the cloud; the cloud runs nothing itself. A computer
signed in to the account picks up the queued runs of the flows *active on it* (the same rule as
for schedules and webhooks: each computer decides what it runs), claims each (only one computer
gets a run), runs it through its runtime's inbox like any trigger event, and reports how it
ended at a later pick-up. The local execution has the cloud run's id, so the history and the
cloud name the same run, and a run cut off by a crash is still reported once the runtime has
marked it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import NotFound
from ..events import ExecutionStatus
from ..store import Store
from .client import CloudClient

if TYPE_CHECKING:
    from ..runtime import Runtime

log = logging.getLogger(__name__)

SOURCE = "cloud"
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
    for run in client.list_runs("running"):
        try:
            execution = store.get_execution(run.id)
        except NotFound:
            continue  # another computer's, or not started here yet
        if execution.status not in ENDED:
            continue
        failed = execution.status is not ExecutionStatus.SUCCESS
        client.report_run(run.id, (execution.error or str(execution.status)) if failed else None)
        report.reported.append(run.id)
    active = set(runtime.active_flows())
    for run in reversed(client.list_runs("queued")):  # oldest first
        if run.flow_id not in active or not client.claim_run(run.id):
            continue
        try:
            runtime.submit(run.flow_id, SOURCE, run.input, event_id=run.id)
        except Exception as error:  # claimed but not started: say so rather than leave it running
            log.exception("Could not start run %s from the cloud", run.id[:8])
            client.report_run(run.id, f"Flowin could not start the run on this computer: {error}")
            continue
        log.info("Picked up run %s of '%s' from the cloud", run.id[:8], run.flow_id)
        report.started.append(run.id)
    return report
