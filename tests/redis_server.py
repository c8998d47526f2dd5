"""A real Redis server of a test's own on 127.0.0.1, which the test may stop and start again.

The binary is Debian's ``redis-server`` (``.ci/run`` installs it). Without it the test is
skipped, except under CI, where a missing Redis fails it. The server keeps an append-only file
written at every command, so a restart keeps the messages that were waiting in it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import redis

from tests.cloud_server import free_port

MISSING = (
    "Redis case not run: install Debian's redis-server (apt-get install redis-server; "
    ".ci/run does) to run the tests that need a real broker."
)


class RedisServer:
    def __init__(self, folder: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            if os.environ.get("CI"):
                pytest.fail(f"CI is set, so Redis must be tested. {MISSING}")
            pytest.skip(MISSING)
        self.binary = binary
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self._process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.folder),
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or self._process.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)
        client.close()

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=30)
        self._process = None

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port)
