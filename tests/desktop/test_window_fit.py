"""The editor as a shop owner first sees it in a 1280×800 window, in English and Arabic."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QRectF, Qt

from flowin_desktop.editor.document import SetNodeValue
from tests.desktop.conftest import WAIT_MS


def _open_example(qtbot, window, language: str) -> None:
    window.resize(1280, 800)
    window.set_language(language)
    window.show_home()
    window.open_flow(window.home.flow_ids()[0])
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.editor, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.width() == 1280, timeout=WAIT_MS)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_top_bar_widget_fits_a_1280_px_window(qtbot, window, language):
    _open_example(qtbot, window, language)
    bar = window.top_bar
    inside = QRect(0, 0, window.width(), window.height())
    shown = [
        bar.widgetForAction(action)
        for action in bar.actions()
        if action.isVisible() and bar.widgetForAction(action) is not None
    ]
    # The primary tools are all there: back to the flows, name, history, AI, activate, Test run.
    editor = window.editor
    primary = [window.home_button, *editor.leading_tools, *editor.trailing_tools]
    for widget in [*primary, window.more_button]:
        assert widget in shown

    def all_inside() -> bool:
        for widget in shown:
            if not widget.isVisible() or widget.width() == 0:
                return False
            top_left = widget.mapTo(window, widget.rect().topLeft())
            if not inside.contains(QRect(top_left, widget.size())):
                return False
        return True

    qtbot.waitUntil(all_inside, timeout=WAIT_MS)
    # The secondary actions wait in the "More" menu, in the window's language.
    texts = [a.text() for a in window.more_menu.actions()]
    assert window.executions_action.text() in texts
    assert "العربية" in texts and "English" in texts
    if language == "ar":
        assert window.more_button.text().startswith("المزيد")
        assert "المظهر" in texts[-1]
        # Its language entries switch the language, as the combo box does on the home page.
        window.more_menu.aboutToShow.emit()
        english = next(a for a in window.more_menu.actions() if a.text() == "English")
        english.trigger()
        assert window.localizer.language == "en" and window.more_button.text() == "More ▾"


def _trigger_in_sight(window) -> bool:
    editor = window.editor
    view = editor.view
    trigger = next(i for i in editor.scene.node_items.values() if i.name == "When I click Run")
    shown = view.mapFromScene(trigger.sceneBoundingRect()).boundingRect()
    return view.viewport().rect().contains(shown)


@pytest.mark.parametrize("first, then", [("en", "ar"), ("ar", "en")])
def test_the_example_opens_with_its_trigger_in_sight_in_both_directions(qtbot, window, first, then):
    from flowin_desktop.canvas.view import READABLE_SCALE

    view = window.editor.view
    for language in (first, then, first):
        _open_example(qtbot, window, language)
        qtbot.waitUntil(lambda: _trigger_in_sight(window), timeout=WAIT_MS)
        assert view.zoom_factor() >= READABLE_SCALE - 1e-6
        # The owner looks at the branches' end at full size; the view is remembered so.
        view.resetTransform()
        view.centerOn(1100, 100)
        assert not _trigger_in_sight(window)
        window.show_home()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_minimap_is_a_small_corner_map_shown_only_while_part_of_the_flow_is_hidden(
    qtbot, window, language
):
    _open_example(qtbot, window, language)
    editor = window.editor
    view, minimap = editor.view, editor.view.minimap
    view.fit_to_view()  # every step on screen: nothing to find on a map
    qtbot.waitUntil(lambda: not minimap.isVisible(), timeout=WAIT_MS)

    view.zoom_by(2.0)
    qtbot.waitUntil(minimap.isVisible, timeout=WAIT_MS)
    area = view.viewport().rect()
    assert minimap.width() * minimap.height() < area.width() * area.height() / 12
    corner = minimap.geometry()
    assert corner.bottom() > view.height() - 30
    # At the end side, away from the palette: right in English, left in Arabic.
    palette = editor.palette_panel.mapTo(window, editor.palette_panel.rect().center())
    mine = minimap.mapTo(window, minimap.rect().center())
    canvas = view.mapTo(window, view.rect().center())
    assert (palette.x() < canvas.x() < mine.x()) or (palette.x() > canvas.x() > mine.x())
    assert (mine.x() < canvas.x()) == (language == "ar")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_with_no_step_selected_the_properties_panel_sums_up_the_flow(qtbot, window, language):
    _open_example(qtbot, window, language)
    editor = window.editor
    editor.scene.clearSelection()
    overview = editor.properties.empty
    qtbot.waitUntil(overview.isVisible, timeout=WAIT_MS)
    flow = editor.document.flow
    text = overview.text()
    trigger, *steps = [node.name for node in flow.nodes]
    assert trigger in text and all(step in text for step in steps)
    assert ("Test run" in text) if language == "en" else ("تشغيل تجريبي" in text)
    assert ("Not active" in text) if language == "en" else ("غير مفعّل" in text)
    assert text.count("\n") >= 6  # a summary, not one line in the middle of an empty panel
    # It follows the flow: a renamed step shows at once.
    renamed = "Big spender?"
    big = next(n for n in flow.nodes if n.type == "core.condition")
    editor.document.push(SetNodeValue(editor.document, big.id, "name", renamed))
    qtbot.waitUntil(lambda: renamed in overview.text(), timeout=WAIT_MS)


def _flow_in_sight(editor) -> bool:
    view = editor.view
    scene = editor.scene
    flow = QRectF()
    for item in [*scene.node_items.values(), *scene.note_items.values()]:
        flow = flow.united(item.sceneBoundingRect())
    shown = view.mapFromScene(flow).boundingRect()
    return view.viewport().rect().contains(shown)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_whole_example_fits_at_a_readable_zoom_with_the_steps_list_folded_away(
    qtbot, window, language
):
    from flowin_desktop.canvas.view import READABLE_SCALE

    _open_example(qtbot, window, language)
    editor = window.editor
    palette = editor.palette_panel
    # With steps open, the steps list folds into a slim strip at the start side: one button.
    qtbot.waitUntil(lambda: palette.add_button.isVisible(), timeout=WAIT_MS)
    assert not palette.tree.isVisible()
    assert palette.width() < 80
    assert palette.add_button.text().replace("\n", " ") == (
        "+ Add step" if language == "en" else "+ أضف خطوة"
    )
    qtbot.waitUntil(lambda: _flow_in_sight(editor), timeout=WAIT_MS)
    assert editor.view.zoom_factor() >= READABLE_SCALE - 1e-6

    # "+ Add step" unfolds the list; a double-click on an entry still adds that step.
    steps = len(editor.document.flow.nodes)
    qtbot.mouseClick(palette.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: palette.tree.isVisible() and palette.width() > 150, timeout=WAIT_MS)
    assert not palette.add_button.isVisible()
    assert palette.search.hasFocus() or not window.isActiveWindow()
    item = palette.item_for("core.delay")
    palette.tree.scrollToItem(item)
    rect = palette.tree.visualItemRect(item)
    assert palette.tree.viewport().rect().contains(rect.center())
    qtbot.mouseClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(editor.document.flow.nodes) == steps + 1
    assert editor.document.flow.nodes[-1].type == "core.delay"

    # Its fold button puts it away again; an empty flow opens with the list unfolded.
    qtbot.mouseClick(palette.fold_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: palette.add_button.isVisible(), timeout=WAIT_MS)
    assert palette.width() < 80
    editor.new_flow()
    qtbot.waitUntil(lambda: palette.tree.isVisible(), timeout=WAIT_MS)
    assert palette.width() > 150
