"""The cloud's webhook relay for the computer's tests: the real ``flowin-cloud`` when it has the
relay, or else a stand-in built to docs/relay.md in front of the real one.

The stand-in (an aiohttp server on 127.0.0.1, on a thread of its own) answers ``/relay/*`` and
the public ``/hooks/<token>`` addresses itself, keeping events in memory, and passes every other
request (sign-in, token refresh) to the real ``flowin-cloud`` behind it; a bearer token counts
when the real cloud's ``/auth/me`` accepts it. With ``refuse_websocket`` it answers the
WebSocket upgrade 400, as a proxy that blocks WebSockets does; with ``repeat`` it sends every
event twice, as a cloud does whose acknowledgement was lost.

``cloud_has_relay(cloud)`` says whether the real cloud answers ``PUT /relay/hooks`` (a 401 for
no token); with ``own_relay=False`` the stand-in is only a proxy in front of it.
"""

from __future__ import annotations

import asyncio
import base64
import json
import secrets
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
from aiohttp import ClientSession, WSMsgType, web

from tests.cloud_server import CloudServer, free_port


def cloud_has_relay(cloud: CloudServer) -> bool:
    """Whether the real flowin-cloud serves the relay (it refuses an unsigned PUT with 401)."""
    return httpx.put(cloud.url + "/relay/hooks", json=[]).status_code in (401, 403)


@dataclass
class _Event:
    id: str
    seq: int
    account: str
    hook: _Hook
    message: dict[str, Any]
    delivered: bool = False
    answer: asyncio.Future[dict[str, Any]] | None = None


@dataclass
class _Hook:
    id: str
    account: str
    flow_id: str
    node_id: str
    token: str
    wait_for_answer: bool
    active: bool = True


@dataclass
class _Account:
    events: list[_Event] = field(default_factory=list)
    wakers: set[asyncio.Event] = field(default_factory=set)
    connections: int = 0


