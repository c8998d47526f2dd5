"""Moving-window rate limits kept in memory (one server process), answering 429 with Retry-After."""

from __future__ import annotations

import math
import time

from fastapi import HTTPException, status
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


class RateLimits:
    def __init__(self) -> None:
        self._window = MovingWindowRateLimiter(MemoryStorage())

    def hit(self, rule: str, scope: str, key: str) -> None:
        """Counts one attempt of ``scope`` for ``key``; raises 429 once ``rule`` is exceeded."""
        limit = parse(rule)
        if self._window.hit(limit, scope, key.lower()):
            return
        reset_at, _remaining = self._window.get_window_stats(limit, scope, key.lower())
        wait = max(1, math.ceil(reset_at - time.time()))
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail=f"Too many attempts; please wait {wait} seconds and try again.",
            headers={"Retry-After": str(wait)},
        )
