"""Shopify: start flows on new orders, read orders, and add customers (Admin REST API).

Calls go to ``https://{shop}.myshopify.com/admin/api/{version}/…json`` with the app's Admin API
access token in ``X-Shopify-Access-Token`` (shopify.dev/docs/api/admin-rest). Lists are paged
by cursor: the ``Link`` header's ``rel="next"`` URL carries ``page_info``. Webhooks are signed
with the app's client secret: ``X-Shopify-Hmac-Sha256`` is the base64 HMAC-SHA256 of the raw body.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from flowin_engine.kit import (
    SECRET,
    AccountRejected,
    GateContext,
    Service,
    StepContext,
    StepError,
    WebhookReply,
    WebhookRequest,
    account_field,
    require_signature,
    trigger_secret,
)

if TYPE_CHECKING:
    import httpx

# Shopify supports each quarterly version for at least a year (shopify.dev/docs/api/usage/
# versioning); past that it answers with the oldest version it still supports. 2026-07 is the
# version of the orders/create description the connector is tested against.
DEFAULT_API_VERSION = "2026-07"
TEST_TIMEOUT = 15.0
PAGE_SIZE = 250  # the most Shopify gives per page
_NEXT_LINK = re.compile(r'<([^>]+)>\s*;\s*rel="?next"?')


SHOPIFY = Service("Shopify", host="myshopify.com", message_at=lambda answer: _errors(answer))


class ShopifyStore(BaseModel):
    """A store's custom app: its Admin API access token and client secret."""

    shop_domain: str = Field(
        title="Store address", description="e.g. layla-shop.myshopify.com (or just layla-shop)."
    )
    access_token: str = Field(
        title="Admin API access token",
        description="shpat_… from Settings → Apps → Develop apps → your app → API credentials.",
        json_schema_extra=SECRET,
    )
    webhook_secret: str = Field(
        "",
        title="Webhook signing secret",
        description="The app's client secret (or the one shown under Settings → Notifications "
        "→ Webhooks); Flowin refuses webhooks it didn't sign.",
        json_schema_extra=trigger_secret("new_order"),
    )
    api_version: str = Field(
        DEFAULT_API_VERSION,
        title="API version",
        description="The Admin API version this store is called with, e.g. 2026-07; Shopify "
        "supports each version for a year.",
        pattern=r"^\d{4}-\d{2}$",
    )
    base_url: str = Field("", title="API address", description="Empty for https://<store>.")

    def admin_url(self, path: str) -> str:
        base = self.base_url.strip().rstrip("/") or f"https://{self.domain}"
        return f"{base}/admin/api/{self.api_version}/{path.lstrip('/')}"

    @property
    def domain(self) -> str:
        domain = self.shop_domain.strip().removeprefix("https://").removeprefix("http://")
        domain = domain.split("/")[0]
        if not domain:
            raise StepError("Shopify: the account has no store address; add it in its settings.")
        return domain if "." in domain else f"{domain}.myshopify.com"


def _account() -> Any:
    return account_field("shopify", "The connected Shopify store.", title="Store")


class NewOrderInput(BaseModel):
    connection: str | None = _account()


class GetOrderInput(BaseModel):
    connection: str | None = _account()
    order_id: int = Field(title="Order ID", description="e.g. {{ trigger.id }}")


class ListOrdersInput(BaseModel):
    connection: str | None = _account()
    status: Literal["open", "closed", "cancelled", "any"] = Field("any", title="Status")
    financial_status: Literal[
        "any",
        "authorized",
        "pending",
        "paid",
        "partially_paid",
        "refunded",
        "voided",
        "partially_refunded",
        "unpaid",
    ] = Field("any", title="Payment status")
    created_at_min: str = Field(
        "", title="Created after", description="e.g. 2024-03-01 or {{ now }}; empty for all."
    )
    limit: int = Field(250, title="At most", ge=1, le=10_000)


class CreateCustomerInput(BaseModel):
    connection: str | None = _account()
    email: str = Field("", title="E-mail")
    first_name: str = Field("", title="First name")
    last_name: str = Field("", title="Last name")
    phone: str = Field("", title="Phone", description="In international form, e.g. +962791234567.")
    tags: str = Field("", title="Tags", description="Separated by commas.")
    note: str = Field("", title="Note")


def test_store(secret: ShopifyStore) -> str:
    """Read the shop's details: a cheap call that proves the token works for this store."""
    shop = _call(secret, "GET", secret.admin_url("shop.json"), timeout=TEST_TIMEOUT)[0]
    return f"Connected to {shop.get('shop', {}).get('name') or secret.domain}."


def new_order(params: NewOrderInput, ctx: StepContext) -> dict[str, Any]:
    """The order Shopify sent, with the fields flows use most lifted to the top."""
    data = ctx.trigger_data or {}
    body = data.get("body") if isinstance(data, dict) and "body" in data else data
    if not isinstance(body, dict):
        raise StepError("Shopify: the webhook carried no order; check the webhook's format (JSON).")
    headers = data.get("headers", {}) if isinstance(data, dict) else {}
    return {**_order(body), "shop_domain": headers.get("x-shopify-shop-domain", "")}


