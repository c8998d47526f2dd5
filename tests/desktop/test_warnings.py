"""Warnings tell the truth: they are worked out again from the flow and the last run whenever
either changes, and a warning that is wrong is a bug."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from flowin_desktop.editor.document import SetNodeValue

from .conftest import WAIT_MS, add, shown


def _warnings(window) -> list[str]:
    """The ⚠ lines the properties panel shows now."""
    page = window.properties.settings_scroll.widget()
    return [
        label.text()
        for label in page.findChildren(QLabel)
        if label.objectName() == "problem" and label.isVisibleTo(page) and label.text()
    ]


def _select(window, name: str) -> None:
    item = next(i for i in window.scene.node_items.values() if i.name == name)
    window.scene.clearSelection()
    item.setSelected(True)


def test_a_field_filled_while_its_warning_shows_loses_the_warning(qtbot, editor):
    trigger = add(editor, "core.manual_trigger", 0, 0)
    stop = add(editor, "core.stop_with_error", 300, 0)
    editor.scene.connect(trigger, "main", stop, "main")
    editor.scene.clearSelection()
    editor.scene.node_items[stop].setSelected(True)
    qtbot.waitUntil(lambda: any("needs a value" in w for w in _warnings(editor)), timeout=WAIT_MS)

    editor.window().activateWindow()
    qtbot.waitUntil(editor.window().isActiveWindow, timeout=WAIT_MS)
    field = shown(qtbot, lambda: editor.properties.editors["message"].widget)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(field, "Out of stock")
    # On to the next field of the same panel, as a user does: the message is written down
    # when it loses the focus, while the focus is still in the panel.
    editor.properties.name_edit.setFocus()
    qtbot.waitUntil(editor.properties.name_edit.hasFocus, timeout=WAIT_MS)

    assert editor.document.flow.node(stop).params["message"] == "Out of stock"
    qtbot.waitUntil(lambda: editor.scene.node_items[stop].problems == [], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _warnings(editor) == [], timeout=WAIT_MS)


def test_a_successful_run_of_the_example_leaves_no_missing_variable_warning(qtbot, example):
    window = example
    # The branch the run will not take reads its input too: the run tells nothing about it.
    plain = next(n for n in window.document.flow.nodes if n.name == "Plain confirmation")
    fields = [{"name": "gift", "value": "none for {{ input.text }}"}]
    window.document.push(SetNodeValue(window.document, plain.id, "params.fields", fields))
    _select(window, "Big order?")
    with qtbot.waitSignal(window.test_run.finished, timeout=WAIT_MS):
        assert window.test_run.start()

    for name in ("Big order?", "Write the greeting", "Add a thank-you gift", "Plain confirmation"):
        _select(window, name)
        assert _warnings(window) == [], name

    # Still worked out from the flow and the run: a reference the run can't fill is named.
    big = next(n for n in window.document.flow.nodes if n.name == "Big order?")
    rules = [{"left": "{{ input.totl }}", "operator": "greater_than", "right": 100}]
    window.document.push(SetNodeValue(window.document, big.id, "params.conditions", rules))
    _select(window, "Big order?")
    qtbot.waitUntil(lambda: any("totl" in w for w in _warnings(window)), timeout=WAIT_MS)
