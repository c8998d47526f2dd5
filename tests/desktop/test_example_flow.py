"""The example flow a first start saves speaks the language Flowin starts in."""

from __future__ import annotations

from flowin_desktop.app import create_window
from flowin_engine.registry import default_registry
from flowin_engine.store import LANGUAGE_SETTING

from .conftest import WAIT_MS


def _first_start(qtbot, qapp, store, language: str):
    store.set_setting(LANGUAGE_SETTING, language)
    window = create_window(qapp, store, default_registry())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window, timeout=WAIT_MS)
    [summary] = store.flows.summaries()
    return window, store.flows.get(summary.id)


def test_a_first_start_in_arabic_saves_the_example_with_arabic_steps_and_note(qtbot, qapp, store):
    window, flow = _first_start(qtbot, qapp, store, "ar")
    try:
        names = [node.name for node in flow.nodes]
        assert "عندما أضغط تشغيل" in names and "طلب كبير؟" in names
        assert all(not name.isascii() for name in names)
        assert not flow.name.isascii()
        [note] = flow.sticky_notes
        assert note.text.startswith("اضغط «تشغيل تجريبي»")
        # The home page lists it under its Arabic name; the flow still runs its data through.
        assert window.home.flow_ids() == [flow.id]
        greeting = flow.nodes[1].params["fields"][0]["value"]
        assert "{{ trigger.customer_name }}" in greeting and not greeting.startswith("Hello")
    finally:
        window.set_language("en")
        window.shutdown()


def test_a_first_start_in_english_keeps_the_english_example(qtbot, qapp, store):
    window, flow = _first_start(qtbot, qapp, store, "en")
    try:
        assert flow.name == "Welcome: greet a customer"
        assert [node.name for node in flow.nodes][:3] == [
            "When I click Run",
            "Write the greeting",
            "Big order?",
        ]
    finally:
        window.shutdown()
