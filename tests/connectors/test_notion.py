"""Notion against a local API that validates each call with Notion's OpenAPI document.

The document (tests/contracts/vendor/notion, from Notion's MCP server) types a page's ``children``
as strings, though the API takes block objects (developers.notion.com/reference/post-page);
that defect is corrected in memory (tests/contracts/openapi_server.py). Its answers are untyped objects, and it documents
no 404 or 429, so those answers are given with ``check=False``.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from flowin_engine.credentials import Connections
from flowin_engine.errors import RetryableError, StepError
from flowin_engine.model import Flow, Node
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.steps import StepContext
from tests.contracts.openapi_server import ContractServer, load_contract
from tests.engine.builders import make_flow

TOKEN = "ntn_1234567890abcdefghijklmnopqrstuvwxyzABCDEFG"
DATABASE = "668d797c-76fa-4934-9b05-ad288df2d136"
SOURCE = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
PAGE = "59833787-2cf9-4fdf-8782-e53db20768a5"


@pytest.fixture
def api(httpserver) -> Iterator[ContractServer]:
    contract = load_contract("notion/notion-openapi.json")
    with ContractServer(httpserver, contract) as server:
        yield server


@pytest.fixture
def notion(api, connections) -> str:
    return connections.add("notion", "Workspace", {"token": TOKEN, "base_url": api.url()}).id


def run(operation: str, params: dict, connections: Connections):
    node_type = default_registry().get(f"notion.{operation}")
    node = Node(name="Notion", type=node_type.type, params=params)
    ctx = StepContext(
        execution_id="t",
        flow=Flow(nodes=[node]),
        node=node,
        attempt=1,
        timeout=10,
        connections=connections,
    )
    return node_type.function(node_type.input_model.model_validate(params), ctx)


def page(page_id: str = PAGE, name: str = "Order 1042", status: str = "New") -> dict:
    return {
        "object": "page",
        "id": page_id,
        "url": f"https://www.notion.so/{page_id.replace('-', '')}",
        "created_time": "2024-03-05T10:12:00.000Z",
        "last_edited_time": "2024-03-05T10:12:00.000Z",
        "properties": {
            "Name": {
                "id": "title",
                "type": "title",
                "title": [{"type": "text", "text": {"content": name}, "plain_text": name}],
            },
            "Status": {"id": "s", "type": "status", "status": {"name": status}},
            "Amount": {"id": "a", "type": "number", "number": 120},
        },
    }


def database_found(api: ContractServer) -> None:
    api.respond(
        "retrieve-a-database",
        json={
            "object": "database",
            "id": DATABASE,
            "data_sources": [{"id": SOURCE, "name": "Orders"}],
        },
    )


SCHEMA = {
    "object": "data_source",
    "id": SOURCE,
    "properties": {
        "Name": {"id": "title", "type": "title", "title": {}},
        "Amount": {"id": "a", "type": "number", "number": {}},
        "Status": {"id": "s", "type": "status", "status": {}},
        "Tags": {"id": "t", "type": "multi_select", "multi_select": {}},
        "Paid": {"id": "p", "type": "checkbox", "checkbox": {}},
        "Due": {"id": "d", "type": "date", "date": {}},
    },
}


def test_the_contract_rejects_a_page_without_a_parent(api):
    headers = {"Authorization": f"Bearer {TOKEN}", "Notion-Version": "2025-09-03"}
    answer = httpx.post(api.url("/v1/pages"), headers=headers, json={"properties": {}})
    assert answer.status_code == 400 and len(api.rejected) == 1
    httpx.post(
        api.url("/v1/pages"),
        headers=headers,
        json={"parent": {"database_id": DATABASE}, "properties": {}, "children": "text"},
    )
    assert len(api.rejected) == 2
    api.rejected.clear()


def test_create_page_writes_plain_values_in_notions_form(api, notion, connections):
    database_found(api)
    api.respond("retrieve-a-data-source", json=SCHEMA)
    api.respond("post-page", json=page())
    output = run(
        "create_page",
        {
            "connection": notion,
            "database_id": f"https://www.notion.so/shop/{DATABASE.replace('-', '')}?v=abc",
            "properties": {
                "Name": "Order 1042",
                "Amount": "120.5",
                "Status": "New",
                "Tags": "vip, gift",
                "Paid": True,
                "Due": "2024-03-09",
                "Notes": {"rich_text": [{"text": {"content": "as is"}}]},
            },
            "content": "Two soaps\nGift wrap",
        },
        connections,
    )
    (call,) = api.calls("post-page")
    assert call.request.headers["Notion-Version"] == "2025-09-03"
    assert call.request.headers["Authorization"] == f"Bearer {TOKEN}"
    body = call.request.json
    assert body["parent"] == {"type": "database_id", "database_id": DATABASE}
    assert body["properties"] == {
        "Name": {"title": [{"type": "text", "text": {"content": "Order 1042"}}]},
        "Amount": {"number": 120.5},
        "Status": {"status": {"name": "New"}},
        "Tags": {"multi_select": [{"name": "vip"}, {"name": "gift"}]},
        "Paid": {"checkbox": True},
        "Due": {"date": {"start": "2024-03-09"}},
        "Notes": {"rich_text": [{"text": {"content": "as is"}}]},
    }
    assert [b["paragraph"]["rich_text"][0]["text"]["content"] for b in body["children"]] == [
        "Two soaps",
        "Gift wrap",
    ]
    assert output["properties"] == {"Name": "Order 1042", "Status": "New", "Amount": 120}


def test_an_unknown_property_names_the_databases_properties(api, notion, connections):
    database_found(api)
    api.respond("retrieve-a-data-source", json=SCHEMA)
    with pytest.raises(StepError, match="no property 'Colour'; its properties are Name, Amount"):
        run(
            "create_page",
            {"connection": notion, "database_id": DATABASE, "properties": {"Colour": "red"}},
            connections,
        )
    assert api.calls("post-page") == []


def test_query_follows_start_cursor_until_has_more_is_false(api, notion, connections):
    database_found(api)
    api.respond(
        "query-data-source",
        json={
            "object": "list",
            "results": [page(PAGE)],
            "has_more": True,
            "next_cursor": "cursor-2",
        },
    )
    second = "7f1e2d3c-4b5a-4968-8776-655443322110"
    api.respond(
        "query-data-source",
        json={
            "object": "list",
            "results": [page(second, "Order 7")],
            "has_more": False,
            "next_cursor": None,
        },
    )
    status_filter = {"property": "Status", "status": {"equals": "New"}}
    output = run(
        "query_database",
        {"connection": notion, "database_id": DATABASE, "filter": status_filter},
        connections,
    )
    assert [p["id"] for p in output["pages"]] == [PAGE, second]
    one, two = api.calls("query-data-source")
    assert one.request.path == f"/v1/data_sources/{SOURCE}/query"
    assert one.request.json == {"page_size": 100, "filter": status_filter}
    assert two.request.json == {
        "page_size": 100,
        "filter": status_filter,
        "start_cursor": "cursor-2",
    }


def test_update_page_changes_only_the_given_properties(api, notion, connections):
    api.respond("retrieve-a-page", json=page())
    api.respond("patch-page", json=page(status="Done"))
    output = run(
        "update_page",
        {"connection": notion, "page_id": PAGE.replace("-", ""), "properties": {"Status": "Done"}},
        connections,
    )
    (call,) = api.calls("patch-page")
    assert call.request.path == f"/v1/pages/{PAGE}"
    assert call.request.json == {"properties": {"Status": {"status": {"name": "Done"}}}}
    assert output["properties"]["Status"] == "Done"


def test_a_database_not_shared_with_the_integration_says_how_to_share(api, notion, connections):
    api.respond(
        "retrieve-a-database",
        status=404,
        check=False,
        json={
            "object": "error",
            "status": 404,
            "code": "object_not_found",
            "message": f"Could not find database with ID: {DATABASE}.",
        },
    )
    with pytest.raises(StepError, match=r"share the database with your integration"):
        run("query_database", {"connection": notion, "database_id": DATABASE}, connections)


def test_rate_limits_are_retried_after_notions_wait(api, notion, connections):
    api.respond(
        "patch-page",
        status=429,
        check=False,
        headers={"Retry-After": "3"},
        json={"object": "error", "status": 429, "code": "rate_limited", "message": "Rate limited"},
    )
    with pytest.raises(RetryableError) as caught:
        run(
            "update_page",
            {
                "connection": notion,
                "page_id": PAGE,
                "properties": {"Status": {"status": {"name": "Done"}}},
            },
            connections,
        )
    assert caught.value.retry_after == 3


def test_a_validation_error_is_notions_message(api, notion, connections):
    database_found(api)
    api.respond(
        "post-page",
        status=400,
        json={
            "object": "error",
            "status": 400,
            "code": "validation_error",
            "message": "Status is expected to be status.",
        },
    )
    with pytest.raises(StepError, match="Notion refused the request: Status is expected"):
        run(
            "create_page",
            {
                "connection": notion,
                "database_id": DATABASE,
                "properties": {"Status": {"select": {"name": "x"}}},
            },
            connections,
        )


def test_a_wrong_secret_asks_to_connect_again(api, notion, connections):
    api.respond(
        "get-self",
        status=401,
        check=False,
        json={
            "object": "error",
            "status": 401,
            "code": "unauthorized",
            "message": "API token is invalid.",
        },
    )
    connector = default_registry().get("notion.create_page").connector
    model = connector.credential_model.model_validate({"token": TOKEN, "base_url": api.url()})
    with pytest.raises(StepError, match="secret is wrong"):
        connector.test_function(model)
    api.respond("get-self", json={"object": "user", "id": PAGE, "name": "Flowin", "type": "bot"})
    assert connector.test_function(model) == "Connected as Flowin."


def test_a_flow_files_each_order_in_notion(api, notion, connections):
    database_found(api)
    api.respond("retrieve-a-data-source", json=SCHEMA)
    api.respond("post-page", json=page())
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            (
                "File it",
                "notion.create_page",
                {
                    "connection": notion,
                    "database_id": DATABASE,
                    "properties": {
                        "Name": "Order {{ trigger.id }}",
                        "Amount": "{{ trigger.total }}",
                    },
                },
            ),
        ],
        ["Start -> File it"],
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, {"id": 1042, "total": 120})
    assert result.ok, result.error
    assert api.calls("post-page")[0].request.json["properties"]["Amount"] == {"number": 120}
