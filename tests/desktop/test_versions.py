"""Version history: the list of saves, their changes drawn on a canvas, restoring one, and a
flow changed elsewhere while it was open."""

from __future__ import annotations

from flowin_desktop.canvas.diff import DiffOverlay
from flowin_desktop.canvas.ghost import GhostFlow
from flowin_desktop.dialogs.versions import OPEN_NOW, VersionHistoryDialog
from flowin_desktop.editor.document import SetNodeValue
from flowin_engine.store import Store

from .conftest import add, click, names


def _three_versions(editor) -> tuple[str, str, str]:
    """Version 2: a trigger and a greeting; 3: a wait added; 4: the greeting changed."""
    trigger = add(editor, "core.manual_trigger", 0, 0)
    greet = add(editor, "core.set_fields", 320, 0)
    editor.scene.connect(trigger, "main", greet, "main")
    editor.saving.save_now()
    wait = add(editor, "core.delay", 640, 0)
    editor.scene.connect(greet, "main", wait, "main")
    editor.saving.save_now()
    editor.document.push(SetNodeValue(editor.document, greet, "name", "Greeting"))
    editor.saving.save_now()
    return trigger, greet, wait


def _open_history(qtbot, editor) -> VersionHistoryDialog:
    click(qtbot, editor.history_button)
    dialog = editor.window().findChild(VersionHistoryDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_history_lists_every_save_newest_first_with_what_it_changed(qtbot, editor, store):
    _three_versions(editor)

    dialog = _open_history(qtbot, editor)

    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert [v.number for v in dialog.history] == [4, 3, 2, 1]
    assert rows[0].startswith("Version 4") and "(latest)" in rows[0]
    assert rows[0].endswith("Changed: 1")
    assert rows[1].endswith("Added: 1 · Connections: 1")
    assert rows[3].endswith("First version")


def test_choosing_a_version_draws_its_changes_on_the_canvas(qtbot, editor):
    _, greet, wait = _three_versions(editor)
    dialog = _open_history(qtbot, editor)

    dialog.list.setCurrentRow(1)  # version 3: the wait was added

    assert set(dialog.scene.node_items) == {n.id for n in dialog.history[1].flow.nodes}
    assert dialog.scene.node_items[wait].run_state == "success"  # green border
    overlay = next(i for i in dialog._drawn if isinstance(i, DiffOverlay))
    assert [(text, color) for _, text, color in overlay.labels] == [("New", "success")]
    assert [color for _, color in overlay.edges] == ["success"]
    assert "Added: \u2068Delay\u2069" in dialog.changes.text()

    dialog.list.setCurrentRow(0)  # version 4: the greeting was renamed
    assert dialog.scene.node_items[greet].run_state == "retrying"  # amber border
    assert dialog.scene.node_items[wait].run_state is None


def test_comparing_an_old_version_with_the_open_flow_shows_removed_steps_as_ghosts(qtbot, editor):
    _, _, wait = _three_versions(editor)
    editor.scene.node_items[wait].setSelected(True)
    editor.delete_selection()
    editor.saving.save_now()
    dialog = _open_history(qtbot, editor)
    dialog.select_version(4)

    dialog.compare_with(OPEN_NOW)

    ghost = next(i for i in dialog._drawn if isinstance(i, GhostFlow))
    assert [n.id for n in ghost.flow.nodes] == [wait]
    assert ghost.color == "failure"
    assert wait not in dialog.scene.node_items
    assert "Removed: \u2068Delay\u2069" in dialog.changes.text()


def test_restoring_a_version_is_one_undoable_change_saved_as_a_new_version(qtbot, editor, store):
    trigger, greet, wait = _three_versions(editor)
    dialog = _open_history(qtbot, editor)
    dialog.select_version(2)

    click(qtbot, dialog.restore_button)

    flow_id = editor.document.flow.id
    assert names(editor.document.flow) == ["Manual trigger", "Set fields"]
    assert set(editor.scene.node_items) == {trigger, greet}
    assert store.flows.current_version(flow_id) == 5
    assert names(store.flows.get(flow_id)) == ["Manual trigger", "Set fields"]
    assert [v.version for v in store.flows.versions(flow_id)][:2] == [5, 4]

    editor.undo_action.trigger()
    assert names(editor.document.flow) == ["Manual trigger", "Greeting", "Delay"]
    assert set(editor.scene.node_items) == {trigger, greet, wait}


def _changed_in_another_window(store: Store, flow_id: str, name: str) -> None:
    with Store(store.path) as other:
        flow = other.flows.get(flow_id)
        flow.name = name
        other.flows.save(flow, other.flows.current_version(flow_id))


def test_a_flow_saved_elsewhere_is_not_overwritten_and_keep_mine_saves_on_top(qtbot, editor, store):
    add(editor, "core.manual_trigger", 0, 0)
    editor.saving.save_now()
    flow_id = editor.document.flow.id
    _changed_in_another_window(store, flow_id, "Their name")

    add(editor, "core.delay", 300, 0)
    editor.saving.save_now()

    assert editor.saving.conflict_bar.isVisible()
    assert "changed elsewhere" in editor.saving.conflict_bar.message.text()
    assert store.flows.get(flow_id).name == "Their name"
    assert len(store.flows.get(flow_id).nodes) == 1

    click(qtbot, editor.saving.conflict_bar.keep_button)

    assert not editor.saving.conflict_bar.isVisible()
    assert names(store.flows.get(flow_id)) == ["Manual trigger", "Delay"]
    assert store.flows.current_version(flow_id) == 4  # 2 mine, 3 theirs, 4 mine again: all kept
    assert store.flows.get_version(flow_id, 3).name == "Their name"


def test_load_theirs_opens_their_version_and_keeps_mine_as_a_copy(qtbot, editor, store):
    add(editor, "core.manual_trigger", 0, 0)
    editor.saving.save_now()
    flow_id = editor.document.flow.id
    _changed_in_another_window(store, flow_id, "Their name")
    add(editor, "core.delay", 300, 0)
    editor.saving.save_now()

    click(qtbot, editor.saving.conflict_bar.theirs_button)

    assert not editor.saving.conflict_bar.isVisible()
    assert editor.document.flow.name == "Their name"
    assert names(editor.document.flow) == ["Manual trigger"]
    copies = [f for f in store.flows.summaries() if f.name.endswith("(my copy)")]
    assert len(copies) == 1
    assert names(store.flows.get(copies[0].id)) == ["Manual trigger", "Delay"]
    editor.document.push(
        SetNodeValue(editor.document, editor.document.flow.nodes[0].id, "name", "Go")
    )
    editor.saving.save_now()
    assert store.flows.get(flow_id).nodes[0].name == "Go"  # saving goes on from theirs


def test_version_history_speaks_arabic(qtbot, window):
    window.new_flow()
    editor = window.editor
    _three_versions(editor)
    window.set_language("ar")

    dialog = _open_history(qtbot, editor)

    assert dialog.windowTitle() == "سجل الإصدارات"
    assert dialog.restore_button.text() == "استعادة هذا الإصدار"
    assert editor.history_action.text() == "سجل الإصدارات…"
