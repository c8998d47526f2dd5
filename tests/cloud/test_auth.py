"""Registering, signing in, refreshing, signing out and the profile."""

from __future__ import annotations

from flowin_cloud import Settings
from flowin_cloud.security import check_password, hash_password
from tests.cloud.conftest import unique_email


def test_register_then_login_gives_a_token_pair_that_reads_the_profile(client):
    email = unique_email()
    registered = client.post(
        "/auth/register", json={"email": email, "password": "s3cret-pass", "name": "Layla"}
    )
    assert registered.status_code == 201
    login = client.post("/auth/login", json={"email": email, "password": "s3cret-pass"})
    assert login.status_code == 200
    tokens = login.json()
    assert tokens["token_type"] == "bearer"
    assert tokens["expires_in"] == 15 * 60
    me = client.get("/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert me.status_code == 200
    profile = me.json()
    assert profile["email"] == email
    assert profile["name"] == "Layla"
    assert profile["plan"] == "free"
    assert profile["email_verified"] is False
    assert profile["two_factor_enabled"] is False
    assert profile["last_login"] is not None
    assert profile["statistics"] == {"flows_count": 0, "executions_count": 0}


def test_register_answers_the_same_for_a_known_email_and_warns_its_owner(client, alice, mailbox):
    new = client.post("/auth/register", json={"email": unique_email(), "password": "another-pass"})
    known = client.post("/auth/register", json={"email": alice.email, "password": "another-pass"})
    assert (known.status_code, known.json()) == (new.status_code, new.json())
    assert mailbox.of("signup-attempt", alice.email)
    # The owner's password did not change.
    assert alice.login()["access_token"]


def test_email_addresses_are_matched_without_case(client, alice):
    response = client.post(
        "/auth/login", json={"email": alice.email.upper(), "password": alice.password}
    )
    assert response.status_code == 200


def test_register_refuses_a_short_password_with_a_clear_422(client):
    response = client.post("/auth/register", json={"email": unique_email(), "password": "short"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "password"]


def test_wrong_password_and_unknown_email_get_the_same_401(client, alice):
    wrong = client.post("/auth/login", json={"email": alice.email, "password": "not the password"})
    unknown = client.post(
        "/auth/login", json={"email": unique_email(), "password": "not the password"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json() == {"detail": "E-mail or password is wrong."}


def test_me_without_a_token_or_with_a_forged_one_is_401(client):
    assert client.get("/auth/me").status_code == 401
    forged = client.get("/auth/me", headers={"Authorization": "Bearer eyJhbGciOiJub25lIn0.e30."})
    assert forged.status_code == 401


def test_an_expired_access_token_is_401(make_client, alice):
    import jwt

    expired = jwt.encode(
        {"sub": "x", "sid": "y", "typ": "access", "exp": 1},
        "a test secret that is long enough for HS256 tokens",
        algorithm="HS256",
    )
    assert (
        alice.client.get("/auth/me", headers={"Authorization": f"Bearer {expired}"}).status_code
        == 401
    )


def test_refresh_gives_a_new_pair_and_the_old_refresh_token_stops_working(client, alice):
    old = alice.tokens["refresh_token"]
    response = client.post("/auth/refresh", json={"refresh_token": old})
    assert response.status_code == 200
    new = response.json()
    assert new["refresh_token"] != old
    assert (
        client.get(
            "/auth/me", headers={"Authorization": f"Bearer {new['access_token']}"}
        ).status_code
        == 200
    )
    assert client.post("/auth/refresh", json={"refresh_token": old}).status_code == 401


def test_reusing_a_used_refresh_token_revokes_the_whole_sign_in(client, alice):
    stolen = alice.tokens["refresh_token"]
    legitimate = client.post("/auth/refresh", json={"refresh_token": stolen}).json()
    assert client.post("/auth/refresh", json={"refresh_token": stolen}).status_code == 401
    # The newer token of the same sign-in no longer works either.
    assert (
        client.post(
            "/auth/refresh", json={"refresh_token": legitimate["refresh_token"]}
        ).status_code
        == 401
    )


def test_reuse_in_one_sign_in_leaves_other_sign_ins_alone(client, alice):
    first = alice.tokens["refresh_token"]
    second_sign_in = alice.login()
    client.post("/auth/refresh", json={"refresh_token": first})
    client.post("/auth/refresh", json={"refresh_token": first})
    assert (
        client.post(
            "/auth/refresh", json={"refresh_token": second_sign_in["refresh_token"]}
        ).status_code
        == 200
    )


def test_logout_ends_the_sign_in_of_the_access_token(client, alice):
    response = client.post("/auth/logout", headers=alice.headers)
    assert response.status_code == 204
    assert (
        client.post(
            "/auth/refresh", json={"refresh_token": alice.tokens["refresh_token"]}
        ).status_code
        == 401
    )


def test_after_logout_the_access_token_is_refused_at_once(client, alice):
    first = alice.headers
    alice.login()
    other = alice.headers
    assert client.get("/auth/me", headers=first).status_code == 200
    client.post("/auth/logout", headers=first)
    assert client.get("/auth/me", headers=first).status_code == 401
    assert client.get("/api/flows", headers=first).status_code == 401
    assert client.get("/auth/me", headers=other).status_code == 200


def test_a_copied_refresh_token_also_ends_the_access_token_of_its_sign_in(client, alice):
    stolen = alice.tokens["refresh_token"]
    newer = client.post("/auth/refresh", json={"refresh_token": stolen}).json()
    newer_headers = {"Authorization": f"Bearer {newer['access_token']}"}
    assert client.get("/auth/me", headers=newer_headers).status_code == 200
    client.post("/auth/refresh", json={"refresh_token": stolen})
    assert client.get("/auth/me", headers=newer_headers).status_code == 401


def test_logout_needs_an_access_token(client):
    assert client.post("/auth/logout").status_code == 401


def test_a_refresh_token_is_not_an_access_token(client, alice):
    headers = {"Authorization": f"Bearer {alice.tokens['refresh_token']}"}
    assert client.get("/auth/me", headers=headers).status_code == 401


def test_passwords_are_hashed_with_bcrypt_cost_12_by_default(monkeypatch):
    monkeypatch.delenv("FLOWIN_CLOUD_BCRYPT_ROUNDS", raising=False)
    rounds = Settings().bcrypt_rounds
    assert rounds == 12
    hashed = hash_password("correct horse battery", rounds)
    assert hashed.startswith("$2b$12$")
    assert check_password("correct horse battery", hashed)


def test_a_128_character_password_in_arabic_works(client):
    email = unique_email()
    password = "كلمة" * 32  # 128 characters, 256 bytes: more than bcrypt reads
    assert (
        client.post("/auth/register", json={"email": email, "password": password}).status_code
        == 201
    )
    assert (
        client.post("/auth/login", json={"email": email, "password": password}).status_code == 200
    )
    other = "كلمة" * 31 + "كلمx"
    assert client.post("/auth/login", json={"email": email, "password": other}).status_code == 401
