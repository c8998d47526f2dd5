"""Slack: post and update messages, message people by e-mail, and start flows on messages
(Events API).

Web API calls are ``POST {base_url}/<method>`` with ``Authorization: Bearer xoxb-…`` and a JSON
body (api.slack.com/web). Slack answers most failures with 200 and ``{"ok": false, "error"}``.
Events arrive signed: ``X-Slack-Signature`` = "v0=" + HMAC-SHA256(signing secret,
"v0:{X-Slack-Request-Timestamp}:{body}") (api.slack.com/authentication/verifying-requests-from-slack).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from flowin_engine.kit import (
    SECRET,
    AccountRejected,
    GateContext,
    Service,
    StepContext,
    StepError,
    Text,
    WebhookRejected,
    WebhookReply,
    WebhookRequest,
    account_field,
    fresh_timestamp,
    json_value,
    require_signature,
    retry_after,
    too_many_requests,
    trigger_secret,
)

DEFAULT_BASE_URL = "https://slack.com/api"
TEST_TIMEOUT = 15.0
BAD_TOKEN_ERRORS = frozenset(
    {"invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive"}
)
BAD_TOKEN = "Slack: the bot token is wrong or was revoked — reconnect Slack."
NO_SUCH_PERSON = "Slack: no one in the workspace has the e-mail address '{email}'."
MISSING_SCOPE = (
    "Slack: the app may not do {method} yet — add {needed} under OAuth & Permissions → Scopes, "
    "reinstall the app to the workspace, and copy its new bot token."
)
CANT_CHANGE = (
    "Slack can't change that message ({error}): check its Channel and Message ts; the app can "
    "change only messages it posted."
)
SLACK = Service(
    "Slack",
    host="slack.com",
    message_at="error",
    rejected=BAD_TOKEN,
    unsure="Slack didn't answer; the message may have been posted, so Flowin didn't post it again.",
    sentences=(NO_SUCH_PERSON, MISSING_SCOPE, CANT_CHANGE),
)
# Message subtypes that are edits, joins or bots rather than someone writing.
IGNORED_SUBTYPES = frozenset(
    {"bot_message", "message_changed", "message_deleted", "channel_join", "channel_leave"}
)


class SlackApp(BaseModel):
    bot_token: str = Field(
        title="Bot token", description="xoxb-… from OAuth & Permissions.", json_schema_extra=SECRET
    )
    signing_secret: str = Field(
        "",
        title="Signing secret",
        description="Basic Information → App Credentials; checks events.",
        json_schema_extra=trigger_secret("new_message"),
    )
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")


def _account() -> Any:
    return account_field("slack", "The connected Slack app.")


class PostMessageInput(BaseModel):
    connection: str | None = _account()
    channel: Text = Field(
        title="Channel", description="A channel ID (C…), a user ID for a DM, or #name."
    )
    text: Text = Field(
        "", title="Text", description="The message; also the notification text when Blocks are set."
    )
    blocks: Any = Field(
        None,
        title="Blocks",
        description="Block Kit JSON (a list of blocks).",
        json_schema_extra={"widget": "json"},
    )
    thread_ts: Text = Field(
        "",
        title="Reply in thread",
        description="The ts of the parent message, e.g. {{ trigger.ts }}.",
    )


class UpdateMessageInput(BaseModel):
    connection: str | None = _account()
    channel: Text = Field(
        title="Channel",
        description="The channel ID (C…) of the message, e.g. {{ steps['Post'].output.channel }}.",
    )
    ts: Text = Field(
        title="Message ts",
        description="The message's ts, e.g. {{ steps['Post'].output.ts }}; the app can change "
        "only its own messages.",
    )
    text: Text = Field(
        "", title="New text", description="Also the notification text when Blocks are set."
    )
    blocks: Any = Field(
        None,
        title="Blocks",
        description="Block Kit JSON (a list of blocks); empty keeps the message's blocks.",
        json_schema_extra={"widget": "json"},
    )


class MessageByEmailInput(BaseModel):
    connection: str | None = _account()
    email: Text = Field(
        title="E-mail",
        description="The e-mail address of a person in the workspace, e.g. layla@shop.com.",
    )
    text: Text = Field("", title="Text", description="The message.")
    blocks: Any = Field(
        None,
        title="Blocks",
        description="Block Kit JSON (a list of blocks).",
        json_schema_extra={"widget": "json"},
    )


class NewMessageInput(BaseModel):
    connection: str | None = _account()
    channel: Text = Field(
        "",
        title="Only in channel",
        description="A channel ID; empty for every channel the app is in.",
    )


def test_app(secret: SlackApp) -> str:
    """auth.test: checks the token and names the workspace."""
    answer = _call(secret, "auth.test", None, TEST_TIMEOUT, sends=False)
    return f"Connected to {answer.get('team', 'Slack')} as {answer.get('user', 'the bot')}."


def post_message(params: PostMessageInput, ctx: StepContext) -> dict[str, Any]:
    """Post a message; the output has its channel and ts (to reply in its thread later)."""
    app = SlackApp.model_validate(ctx.credential(params.connection))
    body: dict[str, Any] = {"channel": params.channel.strip()}
    if not body["channel"]:
        raise StepError("Slack needs a channel to post to.")
    _content(body, params.text, params.blocks)
    if params.thread_ts.strip():
        body["thread_ts"] = params.thread_ts.strip()
    answer = _call(app, "chat.postMessage", body, ctx.remaining, sends=True)
    return {
        "channel": answer.get("channel"),
        "ts": answer.get("ts"),
        "message": answer.get("message") or {},
    }


def update_message(params: UpdateMessageInput, ctx: StepContext) -> dict[str, Any]:
    """chat.update: a message's new text or blocks. The same update made twice leaves the
    message as the first made it, so a repeat is safe."""
    app = SlackApp.model_validate(ctx.credential(params.connection))
    body: dict[str, Any] = {"channel": params.channel.strip(), "ts": params.ts.strip()}
    if not body["channel"] or not body["ts"]:
        raise StepError(
            f"Slack: '{ctx.node.name}' needs the Channel and the Message ts of the message to "
            "change (a Post a message step's output has both)."
        )
    _content(body, params.text, params.blocks)
    answer = _call(app, "chat.update", body, ctx.remaining, sends=False)
    return {
        "channel": answer.get("channel"),
        "ts": answer.get("ts"),
        "text": answer.get("text", params.text),
        "message": answer.get("message") or {},
    }


def message_by_email(params: MessageByEmailInput, ctx: StepContext) -> dict[str, Any]:
    """Find the person by e-mail (users.lookupByEmail), then message them directly
    (chat.postMessage to their user ID opens the direct message with the app)."""
    app = SlackApp.model_validate(ctx.credential(params.connection))
    address = params.email.strip()
    if "@" not in address:
        raise StepError(
            f"Slack: '{ctx.node.name}' needs an e-mail address to find the person by; it has "
            f"'{address}'."
        )
    body: dict[str, Any] = {}
    _content(body, params.text, params.blocks)
    found = _call(
        app, "users.lookupByEmail", None, ctx.remaining, sends=False, query={"email": address}
    )
    user = found.get("user") or {}
    body = {"channel": user.get("id"), **body}
    answer = _call(app, "chat.postMessage", body, ctx.remaining, sends=True)
    return {
        "user_id": user.get("id"),
        "user_name": user.get("real_name") or user.get("name") or "",
        "channel": answer.get("channel"),
        "ts": answer.get("ts"),
        "message": answer.get("message") or {},
    }


def new_message(params: NewMessageInput, ctx: StepContext) -> dict[str, Any]:
    """The message event: who wrote what, where."""
    event = _event((ctx.trigger_data or {}).get("body"))
    return {
        "text": event.get("text", ""),
        "user": event.get("user"),
        "channel": event.get("channel"),
        "ts": event.get("ts"),
        "thread_ts": event.get("thread_ts"),
        "team": event.get("team"),
        "event": event,
    }


def new_message_webhook(
    params: NewMessageInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Check Slack's signature and its age, answer the URL check, skip retries and bots."""
    if request.method != "POST":
        raise WebhookRejected("Slack sends events with POST.", status=405)
    app = SlackApp.model_validate(ctx.credential(params.connection))
    timestamp = request.header("x-slack-request-timestamp") or ""
    if not fresh_timestamp(timestamp):
        raise WebhookRejected("Slack: the request is too old or has no timestamp; it was ignored.")
    require_signature(
        app.signing_secret,
        b"v0:" + timestamp.encode() + b":" + request.body,
        request.header("x-slack-signature"),
        service="Slack",
        prefix="v0=",
    )
    payload = request.json() or {}
    if payload.get("type") == "url_verification":
        return WebhookReply(200, {"challenge": payload.get("challenge", "")})
    if request.header("x-slack-retry-num"):
        # Slack repeats an event it thinks we missed; the first delivery already started a run.
        return WebhookReply(200, {"ignored": "retry"})
    event = _event(payload)
    wanted = params.channel.strip()
    if (
        payload.get("type") != "event_callback"
        or event.get("type") != "message"
        or event.get("bot_id")
        or event.get("subtype") in IGNORED_SUBTYPES
        or (wanted and event.get("channel") != wanted)
    ):
        return WebhookReply(200, {"ignored": "not a new message"})
    return None


