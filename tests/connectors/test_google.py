"""Google Sheets and Gmail against local servers checked with Google's Discovery documents.

Each request the connectors send is checked by ``google_contract`` against sheets.v4.json or
gmail.v1.json (tests/contracts/vendor/google): method, path, query parameters, bearer token and
the JSON body. Signing in runs against a real OAuth token server on 127.0.0.1 that checks PKCE,
refresh tokens and service-account JWTs.
"""

from __future__ import annotations

import base64
import email
import email.policy
import json
import time
from collections.abc import Iterator

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pytest_httpserver import HTTPServer

from flowin_engine.credentials import Connections
from flowin_engine.errors import RetryableError, StepError
from flowin_engine.model import Flow, Node
from flowin_engine.oauth import OAuthApp, OAuthError, authorize_installed_app
from flowin_engine.polling import PollContext
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.steps import StepContext
from tests.connectors.google_contract import GoogleServer, GoogleTokenServer, load
from tests.engine.builders import make_flow

CLIENT_ID = "1234-abc.apps.googleusercontent.com"
CLIENT_SECRET = "GOCSPX-secret"
SHEET_ID = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms"
APPEND = "sheets.spreadsheets.values.append"
GET = "sheets.spreadsheets.values.get"
UPDATE = "sheets.spreadsheets.values.update"
HEADER = ["Name", "Email", "Amount"]


@pytest.fixture(scope="module")
def private_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def tokens(private_key) -> Iterator[GoogleTokenServer]:
    with GoogleTokenServer(CLIENT_ID, CLIENT_SECRET, private_key.public_key()) as server:
        yield server


@pytest.fixture
def sheets(httpserver) -> Iterator[GoogleServer]:
    with GoogleServer(httpserver, "google/sheets.v4.json") as server:
        yield server


@pytest.fixture
def second_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def gmail(second_server) -> Iterator[GoogleServer]:
    with GoogleServer(second_server, "google/gmail.v1.json") as server:
        yield server


def oauth_secret(tokens: GoogleTokenServer, base_url: str, **changes) -> dict:
    return {
        "auth_type": "oauth",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "refresh_token": "1//refresh-token-of-layla",
        "authorize_url": tokens.authorize_url,
        "token_url": tokens.token_url,
        "base_url": base_url,
        **changes,
    }


@pytest.fixture
def sheet_account(tokens, sheets, connections) -> str:
    return connections.add("google_sheets", "Layla", oauth_secret(tokens, sheets.url)).id


@pytest.fixture
def gmail_account(tokens, gmail, connections) -> str:
    return connections.add("gmail", "Layla", oauth_secret(tokens, gmail.url)).id


def run(node_type_name: str, params: dict, connections: Connections, timeout: float = 10):
    node_type = default_registry().get(node_type_name)
    node = Node(name="Step", type=node_type.type, params=params)
    ctx = StepContext(
        execution_id="test",
        flow=Flow(nodes=[node]),
        node=node,
        attempt=1,
        timeout=timeout,
        connections=connections,
    )
    return node_type.function(node_type.input_model.model_validate(params), ctx)


def poll(node_type_name: str, params: dict, connections: Connections, cursor=None):
    node_type = default_registry().get(node_type_name)
    ctx = PollContext(cursor=cursor, credential=connections.secret)
    return node_type.poller(node_type.input_model.model_validate(params), ctx)


def google_error(code: int, message: str, status: str, reason: str | None = None) -> dict:
    error = {"code": code, "message": message, "status": status}
    if reason:
        error["errors"] = [{"reason": reason, "message": message, "domain": "global"}]
    return {"error": error}


# The checker itself.


def test_the_checker_rejects_requests_the_discovery_document_does_not_allow(sheets):
    auth = {"Authorization": "Bearer ya29.x"}
    base = f"{sheets.url}/v4/spreadsheets/{SHEET_ID}/values/Sheet1"
    bad = [
        # A field ValueRange doesn't have (Google: "Invalid JSON payload received. Unknown name").
        httpx.post(
            f"{base}:append",
            params={"valueInputOption": "RAW"},
            headers=auth,
            json={"values": [["a"]], "rows": [["a"]]},
        ),
        # An enum value the document doesn't list.
        httpx.post(
            f"{base}:append",
            params={"valueInputOption": "TYPED"},
            headers=auth,
            json={"values": [["a"]]},
        ),
        # values must be a list of lists.
        httpx.put(base, params={"valueInputOption": "RAW"}, headers=auth, json={"values": "a"}),
        # No bearer token.
        httpx.get(base),
        # A method the API doesn't have.
        httpx.delete(base, headers=auth),
    ]
    assert [r.status_code for r in bad] == [400] * 5
    assert len(sheets.rejected) == 5
    assert "rows" in sheets.rejected[0] and "TYPED" in sheets.rejected[1]
    sheets.rejected.clear()


