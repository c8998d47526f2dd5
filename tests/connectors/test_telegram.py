"""Telegram against a local Bot API that validates each call with the Bot API's OpenAPI document.

The document (tests/contracts/vendor/telegram, community-generated from core.telegram.org/bots/api)
covers sendMessage, sendPhoto, sendDocument, getMe and getUpdates, including the Error object
with ``parameters.retry_after``. It documents a 200 and a default answer only, so the error
answers below are checked as its default ``Error`` schema.
"""

from __future__ import annotations

import logging
import time

import httpx
import pytest

from flowin_engine.credentials import Connections
from flowin_engine.errors import RetryableError, StepError
from flowin_engine.model import Flow, Node
from flowin_engine.polling import PollContext
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.steps import StepContext
from tests.contracts.openapi_server import ContractServer
from tests.engine.builders import make_flow

TOKEN = "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
CHAT = 123456789
USER = {"id": CHAT, "is_bot": False, "first_name": "Layla", "username": "layla_k"}
BOT = {"id": 7000000001, "is_bot": True, "first_name": "Shop bot", "username": "shop_bot"}


def sent(message_id: int = 53, text: str = "Your order has shipped", **extra) -> dict:
    message = {
        "message_id": message_id,
        "date": 1732700100,
        "chat": {"id": CHAT, "type": "private", "first_name": "Layla"},
        "from": BOT,
        **({"text": text} if text is not None else {}),
        **extra,
    }
    return {"ok": True, "result": message}


def error(code: int, description: str, **parameters) -> dict:
    answer = {"ok": False, "error_code": code, "description": description}
    if parameters:
        answer["parameters"] = parameters
    return answer


@pytest.fixture
def api(httpserver):
    with ContractServer(httpserver, "telegram/openapi.json") as server:
        yield server


@pytest.fixture
def bot(api, connections) -> str:
    secret = {"bot_token": TOKEN, "base_url": api.url()}
    return connections.add("telegram", "Shop bot", secret).id


def run(operation: str, params: dict, connections: Connections, timeout: float = 5) -> dict:
    """Validate the params and call the operation as the runner does."""
    node_type = default_registry().get(f"telegram.{operation}")
    node = Node(name="Telegram", type=node_type.type, params=params)
    ctx = StepContext(
        execution_id="test",
        flow=Flow(nodes=[node]),
        node=node,
        attempt=1,
        timeout=timeout,
        connections=connections,
    )
    return node_type.function(node_type.input_model.model_validate(params), ctx)


def poll(params: dict, connections: Connections, cursor=None):
    node_type = default_registry().get("telegram.new_message")
    ctx = PollContext(cursor=cursor, credential=connections.secret)
    return node_type.poller(node_type.input_model.model_validate(params), ctx)


# Actions.


def test_send_message_posts_the_documented_body_to_the_bot_url(api, bot, connections):
    api.respond("/sendMessage", json=sent())
    markup = '{"inline_keyboard": [[{"text": "Track", "url": "https://example.com/t/1042"}]]}'
    output = run(
        "send_message",
        {
            "connection": bot,
            "chat_id": str(CHAT),
            "text": "Your order has *shipped*",
            "parse_mode": "MarkdownV2",
            "reply_markup": markup,
        },
        connections,
    )
    (call,) = api.calls("/sendMessage")
    assert call.request.path == f"/bot{TOKEN}/sendMessage"
    assert call.request.json == {
        "chat_id": CHAT,
        "text": "Your order has *shipped*",
        "parse_mode": "MarkdownV2",
        "reply_markup": {
            "inline_keyboard": [[{"text": "Track", "url": "https://example.com/t/1042"}]]
        },
    }
    assert (output["message_id"], output["chat_id"], output["text"]) == (
        53,
        CHAT,
        "Your order has shipped",
    )


def test_the_bot_token_in_the_url_never_reaches_the_log(api, bot, connections, caplog):
    # Telegram carries the token in the URL's path; the command line and the cloud's workers
    # log at INFO, where httpx writes every request's URL.
    api.respond("/sendMessage", json=sent())
    with caplog.at_level(logging.INFO):
        run("send_message", {"connection": bot, "chat_id": str(CHAT), "text": "Hi"}, connections)
    assert api.calls("/sendMessage"), "the message was sent"
    ours = [record.getMessage() for record in caplog.records if record.name != "werkzeug"]
    assert not [line for line in ours if TOKEN in line]


