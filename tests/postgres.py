"""A PostgreSQL schema of its own for a test: the cloud's tests and the store's contract run on it.

The server comes from FLOWIN_TEST_POSTGRES_URL (``.ci/run`` sets one up). Without it the
PostgreSQL cases are skipped, except under CI, where a missing server fails them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_URL_VARIABLE = "FLOWIN_TEST_POSTGRES_URL"
ENABLE_POSTGRES = (
    f"PostgreSQL case not run: set {POSTGRES_URL_VARIABLE}="
    "postgresql+psycopg://USER:PASSWORD@127.0.0.1/DATABASE (a role that may create schemas; "
    ".ci/run sets one up) to run the PostgreSQL cases too."
)


@contextmanager
def postgres_schema(prefix: str) -> Iterator[str]:
    """The URL of a fresh schema named ``prefix_…``, dropped with everything in it afterwards."""
    server_url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not server_url:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set, so PostgreSQL must be tested. {ENABLE_POSTGRES}")
        pytest.skip(ENABLE_POSTGRES)
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(server_url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
