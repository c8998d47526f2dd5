"""Every shipped template, made into a flow from its examples, runs end to end through the real
runner against the local stand-ins of the services it uses.

The stand-ins are the connector tests' own: each checks every request against the vendor's
published description (tests/contracts) and refuses what the vendor would. One set of servers
serves the whole module; each template runs once, its trigger fed the template's sample data
(or the trigger's own example), in English or Arabic by turns.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, unquote_plus, urlencode

import pytest
from pytest_httpserver import HTTPServer

from flowin_engine.credentials import Connections
from flowin_engine.model import Flow
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.store import Store
from flowin_engine.templates import Template, TemplateLibrary, instantiate, needed_accounts
from flowin_engine.webhooks import WebhookRequest
from tests.connectors import (
    test_moyasar,
    test_notion,
    test_paymob,
    test_salla,
    test_slack,
    test_stripe,
    test_tap,
    test_telegram,
    test_twilio,
    test_whatsapp,
    test_woocommerce,
    test_zid,
)
from tests.connectors.google_contract import GoogleServer, GoogleTokenServer
from tests.connectors.test_email import PASSWORD, USER
from tests.connectors.test_google import CLIENT_ID, CLIENT_SECRET, oauth_secret
from tests.connectors.test_openai import completion
from tests.connectors.test_shopify import SECRET as SHOPIFY_SECRET
from tests.connectors.test_shopify import TOKEN as SHOPIFY_TOKEN
from tests.connectors.test_shopify import ShopifyAdmin, sample_order
from tests.connectors.test_twilio import created
from tests.contracts.openapi_server import ContractServer, load_contract
from tests.smtp_server import Mailbox, start_smtp

SHIPPED = TemplateLibrary(private_folder=Path("/nonexistent-flowin-templates")).load()
SHEETS_GET = "sheets.spreadsheets.values.get"
SHEETS_APPEND = "sheets.spreadsheets.values.append"
SHEETS_UPDATE = "sheets.spreadsheets.values.update"
# The services a step of these connectors calls, by connector id (the others run inside Flowin).
CALLS_OUT = {
    "whatsapp", "telegram", "slack", "notion", "openai", "stripe", "twilio", "shopify",
    "google_sheets", "gmail", "email",
}  # fmt: skip
# What each template's sheet holds, for the templates that read one (header row first).
SHEET_ROWS: dict[str, list[list[str]]] = {
    "freelance-invoice-reminders": [
        ["Invoice", "Client", "Email", "Amount", "Due date", "Status"],
        ["INV-031", "Hala Design", "hala@example.com", "4,500 SAR", "2026-11-20", "Unpaid"],
        ["INV-032", "Nile Bakery", "orders@nilebakery.example", "3,200 EGP", "2026-11-25", "Paid"],
        ["INV-033", "Omar Trading", "omar@example.com", "1,800 AED", "2026-11-28", "Unpaid"],
    ],
    "clinic-same-day-appointment-sms": [  # the schedule's example fires on 2026-11-30
        ["Name", "Phone", "Date", "Time", "Doctor"],
        ["Layla Haddad", "+966501234567", "2026-11-30", "10:30", "Dr. Sami"],
        ["Omar Khaled", "+201001234567", "2026-12-01", "11:00", "Dr. Sami"],
        ["Sara Ahmed", "+971501234567", "2026-11-30", "16:00", "Dr. Rania"],
    ],
    "kitchen-low-stock-telegram": [
        ["Item", "Quantity", "Unit", "Supplier", "Status"],
        ["Espresso beans", "2", "kg", "Roastery Co.", "Low"],
        ["Oat milk", "30", "l", "Almarai", "OK"],
        ["Paper cups 12 oz", "150", "cups", "PackPro", "Low"],
    ],
    "overdue-tasks-telegram-alert": [
        ["Task", "Owner", "Due date", "Status"],
        ["Ramadan campaign visuals", "Mariam", "2026-11-28", "Overdue"],
        ["Supplier contract renewal", "Hassan", "2026-12-20", "In progress"],
    ],
}
# What Stripe lists, for the templates that go through payments: one that succeeded, one that
# failed without an e-mail, one that failed with one (items the loop passes over come first:
# the items after them must still run once each).
STRIPE_PAYMENTS = {
    "stripe-failed-payment-follow-up": [
        test_stripe.intent(3),
        test_stripe.intent(2, status="requires_payment_method", receipt_email=None),
        test_stripe.intent(1, status="requires_payment_method", receipt_email="layla@example.com"),
    ],
}
# The templates that send once per matching row: how many messages their sample makes.
SENDS = {
    "freelance-invoice-reminders": ("gmail", "/messages/send", 2),
    "clinic-same-day-appointment-sms": ("twilio", "/Messages.json", 2),
    "clinic-calendar-appointment-reminder-sms": ("twilio", "/Messages.json", 1),
    "stripe-failed-payment-follow-up": ("telegram", "/sendMessage", 1),
}
# What the AI answers, for the templates that ask it for JSON.
AI_ANSWERS = {
    "ai-sort-customer-emails": {"kind": "complaint", "summary": "The order arrived damaged."},
}
# The type of each Notion property a template fills (Name is the title; others are text).
NOTION_TYPES = {"Email": "email", "Amount": "number", "Date": "date", "Status": "select"}


@dataclass
class StandIns:
    accounts: dict[str, str]
    runner: Runner
    mailbox: Mailbox
    contract_servers: dict[str, ContractServer] = field(default_factory=dict)
    google: dict[str, GoogleServer] = field(default_factory=dict)
    shopify: ShopifyAdmin | None = None

    def requests(self) -> dict[str, list[str]]:
        """What each service was sent so far, each request's query and body as text."""
        sent = {
            name: [_text(call.request) for call in server.calls_made]
            for name, server in [*self.contract_servers.items(), *self.google.items()]
        }
        assert self.shopify is not None
        sent["shopify"] = [_text(request) for _, request in self.shopify.calls]
        sent["email"] = [envelope.content.decode() for envelope in self.mailbox.envelopes]
        return sent

    def requests_since(self, before: dict[str, list[str]]) -> list[tuple[str, str]]:
        return [
            (service, text)
            for service, texts in self.requests().items()
            for text in texts[len(before[service]) :]
        ]

    def assert_nothing_refused(self) -> None:
        """Fail on anything a stand-in refused since the last check, then forget it: one
        template's mistake is not reported again for every template after it."""
        servers = [*self.contract_servers.values(), *self.google.values()]
        assert self.shopify is not None
        try:
            for server in servers:
                server.assert_valid()
            assert not self.shopify.rejected, self.shopify.rejected
        finally:
            for server in servers:
                server.rejected.clear()
                if isinstance(server, ContractServer):
                    server.response_errors.clear()
            self.shopify.rejected.clear()


