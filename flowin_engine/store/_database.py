"""The database the store's tables live in, and the one way to read and write them.

On a computer: one SQLite file in WAL mode, ``synchronous=NORMAL``: a commit is on disk (in the
write-ahead log) before it returns. Copying the log into the main file (a checkpoint, with its
fsyncs) is left to a thread of its own (``_Checkpointer``), so no writer, and no caller waiting
for a writer, pays for it. Writes from the threads that start runs (many runs
in one transaction) and from the event bus thread (a batch of events) are serialized by a lock
in this process, take turns on one connection, and use ``BEGIN IMMEDIATE`` between processes
(the desktop app and the command line may share a file).

Another process may hold the file for longer than SQLite's busy timeout (a backup tool, a long
prune, a program reading it with a write lock): a write then waits and tries again with
back-off. The history of runs (their start and everything they record) waits as long as it
takes; other writes give up after ``write_patience`` with a sentence saying so
(``DatabaseBusy``), never silently.

The same tables also open on PostgreSQL (given a URL): what the repositories write is plain
SQLAlchemy Core, and the few places that differ by dialect ask this class.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, Table, create_engine, event, make_url, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.dml import Insert

from ..errors import FlowinError
from . import _health

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration's revision; a test keeps it equal to Alembic's head.
SCHEMA_REVISION = "0008"
SUPPORTED = ("sqlite", "postgresql")
_WRITE = "flowin_write"
BUSY_TIMEOUT_MS = 5000  # how long SQLite itself waits for a lock before each retry of ours
WRITE_PATIENCE = 120.0  # seconds a write other than the run history waits before giving up
_BUSY_WARNING_EVERY = 30.0
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CORRUPT, _SQLITE_NOTADB = 5, 6, 11, 26
# Seconds between the checkpointing thread's turns while the log grows, and at most when nothing
# is written (an idle app should not wake 50 times a second).
CHECKPOINT_EVERY = 0.02
CHECKPOINT_IDLE = 0.5
# A writer checkpoints by itself only past this many pages in the log (64 MiB of 4 KiB pages):
# the checkpointing thread keeps it far below, unless it stops or falls far behind.
WRITER_CHECKPOINT_PAGES = 16384


class DatabaseBusy(FlowinError):
    """Another program held the database for longer than a write could wait."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"Another program has kept Flowin's database busy for {seconds:.0f} seconds, so "
            "this change could not be saved; close other programs using it and try again."
        )


class Database:
    """Sessions on the store's database, brought to the newest schema when opened.

    ``path`` is the SQLite file (None on a database server). Safe to share between threads.
    """

    def __init__(self, url: str | URL, path: Path | None = None) -> None:
        self.url = make_url(url)
        self.path = path
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.url.get_backend_name() not in SUPPORTED:
            raise FlowinError(
                f"Flowin keeps its data in SQLite or PostgreSQL, not {self.url.get_backend_name()}."
            )
        self.damage: _health.DatabaseDamaged | None = None
        self.engine = (
            _create_sqlite_engine(self.url, self.mark_damaged)
            if self.is_sqlite
            else create_engine(self.url)
        )
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._write_lock = threading.Lock()
        # Writers take turns on one connection they keep: checking a connection out of the
        # pool and back (with its reset) for every transaction costs more than a small write.
        self._write_connection: Connection | None = None
        self._closed = False
        # A connection of its own that only asks whether the file changed (``change_mark``):
        # SQLite's data_version moves when any OTHER connection commits, so the writers here
        # and every other process are seen alike.
        self._watch_lock = threading.Lock()
        self._watch: sqlite3.Connection | None = None
        self._last_mark: int | None = None
        # Seconds a write other than the run history waits for a busy database.
        self.write_patience = WRITE_PATIENCE
        # The driver's placeholder, for the few statements written at the driver for speed.
        self._mark = "?" if self.engine.dialect.paramstyle == "qmark" else "%s"
        try:
            self._migrate()
        except Exception:
            self.engine.dispose()
            raise
        self._checkpointer = _Checkpointer(path) if self.is_sqlite and path else None

    def close(self) -> None:
        self._closed = True  # a write waiting for a busy database stops waiting
        if self._checkpointer is not None:
            self._checkpointer.stop()
        with self._write_lock:
            if self._write_connection is not None:
                self._write_connection.close()
                self._write_connection = None
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        self.engine.dispose()

    def change_mark(self) -> int | None:
        """A number that differs from the one before whenever a change was committed to the
        database in between, by this process or by another (the command line, a second Flowin,
        the sync). Cheap enough to ask every second; never waits for a lock. None when there is
        nothing to watch (a database server, or the store is closed)."""
        if not self.is_sqlite or self.path is None or self._closed:
            return None
        with self._watch_lock:
            try:
                if self._watch is None:
                    # timeout 0: the window asking must never wait behind a writer.
                    self._watch = sqlite3.connect(
                        self.path, timeout=0, check_same_thread=False, isolation_level=None
                    )
                (mark,) = self._watch.execute("PRAGMA data_version").fetchone()
            except sqlite3.Error as error:  # busy for a moment: ask again next time
                log.debug("Could not ask whether the database changed: %s", error)
                return self._last_mark
            self._last_mark = int(mark)
            return self._last_mark

    def reading(self) -> Session:
        """A session for reads."""
        return self._reader()

    @contextmanager
    def writing(self, wait_forever: bool = False) -> Iterator[Session]:
        """A write transaction, serialized with every other writer and committed on exit.

        Waits for a busy database ``write_patience`` seconds (or, with ``wait_forever``, as
        long as the store is open), then raises ``DatabaseBusy``.
        """
        with self._write_lock:
            if self.damage is not None:
                raise self.damage
            connection = self._begin_write(None if wait_forever else self.write_patience)
            try:
                with Session(
                    connection, expire_on_commit=False, join_transaction_mode="rollback_only"
                ) as session:
                    yield session
                    session.flush()
                connection.commit()
            except BaseException:
                # Start the next write on a fresh connection, whatever state this one is in.
                self._write_connection = None
                connection.close()
                raise

    def insert_new(self, table: Table) -> Insert:
        """An INSERT that leaves a row whose key is taken already as it is."""
        if self.is_sqlite:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            return sqlite_insert(table).on_conflict_do_nothing()
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table).on_conflict_do_nothing()

    def marks(self, count: int) -> str:
        """``count`` parameter placeholders for a statement run at the driver."""
        return ", ".join([self._mark] * count)

    def mark_damaged(self, error: BaseException) -> _health.DatabaseDamaged:
        """Damage found while open: from now on nothing more is written into the file."""
        if self.damage is None:
            log.error("The database %s turned out damaged: %s", self.where, error)
            self.damage = (
                error
                if isinstance(error, _health.DatabaseDamaged)
                else _health.DatabaseDamaged(self.where, [str(error)])
            )
        return self.damage

    @property
    def where(self) -> Path:
        """The file, or the server's address without its password, for messages and logs."""
        return self.path or Path(self.url.render_as_string(hide_password=True))

    def _begin_write(self, patience: float | None) -> Connection:
        """The write connection inside a transaction (SQLite: ``BEGIN IMMEDIATE``, once no
        other process writes)."""
        since = time.monotonic()
        delay, warned = 0.05, since
        while True:
            if self._write_connection is None:
                self._write_connection = self.engine.execution_options(**{_WRITE: True}).connect()
            connection = self._write_connection
            try:
                connection.begin()
                return connection
            except OperationalError as error:
                self._write_connection = None
                connection.close()
                if not _is_busy(error) or self._closed:
                    raise
                waited = time.monotonic() - since
                if patience is not None and waited >= patience:
                    raise DatabaseBusy(waited) from error
                if time.monotonic() - warned >= _BUSY_WARNING_EVERY:
                    warned = time.monotonic()
                    log.warning(
                        "Another program has held the database for %.0f s; still waiting to "
                        "write to %s",
                        waited,
                        self.where,
                    )
            time.sleep(delay)
            delay = min(delay * 2, 1.0)

    def _migrate(self) -> None:
        if self._schema_revision() == SCHEMA_REVISION:
            return
        # Alembic takes a good part of a second to import: only load it when there is work to do.
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
        with self._write_lock, self.engine.execution_options(**{_WRITE: True}).begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def _schema_revision(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError):  # no such table (SQLite, PostgreSQL)
            return None


