"""Sign in with Google and GitHub from the desktop: the cloud brokers the provider's sign-in
(loopback redirect and PKCE, RFC 8252) against stand-in providers on a local server."""

from __future__ import annotations

import base64
import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from pytest_httpserver import HTTPServer
from sqlalchemy import update

from flowin_cloud.models import Base, OAuthSignIn
from tests.cloud.conftest import unique_email
from tests.oauth_providers import PUBLIC_URL, FakeProviders

LOOPBACK = "http://127.0.0.1:53682/flowin/callback"
DESKTOP_STATE = "desktop-state-1"
WRONG_LOGIN = "E-mail or password is wrong."


def s256(verifier: str) -> str:
    return (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    )


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


@pytest.fixture
def providers(httpserver: HTTPServer) -> FakeProviders:
    return FakeProviders(httpserver)


@pytest.fixture
def client(make_client, providers):
    """The cloud with both providers configured (sign_up and alice use it too)."""
    return make_client(**providers.settings())


class Desktop:
    """What the desktop app does: a verifier, the browser sent to the cloud, the loopback."""

    def __init__(self, client, provider: str = "google") -> None:
        self.client = client
        self.provider = provider
        self.verifier = secrets.token_urlsafe(48)

    def open_browser(self, **changes: str):
        params = {
            "redirect_uri": LOOPBACK,
            "code_challenge": s256(self.verifier),
            "code_challenge_method": "S256",
            "state": DESKTOP_STATE,
            **changes,
        }
        return self.client.get(f"/auth/{self.provider}", params=params, follow_redirects=False)

    def to_provider(self) -> dict[str, str]:
        response = self.open_browser()
        assert response.status_code == 302, response.text
        return query_of(response.headers["location"])

    def provider_returns(self, **params: str):
        return self.client.get(
            f"/auth/{self.provider}/callback", params=params, follow_redirects=False
        )

    def sign_in(self) -> dict[str, str]:
        """Through the provider (who says yes) back to the loopback; its query."""
        sent = self.to_provider()
        response = self.provider_returns(code="provider-code", state=sent["state"])
        assert response.status_code == 302, response.text
        location = response.headers["location"]
        assert location.startswith(LOOPBACK + "?")
        return query_of(location)

    def exchange(self, code: str, verifier: str | None = None):
        return self.client.post(
            "/auth/oauth/token",
            json={"code": code, "code_verifier": verifier or self.verifier},
        )


