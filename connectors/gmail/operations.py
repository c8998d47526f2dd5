"""Gmail: send e-mail and replies in their thread, label messages, and start flows on new e-mail.

Sending is ``users.messages.send`` with the whole RFC 2822 message base64url-encoded in
``raw`` (developers.google.com/gmail/api/guides/sending); a reply also names the ``threadId``
and carries In-Reply-To and References (RFC 5322 3.6.4), which Gmail needs to thread it. New
e-mail is found by listing the messages that match a search (``q``, as in Gmail's search box)
and reading each new one.
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
from flowin_engine.kit.mail import (
    Attachment,
    MessageFields,
    addresses,
    bare,
    build_message,
    describe,
)

DEFAULT_BASE_URL = "https://gmail.googleapis.com"
SCOPES = (
    "https://www.googleapis.com/auth/gmail.send",
    "https://www.googleapis.com/auth/gmail.readonly",
    # Adding and removing a message's labels (users.messages.modify).
    "https://www.googleapis.com/auth/gmail.modify",
)
TEST_TIMEOUT = 15.0
LIST_SIZE = 25
# Ids remembered between checks, so a message is read once; more than a check ever lists.
REMEMBERED = 500
# The largest attachment whose content a new e-mail brings (it is kept in the run's history).
MAX_READ_ATTACHMENT = 10 * 1024 * 1024
# The headers a reply is made from.
REPLY_HEADERS = ["Subject", "From", "Reply-To", "To", "Cc", "Message-ID", "References"]
# Labels every mailbox has, by the names people use (Gmail's ids for them).
SYSTEM_LABELS = ("INBOX", "UNREAD", "STARRED", "IMPORTANT", "SPAM", "TRASH", "SENT", "DRAFT")


class GmailAccount(GoogleAccount):
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")


def _account() -> Any:
    return account_field("gmail", "The connected Gmail account.")


class SendEmailInput(MessageFields):
    connection: str | None = _account()


class ReplyEmailInput(BaseModel):
    connection: str | None = _account()
    message_id: str = Field(
        title="E-mail to answer",
        description="The Gmail id of the e-mail, e.g. {{ trigger.id }} of a New e-mail trigger.",
    )
    reply_all: bool = Field(False, title="Reply to all", description="Also to its To and Cc.")
    text: str = Field("", title="Text", json_schema_extra={"widget": "textarea"})
    html: str = Field("", title="HTML", description="Optional; shown by mail apps that can.")
    attachments: list[Attachment] = Field(default_factory=list, title="Attachments")


class ChangeLabelsInput(BaseModel):
    connection: str | None = _account()
    message_id: str = Field(
        title="E-mail", description="The Gmail id of the e-mail, e.g. {{ trigger.id }}."
    )
    add: list[str] = Field(
        default_factory=list,
        title="Add labels",
        description="Label names, e.g. Orders, STARRED, IMPORTANT.",
    )
    remove: list[str] = Field(
        default_factory=list,
        title="Remove labels",
        description="Label names, e.g. UNREAD (marks it read) or INBOX (archives it).",
    )


class NewEmailInput(BaseModel):
    connection: str | None = _account()
    query: str = Field(
        "in:inbox",
        title="Only e-mails matching",
        description="A Gmail search, e.g. from:shop@example.com has:attachment is:unread.",
    )
    read_attachments: bool = Field(
        False,
        title="Read attachments",
        description="Put each attachment's content in files (up to 10 MB each), to save or "
        "forward it, e.g. Attachments = {{ trigger.files }}.",
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
    api = _api(params.connection, ctx)
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
    return _send(api, message, None, ctx)


def reply_email(params: ReplyEmailInput, ctx: StepContext) -> dict[str, Any]:
    """Answer an e-mail in its conversation: to its sender (or Reply-To), "Re:" its subject,
    In-Reply-To and References its Message-ID, sent into its thread."""
    api = _api(params.connection, ctx)
    message_id = params.message_id.strip()
    if not message_id:
        raise StepError(
            f"Gmail: '{ctx.node.name}' needs the e-mail to answer, e.g. {{{{ trigger.id }}}}."
        )
    original = api.request(
        "GET",
        f"gmail/v1/users/me/messages/{message_id}",
        params={"format": "metadata", "metadataHeaders": REPLY_HEADERS},
        timeout=ctx.remaining,
        what="the e-mail to answer",
    )
    headers = _headers(original.get("payload") or {})
    sender = _sender(api)
    to = addresses(headers.get("reply-to") or headers.get("from"))
    cc: list[str] = []
    if params.reply_all:
        mine = {a.lower() for a in bare([sender, *to])}
        others = addresses(", ".join(filter(None, [headers.get("to"), headers.get("cc")])))
        cc = [a for a in others if bare([a])[0].lower() not in mine]
    subject = headers.get("subject", "")
    if not subject.lower().startswith("re:"):
        subject = f"Re: {subject}".strip()
    message = build_message(
        sender=sender,
        to=to,
        cc=cc,
        subject=subject,
        text=params.text,
        html=params.html,
        attachments=params.attachments,
        timeout=ctx.remaining,
    )
    answered = headers.get("message-id", "")
    if answered:
        message["In-Reply-To"] = answered
        message["References"] = " ".join(filter(None, [headers.get("references"), answered]))
    return {**_send(api, message, original.get("threadId"), ctx), "in_reply_to": answered}


def change_labels(params: ChangeLabelsInput, ctx: StepContext) -> dict[str, Any]:
    """Add and remove an e-mail's labels by name (users.messages.modify). Setting labels twice
    leaves them as the first time did, so a repeat is safe."""
    api = _api(params.connection, ctx)
    add = [n.strip() for n in params.add if n.strip()]
    remove = [n.strip() for n in params.remove if n.strip()]
    if not add and not remove:
        raise StepError(f"Gmail: '{ctx.node.name}' has no label to add or remove.")
    known = (
        api.request("GET", "gmail/v1/users/me/labels", timeout=ctx.remaining).get("labels") or []
    )
    body = {"addLabelIds": _label_ids(add, known), "removeLabelIds": _label_ids(remove, known)}
    try:
        changed = api.request(
            "POST",
            f"gmail/v1/users/me/messages/{params.message_id.strip()}/modify",
            body={key: value for key, value in body.items() if value},
            timeout=ctx.remaining,
            what="the e-mail",
        )
    except StepError as error:
        if "insufficient authentication scopes" in str(error).lower():
            raise StepError(
                "Gmail: the account was connected before Flowin could change labels; sign in "
                "to it again in Accounts to allow it.",
                setting="connection",
            ) from None
        raise
    return {
        "id": changed.get("id"),
        "thread_id": changed.get("threadId"),
        "label_ids": changed.get("labelIds", []),
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
        data = _email(message)
        data["files"] = _files(api, message, params.read_attachments, ctx.timeout)
        items.append(PolledItem(key=message_id, data=data))
    remembered = [*ids, *(i for i in (ctx.cursor or []) if i not in set(ids))][:REMEMBERED]
    return PollResult(items=items, cursor=remembered)


def _api(connection: str | None, ctx: StepContext) -> GoogleAPI:
    return GoogleAPI.for_step(
        GmailAccount, connection, ctx, name="Gmail", base_url=DEFAULT_BASE_URL, scopes=SCOPES
    )


def _send(api: GoogleAPI, message: Any, thread_id: str | None, ctx: StepContext) -> dict[str, Any]:
    raw = base64.urlsafe_b64encode(message.as_bytes()).decode("ascii")
    body: dict[str, Any] = {"raw": raw}
    if thread_id:
        body["threadId"] = thread_id
    sent = api.request(
        "POST",
        "gmail/v1/users/me/messages/send",
        body=body,
        timeout=ctx.remaining,
        sends=True,
    )
    return {
        "id": sent.get("id"),
        "thread_id": sent.get("threadId"),
        "label_ids": sent.get("labelIds", []),
        **describe(message),
    }


def _label_ids(names: list[str], known: list[dict[str, Any]]) -> list[str]:
    """Gmail's ids for label names (case aside), or for ids given as they are."""
    by_name = {str(label.get("name", "")).lower(): label.get("id") for label in known}
    by_id = {label.get("id") for label in known}
    ids = []
    for name in names:
        if name in by_id:
            ids.append(name)
        elif name.lower() in by_name:
            ids.append(by_name[name.lower()])
        elif name.upper() in SYSTEM_LABELS:
            ids.append(name.upper())
        else:
            own = sorted(str(label.get("name")) for label in known if label.get("type") == "user")
            listed = f"; its own labels are {', '.join(own)}" if own else ""
            raise StepError(
                f"Gmail: the mailbox has no label '{name}'{listed}. Create it in Gmail first, "
                "or check its spelling."
            )
    return ids


