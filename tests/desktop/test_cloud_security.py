"""Sign-in security in the cloud account dialog, against a real flowin-cloud: the e-mail link
sent again, two-step sign-in turned on with backup codes shown once, the password asked again
(and a wrong one refused in words), deleting the account, and an account made by Google."""

from __future__ import annotations

import time
import uuid

import httpx
import pyotp
import pytest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from flowin_desktop.cloud.security import AuthenticatorAppDialog, BackupCodesDialog
from flowin_desktop.cloud.service import error_text
from flowin_engine.sync import RateLimited, SyncStatus
from tests.cloud_server import DEFAULT_PASSWORD, cloud_server  # noqa: F401 (a fixture)
from tests.engine.cloud_computers import Computer, greeting, new_email, register

from .conftest import WAIT_MS, click, shown
from .test_cloud import sign_in_from_dialog, sign_in_with_google, signed_in_and_synced


@pytest.fixture(scope="module")
def cloud(cloud_server):  # noqa: F811 (the imported fixture)
    return cloud_server


def typed_password(monkeypatch, password: str | None) -> list[str]:
    """The password prompt answers ``password`` (None: Cancel); returns the prompts' titles."""
    asked: list[str] = []

    def get_text(parent, title, label, echo):
        assert echo == QLineEdit.EchoMode.Password  # the password is not shown as typed
        asked.append(title)
        return (password or "", password is not None)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return asked


def security_shown(qtbot, panel) -> None:
    """Waits for the account's security to show in the panel (no longer "Checking…")."""
    qtbot.waitUntil(
        lambda: panel.two_step_state.text() != "" and panel.email_state.text() != "Checking…",
        timeout=WAIT_MS,
    )


def codes_window(panel) -> BackupCodesDialog | None:
    """The backup codes' window, when one is on screen."""
    shown = [window for window in panel.findChildren(BackupCodesDialog) if window.isVisible()]
    return shown[0] if shown else None


def signed_in(qtbot, window, cloud, email, verified: bool = True):
    if verified:
        token = cloud.last_token("verify-email", email)
        confirm = httpx.post(cloud.url + "/auth/verify/email/confirm", json={"token": token})
        confirm.raise_for_status()
    dialog = sign_in_from_dialog(qtbot, window, cloud.url, email)
    signed_in_and_synced(qtbot, window)
    panel = dialog.security
    security_shown(qtbot, panel)
    return dialog, panel


def test_two_step_sign_in_is_turned_on_with_the_password_and_its_codes_are_shown_once(
    qtbot, window, cloud, monkeypatch, tmp_path
):
    email = new_email()
    register(cloud, email)
    dialog, panel = signed_in(qtbot, window, cloud, email)
    assert "is verified" in panel.email_state.text()
    assert not panel.send_link_button.isVisible()
    assert "off" in panel.two_step_state.text()
    assert panel.method.currentData() == "totp"  # an authenticator app unless chosen otherwise
    panel.method.setCurrentIndex(panel.method.findData("email"))
    assert panel.turn_on_button.isVisible() and panel.turn_on_button.isEnabled()

    asked = typed_password(monkeypatch, "not the password")
    click(qtbot, panel.turn_on_button)
    qtbot.waitUntil(lambda: "password isn't right" in dialog.message.text(), timeout=WAIT_MS)
    assert asked == ["Turn on two-step sign-in"]
    assert codes_window(panel) is None

    typed_password(monkeypatch, None)  # Cancel: nothing is asked of the cloud
    click(qtbot, panel.turn_on_button)
    assert not window.cloud.work.busy

    typed_password(monkeypatch, DEFAULT_PASSWORD)
    click(qtbot, panel.turn_on_button)
    codes = shown(qtbot, lambda: codes_window(panel))
    shown(qtbot, panel.new_codes_button)
    assert len(codes.backup_codes) == 10
    assert all(code in codes.codes.toPlainText() for code in codes.backup_codes)
    assert "on: a code comes by e-mail" in panel.two_step_state.text()
    assert "10 backup codes left" in panel.two_step_state.text()
    assert not panel.turn_on_button.isVisible() and panel.turn_off_button.isVisible()
    click(qtbot, codes.copy_button)
    first_codes = list(codes.backup_codes)
    assert QApplication.clipboard().text().splitlines() == first_codes

    # Another computer signing in now needs a code; a backup code does.
    there = Computer(tmp_path / "there")
    pending = there.account.sign_in(cloud.url, email, DEFAULT_PASSWORD)
    assert pending is not None
    there.account.verify_two_factor(pending, first_codes[0])
    assert there.account.signed_in
    there.close()

    dialog.reject()  # the codes go with the account dialog, if not closed before
    qtbot.waitUntil(lambda: codes_window(panel) is None, timeout=WAIT_MS)

    # New codes replace them, in a window of their own again; "I saved them" closes it.
    dialog = window.show_cloud_account()
    security_shown(qtbot, panel)
    click(qtbot, panel.new_codes_button)
    fresh_window = shown(qtbot, lambda: codes_window(panel))
    fresh = fresh_window.backup_codes
    assert len(fresh) == 10 and set(fresh).isdisjoint(first_codes)
    click(qtbot, fresh_window.done_button)
    qtbot.waitUntil(lambda: codes_window(panel) is None, timeout=WAIT_MS)


