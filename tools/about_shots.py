"""Save PNGs of Help › About Flowin (told of a newer version by a real flowin-cloud), of the
settings (start at login) and of the offer made after a crash, in English and Arabic.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/about_shots.py [folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["FLOWIN_DATA_DIR"] = tempfile.mkdtemp(prefix="flowin-about-shots-")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="flowin-about-config-")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from flowin_desktop.app import create_window
from flowin_desktop.dialogs.crash_report import CrashReportOffer
from tests.cloud_server import CloudServer
from tools.cloud_shots import wait_for
from tools.screenshots import settle


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/flowin-shots")
    out.mkdir(parents=True, exist_ok=True)
    server = CloudServer(
        Path(tempfile.mkdtemp(prefix="flowin-cloud-")),
        {"FLOWIN_CLOUD_LATEST_DESKTOP_VERSION": "0.2.0"},
    ).start()
    os.environ["FLOWIN_CLOUD_SERVER"] = server.url
    try:
        app = QApplication.instance() or QApplication(sys.argv)
        window = create_window(app)  # type: ignore[arg-type]
        window.show()
        for language in ("en", "ar"):
            window.set_language(language)
            settle(app)
            about = window.show_about()
            wait_for(app, lambda about=about: "0.2.0" in about.update_status.text())
            about.grab().save(str(out / f"about-{language}.png"))
            bar = about.licences.verticalScrollBar()
            bar.setValue(bar.maximum())  # the libraries, at the end
            settle(app)
            about.grab().save(str(out / f"about-libraries-{language}.png"))
            about.close()
            settings = window.show_settings()
            settings.start_at_login.setChecked(True)
            settle(app)
            settings.grab().save(str(out / f"settings-{language}.png"))
            settings.start_at_login.setChecked(False)
            settings.close()
            offer = CrashReportOffer(
                Path(os.environ["FLOWIN_DATA_DIR"]) / "logs" / "crash.log", window
            )
            offer.open()
            settle(app)
            offer.grab().save(str(out / f"crash-offer-{language}.png"))
            offer.close()
        window.shutdown()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
