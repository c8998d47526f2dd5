"""Nothing is lost: `flowin serve` killed with SIGKILL in the middle of a burst of webhooks."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psutil
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from flowin_engine.events import ExecutionStatus, StepStatus
from flowin_engine.model import Edge, Flow, FlowStatus, Node
from flowin_engine.store import Store

pytestmark = pytest.mark.slow

REQUESTS = 300
INLINE_REQUESTS = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(data: Path, port: int, processes: int = 1) -> subprocess.Popen:
    """`flowin serve`, once it answers (with ``processes`` > 1: once every process does)."""
    env = {**os.environ, "FLOWIN_DATA_DIR": str(data), "FLOWIN_SECRETS": "file"}
    command = [sys.executable, "-m", "flowin_engine", "serve", "--port", str(port)]
    if processes > 1:
        command += ["--processes", str(processes)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    # "Flowin is running" is printed once every process listens: waiting for it, not for the
    # port, is what tells that the second process answers too.
    started = threading.Event()

    def read_output() -> None:
        for line in process.stdout:  # to the end, so that the pipe never fills up
            if line.startswith("Flowin is running"):
                started.set()

    reader = threading.Thread(target=read_output, daemon=True)
    reader.start()
    deadline = time.monotonic() + 100
    while not started.wait(0.2):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"flowin serve did not start ({process.returncode})")
    assert httpx.get(f"http://127.0.0.1:{port}/health", timeout=10).status_code == 200
    return process


def workers_of(process: subprocess.Popen) -> list[psutil.Process]:
    """The worker processes a `flowin serve --processes N` runs."""
    return psutil.Process(process.pid).children()


def alive(process: psutil.Process) -> bool:
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def timer_keepers(process: subprocess.Popen) -> list[psutil.Process]:
    """Its workers that run schedules and polling: one, or every tick would run N times."""
    return [w for w in workers_of(process) if "--keeps-timers" in w.cmdline()]


# Two processes: five Flowin processes start in turn, which a busy machine makes slow.
@pytest.mark.parametrize("processes", [1, pytest.param(2, marks=pytest.mark.timeout(300))])
def test_every_accepted_webhook_runs_exactly_once_across_a_kill_9(
    tmp_path, httpserver: HTTPServer, processes: int
):
    """Each 2xx'd request runs once: never lost, never twice, whichever process is killed.

    With two processes: a burst kills the worker that keeps the timers (its supervisor starts
    another), a second burst kills the supervisor (its workers go with it). The flow posts its
    number to a local server, so a run that happened twice would show as two posts (the
    history alone would not tell: both would write into the same run)."""
    hits: list[int] = []
    hits_lock = threading.Lock()

    def record(request):
        with hits_lock:
            hits.append(request.get_json()["n"])
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/hit", method="POST").respond_with_handler(record)
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
            post_to(httpserver, "Hit", "/hit", {"n": "{{ trigger.body.n }}"}),
        ],
        edges=[Edge(source="in", target="wait"), Edge(source="wait", target="hit")],
    )
    with Store(data / "flowin.db") as store:
        store.flows.save(flow)

    port = free_port()
    process = serve(data, port, processes)
    accepted: dict[str, int] = {}
    lock = threading.Lock()

    def burst(numbers: range, kill: Callable[[], None]) -> int:
        """Send ``numbers`` 16 at a time; kill when half of them are accepted. Returns how many
        were accepted."""
        taken: list[int] = []

        def send(n: int) -> None:
            try:
                reply = httpx.post(
                    f"http://127.0.0.1:{port}/webhook/orders", json={"n": n}, timeout=5
                )
            except httpx.HTTPError:
                return
            if 200 <= reply.status_code < 300:
                with lock:
                    accepted[reply.json()["execution_id"]] = n
                    taken.append(n)
                    if len(taken) == len(numbers) // 2:
                        kill()

        with ThreadPoolExecutor(16) as pool:
            list(pool.map(send, numbers))
        return len(taken)

    if processes > 1:
        workers = workers_of(process)
        assert len(workers) == processes
        [keeper] = timer_keepers(process)
        first = burst(range(REQUESTS // 2), lambda: keeper.send_signal(signal.SIGKILL))
        assert first >= REQUESTS // 4  # the other worker answered throughout
        # The supervisor starts another in its place, which keeps the timers now.
        replaced = wait_until(
            lambda: len(workers_of(process)) == processes and timer_keepers(process)
        )
        assert len(replaced) == 1 and replaced[0].pid != keeper.pid
        workers = workers_of(process)
        second = burst(range(REQUESTS // 2, REQUESTS), lambda: process.send_signal(signal.SIGKILL))
        assert REQUESTS // 4 <= second < REQUESTS // 2  # the kill landed in the middle
        process.wait(10)
        wait_until(lambda: not any(map(alive, workers)))  # the workers go with their supervisor
    else:
        taken = burst(range(REQUESTS), lambda: process.send_signal(signal.SIGKILL))
        process.wait(10)
        assert REQUESTS // 2 <= taken < REQUESTS  # the kill landed in the middle
    process = serve(data, port, processes)
    try:
        with Store(data / "flowin.db") as store:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                runs = {r.id: r for r in store.executions.summaries(limit=10_000)}
                if all(
                    i in runs and runs[i].status not in ("running", "waiting") for i in accepted
                ):
                    break
                time.sleep(0.2)
            runs = {r.id: r for r in store.executions.summaries(limit=10_000)}
            missing = [i for i in accepted if i not in runs]
            assert missing == []
            outcomes = {runs[i].status for i in accepted}
            assert outcomes <= {ExecutionStatus.SUCCESS, ExecutionStatus.INTERRUPTED}
            assert len(runs) <= REQUESTS
            interrupted = [i for i in accepted if runs[i].status == ExecutionStatus.INTERRUPTED]
            print(f"accepted {len(accepted)}, runs {len(runs)}, interrupted {len(interrupted)}")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)

    with hits_lock:
        posted = Counter(hits)
    assert [n for n, times in posted.items() if times > 1] == []  # none ran twice
    for execution_id, n in accepted.items():
        if runs[execution_id].status == ExecutionStatus.SUCCESS:
            assert posted[n] == 1, n

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


def test_webhooks_run_inline_each_run_once_with_all_their_steps_across_a_kill_9(tmp_path):
    """A flow of steps that run inline: its runs are done on the listener's loop and written
    whole after the 202; killed anywhere, each accepted event has one run with every step."""
    data = tmp_path / "data"
    data.mkdir()
    flow = Flow(
        id="quick",
        name="Quick",
        status=FlowStatus.ACTIVE,
        nodes=[
            Node(id="in", name="Webhook", type="webhook.receive", params={"path": "quick"}),
            Node(
                id="set",
                name="Note",
                type="core.set_fields",
                params={"fields": [{"name": "n", "value": "{{ trigger.body.n }}"}]},
            ),
        ],
        edges=[Edge(source="in", target="set")],
    )
    with Store(data / "flowin.db") as store:
        store.flows.save(flow)

    port = free_port()
    process = serve(data, port)
    accepted: dict[str, int] = {}
    lock = threading.Lock()

    def send(n: int) -> None:
        try:
            reply = httpx.post(f"http://127.0.0.1:{port}/webhook/quick", json={"n": n}, timeout=5)
        except httpx.HTTPError:
            return
        if 200 <= reply.status_code < 300:
            with lock:
                accepted[reply.json()["execution_id"]] = n
                if len(accepted) == INLINE_REQUESTS // 2:
                    process.send_signal(signal.SIGKILL)

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(send, range(INLINE_REQUESTS)))
    process.wait(10)
    assert INLINE_REQUESTS // 2 <= len(accepted) < INLINE_REQUESTS

    process = serve(data, port)
    try:
        with Store(data / "flowin.db") as store:
            runs = wait_until(
                lambda: (
                    runs
                    if all(
                        i in (runs := {r.id: r for r in store.executions.summaries(limit=10_000)})
                        for i in accepted
                    )
                    else None
                )
            )
            assert {runs[i].status for i in accepted} == {ExecutionStatus.SUCCESS}
            assert len(runs) <= INLINE_REQUESTS
            assert store.inbox.unstarted() == []
        with sqlite3.connect(data / "flowin.db") as db:
            bodies = dict(
                db.execute("SELECT id, json_extract(trigger_data, '$.body.n') FROM executions")
            )
        with Store(data / "flowin.db") as history:
            steps = {
                i: ",".join(step.node_name for step in history.executions.get(i).steps)
                for i in bodies
            }
        assert all(bodies[i] == n for i, n in accepted.items())
        assert len(set(bodies.values())) == len(bodies)  # none doubled
        assert {steps.get(i) for i in bodies} == {"Webhook,Note"}  # every run with its steps
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(20)


def post_to(server: HTTPServer, name: str, path: str, body: dict) -> Node:
    return Node(
        id=name.lower(),
        name=name,
        type="http.request",
        params={"method": "POST", "url": server.url_for(path), "body_type": "json", "body": body},
    )


def wait_until(condition, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("gave up waiting")


def assert_clean_history(detail) -> None:
    """One row per step and loop iteration, none left running, durations that match the clock.

    Within a second: a step's timer and its timestamps are read at slightly different moments,
    which a busy machine can stretch, while a wait recorded wrongly is off by whole seconds."""
    keys = [(step.node_id, step.iteration) for step in detail.steps]
    assert len(keys) == len(set(keys)), keys
    for step in detail.steps:
        assert step.status == StepStatus.SUCCESS, (step.node_name, step.iteration, step.status)
        wall = (step.finished_at - step.started_at).total_seconds() * 1000
        assert step.duration_ms >= 0
        assert abs(step.duration_ms - wall) < 1000, (step.node_name, step.duration_ms, wall)


def test_a_delay_inside_a_loop_carries_on_in_its_iteration_after_a_kill_9(
    tmp_path, httpserver: HTTPServer
):
    for path in ("/before", "/after", "/done"):
        httpserver.expect_request(path, method="POST").respond_with_json({"ok": True})
    data = tmp_path / "data"
    data.mkdir()
    item = {"n": "{{ loop.item.n }}"}
    flow = Flow(
        id="each",
        name="Each order",
        status=FlowStatus.ACTIVE,
        nodes=[
            Node(id="in", name="Webhook", type="webhook.receive", params={"path": "each"}),
            Node(
                id="loop",
                name="Each",
                type="core.loop",
                params={"items": "{{ trigger.body.items }}"},
            ),
            post_to(httpserver, "Before", "/before", item),
            # Long enough to be written down (more than 5 s) for the second item only.
            Node(
                id="wait",
                name="Wait",
                type="core.delay",
                params={"amount": "{{ loop.item.wait }}", "unit": "seconds"},
            ),
            post_to(httpserver, "After", "/after", item),
            post_to(httpserver, "Done", "/done", {"count": "{{ input.count }}"}),
        ],
        edges=[
            Edge(source="in", target="loop"),
            Edge(source="loop", source_port="item", target="before"),
            Edge(source="before", target="wait"),
            Edge(source="wait", target="after"),
            Edge(source="loop", source_port="done", target="done"),
        ],
    )
    with Store(data / "flowin.db") as store:
        store.flows.save(flow)

    items = [{"n": 1, "wait": 0}, {"n": 2, "wait": 8}, {"n": 3, "wait": 0}]
    port = free_port()
    process = serve(data, port)
    try:
        reply = httpx.post(f"http://127.0.0.1:{port}/webhook/each", json={"items": items})
        execution_id = reply.json()["execution_id"]
        with Store(data / "flowin.db") as store:
            wait_until(store.executions.parked)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    finally:
        process.kill()

    def sent(path: str) -> list[int]:
        return [r.get_json()["n"] for r, _ in httpserver.log if r.path == path]

    assert sent("/before") == [1, 2]
    assert sent("/after") == [1]

    process = serve(data, port)
    try:
        with Store(data / "flowin.db") as store:
            detail = wait_until(
                lambda: (
                    (run := store.executions.get(execution_id)).status not in ("running", "waiting")
                    and run
                )
            )
            assert detail.status == ExecutionStatus.SUCCESS, detail.error
            assert store.executions.parked() == []
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(20)

    assert sent("/before") == [1, 2, 3]
    assert sent("/after") == [1, 2, 3]
    assert [r.get_json() for r, _ in httpserver.log if r.path == "/done"] == [{"count": 3}]
    assert_clean_history(detail)
    waited = next(s for s in detail.steps if s.node_id == "wait" and s.iteration == 1)
    assert waited.duration_ms >= 8000  # the whole wait, across the restart
    before = next(s for s in detail.steps if s.node_id == "before" and s.iteration == 1)
    assert waited.output == before.output  # passed on what Before answered, after the restart
