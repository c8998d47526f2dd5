"""The command line never changes what is live by accident, and keeps its history tidy.

A real `flowin` process on a real database file; the live flow is checked by the runtime that
would serve it (its webhook answers) and in the database.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from flowin_engine.data_folder import DataFolder
from flowin_engine.model import FlowStatus
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.store import Store

from .test_cli import flowin

HOOK = {
    "id": "order-hook",
    "name": "New order",
    "nodes": [
        {"id": "hook", "name": "Order arrives", "type": "webhook.receive"},
        {
            "id": "note",
            "name": "Note",
            "type": "core.set_fields",
            "params": {"fields": [{"name": "text", "value": "Order {{ trigger.body.id }}"}]},
        },
    ],
    "edges": [{"source": "hook", "target": "note"}],
}

FAILING = {
    "name": "Refuse orders",
    "nodes": [
        {"id": "start", "name": "Start", "type": "core.manual_trigger"},
        {"id": "ok", "name": "Looks fine", "type": "core.no_op"},
        {
            "id": "stop",
            "name": "Refuse",
            "type": "core.stop_with_error",
            "params": {"message": "No orders today"},
        },
    ],
    "edges": [{"source": "start", "target": "ok"}, {"source": "ok", "target": "stop"}],
}


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def live_flow(tmp_path: Path, data_dir: Path) -> Path:
    """A webhook flow imported and switched on; gives its exported file."""
    source = tmp_path / "hook.json"
    source.write_text(json.dumps(HOOK), encoding="utf-8")
    flowin("flows", "import", str(source), data_dir=data_dir, check=True)
    flowin("flows", "activate", "order-hook", data_dir=data_dir, check=True)
    exported = tmp_path / "exported.json"
    flowin("flows", "export", "order-hook", "-o", str(exported), data_dir=data_dir, check=True)
    return exported


def saved(data_dir: Path) -> tuple[FlowStatus, int, str]:
    with Store(data_dir / "flowin.db") as store:
        flow = store.flows.get("order-hook")
        version = next(f.version for f in store.flows.summaries() if f.id == "order-hook")
    return flow.status, version, json.dumps(flow.nodes[1].params)


def answers(data_dir: Path) -> int:
    """What the flow's webhook answers when the runtime that serves the database starts."""
    with DataFolder.open(data_dir) as folder:
        runtime = folder.runtime(RuntimeSettings(port=0))
        runtime.start()
        try:
            url = runtime.webhook_url("order-hook")
            if url is None:
                return 404
            return httpx.post(url, json={"id": 7}, timeout=30).status_code
        finally:
            runtime.stop(grace=5)


def test_a_test_run_of_an_exported_file_leaves_the_live_flow_on_and_unchanged(live_flow, data_dir):
    before = saved(data_dir)
    assert before[0] == FlowStatus.ACTIVE
    edited = json.loads(live_flow.read_text(encoding="utf-8"))
    edited["nodes"][1]["params"]["fields"][0]["value"] = "Changed {{ trigger.body.id }}"
    live_flow.write_text(json.dumps(edited), encoding="utf-8")

    done = flowin("run", str(live_flow), "--input", '{"body": {"id": 1}}', data_dir=data_dir)

    assert done.returncode == 0, done.stderr
    assert "switched on" in done.stdout
    assert saved(data_dir) == before
    assert answers(data_dir) == 202


def test_importing_a_file_onto_a_live_flow_keeps_it_on_and_says_so(live_flow, data_dir):
    edited = json.loads(live_flow.read_text(encoding="utf-8"))
    edited["nodes"][1]["params"]["fields"][0]["value"] = "Changed {{ trigger.body.id }}"
    live_flow.write_text(json.dumps(edited), encoding="utf-8")

    done = flowin("flows", "import", str(live_flow), data_dir=data_dir, check=True)

    assert "'New order' is switched on" in done.stdout
    assert "replaced" in done.stdout
    status, version, params = saved(data_dir)
    assert (status, version) == (FlowStatus.ACTIVE, 2)
    assert "Changed" in params
    assert answers(data_dir) == 202


def test_an_import_that_would_break_a_live_flow_keeps_the_live_one(live_flow, data_dir):
    before = saved(data_dir)
    broken = json.loads(live_flow.read_text(encoding="utf-8"))
    broken["nodes"][1]["type"] = "core.set_feilds"
    live_flow.write_text(json.dumps(broken), encoding="utf-8")

    done = flowin("flows", "import", str(live_flow), data_dir=data_dir)

    assert done.returncode == 1
    assert "'New order' is switched on" in done.stdout
    assert "Did you mean 'core.set_fields'?" in done.stdout
    assert saved(data_dir) == before
    assert answers(data_dir) == 202


def test_running_an_unchanged_file_again_makes_no_new_version(tmp_path, data_dir):
    path = tmp_path / "refuse.json"
    without_ids = {**FAILING, "nodes": FAILING["nodes"][:2], "edges": FAILING["edges"][:1]}
    path.write_text(json.dumps(without_ids), encoding="utf-8")
    for _ in range(3):
        flowin("run", str(path), "--quiet", data_dir=data_dir, check=True)
    flowin("flows", "import", str(path), data_dir=data_dir, check=True)
    with Store(data_dir / "flowin.db") as store:
        (summary,) = store.flows.summaries()
        executions = store.executions.summaries()
    assert summary.version == 1
    assert {e.flow_version for e in executions} == {1}


def test_executions_show_names_the_step_that_failed(tmp_path, data_dir):
    path = tmp_path / "refuse.json"
    path.write_text(json.dumps(FAILING), encoding="utf-8")
    run = flowin("run", str(path), "--json", data_dir=data_dir)
    assert run.returncode == 1
    execution_id = json.loads(run.stdout)["execution_id"]

    shown = flowin("executions", "show", execution_id, data_dir=data_dir, check=True)

    assert "Failed at step 'Refuse': No orders today" in shown.stdout


def test_importing_an_exported_file_keeps_the_passwords_it_left_out(tmp_path, data_dir):
    with_password = json.loads(json.dumps(HOOK))
    with_password["nodes"].append(
        {
            "id": "call",
            "name": "Tell the shop",
            "type": "http.request",
            "params": {
                "url": "https://shop.example/orders",
                "auth": "basic",
                "username": "owner",
                "password": "s3cret-pass",
            },
        }
    )
    with_password["edges"].append({"source": "note", "target": "call"})
    source = tmp_path / "hook.json"
    source.write_text(json.dumps(with_password), encoding="utf-8")
    flowin("flows", "import", str(source), data_dir=data_dir, check=True)
    flowin("flows", "activate", "order-hook", data_dir=data_dir, check=True)
    exported = tmp_path / "exported.json"
    flowin("flows", "export", "order-hook", "-o", str(exported), data_dir=data_dir, check=True)
    assert "s3cret-pass" not in exported.read_text(encoding="utf-8")

    flowin("flows", "import", str(exported), data_dir=data_dir, check=True)

    with Store(data_dir / "flowin.db") as store:
        flow = store.flows.get("order-hook")
    assert flow.status == FlowStatus.ACTIVE
    assert flow.node("call").params["password"] == "s3cret-pass"
