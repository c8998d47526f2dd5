"""If / else rules, Switch cases and Set fields are edited as rows of plain fields: what the rows
store is what the engine evaluates, every edit is one undo step, and no JSON shows."""

from __future__ import annotations

import typing
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit

from connectors.core.operations import Operator
from flowin_desktop.editor.document import FlowDocument
from flowin_desktop.panels.data import ReferenceLineEdit
from flowin_desktop.panels.properties import PropertiesPanel
from flowin_desktop.panels.rules import ObjectListEditor, RuleRow, RulesEditor, ValueListEditor
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from tests.engine.builders import make_flow

from .conftest import WAIT_MS, click, shown

ORDER = {
    "customer": {"name": "Layla", "phone": "+966500000001"},
    "total": 250,
    "tags": ["vip", "gift"],
    "paid": True,
    "ordered_at": "2025-03-01T09:00:00Z",
    "note": "",
}


@pytest.fixture
def panel(qtbot) -> PropertiesPanel:
    flow = make_flow(
        [
            ("New order", "core.manual_trigger", {"sample_data": ORDER}),
            ("Check", "core.condition", {"combine": "and", "conditions": []}),
            ("Yes", "core.no_op", {}),
            ("No", "core.no_op", {}),
            ("Route", "core.switch", {"value": "{{ trigger.customer.name }}", "cases": []}),
            ("Shape", "core.set_fields", {"fields": [{"name": "seen", "value": True}]}),
        ],
        [
            "New order -> Check",
            "Check:true -> Yes",
            "Check:false -> No",
            "New order -> Route",
            "New order -> Shape",
        ],
    )
    document = FlowDocument(flow, default_registry())
    shown = PropertiesPanel(document)
    qtbot.addWidget(shown)
    shown.resize(520, 900)
    shown.show()
    qtbot.waitExposed(shown, timeout=WAIT_MS)
    # What the last test run gave the trigger: the rows pick operators from its values.
    shown.set_step_data("new_order", None, ORDER, None)
    return shown


def rules_editor(panel: PropertiesPanel) -> RulesEditor:
    panel.show_node("check")
    editor = panel.editors["conditions"]
    assert isinstance(editor, RulesEditor)
    return editor


