"""WooCommerce: start flows on new and updated orders; read orders, change an order's status and
add customers (REST API v3).

Calls go to the store's own address, ``https://<store>/wp-json/wc/v3/…``, with the REST API
consumer key and secret as HTTP Basic credentials, which WooCommerce accepts over HTTPS only
(woocommerce.github.io/woocommerce-rest-api-docs, "Authentication over HTTPS"). Lists are paged
with ``page`` and ``per_page`` (at most 100); ``X-WP-TotalPages`` says how many pages there are.
Errors are ``{code, message, data: {status}}``.

Webhooks (WooCommerce › Settings › Advanced › Webhooks) carry the order's JSON, the topic in
``X-WC-Webhook-Topic``, a delivery id in ``X-WC-Webhook-Delivery-ID`` and
``X-WC-Webhook-Signature``: the base64 HMAC-SHA256 of the raw body with the webhook's secret.
Saving a webhook first sends an unsigned ping, ``webhook_id=<id>`` as a form, which must get a
2xx; it is answered and starts nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, ValidationError

from flowin_engine.kit import (
    SECRET,
    AccountRejected,
    GateContext,
    Service,
    StepContext,
    StepError,
    Text,
    WebhookReply,
    WebhookRequest,
    account_field,
    require_signature,
    trigger_secret,
)

if TYPE_CHECKING:
    import httpx

TEST_TIMEOUT = 15.0
PAGE_SIZE = 100  # the most WooCommerce gives per page
API_PATH = "/wp-json/wc/v3"
BAD_KEYS = (
    "WooCommerce didn't accept the consumer key and secret; create a REST API key again "
    "(WooCommerce › Settings › Advanced › REST API) and copy both into the account."
)
ORDER_STATUSES = Literal[
    "pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed"
]
TOPICS = {
    "order_created": "order.created",
    "order_updated": "order.updated",
    "new_customer": "customer.created",
}
# Addresses a computer reaches without the internet, where plain HTTP exposes no key.
_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


WOOCOMMERCE = Service(
    "WooCommerce", host="the store", message_at=("message", "data.message"), rejected=BAD_KEYS
)


class WooCommerceStore(BaseModel):
    """A store's address and a REST API key (consumer key and secret) for it."""

    store_url: str = Field(
        title="Store address", description="Your store's address, e.g. https://layla-soaps.com"
    )
    consumer_key: str = Field(
        title="Consumer key",
        description="ck_… from WooCommerce › Settings › Advanced › REST API › Add key (with "
        "Read/Write permission).",
        json_schema_extra=SECRET,
    )
    consumer_secret: str = Field(
        title="Consumer secret", description="cs_… shown with the key.", json_schema_extra=SECRET
    )
    webhook_secret: str = Field(
        "",
        title="Webhook secret",
        description="The Secret you gave the webhook (WooCommerce › Settings › Advanced › "
        "Webhooks); Flowin refuses deliveries WooCommerce didn't sign with it.",
        json_schema_extra=trigger_secret(*TOPICS),
    )

    def api_url(self, path: str) -> str:
        address = self.store_url.strip().rstrip("/")
        if not address:
            raise StepError("WooCommerce: the account has no store address; add it in Accounts.")
        if "://" not in address:
            address = f"https://{address}"
        parts = urlsplit(address)
        if parts.scheme != "https" and parts.hostname not in _LOCAL_HOSTS:
            raise StepError(
                "WooCommerce: the store address must start with https:// — WooCommerce takes the "
                "key only over a secure connection.",
                setting="connection",
            )
        return f"{address}{API_PATH}/{path.lstrip('/')}"


def _account() -> Any:
    return account_field("woocommerce", "The connected WooCommerce store.", title="Store")


class OrderEventInput(BaseModel):
    connection: str | None = _account()


class GetOrderInput(BaseModel):
    connection: str | None = _account()
    order_id: int = Field(title="Order ID", description="e.g. {{ trigger.id }}")


class ListOrdersInput(BaseModel):
    connection: str | None = _account()
    status: Literal["any", ORDER_STATUSES] = Field("any", title="Status")
    after: Text = Field(
        "",
        title="Created after",
        description="A date and time, e.g. 2024-03-01T00:00:00; empty for no limit.",
    )
    limit: int = Field(100, title="At most", ge=1, le=10_000)


class UpdateStatusInput(BaseModel):
    connection: str | None = _account()
    order_id: int = Field(title="Order ID", description="e.g. {{ trigger.id }}")
    status: ORDER_STATUSES = Field("completed", title="New status")


