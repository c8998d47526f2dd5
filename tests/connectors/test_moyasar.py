"""Moyasar against a local API that checks each call with the community OpenAPI description
(tests/contracts/vendor/moyasar/moyasar-openapi.yml; Moyasar publishes none) and against
Moyasar's documented behaviour where that description is lax.

The description's schemas allow any extra field, so it checks paths, methods, basic auth,
required fields and types only; the tests add what docs.moyasar.com says: amounts in halalas, the
secret key as the user name with an empty password, invoices answered with a checkout ``url``.
Delivered webhooks have no schema there: the event follows docs.moyasar.com/webhook-reference
({id, type, created_at, secret_token, account_name, live, data: <payment>}) and its payment is
checked against the description's Payment schema.
"""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from flowin_engine.errors import AccountRejected, RetryableError
from flowin_engine.registry import default_registry
from flowin_engine.store import Store
from flowin_engine.webhooks import WebhookRejected, WebhookReply
from tests.connectors.connector_runs import (
    failure,
    gate,
    listening,
    post_twice_then_count,
    run,
    run_with_retries,
    webhook,
)
from tests.contracts.openapi_server import ContractServer, load_contract, schema_errors

CONTRACT = "moyasar/moyasar-openapi.yml"
KEY = "sk_test_FlowinNotARealMoyasarKey123456"
TOKEN = "flowin-webhook-secret-token-42"
PAYMENT_ID = "760878ec-d1d3-5f72-9056-191683f55872"
INVOICE_ID = "0a2b6f1e-0f7c-4c2e-9c46-2d1f0d2b8a11"


def payment(**fields: Any) -> dict[str, Any]:
    """A card payment as docs.moyasar.com's Payment Object shows it."""
    return {
        "id": PAYMENT_ID,
        "status": "paid",
        "amount": 15050,
        "fee": 345,
        "currency": "SAR",
        "refunded": 0,
        "refunded_at": None,
        "captured": 15050,
        "captured_at": "2024-03-05T10:12:00.000Z",
        "voided_at": None,
        "description": "Order #1042",
        "amount_format": "150.50 SAR",
        "invoice_id": INVOICE_ID,
        "ip": "176.16.0.1",
        "callback_url": "https://shop.example/thanks",
        "created_at": "2024-03-05T10:12:00.000Z",
        "updated_at": "2024-03-05T10:12:01.000Z",
        "metadata": {"order": "1042"},
        "source": {
            "type": "creditcard",
            "company": "mada",
            "name": "Layla Haddad",
            "number": "4201-32XX-XXXX-1010",
            "gateway_id": "moyasar_cc_ce1iUidxhrh74257S891wvW",
            "reference_number": "125478454231",
            "token": None,
            "message": "APPROVED",
            "transaction_url": None,
        },
        **fields,
    }


def invoice(**fields: Any) -> dict[str, Any]:
    return {
        "id": INVOICE_ID,
        "status": "initiated",
        "amount": 15050,
        "currency": "SAR",
        "description": "Order #1042",
        "amount_format": "150.50 SAR",
        "url": f"https://checkout.moyasar.com/invoices/{INVOICE_ID}",
        "expired_at": None,
        "payments": [],
        "created_at": "2024-03-05T10:00:00.000Z",
        "updated_at": "2024-03-05T10:00:00.000Z",
        "metadata": {"order": "1042"},
        **fields,
    }


def event(kind: str = "payment_paid", token: str | None = TOKEN, **payment_fields: Any):
    body = {
        "id": "fb5bf5a4-b9d6-4a8e-9f2c-5e6f1b2f6f10",
        "type": kind,
        "created_at": "2024-03-05T10:12:03.000Z",
        "account_name": "Layla's shop",
        "live": False,
        "data": payment(**payment_fields),
    }
    if token is not None:
        body["secret_token"] = token
    return body


@pytest.fixture
def api(httpserver) -> Iterator[ContractServer]:
    with ContractServer(httpserver, CONTRACT) as server:
        yield server


