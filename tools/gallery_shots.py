"""PNGs of the template gallery, a template's detail with its flow's preview, each step of the
"Use template" wizard, the New flow choice and the Save as template dialog, in English and
Arabic; with --readme, also docs/images/templates-en.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/gallery_shots.py [folder] [--readme]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["FLOWIN_DATA_DIR"] = tempfile.mkdtemp(prefix="flowin-shots-")
os.environ["FLOWIN_SECRETS"] = "file"  # accounts made here stay in the throwaway folder
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QWidget

from flowin_desktop.app import create_window
from flowin_desktop.templates.new_flow import NewFlowChoice
from flowin_desktop.templates.save_dialog import TemplateDetailsDialog
from tools.screenshots import settle

ROOT = Path(__file__).resolve().parent.parent
SEARCHES = {"en": "whatsapp", "ar": "واتساب"}


def save(widget: QWidget, out: Path, name: str) -> None:
    widget.grab().save(str(out / name))


def main() -> None:
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(arguments[0] if arguments else "/tmp/shots-gallery")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    window = create_window(app)  # type: ignore[arg-type]
    window.resize(1280, 800)
    window.show()
    settle(app)
    for language in ("en", "ar"):
        window.set_language(language)
        window.show_home()
        settle(app)
        save(window, out, f"home-{language}.png")
        window.show_templates()
        gallery = window.gallery
        gallery.search.clear()
        gallery.set_category(None)
        settle(app)
        save(window, out, f"gallery-{language}.png")
        if language == "en" and "--readme" in sys.argv:
            save(window, ROOT / "docs" / "images", "templates-en.png")
        gallery.search.setText(SEARCHES[language])
        settle(app)
        save(window, out, f"gallery-search-{language}.png")
        gallery.search.clear()
        gallery.set_category("clinics")
        settle(app)
        save(window, out, f"gallery-category-{language}.png")
        gallery.set_category(None)
        gallery.search.setText("zzzz")
        settle(app)
        save(window, out, f"gallery-nothing-{language}.png")
        gallery.search.clear()
        settle(app)

        template = next(
            (t for t in gallery.shown_templates() if len(t.services) >= 2 and t.blanks),
            gallery.shown_templates()[0],
        )
        gallery.show_detail(template)
        settle(app, 0.6)
        save(window, out, f"detail-{language}.png")

        wizard = window.use_template(template)
        settle(app)
        save(wizard, out, f"wizard-accounts-{language}.png")
        if wizard.account_rows:
            dialog = wizard.account_rows[0].connect_account()
            settle(app)
            save(dialog, out, f"wizard-connect-{language}.png")
            dialog.reject()
        wizard.go_to(len(wizard.steps) - 1)
        settle(app)
        save(wizard, out, f"wizard-blanks-{language}.png")
        wizard.reject()
        # A template asking for a phone number, given one that isn't.
        phoned = next(
            t for t in gallery.shown_templates() if any(b.kind == "phone" for b in t.blanks)
        )
        wizard = window.use_template(phoned)
        wizard.go_to(len(wizard.steps) - 1)
        for field in wizard.fields:
            if field.kind == "phone":
                field.widget.setText("12ab")  # type: ignore[attr-defined]
        settle(app)
        save(wizard, out, f"wizard-blanks-problem-{language}.png")
        wizard.reject()

        choice = NewFlowChoice(window)
        choice.show()
        settle(app)
        save(choice, out, f"new-flow-{language}.png")
        choice.reject()
        details = TemplateDetailsDialog("Save as template", "Order confirmations", parent=window)
        details.show()
        settle(app)
        save(details, out, f"save-as-template-{language}.png")
        details.reject()
        window.show_home()
    window.set_language("en")
    window.set_theme("dark")
    window.show_templates()
    settle(app)
    save(window, out, "gallery-dark-en.png")
    window.gallery.show_detail(window.gallery.shown_templates()[1])
    settle(app, 0.6)
    save(window, out, "detail-dark-en.png")
    window.set_theme("light")
    window.shutdown()


if __name__ == "__main__":
    main()
