"""One Flowin app per data folder: starting Flowin again brings the open window forward.

As Anki does: the first start holds a lock in the data folder and listens on a local socket
named after that folder; a later start finds the lock taken, asks the first one (through the
socket) to show its window, and ends. So one data folder never gets two windows nor two
runtimes, and two data folders (a test's, say) run side by side.
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from filelock import FileLock, Timeout
from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_FILE = "flowin-desktop.lock"
SHOW = b"show\n"
OPEN = b"open "  # followed by a flowin:// link and a new line
SHOWN = b"shown\n"
LINK_SCHEME = "flowin://"


def link_in(arguments: list[str]) -> str | None:
    """The flowin:// link among the start's arguments (the system hands it so), or None."""
    return next((a for a in arguments if a.lower().startswith(LINK_SCHEME)), None)


def server_name(folder: Path) -> str:
    """The local socket's name for ``folder``: the same for every start on that folder."""
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"flowin-{digest}"


class SingleInstance(QObject):
    """``claim()`` at start; the first start's ``show_requested`` fires when Flowin is
    started again on the same folder."""

    show_requested = Signal()
    link_requested = Signal(str)  # a later start was given a flowin:// link to open

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(folder)
        # The system releases it when its holder dies, however it dies.
        self._lock = FileLock(folder / LOCK_FILE, thread_local=False)
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when no other Flowin app has this folder: this one now listens for later starts."""
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        self._listen()
        return True

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # The socket of a Flowin that crashed: it is dead (the lock was free), so no one
            # answers on it; remove it and listen afresh.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning(
                    "A second start of Flowin can't find this one: %s", server.errorString()
                )
                return
        server.newConnection.connect(self._answer)
        self._server = server
        log.info("Listening for later starts of Flowin on %s", self.name)

    def _answer(self) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)
            if connection.bytesAvailable():
                self._read(connection)

    def _read(self, connection: QLocalSocket) -> None:
        if not connection.canReadLine():
            return
        line = bytes(connection.readLine().data())
        if line == SHOW or (line.startswith(OPEN) and line.endswith(b"\n")):
            log.info("Flowin was started again: bringing its window forward")
            self.show_requested.emit()
            if line.startswith(OPEN):
                link = line[len(OPEN) :].strip().decode("utf-8", errors="replace")
                if link.lower().startswith(LINK_SCHEME):
                    self.link_requested.emit(link)
            connection.write(SHOWN)
            connection.flush()
        connection.disconnectFromServer()

    def ask_to_show(self, timeout: float = 30.0, link: str | None = None) -> bool:
        """Ask the Flowin holding the folder to bring its window forward (and open ``link``,
        a flowin:// link); True when it did.

        It may still be starting (its lock taken, its socket not yet answering), so this
        tries again until ``timeout`` seconds have passed.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(1000):
                socket.write(SHOW if link is None else OPEN + link.encode("utf-8") + b"\n")
                socket.flush()
                reply = b""
                while not reply.endswith(b"\n") and time.monotonic() < deadline:
                    if not socket.waitForReadyRead(1000) and socket.state() != (
                        QLocalSocket.LocalSocketState.ConnectedState
                    ):
                        break
                    reply += bytes(socket.readAll().data())
                socket.abort()
                if reply == SHOWN:
                    return True
            time.sleep(0.1)
        return False

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.release()
