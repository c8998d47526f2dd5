"""Tap: start flows when a charge is captured or fails, make payment links, read charges (API v2).

Calls go to ``{base_url}/v2/…`` with ``Authorization: Bearer <secret key>``. Amounts are in the
currency's main unit, rounded to its decimals (developers.tap.company). A payment link is a
charge on the source ``src_all``: Tap answers with ``transaction.url``, its hosted payment page,
and POSTs the finished charge to the charge's ``post.url``. Tap offers no idempotency key here,
so a create that may have reached Tap is never repeated on its own. A posted charge is signed
in the ``hashstring`` header: the hex HMAC-SHA256, keyed with the secret key, of
``x_id{id}x_amount{amount}x_currency{currency}x_gateway_reference{reference.gateway}``
``x_payment_reference{reference.payment}x_status{status}x_created{transaction.created}``, the
amount written with the currency's decimals (developers.tap.company/docs/webhook).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, ValidationError

from flowin_engine.kit import (
    SECRET,
    GateContext,
    Service,
    StepContext,
    StepError,
    Text,
    WebhookRejected,
    WebhookReply,
    WebhookRequest,
    account_field,
    checked_secret_key,
    metadata_pairs,
    verify_signature,
    web_address,
)
from flowin_engine.kit.money import amount, currency_code, formatted

if TYPE_CHECKING:
    import httpx

DEFAULT_BASE_URL = "https://api.tap.company"
TEST_TIMEOUT = 15.0
KEY_PREFIXES = ("sk_test_", "sk_live_")
BAD_KEY = (
    "Tap didn't accept the secret key — reconnect Tap with the secret key (sk_…) from goSell → "
    "API Credentials in the Tap dashboard."
)
PUBLISHABLE_KEY = (
    "Tap: that is the publishable key (pk_…); reconnect Tap with the secret key (sk_…) instead."
)
CAPTURED = frozenset({"CAPTURED"})
# A charge Tap posts that did not take the money (Tap posts only finished charges).
FAILED = frozenset(
    {"FAILED", "DECLINED", "CANCELLED", "RESTRICTED", "VOID", "TIMEDOUT", "UNKNOWN", "ABANDONED"}
)
# A charge ID that can't exist: reading it tells a good key (404) from a refused one (401).
PROBE_CHARGE = "chg_flowin_connection_test"
# Calling codes of the region (and a few beyond), longest first when matched.
CALLING_CODES = sorted(
    [
        "1",
        "20",
        "44",
        "90",
        "91",
        "92",
        "212",
        "213",
        "216",
        "218",
        "249",
        "961",
        "962",
        "963",
        "964",
        "965",
        "966",
        "967",
        "968",
        "970",
        "971",
        "973",
        "974",
    ],
    key=len,
    reverse=True,
)
_KEY_TEXT = re.compile(r"\b(?:sk|pk)_(?:test|live)_\w+")


TAP = Service(
    "Tap",
    host="api.tap.company",
    message_at=lambda answer: _masked(_error_text(answer)),
    rejected=BAD_KEY,
)


class TapAccount(BaseModel):
    """A Tap account's secret key, which also signs the charges Tap posts."""

    secret_key: str = Field(
        title="Secret key",
        description="sk_live_… or sk_test_… from goSell → API Credentials in the Tap dashboard; "
        "Tap signs the payment updates it sends with it too.",
        json_schema_extra=SECRET,
    )
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")

    def key(self) -> str:
        return checked_secret_key(
            self.secret_key,
            accepted=KEY_PREFIXES,
            publishable=PUBLISHABLE_KEY,
            rejected=BAD_KEY,
        )

    def url(self, path: str) -> str:
        return f"{self.base_url.strip().rstrip('/') or DEFAULT_BASE_URL}{path}"


def _account_field() -> Any:
    return account_field("tap", "The connected Tap account.")


class ChargeEventInput(BaseModel):
    connection: str | None = _account_field()


