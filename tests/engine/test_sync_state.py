"""What the store remembers between syncs, and the status the app shows."""

from __future__ import annotations

import sqlite3

import pytest

from flowin_engine.store import Agreed, Store
from flowin_engine.sync import StatusBoard, SyncStatus

from .builders import make_flow


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "flowin.db") as opened:
        yield opened


def test_agreement_is_remembered_across_restarts(tmp_path):
    with Store(tmp_path / "flowin.db") as first:
        first.sync.record("f1", 3, "abc")
    with Store(tmp_path / "flowin.db") as second:
        assert second.sync.agreed() == {"f1": Agreed(3, "abc")}


def test_a_deleted_flow_keeps_its_sync_state_so_the_deletion_can_be_sent(store):
    flow = make_flow([("Start", "core.manual_trigger", {})])
    store.flows.save(flow)
    store.sync.record(flow.id, 1, "abc")

    store.flows.delete(flow.id)

    assert flow.id in store.sync.agreed()


def test_a_conflict_is_kept_until_an_agreement_is_recorded(store):
    store.sync.add_conflict("f1", 4, {"name": "Theirs"})
    store.sync.add_conflict("f2", 7, None)

    pending = store.sync.conflicts()
    assert pending["f1"].their_definition == {"name": "Theirs"}
    assert pending["f2"].their_definition is None

    store.sync.record("f1", 5, "abc")
    assert set(store.sync.conflicts()) == {"f2"}


def test_forgetting_everything_is_for_another_account(store):
    store.sync.record("f1", 1, "abc")
    store.sync.add_conflict("f1", 2, None)

    store.sync.forget_everything()

    assert store.sync.agreed() == {} and store.sync.conflicts() == {}


def test_the_sync_tables_have_no_foreign_key_to_flows(store):
    with sqlite3.connect(store.path) as connection:
        for table in ("sync_state", "sync_conflicts"):
            assert connection.execute(f"PRAGMA foreign_key_list({table})").fetchall() == []


def test_status_listeners_hear_each_change_once_until_they_stop():
    board = StatusBoard()
    heard = []
    stop = board.subscribe(lambda status, detail: heard.append((status, detail)))

    board.set(SyncStatus.SYNCING)
    board.set(SyncStatus.SYNCING)
    board.set(SyncStatus.OFFLINE, "Flowin can't reach the cloud.")
    stop()
    board.set(SyncStatus.SYNCED)

    assert heard == [
        (SyncStatus.SYNCING, ""),
        (SyncStatus.OFFLINE, "Flowin can't reach the cloud."),
    ]
    assert board.status is SyncStatus.SYNCED


def test_a_failing_listener_does_not_stop_the_others():
    board = StatusBoard()
    heard = []
    board.subscribe(lambda status, detail: 1 / 0)
    board.subscribe(lambda status, detail: heard.append(status))

    board.set(SyncStatus.CONFLICT)

    assert heard == [SyncStatus.CONFLICT]