def secret(api: ContractServer, **fields: str) -> dict[str, str]:
    return {"secret_key": KEY, "webhook_secret": TOKEN, "base_url": api.url(), **fields}


@pytest.fixture
def account(api, connections) -> str:
    return connections.add("moyasar", "Layla's shop", secret(api)).id


def basic_user(call) -> str:
    scheme, _, encoded = call.request.headers["Authorization"].partition(" ")
    assert scheme == "Basic"
    return base64.b64decode(encoded).decode()


# Payment links.


def test_create_invoice_sends_halalas_and_answers_with_the_payment_page(api, account, connections):
    api.respond("createInvoice", json=invoice(), status=201)
    output = run(
        "moyasar.create_invoice",
        {
            "connection": account,
            "amount": "150.50",
            "currency": "sar",
            "description": "Order #1042",
            "success_url": "https://shop.example/thanks",
            "expires_in_hours": 48,
            "metadata": {"order": 1042},
        },
        connections,
    )
    (call,) = api.calls("createInvoice")
    # Documented auth: the secret key as the user name, an empty password.
    assert basic_user(call) == f"{KEY}:"
    assert call.request.json["amount"] == 15050
    assert call.request.json["currency"] == "SAR"
    assert call.request.json["metadata"] == {"order": "1042"}
    assert call.request.json["success_url"] == "https://shop.example/thanks"
    assert call.request.json["expired_at"].endswith("+00:00")
    assert output["url"] == f"https://checkout.moyasar.com/invoices/{INVOICE_ID}"
    assert (output["amount"], output["currency"]) == (150.5, "SAR")
    assert KEY not in json.dumps(output)


@pytest.mark.parametrize(
    ("typed", "currency", "sent"),
    [
        ("١٥٠٫٥٠", "SAR", 15050),
        ("1,250", "AED", 125000),
        ("12.345", "KWD", 12345),
        (99, "USD", 9900),
    ],
    ids=["arabic-digits", "thousands", "kuwaiti-dinar", "number-from-a-step"],
)
def test_amounts_are_read_as_people_write_them(api, account, connections, typed, currency, sent):
    api.respond("createInvoice", json=invoice(), status=201)
    params = {"connection": account, "amount": typed, "currency": currency, "description": "x"}
    run("moyasar.create_invoice", params, connections)
    assert api.calls("createInvoice")[0].request.json["amount"] == sent


@pytest.mark.parametrize(
    ("typed", "currency", "said"),
    [
        ("150.505", "SAR", "SAR has 2 decimals, so the amount '150.505' can't be charged"),
        ("one fifty", "SAR", "the amount 'one fifty' is not an amount; write it as a number"),
        ("0", "SAR", "must be more than 0 SAR"),
        ("0.50", "SAR", "at least 1.00 SAR"),
        ("10", "riyal", "'riyal' is not a currency code"),
    ],
)
def test_a_bad_amount_is_said_plainly_and_nothing_is_sent(
    api, account, connections, typed, currency, said
):
    params = {"connection": account, "amount": typed, "currency": currency, "description": "x"}
    error = failure("moyasar.create_invoice", params, connections)
    assert said in str(error)
    assert api.calls() == []


def test_creating_a_link_is_declared_not_repeat_safe():
    assert not default_registry().get("moyasar.create_invoice").manifest.repeat_safe
    assert default_registry().get("moyasar.get_payment").manifest.repeat_safe


def test_a_server_error_after_creating_a_link_is_not_retried_blindly(api, account, connections):
    api.respond(
        "createInvoice",
        json={"type": "api_error", "message": "Oops"},
        status=500,
        check=False,  # the description lists no 5xx
    )
    params = {"connection": account, "amount": "150.50", "description": "Order #1042"}
    result = run_with_retries(connections, "moyasar.create_invoice", params)
    assert not result.ok
    assert len(api.calls("createInvoice")) == 1
    assert "it may have been done, so Flowin didn't repeat it" in result.error


