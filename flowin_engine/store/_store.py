"""``Store``: Flowin's database, and the repositories that keep each kind of thing in it.

``store.flows`` (saved flows and their versions), ``store.executions`` (the history of runs),
``store.inbox`` (accepted trigger events, seen items, trigger state), ``store.connections``
(connected accounts, never their secrets) and ``store.sync`` (what the sync agreed with the
cloud). Only this package knows the tables; everything else asks a repository.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from .. import paths
from ..events import Event, ExecutionStarted, ExecutionStatus
from ..model import Flow, FlowStatus
from . import _health
from ._connections import ConnectionRecords
from ._database import Database
from ._executions import ExecutionDetail, Executions, ExecutionSummary, Parked
from ._flows import Flows, FlowSummary, FlowVersionInfo
from ._inbox import InboxRecords
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

    @property
    def write_patience(self) -> float:
        """Seconds a write other than the run history waits for a busy database."""
        return self._database.write_patience

    @write_patience.setter
    def write_patience(self, seconds: float) -> None:
        self._database.write_patience = seconds

    def close(self) -> None:
        self._database.close()

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

    # The flows and the history of runs, as the app and the command line have always asked for
    # them: each call is the repository's (``flows``, ``executions``).

    def save_flow(self, flow: Flow, expected_version: int | None = None) -> int:
        return self.flows.save(flow, expected_version)

    def get_flow(self, flow_id: str) -> Flow:
        return self.flows.get(flow_id)

    def find_flow(self, id_or_name: str) -> Flow:
        return self.flows.find(id_or_name)

    def list_flows(self) -> list[FlowSummary]:
        return self.flows.summaries()

    def flow_versions(self, flow_id: str) -> list[FlowVersionInfo]:
        return self.flows.versions(flow_id)

    def current_version(self, flow_id: str) -> int:
        return self.flows.current_version(flow_id)

    def flow_version_history(self, flow_id: str) -> list[tuple[FlowVersionInfo, Flow]]:
        return self.flows.version_history(flow_id)

    def get_flow_version(self, flow_id: str, version: int) -> Flow:
        return self.flows.get_version(flow_id, version)

    def delete_flow(self, flow_id: str) -> None:
        self.flows.delete(flow_id)

    def set_flow_status(self, flow_id: str, status: FlowStatus | str) -> None:
        self.flows.set_status(flow_id, status)

    def begin_execution(
        self,
        execution_id: str,
        flow: Flow,
        trigger_data: Any,
        mode: str,
        retry_of: str | None = None,
        started_at: datetime | None = None,
    ) -> None:
        self.executions.begin_execution(
            execution_id, flow, trigger_data, mode, retry_of, started_at
        )

    def begin_executions(self, runs: Sequence[tuple[ExecutionStarted, Flow]]) -> None:
        self.executions.begin_executions(runs)

    def record(self, events: Sequence[Event]) -> None:
        self.executions.record(events)

    def park(self, execution_id: str, node_id: str, wake_at: datetime, state: Any) -> None:
        self.executions.park(execution_id, node_id, wake_at, state)

    def unpark(self, execution_id: str, node_id: str) -> None:
        self.executions.unpark(execution_id, node_id)

    def parked(self) -> list[Parked]:
        return self.executions.parked()

    def list_executions(
        self,
        flow_id: str | None = None,
        status: ExecutionStatus | str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[ExecutionSummary]:
        return self.executions.summaries(flow_id, status, since, until, limit, offset)

    def get_execution(self, execution_id: str) -> ExecutionDetail:
        return self.executions.get(execution_id)

    def mark_interrupted(self, execution_ids: Collection[str] | None = None) -> int:
        return self.executions.mark_interrupted(execution_ids)

    def prune(self, older_than: timedelta | None = None) -> int:
        return self.executions.prune(older_than)
