"""Zid: start flows on new orders, status changes, new customers and abandoned carts; read
orders, change an order's status and add customers (Merchant API v1).

Zid publishes no machine-readable description of its API: every call here follows its
documentation pages (docs.zid.sa: Authorization, Responses, Rate Limiting, List of Orders, Get
Order by ID, Update Order by ID, Add Bulk Customers, Get Manager's Profile, Webhooks), and the
tests check the requests against a description written from those same pages.

Calls go to ``https://api.zid.sa/v1/…`` with two tokens: ``Authorization: Bearer <the app's
authorization token>`` and ``X-Manager-Token: <the store's access token>``. Status changes and
new customers are sent as forms, as the pages' examples send them. Zid allows 60 requests a
minute per app and store and answers 429 beyond that.

Zid documents no signature for its webhooks. A trigger's address is therefore given to Zid with
the account's webhook secret in it (``?token=<secret>``) and the gate compares that token in
constant time: without it, anyone who learns the address could start the flow.
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
    trigger_secret,
)

if TYPE_CHECKING:
    import httpx

DEFAULT_BASE_URL = "https://api.zid.sa/v1"
TEST_TIMEOUT = 15.0
PAGE_SIZE = 100  # the most List of Orders gives per page
MAX_PAGES = 200
BAD_TOKENS = (
    "Zid didn't accept the tokens; copy the app's authorization token and the store's manager "
    "token (X-Manager-Token) again into the account."
)
# "Update Order by ID" lists these codes; "List of Orders" filters by the same ones but spells
# the last "canceled".
ORDER_STATUSES = Literal["new", "preparing", "ready", "indelivery", "delivered", "cancelled"]
TRIGGER_EVENTS = {
    "new_order": "order.create",
    "order_status_changed": "order.status.update",
    "new_customer": "customer.create",
    "abandoned_cart": "abandoned_cart.created",
}
TOKEN_MISSING = (
    "Zid: the request came without the token Flowin gave its address, so it was ignored. Give "
    "Zid the whole live address, ?token=… included."
)
TOKEN_MISMATCH = (
    "Zid: the token in the request's address doesn't match the webhook secret saved in Flowin, "
    "so it was ignored. Give Zid the live address again, ?token=… included."
)
NO_SECRET = (
    "Zid: no webhook secret is saved in its account in Flowin, so Flowin can't tell whether the "
    "request really came from Zid; add one and give Zid the address with it."
)


def _error_message(answer: Any) -> str:
    """Zid's ``error.message`` (or ``message``) with the fields a 422 names."""
    if not isinstance(answer, dict):
        return ""
    error = answer.get("error") if isinstance(answer.get("error"), dict) else answer
    message = str(error.get("message") or "").strip().rstrip(".")
    fields = error.get("fields") or error.get("errors")
    if isinstance(fields, dict) and fields:
        details = "; ".join(
            f"{name}: {' '.join(map(str, problems)) if isinstance(problems, list) else problems}"
            for name, problems in fields.items()
        )
        return f"{message} ({details})" if message else details
    return message


ZID = Service("Zid", host="api.zid.sa", message_at=_error_message, rejected=BAD_TOKENS)


class ZidStore(BaseModel):
    """A Zid app's authorization token, a store's manager token, and the webhook secret."""

    authorization_token: str = Field(
        title="Authorization token",
        description="Your app's Authorization token from Zid Partners (sent as Bearer).",
        json_schema_extra=SECRET,
    )
    manager_token: str = Field(
        title="Manager token",
        description="The store's access token (X-Manager-Token) your app got when the store "
        "installed it.",
        json_schema_extra=SECRET,
    )
    webhook_secret: str = Field(
        "",
        title="Webhook secret",
        description="Any long random text; add it to the address you give Zid, as ?token=…: "
        "Zid doesn't sign its webhooks, so Flowin refuses requests without it.",
        json_schema_extra=trigger_secret(*TRIGGER_EVENTS),
    )
    language: Literal["ar", "en"] = Field(
        "ar", title="Language", description="The language of Zid's answers (status names, errors)."
    )
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")

    def url(self, path: str) -> str:
        return f"{self.base_url.strip().rstrip('/') or DEFAULT_BASE_URL}/{path.lstrip('/')}"


def _account() -> Any:
    return account_field("zid", "The connected Zid store.", title="Store")


class EventInput(BaseModel):
    connection: str | None = _account()


class GetOrderInput(BaseModel):
    connection: str | None = _account()
    order_id: int = Field(title="Order ID", description="e.g. {{ trigger.id }}")


class ListOrdersInput(BaseModel):
    connection: str | None = _account()
    status: Literal["any", "new", "preparing", "ready", "indelivery", "delivered", "canceled"] = (
        Field("any", title="Status")
    )
    date_from: Text = Field(
        "", title="Created from", description="A date, e.g. 2024-03-01; empty for no limit."
    )
    date_to: Text = Field(
        "", title="Created until", description="A date, e.g. 2024-03-31; empty for no limit."
    )
    limit: int = Field(100, title="At most", ge=1, le=5_000)


