"""HTTP Request: call any web API with httpx and hand back its status, headers and body.

All steps share one pooled, thread-safe client, so calls to the same host reuse connections.
It never keeps cookies: one flow's session must not leak into another flow's requests.
"""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Annotated, Any, Literal
from urllib.parse import urlencode

from pydantic import BaseModel, BeforeValidator, Field

from flowin_engine.kit import (
    SECRET,
    AnswerTooLarge,
    RetryableError,
    StepContext,
    StepError,
    StepTimeout,
    Text,
    answer_limit,
    retry_after,
)
from flowin_engine.kit import service_client as _client

if TYPE_CHECKING:
    import httpx

# Repeating these has the same effect as sending them once (RFC 9110, 9.2.2).
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# Answers that say the server did not act on the request, so even a POST may be sent again.
NOT_PROCESSED_STATUSES = frozenset({429, 503})
EXCERPT_LENGTH = 200
MASK = "••••"


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


class RequestInput(BaseModel):
    method: Annotated[
        Literal["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"],
        BeforeValidator(_upper),
    ] = Field("GET", title="Method")
    url: Text = Field(
        title="URL",
        description="The address to call, starting with https:// or http://.",
        json_schema_extra={"url_schemes": ["http", "https"]},
    )
    headers: dict[str, Text] = Field(
        default_factory=dict,
        title="Headers",
        description="Extra HTTP headers, e.g. Accept: application/json.",
        json_schema_extra={"widget": "key_value"},
    )
    query: dict[str, Any] = Field(
        default_factory=dict,
        title="Query parameters",
        description="Added to the URL after '?'; a list sends the parameter once per item.",
        json_schema_extra={"widget": "key_value"},
    )
    body_type: Literal["none", "json", "form", "raw"] = Field(
        "none",
        title="Body",
        description="none; json: data sent as JSON; form: fields sent like a web form; raw: text.",
    )
    body: Any = Field(
        None,
        title="Body content",
        description="The data to send; for json and form, a set of fields or an {{ expression }}.",
        json_schema_extra={"widget": "fields"},
    )
    content_type: str | None = Field(
        None,
        title="Content type",
        description="For a raw body; text/plain when empty.",
    )
    auth: Literal["none", "basic", "bearer", "api_key"] = Field("none", title="Authentication")
    username: Text | None = Field(None, title="Username", description="For basic authentication.")
    password: Text | None = Field(
        None,
        title="Password",
        description="For basic authentication.",
        json_schema_extra=SECRET,
    )
    token: Text | None = Field(
        None,
        title="Token",
        description="For bearer authentication; sent as 'Authorization: Bearer …'.",
        json_schema_extra=SECRET,
    )
    api_key_name: Text | None = Field(
        None, title="API key name", description="The header or query parameter, e.g. X-API-Key."
    )
    api_key_value: Text | None = Field(None, title="API key", json_schema_extra=SECRET)
    api_key_in: Literal["header", "query"] = Field(
        "header", title="Send the API key in", description="A header, or the URL's query."
    )
    response_format: Literal["auto", "json", "text", "binary"] = Field(
        "auto",
        title="Read the answer as",
        description="auto: JSON when the server says so, text otherwise; binary: base64 text.",
    )
    fail_on_http_error: bool = Field(
        True,
        title="Fail on HTTP errors",
        description=(
            "On: a 4xx or 5xx answer stops the step (5xx and 429 are tried again). "
            "Off: every answer is the output, and later steps can check its status."
        ),
    )
    follow_redirects: bool = Field(True, title="Follow redirects")
    max_response_mb: float = Field(
        25,
        gt=0,
        le=1024,
        title="Largest answer (MB)",
        description="A larger answer stops the step, before it fills the memory and the history.",
    )


