"""Notion: add pages to a database, find them, and change their properties.

Notion API version 2025-09-03 (developers.notion.com/reference): a database holds data sources;
rows are queried with ``POST /v1/data_sources/{id}/query`` and paged with ``start_cursor`` /
``has_more`` / ``next_cursor``. Property values may be given plainly ({"Name": "Layla",
"Amount": 120}); they are written in Notion's form for each property's type.
"""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from flowin_engine.kit import (
    SECRET,
    Service,
    StepContext,
    StepError,
    account_field,
    message_in,
)

if TYPE_CHECKING:
    import httpx

DEFAULT_BASE_URL = "https://api.notion.com"
NOTION_VERSION = "2025-09-03"
TEST_TIMEOUT = 15.0
PAGE_SIZE = 100
NOTION = Service(
    "Notion",
    host="api.notion.com",
    message_at="message",
    rejected="Notion: the integration secret is wrong or was revoked; connect it again.",
)
# Property values already in Notion's own form are sent as they are.
VALUE_TYPES = frozenset(
    {
        "title",
        "rich_text",
        "number",
        "select",
        "multi_select",
        "status",
        "date",
        "people",
        "files",
        "checkbox",
        "url",
        "email",
        "phone_number",
        "relation",
    }
)


class NotionIntegration(BaseModel):
    token: str = Field(
        title="Integration secret",
        description="ntn_… from notion.so/my-integrations; then share the database with it "
        "(••• → Connections).",
        json_schema_extra=SECRET,
    )
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")


def _account() -> Any:
    return account_field("notion", "The connected Notion integration.")


def _database() -> Any:
    return Field(
        title="Database",
        description="The database's link or ID (the 32 characters before ?v= in its link).",
    )


class CreatePageInput(BaseModel):
    connection: str | None = _account()
    database_id: str = _database()
    properties: dict[str, Any] = Field(
        title="Properties",
        description="A value per column, named as in the database (e.g. Name, Amount).",
        json_schema_extra={"widget": "fields"},
    )
    content: str = Field("", title="Page text", description="Paragraphs, one per line.")


class QueryDatabaseInput(BaseModel):
    connection: str | None = _account()
    database_id: str = _database()
    filter: dict[str, Any] | None = Field(
        None,
        title="Filter",
        description='Notion\'s filter, e.g. {"property": "Status", "status": {"equals": "Done"}}.',
        json_schema_extra={"widget": "json"},
    )
    sorts: list[dict[str, Any]] = Field(default_factory=list, title="Sort")
    limit: int = Field(100, title="At most", ge=1, le=10_000)


class UpdatePageInput(BaseModel):
    connection: str | None = _account()
    page_id: str = Field(title="Page", description="The page's link or ID, e.g. {{ trigger.id }}.")
    properties: dict[str, Any] = Field(
        title="Properties",
        description="Only the properties to change, by column name.",
        json_schema_extra={"widget": "fields"},
    )


def test_integration(secret: NotionIntegration) -> str:
    me = _call(secret, "GET", "/v1/users/me", timeout=TEST_TIMEOUT)
    return f"Connected as {me.get('name') or 'your Notion integration'}."


def create_page(params: CreatePageInput, ctx: StepContext) -> dict[str, Any]:
    """Add a page (a row) to the database; the output is the page with plain properties."""
    integration = _integration(params.connection, ctx)
    database = _uuid(params.database_id, "database")
    body: dict[str, Any] = {
        "parent": {"type": "database_id", "database_id": database},
        "properties": _properties(integration, database, params.properties, ctx),
    }
    lines = [line for line in params.content.splitlines() if line.strip()]
    if lines:
        body["children"] = [_paragraph(line) for line in lines]
    page = _call(integration, "POST", "/v1/pages", ctx.remaining, body=body, sends=True)
    return _page(page)


def query_database(params: QueryDatabaseInput, ctx: StepContext) -> dict[str, Any]:
    """The database's pages that match, following Notion's pages up to ``limit``."""
    integration = _integration(params.connection, ctx)
    source = _data_source(integration, _uuid(params.database_id, "database"), ctx)
    body: dict[str, Any] = {"page_size": min(PAGE_SIZE, params.limit)}
    if params.filter:
        body["filter"] = params.filter
    if params.sorts:
        body["sorts"] = params.sorts
    pages: list[dict[str, Any]] = []
    while True:
        answer = _call(
            integration, "POST", f"/v1/data_sources/{source}/query", ctx.remaining, body=body
        )
        pages += [_page(p) for p in answer.get("results", [])]
        if (
            not answer.get("has_more")
            or not answer.get("next_cursor")
            or len(pages) >= params.limit
        ):
            break
        body = {**body, "start_cursor": answer["next_cursor"]}
    pages = pages[: params.limit]
    return {"pages": pages, "count": len(pages)}


def update_page(params: UpdatePageInput, ctx: StepContext) -> dict[str, Any]:
    integration = _integration(params.connection, ctx)
    page_id = _uuid(params.page_id, "page")
    properties = params.properties
    if any(not _in_notion_form(v) for v in properties.values()):
        page = _call(integration, "GET", f"/v1/pages/{page_id}", ctx.remaining)
        types = {name: value.get("type") for name, value in page.get("properties", {}).items()}
        properties = _convert(properties, types)
    page = _call(
        integration,
        "PATCH",
        f"/v1/pages/{page_id}",
        ctx.remaining,
        body={"properties": properties},
    )
    return _page(page)


# Properties.