def _text(request: Any) -> str:
    body = request.get_data(as_text=True)
    if request.mimetype == "application/x-www-form-urlencoded":
        body = unquote_plus(body)
    return unquote(request.full_path) + " " + body


@pytest.fixture(scope="module")
def stand_ins(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StandIns]:
    with ExitStack() as stack, pytest.MonkeyPatch.context() as patch:
        patch.setenv("FLOWIN_SECRETS", "file")
        store = stack.enter_context(Store(tmp_path_factory.mktemp("templates") / "flowin.db"))
        connections = Connections(store)

        def server() -> HTTPServer:
            started = HTTPServer(host="127.0.0.1", port=0)
            started.start()
            stack.callback(started.stop)
            return started

        def contract(name: str, document: Any) -> ContractServer:
            served = stack.enter_context(ContractServer(server(), document))
            found.contract_servers[name] = served
            return served

        mailbox = Mailbox()
        smtp = start_smtp(mailbox, USER, PASSWORD, auth_require_tls=False)
        stack.callback(smtp.stop)
        runner = stack.enter_context(Runner(default_registry(), connections=connections))
        found = StandIns({}, runner, mailbox)

        whatsapp = contract("whatsapp", test_whatsapp.CONTRACT)
        whatsapp.respond("sendMessage", json=test_whatsapp.SENT)
        telegram = contract("telegram", "telegram/openapi.json")
        for method in ("/sendMessage", "/sendPhoto", "/sendDocument"):
            telegram.respond(method, json=test_telegram.sent())
        slack = contract("slack", "slack/slack_web_openapi_v2.json")
        slack.respond("chat_postMessage", json=test_slack.POSTED)
        notion = contract("notion", load_contract("notion/notion-openapi.json"))
        test_notion.database_found(notion)
        notion.respond("post-page", json=test_notion.page())
        openai = contract("openai", load_contract("openai/openapi.yaml"))
        stripe = contract("stripe", test_stripe.CONTRACT)
        stripe.respond("PostCustomers", json=test_stripe.customer(id=test_stripe.CUSTOMER_ID))
        twilio = contract("twilio", "twilio/twilio_api_v2010.json")
        twilio.respond("CreateMessage", json=created(), status=201)
        tokens = stack.enter_context(GoogleTokenServer(CLIENT_ID, CLIENT_SECRET))
        for name, document in (
            ("google_sheets", "google/sheets.v4.json"),
            ("gmail", "google/gmail.v1.json"),
            ("google_calendar", "google/calendar.v3.json"),
        ):
            found.google[name] = stack.enter_context(GoogleServer(server(), document))
        found.google["gmail"].respond(
            "gmail.users.getProfile",
            json={"emailAddress": "layla@example.com", "messagesTotal": 10, "historyId": "1"},
        )
        found.google["gmail"].respond(
            "gmail.users.messages.send",
            json={"id": "18c2", "threadId": "18c2", "labelIds": ["SENT"]},
        )
        found.google["google_sheets"].respond(
            SHEETS_APPEND,
            json={
                "spreadsheetId": "x",
                "updates": {"updatedRange": "Sheet1!A13:E13", "updatedRows": 1},
            },
        )
        found.shopify = ShopifyAdmin(server())
        found.shopify.respond(
            "orders", {"orders": [_shopify_order(1042, "120.00"), _shopify_order(1043, "75.50")]}
        )

        add = connections.add
        found.accounts = {
            "whatsapp": add("whatsapp", "Shop number", {"access_token": test_whatsapp.TOKEN, "phone_number_id": test_whatsapp.NUMBER_ID, "base_url": whatsapp.url()}).id,
            "telegram": add("telegram", "Shop bot", {"bot_token": test_telegram.TOKEN, "base_url": telegram.url()}).id,
            "slack": add("slack", "Workspace", {"bot_token": test_slack.TOKEN, "base_url": slack.url("/api")}).id,
            "notion": add("notion", "Workspace", {"token": test_notion.TOKEN, "base_url": notion.url()}).id,
            "openai": add("openai", "AI", {"api_key": "sk-test-0123456789", "base_url": openai.url("/v1"), "default_model": "llama3.2"}).id,
            "stripe": add("stripe", "Shop", test_stripe.secret(stripe)).id,
            "twilio": add("twilio", "Clinic", {"account_sid": test_twilio.SID, "auth_token": test_twilio.TOKEN, "base_url": twilio.url()}).id,
            "google_sheets": add("google_sheets", "Layla", oauth_secret(tokens, found.google["google_sheets"].url)).id,
            "gmail": add("gmail", "Layla", oauth_secret(tokens, found.google["gmail"].url)).id,
            "google_calendar": add("google_calendar", "Clinic", oauth_secret(tokens, found.google["google_calendar"].url)).id,
            "email": add("email", "Shop mail", {"host": "127.0.0.1", "port": smtp.port, "security": "none", "username": USER, "password": PASSWORD, "from_name": "Layla's Shop"}).id,
            # Their templates only receive payments: nothing is served at these addresses.
            "moyasar": add("moyasar", "Shop", {"secret_key": test_moyasar.KEY, "webhook_secret": test_moyasar.TOKEN, "base_url": "http://127.0.0.1:9"}).id,
            "paymob": add("paymob", "Shop", {"secret_key": test_paymob.SECRET_KEY, "public_key": test_paymob.PUBLIC_KEY, "integration_ids": "4097558", "hmac_secret": test_paymob.HMAC_SECRET, "api_key": test_paymob.API_KEY, "base_url": "http://127.0.0.1:9"}).id,
            "salla": add("salla", "Shop", test_salla.store_secret(base_url="http://127.0.0.1:9")).id,
            "woocommerce": add("woocommerce", "Shop", test_woocommerce.store_secret("http://127.0.0.1:9")).id,
            "zid": add("zid", "Shop", test_zid.store_secret(base_url="http://127.0.0.1:9")).id,
            "tap": add("tap", "Shop", {"secret_key": test_tap.KEY, "base_url": "http://127.0.0.1:9"}).id,
            # Its template only checks a board for overdue cards: the trigger is fed its example.
            "trello": add("trello", "Team board", {"key": "k" * 32, "token": "t" * 64, "base_url": "http://127.0.0.1:9"}).id,
            "shopify": add("shopify", "Layla's shop", {"shop_domain": "layla-shop.myshopify.com", "access_token": SHOPIFY_TOKEN, "webhook_secret": SHOPIFY_SECRET, "base_url": found.shopify.url}).id,
        }  # fmt: skip
        yield found


