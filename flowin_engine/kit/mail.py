"""An RFC 5322 e-mail built from a step's fields: text, HTML alternative, attachments.

Shared by the E-mail connector's SMTP sender and by Gmail, which sends the same message base64url-encoded.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
from email.message import EmailMessage
from email.utils import formataddr, getaddresses, make_msgid
from typing import Any

from pydantic import BaseModel, Field

from ..errors import RetryableError, StepError
from ._client import MB, AnswerTooLarge, answer_limit, service_client

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


class Attachment(BaseModel):
    """One file to attach: its content as base64 text, or a link Flowin downloads."""

    filename: str = Field("", title="File name", description="e.g. invoice.pdf")
    content_base64: str = Field("", title="Content (base64)")
    url: str = Field("", title="Link", description="An https:// link to download the file from.")
    content_type: str = Field(
        "", title="Type", description="e.g. application/pdf; guessed if empty."
    )


class MessageFields(BaseModel):
    """The fields of an e-mail to send, the same for every connector that sends one; a step's
    input adds its Account by giving ``connection`` its connector's field (it stays first)."""

    connection: str | None = None
    to: str = Field(title="To", description="One or more addresses, separated by commas.")
    cc: str = Field("", title="Cc")
    bcc: str = Field("", title="Bcc")
    subject: str = Field(title="Subject")
    text: str = Field("", title="Text", json_schema_extra={"widget": "textarea"})
    html: str = Field("", title="HTML", description="Optional; shown by mail apps that can.")
    reply_to: str = Field("", title="Reply to")
    attachments: list[Attachment] = Field(default_factory=list, title="Attachments")


def addresses(text: str | list[str] | None) -> list[str]:
    """E-mail addresses from "a@x.com, Layla <b@y.com>" or a list of them, names kept."""
    if not text:
        return []
    parts = text if isinstance(text, list) else [text]
    found = [(name, address) for name, address in getaddresses([str(p) for p in parts]) if address]
    for _, address in found:
        if "@" not in address:
            raise StepError(f"'{address}' is not an e-mail address (it has no @).")
    return [formataddr(pair) for pair in found]


def bare(addresses: list[str]) -> list[str]:
    """Only the addresses, as the mail server's envelope takes them."""
    return [address for _, address in getaddresses(addresses) if address]


def build_message(
    *,
    sender: str,
    to: list[str],
    subject: str,
    text: str = "",
    html: str = "",
    cc: list[str] = (),  # type: ignore[assignment]
    reply_to: str = "",
    attachments: list[Attachment] = (),  # type: ignore[assignment]
    timeout: float = 30.0,
) -> EmailMessage:
    """The message with a text part, an HTML alternative when given, then the attachments.

    Bcc recipients are never written into the message; the sender passes them to the server.
    """
    if not to and not cc:
        raise StepError("The e-mail needs at least one recipient in To.")
    message = EmailMessage()
    message["From"] = sender
    if to:
        message["To"] = ", ".join(to)
    if cc:
        message["Cc"] = ", ".join(cc)
    if reply_to:
        message["Reply-To"] = reply_to
    message["Subject"] = subject
    domain = sender.rpartition("@")[2].strip("> ") or None
    message["Message-ID"] = make_msgid(domain=domain)
    if html and not text:
        text = "This message is in HTML; open it in a mail app that shows HTML."
    message.set_content(text or "")
    if html:
        message.add_alternative(html, subtype="html")
    for attachment in attachments:
        content, maintype, subtype, filename = _attachment(attachment, timeout)
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    return message


def sender_address(address: str, name: str = "") -> str:
    return formataddr((name, address)) if name else address


def _attachment(attachment: Attachment, timeout: float) -> tuple[bytes, str, str, str]:
    filename = attachment.filename.strip()
    if attachment.content_base64.strip():
        try:
            content = base64.b64decode(attachment.content_base64.strip(), validate=False)
        except (binascii.Error, ValueError):
            raise StepError(
                f"The attachment '{filename or 'file'}' is not valid base64 text."
            ) from None
    elif attachment.url.strip():
        content, downloaded_type, downloaded_name = _download(attachment.url.strip(), timeout)
        filename = filename or downloaded_name
        if not attachment.content_type and downloaded_type:
            attachment = attachment.model_copy(update={"content_type": downloaded_type})
    else:
        raise StepError(
            f"The attachment '{filename or 'file'}' needs its content as base64 or a link."
        )
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise StepError(_too_large(filename))
    filename = filename or "attachment"
    kind = attachment.content_type.strip() or mimetypes.guess_type(filename)[0]
    maintype, _, subtype = (kind or "application/octet-stream").partition("/")
    return content, maintype, subtype or "octet-stream", filename


def _too_large(filename: str) -> str:
    return (
        f"The attachment '{filename}' is larger than 25 MB, which most mail servers refuse; "
        "send a link to it instead."
    )


def _download(url: str, timeout: float) -> tuple[bytes, str, str]:
    import httpx  # loaded with the first request, not with the app

    if not url.startswith(("https://", "http://")):
        raise StepError(f"The attachment link '{url}' must start with https:// or http://.")
    try:
        # The shared client: the step's timeout covers the whole download, and reading stops
        # at the size mail servers take instead of after the whole file is in memory.
        response = service_client().get(
            url,
            follow_redirects=True,
            timeout=timeout,
            extensions=answer_limit(MAX_ATTACHMENT_BYTES / MB),
        )
    except AnswerTooLarge:
        raise StepError(_too_large(httpx.URL(url).path.rpartition("/")[2] or url)) from None
    except httpx.HTTPError as error:
        # Nothing has been sent yet, so the step can safely be tried again.
        raise RetryableError(
            f"Can't download the attachment from {httpx.URL(url).host} ({type(error).__name__})."
        ) from None
    if response.status_code >= 400:
        raise StepError(
            f"Downloading the attachment {url} failed with {response.status_code}; check the link."
        )
    kind = response.headers.get("content-type", "").split(";")[0].strip()
    name = httpx.URL(url).path.rstrip("/").rpartition("/")[2]
    return response.content, kind, name


def describe(message: EmailMessage) -> dict[str, Any]:
    """The output a send step gives: who, what, and the attachments' names."""
    return {
        "message_id": message["Message-ID"],
        "from": message["From"],
        "to": message["To"] or "",
        "cc": message["Cc"] or "",
        "subject": message["Subject"],
        "attachments": [part.get_filename() for part in message.iter_attachments()],
    }