def test_a_refused_key_is_not_retried(api, account, connections):
    api.respond(
        "fetchPayment",
        json={"type": "authentication_error", "message": "Invalid authorization credentials"},
        status=401,
    )
    result = run_with_retries(
        connections, "moyasar.get_payment", {"connection": account, "payment_id": PAYMENT_ID}
    )
    assert not result.ok and "reconnect Moyasar with the secret key" in result.error
    assert len(api.calls("fetchPayment")) == 1


def test_too_many_requests_waits_as_long_as_moyasar_asks(api, account, connections):
    api.respond(
        "createInvoice",
        json={"type": "rate_limit_error", "message": "Too many requests"},
        status=429,
        headers={"Retry-After": "7"},
        check=False,  # the description lists no 429
    )
    params = {"connection": account, "amount": "150.50", "description": "Order #1042"}
    error = failure("moyasar.create_invoice", params, connections)
    assert isinstance(error, RetryableError) and error.retry_after == 7


def test_moyasars_validation_errors_name_the_field(api, account, connections):
    api.respond(
        "createInvoice",
        json={
            "type": "invalid_request_error",
            "message": "Validation Failed",
            "errors": {"callback_url": ["is invalid"]},
        },
        status=400,
    )
    params = {"connection": account, "amount": "150.50", "description": "Order #1042"}
    error = failure("moyasar.create_invoice", params, connections)
    assert "Moyasar refused the request: Validation Failed (callback_url: is invalid)" in str(error)
    assert not isinstance(error, RetryableError)


# Reading a payment, and the account.


def test_get_payment_reads_it_in_riyals(api, account, connections):
    api.respond("fetchPayment", json=payment())
    output = run(
        "moyasar.get_payment", {"connection": account, "payment_id": PAYMENT_ID}, connections
    )
    (call,) = api.calls("fetchPayment")
    assert call.request.path == f"/v1/payments/{PAYMENT_ID}"
    assert basic_user(call) == f"{KEY}:"
    assert (output["amount"], output["status"], output["message"]) == (150.5, "paid", "APPROVED")
    assert output["card_number"] == "4201-32XX-XXXX-1010"


def test_a_payment_id_that_is_not_one_is_refused_before_sending(api, account, connections):
    error = failure(
        "moyasar.get_payment", {"connection": account, "payment_id": "1042"}, connections
    )
    assert "'1042' is not a payment ID" in str(error)
    assert api.calls() == []


def test_test_connection_lists_payments_and_names_the_mode(api):
    api.respond("listPayments", json={"payments": [payment()], "meta": {"total_count": 1234}})
    connector = default_registry().get("moyasar.get_payment").connector
    model = connector.credential_model.model_validate(secret(api))
    assert (
        connector.test_function(model)
        == "Connected to Moyasar in test mode; 1,234 payments so far."
    )
    assert basic_user(api.calls("listPayments")[0]) == f"{KEY}:"


def test_a_publishable_key_is_refused_with_a_fix_and_no_call(api, connections):
    connection = connections.add("moyasar", "pk", secret(api, secret_key="pk_test_abc")).id
    error = failure(
        "moyasar.get_payment", {"connection": connection, "payment_id": PAYMENT_ID}, connections
    )
    assert "publishable key" in str(error) and "pk_test_abc" not in str(error)
    assert api.calls() == []
    other = connections.add("moyasar", "bad", secret(api, secret_key="hello")).id
    assert isinstance(
        failure(
            "moyasar.get_payment", {"connection": other, "payment_id": PAYMENT_ID}, connections
        ),
        AccountRejected,
    )


# The validator is not a rubber stamp.


def test_the_description_refuses_requests_moyasar_would_refuse(api):
    auth = (KEY, "")
    invoices = api.url("/v1/invoices")
    answers = [
        httpx.post(
            invoices, auth=auth, json={"amount": "150.50", "currency": "SAR", "description": "x"}
        ),
        httpx.post(invoices, auth=auth, json={"amount": 15050, "currency": "SAR"}),
        httpx.post(invoices, json={"amount": 15050, "currency": "SAR", "description": "x"}),
        httpx.get(api.url("/v1/payments/1042"), auth=auth),
    ]
    assert [a.status_code for a in answers] == [400] * 4
    assert "'150.50' is not of type 'integer'" in str(api.rejected[0])
    assert "'description' is a required property" in str(api.rejected[1])
    assert "Security" in str(api.rejected[2])
    assert api.calls() == []
    api.rejected.clear()


