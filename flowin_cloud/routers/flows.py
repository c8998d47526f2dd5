"""The account's flows: the desktop's flows kept in the cloud, with revisions and tombstones.

Revisions only grow. A change names the revision it was based on; if the flow moved on since,
the answer is 409 with the current flow, so the client can merge. A deleted flow stays as a
tombstone (``deleted``, revision bumped) so other devices learn of the deletion.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response, status
from fastapi import HTTPException as Refusal
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..deps import ApiCaller, CloudDep, SessionDep
from ..models import CloudFlow
from ..schemas import JsonObject, Storable, errors

TOO_MANY_REQUESTS = "Too many requests to the Flowin API; please wait {wait} and try again."


def api_rate_limit(caller: ApiCaller, cloud: CloudDep) -> None:
    """The public API's limit per account, whether called with an access token or an API key:
    generous for scripts and the desktop's sync, a bound on one account's share of the server."""
    cloud.limits.hit(
        cloud.settings.api_limit_per_account, "api-account", caller.user.id, TOO_MANY_REQUESTS
    )


# Unverified accounts may sync their own flows: the desktop syncs right after registering.
router = APIRouter(prefix="/api/flows", tags=["flows"], dependencies=[Depends(api_rate_limit)])

FlowId = Annotated[str, Path(min_length=1, max_length=200), Storable]
Name = Annotated[str, Field(max_length=500), Storable]
NOT_FOUND = "There is no flow with this id in your account."


class FlowSummary(BaseModel):
    id: str
    name: str
    revision: int
    updated_at: datetime
    deleted: bool
    definition: dict[str, Any] | None = Field(
        default=None, description="Only with include_definitions=true."
    )
    cloud_run: bool = Field(
        default=False, description="It runs in the cloud: computers leave its trigger alone."
    )


class FlowOut(BaseModel):
    id: str
    name: str
    revision: int
    definition: dict[str, Any]
    updated_at: datetime
    deleted: bool


class FlowList(BaseModel):
    flows: list[FlowSummary]


class NewFlow(BaseModel):
    id: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^/]+$"), Storable] | None = (
        None
    )
    name: Name
    definition: JsonObject


class FlowChange(BaseModel):
    name: Name
    definition: JsonObject
    base_revision: int | None = Field(
        default=None, description="The revision this change was made on; omitted: last write wins."
    )


class Conflict(BaseModel):
    detail: str
    current: FlowOut


_CONFLICT = {409: {"model": Conflict, "description": "The flow changed since base_revision."}}


def flow_out(row: CloudFlow) -> FlowOut:
    return FlowOut(
        id=row.id,
        name=row.name,
        revision=row.revision,
        definition=json.loads(row.definition),
        updated_at=row.updated_at,
        deleted=row.deleted,
    )


def _conflict(row: CloudFlow, detail: str) -> JSONResponse:
    body = Conflict(detail=detail, current=flow_out(row))
    return JSONResponse(status_code=status.HTTP_409_CONFLICT, content=body.model_dump(mode="json"))


def _definition_text(cloud: CloudDep, definition: dict[str, Any]) -> str:
    # ASCII escapes keep any JSON string storable, even half a surrogate pair.
    text = json.dumps(definition, separators=(",", ":"))
    if len(text.encode()) > cloud.settings.max_flow_bytes:
        limit = cloud.settings.max_flow_bytes // 1024
        raise Refusal(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"The flow is larger than {limit} KB; split it into smaller flows.",
        )
    return text


def _live(session: Session, owner_id: str, flow_id: str) -> CloudFlow:
    row = session.get(CloudFlow, (owner_id, flow_id))
    if row is None or row.deleted:
        raise Refusal(status.HTTP_404_NOT_FOUND, detail=NOT_FOUND)
    return row


@router.get("", response_model=FlowList, responses=errors(401))
def list_flows(
    caller: ApiCaller,
    session: SessionDep,
    include_deleted: bool = False,
    include_definitions: bool = False,
) -> FlowList:
    query = select(CloudFlow).where(CloudFlow.owner_id == caller.user.id)
    if not include_deleted:
        query = query.where(CloudFlow.deleted.is_(False))
    flows = []
    for row in session.scalars(query.order_by(CloudFlow.updated_at, CloudFlow.id)):
        summary = FlowSummary(
            id=row.id,
            name=row.name,
            revision=row.revision,
            updated_at=row.updated_at,
            deleted=row.deleted,
            cloud_run=row.cloud_run,
        )
        if include_definitions:
            summary.definition = json.loads(row.definition)
        flows.append(summary)
    return FlowList(flows=flows)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=FlowOut,
    responses={**errors(401, 413), **_CONFLICT},
)
def create_flow(body: NewFlow, caller: ApiCaller, cloud: CloudDep, session: SessionDep) -> Any:
    """Keeps a new flow at revision 1; an id the account already has (even deleted) is 409."""
    text = _definition_text(cloud, body.definition)
    flow_id = body.id or str(uuid.uuid4())
    existing = session.get(CloudFlow, (caller.user.id, flow_id))
    if existing is not None:
        return _conflict(existing, "Your account already has a flow with this id.")
    row = CloudFlow(
        owner_id=caller.user.id,
        id=flow_id,
        name=body.name,
        revision=1,
        definition=text,
        updated_at=datetime.now(UTC),
        deleted=False,
    )
    session.add(row)
    session.commit()
    return flow_out(row)


@router.get("/{flow_id}", response_model=FlowOut, responses=errors(401, 404))
def get_flow(flow_id: FlowId, caller: ApiCaller, session: SessionDep) -> FlowOut:
    return flow_out(_live(session, caller.user.id, flow_id))


@router.put(
    "/{flow_id}",
    response_model=FlowOut,
    responses={**errors(401, 404, 413), **_CONFLICT},
)
def change_flow(
    flow_id: FlowId, body: FlowChange, caller: ApiCaller, cloud: CloudDep, session: SessionDep
) -> Any:
    text = _definition_text(cloud, body.definition)
    row = _live(session, caller.user.id, flow_id)
    if body.base_revision is not None and body.base_revision != row.revision:
        return _conflict(row, _moved_on(body.base_revision, row.revision))
    row.name = body.name
    row.definition = text
    row.revision += 1
    row.updated_at = datetime.now(UTC)
    session.commit()
    return flow_out(row)


@router.delete(
    "/{flow_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={**errors(401, 404), **_CONFLICT},
)
def delete_flow(
    flow_id: FlowId,
    caller: ApiCaller,
    session: SessionDep,
    base_revision: Annotated[int | None, Query()] = None,
) -> Response:
    """Leaves a tombstone (deleted, revision + 1) so other devices delete their copy too."""
    row = _live(session, caller.user.id, flow_id)
    if base_revision is not None and base_revision != row.revision:
        return _conflict(row, _moved_on(base_revision, row.revision))
    row.deleted = True
    row.revision += 1
    if row.cloud_run:
        # Deleted, it runs nowhere: the accounts uploaded for it go unless another flow uses them.
        from .cloud_run import forget_unused_accounts

        row.cloud_run = False
        session.flush()
        forget_unused_accounts(session, row.owner_id)
    row.updated_at = datetime.now(UTC)
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _moved_on(base: int, current: int) -> str:
    return (
        f"The flow changed since revision {base} (it is at revision {current}); "
        "merge with the current flow and try again."
    )