def request(params: RequestInput, ctx: StepContext) -> dict[str, Any]:
    """Send one HTTP request; the output is its status, headers (lower-case), body and final URL."""
    import httpx  # loaded with the first request, not with the app

    method = params.method
    url = _checked_url(params.url)
    seconds = ctx.remaining
    try:
        headers = httpx.Headers(params.headers)
        query = _query_pairs(params.query)
        auth = _authenticate(params, headers, query)
        content = _body(params, headers)
        if query:
            # httpx's params= would replace the URL's own query; these are added to it.
            url = url.copy_merge_params(query)
        response = _client().request(
            method,
            url,
            headers=headers,
            content=content,
            auth=auth,
            follow_redirects=params.follow_redirects,
            timeout=seconds,
            extensions=answer_limit(params.max_response_mb),
        )
    except AnswerTooLarge as error:
        raise StepError(
            f"The answer from {error.host} is larger than the {error.limit_mb:g} MB this step "
            "accepts; ask for less at a time (a filter or a smaller page), or raise "
            "'Largest answer (MB)' in the step's settings.",
            setting="max_response_mb",
        ) from None
    except UnicodeEncodeError:
        raise StepError(
            "A header of this request has letters that HTTP headers can't carry; "
            "use plain English letters, digits and punctuation in header names and values."
        ) from None
    except httpx.InvalidURL as error:
        raise StepError(f"'{params.url.strip()}' is not a valid URL: {error}.") from None
    except httpx.HTTPError as error:
        raise _transport_failure(error, method, url, seconds) from None
    return _output(params, response, method)


# The request.


def _checked_url(text: str) -> httpx.URL:
    import httpx

    text = text.strip()
    if not text:
        raise StepError("HTTP Request needs a URL to call.")
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL as error:
        raise StepError(f"'{text}' is not a valid URL: {error}.") from None
    if url.scheme not in ("http", "https"):
        example = f" (for example https://{text})" if "://" not in text else ""
        raise StepError(f"The URL '{text}' must start with https:// or http://{example}.")
    if not url.host:
        raise StepError(f"The URL '{text}' has no server name after {url.scheme}://.")
    return url


def _query_pairs(query: dict[str, Any]) -> list[tuple[str, str]]:
    pairs = []
    for key, value in query.items():
        for item in value if isinstance(value, list | tuple) else [value]:
            if item is not None:
                pairs.append((key, _text(item)))
    return pairs


def _authenticate(
    params: RequestInput, headers: httpx.Headers, query: list[tuple[str, str]]
) -> httpx.BasicAuth | None:
    """Add the chosen credentials to the headers or the query; basic auth is returned."""
    import httpx

    if params.auth == "basic":
        username = _needed(params.username, "Username", "basic authentication")
        return httpx.BasicAuth(username, params.password or "")
    if params.auth == "bearer":
        token = _needed(params.token, "Token", "bearer authentication")
        headers["Authorization"] = f"Bearer {token}"
    elif params.auth == "api_key":
        name = _needed(params.api_key_name, "API key name", "API key authentication")
        value = _needed(params.api_key_value, "API key", "API key authentication")
        if params.api_key_in == "query":
            query.append((name, value))
        else:
            headers[name] = value
    return None


def _needed(value: str | None, title: str, purpose: str) -> str:
    if value is None or not value.strip():
        raise StepError(f"HTTP Request needs a value in {title} for {purpose}.")
    return value.strip()


def _body(params: RequestInput, headers: httpx.Headers) -> bytes | None:
    """The request body as bytes, setting Content-Type unless a header already says it."""
    if params.body_type == "none" or params.body is None:
        return None
    body = params.body
    if params.body_type == "json":
        if isinstance(body, str) and body.strip()[:1] in ("{", "["):
            try:
                body = json.loads(body)
            except ValueError as error:
                raise StepError(f"The JSON body is not valid JSON: {error}.") from None
        headers.setdefault("Content-Type", "application/json")
        return json.dumps(body, ensure_ascii=False, default=str).encode()
    if params.body_type == "form":
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        if isinstance(body, str):
            return body.encode()
        if not isinstance(body, dict):
            raise StepError(
                'A form body needs a set of named fields, like {"name": "Layla"}; '
                f"it got {'a list' if isinstance(body, list) else _text(body)}."
            )
        return urlencode(_query_pairs(body)).encode()
    headers.setdefault("Content-Type", params.content_type or "text/plain; charset=utf-8")
    if isinstance(body, bytes):
        return body
    return _text(body).encode()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


# The shared client.


# Failures.


