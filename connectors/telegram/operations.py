"""Telegram: a bot sends messages, photos and documents, and starts flows on new messages.

Every call is ``POST {base_url}/bot<token>/<method>`` with a JSON body (core.telegram.org/bots/api,
"Making requests"). The token is part of the URL, so no error message or log line shows a URL.
"""

from __future__ import annotations

import json
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
# The token is part of every URL, so no sentence here names a URL.
TELEGRAM = Service(
    "Telegram",
    host="api.telegram.org",
    message_at="description",
    rejected="Telegram: the bot token is wrong — reconnect the bot.",
    unsure="Telegram didn't answer; the message may have been sent, so Flowin didn't send it "
    "again. Check the chat.",
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


def send_photo(params: SendFileInput, ctx: StepContext) -> dict[str, Any]:
    """Send a photo by link or file_id."""
    return _send_file("sendPhoto", "photo", params, ctx)


def send_document(params: SendFileInput, ctx: StepContext) -> dict[str, Any]:
    """Send a file (PDF, ZIP, …) by link or file_id."""
    return _send_file("sendDocument", "document", params, ctx)


def new_message(params: NewMessageInput, ctx: StepContext) -> Any:
    return ctx.trigger_data


def new_message_poll(params: NewMessageInput, ctx: PollContext) -> PollResult:
    """New messages since the last check, via getUpdates and its offset.

    Asking with ``offset`` = last update_id + 1 confirms the earlier updates to Telegram, so
    each update arrives once; the runtime also remembers every key it has seen.
    """
    bot = TelegramBot.model_validate(ctx.credential(params.connection))
    payload: dict[str, Any] = {"timeout": 0, "limit": UPDATES_LIMIT, "allowed_updates": ["message"]}
    if ctx.cursor is not None:
        payload["offset"] = int(ctx.cursor)
    updates = _call(bot, "getUpdates", payload, ctx.timeout, sends=False)
    items = []
    cursor = ctx.cursor
    wanted = params.chat_id.strip()
    for update in updates:
        cursor = max(int(cursor or 0), update["update_id"] + 1)
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
    return _message(_call(bot, method, payload, ctx.remaining, multipart=True))


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
) -> Any:
    """One Bot API call; ``sends`` says a repeat could send a second message."""
    token = bot.bot_token.strip()
    if not token:
        raise AccountRejected("Telegram: the bot token is empty — reconnect the bot.")
    url = f"{bot.base_url.rstrip('/')}/bot{token}/{method}"
    if multipart:
        fields = {key: (None, _field(value)) for key, value in payload.items()}
        response = TELEGRAM.send("POST", url, files=fields, timeout=timeout, sends=sends)
    else:
        response = TELEGRAM.send("POST", url, json=payload, timeout=timeout, sends=sends)
    return _result(response, method, sends)


def _field(value: Any) -> str:
    return json.dumps(value) if isinstance(value, dict | list | bool) else str(value)


def _result(response: httpx.Response, method: str, sends: bool) -> Any:
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
    if status == 400 and "chat not found" in description.lower():
        raise StepError("Telegram: chat not found — has the user started your bot?")
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
