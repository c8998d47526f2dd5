"""Cloud runner benchmark: runs of cloud-run flows from the outbox to their end, on real
``flowin-cloud worker`` processes, PostgreSQL and a Redis of its own. Prints; asserts nothing.

    FLOWIN_TEST_POSTGRES_URL=postgresql+psycopg://USER:PASSWORD@127.0.0.1/DATABASE \\
        .venv/bin/python bench/cloud_runner_bench.py [--burst 200] [--paced 60] [--steps 5]

For one worker, then two (each ``--concurrency 1``: one child process, one run at a time):

- burst: ``--burst`` runs committed to the outbox at once (as a flood of webhooks would); runs
  per second from the first commit to the last run's end, and each run's time from its commit
  to its end (the queue included);
- paced: ``--paced`` runs committed one every ``--gap`` seconds, below what the workers take:
  the time from commit to end when nothing waits in line (p50/p99).

Then the worker's own time per step: the run's duration as the worker wrote it (started_at to
finished_at) for a flow of 1 no-op step and of 41, one run at a time; the difference over 40
steps, next to the desktop runner's per-step overhead (bench/engine_bench.py, in process, no
history). The flows are a webhook trigger then ``--steps`` steps that reshape data in memory.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from flowin_cloud import db
from flowin_cloud.config import Settings
from flowin_cloud.models import CloudFlow, Execution, User
from flowin_cloud.triggers.jobs import CelerySender, Relay, add_job
from flowin_engine.model import Edge, Flow, Node
from tests.cloud.cloud_workers import worker_env
from tests.cloud_server import free_port

ROOT = Path(__file__).resolve().parent.parent


def chain_flow(flow_id: str, steps: int) -> str:
    nodes = [Node(id="hook", name="Order", type="webhook.receive")]
    nodes += [
        Node(
            id=f"s{i}",
            name=f"Step {i}",
            type="core.set_fields",
            params={
                "fields": [{"name": "greeting", "value": "Hello {{ trigger.body.name }}"}],
                "keep_input": True,
            },
        )
        for i in range(steps)
    ]
    edges = [Edge(source=a.id, target=b.id) for a, b in itertools.pairwise(nodes)]
    return Flow(id=flow_id, name=flow_id, nodes=nodes, edges=edges).to_json()


def no_op_flow(flow_id: str, steps: int) -> str:
    nodes = [Node(id="hook", name="Order", type="webhook.receive")]
    nodes += [Node(id=f"s{i}", name=f"Step {i}", type="core.no_op") for i in range(steps)]
    edges = [Edge(source=a.id, target=b.id) for a, b in itertools.pairwise(nodes)]
    return Flow(id=flow_id, name=flow_id, nodes=nodes, edges=edges).to_json()


@contextmanager
def postgres_schema(server_url: str) -> Iterator[str]:
    schema = f"flowin_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(server_url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is needed (apt-get install redis-server)")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )
    try:
        import redis

        client = redis.Redis(port=port)
        for _ in range(200):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait()


class Workers:
    def __init__(self, env: dict[str, str], folder: Path) -> None:
        self.env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
        self.folder = folder
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self, count: int) -> None:
        for _ in range(count):
            number = len(self.processes)
            log = self.folder / f"worker-{number}.log"
            command = [sys.executable, "-m", "flowin_cloud", "worker", "--concurrency=1"]
            command.append(f"--name=bench{number}@%h")
            self.processes.append(
                subprocess.Popen(
                    command, env=self.env, stdout=log.open("wb"), stderr=subprocess.STDOUT
                )
            )
        for number in range(len(self.processes)):
            log = self.folder / f"worker-{number}.log"
            while " ready." not in log.read_text(errors="replace"):
                if self.processes[number].poll() is not None:
                    raise SystemExit(log.read_text())
                time.sleep(0.1)

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait()
        self.processes.clear()


def submit(engine: Engine, owner: str, flow_id: str) -> str:
    with Session(engine) as session, session.begin():
        return add_job(session, owner, flow_id, "webhook", {"body": {"name": "Layla"}})


def finished_runs(engine: Engine, ids: list[str]) -> list[Execution]:
    with Session(engine) as session:
        return list(
            session.scalars(
                select(Execution).where(Execution.id.in_(ids), Execution.finished_at.is_not(None))
            )
        )


def wait_all(engine: Engine, ids: list[str], timeout: float = 900) -> list[Execution]:
    deadline = time.monotonic() + timeout
    while True:
        done = finished_runs(engine, ids)
        if len(done) == len(ids):
            return done
        if time.monotonic() > deadline:
            raise SystemExit(f"only {len(done)} of {len(ids)} runs ended in {timeout:.0f} s")
        time.sleep(0.1)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def commit_times(engine: Engine, ids: list[str]) -> dict[str, datetime]:
    with Session(engine) as session:
        return dict(
            session.execute(
                select(Execution.id, Execution.created_at).where(Execution.id.in_(ids))
            ).all()
        )


def latencies_ms(engine: Engine, ids: list[str]) -> tuple[list[float], float]:
    runs = wait_all(engine, ids)
    created = commit_times(engine, ids)
    failed = [run for run in runs if run.status != "success"]
    if failed:
        raise SystemExit(f"{len(failed)} runs failed, e.g.: {failed[0].error}")
    lat = [(run.finished_at - created[run.id]).total_seconds() * 1000 for run in runs]  # type: ignore[operator]
    span = (max(run.finished_at for run in runs) - min(created.values())).total_seconds()  # type: ignore[type-var]
    return lat, span


def burst(engine: Engine, owner: str, flow_id: str, count: int) -> None:
    ids = [submit(engine, owner, flow_id) for _ in range(count)]
    lat, span = latencies_ms(engine, ids)
    print(
        f"    burst of {count}: {count / span:6.1f} runs/s; commit → end p50 "
        f"{percentile(lat, 0.5):7.0f} ms, p99 {percentile(lat, 0.99):7.0f} ms (queue included)"
    )


def paced(engine: Engine, owner: str, flow_id: str, count: int, gap: float) -> None:
    ids = []
    next_at = time.monotonic()
    for _ in range(count):
        ids.append(submit(engine, owner, flow_id))
        next_at += gap
        time.sleep(max(0.0, next_at - time.monotonic()))
    lat, _ = latencies_ms(engine, ids)
    print(
        f"    paced, one every {gap * 1000:.0f} ms ({count}): commit → end p50 "
        f"{percentile(lat, 0.5):6.0f} ms, p99 {percentile(lat, 0.99):6.0f} ms"
    )


def worker_step_cost(engine: Engine, owner: str, runs: int = 15) -> float:
    """µs per no-op step inside the worker: (run time of 41 steps − of 1 step) / 40."""

    def durations(flow_id: str) -> list[float]:
        values = []
        for _ in range(runs):
            (run,) = wait_all(engine, [submit(engine, owner, flow_id)])
            values.append((run.finished_at - run.started_at).total_seconds())  # type: ignore[operator]
        return values

    short = statistics.median(durations("noop-1"))
    long = statistics.median(durations("noop-41"))
    print(
        f"    run time in the worker: 1 no-op step {short * 1000:6.1f} ms, 41 steps {long * 1000:6.1f} ms"
    )
    return (long - short) / 40 * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--paced", type=int, default=60)
    parser.add_argument("--gap", type=float, default=0.2)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument(
        "--async-commit",
        action="store_true",
        help="workers' commits do not wait for the disk (synchronous_commit=off): shows what the "
        "flush of each step's write costs",
    )
    args = parser.parse_args()
    server = os.environ.get("FLOWIN_TEST_POSTGRES_URL")
    if not server:
        raise SystemExit("Set FLOWIN_TEST_POSTGRES_URL to a PostgreSQL server (see the docstring)")
    load = os.getloadavg()[0]
    print(
        f"Cloud runner benchmark — Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"load average {load:.1f} at the start"
        + (", workers with synchronous_commit=off" if args.async_commit else "")
    )
    with (
        tempfile.TemporaryDirectory() as folder_name,
        postgres_schema(server) as database_url,
        redis_server(Path(folder_name)) as broker_url,
    ):
        folder = Path(folder_name)
        env = worker_env(database_url, broker_url, folder, account_concurrency=8)
        if args.async_commit:
            workers_url = make_url(database_url)
            options = workers_url.query["options"] + " -csynchronous_commit=off"
            workers_url = workers_url.update_query_dict({"options": options})
            env["FLOWIN_CLOUD_DATABASE_URL"] = workers_url.render_as_string(hide_password=False)
        env["FLOWIN_CLOUD_DATA_DIR"] = str(folder)
        settings = Settings(
            **{k.removeprefix("FLOWIN_CLOUD_").lower(): v for k, v in env.items()}  # type: ignore[arg-type]
        )
        engine = db.connect(database_url)
        db.migrate(engine)
        owner = str(uuid.uuid4())
        with Session(engine) as session, session.begin():
            session.add(User(id=owner, email=f"{owner}@example.com", password_hash="x"))
            session.flush()
            flows = {
                "orders": chain_flow("orders", args.steps),
                "noop-1": no_op_flow("noop-1", 1),
                "noop-41": no_op_flow("noop-41", 41),
            }
            for flow_id, definition in flows.items():
                session.add(
                    CloudFlow(
                        owner_id=owner,
                        id=flow_id,
                        name=flow_id,
                        revision=1,
                        definition=definition,
                        cloud_run=True,
                    )
                )
        sender = CelerySender.for_settings(settings)
        stop = threading.Event()
        relay = threading.Thread(target=Relay(engine, sender).run, args=(stop,), daemon=True)
        relay.start()
        workers = Workers(env, folder)
        try:
            for count in (1, 2):
                workers.start(count - len(workers.processes))
                print(f"  {count} worker(s), webhook + {args.steps} set-fields steps:")
                for _ in range(5):  # warm the children (imports, first connections)
                    wait_all(engine, [submit(engine, owner, "orders")])
                burst(engine, owner, "orders", args.burst)
                paced(engine, owner, "orders", args.paced, args.gap)
                if count == 1:
                    per_step = worker_step_cost(engine, owner)
            workers.stop()
        finally:
            workers.stop()
            stop.set()
            relay.join()
            sender.close()
            engine.dispose()

    sys.path.insert(0, str(ROOT / "bench"))
    from engine_bench import per_step_overhead

    desktop = per_step_overhead()
    print(f"  per no-op step: worker {per_step:7.1f} µs (each step's row written to PostgreSQL)")
    print(f"                  desktop runner {desktop:7.1f} µs (bench/engine_bench.py, no history)")
    print(f"  load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
