"""The webhook path's writes (accepted events, whole runs done inline), committed in groups at
the driver: one thread with its own sqlite3 connection takes everything queued at that moment
and commits it in one transaction, so many requests share one write of the log.

SQLAlchemy's session and its Python side cost more than the small writes themselves on this
path (a few hundred microseconds a request against tens): here the statements are plain SQL,
the values encoded as the ORM columns encode them (``UTCDateTime``, ``JSONText``), so what is
read back through the ORM is the same.

Jobs submitted on an event loop (the webhook listener's, the relay's) are committed on that
loop, once per turn of the loop, together with what its other requests submitted in the same
turn: the request's answer waits for the commit anyway, and handing the group to another thread
and back (a wake-up of each, and the two taking the GIL from each other) cost more CPU than the
commit itself. Measured with ``bench/webhook_ab.py --processes 2`` against the thread alone: at
one caller, 2 242 → 2 918 answers a second and 0.42 → 0.32 ms of CPU each ("respond when
done"); at 16 callers, about the same. When the database can't be written at once there
(another process of ours is committing, another program holds it, this process's own ORM
writer is in a transaction) the group goes to the writer's thread, which waits as long as it
takes: a loop never waits for a lock. Jobs submitted off any loop go to the thread too.
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
    """Commits jobs in groups, on the event loop that submitted them or on its own thread;
    ``on_committed(items)`` gets, once per group and where it was committed, the ``item`` of each
    job written."""

    def __init__(
        self, database: Database, on_committed: Callable[[list[Any]], None] | None = None
    ) -> None:
        if not database.is_sqlite or database.path is None:
            raise ValueError("The hot path writes to a SQLite file only.")
        self._database = database
        self.on_committed = on_committed
        self._queue: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._closed = False
        # Held by whoever commits a group (the thread or a loop): one group at a time, and the
        # process's turn among the other processes taken by one of them at a time.
        self._writing = threading.Lock()
        self._connection = self._connect(BUSY_TIMEOUT_MS / 1000)
        # A loop never waits for a lock another program holds: it gives its group to the thread.
        self._loop_connection = self._connect(0)
        self._on_loops: dict[asyncio.AbstractEventLoop, list[Job]] = {}
        self._turns = _WriterTurns(database.path)  # type: ignore[arg-type]
        self._thread = threading.Thread(target=self._run, name="flowin-writer", daemon=True)
        self._thread.start()

    def submit(self, job: Job) -> None:
        if self._closed:
            self._tell([(job, _stopping())])
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._queue.put(job)
            return
        waiting = self._on_loops.get(loop)
        if waiting is None:
            # Each loop's own list, touched by that loop's thread only (and by close).
            waiting = self._on_loops[loop] = []
            loop.call_soon(self._write_on_loop, loop)
        waiting.append(job)

    def close(self) -> None:
        """Write what is queued, then stop."""
        if self._closed:
            return
        self._closed = True
        # What a loop had not written yet (it stopped first) is written by the thread.
        for loop in list(self._on_loops):
            for job in self._on_loops.pop(loop, ()):
                self._queue.put(job)
        self._queue.put(None)
        self._thread.join(timeout=30)
        with self._writing:
            self._connection.close()
            self._loop_connection.close()
        self._turns.close()

    def _connect(self, timeout: float) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self._database.path,  # type: ignore[arg-type]
            isolation_level=None,
            check_same_thread=False,
            timeout=timeout,
        )
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(f"PRAGMA wal_autocheckpoint = {WRITER_CHECKPOINT_PAGES}")
        return connection

    def _write_on_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        """Commit what was submitted on ``loop`` since its last turn, here if the database can
        be written at once, else on the thread."""
        group = self._on_loops.pop(loop, None)
        if not group:
            return
        if self._closed:  # submitted while close() ran: the thread that would write it is gone
            self._tell([(job, _stopping()) for job in group])
            return
        built: list[tuple[Job, Sequence[Statement]]] = []
        outcomes: list[tuple[Job, BaseException | None]] = []
        self._build(group, built, outcomes)
        written = turn = False
        if built and self._writing.acquire(blocking=False):
            try:
                # Another process's turn is waited for on the thread, not here: the loop
                # answers other requests meanwhile.
                turn = self._turns.take(wait=False)
                try:
                    written = turn and self._commit(built, self._loop_connection, wait=False)
                except sqlite3.Error as error:
                    log.debug("A group is written on the writer's thread instead: %s", error)
                except BaseException as error:  # never leave a caller waiting
                    log.exception("Could not write %d job(s)", len(built))
                    outcomes += [(job, error) for job, _ in built]
                    built = []
                finally:
                    if turn:
                        self._turns.give()
            finally:
                self._writing.release()
        if written:
            outcomes += [(job, None) for job, _ in built]
        else:
            for job, statements in built:
                job.build = lambda statements=statements: statements
                self._queue.put(job)
        self._tell(outcomes)

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
            if not self._writing.acquire(blocking=False):
                # A loop is writing: what is queued is made ready meanwhile.
                stopping = self._gather(group, built, outcomes) or stopping
                self._writing.acquire()
            try:
                if not self._turns.take(wait=False):
                    # Another process is writing: what is queued is made ready meanwhile, so
                    # that the turn, once ours, is spent committing.
                    stopping = self._gather(group, built, outcomes) or stopping
                    self._turns.take()
                try:
                    # What arrived while another process had its turn joins this group.
                    stopping = self._gather(group, built, outcomes) or stopping
                    outcomes = self._write(built, outcomes)
                finally:
                    self._turns.give()
            finally:
                self._writing.release()
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
        self._build(group[len(built) + len(outcomes) :], built, outcomes)
        return stopping

    @staticmethod
    def _build(
        jobs: Sequence[Job],
        built: list[tuple[Job, Sequence[Statement]]],
        outcomes: list[tuple[Job, BaseException | None]],
    ) -> None:
        for job in jobs:
            try:
                built.append((job, job.build()))
            # data that can't be written (nested too deeply, say); never leave a caller waiting
            except BaseException as error:
                log.exception("Could not prepare a write")
                outcomes.append((job, error))

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
            self._commit(built, self._connection)
        except sqlite3.Error as error:
            if len(built) == 1 or isinstance(error, sqlite3.OperationalError):
                log.error("Could not write %d job(s): %s", len(built), error)
                return outcomes + [(job, error) for job, _ in built]
            # One of them may be to blame (a duplicate id): each is written alone.
            for job, statements in built:
                try:
                    self._commit([(job, statements)], self._connection)
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

    def _commit(
        self,
        built: list[tuple[Job, Sequence[Statement]]],
        connection: sqlite3.Connection,
        wait: bool = True,
    ) -> bool:
        """Commit ``built`` in one transaction; without ``wait``, only if the database can be
        written at once (False, with nothing written, when it can't)."""
        # An insert that may find its row there is made alone, first, to tell its job whether
        # it inserted anything; nothing else of a job that was a repeat is written.
        once: list[tuple[Job, str, tuple[Any, ...]]] = []
        for job, statements in built:
            job.repeat = False
            for sql, params in statements:
                if sql.startswith(INSERT_ONCE):
                    once.append((job, sql, params))
        database = self._database
        # never against this process's own ORM writer
        if not database._write_lock.acquire(blocking=wait):
            return False
        try:
            if database.damage is not None:
                raise sqlite3.DatabaseError(str(database.damage))
            if wait:
                self._begin(connection)
            else:
                try:
                    connection.execute("BEGIN IMMEDIATE")
                except sqlite3.OperationalError as error:
                    if _busy(error):
                        return False
                    raise
            try:
                for job, sql, params in once:
                    job.repeat = connection.execute(sql, params).rowcount == 0
                for sql, rows in _by_kind(built).items():
                    if len(rows) == 1:
                        connection.execute(sql, rows[0])
                    else:
                        connection.executemany(sql, rows)
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        finally:
            database._write_lock.release()
        return True

    def _begin(self, connection: sqlite3.Connection) -> None:
        """``BEGIN IMMEDIATE``, waiting as long as it takes while another program writes: what
        comes here is an accepted event or the only record of a run. The turn among our
        processes is let go of while waiting: the other processes write meanwhile if they
        can."""
        delay = 0.05
        while True:
            try:
                connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not _busy(error) or self._database._closed:
                    raise
                log.warning("The database is busy; still waiting to write: %s", error)
            self._turns.give()
            time.sleep(delay)
            self._turns.take()
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
        try:
            here = asyncio.get_running_loop()
        except RuntimeError:
            here = None
        for loop, futures in by_loop.items():
            if loop is here:
                _settle(futures)
                continue
            with contextlib.suppress(RuntimeError):  # a loop that has closed waits no more
                loop.call_soon_threadsafe(_settle, futures)
        if not items or self.on_committed is None:
            return
        if here is None:
            self._hand_on(items)
        else:
            # After the answers the settled futures let go, which come first in the loop's
            # queue: the run lines and the subscribers never hold up a caller.
            here.call_soon(self._hand_on, items)

    def _hand_on(self, items: list[Any]) -> None:
        assert self.on_committed is not None
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


def _by_kind(built: list[tuple[Job, Sequence[Statement]]]) -> dict[str, list[tuple[Any, ...]]]:
    """The statements of the jobs not found to be repeats, but their inserts-once (made
    already): those of one kind together (one executemany), kinds in the order they first
    come, so a run's row comes before its steps' rows."""
    by_sql: dict[str, list[tuple[Any, ...]]] = {}
    for job, statements in built:
        if job.repeat:
            continue
        for sql, params in statements:
            if sql.startswith(INSERT_ONCE):
                continue
            rows = by_sql.get(sql)
            if rows is None:
                by_sql[sql] = [params]
            else:
                rows.append(params)
    return by_sql


def _stopping() -> RuntimeError:
    return RuntimeError("Flowin is stopping; try again shortly.")


def _busy(error: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused because another connection holds the database."""
    return "locked" in str(error) or "busy" in str(error)


def _settle(futures: list[tuple[asyncio.Future[bool], BaseException | None, bool]]) -> None:
    for future, error, repeat in futures:
        if future.done():
            continue
        if error is None:
            future.set_result(repeat)
        else:
            future.set_exception(error)
