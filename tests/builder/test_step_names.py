"""Steps the builder adds are named in the user's language, as the palette names them."""

from __future__ import annotations

import re

from flowin_engine.builder import build
from flowin_engine.registry import default_registry

_ARABIC = re.compile("[\u0600-\u06ff]")


def test_an_arabic_request_names_its_steps_in_arabic():
    proposal = build("عند وصول طلب جديد في شوبيفاي أرسل رسالة واتساب للعميل")
    assert proposal.flow is not None
    trigger = proposal.flow.nodes[0]
    assert trigger.type == "shopify.new_order"
    assert trigger.name == "طلب جديد في Shopify"
    assert all(_ARABIC.search(node.name) for node in proposal.flow.nodes)
    # The explanation names the steps as they are called, and the fields in Arabic.
    registry = default_registry()
    for line in proposal.explanation:
        assert registry.get(line.type).name not in line.why
    for missing in proposal.missing:
        assert not re.search(r"\b(fill in|From|To)\b", missing.message)


def test_steps_are_named_in_the_apps_language_when_it_is_arabic():
    english = build("When I get a new Shopify order, send WhatsApp message to the client")
    assert english.flow is not None
    assert english.flow.nodes[0].name == "New Shopify order"

    arabic_app = build(
        "When I get a new Shopify order, send WhatsApp message to the client", ui_language="ar"
    )
    assert arabic_app.flow is not None
    assert arabic_app.flow.nodes[0].name == "طلب جديد في Shopify"
    assert arabic_app.explanation[0].why.startswith("Starts the flow: طلب جديد في Shopify")
    # References between steps follow their names.
    action = arabic_app.flow.nodes[1]
    assert "steps['New Shopify order']" not in str(action.params)


def test_the_condition_explanation_names_its_output_in_arabic():
    proposal = build("إذا كان المجموع أكثر من 100 أرسل لي على تيليجرام «طلب كبير»")
    condition = next(line for line in proposal.explanation if line.type == "core.condition")
    assert "true" not in condition.why