def _files(
    api: GoogleAPI, message: dict[str, Any], read: bool, timeout: float
) -> list[dict[str, Any]]:
    """The e-mail's attachments in the shape an e-mail step's Attachments take; their content
    only when asked (each is one more call, and it is kept in the run's history)."""
    files = []
    for part in _parts(message.get("payload") or {}):
        if not part.get("filename"):
            continue
        body = part.get("body") or {}
        file = {
            "filename": part["filename"],
            "content_type": part.get("mimeType", ""),
            "size": body.get("size", 0),
            "content_base64": "",
        }
        if read and int(body.get("size") or 0) <= MAX_READ_ATTACHMENT:
            data = body.get("data")
            if not data and body.get("attachmentId"):
                data = api.request(
                    "GET",
                    f"gmail/v1/users/me/messages/{message.get('id')}/attachments/"
                    f"{body['attachmentId']}",
                    timeout=timeout,
                    what="the attachment",
                ).get("data")
            if data:
                # Gmail gives base64url; the Attachments field reads standard base64.
                content = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
                file["content_base64"] = base64.b64encode(content).decode("ascii")
        files.append(file)
    return files


def _headers(payload: dict[str, Any]) -> dict[str, str]:
    return {h.get("name", "").lower(): h.get("value", "") for h in payload.get("headers") or []}


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
    headers = _headers(payload)
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
