"""PNGs of the rule editor (If / else rows, with the data picker open) and of the earlier
steps' data tree under a Set fields step, in the real window, English and Arabic, light and dark.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/rule_shots.py [folder]
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
from tools.screenshots import grab_with_popup


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def select(window: object, name: str) -> None:
    editor = window.editor  # type: ignore[attr-defined]
    item = next(i for i in editor.scene.node_items.values() if i.name == name)
    editor.scene.clearSelection()
    item.setSelected(True)
    editor.properties.tabs.setCurrentIndex(0)


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
    big = next(n for n in editor.document.flow.nodes if n.name == "Big order?")
    rules = [
        *big.params["conditions"],
        {"left": "{{ trigger.customer_name }}", "operator": "starts_with", "right": "La"},
        {
            "combine": "or",
            "conditions": [{"left": "{{ trigger.order_id }}", "operator": "is_not_empty"}],
        },
    ]
    editor.document.push(SetNodeValue(editor.document, big.id, "params.conditions", rules))
    greeting = next(n for n in editor.document.flow.nodes if n.name == "Write the greeting")
    route = editor.add_node("core.switch", QPointF(560, 320))
    editor.scene.connect(greeting.id, "main", route, "main")
    cases = [{"equals": "Layla", "output": "Regular"}, {"equals": "Omar", "output": "New"}]
    value = "{{ trigger.customer_name }}"
    editor.document.push(SetNodeValue(editor.document, route, "params.value", value))
    editor.document.push(SetNodeValue(editor.document, route, "params.cases", cases))
    refuse = editor.add_node("core.stop_with_error", QPointF(860, 320))
    editor.scene.connect(route, "New", refuse, "main")
    message = (
        "Sorry {{ trigger.customer_name }}, order {{ steps['Write the greeting'].output.total }}"
    )
    editor.document.push(SetNodeValue(editor.document, refuse, "params.message", message))
    editor.test_run.start()
    deadline = time.monotonic() + 10
    while editor.test_run.runs.is_running() and time.monotonic() < deadline:
        settle(app, 0.05)
    settle(app, 0.5)
    for language in ("en", "ar"):
        window.set_language(language)
        for theme in ("light", "dark"):
            window.set_theme(theme)
            editor.view.fit_to_view()
            select(window, "Big order?")
            settle(app)
            window.grab().save(str(out / f"rule-editor-{language}-{theme}.png"))
        window.set_theme("light")
        row = editor.properties.editors["conditions"].box.rows.rows[1]
        row.left.picker.click()
        settle(app)
        grab_with_popup(window, row.left.picker.popup).save(
            str(out / f"rule-picker-{language}.png")
        )
        row.left.picker.popup.close()
        select(window, "Add a thank-you gift")
        settle(app)
        window.grab().save(str(out / f"data-tree-{language}.png"))
        select(window, "Switch")
        settle(app)
        window.grab().save(str(out / f"switch-cases-{language}.png"))
        select(window, "Stop with error")
        settle(app)
        window.grab().save(str(out / f"text-box-references-{language}.png"))
    window.set_language("en")
    window.shutdown()


if __name__ == "__main__":
    main()
