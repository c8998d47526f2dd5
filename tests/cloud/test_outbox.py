"""The outbox outside development mode: e-mail to a real SMTP server (aiosmtpd) on 127.0.0.1,
SMS through the Twilio SDK to a local API that checks each request against Twilio's OpenAPI
description (tests/contracts/vendor/twilio), both driven through the app's own endpoints.

A message that can't be sent is logged; the request that sent it answers as usual.
"""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from tests.cloud.conftest import (
    MAIL_FROM,
    TWILIO_FROM,
    TWILIO_SID,
    TWILIO_TOKEN,
    link_token,
    register,
    sign_in,
    text_of,
)
from tests.cloud_server import free_port
from tests.contracts.openapi_server import twilio_error

SID, TOKEN, SENDER = TWILIO_SID, TWILIO_TOKEN, TWILIO_FROM
PHONE = "+966501234567"
MESSAGES = f"/2010-04-01/Accounts/{SID}/Messages.json"


def failures(caplog: pytest.LogCaptureFixture, text: str) -> list[logging.LogRecord]:
    return [
        r
        for r in caplog.records
        if r.name == "flowin_cloud.outbox" and r.levelno == logging.ERROR and text in r.message
    ]


# E-mail.


def test_registration_mails_a_verification_link_over_starttls(
    production, smtp_server, inbox, trusted
):
    client = production()
    address = register(client)
    (envelope,) = inbox.envelopes
    assert (envelope.mail_from, envelope.rcpt_tos) == ("no-reply@flowin.example", [address])
    mail = inbox.message()
    assert (mail["To"], mail["From"], mail["Subject"]) == (
        address,
        MAIL_FROM,
        "Verify your e-mail address for Flowin",
    )
    token = link_token(text_of(mail), "verify-email")
    confirmed = client.post("/auth/verify/email/confirm", json={"token": token})
    assert confirmed.status_code == 200, confirmed.text


def test_forgot_password_mails_a_reset_link_that_resets_it(production, inbox, trusted):
    client = production()
    address = register(client)
    answer = client.post("/auth/forgot-password", json={"email": address})
    assert answer.status_code == 200
    mail = inbox.message()
    assert (mail["To"], mail["From"], mail["Subject"]) == (
        address,
        MAIL_FROM,
        "Reset your Flowin password",
    )
    token = link_token(text_of(mail), "reset-password")
    reset = client.post(
        "/auth/reset-password", json={"token": token, "password": "another long password 9"}
    )
    assert reset.status_code == 200, reset.text


def forgot_password_still_answers(client: TestClient) -> None:
    answer = client.post("/auth/forgot-password", json={"email": register(client)})
    assert answer.status_code == 200
    assert answer.json() == {
        "message": "If this address has an account, a reset link is on its way."
    }


def test_a_refused_sign_in_is_logged_and_forgot_password_answers_as_usual(
    production, inbox, caplog, trusted
):
    forgot_password_still_answers(production(smtp_password="wrong password"))
    assert inbox.envelopes == []
    assert failures(caplog, "Could not send the reset-password e-mail.")


def test_an_unreachable_smtp_server_is_logged_and_forgot_password_answers_as_usual(
    production, caplog
):
    forgot_password_still_answers(production(smtp_port=free_port()))
    assert failures(caplog, "Could not send the reset-password e-mail.")


def test_a_server_whose_certificate_is_not_trusted_gets_no_mail(production, inbox, caplog):
    forgot_password_still_answers(production())
    assert inbox.envelopes == []
    (failure,) = failures(caplog, "Could not send the reset-password e-mail.")
    assert "CERTIFICATE_VERIFY_FAILED" in failure.exc_text


# SMS.


def test_adding_a_phone_texts_the_code_through_twilio(production, twilio_api):
    client = production()
    headers = sign_in(client, register(client, verified=True))
    sent = client.post("/auth/verify/phone/add-and-send", json={"phone": PHONE}, headers=headers)
    assert sent.status_code == 200, sent.text
    (call,) = twilio_api.calls("CreateMessage")
    assert call.request.path == MESSAGES
    assert (call.request.authorization.username, call.request.authorization.password) == (
        SID,
        TOKEN,
    )
    form = call.request.form.to_dict()
    assert (form["To"], form["From"]) == (PHONE, SENDER)
    code = form["Body"].split("code is ")[1][:6]
    verified = client.post("/auth/verify/phone/verify-mine", json={"code": code}, headers=headers)
    assert verified.status_code == 200, verified.text


@pytest.mark.parametrize(
    ("status", "code", "message"),
    [(400, 21211, "Invalid 'To' Phone Number"), (401, 20003, "Authenticate")],
)
def test_a_twilio_refusal_is_logged_and_the_request_answers_as_usual(
    production, twilio_api, caplog, status, code, message
):
    twilio_api.respond(
        "CreateMessage", json=twilio_error(status, code, message), status=status, check=False
    )
    client = production()
    headers = sign_in(client, register(client, verified=True))
    sent = client.post("/auth/verify/phone/add-and-send", json={"phone": PHONE}, headers=headers)
    assert sent.status_code == 200, sent.text
    assert len(twilio_api.calls("CreateMessage")) == 1
    (failure,) = failures(caplog, "Could not send the verify-phone SMS.")
    assert message in failure.exc_text


def test_an_unreachable_twilio_is_logged(production, caplog):
    client = production(twilio_base_url=f"http://127.0.0.1:{free_port()}")
    headers = sign_in(client, register(client, verified=True))
    sent = client.post("/auth/verify/phone/add-and-send", json={"phone": PHONE}, headers=headers)
    assert sent.status_code == 200, sent.text
    assert failures(caplog, "Could not send the verify-phone SMS.")


def test_the_contract_refuses_an_sms_from_a_malformed_account_sid(production, twilio_api, caplog):
    client = production(twilio_account_sid="not-an-account-sid")
    headers = sign_in(client, register(client, verified=True))
    client.post("/auth/verify/phone/add-and-send", json={"phone": PHONE}, headers=headers)
    assert twilio_api.rejected and not twilio_api.calls()
    assert failures(caplog, "Could not send the verify-phone SMS.")
    twilio_api.rejected.clear()
