"""Telegram's inline buttons: a press starts a flow, which answers it and edits the message.

Every call is checked against the Bot API 10.1 description (tests/contracts/vendor/telegram/
api.json, scraped from core.telegram.org/bots/api; see tests/contracts/telegram_bot_api.py),
each answer against the same document's result types.
"""

from __future__ import annotations

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
from tests.contracts.telegram_bot_api import bot_api_contract
from tests.engine.builders import make_flow

CHAT = 123456789
USER = {"id": CHAT, "is_bot": False, "first_name": "Layla", "username": "layla_k"}
BOT = {"id": 7000000002, "is_bot": True, "first_name": "Shop bot", "username": "shop_bot"}
CHAT_OBJECT = {"id": CHAT, "type": "private", "first_name": "Layla"}


@pytest.fixture
def api(httpserver):
    with ContractServer(httpserver, bot_api_contract()) as server:
        yield server


def connect(api, connections: Connections, token: str) -> str:
    return connections.add("telegram", "Shop bot", {"bot_token": token, "base_url": api.url()}).id


def run(operation: str, params: dict, connections: Connections) -> dict:
    node_type = default_registry().get(f"telegram.{operation}")
    node = Node(name="Telegram", type=node_type.type, params=params)
    ctx = StepContext(
        execution_id="test",
        flow=Flow(nodes=[node]),
        node=node,
        attempt=1,
        timeout=5,
        connections=connections,
    )
    return node_type.function(node_type.input_model.model_validate(params), ctx)


def poll(trigger: str, params: dict, connections: Connections, cursor=None):
    node_type = default_registry().get(f"telegram.{trigger}")
    ctx = PollContext(cursor=cursor, credential=connections.secret)
    return node_type.poller(node_type.input_model.model_validate(params), ctx)


def press(update_id: int, data: str, message_id: int = 53) -> dict:
    message = {"message_id": message_id, "date": 1732700100, "chat": CHAT_OBJECT, "from": BOT}
    message["text"] = "Confirm order 1042?"
    query = {
        "id": f"43821{update_id}",
        "from": USER,
        "message": message,
        "chat_instance": "-5381729",
        "data": data,
    }
    return {"update_id": update_id, "callback_query": query}


def text_message(update_id: int, text: str) -> dict:
    message = {"message_id": update_id - 800, "date": 1732700000, "chat": CHAT_OBJECT}
    return {"update_id": update_id, "message": {**message, "from": USER, "text": text}}


def updates(*found: dict) -> dict:
    return {"ok": True, "result": list(found)}


def error(code: int, description: str) -> dict:
    return {"ok": False, "error_code": code, "description": description}


def test_a_button_press_starts_a_flow_that_answers_it_and_edits_the_message(api, connections):
    bot = connect(api, connections, "7000000002:AAbuttonsflow")
    api.respond("getUpdates", json=updates(press(951, "confirm")))
    (item,) = poll("button_pressed", {"connection": bot}, connections, cursor=951).items
    assert item.key == "951"
    assert item.data["data"] == "confirm"
    assert (item.data["chat_id"], item.data["message_id"]) == (CHAT, 53)
    assert item.data["callback_query_id"] == "43821951"
    assert item.data["from"]["first_name"] == "Layla"

    api.respond("answerCallbackQuery", json={"ok": True, "result": True})
    edited = {"message_id": 53, "date": 1732700100, "edit_date": 1732700160, "chat": CHAT_OBJECT}
    api.respond("editMessageText", json={"ok": True, "result": {**edited, "text": "Confirmed"}})
    flow = make_flow(
        [
            ("Pressed", "telegram.button_pressed", {"connection": bot}),
            (
                "Answer",
                "telegram.answer_button",
                {
                    "connection": bot,
                    "callback_query_id": "{{ trigger.callback_query_id }}",
                    "text": "Thanks {{ trigger.from.first_name }}!",
                },
            ),
            (
                "Edit",
                "telegram.edit_message",
                {
                    "connection": bot,
                    "chat_id": "{{ trigger.chat_id }}",
                    "message_id": "{{ trigger.message_id }}",
                    "text": "Order 1042 *confirmed*",
                    "parse_mode": "MarkdownV2",
                    "reply_markup": '{"inline_keyboard": [[{"text": "Track", '
                    '"url": "https://example.com/t/1042"}]]}',
                },
            ),
        ],
        ["Pressed -> Answer", "Answer -> Edit"],
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, item.data)
    assert result.ok, result.error
    assert api.calls("answerCallbackQuery")[0].request.json == {
        "callback_query_id": "43821951",
        "text": "Thanks Layla!",
    }
    assert api.calls("editMessageText")[0].request.json == {
        "chat_id": CHAT,
        "message_id": 53,
        "text": "Order 1042 *confirmed*",
        "parse_mode": "MarkdownV2",
        "reply_markup": {
            "inline_keyboard": [[{"text": "Track", "url": "https://example.com/t/1042"}]]
        },
    }
    assert result.outputs["Edit"]["modified"] is True
    assert result.outputs["Edit"]["text"] == "Confirmed"