class RelayStandIn:
    def __init__(
        self,
        cloud: CloudServer,
        refuse_websocket: bool = False,
        answer_seconds: float = 5.0,
        repeat: bool = False,
        own_relay: bool = True,
    ) -> None:
        self.cloud = cloud
        # Without its own relay, only the WebSocket upgrade is answered here (refused with
        # ``refuse_websocket``): everything else, the relay's routes too, goes to the cloud.
        self.own_relay = own_relay
        self.refuse_websocket = refuse_websocket
        self.repeat = repeat  # every event sent twice on the WebSocket, as after a lost ack
        self.answer_seconds = answer_seconds
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.hooks: dict[str, _Hook] = {}  # token → hook
        self.accounts: dict[str, _Account] = {}
        self.websocket_connections = 0
        self.polls = 0
        self._sent_sets: list[set[str]] = []  # per WebSocket, the events sent on it
        self._seq = 0
        self._known_tokens: dict[str, str] = {}  # access token → account e-mail
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None
        self._http: ClientSession | None = None

    def start(self) -> RelayStandIn:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._open(), self._loop).result(10)
        return self

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def redeliver(self) -> None:
        """Send every event again, as after acknowledgements lost on the way."""

        async def again() -> None:
            for sent in self._sent_sets:
                sent.clear()
            for account in self.accounts.values():
                for event in account.events:
                    event.delivered = False
                for waker in account.wakers:
                    waker.set()

        asyncio.run_coroutine_threadsafe(again(), self._loop).result(10)

    def waiting(self) -> int:
        return sum(1 for a in self.accounts.values() for e in a.events if not e.delivered)

    async def _open(self) -> None:
        self._http = ClientSession()
        app = web.Application(client_max_size=4 * 2**20)
        app.router.add_get("/relay/connect", self._connect)
        if self.own_relay:
            self._add_relay_routes(app)
        app.router.add_route("*", "/{path:.*}", self._pass_on)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    def _add_relay_routes(self, app: web.Application) -> None:
        app.router.add_put("/relay/hooks", self._put_hooks)
        app.router.add_post("/relay/hooks/{hook_id}/rotate", self._rotate)
        app.router.add_get("/relay/status", self._status)
        app.router.add_get("/relay/events", self._events)
        app.router.add_post("/relay/acks", self._acks)
        app.router.add_post("/relay/answers", self._answers)
        app.router.add_route("*", "/hooks/{token}", self._public)
        app.router.add_route("*", "/hooks/{token}/{rest:.*}", self._public)

    async def _close(self) -> None:
        assert self._runner is not None and self._http is not None
        await self._runner.cleanup()
        await self._http.close()
        current = asyncio.current_task()
        left = [task for task in asyncio.all_tasks() if task is not current]
        for task in left:
            task.cancel()
        await asyncio.gather(*left, return_exceptions=True)

    async def _account(self, request: web.Request) -> str | None:
        header = request.headers.get("Authorization", "")
        token = header.removeprefix("Bearer ").strip()
        if not token:
            return None
        if token in self._known_tokens:
            return self._known_tokens[token]
        assert self._http is not None
        async with self._http.get(
            self.cloud.url + "/auth/me", headers={"Authorization": f"Bearer {token}"}
        ) as answer:
            if answer.status != 200:
                return None
            email = (await answer.json())["email"]
        self._known_tokens[token] = email
        return email

    async def _put_hooks(self, request: web.Request) -> web.Response:
        account = await self._account(request)
        if account is None:
            return web.json_response({"detail": "Sign in."}, status=401)
        listed = await request.json()
        wanted = {(item["flow_id"], item["node_id"]): item for item in listed}
        answer = []
        mine = {(h.flow_id, h.node_id): h for h in self.hooks.values() if h.account == account}
        for key, hook in mine.items():
            hook.active = key in wanted
        for item in listed:
            key = (item["flow_id"], item["node_id"])
            hook = mine.get(key)
            if hook is None:
                token = secrets.token_urlsafe(32)
                hook = _Hook(str(uuid.uuid4()), account, key[0], key[1], token, False)
                self.hooks[token] = hook
            hook.wait_for_answer = bool(item["wait_for_answer"])
            hook.active = True
            answer.append(self._hook_json(hook))
        return web.json_response(answer)

    def _hook_json(self, hook: _Hook) -> dict[str, Any]:
        return {
            "hook_id": hook.id,
            "flow_id": hook.flow_id,
            "node_id": hook.node_id,
            "wait_for_answer": hook.wait_for_answer,
            "url": f"{self.url}/hooks/{hook.token}",
        }

    async def _rotate(self, request: web.Request) -> web.Response:
        account = await self._account(request)
        for token, hook in list(self.hooks.items()):
            if hook.id == request.match_info["hook_id"] and hook.account == account:
                del self.hooks[token]
                hook.token = secrets.token_urlsafe(32)
                self.hooks[hook.token] = hook
                return web.json_response(self._hook_json(hook))
        return web.json_response({"detail": "No such hook."}, status=404)

    async def _status(self, request: web.Request) -> web.Response:
        account = await self._account(request)
        if account is None:
            return web.json_response({"detail": "Sign in."}, status=401)
        state = self.accounts.setdefault(account, _Account())
        waiting = sum(1 for e in state.events if not e.delivered)
        return web.json_response({"waiting": waiting, "connected": state.connections > 0})

    async def _public(self, request: web.Request) -> web.Response:
        hook = self.hooks.get(request.match_info["token"])
        if hook is None or not hook.active:
            return web.json_response({"detail": "No webhook listens at this address."}, status=404)
        body = await request.read()
        self._seq += 1
        event_id = str(uuid.uuid4())
        query = request.query_string
        message = {
            "type": "event",
            "event_id": event_id,
            "seq": self._seq,
            "hook_id": hook.id,
            "flow_id": hook.flow_id,
            "node_id": hook.node_id,
            "method": request.method,
            "path": request.path,
            "query": query,
            "headers": [[k.lower(), v] for k, v in request.headers.items()],
            "body_b64": base64.b64encode(body).decode(),
            "url": f"{self.url}{request.path}" + (f"?{query}" if query else ""),
            "received_at": datetime.now(UTC).isoformat(),
            "wait_for_answer": hook.wait_for_answer,
        }
        state = self.accounts.setdefault(hook.account, _Account())
        event = _Event(event_id, self._seq, hook.account, hook, message)
        waits = hook.wait_for_answer and state.connections > 0
        if waits:
            event.answer = asyncio.get_running_loop().create_future()
        state.events.append(event)
        for waker in state.wakers:
            waker.set()
        if waits:
            assert event.answer is not None
            try:
                answer = await asyncio.wait_for(event.answer, self.answer_seconds)
            except TimeoutError:
                pass
            else:
                headers = {
                    name: value
                    for name, value in answer.get("headers", [])
                    if name.lower() not in ("content-length", "transfer-encoding", "connection")
                }
                return web.Response(
                    status=int(answer["status"]),
                    headers=headers,
                    body=base64.b64decode(answer.get("body_b64") or ""),
                )
        return web.json_response({"event_id": event_id}, status=202)

    def _take_answer(self, account: str, message: dict[str, Any]) -> None:
        for event in self.accounts.get(account, _Account()).events:
            if (
                event.id == message.get("event_id")
                and event.answer is not None
                and not event.answer.done()
            ):
                event.answer.set_result(message)

    def _take_acks(self, account: str, ids: list[str]) -> int:
        done = 0
        for event in self.accounts.get(account, _Account()).events:
            if event.id in ids and not event.delivered:
                event.delivered = True
                done += 1
        return done

    async def _connect(self, request: web.Request) -> web.StreamResponse:
        if self.refuse_websocket:
            return web.Response(status=400, text="WebSockets are not allowed here")
        if not self.own_relay:
            raise RuntimeError("a stand-in passing the relay on only refuses WebSockets")
        account = await self._account(request)
        if account is None:
            return web.Response(status=403, text="Sign in.")
        socket = web.WebSocketResponse(max_msg_size=16 * 2**20)
        await socket.prepare(request)
        self.websocket_connections += 1
        state = self.accounts.setdefault(account, _Account())
        state.connections += 1
        waker = asyncio.Event()
        state.wakers.add(waker)
        sent: set[str] = set()
        self._sent_sets.append(sent)

        async def send() -> None:
            while True:
                for event in list(state.events):
                    if not event.delivered and event.id not in sent:
                        sent.add(event.id)
                        await socket.send_str(json.dumps(event.message))
                        if self.repeat:
                            await socket.send_str(json.dumps(event.message))
                waker.clear()
                await waker.wait()

        sender = asyncio.create_task(send())
        try:
            async for message in socket:
                if message.type != WSMsgType.TEXT:
                    break
                data = json.loads(message.data)
                if data.get("type") == "ack":
                    self._take_acks(account, data.get("event_ids") or [data.get("event_id")])
                elif data.get("type") == "answer":
                    self._take_answer(account, data)
        finally:
            sender.cancel()
            state.wakers.discard(waker)
            state.connections -= 1
        return socket

    async def _events(self, request: web.Request) -> web.Response:
        account = await self._account(request)
        if account is None:
            return web.json_response({"detail": "Sign in."}, status=401)
        self.polls += 1
        state = self.accounts.setdefault(account, _Account())
        waker = asyncio.Event()
        state.wakers.add(waker)
        state.connections += 1
        try:
            limit = int(request.query.get("limit", "100"))
            for _ in range(2):
                events = [e.message for e in state.events if not e.delivered][:limit]
                if events:
                    return web.json_response({"events": events})
                try:
                    await asyncio.wait_for(waker.wait(), float(request.query.get("wait", "25")))
                except TimeoutError:
                    break
            return web.json_response({"events": []})
        finally:
            state.wakers.discard(waker)
            state.connections -= 1

    async def _acks(self, request: web.Request) -> web.Response:
        account = await self._account(request)
        if account is None:
            return web.json_response({"detail": "Sign in."}, status=401)
        ids = (await request.json())["event_ids"]
        return web.json_response({"acknowledged": self._take_acks(account, ids)})

    async def _answers(self, request: web.Request) -> web.Response:
        account = await self._account(request)
        if account is None:
            return web.json_response({"detail": "Sign in."}, status=401)
        self._take_answer(account, await request.json())
        return web.Response(status=204)

    async def _pass_on(self, request: web.Request) -> web.Response:
        assert self._http is not None
        headers = {k: v for k, v in request.headers.items() if k.lower() not in ("host",)}
        async with self._http.request(
            request.method,
            self.cloud.url + request.path_qs,
            headers=headers,
            data=await request.read(),
        ) as answer:
            body = await answer.read()
            kept = {
                k: v
                for k, v in answer.headers.items()
                if k.lower() not in ("content-length", "transfer-encoding", "content-encoding")
            }
            return web.Response(status=answer.status, body=body, headers=kept)