class CreateCustomerInput(BaseModel):
    connection: str | None = _account()
    email: Text = Field(title="E-mail")
    first_name: Text = Field("", title="First name")
    last_name: Text = Field("", title="Last name")
    phone: Text = Field("", title="Phone", description="In international form, e.g. +201001234567.")


def test_store(secret: WooCommerceStore) -> str:
    """Read one order: a cheap call that proves the key may read the store's orders."""
    _, response = _call(secret, "GET", "orders", TEST_TIMEOUT, params={"per_page": 1})
    total = response.headers.get("x-wp-total")
    orders = f"; it has {total} orders" if total and total.isdigit() else ""
    return f"Connected to {urlsplit(secret.api_url('')).hostname}{orders}."


# Triggers.


def order_created(params: OrderEventInput, ctx: StepContext) -> dict[str, Any]:
    """The order WooCommerce sent, with the fields flows use most at the top."""
    data = ctx.trigger_data or {}
    body = data.get("body") if isinstance(data, dict) and "body" in data else data
    if not isinstance(body, dict):
        raise StepError("WooCommerce: the webhook carried no order; check its API version (v3).")
    headers = data.get("headers", {}) if isinstance(data, dict) else {}
    return {**_order(body), "topic": headers.get("x-wc-webhook-topic", "")}


def order_updated(params: OrderEventInput, ctx: StepContext) -> dict[str, Any]:
    return order_created(params, ctx)


def new_customer(params: OrderEventInput, ctx: StepContext) -> dict[str, Any]:
    """The customer WooCommerce sent (the REST customer's JSON)."""
    data = ctx.trigger_data or {}
    body = data.get("body") if isinstance(data, dict) and "body" in data else data
    if not isinstance(body, dict):
        raise StepError("WooCommerce: the webhook carried no customer; check its API version (v3).")
    return _customer(body)


