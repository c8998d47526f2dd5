"""Stripe: start flows on successful payments, add customers and list payments (API v1).

Calls go to ``{base_url}/v1/…`` with ``Authorization: Bearer <secret key>``; bodies are
form-encoded with nested fields in brackets (``metadata[order]=1042``), and lists are paged by
cursor: ``starting_after=<last id>`` while ``has_more`` (stripe.com/docs/api). A create carries
an ``Idempotency-Key``: sent again, Stripe returns the first result instead of making a second
customer (stripe.com/docs/api/idempotent_requests). Webhooks are signed in ``Stripe-Signature``:
``t=<unix time>,v1=<hex HMAC-SHA256 of "{t}.{raw body}" with the endpoint's whsec_ secret>``,
with one v1 per secret while a secret is being rolled (stripe.com/docs/webhooks#verify-manually).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
    fresh_timestamp,
    json_value,
    message_in,
    trigger_secret,
    verify_signature,
)

if TYPE_CHECKING:
    import httpx

DEFAULT_BASE_URL = "https://api.stripe.com"
TEST_TIMEOUT = 15.0
PAGE_SIZE = 100  # the most Stripe gives per page
SIGNATURE_TOLERANCE = 300.0  # seconds, as Stripe's own libraries allow
KEY_PREFIXES = ("sk_test_", "sk_live_", "rk_test_", "rk_live_")
BAD_KEY = (
    "Invalid Stripe API key — reconnect Stripe with a secret key (sk_…) or a restricted key (rk_…) "
    "from Developers → API keys."
)
PUBLISHABLE_KEY = (
    "Stripe: that is the publishable key (pk_…); reconnect Stripe with the secret "
    "key (sk_…) instead."
)
PAYMENT_SUCCEEDED = "payment_intent.succeeded"
CHECKOUT_COMPLETED = "checkout.session.completed"
INVOICE_PAID = "invoice.paid"
CUSTOMER_CREATED = "customer.created"
# Amounts come in the currency's smallest unit; most have 2 decimals, these 0 or 3
# (stripe.com/docs/currencies#zero-decimal, #three-decimal).
ZERO_DECIMAL = frozenset(
    [
        "bif",
        "clp",
        "djf",
        "gnf",
        "jpy",
        "kmf",
        "krw",
        "mga",
        "pyg",
        "rwf",
        "ugx",
        "vnd",
        "vuv",
        "xaf",
        "xof",
        "xpf",
    ]
)
THREE_DECIMAL = frozenset(["bhd", "jod", "kwd", "omr", "tnd"])
# Anything that looks like a key, masked even in Stripe's own (already shortened) messages.
_KEY_TEXT = re.compile(r"\b(?:sk|rk|pk)_(?:test|live)_[\w*]+|\bwhsec_\w+")


STRIPE = Service(
    "Stripe",
    host="api.stripe.com",
    # Anything like a key is masked, even in Stripe's own (already shortened) messages.
    message_at=lambda answer: _masked(message_in(answer, "error.message")),
    rejected=BAD_KEY,
)


class StripeAccount(BaseModel):
    """A Stripe account's secret (or restricted) key and a webhook endpoint's signing secret."""

    secret_key: str = Field(
        title="Secret key",
        description="sk_live_… or sk_test_… from Developers → API keys, or a restricted key "
        "(rk_…) allowed to read PaymentIntents and write Customers.",
        json_schema_extra=SECRET,
    )
    webhook_secret: str = Field(
        "",
        title="Webhook signing secret",
        description="whsec_… of the webhook endpoint that calls this flow (Developers → "
        "Webhooks → the endpoint → Signing secret); Flowin refuses events Stripe didn't sign.",
        json_schema_extra=trigger_secret("payment_succeeded", "invoice_paid", "new_customer"),
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


def _account() -> Any:
    return account_field("stripe", "The connected Stripe account.")


class PaymentSucceededInput(BaseModel):
    connection: str | None = _account()
    include_checkout: bool = Field(
        False,
        title="Also when a Checkout session is paid",
        description="Start the flow on checkout.session.completed too (Stripe Checkout and "
        "Payment Links); add that event to the webhook endpoint.",
    )


class EventTriggerInput(BaseModel):
    connection: str | None = _account()


class CreateCustomerInput(BaseModel):
    connection: str | None = _account()
    email: Text = Field("", title="E-mail")
    name: Text = Field("", title="Name")
    phone: Text = Field("", title="Phone", description="In international form, e.g. +971501234567.")
    description: Text = Field("", title="Description")
    metadata: Any = Field(
        None,
        title="Metadata",
        description="Your own named values saved on the customer, e.g. order = the order number (up to 50).",
        json_schema_extra={"widget": "fields"},
    )
    idempotency_key: Text = Field(
        "",
        title="Idempotency key",
        description="Empty: one per run and step, so a step tried again never adds the customer "
        "twice. Set it (e.g. {{ trigger.event_id }}) to make repeats across runs safe too.",
    )


class ListPaymentsInput(BaseModel):
    connection: str | None = _account()
    customer: Text = Field(
        "", title="Customer", description="A customer ID (cus_…); empty for all."
    )
    created_from: Text = Field(
        "",
        title="Created from",
        description="A date (2024-03-01), a date and time, or a Unix timestamp; empty for no limit.",
    )
    created_before: Text = Field(
        "", title="Created before", description="Like Created from; empty for no limit."
    )
    limit: int = Field(100, title="At most", ge=1, le=10_000)


def test_account(secret: StripeAccount) -> str:
    """Read the balance: a cheap call every secret key may make, which changes nothing."""
    balance = _call(secret, "GET", "/v1/balance", TEST_TIMEOUT)
    mode = "live" if balance.get("livemode") else "test"
    available = [
        f"{_major(b.get('amount'), b.get('currency')):,} {str(b.get('currency')).upper()}"
        for b in balance.get("available") or []
    ]
    shown = f"; available: {', '.join(available)}" if available else ""
    return f"Connected to Stripe in {mode} mode{shown}."


# The trigger.


def payment_succeeded(params: PaymentSucceededInput, ctx: StepContext) -> dict[str, Any]:
    """The payment from the event Stripe sent, with the fields flows use most at the top."""
    event, paid = _event_object(ctx)
    if paid.get("object") == "checkout.session":
        payment = _checkout_payment(paid)
    else:
        payment = _intent_payment(paid)
    return {
        "event_id": event.get("id"),
        "event_type": event.get("type"),
        **payment,
        "livemode": bool(event.get("livemode")),
        "created": _iso(event.get("created")),
        "event": event,
    }


def payment_succeeded_webhook(
    params: PaymentSucceededInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Accept only events Stripe signed in the last 5 minutes, of the types this trigger runs on."""
    wanted = (
        {PAYMENT_SUCCEEDED, CHECKOUT_COMPLETED} if params.include_checkout else {PAYMENT_SUCCEEDED}
    )
    event, reply = _signed_event(params.connection, request, ctx, wanted)
    if reply is not None:
        return reply
    session = (event.get("data") or {}).get("object") or {}
    if event.get("type") == CHECKOUT_COMPLETED and session.get("payment_status") == "unpaid":
        # A delayed method (a bank debit) completes the session before the money arrives.
        return WebhookReply(200, {"ignored": "checkout session not paid yet"})
    return None


