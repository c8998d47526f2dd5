"""Where you're signed in, in the cloud account dialog, against a real flowin-cloud: this
computer and the others in plain words, Sign out for one, Sign out everywhere else."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtWidgets import QMessageBox

from flowin_engine.sync import DESKTOP_APP
from flowin_engine.sync.account import ACCOUNT_SETTING
from tests.cloud_server import DEFAULT_PASSWORD, cloud_server  # noqa: F401 (a fixture)
from tests.engine.cloud_computers import new_email, register

from .conftest import WAIT_MS, click
from .test_cloud import sign_in_from_dialog, signed_in_and_synced


@pytest.fixture(scope="module")
def cloud(cloud_server):  # noqa: F811 (the imported fixture)
    return cloud_server


def signed_in_elsewhere(cloud, email: str, agent: str) -> dict[str, str]:
    answer = httpx.post(
        cloud.url + "/auth/login",
        json={"email": email, "password": DEFAULT_PASSWORD},
        headers={"User-Agent": agent},
    )
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def still_signed_in(cloud, headers: dict[str, str]) -> bool:
    return httpx.get(cloud.url + "/auth/me", headers=headers).status_code == 200


def sign_ins_shown(qtbot, dialog, count: int):
    panel = dialog.sign_ins
    dialog.settings_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: len(panel.rows) == count, timeout=WAIT_MS)
    return panel


def test_where_youre_signed_in_lists_each_place_in_words_and_signs_them_out(
    qtbot, window, cloud, monkeypatch
):
    email = new_email()
    register(cloud, email)
    windows = signed_in_elsewhere(cloud, email, "Flowin desktop 0.1.0 (Windows)")
    command_line = signed_in_elsewhere(cloud, email, "flowin CLI 0.1.0 (Linux)")
    dialog = sign_in_from_dialog(qtbot, window, cloud.url, email)
    signed_in_and_synced(qtbot, window)
    assert window.cloud.account.app == DESKTOP_APP
    panel = sign_ins_shown(qtbot, dialog, 3)

    titles = [row.title.text() for row in panel.rows]
    assert titles[0] == "This computer"
    assert sorted(titles[1:]) == ["Flowin on Windows", "Flowin's command line on Linux"]
    for row in panel.rows:
        details = row.details.text()
        assert "in use now" in details and "from 127.0.0.1" in details
        assert "signed in today" in details
        assert not any(mark in details for mark in "{}\"'")  # words, not the cloud's JSON
        assert row.sign_out_button.text() == "Sign out"
    assert panel.end_others_button.isEnabled()

    asked: list[str] = []

    def answer_yes(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    (on_windows,) = [row for row in panel.rows if row.title.text() == "Flowin on Windows"]
    click(qtbot, on_windows.sign_out_button)
    qtbot.waitUntil(lambda: len(panel.rows) == 2, timeout=WAIT_MS)
    assert "Sign out Flowin on Windows?" in asked[-1]
    assert not still_signed_in(cloud, windows)
    assert still_signed_in(cloud, command_line)

    # The cloud out of reach: nothing ends, and the button stays for another try.
    kept = window.store.get_setting(ACCOUNT_SETTING)
    window.store.set_setting(ACCOUNT_SETTING, {**kept, "server": "http://127.0.0.1:9"})
    with qtbot.waitSignal(window.cloud.failed, timeout=WAIT_MS):
        click(qtbot, panel.end_others_button)
    assert panel.end_others_button.isEnabled()
    assert still_signed_in(cloud, command_line)
    window.store.set_setting(ACCOUNT_SETTING, kept)

    click(qtbot, panel.end_others_button)
    qtbot.waitUntil(lambda: len(panel.rows) == 1, timeout=WAIT_MS)
    assert panel.notice.text() == "Signed out everywhere else."
    assert not still_signed_in(cloud, command_line)
    assert [row.title.text() for row in panel.rows] == ["This computer"]
    assert not panel.end_others_button.isEnabled()
    assert window.cloud.signed_in

    # In Arabic, and this computer's Sign out signs out here.
    dialog.reject()
    window.set_language("ar")
    dialog = window.show_cloud_account()
    panel = sign_ins_shown(qtbot, dialog, 1)
    # Right to left even where a line begins with a Latin word ("Flowin على Linux ·").
    assert panel.rows[0].title.text() == "\u200fهذا الحاسوب"
    assert panel.rows[0].details.text().startswith("\u200fFlowin على ")
    assert "اليوم" in panel.rows[0].details.text()
    assert dialog.settings_tabs.tabText(dialog.settings_tabs.indexOf(panel)) == "أين سجّلت الدخول"
    click(qtbot, panel.rows[0].sign_out_button)
    qtbot.waitUntil(lambda: not window.cloud.signed_in, timeout=WAIT_MS)
