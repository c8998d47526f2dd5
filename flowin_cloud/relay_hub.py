"""Wakes what waits in this server process (a WebSocket, a long poll, a request waiting for
its answer) as soon as what it waits for happens here, sooner than reading the database again
would. What happens in other processes is found in the database (relay.py)."""

from __future__ import annotations

import asyncio
import contextlib
import threading


def account_key(user_id: str) -> str:
    return f"account:{user_id}"


def answer_key(event_id: str) -> str:
    return f"answer:{event_id}"


class Hub:
    """Wakes the waiters of this process: an account's connections when a request for it is
    accepted, a waiting request when its answer arrives. Thread-safe, and each waiter is woken
    on its own event loop (requests and connections may run on different loops)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: dict[str, set[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]]] = {}
        # Open WebSockets per account in this process.
        self.connections: dict[str, int] = {}
        # Whether other server processes' commits wake this one (PostgreSQL's NOTIFY).
        self.notified_across = False
        # The server is stopping: whatever only waits answers now.
        self.stopping = False

    def listen(self, key: str) -> Listening:
        """Starts listening for ``notify(key)`` now (so that nothing is missed between looking
        and waiting); wait on what it gives, then close it."""
        return Listening(self, key, asyncio.get_running_loop())

    async def wait(self, key: str, timeout: float) -> bool:
        """Waits up to ``timeout`` seconds for ``notify(key)``; True when it came."""
        listening = self.listen(key)
        try:
            return await listening.wait(timeout)
        finally:
            listening.close()

    def stop_waiting(self) -> None:
        """Wakes every waiter for good: the server is stopping."""
        self.stopping = True
        with self._lock:
            keys = list(self._waiters)
        for key in keys:
            self.notify(key)

    def notify(self, key: str) -> None:
        with self._lock:
            waiting = list(self._waiters.get(key, ()))
        for loop, future in waiting:
            # A loop that has closed has nobody waiting on it any more.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_wake, future)


class Listening:
    def __init__(self, hub: Hub, key: str, loop: asyncio.AbstractEventLoop) -> None:
        self._hub = hub
        self._key = key
        self._future: asyncio.Future[None] = loop.create_future()
        self._entry = (loop, self._future)
        with hub._lock:
            hub._waiters.setdefault(key, set()).add(self._entry)

    async def wait(self, timeout: float) -> bool:
        """True when woken within ``timeout`` seconds since the last wait (or the start)."""
        try:
            await asyncio.wait_for(asyncio.shield(self._future), max(timeout, 0))
            woken = True
        except TimeoutError:
            woken = False
        if self._future.done():
            self._listen_again()
        return woken

    def _listen_again(self) -> None:
        loop = self._entry[0]
        with self._hub._lock:
            waiting = self._hub._waiters.setdefault(self._key, set())
            waiting.discard(self._entry)
            self._future = loop.create_future()
            self._entry = (loop, self._future)
            waiting.add(self._entry)

    def close(self) -> None:
        with self._hub._lock:
            waiting = self._hub._waiters.get(self._key)
            if waiting is not None:
                waiting.discard(self._entry)
                if not waiting:
                    del self._hub._waiters[self._key]


def _wake(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
