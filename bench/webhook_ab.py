"""Flowin's webhook path, one source tree against another, in alternating rounds.

Run by hand (not by the test suite): each tree runs its own `flowin serve` on its own data
folder with the flows of bench/webhook_vs_nodered.py (respond-with-output and 202-then-run),
and wrk loads each in turn, round after round, so that both see the same busy machine.

    .venv/bin/python bench/webhook_ab.py --tree before=/path/to/old/checkout --tree after=.
        [--rounds 3] [--duration 5] [--warmup 1] [--concurrency 1,16] [--processes 2]
        [--body-kb 10 [--with-tokens]]

For every load it reports req/s, p50 / p99 / p99.9, the server's CPU time per request (user +
system from /proc, counted from the load's start until the 202 mode's backlog has run, so the
runs after the answer count too; with ``--processes N``, of the supervisor and its workers) and
the largest resident memory of its processes after the load. Linux only.
``--body-kb`` posts an order of about that size (its lines added to the bench's small body)
instead: real webhooks (a shop's order, a payment) often carry a few kilobytes.
``--with-tokens`` adds the tokens a Shopify order carries ("token", "cart_token", …), which
the history masks.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import webhook_vs_nodered as base  # noqa: E402  (the flows, wrk and the backlog reading)

MODES = {"respond": "hello", "202": "hello-async"}


@dataclass
class Server:
    name: str
    tree: Path
    data_dir: Path
    port: int
    proc: object = None


@dataclass
class Sample:
    rate: float
    p50: float
    p99: float
    p999: float
    cpu_ms: float
    rss: float
    errors: int


@dataclass
class Cell:
    samples: list[Sample] = field(default_factory=list)


def prepare(server: Server, folder: Path) -> None:
    os.environ["PYTHONPATH"] = str(server.tree)
    flows_dir = folder / server.name
    flows_dir.mkdir()
    real_repo = base.REPO
    base.REPO = server.tree
    try:
        server.data_dir = base.prepare_flowin(flows_dir)
    finally:
        base.REPO = real_repo


def start(server: Server, folder: Path, procs: base.Processes, processes: int) -> None:
    os.environ["PYTHONPATH"] = str(server.tree)
    args = [sys.executable, "-m", "flowin_engine", "serve", "--host", base.HOST]
    args += ["--port", str(server.port), "--processes", str(processes)]
    log = folder / f"{server.name}.log"
    env = base.flowin_env(server.data_dir)
    server.proc = procs.start(args, log, env=env, cwd=server.tree)
    url = f"http://{base.HOST}:{server.port}/webhook/hello"
    answer = base.wait_until_answering(url, server.proc, log, 90)
    if answer != base.EXPECTED:
        raise RuntimeError(f"{server.name} answered {answer!r}")


def measure(server: Server, mode: str, concurrency: int, args, folder: Path) -> Sample:
    flow_id = MODES[mode]
    url = f"http://{base.HOST}:{server.port}/webhook/{flow_id}"
    db = server.data_dir / "flowin.db"
    if args.warmup:
        base.wrk_load(url, concurrency, args.warmup, folder)
    base.wait_for_backlog(db, "hello-async", datetime.now(UTC), base.DRAIN_LIMIT)
    cpu_before = base.cpu_seconds(server.proc)
    load = base.wrk_load(url, concurrency, args.duration, folder)
    if mode == "202":
        base.wait_for_backlog(db, flow_id, datetime.now(UTC), base.DRAIN_LIMIT)
    cpu = base.cpu_seconds(server.proc) - cpu_before
    done = max(1, load.requests)
    return Sample(
        load.rate,
        load.p50_ms,
        load.p99_ms,
        load.p999_ms,
        cpu / done * 1e3,
        max(base.rss_mb(server.proc), default=float("nan")),
        load.errors,
    )


def order_of_size(size: int) -> dict:
    """The bench's body (the flows read its name and order number) with order lines until its
    JSON is about ``size`` bytes."""
    line = {"sku": "SKU-0000", "title": "Cotton shirt, blue, size M", "qty": 2, "price": 12.5}
    count = max(0, size - len(json.dumps(base.BODY))) // len(json.dumps(line))
    lines = [{**line, "sku": f"SKU-{number:04d}"} for number in range(count)]
    return {**base.BODY, "lines": lines}


# What a Shopify order carries besides its lines: secret-looking keys the history masks.
SHOP_TOKENS = {
    "token": "b1946ac92492d2347c6235b4d2611184",
    "cart_token": "c1-7f0e3a9d2b5c4e8f",
    "checkout_token": "a5d2c8e1f4b7093e6d2c",
}


def use_body(body: dict) -> None:
    """Post ``body`` (wrk's script and the first request) instead of the small one."""
    base.LUA = base.LUA.replace(json.dumps(base.BODY), json.dumps(body))
    base.BODY = body


def steps_of_failed_runs_only() -> None:
    """Serve the flows with "keep step details only for failed runs" (n8n's setting to save
    only failed executions): a run that succeeds is written without its steps."""
    plain = base.flowin_flow

    def flow(flow_id: str, name: str, respond: str) -> dict:
        return {**plain(flow_id, name, respond), "settings": {"steps_of_failed_runs_only": True}}

    base.flowin_flow = flow


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tree", action="append", required=True, help="name=path, repeatable")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument(
        "--concurrency", type=lambda s: [int(c) for c in s.split(",")], default=[1, 16]
    )
    parser.add_argument("--modes", default="respond,202")
    parser.add_argument("--processes", type=int, default=1, help="flowin serve --processes N")
    parser.add_argument("--body-kb", type=float, default=0.0, help="post a body this big")
    parser.add_argument(
        "--with-tokens",
        action="store_true",
        help="the order carries a shop's tokens as Shopify's does (masked in the history)",
    )
    parser.add_argument(
        "--steps-of-failed-runs-only",
        action="store_true",
        help="the flows keep step details only for failed runs",
    )
    args = parser.parse_args()
    if args.steps_of_failed_runs_only:
        steps_of_failed_runs_only()
    if args.body_kb:
        order = order_of_size(int(args.body_kb * 1024))
        use_body({**order, **SHOP_TOKENS} if args.with_tokens else order)
    modes = args.modes.split(",")
    folder = Path(tempfile.mkdtemp(prefix="flowin-ab-"))
    procs = base.Processes()
    servers = []
    for spec in args.tree:
        name, path = spec.split("=", 1)
        servers.append(Server(name, Path(path).resolve(), Path(), base.free_port()))
    cells: dict[tuple[str, str, int], Cell] = {}
    try:
        for server in servers:
            prepare(server, folder)
            start(server, folder, procs, args.processes)
        for round_no in range(args.rounds):
            order = servers if round_no % 2 == 0 else list(reversed(servers))
            for concurrency in args.concurrency:
                for mode in modes:
                    for server in order:
                        sample = measure(server, mode, concurrency, args, folder)
                        key = (server.name, mode, concurrency)
                        cells.setdefault(key, Cell()).samples.append(sample)
                        print(
                            f"round {round_no + 1} {server.name:>8} {mode:>7} c={concurrency:<3}"
                            f" {sample.rate:7.0f} req/s p50 {sample.p50:6.2f} p99 {sample.p99:7.2f}"
                            f" p99.9 {sample.p999:7.2f} ms  cpu {sample.cpu_ms:.3f} ms/req"
                            f"  rss {sample.rss:.0f} MB  errors {sample.errors}",
                            flush=True,
                        )
                        time.sleep(0.5)
        print()
        print(f"Medians of {args.rounds} rounds ({args.duration:g} s each, wrk -t1):")
        header = (
            "| tree | mode | conc. | req/s | p50 ms | p99 ms | p99.9 ms | CPU ms/req | RSS MB |"
        )
        print(header)
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for (name, mode, concurrency), cell in sorted(cells.items(), key=lambda i: i[0][::-1]):
            s = cell.samples

            def med(attr: str, samples=s) -> float:
                return statistics.median(getattr(x, attr) for x in samples)

            print(
                f"| {name} | {mode} | {concurrency} | {med('rate'):.0f} | {med('p50'):.2f} |"
                f" {med('p99'):.2f} | {med('p999'):.2f} | {med('cpu_ms'):.3f} | {med('rss'):.0f} |"
            )
        return 0
    finally:
        procs.stop_all()
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
