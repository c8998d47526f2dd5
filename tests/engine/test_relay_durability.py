"""Nothing is lost or doubled through the relay: `flowin serve`, signed in, killed with SIGKILL
while it drains a few hundred events the cloud kept for it.

A real ``flowin-cloud`` and real ``flowin serve`` processes.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from flowin_engine.events import ExecutionStatus
from flowin_engine.model import Edge, Flow, FlowStatus, Node
from tests.cloud_server import (
    DEFAULT_PASSWORD,
    cloud_server,  # noqa: F401 (a fixture)
    free_port,
)

from .cloud_computers import Computer, new_email, register
from .relay_cloud import cloud_has_relay

pytestmark = pytest.mark.slow

EVENTS = 200
ADDRESS_LINE = re.compile(r"Public address of 'Orders': (\S+)")


@pytest.fixture(scope="module")
def relay(cloud_server):  # noqa: F811 (the imported fixture)
    assert cloud_has_relay(cloud_server), "flowin-cloud answers no PUT /relay/hooks"
    return cloud_server.url


class Serve:
    """``flowin serve`` on the data folder ``data``, its output in a file."""

    def __init__(self, data: Path, name: str) -> None:
        self.output = data.parent / f"{name}.out"
        env = {**os.environ, "FLOWIN_DATA_DIR": str(data), "FLOWIN_SECRETS": "file"}
        with self.output.open("wb") as out:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "flowin_engine",
                    "serve",
                    "--sync-every",
                    "0",
                    "--port",
                    str(free_port()),
                ],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def text(self) -> str:
        return self.output.read_text(errors="replace")

    def wait_for(self, pattern: re.Pattern[str], timeout: float = 60) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = pattern.search(self.text())
            if found:
                return found
            if self.process.poll() is not None:
                raise AssertionError(f"flowin serve stopped:\n{self.text()}")
            time.sleep(0.05)
        raise AssertionError(f"flowin serve never said {pattern.pattern!r}:\n{self.text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(30)


def waiting_in_cloud(server: str, email: str) -> int:
    login = httpx.post(server + "/auth/login", json={"email": email, "password": DEFAULT_PASSWORD})
    token = login.json()["access_token"]
    status = httpx.get(server + "/relay/status", headers={"Authorization": f"Bearer {token}"})
    return int(status.json()["waiting"])


def test_every_event_accepted_at_the_public_address_runs_exactly_once_across_a_kill_9(
    tmp_path,
    relay,
    cloud_server,  # noqa: F811 (the imported fixture)
):
    email = new_email()
    register(cloud_server, email, verified=True)
    data = tmp_path / "data"
    computer = Computer(data)
    computer.sign_in(relay, email)
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
    computer.store.flows.save(flow)

    first = Serve(data, "first")
    try:
        first.wait_for(re.compile(r"through the cloud's relay"))
        address = first.wait_for(ADDRESS_LINE).group(1)
    finally:
        first.stop()

    # The computer is off: the cloud keeps every request, answering 202 with its event id.
    def send(n: int) -> str | None:
        reply = httpx.post(address, json={"n": n}, timeout=30)
        return reply.json()["event_id"] if reply.status_code == 202 else None

    with ThreadPoolExecutor(16) as pool:
        accepted = [event_id for event_id in pool.map(send, range(EVENTS)) if event_id]
    assert len(accepted) == EVENTS

    draining = Serve(data, "draining")
    try:
        deadline = time.monotonic() + 60
        while len(computer.store.executions.recorded(accepted)) < 50:
            assert time.monotonic() < deadline, draining.text()
            time.sleep(0.01)
        draining.process.send_signal(signal.SIGKILL)
        draining.process.wait(10)
    finally:
        draining.stop()
    assert len(computer.store.executions.recorded(accepted)) < EVENTS  # killed mid-drain

    last = Serve(data, "last")
    try:
        deadline = time.monotonic() + 120
        while True:
            runs = {r.id: r for r in computer.store.executions.summaries(limit=10_000)}
            done = all(i in runs and runs[i].status not in ("running", "waiting") for i in accepted)
            if done and waiting_in_cloud(relay, email) == 0:
                break
            assert time.monotonic() < deadline, last.text()
            time.sleep(0.2)
    finally:
        last.stop()
    # Exactly one execution per accepted request (the relay's event id is the run's id), none
    # doubled and none of anything else.
    assert sorted(runs) == sorted(accepted)
    assert {runs[i].status for i in accepted} <= {
        ExecutionStatus.SUCCESS,
        ExecutionStatus.INTERRUPTED,
    }
    numbers = [computer.store.executions.get(i).trigger_data["body"]["n"] for i in accepted[:100]]
    assert len(set(numbers)) == len(numbers)
    computer.close()
