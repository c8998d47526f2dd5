"""The webhook relay's core (docs/relay.md): public addresses, requests kept for the computer,
their delivery and the computer's answers. The routes are in ``routers/relay.py``.

Everything a request or an answer leaves behind is in the database, so several server
processes share the work; a ``Hub`` only wakes what waits in this process sooner than reading
the database again would.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import re
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl

from fastapi import HTTPException, status
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Engine, delete, func, or_, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from flowin_engine.errors import FlowinError
from flowin_engine.webhooks import WebhookReply, WebhookRequest

from .deps import Cloud
from .models import CloudFlow, RefreshToken, RelayEvent, RelayHook, RelayPresence
from .relay_hub import Hub, account_key, answer_key
from .security import new_token
from .triggers.webhooks import accept_for_cloud, runs_in_cloud

log = logging.getLogger(__name__)

NO_HOOK = "No webhook listens at this address."
TOO_MANY_REQUESTS = "This address takes no more requests for now; please wait {wait} and try again."
FULL = (
    "This address's computer is away and {count} requests are already waiting for it, the most "
    "kept; please try again later."
)
# How often a waiter reads the database for what another server process did (an event
# accepted, an answer given), when nothing woke it sooner: often on SQLite (no notifications;
# its processes share one machine), seldom on PostgreSQL, whose NOTIFY wakes them (this is the
# fallback should the listening connection break).
DATABASE_CHECK_SECONDS = 0.5
NOTIFIED_CHECK_SECONDS = 5.0
# PostgreSQL NOTIFY channel: its payload is the Hub key to wake in every server process.
CHANNEL = "flowin_relay"
# A long poll counts as connected for its wait and this many heartbeats more: the time the
# computer takes to ask again.
POLL_GRACE_HEARTBEATS = 3
# Never passed on from the computer's answer: they describe one connection, not the answer,
# and the server sets the body's length itself.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "transfer-encoding",
        "content-length",
        "upgrade",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
    }
)
_HEADER_NAME = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")


# Hooks


@dataclass(frozen=True)
class Listed:
    flow_id: str
    node_id: str
    wait_for_answer: bool


def hook_out(cloud: Cloud, hook: RelayHook) -> dict[str, Any]:
    token = cloud.box.open(hook.token_sealed)
    return {
        "hook_id": hook.id,
        "flow_id": hook.flow_id,
        "node_id": hook.node_id,
        "wait_for_answer": hook.wait_for_answer,
        # None only when the data key was replaced: the hook needs rotating.
        "url": f"{cloud.settings.relay_base_url()}/hooks/{token}" if token else None,
    }


def _new_token(cloud: Cloud) -> tuple[str, str]:
    token = new_token()
    return cloud.box.seal(token), cloud.box.lookup_hash(token)


def register_hooks(
    cloud: Cloud,
    session: Session,
    user_id: str,
    listed: Sequence[Listed],
    computer: str | None = None,
) -> list[RelayHook]:
    """Makes the listed triggers the account's active hooks on ``computer``, keeping each one's
    address; the others this computer listed become inactive (their addresses answer 404 until
    listed again), but for those of flows that run in the cloud, whose triggers the computer
    leaves to the cloud. Another computer's hooks stay as they are."""
    existing = {
        (hook.flow_id, hook.node_id): hook
        for hook in session.scalars(
            select(RelayHook).where(RelayHook.user_id == user_id).with_for_update()
        )
    }
    wanted = {(each.flow_id, each.node_id) for each in listed}
    others = {hook.computer for hook in existing.values()} - {None, computer}
    live = _live_computers(session, others)
    for key, hook in existing.items():
        elsewhere = computer is not None and hook.computer in live
        if key in wanted or elsewhere or not hook.active:
            continue
        if runs_in_cloud(session, user_id, hook.flow_id) is None:
            hook.active = False
            # What came for it meanwhile goes to this computer, which shows it as not run.
            hook.computer = computer
    hooks = []
    now = datetime.now(UTC)
    for each in listed:
        hook = existing.get((each.flow_id, each.node_id))
        if hook is None:
            sealed, hashed = _new_token(cloud)
            hook = RelayHook(
                id=str(uuid.uuid4()),
                user_id=user_id,
                flow_id=each.flow_id,
                node_id=each.node_id,
                token_sealed=sealed,
                token_hash=hashed,
                created_at=now,
            )
            session.add(hook)
        hook.active = True
        hook.wait_for_answer = each.wait_for_answer
        hook.computer = computer  # the last computer to switch the trigger on takes its events
        hooks.append(hook)
    session.commit()
    return hooks


