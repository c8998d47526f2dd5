"""A step's card on the canvas: its own icon, a line saying what it does from its settings
(declared by its type, in the user's language), branches named in the user's language, and
big enough to read at the zoom the editor opens a flow with."""

from __future__ import annotations

import re
import string
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QImage

import connectors
from flowin_desktop.canvas.items import NODE_WIDTH
from flowin_desktop.editor.document import SetNodeValue
from flowin_desktop.example import welcome_flow
from flowin_desktop.i18n import Localizer
from flowin_desktop.icons import connector_pixmap, step_pixmap
from flowin_desktop.readable import segments

from .conftest import WAIT_MS, plain


def _image(pixmap) -> bytes:
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return bytes(image.constBits())


def _card(editor, name: str):
    return next(i for i in editor.scene.node_items.values() if i.name == name)


def test_every_core_step_has_an_icon_of_its_own(editor):
    core = [t for t in editor.registry.node_types if t.connector.id == "core"]
    assert len(core) >= 10
    drawn = {t.type: _image(step_pixmap(t, 24)) for t in core}
    shared = _image(connector_pixmap(core[0].connector, 24))
    assert all(image != shared for image in drawn.values())
    assert len(set(drawn.values())) == len(drawn), "two core steps share an icon"


def test_the_example_cards_say_what_each_step_does(example):
    assert plain(_card(example, "Big order?").summary) == "If ‹Total› greater than 100"
    assert plain(_card(example, "Write the greeting").summary) == "Set text, total"
    assert plain(_card(example, "When I click Run").summary) == "Starts when you click Run"
    assert plain(_card(example, "Big order?").flow_scene.port_label("true")) == "yes"
    assert plain(_card(example, "Big order?").flow_scene.port_label("false")) == "no"


def test_a_summary_follows_the_settings_and_reads_a_reference_by_its_name(qapp, editor):
    node_id = editor.add_node("whatsapp.send_text", QPointF(0, 0))
    card = editor.scene.node_items[node_id]
    assert card.summary == "Send a WhatsApp message"  # nobody to send to yet

    editor.document.push(SetNodeValue(editor.document, node_id, "params.to", "{{ trigger.phone }}"))

    assert plain(card.summary) == "Send WhatsApp to ‹Phone›"
    english = Localizer(qapp)  # English plurals ("1 minute") come from its translator
    english.set_language("en")
    delay = editor.add_node("core.delay", QPointF(0, 300))
    assert plain(editor.scene.node_items[delay].summary) == "Wait 1 minute"
    editor.document.push(SetNodeValue(editor.document, delay, "params.amount", 3))
    assert plain(editor.scene.node_items[delay].summary) == "Wait 3 minutes"


def test_a_number_of_units_takes_the_plural_form_the_number_takes_in_arabic(qapp, editor):
    delay = editor.add_node("core.delay", QPointF(0, 0))
    timer = editor.add_node("schedule.every", QPointF(0, 300))
    localizer = Localizer(qapp)
    localizer.set_language("ar")
    try:
        read = {}
        for amount, unit in [(1, "minutes"), (2, "hours"), (5, "days"), (15, "minutes")]:
            editor.document.push(SetNodeValue(editor.document, delay, "params.amount", amount))
            editor.document.push(SetNodeValue(editor.document, delay, "params.unit", unit))
            editor.document.push(SetNodeValue(editor.document, timer, "params.every", amount))
            editor.document.push(SetNodeValue(editor.document, timer, "params.unit", unit))
            for node_id in (delay, timer):
                card = editor.scene.node_items[node_id]
                card.refresh(editor.document.flow.node(node_id), force=True)
                read[(node_id, amount)] = plain(card.summary)
        assert read[(delay, 1)] == "انتظر دقيقة"
        assert read[(delay, 2)] == "انتظر ساعتين"
        assert read[(delay, 5)] == "انتظر 5 أيام"
        assert read[(timer, 15)] == "كل 15 دقيقة"  # not "15 دقائق": 11 and more take the singular
        assert read[(timer, 2)] == "كل ساعتين"
    finally:
        localizer.set_language("en")


def test_a_card_never_shows_the_chosen_accounts_internal_id(editor):
    trigger = editor.add_node("shopify.new_order", QPointF(0, 0))
    card = editor.scene.node_items[trigger]
    editor.document.push(
        SetNodeValue(editor.document, trigger, "params.connection", "5171eff8c100")
    )
    assert "5171eff8c100" not in plain(card.summary)
    assert plain(card.summary) == "On a new Shopify order"

    sheet = editor.add_node("google_sheets.append_row", QPointF(0, 300))
    editor.document.push(SetNodeValue(editor.document, sheet, "params.connection", "ab12cd34ef56"))
    assert "ab12cd34ef56" not in plain(editor.scene.node_items[sheet].summary)


