"""Zid against a local Merchant API that validates each call with a description written from
Zid's documentation pages (tests/contracts/vendor/zid: Zid publishes no machine-readable one;
SOURCE.txt lists the pages), and Zid's webhooks, which Zid doesn't sign: the trigger's address
carries the account's secret as ``?token=``.

What the pages say and these tests hold the connector to: both tokens on every call
(``Authorization: Bearer`` and ``X-Manager-Token``), ``page`` and ``per_page`` (at most 100) on
List of Orders, the status codes of Update Order by ID and its form body, customers added
through Add Bulk Customers as ``customers[0][name]``/``[mobile]``, and the Manager's Profile as
the account test.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from flowin_engine.credentials import Connections
from flowin_engine.errors import AccountRejected, RetryableError, StepError
from flowin_engine.registry import default_registry
from flowin_engine.store import Store
from flowin_engine.webhooks import WebhookRejected
from tests.connectors.connector_runs import gate, run, webhook
from tests.connectors.webhook_delivery import runs_for_deliveries
from tests.contracts.openapi_server import ContractServer

CONTRACT = "zid/zid-merchant-api.from-docs.openapi.yaml"
PARTNER_TOKEN = "eyJ0eXAiOiJKV1QiFlowinNotARealZidPartnerToken"
MANAGER_TOKEN = "eyJpdiI6FlowinNotARealZidManagerToken"
SECRET = "zid-hook-secret-7c9e2f"


def zid_order(order_id: int = 59214748, **fields: Any) -> dict[str, Any]:
    """An order as the docs' "Update Order by ID" sample answers it (trimmed)."""
    return {
        "id": order_id,
        "invoice_number": order_id,
        "code": "AIajhbzS7h",
        "store_id": 3,
        "order_url": "https://osama.zid.store/o/AIajhbzS7h/inv",
        "order_status": {"name": "New", "code": "new"},
        "currency_code": "SAR",
        "customer": {
            "id": 37,
            "name": "Osama Khaled",
            "email": "osamakhaled2010@gmail.com",
            "mobile": "966503187421",
        },
        "order_total": "211.44999892193000",
        "payment_status": "paid",
        "created_at": "2025-10-13 07:53:10",
        "products": [{"name": "Oud perfume", "quantity": 1, "price": 211.45}],
        **fields,
    }


@pytest.fixture
def api(httpserver) -> Iterator[ContractServer]:
    with ContractServer(httpserver, CONTRACT) as server:
        yield server


@pytest.fixture(scope="module")
def connections(tmp_path_factory) -> Iterator[Connections]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FLOWIN_SECRETS", "file")
        yield Connections(Store(tmp_path_factory.mktemp("zid") / "f.db"))


def store_secret(api: ContractServer | None = None, **fields: str) -> dict[str, str]:
    base = {
        "authorization_token": PARTNER_TOKEN,
        "manager_token": MANAGER_TOKEN,
        "webhook_secret": SECRET,
        **fields,
    }
    return {**base, "base_url": api.url("/v1")} if api else base


@pytest.fixture
def store(api, connections) -> str:
    return connections.add("zid", "Osama's store", store_secret(api)).id


@pytest.fixture
def hooked(connections) -> str:
    return connections.add("zid", "Hooks", store_secret()).id


# The description itself.


def test_the_description_refuses_what_the_docs_rule_out(api):
    base = api.url("/v1")
    tokens = {"Authorization": f"Bearer {PARTNER_TOKEN}", "X-Manager-Token": MANAGER_TOKEN}
    bad = [
        httpx.get(f"{base}/managers/store/orders", headers=tokens, params={"page": 1}),  # per_page
        httpx.get(
            f"{base}/managers/store/orders",
            headers=tokens,
            params={"page": 1, "per_page": 500},
        ),
        httpx.get(  # the manager token alone
            f"{base}/managers/store/orders/1/view", headers={"X-Manager-Token": MANAGER_TOKEN}
        ),
        httpx.post(
            f"{base}/managers/store/orders/1/change-order-status",
            headers=tokens,
            files={"order_status": (None, "shipped")},
        ),
        httpx.post(
            f"{base}/managers/store/customers/bulk",
            headers=tokens,
            files={"customers[0][name]": (None, "Osama")},  # no mobile
        ),
    ]
    assert [r.status_code for r in bad] == [400] * 5
    assert len(api.rejected) == 5
    api.rejected.clear()


