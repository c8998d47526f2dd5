"""Tap against a local API that checks each call with the community OpenAPI description
(tests/contracts/vendor/tap/tap-payments-openapi.yml; Tap publishes none) and against Tap's
documented behaviour where that description is lax.

The description's request bodies are partial (it checks the required amount, currency and
source, types and bearer auth); the tests add what developers.tap.company says: amounts in the
currency's main unit, the hosted page on source ``src_all`` answered in ``transaction.url``.
Posted charges have no schema there: the charge is Tap's own webhook example
(developers.tap.company/docs/webhook, "Webhook Example for a Charges Response"), checked against
the description's Charge schema, and signed as that page's "Validate the webhook (hashstring)"
says. The page's own hashstring values were made with the merchant's live key, which it doesn't
give, so the tests sign with a test key and check the concatenated text field by field.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

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
from tests.contracts.openapi_server import ContractServer, load_contract, schema_errors

CONTRACT = "tap/tap-payments-openapi.yml"
KEY = "sk_test_FlowinNotARealTapKey0123456789"
CHARGE_ID = "chg_TS05A4120230736x9K22710693"

# Tap's webhook example for a charge (developers.tap.company/docs/webhook), as posted.
DOCUMENTED_CHARGE: dict[str, Any] = {
    "id": CHARGE_ID,
    "object": "charge",
    "live_mode": False,
    "customer_initiated": True,
    "api_version": "V2",
    "method": "POST",
    "status": "CAPTURED",
    "amount": 1.0,
    "currency": "SAR",
    "threeDSecure": True,
    "card_threeDSecure": False,
    "save_card": True,
    "merchant_id": "",
    "product": "",
    "description": "",
    "metadata": {"udf1": "test_data_1", "udf2": "test_data_2", "udf3": "test_data_3"},
    "transaction": {
        "timezone": "UTC+03:00",
        "created": "1698392202943",
        "expiry": {"period": 30, "type": "MINUTE"},
        "asynchronous": False,
        "amount": 1.0,
        "currency": "SAR",
    },
    "reference": {
        "track": "tck_TS04A4320230736To522710661",
        "payment": "4327230736106619650",
        "gateway": "mada_pg70983e7a-a686-40ba-83e2-c5e9f4074fe5",
        "acquirer": "230004002581",
        "transaction": "txn_0001",
        "order": "ord_0001",
    },
    "response": {"code": "000", "message": "Captured"},
    "security": {"threeDSecure": {"status": "Y"}},
    "gateway": {"response": {"code": "000", "message": "Approved"}},
    "card": {
        "id": "card_IIGi4523416sFHe27jJ9E589",
        "object": "card",
        "first_six": "446404",
        "first_eight": "44640400",
        "scheme": "MADA",
        "brand": "VISA",
        "last_four": "0007",
    },
    "receipt": {"id": "204327230736104914", "email": True, "sms": True},
    "customer": {
        "id": "cus_TS07A5420232136o2K52709053",
        "first_name": "Majdi",
        "middle_name": "Abdullah",
        "last_name": "Al Khowaiter",
        "email": "m.ghgjhgj@tap.company",
        "phone": {"country_code": "966", "number": "51234567"},
    },
    "merchant": {"country": "SA", "currency": "SAR", "id": "25145693"},
    "source": {
        "object": "token",
        "type": "CARD_NOT_PRESENT",
        "payment_type": "DEBIT",
        "payment_method": "MADA",
        "channel": "INTERNET",
        "id": "tok_nLKq4223436fVYL27Nj9P855",
    },
    "redirect": {"status": "PENDING", "url": "http://your_website.com/redirecturl"},
    "post": {
        "attempt": 1,
        "status": "PENDING",
        "url": "https://webhook.site/25c5e885-216b-4d5f-bcbf-8e5d0d20b76f",
    },
}
# The text Tap's page says to sign for it: the fields in order, the amount with SAR's 2 decimals.
DOCUMENTED_HASHSTRING = (
    "x_idchg_TS05A4120230736x9K22710693x_amount1.00x_currencySAR"
    "x_gateway_referencemada_pg70983e7a-a686-40ba-83e2-c5e9f4074fe5"
    "x_payment_reference4327230736106619650x_statusCAPTUREDx_created1698392202943"
)


def charge(**fields: Any) -> dict[str, Any]:
    return {**copy.deepcopy(DOCUMENTED_CHARGE), **fields}


def initiated(**fields: Any) -> dict[str, Any]:
    """A charge just made on the hosted page, as Tap answers POST /v2/charges."""
    made = charge(
        status="INITIATED", amount=150.5, response={"code": "100", "message": "Initiated"}
    )
    made["transaction"] = {
        **made["transaction"],
        "url": "https://checkout.payments.tap.company/?mode=page&token=6bb7b7a5",
    }
    return {**made, **fields}


def tap_error(description: str, code: str = "1111") -> dict[str, Any]:
    return {"errors": [{"code": code, "description": description}]}


def signed(body: dict[str, Any], key: str = KEY) -> str:
    text = (
        f"x_id{body['id']}x_amount{body['amount']:.{3 if body['currency'] == 'KWD' else 2}f}"
        f"x_currency{body['currency']}x_gateway_reference{body['reference']['gateway']}"
        f"x_payment_reference{body['reference']['payment']}x_status{body['status']}"
        f"x_created{body['transaction']['created']}"
    )
    return hmac.new(key.encode(), text.encode(), hashlib.sha256).hexdigest()


def posted(body: dict[str, Any], signature: str | None = None):
    headers = {} if signature == "" else {"hashstring": signature or signed(body)}
    return webhook(json.dumps(body).encode(), headers)


@pytest.fixture
def api(httpserver) -> Iterator[ContractServer]:
    with ContractServer(httpserver, CONTRACT) as server:
        yield server


def secret(api: ContractServer, **fields: str) -> dict[str, str]:
    return {"secret_key": KEY, "base_url": api.url(), **fields}


@pytest.fixture
def account(api, connections) -> str:
    return connections.add("tap", "Layla's shop", secret(api)).id


LINK = {
    "amount": "150.50",
    "currency": "SAR",
    "first_name": "Layla",
    "email": "layla@example.com",
    "redirect_url": "https://shop.example/thanks",
}


# Payment links.


def test_a_payment_link_is_a_charge_on_the_hosted_page_in_the_currencys_main_unit(
    api, account, connections
):
    api.respond("createCharge", json=initiated())
    output = run(
        "tap.create_payment_link",
        {
            "connection": account,
            **LINK,
            "last_name": "Haddad",
            "phone": "+966 50 123 4567",
            "description": "Order #1042",
            "post_url": "https://hooks.example/webhook/tap",
            "order_reference": "1042",
            "metadata": {"order": 1042},
        },
        connections,
    )
    (call,) = api.calls("createCharge")
    assert call.request.headers["Authorization"] == f"Bearer {KEY}"
    sent = call.request.json
    assert (sent["amount"], sent["currency"]) == (150.5, "SAR")
    assert sent["source"] == {"id": "src_all"}
    assert sent["redirect"] == {"url": "https://shop.example/thanks"}
    assert sent["post"] == {"url": "https://hooks.example/webhook/tap"}
    assert sent["customer"]["phone"] == {"country_code": "966", "number": "501234567"}
    assert sent["reference"] == {"order": "1042"} and sent["metadata"] == {"order": "1042"}
    assert output["url"] == "https://checkout.payments.tap.company/?mode=page&token=6bb7b7a5"
    assert (output["status"], output["charge_id"]) == ("INITIATED", CHARGE_ID)
    assert KEY not in json.dumps(output)


def test_a_kuwaiti_dinar_amount_keeps_its_three_decimals(api, account, connections):
    api.respond("createCharge", json=initiated(currency="KWD", amount=12.345))
    run(
        "tap.create_payment_link",
        {"connection": account, **LINK, "amount": "12.345", "currency": "kwd"},
        connections,
    )
    assert api.calls("createCharge")[0].request.json["amount"] == 12.345


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"amount": "12.3456", "currency": "KWD"}, "KWD has 3 decimals"),
        ({"amount": "abc"}, "the amount 'abc' is not an amount"),
        ({"email": ""}, "needs the customer's e-mail or phone"),
        ({"email": "", "phone": "0501234567"}, "in international form with the country code"),
        ({"redirect_url": "shop.example"}, "must be a web address"),
    ],
    ids=["too-many-decimals", "not-a-number", "no-contact", "local-phone", "bad-redirect"],
)
def test_a_link_tap_would_refuse_is_said_plainly_and_not_sent(
    api, account, connections, change, said
):
    error = failure(
        "tap.create_payment_link", {"connection": account, **LINK, **change}, connections
    )
    assert said in str(error)
    assert api.calls() == []


def test_creating_a_link_is_declared_not_repeat_safe():
    assert not default_registry().get("tap.create_payment_link").manifest.repeat_safe


def test_a_server_error_after_creating_a_link_is_not_retried_blindly(api, account, connections):
    api.respond("createCharge", json=tap_error("Internal error"), status=502, check=False)
    result = run_with_retries(
        connections, "tap.create_payment_link", {"connection": account, **LINK}
    )
    assert not result.ok and len(api.calls("createCharge")) == 1
    assert "it may have been done, so Flowin didn't repeat it" in result.error


def test_a_rate_limited_link_is_sent_again_once_tap_allows(api, account, connections):
    # A 429 says Tap did nothing with the request, so sending it again makes one charge.
    api.respond(
        "createCharge",
        json=tap_error("Too many requests"),
        status=429,
        headers={"Retry-After": "1"},
        check=False,
    )
    api.respond("createCharge", json=initiated())
    result = run_with_retries(
        connections, "tap.create_payment_link", {"connection": account, **LINK}
    )
    assert result.ok, result.error
    assert len(api.calls("createCharge")) == 2
    api.respond(
        "retrieveCharge",
        json=tap_error("Too many requests"),
        status=429,
        headers={"Retry-After": "7"},
        check=False,
    )
    error = failure("tap.get_charge", {"connection": account, "charge_id": CHARGE_ID}, connections)
    assert isinstance(error, RetryableError) and error.retry_after == 7


def test_a_refused_key_is_not_retried(api, account, connections):
    api.respond("retrieveCharge", json=tap_error("Invalid API Key", "2107"), status=401)
    result = run_with_retries(
        connections, "tap.get_charge", {"connection": account, "charge_id": CHARGE_ID}
    )
    assert not result.ok and "reconnect Tap with the secret key" in result.error
    assert len(api.calls("retrieveCharge")) == 1


# Reading a charge, and the account.


def test_get_charge_reads_the_customer_card_and_message(api, account, connections):
    api.respond("retrieveCharge", json=charge())
    output = run("tap.get_charge", {"connection": account, "charge_id": CHARGE_ID}, connections)
    assert api.calls("retrieveCharge")[0].request.path == f"/v2/charges/{CHARGE_ID}"
    assert output["customer_name"] == "Majdi Abdullah Al Khowaiter"
    assert output["customer_phone"] == "+96651234567"
    assert (output["card_brand"], output["card_last_four"]) == ("VISA", "0007")
    assert (output["message"], output["payment_method"]) == ("Captured", "MADA")
    assert output["created"] == "2023-10-27T07:36:42.943000+00:00"


def test_a_charge_id_that_is_not_one_is_refused_before_sending(api, account, connections):
    error = failure("tap.get_charge", {"connection": account, "charge_id": "1042"}, connections)
    assert "'1042' is not a charge ID" in str(error)
    assert api.calls() == []


def test_test_connection_tells_a_known_key_from_a_refused_one(api):
    connector = default_registry().get("tap.get_charge").connector
    model = connector.credential_model.model_validate(secret(api))
    api.respond("retrieveCharge", json=tap_error("Charge not found"), status=404)
    assert connector.test_function(model) == "Connected to Tap in test mode."
    api.respond("retrieveCharge", json=tap_error("Invalid API Key", "2107"), status=401)
    with pytest.raises(AccountRejected, match="reconnect Tap"):
        connector.test_function(model)


# The validator is not a rubber stamp.


def test_the_description_refuses_requests_tap_would_refuse(api):
    auth = {"Authorization": f"Bearer {KEY}"}
    charges = api.url("/v2/charges")
    answers = [
        httpx.post(charges, headers=auth, json={"amount": 1, "currency": "SAR"}),
        httpx.post(
            charges,
            headers=auth,
            json={"amount": "1.00", "currency": "SAR", "source": {"id": "src_all"}},
        ),
        httpx.post(charges, json={"amount": 1, "currency": "SAR", "source": {"id": "src_all"}}),
        httpx.put(api.url("/v2/unknown"), headers=auth, json={}),
    ]
    assert [a.status_code for a in answers] == [400] * 4
    assert "'source' is a required property" in str(api.rejected[0])
    assert "'1.00' is not of type 'number'" in str(api.rejected[1])
    assert "Security" in str(api.rejected[2])
    assert api.calls() == []
    api.rejected.clear()


# The triggers.


def test_tap_s_documented_charge_fits_the_charge_schema():
    contract = load_contract(CONTRACT)
    assert schema_errors(contract, "Charge", DOCUMENTED_CHARGE) == []
    assert schema_errors(contract, "Charge", charge(amount="1.00"))


def test_the_signed_text_is_tap_s_documented_concatenation():
    from connectors.tap.operations import hashstring

    assert hashstring(DOCUMENTED_CHARGE) == DOCUMENTED_HASHSTRING.encode()
    kuwaiti = charge(amount=1.5, currency="KWD")
    assert b"x_amount1.500x_currencyKWD" in hashstring(kuwaiti)


def test_a_captured_charge_tap_signed_starts_the_flow(account, connections):
    request = posted(DOCUMENTED_CHARGE)
    assert gate("tap.charge_captured", request, connections, account) is None
    assert isinstance(gate("tap.charge_failed", request, connections, account), WebhookReply)
    output = run("tap.charge_captured", {}, connections, trigger_data=request.as_trigger_data())
    assert (output["charge_id"], output["status"], output["amount"]) == (CHARGE_ID, "CAPTURED", 1.0)
    assert output["customer_email"] == "m.ghgjhgj@tap.company"


def test_a_declined_charge_starts_the_declined_trigger_with_tap_s_reason(account, connections):
    declined = charge(status="DECLINED", response={"code": "051", "message": "Insufficient Funds"})
    request = posted(declined)
    assert gate("tap.charge_failed", request, connections, account) is None
    assert isinstance(gate("tap.charge_captured", request, connections, account), WebhookReply)
    output = run("tap.charge_failed", {}, connections, trigger_data=request.as_trigger_data())
    assert (output["message"], output["response_code"]) == ("Insufficient Funds", "051")


@pytest.mark.parametrize(
    ("body", "signature", "reason"),
    [
        (DOCUMENTED_CHARGE, signed(DOCUMENTED_CHARGE, "sk_test_someone_else"), "doesn't match"),
        (charge(amount=100.0), signed(DOCUMENTED_CHARGE), "doesn't match"),
        (charge(status="CAPTURED", id="chg_other"), signed(DOCUMENTED_CHARGE), "doesn't match"),
        (DOCUMENTED_CHARGE, "", "no hashstring"),
    ],
    ids=["other-key", "amount-changed", "id-changed", "missing"],
)
def test_forged_changed_or_unsigned_charges_are_refused(
    account, connections, body, signature, reason
):
    with pytest.raises(WebhookRejected, match=reason) as caught:
        gate("tap.charge_captured", posted(body, signature), connections, account)
    assert caught.value.status == 401


def test_the_delivery_id_is_the_charge_id():
    declared = default_registry().get("tap.charge_captured").manifest.delivery_id
    assert delivery_id(posted(DOCUMENTED_CHARGE), declared) == CHARGE_ID


def test_the_listener_runs_a_signed_charge_once_and_refuses_a_forged_one(tmp_path, monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    body = json.dumps(DOCUMENTED_CHARGE).encode()
    headers = {"Content-Type": "application/json"}
    with (
        Store(tmp_path / "flowin.db") as store,
        listening(store, "tap", {"secret_key": KEY}, "tap.charge_captured") as (
            url,
            store,
            flow_id,
        ),
    ):
        forged = httpx.post(url, content=body, headers={**headers, "hashstring": "0" * 64})
        assert forged.status_code == 401 and "doesn't match" in forged.json()["error"]
        signature = signed(DOCUMENTED_CHARGE)
        post_twice_then_count(
            url, store, flow_id, content=body, headers={**headers, "hashstring": signature}
        )
