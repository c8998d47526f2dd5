"""The cloud backend in-process (FastAPI's TestClient) on a real database.

Every test runs on SQLite (a file in a temporary folder) and on PostgreSQL when
FLOWIN_TEST_POSTGRES_URL is set; each test module gets its own database (PostgreSQL: its own
schema, dropped afterwards). E-mails and SMS are read from the development log, or, with
``production``, from a real SMTP server (aiosmtpd) and a Twilio stand-in on 127.0.0.1.
"""

from __future__ import annotations

import email.message
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from sqlalchemy import select

from flowin_cloud import Settings, create_app
from flowin_cloud.models import User
from tests.cloud_server import (
    DEFAULT_PASSWORD,
    TEST_ENV,
    cloud_server,  # noqa: F401 (the real process, for end-to-end tests)
    parse_dev_line,
)
from tests.contracts.openapi_server import ContractServer
from tests.postgres import postgres_schema
from tests.smtp_server import Mailbox as SmtpMailbox
from tests.smtp_server import self_signed_certificate, server_context, start_smtp


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('cloud-db') / 'cloud.db'}"
        return
    with postgres_schema("flowin_test") as url:
        yield url


def settings_for(database_url: str, folder: Path, **overrides: object) -> Settings:
    limits = {key.removeprefix("FLOWIN_CLOUD_").lower(): value for key, value in TEST_ENV.items()}
    values: dict[str, object] = {
        **limits,
        "database_url": database_url,
        "data_dir": folder,
        "dev": True,
        "jwt_secret": "a test secret that is long enough for HS256 tokens",
        **overrides,
    }
    return Settings(**values)  # type: ignore[arg-type]


class Mailbox(logging.Handler):
    """Collects the development-mode e-mail and SMS lines of the outbox logger."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.messages: list[dict[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        fields = parse_dev_line(record.getMessage())
        if fields is not None:
            self.messages.append(fields)

    def of(self, kind: str, to: str) -> list[dict[str, str]]:
        return [m for m in self.messages if m["kind"] == kind and m["to"] == to]

    def last_token(self, kind: str, to: str) -> str:
        found = self.of(kind, to)
        assert found, f"no {kind} message to {to}; sent: {self.messages}"
        return found[-1].get("token") or found[-1]["code"]


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    handler = Mailbox()
    logger = logging.getLogger("flowin_cloud.outbox")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


@pytest.fixture
def make_client(database_url: str, tmp_path: Path, mailbox: Mailbox) -> Iterator:
    """Builds a TestClient on this module's database with settings changed as given."""
    apps = []

    def make(**overrides: object) -> TestClient:
        app = create_app(settings_for(database_url, tmp_path, **overrides))
        apps.append(app)
        return TestClient(app)

    yield make
    for app in apps:
        app.state.engine.dispose()


@pytest.fixture
def client(make_client) -> TestClient:
    return make_client()


@dataclass
class Account:
    client: TestClient
    email: str
    password: str = DEFAULT_PASSWORD
    tokens: dict[str, str] = field(default_factory=dict)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens['access_token']}"}

    def login(self) -> dict[str, str]:
        response = self.client.post(
            "/auth/login", json={"email": self.email, "password": self.password}
        )
        assert response.status_code == 200, response.text
        self.tokens = response.json()
        return self.tokens


def unique_email(name: str = "user") -> str:
    return f"{name}-{uuid.uuid4().hex[:8]}@example.com"


@pytest.fixture
def sign_up(client: TestClient, mailbox: Mailbox):
    """Registers a new account (a fresh e-mail address), verifies its address with the link
    "sent" (unless ``verified=False``) and signs it in."""

    def make(name: str = "user", verified: bool = True) -> Account:
        account = Account(client=client, email=unique_email(name))
        response = client.post(
            "/auth/register", json={"email": account.email, "password": account.password}
        )
        assert response.status_code == 201, response.text
        if verified:
            token = mailbox.last_token("verify-email", account.email)
            confirmed = client.post("/auth/verify/email/confirm", json={"token": token})
            assert confirmed.status_code == 200, confirmed.text
        account.login()
        return account

    return make


@pytest.fixture
def alice(sign_up) -> Account:
    return sign_up("alice")


@pytest.fixture
def bob(sign_up) -> Account:
    return sign_up("bob")


# Outside development mode: a real SMTP server and Twilio stand-in.

SMTP_USER, SMTP_PASSWORD = "mailer@flowin.example", "smtp-password-123"
MAIL_FROM = "Flowin <no-reply@flowin.example>"
PRODUCTION_URL = "https://cloud.flowin.example"
TWILIO_SID = "AC" + "3e" * 16
TWILIO_TOKEN = "7d1a" * 8
TWILIO_FROM = "+14155552345"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def inbox() -> SmtpMailbox:
    return SmtpMailbox()


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
            "public_url": PRODUCTION_URL,
            "smtp_host": "127.0.0.1",
            "smtp_port": smtp_server.port,
            "smtp_username": SMTP_USER,
            "smtp_password": SMTP_PASSWORD,
            "mail_from": MAIL_FROM,
            "twilio_account_sid": TWILIO_SID,
            "twilio_auth_token": TWILIO_TOKEN,
            "twilio_from": TWILIO_FROM,
            "twilio_base_url": twilio_api.url(),
            **overrides,
        }
        app = create_app(settings_for(database_url, tmp_path, **settings))
        apps.append(app)
        return TestClient(app)

    yield make
    for app in apps:
        app.state.engine.dispose()


def register(client: TestClient, name: str | None = None, verified: bool = False) -> str:
    """Registers a new address; ``verified`` marks it verified in the database, for tests of
    what only verified accounts may do (phones, keys) that do not read the link's mail."""
    address = unique_email()
    account = {"email": address, "password": DEFAULT_PASSWORD}
    response = client.post(
        "/auth/register", json=account if name is None else {**account, "name": name}
    )
    assert response.status_code == 201, response.text
    if verified:
        with client.app.state.cloud.sessions() as session:
            user = session.scalars(select(User).where(User.email == address)).one()
            user.email_verified_at = datetime.now(UTC)
            session.commit()
    return address


def sign_in(client: TestClient, address: str) -> dict[str, str]:
    response = client.post("/auth/login", json={"email": address, "password": DEFAULT_PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def text_of(mail: email.message.EmailMessage) -> str:
    """The plain-text part of a mail, its lines ending in "\\n" (SMTP carries "\\r\\n")."""
    part = mail.get_body(("plain",))
    assert part is not None, mail
    return part.get_content().replace("\r\n", "\n")


def link_token(text: str, page: str) -> str:
    (link,) = [line for line in text.splitlines() if line.startswith(f"{PRODUCTION_URL}/{page}?")]
    return parse_qs(urlsplit(link).query)["token"][0]
