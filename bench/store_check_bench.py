"""What checking the database at start costs: PRAGMA quick_check on a realistic history.

A busy shop: 300 runs a day kept for 30 days (the default retention), five steps each with
a kilobyte or two of data per step. Run:

    PYTHONPATH=. python bench/store_check_bench.py [runs]
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flowin_engine.events import (
    ExecutionFinished,
    ExecutionStarted,
    ExecutionStatus,
    StepFinished,
    StepStarted,
    StepStatus,
)
from flowin_engine.model import Edge, Flow, Node
from flowin_engine.store import Store


def build(path: Path, runs: int) -> None:
    nodes = [Node(id=f"n{i}", type="core.noop", name=f"Step {i}") for i in range(5)]
    edges = [Edge(source=f"n{i}", target=f"n{i + 1}") for i in range(4)]
    flow = Flow(name="Orders", nodes=nodes, edges=edges)
    order = {"customer": "Mona Hassan", "lines": [{"sku": f"SKU-{i}", "qty": i} for i in range(20)]}
    start = datetime.now(UTC) - timedelta(days=30)
    with Store(path) as store:
        store.flows.save(flow)
        for batch in range(0, runs, 500):
            events = []
            for n in range(batch, min(batch + 500, runs)):
                run_id = f"run-{n:08d}"
                at = start + timedelta(seconds=n * 8)
                events.append(ExecutionStarted(run_id, flow.id, flow.name, order, at, "webhook"))
                for node in nodes:
                    events.append(
                        StepStarted(run_id, node.id, node.name, node.type, 1, None, order, at)
                    )
                    events.append(
                        StepFinished(
                            run_id,
                            node.id,
                            node.name,
                            node.type,
                            1,
                            None,
                            StepStatus.SUCCESS,
                            order,
                            order,
                            "main",
                            None,
                            at,
                            at,
                            0.01,
                        )
                    )
                events.append(ExecutionFinished(run_id, flow.id, ExecutionStatus.SUCCESS, at, 0.05))
            store.executions.record(events)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "flowin.db"
        build(path, runs)
        size = path.stat().st_size / 2**20
        timings = []
        for _ in range(5):
            began = time.perf_counter()
            with sqlite3.connect(path) as connection:
                result = connection.execute("PRAGMA quick_check").fetchall()
            timings.append(time.perf_counter() - began)
            assert result == [("ok",)], result
        opens = []
        for _ in range(5):
            began = time.perf_counter()
            Store(path).close()
            opens.append(time.perf_counter() - began)
        print(f"{runs} runs, {size:.1f} MB")
        print(f"quick_check: median {sorted(timings)[2] * 1000:.0f} ms")
        print(f"Store() open, check included: median {sorted(opens)[2] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
