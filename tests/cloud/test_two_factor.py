"""Two-factor sign-in by authenticator app, e-mail or SMS code, with single-use backup codes."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from flowin_cloud.models import User
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


def test_2fa_by_email_needs_a_verified_address(sign_up):
    alice = sign_up("alice", verified=False)
    response = enable(alice)
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Verify your e-mail address first: ")


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


def wrong_code_for(mailbox, address):
    code = mailbox.last_token("2fa", address)
    return "000000" if code != "000000" else "111111"


def five_sign_ins_with_wrong_codes(account, mailbox):
    """Signs in with the password five times, each time giving a wrong code; the last answer."""
    for _ in range(5):
        challenge = start_login(account)["challenge"]
        wrong = account.client.post(
            "/auth/2fa/verify",
            json={"challenge": challenge, "code": wrong_code_for(mailbox, account.email)},
        )
        assert wrong.status_code == 401
    return wrong


def end_the_pause(client, address):
    """Moves the end of a second-factor pause into the past, as if its minutes had gone by."""
    with client.app.state.cloud.sessions() as session:
        session.execute(
            update(User)
            .where(User.email == address)
            .values(second_factor_locked_until=datetime.now(UTC) - timedelta(seconds=1))
        )
        session.commit()


def test_wrong_codes_count_across_sign_ins_pause_them_longer_each_time_and_warn_the_owner(
    client, verified, mailbox
):
    enable(verified)
    # Each password sign-in opens a new challenge: the tries are counted per account.
    wrong = five_sign_ins_with_wrong_codes(verified, mailbox)
    assert wrong.headers["Retry-After"] == "60"
    assert "1 minute" in wrong.json()["detail"]
    challenge = start_login(verified)["challenge"]
    right = mailbox.last_token("2fa", verified.email)
    paused = client.post("/auth/2fa/verify", json={"challenge": challenge, "code": right})
    assert paused.status_code == 429
    assert 0 < int(paused.headers["Retry-After"]) <= 60
    assert "wait" in paused.json()["detail"]
    (warning,) = mailbox.of("2fa-locked", verified.email)
    assert "code" not in warning

    end_the_pause(client, verified.email)
    wrong = five_sign_ins_with_wrong_codes(verified, mailbox)
    assert wrong.headers["Retry-After"] == "300"
    assert len(mailbox.of("2fa-locked", verified.email)) == 2

    end_the_pause(client, verified.email)
    challenge = start_login(verified)["challenge"]
    right = mailbox.last_token("2fa", verified.email)
    assert (
        client.post("/auth/2fa/verify", json={"challenge": challenge, "code": right}).status_code
        == 200
    )
    # A sign-in that got through starts the count and the pauses afresh.
    assert five_sign_ins_with_wrong_codes(verified, mailbox).headers["Retry-After"] == "60"


def in_parallel(app, requests):
    """Sends each (path, body) from its own thread and client, all released at once."""
    start = threading.Barrier(len(requests))
    answers = [None] * len(requests)

    def send(index, path, body):
        caller = TestClient(app)
        start.wait(timeout=60)
        answers[index] = caller.post(path, json=body)

    threads = [
        threading.Thread(target=send, args=(index, path, body))
        for index, (path, body) in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(answer is not None for answer in answers)
    return answers


def test_wrong_codes_sent_in_parallel_get_no_more_tries_than_allowed(client, verified, mailbox):
    enable(verified)
    requests = []
    for _ in range(3):
        challenge = start_login(verified)["challenge"]
        wrong = wrong_code_for(mailbox, verified.email)
        requests += [("/auth/2fa/verify", {"challenge": challenge, "code": wrong})] * 4
    answers = in_parallel(client.app, requests)
    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [401] * 5 + [429] * 7, [answer.text for answer in answers]
    assert all("Retry-After" in answer.headers for answer in answers if answer.status_code == 429)
    assert len(mailbox.of("2fa-locked", verified.email)) == 1


def test_one_code_sent_by_four_sign_ins_at_once_lets_one_in(client, verified, mailbox):
    enable(verified)
    challenge = start_login(verified)["challenge"]
    body = {"challenge": challenge, "code": mailbox.last_token("2fa", verified.email)}
    answers = in_parallel(client.app, [("/auth/2fa/verify", body)] * 4)
    assert sorted(answer.status_code for answer in answers) == [200, 401, 401, 401]


def set_up_app(account, password=None):
    return account.client.post(
        "/auth/2fa/app/setup",
        json={"password": password or account.password},
        headers=account.headers,
    )


def app_code(secret, seconds_from_now=0):
    return pyotp.TOTP(secret).at(datetime.now(UTC) + timedelta(seconds=seconds_from_now))


def test_an_authenticator_app_is_set_up_with_its_first_code_and_each_code_signs_in_once(
    client, alice, mailbox
):
    assert set_up_app(alice, "not the password").status_code == 403
    setup = set_up_app(alice)
    assert setup.status_code == 200, setup.text
    secret = setup.json()["secret"]
    uri = setup.json()["otpauth_uri"]
    assert uri.startswith("otpauth://totp/Flowin:")
    assert f"secret={secret}" in uri and "issuer=Flowin" in uri
    with client.app.state.cloud.sessions() as session:
        stored = session.scalar(select(User.totp_secret).where(User.email == alice.email))
    assert stored and secret not in stored  # encrypted at rest
    # Until the app proves it has the secret, sign-in stays one step.
    assert "access_token" in start_login(alice)

    confirm = "/auth/2fa/app/confirm"
    assert client.post(confirm, json={"code": "000000"}, headers=alice.headers).status_code == 400
    first = app_code(secret)
    confirmed = client.post(confirm, json={"code": first}, headers=alice.headers)
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["method"] == "totp"
    backup = confirmed.json()["backup_codes"]
    status = client.get("/auth/2fa/status", headers=alice.headers).json()
    assert status == {"enabled": True, "method": "totp", "backup_codes_remaining": 10}

    challenge = start_login(alice)
    assert challenge["method"] == "totp"
    assert mailbox.of("2fa", alice.email) == []  # the app makes the codes; nothing is sent
    verify = "/auth/2fa/verify"
    replayed = client.post(verify, json={"challenge": challenge["challenge"], "code": first})
    assert replayed.status_code == 401
    later = app_code(secret, 30)
    body = {"challenge": challenge["challenge"], "code": later}
    assert client.post(verify, json=body).status_code == 200
    again = start_login(alice)["challenge"]
    assert client.post(verify, json={"challenge": again, "code": later}).status_code == 401
    assert client.post(verify, json={"challenge": again, "code": backup[0]}).status_code == 200

    assert set_up_app(alice).status_code == 400  # one app at a time
    disabled = client.post("/auth/2fa/disable", json={"password": "wrong"}, headers=alice.headers)
    assert disabled.status_code == 403
    client.post("/auth/2fa/disable", json={"password": alice.password}, headers=alice.headers)
    assert "access_token" in start_login(alice)
    with client.app.state.cloud.sessions() as session:
        assert session.scalar(select(User.totp_secret).where(User.email == alice.email)) is None


def test_one_app_code_sent_by_four_sign_ins_at_once_lets_one_in(client, alice):
    secret = set_up_app(alice).json()["secret"]
    client.post("/auth/2fa/app/confirm", json={"code": app_code(secret)}, headers=alice.headers)
    code = app_code(secret, 30)
    requests = [
        ("/auth/2fa/verify", {"challenge": start_login(alice)["challenge"], "code": code})
        for _ in range(4)
    ]
    answers = in_parallel(client.app, requests)
    assert sorted(answer.status_code for answer in answers) == [200, 401, 401, 401]