class CreatePaymentLinkInput(BaseModel):
    connection: str | None = _account_field()
    amount: Text = Field(
        title="Amount to pay",
        description="In the currency's main unit, e.g. 150.50 (SAR) or 12.500 (KWD, 3 decimals).",
    )
    currency: Text = Field("SAR", title="Currency", description="e.g. SAR, KWD, AED, BHD, EGP.")
    description: Text = Field("", title="Description", description="e.g. Order #1042.")
    first_name: Text = Field(title="Customer's first name")
    last_name: Text = Field("", title="Customer's last name")
    email: Text = Field("", title="Customer's e-mail")
    phone: Text = Field(
        "",
        title="Customer's phone",
        description="In international form, e.g. +96550123456; an e-mail or a phone is needed.",
    )
    redirect_url: Text = Field(
        title="After paying, go to",
        description="A page of yours the customer returns to after paying, e.g. "
        "https://myshop.example/thanks.",
    )
    post_url: Text = Field(
        "",
        title="Send payment updates to",
        description="The live address of a flow that starts with a Tap charge trigger; Tap posts "
        "the finished charge there.",
    )
    order_reference: Text = Field(
        "", title="Order reference", description="Your order number, kept on the charge."
    )
    metadata: Any = Field(
        None,
        title="Metadata",
        description="Your own named values kept on the charge, e.g. order = the order number.",
        json_schema_extra={"widget": "fields"},
    )


class GetChargeInput(BaseModel):
    connection: str | None = _account_field()
    charge_id: Text = Field(
        title="Charge ID", description="e.g. {{ trigger.charge_id }} (like chg_TS05A41…)."
    )


def test_account(secret: TapAccount) -> str:
    """Read a charge that can't exist: Tap answers 404 to a key it knows, 401 to one it doesn't."""
    response = TAP.send(
        "GET",
        secret.url(f"/v2/charges/{PROBE_CHARGE}"),
        headers=_headers(secret),
        timeout=TEST_TIMEOUT,
    )
    if response.status_code not in (200, 400, 404):
        raise _failure(response, sends=False)
    mode = "live" if secret.key().startswith("sk_live_") else "test"
    return f"Connected to Tap in {mode} mode."


# The triggers.


def charge_captured(params: ChargeEventInput, ctx: StepContext) -> dict[str, Any]:
    """The captured charge: who paid, how much, for what."""
    return _charge(_posted_charge(ctx))


