"""Paymob against a local API that checks each call with the community OpenAPI descriptions
(tests/contracts/vendor/paymob/: intentions, transactions, authentication; Paymob publishes none),
corrected in memory where Paymob's documentation says otherwise, and against that documentation.

Corrections, each shown necessary by a test below:
- auth: the description says ``Authorization: Bearer`` everywhere; the Intention API takes
  ``Authorization: Token <secret key>`` (developers.paymob.com, "Create Intention"). The
  corrected document declares the header as an API key and the tests check the ``Token ``
  prefix; the transaction inquiry keeps ``Bearer <auth token>`` from ``/api/auth/tokens``.
- times are typed ``date-time``, but Paymob writes them without an offset.
Transaction processed callbacks are not in the descriptions: the callback is Paymob's sample
from its HMAC page (developers.paymob.com, "HMAC Transaction Callback"), whose concatenated
string the tests rebuild exactly; the page's HMAC was made with a secret it doesn't give, so the
tests sign with their own.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from openapi_core import Config, OpenAPI

from flowin_engine.errors import AccountRejected, RetryableError
from flowin_engine.registry import default_registry
from flowin_engine.store import Store
from flowin_engine.webhooks import WebhookRejected, WebhookReply, delivery_id
from tests.connectors.connector_runs import (
    failure,
    gate,
    listening,
    post_twice_then_count,
    run,
    run_with_retries,
    webhook,
)
from tests.contracts.openapi_server import (
    Contract,
    ContractServer,
    iter_contract_errors,
    load_document,
)

DOCUMENTS = (
    "paymob/paymob-intentions-api-openapi.yml",
    "paymob/paymob-transactions-api-openapi.yml",
    "paymob/paymob-authentication-api-openapi.yml",
)
SECRET_KEY = "egy_sk_test_FlowinNotARealPaymobSecret0123"
PUBLIC_KEY = "egy_pk_test_FlowinPublic0123"
API_KEY = "ZXlKaGJHY2lPaUpJVXpVeE1pSXNJblI1Y0NJNklrcFhWQ0o5.FlowinNotARealApiKey"
HMAC_SECRET = "FLOWINNOTAREALHMACSECRET0123456789ABCDEF"
AUTH_TOKEN = "ZXlKMGVYQWlPaUpLVjFRaUxDSmhiR2NpT2lKSVV6VXhNaUo5.token"

# The sample transaction of Paymob's HMAC page, rebuilt from its documented concatenated string.
DOCUMENTED_STRING = (
    "1000002024-06-13T11:33:44.592345EGPfalsefalse1920364654097558truefalsefalsefalsetruefalse"
    "217503754302852false2346MasterCardcardtrue"
)


def transaction(**fields: Any) -> dict[str, Any]:
    return {
        "id": 192036465,
        "pending": False,
        "amount_cents": 100000,
        "success": True,
        "is_auth": False,
        "is_capture": False,
        "is_standalone_payment": True,
        "is_voided": False,
        "is_refunded": False,
        "is_3d_secure": True,
        "integration_id": 4097558,
        "profile_id": 302852,
        "has_parent_transaction": False,
        "order": {
            "id": 217503754,
            "created_at": "2024-06-13T11:32:09.628623",
            "merchant_order_id": "1042",
            "amount_cents": 100000,
            "currency": "EGP",
            "shipping_data": {
                "first_name": "Layla",
                "last_name": "Haddad",
                "email": "layla@example.com",
                "phone_number": "+201012345678",
            },
        },
        "created_at": "2024-06-13T11:33:44.592345",
        "currency": "EGP",
        "source_data": {"pan": "2346", "type": "card", "sub_type": "MasterCard"},
        "error_occured": False,
        "owner": 302852,
        "data": {"message": "Approved", "txn_response_code": "APPROVED"},
        **fields,
    }


def callback(**fields: Any) -> dict[str, Any]:
    return {"type": "TRANSACTION", "obj": transaction(**fields)}


def hmac_of(obj: dict[str, Any], secret: str = HMAC_SECRET) -> str:
    return hmac.new(
        secret.encode(), documented_concatenation(obj).encode(), hashlib.sha512
    ).hexdigest()


def documented_concatenation(obj: dict[str, Any]) -> str:
    """The page's recipe, written out here apart from the connector's own."""

    def text(value: Any) -> str:
        return str(value).lower() if isinstance(value, bool) else str(value)

    return "".join(
        text(v)
        for v in (
            obj["amount_cents"],
            obj["created_at"],
            obj["currency"],
            obj["error_occured"],
            obj["has_parent_transaction"],
            obj["id"],
            obj["integration_id"],
            obj["is_3d_secure"],
            obj["is_auth"],
            obj["is_capture"],
            obj["is_refunded"],
            obj["is_standalone_payment"],
            obj["is_voided"],
            obj["order"]["id"],
            obj["owner"],
            obj["pending"],
            obj["source_data"]["pan"],
            obj["source_data"]["sub_type"],
            obj["source_data"]["type"],
            obj["success"],
        )
    )


def intention(**fields: Any) -> dict[str, Any]:
    return {
        "id": "pi_test_5f3b1c2d4e6a4b8c9d0e1f2a3b4c5d6e",
        "client_secret": "egy_csk_test_0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "intention_order_id": 217503754,
        "amount": 15050,
        "currency": "EGP",
        "status": "intended",
        "payment_methods": [
            {
                "integration_id": 4097558,
                "name": "Card",
                "method_type": "online_card",
                "currency": "EGP",
            }
        ],
        "created": "2024-06-13T11:30:00+00:00",
        **fields,
    }


# The descriptions, merged and corrected.


def merged() -> dict[str, Any]:
    intentions, transactions, authentication = (load_document(name, ()) for name in DOCUMENTS)
    document = copy.deepcopy(intentions)
    for other in (transactions, authentication):
        document["paths"].update(other["paths"])
        document["components"]["schemas"].update(other["components"].get("schemas", {}))
    return document


def token_auth_for_intentions(document: dict[str, Any]) -> dict[str, Any]:
    """The Intention API's documented ``Authorization: Token <secret key>``."""
    document["components"]["securitySchemes"]["SecretKeyToken"] = {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
    }
    for path, item in document["paths"].items():
        if path.startswith("/v1/intention"):
            for operation in item.values():
                if operation.get("security") != []:
                    operation["security"] = [{"SecretKeyToken": []}]
    return document


