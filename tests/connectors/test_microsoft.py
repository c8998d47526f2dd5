"""Outlook and Excel against a local Microsoft Graph checked with Graph's description.

Every request the connectors send is validated by ``ContractServer`` against
``microsoft-graph/graph-v1.0-mail-excel-subset.reconstructed.corrected.openapi.yaml`` (a mail and
Excel-table subset generated from Microsoft's official CSDL; see its SOURCE.txt). The calls the
subset leaves out are added in memory below (``GRAPH_ADDITIONS``), each transcribed from the
Graph reference page it names, and validated the same way. Signing in runs against a token
server on 127.0.0.1 at the Microsoft identity platform's paths, checking PKCE and refresh
tokens.
"""

from __future__ import annotations

import base64
import copy
import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from connectors.excel import operations as excel_operations
from flowin_engine.credentials import Connections
from flowin_engine.errors import AccountRejected, RetryableError, StepError
from flowin_engine.model import Flow, Node
from flowin_engine.polling import PollContext
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.steps import StepContext
from tests.connectors.google_contract import GoogleTokenServer
from tests.contracts.openapi_server import ContractServer, load_contract
from tests.engine.builders import make_flow

GRAPH = "microsoft-graph/graph-v1.0-mail-excel-subset.reconstructed.corrected.openapi.yaml"
CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e"
ITEM_ID = "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K"
DRIVE_ID = "b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd"
ROWS_ADD = "me.items.workbook.tables.rows_add"
SEND = "me_sendMail"
INBOX = "me_mailFolders_ListMessages"
COLUMNS = ["Name", "Email", "Amount"]


# What the subset leaves out, from Graph's v1.0 reference (learn.microsoft.com/graph/api/...).


def _get(operation_id: str, parameters: list[dict[str, Any]], schema: dict[str, Any]) -> dict:
    return {
        "get": {
            "operationId": operation_id,
            "parameters": parameters,
            "responses": {
                "2XX": {
                    "description": "Retrieved",
                    "content": {"application/json": {"schema": schema}},
                },
                "4XX": {"$ref": "#/components/responses/error"},
                "5XX": {"$ref": "#/components/responses/error"},
            },
            "security": [{"bearerAuth": []}],
        }
    }


def _path_parameter(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


def graph_additions(document: dict[str, Any]) -> dict[str, Any]:
    paths = document["paths"]
    select = {"$ref": "#/components/parameters/select"}
    item = {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "parentReference": {"type": "object", "properties": {"driveId": {"type": "string"}}},
        },
    }
    columns = {
        "type": "object",
        "properties": {
            "value": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/microsoft.graph.workbookTableColumn"},
            }
        },
    }
    # user-get: GET /me.
    user = {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "displayName": {"type": "string", "nullable": True},
            "mail": {"type": "string", "nullable": True},
            "userPrincipalName": {"type": "string", "nullable": True},
        },
    }
    paths["/me"] = _get("me_GetUser", [select], user)
    # user-list-messages, "in a folder": GET /me/mailFolders/{id}/messages ("inbox" is a
    # well-known folder name); the same query options and answer as /me/messages.
    inbox = copy.deepcopy(paths["/me/messages"])
    inbox["get"]["operationId"] = INBOX
    inbox["get"]["parameters"].insert(0, _path_parameter("mailFolder-id"))
    paths["/me/mailFolders/{mailFolder-id}/messages"] = inbox
    # driveitem-get, by path: GET /me/drive/root:/{item-path}.
    paths["/me/drive/root:/{item-path}"] = _get(
        "me_drive_GetItemByPath", [_path_parameter("item-path"), select], item
    )
    # shares-get: GET /shares/{shareIdOrEncodedSharingUrl}/driveItem.
    paths["/shares/{sharedDriveItem-id}/driveItem"] = _get(
        "shares_GetDriveItem", [_path_parameter("sharedDriveItem-id"), select], item
    )
    # table-list-columns, for both ways of reaching a workbook.
    for base, ids in (
        ("/me/drive/items/{driveItem-id}", ["driveItem-id"]),
        ("/drives/{drive-id}/items/{driveItem-id}", ["drive-id", "driveItem-id"]),
    ):
        parameters = [_path_parameter(n) for n in [*ids, "workbookTable-id"]]
        name = "me" if base.startswith("/me") else "drives"
        paths[f"{base}/workbook/tables/{{workbookTable-id}}/columns"] = _get(
            f"{name}.items.workbook.tables_ListColumns", [*parameters, select], columns
        )
    return document


