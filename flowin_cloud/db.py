"""The database: the engine for a URL, sessions, and the migrations applied on start."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


def connect(url: str) -> Engine:
    """An engine for ``url``; SQLite files get their folder, foreign keys and WAL."""
    parsed = make_url(url)
    # A database error is logged with its exception, which would otherwise quote the values
    # being written: webhook bodies and headers, token hashes, sealed secrets.
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # With WAL, NORMAL loses no committed data when the server crashes (only on power loss).
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    return engine


def migrate(engine: Engine) -> None:
    """Brings the schema to the newest revision (a new database gets every table)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def set_once(
    session: Session, column: InstrumentedAttribute[Any], row_id: str, moment: datetime
) -> bool:
    """Sets the timestamp ``column`` of the row ``row_id`` while it is still empty; True only
    for the caller that did. One UPDATE, so two requests racing for it cannot both win."""
    model = column.class_
    changed = session.execute(
        update(model).where(model.id == row_id, column.is_(None)).values({column.key: moment})
    ).rowcount
    return bool(changed == 1)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