def _create_sqlite_engine(url: URL, damaged: Callable[[BaseException], FlowinError]) -> Engine:
    engine = create_engine(url)

    @event.listens_for(engine, "handle_error")
    def _damage(context: ExceptionContext) -> FlowinError | None:
        # Damage met later than the check at open (a page read for the first time) reaches
        # the user as the same sentence, never as a driver error.
        code = getattr(context.original_exception, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return damaged(context.original_exception)
        return None

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's BEGIN (below) decide when transactions start, not the sqlite3 module.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # First, so the others may wait too.
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA wal_autocheckpoint = {WRITER_CHECKPOINT_PAGES}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # A writer takes the write lock up front: a reader that later writes could otherwise
        # fail at once with SQLITE_BUSY instead of waiting for busy_timeout.
        writes = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


class _Checkpointer:
    """A thread that copies the write-ahead log into the database file every
    ``CHECKPOINT_EVERY`` seconds while it grows, so that writers commit without checkpointing.

    Often and small, because a checkpoint's fsync holds up the writer: until the pages it
    flushes are on disk, the writer's next appends to the log wait for them (the kernel keeps
    pages under writeback stable). A quarter-second's worth of log at a time made one webhook
    answer in a hundred wait 5–6 ms at concurrency 1 and 30–50 ms at 16; a fiftieth of a
    second's worth, 2 ms and 8–9 ms (``bench/webhook_ab.py``). With nothing written, the turns
    slow down to one every ``CHECKPOINT_IDLE`` seconds.

    Checkpoints are PASSIVE: they never wait for, or hold up, a reader or a writer; what a
    reader still needs is copied at a later turn. Durability does not depend on them (a commit
    is in the log, on disk, before it returns); they keep the log short and the file current.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="flowin-checkpoint", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        try:
            connection = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            log.exception(
                "Could not open %s to checkpoint it; writers checkpoint instead", self._path
            )
            return
        pause, last_seen = CHECKPOINT_EVERY, None
        try:
            while not self._stopping.wait(pause):
                try:
                    _busy, in_log, copied = connection.execute(
                        "PRAGMA wal_checkpoint(PASSIVE)"
                    ).fetchone()
                except sqlite3.Error as error:
                    # Damage is reported by the reads and writes that meet it; a busy or
                    # failed turn is simply tried again at the next.
                    log.debug("Checkpoint of %s skipped: %s", self._path, error)
                    continue
                # Nothing new since the last turn, and all of it copied: the app is idle.
                idle = (in_log, copied) == last_seen and copied == in_log
                pause = min(pause * 2, CHECKPOINT_IDLE) if idle else CHECKPOINT_EVERY
                last_seen = (in_log, copied)
        finally:
            connection.close()


def _is_busy(error: OperationalError) -> bool:
    """Whether SQLite refused because another connection holds the database."""
    code = getattr(error.orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "locked" in str(error.orig) or "busy" in str(error.orig)
