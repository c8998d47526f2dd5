"""Closing the window while flows are active keeps Flowin running in the tray."""

from __future__ import annotations

from flowin_desktop.active_flows import ActiveFlows
from flowin_desktop.tray import Tray
from flowin_engine.model import FlowStatus

from .conftest import WAIT_MS


class _VisibleTray(Tray):
    """The offscreen platform has no tray; this one says it is shown and records messages."""

    messages: list[str]

    def isVisible(self) -> bool:
        return True

    def notify_still_running(self) -> None:
        self.messages.append("still running")


def test_closing_with_an_active_flow_hides_to_the_tray(qtbot, window, store):
    flow = store.flows.get(window.home.flow_ids()[0])
    store.flows.set_status(flow.id, FlowStatus.ACTIVE)
    tray = _VisibleTray(window, window.windowIcon(), window)
    tray.messages = []
    window.tray = tray

    window.close()
    assert not window.isVisible()
    assert tray.messages == ["still running"]
    assert not window.editor.test_run.runs.closed

    tray.show_window()
    assert window.isVisible()
    assert [a.text() for a in tray.menu.actions() if a.text()] == [
        "Open Flowin",
        "Pause all flows",
        "Quit",
    ]
    window.tray = None


def test_closing_with_nothing_active_really_closes(qtbot, window):
    window.close()
    assert window.editor.test_run.runs.closed


def test_pause_all_flows_from_the_tray_shows_on_home_at_once(qtbot, window, store):
    flow_id = window.home.flow_ids()[0]
    store.flows.set_status(flow_id, FlowStatus.ACTIVE)
    window.show_home()
    assert "Active" in window.home.row_widget(flow_id).state.text()
    active_flows = ActiveFlows(window.editor.folder)  # as the app starts it, never started here
    window.attach_active_flows(active_flows)
    tray = _VisibleTray(window, window.windowIcon(), window)
    tray.messages = []
    window.tray = tray

    tray.pause_action.trigger()

    qtbot.waitUntil(
        lambda: "Paused" in window.home.row_widget(flow_id).state.text(), timeout=WAIT_MS
    )
    assert store.flows.get(flow_id).status == FlowStatus.PAUSED
    window.tray = None
    active_flows.stop()


def test_a_flow_paused_from_the_tray_while_open_stays_paused_when_the_editor_saves(
    qtbot, window, store
):
    flow_id = window.home.flow_ids()[0]
    store.flows.set_status(flow_id, FlowStatus.ACTIVE)
    window.open_flow(flow_id)
    assert window.editor.saving.activate_button.isChecked()
    active_flows = ActiveFlows(window.editor.folder)
    window.attach_active_flows(active_flows)

    window.pause_all_flows()

    qtbot.waitUntil(lambda: not window.editor.saving.activate_button.isChecked(), timeout=WAIT_MS)
    window.editor.flow_name.setText("Welcome, renamed")
    window.editor.flow_name.editingFinished.emit()
    window.editor.saving.save_now()
    assert store.flows.get(flow_id).name == "Welcome, renamed"
    assert store.flows.get(flow_id).status == FlowStatus.PAUSED
    active_flows.stop()
