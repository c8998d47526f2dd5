"""How much one run with a big payload adds to the history database.

Two runs, each in a fresh database, with the real parts:

- a 16 MiB JSON webhook body through the runtime's listener on 127.0.0.1 (inbox, then a run of
  Webhook -> Set fields);
- a 50 MB download by HTTP Request (its "Largest answer" raised to 64 MB) from a server on
  127.0.0.1, then Set fields reading its status.

Each runs 3 times; it prints the database file's growth a run (after a WAL checkpoint) and the
JSON a run keeps in the inbox, the runs' trigger data and the steps' inputs and outputs. Asserts nothing. Run it
against another checkout by pointing PYTHONPATH at it:

    PYTHONPATH=$PWD .venv/bin/python bench/history_size_bench.py
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from flowin_engine.data_folder import DataFolder
from flowin_engine.model import Edge, Flow, FlowStatus, Node
from flowin_engine.runner import Runner
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.store import Store

MiB = 1024 * 1024
WEBHOOK_BODY = 16 * MiB - 4096  # just under the listener's 16 MiB limit
DOWNLOAD = 50 * 1000 * 1000
RUNS = 3


def set_fields(node_id: str, value: str) -> Node:
    return Node(
        id=node_id,
        name="Set fields",
        type="core.set_fields",
        params={"fields": [{"name": "seen", "value": value}]},
    )


def measure(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

        def total(sql: str) -> int:
            return int(db.execute(sql).fetchone()[0] or 0)

        return {
            "file": path.stat().st_size,
            "inbox": total("SELECT sum(length(payload)) FROM inbox"),
            "trigger_data": total("SELECT sum(length(trigger_data)) FROM executions"),
            "steps": total(
                "SELECT sum(coalesce(length(input), 0) + coalesce(length(output), 0)) FROM steps"
            ),
        }


def wait_finished(path: Path, runs: int, timeout: float = 300) -> None:
    """Until the history holds ``runs`` finished runs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sqlite3.connect(path) as db:
            done = db.execute(
                "SELECT count(*) FROM executions WHERE status NOT IN ('running', 'waiting')"
            ).fetchone()[0]
        if done >= runs:
            return
        time.sleep(0.2)
    raise TimeoutError("the runs did not finish")


def webhook_run(folder: Path) -> tuple[dict[str, int], dict[str, int]]:
    flow = Flow(
        name="Big webhook",
        status=FlowStatus.ACTIVE,
        nodes=[
            Node(id="hook", name="Webhook", type="webhook.receive", params={"path": "big"}),
            set_fields("set", "{{ trigger.body.name }}"),
        ],
        edges=[Edge(source="hook", target="set")],
    )
    # About 16 MiB of JSON: many small records, like an export of orders.
    record = {"name": "Layla", "note": "x" * 200}
    count = (WEBHOOK_BODY - 100) // (len(json.dumps(record)) + 2)  # ", " between records
    body = json.dumps({"name": "Layla", "orders": [record] * count}).encode()
    path = folder / "webhook.db"
    with Store(path) as store:
        store.flows.save(flow)
        before = measure(path)
        runtime = DataFolder(store).runtime(RuntimeSettings(port=0, sync_interval=0.1))
        runtime.start()
        try:
            runtime.sync()
            for runs in range(1, RUNS + 1):
                reply = httpx.post(
                    f"{runtime.address}/webhook/big",
                    content=body,
                    headers={"Content-Type": "application/json"},
                    timeout=120,
                )
                reply.raise_for_status()
                wait_finished(path, runs)
        finally:
            runtime.stop(grace=10)
        return before, measure(path)


class _Download(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(DOWNLOAD))
        self.end_headers()
        line = b"1042,Layla,250.00,paid\n" * 1000
        sent = 0
        while sent < DOWNLOAD:
            piece = line[: DOWNLOAD - sent]
            self.wfile.write(piece)
            sent += len(piece)

    def log_message(self, *args: object) -> None:
        pass


def download_run(folder: Path) -> tuple[dict[str, int], dict[str, int]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Download)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/export.csv"
    flow = Flow(
        name="Big download",
        nodes=[
            Node(id="start", name="Start", type="core.manual_trigger"),
            Node(
                id="get",
                name="Download",
                type="http.request",
                params={"url": url, "response_format": "text", "max_response_mb": 64},
                settings={"timeout": 120},
            ),
            set_fields("set", "{{ input.status }}"),
        ],
        edges=[Edge(source="start", target="get"), Edge(source="get", target="set")],
    )
    path = folder / "download.db"
    try:
        with Store(path) as store:
            store.flows.save(flow)
            before = measure(path)
            with Runner(history=store.executions) as runner:
                for _ in range(RUNS):
                    result = runner.run(flow, {})
                    if not result.ok:
                        print(f"  (the download run failed: {result.error})")
                runner.events.flush(timeout=120)
            return before, measure(path)
    finally:
        server.shutdown()
        server.server_close()


def report(name: str, payload: int, before: dict[str, int], after: dict[str, int]) -> None:
    growth = (after["file"] - before["file"]) / RUNS
    print(f"{name} ({payload / MiB:.1f} MiB), {RUNS} runs:")
    print(f"  database file: +{growth / MiB:.2f} MiB a run ({growth / payload:.2f} x the payload)")
    held = ", ".join(
        f"{key} {after[key] / RUNS / 1024:,.0f} KiB" for key in ("inbox", "trigger_data", "steps")
    )
    print(f"  JSON kept a run: {held}")


def main() -> None:
    import flowin_engine

    print(f"flowin_engine from {Path(flowin_engine.__file__).parent}")
    with tempfile.TemporaryDirectory() as folder:
        before, after = webhook_run(Path(folder))
        report("16 MiB webhook", WEBHOOK_BODY, before, after)  # the body is just under it
        before, after = download_run(Path(folder))
        report("50 MB download", DOWNLOAD, before, after)


if __name__ == "__main__":
    main()
