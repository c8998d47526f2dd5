"""The AI node through the real ``openai`` SDK, against a local server validating each call with
OpenAI's own OpenAPI document (tests/contracts/vendor/openai). The document describes only the
success answers, so error answers are given with ``check=False`` in OpenAI's documented error
shape ({"error": {"message", "type", "code"}}, platform.openai.com/docs/guides/error-codes).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from flowin_engine.credentials import Connections
from flowin_engine.errors import RetryableError, StepError
from flowin_engine.model import Flow, Node
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.steps import StepContext
from tests.contracts.openapi_server import ContractServer, load_contract
from tests.engine.builders import make_flow

KEY = "sk-test-0123456789"


@pytest.fixture
def api(httpserver) -> Iterator[ContractServer]:
    with ContractServer(httpserver, load_contract("openai/openapi.yaml")) as server:
        yield server


@pytest.fixture
def account(api, connections) -> str:
    secret = {"api_key": KEY, "base_url": api.url("/v1"), "default_model": "llama3.2"}
    return connections.add("openai", "Local AI", secret).id


def completion(content: str, finish_reason: str = "stop") -> dict:
    return {
        "id": "chatcmpl-123",
        "object": "chat.completion",
        "created": 1741569952,
        "model": "llama3.2",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": None},
                "logprobs": None,
                "finish_reason": finish_reason,
            }
        ],
        "usage": {"prompt_tokens": 20, "completion_tokens": 5, "total_tokens": 25},
    }


def error(status_type: str, message: str, code: str | None = None) -> dict:
    return {"error": {"message": message, "type": status_type, "param": None, "code": code}}


def run(params: dict, connections: Connections):
    node_type = default_registry().get("openai.generate_text")
    node = Node(name="AI", type=node_type.type, params=params)
    ctx = StepContext(
        execution_id="t",
        flow=Flow(nodes=[node]),
        node=node,
        attempt=1,
        timeout=10,
        connections=connections,
    )
    return node_type.function(node_type.input_model.model_validate(params), ctx)


def test_the_contract_rejects_a_completion_without_messages(api):
    headers = {"Authorization": f"Bearer {KEY}"}
    answer = httpx.post(api.url("/v1/chat/completions"), headers=headers, json={"model": "x"})
    assert answer.status_code == 400 and len(api.rejected) == 1
    api.rejected.clear()


def test_generate_text_sends_the_system_and_user_messages(api, account, connections):
    api.respond("createChatCompletion", json=completion("Shukran!"))
    output = run(
        {
            "connection": account,
            "prompt": "Say thanks to Layla",
            "system_prompt": "Answer in Arabic.",
            "temperature": 0.2,
            "max_tokens": 50,
        },
        connections,
    )
    (call,) = api.calls("createChatCompletion")  # the account's default model, llama3.2
    assert call.request.headers["Authorization"] == f"Bearer {KEY}"
    assert call.request.json == {
        "model": "llama3.2",
        "messages": [
            {"role": "system", "content": "Answer in Arabic."},
            {"role": "user", "content": "Say thanks to Layla"},
        ],
        "temperature": 0.2,
        "max_tokens": 50,
    }
    assert output["text"] == "Shukran!" and output["usage"]["total_tokens"] == 25


@pytest.mark.parametrize(
    ("model", "limit", "temperature"),
    [
        # OpenAI's own models: the current field for the limit (max_tokens is deprecated in
        # its description, and refused by reasoning models).
        ("gpt-4o-mini", "max_completion_tokens", 0.3),
        ("gpt-4.1", "max_completion_tokens", 0.3),
        # Reasoning models refuse any temperature but the default: none is sent.
        ("gpt-5-mini", "max_completion_tokens", None),
        ("gpt-5.1", "max_completion_tokens", None),
        ("o3", "max_completion_tokens", None),
        ("o4-mini-2025-04-16", "max_completion_tokens", None),
        # Other servers' models (Ollama, LM Studio) document max_tokens.
        ("llama3.2", "max_tokens", 0.3),
        ("gpt-oss:20b", "max_tokens", 0.3),
    ],
)
def test_the_answer_length_and_creativity_are_sent_as_the_model_takes_them(
    api, account, connections, model, limit, temperature
):
    api.respond("createChatCompletion", json=completion("Shukran!"))
    params = {"connection": account, "prompt": "Hi", "model": model, "temperature": 0.3}
    run({**params, "max_tokens": 300}, connections)
    (call,) = api.calls("createChatCompletion")
    body = call.request.json
    assert body[limit] == 300
    assert {"max_tokens", "max_completion_tokens"} & set(body) == {limit}
    assert body.get("temperature") == temperature


def test_json_output_asks_for_json_and_parses_the_answer(api, account, connections):
    api.respond(
        "createChatCompletion",
        json=completion('```json\n{"sentiment": "positive", "stars": 5}\n```'),
    )
    output = run(
        {
            "connection": account,
            "prompt": "Rate: I love it",
            "model": "gpt-4o-mini",
            "json_output": True,
        },
        connections,
    )
    body = api.calls("createChatCompletion")[0].request.json
    assert body["response_format"] == {"type": "json_object"}
    assert body["model"] == "gpt-4o-mini"
    assert body["messages"][0] == {"role": "system", "content": "Answer with one JSON object."}
    assert output["json"] == {"sentiment": "positive", "stars": 5}


def test_an_answer_that_is_not_json_says_why(api, account, connections):
    api.respond("createChatCompletion", json=completion('{"sentiment": "pos', "length"))
    with pytest.raises(StepError, match=r"not valid JSON.*cut off"):
        run({"connection": account, "prompt": "Give JSON", "json_output": True}, connections)


def test_a_wrong_key_says_to_check_it(api, account, connections):
    api.respond(
        "createChatCompletion",
        status=401,
        check=False,
        json=error("invalid_request_error", "Incorrect API key provided.", "invalid_api_key"),
    )
    with pytest.raises(StepError, match=r"API key was refused .*Incorrect API key") as caught:
        run({"connection": account, "prompt": "hi"}, connections)
    assert not isinstance(caught.value, RetryableError)


def test_rate_limits_wait_but_an_empty_quota_does_not(api, account, connections):
    api.respond(
        "createChatCompletion",
        status=429,
        check=False,
        headers={"Retry-After": "4"},
        json=error("requests", "Rate limit reached", "rate_limit_exceeded"),
    )
    with pytest.raises(RetryableError) as caught:
        run({"connection": account, "prompt": "hi"}, connections)
    assert caught.value.retry_after == 4
    api.respond(
        "createChatCompletion",
        status=429,
        check=False,
        json=error("insufficient_quota", "You exceeded your current quota.", "insufficient_quota"),
    )
    with pytest.raises(StepError, match="no credit left") as caught:
        run({"connection": account, "prompt": "hi"}, connections)
    assert not isinstance(caught.value, RetryableError)


def test_an_unknown_model_says_to_pick_or_pull_one(api, account, connections):
    api.respond(
        "createChatCompletion",
        status=404,
        check=False,
        json=error("not_found_error", "model 'llama9' not found", "model_not_found"),
    )
    with pytest.raises(StepError, match=r"model 'llama9' isn't available.*ollama pull"):
        run({"connection": account, "prompt": "hi", "model": "llama9"}, connections)


def test_an_unreachable_server_is_retried(connections):
    secret = {"api_key": KEY, "base_url": "http://127.0.0.1:9/v1"}
    connection = connections.add("openai", "Nowhere", secret).id
    with pytest.raises(RetryableError, match="can't reach"):
        run({"connection": connection, "prompt": "hi"}, connections)


def test_test_connection_lists_the_models(api):
    api.respond(
        "listModels",
        json={
            "object": "list",
            "data": [
                {"id": "llama3.2", "object": "model", "created": 1, "owned_by": "library"},
                {"id": "qwen2.5", "object": "model", "created": 1, "owned_by": "library"},
            ],
        },
    )
    connector = default_registry().get("openai.generate_text").connector
    model = connector.credential_model.model_validate({"api_key": KEY, "base_url": api.url("/v1")})
    assert connector.test_function(model) == "Connected; 2 models available."


def test_a_flow_classifies_each_message(api, account, connections):
    api.respond("createChatCompletion", json=completion(json.dumps({"topic": "refund"})))
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            (
                "Classify",
                "openai.generate_text",
                {
                    "connection": account,
                    "json_output": True,
                    "prompt": 'Classify as JSON {"topic": …}: {{ trigger.text }}',
                },
            ),
        ],
        ["Start -> Classify"],
    )
    with Runner(default_registry(), connections=connections) as runner:
        result = runner.run(flow, {"text": "I want my money back"})
    assert result.ok, result.error
    assert result.outputs["Classify"]["json"] == {"topic": "refund"}
    sent = api.calls("createChatCompletion")[0].request.json["messages"]
    assert sent == [
        {"role": "user", "content": 'Classify as JSON {"topic": …}: I want my money back'}
    ]