def test_the_checker_refuses_a_gmail_message_whose_raw_is_not_base64url():
    contract = load("google/gmail.v1.json")
    assert contract.validate("Message", {"raw": "SGVsbG8_-w"}) == []
    assert contract.validate("Message", {"raw": "not base64 at all!"})


# Signing in.


def test_installed_app_sign_in_uses_a_loopback_redirect_and_pkce(tokens):
    app = OAuthApp(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        authorize_url=tokens.authorize_url,
        token_url=tokens.token_url,
        scopes=("https://www.googleapis.com/auth/spreadsheets",),
        authorize_params={"access_type": "offline"},
    )
    opened: list[str] = []

    def browser(url: str) -> None:  # the user signs in and Google redirects to the loopback
        opened.append(url)
        assert httpx.get(url, follow_redirects=True).status_code == 200

    token = authorize_installed_app(app, open_browser=browser, timeout=10)
    assert token.access_token == tokens.issued[-1]
    assert token.refresh_token and token.refresh_token in tokens.refresh_tokens
    (exchange,) = tokens.requests
    assert exchange["grant_type"] == "authorization_code"
    assert exchange["code_verifier"] and exchange["redirect_uri"].startswith("http://127.0.0.1:")
    assert "access_type=offline" in opened[0] and "code_challenge_method=S256" in opened[0]


def test_a_google_connector_signs_in_through_its_declared_sign_in(tokens, sheets):
    # What "Sign in in the browser" (desktop) and `flowin connections add --sign-in` call.
    connector = default_registry().connector("google_sheets")
    assert connector is not None and connector.sign_in_function is not None
    unsigned = {**oauth_secret(tokens, sheets.url), "refresh_token": "", "access_token": ""}
    account = connector.credential_model.model_validate(unsigned)

    def browser(url: str) -> None:
        assert "spreadsheets" in httpx.URL(url).params["scope"]
        assert httpx.get(url, follow_redirects=True).status_code == 200

    signed = connector.sign_in_function(account, browser)
    assert signed.refresh_token in tokens.refresh_tokens
    assert signed.access_token == tokens.issued[-1] and signed.expires_at > time.time()
    service_account = account.model_copy(update={"auth_type": "service_account"})
    with pytest.raises(StepError, match="needs no browser sign-in"):
        connector.sign_in_function(service_account, browser)


def test_a_sign_in_refused_in_the_browser_is_a_clear_error(tokens):
    app = OAuthApp(CLIENT_ID, tokens.authorize_url, tokens.token_url, CLIENT_SECRET)

    def browser(url: str) -> None:
        query = dict(httpx.URL(url).params)
        httpx.get(f"{query['redirect_uri']}?error=access_denied&state={query['state']}")

    with pytest.raises(OAuthError, match="access was not allowed"):
        authorize_installed_app(app, open_browser=browser, timeout=10)


def test_an_expired_token_is_refreshed_and_saved_to_the_connection(tokens, sheets, connections):
    secret = oauth_secret(tokens, sheets.url, access_token="ya29.old", expires_at=time.time() - 10)
    account = connections.add("google_sheets", "Layla", secret).id
    sheets.respond(
        GET, json={"range": "Sheet1!A1:C2", "values": [HEADER, ["Layla", "l@x.com", "5"]]}
    )
    output = run(
        "google_sheets.read_rows",
        {"connection": account, "spreadsheet_id": SHEET_ID},
        connections,
    )
    assert output["count"] == 1
    (call,) = sheets.calls(GET)
    assert call.request.headers["Authorization"] == f"Bearer {tokens.issued[-1]}"
    saved = connections.secret(account)
    assert saved["access_token"] == tokens.issued[-1]
    assert saved["expires_at"] > time.time() + 3000
    assert saved["refresh_token"] == "1//refresh-token-of-layla"


def test_a_revoked_sign_in_asks_to_reconnect(tokens, sheets, connections):
    secret = oauth_secret(tokens, sheets.url, refresh_token="1//revoked")
    account = connections.add("google_sheets", "Layla", secret).id
    with pytest.raises(StepError, match=r"expired or was revoked.*reconnect the account"):
        run(
            "google_sheets.read_rows",
            {"connection": account, "spreadsheet_id": SHEET_ID},
            connections,
        )
    assert sheets.calls() == []


