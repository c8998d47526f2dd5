"""Save PNGs of Flowin's main screens, in English and Arabic, light and dark.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [folder]

Uses a fresh data folder, so the first-start example flow is what you see.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["FLOWIN_DATA_DIR"] = tempfile.mkdtemp(prefix="flowin-shots-")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from flowin_desktop.app import create_window
from flowin_desktop.editor.document import SetNodeValue


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def wait_for(app: QApplication, condition: Callable[[], object], seconds: float = 60) -> None:
    """Let the app run until ``condition`` holds; a tool stops with a sentence when it never does."""
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("The app did not get there in time.")
        settle(app, 0.05)


def grab_with_popup(window: QWidget, popup: QWidget) -> object:
    """The window with a popup (a completer's list) painted where it shows on screen."""
    picture = window.grab()
    if popup.isVisible():
        painter = QPainter(picture)
        painter.drawPixmap(
            popup.mapToGlobal(popup.rect().topLeft()) - window.mapToGlobal(window.rect().topLeft()),
            popup.grab(),
        )
        painter.end()
    return picture


def references(app: QApplication, window: object, out: Path, language: str) -> None:
    """Typing {{ in a field of a step added after the example's last step, after a run."""
    gift = next(n for n in window.editor.document.flow.nodes if n.name == "Add a thank-you gift")
    stop = window.editor.add_node("core.stop_with_error", QPointF(1160, 0))
    window.editor.scene.connect(gift.id, "main", stop, "main")
    window.editor.view.fit_to_view()
    window.editor.properties.tabs.setCurrentIndex(0)
    settle(app)
    field = window.editor.properties.editors["message"].widget
    field.setFocus()
    QTest.keyClicks(field, "Hi {{ customer_name }}, {{ ord")
    settle(app)
    grab_with_popup(window, window.editor.properties.completers["message"].completer.popup()).save(
        str(out / f"references-{language}.png")
    )
    QTest.keyClick(field, Qt.Key.Key_Return)  # picks trigger.order_id
    field.commit()  # what leaving the field does; offscreen windows get no focus-out
    settle(app)
    window.grab().save(str(out / f"references-missing-{language}.png"))
    window.editor.document.undo_stack.undo()
    window.editor.document.undo_stack.undo()
    window.editor.document.undo_stack.undo()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/flowin-shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    window = create_window(app)  # type: ignore[arg-type]
    window.resize(1360, 820)
    window.show()
    settle(app)
    for language in ("en", "ar"):
        window.set_language(language)
        window.set_theme("light")
        window.show_home()
        settle(app)
        window.grab().save(str(out / f"home-{language}.png"))
        window.open_flow(window.home.flow_ids()[0])
        settle(app)
        window.editor.view.fit_to_view()
        first = next(iter(window.editor.scene.node_items.values()))
        first.setSelected(True)
        settle(app)
        window.grab().save(str(out / f"editor-{language}.png"))
        window.editor.test_run.start()
        deadline = time.monotonic() + 10
        while window.editor.test_run.runs.is_running() and time.monotonic() < deadline:
            settle(app, 0.05)
        settle(app, 0.5)
        condition = next(
            i for i in window.editor.scene.node_items.values() if i.name == "Big order?"
        )
        window.editor.scene.clearSelection()
        condition.setSelected(True)
        window.editor.properties.tabs.setCurrentIndex(1)
        settle(app)
        window.grab().save(str(out / f"run-{language}.png"))
        references(app, window, out, language)
        window.show_executions()
        settle(app)
        window.grab().save(str(out / f"executions-{language}.png"))
        window.executions.back_button.click()
        settle(app)
        window.editor.properties.tabs.setCurrentIndex(0)
        window.set_theme("dark")
        settle(app)
        window.grab().save(str(out / f"editor-dark-{language}.png"))
        window.show_home()
        settle(app)
        window.grab().save(str(out / f"home-dark-{language}.png"))
    window.set_language("en")
    window.set_theme("light")
    window.new_flow()
    settle(app)
    window.grab().save(str(out / "editor-empty-en.png"))
    trigger = window.editor.add_node("core.manual_trigger", QPointF(0, 0))
    fail = window.editor.add_node("core.stop_with_error", QPointF(320, 0))
    window.editor.scene.connect(trigger, "main", fail, "main")
    window.editor.view.fit_to_view()
    settle(app, 0.6)
    window.grab().save(str(out / "problems-en.png"))
    window.editor.document.push(
        SetNodeValue(window.editor.document, fail, "params.message", "Out of stock")
    )
    window.editor.test_run.start()
    deadline = time.monotonic() + 10
    while window.editor.test_run.runs.is_running() and time.monotonic() < deadline:
        settle(app, 0.05)
    settle(app, 0.5)
    window.editor.view.fit_to_view()
    settle(app)
    window.grab().save(str(out / "run-failed-en.png"))
    os.environ["FLOWIN_SECRETS"] = "file"  # the data folder is a throw-away one
    for language in ("en", "ar"):
        window.set_language(language)
        window.editor.add_node("openai.generate_text", QPointF(320, 200))
        settle(app)
        dialog = window.editor.properties.editors["connection"].connect_account()
        dialog.fields["api_key"].setText("sk-example")
        dialog.result_label.setText("✕ " + dialog.tr("Test connection"))
        settle(app)
        picture = window.grab()
        painter = QPainter(picture)
        painter.drawPixmap(
            dialog.mapToGlobal(dialog.rect().topLeft())
            - window.mapToGlobal(window.rect().topLeft()),
            dialog.grab(),
        )
        painter.end()
        picture.save(str(out / f"account-{language}.png"))
        dialog.reject()
        window.editor.document.undo_stack.undo()
    for language in ("en", "ar"):
        window.set_language(language)
        window.show_executions()
        window.executions.show_flow(None)
        settle(app)
        window.grab().save(str(out / f"executions-failed-{language}.png"))
        window.executions.back_button.click()
    window.set_language("en")
    window.shutdown()
    print(f"Screenshots in {out}")
    for path in sorted(out.glob("*.png")):
        print(" ", path)


if __name__ == "__main__":
    main()
