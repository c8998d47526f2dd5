"""Number settings in the properties panel write their digits as View › Digits says, not as
Qt's locale would: Arabic-Indic (٢٥٠) or Western (250), and they follow a switch."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QSpinBox

from flowin_desktop.editor.document import FlowDocument
from flowin_desktop.executions import ExecutionsView
from flowin_desktop.i18n import digit_choice, set_digits
from flowin_desktop.panels.properties import PropertiesPanel
from flowin_engine.registry import default_registry
from tests.engine.builders import make_flow

from .conftest import WAIT_MS


@pytest.fixture
def digits_restored() -> Iterator[None]:
    before = digit_choice()
    yield
    set_digits(before)


def test_a_number_setting_shows_the_chosen_digits_and_follows_a_switch(qtbot, digits_restored):
    flow = make_flow(
        [("Start", "core.manual_trigger", {}), ("Orders", "shopify.list_orders", {"limit": 250})],
        ["Start -> Orders"],
    )
    set_digits("arabic")
    panel = PropertiesPanel(FlowDocument(flow, default_registry()))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel, timeout=WAIT_MS)
    panel.show_node(flow.node_by_name("Orders").id)
    spin = panel.editors["limit"].widget
    assert isinstance(spin, QSpinBox)
    qtbot.waitUntil(lambda: spin.text() == "٢٥٠", timeout=WAIT_MS)

    set_digits("western")
    panel.retranslate()  # what View › Digits does to every page
    qtbot.waitUntil(lambda: panel.editors["limit"].widget.text() == "250", timeout=WAIT_MS)


def test_the_run_history_date_boxes_show_the_chosen_digits(qtbot, store, digits_restored):
    set_digits("arabic")
    view = ExecutionsView(store, lambda execution_id: execution_id)
    qtbot.addWidget(view)
    view.retranslate()
    view.since_edit.setDate(QDate(2026, 12, 5))
    # The display format (two or four year digits) follows the machine's locale; the digits
    # follow the setting.
    shown = view.since_edit.text()
    assert re.search("[٠-٩]", shown) and not re.search("[0-9]", shown), shown
    set_digits("western")
    view.retranslate()
    shown = view.since_edit.text()
    assert re.search("[0-9]", shown) and not re.search("[٠-٩]", shown), shown
