"""HTTP Request against a real server on 127.0.0.1."""

from __future__ import annotations

import base64
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flowin_engine.errors import RetryableError, StepError, StepTimeout
from flowin_engine.kit import retry_after
from flowin_engine.model import Flow, Node
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from flowin_engine.steps import StepContext
from tests.engine.builders import make_flow

MB = 1024 * 1024


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def httpserver(server: HTTPServer) -> Iterator[HTTPServer]:
    yield server
    server.clear()


def call(params: dict[str, Any], timeout: float = 10) -> dict[str, Any]:
    """Run http.request as the runner does: validate the params, then call the function."""
    nt = default_registry().get("http.request")
    node = Node(name="Call API", type="http.request", params=params)
    ctx = StepContext(
        execution_id="test", flow=Flow(nodes=[node]), node=node, attempt=1, timeout=timeout
    )
    return nt.function(nt.input_model.model_validate(params), ctx)


def received(httpserver: HTTPServer) -> Request:
    assert len(httpserver.log) == 1, httpserver.log
    return httpserver.log[0][0]


# Methods, bodies, query.


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
def test_every_method(httpserver, method):
    httpserver.expect_request("/orders", method=method).respond_with_json({"ok": method})
    result = call({"method": method, "url": httpserver.url_for("/orders")})
    assert result["status"] == 200
    assert result["body"] == {"ok": method}
    assert result["headers"]["content-type"] == "application/json"
    assert result["url"] == httpserver.url_for("/orders")


def test_head_has_no_body(httpserver):
    httpserver.expect_request("/ping", method="HEAD").respond_with_data("", headers={"X-Up": "1"})
    result = call({"method": "HEAD", "url": httpserver.url_for("/ping")})
    assert (result["status"], result["body"], result["headers"]["x-up"]) == (200, None, "1")


def test_method_in_lower_case_is_accepted(httpserver):
    httpserver.expect_request("/x", method="POST").respond_with_data("ok")
    assert call({"method": "post", "url": httpserver.url_for("/x")})["body"] == "ok"


def test_json_body(httpserver):
    httpserver.expect_request("/orders", method="POST").respond_with_json({"id": 7}, status=201)
    body = {"customer": "ليلى", "items": [1, 2], "paid": True}
    result = call(
        {
            "method": "POST",
            "url": httpserver.url_for("/orders"),
            "body_type": "json",
            "body": body,
        }
    )
    assert result["status"] == 201
    request = received(httpserver)
    assert request.headers["Content-Type"] == "application/json"
    assert request.get_json() == body


def test_json_body_given_as_text_is_sent_as_that_json(httpserver):
    httpserver.expect_request("/orders", method="POST").respond_with_data("ok")
    call(
        {
            "method": "POST",
            "url": httpserver.url_for("/orders"),
            "body_type": "json",
            "body": '{"id": 1}',
        }
    )
    assert received(httpserver).get_json() == {"id": 1}


def test_json_body_text_that_is_broken_json_is_an_error():
    with pytest.raises(StepError, match="The JSON body is not valid JSON"):
        call({"method": "POST", "url": "http://127.0.0.1:1/", "body_type": "json", "body": "{id"})


def test_form_body(httpserver):
    httpserver.expect_request("/form", method="POST").respond_with_data("ok")
    call(
        {
            "method": "POST",
            "url": httpserver.url_for("/form"),
            "body_type": "form",
            "body": {"name": "Layla Ali", "tags": ["a", "b"], "age": 30, "skip": None},
        }
    )
    request = received(httpserver)
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.form.to_dict(flat=False) == {
        "name": ["Layla Ali"],
        "tags": ["a", "b"],
        "age": ["30"],
    }


def test_form_body_must_be_fields():
    with pytest.raises(StepError, match="A form body needs a set of named fields"):
        call({"method": "POST", "url": "http://127.0.0.1:1/", "body_type": "form", "body": [1]})


def test_raw_body_with_its_content_type(httpserver):
    httpserver.expect_request("/raw", method="PUT").respond_with_data("ok")
    call(
        {
            "method": "PUT",
            "url": httpserver.url_for("/raw"),
            "body_type": "raw",
            "body": "<order id='1'/>",
            "content_type": "application/xml",
        }
    )
    request = received(httpserver)
    assert request.headers["Content-Type"] == "application/xml"
    assert request.get_data(as_text=True) == "<order id='1'/>"