GRAPH_ADDITIONS = (graph_additions,)


class MicrosoftTokenServer(GoogleTokenServer):
    """The Microsoft identity platform's endpoints on 127.0.0.1
    (learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow): the same
    authorization-code grant with PKCE and refresh grant as the Google one, at Microsoft's paths,
    for a public client (no secret), and a new refresh token with each renewal."""

    AUTHORIZE = "/common/oauth2/v2.0/authorize"
    TOKEN = "/common/oauth2/v2.0/token"

    def __init__(self) -> None:
        super().__init__(CLIENT_ID, "")
        self.authorize_queries: list[dict[str, str]] = []
        self.server.clear()
        self.server.expect_request(self.AUTHORIZE, method="GET").respond_with_handler(
            self._authorize_noted
        )
        self.server.expect_request(self.TOKEN, method="POST").respond_with_handler(self._token)

    @property
    def authorize_url(self) -> str:
        return self.server.url_for(self.AUTHORIZE)

    @property
    def token_url(self) -> str:
        return self.server.url_for(self.TOKEN)

    def _authorize_noted(self, request: Request) -> Response:
        self.authorize_queries.append(dict(request.args))
        return self._authorize(request)

    def _client_ok(self, form: dict[str, str]) -> bool:
        # A public client sends no secret (it couldn't keep one).
        return form.get("client_id") == self.client_id and "client_secret" not in form

    def _issue(self, **extra: str) -> Response:
        if "refresh_token" not in extra:  # a renewal: Microsoft rotates the refresh token
            extra["refresh_token"] = f"M.R3_BAY.rotated-{len(self.issued)}"
            self.refresh_tokens.add(extra["refresh_token"])
        return super()._issue(**extra)


@pytest.fixture
def tokens() -> Iterator[MicrosoftTokenServer]:
    with MicrosoftTokenServer() as server:
        server.refresh_tokens.add("M.R3_BAY.refresh-of-layla")
        yield server


@pytest.fixture
def graph(httpserver: HTTPServer) -> Iterator[ContractServer]:
    with ContractServer(httpserver, load_contract(GRAPH, GRAPH_ADDITIONS)) as server:
        yield server


def secret(tokens: MicrosoftTokenServer, graph: ContractServer, **changes: Any) -> dict:
    return {
        "client_id": CLIENT_ID,
        "refresh_token": "M.R3_BAY.refresh-of-layla",
        "authorize_url": tokens.authorize_url,
        "token_url": tokens.token_url,
        "base_url": graph.url("/v1.0"),
        **changes,
    }


@pytest.fixture
def outlook(tokens, graph, connections) -> str:
    return connections.add("outlook", "Layla", secret(tokens, graph)).id


@pytest.fixture
def excel(tokens, graph, connections) -> str:
    return connections.add("excel", "Layla", secret(tokens, graph)).id


def run(node_type_name: str, params: dict, connections: Connections) -> Any:
    node_type = default_registry().get(node_type_name)
    node = Node(name="Step", type=node_type.type, params=params)
    ctx = StepContext(
        execution_id="test",
        flow=Flow(nodes=[node]),
        node=node,
        attempt=1,
        timeout=10,
        connections=connections,
    )
    return node_type.function(node_type.input_model.model_validate(params), ctx)