def _shopify_order(number: int, total: str) -> dict[str, Any]:
    return {
        "id": 5823400000 + number,
        "name": f"#{number}",
        "order_number": number,
        "email": "layla@example.com",
        "total_price": total,
        "currency": "SAR",
        "financial_status": "paid",
        "customer": {"first_name": "Layla", "last_name": "Haddad", "phone": "+966501234567"},
        "line_items": [{"title": "Olive soap", "quantity": 2, "price": "60.00"}],
    }


def examples(template: Template) -> dict[str, str]:
    return {blank.key: blank.example for blank in template.blanks if blank.example}


def _delivered(body: dict[str, Any], **headers: str) -> dict[str, Any]:
    """A webhook's trigger data, as the listener hands over a request the vendor sent."""
    if headers.get("content-type") == "application/x-www-form-urlencoded":
        raw = urlencode(body).encode()
    else:
        raw = json.dumps(body).encode()
        headers = {"content-type": "application/json", **headers}
    url = "https://hooks.example/webhook/t"
    return WebhookRequest("POST", "/webhook/t", url, headers, {}, raw).as_trigger_data()


def _shopify_order_delivered() -> dict[str, Any]:
    order = sample_order()
    order["customer"]["phone"] = "+966501234567"
    order["total_price"] = "1450.00"  # over the big-order alert's example threshold
    return _delivered(order, **{"x-shopify-shop-domain": "layla-shop.myshopify.com"})


