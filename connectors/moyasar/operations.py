"""Moyasar: start flows when a payment is paid or fails, make payment links, read payments.

Calls go to ``{base_url}/v1/…`` with HTTP Basic auth: the secret key as the user name and an
empty password (docs.moyasar.com, "Authentication"). Amounts are whole halalas (1.00 SAR = 100).
An invoice is Moyasar's payment link: ``POST /v1/invoices`` answers with the hosted checkout
``url`` to send the customer. Moyasar offers no idempotency key for invoices, so a create that
may have reached Moyasar is never repeated on its own. Webhooks carry no signature header: the
event's body holds the ``secret_token`` set on the webhook in the dashboard, compared here in
constant time (docs.moyasar.com/webhook-reference).
"""

from __future__ import annotations

import hmac
import re
from datetime import UTC, datetime, timedelta
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
    trigger_secret,
    web_address,
)
from flowin_engine.kit.money import amount, currency_code, from_minor, to_minor

if TYPE_CHECKING:
    import httpx

DEFAULT_BASE_URL = "https://api.moyasar.com"
TEST_TIMEOUT = 15.0
KEY_PREFIXES = ("sk_test_", "sk_live_")
BAD_KEY = (
    "Moyasar didn't accept the secret key — reconnect Moyasar with the secret key (sk_…) from "
    "Settings → API Keys in the Moyasar dashboard."
)
PUBLISHABLE_KEY = (
    "Moyasar: that is the publishable key (pk_…), which can only take card payments "
    "in a browser; reconnect Moyasar with the secret key (sk_…) instead."
)
PAID = frozenset({"payment_paid"})
# The dashboard's list of events spells it "payment_faild"; the API's list "payment_failed".
FAILED = frozenset({"payment_failed", "payment_faild"})
MINIMUM_HALALAS = 100  # Moyasar's smallest invoice: 1.00 in the currency
_UUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_KEY_TEXT = re.compile(r"\b(?:sk|pk)_(?:test|live)_\w+")


MOYASAR = Service(
    "Moyasar",
    host="api.moyasar.com",
    message_at=lambda answer: _masked(_error_text(answer)),
    rejected=BAD_KEY,
)


