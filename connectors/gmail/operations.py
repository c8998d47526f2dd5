"""Gmail: send e-mail from a Google account and start flows on new e-mail.

Sending is ``users.messages.send`` with the whole RFC 2822 message base64url-encoded in
``raw`` (developers.google.com/gmail/api/guides/sending). New e-mail is found by listing the
messages that match a search (``q``, as in Gmail's search box) and reading each new one.
"""

from __future__ import annotations

import base64
import webbrowser
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field

from flowin_engine.kit import (
    PollContext,
    PolledItem,
    PollResult,
    StepContext,
    StepError,
    account_field,
)
from flowin_engine.kit.google import GoogleAccount, GoogleAPI
from flowin_engine.kit.mail import MessageFields, addresses, build_message, describe

DEFAULT_BASE_URL = "https://gmail.googleapis.com"
SCOPES = (
    "https://www.googleapis.com/auth/gmail.send",
    "https://www.googleapis.com/auth/gmail.readonly",
)
TEST_TIMEOUT = 15.0
LIST_SIZE = 25
# Ids remembered between checks, so a message is read once; more than a check ever lists.
REMEMBERED = 500


class GmailAccount(GoogleAccount):
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")


def _account() -> Any:
    return account_field("gmail", "The connected Gmail account.")


class SendEmailInput(MessageFields):
    connection: str | None = _account()


class NewEmailInput(BaseModel):
    connection: str | None = _account()
    query: str = Field(
        "in:inbox",
        title="Only e-mails matching",
        description="A Gmail search, e.g. from:shop@example.com has:attachment is:unread.",
    )
    poll_interval: float = Field(60, title="Check every (seconds)", ge=15)


def sign_in(
    secret: GmailAccount, open_browser: Callable[[str], Any] = webbrowser.open
) -> GmailAccount:
    """Sign in with Google in the browser (loopback redirect and PKCE); keeps the tokens."""
    return secret.signed_in(SCOPES, open_browser)


def test_account(secret: GmailAccount) -> str:
    """Read the mailbox's profile: a cheap call that shows whose mailbox it is."""
    api = GoogleAPI(secret, name="Gmail", base_url=DEFAULT_BASE_URL, scopes=SCOPES)
    profile = api.request("GET", "gmail/v1/users/me/profile", timeout=TEST_TIMEOUT)
    return f"Connected to {profile.get('emailAddress', 'Gmail')}."


def send_email(params: SendEmailInput, ctx: StepContext) -> dict[str, Any]:
    """Send one e-mail from the account; the output has Gmail's message and thread ids."""
    api = GoogleAPI.for_step(
        GmailAccount, params.connection, ctx, name="Gmail", base_url=DEFAULT_BASE_URL, scopes=SCOPES
    )
    sender = _sender(api)
    message = build_message(
        sender=sender,
        to=addresses(params.to),
        cc=addresses(params.cc),
        subject=params.subject,
        text=params.text,
        html=params.html,
        reply_to=params.reply_to,
        attachments=params.attachments,
        timeout=ctx.remaining,
    )
    bcc = addresses(params.bcc)
    if bcc:
        # Gmail takes Bcc from the message and removes the header before delivering it.
        message["Bcc"] = ", ".join(bcc)
    raw = base64.urlsafe_b64encode(message.as_bytes()).decode("ascii")
    sent = api.request(
        "POST",
        "gmail/v1/users/me/messages/send",
        body={"raw": raw},
        timeout=ctx.remaining,
        sends=True,
    )
    return {
        "id": sent.get("id"),
        "thread_id": sent.get("threadId"),
        "label_ids": sent.get("labelIds", []),
        **describe(message),
    }


def new_email(params: NewEmailInput, ctx: StepContext) -> Any:
    return ctx.trigger_data


def new_email_poll(params: NewEmailInput, ctx: PollContext) -> PollResult:
    """Messages matching the search that weren't listed before, oldest first, keyed by id."""
    account = GmailAccount.model_validate(ctx.credential(params.connection))
    api = GoogleAPI(account, name="Gmail", base_url=DEFAULT_BASE_URL, scopes=SCOPES)
    query: dict[str, Any] = {"maxResults": LIST_SIZE}
    if params.query.strip():
        query["q"] = params.query.strip()
    listed = api.request("GET", "gmail/v1/users/me/messages", params=query, timeout=ctx.timeout)
    ids = [m["id"] for m in listed.get("messages") or [] if m.get("id")]
    seen = set(ctx.cursor or [])
    items = []
    for message_id in reversed(ids):  # Gmail lists the newest first
        if message_id in seen:
            continue
        message = api.request(
            "GET",
            f"gmail/v1/users/me/messages/{message_id}",
            params={"format": "full"},
            timeout=ctx.timeout,
            what="the e-mail",
        )
        items.append(PolledItem(key=message_id, data=_email(message)))
    remembered = [*ids, *(i for i in (ctx.cursor or []) if i not in set(ids))][:REMEMBERED]
    return PollResult(items=items, cursor=remembered)


def _sender(api: GoogleAPI) -> str:
    if api.account.auth_type == "service_account":
        if not api.account.delegated_user:
            raise StepError(
                "Gmail: a service account has no mailbox; fill in 'Act as user' with the "
                "Workspace user to send as (domain-wide delegation)."
            )
        return api.account.delegated_user
    profile = api.request("GET", "gmail/v1/users/me/profile")
    return str(profile.get("emailAddress") or "me")


def _email(message: dict[str, Any]) -> dict[str, Any]:
    payload = message.get("payload") or {}
    headers = {h.get("name", "").lower(): h.get("value", "") for h in payload.get("headers") or []}
    text, html = _bodies(payload)
    return {
        "id": message.get("id"),
        "thread_id": message.get("threadId"),
        "from": headers.get("from", ""),
        "to": headers.get("to", ""),
        "subject": headers.get("subject", ""),
        "date": headers.get("date", ""),
        "snippet": message.get("snippet", ""),
        "text": text,
        "html": html,
        "label_ids": message.get("labelIds", []),
        "attachments": [part.get("filename") for part in _parts(payload) if part.get("filename")],
    }


def _parts(part: dict[str, Any]) -> list[dict[str, Any]]:
    found = [part]
    for child in part.get("parts") or []:
        found += _parts(child)
    return found


def _bodies(payload: dict[str, Any]) -> tuple[str, str]:
    text = html = ""
    for part in _parts(payload):
        if part.get("filename"):
            continue
        data = (part.get("body") or {}).get("data")
        if not data:
            continue
        decoded = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)).decode("utf-8", "replace")
        if part.get("mimeType") == "text/plain" and not text:
            text = decoded
        elif part.get("mimeType") == "text/html" and not html:
            html = decoded
    return text, html
