"""How long `flowin serve` takes to exit after SIGTERM while a step is stuck in a slow call.

    .venv/bin/python bench/stop_bench.py

Starts `flowin serve` on a fresh data folder with one active flow whose HTTP step calls a
local server that never answers (until the end), sends a webhook, waits until the call is
in flight, sends SIGTERM and measures until the process has exited. The grace period is
`flowin serve`'s (10 s): the exit should come within it plus about a second, and the run is
then recorded interrupted.
"""

from __future__ import annotations

import http.server
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flowin_engine.model import Edge, Flow, FlowStatus, Node
from flowin_engine.store import Store

arrived = threading.Event()
release = threading.Event()


class Stuck(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        arrived.set()
        release.wait(120)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    stuck = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stuck)
    threading.Thread(target=stuck.serve_forever, daemon=True).start()
    data = Path(tempfile.mkdtemp(prefix="flowin-stop-bench-"))
    flow = Flow(
        id="slow",
        name="Slow",
        status=FlowStatus.ACTIVE,
        nodes=[
            Node(id="in", name="Webhook", type="webhook.receive", params={"path": "slow"}),
            Node(
                id="call",
                name="Call",
                type="http.request",
                params={"method": "GET", "url": f"http://127.0.0.1:{stuck.server_port}/"},
            ),
        ],
        edges=[Edge(source="in", target="call")],
    )
    with Store(data / "flowin.db") as store:
        store.flows.save(flow)
    port = free_port()
    env = {**os.environ, "FLOWIN_DATA_DIR": str(data), "FLOWIN_SECRETS": "file"}
    process = subprocess.Popen(
        [sys.executable, "-m", "flowin_engine", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                httpx.get(f"http://127.0.0.1:{port}/health", timeout=0.5)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        run = httpx.post(f"http://127.0.0.1:{port}/webhook/slow", json={}).json()["execution_id"]
        arrived.wait(30)
        began = time.monotonic()
        process.send_signal(signal.SIGTERM)
        process.wait(120)
        took = time.monotonic() - began
    finally:
        release.set()
        if process.poll() is None:
            process.kill()
        stuck.shutdown()
    with Store(data / "flowin.db") as store:
        status = store.executions.get(run).status
    print(f"exit after SIGTERM: {took:.2f} s (grace 10 s); the stuck run: {status}")


if __name__ == "__main__":
    main()