def test_raw_body_defaults_to_plain_text_and_a_header_wins(httpserver):
    httpserver.expect_request("/raw", method="POST").respond_with_data("ok")
    call(
        {
            "method": "POST",
            "url": httpserver.url_for("/raw"),
            "body_type": "raw",
            "body": "hello",
        }
    )
    assert received(httpserver).headers["Content-Type"] == "text/plain; charset=utf-8"
    httpserver.clear_log()
    call(
        {
            "method": "POST",
            "url": httpserver.url_for("/raw"),
            "headers": {"content-type": "text/csv"},
            "body_type": "raw",
            "body": "a,b",
        }
    )
    assert received(httpserver).headers["Content-Type"] == "text/csv"


def test_query_merges_with_the_urls_own(httpserver):
    httpserver.expect_request("/search").respond_with_data("ok")
    call(
        {
            "url": httpserver.url_for("/search") + "?page=2",
            "query": {
                "q": "قهوة & tea",
                "tag": ["a", "b"],
                "limit": 10,
                "exact": True,
                "none": None,
            },
        }
    )
    args = received(httpserver).args
    assert args.to_dict(flat=False) == {
        "page": ["2"],
        "q": ["قهوة & tea"],
        "tag": ["a", "b"],
        "limit": ["10"],
        "exact": ["true"],
    }


def test_headers_are_sent_and_numbers_become_text(httpserver):
    httpserver.expect_request("/h").respond_with_data("ok")
    call({"url": httpserver.url_for("/h"), "headers": {"X-Order": 1042, "Accept": "text/csv"}})
    request = received(httpserver)
    assert request.headers["X-Order"] == "1042"
    assert request.headers["Accept"] == "text/csv"
    assert request.headers["User-Agent"].startswith("Flowin/")


def test_a_header_with_arabic_letters_is_a_clear_error():
    with pytest.raises(StepError, match="letters that HTTP headers can't carry"):
        call({"url": "http://127.0.0.1:1/", "headers": {"X-Name": "ليلى"}})


def test_steps_in_parallel_share_the_pooled_client(httpserver):
    httpserver.expect_request("/n").respond_with_handler(
        lambda request: Response(request.args["i"])
    )
    with ThreadPoolExecutor(max_workers=8) as pool:
        bodies = list(
            pool.map(
                lambda i: call({"url": httpserver.url_for("/n"), "query": {"i": i}})["body"],
                range(40),
            )
        )
    assert bodies == [str(i) for i in range(40)]


# Authentication.


def test_basic_auth(httpserver):
    httpserver.expect_request("/me").respond_with_data("ok")
    call(
        {
            "url": httpserver.url_for("/me"),
            "auth": "basic",
            "username": "layla",
            "password": "s3cret",
        }
    )
    expected = "Basic " + base64.b64encode(b"layla:s3cret").decode()
    assert received(httpserver).headers["Authorization"] == expected


def test_bearer_auth(httpserver):
    httpserver.expect_request("/me").respond_with_data("ok")
    call({"url": httpserver.url_for("/me"), "auth": "bearer", "token": "tok-123"})
    assert received(httpserver).headers["Authorization"] == "Bearer tok-123"


def test_api_key_in_a_header(httpserver):
    httpserver.expect_request("/me").respond_with_data("ok")
    call(
        {
            "url": httpserver.url_for("/me"),
            "auth": "api_key",
            "api_key_name": "X-API-Key",
            "api_key_value": "k-1",
        }
    )
    assert received(httpserver).headers["X-API-Key"] == "k-1"


def test_api_key_in_the_query_is_masked_in_the_output(httpserver):
    httpserver.expect_request("/me").respond_with_data("ok")
    result = call(
        {
            "url": httpserver.url_for("/me"),
            "query": {"page": 1},
            "auth": "api_key",
            "api_key_name": "api_key",
            "api_key_value": "k-secret",
            "api_key_in": "query",
        }
    )
    assert received(httpserver).args.to_dict() == {"page": "1", "api_key": "k-secret"}
    assert "k-secret" not in result["url"]
    assert "page=1" in result["url"]


@pytest.mark.parametrize(
    ("params", "missing"),
    [
        ({"auth": "basic"}, "Username"),
        ({"auth": "bearer", "token": " "}, "Token"),
        ({"auth": "api_key", "api_key_value": "x"}, "API key name"),
        ({"auth": "api_key", "api_key_name": "key"}, "API key"),
    ],
)
def test_missing_credentials_name_the_field(params, missing):
    with pytest.raises(StepError, match=f"needs a value in {missing} for"):
        call({"url": "http://127.0.0.1:1/", **params})


# Reading the answer.


