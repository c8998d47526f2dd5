"""Nothing lost, nothing doubled: the history under a busy database and a pruning user.

Real SQLite files, a real second process holding the database, a real HTTP server counting
side effects.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flowin_engine.events import ExecutionStatus, StepStatus
from flowin_engine.model import FlowStatus
from flowin_engine.runner import Runner
from flowin_engine.store import DatabaseBusy, Store

from .builders import make_flow, registry_with_testkit
from .test_runtime import start_runtime

REGISTRY = registry_with_testkit()

# Longer than the store's busy timeout (5 s): a write that only waited for SQLite's own busy
# handler gives up before the other process lets go.
HOLD_SECONDS = 8

HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    connection.execute("COMMIT")
    """
)


def wait_for(condition, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


def test_a_run_that_finishes_while_another_process_holds_the_database_is_recorded_in_full(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    arrived, go = threading.Event(), threading.Event()

    def gate(request: Request) -> Response:
        arrived.set()
        go.wait(60)
        return Response('{"ok": true}', content_type="application/json")

    httpserver.expect_request("/gate").respond_with_handler(gate)
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Call", "http.request", {"url": httpserver.url_for("/gate")}),
            ("Note", "testkit.echo", {"value": {"done": True}}),
        ],
        ["Start -> Call", "Call -> Note"],
    )
    db_path = tmp_path / "flowin.db"
    with Store(db_path) as store:
        store.flows.save(flow)
        runner = Runner(REGISTRY, history=store.executions)
        try:
            handle = runner.start(flow, {"order": 1})
            assert arrived.wait(60), "the run never reached its HTTP step"
            holder = subprocess.Popen(
                [sys.executable, "-c", HOLDER, str(db_path), str(HOLD_SECONDS)],
                stdout=subprocess.PIPE,
                text=True,
            )
            try:
                assert holder.stdout is not None
                assert holder.stdout.readline().strip() == "locked"
                go.set()  # the run finishes while the other process holds the database
                assert handle.wait(60).status == ExecutionStatus.SUCCESS
                holder.wait(60)
                assert holder.returncode == 0
            finally:
                holder.kill()
                holder.wait()

            def recorded():
                detail = store.executions.get(handle.id)
                return detail if detail.status == ExecutionStatus.SUCCESS else None

            detail = wait_for(recorded)
        finally:
            runner.shutdown()
    assert [(s.node_name, s.status) for s in detail.steps] == [
        ("Start", StepStatus.SUCCESS),
        ("Call", StepStatus.SUCCESS),
        ("Note", StepStatus.SUCCESS),
    ]
    assert detail.finished_at is not None


def finished(store: Store, execution_id: str) -> bool:
    try:
        return store.executions.get(execution_id).status not in ("running", "waiting")
    except Exception:
        return False


def test_pruning_while_flowin_serves_never_makes_the_next_start_run_events_again(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/orders").respond_with_json({"ok": True})
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Tell the shop", "http.request", {"url": httpserver.url_for("/orders")}),
        ],
        ["Start -> Tell the shop"],
        name="Orders",
    )
    flow.status = FlowStatus.ACTIVE
    data = tmp_path / "data"
    data.mkdir()
    with Store(data / "flowin.db") as store:
        store.flows.save(flow)
        runtime = start_runtime(store)
        try:
            events = [runtime.submit(flow.id, "webhook", {"order": n}) for n in range(3)]
            wait_for(lambda: all(finished(store, e.id) for e in events))
            # `flowin executions prune` from another process, while the runtime still serves.
            pruned = subprocess.run(
                [sys.executable, "-m", "flowin_engine", "executions", "prune", "--older-than", "0"],
                env={**os.environ, "FLOWIN_DATA_DIR": str(data)},
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert pruned.returncode == 0, pruned.stderr
            assert "Removed 3" in pruned.stdout
        finally:
            runtime.stop(grace=10)
        assert len(httpserver.log) == 3

        runtime = start_runtime(store)
        try:
            marker = runtime.submit(flow.id, "webhook", {"order": "after the restart"})
            wait_for(lambda: finished(store, marker.id))
            # Events left from before the stop are handed on before anything new is accepted:
            # had the pruned ones come back, their runs would be recorded by now.
            assert [run.id for run in store.executions.summaries()] == [marker.id]
        finally:
            runtime.stop(grace=10)
    assert len(httpserver.log) == 4


def test_a_change_that_cannot_wait_any_longer_for_a_busy_database_says_so(tmp_path: Path) -> None:
    db_path = tmp_path / "flowin.db"
    flow = make_flow([("Start", "testkit.start", {})], name="Orders")
    with Store(db_path) as store:
        store.write_patience = 1.0  # the default is two minutes
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(db_path), "600"], stdout=subprocess.PIPE, text=True
        )
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "locked"
            with pytest.raises(DatabaseBusy) as caught:
                store.flows.save(flow)
        finally:
            holder.kill()
            holder.wait()
        assert "busy" in str(caught.value) and "try again" in str(caught.value)
        assert store.flows.save(flow) == 1  # once the other program lets go, it saves


def test_writes_reach_the_database_file_itself_while_the_store_stays_open(tmp_path):
    """Checkpoints happen beside the writers, not inside the commit that a caller waits for:
    a write that is committed reaches the main file (not only the write-ahead log) soon,
    without another write having to come along and pay for it — also a write that comes after
    a quiet spell, when the checkpoints have slowed down."""
    path = tmp_path / "flowin.db"
    copy = tmp_path / "main-file-only.db"

    def in_main_file(name: str) -> bool:
        copy.write_bytes(path.read_bytes())  # without the -wal file beside it
        try:
            with sqlite3.connect(copy) as reading:
                names = reading.execute("SELECT name FROM flows").fetchall()
        except sqlite3.DatabaseError:  # no table yet, or copied halfway through a checkpoint
            return False
        return (name,) in names

    with Store(path) as store:
        for name in ("Kept", "Kept after a quiet spell"):
            flow = make_flow([("Start", "core.manual_trigger", {})], [], name=name)
            store.flows.save(flow)
            deadline = time.monotonic() + 30
            while not in_main_file(name):
                assert time.monotonic() < deadline, "the write stayed in the write-ahead log"
                time.sleep(0.05)
    with Store(path) as reopened:
        assert reopened.flows.get(flow.id).name == "Kept after a quiet spell"
