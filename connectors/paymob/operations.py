"""Paymob: start flows when a payment goes through or is declined, make payment links, read
transactions.

A payment link is a payment intention: ``POST /v1/intention/`` with ``Authorization: Token
<secret key>`` (developers.paymob.com, "Create Intention"), amounts in piasters/halalas/fils;
its ``client_secret`` with the account's public key opens Paymob's Unified Checkout,
``/unifiedcheckout/?publicKey=…&clientSecret=…``. Paymob offers no idempotency key for
intentions, so a create that may have reached Paymob is never repeated on its own. Reading a
transaction is the older Accept API: an auth token from ``POST /api/auth/tokens`` with the API
key, then ``GET /api/acceptance/transactions/{id}`` with ``Authorization: Bearer <token>``.
The transaction processed callback is a POST of ``{"type": "TRANSACTION", "obj": {…}}`` with
``?hmac=`` in its address: the hex HMAC-SHA512, keyed with the account's HMAC secret, of the
values of ``HMAC_FIELDS`` of ``obj`` joined with nothing, true/false in lower case
(developers.paymob.com, "HMAC Transaction Callback").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field, ValidationError

from flowin_engine.kit import (
    SECRET,
    AccountRejected,
    GateContext,
    RetryableError,
    Service,
    StepContext,
    StepError,
    Text,
    WebhookRejected,
    WebhookReply,
    WebhookRequest,
    account_field,
    metadata_pairs,
    trigger_secret,
    verify_signature,
    web_address,
)
from flowin_engine.kit.money import amount, currency_code, from_minor, to_minor

if TYPE_CHECKING:
    import httpx

HOSTS = {
    "egypt": "https://accept.paymob.com",
    "saudi_arabia": "https://ksa.paymob.com",
    "united_arab_emirates": "https://uae.paymob.com",
    "oman": "https://oman.paymob.com",
}
TEST_TIMEOUT = 15.0
BAD_KEY = (
    "Paymob didn't accept the secret key — reconnect Paymob with the secret key from Developers "
    "→ API Keys in the Paymob dashboard (it starts with egy_sk_, sau_sk_, are_sk_ or omn_sk_)."
)
# The transaction's fields Paymob signs, in its order (developers.paymob.com).
HMAC_FIELDS = (
    "amount_cents",
    "created_at",
    "currency",
    "error_occured",
    "has_parent_transaction",
    "id",
    "integration_id",
    "is_3d_secure",
    "is_auth",
    "is_capture",
    "is_refunded",
    "is_standalone_payment",
    "is_voided",
    "order.id",
    "owner",
    "pending",
    "source_data.pan",
    "source_data.sub_type",
    "source_data.type",
    "success",
)
_KEY_TEXT = re.compile(r"\b\w{0,4}_?(?:sk|pk|csk)_(?:test|live)_\w+")

Region = Literal["egypt", "saudi_arabia", "united_arab_emirates", "oman"]


PAYMOB = Service(
    "Paymob",
    host="accept.paymob.com",
    message_at=lambda answer: _masked(_error_text(answer)),
    rejected=BAD_KEY,
)


class PaymobAccount(BaseModel):
    """A Paymob account's keys, its payment methods and its callbacks' HMAC secret."""

    secret_key: str = Field(
        title="Secret key",
        description="From Developers → API Keys in the Paymob dashboard, e.g. egy_sk_live_….",
        json_schema_extra=SECRET,
    )
    public_key: str = Field(
        title="Public key",
        description="From the same page, e.g. egy_pk_live_…; it opens the checkout page.",
    )
    integration_ids: str = Field(
        title="Payment integration IDs",
        description="The IDs of the payment methods customers may use, from Developers → "
        "Payment Integrations, separated by commas, e.g. 4097558, 4097559.",
    )
    hmac_secret: str = Field(
        "",
        title="HMAC secret",
        description="From Developers → API Keys; Flowin refuses transaction callbacks it "
        "didn't sign.",
        json_schema_extra=trigger_secret("payment_succeeded", "payment_declined"),
    )
    api_key: str = Field(
        "",
        title="API key",
        description="The long API key from Developers → API Keys; only Get Paymob transaction "
        "needs it.",
        json_schema_extra=SECRET,
    )
    region: Region = Field(
        "egypt",
        title="Country",
        description="Where the Paymob account is: Egypt, Saudi Arabia, UAE or Oman.",
    )
    base_url: str = Field("", title="API address", description="Empty for the country's.")

    def key(self) -> str:
        key = self.secret_key.strip()
        if "_pk_" in key or key.startswith("pk_"):
            raise StepError(
                "Paymob: that is the public key; put the secret key (…_sk_…) in Secret key and "
                "the public key in Public key."
            )
        if "_sk_" not in key and not key.startswith("sk_"):
            raise AccountRejected(BAD_KEY)
        return key

    def url(self, path: str) -> str:
        return f"{self.base_url.strip().rstrip('/') or HOSTS[self.region]}{path}"

    def payment_methods(self) -> list[int]:
        found = [part.strip() for part in re.split(r"[,\s]+", self.integration_ids) if part.strip()]
        if not found or not all(part.isdigit() for part in found):
            raise StepError(
                "Paymob: the account's Payment integration IDs must be numbers separated by "
                "commas, e.g. 4097558, 4097559 (Developers → Payment Integrations); reconnect "
                "Paymob to fix them."
            )
        return [int(part) for part in found]


def _account_field() -> Any:
    return account_field("paymob", "The connected Paymob account.")


class TransactionEventInput(BaseModel):
    connection: str | None = _account_field()


class CreatePaymentLinkInput(BaseModel):
    connection: str | None = _account_field()
    amount: Text = Field(
        title="Amount to pay",
        description="In the currency's main unit, e.g. 150.50 (EGP); Flowin sends Paymob piasters.",
    )
    currency: Text = Field("EGP", title="Currency", description="e.g. EGP, SAR, AED, OMR.")
    description: Text = Field(
        title="Description", description="What the customer pays for, e.g. Order #1042."
    )
    first_name: Text = Field(title="Customer's first name")
    last_name: Text = Field("", title="Customer's last name")
    email: Text = Field(title="Customer's e-mail")
    phone: Text = Field(
        title="Customer's phone", description="In international form, e.g. +201012345678."
    )
    order_reference: Text = Field(
        "",
        title="Order reference",
        description="Your order number (Paymob's special_reference); it comes back in the "
        "callback as the order's merchant_order_id.",
    )
    notification_url: Text = Field(
        "",
        title="Send payment updates to",
        description="The live address of a flow that starts with a Paymob trigger; empty for "
        "the callback set on the integration.",
    )
    redirect_url: Text = Field(
        "",
        title="After paying, go to",
        description="A page of yours the customer returns to after paying.",
    )
    expires_in_hours: int | None = Field(
        None, title="Expires after (hours)", description="Empty for Paymob's default.", ge=1
    )
    metadata: Any = Field(
        None,
        title="Metadata",
        description="Your own named values kept on the payment (Paymob's extras).",
        json_schema_extra={"widget": "fields"},
    )


class GetTransactionInput(BaseModel):
    connection: str | None = _account_field()
    transaction_id: Text = Field(
        title="Transaction ID",
        description="A number, e.g. {{ trigger.transaction_id }} (like 192036465).",
    )


def test_account(secret: PaymobAccount) -> str:
    """Check the keys' form and the integration IDs, and the API key with Paymob when it is set.

    Paymob has no call that only reads with the secret key, so it is first used by a payment
    link."""
    secret.key()
    methods = secret.payment_methods()
    if not secret.public_key.strip() or "_sk_" in secret.public_key:
        raise StepError("Paymob: the public key (…_pk_…) is missing or is the secret key.")
    checked = ""
    if secret.api_key.strip():
        _auth_token(secret, TEST_TIMEOUT)
        checked = "; the API key works"
    return (
        f"Paymob account in {secret.region.replace('_', ' ').title()} with "
        f"{len(methods)} payment integration{'s' if len(methods) != 1 else ''}{checked}. The "
        "secret key is checked by the first payment link."
    )


# The triggers.


def payment_succeeded(params: TransactionEventInput, ctx: StepContext) -> dict[str, Any]:
    """The successful transaction, with the fields flows use most at the top."""
    return _transaction(_callback(ctx))


def payment_succeeded_webhook(
    params: TransactionEventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Accept only signed callbacks of a payment that went through."""
    obj = _signed_transaction(params.connection, request, ctx)
    if obj is None or not _paid(obj):
        return WebhookReply(200, {"ignored": "not a successful payment"})
    return None


