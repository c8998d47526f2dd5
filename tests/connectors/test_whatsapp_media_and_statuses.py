"""WhatsApp media, reply buttons and lists, the customer's choice, and delivery statuses.

Sends are checked by a local Graph API against Meta's description (tests/contracts/vendor/
whatsapp, business-messaging-api v23.0: ImageMessage, DocumentMessage, AudioMessage,
InteractiveMessage with its ActionObject and SectionObject). Webhook payloads follow the same
document: the button reply is its own "Interactive Button Reply Message" example, and status
updates are checked against its StatusMessageValue schema. Error answers use Graph's documented
error object (developers.facebook.com/docs/graph-api/guides/error-handling) with check=False, as
the description documents only 200s; code 131047 is from Meta's "Error codes" page.
"""

from __future__ import annotations

import copy
import json

import httpx
import pytest

from flowin_engine.credentials import Connections
from flowin_engine.errors import StepError
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.webhooks import GateContext, WebhookReply
from tests.connectors.test_whatsapp import (
    APP_SECRET,
    CONTRACT,
    NUMBER_ID,
    SENT,
    TOKEN,
    VERIFY,
    graph_error,
    run,
    signed_post,
)
from tests.contracts.openapi_server import ContractServer, load_contract, schema_errors
from tests.engine.builders import make_flow

WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA"
TO = "966501234567"


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


def status_update(status: str, errors: list | None = None) -> dict:
    update = {"id": WAMID, "status": status, "timestamp": "1749416400", "recipient_id": TO}
    if errors:
        update["errors"] = errors
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550783881", "phone_number_id": NUMBER_ID},
        "statuses": [update],
    }
    change = {"value": value, "field": "messages"}
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "419561257915477", "changes": [change]}],
    }


RE_ENGAGEMENT = [
    {
        "code": 131047,
        "title": "Re-engagement message",
        "message": "Re-engagement message",
        "error_data": {
            "details": "Message failed to send because more than 24 hours have passed since the "
            "customer last replied to this number."
        },
        "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
    }
]


def status_gate(account: str, connections: Connections, payload: dict, only: str = "any"):
    node_type = default_registry().get("whatsapp.message_status")
    params = node_type.input_model.model_validate({"connection": account, "status": only})
    return node_type.webhook_gate(params, signed_post(payload), GateContext(connections.secret))


def sent_bodies(api) -> list[dict]:
    return [call.request.json for call in api.calls("sendMessage")]


# Sending.


def test_media_is_sent_by_link_with_a_caption_and_a_documents_file_name(api, account, connections):
    api.respond("sendMessage", json=SENT)
    link = "https://shop.example/files/invoice-1042.pdf"
    for kind in ("image", "document", "audio", "video"):
        output = run(
            "send_media",
            {
                "connection": account,
                "to": TO,
                "kind": kind,
                "link": link,
                "caption": "Invoice 1042",
                "filename": "invoice-1042.pdf",
            },
            connections,
        )
        assert output["message_id"] == WAMID
    image, document, audio, video = sent_bodies(api)
    assert image["image"] == {"link": link, "caption": "Invoice 1042"}
    assert document["document"] == {
        "link": link,
        "caption": "Invoice 1042",
        "filename": "invoice-1042.pdf",
    }
    assert audio["audio"] == {"link": link}  # WhatsApp shows no caption under audio
    assert (video["type"], video["video"]["caption"]) == ("video", "Invoice 1042")


def test_reply_buttons_and_a_list_are_metas_interactive_messages(api, account, connections):
    api.respond("sendMessage", json=SENT)
    run(
        "send_buttons",
        {
            "connection": account,
            "to": TO,
            "text": "Confirm order 1042?",
            "buttons": ["Confirm", "Cancel"],
            "footer": "Layla's shop",
        },
        connections,
    )
    run(
        "send_list",
        {
            "connection": account,
            "to": TO,
            "text": "Which size?",
            "button": "Choose a size",
            "rows": ["Small", "Medium", "Large"],
            "section_title": "Sizes",
            "header": "Blue dress",
        },
        connections,
    )
    buttons, listing = (body["interactive"] for body in sent_bodies(api))
    assert buttons == {
        "type": "button",
        "body": {"text": "Confirm order 1042?"},
        "footer": {"text": "Layla's shop"},
        "action": {
            "buttons": [
                {"type": "reply", "reply": {"id": "Confirm", "title": "Confirm"}},
                {"type": "reply", "reply": {"id": "Cancel", "title": "Cancel"}},
            ]
        },
    }
    assert listing["header"] == {"type": "text", "text": "Blue dress"}
    assert listing["action"] == {
        "button": "Choose a size",
        "sections": [
            {
                "title": "Sizes",
                "rows": [{"id": t, "title": t} for t in ("Small", "Medium", "Large")],
            }
        ],
    }


