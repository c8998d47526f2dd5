"""Two-factor sign-in by e-mail or SMS code, with single-use backup codes."""

from __future__ import annotations

import threading

import pytest

from flowin_cloud.routers.two_factor import _use_backup_code

PHONE = "+966501234567"


@pytest.fixture
def verified(client, alice, mailbox):
    """Alice with a verified e-mail address."""
    client.post(
        "/auth/verify/email/confirm",
        json={"token": mailbox.last_token("verify-email", alice.email)},
    )
    return alice


def enable(account, method="email"):
    return account.client.post(
        "/auth/2fa/enable",
        json={"method": method, "password": account.password},
        headers=account.headers,
    )


def start_login(account):
    response = account.client.post(
        "/auth/login", json={"email": account.email, "password": account.password}
    )
    assert response.status_code == 200
    return response.json()


def test_with_2fa_on_login_answers_a_challenge_and_the_emailed_code_finishes_it(
    client, verified, mailbox
):
    enabled = enable(verified)
    assert enabled.status_code == 200
    assert len(enabled.json()["backup_codes"]) == 10
    challenge = start_login(verified)
    assert challenge["two_factor_required"] is True
    assert challenge["method"] == "email"
    assert "access_token" not in challenge
    code = mailbox.last_token("2fa", verified.email)
    tokens = client.post(
        "/auth/2fa/verify", json={"challenge": challenge["challenge"], "code": code}
    )
    assert tokens.status_code == 200
    headers = {"Authorization": f"Bearer {tokens.json()['access_token']}"}
    assert client.get("/auth/me", headers=headers).json()["two_factor_enabled"] is True


def test_a_wrong_code_is_401_and_the_challenge_dies_after_five(client, verified, mailbox):
    enable(verified)
    challenge = start_login(verified)["challenge"]
    code = mailbox.last_token("2fa", verified.email)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        assert (
            client.post(
                "/auth/2fa/verify", json={"challenge": challenge, "code": wrong}
            ).status_code
            == 401
        )
    assert (
        client.post("/auth/2fa/verify", json={"challenge": challenge, "code": code}).status_code
        == 401
    )


def test_a_code_finishes_one_sign_in_only(client, verified, mailbox):
    enable(verified)
    challenge = start_login(verified)["challenge"]
    code = mailbox.last_token("2fa", verified.email)
    assert (
        client.post("/auth/2fa/verify", json={"challenge": challenge, "code": code}).status_code
        == 200
    )
    assert (
        client.post("/auth/2fa/verify", json={"challenge": challenge, "code": code}).status_code
        == 401
    )


def test_send_code_replaces_the_code(client, verified, mailbox):
    enable(verified)
    challenge = start_login(verified)["challenge"]
    first = mailbox.last_token("2fa", verified.email)
    assert client.post("/auth/2fa/send-code", json={"challenge": challenge}).status_code == 200
    second = mailbox.last_token("2fa", verified.email)
    assert len(mailbox.of("2fa", verified.email)) == 2
    if first != second:
        assert (
            client.post(
                "/auth/2fa/verify", json={"challenge": challenge, "code": first}
            ).status_code
            == 401
        )
    assert (
        client.post("/auth/2fa/verify", json={"challenge": challenge, "code": second}).status_code
        == 200
    )


def test_send_code_for_an_unknown_challenge_answers_the_same(client):
    response = client.post("/auth/2fa/send-code", json={"challenge": "made-up"})
    assert response.status_code == 200


def test_each_backup_code_works_once(client, verified):
    backup = enable(verified).json()["backup_codes"]
    first = start_login(verified)["challenge"]
    assert (
        client.post("/auth/2fa/verify", json={"challenge": first, "code": backup[0]}).status_code
        == 200
    )
    second = start_login(verified)["challenge"]
    assert (
        client.post("/auth/2fa/verify", json={"challenge": second, "code": backup[0]}).status_code
        == 401
    )
    assert (
        client.post(
            "/auth/2fa/verify", json={"challenge": second, "code": backup[1].upper()}
        ).status_code
        == 200
    )
    status = client.get("/auth/2fa/status", headers=verified.headers).json()
    assert status == {"enabled": True, "method": "email", "backup_codes_remaining": 8}


def test_regenerating_backup_codes_voids_the_old_ones(client, verified):
    old = enable(verified).json()["backup_codes"]
    new = client.post(
        "/auth/2fa/regenerate-backup-codes",
        json={"password": verified.password},
        headers=verified.headers,
    ).json()["backup_codes"]
    assert set(old).isdisjoint(new)
    challenge = start_login(verified)["challenge"]
    assert (
        client.post("/auth/2fa/verify", json={"challenge": challenge, "code": old[0]}).status_code
        == 401
    )
    assert (
        client.post("/auth/2fa/verify", json={"challenge": challenge, "code": new[0]}).status_code
        == 200
    )


def test_2fa_by_email_needs_a_verified_address(alice):
    response = enable(alice)
    assert response.status_code == 400
    assert response.json()["detail"] == "Verify your e-mail address first."


def test_2fa_by_sms_needs_a_verified_phone_then_texts_the_code(client, alice, mailbox):
    assert enable(alice, "sms").status_code == 400
    client.post("/auth/verify/phone/add-and-send", json={"phone": PHONE}, headers=alice.headers)
    code = mailbox.last_token("verify-phone", PHONE)
    client.post("/auth/verify/phone/verify-mine", json={"code": code}, headers=alice.headers)
    assert enable(alice, "sms").status_code == 200
    challenge = start_login(alice)
    assert challenge["method"] == "sms"
    sms = mailbox.of("2fa", PHONE)[-1]
    assert sms["channel"] == "sms"
    assert (
        client.post(
            "/auth/2fa/verify", json={"challenge": challenge["challenge"], "code": sms["code"]}
        ).status_code
        == 200
    )


def test_enabling_needs_the_password(client, verified):
    response = client.post(
        "/auth/2fa/enable",
        json={"method": "email", "password": "not it at all"},
        headers=verified.headers,
    )
    assert response.status_code == 403
    assert client.get("/auth/2fa/status", headers=verified.headers).json()["enabled"] is False


def test_disabling_turns_login_back_to_one_step(client, verified):
    enable(verified)
    disabled = client.post(
        "/auth/2fa/disable", json={"password": verified.password}, headers=verified.headers
    )
    assert disabled.json() == {"enabled": False, "method": None, "backup_codes_remaining": 0}
    assert "access_token" in start_login(verified)


def test_one_backup_code_used_by_two_sign_ins_at_the_same_moment_lets_one_in(client, verified):
    """The first use is not yet saved when the second looks the code up: the second must lose
    all the same, as two requests racing with a copied code would."""
    backup = enable(verified).json()["backup_codes"]
    sessions = client.app.state.cloud.sessions
    user_id = client.get("/auth/me", headers=verified.headers).json()["id"]
    with sessions() as first:
        assert _use_backup_code(first, user_id, backup[0])
        outcome: list[bool] = []
        with sessions() as second:
            racing = threading.Thread(
                target=lambda: outcome.append(_use_backup_code(second, user_id, backup[0]))
            )
            racing.start()
            racing.join(timeout=0.5)  # blocked by the first use, or already through
            first.commit()
            racing.join(timeout=30)
            second.commit()
    assert outcome == [False]
