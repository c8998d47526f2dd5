"""The webhook path's writer (store/_hot.py) writes rows at the driver, with its own encoding of
times and data: what it writes reads back through the store exactly as the ORM's own rows do.

Real SQLite files; no mocks.
"""

from __future__ import annotations

import threading
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