def test_a_card_names_a_reference_as_the_data_tree_and_the_reference_chips_do(editor):
    node_id = editor.add_node("whatsapp.send_text", QPointF(0, 0))
    card = editor.scene.node_items[node_id]
    for reference, field in [
        ("{{ trigger.customer_name }}", "Customer name"),
        ("{{ steps['Write the greeting'].output.customerPhone }}", "Customer Phone"),
        ("{{ trigger.items[0] }}", "item 1"),
    ]:
        editor.document.push(SetNodeValue(editor.document, node_id, "params.to", reference))
        chip = segments(reference, "When I click Run")[0][0]  # what a field's chip shows
        assert chip.endswith(field)
        assert plain(card.summary) == f"Send WhatsApp to ‹{field}›"


def test_cards_and_branches_read_in_arabic(qtbot, window):
    window.set_language("ar")
    window.open_flow(window.home.flow_ids()[0])
    editor = window.editor

    big = _card(editor, "Big order?")
    # (The rule's check reads in Arabic as the choice's own translation has it.)
    assert plain(big.summary).startswith("إذا كان ‹الإجمالي› ")  # the data key in Arabic too
    assert plain(big.summary).endswith(" 100")
    assert [editor.scene.port_label(p) for p in ("true", "false")] == ["نعم", "لا"]
    assert plain(_card(editor, "When I click Run").summary) == "يبدأ عند الضغط على تشغيل"


def test_a_card_is_big_enough_to_read_at_the_zoom_a_flow_opens_with(qtbot, editor):
    flow = welcome_flow(editor.registry)
    editor.store.flows.save(flow)
    with qtbot.waitSignal(editor.view_restored, timeout=WAIT_MS):
        editor.open_flow(flow.id)
    example = editor
    card = _card(example, "Write the greeting")
    zoom = example.view.zoom_factor()
    font = QFont(example.view.font())
    font.setPointSizeF(10.5)
    on_screen = QFontMetricsF(font).height() * zoom
    assert on_screen >= 12, f"the step's name is {on_screen:.1f} pixels high"
    assert card.boundingRect().width() >= NODE_WIDTH >= 240


def _placeholders(line: str) -> list[tuple[str, str]]:
    """Each ``{setting...:spec}`` of a summary line, as its setting's name and the whole field."""
    found = []
    for _text, field, spec, _conversion in string.Formatter().parse(line):
        if field is not None:
            found.append((re.split(r"[\[.]", field)[0], f"{field}:{spec}" if spec else field))
    return found


def test_every_built_in_operation_says_what_it_does_in_both_languages(editor):
    root = Path(connectors.__file__).parent
    built_in = sorted(p.parent.name for p in root.glob("*/manifest.json"))
    assert len(built_in) >= 15
    for connector_id in built_in:
        ts = ElementTree.parse(root / connector_id / "translations" / f"{connector_id}_ar.ts")
        arabic = {
            message.findtext("source"): message.findtext("translation") or ""
            for context in ts.getroot()
            if context.findtext("name") == "NodeTypes"
            for message in context.iter("message")
        }
        types = [t for t in editor.registry.node_types if t.connector.id == connector_id]
        assert types, connector_id
        for node_type in types:
            lines = node_type.manifest.summary
            assert lines, f"{node_type.type} declares no summary line"
            settings = set(node_type.input_model.model_fields)
            for line in lines:
                fields = _placeholders(line)
                for setting, _field in fields:
                    assert setting in settings, f"{node_type.type}: {line!r} names {setting}"
                    assert setting not in {"connection", "spreadsheet_id", "database_id"}
                assert line in arabic, f"{line!r} has no Arabic in {connector_id}_ar.ts"
                assert sorted(f for _s, f in _placeholders(arabic[line])) == sorted(
                    f for _s, f in fields
                ), f"the Arabic of {line!r} changes its placeholders"


def test_a_sheets_card_names_the_sheet_not_the_spreadsheets_id(editor):
    step = editor.add_node("google_sheets.append_row", QPointF(0, 0))
    for key, value in [("spreadsheet_id", "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms")]:
        editor.document.push(SetNodeValue(editor.document, step, f"params.{key}", value))
    card = editor.scene.node_items[step]
    assert plain(card.summary) in {"Add a row to Sheet1", "Add a row to the sheet"}
    editor.document.push(SetNodeValue(editor.document, step, "params.sheet", "Orders"))
    assert plain(card.summary) == "Add a row to Orders"

    timer = editor.add_node("schedule.every", QPointF(0, 300))
    assert plain(editor.scene.node_items[timer].summary) == "Every 15 minutes"
    editor.document.push(SetNodeValue(editor.document, timer, "params.mode", "cron"))
    assert plain(editor.scene.node_items[timer].summary) == "On schedule 0 9 * * 1-5"


def test_a_sheets_card_reads_in_arabic(qtbot, qapp, editor):
    step = editor.add_node("google_sheets.append_row", QPointF(0, 0))
    editor.document.push(SetNodeValue(editor.document, step, "params.sheet", "Orders"))
    localizer = Localizer(qapp)
    localizer.set_language("ar")
    try:
        card = editor.scene.node_items[step]
        card.refresh(editor.document.flow.node(step), force=True)
        assert plain(card.summary) == "أضف صفًا إلى Orders"
    finally:
        localizer.set_language("en")
