"""A crash leaves a readable log in the data folder, and the next start offers to open it."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from flowin_desktop.crash import CRASH_EXIT_CODE, CRASH_TEST_VARIABLE, SessionLog
from flowin_desktop.smoke import SCREENSHOT_VARIABLE

OFFER = "Flowin closed unexpectedly last time. Open the report?"


def start_app(data: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flowin_desktop"],
        env={
            **os.environ,
            "FLOWIN_DATA_DIR": str(data),
            "QT_QPA_PLATFORM": "offscreen",
            **variables,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_crash_leaves_its_log_and_the_next_start_offers_to_open_it_once(tmp_path):
    data, shot = tmp_path / "data", tmp_path / "window.png"
    crashed = start_app(data, **{CRASH_TEST_VARIABLE: "1"})
    assert crashed.returncode == CRASH_EXIT_CODE, crashed.stderr
    written = (data / "logs" / "flowin.log").read_text(encoding="utf-8")
    assert "Flowin stopped on an error it did not expect" in written
    assert "RuntimeError: A crash asked for by FLOWIN_TEST_CRASH" in written

    after = start_app(data, **{SCREENSHOT_VARIABLE: str(shot)})
    assert after.returncode == 0, after.stderr
    assert OFFER in json.loads(Path(f"{shot}.json").read_text(encoding="utf-8"))["texts"]
    [report] = (data / "logs").glob("crash-*.log")
    assert "RuntimeError: A crash asked for by FLOWIN_TEST_CRASH" in report.read_text("utf-8")

    again = start_app(data, **{SCREENSHOT_VARIABLE: str(shot)})  # that one ended cleanly
    assert again.returncode == 0, again.stderr
    assert OFFER not in json.loads(Path(f"{shot}.json").read_text(encoding="utf-8"))["texts"]


def test_only_a_session_that_did_not_end_cleanly_is_reported_at_the_next_start(tmp_path):
    quit_normally = SessionLog(tmp_path)
    assert quit_normally.start(on_uncaught_error=lambda: None) is None
    quit_normally.finish(clean=True)  # Quit, or the damaged-database dialog's Quit
    killed = SessionLog(tmp_path)
    assert killed.start(on_uncaught_error=lambda: None) is None
    logging.getLogger("flowin_desktop").warning("the last line before the power went out")
    killed.finish(clean=False)  # what a kill leaves: the session still marked running

    following = SessionLog(tmp_path)
    report = following.start(on_uncaught_error=lambda: None)
    following.finish(clean=True)
    assert report is not None
    assert "the last line before the power went out" in report.read_text(encoding="utf-8")
