"""The flow's own settings, under its overview in the properties panel (no step selected)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from flowin_desktop.editor.document import FlowDocument
from flowin_desktop.i18n import Localizer
from flowin_desktop.panels.properties import PropertiesPanel
from flowin_engine.registry import default_registry
from tests.engine.builders import make_flow

from .conftest import WAIT_MS


def test_keeping_step_details_of_failed_runs_only_is_a_flow_setting_with_undo_in_arabic(qtbot):
    flow = make_flow(
        [("Webhook", "webhook.receive", {"path": "orders"}), ("Note", "core.no_op", {})],
        ["Webhook -> Note"],
    )
    document = FlowDocument(flow, default_registry())
    panel = PropertiesPanel(document)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel, timeout=WAIT_MS)
    box = panel.steps_of_failures_only
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)
    assert box.text() == "Keep step details only for failed runs"
    assert not box.isChecked()

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert document.flow.settings.steps_of_failed_runs_only
    document.undo_stack.undo()
    assert not document.flow.settings.steps_of_failed_runs_only
    assert not box.isChecked()  # the box follows the undo
    document.undo_stack.redo()
    assert box.isChecked()

    panel.show_node(flow.node_by_name("Note").id)
    assert not box.isVisible()  # a step's own settings take the panel
    panel.show_node(None)
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)

    localizer = Localizer(QApplication.instance())
    try:
        localizer.set_language("ar")
        panel.retranslate()
        assert box.text() == "الاحتفاظ بتفاصيل الخطوات للتشغيلات الفاشلة فقط"
        assert "التشغيل الناجح" in panel.steps_of_failures_only_help.text()
    finally:
        localizer.set_language("en")


def test_minutes_saved_per_run_is_a_flow_setting_with_one_undo_step(qtbot):
    flow = make_flow(
        [("Webhook", "webhook.receive", {"path": "orders"}), ("Note", "core.no_op", {})],
        ["Webhook -> Note"],
    )
    document = FlowDocument(flow, default_registry())
    panel = PropertiesPanel(document)
    qtbot.addWidget(panel)
    panel.show()
    spin = panel.minutes_saved
    qtbot.waitUntil(spin.isVisible, timeout=WAIT_MS)
    assert spin.text() == "Not set"

    spin.setValue(3)
    spin.setValue(4)  # turned up twice: one change to undo
    assert document.flow.settings.minutes_saved_per_run == 4
    assert '"minutes_saved_per_run": 4' in document.flow.to_json()
    document.undo_stack.undo()
    assert document.flow.settings.minutes_saved_per_run is None
    assert spin.text() == "Not set"  # the box follows the undo
