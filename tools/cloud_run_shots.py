"""PNGs of where a flow runs, in English and Arabic, from the real app signed in to a real
flowin-cloud started here: the choice signed out, the consent naming the flow's accounts, the
flow running in the cloud (the editor's mark and the choice), the flow list's cloud mark and
the question that brings it back.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/cloud_run_shots.py [folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["FLOWIN_DATA_DIR"] = tempfile.mkdtemp(prefix="flowin-shots-")
os.environ["FLOWIN_SECRETS"] = "file"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from flowin_desktop.app import create_window
from flowin_desktop.main_window import MainWindow
from flowin_engine.model import Edge, Flow, FlowStatus, Node, Position
from tests.cloud_server import DEFAULT_PASSWORD, CloudServer
from tools.screenshots import settle, wait_for


def shop_flow(window: MainWindow) -> Flow:
    connections = window.editor.connections
    number = connections.add(
        "whatsapp", "Shop number", {"access_token": "EAAB-shots", "phone_number_id": "1065"}
    )
    shop = connections.add("shopify", "Cairo Sweets", {"access_token": "shpat_shots"})
    trigger = Node(type="shopify.new_order", name="New Shopify order", params={})
    trigger.params["connection"] = shop.id
    whatsapp = Node(
        type="whatsapp.send_text",
        name="Send WhatsApp message",
        params={
            "connection": number.id,
            "to": "{{ trigger.phone }}",
            "text": "Thanks for your order!",
        },
        position=Position(x=280, y=0),
    )
    flow = Flow(
        name="Thank Shopify customers",
        nodes=[trigger, whatsapp],
        edges=[Edge(source=trigger.id, target=whatsapp.id)],
        status=FlowStatus.ACTIVE,
    )
    window.store.flows.save(flow)
    return flow


def show_choice(app: QApplication, window: MainWindow, flow: Flow) -> None:
    window.open_flow(flow.id)
    settle(app)
    window.editor.show_where_it_runs()
    settle(app, 0.5)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/flowin-shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    cloud = CloudServer(Path(tempfile.mkdtemp(prefix="flowin-shots-cloud-"))).start()
    try:
        window = create_window(app)  # type: ignore[arg-type]
        window.resize(1280, 800)
        window.show()
        settle(app)
        flow = shop_flow(window)
        for language in ("en", "ar"):
            window.set_language(language)
            show_choice(app, window, flow)
            window.grab().save(str(out / f"cloud-run-signed-out-{language}.png"))
        window.set_language("en")

        email = "layla@example.com"
        cloud.sign_up(email)
        window.cloud.sign_in(cloud.url, email, DEFAULT_PASSWORD)
        wait_for(app, lambda: window.cloud.signed_in)
        choice = window.editor.cloud_run
        for language in ("en", "ar"):
            window.set_language(language)
            show_choice(app, window, flow)
            choice.in_cloud.click()
            wait_for(app, lambda: choice.question is not None and choice.question.isVisible())
            settle(app, 0.5)
            choice.question.grab().save(str(out / f"cloud-run-consent-{language}.png"))
            window.grab().save(str(out / f"cloud-run-consent-window-{language}.png"))
            choice.question.agree.click()
            wait_for(app, choice.in_cloud.isChecked)
            settle(app, 0.5)
            window.grab().save(str(out / f"cloud-run-on-{language}.png"))
            window.show_home()
            settle(app, 0.5)
            window.grab().save(str(out / f"cloud-run-home-{language}.png"))
            show_choice(app, window, flow)
            choice.here.click()
            wait_for(app, lambda: choice.question is not None and choice.question.isVisible())
            settle(app, 0.5)
            choice.question.grab().save(str(out / f"cloud-run-off-question-{language}.png"))
            choice.question.agree.click()
            wait_for(app, choice.here.isChecked)
            settle(app, 0.5)
        window.set_language("en")
        window.shutdown()
    finally:
        cloud.stop()


if __name__ == "__main__":
    main()
