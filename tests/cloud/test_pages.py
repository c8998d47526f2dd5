"""The web pages behind the links in e-mails: verifying the address and choosing a new password."""

from __future__ import annotations

import base64
import hashlib
import html
import re

import pytest

from flowin_cloud.languages import language, preferred
from tests.cloud.conftest import unique_email
from tests.cloud_server import DEFAULT_PASSWORD

NEW_PASSWORD = "a brand new password"
VERIFIED = "Your e-mail address is verified. You can close this page and sign in to Flowin."
VERIFY_EXPIRED = (
    "This link has expired or was already used. Sign in to Flowin and ask for a new one."
)
CHANGED = (
    "Your password is changed. Sign in to Flowin with the new one. You are signed out on every "
    "computer and your API keys are deleted; make new keys for the apps that need them."
)
ARABIC = {"Accept-Language": "ar-SA,ar;q=0.9,en;q=0.8"}


def text_of(response) -> str:
    return html.unescape(response.text)


def hidden_token(response) -> str:
    match = re.search(r'<input type="hidden" name="token" value="([^"]*)">', response.text)
    assert match, response.text
    return html.unescape(match.group(1))


def email_verified(client, account) -> bool:
    return client.get("/auth/verify/status", headers=account.headers).json()["email_verified"]


def reset_token(client, mailbox, email) -> str:
    client.post("/auth/forgot-password", json={"email": email})
    return mailbox.last_token("reset-password", email)


def reset_token_valid(client, token) -> bool:
    return client.get("/auth/validate-reset-token", params={"token": token}).json()["valid"]


def can_sign_in(client, email, password) -> bool:
    response = client.post("/auth/login", json={"email": email, "password": password})
    return response.status_code == 200


def test_the_links_in_the_emails_lead_to_the_pages(client, monkeypatch):
    sent = []
    monkeypatch.setattr(client.app.state.cloud.outbox, "email", sent.append)
    email = unique_email()
    client.post("/auth/register", json={"email": email, "password": DEFAULT_PASSWORD})
    client.post("/auth/forgot-password", json={"email": email})
    public_url = client.app.state.cloud.settings.public_url
    links = [re.search(rf"{re.escape(public_url)}(\S+)", message.text) for message in sent]
    assert [link.group(1).split("?")[0] for link in links if link] == [
        "/verify-email",
        "/reset-password",
    ]
    for link in links:
        page = client.get(link.group(1))
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert "<form" in page.text


def test_opening_the_verification_link_does_not_use_the_token(client, sign_up, mailbox):
    alice = sign_up("alice", verified=False)
    token = mailbox.last_token("verify-email", alice.email)
    for _scanner_and_person in range(2):
        page = client.get("/verify-email", params={"token": token})
        assert page.status_code == 200
        assert "Verify my e-mail address" in text_of(page)
        assert '<form method="post" action="verify-email">' in page.text
        assert hidden_token(page) == token
    assert not email_verified(client, alice)
    assert client.post("/auth/verify/email/confirm", json={"token": token}).status_code == 200


def test_the_button_verifies_the_address(client, sign_up, mailbox):
    alice = sign_up("alice", verified=False)
    token = mailbox.last_token("verify-email", alice.email)
    page = client.get("/verify-email", params={"token": token})
    done = client.post("/verify-email", data={"token": hidden_token(page)})
    assert done.status_code == 200
    assert VERIFIED in text_of(done)
    assert email_verified(client, alice)


def test_a_used_or_wrong_verification_link_shows_the_error_page(client, sign_up, mailbox):
    alice = sign_up("alice", verified=False)
    token = mailbox.last_token("verify-email", alice.email)
    assert client.post("/verify-email", data={"token": token}).status_code == 200
    for body in ({"token": token}, {"token": "not-a-token"}, {}):
        page = client.post("/verify-email", data=body)
        assert page.status_code == 400
        assert VERIFY_EXPIRED in text_of(page)
        assert "<form" not in page.text
    # One token, one use, whichever way it is used: the API refuses it too.
    assert client.post("/auth/verify/email/confirm", json={"token": token}).status_code == 400


def test_a_verification_page_without_a_token_shows_the_error_page(client):
    page = client.get("/verify-email")
    assert page.status_code == 400
    assert VERIFY_EXPIRED in text_of(page)


def test_the_page_escapes_what_the_address_carries(client):
    page = client.get("/verify-email", params={"token": '"><script>alert(1)</script>'})
    assert "<script>" not in page.text
    assert hidden_token(page) == '"><script>alert(1)</script>'


