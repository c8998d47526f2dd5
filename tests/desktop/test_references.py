"""Typing {{ in a field offers what the step can read, and unresolvable references are marked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from flowin_desktop.panels import references

from .conftest import WAIT_MS, add


def _after_a_run_with_a_new_step(qtbot, window):
    window.open_flow(window.home.flow_ids()[0])
    with qtbot.waitSignal(window.run_finished, timeout=WAIT_MS):
        window.test_run()
    gift = next(n for n in window.document.flow.nodes if n.name == "Add a thank-you gift")
    stop = add(window, "core.stop_with_error", 1200, 0)
    window.scene.connect(gift.id, "main", stop, "main")
    window.scene.clearSelection()
    window.scene.node_items[stop].setSelected(True)
    return stop


def test_typing_braces_offers_the_triggers_and_earlier_steps_fields(qtbot, window):
    stop = _after_a_run_with_a_new_step(qtbot, window)
    field = window.properties.editors["message"].widget
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field, "Sorry {{ cust")

    completer = window.properties.completers["message"].completer
    assert completer.popup().isVisible()
    offered = window.properties.reference_list()
    assert "trigger.customer_name" in offered
    assert "steps['Write the greeting'].output.text" in offered
    assert completer.currentCompletion() == "trigger.customer_name"

    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)

    assert field.toPlainText() == "Sorry {{ trigger.customer_name }}"
    assert window.document.flow.node(stop).params["message"] == field.toPlainText()
    assert not window.properties.reference_labels["message"].isVisible()


def test_a_reference_the_last_run_cannot_resolve_is_marked_with_the_reason(qtbot, window):
    _after_a_run_with_a_new_step(qtbot, window)
    field = window.properties.editors["message"].widget
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field, "Hi {{ customer_name }}")
    qtbot.mouseClick(window.properties.name_edit, Qt.MouseButton.LeftButton)

    label = window.properties.reference_labels["message"]
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