def new_order_webhook(
    params: NewOrderInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Accept only requests Shopify signed, and only the orders/create topic."""
    secret = ctx.credential(params.connection).get("webhook_secret")
    require_signature(
        secret,
        request.body,
        request.header("x-shopify-hmac-sha256"),
        service="Shopify",
        encoding="base64",
    )
    topic = request.header("x-shopify-topic")
    if topic and topic != "orders/create":
        # Answer 200 so Shopify doesn't retry a topic this trigger doesn't run on.
        return WebhookReply(200, {"ignored": topic})
    return None


def get_order(params: GetOrderInput, ctx: StepContext) -> dict[str, Any]:
    store = _store(params.connection, ctx)
    answer, _ = _call(
        store,
        "GET",
        store.admin_url(f"orders/{params.order_id}.json"),
        ctx.remaining,
        what=f"order {params.order_id}",
    )
    return _order(answer["order"])


def list_orders(params: ListOrdersInput, ctx: StepContext) -> dict[str, Any]:
    """Orders newest first, following Shopify's pages until ``limit`` orders."""
    store = _store(params.connection, ctx)
    query: dict[str, Any] = {"limit": min(PAGE_SIZE, params.limit), "status": params.status}
    if params.financial_status != "any":
        query["financial_status"] = params.financial_status
    if params.created_at_min.strip():
        query["created_at_min"] = params.created_at_min.strip()
    orders: list[dict[str, Any]] = []
    url: str | None = store.admin_url("orders.json")
    while url and len(orders) < params.limit:
        answer, response = _call(store, "GET", url, ctx.remaining, params=query)
        orders += [_order(o) for o in answer.get("orders", [])]
        url = _next_page(response)
        # The next page's URL carries page_info; Shopify refuses other filters beside it.
        query = {}
    orders = orders[: params.limit]
    return {"orders": orders, "count": len(orders)}


def create_customer(params: CreateCustomerInput, ctx: StepContext) -> dict[str, Any]:
    fields = {
        key: value.strip()
        for key, value in params.model_dump(exclude={"connection"}).items()
        if value.strip()
    }
    if not ({"email", "phone"} & fields.keys() or {"first_name", "last_name"} & fields.keys()):
        raise StepError("Shopify needs at least an e-mail, a phone or a name for a new customer.")
    store = _store(params.connection, ctx)
    answer, _ = _call(
        store,
        "POST",
        store.admin_url("customers.json"),
        ctx.remaining,
        body={"customer": fields},
        sends=True,
    )
    return answer["customer"]


# Calls.


def _store(connection: str | None, ctx: StepContext) -> ShopifyStore:
    return ShopifyStore.model_validate(ctx.credential(connection))


def _call(
    store: ShopifyStore,
    method: str,
    url: str,
    timeout: float,
    *,
    params: dict[str, Any] | None = None,
    body: Any = None,
    sends: bool = False,
    what: str = "",
) -> tuple[dict[str, Any], httpx.Response]:
    headers = {"X-Shopify-Access-Token": store.access_token.strip(), "Accept": "application/json"}
    response = SHOPIFY.send(
        method,
        url,
        params=params or None,
        json=body,
        headers=headers,
        timeout=timeout,
        sends=sends,
    )
    if response.status_code < 300:
        return (response.json() if response.content else {}), response
    raise _failure(store, response, sends, what)


def _failure(store: ShopifyStore, response: httpx.Response, sends: bool, what: str) -> StepError:
    """Shopify's own cases (its token, scopes, a frozen store); the rest as the kit words it."""
    status = response.status_code
    detail = SHOPIFY.message(response)
    if status == 401:
        return AccountRejected(
            f"Shopify: {store.domain} didn't accept the access token; copy the Admin API access "
            "token (shpat_…) of your app again."
        )
    if status == 403:
        return StepError(
            f"Shopify: the app isn't allowed to do this ({detail}); give it the needed access "
            "scopes (e.g. read_orders, write_customers) in its Admin API settings and reinstall it.",
            setting="connection",
        )
    if status == 404:
        return StepError(
            f"Shopify: {what or 'the store or item'} was not found on {store.domain}; check the "
            "ID and the store address."
        )
    if status == 402:
        return StepError(f"Shopify: {store.domain} is frozen for an unpaid bill.")
    if status == 422:
        return StepError(f"Shopify refused it: {detail}.")
    return SHOPIFY.failure(response, sends=sends)


def _errors(answer: Any) -> str:
    """Shopify's ``errors``: a sentence, or {"email": ["has already been taken"]}."""
    errors = answer.get("errors") if isinstance(answer, dict) else None
    if isinstance(errors, dict):
        return "; ".join(
            f"{field} {', '.join(map(str, problems)) if isinstance(problems, list) else problems}"
            for field, problems in errors.items()
        )
    if isinstance(errors, list):
        return "; ".join(map(str, errors))
    return str(errors or "")


def _next_page(response: httpx.Response) -> str | None:
    match = _NEXT_LINK.search(response.headers.get("link", ""))
    return match.group(1) if match else None


def _order(order: dict[str, Any]) -> dict[str, Any]:
    customer = order.get("customer") or {}
    name = " ".join(p for p in (customer.get("first_name"), customer.get("last_name")) if p)
    return {
        "id": order.get("id"),
        "name": order.get("name"),
        "order_number": order.get("order_number"),
        "email": order.get("email") or order.get("contact_email") or customer.get("email") or "",
        "customer_name": name,
        "first_name": customer.get("first_name") or "",
        # Where a WhatsApp or SMS reaches the customer: the order's, else an address's.
        "phone": order.get("phone")
        or customer.get("phone")
        or (order.get("shipping_address") or {}).get("phone")
        or (order.get("billing_address") or {}).get("phone")
        or "",
        "total_price": order.get("total_price"),
        "currency": order.get("currency"),
        "financial_status": order.get("financial_status"),
        "fulfillment_status": order.get("fulfillment_status"),
        "created_at": order.get("created_at"),
        "items": [
            {"title": i.get("title"), "quantity": i.get("quantity"), "price": i.get("price")}
            for i in order.get("line_items") or []
        ],
        "order": order,
    }
