"""The runtime with its real parts: an aiohttp listener on 127.0.0.1, APScheduler, SQLite."""

from __future__ import annotations

import hashlib
import hmac
import logging
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from flowin_engine.data_folder import DataFolder
from flowin_engine.events import ExecutionStatus
from flowin_engine.model import FlowSettings, FlowStatus
from flowin_engine.runtime import Runtime, RuntimeSettings, next_runs
from flowin_engine.store import Store

from .builders import make_flow, registry_with_testkit
from .testkit import operations as testkit

REGISTRY = registry_with_testkit()


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    testkit.calls.clear()
    testkit.feed.clear()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "flowin.db") as store:
        yield store


def start_runtime(store, **settings) -> Runtime:
    runtime = DataFolder(store, registry=REGISTRY).runtime(
        RuntimeSettings(port=0, sync_interval=0.1, **settings)
    )
    runtime.start()
    return runtime


@pytest.fixture
def runtime(store):
    runtime = start_runtime(store)
    yield runtime
    runtime.stop(grace=2)


def activate(store, flow):
    flow.status = FlowStatus.ACTIVE
    store.flows.save(flow)
    return flow


def wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("timed out waiting")


def finished(store, execution_id):
    def check():
        try:
            detail = store.executions.get(execution_id)
        except Exception:
            return None
        return detail if detail.status not in ("running", "waiting") else None

    return wait_for(check)


def hook_flow(name="Orders", **params):
    return make_flow(
        [
            ("Webhook", "webhook.receive", {"path": name.lower(), **params}),
            (
                "Message",
                "core.set_fields",
                {"fields": [{"name": "text", "value": "Hello {{ trigger.body.name }}"}]},
            ),
            (
                "Reply",
                "webhook.respond",
                {"status": 201, "headers": {"X-Flow": "yes"}, "body": {"text": "{{ input.text }}"}},
            ),
        ],
        ["Webhook -> Message", "Message -> Reply"],
        name=name,
    )


def test_webhook_answers_202_with_the_execution_id_then_runs(store, runtime):
    activate(store, hook_flow())
    runtime.sync()
    reply = httpx.post(f"{runtime.address}/webhook/orders", json={"name": "Layla"})
    assert reply.status_code == 202
    detail = finished(store, reply.json()["execution_id"])
    assert detail.status == ExecutionStatus.SUCCESS
    assert detail.mode == "webhook"
    assert [s.node_name for s in detail.steps] == ["Webhook", "Message", "Reply"]
    assert detail.steps[1].output == {"text": "Hello Layla"}


def test_webhook_can_wait_and_answer_with_the_respond_step(store, runtime):
    activate(store, hook_flow(respond="when_done"))
    runtime.sync()
    reply = httpx.post(f"{runtime.address}/webhook/orders", json={"name": "Omar"})
    assert reply.status_code == 201
    assert reply.headers["x-flow"] == "yes"
    assert reply.json() == {"text": "Hello Omar"}


def test_form_and_raw_bodies_reach_the_flow(store, runtime):
    activate(store, hook_flow(respond="when_done"))
    runtime.sync()
    reply = httpx.post(f"{runtime.address}/webhook/orders", data={"name": "Sara"})
    assert reply.json() == {"text": "Hello Sara"}


def test_unknown_address_wrong_method_and_too_large_bodies_are_refused_clearly(store):
    runtime = start_runtime(store, max_body=1024)
    try:
        activate(store, hook_flow())
        runtime.sync()
        missing = httpx.post(f"{runtime.address}/webhook/elsewhere", json={})
        assert missing.status_code == 404 and "switched on" in missing.json()["error"]
        wrong = httpx.get(f"{runtime.address}/webhook/orders")
        assert wrong.status_code == 405 and "only accepts POST" in wrong.json()["error"]
        big = httpx.post(f"{runtime.address}/webhook/orders", content=b"x" * 5000)
        assert big.status_code == 413 and "1 KiB" in big.json()["error"]
    finally:
        runtime.stop(grace=1)
    assert store.executions.summaries() == []


