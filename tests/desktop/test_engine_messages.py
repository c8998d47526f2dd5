"""The engine's problems with a flow read in the user's language."""

from __future__ import annotations

import ast
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import flowin_engine.editing
import flowin_engine.errors
import flowin_engine.runner
import flowin_engine.steps
import flowin_engine.templates._files
import flowin_engine.validation
from flowin_desktop.i18n import ENGINE_MESSAGES, STORED_ERRORS, stored_error_text, translations_dir
from flowin_engine.kit import SERVICE_SENTENCES

from .conftest import WAIT_MS, add, plain

# Where the engine words messages the app shows: validation, and a step's common failures.
MODULES = (
    flowin_engine.validation,
    flowin_engine.editing,
    flowin_engine.errors,
    flowin_engine.steps,
    flowin_engine.runner,
    flowin_engine.templates._files,  # why a template file is refused
)


def _templates() -> set[str]:
    found = set(STORED_ERRORS)  # what Flowin itself writes into the history
    found |= set(SERVICE_SENTENCES)  # a service's failures, as the connector kit words them
    for module in MODULES:
        found |= _templates_in(Path(module.__file__))
    return found


def _templates_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        is_problem = isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem"
        if is_problem and node.args and isinstance(node.args[0], ast.Constant):
            found.add(node.args[0].value)
        is_assign = isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        if is_assign and any(getattr(t, "id", None) == "template" for t in node.targets):
            found.add(node.value.value)
    return found


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_engine_message_has_arabic_with_the_same_placeholders():
    root = ET.parse(translations_dir() / "flowin_ar.ts").getroot()
    arabic = {
        m.findtext("source"): m.findtext("translation")
        for c in root.iter("context")
        if c.findtext("name") == ENGINE_MESSAGES
        for m in c.iter("message")
    }
    templates = _templates()
    assert len(templates) >= 24
    missing = sorted(t for t in templates if not arabic.get(t))
    assert missing == []
    for template in templates:
        assert _fields(arabic[template]) == _fields(template), template
        assert re.search("[\u0600-\u06ff]", arabic[template])


def test_a_missing_value_is_explained_in_arabic(qtbot, window):
    window.new_flow()
    editor = window.editor
    add(editor, "core.manual_trigger", 0, 0)
    step = add(editor, "twilio.send_sms", 300, 0)
    window.set_language("ar")
    editor.check_flow()
    editor.properties.show_node(step, force=True)
    shown = [
        plain(label.text())
        for label in editor.properties.findChildren(type(editor.run_log.summary))
    ]
    assert any("تحتاج" in text and "إلى قيمة في" in text for text in shown), shown
    assert not any("needs a value for" in text for text in shown)
    window.set_language("en")
    editor.check_flow()
    editor.properties.show_node(step, force=True)
    shown = [
        plain(label.text())
        for label in editor.properties.findChildren(type(editor.run_log.summary))
    ]
    assert any("needs a value for" in text for text in shown)


def test_a_new_step_is_named_in_the_users_language(window):
    window.new_flow()
    editor = window.editor
    window.set_language("ar")
    step = add(editor, "twilio.send_sms", 0, 0)
    assert editor.document.flow.node(step).name == "إرسال SMS (Twilio)"
    window.set_language("en")
    assert (
        editor.document.flow.node(add(editor, "twilio.send_sms", 0, 200)).name
        == "Send SMS (Twilio)"
    )


def test_a_missing_variable_in_a_test_run_is_reported_in_arabic(qtbot, window):
    window.new_flow()
    editor = window.editor
    trigger = add(editor, "core.manual_trigger", 0, 0)
    greet = add(editor, "core.set_fields", 300, 0)
    editor.document.flow.node(greet).params["fields"] = [
        {"name": "text", "value": "Hello {{ trigger.customer_nam }}"}
    ]
    editor.scene.connect(trigger, "main", greet, "main")
    window.set_language("ar")
    with qtbot.waitSignal(editor.test_run.finished, timeout=WAIT_MS):
        assert editor.test_run.start()
    summary = plain(editor.run_log.summary.text())
    assert "متغير غير موجود" in summary and "trigger.customer_nam" in summary
    assert "Missing variable" not in summary
    window.set_language("en")


def test_an_impossible_setting_is_shown_on_its_step_in_both_languages(qtbot, window):
    window.new_flow()
    editor = window.editor
    add(editor, "core.manual_trigger", 0, 0)
    wait = add(editor, "core.delay", 300, 0)
    editor.document.flow.node(wait).params["unit"] = "fortnights"
    for language, expected in (("en", "is not one of seconds"), ("ar", "ليست من الخيارات")):
        window.set_language(language)
        editor.check_flow()
        editor.properties.show_node(wait, force=True)
        shown = [
            plain(label.text())
            for label in editor.properties.findChildren(type(editor.run_log.summary))
        ]
        assert any(expected in text and "fortnights" in text for text in shown), shown


def test_an_expression_that_does_too_much_is_reported_in_arabic(qtbot, window):
    window.new_flow()
    editor = window.editor
    trigger = add(editor, "core.manual_trigger", 0, 0)
    label = add(editor, "core.set_fields", 300, 0)
    editor.document.flow.node(label).params["fields"] = [
        {
            "name": "text",
            "value": "{% set s = 'x' * 1000 %}"
            "{% for a in s %}{% for b in s %}{% for c in s %}.{% endfor %}{% endfor %}{% endfor %}",
        }
    ]
    editor.scene.connect(trigger, "main", label, "main")
    window.set_language("ar")
    with qtbot.waitSignal(editor.test_run.finished, timeout=30_000):
        assert editor.test_run.start()
    summary = plain(editor.run_log.summary.text())
    assert "يتطلب عملًا أكثر من اللازم" in summary
    assert "does too much work" not in summary
    window.set_language("en")


def test_a_services_failure_in_the_history_reads_in_arabic(qtbot, window):
    window.set_language("ar")
    shown = plain(stored_error_text("Notion refused the request: Status is expected to be status."))
    assert shown.startswith("رفض Notion الطلب")
    assert "Status is expected to be status" in shown
    waiting = plain(
        stored_error_text("Slack: too many requests for now; it asks to wait 30 seconds.")
    )
    assert "30" in waiting and "الانتظار" in waiting


def test_a_request_refused_through_the_live_address_says_why_in_arabic(qtbot, window):
    from flowin_engine.runtime._relay import REFUSED_ERROR
    from flowin_engine.webhooks import WebhookRejected, require_signature

    reasons = []
    for secret in ("shpss_secret", None):  # a forged order; a store account with no secret
        with pytest.raises(WebhookRejected) as refused:
            require_signature(secret, b"{}", "bm90IGl0", service="Shopify")
        reasons.append(str(refused.value))
    window.set_language("ar")
    try:
        for reason in reasons:
            shown = plain(stored_error_text(REFUSED_ERROR.format(reason=reason)))
            assert shown.startswith("رُفض عند وصوله عبر العنوان المباشر")
            assert "Shopify" in shown
            # The reason too is in Arabic, not an English sentence inside an Arabic one.
            assert not re.search(r"[a-z]{3,} [a-z]{3,}", shown.replace("Shopify", "")), shown
    finally:
        window.set_language("en")
