"""WooCommerce against a local store whose REST API (wc/v3) validates each call with the
description generated from WooCommerce's route schemas (tests/contracts/vendor/woocommerce,
community, corrected), and WooCommerce's signed webhooks as its official docs describe them.

The order used throughout is the "Retrieve an order" example of the official docs
(wp-api-v3_orders.md, kept beside the description); a webhook carries that same JSON, so it is
checked against the description's ``shop_order`` schema too. Where the generated description
and the official example disagree, the example is WooCommerce's word and the description is
corrected in memory (``ORDER_AS_DOCUMENTED``): ``version`` is text ("3.0.0"), the completion
dates are null until the order is completed, and a tax line's ``rate_id`` is a number; and the
date filters' ``format: string``, which no validator knows, is left out.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import httpx
import pytest

from flowin_engine.credentials import Connections
from flowin_engine.errors import AccountRejected, RetryableError, StepError
from flowin_engine.registry import default_registry
from flowin_engine.store import Store
from flowin_engine.webhooks import WebhookRejected, WebhookReply
from tests.connectors.connector_runs import gate, run, webhook
from tests.connectors.webhook_delivery import runs_for_deliveries
from tests.contracts.openapi_server import (
    Contract,
    ContractServer,
    contract_file,
    load_contract,
    schema_errors,
)

CONTRACT = "woocommerce/woocommerce-openapi-3.0.x.corrected.yml"
KEY = "ck_0123456789abcdef0123456789abcdef01234567"
KEY_SECRET = "cs_0123456789abcdef0123456789abcdef01234567"
SECRET = "woo-webhook-secret-of-layla"


def order_as_documented(document: dict[str, Any]) -> dict[str, Any]:
    order = document["components"]["schemas"]["shop_order"]["properties"]
    order["version"] = {"type": "string"}
    for name in ("date_completed", "date_completed_gmt"):
        order[name]["nullable"] = True
    tax_line = order["tax_lines"]["items"]["properties"]
    tax_line["rate_id"] = {"oneOf": [{"type": "integer"}, {"type": "string"}]}
    return document


def no_string_format(document: dict[str, Any]) -> dict[str, Any]:
    """The generator wrote ``format: string`` for WordPress's date-time arguments (``after``,
    ``before``); openapi-core knows no such format and refuses every value."""
    for item in document["paths"].values():
        for operation in item.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                if parameter.get("schema", {}).get("format") == "string":
                    del parameter["schema"]["format"]
    return document


ORDER_AS_DOCUMENTED = (order_as_documented, no_string_format)


@cache
def contract() -> Contract:
    return load_contract(CONTRACT, ORDER_AS_DOCUMENTED)


@cache
def _docs_order() -> dict[str, Any]:
    text = contract_file("woocommerce/wp-api-v3_orders.md").read_text(encoding="utf-8")
    section = text.split("## Retrieve an order ##", 1)[1]
    block = re.search(r"> JSON response example:\s*```json\n(.*?)\n```", section, re.S)
    return json.loads(block.group(1))


def docs_order(**fields: Any) -> dict[str, Any]:
    return {**copy.deepcopy(_docs_order()), **fields}


def signed(body: bytes, secret: str = SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def delivery_headers(topic: str = "order.created", delivery: str = "4121"):
    def sign(body: bytes) -> dict[str, str]:
        return {
            "content-type": "application/json",
            "x-wc-webhook-source": "https://layla-soaps.example/",
            "x-wc-webhook-topic": topic,
            "x-wc-webhook-resource": "order",
            "x-wc-webhook-event": topic.split(".")[1],
            "x-wc-webhook-id": "17",
            "x-wc-webhook-delivery-id": delivery,
            "x-wc-webhook-signature": signed(body),
        }

    return sign


@pytest.fixture
def api(httpserver) -> Iterator[ContractServer]:
    with ContractServer(httpserver, contract()) as server:
        yield server


@pytest.fixture(scope="module")
def connections(tmp_path_factory) -> Iterator[Connections]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FLOWIN_SECRETS", "file")
        yield Connections(Store(tmp_path_factory.mktemp("woocommerce") / "f.db"))


def store_secret(store_url: str = "https://layla-soaps.example", **fields: str) -> dict[str, str]:
    return {
        "store_url": store_url,
        "consumer_key": KEY,
        "consumer_secret": KEY_SECRET,
        "webhook_secret": SECRET,
        **fields,
    }


@pytest.fixture
def store(api, connections) -> str:
    return connections.add("woocommerce", "Layla's soaps", store_secret(api.url())).id


@pytest.fixture
def hooked(connections) -> str:
    return connections.add("woocommerce", "Hooks", store_secret()).id


# The validator and the payloads.


def test_the_description_refuses_requests_woocommerce_would_refuse(api):
    base = api.url("/wp-json/wc/v3")
    auth = (KEY, KEY_SECRET)
    bad = [
        httpx.get(f"{base}/orders"),  # no key
        httpx.put(f"{base}/orders/727", auth=auth, json={"status": "shipped"}),
        httpx.get(f"{base}/orders", auth=auth, params={"status": "sent"}),
        httpx.post(f"{base}/customers", auth=auth, json={"email": 5}),
    ]
    assert [r.status_code for r in bad] == [400] * 4
    assert len(api.rejected) == 4
    api.rejected.clear()


def test_the_docs_order_fits_the_description_and_a_broken_one_does_not():
    assert schema_errors(contract(), "shop_order", docs_order()) == []
    broken = docs_order(status="shipped", line_items="two soaps")
    assert len(schema_errors(contract(), "shop_order", broken)) >= 2
    # Uncorrected, the description refuses WooCommerce's own example.
    assert schema_errors(load_contract(CONTRACT), "shop_order", docs_order()) != []


# Actions.


def test_get_order_reads_one_order_with_the_key_as_basic_credentials(api, store, connections):
    api.respond("/orders/{id}", json=docs_order())
    output = run("woocommerce.get_order", {"connection": store, "order_id": 727}, connections)
    (call,) = api.calls("/orders/{id}")
    assert call.request.path == "/wp-json/wc/v3/orders/727"
    assert call.request.authorization.username == KEY
    assert call.request.authorization.password == KEY_SECRET
    order = docs_order()
    assert output["id"] == 727 and output["total"] == order["total"]
    assert output["email"] == order["billing"]["email"]
    assert output["items"][0]["name"] == order["line_items"][0]["name"]


def test_list_orders_follows_the_pages_woocommerce_counts(api, store, connections):
    pages = {"X-WP-Total": "2", "X-WP-TotalPages": "2"}
    api.respond("/orders", json=[docs_order(id=1)], headers=pages)
    api.respond("/orders", json=[docs_order(id=2)], headers=pages)
    output = run(
        "woocommerce.list_orders",
        {"connection": store, "status": "processing", "after": "2024-03-01T00:00:00"},
        connections,
    )
    assert [o["id"] for o in output["orders"]] == [1, 2]
    first, second = api.calls("/orders")
    assert first.request.args.to_dict() == {
        "per_page": "100",
        "status": "processing",
        "after": "2024-03-01T00:00:00",
        "page": "1",
    }
    assert second.request.args["page"] == "2"


def test_update_status_puts_the_status_and_is_safe_to_repeat(api, store, connections):
    api.respond("/orders/{id}", json=docs_order(status="completed"))
    output = run(
        "woocommerce.update_order_status",
        {"connection": store, "order_id": 727, "status": "on-hold"},
        connections,
    )
    (call,) = api.calls("/orders/{id}")
    assert call.request.method == "PUT" and call.body == {"status": "on-hold"}
    assert output["status"] == "completed"  # as WooCommerce answered
    assert default_registry().get("woocommerce.update_order_status").manifest.repeat_safe


def test_create_customer_posts_the_documented_body(api, store, connections):
    api.respond("/customers", json={"id": 25, "email": "nour@example.com", "first_name": "Nour"})
    output = run(
        "woocommerce.create_customer",
        {
            "connection": store,
            "email": " nour@example.com ",
            "first_name": "Nour",
            "phone": "+201001234567",
        },
        connections,
    )
    (call,) = api.calls("/customers")
    assert call.body == {
        "email": "nour@example.com",
        "first_name": "Nour",
        "billing": {"phone": "+201001234567", "email": "nour@example.com"},
    }
    assert output["id"] == 25
    assert not default_registry().get("woocommerce.create_customer").manifest.repeat_safe


def test_an_email_already_registered_is_woocommerces_own_words(api, store, connections):
    api.respond(
        "/customers",
        status=400,
        json={
            "code": "registration-error-email-exists",
            "message": "An account is already registered with your email address.",
            "data": {"status": 400},
        },
    )
    with pytest.raises(StepError, match="An account is already registered"):
        run(
            "woocommerce.create_customer",
            {"connection": store, "email": "nour@example.com"},
            connections,
        )


def test_rejected_keys_are_not_retried_and_say_what_to_do(api, store, connections):
    # The description documents no 401; the body is WooCommerce's (official docs, "Errors").
    api.respond(
        "/orders/{id}",
        status=401,
        json={
            "code": "woocommerce_rest_cannot_view",
            "message": "Sorry, you cannot view this resource.",
            "data": {"status": 401},
        },
        check=False,
    )
    with pytest.raises(AccountRejected, match="create a REST API key again") as caught:
        run("woocommerce.get_order", {"connection": store, "order_id": 727}, connections)
    assert not isinstance(caught.value, RetryableError)


def test_too_many_requests_waits_as_long_as_the_store_asks(api, store, connections):
    # A store's host or firewall answers 429; the description documents none.
    api.respond(
        "/orders",
        status=429,
        json={"message": "Slow down"},
        headers={"Retry-After": "12"},
        check=False,
    )
    with pytest.raises(RetryableError) as caught:
        run("woocommerce.list_orders", {"connection": store}, connections)
    assert caught.value.retry_after == 12.0


def test_a_server_error_on_create_is_not_repeated(api, store, connections):
    api.respond("/customers", status=500, json={"message": "Internal error"}, check=False)
    with pytest.raises(StepError, match="may have been done") as caught:
        run(
            "woocommerce.create_customer",
            {"connection": store, "email": "a@b.example"},
            connections,
        )
    assert not isinstance(caught.value, RetryableError)


def test_a_plain_http_store_address_is_refused_before_the_key_is_sent(connections):
    insecure = connections.add("woocommerce", "HTTP", store_secret("http://layla-soaps.example")).id
    with pytest.raises(StepError, match="must start with https://"):
        run("woocommerce.get_order", {"connection": insecure, "order_id": 1}, connections)


def test_test_connection_reads_one_order(api):
    api.respond("/orders", json=[docs_order()], headers={"X-WP-Total": "42"})
    connector = default_registry().get("woocommerce.get_order").connector
    account = connector.credential_model.model_validate(store_secret(api.url()))
    assert connector.test_function(account) == "Connected to localhost; it has 42 orders."
    assert api.calls("/orders")[0].request.args.to_dict() == {"per_page": "1"}


# Webhooks.


def test_a_signed_order_created_delivery_becomes_the_order(hooked, connections):
    body = json.dumps(docs_order()).encode()
    request = webhook(body, delivery_headers()(body))
    assert gate("woocommerce.order_created", request, connections, hooked) is None
    output = run(
        "woocommerce.order_created",
        {"connection": hooked},
        connections,
        trigger_data=request.as_trigger_data(),
    )
    assert output["id"] == 727 and output["topic"] == "order.created"
    assert output["customer_name"] == "John Doe"


@pytest.mark.parametrize(
    "signature",
    [None, "", signed(b"another body"), signed(b"{}", "someone else's secret"), "bm90IGl0"],
)
def test_a_delivery_without_woocommerces_signature_is_refused(hooked, connections, signature):
    body = json.dumps(docs_order()).encode()
    headers = delivery_headers()(body)
    del headers["x-wc-webhook-signature"]
    if signature is not None:
        headers["x-wc-webhook-signature"] = signature
    with pytest.raises(WebhookRejected, match="signature doesn't match") as caught:
        gate("woocommerce.order_created", webhook(body, headers), connections, hooked)
    assert caught.value.status == 401


def test_a_store_without_a_webhook_secret_refuses_with_a_fix(connections):
    bare = connections.add("woocommerce", "No secret", store_secret(webhook_secret="")).id
    body = json.dumps(docs_order()).encode()
    with pytest.raises(WebhookRejected, match="no signing secret") as caught:
        gate(
            "woocommerce.order_created", webhook(body, delivery_headers()(body)), connections, bare
        )
    assert caught.value.status == 403


def test_the_ping_of_a_new_webhook_is_answered_and_starts_nothing(hooked, connections):
    ping = webhook(b"webhook_id=17", {"content-type": "application/x-www-form-urlencoded"})
    reply = gate("woocommerce.order_created", ping, connections, hooked)
    assert isinstance(reply, WebhookReply) and reply.status == 200
    # Anything else unsigned is refused, a form included.
    other = webhook(b"webhook_id=17&id=5", {"content-type": "application/x-www-form-urlencoded"})
    with pytest.raises(WebhookRejected):
        gate("woocommerce.order_created", other, connections, hooked)


def test_a_signed_customer_created_delivery_becomes_the_customer(hooked, connections):
    customer = {
        "id": 25,
        "email": "nour@example.com",
        "first_name": "Nour",
        "billing": {"phone": "+201001234567"},
    }
    body = json.dumps(customer).encode()
    request = webhook(body, delivery_headers("customer.created")(body))
    assert gate("woocommerce.new_customer", request, connections, hooked) is None
    output = run(
        "woocommerce.new_customer",
        {"connection": hooked},
        connections,
        trigger_data=request.as_trigger_data(),
    )
    assert (output["id"], output["phone"]) == (25, "+201001234567")
    assert schema_errors(contract(), "customer", customer) == []


def test_each_trigger_runs_on_its_own_topic_and_answers_others(hooked, connections):
    body = json.dumps(docs_order()).encode()
    created = webhook(body, delivery_headers("order.created")(body))
    updated = webhook(body, delivery_headers("order.updated")(body))
    assert gate("woocommerce.order_updated", updated, connections, hooked) is None
    reply = gate("woocommerce.order_updated", created, connections, hooked)
    assert isinstance(reply, WebhookReply) and reply.status == 200
    reply = gate("woocommerce.order_created", updated, connections, hooked)
    assert isinstance(reply, WebhookReply) and reply.status == 200
    reply = gate("woocommerce.new_customer", created, connections, hooked)
    assert isinstance(reply, WebhookReply) and reply.status == 200


def test_the_same_delivery_sent_again_starts_one_run(tmp_path, monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    body = json.dumps(docs_order()).encode()
    answers, runs = runs_for_deliveries(
        tmp_path,
        "woocommerce.order_created",
        ("woocommerce", store_secret()),
        [
            (body, delivery_headers(delivery="4121")),
            (body, delivery_headers(delivery="4121")),
            (body, delivery_headers(delivery="4122")),
        ],
    )
    first, again, new = answers
    assert [a.status_code for a in answers] == [202, 202, 202]
    assert again.json() == first.json() != new.json()
    assert runs == {first.json()["execution_id"], new.json()["execution_id"]}
