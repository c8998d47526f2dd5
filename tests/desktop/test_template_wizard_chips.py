"""The "Use template" wizard's blanks show the data a message names as the editor's chips, in
the user's language, never as {{ expressions }}; typing around a chip keeps its expression in
the flow that is made."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from flowin_desktop.i18n import Localizer
from flowin_desktop.panels.data import ReferenceTextEdit
from flowin_desktop.templates.wizard import UseTemplateWizard
from flowin_engine.data_folder import DataFolder
from flowin_engine.registry import default_registry
from flowin_engine.templates import TemplateLibrary

from .conftest import WAIT_MS

WHATSAPP_PLACES = re.compile(r"\{\{\d+\}\}")
WHAT_NOBODY_SHOULD_READ = ("{{", "}}", "{%", "%}", "|", "steps[")


@pytest.fixture
def language(request, qapp: QApplication) -> Iterator[str]:
    localizer = Localizer(qapp)
    localizer.set_language(request.param)
    yield request.param
    localizer.set_language("en")


def shown_text(widget) -> str:
    """What a blank's field shows the user."""
    if isinstance(widget, ReferenceTextEdit):
        return widget.readable_text() + " " + widget.placeholderText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    assert isinstance(widget, QLineEdit)
    return widget.text() + " " + widget.placeholderText()


@pytest.mark.parametrize("language", ["en", "ar"], indirect=True)
def test_no_shipped_template_shows_an_expression_in_its_blanks(qtbot, store, language):
    registry = default_registry()
    connections = DataFolder(store, registry=registry).connections
    shown_anything, expressions = [], []
    for template in TemplateLibrary().templates:
        wizard = UseTemplateWizard(template, registry, connections, store)
        qtbot.addWidget(wizard)
        for field in wizard.fields:
            # {{1}} is WhatsApp's own way of numbering a message template's parts, as its
            # Business Manager shows them: the help names them so.
            help_text = WHATSAPP_PLACES.sub("", field.help or "")
            text = " ".join((field.label, help_text, shown_text(field.widget)))
            shown_anything.append(text)
            if any(sign in text for sign in WHAT_NOBODY_SHOULD_READ):
                expressions.append((template.id, field.key, text))
        wizard.deleteLater()
    assert expressions == []
    assert any("›" in text for text in shown_anything)  # the chips' names are there


def test_typing_around_a_chip_keeps_its_expression_in_the_flow(qtbot, store, monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    registry = default_registry()
    folder = DataFolder(store, registry=registry)
    template = TemplateLibrary().get("shopify-order-sms-confirmation")
    accounts = {
        "twilio": folder.connections.add(
            "twilio", "Shop SMS", {"account_sid": "AC" + "0" * 32, "auth_token": "x"}
        ),
        "shopify": folder.connections.add(
            "shopify", "My shop", {"shop_domain": "my-shop.myshopify.com", "access_token": "x"}
        ),
    }
    wizard = UseTemplateWizard(template, registry, folder.connections, store)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.go_to(len(wizard.steps) - 1)
    message = next(f for f in wizard.fields if f.key == "message")
    box = message.widget
    assert isinstance(box, ReferenceTextEdit)
    assert box.chips()[:2] == ["New order › First name", "New order › Name"]
    assert box.readable_text().startswith("Hi New order › First name, we received")

    # The user clicks right after the first chip and types, then rubs out a letter, then
    # deletes the second chip with one key press and types a word in its place.
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=WAIT_MS)
    cursor = box.textCursor()
    cursor.setPosition(len("Hi ") + 1)
    box.setTextCursor(cursor)
    qtbot.keyClicks(box, " and welcomee")
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    cursor.setPosition(len("Hi ") + 1 + len(" and welcome, we received your order "))
    box.setTextCursor(cursor)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    qtbot.keyClicks(box, "today")

    assert box.chips()[0] == "New order › First name"
    assert "New order › Name" not in box.chips()
    assert box.readable_text().startswith(
        "Hi New order › First name and welcome, we received your order today ("
    )
    for field in wizard.fields:
        if field.key != "message" and not field.value() and isinstance(field.widget, QLineEdit):
            field.widget.setText("+201001234567" if field.kind == "phone" else "x")
    for row in wizard.account_rows:
        row.reload(accounts[row.connector.id].id)
    assert wizard.still_needed() == []
    flow_id = wizard.finish()

    flow = store.flows.get(flow_id)
    sent = next(n for n in flow.nodes if n.type == "twilio.send_sms").params["body"]
    assert sent.startswith(
        "Hi {{ trigger.first_name }} and welcome, we received your order today "
        "({{ trigger.total_price }} {{ trigger.currency }})."
    )
