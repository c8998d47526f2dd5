"""Stripe against a local API that validates each call with Stripe's published OpenAPI document
(tests/contracts/vendor/stripe/spec3.yaml, API version 2023-08-16).

openapi-core can't read Stripe's bracketed form bodies and query filters (deepObject with anyOf),
so the contract server decodes them first (``decode_stripe_form`` in openapi_server.py): each
request is checked field by field against the document, types included. Answers come from the
document's own fixtures (fixtures3.json) and errors use its ``error`` schema. Webhook events are
not in the document as requests: their payloads are checked against its ``event`` and
``payment_intent`` schemas, and their signature follows stripe.com/docs/webhooks#verify-manually.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from typing import Any

import httpx
import pytest

from flowin_engine.credentials import Connections
from flowin_engine.data_folder import DataFolder
from flowin_engine.errors import NotFound, RetryableError
from flowin_engine.events import ExecutionStatus
from flowin_engine.model import FlowStatus
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.store import Store
from flowin_engine.webhooks import GateContext, WebhookRejected, WebhookReply, WebhookRequest
from tests.connectors.connector_runs import failure, run
from tests.contracts.openapi_server import (
    ContractServer,
    contract_file,
    load_contract,
    schema_errors,
)
from tests.engine.builders import make_flow

CONTRACT = "stripe/spec3.yaml"
KEY = "sk_test_51FlowinNotARealKey0123456789abcdefABCDEF"
WHSEC = "whsec_0123456789abcdefFlowinSigningSecret"
CUSTOMER_ID = "cus_PfZ0mQ4Tq5bW2x"


@cache
def fixture(name: str) -> dict[str, Any]:
    """One of Stripe's example objects from fixtures3.json (same commit as the document)."""
    with contract_file("stripe/fixtures3.json").open(encoding="utf-8") as file:
        return json.load(file)["resources"][name]


def customer(**fields: Any) -> dict[str, Any]:
    return {**copy.deepcopy(fixture("customer")), **fields}


def intent(number: int, **fields: Any) -> dict[str, Any]:
    return {
        **copy.deepcopy(fixture("payment_intent")),
        "id": f"pi_{number:024d}",
        "amount": 12000,
        "amount_received": 12000,
        "currency": "aed",
        "customer": CUSTOMER_ID,
        "status": "succeeded",
        **fields,
    }


def page(*intents: dict[str, Any], has_more: bool = False) -> dict[str, Any]:
    return {
        "object": "list",
        "data": list(intents),
        "has_more": has_more,
        "url": "/v1/payment_intents",
    }


def stripe_error(kind: str, message: str, **fields: Any) -> dict[str, Any]:
    return {"error": {"type": kind, "message": message, **fields}}


@pytest.fixture(scope="module", autouse=True)
def _contract_loaded_once():
    # The 4 MB document takes seconds to read; load_contract keeps it for every test here.
    load_contract(CONTRACT)


@pytest.fixture
def api(httpserver) -> Iterator[ContractServer]:
    with ContractServer(httpserver, CONTRACT) as server:
        yield server


@pytest.fixture(scope="module")
def connections(tmp_path_factory) -> Iterator[Connections]:
    # One database for the module: each test adds its own account to it.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FLOWIN_SECRETS", "file")
        yield Connections(Store(tmp_path_factory.mktemp("stripe") / "f.db"))


def secret(api: ContractServer, **fields: str) -> dict[str, str]:
    return {"secret_key": KEY, "webhook_secret": WHSEC, "base_url": api.url(), **fields}


@pytest.fixture
def account(api, connections) -> str:
    return connections.add("stripe", "Layla's shop", secret(api)).id


# Creating customers.


def test_create_customer_posts_a_form_with_bracketed_metadata_and_an_idempotency_key(
    api, account, connections
):
    api.respond(
        "PostCustomers",
        json=customer(
            id=CUSTOMER_ID,
            email="layla@example.com",
            name="Layla Haddad",
            metadata={"order": "1042"},
        ),
    )
    output = run(
        "stripe.create_customer",
        {
            "connection": account,
            "email": " layla@example.com ",
            "name": "Layla Haddad",
            "metadata": {"order": 1042, "vip": True},
        },
        connections,
    )
    (call,) = api.calls("PostCustomers")
    assert call.request.headers["Authorization"] == f"Bearer {KEY}"
    assert call.request.mimetype == "application/x-www-form-urlencoded"
    assert call.request.form.to_dict() == {
        "email": "layla@example.com",
        "name": "Layla Haddad",
        "metadata[order]": "1042",
        "metadata[vip]": "true",
    }
    assert call.body == {
        "email": "layla@example.com",
        "name": "Layla Haddad",
        "metadata": {"order": "1042", "vip": "true"},
    }
    assert call.request.headers["Idempotency-Key"].startswith("flowin-")
    assert output["id"] == CUSTOMER_ID and output["metadata"] == {"order": "1042"}
    assert output["created"] == "2009-02-13T23:31:30+00:00"
    assert KEY not in json.dumps(output)


