"""The outbox outside development mode: e-mail to a real SMTP server (aiosmtpd) on 127.0.0.1,
SMS through the Twilio SDK to a local API that checks each request against Twilio's OpenAPI
description (tests/contracts/vendor/twilio), both driven through the app's own endpoints.

A message that can't be sent is logged; the request that sent it answers as usual.
"""

from __future__ import annotations

import datetime
import email
import email.policy
import ipaddress
import logging
import socket
import ssl
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from fastapi.testclient import TestClient

from flowin_cloud import create_app
from tests.cloud.conftest import settings_for, unique_email
from tests.cloud_server import DEFAULT_PASSWORD
from tests.contracts.openapi_server import ContractServer

SMTP_USER, SMTP_PASSWORD = "mailer@flowin.example", "smtp-password-123"
MAIL_FROM = "Flowin <no-reply@flowin.example>"
PUBLIC_URL = "https://cloud.flowin.example"
SID = "AC" + "3e" * 16
TOKEN = "7d1a" * 8
SENDER = "+14155552345"
PHONE = "+966501234567"
MESSAGES = f"/2010-04-01/Accounts/{SID}/Messages.json"


class Inbox:
    """What the SMTP server accepted, parsed back with the standard library's RFC 5322 parser."""

    def __init__(self) -> None:
        self.envelopes: list = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def message(self, index: int = -1) -> email.message.EmailMessage:
        return email.message_from_bytes(self.envelopes[index].content, policy=email.policy.default)


def authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        SMTP_USER.encode(),
        SMTP_PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (trusted only where a test sets SSL_CERT_FILE)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


@pytest.fixture
def inbox() -> Inbox:
    return Inbox()


@pytest.fixture
def smtp_server(inbox, certificate) -> Iterator[Controller]:
    """Like a submission server on port 587: STARTTLS, then sign-in, before any mail."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=context,
        require_starttls=True,
        authenticator=authenticator,
        auth_required=True,
    )
    controller.start()
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


def twilio_error(status: int, code: int, message: str) -> dict:
    """Twilio's error body (twilio.com/docs/usage/twilios-response#response-formats-exceptions),
    which its OpenAPI description leaves out, hence check=False."""
    return {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }


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
