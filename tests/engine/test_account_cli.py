"""``flowin account status|verify-email|two-step|delete``, end to end against a real
flowin-cloud: the password is asked again for each change, backup codes are printed once."""

from __future__ import annotations

import io
import re
import sqlite3
from datetime import UTC, datetime, timedelta

import httpx
import pyotp
import pytest

from flowin_cloud.security import SecretBox
from flowin_engine.store import Store
from tests.cloud_server import DEFAULT_PASSWORD, cloud_server  # noqa: F401 (a fixture)

from .cloud_computers import flowin, greeting, new_email, sign_in_from_cli

PASSWORD = DEFAULT_PASSWORD + "\n"


@pytest.fixture(autouse=True)
def _secrets_in_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never the keyring of the machine running the tests."""
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


@pytest.fixture
def signed_in(tmp_path, cloud_server):  # noqa: F811 (the imported fixture)
    """A data folder signed in from the command line to a new account, and its e-mail."""
    email = new_email()
    sign_in_from_cli(tmp_path / "here", cloud_server.url, email, register=True)
    return tmp_path / "here", email


def backup_codes(output: str) -> list[str]:
    return re.findall(r"^ {4}(\S+)$", output, re.MULTILINE)


def test_the_address_is_verified_from_a_new_link(signed_in, cloud_server):  # noqa: F811
    here, email = signed_in
    assert "isn't verified yet" in flowin(here, "account", "status").output

    sent = flowin(here, "account", "verify-email")

    assert sent.exit_code == 0, sent.output
    assert "new link is on its way" in sent.output
    first, newest = cloud_server.wait_for_codes("verify-email", email, 2)
    confirm = httpx.post(cloud_server.url + "/auth/verify/email/confirm", json={"token": first})
    assert confirm.status_code == 400  # the older link stopped working
    confirm = httpx.post(cloud_server.url + "/auth/verify/email/confirm", json={"token": newest})
    assert confirm.status_code == 200
    assert "isn't verified" not in flowin(here, "account", "status").output


def test_two_step_sign_in_on_with_its_codes_then_new_codes_then_off(
    signed_in,
    cloud_server,  # noqa: F811
    tmp_path,
):
    here, email = signed_in
    token = cloud_server.last_token("verify-email", email)
    httpx.post(cloud_server.url + "/auth/verify/email/confirm", json={"token": token})
    assert "Two-step sign-in is off." in flowin(here, "account", "status").output

    wrong = flowin(here, "account", "two-step", "on", "--password-stdin", input="nope-nope\n")
    assert wrong.exit_code == 1
    assert "password is wrong" in wrong.output

    on = flowin(here, "account", "two-step", "on", "--password-stdin", input=PASSWORD)
    assert on.exit_code == 0, on.output
    codes = backup_codes(on.output)
    assert len(codes) == 10 and "shown only now" in on.output
    assert "on (codes by e-mail; 10 backup codes left)" in flowin(here, "account", "status").output

    # Another computer signing in is asked for a code; a backup code answers it.
    there = tmp_path / "there"
    login = flowin(
        there, "account", "login", "--server", cloud_server.url, "--email", email,
        input=f"{DEFAULT_PASSWORD}\n{codes[0]}\n",
    )  # fmt: skip
    assert login.exit_code == 0, login.output
    assert "The 6-digit code sent to your e-mail" in login.output

    renewed = flowin(here, "account", "two-step", "codes", "--password-stdin", input=PASSWORD)
    assert renewed.exit_code == 0, renewed.output
    assert set(backup_codes(renewed.output)).isdisjoint(codes)

    off = flowin(here, "account", "two-step", "off", "--password-stdin", input=PASSWORD)
    assert off.exit_code == 0, off.output
    assert "Two-step sign-in is off." in flowin(here, "account", "status").output


def test_deleting_the_account_asks_then_keeps_the_flows_here(signed_in, cloud_server):  # noqa: F811
    here, email = signed_in
    flow = greeting()
    with Store(here / "flowin.db") as store:
        store.flows.save(flow)

    kept = flowin(here, "account", "delete", input="n\n")
    assert kept.exit_code == 1  # aborted: nothing asked of the cloud
    assert f"as {email}" in flowin(here, "account", "status").output

    deleted = flowin(here, "account", "delete", "--yes", "--password-stdin", input=PASSWORD)

    assert deleted.exit_code == 0, deleted.output
    assert f"Deleted the cloud account {email}" in deleted.output
    assert "isn't signed in" in flowin(here, "account", "status").output
    with Store(here / "flowin.db") as store:
        assert store.flows.get(flow.id).name == flow.name
    login = httpx.post(
        cloud_server.url + "/auth/login", json={"email": email, "password": DEFAULT_PASSWORD}
    )
    assert login.status_code == 401


class TypedLater(io.RawIOBase):
    """Standard input whose lines are typed one at a time, each made only when the command
    reads it (a callable line is called then), as a person reads the screen before typing."""

    def __init__(self, *lines):
        self._lines = list(lines)

    def readable(self):
        return True

    def readinto(self, buffer):
        if not self._lines or not len(buffer):  # read(0) only asks whether it reads bytes
            return 0
        line = self._lines.pop(0)
        data = ((line() if callable(line) else line) + "\n").encode()
        buffer[: len(data)] = data
        return len(data)


def app_secret(cloud_server, email):  # noqa: F811
    """The account's authenticator-app secret, read from the cloud's database with its key."""
    with sqlite3.connect(cloud_server.database) as database:
        (sealed,) = database.execute(
            "SELECT totp_secret FROM users WHERE email = ?", (email,)
        ).fetchone()
    key = (cloud_server.folder / "data-key").read_text().strip()
    return SecretBox(key).open(sealed)


def test_two_step_sign_in_with_an_authenticator_app_shows_its_qr_code_and_key(
    signed_in,
    cloud_server,  # noqa: F811
    tmp_path,
):
    here, email = signed_in
    token = cloud_server.last_token("verify-email", email)  # only verified accounts have two-step
    httpx.post(cloud_server.url + "/auth/verify/email/confirm", json={"token": token})
    on = flowin(
        here, "account", "two-step", "on", "--method", "app", "--password-stdin",
        input=TypedLater(
            DEFAULT_PASSWORD,
            "123",  # mistyped: asked again
            lambda: pyotp.TOTP(app_secret(cloud_server, email)).now(),
        ),
    )  # fmt: skip
    assert on.exit_code == 0, on.output
    secret = app_secret(cloud_server, email)
    assert f"    {secret[:4]} {secret[4:8]} " in on.output
    assert f"otpauth://totp/Flowin:{email.replace('@', '%40')}?secret={secret}" in on.output
    assert "▀" in on.output or "█" in on.output  # the QR code, drawn with block characters
    assert "That code is wrong" in on.output
    assert len(backup_codes(on.output)) == 10
    assert (
        "on (codes by authenticator app; 10 backup codes left)"
        in flowin(here, "account", "status").output
    )

    later = pyotp.TOTP(secret).at(datetime.now(UTC) + timedelta(seconds=30))
    login = flowin(
        tmp_path / "there", "account", "login", "--server", cloud_server.url, "--email", email,
        input=f"{DEFAULT_PASSWORD}\n{later}\n",
    )  # fmt: skip
    assert login.exit_code == 0, login.output
    assert "The 6-digit code your authenticator app shows" in login.output