def times_without_offset(document: dict[str, Any]) -> dict[str, Any]:
    """Paymob writes times without an offset ("2024-06-13T11:33:44.592345", its own samples),
    which RFC 3339's date-time, as the description types them, refuses."""

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("format") == "date-time":
                del node["format"]
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(document["components"])
    return document


def contract(*corrections) -> Contract:
    document = merged()
    for correct in corrections:
        document = correct(document)
    openapi = OpenAPI.from_dict(document, config=Config(spec_validator_cls=None))
    return Contract("paymob (intentions + transactions + authentication)", document, openapi)


CORRECTED = contract(token_auth_for_intentions, times_without_offset)
AS_PUBLISHED = contract()


@pytest.fixture
def api(httpserver) -> Iterator[ContractServer]:
    with ContractServer(httpserver, CORRECTED) as server:
        yield server


def secret(api: ContractServer, **fields: str) -> dict[str, str]:
    return {
        "secret_key": SECRET_KEY,
        "public_key": PUBLIC_KEY,
        "integration_ids": "4097558, 4097559",
        "hmac_secret": HMAC_SECRET,
        "api_key": API_KEY,
        "base_url": api.url(),
        **fields,
    }


@pytest.fixture
def account(api, connections) -> str:
    return connections.add("paymob", "Layla's shop", secret(api)).id


LINK = {
    "amount": "150.50",
    "currency": "EGP",
    "description": "Order #1042",
    "first_name": "Layla",
    "email": "layla@example.com",
    "phone": "+20 101 234 5678",
}


# Payment links.


