"""Trello against a local API that validates each call with Atlassian's published description
(tests/contracts/vendor/trello/trello-openapi.2025-09.json), and Trello's signed webhooks as its
developer guide describes them (HEAD check, X-Trello-Webhook = base64 HMAC-SHA1 of the body and
the callback address, with the application's secret), end to end through the engine's listener.

The description is corrected in memory where Trello's documentation says otherwise
(``AS_DOCUMENTED``): a card's ``due`` is a date and time ("2026-12-05T10:00:00.000Z"), not a
date; the ID lists of a new card (``idLabels``, ``idMembers``) are "a comma-separated list of
IDs", i.e. form style without explode; a card's ``labels`` are label objects; and a board or
card is also named by the short link in its address.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Iterator
from functools import cache
from typing import Any

import httpx
import pytest

from flowin_engine.credentials import Connections
from flowin_engine.data_folder import DataFolder
from flowin_engine.errors import AccountRejected, RetryableError, StepError
from flowin_engine.model import FlowStatus
from flowin_engine.polling import PollContext
from flowin_engine.registry import default_registry
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.store import Store
from flowin_engine.webhooks import GateContext, WebhookRejected, WebhookReply, WebhookRequest
from tests.connectors.connector_runs import run
from tests.contracts.openapi_server import Contract, ContractServer, load_contract
from tests.engine.builders import make_flow
from tests.engine.test_runtime import finished, wait_for

CONTRACT = "trello/trello-openapi.2025-09.json"
KEY = "0123456789abcdef0123456789abcdef"
TOKEN = "ATTA" + "f" * 60
APP_SECRET = "trello-app-secret-of-layla"
BOARD = "5abbe4b7ddc1b351ef961416"
TODO = "5abbe4b7ddc1b351ef961415"
DONE = "5abbe4b7ddc1b351ef961417"
CARD = "5abbe4b7ddc1b351ef961414"
PUBLIC = "https://hooks.layla.example"


def due_is_a_date_and_time(document: dict[str, Any]) -> dict[str, Any]:
    card = document["components"]["schemas"]["Card"]["properties"]
    for schema in (card["due"], card["badges"]["properties"]["due"]):
        schema["format"] = "date-time"
    card["labels"] = {"type": "array", "items": {"type": "object"}}
    for path, method in (("/cards", "post"), ("/cards/{id}", "put")):
        for parameter in document["paths"][path][method]["parameters"]:
            if parameter.get("name") == "due":
                parameter["schema"]["format"] = "date-time"
            if parameter.get("name") in ("idLabels", "idMembers") and method == "post":
                parameter["explode"] = False  # "a comma-separated list of IDs"
    return document


def a_link_names_a_board_or_card(document: dict[str, Any]) -> dict[str, Any]:
    """Trello takes a board's or card's short link (the code in trello.com/b/<code>) wherever
    it takes its ID; the description allows the 24-character ID only."""
    either = {"type": "string", "pattern": "^([0-9a-fA-F]{24}|[A-Za-z0-9]{8})$"}
    for path, item in document["paths"].items():
        if not path.startswith(("/boards/{id}", "/cards/{id}")):
            continue
        for operation in [item, *(v for v in item.values() if isinstance(v, dict))]:
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                if parameter.get("in") == "path" and parameter.get("name") == "id":
                    parameter["schema"] = dict(either)
    return document


def defaults_and_formats_a_validator_reads(document: dict[str, Any]) -> dict[str, Any]:
    """The description's known defects (SOURCE.txt): parameter defaults of the wrong type
    (``attachments: false`` for a text), which a validator fills in and then refuses; and
    ``format: url``, which no validator knows: an address is checked as text."""

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("format") == "url":
                del node["format"]
            if node.get("in") in ("query", "path"):
                node.get("schema", {}).pop("default", None)
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(document)
    return document


AS_DOCUMENTED = (
    due_is_a_date_and_time,
    a_link_names_a_board_or_card,
    defaults_and_formats_a_validator_reads,
)


@cache
def contract() -> Contract:
    return load_contract(CONTRACT, AS_DOCUMENTED)


def card(**fields: Any) -> dict[str, Any]:
    return {
        "id": CARD,
        "name": "Order 1042: gift wrap",
        "desc": "",
        "idList": TODO,
        "idBoard": BOARD,
        "due": None,
        "dueComplete": False,
        "closed": False,
        "idMembers": [],
        "labels": [],
        "shortUrl": "https://trello.com/c/H0TZyzbK",
        **fields,
    }


@pytest.fixture
def api(httpserver) -> Iterator[ContractServer]:
    with ContractServer(httpserver, contract()) as server:
        yield server


def account(base_url: str = "https://api.trello.com/1", **fields: str) -> dict[str, str]:
    return {"key": KEY, "token": TOKEN, "app_secret": APP_SECRET, "base_url": base_url, **fields}


@pytest.fixture
def trello(api, connections) -> str:
    return connections.add("trello", "Shop board", account(api.url("/1"))).id


def poll(params: dict, connections: Connections, cursor: Any = None):
    node_type = default_registry().get("trello.card_overdue")
    ctx = PollContext(cursor=cursor, credential=connections.secret, timeout=5)
    return node_type.poller(node_type.input_model.model_validate(params), ctx)


def signed(body: bytes, url: str, secret: str = APP_SECRET) -> str:
    digest = hmac.new(secret.encode(), body + url.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def action(kind: str = "createCard", action_id: str = "6a1b2c3d4e5f60718293a4b5", **data: Any):
    """A delivery's body as Trello sends it: the action, and the model watched."""
    event = {
        "card": {
            "id": CARD,
            "name": "Order 1042: gift wrap",
            "idShort": 12,
            "shortLink": "H0TZyzbK",
        },
        "board": {"id": BOARD, "name": "Shop orders", "shortLink": "AbCdEfGh"},
        **data,
    }
    return {
        "action": {
            "id": action_id,
            "idMemberCreator": "5abbe4b7ddc1b351ef961420",
            "type": kind,
            "date": "2026-12-05T10:12:00.000Z",
            "data": event,
            "memberCreator": {"id": "5abbe4b7ddc1b351ef961420", "fullName": "Layla Haddad"},
        },
        "model": {"id": BOARD, "name": "Shop orders"},
    }


