"""Where the user's words meet the app's sentences, each keeps its own direction (isolated with
FSI … PDI), and numbers come in one set of digits everywhere: the user's choice, else the
language's."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel

from flowin_desktop.i18n import (
    DIGITS_SETTING,
    date_time_text,
    fill,
    isolate,
    number_text,
    set_digits,
)
from flowin_desktop.main_window import MainWindow
from flowin_desktop.tray import Tray
from flowin_engine.model import Flow
from flowin_engine.store import new_notification

from .conftest import WAIT_MS

FSI, PDI = "\u2068", "\u2069"
WESTERN = re.compile("[0-9]")
ARABIC_INDIC = re.compile("[٠-٩]")


@pytest.fixture(autouse=True)
def _digits_as_the_language_writes_them():
    set_digits("")
    yield
    set_digits("")


def test_a_name_in_a_sentence_is_isolated_once_by_one_helper():
    assert fill("'%1' failed", "Big order?") == f"'{FSI}Big order?{PDI}' failed"
    assert fill("%2 then %1", "a", "b") == f"{FSI}b{PDI} then {FSI}a{PDI}"
    assert isolate("") == "" and isolate(None) == ""


def test_an_arabic_sentence_that_starts_with_a_services_name_stays_right_to_left():
    # A connector's sentence in Arabic often starts with the service's Latin name; a
    # first-strong isolate would lay it out left to right, its final "." at the start.
    refused = "Telegram: رمز البوت غير صحيح — أعد ربط البوت."
    assert isolate(refused) == f"\u2067{refused}{PDI}"
    assert fill("فشل عند %1: %2", "Send", refused).endswith(f"\u2067{refused}{PDI}")
    assert isolate("Big order?") == f"{FSI}Big order?{PDI}"  # no Arabic: its own direction


def _outside_isolates(text: str) -> str:
    return re.sub(f"{FSI}.*?{PDI}", "", text)


def _run_example(qtbot, window: MainWindow) -> None:
    example = window.store.flows.summaries()[0]
    window.open_flow(example.id)
    with qtbot.waitSignal(window.editor.test_run.finished, timeout=WAIT_MS):
        assert window.editor.test_run.start()


def test_the_run_log_isolates_step_names_and_writes_arabic_digits_in_arabic(qtbot, window):
    window.set_language("ar")
    _run_example(qtbot, window)

    lines = window.editor.run_log.texts()
    names = [n.name for n in window.editor.document.flow.nodes]
    assert len(lines) >= 4
    for line in lines:
        named = [name for name in names if name in line]
        assert named, line
        assert all(f"{FSI}{name}{PDI}" in line for name in named), line
        assert not WESTERN.search(_outside_isolates(line)), line
    # The steps that ran say their number and their milliseconds.
    assert sum(bool(ARABIC_INDIC.search(line)) for line in lines) >= 4
    summary = window.editor.run_log.summary.text()
    assert ARABIC_INDIC.search(summary) and not WESTERN.search(summary)


def test_one_digit_setting_for_the_run_log_home_and_executions(qtbot, window):
    window.set_language("ar")
    _run_example(qtbot, window)
    window.digit_actions["western"].trigger()

    assert window.store.get_setting(DIGITS_SETTING) == "western"
    assert number_text(1250.5, 2) == "1,250.50"
    _run_example(qtbot, window)
    log = " ".join([window.editor.run_log.summary.text(), *window.editor.run_log.texts()])
    window.show_home()
    labels = [label.text() for label in window.home.findChildren(QLabel) if label.isVisible()]
    window.show_executions()
    qtbot.waitUntil(lambda: window.executions.list.topLevelItemCount() > 0, timeout=WAIT_MS)
    row = window.executions.list.topLevelItem(0)
    executions = " ".join(row.text(column) for column in range(row.columnCount()))
    for text in (log, " ".join(labels), executions):
        assert not ARABIC_INDIC.search(text), text
    assert WESTERN.search(log) and WESTERN.search(executions)
    assert any(WESTERN.search(label) for label in labels)  # the edit's date, the runs today

    window.digit_actions["arabic"].trigger()
    window.set_language("en")
    assert ARABIC_INDIC.search(number_text(42))
    window.digit_actions[""].trigger()
    assert number_text(42) == "42"


def test_the_tray_names_a_failed_flow_in_an_isolate(qtbot, window):
    window.set_language("ar")
    tray = Tray(window, QIcon(), window)
    shown: list[tuple[str, str]] = []
    tray.showMessage = lambda title, message, *_: shown.append((title, message))
    window.tray = tray
    flow = Flow(name="Big order?")
    window.store.flows.save(flow)
    row = new_notification("failure", "«Big order?» failed", "Out of stock", flow_id=flow.id)

    window.pop_up(row)

    ((title, _message),) = shown
    assert f"{FSI}Big order?{PDI}" in title
    window.tray = None


def test_the_executions_view_isolates_the_flow_and_step_it_names(qtbot, window):
    window.set_language("ar")
    _run_example(qtbot, window)
    window.show_executions()
    qtbot.waitUntil(lambda: window.executions.list.topLevelItemCount() > 0, timeout=WAIT_MS)
    window.executions.list.setCurrentItem(window.executions.list.topLevelItem(0))
    qtbot.waitUntil(lambda: bool(window.executions.summary.text()), timeout=WAIT_MS)
    summary = window.executions.summary.text()
    assert f"{FSI}{window.editor.document.flow.name}{PDI}" in summary
    assert not WESTERN.search(_outside_isolates(summary))


def test_a_run_shown_before_a_language_switch_reads_in_the_new_language(qtbot, window):
    _run_example(qtbot, window)
    english = [window.editor.run_log.summary.text(), *window.editor.run_log.texts()]
    assert "flying smoothly" in english[0]

    window.set_language("ar")
    arabic = [window.editor.run_log.summary.text(), *window.editor.run_log.texts()]
    assert len(arabic) == len(english)
    for line in arabic:
        words = _outside_isolates(line)
        assert not re.search(r"[A-Za-z]{3,}", words), line  # only step names stay English
        assert not WESTERN.search(words), line

    window.set_language("en")
    assert [window.editor.run_log.summary.text(), *window.editor.run_log.texts()] == english


def test_dates_in_arabic_use_the_arabic_comma(window):
    moment = datetime(2026, 12, 5, 3, 58)
    window.set_language("ar")
    written = date_time_text(moment, "d MMM, HH:mm")
    assert "،" in written and "," not in written
    window.set_language("en")
    assert date_time_text(moment, "d MMM, HH:mm") == "5 Dec, 03:58"
