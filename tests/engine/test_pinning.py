"""Pinned outputs and running one step, with real runs against a real server on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from pytest_httpserver import HTTPServer

from flowin_engine.data_folder import DataFolder
from flowin_engine.errors import FlowinError, NotFound
from flowin_engine.events import ExecutionStatus, StepStatus
from flowin_engine.model import Flow, FlowStatus
from flowin_engine.pinning import (
    NO_EARLIER_RUN,
    latest_outputs,
    pin,
    run_step,
    start_test_run,
)
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.sharing import shareable
from flowin_engine.store import Store

from .builders import make_flow


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1")
    server.start()
    server.expect_request("/order").respond_with_json({"id": 7, "total": 250})
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store(tmp_path / "flowin.db") as store:
        yield store


@pytest.fixture
def runner(store) -> Iterator[Runner]:
    with Runner(default_registry(), history=store.executions) as runner:
        yield runner


def order_flow(server: HTTPServer) -> Flow:
    return make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            ("Get order", "http.request", {"method": "GET", "url": server.url_for("/order")}),
            (
                "Note",
                "core.set_fields",
                {"fields": [{"name": "text", "value": "Order {{ input.body.id }}"}]},
            ),
        ],
        ["Start -> Get order", "Get order -> Note"],
    )


def calls(server: HTTPServer) -> int:
    return len(server.log)


def finished(store: Store, execution_id: str) -> bool:
    try:
        status = store.executions.get(execution_id).status
    except NotFound:  # the runtime writes the run down in a moment
        return False
    return status not in (ExecutionStatus.RUNNING, ExecutionStatus.WAITING)


def finish(store: Store, runner: Runner, handle):
    result = handle.wait(30)
    runner.events.flush()
    return result, store.executions.get(handle.id)


def test_a_test_run_replays_a_pinned_step_without_calling_the_service(server, store, runner):
    flow = order_flow(server)
    flow.pinned["get_order"] = pin({"status": 200, "body": {"id": 99}})
    store.flows.save(flow)

    result, detail = finish(store, runner, start_test_run(runner, flow))

    assert result.ok
    assert calls(server) == 0
    assert result.outputs["Note"] == {"text": "Order 99"}
    steps = {s.node_name: s for s in detail.steps}
    assert steps["Get order"].status == StepStatus.REUSED


def test_runs_not_started_as_test_runs_ignore_pins(server, runner):
    flow = order_flow(server)
    flow.pinned["get_order"] = pin({"status": 200, "body": {"id": 99}})

    result = runner.run(flow)

    assert calls(server) == 1
    assert result.outputs["Note"] == {"text": "Order 7"}


def test_an_active_flow_triggered_for_real_never_uses_pinned_data(server, store):
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "orders"}),
            ("Get order", "http.request", {"method": "GET", "url": server.url_for("/order")}),
        ],
        ["Webhook -> Get order"],
    )
    flow.pinned["get_order"] = pin({"status": 200, "body": {"id": 99}})
    flow.status = FlowStatus.ACTIVE
    store.flows.save(flow)
    runtime = DataFolder(store).runtime(RuntimeSettings(port=0, sync_interval=0.1))
    runtime.start()
    try:
        runtime.sync()
        reply = httpx.post(f"{runtime.address}/webhook/orders", json={})
        execution_id = reply.json()["execution_id"]
        deadline = time.monotonic() + 30
        while not finished(store, execution_id):
            assert time.monotonic() < deadline, "the run did not finish"
            time.sleep(0.02)
    finally:
        runtime.stop(grace=5)
    assert calls(server) == 1
    detail = store.executions.get(execution_id)
    assert detail.steps[-1].status == StepStatus.SUCCESS
    assert detail.steps[-1].output["body"] == {"id": 7, "total": 250}


def test_a_pinned_output_never_holds_a_secret():
    pinned = pin({"headers": {"Authorization": "Bearer sk-live-1234567890"}, "id": 3})
    assert "sk-live-1234567890" not in pinned.model_dump_json()
    assert pinned.output["id"] == 3


def test_pins_survive_saving_but_are_not_a_new_version_and_are_left_out_of_exports(server, store):
    flow = order_flow(server)
    version = store.flows.save(flow)
    flow.pinned["get_order"] = pin({"body": {"id": 99}})
    assert store.flows.save(flow) == version
    assert store.flows.get(flow.id).pinned["get_order"].output == {"body": {"id": 99}}
    shared, _ = shareable(flow)
    assert shared.pinned == {}


def test_run_one_step_uses_the_outputs_of_the_last_run_and_runs_nothing_else(server, store, runner):
    flow = order_flow(server)
    store.flows.save(flow)
    finish(store, runner, start_test_run(runner, flow))
    assert calls(server) == 1
    flow.node("note").params["fields"][0]["value"] = "Total {{ input.body.total }}"

    result, detail = finish(store, runner, run_step(store, runner, flow, "note"))

    assert result.status == ExecutionStatus.SUCCESS
    assert calls(server) == 1
    assert result.outputs["Note"] == {"text": "Total 250"}
    assert detail.mode == "step"
    statuses = {s.node_name: s.status for s in detail.steps}
    assert statuses == {
        "Start": StepStatus.REUSED,
        "Get order": StepStatus.REUSED,
        "Note": StepStatus.SUCCESS,
    }


def test_run_one_step_runs_nothing_after_it_and_its_result_feeds_the_next_step(
    server, store, runner
):
    flow = order_flow(server)
    store.flows.save(flow)
    finish(store, runner, start_test_run(runner, flow))

    result, detail = finish(store, runner, run_step(store, runner, flow, "get_order"))

    assert calls(server) == 2
    assert "Note" not in result.outputs
    assert {s.node_name: s.status for s in detail.steps}["Note"] == StepStatus.SKIPPED
    # The step skipped by a run of one step keeps its output from the full run before.
    outputs, _ = latest_outputs(store, flow.id)
    assert outputs["note"].output == {"text": "Order 7"}


def test_run_one_step_prefers_a_pinned_output_to_the_last_run(server, store, runner):
    flow = order_flow(server)
    store.flows.save(flow)
    finish(store, runner, start_test_run(runner, flow))
    flow.pinned["get_order"] = pin({"body": {"id": 42}})

    result, _ = finish(store, runner, run_step(store, runner, flow, "note"))

    assert result.outputs["Note"] == {"text": "Order 42"}


def test_run_one_step_before_any_run_says_to_run_the_flow_first(server, store, runner):
    flow = order_flow(server)
    store.flows.save(flow)
    with pytest.raises(FlowinError) as raised:
        run_step(store, runner, flow, "note")
    assert str(raised.value) == NO_EARLIER_RUN
    assert calls(server) == 0


def test_run_one_step_works_from_a_pinned_step_without_an_earlier_run(server, store, runner):
    flow = order_flow(server)
    flow.pinned["get_order"] = pin({"body": {"id": 5}})
    store.flows.save(flow)

    result, _ = finish(store, runner, run_step(store, runner, flow, "note"))

    assert result.outputs["Note"] == {"text": "Order 5"}
    assert calls(server) == 0