class MoyasarAccount(BaseModel):
    """A Moyasar account's secret key and its webhook's secret token."""

    secret_key: str = Field(
        title="Secret key",
        description="sk_live_… or sk_test_… from Settings → API Keys in the Moyasar dashboard.",
        json_schema_extra=SECRET,
    )
    webhook_secret: str = Field(
        "",
        title="Webhook secret token",
        description="The Secret Token you set on the webhook in Settings → Webhooks; Flowin "
        "refuses events that don't carry it.",
        json_schema_extra=trigger_secret("payment_paid", "payment_failed"),
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
    return account_field("moyasar", "The connected Moyasar account.")


class PaymentEventInput(BaseModel):
    connection: str | None = _account_field()


class CreateInvoiceInput(BaseModel):
    connection: str | None = _account_field()
    amount: Text = Field(
        title="Amount to pay",
        description="In the currency's main unit, as the customer pays it, e.g. 150.50 (SAR); "
        "Flowin sends Moyasar halalas. At least 1.00.",
    )
    currency: Text = Field("SAR", title="Currency", description="e.g. SAR, AED, KWD, USD.")
    description: Text = Field(
        title="Description",
        description="What the customer pays for, shown on the payment page, e.g. Order #1042.",
    )
    success_url: Text = Field(
        "",
        title="After paying, go to",
        description="A page of yours the customer sees once paid; empty for Moyasar's own.",
    )
    back_url: Text = Field(
        "",
        title="Back button goes to",
        description="The page the payment page's back button opens, e.g. your shop.",
    )
    expires_in_hours: int | None = Field(
        None,
        title="Expires after (hours)",
        description="Empty: the link stays open until paid or cancelled.",
        ge=1,
        le=24 * 365,
    )
    metadata: Any = Field(
        None,
        title="Metadata",
        description="Your own named values kept on the invoice and its payments, e.g. order = "
        "the order number; they come back in the payment events.",
        json_schema_extra={"widget": "fields"},
    )


class GetPaymentInput(BaseModel):
    connection: str | None = _account_field()
    payment_id: Text = Field(
        title="Payment ID",
        description="The payment's ID, e.g. {{ trigger.payment_id }} "
        "(like 760878ec-d1d3-5f72-9056-191683f55872).",
    )


def test_account(secret: MoyasarAccount) -> str:
    """List the first page of payments: a read every secret key may make, which changes nothing."""
    answer = _call(secret, "GET", "/v1/payments", TEST_TIMEOUT, params={"page": 1})
    mode = "live" if secret.key().startswith("sk_live_") else "test"
    total = (answer.get("meta") or {}).get("total_count")
    shown = f"; {total:,} payments so far" if isinstance(total, int) else ""
    return f"Connected to Moyasar in {mode} mode{shown}."


# The triggers.


def payment_paid(params: PaymentEventInput, ctx: StepContext) -> dict[str, Any]:
    """The paid payment, with the fields flows use most at the top."""
    return _payment_event(ctx)


def payment_paid_webhook(
    params: PaymentEventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Accept only payment_paid events that carry the webhook's secret token."""
    return _checked_event(params.connection, request, ctx, PAID)


def payment_failed(params: PaymentEventInput, ctx: StepContext) -> dict[str, Any]:
    """The failed payment and why it failed (the card issuer's message)."""
    return _payment_event(ctx)


def payment_failed_webhook(
    params: PaymentEventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Accept only payment_failed events that carry the webhook's secret token."""
    return _checked_event(params.connection, request, ctx, FAILED)


def _checked_event(
    connection: str | None, request: WebhookRequest, ctx: GateContext, wanted: frozenset[str]
) -> WebhookReply | None:
    if request.method != "POST":
        raise WebhookRejected(
            "Moyasar: set the webhook's HTTP method to POST in the Moyasar dashboard.", status=405
        )
    # Only the secret token is needed here, not a valid API key.
    expected = ctx.account_value(connection, "webhook_secret", service="Moyasar")
    if not expected:
        raise WebhookRejected(
            "Moyasar: no webhook secret token is saved in the Moyasar account in Flowin, so "
            "Flowin can't tell whether the event came from Moyasar; copy the webhook's Secret "
            "Token from Settings → Webhooks.",
            status=403,
        )
    event = request.json()
    if not isinstance(event, dict):
        raise WebhookRejected("Moyasar: the request carried no event.", status=400)
    given = event.get("secret_token")
    if not isinstance(given, str) or not given:
        raise WebhookRejected("Moyasar: the event carried no secret token; it was ignored.")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise WebhookRejected(
            "Moyasar: the event's secret token doesn't match the one saved in Flowin, so it was "
            "ignored. If Moyasar really sent it, copy the webhook's Secret Token again."
        )
    if event.get("type") not in wanted:
        return WebhookReply(200, {"ignored": str(event.get("type"))})
    if not isinstance(event.get("data"), dict):
        raise WebhookRejected("Moyasar: the event carried no payment.", status=400)
    return None


def _payment_event(ctx: StepContext) -> dict[str, Any]:
    data = ctx.trigger_data or {}
    event = data.get("body") if isinstance(data, dict) and "body" in data else data
    payment = event.get("data") if isinstance(event, dict) else None
    if not isinstance(payment, dict):
        raise StepError(
            "Moyasar: the webhook carried no payment event; point a Moyasar webhook (not another "
            "service) at this flow's address."
        )
    # The secret token proves the event; a flow has no use for it.
    shown = {key: value for key, value in event.items() if key != "secret_token"}  # type: ignore[union-attr]
    return {
        "event_id": shown.get("id"),
        "event_type": shown.get("type"),
        **_payment(payment),
        "live": bool(shown.get("live")),
        "created": shown.get("created_at"),
        "event": shown,
    }


# Actions.


def create_invoice(params: CreateInvoiceInput, ctx: StepContext) -> dict[str, Any]:
    """A payment link: Moyasar's hosted invoice for the amount, to send to the customer."""
    currency = currency_code(params.currency, "Moyasar")
    halalas = to_minor(amount(params.amount, currency, "Moyasar"), currency)
    if halalas < MINIMUM_HALALAS:
        raise StepError(f"Moyasar: an invoice must be at least 1.00 {currency}.")
    description = params.description.strip()
    if not description:
        raise StepError("Moyasar: write a description of what the customer pays for.")
    body: dict[str, Any] = {"amount": halalas, "currency": currency, "description": description}
    for name, value, title in (
        ("success_url", params.success_url, "After paying, go to"),
        ("back_url", params.back_url, "Back button goes to"),
    ):
        if value.strip():
            body[name] = web_address(value, title, "Moyasar")
    if params.expires_in_hours:
        expires = datetime.now(UTC) + timedelta(hours=params.expires_in_hours)
        body["expired_at"] = expires.replace(microsecond=0).isoformat()
    metadata = metadata_pairs(params.metadata, "Moyasar")
    if metadata:
        body["metadata"] = metadata
    account = _moyasar_account(ctx.credential(params.connection))
    # No idempotency key for invoices: a create that may have arrived is not sent again.
    invoice = _call(account, "POST", "/v1/invoices", ctx.remaining, body=body, sends=True)
    return _invoice(invoice)


def get_payment(params: GetPaymentInput, ctx: StepContext) -> dict[str, Any]:
    """One payment by its ID."""
    payment_id = params.payment_id.strip()
    if not _UUID.match(payment_id):
        raise StepError(
            f"Moyasar: '{payment_id}' is not a payment ID; Moyasar's look like "
            "760878ec-d1d3-5f72-9056-191683f55872."
        )
    account = _moyasar_account(ctx.credential(params.connection))
    return _payment(_call(account, "GET", f"/v1/payments/{payment_id}", ctx.remaining))


def _payment(payment: dict[str, Any]) -> dict[str, Any]:
    currency = payment.get("currency")
    source = payment.get("source") if isinstance(payment.get("source"), dict) else {}
    return {
        "payment_id": payment.get("id"),
        "status": payment.get("status"),
        "amount": from_minor(payment.get("amount"), currency),
        "currency": str(currency or "").upper(),
        "description": payment.get("description") or "",
        "invoice_id": payment.get("invoice_id") or "",
        "metadata": payment.get("metadata") or {},
        "message": source.get("message") or "",
        "card_brand": source.get("company") or "",
        "card_number": source.get("number") or "",
        "card_name": source.get("name") or "",
        "method": source.get("type") or "",
        "paid_at": payment.get("created_at"),
        "payment": payment,
    }


def _invoice(invoice: dict[str, Any]) -> dict[str, Any]:
    currency = invoice.get("currency")
    return {
        "invoice_id": invoice.get("id"),
        "url": invoice.get("url"),
        "status": invoice.get("status"),
        "amount": from_minor(invoice.get("amount"), currency),
        "currency": str(currency or "").upper(),
        "description": invoice.get("description") or "",
        "expires": invoice.get("expired_at"),
        "metadata": invoice.get("metadata") or {},
        "created": invoice.get("created_at"),
        "invoice": invoice,
    }


# Calls.


def _moyasar_account(secret: dict[str, Any]) -> MoyasarAccount:
    try:
        return MoyasarAccount.model_validate(secret)
    except ValidationError:
        # pydantic's message would quote the stored fields, keys included.
        raise StepError(
            "Moyasar: the connected account has no secret key; reconnect Moyasar."
        ) from None


def _call(
    account: MoyasarAccount,
    method: str,
    path: str,
    timeout: float,
    *,
    params: dict[str, Any] | None = None,
    body: dict[str, Any] | None = None,
    sends: bool = False,
) -> dict[str, Any]:
    return MOYASAR.call_json(
        method,
        account.url(path),
        params=params,
        json=body,
        auth=(account.key(), ""),
        headers={"Accept": "application/json"},
        timeout=timeout,
        sends=sends,
        failure=lambda response: _failure(response, sends),
    )


def _failure(response: httpx.Response, sends: bool) -> StepError:
    if response.status_code == 404:
        return StepError(f"Moyasar: not found ({MOYASAR.message(response)}); check the ID.")
    return MOYASAR.failure(response, sends=sends)


def _error_text(answer: Any) -> str:
    """Moyasar's message and the fields it names: "Validation Failed (amount: must be …)"."""
    if not isinstance(answer, dict):
        return ""
    message = str(answer.get("message") or "").strip()
    errors = answer.get("errors")
    if isinstance(errors, dict) and errors:
        details = "; ".join(
            f"{field}: {', '.join(map(str, problems)) if isinstance(problems, list) else problems}"
            for field, problems in errors.items()
        )
        return f"{message} ({details})" if message else details
    return message


def _masked(text: str) -> str:
    return _KEY_TEXT.sub("(key hidden)", text)