def test_a_service_account_signs_a_jwt_for_its_token(tokens, sheets, connections, private_key):
    pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    key = {
        "type": "service_account",
        "client_email": "flowin@shop-123.iam.gserviceaccount.com",
        "private_key_id": "abc123",
        "private_key": pem,
        "token_uri": "https://oauth2.googleapis.com/token",
    }
    secret = {
        "auth_type": "service_account",
        "service_account_json": json.dumps(key),
        "token_url": tokens.token_url,
        "base_url": sheets.url,
    }
    account = connections.add("google_sheets", "Robot", secret).id
    sheets.respond(GET, json={"range": "Sheet1!A1:C1", "values": [HEADER]})
    run("google_sheets.read_rows", {"connection": account, "spreadsheet_id": SHEET_ID}, connections)
    (claims,) = tokens.assertions
    assert claims["iss"] == key["client_email"]
    assert claims["scope"] == "https://www.googleapis.com/auth/spreadsheets"
    assert sheets.calls(GET)[0].request.headers["Authorization"] == f"Bearer {tokens.issued[-1]}"
    connector = default_registry().get("google_sheets.read_rows").connector
    model = connector.credential_model.model_validate(secret)
    assert "Signed in" in connector.test_function(model)


# Sheets actions.


def test_append_row_places_named_values_under_their_headers(sheet_account, sheets, connections):
    sheets.respond(
        GET, json={"range": "Sheet1!A1:C1", "majorDimension": "ROWS", "values": [HEADER]}
    )
    sheets.respond(
        APPEND,
        json={
            "spreadsheetId": SHEET_ID,
            "tableRange": "Sheet1!A1:C12",
            "updates": {"updatedRange": "Sheet1!A13:C13", "updatedRows": 1},
        },
    )
    output = run(
        "google_sheets.append_row",
        {
            "connection": sheet_account,
            "spreadsheet_id": f"https://docs.google.com/spreadsheets/d/{SHEET_ID}/edit#gid=0",
            "values": {"email": "layla@example.com", "Name": "Layla Haddad", "Amount": 120},
        },
        connections,
    )
    (header_read,) = sheets.calls(GET)
    assert header_read.request.path.endswith("/values/Sheet1!1:1")
    (call,) = sheets.calls(APPEND)
    assert call.query == {"valueInputOption": "USER_ENTERED", "insertDataOption": "INSERT_ROWS"}
    assert call.body["values"] == [["Layla Haddad", "layla@example.com", 120]]
    assert output["row_number"] == 13 and output["range"] == "Sheet1!A13:C13"


def test_a_sheet_name_with_spaces_is_quoted_in_the_range(sheet_account, sheets, connections):
    sheets.respond(APPEND, json={"updates": {"updatedRange": "'Orders 2024'!A2:B2"}})
    output = run(
        "google_sheets.append_row",
        {
            "connection": sheet_account,
            "spreadsheet_id": SHEET_ID,
            "sheet": "Orders 2024",
            "values": ["1042", 99.5],
        },
        connections,
    )
    assert sheets.calls(APPEND)[0].body["range"] == "'Orders 2024'"
    assert output["row_number"] == 2


def test_an_unknown_column_names_the_sheets_columns(sheet_account, sheets, connections):
    sheets.respond(GET, json={"range": "Sheet1!A1:C1", "values": [HEADER]})
    with pytest.raises(StepError, match="no column 'Phone'; its columns are Name, Email, Amount"):
        run(
            "google_sheets.append_row",
            {"connection": sheet_account, "spreadsheet_id": SHEET_ID, "values": {"Phone": "1"}},
            connections,
        )
    assert sheets.calls(APPEND) == []


def test_update_row_keeps_the_cells_it_is_not_given(sheet_account, sheets, connections):
    sheets.respond(GET, json={"range": "Sheet1!A1:C1", "values": [HEADER]})
    sheets.respond(GET, json={"range": "Sheet1!A5:C5", "values": [["Omar", "o@x.com", "10"]]})
    sheets.respond(UPDATE, json={"spreadsheetId": SHEET_ID, "updatedRange": "Sheet1!A5:C5"})
    output = run(
        "google_sheets.update_row",
        {
            "connection": sheet_account,
            "spreadsheet_id": SHEET_ID,
            "row_number": 5,
            "values": {"Amount": 25},
        },
        connections,
    )
    (call,) = sheets.calls(UPDATE)
    assert call.request.method == "PUT" and call.request.path.endswith("/values/Sheet1!A5")
    assert call.body == {
        "range": "Sheet1!A5",
        "majorDimension": "ROWS",
        "values": [["Omar", "o@x.com", 25]],
    }
    assert output["range"] == "Sheet1!A5:C5"


def test_read_rows_finds_rows_by_a_columns_value(sheet_account, sheets, connections):
    values = [
        HEADER,
        ["Layla", "l@x.com", "5"],
        [],
        ["Omar", "o@x.com", "7"],
        ["Layla", "l2@x.com"],
    ]
    sheets.respond(GET, json={"range": "Sheet1!A1:C5", "values": values})
    output = run(
        "google_sheets.read_rows",
        {
            "connection": sheet_account,
            "spreadsheet_id": SHEET_ID,
            "column": "Name",
            "value": "Layla",
        },
        connections,
    )
    assert output["rows"] == [
        {"row_number": 2, "Name": "Layla", "Email": "l@x.com", "Amount": "5"},
        {"row_number": 5, "Name": "Layla", "Email": "l2@x.com", "Amount": ""},
    ]


