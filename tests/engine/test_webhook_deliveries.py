"""A vendor that delivers the same webhook again (its retry after a lost answer) starts one run.

Each trigger declares where its vendor puts the delivery's id (``delivery_id`` in the manifest:
Shopify's X-Shopify-Webhook-Id header, Stripe's event id, Slack's event_id, WhatsApp's message
id, Twilio's MessageSid); the listener answers a delivery it has already taken with the same 2xx
and starts nothing. Deliveries go to the engine's own listener on 127.0.0.1, signed as Shopify
signs them, and the runs are counted in the history.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import httpx
import pytest

from flowin_engine.data_folder import DataFolder
from flowin_engine.events import ExecutionStarted
from flowin_engine.model import FlowStatus
from flowin_engine.registry import default_registry
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.runtime._listener import _accept
from flowin_engine.store import Store
from flowin_engine.webhooks import WebhookRequest, delivery_id
from tests.connectors.test_shopify import SECRET, TOKEN, sample_order, signed
from tests.engine.builders import make_flow
from tests.engine.test_runtime import finished, wait_for


@pytest.fixture
def store(tmp_path, monkeypatch) -> Iterator[Store]:
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    with Store(tmp_path / "flowin.db") as opened:
        yield opened


@pytest.mark.parametrize("then", ["core.set_fields", "core.delay"])
def test_the_same_signed_shopify_delivery_sent_twice_starts_one_run(store, then):
    folder, flow, body, headers = _shopify_orders(
        store, then, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"
    )
    runtime = folder.runtime(RuntimeSettings(port=0, sync_interval=0.1))
    runtime.start()
    try:
        runtime.sync()
        url = runtime.address + runtime.webhook_path(flow.id, flow.nodes[0].id)
        first = httpx.post(url, content=body, headers=headers)
        assert first.status_code == 202, first.text
        finished(store, first.json()["execution_id"])
        again = httpx.post(url, content=body, headers=headers)
        other = httpx.post(
            url, content=body, headers={**headers, "x-shopify-webhook-id": "another-delivery"}
        )
        assert other.status_code == 202
        finished(store, other.json()["execution_id"])
    finally:
        runtime.stop(grace=2)
    assert (again.status_code, again.json()) == (202, first.json())
    wait_for(lambda: len(store.executions.summaries(flow_id=flow.id)) == 2)
    runs = {run.id for run in store.executions.summaries(flow_id=flow.id)}
    assert runs == {first.json()["execution_id"], other.json()["execution_id"]}


@pytest.mark.parametrize("then", ["core.set_fields", "core.delay"])
def test_copies_of_one_delivery_arriving_at_once_start_one_run(store, then):
    """A vendor's retry can cross its first attempt (and a copy can come through the relay at the
    same moment): while one copy is being looked up in the history, the others must find it
    taken. Twelve copies at once, the runs' starts counted as the app hears of them."""
    folder, flow, body, headers = _shopify_orders(
        store, then, "0c6f3e1a-7d2b-4f8e-9a51-3b6d2c8e4f10"
    )
    runtime, started = _started_counting(folder)
    try:
        runtime.sync()
        url = runtime.address + runtime.webhook_path(flow.id, flow.nodes[0].id)
        with ThreadPoolExecutor(12) as pool:
            replies = list(
                pool.map(lambda _: httpx.post(url, content=body, headers=headers), range(12))
            )
        assert {(r.status_code, r.text) for r in replies} == {(202, replies[0].text)}
        run_id = replies[0].json()["execution_id"]
        finished(store, run_id)
        # Events start in the order they were taken: once a later one has run, a copy handed
        # on to run would have started before it.
        later = runtime.submit(flow.id, "webhook", {"order": 1043}).id
        finished(store, later)
        runtime.runner.events.flush()
    finally:
        runtime.stop(grace=2)
    assert started == [run_id, later]


@pytest.mark.parametrize("delivered", [False, True], ids=["relayed", "vendor-delivery"])
@pytest.mark.parametrize("then", ["core.set_fields", "core.delay"])
def test_a_delivery_another_process_took_meanwhile_is_not_run_here_too(store, then, delivered):
    """Two processes of ``flowin serve --processes N`` share the database: both may find a
    delivery new in the history, then write it; the first write is kept, and the second, a
    repeat, must not run (nor be recorded). Here the history check is passed by, as when the
    other process's write comes between it and this one's, and the same delivery is taken
    twice: an event the relay numbered goes through the inbox, a vendor's delivery of a flow
    that runs inline is run first and its run's row is the record."""
    folder = DataFolder(store)
    flow = make_flow(
        [
            ("Hook", "webhook.receive", {"path": "orders"}),
            ("Then", then, _THEN[then]),
        ],
        ["Hook -> Then"],
    )
    flow.status = FlowStatus.ACTIVE
    store.flows.save(flow)
    runtime, started = _started_counting(folder)
    try:
        runtime.sync()
        route = runtime.active_trigger(flow.id, flow.nodes[0].id)
        incoming = request(b'{"order": 1042}')
        run_id = "d" * 32
        for _ in range(2):
            taken = asyncio.run_coroutine_threadsafe(
                _accept(runtime, route, incoming, run_id, delivered), runtime.listener.loop
            ).result(timeout=30)
            assert (taken.status, taken.body) == (202, {"execution_id": run_id})
        finished(store, run_id)
        runtime.submit(flow.id, "webhook", {"order": 1042}, event_id=run_id)  # and once more
        # Events start in the order they were taken: once a later one has run, a repeat
        # handed on to run would have started before it.
        later = runtime.submit(flow.id, "webhook", {"order": 1043}).id
        finished(store, later)
        runtime.runner.events.flush()
    finally:
        runtime.stop(grace=2)
    assert started == [run_id, later]
    assert [s.id for s in store.executions.summaries()] == [later, run_id]