def poll(params: dict, connections: Connections, cursor: Any = None) -> Any:
    node_type = default_registry().get("outlook.new_mail")
    ctx = PollContext(cursor=cursor, credential=connections.secret)
    return node_type.poller(node_type.input_model.model_validate(params), ctx)


def graph_error(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


def message(number: int, received: str) -> dict:
    return {
        "id": f"AAMkAGI2-{number}",
        "subject": f"Order {number}",
        "from": {"emailAddress": {"name": "Layla Haddad", "address": "layla@example.com"}},
        "toRecipients": [{"emailAddress": {"address": "orders@example.com"}}],
        "receivedDateTime": received,
        "bodyPreview": f"About order {number}",
        "body": {"contentType": "text", "content": f"Hello, about order {number}."},
        "conversationId": "AAQkAGI2",
        "isRead": False,
        "hasAttachments": False,
    }


# The checker itself.


def test_the_graph_description_refuses_requests_it_does_not_allow(graph):
    auth = {"Authorization": "Bearer eyJ0eXAi.x"}
    base = graph.url("/v1.0")
    bad = [
        # An importance Graph doesn't have.
        httpx.post(
            f"{base}/me/sendMail",
            headers=auth,
            json={"Message": {"subject": "Hi", "importance": "urgent"}},
        ),
        # Cells that are not rows of values.
        httpx.post(
            f"{base}/me/drive/items/{ITEM_ID}/workbook/tables/Orders/rows/add",
            headers=auth,
            json={"values": "abc"},
        ),
        # No token at all.
        httpx.post(f"{base}/me/sendMail", json={"Message": {"subject": "Hi"}}),
    ]
    assert [answer.status_code for answer in bad] == [400, 400, 400]
    assert len(graph.rejected) == 3
    graph.rejected.clear()  # refused on purpose: the fixture must not fail for them
    assert graph.calls() == []


# Signing in and tokens.


def test_outlook_signs_in_in_the_browser_with_pkce_as_a_public_client(tokens, graph):
    connector = default_registry().connector("outlook")
    assert connector is not None and connector.sign_in_function is not None
    account = connector.credential_model.model_validate(
        secret(tokens, graph, refresh_token="", access_token="")
    )

    def browser(url: str) -> None:  # the user signs in; Microsoft redirects to the loopback
        assert httpx.get(url, follow_redirects=True).status_code == 200

    signed = connector.sign_in_function(account, browser)
    (query,) = tokens.authorize_queries
    assert query["scope"].split() == [
        "offline_access",
        "User.Read",
        "Mail.Send",
        "Mail.Read",
    ]
    assert query["code_challenge_method"] == "S256" and query["prompt"] == "select_account"
    (exchange,) = tokens.requests
    assert exchange["grant_type"] == "authorization_code" and exchange["code_verifier"]
    assert signed.refresh_token in tokens.refresh_tokens
    assert signed.access_token == tokens.issued[-1] and signed.expires_at > time.time()
    assert "Files.ReadWrite" in excel_operations.SCOPES


def test_an_expired_token_is_renewed_and_the_new_refresh_token_saved(tokens, graph, connections):
    stale = secret(tokens, graph, access_token="eyJ.old", expires_at=time.time() - 10)
    account = connections.add("outlook", "Layla", stale).id
    graph.respond(SEND, status=202)
    run("outlook.send_mail", {"connection": account, "to": "a@b.com", "subject": "Hi"}, connections)
    (call,) = graph.calls(SEND)
    assert call.request.headers["Authorization"] == f"Bearer {tokens.issued[-1]}"
    (renewal,) = tokens.requests
    assert renewal["grant_type"] == "refresh_token" and "client_secret" not in renewal
    assert renewal["scope"] == "offline_access User.Read Mail.Send Mail.Read"
    saved = connections.secret(account)
    assert saved["access_token"] == tokens.issued[-1]
    assert saved["refresh_token"].startswith("M.R3_BAY.rotated-")


def test_a_token_refused_twice_is_renewed_once_then_asks_to_reconnect(
    outlook, tokens, graph, connections
):
    expired = graph_error("InvalidAuthenticationToken", "Access token has expired.")
    graph.respond(SEND, status=401, json=expired)
    with pytest.raises(AccountRejected, match="reconnect the Microsoft account"):
        run(
            "outlook.send_mail",
            {"connection": outlook, "to": "a@b.com", "subject": "Hi"},
            connections,
        )
    first, second = graph.calls(SEND)
    assert first.request.headers["Authorization"] != second.request.headers["Authorization"]
    assert [r["grant_type"] for r in tokens.requests] == ["refresh_token", "refresh_token"]


def test_the_account_test_reads_whose_account_it_is(tokens, graph):
    graph.respond("me_GetUser", json={"id": "48d31887", "mail": "layla@contoso.com"})
    connector = default_registry().connector("outlook")
    account = connector.credential_model.model_validate(secret(tokens, graph))
    assert connector.test_function(account) == "Connected to layla@contoso.com."
    (call,) = graph.calls("me_GetUser")
    assert call.request.args["$select"] == "displayName,mail,userPrincipalName"


# Sending.


def test_send_mail_sends_the_message_graph_describes(outlook, graph, connections):
    graph.respond(SEND, status=202)
    output = run(
        "outlook.send_mail",
        {
            "connection": outlook,
            "to": "Layla Haddad <layla@example.com>, omar@example.com",
            "cc": "shop@example.com",
            "bcc": "archive@example.com",
            "reply_to": "orders@example.com",
            "subject": "Your order 1042",
            "text": "plain",
            "html": "<p>On its <b>way</b></p>",
        },
        connections,
    )
    (call,) = graph.calls(SEND)
    sent = json.loads(call.request.get_data())
    assert sent["SaveToSentItems"] is True
    mail = sent["Message"]
    assert mail["subject"] == "Your order 1042"
    assert mail["body"] == {"contentType": "html", "content": "<p>On its <b>way</b></p>"}
    assert mail["toRecipients"] == [
        {"emailAddress": {"address": "layla@example.com", "name": "Layla Haddad"}},
        {"emailAddress": {"address": "omar@example.com"}},
    ]
    assert mail["ccRecipients"] == [{"emailAddress": {"address": "shop@example.com"}}]
    assert mail["bccRecipients"] == [{"emailAddress": {"address": "archive@example.com"}}]
    assert mail["replyTo"] == [{"emailAddress": {"address": "orders@example.com"}}]
    assert output["sent"] is True and output["format"] == "html"


def test_a_send_answered_with_a_server_error_is_not_sent_again(outlook, graph, connections):
    graph.respond(SEND, status=503, json=graph_error("serviceNotAvailable", "Try again later."))
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            ("Mail", "outlook.send_mail", {"connection": outlook, "to": "a@b.com", "subject": "x"}),
        ],
        ["Start -> Mail"],
        settings={"Mail": {"retries": 3}},
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, {})
    assert not result.ok
    assert "Outlook had a problem (503" in result.error and "didn't repeat it" in result.error
    assert len(graph.calls(SEND)) == 1


