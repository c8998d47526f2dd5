"""PNGs of the AI builder open over the example flow (a laptop-sized window), of a webhook
trigger's address and of a free-text WhatsApp step that writes first, in English and Arabic.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/panel_shots.py [folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["FLOWIN_DATA_DIR"] = tempfile.mkdtemp(prefix="flowin-shots-")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from flowin_desktop.app import create_window
from flowin_desktop.example import EXAMPLE_NAME
from flowin_engine.model import Edge, Flow, Node, Position

SENTENCES = {
    "en": "When I get a new Shopify order, send the customer a WhatsApp message",
    "ar": "لما يجي اوردر جديد في شوبيفاي ابعت للعميل رسالة واتساب",
}


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shopify_flow() -> tuple[Flow, Node]:
    trigger = Node(type="shopify.new_order", name="New Shopify order", params={})
    row = Node(
        type="google_sheets.append_row",
        name="Add a row",
        params={"sheet": "Orders"},
        position=Position(x=280, y=0),
    )
    whatsapp = Node(
        type="whatsapp.send_text",
        name="Send WhatsApp message",
        params={"to": "{{ trigger.phone }}", "text": "Thanks for your order!"},
        position=Position(x=560, y=0),
    )
    flow = Flow(
        name="Orders to the sheet",
        nodes=[trigger, row, whatsapp],
        edges=[
            Edge(source=trigger.id, target=row.id),
            Edge(source=row.id, target=whatsapp.id),
        ],
    )
    return flow, trigger


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/flowin-shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    window = create_window(app)  # type: ignore[arg-type]
    window.resize(1280, 800)
    window.show()
    settle(app)
    editor = window.editor
    example = next(s for s in editor.store.flows.summaries() if s.name == EXAMPLE_NAME)
    shop, trigger = shopify_flow()
    editor.store.flows.save(shop)
    for language, sentence in SENTENCES.items():
        window.set_language(language)
        window.open_flow(example.id)
        settle(app)
        editor.show_builder(True)
        panel = editor.builder_panel
        panel.ask(sentence)
        while panel.is_building():
            settle(app, 0.05)
        settle(app, 0.5)
        window.grab().save(str(out / f"ai-panel-over-example-{language}.png"))
        editor.show_builder(False)
        window.open_flow(shop.id)
        settle(app)
        editor.scene.clearSelection()
        editor.scene.node_items[trigger.id].setSelected(True)
        settle(app, 0.5)
        box = editor.properties.webhook_address
        if box is not None:
            editor.properties.settings_scroll.ensureWidgetVisible(box)
        settle(app)
        window.grab().save(str(out / f"webhook-address-{language}.png"))
        editor.scene.clearSelection()
        editor.scene.node_items[shop.nodes[2].id].setSelected(True)
        settle(app, 0.5)
        window.grab().save(str(out / f"first-whatsapp-is-a-template-{language}.png"))
    window.set_language("en")
    window.shutdown()


if __name__ == "__main__":
    main()
