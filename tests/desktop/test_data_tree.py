"""The trigger's and earlier steps' data as a tree a user clicks: a field goes into the setting
being edited as its reference, and the setting shows it by its readable name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from flowin_desktop.editor.document import FlowDocument
from flowin_desktop.panels.data import ReferenceLineEdit, reference_parts
from flowin_desktop.panels.properties import PropertiesPanel
from flowin_engine.model import PinnedOutput
from flowin_engine.registry import default_registry
from tests.engine.builders import make_flow

from .conftest import WAIT_MS, click, plain, shown

ORDER = {"customer": {"name": "Layla", "phone": "+966500000001"}, "total": 250}


@pytest.fixture
def panel(qtbot) -> PropertiesPanel:
    flow = make_flow(
        [
            ("New order", "core.manual_trigger", {"sample_data": ORDER}),
            ("Shape", "core.set_fields", {"fields": [{"name": "gift", "value": "Free delivery"}]}),
            ("Price", "core.format", {"kind": "number", "value": 1}),
            ("Check", "core.condition", {"conditions": []}),
            ("Refuse", "core.stop_with_error", {"message": "No"}),
        ],
        ["New order -> Shape", "Shape -> Price", "Price -> Check", "Check:false -> Refuse"],
    )
    document = FlowDocument(flow, default_registry())
    shown_panel = PropertiesPanel(document)
    qtbot.addWidget(shown_panel)
    shown_panel.resize(520, 900)
    shown_panel.show()
    qtbot.waitExposed(shown_panel, timeout=WAIT_MS)
    return shown_panel


def click_item(qtbot, tree, reference: str) -> None:
    item = tree.item_for(reference)
    assert item is not None, f"{reference} is not in the tree"
    tree.scrollToItem(item)
    spot = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=spot)


def test_clicking_a_field_in_the_tree_puts_its_reference_at_the_cursor_and_shows_a_chip(
    qtbot, panel
):
    panel.show_node("price")
    field = panel.editors["prefix"].text_widget
    assert isinstance(field, ReferenceLineEdit)
    click(qtbot, field)
    qtbot.keyClicks(field, "For ")

    click_item(qtbot, shown(qtbot, panel.data_tree), "trigger.customer.name")

    expected = "For {{ trigger.customer.name }}"
    qtbot.waitUntil(lambda: panel.document.flow.node("price").params["prefix"] == expected)
    assert field.text() == expected
    assert not field.hasFocus()
    assert field.chips() == ["New order › Customer › Name"]
    assert field.readable_text() == "For New order › Customer › Name"
    assert field.toolTip() == "For New order › Customer › Name"

    # A second field goes in after the first, where the cursor was left.
    click_item(qtbot, panel.data_tree, "steps['Shape'].output.text")
    assert panel.document.flow.node("price").params["prefix"] == (
        "For {{ trigger.customer.name }}{{ steps['Shape'].output.text }}"
    )
    assert field.chips() == ["New order › Customer › Name", "Shape › Text"]


def test_the_tree_shows_the_last_run_else_pinned_data_else_the_declared_example(qtbot, panel):
    panel.show_node("check")
    tree = panel.data_tree
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert titles == ["Price", "Shape", "New order"]  # nearest first
    # Nothing ran yet: the trigger's sample data, the others' declared examples.
    assert tree.item_for("trigger.customer.phone").text(1) == "+966500000001"
    assert tree.item_for("steps['Shape'].output.text") is not None
    assert tree.topLevelItem(1).text(1) == "example data"

    panel.document.flow.pinned["shape"] = PinnedOutput(output={"gift": "Free delivery"})
    panel.set_step_data("price", None, {"value": "SAR 250.00"}, None)
    panel.show_node(None)
    panel.show_node("check")
    assert tree.topLevelItem(0).text(1) == "last run"
    assert tree.item_for("steps['Price'].output.value").text(1) == "SAR 250.00"
    assert tree.topLevelItem(1).text(1) == "pinned data"
    assert tree.item_for("steps['Shape'].output.gift").text(1) == "Free delivery"
    assert tree.item_for("steps['Shape'].output.text") is None

    # Dragged, a field carries its reference as text, which any field takes at the drop.
    item = tree.item_for("trigger.total")
    assert tree.mimeData([item]).text() == "{{ trigger.total }}"


def test_a_rules_value_picker_opens_the_tree_and_sets_the_reference(qtbot, panel):
    panel.show_node("check")
    editor = panel.editors["conditions"]
    click(qtbot, editor.box.add_rule)
    row = editor.box.rows.rows[0]
    click(qtbot, row.left.picker)
    popup = shown(qtbot, lambda: getattr(row.left.picker, "popup", None))
    click_item(qtbot, popup.tree, "trigger.total")

    rule = panel.document.flow.node("check").params["conditions"][0]
    assert rule["left"] == "{{ trigger.total }}"
    assert row.left.edit.chips() == ["New order › Total"]
    # The value is a number, so the checks offered are a number's.
    assert row.operator.findData("greater_than") >= 0
    assert row.operator.findData("starts_with") < 0


def test_references_read_as_the_steps_and_fields_they_name():
    assert reference_parts("trigger.customer_name", "New order") == ["New order", "Customer name"]
    assert reference_parts("steps['Shopify order'].output.customer.phone", None) == [
        "Shopify order",
        "Customer",
        "Phone",
    ]
    assert reference_parts("steps['Ali\\'s step'].output.items[0]['unit price']", None) == [
        "Ali's step",
        "Items",
        "item 1",
        "Unit price",
    ]
    assert reference_parts("input.total", None) == ["This step's input", "Total"]
    assert reference_parts("trigger.total * 2", "New order") is None


def test_a_text_box_names_the_data_its_references_read_under_it(qtbot, panel):
    panel.show_node("refuse")
    box = panel.editors["message"].text_widget
    names = panel.reference_names["message"]
    assert not names.isVisible()
    click(qtbot, box)
    box.selectAll()
    qtbot.keyClicks(box, "Sorry ")

    click_item(qtbot, panel.data_tree, "trigger.customer.name")

    expected = "Sorry {{ trigger.customer.name }}"
    qtbot.waitUntil(lambda: panel.document.flow.node("refuse").params["message"] == expected)
    assert box.toPlainText() == expected
    assert names.isVisible()
    assert plain(names.text()) == "Uses: New order › Customer › Name"


@pytest.mark.parametrize(("step", "key"), [("price", "prefix"), ("refuse", "message")])
def test_a_field_dragged_from_the_tree_into_a_setting_is_stored(qtbot, panel, step, key):
    panel.show_node(step)
    target = panel.editors[key].text_widget
    tree = shown(qtbot, panel.data_tree)
    mime = tree.mimeData([tree.item_for("trigger.total")])
    spot = QPointF(target.rect().center())
    for kind in (QEvent.Type.DragEnter, QEvent.Type.Drop):
        event_type = QDragEnterEvent if kind == QEvent.Type.DragEnter else QDropEvent
        event = event_type(
            spot.toPoint() if kind == QEvent.Type.DragEnter else spot,
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(target.viewport() if key == "message" else target, event)
    stored = panel.document.flow.node(step).params[key]
    assert "{{ trigger.total }}" in stored


def test_in_arabic_a_store_orders_fields_are_named_in_arabic(qtbot, qapp):
    from flowin_desktop.i18n import Localizer

    flow = make_flow(
        [
            ("New order", "salla.new_order", {}),
            ("Thank", "core.set_fields", {"fields": []}),
        ],
        ["New order -> Thank"],
    )
    localizer = Localizer(qapp)
    localizer.set_language("ar")
    try:
        arabic_panel = PropertiesPanel(FlowDocument(flow, default_registry()))
        qtbot.addWidget(arabic_panel)
        arabic_panel.show_node("thank")
        tree = arabic_panel.data_tree
        assert tree.item_for("trigger.phone").text(0) == "الجوال"
        assert tree.item_for("trigger.customer_name").text(0) == "اسم العميل"
        assert tree.item_for("trigger.total").text(0) == "الإجمالي"
        order = tree.topLevelItem(0)
        labels = [order.child(i).text(0) for i in range(order.childCount())]
        assert not [label for label in labels if label.isascii()], labels
        assert reference_parts("trigger.phone", "طلب جديد")[-1] == "الجوال"
    finally:
        localizer.set_language("en")


def test_in_arabic_a_trello_cards_and_an_airtable_records_fields_are_named_in_arabic(qtbot, qapp):
    from flowin_desktop.i18n import Localizer

    localizer = Localizer(qapp)
    localizer.set_language("ar")
    try:
        for trigger, field, arabic in (
            ("trello.card_overdue", "list_name", "اسم القائمة"),
            ("trello.card_moved", "from_list_name", "اسم القائمة السابقة"),
            ("airtable.new_record", "created_time", "وقت الإنشاء"),
        ):
            flow = make_flow(
                [("Event", trigger, {}), ("Then", "core.set_fields", {"fields": []})],
                ["Event -> Then"],
            )
            panel = PropertiesPanel(FlowDocument(flow, default_registry()))
            qtbot.addWidget(panel)
            panel.show_node("then")
            tree = panel.data_tree
            assert tree.item_for(f"trigger.{field}").text(0) == arabic
            event = tree.topLevelItem(0)
            labels = [event.child(i).text(0) for i in range(event.childCount())]
            assert not [label for label in labels if label.isascii()], (trigger, labels)
    finally:
        localizer.set_language("en")