def test_too_many_requests_waits_as_long_as_graph_asks(outlook, graph, connections):
    graph.respond(
        SEND,
        status=429,
        headers={"Retry-After": "7"},
        json=graph_error(
            "ApplicationThrottled", "Application is over its MailboxConcurrency limit."
        ),
    )
    with pytest.raises(RetryableError) as caught:
        run(
            "outlook.send_mail",
            {"connection": outlook, "to": "a@b.com", "subject": "Hi"},
            connections,
        )
    assert caught.value.retry_after == 7
    assert "wait 7 seconds" in str(caught.value)


# The new-mail trigger.


def test_new_mail_yields_each_message_once_across_checks(outlook, graph, connections):
    params = {"connection": outlook}
    graph.respond(
        INBOX,
        json={"value": [message(2, "2024-03-05T10:12:00Z"), message(1, "2024-03-05T10:00:00Z")]},
    )
    first = poll(params, connections)
    assert [i.key for i in first.items] == ["AAMkAGI2-1", "AAMkAGI2-2"]  # oldest first
    assert first.items[1].data["text"] == "Hello, about order 2."
    assert first.items[1].data["from"] == "Layla Haddad <layla@example.com>"
    assert first.items[1].data["preview"] == "About order 2"
    # Graph lists again the message received at the time the filter starts from.
    graph.respond(
        INBOX,
        json={"value": [message(2, "2024-03-05T10:12:00Z"), message(3, "2024-03-05T10:12:00Z")]},
    )
    second = poll(params, connections, first.cursor)
    assert [i.key for i in second.items] == ["AAMkAGI2-3"]
    graph.respond(INBOX, json={"value": [message(3, "2024-03-05T10:12:00Z")]})
    third = poll(params, connections, second.cursor)
    assert third.items == []
    calls = graph.calls(INBOX)
    assert calls[0].request.path == "/v1.0/me/mailFolders/inbox/messages"
    assert calls[0].request.args["$orderby"] == "receivedDateTime desc"
    assert calls[1].request.args["$filter"] == "receivedDateTime ge 2024-03-05T10:12:00Z"
    assert calls[1].request.args["$orderby"] == "receivedDateTime asc"
    assert all(c.request.headers["Prefer"] == 'outlook.body-content-type="text"' for c in calls)