def test_the_idempotency_key_is_the_same_for_a_repeated_step_and_new_for_a_new_run(
    api, account, connections
):
    api.respond("PostCustomers", json=customer(id=CUSTOMER_ID))
    params = {"connection": account, "email": "layla@example.com"}
    run("stripe.create_customer", params, connections, execution_id="run-1")
    run("stripe.create_customer", params, connections, execution_id="run-1")
    run("stripe.create_customer", params, connections, execution_id="run-2")
    run("stripe.create_customer", {**params, "idempotency_key": "evt_1042"}, connections)
    keys = [c.request.headers["Idempotency-Key"] for c in api.calls("PostCustomers")]
    assert keys[0] == keys[1] != keys[2]
    assert keys[3] == "evt_1042"


def test_the_engine_retries_a_rate_limited_create_after_retry_after_with_the_same_key(
    api, account, connections
):
    api.respond(
        "PostCustomers",
        json=stripe_error("invalid_request_error", "Too many requests in a short period."),
        status=429,
        headers={"Retry-After": "1"},
    )
    api.respond(
        "PostCustomers", json=stripe_error("api_error", "Something went wrong."), status=500
    )
    api.respond("PostCustomers", json=customer(id=CUSTOMER_ID, email="layla@example.com"))
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            (
                "Customer",
                "stripe.create_customer",
                {"connection": account, "email": "{{ trigger.email }}"},
            ),
        ],
        ["Start -> Customer"],
    )
    started = time.monotonic()
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, {"email": "layla@example.com"})
    assert result.ok, result.error
    assert time.monotonic() - started >= 0.9  # Retry-After: 1, not the 0.01 s back-off
    calls = api.calls("PostCustomers")
    assert len(calls) == 3
    assert len({c.request.headers["Idempotency-Key"] for c in calls}) == 1
    assert result.outputs["Customer"]["id"] == CUSTOMER_ID


def test_create_customer_is_declared_repeat_safe():
    assert default_registry().get("stripe.create_customer").manifest.repeat_safe


@pytest.mark.parametrize(
    ("metadata", "problem"),
    [
        ('{"order": ', "not valid JSON"),
        ({"items[0]": "soap"}, "without [ or ]"),
        ({"items": ["soap"]}, "text or a number"),
    ],
)
def test_metadata_stripe_cannot_keep_is_refused_before_sending(
    api, account, connections, metadata, problem
):
    error = failure(
        "stripe.create_customer", {"connection": account, "metadata": metadata}, connections
    )
    assert problem in str(error)
    assert api.calls() == []


# Listing payments.


def test_list_payments_follows_starting_after_while_has_more(api, account, connections):
    api.respond("GetPaymentIntents", json=page(intent(1), intent(2), has_more=True))
    api.respond("GetPaymentIntents", json=page(intent(3, amount=1099, currency="usd")))
    output = run(
        "stripe.list_payments",
        {
            "connection": account,
            "customer": CUSTOMER_ID,
            "created_from": "2024-03-01",
            "created_before": "1711929600",
        },
        connections,
    )
    first, second = api.calls("GetPaymentIntents")
    march = int(datetime(2024, 3, 1, tzinfo=UTC).timestamp())
    assert first.request.args.to_dict() == {
        "limit": "100",
        "customer": CUSTOMER_ID,
        "created[gte]": str(march),
        "created[lt]": "1711929600",
    }
    assert first.parameters.query["created"] == {"gte": march, "lt": 1711929600}
    assert second.request.args["starting_after"] == intent(2)["id"]
    assert second.request.args["customer"] == CUSTOMER_ID
    assert [p["id"] for p in output["payments"]] == [intent(n)["id"] for n in (1, 2, 3)]
    assert (output["count"], output["has_more"]) == (3, False)
    assert output["payments"][0]["amount"] == 120.0 and output["payments"][0]["currency"] == "AED"
    assert output["payments"][2]["amount"] == 10.99