def _live_computers(session: Session, computers: set[str | None]) -> set[str | None]:
    """Those of ``computers`` (sign-ins) still signed in: a hook of a computer signed out (or
    since signed in again, which is a new sign-in) is anyone's to switch off or take."""
    if not computers:
        return set()
    now = datetime.now(UTC)
    ended = set(
        session.scalars(
            select(RefreshToken.family_id).where(
                RefreshToken.family_id.in_(computers), RefreshToken.revoked_at.is_not(None)
            )
        )
    )
    current = set(
        session.scalars(
            select(RefreshToken.family_id).where(
                RefreshToken.family_id.in_(computers), RefreshToken.expires_at > now
            )
        )
    )
    return current - ended


def cloud_hook(
    cloud: Cloud, session: Session, user_id: str, flow_id: str, node_id: str
) -> RelayHook:
    """The public address of a cloud-run flow's webhook trigger: the one it had on a computer
    when there was one (addresses are stable per trigger), otherwise a new one. The caller
    commits."""
    hook = session.scalars(
        select(RelayHook).where(
            RelayHook.user_id == user_id, RelayHook.flow_id == flow_id, RelayHook.node_id == node_id
        )
    ).one_or_none()
    if hook is None:
        sealed, hashed = _new_token(cloud)
        hook = RelayHook(
            id=str(uuid.uuid4()),
            user_id=user_id,
            flow_id=flow_id,
            node_id=node_id,
            token_sealed=sealed,
            token_hash=hashed,
            created_at=datetime.now(UTC),
            wait_for_answer=False,
        )
        session.add(hook)
    hook.active = True
    return hook


def rotate_hook(cloud: Cloud, session: Session, user_id: str, hook_id: str) -> RelayHook | None:
    hook = session.get(RelayHook, hook_id)
    if hook is None or hook.user_id != user_id:
        return None
    hook.token_sealed, hook.token_hash = _new_token(cloud)
    hook.rotated_at = datetime.now(UTC)
    session.commit()
    return hook


# Accepting a request


@dataclass(frozen=True)
class IncomingRequest:
    """A request to a public address, exactly as it arrived."""

    method: str
    path: str
    # The path as sent (percent-encoded as the sender wrote it), for the public URL.
    raw_path: str
    query: str
    headers: list[tuple[str, str]]
    body: bytes


@dataclass(frozen=True)
class Accepted:
    event_id: str
    user_id: str
    hook_id: str
    flow_id: str
    node_id: str
    # The sender waits for the computer's answer (a waiting hook, its computer connected).
    awaiting_answer: bool
    # The answer already decided: a cloud-run flow's request, started or refused in the cloud.
    reply: WebhookReply | None = None


