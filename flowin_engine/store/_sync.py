"""What each flow last agreed with the cloud, and the conflicts waiting for the user.

Kept in the store (tables ``sync_state`` and ``sync_conflicts``), so a sync after a restart
knows what changed on either side since.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update

from ..model import utc_now
from ._database import Database
from ._schema import SyncConflictRow, SyncStateRow


@dataclass(frozen=True, slots=True)
class Agreed:
    """The cloud revision and the hash of the cloud form both sides last had, and this
    computer's version of the flow then (None: not known)."""

    remote_revision: int
    synced_hash: str
    local_version: int | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """A flow changed here and in the cloud. ``their_definition`` is None when it was
    deleted in the cloud."""

    flow_id: str
    their_revision: int
    their_definition: dict[str, Any] | None
    detected_at: datetime


class SyncRecords:
    """The sync state and sync conflicts tables."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def agreed(self) -> dict[str, Agreed]:
        with self._database.reading() as session:
            rows = session.scalars(select(SyncStateRow))
            return {
                row.flow_id: Agreed(row.remote_revision, row.synced_hash, row.local_version)
                for row in rows
            }

    def record(
        self,
        flow_id: str,
        remote_revision: int,
        synced_hash: str,
        local_version: int | None = None,
    ) -> None:
        """Both sides now hold this cloud form at this revision; any conflict on it is over.

        ``local_version`` is the flow's version here when ``synced_hash`` was taken, or an older
        one: never a newer one, or a change made in between would be taken for none.
        """
        with self._database.writing() as session:
            session.merge(
                SyncStateRow(
                    flow_id=flow_id,
                    remote_revision=remote_revision,
                    synced_hash=synced_hash,
                    local_version=local_version,
                    updated_at=utc_now(),
                )
            )
            session.execute(delete(SyncConflictRow).where(SyncConflictRow.flow_id == flow_id))

    def note_local_version(self, flow_id: str, local_version: int) -> None:
        """The flow, read again at ``local_version``, still has the agreed cloud form."""
        with self._database.writing() as session:
            session.execute(
                update(SyncStateRow)
                .where(SyncStateRow.flow_id == flow_id)
                .values(local_version=local_version)
            )

    def forget(self, flow_id: str) -> None:
        """The flow is gone on both sides."""
        with self._database.writing() as session:
            session.execute(delete(SyncStateRow).where(SyncStateRow.flow_id == flow_id))
            session.execute(delete(SyncConflictRow).where(SyncConflictRow.flow_id == flow_id))

    def forget_everything(self) -> None:
        """For a different account: nothing agreed with the previous one holds."""
        with self._database.writing() as session:
            session.execute(delete(SyncStateRow))
            session.execute(delete(SyncConflictRow))

    def add_conflict(
        self, flow_id: str, their_revision: int, their_definition: dict[str, Any] | None
    ) -> None:
        with self._database.writing() as session:
            session.merge(
                SyncConflictRow(
                    flow_id=flow_id,
                    their_revision=their_revision,
                    their_definition=their_definition,
                    detected_at=utc_now(),
                )
            )

    def conflicts(self) -> dict[str, Conflict]:
        with self._database.reading() as session:
            rows = session.scalars(select(SyncConflictRow))
            return {
                row.flow_id: Conflict(
                    row.flow_id, row.their_revision, row.their_definition, row.detected_at
                )
                for row in rows
            }
