"""The Last run tab shows what a step got and gave as a table a person reads: fields named in
words, values as text, yes / no, numbers in the app's digits and "2 items"; sets of fields and
lists unfold as rows. No {2} / [1] counts, no JSON."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel

from flowin_desktop import i18n
from flowin_desktop.editor.document import FlowDocument
from flowin_desktop.panels.properties import PropertiesPanel
from flowin_engine.events import StepFinished
from flowin_engine.registry import default_registry
from flowin_engine.runner import Runner
from tests.engine.builders import make_flow

from .conftest import WAIT_MS, plain

ORDER = {
    "customer_name": "Layla",
    "order_id": 1042,
    "total": 250.5,
    "paid": True,
    "note": None,
    "customer": {"phone": "+966500000001"},
    "tags": ["vip", "gift"],
}


@pytest.fixture
def digits_choice() -> Iterator[None]:
    yield
    i18n.set_digits("")


def rows(model: QStandardItemModel, parent: QStandardItem | None = None) -> dict[str, tuple]:
    """{field: (value text, {its rows})} as the table shows them."""
    count = parent.rowCount() if parent is not None else model.rowCount()
    shown = {}
    for row in range(count):
        label = parent.child(row, 0) if parent is not None else model.item(row, 0)
        value = parent.child(row, 1) if parent is not None else model.item(row, 1)
        shown[plain(label.text())] = (plain(value.text()), rows(model, label))
    return shown


def ran_panel(qtbot) -> PropertiesPanel:
    flow = make_flow(
        [
            ("New order", "core.manual_trigger", {"sample_data": ORDER}),
            ("Shape", "core.set_fields", {"fields": [{"name": "seen", "value": True}]}),
        ],
        ["New order -> Shape"],
    )
    panel = PropertiesPanel(FlowDocument(flow, default_registry()))
    qtbot.addWidget(panel)
    panel.resize(520, 800)
    panel.show()
    qtbot.waitExposed(panel, timeout=WAIT_MS)
    finished: list[StepFinished] = []
    with Runner(default_registry()) as runner:
        runner.events.subscribe(
            lambda batch: finished.extend(e for e in batch if isinstance(e, StepFinished))
        )
        result = runner.run(flow)
        assert runner.events.flush()
    assert result.ok, result.error
    for event in finished:  # as the editor's test run hands them to the panel
        panel.set_step_data(event.node_id, event.input, event.output, event.error)
    return panel


def test_a_steps_input_and_output_read_as_a_table_of_fields_in_words(qtbot):
    panel = ran_panel(qtbot)
    panel.show_node("shape")
    table = rows(panel.data_model)
    assert list(table) == ["Input", "Output", "Settings it ran with"]
    data_in = table["Input"][1]
    assert data_in["Customer name"] == ("Layla", {})
    assert data_in["Order id"] == ("1042", {})  # an id, not "1,042"
    assert data_in["Total"] == ("250.5", {})
    assert data_in["Paid"] == ("yes", {})
    assert data_in["Note"] == ("—", {})
    assert data_in["Customer"] == ("", {"Phone": ("+966500000001", {})})
    assert data_in["Tags"] == ("2 items", {"Item 1": ("vip", {}), "Item 2": ("gift", {})})
    assert table["Output"][1]["Seen"] == ("yes", {})
    assert table["Settings it ran with"][1]["Fields"][0] == "1 item"

    def every_value(shown: dict) -> Iterator[str]:
        for value, children in shown.values():
            yield value
            yield from every_value(children)

    for value in every_value(table):
        assert not value.startswith(("{", "[")), value

    # The fields show; a nested set of fields unfolds on demand, the settings are folded.
    view, model = panel.data_view, panel.data_model
    assert view.isExpanded(model.index(0, 0))
    assert not view.isExpanded(model.index(2, 0))


def test_numbers_in_the_table_follow_the_apps_digit_setting(qtbot, digits_choice):
    i18n.set_digits("arabic")
    panel = ran_panel(qtbot)
    panel.show_node("new_order")
    data_out = rows(panel.data_model)["Output"][1]
    assert data_out["Order id"][0] == "١٠٤٢"
    assert data_out["Tags"][1]["Item ١"] == ("vip", {})
