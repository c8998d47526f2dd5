"""The steps list asks "what starts the flow?" first: its triggers are open at the top while the
flow has none, grouped like the steps, and close once it has one so the steps to add come
first; a search still finds a trigger, opening them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import add, plain


def visible_on_screen(palette, type_name: str) -> bool:
    """Whether a user sees the entry: not filtered out and every heading above it open."""
    item = palette.item_for(type_name)
    if item is None or item.isHidden():
        return False
    parent = item.parent()
    while parent is not None:
        if parent.isHidden() or not parent.isExpanded():
            return False
        parent = parent.parent()
    return True


def test_triggers_open_first_for_a_new_flow_and_close_once_it_has_one(qtbot, editor):
    palette = editor.palette_panel
    heading = palette.tree.topLevelItem(0)
    assert heading is palette.triggers and heading.text(0).startswith("Start the flow when…")
    assert heading.isExpanded()
    groups = [heading.child(i).text(0) for i in range(heading.childCount())]
    assert groups[0] == "Basics"  # manual, schedule and webhook before any service
    assert {"Communication", "E-commerce", "Payments"} <= set(groups)
    assert visible_on_screen(palette, "core.manual_trigger")
    assert visible_on_screen(palette, "shopify.new_order")
    assert all(palette.item_for(t).parent().parent() is heading for t in ("schedule.every",))

    add(editor, "shopify.new_order", 0, 0)
    qtbot.waitUntil(lambda: not heading.isExpanded())
    assert not visible_on_screen(palette, "shopify.new_order")
    assert visible_on_screen(palette, "whatsapp.send_text")  # the steps to add, in sight

    # Searching finds a trigger even so, and clearing the search closes them again.
    palette.search.setText("telegram")
    assert visible_on_screen(palette, "telegram.new_message")
    assert visible_on_screen(palette, "telegram.send_message")
    assert not visible_on_screen(palette, "shopify.new_order")
    palette.search.clear()
    assert not heading.isExpanded()

    # The flow left without a trigger asks for one again.
    editor.document.undo_stack.undo()
    qtbot.waitUntil(heading.isExpanded)


def test_the_triggers_heading_counts_the_triggers_a_search_leaves(qtbot, editor):
    palette = editor.palette_panel
    triggers = [
        i
        for i in palette.items()
        if palette.registry.get(i.data(0, Qt.ItemDataRole.UserRole + 1)).is_trigger
    ]
    assert plain(palette.triggers.text(0)) == f"Start the flow when… ({len(triggers)})"
    palette.search.setText("salla")
    shown = [i for i in triggers if not i.isHidden()]
    assert 0 < len(shown) < len(triggers)
    assert plain(palette.triggers.text(0)) == f"Start the flow when… ({len(shown)})"
