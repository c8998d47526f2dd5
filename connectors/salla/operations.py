"""Salla: start flows on new orders, status changes, new customers and abandoned carts; read
orders, change an order's status and add customers (Merchant API v2).

Calls go to ``https://api.salla.dev/admin/v2/…`` with ``Authorization: Bearer <access token>``
(docs.salla.dev, "Authorization"); answers are ``{status, success, data}``, lists add
``pagination`` with ``currentPage`` and ``totalPages``, and failures ``{error: {code, message,
fields}}``.

Webhooks arrive as ``{event, merchant, created_at, data}`` and carry their security strategy in
``X-Salla-Security-Strategy`` (docs.salla.dev/421119m0): ``Signature`` (Salla's default) puts the
hex HMAC-SHA256 of the raw body, keyed with the app's webhook secret, in ``X-Salla-Signature``;
``Token`` sends the secret itself in ``Authorization``. Both are checked, each in its own way.
"""

from __future__ import annotations

import hmac
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field, ValidationError

from flowin_engine.kit import (
    SECRET,
    AccountRejected,
    GateContext,
    Service,
    StepContext,
    StepError,
    Text,
    WebhookRejected,
    WebhookReply,
    WebhookRequest,
    account_field,
    require_signature,
    trigger_secret,
)

if TYPE_CHECKING:
    import httpx

DEFAULT_BASE_URL = "https://api.salla.dev/admin/v2"
TEST_TIMEOUT = 15.0
MAX_PAGES = 200  # a guard against a store whose pages never end
BAD_TOKEN = (
    "Salla didn't accept the access token; copy the store's access token again from Salla "
    "Partners (your app › the store) into the account."
)
# The order statuses Salla defines itself (docs.salla.dev, "Order Statuses"), and "custom" for
# one of the store's own sub-statuses, set by its ID instead.
SALLA_STATUSES = Literal[
    "custom",
    "payment_pending",
    "under_review",
    "in_progress",
    "completed",
    "delivering",
    "delivered",
    "shipped",
    "canceled",
    "restoring",
    "restored",
]
TRIGGER_EVENTS = {
    "new_order": "order.created",
    "order_status_changed": "order.status.updated",
    "new_customer": "customer.created",
    "abandoned_cart": "abandoned.cart",
}


def _error_message(answer: Any) -> str:
    """Salla's ``error.message``, with the fields a 422 names: "mobile: already taken"."""
    error = answer.get("error") if isinstance(answer, dict) else None
    if not isinstance(error, dict):
        return ""
    message = str(error.get("message") or "").strip().rstrip(".")
    fields = error.get("fields")
    if isinstance(fields, dict) and fields:
        details = "; ".join(
            f"{name}: {' '.join(map(str, problems)) if isinstance(problems, list) else problems}"
            for name, problems in fields.items()
        )
        return f"{message} ({details})" if message else details
    return message


SALLA = Service("Salla", host="api.salla.dev", message_at=_error_message, rejected=BAD_TOKEN)


class SallaStore(BaseModel):
    """A Salla store's access token and the webhook secret of the app that sends its events."""

    access_token: str = Field(
        title="Access token",
        description="The store's access token from Salla Partners (your app › the store you "
        "installed it on), with the scopes orders.read_write and customers.read_write.",
        json_schema_extra=SECRET,
    )
    webhook_secret: str = Field(
        "",
        title="Webhook secret",
        description="Your app's webhook secret (Salla Partners › your app › Webhooks); Flowin "
        "refuses events Salla didn't sign with it.",
        json_schema_extra=trigger_secret(*TRIGGER_EVENTS),
    )
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")

    def url(self, path: str) -> str:
        return f"{self.base_url.strip().rstrip('/') or DEFAULT_BASE_URL}/{path.lstrip('/')}"


def _account() -> Any:
    return account_field("salla", "The connected Salla store.", title="Store")


class EventInput(BaseModel):
    connection: str | None = _account()


class GetOrderInput(BaseModel):
    connection: str | None = _account()
    order_id: int = Field(title="Order ID", description="e.g. {{ trigger.id }}")


