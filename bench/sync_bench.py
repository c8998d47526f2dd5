"""Flow sync benchmark: two computers and a real flowin-cloud (SQLite, development mode) on
127.0.0.1. Prints how long each kind of sync takes for a number of flows; asserts nothing.

    .venv/bin/python bench/sync_bench.py [--flows 200] [--steps 10]

- first push: computer A sends every flow;
- first pull: computer B, signed in to the same account, gets them all;
- no change: a sync when both sides agree (what the app does every minute);
- one edit: A changes one flow and syncs, then B gets it (what follows a save).
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["FLOWIN_SECRETS"] = "file"  # throw-away data folders, not the keyring

from tests.cloud_server import CloudServer
from tests.engine.builders import make_flow
from tests.engine.cloud_computers import Computer, new_email, register

REPEATS = 5


def flow_with(steps: int, number: int):
    nodes = [("Start", "core.manual_trigger", {})]
    nodes += [
        (
            f"Step {i}",
            "core.set_fields",
            {"fields": [{"name": "text", "value": f"Hello {{{{ trigger.name }}}} #{i}"}]},
        )
        for i in range(steps)
    ]
    links = [f"{a[0]} -> {b[0]}" for a, b in itertools.pairwise(nodes)]
    return make_flow(nodes, links, name=f"Flow {number}")


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flows", type=int, default=200)
    parser.add_argument("--steps", type=int, default=10, help="steps per flow")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="flowin-sync-bench-"))
    server = CloudServer(folder / "cloud").start()
    a, b = Computer(folder / "a"), Computer(folder / "b")
    try:
        email = new_email()
        register(server, email)
        a.sign_in(server.url, email)
        b.sign_in(server.url, email)
        flows = [flow_with(args.steps, n) for n in range(args.flows)]
        for flow in flows:
            a.save(flow)
        size = len(flows[0].model_dump_json())
        figures = {
            "first push (A)": timed(a.sync),
            "first pull (B)": timed(b.sync),
        }
        assert len(b.names()) == args.flows, "B did not get every flow"
        unchanged = [timed(a.sync) for _ in range(REPEATS)]
        edits = []
        for n in range(REPEATS):
            flow = a.flow(flows[n].id)
            flow.name = f"Flow {n} (edited)"
            a.save(flow)
            edits.append(timed(a.sync) + timed(b.sync))
        print(
            f"Sync, {args.flows} flows of {args.steps + 1} nodes ({size / 1024:.1f} KB each), "
            f"real flowin-cloud on 127.0.0.1 (SQLite):"
        )
        for label, seconds in figures.items():
            print(f"  {label:<28} {seconds * 1000:8.0f} ms")
        print(f"  {'no change (median of 5)':<28} {statistics.median(unchanged) * 1000:8.0f} ms")
        print(f"  {'one edit, A then B (median)':<28} {statistics.median(edits) * 1000:8.0f} ms")
    finally:
        a.close()
        b.close()
        server.stop()


if __name__ == "__main__":
    main()
