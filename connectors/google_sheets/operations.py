"""Google Sheets: add, change and find rows, and start flows on new rows.

Rows are read and written with the values API (developers.google.com/sheets/api/reference/rest/
v4/spreadsheets.values). The first row of a sheet is its header: a row given as named fields
({"Email": …}) is placed under the columns of those names, and rows read back are named the
same way, with their ``row_number``.
"""

from __future__ import annotations

import json
import re
import webbrowser
from collections.abc import Callable
from typing import Any, Literal
from urllib.parse import quote

from pydantic import BaseModel, Field

from flowin_engine.kit import (
    PollContext,
    PolledItem,
    PollResult,
    StepContext,
    StepError,
    account_field,
)
from flowin_engine.kit.google import GoogleAccount, GoogleAPI

DEFAULT_BASE_URL = "https://sheets.googleapis.com"
SCOPES = ("https://www.googleapis.com/auth/spreadsheets",)
TEST_TIMEOUT = 15.0
_UPDATED_ROW = re.compile(r"![A-Z]+(\d+)")


class GoogleSheetsAccount(GoogleAccount):
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")


def _account() -> Any:
    return account_field("google_sheets", "The connected Google account.")


def _spreadsheet() -> Any:
    return Field(
        title="Spreadsheet ID",
        description="The long part of the spreadsheet's link, between /d/ and /edit.",
    )


def _sheet() -> Any:
    return Field("Sheet1", title="Sheet", description="The tab's name, e.g. Sheet1 or Orders.")


ValueInput = Literal["USER_ENTERED", "RAW"]


class AppendRowInput(BaseModel):
    connection: str | None = _account()
    spreadsheet_id: str = _spreadsheet()
    sheet: str = _sheet()
    values: dict[str, Any] | list[Any] = Field(
        title="Row",
        description="A value per column, named by its header (e.g. Email), or values in column "
        "order from column A on.",
        json_schema_extra={"widget": "fields"},
    )
    value_input: ValueInput = Field(
        "USER_ENTERED",
        title="Read values as",
        description="USER_ENTERED: as if typed (formulas, dates); RAW: exactly as given.",
    )


class UpdateRowInput(BaseModel):
    connection: str | None = _account()
    spreadsheet_id: str = _spreadsheet()
    sheet: str = _sheet()
    row_number: int = Field(title="Row number", ge=1, description="e.g. {{ trigger.row_number }}")
    values: dict[str, Any] | list[Any] = Field(
        title="New values",
        description="Named by column header (other columns keep their values), or a list from A.",
        json_schema_extra={"widget": "fields"},
    )
    value_input: ValueInput = Field("USER_ENTERED", title="Read values as")


class ReadRowsInput(BaseModel):
    connection: str | None = _account()
    spreadsheet_id: str = _spreadsheet()
    sheet: str = _sheet()
    column: str = Field(
        "", title="Find in column", description="A column header; empty reads every row."
    )
    value: Any = Field("", title="Equal to", description="Rows whose column has this value.")
    limit: int = Field(0, title="At most", ge=0, description="0 for all matching rows.")


class NewRowInput(BaseModel):
    connection: str | None = _account()
    spreadsheet_id: str = _spreadsheet()
    sheet: str = _sheet()
    poll_interval: float = Field(60, title="Check every (seconds)", ge=15)


def sign_in(
    secret: GoogleSheetsAccount, open_browser: Callable[[str], Any] = webbrowser.open
) -> GoogleSheetsAccount:
    """Sign in with Google in the browser (loopback redirect and PKCE); keeps the tokens."""
    return secret.signed_in(SCOPES, open_browser)


def test_account(secret: GoogleSheetsAccount) -> str:
    """Get an access token (signing in again with the refresh token or the key)."""
    api = GoogleAPI(secret, name="Sheets", base_url=DEFAULT_BASE_URL, scopes=SCOPES)
    api.access_token()
    who = "the service account" if secret.auth_type == "service_account" else "Google"
    return f"Signed in to {who}; Flowin can use Google Sheets."


