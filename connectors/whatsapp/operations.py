"""WhatsApp (Cloud API): send texts, templates, media and buttons, and start flows on incoming
messages and on the delivery statuses of sent ones.

Sending is ``POST {base_url}/{version}/{phone number id}/messages`` with a bearer token
(developers.facebook.com/docs/whatsapp/cloud-api/reference/messages). Incoming messages and
statuses arrive as webhooks signed with the app secret in ``X-Hub-Signature-256``; Meta first
checks the address with a GET handshake that must echo ``hub.challenge``.
"""

from __future__ import annotations

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
# Graph API error codes for an invalid or expired access token.
TOKEN_ERRORS = frozenset({"190"})
# Throttling codes: the request was refused before anything was sent.
RATE_LIMIT_ERRORS = frozenset({"4", "80007", "130429", "131048", "131056"})
BAD_TOKEN = "Invalid WhatsApp API token — reconnect the WhatsApp account."
# Meta's error codes a shop owner meets, in words that say what to do (Meta's "Error codes"
# page, developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes). They come with a
# refused send, or later in a "failed" status of a message Meta first accepted.
EXPLAINED_ERRORS = {
    131047: "More than 24 hours have passed since the customer last wrote: use a template "
    "message (Send WhatsApp template) to write to them now.",
    131026: "The message could not be delivered: the number may not be on WhatsApp, or the "
    "customer hasn't accepted WhatsApp's latest terms.",
    131051: "WhatsApp can't send this kind of message.",
    131052: "WhatsApp couldn't download the customer's media.",
    131053: "WhatsApp couldn't use the file at the link: check that it is public and of a kind "
    "and size WhatsApp takes.",
}
REFUSED_EXPLAINED = "WhatsApp refused the message: {reason} (Meta's code {code}: {message}.)"
WHATSAPP = Service(
    "WhatsApp",
    host="graph.facebook.com",
    rejected=BAD_TOKEN,
    unsure="WhatsApp didn't answer; the message may have been sent, so Flowin didn't send it again.",
    sentences=(REFUSED_EXPLAINED, *EXPLAINED_ERRORS.values()),
)
# The most buttons and list rows a message takes, and the longest titles (Meta's description,
# ActionObject and SectionObject).
MAX_BUTTONS = 3
BUTTON_TITLE_LENGTH = 20
MAX_ROWS = 10
ROW_TITLE_LENGTH = 24


class WhatsAppAccount(BaseModel):
    """A WhatsApp Business phone number in a Meta app."""

    access_token: str = Field(
        title="Access token",
        description="A system user's permanent token with whatsapp_business_messaging.",
        json_schema_extra=SECRET,
    )
    phone_number_id: Text = Field(
        title="Phone number ID", description="From WhatsApp → API Setup in your Meta app."
    )
    app_secret: str = Field(
        "",
        title="App secret",
        description="App settings → Basic; checks that incoming messages come from Meta.",
        json_schema_extra=trigger_secret("incoming_message", "message_status"),
    )
    verify_token: str = Field(
        "",
        title="Verify token",
        description="Any phrase; type the same one in the Meta app's webhook settings.",
        json_schema_extra=trigger_secret("incoming_message", "message_status"),
    )
    api_version: str = Field(DEFAULT_VERSION, title="Graph API version")
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")


def _account() -> Any:
    return account_field("whatsapp", "The connected WhatsApp number.")


class SendTextInput(BaseModel):
    connection: str | None = _account()
    to: Text = Field(
        title="To", description="The phone number with country code, e.g. 9665xxxxxxxx."
    )
    text: Text = Field(title="Message", min_length=1, max_length=4096)
    preview_url: bool = Field(False, title="Show link preview")


class SendTemplateInput(BaseModel):
    connection: str | None = _account()
    to: Text = Field(title="To", description="The phone number with country code.")
    template: Text = Field(
        title="Template name", description="An approved template, e.g. order_shipped."
    )
    language: Text = Field(
        "en_US", title="Language", description="The template's language code, e.g. ar or en_US."
    )
    body_parameters: list[Text] = Field(
        default_factory=list,
        title="Body values",
        description="Fill the template's {{1}}, {{2}} … in order, e.g. {{ trigger.name }}.",
    )


MediaKind = Literal["image", "document", "audio", "video"]