def charge_captured_webhook(
    params: ChargeEventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Accept only charges Tap signed whose status is CAPTURED."""
    return _signed_charge(params.connection, request, ctx, CAPTURED)


def charge_failed(params: ChargeEventInput, ctx: StepContext) -> dict[str, Any]:
    """The charge that didn't take the money, and Tap's reason."""
    return _charge(_posted_charge(ctx))


def charge_failed_webhook(
    params: ChargeEventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Accept only charges Tap signed whose status says the payment failed."""
    return _signed_charge(params.connection, request, ctx, FAILED)


def hashstring(charge: dict[str, Any]) -> bytes:
    """What Tap signs for a charge, exactly as its webhook page lists the fields."""
    reference = charge.get("reference") if isinstance(charge.get("reference"), dict) else {}
    transaction = charge.get("transaction") if isinstance(charge.get("transaction"), dict) else {}
    currency = str(charge.get("currency") or "")
    try:
        amount_text = formatted(charge.get("amount"), currency)
    except (ArithmeticError, ValueError):
        amount_text = str(charge.get("amount"))
    return (
        f"x_id{_text(charge.get('id'))}x_amount{amount_text}x_currency{currency}"
        f"x_gateway_reference{_text(reference.get('gateway'))}"
        f"x_payment_reference{_text(reference.get('payment'))}"
        f"x_status{_text(charge.get('status'))}x_created{_text(transaction.get('created'))}"
    ).encode()


def _signed_charge(
    connection: str | None, request: WebhookRequest, ctx: GateContext, wanted: frozenset[str]
) -> WebhookReply | None:
    if request.method != "POST":
        raise WebhookRejected("Tap posts charges with POST.", status=405)
    key = ctx.account_value(connection, "secret_key", service="Tap")
    if not key:
        raise WebhookRejected(
            "Tap: no secret key is saved in the Tap account in Flowin, so Flowin can't check "
            "the charge's signature; reconnect Tap.",
            status=403,
        )
    charge = request.json()
    if not isinstance(charge, dict):
        raise WebhookRejected("Tap: the request carried no charge.", status=400)
    signature = request.header("hashstring")
    if not signature:
        raise WebhookRejected("Tap: the request has no hashstring signature; it was ignored.")
    if not verify_signature(key, hashstring(charge), signature.strip().lower()):
        raise WebhookRejected(
            "Tap: the charge's hashstring doesn't match the secret key saved in Flowin, so it "
            "was ignored. If Tap really sent it, reconnect Tap with the account's secret key."
        )
    if charge.get("object") not in (None, "charge"):
        return WebhookReply(200, {"ignored": str(charge.get("object"))})
    if str(charge.get("status") or "").upper() not in wanted:
        return WebhookReply(200, {"ignored": str(charge.get("status"))})
    return None


def _posted_charge(ctx: StepContext) -> dict[str, Any]:
    data = ctx.trigger_data or {}
    charge = data.get("body") if isinstance(data, dict) and "body" in data else data
    if not isinstance(charge, dict) or not charge.get("id"):
        raise StepError(
            "Tap: the webhook carried no charge; set this flow's address as the charge's post "
            "URL (the Create Tap payment link step's 'Send payment updates to')."
        )
    return charge


# Actions.


def create_payment_link(params: CreatePaymentLinkInput, ctx: StepContext) -> dict[str, Any]:
    """A charge on Tap's hosted payment page (source src_all); its page is the link."""
    currency = currency_code(params.currency, "Tap")
    major = amount(params.amount, currency, "Tap")
    first_name = params.first_name.strip()
    if not first_name:
        raise StepError("Tap needs the customer's first name for a payment link.")
    customer: dict[str, Any] = {"first_name": first_name}
    if params.last_name.strip():
        customer["last_name"] = params.last_name.strip()
    if params.email.strip():
        customer["email"] = params.email.strip()
    if params.phone.strip():
        customer["phone"] = _phone(params.phone)
    if "email" not in customer and "phone" not in customer:
        raise StepError("Tap needs the customer's e-mail or phone for a payment link.")
    body: dict[str, Any] = {
        # A JSON number with the currency's decimals: 150.5 SAR, 12.345 KWD.
        "amount": float(major),
        "currency": currency,
        "customer_initiated": True,
        "threeDSecure": True,
        "save_card": False,
        "customer": customer,
        "source": {"id": "src_all"},
        "redirect": {"url": web_address(params.redirect_url, "After paying, go to", "Tap")},
    }
    if params.description.strip():
        body["description"] = params.description.strip()
    if params.post_url.strip():
        body["post"] = {"url": web_address(params.post_url, "Send payment updates to", "Tap")}
    if params.order_reference.strip():
        body["reference"] = {"order": params.order_reference.strip()}
    metadata = metadata_pairs(params.metadata, "Tap")
    if metadata:
        body["metadata"] = metadata
    account = _tap_account(ctx.credential(params.connection))
    # No idempotency key for charges: a create that may have arrived is not sent again.
    charge = _call(account, "POST", "/v2/charges", ctx.remaining, body=body, sends=True)
    transaction = charge.get("transaction") if isinstance(charge.get("transaction"), dict) else {}
    url = transaction.get("url")
    if not url:
        raise StepError(
            f"Tap made the charge {charge.get('id')} but gave no payment page (status "
            f"{charge.get('status')}); check the charge in the Tap dashboard."
        )
    return {"url": url, **_charge(charge)}


def get_charge(params: GetChargeInput, ctx: StepContext) -> dict[str, Any]:
    """One charge by its ID."""
    charge_id = params.charge_id.strip()
    if not re.fullmatch(r"chg_\w+", charge_id):
        raise StepError(f"Tap: '{charge_id}' is not a charge ID; Tap's start with chg_.")
    account = _tap_account(ctx.credential(params.connection))
    return _charge(_call(account, "GET", f"/v2/charges/{charge_id}", ctx.remaining))


def _charge(charge: dict[str, Any]) -> dict[str, Any]:
    def part(name: str) -> dict[str, Any]:
        value = charge.get(name)
        return value if isinstance(value, dict) else {}

    customer, reference, card = part("customer"), part("reference"), part("card")
    phone = customer.get("phone") if isinstance(customer.get("phone"), dict) else {}
    response = part("response")
    created = part("transaction").get("created")
    return {
        "charge_id": charge.get("id"),
        "status": charge.get("status"),
        "amount": charge.get("amount"),
        "currency": str(charge.get("currency") or "").upper(),
        "description": charge.get("description") or "",
        "customer_name": " ".join(
            str(customer.get(k))
            for k in ("first_name", "middle_name", "last_name")
            if customer.get(k)
        ),
        "customer_email": customer.get("email") or "",
        "customer_phone": (
            f"+{phone.get('country_code')}{phone.get('number')}" if phone.get("number") else ""
        ),
        "order_reference": reference.get("order") or "",
        "payment_reference": reference.get("payment") or "",
        "message": response.get("message") or "",
        "response_code": response.get("code") or "",
        "card_brand": card.get("brand") or card.get("scheme") or "",
        "card_last_four": card.get("last_four") or "",
        "payment_method": part("source").get("payment_method") or "",
        "metadata": charge.get("metadata") or {},
        "live": bool(charge.get("live_mode")),
        "created": _iso(created),
        "charge": charge,
    }


def _phone(text: str) -> dict[str, str]:
    """Tap's phone: the calling code apart from the number (+966 501234567)."""
    digits = re.sub(r"[\s\-().]", "", text.strip())
    digits = digits.removeprefix("+").removeprefix("00") if digits[:1] in "+0" else digits
    if text.strip().startswith(("+", "00")) and digits.isdigit():
        for code in CALLING_CODES:
            if digits.startswith(code) and len(digits) - len(code) >= 6:
                return {"country_code": code, "number": digits[len(code) :]}
    raise StepError(
        f"Tap: write the customer's phone '{text.strip()}' in international form with the "
        "country code, e.g. +96550123456."
    )


def _iso(milliseconds: Any) -> str | None:
    """Tap's times are Unix milliseconds, sometimes as text."""
    try:
        moment = float(milliseconds) / 1000
    except (TypeError, ValueError):
        return None
    return datetime.fromtimestamp(moment, UTC).isoformat()


def _text(value: Any) -> str:
    return "" if value is None else str(value)


# Calls.


def _tap_account(secret: dict[str, Any]) -> TapAccount:
    try:
        return TapAccount.model_validate(secret)
    except ValidationError:
        # pydantic's message would quote the stored fields, keys included.
        raise StepError("Tap: the connected account has no secret key; reconnect Tap.") from None


def _headers(account: TapAccount) -> dict[str, str]:
    return {"Authorization": f"Bearer {account.key()}", "Accept": "application/json"}


def _call(
    account: TapAccount,
    method: str,
    path: str,
    timeout: float,
    *,
    body: dict[str, Any] | None = None,
    sends: bool = False,
) -> dict[str, Any]:
    return TAP.call_json(
        method,
        account.url(path),
        json=body,
        headers=_headers(account),
        timeout=timeout,
        sends=sends,
        failure=lambda response: _failure(response, sends),
    )


def _failure(response: httpx.Response, sends: bool) -> StepError:
    if response.status_code == 404:
        return StepError(f"Tap: not found ({TAP.message(response)}); check the charge ID.")
    return TAP.failure(response, sends=sends)


def _error_text(answer: Any) -> str:
    """Tap's errors: {"errors": [{"code": "1111", "description": "…"}]}."""
    if not isinstance(answer, dict):
        return ""
    errors = answer.get("errors")
    if isinstance(errors, list):
        texts = [
            str(e.get("description") or e.get("message") or "").strip()
            for e in errors
            if isinstance(e, dict)
        ]
        return "; ".join(t for t in texts if t)
    return str(answer.get("message") or answer.get("description") or "").strip()


def _masked(text: str) -> str:
    return _KEY_TEXT.sub("(key hidden)", text)
