"""Airtable: start a flow on each new record of a table; create records, update them and find
them with a formula (Web API v0, api.airtable.com/v0).

Calls carry a personal access token as a bearer token. A table is addressed as
``/{baseId}/{table name or ID}``; lists come 100 records a page with an ``offset`` to pass back
for the next. Field values are plain JSON ({"Name": "Layla", "Total": 250}); ``typecast`` lets
Airtable read text as the field's type (a number, a date, a select option it adds).
Errors are ``{"error": {"type", "message"}}`` or ``{"error": "NOT_FOUND"}``; Airtable allows 5
requests a second per base and answers more with 429, after which it wants 30 seconds.

New records are found with ``filterByFormula`` on ``CREATED_TIME()``, the time Airtable records
for every record (airtable.com/developers/web/api/list-records, support "CREATED_TIME"): no
created-time field is needed in the table.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from pydantic import BaseModel, Field, ValidationError

from flowin_engine.kit import (
    SECRET,
    AccountRejected,
    ExpressionError,
    PollContext,
    PolledItem,
    PollResult,
    Service,
    StepContext,
    StepError,
    Text,
    account_field,
    json_value,
    message_in,
    to_datetime,
)

if TYPE_CHECKING:
    import httpx

DEFAULT_BASE_URL = "https://api.airtable.com/v0"
TEST_TIMEOUT = 15.0
PAGE_SIZE = 100  # the most Airtable gives per page
# Airtable's own wait after a 429 ("wait 30 seconds before subsequent requests will succeed").
RATE_LIMIT_WAIT = 30.0
# Records created this close before the last one seen are asked for again (and recognised by
# their IDs), so two records made in the same second are both found.
OVERLAP = timedelta(seconds=1)
BAD_TOKEN = (
    "Airtable didn't accept the personal access token; create one again at "
    "airtable.com/create/tokens (with data.records:read and data.records:write, and this base "
    "added) and paste it into the account."
)
_BASE = re.compile(r"\b(app[A-Za-z0-9]{14})\b")
_TABLE = re.compile(r"\b(tbl[A-Za-z0-9]{14})\b")
_RECORD = re.compile(r"\b(rec[A-Za-z0-9]{14})\b")

AIRTABLE = Service(
    "Airtable",
    host="api.airtable.com",
    message_at=("error.message", "error"),
    rejected=BAD_TOKEN,
)


class AirtableAccount(BaseModel):
    token: str = Field(
        title="Personal access token",
        description="pat… from airtable.com/create/tokens, with the scopes data.records:read and "
        "data.records:write and your base added.",
        json_schema_extra=SECRET,
    )
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")


def _account() -> Any:
    return account_field("airtable", "The connected Airtable account.")


def _base() -> Any:
    return Field(
        title="Base",
        description="The base's link (https://airtable.com/app…) or its ID (app…).",
    )


def _table() -> Any:
    return Field(title="Table", description="The table's name (e.g. Orders) or its ID (tbl…).")


def _typecast() -> Any:
    return Field(
        True,
        title="Convert values",
        description="Let Airtable read text as each field's type (a number, a date, a new "
        "select option).",
    )


class NewRecordInput(BaseModel):
    connection: str | None = _account()
    base: Text = _base()
    table: Text = _table()
    view: Text = Field(
        "", title="Only in view", description="A view's name; empty for the whole table."
    )
    poll_interval: float = Field(60, title="Check every (seconds)", ge=15)


class CreateRecordInput(BaseModel):
    connection: str | None = _account()
    base: Text = _base()
    table: Text = _table()
    fields: dict[str, Any] = Field(
        title="Fields",
        description="A value per field, named as in the table (e.g. Name, Total).",
        json_schema_extra={"widget": "fields"},
    )
    typecast: bool = _typecast()


class UpdateRecordInput(BaseModel):
    connection: str | None = _account()
    base: Text = _base()
    table: Text = _table()
    record_id: Text = Field(
        title="Record", description="The record's ID (rec…), e.g. {{ trigger.id }}."
    )
    fields: dict[str, Any] = Field(
        title="Fields",
        description="Only the fields to change, by name; the others keep their values.",
        json_schema_extra={"widget": "fields"},
    )
    typecast: bool = _typecast()


class FindRecordsInput(BaseModel):
    connection: str | None = _account()
    base: Text = _base()
    table: Text = _table()
    formula: Text = Field(
        "",
        title="Formula",
        description="An Airtable formula a record must make true, e.g. {Status} = 'New'; empty "
        "for every record.",
    )
    view: Text = Field("", title="Only in view", description="A view's name; empty for all.")
    limit: int = Field(100, title="At most", ge=1, le=10_000)


def test_account(secret: AirtableAccount) -> str:
    me = _call(secret, "GET", "meta/whoami", TEST_TIMEOUT)
    who = me.get("email") or me.get("id") or "your Airtable account"
    return f"Connected as {who}."


# Trigger.


def new_record(params: NewRecordInput, ctx: StepContext) -> Any:
    return ctx.trigger_data


def new_record_poll(params: NewRecordInput, ctx: PollContext) -> PollResult:
    """Records created since the last check, oldest first, each once. The cursor is the
    creation time of the newest record seen and the IDs of those made in its last second,
    which the next check asks for again (Airtable compares times to the second) and skips."""
    account = _account_from(ctx.credential(params.connection))
    cursor = ctx.cursor if isinstance(ctx.cursor, dict) else {}
    if not cursor.get("since"):
        # The first check starts from now: the records already there are not new.
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        return PollResult(items=[], cursor={"since": now, "seen": []})
    since = to_datetime(cursor["since"])
    asked_from = (since - OVERLAP).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    query = {"filterByFormula": f"IS_AFTER(CREATED_TIME(), DATETIME_PARSE('{asked_from}'))"}
    if params.view.strip():
        query["view"] = params.view.strip()
    records = _list(account, params.base, params.table, query, limit=10_000, timeout=ctx.timeout)
    records.sort(key=lambda r: r.get("created_time") or "")
    seen = set(cursor.get("seen") or [])
    new = [r for r in records if r["id"] not in seen]
    newest = max([since, *(_created(r) for r in records)])
    recent = [r["id"] for r in records if _created(r) >= newest - OVERLAP]
    return PollResult(
        items=[PolledItem(key=r["id"], data=r) for r in new],
        cursor={"since": newest.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z", "seen": recent},
    )


def _created(record: dict[str, Any]) -> datetime:
    try:
        return to_datetime(record.get("created_time") or "")
    except ExpressionError:
        return datetime.min.replace(tzinfo=UTC)


# Actions.


def create_record(params: CreateRecordInput, ctx: StepContext) -> dict[str, Any]:
    account = _account_from(ctx.credential(params.connection))
    fields = _fields(params.fields)
    answer = _call(
        account,
        "POST",
        _table_path(params.base, params.table),
        ctx.remaining,
        body={"records": [{"fields": fields}], "typecast": params.typecast},
        sends=True,
        what="table",
    )
    records = answer.get("records") or []
    if not records:
        raise StepError("Airtable answered without the new record; check the table in Airtable.")
    return _record(records[0])


def update_record(params: UpdateRecordInput, ctx: StepContext) -> dict[str, Any]:
    """PATCH sets the given fields: sent twice, the record ends the same."""
    account = _account_from(ctx.credential(params.connection))
    record = _RECORD.search(params.record_id)
    if not record:
        raise StepError("Airtable needs the record's ID: rec followed by 14 letters and digits.")
    answer = _call(
        account,
        "PATCH",
        f"{_table_path(params.base, params.table)}/{record.group(1)}",
        ctx.remaining,
        body={"fields": _fields(params.fields), "typecast": params.typecast},
        what="record",
    )
    return _record(answer)


def find_records(params: FindRecordsInput, ctx: StepContext) -> dict[str, Any]:
    account = _account_from(ctx.credential(params.connection))
    query: dict[str, Any] = {}
    if params.formula.strip():
        query["filterByFormula"] = params.formula.strip()
    if params.view.strip():
        query["view"] = params.view.strip()
    records = _list(
        account, params.base, params.table, query, limit=params.limit, timeout=ctx.remaining
    )
    return {"records": records, "count": len(records), "first": records[0] if records else None}


# Values.


def _fields(values: Any) -> dict[str, Any]:
    fields = json_value(values, "Airtable: the Fields")
    if not isinstance(fields, dict) or not fields:
        raise StepError('Airtable needs at least one field, e.g. {"Name": "Layla"}.')
    return {str(name): value for name, value in fields.items()}


def _record(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": record.get("id"),
        "created_time": record.get("createdTime"),
        "fields": record.get("fields") or {},
    }


def _table_path(base: str, table: str) -> str:
    found = _BASE.search(base)
    if not found:
        raise StepError(
            "Airtable needs the base: its link (https://airtable.com/app…) or its ID (app…)."
        )
    name = table.strip()
    in_link = _TABLE.search(name)
    if in_link:
        name = in_link.group(1)
    if not name:
        raise StepError("Airtable needs the table: its name (e.g. Orders) or its ID (tbl…).")
    return f"{found.group(1)}/{quote(name, safe='')}"


# Calls.


def _account_from(secret: dict[str, Any]) -> AirtableAccount:
    try:
        return AirtableAccount.model_validate(secret)
    except ValidationError:
        # pydantic's message would quote the stored fields, the token included.
        raise StepError("Airtable: the connected account lacks its token; reconnect it.") from None


def _list(
    account: AirtableAccount,
    base: str,
    table: str,
    query: dict[str, Any],
    *,
    limit: int,
    timeout: float,
) -> list[dict[str, Any]]:
    path = _table_path(base, table)
    records: list[dict[str, Any]] = []
    page: dict[str, Any] = {**query, "pageSize": min(PAGE_SIZE, limit)}
    while True:
        answer = _call(account, "GET", path, timeout, params=page, what="table")
        records += [_record(r) for r in answer.get("records") or [] if isinstance(r, dict)]
        offset = answer.get("offset")
        if not offset or len(records) >= limit:
            return records[:limit]
        page = {**page, "offset": offset}


def _call(
    account: AirtableAccount,
    method: str,
    path: str,
    timeout: float,
    *,
    params: dict[str, Any] | None = None,
    body: Any = None,
    sends: bool = False,
    what: str = "",
) -> dict[str, Any]:
    response = AIRTABLE.send(
        method,
        f"{account.base_url.rstrip('/')}/{path}",
        params=params or None,
        json=body,
        headers={"Authorization": f"Bearer {account.token.strip()}"},
        timeout=timeout,
        sends=sends,
    )
    if response.status_code < 300:
        try:
            answer = response.json()
        except ValueError:
            answer = None
        return answer if isinstance(answer, dict) else {}
    raise _failure(response, sends, what)


def _failure(response: httpx.Response, sends: bool, what: str) -> StepError:
    status = response.status_code
    kind = str(message_in(_json(response), ("error.type", "error")) or "")
    message = AIRTABLE.message(response)
    if status == 401:
        return AccountRejected(BAD_TOKEN)
    if status == 404 or (status == 403 and "NOT_FOUND" in kind):
        return StepError(
            f"Airtable: the {what or 'base or table'} wasn't found ({message}). Check its link or "
            "name, and that the token has this base added (airtable.com/create/tokens)."
        )
    if status == 422 and kind.startswith("UNKNOWN_FIELD_NAME"):
        return StepError(
            f"Airtable: {message}. Name the fields exactly as the table's column headers."
        )
    if status == 422:
        return StepError(f"Airtable refused it: {message}.")
    wait = RATE_LIMIT_WAIT if status == 429 and not response.headers.get("retry-after") else None
    return AIRTABLE.failure(response, sends=sends, message=message, wait=wait)


def _json(response: httpx.Response) -> object:
    try:
        return response.json()
    except ValueError:
        return None
