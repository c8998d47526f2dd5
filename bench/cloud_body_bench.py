"""How much memory a flowin-cloud process takes for a huge anonymous body to /auth/login.

    .venv/bin/python bench/cloud_body_bench.py [megabytes]

Starts a real flowin-cloud, reads its peak memory (VmHWM, Linux), sends a body of N MB (300
by default) to /auth/login as fast as the server takes it, once with a Content-Length and once
chunked, and reads the peak again. With the body limits the server answers 413 after at most
64 KB and the peak barely moves; without them it read and parsed the whole body.
"""

from __future__ import annotations

import contextlib
import socket
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.cloud_server import CloudServer

CHUNK = 1024 * 1024


def peak_megabytes(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM (not Linux?)")


def send(server: CloudServer, megabytes: int, chunked: bool) -> tuple[str, int]:
    """The answer's status line and how many MB went out before the server stopped reading."""
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {megabytes * CHUNK}"
    head = (
        f"POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/json\r\n{framing}\r\n\r\n"
    )
    piece = (f"{CHUNK:x}\r\n".encode() + b" " * CHUNK + b"\r\n") if chunked else b" " * CHUNK
    sent = 0
    with socket.create_connection(("127.0.0.1", server.port), timeout=600) as connection:
        connection.sendall(head.encode())
        with contextlib.suppress(OSError):  # the server answered and closed
            for _ in range(megabytes):
                connection.sendall(piece)
                sent += 1
            if chunked:
                connection.sendall(b"0\r\n\r\n")
        answer = b""
        with contextlib.suppress(OSError):
            while b"\r\n" not in answer and (chunk := connection.recv(65536)):
                answer += chunk
    return answer.split(b"\r\n", 1)[0].decode(errors="replace"), sent


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    server = CloudServer(Path(tempfile.mkdtemp(prefix="flowin-cloud-bench-"))).start()
    try:
        pid = server._process.pid  # type: ignore[union-attr]
        print(f"peak memory at rest: {peak_megabytes(pid):.0f} MB")
        for chunked in (False, True):
            status, sent = send(server, megabytes, chunked)
            how = "chunked" if chunked else "with Content-Length"
            print(
                f"{megabytes} MB {how}: {status!r} after {sent} MB sent; "
                f"peak memory {peak_megabytes(pid):.0f} MB"
            )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
