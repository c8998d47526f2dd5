"""Closing the window while flows are active keeps Flowin running in the tray."""

from __future__ import annotations

from flowin_desktop.tray import Tray
from flowin_engine.model import FlowStatus


class _VisibleTray(Tray):
    """The offscreen platform has no tray; this one says it is shown and records messages."""

    messages: list[str]

    def isVisible(self) -> bool:
        return True

    def notify_still_running(self) -> None:
        self.messages.append("still running")


def test_closing_with_an_active_flow_hides_to_the_tray(qtbot, window, store):
    flow = store.get_flow(window.home.flow_ids()[0])
    store.set_flow_status(flow.id, FlowStatus.ACTIVE)
    tray = _VisibleTray(window, window.windowIcon(), window)
    tray.messages = []
    window.tray = tray

    window.close()
    assert not window.isVisible()
    assert tray.messages == ["still running"]
    assert not window.editor.runs.closed

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
    assert window.editor.runs.closed
