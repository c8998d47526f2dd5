"""Arabic: right-to-left layout and translated words, switched live."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from flowin_desktop.app import create_window
from flowin_desktop.i18n import translations_dir
from flowin_desktop.main_window import MainWindow
from flowin_desktop.theme import style_sheet
from flowin_engine.registry import default_registry

from .conftest import WAIT_MS


def test_switching_to_arabic_is_right_to_left_and_translated(qtbot, window):
    index = window.language.findData("ar")
    window.language.setCurrentIndex(index)

    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.home.title.text() == "تدفقاتك"
    assert window.editor.test_run.button.text() == "▶  تشغيل تجريبي"
    assert window.edit_menu.title() == "&تحرير"
    assert window.store.get_setting("language") == "ar"

    window.language.setCurrentIndex(window.language.findData("en"))
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.home.title.text() == "Your flows"


def test_qt_own_words_and_the_cloud_dialog_follow_the_language(qtbot, window):
    english = window.show_cloud_account()
    english.reject()
    assert english.close_button.text() == "Close"

    window.set_language("ar")
    arabic = window.show_cloud_account()

    assert arabic is not english  # built again in the new language
    assert arabic.windowTitle() == "الحساب السحابي"
    assert arabic.close_button.text() == "أغلق"  # a standard button, from Qt's own translation
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_refused_connection_reason_is_in_arabic_too(qtbot, window):
    window.new_flow()
    editor = window.editor
    window.set_language("ar")
    trigger = editor.add_node("core.manual_trigger", editor.view.mapToScene(0, 0))
    step = editor.add_node("core.no_op", editor.view.mapToScene(300, 0))
    with qtbot.waitSignal(editor.scene.status_message) as message:
        editor.scene.connect(step, "main", trigger, "main")
    assert "مشغِّل" in message.args[0]


def test_every_arabic_message_is_translated():
    path = translations_dir() / "flowin_ar.ts"
    untranslated = [
        m.findtext("source")
        for m in ET.parse(path).getroot().iter("message")
        if not "".join(m.find("translation").itertext()).strip()  # or each of its plural forms
        or m.find("translation").get("type") == "unfinished"
    ]
    assert untranslated == []


def test_a_window_started_in_arabic_is_built_in_arabic_with_one_style_sheet(
    qtbot, qapp, store, monkeypatch
):
    """An Arabic user's window is built right to left and in Arabic from the start, not built
    in English and switched: its style sheet is set once and its words translated once."""
    store.set_setting("language", "ar")
    style_sheets: list[str] = []
    set_style_sheet = qapp.setStyleSheet
    monkeypatch.setattr(
        qapp, "setStyleSheet", lambda sheet: (style_sheets.append(sheet), set_style_sheet(sheet))
    )
    translated: list[MainWindow] = []
    retranslate = MainWindow.retranslate
    monkeypatch.setattr(
        MainWindow, "retranslate", lambda self: (translated.append(self), retranslate(self))
    )
    window = create_window(qapp, store, default_registry())
    # Counted as it is built: a LanguageChange Qt may post later (a translator installed for
    # another window of the same test process) translates it again, which costs nothing seen.
    translated_while_built = [each for each in translated if each is window]
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitExposed(window, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.home.title.text() == "تدفقاتك", timeout=WAIT_MS)

        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.language.currentData() == "ar"
        assert window.editor.scene.right_to_left
        assert style_sheets == [style_sheet(window.theme, rtl=True)]
        assert translated_while_built == [window]
    finally:
        window.set_language("en")
        window.shutdown()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