# Errors.


def test_a_missing_spreadsheet_says_to_check_its_id(sheet_account, sheets, connections):
    sheets.respond(
        GET, status=404, json=google_error(404, "Requested entity was not found.", "NOT_FOUND")
    )
    with pytest.raises(StepError, match=r"the spreadsheet was not found .*check its ID"):
        run(
            "google_sheets.read_rows",
            {"connection": sheet_account, "spreadsheet_id": SHEET_ID},
            connections,
        )


def test_permission_denied_says_how_to_share(sheet_account, sheets, connections):
    sheets.respond(
        GET,
        status=403,
        json=google_error(403, "The caller does not have permission", "PERMISSION_DENIED"),
    )
    with pytest.raises(StepError, match=r"permission denied .*can open it") as caught:
        run(
            "google_sheets.read_rows",
            {"connection": sheet_account, "spreadsheet_id": SHEET_ID},
            connections,
        )
    assert not isinstance(caught.value, RetryableError)


def test_too_many_requests_is_retried_after_the_time_google_asks(
    sheet_account, sheets, connections
):
    sheets.respond(
        APPEND,
        status=429,
        headers={"Retry-After": "7"},
        json=google_error(429, "Quota exceeded", "RESOURCE_EXHAUSTED", "rateLimitExceeded"),
    )
    with pytest.raises(RetryableError) as caught:
        run(
            "google_sheets.append_row",
            {"connection": sheet_account, "spreadsheet_id": SHEET_ID, "values": ["a"]},
            connections,
        )
    assert caught.value.retry_after == 7


def test_a_server_error_after_an_append_is_not_retried(sheet_account, sheets, connections):
    sheets.respond(
        APPEND,
        status=503,
        json=google_error(503, "The service is currently unavailable.", "UNAVAILABLE"),
    )
    with pytest.raises(StepError, match="may have been done") as caught:
        run(
            "google_sheets.append_row",
            {"connection": sheet_account, "spreadsheet_id": SHEET_ID, "values": ["a"]},
            connections,
        )
    assert not isinstance(caught.value, RetryableError)


def test_a_token_google_no_longer_accepts_is_renewed_once(
    sheet_account, sheets, connections, tokens
):
    sheets.respond(
        GET, status=401, json=google_error(401, "Invalid Credentials", "UNAUTHENTICATED")
    )
    sheets.respond(GET, json={"range": "Sheet1!A1:C1", "values": [HEADER]})
    run(
        "google_sheets.read_rows",
        {"connection": sheet_account, "spreadsheet_id": SHEET_ID},
        connections,
    )
    first, second = sheets.calls(GET)
    assert first.request.headers["Authorization"] != second.request.headers["Authorization"]


# The new-row trigger.


def test_new_row_starts_once_per_row_number(sheet_account, sheets, connections):
    params = {"connection": sheet_account, "spreadsheet_id": SHEET_ID}
    sheets.respond(
        GET,
        json={
            "range": "Sheet1!A1:C3",
            "values": [HEADER, ["Layla", "l@x.com", "5"], ["Omar", "o@x.com"]],
        },
    )
    first = poll("google_sheets.new_row", params, connections)
    assert [i.key for i in first.items] == ["2", "3"] and first.cursor == 3
    sheets.respond(
        GET,
        json={
            "range": "Sheet1!A1:C4",
            "values": [
                HEADER,
                ["Layla", "l@x.com", "5"],
                ["Omar", "o@x.com", "7"],
                ["Sara", "s@x.com", "9"],
            ],
        },
    )
    second = poll("google_sheets.new_row", params, connections, cursor=first.cursor)
    assert [i.key for i in second.items] == ["4"]
    assert second.items[0].data == {
        "row_number": 4,
        "Name": "Sara",
        "Email": "s@x.com",
        "Amount": "9",
    }
    third = poll("google_sheets.new_row", params, connections, cursor=second.cursor)
    assert third.items == [] and third.cursor == 4


# Gmail.


def profile(gmail: GoogleServer) -> None:
    gmail.respond(
        "gmail.users.getProfile",
        json={"emailAddress": "layla@example.com", "messagesTotal": 10, "historyId": "1"},
    )


