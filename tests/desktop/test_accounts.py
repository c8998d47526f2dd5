"""A step's account: pick a connected one, or connect a new one from the connector's form."""

from __future__ import annotations

import httpx
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.connectors.google_contract import GoogleTokenServer
from tests.connectors.test_google import CLIENT_ID, CLIENT_SECRET

from .conftest import WAIT_MS, add, click, plain


def test_connecting_an_account_tests_it_and_keeps_the_secret_out_of_the_flow(
    qtbot, editor, httpserver, monkeypatch
):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    httpserver.expect_request("/v1/models").respond_with_json(
        {"object": "list", "data": [{"id": "llama3.2", "object": "model", "owned_by": "me"}]}
    )
    step = add(editor, "openai.generate_text", 0, 0)
    picker = editor.properties.editors["connection"]
    combo = picker.widget
    assert combo.itemText(combo.count() - 1) == "Connect an account…"

    combo.setCurrentIndex(combo.count() - 1)
    combo.activated.emit(combo.count() - 1)
    dialog = picker.dialog
    assert dialog.isVisible()
    assert dialog.fields["api_key"].echoMode() == dialog.fields["api_key"].EchoMode.Password
    dialog.label.clear()
    qtbot.keyClicks(dialog.label, "Home Ollama")
    qtbot.keyClicks(dialog.fields["api_key"], "sk-local-secret")
    dialog.fields["base_url"].clear()
    qtbot.keyClicks(dialog.fields["base_url"], httpserver.url_for("/v1"))
    with qtbot.waitSignal(dialog.call_finished, timeout=WAIT_MS):
        click(qtbot, dialog.test_button)
        assert dialog.result_label.text() == "Testing…"  # the window stays responsive
        assert not dialog.save_button.isEnabled()
    assert dialog.result_label.text() == "✓ Connected; 1 model available."
    assert dialog.save_button.isEnabled()

    click(qtbot, dialog.save_button)

    [connection] = editor.connections.list("openai")
    assert connection.label == "Home Ollama"
    assert connection.last_test_ok is True
    assert editor.document.flow.node(step).params["connection"] == connection.id
    # The panel may have rebuilt its editors meanwhile; the one shown now names the account.
    assert editor.properties.editors["connection"].widget.currentText() == "Home Ollama"
    assert "sk-local-secret" not in editor.document.flow.to_json()
    assert editor.connections.secret(connection.id)["api_key"] == "sk-local-secret"


def test_a_failed_test_says_why_and_an_existing_account_can_be_chosen(
    qtbot, editor, httpserver, monkeypatch
):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    existing = editor.connections.add("openai", "Work key", {"api_key": "sk-work"})
    step = add(editor, "openai.generate_text", 0, 0)
    combo = editor.properties.editors["connection"].widget
    index = combo.findText("Work key")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert editor.document.flow.node(step).params["connection"] == existing.id

    httpserver.expect_request("/v1/models").respond_with_json({"error": {}}, status=401)
    dialog = editor.properties.editors["connection"].connect_account()
    qtbot.keyClicks(dialog.fields["api_key"], "sk-wrong")
    dialog.fields["base_url"].setText(httpserver.url_for("/v1"))
    with qtbot.waitSignal(dialog.call_finished, timeout=WAIT_MS):
        click(qtbot, dialog.test_button)
    assert dialog.result_label.text().startswith("✕ ")
    dialog.reject()
    assert editor.document.flow.node(step).params["connection"] == existing.id