class ListOrdersInput(BaseModel):
    connection: str | None = _account()
    status: Text = Field(
        "", title="Status ID", description="Only orders in this status (its ID); empty for all."
    )
    from_date: Text = Field(
        "", title="Created from", description="A date, e.g. 2024-03-01; empty for no limit."
    )
    to_date: Text = Field(
        "", title="Created until", description="A date, e.g. 2024-03-31; empty for no limit."
    )
    limit: int = Field(100, title="At most", ge=1, le=5_000)


class UpdateStatusInput(BaseModel):
    connection: str | None = _account()
    order_id: int = Field(title="Order ID", description="e.g. {{ trigger.id }}")
    status: SALLA_STATUSES = Field("in_progress", title="New status")
    status_id: Text = Field(
        "",
        title="Custom status ID",
        description="For New status = custom: the ID of one of the store's own statuses.",
    )
    note: Text = Field("", title="Note", description="Kept with the change in the order's history.")


class CreateCustomerInput(BaseModel):
    connection: str | None = _account()
    first_name: Text = Field(title="First name")
    last_name: Text = Field(title="Last name")
    mobile: Text = Field(title="Mobile", description="Without the country code, e.g. 501234567.")
    mobile_code_country: Text = Field(
        "+966", title="Country code", description="e.g. +966 for Saudi Arabia."
    )
    email: Text = Field("", title="E-mail")
    gender: Literal["", "male", "female"] = Field("", title="Gender")


def test_store(secret: SallaStore) -> str:
    """Read the store's information: a cheap call that proves the token works."""
    store = _call(secret, "GET", "store/info", TEST_TIMEOUT).get("data") or {}
    return f"Connected to {store.get('name') or 'the Salla store'}."


# Triggers.


def new_order(params: EventInput, ctx: StepContext) -> dict[str, Any]:
    """The order Salla sent, with the fields flows use most at the top."""
    event, data = _event(ctx)
    return {**_order(data), "event": event}


def order_status_changed(params: EventInput, ctx: StepContext) -> dict[str, Any]:
    return new_order(params, ctx)


def new_customer(params: EventInput, ctx: StepContext) -> dict[str, Any]:
    event, data = _event(ctx)
    return {**_customer(data), "event": event}


def abandoned_cart(params: EventInput, ctx: StepContext) -> dict[str, Any]:
    event, cart = _event(ctx)
    customer = cart.get("customer") or {}
    total = (cart.get("total") or {}) if isinstance(cart.get("total"), dict) else {}
    return {
        "id": cart.get("id"),
        "checkout_url": cart.get("checkout_url") or "",
        "total": total.get("amount", cart.get("total")),
        "currency": total.get("currency", ""),
        "age_in_minutes": cart.get("age_in_minutes"),
        "customer_name": customer.get("name") or "",
        "phone": _phone(customer),
        "email": customer.get("email") or "",
        "items": [
            {"name": item.get("name") or "", "quantity": item.get("quantity")}
            for item in cart.get("items") or []
            if isinstance(item, dict)
        ],
        "cart": cart,
        "event": event,
    }


