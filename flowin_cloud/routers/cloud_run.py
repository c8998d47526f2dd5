"""Running a flow in the cloud, switched per flow, and the connected accounts it needs there.

Turning it on uploads, with the owner's consent, the secrets of the connected accounts the
flow's steps use; each is encrypted with a data key of its own, wrapped by the server's master
key (flowin_cloud.runner.vault), and only a worker running a step opens it. Turning it off
deletes every uploaded account no other cloud-run flow of the account still uses; removing an
account on the desktop deletes it here too. A flow runs either in the cloud or on computers:
while it runs in the cloud, computers leave its triggers alone and may not take its runs.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response, status
from fastapi import HTTPException as Refusal
from pydantic import BaseModel, Field
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .. import relay
from ..deps import ApiCaller, Cloud, CloudDep, SessionDep, require_verified_email
from ..models import CloudConnection, CloudFlow, RelayHook
from ..runner.vault import seal
from ..schemas import JsonObject, Storable, errors
from ..triggers.webhooks import webhook_trigger
from .flows import NOT_FOUND as FLOW_NOT_FOUND
from .flows import api_rate_limit

router = APIRouter(prefix="/api", tags=["cloud runs"], dependencies=[Depends(api_rate_limit)])

FlowId = Annotated[str, Path(min_length=1, max_length=200), Storable]
ConnectionId = Annotated[str, Path(min_length=1, max_length=200), Storable]
NO_CONSENT = (
    "Running this flow in the cloud uploads the secrets of the accounts it uses ({accounts}); "
    "confirm that you agree (consent) to turn it on."
)
MISSING = (
    "This flow uses connected accounts that are not uploaded yet ({accounts}); send them to "
    "turn running in the cloud on."
)
NOT_NEEDED = (
    "The flow does not use the account '{connection}'; only the accounts it uses are uploaded."
)


class Account(BaseModel):
    connection_id: str
    connector: str
    uploaded: bool


class CloudRunOut(BaseModel):
    flow_id: str
    cloud_run: bool
    accounts: list[Account] = Field(description="The connected accounts the flow's steps use.")
    public_url: str | None = Field(
        None,
        description="Where its webhook trigger takes requests while the flow runs in the cloud.",
    )


class UploadedAccount(BaseModel):
    connection_id: Annotated[str, Field(min_length=1, max_length=200), Storable]
    connector: Annotated[str, Field(min_length=1, max_length=100), Storable]
    label: Annotated[str, Field(max_length=500), Storable] = ""
    secret: JsonObject


class CloudRunChange(BaseModel):
    enabled: bool
    consent: bool = Field(
        False,
        description="The owner agreed to upload the secrets of the accounts the flow uses.",
    )
    accounts: list[UploadedAccount] = Field(default_factory=list, max_length=50)


def needed_accounts(definition: str) -> dict[str, str]:
    """The connected accounts a flow's steps name: connection id → connector."""
    try:
        flow = json.loads(definition)
    except ValueError:
        return {}
    needed: dict[str, str] = {}
    nodes = flow.get("nodes") if isinstance(flow, dict) else None
    for node in nodes if isinstance(nodes, list) else []:
        if not isinstance(node, dict) or node.get("disabled"):
            continue
        params = node.get("params") or {}
        connection = params.get("connection") if isinstance(params, dict) else None
        # An expression picks the account at run time: nothing to name beforehand.
        if isinstance(connection, str) and connection.strip() and "{{" not in connection:
            needed[connection.strip()] = str(node.get("type", "")).split(".")[0]
    return needed


def _flow(session: Session, owner_id: str, flow_id: str) -> CloudFlow:
    flow = session.get(CloudFlow, (owner_id, flow_id))
    if flow is None or flow.deleted:
        raise Refusal(status.HTTP_404_NOT_FOUND, detail=FLOW_NOT_FOUND)
    return flow


def _out(session: Session, flow: CloudFlow, cloud: Cloud | None = None) -> CloudRunOut:
    needed = needed_accounts(flow.definition)
    uploaded = set(
        session.scalars(
            select(CloudConnection.id).where(
                CloudConnection.owner_id == flow.owner_id,
                CloudConnection.id.in_(list(needed) or [""]),
            )
        )
    )
    public_url = None
    if cloud is not None and flow.cloud_run:
        hook = session.scalars(
            select(RelayHook).where(
                RelayHook.user_id == flow.owner_id,
                RelayHook.flow_id == flow.id,
                RelayHook.active.is_(True),
            )
        ).first()
        public_url = relay.hook_out(cloud, hook)["url"] if hook is not None else None
    return CloudRunOut(
        flow_id=flow.id,
        cloud_run=flow.cloud_run,
        public_url=public_url,
        accounts=[
            Account(connection_id=key, connector=connector, uploaded=key in uploaded)
            for key, connector in sorted(needed.items())
        ],
    )


