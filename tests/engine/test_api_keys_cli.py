"""``flowin account keys``, end to end against a real flowin-cloud: the keys it makes open the
cloud's public API, switch off and on, and go away."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from flowin_engine.store import Store
from flowin_engine.sync.account import ACCOUNT_SETTING
from tests.cloud_server import DEFAULT_PASSWORD, cloud_server, free_port  # noqa: F401 (a fixture)

from .cloud_computers import flowin, new_email, sign_in_from_cli

SIGNED_OUT = "This computer isn't signed in to a Flowin cloud account; sign in to sync flows."


@pytest.fixture(autouse=True)
def _secrets_in_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never the keyring of the machine running the tests."""
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


@pytest.fixture
def computer(tmp_path, cloud_server):  # noqa: F811 (the imported fixture)
    """A data folder signed in from the command line to a new account, its address verified
    (only verified accounts may have keys)."""
    email = new_email()
    sign_in_from_cli(tmp_path, cloud_server.url, email, register=True)
    token = cloud_server.last_token("verify-email", email)
    confirmed = httpx.post(cloud_server.url + "/auth/verify/email/confirm", json={"token": token})
    confirmed.raise_for_status()
    return tmp_path


def create(data_dir: Path, name: str, *options: str) -> str:
    """Creates a key from the command line; returns the whole key it printed."""
    result = flowin(data_dir, "account", "keys", "create", name, *options)
    assert result.exit_code == 0, result.output
    return whole_key(result.output)


def whole_key(output: str) -> str:
    match = re.search(r"^\s+(flw_\S+)$", output, re.MULTILINE)
    assert match, output
    return match.group(1)


def flows_status(server_url: str, key: str) -> int:
    answer = httpx.get(server_url + "/api/flows", headers={"Authorization": f"Bearer {key}"})
    return answer.status_code


def test_a_created_key_opens_the_api_and_lists_masked(computer, cloud_server):  # noqa: F811
    empty = flowin(computer, "account", "keys", "list")
    assert empty.exit_code == 0, empty.output
    assert "No API keys yet. Create one with: flowin account keys create NAME" in empty.output

    created = flowin(computer, "account", "keys", "create", "Zapier", "--expires-in-days", "30")
    assert created.exit_code == 0, created.output
    key = whole_key(created.output)
    assert "will not be shown again" in created.output
    assert f'curl -H "Authorization: Bearer <key>" {cloud_server.url}/api/flows' in created.output
    listed = flowin(computer, "account", "keys", "list")
    assert listed.exit_code == 0, listed.output
    assert key not in listed.output
    row = next(line for line in listed.output.splitlines() if line.startswith("Zapier"))
    assert f"{key[:8]}...{key[-4:]}" in row
    assert " on " in row
    assert row.rstrip().endswith("never") and row.count("never") == 1  # expires: in 30 days

    assert flows_status(cloud_server.url, key) == 200
    used = flowin(computer, "account", "keys", "list").output
    assert key not in used
    assert "never" not in next(line for line in used.splitlines() if line.startswith("Zapier"))


def test_off_refuses_the_key_and_on_lets_it_in_again(computer, cloud_server):  # noqa: F811
    key = create(computer, "Reports")

    off = flowin(computer, "account", "keys", "off", "Reports")
    assert off.exit_code == 0, off.output
    assert "'Reports' is off" in off.output
    assert flows_status(cloud_server.url, key) == 401
    again = flowin(computer, "account", "keys", "off", key[:8])
    assert again.exit_code == 0, again.output
    assert "'Reports' is off" in again.output
    assert flows_status(cloud_server.url, key) == 401

    on = flowin(computer, "account", "keys", "on", key[:8])
    assert on.exit_code == 0, on.output
    assert "'Reports' is on" in on.output
    assert flows_status(cloud_server.url, key) == 200


def test_delete_by_name_asks_first_and_with_yes_removes_the_key(computer, cloud_server):  # noqa: F811
    key = create(computer, "Old script")

    kept = flowin(computer, "account", "keys", "delete", "Old script", input="n\n")
    assert kept.exit_code == 1, kept.output
    assert "Delete the API key 'Old script'" in kept.output
    assert flows_status(cloud_server.url, key) == 200

    deleted = flowin(computer, "account", "keys", "delete", "Old script", "--yes")
    assert deleted.exit_code == 0, deleted.output
    assert "Deleted the API key 'Old script'." in deleted.output
    assert flows_status(cloud_server.url, key) == 401
    assert "No API keys yet" in flowin(computer, "account", "keys", "list").output


def test_a_sixth_key_is_refused_with_the_servers_sentence(computer):
    for number in range(5):
        create(computer, f"Key {number}")

    sixth = flowin(computer, "account", "keys", "create", "One too many")

    assert sixth.exit_code == 1, sixth.output
    assert "You already have 5 API keys, the most an account can have; delete one first." in (
        sixth.output
    )
    assert "Traceback" not in sixth.output


def test_an_unknown_or_ambiguous_reference_names_the_keys(computer):
    first = create(computer, "Zapier")
    create(computer, "Make")
    create(computer, "Make")

    unknown = flowin(computer, "account", "keys", "off", "Nope")
    assert unknown.exit_code == 2, unknown.output
    assert "There is no API key 'Nope'" in unknown.output
    assert "'Zapier'" in unknown.output and "'Make'" in unknown.output
    assert first not in unknown.output

    ambiguous = flowin(computer, "account", "keys", "delete", "Make", "--yes")
    assert ambiguous.exit_code == 2, ambiguous.output
    assert "'Make' matches 2 API keys" in ambiguous.output
    assert len(re.findall(r"'Make' \(flw_", ambiguous.output)) == 2


def test_signed_out_says_so_like_sync(computer):
    assert flowin(computer, "account", "logout").exit_code == 0
    sync = flowin(computer, "sync")

    for args in (("list",), ("create", "Zapier"), ("off", "Zapier"), ("delete", "Zapier")):
        result = flowin(computer, "account", "keys", *args)
        assert result.exit_code == sync.exit_code == 2, result.output
        assert SIGNED_OUT in result.output
        assert SIGNED_OUT in sync.output
        assert "Traceback" not in result.output


def test_offline_says_what_sync_says(computer):
    with Store(computer / "flowin.db") as store:
        setting = store.get_setting(ACCOUNT_SETTING)
        store.set_setting(ACCOUNT_SETTING, {**setting, "server": f"http://127.0.0.1:{free_port()}"})
    sync = flowin(computer, "sync")
    assert "can't reach" in sync.output

    result = flowin(computer, "account", "keys", "list")

    assert result.exit_code == 2, result.output
    assert result.output.strip() == sync.output.strip()


def test_an_unverified_account_is_told_to_verify_before_keys_or_two_step(
    tmp_path,
    cloud_server,  # noqa: F811
):
    sign_in_from_cli(tmp_path, cloud_server.url, new_email(), register=True)

    key = flowin(tmp_path, "account", "keys", "create", "Zapier")
    two_step = flowin(
        tmp_path, "account", "two-step", "on", "--password-stdin", input=DEFAULT_PASSWORD + "\n"
    )

    for refused in (key, two_step):
        assert refused.exit_code == 1, refused.output
        assert "Verify your e-mail address first: open the link we sent to" in refused.output
        assert "password" not in refused.output.split("first:")[0].lower()
