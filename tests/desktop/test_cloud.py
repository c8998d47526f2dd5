"""The cloud account in the desktop app, against a real flowin-cloud: signing in and up from
the dialog, the sync status in the top bar, a flow changed on another computer, conflicts."""

from __future__ import annotations

import webbrowser
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from flowin_desktop.cloud.account import CloudAccountDialog
from flowin_desktop.main_window import MainWindow
from flowin_engine.errors import NotFound
from flowin_engine.model import FlowStatus
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.sync import COPY_SUFFIX, SyncStatus
from tests.cloud_server import DEFAULT_PASSWORD, CloudServer, cloud_server  # noqa: F401 (a fixture)
from tests.engine.cloud_computers import (
    Computer,
    greeting,
    greeting_text,
    new_email,
    register,
    turn_on_two_factor,
)

from .conftest import WAIT_MS, click, plain, shown


@pytest.fixture(scope="module")
def cloud(cloud_server):  # noqa: F811 (the imported fixture)
    return cloud_server


@pytest.fixture
def other_computer(tmp_path):
    computer = Computer(tmp_path / "other-computer")
    yield computer
    computer.close()


def sign_in_from_dialog(qtbot, window: MainWindow, server: str, email: str) -> CloudAccountDialog:
    dialog = window.show_cloud_account()
    dialog.server.setText(server)
    qtbot.keyClicks(dialog.email, email)
    qtbot.keyClicks(dialog.password, DEFAULT_PASSWORD)
    click(qtbot, dialog.submit)
    return dialog


def signed_in_and_synced(qtbot, window: MainWindow) -> None:
    """Waits for the top bar to say "Synced", with the time of a sync that ran to its end."""
    qtbot.waitUntil(
        lambda: window.sync_button.text() == "Synced" and "last at" in window.sync_button.toolTip(),
        timeout=WAIT_MS,
    )


def sign_ins_offered(qtbot, window: MainWindow, server: str | None = None):
    """Waits, around the block, for the cloud's answer to which sign-ins it offers."""
    return qtbot.waitSignal(
        window.cloud.providers_loaded,
        timeout=WAIT_MS,
        check_params_cb=lambda asked, _names: server is None or asked == server,
    )


def test_signed_out_the_top_bar_offers_to_sign_in_and_nothing_syncs(window):
    assert window.cloud.status is SyncStatus.SIGNED_OUT
    assert window.sync_button.text() == "Sign in to sync"
    assert window.cloud.sync_now() is None
    dialog = window.show_cloud_account()
    assert dialog.pages.currentIndex() == 0  # the sign-in form


def test_creating_an_account_in_the_dialog_signs_in_and_backs_up_the_flows(
    qtbot, window, cloud, other_computer
):
    flow = greeting("Thank a buyer")
    window.store.flows.save(flow)
    email = new_email()
    dialog = window.show_cloud_account()
    dialog.tabs.setCurrentIndex(1)
    dialog.server.setText(cloud.url)
    qtbot.keyClicks(dialog.email, email)
    qtbot.keyClicks(dialog.password, DEFAULT_PASSWORD)
    qtbot.keyClicks(dialog.name, "Mona")
    click(qtbot, dialog.submit)

    signed_in_and_synced(qtbot, window)
    assert dialog.pages.currentIndex() == 2
    assert email in dialog.who.text()
    assert dialog.password.text() == ""  # not kept once it has done its work
    assert window.sync_button.text() == "Synced"
    other_computer.sign_in(cloud.url, email)
    other_computer.sync()
    assert other_computer.has(flow.id)


def test_a_wrong_password_is_told_in_the_users_language(qtbot, window, cloud):
    email = new_email()
    register(cloud, email)
    window.set_language("ar")
    dialog = window.show_cloud_account()
    dialog.server.setText(cloud.url)
    qtbot.keyClicks(dialog.email, email)
    qtbot.keyClicks(dialog.password, "not the password")
    click(qtbot, dialog.submit)

    qtbot.waitUntil(lambda: dialog.submit.isEnabled(), timeout=WAIT_MS)
    assert "كلمة المرور" in dialog.message.text()
    assert not window.cloud.signed_in


def test_a_cloud_that_cannot_be_reached_is_told_and_nothing_is_lost(qtbot, window):
    dialog = window.show_cloud_account()
    dialog.server.setText("http://127.0.0.1:9")  # nothing listens on the discard port
    qtbot.keyClicks(dialog.email, "someone@example.com")
    qtbot.keyClicks(dialog.password, DEFAULT_PASSWORD)
    click(qtbot, dialog.submit)

    qtbot.waitUntil(lambda: dialog.submit.isEnabled(), timeout=WAIT_MS)
    assert "can't reach the cloud" in dialog.message.text()
    assert dialog.email.text() == "someone@example.com"