def test_a_channel_username_is_sent_as_text(api, bot, connections):
    api.respond("/sendMessage", json=sent())
    run("send_message", {"connection": bot, "chat_id": "@shop_news", "text": "Sale"}, connections)
    assert api.calls("/sendMessage")[0].request.json["chat_id"] == "@shop_news"


@pytest.mark.parametrize(
    ("operation", "method", "field"),
    [("send_photo", "/sendPhoto", "photo"), ("send_document", "/sendDocument", "document")],
)
def test_files_are_sent_by_link_or_file_id(api, bot, connections, operation, method, field):
    api.respond(method, json=sent(54, text=None, caption="Invoice 1042"))
    for file in ("https://example.com/invoice-1042.pdf", "BQACAgQAAxkBAAIC"):
        output = run(
            operation,
            {"connection": bot, "chat_id": CHAT, "file": file, "caption": "Invoice 1042"},
            connections,
        )
        assert output["text"] == "Invoice 1042"
    bodies = [c.request.form for c in api.calls(method)]
    assert all(c.request.mimetype == "multipart/form-data" for c in api.calls(method))
    assert bodies[0]["chat_id"] == str(CHAT)
    assert [b[field] for b in bodies] == [
        "https://example.com/invoice-1042.pdf",
        "BQACAgQAAxkBAAIC",
    ]
    assert all(b["caption"] == "Invoice 1042" for b in bodies)


def test_buttons_that_are_not_json_stop_before_sending(api, bot, connections):
    with pytest.raises(StepError, match="Buttons field is not valid JSON"):
        run(
            "send_message",
            {"connection": bot, "chat_id": CHAT, "text": "x", "reply_markup": "{"},
            connections,
        )
    assert api.calls() == []


# Errors.


def test_a_wrong_token_asks_to_reconnect(api, bot, connections):
    api.respond("/sendMessage", json=error(401, "Unauthorized"), status=401)
    with pytest.raises(
        StepError, match="Telegram: the bot token is wrong — reconnect the bot"
    ) as caught:
        run("send_message", {"connection": bot, "chat_id": CHAT, "text": "hi"}, connections)
    assert not isinstance(caught.value, RetryableError)
    assert TOKEN not in str(caught.value)


def test_an_unknown_chat_says_the_user_must_start_the_bot(api, bot, connections):
    api.respond("/sendMessage", json=error(400, "Bad Request: chat not found"), status=400)
    with pytest.raises(StepError, match=r"chat not found — has the user started your bot\?"):
        run("send_message", {"connection": bot, "chat_id": CHAT, "text": "hi"}, connections)


def test_flood_control_is_retried_after_the_seconds_telegram_gives(api, bot, connections):
    api.respond(
        "/sendMessage",
        json=error(429, "Too Many Requests: retry after 17", retry_after=17),
        status=429,
    )
    with pytest.raises(RetryableError) as caught:
        run("send_message", {"connection": bot, "chat_id": CHAT, "text": "hi"}, connections)
    assert caught.value.retry_after == 17
    assert str(caught.value) == "Telegram: too many requests for now; it asks to wait 17 seconds."


def test_no_answer_after_sending_is_not_retried(httpserver, connections):
    # The server takes the message and never answers in time: it may have been delivered.
    httpserver.expect_request(f"/bot{TOKEN}/sendMessage").respond_with_handler(
        lambda request: time.sleep(1.5) or None
    )
    secret = {"bot_token": TOKEN, "base_url": httpserver.url_for("/").rstrip("/")}
    connection = connections.add("telegram", "Slow", secret).id
    with pytest.raises(StepError, match="may have been sent") as caught:
        run(
            "send_message",
            {"connection": connection, "chat_id": CHAT, "text": "hi"},
            connections,
            timeout=0.5,
        )
    assert not isinstance(caught.value, RetryableError)


