"""The HTTP client every connector shares, against real servers on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flowin_engine.kit import AnswerTooLarge, answer_limit, service_client


def _trickle(request: Request) -> Response:
    def drip() -> Iterator[bytes]:
        for _ in range(40):
            yield b"{"
            time.sleep(0.5)

    return Response(drip(), mimetype="application/json")


def test_a_service_answer_that_trickles_past_the_timeout_is_a_timeout(httpserver: HTTPServer):
    httpserver.expect_request("/api").respond_with_handler(_trickle)
    with pytest.raises(httpx.TimeoutException):
        service_client().get(httpserver.url_for("/api"), timeout=2)


def test_the_whole_timeout_covers_the_redirects_too(httpserver: HTTPServer):
    httpserver.expect_request("/old").respond_with_data(
        "", status=302, headers={"Location": "/new"}
    )
    httpserver.expect_request("/new").respond_with_handler(_trickle)
    with pytest.raises(httpx.TimeoutException):
        service_client().get(httpserver.url_for("/old"), timeout=2, follow_redirects=True)


def test_a_service_answer_over_the_limit_is_refused(httpserver: HTTPServer):
    httpserver.expect_request("/api").respond_with_data(b"z" * 3000)
    with pytest.raises(AnswerTooLarge, match=r"is larger than the 0\.001 MB this step accepts"):
        service_client().get(httpserver.url_for("/api"), timeout=10, extensions=answer_limit(0.001))


def test_an_answer_within_the_timeout_and_the_limit_reads_as_usual(httpserver: HTTPServer):
    httpserver.expect_request("/api").respond_with_json({"ok": True})
    response = service_client().get(httpserver.url_for("/api"), timeout=10)
    assert response.json() == {"ok": True}
