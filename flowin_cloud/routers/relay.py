"""The webhook relay's routes (docs/relay.md): the account's hooks, the public addresses, and
the computer's side (a WebSocket, or long polling where a proxy blocks WebSockets)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request, WebSocket
from fastapi import status as http
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from .. import relay
from ..deps import (
    ApiCaller,
    Caller,
    Cloud,
    CloudDep,
    SessionDep,
    access_ended,
    caller_for_token,
    require_verified_email,
)
from ..models import RelayHook
from ..relay_hub import account_key
from ..schemas import Storable, errors
from .flows import api_rate_limit

log = logging.getLogger(__name__)

router = APIRouter(prefix="/relay", tags=["relay"], dependencies=[Depends(api_rate_limit)])
# The WebSocket and the public addresses: no API caller (the socket signs in in its handshake,
# the addresses' token is their secret).
public = APIRouter()

MAX_HOOKS = 500
MAX_BATCH = 500
HOOK_NOT_FOUND = "There is no webhook address with this id in your account."
# Close code of a WebSocket whose sign-in ended: sign in again, then connect again.
SIGN_IN_ENDED = 4401
# A token is 43 characters; anything much longer is no token of ours.
MAX_TOKEN_LENGTH = 100
PUBLIC_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
NUL_IN_REQUEST = "The request holds a NUL character in its address or headers; it was not kept."

Id = Annotated[str, Field(min_length=1, max_length=200), Storable]
EventId = Annotated[str, Field(max_length=36), Storable]


class HookIn(BaseModel):
    flow_id: Id
    node_id: Id
    wait_for_answer: bool = Field(
        default=False,
        description="The sender waits for the computer's answer: 'respond when done' triggers "
        "and handshakes (WhatsApp's verify GET, Slack's url_verification).",
    )


class HookOut(BaseModel):
    hook_id: str
    flow_id: str
    node_id: str
    wait_for_answer: bool
    url: str | None = Field(description="The public address; senders are given this.")


class RelayStatus(BaseModel):
    waiting: int = Field(description="Requests accepted and not yet acknowledged.")
    connected: bool


class EventOut(BaseModel):
    type: Literal["event"]
    event_id: str
    seq: int
    hook_id: str
    flow_id: str
    node_id: str
    method: str
    path: str
    query: str
    headers: list[tuple[str, str]]
    body_b64: str
    url: str | None
    received_at: str
    wait_for_answer: bool


class EventList(BaseModel):
    events: list[EventOut]


class Acks(BaseModel):
    event_ids: Annotated[list[EventId], Field(max_length=MAX_BATCH)]


class Acknowledged(BaseModel):
    acknowledged: int


class AnswerIn(BaseModel):
    type: Literal["answer"] | None = None
    event_id: EventId
    status: int = Field(ge=200, le=599)
    headers: list[tuple[str, str]] | dict[str, str] = Field(default_factory=list)
    body_b64: str = ""


def _hook_list(cloud: Cloud, hooks: list[RelayHook]) -> list[HookOut]:
    return [HookOut(**relay.hook_out(cloud, hook)) for hook in hooks]


@router.put("/hooks", response_model=list[HookOut], responses=errors(401, 403, 429))
def register_hooks(
    hooks: Annotated[list[HookIn], Body(max_length=MAX_HOOKS)],
    caller: ApiCaller,
    cloud: CloudDep,
    session: SessionDep,
) -> list[HookOut]:
    """The webhook triggers active on this computer, all of them: each gets its public address
    (the same as before for a trigger listed before); the addresses of triggers left out answer
    404 until they are listed again."""
    require_verified_email(caller.user)
    pairs = [(each.flow_id, each.node_id) for each in hooks]
    if len(set(pairs)) != len(pairs):
        raise HTTPException(
            http.HTTP_422_UNPROCESSABLE_CONTENT,
            detail="A trigger is listed twice; list each flow's trigger once.",
        )
    listed = [relay.Listed(each.flow_id, each.node_id, each.wait_for_answer) for each in hooks]
    try:
        registered = relay.register_hooks(cloud, session, caller.user.id, listed, computer(caller))
    except IntegrityError:
        # Another computer of the account registered the same trigger at the same moment: its
        # address is the one to keep.
        session.rollback()
        registered = relay.register_hooks(cloud, session, caller.user.id, listed, computer(caller))
    return _hook_list(cloud, registered)


@router.get("/hooks", response_model=list[HookOut], responses=errors(401, 429))
def list_hooks(caller: ApiCaller, cloud: CloudDep, session: SessionDep) -> list[HookOut]:
    """The account's active public addresses."""
    hooks = session.scalars(
        select(RelayHook)
        .where(RelayHook.user_id == caller.user.id, RelayHook.active.is_(True))
        .order_by(RelayHook.flow_id, RelayHook.node_id)
    )
    return _hook_list(cloud, list(hooks))


