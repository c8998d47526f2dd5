"""Google Sheets: add, change, find and update-or-add rows, and start flows on new rows.

Rows are read and written with the values API (developers.google.com/sheets/api/reference/rest/
v4/spreadsheets.values). The first row of a sheet is its header: a row given as named fields
({"Email": …}) is placed under the columns of those names, and rows read back are named the
same way, with their ``row_number``.
"""

from __future__ import annotations

import json
import re
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
# Google's words for a range naming a tab the spreadsheet doesn't have (400 INVALID_ARGUMENT).
_UNPARSABLE_RANGE = "unable to parse range"


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


class UpsertRowInput(BaseModel):
    connection: str | None = _account()
    spreadsheet_id: str = _spreadsheet()
    sheet: str = _sheet()
    key_column: str = Field(
        title="Key column",
        description="The column that tells rows apart, e.g. Email or Order number: the row "
        "whose cell equals the Row's value there is updated; none, and the Row is added.",
    )
    values: dict[str, Any] = Field(
        title="Row",
        description="A value per column, named by its header; it must give the key column's "
        "value. Columns not named keep their values.",
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
    spreadsheet = _id(params.spreadsheet_id)
    with _tab_checked(api, spreadsheet, params.sheet, ctx):
        row = _row(api, params, params.values, ctx)
        return _append(api, spreadsheet, params.sheet, row, params.value_input, ctx, sends=True)


def update_row(params: UpdateRowInput, ctx: StepContext) -> dict[str, Any]:
    """Change one row's cells; named columns not given keep their values."""
    api = _api(params.connection, ctx)
    spreadsheet = _id(params.spreadsheet_id)
    with _tab_checked(api, spreadsheet, params.sheet, ctx):
        return _update_row(api, spreadsheet, params, ctx)


def _update_row(
    api: GoogleAPI, spreadsheet: str, params: UpdateRowInput, ctx: StepContext
) -> dict[str, Any]:
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


def upsert_row(params: UpsertRowInput, ctx: StepContext) -> dict[str, Any]:
    """Update the row whose key column holds the Row's key value, or add the Row when no row
    does. A repeat finds the row the first attempt added and updates it, so no second row."""
    api = _api(params.connection, ctx)
    spreadsheet = _id(params.spreadsheet_id)
    key_column = params.key_column.strip()
    given = {str(name).strip(): value for name, value in params.values.items()}
    key_name = next((n for n in given if n.lower() == key_column.lower()), None)
    if not key_column or key_name is None:
        raise StepError(
            f"Google Sheets: '{ctx.node.name}' finds the row by the column '{key_column}', so "
            "its Row needs a value for that column.",
            setting="values",
        )
    wanted = _text(given[key_name])
    with _tab_checked(api, spreadsheet, params.sheet, ctx):
        table = _values(api, spreadsheet, _sheet_range(params.sheet), ctx)
        headers = [str(h).strip() for h in (table[0] if table else [])]
        if not any(headers):
            raise StepError(
                f"Google Sheets: the sheet '{params.sheet}' has no header row, so the key column "
                f"'{key_column}' can't be found; type column names in row 1."
            )
        key_index = _column(headers, key_column, params.sheet)
        for offset, cells in enumerate(table[1:], start=2):
            if key_index < len(cells) and _text(cells[key_index]) == wanted:
                row = list(cells) + [""] * (len(headers) - len(cells))
                for name, value in given.items():
                    if name != key_name:  # the key stays as the sheet has it ("00123", 1042.0)
                        row[_column(headers, name, params.sheet)] = _cell(value)
                row_range = f"{_sheet_range(params.sheet)}!A{offset}"
                answer = api.request(
                    "PUT",
                    f"v4/spreadsheets/{spreadsheet}/values/{quote(row_range, safe='')}",
                    params={"valueInputOption": params.value_input},
                    body={"range": row_range, "majorDimension": "ROWS", "values": [row]},
                    timeout=ctx.remaining,
                    what="the spreadsheet",
                )
                return {
                    "action": "updated",
                    "row_number": offset,
                    "range": answer.get("updatedRange", row_range),
                    "values": row,
                    "spreadsheet_id": params.spreadsheet_id.strip(),
                }
        row = [""] * len(headers)
        for name, value in given.items():
            row[_column(headers, name, params.sheet)] = _cell(value)
        # Not a send: a repeat after a lost answer reads the added row back and updates it.
        added = _append(api, spreadsheet, params.sheet, row, params.value_input, ctx, sends=False)
        return {"action": "added", **added}


def read_rows(params: ReadRowsInput, ctx: StepContext) -> dict[str, Any]:
    """Rows as named fields with their row_number, optionally only those matching a value."""
    api = _api(params.connection, ctx)
    spreadsheet = _id(params.spreadsheet_id)
    with _tab_checked(api, spreadsheet, params.sheet, ctx):
        rows = _named_rows(_values(api, spreadsheet, _sheet_range(params.sheet), ctx))
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
    spreadsheet = _id(params.spreadsheet_id)
    with _tab_checked(api, spreadsheet, params.sheet, None):
        answer = api.request(
            "GET",
            f"v4/spreadsheets/{spreadsheet}/values/{quote(_sheet_range(params.sheet), safe='')}",
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


def _append(
    api: GoogleAPI,
    spreadsheet: str,
    sheet: str,
    row: list[Any],
    value_input: str,
    ctx: StepContext,
    *,
    sends: bool,
) -> dict[str, Any]:
    a1 = _sheet_range(sheet)
    answer = api.request(
        "POST",
        f"v4/spreadsheets/{spreadsheet}/values/{quote(a1, safe='')}:append",
        params={"valueInputOption": value_input, "insertDataOption": "INSERT_ROWS"},
        body={"range": a1, "majorDimension": "ROWS", "values": [row]},
        timeout=ctx.remaining,
        sends=sends,
        what="the spreadsheet",
    )
    updated = (answer.get("updates") or {}).get("updatedRange", "")
    match = _UPDATED_ROW.search(updated)
    return {
        "row_number": int(match.group(1)) if match else None,
        "range": updated,
        "values": row,
        "spreadsheet_id": spreadsheet,
    }


@contextmanager
def _tab_checked(
    api: GoogleAPI, spreadsheet: str, sheet: str, ctx: StepContext | None
) -> Iterator[None]:
    """Google answers a tab name the spreadsheet doesn't have with "Unable to parse range";
    say so in the user's words, with the tabs it has (one cheap read of their titles)."""
    try:
        yield
    except StepError as error:
        if _UNPARSABLE_RANGE not in str(error).lower():
            raise
        tabs = _tab_names(api, spreadsheet, ctx.remaining if ctx else 15.0)
        name = sheet.strip() or "Sheet1"
        listed = f" Its tabs are {', '.join(tabs)}." if tabs else ""
        raise StepError(
            f"Google Sheets: this spreadsheet has no tab named '{name}'.{listed} Check the Sheet "
            "setting: it is the tab's name as it reads at the bottom of the spreadsheet.",
            setting="sheet",
        ) from None


def _tab_names(api: GoogleAPI, spreadsheet: str, timeout: float) -> list[str]:
    try:
        answer = api.request(
            "GET",
            f"v4/spreadsheets/{spreadsheet}",
            params={"fields": "sheets.properties.title"},
            timeout=min(timeout, TEST_TIMEOUT),
            what="the spreadsheet",
        )
    except StepError:
        return []  # the hint stands without the list
    return [
        str((tab.get("properties") or {}).get("title"))
        for tab in answer.get("sheets") or []
        if (tab.get("properties") or {}).get("title")
    ]


def _text(value: Any) -> str:
    """A cell's value as the sheet shows it, to compare keys (12 and "12" are one key)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "").strip()


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
