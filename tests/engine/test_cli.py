"""The `flowin` command end to end, as a user runs it: a real process, a real database file."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flowin_engine.run_ids import short_id

GREETING = {
    "name": "Greet a customer",
    "nodes": [
        {"id": "start", "name": "Start", "type": "core.manual_trigger"},
        {
            "id": "greet",
            "name": "Greeting",
            "type": "core.set_fields",
            "params": {"fields": [{"name": "text", "value": "Hello {{ trigger.customer_name }}"}]},
        },
        {
            "id": "big",
            "name": "Big order?",
            "type": "core.condition",
            "params": {
                "conditions": [
                    {"left": "{{ trigger.total }}", "operator": "greater_than", "right": 100}
                ]
            },
        },
        {
            "id": "vip",
            "name": "VIP note",
            "type": "core.set_fields",
            "params": {
                "fields": [{"name": "text", "value": "{{ steps['Greeting'].output.text }}, VIP!"}]
            },
        },
    ],
    "edges": [
        {"source": "start", "target": "greet"},
        {"source": "greet", "target": "big"},
        {"source": "big", "source_port": "true", "target": "vip"},
    ],
}


def flowin(*args: str, data_dir: Path, check: bool | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "FLOWIN_DATA_DIR": str(data_dir), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "flowin_engine", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    if check is True:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def flow_file(tmp_path: Path) -> Path:
    path = tmp_path / "greet.json"
    path.write_text(json.dumps(GREETING), encoding="utf-8")
    return path


def test_run_prints_each_step_and_a_summary(flow_file, tmp_path):
    done = flowin(
        "run",
        str(flow_file),
        "--input",
        '{"customer_name": "Layla", "total": 250}',
        data_dir=tmp_path / "d",
        check=True,
    )
    assert "✓ Start" in done.stdout
    assert "✓ Greeting" in done.stdout
    assert "✓ VIP note" in done.stdout
    assert "✔ Succeeded" in done.stdout


def test_run_json_gives_the_outputs(flow_file, tmp_path):
    done = flowin(
        "run",
        str(flow_file),
        "--json",
        "--input",
        '{"customer_name": "Layla", "total": 50}',
        data_dir=tmp_path / "d",
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["status"] == "success"
    assert result["outputs"]["Greeting"] == {"text": "Hello Layla"}
    assert "VIP note" not in result["outputs"]


def test_failed_run_exits_1_with_one_sentence_and_is_kept_in_history(flow_file, tmp_path):
    data = tmp_path / "d"
    done = flowin("run", str(flow_file), "--input", '{"total": 5}', data_dir=data)
    assert done.returncode == 1
    assert "Missing variable {{trigger.customer_name}} in 'Greeting' → Fields" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    listing = flowin("executions", "list", "--status", "failed", data_dir=data, check=True)
    assert "Greet a customer" in listing.stdout and "failed" in listing.stdout


def test_retry_reuses_what_succeeded_and_runs_from_the_failed_step(tmp_path):
    data = tmp_path / "d"
    flow = {
        "name": "Retry me",
        "nodes": [
            {"id": "start", "name": "Start", "type": "core.manual_trigger"},
            {
                "id": "a",
                "name": "A",
                "type": "core.set_fields",
                "params": {"fields": [{"name": "v", "value": "{{ trigger.v }}"}]},
            },
            {
                "id": "b",
                "name": "B",
                "type": "core.stop_with_error",
                "params": {"message": "Broken on purpose"},
            },
        ],
        "edges": [{"source": "start", "target": "a"}, {"source": "a", "target": "b"}],
    }
    path = tmp_path / "retry.json"
    path.write_text(json.dumps(flow))
    first = flowin("run", str(path), "--input", '{"v": 7}', data_dir=data)
    assert first.returncode == 1 and "Broken on purpose" in first.stderr
    listing = flowin("executions", "list", data_dir=data, check=True).stdout.splitlines()
    execution_id = listing[1].split()[0]
    retried = flowin("executions", "retry", execution_id, data_dir=data)
    assert retried.returncode == 1
    assert "≡ Start" in retried.stdout and "≡ A" in retried.stdout
    assert "✗ B" in retried.stdout
    shown = flowin("executions", "show", execution_id, "--json", data_dir=data, check=True)
    assert json.loads(shown.stdout)["status"] == "failed"


def test_validate_explains_problems(tmp_path):
    broken = dict(GREETING, edges=[*GREETING["edges"], {"source": "vip", "target": "ghost"}])
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken))
    done = flowin("validate", str(path), data_dir=tmp_path / "d")
    assert done.returncode == 1
    assert "leads to a step that doesn't exist ('ghost')" in done.stdout


def test_malformed_file_is_one_clear_sentence(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    done = flowin("run", str(path), data_dir=tmp_path / "d")
    assert done.returncode == 2
    assert done.stderr.strip().startswith("This is not a flow file")
    assert "Traceback" not in done.stderr


def test_import_list_export_and_run_by_name(flow_file, tmp_path):
    data = tmp_path / "d"
    assert (
        "Imported 'Greet a customer'"
        in flowin("flows", "import", str(flow_file), data_dir=data, check=True).stdout
    )
    assert "Greet a customer" in flowin("flows", "list", data_dir=data, check=True).stdout
    out = tmp_path / "copy.json"
    flowin("flows", "export", "Greet a customer", "-o", str(out), data_dir=data, check=True)
    assert json.loads(out.read_text())["nodes"][1]["name"] == "Greeting"
    ran = flowin(
        "run",
        "Greet a customer",
        "--quiet",
        "--input",
        '{"customer_name": "Omar", "total": 1}',
        data_dir=data,
        check=True,
    )
    assert "✔ Succeeded" in ran.stdout


def test_unknown_flow_name_is_a_sentence(tmp_path):
    done = flowin("run", "No such flow", data_dir=tmp_path / "d")
    assert done.returncode == 2
    assert "no flow" in done.stderr.lower()


def test_a_run_made_in_the_cloud_is_marked_so_in_the_run_list_and_its_details(
    tmp_path, monkeypatch
):
    from datetime import UTC, datetime

    from flowin_engine.cloud_run import note_cloud_run
    from flowin_engine.events import ExecutionFinished, ExecutionStatus
    from flowin_engine.model import Flow
    from flowin_engine.store import Store

    data = tmp_path / "d"
    path = tmp_path / "greet.json"
    path.write_text(json.dumps(GREETING))
    flowin(
        "run",
        str(path),
        "--input",
        '{"customer_name": "Layla", "total": 5}',
        data_dir=data,
        check=True,
    )
    monkeypatch.setenv("FLOWIN_DATA_DIR", str(data))
    with Store() as store:  # as the sync copies a run the cloud made (flowin_engine.sync.runs)
        flow = Flow.model_validate({**GREETING, "id": "greet-cloud"})
        store.flows.save(flow)
        store.executions.begin_execution("c10d0000-run", flow, {}, "cloud")
        store.executions.record(
            [
                ExecutionFinished(
                    "c10d0000-run",
                    flow.id,
                    ExecutionStatus.FAILED,
                    datetime.now(UTC),
                    0.1,
                    error="Telegram: the bot token is wrong — reconnect the bot.",
                )
            ]
        )
        note_cloud_run(store, flow.id, True)
    flows = flowin("flows", "list", data_dir=data, check=True).stdout.splitlines()
    [cloud_flow] = [line for line in flows if line.startswith("greet-cloud ")]
    assert cloud_flow.split()[1:5] == ["Greet", "a", "customer", "cloud"]
    [here_flow] = [line for line in flows[1:] if line.startswith("file-")]  # a long id
    assert here_flow.split()[1:5] == ["Greet", "a", "customer", "draft"]
    listing = flowin("executions", "list", data_dir=data, check=True).stdout.splitlines()
    assert "WHERE" in listing[0]
    [cloud] = [line for line in listing if line.startswith(short_id("c10d0000-run"))]
    [here] = [line for line in listing[1:] if not line.startswith(short_id("c10d0000-run"))]
    assert cloud.rstrip().endswith("cloud") and not here.rstrip().endswith("cloud")
    shown = flowin("executions", "show", "c10d0000-run", data_dir=data, check=True).stdout
    assert "Ran in your Flowin cloud account" in shown
    assert "the bot token is wrong" in shown
    assert "run 'flowin flows cloud-run \"Greet a customer\" on' again" in shown
