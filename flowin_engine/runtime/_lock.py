"""One runtime per data folder: two would run every schedule twice and fight over the port."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import FlowinError


class AlreadyRunning(FlowinError):
    """Another Flowin (the app or ``flowin serve``) runs the flows of this data folder."""

    def __init__(self, folder: Path, pid: int | None) -> None:
        who = f" (process {pid})" if pid else ""
        super().__init__(
            f"Flowin is already running with this data folder{who}: {folder}. "
            "Only one Flowin at a time can run the flows of a data folder; "
            "stop the other one first."
        )
        self.folder = folder
        self.pid = pid


class DataFolderLock:
    """An operating-system lock on a file next to the database.

    The system lets go of it when the process ends, however it ends (even ``kill -9``), so a
    crash never leaves the folder locked. The holder's process id is kept in a second file,
    only to name it in the message: the lock file itself may be unreadable while held (Windows).
    """

    def __init__(self, database: Path) -> None:
        self.folder = database.parent
        self._lock = FileLock(database.with_name(database.name + ".lock"), thread_local=False)
        self._owner = database.with_name(database.name + ".pid")

    def acquire(self) -> None:
        """Take the lock, or raise AlreadyRunning naming the process that has it."""
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise AlreadyRunning(self.folder, self._holder()) from None
        self._owner.write_text(str(os.getpid()), encoding="ascii")

    def release(self) -> None:
        if not self._lock.is_locked:
            return
        with contextlib.suppress(OSError):
            self._owner.unlink()
        self._lock.release()

    def _holder(self) -> int | None:
        try:
            return int(self._owner.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return None