# Excel.


def columns_answer() -> dict:
    return {"value": [{"id": str(i + 1), "index": i, "name": n} for i, n in enumerate(COLUMNS)]}


def test_add_row_finds_the_workbook_by_its_file_name_and_the_table_by_its_name(
    excel, graph, connections
):
    graph.respond("me_drive_GetItemByPath", json={"id": ITEM_ID, "name": "Orders.xlsx"})
    graph.respond("me.items.workbook.tables_ListColumns", json=columns_answer())
    graph.respond(ROWS_ADD, json={"index": 12, "values": [["Layla", "", 120]]})
    output = run(
        "excel.add_row",
        {
            "connection": excel,
            "workbook": "Orders",
            "table": "Orders 2024",
            "values": {"amount": 120, "Name": "Layla"},
        },
        connections,
    )
    (lookup,) = graph.calls("me_drive_GetItemByPath")
    assert lookup.request.path == "/v1.0/me/drive/root:/Orders.xlsx"
    (add,) = graph.calls(ROWS_ADD)
    assert (
        add.request.path == f"/v1.0/me/drive/items/{ITEM_ID}/workbook/tables/Orders 2024/rows/add"
    )
    assert json.loads(add.request.get_data()) == {"values": [["Layla", "", 120]]}
    assert output["index"] == 12 and output["row"] == {"Name": "Layla", "Email": "", "Amount": 120}


def test_add_row_opens_a_workbook_from_its_sharing_link(excel, graph, connections):
    link = "https://contoso-my.sharepoint.com/:x:/g/personal/layla/EQm9pM?e=4fX1"
    graph.respond(
        "shares_GetDriveItem",
        json={"id": ITEM_ID, "name": "Orders.xlsx", "parentReference": {"driveId": DRIVE_ID}},
    )
    graph.respond("drives.items.workbook.tables_ListColumns", json=columns_answer())
    graph.respond("drive.items.workbook.tables.rows_add", json={"index": 0})
    run(
        "excel.add_row",
        {"connection": excel, "workbook": link, "table": "Orders", "values": ["Omar", "o@x.com"]},
        connections,
    )
    (share,) = graph.calls("shares_GetDriveItem")
    encoded = share.request.path.split("/")[3]
    assert encoded.startswith("u!") and "=" not in encoded
    assert base64.urlsafe_b64decode(encoded[2:] + "=" * (-len(encoded[2:]) % 4)).decode() == link
    (add,) = graph.calls("drive.items.workbook.tables.rows_add")
    assert add.request.path.startswith(f"/v1.0/drives/{DRIVE_ID}/items/{ITEM_ID}/")
    assert json.loads(add.request.get_data()) == {"values": [["Omar", "o@x.com", ""]]}


