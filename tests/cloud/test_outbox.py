"""The outbox outside development mode: e-mail to a real SMTP server (aiosmtpd) on 127.0.0.1,
SMS through the Twilio SDK to a local API that checks each request against Twilio's OpenAPI
description (tests/contracts/vendor/twilio), both driven through the app's own endpoints.

A message that can't be sent is logged; the request that sent it answers as usual.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient

from flowin_cloud import create_app
from tests.cloud.conftest import settings_for, unique_email
from tests.cloud_server import DEFAULT_PASSWORD, free_port
from tests.contracts.openapi_server import ContractServer, twilio_error
from tests.smtp_server import Mailbox, self_signed_certificate, server_context, start_smtp

SMTP_USER, SMTP_PASSWORD = "mailer@flowin.example", "smtp-password-123"
MAIL_FROM = "Flowin <no-reply@flowin.example>"
PUBLIC_URL = "https://cloud.flowin.example"
SID = "AC" + "3e" * 16
TOKEN = "7d1a" * 8
SENDER = "+14155552345"
PHONE = "+966501234567"
MESSAGES = f"/2010-04-01/Accounts/{SID}/Messages.json"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def inbox() -> Mailbox:
    return Mailbox()


@pytest.fixture
def smtp_server(inbox, certificate) -> Iterator[Controller]:
    """Like a submission server on port 587: STARTTLS, then sign-in, before any mail."""
    controller = start_smtp(
        inbox,
        SMTP_USER,
        SMTP_PASSWORD,
        tls_context=server_context(certificate),
        require_starttls=True,
        auth_required=True,
    )
    yield controller
    controller.stop()


@pytest.fixture
def trusted(certificate, monkeypatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))


@pytest.fixture
def twilio_api(httpserver) -> Iterator[ContractServer]:
    # CreateMessage is answered with the document's own example unless a test gives another.
    with ContractServer(httpserver, "twilio/twilio_api_v2010.json") as server:
        yield server


@pytest.fixture
def production(database_url, tmp_path, smtp_server, twilio_api) -> Iterator:
    """Builds the app outside development mode, its SMTP server and Twilio on 127.0.0.1;
    keyword arguments change the settings."""
    apps = []

    def make(**overrides: object) -> TestClient:
        settings = {
            "dev": False,
            "public_url": PUBLIC_URL,
            "smtp_host": "127.0.0.1",
            "smtp_port": smtp_server.port,
            "smtp_username": SMTP_USER,
            "smtp_password": SMTP_PASSWORD,
            "mail_from": MAIL_FROM,
            "twilio_account_sid": SID,
            "twilio_auth_token": TOKEN,
            "twilio_from": SENDER,
            "twilio_base_url": twilio_api.url(),
            **overrides,
        }
        app = create_app(settings_for(database_url, tmp_path, **settings))
        apps.append(app)
        return TestClient(app)

    yield make
    for app in apps:
        app.state.engine.dispose()


def register(client: TestClient) -> str:
    address = unique_email()
    response = client.post("/auth/register", json={"email": address, "password": DEFAULT_PASSWORD})
    assert response.status_code == 201, response.text
    return address


def sign_in(client: TestClient, address: str) -> dict[str, str]:
    response = client.post("/auth/login", json={"email": address, "password": DEFAULT_PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def link_token(text: str, page: str) -> str:
    (link,) = [line for line in text.splitlines() if line.startswith(f"{PUBLIC_URL}/{page}?")]
    return parse_qs(urlsplit(link).query)["token"][0]


def failures(caplog: pytest.LogCaptureFixture, text: str) -> list[logging.LogRecord]:
    return [
        r
        for r in caplog.records
        if r.name == "flowin_cloud.outbox" and r.levelno == logging.ERROR and text in r.message
    ]


# E-mail.


def test_registration_mails_a_verification_link_over_starttls(
    production, smtp_server, inbox, trusted
):
    client = production()
    address = register(client)
    (envelope,) = inbox.envelopes
    assert (envelope.mail_from, envelope.rcpt_tos) == ("no-reply@flowin.example", [address])
    mail = inbox.message()
    assert (mail["To"], mail["From"], mail["Subject"]) == (
        address,
        MAIL_FROM,
        "Verify your e-mail address for Flowin",
    )
    token = link_token(mail.get_content(), "verify-email")
    confirmed = client.post("/auth/verify/email/confirm", json={"token": token})
    assert confirmed.status_code == 200, confirmed.text


def test_forgot_password_mails_a_reset_link_that_resets_it(production, inbox, trusted):
    client = production()
    address = register(client)
    answer = client.post("/auth/forgot-password", json={"email": address})
    assert answer.status_code == 200
    mail = inbox.message()
    assert (mail["To"], mail["From"], mail["Subject"]) == (
        address,
        MAIL_FROM,
        "Reset your Flowin password",
    )
    token = link_token(mail.get_content(), "reset-password")
    reset = client.post(
        "/auth/reset-password", json={"token": token, "password": "another long password 9"}
    )
    assert reset.status_code == 200, reset.text


def forgot_password_still_answers(client: TestClient) -> None:
    answer = client.post("/auth/forgot-password", json={"email": register(client)})
    assert answer.status_code == 200
    assert answer.json() == {
        "message": "If this address has an account, a reset link is on its way."
    }


def test_a_refused_sign_in_is_logged_and_forgot_password_answers_as_usual(
    production, inbox, caplog, trusted
):
    forgot_password_still_answers(production(smtp_password="wrong password"))
    assert inbox.envelopes == []
    assert failures(caplog, "Could not send the reset-password e-mail.")


def test_an_unreachable_smtp_server_is_logged_and_forgot_password_answers_as_usual(
    production, caplog
):
    forgot_password_still_answers(production(smtp_port=free_port()))
    assert failures(caplog, "Could not send the reset-password e-mail.")


def test_a_server_whose_certificate_is_not_trusted_gets_no_mail(production, inbox, caplog):
    forgot_password_still_answers(production())
    assert inbox.envelopes == []
    (failure,) = failures(caplog, "Could not send the reset-password e-mail.")
    assert "CERTIFICATE_VERIFY_FAILED" in failure.exc_text


# SMS.


def test_adding_a_phone_texts_the_code_through_twilio(production, twilio_api):
    client = production()
    headers = sign_in(client, register(client))
    sent = client.post("/auth/verify/phone/add-and-send", json={"phone": PHONE}, headers=headers)
    assert sent.status_code == 200, sent.text
    (call,) = twilio_api.calls("CreateMessage")
    assert call.request.path == MESSAGES
    assert (call.request.authorization.username, call.request.authorization.password) == (
        SID,
        TOKEN,
    )
    form = call.request.form.to_dict()
    assert (form["To"], form["From"]) == (PHONE, SENDER)
    code = form["Body"].split("code is ")[1][:6]
    verified = client.post("/auth/verify/phone/verify-mine", json={"code": code}, headers=headers)
    assert verified.status_code == 200, verified.text


@pytest.mark.parametrize(
    ("status", "code", "message"),
    [(400, 21211, "Invalid 'To' Phone Number"), (401, 20003, "Authenticate")],
)
def test_a_twilio_refusal_is_logged_and_the_request_answers_as_usual(
    production, twilio_api, caplog, status, code, message
):
    twilio_api.respond(
        "CreateMessage", json=twilio_error(status, code, message), status=status, check=False
    )
    client = production()
    headers = sign_in(client, register(client))
    sent = client.post("/auth/verify/phone/add-and-send", json={"phone": PHONE}, headers=headers)
    assert sent.status_code == 200, sent.text
    assert len(twilio_api.calls("CreateMessage")) == 1
    (failure,) = failures(caplog, "Could not send the verify-phone SMS.")
    assert message in failure.exc_text


def test_an_unreachable_twilio_is_logged(production, caplog):
    client = production(twilio_base_url=f"http://127.0.0.1:{free_port()}")
    headers = sign_in(client, register(client))
    sent = client.post("/auth/verify/phone/add-and-send", json={"phone": PHONE}, headers=headers)
    assert sent.status_code == 200, sent.text
    assert failures(caplog, "Could not send the verify-phone SMS.")


def test_the_contract_refuses_an_sms_from_a_malformed_account_sid(production, twilio_api, caplog):
    client = production(twilio_account_sid="not-an-account-sid")
    headers = sign_in(client, register(client))
    client.post("/auth/verify/phone/add-and-send", json={"phone": PHONE}, headers=headers)
    assert twilio_api.rejected and not twilio_api.calls()
    assert failures(caplog, "Could not send the verify-phone SMS.")
    twilio_api.rejected.clear()
