"""Engine benchmarks: per-step overhead, throughput of a 10-step flow, memory over 10 000 runs.

Run with `make bench`. Prints figures; asserts nothing (speed is measured here, not in tests).
"""

from __future__ import annotations

import gc
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from flowin_engine.model import Edge, Flow, Node
from flowin_engine.runner import ExecutionHistory, Runner
from flowin_engine.store import Store


def chain(length: int, node_type: str, params: dict) -> Flow:
    nodes = [Node(id="start", name="Start", type="core.manual_trigger")]
    nodes += [
        Node(id=f"s{i}", name=f"Step {i}", type=node_type, params=params) for i in range(length)
    ]
    edges = [Edge(source=a.id, target=b.id) for a, b in itertools.pairwise(nodes)]
    return Flow(name=f"{length} x {node_type}", nodes=nodes, edges=edges)


def transform_flow() -> Flow:
    params = {
        "fields": [
            {
                "name": "greeting",
                "value": "Hello {{ trigger.name }}, order #{{ trigger.order_id }}",
            },
            {"name": "total", "value": "{{ trigger.total * 1.05 }}"},
        ],
        "keep_input": True,
    }
    return chain(10, "core.set_fields", params)


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def per_step_overhead() -> float:
    steps = 100
    flow = chain(steps, "core.no_op", {})
    with Runner(workers=1) as runner:
        runner.run(flow, {"warm": True})
        samples = []
        for _ in range(7):
            began = time.perf_counter()
            for _ in range(20):
                runner.run(flow, {"n": 1}, validate=False)
            samples.append((time.perf_counter() - began) / (20 * (steps + 1)))
    return statistics.median(samples) * 1e6


def throughput(history: ExecutionHistory | None, executions: int = 2000) -> float:
    flow = transform_flow()
    data = {"name": "Layla", "order_id": 1042, "total": 250}
    with Runner(workers=8, history=history) as runner:
        runner.run(flow, data)
        began = time.perf_counter()
        handles = [runner.start(flow, data) for _ in range(executions)]
        for handle in handles:
            assert handle.wait(120).ok
        runner.events.flush(120)
        took = time.perf_counter() - began
    return executions / took


def memory(total: int = 10_000) -> list[tuple[int, float]]:
    flow = transform_flow()
    data = {"name": "Layla", "order_id": 1042, "total": 250}
    readings = []
    with Runner(workers=8) as runner:
        done = 0
        while done < total:
            handles = [runner.start(flow, data) for _ in range(500)]
            for handle in handles:
                handle.wait(120)
            done += 500
            if done % 2000 == 0:
                gc.collect()
                readings.append((done, rss_mib()))
    return readings


def main() -> None:
    print(f"Flowin engine benchmark — Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    overhead = per_step_overhead()
    print(f"  engine overhead per no-op step:            {overhead:8.1f} µs   (goal ≤ 50 µs)")
    print(
        f"  10-step transform flow, 8 workers:         {throughput(None):8.0f} executions/s (no history)"
    )
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.db")
        print(
            f"  10-step transform flow, 8 workers:         {throughput(store.executions, 1000):8.0f} executions/s (with SQLite history)"
        )
        store.close()
    readings = memory()
    print("  memory (RSS) while running 10 000 executions of the 10-step flow:")
    for done, mib in readings:
        print(f"      after {done:>6} executions: {mib:7.1f} MiB")
    growth = readings[-1][1] - readings[0][1]
    print(f"  growth from 2 000 to 10 000 executions:    {growth:8.1f} MiB   (goal: none)")


if __name__ == "__main__":
    main()
