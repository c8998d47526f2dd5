"""Excel (OneDrive, SharePoint): add rows to a workbook's table and find rows in it.

A workbook is named as people know it, never by an internal id: its file name or path in the
account's OneDrive ("Orders.xlsx", "Shop/Orders.xlsx"), found with
``GET /me/drive/root:/{path}``, or a sharing link copied from Excel, found with
``GET /shares/{encoded link}/driveItem`` (learn.microsoft.com/graph/api/shares-get). The table
is named by its name (Table Design → Table Name): Graph takes it where the id goes. Rows are
added with the table's ``rows/add`` action (learn.microsoft.com/graph/api/table-post-rows);
Excel has no key that makes a repeat harmless, so an add is not repeated when unsure.
"""

from __future__ import annotations

import base64
import webbrowser
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel, Field

from flowin_engine.kit import StepContext, StepError, account_field
from flowin_engine.kit.microsoft import BASE_SCOPES, TEST_TIMEOUT, GraphAPI, MicrosoftAccount

NAME = "Excel"
SCOPES = (*BASE_SCOPES, "Files.ReadWrite")
WORKBOOK_EXTENSIONS = (".xlsx", ".xlsm", ".xlsb")


class ExcelAccount(MicrosoftAccount):
    pass


def _account() -> Any:
    return account_field("excel", "The connected Microsoft account whose OneDrive holds it.")


def _workbook() -> Any:
    return Field(
        title="Workbook",
        description="Its file name or path in OneDrive (e.g. Shop/Orders.xlsx), or a sharing "
        "link copied from Excel (Share → Copy link).",
    )


def _table() -> Any:
    return Field(
        "Table1",
        title="Table",
        description="The table's name, as in Excel under Table Design → Table Name.",
    )


class AddRowInput(BaseModel):
    connection: str | None = _account()
    workbook: str = _workbook()
    table: str = _table()
    values: dict[str, Any] | list[Any] = Field(
        title="New row",
        description="A value per column, named by its header (e.g. Email), or values in the "
        "table's column order.",
        json_schema_extra={"widget": "fields"},
    )


class FindRowsInput(BaseModel):
    connection: str | None = _account()
    workbook: str = _workbook()
    table: str = _table()
    column: str = Field(
        "", title="Column", description="Only rows whose cell in this column matches; empty: all."
    )
    value: str = Field("", title="Cell value", description="The value to match (case aside).")
    limit: int = Field(100, title="At most", ge=1, le=5000)


def sign_in(
    secret: ExcelAccount, open_browser: Callable[[str], Any] = webbrowser.open
) -> ExcelAccount:
    """Sign in with Microsoft in the browser (loopback redirect and PKCE); keeps the tokens."""
    return secret.signed_in(SCOPES, open_browser)


def test_account(secret: ExcelAccount) -> str:
    """Read whose account it is (GET /me)."""
    api = GraphAPI(secret, name=NAME, scopes=SCOPES)
    return f"Connected to {api.me(TEST_TIMEOUT)}."


def add_row(params: AddRowInput, ctx: StepContext) -> dict[str, Any]:
    """Add one row at the bottom of the table, by column names or in column order."""
    api = _api(params.connection, ctx)
    table = _table_path(api, params.workbook, params.table, ctx.remaining)
    columns = _columns(api, table, ctx.remaining)
    row = _row(params.values, columns, ctx)
    added = api.request(
        "POST",
        f"{table}/rows/add",
        body={"values": [row]},
        timeout=ctx.remaining,
        sends=True,
        what=f"the table '{params.table}'",
    )
    return {
        "index": (added or {}).get("index"),
        "values": row,
        "row": dict(zip(columns, row, strict=False)),
        "workbook": params.workbook,
        "table": params.table,
    }