class SendMediaInput(BaseModel):
    connection: str | None = _account()
    to: Text = Field(title="To", description="The phone number with country code.")
    kind: MediaKind = Field("image", title="Kind")
    link: Text = Field(
        title="File link",
        description="A public https:// link to the file, e.g. a product photo or an invoice PDF.",
    )
    caption: Text = Field("", title="Caption", max_length=1024, description="Not shown for audio.")
    filename: Text = Field(
        "", title="File name", description="For a document: the name the customer sees."
    )


class SendButtonsInput(BaseModel):
    connection: str | None = _account()
    to: Text = Field(title="To", description="The phone number with country code.")
    text: Text = Field(title="Message", min_length=1, max_length=1024)
    buttons: list[Text] = Field(
        title="Buttons",
        description="Up to 3 reply buttons, up to 20 characters each, e.g. Confirm, Cancel; "
        "the customer's choice arrives as a new message whose reply_id is the button's title.",
    )
    header: Text = Field("", title="Header", max_length=60)
    footer: Text = Field("", title="Footer", max_length=60)


class SendListInput(BaseModel):
    connection: str | None = _account()
    to: Text = Field(title="To", description="The phone number with country code.")
    text: Text = Field(title="Message", min_length=1, max_length=1024)
    button: Text = Field(
        title="List button",
        description="The button that opens the list, up to 20 characters, e.g. Choose a size.",
    )
    rows: list[Text] = Field(
        title="Choices",
        description="Up to 10 choices, up to 24 characters each; the customer's choice arrives "
        "as a new message whose reply_id is its title.",
    )
    section_title: Text = Field("", title="List title", max_length=24)
    header: Text = Field("", title="Header", max_length=60)
    footer: Text = Field("", title="Footer", max_length=60)


class IncomingMessageInput(BaseModel):
    connection: str | None = _account()


StatusKind = Literal["any", "failed", "sent", "delivered", "read"]


class MessageStatusInput(BaseModel):
    connection: str | None = _account()
    status: StatusKind = Field(
        "any",
        title="Only when",
        description="failed: WhatsApp accepted a message but couldn't deliver it.",
    )


def test_account(secret: WhatsAppAccount) -> str:
    """Read the phone number's details (changes nothing)."""
    number = _call(secret, "GET", secret.phone_number_id, None, TEST_TIMEOUT, sends=False)
    name = number.get("verified_name") or number.get("display_phone_number") or "your number"
    return f"Connected to {name}."


def send_text(params: SendTextInput, ctx: StepContext) -> dict[str, Any]:
    """Send a text message; needs an open 24-hour conversation with the person."""
    message = {"type": "text", "text": {"body": params.text, "preview_url": params.preview_url}}
    return _send(params.connection, params.to, message, ctx)


def send_template(params: SendTemplateInput, ctx: StepContext) -> dict[str, Any]:
    """Send an approved template (allowed at any time), filling its body's {{n}} in order."""
    name = params.template.strip()
    if not name:
        raise StepError("WhatsApp needs the name of an approved template.")
    # "deterministic" is the only language policy there is, and Meta's description requires it.
    language = {"policy": "deterministic", "code": params.language.strip()}
    template: dict[str, Any] = {"name": name, "language": language}
    if params.body_parameters:
        values = [{"type": "text", "text": value} for value in params.body_parameters]
        template["components"] = [{"type": "body", "parameters": values}]
    return _send(params.connection, params.to, {"type": "template", "template": template}, ctx)


def send_media(params: SendMediaInput, ctx: StepContext) -> dict[str, Any]:
    """Send an image, document, audio or video by its public link."""
    link = params.link.strip()
    if not link.lower().startswith(("https://", "http://")):
        raise StepError(
            f"WhatsApp: the File link of '{ctx.node.name}' should be a public https:// link; "
            f"it is '{link}'."
        )
    media: dict[str, Any] = {"link": link}
    if params.caption and params.kind != "audio":
        media["caption"] = params.caption
    if params.filename.strip() and params.kind == "document":
        media["filename"] = params.filename.strip()
    return _send(params.connection, params.to, {"type": params.kind, params.kind: media}, ctx)


def send_buttons(params: SendButtonsInput, ctx: StepContext) -> dict[str, Any]:
    """Send a message with up to three reply buttons."""
    titles = _choices(params.buttons, MAX_BUTTONS, BUTTON_TITLE_LENGTH, "Buttons", ctx)
    buttons = [{"type": "reply", "reply": {"id": title, "title": title}} for title in titles]
    interactive = _interactive("button", params.text, params.header, params.footer)
    interactive["action"] = {"buttons": buttons}
    return _send(
        params.connection, params.to, {"type": "interactive", "interactive": interactive}, ctx
    )