class UpdateStatusInput(BaseModel):
    connection: str | None = _account()
    order_id: int = Field(title="Order ID", description="e.g. {{ trigger.id }}")
    status: ORDER_STATUSES = Field("preparing", title="New status")
    tracking_number: Text = Field("", title="Tracking number")
    tracking_url: Text = Field("", title="Tracking link")


class CreateCustomerInput(BaseModel):
    connection: str | None = _account()
    name: Text = Field(title="Name")
    mobile: Text = Field(title="Mobile", description="In international form, e.g. +966501234567.")
    email: Text = Field("", title="E-mail")


def test_store(secret: ZidStore) -> str:
    """Read the manager's profile: the documented check that both tokens work."""
    user = _call(secret, "GET", "managers/account/profile", TEST_TIMEOUT).get("user") or {}
    store = user.get("store") if isinstance(user.get("store"), dict) else {}
    name = store.get("title") or store.get("name") or user.get("name")
    return f"Connected to {name or 'the Zid store'}."


# Triggers.


def new_order(params: EventInput, ctx: StepContext) -> dict[str, Any]:
    """The order Zid sent (its webhook carries the order itself)."""
    return _order(_payload(ctx))


def order_status_changed(params: EventInput, ctx: StepContext) -> dict[str, Any]:
    return new_order(params, ctx)


def new_customer(params: EventInput, ctx: StepContext) -> dict[str, Any]:
    return _customer(_payload(ctx))


def abandoned_cart(params: EventInput, ctx: StepContext) -> dict[str, Any]:
    cart = _payload(ctx)
    return {
        "id": cart.get("id"),
        "checkout_url": cart.get("url") or cart.get("cart_url") or "",
        "total": cart.get("cart_total") or cart.get("total"),
        "currency": cart.get("currency_code") or "",
        "customer_name": cart.get("customer_name") or "",
        "phone": cart.get("customer_mobile") or cart.get("customer_phone") or "",
        "email": cart.get("customer_email") or "",
        "cart": cart,
    }