def test_send_email_sends_an_rfc_2822_message_as_base64url(
    gmail_account, gmail, connections, httpserver
):
    profile(gmail)
    gmail.respond(
        "gmail.users.messages.send", json={"id": "18c2", "threadId": "18c2", "labelIds": ["SENT"]}
    )
    pdf = base64.b64encode(b"%PDF-1.4 invoice").decode()
    output = run(
        "gmail.send_email",
        {
            "connection": gmail_account,
            "to": "Omar <omar@example.com>, sara@example.com",
            "bcc": "boss@example.com",
            "subject": "Your order ✓",
            "text": "Thanks for your order.",
            "html": "<p>Thanks for your <b>order</b>.</p>",
            "attachments": [{"filename": "invoice.pdf", "content_base64": pdf}],
        },
        connections,
    )
    (call,) = gmail.calls("gmail.users.messages.send")
    assert call.request.path == "/gmail/v1/users/me/messages/send"
    assert set(call.body) == {"raw"} and "+" not in call.body["raw"] and "/" not in call.body["raw"]
    message = email.message_from_bytes(
        base64.urlsafe_b64decode(call.body["raw"]), policy=email.policy.default
    )
    assert message["From"] == "layla@example.com"
    assert message["To"] == "Omar <omar@example.com>, sara@example.com"
    assert message["Bcc"] == "boss@example.com"
    assert message["Subject"] == "Your order ✓"
    assert message.get_body(("plain",)).get_content().strip() == "Thanks for your order."
    assert "<b>order</b>" in message.get_body(("html",)).get_content()
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == "invoice.pdf"
    assert attachment.get_content() == b"%PDF-1.4 invoice"
    assert output["id"] == "18c2" and output["attachments"] == ["invoice.pdf"]


def test_gmail_test_connection_reads_the_profile(tokens, gmail):
    profile(gmail)
    connector = default_registry().get("gmail.send_email").connector
    model = connector.credential_model.model_validate(oauth_secret(tokens, gmail.url))
    assert connector.test_function(model) == "Connected to layla@example.com."


def gmail_message(message_id: str, subject: str) -> dict:
    body = base64.urlsafe_b64encode(f"About {subject}".encode()).decode()
    return {
        "id": message_id,
        "threadId": message_id,
        "labelIds": ["INBOX", "UNREAD"],
        "snippet": f"About {subject}",
        "payload": {
            "mimeType": "multipart/alternative",
            "headers": [
                {"name": "From", "value": "Omar <omar@example.com>"},
                {"name": "Subject", "value": subject},
            ],
            "parts": [
                {"partId": "0", "mimeType": "text/plain", "body": {"data": body, "size": 10}}
            ],
        },
    }


def test_new_email_reads_each_message_once(gmail_account, gmail, connections):
    params = {"connection": gmail_account, "query": "from:omar@example.com"}
    gmail.respond(
        "gmail.users.messages.list",
        json={
            "messages": [{"id": "m2", "threadId": "m2"}, {"id": "m1", "threadId": "m1"}],
            "resultSizeEstimate": 2,
        },
    )
    gmail.respond("gmail.users.messages.get", json=gmail_message("m1", "Order 1"))
    gmail.respond("gmail.users.messages.get", json=gmail_message("m2", "Order 2"))
    first = poll("gmail.new_email", params, connections)
    assert [i.key for i in first.items] == ["m1", "m2"]
    assert first.items[0].data["subject"] == "Order 1"
    assert first.items[0].data["text"] == "About Order 1"
    assert gmail.calls("gmail.users.messages.list")[0].query == {
        "maxResults": "25",
        "q": "from:omar@example.com",
    }
    gmail.respond(
        "gmail.users.messages.list", json={"messages": [{"id": "m3"}, {"id": "m2"}, {"id": "m1"}]}
    )
    gmail.respond("gmail.users.messages.get", json=gmail_message("m3", "Order 3"))
    second = poll("gmail.new_email", params, connections, cursor=first.cursor)
    assert [i.key for i in second.items] == ["m3"]
    assert len(gmail.calls("gmail.users.messages.get")) == 3


def test_a_flow_logs_each_new_email_in_a_sheet(
    tokens, gmail, sheets, gmail_account, sheet_account, connections
):
    gmail.respond("gmail.users.messages.list", json={"messages": [{"id": "m9"}]})
    gmail.respond("gmail.users.messages.get", json=gmail_message("m9", "Refund request"))
    (item,) = poll("gmail.new_email", {"connection": gmail_account}, connections).items
    sheets.respond(APPEND, json={"updates": {"updatedRange": "Sheet1!A7:C7"}})
    flow = make_flow(
        [
            ("New e-mail", "gmail.new_email", {"connection": gmail_account}),
            (
                "Log it",
                "google_sheets.append_row",
                {
                    "connection": sheet_account,
                    "spreadsheet_id": SHEET_ID,
                    "values": ["{{ trigger.from }}", "{{ trigger.subject }}", "{{ trigger.id }}"],
                },
            ),
        ],
        ["New e-mail -> Log it"],
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, item.data)
    assert result.ok, result.error
    assert sheets.calls(APPEND)[0].body["values"] == [
        ["Omar <omar@example.com>", "Refund request", "m9"]
    ]
    assert result.outputs["Log it"]["row_number"] == 7