def _properties(
    integration: NotionIntegration, database: str, values: dict[str, Any], ctx: StepContext
) -> dict[str, Any]:
    if all(_in_notion_form(v) for v in values.values()):
        return values
    source = _data_source(integration, database, ctx)
    schema = _call(integration, "GET", f"/v1/data_sources/{source}", ctx.remaining)
    types = {name: p.get("type") for name, p in (schema.get("properties") or {}).items()}
    return _convert(values, types)


def _convert(values: dict[str, Any], types: dict[str, str | None]) -> dict[str, Any]:
    converted = {}
    for name, value in values.items():
        if _in_notion_form(value):
            converted[name] = value
            continue
        kind = types.get(name)
        if kind is None:
            raise StepError(
                f"Notion: the database has no property '{name}'; its properties are "
                f"{', '.join(types)}."
            )
        converted[name] = _value(kind, value, name)
    return converted


def _value(kind: str, value: Any, name: str) -> dict[str, Any]:
    text = "" if value is None else str(value)
    if kind in ("title", "rich_text"):
        return {kind: [{"type": "text", "text": {"content": text[:2000]}}]}
    if kind == "number":
        if value in (None, ""):
            return {"number": None}
        try:
            return {"number": float(value) if "." in text else int(text)}
        except ValueError:
            raise StepError(f"Notion: '{name}' takes a number; it got '{text}'.") from None
    if kind == "checkbox":
        return {
            "checkbox": value if isinstance(value, bool) else text.lower() in ("true", "yes", "1")
        }
    if kind in ("select", "status"):
        return {kind: {"name": text} if text else None}
    if kind == "multi_select":
        names = value if isinstance(value, list) else [n.strip() for n in text.split(",")]
        return {"multi_select": [{"name": str(n)} for n in names if str(n).strip()]}
    if kind == "date":
        return {"date": {"start": text} if text else None}
    if kind in ("url", "email", "phone_number"):
        return {kind: text or None}
    raise StepError(
        f"Notion: the property '{name}' is of type {kind}; give its value in Notion's own form, "
        f'e.g. {{"{kind}": …}}.'
    )


def _in_notion_form(value: Any) -> bool:
    return isinstance(value, dict) and len(value.keys() & VALUE_TYPES) == 1


def _paragraph(line: str) -> dict[str, Any]:
    return {
        "object": "block",
        "type": "paragraph",
        "paragraph": {"rich_text": [{"type": "text", "text": {"content": line[:2000]}}]},
    }


def _plain(value: dict[str, Any]) -> Any:
    kind = value.get("type")
    inner = value.get(kind) if kind else None
    if kind in ("title", "rich_text"):
        return "".join(
            part.get("plain_text") or part.get("text", {}).get("content", "")
            for part in inner or []
        )
    if kind in ("select", "status"):
        return (inner or {}).get("name")
    if kind == "multi_select":
        return [option.get("name") for option in inner or []]
    if kind == "date":
        return (inner or {}).get("start")
    if kind in ("formula", "rollup") and isinstance(inner, dict):
        return inner.get(inner.get("type"))
    return inner


def _page(page: dict[str, Any]) -> dict[str, Any]:
    properties = page.get("properties") or {}
    return {
        "id": page.get("id"),
        "url": page.get("url"),
        "created_time": page.get("created_time"),
        "last_edited_time": page.get("last_edited_time"),
        "properties": {name: _plain(value) for name, value in properties.items()},
        "page": page,
    }


# Calls.


def _integration(connection: str | None, ctx: StepContext) -> NotionIntegration:
    return NotionIntegration.model_validate(ctx.credential(connection))


def _uuid(text: str, what: str) -> str:
    """Notion's 32-character id, from an id or a link, in its hyphenated form."""
    match = re.findall(
        r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
        r"[0-9a-fA-F]{12}",
        text.split("?")[0],
    )
    if not match:
        raise StepError(
            f"Notion needs the {what}'s ID: the 32 letters and digits at the end of its link."
        )
    return str(uuid.UUID(match[-1].replace("-", "")))


def _data_source(integration: NotionIntegration, database: str, ctx: StepContext) -> str:
    found = _call(integration, "GET", f"/v1/databases/{database}", ctx.remaining, what="database")
    sources = found.get("data_sources") or []
    if not sources:
        raise StepError("Notion: this database has no data source; open it in Notion and check it.")
    return sources[0]["id"]


def _call(
    integration: NotionIntegration,
    method: str,
    path: str,
    timeout: float,
    *,
    body: Any = None,
    sends: bool = False,
    what: str = "page or database",
) -> dict[str, Any]:
    headers = {
        "Authorization": f"Bearer {integration.token.strip()}",
        "Notion-Version": NOTION_VERSION,
    }
    url = integration.base_url.rstrip("/") + path
    response = NOTION.send(method, url, json=body, headers=headers, timeout=timeout, sends=sends)
    if response.status_code < 300:
        return response.json()
    raise _failure(response, sends, what)


def _failure(response: httpx.Response, sends: bool, what: str) -> StepError:
    """Notion's own cases: what a 404 or a 403 means in Notion; the rest as the kit words it."""
    status = response.status_code
    code = message_in(_json(response), "code")
    message = NOTION.message(response)
    if code == "rate_limited":
        status = 429
    if status == 404 or code == "object_not_found":
        return StepError(
            f"Notion: the {what} wasn't found ({message}). Check the ID, and share the {what} "
            "with your integration in Notion (••• → Connections)."
        )
    if status == 403:
        return StepError(
            f"Notion: the integration may not do this ({message}); give it the needed "
            "capabilities at notion.so/my-integrations."
        )
    if code in ("conflict_error", "service_unavailable"):
        status = 503
    return NOTION.failure(response, sends=sends, status=status, message=message)


def _json(response: httpx.Response) -> object:
    try:
        return response.json()
    except ValueError:
        return None