@pytest.mark.parametrize(
    ("operation", "params", "says"),
    [
        (
            "send_buttons",
            {"text": "?", "buttons": ["Yes", "No", "Maybe", "Later"]},
            "'WhatsApp' takes 1 to 3 Buttons; it has 4.",
        ),
        (
            "send_buttons",
            {"text": "?", "buttons": ["Confirm my order of the blue dress"]},
            "up to 20 characters; 'Confirm my order of the blue dress' is longer.",
        ),
        (
            "send_list",
            {"text": "?", "button": "Choose", "rows": []},
            "'WhatsApp' takes 1 to 10 Choices; it has 0.",
        ),
        (
            "send_media",
            {"kind": "image", "link": "C:/photos/dress.jpg"},
            "should be a public https:// link; it is 'C:/photos/dress.jpg'.",
        ),
    ],
)
def test_what_whatsapp_would_refuse_stops_before_sending(
    api, account, connections, operation, params, says
):
    with pytest.raises(StepError) as caught:
        run(operation, {"connection": account, "to": TO, **params}, connections)
    assert says in str(caught.value)
    assert api.calls() == []


def test_a_send_refused_after_24_hours_says_to_use_a_template(api, account, connections):
    api.respond(
        "sendMessage",
        json=graph_error(131047, "Re-engagement message"),
        status=400,
        check=False,
    )
    with pytest.raises(StepError) as caught:
        run("send_text", {"connection": account, "to": TO, "text": "Still there?"}, connections)
    assert str(caught.value) == (
        "WhatsApp refused the message: More than 24 hours have passed since the customer last "
        "wrote: use a template message (Send WhatsApp template) to write to them now. (Meta's "
        "code 131047: Re-engagement message.)"
    )


# The customer's choice.


def test_a_customers_button_choice_arrives_with_its_reply_id(connections):
    webhooks = load_contract(CONTRACT).document["paths"]["/whatsapp/webhooks"]["post"]
    examples = webhooks["requestBody"]["content"]["application/json"]["examples"]
    payload = copy.deepcopy(examples["Interactive Button Reply Message"]["value"])
    reply = payload["entry"][0]["changes"][0]["value"]["messages"][0]["interactive"]
    output = run("incoming_message", {}, connections, signed_post(payload).as_trigger_data())
    assert output["type"] == "interactive"
    assert output["reply_id"] == reply["button_reply"]["id"]
    assert output["text"] == reply["button_reply"]["title"]


# Delivery statuses.


def test_a_failed_status_starts_the_flow_with_the_reason_in_words(api, account, connections):
    payload = status_update("failed", RE_ENGAGEMENT)
    value = payload["entry"][0]["changes"][0]["value"]
    assert schema_errors(load_contract(CONTRACT), "StatusMessageValue", value) == []
    assert status_gate(account, connections, payload, only="failed") is None

    flow = make_flow(
        [
            ("Status", "whatsapp.message_status", {"connection": account, "status": "failed"}),
            (
                "Note",
                "core.set_fields",
                {"fields": [{"name": "why", "value": "{{ trigger.why }}"}]},
            ),
        ],
        ["Status -> Note"],
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, signed_post(payload).as_trigger_data())
    assert result.ok, result.error
    status = result.outputs["Status"]
    assert (status["message_id"], status["status"], status["to"]) == (WAMID, "failed", TO)
    assert status["error_code"] == 131047
    assert status["why"] == (
        "More than 24 hours have passed since the customer last wrote: use a template message "
        "(Send WhatsApp template) to write to them now."
    )


def test_the_status_trigger_skips_messages_and_statuses_it_does_not_wait_for(account, connections):
    from tests.connectors.test_whatsapp import INCOMING

    for payload, only in [
        (INCOMING, "any"),
        (status_update("delivered"), "failed"),
        (status_update("read"), "delivered"),
    ]:
        reply = status_gate(account, connections, payload, only=only)
        assert isinstance(reply, WebhookReply) and reply.status == 200, (payload, only)
    assert status_gate(account, connections, status_update("read"), only="any") is None
    # And the message trigger leaves statuses to this one.
    message_gate = default_registry().get("whatsapp.incoming_message")
    params = message_gate.input_model.model_validate({"connection": account})
    reply = message_gate.webhook_gate(
        params, signed_post(status_update("read")), GateContext(connections.secret)
    )
    assert isinstance(reply, WebhookReply)


def test_a_status_with_a_bad_signature_is_refused(account, connections):
    from flowin_engine.webhooks import WebhookRejected

    node_type = default_registry().get("whatsapp.message_status")
    params = node_type.input_model.model_validate({"connection": account})
    with pytest.raises(WebhookRejected, match="signature"):
        node_type.webhook_gate(
            params,
            signed_post(status_update("failed"), secret="someone-else"),
            GateContext(connections.secret),
        )


# The validator is not a rubber stamp.


def test_metas_description_refuses_four_reply_buttons(api):
    buttons = [{"type": "reply", "reply": {"id": str(i), "title": str(i)}} for i in range(4)]
    body = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": TO,
        "type": "interactive",
        "interactive": {"type": "button", "body": {"text": "?"}, "action": {"buttons": buttons}},
    }
    answer = httpx.post(
        api.url(f"/v23.0/{NUMBER_ID}/messages"),
        content=json.dumps(body),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert answer.status_code == 400 and len(api.rejected) == 1
    api.rejected.clear()
    assert schema_errors(load_contract(CONTRACT), "Statuses", {"id": WAMID, "status": "lost"})