def accept_request(cloud: Cloud, token: str, incoming: IncomingRequest) -> Accepted:
    """Checks a request to ``/hooks/<token>`` and commits it; raises the HTTP refusal (404,
    429) otherwise. Runs on a worker thread (it reads and writes the database)."""
    settings = cloud.settings
    with cloud.sessions() as session:
        hook = session.scalar(
            select(RelayHook).where(
                RelayHook.token_hash == cloud.box.lookup_hash(token), RelayHook.active.is_(True)
            )
        )
        if hook is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail=NO_HOOK)
        cloud.limits.hit(
            settings.relay_limit_per_account, "relay-account", hook.user_id, TOO_MANY_REQUESTS
        )
        count = waiting_count(session, hook.user_id)
        if count >= settings.relay_max_waiting:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                detail=FULL.format(count=count),
                headers={"Retry-After": str(settings.relay_full_retry_seconds)},
            )
        now = datetime.now(UTC)
        awaiting = hook.wait_for_answer and _connected(session, hook.user_id, now)
        query = f"?{incoming.query}" if incoming.query else ""
        event = RelayEvent(
            id=str(uuid.uuid4()),
            user_id=hook.user_id,
            hook_id=hook.id,
            flow_id=hook.flow_id,
            node_id=hook.node_id,
            method=incoming.method,
            path=incoming.path,
            query=incoming.query,
            headers=json.dumps(incoming.headers),
            body=incoming.body,
            url=f"{settings.relay_base_url()}{incoming.raw_path}{query}",
            body_bytes=len(incoming.body),
            received_at=now,
            awaiting_answer=awaiting,
        )
        cloud_flow = runs_in_cloud(session, hook.user_id, hook.flow_id)
        if cloud_flow is not None:
            return _accept_for_cloud(cloud, session, cloud_flow, hook, event)
        session.add(event)
        _tell_other_processes(session, account_key(hook.user_id))
        # The 2xx is sent only after this: a request answered is a request kept.
        session.commit()
        return Accepted(
            event_id=event.id,
            user_id=hook.user_id,
            hook_id=hook.id,
            flow_id=hook.flow_id,
            node_id=hook.node_id,
            awaiting_answer=awaiting,
        )


def _accept_for_cloud(
    cloud: Cloud, session: Session, flow: CloudFlow, hook: RelayHook, event: RelayEvent
) -> Accepted:
    """A request to a flow that runs in the cloud: checked as the computer would, and its run
    committed with it (flowin_cloud.triggers); the computer is not sent it."""
    from .runner.tasks import CloudConnections  # Celery and the runner: cloud-run servers only

    headers: dict[str, str] = {}
    for name, value in json.loads(event.headers or "[]"):
        key = name.lower()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    request = WebhookRequest(
        method=event.method,
        path=event.path,
        url=event.url or "",
        headers=headers,
        query=dict(parse_qsl(event.query or "", keep_blank_values=True)),
        body=event.body or b"",
    )
    connections = CloudConnections(cloud.sessions, cloud.master_key(), hook.user_id)

    def credential(connection_id: str | None) -> dict[str, Any]:
        if not connection_id:
            raise FlowinError("This trigger needs a connected account or secret.")
        return connections.secret(connection_id)

    reply = accept_for_cloud(session, flow, hook.node_id, request, event.id, credential)
    if reply.status == status.HTTP_202_ACCEPTED:
        # Kept as any request is, and already handed on: the run holds what the flow needs.
        event.delivered_at = event.received_at
        event.awaiting_answer = False
        event.query = event.headers = event.body = None
        session.add(event)
        session.commit()
    else:
        session.rollback()  # refused or answered at the door: nothing is kept, nothing runs
    return Accepted(
        event_id=event.id,
        user_id=hook.user_id,
        hook_id=hook.id,
        flow_id=hook.flow_id,
        node_id=hook.node_id,
        awaiting_answer=False,
        reply=reply,
    )


def _reply_response(reply: WebhookReply) -> Response:
    body = reply.body
    if isinstance(body, bytes):
        content, media_type = body, "application/octet-stream"
    elif isinstance(body, str):
        content, media_type = body.encode(), "text/plain; charset=utf-8"
    elif body is None:
        content, media_type = b"", None
    else:
        content, media_type = json.dumps(body, ensure_ascii=False).encode(), "application/json"
    return Response(
        content=content, status_code=reply.status, headers=reply.headers, media_type=media_type
    )