def invoice_paid(params: EventTriggerInput, ctx: StepContext) -> dict[str, Any]:
    """The paid invoice: who paid, how much, for what."""
    event, invoice = _event_object(ctx)
    currency = invoice.get("currency")
    lines = ((invoice.get("lines") or {}).get("data")) or []
    return {
        "event_id": event.get("id"),
        "invoice_id": invoice.get("id"),
        "number": invoice.get("number") or "",
        "amount_paid": _major(invoice.get("amount_paid"), currency),
        "currency": str(currency or "").upper(),
        "customer_id": _id(invoice.get("customer")),
        "customer_email": invoice.get("customer_email") or "",
        "customer_name": invoice.get("customer_name") or "",
        "customer_phone": invoice.get("customer_phone") or "",
        "subscription_id": _id(invoice.get("subscription")),
        "hosted_invoice_url": invoice.get("hosted_invoice_url") or "",
        "lines": [
            {"description": line.get("description"), "amount": _major(line.get("amount"), currency)}
            for line in lines
        ],
        "metadata": invoice.get("metadata") or {},
        "livemode": bool(event.get("livemode")),
        "created": _iso(event.get("created")),
        "event": event,
    }


def invoice_paid_webhook(
    params: EventTriggerInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Accept only signed invoice.paid events."""
    return _signed_event(params.connection, request, ctx, {INVOICE_PAID})[1]


def new_customer(params: EventTriggerInput, ctx: StepContext) -> dict[str, Any]:
    """The customer Stripe just created."""
    event, created = _event_object(ctx)
    return {
        "event_id": event.get("id"),
        "customer_id": created.get("id"),
        "email": created.get("email") or "",
        "name": created.get("name") or "",
        "phone": created.get("phone") or "",
        "description": created.get("description") or "",
        "metadata": created.get("metadata") or {},
        "livemode": bool(event.get("livemode")),
        "created": _iso(event.get("created")),
        "event": event,
    }


def new_customer_webhook(
    params: EventTriggerInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Accept only signed customer.created events."""
    return _signed_event(params.connection, request, ctx, {CUSTOMER_CREATED})[1]


def _event_object(ctx: StepContext) -> tuple[dict[str, Any], dict[str, Any]]:
    data = ctx.trigger_data or {}
    event = data.get("body") if isinstance(data, dict) and "body" in data else data
    found = (event.get("data") or {}).get("object") if isinstance(event, dict) else None
    if not isinstance(found, dict):
        raise StepError(
            "Stripe: the webhook carried no event; point a Stripe webhook endpoint (not another "
            "service) at this flow's address."
        )
    return event, found  # type: ignore[return-value]


def _signed_event(
    connection: str | None, request: WebhookRequest, ctx: GateContext, wanted: set[str]
) -> tuple[dict[str, Any], WebhookReply | None]:
    """The event, if Stripe signed it in the last 5 minutes; a 200 reply for other types."""
    if request.method != "POST":
        raise WebhookRejected("Stripe sends webhook events with POST.", status=405)
    # Only the signing secret is needed here, not a valid API key.
    secret = ctx.account_value(connection, "webhook_secret", service="Stripe")
    if not secret:
        raise WebhookRejected(
            "Stripe: no webhook signing secret (whsec_…) is set on this Stripe account, so the "
            "event can't be checked; copy it from Developers → Webhooks.",
            status=403,
        )
    timestamp, signatures = _signature_header(request.header("stripe-signature"))
    signed = f"{timestamp}.".encode() + request.body
    if not any(verify_signature(secret, signed, s) for s in signatures):
        raise WebhookRejected("Stripe: the event's signature doesn't match; it was ignored.")
    if not fresh_timestamp(timestamp, SIGNATURE_TOLERANCE):
        raise WebhookRejected(
            "Stripe: the event was signed more than 5 minutes ago (a replay, or this computer's "
            "clock is off); it was ignored."
        )
    event = request.json()
    if not isinstance(event, dict):
        raise WebhookRejected("Stripe: the request carried no event; it was ignored.", status=400)
    kind = event.get("type")
    # Stripe repeats events not answered with 2xx, so unwanted ones are answered 200.
    if kind not in wanted:
        return event, WebhookReply(200, {"ignored": kind})
    return event, None


def _signature_header(header: str | None) -> tuple[str, list[str]]:
    """``t=1492774577,v1=5257a…,v1=…,v0=…`` → the timestamp and the v1 signatures."""
    timestamp, signatures = "", []
    for part in (header or "").split(","):
        name, _, value = part.strip().partition("=")
        if name == "t":
            timestamp = value
        elif name == "v1":
            signatures.append(value)
    if not timestamp or not signatures:
        raise WebhookRejected(
            "Stripe: the request has no Stripe-Signature with a timestamp and a v1 signature; "
            "it was ignored."
        )
    return timestamp, signatures


def _intent_payment(intent: dict[str, Any]) -> dict[str, Any]:
    customer = intent.get("customer")
    details = _billing_details(intent)
    shipping = intent.get("shipping") or {}
    currency = intent.get("currency")
    return {
        "payment_intent_id": intent.get("id"),
        "amount": _major(intent.get("amount_received") or intent.get("amount"), currency),
        "currency": str(currency or "").upper(),
        "customer_id": _id(customer),
        "customer_email": intent.get("receipt_email")
        or (customer.get("email") if isinstance(customer, dict) else None)
        or details.get("email")
        or "",
        "customer_name": details.get("name") or shipping.get("name") or "",
        "customer_phone": details.get("phone") or shipping.get("phone") or "",
        "description": intent.get("description") or "",
        "metadata": intent.get("metadata") or {},
    }


def _checkout_payment(session: dict[str, Any]) -> dict[str, Any]:
    details = session.get("customer_details") or {}
    currency = session.get("currency")
    return {
        "payment_intent_id": _id(session.get("payment_intent")),
        "amount": _major(session.get("amount_total"), currency),
        "currency": str(currency or "").upper(),
        "customer_id": _id(session.get("customer")),
        "customer_email": details.get("email") or session.get("customer_email") or "",
        "customer_name": details.get("name") or "",
        "customer_phone": details.get("phone") or "",
        "description": "",
        "metadata": session.get("metadata") or {},
    }


def _billing_details(intent: dict[str, Any]) -> dict[str, Any]:
    """The payer's details: in the expanded latest charge, or (API versions before 2022-11-15)
    in the first of ``charges``."""
    charge = intent.get("latest_charge")
    if not isinstance(charge, dict):
        charges = (intent.get("charges") or {}).get("data") or [{}]
        charge = charges[0] if isinstance(charges[0], dict) else {}
    return charge.get("billing_details") or {}


# Actions.


def create_customer(params: CreateCustomerInput, ctx: StepContext) -> dict[str, Any]:
    """Add a customer; sent again with the same idempotency key, Stripe returns the same one."""
    form = {
        key: value.strip()
        for key, value in params.model_dump(
            include={"email", "name", "phone", "description"}
        ).items()
        if value.strip()
    }
    for key, value in _metadata(params.metadata).items():
        form[f"metadata[{key}]"] = value
    account = _stripe_account(ctx.credential(params.connection))
    key = params.idempotency_key.strip() or _idempotency_key(ctx, form)
    if len(key) > 255:
        raise StepError("Stripe: the idempotency key is longer than 255 characters.")
    customer = _call(account, "POST", "/v1/customers", ctx.remaining, form=form, idempotency=key)
    return {
        "id": customer.get("id"),
        "email": customer.get("email"),
        "name": customer.get("name"),
        "phone": customer.get("phone"),
        "description": customer.get("description"),
        "metadata": customer.get("metadata") or {},
        "created": _iso(customer.get("created")),
        "livemode": bool(customer.get("livemode")),
    }


def list_payments(params: ListPaymentsInput, ctx: StepContext) -> dict[str, Any]:
    """Payments newest first, following Stripe's pages until ``limit`` payments."""
    account = _stripe_account(ctx.credential(params.connection))
    zone = _zone(ctx)
    query: dict[str, Any] = {"limit": min(PAGE_SIZE, params.limit)}
    if params.customer.strip():
        query["customer"] = params.customer.strip()
    for name, text, title in (
        ("created[gte]", params.created_from, "Created from"),
        ("created[lt]", params.created_before, "Created before"),
    ):
        moment = _unix(text, title, zone)
        if moment is not None:
            query[name] = moment
    payments: list[dict[str, Any]] = []
    while True:
        page = _call(account, "GET", "/v1/payment_intents", ctx.remaining, params=query)
        items = [p for p in page.get("data") or [] if isinstance(p, dict)]
        payments += [_payment(p) for p in items]
        more = bool(page.get("has_more")) and bool(items)
        if not more or len(payments) >= params.limit:
            break
        query["starting_after"] = items[-1]["id"]
        query["limit"] = min(PAGE_SIZE, params.limit - len(payments))
    return {
        "payments": payments[: params.limit],
        "count": min(len(payments), params.limit),
        "has_more": more or len(payments) > params.limit,
    }


def _payment(intent: dict[str, Any]) -> dict[str, Any]:
    currency = intent.get("currency")
    return {
        "id": intent.get("id"),
        "amount": _major(intent.get("amount"), currency),
        "amount_received": _major(intent.get("amount_received"), currency),
        "currency": str(currency or "").upper(),
        "status": intent.get("status"),
        "customer_id": _id(intent.get("customer")),
        "receipt_email": intent.get("receipt_email") or "",
        "description": intent.get("description") or "",
        "metadata": intent.get("metadata") or {},
        "created": _iso(intent.get("created")),
        "payment_intent": intent,
    }


def _metadata(value: Any) -> dict[str, str]:
    """Metadata as Stripe keeps it: up to 50 text values under keys without brackets."""
    if value in (None, "", {}):
        return {}
    value = json_value(value, "Stripe: Metadata")
    if not isinstance(value, dict):
        raise StepError('Stripe: Metadata must be key–value pairs, e.g. {"order": "1042"}.')
    if len(value) > 50:
        raise StepError("Stripe keeps at most 50 metadata keys on a customer.")
    pairs = {}
    for key, item in value.items():
        key = str(key).strip()
        if not key or "[" in key or "]" in key or len(key) > 40:
            raise StepError(
                f"Stripe: the metadata key '{key}' must be 1–40 characters without [ or ]."
            )
        if isinstance(item, dict | list):
            raise StepError(f"Stripe: metadata '{key}' must be text or a number, not a list.")
        if isinstance(item, bool):
            item = "true" if item else "false"
        pairs[key] = "" if item is None else str(item)
    return pairs


def _idempotency_key(ctx: StepContext, form: dict[str, str]) -> str:
    """The same for every attempt of this step in this run with these details, and only then."""
    seed = json.dumps([ctx.flow.id, ctx.node.id, ctx.execution_id, form], sort_keys=True)
    return "flowin-" + hashlib.sha256(seed.encode()).hexdigest()[:40]


# Calls.


def _stripe_account(secret: dict[str, Any]) -> StripeAccount:
    try:
        return StripeAccount.model_validate(secret)
    except ValidationError:
        # pydantic's message would quote the stored fields, keys included.
        raise StepError(
            "Stripe: the connected account has no secret key; reconnect Stripe."
        ) from None


def _call(
    account: StripeAccount,
    method: str,
    path: str,
    timeout: float,
    *,
    params: dict[str, Any] | None = None,
    form: dict[str, str] | None = None,
    idempotency: str | None = None,
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {account.key()}", "Accept": "application/json"}
    if idempotency:
        headers["Idempotency-Key"] = idempotency
    url = account.url(path)
    # Safe to repeat: reads change nothing, and a create repeats with its idempotency key.
    return STRIPE.call_json(
        method, url, params=params, data=form, headers=headers, timeout=timeout, failure=_failure
    )


def _failure(response: httpx.Response) -> StepError:
    status = response.status_code
    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        error = None
    error = error if isinstance(error, dict) else {}
    message = STRIPE.message(response)
    kind, param = error.get("type"), error.get("param")
    # Stripe says itself whether sending the same request again can work.
    should_retry = (response.headers.get("stripe-should-retry") or "").lower()
    if status in (401, 429):
        return STRIPE.failure(response)
    if should_retry == "true" or (status >= 500 and should_retry != "false"):
        return STRIPE.failure(response, status=max(status, 500), message=message)
    if status == 403:
        return StepError(
            f"Stripe: this key isn't allowed to do that ({message}); use the secret key, or give "
            "the restricted key this permission in Developers → API keys."
        )
    if kind == "card_error" or status == 402:
        code = error.get("decline_code") or error.get("code")
        return StepError(
            f"Stripe: the card was declined: {message}" + (f" ({code})." if code else ".")
        )
    if kind == "idempotency_error":
        return StepError(
            f"Stripe: {message}. The idempotency key was already used for other details; leave "
            "Idempotency key empty or make it unique."
        )
    where = f" (field {param})" if param else ""
    return StepError(f"Stripe refused the request{where}: {message}.")


def _masked(text: str) -> str:
    return _KEY_TEXT.sub("(key hidden)", text)


# Values.


def _major(amount: Any, currency: Any) -> float | int | None:
    """12.34 for 1234 cents; 1234 for 1234 yen; 1.234 for 1234 fils of a Kuwaiti dinar."""
    if not isinstance(amount, int) or isinstance(amount, bool):
        return None
    code = str(currency or "").lower()
    if code in ZERO_DECIMAL:
        return amount
    return amount / (1000 if code in THREE_DECIMAL else 100)


def _id(value: Any) -> str:
    """An ID, whether Stripe sent it plain or expanded into its object."""
    if isinstance(value, dict):
        return str(value.get("id") or "")
    return str(value or "")


def _iso(timestamp: Any) -> str | None:
    if not isinstance(timestamp, int | float) or isinstance(timestamp, bool):
        return None
    return datetime.fromtimestamp(timestamp, UTC).isoformat()


def _unix(text: str, title: str, zone: ZoneInfo) -> int | None:
    """A date, a date and time (in the flow's time zone unless it says), or a Unix timestamp."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{9,11}", text):
        return int(text)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise StepError(
            f"Stripe: {title} '{text}' is not a date (2024-03-01), a date and time "
            "(2024-03-01T09:30) or a Unix timestamp."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return int(moment.timestamp())


def _zone(ctx: StepContext) -> ZoneInfo:
    try:
        return ZoneInfo(ctx.flow.settings.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
