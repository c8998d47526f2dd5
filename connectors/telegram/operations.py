"""Telegram: a bot sends and edits messages, photos and documents, answers button presses, and
starts flows on new messages and on presses of its inline buttons.

Every call is ``POST {base_url}/bot<token>/<method>`` with a JSON body (core.telegram.org/bots/api,
"Making requests"). The token is part of the URL, so no error message or log line shows a URL.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from flowin_engine.kit import (
    SECRET,
    AccountRejected,
    PollContext,
    PolledItem,
    PollResult,
    Service,
    StepContext,
    StepError,
    Text,
    account_field,
    json_value,
)

if TYPE_CHECKING:
    import httpx

DEFAULT_BASE_URL = "https://api.telegram.org"
TEST_TIMEOUT = 15.0
UPDATES_LIMIT = 100
# The kinds of update the bot's triggers start on; asked for by every trigger alike, since
# allowed_updates is a setting of the bot that each getUpdates call changes.
ALLOWED_UPDATES = ["message", "callback_query"]
# How many recent updates of one bot are kept for its other triggers (see _BotUpdates).
KEPT_UPDATES = 1000
FORMATTING_HINT = (
    "Telegram can't read the formatting of the text ({detail}). Check the step's {title} "
    "setting: choose none to send the text as it is, or write the text as {title} expects "
    "(MarkdownV2 wants a \\ before signs such as . ! - ( ) _ *)."
)
CHAT_NOT_FOUND = "Telegram: chat not found — has the user started your bot?"
PRESS_TOO_OLD = (
    "Telegram: the button press is too old to answer (a press must be answered within about 15 "
    "seconds), or it was answered already."
)
# The token is part of every URL, so no sentence here names a URL.
TELEGRAM = Service(
    "Telegram",
    host="api.telegram.org",
    message_at="description",
    rejected="Telegram: the bot token is wrong — reconnect the bot.",
    unsure="Telegram didn't answer; the message may have been sent, so Flowin didn't send it "
    "again. Check the chat.",
    sentences=(FORMATTING_HINT, CHAT_NOT_FOUND, PRESS_TOO_OLD),
)


class TelegramBot(BaseModel):
    """A bot's token from @BotFather."""

    bot_token: str = Field(
        title="Bot token",
        description="The token @BotFather gave you, like 123456789:AAH…",
        json_schema_extra=SECRET,
    )
    base_url: str = Field(
        DEFAULT_BASE_URL,
        title="API address",
        description="Change only for your own Bot API server.",
    )


def _account() -> Any:
    return account_field("telegram", "The connected Telegram bot.")


ParseMode = Literal["none", "MarkdownV2", "HTML", "Markdown"]


class SendMessageInput(BaseModel):
    connection: str | None = _account()
    chat_id: Text = Field(
        title="Chat ID",
        description="The chat's number (e.g. {{ trigger.chat_id }}) or @channelusername.",
    )
    text: Text = Field(title="Text", min_length=1, max_length=4096)
    parse_mode: ParseMode = Field(
        "none", title="Formatting", description="How Telegram reads *bold* or <b>bold</b>."
    )
    reply_markup: Any = Field(
        None,
        title="Buttons",
        description='Keyboard as JSON, e.g. {"inline_keyboard": [[{"text": "Yes", '
        '"callback_data": "yes"}]]}.',
        json_schema_extra={"widget": "json"},
    )
    disable_notification: bool = Field(False, title="Send silently")


class SendFileInput(BaseModel):
    connection: str | None = _account()
    chat_id: Text = Field(title="Chat ID", description="The chat's number or @channelusername.")
    file: Text = Field(
        title="File",
        description="An https:// link to the file, or the file_id of a file Telegram already has.",
    )
    caption: Text = Field("", title="Caption", max_length=1024)
    parse_mode: ParseMode = Field("none", title="Caption formatting")


class AnswerButtonInput(BaseModel):
    connection: str | None = _account()
    callback_query_id: Text = Field(
        title="Button press",
        description="The press to answer: {{ trigger.callback_query_id }} of a Telegram button "
        "pressed trigger.",
    )
    text: Text = Field(
        "",
        title="Notice",
        max_length=200,
        description="A short notice Telegram shows the person (empty: the button just stops "
        "loading).",
    )
    show_alert: bool = Field(
        False, title="Show as an alert", description="A box the person closes, not a notice."
    )