@router.post("/hooks/{hook_id}/rotate", response_model=HookOut, responses=errors(401, 404, 429))
def rotate_hook(
    hook_id: Annotated[str, Path(max_length=36), Storable],
    caller: ApiCaller,
    cloud: CloudDep,
    session: SessionDep,
) -> HookOut:
    """A new address for the hook; the old one answers 404 from now on."""
    hook = relay.rotate_hook(cloud, session, caller.user.id, hook_id)
    if hook is None:
        raise HTTPException(http.HTTP_404_NOT_FOUND, detail=HOOK_NOT_FOUND)
    return HookOut(**relay.hook_out(cloud, hook))


@router.get("/status", response_model=RelayStatus, responses=errors(401, 429))
def relay_status(caller: ApiCaller, session: SessionDep) -> RelayStatus:
    return RelayStatus(
        waiting=relay.waiting_count(session, caller.user.id, computer(caller)),
        connected=relay.connected(session, caller.user.id),
    )


@router.get("/events", response_model=EventList, responses=errors(401, 429))
async def poll_events(
    caller: ApiCaller,
    cloud: CloudDep,
    wait: Annotated[int, Query(ge=0, description="Seconds to wait when none is waiting.")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_BATCH)] = 100,
) -> EventList:
    """The undelivered events, oldest first (long polling, where WebSockets are blocked): they
    come again until acknowledged with POST /relay/acks."""
    longest = cloud.settings.relay_poll_seconds
    if wait > longest:
        raise HTTPException(
            http.HTTP_422_UNPROCESSABLE_CONTENT,
            detail=f"A poll waits at most {longest} seconds; ask with a shorter wait.",
        )
    user_id = caller.user.id
    grace = relay.POLL_GRACE_HEARTBEATS * cloud.settings.relay_heartbeat_seconds
    await run_in_threadpool(_mark_connected, cloud, user_id, wait + grace)
    deadline = time.monotonic() + wait
    listening = cloud.hub.listen(account_key(user_id))
    try:
        while True:
            events = await run_in_threadpool(_events, cloud, user_id, limit, (), computer(caller))
            remaining = deadline - time.monotonic()
            if events or remaining <= 0 or cloud.hub.stopping:
                return EventList(events=[EventOut(**event) for event in events])
            await listening.wait(min(remaining, relay.check_seconds(cloud)))
    finally:
        listening.close()


@router.post("/acks", response_model=Acknowledged, responses=errors(401, 429))
def acknowledge(
    body: Acks, caller: ApiCaller, cloud: CloudDep, session: SessionDep
) -> Acknowledged:
    """The events now in the computer's inbox: they are marked delivered, their bodies deleted."""
    done = relay.acknowledge(session, caller.user.id, body.event_ids)
    cloud.hub.notify(account_key(caller.user.id))
    return Acknowledged(acknowledged=done)


