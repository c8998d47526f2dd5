"""One way a service's failure reads, whatever the connector: the kit's ``Service`` against real
servers on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from pytest_httpserver import HTTPServer

from flowin_engine.kit import (
    AccountRejected,
    RetryableError,
    Service,
    StepError,
    StepTimeout,
    message_in,
)

SHOP = Service("Layla's Shop API", host="api.layla.example", message_at="errors[0].detail")


def _failure(httpserver: HTTPServer, status: int, *, sends: bool = False, **answer) -> StepError:
    httpserver.expect_request("/orders").respond_with_json(
        answer.pop("json", {}), status=status, headers=answer.pop("headers", {})
    )
    response = SHOP.send("POST", httpserver.url_for("/orders"), timeout=10, sends=sends)
    return SHOP.failure(response, sends=sends)


def test_a_refused_account_asks_to_reconnect_it_and_quotes_the_service(httpserver):
    error = _failure(httpserver, 401, json={"errors": [{"detail": "Token expired."}]})
    assert isinstance(error, AccountRejected) and error.setting == "connection"
    assert str(error) == (
        "Layla's Shop API didn't accept the connected account (Token expired); reconnect the "
        "account in Accounts."
    )
    assert error.problem.template.startswith("{service} didn't accept the connected account")


def test_a_connector_can_word_a_refused_account_its_own_way(httpserver):
    own = Service("Notion", host="api.notion.com", rejected="Notion: the secret is wrong.")
    httpserver.expect_request("/me").respond_with_json({}, status=401)
    error = own.failure(own.send("GET", httpserver.url_for("/me"), timeout=10))
    assert isinstance(error, AccountRejected) and str(error) == "Notion: the secret is wrong."


def test_a_forbidden_call_points_at_the_account_but_is_not_retried(httpserver):
    error = _failure(httpserver, 403, json={"errors": [{"detail": "Missing scope orders"}]})
    assert type(error) is StepError and error.setting == "connection"
    assert "may not do this (Missing scope orders); reconnect it" in str(error)


def test_too_many_requests_says_the_wait_retry_after_asks_for(httpserver):
    error = _failure(httpserver, 429, headers={"Retry-After": "30"})
    assert isinstance(error, RetryableError) and error.retry_after == 30
    assert str(error) == (
        "Layla's Shop API: too many requests for now; it asks to wait 30 seconds."
    )


def test_a_long_wait_is_said_in_minutes_and_a_date_is_understood(httpserver):
    later = datetime.now(UTC) + timedelta(minutes=10)
    error = _failure(httpserver, 429, headers={"Retry-After": format_datetime(later, usegmt=True)})
    assert 500 < error.retry_after <= 600
    assert str(error).endswith("it asks to wait 10 minutes.")


def test_too_many_requests_without_a_wait_is_retried_after_a_pause(httpserver):
    error = _failure(httpserver, 429)
    assert isinstance(error, RetryableError) and error.retry_after is None
    assert str(error).endswith("Flowin will try again after a pause.")


def test_a_service_in_trouble_is_retried_when_nothing_was_sent(httpserver):
    error = _failure(httpserver, 503, json={"errors": [{"detail": "Down for upkeep"}]})
    assert isinstance(error, RetryableError)
    assert str(error) == (
        "Layla's Shop API had a problem (503: Down for upkeep); Flowin will try again."
    )


def test_a_service_in_trouble_after_a_send_is_not_repeated(httpserver):
    error = _failure(httpserver, 500, sends=True)
    assert not isinstance(error, RetryableError)
    assert "(500: Internal Server Error) after the request was sent" in str(error)
    assert "Flowin didn't repeat it" in str(error)


def test_any_other_refusal_quotes_the_vendor_message_where_the_connector_said_it_is(httpserver):
    error = _failure(
        httpserver, 422, json={"errors": [{"detail": "Email has already been taken."}]}
    )
    assert type(error) is StepError
    assert str(error) == "Layla's Shop API refused the request: Email has already been taken."


def test_an_answer_without_a_vendor_message_names_the_status(httpserver):
    httpserver.expect_request("/orders").respond_with_data("<html>oops</html>", status=404)
    response = SHOP.send("GET", httpserver.url_for("/orders"), timeout=10)
    assert str(SHOP.failure(response)) == "Layla's Shop API refused the request: Not Found."


def test_message_paths_and_extractors_find_the_vendor_sentence():
    answer = {"error": {"message": "Invalid key.", "errors": [{"reason": "bad"}]}}
    assert message_in(answer, "error.message") == "Invalid key"
    assert message_in(answer, ("message", "error.errors[0].reason")) == "bad"
    assert message_in(answer, "error.errors[3].reason") == ""
    assert message_in(["no", "dict"], "error.message") == ""
    assert message_in(answer, lambda a: a["error"]["message"].upper()) == "INVALID KEY"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_service_that_cannot_be_reached_is_retried_even_for_a_send():
    port = _closed_port()
    with pytest.raises(RetryableError) as caught:
        SHOP.send("POST", f"http://127.0.0.1:{port}/orders", timeout=5, sends=True)
    assert str(caught.value) == (
        f"Layla's Shop API: can't reach 127.0.0.1:{port}; check the internet connection."
    )


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that takes the connection and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/orders"


def test_no_answer_to_a_send_is_not_repeated(silent_server):
    with pytest.raises(StepError) as caught:
        SHOP.send("POST", silent_server, timeout=1, sends=True)
    assert not isinstance(caught.value, RetryableError)
    assert "it may have been done, so Flowin didn't repeat it" in str(caught.value)


def test_no_answer_to_a_read_is_a_timeout_retried(silent_server):
    with pytest.raises(StepTimeout, match="didn't answer in time; Flowin will try again"):
        SHOP.send("GET", silent_server, timeout=1)


def test_call_json_gives_the_answers_object_and_words_a_failure_the_connectors_way(httpserver):
    httpserver.expect_request("/orders/7").respond_with_json({"id": 7})
    assert SHOP.call_json("GET", httpserver.url_for("/orders/7"), timeout=10) == {"id": 7}

    def own_404(response):
        if response.status_code == 404:
            return StepError("Layla's Shop API: no such order; check the ID.")
        return SHOP.failure(response)

    httpserver.expect_request("/orders/8").respond_with_json({}, status=404)
    with pytest.raises(StepError, match="no such order; check the ID"):
        SHOP.call_json("GET", httpserver.url_for("/orders/8"), timeout=10, failure=own_404)
    httpserver.expect_request("/orders/9").respond_with_json({}, status=401)
    with pytest.raises(AccountRejected):
        SHOP.call_json("GET", httpserver.url_for("/orders/9"), timeout=10, failure=own_404)


def test_call_json_refuses_an_answer_that_is_no_json_object_unless_told_it_may_be_empty(
    httpserver,
):
    httpserver.expect_request("/page").respond_with_data("<html>maintenance</html>")
    with pytest.raises(RetryableError, match=r"^Layla's Shop API answered with something other"):
        SHOP.call_json("GET", httpserver.url_for("/page"), timeout=10)
    with pytest.raises(StepError, match="it may have been done") as after_send:
        SHOP.call_json("POST", httpserver.url_for("/page"), timeout=10, sends=True)
    assert type(after_send.value) is StepError  # not repeated: it may have been done
    httpserver.expect_request("/orders/7", method="DELETE").respond_with_data("", status=204)
    answer = SHOP.call_json(
        "DELETE", httpserver.url_for("/orders/7"), timeout=10, empty_if_not_object=True
    )
    assert answer == {}