class EditMessageInput(BaseModel):
    connection: str | None = _account()
    chat_id: Text = Field(
        title="Chat ID",
        description="The chat of the message, e.g. {{ trigger.chat_id }}.",
    )
    message_id: Text = Field(
        title="Message ID",
        description="The message to edit, e.g. {{ trigger.message_id }} of a Telegram button "
        "pressed trigger; only the bot's own messages can be edited.",
    )
    text: Text = Field(title="New text", min_length=1, max_length=4096)
    parse_mode: ParseMode = Field(
        "none", title="Formatting", description="How Telegram reads *bold* or <b>bold</b>."
    )
    reply_markup: Any = Field(
        None,
        title="Buttons",
        description='The new inline keyboard as JSON, e.g. {"inline_keyboard": [[{"text": '
        '"Done", "callback_data": "done"}]]}; empty removes the buttons.',
        json_schema_extra={"widget": "json"},
    )


class ButtonPressedInput(BaseModel):
    connection: str | None = _account()
    data: Text = Field(
        "",
        title="Only for button",
        description="The button's callback_data, e.g. confirm; leave empty to start on any button.",
    )


class NewMessageInput(BaseModel):
    connection: str | None = _account()
    chat_id: Text = Field(
        "", title="Only from chat", description="Leave empty to start on messages from any chat."
    )


def test_bot(secret: TelegramBot) -> str:
    """Check the token with getMe (a cheap call that changes nothing)."""
    me = _call(secret, "getMe", {}, timeout=TEST_TIMEOUT, sends=False)
    return f"Connected as @{me.get('username') or me.get('first_name', 'your bot')}."


def send_message(params: SendMessageInput, ctx: StepContext) -> dict[str, Any]:
    """Send a text message; the output is the message Telegram sent."""
    payload: dict[str, Any] = {"chat_id": _chat(params.chat_id), "text": params.text}
    if params.parse_mode != "none":
        payload["parse_mode"] = params.parse_mode
    if params.reply_markup not in (None, "", {}):
        payload["reply_markup"] = _markup(params.reply_markup)
    if params.disable_notification:
        payload["disable_notification"] = True
    return _message(_call(_bot(params.connection, ctx), "sendMessage", payload, ctx.remaining))


def answer_button(params: AnswerButtonInput, ctx: StepContext) -> dict[str, Any]:
    """Answer a button press (answerCallbackQuery): the button stops loading and, with a notice,
    the person sees it. Telegram takes one answer per press, within about 15 seconds."""
    press = params.callback_query_id.strip()
    if not press:
        raise StepError(
            f"Telegram: '{ctx.node.name}' needs the button press to answer, "
            "e.g. {{ trigger.callback_query_id }}."
        )
    payload: dict[str, Any] = {"callback_query_id": press}
    if params.text:
        payload["text"] = params.text
    if params.show_alert:
        payload["show_alert"] = True
    _call(_bot(params.connection, ctx), "answerCallbackQuery", payload, ctx.remaining)
    return {"callback_query_id": press, "answered": True}


def edit_message(params: EditMessageInput, ctx: StepContext) -> dict[str, Any]:
    """Replace a message's text (and its buttons) with editMessageText. The same edit made twice
    leaves the message as the first made it, so a repeat is safe."""
    try:
        message_id = int(params.message_id.strip())
    except ValueError:
        raise StepError(
            f"Telegram: the Message ID of '{ctx.node.name}' should be a number, like "
            f"{{{{ trigger.message_id }}}}; it is '{params.message_id}'."
        ) from None
    chat = _chat(params.chat_id)
    payload: dict[str, Any] = {"chat_id": chat, "message_id": message_id, "text": params.text}
    if params.parse_mode != "none":
        payload["parse_mode"] = params.parse_mode
    if params.reply_markup not in (None, "", {}):
        payload["reply_markup"] = _markup(params.reply_markup)
    bot = _bot(params.connection, ctx)
    try:
        edited = _call(bot, "editMessageText", payload, ctx.remaining, sends=False)
    except MessageNotModified:
        # Already as asked (a repeat of this edit, or the same text): nothing to do.
        return {"message_id": message_id, "chat_id": chat, "text": params.text, "modified": False}
    if not isinstance(edited, dict):  # True for a message sent in inline mode
        return {"message_id": message_id, "chat_id": chat, "text": params.text, "modified": True}
    return {**_message(edited), "modified": True}


def send_photo(params: SendFileInput, ctx: StepContext) -> dict[str, Any]:
    """Send a photo by link or file_id."""
    return _send_file("sendPhoto", "photo", params, ctx)


