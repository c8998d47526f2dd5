"""``Store``: Flowin's database, and the repositories that keep each kind of thing in it.

``store.flows`` (saved flows and their versions), ``store.executions`` (the history of runs),
``store.inbox`` (accepted trigger events, seen items, trigger state), ``store.connections``
(connected accounts, never their secrets), ``store.insights`` (figures over the history for
the dashboard and the weekly report), ``store.sync`` (what the sync agreed with the cloud) and
``store.notifications`` (the bell's rows and the rules of who hears of what). Only this package
knows the tables; everything else asks a repository.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Any

from .. import paths
from . import _health
from ._connections import ConnectionRecords
from ._database import Database
from ._executions import Executions
from ._flows import Flows
from ._inbox import InboxRecords
from ._insights import InsightRecords
from ._notifications import NotificationRecords
from ._schema import SettingRow
from ._sync import SyncRecords

log = logging.getLogger(__name__)

LANGUAGE_SETTING = "language"


class Store:
    """Flowin's database: a SQLite file (``path``, by default the one in the data folder), or,
    given ``url``, a database on a server (PostgreSQL). Safe to share between threads; close it
    when done.

    The daily backup and the damage checks are of the SQLite file; a server keeps its own.
    """

    def __init__(self, path: str | Path | None = None, *, url: str | None = None) -> None:
        self.path: Path | None
        if url is None:
            self.path = Path(path) if path is not None else paths.database_path()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Before anything can write: each write into a damaged file may spread the damage.
            _health.require_sound(self.path)
            self._database = Database(f"sqlite:///{self.path}", self.path)
        else:
            self.path = None
            self._database = Database(url)
        self.flows = Flows(self._database)
        self.executions = Executions(self._database)
        self.inbox = InboxRecords(self._database)
        self.connections = ConnectionRecords(self._database)
        self.sync = SyncRecords(self._database)
        self.insights = InsightRecords(self._database)
        self.notifications = NotificationRecords(self._database)

    @property
    def write_patience(self) -> float:
        """Seconds a write other than the run history waits for a busy database."""
        return self._database.write_patience

    @write_patience.setter
    def write_patience(self, seconds: float) -> None:
        self._database.write_patience = seconds

    def close(self) -> None:
        self._database.close()

    def change_mark(self) -> int | None:
        """A number that differs from the last one asked whenever anyone (this process, the
        command line, another Flowin, the sync) committed a change in between; None when there
        is nothing to watch (a database server, or a closed store). Views poll it to know when
        to read the store again."""
        return self._database.change_mark()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def back_up_daily(self) -> Path | None:
        """Copy the database into ``backups/`` unless today's copy exists (the runtime asks at
        start and then every little while, so an app left running for weeks backs up daily).

        The file is checked first: found damaged, it is not copied, and the store takes no more
        writes. A backup that fails otherwise is logged: it must not stop Flowin from running.
        """
        if self.path is None or self._database.damage is not None:
            return None
        try:
            made = _health.back_up_daily(self.path)
        except _health.DatabaseDamaged as error:
            self._database.mark_damaged(error)
            return None
        except (OSError, sqlite3.Error):
            log.exception("Could not back up the database to %s", _health.backup_folder(self.path))
            return None
        return made.path if made is not None else None

    # Settings

    def language(self) -> str:
        """The language the user chose for Flowin ("en" or "ar"); the desktop sets it."""
        return str(self.get_setting(LANGUAGE_SETTING, "en"))

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self._database.reading() as session:
            row = session.get(SettingRow, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value: Any) -> None:
        with self._database.writing() as session:
            session.merge(SettingRow(key=key, value=value))
