"""The product's first promise, end to end through the real runtime: "when a Shopify order
arrives, send the customer a WhatsApp message and add a row to my sheet".

Shopify signs and posts its orders/create webhook to Flowin's own listener on 127.0.0.1; the
WhatsApp Cloud API and Google Sheets are local servers that check every request against Meta's
OpenAPI document and Google's discovery document."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from pytest_httpserver import HTTPServer

from flowin_engine.data_folder import DataFolder
from flowin_engine.events import ExecutionStatus
from flowin_engine.model import FlowStatus
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.store import Store
from tests.connectors.google_contract import GoogleServer, GoogleTokenServer
from tests.connectors.test_shopify import SECRET, TOKEN, sample_order, signed
from tests.connectors.test_whatsapp import CONTRACT, NUMBER_ID, SENT
from tests.contracts.openapi_server import ContractServer
from tests.engine.builders import make_flow
from tests.engine.test_runtime import finished

SHEET = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms"
APPEND = "sheets.spreadsheets.values.append"


@pytest.fixture
def whatsapp(httpserver: HTTPServer) -> Iterator[ContractServer]:
    with ContractServer(httpserver, CONTRACT) as server:
        server.respond("sendMessage", json=SENT)
        yield server


@pytest.fixture
def sheets() -> Iterator[GoogleServer]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        with GoogleServer(server, "google/sheets.v4.json") as google:
            google.respond(APPEND, json={"updates": {"updatedRange": "Orders!A7:D7"}})
            yield google
    finally:
        server.clear()
        server.stop()


@pytest.fixture
def tokens() -> Iterator[GoogleTokenServer]:
    with GoogleTokenServer("client", "secret") as server:
        yield server


@pytest.fixture
def store(tmp_path, monkeypatch) -> Iterator[Store]:
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    with Store(tmp_path / "flowin.db") as opened:
        yield opened


def seed_flow(shop: str, whatsapp: str, google: str):
    return make_flow(
        [
            ("New order", "shopify.new_order", {"connection": shop}),
            (
                "Thank the customer",
                "whatsapp.send_template",
                {
                    "connection": whatsapp,
                    "to": "{{ trigger.phone }}",
                    "template": "order_confirmed",
                    "language": "en",
                    "body_parameters": ["{{ trigger.first_name }}", "{{ trigger.name }}"],
                },
            ),
            (
                "Add to my sheet",
                "google_sheets.append_row",
                {
                    "connection": google,
                    "spreadsheet_id": SHEET,
                    "sheet": "Orders",
                    "values": [
                        "{{ trigger.name }}",
                        "{{ trigger.email }}",
                        "{{ trigger.total_price }}",
                        "{{ steps['Thank the customer'].output.message_id }}",
                    ],
                },
            ),
        ],
        ["New order -> Thank the customer", "Thank the customer -> Add to my sheet"],
        name="Orders to WhatsApp and my sheet",
    )


def test_a_shopify_order_sends_a_whatsapp_message_and_adds_a_row(
    store: Store, whatsapp: ContractServer, sheets: GoogleServer, tokens: GoogleTokenServer
):
    folder = DataFolder(store)
    connections = folder.connections
    shop = connections.add(
        "shopify",
        "Shop",
        {"shop_domain": "layla-shop", "access_token": TOKEN, "webhook_secret": SECRET},
    ).id
    meta = connections.add(
        "whatsapp",
        "Business number",
        {
            "access_token": "EAAB-test-token",
            "phone_number_id": NUMBER_ID,
            "base_url": whatsapp.url(),
        },
    ).id
    google = connections.add(
        "google_sheets",
        "Layla",
        {
            "client_id": "client",
            "client_secret": "secret",
            "refresh_token": "1//refresh-token-of-layla",
            "token_url": tokens.token_url,
            "base_url": sheets.url,
        },
    ).id
    flow = seed_flow(shop, meta, google)
    flow.status = FlowStatus.ACTIVE
    store.flows.save(flow)
    order = sample_order()
    order["customer"]["phone"] = "+966501234567"
    body = json.dumps(order).encode()

    runtime = folder.runtime(RuntimeSettings(port=0, sync_interval=0.1))
    runtime.start()
    try:
        runtime.sync()
        url = runtime.address + runtime.webhook_path(flow.id, flow.nodes[0].id)
        headers = {
            "content-type": "application/json",
            "x-shopify-topic": "orders/create",
            "x-shopify-shop-domain": "layla-shop.myshopify.com",
        }
        forged = httpx.post(url, content=body, headers={**headers, "x-shopify-hmac-sha256": "x"})
        assert forged.status_code == 401
        reply = httpx.post(
            url, content=body, headers={**headers, "x-shopify-hmac-sha256": signed(body)}
        )
        assert reply.status_code == 202, reply.text
        detail = finished(store, reply.json()["execution_id"])
    finally:
        runtime.stop(grace=2)

    assert detail.status == ExecutionStatus.SUCCESS, detail.error
    (message,) = whatsapp.calls("sendMessage")
    sent = message.request.json
    assert sent["to"] == "966501234567" and sent["type"] == "template"
    parameters = sent["template"]["components"][0]["parameters"]
    assert [p["text"] for p in parameters] == [order["customer"]["first_name"], order["name"]]
    (row,) = sheets.calls(APPEND)
    assert row.body["values"] == [
        [order["name"], order["email"], order["total_price"], SENT["messages"][0]["id"]]
    ]
    assert (
        len(store.executions.summaries(flow_id=flow.id)) == 1
    )  # the forged request started nothing