def test_a_payment_link_is_an_intention_in_piasters_opened_in_unified_checkout(
    api, account, connections
):
    api.respond("createIntention", json=intention(), status=201)
    output = run(
        "paymob.create_payment_link",
        {
            "connection": account,
            **LINK,
            "order_reference": "1042",
            "notification_url": "https://hooks.example/webhook/paymob",
            "expires_in_hours": 2,
            "metadata": {"order": 1042},
        },
        connections,
    )
    (call,) = api.calls("createIntention")
    assert call.request.headers["Authorization"] == f"Token {SECRET_KEY}"
    sent = call.request.json
    assert (sent["amount"], sent["currency"]) == (15050, "EGP")
    assert sent["payment_methods"] == [4097558, 4097559]
    assert sent["items"] == [
        {"name": "Order #1042", "amount": 15050, "description": "Order #1042", "quantity": 1}
    ]
    assert sent["billing_data"] == {
        "first_name": "Layla",
        "last_name": "NA",
        "email": "layla@example.com",
        "phone_number": "+201012345678",
    }
    assert sent["special_reference"] == "1042" and sent["expiration"] == 7200
    assert sent["notification_url"] == "https://hooks.example/webhook/paymob"
    assert sent["extras"] == {"order": "1042"}
    page = urlsplit(output["url"])
    assert page.path == "/unifiedcheckout/"
    assert parse_qs(page.query) == {
        "publicKey": [PUBLIC_KEY],
        "clientSecret": ["egy_csk_test_0f1e2d3c4b5a69788796a5b4c3d2e1f0"],
    }
    assert (output["amount"], output["order_id"]) == (150.5, 217503754)
    assert SECRET_KEY not in json.dumps(output)


def test_the_description_as_published_refuses_paymob_s_documented_token_auth(
    api, account, connections
):
    # Without the correction the description wants a bearer token.
    api.respond("createIntention", json=intention(), status=201)
    run("paymob.create_payment_link", {"connection": account, **LINK}, connections)
    (call,) = api.calls("createIntention")
    errors = " ".join(iter_contract_errors(AS_PUBLISHED, call.request))
    assert "Schemes not valid for any requirement: [['BearerAuth']]" in errors
    assert list(iter_contract_errors(CORRECTED, call.request)) == []


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"amount": "150.505"}, "EGP has 2 decimals"),
        ({"amount": ""}, "the amount is empty"),
        ({"email": ""}, "needs the customer's e-mail"),
        ({"phone": "call me"}, "'call me' is not a phone number"),
        ({"currency": "egyptian pounds"}, "is not a currency code"),
    ],
)
def test_a_link_paymob_would_refuse_is_said_plainly_and_not_sent(
    api, account, connections, change, said
):
    error = failure(
        "paymob.create_payment_link", {"connection": account, **LINK, **change}, connections
    )
    assert said in str(error)
    assert api.calls() == []


def test_integration_ids_that_are_not_numbers_are_said_before_sending(api, connections):
    connection = connections.add("paymob", "x", secret(api, integration_ids="card, wallet")).id
    error = failure("paymob.create_payment_link", {"connection": connection, **LINK}, connections)
    assert "Payment integration IDs must be numbers" in str(error)
    assert api.calls() == []


def test_creating_a_link_is_declared_not_repeat_safe():
    assert not default_registry().get("paymob.create_payment_link").manifest.repeat_safe
    assert default_registry().get("paymob.get_transaction").manifest.repeat_safe


def test_a_server_error_after_creating_a_link_is_not_retried_blindly(api, account, connections):
    api.respond("createIntention", json={"detail": "Server Error"}, status=500, check=False)
    result = run_with_retries(
        connections, "paymob.create_payment_link", {"connection": account, **LINK}
    )
    assert not result.ok and len(api.calls("createIntention")) == 1
    assert "it may have been done, so Flowin didn't repeat it" in result.error


def test_a_refused_secret_key_is_not_retried(api, account, connections):
    api.respond("createIntention", json={"detail": "Invalid token."}, status=401)
    result = run_with_retries(
        connections, "paymob.create_payment_link", {"connection": account, **LINK}
    )
    assert not result.ok and "reconnect Paymob with the secret key" in result.error
    assert len(api.calls("createIntention")) == 1


