"""Registering somebody else's address gets nothing that outlives its owner's recovery.

Anybody may register an address they do not own. Until the address is verified the account
syncs its own flows but makes no API keys, adds no phone, turns on no two-step sign-in and
queues no runs; a password reset through the e-mailed link proves the address and ends what the
registrant set up. Any reset deletes the account's API keys and ends its sign-ins.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pyotp

from flowin_cloud.models import User
from tests.cloud.conftest import unique_email

NEW_PASSWORD = "the owner's own password"
UNVERIFIED = "Verify your e-mail address first: "


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def set_verified(client, email: str, verified: bool) -> None:
    with client.app.state.cloud.sessions() as session:
        user = session.query(User).filter_by(email=email).one()
        user.email_verified_at = datetime.now(UTC) if verified else None
        session.commit()


def reset_password(client, mailbox, email: str) -> dict:
    assert client.post("/auth/forgot-password", json={"email": email}).status_code == 200
    token = mailbox.last_token("reset-password", email)
    answer = client.post("/auth/reset-password", json={"token": token, "password": NEW_PASSWORD})
    assert answer.status_code == 200, answer.text
    return answer.json()


def login(client, email: str, password: str):
    return client.post("/auth/login", json={"email": email, "password": password})


def test_an_unverified_account_syncs_its_flows_but_gets_no_keys_phone_two_step_or_runs(
    client, sign_up, mailbox
):
    registrant = sign_up("registrant", verified=False)
    headers = registrant.headers
    flow = {"id": "greet", "name": "Greet", "definition": {"nodes": []}}
    assert client.post("/api/flows", json=flow, headers=headers).status_code == 201
    assert client.get("/api/flows/greet", headers=headers).status_code == 200
    phone = "+9665" + str(uuid.uuid4().int)[:8]

    refused = [
        client.post("/auth/api-keys", json={"name": "Zapier"}, headers=headers),
        client.post("/auth/verify/phone/add-and-send", json={"phone": phone}, headers=headers),
        client.post("/auth/verify/phone/verify-mine", json={"code": "123456"}, headers=headers),
        client.post("/auth/verify/resend", json={"channel": "phone"}, headers=headers),
        client.post(
            "/auth/2fa/enable",
            json={"method": "sms", "password": registrant.password},
            headers=headers,
        ),
        client.post(
            "/auth/2fa/enable",
            json={"method": "email", "password": registrant.password},
            headers=headers,
        ),
        client.post("/auth/2fa/app/setup", json={"password": registrant.password}, headers=headers),
        client.post("/auth/2fa/app/confirm", json={"code": "123456"}, headers=headers),
        client.post("/api/run/greet", json={"input": {}}, headers=headers),
    ]

    for answer in refused:
        assert answer.status_code == 403, answer.text
        assert answer.json()["detail"].startswith(UNVERIFIED)
        assert registrant.email in answer.json()["detail"]
    assert mailbox.of("verify-phone", phone) == []
    profile = client.get("/auth/me", headers=headers).json()
    assert (profile["phone"], profile["two_factor_enabled"]) == (None, False)
    assert profile["statistics"]["executions_count"] == 0

    # Once the address is verified, all of it is the owner's to use.
    token = mailbox.last_token("verify-email", registrant.email)
    assert client.post("/auth/verify/email/confirm", json={"token": token}).status_code == 200
    assert (
        client.post("/auth/api-keys", json={"name": "Zapier"}, headers=headers).status_code == 201
    )
    assert client.post("/api/run/greet", json={"input": {}}, headers=headers).status_code == 202


def test_recovering_an_unverified_address_ends_everything_its_registrant_set_up(
    client, sign_up, mailbox
):
    # An account from before unverified accounts were held back: its registrant made a key,
    # verified their own phone, turned on two-step sign-in by SMS and queued a run.
    registrant = sign_up("victim", verified=False)
    set_verified(client, registrant.email, True)
    headers = registrant.headers
    client.post(
        "/api/flows", json={"id": "greet", "name": "Greet", "definition": {}}, headers=headers
    )
    key = client.post("/auth/api-keys", json={"name": "mine"}, headers=headers).json()["key"]
    phone = "+9665" + str(uuid.uuid4().int)[:8]
    client.post("/auth/verify/phone/add-and-send", json={"phone": phone}, headers=headers)
    code = mailbox.last_token("verify-phone", phone)
    verified = client.post("/auth/verify/phone/verify-mine", json={"code": code}, headers=headers)
    assert verified.status_code == 200
    enabled = client.post(
        "/auth/2fa/enable", json={"method": "sms", "password": registrant.password}, headers=headers
    )
    assert enabled.status_code == 200
    backup_code = enabled.json()["backup_codes"][0]
    run = client.post("/api/run/greet", json={"input": {}}, headers=bearer(key)).json()
    # The registrant signs in again: a sign-in waiting for its second factor.
    waiting = login(client, registrant.email, registrant.password).json()
    assert waiting["two_factor_required"] is True
    set_verified(client, registrant.email, False)

    # The address's owner uses "forgot password".
    answer = reset_password(client, mailbox, registrant.email)

    assert "API keys are deleted" in answer["message"]
    assert client.get("/api/flows", headers=bearer(key)).status_code == 401
    assert client.get("/auth/me", headers=headers).status_code == 401
    refresh = {"refresh_token": registrant.tokens["refresh_token"]}
    assert client.post("/auth/refresh", json=refresh).status_code == 401
    late = {"challenge": waiting["challenge"], "code": backup_code}
    assert client.post("/auth/2fa/verify", json=late).status_code == 401
    assert login(client, registrant.email, registrant.password).status_code == 401
    # The owner signs in with the new password alone: no code goes to the registrant's phone.
    owner = login(client, registrant.email, NEW_PASSWORD).json()
    assert "access_token" in owner
    profile = client.get("/auth/me", headers=bearer(owner["access_token"])).json()
    assert profile["email_verified"] is True
    assert (profile["phone"], profile["phone_verified"]) == (None, False)
    assert profile["two_factor_enabled"] is False
    keys = client.get("/auth/api-keys", headers=bearer(owner["access_token"])).json()
    assert keys == {"api_keys": []}
    cancelled = client.get(f"/api/executions/{run['id']}", headers=bearer(owner["access_token"]))
    assert cancelled.json()["status"] == "error"
    assert "before the account's e-mail address was proven" in cancelled.json()["error"]
    # The flows stay: they may be the owner's own, synced before verifying.
    assert client.get("/api/flows/greet", headers=bearer(owner["access_token"])).status_code == 200


def test_a_password_reset_deletes_the_api_keys_and_ends_sign_ins_but_keeps_two_step(
    client, alice, mailbox
):
    key = client.post("/auth/api-keys", json={"name": "Zapier"}, headers=alice.headers).json()
    assert client.get("/api/flows", headers=bearer(key["key"])).status_code == 200
    enabled = client.post(
        "/auth/2fa/enable",
        json={"method": "email", "password": alice.password},
        headers=alice.headers,
    )
    assert enabled.status_code == 200

    answer = reset_password(client, mailbox, alice.email)

    assert "signed out on every computer" in answer["message"]
    assert client.get("/api/flows", headers=bearer(key["key"])).status_code == 401
    assert client.get("/auth/me", headers=alice.headers).status_code == 401
    # The owner's own second factor stays: the reset link proves the address, not the phone.
    assert login(client, alice.email, NEW_PASSWORD).json()["two_factor_required"] is True


def test_a_reset_link_verifies_the_address_it_was_sent_to(client, sign_up, mailbox):
    account = sign_up("forgetful", verified=False)

    reset_password(client, mailbox, account.email)

    tokens = login(client, account.email, NEW_PASSWORD).json()
    assert client.get("/auth/me", headers=bearer(tokens["access_token"])).json()["email_verified"]
    assert (
        client.post(
            "/auth/api-keys", json={"name": "Zapier"}, headers=bearer(tokens["access_token"])
        ).status_code
        == 201
    )


def test_registering_a_taken_address_again_and_again_sends_its_owner_one_notice_an_hour(
    client, alice, mailbox
):
    fresh = client.post(
        "/auth/register", json={"email": unique_email(), "password": alice.password}
    )
    answers = [
        client.post("/auth/register", json={"email": alice.email, "password": "another-one-1"})
        for _ in range(3)
    ]

    for answer in answers:
        assert (answer.status_code, answer.json()) == (fresh.status_code, fresh.json())
    assert len(mailbox.of("signup-attempt", alice.email)) == 1


def test_recovering_an_unverified_address_forgets_the_registrants_authenticator_app(
    client, sign_up, mailbox
):
    registrant = sign_up("victim", verified=False)
    set_verified(client, registrant.email, True)
    password = {"password": registrant.password}
    setup = client.post("/auth/2fa/app/setup", json=password, headers=registrant.headers).json()
    code = pyotp.TOTP(setup["secret"]).now()
    confirmed = client.post(
        "/auth/2fa/app/confirm", json={"code": code}, headers=registrant.headers
    )
    assert confirmed.json()["method"] == "totp"
    set_verified(client, registrant.email, False)

    reset_password(client, mailbox, registrant.email)

    owner = login(client, registrant.email, NEW_PASSWORD).json()
    assert "access_token" in owner
    with client.app.state.cloud.sessions() as session:
        user = session.query(User).filter_by(email=registrant.email).one()
        assert (user.two_factor_method, user.totp_secret) == (None, None)
