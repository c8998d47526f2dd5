"""The shared client's httpx side: the client itself and the hooks that hold each request to
its deadline and its size limit. Imported by ``service_client`` on the first request."""

from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Iterator
from http.cookiejar import CookieJar, DefaultCookiePolicy

import httpx

from ._addresses import http_transport, trusts_environment
from ._client import DEFAULT_ANSWER_MB, LIMIT_EXTENSION, MB, AnswerTooLarge, user_agent

_lock = threading.Lock()
_client: httpx.Client | None = None
# The request extension the hooks keep a request's deadline in, across its redirects.
_DEADLINE = "flowin_deadline"


def shared_client() -> httpx.Client:
    """The pooled client ``service_client`` hands out, made on the first call."""
    global _client
    if _client is None:
        with _lock:
            if _client is None:
                _client = httpx.Client(
                    cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
                    headers={"User-Agent": user_agent()},
                    # Every connection it opens follows the process's address policy
                    # (_addresses: none on a user's computer, no private network in the cloud).
                    transport=http_transport(
                        limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
                    ),
                    trust_env=trusts_environment(),
                    event_hooks={"request": [_before_sending], "response": [_on_answer]},
                )
                atexit.register(_client.close)
    return _client


def forget_shared_client() -> None:
    """Closes the shared client (the next request makes a new one): its pooled connections
    were opened under the address policy that has just been replaced."""
    global _client
    with _lock:
        if _client is not None:
            _client.close()
            _client = None


def _before_sending(request: httpx.Request) -> None:
    """Start the request's deadline on its first hop; give each later hop only what is left."""
    timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
    deadline = request.extensions.get(_DEADLINE)
    if deadline is None:
        longest = max((t for t in timeouts.values() if t is not None), default=None)
        if longest is None:
            return
        request.extensions[_DEADLINE] = time.monotonic() + longest
        return
    request.extensions["timeout"] = _within(timeouts, _left(request, deadline))


def _on_answer(response: httpx.Response) -> None:
    """Refuse an answer that says it is too large, and read the rest within the deadline and
    the size limit."""
    request = response.request
    limit_mb = request.extensions.get(LIMIT_EXTENSION, DEFAULT_ANSWER_MB)
    limit = int(limit_mb * MB)
    length = response.headers.get("content-length", "")
    # A HEAD answer gives the size of what a GET would send, and no body.
    if request.method != "HEAD" and length.isdigit() and int(length) > limit:
        raise AnswerTooLarge(_host(request.url), limit_mb)
    deadline = request.extensions.get(_DEADLINE)
    if deadline is not None:
        # httpcore reads the body's read timeout when the body starts: no single wait for a
        # piece of it may outlast the deadline.
        request.extensions["timeout"] = _within(
            request.extensions.get("timeout", {}), _left(request, deadline)
        )
    response.stream = _GuardedBody(response.stream, request, deadline, limit, limit_mb)


class _GuardedBody(httpx.SyncByteStream):
    """An answer's body, read piece by piece, checking the deadline and the size as it comes."""

    def __init__(
        self,
        stream: httpx.SyncByteStream,
        request: httpx.Request,
        deadline: float | None,
        limit: int,
        limit_mb: float,
    ) -> None:
        self._stream = stream
        self._request = request
        self._deadline = deadline
        self._limit = limit
        self._limit_mb = limit_mb

    def __iter__(self) -> Iterator[bytes]:
        received = 0
        for chunk in self._stream:
            received += len(chunk)
            if received > self._limit:
                raise AnswerTooLarge(_host(self._request.url), self._limit_mb)
            if self._deadline is not None:
                _left(self._request, self._deadline)
            yield chunk

    def close(self) -> None:
        self._stream.close()


def _left(request: httpx.Request, deadline: float) -> float:
    """Seconds left before the deadline; past it, the request has timed out."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpx.ReadTimeout("The answer did not arrive in time.", request=request)
    return left


def _within(timeouts: dict[str, float | None], left: float) -> dict[str, float | None]:
    return {kind: left if t is None else min(t, left) for kind, t in timeouts.items()}


def _host(url: httpx.URL) -> str:
    return f"{url.host}:{url.port}" if url.port else url.host