def test_list_payments_stops_at_its_limit_and_says_more_remain(api, account, connections):
    api.respond("GetPaymentIntents", json=page(intent(1), intent(2), has_more=True))
    api.respond("GetPaymentIntents", json=page(intent(3), has_more=True))
    output = run("stripe.list_payments", {"connection": account, "limit": 3}, connections)
    first, second = api.calls("GetPaymentIntents")
    assert (first.request.args["limit"], second.request.args["limit"]) == ("3", "1")
    assert (output["count"], output["has_more"]) == (3, True)


def test_amounts_are_in_major_units_for_zero_and_three_decimal_currencies(
    api, account, connections
):
    api.respond(
        "GetPaymentIntents",
        json=page(intent(1, amount=5000, currency="jpy"), intent(2, amount=12345, currency="kwd")),
    )
    payments = run("stripe.list_payments", {"connection": account}, connections)["payments"]
    assert [(p["amount"], p["currency"]) for p in payments] == [(5000, "JPY"), (12.345, "KWD")]


def test_a_date_that_is_not_one_is_said_plainly(api, account, connections):
    error = failure(
        "stripe.list_payments", {"connection": account, "created_from": "last week"}, connections
    )
    assert "Created from 'last week' is not a date" in str(error)


# Test connection and errors.


def test_test_connection_reads_the_balance(api):
    balance = copy.deepcopy(fixture("balance"))
    balance["available"] = [
        {"amount": 1234567, "currency": "usd", "source_types": {"card": 1234567}}
    ]
    api.respond("GetBalance", json=balance)
    connector = default_registry().get("stripe.list_payments").connector
    model = connector.credential_model.model_validate(secret(api))
    assert connector.test_function(model) == (
        "Connected to Stripe in test mode; available: 12,345.67 USD."
    )
    assert api.calls("GetBalance")[0].request.headers["Authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize(
    ("status", "answer", "expected"),
    [
        (
            401,
            stripe_error("invalid_request_error", f"Invalid API Key provided: {KEY[:8]}****cdef"),
            "Invalid Stripe API key — reconnect",
        ),
        (
            403,
            stripe_error(
                "invalid_request_error",
                f"The provided key '{KEY}' does not have the required permissions for this "
                "endpoint on account 'acct_1'.",
            ),
            "isn't allowed to do that (The provided key '(key hidden)' does not",
        ),
        (
            400,
            stripe_error("invalid_request_error", "Invalid email address: layla@", param="email"),
            "Stripe refused the request (field email): Invalid email address: layla@.",
        ),
        (
            402,
            stripe_error(
                "card_error",
                "Your card has insufficient funds.",
                code="card_declined",
                decline_code="insufficient_funds",
            ),
            "the card was declined: Your card has insufficient funds (insufficient_funds).",
        ),
    ],
    ids=["bad-key", "restricted-key", "invalid-request", "card-declined"],
)
def test_stripes_errors_become_sentences_without_the_key(
    api, account, connections, status, answer, expected
):
    api.respond("PostCustomers", json=answer, status=status)
    error = failure(
        "stripe.create_customer", {"connection": account, "email": "layla@"}, connections
    )
    assert expected in str(error)
    assert not isinstance(error, RetryableError)
    assert KEY not in str(error) and KEY[8:20] not in str(error)


def test_rate_limits_are_retryable_after_stripes_wait(api, account, connections):
    api.respond(
        "GetPaymentIntents",
        json=stripe_error("invalid_request_error", "Too many requests."),
        status=429,
        headers={"Retry-After": "7"},
    )
    error = failure("stripe.list_payments", {"connection": account}, connections)
    assert isinstance(error, RetryableError) and error.retry_after == 7


def test_a_server_error_stripe_says_not_to_retry_is_not_retried(api, account, connections):
    api.respond(
        "GetPaymentIntents",
        json=stripe_error("api_error", "Something went wrong."),
        status=500,
        headers={"Stripe-Should-Retry": "false"},
    )
    error = failure("stripe.list_payments", {"connection": account}, connections)
    assert not isinstance(error, RetryableError)


@pytest.mark.parametrize(
    ("key", "expected"),
    [("pk_test_51FlowinPublishable", "publishable key"), ("not-a-key", "Invalid Stripe API key")],
)
def test_a_key_that_is_not_a_secret_key_is_refused_without_a_call(api, connections, key, expected):
    connection = connections.add("stripe", "Wrong key", secret(api, secret_key=key)).id
    error = failure("stripe.list_payments", {"connection": connection}, connections)
    assert expected in str(error) and key not in str(error)
    assert api.calls() == []


