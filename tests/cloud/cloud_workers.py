"""Real Celery workers (``flowin-cloud worker`` processes) on a real Redis, for cloud-run tests.

Redis comes from FLOWIN_TEST_REDIS_URL (``.ci/run`` starts one). Without it the tests that need
it are skipped, except under CI, where a missing Redis fails them. Each test module gets a key
prefix of its own in Redis, so modules (and engineers' runs) sharing a server never take each
other's runs. ``HoldServer`` is a web address that keeps a request waiting until the test lets
it go: a step that is observably in the middle of running.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REDIS_URL_VARIABLE = "FLOWIN_TEST_REDIS_URL"
ENABLE_REDIS = (
    f"Cloud-run case not run: set {REDIS_URL_VARIABLE}=redis://127.0.0.1:6379/0 (Debian's "
    "redis-server; .ci/run starts one) to run the Celery workers' tests."
)
MASTER_KEY = "mzQ1uUF6jS0CwEMeLJ4qOvVbBC2mFhgkRZ8lPzYw0xA"
WAIT = 90.0  # the longest any wait here takes on a busy machine before the test fails


def redis_url() -> str:
    url = os.environ.get(REDIS_URL_VARIABLE)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set, so the cloud's workers must be tested. {ENABLE_REDIS}")
        pytest.skip(ENABLE_REDIS)
    return url


def wait_until(condition: Callable[[], object], what: str, timeout: float = WAIT) -> object:
    """Polls ``condition`` until it gives something true; fails saying ``what`` did not happen."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"Waited {timeout:.0f} s for {what}; it did not happen.")
        time.sleep(0.05)


def worker_env(database_url: str, broker_url: str, folder: Path, **settings: object) -> dict:
    """The settings a worker and the test's own cloud share (FLOWIN_CLOUD_*)."""
    values = {
        "database_url": database_url,
        "broker_url": broker_url,
        "broker_key_prefix": f"flowin-test-{uuid.uuid4().hex[:8]}:",
        "master_key": MASTER_KEY,
        "data_dir": str(folder),
        # The tests' stand-ins of services listen on 127.0.0.1, which a cloud worker refuses
        # to call unless told otherwise.
        "runner_allow_private_addresses": "true",
        **{key: str(value) for key, value in settings.items()},
    }
    return {f"FLOWIN_CLOUD_{key.upper()}": str(value) for key, value in values.items()}


class CloudWorkers:
    """``flowin-cloud worker`` processes, each in a process group of its own (kill -9 of a
    worker kills its children too, as when its machine goes away)."""

    def __init__(self, env: dict[str, str], folder: Path) -> None:
        self.env = {**os.environ, **env}
        self.folder = folder
        self.processes: dict[str, subprocess.Popen] = {}

    def start(self, name: str, concurrency: int = 1) -> None:
        log = (self.folder / f"{name}.log").open("w")
        self.processes[name] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "flowin_cloud",
                "worker",
                f"--concurrency={concurrency}",
                f"--name={name}@test",
            ],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(errors="replace")

    def wait_ready(self, *names: str) -> None:
        for name in names:
            wait_until(
                lambda name=name: (
                    " ready." in self.log(name) or self.processes[name].poll() is not None
                ),
                f"worker {name} to start",
            )
            assert self.processes[name].poll() is None, self.log(name)

    def kill(self, name: str) -> None:
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.kill(name)


class HoldServer:
    """``GET|POST /hold/<key>`` waits until ``release(key)``, then answers ``{"key": key}``.
    It counts the requests of each key and the most that waited at once."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.waiting: Counter[str] = Counter()
        self.most_waiting: Counter[str] = Counter()
        self.methods: dict[str, list[str]] = defaultdict(list)
        self.gates: dict[str, threading.Event] = defaultdict(threading.Event)
        self.lock = threading.Lock()
        holder = self

        class Handler(BaseHTTPRequestHandler):
            def _hold(self) -> None:
                key = self.path.rsplit("/", 1)[-1].split("?")[0]
                length = int(self.headers.get("content-length") or 0)
                if length:
                    self.rfile.read(length)
                with holder.lock:
                    holder.hits[key] += 1
                    holder.methods[key].append(self.command)
                    holder.waiting[key] += 1
                    holder.most_waiting[key] = max(holder.most_waiting[key], holder.waiting[key])
                    gate = holder.gates[key]
                gate.wait(WAIT)
                with holder.lock:
                    holder.waiting[key] -= 1
                body = json.dumps({"key": key}).encode()
                try:
                    self.send_response(200)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the worker that asked was killed meanwhile

            do_GET = do_POST = _hold

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, key: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hold/{key}"

    def release(self, key: str) -> None:
        self.gates[key].set()

    def count(self, key: str) -> int:
        with self.lock:
            return self.hits[key]

    @contextmanager
    def running(self) -> Iterator[HoldServer]:
        self.thread.start()
        try:
            yield self
        finally:
            for gate in list(self.gates.values()):
                gate.set()
            self.server.shutdown()
            self.server.server_close()
