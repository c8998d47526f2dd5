"""Stopping: no more events, running steps get the grace period, the rest is parked to resume."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from flowin_engine.data_folder import DataFolder
from flowin_engine.events import ExecutionStatus, StepStatus
from flowin_engine.model import FlowSettings, FlowStatus
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.store import Store

from .builders import make_flow, registry_with_testkit
from .test_runtime import wait_for
from .test_runtime_single import EXIT_WAIT, Serve, free_port

pytestmark = pytest.mark.slow

REGISTRY = registry_with_testkit()


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


class Service:
    """A real HTTP service whose answers the test holds back until it lets them go."""

    def __init__(self) -> None:
        self.server = HTTPServer(host="127.0.0.1", threaded=True)
        self.arrived = {"quick": threading.Event(), "slow": threading.Event()}
        self.release = {"quick": threading.Event(), "slow": threading.Event()}
        for name in ("quick", "slow"):
            self.server.expect_request(f"/{name}").respond_with_handler(self._handler(name))
        self.server.start()

    def _handler(self, name: str):
        def handle(request):
            self.arrived[name].set()
            self.release[name].wait(EXIT_WAIT * 2)
            return Response('{"ok": true}', content_type="application/json")

        return handle

    def url(self, name: str) -> str:
        return self.server.url_for(f"/{name}")

    def close(self) -> None:
        for event in self.release.values():
            event.set()
        self.server.clear()
        if self.server.is_running():
            self.server.stop()


@pytest.fixture
def service():
    service = Service()
    yield service
    service.close()


def calling(name: str, url: str):
    """Webhook → call ``url`` → a last step; its path is ``name``."""
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": name}),
            ("Call", "http.request", {"method": "GET", "url": url}),
            ("After", "core.set_fields", {"fields": [{"name": "done", "value": "yes"}]}),
        ],
        ["Webhook -> Call", "Call -> After"],
        name=name.title(),
    )
    flow.id = name
    flow.status = FlowStatus.ACTIVE
    return flow


def steps(store: Store, execution_id: str) -> dict[str, StepStatus]:
    return {s.node_name: s.status for s in store.executions.get(execution_id).steps}


def test_flowin_serve_stopped_with_sigterm_finishes_what_it_can_and_parks_the_rest(
    tmp_path, service
):
    data = tmp_path / "data"
    data.mkdir()
    with Store(data / "flowin.db") as store:
        store.flows.save(calling("quick", service.url("quick")))
        slow_flow = calling("slow", service.url("slow"))
        slow_flow.settings = FlowSettings(max_concurrency=1)
        store.flows.save(slow_flow)
    port = free_port()
    env = {**os.environ, "FLOWIN_DATA_DIR": str(data), "FLOWIN_SECRETS": "file"}
    serve = Serve(data, port, "serve")
    try:
        serve.wait_healthy()
        hook = f"http://127.0.0.1:{port}/webhook"
        quick = httpx.post(f"{hook}/quick", json={}).json()["execution_id"]
        slow = httpx.post(f"{hook}/slow", json={}).json()["execution_id"]
        assert service.arrived["quick"].wait(EXIT_WAIT)
        assert service.arrived["slow"].wait(EXIT_WAIT)
        # One run of this flow at a time: this one is accepted and waits for the first.
        waiting = httpx.post(f"{hook}/slow", json={"n": 3}).json()["execution_id"]

        serve.process.send_signal(signal.SIGTERM)
        service.release["quick"].set()  # its step ends within the grace period
        assert serve.exit_code() == 0  # without waiting for the slow step
    finally:
        serve.stop()

    with Store(data / "flowin.db") as store:
        assert store.executions.get(quick).status == ExecutionStatus.SUCCESS
        assert steps(store, quick)["After"] == StepStatus.SUCCESS
        stopped = store.executions.get(slow)
        assert stopped.status == ExecutionStatus.INTERRUPTED
        assert stopped.error == "Flowin stopped while this run was in progress."
        assert steps(store, slow) == {"Webhook": StepStatus.SUCCESS, "Call": StepStatus.FAILED}
        assert [r.id for r in store.executions.summaries(limit=100)].count(waiting) == 0

    service.release["slow"].set()
    retried = subprocess.run(
        [sys.executable, "-m", "flowin_engine", "executions", "retry", slow],
        env=env,
        capture_output=True,
        text=True,
        timeout=EXIT_WAIT,
    )
    assert retried.returncode == 0, retried.stderr
    again = Serve(data, port, "again")
    try:
        again.wait_healthy()
        with Store(data / "flowin.db") as store:
            wait_for(lambda: steps_if_done(store, waiting))
            assert store.executions.get(waiting).status == ExecutionStatus.SUCCESS
            runs = store.executions.summaries(limit=100)
            retry = next(r for r in runs if r.retry_of == slow)
            assert retry.status == ExecutionStatus.SUCCESS
            reused = steps(store, retry.id)
            assert reused["Webhook"] == StepStatus.REUSED
            assert reused["After"] == StepStatus.SUCCESS
            assert len(runs) == 4  # nothing ran twice
    finally:
        again.stop()


def steps_if_done(store: Store, execution_id: str) -> bool:
    try:
        return store.executions.get(execution_id).status not in ("running", "waiting")
    except Exception:
        return False


def test_a_runtime_stopped_in_process_records_runs_still_going_as_interrupted(tmp_path):
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "nap"}),
            ("Nap", "testkit.pause", {"seconds": 60}),
            ("After", "testkit.record", {"key": "after"}),
        ],
        ["Webhook -> Nap", "Nap -> After"],
        name="Nap",
    )
    flow.status = FlowStatus.ACTIVE
    with Store(tmp_path / "flowin.db") as store:
        store.flows.save(flow)
        runtime = DataFolder(store, registry=REGISTRY).runtime(
            RuntimeSettings(port=0, sync_interval=0.1)
        )
        runtime.start()
        try:
            execution_id = httpx.post(f"{runtime.address}/webhook/nap", json={}).json()[
                "execution_id"
            ]
            wait_for(lambda: "Nap" in steps_if_begun(store, execution_id))
        finally:
            runtime.stop(grace=0.5)
        detail = store.executions.get(execution_id)
        assert detail.status == ExecutionStatus.INTERRUPTED  # not cancelled
        assert steps(store, execution_id) == {
            "Webhook": StepStatus.SUCCESS,
            "Nap": StepStatus.FAILED,
        }


def steps_if_begun(store: Store, execution_id: str) -> dict[str, StepStatus]:
    try:
        return steps(store, execution_id)
    except Exception:
        return {}
