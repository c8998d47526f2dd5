"""Instagram and Messenger direct messages (Meta's Messenger Platform): start flows on the
messages customers send a Facebook Page or the Instagram professional account linked to it,
and answer them.

One connector for both, because Meta serves both through one Page: the same Page access token
sends to a Messenger customer (PSID) and to an Instagram one (IGSID) with the same Send API call
(``POST /{version}/me/messages``, or the Page id's ``messages`` edge), the same app secret signs
both apps' webhooks (``X-Hub-Signature-256``), and the same 24-hour rule holds for both
(developers.facebook.com/docs/messenger-platform/send-messages, "Instagram Messaging"). The
trigger says which app a message came from (``channel``). Meta first checks the webhook address
with a GET handshake that must echo ``hub.challenge``.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from flowin_engine.kit import (
    SECRET,
    GateContext,
    Service,
    StepContext,
    StepError,
    Text,
    WebhookReply,
    WebhookRequest,
    account_field,
    message_in,
    meta_webhook_gate,
    trigger_secret,
)

DEFAULT_BASE_URL = "https://graph.facebook.com"
DEFAULT_VERSION = "v23.0"
TEST_TIMEOUT = 15.0
# Meta's standard messaging window: a Page or Instagram account may answer a person only within
# 24 hours of that person's last message (message tags aside, which need Meta's approval).
WINDOW_SECONDS = 24 * 60 * 60
OUTSIDE_WINDOW = (
    "More than 24 hours have passed since the customer last wrote; Meta lets you answer only "
    "within 24 hours."
)
# Graph API error codes (developers.facebook.com/docs/messenger-platform/error-codes, and the
# Graph API's "Rate limiting" page for the business-use-case codes 80002 and 80006).
TOKEN_ERRORS = frozenset({"190"})
RATE_LIMIT_ERRORS = frozenset({"4", "17", "32", "613", "80002", "80006"})
# Code 10 with these subcodes: "This message is sent outside of allowed window" (2018278, on
# Meta's Messenger error-codes page; 2534022 is the same refusal for an Instagram recipient).
WINDOW_SUBCODES = frozenset({2018278, 2534022})
BAD_TOKEN = (
    "Meta didn't accept the Page access token — copy a new one into the Instagram & Messenger "
    "account."
)
EXPLAINED_ERRORS = {
    551: "This person can't receive messages from the Page right now (they may have blocked it "
    "or turned its messages off).",
    2018001: "Meta found no one with this ID for this Page: reply to the sender_id the New "
    "Instagram or Messenger message trigger gave, with the same Page's account.",
}
PERMISSION_ERRORS = frozenset({"10", "200", "230"})
NO_PERMISSION = (
    "The Page access token may not send messages: give it pages_messaging (and "
    "instagram_manage_messages for Instagram), then copy it into the account again."
)
# The most quick replies a message takes, and their longest title (Messenger Platform, "Quick
# Replies"); the longest text Meta takes (Send API reference, message.text).
MAX_QUICK_REPLIES = 13
QUICK_REPLY_TITLE_LENGTH = 20
MAX_TEXT_LENGTH = 2000
# Meta's refusals, said with what Meta answered (the app shows them translated).
REFUSED_BECAUSE = "{reason} (Meta refused the reply with code {code}: {message}.)"
REFUSED_EXPLAINED = "Meta refused the reply: {reason} (code {code}: {message}.)"
NO_RECIPIENT = (
    "Instagram & Messenger: '{step}' needs the customer's ID under To, e.g. the sender_id of the "
    "message trigger."
)
TOO_MANY_QUICK_REPLIES = (
    "Instagram & Messenger: '{step}' takes up to {most} quick replies; it has {count}."
)
QUICK_REPLY_TOO_LONG = (
    "Instagram & Messenger: each quick reply of '{step}' may be up to {longest} characters; "
    "'{title}' is longer."
)
META = Service(
    "Instagram & Messenger",
    host="graph.facebook.com",
    rejected=BAD_TOKEN,
    unsure="Instagram & Messenger didn't answer; the reply may have been sent, so Flowin didn't "
    "send it again.",
    sentences=(
        OUTSIDE_WINDOW,
        NO_PERMISSION,
        REFUSED_BECAUSE,
        REFUSED_EXPLAINED,
        *EXPLAINED_ERRORS.values(),
        NO_RECIPIENT,
        TOO_MANY_QUICK_REPLIES,
        QUICK_REPLY_TOO_LONG,
    ),
)

Source = Literal["any", "messenger", "instagram"]


class MetaMessagingAccount(BaseModel):
    """A Facebook Page (and the Instagram professional account linked to it) in a Meta app."""

    page_access_token: str = Field(
        title="Page access token",
        description="A Page token with pages_messaging (and instagram_manage_messages for "
        "Instagram), e.g. from a system user in Business Settings.",
        json_schema_extra=SECRET,
    )
    app_secret: str = Field(
        "",
        title="Meta app secret",
        description="In the Meta app: App settings → Basic; Flowin checks with it that each "
        "incoming message was signed by Meta.",
        json_schema_extra=trigger_secret("new_message"),
    )
    verify_token: str = Field(
        "",
        title="Webhook verify token",
        description="A phrase of your choice; type the same one where you paste the webhook "
        "address in the Meta app.",
        json_schema_extra=trigger_secret("new_message"),
    )
    page_id: Text = Field(
        "",
        title="Page ID",
        description="Optional: replies go to this Page's messages; empty, to the token's own "
        "Page (me).",
    )
    api_version: str = Field(DEFAULT_VERSION, title="Meta Graph API version")
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")


def _account() -> Any:
    return account_field("instagram_messenger", "The connected Page.")


class NewMessageInput(BaseModel):
    connection: str | None = _account()
    source: Source = Field(
        "any",
        title="Messages from",
        description="any: messages to the Page on Messenger and to its Instagram account.",
    )


class SendReplyInput(BaseModel):
    connection: str | None = _account()
    recipient_id: Text = Field(
        title="To",
        description="The customer's ID from the message trigger, e.g. {{ trigger.sender_id }}.",
    )
    text: Text = Field(title="Message", min_length=1, max_length=MAX_TEXT_LENGTH)
    quick_replies: list[Text] = Field(
        default_factory=list,
        title="Quick replies",
        description="Up to 13 buttons under the message, up to 20 characters each; the "
        "customer's tap arrives as a new message whose quick_reply is the button's title.",
    )


def test_account(secret: MetaMessagingAccount) -> str:
    """Read the Page's id and name (changes nothing)."""
    page = _call(secret, "GET", "me", None, TEST_TIMEOUT, sends=False, fields="id,name")
    return f"Connected to {page.get('name') or page.get('id') or 'your Page'}."


