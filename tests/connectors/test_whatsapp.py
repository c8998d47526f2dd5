"""WhatsApp Cloud API against a local Graph API that validates each call with Meta's description.

Meta's document (tests/contracts/vendor/whatsapp) covers sending (POST /{Version}/{Phone-Number-ID}/
messages), reading the phone number, and the incoming-message webhook payload
(POST /whatsapp/webhooks, WebhookPayload): test payloads are checked against it too. It does not
describe the GET verification handshake nor the X-Hub-Signature-256 header; those follow Meta's
"Webhooks: Getting started" guide (developers.facebook.com/docs/graph-api/webhooks/getting-started):
GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=… → 200 with the challenge as the body,
and POST bodies signed as "sha256=" + hex HMAC-SHA256(app secret, raw body). Errors are only
documented as 200s, so error answers use Graph's documented error object
(developers.facebook.com/docs/graph-api/guides/error-handling) with check=False.
"""

from __future__ import annotations

import hashlib
import hmac
import json

import httpx
import pytest

from flowin_engine.credentials import Connections
from flowin_engine.errors import RetryableError, StepError
from flowin_engine.model import Flow, Node
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.steps import StepContext
from flowin_engine.webhooks import GateContext, WebhookRejected, WebhookReply, WebhookRequest
from tests.contracts.openapi_server import ContractServer, load_contract, schema_errors
from tests.engine.builders import make_flow

CONTRACT = "whatsapp/business-messaging-api_v23.0.yaml"
TOKEN = "EAABwzLixnjYBOzYmNMJJGfHq9DgNh"
NUMBER_ID = "106540352242922"
APP_SECRET = "4f1c0b7e9a2d"
VERIFY = "flowin-verify-7"
SENT = {
    "messaging_product": "whatsapp",
    "contacts": [{"input": "966501234567", "wa_id": "966501234567"}],
    "messages": [{"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA"}],
}
INCOMING = {
    "object": "whatsapp_business_account",
    "entry": [
        {
            "id": "419561257915477",
            "changes": [
                {
                    "value": {
                        "messaging_product": "whatsapp",
                        "metadata": {
                            "display_phone_number": "15550783881",
                            "phone_number_id": NUMBER_ID,
                        },
                        "contacts": [{"profile": {"name": "Layla"}, "wa_id": "966501234567"}],
                        "messages": [
                            {
                                "from": "966501234567",
                                "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                                "timestamp": "1749416383",
                                "type": "text",
                                "text": {"body": "Does it come in another color?"},
                            }
                        ],
                    },
                    "field": "messages",
                }
            ],
        }
    ],
}
STATUS_UPDATE = {
    "object": "whatsapp_business_account",
    "entry": [
        {
            "id": "419561257915477",
            "changes": [
                {
                    "value": {
                        "messaging_product": "whatsapp",
                        "metadata": {
                            "display_phone_number": "15550783881",
                            "phone_number_id": NUMBER_ID,
                        },
                        "statuses": [
                            {
                                "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA",
                                "status": "read",
                                "timestamp": "1749416400",
                                "recipient_id": "966501234567",
                            }
                        ],
                    },
                    "field": "messages",
                }
            ],
        }
    ],
}


