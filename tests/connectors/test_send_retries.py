"""A step that sends a customer a message is made once, whatever the service answers.

One policy for every connector, declared per operation (the manifest's ``repeat_safe`` and the
kit's ``Service.send(sends=…)``): an operation that changes nothing (a GET) is tried again after
a 5xx or a lost answer; a send is tried again only when the request certainly did not reach the
service (no connection, or a 429 that asks to wait). Each case runs a whole flow through the
runner with three attempts allowed, against a real local server, and counts the requests it got.
"""

from __future__ import annotations

import threading

import pytest
from werkzeug import Request, Response

from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from tests.engine.builders import make_flow

SID = "AC" + "a" * 32
SENDS = {
    "whatsapp.send_text": (
        "whatsapp",
        {"access_token": "t", "phone_number_id": "1065", "app_secret": "s", "verify_token": "v"},
        {"to": "966501234567", "text": "Your order is on its way"},
        "WhatsApp",
    ),
    "whatsapp.send_media": (
        "whatsapp",
        {"access_token": "t", "phone_number_id": "1065", "app_secret": "s", "verify_token": "v"},
        {"to": "966501234567", "kind": "document", "link": "https://shop.example/1042.pdf"},
        "WhatsApp",
    ),
    "instagram_messenger.send_reply": (
        "instagram_messenger",
        {"page_access_token": "EAAG1", "app_secret": "s", "verify_token": "v"},
        {"recipient_id": "6944516352237981", "text": "Your order is on its way"},
        "Instagram & Messenger",
    ),
    "telegram.send_message": (
        "telegram",
        {"bot_token": "123:abc"},
        {"chat_id": "42", "text": "Your order is on its way"},
        "Telegram",
    ),
    "telegram.answer_button": (
        "telegram",
        {"bot_token": "123:abc"},
        {"callback_query_id": "4382bfdwdsb323b2d9", "text": "Thanks!"},
        "Telegram",
    ),
    "slack.post_message": (
        "slack",
        {"bot_token": "xoxb-1"},
        {"channel": "C012AB3CD", "text": "Order 1042 is on its way"},
        "Slack",
    ),
    "moyasar.create_invoice": (
        "moyasar",
        {"secret_key": "sk_test_1"},
        {"amount": "150.50", "description": "Order #1042"},
        "Moyasar",
    ),
    "tap.create_payment_link": (
        "tap",
        {"secret_key": "sk_test_1"},
        {
            "amount": "150.50",
            "first_name": "Layla",
            "email": "layla@example.com",
            "redirect_url": "https://shop.example/thanks",
        },
        "Tap",
    ),
    "paymob.create_payment_link": (
        "paymob",
        {
            "secret_key": "egy_sk_test_1",
            "public_key": "egy_pk_test_1",
            "integration_ids": "4097558",
        },
        {
            "amount": "150.50",
            "description": "Order #1042",
            "first_name": "Layla",
            "email": "layla@example.com",
            "phone": "+201012345678",
        },
        "Paymob",
    ),
    "shopify.create_customer": (
        "shopify",
        {"shop_domain": "layla-shop", "access_token": "shpat_1"},
        {"email": "layla@example.com", "first_name": "Layla"},
        "Shopify",
    ),
    "salla.update_order_status": (
        "salla",
        {"access_token": "t"},
        {"order_id": 1042, "status": "shipped"},
        "Salla",
    ),
    "salla.create_customer": (
        "salla",
        {"access_token": "t"},
        {"first_name": "Layla", "last_name": "Haddad", "mobile": "501234567"},
        "Salla",
    ),
    "zid.update_order_status": (
        "zid",
        {"authorization_token": "a", "manager_token": "m"},
        {"order_id": 1042, "status": "ready"},
        "Zid",
    ),
    "zid.create_customer": (
        "zid",
        {"authorization_token": "a", "manager_token": "m"},
        {"name": "Layla", "mobile": "+966501234567"},
        "Zid",
    ),
    "outlook.send_mail": (
        "outlook",
        {"client_id": "6731de76", "access_token": "eyJ0eXAi.t"},
        {"to": "layla@example.com", "subject": "Your order", "text": "On its way"},
        "Outlook",
    ),
    "twilio.send_sms": (
        "twilio",
        {"account_sid": SID, "auth_token": "f" * 32},
        {"to": "+966501234567", "from_number": "+14155552345", "body": "On its way"},
        "Twilio",
    ),
}


