"""The local HTTP listener for webhook triggers (``_http``, on its own thread and event loop)."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import uuid
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from ..errors import FlowinError
from ..webhooks import GateContext, WebhookRejected, WebhookReply, WebhookRequest, delivery_id
from ._http import HttpRequest, HttpResponse, HttpServer

if TYPE_CHECKING:
    from ._runtime import ActiveFlow, Runtime

log = logging.getLogger(__name__)

WEBHOOK_PREFIX = "/webhook/"
# The run a vendor's delivery starts has an id made from the delivery's own (uuid5 in this
# space): a delivery sent again names the same run, and the inbox takes it once.
_DELIVERIES = uuid.UUID("6f0b3d7e-51a2-4c2e-9d8b-2f4e6c1a9b57")
# Deliveries being taken right now (the same one may arrive twice at once, on the port and
# through the relay: two threads, two event loops).
_taking: set[str] = set()
_taking_lock = threading.Lock()


class WebhookListener:
    """Webhooks' requests on ``host``:``port``, answered on an event loop of their own."""

    def __init__(
        self, runtime: Runtime, host: str, port: int, max_body: int, *, reuse_port: bool = False
    ) -> None:
        self.runtime = runtime
        self.host = host
        self.port = port
        self.max_body = max_body
        self.reuse_port = reuse_port  # other processes listen on the same port (Linux)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._http: HttpServer | None = None
        self._thread: threading.Thread | None = None
        self._stop_timeout = 10.0

    def start(self) -> None:
        started = threading.Event()
        failure: list[BaseException] = []

        def serve() -> None:
            loop = _new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(self._open())
            except BaseException as error:  # a port in use is reported to start()
                failure.append(error)
                started.set()
                return
            started.set()
            loop.run_forever()
            loop.run_until_complete(self._close())
            loop.close()

        self._thread = threading.Thread(target=serve, name="flowin-webhooks", daemon=True)
        self._thread.start()
        started.wait(30)
        if failure:
            raise failure[0]

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        """The event loop the listener answers on, while it does."""
        loop = self._loop
        return loop if loop is not None and loop.is_running() else None

    def stop(self, timeout: float = 10.0) -> None:
        """Stop listening; callers still waiting for a run get ``timeout`` seconds for it."""
        self._stop_timeout = timeout
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=timeout + 1)

    async def _open(self) -> None:
        self._http = HttpServer(self._handle, self.max_body)
        await self._http.start(self.host, self.port, reuse_port=self.reuse_port)
        self.port = self._http.port  # the real port when 0 was asked for

    async def _close(self) -> None:
        if self._http is not None:
            # At least a moment, so that the port is let go of even without a grace period.
            await self._http.close(max(self._stop_timeout, 0.5))

    async def _handle(self, request: HttpRequest) -> HttpResponse:
        if request.path == "/health":
            return _response(WebhookReply(status=200, body={"ok": True}))
        route = (
            self.runtime.route(request.path) if request.path.startswith(WEBHOOK_PREFIX) else None
        )
        if route is None:
            return _response(
                _refusal(404, "No active flow listens at this address. Is the flow switched on?")
            )
        incoming = WebhookRequest(
            method=request.method,
            path=request.path,
            url=self._url(request) if route.node_type.webhook_gate is not None else "",
            headers=request.headers,
            query=_query(request.query_string) if request.query_string else {},
            body=request.body,
        )
        return _response(await answer_webhook(self.runtime, route, incoming))

    def _url(self, request: HttpRequest) -> str:
        """The address as the sender called it, for a gate that checks a signature made over it
        (Twilio, Trello)."""
        public = self.runtime.settings.public_url
        if public:
            return public.rstrip("/") + request.target
        return f"http://{request.headers.get('host', f'{self.host}:{self.port}')}{request.target}"


async def answer_webhook(
    runtime: Runtime, route: ActiveFlow, incoming: WebhookRequest, event_id: str | None = None
) -> WebhookReply:
    """What a webhook request gets, however it arrived (the local port or the cloud's relay).

    The signature gate, the durable write before any 2xx and "respond when done" live here,
    once; ``event_id`` (the relay's) becomes the id of the run it starts, unless the vendor
    gave the delivery an id of its own (the trigger's ``delivery_id``): then the run's id is
    made from it, and a delivery taken before is answered 202 with that run's id again and not
    run twice, for as long as the history keeps the run.
    """
    try:
        incoming.check_nesting()
    except WebhookRejected as rejected:
        log.warning("Webhook for '%s' refused: %s", route.flow.name, rejected)
        return _refusal(rejected.status, str(rejected))
    gate = route.node_type.webhook_gate
    if gate is not None:
        try:
            reply = gate(route.params, incoming, GateContext(runtime.credential))
        except WebhookRejected as rejected:
            log.warning("Webhook for '%s' refused: %s", route.flow.name, rejected)
            return _refusal(rejected.status, str(rejected))
        if reply is not None:
            return reply
    delivered = delivery_id(incoming, route.node_type.manifest.delivery_id)
    if delivered is None:
        return await _accept(runtime, route, incoming, event_id)
    # The vendor sends a delivery again when it missed our answer: its run is the same one.
    run_id = uuid.uuid5(_DELIVERIES, f"{route.flow.id}/{route.trigger.id}/{delivered}").hex
    # Taken before the history is asked: a copy arriving while it is asked must find it taken.
    with _taking_lock:
        again = run_id in _taking
        _taking.add(run_id)
    if again:
        return _came_again(route, run_id)
    try:
        if await asyncio.to_thread(_taken, runtime, run_id):
            return _came_again(route, run_id)
        return await _accept(runtime, route, incoming, run_id, delivered=True)
    finally:
        with _taking_lock:
            _taking.discard(run_id)