def _transport_failure(
    error: httpx.HTTPError, method: str, url: httpx.URL, seconds: float
) -> StepError:
    import httpx

    where = _host(url)
    safe_to_repeat = method in IDEMPOTENT_METHODS
    not_repeated = (
        f" Flowin did not try again, because the server may already have acted on the {method}."
    )
    if isinstance(error, httpx.TimeoutException):
        message = f"{where} did not answer within {_duration(seconds)}."
        # A request that never reached the server can always be sent again.
        if safe_to_repeat or isinstance(error, httpx.ConnectTimeout | httpx.PoolTimeout):
            return StepTimeout(message)
        return StepError(message + not_repeated)
    if isinstance(error, httpx.ConnectError):
        return RetryableError(f"Can't reach host {where}: {_reason(error)}.")
    if isinstance(error, httpx.TooManyRedirects):
        return StepError(f"{_shown(url)} redirected too many times; check the URL.")
    if isinstance(error, httpx.UnsupportedProtocol):
        return StepError(f"{where} redirected to an address Flowin can't call: {error}.")
    if isinstance(error, httpx.LocalProtocolError | httpx.DecodingError):
        return StepError(f"The request to {where} failed: {_reason(error)}.")
    message = f"The connection to {where} broke off: {_reason(error)}."
    if safe_to_repeat:
        return RetryableError(message)
    return StepError(message + not_repeated)


def _http_failure(response: httpx.Response, method: str) -> StepError:
    import httpx

    status = response.status_code
    # The standard wording ("Not Found") reads better than some servers' ("NOT FOUND").
    reason = httpx.codes.get_reason_phrase(status) or response.reason_phrase
    message = f"The server answered {status} {reason} for {method} {_shown(response.request.url)}"
    excerpt = _excerpt(response)
    message += f": {excerpt}" if excerpt else "."
    transient = status == 429 or status >= 500
    if transient and (method in IDEMPOTENT_METHODS or status in NOT_PROCESSED_STATUSES):
        return RetryableError(message, retry_after=retry_after(response.headers.get("retry-after")))
    return StepError(message)


def _host(url: httpx.URL) -> str:
    return f"{url.host}:{url.port}" if url.port else url.host


def _shown(url: httpx.URL) -> str:
    """The URL without its query or user info, which may hold keys and passwords."""
    return str(url.copy_with(userinfo=b"", query=None, fragment=None))


def _reason(error: Exception) -> str:
    text = str(error).strip().rstrip(".") or type(error).__name__
    # "[Errno 111] Connection refused" reads better without the number.
    if text.startswith("[Errno") and "] " in text:
        text = text.split("] ", 1)[1]
    return text[:1].lower() + text[1:]


def _duration(seconds: float) -> str:
    shown = f"{seconds:.0f}" if seconds >= 10 else f"{seconds:.1f}".removesuffix(".0")
    return f"{shown} second" + ("" if shown == "1" else "s")


def _excerpt(response: httpx.Response) -> str:
    try:
        text = " ".join(response.text.split())
    except (UnicodeDecodeError, LookupError):
        return ""
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1] + "…"


# The answer.


def _output(params: RequestInput, response: httpx.Response, method: str) -> dict[str, Any]:
    if params.fail_on_http_error and response.status_code >= 400:
        raise _http_failure(response, method)
    headers: dict[str, str] = {}
    for key, value in response.headers.multi_items():
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    url = response.url
    if params.auth == "api_key" and params.api_key_in == "query" and params.api_key_name:
        # The key stays out of the output, which is kept in the run's history.
        url = url.copy_set_param(params.api_key_name.strip(), MASK)
    return {
        "status": response.status_code,
        "headers": headers,
        "body": None if method == "HEAD" else _read(params.response_format, response, method),
        "url": str(url),
    }


def _read(response_format: str, response: httpx.Response, method: str) -> Any:
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if response_format == "binary":
        return base64.b64encode(response.content).decode("ascii")
    if response_format == "text":
        return response.text
    if response_format == "json" or content_type.endswith("json"):
        if not response.content.strip():
            return None
        try:
            return json.loads(response.content)
        except ValueError:
            if response_format == "json":
                raise StepError(
                    f"The answer to {method} {_shown(response.url)} is not JSON: "
                    f"{_excerpt(response) or 'it is empty'}."
                ) from None
            return response.text
    if content_type and not _is_text(content_type):
        return base64.b64encode(response.content).decode("ascii")
    return response.text


def _is_text(content_type: str) -> bool:
    return (
        content_type.startswith("text/")
        or content_type.endswith(
            ("xml", "+xml", "javascript", "ecmascript", "x-www-form-urlencoded")
        )
        or content_type in ("application/yaml", "application/x-yaml", "application/graphql")
    )