def find_rows(params: FindRowsInput, ctx: StepContext) -> dict[str, Any]:
    """The table's rows as records by column name, those matching a column's value."""
    api = _api(params.connection, ctx)
    table = _table_path(api, params.workbook, params.table, ctx.remaining)
    columns = _columns(api, table, ctx.remaining)
    column = params.column.strip()
    if column and column not in columns:
        raise StepError(_unknown_column(column, columns), setting="column")
    listed = api.request(
        "GET", f"{table}/rows", timeout=ctx.remaining, what=f"the table '{params.table}'"
    )
    wanted = params.value.strip().casefold()
    rows = []
    for row in listed.get("value") or []:
        cells = (row.get("values") or [[]])[0]
        record = {name: cells[i] if i < len(cells) else "" for i, name in enumerate(columns)}
        if column and str(record[column]).strip().casefold() != wanted:
            continue
        rows.append({"index": row.get("index"), **record})
        if len(rows) >= params.limit:
            break
    return {"rows": rows, "count": len(rows), "first": rows[0] if rows else None}


def _api(connection: str | None, ctx: StepContext) -> GraphAPI:
    return GraphAPI.for_step(ExcelAccount, connection, ctx, name=NAME, scopes=SCOPES)


def _table_path(api: GraphAPI, workbook: str, table: str, timeout: float) -> str:
    """The table's address from the workbook's path or link and the table's name."""
    item = _workbook_item(api, workbook.strip(), timeout)
    name = table.strip()
    if not name:
        raise StepError("Excel: enter the table's name (Table Design → Table Name).")
    return f"{item}/workbook/tables/{quote(name, safe='')}"


def _workbook_item(api: GraphAPI, workbook: str, timeout: float) -> str:
    if not workbook:
        raise StepError("Excel: enter the workbook's file name or its sharing link.")
    if workbook.startswith(("https://", "http://")):
        # A sharing link's id is "u!" and the link in unpadded base64url (shares-get).
        encoded = base64.urlsafe_b64encode(workbook.encode()).decode().rstrip("=")
        found = api.request(
            "GET",
            f"shares/u!{encoded}/driveItem",
            params={"$select": "id,name,parentReference"},
            timeout=timeout,
            what="the workbook behind this link",
        )
        drive = (found.get("parentReference") or {}).get("driveId")
        return f"drives/{drive}/items/{found['id']}" if drive else f"me/drive/items/{found['id']}"
    path = workbook.strip("/")
    if not path.lower().endswith(WORKBOOK_EXTENSIONS):
        path += ".xlsx"
    found = api.request(
        "GET",
        f"me/drive/root:/{quote(path)}",
        params={"$select": "id,name"},
        timeout=timeout,
        what=f"the workbook '{path}' in OneDrive",
    )
    return f"me/drive/items/{found['id']}"


def _columns(api: GraphAPI, table: str, timeout: float) -> list[str]:
    listed = api.request(
        "GET",
        f"{table}/columns",
        params={"$select": "name,index"},
        timeout=timeout,
        what="the table",
    )
    columns = sorted(listed.get("value") or [], key=lambda c: c.get("index") or 0)
    return [str(c.get("name")) for c in columns]


def _row(values: dict[str, Any] | list[Any], columns: list[str], ctx: StepContext) -> list[Any]:
    """The row's cells in the table's column order; a column not named is left empty."""
    if isinstance(values, list):
        if len(values) > len(columns):
            raise StepError(
                f"Excel: '{ctx.node.name}' has {len(values)} values but the table has "
                f"{len(columns)} columns ({', '.join(columns)}).",
                setting="values",
            )
        return [*values, *[""] * (len(columns) - len(values))]
    by_name = {c.casefold(): i for i, c in enumerate(columns)}
    row: list[Any] = [""] * len(columns)
    for name, value in values.items():
        index = by_name.get(str(name).strip().casefold())
        if index is None:
            raise StepError(_unknown_column(str(name), columns), setting="values")
        row[index] = value
    return row


def _unknown_column(name: str, columns: list[str]) -> str:
    return f"Excel: the table has no column '{name}'; its columns are {', '.join(columns)}."