def test_a_wrong_reset_link_shows_the_error_page(client, alice, mailbox):
    for params in ({"token": "not-a-token"}, {}):
        page = client.get("/reset-password", params=params)
        assert page.status_code == 400
        assert "expired or was already used" in text_of(page)
        assert "ask for a new one" in text_of(page).lower()
        assert "<form" not in page.text
    sent = client.post(
        "/reset-password",
        data={"token": "not-a-token", "password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD},
    )
    assert sent.status_code == 400
    assert "expired or was already used" in text_of(sent)
    assert can_sign_in(client, alice.email, alice.password)


def test_the_reset_page_shows_a_form_without_using_the_token(client, alice, mailbox):
    token = reset_token(client, mailbox, alice.email)
    page = client.get("/reset-password", params={"token": token})
    assert page.status_code == 200
    assert hidden_token(page) == token
    assert 'name="password" type="password"' in page.text
    assert 'name="password_repeat" type="password"' in page.text
    assert 'minlength="8"' in page.text
    assert "At least 8 characters." in text_of(page)
    assert reset_token_valid(client, token)


@pytest.mark.parametrize(
    ("password", "repeat", "problem"),
    [
        (NEW_PASSWORD, NEW_PASSWORD + "!", "The two passwords are not the same."),
        ("short", "short", "The password needs at least 8 characters."),
        ("x" * 129, "x" * 129, "The password can have at most 128 characters."),
    ],
)
def test_the_reset_form_shows_what_is_wrong_and_the_link_keeps_working(
    client, alice, mailbox, password, repeat, problem
):
    token = reset_token(client, mailbox, alice.email)
    page = client.post(
        "/reset-password", data={"token": token, "password": password, "password_repeat": repeat}
    )
    assert page.status_code == 400
    assert problem in text_of(page)
    assert 'role="alert"' in page.text
    assert hidden_token(page) == token
    assert password not in page.text and repeat not in page.text
    assert reset_token_valid(client, token)
    assert can_sign_in(client, alice.email, alice.password)


def test_the_reset_form_changes_the_password(client, alice, mailbox):
    token = reset_token(client, mailbox, alice.email)
    done = client.post(
        "/reset-password",
        data={"token": token, "password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD},
    )
    assert done.status_code == 200
    assert CHANGED in text_of(done)
    assert NEW_PASSWORD not in done.text and token not in done.text
    assert not can_sign_in(client, alice.email, alice.password)
    assert can_sign_in(client, alice.email, NEW_PASSWORD)
    # Like the API, a reset ends every sign-in, and the link works once.
    refreshed = client.post("/auth/refresh", json={"refresh_token": alice.tokens["refresh_token"]})
    assert refreshed.status_code == 401
    assert client.get("/reset-password", params={"token": token}).status_code == 400
    again = client.post(
        "/reset-password",
        data={"token": token, "password": "yet another one", "password_repeat": "yet another one"},
    )
    assert again.status_code == 400
    assert can_sign_in(client, alice.email, NEW_PASSWORD)


def test_the_pages_are_arabic_when_the_browser_prefers_arabic(client, sign_up, mailbox):
    alice = sign_up("alice", verified=False)
    token = mailbox.last_token("verify-email", alice.email)
    page = client.get("/verify-email", params={"token": token}, headers=ARABIC)
    assert '<html lang="ar" dir="rtl">' in page.text
    assert "تأكيد عنوان بريدي الإلكتروني" in page.text
    assert "Verify my" not in page.text
    done = client.post("/verify-email", data={"token": token}, headers=ARABIC)
    assert '<html lang="ar" dir="rtl">' in done.text
    assert "تم تأكيد عنوان بريدك الإلكتروني" in done.text
    reset = client.get(
        "/reset-password",
        params={"token": reset_token(client, mailbox, alice.email)},
        headers=ARABIC,
    )
    assert "كلمة المرور الجديدة" in reset.text
    english = client.get("/verify-email", params={"token": token})
    assert '<html lang="en" dir="ltr">' in english.text


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "en"),
        ("", "en"),
        ("ar", "ar"),
        ("ar-EG", "ar"),
        ("en-US,en;q=0.9,ar;q=0.8", "en"),
        ("ar;q=0.8, en;q=0.9", "en"),
        ("fr-FR, ar;q=0.9, en;q=0.8", "ar"),
        ("en;q=0, ar;q=0.1", "ar"),
        ("ar;q=0, en", "en"),
        ("de, fr", "en"),
        ("ar;q=nonsense, en", "en"),
    ],
)
def test_arabic_only_when_ranked_above_english(header, expected):
    assert language(header) == expected


@pytest.mark.parametrize("header", [None, "", "de, fr", "ar;q=0, en;q=0"])
def test_a_header_naming_no_supported_language_prefers_none(header):
    # So an account's language is not reset to English by a client that sent no preference.
    assert preferred(header) is None


def test_the_pages_send_security_headers(client, alice, mailbox):
    token = mailbox.last_token("verify-email", alice.email)
    responses = [
        client.get("/verify-email", params={"token": token}),
        client.post("/verify-email", data={"token": "wrong"}),
        client.get("/reset-password", params={"token": reset_token(client, mailbox, alice.email)}),
        client.get("/reset-password", params={"token": "wrong"}),
    ]
    for response in responses:
        headers = response.headers
        assert headers["cache-control"] == "no-store"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        policy = dict(
            part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";")
        )
        assert policy["default-src"] == "'none'"
        assert policy["frame-ancestors"] == "'none'"
        assert "script-src" not in policy
        style = re.search(r"<style>(.*?)</style>", response.text, re.DOTALL)
        assert style, response.text
        digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
        assert policy["style-src"] == f"'sha256-{digest}'"
        assert "<script" not in response.text


def test_the_pages_are_not_in_the_api_schema(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/verify-email" not in paths
    assert "/reset-password" not in paths


def test_the_pages_keep_the_api_rate_limits(make_client):
    client = make_client(code_limit_per_ip="2/minute")
    client.post("/auth/verify/email/confirm", json={"token": "wrong"})
    assert client.post("/verify-email", data={"token": "wrong"}).status_code == 400
    limited = client.post("/verify-email", data={"token": "wrong"})
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) > 0
    assert limited.headers["content-type"].startswith("text/html")
    assert f"wait {limited.headers['retry-after']} seconds" in text_of(limited)
    assert limited.headers["cache-control"] == "no-store"

    client.get("/auth/validate-reset-token", params={"token": "wrong"})
    assert client.get("/reset-password", params={"token": "wrong"}).status_code == 400
    assert client.get("/reset-password", params={"token": "wrong"}).status_code == 429
    refused = client.post(
        "/reset-password",
        data={"token": "wrong", "password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD},
    )
    assert refused.status_code == 429
    assert (
        client.post(
            "/auth/reset-password", json={"token": "wrong", "password": NEW_PASSWORD}
        ).status_code
        == 429
    )