# Update or add a row, by a key column.

ORDERS = ["Order", "Name", "Status"]


def upsert(account: str, connections: Connections, values: dict, **params) -> dict:
    return run(
        "google_sheets.upsert_row",
        {
            "connection": account,
            "spreadsheet_id": SHEET_ID,
            "sheet": "Orders",
            "key_column": "Order",
            "values": values,
            **params,
        },
        connections,
    )


def test_update_or_add_updates_the_row_whose_key_matches(sheet_account, sheets, connections):
    table = [ORDERS, ["1041", "Omar", "paid"], ["1042", "Layla", "paid", "gift wrap"]]
    sheets.respond(GET, json={"range": "Orders!A1:D3", "values": table})
    sheets.respond(UPDATE, json={"spreadsheetId": SHEET_ID, "updatedRange": "Orders!A3:D3"})
    output = upsert(sheet_account, connections, {"order": 1042, "Status": "shipped"})
    (read,) = sheets.calls(GET)
    assert read.request.path.endswith("/values/Orders")
    (call,) = sheets.calls(UPDATE)
    assert call.request.path.endswith("/values/Orders!A3")
    assert call.body["values"] == [["1042", "Layla", "shipped", "gift wrap"]]
    assert sheets.calls(APPEND) == []
    assert (output["action"], output["row_number"]) == ("updated", 3)


def test_update_or_add_adds_the_row_when_no_key_matches(sheet_account, sheets, connections):
    sheets.respond(GET, json={"range": "Orders!A1:C2", "values": [ORDERS, ["1041", "Omar"]]})
    sheets.respond(APPEND, json={"updates": {"updatedRange": "Orders!A3:C3"}})
    output = upsert(sheet_account, connections, {"Order": "1043", "Name": "Sara"})
    (call,) = sheets.calls(APPEND)
    assert call.body == {
        "range": "Orders",
        "majorDimension": "ROWS",
        "values": [["1043", "Sara", ""]],
    }
    assert sheets.calls(UPDATE) == []
    assert (output["action"], output["row_number"]) == ("added", 3)


def test_update_or_add_is_not_run_twice_into_two_rows(sheet_account, sheets, connections):
    # Google adds the row but its answer is a 503: the step is tried again, finds the row it
    # added by its key, and updates it instead of adding a second one.
    sheets.respond(GET, json={"values": [ORDERS]})
    sheets.respond(GET, json={"values": [ORDERS, ["1043", "Sara", "new"]]})
    sheets.respond(
        APPEND, status=503, json=google_error(503, "The service is unavailable.", "UNAVAILABLE")
    )
    sheets.respond(UPDATE, json={"updatedRange": "Orders!A2:C2"})
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            (
                "Save",
                "google_sheets.upsert_row",
                {
                    "connection": sheet_account,
                    "spreadsheet_id": SHEET_ID,
                    "sheet": "Orders",
                    "key_column": "Order",
                    "values": {"Order": "1043", "Name": "Sara", "Status": "new"},
                },
            ),
        ],
        ["Start -> Save"],
        settings={"Save": {"retries": 2, "retry_backoff": 0}},
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, {})
    assert result.ok, result.error
    assert len(sheets.calls(APPEND)) == 1 and len(sheets.calls(UPDATE)) == 1
    assert result.outputs["Save"]["action"] == "updated"


def test_update_or_add_needs_the_key_columns_value(sheet_account, sheets, connections):
    with pytest.raises(StepError, match="finds the row by the column 'Order', so its Row needs"):
        upsert(sheet_account, connections, {"Name": "Sara"})
    assert sheets.calls() == []


def test_a_tab_the_spreadsheet_lacks_is_named_with_the_tabs_it_has(
    sheet_account, sheets, connections
):
    sheets.respond(
        GET,
        status=400,
        json=google_error(400, "Unable to parse range: Orderz", "INVALID_ARGUMENT"),
    )
    sheets.respond(
        "sheets.spreadsheets.get",
        json={"sheets": [{"properties": {"title": "Sheet1"}}, {"properties": {"title": "Orders"}}]},
    )
    with pytest.raises(StepError) as caught:
        upsert(sheet_account, connections, {"Order": "1043"}, sheet="Orderz")
    assert str(caught.value) == (
        "Google Sheets: this spreadsheet has no tab named 'Orderz'. Its tabs are Sheet1, Orders. "
        "Check the Sheet setting: it is the tab's name as it reads at the bottom of the "
        "spreadsheet."
    )
    assert caught.value.setting == "sheet"
    (tabs,) = sheets.calls("sheets.spreadsheets.get")
    assert tabs.query == {"fields": "sheets.properties.title"}
    # The document checks this call too: a query parameter spreadsheets.get doesn't take.
    wrong = httpx.get(
        f"{sheets.url}/v4/spreadsheets/{SHEET_ID}",
        params={"sheetNames": "true"},
        headers={"Authorization": "Bearer ya29.x"},
    )
    assert wrong.status_code == 400 and "unknown query parameter sheetNames" in sheets.rejected[0]
    sheets.rejected.clear()


