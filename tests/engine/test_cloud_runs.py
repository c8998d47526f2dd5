"""Runs asked for through the cloud's API are run by a computer where the flow is active.

A real flowin-cloud, computers with their own data folders, and the engine's real runtime.
"""

from __future__ import annotations

import json
import logging
import time

import httpx
import pytest

from flowin_engine.data_folder import DataFolder
from flowin_engine.errors import NotFound
from flowin_engine.model import FlowStatus
from flowin_engine.run_ids import short_id
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.sync import pick_up_runs
from flowin_engine.sync.runs import RunsReport
from tests.cloud_server import cloud_server  # noqa: F401 (a fixture)

from .builders import make_flow
from .cloud_computers import Computer, greeting, new_email, register


@pytest.fixture(scope="module")
def cloud(cloud_server):  # noqa: F811 (the imported fixture)
    return cloud_server


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


@pytest.fixture
def email(cloud):
    address = new_email()
    register(cloud, address)
    return address


class Machine:
    """A computer signed in to the account, with its runtime running the active flows."""

    def __init__(self, folder, cloud, email) -> None:
        self.computer = Computer(folder)
        self.computer.sign_in(cloud.url, email)
        self.runtime = DataFolder(self.computer.store).runtime(
            RuntimeSettings(port=0, sync_interval=0.1)
        )
        self.runtime.start()

    @property
    def store(self):
        return self.computer.store

    def activate(self, flow) -> None:
        flow.status = FlowStatus.ACTIVE
        self.store.flows.save(flow)
        self.runtime.sync()

    def pick_up(self):
        with self.computer.account.client() as client:
            return pick_up_runs(self.store, client, self.runtime)

    def ended(self, run_id: str):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                execution = self.store.executions.get(run_id)
            except Exception:
                execution = None
            if execution is not None and execution.status not in ("running", "waiting"):
                return execution
            time.sleep(0.02)
        raise AssertionError(f"run {run_id} did not end here")

    def close(self) -> None:
        """Flowin stopping on this computer; a test may stop it before the fixture does."""
        if self.runtime is not None:
            self.runtime.stop(grace=2)
            self.computer.close()
            self.runtime = None


@pytest.fixture
def machines(tmp_path, cloud, email):
    made = []

    def make(name: str) -> Machine:
        machine = Machine(tmp_path / name, cloud, email)
        made.append(machine)
        return machine

    yield make
    for machine in made:
        machine.close()


def api(cloud, email):
    return httpx.Client(base_url=cloud.url, headers=cloud.bearer(cloud.sign_up(email)))


def queue_run(cloud, email, flow_id, payload):
    with api(cloud, email) as client:
        answer = client.post(f"/api/run/{flow_id}", json={"input": payload})
        assert answer.status_code == 202
        return answer.json()["id"]


def cloud_run(cloud, email, run_id):
    with api(cloud, email) as client:
        return client.get(f"/api/executions/{run_id}").json()


def test_a_run_queued_through_the_api_runs_where_the_flow_is_active_and_is_reported(
    machines, cloud, email
):
    here = machines("here")
    flow = greeting()
    here.activate(flow)
    here.computer.sync()
    run_id = queue_run(cloud, email, flow.id, {"name": "Layla"})

    started = here.pick_up()

    assert started.started == [run_id]
    assert cloud_run(cloud, email, run_id)["status"] == "running"
    execution = here.ended(run_id)  # the local run has the cloud run's id
    assert execution.status == "success"
    assert execution.trigger_data == {"name": "Layla"}
    greet = next(step for step in execution.steps if step.node_id == "greet")
    assert greet.output["text"] == "Hello Layla"

    reported = here.pick_up()

    assert reported.reported == [run_id]
    told = cloud_run(cloud, email, run_id)
    assert told["status"] == "success" and told["finished_at"] is not None
    assert here.pick_up().reported == []  # told once


