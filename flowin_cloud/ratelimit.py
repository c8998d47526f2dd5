"""Moving-window rate limits, answering 429 with Retry-After. The counts live where
``Settings.rate_limit_storage`` says: this process's memory, or a store several server
processes share (Redis, Memcached, MongoDB: any storage the `limits` library knows)."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import HTTPException, status
from limits import parse
from limits.errors import ConfigurationError
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger(__name__)

# How long to tell a client to wait when the shared store of counts cannot be reached.
STORE_DOWN_RETRY_SECONDS = 30

TOO_MANY_ATTEMPTS = "Too many attempts; please wait {wait} and try again."


class RateLimits:
    def __init__(self, storage_uri: str = "memory://") -> None:
        try:
            storage = storage_from_string(storage_uri)
        except ConfigurationError as error:
            # Said at start-up, before any request depends on it.
            raise ValueError(f"FLOWIN_CLOUD_RATE_LIMIT_STORAGE '{storage_uri}': {error}") from None
        self._storage = storage
        self._window = MovingWindowRateLimiter(storage)

    def hit(self, rule: str, scope: str, key: str, too_many: str = TOO_MANY_ATTEMPTS) -> None:
        """Counts one attempt of ``scope`` for ``key``; raises 429 once ``rule`` is exceeded,
        saying ``too_many`` with its ``{wait}`` filled in ("40 seconds", "3 hours")."""
        limit = parse(rule)
        # Without its counts a limit protects nothing: sign-ins and codes wait rather than go
        # through uncounted.
        with _store_reachable():
            if self._window.hit(limit, scope, key.lower()):
                return
            reset_at, _remaining = self._window.get_window_stats(limit, scope, key.lower())
        wait = max(1, math.ceil(reset_at - time.time()))
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail=too_many.format(wait=duration(wait)),
            headers={"Retry-After": str(wait)},
        )

    def remember(self, scope: str, key: str, seconds: int) -> None:
        """Notes ``key`` in ``scope`` for ``seconds`` (e.g. a place an account signed in from),
        in the same store as the counts, so every server process knows it."""
        with _store_reachable():
            self._storage.incr(f"{scope}/{key.lower()}", seconds)

    def remembers(self, scope: str, key: str) -> bool:
        with _store_reachable():
            return self._storage.get(f"{scope}/{key.lower()}") > 0

    def allow(self, rule: str, scope: str, key: str) -> bool:
        """Counts one of ``scope`` for ``key``; False once ``rule`` is exceeded, for what is held
        back silently (an answer that changed would tell who has an account). Without its store
        of counts, nothing is allowed."""
        try:
            return self._window.hit(parse(rule), scope, key.lower())
        except Exception:
            log.exception("The rate limits' store cannot be reached")
            return False


@contextmanager
def _store_reachable() -> Iterator[None]:
    try:
        yield
    except Exception:
        log.exception("The rate limits' store cannot be reached")
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="The server cannot take this request right now; please try again shortly.",
            headers={"Retry-After": str(STORE_DOWN_RETRY_SECONDS)},
        ) from None


def duration(seconds: int) -> str:
    if seconds <= 120:
        return f"{seconds} seconds"
    if seconds <= 2 * 3600:
        return f"{math.ceil(seconds / 60)} minutes"
    return f"{math.ceil(seconds / 3600)} hours"
