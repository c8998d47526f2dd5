"""Notifications sent over each channel through the connector's own operation with the user's
connected account: a real SMTP server (aiosmtpd), and Telegram, Twilio and WhatsApp stand-ins
that only accept what the vendors' descriptions (tests/contracts/vendor) document. A channel
that fails (a bad token) never breaks the run and is told of in the app, once, without its
secret."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import text

from flowin_engine.data_folder import DataFolder
from flowin_engine.events import ExecutionFinished, ExecutionStatus
from flowin_engine.model import FlowStatus
from flowin_engine.notifications import Channel, ChannelKind, Kind, Notifier, Rule
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.store import Store
from tests.contracts.openapi_server import ContractServer
from tests.engine.builders import make_flow, registry_with_testkit
from tests.smtp_server import Mailbox, start_smtp

REGISTRY = registry_with_testkit()
BOT_TOKEN = "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
CHAT = 123456789
TWILIO_SID = "AC" + "1f" * 16
TWILIO_TOKEN = "9b2c" * 8
WHATSAPP_TOKEN = "EAABwzLixnjYBOzYmNMJJGfHq9DgNh"
NUMBER_ID = "106540352242922"
SMTP_USER, SMTP_PASSWORD = "alerts@shop.example.com", "app-password-123"


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


@pytest.fixture
def folder(tmp_path) -> Iterator[DataFolder]:
    with DataFolder(Store(tmp_path / "flowin.db"), registry=REGISTRY) as folder:
        yield folder


def order_flow(store: Store):
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "orders"}),
            ("Send WhatsApp", "core.stop_with_error", {"message": "Invalid WhatsApp API token."}),
        ],
        ["Webhook -> Send WhatsApp"],
        name="Order confirmations",
    )
    flow.status = FlowStatus.ACTIVE
    store.flows.save(flow)
    return flow


def fail(notifier: Notifier, flow, execution_id: str = "4f9a1c2e") -> None:
    from datetime import UTC, datetime

    notifier.run_finished(
        ExecutionFinished(
            execution_id,
            flow.id,
            ExecutionStatus.FAILED,
            datetime.now(UTC),
            0.2,
            "Invalid WhatsApp API token.",
            "Send WhatsApp",
        )
    )


def notifier_with(folder: DataFolder, channel: Channel) -> Notifier:
    notifier = Notifier(folder.store, registry=REGISTRY, connections=folder.connections)
    notifier.set_rule(None, Rule(channels=[Channel(kind=ChannelKind.IN_APP), channel]))
    return notifier


WHAT_THE_MESSAGE_SAYS = (
    "«Order confirmations» failed at step 2 «Send WhatsApp»: Invalid WhatsApp API token."
)


def test_a_failure_is_emailed_through_the_users_smtp_account(folder):
    mailbox = Mailbox()
    server = start_smtp(mailbox, SMTP_USER, SMTP_PASSWORD, auth_require_tls=False)
    try:
        account = folder.connections.add(
            "email",
            "Shop mail",
            {
                "host": "127.0.0.1",
                "port": server.port,
                "security": "none",
                "username": SMTP_USER,
                "password": SMTP_PASSWORD,
                "from_name": "Flowin",
            },
        )
        channel = Channel(kind="email", connection_id=account.id, to="layla@shop.example.com")
        notifier = notifier_with(folder, channel)
        fail(notifier, order_flow(folder.store))
        notifier.stop()
    finally:
        server.stop()
    message = mailbox.message()
    assert message["To"] == "layla@shop.example.com"
    assert message["Subject"] == "«Order confirmations» failed"
    body = message.get_body(("plain",)).get_content()
    assert WHAT_THE_MESSAGE_SAYS in body
    assert "flowin://run/4f9a1c2e" in body and "flowin runs show 4f9a1c2e" in body
    assert mailbox.envelopes[0].rcpt_tos == ["layla@shop.example.com"]
    html = message.get_body(("html",)).get_content()
    assert "«Order confirmations» failed at step 2 «Send WhatsApp»" in html
    assert '<a href="flowin://run/4f9a1c2e"' in html and ">Open the run in Flowin</a>" in html
    assert "<script" not in html and 'dir="ltr"' in html


def test_a_failure_reaches_telegram_as_the_bot_api_describes(folder, httpserver):
    with ContractServer(httpserver, "telegram/openapi.json") as api:
        sent = {
            "ok": True,
            "result": {
                "message_id": 7,
                "date": 1732700100,
                "chat": {"id": CHAT, "type": "private"},
                "text": "…",
            },
        }
        api.respond("/sendMessage", json=sent)
        bot = folder.connections.add(
            "telegram", "Alerts bot", {"bot_token": BOT_TOKEN, "base_url": api.url()}
        )
        notifier = notifier_with(
            folder, Channel(kind="telegram", connection_id=bot.id, to=str(CHAT))
        )
        fail(notifier, order_flow(folder.store))
        assert notifier.test_channel(notifier.rule_for(None).outside[0]).ok
    first, test = api.calls("/sendMessage")
    assert first.request.path == f"/bot{BOT_TOKEN}/sendMessage"
    text = first.request.json["text"]
    assert first.request.json["chat_id"] == CHAT
    assert text.startswith("«Order confirmations» failed\n\n" + WHAT_THE_MESSAGE_SAYS)
    assert "flowin runs show 4f9a1c2e" in text
    assert test.request.json["text"].startswith("Flowin test notification")


def test_a_failure_reaches_a_phone_by_sms_through_twilio(folder, httpserver):
    with ContractServer(httpserver, "twilio/twilio_api_v2010.json") as api:
        api.respond(
            "CreateMessage",
            json={
                "account_sid": TWILIO_SID,
                "api_version": "2010-04-01",
                "body": "…",
                "num_segments": "2",
                "sid": "SM" + "a" * 32,
                "status": "queued",
                "to": "+966501234567",
                "from": "+14155552345",
            },
            status=201,
        )
        account = folder.connections.add(
            "twilio",
            "Shop",
            {"account_sid": TWILIO_SID, "auth_token": TWILIO_TOKEN, "base_url": api.url()},
        )
        channel = Channel(
            kind="sms", connection_id=account.id, to="+966501234567", sender="+14155552345"
        )
        fail(notifier_with(folder, channel), order_flow(folder.store))
    (call,) = api.calls("CreateMessage")
    form = call.request.form
    assert (form["To"], form["From"]) == ("+966501234567", "+14155552345")
    assert form["Body"].startswith("«Order confirmations» failed: " + WHAT_THE_MESSAGE_SAYS)


def test_a_failure_reaches_whatsapp_as_an_approved_template(folder, httpserver):
    with ContractServer(httpserver, "whatsapp/business-messaging-api_v23.0.yaml") as api:
        api.respond(
            "sendMessage",
            json={
                "messaging_product": "whatsapp",
                "contacts": [{"input": "966501234567", "wa_id": "966501234567"}],
                "messages": [{"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA"}],
            },
        )
        account = folder.connections.add(
            "whatsapp",
            "Shop number",
            {"access_token": WHATSAPP_TOKEN, "phone_number_id": NUMBER_ID, "base_url": api.url()},
        )
        channel = Channel(
            kind="whatsapp",
            connection_id=account.id,
            to="966501234567",
            template="flow_alert",
            template_language="en",
        )
        fail(notifier_with(folder, channel), order_flow(folder.store))
    (call,) = api.calls("sendMessage")
    body = call.request.json
    assert body["type"] == "template" and body["to"] == "966501234567"
    assert body["template"]["name"] == "flow_alert"
    assert body["template"]["language"]["code"] == "en"
    (value,) = body["template"]["components"][0]["parameters"]
    # A template's value may hold no new lines: the message is on one line.
    assert "\n" not in value["text"]
    assert WHAT_THE_MESSAGE_SAYS in value["text"] and "flowin runs show 4f9a1c2e" in value["text"]


def test_a_broken_channel_never_breaks_a_run_and_is_told_once_without_its_secret(
    folder, httpserver, caplog
):
    caplog.set_level(logging.DEBUG)
    store = folder.store
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "orders"}),
            ("Fine", "core.set_fields", {"fields": [{"name": "ok", "value": "yes"}]}),
            (
                "Stop",
                "core.stop_with_error",
                {"message": "Order {{ trigger.body.order }} has no phone number."},
            ),
        ],
        ["Webhook -> Fine", "Fine -> Stop"],
        name="Order confirmations",
    )
    flow.status = FlowStatus.ACTIVE
    store.flows.save(flow)
    with ContractServer(httpserver, "whatsapp/business-messaging-api_v23.0.yaml") as api:
        # Graph's documented error object; the document itself lists 200s only.
        api.respond(
            "sendMessage",
            json={
                "error": {
                    "message": "Error validating access token",
                    "type": "OAuthException",
                    "code": 190,
                    "fbtrace_id": "AbC",
                }
            },
            status=401,
            check=False,
        )
        account = folder.connections.add(
            "whatsapp",
            "Shop number",
            {"access_token": WHATSAPP_TOKEN, "phone_number_id": NUMBER_ID, "base_url": api.url()},
        )
        channel = Channel(
            kind="whatsapp", connection_id=account.id, to="966501234567", template="flow_alert"
        )
        runtime = folder.runtime(RuntimeSettings(port=0, sync_interval=0.1))
        runtime.notifications.set_rule(
            None, Rule(channels=[Channel(kind=ChannelKind.IN_APP), channel])
        )
        runtime.start()
        try:
            runtime.sync()
            ids = []
            for order in (1, 2):
                reply = httpx.post(f"{runtime.address}/webhook/orders", json={"order": order})
                assert reply.status_code == 202
                ids.append(reply.json()["execution_id"])
                # Each is another failure (its own reason), so each is sent.
                _wait_for(lambda n=order: _broken_count(runtime.notifications) == n)
        finally:
            runtime.stop(grace=2)
        assert len(api.calls("sendMessage")) == 2

    for order, execution_id in enumerate(ids, start=1):
        detail = store.executions.get(execution_id)
        assert detail.status == ExecutionStatus.FAILED
        assert detail.error == f"Order {order} has no phone number."  # its own, nothing else
        assert [s.status for s in detail.steps] == ["success", "success", "failed"]
    rows = runtime.notifications.list()
    (broken,) = [r for r in rows if r.kind == Kind.CHANNEL_FAILED]
    assert broken.count == 2  # told once, the second time counted in the same row
    assert broken.title == "A notification could not be sent by WhatsApp"
    assert "Invalid WhatsApp API token — reconnect the WhatsApp account." in broken.text
    assert len([r for r in rows if r.kind == Kind.FAILURE]) == 2
    everything = repr(rows) + caplog.text
    assert WHATSAPP_TOKEN not in everything
    with store._database.reading() as session:
        dumped = "".join(str(row) for row in session.execute(text("SELECT * FROM notifications")))
        dumped += "".join(
            str(row) for row in session.execute(text("SELECT * FROM notification_rules"))
        )
    assert WHATSAPP_TOKEN not in dumped


def test_testing_a_channel_says_what_went_wrong_in_a_sentence(folder):
    notifier = Notifier(folder.store, registry=REGISTRY, connections=folder.connections)
    result = notifier.test_channel(Channel(kind="telegram", connection_id=None, to="1"))
    assert not result.ok
    assert result.message == (
        "No telegram account is chosen for notifications; choose one in the notification settings."
    )
    assert notifier.test_channel(Channel(kind="in_app")).ok
    assert notifier.list() == []  # a test leaves no row


def _broken_count(notifier: Notifier) -> int:
    rows = [r for r in notifier.list() if r.kind == Kind.CHANNEL_FAILED]
    return rows[0].count if rows else 0


def _wait_for(condition, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("timed out waiting")