def send_list(params: SendListInput, ctx: StepContext) -> dict[str, Any]:
    """Send a message whose button opens a list of up to ten choices."""
    titles = _choices(params.rows, MAX_ROWS, ROW_TITLE_LENGTH, "Choices", ctx)
    button = params.button.strip()
    if not button or len(button) > BUTTON_TITLE_LENGTH:
        raise StepError(
            f"WhatsApp: the List button of '{ctx.node.name}' needs a label of 1 to "
            f"{BUTTON_TITLE_LENGTH} characters; it is '{button}'."
        )
    section: dict[str, Any] = {"rows": [{"id": title, "title": title} for title in titles]}
    if params.section_title.strip():
        section["title"] = params.section_title.strip()
    interactive = _interactive("list", params.text, params.header, params.footer)
    interactive["action"] = {"button": button, "sections": [section]}
    return _send(
        params.connection, params.to, {"type": "interactive", "interactive": interactive}, ctx
    )


def message_status(params: MessageStatusInput, ctx: StepContext) -> dict[str, Any]:
    """The first status of the webhook (the message's id, what became of it, and why it
    failed, in words), and every status under 'statuses'."""
    statuses = _statuses((ctx.trigger_data or {}).get("body"), params.status)
    if not statuses:
        raise StepError("This WhatsApp webhook carried no message status.")
    return {**statuses[0], "statuses": statuses}