def append_row(params: AppendRowInput, ctx: StepContext) -> dict[str, Any]:
    """Add a row under the last row of the table; the output is the row and its number."""
    api = _api(params.connection, ctx)
    sheet = _sheet_range(params.sheet)
    row = _row(api, params, params.values, ctx)
    answer = api.request(
        "POST",
        f"v4/spreadsheets/{_id(params.spreadsheet_id)}/values/{quote(sheet, safe='')}:append",
        params={"valueInputOption": params.value_input, "insertDataOption": "INSERT_ROWS"},
        body={"range": sheet, "majorDimension": "ROWS", "values": [row]},
        timeout=ctx.remaining,
        sends=True,
        what="the spreadsheet",
    )
    updated = (answer.get("updates") or {}).get("updatedRange", "")
    match = _UPDATED_ROW.search(updated)
    return {
        "row_number": int(match.group(1)) if match else None,
        "range": updated,
        "values": row,
        "spreadsheet_id": params.spreadsheet_id.strip(),
    }


def update_row(params: UpdateRowInput, ctx: StepContext) -> dict[str, Any]:
    """Change one row's cells; named columns not given keep their values."""
    api = _api(params.connection, ctx)
    spreadsheet = _id(params.spreadsheet_id)
    row_range = f"{_sheet_range(params.sheet)}!A{params.row_number}"
    if isinstance(params.values, dict):
        headers = _headers(api, spreadsheet, params.sheet, ctx)
        current = _values(
            api,
            spreadsheet,
            f"{_sheet_range(params.sheet)}!{params.row_number}:{params.row_number}",
            ctx,
        )
        row = list(current[0]) if current else []
        row += [""] * (len(headers) - len(row))
        for name, value in params.values.items():
            row[_column(headers, name, params.sheet)] = _cell(value)
    else:
        row = [_cell(v) for v in params.values]
    answer = api.request(
        "PUT",
        f"v4/spreadsheets/{spreadsheet}/values/{quote(row_range, safe='')}",
        params={"valueInputOption": params.value_input},
        body={"range": row_range, "majorDimension": "ROWS", "values": [row]},
        timeout=ctx.remaining,
        what="the spreadsheet",
    )
    return {
        "row_number": params.row_number,
        "range": answer.get("updatedRange", row_range),
        "values": row,
        "spreadsheet_id": params.spreadsheet_id.strip(),
    }


def read_rows(params: ReadRowsInput, ctx: StepContext) -> dict[str, Any]:
    """Rows as named fields with their row_number, optionally only those matching a value."""
    api = _api(params.connection, ctx)
    rows = _named_rows(_values(api, _id(params.spreadsheet_id), _sheet_range(params.sheet), ctx))
    if params.column.strip():
        if rows and params.column not in rows[0]:
            raise StepError(
                f"Google Sheets: the sheet '{params.sheet}' has no column '{params.column}'; "
                f"its columns are {', '.join(k for k in rows[0] if k != 'row_number')}."
            )
        wanted = str(params.value if params.value is not None else "").strip()
        rows = [r for r in rows if str(r.get(params.column, "")).strip() == wanted]
    if params.limit:
        rows = rows[: params.limit]
    return {"rows": rows, "count": len(rows), "first": rows[0] if rows else None}


def new_row(params: NewRowInput, ctx: StepContext) -> Any:
    return ctx.trigger_data


def new_row_poll(params: NewRowInput, ctx: PollContext) -> PollResult:
    """Rows below the last one seen; each row's key is its number, so it starts one run."""
    account = GoogleSheetsAccount.model_validate(ctx.credential(params.connection))
    api = GoogleAPI(account, name="Sheets", base_url=DEFAULT_BASE_URL, scopes=SCOPES)
    answer = api.request(
        "GET",
        f"v4/spreadsheets/{_id(params.spreadsheet_id)}/values/"
        f"{quote(_sheet_range(params.sheet), safe='')}",
        timeout=ctx.timeout,
        what="the spreadsheet",
    )
    rows = _named_rows(answer.get("values") or [])
    last_seen = int(ctx.cursor or 0)
    items = [
        PolledItem(key=str(row["row_number"]), data=row)
        for row in rows
        if row["row_number"] > last_seen
    ]
    cursor = max([last_seen, *(row["row_number"] for row in rows)])
    return PollResult(items=items, cursor=cursor)