def me(client, tokens: dict[str, str]) -> dict[str, object]:
    response = client.get("/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert response.status_code == 200, response.text
    return response.json()


def verify_email(client, mailbox, email: str) -> None:
    response = client.post(
        "/auth/verify/email/confirm", json={"token": mailbox.last_token("verify-email", email)}
    )
    assert response.status_code == 200, response.text


def test_the_providers_with_a_client_id_and_secret_are_offered(client):
    assert client.get("/auth/providers").json() == {"providers": ["google", "github"]}


def test_a_provider_without_its_secret_is_left_out_and_its_page_is_a_404(make_client, providers):
    client = make_client(**{**providers.settings(), "google_client_secret": None})
    assert client.get("/auth/providers").json() == {"providers": ["github"]}

    response = Desktop(client, "google").open_browser()

    assert response.status_code == 404
    assert "location" not in response.headers
    assert "Signing in with Google is not available" in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_the_browser_goes_to_the_provider_with_the_clouds_own_state_and_pkce(client):
    desktop = Desktop(client)

    response = desktop.open_browser()

    assert response.status_code == 302
    assert response.headers["cache-control"] == "no-store"
    location = response.headers["location"]
    assert location.startswith("https://accounts.google.test/auth?")
    sent = query_of(location)
    assert sent["response_type"] == "code"
    assert sent["client_id"] == "google-client"
    assert sent["redirect_uri"] == f"{PUBLIC_URL}/auth/google/callback"
    assert sent["scope"] == "openid email profile"
    assert sent["code_challenge_method"] == "S256"
    assert len(sent["code_challenge"]) == 43
    assert sent["code_challenge"] != s256(desktop.verifier)
    assert sent["state"] not in ("", DESKTOP_STATE)
    assert "google-secret" not in location


def test_a_new_google_user_is_created_verified_and_signed_in(client, providers):
    desktop = Desktop(client)
    sent = desktop.to_provider()

    response = desktop.provider_returns(code="provider-code", state=sent["state"])

    assert response.status_code == 302
    back = query_of(response.headers["location"])
    assert set(back) == {"code", "state"}
    assert back["state"] == DESKTOP_STATE
    [token_request] = providers.token_requests
    form = token_request["form"]
    assert form["grant_type"] == "authorization_code"
    assert form["code"] == "provider-code"
    assert form["redirect_uri"] == f"{PUBLIC_URL}/auth/google/callback"
    assert form["client_id"] == "google-client"
    assert form["client_secret"] == "google-secret"
    assert s256(form["code_verifier"]) == sent["code_challenge"]
    assert token_request["accept"] == "application/json"
    assert providers.api_requests == [("/google/userinfo", "Bearer provider-access-token")]

    answer = desktop.exchange(back["code"])

    assert answer.status_code == 200, answer.text
    tokens = answer.json()
    assert tokens["token_type"] == "bearer"
    profile = me(client, tokens)
    assert profile["email"] == providers.email
    assert profile["name"] == "Layla Haddad"
    assert profile["email_verified"] is True
    refreshed = client.post("/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refreshed.status_code == 200


def test_an_existing_verified_password_account_is_signed_in_and_keeps_its_password(
    client, providers, alice
):
    providers.userinfo["email"] = alice.email.upper()
    desktop = Desktop(client)

    tokens = desktop.exchange(desktop.sign_in()["code"]).json()

    assert me(client, tokens)["id"] == me(client, alice.tokens)["id"]
    assert me(client, tokens)["has_password"] is True
    alice.login()


def test_an_unverified_account_signed_in_by_google_loses_what_its_registrant_set(
    client, providers, sign_up
):
    alice = sign_up("alice", verified=False)
    # Whoever registered the address never proved it was theirs; its owner just did.
    alice_id = me(client, alice.tokens)["id"]
    providers.userinfo["email"] = alice.email
    desktop = Desktop(client)

    tokens = desktop.exchange(desktop.sign_in()["code"]).json()

    profile = me(client, tokens)
    assert profile["id"] == alice_id
    assert profile["email_verified"] is True
    refused = client.post("/auth/login", json={"email": alice.email, "password": alice.password})
    assert refused.status_code == 401
    assert refused.json()["detail"] == WRONG_LOGIN
    old_sign_in = client.post(
        "/auth/refresh", json={"refresh_token": alice.tokens["refresh_token"]}
    )
    assert old_sign_in.status_code == 401


def test_github_uses_the_primary_verified_address(client, providers):
    primary = unique_email("octo")
    providers.github_user = {"id": 583231, "login": "octo", "name": "Octo Cat"}
    providers.github_emails = [
        {"email": unique_email("old"), "primary": False, "verified": True},
        {"email": primary, "primary": True, "verified": True},
    ]
    desktop = Desktop(client, "github")
    sent = desktop.to_provider()
    assert sent["scope"] == "read:user user:email"
    assert sent["client_id"] == "github-client"

    back = desktop.provider_returns(code="provider-code", state=sent["state"])
    tokens = desktop.exchange(query_of(back.headers["location"])["code"]).json()

    profile = me(client, tokens)
    assert profile["email"] == primary
    assert profile["name"] == "Octo Cat"
    [token_request] = providers.token_requests
    assert token_request["path"] == "/github/token"
    assert token_request["accept"] == "application/json"
    assert token_request["form"]["client_secret"] == "github-secret"
    assert token_request["form"]["redirect_uri"] == f"{PUBLIC_URL}/auth/github/callback"
    assert sorted(providers.api_requests) == [
        ("/github/api/user", "Bearer provider-access-token"),
        ("/github/api/user/emails", "Bearer provider-access-token"),
    ]


@pytest.mark.parametrize("provider", ["google", "github"])
def test_a_changed_address_at_the_provider_still_reaches_the_same_account(
    client, providers, provider
):
    first_address = unique_email("before")
    providers.userinfo["email"] = first_address
    providers.github_emails = [{"email": first_address, "primary": True, "verified": True}]
    first = Desktop(client, provider)
    before = me(client, first.exchange(first.sign_in()["code"]).json())

    later_address = unique_email("after")
    providers.userinfo["email"] = later_address
    providers.github_emails = [{"email": later_address, "primary": True, "verified": True}]
    again = Desktop(client, provider)
    after = me(client, again.exchange(again.sign_in()["code"]).json())

    assert after["id"] == before["id"]
    assert after["email"] == first_address  # the account's own address is the user's to change


def test_an_address_first_reached_by_google_then_by_github_is_one_account(client, providers):
    address = unique_email("both")
    providers.userinfo["email"] = address
    providers.github_emails = [{"email": address, "primary": True, "verified": True}]
    by_google = Desktop(client, "google")
    by_github = Desktop(client, "github")

    google_account = me(client, by_google.exchange(by_google.sign_in()["code"]).json())
    github_account = me(client, by_github.exchange(by_github.sign_in()["code"]).json())

    assert github_account["id"] == google_account["id"]


@pytest.mark.parametrize(
    ("provider", "picture"),
    [
        ("google", "https://lh3.googleusercontent.test/a/layla"),
        ("github", "https://avatars.githubusercontent.test/u/1"),
    ],
)
def test_the_providers_picture_becomes_the_profile_image(client, providers, provider, picture):
    providers.github_emails = [{"email": unique_email("octo"), "primary": True, "verified": True}]
    desktop = Desktop(client, provider)

    tokens = desktop.exchange(desktop.sign_in()["code"]).json()

    assert me(client, tokens)["image"] == picture


@pytest.mark.parametrize(
    "picture", ["javascript:alert(1)", "http://plain.test/a.png", "https://x.test/" + "a" * 2000, 7]
)
def test_a_picture_that_is_no_safe_address_is_left_out(client, providers, picture):
    providers.userinfo["picture"] = picture
    desktop = Desktop(client)

    tokens = desktop.exchange(desktop.sign_in()["code"]).json()

    assert me(client, tokens)["image"] is None


@pytest.mark.parametrize("user", [{"login": "octo"}, {"id": "583231"}, {"id": True}])
def test_a_github_user_without_a_numeric_id_is_a_provider_error(client, providers, user):
    providers.github_user = user
    providers.github_emails = [{"email": unique_email("octo"), "primary": True, "verified": True}]

    back = Desktop(client, "github").sign_in()

    assert back["error"] == "provider_error"
    assert "code" not in back


def test_a_google_answer_without_sub_is_a_provider_error(client, providers):
    del providers.userinfo["sub"]

    assert Desktop(client).sign_in()["error"] == "provider_error"


def test_github_without_a_name_uses_the_login(client, providers):
    providers.github_emails = [{"email": unique_email("octo"), "primary": True, "verified": True}]
    desktop = Desktop(client, "github")

    tokens = desktop.exchange(desktop.sign_in()["code"]).json()

    assert me(client, tokens)["name"] == "octo"


@pytest.mark.parametrize("provider", ["google", "github"])
def test_an_unverified_address_is_sent_back_as_email_not_verified(client, providers, provider):
    providers.userinfo["email_verified"] = False
    providers.github_emails = [
        {"email": unique_email("octo"), "primary": True, "verified": False},
        {"email": unique_email("other"), "primary": False, "verified": True},
    ]

    back = Desktop(client, provider).sign_in()

    assert back["error"] == "email_not_verified"
    assert back["state"] == DESKTOP_STATE
    assert "verified e-mail address" in back["error_description"]
    assert "code" not in back


def test_a_user_who_says_no_is_sent_back_as_access_denied(client, providers):
    desktop = Desktop(client)
    sent = desktop.to_provider()

    response = desktop.provider_returns(error="access_denied", state=sent["state"])

    assert response.status_code == 302
    back = query_of(response.headers["location"])
    assert back["error"] == "access_denied"
    assert back["state"] == DESKTOP_STATE
    assert back["error_description"].startswith("You did not allow Flowin")
    assert providers.token_requests == []


def test_a_code_the_provider_refuses_is_sent_back_as_provider_error(client, providers):
    providers.token_status = 400
    providers.token_answer = {"error": "invalid_grant", "error_description": "Bad Request"}

    back = Desktop(client).sign_in()

    assert back["error"] == "provider_error"
    assert back["state"] == DESKTOP_STATE
    assert back["error_description"] == "Google could not confirm the sign-in; please try again."


def test_githubs_error_in_a_200_answer_is_a_provider_error(client, providers):
    # GitHub answers a bad code with 200 and an "error" field.
    providers.token_status = 200
    providers.token_answer = {"error": "bad_verification_code"}

    back = Desktop(client, "github").sign_in()

    assert back["error"] == "provider_error"


def test_an_unreachable_provider_is_a_provider_error(make_client, providers):
    settings = {**providers.settings(), "google_token_url": "http://127.0.0.1:9/token"}
    client = make_client(**settings)

    back = Desktop(client).sign_in()

    assert back["error"] == "provider_error"
    assert back["state"] == DESKTOP_STATE


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "https://127.0.0.1:53682/callback",
        "http://evil.example:53682/callback",
        "http://127.0.0.1/callback",
        "http://127.0.0.1:53682@evil.example/callback",
        "http://evil.example@127.0.0.1:53682/callback",
        "http://localhost.evil.example:53682/callback",
        "http://127.0.0.1:53682\\@evil.example/",
        "http://127.0.0.1:53682/callback?next=https://evil.example",
        "http://127.0.0.1:53682/callback#fragment",
        "http://127.0.0.1:99999/callback",
        "http://127.0.0.2:53682/callback",
        "//127.0.0.1:53682/callback",
        "",
    ],
)
def test_a_redirect_address_that_is_not_loopback_gets_a_page_and_no_redirect(client, redirect_uri):
    response = Desktop(client).open_browser(redirect_uri=redirect_uri)

    assert response.status_code == 400
    assert "location" not in response.headers
    assert response.headers["content-type"].startswith("text/html")
    assert "The sign-in request is not valid" in response.text