def test_an_unverified_address_gets_its_link_again_before_two_step_can_start(qtbot, window, cloud):
    email = new_email()
    register(cloud, email)
    _, panel = signed_in(qtbot, window, cloud, email, verified=False)
    assert "isn't verified yet" in panel.email_state.text()
    panel.method.setCurrentIndex(panel.method.findData("totp"))
    assert panel.turn_on_button.isVisible() and not panel.turn_on_button.isEnabled()
    assert "open the link we e-mailed you" in panel.turn_on_button.toolTip()
    panel.method.setCurrentIndex(panel.method.findData("email"))
    assert panel.turn_on_button.isVisible() and not panel.turn_on_button.isEnabled()
    assert "Verify your e-mail address first" in panel.turn_on_button.toolTip()
    assert panel.send_link_button.isVisible()

    click(qtbot, panel.send_link_button)

    qtbot.waitUntil(panel.notice.isVisible, timeout=WAIT_MS)
    assert "new link is on its way" in panel.notice.text()
    qtbot.waitUntil(lambda: len(cloud.codes("verify-email", email)) == 2, timeout=WAIT_MS)


def test_deleting_the_account_asks_twice_then_signs_out_and_keeps_the_flows(
    qtbot, window, cloud, monkeypatch
):
    email = new_email()
    register(cloud, email)
    flow = greeting()
    window.store.flows.save(flow)
    dialog, panel = signed_in(qtbot, window, cloud, email)
    assert panel.delete_button.isVisible()

    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.No)
    asked = typed_password(monkeypatch, DEFAULT_PASSWORD)
    click(qtbot, panel.delete_button)
    assert asked == [] and window.cloud.signed_in  # "No": not even the password is asked

    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    click(qtbot, panel.delete_button)

    qtbot.waitUntil(lambda: "account is deleted" in dialog.message.text(), timeout=WAIT_MS)
    assert asked == ["Delete account"]
    assert not window.cloud.signed_in
    assert window.cloud.status is SyncStatus.SIGNED_OUT
    assert dialog.pages.currentIndex() == 0  # the sign-in form again
    assert window.store.flows.get(flow.id).name == flow.name
    login = httpx.post(
        cloud.url + "/auth/login", json={"email": email, "password": DEFAULT_PASSWORD}
    )
    assert login.status_code == 401


def test_an_account_made_by_google_is_offered_a_password_first(
    qtbot, window, cloud_with_google, monkeypatch
):
    server, providers = cloud_with_google
    panel = sign_in_with_google(qtbot, window, server, monkeypatch).security
    security_shown(qtbot, panel)

    assert "signed up with Google or GitHub" in panel.two_step_state.text()
    assert panel.set_password_button.isVisible()
    assert not panel.turn_on_button.isVisible() and not panel.delete_button.isVisible()

    click(qtbot, panel.set_password_button)

    qtbot.waitUntil(panel.notice.isVisible, timeout=WAIT_MS)
    assert "set a password" in panel.notice.text()
    assert server.last_token("reset-password", providers.email)


