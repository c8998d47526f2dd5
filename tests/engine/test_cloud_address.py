"""A cloud is reached over https:// only; plain http:// is for a cloud on this computer."""

from __future__ import annotations

import pytest

from flowin_engine.store import Store
from flowin_engine.sync import Account, CloudClient, InsecureAddress, checked_server

from .cloud_computers import flowin

# TEST-NET-1 (RFC 5737): no one's server, and nothing is sent to it anyway.
REMOTE_HTTP = "http://192.0.2.10:8800"
REFUSED = [
    REMOTE_HTTP,
    "http://cloud.flowin.example",
    "http://127.0.0.1.cloud.flowin.example",
    "ftp://cloud.flowin.example",
    "cloud.flowin.example",
    "https://",
    "",
]
ALLOWED = {
    "https://cloud.flowin.example/": "https://cloud.flowin.example",
    " https://cloud.flowin.example:8443 ": "https://cloud.flowin.example:8443",
    "http://127.0.0.1:8800": "http://127.0.0.1:8800",
    "http://localhost:8800/": "http://localhost:8800",
    "http://[::1]:8800": "http://[::1]:8800",
}


@pytest.fixture(autouse=True)
def _secrets_in_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


def test_a_plain_http_cloud_address_is_refused_with_a_sentence_but_this_computers_is_not():
    for address in REFUSED:
        with pytest.raises(InsecureAddress, match="https://"):
            CloudClient(address)
    for address, kept in ALLOWED.items():
        assert checked_server(address) == kept
        with CloudClient(address) as client:
            assert client.server == kept


def test_signing_in_to_a_plain_http_cloud_is_refused_before_anything_is_sent(tmp_path):
    with Store(tmp_path / "flowin.db") as store:
        account = Account(store)
        with pytest.raises(InsecureAddress) as refused:
            account.sign_in(REMOTE_HTTP, "shop@example.com", "a password of the shop")
        with pytest.raises(InsecureAddress):
            account.sign_in_with(REMOTE_HTTP, "google", open_browser=pytest.fail, timeout=1)
        assert "isn't one" in str(refused.value) and "127.0.0.1 or localhost" in str(refused.value)
        assert not account.signed_in and account.server is None


def test_the_command_line_refuses_a_plain_http_cloud_before_asking_for_the_password(tmp_path):
    login = flowin(
        tmp_path, "account", "login", "--server", REMOTE_HTTP, "--email", "shop@example.com"
    )
    assert login.exit_code == 2  # a FlowinError
    assert (
        f"Flowin talks to a cloud only over a secure connection, and {REMOTE_HTTP}" in login.output
    )
    assert "Password" not in login.output
    assert "Traceback" not in login.output
