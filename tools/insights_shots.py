"""Save PNGs of the insights dashboard on a shop's real week of runs (written through the store's
API), in English and Arabic, light and dark, its empty state, and the pages of the PDF report.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/insights_shots.py [folder]

The PDF pages are drawn with pypdfium2 when it is installed (pip install pypdfium2).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["FLOWIN_DATA_DIR"] = tempfile.mkdtemp(prefix="flowin-insights-shots-")
os.environ["FLOWIN_SECRETS"] = "file"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from flowin_desktop.app import create_window
from flowin_engine.store import Store
from tests import insight_histories as week
from tools.screenshots import settle


def _pdf_pages(pdf: Path) -> None:
    try:
        import pypdfium2
    except ImportError:
        print("pypdfium2 is not installed: the PDF is saved, its pages are not drawn")
        return
    document = pypdfium2.PdfDocument(str(pdf))
    for number in range(len(document)):
        image = document[number].render(scale=1.3).to_pil()
        image.save(pdf.with_name(f"{pdf.stem}-page{number + 1}.png"))


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-insights")
    out.mkdir(parents=True, exist_ok=True)
    store = Store()
    week.seed_week(store)
    app = QApplication.instance() or QApplication(sys.argv)
    window = create_window(app, store)  # type: ignore[arg-type]
    window.resize(1280, 900)
    window.show()
    for language in ("en", "ar"):
        window.set_language(language)
        for theme in ("light", "dark"):
            window.set_theme(theme)
            page = window.show_insights()
            page.clock = lambda: week.NOW
            page.utc_offset = week.OFFSET
            page.refresh()
            settle(app, 0.6)
            window.grab().save(str(out / f"insights-{language}-{theme}.png"))
            bar = page.scroll.verticalScrollBar()
            bar.setValue(bar.maximum())
            settle(app, 0.3)
            window.grab().save(str(out / f"insights-{language}-{theme}-end.png"))
            bar.setValue(0)
        window.set_theme("light")
        page = window.insights
        page.choose_report_file = lambda name, language=language: str(
            out / f"report-{language}.pdf"
        )
        pdf = page.export_report()
        if pdf is not None:
            _pdf_pages(pdf)
    # The empty state: a new data folder with no runs yet.
    empty_store = Store(Path(tempfile.mkdtemp(prefix="flowin-empty-")) / "flowin.db")
    page = window.insights
    page.store = empty_store
    window.set_language("en")
    page.refresh()
    settle(app, 0.4)
    window.grab().save(str(out / "insights-en-empty.png"))
    window.shutdown()
    print(f"saved to {out}")


if __name__ == "__main__":
    main()