# Gmail: replies in their thread, labels, attachments.

ORIGINAL_ID = "<CAJ1042@mail.gmail.com>"


def original(**headers) -> dict:
    values = {
        "Subject": "Order 1042",
        "From": "Omar <omar@example.com>",
        "To": "layla@example.com, sales@example.com",
        "Cc": "Sara <sara@example.com>",
        "Message-ID": ORIGINAL_ID,
        "References": "<CAJ1041@mail.gmail.com>",
        **headers,
    }
    return {
        "id": "m7",
        "threadId": "t7",
        "labelIds": ["INBOX"],
        "payload": {"headers": [{"name": k, "value": v} for k, v in values.items() if v]},
    }


def sent_message(gmail: GoogleServer) -> tuple[dict, email.message.EmailMessage]:
    (call,) = gmail.calls("gmail.users.messages.send")
    raw = base64.urlsafe_b64decode(call.body["raw"])
    return call.body, email.message_from_bytes(raw, policy=email.policy.default)


def test_a_reply_goes_into_the_emails_thread_with_in_reply_to_and_references(
    gmail_account, gmail, connections
):
    profile(gmail)
    gmail.respond("gmail.users.messages.get", json=original())
    gmail.respond("gmail.users.messages.send", json={"id": "m8", "threadId": "t7"})
    output = run(
        "gmail.reply_email",
        {"connection": gmail_account, "message_id": "m7", "text": "It ships tomorrow."},
        connections,
    )
    (read,) = gmail.calls("gmail.users.messages.get")
    assert read.request.args["format"] == "metadata"
    assert "Message-ID" in read.request.args.getlist("metadataHeaders")
    body, message = sent_message(gmail)
    assert body["threadId"] == "t7"
    assert message["To"] == "Omar <omar@example.com>"
    assert message["Cc"] is None
    assert message["Subject"] == "Re: Order 1042"
    assert message["In-Reply-To"] == ORIGINAL_ID
    assert message["References"] == f"<CAJ1041@mail.gmail.com> {ORIGINAL_ID}"
    assert message.get_body(("plain",)).get_content().strip() == "It ships tomorrow."
    assert (output["thread_id"], output["in_reply_to"]) == ("t7", ORIGINAL_ID)


def test_reply_to_all_copies_the_others_and_a_reply_to_address_is_answered(
    gmail_account, gmail, connections
):
    profile(gmail)
    gmail.respond(
        "gmail.users.messages.get",
        json=original(**{"Reply-To": "orders@omar.example", "Subject": "RE: Order 1042"}),
    )
    gmail.respond("gmail.users.messages.send", json={"id": "m8", "threadId": "t7"})
    run(
        "gmail.reply_email",
        {"connection": gmail_account, "message_id": "m7", "text": "Noted", "reply_all": True},
        connections,
    )
    _, message = sent_message(gmail)
    assert message["To"] == "orders@omar.example"
    # Everyone else it went to, except this mailbox (layla@example.com).
    assert message["Cc"] == "sales@example.com, Sara <sara@example.com>"
    assert message["Subject"] == "RE: Order 1042"


def test_labels_are_added_and_removed_by_their_names(gmail_account, gmail, connections):
    gmail.respond(
        "gmail.users.labels.list",
        json={
            "labels": [
                {"id": "INBOX", "name": "INBOX", "type": "system"},
                {"id": "UNREAD", "name": "UNREAD", "type": "system"},
                {"id": "Label_12", "name": "Orders", "type": "user"},
            ]
        },
    )
    gmail.respond(
        "gmail.users.messages.modify",
        json={"id": "m7", "threadId": "t7", "labelIds": ["Label_12", "STARRED"]},
    )
    output = run(
        "gmail.change_labels",
        {
            "connection": gmail_account,
            "message_id": "m7",
            "add": ["orders", "starred"],
            "remove": ["UNREAD", "INBOX"],
        },
        connections,
    )
    (call,) = gmail.calls("gmail.users.messages.modify")
    assert call.request.path == "/gmail/v1/users/me/messages/m7/modify"
    assert call.body == {
        "addLabelIds": ["Label_12", "STARRED"],
        "removeLabelIds": ["UNREAD", "INBOX"],
    }
    assert output["label_ids"] == ["Label_12", "STARRED"]
    assert default_registry().get("gmail.change_labels").manifest.repeat_safe is True


