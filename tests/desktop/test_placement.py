"""Where a new step lands: after the selected step and connected from it, or in free space;
never on top of another step, and the empty canvas's hint goes with the first step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from flowin_engine.editing import STEP_GAP

from .conftest import WAIT_MS, add


def _double_click_palette(qtbot, editor, type_name: str) -> None:
    palette = editor.palette_panel
    item = palette.item_for(type_name)
    palette.tree.scrollToItem(
        item
    )  # the list is longer than the panel: scrolled to, as a user does
    rect = palette.tree.visualItemRect(item)
    qtbot.mouseClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _cards_overlap(editor) -> list[tuple[str, str]]:
    items = list(editor.scene.node_items.values())
    return [
        (a.name, b.name)
        for i, a in enumerate(items)
        for b in items[i + 1 :]
        if a.sceneBoundingRect().intersects(b.sceneBoundingRect())
    ]


def test_a_palette_step_goes_after_the_selected_step_and_is_connected_from_it(qtbot, editor):
    trigger = add(editor, "core.manual_trigger", 0, 0)  # added steps are selected

    _double_click_palette(qtbot, editor, "core.set_fields")
    _double_click_palette(qtbot, editor, "core.condition")

    flow = editor.document.flow
    first, second = flow.nodes[1], flow.nodes[2]
    assert (first.type, second.type) == ("core.set_fields", "core.condition")
    assert (first.position.x, first.position.y) == (STEP_GAP, 0)
    assert (second.position.x, second.position.y) == (2 * STEP_GAP, 0)
    assert [(e.source, e.target) for e in flow.edges] == [
        (trigger, first.id),
        (first.id, second.id),
    ]
    assert editor.scene.selected_node_ids() == [second.id]
    assert _cards_overlap(editor) == []


def test_a_second_branch_from_the_same_step_goes_below_the_first(qtbot, editor):
    trigger = add(editor, "core.manual_trigger", 0, 0)
    _double_click_palette(qtbot, editor, "core.set_fields")
    editor.scene.clearSelection()
    editor.scene.node_items[trigger].setSelected(True)

    _double_click_palette(qtbot, editor, "core.delay")

    assert _cards_overlap(editor) == []
    delay = editor.document.flow.nodes[2]
    assert delay.position.x == STEP_GAP and delay.position.y > 0
    assert (editor.document.flow.edges[1].source, editor.document.flow.edges[1].target) == (
        trigger,
        delay.id,
    )


def test_with_nothing_selected_a_palette_step_lands_in_free_space(qtbot, editor):
    _double_click_palette(qtbot, editor, "core.manual_trigger")
    editor.scene.clearSelection()

    _double_click_palette(qtbot, editor, "core.set_fields")
    editor.scene.clearSelection()
    _double_click_palette(qtbot, editor, "core.delay")

    assert len(editor.document.flow.nodes) == 3
    assert _cards_overlap(editor) == []
    assert editor.document.flow.edges == []


def _on_screen_band(editor, top: int) -> QImage:
    """What the canvas shows on screen now, 80 pixels from ``top`` down: the window's backing
    store, not a fresh render."""
    viewport = editor.view.viewport()
    at = viewport.mapTo(editor.window(), viewport.rect().topLeft())
    screen = editor.window().screen()
    shot = screen.grabWindow(editor.window().winId(), at.x(), at.y() + top, viewport.width(), 80)
    return shot.toImage().convertToFormat(QImage.Format.Format_RGB32)


def _fresh(editor) -> QImage:
    """The canvas drawn anew from the scene, as it should be on screen."""
    viewport = editor.view.viewport()
    return viewport.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_the_empty_canvas_hint_goes_once_there_is_a_step(qtbot, editor):
    view = editor.view
    middle = view.viewport().height() // 2 - 40

    def band(image: QImage) -> list[int]:
        return [image.pixel(x, y) for y in range(0, 80, 2) for x in range(0, image.width(), 2)]

    def shown_as_drawn() -> bool:
        screen = _on_screen_band(editor, middle)
        fresh = _fresh(editor).copy(0, middle, view.viewport().width(), 80)
        return band(screen) == band(fresh)

    qtbot.waitUntil(shown_as_drawn, timeout=WAIT_MS)
    assert view.empty_hint  # painted in the middle, over this band
    # A step far from the middle, so only the hint could have been painted there.
    add(editor, "core.manual_trigger", -2000, -2000)
    qtbot.waitUntil(shown_as_drawn, timeout=WAIT_MS)
