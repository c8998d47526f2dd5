"""A crash leaves a readable log in the data folder, and the next start offers to open it."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from flowin_desktop.crash import CRASH_TEST_VARIABLE, SessionLog
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
    crashed = start_app(data, **{CRASH_TEST_VARIABLE: "abort"})  # as a fault inside Qt ends it
    assert crashed.returncode != 0, crashed.stderr
    written = (data / "logs" / "flowin.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Aborted" in written
    assert "raise_when_asked" in written  # where it was, for whoever reads the report

    after = start_app(data, **{SCREENSHOT_VARIABLE: str(shot)})
    assert after.returncode == 0, after.stderr
    assert OFFER in json.loads(Path(f"{shot}.json").read_text(encoding="utf-8"))["texts"]
    [report] = (data / "logs").glob("crash-*.log")
    assert "Fatal Python error: Aborted" in report.read_text("utf-8")

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


def test_an_error_nobody_caught_is_logged_and_the_app_goes_on_with_nothing_to_report(tmp_path):
    data, shot = tmp_path / "data", tmp_path / "window.png"
    # The error is raised from the event loop; the window still paints and the smoke mode
    # quits with 0 afterwards: the app, and the flows it runs, outlived the error.
    went_on = start_app(data, **{CRASH_TEST_VARIABLE: "error", SCREENSHOT_VARIABLE: str(shot)})
    assert went_on.returncode == 0, went_on.stderr
    written = (data / "logs" / "flowin.log").read_text(encoding="utf-8")
    assert "An error Flowin did not expect ended an action; the app goes on" in written
    assert "RuntimeError: An error asked for by FLOWIN_TEST_CRASH" in written

    after = start_app(data, **{SCREENSHOT_VARIABLE: str(shot)})
    assert after.returncode == 0, after.stderr
    assert OFFER not in json.loads(Path(f"{shot}.json").read_text(encoding="utf-8"))["texts"]
    assert not list((data / "logs").glob("crash-*.log"))


def test_the_window_says_an_action_failed_in_the_users_words(window):
    window.say_an_action_failed()
    assert "Your flows keep running" in window.statusBar().currentMessage()
