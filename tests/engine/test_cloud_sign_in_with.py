"""Signing this computer in with Google through the browser: a real flowin-cloud process, a
Google stand-in on a local server, and a scripted browser that follows the redirects as a person
clicking "Allow" would."""

from __future__ import annotations

import webbrowser
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from flowin_engine.oauth import OAuthError
from flowin_engine.sync import CloudClient
from tests.cloud_server import CloudServer
from tests.oauth_providers import FakeProviders

from .cloud_computers import Computer, flowin, register


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


@pytest.fixture
def providers(httpserver) -> FakeProviders:
    return FakeProviders(httpserver)


@pytest.fixture
def cloud(tmp_path, providers):
    server = CloudServer(tmp_path / "cloud")
    server.configure(providers.env(server.url))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def computer(tmp_path):
    computer = Computer(tmp_path / "computer")
    yield computer
    computer.close()


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def browser(cloud: CloudServer, choice: str = "allow"):
    """Opens the sign-in URL: the cloud sends it to Google, "Google" sends it back to the
    cloud's callback with a code (or the user's refusal), the cloud sends it to this computer."""
    visited: list[str] = []

    def open_url(url: str) -> None:
        visited.append(url)
        to_google = httpx.get(url)
        assert to_google.status_code == 302, to_google.text
        state = query_of(to_google.headers["location"])["state"]
        answer = {"code": "provider-code"} if choice == "allow" else {"error": "access_denied"}
        callback = f"{cloud.url}/auth/google/callback?{urlencode({**answer, 'state': state})}"
        back_home = httpx.get(callback)
        assert back_home.status_code == 302, back_home.text
        visited.append(back_home.headers["location"])
        httpx.get(back_home.headers["location"])

    open_url.visited = visited  # type: ignore[attr-defined]
    return open_url


def test_google_sign_in_in_the_browser_signs_this_computer_in(computer, cloud, providers):
    with CloudClient(cloud.url) as client:
        assert client.sign_in_providers() == ["google", "github"]
    opened = browser(cloud)

    pending = computer.account.sign_in_with(cloud.url, "google", open_browser=opened, timeout=10)

    assert pending is None
    assert computer.account.signed_in
    assert computer.account.email == providers.email
    assert opened.visited[1].startswith("http://127.0.0.1:")  # back to this computer only
    with computer.account.client() as client:
        assert client.me()["email"] == providers.email
    computer.sync()  # the sign-in works for syncing


def test_an_existing_account_is_signed_in_by_google_with_its_address(computer, cloud, providers):
    register(cloud, providers.email)
    token = cloud.last_token("verify-email", providers.email)
    httpx.post(cloud.url + "/auth/verify/email/confirm", json={"token": token}).raise_for_status()

    computer.account.sign_in_with(cloud.url, "google", open_browser=browser(cloud), timeout=10)

    with computer.account.client() as client:
        assert client.me()["email"] == providers.email


def test_saying_no_in_the_browser_signs_nothing_in(computer, cloud):
    with pytest.raises(OAuthError, match="access was not allowed"):
        computer.account.sign_in_with(
            cloud.url, "google", open_browser=browser(cloud, choice="deny"), timeout=10
        )
    assert not computer.account.signed_in


def test_a_browser_left_alone_times_out_with_a_sentence(computer, cloud):
    with pytest.raises(OAuthError, match="took longer than 1 seconds"):
        computer.account.sign_in_with(cloud.url, "google", open_browser=lambda _: None, timeout=1)
    assert not computer.account.signed_in


def test_a_cloud_without_providers_offers_no_other_sign_in(tmp_path):
    server = CloudServer(tmp_path / "plain").start()
    try:
        with CloudClient(server.url) as client:
            assert client.sign_in_providers() == []
    finally:
        server.stop()


def test_flowin_account_login_with_google(tmp_path, cloud, providers, monkeypatch):
    monkeypatch.setattr(webbrowser, "open", browser(cloud))

    result = flowin(
        tmp_path / "data", "account", "login", "--server", cloud.url, "--with", "google"
    )

    assert result.exit_code == 0, result.output
    assert "Opening your browser to sign in with Google" in result.output
    assert f"Signed in to {cloud.url} as {providers.email}" in result.output
