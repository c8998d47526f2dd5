"""Where the account is signed in, from the engine and ``flowin account sessions``, against a
real flowin-cloud: each app names itself, and a sign-in ended elsewhere is signed out here."""

from __future__ import annotations

import platform

import pytest

from flowin_engine.credentials import EncryptedFileSecrets
from flowin_engine.store import Store
from flowin_engine.sync import DESKTOP_APP, Account, SignedOut
from tests.cloud_server import DEFAULT_PASSWORD, cloud_server  # noqa: F401 (a fixture)

from .cloud_computers import flowin, new_email, sign_in_from_cli

SYSTEM = {"Darwin": "macOS"}.get(platform.system(), platform.system())


@pytest.fixture(autouse=True)
def _secrets_in_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


def desktop_signed_in(folder, server: str, email: str) -> Account:
    folder.mkdir(parents=True, exist_ok=True)
    account = Account(Store(folder / "flowin.db"), EncryptedFileSecrets(folder), app=DESKTOP_APP)
    assert account.sign_in(server, email, DEFAULT_PASSWORD) is None
    return account


def test_sign_ins_are_listed_by_app_and_ended_one_by_one_or_all_but_this_one(
    tmp_path,
    cloud_server,  # noqa: F811
):
    email = new_email()
    here = tmp_path / "here"
    sign_in_from_cli(here, cloud_server.url, email, register=True)
    desktop = desktop_signed_in(tmp_path / "desktop", cloud_server.url, email)

    with desktop.client() as client:
        sign_ins = client.list_sign_ins()
    assert [(each.app, each.system, each.current) for each in sign_ins] == [
        ("desktop", SYSTEM, True),
        ("cli", SYSTEM, False),
    ]
    assert sign_ins[0].description == f"Flowin desktop on {SYSTEM}"
    assert sign_ins[0].ip_address == "127.0.0.1"
    desktop_id = sign_ins[0].id

    listed = flowin(here, "account", "sessions")
    assert listed.exit_code == 0, listed.output
    assert f"Flowin command line on {SYSTEM} (this one)" in listed.output
    assert f"Flowin desktop on {SYSTEM}" in listed.output
    assert "just now" in listed.output and "127.0.0.1" in listed.output

    ended = flowin(here, "account", "sessions", "end", desktop_id[:8])
    assert ended.exit_code == 0, ended.output
    assert f"Signed out: Flowin desktop on {SYSTEM}, last used from 127.0.0.1." in ended.output
    with pytest.raises(SignedOut), desktop.client() as client:
        client.me()  # its access token is refused, and so is its refresh token
    assert not desktop.signed_in
    gone = flowin(here, "account", "sessions", "end", desktop_id)
    assert gone.exit_code == 2 and "There is no sign-in" in gone.output

    desktop_signed_in(tmp_path / "desktop", cloud_server.url, email)
    desktop_signed_in(tmp_path / "laptop", cloud_server.url, email)
    others = flowin(here, "account", "sessions", "end-others")
    assert others.exit_code == 0, others.output
    assert "Signed out in 2 other places; this computer stays signed in." in others.output
    (only,) = [line for line in flowin(here, "account", "sessions", "list").output.splitlines()[1:]]
    assert "(this one)" in only

    this_one = only.split()[0]
    signed_out = flowin(here, "account", "sessions", "end", this_one)
    assert "Signed out on this computer" in signed_out.output
    assert "isn't signed in" in flowin(here, "account", "status").output


# Notifications mailed by the account (here, where the module's cloud is running already).


def test_without_a_mail_account_a_notification_is_mailed_by_the_cloud_account(
    tmp_path,
    cloud_server,  # noqa: F811
):
    from flowin_engine.data_folder import DataFolder
    from flowin_engine.notifications import Channel, ChannelKind, Kind, Rule
    from flowin_engine.runtime import RuntimeSettings

    from .test_notification_channels import fail, order_flow

    email = new_email()
    cloud_server.sign_up(email)
    with DataFolder(Store(tmp_path / "flowin.db")) as folder:
        runtime = folder.runtime(RuntimeSettings(port=0))
        notifier = runtime.notifications
        own_address = Channel(kind="email")  # no mail account of the user's: the cloud's mailer
        refused = notifier.test_channel(own_address)
        assert not refused.ok and "isn't signed in to a Flowin cloud account" in refused.message

        assert runtime.account.sign_in(cloud_server.url, email, DEFAULT_PASSWORD) is None
        assert notifier.test_channel(own_address).ok
        notifier.set_rule(None, Rule(channels=[Channel(kind=ChannelKind.IN_APP), own_address]))
        fail(notifier, order_flow(folder.store))
        sent = cloud_server.wait_for_messages("flow-notification", email, 2)  # test, failure
        assert len(sent) == 2
        assert [r.kind for r in notifier.list()] == [Kind.FAILURE]  # no broken channel