def test_a_signed_webhook_refuses_a_bad_signature_and_accepts_a_good_one(store, runtime):
    secret = runtime.connections.add("webhook", "Shop secret", {"secret": "s3cret"})
    activate(
        store,
        hook_flow(verify="hmac", connection=secret.id, header="X-Signature", prefix="sha256="),
    )
    runtime.sync()
    body = b'{"name": "Layla"}'
    good = "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    bad = httpx.post(
        f"{runtime.address}/webhook/orders", content=body, headers={"X-Signature": "sha256=00"}
    )
    assert bad.status_code == 401 and "signature doesn't match" in bad.json()["error"]
    ok = httpx.post(
        f"{runtime.address}/webhook/orders",
        content=body,
        headers={"X-Signature": good, "Content-Type": "application/json"},
    )
    assert ok.status_code == 202
    assert finished(store, ok.json()["execution_id"]).status == ExecutionStatus.SUCCESS
    assert len(store.executions.summaries()) == 1


def test_a_full_queue_answers_429_with_retry_after_and_drops_nothing_silently(store):
    runtime = start_runtime(store, max_queued=0)
    try:
        activate(store, hook_flow())
        runtime.sync()
        reply = httpx.post(f"{runtime.address}/webhook/orders", json={"name": "x"})
        assert reply.status_code == 429
        assert reply.headers["retry-after"] == "1"
        assert "busy" in reply.json()["error"]
    finally:
        runtime.stop(grace=1)


def test_pausing_switches_off_and_edits_are_picked_up_without_restart(store, runtime):
    flow = activate(store, hook_flow(respond="when_done"))
    wait_for(lambda: runtime.route("/webhook/orders"))
    flow.nodes[1].params = {"fields": [{"name": "text", "value": "Hi {{ trigger.body.name }}"}]}
    store.flows.save(flow)
    wait_for(
        lambda: (
            httpx.post(f"{runtime.address}/webhook/orders", json={"name": "Ali"}).json()
            == {"text": "Hi Ali"}
        )
    )
    store.flows.set_status(flow.id, FlowStatus.PAUSED)
    wait_for(lambda: runtime.route("/webhook/orders") is None)
    assert httpx.post(f"{runtime.address}/webhook/orders", json={}).status_code == 404


def test_each_flow_gets_an_unguessable_address_kept_across_restarts(store):
    flow = hook_flow()
    flow.nodes[0].params["path"] = ""
    activate(store, flow)
    first = start_runtime(store)
    url = first.webhook_url(flow.id)
    first.stop(grace=1)
    second = start_runtime(store)
    try:
        token = url.rsplit("/", 1)[1]
        assert second.webhook_url(flow.id).endswith("/webhook/" + token)
        assert len(token) >= 24
    finally:
        second.stop(grace=1)


def test_per_flow_concurrency_limit_runs_one_at_a_time(store, runtime):
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "slow"}),
            ("Nap", "testkit.pause", {"seconds": 0.3}),
        ],
        ["Webhook -> Nap"],
        name="Slow",
    )
    flow.settings = FlowSettings(max_concurrency=1)
    activate(store, flow)
    runtime.sync()
    began = time.monotonic()
    ids = [
        httpx.post(f"{runtime.address}/webhook/slow", json={}).json()["execution_id"]
        for _ in range(3)
    ]
    for execution_id in ids:
        assert finished(store, execution_id).status == ExecutionStatus.SUCCESS
    assert time.monotonic() - began >= 0.85
    starts = sorted(store.executions.get(i).started_at for i in ids)
    assert (starts[1] - starts[0]).total_seconds() >= 0.25