def new_order_webhook(
    params: EventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    return _gate("new_order", params, request, ctx)


def order_status_changed_webhook(
    params: EventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    return _gate("order_status_changed", params, request, ctx)


def new_customer_webhook(
    params: EventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    return _gate("new_customer", params, request, ctx)


def abandoned_cart_webhook(
    params: EventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    return _gate("abandoned_cart", params, request, ctx)


def _gate(
    trigger: str, params: EventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Accept only what Salla signed (or sent with the secret), and only this trigger's event."""
    secret = str(ctx.credential(params.connection).get("webhook_secret") or "")
    strategy = (request.header("x-salla-security-strategy") or "signature").strip().lower()
    if strategy == "token":
        _require_token(secret, request.header("authorization"))
    else:
        require_signature(
            secret, request.body, request.header("x-salla-signature"), service="Salla"
        )
    body = request.json()
    event = body.get("event") if isinstance(body, dict) else None
    if event != TRIGGER_EVENTS[trigger]:
        # 200, so Salla doesn't send again an event this trigger doesn't run on.
        return WebhookReply(200, {"ignored": event})
    return None


def _require_token(secret: str, authorization: str | None) -> None:
    """The Token strategy: the secret itself, as the header's whole value or after "Bearer"."""
    if not secret:
        require_signature(secret, b"", None, service="Salla")  # says what to fix
    sent = (authorization or "").strip()
    if sent.lower().startswith("bearer "):
        sent = sent[len("bearer ") :].strip()
    if not sent or not hmac.compare_digest(sent.encode(), secret.encode()):
        raise WebhookRejected(
            "Salla: the request's token doesn't match the webhook secret saved in Flowin, so it "
            "was ignored. If Salla really sent it, copy the webhook secret again from Salla "
            "Partners into the account in Flowin."
        )


def _event(ctx: StepContext) -> tuple[str, dict[str, Any]]:
    data = ctx.trigger_data or {}
    body = data.get("body") if isinstance(data, dict) and "body" in data else data
    payload = body.get("data") if isinstance(body, dict) else None
    if not isinstance(payload, dict):
        raise StepError("Salla: the webhook carried no data; check that it sends JSON.")
    return str(body.get("event") or ""), payload


# Actions.


def get_order(params: GetOrderInput, ctx: StepContext) -> dict[str, Any]:
    store = _store(params.connection, ctx)
    answer = _call(store, "GET", f"orders/{params.order_id}", ctx.remaining, what="order")
    return _order(answer.get("data") or {})


def list_orders(params: ListOrdersInput, ctx: StepContext) -> dict[str, Any]:
    """Orders page by page (Salla's ``page`` and ``pagination.totalPages``) up to ``limit``."""
    store = _store(params.connection, ctx)
    query: dict[str, Any] = {}
    if params.status.strip():
        query["status"] = params.status.strip()
    for name in ("from_date", "to_date"):
        value = getattr(params, name).strip()
        if value:
            query[name] = value
    orders: list[dict[str, Any]] = []
    page = 1
    while len(orders) < params.limit and page <= MAX_PAGES:
        answer = _call(store, "GET", "orders", ctx.remaining, params={**query, "page": page})
        items = [o for o in answer.get("data") or [] if isinstance(o, dict)]
        orders += [_order(o) for o in items]
        pagination = answer.get("pagination") or {}
        last = pagination.get("totalPages") or pagination.get("total_pages") or page
        if not items or page >= int(last):
            break
        page += 1
    orders = orders[: params.limit]
    return {"orders": orders, "count": len(orders)}


def update_order_status(params: UpdateStatusInput, ctx: StepContext) -> dict[str, Any]:
    """Salla's own statuses by slug, a store's custom sub-status by its ID."""
    body: dict[str, Any] = {}
    if params.status == "custom":
        status_id = params.status_id.strip()
        if not status_id.isdigit():
            raise StepError(
                "Salla: for a custom status, fill in Custom status ID with the status's number."
            )
        body["status_id"] = int(status_id)
    else:
        body["slug"] = params.status
    if params.note.strip():
        body["note"] = params.note.strip()
    store = _store(params.connection, ctx)
    # Salla tells the customer about a new status, so a repeat could message them twice.
    _call(
        store,
        "POST",
        f"orders/{params.order_id}/status",
        ctx.remaining,
        body=body,
        sends=True,
        what="order",
    )
    return {"order_id": params.order_id, **body}


def create_customer(params: CreateCustomerInput, ctx: StepContext) -> dict[str, Any]:
    body = {
        key: value.strip()
        for key, value in params.model_dump(exclude={"connection"}).items()
        if isinstance(value, str) and value.strip()
    }
    missing = [n for n in ("first_name", "last_name", "mobile") if n not in body]
    if missing:
        raise StepError(f"Salla needs {', '.join(missing)} for a new customer.")
    store = _store(params.connection, ctx)
    answer = _call(store, "POST", "customers", ctx.remaining, body=body, sends=True)
    return _customer(answer.get("data") or {})


# Calls.


def _store(connection: str | None, ctx: StepContext) -> SallaStore:
    try:
        return SallaStore.model_validate(ctx.credential(connection))
    except ValidationError:
        # pydantic's message would quote the stored fields, the token included.
        raise StepError("Salla: the connected store has no access token; reconnect it.") from None


def _call(
    store: SallaStore,
    method: str,
    path: str,
    timeout: float,
    *,
    params: dict[str, Any] | None = None,
    body: Any = None,
    sends: bool = False,
    what: str = "",
) -> dict[str, Any]:
    headers = {
        "Authorization": f"Bearer {store.access_token.strip()}",
        "Accept": "application/json",
    }
    return SALLA.call_json(
        method,
        store.url(path),
        params=params or None,
        json=body,
        headers=headers,
        timeout=timeout,
        sends=sends,
        failure=lambda response: _failure(response, sends, what),
        empty_if_not_object=True,
    )


def _failure(response: httpx.Response, sends: bool, what: str) -> StepError:
    status = response.status_code
    if status == 401:
        return AccountRejected(BAD_TOKEN)
    if status == 403:
        return StepError(
            f"Salla: the app may not do this ({SALLA.message(response)}); give it the scope "
            "this step needs (orders.read_write, customers.read_write) in Salla Partners and "
            "install it on the store again.",
            setting="connection",
        )
    if status == 404:
        return StepError(f"Salla: the {what or 'item'} was not found; check the ID.")
    if status == 422:
        return StepError(f"Salla refused it: {SALLA.message(response)}.")
    return SALLA.failure(response, sends=sends)


# Values.


def _phone(person: dict[str, Any]) -> str:
    """ "+966501234567" from Salla's mobile (a number or text) and mobile_code ("+966" or "966")."""
    mobile = str(person.get("mobile") or "").strip()
    if not mobile:
        return ""
    if mobile.startswith("+"):
        return mobile
    code = str(person.get("mobile_code") or person.get("mobile_code_country") or "").strip()
    code = code.lstrip("+")
    return f"+{code}{mobile.lstrip('0')}" if code else mobile


def _amount(amounts: Any, name: str) -> tuple[Any, str]:
    value = amounts.get(name) if isinstance(amounts, dict) else None
    if isinstance(value, dict):
        return value.get("amount"), str(value.get("currency") or "")
    return value, ""


def _order(order: dict[str, Any]) -> dict[str, Any]:
    customer = order.get("customer") or {}
    status = order.get("status") or {}
    total, currency = _amount(order.get("amounts"), "total")
    if total is None and isinstance(order.get("total"), dict):
        total, currency = order["total"].get("amount"), str(order["total"].get("currency") or "")
    date = order.get("date")
    name = " ".join(p for p in (customer.get("first_name"), customer.get("last_name")) if p)
    return {
        "id": order.get("id"),
        "reference_id": order.get("reference_id"),
        "status": status.get("name") if isinstance(status, dict) else status,
        "status_slug": status.get("slug") if isinstance(status, dict) else "",
        "total": total,
        "currency": currency or order.get("currency") or "",
        "customer_name": name or customer.get("name") or "",
        "first_name": customer.get("first_name") or "",
        "phone": _phone(customer),
        "email": customer.get("email") or "",
        "created_at": date.get("date") if isinstance(date, dict) else date,
        "items": [
            {
                "name": item.get("name") or "",
                "quantity": item.get("quantity"),
                "price": _amount(item.get("amounts"), "total")[0],
            }
            for item in order.get("items") or []
            if isinstance(item, dict)
        ],
        "order": order,
    }


def _customer(customer: dict[str, Any]) -> dict[str, Any]:
    name = " ".join(p for p in (customer.get("first_name"), customer.get("last_name")) if p)
    return {
        "id": customer.get("id"),
        "name": name,
        "first_name": customer.get("first_name") or "",
        "last_name": customer.get("last_name") or "",
        "phone": _phone(customer),
        "email": customer.get("email") or "",
        "city": customer.get("city") or "",
        "customer": customer,
    }
