"""Runs' ids: UUIDv7s, in the order the runs began, shown by their random end."""

import time
import uuid

from flowin_engine.run_ids import new_run_id, short_id


def test_a_run_id_is_a_uuid_version_7_that_begins_with_the_time_it_was_made():
    before = time.time_ns() // 1_000_000
    run_id = new_run_id()
    after = time.time_ns() // 1_000_000
    parsed = uuid.UUID(run_id)
    assert len(run_id) == 32 and run_id == parsed.hex
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    assert before <= int(run_id[:12], 16) <= after


def test_ids_of_runs_made_later_sort_after_and_none_repeats():
    earlier = [new_run_id() for _ in range(5000)]
    moment = int(earlier[-1][:12], 16)
    while time.time_ns() // 1_000_000 <= moment:  # the next millisecond, observed
        pass
    later = [new_run_id() for _ in range(5000)]
    assert max(earlier) < min(later)
    assert len(set(earlier + later)) == 10000


def test_runs_of_the_same_moment_are_told_apart_by_their_short_ids():
    ids = [new_run_id() for _ in range(2000)]
    assert len({run_id[:8] for run_id in ids}) < 5  # the time: shared
    assert len({short_id(run_id) for run_id in ids}) == 2000
    assert all(run_id.endswith(short_id(run_id)) for run_id in ids)
