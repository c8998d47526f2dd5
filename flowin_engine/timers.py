"""One thread that fires callbacks at given times: delays and retry back-offs wait here, so
no worker thread is held while an execution waits."""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable


class TimerHandle:
    __slots__ = ("callback", "cancelled", "when")

    def __init__(self, when: float, callback: Callable[[], None]) -> None:
        self.when = when
        self.callback = callback
        self.cancelled = False


class Timers:
    def __init__(self) -> None:
        self._heap: list[tuple[float, int, TimerHandle]] = []
        self._counter = itertools.count()
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False

    def call_later(self, delay: float, callback: Callable[[], None]) -> TimerHandle:
        handle = TimerHandle(time.monotonic() + max(0.0, delay), callback)
        with self._condition:
            if self._closed:
                raise RuntimeError("the timers are closed")
            heapq.heappush(self._heap, (handle.when, next(self._counter), handle))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._loop, name="flowin-timers", daemon=True
                )
                self._thread.start()
            self._condition.notify()
        return handle

    def cancel(self, handle: TimerHandle) -> bool:
        """True when the callback had not been called yet and now never will be."""
        with self._condition:
            if handle.cancelled or handle.callback is _fired:
                return False
            handle.cancelled = True
            return True

    def close(self) -> None:
        with self._condition:
            self._closed = True
            self._condition.notify()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _loop(self) -> None:
        while True:
            with self._condition:
                while True:
                    if self._closed:
                        return
                    if self._heap:
                        wait = self._heap[0][0] - time.monotonic()
                        if wait <= 0:
                            _, _, handle = heapq.heappop(self._heap)
                            if handle.cancelled:
                                continue
                            callback, handle.callback = handle.callback, _fired
                            break
                        self._condition.wait(wait)
                    else:
                        self._condition.wait()
            callback()


def _fired() -> None:
    """Marks a handle whose callback has been taken."""
