"""Public webhook addresses through the cloud's relay: a request sent to the cloud runs the flow
on the signed-in computer, checked there exactly as on the local port.

A real ``flowin-cloud`` process and the engine's real runtime. Two tests put a stand-in in front
of the cloud (tests/engine/relay_cloud.py): a proxy that refuses WebSockets, and a relay built to
docs/relay.md that sends every event twice, which the real cloud does only after a lost ack.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import time

import httpx
import pytest

from flowin_engine.data_folder import DataFolder
from flowin_engine.errors import FlowinError
from flowin_engine.events import ExecutionStatus
from flowin_engine.history import retry_execution
from flowin_engine.model import FlowStatus
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.runtime._relay import FLOW_OFF_ERROR, RelayState
from flowin_engine.sync.client import Tokens
from tests.cloud_server import cloud_server  # noqa: F401 (a fixture)
from tests.connectors.test_shopify import SECRET as SHOPIFY_SECRET
from tests.connectors.test_shopify import TOKEN as SHOPIFY_TOKEN
from tests.connectors.test_shopify import sample_order
from tests.connectors.test_whatsapp import APP_SECRET, CONTRACT, NUMBER_ID, SENT, VERIFY
from tests.connectors.test_whatsapp import TOKEN as WHATSAPP_TOKEN
from tests.contracts.openapi_server import ContractServer

from .builders import make_flow
from .cloud_computers import Computer, new_email, register
from .relay_cloud import RelayStandIn, cloud_has_relay


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


@pytest.fixture(scope="module")
def cloud(cloud_server):  # noqa: F811 (the imported fixture)
    return cloud_server


@pytest.fixture(scope="module")
def relay(cloud) -> str:
    """The address computers sign in to: the cloud's, which serves the relay."""
    assert cloud_has_relay(cloud), "flowin-cloud answers no PUT /relay/hooks"
    return cloud.url


@pytest.fixture
def email(cloud):
    address = new_email()
    register(cloud, address, verified=True)  # public addresses need a verified e-mail
    return address