@pytest.mark.parametrize(
    "redirect_uri",
    ["http://localhost:1/", "http://[::1]:65535/cb", "http://127.0.0.1:8080"],
)
def test_every_loopback_form_is_accepted(client, redirect_uri):
    response = Desktop(client).open_browser(redirect_uri=redirect_uri)

    assert response.status_code == 302


@pytest.mark.parametrize(
    "changes",
    [
        {"code_challenge": ""},
        {"code_challenge": "too-short"},
        {"code_challenge_method": "plain"},
        {"code_challenge_method": ""},
        {"state": ""},
    ],
)
def test_a_sign_in_without_an_s256_challenge_or_a_state_is_refused(client, changes):
    response = Desktop(client).open_browser(**changes)

    assert response.status_code == 400
    assert "location" not in response.headers


def test_an_unknown_state_gets_a_page_in_the_browsers_language(client):
    response = client.get(
        "/auth/google/callback",
        params={"code": "provider-code", "state": "made-up"},
        headers={"Accept-Language": "ar,en;q=0.5"},
        follow_redirects=False,
    )

    assert response.status_code == 400
    assert "location" not in response.headers
    assert 'lang="ar"' in response.text
    assert "ارجع إلى Flowin" in response.text
    assert response.headers["x-frame-options"] == "DENY"