# Actions.


def test_get_order_sends_both_tokens_and_reads_the_order(api, store, connections):
    api.respond("get-order-by-id", json={"status": "object", "order": zid_order()})
    output = run("zid.get_order", {"connection": store, "order_id": 59214748}, connections)
    (call,) = api.calls("get-order-by-id")
    assert call.request.path == "/v1/managers/store/orders/59214748/view"
    assert call.request.headers["Authorization"] == f"Bearer {PARTNER_TOKEN}"
    assert call.request.headers["X-Manager-Token"] == MANAGER_TOKEN
    assert call.request.headers["Accept-Language"] == "ar"
    assert output["code"] == "AIajhbzS7h" and output["status_code"] == "new"
    assert output["phone"] == "+966503187421" and output["items"][0]["name"] == "Oud perfume"


def test_list_orders_pages_until_a_short_page(api, store, connections):
    api.respond("list-of-orders", json={"orders": [zid_order(1), zid_order(2)]})
    api.respond("list-of-orders", json={"orders": [zid_order(3)]})
    output = run(
        "zid.list_orders",
        {"connection": store, "status": "canceled", "date_from": "2024-03-01", "limit": 2},
        connections,
    )
    assert [o["id"] for o in output["orders"]] == [1, 2]
    (first,) = api.calls("list-of-orders")  # the limit was reached on the first page
    assert first.request.args.to_dict() == {
        "payload_type": "default",
        "per_page": "2",
        "order_status": "canceled",
        "date_from": "2024-03-01",
        "page": "1",
    }


def test_list_orders_follows_full_pages(api, store, connections):
    api.respond("list-of-orders", json={"orders": [zid_order(n) for n in range(100)]})
    api.respond("list-of-orders", json={"orders": [zid_order(100)]})
    output = run("zid.list_orders", {"connection": store, "limit": 500}, connections)
    assert output["count"] == 101
    assert [c.request.args["page"] for c in api.calls("list-of-orders")] == ["1", "2"]


def test_update_order_status_sends_the_documented_form(api, store, connections):
    api.respond(
        "update-order-by-id",
        json={
            "status": "object",
            "order": zid_order(order_status={"name": "Ready", "code": "ready"}),
        },
    )
    output = run(
        "zid.update_order_status",
        {
            "connection": store,
            "order_id": 59214748,
            "status": "ready",
            "tracking_number": "SMSA123",
        },
        connections,
    )
    (call,) = api.calls("update-order-by-id")
    assert call.request.mimetype == "multipart/form-data"
    assert call.request.form.to_dict() == {"order_status": "ready", "tracking_number": "SMSA123"}
    assert output["status_code"] == "ready"
    assert not default_registry().get("zid.update_order_status").manifest.repeat_safe


def test_create_customer_adds_a_bulk_of_one(api, store, connections):
    api.respond(
        "add-bulk-customers",
        json={
            "status": "object",
            "customers": [
                {"id": 5462570, "name": "Osama", "mobile": "966500000012", "email": None}
            ],
        },
    )
    output = run(
        "zid.create_customer",
        {"connection": store, "name": " Osama ", "mobile": "+966500000012"},
        connections,
    )
    (call,) = api.calls("add-bulk-customers")
    assert call.request.form.to_dict() == {
        "customers[0][name]": "Osama",
        "customers[0][mobile]": "+966500000012",
    }
    assert output["id"] == 5462570 and output["phone"] == "+966500000012"


def test_zid_refusing_a_status_names_its_reason(api, store, connections):
    api.respond(
        "update-order-by-id",
        status=422,
        json={
            "status": 422,
            "success": False,
            "error": {
                "code": "validation_failed",
                "message": "Invalid input data.",
                "fields": {"order_status": ["Cannot move a shipped order back to new."]},
            },
        },
    )
    with pytest.raises(StepError, match="order_status: Cannot move a shipped order back"):
        run(
            "zid.update_order_status",
            {"connection": store, "order_id": 1, "status": "new"},
            connections,
        )


