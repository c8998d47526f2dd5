"""Flows that run in the cloud, end to end: real ``flowin-cloud worker`` processes (Celery,
prefork, not eager mode) on a real Redis and PostgreSQL, runs asked for through the cloud's API,
WhatsApp answered by a local stand-in that checks each call against Meta's contract.

Starting a worker takes seconds, so the module's workers are shared by its tests: the first
test starts a worker of its own and kills it mid-run; the two it hands the runs to serve the
tests after it. Every wait is for something observable (a row, a request arriving), never a
sleep; no test asserts on time.
"""

from __future__ import annotations

from collections import Counter
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
    "account_wait_max_seconds": 0.5,
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


def test_a_worker_killed_mid_run_hands_its_runs_to_another_that_repeats_no_step(
    client, sign_up, workers, hold, whatsapp
):
    """kill -9 of a worker (and its children) while two runs are in the middle of a step:
    another worker finishes each run once. A step that had finished is not run again (no second
    WhatsApp message); the lost step runs again when that is harmless (a GET), and a lost POST
    is not repeated: that run ends saying so."""
    workers.stop_all()  # this test's runs must land on the worker it kills
    workers.start("doomed", concurrency=2)
    alice, bob = sign_up("alice"), sign_up("bob")
    secret = whatsapp_secret(whatsapp)
    order = cloud_flow(
        alice,
        [
            send_whatsapp("Thank", "966501111111", "Order received"),
            call("Check stock", hold.url("stock")),
            send_whatsapp("Ship", "966501111111", "Shipped"),
        ],
        ["Start -> Thank", "Thank -> Check stock", "Check stock -> Ship"],
        secret=secret,
    )
    invoice = cloud_flow(
        bob,
        [
            call("Book invoice", hold.url("invoice"), method="POST"),
            send_whatsapp("Tell", "966502222222", "Invoice booked"),
        ],
        ["Start -> Book invoice", "Book invoice -> Tell"],
        secret=secret,
    )
    order_run, invoice_run = run(alice, order), run(bob, invoice)
    wait_until(
        lambda: hold.count("stock") == 1 and hold.count("invoice") == 1,
        "both runs to be in the middle of their web calls",
    )
    assert sent_to(whatsapp, "966501111111") == ["Order received"]
    doomed = execution(client, order_run).worker

    workers.kill("doomed")
    hold.release("stock")
    hold.release("invoice")
    workers.start("first")
    workers.start("second")

    order_row = wait_until(lambda: ended(client, order_run), "the order run to end")
    invoice_row = wait_until(lambda: ended(client, invoice_run), "the invoice run to end")

    assert (order_row.status, order_row.error, order_row.attempts) == ("success", None, 2)
    assert order_row.worker.split("@")[0] in ("first", "second") and doomed.startswith("doomed@")
    # Each message once: "Order received" was replayed from its recorded output, not resent.
    assert sent_to(whatsapp, "966501111111") == ["Order received", "Shipped"]
    assert hold.count("stock") == 2  # the GET that was cut off ran again
    assert [(s.node_id, s.status) for s in steps(client, order_run)] == [
        ("start", "success"),
        ("thank", "success"),
        ("check_stock", "success"),
        ("ship", "success"),
    ]

    assert (invoice_row.status, invoice_row.attempts) == ("error", 2)
    assert "Book invoice" in invoice_row.error and "did not" in invoice_row.error
    assert hold.count("invoice") == 1 and hold.methods["invoice"] == ["POST"]
    assert sent_to(whatsapp, "966502222222") == []
    assert [(s.node_id, s.status) for s in steps(client, invoice_run)] == [
        ("start", "success"),
        ("book_invoice", "failed"),
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
    shown = client.get(f"/api/executions/{execution_id}/steps", headers=dina.headers).json()
    assert [step["node_name"] for step in shown["steps"]] == ["Start", "Thank"]
    assert shown["steps"][1]["output"]["message_id"].startswith("wamid.")
    assert shown["steps"][1]["input"]["params"]["text"] == "Thank you Layla!"
    # The desktop, which lists queued runs, may not take a cloud run.
    taken = client.patch(
        f"/api/executions/{execution_id}", json={"status": "running"}, headers=dina.headers
    )
    assert taken.status_code == 409


def test_one_accounts_flood_does_not_hold_up_another_accounts_run(
    client, sign_up, shared_workers, hold, whatsapp
):
    """Carol sends six slow runs at once, then Dina one: Dina's run starts and ends while
    Carol's first run still holds the one place her account has and the other five wait in
    line; then Carol's runs go one at a time, each once."""
    carol, dina = sign_up("carol"), sign_up("dina")
    slow = cloud_flow(carol, [call("Slow call", hold.url("carol"))], ["Start -> Slow call"])
    flood = [run(carol, slow, {"n": number}) for number in range(6)]
    wait_until(lambda: hold.count("carol") == 1, "Carol's first run to start")

    quick = cloud_flow(
        dina,
        [send_whatsapp("Hello", "966503333333", "Hello Dina")],
        ["Start -> Hello"],
        secret=whatsapp_secret(whatsapp),
    )
    dina_run = run(dina, quick)
    dina_row = wait_until(lambda: ended(client, dina_run), "Dina's run to end")

    assert (dina_row.status, dina_row.error) == ("success", None)
    assert sent_to(whatsapp, "966503333333") == ["Hello Dina"]
    statuses = Counter(execution(client, run_id).status for run_id in flood)
    assert statuses == {"running": 1, "queued": 5}
    assert hold.count("carol") == 1

    hold.release("carol")
    for run_id in flood:
        row = wait_until(lambda run_id=run_id: ended(client, run_id), "Carol's runs to end")
        assert (row.status, row.attempts) == ("success", 1)
    assert hold.count("carol") == 6
    assert hold.most_waiting["carol"] == 1  # never two of hers at once


def test_a_run_past_its_time_limit_is_stopped_and_says_why(
    make_client, database_url, sign_up, hold, tmp_path_factory
):
    """A worker whose runs may take 3 seconds: a step that does not answer is left behind, and
    the run ends as an error that says why, once (it is not handed to another worker)."""
    env = worker_env(
        database_url,
        redis_url(),
        tmp_path_factory.mktemp("hasty"),
        **{**SETTINGS, "run_time_limit_seconds": 3},
    )
    pool = CloudWorkers(env, tmp_path_factory.mktemp("hasty-workers"))
    pool.start("hasty")
    try:
        settings = {key.removeprefix("FLOWIN_CLOUD_").lower(): value for key, value in env.items()}
        del settings["database_url"], settings["data_dir"]
        hasty = make_client(**settings)
        erin = sign_up("erin")
        flow_id = cloud_flow(erin, [call("Stuck", hold.url("stuck"))], ["Start -> Stuck"])
        response = hasty.post(f"/api/run/{flow_id}", json={"input": None}, headers=erin.headers)
        assert response.status_code == 202, response.text
        row = wait_until(lambda: ended(hasty, response.json()["id"]), "the run to be stopped")
        assert row.status == "error"
        assert row.error == (
            "This run took longer than the 3 seconds a cloud run may take, so it was stopped."
        )
        assert (row.attempts, hold.count("stuck")) == (1, 1)
    finally:
        pool.stop_all()


def test_a_cloud_run_may_not_call_addresses_inside_private_networks(
    make_client, database_url, sign_up, httpserver, tmp_path_factory
):
    """A worker with the cloud's default (no private addresses): an HTTP Request step aimed at
    127.0.0.1, or at a name that resolves to it, ends with a sentence saying why, and the
    server there receives nothing. (The other tests' workers allow private addresses: their
    stand-ins listen on 127.0.0.1.)"""
    env = worker_env(
        database_url,
        redis_url(),
        tmp_path_factory.mktemp("guarded"),
        **{**SETTINGS, "runner_allow_private_addresses": "false"},
    )
    pool = CloudWorkers(env, tmp_path_factory.mktemp("guarded-workers"))
    pool.start("guarded")
    try:
        settings = {key.removeprefix("FLOWIN_CLOUD_").lower(): value for key, value in env.items()}
        del settings["database_url"], settings["data_dir"]
        guarded = make_client(**settings)
        fadi = sign_up("fadi")
        port = httpserver.port
        for host in ("127.0.0.1", "localhost"):
            flow_id = cloud_flow(
                fadi, [call("Inside", f"http://{host}:{port}/admin")], ["Start -> Inside"]
            )
            response = guarded.post(
                f"/api/run/{flow_id}", json={"input": None}, headers=fadi.headers
            )
            assert response.status_code == 202, response.text
            execution_id = response.json()["id"]
            row = wait_until(
                lambda execution_id=execution_id: ended(guarded, execution_id), "the run to end"
            )
            assert (row.status, row.attempts) == ("error", 1), row.error
            assert row.error == (
                "Flowin's cloud does not call addresses inside private networks: "
                f"{host}. Run this flow on your computer to reach it."
            )
        assert httpserver.log == []
    finally:
        pool.stop_all()
