"""The cloud relay's throughput and added latency, with the computer connected.

    PYTHONPATH=$PWD .venv/bin/python bench/relay_bench.py [--requests 200]

Starts, on 127.0.0.1: a ``flowin-cloud`` (with the relay stand-in of tests/engine/relay_cloud.py
in front of it while the cloud has no relay of its own), an account signed in on a fresh data
folder, and ``flowin serve`` on that folder with one flow: webhook → set a field (202 at once).
Then, at concurrency 1 and 16, it sends ``--requests`` POSTs to the flow's public address and as
many to its local address, and measures for each request the time from sending it to its
execution being started on the computer (the history's ``started_at``, same clock): the public
address's p50/p90/p99, the local one's, and their difference (what the relay adds). "answered/s"
is how fast the senders got their 202s (the cloud's side alone for the public address), "run/s"
the requests per second from the first send to the last execution started.

Every process it starts is stopped at the end, also on an error or Ctrl+C.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from flowin_engine.model import Edge, Flow, FlowStatus, Node  # noqa: E402
from tests.cloud_server import CloudServer, free_port  # noqa: E402
from tests.engine.cloud_computers import Computer, new_email, register  # noqa: E402
from tests.engine.relay_cloud import RelayStandIn, cloud_has_relay  # noqa: E402

ADDRESS_LINE = re.compile(r"Public address of 'Relay bench': (\S+)")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(url: str, requests: int, concurrency: int, computer: Computer) -> dict[str, float]:
    sent: dict[str, float] = {}

    def send(n: int, client: httpx.Client) -> None:
        at = time.time()
        reply = client.post(url, json={"n": n})
        reply.raise_for_status()
        body = reply.json()
        sent[body.get("event_id") or body["execution_id"]] = at

    start = time.time()
    with httpx.Client(timeout=60) as client, ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(lambda n: send(n, client), range(requests)))
    answered = time.time()
    deadline = time.monotonic() + 300
    while len(computer.store.executions.recorded(sent)) < len(sent):
        if time.monotonic() > deadline:
            raise SystemExit("the executions did not start within 5 minutes")
        time.sleep(0.05)
    started = {i: computer.store.executions.get(i).started_at.timestamp() for i in sent}
    latencies = [(started[i] - sent[i]) * 1000 for i in sent]
    return {
        "answered": len(sent) / (answered - start),
        "throughput": len(sent) / (max(started.values()) - start),
        "p50": statistics.median(latencies),
        "p90": percentile(latencies, 0.9),
        "p99": percentile(latencies, 0.99),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="relay-bench-"))
    cloud = CloudServer(folder / "cloud", {"FLOWIN_CLOUD_RELAY_LIMIT_PER_ACCOUNT": "100000/minute"})
    cloud.start()
    stand_in = None
    serve = None
    try:
        if cloud_has_relay(cloud):
            base, kind = cloud.url, "flowin-cloud's relay"
        else:
            stand_in = RelayStandIn(cloud).start()
            base, kind = stand_in.url, "the relay stand-in (the cloud has no relay yet)"
        email = new_email()
        register(cloud, email, verified=True)
        data = folder / "data"
        computer = Computer(data)
        computer.sign_in(base, email)
        flow = Flow(
            id="relay-bench",
            name="Relay bench",
            status=FlowStatus.ACTIVE,
            nodes=[
                Node(id="in", name="Webhook", type="webhook.receive", params={"path": "bench"}),
                Node(
                    id="set",
                    name="Note",
                    type="core.set_fields",
                    params={"fields": [{"name": "n", "value": "{{ trigger.body.n }}"}]},
                ),
            ],
            edges=[Edge(source="in", target="set")],
        )
        computer.store.flows.save(flow)
        port = free_port()
        output = folder / "serve.out"
        env = {**os.environ, "FLOWIN_DATA_DIR": str(data), "FLOWIN_SECRETS": "file"}
        with output.open("wb") as out:
            serve = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "flowin_engine",
                    "serve",
                    "--sync-every",
                    "0",
                    "--port",
                    str(port),
                ],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while not (found := ADDRESS_LINE.search(output.read_text(errors="replace"))):
            if time.monotonic() > deadline or serve.poll() is not None:
                raise SystemExit(f"flowin serve gave no public address:\n{output.read_text()}")
            time.sleep(0.1)
        public = found.group(1)
        local = f"http://127.0.0.1:{port}/webhook/bench"
        measure(public, 20, 4, computer)  # warm-up: connections, caches
        measure(local, 20, 4, computer)
        print(f"Relay: {kind}; {args.requests} requests per run, 202 at once, computer connected")
        print(f"{'run':<22}{'answered/s':>11}{'run/s':>8}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}")
        for concurrency in (1, 16):
            figures = {}
            for name, url in (("public", public), ("local", local)):
                figures[name] = measure(url, args.requests, concurrency, computer)
                f = figures[name]
                print(
                    f"{name + ' c=' + str(concurrency):<22}{f['answered']:>11.0f}"
                    f"{f['throughput']:>8.0f}"
                    f"{f['p50']:>9.1f}{f['p90']:>9.1f}{f['p99']:>9.1f}"
                )
            added = {k: figures["public"][k] - figures["local"][k] for k in ("p50", "p90", "p99")}
            print(
                f"{'added by relay c=' + str(concurrency):<22}{'':>19}"
                f"{added['p50']:>9.1f}{added['p90']:>9.1f}{added['p99']:>9.1f}"
            )
        computer.close()
    finally:
        if serve is not None and serve.poll() is None:
            serve.send_signal(signal.SIGTERM)
            serve.wait(30)
        if stand_in is not None:
            stand_in.stop()
        cloud.stop()


if __name__ == "__main__":
    main()
