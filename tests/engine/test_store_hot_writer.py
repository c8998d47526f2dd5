"""The webhook path's writer (store/_hot.py) writes rows at the driver, with its own encoding of
times and data: what it writes reads back through the store exactly as the ORM's own rows do.

Real SQLite files; no mocks.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

from flowin_engine.store import InboxEvent, Store
from flowin_engine.store._hot import INSERT_INBOX, HotWriter, Job, sql_json, sql_time
from flowin_engine.store._inbox import PENDING

RIYADH = timezone(timedelta(hours=3))
NEW_YORK = timezone(timedelta(hours=-5))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "flowin.db") as store:
        yield store


def write_at_the_driver(store: Store, statements) -> None:
    writer = HotWriter(store._database)
    written = threading.Event()
    failure: list[BaseException] = []

    def then(error: BaseException | None) -> None:
        if error is not None:
            failure.append(error)
        written.set()

    writer.submit(Job(lambda: statements, then=then))
    assert written.wait(30)
    writer.close()
    assert not failure, failure


def test_times_written_at_the_driver_read_back_as_the_same_moments(store):
    """Moments on both sides of a second, a minute, a day and a year, with no microseconds,
    in another zone and naive (taken as UTC): each reads back as the same UTC moment, in the
    same order as the ORM sorts them."""
    base = datetime(2026, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC)
    moments = [
        base,
        base + timedelta(microseconds=1),  # a new year
        base - timedelta(microseconds=999_999),  # the same second, no microseconds
        datetime(2026, 3, 1, 0, 0, 0, 5, tzinfo=UTC),
        datetime(2026, 3, 1, 3, 0, 0, 5, tzinfo=RIYADH),  # the same moment as the one before
        datetime(2026, 2, 28, 19, 0, 0, 6, tzinfo=NEW_YORK),  # one microsecond later
        datetime(2026, 7, 4, 12, 30, 15, 250_000),  # naive: UTC already
        datetime(999, 1, 2, 3, 4, 5, 6, tzinfo=UTC),  # a year of three digits
        datetime.now(UTC),
    ]
    events = [
        InboxEvent(f"event-{index}", "flow", "webhook", {"n": index}, moment)
        for index, moment in enumerate(moments)
    ]
    write_at_the_driver(
        store,
        [
            (
                INSERT_INBOX,
                (
                    e.id,
                    e.flow_id,
                    e.source,
                    sql_json(e.payload),
                    PENDING,
                    sql_time(e.received_at),
                    None,
                ),
            )
            for e in events
        ],
    )
    # And the same events through the ORM, for the text each moment is kept as.
    store.inbox.add(
        [InboxEvent(f"orm-{e.id}", e.flow_id, e.source, e.payload, e.received_at) for e in events]
    )

    def as_utc(moment: datetime) -> datetime:
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)

    read = {event.id: event for event in store.inbox.unstarted()}
    for event in events:
        assert read[event.id].received_at == as_utc(event.received_at)
        assert read[event.id].payload == event.payload
    with store._database.engine.connect() as connection:
        texts = dict(connection.exec_driver_sql("SELECT id, received_at FROM inbox").all())
    for event in events:
        assert texts[event.id] == texts[f"orm-{event.id}"]
    assert sql_time(None) is None


# Turns among the processes of `flowin serve --processes N`, which share the database.


def _accepting(event: InboxEvent, **job) -> Job:
    """The job that writes ``event`` into the inbox, as the webhook path does."""
    row = (event.id, event.flow_id, event.source, sql_json(event.payload), PENDING)
    return Job(lambda: [(INSERT_INBOX, (*row, sql_time(event.received_at), None))], **job)


def _waiting_for_turn(lock_file) -> bool:
    """Whether /proc/locks shows someone waiting for a flock on ``lock_file``: a waiter's line
    has "->" after its number, and names the file as MAJOR:MINOR:INODE."""
    inode = lock_file.stat().st_ino
    with open("/proc/locks") as locks:
        for line in locks:
            fields = line.split()
            if fields[1:3] == ["->", "FLOCK"] and fields[6].endswith(f":{inode}"):
                return True
    return False


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="several processes serve on Linux only"
)
def test_jobs_queued_while_another_process_writes_wait_for_its_turn_then_commit_together(store):
    import fcntl

    writer_lock = store._database.path.with_name("flowin.db.writing")
    groups: list[list[str]] = []
    writer = HotWriter(store._database, on_committed=lambda items: groups.append(list(items)))
    other_process = os.open(writer_lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(other_process, fcntl.LOCK_EX)
    done = threading.Semaphore(0)
    try:
        events = [
            InboxEvent(f"queued-{n}", "flow", "webhook", {"n": n}, datetime.now(UTC))
            for n in range(4)
        ]

        def job(event: InboxEvent) -> Job:
            return _accepting(event, then=lambda error: done.release(), item=event.id)

        writer.submit(job(events[0]))
        deadline = time.monotonic() + 30
        while not _waiting_for_turn(writer_lock):
            assert time.monotonic() < deadline, "the writer never waited for its turn"
            time.sleep(0.01)
        # It waits for the turn before it begins: nothing of it is in the database yet.
        assert store.inbox.unstarted() == []
        for event in events[1:]:
            writer.submit(job(event))
    finally:
        fcntl.flock(other_process, fcntl.LOCK_UN)
        os.close(other_process)
    for _ in events:
        assert done.acquire(timeout=30)
    writer.close()
    assert groups == [[e.id for e in events]]  # what queued meanwhile joined the first
    assert sorted(e.id for e in store.inbox.unstarted()) == [e.id for e in events]


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="several processes serve on Linux only"
)
def test_a_writer_waiting_for_its_turn_has_made_its_rows_already(store):
    """The turn is spent committing: a writer that finds another process writing makes the
    rows of what it holds first, then waits."""
    import fcntl

    writer_lock = store._database.path.with_name("flowin.db.writing")
    writer = HotWriter(store._database)
    other_process = os.open(writer_lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(other_process, fcntl.LOCK_EX)
    event = InboxEvent("made-early", "flow", "webhook", {"n": 1}, datetime.now(UTC))
    made = threading.Event()
    written = threading.Event()
    accepting = _accepting(event)

    def build():
        made.set()
        return accepting.build()

    try:
        writer.submit(Job(build, then=lambda error: written.set()))
        deadline = time.monotonic() + 30
        while not _waiting_for_turn(writer_lock):
            assert time.monotonic() < deadline, "the writer never waited for its turn"
            time.sleep(0.01)
        assert made.is_set()
        assert store.inbox.unstarted() == []
    finally:
        fcntl.flock(other_process, fcntl.LOCK_UN)
        os.close(other_process)
    assert written.wait(30)
    writer.close()
    assert [e.id for e in store.inbox.unstarted()] == ["made-early"]


def test_two_processes_writers_on_one_database_write_every_job_once(store):
    """Two writers, as two processes of `serve --processes 2` have, fed from several threads."""
    writers = [HotWriter(store._database) for _ in range(2)]
    done = threading.Semaphore(0)
    per_thread = 150

    def feed(thread: int) -> None:
        writer = writers[thread % 2]
        for n in range(per_thread):
            event = InboxEvent(f"t{thread}-{n}", "flow", "webhook", {"n": n}, datetime.now(UTC))
            writer.submit(_accepting(event, then=lambda error: done.release()))

    threads = [threading.Thread(target=feed, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for _ in range(4 * per_thread):
        assert done.acquire(timeout=60)
    for writer in writers:
        writer.close()
    ids = [event.id for event in store.inbox.unstarted()]
    assert len(ids) == len(set(ids)) == 4 * per_thread


def test_an_event_taken_before_is_a_repeat_whose_item_is_not_handed_on(store):
    """Two processes sharing the database may both write one delivery's event: the insert
    that finds it there writes nothing, and its job says it was a repeat, in a group of its
    own or in one with the event's first write."""
    from flowin_engine.runtime._inbox import _insert

    handed_on: list[str] = []
    writer = HotWriter(store._database, lambda items: handed_on.extend(items))
    outcomes: dict[str, bool] = {}
    written = threading.Semaphore(0)

    def submit(name: str, event_id: str) -> None:
        event = InboxEvent(event_id, "flow-1", "webhook", {"n": name}, datetime.now(UTC))
        job = Job(_insert(event, once=True), item=name)

        def then(error: BaseException | None) -> None:
            assert error is None
            outcomes[name] = job.repeat
            written.release()

        job.then = then
        writer.submit(job)

    try:
        submit("first", "e" * 32)
        assert written.acquire(timeout=30)
        for name in ("again", "other", "again twice"):  # likely one group
            submit(name, "f" * 32 if name == "other" else "e" * 32)
        for _ in range(3):
            assert written.acquire(timeout=30)
    finally:
        writer.close()
    assert outcomes == {"first": False, "again": True, "other": False, "again twice": True}
    assert sorted(handed_on) == ["first", "other"]
    assert store.inbox.holds("e" * 32) and store.inbox.holds("f" * 32)


