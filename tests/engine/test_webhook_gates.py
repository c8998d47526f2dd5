"""What the kit gives every connector's webhook gate: its account's saved values, and Meta's
verification handshake and signature check (WhatsApp, Instagram, Messenger)."""

from __future__ import annotations

import pytest

from flowin_engine.errors import FlowinError
from flowin_engine.kit import (
    GateContext,
    WebhookRejected,
    WebhookReply,
    WebhookRequest,
    meta_webhook_gate,
)
from flowin_engine.webhooks import sign

BODY = b'{"object":"page","entry":[]}'


def request(method: str = "POST", query: dict[str, str] | None = None, **headers: str):
    return WebhookRequest(
        method, "/webhook/m", "https://hooks.example/webhook/m", headers, query or {}, BODY
    )


def test_a_gate_reads_a_saved_value_trimmed_and_an_unset_one_as_empty():
    ctx = GateContext(lambda connection: {"webhook_secret": " whsec_1 \n", "other": None})
    assert ctx.account_value("shop", "webhook_secret", service="Stripe") == "whsec_1"
    assert ctx.account_value("shop", "other", service="Stripe") == ""
    assert ctx.account_value("shop", "missing", service="Stripe") == ""


def test_an_account_that_cannot_be_read_refuses_the_request_saying_why():
    def unreadable(connection):
        raise FlowinError("the connected account 'Shop' was deleted; pick another.")

    with pytest.raises(WebhookRejected) as caught:
        GateContext(unreadable).account_value("shop", "hmac_secret", service="Paymob")
    assert caught.value.status == 403
    assert str(caught.value) == "Paymob: the connected account 'Shop' was deleted; pick another."


def gate(req: WebhookRequest, verify_token: str = "my phrase", app_secret: str = "s3cret"):
    return meta_webhook_gate(
        req, verify_token=verify_token, app_secret=app_secret, service="WhatsApp"
    )


def test_meta_handshake_is_answered_with_its_challenge_only_for_the_right_token():
    query = {"hub.mode": "subscribe", "hub.verify_token": "my phrase", "hub.challenge": "1158"}
    reply = gate(request("GET", query))
    assert reply == WebhookReply(200, "1158", {"Content-Type": "text/plain"})
    for wrong in ({**query, "hub.verify_token": "guess"}, {**query, "hub.mode": "unsubscribe"}):
        with pytest.raises(WebhookRejected, match="verify token doesn't match") as caught:
            gate(request("GET", wrong))
        assert caught.value.status == 403
    with pytest.raises(WebhookRejected):
        gate(request("GET", query), verify_token="")  # no token saved: no handshake passes


def test_meta_posts_pass_only_with_the_app_secrets_signature():
    signed = "sha256=" + sign("s3cret", BODY).hex()
    assert gate(request(**{"x-hub-signature-256": signed})) is None
    with pytest.raises(WebhookRejected, match="signature doesn't match") as caught:
        gate(request(**{"x-hub-signature-256": "sha256=" + sign("other", BODY).hex()}))
    assert caught.value.status == 401
    with pytest.raises(WebhookRejected, match="no signing secret") as caught:
        gate(request(**{"x-hub-signature-256": signed}), app_secret="")
    assert caught.value.status == 403
    with pytest.raises(WebhookRejected) as caught:
        gate(request("PUT"))
    assert caught.value.status == 405
