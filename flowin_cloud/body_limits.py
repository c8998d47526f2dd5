"""How large a request body each route takes, enforced before the body is read.

A body whose Content-Length is over its route's limit is answered 413 at once, unread; a body
sent without one (chunked) is counted as it streams in and refused at the first chunk past
the limit. The rest is never read, so an anonymous client cannot make the server hold a large
body in memory. (FastAPI's own ``max_body_size`` does the same but answers in plain text,
while the desktop reads a JSON ``detail`` sentence.)
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

KIB = 1024


def too_large_sentence(limit: int) -> str:
    size = f"{limit // (KIB * KIB)} MB" if limit >= KIB * KIB else f"{limit // KIB} KB"
    return f"The request is larger than the {size} this address takes; please send less."


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` once a streamed body passes its limit. An HTTPException, so
    FastAPI lets it through its body parsing and answers it as any other refusal."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, detail=too_large_sentence(limit), headers={"Connection": "close"})


class BodyLimits:
    """Pure ASGI middleware: ``limits`` pairs a path prefix with the most bytes its bodies may
    have (the first prefix that matches wins); other paths get ``default``."""

    def __init__(self, app: ASGIApp, default: int, limits: Sequence[tuple[str, int]]) -> None:
        self.app = app
        self.default = default
        self.limits = tuple(limits)

    def limit_for(self, path: str) -> int:
        for prefix, limit in self.limits:
            if path.startswith(prefix):
                return limit
        return self.default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(send, limit)
            return

        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except BodyTooLarge:
            # Reached here only when no exception handler answered it on the way out.
            if started:
                raise
            await _refuse(send, limit)


def _content_length(scope: Scope) -> int | None:
    value = Headers(scope=scope).get("content-length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps({"detail": too_large_sentence(limit)}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                # The unread rest of the body would otherwise be taken for the next request.
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