def test_rejected_tokens_are_not_retried_and_say_what_to_copy(api, store, connections):
    api.respond(
        "get-order-by-id",
        status=401,
        json={"status": 401, "success": False, "error": {"code": "unauthorized", "message": "x"}},
        check=False,  # the page documents no 401 for this call; the body is "Responses"' shape
    )
    with pytest.raises(AccountRejected, match="manager token") as caught:
        run("zid.get_order", {"connection": store, "order_id": 1}, connections)
    assert not isinstance(caught.value, RetryableError)


def test_the_rate_limit_waits_as_long_as_zid_asks(api, store, connections):
    # "Rate Limiting": 60 requests a minute per app and store, then 429.
    api.respond(
        "list-of-orders",
        status=429,
        json={"status": 429, "success": False, "error": {"code": "too_many_requests"}},
        headers={"Retry-After": "30"},
        check=False,
    )
    with pytest.raises(RetryableError) as caught:
        run("zid.list_orders", {"connection": store}, connections)
    assert caught.value.retry_after == 30.0


def test_a_server_error_on_create_is_not_repeated(api, store, connections):
    api.respond("add-bulk-customers", status=500, json={"message": "Server Error"}, check=False)
    with pytest.raises(StepError, match="may have been done") as caught:
        run(
            "zid.create_customer",
            {"connection": store, "name": "A", "mobile": "+966500000012"},
            connections,
        )
    assert not isinstance(caught.value, RetryableError)
    assert len(api.calls("add-bulk-customers")) == 1


def test_test_connection_reads_the_managers_profile(api):
    api.respond(
        "get-manager-profile",
        json={
            "status": "object",
            "user": {"id": 3, "name": "John", "store": {"title": "متجر أسامة"}},
        },
    )
    connector = default_registry().get("zid.get_order").connector
    account = connector.credential_model.model_validate(store_secret(api))
    assert connector.test_function(account) == "Connected to متجر أسامة."


# Webhooks.


def test_a_webhook_with_the_secret_token_becomes_the_order(hooked, connections):
    body = json.dumps(zid_order()).encode()
    request = webhook(body, query={"token": SECRET})
    assert gate("zid.new_order", request, connections, hooked) is None
    output = run(
        "zid.new_order", {"connection": hooked}, connections, trigger_data=request.as_trigger_data()
    )
    assert output["id"] == 59214748 and output["customer_name"] == "Osama Khaled"


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ({}, "came without the token"),
        ({"token": ""}, "came without the token"),
        ({"token": "guess"}, "doesn't match"),
        ({"token": SECRET + "x"}, "doesn't match"),
    ],
)
def test_a_webhook_without_the_secret_token_is_refused(hooked, connections, query, says):
    body = json.dumps(zid_order()).encode()
    for trigger in ("new_order", "order_status_changed", "new_customer", "abandoned_cart"):
        with pytest.raises(WebhookRejected, match=says) as caught:
            gate(f"zid.{trigger}", webhook(body, query=query), connections, hooked)
        assert caught.value.status == 401


def test_a_store_without_a_webhook_secret_refuses_with_a_fix(connections):
    bare = connections.add("zid", "No secret", store_secret(webhook_secret="")).id
    with pytest.raises(WebhookRejected, match="no webhook secret") as caught:
        gate("zid.new_order", webhook(b"{}", query={"token": ""}), connections, bare)
    assert caught.value.status == 403


def test_the_same_delivery_sent_again_starts_one_run(tmp_path, monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    body = json.dumps(zid_order()).encode()
    changed = json.dumps(zid_order(order_status={"name": "Ready", "code": "ready"})).encode()

    def sent(_: bytes) -> dict[str, str]:
        return {"content-type": "application/json"}

    answers, runs = runs_for_deliveries(
        tmp_path,
        "zid.order_status_changed",
        ("zid", store_secret()),
        [(body, sent), (body, sent), (changed, sent)],
        query=f"?token={SECRET}",
    )
    first, again, new = answers
    assert [a.status_code for a in answers] == [202, 202, 202]
    assert again.json() == first.json() != new.json()
    assert runs == {first.json()["execution_id"], new.json()["execution_id"]}
