"""Alembic environment for the cloud database.

The server runs the migrations itself on start, handing over its connection in
``config.attributes["connection"]``; by hand, give ``-x url=DATABASE_URL``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from flowin_cloud.models import Base


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
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise RuntimeError("Give the database to migrate: alembic -x url=DATABASE_URL upgrade head")
    engine = create_engine(url)
    try:
        with engine.begin() as own_connection:
            run_migrations(own_connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("Flowin's cloud migrations run online only.")
run_migrations_online()
