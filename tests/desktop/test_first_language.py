"""The first start speaks the computer's language; later starts keep the one the user chose."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLocale

from flowin_desktop.i18n import language_for
from flowin_desktop.smoke import SCREENSHOT_VARIABLE
from flowin_engine.store import LANGUAGE_SETTING, Store


def start_app(data: Path, shot: Path, locale: str) -> dict:
    started = subprocess.run(
        [sys.executable, "-m", "flowin_desktop"],
        env={
            **os.environ,
            "FLOWIN_DATA_DIR": str(data),
            "QT_QPA_PLATFORM": "offscreen",
            "LC_ALL": locale,
            SCREENSHOT_VARIABLE: str(shot),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert started.returncode == 0, started.stderr
    return json.loads(Path(f"{shot}.json").read_text(encoding="utf-8"))


def test_a_computer_set_to_arabic_gets_arabic_and_any_other_english():
    assert language_for(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt)) == "ar"
    assert language_for(QLocale(QLocale.Language.Arabic, QLocale.Country.SaudiArabia)) == "ar"
    assert language_for(QLocale(QLocale.Language.French, QLocale.Country.France)) == "en"
    assert language_for(QLocale.c()) == "en"


def test_the_first_start_on_an_arabic_computer_is_in_arabic_and_the_choice_then_stays(tmp_path):
    data, shot = tmp_path / "data", tmp_path / "window.png"
    shown = start_app(data, shot, "ar_EG.UTF-8")
    assert shown["right_to_left"]
    assert (data / "flowin.db").is_file()
    store = Store(data / "flowin.db")
    assert store.get_setting(LANGUAGE_SETTING) == "ar"
    [example] = store.flows.summaries()
    store.close()
    assert any("\u0600" <= ch <= "\u06ff" for ch in example.name)  # the example speaks Arabic

    # The same data folder on a computer set to English: the language stays the one stored.
    assert start_app(data, shot, "en_US.UTF-8")["right_to_left"]
