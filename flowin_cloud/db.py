"""The database: the engine for a URL, sessions, and the migrations applied on start."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
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


def reachable(engine: Engine) -> Engine:
    """``engine``, once it has connected; otherwise a ConfigurationError saying what to check
    (a server, scheduler or worker that cannot reach its database stops at start, in a sentence,
    not a traceback)."""
    from .config import ConfigurationError

    try:
        with engine.connect():
            pass
    except OperationalError as problem:
        cause = str(problem.orig or problem).strip().splitlines()[0]
        where = engine.url.render_as_string(hide_password=True)
        raise ConfigurationError(
            f"The database {where} cannot be reached ({cause}). Check that the database server "
            "is running and accepts connections from here, and that FLOWIN_CLOUD_DATABASE_URL "
            "(or --database-url) names it, with the right user and password."
        ) from None
    return engine


def migrate(engine: Engine) -> None:
    """Brings the schema to the newest revision (a new database gets every table)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    with reachable(engine).begin() as connection:
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
