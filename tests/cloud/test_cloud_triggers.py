"""Triggers of cloud-run flows, with a real PostgreSQL, a real Redis of the test's own (stopped
and started again) and real ``flowin-cloud worker`` and ``flowin-cloud scheduler`` processes.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pytest_httpserver import HTTPServer
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from werkzeug import Request, Response

from flowin_cloud import create_app, db
from flowin_cloud.config import Settings
from flowin_cloud.models import (
    ApiKey,
    CloudConnection,
    CloudFlow,
    CloudTrigger,
    Execution,
    ExecutionStep,
    RelayEvent,
    RunJob,
    User,
)
from flowin_cloud.runner.keys import master_key
from flowin_cloud.runner.vault import seal
from flowin_cloud.security import digest, new_api_key
from flowin_cloud.triggers.jobs import CelerySender, Relay
from flowin_cloud.triggers.webhooks import accept_for_cloud, runs_in_cloud
from flowin_engine.model import Edge, Flow, Node
from flowin_engine.webhooks import WebhookRequest
from tests.cloud.cloud_workers import CloudWorkers, worker_env
from tests.postgres import postgres_schema
from tests.redis_server import RedisServer

ROOT = Path(__file__).resolve().parents[2]
BOT_TOKEN = "123456:test-bot-token"


def wait_for(condition: Callable[[], object], what: str, seconds: float = 120) -> object:
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


@pytest.fixture
def cloud_env(database_url: str, redis_server: RedisServer, tmp_path: Path) -> dict[str, str]:
    """The FLOWIN_CLOUD_* settings the workers, the schedulers and the test's sender share."""
    return worker_env(database_url, redis_server.url, tmp_path, poll_seconds=1)


@pytest.fixture
def workers(cloud_env: dict[str, str], tmp_path: Path) -> Iterator[CloudWorkers]:
    started = CloudWorkers(cloud_env, tmp_path)
    yield started
    started.stop_all()


def sender_for(cloud_env: dict[str, str]) -> CelerySender:
    values = {key.removeprefix("FLOWIN_CLOUD_").lower(): v for key, v in cloud_env.items()}
    return CelerySender.for_settings(Settings(**values))  # type: ignore[arg-type]


def finished(engine: Engine, flow_id: str) -> list[str]:
    """The runs of the flow that a worker finished, in the order they were created."""
    with Session(engine) as session:
        return list(
            session.scalars(
                select(Execution.id)
                .where(Execution.flow_id == flow_id, Execution.status == "success")
                .order_by(Execution.created_at)
            )
        )


def each_ran_once(engine: Engine, run_ids: list[str]) -> None:
    """Every run was taken up by one worker once, and ran each of its steps once."""
    with Session(engine) as session:
        for run_id in run_ids:
            run = session.get(Execution, run_id)
            assert run is not None and run.status == "success" and run.runs_in == "cloud"
            assert run.attempts == 1
            steps = session.execute(
                select(ExecutionStep.node_id, func.count())
                .where(ExecutionStep.execution_id == run_id)
                .group_by(ExecutionStep.node_id)
            ).all()
            assert steps and all(count == 1 for _, count in steps), steps


