"""Connectors' words (manifest.json and their pydantic models) in Arabic, where the app shows them."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel

from connectors.telegram.operations import FORMATTING_HINT
from connectors.whatsapp.operations import EXPLAINED_ERRORS, REFUSED_EXPLAINED
from flowin_desktop.i18n import CONNECTOR_MESSAGES, stored_error_text
from flowin_desktop.panels.fields import ChoiceEditor

from .conftest import add, plain

TOOL = Path(__file__).resolve().parents[2] / "tools" / "manifest_strings.py"


def _tool():
    spec = importlib.util.spec_from_file_location("manifest_strings", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("manifest_strings", module)
    spec.loader.exec_module(module)
    return module


manifest_strings = _tool()

# Placeholders and technical tokens a translation must keep as they are.
_TOKENS = re.compile(r"\{\{.*?\}\}|%\d|%[a-zA-Z]|https?://\S*[\w/]|\b\w+_\w*\b|\b\d{3,}\b")


def test_every_connector_string_has_an_arabic_translation():
    missing = manifest_strings.missing("ar")
    assert missing == [], (
        f"{len(missing)} connector strings have no Arabic translation in "
        "flowin_desktop/translations/flowin_ar.ts (list them with `python tools/manifest_strings.py "
        "--missing ar --ts`):\n"
        + "\n".join(f"  [{e.context}] {e.source!r}  ({e.where})" for e in missing)
    )


def test_the_list_covers_names_categories_fields_and_choices():
    entries = {(e.context, e.source) for e in manifest_strings.strings()}
    assert ("NodeTypes", "New Shopify order") in entries
    assert ("NodeTypes", "E-commerce") in entries
    assert ("NodeTypes", "Shopify") in entries
    assert ("NodeFields", "To") in entries  # twilio.send_sms
    assert ("NodeFields", "Store address") in entries  # the Shopify account
    assert ("NodeFields", "partially paid") in entries  # a Literal choice, without "_"
    assert len(entries) > 400


def test_arabic_translations_keep_placeholders_and_technical_tokens():
    translations = manifest_strings.translations("ar")
    entries = manifest_strings.strings()
    # Help that names a choice (by_name: ...) names it as the choice reads, in Arabic too.
    choices = {e.source for e in entries if e.where.endswith("(choice)")}
    changed = []
    for entry in entries:
        arabic = translations.get((entry.context, entry.source), "")
        for token in _TOKENS.findall(entry.source):
            if token not in arabic and token.replace("_", " ") not in choices:
                changed.append(f"{entry.source!r}: {token!r} is not in {arabic!r}")
    assert changed == []


def test_the_palette_shows_connectors_in_arabic(window):
    window.set_language("ar")
    palette = window.editor.palette_panel
    item = palette.item_for("shopify.new_order")
    assert item.text(0) == "طلب جديد في Shopify"
    assert "طلب جديد في Shopify" in item.toolTip(0)  # whole, should the name be cut short
    assert "يبدأ التدفق عندما يرسل Shopify ويب هوك orders/create" in plain(item.toolTip(0))
    sms = palette.item_for("twilio.send_sms")
    assert sms.text(0) == "إرسال SMS (Twilio)"
    assert sms.parent().text(0) == "التواصل"  # the Communication category
    groups = [palette.tree.topLevelItem(i).text(0) for i in range(palette.tree.topLevelItemCount())]
    assert "الذكاء الاصطناعي" in groups
    assert "التجارة الإلكترونية" in groups
    assert not {"AI", "Communication", "E-commerce", "Payments"} & set(groups)

    palette.search.setText("شوبيفاي")  # the Arabic phrases still find it
    assert not item.isHidden()
    palette.search.setText("عميل")  # and so do the translated names and descriptions
    assert not palette.item_for("stripe.create_customer").isHidden()


def test_the_properties_panel_shows_arabic_fields_help_and_choices(qtbot, window):
    window.new_flow()
    editor = window.editor
    window.set_language("ar")
    node_id = add(editor, "twilio.send_sms", 0, 0)
    editor.properties.show_node(node_id, force=True)
    page = editor.properties.settings_scroll.widget()
    texts = [plain(label.text()) for label in page.findChildren(QLabel)]
    assert "إرسال SMS (Twilio)" in texts  # the step's kind, as the panel's title
    assert "يرسل رسالة نصية من رقمك في Twilio أو من Messaging Service." in texts
    assert "إلى *" in texts
    assert "الرسالة *" in texts
    assert "رقم الهاتف بصيغة E.164، مثال: +966501234567." in texts
    assert not {"To *", "Message *", "From"} & set(texts)
    # Examples stay in one left-to-right piece in the Arabic sentence, "+" and all.
    assert any("\u2068+966501234567\u2069" in label.text() for label in page.findChildren(QLabel))

    delay = add(editor, "core.delay", 300, 0)
    editor.properties.show_node(delay, force=True)
    unit = editor.properties.editors["unit"]
    assert isinstance(unit, ChoiceEditor)
    labels = [unit.widget.itemText(i) for i in range(unit.widget.count())]
    assert labels == ["ثوانٍ", "دقائق", "ساعات", "أيام"]
    assert unit.widget.itemData(0) == "seconds"  # the value saved stays the same


def test_a_connectors_own_failure_sentence_reads_in_arabic_in_the_history(qtbot, window):
    entries = {(e.context, e.source): e.where for e in manifest_strings.strings()}
    refused = "Telegram: the bot token is wrong — reconnect the bot."
    assert entries[(CONNECTOR_MESSAGES, refused)] == "telegram: TELEGRAM.rejected"
    window.set_language("ar")
    assert plain(stored_error_text(refused)) == "Telegram: رمز البوت غير صحيح — أعد ربط البوت."
    # A service's own answer, which no connector declared, stays as it came.
    assert stored_error_text("Telegram refused sendMessage: Bad Request.") == (
        "Telegram refused sendMessage: Bad Request."
    )
    # A declared sentence with values (the setting's title translated as well).
    formatting = FORMATTING_HINT.format(detail="Can't find end of the entity", title="Formatting")
    shown = plain(stored_error_text(formatting))
    assert shown.startswith("لا يستطيع Telegram قراءة تنسيق النص (Can't find end of the entity)")
    assert "راجع إعداد التنسيق في الخطوة" in shown  # the setting's title in Arabic too
    # A sentence inside a sentence: Meta's code explained, in Arabic as well.
    refused = REFUSED_EXPLAINED.format(
        reason=EXPLAINED_ERRORS[131047], code=131047, message="Re-engagement message"
    )
    shown = plain(stored_error_text(refused))
    assert shown.startswith("رفض WhatsApp الرسالة: مرّت أكثر من 24 ساعة")
    assert "131047" in shown and "Re-engagement message" in shown


def test_every_declared_connector_sentence_keeps_its_placeholders_in_arabic():
    translations = manifest_strings.translations("ar")
    placeholders = re.compile(r"\{(\w+)\}")
    sentences = [e for e in manifest_strings.strings() if e.context == CONNECTOR_MESSAGES]
    assert len(sentences) > 10
    for entry in sentences:
        arabic = translations[(entry.context, entry.source)]
        assert sorted(placeholders.findall(arabic)) == sorted(placeholders.findall(entry.source)), (
            entry.source
        )


def test_metas_24_hour_refusal_reads_in_arabic_in_the_history(qtbot, window):
    from connectors.instagram_messenger.operations import OUTSIDE_WINDOW, REFUSED_BECAUSE

    window.set_language("ar")
    said_before_sending = plain(stored_error_text(OUTSIDE_WINDOW))
    assert said_before_sending.startswith("مرّت أكثر من 24 ساعة منذ آخر رسالة من العميل")
    refused = REFUSED_BECAUSE.format(
        reason=OUTSIDE_WINDOW,
        code="10/2018278",
        message="(#10) This message is sent outside of allowed window",
    )
    shown = plain(stored_error_text(refused))
    assert shown.startswith("مرّت أكثر من 24 ساعة") and "رفضت Meta الرد بالرمز" in shown
    assert "10/2018278" in shown and "outside of allowed window" in shown


def test_an_arabic_help_names_a_choice_as_the_arabic_list_shows_it(qapp):
    import typing

    from flowin_desktop.i18n import Localizer, field_text
    from flowin_engine.registry import default_registry

    localizer = Localizer(qapp)
    localizer.set_language("ar")
    try:
        left = []
        for node_type in default_registry().node_types:
            fields = node_type.input_model.model_fields.values() if node_type.input_model else []
            choices = {
                str(value)
                for info in fields
                if typing.get_origin(info.annotation) is typing.Literal
                for value in typing.get_args(info.annotation)
            }
            for info in fields:
                arabic = field_text(info.description) if info.description else ""
                left += [
                    (node_type.type, c)
                    for c in choices
                    if re.search(rf"= {re.escape(c)}\b", arabic)
                ]
        assert not left  # e.g. "= custom" where the list reads «حالة خاصة بالمتجر»
    finally:
        localizer.set_language("en")
