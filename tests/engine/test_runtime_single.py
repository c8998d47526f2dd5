"""One Flowin runs the flows of a data folder; a second one, or a port taken, is an error."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from flowin_engine.data_folder import DataFolder
from flowin_engine.runtime import AlreadyRunning, RuntimeSettings
from flowin_engine.store import Store

pytestmark = pytest.mark.slow

EXIT_WAIT = 60  # seconds; generous for a busy machine, not a speed requirement


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Serve:
    """A real `flowin serve` process, its output kept in files."""

    def __init__(self, data: Path, port: int, name: str, extra: tuple[str, ...] = ()) -> None:
        self.out = data.parent / f"{name}.out"
        self.err = data.parent / f"{name}.err"
        env = {**os.environ, "FLOWIN_DATA_DIR": str(data), "FLOWIN_SECRETS": "file"}
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "flowin_engine", "serve", "--port", str(port), *extra],
                env=env,
                stdout=out,
                stderr=err,
            )
        self.port = port

    def healthy(self) -> bool:
        try:
            reply = httpx.get(f"http://127.0.0.1:{self.port}/health", timeout=0.5)
        except httpx.HTTPError:
            return False
        return reply.status_code == 200

    def wait_healthy(self) -> None:
        deadline = time.monotonic() + EXIT_WAIT
        while time.monotonic() < deadline:
            if self.healthy():
                return
            assert self.process.poll() is None, self.err.read_text()
            time.sleep(0.1)
        raise AssertionError("flowin serve did not start")

    def exit_code(self) -> int:
        return self.process.wait(EXIT_WAIT)

    @property
    def stdout(self) -> str:
        return self.out.read_text(encoding="utf-8")

    @property
    def stderr(self) -> str:
        return self.err.read_text(encoding="utf-8")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(EXIT_WAIT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def test_a_second_flowin_serve_on_the_same_data_folder_refuses_and_names_the_first(data):
    first = Serve(data, free_port(), "first")
    second = None
    try:
        first.wait_healthy()
        second = Serve(data, free_port(), "second")
        assert second.exit_code() != 0
        assert (
            f"Flowin is already running with this data folder (process {first.process.pid})"
            in second.stderr
        )
        assert "Traceback" not in second.stderr
        assert "Flowin is running" not in second.stdout
        assert first.healthy()
    finally:
        first.stop()
        if second is not None:
            second.stop()


def test_the_data_folder_is_free_again_once_its_flowin_is_killed(data):
    first = Serve(data, free_port(), "first")
    try:
        first.wait_healthy()
        first.process.kill()
        first.process.wait(EXIT_WAIT)
        second = Serve(data, free_port(), "second")
        try:
            second.wait_healthy()
        finally:
            second.stop()
    finally:
        first.stop()


def test_flowin_serve_whose_port_is_taken_exits_with_a_clear_error(data):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        serve = Serve(data, port, "serve")
        try:
            assert serve.exit_code() != 0
        finally:
            serve.stop()
    assert f"Webhooks can't listen on 127.0.0.1:{port}" in serve.stderr
    assert "--port" in serve.stderr
    assert "Traceback" not in serve.stderr
    assert "Flowin is running" not in serve.stdout
    # It let go of the data folder: another one starts.
    again = Serve(data, free_port(), "again")
    try:
        again.wait_healthy()
    finally:
        again.stop()


def test_a_second_runtime_on_one_database_refuses_until_the_first_stops(tmp_path):
    with Store(tmp_path / "flowin.db") as store:
        first = DataFolder(store).runtime(RuntimeSettings(port=0))
        first.start()
        second = DataFolder(store).runtime(RuntimeSettings(port=0))
        try:
            with pytest.raises(AlreadyRunning) as refused:
                second.start()
            assert refused.value.pid == os.getpid()
            assert second.listener.port == 0  # it did not listen
        finally:
            first.stop(grace=1)
        second.start()
        second.stop(grace=1)
        second.stop(grace=1)  # stopping twice is harmless
