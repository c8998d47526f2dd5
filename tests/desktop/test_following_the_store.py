"""What another program writes into the same data folder (the command line, a second Flowin,
the sync) shows in the window without the user going anywhere: the window watches the store."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt

from flowin_engine.model import FlowStatus
from flowin_engine.store import Store

from .conftest import WAIT_MS


def flowin(store, *command: str) -> None:
    """The command line, in a process of its own, on the window's data folder."""
    subprocess.run(
        [sys.executable, "-m", "flowin_engine", "--data-dir", str(store.path.parent), *command],
        check=True,
        capture_output=True,
    )


def test_a_flow_paused_from_the_command_line_shows_paused_on_home(qtbot, window, store):
    flow_id = window.home.flow_ids()[0]
    store.flows.set_status(flow_id, FlowStatus.ACTIVE)
    window.show_home()
    assert "Active" in window.home.row_widget(flow_id).state.text()

    flowin(store, "flows", "pause", flow_id)

    qtbot.waitUntil(
        lambda: "Paused" in window.home.row_widget(flow_id).state.text(), timeout=WAIT_MS
    )

    flowin(store, "flows", "activate", flow_id)

    qtbot.waitUntil(
        lambda: "Active" in window.home.row_widget(flow_id).state.text(), timeout=WAIT_MS
    )


def test_the_open_flows_switch_follows_a_pause_from_the_command_line(qtbot, window, store):
    flow_id = window.home.flow_ids()[0]
    store.flows.set_status(flow_id, FlowStatus.ACTIVE)
    window.open_flow(flow_id)
    assert window.editor.saving.activate_button.isChecked()

    flowin(store, "flows", "pause", flow_id)

    qtbot.waitUntil(lambda: not window.editor.saving.activate_button.isChecked(), timeout=WAIT_MS)
    window.editor.saving.save_now()
    assert store.flows.get(flow_id).status == FlowStatus.PAUSED


def test_a_run_made_by_another_process_appears_in_the_executions_list(qtbot, window, store):
    flow_id = window.home.flow_ids()[0]
    window.show_executions()
    assert window.executions.execution_ids() == []

    flowin(store, "run", flow_id, "--quiet")

    qtbot.waitUntil(lambda: len(window.executions.execution_ids()) == 1, timeout=WAIT_MS)
    (run_id,) = window.executions.execution_ids()
    assert store.executions.get(run_id).flow_id == flow_id


def test_a_switch_flipped_in_the_editor_stands_when_another_change_arrives_before_it_is_saved(
    qtbot, window, store
):
    flow_id = window.home.flow_ids()[0]
    store.flows.set_status(flow_id, FlowStatus.PAUSED)
    window.open_flow(flow_id)
    saving = window.editor.saving
    assert not saving.activate_button.isChecked()
    qtbot.mouseClick(saving.activate_button, Qt.MouseButton.LeftButton)
    saving.autosave.stop()  # the autosave has not come yet
    with Store(store.path) as elsewhere:  # another program writes something else meanwhile
        elsewhere.set_setting("elsewhere", "yes")

    assert window.store_watch.poll()

    assert saving.activate_button.isChecked()
    saving.save_now()
    assert store.flows.get(flow_id).status == FlowStatus.ACTIVE


def test_an_edit_saved_just_after_a_pause_from_the_command_line_keeps_the_flow_paused(
    qtbot, window, store
):
    flow_id = window.home.flow_ids()[0]
    store.flows.set_status(flow_id, FlowStatus.ACTIVE)
    window.open_flow(flow_id)
    window.editor.flow_name.setText("Welcome, renamed")
    window.editor.flow_name.editingFinished.emit()

    flowin(store, "flows", "pause", flow_id)  # before the window looked at the store again
    window.editor.saving.save_now()

    saved = store.flows.get(flow_id)
    assert (saved.name, saved.status) == ("Welcome, renamed", FlowStatus.PAUSED)
    assert not window.editor.saving.activate_button.isChecked()
