"""The real ``flowin-cloud`` process against an attacker: large bodies, secrets in its log."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable

import httpx

from tests.cloud_server import TEST_ENV, CloudServer, free_port


def wait_until(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition did not come true in time"
        time.sleep(0.05)


def raw_request(server: CloudServer, head: str) -> socket.socket:
    connection = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    connection.sendall(head.encode())
    return connection


def read_answer(connection: socket.socket) -> bytes:
    """The server's answer: its head and as much body as its Content-Length says. The server
    closes the connection on the unread rest of ours, which may reach us as a reset after it."""
    answer = b""
    try:
        while chunk := connection.recv(65536):
            answer += chunk
            head, _, body = answer.partition(b"\r\n\r\n")
            length = [
                int(line.split(b":")[1])
                for line in head.lower().splitlines()
                if line.startswith(b"content-length:")
            ]
            if length and len(body) >= length[0]:
                break
    except ConnectionResetError:
        pass
    return answer


def test_a_huge_body_to_login_is_answered_413_without_being_read(cloud_server):
    # Announces 300 MB, sends 1 MB: the answer comes although the rest never does.
    connection = raw_request(
        cloud_server,
        "POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nContent-Length: 300000000\r\n\r\n",
    )
    with connection:
        with contextlib.suppress(OSError):  # the server answered and closed before taking it
            connection.sendall(b" " * 1_000_000)
        answer = read_answer(connection)
    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert b"larger than the 64 KB" in answer


def test_a_chunked_body_past_the_limit_is_cut_off_with_413(cloud_server):
    connection = raw_request(
        cloud_server,
        "POST /auth/register HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
    )
    chunk = b"4000\r\n" + b" " * 0x4000 + b"\r\n"  # 16 KB chunks
    sent = 0
    with connection:
        try:
            # 100 MB if the server read it all; it stops reading (and closes) long before.
            for _ in range(6400):
                connection.sendall(chunk)
                sent += 1
        except OSError:
            pass
        answer = read_answer(connection)
    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert b"larger than the 64 KB" in answer
    assert sent < 6400


def test_tokens_and_codes_in_addresses_never_reach_the_log(cloud_server):
    secrets = [f"secret{n}-{uuid.uuid4().hex}" for n in range(5)]
    visited = [
        f"/reset-password?token={secrets[0]}",
        f"/verify-email?token={secrets[1]}",
        f"/auth/validate-reset-token?token={secrets[2]}",
        f"/auth/google/callback?code={secrets[3]}&state={secrets[4]}",
        "/api/flows?include_deleted=true",
    ]
    for address in visited:
        httpx.get(cloud_server.url + address)

    def logged() -> str:
        return cloud_server.log_file.read_text() + cloud_server.output()

    wait_until(lambda: "include_deleted" in logged())
    text = logged()
    # The requests are logged, with the harmless parts of their addresses...
    assert "GET /reset-password?token=" in text
    assert "GET /auth/google/callback?code=" in text
    assert "include_deleted=true" in text
    # ...but none of the secrets, in the log file nor on the console.
    for secret in secrets:
        assert secret not in text


def test_the_database_its_folder_and_the_log_are_private_to_the_server_user(tmp_path):
    # A log left readable by an older version is made private too.
    log_file = tmp_path / "logs" / "flowin-cloud.log"
    log_file.parent.mkdir()
    log_file.write_text("")
    log_file.chmod(0o644)
    database = tmp_path / "new" / "data" / "cloud.db"
    server = CloudServer(tmp_path / "server", database=database, log_file=log_file).start()
    try:
        server.sign_up("private-files@example.com")
        written = [path for path in database.parent.iterdir()]
    finally:
        server.stop()
    assert {path.name for path in written} >= {"cloud.db", "jwt-secret"}
    for path in [*written, log_file]:
        assert path.stat().st_mode & 0o777 == 0o600, path
    for folder in (database.parent, database.parent.parent):
        assert folder.stat().st_mode & 0o777 == 0o700, folder


def start_refused(tmp_path, *arguments: str, env: dict[str, str] | None = None):
    """Runs flowin-cloud expecting it to refuse to start: its exit code and what it said."""
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("FLOWIN_CLOUD_")
    }
    environment.update({**TEST_ENV, "FLOWIN_DATA_DIR": str(tmp_path / "data"), **(env or {})})
    command = [
        sys.executable, "-m", "flowin_cloud",
        "--port", str(free_port()),
        "--database-url", f"sqlite:///{tmp_path / 'cloud.db'}",
        *arguments,
    ]  # fmt: skip
    # A server that did start would be stopped by the timeout, failing the test.
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=60)


def test_the_server_refuses_to_start_with_a_short_secret_or_dev_mode_open_to_the_network(
    tmp_path,
):
    short = start_refused(tmp_path, env={"FLOWIN_CLOUD_JWT_SECRET": "only-24-bytes-of-secret!"})
    assert short.returncode != 0
    assert "FLOWIN_CLOUD_JWT_SECRET" in short.stderr and "at least 32 bytes" in short.stderr
    assert "Traceback" not in short.stderr

    # The server seals the accounts uploaded for cloud runs: a master key it cannot use would
    # otherwise only show when an owner turns running in the cloud on.
    unusable = start_refused(tmp_path, env={"FLOWIN_CLOUD_MASTER_KEY": "too-short"})
    assert unusable.returncode != 0
    assert "FLOWIN_CLOUD_MASTER_KEY is not usable" in unusable.stderr
    assert "Traceback" not in unusable.stderr

    for refused in (
        start_refused(tmp_path, "--dev", "--host", "0.0.0.0"),
        start_refused(tmp_path, "--host", "192.0.2.10", env={"FLOWIN_CLOUD_DEV": "1"}),
    ):
        assert refused.returncode != 0
        assert "Development mode" in refused.stderr and "127.0.0.1" in refused.stderr
        assert "Traceback" not in refused.stderr
