"""Pinning a step's output and running one step, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from flowin_engine.events import ExecutionStatus

from .conftest import WAIT_MS, add, click, plain


def _order_flow(editor, httpserver):
    httpserver.expect_request("/order").respond_with_json({"id": 7, "total": 250})
    trigger = add(editor, "core.manual_trigger", 0, 0)
    call = add(editor, "http.request", 300, 0)
    note = add(editor, "core.set_fields", 600, 0)
    flow = editor.document.flow
    flow.node(call).params.update(method="GET", url=httpserver.url_for("/order"))
    flow.node(note).params["fields"] = [{"name": "text", "value": "Order {{ input.body.id }}"}]
    editor.scene.connect(trigger, "main", call, "main")
    editor.scene.connect(call, "main", note, "main")
    return trigger, call, note


def _wait_for_run(qtbot, editor, start):
    with qtbot.waitSignal(editor.test_run.finished, timeout=WAIT_MS) as finished:
        assert start()
    return finished.args[0]


def _select(editor, node_id):
    editor.scene.clearSelection()
    editor.scene.node_items[node_id].setSelected(True)
    editor.properties.tabs.setCurrentIndex(1)


def test_a_pinned_step_is_not_called_again_in_test_runs_and_undo_unpins_it(
    qtbot, editor, httpserver
):
    _, call, note = _order_flow(editor, httpserver)
    _wait_for_run(qtbot, editor, editor.test_run.start)
    assert len(httpserver.log) == 1

    _select(editor, call)
    assert editor.properties.pin_button.text() == "Pin this output"
    click(qtbot, editor.properties.pin_button)

    assert call in editor.document.flow.pinned
    assert editor.document.flow.pinned[call].output["body"] == {"id": 7, "total": 250}
    assert editor.scene.node_pinned(call)
    assert editor.properties.pin_button.text() == "Unpin"

    finished = _wait_for_run(qtbot, editor, editor.test_run.start)
    assert finished.status == ExecutionStatus.SUCCESS
    assert len(httpserver.log) == 1  # the service was not called again
    assert editor.scene.node_items[call].run_state == "pinned"
    assert editor.scene.node_items[note].run_state == "success"
    assert any("used its pinned output" in plain(line) for line in editor.run_log.texts())

    editor.undo_action.trigger()
    assert call not in editor.document.flow.pinned
    assert editor.properties.pin_button.text() == "Pin this output"
    _wait_for_run(qtbot, editor, editor.test_run.start)
    assert len(httpserver.log) == 2


def test_the_step_menu_offers_pin_and_run_this_step_only(qtbot, editor, httpserver):
    _, call, _ = _order_flow(editor, httpserver)
    _wait_for_run(qtbot, editor, editor.test_run.start)
    _select(editor, call)

    menu = editor.canvas_menu(QPointF(0, 0))
    actions = {a.text(): a for a in menu.actions()}
    assert "Run this step only" in actions
    actions["Pin this output"].trigger()
    assert call in editor.document.flow.pinned

    menu = editor.canvas_menu(QPointF(0, 0))
    next(a for a in menu.actions() if a.text() == "Unpin").trigger()
    assert call not in editor.document.flow.pinned


def test_run_this_step_only_uses_the_last_runs_data_and_calls_nothing_else(
    qtbot, editor, httpserver
):
    _, _, note = _order_flow(editor, httpserver)
    _wait_for_run(qtbot, editor, editor.test_run.start)
    assert len(httpserver.log) == 1
    editor.document.flow.node(note).params["fields"] = [
        {"name": "text", "value": "Total {{ input.body.total }}"}
    ]

    _select(editor, note)
    with qtbot.waitSignal(editor.test_run.finished, timeout=WAIT_MS) as finished:
        click(qtbot, editor.properties.run_step_button)

    assert finished.args[0].status == ExecutionStatus.SUCCESS
    assert len(httpserver.log) == 1  # the request step was replayed, not called
    assert editor.properties.step_data[note][1] == {"text": "Total 250"}
    assert editor.scene.node_items[note].run_state == "success"
    assert "The step ran" in editor.run_log.summary.text()


def test_run_this_step_only_before_any_run_asks_for_a_run_first(qtbot, editor, httpserver):
    _, _, note = _order_flow(editor, httpserver)
    _select(editor, note)

    click(qtbot, editor.properties.run_step_button)

    assert editor.run_log.summary.text() == (
        "Run the flow once first so this step has data to work with."
    )
    assert len(httpserver.log) == 0
    assert editor.test_run.button.isEnabled()


def test_pinning_needs_an_output_from_a_run(qtbot, editor, httpserver):
    _, call, _ = _order_flow(editor, httpserver)
    _select(editor, call)
    assert not editor.properties.pin_button.isEnabled()
    assert not editor.test_run.set_pinned(call, True)
    assert editor.document.flow.pinned == {}


def test_a_test_run_of_a_store_webhook_flow_runs_on_the_orders_example_and_says_so(qtbot, editor):
    # Nothing has reached the trigger yet: the shop owner clicks Test run right after building.
    trigger = add(editor, "salla.new_order", 0, 0)
    note = add(editor, "core.set_fields", 300, 0)
    editor.document.flow.node(note).params["fields"] = [
        {"name": "to", "value": "{{ trigger.phone }}"}
    ]
    editor.scene.connect(trigger, "main", note, "main")

    finished = _wait_for_run(qtbot, editor, editor.test_run.start)

    assert finished.status == ExecutionStatus.SUCCESS, editor.run_log.texts()
    assert trigger not in editor.document.flow.pinned  # a test's stand-in, not kept
    assert editor.scene.node_items[note].run_state == "success"
    assert any("example data" in plain(line) for line in editor.run_log.texts())
    _select(editor, note)
    assert editor.properties.step_data[note][1]["to"] == "+966501234567"