def run_once(connections, node_type: str, params: dict, timeout: float = 10):
    flow = make_flow(
        [("Start", "core.manual_trigger", {}), ("Step", node_type, params)],
        ["Start -> Step"],
        settings={"Step": {"retries": 3, "timeout": timeout}},
    )
    with Runner(default_registry(), connections=connections) as runner:
        return runner.run(flow, {})


def connect(connections, connector: str, secret: dict, server) -> str:
    return connections.add(
        connector, "Shop", {**secret, "base_url": server.url_for("/").rstrip("/")}
    ).id


@pytest.mark.parametrize("node_type", list(SENDS))
def test_a_send_answered_with_a_server_error_is_made_once(httpserver, connections, node_type):
    connector, secret, params, service = SENDS[node_type]
    httpserver.expect_request("").respond_with_json(
        {"error": {"code": 1, "message": "An unknown error occurred"}}, status=500
    )
    account = connect(connections, connector, secret, httpserver)
    result = run_once(connections, node_type, {"connection": account, **params})
    assert len(httpserver.log) == 1
    assert not result.ok
    assert result.error.startswith(f"{service} had a problem (500")
    assert "it may have been done, so Flowin didn't repeat it" in result.error


@pytest.mark.parametrize("node_type", list(SENDS))
def test_a_send_left_unanswered_is_made_once(httpserver, connections, node_type):
    connector, secret, params, service = SENDS[node_type]
    answered = threading.Event()
    received: list[str] = []

    def hang(request: Request) -> Response:
        received.append(request.path)
        answered.wait(5)  # the step gives up long before; the fixture's teardown frees it
        return Response("{}", status=200)

    httpserver.expect_request("").respond_with_handler(hang)
    account = connect(connections, connector, secret, httpserver)
    try:
        result = run_once(connections, node_type, {"connection": account, **params}, timeout=0.5)
    finally:
        answered.set()
    assert len(received) == 1 and not result.ok
    assert "may have been" in result.error and service in result.error


def test_a_send_refused_with_too_many_requests_is_sent_again_after_the_wait(
    httpserver, connections
):
    # A 429 says the service did not act on the request: sending it again sends it once.
    send = "/bot123:abc/sendMessage"
    httpserver.expect_ordered_request(send).respond_with_json(
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 0",
            "parameters": {"retry_after": 0},
        },
        status=429,
    )
    httpserver.expect_ordered_request(send).respond_with_json(
        {"ok": True, "result": {"message_id": 7, "chat": {"id": 42}, "date": 1, "text": "x"}}
    )
    account = connect(connections, "telegram", {"bot_token": "123:abc"}, httpserver)
    result = run_once(
        connections, "telegram.send_message", {"connection": account, "chat_id": "42", "text": "x"}
    )
    assert result.ok, result.error
    assert len(httpserver.log) == 2


def test_a_read_answered_with_a_server_error_is_tried_again(httpserver, connections):
    orders = "/admin/api/2026-07/orders/450789469.json"
    httpserver.expect_ordered_request(orders).respond_with_json({"errors": "Oops"}, status=503)
    httpserver.expect_ordered_request(orders).respond_with_json(
        {"order": {"id": 450789469, "name": "#1001", "line_items": []}}
    )
    store = connections.add(
        "shopify",
        "Shop",
        {
            "shop_domain": "layla-shop",
            "access_token": "shpat_1",
            "api_version": "2026-07",
            "base_url": httpserver.url_for("/").rstrip("/"),
        },
    ).id
    result = run_once(
        connections, "shopify.get_order", {"connection": store, "order_id": 450789469}
    )
    assert result.ok, result.error
    assert len(httpserver.log) == 2
