"""Saving, reopening and managing flows from the home view."""

from __future__ import annotations

from flowin_desktop.example import EXAMPLE_NAME
from flowin_engine.model import FlowStatus
from flowin_engine.store import Store

from .conftest import WAIT_MS, add, click


def test_first_start_saves_a_working_example_flow(window, store):
    assert [f.name for f in store.flows.summaries()] == [EXAMPLE_NAME]
    assert window.pages.currentWidget() is window.home
    assert window.home.list.count() == 1


def test_edits_are_saved_automatically_and_reopen_the_same(qtbot, window, store):
    window.new_flow()
    editor = window.editor
    a = add(editor, "core.manual_trigger", 10, 20)
    b = add(editor, "core.set_fields", 300, 20)
    editor.scene.connect(a, "main", b, "main")
    assert editor.saving.save_state.text() == "Saving…"
    qtbot.waitUntil(lambda: editor.saving.save_state.text() == "Saved", timeout=WAIT_MS)
    flow_id = editor.document.flow.id

    with Store(store.path) as reopened:
        saved = reopened.flows.get(flow_id)
    assert [(n.id, n.type, n.position.x) for n in saved.nodes] == [
        (a, "core.manual_trigger", 10),
        (b, "core.set_fields", 300),
    ]
    assert [(e.source, e.target) for e in saved.edges] == [(a, b)]

    window.show_home()
    editor.open_flow(flow_id)
    assert set(editor.scene.node_items) == {a, b}
    assert len(editor.scene.edge_items) == 1


def test_home_view_renames_duplicates_and_deletes_after_asking(window, store):
    home = window.home
    flow_id = home.flow_ids()[0]
    home.rename(flow_id, "Greetings")
    copy_id = home.duplicate(flow_id)
    assert sorted(f.name for f in store.flows.summaries()) == ["Greetings", "Greetings (copy)"]

    asked = []
    home.confirm = lambda title, question: asked.append(question) or False
    assert not home.delete(copy_id)
    assert len(store.flows.summaries()) == 2
    home.confirm = lambda title, question: True
    assert home.delete(copy_id)
    assert [f.name for f in store.flows.summaries()] == ["Greetings"]
    assert "Greetings (copy)" in asked[0]


def test_deleting_every_flow_shows_the_friendly_empty_state(window):
    window.home.confirm = lambda title, question: True
    window.home.delete(window.home.flow_ids()[0])
    assert window.home.content.currentWidget() is window.home.empty
    assert "No flows yet" in window.home.empty_label.text()


def test_activating_a_flow_is_saved_and_undoable(qtbot, window, store):
    flow_id = window.home.flow_ids()[0]
    window.open_flow(flow_id)
    click(qtbot, window.editor.saving.activate_button)
    assert window.editor.document.flow.status == FlowStatus.ACTIVE
    assert window.editor.saving.activate_button.isChecked()
    window.editor.saving.save_now()
    assert store.flows.get(flow_id).status == FlowStatus.ACTIVE
    assert window.has_active_work()
    window.editor.undo_action.trigger()
    assert window.editor.document.flow.status == FlowStatus.DRAFT
    assert not window.editor.saving.activate_button.isChecked()
