"""FLOWIN_SMOKE_SCREENSHOT: a built app proves it opens its window, then quits by itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from flowin_desktop.example import EXAMPLE_NAME, welcome_flow
from flowin_desktop.smoke import SCREENSHOT_VARIABLE, quit_after_first_paint_when_asked
from flowin_engine.model import FlowStatus
from flowin_engine.registry import default_registry
from flowin_engine.store import Store

from .conftest import WAIT_MS


def test_smoke_mode_saves_the_window_and_what_it_shows_after_the_first_paint(
    qtbot, tmp_path, monkeypatch
):
    target = tmp_path / "window.png"
    monkeypatch.setenv(SCREENSHOT_VARIABLE, str(target))
    window = QWidget()
    qtbot.addWidget(window)
    QVBoxLayout(window).addWidget(QLabel("مرحبًا"))
    window.resize(320, 200)

    exit_codes: list[int] = []  # the app's own quit would end the test session's event loop
    assert quit_after_first_paint_when_asked(window, exit_codes.append)
    window.show()

    qtbot.waitUntil(lambda: exit_codes == [0], timeout=WAIT_MS)
    report = tmp_path / "window.png.json"
    assert QImage(str(target)).width() == 320
    assert json.loads(report.read_text(encoding="utf-8"))["texts"] == ["مرحبًا"]


def test_without_the_variable_the_app_runs_as_usual(qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv(SCREENSHOT_VARIABLE, raising=False)
    window = QWidget()
    qtbot.addWidget(window)
    assert not quit_after_first_paint_when_asked(window)


def test_the_app_started_as_a_user_starts_it_opens_its_window_and_quits_in_smoke_mode(tmp_path):
    """The whole start-up (app.main: store, window, active flows, tray), not a test fixture."""
    shot = tmp_path / "window.png"
    environment = {
        **os.environ,
        "FLOWIN_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        SCREENSHOT_VARIABLE: str(shot),
    }
    started = subprocess.run(
        [sys.executable, "-m", "flowin_desktop"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert started.returncode == 0, started.stderr
    shown = json.loads(Path(f"{shot}.json").read_text(encoding="utf-8"))
    assert EXAMPLE_NAME in shown["texts"]  # first start: the home page lists the example flow


def modules_loaded_by_the_first_paint(tmp_path: Path, data_dir: Path) -> list[str]:
    """Start the app as a user does (signed out, the system keyring left to find), in smoke
    mode: the modules it had loaded when its window was first painted."""
    shot = tmp_path / "window.png"
    environment = {key: value for key, value in os.environ.items() if key != "FLOWIN_SECRETS"} | {
        "FLOWIN_DATA_DIR": str(data_dir),
        "QT_QPA_PLATFORM": "offscreen",
        SCREENSHOT_VARIABLE: str(shot),
    }
    started = subprocess.run(
        [sys.executable, "-m", "flowin_desktop"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert started.returncode == 0, started.stderr
    loaded = json.loads(Path(f"{shot}.json").read_text(encoding="utf-8"))["loaded_modules"]
    assert "flowin_desktop.main_window" in loaded  # the list is the real one
    return loaded


def packages(loaded: list[str], *names: str) -> list[str]:
    return [name for name in loaded if name.split(".")[0] in names]


def test_starting_the_desktop_signed_out_looks_for_no_system_keyring_before_the_window_shows(
    tmp_path,
):
    """Looking for the keyring (importing it, asking D-Bus) took 0.4 s of a 1.5 s start; a
    signed-out app with no connected account has no secret to read yet."""
    loaded = modules_loaded_by_the_first_paint(tmp_path, tmp_path / "data")
    assert packages(loaded, "keyring") == []


def test_the_window_shows_before_the_active_flows_start_and_their_webhook_server_loads(tmp_path):
    """The runtime (its aiohttp webhook server) starts once the window is painted; the example
    flow switched on does not hold the window back."""
    data_dir = tmp_path / "data"
    with Store(data_dir / "flowin.db") as store:
        flow = welcome_flow(default_registry())
        assert flow is not None
        store.flows.save(flow)
        store.flows.set_status(flow.id, FlowStatus.ACTIVE)
    loaded = modules_loaded_by_the_first_paint(tmp_path, data_dir)
    assert packages(loaded, "aiohttp") == []


def test_the_window_shows_before_any_http_client_or_command_line_library_loads(tmp_path):
    """httpx (and the click/rich its command line drags in) is for a step's or a sync's first
    request; the connectors, the sync client, the sign-in and the About box load it then."""
    data_dir = tmp_path / "data"
    with Store(data_dir / "flowin.db") as store:
        flow = welcome_flow(default_registry())
        assert flow is not None
        store.flows.save(flow)
        store.flows.set_status(flow.id, FlowStatus.ACTIVE)
    loaded = modules_loaded_by_the_first_paint(tmp_path, data_dir)
    assert packages(loaded, "httpx", "httpcore", "click", "rich") == []


def test_the_window_shows_before_the_flow_builder_loads(tmp_path):
    """The builder (the assistant that drafts a flow from a sentence) loads when its panel
    first opens; the start needs only its names."""
    loaded = modules_loaded_by_the_first_paint(tmp_path, tmp_path / "data")
    assert [name for name in loaded if name.startswith("flowin_engine.builder.")] in (
        [],
        ["flowin_engine.builder.names"],
    )


def test_the_window_shows_before_the_qr_code_library_loads(tmp_path):
    """segno draws the QR code of the cloud account's two-step sign-in setup, and loads when
    that code is first drawn, not with the account panel."""
    loaded = modules_loaded_by_the_first_paint(tmp_path, tmp_path / "data")
    assert packages(loaded, "segno") == []