def test_a_password_too_short_is_refused_before_asking_the_cloud(qtbot, window):
    with sign_ins_offered(qtbot, window):
        dialog = window.show_cloud_account()
    dialog.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dialog.email, "someone@example.com")
    qtbot.keyClicks(dialog.password, "short")
    click(qtbot, dialog.submit)

    assert "at least 8 characters" in dialog.message.text()
    assert dialog.submit.isEnabled()  # not "Connecting…": nothing was sent
    assert not window.cloud.work.busy


def test_a_plain_http_cloud_address_is_refused_in_words_and_nothing_is_sent(qtbot, window):
    with sign_ins_offered(qtbot, window):
        dialog = window.show_cloud_account()
    dialog.server.setText("http://cloud.flowin.example")
    qtbot.keyClicks(dialog.email, "someone@example.com")
    qtbot.keyClicks(dialog.password, DEFAULT_PASSWORD)
    click(qtbot, dialog.submit)

    assert dialog.message.text() == (
        "Type the cloud's address starting with https://. Plain http:// works only for a "
        "cloud on this computer (127.0.0.1 or localhost)."
    )
    assert dialog.submit.isEnabled()  # not "Connecting…": the password was not sent
    dialog.sign_in_with("google")
    click(qtbot, dialog.forgot)
    assert not window.cloud.work.busy
    assert not window.cloud.signed_in

    window.set_language("ar")
    click(qtbot, dialog.submit)
    assert "https://" in dialog.message.text() and "هذا الحاسوب" in dialog.message.text()
    assert not window.cloud.work.busy


def test_a_forgotten_password_is_reset_with_the_link_sent_and_the_new_one_signs_in(
    qtbot, window, cloud
):
    email = new_email()
    register(cloud, email)
    dialog = window.show_cloud_account()
    dialog.server.setText(cloud.url)
    qtbot.keyClicks(dialog.email, email)
    click(qtbot, dialog.forgot)

    qtbot.waitUntil(lambda: "we sent it a link" in dialog.message.text(), timeout=WAIT_MS)
    token = cloud.last_token("reset-password", email)
    new_password = "a brand new passphrase"
    httpx.post(
        cloud.url + "/auth/reset-password", json={"token": token, "password": new_password}
    ).raise_for_status()
    qtbot.keyClicks(dialog.password, new_password)
    click(qtbot, dialog.submit)
    signed_in_and_synced(qtbot, window)


def test_a_reset_link_needs_the_address_typed_first(qtbot, window):
    with sign_ins_offered(qtbot, window):
        dialog = window.show_cloud_account()
    click(qtbot, dialog.forgot)
    assert "e-mail address" in dialog.message.text()
    assert not window.cloud.work.busy
    dialog.tabs.setCurrentIndex(1)
    assert not dialog.forgot.isVisible()  # creating an account: nothing to forget


def test_two_factor_sign_in_asks_for_the_code_that_was_sent(qtbot, window, cloud):
    email = new_email()
    register(cloud, email)
    turn_on_two_factor(cloud, email)

    dialog = sign_in_from_dialog(qtbot, window, cloud.url, email)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT_MS)
    assert "e-mail" in dialog.code_intro.text()
    qtbot.keyClicks(shown(qtbot, dialog.code), cloud.last_token("2fa", email))
    click(qtbot, dialog.code_button)

    signed_in_and_synced(qtbot, window)
    assert dialog.pages.currentIndex() == 2


def test_a_flow_changed_on_another_computer_shows_in_the_open_editor_undoably(
    qtbot, window, cloud, other_computer
):
    email = new_email()
    register(cloud, email)
    flow = greeting()
    window.store.flows.save(flow)
    window.open_flow(flow.id)
    sign_in_from_dialog(qtbot, window, cloud.url, email)
    signed_in_and_synced(qtbot, window)
    other_computer.sign_in(cloud.url, email)
    other_computer.sync()
    other_computer.edit(flow.id, "Welcome back {{ trigger.name }}")
    other_computer.sync()

    window.cloud.sync_now()
    qtbot.waitUntil(
        lambda: greeting_text(window.editor.document.flow) == "Welcome back {{ trigger.name }}",
        timeout=WAIT_MS,
    )
    assert window.editor.document.undo_stack.undoText() == "Changes from another computer"
    assert "another computer" in window.statusBar().currentMessage()
    window.editor.document.undo_stack.undo()  # the user's own choice from here: saved and synced
    assert greeting_text(window.editor.document.flow) == "Hello {{ trigger.name }}"