def test_a_failed_run_is_reported_with_its_error(machines, cloud, email):
    here = machines("here")
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            ("Stop", "core.stop_with_error", {"message": "Out of stock: {{ trigger.sku }}"}),
        ],
        ["Start -> Stop"],
        name="Check stock",
    )
    here.activate(flow)
    here.computer.sync()
    run_id = queue_run(cloud, email, flow.id, {"sku": "TEA-1"})

    here.pick_up()
    assert here.ended(run_id).status == "failed"
    here.pick_up()

    told = cloud_run(cloud, email, run_id)
    assert told["status"] == "error"
    assert "Out of stock: TEA-1" in told["error"]


def test_a_computer_where_the_flow_is_not_active_leaves_the_run_queued(machines, cloud, email):
    here = machines("here")
    flow = greeting()
    here.store.flows.save(flow)  # a draft here
    here.computer.sync()
    run_id = queue_run(cloud, email, flow.id, {"name": "Omar"})

    assert here.pick_up().started == []

    assert cloud_run(cloud, email, run_id)["status"] == "queued"
    with pytest.raises(NotFound):
        here.store.executions.get(run_id)


def test_with_two_computers_running_the_flow_each_run_runs_once(machines, cloud, email):
    first, second = machines("first"), machines("second")
    flow = greeting()
    first.activate(flow)
    first.computer.sync()
    second.computer.sync()
    second.activate(second.store.flows.get(flow.id))  # arrived as a draft; switched on there too
    run_ids = [queue_run(cloud, email, flow.id, {"name": f"guest {n}"}) for n in range(3)]

    taken_first = first.pick_up().started
    taken_second = second.pick_up().started

    assert sorted(taken_first + taken_second) == sorted(run_ids)
    assert taken_second == []  # the first computer had claimed them all
    for run_id in run_ids:
        assert first.ended(run_id).status == "success"


class StoppedHere(BaseException):
    """Stands for Flowin stopping (killed, power cut) at one point: not an Exception, so
    nothing on the way catches it, as nothing would catch the process ending."""


def stop_here(*args, **kwargs):
    raise StoppedHere


def claimed_when_flowin_stopped(machines, cloud, email, monkeypatch, name: str):
    """A run of an active flow claimed from the cloud, then Flowin stopped before accepting
    it; returns the stopped machine, the flow and the run's id."""
    before = machines("here")
    flow = greeting()
    before.activate(flow)
    before.computer.sync()
    run_id = queue_run(cloud, email, flow.id, {"name": name})
    with monkeypatch.context() as patch:
        patch.setattr(before.runtime, "submit", stop_here)
        with pytest.raises(StoppedHere):
            before.pick_up()
    return before, flow, run_id


def test_a_run_claimed_just_before_flowin_stopped_starts_when_it_is_back(
    machines, cloud, email, monkeypatch
):
    before, _, run_id = claimed_when_flowin_stopped(machines, cloud, email, monkeypatch, "Huda")
    assert cloud_run(cloud, email, run_id)["status"] == "running"  # claimed, never accepted
    before.close()

    after = machines("here")  # the same data folder, Flowin started again
    after.runtime.sync()
    assert after.pick_up().started == [run_id]
    assert after.ended(run_id).trigger_data == {"name": "Huda"}
    assert after.pick_up().reported == [run_id]
    assert cloud_run(cloud, email, run_id)["status"] == "success"
    assert after.pick_up() == RunsReport()  # nothing left to start or tell


def test_a_claimed_run_whose_flow_was_switched_off_meanwhile_is_reported_not_run(
    machines, cloud, email, monkeypatch
):
    before, flow, run_id = claimed_when_flowin_stopped(machines, cloud, email, monkeypatch, "Sami")
    before.store.flows.set_status(flow.id, FlowStatus.PAUSED)
    before.close()

    after = machines("here")
    after.runtime.sync()
    assert after.pick_up().started == []
    told = cloud_run(cloud, email, run_id)
    assert told["status"] == "error" and "no longer switched on" in told["error"]
    with pytest.raises(NotFound):
        after.store.executions.get(run_id)


