"""Twilio through its official SDK, against a local API that validates each request with
Twilio's OpenAPI description (tests/contracts/vendor/twilio).

The description covers sending (CreateMessage, form body, basic auth) and fetching the account.
It documents success answers only, so error answers use Twilio's documented error body
(twilio.com/docs/usage/twilios-response#response-formats-exceptions) with check=False. The
incoming-SMS webhook is not in it; its fields and signature follow twilio.com/docs/messaging/
guides/webhook-request and twilio.com/docs/usage/security, computed here with the SDK's own
RequestValidator.
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

import httpx
import pytest
from twilio.request_validator import RequestValidator

from flowin_engine.credentials import Connections
from flowin_engine.errors import RetryableError, StepError
from flowin_engine.model import Flow, Node
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.steps import StepContext
from flowin_engine.webhooks import GateContext, WebhookRejected, WebhookRequest
from tests.contracts.openapi_server import ContractServer, twilio_error
from tests.engine.builders import make_flow

SID = "AC" + "1f" * 16
TOKEN = "9b2c" * 8
MESSAGES = f"/2010-04-01/Accounts/{SID}/Messages.json"
PUBLIC_URL = "https://flowin.example/webhook/sms"


def created(body: str = "Your code is 4821") -> dict:
    return {
        "account_sid": SID,
        "api_version": "2010-04-01",
        "body": body,
        "date_created": "Thu, 24 Aug 2023 05:01:45 +0000",
        "date_sent": None,
        "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000",
        "direction": "outbound-api",
        "error_code": None,
        "error_message": None,
        "from": "+14155552345",
        "messaging_service_sid": None,
        "num_media": "0",
        "num_segments": "1",
        "price": None,
        "price_unit": "USD",
        "sid": "SM" + "a" * 32,
        "status": "queued",
        "subresource_uris": {
            "media": f"/2010-04-01/Accounts/{SID}/Messages/SM{'a' * 32}/Media.json"
        },
        "to": "+966501234567",
        "uri": f"/2010-04-01/Accounts/{SID}/Messages/SM{'a' * 32}.json",
    }


@pytest.fixture
def api(httpserver):
    with ContractServer(httpserver, "twilio/twilio_api_v2010.json") as server:
        yield server


@pytest.fixture
def account(api, connections) -> str:
    return connections.add(
        "twilio", "Shop", {"account_sid": SID, "auth_token": TOKEN, "base_url": api.url()}
    ).id


def run(
    operation: str, params: dict, connections: Connections, trigger_data=None, timeout: float = 5
):
    node_type = default_registry().get(f"twilio.{operation}")
    node = Node(name="Twilio", type=node_type.type, params=params)
    ctx = StepContext(
        execution_id="test",
        flow=Flow(nodes=[node]),
        node=node,
        attempt=1,
        timeout=timeout,
        trigger_data=trigger_data,
        connections=connections,
    )
    return node_type.function(node_type.input_model.model_validate(params), ctx)


SMS = {"to": "+966501234567", "from_number": "+14155552345", "body": "Your code is 4821"}


def test_send_sms_creates_a_message_through_the_sdk(api, account, connections):
    api.respond("CreateMessage", json=created(), status=201)
    output = run("send_sms", {"connection": account, **SMS}, connections)
    (call,) = api.calls("CreateMessage")
    assert call.request.path == MESSAGES
    assert call.request.authorization.username == SID
    assert call.request.form.to_dict() == {
        "To": "+966501234567",
        "From": "+14155552345",
        "Body": "Your code is 4821",
    }
    assert (output["sid"], output["status"]) == ("SM" + "a" * 32, "queued")


def test_a_messaging_service_sends_instead_of_a_number(api, account, connections):
    api.respond("CreateMessage", json=created(), status=201)
    run("send_sms", {"connection": account, **SMS, "from_number": "MG" + "b" * 32}, connections)
    form = api.calls("CreateMessage")[0].request.form
    assert form["MessagingServiceSid"] == "MG" + "b" * 32 and "From" not in form


def test_test_connection_fetches_the_account(api):
    api.respond(
        "FetchAccount",
        json={
            "auth_token": "auth_token",
            "date_created": "Thu, 30 Jul 2015 20:00:00 +0000",
            "date_updated": "Thu, 30 Jul 2015 20:00:00 +0000",
            "friendly_name": "Shop",
            "owner_account_sid": SID,
            "sid": SID,
            "status": "active",
            "subresource_uris": {},
            "type": "Full",
            "uri": f"/2010-04-01/Accounts/{SID}.json",
        },
    )
    connector = default_registry().get("twilio.send_sms").connector
    secret = connector.credential_model.model_validate(
        {"account_sid": SID, "auth_token": TOKEN, "base_url": api.url()}
    )
    assert connector.test_function(secret) == "Connected to Shop."
    assert api.calls("FetchAccount")[0].request.path == f"/2010-04-01/Accounts/{SID}.json"


def test_wrong_credentials_ask_to_reconnect(api, account, connections):
    api.respond(
        "CreateMessage", json=twilio_error(401, 20003, "Authenticate"), status=401, check=False
    )
    with pytest.raises(StepError, match="Account SID or Auth Token is wrong — reconnect") as caught:
        run("send_sms", {"connection": account, **SMS}, connections)
    assert not isinstance(caught.value, RetryableError)


def test_a_bad_number_shows_twilios_message(api, account, connections):
    api.respond(
        "CreateMessage",
        json=twilio_error(400, 21211, "Invalid 'To' Phone Number"),
        status=400,
        check=False,
    )
    with pytest.raises(StepError, match="Invalid 'To' Phone Number") as caught:
        run("send_sms", {"connection": account, **SMS}, connections)
    assert not isinstance(caught.value, RetryableError)


def test_too_many_requests_is_retried(api, account, connections):
    api.respond(
        "CreateMessage", json=twilio_error(429, 20429, "Too Many Requests"), status=429, check=False
    )
    with pytest.raises(RetryableError):
        run("send_sms", {"connection": account, **SMS}, connections)


def test_no_answer_after_sending_is_not_retried(httpserver, connections):
    httpserver.expect_request(MESSAGES).respond_with_handler(
        lambda request: time.sleep(1.5) or None
    )
    connection = connections.add(
        "twilio",
        "Slow",
        {"account_sid": SID, "auth_token": TOKEN, "base_url": httpserver.url_for("/").rstrip("/")},
    ).id
    with pytest.raises(StepError, match="may have been sent") as caught:
        run("send_sms", {"connection": connection, **SMS}, connections, timeout=0.5)
    assert not isinstance(caught.value, RetryableError)


def test_an_unreachable_api_is_retried(connections):
    connection = connections.add(
        "twilio",
        "Nowhere",
        {"account_sid": SID, "auth_token": TOKEN, "base_url": "http://127.0.0.1:9"},
    ).id
    with pytest.raises(RetryableError, match="can't reach"):
        run("send_sms", {"connection": connection, **SMS}, connections)


# The webhook.

INCOMING = {
    "ToCountry": "US",
    "SmsMessageSid": "SM" + "c" * 32,
    "NumMedia": "0",
    "SmsSid": "SM" + "c" * 32,
    "SmsStatus": "received",
    "Body": "STOP",
    "To": "+14155552345",
    "NumSegments": "1",
    "MessageSid": "SM" + "c" * 32,
    "AccountSid": SID,
    "From": "+966501234567",
    "ApiVersion": "2010-04-01",
}


def sms_request(form: dict, token: str = TOKEN, method: str = "POST") -> WebhookRequest:
    signature = RequestValidator(token).compute_signature(PUBLIC_URL, form)
    return WebhookRequest(
        method=method,
        path="/webhook/sms",
        url=PUBLIC_URL,
        headers={
            "content-type": "application/x-www-form-urlencoded",
            "x-twilio-signature": signature,
        },
        query={},
        body=urlencode(form).encode(),
    )


def gate(account: str, connections: Connections, request: WebhookRequest):
    node_type = default_registry().get("twilio.incoming_sms")
    params = node_type.input_model.model_validate({"connection": account})
    return node_type.webhook_gate(params, request, GateContext(connections.secret))


def test_a_signed_sms_is_accepted_and_a_forged_one_rejected(account, connections):
    assert gate(account, connections, sms_request(INCOMING)) is None
    with pytest.raises(WebhookRejected, match="signature"):
        gate(account, connections, sms_request(INCOMING, token="f" * 32))
    signed = sms_request(INCOMING)
    tampered = WebhookRequest(
        method="POST",
        path=signed.path,
        url=signed.url,
        headers=signed.headers,
        query={},
        body=signed.body.replace(b"STOP", b"START"),
    )
    with pytest.raises(WebhookRejected):
        gate(account, connections, tampered)


def test_a_get_is_refused(account, connections):
    with pytest.raises(WebhookRejected) as caught:
        gate(account, connections, sms_request(INCOMING, method="GET"))
    assert caught.value.status == 405


def test_the_trigger_outputs_the_sms(connections):
    output = run(
        "incoming_sms", {}, connections, trigger_data=sms_request(INCOMING).as_trigger_data()
    )
    assert (output["from"], output["to"], output["body"], output["media"]) == (
        "+966501234567",
        "+14155552345",
        "STOP",
        0,
    )


# The validator is not a rubber stamp.


def test_a_message_with_a_malformed_account_sid_is_rejected_by_the_contract(api):
    answer = httpx.post(
        api.url("/2010-04-01/Accounts/not-an-account/Messages.json"),
        data={"To": "+1", "From": "+2", "Body": "x"},
        auth=("not-an-account", TOKEN),
    )
    assert answer.status_code == 400
    assert api.rejected
    api.rejected.clear()


# End to end.


def test_a_flow_answers_an_incoming_sms_through_the_engine(api, account, connections):
    api.respond("CreateMessage", json=created("You are unsubscribed."), status=201)
    flow = make_flow(
        [
            ("SMS in", "twilio.incoming_sms", {"connection": account}),
            (
                "Answer",
                "twilio.send_sms",
                {
                    "connection": account,
                    "to": "{{ input.from }}",
                    "from_number": "{{ input.to }}",
                    "body": "You sent {{ input.body }}.",
                },
            ),
        ],
        ["SMS in -> Answer"],
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, sms_request(INCOMING).as_trigger_data())
    assert result.ok, result.error
    form = api.calls("CreateMessage")[0].request.form
    assert (form["To"], form["From"], form["Body"]) == (
        "+966501234567",
        "+14155552345",
        "You sent STOP.",
    )


def test_an_incoming_sms_is_answered_with_empty_twiml_by_the_engines_listener(
    tmp_path, monkeypatch
):
    # Twilio reads the answer as TwiML: JSON would be logged as error 12300 (invalid
    # Content-Type) on every message; an empty <Response/> says "no reply".
    from flowin_engine.data_folder import DataFolder
    from flowin_engine.model import FlowStatus
    from flowin_engine.runtime import RuntimeSettings
    from flowin_engine.store import Store
    from tests.engine.test_runtime import finished

    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    with Store(tmp_path / "flowin.db") as store:
        folder = DataFolder(store)
        account = folder.connections.add(
            "twilio", "Shop number", {"account_sid": SID, "auth_token": TOKEN}
        ).id
        flow = make_flow([("SMS in", "twilio.incoming_sms", {"connection": account})])
        flow.status = FlowStatus.ACTIVE
        store.flows.save(flow)
        runtime = folder.runtime(RuntimeSettings(port=0, sync_interval=0.1))
        runtime.start()
        try:
            runtime.sync()
            url = runtime.address + runtime.webhook_path(flow.id, flow.nodes[0].id)
            signature = RequestValidator(TOKEN).compute_signature(url, INCOMING)
            reply = httpx.post(url, data=INCOMING, headers={"x-twilio-signature": signature})
            assert reply.status_code == 200, reply.text
            assert reply.headers["content-type"].startswith("text/xml")
            assert reply.text == '<?xml version="1.0" encoding="UTF-8"?><Response/>'
            (run,) = wait_for_runs(store, flow.id)
            assert finished(store, run.id).status == "success"
        finally:
            runtime.stop(grace=2)


def wait_for_runs(store, flow_id):
    from tests.engine.test_runtime import wait_for

    return wait_for(lambda: store.executions.summaries(flow_id=flow_id))
