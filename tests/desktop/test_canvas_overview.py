"""The minimap and tidy-up: finding your way around a big flow, and putting it in order."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence

from flowin_desktop.canvas.items import NODE_WIDTH
from flowin_desktop.canvas.layout import tidy_positions
from flowin_engine.model import Edge, Flow, Node, Position

from .conftest import add


def messy_flow(editor) -> dict[str, str]:
    """Trigger → greet → Big order? → (true) VIP, (false) Plain; placed every which way."""
    ids = {
        "start": add(editor, "core.manual_trigger", 600, 400),
        "greet": add(editor, "core.set_fields", -300, 900),
        "check": add(editor, "core.condition", 50, -200),
        "vip": add(editor, "core.set_fields", -500, 0),
        "plain": add(editor, "core.set_fields", 0, 0),
    }
    connect = editor.scene.connect
    connect(ids["start"], "main", ids["greet"], "main")
    connect(ids["greet"], "main", ids["check"], "main")
    connect(ids["check"], "false", ids["plain"], "main")
    connect(ids["check"], "true", ids["vip"], "main")
    return ids


def positions(editor) -> dict[str, tuple[float, float]]:
    return {n.id: (n.position.x, n.position.y) for n in editor.document.flow.nodes}


def test_tidy_up_lays_the_flow_out_left_to_right_from_the_trigger(qtbot, editor):
    ids = messy_flow(editor)
    before = positions(editor)

    editor.view.setFocus()
    qtbot.keyClick(
        editor.view,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    after = positions(editor)
    assert after[ids["start"]] == before[ids["start"]]  # the trigger stays where you look
    x = {name: after[node_id][0] for name, node_id in ids.items()}
    y = {name: after[node_id][1] for name, node_id in ids.items()}
    assert x["start"] < x["greet"] < x["check"] < x["vip"] == x["plain"]
    assert x["greet"] - x["start"] >= NODE_WIDTH  # columns don't overlap
    assert y["start"] == y["greet"] == y["check"]  # a chain is a straight line
    assert y["vip"] < y["check"] < y["plain"]  # the true branch above, false below, centred
    assert abs((y["vip"] + y["plain"]) / 2 - y["check"]) < 1
    assert y["plain"] - y["vip"] >= editor.scene.node_items[ids["vip"]].boundingRect().height()
    for node_id, (px, py) in after.items():  # the scene follows the model
        assert editor.scene.node_items[node_id].pos() == QPointF(px, py)

    assert editor.document.undo_stack.undoText() == "Tidy up"
    editor.undo_action.trigger()  # one undo puts everything back
    assert positions(editor) == before


def test_tidy_up_is_in_the_view_menu_with_its_shortcut(window):
    window.new_flow()
    editor = window.editor
    assert editor.tidy_action in window.view_menu.actions()
    assert editor.tidy_action.shortcut() == QKeySequence("Ctrl+Shift+T")
    assert editor.tidy_action.text() == "Tidy up"
    window.set_language("ar")
    assert editor.tidy_action.text() == "ترتيب الخطوات"


def test_tidying_a_tidy_flow_changes_nothing(editor):
    messy_flow(editor)
    assert editor.tidy_up()
    depth = editor.document.undo_stack.count()
    assert not editor.tidy_up()
    assert editor.document.undo_stack.count() == depth


def test_layout_survives_loops_of_connections_and_unconnected_steps():
    a, b, c = (Node(type="core.no_op", name=n, position=Position(x=0, y=0)) for n in "abc")
    trigger = Node(type="core.manual_trigger", name="t", position=Position(x=10, y=20))
    loose = Node(type="core.no_op", name="loose")
    flow = Flow(
        nodes=[a, b, c, trigger, loose],
        edges=[
            Edge(source=trigger.id, target=a.id),
            Edge(source=a.id, target=b.id),
            Edge(source=b.id, target=c.id),
            Edge(source=c.id, target=b.id),  # only a hand-edited file can hold this
        ],
    )
    placed = tidy_positions(flow, lambda t: t == "core.manual_trigger", lambda _id: (210.0, 66.0))
    assert placed[trigger.id] == (10, 20)
    assert placed[a.id][0] > placed[trigger.id][0]
    assert placed[b.id][0] > placed[a.id][0] and placed[c.id][0] > placed[a.id][0]
    assert placed[loose.id][0] == placed[trigger.id][0]  # starts a column of its own
    assert placed[loose.id][1] > placed[trigger.id][1]  # below the trigger
    assert len(set(placed.values())) == 5


def test_the_minimap_shows_the_flow_and_a_click_moves_the_canvas_there(qtbot, editor):
    minimap = editor.view.minimap
    assert not minimap.isVisible()  # nothing to show in an empty flow
    ids = messy_flow(editor)
    editor.tidy_up()
    editor.view.reset_zoom()
    editor.view.centerOn(0, 0)
    assert minimap.isVisible()
    corner = minimap.geometry()
    assert corner.right() > editor.view.width() - 40 and corner.bottom() > editor.view.height() - 40

    target = editor.scene.node_items[ids["plain"]].sceneBoundingRect().center()
    qtbot.mouseClick(minimap, Qt.MouseButton.LeftButton, pos=minimap.to_minimap(target).toPoint())

    centre = editor.view.mapToScene(editor.view.viewport().rect().center())
    assert abs(centre.x() - target.x()) < 20 and abs(centre.y() - target.y()) < 20


def test_dragging_on_the_minimap_pans_and_zooming_shrinks_the_outline(qtbot, editor):
    messy_flow(editor)
    editor.tidy_up()
    view, minimap = editor.view, editor.view.minimap
    start = minimap.to_minimap(view.mapToScene(view.viewport().rect().center())).toPoint()
    qtbot.mousePress(minimap, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(minimap, start + QPoint(30, 0))
    moved = minimap.to_minimap(view.mapToScene(view.viewport().rect().center()))
    assert abs(moved.x() - (start.x() + 30)) < 3  # the canvas follows the mouse
    qtbot.mouseRelease(minimap, Qt.MouseButton.LeftButton, pos=start + QPoint(30, 0))

    outline = minimap.visible_rect().width()
    view.zoom_in()
    assert minimap.visible_rect().width() < outline


def test_the_minimap_can_be_switched_off_and_moves_to_the_left_in_arabic(window):
    window.new_flow()
    editor = window.editor
    messy_flow(editor)
    minimap = editor.view.minimap
    editor.minimap_action.trigger()
    assert not minimap.isVisible()
    editor.minimap_action.trigger()
    assert minimap.isVisible()
    window.set_language("ar")
    assert minimap.geometry().left() < 40
    assert minimap.toolTip().startswith("التدفق كاملًا")
