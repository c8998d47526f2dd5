"""The installable app, measured: size on disk, start to first window, idle memory, CLI start.

Run after `make package` (or `make smoke`), from the repository with the dev environment:

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bundle_bench.py [--bundle dist/flowin]

- size: every file of the built folder (and the Linux archive, when there);
- start to first window: from starting `flowin-desktop` until it has painted its window, with
  the example flow open in Arabic (FLOWIN_SMOKE_SCREENSHOT: the picture is saved after the first
  paint; the time includes saving it). The goal is under 2 s. Each start gets a fresh copy of
  the same data folder; the files of the bundle are in the system's cache after the first start,
  so the first figure is the coldest this script can give without emptying the cache;
- idle memory: resident memory of the app left running with the example flow open and switched
  on, sampled after it has settled (goal: under 150 MB);
- `flowin --help`: the bundled command line, start to exit.

The app runs offscreen (no display needed); figures are for this machine, whatever else runs on
it, so each is the median of several runs.
"""

from __future__ import annotations

import argparse
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

from flowin_desktop.editor.page import OPEN_FLOW_SETTING  # noqa: E402
from flowin_desktop.example import welcome_flow  # noqa: E402
from flowin_engine.model import FlowStatus  # noqa: E402
from flowin_engine.registry import default_registry  # noqa: E402
from flowin_engine.store import LANGUAGE_SETTING, Store  # noqa: E402

EXE = ".exe" if sys.platform == "win32" else ""
GOAL_START_S = 2.0
GOAL_IDLE_MB = 150.0


def folder_size(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file())


def prepared_data_folder(parent: Path) -> Path:
    """A user's data folder: Arabic chosen, the example flow switched on and open."""
    folder = parent / "template"
    with Store(folder / "flowin.db") as store:
        flow = welcome_flow(default_registry())
        assert flow is not None
        store.flows.save(flow)
        store.set_setting(LANGUAGE_SETTING, "ar")
        store.set_setting(OPEN_FLOW_SETTING, flow.id)
        store.flows.set_status(flow.id, FlowStatus.ACTIVE)
    return folder


def environment(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(FLOWIN_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen", **extra)
    return env


def start_to_first_window(bundle: Path, template: Path, work: Path, runs: int) -> list[float]:
    times = []
    for number in range(runs):
        data_dir = work / f"start-{number}"
        shutil.copytree(template, data_dir)
        shot = work / f"start-{number}.png"
        report = Path(f"{shot}.json")
        started = time.perf_counter()
        app = subprocess.Popen(
            [str(bundle / f"flowin-desktop{EXE}")],
            env=environment(data_dir, FLOWIN_SMOKE_SCREENSHOT=str(shot)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while not report.exists():
            if app.poll() is not None:
                raise SystemExit(f"flowin-desktop exited with {app.returncode} before its window")
            time.sleep(0.005)
        times.append(time.perf_counter() - started)
        app.wait(timeout=60)
    return times


def idle_memory_mb(bundle: Path, template: Path, work: Path, settle_s: float) -> list[float]:
    data_dir = work / "idle"
    shutil.copytree(template, data_dir)
    app = subprocess.Popen(
        [str(bundle / f"flowin-desktop{EXE}")],
        env=environment(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        process = psutil.Process(app.pid)
        time.sleep(settle_s)  # started, window shown, the active flow's runtime running
        samples = []
        for _ in range(10):
            samples.append(process.memory_info().rss / 2**20)
            time.sleep(0.5)
        return samples
    finally:
        app.terminate()
        try:
            app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


def help_times(bundle: Path, work: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [str(bundle / f"flowin{EXE}"), "--help"],
            env=environment(work / "cli"),
            stdout=subprocess.DEVNULL,
            check=True,
        )
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "flowin")
    parser.add_argument("--starts", type=int, default=5, help="app starts to time")
    parser.add_argument("--settle", type=float, default=8.0, help="seconds before memory is read")
    args = parser.parse_args()
    bundle = args.bundle.resolve()
    if not (bundle / f"flowin-desktop{EXE}").is_file():
        raise SystemExit(f"No bundle in {bundle}: build it with `make package`.")

    with tempfile.TemporaryDirectory(prefix="flowin-bundle-bench-") as temporary:
        work = Path(temporary)
        template = prepared_data_folder(work)
        starts = start_to_first_window(bundle, template, work, args.starts)
        memory = idle_memory_mb(bundle, template, work, args.settle)
        helps = help_times(bundle, work, 10)

    size_mb = folder_size(bundle) / 2**20
    rows = [("bundle size on disk", f"{size_mb:.0f} MB ({bundle})")]
    for archive in sorted(bundle.parent.glob("flowin-*.tar.gz")):
        rows.append(("  archive", f"{archive.stat().st_size / 2**20:.0f} MB ({archive.name})"))
    median_start = statistics.median(starts)
    rows += [
        (
            "start to first window",
            f"median {median_start:.2f} s, first {starts[0]:.2f} s, fastest {min(starts):.2f} s "
            f"over {len(starts)} starts — goal < {GOAL_START_S:.0f} s: "
            f"{'met' if median_start < GOAL_START_S else 'NOT met'}",
        ),
        (
            "idle memory (RSS)",
            f"median {statistics.median(memory):.0f} MB, highest {max(memory):.0f} MB "
            f"— goal < {GOAL_IDLE_MB:.0f} MB: "
            f"{'met' if max(memory) < GOAL_IDLE_MB else 'NOT met'}",
        ),
        (
            "flowin --help",
            f"median {statistics.median(helps) * 1000:.0f} ms, fastest {min(helps) * 1000:.0f} ms",
        ),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        sys.stdout.write(f"{name:<{width}}  {value}\n")


if __name__ == "__main__":
    main()