CREATED = action(list={"id": TODO, "name": "To do"})
MOVED = action(
    "updateCard",
    "6a1b2c3d4e5f60718293a4b6",
    old={"idList": TODO},
    listBefore={"id": TODO, "name": "To do"},
    listAfter={"id": DONE, "name": "Done"},
)


def webhook(body: bytes, signature: str | None, method: str = "POST") -> WebhookRequest:
    url = f"{PUBLIC}/webhook/abc"
    headers = {"content-type": "application/json"}
    if signature is not None:
        headers["x-trello-webhook"] = signature
    return WebhookRequest(method, "/webhook/abc", url, headers, {}, body)


def gate(trigger: str, request: WebhookRequest, connections: Connections, **params: str):
    node_type = default_registry().get(f"trello.{trigger}")
    model = node_type.input_model.model_validate(params)
    return node_type.webhook_gate(model, request, GateContext(connections.secret))


@pytest.fixture
def hooked(connections) -> str:
    return connections.add("trello", "Hooks", account()).id


# The validator.


def test_the_description_refuses_requests_trello_would_refuse(api):
    base = api.url("/1")
    auth = {"key": KEY, "token": TOKEN}
    bad = [
        httpx.post(f"{base}/cards", params={"idList": TODO, "name": "no key"}),
        httpx.post(f"{base}/cards", params={**auth, "name": "no list"}),
        httpx.post(f"{base}/cards", params={**auth, "idList": "not-an-id"}),
        httpx.post(f"{base}/cards/{CARD}/actions/comments", params=auth),  # no text
    ]
    assert [r.status_code for r in bad] == [400] * 4
    assert len(api.rejected) == 4
    api.rejected.clear()


# Actions.