# Helpers.


def _api(connection: str | None, ctx: StepContext) -> GoogleAPI:
    return GoogleAPI.for_step(
        GoogleSheetsAccount,
        connection,
        ctx,
        name="Sheets",
        base_url=DEFAULT_BASE_URL,
        scopes=SCOPES,
    )


def _id(spreadsheet_id: str) -> str:
    text = spreadsheet_id.strip()
    # People paste the whole link; the ID is what follows /d/.
    match = re.search(r"/spreadsheets/d/([A-Za-z0-9_-]+)", text)
    if match:
        text = match.group(1)
    if not re.fullmatch(r"[A-Za-z0-9_-]+", text):
        raise StepError(
            "Google Sheets needs the spreadsheet's ID: the long part of its link between /d/ "
            "and /edit."
        )
    return text


def _sheet_range(sheet: str) -> str:
    """The sheet's name in A1 notation; quoted when it has spaces or other signs."""
    name = sheet.strip() or "Sheet1"
    if re.fullmatch(r"[A-Za-z0-9_]+", name):
        return name
    return "'" + name.replace("'", "''") + "'"


def _values(api: GoogleAPI, spreadsheet: str, a1: str, ctx: StepContext) -> list[list[Any]]:
    answer = api.request(
        "GET",
        f"v4/spreadsheets/{spreadsheet}/values/{quote(a1, safe='')}",
        timeout=ctx.remaining,
        what="the spreadsheet",
    )
    return answer.get("values") or []


def _headers(api: GoogleAPI, spreadsheet: str, sheet: str, ctx: StepContext) -> list[str]:
    rows = _values(api, spreadsheet, f"{_sheet_range(sheet)}!1:1", ctx)
    headers = [str(h).strip() for h in (rows[0] if rows else [])]
    if not any(headers):
        raise StepError(
            f"Google Sheets: the sheet '{sheet}' has no header row, so named values can't be "
            "placed; type column names in row 1, or give the values as a list."
        )
    return headers


def _row(api: GoogleAPI, params: AppendRowInput, values: Any, ctx: StepContext) -> list[Any]:
    if not isinstance(values, dict):
        return [_cell(v) for v in values]
    headers = _headers(api, _id(params.spreadsheet_id), params.sheet, ctx)
    row: list[Any] = [""] * len(headers)
    for name, value in values.items():
        row[_column(headers, name, params.sheet)] = _cell(value)
    return row


def _column(headers: list[str], name: str, sheet: str) -> int:
    wanted = str(name).strip()
    for index, header in enumerate(headers):
        if header == wanted:
            return index
    lowered = [h.lower() for h in headers]
    if wanted.lower() in lowered:
        return lowered.index(wanted.lower())
    raise StepError(
        f"Google Sheets: the sheet '{sheet}' has no column '{wanted}'; its columns are "
        f"{', '.join(h for h in headers if h)}."
    )


def _cell(value: Any) -> Any:
    """Sheets takes text, numbers and true/false in a cell; anything else is written as text."""
    if value is None:
        return ""
    if isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _named_rows(values: list[list[Any]]) -> list[dict[str, Any]]:
    if not values:
        return []
    headers = [str(h).strip() or _letter(i) for i, h in enumerate(values[0])]
    rows = []
    for offset, cells in enumerate(values[1:], start=2):
        if not any(str(c).strip() for c in cells):
            continue
        row: dict[str, Any] = {"row_number": offset}
        for index, header in enumerate(headers):
            row[header] = cells[index] if index < len(cells) else ""
        for index in range(len(headers), len(cells)):
            row[_letter(index)] = cells[index]
        rows.append(row)
    return rows


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
