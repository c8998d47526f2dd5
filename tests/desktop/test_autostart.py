"""Start at login: a setting, off by default, that writes the system's autostart entry."""

from __future__ import annotations

import configparser
import shlex
import sys

from flowin_desktop import autostart
from flowin_desktop.dialogs.settings import SettingsDialog
from flowin_desktop.main_window import MainWindow


def desktop_entry(path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_start_at_login_is_off_by_default_and_the_box_writes_and_removes_the_xdg_entry(
    qtbot, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "flowin.desktop"
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert not dialog.start_at_login.isChecked()
    assert not entry.exists()

    dialog.start_at_login.click()
    written = desktop_entry(entry)
    assert written["Type"] == "Application"
    command = shlex.split(written["Exec"])
    assert command == autostart.launch_command()
    assert command[-1] == "--minimised"  # to the tray: the window waits until asked for
    assert SettingsDialog().start_at_login.isChecked()  # the entry is what the box shows

    dialog.start_at_login.click()
    assert not entry.exists()


def test_the_bundle_starts_its_own_executable_even_from_a_folder_with_spaces(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", '/opt/My Apps/"Flowin"/flowin-desktop')
    autostart.set_start_at_login(True)
    exec_key = desktop_entry(tmp_path / "autostart" / "flowin.desktop")["Exec"]
    # The Desktop Entry spec unescapes the key's value once, then splits it as a shell would.
    assert shlex.split(exec_key.replace("\\\\", "\\")) == [
        '/opt/My Apps/"Flowin"/flowin-desktop',
        "--minimised",
    ]


def test_settings_are_in_the_file_menu(window: MainWindow, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert window.settings_action in window.file_menu.actions()
    dialog = window.show_settings()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.start_at_login.text() == "Open Flowin when I sign in to this computer"
    dialog.close()
