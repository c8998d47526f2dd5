"""The webhook path's writes (accepted events, whole runs done inline), committed in groups at
the driver: one thread with its own sqlite3 connection takes everything queued at that moment
and commits it in one transaction, so many requests share one write of the log.

SQLAlchemy's session and its Python side cost more than the small writes themselves on this
path (a few hundred microseconds a request against tens): here the statements are plain SQL,
the values encoded as the ORM columns encode them (``UTCDateTime``, ``JSONText``), so what is
read back through the ORM is the same.

A waiting caller on an event loop is woken once per group, not once per request.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

try:  # POSIX; elsewhere one process serves (supervisor.SHARED_PORT_SUPPORTED)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from ._database import BUSY_TIMEOUT_MS, WRITER_CHECKPOINT_PAGES, Database
from ._schema import StoredJSON, dump_json

log = logging.getLogger(__name__)

Statement = tuple[str, tuple[Any, ...]]
MAX_GROUP = 2000  # jobs in one transaction at most

# ``owner``: the process accepting it, which keeps it while it runs (see InboxRecords.adopt_unstarted).
INSERT_INBOX = (
    "INSERT INTO inbox (id, flow_id, source, payload, status, received_at, owner) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def sql_time(moment: datetime | None) -> str | None:
    """A datetime as ``UTCDateTime`` keeps it in SQLite (UTC, no zone, microseconds).

    The text up to the second is made once per second and kept (a run's times share it): a
    datetime's ``isoformat`` costs three times as much, and the writer makes several a run."""
    if moment is None:
        return None
    zone = moment.tzinfo
    if zone is not UTC and zone is not None:
        moment = moment.astimezone(UTC)
    second = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    text = _SECONDS.get(second)
    if text is None:
        if len(_SECONDS) >= 4096:
            _SECONDS.clear()
        year, month, day, hour, minute, sec = second
        text = _SECONDS[second] = (
            f"{year:04d}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}:{sec:02d}."
        )
    return f"{text}{moment.microsecond:06d}"


# The text of a moment up to its second, by (year, month, day, hour, minute, second).
_SECONDS: dict[tuple[int, int, int, int, int, int], str] = {}


def sql_json(value: Any) -> str | None:
    """A value as ``JSONText`` keeps it."""
    if value is None:
        return None
    if type(value) is StoredJSON:
        return str(value)
    return dump_json(value)


# An insert of a row that may be there already (an event id that may come again): when it
# inserts nothing, its job was a repeat.
INSERT_ONCE = "INSERT OR IGNORE "


class Job:
    """What one caller has written: statements (or a function making them on the writer's
    thread), and whom to tell once they are committed or failed.

    ``repeat``: set on the writer's thread when the job's ``INSERT OR IGNORE`` found its row
    there already (another process took the same event first): nothing of it was written, its
    ``item`` is not handed on, and its future's result is True (False for a job written)."""

    __slots__ = ("build", "future", "item", "loop", "repeat", "then")

    def __init__(
        self,
        build: Callable[[], Sequence[Statement]],
        *,
        loop: asyncio.AbstractEventLoop | None = None,
        future: asyncio.Future[bool] | None = None,
        then: Callable[[BaseException | None], None] | None = None,
        item: Any = None,
    ) -> None:
        self.build = build
        self.loop = loop
        self.future = future
        self.then = then
        self.item = item  # handed to ``on_committed`` with the others of its group
        self.repeat = False


class HotWriter:
    """Commits jobs in groups on its own thread; ``on_committed(items)`` gets, once per group and
    on that thread, the ``item`` of each job written."""

    def __init__(
        self, database: Database, on_committed: Callable[[list[Any]], None] | None = None
    ) -> None:
        if not database.is_sqlite or database.path is None:
            raise ValueError("The hot path writes to a SQLite file only.")
        self._database = database
        self.on_committed = on_committed
        self._queue: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._closed = False
        self._connection = self._connect()
        self._turns = _WriterTurns(database.path)  # type: ignore[arg-type]
        self._thread = threading.Thread(target=self._run, name="flowin-writer", daemon=True)
        self._thread.start()

    def submit(self, job: Job) -> None:
        if self._closed:
            error = RuntimeError("Flowin is stopping; try again shortly.")
            self._tell([(job, error)])
            return
        self._queue.put(job)

    def close(self) -> None:
        """Write what is queued, then stop."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(None)
        self._thread.join(timeout=30)
        self._connection.close()
        self._turns.close()

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self._database.path,  # type: ignore[arg-type]
            isolation_level=None,
            check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(f"PRAGMA wal_autocheckpoint = {WRITER_CHECKPOINT_PAGES}")
        return connection

    def _run(self) -> None:
        stopping = False
        while not stopping:
            first = self._queue.get()
            if first is None:
                break
            group: list[Job] = [first]
            built: list[tuple[Job, Sequence[Statement]]] = []
            outcomes: list[tuple[Job, BaseException | None]] = []
            stopping = self._gather(group, built, outcomes)
            if not self._turns.take(wait=False):
                # Another process is writing: what is queued is made ready meanwhile, so that
                # the turn, once ours, is spent committing.
                stopping = self._gather(group, built, outcomes) or stopping
                self._turns.take()
            try:
                # What arrived while another process had its turn joins this group.
                stopping = self._gather(group, built, outcomes) or stopping
                outcomes = self._write(built, outcomes)
            finally:
                self._turns.give()
            self._tell(outcomes)  # after the turn: the other processes write meanwhile

    def _gather(
        self,
        group: list[Job],
        built: list[tuple[Job, Sequence[Statement]]],
        outcomes: list[tuple[Job, BaseException | None]],
    ) -> bool:
        """Add what is queued to ``group`` and make the statements of its jobs not made yet
        (those past ``built`` and ``outcomes``), failing a job whose statements can't be made;
        whether a stop was asked for meanwhile."""
        stopping = self._take_queued(group)
        for job in group[len(built) + len(outcomes) :]:
            try:
                built.append((job, job.build()))
            # data that can't be written (nested too deeply, say); never leave a caller waiting
            except BaseException as error:
                log.exception("Could not prepare a write")
                outcomes.append((job, error))
        return stopping

    def _take_queued(self, group: list[Job]) -> bool:
        """Add what is queued to ``group``; whether a stop was asked for meanwhile."""
        while len(group) < MAX_GROUP:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                return False
            if job is None:
                return True
            group.append(job)
        return False

    def _write(
        self,
        built: list[tuple[Job, Sequence[Statement]]],
        outcomes: list[tuple[Job, BaseException | None]],
    ) -> list[tuple[Job, BaseException | None]]:
        """Commit what was built; what became of each job, to tell once the turn is over."""
        if not built:
            return outcomes
        try:
            self._commit(built)
        except sqlite3.Error as error:
            if len(built) == 1 or isinstance(error, sqlite3.OperationalError):
                log.error("Could not write %d job(s): %s", len(built), error)
                return outcomes + [(job, error) for job, _ in built]
            # One of them may be to blame (a duplicate id): each is written alone.
            for job, statements in built:
                try:
                    self._commit([(job, statements)])
                except sqlite3.Error as single:
                    log.error("Could not write a job: %s", single)
                    outcomes.append((job, single))
                    continue
                outcomes.append((job, None))
            return outcomes
        except BaseException as error:  # never leave a caller waiting
            log.exception("Could not write %d job(s)", len(built))
            return outcomes + [(job, error) for job, _ in built]
        return outcomes + [(job, None) for job, _ in built]

    def _commit(self, built: list[tuple[Job, Sequence[Statement]]]) -> None:
        # Statements of one kind together (one executemany), kinds in the order they first
        # come: a run's row before its steps' rows. An insert that may find its row there is
        # made alone, first, to tell its job whether it inserted anything.
        by_sql: dict[str, list[tuple[Any, ...]]] = {}
        once: list[tuple[Job, str, tuple[Any, ...]]] = []
        for job, statements in built:
            for sql, params in statements:
                if sql.startswith(INSERT_ONCE):
                    once.append((job, sql, params))
                    continue
                rows = by_sql.get(sql)
                if rows is None:
                    by_sql[sql] = [params]
                else:
                    rows.append(params)
        database = self._database
        with database._write_lock:  # never against this process's own ORM writer
            if database.damage is not None:
                raise sqlite3.DatabaseError(str(database.damage))
            self._begin()
            try:
                for job, sql, params in once:
                    job.repeat = self._connection.execute(sql, params).rowcount == 0
                for sql, rows in by_sql.items():
                    if len(rows) == 1:
                        self._connection.execute(sql, rows[0])
                    else:
                        self._connection.executemany(sql, rows)
                self._connection.execute("COMMIT")
            except BaseException:
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")
                raise

    def _begin(self) -> None:
        """``BEGIN IMMEDIATE``, waiting as long as it takes while another process writes: what
        comes here is an accepted event or the only record of a run."""
        delay = 0.05
        while True:
            try:
                self._connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                busy = "locked" in str(error) or "busy" in str(error)
                if not busy or self._database._closed:
                    raise
                log.warning("The database is busy; still waiting to write: %s", error)
            time.sleep(delay)
            delay = min(delay * 2, 1.0)

    def _tell(self, outcomes: list[tuple[Job, BaseException | None]]) -> None:
        """Answer the jobs: their ``then`` here, their futures once per event loop."""
        by_loop: dict[asyncio.AbstractEventLoop, list[tuple[Any, BaseException | None, bool]]] = {}
        items = []
        for job, error in outcomes:
            if job.then is not None:
                try:
                    job.then(error)
                except Exception:
                    log.exception("A write's follow-up failed")
            if job.future is not None and job.loop is not None:
                by_loop.setdefault(job.loop, []).append((job.future, error, job.repeat))
            if error is None and job.item is not None and not job.repeat:
                items.append(job.item)
        for loop, futures in by_loop.items():
            with contextlib.suppress(RuntimeError):  # a loop that has closed waits no more
                loop.call_soon_threadsafe(_settle, futures)
        if items and self.on_committed is not None:
            try:
                self.on_committed(items)
            except Exception:
                log.exception("Could not hand written events on")


class _WriterTurns:
    """Turns at writing among the processes of ``flowin serve --processes N``, which share one
    database: an exclusive ``flock`` on a file beside it, held while a group is committed. A
    writer that finds the turn taken makes its group's statements first, then waits.

    SQLite alone lets a writer that finds the database locked sleep and try again 1, 2, 5, 10 …
    100 ms later; two processes committing back to back kept one of them asleep past the other's
    commit, and one answer in a hundred took 50–120 ms. The kernel wakes a process waiting for a
    flock as soon as it is released, and the jobs that queued meanwhile join its group, so the
    turns go by at the pace of the commits, and a busier database gets larger groups rather
    than more of them. (Two processes, c=16, alternating rounds: p99 19–60 → 11–14 ms, p99.9
    49–101 → 20–30 ms, requests a second about the same or more; bench/README.md.)
    """

    def __init__(self, database: Path) -> None:
        self._fd: int | None = None
        if fcntl is not None:
            self._fd = os.open(
                database.with_name(database.name + ".writing"), os.O_RDWR | os.O_CREAT, 0o600
            )

    def take(self, wait: bool = True) -> bool:
        """Take the turn; without ``wait``, only if no other process has it."""
        if self._fd is None:
            return True
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True  # a wait is without the GIL

    def give(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _settle(futures: list[tuple[asyncio.Future[bool], BaseException | None, bool]]) -> None:
    for future, error, repeat in futures:
        if future.done():
            continue
        if error is None:
            future.set_result(repeat)
        else:
            future.set_exception(error)
