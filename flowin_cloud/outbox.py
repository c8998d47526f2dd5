"""E-mails (SMTP) and SMS (Twilio) to account owners; in development mode, lines in the log.

A development line reads ``DEV EMAIL to=a@b.c kind=verify-email token=...`` or
``DEV SMS to=+123 kind=2fa code=123456``: one line per message, ``key=value`` pairs.

An e-mail is multipart/alternative: its plain text and an HTML part, both made from one
``Body`` (templates/email/), so the two cannot say different things.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage

from jinja2 import Environment, PackageLoader, StrictUndefined

from .config import Settings
from .languages import RIGHT_TO_LEFT

log = logging.getLogger(__name__)

# Seconds to wait for the SMTP server or Twilio: messages go out after the answer, but a server
# that never answers would keep the worker busy for good.
SEND_TIMEOUT = 20


# Mail clients ignore <style> blocks and external style sheets more or less at will, so the
# templates style every element inline; this environment is separate from the pages' one,
# whose shared style sheet does not apply here.
_templates = Environment(
    loader=PackageLoader("flowin_cloud", "templates/email"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True, kw_only=True)
class Body:
    """What an e-mail says (mails.py writes them). The plain text is its lines one after another:
    the paragraphs, the numbered steps, the link, the notes; the HTML adds the heading, a button
    for the link and the footer saying why the mail came."""

    language: str
    heading: str
    paragraphs: tuple[str, ...]
    steps: tuple[str, ...] = ()
    action_text: str = ""
    action_url: str = ""
    # After the link, in smaller type: what to do if the mail was not expected.
    notes: tuple[str, ...] = ()
    footer: str
    # Under the button, before the link written out.
    link_hint: str

    @property
    def text(self) -> str:
        link = (self.action_url,) if self.action_url else ()
        steps = tuple(f"{number}. {step}" for number, step in enumerate(self.steps, 1))
        return "\n".join((*self.paragraphs, *steps, *link, *self.notes))

    def html(self, subject: str) -> str:
        return _templates.get_template("message.html").render(
            body=self, subject=subject, rtl=self.language in RIGHT_TO_LEFT
        )


@dataclass(frozen=True)
class Message:
    to: str
    kind: str
    subject: str
    text: str
    # The token or code in the message, named as the development log shows it.
    secrets: dict[str, str] = field(default_factory=dict)
    # An e-mail's content, from which ``text`` was made; None for an SMS.
    body: Body | None = None

    @classmethod
    def mail(
        cls, to: str, kind: str, subject: str, body: Body, secrets: dict[str, str] | None = None
    ) -> Message:
        return cls(to, kind, subject, body.text, dict(secrets or {}), body)


class Outbox:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def email(self, message: Message) -> None:
        if self._settings.dev:
            log.info("DEV EMAIL %s", _fields(message))
            return
        settings = self._settings
        if not settings.smtp_host:
            log.error(
                "No SMTP server is set (FLOWIN_CLOUD_SMTP_HOST); e-mail %s not sent.", message.kind
            )
            return
        mail = EmailMessage()
        mail["From"] = settings.mail_from
        mail["To"] = message.to
        mail["Subject"] = message.subject
        mail.set_content(message.text)
        if message.body is not None:
            mail.add_alternative(message.body.html(message.subject), subtype="html")
        try:
            with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SEND_TIMEOUT) as smtp:
                if settings.smtp_starttls:
                    # Without a context smtplib accepts any certificate, so anyone on the way could
                    # read the password and the tokens in the mail.
                    smtp.starttls(context=ssl.create_default_context())
                if settings.smtp_username and settings.smtp_password:
                    smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
                smtp.send_message(mail)
        except (OSError, smtplib.SMTPException):
            log.exception("Could not send the %s e-mail.", message.kind)

    def sms(self, message: Message) -> None:
        if self._settings.dev:
            log.info("DEV SMS %s", _fields(message))
            return
        settings = self._settings
        if not (
            settings.twilio_account_sid and settings.twilio_auth_token and settings.twilio_from
        ):
            log.error("Twilio is not set (FLOWIN_CLOUD_TWILIO_*); SMS %s not sent.", message.kind)
            return
        import requests
        from twilio.base.exceptions import TwilioException
        from twilio.http.http_client import TwilioHttpClient
        from twilio.rest import Client

        client = Client(
            settings.twilio_account_sid,
            settings.twilio_auth_token.get_secret_value(),
            http_client=TwilioHttpClient(timeout=SEND_TIMEOUT),
        )
        if settings.twilio_base_url:
            # The SDK's own switch for the API's address, as the Twilio connector uses it.
            client.api.base_url = settings.twilio_base_url.rstrip("/")
        # The SDK raises the network's errors (no connection, no answer in time) as requests' own,
        # not as TwilioException.
        try:
            client.messages.create(to=message.to, from_=settings.twilio_from, body=message.text)
        except (TwilioException, requests.RequestException):
            log.exception("Could not send the %s SMS.", message.kind)


def _fields(message: Message) -> str:
    pairs = {"to": message.to, "kind": message.kind, **message.secrets}
    return " ".join(f"{key}={value}" for key, value in pairs.items())