def test_an_account_without_a_key_says_so_without_quoting_its_fields(api, connections):
    connection = connections.add("stripe", "Half", {"webhook_secret": WHSEC}).id
    error = failure("stripe.list_payments", {"connection": connection}, connections)
    assert "reconnect Stripe" in str(error) and WHSEC not in str(error)


# The validator is not a rubber stamp.


def test_the_contract_refuses_requests_stripe_would_refuse(api):
    auth = {"Authorization": f"Bearer {KEY}"}
    customers, intents = api.url("/v1/customers"), api.url("/v1/payment_intents")
    answers = [
        httpx.post(customers, headers=auth, data={"email": "a@b.example", "balance": "twelve"}),
        httpx.post(customers, headers=auth, data={"emial": "a@b.example"}),
        httpx.post(customers, headers=auth, data={"metadata[order][id]": "1042"}),
        httpx.post(customers, headers=auth, json={"email": "a@b.example"}),
        httpx.get(intents, headers=auth, params={"created[gte]": "yesterday"}),
        httpx.get(intents, headers=auth, params={"limit": "ten"}),
        httpx.get(intents, params={"limit": 3}),
    ]
    assert [a.status_code for a in answers] == [400] * 7
    assert len(api.rejected) == 7
    assert "'twelve' is not of type 'integer'" in str(api.rejected[0])
    assert "not application/json" in str(api.rejected[3])
    assert "Security" in str(api.rejected[6])
    assert api.calls() == []
    api.rejected.clear()


# The webhook trigger.


def succeeded_event(**object_fields: Any) -> dict[str, Any]:
    event = copy.deepcopy(fixture("event"))
    event.update(
        id="evt_3OqAv2GPxmnHQRkJ0cNqsVbL",
        type="payment_intent.succeeded",
        created=1709633520,
        api_version="2023-08-16",
        data={
            "object": intent(
                1,
                receipt_email="layla@example.com",
                description="Order #1042",
                metadata={"order": "1042"},
                shipping={
                    "address": {"city": "Dubai", "country": "AE"},
                    "name": "Layla Haddad",
                    "phone": "+971501234567",
                },
                **object_fields,
            )
        },
    )
    return event


def checkout_event(payment_status: str = "paid") -> dict[str, Any]:
    session = {
        **copy.deepcopy(fixture("checkout.session")),
        "amount_total": 4500,
        "currency": "sar",
        "customer": CUSTOMER_ID,
        "payment_status": payment_status,
        "status": "complete",
    }
    return {**succeeded_event(), "type": "checkout.session.completed", "data": {"object": session}}


def test_the_events_used_here_fit_stripes_schemas():
    contract = load_contract(CONTRACT)
    event = succeeded_event()
    assert schema_errors(contract, "event", event) == []
    assert schema_errors(contract, "payment_intent", event["data"]["object"]) == []
    assert schema_errors(contract, "checkout.session", checkout_event()["data"]["object"]) == []
    assert schema_errors(contract, "event", {**event, "created": "yesterday"})


def stripe_signature(body: bytes, secret: str = WHSEC, age: float = 0, extra: str = "") -> str:
    timestamp = str(int(time.time() - age))
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},{extra}v1={digest.hexdigest()},v0=6ffbb59b2300aae63f272406069a9788"


def delivery(event: dict[str, Any], signature: str | None = None) -> WebhookRequest:
    """The request Stripe sends; ``signature`` "" for none at all."""
    body = json.dumps(event).encode()
    headers = {"content-type": "application/json; charset=utf-8"}
    if signature is None:
        signature = stripe_signature(body)
    if signature:
        headers["stripe-signature"] = signature
    return WebhookRequest(
        "POST", "/webhook/pay", "https://hooks.example/webhook/pay", headers, {}, body
    )


def gate(request: WebhookRequest, connections: Connections, connection: str, **params: Any):
    node_type = default_registry().get("stripe.payment_succeeded")
    model = node_type.input_model.model_validate({"connection": connection, **params})
    return node_type.webhook_gate(model, request, GateContext(connections.secret))