def test_create_card_sends_its_fields_as_trellos_query(api, trello, connections):
    api.respond("get-boards-id-labels", json=[{"id": "5abbe4b7ddc1b351ef961421", "color": "red"}])
    api.respond("get-boards-id-lists", json=[{"id": TODO, "name": "To do"}])
    api.respond("post-cards", json=card(due="2026-12-06T14:00:00.000Z", desc="Two olive soaps"))
    output = run(
        "trello.create_card",
        {
            "connection": trello,
            "board": "https://trello.com/b/AbCdEfGh/shop-orders",
            "list_name": "to do",
            "name": "Order 1042: gift wrap",
            "description": "Two olive soaps",
            "due": "2026-12-06T17:00:00+03:00",
            "labels": "red",
            "members": "5abbe4b7ddc1b351ef961420, 5abbe4b7ddc1b351ef961422",
        },
        connections,
    )
    (lists,) = api.calls("get-boards-id-lists")
    assert lists.request.path == "/1/boards/AbCdEfGh/lists"
    (call,) = api.calls("post-cards")
    assert call.request.args.to_dict() == {
        "idList": TODO,
        "name": "Order 1042: gift wrap",
        "pos": "bottom",
        "desc": "Two olive soaps",
        "due": "2026-12-06T14:00:00.000Z",
        "idLabels": "5abbe4b7ddc1b351ef961421",
        "idMembers": "5abbe4b7ddc1b351ef961420,5abbe4b7ddc1b351ef961422",
        "key": KEY,
        "token": TOKEN,
    }
    assert output["card_id"] == CARD and output["url"] == "https://trello.com/c/H0TZyzbK"
    assert not default_registry().get("trello.create_card").manifest.repeat_safe


def test_a_list_name_the_board_lacks_names_the_lists_it_has(api, trello, connections):
    api.respond("get-boards-id-lists", json=[{"id": TODO, "name": "To do"}])
    with pytest.raises(StepError, match="no list called 'Packed'; its lists are To do"):
        run(
            "trello.create_card",
            {"connection": trello, "board": BOARD, "list_name": "Packed", "name": "x"},
            connections,
        )
    assert api.calls("post-cards") == []


def test_move_card_finds_the_list_on_the_cards_board_and_is_safe_to_repeat(
    api, trello, connections
):
    api.respond("get-cards-id", json=card())
    api.respond(
        "get-boards-id-lists", json=[{"id": TODO, "name": "To do"}, {"id": DONE, "name": "Done"}]
    )
    api.respond("put-cards-id", json=card(idList=DONE))
    output = run(
        "trello.move_card",
        {
            "connection": trello,
            "card": "https://trello.com/c/H0TZyzbK/12-order",
            "list_name": "Done",
        },
        connections,
    )
    (read,) = api.calls("get-cards-id")
    assert read.request.path == "/1/cards/H0TZyzbK"
    (moved,) = api.calls("put-cards-id")
    assert moved.request.args["idList"] == DONE and moved.request.args["pos"] == "top"
    assert output["list_id"] == DONE
    assert default_registry().get("trello.move_card").manifest.repeat_safe


def test_add_comment_posts_the_text(api, trello, connections):
    api.respond(
        "post-cards-id-actions-comments",
        json={"id": "5abbe4b7ddc1b351ef961418", "type": "commentCard", "data": {"text": "Shipped"}},
    )
    output = run(
        "trello.add_comment", {"connection": trello, "card": CARD, "text": "Shipped"}, connections
    )
    (call,) = api.calls("post-cards-id-actions-comments")
    assert call.request.args["text"] == "Shipped"
    assert output["text"] == "Shipped"


def test_watch_board_registers_the_triggers_address_for_the_board(api, trello, connections):
    api.respond("get-boards-id", json={"id": BOARD, "name": "Shop orders"})
    api.respond(
        "post-tokens-token-webhooks",
        json={"id": "5abbe4b7ddc1b351ef961419", "idModel": BOARD, "callbackURL": f"{PUBLIC}/w"},
    )
    output = run(
        "trello.watch_board",
        {"connection": trello, "board": "https://trello.com/b/AbCdEfGh", "address": f"{PUBLIC}/w"},
        connections,
    )
    (call,) = api.calls("post-tokens-token-webhooks")
    assert call.request.path == f"/1/tokens/{TOKEN}/webhooks"
    assert (
        call.request.args["idModel"] == BOARD and call.request.args["callbackURL"] == f"{PUBLIC}/w"
    )
    assert output["id"] == "5abbe4b7ddc1b351ef961419"


def test_a_refused_token_is_not_retried_and_says_what_to_do(api, trello, connections):
    # Trello answers 401 in plain text; the description documents no 401.
    api.respond("post-cards-id-actions-comments", status=401, json="invalid token", check=False)
    with pytest.raises(AccountRejected, match="create a token again") as caught:
        run("trello.add_comment", {"connection": trello, "card": CARD, "text": "x"}, connections)
    assert not isinstance(caught.value, RetryableError)
    assert len(api.calls("post-cards-id-actions-comments")) == 1