def test_auto_reads_json_by_content_type_and_text_otherwise(httpserver):
    httpserver.expect_request("/problem").respond_with_data(
        '{"title": "x"}', content_type="application/problem+json"
    )
    httpserver.expect_request("/text").respond_with_data('{"looks": "like json"}')
    assert call({"url": httpserver.url_for("/problem")})["body"] == {"title": "x"}
    assert call({"url": httpserver.url_for("/text")})["body"] == '{"looks": "like json"}'


def test_json_format_parses_whatever_the_content_type(httpserver):
    httpserver.expect_request("/j").respond_with_data("[1, 2]", content_type="text/plain")
    assert call({"url": httpserver.url_for("/j"), "response_format": "json"})["body"] == [1, 2]


def test_json_format_on_a_non_json_answer_is_an_error(httpserver):
    httpserver.expect_request("/j").respond_with_data("<html>hi</html>", content_type="text/html")
    with pytest.raises(StepError, match=r"is not JSON: <html>hi</html>"):
        call({"url": httpserver.url_for("/j"), "response_format": "json"})


def test_text_format(httpserver):
    httpserver.expect_request("/t").respond_with_data('{"a": 1}', content_type="application/json")
    assert call({"url": httpserver.url_for("/t"), "response_format": "text"})["body"] == '{"a": 1}'


def test_binary_is_base64(httpserver):
    png = b"\x89PNG\r\n\x1a\n\x00\x01\xff"
    httpserver.expect_request("/logo.png").respond_with_data(png, content_type="image/png")
    result = call({"url": httpserver.url_for("/logo.png"), "response_format": "binary"})
    assert base64.b64decode(result["body"]) == png
    # auto does not turn an image into garbled text either
    assert call({"url": httpserver.url_for("/logo.png")})["body"] == result["body"]


def test_an_answer_larger_than_the_step_accepts_is_refused(httpserver):
    httpserver.expect_request("/export.csv").respond_with_data(b"x" * (2 * MB + 1))
    with pytest.raises(StepError) as caught:
        call({"url": httpserver.url_for("/export.csv"), "max_response_mb": 2})
    assert re.match(
        r"^The answer from 127\.0\.0\.1:\d+ is larger than the 2 MB this step accepts; ",
        str(caught.value),
    )
    assert "Largest answer" in str(caught.value)
    assert caught.value.setting == "max_response_mb"
    assert not isinstance(caught.value, RetryableError)


def test_an_endless_answer_without_a_length_stops_at_the_cap(httpserver):
    def endless(request: Request) -> Response:
        def chunks() -> Iterator[bytes]:
            for _ in range(10_000):  # 640 MB, if nothing stopped reading it
                yield b"y" * 65_536

        return Response(chunks(), mimetype="application/octet-stream")

    httpserver.expect_request("/stream").respond_with_handler(endless)
    with pytest.raises(StepError, match="is larger than the 1 MB this step accepts"):
        call({"url": httpserver.url_for("/stream"), "max_response_mb": 1})


def test_an_answer_within_the_cap_is_read_whole(httpserver):
    httpserver.expect_request("/export.csv").respond_with_data(b"x" * MB)
    result = call({"url": httpserver.url_for("/export.csv"), "max_response_mb": 1})
    assert len(result["body"]) == MB


def test_head_of_a_file_larger_than_the_cap_reports_its_size(httpserver):
    httpserver.expect_request("/big.zip", method="HEAD").respond_with_data(b"x" * (3 * MB))
    result = call({"method": "HEAD", "url": httpserver.url_for("/big.zip"), "max_response_mb": 1})
    assert (result["status"], result["headers"]["content-length"]) == (200, str(3 * MB))


def test_the_size_cap_is_a_declared_setting_of_25_mb():
    nt = default_registry().get("http.request")
    assert nt.input_model.model_validate({"url": "https://x.test"}).max_response_mb == 25
    assert nt.field_title("max_response_mb") == "Largest answer (MB)"


def test_headers_come_back_in_lower_case(httpserver):
    httpserver.expect_request("/h").respond_with_data("ok", headers={"X-Request-ID": "abc"})
    assert call({"url": httpserver.url_for("/h")})["headers"]["x-request-id"] == "abc"


def test_redirects_are_followed_or_not(httpserver):
    httpserver.expect_request("/old").respond_with_data(
        "", status=302, headers={"Location": "/new"}
    )
    httpserver.expect_request("/new").respond_with_data("moved here")
    followed = call({"url": httpserver.url_for("/old")})
    assert (followed["status"], followed["body"]) == (200, "moved here")
    assert followed["url"] == httpserver.url_for("/new")
    stayed = call({"url": httpserver.url_for("/old"), "follow_redirects": False})
    assert stayed["status"] == 302
    assert stayed["headers"]["location"] == "/new"