# Jobs submitted on an event loop (the webhook listener's, the relay's)


def _event(name: str) -> InboxEvent:
    return InboxEvent(name, "flow", "webhook", {"name": name}, datetime.now(UTC))


def test_jobs_submitted_on_a_loop_are_committed_on_that_loop_in_one_group(store):
    """What a loop's requests submit in one turn of the loop is one group, committed and handed
    on on the loop's own thread, and the waiting callers' futures are settled there."""
    import asyncio

    groups: list[tuple[list[str], int]] = []
    writer = HotWriter(
        store._database,
        on_committed=lambda items: groups.append((list(items), threading.get_ident())),
    )

    async def requests() -> list[bool]:
        loop = asyncio.get_running_loop()
        futures = []
        for n in range(5):
            future: asyncio.Future[bool] = loop.create_future()
            writer.submit(_accepting(_event(f"loop-{n}"), loop=loop, future=future, item=n))
            futures.append(future)
        return await asyncio.gather(*futures)

    try:
        repeats = asyncio.run(requests())
    finally:
        writer.close()
    assert repeats == [False] * 5
    # asyncio.run's loop runs on this thread; the writer's own thread never saw these
    assert groups == [([0, 1, 2, 3, 4], threading.get_ident())]
    assert sorted(e.id for e in store.inbox.unstarted()) == [f"loop-{n}" for n in range(5)]