def forget_unused_accounts(session: Session, owner_id: str) -> None:
    """Deletes the uploaded accounts that no flow running in the cloud uses any more."""
    still_needed: set[str] = set()
    for definition in session.scalars(
        select(CloudFlow.definition).where(
            CloudFlow.owner_id == owner_id, CloudFlow.cloud_run.is_(True), ~CloudFlow.deleted
        )
    ):
        still_needed.update(needed_accounts(definition))
    unused = delete(CloudConnection).where(CloudConnection.owner_id == owner_id)
    if still_needed:
        unused = unused.where(CloudConnection.id.not_in(sorted(still_needed)))
    session.execute(unused)


@router.get("/flows/{flow_id}/cloud-run", response_model=CloudRunOut, responses=errors(401, 404))
def get_cloud_run(
    flow_id: FlowId, caller: ApiCaller, session: SessionDep, cloud: CloudDep
) -> CloudRunOut:
    """Whether the flow runs in the cloud, which connected accounts it would upload, and the
    public address its webhook trigger takes requests at."""
    return _out(session, _flow(session, caller.user.id, flow_id), cloud)


@router.put(
    "/flows/{flow_id}/cloud-run",
    response_model=CloudRunOut,
    responses=errors(401, 403, 404, 409),
)
def set_cloud_run(
    flow_id: FlowId,
    body: CloudRunChange,
    caller: ApiCaller,
    session: SessionDep,
    cloud: CloudDep,
) -> CloudRunOut:
    """Turns running in the cloud on (uploading, with consent, the accounts the flow uses) or
    off (deleting the uploaded accounts no other cloud-run flow uses)."""
    flow = _flow(session, caller.user.id, flow_id)
    if not body.enabled:
        flow.cloud_run = False
        session.flush()
        forget_unused_accounts(session, caller.user.id)
        session.commit()
        return _out(session, flow)
    require_verified_email(caller.user)
    needed = needed_accounts(flow.definition)
    for account in body.accounts:
        if account.connection_id not in needed:
            raise Refusal(
                status.HTTP_409_CONFLICT,
                detail=NOT_NEEDED.format(connection=account.connection_id),
            )
    if needed and not body.consent:
        raise Refusal(
            status.HTTP_403_FORBIDDEN, detail=NO_CONSENT.format(accounts=", ".join(sorted(needed)))
        )
    now = datetime.now(UTC)
    master = cloud.master_key()
    for account in body.accounts:
        sealed = seal(master, caller.user.id, account.connection_id, dict(account.secret))
        row = session.get(CloudConnection, (caller.user.id, account.connection_id))
        if row is None:
            row = CloudConnection(owner_id=caller.user.id, id=account.connection_id, created_at=now)
            session.add(row)
        row.connector = account.connector
        row.label = account.label
        row.key_id, row.wrapped_key, row.ciphertext = (
            sealed.key_id,
            sealed.wrapped_key,
            sealed.ciphertext,
        )
        row.updated_at = now
    session.flush()
    missing = [
        key for key in sorted(needed) if session.get(CloudConnection, (caller.user.id, key)) is None
    ]
    if missing:
        session.rollback()
        raise Refusal(status.HTTP_409_CONFLICT, detail=MISSING.format(accounts=", ".join(missing)))
    flow.cloud_run = True
    node_id = webhook_trigger(flow.definition)
    if node_id is not None:  # requests to its public address start its runs in the cloud
        relay.cloud_hook(cloud, session, caller.user.id, flow.id, node_id)
    session.commit()
    return _out(session, flow, cloud)


@router.delete(
    "/cloud-accounts/{connection_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=errors(401),
)
def delete_cloud_account(
    connection_id: ConnectionId, caller: ApiCaller, session: SessionDep
) -> Response:
    """Deletes an uploaded connected account (it was removed on the desktop). Cloud runs of
    flows that use it stop at its step, saying to upload it again."""
    session.execute(
        delete(CloudConnection).where(
            CloudConnection.owner_id == caller.user.id, CloudConnection.id == connection_id
        )
    )
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
