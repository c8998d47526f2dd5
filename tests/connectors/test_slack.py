"""Slack against a local Web API that validates each call with Slack's published description.

tests/contracts/vendor/slack is Swagger 2.0 from 2021; the contract server converts it in memory and
applies the documented corrections (bearer token instead of a 'token' header, JSON bodies with
array blocks: api.slack.com/web "Posting JSON"). chat.postMessage and auth.test are covered,
including their error schema (HTTP 200 with ok:false). HTTP 429 with Retry-After is not in it
(api.slack.com/docs/rate-limits), so that answer is check=False. The Events API (url_verification,
event_callback, signing) is not in the description either: its payloads below follow
api.slack.com/apis/connections/events-api and api.slack.com/events/message, and the signature
api.slack.com/authentication/verifying-requests-from-slack.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time

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

TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
CHANNEL = "C0LAN2Q65"
POSTED = {
    "ok": True,
    "channel": CHANNEL,
    "ts": "1503435956.000247",
    "message": {
        "text": "New order 1042",
        "username": "ecto1",
        "bot_id": "B19LU7CSY",
        "type": "message",
        "subtype": "bot_message",
        "ts": "1503435956.000247",
    },
}


def slack_error(error: str, documented: bool = True) -> dict:
    """Slack's error answer. It comes with HTTP 200, which the description gives to the success
    schema, so it is checked here against the operation's 'default' (error) schema instead.
    ``documented=False`` for codes the 2021 enum lacks but api.slack.com/methods/chat.postMessage
    lists today (token_revoked, ratelimited)."""
    answer = {"ok": False, "error": error}
    if not documented:
        return answer
    pointer = "#/paths/~1chat.postMessage/post/responses/default/content/application~1json/schema"
    assert schema_errors(load_contract("slack/slack_web_openapi_v2.json"), pointer, answer) == []
    return answer


@pytest.fixture
def api(httpserver):
    with ContractServer(httpserver, "slack/slack_web_openapi_v2.json") as server:
        yield server


@pytest.fixture
def app(api, connections) -> str:
    secret = {"bot_token": TOKEN, "signing_secret": SIGNING_SECRET, "base_url": api.url("/api")}
    return connections.add("slack", "Shop workspace", secret).id


def run(
    operation: str, params: dict, connections: Connections, trigger_data=None, timeout: float = 5
):
    node_type = default_registry().get(f"slack.{operation}")
    node = Node(name="Slack", type=node_type.type, params=params)
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


def test_post_message_sends_json_with_the_bearer_token(api, app, connections):
    api.respond("chat_postMessage", json=POSTED)
    blocks = '[{"type": "section", "text": {"type": "mrkdwn", "text": "*Order 1042*"}}]'
    output = run(
        "post_message",
        {
            "connection": app,
            "channel": CHANNEL,
            "text": "New order 1042",
            "blocks": blocks,
            "thread_ts": "1503435956.000100",
        },
        connections,
    )
    (call,) = api.calls("chat_postMessage")
    assert call.request.path == "/api/chat.postMessage"
    assert call.request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert call.request.json == {
        "channel": CHANNEL,
        "text": "New order 1042",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*Order 1042*"}}],
        "thread_ts": "1503435956.000100",
    }
    assert (output["channel"], output["ts"]) == (CHANNEL, "1503435956.000247")


def test_test_connection_calls_auth_test(api):
    api.respond(
        "auth_test",
        json={
            "ok": True,
            "url": "https://shop.slack.com/",
            "team": "Shop",
            "user": "flowin",
            "team_id": "T12345678",
            "user_id": "W12345678",
        },
    )
    connector = default_registry().get("slack.post_message").connector
    secret = connector.credential_model.model_validate(
        {"bot_token": TOKEN, "base_url": api.url("/api")}
    )
    assert connector.test_function(secret) == "Connected to Shop as flowin."
    assert api.calls("auth_test")[0].request.headers["Authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize(
    ("error", "documented"), [("invalid_auth", True), ("token_revoked", False)]
)
def test_a_bad_token_asks_to_reconnect(api, app, connections, error, documented):
    api.respond("chat_postMessage", json=slack_error(error, documented), check=False)
    with pytest.raises(StepError, match="reconnect Slack") as caught:
        run("post_message", {"connection": app, "channel": CHANNEL, "text": "hi"}, connections)
    assert not isinstance(caught.value, RetryableError)


def test_an_unknown_channel_is_said_plainly(api, app, connections):
    api.respond("chat_postMessage", json=slack_error("channel_not_found"), check=False)
    with pytest.raises(StepError, match="channel not found"):
        run("post_message", {"connection": app, "channel": "C404", "text": "hi"}, connections)


def test_rate_limits_are_retried_after_retry_after(api, app, connections):
    api.respond(
        "chat_postMessage",
        json=slack_error("ratelimited", documented=False),
        status=429,
        headers={"Retry-After": "12"},
        check=False,
    )
    with pytest.raises(RetryableError) as caught:
        run("post_message", {"connection": app, "channel": CHANNEL, "text": "hi"}, connections)
    assert caught.value.retry_after == 12


def test_no_answer_after_posting_is_not_retried(httpserver, connections):
    httpserver.expect_request("/api/chat.postMessage").respond_with_handler(
        lambda request: time.sleep(1.5) or None
    )
    connection = connections.add(
        "slack", "Slow", {"bot_token": TOKEN, "base_url": httpserver.url_for("/api")}
    ).id
    with pytest.raises(StepError, match="may have been posted") as caught:
        run(
            "post_message",
            {"connection": connection, "channel": CHANNEL, "text": "hi"},
            connections,
            timeout=0.5,
        )
    assert not isinstance(caught.value, RetryableError)


# Events API.

MESSAGE_EVENT = {
    "token": "XXYYZZ",
    "team_id": "T061EG9RZ",
    "api_app_id": "A0PNCHHK2",
    "event": {
        "type": "message",
        "channel": CHANNEL,
        "user": "U061F7AUR",
        "text": "Can someone check order 1042?",
        "ts": "1515449522.000016",
        "team": "T061EG9RZ",
        "event_ts": "1515449522.000016",
        "channel_type": "channel",
    },
    "type": "event_callback",
    "event_id": "Ev0PV52K25",
    "event_time": 1515449522,
}


def slack_request(
    payload: dict, secret: str = SIGNING_SECRET, age: float = 0, **headers: str
) -> WebhookRequest:
    body = json.dumps(payload).encode()
    timestamp = str(int(time.time() - age))
    signature = (
        "v0="
        + hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    )
    return WebhookRequest(
        method="POST",
        path="/webhook/slack",
        url="https://flowin.example/webhook/slack",
        headers={
            "content-type": "application/json",
            "x-slack-request-timestamp": timestamp,
            "x-slack-signature": signature,
            **headers,
        },
        query={},
        body=body,
    )


def gate(app: str, connections: Connections, request: WebhookRequest, channel: str = ""):
    node_type = default_registry().get("slack.new_message")
    params = node_type.input_model.model_validate({"connection": app, "channel": channel})
    return node_type.webhook_gate(params, request, GateContext(connections.secret))


def test_the_url_verification_challenge_is_answered(app, connections):
    challenge = {
        "token": "Jhj5dZrVaK7ZwHHjRyZWjbDl",
        "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        "type": "url_verification",
    }
    reply = gate(app, connections, slack_request(challenge))
    assert isinstance(reply, WebhookReply)
    assert reply.body == {"challenge": challenge["challenge"]}


def test_a_signed_message_starts_the_flow_and_a_bad_signature_does_not(app, connections):
    assert gate(app, connections, slack_request(MESSAGE_EVENT)) is None
    with pytest.raises(WebhookRejected, match="signature"):
        gate(app, connections, slack_request(MESSAGE_EVENT, secret="not-the-secret"))


def test_an_old_signed_request_is_rejected_as_a_replay(app, connections):
    with pytest.raises(WebhookRejected, match="too old"):
        gate(app, connections, slack_request(MESSAGE_EVENT, age=600))


@pytest.mark.parametrize(
    "payload, headers",
    [
        (MESSAGE_EVENT, {"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"}),
        (
            {
                **MESSAGE_EVENT,
                "event": {
                    **MESSAGE_EVENT["event"],
                    "bot_id": "B19LU7CSY",
                    "subtype": "bot_message",
                },
            },
            {},
        ),
        ({**MESSAGE_EVENT, "event": {**MESSAGE_EVENT["event"], "subtype": "message_changed"}}, {}),
        (
            {
                **MESSAGE_EVENT,
                "event": {"type": "reaction_added", "user": "U1", "reaction": "thumbsup"},
            },
            {},
        ),
    ],
    ids=["retry", "bot", "edit", "other-event"],
)
def test_retries_bots_edits_and_other_events_are_acknowledged_without_a_run(
    app, connections, payload, headers
):
    reply = gate(app, connections, slack_request(payload, **headers))
    assert isinstance(reply, WebhookReply) and reply.status == 200


def test_messages_in_other_channels_are_skipped_when_one_is_chosen(app, connections):
    assert isinstance(
        gate(app, connections, slack_request(MESSAGE_EVENT), channel="C999"), WebhookReply
    )
    assert gate(app, connections, slack_request(MESSAGE_EVENT), channel=CHANNEL) is None


# The validator is not a rubber stamp.


def test_a_post_without_a_channel_or_token_is_rejected_by_the_contract(api):
    httpx.post(
        api.url("/api/chat.postMessage"),
        json={"text": "hi"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    httpx.post(api.url("/api/chat.postMessage"), json={"channel": CHANNEL, "text": "hi"})
    assert len(api.rejected) == 2
    api.rejected.clear()


# End to end.


def test_a_flow_replies_in_the_thread_through_the_engine(api, app, connections):
    api.respond("chat_postMessage", json=POSTED)
    flow = make_flow(
        [
            ("Message", "slack.new_message", {"connection": app}),
            (
                "Reply",
                "slack.post_message",
                {
                    "connection": app,
                    "channel": "{{ input.channel }}",
                    "thread_ts": "{{ input.ts }}",
                    "text": "<@{{ input.user }}> on it: {{ input.text }}",
                },
            ),
        ],
        ["Message -> Reply"],
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, slack_request(MESSAGE_EVENT).as_trigger_data())
    assert result.ok, result.error
    assert api.calls("chat_postMessage")[0].request.json == {
        "channel": CHANNEL,
        "text": "<@U061F7AUR> on it: Can someone check order 1042?",
        "thread_ts": "1515449522.000016",
    }


# Updating a message, and messaging a person by e-mail.

USER = {
    "id": "W012A3CDE",
    "name": "layla",
    "real_name": "Layla Haddad",
    "deleted": False,
    "profile": {"email": "layla@shop.example", "real_name": "Layla Haddad"},
}


def error_of(operation_path: str, error: str) -> dict:
    """Slack's error answer for a method, checked against that method's error schema (it comes
    with HTTP 200, which the description gives to the success schema)."""
    answer = {"ok": False, "error": error}
    method = "get" if operation_path == "/users.lookupByEmail" else "post"
    pointer = (
        f"#/paths/~1{operation_path.lstrip('/')}/{method}/responses/default/content/"
        "application~1json/schema"
    )
    assert schema_errors(load_contract("slack/slack_web_openapi_v2.json"), pointer, answer) == []
    return answer


def test_update_message_changes_the_text_of_a_posted_message(api, app, connections):
    api.respond(
        "chat_update",
        json={
            "ok": True,
            "channel": CHANNEL,
            "ts": "1503435956.000247",
            "text": "Order 1042: shipped",
            "message": {"text": "Order 1042: shipped"},
        },
    )
    output = run(
        "update_message",
        {
            "connection": app,
            "channel": CHANNEL,
            "ts": "1503435956.000247",
            "text": "Order 1042: shipped",
        },
        connections,
    )
    (call,) = api.calls("chat_update")
    assert call.request.path == "/api/chat.update"
    assert call.request.json == {
        "channel": CHANNEL,
        "ts": "1503435956.000247",
        "text": "Order 1042: shipped",
    }
    assert (output["ts"], output["text"]) == ("1503435956.000247", "Order 1042: shipped")
    assert default_registry().get("slack.update_message").manifest.repeat_safe is True


def test_a_message_the_app_cannot_change_says_why(api, app, connections):
    api.respond("chat_update", json=error_of("/chat.update", "cant_update_message"), check=False)
    with pytest.raises(StepError, match="the app can change only messages it posted"):
        run(
            "update_message",
            {"connection": app, "channel": CHANNEL, "ts": "1.2", "text": "x"},
            connections,
        )


def test_a_person_is_found_by_e_mail_and_messaged_directly(api, app, connections):
    api.respond("users_lookupByEmail", json={"ok": True, "user": USER})
    api.respond("chat_postMessage", json={**POSTED, "channel": "D024BE91L"})
    output = run(
        "message_by_email",
        {"connection": app, "email": " layla@shop.example ", "text": "Your report is ready"},
        connections,
    )
    (lookup,) = api.calls("users_lookupByEmail")
    assert lookup.request.method == "GET"
    assert lookup.request.args.to_dict() == {"email": "layla@shop.example"}
    assert lookup.request.headers["Authorization"] == f"Bearer {TOKEN}"
    (post,) = api.calls("chat_postMessage")
    assert post.request.json == {"channel": "W012A3CDE", "text": "Your report is ready"}
    assert (output["user_id"], output["user_name"], output["channel"]) == (
        "W012A3CDE",
        "Layla Haddad",
        "D024BE91L",
    )
    assert default_registry().get("slack.message_by_email").manifest.repeat_safe is False


def test_an_e_mail_no_one_in_the_workspace_has_is_said_and_nothing_is_posted(api, app, connections):
    api.respond(
        "users_lookupByEmail",
        json=error_of("/users.lookupByEmail", "users_not_found"),
        check=False,
    )
    with pytest.raises(StepError) as caught:
        run(
            "message_by_email",
            {"connection": app, "email": "omar@shop.example", "text": "hi"},
            connections,
        )
    assert str(caught.value) == (
        "Slack: no one in the workspace has the e-mail address 'omar@shop.example'."
    )
    assert api.calls("chat_postMessage") == []


def test_a_missing_scope_names_it_and_how_to_add_it(api, app, connections):
    # missing_scope and its 'needed' are newer than the 2021 description
    # (api.slack.com/methods/users.lookupByEmail, Errors): not checked against it.
    answer = {"ok": False, "error": "missing_scope", "needed": "users:read.email"}
    api.respond("users_lookupByEmail", json=answer, check=False)
    with pytest.raises(StepError) as caught:
        run(
            "message_by_email",
            {"connection": app, "email": "layla@shop.example", "text": "hi"},
            connections,
        )
    assert "add users:read.email under OAuth & Permissions" in str(caught.value)
    assert caught.value.setting == "connection"


def test_the_description_refuses_an_update_without_ts_and_a_lookup_without_email(api):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    httpx.post(api.url("/api/chat.update"), json={"channel": CHANNEL, "text": "x"}, headers=auth)
    httpx.get(api.url("/api/users.lookupByEmail"), headers=auth)
    assert len(api.rejected) == 2
    api.rejected.clear()
