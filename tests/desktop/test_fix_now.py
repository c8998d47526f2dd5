"""A failed test run offers "Fix now", which opens what the failure blames."""

from __future__ import annotations

from .conftest import WAIT_MS, add, click


def _run(qtbot, editor):
    with qtbot.waitSignal(editor.test_run.finished, timeout=WAIT_MS) as finished:
        assert editor.test_run.start()
    return finished.args[0]


def _connect(editor, source: str, target: str) -> None:
    editor.scene.connect(source, "main", target, "main")


def test_a_step_without_an_account_opens_the_account_dialog(qtbot, editor, monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    trigger = add(editor, "core.manual_trigger", 0, 0)
    send = add(editor, "telegram.send_message", 300, 0)
    editor.document.flow.node(send).params.update({"chat_id": "42", "text": "hi"})
    _connect(editor, trigger, send)
    finished = _run(qtbot, editor)

    assert finished.failed_setting == "connection"
    assert editor.run_log.fix_button.isVisibleTo(editor.run_log)
    click(qtbot, editor.run_log.fix_button)
    assert editor.scene.selected_node_ids() == [send]
    picker = editor.properties.editors["connection"]
    assert picker.dialog is not None and picker.dialog.isVisible()
    picker.dialog.reject()


def test_a_missing_variable_focuses_the_field_that_reads_it(qtbot, editor):
    trigger = add(editor, "core.manual_trigger", 0, 0)
    greet = add(editor, "core.format", 300, 0)
    node = editor.document.flow.node(greet)
    field = next(
        k
        for k, v in editor.registry.get("core.format").input_model.model_fields.items()
        if v.is_required()
    )
    node.params[field] = "{{ trigger.customer_nam }}"
    _connect(editor, trigger, greet)
    finished = _run(qtbot, editor)

    assert finished.failed_setting == field
    click(qtbot, editor.run_log.fix_button)
    assert editor.properties.tabs.currentIndex() == 0
    assert editor.properties.editors[field].widget.hasFocus() or (
        editor.focusWidget() is editor.properties.editors[field].widget
    )


def test_a_successful_run_offers_no_fix(qtbot, example):
    _run(qtbot, example)
    assert not example.run_log.fix_button.isVisibleTo(example.run_log)
