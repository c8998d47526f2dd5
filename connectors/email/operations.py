"""E-mail over SMTP: any mail provider, with SSL, STARTTLS or (on a local network) plain.

Sending after the server has the message (DATA accepted or the connection lost mid-way) is
never retried: the e-mail may already be on its way.
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from typing import Any, Literal

from pydantic import BaseModel, Field

from flowin_engine.kit import (
    SECRET,
    AccountRejected,
    RetryableError,
    StepContext,
    StepError,
    account_field,
    open_connection,
)
from flowin_engine.kit.mail import (
    MessageFields,
    addresses,
    bare,
    build_message,
    describe,
    sender_address,
)

TEST_TIMEOUT = 15.0


class EmailAccount(BaseModel):
    """A mailbox's outgoing (SMTP) server."""

    host: str = Field(title="SMTP server", description="e.g. smtp.gmail.com or smtp.office365.com")
    port: int = Field(465, title="Port", description="465 for SSL, 587 for STARTTLS, 25 plain.")
    security: Literal["ssl", "starttls", "none"] = Field(
        "ssl", title="Security", description="ssl (port 465), starttls (587), none (trusted LAN)."
    )
    username: str = Field("", title="Username", description="Usually your e-mail address.")
    password: str = Field(
        "",
        title="Password",
        description="Often an app password, not the one you sign in with.",
        json_schema_extra=SECRET,
    )
    from_address: str = Field("", title="From address", description="Defaults to the username.")
    from_name: str = Field("", title="From name", description="e.g. Layla's Shop")


class SendEmailInput(MessageFields):
    connection: str | None = account_field("email", "The connected mail account.")


def test_account(secret: EmailAccount) -> str:
    """Connect, sign in and say goodbye: checks the server, the security and the password."""
    with _session(secret, TEST_TIMEOUT):
        pass
    return f"Signed in to {secret.host} as {secret.username or 'an anonymous sender'}."


def send_email(params: SendEmailInput, ctx: StepContext) -> dict[str, Any]:
    """Send one e-mail; the output says who it went to and its Message-ID."""
    account = EmailAccount.model_validate(ctx.credential(params.connection))
    sender = (account.from_address or account.username).strip()
    if "@" not in sender:
        raise StepError(
            "E-mail: the account has no From address; add one in the account's settings."
        )
    to, cc, bcc = addresses(params.to), addresses(params.cc), addresses(params.bcc)
    message = build_message(
        sender=sender_address(sender, account.from_name),
        to=to,
        cc=cc,
        subject=params.subject,
        text=params.text,
        html=params.html,
        reply_to=params.reply_to,
        attachments=params.attachments,
        timeout=ctx.remaining,
    )
    recipients = bare(to + cc + bcc)
    with _session(account, ctx.remaining) as server:
        try:
            refused = server.send_message(message, from_addr=sender, to_addrs=recipients)
        except smtplib.SMTPRecipientsRefused as error:
            names = ", ".join(error.recipients)
            raise StepError(
                f"E-mail: the server refused every recipient ({names}); check the addresses."
            ) from None
        except smtplib.SMTPSenderRefused as error:
            raise StepError(
                f"E-mail: the server won't send from {sender} ({_reply(error)}); use the "
                "account's own address as From address."
            ) from None
        except smtplib.SMTPDataError as error:
            raise StepError(f"E-mail: the server refused the message: {_reply(error)}.") from None
        except (smtplib.SMTPServerDisconnected, OSError) as error:
            raise StepError(
                f"E-mail: the connection to {account.host} broke off while sending "
                f"({type(error).__name__}); the e-mail may have been sent, so Flowin didn't "
                "send it again."
            ) from None
    return {**describe(message), "refused": sorted(refused)}


class _CheckedSMTP(smtplib.SMTP):
    """Connects under the address policy of whoever runs the flow (the cloud reaches no
    private network); STARTTLS still checks the certificate for the server's name."""

    def _get_socket(self, host: str, port: int, timeout: float) -> Any:
        return open_connection(host, port, timeout, self.source_address)


class _CheckedSMTPSSL(smtplib.SMTP_SSL):
    def _get_socket(self, host: str, port: int, timeout: float) -> Any:
        connection = open_connection(host, port, timeout, self.source_address)
        return self.context.wrap_socket(connection, server_hostname=self._host)


class _session:
    """A signed-in SMTP connection, closed politely (QUIT) on leaving."""

    def __init__(self, account: EmailAccount, timeout: float) -> None:
        self.account = account
        self.timeout = timeout
        self.server: smtplib.SMTP | None = None

    def __enter__(self) -> smtplib.SMTP:
        account = self.account
        host = account.host.strip()
        if not host:
            raise StepError("E-mail: the account has no SMTP server; add one in its settings.")
        context = ssl.create_default_context()
        try:
            if account.security == "ssl":
                server: smtplib.SMTP = _CheckedSMTPSSL(
                    host, account.port, timeout=self.timeout, context=context
                )
            else:
                server = _CheckedSMTP(host, account.port, timeout=self.timeout)
            self.server = server
            server.ehlo()
            if account.security == "starttls":
                server.starttls(context=context)
                server.ehlo()
            if account.username:
                server.login(account.username, account.password)
        except smtplib.SMTPAuthenticationError as error:
            self._close()
            raise AccountRejected(
                f"E-mail: {host} didn't accept the username or password ({_reply(error)}). "
                "Check them; many providers need an app password for other apps."
            ) from None
        except smtplib.SMTPNotSupportedError as error:
            self._close()
            wanted = "STARTTLS" if "starttls" in str(error).lower() else "sign-in (AUTH)"
            raise StepError(
                f"E-mail: {host} doesn't offer {wanted} on port {account.port} this way; check "
                "the port and Security (465 with ssl, 587 with starttls)."
            ) from None
        except ssl.SSLError as error:
            self._close()
            raise StepError(
                f"E-mail: the secure connection to {host}:{account.port} failed "
                f"({error.reason or error}); check the port and Security (465 with ssl, 587 "
                "with starttls)."
            ) from None
        except TimeoutError:
            self._close()
            raise RetryableError(f"E-mail: {host}:{account.port} didn't answer in time.") from None
        except (smtplib.SMTPConnectError, smtplib.SMTPServerDisconnected) as error:
            self._close()
            # Nothing was sent yet, so trying again later is safe.
            raise RetryableError(
                f"E-mail: {host}:{account.port} closed the connection ({_reply(error)})."
            ) from None
        except smtplib.SMTPException as error:
            self._close()
            raise StepError(f"E-mail: {host} refused the connection: {_reply(error)}.") from None
        except OSError as error:  # refused, unknown host, unreachable network
            self._close()
            raise RetryableError(
                f"E-mail: can't connect to {host}:{account.port} ({_reason(error)}); check the "
                "server name and port."
            ) from None
        return server

    def __exit__(self, *exc: object) -> None:
        if self.server is not None:
            try:
                self.server.quit()
            except (smtplib.SMTPException, OSError):
                self._close()

    def _close(self) -> None:
        if self.server is not None:
            with contextlib.suppress(OSError):
                self.server.close()


def _reply(error: smtplib.SMTPException) -> str:
    code = getattr(error, "smtp_code", None)
    text = getattr(error, "smtp_error", b"")
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = " ".join(str(text or error).split())
    return f"{code} {text}" if code else text


def _reason(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    if text.startswith("[Errno") and "] " in text:
        text = text.split("] ", 1)[1]
    return text