def test_a_state_works_once_and_only_with_its_provider(client, providers):
    desktop = Desktop(client)
    sent = desktop.to_provider()

    elsewhere = client.get(
        "/auth/github/callback",
        params={"code": "provider-code", "state": sent["state"]},
        follow_redirects=False,
    )
    first = desktop.provider_returns(code="provider-code", state=sent["state"])
    again = desktop.provider_returns(code="provider-code", state=sent["state"])

    assert elsewhere.status_code == 400
    assert first.status_code == 302
    assert again.status_code == 400
    assert "already finished" in again.text
    assert len(providers.token_requests) == 1


def test_a_sign_in_left_for_more_than_ten_minutes_has_expired(client):
    desktop = Desktop(client)
    sent = desktop.to_provider()
    _age_sign_ins(client, expires_at=datetime.now(UTC) - timedelta(seconds=1))

    response = desktop.provider_returns(code="provider-code", state=sent["state"])

    assert response.status_code == 400
    assert "location" not in response.headers


def test_a_wrong_verifier_uses_the_code_up(client):
    desktop = Desktop(client)
    code = desktop.sign_in()["code"]

    wrong = desktop.exchange(code, verifier=secrets.token_urlsafe(48))
    right = desktop.exchange(code)

    assert wrong.status_code == 400
    assert "code verifier does not match" in wrong.json()["detail"]
    assert right.status_code == 400
    assert right.json()["detail"] == (
        "This sign-in code is wrong, used or expired; please sign in again."
    )