def test_cookies_are_not_carried_to_later_requests(httpserver):
    httpserver.expect_request("/login").respond_with_data(
        "ok", headers={"Set-Cookie": "session=abc; Path=/"}
    )
    httpserver.expect_request("/me").respond_with_data("ok")
    first = call({"url": httpserver.url_for("/login")})
    assert first["headers"]["set-cookie"].startswith("session=abc")
    call({"url": httpserver.url_for("/me")})
    assert "Cookie" not in httpserver.log[1][0].headers


# HTTP errors.


def test_404_is_a_step_error_with_status_and_an_excerpt(httpserver):
    httpserver.expect_request("/orders/9").respond_with_data(
        "No   such\norder", status=404, content_type="text/plain"
    )
    with pytest.raises(StepError) as caught:
        call({"url": httpserver.url_for("/orders/9") + "?api_key=secret"})
    assert not isinstance(caught.value, RetryableError)
    assert str(caught.value) == (
        f"The server answered 404 Not Found for GET {httpserver.url_for('/orders/9')}: "
        "No such order"
    )


def test_a_long_error_body_is_cut_to_200_characters(httpserver):
    httpserver.expect_request("/bad").respond_with_data("x" * 5000, status=400)
    with pytest.raises(StepError) as caught:
        call({"url": httpserver.url_for("/bad")})
    excerpt = str(caught.value).split(": ", 1)[1]
    assert len(excerpt) == 200
    assert excerpt.endswith("…")


def test_http_errors_are_output_when_told_not_to_fail(httpserver):
    httpserver.expect_request("/missing").respond_with_json({"error": "gone"}, status=404)
    httpserver.expect_request("/down").respond_with_data("down", status=503)
    result = call({"url": httpserver.url_for("/missing"), "fail_on_http_error": False})
    assert (result["status"], result["body"]) == (404, {"error": "gone"})
    assert call({"url": httpserver.url_for("/down"), "fail_on_http_error": False})["status"] == 503


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_5xx_and_429_may_be_retried(httpserver, status):
    httpserver.expect_request("/flaky").respond_with_data("busy", status=status)
    with pytest.raises(RetryableError, match=f"The server answered {status} ") as caught:
        call({"url": httpserver.url_for("/flaky")})
    assert caught.value.retry_after is None


def test_retry_after_in_seconds(httpserver):
    httpserver.expect_request("/limited").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    with pytest.raises(RetryableError) as caught:
        call({"url": httpserver.url_for("/limited")})
    assert caught.value.retry_after == 7


def test_retry_after_as_an_http_date(httpserver):
    later = datetime.now(UTC) + timedelta(seconds=120)
    httpserver.expect_request("/maintenance").respond_with_data(
        "", status=503, headers={"Retry-After": format_datetime(later, usegmt=True)}
    )
    with pytest.raises(RetryableError) as caught:
        call({"url": httpserver.url_for("/maintenance")})
    assert 110 <= caught.value.retry_after <= 121


def test_retry_after_values():
    now = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    assert retry_after("120", now) == 120
    assert retry_after("1.5", now) == 1.5
    assert retry_after("Wed, 01 Jan 2025 12:01:00 GMT", now) == 60
    assert retry_after("Wed, 01 Jan 2025 11:00:00 GMT", now) == 0
    assert retry_after("soon", now) is None
    assert retry_after(None, now) is None


@pytest.mark.parametrize(("method", "status"), [("POST", 500), ("PATCH", 502)])
def test_a_post_that_may_have_been_processed_is_not_retried(httpserver, method, status):
    httpserver.expect_request("/pay", method=method).respond_with_data("oops", status=status)
    with pytest.raises(StepError) as caught:
        call({"method": method, "url": httpserver.url_for("/pay")})
    assert not isinstance(caught.value, RetryableError)


@pytest.mark.parametrize("status", [429, 503])
def test_a_post_the_server_refused_to_process_is_retried(httpserver, status):
    httpserver.expect_request("/pay", method="POST").respond_with_data("later", status=status)
    with pytest.raises(RetryableError):
        call({"method": "POST", "url": httpserver.url_for("/pay")})


def test_put_500_is_retried(httpserver):
    httpserver.expect_request("/item", method="PUT").respond_with_data("oops", status=500)
    with pytest.raises(RetryableError):
        call({"method": "PUT", "url": httpserver.url_for("/item")})


# Network failures.


