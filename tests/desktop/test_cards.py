"""A step's card on the canvas: its own icon, a line saying what it does from its settings
(declared by its type, in the user's language), branches named in the user's language, and
big enough to read at the zoom the editor opens a flow with."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QImage

from flowin_desktop.canvas.items import NODE_WIDTH
from flowin_desktop.editor.document import SetNodeValue
from flowin_desktop.example import welcome_flow
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


def test_a_summary_follows_the_settings_and_reads_a_reference_by_its_name(editor):
    node_id = editor.add_node("whatsapp.send_text", QPointF(0, 0))
    card = editor.scene.node_items[node_id]
    assert card.summary == "Send a WhatsApp message"  # nobody to send to yet

    editor.document.push(SetNodeValue(editor.document, node_id, "params.to", "{{ trigger.phone }}"))

    assert plain(card.summary) == "Send WhatsApp to ‹Phone›"
    delay = editor.add_node("core.delay", QPointF(0, 300))
    assert plain(editor.scene.node_items[delay].summary) == "Wait 1 minutes"


def test_a_card_never_shows_the_chosen_accounts_internal_id(editor):
    trigger = editor.add_node("shopify.new_order", QPointF(0, 0))
    card = editor.scene.node_items[trigger]
    editor.document.push(SetNodeValue(editor.document, trigger, "params.connection", "5171eff8c100"))
    assert "5171eff8c100" not in plain(card.summary)
    assert plain(card.summary) == "New Shopify order"

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
    assert plain(big.summary).startswith("إذا كان ‹Total› ")
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