def payment_declined(params: TransactionEventInput, ctx: StepContext) -> dict[str, Any]:
    """The declined transaction and Paymob's reason."""
    return _transaction(_callback(ctx))


def payment_declined_webhook(
    params: TransactionEventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Accept only signed callbacks of a payment that was declined."""
    obj = _signed_transaction(params.connection, request, ctx)
    if obj is None or obj.get("success") is not False or obj.get("pending") is True:
        return WebhookReply(200, {"ignored": "not a declined payment"})
    return None


def signed_text(obj: dict[str, Any]) -> bytes:
    """What Paymob signs for a transaction: ``HMAC_FIELDS``' values joined with nothing."""
    return "".join(_hmac_value(_at(obj, name)) for name in HMAC_FIELDS).encode()


def _signed_transaction(
    connection: str | None, request: WebhookRequest, ctx: GateContext
) -> dict[str, Any] | None:
    """The callback's transaction if Paymob signed it; None for another kind of callback."""
    if request.method != "POST":
        raise WebhookRejected(
            "Paymob: use this address as the Transaction processed callback (a POST), not the "
            "response callback.",
            status=405,
        )
    secret = ctx.account_value(connection, "hmac_secret", service="Paymob")
    if not secret:
        raise WebhookRejected(
            "Paymob: no HMAC secret is saved in the Paymob account in Flowin, so Flowin can't "
            "tell whether the callback came from Paymob; copy it from Developers → API Keys.",
            status=403,
        )
    callback = request.json()
    if not isinstance(callback, dict):
        raise WebhookRejected("Paymob: the request carried no callback.", status=400)
    if callback.get("type") != "TRANSACTION":
        return None  # card tokens and subscriptions are signed differently, and not for us
    obj = callback.get("obj")
    if not isinstance(obj, dict):
        raise WebhookRejected("Paymob: the callback carried no transaction.", status=400)
    given = request.query.get("hmac")
    if not given:
        raise WebhookRejected("Paymob: the callback has no hmac; it was ignored.")
    if not verify_signature(secret, signed_text(obj), given.strip().lower(), algorithm="sha512"):
        raise WebhookRejected(
            "Paymob: the callback's hmac doesn't match the HMAC secret saved in Flowin, so it "
            "was ignored. If Paymob really sent it, copy the HMAC secret again from Developers "
            "→ API Keys."
        )
    return obj


def _paid(obj: dict[str, Any]) -> bool:
    refund_or_void = ("is_refund", "is_void", "is_refunded", "is_voided")
    return (
        obj.get("success") is True
        and obj.get("pending") is not True
        and not any(obj.get(name) for name in refund_or_void)
    )


def _callback(ctx: StepContext) -> dict[str, Any]:
    data = ctx.trigger_data or {}
    callback = data.get("body") if isinstance(data, dict) and "body" in data else data
    obj = callback.get("obj") if isinstance(callback, dict) else None
    if not isinstance(obj, dict):
        raise StepError(
            "Paymob: the webhook carried no transaction; set this flow's address as the "
            "integration's Transaction processed callback in Paymob."
        )
    return obj


def _hmac_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _at(obj: dict[str, Any], dotted: str) -> Any:
    value: Any = obj
    for key in dotted.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


# Actions.


def create_payment_link(params: CreatePaymentLinkInput, ctx: StepContext) -> dict[str, Any]:
    """A payment intention and the Unified Checkout page that pays it."""
    currency = currency_code(params.currency, "Paymob")
    cents = to_minor(amount(params.amount, currency, "Paymob"), currency)
    description = params.description.strip()
    if not description:
        raise StepError("Paymob: write a description of what the customer pays for.")
    for value, title in ((params.first_name, "first name"), (params.email, "e-mail")):
        if not value.strip():
            raise StepError(f"Paymob needs the customer's {title} for a payment link.")
    account = _paymob_account(ctx.credential(params.connection))
    body: dict[str, Any] = {
        "amount": cents,
        "currency": currency,
        "payment_methods": account.payment_methods(),
        # Paymob checks that the items add up to the amount: one item, the whole of it.
        "items": [
            {"name": description[:50], "amount": cents, "description": description, "quantity": 1}
        ],
        "billing_data": {
            "first_name": params.first_name.strip(),
            # Paymob refuses an empty last name; its own libraries send "NA".
            "last_name": params.last_name.strip() or "NA",
            "email": params.email.strip(),
            "phone_number": _phone(params.phone),
        },
        "customer": {
            "first_name": params.first_name.strip(),
            "last_name": params.last_name.strip() or "NA",
            "email": params.email.strip(),
        },
    }
    if params.order_reference.strip():
        body["special_reference"] = params.order_reference.strip()
    if params.notification_url.strip():
        body["notification_url"] = web_address(
            params.notification_url, "Send payment updates to", "Paymob"
        )
    if params.redirect_url.strip():
        body["redirection_url"] = web_address(params.redirect_url, "After paying, go to", "Paymob")
    if params.expires_in_hours:
        body["expiration"] = params.expires_in_hours * 3600
    metadata = metadata_pairs(params.metadata, "Paymob")
    if metadata:
        body["extras"] = metadata
    # No idempotency key for intentions: a create that may have arrived is not sent again.
    intention = _call(
        account,
        "POST",
        "/v1/intention/",
        ctx.remaining,
        body=body,
        authorization=f"Token {account.key()}",
        sends=True,
    )
    client_secret = str(intention.get("client_secret") or "")
    if not client_secret:
        raise StepError(
            "Paymob made the payment intention but gave no client secret to open its checkout "
            "page; check the intention in the Paymob dashboard."
        )
    checkout = account.url(
        f"/unifiedcheckout/?publicKey={account.public_key.strip()}&clientSecret={client_secret}"
    )
    return {
        "url": checkout,
        "intention_id": intention.get("id"),
        "order_id": intention.get("intention_order_id"),
        "status": intention.get("status"),
        "amount": from_minor(intention.get("amount"), currency),
        "currency": str(intention.get("currency") or currency).upper(),
        "order_reference": intention.get("special_reference") or params.order_reference.strip(),
    }


def get_transaction(params: GetTransactionInput, ctx: StepContext) -> dict[str, Any]:
    """One transaction by its ID, through the Accept API's auth token."""
    transaction_id = params.transaction_id.strip()
    if not transaction_id.isdigit():
        raise StepError(
            f"Paymob: '{transaction_id}' is not a transaction ID; Paymob's are numbers like "
            "192036465."
        )
    account = _paymob_account(ctx.credential(params.connection))
    token = _auth_token(account, ctx.remaining)
    obj = _call(
        account,
        "GET",
        f"/api/acceptance/transactions/{transaction_id}",
        ctx.remaining,
        authorization=f"Bearer {token}",
    )
    return _transaction(obj)


def _transaction(obj: dict[str, Any]) -> dict[str, Any]:
    order = obj.get("order") if isinstance(obj.get("order"), dict) else {}
    source = obj.get("source_data") if isinstance(obj.get("source_data"), dict) else {}
    data = obj.get("data") if isinstance(obj.get("data"), dict) else {}
    billing = order.get("shipping_data") or obj.get("billing_data") or {}
    billing = billing if isinstance(billing, dict) else {}
    currency = obj.get("currency")
    name = " ".join(
        str(billing.get(k))
        for k in ("first_name", "last_name")
        if billing.get(k) not in (None, "", "NA")
    )
    return {
        "transaction_id": obj.get("id"),
        "success": obj.get("success") is True,
        "pending": obj.get("pending") is True,
        "amount": from_minor(obj.get("amount_cents"), currency),
        "currency": str(currency or "").upper(),
        "order_id": order.get("id"),
        "order_reference": order.get("merchant_order_id") or "",
        "message": data.get("message") or "",
        "customer_name": name,
        "customer_email": billing.get("email") or "",
        "customer_phone": billing.get("phone_number") or "",
        "card_brand": source.get("sub_type") or "",
        "card_last_four": source.get("pan") or "",
        "method": source.get("type") or "",
        "refunded": bool(obj.get("is_refunded")),
        "created": obj.get("created_at"),
        "transaction": obj,
    }


def _phone(text: str) -> str:
    phone = re.sub(r"[\s\-().]", "", text.strip())
    if not re.fullmatch(r"\+?\d{8,15}", phone):
        raise StepError(
            f"Paymob: '{text.strip()}' is not a phone number; write it in international form, "
            "e.g. +201012345678."
        )
    return phone


# Calls.


def _paymob_account(secret: dict[str, Any]) -> PaymobAccount:
    try:
        return PaymobAccount.model_validate(secret)
    except ValidationError:
        # pydantic's message would quote the stored fields, keys included.
        raise StepError(
            "Paymob: the connected account lacks its secret key, public key or payment "
            "integration IDs; reconnect Paymob."
        ) from None


def _auth_token(account: PaymobAccount, timeout: float) -> str:
    """An Accept API auth token for the API key (Paymob keeps it valid for an hour)."""
    api_key = account.api_key.strip()
    if not api_key:
        raise StepError(
            "Paymob: reading a transaction needs the account's API key (Developers → API Keys); "
            "reconnect Paymob with it."
        )

    def refused_key(response: httpx.Response) -> StepError:
        if response.status_code in (400, 401, 403):
            return AccountRejected(
                "Paymob didn't accept the API key — copy the API key again from Developers → "
                "API Keys and reconnect Paymob."
            )
        return _failure(response, sends=False)

    answer = PAYMOB.call_json(
        "POST",
        account.url("/api/auth/tokens"),
        json={"api_key": api_key},
        headers={"Accept": "application/json"},
        timeout=timeout,
        failure=refused_key,
    )
    token = answer.get("token")
    if not isinstance(token, str) or not token:
        raise RetryableError("Paymob gave no auth token for the API key.")
    return token


def _call(
    account: PaymobAccount,
    method: str,
    path: str,
    timeout: float,
    *,
    authorization: str,
    body: dict[str, Any] | None = None,
    sends: bool = False,
) -> dict[str, Any]:
    return PAYMOB.call_json(
        method,
        account.url(path),
        json=body,
        headers={"Authorization": authorization, "Accept": "application/json"},
        timeout=timeout,
        sends=sends,
        failure=lambda response: _failure(response, sends),
    )


def _failure(response: httpx.Response, sends: bool) -> StepError:
    if response.status_code == 404:
        return StepError(
            f"Paymob: not found ({PAYMOB.message(response)}); check the ID, and that the "
            "payment integration IDs belong to this account and mode (test or live)."
        )
    return PAYMOB.failure(response, sends=sends)


def _error_text(answer: Any) -> str:
    """Paymob's errors: {"detail": "…"}, or a list of problems per field."""
    if not isinstance(answer, dict):
        return ""
    for key in ("detail", "message"):
        if isinstance(answer.get(key), str) and answer[key].strip():
            return answer[key].strip()
    problems = []
    for field, value in answer.items():
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            problems.append(f"{field}: {', '.join(value)}")
    return "; ".join(problems)


def _masked(text: str) -> str:
    return _KEY_TEXT.sub("(key hidden)", text)
