"""The signed-in account's sign-in security from this computer: the e-mail link sent again,
two-step sign-in on and off with backup codes, and deleting the account. Against a real
flowin-cloud; codes and links are read from its development log."""

from __future__ import annotations

import uuid

import httpx
import pytest

from flowin_engine.sync import (
    BadPhoneNumber,
    EmailNotVerified,
    SignedOut,
    SignInRefused,
    WrongCode,
    WrongPassword,
)
from tests.cloud_server import DEFAULT_PASSWORD, cloud_server  # noqa: F401 (a fixture)

from .cloud_computers import Computer, greeting, new_email, register


@pytest.fixture(scope="module")
def cloud(cloud_server):  # noqa: F811 (the imported fixture)
    return cloud_server


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


@pytest.fixture
def email(cloud):
    address = new_email()
    register(cloud, address)
    return address


@pytest.fixture
def here(tmp_path, cloud, email):
    computer = Computer(tmp_path / "here")
    computer.sign_in(cloud.url, email)
    yield computer
    computer.close()


def security(computer: Computer):
    with computer.account.client() as client:
        return client.security()


def confirm_email(cloud, token: str) -> None:
    httpx.post(cloud.url + "/auth/verify/email/confirm", json={"token": token}).raise_for_status()


def test_a_new_account_is_unverified_with_a_password_and_one_step_sign_in(here, email):
    found = security(here)
    assert (found.email, found.email_verified, found.has_password) == (email, False, True)
    assert (found.two_factor_method, found.backup_codes_left) == (None, 0)


def test_an_unverified_account_is_told_to_verify_not_that_its_password_is_wrong(here):
    with here.account.client() as client:
        for attempt in (
            lambda: client.turn_on_two_factor(DEFAULT_PASSWORD),
            lambda: client.create_api_key("Zapier"),
            lambda: client.add_phone("+966501234567"),
        ):
            with pytest.raises(EmailNotVerified, match=r"^Verify your e-mail address first: "):
                attempt()
    assert security(here).two_factor_method is None


def test_the_verification_link_is_sent_again_and_the_old_one_stops_working(here, cloud, email):
    first = cloud.last_token("verify-email", email)
    with here.account.client() as client:
        client.send_verification_email()
    again = cloud.wait_for_codes("verify-email", email, 2)
    assert len(again) == 2 and again[-1] != first

    refused = httpx.post(cloud.url + "/auth/verify/email/confirm", json={"token": first})
    assert refused.status_code == 400
    confirm_email(cloud, again[-1])
    assert security(here).email_verified


def test_two_step_sign_in_asks_for_the_password_then_a_code_at_each_sign_in(
    here, cloud, email, tmp_path
):
    confirm_email(cloud, cloud.last_token("verify-email", email))
    with here.account.client() as client:
        with pytest.raises(WrongPassword):
            client.turn_on_two_factor("not the password")
        assert security(here).two_factor_method is None
        backup_codes = client.turn_on_two_factor(DEFAULT_PASSWORD)
    assert len(backup_codes) == 10 and len(set(backup_codes)) == 10
    assert (security(here).two_factor_method, security(here).backup_codes_left) == ("email", 10)

    there = Computer(tmp_path / "there")
    pending = there.account.sign_in(cloud.url, email, DEFAULT_PASSWORD)
    assert pending is not None
    there.account.verify_two_factor(pending, backup_codes[0])  # a backup code instead of mail
    assert there.account.signed_in
    assert security(here).backup_codes_left == 9

    with here.account.client() as client:
        fresh = client.new_backup_codes(DEFAULT_PASSWORD)
    assert set(fresh).isdisjoint(backup_codes)
    pending = there.account.sign_in(cloud.url, email, DEFAULT_PASSWORD)
    with pytest.raises(SignInRefused):
        there.account.verify_two_factor(pending, backup_codes[1])  # the old ones stopped

    with here.account.client() as client:
        with pytest.raises(WrongPassword):
            client.turn_off_two_factor("not the password")
        client.turn_off_two_factor(DEFAULT_PASSWORD)
    assert security(here).two_factor_method is None
    assert there.account.sign_in(cloud.url, email, DEFAULT_PASSWORD) is None
    there.close()


def test_a_wrong_password_deletes_nothing(here, cloud, email):
    here.save(greeting())
    here.sync()
    with pytest.raises(WrongPassword):
        here.account.delete_account("not the password")
    assert here.account.signed_in
    assert security(here).email == email


def test_deleting_the_account_empties_the_cloud_and_keeps_the_flows_here(here, cloud, email):
    flow = greeting()
    here.save(flow)
    assert here.sync().pushed

    here.account.delete_account(DEFAULT_PASSWORD)

    assert not here.account.signed_in
    assert here.account.email is None and here.account.server == cloud.url
    assert here.flow(flow.id).name == flow.name
    with pytest.raises(SignedOut):
        here.sync()
    login = httpx.post(
        cloud.url + "/auth/login", json={"email": email, "password": DEFAULT_PASSWORD}
    )
    assert login.status_code == 401
    # Registering the address again starts an empty account, and syncing offers the flow anew.
    register(cloud, email)
    here.sign_in(cloud.url, email)
    assert [ref.id for ref in here.sync().pushed] == [flow.id]


def test_a_verified_phone_can_take_the_sign_in_codes_by_text_message(here, cloud, email, tmp_path):
    phone = "+9665" + str(uuid.uuid4().int)[:8]  # numbers are per account: one per test
    confirm_email(cloud, cloud.last_token("verify-email", email))
    with here.account.client() as client:
        with pytest.raises(BadPhoneNumber):
            client.add_phone("0501234567")  # no country code
        client.add_phone(phone)
        assert (security(here).phone, security(here).phone_verified) == (phone, False)
        with pytest.raises(WrongCode):
            client.verify_phone("000000")
        client.verify_phone(cloud.last_token("verify-phone", phone))
        assert security(here).phone_verified
        client.turn_on_two_factor(DEFAULT_PASSWORD, method="sms")
    assert security(here).two_factor_method == "sms"

    there = Computer(tmp_path / "there")
    pending = there.account.sign_in(cloud.url, email, DEFAULT_PASSWORD)
    assert pending is not None and pending.challenge.method == "sms"
    there.account.verify_two_factor(pending, cloud.last_token("2fa", phone))
    assert there.account.signed_in
    there.close()
