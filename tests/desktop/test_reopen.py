"""Closing (or losing) the app and starting it again brings back the flow and the canvas view."""

from __future__ import annotations

import contextlib

import pytest

from flowin_desktop.app import create_window
from flowin_engine.registry import default_registry

from .conftest import WAIT_MS


def _start(qtbot, qapp, store, reopens_a_flow: bool = False):
    window = create_window(qapp, store, default_registry())
    qtbot.addWidget(window)
    window.resize(1200, 760)
    # A reopened flow's view is restored once the canvas has its size.
    with (
        qtbot.waitSignal(window.editor.view_restored, timeout=WAIT_MS)
        if reopens_a_flow
        else contextlib.nullcontext()
    ):
        window.show()
        qtbot.waitExposed(window, timeout=WAIT_MS)
    return window


def _centre(window):
    return window.editor.view.mapToScene(window.editor.view.viewport().rect().center())


def test_the_open_flow_and_its_view_come_back(qtbot, qapp, store):
    first = _start(qtbot, qapp, store)
    flow_id = first.home.flow_ids()[0]
    with qtbot.waitSignal(first.editor.view_restored, timeout=WAIT_MS):
        first.open_flow(flow_id)
    first.editor.view.zoom_by(1.7)
    first.editor.view.centerOn(420, 260)
    zoom, centre = first.editor.view.zoom_factor(), _centre(first)
    first.shutdown()
    first.close()

    second = _start(qtbot, qapp, store, reopens_a_flow=True)
    assert second.pages.currentWidget() is second.editor
    assert second.editor.document.flow.id == flow_id
    assert second.editor.view.zoom_factor() == pytest.approx(zoom, rel=0.01)
    assert abs(_centre(second).x() - centre.x()) < 5 and abs(_centre(second).y() - centre.y()) < 5
    second.shutdown()


def test_leaving_for_the_home_page_starts_there_next_time(qtbot, qapp, store):
    first = _start(qtbot, qapp, store)
    first.open_flow(first.home.flow_ids()[0])
    first.show_home()
    first.shutdown()
    first.close()
    second = _start(qtbot, qapp, store)
    assert second.pages.currentWidget() is second.home
    second.shutdown()


def test_a_flow_deleted_meanwhile_is_not_reopened(qtbot, qapp, store):
    first = _start(qtbot, qapp, store)
    first.new_flow()
    gone = first.editor.document.flow.id
    first.shutdown()
    first.close()
    store.flows.delete(gone)
    second = _start(qtbot, qapp, store)
    assert second.pages.currentWidget() is second.home
    second.shutdown()