def message_status_webhook(
    params: MessageStatusInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """The same handshake and signature as for messages; skips messages and other statuses."""
    reply = _check_webhook(params.connection, request, ctx)
    if reply is not None:
        return reply
    if not _statuses(request.json(), params.status):
        return WebhookReply(200, {"ignored": "no status of the kind this trigger waits for"})
    return None


def incoming_message(params: IncomingMessageInput, ctx: StepContext) -> dict[str, Any]:
    """The first message of the webhook, its sender's name, and every message under 'messages'."""
    messages = _messages((ctx.trigger_data or {}).get("body"))
    if not messages:
        raise StepError("This WhatsApp webhook carried no message.")
    return {**messages[0], "messages": messages}


def incoming_message_webhook(
    params: IncomingMessageInput, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Answer Meta's verification handshake, check the signature, and skip status updates."""
    reply = _check_webhook(params.connection, request, ctx)
    if reply is not None:
        return reply
    if not _messages(request.json()):
        # Delivery and read receipts come to the same address; they start no flow here.
        return WebhookReply(200, {"ignored": "no incoming message"})
    return None


def _check_webhook(
    connection: str | None, request: WebhookRequest, ctx: GateContext
) -> WebhookReply | None:
    """Meta's verification handshake answered, or a POST whose signature is checked."""
    account = WhatsAppAccount.model_validate(ctx.credential(connection))
    return meta_webhook_gate(
        request,
        verify_token=account.verify_token,
        app_secret=account.app_secret,
        service="WhatsApp",
    )


# Building messages.


def _choices(
    values: list[str], most: int, longest: int, setting: str, ctx: StepContext
) -> list[str]:
    titles = [value.strip() for value in values if value.strip()]
    if not 1 <= len(titles) <= most:
        raise StepError(
            f"WhatsApp: '{ctx.node.name}' takes 1 to {most} {setting}; it has {len(titles)}."
        )
    too_long = [title for title in titles if len(title) > longest]
    if too_long:
        raise StepError(
            f"WhatsApp: each of the {setting} of '{ctx.node.name}' may be up to {longest} "
            f"characters; '{too_long[0]}' is longer."
        )
    if len(set(titles)) != len(titles):
        raise StepError(
            f"WhatsApp: the {setting} of '{ctx.node.name}' must differ from each other."
        )
    return titles


def _interactive(kind: str, text: str, header: str, footer: str) -> dict[str, Any]:
    interactive: dict[str, Any] = {"type": kind, "body": {"text": text}}
    if header.strip():
        interactive["header"] = {"type": "text", "text": header.strip()}
    if footer.strip():
        interactive["footer"] = {"text": footer.strip()}
    return interactive


def explained(code: Any) -> str:
    """Meta's error code in words, or "" for one without."""
    try:
        return EXPLAINED_ERRORS.get(int(code), "")
    except (TypeError, ValueError):
        return ""


# Calls.


def _send(
    connection: str | None, to: str, message: dict[str, Any], ctx: StepContext
) -> dict[str, Any]:
    account = WhatsAppAccount.model_validate(ctx.credential(connection))
    recipient = to.strip().removeprefix("+").replace(" ", "").replace("-", "")
    if not recipient:
        raise StepError("WhatsApp needs a phone number to send to.")
    body = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": recipient,
        **message,
    }
    path = f"{account.phone_number_id.strip()}/messages"
    answer = _call(account, "POST", path, body, ctx.remaining, sends=True)
    contacts = answer.get("contacts") or [{}]
    messages = answer.get("messages") or [{}]
    return {
        "message_id": messages[0].get("id"),
        "to": contacts[0].get("input", recipient),
        "wa_id": contacts[0].get("wa_id"),
        "status": messages[0].get("message_status", "accepted"),
    }


def _call(
    account: WhatsAppAccount,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    timeout: float,
    *,
    sends: bool,
) -> dict[str, Any]:
    url = f"{account.base_url.rstrip('/')}/{account.api_version.strip()}/{path}"
    headers = {"Authorization": f"Bearer {account.access_token.strip()}"}
    response = WHATSAPP.send(method, url, json=body, headers=headers, timeout=timeout, sends=sends)
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if response.is_success:
        return answer
    code = message_in(answer, "error.code")
    message = WHATSAPP.message(response)
    status = response.status_code
    if code in TOKEN_ERRORS:
        status = 401
    elif code in RATE_LIMIT_ERRORS:
        status = 429
    if status in (401, 429) or status >= 500:
        raise WHATSAPP.failure(response, sends=sends, status=status, message=message)
    why = explained(code)
    if why:
        raise StepError(REFUSED_EXPLAINED.format(reason=why, code=code, message=message))
    raise StepError(f"WhatsApp refused the message: {message} (code {code or status}).")


def _messages(payload: Any) -> list[dict[str, Any]]:
    """Every incoming message in a webhook payload, with its sender's profile name."""
    found = []
    if not isinstance(payload, dict):
        return found
    for entry in payload.get("entry") or []:
        for change in entry.get("changes") or []:
            value = change.get("value") or {}
            names = {
                c.get("wa_id"): (c.get("profile") or {}).get("name")
                for c in value.get("contacts") or []
            }
            number = (value.get("metadata") or {}).get("phone_number_id")
            for message in value.get("messages") or []:
                kind = message.get("type")
                content = message.get(kind) if isinstance(message.get(kind), dict) else {}
                reply = _reply(kind, content)
                text = content.get("body") or content.get("caption") or reply.get("title") or ""
                found.append(
                    {
                        "id": message.get("id"),
                        "from": message.get("from"),
                        "name": names.get(message.get("from")) or "",
                        "type": kind,
                        "text": text,
                        "reply_id": reply.get("id", ""),
                        "timestamp": message.get("timestamp"),
                        "phone_number_id": number,
                        "message": message,
                    }
                )
    return found


def _reply(kind: Any, content: dict[str, Any]) -> dict[str, Any]:
    """The button or list row a customer chose: interactive replies (button_reply,
    list_reply) and a template's quick-reply button (type "button": text and payload)."""
    if kind == "interactive":
        chosen = content.get("button_reply") or content.get("list_reply") or {}
        return {"id": chosen.get("id", ""), "title": chosen.get("title", "")}
    if kind == "button":
        return {"id": content.get("payload", ""), "title": content.get("text", "")}
    return {}


def _statuses(payload: Any, wanted: str = "any") -> list[dict[str, Any]]:
    """Every message status in a webhook payload (of the ``wanted`` kind), with a failure's
    reason in words."""
    found = []
    if not isinstance(payload, dict):
        return found
    for entry in payload.get("entry") or []:
        for change in entry.get("changes") or []:
            value = change.get("value") or {}
            number = (value.get("metadata") or {}).get("phone_number_id")
            for status in value.get("statuses") or []:
                if wanted != "any" and status.get("status") != wanted:
                    continue
                errors = status.get("errors") or []
                error = errors[0] if errors else {}
                reason = error.get("message") or error.get("title") or ""
                found.append(
                    {
                        "message_id": status.get("id"),
                        "status": status.get("status"),
                        "to": status.get("recipient_id"),
                        "timestamp": status.get("timestamp"),
                        "error_code": error.get("code"),
                        "error": reason,
                        "why": explained(error.get("code")) or reason,
                        "phone_number_id": number,
                        "status_update": status,
                    }
                )
    return found