class Running:
    """A relay loop on a thread, as ``flowin-cloud scheduler`` runs it."""

    def __init__(self, target: Callable[[threading.Event], None]) -> None:
        self.stop = threading.Event()
        self.thread = threading.Thread(target=target, args=(self.stop,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=30)


def webhook_flow(flow_id: str) -> str:
    nodes = [
        Node(id="hook", name="New order", type="webhook.receive"),
        Node(id="done", name="Done", type="core.no_op"),
    ]
    flow = Flow(id=flow_id, name=flow_id, nodes=nodes, edges=[Edge(source="hook", target="done")])
    return flow.to_json()


def order(number: object) -> bytes:
    return json.dumps({"order": number}).encode()


PUBLIC = "https://relay.flowin.example"


class PublicAddresses:
    """The cloud's web server in-process, with public addresses for the account's triggers."""

    def __init__(self, cloud_env: dict[str, str], account: str, folder: Path) -> None:
        values = {key.removeprefix("FLOWIN_CLOUD_").lower(): v for key, v in cloud_env.items()}
        settings = Settings(  # type: ignore[arg-type]
            **{**values, "data_dir": folder},
            dev=True,
            jwt_secret="a test secret that is long enough for HS256 tokens",
            relay_public_url=PUBLIC,
        )
        self.app = create_app(settings)
        self.client = TestClient(self.app)
        key = new_api_key()
        with self.app.state.cloud.sessions() as session, session.begin():
            session.get(User, account).email_verified_at = datetime.now(UTC)
            session.add(
                ApiKey(
                    id=str(uuid.uuid4()), user_id=account, name="test", key_hash=digest(key),
                    key_start=key[:8], key_end=key[-4:], is_active=True,
                )
            )  # fmt: skip
        headers = {"Authorization": f"Bearer {key}"}
        # The computer lists the webhook triggers it runs; then "orders" is switched to the cloud.
        listed = [{"flow_id": "on-computer", "node_id": "hook", "wait_for_answer": False}]
        (computer,) = self.client.put("/relay/hooks", json=listed, headers=headers).json()
        switched = self.client.put(
            "/api/flows/orders/cloud-run", json={"enabled": True}, headers=headers
        ).json()
        assert switched["cloud_run"] is True, switched
        self.paths = {
            "orders": switched["public_url"].removeprefix(PUBLIC),
            "on-computer": computer["url"].removeprefix(PUBLIC),
        }
        # The computer registering its list again leaves the cloud's address answering.
        self.client.put("/relay/hooks", json=listed, headers=headers).raise_for_status()

    def post(self, flow_id: str, body: bytes) -> Any:
        return self.client.post(
            self.paths[flow_id], content=body, headers={"content-type": "application/json"}
        )

    def close(self) -> None:
        self.client.close()
        self.app.state.engine.dispose()


def test_webhook_runs_committed_while_the_broker_is_down_reach_a_worker_once_when_it_is_back(
    engine: Engine,
    account: str,
    redis_server: RedisServer,
    workers: CloudWorkers,
    cloud_env: dict[str, str],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    add_cloud_flow(engine, account, "orders", webhook_flow("orders"), cloud_run=False)
    add_cloud_flow(engine, account, "on-computer", webhook_flow("on-computer"), cloud_run=False)
    public = PublicAddresses(cloud_env, account, tmp_path / "cloud")
    workers.start("w1")
    sender = sender_for(cloud_env)
    relay_loop = Running(Relay(engine, sender, idle_seconds=0.5).run)
    try:
        answer = public.post("orders", order(1))
        assert answer.status_code == 202, answer.text
        first = answer.json()["event_id"]
        # A flow its owner's computers run is kept for the computer, and not run here.
        for_computer = public.post("on-computer", order("for the computer"))
        assert for_computer.status_code == 202
        # Refused at the door as on the computer: nothing kept, nothing run.
        assert public.post("orders", b"[" * 100 + b"]" * 100).status_code == 400
        # A run is handed over once its transaction commits; one rolled back never is.
        with Session(engine) as session:
            flow = runs_in_cloud(session, account, "orders")
            assert flow is not None and runs_in_cloud(session, account, "on-computer") is None
            request = WebhookRequest("POST", "/hooks/x", "", {}, {}, order("rolled back"))
            accept_for_cloud(session, flow, "hook", request, str(uuid.uuid4()))
            session.rollback()
        wait_for(lambda: finished(engine, "orders") == [first], "the first run")

        redis_server.stop()
        caplog.set_level(logging.WARNING, logger="flowin_cloud.triggers.jobs")
        while_down = [public.post("orders", order(n)).json()["event_id"] for n in range(2, 7)]
        wait_for(
            lambda: any("Could not hand runs" in r.getMessage() for r in caplog.records),
            "the relay to find the broker down",
        )
        with Session(engine) as session:
            waiting = session.scalars(select(RunJob.id).where(RunJob.sent_at.is_(None))).all()
        assert sorted(waiting) == sorted(while_down)

        redis_server.start()
        wait_for(
            lambda: len(finished(engine, "orders")) == 6, "the runs kept while the broker was down"
        )
    finally:
        relay_loop.close()
        sender.close()
        public.close()

    # Each once, oldest first, none rolled back or refused, with the request as the trigger's data.
    assert finished(engine, "orders") == [first, *while_down]
    each_ran_once(engine, finished(engine, "orders"))
    with Session(engine) as session:
        assert session.scalars(select(RunJob).where(RunJob.sent_at.is_(None))).all() == []
        assert session.scalar(select(func.count()).select_from(Execution)) == 6
        hook = session.scalars(
            select(ExecutionStep).where(
                ExecutionStep.execution_id == while_down[0], ExecutionStep.node_id == "hook"
            )
        ).one()
        assert json.loads(hook.output)["body"] == {"order": 2}
        # The cloud's requests are not left for the computer; the computer's one is.
        events = {e.id: e for e in session.scalars(select(RelayEvent))}
        assert all(events[run].delivered_at is not None for run in [first, *while_down])
        computer = events[for_computer.json()["event_id"]]
        assert computer.delivered_at is None and computer.body == order("for the computer")

    # A sender's secret in the request (its Authorization header) reaches the run through its
    # job, but the run's record keeps it masked, as the computer's history does.
    with Session(engine) as session:
        flow = runs_in_cloud(session, account, "orders")
        assert flow is not None
        headers = {"authorization": "Bearer sender-secret-1"}
        request = WebhookRequest("POST", "/hooks/x", "", headers, {}, order("signed"))
        run_id = str(uuid.uuid4())
        accept_for_cloud(session, flow, "hook", request, run_id)
        session.commit()
        recorded = session.get(Execution, run_id)
        job = session.get(RunJob, run_id)
        assert recorded is not None and job is not None
        assert "sender-secret-1" not in recorded.input
        assert "sender-secret-1" in job.payload


def schedule_flow(flow_id: str, **schedule: object) -> str:
    nodes = [
        Node(id="start", name="Every second", type="schedule.every", params=schedule),
        Node(id="done", name="Done", type="core.no_op"),
    ]
    flow = Flow(id=flow_id, name=flow_id, nodes=nodes, edges=[Edge(source="start", target="done")])
    return flow.to_json()


def add_cloud_flow(
    engine: Engine, owner: str, flow_id: str, definition: str, cloud_run: bool = True
) -> None:
    with Session(engine) as session, session.begin():
        session.add(
            CloudFlow(
                owner_id=owner,
                id=flow_id,
                name=flow_id,
                revision=1,
                definition=definition,
                cloud_run=cloud_run,
            )
        )


class TelegramStandIn:
    """Telegram's getUpdates on 127.0.0.1: every message sent so far from the asked offset on,
    as the Bot API answers (an update is gone once a later offset confirmed it)."""

    def __init__(self, httpserver: HTTPServer) -> None:
        self.updates: list[dict] = []
        self.offsets: list[int | None] = []
        self.lock = threading.Lock()
        httpserver.expect_request(
            f"/bot{BOT_TOKEN}/getUpdates", method="POST"
        ).respond_with_handler(self._answer)

    def _answer(self, request: Request) -> Response:
        offset = (request.get_json(silent=True) or {}).get("offset")
        with self.lock:
            self.offsets.append(offset)
            result = [u for u in self.updates if offset is None or u["update_id"] >= offset]
        return Response(json.dumps({"ok": True, "result": result}), content_type="application/json")

    def message(self, text: str) -> None:
        with self.lock:
            update_id = len(self.updates) + 1
            chat = {"id": 42, "type": "private", "first_name": "Layla"}
            self.updates.append(
                {
                    "update_id": update_id,
                    "message": {"message_id": update_id, "date": 1, "chat": chat, "text": text},
                }
            )

    def asked(self) -> int:
        with self.lock:
            return len(self.offsets)


def telegram_flow(flow_id: str) -> str:
    nodes = [
        Node(
            id="start",
            name="New message",
            type="telegram.new_message",
            params={"connection": "bot"},
        ),
        Node(id="done", name="Done", type="core.no_op"),
    ]
    flow = Flow(id=flow_id, name=flow_id, nodes=nodes, edges=[Edge(source="start", target="done")])
    return flow.to_json()


def upload_bot(engine: Engine, owner: str, cloud_env: dict[str, str], base_url: str) -> None:
    """The owner's bot as turning cloud running on leaves it: sealed with the master key."""
    values = {key.removeprefix("FLOWIN_CLOUD_").lower(): v for key, v in cloud_env.items()}
    master = master_key(Settings(**values))  # type: ignore[arg-type]
    sealed = seal(master, owner, "bot", {"bot_token": BOT_TOKEN, "base_url": base_url})
    with Session(engine) as session, session.begin():
        session.add(
            CloudConnection(
                owner_id=owner,
                id="bot",
                connector="telegram",
                label="Shop bot",
                key_id=sealed.key_id,
                wrapped_key=sealed.wrapped_key,
                ciphertext=sealed.ciphertext,
            )
        )


class Schedulers:
    def __init__(self, cloud_env: dict[str, str], folder: Path) -> None:
        self.command = [sys.executable, "-m", "flowin_cloud", "scheduler"]
        self.env = {**os.environ, **cloud_env, "PYTHONPATH": str(ROOT)}
        self.folder = folder
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            self.command,
            env=self.env,
            stdout=self.log(len(self.processes)).open("wb"),
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def log(self, number: int) -> Path:
        return self.folder / f"scheduler-{number}.log"

    def leader(self) -> int | None:
        """Which one says it leads (the newest to say so)."""
        leading = [
            number
            for number in range(len(self.processes))
            if "This scheduler leads now" in self.log(number).read_text()
        ]
        return leading[-1] if len(leading) == 1 else None

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


@pytest.fixture
def schedulers(cloud_env: dict[str, str], tmp_path: Path) -> Iterator[Schedulers]:
    started = Schedulers(cloud_env, tmp_path)
    yield started
    started.stop()


def test_two_schedulers_fire_each_tick_once_and_poll_once_and_one_carries_on_when_the_other_dies(
    engine: Engine,
    account: str,
    workers: CloudWorkers,
    schedulers: Schedulers,
    cloud_env: dict[str, str],
    httpserver: HTTPServer,
) -> None:
    add_cloud_flow(
        engine, account, "tick", schedule_flow("tick", mode="interval", every=1, unit="seconds")
    )
    telegram = TelegramStandIn(httpserver)
    telegram.message("already there when the flow was switched on")
    upload_bot(engine, account, cloud_env, httpserver.url_for("/").rstrip("/"))
    add_cloud_flow(engine, account, "messages", telegram_flow("messages"))
    workers.start("w1")
    schedulers.start()
    schedulers.start()

    def ticks() -> list[str]:
        return finished(engine, "tick")

    # The first check only notes what is there; messages after it start one run each.
    wait_for(lambda: telegram.asked() >= 1, "the first check for Telegram messages")
    telegram.message("Where is my order?")
    telegram.message("Is it shipped?")
    wait_for(lambda: len(ticks()) >= 4, "four ticks with two schedulers running")
    leader = schedulers.leader()
    assert leader is not None  # one leads, the other waits
    schedulers.processes[leader].kill()  # kill -9: its connection drops, and the lock with it
    schedulers.processes[leader].wait()
    wait_for(lambda: "leads now" in schedulers.log(1 - leader).read_text(), "the other to lead")
    before = len(ticks())
    wait_for(lambda: len(ticks()) >= before + 3, "three more ticks from the new leader")
    wait_for(lambda: len(finished(engine, "messages")) == 2, "a run for each new message")
    schedulers.stop()

    with Session(engine) as session:
        jobs = session.scalars(
            select(RunJob).where(RunJob.flow_id == "tick").order_by(RunJob.created_at)
        ).all()
        wait_for(lambda: len(ticks()) == len(jobs), "every fired tick to reach the worker")
    planned = [datetime.fromisoformat(json.loads(job.payload)["scheduled_at"]) for job in jobs]
    gaps = [(later - earlier).total_seconds() for earlier, later in itertools.pairwise(planned)]
    # One run per tick, on the schedule's own rhythm: never two for one moment, never off-beat.
    assert len(set(planned)) == len(planned)
    assert all(gap >= 1 and gap == int(gap) for gap in gaps), gaps
    assert sorted(ticks()) == sorted(job.id for job in jobs)
    each_ran_once(engine, ticks())
    assert all(json.loads(job.payload)["missed"] is False for job in jobs)

    # Polling: one run per new message, each once, the cursor kept in the database.
    messages = finished(engine, "messages")
    each_ran_once(engine, messages)
    with Session(engine) as session:
        texts = [json.loads(session.get(Execution, run).input)["text"] for run in messages]
        trigger = session.get(CloudTrigger, (account, "messages", "start"))
    assert texts == ["Where is my order?", "Is it shipped?"]
    assert trigger is not None and json.loads(trigger.cursor or "null") == 4
    assert telegram.offsets[0] is None and telegram.offsets[-1] == 4
