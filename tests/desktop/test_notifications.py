"""The bell and its centre follow the notifications the runtime writes; a failure opens its
run with Fix now; the notification settings (global and per flow) are kept as the engine's
rules, and Send a test sends through the channel's account."""

from __future__ import annotations

import unicodedata
from datetime import timedelta

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QRadioButton, QStyle, QStyleOptionButton
from pytest_httpserver import HTTPServer

from flowin_desktop.active_flows import ActiveFlows
from flowin_desktop.notifications.centre import when_text
from flowin_desktop.tray import Tray
from flowin_engine.model import Edge, Flow, FlowStatus, Node, utc_now
from flowin_engine.store import new_notification
from flowin_engine.sync.sync import FlowRef, SyncReport

from .conftest import WAIT_MS, click, plain, shown

TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
BOT = {
    "ok": True,
    "result": {"id": 7, "is_bot": True, "first_name": "Shop bot", "username": "shop_bot"},
}
SENT = {
    "ok": True,
    "result": {
        "message_id": 53,
        "date": 1732700100,
        "chat": {"id": 42, "type": "private", "first_name": "Layla"},
        "text": "This is a test: Flowin notifications reach you here.",
    },
}


def tick(qtbot, box: QAbstractButton) -> None:
    """Click a check box or radio button on its box, as a user does (a wide one's middle may
    be past its words)."""
    shown(qtbot, box)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_RadioButtonIndicator
        if isinstance(box, QRadioButton)
        else QStyle.SubElement.SE_CheckBoxIndicator
    )
    qtbot.mouseClick(
        box,
        Qt.MouseButton.LeftButton,
        pos=box.style().subElementRect(element, option, box).center(),
    )


def failing_hook() -> Flow:
    return Flow(
        id="hook",
        name="Order confirmations",
        status=FlowStatus.ACTIVE,
        nodes=[
            Node(id="in", name="New order", type="webhook.receive", params={"path": "orders"}),
            Node(
                id="stop",
                name="Check stock",
                type="core.stop_with_error",
                params={"message": "Out of stock"},
            ),
        ],
        edges=[Edge(source="in", target="stop")],
    )


@pytest.fixture
def running(qtbot, window, monkeypatch):
    """The window with its runtime running an active flow that fails at its second step."""
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    window.store.set_setting("webhook_port", 0)
    window.store.flows.save(failing_hook())
    active_flows = ActiveFlows(window.editor.folder)
    window.attach_active_flows(active_flows)
    active_flows.start()
    assert active_flows.running, active_flows.problem
    yield window, active_flows.runtime.webhook_url("hook")
    active_flows.stop()


def test_the_bell_counts_failures_and_a_click_opens_the_run_with_fix_now(qtbot, running):
    window, url = running
    assert window.bell.badge_text() == ""

    assert httpx.post(url, json={"sku": "A1"}).status_code == 202
    qtbot.waitUntil(lambda: window.bell.count == 1, timeout=WAIT_MS)
    assert window.bell.badge_text() == "1"
    # The same failure again is bundled into the same row: one unread, counted twice.
    assert httpx.post(url, json={"sku": "A2"}).status_code == 202
    qtbot.waitUntil(
        lambda: [r.count for r in window.notification_watch.rows()] == [2], timeout=WAIT_MS
    )
    assert window.bell.count == 1

    click(qtbot, window.bell)
    centre = shown(qtbot, window.notification_centre)
    (row,) = centre.rows
    assert plain(row.title.text()) == "«Order confirmations» failed"
    assert plain(row.text.text()) == "Step 2 «Check stock» failed: Out of stock"
    assert "2 times" in row.when.text()
    assert row.unread

    latest = row.row.execution_id
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.executions, timeout=WAIT_MS)
    assert window.executions.current_id() == latest
    assert window.bell.count == 0  # opening it read it
    fix = click(qtbot, window.executions.fix_button)
    assert fix.text() == "Fix now"
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.editor, timeout=WAIT_MS)
    assert window.editor.document.flow.id == "hook"
    assert window.editor.scene.selected_node_ids() == ["stop"]


def test_mark_all_as_read_empties_the_badge_and_keeps_the_rows(qtbot, running):
    window, url = running
    assert httpx.post(url, json={"sku": "A1"}).status_code == 202
    qtbot.waitUntil(lambda: window.bell.count == 1, timeout=WAIT_MS)
    centre = window.show_notifications()
    shown(qtbot, centre.mark_all)
    assert centre.mark_all.isEnabled()

    click(qtbot, centre.mark_all)

    qtbot.waitUntil(lambda: window.bell.count == 0, timeout=WAIT_MS)
    assert window.bell.badge_text() == ""
    assert [row.unread for row in centre.rows] == [False]
    assert not centre.mark_all.isEnabled()
    assert window.store.notifications.unread_count() == 0


