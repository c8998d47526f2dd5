"""The real ``flowin-cloud`` process against an attacker: large bodies, secrets in its log."""

from __future__ import annotations

import contextlib
import socket
import time
import uuid
from collections.abc import Callable

import httpx

from tests.cloud_server import CloudServer


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
