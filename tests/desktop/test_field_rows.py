"""Settings that hold named values (a Sheets row, Stripe metadata, a request or answer body, a
Manual trigger's sample data) are rows of name, kind and value: what the rows store is the
dictionary the step reads, numbers stay numbers, every row edit is one undo step, and no JSON
shows. Only settings with no declared shape keep their text, folded under "Advanced"."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from flowin_desktop.editor.document import FlowDocument
from flowin_desktop.panels.dicts import FieldGroup, FieldRow, FieldRowsEditor
from flowin_desktop.panels.editors import make_editor
from flowin_desktop.panels.fields import JsonEditor
from flowin_desktop.panels.properties import PropertiesPanel
from flowin_desktop.panels.rules import DataSource
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from tests.engine.builders import make_flow

from .conftest import WAIT_MS, click, shown
from .test_rule_editor import choose, type_into


def panel_for(qtbot, steps: list[tuple[str, str, dict[str, Any]]]) -> PropertiesPanel:
    names = [name for name, _, _ in steps]
    flow = make_flow(steps, [f"{a} -> {b}" for a, b in pairwise(names)])
    panel = PropertiesPanel(FlowDocument(flow, default_registry()))
    qtbot.addWidget(panel)
    panel.resize(560, 900)
    panel.show()
    qtbot.waitExposed(panel, timeout=WAIT_MS)
    return panel


def rows_of(panel: PropertiesPanel, step: str, key: str) -> FieldRowsEditor:
    panel.show_node(step)
    editor = panel.editors[key]
    assert isinstance(editor, FieldRowsEditor), type(editor)
    return editor


def add_field(qtbot, group: FieldGroup, name: str, kind: str, value: Any = None) -> FieldRow:
    """Add a row the way a person does: the button, the name, the kind, then the value."""
    click(qtbot, group.add_field if kind not in ("group", "list") else group.add_group)
    row = group.rows.rows[-1]
    if row.key is not None:
        type_into(qtbot, row.key.edit, name)
    if kind == "list":
        choose(qtbot, row.kind, "list")
    elif kind not in ("group", "text"):
        choose(qtbot, row.kind, kind)
    if kind == "yes_no":
        choose(qtbot, row.yes_no, value)
    elif kind in ("text", "number"):
        type_into(qtbot, row.field.edit, value)
    return row


def shown_rows(group: FieldGroup) -> list[Any]:
    """What the rows show: (name, kind, value text or nested rows)."""
    shown_ = []
    for row in group.rows.rows:
        if row.group is not None:
            value: Any = shown_rows(row.group)
        elif row.yes_no is not None:
            value = row.yes_no.currentText()
        else:
            value = row.field.edit.text()
        shown_.append((row.name() or row.number.text(), row.kind.currentData(), value))
    return shown_


SAMPLE = {
    "customer": {"name": "Layla", "phone": "+966500000001"},
    "total": 250,
    "paid": True,
    "tags": ["vip", 3],
}


def test_sample_data_built_in_rows_is_stored_as_the_dictionary_shown_again_and_run(qtbot):
    panel = panel_for(qtbot, [("New order", "core.manual_trigger", {})])
    editor = rows_of(panel, "new_order", "sample_data")
    assert not panel.findChildren(QPlainTextEdit)  # no JSON box anywhere
    customer = add_field(qtbot, editor.fields, "customer", "group")
    add_field(qtbot, customer.group, "name", "text", "Layla")
    add_field(qtbot, customer.group, "phone", "text", "+966500000001")
    add_field(qtbot, editor.fields, "total", "number", "250")
    add_field(qtbot, editor.fields, "paid", "yes_no", True)
    tags = add_field(qtbot, editor.fields, "tags", "list")
    add_field(qtbot, tags.group, "", "text", "vip")
    add_field(qtbot, tags.group, "", "number", "3")

    stored = panel.document.flow.node("new_order").params["sample_data"]
    assert stored == SAMPLE
    assert isinstance(stored["total"], int)  # a number, not "250"

    before = shown_rows(editor.fields)
    panel.show_node(None)
    again = rows_of(panel, "new_order", "sample_data")
    assert shown_rows(again.fields) == before
    assert before[0] == (
        "customer",
        "group",
        [("name", "text", "Layla"), ("phone", "text", "+966500000001")],
    )
    assert before[2] == ("paid", "yes_no", "Yes")
    assert before[3] == ("tags", "list", [("1", "text", "vip"), ("2", "number", "3")])

    with Runner(default_registry()) as runner:
        result = runner.run(panel.document.flow)
    assert result.ok, result.error
    assert result.outputs["New order"] == SAMPLE


def test_every_row_edit_is_one_undo_step_and_removing_a_row_removes_its_field(qtbot):
    panel = panel_for(qtbot, [("New order", "core.manual_trigger", {"sample_data": {"a": 1}})])
    editor = rows_of(panel, "new_order", "sample_data")
    stack = panel.document.undo_stack
    params = lambda: panel.document.flow.node("new_order").params  # noqa: E731
    steps = stack.count()
    add_field(qtbot, editor.fields, "note", "text", "gift")
    assert params()["sample_data"] == {"a": 1, "note": "gift"}
    assert stack.count() == steps + 2  # the name, then the value
    click(qtbot, editor.fields.rows.rows[0].remove_button)
    assert params()["sample_data"] == {"note": "gift"}
    assert stack.count() == steps + 3
    stack.undo()
    assert params()["sample_data"] == {"a": 1, "note": "gift"}
    qtbot.waitUntil(lambda: len(rows_of(panel, "new_order", "sample_data").fields.rows.rows) == 2)
    stack.undo()
    assert params()["sample_data"] == {"a": 1, "note": ""}


def test_a_reference_picked_into_a_value_is_stored_as_its_expression(qtbot):
    panel = panel_for(
        qtbot,
        [
            ("New order", "core.manual_trigger", {"sample_data": SAMPLE}),
            ("Customer", "stripe.create_customer", {}),
        ],
    )
    panel.set_step_data("new_order", None, SAMPLE, None)
    editor = rows_of(panel, "customer", "metadata")
    row = add_field(qtbot, editor.fields, "order", "text", "")
    assert row.field.picker is not None  # the { } data picker, as in rule rows
    type_into(qtbot, row.field.edit, "{{ trigger.total }}")
    assert panel.document.flow.node("customer").params["metadata"] == {
        "order": "{{ trigger.total }}"
    }


@pytest.mark.parametrize(
    ("step_type", "key", "build", "expected"),
    [
        (
            "google_sheets.append_row",
            "values",
            [("Email", "text", "{{ trigger.customer.phone }}"), ("Amount", "number", "12.5")],
            {"Email": "{{ trigger.customer.phone }}", "Amount": 12.5},
        ),
        (
            "google_sheets.update_row",
            "values",
            [("Status", "text", "Paid")],
            {"Status": "Paid"},
        ),
        ("stripe.create_customer", "metadata", [("order", "text", "1042")], {"order": "1042"}),
        (
            "http.request",
            "body",
            [("qty", "number", "2"), ("gift", "yes_no", False)],
            {"qty": 2, "gift": False},
        ),
        ("http.request", "query", [("page", "number", "2")], {"page": 2}),
        ("http.request", "headers", [("Accept", "text", "text/csv")], {"Accept": "text/csv"}),
        ("webhook.respond", "body", [("ok", "yes_no", True)], {"ok": True}),
        ("webhook.respond", "headers", [("X-Shop", "text", "7")], {"X-Shop": "7"}),
        ("notion.create_page", "properties", [("Amount", "number", "120")], {"Amount": 120}),
        ("notion.update_page", "properties", [("Name", "text", "Layla")], {"Name": "Layla"}),
    ],
)
def test_each_named_values_setting_round_trips_through_its_rows(
    qtbot, step_type, key, build, expected
):
    panel = panel_for(qtbot, [("Start", "core.manual_trigger", {}), ("Step", step_type, {})])
    editor = rows_of(panel, "step", key)
    for name, kind, value in build:
        add_field(qtbot, editor.fields, name, kind, value)
    assert panel.document.flow.node("step").params[key] == expected
    before = shown_rows(editor.fields)
    panel.show_node(None)
    assert shown_rows(rows_of(panel, "step", key).fields) == before


def test_a_sheets_row_may_be_values_in_column_order_and_a_body_one_reference(qtbot):
    panel = panel_for(
        qtbot,
        [
            ("Start", "core.manual_trigger", {}),
            ("Add row", "google_sheets.append_row", {"values": ["Layla", 250]}),
            ("Call", "http.request", {"body": "{{ trigger }}"}),
        ],
    )
    row = rows_of(panel, "add_row", "values")
    assert row.current_shape() == "list"
    assert shown_rows(row.items) == [("1", "text", "Layla"), ("2", "number", "250")]
    choose(qtbot, row.shape, "group")
    add_field(qtbot, row.fields, "Name", "text", "Omar")
    assert panel.document.flow.node("add_row").params["values"] == {"Name": "Omar"}

    body = rows_of(panel, "call", "body")
    assert body.current_shape() == "text"
    assert body.single.text() == "{{ trigger }}"


def test_settings_without_a_declared_shape_keep_their_text_folded_under_advanced(qtbot):
    blocks = [{"type": "section"}]
    panel = panel_for(
        qtbot,
        [("Start", "core.manual_trigger", {}), ("Post", "slack.post_message", {"blocks": blocks})],
    )
    panel.show_node("post")
    editor = panel.editors["blocks"]
    assert isinstance(editor, JsonEditor)
    assert not editor.text.isVisible()  # not what a person sees first
    assert editor.state.text() == "Set"
    click(qtbot, editor.disclosure)
    text = shown(qtbot, editor.text)
    assert '"section"' in text.toPlainText()
    panel.settings_scroll.ensureWidgetVisible(text)
    text.setFocus()
    qtbot.waitUntil(text.hasFocus, timeout=WAIT_MS)
    text.selectAll()
    qtbot.keyClicks(text, '[{"type": "divider"}]')
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    assert panel.document.flow.node("post").params["blocks"] == [{"type": "divider"}]


def test_only_the_settings_with_no_declared_shape_are_left_as_text_under_advanced(qapp):
    advanced = set()
    for node_type in default_registry().node_types:
        for key, info in node_type.input_model.model_fields.items():
            editor = make_editor(info, lambda _value: None, DataSource())
            if isinstance(editor, JsonEditor):
                advanced.add(f"{node_type.type}.{key}")
    assert advanced == {
        "notion.query_database.filter",
        "notion.query_database.sorts",
        "slack.post_message.blocks",
        "slack.update_message.blocks",
        "slack.message_by_email.blocks",
        "telegram.send_message.reply_markup",
        "telegram.edit_message.reply_markup",
    }