def test_a_signed_payment_event_is_accepted_and_becomes_the_payment(account, connections):
    request = delivery(succeeded_event())
    assert gate(request, connections, account) is None
    output = run(
        "stripe.payment_succeeded",
        {"connection": account},
        connections,
        trigger_data=request.as_trigger_data(),
    )
    assert {k: v for k, v in output.items() if k != "event"} == {
        "event_id": "evt_3OqAv2GPxmnHQRkJ0cNqsVbL",
        "event_type": "payment_intent.succeeded",
        "payment_intent_id": intent(1)["id"],
        "amount": 120.0,
        "currency": "AED",
        "customer_id": CUSTOMER_ID,
        "customer_email": "layla@example.com",
        "customer_name": "Layla Haddad",
        "customer_phone": "+971501234567",
        "description": "Order #1042",
        "metadata": {"order": "1042"},
        "livemode": False,
        "created": "2024-03-05T10:12:00+00:00",
    }
    assert output["event"] == succeeded_event()


def test_one_right_signature_among_several_is_enough_while_a_secret_is_rolled(account, connections):
    body = json.dumps(succeeded_event()).encode()
    old = "v1=" + "0" * 64 + ","
    assert (
        gate(delivery(succeeded_event(), stripe_signature(body, extra=old)), connections, account)
        is None
    )


@pytest.mark.parametrize(
    ("signature", "reason"),
    [
        (lambda body: stripe_signature(body, secret="whsec_someone_else"), "doesn't match"),
        (lambda body: stripe_signature(body + b" "), "doesn't match"),
        (lambda body: stripe_signature(body, age=360), "more than 5 minutes ago"),
        (
            lambda body: "v1=" + hmac.new(WHSEC.encode(), body, hashlib.sha256).hexdigest(),
            "no Stripe-Signature",
        ),
        (lambda body: "", "no Stripe-Signature"),
    ],
    ids=["other-secret", "body-changed", "stale", "no-timestamp", "missing"],
)
def test_forged_changed_stale_or_unsigned_events_are_refused(
    account, connections, signature, reason
):
    event = succeeded_event()
    request = delivery(event, signature(json.dumps(event).encode()))
    with pytest.raises(WebhookRejected, match=reason) as caught:
        gate(request, connections, account)
    assert caught.value.status == 401


def test_an_account_without_a_signing_secret_refuses_with_a_fix(api, connections):
    connection = connections.add("stripe", "No secret", secret(api, webhook_secret="")).id
    with pytest.raises(WebhookRejected, match="whsec_") as caught:
        gate(delivery(succeeded_event()), connections, connection)
    assert caught.value.status == 403


def test_other_events_are_acknowledged_without_a_run(account, connections):
    other = {**succeeded_event(), "type": "payment_intent.payment_failed"}
    reply = gate(delivery(other), connections, account)
    assert isinstance(reply, WebhookReply) and reply.status == 200
    assert isinstance(gate(delivery(checkout_event()), connections, account), WebhookReply)


def test_a_paid_checkout_session_starts_the_flow_when_chosen(account, connections):
    assert gate(delivery(checkout_event()), connections, account, include_checkout=True) is None
    unpaid = gate(delivery(checkout_event("unpaid")), connections, account, include_checkout=True)
    assert isinstance(unpaid, WebhookReply) and unpaid.status == 200
    trigger_data = delivery(checkout_event()).as_trigger_data()
    output = run(
        "stripe.payment_succeeded",
        {"include_checkout": True},
        connections,
        trigger_data=trigger_data,
    )
    assert (output["amount"], output["currency"], output["customer_email"]) == (
        45.0,
        "SAR",
        "example@example.com",
    )
    assert output["payment_intent_id"] == fixture("checkout.session")["payment_intent"]


# End to end, through the engine's webhook listener.