async def hand_on(cloud: Cloud, accepted: Accepted) -> Response:
    """What follows a committed request, and its HTTP answer: the account's connections are
    woken, and a sender who waits for the computer's answer gets it (or 202 when it does not
    come in time). The one place an accepted request goes next."""
    if accepted.reply is not None:
        return _reply_response(accepted.reply)
    hub = cloud.hub
    # Listening before the connections are woken: an answer cannot come before it is heard.
    listening = hub.listen(answer_key(accepted.event_id)) if accepted.awaiting_answer else None
    hub.notify(account_key(accepted.user_id))
    accepted_answer = JSONResponse(
        status_code=status.HTTP_202_ACCEPTED, content={"event_id": accepted.event_id}
    )
    if listening is None:
        return accepted_answer
    deadline = time.monotonic() + cloud.settings.relay_answer_seconds
    try:
        while True:
            answer = await run_in_threadpool(_take_answer, cloud, accepted.event_id)
            if answer is not None:
                return answer
            remaining = deadline - time.monotonic()
            if remaining <= 0 or hub.stopping:
                break
            await listening.wait(min(remaining, check_seconds(cloud)))
    finally:
        listening.close()
    answer = await run_in_threadpool(_stop_waiting, cloud, accepted.event_id)
    return answer or accepted_answer


def _take_answer(cloud: Cloud, event_id: str) -> Response | None:
    with cloud.sessions() as session:
        event = session.scalar(
            select(RelayEvent).where(
                RelayEvent.id == event_id, RelayEvent.answer_status.is_not(None)
            )
        )
        if event is None:
            return None
        response = _answer_response(event)
        event.awaiting_answer = False
        event.answer_status = event.answer_headers = event.answer_body = None
        session.commit()
        return response


def _stop_waiting(cloud: Cloud, event_id: str) -> Response | None:
    """Stops waiting for the answer; an answer that came meanwhile is taken after all."""
    with cloud.sessions() as session:
        stopped = session.execute(
            update(RelayEvent)
            .where(RelayEvent.id == event_id, RelayEvent.answer_status.is_(None))
            .values(awaiting_answer=False)
        ).rowcount
        session.commit()
    if stopped:
        return None
    return _take_answer(cloud, event_id)


def _answer_response(event: RelayEvent) -> Response:
    status_code = event.answer_status or 200
    # HTTP gives these no body: one sent anyway would break the connection.
    body = b"" if status_code in (204, 304) else (event.answer_body or b"")
    response = Response(content=body, status_code=status_code)
    for name, value in json.loads(event.answer_headers or "[]"):
        response.raw_headers.append((name.lower().encode("latin-1"), value.encode("latin-1")))
    return response


# The computer's side


def waiting_count(session: Session, user_id: str, computer: str | None = None) -> int:
    """The undelivered events that ``computer`` will take (all the account's without one)."""
    query = (
        select(func.count())
        .select_from(RelayEvent)
        .where(RelayEvent.user_id == user_id, RelayEvent.delivered_at.is_(None))
    )
    return session.scalar(_for_computer(query, computer)) or 0


def _for_computer(query: Any, computer: str | None) -> Any:
    """``query`` of events narrowed to those of the hooks ``computer`` listed last, and of hooks
    listed with an API key; without a computer, unchanged."""
    if computer is None:
        return query
    return query.join(RelayHook, RelayHook.id == RelayEvent.hook_id).where(
        or_(RelayHook.computer.is_(None), RelayHook.computer == computer)
    )


def undelivered(
    session: Session,
    user_id: str,
    limit: int,
    leave_out: Iterable[str] = (),
    computer: str | None = None,
) -> list[RelayEvent]:
    """The account's undelivered events for ``computer`` (those of the hooks it listed last, and
    of hooks listed with an API key), oldest first, but for ``leave_out``; without a computer,
    all of them."""
    skipped = set(leave_out)
    query = select(RelayEvent).where(
        RelayEvent.user_id == user_id, RelayEvent.delivered_at.is_(None)
    )
    query = _for_computer(query, computer)
    rows = session.scalars(query.order_by(RelayEvent.seq).limit(limit + len(skipped)))
    return [row for row in rows if row.id not in skipped][:limit]