def order_created_webhook(
    params: OrderEventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    return _gate("order_created", params, request, ctx)


def order_updated_webhook(
    params: OrderEventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    return _gate("order_updated", params, request, ctx)


def new_customer_webhook(
    params: OrderEventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    return _gate("new_customer", params, request, ctx)


def _gate(
    trigger: str, params: OrderEventInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    if _is_ping(request):
        # WooCommerce saves the webhook only if its address answers the ping.
        return WebhookReply(200, {"pong": True})
    secret = ctx.credential(params.connection).get("webhook_secret")
    require_signature(
        secret,
        request.body,
        request.header("x-wc-webhook-signature"),
        service="WooCommerce",
        encoding="base64",
    )
    topic = request.header("x-wc-webhook-topic")
    if topic != TOPICS[trigger]:
        # 200, so WooCommerce doesn't count a failed delivery and disable the webhook.
        return WebhookReply(200, {"ignored": topic})
    return None


def _is_ping(request: WebhookRequest) -> bool:
    """The unsigned form WooCommerce posts when a webhook is saved: only ``webhook_id``."""
    if request.header("x-wc-webhook-signature") or request.content_type == "application/json":
        return False
    form = request.form()
    return list(form) == ["webhook_id"] and form["webhook_id"].isdigit()


# Actions.


def get_order(params: GetOrderInput, ctx: StepContext) -> dict[str, Any]:
    store = _store(params.connection, ctx)
    answer, _ = _call(store, "GET", f"orders/{params.order_id}", ctx.remaining, what="order")
    return _order(answer)


def list_orders(params: ListOrdersInput, ctx: StepContext) -> dict[str, Any]:
    """Orders newest first, page by page until ``limit`` or the last page."""
    store = _store(params.connection, ctx)
    query: dict[str, Any] = {"per_page": min(PAGE_SIZE, params.limit)}
    if params.status != "any":
        query["status"] = params.status
    if params.after.strip():
        query["after"] = params.after.strip()
    orders: list[dict[str, Any]] = []
    page = 1
    while len(orders) < params.limit:
        answer, response = _call(
            store, "GET", "orders", ctx.remaining, params={**query, "page": page}
        )
        items = [o for o in answer if isinstance(o, dict)] if isinstance(answer, list) else []
        orders += [_order(o) for o in items]
        pages = response.headers.get("x-wp-totalpages", "")
        if not items or not pages.isdigit() or page >= int(pages):
            break
        page += 1
    orders = orders[: params.limit]
    return {"orders": orders, "count": len(orders)}


def update_order_status(params: UpdateStatusInput, ctx: StepContext) -> dict[str, Any]:
    """PUT sets the status: sent twice, the order ends the same, and WooCommerce e-mails the
    customer on a change of status only, so a repeat e-mails no one."""
    store = _store(params.connection, ctx)
    answer, _ = _call(
        store,
        "PUT",
        f"orders/{params.order_id}",
        ctx.remaining,
        body={"status": params.status},
        what="order",
    )
    return _order(answer)


def create_customer(params: CreateCustomerInput, ctx: StepContext) -> dict[str, Any]:
    email = params.email.strip()
    if not email:
        raise StepError("WooCommerce needs an e-mail for a new customer.")
    body: dict[str, Any] = {"email": email}
    for name in ("first_name", "last_name"):
        value = getattr(params, name).strip()
        if value:
            body[name] = value
    if params.phone.strip():
        body["billing"] = {"phone": params.phone.strip(), "email": email}
    store = _store(params.connection, ctx)
    answer, _ = _call(store, "POST", "customers", ctx.remaining, body=body, sends=True)
    return _customer(answer)


# Calls.


def _store(connection: str | None, ctx: StepContext) -> WooCommerceStore:
    try:
        return WooCommerceStore.model_validate(ctx.credential(connection))
    except ValidationError:
        # pydantic's message would quote the stored fields, the secret included.
        raise StepError(
            "WooCommerce: the connected store lacks its address or key; reconnect it."
        ) from None


def _call(
    store: WooCommerceStore,
    method: str,
    path: str,
    timeout: float,
    *,
    params: dict[str, Any] | None = None,
    body: Any = None,
    sends: bool = False,
    what: str = "",
) -> tuple[Any, httpx.Response]:
    import httpx

    url = store.api_url(path)
    response = WOOCOMMERCE.send(
        method,
        url,
        params=params or None,
        json=body,
        auth=httpx.BasicAuth(store.consumer_key.strip(), store.consumer_secret.strip()),
        headers={"Accept": "application/json"},
        timeout=timeout,
        sends=sends,
    )
    if response.status_code < 300:
        try:
            return response.json(), response
        except ValueError:
            raise StepError(
                f"WooCommerce: {urlsplit(url).hostname} answered with a web page, not the REST "
                "API; check the store address and that permalinks aren't set to Plain."
            ) from None
    raise _failure(response, sends, what)


def _failure(response: httpx.Response, sends: bool, what: str) -> StepError:
    status = response.status_code
    if status == 401:
        return AccountRejected(BAD_KEYS)
    if status == 403:
        return StepError(
            f"WooCommerce: the key may not do this ({WOOCOMMERCE.message(response)}); give it "
            "Read/Write permission under WooCommerce › Settings › Advanced › REST API.",
            setting="connection",
        )
    if status == 404:
        return StepError(
            f"WooCommerce: the {what or 'address'} was not found; check the ID and the store "
            "address."
        )
    if status == 400:
        return StepError(f"WooCommerce refused it: {WOOCOMMERCE.message(response)}.")
    return WOOCOMMERCE.failure(response, sends=sends)


# Values.


def _customer(customer: dict[str, Any]) -> dict[str, Any]:
    billing = customer.get("billing") or {}
    return {
        "id": customer.get("id"),
        "email": customer.get("email"),
        "first_name": customer.get("first_name") or "",
        "last_name": customer.get("last_name") or "",
        "username": customer.get("username") or "",
        "phone": billing.get("phone") or "",
        "customer": customer,
    }


def _order(order: dict[str, Any]) -> dict[str, Any]:
    billing = order.get("billing") or {}
    shipping = order.get("shipping") or {}
    name = " ".join(p for p in (billing.get("first_name"), billing.get("last_name")) if p)
    return {
        "id": order.get("id"),
        "number": order.get("number"),
        "status": order.get("status"),
        "total": order.get("total"),
        "currency": order.get("currency"),
        "customer_name": name,
        "first_name": billing.get("first_name") or "",
        "email": billing.get("email") or "",
        "phone": billing.get("phone") or shipping.get("phone") or "",
        "payment_method": order.get("payment_method_title") or order.get("payment_method") or "",
        "created_at": order.get("date_created"),
        "items": [
            {"name": i.get("name"), "quantity": i.get("quantity"), "total": i.get("total")}
            for i in order.get("line_items") or []
            if isinstance(i, dict)
        ],
        "order": order,
    }