@router.post("/answers", status_code=http.HTTP_204_NO_CONTENT, responses=errors(401, 429))
def answer(body: AnswerIn, caller: ApiCaller, cloud: CloudDep) -> Response:
    """The computer's answer to a request that waits for it; dropped when it no longer waits."""
    try:
        given = relay.read_answer(body.model_dump(), cloud.settings.relay_max_body_bytes)
    except relay.BadAnswer as problem:
        raise HTTPException(http.HTTP_422_UNPROCESSABLE_CONTENT, detail=str(problem)) from None
    relay.store_answer(cloud, caller.user.id, given)
    return Response(status_code=http.HTTP_204_NO_CONTENT)


def _mark_connected(cloud: Cloud, user_id: str, seconds: float) -> None:
    with cloud.sessions() as session:
        relay.mark_connected(session, user_id, seconds)


def computer(caller: Caller) -> str | None:
    """Which computer calls: its sign-in (one per computer, kept across token refreshes); an API
    key names none."""
    return caller.claims.sign_in_id if caller.claims is not None else None


def _events(
    cloud: Cloud, user_id: str, limit: int, leave_out: Any, computer: str | None
) -> list[dict[str, Any]]:
    with cloud.sessions() as session:
        return [
            relay.event_message(event)
            for event in relay.undelivered(session, user_id, limit, leave_out, computer)
        ]


# The public addresses


async def _public_hook(request: Request, token: str) -> Response:
    cloud: Cloud = request.app.state.cloud
    if len(token) > MAX_TOKEN_LENGTH:
        raise HTTPException(http.HTTP_404_NOT_FOUND, detail=relay.NO_HOOK)
    body = await request.body()
    scope = request.scope
    raw_path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1")
    raw_path = raw_path.partition("?")[0]
    headers = [
        (name.decode("latin-1"), value.decode("latin-1")) for name, value in scope["headers"]
    ]
    query = scope["query_string"].decode("latin-1")
    if "\x00" in raw_path + query or any("\x00" in name + value for name, value in headers):
        raise HTTPException(http.HTTP_400_BAD_REQUEST, detail=NUL_IN_REQUEST)
    incoming = relay.IncomingRequest(
        method=request.method,
        path=raw_path,
        raw_path=raw_path,
        query=query,
        headers=headers,
        body=body,
    )
    accepted = await run_in_threadpool(relay.accept_request, cloud, token, incoming)
    return await relay.hand_on(cloud, accepted)


@public.api_route("/hooks/{token}", methods=PUBLIC_METHODS, include_in_schema=False)
async def public_hook(request: Request, token: str) -> Response:
    """A request to a public address: kept for the computer, then 202 (or the computer's
    answer, for a trigger whose sender waits for it)."""
    return await _public_hook(request, token)


@public.api_route("/hooks/{token}/{rest:path}", methods=PUBLIC_METHODS, include_in_schema=False)
async def public_hook_below(request: Request, token: str, rest: str) -> Response:
    return await _public_hook(request, token)


# The computer's WebSocket


@public.websocket("/relay/connect")
async def connect(websocket: WebSocket) -> None:
    """Delivers the account's events in order, each until it is acknowledged; takes the
    computer's acknowledgements and answers (docs/relay.md)."""
    cloud: Cloud = websocket.app.state.cloud
    scheme, _, token = (websocket.headers.get("authorization") or "").partition(" ")
    caller = None
    if scheme.lower() == "bearer" and token.strip():
        caller = await run_in_threadpool(_caller_or_none, cloud, token.strip())
    if caller is None:
        await websocket.close(code=1008)  # before accepting: the handshake is refused (403)
        return
    await websocket.accept()
    await _Connection(cloud, websocket, caller, token.strip()).serve()


def _caller_or_none(cloud: Cloud, token: str) -> Caller | None:
    with cloud.sessions() as session:
        try:
            return caller_for_token(cloud, session, token)
        except HTTPException:
            return None


