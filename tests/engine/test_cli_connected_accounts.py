"""Steps that use a connected account, run from the command line as a user does: the account is
connected with `flowin connections add`, then `flowin run` and `flowin executions retry` run a
flow whose step calls a Telegram-shaped server on 127.0.0.1 with that account's token."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
CHAT = 5550001
SENT = {
    "ok": True,
    "result": {
        "message_id": 53,
        "date": 1732700100,
        "chat": {"id": CHAT, "type": "private", "first_name": "Layla"},
        "text": "Your order is on its way",
    },
}


def flowin(data_dir: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    """The ``flowin`` command in a process of its own, on this data folder, secrets in a file
    there (never the keyring of the machine running the tests)."""
    env = {
        **os.environ,
        "FLOWIN_DATA_DIR": str(data_dir),
        "FLOWIN_SECRETS": "file",
        "NO_COLOR": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "flowin_engine", *args],
        capture_output=True,
        text=True,
        env=env,
        input=input,
        timeout=60,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "shop"


@pytest.fixture
def shipping_note(data_dir: Path, tmp_path: Path, httpserver: HTTPServer) -> Path:
    """A flow file whose step sends a Telegram message with a bot connected from the terminal."""
    added = flowin(
        data_dir,
        "connections",
        "add",
        "telegram",
        "--name",
        "Shop bot",
        "--set",
        f"base_url={httpserver.url_for('')}",
        "--no-test",
        input=TOKEN + "\n",
    )
    assert added.returncode == 0, added.stderr
    (connection,) = re.findall(r"Connected 'Shop bot' \((\w+)\)", added.stdout)
    path = tmp_path / "shipping-note.json"
    flow = {
        "name": "Tell the customer their order shipped",
        "nodes": [
            {"id": "start", "name": "Start", "type": "core.manual_trigger"},
            {
                "id": "tell",
                "name": "Tell the customer",
                "type": "telegram.send_message",
                "params": {
                    "connection": connection,
                    "chat_id": str(CHAT),
                    "text": "Your order is on its way",
                },
            },
        ],
        "edges": [{"source": "start", "target": "tell"}],
    }
    path.write_text(json.dumps(flow), encoding="utf-8")
    return path


def tokens_seen(httpserver: HTTPServer) -> list[str]:
    return [request.path.split("/")[-2].removeprefix("bot") for request, _ in httpserver.log]


def test_flowin_run_gives_a_step_its_connected_account(
    data_dir: Path, shipping_note: Path, httpserver: HTTPServer
):
    httpserver.expect_request(f"/bot{TOKEN}/sendMessage", method="POST").respond_with_json(SENT)

    done = flowin(data_dir, "run", str(shipping_note), "--json")

    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["outputs"]["Tell the customer"]["message_id"] == 53
    assert tokens_seen(httpserver) == [TOKEN]
    assert TOKEN not in done.stdout + done.stderr


def test_flowin_executions_retry_gives_the_failed_step_its_connected_account(
    data_dir: Path, shipping_note: Path, httpserver: HTTPServer
):
    sending = f"/bot{TOKEN}/sendMessage"
    httpserver.expect_oneshot_request(sending, method="POST").respond_with_json(
        {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"},
        status=400,
    )
    failed = flowin(data_dir, "run", str(shipping_note), "--json")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    result = json.loads(failed.stdout)
    assert "chat not found" in result["error"]

    # The customer has started the bot since: the retry reaches them.
    httpserver.expect_request(sending, method="POST").respond_with_json(SENT)
    retried = flowin(data_dir, "executions", "retry", result["execution_id"])

    assert retried.returncode == 0, retried.stdout + retried.stderr
    assert tokens_seen(httpserver) == [TOKEN, TOKEN]