def test_too_many_requests_waits_as_long_as_paymob_asks(api, account, connections):
    api.respond(
        "createIntention",
        json={"detail": "Request was throttled."},
        status=429,
        headers={"Retry-After": "12"},
        check=False,  # the description lists no 429
    )
    error = failure("paymob.create_payment_link", {"connection": account, **LINK}, connections)
    assert isinstance(error, RetryableError) and error.retry_after == 12


def test_an_unknown_integration_is_explained(api, account, connections):
    api.respond(
        "createIntention",
        json={"detail": "Integration ID/Name does not exist in our system ."},
        status=404,
        check=False,  # documented on the Create Intention page, not in the description
    )
    error = failure("paymob.create_payment_link", {"connection": account, **LINK}, connections)
    assert "integration IDs belong to this account and mode" in str(error)
    assert not isinstance(error, RetryableError)


# Reading a transaction, and the account.


def test_get_transaction_asks_for_an_auth_token_then_reads_it(api, account, connections):
    api.respond(
        "createAuthToken", json={"token": AUTH_TOKEN, "profile": {"id": 302852}}, status=201
    )
    api.respond("retrieveTransactionById", json=transaction())
    output = run(
        "paymob.get_transaction",
        {"connection": account, "transaction_id": "192036465"},
        connections,
    )
    (login,) = api.calls("createAuthToken")
    assert login.request.json == {"api_key": API_KEY}
    (read,) = api.calls("retrieveTransactionById")
    assert read.request.headers["Authorization"] == f"Bearer {AUTH_TOKEN}"
    assert (output["amount"], output["currency"], output["success"]) == (1000.0, "EGP", True)
    assert (output["order_reference"], output["customer_name"]) == ("1042", "Layla Haddad")
    assert (output["card_brand"], output["card_last_four"], output["message"]) == (
        "MasterCard",
        "2346",
        "Approved",
    )


def test_reading_a_transaction_without_an_api_key_says_where_to_find_it(api, connections):
    connection = connections.add("paymob", "x", secret(api, api_key="")).id
    error = failure(
        "paymob.get_transaction", {"connection": connection, "transaction_id": "1"}, connections
    )
    assert "needs the account's API key" in str(error)
    assert api.calls() == []


def test_a_refused_api_key_is_an_account_problem(api, account, connections):
    api.respond(
        "createAuthToken", json={"detail": "incorrect credentials"}, status=403, check=False
    )
    error = failure(
        "paymob.get_transaction",
        {"connection": account, "transaction_id": "192036465"},
        connections,
    )
    assert isinstance(error, AccountRejected) and "API key" in str(error)


def test_test_connection_checks_the_api_key_and_counts_the_integrations(api):
    api.respond("createAuthToken", json={"token": AUTH_TOKEN}, status=201)
    connector = default_registry().get("paymob.get_transaction").connector
    model = connector.credential_model.model_validate(secret(api))
    message = connector.test_function(model)
    assert message.startswith(
        "Paymob account in Egypt with 2 payment integrations; the API key works."
    )
    public_as_secret = connector.credential_model.model_validate(secret(api, secret_key=PUBLIC_KEY))
    with pytest.raises(Exception, match="that is the public key"):
        connector.test_function(public_as_secret)


# The validator is not a rubber stamp.


def test_the_corrected_description_still_refuses_requests_paymob_would_refuse(api):
    token = {"Authorization": f"Token {SECRET_KEY}"}
    body = {
        "amount": 15050,
        "currency": "EGP",
        "payment_methods": [4097558],
        "items": [],
        "billing_data": {"first_name": "Layla", "email": "layla@example.com"},
    }
    answers = [
        httpx.post(api.url("/v1/intention/"), headers=token, json={**body, "amount": "150.50"}),
        httpx.post(
            api.url("/v1/intention/"),
            headers=token,
            json={k: v for k, v in body.items() if k != "billing_data"},
        ),
        httpx.post(api.url("/v1/intention/"), json=body),
        httpx.get(
            api.url("/api/acceptance/transactions/abc"),
            headers={"Authorization": f"Bearer {AUTH_TOKEN}"},
        ),
    ]
    assert [a.status_code for a in answers] == [400] * 4
    assert "'150.50' is not of type 'integer'" in str(api.rejected[0])
    assert "'billing_data' is a required property" in str(api.rejected[1])
    assert "Security" in str(api.rejected[2])
    assert api.calls() == []
    api.rejected.clear()


