"""Adding a service from its API description in the app: File → Add a service from its API
description…, and its operations are steps in the palette; a file that is no description gets
a sentence, and nothing is added."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from flowin_desktop.app import create_window
from flowin_desktop.main_window import MainWindow
from flowin_engine.registry import load_registry
from flowin_engine.store import Store
from tests.contracts.openapi_server import CONTRACTS
from tests.desktop.conftest import WAIT_MS


@pytest.fixture
def own_window(qtbot, qapp: QApplication, store: Store) -> Iterator[MainWindow]:
    """A window with a registry of its own: the one the other tests share stays as shipped."""
    main = create_window(qapp, store, load_registry())
    qtbot.addWidget(main)
    main.resize(1200, 760)
    main.show()
    qtbot.waitExposed(main, timeout=WAIT_MS)
    yield main
    main.shutdown()


def test_a_service_added_from_its_description_shows_its_steps_in_the_palette(qtbot, own_window):
    # Flowin has Airtable built in: the one made from its description is "airtable_api".
    window = own_window
    adder = window.add_service
    adder.choose_file = lambda: str(CONTRACTS / "airtable" / "airtable-airtable-api-openapi.yml")
    problems: list[str] = []
    adder.show_problem = problems.append
    assert window.editor.palette_panel.item_for("airtable_api.create_records") is None

    window.add_service_action.trigger()

    qtbot.waitUntil(
        lambda: window.editor.palette_panel.item_for("airtable_api.create_records") is not None,
        timeout=WAIT_MS,
    )
    assert "Added Airtable API with 15 steps" in window.statusBar().currentMessage()
    assert "airtable_api.create_records" in window.registry
    assert not problems


def test_a_file_that_is_no_api_description_is_refused_in_a_sentence(qtbot, own_window, tmp_path):
    window = own_window
    notes = tmp_path / "notes.json"
    notes.write_text('{"shopping": ["milk"]}', encoding="utf-8")
    problems: list[str] = []
    window.add_service.show_problem = problems.append
    window.add_service.choose_file = lambda: str(notes)
    types_before = len(window.registry.node_types)

    window.add_service_action.trigger()

    qtbot.waitUntil(lambda: bool(problems), timeout=WAIT_MS)
    assert "is not an API description" in problems[0]
    assert len(window.registry.node_types) == types_before


def test_in_arabic_a_file_that_is_no_api_description_is_refused_in_arabic(
    qtbot, own_window, tmp_path
):
    window = own_window
    window.set_language("ar")
    notes = tmp_path / "notes.json"
    notes.write_text('{"shopping": ["milk"]}', encoding="utf-8")
    problems: list[str] = []
    window.add_service.show_problem = problems.append
    window.add_service.choose_file = lambda: str(notes)
    try:
        window.add_service_action.trigger()
        qtbot.waitUntil(lambda: bool(problems), timeout=WAIT_MS)
    finally:
        window.set_language("en")
    assert "notes.json" in problems[0] and "API description" not in problems[0], problems[0]


def test_adding_the_same_description_again_updates_the_service(qtbot, own_window):
    window = own_window
    source = CONTRACTS / "airtable" / "airtable-airtable-api-openapi.yml"
    messages: list[str] = []
    window.add_service.added.connect(messages.append)
    window.add_service.add(source)
    qtbot.waitUntil(lambda: len(messages) == 1, timeout=WAIT_MS)
    window.add_service.add(source)
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=WAIT_MS)
    names = [t.type for t in window.registry.node_types if t.connector.id == "airtable_api"]
    assert len(names) == len(set(names)) == 15
