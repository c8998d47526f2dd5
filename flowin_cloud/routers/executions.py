"""Runs asked for through the API. The cloud does not run flows: it queues a record that the
desktop runtime picks up, and the desktop reports the run's progress back here."""

from __future__ import annotations

import json
import logging
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Path, status
from fastapi import HTTPException as Refusal
from pydantic import BaseModel, Field
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..deps import ApiCaller, Cloud, CloudDep, SessionDep, require_verified_email
from ..models import CloudFlow, Execution, ExecutionStep, RunJob
from ..schemas import JsonValue, Storable, errors
from ..triggers.jobs import add_job
from .flows import NOT_FOUND as FLOW_NOT_FOUND
from .flows import api_rate_limit

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["executions"], dependencies=[Depends(api_rate_limit)])

Status = Literal["queued", "running", "success", "error"]
ExecutionId = Annotated[str, Path(max_length=36), Storable]
NOT_FOUND = "There is no run with this id in your account."
ALREADY_TAKEN = "This run was already picked up by a computer."
IN_THE_CLOUD = "This run happens in the cloud, not on a computer."
MAX_INPUT_BYTES = 256 * 1024


class RunRequest(BaseModel):
    input: JsonValue = None


class ExecutionOut(BaseModel):
    id: str
    flow_id: str
    status: Status
    input: Any
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    error: str | None
    runs_in: Literal["computer", "cloud"] = "computer"


class ExecutionList(BaseModel):
    executions: list[ExecutionOut]


class StepOut(BaseModel):
    node_id: str
    node_name: str
    node_type: str
    iteration: int | None
    attempt: int
    status: str
    port: str | None
    input: Any
    output: Any
    error: str | None
    started_at: datetime
    finished_at: datetime | None


class StepList(BaseModel):
    steps: list[StepOut]


class ExecutionReport(BaseModel):
    status: Literal["running", "success", "error"]
    error: Annotated[str, Field(max_length=20_000), Storable] | None = None


def execution_out(row: Execution) -> ExecutionOut:
    return ExecutionOut(
        id=row.id,
        flow_id=row.flow_id,
        status=row.status,  # type: ignore[arg-type]
        input=json.loads(row.input),
        created_at=row.created_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
        error=row.error,
        runs_in=row.runs_in,  # type: ignore[arg-type]
    )


@router.post(
    "/run/{flow_id}",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ExecutionOut,
    responses=errors(401, 403, 404, 413, 429),
)
def run_flow(
    flow_id: Annotated[str, Path(min_length=1, max_length=200), Storable],
    caller: ApiCaller,
    session: SessionDep,
    cloud: CloudDep,
    body: Annotated[RunRequest | None, Body()] = None,
) -> ExecutionOut:
    """Queues a run of the flow: for the desktop to pick up, or, for a flow that runs in the
    cloud, for the cloud's workers. The account's e-mail address must be verified."""
    require_verified_email(caller.user)
    flow = session.get(CloudFlow, (caller.user.id, flow_id))
    if flow is None or flow.deleted:
        raise Refusal(status.HTTP_404_NOT_FOUND, detail=FLOW_NOT_FOUND)
    text = json.dumps(body.input if body else None)
    if len(text.encode()) > MAX_INPUT_BYTES:
        raise Refusal(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"The run's input is larger than {MAX_INPUT_BYTES // 1024} KB.",
        )
    if flow.cloud_run:
        # The run and its outbox job in one transaction, so a broker that is down loses
        # nothing: the triggers' relay hands it over later. Sent at once when the broker answers.
        payload = body.input if body else None
        run_id = add_job(session, caller.user.id, flow_id, "api", payload)
        session.commit()
        row = session.get(Execution, run_id)
        assert row is not None
        _send_now(cloud, session, row, payload)  # whole: the row's input is masked
        return execution_out(row)
    row = Execution(
        id=str(uuid.uuid4()),
        owner_id=caller.user.id,
        flow_id=flow_id,
        status="queued",
        input=text,
        created_at=datetime.now(UTC),
    )
    session.add(row)
    session.commit()
    return execution_out(row)


