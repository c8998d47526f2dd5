"""Draw each template's flow as the gallery previews it, into its folder: ``preview.png``, and
``preview-rtl.png`` mirrored with Arabic words for the app in Arabic. Run at build time (the
PyInstaller spec runs it before it collects the templates); the gallery shows these pictures
and draws the flow live only for a template without one (the user's own, or a source tree
nobody built).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/template_previews.py [library folder]
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from flowin_desktop.i18n import Localizer
from flowin_desktop.templates.preview import preview_file_name, render_flow
from flowin_desktop.theme import LIGHT, apply_theme
from flowin_engine.registry import default_registry
from flowin_engine.templates import SHIPPED, read_template_folder

log = logging.getLogger("template_previews")


def render_previews(library: Path, app: QApplication) -> list[Path]:
    """Write the pictures of every template folder under ``library``; the files written."""
    registry = default_registry()
    localizer = Localizer(app)
    folders = sorted(p for p in library.iterdir() if (p / "template.json").is_file())
    written: list[Path] = []
    for right_to_left, language in ((False, "en"), (True, "ar")):
        localizer.set_language(language)  # the cards' summaries in the picture's language
        apply_theme(app, LIGHT, right_to_left)
        for folder in folders:
            template = read_template_folder(folder)
            image = render_flow(template.flow, registry, right_to_left, LIGHT)
            path = folder / preview_file_name(right_to_left)
            if not image.save(str(path)):
                raise SystemExit(f"Could not write {path}.")
            written.append(path)
    localizer.set_language("en")
    return written


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    library = Path(sys.argv[1]) if len(sys.argv) > 1 else SHIPPED
    app = QApplication.instance() or QApplication(sys.argv[:1])
    written = render_previews(library, app)  # type: ignore[arg-type]
    log.info("Drew %d template previews in %s", len(written), library)


if __name__ == "__main__":
    main()
