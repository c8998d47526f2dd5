"""A step's account: pick a connected one, or connect a new one from the connector's form."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import add


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
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == "✓ Connected; 1 model available."

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    [connection] = editor.connections.list("openai")
    assert connection.label == "Home Ollama"
    assert connection.last_test_ok is True
    assert editor.document.flow.node(step).params["connection"] == connection.id
    assert combo.currentText() == "Home Ollama"
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
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text().startswith("✕ ")
    dialog.reject()
    assert editor.document.flow.node(step).params["connection"] == existing.id