def type_into(qtbot, field: ReferenceLineEdit, text: str) -> None:
    click(qtbot, field)
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def choose(qtbot, combo: QComboBox, data: Any) -> None:
    """Pick the entry holding ``data`` from the combo's open list, as a user does."""
    index = combo.findData(data)
    assert index >= 0, (
        f"{data!r} is not offered: {[combo.itemData(i) for i in range(combo.count())]}"
    )
    click(qtbot, combo)
    view = shown(qtbot, combo.view())
    for _ in range(abs(index - combo.currentIndex())):
        qtbot.keyClick(view, Qt.Key.Key_Down if index > combo.currentIndex() else Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert combo.currentIndex() == index


# A rule for every operator the engine evaluates, built as a user builds it.
LEFT_FOR = {
    "text": "{{ trigger.customer.name }}",
    "number": "{{ trigger.total }}",
    "list": "{{ trigger.tags }}",
    "yes_no": "{{ trigger.paid }}",
    "date": "{{ trigger.ordered_at }}",
}
EVERY_OPERATOR = [
    ("text", "equals", "Layla", True),
    ("text", "not_equals", "Omar", True),
    ("text", "contains", "ayl", True),
    ("text", "not_contains", "xyz", True),
    ("text", "starts_with", "La", True),
    ("text", "ends_with", "la", True),
    ("text", "matches_regex", "^L.*a$", True),
    ("text", "not_starts_with", "Om", True),
    ("text", "not_ends_with", "la", False),
    ("text", "not_matches_regex", "^O", True),
    ("number", "greater_than", "100", True),
    ("number", "less_than", "100", False),
    ("number", "greater_or_equal", "250", True),
    ("number", "less_or_equal", "249", False),
    ("date", "less_than", "2025-04-01", True),
    ("list", "contains", "vip", True),
    ("list", "is_not_empty", None, True),
    ("text", "is_empty", None, False),
    ("yes_no", "is_true", None, True),
    ("yes_no", "is_false", None, False),
]


def test_the_rows_cover_every_operator_the_engine_evaluates():
    assert {op for _, op, _, _ in EVERY_OPERATOR} == set(typing.get_args(Operator))


def add_rule(qtbot, editor: RulesEditor, kind: str, operator: str, right: str | None) -> RuleRow:
    click(qtbot, editor.box.add_rule)
    row = editor.box.rows.rows[-1]
    type_into(qtbot, row.left.edit, LEFT_FOR[kind])
    choose(qtbot, row.operator, operator)
    if right is None:
        assert not row.right.widget.isVisible()  # nothing to compare with
    else:
        type_into(qtbot, row.right.edit, right)
    return row


@pytest.mark.parametrize(("kind", "operator", "right", "holds"), EVERY_OPERATOR)
def test_a_rule_built_in_the_rows_is_stored_shown_again_and_run_as_built(
    qtbot, panel, kind, operator, right, holds
):
    editor = rules_editor(panel)
    add_rule(qtbot, editor, kind, operator, right)

    stored = panel.document.flow.node("check").params["conditions"]
    assert len(stored) == 1
    assert stored[0]["left"] == LEFT_FOR[kind]
    assert stored[0]["operator"] == operator
    if right is not None:
        assert str(stored[0]["right"]) == right

    # Shown again from the model, as when the step is selected another time.
    panel.show_node(None)
    editor = rules_editor(panel)
    (row,) = editor.box.rows.rows
    assert row.left.edit.text() == LEFT_FOR[kind]
    assert row.operator.currentData() == operator
    assert row.right.widget.isVisible() is (right is not None)
    if right is not None:
        assert row.right.edit.text() == right
    assert editor.current() == stored

    # The engine takes the branch the rule says.
    with Runner(default_registry()) as runner:
        result = runner.run(panel.document.flow)
    assert result.ok, result.error
    assert ("Yes" in result.outputs) is holds
    assert ("No" in result.outputs) is not holds


def test_the_operators_offered_fit_the_kind_of_value_and_read_as_words(qtbot, panel):
    editor = rules_editor(panel)
    click(qtbot, editor.box.add_rule)
    row = editor.box.rows.rows[-1]

    def offered() -> dict[str, str]:
        return {
            row.operator.itemData(i): row.operator.itemText(i) for i in range(row.operator.count())
        }

    type_into(qtbot, row.left.edit, "{{ trigger.customer.name }}")
    assert offered()["starts_with"] == "starts with"
    assert "greater_than" not in offered()
    type_into(qtbot, row.left.edit, "{{ trigger.total }}")
    assert offered()["greater_than"] == "is greater than"
    assert "starts_with" not in offered()
    type_into(qtbot, row.left.edit, "{{ trigger.ordered_at }}")
    assert offered()["less_than"] == "is before"
    assert offered()["greater_than"] == "is after"
    type_into(qtbot, row.left.edit, "{{ trigger.tags }}")
    assert offered()["contains"] == "has the item"
    type_into(qtbot, row.left.edit, "{{ trigger.paid }}")
    assert set(offered()) == {"is_true", "is_false", "is_empty", "is_not_empty"}


def test_all_or_any_groups_and_a_rule_inside_a_group_run_as_built(qtbot, panel):
    editor = rules_editor(panel)
    add_rule(qtbot, editor, "number", "less_than", "100")  # false
    click(qtbot, editor.box.add_group)
    group = editor.box.rows.rows[-1]
    inner = group.box.rows.rows[0]
    type_into(qtbot, inner.left.edit, "{{ trigger.customer.name }}")
    choose(qtbot, inner.operator, "equals")
    type_into(qtbot, inner.right.edit, "Layla")  # true
    choose(qtbot, editor.box.combine, "or")

    params = panel.document.flow.node("check").params
    assert params["combine"] == "or"
    assert params["conditions"][1] == {
        "combine": "and",
        "conditions": [
            {"left": "{{ trigger.customer.name }}", "operator": "equals", "right": "Layla"}
        ],
    }
    with Runner(default_registry()) as runner:
        assert "Yes" in runner.run(panel.document.flow).outputs

    choose(qtbot, editor.box.combine, "and")
    with Runner(default_registry()) as runner:
        assert "No" in runner.run(panel.document.flow).outputs


def test_adding_filling_and_removing_rows_are_each_one_undo_step(qtbot, panel):
    editor = rules_editor(panel)
    stack = panel.document.undo_stack
    node = lambda: panel.document.flow.node("check")  # noqa: E731
    click(qtbot, editor.box.add_rule)
    assert len(node().params["conditions"]) == 1
    row = editor.box.rows.rows[0]
    type_into(qtbot, row.left.edit, "{{ trigger.total }}")
    choose(qtbot, row.operator, "greater_than")
    type_into(qtbot, row.right.edit, "100")
    assert node().params["conditions"] == [
        {"left": "{{ trigger.total }}", "operator": "greater_than", "right": 100}
    ]
    steps = stack.count()
    click(qtbot, row.remove_button)
    assert node().params["conditions"] == []
    assert stack.count() == steps + 1

    stack.undo()  # the removal
    assert node().params["conditions"][0]["right"] == 100
    qtbot.waitUntil(lambda: len(rules_editor(panel).box.rows.rows) == 1, timeout=WAIT_MS)
    assert rules_editor(panel).box.rows.rows[0].right.edit.text() == "100"
    stack.undo()  # the compared value
    assert node().params["conditions"][0]["right"] == ""
    stack.undo()  # the operator
    assert node().params["conditions"][0]["operator"] == "equals"
    stack.undo()  # the value checked
    assert node().params["conditions"][0]["left"] == ""
    stack.undo()  # the row added
    assert node().params["conditions"] == []
    assert rules_editor(panel).box.rows.rows == []


def test_set_fields_and_switch_cases_are_rows_of_name_and_value(qtbot, panel):
    panel.show_node("shape")
    fields = panel.editors["fields"]
    assert isinstance(fields, ObjectListEditor)
    assert not panel.findChildren(QPlainTextEdit)  # no JSON box anywhere
    click(qtbot, fields.add)
    row = fields.rows.rows[1]
    name, value = (row.frame.findChildren(ReferenceLineEdit))[:2]
    type_into(qtbot, name, "customer.phone")
    type_into(qtbot, value, "{{ trigger.customer.phone }}")
    click(qtbot, fields.add)
    name, value = fields.rows.rows[2].frame.findChildren(ReferenceLineEdit)[:2]
    type_into(qtbot, name, "count")
    type_into(qtbot, value, "3")
    assert panel.document.flow.node("shape").params["fields"] == [
        {"name": "seen", "value": True},
        {"name": "customer.phone", "value": "{{ trigger.customer.phone }}"},
        {"name": "count", "value": 3},
    ]

    panel.show_node("route")
    cases = panel.editors["cases"]
    click(qtbot, cases.add)
    equals, output = cases.rows.rows[0].frame.findChildren(ReferenceLineEdit)[:2]
    type_into(qtbot, equals, "Layla")
    type_into(qtbot, output, "Regular")
    assert panel.document.flow.node("route").params["cases"] == [
        {"equals": "Layla", "output": "Regular"}
    ]
    panel.show_node(None)
    panel.show_node("route")
    shown = panel.editors["cases"].rows.rows[0].frame.findChildren(ReferenceLineEdit)
    assert [field.text() for field in shown[:2]] == ["Layla", "Regular"]


def test_a_list_of_texts_is_numbered_rows_whose_removal_renumbers_the_rest(qtbot):
    flow = make_flow(
        [
            ("New order", "core.manual_trigger", {"sample_data": ORDER}),
            ("Thank", "whatsapp.send_template", {"body_parameters": ["Layla"]}),
        ],
        ["New order -> Thank"],
    )
    panel = PropertiesPanel(FlowDocument(flow, default_registry()))
    qtbot.addWidget(panel)
    panel.show()
    panel.show_node("thank")
    values = panel.editors["body_parameters"]
    assert isinstance(values, ValueListEditor)
    assert [row.field.text() for row in values.rows.rows] == ["Layla"]
    click(qtbot, values.add)
    type_into(qtbot, values.rows.rows[1].field.edit, "1042")
    params = lambda: panel.document.flow.node("thank").params  # noqa: E731
    assert params()["body_parameters"] == ["Layla", "1042"]  # texts stay texts
    assert [row.number.text() for row in values.rows.rows] == ["1", "2"]
    click(qtbot, values.rows.rows[0].remove_button)
    assert params()["body_parameters"] == ["1042"]
    assert [row.number.text() for row in values.rows.rows] == ["1"]
