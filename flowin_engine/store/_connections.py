"""Connected accounts as the store keeps them: a label and non-secret details, never a secret
(the secret lives in the OS keyring, see ``flowin_engine.credentials``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select

from ._database import Database
from ._schema import ConnectionRow


@dataclass(frozen=True, slots=True)
class Connection:
    """A connected account as the app shows it: never its secret."""

    id: str
    connector: str
    label: str
    details: dict[str, Any]  # non-secret: account name, scopes
    created_at: datetime
    last_tested_at: datetime | None
    last_test_ok: bool | None

    def __repr__(self) -> str:
        return f"Connection({self.id!r}, {self.connector!r}, {self.label!r})"


class ConnectionRecords:
    """The connections table."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def add(
        self, connection_id: str, connector: str, label: str, details: dict[str, Any]
    ) -> Connection:
        now = datetime.now(UTC)
        row = ConnectionRow(
            id=connection_id,
            connector=connector,
            label=label,
            details=details,
            created_at=now,
            updated_at=now,
        )
        with self._database.writing() as session:
            session.add(row)
            session.flush()
            return _connection(row)

    def get(self, connection_id: str) -> Connection | None:
        with self._database.reading() as session:
            row = session.get(ConnectionRow, connection_id)
            return None if row is None else _connection(row)

    def list(self, connector: str | None = None) -> list[Connection]:
        """The connections (of one connector, if given), by connector and label."""
        query = select(ConnectionRow).order_by(ConnectionRow.connector, ConnectionRow.label)
        if connector is not None:
            query = query.where(ConnectionRow.connector == connector)
        with self._database.reading() as session:
            return [_connection(row) for row in session.scalars(query)]

    def touch(self, connection_id: str) -> None:
        """Note that the connection's secret changed now."""
        with self._database.writing() as session:
            row = session.get(ConnectionRow, connection_id)
            if row is not None:
                row.updated_at = datetime.now(UTC)

    def record_test(self, connection_id: str, ok: bool) -> None:
        with self._database.writing() as session:
            row = session.get(ConnectionRow, connection_id)
            if row is not None:
                row.last_tested_at = datetime.now(UTC)
                row.last_test_ok = int(ok)

    def remove(self, connection_id: str) -> None:
        with self._database.writing() as session:
            session.execute(delete(ConnectionRow).where(ConnectionRow.id == connection_id))


def _connection(row: ConnectionRow) -> Connection:
    return Connection(
        id=row.id,
        connector=row.connector,
        label=row.label,
        details=row.details or {},
        created_at=row.created_at,
        last_tested_at=row.last_tested_at,
        last_test_ok=None if row.last_test_ok is None else bool(row.last_test_ok),
    )