def test_a_run_another_computer_claimed_is_left_to_it(machines, cloud, email):
    first, second = machines("first"), machines("second")
    flow = greeting()
    first.activate(flow)
    first.computer.sync()
    second.computer.sync()
    second.activate(second.store.flows.get(flow.id))
    run_id = queue_run(cloud, email, flow.id, {"name": "Rana"})
    assert first.pick_up().started == [run_id]

    # Running in the cloud and unknown on the second computer, which never claimed it.
    assert second.pick_up() == RunsReport()
    with pytest.raises(NotFound):
        second.store.executions.get(run_id)


def test_runs_the_cloud_ran_join_the_history_once_marked_as_cloud_runs(
    machines, cloud, email, caplog
):
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from flowin_cloud.models import Execution, ExecutionStep

    here = machines("here")
    flow = greeting()
    here.store.flows.save(flow)  # a flow that runs in the cloud: kept here, not active here
    with api(cloud, email) as client:
        owner = client.get("/auth/me").json()["id"]
    began = datetime.now(UTC) - timedelta(minutes=5)

    def ran(run_id: str, at: datetime, error: str | None) -> list:
        step = {"execution_id": run_id, "owner_id": owner, "attempt": 1}
        greet_output = None if error else {"text": "Hello Layla"}
        return [
            Execution(
                id=run_id, owner_id=owner, flow_id=flow.id, runs_in="cloud", attempts=1,
                status="error" if error else "success", input='{"name": "Layla"}', error=error,
                created_at=at, started_at=at, finished_at=at + timedelta(seconds=2),
            ),
            ExecutionStep(
                **step, node_id="start", node_name="Start", node_type="core.manual_trigger",
                status="success", input="{}", output='{"name": "Layla"}',
                started_at=at, finished_at=at + timedelta(seconds=1),
            ),
            ExecutionStep(
                **step, node_id="greet", node_name="Greet", node_type="core.set_fields",
                status="failed" if error else "success", input='{"name": "Layla"}',
                output=json.dumps(greet_output), error=error,
                started_at=at + timedelta(seconds=1), finished_at=at + timedelta(seconds=2),
            ),
        ]  # fmt: skip

    database = create_engine(f"sqlite:///{cloud.database}")
    with Session(database) as session, session.begin():
        session.add_all(ran("cloud-ok", began, None))
        session.add_all(ran("cloud-failed", began + timedelta(minutes=1), "WhatsApp refused it"))
    database.dispose()

    told = []
    here.runtime.runner.events.subscribe(told.extend)

    with caplog.at_level(logging.INFO, logger="flowin.runtime"):
        assert here.pick_up().imported == ["cloud-ok", "cloud-failed"]  # oldest first
    # flowin serve's console shows them as it shows the runs made here.
    lines = [r.getMessage() for r in caplog.records if r.name == "flowin.runtime"]
    shown = short_id("cloud-failed")
    assert f"{shown} failed     Greet a customer (in the cloud): WhatsApp refused it" in lines
    assert here.runtime.runner.events.flush()
    # The failure is told as a failure here is (the app's tray listens), under the flow's name.
    assert [(e.execution_id, e.status) for e in told] == [("cloud-failed", "failed")]
    assert here.runtime.flow_name(flow.id) == "Greet a customer"
    # And in the bell, as a failure here is.
    assert here.runtime.notifications.wait_idle()
    (rung,) = here.runtime.notifications.list()
    assert (rung.kind, rung.execution_id) == ("failure", "cloud-failed")
    assert rung.text == "«Greet a customer» failed at step 2 «Greet»: WhatsApp refused it"

    ok = here.store.executions.get("cloud-ok")
    assert (ok.mode, ok.status, ok.trigger_data) == ("cloud", "success", {"name": "Layla"})
    assert ok.started_at == began and ok.duration_ms == 2000
    greet = next(step for step in ok.steps if step.node_id == "greet")
    assert greet.output == {"text": "Hello Layla"} and greet.status == "success"
    failed = here.store.executions.get("cloud-failed")
    assert (failed.mode, failed.status) == ("cloud", "failed")
    assert (failed.failed_node, failed.error) == ("Greet", "WhatsApp refused it")
    assert [run.id for run in here.store.executions.summaries()] == ["cloud-failed", "cloud-ok"]
    assert here.pick_up().imported == []  # once
