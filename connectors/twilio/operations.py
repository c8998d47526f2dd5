"""Twilio: send SMS with the official SDK, and start flows on incoming SMS.

The SDK's ``Client`` talks to ``client.api.base_url`` (https://api.twilio.com unless the
credential says otherwise). Incoming SMS arrive as form-encoded webhooks signed in
``X-Twilio-Signature``, checked with the SDK's ``RequestValidator`` (twilio.com/docs/usage/security).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from flowin_engine.kit import (
    SECRET,
    AccountRejected,
    GateContext,
    RetryableError,
    Service,
    StepContext,
    StepError,
    Text,
    WebhookRejected,
    WebhookRequest,
    account_field,
    guard_session,
    too_many_requests,
)

if TYPE_CHECKING:
    # The SDK (and requests under it) is imported when a step talks to Twilio, not by every
    # command that loads the connectors.
    import requests
    from twilio.base.exceptions import TwilioRestException
    from twilio.rest import Client

DEFAULT_BASE_URL = "https://api.twilio.com"
TEST_TIMEOUT = 15.0
BAD_CREDENTIALS = "Twilio: the Account SID or Auth Token is wrong — reconnect the Twilio account."
TWILIO = Service("Twilio", host="api.twilio.com", rejected=BAD_CREDENTIALS)


class TwilioAccount(BaseModel):
    account_sid: str = Field(
        title="Account SID", description="Starts with AC; on the Twilio Console's home page."
    )
    auth_token: str = Field(title="Auth Token", json_schema_extra=SECRET)
    base_url: str = Field(DEFAULT_BASE_URL, title="API address")


def _account() -> Any:
    return account_field("twilio", "The connected Twilio account.")


class SendSmsInput(BaseModel):
    connection: str | None = _account()
    to: Text = Field(title="To", description="The phone number in E.164 form, e.g. +966501234567.")
    from_number: Text = Field(
        title="From", description="Your Twilio number, or a Messaging Service SID (MG…)."
    )
    body: Text = Field(title="Message", min_length=1, max_length=1600)


class IncomingSmsInput(BaseModel):
    connection: str | None = _account()


def test_account(secret: TwilioAccount) -> str:
    """Fetch the account itself (changes nothing)."""
    account = _guarded(
        lambda: _client(secret, TEST_TIMEOUT).api.v2010.accounts(secret.account_sid).fetch(),
        sends=False,
    )
    return f"Connected to {account.friendly_name or secret.account_sid}."


def send_sms(params: SendSmsInput, ctx: StepContext) -> dict[str, Any]:
    """Send one SMS; the output is Twilio's message record (sid, status, price …)."""
    account = TwilioAccount.model_validate(ctx.credential(params.connection))
    sender = params.from_number.strip()
    options = {"messaging_service_sid": sender} if sender.startswith("MG") else {"from_": sender}
    client = _client(account, ctx.remaining)
    message = _guarded(
        lambda: client.messages.create(to=params.to.strip(), body=params.body, **options),
        sends=True,
    )
    return {
        "sid": message.sid,
        "status": message.status,
        "to": message.to,
        "from": message.from_,
        "body": message.body,
        "segments": message.num_segments,
        "price": message.price,
        "date_created": message.date_created.isoformat() if message.date_created else None,
    }


def incoming_sms(params: IncomingSmsInput, ctx: StepContext) -> dict[str, Any]:
    """The SMS Twilio forwarded: who sent it, to which number, and its text."""
    form = (ctx.trigger_data or {}).get("body") or {}
    if not isinstance(form, dict):
        raise StepError("This Twilio webhook carried no SMS.")
    return {
        "from": form.get("From", ""),
        "to": form.get("To", ""),
        "body": form.get("Body", ""),
        "message_sid": form.get("MessageSid", ""),
        "media": int(form.get("NumMedia") or 0),
        "fields": form,
    }


def incoming_sms_webhook(
    params: IncomingSmsInput, request: WebhookRequest, ctx: GateContext
) -> None:
    """Accept only POSTs that Twilio signed with this account's Auth Token."""
    if request.method != "POST":
        raise WebhookRejected("Twilio sends SMS webhooks with POST.", status=405)
    account = TwilioAccount.model_validate(ctx.credential(params.connection))
    signature = request.header("x-twilio-signature") or ""
    from twilio.request_validator import RequestValidator

    # The signature covers the URL Twilio called (the public one) and the form fields.
    if not RequestValidator(account.auth_token).validate(request.url, request.form(), signature):
        raise WebhookRejected("Twilio: the request's signature doesn't match; it was ignored.")
    return None


def _client(account: TwilioAccount, timeout: float) -> Client:
    from twilio.http.http_client import TwilioHttpClient
    from twilio.rest import Client

    http_client = TwilioHttpClient(timeout=timeout)
    # The SDK sends through a requests session: its connections follow the address policy
    # of whoever runs the flow (the cloud calls no private network), redirects included.
    guard_session(http_client.session)
    client = Client(
        account.account_sid.strip(), account.auth_token.strip(), http_client=http_client
    )
    # The SDK's own switch for the API's address; tests point it at 127.0.0.1.
    client.api.base_url = account.base_url.rstrip("/")
    return client


def _guarded(call: Any, *, sends: bool) -> Any:
    import requests
    from twilio.base.exceptions import TwilioRestException

    try:
        return call()
    except TwilioRestException as error:
        raise _failure(error, sends) from None
    except requests.exceptions.ConnectTimeout:
        raise RetryableError(
            "Twilio: can't reach api.twilio.com; check the internet connection."
        ) from None
    except requests.exceptions.ConnectionError as error:
        if _never_connected(error) or not sends:
            raise RetryableError(
                "Twilio: can't reach api.twilio.com; check the internet connection."
            ) from None
        raise StepError(_maybe_sent()) from None
    except requests.exceptions.RequestException:
        if sends:
            raise StepError(_maybe_sent()) from None
        raise RetryableError("Twilio didn't answer in time; Flowin will try again.") from None


def _never_connected(error: requests.exceptions.ConnectionError) -> bool:
    text = repr(error)
    return "NewConnectionError" in text or "NameResolutionError" in text


def _maybe_sent() -> str:
    return "Twilio didn't answer; the SMS may have been sent, so Flowin didn't send it again."


def _failure(error: TwilioRestException, sends: bool) -> StepError:
    message = error.msg or "unknown error"
    if error.status == 401 or error.code == 20003:
        return AccountRejected(BAD_CREDENTIALS)
    if error.status == 429 or error.code == 20429:
        return too_many_requests("Twilio", None)
    if error.status >= 500:
        return TWILIO.refused(error.status, message, sends=sends)
    return StepError(f"Twilio refused the SMS: {message} (error {error.code}).")
