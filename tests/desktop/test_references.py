"""Typing {{ in a field offers what the step can read, and unresolvable references are marked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from flowin_desktop.panels import references

from .conftest import WAIT_MS, add


def _after_a_run_with_a_new_step(qtbot, example):
    with qtbot.waitSignal(example.test_run.finished, timeout=WAIT_MS):
        example.test_run.start()
    gift = next(n for n in example.document.flow.nodes if n.name == "Add a thank-you gift")
    stop = add(example, "core.stop_with_error", 1200, 0)
    example.scene.connect(gift.id, "main", stop, "main")
    example.scene.clearSelection()
    example.scene.node_items[stop].setSelected(True)
    return stop


def test_typing_braces_offers_the_triggers_and_earlier_steps_fields(qtbot, example):
    stop = _after_a_run_with_a_new_step(qtbot, example)
    field = example.properties.editors["message"].widget
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field, "Sorry {{ cust")

    completer = example.properties.completers["message"].completer
    assert completer.popup().isVisible()
    offered = example.properties.reference_list()
    assert "trigger.customer_name" in offered
    assert "steps['Write the greeting'].output.text" in offered
    assert completer.currentCompletion() == "trigger.customer_name"

    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)

    assert field.toPlainText() == "Sorry {{ trigger.customer_name }}"
    assert example.document.flow.node(stop).params["message"] == field.toPlainText()
    assert not example.properties.reference_labels["message"].isVisible()


def test_a_reference_the_last_run_cannot_resolve_is_marked_with_the_reason(qtbot, example):
    _after_a_run_with_a_new_step(qtbot, example)
    field = example.properties.editors["message"].widget
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field, "Hi {{ customer_name }}")
    qtbot.mouseClick(example.properties.name_edit, Qt.MouseButton.LeftButton)

    label = example.properties.reference_labels["message"]
    assert label.isVisible()
    assert "Missing variable {{customer_name}}" in label.text()


def test_the_check_while_typing_gives_up_on_a_slow_expression_instead_of_blaming_it(monkeypatch):
    looping = "{% for i in range(5000) %}{{ i }}{% endfor %}"
    assert references.reference_problem(looping, {"steps": {}}, None) is None
    assert "Missing variable" in references.reference_problem(
        "{{ trigger.name }}", {"steps": {}}, None
    )
    # However long the window's own check may take, a slow expression is left to the run.
    monkeypatch.setattr(references, "PREVIEW_TIME_LIMIT", 0)
    assert references.reference_problem(looping, {"steps": {}}, None) is None
