"""The model-backed builder through the real ``openai`` SDK, against a local OpenAI-compatible
server on 127.0.0.1 that checks every request and answer with OpenAI's own OpenAPI document
(tests/contracts/vendor/openai) and answers with scripted completions."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Iterator

import pytest

from flowin_engine.builder import (
    ModelAnswerInvalid,
    ModelSettings,
    ModelUnavailable,
    build,
    journal,
)
from flowin_engine.registry import default_registry
from tests.connectors.test_openai import completion
from tests.contracts.openapi_server import ContractServer, load_contract

CHAT = "createChatCompletion"


@pytest.fixture
def model_server(httpserver) -> Iterator[ContractServer]:
    with ContractServer(httpserver, load_contract("openai/openapi.yaml")) as server:
        yield server


@pytest.fixture
def settings(model_server) -> ModelSettings:
    return ModelSettings(base_url=model_server.url("/v1"), model="llama3.2", api_key="ollama")


def answer(flow: dict | None = None, **fields) -> str:
    return json.dumps({"flow": flow, "explanation": [], "not_understood": [], **fields})


def shopify_to_whatsapp(to: str = "{{ trigger.email }}") -> dict:
    return {
        "name": "Orders to WhatsApp",
        "nodes": [
            {
                "id": "t",
                "type": "shopify.new_order",
                "name": "New order",
                "params": {},
                "position": {"x": 80, "y": 200},
            },
            {
                "id": "w",
                "type": "whatsapp.send_text",
                "name": "WhatsApp the client",
                "params": {"to": to, "text": "Thanks {{ trigger.customer_name }}!"},
                "position": {"x": 360, "y": 200},
            },
        ],
        "edges": [{"source": "t", "target": "w"}],
    }


def broken_flow() -> dict:
    flow = shopify_to_whatsapp()
    flow["nodes"][1]["type"] = "whatsapp.send_pigeon"
    flow["nodes"][1]["params"]["text"] = "{{ steps['Nowhere'].output.x }}"
    return flow


def sent_messages(server: ContractServer) -> list[list[dict]]:
    return [call.body["messages"] for call in server.calls(CHAT)]


def test_a_valid_answer_becomes_a_proposal_for_review(model_server, settings, caplog):
    model_server.respond(
        CHAT,
        json=completion(
            answer(
                shopify_to_whatsapp(),
                explanation=[{"node": "New order", "why": "starts on orders"}],
            )
        ),
    )
    with caplog.at_level(logging.INFO, logger="flowin_engine.builder"):
        proposal = build("When I get a new Shopify order, WhatsApp the client", model=settings)
    assert proposal.source == "model" and proposal.review
    # The model chose free text; a first message to a customer must be a template.
    assert [n.type for n in proposal.flow.nodes] == [
        "shopify.new_order",
        "whatsapp.send_template",
    ]
    template = proposal.flow.nodes[1]
    assert template.params["to"] == "{{ trigger.email }}"
    assert template.params["body_parameters"] == [
        "{{ trigger.first_name }}",
        "{{ trigger.order_number }}",
    ]
    assert template.notes == "Thanks {{ trigger.customer_name }}!"
    assert any(m.field == "template" for m in proposal.missing)
    assert proposal.explanation[0].type == "shopify.new_order"
    assert any(getattr(r, "review", False) for r in caplog.records)
    (entry,) = journal.entries()  # kept in the data folder, where the desktop app finds it too
    assert entry["review"] is True and entry["source"] == "model"
    assert entry["sentence"] == "When I get a new Shopify order, WhatsApp the client"
    assert [n["type"] for n in entry["flow"]["nodes"]] == [
        "shopify.new_order",
        "whatsapp.send_template",
    ]
    (messages,) = sent_messages(model_server)
    system = messages[0]["content"]
    # The catalogue comes from the registry: the types of the services the sentence names.
    for node_type in default_registry().node_types:
        if node_type.connector.id in ("shopify", "whatsapp"):
            assert node_type.type in system
    assert "whatsapp the customer" in system and "to (To, required)" in system
    assert "to write first use whatsapp.send_template" in system
    assert messages[1] == {
        "role": "user",
        "content": "When I get a new Shopify order, WhatsApp the client",
    }


def test_an_invalid_answer_gets_one_repair_round_carrying_the_problems(model_server, settings):
    model_server.respond(CHAT, json=completion(answer(broken_flow())))
    model_server.respond(CHAT, json=completion(answer(shopify_to_whatsapp())))
    proposal = build("When I get a new Shopify order, WhatsApp the client", model=settings)
    assert proposal.flow is not None
    first, repair = sent_messages(model_server)
    assert repair[:2] == first and repair[2]["role"] == "assistant"
    problems = repair[3]["content"]
    assert "unknown node type 'whatsapp.send_pigeon'" in problems
    assert "refers to a step 'Nowhere' that doesn't exist" in problems


def test_invalid_twice_is_a_clear_failure(model_server, settings):
    model_server.respond(CHAT, json=completion("this is not JSON at all"))
    model_server.respond(CHAT, json=completion(answer(broken_flow())))
    with pytest.raises(ModelAnswerInvalid) as raised:
        build("When I get a new Shopify order, WhatsApp the client", model=settings)
    assert "even after one correction" in str(raised.value)
    assert "whatsapp.send_pigeon" in str(raised.value)
    assert "not the JSON object" in sent_messages(model_server)[1][3]["content"]


def test_missing_values_are_not_errors_but_listed(model_server, settings):
    flow = shopify_to_whatsapp(to="")
    model_server.respond(CHAT, json=completion(answer(flow)))
    proposal = build("When I get a new Shopify order, WhatsApp the client", model=settings)
    assert len(sent_messages(model_server)) == 1
    assert [(m.node, m.field) for m in proposal.missing] == [
        ("WhatsApp the client", "to"),
        ("WhatsApp the client", "template"),  # a first message is an approved template
    ]


def test_the_model_can_ask_a_clarifying_question(model_server, settings):
    question = "Which app should the message go to: WhatsApp, SMS or e-mail?"
    model_server.respond(CHAT, json=completion(answer(None, question=question)))
    proposal = build("tell the customer when the order ships", model=settings)
    assert proposal.flow is None and proposal.question == question and not proposal.review


def test_the_model_can_refuse(model_server, settings):
    reason = "Sending bulk messages to people who did not ask for them is spam."
    model_server.respond(CHAT, json=completion(answer(None, refused=reason)))
    # Not one of the abuses the builder refuses itself: the model's judgement is asked.
    proposal = build("post five-star reviews of my shop under made-up names", model=settings)
    assert proposal.flow is None and proposal.refused == reason
    assert journal.entries()[-1]["refused"] == reason and not journal.entries()[-1]["review"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_server_down_is_a_clear_error():
    settings = ModelSettings(base_url=f"http://127.0.0.1:{free_port()}/v1", timeout=5)
    with pytest.raises(ModelUnavailable) as raised:
        build("Every Monday at 9am, send a Slack message to #sales", model=settings)
    assert "Can't reach the AI model at http://127.0.0.1:" in str(raised.value)


def test_server_down_falls_back_to_the_offline_builder_when_allowed():
    settings = ModelSettings(base_url=f"http://127.0.0.1:{free_port()}/v1", timeout=5)
    proposal = build(
        "كل اثنين الساعة 9 انشر في سلاك في قناة #sales", model=settings, fallback_offline=True
    )
    assert proposal.source == "offline" and proposal.review
    assert [n.type for n in proposal.flow.nodes] == ["schedule.every", "slack.post_message"]
    assert "تعذّر الوصول" in proposal.notice


def test_an_error_status_is_a_clear_error(model_server, settings):
    # OpenAI's documented error shape; the contract lists only success answers.
    body = {
        "error": {
            "message": "model 'llama3.2' not found",
            "type": "not_found_error",
            "param": None,
            "code": None,
        }
    }
    model_server.respond(CHAT, json=body, status=404, check=False)
    with pytest.raises(ModelUnavailable, match=r"model 'llama3\.2' not found"):
        build("Every Monday at 9am, send a Slack message to #sales", model=settings)


def test_a_200_answer_that_is_not_json_falls_back_to_the_offline_builder(httpserver):
    # A proxy or a captive portal answering in the model's place: 200, an HTML page.
    httpserver.expect_request("/v1/chat/completions").respond_with_data(
        "<html><body>Please sign in to the Wi-Fi</body></html>", content_type="text/html"
    )
    settings = ModelSettings(base_url=httpserver.url_for("/v1"), timeout=5)
    with pytest.raises(ModelUnavailable, match="not an answer from an AI model"):
        build("Every Monday at 9am, send a Slack message to #sales", model=settings)
    proposal = build(
        "Every Monday at 9am, send a Slack message to #sales",
        model=settings,
        fallback_offline=True,
    )
    assert proposal.source == "offline" and proposal.notice
    assert [n.type for n in proposal.flow.nodes] == ["schedule.every", "slack.post_message"]


def test_json_that_is_no_completion_falls_back_too(httpserver):
    httpserver.expect_request("/v1/chat/completions").respond_with_json({"status": "ok"})
    settings = ModelSettings(base_url=httpserver.url_for("/v1"), timeout=5)
    proposal = build(
        "كل يوم الساعة ٩ ابعت رسالة على سلاك في #ops", model=settings, fallback_offline=True
    )
    assert proposal.source == "offline" and "تعذّر" in proposal.notice


def test_content_that_stays_unusable_falls_back_when_allowed(model_server, settings):
    model_server.respond(CHAT, json=completion("Sure! Here is your flow: first Slack, then..."))
    model_server.respond(CHAT, json=completion("I think Slack is the best choice."))
    proposal = build(
        "Every Monday at 9am, send a Slack message to #sales",
        model=settings,
        fallback_offline=True,
    )
    assert proposal.source == "offline" and proposal.notice
    assert proposal.flow.nodes[-1].type == "slack.post_message"


def test_the_prompt_carries_only_the_catalogue_entries_the_sentence_needs(model_server, settings):
    model_server.respond(CHAT, json=completion(answer(shopify_to_whatsapp())))
    build("When I get a new Shopify order, send WhatsApp message to the client", model=settings)
    system = sent_messages(model_server)[0][0]["content"]
    assert "shopify.new_order" in system and "whatsapp.send_text" in system
    assert "core.condition" in system  # the flow's own building blocks are always there
    assert "notion.update_page" not in system and "telegram.send_document" not in system
    assert "أرسل رسالة واتساب" not in system  # an English sentence gets English phrases
    # WhatsApp, which the sentence names, brings its seven operations.
    assert len(system) < 13_000


def test_abuse_is_refused_before_the_model_is_asked(model_server, settings):
    proposal = build("Send a WhatsApp promo to 5000 numbers I bought", model=settings)
    assert proposal.flow is None and proposal.refused and proposal.source == "model"
    assert model_server.calls(CHAT) == []


def test_the_model_path_says_which_services_flowin_lacks_as_the_offline_path_does(
    model_server, settings
):
    # The model leaves out the service Flowin lacks, or swaps it; either way it is said.
    model_server.respond(CHAT, json=completion(answer(shopify_to_whatsapp())))
    proposal = build(
        "When a new Shopify order comes in, WhatsApp the customer and add them to my Klaviyo list",
        model=settings,
    )
    assert proposal.flow is not None and proposal.source == "model"
    assert any("Klaviyo" in said for said in proposal.unsupported), proposal.unsupported