def test_a_flowin_run_link_opens_that_run(qtbot, running):
    window, url = running
    assert httpx.post(url, json={"sku": "A1"}).status_code == 202
    qtbot.waitUntil(lambda: window.bell.count == 1, timeout=WAIT_MS)
    (row,) = window.notification_watch.rows()

    assert window.open_link(row.data["link"])

    assert window.pages.currentWidget() is window.executions
    assert window.executions.current_id() == row.execution_id
    assert not window.open_link("flowin://nothing/here")


def test_settings_are_kept_as_the_global_rule_and_shown_again(qtbot, window, monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    bot = window.editor.connections.add("telegram", "Shop bot", {"bot_token": TOKEN})
    dialog = window.show_settings()
    editor = shown(qtbot, dialog.notifications)
    tick(qtbot, editor.recovery)
    tick(qtbot, editor.silence)
    editor.silence_hours.setCurrentIndex(editor.silence_hours.findData(6))
    editor.silence_hours.activated.emit(editor.silence_hours.currentIndex())
    telegram = editor.channel_rows["telegram"]
    tick(qtbot, telegram.enabled)
    assert telegram.account.currentText() == "Shop bot"  # the only account is chosen
    qtbot.keyClicks(telegram.recipient, "42")
    tick(qtbot, editor.quiet)
    dialog.close()

    rule = window.store.notifications.rules()[None]
    assert rule["events"] == {
        "failure": True,
        "recovery": True,
        "daily_summary": False,
        "silence_hours": 6,
    }
    channels = {c["kind"]: c for c in rule["channels"]}
    assert set(channels) == {"in_app", "telegram"}
    assert channels["telegram"]["connection_id"] == bot.id
    assert channels["telegram"]["to"] == "42"
    assert rule["quiet_hours"]["start"].startswith("22:00")

    again = window.show_settings().notifications
    assert again.recovery.isChecked() and again.silence.isChecked()
    assert again.silence_hours.currentData() == 6
    assert again.channel_rows["telegram"].enabled.isChecked()
    assert again.channel_rows["telegram"].recipient.text() == "42"
    assert not again.channel_rows["sms"].enabled.isChecked()


def test_a_flow_uses_the_usual_notifications_or_its_own(qtbot, window):
    window.store.flows.save(failing_hook())
    window.open_flow("hook")
    overview = window.editor.flow_notifications
    assert "usual" in overview.summary.text()

    dialog = overview.open_dialog()
    tick(qtbot, dialog.own)
    tick(qtbot, dialog.editor.daily_summary)
    dialog.save()

    rules = window.store.notifications.rules()
    assert rules["hook"]["events"]["daily_summary"] is True
    assert None not in rules  # the global rule was left alone
    assert overview.summary.text() == "Its own: failures, a daily summary, by this computer."

    dialog = overview.open_dialog()
    assert dialog.own.isChecked()
    tick(qtbot, dialog.usual)
    dialog.save()
    assert "hook" not in window.store.notifications.rules()
    assert "usual" in overview.summary.text()


def test_send_a_test_reaches_a_telegram_stand_in_and_a_wrong_token_says_why(
    qtbot, window, httpserver: HTTPServer, monkeypatch
):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    wrong = "999:wrong-token"
    httpserver.expect_request(f"/bot{TOKEN}/sendMessage", method="POST").respond_with_json(SENT)
    httpserver.expect_request(f"/bot{wrong}/sendMessage", method="POST").respond_with_json(
        {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
    )
    base = httpserver.url_for("")
    good = window.editor.connections.add(
        "telegram", "Shop bot", {"bot_token": TOKEN, "base_url": base}
    )
    bad = window.editor.connections.add(
        "telegram", "Old bot", {"bot_token": wrong, "base_url": base}
    )
    dialog = window.show_settings()
    telegram = dialog.notifications.channel_rows["telegram"]
    tick(qtbot, telegram.enabled)
    telegram.account.setCurrentIndex(telegram.account.findData(good.id))
    qtbot.keyClicks(telegram.recipient, "42")

    with qtbot.waitSignal(telegram.tested, timeout=WAIT_MS) as tested:
        click(qtbot, telegram.test_button)
    assert tested.args[0] is True
    assert telegram.result.text() == "✓ Sent by Telegram. Check that the test message arrived."
    ((request, _),) = httpserver.log
    assert str(request.json["chat_id"]) == "42"

    telegram.account.setCurrentIndex(telegram.account.findData(bad.id))
    with qtbot.waitSignal(telegram.tested, timeout=WAIT_MS) as tested:
        click(qtbot, telegram.test_button)
    ok, sentence = tested.args
    assert ok is False
    assert telegram.result.text().startswith("✕ ")
    assert "Traceback" not in sentence and sentence.endswith(".")
    assert "token" in sentence.lower() or "unauthorized" in sentence.lower(), sentence

    whatsapp = dialog.notifications.channel_rows["whatsapp"]
    tick(qtbot, whatsapp.enabled)
    with qtbot.waitSignal(whatsapp.tested, timeout=WAIT_MS) as tested:
        click(qtbot, whatsapp.test_button)
    assert tested.args == [False, "Choose the account that sends the messages first."]
    dialog.close()


def test_the_tray_pops_up_the_new_row_and_its_click_opens_the_run(qtbot, running):
    window, url = running
    popped: list[tuple[str, str]] = []
    tray = Tray(window, window.windowIcon(), window)
    tray.showMessage = lambda title, text, *_: popped.append((plain(title), plain(text)))
    window.tray = tray

    assert httpx.post(url, json={"sku": "A1"}).status_code == 202
    qtbot.waitUntil(lambda: len(popped) == 1, timeout=WAIT_MS)
    assert popped == [("«Order confirmations» failed", "Step 2 «Check stock» failed: Out of stock")]

    tray.messageClicked.emit()
    assert window.pages.currentWidget() is window.executions
    assert window.executions.current_id() == tray.run_to_open
    window.tray = None


def test_a_sync_conflict_is_told_once_and_its_row_opens_the_flow(qtbot, running):
    window, _ = running
    conflict = SyncReport(conflicts=[FlowRef("hook", "Order confirmations")])

    window.cloud.synced.emit(conflict)
    qtbot.waitUntil(lambda: window.bell.count == 1, timeout=WAIT_MS)
    window.cloud.synced.emit(conflict)  # the next sync finds it still there: not news
    window.notification_watch.follow()
    assert [r.count for r in window.notification_watch.rows()] == [1]

    centre = window.show_notifications()
    (row,) = shown(qtbot, centre).rows
    assert plain(row.title.text()) == "«Order confirmations» was changed in two places"
    qtbot.keyClick(row, Qt.Key.Key_Return)  # a row opens from the keyboard too
    assert window.pages.currentWidget() is window.editor
    assert window.editor.document.flow.id == "hook"


def test_how_long_ago_and_the_badge_follow_the_language_and_the_digits(qtbot, window):
    five_minutes_ago = utc_now() - timedelta(minutes=5, seconds=10)
    for _ in range(3):
        window.store.notifications.add(new_notification("summary", "Today", "All fine."))
    window.notification_watch.follow()
    assert (window.bell.badge_text(), when_text(five_minutes_ago)) == ("3", "5 minutes ago")

    window.set_language("ar")
    assert (window.bell.badge_text(), when_text(five_minutes_ago)) == ("٣", "منذ ٥ دقائق")
    window.set_digits("western")
    assert (window.bell.badge_text(), when_text(five_minutes_ago)) == ("3", "منذ 5 دقائق")
    window.set_digits("")


def _reads_right_to_left(text: str) -> bool:
    """Whether a label lays ``text`` out right to left: its first strong letter outside the
    direction isolates is a right-to-left one (the Unicode bidirectional rule P2)."""
    depth = 0
    for char in text:
        if char in "\u2066\u2067\u2068":
            depth += 1
        elif char == "\u2069":
            depth = max(depth - 1, 0)
        elif depth == 0 and unicodedata.bidirectional(char) in ("L", "R", "AL"):
            return unicodedata.bidirectional(char) != "L"
    return False


def test_a_channels_failed_test_reads_right_to_left_in_arabic(
    qtbot, window, httpserver: HTTPServer, monkeypatch
):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    wrong = "999:wrong-token"
    httpserver.expect_request(f"/bot{wrong}/sendMessage", method="POST").respond_with_json(
        {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
    )
    bad = window.editor.connections.add(
        "telegram", "Old bot", {"bot_token": wrong, "base_url": httpserver.url_for("")}
    )
    window.set_language("ar")
    dialog = window.show_settings()
    telegram = dialog.notifications.channel_rows["telegram"]
    tick(qtbot, telegram.enabled)
    telegram.account.setCurrentIndex(telegram.account.findData(bad.id))
    qtbot.keyClicks(telegram.recipient, "42")
    with qtbot.waitSignal(telegram.tested, timeout=WAIT_MS):
        click(qtbot, telegram.test_button)
    # The service's name comes first in the Arabic sentence; the sentence still reads from
    # the right, its final "." on the left.
    assert plain(telegram.result.text()) == "✕ Telegram: رمز البوت غير صحيح — أعد ربط البوت."
    assert _reads_right_to_left(telegram.result.text())
    dialog.close()
