"""Forgotten passwords: a single-use link valid for an hour."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flowin_cloud.models import OneTimeCode
from tests.cloud.conftest import unique_email

NEW_PASSWORD = "a brand new password"


def ask_reset(client, email):
    return client.post("/auth/forgot-password", json={"email": email})


def test_forgot_password_answers_the_same_for_an_unknown_address(client, alice, mailbox):
    known = ask_reset(client, alice.email)
    stranger = unique_email()
    unknown = ask_reset(client, stranger)
    assert (known.status_code, known.json()) == (unknown.status_code, unknown.json())
    assert mailbox.of("reset-password", alice.email)
    assert mailbox.of("reset-password", stranger) == []


def test_a_reset_token_sets_a_new_password_and_signs_out_everywhere(client, alice, mailbox):
    ask_reset(client, alice.email)
    token = mailbox.last_token("reset-password", alice.email)
    assert client.get("/auth/validate-reset-token", params={"token": token}).json() == {
        "valid": True
    }
    reset = client.post("/auth/reset-password", json={"token": token, "password": NEW_PASSWORD})
    assert reset.status_code == 200
    assert (
        client.post(
            "/auth/login", json={"email": alice.email, "password": alice.password}
        ).status_code
        == 401
    )
    assert (
        client.post(
            "/auth/login", json={"email": alice.email, "password": NEW_PASSWORD}
        ).status_code
        == 200
    )
    assert (
        client.post(
            "/auth/refresh", json={"refresh_token": alice.tokens["refresh_token"]}
        ).status_code
        == 401
    )
    assert client.get("/auth/me", headers=alice.headers).status_code == 401


def test_a_reset_token_works_once(client, alice, mailbox):
    ask_reset(client, alice.email)
    token = mailbox.last_token("reset-password", alice.email)
    client.post("/auth/reset-password", json={"token": token, "password": NEW_PASSWORD})
    again = client.post(
        "/auth/reset-password", json={"token": token, "password": "yet another one"}
    )
    assert again.status_code == 400
    assert client.get("/auth/validate-reset-token", params={"token": token}).json() == {
        "valid": False
    }


def test_a_reset_token_expires_after_an_hour(client, alice, mailbox):
    ask_reset(client, alice.email)
    token = mailbox.last_token("reset-password", alice.email)
    with client.app.state.cloud.sessions() as session:
        row = (
            session.query(OneTimeCode).filter_by(purpose="reset-password", target=alice.email).one()
        )
        assert row.expires_at - row.created_at == timedelta(hours=1)
        row.expires_at = datetime.now(UTC) - timedelta(seconds=1)
        session.commit()
    assert client.get("/auth/validate-reset-token", params={"token": token}).json() == {
        "valid": False
    }
    assert (
        client.post(
            "/auth/reset-password", json={"token": token, "password": NEW_PASSWORD}
        ).status_code
        == 400
    )


def test_a_made_up_reset_token_is_400(client):
    response = client.post(
        "/auth/reset-password", json={"token": "made-up", "password": NEW_PASSWORD}
    )
    assert response.status_code == 400
    assert "ask for a new one" in response.json()["detail"]
