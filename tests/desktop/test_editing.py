"""Editing a flow on the canvas: every gesture ends up as an undoable change to the model."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent, QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QApplication

from flowin_desktop.canvas.view import NODE_TYPE_MIME
from flowin_desktop.editor.document import SetNodeValue, SetNoteText
from flowin_engine.events import ExecutionStatus
from flowin_engine.runner import Runner
from flowin_engine.validation import validate_flow

from .conftest import WAIT_MS, add, names


def test_double_clicking_a_palette_entry_adds_that_step(qtbot, editor):
    palette = editor.palette_panel
    item = palette.item_for("core.set_fields")
    palette.tree.scrollToItem(
        item
    )  # the list is longer than the panel: scrolled to, as a user does
    rect = palette.tree.visualItemRect(item)
    qtbot.mouseClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert [n.type for n in editor.document.flow.nodes] == ["core.set_fields"]
    assert editor.document.flow.nodes[0].name == "Set fields"
    assert editor.scene.selected_node_ids() == [editor.document.flow.nodes[0].id]


def test_palette_search_finds_steps_by_what_people_say(qtbot, editor):
    qtbot.keyClicks(editor.palette_panel.search, "wait")
    visible = [
        i.data(0, Qt.ItemDataRole.UserRole + 1)
        for i in editor.palette_panel.items()
        if not i.isHidden()
    ]
    assert "core.delay" in visible
    assert "core.set_fields" not in visible


def test_palette_search_finds_a_service_however_its_arabic_name_is_spelt(qtbot, editor):
    palette = editor.palette_panel

    def found(text: str) -> set[str]:
        palette.search.setText(text)
        return {
            i.data(0, Qt.ItemDataRole.UserRole + 1) for i in palette.items() if not i.isHidden()
        }

    # Taa marbuta written as haa, as most people type it; Paymob in one word or two.
    assert {"salla.new_order", "salla.update_order_status"} <= found("سله")
    assert {"paymob.payment_declined", "paymob.get_transaction"} <= found("باي موب")
    assert "paymob.payment_declined" in found("دفعة مرفوضة باي موب")
    assert "salla.new_order" not in found("باي موب")


def test_dragging_from_an_output_port_to_an_input_port_connects_them(qtbot, editor):
    first = add(editor, "core.manual_trigger", 0, 0)
    second = add(editor, "core.set_fields", 320, 0)
    scene, view = editor.scene, editor.view
    start = view.mapFromScene(scene.node_items[first].outputs["main"].scenePos())
    end = view.mapFromScene(scene.node_items[second].inputs["main"].scenePos())

    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), pos=(start + end) / 2)
    qtbot.mouseMove(view.viewport(), pos=end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)

    edges = editor.document.flow.edges
    assert [(e.source, e.source_port, e.target, e.target_port) for e in edges] == [
        (first, "main", second, "main")
    ]
    assert len(scene.edge_items) == 1


def test_condition_branches_connect_from_true_and_false(editor):
    trigger = add(editor, "core.manual_trigger", 0, 0)
    check = add(editor, "core.condition", 300, 0)
    yes = add(editor, "core.no_op", 600, -100)
    no = add(editor, "core.no_op", 600, 100)
    assert editor.scene.connect(trigger, "main", check, "main")
    assert editor.scene.connect(check, "true", yes, "main")
    assert editor.scene.connect(check, "false", no, "main")
    assert {(e.source_port, e.target) for e in editor.document.flow.edges if e.source == check} == {
        ("true", yes),
        ("false", no),
    }
    assert set(editor.scene.node_items[check].outputs) == {"true", "false", "error"}


def test_connecting_into_a_trigger_is_refused_with_a_reason(qtbot, window):
    window.new_flow()
    editor = window.editor
    trigger = add(editor, "core.manual_trigger", 0, 0)
    step = add(editor, "core.set_fields", 300, 0)
    with qtbot.waitSignal(editor.scene.status_message) as message:
        assert not editor.scene.connect(step, "main", trigger, "main")
    assert "trigger" in message.args[0]
    assert editor.document.flow.edges == []
    assert window.statusBar().currentMessage() == message.args[0]


def test_a_connection_that_would_make_a_circle_is_refused(qtbot, editor):
    a = add(editor, "core.no_op", 0, 0)
    b = add(editor, "core.no_op", 300, 0)
    assert editor.scene.connect(a, "main", b, "main")
    with qtbot.waitSignal(editor.scene.status_message) as message:
        assert not editor.scene.connect(b, "main", a, "main")
    assert "circle" in message.args[0]
    assert len(editor.document.flow.edges) == 1


def test_undo_and_redo_walk_through_every_edit(qtbot, editor):
    a = add(editor, "core.manual_trigger", 0, 0)
    b = add(editor, "core.set_fields", 300, 0)
    editor.scene.connect(a, "main", b, "main")
    flow = editor.document.flow

    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert flow.edges == [] and len(flow.nodes) == 2
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert flow.nodes == []
    assert editor.scene.node_items == {}
    editor.redo_action.trigger()
    editor.redo_action.trigger()
    editor.redo_action.trigger()
    assert names(flow) == ["Manual trigger", "Set fields"]
    assert len(flow.edges) == 1 and len(editor.scene.edge_items) == 1


def test_moving_a_step_with_the_mouse_is_one_undoable_move(qtbot, editor):
    node_id = add(editor, "core.no_op", 0, 0)
    item = editor.scene.node_items[node_id]
    view = editor.view
    start = view.mapFromScene(item.sceneBoundingRect().center())
    end = start + QPoint(120, 60)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), pos=start + QPoint(40, 20))
    qtbot.mouseMove(view.viewport(), pos=end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)

    node = editor.document.flow.node(node_id)
    moved = (node.position.x, node.position.y)
    assert moved != (0, 0)
    editor.undo_action.trigger()
    node = editor.document.flow.node(node_id)
    assert (node.position.x, node.position.y) == (0, 0)
    assert (item.pos().x(), item.pos().y()) == (0, 0)


def test_delete_key_removes_the_selection_and_its_connections(qtbot, editor):
    a = add(editor, "core.manual_trigger", 0, 0)
    b = add(editor, "core.set_fields", 300, 0)
    editor.scene.connect(a, "main", b, "main")
    editor.scene.clearSelection()
    editor.scene.node_items[b].setSelected(True)
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert names(editor.document.flow) == ["Manual trigger"]
    assert editor.document.flow.edges == []
    editor.undo_action.trigger()
    assert names(editor.document.flow) == ["Manual trigger", "Set fields"]
    assert len(editor.document.flow.edges) == 1


def test_copy_and_paste_puts_flow_json_on_the_clipboard_and_adds_copies(editor):
    a = add(editor, "core.manual_trigger", 0, 0)
    b = add(editor, "core.set_fields", 300, 0)
    editor.scene.connect(a, "main", b, "main")
    editor.select_all()
    assert editor.copy()
    assert '"nodes"' in QGuiApplication.clipboard().text()

    pasted = editor.paste()
    flow = editor.document.flow
    assert len(pasted) == 2 and len(flow.nodes) == 4
    assert len(set(names(flow))) == 4
    assert any(e.source in pasted and e.target in pasted for e in flow.edges)
    assert sorted(editor.scene.selected_node_ids()) == sorted(pasted)
    editor.undo_action.trigger()
    assert len(flow.nodes) == 2


def test_editing_a_field_in_the_properties_panel_is_undoable(qtbot, editor):
    node_id = add(editor, "core.stop_with_error", 0, 0)
    panel = editor.properties
    assert panel.node_id == node_id
    field = panel.editors["message"].widget
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Out of stock")
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # the multiline field commits when focus leaves
    node = editor.document.flow.node(node_id)
    assert node.params["message"] == "Out of stock"
    assert isinstance(
        editor.document.undo_stack.command(editor.document.undo_stack.index() - 1), SetNodeValue
    )
    editor.undo_action.trigger()
    assert editor.document.flow.node(node_id).params.get("message") != "Out of stock"


def test_renaming_the_flow_in_the_top_bar(qtbot, editor):
    editor.flow_name.setFocus()
    editor.flow_name.selectAll()
    qtbot.keyClicks(editor.flow_name, "Order confirmations")
    qtbot.keyClick(editor.flow_name, Qt.Key.Key_Return)
    assert editor.document.flow.name == "Order confirmations"
    editor.undo_action.trigger()
    assert editor.document.flow.name == "Untitled flow"


def test_dropping_a_palette_entry_on_the_canvas_adds_it_where_it_landed(qtbot, editor):
    mime = QMimeData()
    mime.setData(NODE_TYPE_MIME, b"core.delay")
    at = QPointF(300, 200)
    drop = QDropEvent(
        at,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    editor.view.dropEvent(drop)

    [node] = editor.document.flow.nodes
    assert node.type == "core.delay"
    landed = editor.view.mapToScene(at.toPoint())
    assert (node.position.x, node.position.y) == (round(landed.x()), round(landed.y()))


def test_the_wheel_zooms_and_fit_shows_every_step(qtbot, editor):
    add(editor, "core.manual_trigger", -2000, 0)
    add(editor, "core.no_op", 2000, 800)
    before = editor.view.zoom_factor()
    centre = editor.view.viewport().rect().center()
    wheel = QWheelEvent(
        QPointF(centre),
        QPointF(editor.view.mapToGlobal(centre)),
        QPoint(),
        QPoint(0, -240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(editor.view.viewport(), wheel)
    assert editor.view.zoom_factor() < before
    editor.fit_action.trigger()
    visible = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    for item in editor.scene.node_items.values():
        assert visible.contains(item.sceneBoundingRect().adjusted(0, 0, -60, 0))


def test_a_step_missing_a_required_value_is_marked_until_it_is_filled(qtbot, editor):
    trigger = add(editor, "core.manual_trigger", 0, 0)
    stop = add(editor, "core.stop_with_error", 300, 0)
    editor.scene.connect(trigger, "main", stop, "main")
    item = editor.scene.node_items[stop]
    qtbot.waitUntil(lambda: bool(item.problems), timeout=WAIT_MS)
    assert "Error message" in item.problems[0]
    assert editor.scene.node_items[trigger].problems == []

    editor.document.push(SetNodeValue(editor.document, stop, "params.message", "Out of stock"))
    qtbot.waitUntil(lambda: item.problems == [], timeout=WAIT_MS)


def test_right_click_menu_adds_a_step_where_the_user_clicked(editor):
    menu = editor.canvas_menu(QPointF(120, 80))
    add_menu = menu.actions()[0].menu()
    [if_else] = [a for a in add_menu.actions() if a.text() == "If / else"]
    if_else.trigger()
    [node] = editor.document.flow.nodes
    assert (node.type, node.position.x, node.position.y) == ("core.condition", 120, 80)


def test_turning_a_step_off_from_the_properties_panel_is_undoable(qtbot, editor):
    node_id = add(editor, "core.no_op", 0, 0)
    switch = editor.properties.turned_off
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton, pos=QPoint(8, switch.height() // 2))
    assert editor.document.flow.node(node_id).disabled
    editor.undo_action.trigger()
    assert not editor.document.flow.node(node_id).disabled
    assert not editor.properties.turned_off.isChecked()


def test_sticky_notes_are_added_edited_and_deleted_through_commands(qtbot, editor):
    note_id = editor.add_note(QPointF(40, -100))
    editor.document.push(SetNoteText(editor.document, note_id, "Ask Sara about the API"))
    [note] = editor.document.flow.sticky_notes
    assert (note.text, note.position.x) == ("Ask Sara about the API", 40)
    assert editor.scene.note_items[note_id].text == "Ask Sara about the API"

    editor.scene.clearSelection()
    editor.scene.note_items[note_id].setSelected(True)
    editor.delete_action.trigger()
    assert editor.document.flow.sticky_notes == []
    assert editor.scene.note_items == {}
    editor.undo_action.trigger()
    assert [n.text for n in editor.document.flow.sticky_notes] == ["Ask Sara about the API"]


def test_pasting_twice_puts_each_copy_in_its_own_place(editor):
    add(editor, "core.no_op", 0, 0)
    editor.select_all()
    editor.copy()
    editor.paste()
    editor.paste()
    positions = [(n.position.x, n.position.y) for n in editor.document.flow.nodes]
    assert positions == [(0, 0), (40, 40), (80, 80)]


def test_renaming_a_step_in_the_properties_panel_keeps_the_steps_that_read_it_working(
    qtbot, editor
):
    trigger = add(editor, "core.manual_trigger", 0, 0)
    first = add(editor, "core.set_fields", 300, 0)
    second = add(editor, "core.set_fields", 600, 0)
    editor.scene.connect(trigger, "main", first, "main")
    editor.scene.connect(first, "main", second, "main")
    document = editor.document
    document.push(SetNodeValue(document, first, "params.fields", [{"name": "total", "value": 12}]))
    reads = [
        {"name": "copy", "value": "{{ steps['Set fields'].output.total }}"},
        {"name": "note", "value": "steps['Set fields'] is written here as text"},
    ]
    document.push(SetNodeValue(document, second, "params.fields", reads))
    assert validate_flow(document.flow, document.registry) == []

    editor.properties.show_node(first)
    field = editor.properties.name_edit
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Order")
    qtbot.keyClick(field, Qt.Key.Key_Return)

    flow = document.flow
    assert flow.node(first).name == "Order"
    assert [f["value"] for f in flow.node(second).params["fields"]] == [
        "{{ steps['Order'].output.total }}",
        "steps['Set fields'] is written here as text",
    ]
    assert validate_flow(flow, document.registry) == []
    with Runner(document.registry, workers=1) as runner:
        result = runner.run(flow, {})
    assert result.status == ExecutionStatus.SUCCESS
    assert result.outputs["Set fields 2"]["copy"] == 12

    editor.undo_action.trigger()
    assert flow.node(first).name == "Set fields"
    assert flow.node(second).params["fields"] == reads
    assert editor.properties.name_edit.text() == "Set fields"
    assert validate_flow(flow, document.registry) == []


def test_the_canvas_redraws_only_what_an_edit_changed(editor):
    trigger = add(editor, "core.manual_trigger", 0, 0)
    step = add(editor, "core.set_fields", 300, 0)
    document, scene = editor.document, editor.scene
    items = dict(scene.node_items)
    heard = []
    for signal in (
        "step_added",
        "step_removed",
        "step_changed",
        "step_renamed",
        "connection_added",
        "connection_removed",
        "reloaded",
    ):
        getattr(document, signal).connect(
            lambda *args, signal=signal: heard.append((signal, *args))
        )

    scene.connect(trigger, "main", step, "main")
    edge = document.flow.edges[0].id
    document.push(SetNodeValue(document, step, "name", "Order"))
    assert scene.node_items[step].name == "Order"
    editor.undo_action.trigger()
    editor.undo_action.trigger()

    assert heard == [
        ("connection_added", edge),
        ("step_renamed", step, "Set fields", "Order"),
        ("step_renamed", step, "Order", "Set fields"),
        ("connection_removed", edge),
    ]
    assert all(scene.node_items[node_id] is item for node_id, item in items.items())
    assert scene.node_items[step].name == "Set fields" and not scene.edge_items


def test_a_step_cannot_be_renamed_to_a_name_another_step_has(qtbot, editor):
    add(editor, "core.set_fields", 0, 0)
    second = add(editor, "core.set_fields", 300, 0)
    editor.properties.show_node(second)
    field = editor.properties.name_edit
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Set fields")
    with qtbot.waitSignal(editor.message, timeout=WAIT_MS) as said:  # for the status bar
        qtbot.keyClick(field, Qt.Key.Key_Return)

    assert names(editor.document.flow) == ["Set fields", "Set fields 2"]
    assert field.text() == "Set fields 2"
    assert "already called 'Set fields'" in said.args[0]
    assert editor.document.undo_stack.count() == 2  # the two steps added, no rename


def test_an_order_id_takes_the_triggers_order_or_a_typed_number(qtbot, editor):
    from PySide6.QtWidgets import QLineEdit

    from flowin_engine.validation import validate_flow

    trigger = add(editor, "salla.new_order", 0, 0)
    step = add(editor, "salla.update_order_status", 300, 0)
    editor.scene.connect(trigger, "main", step, "main")
    editor.scene.clearSelection()
    editor.scene.node_items[step].setSelected(True)
    field = editor.properties.editors["order_id"].widget
    assert isinstance(field, QLineEdit), type(field)  # a reference goes in, not a spinner

    field.setText("{{ trigger.id }}")
    field.editingFinished.emit()
    assert editor.document.flow.node(step).params["order_id"] == "{{ trigger.id }}"
    problems = validate_flow(editor.document.flow, editor.registry)
    assert not [p for p in problems if p.field == "order_id"], problems

    field = editor.properties.editors["order_id"].widget
    field.setText("1042")
    field.editingFinished.emit()
    assert editor.document.flow.node(step).params["order_id"] == 1042  # a number stays one