class _Connection:
    def __init__(self, cloud: Cloud, websocket: WebSocket, caller: Caller, token: str) -> None:
        self.cloud = cloud
        self.websocket = websocket
        self.caller = caller
        self.token = token
        self.user_id = caller.user.id
        # Sent and not yet acknowledged, in the order sent.
        self.in_flight: dict[str, None] = {}

    async def serve(self) -> None:
        hub = self.cloud.hub
        hub.connections[self.user_id] = hub.connections.get(self.user_id, 0) + 1
        sender = asyncio.create_task(self._send())
        receiver = asyncio.create_task(self._receive())
        try:
            await asyncio.wait({sender, receiver}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (sender, receiver):
                task.cancel()
            for task in (sender, receiver):
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            hub.connections[self.user_id] -= 1
            if not hub.connections[self.user_id]:
                del hub.connections[self.user_id]
                await run_in_threadpool(self._disconnected)

    async def _send(self) -> None:
        settings = self.cloud.settings
        heartbeat = settings.relay_heartbeat_seconds
        listening = self.cloud.hub.listen(account_key(self.user_id))
        try:
            next_heartbeat = time.monotonic()
            while True:
                now = time.monotonic()
                if now >= next_heartbeat:
                    if await run_in_threadpool(self._heartbeat):
                        await self.websocket.close(code=SIGN_IN_ENDED)
                        return
                    next_heartbeat = now + heartbeat
                room = settings.relay_in_flight - len(self.in_flight)
                if room > 0:
                    events = await run_in_threadpool(
                        _events,
                        self.cloud,
                        self.user_id,
                        room,
                        tuple(self.in_flight),
                        computer(self.caller),
                    )
                    for event in events:
                        self.in_flight[event["event_id"]] = None
                        await self.websocket.send_text(json.dumps(event))
                wait = min(relay.check_seconds(self.cloud), next_heartbeat - time.monotonic())
                await listening.wait(wait)
        finally:
            listening.close()

    async def _receive(self) -> None:
        while True:
            message = await self.websocket.receive()
            if message["type"] == "websocket.disconnect":
                return
            try:
                parsed = json.loads(message.get("text") or message.get("bytes") or b"")
            except ValueError:
                log.warning("A relay connection sent a message that is not JSON; ignored")
                continue
            kind = parsed.get("type") if isinstance(parsed, dict) else None
            if kind == "ack":
                await self._acknowledge(parsed)
            elif kind == "answer":
                await self._answer(parsed)
            else:
                log.warning("A relay connection sent a message of an unknown type; ignored")

    async def _acknowledge(self, message: dict[str, Any]) -> None:
        given = message.get("event_ids", [message.get("event_id")])
        if not isinstance(given, list):
            given = []
        event_ids = [each for each in given if isinstance(each, str) and len(each) <= 36]
        event_ids = event_ids[:MAX_BATCH]  # the rest come again and are acknowledged then
        if not event_ids:
            return
        await run_in_threadpool(self._acknowledge_in_database, event_ids)
        for event_id in event_ids:
            self.in_flight.pop(event_id, None)
        self.cloud.hub.notify(account_key(self.user_id))

    def _acknowledge_in_database(self, event_ids: list[str]) -> None:
        with self.cloud.sessions() as session:
            relay.acknowledge(session, self.user_id, event_ids)

    async def _answer(self, message: dict[str, Any]) -> None:
        try:
            given = relay.read_answer(message, self.cloud.settings.relay_max_body_bytes)
        except relay.BadAnswer as problem:
            log.warning("A relay connection sent an answer that cannot be sent on: %s", problem)
            return
        await run_in_threadpool(relay.store_answer, self.cloud, self.user_id, given)

    def _heartbeat(self) -> bool:
        """Notes the computer as connected; True when the sign-in behind the socket ended."""
        with self.cloud.sessions() as session:
            if access_ended(session, self.caller, self.token):
                return True
            seconds = relay.POLL_GRACE_HEARTBEATS * self.cloud.settings.relay_heartbeat_seconds
            relay.mark_connected(session, self.user_id, seconds)
            return False

    def _disconnected(self) -> None:
        with self.cloud.sessions() as session:
            relay.mark_disconnected(session, self.user_id)
