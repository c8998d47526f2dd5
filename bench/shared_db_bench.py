"""Several processes writing accepted events: one shared SQLite file, or a file (shard) each.

The question behind `flowin serve --processes N`'s choice of one shared database: how long does
a process wait for SQLite's write lock while another commits, and what does that cost in
events per second? Each process writes inbox-like rows (the benchmark's webhook body, the
columns of the inbox) in groups, as Flowin's writer does: ``BEGIN IMMEDIATE``, the group's
INSERTs, ``COMMIT``, in WAL mode with ``synchronous=NORMAL`` and the store's busy timeout.
Each process paces itself to ``--rate`` events per second (a webhook server's load, not a
write loop flat out), and reports the time spent waiting in ``BEGIN IMMEDIATE``.

    .venv/bin/python bench/shared_db_bench.py [--processes 2] [--seconds 5] [--rate 1500]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

BODY = json.dumps({"name": "Layla", "order_id": 1042})
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS inbox (id TEXT PRIMARY KEY, flow_id TEXT, source TEXT,"
    " payload TEXT, status TEXT, received_at TEXT, owner TEXT)"
)
INSERT = "INSERT INTO inbox VALUES (?, ?, ?, ?, ?, ?, ?)"


def writer(path: str, seconds: float, rate: float, group: int, out) -> None:
    db = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(SCHEMA)
    waits: list[float] = []
    commits: list[float] = []
    written = 0
    start = time.perf_counter()
    end = start + seconds
    owner = f"{os.getpid()}"
    while time.perf_counter() < end:
        due = start + written / rate  # paced: a group is written when its events have arrived
        pause = due - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        asked = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        got = time.perf_counter()
        now = time.strftime("%Y-%m-%d %H:%M:%S")
        db.executemany(
            INSERT,
            [
                (uuid.uuid4().hex, "hello-async", "webhook", BODY, "pending", now, owner)
                for _ in range(group)
            ],
        )
        db.execute("COMMIT")
        done = time.perf_counter()
        waits.append(got - asked)
        commits.append(done - got)
        written += group
    out.put((written, time.perf_counter() - start, waits, commits))
    db.close()


def run(shared: bool, processes: int, seconds: float, rate: float, group: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="flowin-shared-db-"))
    paths = [str(folder / ("flowin.db" if shared else f"inbox-{n}.db")) for n in range(processes)]
    for path in set(paths):  # WAL and the table before the clock starts
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute(SCHEMA)
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    workers = [
        context.Process(target=writer, args=(path, seconds, rate, group, out)) for path in paths
    ]
    for worker in workers:
        worker.start()
    results = [out.get(timeout=seconds + 60) for _ in workers]
    for worker in workers:
        worker.join()
    shutil.rmtree(folder, ignore_errors=True)
    waits = sorted(w for _, _, ws, _ in results for w in ws)
    commits = sorted(c for _, _, _, cs in results for c in cs)
    cuts = statistics.quantiles(waits, n=1000, method="inclusive")
    return {
        "events/s": sum(n / took for n, took, _, _ in results),
        "wait mean ms": statistics.fmean(waits) * 1e3,
        "wait p99 ms": cuts[989] * 1e3,
        "wait p99.9 ms": cuts[998] * 1e3,
        "commit mean ms": statistics.fmean(commits) * 1e3,
        "waited": sum(w > 0.0005 for w in waits) / len(waits),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rate", type=float, default=1500.0, help="events/s per process")
    parser.add_argument("--groups", default="1,8", help="events per transaction")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(
        f"{args.processes} processes, {args.rate:g} events/s each, {args.seconds:g} s, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(
        "| layout | events per commit | round | events/s | BEGIN wait mean ms | p99 ms "
        "| p99.9 ms | commits that waited > 0.5 ms | commit mean ms |"
    )
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for number in range(1, args.rounds + 1):
        for group in (int(g) for g in args.groups.split(",")):
            layouts = [True, False] if number % 2 else [False, True]
            for shared in layouts:
                r = run(shared, args.processes, args.seconds, args.rate, group)
                name = "one shared file" if shared else "a file per process"
                print(
                    f"| {name} | {group} | {number} | {r['events/s']:.0f} "
                    f"| {r['wait mean ms']:.3f} | {r['wait p99 ms']:.2f} "
                    f"| {r['wait p99.9 ms']:.2f} | {r['waited']:.1%} "
                    f"| {r['commit mean ms']:.3f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