def send_document(params: SendFileInput, ctx: StepContext) -> dict[str, Any]:
    """Send a file (PDF, ZIP, …) by link or file_id."""
    return _send_file("sendDocument", "document", params, ctx)


def new_message(params: NewMessageInput, ctx: StepContext) -> Any:
    return ctx.trigger_data


def new_message_poll(params: NewMessageInput, ctx: PollContext) -> PollResult:
    """New messages since the last check, via getUpdates and its offset (see ``_updates``)."""
    bot = TelegramBot.model_validate(ctx.credential(params.connection))
    updates, cursor = _updates(bot, ctx)
    items = []
    wanted = params.chat_id.strip()
    for update in updates:
        message = update.get("message")
        if message is None:
            continue
        data = {"update_id": update["update_id"], **_message(message)}
        if wanted and wanted not in (
            str(data["chat_id"]),
            "@" + str(message["chat"].get("username")),
        ):
            continue
        items.append(PolledItem(key=str(update["update_id"]), data=data))
    return PollResult(items=items, cursor=cursor)


def button_pressed(params: ButtonPressedInput, ctx: StepContext) -> Any:
    return ctx.trigger_data


def button_pressed_poll(params: ButtonPressedInput, ctx: PollContext) -> PollResult:
    """Presses of the bot's inline buttons (callback queries) since the last check."""
    bot = TelegramBot.model_validate(ctx.credential(params.connection))
    updates, cursor = _updates(bot, ctx)
    wanted = params.data.strip()
    items = []
    for update in updates:
        press = update.get("callback_query")
        if press is None or (wanted and press.get("data") != wanted):
            continue
        data = {"update_id": update["update_id"], **_press(press)}
        items.append(PolledItem(key=str(update["update_id"]), data=data))
    return PollResult(items=items, cursor=cursor)


# Updates.


@dataclass
class _BotUpdates:
    """One bot's recent updates, shared by its triggers in this process.

    A bot has one stream of updates: getUpdates with ``offset`` confirms (and Telegram deletes)
    every update before it, whichever trigger asked. A flow started on messages and another on
    button presses of the same bot would otherwise take each other's updates away. So each
    trigger keeps its own cursor, and takes its kind of update from what any of them fetched.
    """

    lock: threading.Lock = field(default_factory=threading.Lock)
    next_offset: int | None = None
    recent: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=KEPT_UPDATES))


_BOTS: dict[str, _BotUpdates] = {}
_BOTS_LOCK = threading.Lock()


def _updates(bot: TelegramBot, ctx: PollContext) -> tuple[list[dict[str, Any]], Any]:
    """The bot's updates from ``ctx.cursor`` on (the first check: what getUpdates has now), and
    the next cursor: the last update_id + 1, whose offset confirms the earlier ones to Telegram;
    the runtime also remembers every key it has seen."""
    key = hashlib.sha256(f"{bot.base_url.rstrip('/')} {bot.bot_token.strip()}".encode()).hexdigest()
    with _BOTS_LOCK:
        shared = _BOTS.setdefault(key, _BotUpdates())
    cursor = None if ctx.cursor is None else int(ctx.cursor)
    payload: dict[str, Any] = {
        "timeout": 0,
        "limit": UPDATES_LIMIT,
        "allowed_updates": ALLOWED_UPDATES,
    }
    with shared.lock:
        if cursor is not None:
            payload["offset"] = max(cursor, shared.next_offset or cursor)
        fetched = _call(bot, "getUpdates", payload, ctx.timeout, sends=False)
        known = {update["update_id"] for update in shared.recent}
        for update in fetched:
            if update["update_id"] not in known:
                shared.recent.append(update)
        if fetched:
            last = max(update["update_id"] for update in fetched) + 1
            shared.next_offset = max(last, shared.next_offset or last)
        kept = list(shared.recent)
    if cursor is None:
        updates = fetched
    else:
        updates = sorted(
            (u for u in kept if u["update_id"] >= cursor), key=lambda u: u["update_id"]
        )
    ids = [u["update_id"] + 1 for u in updates]
    return updates, max([*ids, cursor] if cursor is not None else ids, default=ctx.cursor)


# Calls.