def test_too_many_requests_waits_as_long_as_trello_asks(api, trello, connections):
    api.respond(
        "get-boards-id-cards",
        status=429,
        json={"message": "API_TOKEN_LIMIT_EXCEEDED"},
        headers={"Retry-After": "7"},
        check=False,
    )
    with pytest.raises(RetryableError) as caught:
        poll({"connection": trello, "board": BOARD}, connections)
    assert caught.value.retry_after == 7.0


def test_a_server_error_on_create_is_not_repeated(api, trello, connections):
    api.respond("post-cards", status=500, json={"message": "Internal error"}, check=False)
    with pytest.raises(StepError, match="may have been done") as caught:
        run(
            "trello.create_card",
            {"connection": trello, "list_name": TODO, "name": "x"},
            connections,
        )
    assert not isinstance(caught.value, RetryableError)
    assert len(api.calls("post-cards")) == 1


def test_the_account_test_names_the_member(api):
    api.respond(
        "get-members=id", json={"id": "5abbe4b7ddc1b351ef961420", "fullName": "Layla Haddad"}
    )
    connector = default_registry().get("trello.create_card").connector
    secret = connector.credential_model.model_validate(account(api.url("/1")))
    assert connector.test_function(secret) == "Connected as Layla Haddad."
    assert api.calls("get-members=id")[0].request.path == "/1/members/me"


# The overdue trigger.


def test_overdue_cards_come_once_each_and_again_for_a_new_due_time(api, trello, connections):
    late = card(id="5abbe4b7ddc1b351ef961430", due="2026-01-01T09:00:00.000Z")
    done = card(id="5abbe4b7ddc1b351ef961431", due="2026-01-01T09:00:00.000Z", dueComplete=True)
    later = card(id="5abbe4b7ddc1b351ef961432", due="2999-01-01T09:00:00.000Z")
    none = card(id="5abbe4b7ddc1b351ef961433")
    api.respond("get-boards-id-lists", json=[{"id": TODO, "name": "To do"}])
    params = {"connection": trello, "board": BOARD}
    api.respond("get-boards-id-cards", json=[late, done, later, none])
    first = poll(params, connections)
    assert [i.data["card_id"] for i in first.items] == [late["id"]]
    assert first.items[0].data["list_name"] == "To do"
    second = poll(params, connections, cursor=first.cursor)
    assert second.items == []
    assert len(api.calls("get-boards-id-lists")) == 1  # names are read only for new cards
    # The late card gets a new due time, which passes too: it comes again.
    moved = {**late, "due": "2026-02-01T09:00:00.000Z"}
    api.respond("get-boards-id-cards", json=[moved, done, later, none])
    third = poll(params, connections, cursor=second.cursor)
    assert [i.data["due"] for i in third.items] == ["2026-02-01T09:00:00.000Z"]
    assert len({i.key for i in [*first.items, *third.items]}) == 2
    assert api.calls("get-boards-id-cards")[0].request.path == f"/1/boards/{BOARD}/cards"


# Webhooks.


def test_trellos_head_check_is_answered_without_a_signature(hooked, connections):
    reply = gate("card_created", webhook(b"", None, "HEAD"), connections, connection=hooked)
    assert isinstance(reply, WebhookReply) and reply.status == 200
    # Through the cloud's relay too: Trello wants that 200, not the relay's 202 for "taken".
    registry = default_registry()
    assert all(
        registry.get(f"trello.{t}").webhook_handshake for t in ("card_created", "card_moved")
    )


def test_a_signed_new_card_becomes_the_card_with_its_list(hooked, connections):
    body = json.dumps(CREATED).encode()
    request = webhook(body, signed(body, f"{PUBLIC}/webhook/abc"))
    assert gate("card_created", request, connections, connection=hooked) is None
    output = run(
        "trello.card_created",
        {"connection": hooked},
        connections,
        trigger_data=request.as_trigger_data(),
    )
    assert (output["card_id"], output["list_name"], output["board_name"]) == (
        CARD,
        "To do",
        "Shop orders",
    )
    assert output["card_url"] == "https://trello.com/c/H0TZyzbK" and output["by"] == "Layla Haddad"