def wait_until(condition, timeout: float = 30.0, what: str = "the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"{what} did not come true in {timeout} s")


class Desk:
    """A computer signed in to the account at ``server``, its runtime running."""

    def __init__(self, folder, server: str, email: str, sign_in: bool = True) -> None:
        self.computer = Computer(folder)
        if sign_in:
            self.computer.sign_in(server, email)
        self.folder = DataFolder(self.computer.store)
        self.runtime = None

    @property
    def store(self):
        return self.computer.store

    def start(self):
        self.runtime = self.folder.runtime(
            RuntimeSettings(port=0, sync_interval=0.1), account=self.computer.account
        )
        self.runtime.relay.backoff_base = 0.05
        self.runtime.relay.backoff_cap = 1.0
        # Short long polls: one still waiting in the cloud when a test ends holds up its stop.
        self.runtime.relay.poll_wait = 2
        self.runtime.start()
        return self

    def stop(self) -> None:
        if self.runtime is not None:
            self.runtime.stop(grace=2)
            self.runtime = None

    def activate(self, flow) -> None:
        flow.status = FlowStatus.ACTIVE
        self.store.flows.save(flow)
        if self.runtime is not None:
            self.runtime.sync()

    def public_address(self, flow) -> str:
        trigger = flow.nodes[0].id
        return wait_until(
            lambda: self.runtime.relay.public_address(flow.id, trigger),
            what="the trigger's public address",
        )

    def finished(self, execution_id: str):
        def ended():
            try:
                run = self.store.executions.get(execution_id)
            except Exception:
                return None
            return run if run.status not in ("running", "waiting") else None

        return wait_until(ended, what=f"the run {execution_id}")


@pytest.fixture
def desks(tmp_path, relay, email):
    made: list[Desk] = []

    def make(name: str = "desk", server: str | None = None) -> Desk:
        desk = Desk(tmp_path / name, server or relay, email)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.stop()
        desk.computer.close()


def shopify_signature(body: bytes, secret: str = SHOPIFY_SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def hook_flow(name: str = "Orders", **params):
    return make_flow(
        [
            ("Webhook", "webhook.receive", {"path": name.lower(), **params}),
            (
                "Message",
                "core.set_fields",
                {"fields": [{"name": "text", "value": "Hello {{ trigger.body.name }}"}]},
            ),
            (
                "Reply",
                "webhook.respond",
                {"status": 201, "headers": {"X-Flow": "yes"}, "body": {"text": "{{ input.text }}"}},
            ),
        ],
        ["Webhook -> Message", "Message -> Reply"],
        name=name,
    )


def test_a_signed_shopify_order_sent_to_the_public_address_runs_here_and_messages_on_whatsapp(
    desks, httpserver
):
    desk = desks()
    connections = desk.folder.connections
    shop = connections.add(
        "shopify",
        "Shop",
        {
            "shop_domain": "layla-shop",
            "access_token": SHOPIFY_TOKEN,
            "webhook_secret": SHOPIFY_SECRET,
        },
    ).id
    with ContractServer(httpserver, CONTRACT) as meta:
        meta.respond("sendMessage", json=SENT)
        whatsapp = connections.add(
            "whatsapp",
            "Shop number",
            {
                "access_token": WHATSAPP_TOKEN,
                "phone_number_id": NUMBER_ID,
                "app_secret": APP_SECRET,
                "verify_token": VERIFY,
                "base_url": meta.url(),
            },
        ).id
        flow = make_flow(
            [
                ("New order", "shopify.new_order", {"connection": shop}),
                (
                    "Thank the customer",
                    "whatsapp.send_text",
                    {
                        "connection": whatsapp,
                        "to": "966501234567",
                        "text": "Thank you for order {{ trigger.name }}!",
                    },
                ),
            ],
            ["New order -> Thank the customer"],
            name="Thank customers",
        )
        desk.activate(flow)
        desk.start()
        address = desk.public_address(flow)
        assert address.startswith(desk.computer.account.server + "/hooks/")
        assert "127.0.0.1:" + str(desk.runtime.listener.port) not in address

        body = json.dumps(sample_order()).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Shopify-Topic": "orders/create",
            "X-Shopify-Shop-Domain": "layla-shop.myshopify.com",
            "X-Shopify-Hmac-Sha256": shopify_signature(body),
            "X-Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
        }
        accepted = httpx.post(address, content=body, headers=headers)
        assert accepted.status_code == 202
        # Shopify sends a delivery again when it missed an answer: the same delivery runs once.
        again = httpx.post(address, content=body, headers=headers)
        assert again.status_code == 202
        assert again.json()["event_id"] != accepted.json()["event_id"]

        def the_run():
            runs = desk.store.executions.summaries(flow_id=flow.id)
            return runs[0] if runs and runs[0].status not in ("running", "waiting") else None

        run = desk.store.executions.get(wait_until(the_run, what="the order's run").id)
        assert run.status == ExecutionStatus.SUCCESS, run.error
        assert run.mode == "webhook"
        wait_until(lambda: desk.runtime.relay.waiting == 0, what="both deliveries acknowledged")
        assert len(desk.store.executions.summaries(flow_id=flow.id)) == 1
        (call,) = meta.calls("sendMessage")  # the stand-in checked it against Meta's description
        sent = call.request.json
        assert sent["to"] == "966501234567"
        assert sent["text"]["body"] == f"Thank you for order {sample_order()['name']}!"

        # A forged request (the cloud can't tell: the secret is only here) is refused here.
        forged = httpx.post(
            address, content=body, headers={**headers, "X-Shopify-Hmac-Sha256": "bm90IGl0"}
        )
        assert forged.status_code == 202
        refused = desk.finished(forged.json()["event_id"])
        assert refused.status == ExecutionStatus.FAILED
        assert "Shopify: the request's signature doesn't match" in refused.error
        assert refused.trigger_data is None  # what a forger sent is not kept
        # Nor run later: a retry would run the flow on nothing (a WhatsApp message to no order).
        with pytest.raises(FlowinError, match="refused when it came in"):
            retry_execution(desk.store, desk.runtime.runner, refused.id)
        assert len(meta.calls("sendMessage")) == 1
        assert desk.runtime.relay.state == RelayState.CONNECTED
        wait_until(lambda: desk.runtime.relay.waiting == 0, what="no events waiting")


def test_handshakes_and_respond_when_done_are_answered_through_the_public_address(desks):
    desk = desks()
    whatsapp = desk.folder.connections.add(
        "whatsapp",
        "Shop number",
        {
            "access_token": WHATSAPP_TOKEN,
            "phone_number_id": NUMBER_ID,
            "app_secret": APP_SECRET,
            "verify_token": VERIFY,
        },
    ).id
    incoming = make_flow(
        [
            ("Message in", "whatsapp.incoming_message", {"connection": whatsapp}),
            ("Note", "core.set_fields", {"fields": [{"name": "n", "value": "1"}]}),
        ],
        ["Message in -> Note"],
        name="Incoming",
    )
    answering = hook_flow(respond="when_done")
    desk.activate(incoming)
    desk.activate(answering)
    desk.start()
    verify_at = desk.public_address(incoming)
    answer_at = desk.public_address(answering)
    # The cloud waits for this computer's answer only once it has heard from it over the
    # connection; a request before that is kept for later and answered 202 (a busy machine can
    # learn its addresses before the cloud hears from it). Meta's "Verify" is pressed again.

    def verified() -> httpx.Response | None:
        handshake = httpx.get(
            verify_at,
            params={
                "hub.mode": "subscribe",
                "hub.verify_token": VERIFY,
                "hub.challenge": "1158201444",
            },
            timeout=30,
        )
        return handshake if handshake.status_code != 202 else None

    handshake = wait_until(verified, what="the verification through the connection")
    assert (handshake.status_code, handshake.text) == (200, "1158201444")
    wrong = httpx.get(
        verify_at,
        params={"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"},
        timeout=30,
    )
    assert wrong.status_code == 403

    answered = httpx.post(answer_at + "/extra", json={"name": "Omar"}, timeout=30)
    assert answered.status_code == 201
    assert answered.headers["x-flow"] == "yes"
    assert answered.json() == {"text": "Hello Omar"}
    run = desk.store.executions.summaries(flow_id=answering.id)[0]
    detail = desk.store.executions.get(run.id)
    # The flow sees the request as on the local port (its path there), with the public URL.
    assert detail.trigger_data["path"] == desk.runtime.route("/webhook/orders").path + "/extra"
    assert detail.trigger_data["body"] == {"name": "Omar"}
    wait_until(lambda: desk.runtime.relay.waiting == 0, what="no events waiting")


def test_events_for_a_flow_paused_while_the_computer_was_off_are_acknowledged_and_shown_not_run(
    desks,
):
    desk = desks()
    flow = hook_flow()
    desk.activate(flow)
    desk.start()
    address = desk.public_address(flow)
    desk.stop()  # the computer is off; the cloud keeps what is sent meanwhile

    waiting = [httpx.post(address, json={"name": f"n{n}"}).json()["event_id"] for n in range(3)]
    flow.status = FlowStatus.PAUSED
    desk.store.flows.save(flow)
    desk.start()

    token = address.rstrip("/").rsplit("/", 1)[-1]
    for event_id in waiting:
        run = desk.finished(event_id)
        assert run.status == ExecutionStatus.CANCELLED
        assert run.error == FLOW_OFF_ERROR
        assert run.steps == []  # not run
        # The address's token is its secret: the history keeps what was sent, not the token.
        assert token not in json.dumps(run.trigger_data)
    wait_until(lambda: desk.runtime.relay.waiting == 0, what="the paused flow's events acked")
    # Paused, the flow has no public address: the cloud answers 404 there.
    wait_until(lambda: httpx.post(address, json={}).status_code == 404, what="the address off")


def test_the_relay_long_polls_when_a_proxy_refuses_websockets_and_runs_each_event_once(
    cloud, desks, email
):
    # A proxy in front of the cloud that refuses the WebSocket upgrade only.
    stand_in = RelayStandIn(cloud, refuse_websocket=True, own_relay=False).start()
    try:
        desk = desks("polling", server=stand_in.url)
        flow = hook_flow()
        desk.activate(flow)
        desk.start()
        address = desk.public_address(flow)
        wait_until(lambda: desk.runtime.relay.state == RelayState.POLLING, what="long polling")
        ids = [httpx.post(address, json={"name": f"n{n}"}).json()["event_id"] for n in range(5)]
        for event_id in ids:
            assert desk.finished(event_id).status == ExecutionStatus.SUCCESS
        wait_until(lambda: desk.runtime.relay.waiting == 0, what="every event acknowledged")
        assert stand_in.websocket_connections == 0
        runs = desk.store.executions.summaries(flow_id=flow.id, limit=100)
        assert sorted(run.id for run in runs) == sorted(ids)
        desk.stop()
    finally:
        stand_in.stop()


def test_an_event_delivered_twice_runs_once(cloud, desks):
    stand_in = RelayStandIn(cloud, repeat=True).start()
    try:
        desk = desks("twice", server=stand_in.url)
        flow = hook_flow()
        desk.activate(flow)
        desk.start()
        address = desk.public_address(flow)
        ids = [httpx.post(address, json={"name": f"n{n}"}).json()["event_id"] for n in range(20)]
        for event_id in ids:
            assert desk.finished(event_id).status == ExecutionStatus.SUCCESS
        wait_until(lambda: stand_in.waiting() == 0, what="every event acknowledged")
        # And once more after they ran (acknowledgements lost on the way): known, not run.
        stand_in.redeliver()
        wait_until(lambda: stand_in.waiting() == 0, what="the repeats acknowledged")
        runs = desk.store.executions.summaries(flow_id=flow.id, limit=100)
        assert sorted(run.id for run in runs) == sorted(ids)
        assert all(len(desk.store.executions.get(i).steps) == 3 for i in ids)
        desk.stop()
    finally:
        stand_in.stop()


def test_an_expired_access_token_is_refreshed_and_the_relay_connects(desks):
    desk = desks()
    flow = hook_flow()
    desk.activate(flow)
    account = desk.computer.account
    good = account._tokens()
    account._save_tokens(Tokens("expired-access-token", good.refresh))
    desk.start()
    address = desk.public_address(flow)
    accepted = httpx.post(address, json={"name": "Sara"})
    assert desk.finished(accepted.json()["event_id"]).status == ExecutionStatus.SUCCESS
    renewed = account._tokens()
    assert renewed.access != "expired-access-token"
    assert renewed.refresh != good.refresh  # the refresh's new pair is kept for next time


def test_a_computer_not_signed_in_has_no_relay_and_reads_no_secret(tmp_path, relay, email):
    desk = Desk(tmp_path / "alone", relay, email, sign_in=False)
    try:
        flow = hook_flow()
        desk.activate(flow)
        desk.start()
        wait_until(
            lambda: desk.runtime.relay.state == RelayState.SIGNED_OUT, what="signed out state"
        )
        assert desk.runtime.relay.addresses() == {}
        desk.computer.sign_in(relay, email)
        desk.runtime.relay.check_sign_in()
        desk.public_address(flow)
    finally:
        desk.stop()
        desk.computer.close()


def test_the_relay_comes_back_by_itself_after_the_cloud_restarts(cloud, desks):
    desk = desks()
    flow = hook_flow()
    desk.activate(flow)
    desk.start()
    address = desk.public_address(flow)
    cloud.stop()
    wait_until(lambda: desk.runtime.relay.state == RelayState.OFFLINE, what="the relay offline")
    assert desk.runtime.relay.problem  # a sentence the app can show
    cloud.start()
    accepted = httpx.post(address, json={"name": "Back"})
    assert accepted.status_code == 202
    assert desk.finished(accepted.json()["event_id"]).status == ExecutionStatus.SUCCESS
    assert desk.runtime.relay.state == RelayState.CONNECTED


def test_public_addresses_work_when_another_program_has_the_webhook_port(desks):
    desk = desks()
    flow = hook_flow()
    desk.activate(flow)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        desk.runtime = desk.folder.runtime(
            RuntimeSettings(port=taken.getsockname()[1], sync_interval=0.1),
            account=desk.computer.account,
        )
        desk.runtime.start()  # webhooks can't listen here; the relay runs on a loop of its own
        assert desk.runtime.listen_error
        accepted = httpx.post(desk.public_address(flow), json={"name": "Mona"})
        assert desk.finished(accepted.json()["event_id"]).status == ExecutionStatus.SUCCESS


def test_two_computers_of_one_account_each_keep_their_addresses_and_an_order_runs_on_one(desks):
    shop, office = desks("shop"), desks("office")
    orders, refunds = hook_flow("Orders"), hook_flow("Refunds")
    shop.activate(orders)
    office.activate(refunds)
    shop.start()
    orders_at = shop.public_address(orders)
    office.start()
    refunds_at = office.public_address(refunds)
    # The office computer's triggers leave the shop computer's address answering.
    assert httpx.post(orders_at, json={"name": "Layla"}, timeout=30).status_code == 202
    assert httpx.post(refunds_at, json={"name": "Sara"}, timeout=30).status_code == 202

    # The same flow switched on at both (flows follow the account): each order runs on one.
    office.activate(orders)
    assert office.public_address(orders) == orders_at
    assert httpx.post(orders_at, json={"name": "Omar"}, timeout=30).status_code == 202
    assert httpx.post(refunds_at, json={"name": "Huda"}, timeout=30).status_code == 202

    def runs(desk, flow):
        return desk.store.executions.summaries(flow_id=flow.id)

    def settled():
        everything = runs(shop, orders) + runs(office, orders) + runs(office, refunds)
        done = [run for run in everything if run.status not in ("running", "waiting")]
        return len(done) >= 4 and shop.runtime.relay.waiting == 0

    wait_until(settled, what="the four requests run")
    assert all(run.status == ExecutionStatus.SUCCESS for run in runs(shop, orders))
    assert len(runs(shop, orders)) + len(runs(office, orders)) == 2  # none ran twice
    assert len(runs(office, refunds)) == 2
    assert runs(shop, refunds) == []  # nothing "not run" where that flow was never on

    # While the office computer is off, what waits for it is not counted as waiting at the shop.
    office.stop()
    assert httpx.post(refunds_at, json={"name": "Nour"}, timeout=30).status_code == 202
    status = httpx.get(
        shop.computer.account.server + "/relay/status",
        headers=shop.runtime.relay._auth(),
        timeout=30,
    ).json()
    assert status["waiting"] == 0


def test_a_flow_switched_off_after_signing_out_and_in_again_gives_its_address_up(desks, email):
    desk = desks()
    orders, other = hook_flow("Orders"), hook_flow("Other")
    desk.activate(orders)
    desk.start()
    address = desk.public_address(orders)
    desk.stop()
    waited = httpx.post(address, json={"name": "Omar"}, timeout=30)  # while it was away
    assert waited.status_code == 202
    desk.computer.account.sign_out()  # a new sign-in is a new computer to the cloud
    desk.computer.sign_in(desk.computer.account.server, email)
    orders.status = FlowStatus.PAUSED
    desk.store.flows.save(orders)
    desk.activate(other)
    desk.start()
    desk.public_address(other)  # the new sign-in listed its triggers: Orders is not one
    assert httpx.post(address, json={"name": "Layla"}, timeout=30).status_code == 404
    not_run = desk.finished(waited.json()["event_id"])  # what waited is shown, not lost
    assert not_run.status == ExecutionStatus.CANCELLED and not_run.error == FLOW_OFF_ERROR
