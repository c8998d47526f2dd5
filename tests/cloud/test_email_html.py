"""E-mails are multipart/alternative: the plain text they always had, and an HTML part for
mail clients (tables, inline styles, nothing fetched from elsewhere). The welcome e-mail goes
out once, when an account's address is first verified. Sent through the app to a real SMTP
server (aiosmtpd) on 127.0.0.1; the development log is read where the test says so."""

from __future__ import annotations

import email.message
import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from markupsafe import escape
from pytest_httpserver import HTTPServer

from tests.cloud.conftest import (
    PRODUCTION_URL,
    link_token,
    register,
    sign_in,
    text_of,
)
from tests.cloud_server import DEFAULT_PASSWORD
from tests.oauth_providers import FakeProviders

OWN_ACCOUNT = "You get this e-mail because of your Flowin account."
ADDRESS_USED = "You get this e-mail because someone used this address to sign up to Flowin."
WELCOME = "Welcome to Flowin"


def mails(inbox) -> list[email.message.EmailMessage]:
    return [inbox.message(index) for index in range(len(inbox.envelopes))]


def mails_to(inbox, address: str, subject: str) -> list[email.message.EmailMessage]:
    return [m for m in mails(inbox) if (m["To"], m["Subject"]) == (address, subject)]


def html_of(mail: email.message.EmailMessage) -> str:
    assert mail.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in mail.iter_parts()] == ["text/plain", "text/html"]
    part = mail.get_body(("html",))
    assert part is not None
    html = part.get_content().replace("\r\n", "\n")
    # Mail clients drop or mangle style sheets and scripts, and remote resources leak opens.
    assert not re.search(r"<\s*(script|style|link|img|iframe)\b", html, re.IGNORECASE)
    assert " src=" not in html
    return html


def assert_links_to(html: str, url: str) -> None:
    assert f'href="{escape(url)}"' in html
    assert f">{escape(url)}</a>" in html


def confirm(client, token: str) -> int:
    return client.post("/auth/verify/email/confirm", json={"token": token}).status_code


# What each message sends: the text as before, the same in HTML.


def test_the_verification_mail_has_its_text_and_a_button_with_the_link(production, inbox, trusted):
    address = register(production())
    (mail,) = mails(inbox)
    token = link_token(text_of(mail), "verify-email")
    link = f"{PRODUCTION_URL}/verify-email?token={token}"

    # set_content ends a text with a line break.
    assert text_of(mail) == f"Open this link within 24 hours to verify your address:\n{link}\n"
    html = html_of(mail)
    assert_links_to(html, link)
    assert ">Verify my e-mail address</a>" in html
    assert OWN_ACCOUNT in html
    assert (mail["To"], mail["Subject"]) == (address, "Verify your e-mail address for Flowin")


def test_the_reset_mail_has_its_text_and_a_button_with_the_link(production, inbox, trusted):
    client = production()
    address = register(client)
    assert client.post("/auth/forgot-password", json={"email": address}).status_code == 200
    (mail,) = mails_to(inbox, address, "Reset your Flowin password")
    token = link_token(text_of(mail), "reset-password")
    link = f"{PRODUCTION_URL}/reset-password?token={token}"

    assert text_of(mail) == (
        f"Open this link within an hour to choose a new password:\n{link}\n"
        "A new password signs your account out on every computer and deletes its API keys; "
        "make new keys for the apps that need them.\n"
        "If you did not ask for it, ignore this e-mail.\n"
    )
    html = html_of(mail)
    assert_links_to(html, link)
    assert "If you did not ask for it, ignore this e-mail." in html
    assert OWN_ACCOUNT in html


def test_the_sign_in_code_mail_has_its_text_and_the_code_in_html(production, inbox, trusted):
    client = production()
    address = register(client)
    assert confirm(client, link_token(text_of(inbox.message(0)), "verify-email")) == 200
    enabled = client.post(
        "/auth/2fa/enable",
        json={"method": "email", "password": DEFAULT_PASSWORD},
        headers=sign_in(client, address),
    )
    assert enabled.status_code == 200, enabled.text
    challenge = client.post("/auth/login", json={"email": address, "password": DEFAULT_PASSWORD})
    assert challenge.json()["two_factor_required"] is True
    (mail,) = mails_to(inbox, address, "Your Flowin sign-in code")
    code = re.fullmatch(
        r"Your Flowin sign-in code is ([0-9]{6})\. It works for 5 minutes\.\n", text_of(mail)
    )

    assert code is not None
    html = html_of(mail)
    assert f"Your Flowin sign-in code is {code[1]}. It works for 5 minutes." in html
    assert "href=" not in html
    assert OWN_ACCOUNT in html


def test_the_sign_up_attempt_mail_says_why_it_came(production, inbox, trusted):
    client = production()
    address = register(client)
    again = client.post("/auth/register", json={"email": address, "password": DEFAULT_PASSWORD})
    assert again.status_code == 201
    (mail,) = mails_to(inbox, address, "Someone tried to create a Flowin account with your e-mail")

    assert text_of(mail) == (
        "Someone tried to sign up to Flowin with this address, which already has an account. "
        "If it was you, sign in or reset your password; otherwise ignore this.\n"
    )
    html = html_of(mail)
    assert "which already has an account" in html
    assert ADDRESS_USED in html
    assert OWN_ACCOUNT not in html


