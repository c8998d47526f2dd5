"""Flows that run in the cloud, end to end: real ``flowin-cloud worker`` processes (Celery,
prefork, not eager mode) on a real Redis and PostgreSQL, runs asked for through the cloud's API,
WhatsApp answered by a local stand-in that checks each call against Meta's contract.

Starting a worker takes seconds, so the module's workers are shared by its tests: the first
test starts a worker of its own and kills it mid-run; the two it hands the runs to serve the
tests after it. Every wait is for something observable (a row, a request arriving), never a
sleep; no test asserts on time.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from flowin_cloud.models import CloudConnection, Execution, ExecutionStep
from tests.cloud.cloud_workers import (
    CloudWorkers,
    HoldServer,
    redis_url,
    wait_until,
    worker_env,
)
from tests.contracts.openapi_server import ContractServer
from tests.engine.builders import make_flow
from tests.postgres import postgres_schema

CONTRACT = "whatsapp/business-messaging-api_v23.0.yaml"
TOKEN = "EAABwzLixnjYBOzYmNMJJGfHq9DgNh"
NUMBER_ID = "106540352242922"
SENT = {
    "messaging_product": "whatsapp",
    "contacts": [{"input": "966501234567", "wa_id": "966501234567"}],
    "messages": [{"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA"}],
}
# Small enough that a lost worker's run comes back within seconds; each run here is short.
SETTINGS = {
    "run_time_limit_seconds": 60,
    "run_redelivery_seconds": 4,
    "account_concurrency": 1,
    "account_wait_seconds": 0.2,
    "run_queues": 4,
}


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    """PostgreSQL only: the workers' locks are PostgreSQL's (SQLite serves one worker)."""
    with postgres_schema("flowin_runs") as url:
        yield url


@pytest.fixture(scope="module")
def env(database_url, tmp_path_factory) -> dict[str, str]:
    return worker_env(database_url, redis_url(), tmp_path_factory.mktemp("cloud"), **SETTINGS)


@pytest.fixture(scope="module")
def workers(env, tmp_path_factory) -> Iterator[CloudWorkers]:
    pool = CloudWorkers(env, tmp_path_factory.mktemp("workers"))
    yield pool
    pool.stop_all()


@pytest.fixture
def shared_workers(workers) -> CloudWorkers:
    """Two workers of one child each, started once for the module."""
    for name in ("first", "second"):
        if name not in workers.processes:
            workers.start(name)
    workers.wait_ready("first", "second")
    return workers


@pytest.fixture(scope="module")
def hold() -> Iterator[HoldServer]:
    with HoldServer().running() as server:
        yield server


@pytest.fixture
def client(make_client, env):
    """The cloud's API in this process, sending runs through the workers' Redis."""
    settings = {key.removeprefix("FLOWIN_CLOUD_").lower(): value for key, value in env.items()}
    del settings["database_url"], settings["data_dir"]  # make_client's own: the same database
    return make_client(**settings)


@pytest.fixture
def whatsapp(httpserver) -> Iterator[ContractServer]:
    with ContractServer(httpserver, CONTRACT) as server:
        server.respond("sendMessage", json=SENT)
        yield server


def whatsapp_secret(api: ContractServer) -> dict:
    return {"access_token": TOKEN, "phone_number_id": NUMBER_ID, "base_url": api.url()}


def send_whatsapp(name: str, to: str, text: str) -> tuple[str, str, dict]:
    return (name, "whatsapp.send_text", {"connection": "shop-number", "to": to, "text": text})


def call(name: str, url: str, method: str = "GET") -> tuple[str, str, dict]:
    return (name, "http.request", {"method": method, "url": url})


def cloud_flow(account, nodes, edges, secret: dict | None = None) -> str:
    """Syncs the flow to the account and turns running in the cloud on (uploading the WhatsApp
    account, with consent, when a step uses it); returns the flow's id."""
    flow = make_flow([("Start", "core.manual_trigger", {}), *nodes], edges)
    headers = account.headers
    created = account.client.post(
        "/api/flows",
        json={"id": flow.id, "name": flow.name, "definition": flow.model_dump(mode="json")},
        headers=headers,
    )
    assert created.status_code == 201, created.text
    accounts = []
    if secret is not None:
        accounts = [
            {
                "connection_id": "shop-number",
                "connector": "whatsapp",
                "label": "Shop number",
                "secret": secret,
            }
        ]
    switched = account.client.put(
        f"/api/flows/{flow.id}/cloud-run",
        json={"enabled": True, "consent": True, "accounts": accounts},
        headers=headers,
    )
    assert switched.status_code == 200, switched.text
    return flow.id


def run(account, flow_id: str, data: object = None) -> str:
    response = account.client.post(
        f"/api/run/{flow_id}", json={"input": data}, headers=account.headers
    )
    assert response.status_code == 202, response.text
    assert response.json()["runs_in"] == "cloud"
    return response.json()["id"]


def execution(client, execution_id: str) -> Execution:
    with client.app.state.cloud.sessions() as session:
        return session.get(Execution, execution_id)


def ended(client, execution_id: str) -> Execution | None:
    row = execution(client, execution_id)
    return row if row.status in ("success", "error") else None


def steps(client, execution_id: str) -> list[ExecutionStep]:
    with client.app.state.cloud.sessions() as session:
        return list(
            session.scalars(
                select(ExecutionStep)
                .where(ExecutionStep.execution_id == execution_id)
                .order_by(ExecutionStep.id)
            )
        )


def sent_to(api: ContractServer, number: str) -> list[str]:
    return [
        call.request.json["text"]["body"]
        for call in api.calls("sendMessage")
        if call.request.json["to"] == number
    ]


def test_a_cloud_run_goes_through_a_worker_and_sends_whatsapp_from_the_uploaded_account(
    client, sign_up, shared_workers, whatsapp
):
    dina = sign_up("dina")
    flow_id = cloud_flow(
        dina,
        [send_whatsapp("Thank", "{{ trigger.phone }}", "Thank you {{ trigger.name }}!")],
        ["Start -> Thank"],
        secret=whatsapp_secret(whatsapp),
    )
    # The secret is kept sealed: neither the token nor the stand-in's address is readable.
    with client.app.state.cloud.sessions() as session:
        stored = session.get(
            CloudConnection,
            (client.get("/auth/me", headers=dina.headers).json()["id"], "shop-number"),
        )
        assert TOKEN not in stored.ciphertext + stored.wrapped_key
        assert stored.key_id.startswith("local:")

    execution_id = run(dina, flow_id, {"phone": "+966 50 123 4567", "name": "Layla"})
    row = wait_until(lambda: ended(client, execution_id), "the cloud run to end")

    assert (row.status, row.error, row.attempts) == ("success", None, 1)
    assert row.worker.split("@")[0] in ("first", "second")
    assert sent_to(whatsapp, "966501234567") == ["Thank you Layla!"]
    (call_,) = whatsapp.calls("sendMessage")
    assert call_.request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert [(s.node_id, s.status) for s in steps(client, execution_id)] == [
        ("start", "success"),
        ("thank", "success"),
    ]
    assert steps(client, execution_id)[1].output.count("wamid.") == 1
    # The desktop, which lists queued runs, may not take a cloud run.
    taken = client.patch(
        f"/api/executions/{execution_id}", json={"status": "running"}, headers=dina.headers
    )
    assert taken.status_code == 409
