"""Rate limits on sign-in, password reset and every code endpoint: 429 with Retry-After."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient
from limits import parse
from limits.storage import MemoryStorage

from flowin_cloud import Settings
from tests.cloud.conftest import DEFAULT_PASSWORD, unique_email


def assert_limited(response):
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) >= 1
    assert "Too many attempts" in response.json()["detail"]


def test_login_is_limited_per_email(make_client, sign_up):
    client = make_client(login_limit_per_email="3/minute")
    email = unique_email()
    client.post("/auth/register", json={"email": email, "password": "password-1"})
    for _ in range(3):
        assert (
            client.post("/auth/login", json={"email": email, "password": "wrong-pass"}).status_code
            == 401
        )
    assert_limited(client.post("/auth/login", json={"email": email, "password": "password-1"}))
    # Another address from the same client is not held back.
    other = unique_email()
    assert (
        client.post("/auth/login", json={"email": other, "password": "wrong-pass"}).status_code
        == 401
    )


def test_login_is_limited_per_client_address(make_client):
    client = make_client(login_limit_per_ip="2/minute")
    for _ in range(2):
        client.post("/auth/login", json={"email": unique_email(), "password": "wrong-pass"})
    assert_limited(
        client.post("/auth/login", json={"email": unique_email(), "password": "wrong-pass"})
    )


def test_forgot_password_is_limited_per_email(make_client):
    client = make_client(code_limit_per_target="2/minute")
    email = unique_email()
    for _ in range(2):
        assert client.post("/auth/forgot-password", json={"email": email}).status_code == 200
    assert_limited(client.post("/auth/forgot-password", json={"email": email}))


def test_reset_password_is_limited_per_client_address(make_client):
    client = make_client(code_limit_per_ip="2/minute")
    body = {"token": "guess", "password": "new-password"}
    for _ in range(2):
        assert client.post("/auth/reset-password", json=body).status_code == 400
    assert_limited(client.post("/auth/reset-password", json=body))


def test_phone_codes_are_limited_per_number(make_client):
    client = make_client(code_limit_per_target="2/minute")
    body = {"phone": "+966501234567", "code": "123456"}
    for _ in range(2):
        assert client.post("/auth/verify/phone/confirm", json=body).status_code == 400
    assert_limited(client.post("/auth/verify/phone/confirm", json=body))


def test_2fa_verify_is_limited_per_challenge(make_client):
    client = make_client(code_limit_per_target="2/minute")
    body = {"challenge": "some-challenge", "code": "123456"}
    for _ in range(2):
        assert client.post("/auth/2fa/verify", json=body).status_code == 401
    assert_limited(client.post("/auth/2fa/verify", json=body))


def test_email_verification_send_is_limited(make_client):
    client = make_client(code_limit_per_ip="2/minute")
    for _ in range(2):
        client.post("/auth/verify/email/send", json={"email": unique_email()})
    assert_limited(client.post("/auth/verify/email/send", json={"email": unique_email()}))


def test_a_store_of_counts_the_server_cannot_use_stops_it_at_start(make_client):
    # (A redis:// store is usable: its client library comes with the cloud runner's Celery.)
    with pytest.raises(ValueError, match="FLOWIN_CLOUD_RATE_LIMIT_STORAGE") as refusal:
        make_client(rate_limit_storage="bogus://somewhere")
    assert "unknown storage scheme" in str(refusal.value)


class StoreGoneAway(MemoryStorage):
    """A shared store of counts that stopped answering (a Redis restarting, a network cut)."""

    STORAGE_SCHEME = ["gone-away"]  # registered with `limits` by being defined

    def acquire_entry(self, *args, **kwargs):
        raise ConnectionError("Connection refused")


def test_while_the_store_of_counts_is_unreachable_sign_ins_wait_instead_of_going_uncounted(
    make_client, caplog
):
    client = make_client(rate_limit_storage="gone-away://")

    response = client.post("/auth/login", json={"email": unique_email(), "password": "password-1"})

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert "try again shortly" in response.json()["detail"]
    assert "rate limits' store cannot be reached" in caplog.text


def from_address(client, address):
    """Another client of the same server, as if from the network address ``address``."""
    return TestClient(client.app, client=(address, 40000))


def test_password_guesses_are_bounded_per_account_without_locking_the_owner_out(make_client):
    # The defaults allow at most 100 guesses an hour at one account (OWASP ASVS 2.2.1).
    guesses = parse(Settings().login_guesses_per_email)
    assert guesses.amount / guesses.get_expiry() <= 100 / 3600

    client = make_client(login_guesses_per_email="5/hour", login_limit_per_email="3/minute")
    email = unique_email()
    right = {"email": email, "password": DEFAULT_PASSWORD}
    wrong = {"email": email, "password": "not the password"}
    assert client.post("/auth/register", json=right).status_code == 201
    owner = from_address(client, "198.51.100.7")
    assert owner.post("/auth/login", json=right).status_code == 200

    # Guesses from one place elsewhere are held back after three a minute...
    attacker = from_address(client, "203.0.113.1")
    for _ in range(3):
        assert attacker.post("/auth/login", json=wrong).status_code == 401
    assert_limited(attacker.post("/auth/login", json=wrong))
    # ...and from anywhere else after five an hour in all (the owner's first sign-in from
    # their place, new then, was one of them)...
    assert from_address(client, "203.0.113.2").post("/auth/login", json=wrong).status_code == 401
    # ...even with the right password...
    assert_limited(from_address(client, "203.0.113.50").post("/auth/login", json=wrong))
    assert_limited(from_address(client, "192.0.2.1").post("/auth/login", json=right))
    # ...but the owner, from where they signed in before, is not locked out.
    assert owner.post("/auth/login", json=wrong).status_code == 401
    assert owner.post("/auth/login", json=right).status_code == 200


def test_verification_texts_are_capped_per_account_per_day_in_numbers_and_in_texts(
    make_client, mailbox
):
    client = make_client(sms_limit_per_account="4/day", sms_numbers_per_account_per_day=2)
    email = unique_email()
    client.post("/auth/register", json={"email": email, "password": "password-1"})
    token = mailbox.last_token("verify-email", email)
    client.post("/auth/verify/email/confirm", json={"token": token})
    tokens = client.post("/auth/login", json={"email": email, "password": "password-1"}).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    first, second, third = ("+9665" + str(uuid.uuid4().int)[:8] for _ in range(3))

    def add(phone):
        return client.post(
            "/auth/verify/phone/add-and-send", json={"phone": phone}, headers=headers
        )

    assert add(first).status_code == 200
    assert add(second).status_code == 200
    one_too_many = add(third)
    assert one_too_many.status_code == 429
    assert 3600 < int(one_too_many.headers["Retry-After"]) <= 24 * 3600
    assert "2 different phone numbers" in one_too_many.json()["detail"]
    assert "hours" in one_too_many.json()["detail"]
    assert mailbox.of("verify-phone", third) == []
    # The numbers already used may still get codes, up to the day's count of texts.
    assert add(first).status_code == 200
    resent = client.post("/auth/verify/resend", json={"channel": "phone"}, headers=headers)
    assert resent.status_code == 200
    too_many_texts = client.post("/auth/verify/resend", json={"channel": "phone"}, headers=headers)
    assert too_many_texts.status_code == 429
    assert int(too_many_texts.headers["Retry-After"]) > 3600
    assert "too many text messages today" in too_many_texts.json()["detail"]
    # Asking by number answers as always, and sends nothing more.
    by_number = client.post("/auth/verify/phone/send", json={"phone": first})
    assert by_number.json()["message"].startswith("If this number is waiting")
    assert len(mailbox.of("verify-phone", first)) + len(mailbox.of("verify-phone", second)) == 4


def test_the_public_api_is_limited_per_account_whether_by_token_or_key(make_client, mailbox):
    client = make_client(api_limit_per_account="4/minute")

    def verified_account():
        email = unique_email()
        client.post("/auth/register", json={"email": email, "password": "password-1"})
        token = mailbox.last_token("verify-email", email)
        client.post("/auth/verify/email/confirm", json={"token": token})
        tokens = client.post("/auth/login", json={"email": email, "password": "password-1"})
        return {"Authorization": f"Bearer {tokens.json()['access_token']}"}

    busy, other = verified_account(), verified_account()
    key = client.post("/auth/api-keys", json={"name": "script"}, headers=busy).json()["key"]
    by_key = {"Authorization": f"Bearer {key}"}
    assert client.get("/api/flows", headers=busy).status_code == 200
    assert client.get("/api/executions", headers=by_key).status_code == 200
    assert client.get("/api/flows", headers=by_key).status_code == 200
    assert client.post("/api/run/none", headers=busy).status_code == 404

    for limited in (
        client.get("/api/flows", headers=by_key),
        client.get("/api/executions", headers=busy),
    ):
        assert limited.status_code == 429
        assert int(limited.headers["Retry-After"]) >= 1
        assert "Too many requests to the Flowin API" in limited.json()["detail"]
    assert client.get("/api/flows", headers=other).status_code == 200
    # The account's own settings are not the API's count.
    assert client.get("/auth/api-keys", headers=busy).status_code == 200