# The triggers.


def test_the_events_used_here_fit_the_payment_schema():
    contract = load_contract(CONTRACT)
    assert schema_errors(contract, "Payment", event()["data"]) == []
    assert schema_errors(contract, "Payment", {**payment(), "amount": "150.50"})


def test_a_paid_event_with_the_secret_token_starts_the_flow_without_the_token(account, connections):
    request = webhook(json.dumps(event()).encode())
    assert gate("moyasar.payment_paid", request, connections, account) is None
    assert isinstance(gate("moyasar.payment_failed", request, connections, account), WebhookReply)
    output = run(
        "moyasar.payment_paid",
        {"connection": account},
        connections,
        trigger_data=request.as_trigger_data(),
    )
    assert (output["event_type"], output["payment_id"]) == ("payment_paid", PAYMENT_ID)
    assert (output["amount"], output["currency"]) == (150.5, "SAR")
    assert output["metadata"] == {"order": "1042"}
    assert TOKEN not in json.dumps(output)


@pytest.mark.parametrize("kind", ["payment_failed", "payment_faild"])
def test_a_failed_payment_says_why(account, connections, kind):
    failed = event(kind, status="failed")
    failed["data"]["source"]["message"] = "INSUFFICIENT_FUNDS"
    request = webhook(json.dumps(failed).encode())
    assert gate("moyasar.payment_failed", request, connections, account) is None
    assert isinstance(gate("moyasar.payment_paid", request, connections, account), WebhookReply)
    output = run("moyasar.payment_failed", {}, connections, trigger_data=request.as_trigger_data())
    assert (output["status"], output["message"]) == ("failed", "INSUFFICIENT_FUNDS")


@pytest.mark.parametrize(
    ("token", "reason", "status"),
    [
        ("someone-else", "doesn't match", 401),
        (None, "carried no secret token", 401),
        (TOKEN[:-1], "doesn't match", 401),
    ],
    ids=["wrong", "missing", "almost"],
)
def test_events_without_the_right_secret_token_are_refused(
    account, connections, token, reason, status
):
    request = webhook(json.dumps(event(token=token)).encode())
    with pytest.raises(WebhookRejected, match=reason) as caught:
        gate("moyasar.payment_paid", request, connections, account)
    assert caught.value.status == status


def test_an_account_without_a_secret_token_refuses_with_a_fix(api, connections):
    connection = connections.add("moyasar", "No token", secret(api, webhook_secret="")).id
    with pytest.raises(WebhookRejected, match="Settings → Webhooks") as caught:
        gate("moyasar.payment_paid", webhook(json.dumps(event()).encode()), connections, connection)
    assert caught.value.status == 403


def test_the_listener_runs_a_paid_event_once_and_refuses_a_forged_one(tmp_path, monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    body = json.dumps(event()).encode()
    forged = json.dumps(event(token="guess")).encode()
    headers = {"Content-Type": "application/json"}
    with (
        Store(tmp_path / "flowin.db") as store,
        listening(
            store, "moyasar", {"secret_key": KEY, "webhook_secret": TOKEN}, "moyasar.payment_paid"
        ) as (url, store, flow_id),
    ):
        refused = httpx.post(url, content=forged, headers=headers)
        assert refused.status_code == 401 and "doesn't match" in refused.json()["error"]
        post_twice_then_count(url, store, flow_id, content=body, headers=headers)


def test_the_delivery_id_is_the_events_id():
    from flowin_engine.webhooks import delivery_id

    declared = default_registry().get("moyasar.payment_paid").manifest.delivery_id
    request = webhook(json.dumps(copy.deepcopy(event())).encode())
    assert delivery_id(request, declared) == "fb5bf5a4-b9d6-4a8e-9f2c-5e6f1b2f6f10"