def graph_error(code: int, message: str) -> dict:
    return {
        "error": {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AbC"}
    }


@pytest.fixture
def api(httpserver):
    with ContractServer(httpserver, CONTRACT) as server:
        yield server


@pytest.fixture
def account(api, connections) -> str:
    secret = {
        "access_token": TOKEN,
        "phone_number_id": NUMBER_ID,
        "app_secret": APP_SECRET,
        "verify_token": VERIFY,
        "base_url": api.url(),
    }
    return connections.add("whatsapp", "Shop number", secret).id


def run(operation: str, params: dict, connections: Connections, trigger_data=None) -> dict:
    node_type = default_registry().get(f"whatsapp.{operation}")
    node = Node(name="WhatsApp", type=node_type.type, params=params)
    ctx = StepContext(
        execution_id="test",
        flow=Flow(nodes=[node]),
        node=node,
        attempt=1,
        timeout=5,
        trigger_data=trigger_data,
        connections=connections,
    )
    return node_type.function(node_type.input_model.model_validate(params), ctx)


def gate(account: str, connections: Connections, request: WebhookRequest):
    node_type = default_registry().get("whatsapp.incoming_message")
    params = node_type.input_model.model_validate({"connection": account})
    return node_type.webhook_gate(params, request, GateContext(connections.secret))


def signed_post(payload: dict, secret: str = APP_SECRET) -> WebhookRequest:
    body = json.dumps(payload).encode()
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return WebhookRequest(
        method="POST",
        path="/webhook/w",
        url="https://flowin.example/webhook/w",
        headers={"content-type": "application/json", "x-hub-signature-256": signature},
        query={},
        body=body,
    )


# Sending.


def test_send_text_posts_a_documented_text_message_with_the_bearer_token(api, account, connections):
    api.respond("sendMessage", json=SENT)
    output = run(
        "send_text",
        {"connection": account, "to": "+966 50 123 4567", "text": "Hello Layla"},
        connections,
    )
    (call,) = api.calls("sendMessage")
    assert call.request.path == f"/v23.0/{NUMBER_ID}/messages"
    assert call.request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert call.request.json == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "966501234567",
        "type": "text",
        "text": {"body": "Hello Layla", "preview_url": False},
    }
    assert output["message_id"].startswith("wamid.")
    assert output["wa_id"] == "966501234567"


def test_send_template_fills_body_parameters_in_order(api, account, connections):
    api.respond("sendMessage", json=SENT)
    run(
        "send_template",
        {
            "connection": account,
            "to": "966501234567",
            "template": "order_shipped",
            "language": "ar",
            "body_parameters": ["Layla", 1042],
        },
        connections,
    )
    assert api.calls("sendMessage")[0].request.json["template"] == {
        "name": "order_shipped",
        "language": {"policy": "deterministic", "code": "ar"},
        "components": [
            {
                "type": "body",
                "parameters": [{"type": "text", "text": "Layla"}, {"type": "text", "text": "1042"}],
            }
        ],
    }


def test_test_connection_reads_the_phone_number(api):
    # The description has identical templates /{Version}/{Business-ID} and
    # /{Version}/{Phone-Number-ID}; openapi-core matches the first, so the answer is keyed by its
    # operationId (both are a GET with the bearer token and no body).
    api.respond(
        "getBusinessPortfolioSpecificFields",
        json={
            "id": NUMBER_ID,
            "display_phone_number": "+1 555-555-5555",
            "verified_name": "Jaspers Market",
        },
    )
    connector = default_registry().get("whatsapp.send_text").connector
    secret = connector.credential_model.model_validate(
        {"access_token": TOKEN, "phone_number_id": NUMBER_ID, "base_url": api.url()}
    )
    assert connector.test_function(secret) == "Connected to Jaspers Market."
    (call,) = api.calls()
    assert call.request.method == "GET" and call.request.path == f"/v23.0/{NUMBER_ID}"


# Errors.


@pytest.mark.parametrize("status", [401, 400])
def test_an_invalid_token_asks_to_reconnect(api, account, connections, status):
    api.respond(
        "sendMessage",
        json=graph_error(190, "Error validating access token"),
        status=status,
        check=False,
    )
    with pytest.raises(StepError, match="Invalid WhatsApp API token — reconnect") as caught:
        run("send_text", {"connection": account, "to": "966501234567", "text": "hi"}, connections)
    assert not isinstance(caught.value, RetryableError)


def test_throttling_is_retried_after_the_given_seconds(api, account, connections):
    api.respond(
        "sendMessage",
        json=graph_error(130429, "Rate limit hit"),
        status=429,
        headers={"Retry-After": "30"},
        check=False,
    )
    with pytest.raises(RetryableError) as caught:
        run("send_text", {"connection": account, "to": "966501234567", "text": "hi"}, connections)
    assert caught.value.retry_after == 30
    assert str(caught.value).endswith("too many requests for now; it asks to wait 30 seconds.")


def test_other_refusals_show_metas_message(api, account, connections):
    api.respond(
        "sendMessage",
        json=graph_error(131026, "Message undeliverable"),
        status=400,
        check=False,
    )
    with pytest.raises(StepError, match="Message undeliverable"):
        run("send_text", {"connection": account, "to": "966501234567", "text": "hi"}, connections)


# The webhook.