@pytest.mark.parametrize(
    "signature",
    [
        None,
        "",
        signed(b"{}", f"{PUBLIC}/webhook/abc"),  # another body
        "SIGNED_WITHOUT_URL",
        "SIGNED_WITH_ANOTHER_SECRET",
    ],
)
def test_a_delivery_without_trellos_signature_is_refused(hooked, connections, signature):
    body = json.dumps(CREATED).encode()
    if signature == "SIGNED_WITHOUT_URL":
        signature = base64.b64encode(
            hmac.new(APP_SECRET.encode(), body, hashlib.sha1).digest()
        ).decode()
    elif signature == "SIGNED_WITH_ANOTHER_SECRET":
        signature = signed(body, f"{PUBLIC}/webhook/abc", "someone else's secret")
    with pytest.raises(WebhookRejected, match="signature doesn't match") as caught:
        gate("card_created", webhook(body, signature), connections, connection=hooked)
    assert caught.value.status == 401


def test_an_account_without_the_app_secret_refuses_with_a_fix(connections):
    bare = connections.add("trello", "No secret", account(app_secret="")).id
    body = json.dumps(CREATED).encode()
    request = webhook(body, signed(body, f"{PUBLIC}/webhook/abc"))
    with pytest.raises(WebhookRejected, match="no signing secret") as caught:
        gate("card_created", request, connections, connection=bare)
    assert caught.value.status == 403


def test_each_trigger_takes_its_own_actions_and_its_list_only(hooked, connections):
    def request(body: dict) -> WebhookRequest:
        raw = json.dumps(body).encode()
        return webhook(raw, signed(raw, f"{PUBLIC}/webhook/abc"))

    assert gate("card_moved", request(MOVED), connections, connection=hooked) is None
    assert (
        gate("card_moved", request(MOVED), connections, connection=hooked, list_name="done") is None
    )
    assert (
        gate("card_moved", request(MOVED), connections, connection=hooked, list_name=DONE) is None
    )
    others = [
        ("card_moved", CREATED, {}),
        ("card_created", MOVED, {}),
        ("card_moved", MOVED, {"list_name": "To do"}),  # it left To do
        ("card_moved", action("updateCard", old={"name": "x"}), {}),  # renamed, not moved
        ("card_created", action("commentCard", text="hi"), {}),
    ]
    for trigger, body, params in others:
        reply = gate(trigger, request(body), connections, connection=hooked, **params)
        assert isinstance(reply, WebhookReply) and reply.status == 200, (trigger, body)
    moved = run(
        "trello.card_moved",
        {"connection": hooked},
        connections,
        trigger_data=request(MOVED).as_trigger_data(),
    )
    assert (moved["from_list_name"], moved["list_name"]) == ("To do", "Done")


def test_the_listener_checks_trellos_signature_and_runs_a_delivery_once(tmp_path, monkeypatch):
    """Through the engine's own listener: the HEAD check, a good signature, a bad one, a
    missing one, and the same delivery sent again (Trello retries when it missed the answer)."""
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    with Store(tmp_path / "trello.db") as store:
        folder = DataFolder(store)
        connection = folder.connections.add("trello", "Board", account()).id
        flow = make_flow(
            [
                ("Card", "trello.card_created", {"connection": connection}),
                (
                    "Then",
                    "core.set_fields",
                    {"fields": [{"name": "card", "value": "{{ trigger.card_name }}"}]},
                ),
            ],
            ["Card -> Then"],
        )
        flow.status = FlowStatus.ACTIVE
        store.flows.save(flow)
        runtime = folder.runtime(RuntimeSettings(port=0, sync_interval=0.1, public_url=PUBLIC))
        runtime.start()
        try:
            runtime.sync()
            path = runtime.webhook_path(flow.id, flow.nodes[0].id)
            local, callback = runtime.address + path, PUBLIC + path
            body = json.dumps(CREATED).encode()
            good = {"content-type": "application/json", "x-trello-webhook": signed(body, callback)}
            head = httpx.head(local)
            first = httpx.post(local, content=body, headers=good)
            again = httpx.post(local, content=body, headers=good)
            forged = httpx.post(
                local, content=body, headers={**good, "x-trello-webhook": signed(body, local)}
            )
            unsigned = httpx.post(local, content=body, headers={"content-type": "application/json"})
            assert head.status_code == 200
            assert (first.status_code, again.status_code) == (202, 202)
            assert first.json() == again.json()
            assert (forged.status_code, unsigned.status_code) == (401, 401)
            run_id = first.json()["execution_id"]
            detail = finished(store, run_id)
        finally:
            runtime.stop(grace=2)
        assert detail.status == "success"
        wait_for(lambda: store.executions.summaries(flow_id=flow.id))
        assert [r.id for r in store.executions.summaries(flow_id=flow.id)] == [run_id]
