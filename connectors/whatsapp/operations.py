"""WhatsApp (Cloud API): send texts and approved templates, and start flows on incoming messages.

Sending is ``POST {base_url}/{version}/{phone number id}/messages`` with a bearer token
(developers.facebook.com/docs/whatsapp/cloud-api/reference/messages). Incoming messages arrive
as webhooks signed with the app secret in ``X-Hub-Signature-256``; Meta first checks the
address with a GET handshake that must echo ``hub.challenge``.
"""

from __future__ import annotations

import hmac
from typing import Any

from pydantic import BaseModel, Field

from flowin_engine.kit import (
    SECRET,
    GateContext,
    Service,
    StepContext,
    StepError,
    Text,
    WebhookRejected,
    WebhookReply,
    WebhookRequest,
    account_field,
    message_in,
    require_signature,
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
WHATSAPP = Service(
    "WhatsApp",
    host="graph.facebook.com",
    rejected=BAD_TOKEN,
    unsure="WhatsApp didn't answer; the message may have been sent, so Flowin didn't send it again.",
)


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
        json_schema_extra=trigger_secret("incoming_message"),
    )
    verify_token: str = Field(
        "",
        title="Verify token",
        description="Any phrase; type the same one in the Meta app's webhook settings.",
        json_schema_extra=trigger_secret("incoming_message"),
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


class IncomingMessageInput(BaseModel):
    connection: str | None = _account()


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
    account = WhatsAppAccount.model_validate(ctx.credential(params.connection))
    if request.method == "GET":
        mode = request.query.get("hub.mode")
        token = request.query.get("hub.verify_token") or ""
        if (
            mode == "subscribe"
            and account.verify_token
            and hmac.compare_digest(token.encode(), account.verify_token.encode())
        ):
            return WebhookReply(
                200, request.query.get("hub.challenge", ""), {"Content-Type": "text/plain"}
            )
        raise WebhookRejected(
            "WhatsApp: the verify token doesn't match this trigger's.", status=403
        )
    if request.method != "POST":
        raise WebhookRejected("WhatsApp sends messages with POST.", status=405)
    require_signature(
        account.app_secret,
        request.body,
        request.header("x-hub-signature-256"),
        service="WhatsApp",
        prefix="sha256=",
    )
    if not _messages(request.json()):
        # Delivery and read receipts come to the same address; they start no flow.
        return WebhookReply(200, {"ignored": "no incoming message"})
    return None


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
                found.append(
                    {
                        "id": message.get("id"),
                        "from": message.get("from"),
                        "name": names.get(message.get("from")) or "",
                        "type": kind,
                        "text": content.get("body") or content.get("caption") or "",
                        "timestamp": message.get("timestamp"),
                        "phone_number_id": number,
                        "message": message,
                    }
                )
    return found
