"""Nothing is lost: `flowin serve` killed with SIGKILL in the middle of a burst of webhooks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from flowin_engine.events import ExecutionStatus
from flowin_engine.model import Edge, Flow, FlowStatus, Node
from flowin_engine.store import Store

pytestmark = pytest.mark.slow

REQUESTS = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(data: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "FLOWIN_DATA_DIR": str(data), "FLOWIN_SECRETS": "file"}
    process = subprocess.Popen(
        [sys.executable, "-m", "flowin_engine", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=0.5).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("flowin serve did not start")


def test_every_accepted_webhook_runs_exactly_once_across_a_kill_9(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    flow = Flow(
        id="orders",
        name="Orders",
        status=FlowStatus.ACTIVE,
        nodes=[
            Node(id="in", name="Webhook", type="webhook.receive", params={"path": "orders"}),
            Node(
                id="wait", name="Wait", type="core.delay", params={"amount": 0.2, "unit": "seconds"}
            ),
            Node(
                id="set",
                name="Note",
                type="core.set_fields",
                params={"fields": [{"name": "n", "value": "{{ trigger.body.n }}"}]},
            ),
        ],
        edges=[Edge(source="in", target="wait"), Edge(source="wait", target="set")],
    )
    with Store(data / "flowin.db") as store:
        store.save_flow(flow)

    port = free_port()
    process = serve(data, port)
    accepted: dict[str, int] = {}
    lock = threading.Lock()

    def send(n: int) -> None:
        try:
            reply = httpx.post(f"http://127.0.0.1:{port}/webhook/orders", json={"n": n}, timeout=5)
        except httpx.HTTPError:
            return
        if 200 <= reply.status_code < 300:
            with lock:
                accepted[reply.json()["execution_id"]] = n
                if len(accepted) == REQUESTS // 2:
                    process.send_signal(signal.SIGKILL)

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(send, range(REQUESTS)))
    process.wait(10)
    assert REQUESTS // 2 <= len(accepted) < REQUESTS  # the kill landed in the middle

    process = serve(data, port)
    try:
        with Store(data / "flowin.db") as store:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                runs = {r.id: r for r in store.list_executions(limit=10_000)}
                if all(
                    i in runs and runs[i].status not in ("running", "waiting") for i in accepted
                ):
                    break
                time.sleep(0.2)
            runs = {r.id: r for r in store.list_executions(limit=10_000)}
            missing = [i for i in accepted if i not in runs]
            assert missing == []
            outcomes = {runs[i].status for i in accepted}
            assert outcomes <= {ExecutionStatus.SUCCESS, ExecutionStatus.INTERRUPTED}
            # None doubled: one execution per request at most, each for a distinct webhook body.
            assert len(runs) <= REQUESTS
            bodies = [store.get_execution(i).trigger_data["body"]["n"] for i in list(runs)[:50]]
            assert len(bodies) == len(set(bodies))
            interrupted = [i for i in accepted if runs[i].status == ExecutionStatus.INTERRUPTED]
            print(f"accepted {len(accepted)}, runs {len(runs)}, interrupted {len(interrupted)}")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(20)

    if interrupted:
        env = {**os.environ, "FLOWIN_DATA_DIR": str(data), "FLOWIN_SECRETS": "file"}
        retried = subprocess.run(
            [sys.executable, "-m", "flowin_engine", "executions", "retry", interrupted[0]],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert retried.returncode == 0, retried.stderr