def test_the_verification_handshake_echoes_the_challenge(account, connections):
    request = WebhookRequest(
        method="GET",
        path="/webhook/w",
        url="https://flowin.example/webhook/w",
        headers={},
        query={"hub.mode": "subscribe", "hub.verify_token": VERIFY, "hub.challenge": "1158201444"},
    )
    reply = gate(account, connections, request)
    assert isinstance(reply, WebhookReply)
    assert (reply.status, reply.body) == (200, "1158201444")


def test_a_wrong_verify_token_is_refused(account, connections):
    request = WebhookRequest(
        method="GET",
        path="/webhook/w",
        url="https://flowin.example/webhook/w",
        headers={},
        query={"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"},
    )
    with pytest.raises(WebhookRejected) as caught:
        gate(account, connections, request)
    assert caught.value.status == 403


def test_a_signed_message_is_accepted_and_a_bad_signature_rejected(account, connections):
    assert gate(account, connections, signed_post(INCOMING)) is None
    with pytest.raises(WebhookRejected, match="signature"):
        gate(account, connections, signed_post(INCOMING, secret="someone-else"))
    unsigned = signed_post(INCOMING)
    unsigned.headers.pop("x-hub-signature-256")
    with pytest.raises(WebhookRejected):
        gate(account, connections, unsigned)


def test_status_updates_are_answered_without_starting_the_flow(account, connections):
    reply = gate(account, connections, signed_post(STATUS_UPDATE))
    assert isinstance(reply, WebhookReply) and reply.status == 200


def test_the_trigger_outputs_the_message_and_its_sender(connections):
    data = signed_post(INCOMING).as_trigger_data()
    output = run("incoming_message", {}, connections, trigger_data=data)
    assert output["from"] == "966501234567"
    assert output["name"] == "Layla"
    assert output["text"] == "Does it come in another color?"
    assert len(output["messages"]) == 1


def test_the_incoming_payload_used_here_has_the_shape_of_metas_example():
    # The description's WebhookPayload schema can't be used as is: its incoming messages reuse
    # the outgoing BaseMessageProperties, so they require messaging_product, recipient_type and
    # 'to', which Meta never sends (its own "Text Message" example fails it). The payload is
    # compared with that example instead. Status updates (STATUS_UPDATE) follow Meta's
    # "Webhooks payload examples: status messages" page, which the description lacks.
    webhooks = load_contract(CONTRACT).document["paths"]["/whatsapp/webhooks"]["post"]
    examples = webhooks["requestBody"]["content"]["application/json"]["examples"]
    assert shape(INCOMING) == shape(examples["Text Message"]["value"])
    assert schema_errors(
        load_contract(CONTRACT), "WebhookPayload", examples["Text Message"]["value"]
    )


def shape(value):
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return type(value).__name__


# The validator is not a rubber stamp.


def test_a_message_without_a_recipient_is_rejected_by_the_contract(api):
    body = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "type": "text",
        "text": {"body": "x"},
    }
    answer = httpx.post(
        api.url(f"/v23.0/{NUMBER_ID}/messages"),
        json=body,
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert answer.status_code == 400
    assert api.rejected
    api.rejected.clear()
    httpx.post(api.url(f"/v23.0/{NUMBER_ID}/messages"), json={**body, "to": "1"})
    assert api.rejected, "a request without the Authorization header must be rejected"
    api.rejected.clear()


def test_a_malformed_webhook_payload_is_rejected_by_the_contract():
    assert schema_errors(load_contract(CONTRACT), "WebhookPayload", {"entry": "nope"})


# End to end.


def test_a_flow_replies_to_an_incoming_message_through_the_engine(api, account, connections):
    api.respond("sendMessage", json=SENT)
    flow = make_flow(
        [
            ("Incoming", "whatsapp.incoming_message", {"connection": account}),
            (
                "Reply",
                "whatsapp.send_text",
                {
                    "connection": account,
                    "to": "{{ trigger.from }}",
                    "text": "Hi {{ input.name }}, yes: blue and green.",
                },
            ),
        ],
        ["Incoming -> Reply"],
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, signed_post(INCOMING).as_trigger_data())
    assert result.ok, result.error
    body = api.calls("sendMessage")[0].request.json
    assert (body["to"], body["text"]["body"]) == ("966501234567", "Hi Layla, yes: blue and green.")