_THEN = {
    "core.set_fields": {"fields": [{"name": "run", "value": "{{ execution_id }}"}]},
    "core.delay": {"mode": "duration", "amount": 0, "unit": "seconds"},
}


def _started_counting(folder: DataFolder):
    """A started runtime of ``folder``, and the ids of the runs it starts, in the order the app
    hears of them."""
    started: list[str] = []
    runtime = folder.runtime(RuntimeSettings(port=0, sync_interval=0.1))
    runtime.runner.events.subscribe(
        lambda events: started.extend(
            e.execution_id for e in events if isinstance(e, ExecutionStarted)
        )
    )
    runtime.start()
    return runtime, started


def _shopify_orders(store: Store, then: str, delivery: str):
    """A switched-on flow started by Shopify orders, then a Set step (run on the listener's own
    thread) or a Delay (run in the pool), and one signed order with delivery id ``delivery``:
    the data folder, the flow, the body and the headers."""
    folder = DataFolder(store)
    shop = folder.connections.add(
        "shopify",
        "Shop",
        {"shop_domain": "layla-shop", "access_token": TOKEN, "webhook_secret": SECRET},
    ).id
    flow = make_flow(
        [("New order", "shopify.new_order", {"connection": shop}), ("Then", then, _THEN[then])],
        ["New order -> Then"],
    )
    flow.status = FlowStatus.ACTIVE
    store.flows.save(flow)
    body = json.dumps(sample_order()).encode()
    headers = {
        "content-type": "application/json",
        "x-shopify-topic": "orders/create",
        "x-shopify-shop-domain": "layla-shop.myshopify.com",
        "x-shopify-hmac-sha256": signed(body),
        "x-shopify-webhook-id": delivery,
    }
    return folder, flow, body, headers


def request(body: bytes, content_type: str = "application/json", **headers: str):
    return WebhookRequest(
        method="POST",
        path="/webhook/x",
        url="https://flowin.example/webhook/x",
        headers={"content-type": content_type, **headers},
        query={},
        body=body,
    )


def declared(node_type: str) -> str | None:
    return default_registry().get(node_type).manifest.delivery_id


def test_each_vendor_trigger_names_where_its_delivery_id_is():
    shopify = request(b"{}", **{"x-shopify-webhook-id": "b54557e4"})
    assert delivery_id(shopify, declared("shopify.new_order")) == "b54557e4"
    stripe = request(json.dumps({"id": "evt_1NG8Du2eZvKYlo2CUI79vXWy", "object": "event"}).encode())
    for trigger in ("payment_succeeded", "invoice_paid", "new_customer"):
        assert delivery_id(stripe, declared(f"stripe.{trigger}")) == "evt_1NG8Du2eZvKYlo2CUI79vXWy"
    slack = request(json.dumps({"type": "event_callback", "event_id": "Ev0PV52K25"}).encode())
    assert delivery_id(slack, declared("slack.new_message")) == "Ev0PV52K25"
    whatsapp = request(
        json.dumps(
            {"entry": [{"changes": [{"value": {"messages": [{"id": "wamid.HBgL"}]}}]}]}
        ).encode()
    )
    assert delivery_id(whatsapp, declared("whatsapp.incoming_message")) == "wamid.HBgL"
    # Each status of a message carries the message's id: sent, then delivered, are two deliveries.
    statuses = [
        request(
            json.dumps(
                {
                    "entry": [
                        {"changes": [{"value": {"statuses": [{"id": "wamid.HBgL", "status": s}]}}]}
                    ]
                }
            ).encode()
        )
        for s in ("sent", "delivered")
    ]
    where = declared("whatsapp.message_status")
    assert [delivery_id(r, where) for r in statuses] == ["wamid.HBgL sent", "wamid.HBgL delivered"]
    sms = request(
        urlencode({"MessageSid": "SM" + "c" * 32, "Body": "STOP"}).encode(),
        "application/x-www-form-urlencoded",
    )
    assert delivery_id(sms, declared("twilio.incoming_sms")) == "SM" + "c" * 32
    woo = request(b"{}", **{"x-wc-webhook-delivery-id": "4121"})
    for trigger in ("order_created", "order_updated", "new_customer"):
        assert delivery_id(woo, declared(f"woocommerce.{trigger}")) == "4121"
    # Salla and Zid give a delivery no id but send it again byte for byte: its digest is one.
    event = json.dumps({"event": "order.created", "data": {"id": 1}}).encode()
    for connector in ("salla", "zid"):
        for trigger in ("new_order", "order_status_changed", "new_customer", "abandoned_cart"):
            where = declared(f"{connector}.{trigger}")
            assert delivery_id(request(event), where) == delivery_id(request(event), where)
            assert delivery_id(request(event), where) != delivery_id(request(event + b" "), where)
            assert delivery_id(request(b""), where) is None
    # A delivery without the id (a test sent by hand) is taken as new each time.
    assert delivery_id(request(b"{}"), declared("shopify.new_order")) is None
    assert declared("webhook.receive") is None
