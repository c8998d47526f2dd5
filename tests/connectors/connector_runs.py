"""What the connectors' tests share: one step called as the runner calls it, a webhook gate
asked about a request, a flow run through the runner with retries allowed, and webhooks sent
to the engine's own listener on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from flowin_engine.credentials import Connections
from flowin_engine.data_folder import DataFolder
from flowin_engine.errors import StepError
from flowin_engine.model import Flow, FlowStatus, Node
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.steps import StepContext
from flowin_engine.store import Store
from flowin_engine.webhooks import GateContext, WebhookRequest
from tests.engine.builders import make_flow
from tests.engine.test_runtime import finished, wait_for


def run(
    node_type: str,
    params: dict,
    connections: Connections,
    execution_id: str = "run-1",
    trigger_data: Any = None,
):
    """One step, called as the runner calls it."""
    declared = default_registry().get(node_type)
    node = Node(id="step", name="Step", type=declared.type, params=params)
    ctx = StepContext(
        execution_id=execution_id,
        flow=Flow(id="flow-1", nodes=[node]),
        node=node,
        attempt=1,
        timeout=5,
        trigger_data=trigger_data,
        connections=connections,
    )
    return declared.function(declared.input_model.model_validate(params), ctx)


def failure(node_type: str, params: dict, connections: Connections) -> StepError:
    with pytest.raises(StepError) as caught:
        run(node_type, params, connections)
    return caught.value


def gate(node_type: str, request: WebhookRequest, connections: Connections, connection: str):
    declared = default_registry().get(node_type)
    model = declared.input_model.model_validate({"connection": connection})
    return declared.webhook_gate(model, request, GateContext(connections.secret))


def webhook(
    body: bytes, headers: dict[str, str] | None = None, query: dict[str, str] | None = None
) -> WebhookRequest:
    return WebhookRequest(
        "POST",
        "/webhook/pay",
        "https://hooks.example/webhook/pay",
        {"content-type": "application/json", **(headers or {})},
        query or {},
        body,
    )


def run_with_retries(connections: Connections, node_type: str, params: dict, retries: int = 3):
    """A whole flow through the runner, with the step allowed ``retries`` attempts."""
    flow = make_flow(
        [("Start", "core.manual_trigger", {}), ("Step", node_type, params)],
        ["Start -> Step"],
        settings={"Step": {"retries": retries, "timeout": 10}},
    )
    with Runner(default_registry(), connections=connections) as runner:
        return runner.run(flow, {})


@contextmanager
def listening(
    store: Store, connector: str, secret: dict[str, str], trigger: str
) -> Iterator[tuple[str, Store, str]]:
    """An active flow started by ``trigger`` (a Set step after it) behind the engine's webhook
    listener; yields the trigger's address, the store and the flow's id."""
    folder = DataFolder(store)
    connection = folder.connections.add(connector, "Shop", secret).id
    flow = make_flow(
        [
            ("Paid", trigger, {"connection": connection}),
            ("Note", "core.set_fields", {"fields": [{"name": "seen", "value": "yes"}]}),
        ],
        ["Paid -> Note"],
    )
    flow.status = FlowStatus.ACTIVE
    store.flows.save(flow)
    runtime = folder.runtime(RuntimeSettings(port=0, sync_interval=0.1))
    runtime.start()
    try:
        runtime.sync()
        yield runtime.address + runtime.webhook_path(flow.id, flow.nodes[0].id), store, flow.id
    finally:
        runtime.stop(grace=2)


def post_twice_then_count(url: str, store: Store, flow_id: str, **request: Any) -> httpx.Response:
    """Deliver the same request twice (a vendor's retry): both answered alike, one run."""
    first = httpx.post(url, **request)
    assert first.status_code == 202, first.text
    detail = finished(store, first.json()["execution_id"])
    again = httpx.post(url, **request)
    assert (again.status_code, again.json()) == (202, first.json())
    wait_for(lambda: len(store.executions.summaries(flow_id=flow_id)) == 1)
    assert [run.id for run in store.executions.summaries(flow_id=flow_id)] == [
        first.json()["execution_id"]
    ]
    assert detail.status == "success", detail
    return first