def _raw(body: bytes) -> dict[str, Any]:
    headers = {"content-type": "application/json"}
    url = "https://hooks.example/webhook/t"
    return WebhookRequest("POST", "/webhook/t", url, headers, {}, body).as_trigger_data()


SALLA_CART = {
    "id": 90817263,
    "total": {"amount": 180, "currency": "SAR"},
    "age_in_minutes": 60,
    "checkout_url": "https://layla-perfumes.com/cart/checkout/90817263",
    "customer": {"name": "Layla", "mobile": "+966501234567", "email": "layla@example.com"},
    "items": [{"name": "Oud perfume", "quantity": 1}],
}


def _moyasar_declined() -> dict[str, Any]:
    declined = test_moyasar.event("payment_failed", status="failed")
    declined["data"]["source"]["message"] = "INSUFFICIENT_FUNDS"
    return _delivered(declined)


# What each vendor's webhook delivers, from the connector tests' checked samples.
DELIVERED = {
    "shopify.new_order": _shopify_order_delivered,
    "stripe.payment_succeeded": lambda: _delivered(test_stripe.succeeded_event()),
    "stripe.invoice_paid": lambda: _delivered(test_stripe.invoice_event()),
    "stripe.new_customer": lambda: _delivered(test_stripe.customer_event()),
    "whatsapp.incoming_message": lambda: _delivered(test_whatsapp.INCOMING),
    "slack.new_message": lambda: _delivered(test_slack.MESSAGE_EVENT),
    "tap.charge_captured": lambda: _delivered(test_tap.charge()),
    "moyasar.payment_paid": lambda: _delivered(test_moyasar.event()),
    "moyasar.payment_failed": _moyasar_declined,
    "salla.new_order": lambda: _raw(test_salla.event("order.created", test_salla.salla_order())),
    "salla.abandoned_cart": lambda: _raw(test_salla.event("abandoned.cart", SALLA_CART)),
    "woocommerce.order_created": lambda: _delivered(test_woocommerce.docs_order()),
    "zid.order_status_changed": lambda: _delivered(
        test_zid.zid_order(order_status={"name": "جاري التوصيل", "code": "indelivery"})
    ),
    "paymob.payment_succeeded": lambda: _delivered(test_paymob.callback()),
    "paymob.payment_declined": lambda: _delivered(
        test_paymob.callback(
            success=False, data={"message": "Do not honour", "txn_response_code": "05"}
        )
    ),
    "twilio.incoming_sms": lambda: _delivered(
        {**test_twilio.INCOMING, "Body": "Can I move my appointment to Thursday?"},
        **{"content-type": "application/x-www-form-urlencoded"},
    ),
}


