"""Passwords attackers try first are refused: common ones, and ones holding the address's name."""

from __future__ import annotations

import uuid

from tests.cloud.conftest import DEFAULT_PASSWORD
from tests.cloud.test_pages import can_sign_in, reset_token, reset_token_valid, text_of

COMMON = "most common passwords"
COMMON_AR = "من أكثر كلمات المرور شيوعًا"
HOLDS_NAME = "your e-mail address"


def test_common_passwords_and_the_address_name_are_refused_wherever_a_password_is_chosen(
    client, mailbox
):
    name = f"layla{uuid.uuid4().hex[:6]}"
    email = f"{name}@example.com"

    def register(password, **headers):
        return client.post(
            "/auth/register", json={"email": email, "password": password}, headers=headers
        )

    for common in ("12345678", "password", "Password1", "qwertyuiop"):
        refused = register(common)
        assert refused.status_code == 422, common
        assert COMMON in refused.json()["detail"]
        assert f'"{common}"' not in refused.text  # not echoed back
    assert COMMON_AR in register("12345678", **{"Accept-Language": "ar"}).json()["detail"]
    holding_name = register(f"{name.title()}2024!")
    assert holding_name.status_code == 422
    assert HOLDS_NAME in holding_name.json()["detail"]
    assert not can_sign_in(client, email, "12345678")

    assert register(DEFAULT_PASSWORD).status_code == 201
    token = reset_token(client, mailbox, email)
    # The API's reset and the reset page refuse them too, and the link keeps working.
    refused = client.post("/auth/reset-password", json={"token": token, "password": "password1"})
    assert refused.status_code == 422
    assert COMMON in refused.json()["detail"]
    page = client.post(
        "/reset-password",
        data={"token": token, "password": f"{name}-new", "password_repeat": f"{name}-new"},
    )
    assert page.status_code == 400
    assert HOLDS_NAME in text_of(page)
    assert reset_token_valid(client, token)
    assert can_sign_in(client, email, DEFAULT_PASSWORD)
    changed = client.post(
        "/auth/reset-password", json={"token": token, "password": "a quite new password"}
    )
    assert changed.status_code == 200
    assert can_sign_in(client, email, "a quite new password")
