"""The contract server itself: it must refuse what a vendor's document refuses."""

from __future__ import annotations

import hashlib
import re

import httpx
import pytest

from tests.contracts.openapi_server import (
    CONTRACTS,
    ContractServer,
    contract_file,
    load_contract,
    load_document,
)

TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
ACCOUNT = "AC" + "a" * 32
MESSAGE = {"message_id": 7, "date": 1700000000, "chat": {"id": 42, "type": "private"}}


@pytest.fixture
def telegram(httpserver):
    with ContractServer(httpserver, "telegram/openapi.json") as server:
        yield server


def test_a_documented_request_is_accepted_and_recorded(telegram):
    telegram.respond("/sendMessage", json={"ok": True, "result": MESSAGE})
    answer = httpx.post(
        telegram.url(f"/bot{TOKEN}/sendMessage"), json={"chat_id": 42, "text": "Salam"}
    )
    assert answer.status_code == 200
    assert answer.json()["result"]["message_id"] == 7
    (call,) = telegram.calls("/sendMessage")
    assert call.body == {"chat_id": 42, "text": "Salam"}


def test_a_request_missing_a_required_field_is_rejected(telegram):
    answer = httpx.post(telegram.url(f"/bot{TOKEN}/sendMessage"), json={"chat_id": 42})
    assert answer.status_code == 400
    assert len(telegram.rejected) == 1
    assert "text" in str(telegram.rejected[0])
    assert telegram.calls() == []
    with pytest.raises(AssertionError, match="rejected request"):
        telegram.assert_valid()
    telegram.rejected.clear()


def test_a_body_of_the_wrong_type_is_rejected(telegram):
    httpx.post(telegram.url(f"/bot{TOKEN}/sendMessage"), json={"chat_id": [1], "text": "hi"})
    assert len(telegram.rejected) == 1
    telegram.rejected.clear()


def test_an_undocumented_path_or_method_is_rejected(telegram):
    httpx.post(telegram.url(f"/bot{TOKEN}/sendCarrierPigeon"), json={})
    httpx.get(telegram.url(f"/bot{TOKEN}/sendMessage"))
    assert len(telegram.rejected) == 2
    telegram.rejected.clear()


def test_an_answer_that_breaks_the_document_fails_the_test(telegram):
    telegram.respond("/getMe", json={"ok": True, "result": {"id": "not a number"}})
    httpx.post(telegram.url(f"/bot{TOKEN}/getMe"))
    with pytest.raises(AssertionError, match="undocumented response"):
        telegram.assert_valid()
    telegram.response_errors.clear()


def test_answers_queue_up_and_the_last_one_stays(telegram):
    error = {"ok": False, "error_code": 429, "description": "Too Many Requests"}
    telegram.respond("/getMe", json=error, status=429)
    telegram.respond(
        "/getMe", json={"ok": True, "result": {"id": 1, "is_bot": True, "first_name": "B"}}
    )
    statuses = [httpx.post(telegram.url(f"/bot{TOKEN}/getMe")).status_code for _ in range(3)]
    assert statuses == [429, 200, 200]


def test_missing_auth_is_rejected_and_examples_answer_by_default(httpserver):
    with ContractServer(httpserver, "twilio/twilio_api_v2010.json") as twilio:
        url = twilio.url(f"/2010-04-01/Accounts/{ACCOUNT}/Messages.json")
        form = {"To": "+15558675310", "From": "+15017122661", "Body": "Hi"}
        assert httpx.post(url, data=form).status_code == 400
        assert any("Security" in e for e in twilio.rejected[0].errors), twilio.rejected
        twilio.rejected.clear()
        answer = httpx.post(url, data=form, auth=(ACCOUNT, "secret"))
        assert answer.status_code == 201
        assert answer.json()["account_sid"].startswith("AC")


def test_known_defects_are_corrected_in_memory_only():
    whatsapp = "whatsapp/business-messaging-api_v23.0.yaml"
    original = contract_file(whatsapp).read_text(encoding="utf-8")
    assert "discriminator" in original
    assert "discriminator" not in str(load_document(whatsapp))
    assert contract_file(whatsapp).read_text(encoding="utf-8") == original


def test_slack_swagger_document_is_converted():
    slack = load_contract("slack/slack_web_openapi_v2.json")
    assert slack.document["openapi"].startswith("3.")
    assert slack.origin == "https://slack.com"
    operation = slack.document["paths"]["/chat.postMessage"]["post"]
    assert "application/json" in operation["requestBody"]["content"]


def test_a_missing_contract_fails_with_its_expected_place():
    with pytest.raises(pytest.fail.Exception, match="tests/contracts/vendor"):
        contract_file("nobody/openapi.json")


def test_the_kept_copies_are_the_vendors_documents_byte_for_byte():
    # Each SOURCE.txt records the sha256 of the document as published; a copy edited by hand
    # would quietly change what every connector test checks against.
    checked = 0
    for source in sorted(CONTRACTS.glob("*/SOURCE.txt")):
        text = source.read_text(encoding="utf-8")
        for name, digest in re.findall(r"file: (\S+)\n(?:.*\n)*?sha256: ([0-9a-f]{64})", text):
            document = source.parent / name
            assert hashlib.sha256(document.read_bytes()).hexdigest() == digest, document
            checked += 1
    assert checked >= 10
