"""A real ``flowin-cloud`` process on 127.0.0.1 for tests, and a pytest fixture starting one.

Use it from any conftest or test module::

    from tests.cloud_server import cloud_server  # noqa: F401

    def test_something(cloud_server):
        tokens = cloud_server.sign_up("layla@example.com")
        httpx.get(cloud_server.url + "/auth/me", headers=cloud_server.bearer(tokens))

The server runs in development mode: e-mails and SMS are lines in its log, which ``messages``,
``codes`` and ``last_token`` read (``kind`` is e.g. "verify-email", "reset-password", "2fa",
"verify-phone"). Passwords are hashed with bcrypt cost 4 and rate limits are high, so tests are
quick; pass ``env`` to change any FLOWIN_CLOUD_* setting.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

DEFAULT_PASSWORD = "correct horse battery"
TEST_ENV = {
    "FLOWIN_CLOUD_BCRYPT_ROUNDS": "4",
    "FLOWIN_CLOUD_LOGIN_LIMIT_PER_EMAIL": "10000/minute",
    "FLOWIN_CLOUD_LOGIN_LIMIT_PER_IP": "10000/minute",
    "FLOWIN_CLOUD_LOGIN_GUESSES_PER_EMAIL": "10000/minute",
    "FLOWIN_CLOUD_CODE_LIMIT_PER_TARGET": "10000/minute",
    "FLOWIN_CLOUD_CODE_LIMIT_PER_IP": "10000/minute",
}
_DEV_LINE = re.compile(r"DEV (EMAIL|SMS) (.*)$")


def parse_dev_line(line: str) -> dict[str, str] | None:
    """The fields of a development-mode message line (``channel`` is "email" or "sms")."""
    match = _DEV_LINE.search(line)
    if not match:
        return None
    fields = dict(pair.split("=", 1) for pair in match.group(2).split() if "=" in pair)
    fields["channel"] = match.group(1).lower()
    return fields


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CloudServer:
    """One ``flowin-cloud --dev`` process with its SQLite database and log in ``folder`` (or
    where ``database`` and ``log_file`` say)."""

    def __init__(
        self,
        folder: Path,
        env: dict[str, str] | None = None,
        *,
        database: Path | None = None,
        database_url: str | None = None,
        log_file: Path | None = None,
    ) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.log_file = log_file or folder / "flowin-cloud.log"
        self.database = database or folder / "cloud.db"
        # Any SQLAlchemy URL (PostgreSQL); the SQLite file ``database`` when not given.
        self.database_url = database_url or f"sqlite:///{self.database}"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # The relay's public addresses point at this server, so tests can send to them.
        self._env = {"FLOWIN_CLOUD_RELAY_PUBLIC_URL": self.url, **TEST_ENV, **(env or {})}
        self._process: subprocess.Popen[bytes] | None = None

    def configure(self, env: dict[str, str]) -> None:
        """More FLOWIN_CLOUD_* settings before ``start`` (those that need ``url``)."""
        self._env.update(env)

    def start(self, timeout: float = 60) -> CloudServer:
        env = {
            key: value for key, value in os.environ.items() if not key.startswith("FLOWIN_CLOUD_")
        }
        env.update(self._env)
        env["FLOWIN_DATA_DIR"] = str(self.folder / "data")
        command = [
            sys.executable, "-m", "flowin_cloud",
            "--host", "127.0.0.1",
            "--port", str(self.port),
            "--database-url", self.database_url,
            "--dev",
            "--log-file", str(self.log_file),
        ]  # fmt: skip
        output = open(self.folder / "flowin-cloud.out", "wb")  # noqa: SIM115 (kept by the process)
        self._process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        output.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"flowin-cloud stopped on start:\n{self.output()}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"flowin-cloud did not answer in {timeout} s:\n{self.output()}")

    def stop(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None

    def kill(self) -> None:
        """Ends the process at once (SIGKILL on POSIX), as a crash or a power cut would."""
        if self._process is None:
            return
        self._process.kill()
        self._process.wait()
        self._process = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def output(self) -> str:
        path = self.folder / "flowin-cloud.out"
        return path.read_text(errors="replace") if path.exists() else ""

    def messages(self, kind: str | None = None, to: str | None = None) -> list[dict[str, str]]:
        """Every e-mail and SMS the server "sent" so far, oldest first, as their log fields."""
        found = []
        text = self.log_file.read_text(errors="replace") if self.log_file.exists() else ""
        for line in text.splitlines():
            match = _DEV_LINE.search(line)
            if not match:
                continue
            fields = dict(pair.split("=", 1) for pair in match.group(2).split() if "=" in pair)
            fields["channel"] = match.group(1).lower()
            if (kind is None or fields.get("kind") == kind) and (
                to is None or fields.get("to") == to
            ):
                found.append(fields)
        return found

    def codes(self, kind: str, to: str) -> list[str]:
        """The tokens or codes of the messages of ``kind`` sent to ``to``, oldest first."""
        return [m.get("token") or m.get("code") or "" for m in self.messages(kind, to)]

    def last_token(self, kind: str, to: str, timeout: float = 30) -> str:
        """The newest token or code of ``kind`` sent to ``to`` (waiting for it: the server
        sends after answering)."""
        return self.wait_for_codes(kind, to, 1, timeout)[-1]

    def wait_for_codes(self, kind: str, to: str, count: int, timeout: float = 30) -> list[str]:
        """The tokens or codes of ``kind`` sent to ``to`` once there are ``count`` of them."""
        return [
            m.get("token") or m.get("code") or ""
            for m in self.wait_for_messages(kind, to, count, timeout)
        ]

    def wait_for_messages(
        self, kind: str, to: str, count: int, timeout: float = 30
    ) -> list[dict[str, str]]:
        """The messages of ``kind`` sent to ``to`` once there are ``count`` of them (the server
        writes its log line after answering, so a fast test can look too early)."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.messages(kind, to)
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{len(found)} {kind} message(s) to {to} in the flowin-cloud log, not {count}."
                )
            time.sleep(0.05)

    def sign_up(
        self, email: str, password: str = DEFAULT_PASSWORD, verified: bool = True
    ) -> dict[str, str]:
        """Registers ``email``, verifies it with the link "sent" (unless ``verified=False``;
        an account already verified stays so) and signs in: the token pair from /auth/login."""
        response = httpx.post(
            self.url + "/auth/register", json={"email": email, "password": password}
        )
        response.raise_for_status()
        response = httpx.post(self.url + "/auth/login", json={"email": email, "password": password})
        response.raise_for_status()
        tokens = response.json()
        if verified:
            profile = httpx.get(self.url + "/auth/me", headers=self.bearer(tokens))
            profile.raise_for_status()
            if not profile.json()["email_verified"]:
                token = self.last_token("verify-email", email)
                httpx.post(
                    self.url + "/auth/verify/email/confirm", json={"token": token}
                ).raise_for_status()
        return tokens

    @staticmethod
    def bearer(tokens: dict[str, str] | str) -> dict[str, str]:
        """The Authorization header for a token pair, an access token or an API key."""
        token = tokens if isinstance(tokens, str) else tokens["access_token"]
        return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def cloud_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CloudServer]:
    """A running flowin-cloud shared by the tests of a module (use a new e-mail per test)."""
    server = CloudServer(tmp_path_factory.mktemp("flowin-cloud")).start()
    try:
        yield server
    finally:
        server.stop()
