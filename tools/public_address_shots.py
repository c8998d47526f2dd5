"""PNGs of a Shopify trigger's live address from a cloud account (the README's picture), in
English and Arabic, taken from the real app signed in to a real flowin-cloud started here; with
the events-waiting count and the "Get a new address" question, and the signed-out offer.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/public_address_shots.py [folder]

The cloud's public addresses start with https://cloud.example.com (its relay's public URL), as
a cloud on the internet would give them.
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

from PySide6.QtWidgets import QApplication, QWidget

from flowin_desktop.app import create_window
from flowin_desktop.main_window import MainWindow
from flowin_engine.model import Edge, Flow, FlowStatus, Node, Position
from flowin_engine.runtime import RuntimeSettings
from tests.cloud_server import DEFAULT_PASSWORD, CloudServer
from tools.screenshots import settle, wait_for

PUBLIC_URL = "https://cloud.example.com"


def shop_flow() -> tuple[Flow, Node]:
    trigger = Node(type="shopify.new_order", name="New Shopify order", params={})
    whatsapp = Node(
        type="whatsapp.send_text",
        name="Send WhatsApp message",
        params={"to": "{{ trigger.phone }}", "text": "Thanks for your order!"},
        position=Position(x=280, y=0),
    )
    flow = Flow(
        name="Thank Shopify customers",
        nodes=[trigger, whatsapp],
        edges=[Edge(source=trigger.id, target=whatsapp.id)],
        status=FlowStatus.ACTIVE,
    )
    return flow, trigger


def show_trigger(app: QApplication, window: MainWindow, flow: Flow, trigger: Node) -> QWidget:
    window.open_flow(flow.id)
    settle(app)
    editor = window.editor
    editor.scene.clearSelection()
    editor.scene.node_items[trigger.id].setSelected(True)
    settle(app, 0.5)
    box = editor.properties.webhook_address
    assert box is not None
    editor.properties.settings_scroll.ensureWidgetVisible(box)
    settle(app)
    return box


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/flowin-shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    cloud = CloudServer(
        Path(tempfile.mkdtemp(prefix="flowin-shots-cloud-")),
        {"FLOWIN_CLOUD_RELAY_PUBLIC_URL": PUBLIC_URL},
    ).start()
    try:
        window = create_window(app)  # type: ignore[arg-type]
        window.resize(1280, 800)
        window.show()
        settle(app)
        flow, trigger = shop_flow()
        window.store.flows.save(flow)
        for language in ("en", "ar"):
            window.set_language(language)
            show_trigger(app, window, flow, trigger)
            window.grab().save(str(out / f"signed-out-offer-{language}.png"))
        window.set_language("en")

        email = "layla@example.com"
        cloud.sign_up(email)
        window.cloud.sign_in(cloud.url, email, DEFAULT_PASSWORD)
        wait_for(app, lambda: window.cloud.signed_in)
        runtime = window.editor.folder.runtime(
            RuntimeSettings(port=0), account=window.cloud.account
        )
        runtime.start()
        try:
            window.editor.runtime = runtime
            window.editor.relay_watch.follow()
            for language in ("en", "ar"):
                window.set_language(language)
                box = show_trigger(app, window, flow, trigger)
                wait_for(app, lambda box=box: box.cloud.text().startswith(PUBLIC_URL))
                settle(app, 0.5)
                window.grab().save(str(out / f"public-address-{language}.png"))
                question = box.ask_to_rotate()
                settle(app, 0.5)
                question.grab().save(str(out / f"new-address-question-{language}.png"))
                question.reject()
                settle(app)
        finally:
            runtime.stop(grace=2)
        window.set_language("en")
        window.shutdown()
    finally:
        cloud.stop()


if __name__ == "__main__":
    main()
