"""Outlook (Outlook.com, Hotmail, Microsoft 365): send e-mail and start flows on new e-mail.

Sending is Graph's ``sendMail`` action (learn.microsoft.com/graph/api/user-sendmail): the
message as JSON, recipients as ``{"emailAddress": {"address", "name"}}``. Graph answers 202
and keeps no key that would let a repeat be recognised, so a send is never repeated after an
answer that may mean it went. New e-mail is found by listing the inbox's messages received
since the last one seen (``$filter`` on ``receivedDateTime``, oldest first), with their
bodies as plain text (``Prefer: outlook.body-content-type="text"``).
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from email.utils import getaddresses
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
from flowin_engine.kit.mail import addresses
from flowin_engine.kit.microsoft import BASE_SCOPES, TEST_TIMEOUT, GraphAPI, MicrosoftAccount

NAME = "Outlook"
SCOPES = (*BASE_SCOPES, "Mail.Send", "Mail.Read")
LIST_SIZE = 25
# Ids remembered between checks, so a message received in the same second as the last one
# seen is still read once; more than a check ever lists.
REMEMBERED = 200
FIELDS = (
    "id,subject,from,toRecipients,ccRecipients,replyTo,receivedDateTime,bodyPreview,body,"
    "conversationId,internetMessageId,isRead,hasAttachments,webLink"
)
TEXT_BODIES = {"Prefer": 'outlook.body-content-type="text"'}


class OutlookAccount(MicrosoftAccount):
    pass


def _account() -> Any:
    return account_field("outlook", "The connected Outlook account.")


class SendMailInput(BaseModel):
    connection: str | None = _account()
    to: str = Field(title="To", description="One or more addresses, separated by commas.")
    cc: str = Field("", title="Cc")
    bcc: str = Field("", title="Bcc")
    subject: str = Field(title="Subject")
    text: str = Field("", title="Text", json_schema_extra={"widget": "textarea"})
    html: str = Field("", title="HTML", description="Optional; shown by mail apps that can.")
    reply_to: str = Field("", title="Reply to")
    save_to_sent: bool = Field(
        True, title="Keep a copy in Sent Items", description="As Outlook does when you send."
    )


class NewMailInput(BaseModel):
    connection: str | None = _account()
    poll_interval: float = Field(60, title="Check every (seconds)", ge=15)


def sign_in(
    secret: OutlookAccount, open_browser: Callable[[str], Any] = webbrowser.open
) -> OutlookAccount:
    """Sign in with Microsoft in the browser (loopback redirect and PKCE); keeps the tokens."""
    return secret.signed_in(SCOPES, open_browser)


def test_account(secret: OutlookAccount) -> str:
    """Read whose account it is (GET /me)."""
    api = GraphAPI(secret, name=NAME, scopes=SCOPES)
    return f"Connected to {api.me(TEST_TIMEOUT)}."


def send_mail(params: SendMailInput, ctx: StepContext) -> dict[str, Any]:
    """Send one e-mail from the account (Graph's sendMail; not repeated when unsure)."""
    api = GraphAPI.for_step(OutlookAccount, params.connection, ctx, name=NAME, scopes=SCOPES)
    to = _recipients(params.to)
    if not to:
        raise StepError(f"Outlook: '{ctx.node.name}' has no address in To.", setting="to")
    html = params.html.strip()
    message: dict[str, Any] = {
        "subject": params.subject,
        "body": {
            "contentType": "html" if html else "text",
            "content": params.html if html else params.text,
        },
        "toRecipients": to,
    }
    for field, value in (
        ("ccRecipients", params.cc),
        ("bccRecipients", params.bcc),
        ("replyTo", params.reply_to),
    ):
        recipients = _recipients(value)
        if recipients:
            message[field] = recipients
    # The action's parameters as the Graph schema names them (Graph reads any case).
    body = {"Message": message, "SaveToSentItems": params.save_to_sent}
    api.request("POST", "me/sendMail", body=body, timeout=ctx.remaining, sends=True)
    return {
        "sent": True,
        "to": ", ".join(addresses(params.to)),
        "cc": ", ".join(addresses(params.cc)),
        "subject": params.subject,
        "format": message["body"]["contentType"],
    }


def new_mail(params: NewMailInput, ctx: StepContext) -> Any:
    return ctx.trigger_data


def new_mail_poll(params: NewMailInput, ctx: PollContext) -> PollResult:
    """Inbox messages received since the last check, oldest first, each once (keyed by id).

    The cursor keeps the newest ``receivedDateTime`` seen and the ids at or near it: the filter
    is ``ge`` that time, so a message received in the same second is listed again and skipped.
    """
    account = OutlookAccount.model_validate(ctx.credential(params.connection))
    api = GraphAPI(account, name=NAME, scopes=SCOPES)
    cursor = ctx.cursor if isinstance(ctx.cursor, dict) else {}
    since = cursor.get("since")
    seen = list(cursor.get("ids") or [])
    query: dict[str, Any] = {"$top": LIST_SIZE, "$select": FIELDS}
    if since:
        query["$filter"] = f"receivedDateTime ge {since}"
        query["$orderby"] = "receivedDateTime asc"
    else:  # the first check: the newest messages, only noted by the runtime
        query["$orderby"] = "receivedDateTime desc"
    listed = api.request(
        "GET",
        "me/mailFolders/inbox/messages",
        params=query,
        headers=TEXT_BODIES,
        timeout=ctx.timeout,
        what="the inbox",
    )
    messages = [m for m in listed.get("value") or [] if m.get("id")]
    messages.sort(key=lambda m: str(m.get("receivedDateTime") or ""))
    known = set(seen)
    items = [PolledItem(key=m["id"], data=_mail(m)) for m in messages if m["id"] not in known]
    newest = max((str(m.get("receivedDateTime") or "") for m in messages), default="")
    if newest and newest > (since or ""):
        since = newest
    remembered = [*(m["id"] for m in reversed(messages)), *seen]
    unique = list(dict.fromkeys(remembered))[:REMEMBERED]
    return PollResult(items=items, cursor={"since": since, "ids": unique})


def _recipients(text: str) -> list[dict[str, Any]]:
    found = []
    for name, address in getaddresses(addresses(text)):
        email: dict[str, str] = {"address": address}
        if name:
            email["name"] = name
        found.append({"emailAddress": email})
    return found


def _address(recipient: Any) -> str:
    email = (recipient or {}).get("emailAddress") or {}
    name, address = email.get("name") or "", email.get("address") or ""
    if name and address and name != address:
        return f"{name} <{address}>"
    return address or name


def _mail(message: dict[str, Any]) -> dict[str, Any]:
    body = message.get("body") or {}
    text = body.get("content") or "" if body.get("contentType") == "text" else ""
    sender = (message.get("from") or {}).get("emailAddress") or {}
    return {
        "id": message.get("id"),
        "from": _address(message.get("from")),
        "from_address": sender.get("address", ""),
        "from_name": sender.get("name", ""),
        "to": ", ".join(_address(r) for r in message.get("toRecipients") or []),
        "cc": ", ".join(_address(r) for r in message.get("ccRecipients") or []),
        "reply_to": ", ".join(_address(r) for r in message.get("replyTo") or []),
        "subject": message.get("subject") or "",
        "preview": message.get("bodyPreview") or "",
        "text": text,
        "received_at": message.get("receivedDateTime"),
        "conversation_id": message.get("conversationId"),
        "internet_message_id": message.get("internetMessageId"),
        "is_read": message.get("isRead"),
        "has_attachments": message.get("hasAttachments"),
        "web_link": message.get("webLink"),
    }
