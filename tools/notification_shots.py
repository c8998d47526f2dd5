"""PNGs of the notifications, in English and Arabic: the bell with its unread count, the open
centre with rows of several kinds, the notification settings (Settings, and one flow's own
with its overview), a Test's answer.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/notification_shots.py [folder]
(default /tmp/shots-notifyui)
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["FLOWIN_DATA_DIR"] = tempfile.mkdtemp(prefix="flowin-shots-")
os.environ["FLOWIN_SECRETS"] = "file"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from flowin_desktop.app import create_window
from flowin_desktop.main_window import MainWindow
from flowin_desktop.notifications import NotificationCentre
from flowin_engine.model import Edge, Flow, FlowStatus, Node, Position, utc_now
from flowin_engine.notifications import _messages as words
from flowin_engine.store import new_notification
from tools.screenshots import grab_with_popup, settle


def orders_flow(window: MainWindow) -> Flow:
    trigger = Node(type="webhook.receive", name="New order", params={"path": "orders"})
    send = Node(
        type="whatsapp.send_text",
        name="Send WhatsApp",
        params={"to": "{{ trigger.phone }}", "text": "Thanks for your order!"},
        position=Position(x=280, y=0),
    )
    flow = Flow(
        name="Order confirmations",
        nodes=[trigger, send],
        edges=[Edge(source=trigger.id, target=send.id)],
        status=FlowStatus.ACTIVE,
    )
    window.store.flows.save(flow)
    return flow


def fill_the_bell(window: MainWindow, flow: Flow, other: Flow, language: str) -> None:
    """Rows of every kind the centre shows, written as the engine writes them in ``language``
    (the notification settings' language follows the app's)."""
    records = window.store.notifications
    now = utc_now()
    records.prune(now + timedelta(days=1), keep_days=0)  # the other language's rows

    def say(template: str, **values: object) -> str:
        return words.say(language, template, **values)

    name, other_name = flow.name, other.name
    rows = [
        new_notification(
            "sync_conflict",
            say(words.CONFLICT_TITLE, flow=other_name),
            say(words.CONFLICT, flow=other_name),
            at=now - timedelta(days=3),
            flow_id=other.id,
            read=True,
        ),
        new_notification(
            "summary",
            say(words.SUMMARY_TITLE, flow=other_name),
            say(words.SUMMARY_ALL_FINE, flow=other_name, count=12),
            at=now - timedelta(days=1, hours=2),
            flow_id=other.id,
            read=True,
        ),
        new_notification(
            "silence",
            say(words.SILENCE_TITLE, flow=other_name),
            say(words.SILENCE, flow=other_name, hours=24),
            at=now - timedelta(hours=5),
            flow_id=other.id,
        ),
        new_notification(
            "recovery",
            say(words.RECOVERED_TITLE, flow=name),
            say(words.RECOVERED, flow=name, time="10:42", count=3, since="09:58"),
            at=now - timedelta(hours=2),
            flow_id=flow.id,
            execution_id="run-recovered",
        ),
        new_notification(
            "failure",
            say(words.FAILED_TITLE, flow=name),
            say(
                words.FAILED_AGAIN_AT_STEP,
                flow=name,
                count=3,
                since="09:58",
                number=2,
                step="Send WhatsApp",
                reason="Invalid WhatsApp API token.",
            ),
            at=now - timedelta(minutes=7),
            flow_id=flow.id,
            execution_id="run-failed",
            step="Send WhatsApp",
            data={"step_number": 2, "reason": "Invalid WhatsApp API token."},
            count=3,
        ),
    ]
    for row in rows:
        records.add(row)
    window.notification_watch.follow()


def open_centre(app: QApplication, window: MainWindow, language: str) -> NotificationCentre:
    centre = window.show_notifications()
    # The offscreen screen is smaller than the window: put the centre under the bell, as a
    # real screen shows it.
    bell = window.bell.mapTo(window, window.bell.rect().bottomLeft())
    x = bell.x() if language == "ar" else bell.x() + window.bell.width() - centre.width()
    centre.move(window.mapToGlobal(window.rect().topLeft()) + QPoint(x, bell.y() + 4))
    settle(app)
    return centre


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-notifyui")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    window = create_window(app)  # type: ignore[arg-type]
    window.resize(1280, 800)
    window.show()
    settle(app)
    flow = orders_flow(window)
    window.editor.connections.add(
        "telegram", "Shop bot", {"bot_token": "123456:shots-not-a-real-token"}
    )
    other = Flow(name="Daily sales sheet", status=FlowStatus.ACTIVE)
    window.store.flows.save(other)
    for language in ("en", "ar"):
        window.set_language(language)
        fill_the_bell(window, flow, other, language)
        window.show_home()
        settle(app)
        bar = window.top_bar.geometry()
        window.grab(QRect(0, 0, window.width(), bar.bottom() + 40)).save(
            str(out / f"bell-{language}.png")
        )
        centre = open_centre(app, window, language)
        grab_with_popup(window, centre).save(str(out / f"centre-{language}.png"))
        centre.hide()
        settings = window.show_settings()
        settings.notifications.channel_rows["telegram"].enabled.setChecked(True)
        settings.notifications.channel_rows["telegram"].recipient.setText("123456789")
        settings.notifications.quiet.setChecked(True)
        settings.resize(660, 860)  # all of it in one picture
        settle(app)
        settings.grab().save(str(out / f"settings-{language}.png"))
        settings.close()
        window.open_flow(flow.id)
        settle(app)
        window.editor.scene.clearSelection()
        window.editor.properties.show_node(None)
        settle(app)
        overview = window.editor.properties.overview_scroll
        overview.ensureWidgetVisible(window.editor.flow_notifications)
        settle(app)
        window.grab().save(str(out / f"flow-{language}.png"))
        dialog = window.editor.flow_notifications.open_dialog()
        dialog.own.setChecked(True)
        dialog.resize(660, 800)
        settle(app)
        dialog.grab().save(str(out / f"flow-own-{language}.png"))
        dialog.reject()
    window.set_language("en")
    fill_the_bell(window, flow, other, "en")
    window.set_theme("dark")
    window.show_home()
    settle(app)
    centre = open_centre(app, window, "en")
    grab_with_popup(window, centre).save(str(out / "centre-dark-en.png"))
    centre.hide()
    window.set_theme("light")
    window.shutdown()
    print(out)


if __name__ == "__main__":
    main()
