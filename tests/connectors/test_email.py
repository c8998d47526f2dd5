"""E-mail over SMTP against a real aiosmtpd server on 127.0.0.1 (plain, SSL and STARTTLS).

SMTP has no machine-readable contract; the server here is a real RFC 5321 implementation, and
what it receives is parsed back with the standard library's RFC 5322 parser.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from werkzeug import Request, Response

from flowin_engine.credentials import Connections
from flowin_engine.errors import RetryableError, StepError
from flowin_engine.kit.mail import Attachment, build_message
from flowin_engine.model import Flow, Node
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.steps import StepContext
from tests.cloud_server import free_port
from tests.engine.builders import make_flow
from tests.smtp_server import Mailbox, self_signed_certificate, server_context, start_smtp

USER, PASSWORD = "orders@shop.example.com", "app-password-123"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


def start(mailbox: Mailbox, **options) -> Controller:
    return start_smtp(mailbox, USER, PASSWORD, **options)


@pytest.fixture
def mailbox() -> Mailbox:
    return Mailbox()


@pytest.fixture
def plain(mailbox) -> Iterator[Controller]:
    controller = start(mailbox, auth_require_tls=False)
    yield controller
    controller.stop()


@pytest.fixture
def trusted(certificate, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))


@pytest.fixture
def starttls(mailbox, certificate, trusted) -> Iterator[Controller]:
    controller = start(mailbox, tls_context=server_context(certificate), require_starttls=True)
    yield controller
    controller.stop()


@pytest.fixture
def implicit_tls(mailbox, certificate, trusted) -> Iterator[Controller]:
    controller = start(mailbox, ssl_context=server_context(certificate), auth_require_tls=False)
    yield controller
    controller.stop()


def account(controller: Controller, security: str, **changes) -> dict:
    return {
        "host": "127.0.0.1",
        "port": controller.port,
        "security": security,
        "username": USER,
        "password": PASSWORD,
        "from_name": "Layla's Shop",
        **changes,
    }


def send(connections: Connections, secret: dict, **params) -> dict:
    connection = connections.add("email", "Shop mail", secret).id
    node_type = default_registry().get("email.send_email")
    params = {"connection": connection, "to": "omar@example.com", "subject": "Hi", **params}
    node = Node(name="Send", type=node_type.type, params=params)
    ctx = StepContext(
        execution_id="t",
        flow=Flow(nodes=[node]),
        node=node,
        attempt=1,
        timeout=10,
        connections=connections,
    )
    return node_type.function(node_type.input_model.model_validate(params), ctx)


def test_connection(secret: dict) -> str:
    connector = default_registry().get("email.send_email").connector
    return connector.test_function(connector.credential_model.model_validate(secret))


test_connection.__test__ = False  # a helper, not a test


def test_sends_text_html_and_attachments_over_starttls(starttls, mailbox, connections, httpserver):
    httpserver.expect_request("/files/terms.txt").respond_with_data(
        "Terms of sale", content_type="text/plain"
    )
    output = send(
        connections,
        account(starttls, "starttls"),
        to="Omar Saleh <omar@example.com>",
        cc="sara@example.com",
        bcc="archive@shop.example.com",
        subject="Your order 1042 ✓",
        text="Thanks for your order.",
        html="<p>Thanks for your <b>order</b>.</p>",
        reply_to="help@shop.example.com",
        attachments=[
            {"filename": "invoice.pdf", "content_base64": base64.b64encode(b"%PDF").decode()},
            {"url": httpserver.url_for("/files/terms.txt")},
        ],
    )
    (envelope,) = mailbox.envelopes
    assert envelope.mail_from == USER
    assert envelope.rcpt_tos == ["omar@example.com", "sara@example.com", "archive@shop.example.com"]
    message = mailbox.message()
    assert message["From"] == f"Layla's Shop <{USER}>"
    assert message["To"] == "Omar Saleh <omar@example.com>"
    assert message["Bcc"] is None
    assert message["Reply-To"] == "help@shop.example.com"
    assert message["Subject"] == "Your order 1042 ✓"
    assert message.get_body(("plain",)).get_content().strip() == "Thanks for your order."
    assert "<b>order</b>" in message.get_body(("html",)).get_content()
    pdf, terms = message.iter_attachments()
    assert (pdf.get_filename(), pdf.get_content_type(), pdf.get_content()) == (
        "invoice.pdf",
        "application/pdf",
        b"%PDF",
    )
    assert (terms.get_filename(), terms.get_content().strip()) == ("terms.txt", "Terms of sale")
    assert output["attachments"] == ["invoice.pdf", "terms.txt"]
    assert output["message_id"] == message["Message-ID"]


def test_sends_over_implicit_ssl(implicit_tls, mailbox, connections):
    send(connections, account(implicit_tls, "ssl"), text="Over TLS")
    assert mailbox.message().get_content().strip() == "Over TLS"


def test_sends_plain_to_a_local_relay(plain, mailbox, connections):
    send(connections, account(plain, "none", username="", from_address="robot@lan.example"))
    assert mailbox.envelopes[0].mail_from == "robot@lan.example"


def test_a_wrong_password_says_to_check_it(plain, mailbox, connections):
    with pytest.raises(StepError, match=r"didn't accept the username or password .*535") as caught:
        send(connections, account(plain, "none", password="wrong"))
    assert not isinstance(caught.value, RetryableError)
    assert mailbox.envelopes == []


def test_the_server_insisting_on_starttls_is_explained(starttls, connections):
    with pytest.raises(
        StepError, match=r"doesn't offer sign-in \(AUTH\) .*check the port and Security"
    ):
        send(connections, account(starttls, "none"))


def test_ssl_on_a_starttls_port_says_to_check_the_port(starttls, connections):
    with pytest.raises(StepError, match="check the port and Security"):
        send(connections, account(starttls, "ssl"))


def test_an_unreachable_server_is_retried_later(connections):
    secret = {"host": "127.0.0.1", "port": free_port(), "security": "none", "username": ""}
    with pytest.raises(RetryableError, match=r"can't connect to 127.0.0.1"):
        send(connections, {**secret, "from_address": "a@b.example"})


def test_test_connection_signs_in_and_quits(starttls, mailbox):
    assert test_connection(account(starttls, "starttls")) == f"Signed in to 127.0.0.1 as {USER}."
    with pytest.raises(StepError, match="username or password"):
        test_connection(account(starttls, "starttls", password="nope"))
    assert mailbox.envelopes == []


def test_a_recipient_without_an_at_sign_is_refused_before_connecting(connections):
    with pytest.raises(StepError, match="'omar' is not an e-mail address"):
        send(connections, {"host": "127.0.0.1", "port": 1, "username": USER}, to="omar")


def test_a_flow_mails_each_order(plain, mailbox, connections):
    connection = connections.add("email", "Shop", account(plain, "none")).id
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            (
                "Mail",
                "email.send_email",
                {
                    "connection": connection,
                    "to": "{{ trigger.email }}",
                    "subject": "Order {{ trigger.id }} confirmed",
                    "html": "<p>Hello {{ trigger.name }}</p>",
                },
            ),
        ],
        ["Start -> Mail"],
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, {"id": 1042, "email": "omar@example.com", "name": "Omar"})
    assert result.ok, result.error
    message = mailbox.message()
    assert message["Subject"] == "Order 1042 confirmed"
    assert "Hello Omar" in message.get_body(("html",)).get_content()


def _trickle(request: Request) -> Response:
    def drip() -> Iterator[bytes]:
        for _ in range(40):
            yield b"x"
            time.sleep(0.5)

    return Response(drip(), mimetype="text/plain")


def _thirty_megabytes(request: Request) -> Response:
    """Says its size first, as a server does; the body need not follow for the test."""
    return Response(iter([b"x" * 1024]), headers={"Content-Length": str(30 * 1024 * 1024)})


def _attach(url: str, timeout: float) -> EmailMessage:
    return build_message(
        sender=USER,
        to=["omar@example.com"],
        subject="Your invoice",
        attachments=[Attachment(url=url)],
        timeout=timeout,
    )


def test_an_attachment_link_that_trickles_stops_at_the_steps_timeout(httpserver):
    httpserver.expect_request("/files/slow.txt").respond_with_handler(_trickle)
    with pytest.raises(RetryableError, match="Can't download the attachment from"):
        _attach(httpserver.url_for("/files/slow.txt"), timeout=2)


def test_an_attachment_link_larger_than_mail_servers_take_is_refused_before_it_is_read(
    httpserver,
):
    httpserver.expect_request("/files/huge.bin").respond_with_handler(_thirty_megabytes)
    with pytest.raises(StepError, match="larger than 25 MB"):
        _attach(httpserver.url_for("/files/huge.bin"), timeout=10)
