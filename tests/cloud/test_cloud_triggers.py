"""Triggers of cloud-run flows, with a real PostgreSQL, a real Redis and real Celery workers.

The worker is a stand-in (tests/cloud/celery_stand_in.py) that notes each delivery of a run in
the database, so the tests see exactly which runs reached a worker and how often.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from flowin_cloud import db
from flowin_cloud.models import RunJob, User
from flowin_cloud.triggers.jobs import CelerySender, Relay, add_job
from tests.postgres import postgres_schema
from tests.redis_server import RedisServer

ROOT = Path(__file__).resolve().parents[2]


def wait_for(condition: Callable[[], object], what: str, seconds: float = 60) -> object:
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds} s for {what}")
        time.sleep(0.05)


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    with postgres_schema("flowin_triggers") as url:
        yield url


@pytest.fixture(scope="module")
def engine(database_url: str) -> Iterator[Engine]:
    engine = db.connect(database_url)
    db.migrate(engine)
    with engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TABLE stand_in_runs (delivery SERIAL PRIMARY KEY, execution_id TEXT, "
                "owner_id TEXT, flow_id TEXT, payload TEXT, "
                "received_at TIMESTAMPTZ DEFAULT clock_timestamp())"
            )
        )
    yield engine
    engine.dispose()


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path / "redis")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def account(engine: Engine) -> str:
    user_id = str(uuid.uuid4())
    with Session(engine) as session, session.begin():
        session.add(User(id=user_id, email=f"{user_id}@example.com", password_hash="x"))
    return user_id


class Workers:
    """Real ``celery worker`` processes of the stand-in app."""

    def __init__(self, database_url: str, broker_url: str, folder: Path) -> None:
        self.env = {
            **os.environ,
            "STAND_IN_DATABASE_URL": database_url,
            "STAND_IN_BROKER_URL": broker_url,
            "PYTHONPATH": str(ROOT),
        }
        self.folder = folder
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self) -> subprocess.Popen[bytes]:
        log = self.folder / f"worker-{len(self.processes)}.log"
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "tests.cloud.celery_stand_in",
                "worker",
                "--pool",
                "solo",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "--loglevel",
                "WARNING",
                "--hostname",
                f"w{len(self.processes)}@%h",
            ],
            env=self.env,
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)


@pytest.fixture
def workers(database_url: str, redis_server: RedisServer, tmp_path: Path) -> Iterator[Workers]:
    started = Workers(database_url, redis_server.url, tmp_path)
    yield started
    started.stop()


def deliveries(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as connection:
        return [
            (row.execution_id, row.flow_id)
            for row in connection.execute(
                text("SELECT execution_id, flow_id FROM stand_in_runs ORDER BY delivery")
            )
        ]


class Running:
    """A relay loop on a thread, as ``flowin-cloud scheduler`` runs it."""

    def __init__(self, target: Callable[[threading.Event], None]) -> None:
        self.stop = threading.Event()
        self.thread = threading.Thread(target=target, args=(self.stop,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=30)


def test_runs_committed_while_the_broker_is_down_reach_a_worker_once_when_it_is_back(
    engine: Engine,
    account: str,
    redis_server: RedisServer,
    workers: Workers,
    caplog: pytest.LogCaptureFixture,
) -> None:
    workers.start()
    sender = CelerySender(redis_server.url)
    relay = Running(Relay(engine, sender, idle_seconds=0.5).run)
    try:
        # A run is handed over once its transaction commits; one rolled back never is.
        with Session(engine) as session, session.begin():
            first = add_job(session, account, "orders", "webhook", {"body": {"n": 1}})
        with Session(engine) as session:
            add_job(session, account, "orders", "webhook", {"body": {"n": "rolled back"}})
            session.rollback()
        wait_for(lambda: deliveries(engine) == [(first, "orders")], "the first run")

        redis_server.stop()
        caplog.set_level(logging.WARNING, logger="flowin_cloud.triggers.jobs")
        with Session(engine) as session, session.begin():
            while_down = [
                add_job(session, account, "orders", "webhook", {"body": {"n": n}})
                for n in range(2, 7)
            ]
        wait_for(
            lambda: any("Could not hand runs" in r.getMessage() for r in caplog.records),
            "the relay to find the broker down",
        )
        with Session(engine) as session:
            waiting = session.scalars(select(RunJob.id).where(RunJob.sent_at.is_(None))).all()
        assert sorted(waiting) == sorted(while_down)

        redis_server.start()
        wait_for(lambda: len(deliveries(engine)) >= 6, "the runs kept while the broker was down")
    finally:
        relay.close()
        sender.close()

    delivered = [execution for execution, _ in deliveries(engine)]
    assert delivered == [first, *while_down]  # each once, oldest first, none rolled back
    with Session(engine) as session:
        assert session.scalars(select(RunJob).where(RunJob.sent_at.is_(None))).all() == []