def new_message(params: NewMessageInput, ctx: StepContext) -> dict[str, Any]:
    """The first message of the webhook (who sent it, its text, its attachments' links, when),
    and every message under 'messages'."""
    messages = _messages((ctx.trigger_data or {}).get("body"), params.source)
    if not messages:
        raise StepError("This Instagram or Messenger webhook carried no message.")
    return {**messages[0], "messages": messages}


def new_message_webhook(
    params: NewMessageInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Answer Meta's verification handshake, check the signature, and skip what is not a new
    message from a customer (the Page's own echoes, read and delivery receipts, reactions)."""
    account = MetaMessagingAccount.model_validate(ctx.credential(params.connection))
    reply = meta_webhook_gate(
        request,
        verify_token=account.verify_token,
        app_secret=account.app_secret,
        service="Instagram & Messenger",
    )
    if reply is not None:
        return reply
    if not _messages(request.json(), params.source):
        # Meta sends these to the same address and retries what isn't answered with a 200.
        return WebhookReply(200, {"ignored": "no new message from a customer"})
    return None


def send_reply(params: SendReplyInput, ctx: StepContext) -> dict[str, Any]:
    """Send a text (and quick replies) to a person who wrote in the last 24 hours."""
    account = MetaMessagingAccount.model_validate(ctx.credential(params.connection))
    recipient = params.recipient_id.strip()
    if not recipient:
        raise StepError(NO_RECIPIENT.format(step=ctx.node.name))
    last_written = _last_written(ctx.trigger_data, recipient)
    if last_written is not None and time.time() - last_written > WINDOW_SECONDS:
        raise StepError(OUTSIDE_WINDOW)
    message: dict[str, Any] = {"text": params.text}
    titles = _quick_replies(params.quick_replies, ctx)
    if titles:
        message["quick_replies"] = [
            {"content_type": "text", "title": title, "payload": title} for title in titles
        ]
    body = {"recipient": {"id": recipient}, "messaging_type": "RESPONSE", "message": message}
    page = account.page_id.strip() or "me"
    answer = _call(account, "POST", f"{page}/messages", body, ctx.remaining, sends=True)
    return {
        "message_id": answer.get("message_id"),
        "recipient_id": answer.get("recipient_id", recipient),
    }


def _quick_replies(values: list[str], ctx: StepContext) -> list[str]:
    titles = [value.strip() for value in values if value.strip()]
    if len(titles) > MAX_QUICK_REPLIES:
        raise StepError(
            TOO_MANY_QUICK_REPLIES.format(
                step=ctx.node.name, most=MAX_QUICK_REPLIES, count=len(titles)
            )
        )
    too_long = [title for title in titles if len(title) > QUICK_REPLY_TITLE_LENGTH]
    if too_long:
        raise StepError(
            QUICK_REPLY_TOO_LONG.format(
                step=ctx.node.name, longest=QUICK_REPLY_TITLE_LENGTH, title=too_long[0]
            )
        )
    return titles


# Calls.


def _call(
    account: MetaMessagingAccount,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    timeout: float,
    *,
    sends: bool,
    **query: str,
) -> dict[str, Any]:
    url = f"{account.base_url.rstrip('/')}/{account.api_version.strip()}/{path}"
    # The token goes in the Authorization header, never in the address, which logs keep.
    headers = {"Authorization": f"Bearer {account.page_access_token.strip()}"}
    response = META.send(
        method, url, json=body, params=query or None, headers=headers, timeout=timeout, sends=sends
    )
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if response.is_success:
        return answer if isinstance(answer, dict) else {}
    code = message_in(answer, "error.code")
    subcode = _number(message_in(answer, "error.error_subcode"))
    message = META.message(response)
    status = response.status_code
    if code in TOKEN_ERRORS:
        status = 401
    elif code in RATE_LIMIT_ERRORS:
        status = 429
    if status in (401, 429) or status >= 500:
        wait = _usage_wait(response.headers) if status == 429 else None
        raise META.failure(response, sends=sends, status=status, message=message, wait=wait)
    if subcode in WINDOW_SUBCODES or (code == "10" and "allowed window" in message.lower()):
        raise StepError(
            REFUSED_BECAUSE.format(reason=OUTSIDE_WINDOW, code=f"{code}/{subcode}", message=message)
        )
    why = EXPLAINED_ERRORS.get(subcode or 0) or EXPLAINED_ERRORS.get(_number(code) or 0)
    if why:
        raise StepError(REFUSED_EXPLAINED.format(reason=why, code=code, message=message))
    if code in PERMISSION_ERRORS:
        raise StepError(REFUSED_BECAUSE.format(reason=NO_PERMISSION, code=code, message=message))
    raise META.failure(response, sends=sends, status=status, message=message)


def _usage_wait(headers: Any) -> float | None:
    """The wait a throttled Graph answer gives: Retry-After when there is one (read by the
    kit), else the longest ``estimated_time_to_regain_access`` (minutes) of its
    X-Business-Use-Case-Usage header (Graph API, "Rate limiting")."""
    if headers.get("retry-after"):
        return None
    try:
        usage = json.loads(headers.get("x-business-use-case-usage") or "{}")
    except ValueError:
        return None
    minutes = [
        entry.get("estimated_time_to_regain_access") or 0
        for entries in (usage.values() if isinstance(usage, dict) else [])
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, dict)
    ]
    longest = max((m for m in minutes if isinstance(m, int | float)), default=0)
    return float(longest) * 60 if longest > 0 else None


def _number(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# Reading webhooks.


def _events(payload: Any) -> list[tuple[str, dict[str, Any]]]:
    """Every messaging event of a webhook payload, with the app it came from: ``entry[].
    messaging[]`` (Messenger Platform), or ``entry[].changes[]`` of field "messages" (the
    Instagram API's own format, which some Instagram webhooks use)."""
    if not isinstance(payload, dict):
        return []
    channel = "instagram" if payload.get("object") == "instagram" else "messenger"
    found = []
    for entry in payload.get("entry") or []:
        if not isinstance(entry, dict):
            continue
        for event in entry.get("messaging") or []:
            if isinstance(event, dict):
                found.append((channel, event))
        for change in entry.get("changes") or []:
            if isinstance(change, dict) and change.get("field") == "messages":
                value = change.get("value")
                if isinstance(value, dict):
                    found.append((channel, value))
    return found


def _messages(payload: Any, source: str = "any") -> list[dict[str, Any]]:
    """The new messages customers sent: not the Page's own (echoes), nor receipts, reactions or
    button postbacks, which carry no "message"; nor a message its sender deleted."""
    found = []
    for channel, event in _events(payload):
        message = event.get("message")
        if not isinstance(message, dict) or message.get("is_echo") or message.get("is_deleted"):
            continue
        if source != "any" and channel != source:
            continue
        attachments = [
            {"type": item.get("type", ""), "url": (item.get("payload") or {}).get("url", "")}
            for item in message.get("attachments") or []
            if isinstance(item, dict)
        ]
        timestamp = event.get("timestamp")
        found.append(
            {
                "message_id": message.get("mid"),
                "channel": channel,
                "sender_id": (event.get("sender") or {}).get("id"),
                "page_id": (event.get("recipient") or {}).get("id"),
                "text": message.get("text") or "",
                "quick_reply": (message.get("quick_reply") or {}).get("payload", ""),
                "attachments": attachments,
                "attachment_urls": [item["url"] for item in attachments if item["url"]],
                "timestamp": timestamp,
                "time": _iso(_seconds(timestamp)),
            }
        )
    return found


def _seconds(timestamp: Any) -> float | None:
    """A webhook's time in seconds: Meta writes milliseconds (13 digits)."""
    if isinstance(timestamp, bool) or not isinstance(timestamp, int | float | str):
        return None
    try:
        value = float(timestamp)
    except ValueError:
        return None
    return value / 1000 if value > 1e11 else value


def _iso(seconds: float | None) -> str:
    return "" if seconds is None else datetime.fromtimestamp(seconds, UTC).isoformat()


def _last_written(trigger_data: Any, recipient: str) -> float | None:
    """When ``recipient`` last wrote, as far as the flow's trigger tells (its webhook's
    messages from that person); None when it doesn't tell."""
    if not isinstance(trigger_data, dict):
        return None
    times = [
        _seconds(message["timestamp"])
        for message in _messages(trigger_data.get("body"))
        if str(message["sender_id"]) == recipient
    ]
    known = [moment for moment in times if moment is not None]
    return max(known) if known else None