def new_order_webhook(
    params: EventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    return _gate(params, request, ctx)


def order_status_changed_webhook(
    params: EventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    return _gate(params, request, ctx)


def new_customer_webhook(
    params: EventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    return _gate(params, request, ctx)


def abandoned_cart_webhook(
    params: EventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    return _gate(params, request, ctx)


def _gate(params: EventInput, request: WebhookRequest, ctx: GateContext) -> WebhookReply | None:
    """Accept only requests to the address with the account's secret in it. Each Zid webhook
    is made for one event, so there is no event to check in the body."""
    secret = str(ctx.credential(params.connection).get("webhook_secret") or "")
    if not secret:
        raise WebhookRejected(NO_SECRET, status=403)
    sent = request.query.get("token") or ""
    if not sent:
        raise WebhookRejected(TOKEN_MISSING)
    if not hmac.compare_digest(sent.encode(), secret.encode()):
        raise WebhookRejected(TOKEN_MISMATCH)
    return None


def _payload(ctx: StepContext) -> dict[str, Any]:
    data = ctx.trigger_data or {}
    body = data.get("body") if isinstance(data, dict) and "body" in data else data
    if isinstance(body, dict) and isinstance(body.get("data"), dict) and "id" not in body:
        body = body["data"]  # an enveloped payload
    if not isinstance(body, dict):
        raise StepError("Zid: the webhook carried no data; check that it sends JSON.")
    return body


# Actions.


def get_order(params: GetOrderInput, ctx: StepContext) -> dict[str, Any]:
    store = _store(params.connection, ctx)
    answer = _call(
        store, "GET", f"managers/store/orders/{params.order_id}/view", ctx.remaining, what="order"
    )
    return _order(answer.get("order") or {})


def list_orders(params: ListOrdersInput, ctx: StepContext) -> dict[str, Any]:
    """Orders page by page (``page`` and ``per_page``) until ``limit`` or a short page."""
    store = _store(params.connection, ctx)
    per_page = min(PAGE_SIZE, params.limit)
    query: dict[str, Any] = {"payload_type": "default", "per_page": per_page}
    if params.status != "any":
        query["order_status"] = params.status
    for name in ("date_from", "date_to"):
        value = getattr(params, name).strip()
        if value:
            query[name] = value
    orders: list[dict[str, Any]] = []
    for page in range(1, MAX_PAGES + 1):
        answer = _call(
            store, "GET", "managers/store/orders", ctx.remaining, params={**query, "page": page}
        )
        items = [o for o in answer.get("orders") or [] if isinstance(o, dict)]
        orders += [_order(o) for o in items]
        if len(items) < per_page or len(orders) >= params.limit:
            break
    orders = orders[: params.limit]
    return {"orders": orders, "count": len(orders)}


def update_order_status(params: UpdateStatusInput, ctx: StepContext) -> dict[str, Any]:
    form = {"order_status": params.status}
    for name in ("tracking_number", "tracking_url"):
        value = getattr(params, name).strip()
        if value:
            form[name] = value
    store = _store(params.connection, ctx)
    # Zid tells the customer about a new status, so a repeat could message them twice.
    answer = _call(
        store,
        "POST",
        f"managers/store/orders/{params.order_id}/change-order-status",
        ctx.remaining,
        form=form,
        sends=True,
        what="order",
    )
    order = answer.get("order")
    return _order(order) if isinstance(order, dict) else {"id": params.order_id, **form}


def create_customer(params: CreateCustomerInput, ctx: StepContext) -> dict[str, Any]:
    """Zid documents adding customers in bulk only; this adds a list of one."""
    fields = {
        key: value.strip()
        for key, value in params.model_dump(include={"name", "mobile", "email"}).items()
        if value.strip()
    }
    if "name" not in fields or "mobile" not in fields:
        raise StepError("Zid needs a name and a mobile number for a new customer.")
    form = {f"customers[0][{key}]": value for key, value in fields.items()}
    store = _store(params.connection, ctx)
    answer = _call(
        store, "POST", "managers/store/customers/bulk", ctx.remaining, form=form, sends=True
    )
    customers = answer.get("customers") or []
    customer = customers[0] if customers and isinstance(customers[0], dict) else fields
    return _customer(customer)


# Calls.


def _store(connection: str | None, ctx: StepContext) -> ZidStore:
    try:
        return ZidStore.model_validate(ctx.credential(connection))
    except ValidationError:
        # pydantic's message would quote the stored fields, the tokens included.
        raise StepError("Zid: the connected store lacks its tokens; reconnect it.") from None


def _call(
    store: ZidStore,
    method: str,
    path: str,
    timeout: float,
    *,
    params: dict[str, Any] | None = None,
    form: dict[str, str] | None = None,
    sends: bool = False,
    what: str = "",
) -> dict[str, Any]:
    headers = {
        "Authorization": f"Bearer {store.authorization_token.strip()}",
        "X-Manager-Token": store.manager_token.strip(),
        "Accept": "application/json",
        "Accept-Language": store.language,
    }
    # The pages send forms as multipart (curl --form): fields without a file name.
    files = {name: (None, value) for name, value in form.items()} if form else None
    return ZID.call_json(
        method,
        store.url(path),
        params=params or None,
        files=files,
        headers=headers,
        timeout=timeout,
        sends=sends,
        failure=lambda response: _failure(response, sends, what),
        empty_if_not_object=True,
    )


def _failure(response: httpx.Response, sends: bool, what: str) -> StepError:
    status = response.status_code
    if status == 401:
        return AccountRejected(BAD_TOKENS)
    if status == 403:
        return StepError(
            f"Zid: the app may not do this ({ZID.message(response)}); give it the scope this "
            "step needs (orders.read_write, customers) in Zid Partners and install it again.",
            setting="connection",
        )
    if status == 404:
        return StepError(f"Zid: the {what or 'item'} was not found; check the ID.")
    if status in (400, 422):
        return StepError(f"Zid refused it: {ZID.message(response)}.")
    return ZID.failure(response, sends=sends)


# Values.


def _order(order: dict[str, Any]) -> dict[str, Any]:
    customer = order.get("customer") or {}
    status = order.get("order_status") or {}
    return {
        "id": order.get("id"),
        "code": order.get("code"),
        "status": status.get("name") if isinstance(status, dict) else status,
        "status_code": status.get("code") if isinstance(status, dict) else status,
        "total": order.get("order_total"),
        "currency": order.get("currency_code") or "",
        "customer_name": customer.get("name") or "",
        "phone": _phone(customer.get("mobile")),
        "email": customer.get("email") or "",
        "payment_status": order.get("payment_status") or "",
        "created_at": order.get("created_at"),
        "url": order.get("order_url") or "",
        "items": [
            {"name": p.get("name"), "quantity": p.get("quantity"), "price": p.get("price")}
            for p in order.get("products") or []
            if isinstance(p, dict)
        ],
        "order": order,
    }


def _customer(customer: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": customer.get("id"),
        "name": customer.get("name") or "",
        "phone": _phone(customer.get("mobile")),
        "email": customer.get("email") or "",
        "customer": customer,
    }


def _phone(mobile: Any) -> str:
    """Zid writes mobiles as 966501234567; flows send messages to +966501234567."""
    text = str(mobile or "").strip()
    return f"+{text}" if text.isdigit() and len(text) > 9 else text