def trigger_data(template: Template) -> Any:
    """The template's own sample; else what the vendor's webhook delivers; else the trigger's
    example (a schedule's time, a polled e-mail, row or message)."""
    if template.sample is not None:
        return copy.deepcopy(template.sample)
    registry = default_registry()
    (trigger,) = [n for n in template.flow.nodes if registry.get(n.type).is_trigger]
    if trigger.type in DELIVERED:
        return DELIVERED[trigger.type]()
    return copy.deepcopy(registry.get(trigger.type).manifest.output_example)


def script(template: Template, flow: Flow, stand_ins: StandIns) -> None:
    """The answers this template's reads need: its sheet's rows or columns, its Notion
    database's properties."""
    sheets = stand_ins.google["google_sheets"]
    if any(node.type == "stripe.list_payments" for node in flow.nodes):
        listed = STRIPE_PAYMENTS.get(template.id, [test_stripe.intent(1)])
        stand_ins.contract_servers["stripe"].respond(
            "GetPaymentIntents", json=test_stripe.page(*listed)
        )
    if any(node.connector == "openai" for node in flow.nodes):
        answer = AI_ANSWERS.get(template.id, "Shukran!")
        text = answer if isinstance(answer, str) else json.dumps(answer)
        stand_ins.contract_servers["openai"].respond("createChatCompletion", json=completion(text))
    for node in flow.nodes:
        if node.type == "google_sheets.read_rows":
            rows = SHEET_ROWS[template.id]
            sheets.respond(SHEETS_GET, json={"range": "Sheet1!A1:Z99", "values": rows})
        elif node.type == "google_sheets.append_row" and isinstance(node.params["values"], dict):
            header = list(node.params["values"])
            sheets.respond(SHEETS_GET, json={"range": "Sheet1!A1:Z1", "values": [header]})
        elif node.type == "notion.create_page":
            properties = {
                name: {"id": name[:4], "type": kind, kind: {}}
                for name in node.params["properties"]
                for kind in ["title" if name == "Name" else NOTION_TYPES.get(name, "rich_text")]
            }
            schema = {"object": "data_source", "id": test_notion.SOURCE, "properties": properties}
            stand_ins.contract_servers["notion"].respond("retrieve-a-data-source", json=schema)


def _inside_loops(flow: Flow) -> set[str]:
    """The steps a loop runs once per item (the run's outputs hold the loop's results)."""
    inside: set[str] = set()
    todo = [e.target for e in flow.edges if e.source_port == "item"]
    while todo:
        node = flow.node(todo.pop())
        if node.name not in inside:
            inside.add(node.name)
            todo += [e.target for e in flow.edges if e.source == node.id]
    return inside


def _service_steps(flow: Flow) -> list[str]:
    registry = default_registry()
    return [
        node.name
        for node in flow.nodes
        if node.connector in CALLS_OUT and not registry.get(node.type).is_trigger
    ]


@pytest.mark.parametrize("template", SHIPPED, ids=lambda t: t.id)
def test_a_shipped_template_runs_end_to_end_against_the_services_stand_ins(
    template: Template, stand_ins: StandIns
):
    accounts = {
        need.connector: stand_ins.accounts[need.connector] for need in needed_accounts(template)
    }
    for language in ("en", "ar"):  # the messages a user leaves alone differ by language
        flow = instantiate(template, examples(template), accounts, language=language)
        script(template, flow, stand_ins)
        before = stand_ins.requests()

        result = stand_ins.runner.run(flow, trigger_data(template))

        stand_ins.assert_nothing_refused()
        assert result.ok, f"{language}: {result.error}"
        sent = stand_ins.requests_since(before)
        called = {service for service, _ in sent}
        in_loops = _inside_loops(flow)
        for name in _service_steps(flow):
            ran = name in result.outputs or name in in_loops  # SENDS counts what loops sent
            assert ran, f"'{name}' did not run with the sample data"
            assert flow.node_by_name(name).connector in called, f"'{name}' called nothing"
        if template.id in SENDS:
            service, path, count = SENDS[template.id]
            assert len([text for s, text in sent if s == service and path in text]) == count
        for service, text in sent:
            unfilled = re.search(r"\{\{|\{%|\[\[[a-z_]+\]\]", text)
            assert not unfilled, f"{service} got an unfilled value: {text}"
        json.dumps(result.outputs, default=str)  # what the run gave can be shown and stored
