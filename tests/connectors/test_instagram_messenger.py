"""Instagram & Messenger against a local Graph API that checks each call with Meta's SDK specs.

Meta publishes no OpenAPI for Messenger or Instagram messaging; the calls are checked against the
spec Meta generates its Business SDKs from (tests/contracts/vendor/meta-messenger: the Page node's
POST messages and GET of the node with its fields; the Instagram user node's POST messages) where
it describes them, and, where it doesn't (it types ``recipient`` and ``message`` as a bare Object
and says nothing of the token), against Meta's documented request shape: Send API reference and
Quick Replies (developers.facebook.com/docs/messenger-platform/reference/send-api), the token as
``Authorization: Bearer`` (Graph API, "Access tokens"). See tests/contracts/meta_graph.py.

Nothing machine-readable describes the webhooks either: the payloads follow Meta's "Webhook
events: messages" and "message_echoes" pages (Messenger Platform) and "Instagram Messaging:
webhooks" (object "instagram", timestamps in milliseconds); the handshake and the
X-Hub-Signature-256 header follow "Webhooks: Getting started" (GET hub.mode=subscribe, the
challenge echoed; "sha256=" + hex HMAC-SHA256 of the raw body with the app secret). Error answers
use Graph's documented error object; the codes are those of Meta's Messenger Platform "Error
codes" page (10/2018278 outside the allowed window, 190 token, 4/613 throttled).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from flowin_engine.errors import AccountRejected, RetryableError, StepError
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.store import Store
from flowin_engine.webhooks import WebhookReply, WebhookRequest, delivery_id
from tests.connectors.connector_runs import (
    failure,
    gate,
    listening,
    post_twice_then_count,
    run,
    run_with_retries,
    webhook,
)
from tests.contracts.meta_graph import PAGE, GraphServer, call_problems, iter_rejections
from tests.engine.builders import make_flow

TOKEN = "EAAGm0PX4ZCpsBAFlowinNotARealPageToken"
APP_SECRET = "6f1c0b7e9a2d44e1b5c3"
VERIFY = "flowin-verify-meta"
PAGE_ID = "104526421970498"
IG_ID = "17841405822304914"
PSID = "6944516352237981"
TRIGGER = "instagram_messenger.new_message"
REPLY = "instagram_messenger.send_reply"
SENT = {"recipient_id": PSID, "message_id": "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48P"}


def now_ms(hours_ago: float = 0) -> int:
    return int((time.time() - hours_ago * 3600) * 1000)


def messaging(*events: dict[str, Any], obj: str = "page", owner: str = PAGE_ID) -> dict:
    return {"object": obj, "entry": [{"id": owner, "time": now_ms(), "messaging": list(events)}]}


def text_event(text: str = "Is the blue abaya still in stock?", hours_ago: float = 0, **message):
    return {
        "sender": {"id": PSID},
        "recipient": {"id": PAGE_ID},
        "timestamp": now_ms(hours_ago),
        "message": {"mid": f"m_{abs(hash((text, hours_ago)))}", "text": text, **message},
    }


def signed(payload: dict, secret: str = APP_SECRET) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload).encode()
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return body, {"content-type": "application/json", "x-hub-signature-256": signature}


def signed_request(payload: dict) -> WebhookRequest:
    body, headers = signed(payload)
    return webhook(body, headers)


def graph_error(code: int, message: str, subcode: int | None = None) -> dict:
    error = {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AbC"}
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": error}


@pytest.fixture
def graph(httpserver) -> Iterator[GraphServer]:
    with GraphServer(httpserver, TOKEN, instagram_ids=(IG_ID,)) as server:
        yield server


def secret(graph: GraphServer | None = None, **fields: str) -> dict[str, str]:
    base = {"base_url": graph.url()} if graph else {}
    return {
        "page_access_token": TOKEN,
        "app_secret": APP_SECRET,
        "verify_token": VERIFY,
        **base,
        **fields,
    }


@pytest.fixture
def account(graph, connections) -> str:
    return connections.add("instagram_messenger", "Layla's Abayas", secret(graph)).id


# Replying.


def test_a_reply_is_a_documented_send_api_call_with_the_bearer_token(graph, account, connections):
    graph.respond("POST", "messages", json=SENT)
    output = run(
        REPLY,
        {"connection": account, "recipient_id": PSID, "text": "Yes, in sizes 52 to 58."},
        connections,
    )
    (call,) = graph.calls("messages")
    assert (call.method, call.path) == ("POST", "/v23.0/me/messages")
    assert call.headers["Authorization"] == f"Bearer {TOKEN}"
    assert "access_token" not in call.query  # the token stays out of addresses and logs
    assert call.json == {
        "recipient": {"id": PSID},
        "messaging_type": "RESPONSE",
        "message": {"text": "Yes, in sizes 52 to 58."},
    }
    assert output == SENT


def test_quick_replies_are_text_buttons_whose_payload_is_their_title(graph, account, connections):
    run(
        REPLY,
        {
            "connection": account,
            "recipient_id": PSID,
            "text": "Which size?",
            "quick_replies": ["52", "54", " ", "56"],
        },
        connections,
    )
    assert graph.calls("messages")[0].json["message"]["quick_replies"] == [
        {"content_type": "text", "title": size, "payload": size} for size in ("52", "54", "56")
    ]


def test_a_page_id_sends_through_its_messages_edge_and_an_instagram_id_through_its_own(
    graph, connections
):
    for page in (PAGE_ID, IG_ID):  # IG_ID: the Instagram API's own node, checked with its spec
        account = connections.add("instagram_messenger", page, secret(graph, page_id=page)).id
        run(REPLY, {"connection": account, "recipient_id": PSID, "text": "Hi"}, connections)
    assert [c.path for c in graph.calls("messages")] == [
        f"/v23.0/{PAGE_ID}/messages",
        f"/v23.0/{IG_ID}/messages",
    ]


@pytest.mark.parametrize(
    ("replies", "said"),
    [
        ([str(n) for n in range(14)], "takes up to 13 quick replies; it has 14"),
        (["Deliver to my door please"], "up to 20 characters; 'Deliver to my door please'"),
    ],
)
def test_quick_replies_meta_would_refuse_are_said_and_not_sent(
    graph, account, connections, replies, said
):
    params = {"connection": account, "recipient_id": PSID, "text": "?", "quick_replies": replies}
    assert said in str(failure(REPLY, params, connections))
    assert graph.calls() == []


# Meta's 24-hour window.

OUTSIDE = (
    "More than 24 hours have passed since the customer last wrote; Meta lets you answer only "
    "within 24 hours."
)


def test_a_reply_more_than_24_hours_after_the_customers_message_is_refused_before_sending(
    graph, account, connections
):
    data = signed_request(messaging(text_event(hours_ago=25))).as_trigger_data()
    params = {"connection": account, "recipient_id": PSID, "text": "Sorry for the wait!"}
    with pytest.raises(StepError) as caught:
        run(REPLY, params, connections, trigger_data=data)
    assert str(caught.value) == OUTSIDE
    assert not isinstance(caught.value, RetryableError)
    assert graph.calls() == []
    # Within the window, or to someone the trigger doesn't tell about, the reply goes out.
    fresh = signed_request(messaging(text_event(hours_ago=23))).as_trigger_data()
    run(REPLY, params, connections, trigger_data=fresh)
    run(REPLY, {**params, "recipient_id": "999"}, connections, trigger_data=data)
    assert len(graph.calls("messages")) == 2


@pytest.mark.parametrize("subcode", [2018278, 2534022], ids=["messenger", "instagram"])
def test_metas_outside_the_window_refusal_is_explained(graph, account, connections, subcode):
    graph.respond(
        "POST",
        "messages",
        status=400,
        json=graph_error(10, "(#10) This message is sent outside of allowed window.", subcode),
    )
    params = {"connection": account, "recipient_id": PSID, "text": "Hello again"}
    error = failure(REPLY, params, connections)
    assert str(error).startswith(OUTSIDE)
    assert f"Meta refused the reply with code 10/{subcode}" in str(error)
    assert not isinstance(error, RetryableError)


# Failures and retries.


@pytest.mark.parametrize("status", [401, 400])
def test_a_refused_token_asks_for_a_new_one_and_is_not_retried(graph, account, connections, status):
    graph.respond(
        "POST",
        "messages",
        status=status,
        json=graph_error(190, "Error validating access token: Session has expired"),
    )
    result = run_with_retries(
        connections, REPLY, {"connection": account, "recipient_id": PSID, "text": "hi"}
    )
    assert not result.ok and "copy a new one into the Instagram & Messenger account" in result.error
    assert len(graph.calls("messages")) == 1
    graph.respond("POST", "messages", status=status, json=graph_error(190, "Invalid token"))
    error = failure(REPLY, {"connection": account, "recipient_id": PSID, "text": "hi"}, connections)
    assert isinstance(error, AccountRejected)


def test_a_429_waits_as_long_as_meta_asks(graph, account, connections):
    graph.respond(
        "POST",
        "messages",
        status=429,
        json=graph_error(4, "Application request limit reached"),
        headers={"Retry-After": "30"},
    )
    error = failure(REPLY, {"connection": account, "recipient_id": PSID, "text": "hi"}, connections)
    assert isinstance(error, RetryableError) and error.retry_after == 30


def test_metas_rate_limit_codes_under_400_wait_for_the_time_its_usage_header_gives(
    graph, account, connections
):
    usage = {
        PAGE_ID: [{"type": "messenger", "call_count": 100, "estimated_time_to_regain_access": 2}]
    }
    graph.respond(
        "POST",
        "messages",
        status=400,
        json=graph_error(613, "Calls to this api have exceeded the rate limit."),
        headers={"X-Business-Use-Case-Usage": json.dumps(usage)},
    )
    error = failure(REPLY, {"connection": account, "recipient_id": PSID, "text": "hi"}, connections)
    assert isinstance(error, RetryableError) and error.retry_after == 120
    assert "asks to wait 2 minutes" in str(error)


def test_a_throttled_reply_is_sent_again_and_arrives_once(graph, account, connections):
    # Code 4 says Meta did not act on the request: the runner's next attempt sends it.
    graph.respond(
        "POST", "messages", status=400, json=graph_error(4, "Application request limit reached")
    )
    graph.respond("POST", "messages", json=SENT)
    result = run_with_retries(
        connections, REPLY, {"connection": account, "recipient_id": PSID, "text": "hi"}
    )
    assert result.ok, result.error
    assert len(graph.calls("messages")) == 2


def test_a_reply_answered_with_a_server_error_is_not_sent_again(graph, account, connections):
    graph.respond(
        "POST",
        "messages",
        status=500,
        json=graph_error(2, "An unexpected error has occurred. Please retry your request later."),
    )
    result = run_with_retries(
        connections, REPLY, {"connection": account, "recipient_id": PSID, "text": "hi"}
    )
    assert not result.ok and len(graph.calls("messages")) == 1
    assert "it may have been done, so Flowin didn't repeat it" in result.error


def test_a_person_who_cannot_be_reached_is_explained(graph, account, connections):
    graph.respond(
        "POST",
        "messages",
        status=400,
        json=graph_error(551, "This person isn't available right now."),
    )
    error = failure(REPLY, {"connection": account, "recipient_id": PSID, "text": "hi"}, connections)
    assert "can't receive messages from the Page right now" in str(error)


def test_replying_is_declared_not_repeat_safe():
    assert not default_registry().get(REPLY).manifest.repeat_safe


# The account.


def test_the_account_test_reads_the_pages_id_and_name(graph):
    connector = default_registry().get(REPLY).connector
    model = connector.credential_model.model_validate(secret(graph))
    assert connector.test_function(model) == "Connected to Layla's Abayas."
    (call,) = graph.calls()
    assert (call.method, call.path, call.query) == ("GET", "/v23.0/me", {"fields": "id,name"})


# The checks are not a rubber stamp.


def test_requests_meta_would_refuse_are_refused_by_the_checks(graph):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    good = {"recipient": {"id": PSID}, "messaging_type": "RESPONSE", "message": {"text": "hi"}}
    url = graph.url() + "/v23.0/me/messages"
    answers = [
        httpx.post(url, headers=auth, json={k: v for k, v in good.items() if k != "recipient"}),
        httpx.post(url, headers=auth, json={**good, "messaging_type": "PROMOTION"}),
        httpx.post(url, headers=auth, json={**good, "priority": "high"}),
        httpx.post(url, json=good),
        httpx.post(
            url,
            headers=auth,
            json={**good, "message": {"text": "?", "quick_replies": [{"title": "Yes"}]}},
        ),
        httpx.get(graph.url() + "/v23.0/me", headers=auth, params={"fields": "id,secret_sauce"}),
    ]
    assert [a.status_code for a in answers] == [400] * 6
    said = list(iter_rejections(graph))
    assert "requires 'recipient'" in said[0] and "recipient must be" in said[0]
    assert "'PROMOTION' is not one of" in said[1]
    assert "takes no parameter 'priority'" in said[2]
    assert "Authorization: Bearer" in said[3]
    assert "needs content_type 'text'" in said[4]
    assert "has no field 'secret_sauce'" in said[5]
    assert graph.calls() == []
    graph.rejected.clear()


def test_the_sdk_spec_knows_the_edges_used_and_not_others():
    assert call_problems(PAGE, "POST", "messages", {"recipient": {"id": "1"}}) == []
    assert call_problems(PAGE, "POST", "message", {}) == ["Page has no POST message"]


# The trigger.


def test_a_message_gives_the_sender_its_text_attachment_links_and_time(connections):
    photo = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17951219287794411"
    event = text_event(
        "Like this one?",
        attachments=[{"type": "image", "payload": {"url": photo}}],
        quick_reply={"payload": "54"},
    )
    event["timestamp"] = 1764925200000
    data = signed_request(messaging(event, obj="instagram", owner=IG_ID)).as_trigger_data()
    output = run(TRIGGER, {}, connections, trigger_data=data)
    assert (output["channel"], output["sender_id"], output["text"]) == (
        "instagram",
        PSID,
        "Like this one?",
    )
    assert output["attachments"] == [{"type": "image", "url": photo}]
    assert output["attachment_urls"] == [photo]
    assert output["quick_reply"] == "54"
    assert output["time"] == "2025-12-05T09:00:00+00:00"
    assert output["message_id"] == event["message"]["mid"]
    assert output["page_id"] == PAGE_ID  # who received it: the Page, not whom to answer


def test_the_delivery_id_is_the_messages_id():
    declared = default_registry().get(TRIGGER).manifest.delivery_id
    event = text_event()
    assert delivery_id(signed_request(messaging(event)), declared) == event["message"]["mid"]


@pytest.mark.parametrize(
    "payload",
    [
        messaging(text_event(is_echo=True, app_id=1517776481860111)),
        messaging(
            {
                "sender": {"id": PSID},
                "recipient": {"id": PAGE_ID},
                "timestamp": now_ms(),
                "read": {"watermark": now_ms()},
            }
        ),
        messaging(
            {
                "sender": {"id": PSID},
                "recipient": {"id": PAGE_ID},
                "timestamp": now_ms(),
                "delivery": {"mids": ["m_1"], "watermark": now_ms()},
            }
        ),
    ],
    ids=["echo", "read", "delivery"],
)
def test_echoes_and_receipts_are_answered_without_starting_the_flow(account, connections, payload):
    reply = gate(TRIGGER, signed_request(payload), connections, account)
    assert isinstance(reply, WebhookReply) and reply.status == 200


def test_from_chooses_messenger_or_instagram(account, connections):
    declared = default_registry().get(TRIGGER)
    instagram = signed_request(messaging(text_event(), obj="instagram", owner=IG_ID))

    def gate_from(source: str):
        params = declared.input_model.model_validate({"connection": account, "source": source})
        from flowin_engine.webhooks import GateContext

        return declared.webhook_gate(params, instagram, GateContext(connections.secret))

    assert gate_from("instagram") is None and gate_from("any") is None
    assert isinstance(gate_from("messenger"), WebhookReply)


def test_the_listener_checks_the_handshake_and_signatures_and_runs_a_delivery_once(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    body, headers = signed(messaging(text_event()))
    with (
        Store(tmp_path / "flowin.db") as store,
        listening(store, "instagram_messenger", secret(), TRIGGER) as (url, store, flow_id),
    ):
        challenge = {"hub.mode": "subscribe", "hub.verify_token": VERIFY, "hub.challenge": "1158"}
        answer = httpx.get(url, params=challenge)
        assert (answer.status_code, answer.text) == (200, "1158")
        wrong = httpx.get(url, params={**challenge, "hub.verify_token": "guess"})
        assert wrong.status_code == 403

        forged = httpx.post(
            url, content=body, headers={**headers, "x-hub-signature-256": "sha256=" + "0" * 64}
        )
        assert forged.status_code == 401 and "doesn't match" in forged.json()["error"]
        unsigned = {"content-type": "application/json"}
        assert httpx.post(url, content=body, headers=unsigned).status_code == 401
        assert store.executions.summaries(flow_id=flow_id) == []

        post_twice_then_count(url, store, flow_id, content=body, headers=headers)


# End to end.


def test_a_flow_answers_a_message_through_the_engine(graph, account, connections):
    flow = make_flow(
        [
            ("Message", TRIGGER, {"connection": account}),
            (
                "Reply",
                REPLY,
                {
                    "connection": account,
                    "recipient_id": "{{ trigger.sender_id }}",
                    "text": "Thanks! You wrote: {{ trigger.text }}",
                    "quick_replies": ["Order", "Sizes"],
                },
            ),
        ],
        ["Message -> Reply"],
    )
    data = signed_request(messaging(text_event("Hi"))).as_trigger_data()
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, data)
    assert result.ok, result.error
    sent = graph.calls("messages")[0].json
    assert sent["recipient"] == {"id": PSID}
    assert sent["message"]["text"] == "Thanks! You wrote: Hi"