def test_schedule_runs_by_itself(store, runtime):
    flow = make_flow(
        [
            ("Every second", "schedule.every", {"mode": "interval", "every": 1, "unit": "seconds"}),
            ("Tick", "testkit.record", {"key": "tick"}),
        ],
        ["Every second -> Tick"],
        name="Ticker",
    )
    activate(store, flow)
    runtime.sync()
    wait_for(lambda: len(testkit.calls["tick"]) >= 2)
    runs = store.executions.summaries(flow_id=flow.id)
    assert all(r.mode == "schedule" for r in runs)
    # What the trigger documents and the cloud's scheduler gives, so a flow that uses
    # {{ trigger.scheduled_at }} runs the same here and in the cloud.
    assert {"scheduled_at", "fired_at", "missed"} <= set(testkit.calls["tick"][0])


def test_a_run_missed_while_off_happens_once_at_start(store):
    flow = make_flow(
        [
            (
                "Daily",
                "schedule.every",
                {"mode": "cron", "cron": "0 9 * * *", "missed": "run_once"},
            ),
            ("Tick", "testkit.record", {"key": "missed"}),
        ],
        ["Daily -> Tick"],
        name="Daily",
    )
    activate(store, flow)
    store.inbox.set_trigger_value(
        flow.id, flow.nodes[0].id, "last_tick", (datetime.now(UTC) - timedelta(days=3)).isoformat()
    )
    runtime = start_runtime(store)
    try:
        wait_for(lambda: testkit.calls["missed"])
        time.sleep(0.3)
        assert len(testkit.calls["missed"]) == 1
        assert testkit.calls["missed"][0]["missed"] is True
    finally:
        runtime.stop(grace=1)


def test_schedule_preview_lists_the_next_five_runs_in_the_time_zone():
    monday_9 = next_runs(
        {"mode": "cron", "cron": "0 9 * * 1"}, "Asia/Dubai", now=datetime(2026, 11, 25, tzinfo=UTC)
    )
    assert len(monday_9) == 5
    assert all(t.weekday() == 0 and t.hour == 9 for t in monday_9)
    assert str(monday_9[0].tzinfo) == "Asia/Dubai"
    assert monday_9[0].date().isoformat() == "2026-11-30"


def test_polling_starts_one_execution_per_new_item_across_restarts(store):
    flow = make_flow(
        [("New item", "testkit.new_item", {}), ("Handle", "testkit.record", {"key": "handled"})],
        ["New item -> Handle"],
        name="Poller",
    )
    activate(store, flow)
    testkit.feed.extend([{"id": 1}, {"id": 2}])
    runtime = start_runtime(store)
    try:
        wait_for(lambda: testkit.calls["polls"])
        assert runtime.poll(flow.id) == 0  # what was there before the trigger is not "new"
        testkit.feed.append({"id": 3})
        assert runtime.poll(flow.id) == 1
        assert runtime.poll(flow.id) == 0
        wait_for(lambda: testkit.calls["handled"])
    finally:
        runtime.stop(grace=1)
    testkit.feed.append({"id": 4})
    again = start_runtime(store)
    try:
        wait_for(lambda: len(testkit.calls["polls"]) >= 4)
        wait_for(lambda: len(testkit.calls["handled"]) == 2)
        assert again.poll(flow.id) == 0
    finally:
        again.stop(grace=1)
    assert [h["id"] for h in testkit.calls["handled"]] == [3, 4]


def test_a_long_delay_carries_on_after_a_restart_from_the_delay(store):
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "later"}),
            ("Before", "testkit.record", {"key": "before"}),
            ("Wait", "core.delay", {"mode": "duration", "amount": 1, "unit": "seconds"}),
            ("After", "testkit.record", {"key": "after"}),
        ],
        ["Webhook -> Before", "Before -> Wait", "Wait -> After"],
        name="Later",
    )
    activate(store, flow)
    first = start_runtime(store)
    first.runner.durable_wait = 0.2
    execution_id = httpx.post(f"{first.address}/webhook/later", json={"n": 1}).json()[
        "execution_id"
    ]
    wait_for(lambda: store.executions.parked())
    first.stop(grace=0)
    assert store.executions.get(execution_id).status == ExecutionStatus.WAITING
    assert "after" not in testkit.calls

    second = start_runtime(store)
    try:
        detail = finished(store, execution_id)
        assert detail.status == ExecutionStatus.SUCCESS
        assert len(testkit.calls["before"]) == 1  # not run again
        assert testkit.calls["after"] == [{"n": 1}] or len(testkit.calls["after"]) == 1
        assert store.executions.parked() == []
    finally:
        second.stop(grace=1)


