"""The seed's typography: Inter for English, Cairo for Arabic, shipped with their licences."""

from __future__ import annotations

from PySide6.QtGui import QFontInfo

from flowin_desktop.resources import resource
from flowin_desktop.theme import load_fonts


def test_the_shipped_fonts_load_with_their_licences():
    assert {"Inter", "Cairo"} <= set(load_fonts())
    for licence in ("Inter-OFL.txt", "Cairo-OFL.txt"):
        assert "SIL Open Font License" in resource(f"fonts/{licence}").read_text()


def test_english_is_set_in_inter_and_arabic_in_cairo(window, qapp):
    assert QFontInfo(qapp.font()).family() == "Inter"
    assert QFontInfo(window.font()).family() == "Inter"
    assert QFontInfo(window.editor.run_log.summary.font()).family() == "Inter"
    window.set_language("ar")
    qapp.processEvents()  # Qt tells widgets of a new application font by posted events
    assert QFontInfo(qapp.font()).family() == "Cairo"
    assert QFontInfo(window.font()).family() == "Cairo"
    window.set_language("en")
    qapp.processEvents()
    assert QFontInfo(qapp.font()).family() == "Inter"
    assert QFontInfo(window.font()).family() == "Inter"
