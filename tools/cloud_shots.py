"""Save PNGs of the cloud account: the dialog signed out, a refused sign-in, signed in, a
conflict waiting for a choice, where the account is signed in, an API key, an authenticator app being set up (its QR code, key
and a wrong first code) and backup codes shown once, in English and Arabic, against a real
flowin-cloud.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/cloud_shots.py [folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pyotp

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["FLOWIN_DATA_DIR"] = tempfile.mkdtemp(prefix="flowin-cloud-shots-")
os.environ["FLOWIN_SECRETS"] = "file"  # the data folder is a throw-away one
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from flowin_desktop.app import create_window
from flowin_engine.sync import SyncStatus
from tests.cloud_server import DEFAULT_PASSWORD, CloudServer
from tests.engine.cloud_computers import Computer, new_email, register
from tools.screenshots import grab_with_popup, settle


def wait_for(app: QApplication, condition: object, seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:  # type: ignore[operator]
        settle(app, 0.05)
    settle(app)


def save_with_dialog(window: QWidget, dialog: QDialog, path: Path) -> None:
    grab_with_popup(window, dialog).save(str(path))  # type: ignore[attr-defined]


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/flowin-shots")
    out.mkdir(parents=True, exist_ok=True)
    server = CloudServer(Path(tempfile.mkdtemp(prefix="flowin-cloud-")))
    server.configure(  # offered, so the buttons show; not clicked here
        {
            f"FLOWIN_CLOUD_{provider}_CLIENT_{part}": "shots"
            for provider in ("GOOGLE", "GITHUB")
            for part in ("ID", "SECRET")
        }
    )
    server.start()
    app = QApplication.instance() or QApplication(sys.argv)
    window = create_window(app)  # type: ignore[arg-type]
    window.resize(1360, 820)
    window.show()
    settle(app)
    email = new_email()
    register(server, email)
    verify = {"token": server.last_token("verify-email", email)}
    httpx.post(server.url + "/auth/verify/email/confirm", json=verify).raise_for_status()
    other = Computer(Path(tempfile.mkdtemp(prefix="flowin-other-")) / "computer")
    try:
        for language in ("en", "ar"):
            window.set_language(language)
            window.show_home()
            dialog = window.show_cloud_account()
            dialog.server.setText(server.url)
            dialog.server.editingFinished.emit()  # as leaving the field does
            dialog.email.setText(email)
            dialog.password.setText("not the password")
            dialog.send()
            wait_for(app, dialog.submit.isEnabled)
            wait_for(app, dialog.provider_buttons["google"].isVisible)
            save_with_dialog(window, dialog, out / f"cloud-refused-{language}.png")
            dialog.tabs.setCurrentIndex(1)
            settle(app)
            save_with_dialog(window, dialog, out / f"cloud-create-{language}.png")
            dialog.tabs.setCurrentIndex(0)
            dialog.reject()

        window.set_language("en")
        dialog = window.show_cloud_account()
        dialog.server.setText(server.url)
        dialog.email.setText(email)
        dialog.password.setText(DEFAULT_PASSWORD)
        dialog.send()
        wait_for(app, lambda: window.cloud.signed_in and not window.cloud.work.busy)
        flow_id = window.home.flow_ids()[0]
        other.sign_in(server.url, email)
        other.sync()
        theirs = other.store.get_flow(flow_id)
        theirs.name = theirs.name + " (edited elsewhere)"
        other.store.save_flow(theirs)
        other.sync()
        mine = window.store.get_flow(flow_id)
        mine.name = mine.name + " (edited here)"
        window.store.save_flow(mine)
        for language in ("en", "ar"):
            window.set_language(language)
            window.cloud.sync_now()
            wait_for(app, lambda: window.cloud.status is SyncStatus.CONFLICT)
            wait_for(app, lambda: not window.cloud.work.busy)
            window.show_home()
            settle(app)
            window.grab().save(str(out / f"cloud-conflict-home-{language}.png"))
            dialog = window.show_cloud_account()
            settle(app)
            save_with_dialog(window, dialog, out / f"cloud-conflict-{language}.png")
        # Signed in elsewhere too: Flowin on a Windows computer and a phone's browser.
        for agent in (
            "Flowin desktop 0.1.0 (Windows)",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1",
        ):
            httpx.post(
                server.url + "/auth/login",
                json={"email": email, "password": DEFAULT_PASSWORD},
                headers={"User-Agent": agent},
            ).raise_for_status()
        dialog.conflict_list.setCurrentRow(0)
        dialog.keep_both.click()
        wait_for(app, lambda: window.cloud.status is SyncStatus.SYNCED)
        wait_for(app, lambda: not window.cloud.work.busy)
        for language in ("en", "ar"):
            window.set_language(language)
            window.show_home()
            dialog = window.show_cloud_account()
            wait_for(app, lambda: not window.cloud.work.busy)
            save_with_dialog(window, dialog, out / f"cloud-synced-{language}.png")
            dialog.settings_tabs.setCurrentWidget(dialog.sign_ins)
            wait_for(app, lambda: len(dialog.sign_ins.rows) == 4)  # noqa: B023 (waited here)
            wait_for(app, lambda: not window.cloud.work.busy)
            save_with_dialog(window, dialog, out / f"cloud-sessions-{language}.png")
            dialog.settings_tabs.setCurrentWidget(dialog.api_keys)
            dialog.api_keys.name.setText("Zapier" if language == "en" else "متجري")
            dialog.api_keys.create()
            keys = dialog.api_keys
            wait_for(app, keys.shown_once.isVisible)
            wait_for(app, lambda: not window.cloud.work.busy)
            dialog.api_keys.key_list.setCurrentRow(0)
            settle(app)
            save_with_dialog(window, dialog, out / f"cloud-api-key-{language}.png")
            dialog.api_keys.forget_new_key()
            dialog.settings_tabs.setCurrentWidget(dialog.security)
            security = dialog.security
            if language == "en":
                window.cloud.add_phone("+966501234567")  # waits for its code in both shots
            else:  # on since the English round: set up again, in Arabic
                window.cloud.turn_off_two_factor(DEFAULT_PASSWORD)
            wait_for(app, lambda: not window.cloud.work.busy)
            wait_for(app, security.turn_on_button.isVisible)
            save_with_dialog(window, dialog, out / f"cloud-security-off-{language}.png")
            window.cloud.start_authenticator_app(DEFAULT_PASSWORD)
            wait_for(app, lambda: security.app_window is not None)  # noqa: B023 (waited here)
            wait_for(app, lambda: not window.cloud.work.busy)
            setup = security.app_window
            settle(app)
            save_with_dialog(window, setup, out / f"cloud-authenticator-{language}.png")
            setup.code.setText("123456")
            setup.confirm()
            wait_for(app, setup.problem.isVisible)
            wait_for(app, lambda: not window.cloud.work.busy)
            setup.grab().save(str(out / f"cloud-authenticator-wrong-{language}.png"))
            setup.code.setText(pyotp.TOTP(setup.setup.secret).now())
            setup.confirm()
            wait_for(app, lambda: security.codes_window is not None)  # noqa: B023 (waited here)
            wait_for(app, lambda: not window.cloud.work.busy)
            save_with_dialog(window, dialog, out / f"cloud-security-{language}.png")
            codes = security.codes_window
            codes.grab().save(str(out / f"cloud-backup-codes-{language}.png"))
            codes.accept()
            settle(app)
            dialog.reject()
    finally:
        window.shutdown()
        other.close()
        server.stop()
    print(f"Screenshots in {out}")
    for path in sorted(out.glob("cloud-*.png")):
        print(" ", path)


if __name__ == "__main__":
    main()
