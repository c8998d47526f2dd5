"""PNGs of the settings edited as rows of named values (a Manual trigger's sample data with a
group and a list inside, a request's body), of an advanced setting folded under "Advanced",
and of the Last run tab's table, in the real window, English and Arabic.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/dict_shots.py [folder]
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

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from flowin_desktop.app import create_window
from flowin_desktop.editor.document import SetNodeValue
from tools.rule_shots import select, settle

SAMPLE = {
    "customer_name": "Layla",
    "order_id": 1042,
    "total": 250,
    "paid": True,
    "customer": {"phone": "+966500000001", "city": "Riyadh"},
    "items": ["Oud perfume", "Gift box"],
}


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/flowin-shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    window = create_window(app)  # type: ignore[arg-type]
    window.resize(1360, 860)
    window.show()
    settle(app)
    window.open_flow(window.home.flow_ids()[0])
    editor = window.editor
    document = editor.document
    trigger = next(n for n in document.flow.nodes if n.type == "core.manual_trigger")
    document.push(SetNodeValue(document, trigger.id, "params.sample_data", SAMPLE))
    # Run before the steps below join: they'd need an address and an account.
    editor.test_run.start()
    deadline = time.monotonic() + 10
    while editor.test_run.runs.is_running() and time.monotonic() < deadline:
        settle(app, 0.05)
    settle(app, 0.5)
    call = editor.add_node("http.request", QPointF(560, 420))
    body = {"order": "{{ trigger.order_id }}", "amount": 250, "gift": False}
    document.push(SetNodeValue(document, call, "params.body_type", "json"))
    document.push(SetNodeValue(document, call, "params.body", body))
    post = editor.add_node("slack.post_message", QPointF(860, 420))
    document.push(SetNodeValue(document, post, "params.blocks", [{"type": "divider"}]))
    for language in ("en", "ar"):
        window.set_language(language)
        editor.view.fit_to_view()
        select(window, trigger.name)
        settle(app)
        window.grab().save(str(out / f"dicts-sample-data-{language}.png"))
        select(window, document.flow.node(call).name)
        scroll = editor.properties.settings_scroll
        scroll.ensureWidgetVisible(editor.properties.editors["body"].widget)
        settle(app)
        window.grab().save(str(out / f"dicts-http-body-{language}.png"))
        select(window, document.flow.node(post).name)
        settle(app)
        window.grab().save(str(out / f"dicts-advanced-{language}.png"))
        select(window, "Write the greeting")
        editor.properties.tabs.setCurrentIndex(1)
        settle(app)
        window.grab().save(str(out / f"dicts-last-run-{language}.png"))
        editor.properties.tabs.setCurrentIndex(0)
    window.set_language("en")
    window.shutdown()


if __name__ == "__main__":
    main()
