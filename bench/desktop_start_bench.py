"""The desktop app started from source: wall-clock to its first painted window, and its memory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/desktop_start_bench.py [TREE ...]

Each TREE is a source tree of Flowin (default: this one); with several (say a copy of main and
a work tree) their starts alternate, so a change of load on the machine falls on both. Each
start gets a fresh copy of the same data folder (Arabic, the example flow switched on and open)
and runs in smoke mode (FLOWIN_SMOKE_SCREENSHOT: it quits after its first paint). Prints the
best and the median of the starts, the resident memory (psutil) last seen before the app quit,
and the load average before and after. Asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bundle_bench import prepared_data_folder  # noqa: E402


def one_start(tree: Path, template: Path, work: Path, number: int) -> tuple[float, float]:
    """Seconds to the first painted window, and resident MB when the app was last seen."""
    data_dir = work / f"start-{number}"
    shutil.copytree(template, data_dir)
    shot = work / f"start-{number}.png"
    report = Path(f"{shot}.json")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(
        PYTHONPATH=str(tree),
        FLOWIN_DATA_DIR=str(data_dir),
        QT_QPA_PLATFORM="offscreen",
        FLOWIN_SMOKE_SCREENSHOT=str(shot),
    )
    started = time.perf_counter()
    app = subprocess.Popen(
        [sys.executable, "-m", "flowin_desktop"],
        env=env,
        cwd=tree,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    process = psutil.Process(app.pid)
    resident = 0.0
    while not report.exists():
        if app.poll() is not None:
            raise SystemExit(
                f"{tree}: flowin_desktop exited with {app.returncode} before its window"
            )
        with contextlib.suppress(psutil.NoSuchProcess):  # it quits right after the picture
            resident = process.memory_info().rss / 2**20
        time.sleep(0.005)
    elapsed = time.perf_counter() - started
    app.wait(timeout=60)
    return elapsed, resident


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="*", type=Path, default=[ROOT])
    parser.add_argument("--starts", type=int, default=5, help="starts of each tree")
    args = parser.parse_args()
    trees = [tree.resolve() for tree in args.trees]
    load_before = os.getloadavg()
    results: dict[Path, list[tuple[float, float]]] = {tree: [] for tree in trees}
    with tempfile.TemporaryDirectory(prefix="flowin-start-bench-") as temporary:
        work = Path(temporary)
        template = prepared_data_folder(work)
        number = 0
        for _ in range(args.starts):
            for tree in trees:
                results[tree].append(one_start(tree, template, work, number))
                number += 1
    load_after = os.getloadavg()
    for tree, starts in results.items():
        times = [elapsed for elapsed, _ in starts]
        memory = [resident for _, resident in starts]
        sys.stdout.write(
            f"{tree}: first window best {min(times):.2f} s, median {statistics.median(times):.2f} s;"
            f" RSS at first paint median {statistics.median(memory):.0f} MB\n"
        )
    sys.stdout.write(
        f"load average (1 min) {load_before[0]:.1f} before, {load_after[0]:.1f} after\n"
    )


if __name__ == "__main__":
    main()