class SlowServer:
    """Answers only once the test lets it (30 s at most): a call that ends before that did
    not wait for the answer."""

    def __init__(self) -> None:
        self.released = threading.Event()
        self.answered = threading.Event()

    def __call__(self, request: Request) -> Response:
        self.released.wait(30)
        self.answered.set()
        return Response("late")


def test_a_slow_server_times_out(httpserver):
    slow = SlowServer()
    httpserver.expect_request("/slow").respond_with_handler(slow)
    with pytest.raises(
        StepTimeout, match=r"^127\.0\.0\.1:\d+ did not answer within 0\.3 seconds\.$"
    ):
        call({"url": httpserver.url_for("/slow")}, timeout=0.3)
    assert not slow.answered.is_set()  # given up on, not waited for
    slow.released.set()


def test_a_post_that_timed_out_is_not_retried(httpserver):
    slow = SlowServer()
    httpserver.expect_request("/slow", method="POST").respond_with_handler(slow)
    with pytest.raises(StepError, match="did not try again") as caught:
        call({"method": "POST", "url": httpserver.url_for("/slow")}, timeout=0.3)
    slow.released.set()
    assert not isinstance(caught.value, RetryableError)


def _trickle(request: Request) -> Response:
    """Headers at once, then one byte every half second for 20 seconds."""

    def drip() -> Iterator[bytes]:
        for _ in range(40):
            yield b"."
            time.sleep(0.5)

    return Response(drip(), mimetype="text/plain")


def test_a_server_trickling_its_answer_is_held_to_the_whole_timeout(httpserver):
    httpserver.expect_request("/trickle").respond_with_handler(_trickle)
    with pytest.raises(StepTimeout, match=r"^127\.0\.0\.1:\d+ did not answer within 2 seconds\.$"):
        call({"url": httpserver.url_for("/trickle")}, timeout=2)


def test_a_post_whose_answer_trickles_past_the_timeout_is_not_retried(httpserver):
    httpserver.expect_request("/trickle", method="POST").respond_with_handler(_trickle)
    with pytest.raises(
        StepError, match=r"did not answer within 2 seconds\. Flowin did not try again"
    ) as caught:
        call({"method": "POST", "url": httpserver.url_for("/trickle")}, timeout=2)
    assert not isinstance(caught.value, RetryableError)


def test_connection_refused_may_be_retried_even_for_a_post():
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    with pytest.raises(RetryableError, match=rf"^Can't reach host 127\.0\.0\.1:{port}: "):
        call(
            {"method": "POST", "url": f"http://127.0.0.1:{port}/x", "body_type": "json", "body": {}}
        )


# The URL.


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://files.example.com/a.csv", "must start with https:// or http://"),
        (
            "example.com/api",
            r"must start with https:// or http:// \(for example https://example.com/api\)",
        ),
        ("   ", "needs a URL"),
        ("http://", "not a valid URL|has no server name"),
    ],
)
def test_bad_urls_are_explained(url, message):
    with pytest.raises(StepError, match=message):
        call({"url": url})


def test_url_is_required():
    nt = default_registry().get("http.request")
    assert nt.required_fields() == ["url"]
    assert nt.field_title("url") == "URL"


def test_secrets_are_hidden_in_the_form_schema():
    schema = default_registry().get("http.request").json_schema()["properties"]
    for key in ("password", "token", "api_key_value"):
        assert schema[key]["widget"] == "password"
    assert json.dumps(schema)  # the palette and the AI builder read it as JSON


# Through the runner.


def test_the_runner_retries_a_503_and_the_next_step_reads_the_answer(httpserver):
    httpserver.expect_oneshot_request("/orders/7").respond_with_data(
        "busy", status=503, headers={"Retry-After": "0"}
    )
    httpserver.expect_oneshot_request("/orders/7").respond_with_json({"id": 7, "total": 250})
    flow = make_flow(
        [
            ("Start", "core.manual_trigger", {}),
            ("Get order", "http.request", {"url": httpserver.url_for("/orders/{{ trigger.id }}")}),
            (
                "Big?",
                "core.condition",
                {
                    "conditions": [
                        {
                            "left": "{{ input.body.total }}",
                            "operator": "greater_than",
                            "right": "100",
                        }
                    ]
                },
            ),
        ],
        ["Start -> Get order", "Get order -> Big?"],
    )
    with Runner(workers=2) as runner:
        result = runner.run(flow, {"id": 7})
    assert result.ok, result.error
    assert len(httpserver.log) == 2
    assert result.outputs["Get order"]["body"] == {"id": 7, "total": 250}
    assert result.outputs["Big?"]["status"] == 200
