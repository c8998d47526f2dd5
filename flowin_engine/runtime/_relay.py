"""The computer's side of the cloud's webhook relay: public addresses for this computer's
webhook triggers, whose requests the cloud keeps until this runtime has them in its inbox.

While the data folder is signed in to a cloud account, the runtime's ``Relay`` registers the
webhook triggers of the active flows with the cloud (again whenever a flow is switched on or
off or edited), keeps a WebSocket to it (reconnecting with exponential back-off and jitter; long
polling where a proxy refuses the upgrade) and takes each event it is sent through the same
``answer_webhook`` as the local port: the connector's signature check, the durable write into
the inbox before the acknowledgement, "respond when done". The relay's event id becomes the
run's id, so an event delivered twice (after a lost acknowledgement) runs once. An event for a
flow that is off (paused or deleted meanwhile) is acknowledged and recorded in the history as
cancelled, not run (a request whose vendor names its delivery, such as Shopify's
X-Shopify-Webhook-Id, runs under an id made from that instead, so the vendor's own retries are
recognised too); a request a connector refuses (a bad signature) is recorded as failed. The
contract with the cloud is docs/relay.md.

For the app (plain Python, safe to read from any thread; no Qt needed):

- ``relay.public_address(flow_id, node_id)`` — the trigger's public address (str) or None;
  ``relay.addresses()`` all of them, keyed by (flow id, node id).
- ``relay.waiting`` — events the cloud holds for this computer (None until known).
- ``relay.state`` — a ``RelayState``; ``relay.problem`` a sentence to show when it can't work.
- ``relay.subscribe(callback)`` — ``callback()`` after any of these changed (called on the
  relay's thread: hand it over to the window's thread).
- ``relay.rotate(flow_id, node_id)`` — a new public address (the old one stops working): a
  ``concurrent.futures.Future`` of the new address.
- ``relay.check_sign_in()`` — look at the sign-in now (after signing in or out), not at the
  next check.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import random
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from enum import StrEnum
from time import monotonic
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote

from ..errors import FlowinError
from ..events import ExecutionStatus
from ..webhooks import WebhookReply, WebhookRequest
from ._listener import answer_webhook

if TYPE_CHECKING:
    import aiohttp

    from ..sync import Account
    from ..sync.client import Tokens
    from ._runtime import ActiveFlow, Runtime

log = logging.getLogger("flowin.relay")

# What the history says of an event the relay delivered but Flowin did not run; kept here
# whole, so that an app can recognise them and show them in its user's language.
FLOW_OFF_ERROR = (
    "Not run: the flow was switched off (or deleted) when this request came in through its "
    "public address. Switch it on and retry this run to run it."
)
REFUSED_ERROR = "Refused when it came in through the public address: {reason}"

_SIGN_IN_ENDED = 4401  # the cloud's close code when the sign-in behind a WebSocket ended


class RelayState(StrEnum):
    OFF = "off"  # not started, or stopped
    SIGNED_OUT = "signed_out"  # this data folder is not signed in to a cloud account
    CONNECTING = "connecting"
    CONNECTED = "connected"  # a WebSocket is open: events arrive as they are sent
    POLLING = "polling"  # a proxy refuses WebSockets: events are fetched by long polling
    OFFLINE = "offline"  # the cloud can't be reached now; trying again
    UNAVAILABLE = "unavailable"  # the cloud refuses (see ``problem``); trying again later


@dataclass(frozen=True, slots=True)
class Hook:
    """A webhook trigger active here, as the cloud is told of it."""

    flow_id: str
    node_id: str
    wait_for_answer: bool


class Backoff:
    """Exponential back-off with jitter: half of each delay is random, so that computers cut
    off together (a cloud restart) don't all come back at the same moment."""

    def __init__(self, base: float, cap: float) -> None:
        self.base, self.cap, self.attempt = base, cap, 0

    def next(self) -> float:
        delay = min(self.cap, self.base * 2**self.attempt)
        self.attempt = min(self.attempt + 1, 30)
        return delay / 2 + random.uniform(0, delay / 2)

    def reset(self) -> None:
        self.attempt = 0


class _Unreachable(Exception):
    """The cloud did not answer, or answered with a server error: try again after a pause."""