def _send_file(method: str, field: str, params: SendFileInput, ctx: StepContext) -> dict[str, Any]:
    file = params.file.strip()
    if not file:
        raise StepError(f"Telegram: '{ctx.node.name}' needs a file link or file_id to send.")
    payload: dict[str, Any] = {"chat_id": _chat(params.chat_id), field: file}
    if params.caption:
        payload["caption"] = params.caption
        if params.parse_mode != "none":
            payload["parse_mode"] = params.parse_mode
    # multipart/form-data is how the Bot API takes files (and the only body its description
    # lists for these methods); a link or file_id is a plain field of it.
    bot = _bot(params.connection, ctx)
    return _message(
        _call(bot, method, payload, ctx.remaining, multipart=True, formatting="Caption formatting")
    )


def _bot(connection: str | None, ctx: StepContext) -> TelegramBot:
    return TelegramBot.model_validate(ctx.credential(connection))


def _chat(chat_id: str) -> int | str:
    """Telegram takes a chat's number as an integer and a channel as '@name'."""
    text = chat_id.strip()
    if not text:
        raise StepError("Telegram needs a Chat ID to send to.")
    try:
        return int(text)
    except ValueError:
        return text


def _markup(value: Any) -> Any:
    return json_value(value, "Telegram: the Buttons field")


def _call(
    bot: TelegramBot,
    method: str,
    payload: dict[str, Any],
    timeout: float,
    *,
    sends: bool = True,
    multipart: bool = False,
    formatting: str = "Formatting",
) -> Any:
    """One Bot API call; ``sends`` says a repeat could send a second message; ``formatting``
    is the title of the step's setting that chose the text's parse_mode."""
    token = bot.bot_token.strip()
    if not token:
        raise AccountRejected("Telegram: the bot token is empty — reconnect the bot.")
    url = f"{bot.base_url.rstrip('/')}/bot{token}/{method}"
    if multipart:
        fields = {key: (None, _field(value)) for key, value in payload.items()}
        response = TELEGRAM.send("POST", url, files=fields, timeout=timeout, sends=sends)
    else:
        response = TELEGRAM.send("POST", url, json=payload, timeout=timeout, sends=sends)
    return _result(response, method, sends, formatting)


def _field(value: Any) -> str:
    return json.dumps(value) if isinstance(value, dict | list | bool) else str(value)


class MessageNotModified(StepError):
    """editMessageText was asked for the text and buttons the message already has."""


def _result(response: httpx.Response, method: str, sends: bool, formatting: str) -> Any:
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if response.status_code == 200 and answer.get("ok"):
        return answer.get("result")
    status = answer.get("error_code") or response.status_code
    description = TELEGRAM.message(response)
    if status == 404:
        # Telegram answers 401 for an unknown token and 404 for one that isn't a token at all.
        status = 401
    lowered = description.lower()
    if status == 400 and "chat not found" in lowered:
        raise StepError(CHAT_NOT_FOUND)
    if status == 400 and "can't parse entities" in lowered:
        detail = description.split("can't parse entities", 1)[1].lstrip(": ") or description
        raise StepError(
            FORMATTING_HINT.format(detail=detail, title=formatting), setting="parse_mode"
        )
    if status == 400 and "message is not modified" in lowered:
        raise MessageNotModified(f"Telegram: {description}.")
    if status == 400 and "query is too old" in lowered:
        raise StepError(PRESS_TOO_OLD)
    if status == 403:
        raise StepError(f"Telegram refused: {description} (the user may have blocked the bot).")
    if status in (401, 429) or status >= 500:
        wait = (answer.get("parameters") or {}).get("retry_after")
        raise TELEGRAM.failure(
            response,
            sends=sends,
            status=status,
            message=description,
            wait=float(wait) if wait is not None else None,
        )
    raise StepError(f"Telegram refused {method}: {description}.")


def _press(press: dict[str, Any]) -> dict[str, Any]:
    """A button press with what flows use lifted to the top: who pressed which button, on which
    message (to answer it and edit that message)."""
    message = press.get("message") or {}
    chat = message.get("chat") or {}
    return {
        "callback_query_id": press.get("id"),
        "data": press.get("data") or "",
        "from": press.get("from") or {},
        "chat_id": chat.get("id"),
        "message_id": message.get("message_id"),
        "message_text": message.get("text") or message.get("caption") or "",
        "inline_message_id": press.get("inline_message_id"),
        "callback_query": press,
    }


def _message(message: dict[str, Any]) -> dict[str, Any]:
    """A message with the fields flows use most lifted to the top."""
    chat = message.get("chat") or {}
    return {
        "message_id": message.get("message_id"),
        "chat_id": chat.get("id"),
        "text": message.get("text") or message.get("caption") or "",
        "from": message.get("from") or {},
        "chat": chat,
        "date": message.get("date"),
        "message": message,
    }
