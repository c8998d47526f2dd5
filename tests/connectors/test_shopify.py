"""Shopify: the signed orders/create webhook, and the Admin REST calls against documented shapes.

Shopify publishes no OpenAPI for the Admin REST API. Incoming webhooks are checked against the
saved payload schema (tests/contracts/vendor/shopify, inferred from Shopify's sample payload);
outgoing calls are checked by ``ShopifyAdmin`` below against the shapes written down from
shopify.dev/docs/api/admin-rest/2026-07 (resources Order, Customer, Shop, and "Make paginated
requests to the REST Admin API").
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
import re
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from werkzeug import Request, Response

from flowin_engine.credentials import Connections
from flowin_engine.errors import RetryableError, StepError
from flowin_engine.model import Flow, Node
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.steps import StepContext
from flowin_engine.store import Store
from flowin_engine.webhooks import GateContext, WebhookRejected, WebhookReply, WebhookRequest
from tests.connectors.google_contract import GoogleServer, GoogleTokenServer
from tests.contracts.openapi_server import contract_file
from tests.engine.builders import make_flow

TOKEN = "shpat_0123456789abcdef0123456789abcdef"
SECRET = "shpss_client_secret_of_the_app"
VERSION = "2026-07"  # the version the orders/create description is of

# What the Admin REST API documents for the calls the connector makes (shopify.dev, 2026-07).
ORDERS_QUERY = {  # GET /admin/api/{version}/orders.json
    "api_version",
    "attribution_app_id",
    "created_at_max",
    "created_at_min",
    "fields",
    "financial_status",
    "fulfillment_status",
    "ids",
    "limit",
    "processed_at_max",
    "processed_at_min",
    "since_id",
    "status",
    "updated_at_max",
    "updated_at_min",
}
ORDERS_ENUMS = {
    "status": {"open", "closed", "cancelled", "any"},
    "financial_status": {
        "authorized",
        "pending",
        "paid",
        "partially_paid",
        "refunded",
        "voided",
        "partially_refunded",
        "any",
        "unpaid",
    },
    "fulfillment_status": {"shipped", "partial", "unshipped", "any", "unfulfilled"},
}
# "A request that includes the page_info parameter can't include any other parameters except
# for limit and fields."
PAGED_QUERY = {"page_info", "limit", "fields"}
CUSTOMER_BODY = {  # POST /admin/api/{version}/customers.json
    "type": "object",
    "required": ["customer"],
    "additionalProperties": False,
    "properties": {
        "customer": {
            "type": "object",
            "additionalProperties": False,
            "minProperties": 1,
            "properties": {
                **{
                    name: {"type": "string"}
                    for name in (
                        "first_name",
                        "last_name",
                        "email",
                        "phone",
                        "tags",
                        "note",
                        "password",
                        "password_confirmation",
                        "currency",
                        "multipass_identifier",
                    )
                },
                "verified_email": {"type": "boolean"},
                "send_email_welcome": {"type": "boolean"},
                "tax_exempt": {"type": "boolean"},
                "addresses": {"type": "array", "items": {"type": "object"}},
                "metafields": {"type": "array", "items": {"type": "object"}},
                "email_marketing_consent": {"type": "object"},
                "sms_marketing_consent": {"type": "object"},
                "tax_exemptions": {"type": "array", "items": {"type": "string"}},
            },
        }
    },
}
ROUTES = [  # (method, path pattern, name)
    ("GET", r"/admin/api/\d{4}-\d{2}/orders\.json", "orders"),
    ("GET", r"/admin/api/\d{4}-\d{2}/orders/\d+\.json", "order"),
    ("POST", r"/admin/api/\d{4}-\d{2}/customers\.json", "create_customer"),
    ("GET", r"/admin/api/\d{4}-\d{2}/shop\.json", "shop"),
]


def sample_order() -> dict[str, Any]:
    with contract_file("shopify/webhook_orders_create.metadata.json").open() as file:
        return json.load(file)["response"]


def order_schema() -> dict[str, Any]:
    with contract_file("shopify/webhook_orders_create.schema.json").open() as file:
        return json.load(file)


class ShopifyAdmin:
    """A store's Admin REST API on 127.0.0.1 that refuses (400) requests off the documented
    shapes above, and answers what the test queues per route."""

    def __init__(self, httpserver) -> None:
        self.httpserver = httpserver
        self.rejected: list[str] = []
        self.calls: list[tuple[str, Request]] = []
        self._answers: dict[str, list[Response]] = {}
        self._lock = threading.Lock()
        httpserver.expect_request(re.compile(".*")).respond_with_handler(self._handle)

    @property
    def url(self) -> str:
        return self.httpserver.url_for("/").rstrip("/")

    def respond(self, route: str, body: Any, status: int = 200, headers=None) -> None:
        self._answers.setdefault(route, []).append(
            Response(
                json.dumps(body),
                status=status,
                headers=headers or {},
                content_type="application/json",
            )
        )

    def called(self, route: str) -> list[Request]:
        return [request for name, request in self.calls if name == route]

    def _handle(self, request: Request) -> Response:
        route, errors = self.check(request)
        if errors:
            self.rejected.append(f"{request.method} {request.full_path}: {'; '.join(errors)}")
            return Response(json.dumps({"errors": errors}), status=400)
        with self._lock:
            self.calls.append((route, request))
            queue = self._answers.get(route) or []
            return queue.pop(0) if len(queue) > 1 else queue[0]

    @staticmethod
    def check(request: Request) -> tuple[str | None, list[str]]:
        route = next(
            (
                name
                for method, pattern, name in ROUTES
                if method == request.method and re.fullmatch(pattern, request.path)
            ),
            None,
        )
        if route is None:
            return None, [f"no documented endpoint is {request.method} {request.path}"]
        errors = []
        if request.headers.get("X-Shopify-Access-Token") != TOKEN:
            errors.append("X-Shopify-Access-Token is missing or wrong")
        query = request.args
        if route == "orders":
            allowed = PAGED_QUERY if "page_info" in query else ORDERS_QUERY
            errors += [f"{name} is not allowed here" for name in query if name not in allowed]
            for name, values in ORDERS_ENUMS.items():
                if name in query and query[name] not in values:
                    errors.append(f"{name}={query[name]} is not one of {sorted(values)}")
            if "limit" in query and not (
                query["limit"].isdigit() and 1 <= int(query["limit"]) <= 250
            ):
                errors.append("limit must be 1 to 250")
        if route == "create_customer":
            try:
                body = json.loads(request.get_data())
            except ValueError:
                body = None
            errors += [e.message for e in Draft7Validator(CUSTOMER_BODY).iter_errors(body)]
        elif request.get_data():
            errors.append(f"{request.method} {route} takes no body")
        return route, errors


@pytest.fixture
def shopify(httpserver) -> Iterator[ShopifyAdmin]:
    admin = ShopifyAdmin(httpserver)
    yield admin
    assert not admin.rejected, admin.rejected


def store_secret(shopify: ShopifyAdmin) -> dict:
    return {
        "shop_domain": "layla-shop.myshopify.com",
        "access_token": TOKEN,
        "webhook_secret": SECRET,
        "api_version": VERSION,
        "base_url": shopify.url,
    }


@pytest.fixture
def store(shopify, connections) -> str:
    return connections.add("shopify", "Layla's shop", store_secret(shopify)).id


def run(operation: str, params: dict, connections: Connections):
    node_type = default_registry().get(f"shopify.{operation}")
    node = Node(name="Shopify", type=node_type.type, params=params)
    ctx = StepContext(
        execution_id="t",
        flow=Flow(nodes=[node]),
        node=node,
        attempt=1,
        timeout=10,
        connections=connections,
    )
    return node_type.function(node_type.input_model.model_validate(params), ctx)


def webhook(body: bytes, signature: str | None, topic: str = "orders/create") -> WebhookRequest:
    headers = {
        "content-type": "application/json",
        "x-shopify-topic": topic,
        "x-shopify-shop-domain": "layla-shop.myshopify.com",
    }
    if signature is not None:
        headers["x-shopify-hmac-sha256"] = signature
    return WebhookRequest(
        "POST", "/webhook/abc", "https://hooks.example/webhook/abc", headers, {}, body
    )


def signed(body: bytes, secret: str = SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def gate(request: WebhookRequest, connections: Connections, connection: str):
    node_type = default_registry().get("shopify.new_order")
    params = node_type.input_model.model_validate({"connection": connection})
    return node_type.webhook_gate(params, request, GateContext(connections.secret))


# The checker itself.


def test_the_shape_checker_refuses_what_shopify_documents_as_invalid(shopify):
    headers = {"X-Shopify-Access-Token": TOKEN}
    base = f"{shopify.url}/admin/api/{VERSION}"
    bad = [
        httpx.post(f"{base}/customers.json", headers=headers, json={"email": "a@b.c"}),  # unwrapped
        httpx.get(
            f"{base}/orders.json", headers=headers, params={"page_info": "x", "status": "any"}
        ),
        httpx.get(f"{base}/orders.json", headers=headers, params={"status": "shipped"}),
        httpx.get(f"{base}/orders.json", params={"limit": 5}),  # no token
        httpx.get(f"{base}/orders.json", headers=headers, params={"limit": 500}),
    ]
    assert [r.status_code for r in bad] == [400] * 5
    assert len(shopify.rejected) == 5
    shopify.rejected.clear()


def test_the_sample_payload_fits_the_saved_schema_and_a_broken_one_does_not():
    validator = Draft202012Validator(order_schema())
    assert list(validator.iter_errors(sample_order())) == []
    broken = sample_order()
    broken["line_items"] = "two soaps"
    del broken["id"]
    assert len(list(validator.iter_errors(broken))) >= 2


# The webhook trigger.


def test_a_signed_orders_create_webhook_is_accepted_and_becomes_the_order(store, connections):
    body = json.dumps(sample_order()).encode()
    request = webhook(body, signed(body))
    assert gate(request, connections, store) is None
    node_type = default_registry().get("shopify.new_order")
    node = Node(name="New order", type=node_type.type, params={"connection": store})
    ctx = StepContext(
        execution_id="t",
        flow=Flow(nodes=[node]),
        node=node,
        attempt=1,
        timeout=5,
        trigger_data=request.as_trigger_data(),
    )
    output = node_type.function(node_type.input_model.model_validate({"connection": store}), ctx)
    order = sample_order()
    assert output["id"] == order["id"] and output["name"] == order["name"]
    assert output["total_price"] == order["total_price"]
    assert output["shop_domain"] == "layla-shop.myshopify.com"
    assert output["items"][0]["title"] == order["line_items"][0]["title"]


@pytest.mark.parametrize(
    "signature",
    [None, "", signed(b"another body"), signed(b"{}", secret="someone else's secret"), "bm90IGl0"],
)
def test_a_webhook_without_shopifys_signature_is_refused(store, connections, signature):
    body = json.dumps(sample_order()).encode()
    with pytest.raises(
        WebhookRejected, match="Shopify: the request's signature doesn't match"
    ) as caught:
        gate(webhook(body, signature), connections, store)
    assert caught.value.status == 401


def test_a_body_changed_after_signing_is_refused(store, connections):
    body = json.dumps(sample_order()).encode()
    signature = signed(body)
    with pytest.raises(WebhookRejected):
        gate(
            webhook(body.replace(b'"total_price"', b'"total_price" '), signature),
            connections,
            store,
        )


def test_a_store_without_a_webhook_secret_refuses_with_a_fix(shopify, connections):
    connection = connections.add(
        "shopify", "No secret", {**store_secret(shopify), "webhook_secret": ""}
    ).id
    body = b"{}"
    with pytest.raises(WebhookRejected, match="no signing secret") as caught:
        gate(webhook(body, signed(body)), connections, connection)
    assert caught.value.status == 403


def test_other_topics_are_answered_and_ignored(store, connections):
    body = b'{"id": 1}'
    reply = gate(webhook(body, signed(body), topic="orders/updated"), connections, store)
    assert isinstance(reply, WebhookReply) and reply.status == 200


# Actions.


def test_get_order_reads_one_order(shopify, store, connections):
    shopify.respond("order", {"order": sample_order()})
    order_id = sample_order()["id"]
    output = run("get_order", {"connection": store, "order_id": order_id}, connections)
    (request,) = shopify.called("order")
    assert request.path == f"/admin/api/{VERSION}/orders/{order_id}.json"
    assert output["email"] == sample_order()["email"]


def test_a_store_reads_a_supported_api_version_unless_it_names_its_own(shopify, connections):
    # Shopify supports a version for a year, then answers with the oldest one it still has.
    shopify.respond("order", {"order": sample_order()})
    order_id = sample_order()["id"]
    secret = {k: v for k, v in store_secret(shopify).items() if k != "api_version"}
    default = connections.add("shopify", "Default version", secret).id
    chosen = connections.add("shopify", "Own version", {**secret, "api_version": "2026-10"}).id
    run("get_order", {"connection": default, "order_id": order_id}, connections)
    run("get_order", {"connection": chosen, "order_id": order_id}, connections)
    paths = [request.path for request in shopify.called("order")]
    assert paths == [
        f"/admin/api/2026-07/orders/{order_id}.json",
        f"/admin/api/2026-10/orders/{order_id}.json",
    ]


def test_list_orders_follows_the_link_header_pages(shopify, store, connections):
    first, second = copy.deepcopy(sample_order()), copy.deepcopy(sample_order())
    first["id"], second["id"] = 1, 2
    next_url = f"{shopify.url}/admin/api/{VERSION}/orders.json?limit=250&page_info=eyJsYXN0X2lkIjox"
    shopify.respond("orders", {"orders": [first]}, headers={"Link": f'<{next_url}>; rel="next"'})
    shopify.respond(
        "orders",
        {"orders": [second]},
        headers={
            "Link": f'<{shopify.url}/admin/api/{VERSION}/orders.json?page_info=p>; rel="previous"'
        },
    )
    output = run(
        "list_orders",
        {"connection": store, "financial_status": "paid", "created_at_min": "2024-03-01"},
        connections,
    )
    assert [o["id"] for o in output["orders"]] == [1, 2]
    one, two = shopify.called("orders")
    assert dict(one.args) == {
        "limit": "250",
        "status": "any",
        "financial_status": "paid",
        "created_at_min": "2024-03-01",
    }
    assert dict(two.args) == {"limit": "250", "page_info": "eyJsYXN0X2lkIjox"}


def test_list_orders_stops_at_its_limit(shopify, store, connections):
    orders = [{**sample_order(), "id": n} for n in range(3)]
    shopify.respond(
        "orders",
        {"orders": orders},
        headers={
            "Link": f'<{shopify.url}/admin/api/{VERSION}/orders.json?page_info=n>; rel="next"'
        },
    )
    output = run("list_orders", {"connection": store, "limit": 2}, connections)
    assert output["count"] == 2 and len(shopify.called("orders")) == 1


def test_create_customer_posts_the_documented_body(shopify, store, connections):
    created = {
        "id": 207119551,
        "email": "layla@example.com",
        "first_name": "Layla",
        "last_name": "Haddad",
        "tags": "vip",
    }
    shopify.respond("create_customer", {"customer": created}, status=201)
    output = run(
        "create_customer",
        {
            "connection": store,
            "email": " layla@example.com ",
            "first_name": "Layla",
            "last_name": "Haddad",
            "tags": "vip",
        },
        connections,
    )
    (request,) = shopify.called("create_customer")
    assert request.json == {
        "customer": {
            "email": "layla@example.com",
            "first_name": "Layla",
            "last_name": "Haddad",
            "tags": "vip",
        }
    }
    assert output == created


def test_a_taken_email_is_shopifys_own_words(shopify, store, connections):
    shopify.respond("create_customer", {"errors": {"email": ["has already been taken"]}}, 422)
    with pytest.raises(StepError, match="Shopify refused it: email has already been taken"):
        run("create_customer", {"connection": store, "email": "layla@example.com"}, connections)


def test_a_wrong_token_says_to_copy_it_again(shopify, store, connections):
    shopify.respond("order", {"errors": "[API] Invalid API key or access token"}, 401)
    with pytest.raises(StepError, match="didn't accept the access token"):
        run("get_order", {"connection": store, "order_id": 1}, connections)


def test_a_missing_scope_names_the_fix(shopify, store, connections):
    shopify.respond(
        "orders",
        {"errors": "[API] This action requires merchant approval for read_orders scope."},
        403,
    )
    with pytest.raises(StepError, match="access scopes"):
        run("list_orders", {"connection": store}, connections)


def test_throttling_is_retried_after_shopifys_wait(shopify, store, connections):
    shopify.respond(
        "order",
        {"errors": "Exceeded 2 calls per second for api client."},
        429,
        headers={"Retry-After": "2.0"},
    )
    with pytest.raises(RetryableError) as caught:
        run("get_order", {"connection": store, "order_id": 1}, connections)
    assert caught.value.retry_after == 2.0


def test_a_server_error_on_create_is_not_retried(shopify, store, connections):
    shopify.respond("create_customer", {"errors": "Internal Server Error"}, 500)
    with pytest.raises(StepError, match="may have been done") as caught:
        run("create_customer", {"connection": store, "email": "a@b.example"}, connections)
    assert not isinstance(caught.value, RetryableError)


def test_test_connection_reads_the_shop(shopify):
    shopify.respond("shop", {"shop": {"id": 1, "name": "Layla's Soaps"}})
    connector = default_registry().get("shopify.get_order").connector
    model = connector.credential_model.model_validate(store_secret(shopify))
    assert connector.test_function(model) == "Connected to Layla's Soaps."


# End to end.


@pytest.fixture
def tokens() -> Iterator[GoogleTokenServer]:
    with GoogleTokenServer("client", "secret") as server:
        yield server


def test_a_shopify_order_is_added_to_a_google_sheet(tmp_path, monkeypatch, tokens):
    from pytest_httpserver import HTTPServer

    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    connections = Connections(Store(tmp_path / "f.db"))
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        with GoogleServer(server, "google/sheets.v4.json") as sheets:
            sheets.respond(
                "sheets.spreadsheets.values.append",
                json={"updates": {"updatedRange": "Orders!A2:E2"}},
            )
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
            shop = connections.add(
                "shopify",
                "Shop",
                {"shop_domain": "layla-shop", "access_token": TOKEN, "webhook_secret": SECRET},
            ).id
            body = json.dumps(sample_order()).encode()
            request = webhook(body, signed(body))
            assert gate(request, connections, shop) is None
            flow = make_flow(
                [
                    ("New order", "shopify.new_order", {"connection": shop}),
                    (
                        "Add to sheet",
                        "google_sheets.append_row",
                        {
                            "connection": google,
                            "spreadsheet_id": "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms",
                            "sheet": "Orders",
                            "values": [
                                "{{ trigger.name }}",
                                "{{ trigger.email }}",
                                "{{ trigger.total_price }}",
                                "{{ trigger.currency }}",
                                "{{ trigger.items | length }}",
                            ],
                        },
                    ),
                ],
                ["New order -> Add to sheet"],
            )
            with Runner(default_registry(), connections=connections) as runner:
                result = runner.run(flow, request.as_trigger_data())
            assert result.ok, result.error
            order = sample_order()
            (call,) = sheets.calls("sheets.spreadsheets.values.append")
            assert call.body["values"] == [
                [
                    order["name"],
                    order["email"],
                    order["total_price"],
                    order["currency"],
                    len(order["line_items"]),
                ]
            ]
            assert result.outputs["Add to sheet"]["row_number"] == 2
    finally:
        server.clear()
        server.stop()