def test_a_conflict_is_shown_and_keeping_both_keeps_each_side(qtbot, window, cloud, other_computer):
    email = new_email()
    register(cloud, email)
    flow = greeting()
    window.store.flows.save(flow)
    sign_in_from_dialog(qtbot, window, cloud.url, email)
    signed_in_and_synced(qtbot, window)
    other_computer.sign_in(cloud.url, email)
    other_computer.sync()
    other_computer.edit(flow.id, "Theirs")
    other_computer.sync()
    mine = window.store.flows.get(flow.id)
    mine.node("greet").params["fields"][0]["value"] = "Mine"
    window.store.flows.save(mine)

    dialog = window.show_cloud_account()
    window.cloud.sync_now()
    qtbot.waitUntil(lambda: window.sync_button.text() == "Sync conflict", timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: dialog.conflict_box.isVisible() and dialog.conflict_list.count() == 1,
        timeout=WAIT_MS,
    )
    assert window.cloud.status is SyncStatus.CONFLICT
    assert "changed here and in the cloud" in plain(dialog.conflict_list.item(0).text())
    click(qtbot, dialog.keep_both)

    copy_name = "Greet a customer" + COPY_SUFFIX
    # The copy is saved first, then theirs replaces the flow: wait for both.
    qtbot.waitUntil(
        lambda: (
            copy_name in {summary.name for summary in window.store.flows.summaries()}
            and greeting_text(window.store.flows.get(flow.id)) == "Theirs"
        ),
        timeout=WAIT_MS,
    )
    flows = {summary.name: summary.id for summary in window.store.flows.summaries()}
    copy_id = flows[copy_name]
    assert greeting_text(window.store.flows.get(copy_id)) == "Mine"
    in_the_cloud(qtbot, cloud, email, copy_id)
    qtbot.waitUntil(lambda: window.sync_button.text() == "Synced", timeout=WAIT_MS)
    other_computer.sync()
    assert other_computer.has(copy_id)


def test_signing_out_stops_syncing_and_forgets_the_tokens(qtbot, window, cloud):
    email = new_email()
    register(cloud, email)
    dialog = sign_in_from_dialog(qtbot, window, cloud.url, email)
    signed_in_and_synced(qtbot, window)

    click(qtbot, dialog.sign_out_button)

    qtbot.waitUntil(lambda: window.sync_button.text() == "Sign in to sync", timeout=WAIT_MS)
    assert window.cloud.status is SyncStatus.SIGNED_OUT
    assert not window.cloud.signed_in
    assert not window.cloud.timer.isActive()
    assert dialog.pages.currentIndex() == 0
    assert dialog.email.text() == email  # the form remembers who signed in last


def test_a_run_queued_through_the_cloud_api_runs_here_and_is_reported(qtbot, window, cloud):
    email = new_email()
    register(cloud, email)
    flow = greeting()
    flow.status = FlowStatus.ACTIVE
    window.store.flows.save(flow)
    runtime = window.editor.folder.runtime(RuntimeSettings(port=0, sync_interval=0.1))
    runtime.start()
    window.cloud.runtime = runtime
    try:
        sign_in_from_dialog(qtbot, window, cloud.url, email)
        signed_in_and_synced(qtbot, window)
        api = httpx.Client(base_url=cloud.url, headers=cloud.bearer(cloud.sign_up(email)))
        run_id = api.post(f"/api/run/{flow.id}", json={"input": {"name": "Sara"}}).json()["id"]

        window.cloud.sync_now()
        qtbot.waitUntil(lambda: ran(window, run_id), timeout=WAIT_MS)
        window.cloud.sync_now()  # reports the run (or, after a sync still on its way, soon)

        qtbot.waitUntil(
            lambda: api.get(f"/api/executions/{run_id}").json()["status"] == "success",
            timeout=WAIT_MS,
        )
        api.close()
    finally:
        runtime.stop(grace=2)


def in_the_cloud(qtbot, cloud: CloudServer, email: str, flow_id: str) -> None:
    """Waits until the cloud's API gives the flow (one sign-in: logins are rate-limited)."""
    login = httpx.post(
        cloud.url + "/auth/login", json={"email": email, "password": DEFAULT_PASSWORD}
    )
    login.raise_for_status()
    with httpx.Client(base_url=cloud.url, headers=cloud.bearer(login.json())) as api:
        qtbot.waitUntil(
            lambda: api.get(f"/api/flows/{flow_id}").status_code == 200, timeout=WAIT_MS
        )


def ran(window: MainWindow, run_id: str) -> bool:
    try:
        return window.store.executions.get(run_id).status == "success"
    except NotFound:
        return False