def event_message(event: RelayEvent) -> dict[str, Any]:
    return {
        "type": "event",
        "event_id": event.id,
        "seq": event.seq,
        "hook_id": event.hook_id,
        "flow_id": event.flow_id,
        "node_id": event.node_id,
        "method": event.method,
        "path": event.path,
        "query": event.query or "",
        "headers": json.loads(event.headers or "[]"),
        "body_b64": base64.b64encode(event.body or b"").decode("ascii"),
        "url": event.url,
        "received_at": event.received_at.isoformat(),
        "wait_for_answer": event.awaiting_answer,
    }


def acknowledge(session: Session, user_id: str, event_ids: Sequence[str]) -> int:
    """Marks the account's events delivered and deletes what they carried; how many became
    delivered now (unknown, other accounts' and already delivered ones are left alone)."""
    if not event_ids:
        return 0
    done = session.execute(
        update(RelayEvent)
        .where(
            RelayEvent.user_id == user_id,
            RelayEvent.id.in_(list(event_ids)),
            RelayEvent.delivered_at.is_(None),
        )
        .values(delivered_at=datetime.now(UTC), query=None, headers=None, body=None, url=None)
    ).rowcount
    session.commit()
    return int(done or 0)


class BadAnswer(ValueError):
    """An answer the cloud cannot send on: its sentence says why."""


@dataclass(frozen=True)
class Answer:
    event_id: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def read_answer(message: dict[str, Any], max_body_bytes: int) -> Answer:
    """The computer's answer from its JSON (WebSocket message or POST /relay/answers)."""
    event_id = message.get("event_id")
    status_code = message.get("status")
    if not isinstance(event_id, str) or len(event_id) > 36:
        raise BadAnswer("An answer names its event by its event_id.")
    if not isinstance(status_code, int) or isinstance(status_code, bool):
        raise BadAnswer("An answer's status is a number.")
    if not 200 <= status_code <= 599:
        raise BadAnswer("An answer's status is between 200 and 599.")
    raw_headers = message.get("headers") or []
    pairs = list(raw_headers.items()) if isinstance(raw_headers, dict) else raw_headers
    if not isinstance(pairs, list):
        raise BadAnswer("An answer's headers are a list of [name, value] pairs or an object.")
    headers = []
    for pair in pairs:
        if not (isinstance(pair, list | tuple) and len(pair) == 2):
            raise BadAnswer("An answer's headers are a list of [name, value] pairs or an object.")
        name, value = pair
        if not isinstance(name, str) or not _HEADER_NAME.match(name):
            raise BadAnswer("An answer's header has a name HTTP does not allow.")
        if not isinstance(value, str) or any(c in value for c in "\r\n\x00"):
            raise BadAnswer("An answer's header has a value HTTP does not allow.")
        try:
            value.encode("latin-1")
        except UnicodeEncodeError:
            raise BadAnswer("An answer's header value must be Latin-1 text.") from None
        if name.lower() not in HOP_BY_HOP:
            headers.append((name, value))
    try:
        body = base64.b64decode(message.get("body_b64") or "", validate=True)
    except (ValueError, TypeError):
        raise BadAnswer("An answer's body_b64 is not base64.") from None
    if len(body) > max_body_bytes:
        raise BadAnswer(f"An answer's body is larger than {max_body_bytes} bytes.")
    return Answer(event_id=event_id, status=status_code, headers=headers, body=body)


def store_answer(cloud: Cloud, user_id: str, answer: Answer) -> bool:
    """Keeps the answer for the request waiting for it (in any server process) and wakes it
    here; False when no request waits for it (dropped)."""
    with cloud.sessions() as session:
        stored = session.execute(
            update(RelayEvent)
            .where(
                RelayEvent.id == answer.event_id,
                RelayEvent.user_id == user_id,
                RelayEvent.awaiting_answer.is_(True),
                RelayEvent.answer_status.is_(None),
            )
            .values(
                answer_status=answer.status,
                answer_headers=json.dumps(answer.headers),
                answer_body=answer.body,
            )
        ).rowcount
        if stored:
            _tell_other_processes(session, answer_key(answer.event_id))
        session.commit()
    if stored:
        cloud.hub.notify(answer_key(answer.event_id))
    return bool(stored)