def test_a_google_account_signs_in_in_the_browser_and_keeps_its_tokens(qtbot, editor, monkeypatch):
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    add(editor, "google_sheets.append_row", 0, 0)
    dialog = editor.properties.editors["connection"].connect_account()
    assert dialog.sign_in_button.isVisibleTo(dialog)
    assert "access_token" not in dialog.fields  # filled by the sign-in, not typed

    with GoogleTokenServer(CLIENT_ID, CLIENT_SECRET, private_key.public_key()) as tokens:
        dialog.fields["client_id"].setText(CLIENT_ID)
        dialog.fields["client_secret"].setText(CLIENT_SECRET)
        dialog.fields["authorize_url"].setText(tokens.authorize_url)
        dialog.fields["token_url"].setText(tokens.token_url)
        # The user signs in and consents in the browser; Google redirects to the loopback.
        dialog.open_browser = lambda url: httpx.get(url, follow_redirects=True)
        with qtbot.waitSignal(dialog.call_finished, timeout=WAIT_MS):
            click(qtbot, dialog.sign_in_button)
        assert dialog.result_label.text() == "✓ Signed in."
        refresh_token = dialog.fields["refresh_token"].text()
        assert refresh_token in tokens.refresh_tokens
        click(qtbot, dialog.save_button)

    [connection] = editor.connections.list("google_sheets")
    secret = editor.connections.secret(connection.id)
    assert secret["refresh_token"] == refresh_token and secret["access_token"]
    assert refresh_token not in editor.document.flow.to_json()


def test_a_store_refusing_the_token_is_said_in_arabic_in_the_connect_dialog(
    qtbot, qapp, editor, httpserver, monkeypatch
):
    from flowin_desktop.i18n import Localizer

    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    httpserver.expect_request("/store/info").respond_with_json(
        {"status": 401, "success": False, "error": {"code": "Unauthorized", "message": "…"}},
        status=401,
    )
    localizer = Localizer(qapp)
    localizer.set_language("ar")
    try:
        add(editor, "salla.get_order", 0, 0)
        dialog = editor.properties.editors["connection"].connect_account()
        qtbot.keyClicks(dialog.fields["access_token"], "wrong-token")
        dialog.fields["base_url"].clear()
        qtbot.keyClicks(dialog.fields["base_url"], httpserver.url_for("/"))
        with qtbot.waitSignal(dialog.call_finished, timeout=WAIT_MS):
            click(qtbot, dialog.test_button)
        shown = dialog.result_label.text()
        assert shown.startswith("✕ ")
        assert "سلة" in shown and "didn't accept" not in shown
    finally:
        localizer.set_language("en")


def test_a_revoked_google_sign_in_is_said_in_arabic_in_the_connect_dialog(
    qtbot, window, httpserver, monkeypatch
):
    from flowin_desktop.panels.accounts import ConnectAccountDialog

    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    httpserver.expect_request("/token", method="POST").respond_with_json(
        {"error": "invalid_grant", "error_description": "Token has been expired or revoked."},
        status=400,
    )
    window.set_language("ar")
    dialog = ConnectAccountDialog(
        window.registry.connector("google_sheets"), window.editor.connections, window
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["client_id"].setText("shop-client")
    dialog.fields["client_secret"].setText("shop-secret")
    dialog.fields["refresh_token"].setText("old-refresh-token")
    dialog.fields["token_url"].setText(httpserver.url_for("/token"))
    with qtbot.waitSignal(dialog.call_finished, timeout=WAIT_MS):
        click(qtbot, dialog.test_button)
    assert plain(dialog.result_label.text()) == (
        "✕ انتهى تسجيل دخول الحساب أو أُلغي (Token has been expired or revoked.): أعد ربط الحساب."
    )


def test_a_test_that_works_says_so_in_arabic_with_the_accounts_own_name(
    qtbot, window, httpserver, monkeypatch
):
    from flowin_desktop.panels.accounts import ConnectAccountDialog

    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    httpserver.expect_request("/botshop-token/getMe").respond_with_json(
        {
            "ok": True,
            "result": {"id": 42, "is_bot": True, "first_name": "Shop", "username": "shop_bot"},
        }
    )
    window.set_language("ar")
    dialog = ConnectAccountDialog(
        window.registry.connector("telegram"), window.editor.connections, window
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["bot_token"].setText("shop-token")
    dialog.fields["base_url"].setText(httpserver.url_for("/"))
    with qtbot.waitSignal(dialog.call_finished, timeout=WAIT_MS):
        click(qtbot, dialog.test_button)
    assert plain(dialog.result_label.text()) == "✓ تم الاتصال باسم @shop_bot."
