"""PNGs of the AI builder's chat panel with a proposal, in English and Arabic.

QT_QPA_PLATFORM=offscreen .venv/bin/python tools/builder_shots.py [folder]
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

SENTENCES = {
    "en": "When someone buys in my store, add a row to the sheet Orders and send the "
    "customer a WhatsApp message, and juggle three torches",
    "ar": "لما يجي اوردر جديد، لو المبلغ أكتر من ٥٠٠ ابعتلي SMS على ٠١٠٠١٢٣٤٥٦٧",
}

# A service Flowin lacks beside a flow it can build, then a request it refuses.
LIMITS = {
    "en": [
        "When I get an Instagram DM, post it to Slack #social",
        "Send a WhatsApp promo to 5000 numbers I bought",
    ],
    "ar": [
        "لما حد يعلق على انستجرام ابعتلي على سلاك #social",
        "ابعت اعلان لكل الارقام اللي اشتريتها على الواتساب",
    ],
}


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/flowin-shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    window = create_window(app)  # type: ignore[arg-type]
    window.resize(1400, 860)
    window.show()
    settle(app)
    for language, sentence in SENTENCES.items():
        window.set_language(language)
        window.new_flow()
        window.editor.show_builder(True)
        panel = window.editor.builder_panel
        panel.ask(sentence)
        while panel.is_building():
            settle(app, 0.05)
        settle(app, 0.5)
        window.grab().save(str(out / f"builder-proposal-{language}.png"))
        panel.apply()
        settle(app, 0.5)
        window.grab().save(str(out / f"builder-applied-{language}.png"))
        window.new_flow()
        window.editor.show_builder(True)
        panel = window.editor.builder_panel
        for sentence in LIMITS[language]:
            panel.ask(sentence)
            while panel.is_building():
                settle(app, 0.05)
        settle(app, 0.5)
        window.grab().save(str(out / f"builder-limits-{language}.png"))
    window.set_language("en")
    window.shutdown()


if __name__ == "__main__":
    main()
