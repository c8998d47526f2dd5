"""PNGs of the "Use template" wizard's blanks step for a few templates whose messages name data,
in English and Arabic: the data shows as chips, never as {{ expressions }}.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/wizard_blanks_shots.py [folder]
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
from flowin_engine.templates import TemplateLibrary
from tools.screenshots import settle

TEMPLATES = (
    "daily-sales-summary-telegram",
    "kitchen-low-stock-telegram",
    "freelance-invoice-reminders",
    "shopify-order-sms-confirmation",
)


def main() -> None:
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(arguments[0] if arguments else "/tmp/shots-chips")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    window = create_window(app)  # type: ignore[arg-type]
    window.resize(1280, 800)
    window.show()
    library = TemplateLibrary()
    for language in ("en", "ar"):
        window.set_language(language)
        for template_id in TEMPLATES:
            wizard = window.use_template(library.get(template_id))
            wizard.go_to(len(wizard.steps) - 1)
            settle(app)
            wizard.grab().save(str(out / f"{template_id}-{language}.png"))
            wizard.reject()
    window.set_language("en")
    window.shutdown()


if __name__ == "__main__":
    main()