def _send_now(cloud: Cloud, session: Session, row: Execution, payload: Any) -> None:
    from ..runner.app import send_run  # Celery is loaded by servers that run flows only

    try:
        send_run(cloud.celery(), row.owner_id, row.flow_id, row.id, payload)
    except Exception as error:  # the broker's own errors vary by transport
        log.warning(
            "Run %s waits in the outbox: the broker did not take it (%s)",
            row.id,
            type(error).__name__,
        )
        return
    session.execute(
        update(RunJob)
        .where(RunJob.id == row.id, RunJob.sent_at.is_(None))
        .values(sent_at=datetime.now(UTC))
    )
    session.commit()


def _owned(session: Session, owner_id: str, execution_id: str) -> Execution:
    row = session.get(Execution, execution_id)
    if row is None or row.owner_id != owner_id:
        raise Refusal(status.HTTP_404_NOT_FOUND, detail=NOT_FOUND)
    return row


@router.get("/executions", response_model=ExecutionList, responses=errors(401))
def list_executions(
    caller: ApiCaller,
    session: SessionDep,
    status: Status | None = None,
    runs_in: Literal["computer", "cloud"] | None = None,
) -> ExecutionList:
    """The account's runs, newest first (at most 100); ``runs_in=cloud``: those the cloud ran."""
    query = select(Execution).where(Execution.owner_id == caller.user.id)
    if status is not None:
        query = query.where(Execution.status == status)
    if runs_in is not None:
        query = query.where(Execution.runs_in == runs_in)
    rows = session.scalars(query.order_by(Execution.created_at.desc(), Execution.id).limit(100))
    return ExecutionList(executions=[execution_out(row) for row in rows])


@router.get("/executions/{execution_id}", response_model=ExecutionOut, responses=errors(401, 404))
def get_execution(
    execution_id: ExecutionId, caller: ApiCaller, session: SessionDep
) -> ExecutionOut:
    return execution_out(_owned(session, caller.user.id, execution_id))


@router.get("/executions/{execution_id}/steps", response_model=StepList, responses=errors(401, 404))
def list_steps(execution_id: ExecutionId, caller: ApiCaller, session: SessionDep) -> StepList:
    """What each step of a cloud run received and gave, in the order they ran (a run on a
    computer keeps its steps there: none here)."""
    _owned(session, caller.user.id, execution_id)
    rows = session.scalars(
        select(ExecutionStep)
        .where(ExecutionStep.execution_id == execution_id)
        .order_by(ExecutionStep.id)
    )
    return StepList(
        steps=[
            StepOut(
                node_id=row.node_id,
                node_name=row.node_name,
                node_type=row.node_type,
                iteration=row.iteration,
                attempt=row.attempt,
                status=row.status,
                port=row.port,
                input=json.loads(row.input) if row.input is not None else None,
                output=json.loads(row.output) if row.output is not None else None,
                error=row.error,
                started_at=row.started_at,
                finished_at=row.finished_at,
            )
            for row in rows
        ]
    )


@router.patch(
    "/executions/{execution_id}", response_model=ExecutionOut, responses=errors(401, 404, 409)
)
def report_execution(
    execution_id: ExecutionId,
    body: ExecutionReport,
    caller: ApiCaller,
    session: SessionDep,
) -> ExecutionOut:
    """The desktop runtime reports a run it picked up: running, then success or error.

    "running" claims a queued run: only one computer gets it, the others get 409.
    """
    query = select(Execution).where(
        Execution.id == execution_id, Execution.owner_id == caller.user.id
    )
    if body.status == "running":
        query = query.with_for_update()  # two computers claiming at once: one waits, sees it taken
    row = session.scalars(query).one_or_none()
    if row is None:
        raise Refusal(status.HTTP_404_NOT_FOUND, detail=NOT_FOUND)
    if row.runs_in == "cloud":
        # Its worker reports on it; a computer taking it too would run it twice.
        raise Refusal(status.HTTP_409_CONFLICT, detail=IN_THE_CLOUD)
    if body.status == "running" and row.status != "queued":
        raise Refusal(status.HTTP_409_CONFLICT, detail=ALREADY_TAKEN)
    now = datetime.now(UTC)
    row.status = body.status
    if body.status == "running":
        row.started_at = row.started_at or now
    else:
        row.started_at = row.started_at or now
        row.finished_at = now
    row.error = body.error if body.status == "error" else None
    session.commit()
    return execution_out(row)
