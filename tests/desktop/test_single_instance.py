"""Starting Flowin again on the same data folder brings the open window forward."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from flowin_desktop.single_instance import server_name

LISTENING = "Listening for later starts of Flowin"
BROUGHT_FORWARD = "Flowin was started again: bringing its window forward"


def app_environment(data: Path) -> dict[str, str]:
    return {**os.environ, "FLOWIN_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}


def start_app(data: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "flowin_desktop"],
            env=app_environment(data),
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def wait_for_line(process: subprocess.Popen[bytes], log: Path, line: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if line in log.read_text(encoding="utf-8", errors="replace"):
            return
        assert process.poll() is None, f"the app stopped:\n{log.read_text(encoding='utf-8')}"
        time.sleep(0.1)
    raise AssertionError(f"no '{line}' in:\n{log.read_text(encoding='utf-8')}")


def start_again(data: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flowin_desktop", *arguments],
        env=app_environment(data),
        capture_output=True,
        text=True,
        timeout=120,
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)


def test_a_second_start_brings_the_open_window_forward_and_ends_without_a_lock_error(tmp_path):
    data, log = tmp_path / "data", tmp_path / "first.log"
    first = start_app(data, log)
    try:
        wait_for_line(first, log, LISTENING)
        second = start_again(data)
        assert second.returncode == 0, second.stderr
        assert "already running" not in second.stderr  # the runtime's lock was never tried
        wait_for_line(first, log, BROUGHT_FORWARD)
        assert first.poll() is None
    finally:
        stop(first)


def test_the_socket_left_by_a_crashed_flowin_does_not_stop_the_next_start(tmp_path):
    data = tmp_path / "data"
    crashed = start_app(data, tmp_path / "crashed.log")
    try:
        wait_for_line(crashed, tmp_path / "crashed.log", LISTENING)
    finally:
        stop(crashed)  # killed: its socket stays behind, nobody answering on it
    log = tmp_path / "next.log"
    following = start_app(data, log)
    try:
        wait_for_line(following, log, LISTENING)
        assert start_again(data).returncode == 0
        wait_for_line(following, log, BROUGHT_FORWARD)
    finally:
        stop(following)


def test_a_flowin_run_link_given_to_a_second_start_opens_that_run_in_the_first(tmp_path):
    """What the system does with a notification's "Fix it in Flowin" link: start Flowin with
    it; the Flowin already open shows that run."""
    data, log = tmp_path / "data", tmp_path / "first.log"
    first = start_app(data, log)
    try:
        wait_for_line(first, log, LISTENING)
        second = start_again(data, "flowin://run/4f2a9c")
        assert second.returncode == 0, second.stderr
        wait_for_line(first, log, "Opening the run 4f2a9c")
    finally:
        stop(first)


def test_each_data_folder_has_its_own_socket_so_two_run_side_by_side(tmp_path):
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "b" / ".." / "a")