def test_an_unreachable_api_is_retried(connections):
    secret = {"bot_token": TOKEN, "base_url": "http://127.0.0.1:9"}
    connection = connections.add("telegram", "Nowhere", secret).id
    with pytest.raises(RetryableError, match="can't reach"):
        run("send_message", {"connection": connection, "chat_id": CHAT, "text": "hi"}, connections)


# The account.


def test_test_connection_calls_get_me(api):
    api.respond("/getMe", json={"ok": True, "result": BOT})
    connector = default_registry().get("telegram.send_message").connector
    secret = connector.credential_model.model_validate({"bot_token": TOKEN, "base_url": api.url()})
    assert connector.test_function(secret) == "Connected as @shop_bot."
    assert api.calls("/getMe")[0].request.path == f"/bot{TOKEN}/getMe"


# The trigger.


def update(update_id: int, text: str, chat: int = CHAT) -> dict:
    message = {
        "message_id": update_id - 800,
        "date": 1732700000,
        "chat": {"id": chat, "type": "private"},
        "from": USER,
        "text": text,
    }
    return {"update_id": update_id, "message": message}


def test_polling_reads_new_messages_and_moves_the_offset(api, bot, connections):
    api.respond(
        "/getUpdates",
        json={"ok": True, "result": [update(901, "Hi"), update(902, "Where is my order?")]},
    )
    first = poll({"connection": bot}, connections)
    assert [i.key for i in first.items] == ["901", "902"]
    assert first.items[1].data["text"] == "Where is my order?"
    assert first.items[1].data["chat_id"] == CHAT
    assert first.cursor == 903

    api.respond("/getUpdates", json={"ok": True, "result": []})
    again = poll({"connection": bot}, connections, cursor=first.cursor)
    assert again.items == [] and again.cursor == 903
    bodies = [c.request.json for c in api.calls("/getUpdates")]
    assert "offset" not in bodies[0]
    assert bodies[1]["offset"] == 903
    assert bodies[1]["allowed_updates"] == ["message", "callback_query"]


def test_polling_skips_other_updates_and_other_chats_but_confirms_them(api, bot, connections):
    callback = {"update_id": 905, "callback_query": {"id": "1", "from": USER, "chat_instance": "1"}}
    api.respond(
        "/getUpdates",
        json={
            "ok": True,
            "result": [update(904, "elsewhere", chat=55), callback, update(906, "mine")],
        },
    )
    result = poll({"connection": bot, "chat_id": str(CHAT)}, connections, cursor=904)
    assert [i.data["text"] for i in result.items] == ["mine"]
    assert result.cursor == 907


def test_polling_with_a_wrong_token_is_an_error_not_an_empty_result(api, bot, connections):
    api.respond("/getUpdates", json=error(401, "Unauthorized"), status=401)
    with pytest.raises(StepError, match="bot token is wrong"):
        poll({"connection": bot}, connections)


# The validator is not a rubber stamp.


def test_a_message_without_text_is_rejected_by_the_contract(api):
    answer = httpx.post(
        api.url(f"/bot{TOKEN}/sendMessage"), json={"chat_id": CHAT, "parse_mode": "HTML"}
    )
    assert answer.status_code == 400
    assert len(api.rejected) == 1 and "text" in str(api.rejected[0])
    api.rejected.clear()


# End to end.


def test_a_flow_answers_each_new_message_through_the_engine(api, bot, connections):
    api.respond("/sendMessage", json=sent(text="Thanks Layla, we got: Where is my order?"))
    flow = make_flow(
        [
            ("New message", "telegram.new_message", {"connection": bot}),
            (
                "Reply",
                "telegram.send_message",
                {
                    "connection": bot,
                    "chat_id": "{{ trigger.chat_id }}",
                    "text": "Thanks {{ trigger.from.first_name }}, we got: {{ trigger.text }}",
                },
            ),
        ],
        ["New message -> Reply"],
    )
    api.respond("/getUpdates", json={"ok": True, "result": [update(901, "Where is my order?")]})
    (item,) = poll({"connection": bot}, connections).items
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, item.data)
    assert result.ok, result.error
    assert api.calls("/sendMessage")[0].request.json == {
        "chat_id": CHAT,
        "text": "Thanks Layla, we got: Where is my order?",
    }
    assert result.outputs["Reply"]["message_id"] == 53
