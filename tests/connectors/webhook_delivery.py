"""One vendor delivery sent twice to the engine's own listener on 127.0.0.1, counted in the
history: the shop connectors' tests share it (a trigger's ``delivery_id`` at work, end to end)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx

from flowin_engine.data_folder import DataFolder
from flowin_engine.model import FlowStatus
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.store import Store
from tests.engine.builders import make_flow
from tests.engine.test_runtime import finished, wait_for

# (body) -> the headers the vendor sends with it, signed
Signer = Callable[[bytes], dict[str, str]]


def runs_for_deliveries(
    tmp_path: Path,
    trigger: str,
    account: tuple[str, dict[str, str]],
    deliveries: list[tuple[bytes, Signer]],
    query: str = "",
) -> tuple[list[httpx.Response], set[str]]:
    """POST each delivery (in order) to a live flow started by ``trigger``; the answers, and
    the ids of the runs the history holds once every accepted one has finished."""
    with Store(tmp_path / "deliveries.db") as store:
        folder = DataFolder(store)
        connector, secret = account
        connection = folder.connections.add(connector, "Store", secret).id
        flow = make_flow(
            [
                ("Event", trigger, {"connection": connection}),
                (
                    "Then",
                    "core.set_fields",
                    {"fields": [{"name": "id", "value": "{{ trigger.id }}"}]},
                ),
            ],
            ["Event -> Then"],
        )
        flow.status = FlowStatus.ACTIVE
        store.flows.save(flow)
        runtime = folder.runtime(RuntimeSettings(port=0, sync_interval=0.1))
        runtime.start()
        answers = []
        try:
            runtime.sync()
            url = runtime.address + runtime.webhook_path(flow.id, flow.nodes[0].id) + query
            for body, sign in deliveries:
                answer = httpx.post(url, content=body, headers=sign(body))
                answers.append(answer)
                if answer.status_code == 202:
                    finished(store, answer.json()["execution_id"])
        finally:
            runtime.stop(grace=2)
        accepted = {a.json()["execution_id"] for a in answers if a.status_code == 202}
        wait_for(lambda: len(store.executions.summaries(flow_id=flow.id)) >= len(accepted))
        runs = {run.id for run in store.executions.summaries(flow_id=flow.id)}
    return answers, runs
