"""Help › About Flowin: the version, a newer one if the cloud knows of it, and the licences."""

from __future__ import annotations

from flowin_desktop.dialogs.about import current_version, is_newer
from flowin_desktop.main_window import MainWindow
from tests.cloud_server import CloudServer

from .conftest import WAIT_MS


def test_about_tells_of_a_newer_version_the_cloud_knows_and_shows_the_licences(
    window: MainWindow, qtbot, tmp_path, monkeypatch
):
    cloud = CloudServer(tmp_path / "cloud", {"FLOWIN_CLOUD_LATEST_DESKTOP_VERSION": "99.1"})
    cloud.start()
    try:
        monkeypatch.setenv("FLOWIN_CLOUD_SERVER", cloud.url)
        assert window.about_action in window.help_menu.actions()
        dialog = window.show_about()
        qtbot.waitUntil(dialog.isVisible)
        assert current_version() in dialog.title.text()
        qtbot.waitUntil(lambda: "99.1" in dialog.update_status.text(), timeout=WAIT_MS)
        assert dialog.update_status.text() == (
            "Flowin 99.1 is out. Get it where you got Flowin; your flows stay as they are."
        )
    finally:
        cloud.stop()
    licences = dialog.licences.toPlainText()
    assert "Inter" in licences and "Cairo" in licences
    assert "This Font Software is licensed under the SIL Open Font License, Version 1.1" in licences
    assert "PySide6" in licences and "LGPL-3.0" in licences
    dialog.close()


def test_about_asks_no_one_when_no_cloud_server_is_set_up(window: MainWindow, qtbot, monkeypatch):
    monkeypatch.delenv("FLOWIN_CLOUD_SERVER", raising=False)
    dialog = window.show_about()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.update_status.text().startswith("Checking for a newer version is off")
    assert not dialog._calls.busy
    dialog.close()


def test_only_a_higher_version_counts_as_newer():
    assert is_newer("0.10.0", "0.9.3")
    assert not is_newer("0.1.0", "0.1.0")
    assert not is_newer("0.1.0", "0.2.0")