def test_a_loop_never_waits_for_a_database_another_program_is_writing(store):
    """Another program holds the write lock: the loop goes on answering (a coroutine counting
    the loop's turns keeps counting) while its job waits on the writer's thread; once the
    lock is let go, the job is written, once."""
    import asyncio
    import sqlite3

    other_program = sqlite3.connect(store.path, isolation_level=None)
    other_program.execute("BEGIN IMMEDIATE")
    writer = HotWriter(store._database)
    turns = 0

    async def request() -> None:
        nonlocal turns
        loop = asyncio.get_running_loop()
        written: asyncio.Future[bool] = loop.create_future()
        writer.submit(_accepting(_event("blocked"), loop=loop, future=written))
        while turns < 50:  # the loop is free while the lock is held
            await asyncio.sleep(0.001)
            turns += 1
            assert not written.done()
        assert store.inbox.unstarted() == []
        other_program.execute("COMMIT")
        assert await asyncio.wait_for(written, 30) is False

    try:
        asyncio.run(request())
    finally:
        writer.close()
        other_program.close()
    assert [e.id for e in store.inbox.unstarted()] == ["blocked"]


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="several processes serve on Linux only"
)
def test_a_loop_never_waits_for_another_process_turn(store):
    """Another process of ``serve --processes N`` has the turn: the loop's group is handed to
    the writer's thread, which waits for the turn; the loop goes on meanwhile."""
    import asyncio
    import fcntl

    writer_lock = store._database.path.with_name("flowin.db.writing")
    other_process = os.open(writer_lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(other_process, fcntl.LOCK_EX)
    writer = HotWriter(store._database)

    async def request() -> None:
        loop = asyncio.get_running_loop()
        written: asyncio.Future[bool] = loop.create_future()
        writer.submit(_accepting(_event("after-the-turn"), loop=loop, future=written))
        while not _waiting_for_turn(writer_lock):  # the thread, not this loop, waits
            await asyncio.sleep(0.005)
        assert not written.done()
        fcntl.flock(other_process, fcntl.LOCK_UN)
        assert await asyncio.wait_for(written, 30) is False

    try:
        asyncio.run(asyncio.wait_for(request(), 60))
    finally:
        writer.close()
        os.close(other_process)
    assert [e.id for e in store.inbox.unstarted()] == ["after-the-turn"]


def test_jobs_of_a_loop_that_stopped_before_writing_them_are_written_at_close(store):
    """A loop stopped right after its requests submitted (the listener's, at a stop): close()
    writes what it left, so that no accepted event is lost."""
    import asyncio

    writer = HotWriter(store._database)
    loop = asyncio.new_event_loop()
    told: list[BaseException | None] = []
    try:
        loop.call_soon(lambda: writer.submit(_accepting(_event("left-behind"), then=told.append)))
        loop.call_soon(loop.stop)  # before the writer's turn of the loop comes
        loop.run_forever()
        assert store.inbox.unstarted() == []
    finally:
        writer.close()
        loop.close()
    assert told == [None]
    assert [e.id for e in store.inbox.unstarted()] == ["left-behind"]