def finished(store: Store, execution_id: str, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            detail = store.executions.get(execution_id)  # written once the event is taken up
        except NotFound:
            detail = None
        if detail is not None and detail.status not in ("queued", "running", "waiting"):
            return detail
        time.sleep(0.05)
    raise AssertionError(f"execution {execution_id} did not finish")


PAID_NOTE = "{{ input.customer_email }} paid {{ input.amount }} {{ input.currency }}"


def test_the_listener_runs_the_flow_for_a_signed_event_and_refuses_forged_and_stale_ones(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    with Store(tmp_path / "flowin.db") as store:
        folder = DataFolder(store)
        connection = folder.connections.add(
            "stripe", "Shop", {"secret_key": KEY, "webhook_secret": WHSEC}
        ).id
        flow = make_flow(
            [
                ("Paid", "stripe.payment_succeeded", {"connection": connection}),
                (
                    "Note",
                    "core.set_fields",
                    {"fields": [{"name": "text", "value": PAID_NOTE}]},
                ),
            ],
            ["Paid -> Note"],
        )
        flow.status = FlowStatus.ACTIVE
        store.flows.save(flow)
        runtime = folder.runtime(RuntimeSettings(port=0, sync_interval=0.1))
        runtime.start()
        try:
            runtime.sync()
            url = runtime.webhook_url(flow.id)
            body = json.dumps(succeeded_event()).encode()

            def post(signature: str, content: bytes = body) -> httpx.Response:
                headers = {"Content-Type": "application/json; charset=utf-8"}
                return httpx.post(
                    url, content=content, headers={**headers, "Stripe-Signature": signature}
                )

            forged = post(stripe_signature(body, secret="whsec_forged"))
            stale = post(stripe_signature(body, age=600))
            assert (forged.status_code, stale.status_code) == (401, 401)
            assert "signature doesn't match" in forged.json()["error"]
            assert "more than 5 minutes ago" in stale.json()["error"]
            other = json.dumps({**succeeded_event(), "type": "charge.refunded"}).encode()
            ignored = post(stripe_signature(other), other)
            assert (ignored.status_code, ignored.json()) == (200, {"ignored": "charge.refunded"})
            accepted = post(stripe_signature(body))
            assert accepted.status_code == 202
            detail = finished(store, accepted.json()["execution_id"])
            assert len(store.executions.summaries()) == 1
        finally:
            runtime.stop(grace=2)
    assert detail.status == ExecutionStatus.SUCCESS
    assert detail.steps[-1].output == {"text": "layla@example.com paid 120.0 AED"}


# Invoice paid and new customer: the same signed-event check, other event types.


def invoice_event() -> dict[str, Any]:
    invoice = {
        **copy.deepcopy(fixture("invoice")),
        "id": "in_1OqBx2GPxmnHQRkJ4yTzXb8Q",
        "amount_paid": 4900,
        "currency": "usd",
        "customer": CUSTOMER_ID,
        "customer_email": "layla@example.com",
        "customer_name": "Layla Haddad",
        "status": "paid",
    }
    return {**succeeded_event(), "type": "invoice.paid", "data": {"object": invoice}}


def customer_event() -> dict[str, Any]:
    created = customer(id=CUSTOMER_ID, email="omar@example.com", name="Omar", phone="+9665")
    return {**succeeded_event(), "type": "customer.created", "data": {"object": created}}


def event_gate(operation: str, request: WebhookRequest, connections: Connections, connection: str):
    node_type = default_registry().get(f"stripe.{operation}")
    model = node_type.input_model.model_validate({"connection": connection})
    return node_type.webhook_gate(model, request, GateContext(connections.secret))


def test_the_invoice_and_customer_events_fit_stripes_schemas():
    contract = load_contract(CONTRACT)
    assert schema_errors(contract, "invoice", invoice_event()["data"]["object"]) == []
    assert schema_errors(contract, "customer", customer_event()["data"]["object"]) == []


def test_a_paid_invoice_starts_its_trigger_and_nothing_else(account, connections):
    request = delivery(invoice_event())
    assert event_gate("invoice_paid", request, connections, account) is None
    assert isinstance(event_gate("payment_succeeded", request, connections, account), WebhookReply)
    assert isinstance(event_gate("new_customer", request, connections, account), WebhookReply)
    output = run(
        "stripe.invoice_paid",
        {"connection": account},
        connections,
        trigger_data=request.as_trigger_data(),
    )
    assert (output["amount_paid"], output["currency"]) == (49.0, "USD")
    assert (output["customer_id"], output["customer_email"]) == (CUSTOMER_ID, "layla@example.com")
    assert output["invoice_id"] == "in_1OqBx2GPxmnHQRkJ4yTzXb8Q"


def test_a_new_customer_starts_its_trigger_and_a_forged_one_is_refused(account, connections):
    request = delivery(customer_event())
    assert event_gate("new_customer", request, connections, account) is None
    output = run(
        "stripe.new_customer",
        {"connection": account},
        connections,
        trigger_data=request.as_trigger_data(),
    )
    assert (output["customer_id"], output["email"], output["name"]) == (
        CUSTOMER_ID,
        "omar@example.com",
        "Omar",
    )
    body = json.dumps(customer_event()).encode()
    forged = delivery(customer_event(), stripe_signature(body, secret="whsec_someone_else"))
    with pytest.raises(WebhookRejected, match="doesn't match"):
        event_gate("new_customer", forged, connections, account)