def test_a_phone_is_verified_with_a_texted_code_then_takes_the_sign_in_codes(
    qtbot, window, cloud, monkeypatch
):
    email = new_email()
    register(cloud, email)
    dialog, panel = signed_in(qtbot, window, cloud, email)
    phone = "+9665" + str(uuid.uuid4().int)[:8]
    assert "No phone number" in panel.phone_state.text()
    assert panel.phone.isVisible() and not panel.phone_code.isVisible()
    panel.method.setCurrentIndex(panel.method.findData("sms"))
    assert not panel.turn_on_button.isEnabled()  # not by text message until a phone is verified

    qtbot.keyClicks(panel.phone, "0501234567")
    click(qtbot, panel.send_code_button)
    qtbot.waitUntil(lambda: "country code" in dialog.message.text(), timeout=WAIT_MS)

    panel.phone.clear()
    qtbot.keyClicks(panel.phone, phone)
    click(qtbot, panel.send_code_button)
    qtbot.waitUntil(panel.phone_code.isVisible, timeout=WAIT_MS)
    assert "code is on its way to your phone" in panel.notice.text()
    assert phone in panel.phone_state.text()

    qtbot.keyClicks(panel.phone_code, "000000")
    click(qtbot, panel.verify_phone_button)
    qtbot.waitUntil(lambda: "code isn't right" in dialog.message.text(), timeout=WAIT_MS)

    panel.phone_code.clear()
    qtbot.keyClicks(panel.phone_code, cloud.last_token("verify-phone", phone))
    click(qtbot, panel.verify_phone_button)
    qtbot.waitUntil(lambda: "is verified" in panel.phone_state.text(), timeout=WAIT_MS)
    assert not panel.phone.isVisible()
    assert panel.turn_on_button.isEnabled()

    panel.method.setCurrentIndex(panel.method.findData("sms"))
    typed_password(monkeypatch, DEFAULT_PASSWORD)
    click(qtbot, panel.turn_on_button)
    qtbot.waitUntil(lambda: "by text message" in panel.two_step_state.text(), timeout=WAIT_MS)
    assert codes_window(panel) is not None


def app_window(panel) -> AuthenticatorAppDialog | None:
    """The authenticator app's setup window, when one is on screen."""
    shown = [window for window in panel.findChildren(AuthenticatorAppDialog) if window.isVisible()]
    return shown[0] if shown else None


def test_an_authenticator_app_is_set_up_from_its_qr_code_or_key_and_its_first_code(
    qtbot, window, cloud, monkeypatch, tmp_path
):
    email = new_email()
    register(cloud, email)
    _, panel = signed_in(qtbot, window, cloud, email)
    assert panel.method.currentText() == "Authenticator app"
    asked = typed_password(monkeypatch, DEFAULT_PASSWORD)
    click(qtbot, panel.turn_on_button)

    setup = shown(qtbot, lambda: app_window(panel))
    assert asked == ["Turn on two-step sign-in"]
    secret = setup.setup.secret
    assert setup.setup.uri.startswith("otpauth://totp/Flowin:")
    qr = setup.qr.pixmap()
    assert not qr.isNull() and qr.width() >= 150 and qr.width() == qr.height()
    assert setup.key.text().replace(" ", "") == secret and " " in setup.key.text()
    click(qtbot, setup.copy_button)
    assert QApplication.clipboard().text() == secret  # without the spaces
    assert "off" in panel.two_step_state.text()  # not on before the app's first code

    qtbot.keyClicks(setup.code, "12345")
    click(qtbot, setup.turn_on_button)
    qtbot.waitUntil(setup.problem.isVisible, timeout=WAIT_MS)
    assert "isn't right" in setup.problem.text() and setup.isVisible()

    setup.code.clear()
    qtbot.keyClicks(setup.code, pyotp.TOTP(secret).now())
    click(qtbot, setup.turn_on_button)
    codes = shown(qtbot, lambda: codes_window(panel))
    assert len(codes.backup_codes) == 10
    qtbot.waitUntil(lambda: app_window(panel) is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "authenticator app" in panel.two_step_state.text(), timeout=WAIT_MS)
    assert "10 backup codes left" in panel.two_step_state.text()

    there = Computer(tmp_path / "there")
    pending = there.account.sign_in(cloud.url, email, DEFAULT_PASSWORD)
    assert pending is not None and pending.challenge.method == "totp"
    there.account.verify_two_factor(pending, pyotp.TOTP(secret).at(time.time() + 30))
    assert there.account.signed_in
    there.close()


def test_a_long_pause_is_told_in_minutes_on_screen_and_in_the_terminal():
    paused = RateLimited(retry_after=300)  # the second pause after wrong sign-in codes
    assert error_text(paused) == "Too many tries. Wait 5 minutes and try again."
    assert str(paused) == "The Flowin cloud asks to slow down; try again in 5 minutes."
    assert error_text(RateLimited(retry_after=42)).endswith("Wait 42 seconds and try again.")