# The triggers.


def test_the_signed_text_is_paymob_s_documented_concatenated_string():
    from connectors.paymob.operations import signed_text

    assert signed_text(transaction()) == DOCUMENTED_STRING.encode()
    assert documented_concatenation(transaction()) == DOCUMENTED_STRING


def delivered(body: dict[str, Any], signature: str | None = None):
    query = {} if signature == "" else {"hmac": signature or hmac_of(body["obj"])}
    return webhook(json.dumps(body).encode(), query=query)


def test_a_successful_payment_paymob_signed_starts_the_flow(account, connections):
    request = delivered(callback())
    assert gate("paymob.payment_succeeded", request, connections, account) is None
    assert isinstance(gate("paymob.payment_declined", request, connections, account), WebhookReply)
    output = run(
        "paymob.payment_succeeded", {}, connections, trigger_data=request.as_trigger_data()
    )
    assert (output["transaction_id"], output["amount"], output["currency"]) == (
        192036465,
        1000.0,
        "EGP",
    )
    assert output["order_reference"] == "1042"


def test_a_declined_payment_starts_the_declined_trigger_with_paymob_s_reason(account, connections):
    declined = callback(success=False, data={"message": "Do not honour", "txn_response_code": "05"})
    request = delivered(declined)
    assert gate("paymob.payment_declined", request, connections, account) is None
    assert isinstance(gate("paymob.payment_succeeded", request, connections, account), WebhookReply)
    output = run("paymob.payment_declined", {}, connections, trigger_data=request.as_trigger_data())
    assert (output["success"], output["message"]) == (False, "Do not honour")


def test_a_refund_is_not_taken_for_a_payment(account, connections):
    refund = callback(is_refunded=True)
    reply = gate("paymob.payment_succeeded", delivered(refund), connections, account)
    assert isinstance(reply, WebhookReply) and reply.status == 200


@pytest.mark.parametrize(
    ("body", "signature", "reason"),
    [
        (callback(), hmac_of(transaction(), "someone-else"), "doesn't match"),
        (callback(amount_cents=1), hmac_of(transaction()), "doesn't match"),
        (callback(success=False), hmac_of(transaction()), "doesn't match"),
        (callback(), "", "has no hmac"),
    ],
    ids=["other-secret", "amount-changed", "outcome-changed", "missing"],
)
def test_forged_changed_or_unsigned_callbacks_are_refused(
    account, connections, body, signature, reason
):
    with pytest.raises(WebhookRejected, match=reason) as caught:
        gate("paymob.payment_succeeded", delivered(body, signature), connections, account)
    assert caught.value.status == 401


def test_an_account_without_an_hmac_secret_refuses_with_a_fix(api, connections):
    connection = connections.add("paymob", "x", secret(api, hmac_secret="")).id
    with pytest.raises(WebhookRejected, match="Developers → API Keys") as caught:
        gate("paymob.payment_succeeded", delivered(callback()), connections, connection)
    assert caught.value.status == 403


def test_the_delivery_id_is_the_transaction_id():
    declared = default_registry().get("paymob.payment_succeeded").manifest.delivery_id
    assert delivery_id(delivered(callback()), declared) == "192036465"


def test_the_listener_runs_a_signed_callback_once_and_refuses_a_forged_one(tmp_path, monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    body = json.dumps(callback()).encode()
    headers = {"Content-Type": "application/json"}
    account = {
        "secret_key": SECRET_KEY,
        "public_key": PUBLIC_KEY,
        "integration_ids": "4097558",
        "hmac_secret": HMAC_SECRET,
    }
    with (
        Store(tmp_path / "flowin.db") as store,
        listening(store, "paymob", account, "paymob.payment_succeeded") as (url, store, flow_id),
    ):
        forged = httpx.post(url, content=body, headers=headers, params={"hmac": "0" * 128})
        assert forged.status_code == 401 and "doesn't match" in forged.json()["error"]
        signature = hmac_of(transaction())
        post_twice_then_count(
            url, store, flow_id, content=body, headers=headers, params={"hmac": signature}
        )
