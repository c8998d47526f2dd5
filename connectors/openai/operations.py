"""AI text generation through the official ``openai`` SDK: OpenAI, or any server that speaks its
Chat Completions API (Ollama, LM Studio, vLLM, Azure-compatible gateways) via ``base_url``.

OpenAI's own models take the answer's length as ``max_completion_tokens`` (``max_tokens`` is
deprecated in OpenAI's description, and its reasoning models refuse it); other servers' models
(Ollama's llama3.2, gpt-oss) are sent ``max_tokens``, the field those servers document.
Reasoning models (the o-series, the gpt-5 family) accept no temperature but their default, so
none is sent to them.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from flowin_engine.kit import (
    SECRET,
    AccountRejected,
    RetryableError,
    Service,
    StepContext,
    StepError,
    account_field,
    http_client_options,
    refused_address,
    retry_after,
    too_many_requests,
)

if TYPE_CHECKING:
    # The SDK takes most of a second to import: every command that loads the connectors
    # would pay it, so it is imported when a step or a connection test calls OpenAI.
    import openai

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"
TEST_TIMEOUT = 15.0
AI = Service("AI", host="api.openai.com")
# OpenAI's model names (after a gateway's "openai/" prefix); gpt-oss is an open model that other
# servers run.
_OPENAI_MODEL = re.compile(r"^(gpt-(?!oss)|chatgpt-|o\d)")
_REASONING_MODEL = re.compile(r"^(o\d|gpt-5)")


class OpenAIAccount(BaseModel):
    api_key: str = Field(
        title="API key",
        description="sk-… from platform.openai.com; for Ollama any text (e.g. ollama).",
        json_schema_extra=SECRET,
    )
    base_url: str = Field(
        DEFAULT_BASE_URL,
        title="API address",
        description="For Ollama: http://localhost:11434/v1",
    )
    default_model: str = Field(DEFAULT_MODEL, title="Default model", description="e.g. llama3.2")
    organization: str = Field("", title="Organization ID", description="Optional.")


class GenerateTextInput(BaseModel):
    connection: str | None = account_field(
        "openai", "The connected OpenAI (or compatible) account."
    )
    prompt: str = Field(
        title="Prompt",
        min_length=1,
        description="What to ask; use {{ }} to put in data, e.g. Summarise: {{ trigger.text }}",
        json_schema_extra={"widget": "textarea"},
    )
    system_prompt: str = Field(
        "", title="Instructions", description="How the AI should behave, e.g. 'Answer in Arabic.'"
    )
    model: str = Field("", title="Model", description="Empty for the account's default model.")
    temperature: float = Field(0.7, title="Creativity", ge=0, le=2)
    max_tokens: int | None = Field(None, title="Longest answer (tokens)", ge=1)
    json_output: bool = Field(
        False,
        title="Answer as JSON",
        description="Ask for a JSON object and output it parsed, for the next steps to use.",
    )


def test_account(secret: OpenAIAccount) -> str:
    """List the models: a free call that checks the key and the address."""
    import openai

    try:
        models = _client(secret, TEST_TIMEOUT).models.list()
        count = len(models.data)
    except openai.APIError as error:
        raise _failure(error, secret) from None
    return f"Connected; {count} model{'s' if count != 1 else ''} available."


def generate_text(params: GenerateTextInput, ctx: StepContext) -> dict[str, Any]:
    """One chat completion; with ``json_output`` the answer is also parsed into ``json``."""
    import openai

    account = OpenAIAccount.model_validate(ctx.credential(params.connection))
    model = params.model.strip() or account.default_model
    system = params.system_prompt.strip()
    if params.json_output and "json" not in (system + params.prompt).lower():
        # The API refuses JSON mode unless the messages mention JSON.
        system = (system + "\n" if system else "") + "Answer with one JSON object."
    messages: list[dict[str, str]] = []
    if system:
        messages.append({"role": "system", "content": system})
    messages.append({"role": "user", "content": params.prompt})
    options: dict[str, Any] = {}
    name = model.lower().removeprefix("openai/")
    if not _REASONING_MODEL.match(name):
        options["temperature"] = params.temperature
    if params.max_tokens:
        limit = "max_completion_tokens" if _OPENAI_MODEL.match(name) else "max_tokens"
        options[limit] = params.max_tokens
    if params.json_output:
        options["response_format"] = {"type": "json_object"}
    try:
        completion = _client(account, ctx.remaining).chat.completions.create(
            model=model, messages=messages, **options
        )
    except openai.APIError as error:
        raise _failure(error, account, model) from None
    choice = completion.choices[0]
    text = choice.message.content or ""
    output: dict[str, Any] = {
        "text": text,
        "model": completion.model,
        "finish_reason": choice.finish_reason,
        "usage": completion.usage.model_dump() if completion.usage else None,
    }
    if params.json_output:
        output["json"] = _parsed(text, choice.finish_reason)
    return output


def _parsed(text: str, finish_reason: str | None) -> Any:
    cleaned = text.strip()
    if cleaned.startswith("```"):  # some local models wrap JSON in a code fence
        cleaned = cleaned.strip("`").removeprefix("json").strip()
    try:
        return json.loads(cleaned)
    except ValueError:
        hint = (
            " The answer was cut off; raise 'Longest answer'."
            if finish_reason == "length"
            else " Say in the prompt what JSON you want."
        )
        raise StepError(f"The AI's answer is not valid JSON: {text[:120]!r}.{hint}") from None


def _client(account: OpenAIAccount, timeout: float) -> openai.OpenAI:
    import openai

    # The runner retries with back-off; the SDK's own retries would hide its time budget.
    return openai.OpenAI(
        api_key=account.api_key.strip() or "none",
        base_url=account.base_url.strip().rstrip("/") or DEFAULT_BASE_URL,
        organization=account.organization.strip() or None,
        timeout=timeout,
        max_retries=0,
        # Its connections follow the address policy of whoever runs the flow (the cloud
        # calls no private network), redirects included.
        http_client=openai.DefaultHttpxClient(**http_client_options(openai.DefaultHttpxClient)),
    )


def _failure(error: openai.APIError, account: OpenAIAccount, model: str = "") -> StepError:
    import openai

    refused = refused_address(error)
    if refused is not None:
        return refused
    message = _message(error)
    if isinstance(error, openai.APIConnectionError | openai.APITimeoutError):
        return RetryableError(
            f"AI: can't reach {account.base_url} ({type(error).__name__}); check the address "
            "(for Ollama, is it running?)."
        )
    if isinstance(error, openai.AuthenticationError):
        return AccountRejected(f"AI: the API key was refused ({message}); check the account's key.")
    if isinstance(error, openai.PermissionDeniedError):
        return StepError(f"AI: this key may not do that ({message}).")
    if isinstance(error, openai.NotFoundError):
        return StepError(
            f"AI: the model '{model}' isn't available at {account.base_url} ({message}); pick "
            "another model (for Ollama, run 'ollama pull <model>' first)."
        )
    if isinstance(error, openai.RateLimitError):
        if _code(error) == "insufficient_quota":
            return StepError(f"AI: the account has no credit left ({message}); add credit.")
        return too_many_requests("AI", retry_after(error.response.headers.get("retry-after")))
    if isinstance(error, openai.APIStatusError):
        return AI.refused(error.status_code, message)
    return StepError(f"AI: the request was refused: {message}.")


def _code(error: openai.APIError) -> str | None:
    body = error.body if isinstance(error.body, dict) else {}
    inner = body.get("error", body) if isinstance(body.get("error", body), dict) else body
    return inner.get("code") or getattr(error, "code", None)


def _message(error: openai.APIError) -> str:
    body = error.body if isinstance(error.body, dict) else {}
    inner = body.get("error") if isinstance(body.get("error"), dict) else body
    return str(inner.get("message") or error.message).rstrip(".")
