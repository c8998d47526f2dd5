"""In Arabic the flow runs right to left on the canvas, while the flow file stays as it is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from flowin_desktop.main_window import MainWindow

from .conftest import WAIT_MS


def _open_example(qtbot, window: MainWindow) -> None:
    example = next(f for f in window.store.flows.summaries())
    window.open_flow(example.id)
    qtbot.waitUntil(lambda: window.editor.view.isVisible(), timeout=WAIT_MS)
    window.editor.view.fit_to_view()


def _on_screen(window: MainWindow, node_id: str) -> QRect:
    view = window.editor.view
    return view.mapFromScene(
        window.editor.scene.node_items[node_id].sceneBoundingRect()
    ).boundingRect()


def _trigger_and_next(window: MainWindow) -> tuple[str, str]:
    flow = window.editor.document.flow
    trigger = next(n for n in flow.nodes if window.editor.registry.get(n.type).is_trigger)
    successor = next(e.target for e in flow.edges if e.source == trigger.id)
    return trigger.id, successor


def _flow_on_screen(window: MainWindow) -> QRect:
    area = QRect()
    for node_id in window.editor.scene.node_items:
        area = area.united(_on_screen(window, node_id))
    return area


def test_in_arabic_the_trigger_is_on_the_right_and_connections_run_leftwards(qtbot, window):
    _open_example(qtbot, window)
    trigger, successor = _trigger_and_next(window)
    stored = {n.id: (n.position.x, n.position.y) for n in window.editor.document.flow.nodes}
    assert _on_screen(window, trigger).center().x() < _on_screen(window, successor).center().x()

    window.set_language("ar")

    assert _on_screen(window, trigger).center().x() > _on_screen(window, successor).center().x()
    # The trigger's output is on its left side, facing the step it feeds; that step's input
    # is on its right side.
    view, items = window.editor.view, window.editor.scene.node_items
    output = view.mapFromScene(items[trigger].outputs["main"].scenePos())
    entry = view.mapFromScene(items[successor].inputs["main"].scenePos())
    assert output.x() < _on_screen(window, trigger).center().x()
    assert entry.x() > _on_screen(window, successor).center().x()
    assert entry.x() < output.x()
    # The flow file is the same in every language.
    assert {n.id: (n.position.x, n.position.y) for n in window.editor.document.flow.nodes} == (
        stored
    )


def test_switching_language_keeps_the_flow_in_view(qtbot, window):
    _open_example(qtbot, window)
    viewport = window.editor.view.viewport().rect()
    assert _flow_on_screen(window).intersects(viewport)

    window.set_language("ar")
    assert _flow_on_screen(window).intersects(viewport)
    assert viewport.contains(_on_screen(window, _trigger_and_next(window)[0]).center())

    window.set_language("en")
    assert _flow_on_screen(window).intersects(viewport)
    assert viewport.contains(_on_screen(window, _trigger_and_next(window)[0]).center())

    # From the home page too, where the switch is made while the canvas is out of sight.
    window.show_home()
    window.set_language("ar")
    window.show_editor()
    qtbot.waitUntil(lambda: window.editor.view.isVisible(), timeout=WAIT_MS)
    viewport = window.editor.view.viewport().rect()
    assert viewport.contains(_on_screen(window, _trigger_and_next(window)[0]).center())
    assert viewport.contains(_flow_on_screen(window).center())


def _drag(widget, start: QPoint, end: QPoint) -> None:
    """A left-button drag as the mouse sends it (QTest's mouseMove carries no buttons)."""
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    plain = Qt.KeyboardModifier.NoModifier
    steps = [
        (QEvent.Type.MouseButtonPress, start, left, left),
        *((QEvent.Type.MouseMove, start + (end - start) * i / 5, none, left) for i in range(1, 6)),
        (QEvent.Type.MouseButtonRelease, end, left, none),
    ]
    for kind, at, button, buttons in steps:
        point = QPointF(at)
        event = QMouseEvent(kind, point, widget.mapToGlobal(point), button, buttons, plain)
        QApplication.sendEvent(widget, event)


def test_dragging_a_step_leftwards_in_arabic_moves_it_further_along_the_flow(qtbot, window):
    _open_example(qtbot, window)
    window.set_language("ar")
    _trigger, successor = _trigger_and_next(window)
    before = window.editor.document.flow.node(successor).position
    card = _on_screen(window, successor)
    grip = QPoint(card.center().x(), card.top() + 20)

    _drag(window.editor.view.viewport(), grip, grip - QPoint(120, 0))

    after = window.editor.document.flow.node(successor).position
    assert after.x > before.x + 40  # further from the trigger, in the file as on screen
    assert abs(after.y - before.y) < 1
    assert _on_screen(window, successor).center().x() < card.center().x()