def test_a_label_the_mailbox_lacks_is_named_with_those_it_has(gmail_account, gmail, connections):
    labels = [{"id": "Label_12", "name": "Orders", "type": "user"}]
    gmail.respond("gmail.users.labels.list", json={"labels": labels})
    with pytest.raises(StepError) as caught:
        run(
            "gmail.change_labels",
            {"connection": gmail_account, "message_id": "m7", "add": ["Refunds"]},
            connections,
        )
    assert str(caught.value) == (
        "Gmail: the mailbox has no label 'Refunds'; its own labels are Orders. Create it in "
        "Gmail first, or check its spelling."
    )
    assert gmail.calls("gmail.users.messages.modify") == []


def test_an_account_signed_in_before_labels_is_asked_to_sign_in_again(
    gmail_account, gmail, connections
):
    gmail.respond("gmail.users.labels.list", json={"labels": []})
    gmail.respond(
        "gmail.users.messages.modify",
        status=403,
        json=google_error(
            403,
            "Request had insufficient authentication scopes.",
            "PERMISSION_DENIED",
            "insufficientPermissions",
        ),
    )
    with pytest.raises(StepError, match="sign in to it again in Accounts") as caught:
        run(
            "gmail.change_labels",
            {"connection": gmail_account, "message_id": "m7", "remove": ["UNREAD"]},
            connections,
        )
    assert caught.value.setting == "connection"


def test_a_new_emails_attachments_come_as_files_a_send_step_attaches(
    gmail_account, gmail, connections
):
    pdf = b"%PDF-1.4 receipt \xff\xfe"
    message = gmail_message("m5", "Receipt")
    message["payload"]["parts"].append(
        {
            "partId": "1",
            "mimeType": "application/pdf",
            "filename": "receipt.pdf",
            "body": {"attachmentId": "ANGjdJ8", "size": len(pdf)},
        }
    )
    gmail.respond("gmail.users.messages.list", json={"messages": [{"id": "m5"}]})
    gmail.respond("gmail.users.messages.get", json=message)
    gmail.respond(
        "gmail.users.messages.attachments.get",
        json={"size": len(pdf), "data": base64.urlsafe_b64encode(pdf).decode()},
    )
    params = {"connection": gmail_account, "read_attachments": True}
    (item,) = poll("gmail.new_email", params, connections).items
    (file,) = item.data["files"]
    assert (file["filename"], file["content_type"]) == ("receipt.pdf", "application/pdf")
    assert base64.b64decode(file["content_base64"]) == pdf
    (fetch,) = gmail.calls("gmail.users.messages.attachments.get")
    assert fetch.request.path == "/gmail/v1/users/me/messages/m5/attachments/ANGjdJ8"

    profile(gmail)
    gmail.respond("gmail.users.messages.send", json={"id": "m6", "threadId": "m6"})
    flow = make_flow(
        [
            ("New e-mail", "gmail.new_email", params),
            (
                "Forward",
                "gmail.send_email",
                {
                    "connection": gmail_account,
                    "to": "accounts@example.com",
                    "subject": "Fwd: {{ trigger.subject }}",
                    "attachments": "{{ trigger.files }}",
                },
            ),
        ],
        ["New e-mail -> Forward"],
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, item.data)
    assert result.ok, result.error
    _, forwarded = sent_message(gmail)
    (attachment,) = forwarded.iter_attachments()
    assert attachment.get_filename() == "receipt.pdf"
    assert attachment.get_content() == pdf


def test_without_read_attachments_the_files_are_listed_but_not_fetched(
    gmail_account, gmail, connections
):
    message = gmail_message("m4", "Photos")
    message["payload"]["parts"].append(
        {"mimeType": "image/jpeg", "filename": "a.jpg", "body": {"attachmentId": "X1", "size": 9}}
    )
    gmail.respond("gmail.users.messages.list", json={"messages": [{"id": "m4"}]})
    gmail.respond("gmail.users.messages.get", json=message)
    (item,) = poll("gmail.new_email", {"connection": gmail_account}, connections).items
    assert item.data["files"] == [
        {"filename": "a.jpg", "content_type": "image/jpeg", "size": 9, "content_base64": ""}
    ]
    assert gmail.calls("gmail.users.messages.attachments.get") == []


def test_the_gmail_document_refuses_a_label_change_with_a_field_it_lacks(gmail):
    answer = httpx.post(
        f"{gmail.url}/gmail/v1/users/me/messages/m7/modify",
        json={"addLabels": ["Orders"]},
        headers={"Authorization": "Bearer ya29.x"},
    )
    assert answer.status_code == 400 and "addLabels" in gmail.rejected[0]
    gmail.rejected.clear()