def _came_again(route: ActiveFlow, run_id: str) -> WebhookReply:
    log.info("Webhook for '%s': delivery %s came again; not run again", route.flow.name, run_id)
    return _accepted(route, run_id)


def _taken(runtime: Runtime, run_id: str) -> bool:
    """Whether a run with this id was accepted before (waiting in the inbox, or in the history,
    as long as the history keeps it)."""
    store = runtime.store
    return store.inbox.holds(run_id) or bool(store.executions.recorded([run_id]))


async def _accept(
    runtime: Runtime,
    route: ActiveFlow,
    incoming: WebhookRequest,
    event_id: str | None,
    delivered: bool = False,
) -> WebhookReply:
    """Into the inbox (or run, when the caller waits for the run's answer). ``delivered``: the
    event id is made from the vendor's delivery id, and the history was asked for it."""
    payload = incoming.as_trigger_data()
    if not runtime.accepting():
        return _refusal(
            429, "Flowin is busy with earlier requests; try again shortly.", retry_after=1
        )
    inline = route.plan is not None
    if getattr(route.params, "respond", "immediately") == "when_done":
        try:
            answer = await runtime.answer_inline(route, payload, event_id) if inline else None
            if answer is not None:
                return answer
            result = await asyncio.wrap_future(
                runtime.run_now(route.flow, payload, "webhook", event_id)
            )
        except FlowinError as error:
            log.error("Webhook for '%s' can't run: %s", route.flow.name, error)
            return _refusal(500, str(error))
        return runtime.webhook_answer(route.flow, result)
    if inline and (event_id is None or delivered):
        # Run first, then answer once the run is written: a delivery sent again makes the
        # same run id, and its run's row, if there already, tells the copy. The relay's own
        # event ids go through the inbox, which tells a copy from an event it holds.
        taken = await runtime.accept_inline(route, payload, event_id)
        if taken is not None:
            run_id, repeat = taken
            return _came_again(route, run_id) if repeat else _accepted(route, run_id)
    # A flow that runs inline is run here once its event is written, right after the answer.
    event, written = runtime.inbox.accept_here(
        route.flow.id, "webhook", payload, event_id, hold=inline
    )
    repeat = await written  # another process took the same delivery first: it runs there
    if inline and not repeat:
        asyncio.get_running_loop().call_soon(runtime.run_accepted_inline, route, event)
    return _accepted(route, event.id)


def _accepted(route: ActiveFlow, run_id: str) -> WebhookReply:
    """The answer to a request taken: the run's id, or what the trigger's service reads."""
    answer = route.node_type.manifest.accepted_answer
    if answer is None:
        return WebhookReply(status=202, body={"execution_id": run_id})
    return WebhookReply(
        status=answer.status, body=answer.body, headers={"Content-Type": answer.content_type}
    )


def _new_event_loop() -> asyncio.AbstractEventLoop:
    """uvloop's loop where it is installed (not on Windows, where it does not exist): the
    listener's loop parses, answers and runs inline flows for every request, and uvloop does
    its share of that in C."""
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def _refusal(status: int, message: str, retry_after: int | None = None) -> WebhookReply:
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
    return WebhookReply(status=status, body={"error": message}, headers=headers)


def _response(reply: WebhookReply) -> HttpResponse:
    headers = {k: v for k, v in reply.headers.items() if k.lower() != "content-type"}
    content_type = next((v for k, v in reply.headers.items() if k.lower() == "content-type"), None)
    body: Any = reply.body
    if body is None:
        return HttpResponse(reply.status, b"", content_type, headers)
    if isinstance(body, bytes):
        payload, default_type = body, "application/octet-stream"
    elif isinstance(body, str):
        payload, default_type = body.encode(), "text/plain; charset=utf-8"
    else:
        payload = json.dumps(body, ensure_ascii=False, default=str).encode()
        default_type = "application/json"
    return HttpResponse(reply.status, payload, content_type or default_type, headers)


def _query(query_string: str) -> dict[str, str]:
    """The query's values by name; the first of a name given twice."""
    return dict(reversed(parse_qsl(query_string, keep_blank_values=True)))