def _event(payload: Any) -> dict[str, Any]:
    event = payload.get("event") if isinstance(payload, dict) else None
    return event if isinstance(event, dict) else {}


def _blocks(value: Any) -> Any:
    return json_value(value, "Slack: the Blocks field")


def _content(body: dict[str, Any], text: str, blocks: Any) -> None:
    """A message's text and blocks into ``body``; Slack needs one of them."""
    if text:
        body["text"] = text
    if blocks not in (None, "", []):
        body["blocks"] = _blocks(blocks)
    if "text" not in body and "blocks" not in body:
        raise StepError("Slack needs a Text or Blocks to post.")


def _call(
    app: SlackApp,
    method: str,
    body: dict[str, Any] | None,
    timeout: float,
    *,
    sends: bool,
    query: dict[str, str] | None = None,
) -> dict[str, Any]:
    url = f"{app.base_url.rstrip('/')}/{method}"
    headers = {"Authorization": f"Bearer {app.bot_token.strip()}"}
    if body is None:
        # Read-only methods (auth.test, users.lookupByEmail) are documented as GET.
        response = SLACK.send("GET", url, params=query, headers=headers, timeout=timeout)
    else:
        response = SLACK.send("POST", url, json=body, headers=headers, timeout=timeout, sends=sends)
    if response.status_code == 429 or response.status_code >= 500:
        raise SLACK.failure(response, sends=sends)
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if not isinstance(answer, dict):
        answer = {}
    if answer.get("ok"):
        return answer
    # Slack answers most failures with 200 and {"ok": false, "error": "channel_not_found"}.
    error = str(answer.get("error") or response.reason_phrase)
    if response.status_code == 401 or error in BAD_TOKEN_ERRORS:
        raise AccountRejected(BAD_TOKEN)
    if error == "ratelimited":
        raise too_many_requests("Slack", retry_after(response.headers.get("retry-after")))
    if error == "channel_not_found":
        raise StepError(
            "Slack: channel not found — check the channel ID and that the app can see it."
        )
    if error == "not_in_channel":
        raise StepError("Slack: the app isn't in that channel — invite it with /invite @your-app.")
    if error == "missing_scope":
        needed = answer.get("needed") or "the scope this step needs"
        raise StepError(MISSING_SCOPE.format(method=method, needed=needed), setting="connection")
    if error == "users_not_found":
        raise StepError(NO_SUCH_PERSON.format(email=(query or {}).get("email")))
    if error in ("message_not_found", "cant_update_message", "edit_window_closed"):
        raise StepError(CANT_CHANGE.format(error=error))
    raise StepError(f"Slack refused {method}: {error}.")