def test_an_api_key_made_in_the_dialog_works_once_shown_and_can_be_switched_off_and_deleted(
    qtbot, window, cloud, monkeypatch
):
    email = new_email()
    register(cloud, email, verified=True)
    dialog = sign_in_from_dialog(qtbot, window, cloud.url, email)
    signed_in_and_synced(qtbot, window)
    keys = dialog.api_keys
    dialog.settings_tabs.setCurrentWidget(keys)
    qtbot.keyClicks(keys.name, "My shop")
    click(qtbot, keys.create_button)

    qtbot.waitUntil(lambda: keys.new_key.text() != "" and len(keys.keys) == 1, timeout=WAIT_MS)
    whole = keys.new_key.text()
    assert keys.shown_once.isVisible()
    assert whole not in keys.key_list.item(0).text()  # listed masked
    assert whole[:8] in keys.key_list.item(0).text() and "My shop" in keys.key_list.item(0).text()
    api = httpx.Client(base_url=cloud.url, headers={"Authorization": f"Bearer {whole}"})
    assert api.get("/api/flows").status_code == 200
    click(qtbot, keys.copy_button)
    assert QApplication.clipboard().text() == whole

    keys.key_list.setCurrentRow(0)
    click(qtbot, keys.switch_button)
    qtbot.waitUntil(lambda: keys.keys and not keys.keys[0].active, timeout=WAIT_MS)
    assert api.get("/api/flows").status_code == 401
    assert keys.switch_button.text() == "Switch on"

    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    click(qtbot, keys.delete_button)
    qtbot.waitUntil(lambda: keys.keys == [], timeout=WAIT_MS)
    dialog.reject()
    assert keys.new_key.text() == ""  # the whole key is not kept once the dialog closes
    api.close()


def test_a_key_is_refused_in_words_until_the_address_is_verified_and_past_the_limit(
    qtbot, window, cloud
):
    email = new_email()
    register(cloud, email)
    dialog = sign_in_from_dialog(qtbot, window, cloud.url, email)
    signed_in_and_synced(qtbot, window)
    keys = dialog.api_keys
    keys.name.setText("too early")
    keys.create()
    qtbot.waitUntil(
        lambda: "Verify your e-mail address first" in dialog.message.text(), timeout=WAIT_MS
    )
    assert len(keys.keys) == 0
    token = cloud.last_token("verify-email", email)
    httpx.post(cloud.url + "/auth/verify/email/confirm", json={"token": token}).raise_for_status()
    for number in range(6):
        keys.name.setText(f"key {number}")
        keys.create()
        qtbot.waitUntil(lambda: keys.create_button.isEnabled(), timeout=WAIT_MS)

    assert len(keys.keys) == 5
    assert "as many API keys as it may have" in dialog.message.text()


def test_continue_with_google_signs_in_through_the_browser(
    qtbot, window, cloud_with_google, monkeypatch
):
    server, providers = cloud_with_google

    dialog = sign_in_with_google(qtbot, window, server, monkeypatch)

    # Offered by this cloud (the page with the buttons is behind the signed-in one now).
    assert not dialog.provider_buttons["github"].isHidden()
    assert dialog.provider_buttons["google"].text() == "Continue with Google"
    assert providers.email in dialog.who.text()


def test_sign_in_buttons_hide_for_a_cloud_without_them(qtbot, window, cloud):
    dialog = window.show_cloud_account()
    dialog.server.setText(cloud.url)
    with sign_ins_offered(qtbot, window, cloud.url):
        dialog.server.editingFinished.emit()
    assert not any(button.isVisible() for button in dialog.provider_buttons.values())


def sign_in_with_google(qtbot, window: MainWindow, server: CloudServer, monkeypatch):
    """Presses "Continue with Google" in the dialog, with a browser in which the person says
    yes; returns the dialog once signed in and synced."""
    monkeypatch.setattr(webbrowser, "open", scripted_browser(server))
    dialog = window.show_cloud_account()
    dialog.server.setText(server.url)
    dialog.server.editingFinished.emit()
    click(qtbot, dialog.provider_buttons["google"])
    signed_in_and_synced(qtbot, window)
    return dialog


def scripted_browser(server: CloudServer):
    """A browser in which the person clicks "Allow" at Google: follows each redirect."""

    def open_url(url: str) -> bool:
        to_google = httpx.get(url)
        state = parse_qs(urlsplit(to_google.headers["location"]).query)["state"][0]
        callback = f"{server.url}/auth/google/callback?code=provider-code&state={state}"
        httpx.get(httpx.get(callback).headers["location"])
        return True

    return open_url