def test_a_message_trigger_and_a_button_trigger_of_one_bot_each_get_their_updates(api, connections):
    # getUpdates with an offset confirms, and Telegram deletes, every earlier update, whichever
    # flow asked: the message flow's check must not take the button presses away.
    bot = connect(api, connections, "7000000002:AAsharedstream")
    api.respond("getUpdates", json=updates(text_message(961, "Hi"), press(962, "confirm")))
    messages = poll("new_message", {"connection": bot}, connections, cursor=960)
    assert [i.key for i in messages.items] == ["961"] and messages.cursor == 963

    api.respond("getUpdates", json=updates())  # Telegram has nothing left for the bot
    presses = poll("button_pressed", {"connection": bot}, connections, cursor=960)
    assert [i.key for i in presses.items] == ["962"] and presses.cursor == 963
    bodies = [call.request.json for call in api.calls("getUpdates")]
    assert [b["offset"] for b in bodies] == [960, 963]  # the second confirms nothing anew
    assert all(b["allowed_updates"] == ["message", "callback_query"] for b in bodies)


def test_a_button_trigger_can_wait_for_one_button(api, connections):
    bot = connect(api, connections, "7000000002:AAonebutton")
    api.respond("getUpdates", json=updates(press(971, "cancel"), press(972, "confirm")))
    result = poll("button_pressed", {"connection": bot, "data": "confirm"}, connections, 971)
    assert [i.data["data"] for i in result.items] == ["confirm"]
    assert result.cursor == 973


def test_text_telegram_cannot_format_points_at_the_formatting_setting(api, connections):
    bot = connect(api, connections, "7000000002:AAformatting")
    api.respond(
        "sendMessage",
        json=error(
            400,
            "Bad Request: can't parse entities: Can't find end of the entity starting at "
            "byte offset 11",
        ),
        status=400,
    )
    with pytest.raises(StepError) as caught:
        run(
            "send_message",
            {
                "connection": bot,
                "chat_id": CHAT,
                "text": "Order 1042_A *new",
                "parse_mode": "Markdown",
            },
            connections,
        )
    assert str(caught.value) == (
        "Telegram can't read the formatting of the text (Can't find end of the entity starting "
        "at byte offset 11). Check the step's Formatting setting: choose none to send the text "
        "as it is, or write the text as Formatting expects (MarkdownV2 wants a \\ before signs "
        "such as . ! - ( ) _ *)."
    )
    assert caught.value.setting == "parse_mode"


def test_an_edit_that_changes_nothing_is_not_a_failure(api, connections):
    # The same edit made twice (a retry after a lost answer) leaves the message as it was.
    bot = connect(api, connections, "7000000002:AAnotmodified")
    api.respond(
        "editMessageText",
        json=error(
            400,
            "Bad Request: message is not modified: specified new message content and reply "
            "markup are exactly the same as a current content and reply markup of the message",
        ),
        status=400,
    )
    output = run(
        "edit_message",
        {"connection": bot, "chat_id": str(CHAT), "message_id": "53", "text": "Confirmed"},
        connections,
    )
    assert output == {"message_id": 53, "chat_id": CHAT, "text": "Confirmed", "modified": False}


def test_a_message_id_that_is_not_a_number_stops_before_calling(api, connections):
    bot = connect(api, connections, "7000000002:AAbadid")
    with pytest.raises(StepError, match="Message ID of 'Telegram' should be a number"):
        run(
            "edit_message",
            {"connection": bot, "chat_id": str(CHAT), "message_id": "Layla", "text": "x"},
            connections,
        )
    assert api.calls() == []


def test_answering_a_press_too_late_says_why_and_is_not_repeated(api, connections):
    bot = connect(api, connections, "7000000002:AAtooold")
    api.respond(
        "answerCallbackQuery",
        json=error(
            400,
            "Bad Request: query is too old and response timeout expired or query ID is invalid",
        ),
        status=400,
    )
    with pytest.raises(StepError, match="too old to answer") as caught:
        run("answer_button", {"connection": bot, "callback_query_id": "4382"}, connections)
    assert not isinstance(caught.value, RetryableError)


def test_answering_and_editing_declare_whether_a_repeat_is_safe():
    registry = default_registry()
    assert registry.get("telegram.answer_button").manifest.repeat_safe is False
    assert registry.get("telegram.edit_message").manifest.repeat_safe is True


def test_the_bot_api_description_refuses_an_edit_that_names_no_message(api):
    token = "7000000002:AAcontract"
    no_message = httpx.post(api.url(f"/bot{token}/editMessageText"), json={"text": "Confirmed"})
    misspelt = httpx.post(
        api.url(f"/bot{token}/answerCallbackQuery"),
        json={"callback_query_id": "1", "show_allert": True},
    )
    assert (no_message.status_code, misspelt.status_code) == (400, 400)
    assert len(api.rejected) == 2
    assert "show_allert" in str(api.rejected[1])
    api.rejected.clear()