# The welcome e-mail.


@pytest.mark.parametrize("name", ["<b>Mona</b>", "<script>alert(1)</script> & Co"])
def test_the_welcome_mail_greets_by_name_escaped_in_html(production, inbox, trusted, name):
    client = production()
    address = register(client, name=name)
    assert confirm(client, link_token(text_of(inbox.message(0)), "verify-email")) == 200
    (mail,) = mails_to(inbox, address, WELCOME)

    text = text_of(mail)
    assert text.startswith(f"Hello {name},\n")
    for step in ("first flow", "Connect your accounts", "two-step sign-in"):
        assert step in text
    html = html_of(mail)
    assert f"Hello {escape(name)}," in html
    assert name not in html
    assert OWN_ACCOUNT in html


def test_the_welcome_mail_without_a_name_just_says_hello(production, inbox, trusted):
    client = production()
    address = register(client)
    assert confirm(client, link_token(text_of(inbox.message(0)), "verify-email")) == 200
    (mail,) = mails_to(inbox, address, WELCOME)
    assert text_of(mail).startswith("Hello,\n")


def test_the_welcome_mail_goes_out_once_after_the_first_verification(production, inbox, trusted):
    client = production()
    address = register(client)
    token = link_token(text_of(inbox.message(0)), "verify-email")

    assert confirm(client, token) == 200
    assert confirm(client, token) == 400
    resend = client.post(
        "/auth/verify/resend", json={"channel": "email"}, headers=sign_in(client, address)
    )
    assert resend.status_code == 400
    assert client.post("/auth/verify/email/send", json={"email": address}).status_code == 200

    assert len(mails_to(inbox, address, WELCOME)) == 1
    assert len(mails(inbox)) == 2


def test_the_verify_page_welcomes_once_too(production, inbox, trusted):
    client = production()
    address = register(client)
    first = link_token(text_of(inbox.message(0)), "verify-email")
    resent = client.post(
        "/auth/verify/resend", json={"channel": "email"}, headers=sign_in(client, address)
    )
    assert resent.status_code == 200
    token = link_token(text_of(inbox.message(-1)), "verify-email")

    assert client.post("/verify-email", data={"token": token}).status_code == 200
    assert client.post("/verify-email", data={"token": token}).status_code == 400
    assert client.post("/verify-email", data={"token": first}).status_code == 400

    (mail,) = mails_to(inbox, address, WELCOME)
    assert html_of(mail)


def test_the_development_log_shows_the_welcome_mail_without_secrets(client, mailbox, sign_up):
    alice = sign_up("alice", verified=False)
    assert confirm(client, mailbox.last_token("verify-email", alice.email)) == 200
    assert mailbox.of("welcome", alice.email) == [
        {"to": alice.email, "kind": "welcome", "channel": "email"}
    ]


# Accounts made or verified by Google sign-in.


@pytest.fixture
def providers() -> Iterator[FakeProviders]:
    # A server of their own: the Twilio stand-in on httpserver refuses what is not Twilio's.
    server = HTTPServer()
    server.start()
    yield FakeProviders(server)
    server.clear()
    server.stop()


def google_sign_in(client) -> None:
    """The browser's part of a Google sign-in, the stand-in provider saying yes."""
    begin = client.get(
        "/auth/google",
        params={
            "redirect_uri": "http://127.0.0.1:53682/callback",
            "code_challenge": "A" * 43,
            "code_challenge_method": "S256",
            "state": "desktop-state",
        },
        follow_redirects=False,
    )
    assert begin.status_code == 302, begin.text
    state = parse_qs(urlsplit(begin.headers["location"]).query)["state"][0]
    back = client.get(
        "/auth/google/callback",
        params={"code": "provider-code", "state": state},
        follow_redirects=False,
    )
    assert back.status_code == 302, back.text
    assert "code" in parse_qs(urlsplit(back.headers["location"]).query)


def test_an_account_made_by_google_sign_in_is_welcomed_once(production, providers, inbox, trusted):
    client = production(**providers.settings(PRODUCTION_URL))

    google_sign_in(client)
    google_sign_in(client)

    (mail,) = mails(inbox)
    assert (mail["To"], mail["Subject"]) == (providers.email, WELCOME)
    assert text_of(mail).startswith("Hello Layla Haddad,\n")
    assert "Hello Layla Haddad," in html_of(mail)


def test_an_unverified_account_that_google_verifies_is_welcomed_once(
    production, providers, inbox, trusted
):
    client = production(**providers.settings(PRODUCTION_URL))
    address = register(client)
    providers.userinfo["email"] = address

    google_sign_in(client)
    google_sign_in(client)

    assert len(mails_to(inbox, address, WELCOME)) == 1


def test_a_verified_account_signing_in_with_google_is_not_welcomed_again(
    production, providers, inbox, trusted
):
    client = production(**providers.settings(PRODUCTION_URL))
    address = register(client)
    verified = link_token(text_of(inbox.message(0)), "verify-email")
    assert confirm(client, verified) == 200
    providers.userinfo["email"] = address

    google_sign_in(client)

    assert len(mails_to(inbox, address, WELCOME)) == 1