def test_a_column_the_table_lacks_is_named_with_those_it_has(excel, graph, connections):
    graph.respond("me_drive_GetItemByPath", json={"id": ITEM_ID})
    graph.respond("me.items.workbook.tables_ListColumns", json=columns_answer())
    with pytest.raises(StepError, match="no column 'Phone'; its columns are Name, Email, Amount"):
        run(
            "excel.add_row",
            {"connection": excel, "workbook": "Orders.xlsx", "values": {"Phone": "1"}},
            connections,
        )
    assert graph.calls(ROWS_ADD) == []


def test_a_workbook_onedrive_lacks_says_to_check_its_name(excel, graph, connections):
    graph.respond(
        "me_drive_GetItemByPath",
        status=404,
        json=graph_error("itemNotFound", "The resource could not be found."),
    )
    with pytest.raises(StepError, match=r"the workbook 'Shop\.xlsx' in OneDrive was not found"):
        run(
            "excel.add_row",
            {"connection": excel, "workbook": "Shop.xlsx", "values": ["a"]},
            connections,
        )


def test_find_rows_returns_the_rows_whose_column_matches(excel, graph, connections):
    graph.respond("me_drive_GetItemByPath", json={"id": ITEM_ID})
    graph.respond("me.items.workbook.tables_ListColumns", json=columns_answer())
    graph.respond(
        "me.items.workbook.tables_ListRows",
        json={
            "value": [
                {"index": 0, "values": [["Layla", "layla@example.com", 120]]},
                {"index": 1, "values": [["Omar", "omar@example.com", 80]]},
            ]
        },
    )
    output = run(
        "excel.find_rows",
        {
            "connection": excel,
            "workbook": "Orders.xlsx",
            "column": "Email",
            "value": "OMAR@example.com",
        },
        connections,
    )
    assert output["count"] == 1
    assert output["first"] == {
        "index": 1,
        "Name": "Omar",
        "Email": "omar@example.com",
        "Amount": 80,
    }


def test_a_row_is_not_added_again_after_a_server_error(excel, graph, connections):
    graph.respond("me_drive_GetItemByPath", json={"id": ITEM_ID})
    graph.respond("me.items.workbook.tables_ListColumns", json=columns_answer())
    graph.respond(ROWS_ADD, status=504, json=graph_error("gatewayTimeout", "Gateway timeout."))
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            ("Log", "excel.add_row", {"connection": excel, "workbook": "Orders", "values": ["a"]}),
        ],
        ["Start -> Log"],
        settings={"Log": {"retries": 3}},
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, {})
    assert not result.ok and "Excel had a problem (504" in result.error
    assert len(graph.calls(ROWS_ADD)) == 1


def test_a_flow_logs_each_new_outlook_email_in_an_excel_table(outlook, excel, graph, connections):
    graph.respond(INBOX, json={"value": [message(9, "2024-03-05T11:00:00Z")]})
    (item,) = poll({"connection": outlook}, connections).items
    graph.respond("me_drive_GetItemByPath", json={"id": ITEM_ID})
    graph.respond("me.items.workbook.tables_ListColumns", json=columns_answer())
    graph.respond(ROWS_ADD, json={"index": 4})
    row = {"Name": "{{ trigger.from_name }}", "Email": "{{ trigger.from_address }}"}
    flow = make_flow(
        [
            ("New e-mail", "outlook.new_mail", {"connection": outlook}),
            ("Log it", "excel.add_row", {"connection": excel, "workbook": "Mail", "values": row}),
        ],
        ["New e-mail -> Log it"],
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, item.data)
    assert result.ok, result.error
    assert graph.calls(ROWS_ADD)[0].body["values"] == [["Layla Haddad", "layla@example.com", ""]]
    assert result.outputs["Log it"]["index"] == 4