def test_a_code_works_once(client):
    desktop = Desktop(client)
    code = desktop.sign_in()["code"]

    first = desktop.exchange(code)
    second = desktop.exchange(code)

    assert first.status_code == 200
    assert second.status_code == 400
    assert "used or expired" in second.json()["detail"]


def test_a_code_expires_after_two_minutes(client):
    desktop = Desktop(client)
    code = desktop.sign_in()["code"]
    _age_sign_ins(client, grant_expires_at=datetime.now(UTC) - timedelta(seconds=1))

    assert desktop.exchange(code).status_code == 400


def test_a_made_up_code_or_a_malformed_verifier_is_refused(client):
    desktop = Desktop(client)

    assert desktop.exchange("made-up").status_code == 400
    assert desktop.exchange("made-up", verifier="short").status_code == 422


def test_an_account_made_by_google_has_no_password_until_it_resets_one(client, providers, mailbox):
    desktop = Desktop(client)
    by_google = desktop.exchange(desktop.sign_in()["code"]).json()
    email = providers.email
    assert me(client, by_google)["has_password"] is False

    for password in ("", "x" * 8, "correct horse battery staple"):
        refused = client.post("/auth/login", json={"email": email, "password": password})
        assert refused.status_code == 401
        assert refused.json()["detail"] == WRONG_LOGIN

    assert client.post("/auth/forgot-password", json={"email": email}).status_code == 200
    token = mailbox.last_token("reset-password", email)
    reset = client.post(
        "/auth/reset-password", json={"token": token, "password": "a new password 42"}
    )
    assert reset.status_code == 200
    signed_in = client.post("/auth/login", json={"email": email, "password": "a new password 42"})
    assert signed_in.status_code == 200
    assert me(client, signed_in.json())["has_password"] is True


def test_an_account_with_two_factor_sign_in_gets_the_challenge(client, providers, alice, mailbox):
    enabled = client.post(
        "/auth/2fa/enable",
        json={"method": "email", "password": alice.password},
        headers=alice.headers,
    )
    assert enabled.status_code == 200, enabled.text
    providers.userinfo["email"] = alice.email
    desktop = Desktop(client)

    answer = desktop.exchange(desktop.sign_in()["code"])

    assert answer.status_code == 200
    challenge = answer.json()
    assert challenge["two_factor_required"] is True
    assert challenge["method"] == "email"
    assert "access_token" not in challenge
    verified = client.post(
        "/auth/2fa/verify",
        json={"challenge": challenge["challenge"], "code": mailbox.last_token("2fa", alice.email)},
    )
    assert verified.status_code == 200
    assert me(client, verified.json())["email"] == alice.email


def test_the_browser_routes_are_not_in_the_api_schema(client):
    paths = client.get("/openapi.json").json()["paths"]

    assert "/auth/providers" in paths
    assert "/auth/oauth/token" in paths
    assert not any(path.startswith(("/auth/google", "/auth/github")) for path in paths)


def test_other_auth_paths_keep_their_own_answers(client):
    assert client.get("/auth/login").status_code == 405
    assert client.get("/auth/facebook").status_code == 404


def test_the_migrations_match_the_tables(client):
    with client.app.state.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)

    assert differences == []


def _age_sign_ins(client, **values: datetime) -> None:
    with client.app.state.cloud.sessions() as session:
        session.execute(update(OAuthSignIn).values(**values))
        session.commit()