class _UpgradeRefused(Exception):
    """Something between here and the cloud refused the WebSocket upgrade."""


class _SignedOut(Exception):
    """The sign-in is over (refused even after a refresh)."""


class _Refused(Exception):
    """The cloud refuses the relay to this account for a reason the user can act on."""

    def __init__(self, message: str, retry_in: float) -> None:
        super().__init__(message)
        self.retry_in = retry_in


@dataclass
class _Replies:
    """What is to be sent back to the cloud: answers for waiting requests, then acks."""

    answers: list[dict[str, Any]] = field(default_factory=list)
    acks: list[str] = field(default_factory=list)
    ready: asyncio.Event = field(default_factory=asyncio.Event)

    def answer(self, message: dict[str, Any]) -> None:
        self.answers.append(message)
        self.ready.set()

    def ack(self, event_id: str) -> None:
        self.acks.append(event_id)
        self.ready.set()

    def take(self) -> tuple[list[dict[str, Any]], list[str]]:
        answers, acks = self.answers, self.acks
        self.answers, self.acks = [], []
        self.ready.clear()
        return answers, acks


class Relay:
    """Receives, while signed in, the requests sent to this computer's public addresses.

    Runs on the webhook listener's event loop (or a loop of its own when the listener could
    not start: the public addresses still work then). See the module's docstring for what the
    app reads.
    """

    # How the relay paces itself; tests and the benchmark may change them before ``start``.
    backoff_base = 0.5
    backoff_cap = 60.0
    sign_in_every = 5.0  # seconds between looks at the sign-in while signed out
    poll_wait = 25  # seconds a long poll waits for an event
    websocket_again_after = 600.0  # long polling this long before trying a WebSocket again
    status_every = 30.0  # how often the waiting count is asked for while connected
    connect_timeout = 20.0

    def __init__(self, runtime: Runtime, account: Callable[[], Account]) -> None:
        self.runtime = runtime
        self._account = account
        self._loop: asyncio.AbstractEventLoop | None = None
        self._own_thread: threading.Thread | None = None
        self._task: asyncio.Task[None] | None = None
        self._lock = threading.Lock()
        self._listeners: list[Callable[[], None]] = []
        self._addresses: dict[tuple[str, str], str] = {}
        self._hook_ids: dict[tuple[str, str], str] = {}
        self._registered: frozenset[Hook] | None = None
        self._state = RelayState.OFF
        self._problem: str | None = None
        self._waiting: int | None = None
        self._server: str | None = None
        self._client: Any = None  # the CloudClient of this sign-in (token refreshes)
        self._tokens: Tokens | None = None
        self._wake: asyncio.Event | None = None
        self._hooks_changed: asyncio.Event | None = None
        self._in_flight: dict[str, asyncio.Future[None]] = {}
        self._tasks: set[asyncio.Task[None]] = set()  # events being taken (kept referenced)
        self._lookups: list[tuple[str, asyncio.Future[bool]]] = []
        self._looking: asyncio.Task[None] | None = None
        self._polling_until = 0.0
        self._stopping = False
        self._acked: asyncio.Event | None = None
        self._last_ack = 0.0

    # What the app reads.

    @property
    def state(self) -> RelayState:
        return self._state

    @property
    def problem(self) -> str | None:
        return self._problem

    @property
    def waiting(self) -> int | None:
        return self._waiting

    def public_address(self, flow_id: str, node_id: str) -> str | None:
        with self._lock:
            return self._addresses.get((flow_id, node_id))

    def addresses(self) -> dict[tuple[str, str], str]:
        with self._lock:
            return dict(self._addresses)

    def subscribe(self, callback: Callable[[], None]) -> None:
        self._listeners.append(callback)

    def rotate(self, flow_id: str, node_id: str) -> Future[str]:
        """Ask the cloud for a new public address for this trigger (the old one answers 404
        from then on); the future gives the new address, or a FlowinError."""
        loop = self._loop
        if loop is None or self._server is None:
            failed: Future[str] = Future()
            failed.set_exception(
                FlowinError("Public addresses need Flowin signed in to a cloud account.")
            )
            return failed
        return asyncio.run_coroutine_threadsafe(self._rotate(flow_id, node_id), loop)

    def check_sign_in(self) -> None:
        self._poke("_wake")

    # Life cycle (the runtime's).

    def start(self, loop: asyncio.AbstractEventLoop | None) -> None:
        """Run on ``loop`` (the listener's), or on a loop of its own when None."""
        self._stopping = False
        if loop is None:
            loop = asyncio.new_event_loop()
            started = threading.Event()

            def run() -> None:
                asyncio.set_event_loop(loop)
                loop.call_soon(started.set)
                loop.run_forever()
                loop.close()

            self._own_thread = threading.Thread(target=run, name="flowin-relay", daemon=True)
            self._own_thread.start()
            started.wait(10)
        self._loop = loop
        asyncio.run_coroutine_threadsafe(self._begin(), loop).result(10)

    def stop(self, timeout: float = 5.0) -> None:
        """Stop receiving; events not yet acknowledged are sent again at the next start."""
        loop, self._stopping = self._loop, True
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._end(), loop).result(timeout)
        if self._own_thread is not None:
            loop.call_soon_threadsafe(loop.stop)
            self._own_thread.join(timeout)
            self._own_thread = None
        self._loop = None
        self._set(state=RelayState.OFF)

    def hooks_changed(self) -> None:
        """A flow was switched on or off or edited: tell the cloud the webhook triggers again."""
        self._poke("_hooks_changed")

    def _poke(self, name: str) -> None:
        loop, flag = self._loop, getattr(self, name)
        if loop is not None and flag is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(flag.set)

    async def _begin(self) -> None:
        self._wake = asyncio.Event()
        self._hooks_changed = asyncio.Event()
        self._acked = asyncio.Event()
        self._task = asyncio.get_running_loop().create_task(self._run(), name="flowin-relay")

    async def _end(self) -> None:
        task = self._task
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        for running in list(self._in_flight.values()):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(asyncio.shield(running), 5)

    # The connection.

    async def _run(self) -> None:
        import aiohttp

        from ..sync.client import user_agent

        backoff = Backoff(self.backoff_base, self.backoff_cap)
        while not self._stopping:
            pause = self.sign_in_every
            try:
                if not await self._sign_in():
                    self._set(state=RelayState.SIGNED_OUT, problem=None, waiting=None)
                    await self._nap(self.sign_in_every)
                    continue
                self._set(state=RelayState.CONNECTING)
                timeout = aiohttp.ClientTimeout(total=None, sock_connect=self.connect_timeout)
                headers = {"User-Agent": user_agent(self._account().app)}
                async with aiohttp.ClientSession(timeout=timeout, headers=headers) as http:
                    await self._register(http, force=True)
                    if monotonic() < self._polling_until:
                        await self._long_poll(http, backoff)
                    else:
                        await self._websocket(http, backoff)
                pause = backoff.next()
            except _UpgradeRefused as refusal:
                log.warning(
                    "The connection to the Flowin cloud can't use a WebSocket (%s); "
                    "fetching webhook events by long polling instead",
                    refusal,
                )
                self._polling_until = monotonic() + self.websocket_again_after
                continue
            except _SignedOut:
                log.warning("The cloud sign-in ended; public webhook addresses wait for a new one")
                self._set(
                    state=RelayState.SIGNED_OUT,
                    problem="Sign in to your Flowin cloud account again to receive webhooks "
                    "sent to your flows' public addresses.",
                    waiting=None,
                )
                self._client = None
            except _Refused as refusal:
                self._set(state=RelayState.UNAVAILABLE, problem=str(refusal))
                log.warning("Public webhook addresses unavailable: %s", refusal)
                pause = refusal.retry_in
            except (_Unreachable, aiohttp.ClientError, OSError, TimeoutError) as error:
                pause = backoff.next()
                self._set(
                    state=RelayState.OFFLINE,
                    problem="The Flowin cloud can't be reached; webhooks sent to your public "
                    "addresses wait there until it can.",
                )
                log.info(
                    "Relay: the cloud can't be reached (%s); trying again in %.1f s",
                    type(error).__name__,
                    pause,
                )
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("The webhook relay stopped unexpectedly; starting it again")
                pause = backoff.next()
            await self._nap(pause)

    async def _nap(self, seconds: float) -> None:
        wake = self._wake
        assert wake is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), seconds)
        wake.clear()

    async def _sign_in(self) -> bool:
        """Whether signed in; takes the sign-in's tokens (read from the keyring, off the loop)."""

        def read() -> Any:
            account = self._account()
            return account.client() if account.signed_in else None

        from ..sync.errors import SignedOut

        try:
            client = await asyncio.to_thread(read)
        except SignedOut:
            client = None
        if client is None:
            self._client = self._tokens = self._server = None
            return False
        if self._client is None or client.tokens != self._tokens:
            self._client, self._tokens, self._server = client, client.tokens, client.server
        return True

    async def _renew(self, stale: Tokens | None) -> None:
        """New tokens after the cloud refused ``stale`` (the sync's refresh, reused)."""
        from ..sync.errors import Offline, SignedOut, SyncError

        def renew() -> Tokens:
            # Another client of this sign-in (the sync) may have refreshed already: a used
            # refresh token must not be sent again.
            current = self._account().client()
            if current.tokens != stale:
                return current.tokens  # type: ignore[return-value]
            return current.refresh()

        try:
            self._tokens = await asyncio.to_thread(renew)
        except SignedOut:
            raise _SignedOut() from None
        except Offline:
            raise _Unreachable("token refresh") from None
        except SyncError as error:
            raise _Unreachable(str(error)) from None

    def _auth(self) -> dict[str, str]:
        tokens = self._tokens
        return {"Authorization": f"Bearer {tokens.access}"} if tokens is not None else {}

    async def _call(
        self,
        http: aiohttp.ClientSession,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: Mapping[str, str] | None = None,
        timeout: float = 30.0,
    ) -> Any:
        """One signed-in call to the cloud; the access token is refreshed once if refused."""
        import aiohttp

        for attempt in (1, 2):
            stale = self._tokens
            try:
                async with http.request(
                    method,
                    f"{self._server}{path}",
                    json=json_body,
                    params=params,
                    headers=self._auth(),
                    timeout=aiohttp.ClientTimeout(total=timeout),
                ) as response:
                    status = response.status
                    if status == 401 and attempt == 1:
                        await self._renew(stale)
                        continue
                    if status == 401:
                        raise _SignedOut()
                    if status == 204:
                        return None
                    body = await response.read()
                    data = _json(body)
                    if status == 429 or status >= 500:
                        raise _Unreachable(f"HTTP {status}")
                    if status == 404 and path.startswith("/relay/hooks") and method == "PUT":
                        raise _Refused(
                            "This Flowin cloud server doesn't offer public webhook addresses.",
                            retry_in=600,
                        )
                    if status == 403 and method == "PUT":
                        raise _Refused(
                            _detail(data)
                            or "Verify your account's e-mail address to get public addresses.",
                            retry_in=60,
                        )
                    if status >= 400:
                        raise _Unreachable(f"HTTP {status} for {method} {path}")
                    return data
            except (aiohttp.ClientError, OSError, TimeoutError) as error:
                raise _Unreachable(type(error).__name__) from None
        raise _SignedOut()

    # Which triggers have public addresses.

    def _wanted(self) -> frozenset[Hook]:
        from ..registry import TriggerKind

        hooks = set()
        for flow_id in self.runtime.active_flows():
            active = self.runtime.active(flow_id)
            if active is None or active.node_type.trigger_kind != TriggerKind.WEBHOOK:
                continue
            waits = _responds_when_done(active) or active.node_type.webhook_handshake
            hooks.add(Hook(flow_id, active.trigger.id, waits))
        return frozenset(hooks)

    async def _register(self, http: aiohttp.ClientSession, force: bool = False) -> None:
        changed = self._hooks_changed
        assert changed is not None
        changed.clear()
        wanted = await asyncio.to_thread(self._wanted)
        if not force and wanted == self._registered:
            return
        ordered = sorted(wanted, key=lambda hook: (hook.flow_id, hook.node_id))
        answer = await self._call(
            http,
            "PUT",
            "/relay/hooks",
            json_body=[
                {"flow_id": h.flow_id, "node_id": h.node_id, "wait_for_answer": h.wait_for_answer}
                for h in ordered
            ],
        )
        addresses, ids = {}, {}
        for item in answer if isinstance(answer, list) else []:
            key = (str(item["flow_id"]), str(item["node_id"]))
            addresses[key], ids[key] = str(item["url"]), str(item["hook_id"])
        with self._lock:
            self._addresses, self._hook_ids = addresses, ids
        self._registered = wanted
        for (flow_id, _), url in sorted(addresses.items()):
            log.info("Public address of '%s': %s", self.runtime.flow_name(flow_id), url)
        self._changed()

    async def _keep_registered(self, http: aiohttp.ClientSession) -> None:
        changed = self._hooks_changed
        assert changed is not None
        while True:
            await changed.wait()
            await self._register(http)

    async def _keep_count(self, http: aiohttp.ClientSession) -> None:
        """Ask for the waiting count now and then, and soon after acknowledgements (the count
        the app shows goes down as a backlog drains)."""
        acked = self._acked
        assert acked is not None
        while True:
            answer = await self._call(http, "GET", "/relay/status")
            if isinstance(answer, dict) and "waiting" in answer:
                self._set(waiting=int(answer["waiting"]))
            draining = bool(self._waiting) and monotonic() - self._last_ack < 5
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(acked.wait(), 1.0 if draining else self.status_every)
            acked.clear()
            await asyncio.sleep(0.2)  # acknowledgements come in bursts: one look after each

    def _acknowledged(self) -> None:
        self._last_ack = monotonic()
        if self._acked is not None:
            self._acked.set()

    async def _rotate(self, flow_id: str, node_id: str) -> str:
        import aiohttp

        hook_id = self._hook_ids.get((flow_id, node_id))
        if hook_id is None:
            raise FlowinError("This trigger has no public address yet: switch its flow on.")
        try:
            async with aiohttp.ClientSession() as http:
                answer = await self._call(http, "POST", f"/relay/hooks/{hook_id}/rotate")
        except (_Unreachable, _Refused, _SignedOut):
            raise FlowinError(
                "The Flowin cloud can't be reached to change the address; try again shortly."
            ) from None
        url = str(answer["url"])
        with self._lock:
            self._addresses[(flow_id, node_id)] = url
        self._changed()
        return url

    # Receiving.

    async def _websocket(self, http: aiohttp.ClientSession, backoff: Backoff) -> None:
        import aiohttp

        address = "ws" + self._server[len("http") :] if self._server else ""
        for attempt in (1, 2):
            stale = self._tokens
            try:
                socket = await http.ws_connect(
                    f"{address}/relay/connect",
                    headers=self._auth(),
                    heartbeat=30,
                    max_msg_size=16 * 2**20,
                    timeout=aiohttp.ClientWSTimeout(ws_close=1),
                )
            except aiohttp.WSServerHandshakeError as refusal:
                if refusal.status in (401, 403) and attempt == 1:
                    await self._renew(stale)
                    continue
                if refusal.status in (401, 403):
                    raise _SignedOut() from None
                if refusal.status == 429 or refusal.status >= 500:
                    raise _Unreachable(f"HTTP {refusal.status}") from None
                raise _UpgradeRefused(f"HTTP {refusal.status}") from None
            break
        log.info(
            "Relay connected to %s: webhooks sent to the public addresses arrive here", address
        )
        self._set(state=RelayState.CONNECTED, problem=None)
        replies = _Replies()
        reader = asyncio.create_task(self._read(socket, replies, backoff))
        tasks = [
            reader,
            asyncio.create_task(self._send_replies(socket, replies)),
            asyncio.create_task(self._keep_registered(http)),
            asyncio.create_task(self._keep_count(http)),
        ]
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()  # raises what ended it
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            # Said goodbye to, briefly: the session's closing drops the connection anyway.
            with contextlib.suppress(Exception):
                await asyncio.shield(asyncio.wait_for(socket.close(), 1.0))
        if socket.close_code == _SIGN_IN_ENDED:
            raise _SignedOut()
        raise _Unreachable(f"connection closed ({socket.close_code})")

    async def _read(
        self, socket: aiohttp.ClientWebSocketResponse, replies: _Replies, backoff: Backoff
    ) -> None:
        import aiohttp

        async for message in socket:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            data = _json(message.data)
            if isinstance(data, dict) and data.get("type") == "event":
                backoff.reset()  # a connection that delivers is a good one
                task = asyncio.create_task(self._deliver(data, replies))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

    async def _send_replies(
        self, socket: aiohttp.ClientWebSocketResponse, replies: _Replies
    ) -> None:
        while True:
            await replies.ready.wait()
            answers, acks = replies.take()
            for answer in answers:
                await socket.send_str(json.dumps({"type": "answer", **answer}))
            if acks:
                await socket.send_str(json.dumps({"type": "ack", "event_ids": acks}))
                self._acknowledged()

    async def _long_poll(self, http: aiohttp.ClientSession, backoff: Backoff) -> None:
        self._set(state=RelayState.POLLING, problem=None)
        helpers = [
            asyncio.create_task(self._keep_registered(http)),
            asyncio.create_task(self._keep_count(http)),
        ]
        try:
            while monotonic() < self._polling_until and not self._stopping:
                answer = await self._call(
                    http,
                    "GET",
                    "/relay/events",
                    params={"wait": str(self.poll_wait), "limit": "100"},
                    timeout=self.poll_wait + 30,
                )
                events = answer.get("events", []) if isinstance(answer, dict) else []
                replies = _Replies()
                await asyncio.gather(*(self._deliver(event, replies) for event in events))
                answers, acks = replies.take()
                for reply in answers:
                    await self._call(http, "POST", "/relay/answers", json_body=reply)
                if acks:
                    await self._call(http, "POST", "/relay/acks", json_body={"event_ids": acks})
                    self._acknowledged()
                backoff.reset()
                for helper in helpers:
                    if helper.done():
                        helper.result()
        finally:
            for helper in helpers:
                helper.cancel()
            for helper in helpers:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await helper

    async def _deliver(self, event: dict[str, Any], replies: _Replies) -> None:
        """Take one event, once even when it is sent again meanwhile, and queue its replies."""
        event_id = str(event.get("event_id", ""))
        if not event_id:
            return
        earlier = self._in_flight.get(event_id)
        if earlier is not None:  # sent again while the first copy is still being taken
            await asyncio.shield(earlier)
            replies.ack(event_id)
            return
        done = asyncio.get_running_loop().create_future()
        self._in_flight[event_id] = done
        try:
            if await self._take(event_id, event, replies):
                replies.ack(event_id)
        except Exception:
            log.exception("Event %s from the relay could not be taken; it comes again", event_id)
        finally:
            done.set_result(None)
            del self._in_flight[event_id]

    async def _take(self, event_id: str, event: dict[str, Any], replies: _Replies) -> bool:
        """Into the inbox (or run, or answered at once); whether it may be acknowledged."""
        flow_id, node_id = str(event.get("flow_id")), str(event.get("node_id"))
        route = self.runtime.active_trigger(flow_id, node_id)
        incoming = self._request(event, route)
        if route is None:
            await asyncio.to_thread(self._record_flow_off, event_id, flow_id, incoming)
            return True
        store = self.runtime.store
        if await self._known(event_id):
            return True  # accepted when it came before (its acknowledgement was lost)
        while True:
            reply = await answer_webhook(self.runtime, route, incoming, event_id=event_id)
            if reply.status != 429 or self._stopping:
                break
            await asyncio.sleep(_retry_after(reply))  # the inbox is full: it empties as runs end
        if event.get("wait_for_answer"):
            replies.answer(_answer(event_id, reply))
        if reply.status == 429:
            return False
        if reply.status >= 500:
            # It ran and failed (acknowledged), or could not start (Flowin is stopping: it
            # comes again at the next connection).
            ran = reply.body.get("execution_id") if isinstance(reply.body, dict) else None
            return bool(await asyncio.to_thread(store.executions.recorded, [ran or event_id]))
        if reply.status >= 400:
            reason = reply.body.get("error") if isinstance(reply.body, dict) else None
            await asyncio.to_thread(
                store.executions.record_not_run,
                event_id,
                route.flow.id,
                route.flow.name,
                "webhook",
                ExecutionStatus.FAILED,
                REFUSED_ERROR.format(reason=reason or f"HTTP {reply.status}"),
            )
        return True

    async def _known(self, event_id: str) -> bool:
        """Whether this event was accepted before (its acknowledgement lost on the way). The
        events arriving together are looked up together, in one read off the loop; they go on
        in the order they came."""
        answer: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._lookups.append((event_id, answer))
        if self._looking is None or self._looking.done():
            self._looking = asyncio.create_task(self._look_up())
        return await answer

    async def _look_up(self) -> None:
        while self._lookups:
            batch, self._lookups = self._lookups, []
            try:
                known = await asyncio.to_thread(
                    self.runtime.store.inbox.known, [event_id for event_id, _ in batch]
                )
            except Exception as error:
                for _, answer in batch:
                    if not answer.done():
                        answer.set_exception(error)
                continue
            for event_id, answer in batch:
                if not answer.done():
                    answer.set_result(event_id in known)

    def _request(self, event: dict[str, Any], route: ActiveFlow | None) -> WebhookRequest:
        """The request as the public address received it; its path as the local port's would
        be, so a flow sees the same whichever way a request came."""
        path = str(event.get("path") or "")
        # The cloud keeps the path as sent (percent-encoded); the local port reads it decoded.
        rest = unquote(path.split("/", 3)[3]) if path.count("/") >= 3 else ""
        if route is not None and route.path is not None:
            path = route.path + ("/" + rest if rest else "")
        elif route is None:  # a flow that is off: its token, the address's secret, is not kept
            path = "/hooks/hidden" + ("/" + rest if rest else "")
        raw_headers = event.get("headers") or []
        pairs = raw_headers.items() if isinstance(raw_headers, dict) else raw_headers
        try:
            body = base64.b64decode(event.get("body_b64") or "")
        except ValueError:
            body = b""
        return WebhookRequest(
            method=str(event.get("method") or "POST"),
            path=path,
            url=str(event.get("url") or ""),
            headers={str(name).lower(): str(value) for name, value in pairs},
            query=dict(parse_qsl(str(event.get("query") or ""), keep_blank_values=True)),
            body=body,
        )

    def _record_flow_off(self, event_id: str, flow_id: str, incoming: WebhookRequest) -> None:
        from ..errors import NotFound

        store = self.runtime.store
        try:
            name = store.flows.get(flow_id).name
        except NotFound:
            name = flow_id
        if store.executions.record_not_run(
            event_id,
            flow_id,
            name,
            "webhook",
            ExecutionStatus.CANCELLED,
            FLOW_OFF_ERROR,
            incoming.as_trigger_data(),
        ):
            log.warning("A request for '%s' came in while it was off; it was not run", name)

    # Telling the app.

    def _set(self, **changes: Any) -> None:
        before = (self._state, self._problem, self._waiting)
        for name, value in changes.items():
            setattr(self, f"_{name}", value)
        if (self._state, self._problem, self._waiting) != before:
            self._changed()

    def _changed(self) -> None:
        for callback in list(self._listeners):
            try:
                callback()
            except Exception:
                log.exception("A relay listener failed")


