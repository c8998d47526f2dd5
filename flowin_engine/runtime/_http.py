"""The webhook listener's HTTP/1.1 server: httptools parses, the event loop (uvloop) carries.

A webhook listener answers one kind of request, many times a second, and its answer depends
on a run that happens in between: what it needs from HTTP is a request's method, target,
headers and body, and a status, headers and body back. aiohttp's server did that with a
framework's worth of objects per request (about 30 µs of the 280 µs a "respond when done"
webhook cost in all, measured with ``bench/webhook_ab.py``); httptools (the parser uvicorn
uses, llhttp in C) with an ``asyncio.Protocol`` does it for a few. What a server owes its
callers stays: keep-alive and HTTP/1.0, pipelined requests answered in order, chunked bodies,
``Expect: 100-continue``, a body or header limit answered 413/431 before it is read, 400 for
what does not parse, an idle connection closed, and a stop that lets callers waiting for a run
have it for a grace period.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from email.utils import formatdate
from http import HTTPStatus
from typing import Any
from urllib.parse import unquote

import httptools

log = logging.getLogger(__name__)

IDLE_TIMEOUT = 75.0  # seconds a kept-alive connection may stay silent (as aiohttp did)
MAX_HEADER_BYTES = 64 * 1024
MAX_PIPELINED = 32  # requests read ahead of their answers before reading pauses
_REASONS = {status.value: status.phrase.encode() for status in HTTPStatus}


@dataclass(slots=True)
class HttpRequest:
    method: str
    target: str  # as sent: the path and the query, still percent-encoded
    path: str  # percent-decoded
    query_string: str
    headers: dict[str, str]  # lower-case names; the last of a repeated header
    body: bytes


@dataclass(slots=True)
class HttpResponse:
    status: int
    body: bytes = b""
    content_type: str | None = None
    headers: dict[str, str] | None = None


Handler = Callable[[HttpRequest], Awaitable[HttpResponse]]


class HttpServer:
    """Serves ``handler`` on ``host``:``port`` (``start``), until ``close``."""

    def __init__(self, handler: Handler, max_body: int, idle_timeout: float = IDLE_TIMEOUT) -> None:
        self.handler = handler
        self.max_body = max_body
        self.idle_timeout = idle_timeout
        self.port = 0
        self._server: asyncio.AbstractServer | None = None
        self._connections: set[_Connection] = set()
        self._sweeping: asyncio.TimerHandle | None = None
        self._date = b""
        self._date_second = -1

    async def start(self, host: str, port: int, *, reuse_port: bool = False) -> None:
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            lambda: _Connection(self),
            host,
            port,
            backlog=1024,
            reuse_port=reuse_port or None,
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._sweep()

    def _sweep(self) -> None:
        """Close the connections silent for longer than ``idle_timeout``: one look every few
        seconds costs less than a timer set again for each request."""
        loop = asyncio.get_running_loop()
        now = loop.time()
        for connection in list(self._connections):
            since = connection.idle_since
            if since is not None and now - since > self.idle_timeout:
                connection.close_when_idle()
        self._sweeping = loop.call_later(min(5.0, self.idle_timeout / 4), self._sweep)

    async def close(self, grace: float) -> None:
        """Stop accepting; answers still being made get ``grace`` seconds, then every
        connection is closed."""
        if self._server is not None:
            self._server.close()
        if self._sweeping is not None:
            self._sweeping.cancel()
        for connection in list(self._connections):
            connection.close_when_idle()
        busy = [c.serving for c in self._connections if c.serving is not None]
        if busy:
            _done, pending = await asyncio.wait(busy, timeout=max(grace, 0.0))
            if pending:
                log.warning("Webhook callers still waiting for their run were disconnected")
        for connection in list(self._connections):
            connection.abort()
        if self._server is not None:
            await self._server.wait_closed()

    def date(self) -> bytes:
        """The Date header's value, made once a second."""
        now = time.time()
        if int(now) != self._date_second:
            self._date_second = int(now)
            self._date = formatdate(now, usegmt=True).encode()
        return self._date