@pytest.mark.parametrize("respond", ["immediately", "when_done"])
def test_many_webhooks_at_once_each_run_once_with_their_own_body(store, runtime, respond):
    activate(store, hook_flow(respond=respond))
    runtime.sync()

    def send(n: int) -> httpx.Response:
        return httpx.post(f"{runtime.address}/webhook/orders", json={"name": f"n{n}"}, timeout=30)

    with ThreadPoolExecutor(16) as pool:
        replies = list(pool.map(send, range(60)))

    if respond == "when_done":
        assert [r.json() for r in replies] == [{"text": f"Hello n{n}"} for n in range(60)]
    else:
        assert {r.status_code for r in replies} == {202}
        for reply in replies:
            assert finished(store, reply.json()["execution_id"]).status == ExecutionStatus.SUCCESS
    runs = wait_for(
        lambda: (
            runs
            if len(runs := store.executions.summaries(limit=100)) == 60
            and all(r.status == ExecutionStatus.SUCCESS for r in runs)
            else None
        )
    )
    bodies = sorted(store.executions.get(r.id).trigger_data["body"]["name"] for r in runs)
    assert bodies == sorted(f"n{n}" for n in range(60))
    assert all(len(store.executions.get(r.id).steps) == 3 for r in runs)


class _HeldLog(logging.Handler):
    """Holds every record of a finished run until let go: a slow disk or console."""

    def __init__(self) -> None:
        super().__init__()
        self.let_go = threading.Event()
        self.held = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if "success" in record.getMessage():
            self.held.set()
            self.let_go.wait(60)


def test_a_waiting_caller_is_answered_before_its_run_is_logged(store, runtime):
    activate(store, hook_flow(respond="when_done"))
    runtime.sync()
    handler = _HeldLog()
    runtime_log = logging.getLogger("flowin.runtime")
    runtime_log.addHandler(handler)
    level = runtime_log.level
    runtime_log.setLevel(logging.INFO)
    try:
        reply = httpx.post(f"{runtime.address}/webhook/orders", json={"name": "Omar"}, timeout=30)
        assert reply.status_code == 201
        assert reply.json() == {"text": "Hello Omar"}
        assert handler.held.wait(30)  # the run's line was written, after the answer
    finally:
        handler.let_go.set()
        runtime_log.removeHandler(handler)
        runtime_log.setLevel(level)


IDLE_RUNTIME = """
import sys
from pathlib import Path

from flowin_engine.data_folder import DataFolder
from flowin_engine.model import Edge, Flow, FlowStatus, Node
from flowin_engine.runtime import RuntimeSettings

with DataFolder.open(Path(sys.argv[1])) as folder:
    flow = Flow(
        name="By hand",
        nodes=[
            Node(id="start", name="Start", type="core.manual_trigger", params={}),
            Node(id="note", name="Note", type="core.set_fields", params={"fields": [{"name": "done", "value": "yes"}]}),
        ],
        edges=[Edge(source="start", target="note")],
    )
    folder.store.flows.save(flow)
    folder.store.flows.set_status(flow.id, FlowStatus.ACTIVE)
    runtime = folder.runtime(RuntimeSettings(port=0))
    runtime.start()
    try:
        assert runtime.active_flows() == [flow.id], runtime.problems
        print(" ".join(sorted(sys.modules)))
    finally:
        runtime.stop(grace=1)
"""