# Whether the computer is connected


def _connected(session: Session, user_id: str, now: datetime) -> bool:
    until = session.scalar(
        select(RelayPresence.connected_until).where(RelayPresence.user_id == user_id)
    )
    return until is not None and until > now


def connected(session: Session, user_id: str) -> bool:
    return _connected(session, user_id, datetime.now(UTC))


def mark_connected(session: Session, user_id: str, seconds: float) -> None:
    """The account's computer counts as connected for the next ``seconds`` (never less than
    another connection already said)."""
    until = datetime.now(UTC) + timedelta(seconds=seconds)
    changed = session.execute(
        update(RelayPresence)
        .where(RelayPresence.user_id == user_id, RelayPresence.connected_until < until)
        .values(connected_until=until)
    ).rowcount
    if not changed and session.get(RelayPresence, user_id) is None:
        session.add(RelayPresence(user_id=user_id, connected_until=until))
        try:
            session.commit()
        except IntegrityError:  # another connection of the account came first
            session.rollback()
            mark_connected(session, user_id, seconds)
        return
    session.commit()


def mark_disconnected(session: Session, user_id: str) -> None:
    session.execute(
        update(RelayPresence)
        .where(RelayPresence.user_id == user_id)
        .values(connected_until=datetime.now(UTC))
    )
    session.commit()


# Retention


def sweep(session: Session, retention_hours: float) -> int:
    """Deletes the events received longer than the retention ago, delivered or not."""
    cutoff = datetime.now(UTC) - timedelta(hours=retention_hours)
    deleted = session.execute(delete(RelayEvent).where(RelayEvent.received_at < cutoff)).rowcount
    session.commit()
    return int(deleted or 0)


def _sweep_once(cloud: Cloud) -> int:
    with cloud.sessions() as session:
        return sweep(session, cloud.settings.relay_retention_hours)


async def sweep_forever(cloud: Cloud) -> None:
    """Runs in every server process for as long as it serves."""
    settings = cloud.settings
    while True:
        try:
            deleted = await run_in_threadpool(_sweep_once, cloud)
            if deleted:
                log.info("Deleted %d relayed requests past their retention", deleted)
        except Exception:
            log.exception("Deleting relayed requests past their retention failed")
        await asyncio.sleep(settings.relay_sweep_seconds)


# Waking other server processes


def check_seconds(cloud: Cloud) -> float:
    """How long a waiter may go without reading the database (see NOTIFIED_CHECK_SECONDS)."""
    return NOTIFIED_CHECK_SECONDS if cloud.hub.notified_across else DATABASE_CHECK_SECONDS


def _tell_other_processes(session: Session, key: str) -> None:
    if session.get_bind().dialect.name == "postgresql":
        # Delivered at commit, and only if the transaction commits.
        session.execute(text("SELECT pg_notify(:channel, :key)"), {"channel": CHANNEL, "key": key})


def listen_to_other_processes(engine: Engine, hub: Hub, stop: threading.Event) -> None:
    """Wakes this process's waiters on what other processes commit (PostgreSQL's NOTIFY), on a
    thread of its own until ``stop`` is set; a broken connection is opened again."""
    if engine.dialect.name != "postgresql":
        return
    while not stop.is_set():
        connection: Any = None
        try:
            raw = engine.raw_connection()
            connection = raw.driver_connection
            raw.detach()  # it listens for as long as the server runs: not the pool's any more
            connection.rollback()
            connection.autocommit = True
            connection.execute(f"LISTEN {CHANNEL}")
            hub.notified_across = True
            while not stop.is_set():
                for notice in connection.notifies(timeout=1):
                    hub.notify(notice.payload)
        except Exception as error:
            log.warning("Stopped hearing other server processes (%s); trying again", error)
        finally:
            hub.notified_across = False
            if connection is not None:
                with contextlib.suppress(Exception):
                    connection.close()
        stop.wait(1)