def _responds_when_done(active: ActiveFlow) -> bool:
    return getattr(active.params, "respond", "immediately") == "when_done"


def _retry_after(reply: WebhookReply) -> float:
    try:
        return max(0.1, float(reply.headers.get("Retry-After", 1)))
    except ValueError:
        return 1.0


def _answer(event_id: str, reply: WebhookReply) -> dict[str, Any]:
    """A reply as the relay sends it back: as the local port would have written it."""
    headers = {k: v for k, v in reply.headers.items() if k.lower() != "content-type"}
    content_type = next((v for k, v in reply.headers.items() if k.lower() == "content-type"), None)
    body: Any = reply.body
    if body is None:
        payload = b""
    elif isinstance(body, bytes):
        payload, content_type = body, content_type or "application/octet-stream"
    elif isinstance(body, str):
        payload, content_type = body.encode(), content_type or "text/plain; charset=utf-8"
    else:
        payload = json.dumps(body, ensure_ascii=False, default=str).encode()
        content_type = content_type or "application/json"
    if content_type:
        headers["Content-Type"] = content_type
    return {
        "event_id": event_id,
        "status": reply.status,
        "headers": [[name, value] for name, value in headers.items()],
        "body_b64": base64.b64encode(payload).decode(),
    }


def _json(data: bytes | str) -> Any:
    try:
        return json.loads(data) if data else None
    except ValueError:
        return None


def _detail(data: Any) -> str | None:
    detail = data.get("detail") if isinstance(data, dict) else None
    return detail if isinstance(detail, str) else None