def test_a_runtime_with_only_a_hand_started_flow_on_loads_no_scheduler(tmp_path):
    """The desktop's idle memory: APScheduler loads with the first schedule, polling trigger or
    long Delay to wait for, not for a flow started by hand."""
    started = subprocess.run(
        [sys.executable, "-c", IDLE_RUNTIME, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert started.returncode == 0, started.stderr
    loaded = started.stdout.split()
    assert "flowin_engine.runtime._runtime" in loaded  # the list is the real one
    assert [name for name in loaded if name.split(".")[0] == "apscheduler"] == []


def test_a_runtime_that_does_not_keep_the_timers_leaves_schedules_to_the_one_that_does(store):
    """With `flowin serve --processes N` one process keeps the timers; the others would run each
    tick (here: a run missed while Flowin was off) once more."""
    flow = make_flow(
        [
            (
                "Daily",
                "schedule.every",
                {"mode": "cron", "cron": "0 9 * * *", "missed": "run_once"},
            ),
            ("Tick", "testkit.record", {"key": "missed"}),
        ],
        ["Daily -> Tick"],
        name="Daily",
    )
    activate(store, flow)
    long_ago = (datetime.now(UTC) - timedelta(days=3)).isoformat()
    store.inbox.set_trigger_value(flow.id, flow.nodes[0].id, "last_tick", long_ago)

    other = start_runtime(store, keeps_timers=False)
    assert other.active_flows() == [flow.id], other.problems
    other.stop(grace=1)  # writes whatever it accepted
    assert store.inbox.trigger_value(flow.id, flow.nodes[0].id, "last_tick") == long_ago
    assert store.inbox.unstarted() == []
    assert store.executions.summaries(flow_id=flow.id) == []

    keeper = start_runtime(store, keeps_timers=True)
    try:
        wait_for(lambda: testkit.calls["missed"])
    finally:
        keeper.stop(grace=1)
    assert store.inbox.trigger_value(flow.id, flow.nodes[0].id, "last_tick") != long_ago


def test_a_process_starting_takes_over_only_what_a_dead_process_accepted_or_parked(tmp_path):
    """Several Flowin processes share one database: one that starts (again) runs the events and
    parked runs of processes that died, never those of one still running."""
    db = tmp_path / "flowin.db"
    with Store(db) as store:
        flow = make_flow([("Hook", "webhook.receive", {}), ("Tick", "testkit.record", {})], [])
        store.flows.save(flow)
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_PROCESS, str(db), flow.id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "ready"
        with Store(db) as store:
            elsewhere = ["accepted-elsewhere", "accepted-on-the-hot-path"]
            assert [e.id for e in store.inbox.unstarted()] == elsewhere
            assert [p.execution_id for p in store.executions.parked()] == ["parked-elsewhere"]
            assert store.inbox.adopt_unstarted() == []  # its process runs them
            assert store.executions.adopt_parked() == []
            other.kill()
            other.wait(10)
            assert [e.id for e in store.inbox.adopt_unstarted()] == elsewhere
            assert [p.execution_id for p in store.executions.adopt_parked()] == ["parked-elsewhere"]
    finally:
        other.kill()
        other.wait(10)


OTHER_PROCESS = """
import sys
from pathlib import Path
from datetime import UTC, datetime, timedelta
from flowin_engine.events import ExecutionStarted
from flowin_engine.runtime._inbox import Inbox
from flowin_engine.store import InboxEvent, Store
from flowin_engine.store._hot import HotWriter

store = Store(Path(sys.argv[1]))
flow = store.flows.get(sys.argv[2])
now = datetime.now(UTC)
store.inbox.add([InboxEvent("accepted-elsewhere", flow.id, "webhook", {"n": 1}, now)])
# The webhook path writes its events at the driver, in groups.
hot = HotWriter(store._database, lambda items: None)
hot_inbox = Inbox(store, lambda events: None, hot)
hot_inbox.accept_now(flow.id, "webhook", {"n": 3}, "accepted-on-the-hot-path")
hot.close()
started = ExecutionStarted("parked-elsewhere", flow.id, flow.name, {"n": 2}, now, "webhook")
store.executions.begin_executions([(started, flow)])
store.executions.park("parked-elsewhere", flow.nodes[1].id, now + timedelta(hours=1), {})
print("ready", flush=True)
sys.stdin.read()
"""
