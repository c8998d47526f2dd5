"""Alembic environment for the execution history.

The store runs the migrations itself when it opens a database, handing over its connection in
``config.attributes["connection"]``. Run by hand (``alembic -x db=PATH upgrade head`` with a
config whose script_location is this folder), a connection is made to the given file.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from flowin_engine.store._schema import Base


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can alter a table only by copying it
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    database = context.get_x_argument(as_dictionary=True).get("db")
    url = f"sqlite:///{database}" if database else context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("Give the database to migrate: alembic -x db=PATH upgrade head")
    engine = create_engine(url)
    try:
        with engine.begin() as own_connection:
            run_migrations(own_connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("Flowin's migrations run online only.")
run_migrations_online()
