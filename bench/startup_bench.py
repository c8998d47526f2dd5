"""How long the `flowin` command takes to start: `flowin --help`, `flowin validate` of a small
file, `flowin flows list` on an empty database and `flowin run` of a two-step flow; and what
every start pays for: loading every connector (the registry) and importing the flow builder
(the desktop does at start). Best of five, each in a new process.

Run with `make bench`. Prints figures; asserts nothing. The goal for `flowin --help` is 300 ms.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
FLOW = {
    "name": "Hello",
    "nodes": [
        {"id": "start", "name": "Start", "type": "core.manual_trigger"},
        {"id": "wait", "name": "Wait", "type": "core.delay", "params": {"amount": 1}},
    ],
    "edges": [{"source": "start", "target": "wait"}],
}
QUICK_FLOW = {
    "name": "Quick",
    "nodes": [
        {"id": "start", "name": "Start", "type": "core.manual_trigger"},
        {
            "id": "greet",
            "name": "Greet",
            "type": "core.set_fields",
            "params": {"fields": [{"name": "hello", "value": "Layla"}]},
        },
    ],
    "edges": [{"source": "start", "target": "greet"}],
}
LOAD_REGISTRY = "from flowin_engine.registry import default_registry; default_registry()"
IMPORT_BUILDER = "import flowin_engine.builder"


def best_of(args: list[str], env: dict[str, str]) -> float:
    """The shortest of RUNS runs of ``python ARGS``."""
    best = float("inf")
    for _ in range(RUNS):
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, *args],
            env=env,
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        best = min(best, time.perf_counter() - began)
    return best


def _python_alone() -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - began


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "FLOWIN_DATA_DIR": folder, "FLOWIN_SECRETS": "file"}
        flow_file = Path(folder) / "hello.json"
        flow_file.write_text(json.dumps(FLOW), encoding="utf-8")
        quick_file = Path(folder) / "quick.json"
        quick_file.write_text(json.dumps(QUICK_FLOW), encoding="utf-8")
        python = min(_python_alone() for _ in range(RUNS))
        print(f"Flowin start-up benchmark — Python {sys.version.split()[0]}, best of {RUNS}")
        print(f"  python -c pass (for scale):        {python * 1000:7.0f} ms")
        flowin = ["-m", "flowin_engine"]
        for label, args in (
            ("flowin --help", [*flowin, "--help"]),
            ("flowin validate hello.json", [*flowin, "validate", str(flow_file)]),
            ("flowin flows list (empty)", [*flowin, "flows", "list"]),
            ("flowin run quick.json", [*flowin, "run", str(quick_file)]),
            ("load every connector (registry)", ["-c", LOAD_REGISTRY]),
            ("import the flow builder", ["-c", IMPORT_BUILDER]),
        ):
            print(f"  {label:<34} {best_of(args, env) * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