class _Connection(asyncio.Protocol):
    """One client's connection: its requests are answered one after another, in order."""

    def __init__(self, server: HttpServer) -> None:
        self.server = server
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpRequestParser(self)
        self.pending: deque[tuple[HttpRequest, bool]] = deque()
        self.serving: asyncio.Task[None] | None = None
        self.closing = False
        self.paused = False
        self.idle_since: float | None = None  # the loop's time since when nothing was asked
        self._url = b""
        self._headers: list[tuple[bytes, bytes]] = []
        self._header_bytes = 0
        self._body: list[bytes] = []
        self._body_size = 0
        self._refused = 0  # a status that ends the connection, decided before the body came

    # The transport's side

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]  # a stream's: a Transport
        self.server._connections.add(self)
        self.idle_since = asyncio.get_running_loop().time()

    def connection_lost(self, exc: Exception | None) -> None:
        self.server._connections.discard(self)
        self.closing = True
        self.pending.clear()

    def data_received(self, data: bytes) -> None:
        if self.closing:
            return
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self._fail(400, "Flowin's webhooks do not change protocols.")
        except httptools.HttpParserError:
            if self._refused == 413:
                limit = self.server.max_body // 1024
                self._fail(413, f"The request is larger than the {limit} KiB this webhook accepts.")
            elif self._refused == 431:
                self._fail(431, "The request's headers are larger than Flowin accepts.")
            else:
                self._fail(400, "The request could not be read as HTTP.")

    def eof_received(self) -> bool:
        # A client that has sent all its requests may still wait for their answers.
        return bool(self.pending or self.serving)

    # The parser's side (httptools calls these while feed_data runs)

    def on_message_begin(self) -> None:
        self._url = b""
        self._headers = []
        self._header_bytes = 0
        self._body = []
        self._body_size = 0

    def on_url(self, url: bytes) -> None:
        self._url += url
        self._count_header_bytes(len(url))

    def on_header(self, name: bytes, value: bytes) -> None:
        self._headers.append((name, value))
        self._count_header_bytes(len(name) + len(value))

    def on_headers_complete(self) -> None:
        length = self.parser.get_method() != b"HEAD" and _content_length(self._headers)
        if length and length > self.server.max_body:
            self._refused = 413
            raise _Refused
        for name, value in self._headers:
            if name.lower() == b"expect" and value.lower() == b"100-continue":
                assert self.transport is not None
                self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")

    def on_body(self, body: bytes) -> None:
        self._body_size += len(body)
        if self._body_size > self.server.max_body:  # chunked: no length said up front
            self._refused = 413
            raise _Refused
        self._body.append(body)

    def on_message_complete(self) -> None:
        target = self._url.decode("latin-1")
        path, _, query = target.partition("?")
        request = HttpRequest(
            method=self.parser.get_method().decode("latin-1"),
            target=target,
            path=_unquote(path),
            query_string=query,
            headers={
                name.decode("latin-1").lower(): value.decode("utf-8", "replace")
                for name, value in self._headers
            },
            body=b"".join(self._body),
        )
        self.pending.append((request, self.parser.should_keep_alive()))
        self.idle_since = None  # a request only begun (or trickling in) counts as silence
        if len(self.pending) >= MAX_PIPELINED and self.transport is not None:
            self.transport.pause_reading()
            self.paused = True
        if self.serving is None:
            self.serving = asyncio.get_running_loop().create_task(self._serve())

    # Answering

    async def _serve(self) -> None:
        try:
            while self.pending and not (self.transport is None or self.transport.is_closing()):
                request, keep_alive = self.pending.popleft()
                if self.paused and len(self.pending) < MAX_PIPELINED // 2:
                    self.paused = False
                    self.transport.resume_reading()
                try:
                    response = await self.server.handler(request)
                except Exception:
                    log.exception("A webhook request could not be answered")
                    response = _text(500, "Flowin could not answer this request.")
                keep_alive = keep_alive and not self.closing
                self._send(request, response, keep_alive)
                if not keep_alive:
                    self.transport.close()
                    return
        finally:
            self.serving = None
            if not self.pending:
                self.idle_since = asyncio.get_running_loop().time()

    def _send(self, request: HttpRequest, response: HttpResponse, keep_alive: bool) -> None:
        assert self.transport is not None
        body = response.body
        head = [
            b"HTTP/1.1 %d %s\r\n" % (response.status, _REASONS.get(response.status, b"")),
            b"Date: %s\r\n" % self.server.date(),
            b"Content-Length: %d\r\n" % len(body),
        ]
        headers = response.headers or {}
        if response.content_type is not None:
            headers = {"Content-Type": response.content_type, **headers}
        for name, value in headers.items():
            line = _header_line(name, value)
            if line is not None:
                head.append(line)
        if not keep_alive:
            head.append(b"Connection: close\r\n")
        head.append(b"\r\n")
        if request.method != "HEAD":
            head.append(body)
        self.transport.write(b"".join(head))

    def _fail(self, status: int, message: str) -> None:
        """Answer a request that can't be taken, and end the connection (what follows it on
        the wire can't be read reliably)."""
        self.closing = True
        self.pending.clear()
        transport = self.transport
        if transport is None or transport.is_closing():
            return
        body = json.dumps({"error": message}).encode()
        transport.write(
            b"HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
            b"Connection: close\r\n\r\n%s" % (status, _REASONS.get(status, b""), len(body), body)
        )
        transport.close()

    def _count_header_bytes(self, count: int) -> None:
        self._header_bytes += count
        if self._header_bytes > MAX_HEADER_BYTES:
            self._refused = 431
            raise _Refused

    # Ending

    def close_when_idle(self) -> None:
        self.closing = True
        if self.serving is None and self.transport is not None:
            self.transport.close()

    def abort(self) -> None:
        if self.serving is not None:
            self.serving.cancel()
        if self.transport is not None:
            self.transport.abort()


class _Refused(Exception):
    """Raised from a parser callback: httptools stops and reports an error, the connection
    answers with the status the callback chose."""


def _content_length(headers: list[tuple[bytes, bytes]]) -> int | None:
    for name, value in headers:
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _unquote(path: str) -> str:
    return unquote(path) if "%" in path else path


def _header_line(name: str, value: Any) -> bytes | None:
    """A header a flow set, unless it would break the answer: no line breaks (they would let
    a value add headers of its own), no names other than ASCII tokens. A value that isn't
    Latin-1 goes as UTF-8."""
    text = str(value)
    bad_name = not name.isascii() or any(c in name for c in " \t\r\n:")
    if not name or bad_name or "\r" in text or "\n" in text:
        log.warning("The header %r of a webhook answer was left out: it can't be sent", name)
        return None
    try:
        return b"%s: %s\r\n" % (name.encode("latin-1"), text.encode("latin-1"))
    except UnicodeEncodeError:
        return b"%s: %s\r\n" % (name.encode(), text.encode("utf-8"))


def _text(status: int, message: str) -> HttpResponse:
    return HttpResponse(status, message.encode(), "text/plain; charset=utf-8")
