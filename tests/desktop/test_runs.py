"""Test runs: the engine runs the flow in its pool and the canvas follows its events."""

from __future__ import annotations

from PySide6.QtCore import Qt

from flowin_engine.events import ExecutionStatus

from .conftest import WAIT_MS, add, plain


def _run(qtbot, editor):
    with qtbot.waitSignal(editor.test_run.finished, timeout=WAIT_MS) as finished:
        assert editor.test_run.start()
    return finished.args[0]


def _states(editor):
    return {item.name: item.run_state for item in editor.scene.node_items.values()}


def test_the_example_flow_runs_and_colours_the_branch_taken(qtbot, example):
    finished = _run(qtbot, example)

    assert finished.status == ExecutionStatus.SUCCESS
    assert _states(example) == {
        "When I click Run": "success",
        "Write the greeting": "success",
        "Big order?": "success",
        "Add a thank-you gift": "success",
        "Plain confirmation": "skipped",
    }
    assert "Your flow's flying smoothly" in example.run_log.summary.text()
    assert any(
        "Step 4 succeeded: Add a thank-you gift" in plain(line) for line in example.run_log.texts()
    )


def test_a_failing_step_turns_red_and_the_log_names_it(qtbot, editor):
    trigger = add(editor, "core.manual_trigger", 0, 0)
    greet = add(editor, "core.set_fields", 300, 0)
    stop = add(editor, "core.stop_with_error", 600, 0)
    editor.document.flow.node(greet).params["fields"] = [{"name": "a", "value": 1}]
    editor.document.flow.node(stop).params["message"] = "Out of stock"
    editor.scene.connect(trigger, "main", greet, "main")
    editor.scene.connect(greet, "main", stop, "main")

    finished = _run(qtbot, editor)

    assert finished.status == ExecutionStatus.FAILED
    assert [editor.scene.node_items[n].run_state for n in (trigger, greet, stop)] == [
        "success",
        "success",
        "failure",
    ]
    assert plain(editor.run_log.summary.text()) == "Step 3 failed: Out of stock"
    assert editor.test_run.button.isEnabled()


def test_clicking_a_step_after_a_run_shows_its_input_and_output(qtbot, example):
    _run(qtbot, example)
    greet = next(i for i in example.scene.node_items.values() if i.name == "Write the greeting")
    example.scene.clearSelection()
    greet.setSelected(True)

    model = example.properties.data_model
    top = [model.item(row, 0).text() for row in range(model.rowCount())]
    assert top == ["Input", "Output", "Settings it ran with"]
    output = model.item(1, 0)
    fields = {
        output.child(r, 0).text(): output.child(r, 1).text() for r in range(output.rowCount())
    }
    assert plain(fields["Text"]) == "Hello Layla, order #1042 is confirmed"


def test_a_flow_that_cannot_run_says_why_without_starting(qtbot, editor):
    add(editor, "core.set_fields", 0, 0)
    assert not editor.test_run.start()
    lines = " ".join(editor.run_log.texts())
    assert "no trigger" in lines
    assert "can't run yet" in editor.run_log.summary.text()


def test_clicking_a_log_line_selects_its_step(qtbot, example):
    _run(qtbot, example)
    lines = example.run_log.lines
    skipped_line = next(
        lines.item(i) for i in range(lines.count()) if "Plain confirmation" in lines.item(i).text()
    )
    rect = lines.visualItemRect(skipped_line)
    qtbot.mouseClick(lines.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    [selected] = example.scene.selected_node_ids()
    assert example.document.flow.node(selected).name == "Plain confirmation"
