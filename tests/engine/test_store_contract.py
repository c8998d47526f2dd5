"""One contract for the store's repositories, kept on every database the store opens: a SQLite
file, and PostgreSQL when FLOWIN_TEST_POSTGRES_URL is set (CI=1 makes a missing one fail).

Left out, as SQLite-only by design: the damage checks and daily backups of the file
(test_store_health.py), and waiting for another process's write lock (test_store_durability.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from flowin_engine.errors import FlowinError, NotFound
from flowin_engine.events import (
    ExecutionFinished,
    ExecutionStarted,
    ExecutionStatus,
    StepFinished,
    StepSkipped,
    StepStarted,
    StepStatus,
)
from flowin_engine.model import Flow, FlowStatus
from flowin_engine.runner import ExecutionHistory
from flowin_engine.store import (
    INTERRUPTED_ERROR,
    INTERRUPTED_STEP_ERROR,
    Agreed,
    InboxEvent,
    Store,
    VersionConflict,
)
from tests.postgres import postgres_schema

from .builders import make_flow

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:
    if request.param == "sqlite":
        with Store(tmp_path / "flowin.db") as opened:
            yield opened
        return
    with postgres_schema("flowin_store") as url, Store(url=url) as opened:
        yield opened


def a_flow(name: str = "Orders") -> Flow:
    return make_flow(
        [("Start", "core.manual_trigger", {}), ("Note", "core.no_op", {})],
        ["Start -> Note"],
        name=name,
    )


def started(execution_id: str, flow: Flow, at: datetime = T0, data: object = None):
    return ExecutionStarted(execution_id, flow.id, flow.name, data, at, "manual")


def finished(execution_id: str, flow: Flow, status: ExecutionStatus, at: datetime = T0):
    return ExecutionFinished(execution_id, flow.id, status, at + timedelta(seconds=2), 2.0)


def step_started(execution_id: str, node: str, at: datetime = T0) -> StepStarted:
    return StepStarted(execution_id, node, node, "core.no_op", 1, None, {"in": node}, at)


def step_finished(execution_id: str, node: str, at: datetime = T0) -> StepFinished:
    return StepFinished(
        execution_id,
        node,
        node,
        "core.no_op",
        1,
        None,
        StepStatus.SUCCESS,
        {"in": node},
        {"out": node},
        "main",
        None,
        at,
        at + timedelta(seconds=1),
        1.0,
    )


def test_a_flow_gets_a_new_version_only_when_it_changes(store: Store) -> None:
    flow = a_flow()
    assert store.flows.save(flow) == 1
    active = flow.model_copy(update={"status": FlowStatus.ACTIVE})
    assert store.flows.save(active) == 1
    renamed = active.model_copy(update={"name": "Orders 2"})
    assert store.flows.save(renamed, expected_version=1) == 2
    with pytest.raises(VersionConflict):
        store.flows.save(flow.model_copy(update={"name": "Stale"}), expected_version=1)

    assert store.flows.get(flow.id).name == "Orders 2"
    assert store.flows.get(flow.id).status == FlowStatus.ACTIVE
    assert store.flows.current_version(flow.id) == 2
    assert [v.version for v in store.flows.versions(flow.id)] == [2, 1]
    assert [(v.version, f.name) for v, f in store.flows.version_history(flow.id)] == [
        (2, "Orders 2"),
        (1, "Orders"),
    ]
    assert store.flows.get_version(flow.id, 1).name == "Orders"
    with pytest.raises(NotFound):
        store.flows.get_version(flow.id, 3)
    with pytest.raises(NotFound):
        store.flows.get("no-such-flow")


def test_flows_are_found_by_id_or_unique_name_and_listed_by_name(store: Store) -> None:
    zeta, alpha, twin_a, twin_b = a_flow("zeta"), a_flow("Alpha"), a_flow("Twin"), a_flow("Twin")
    for flow in (zeta, alpha, twin_a, twin_b):
        store.flows.save(flow)
    assert store.flows.find(alpha.id).id == alpha.id
    assert store.flows.find("zeta").id == zeta.id
    with pytest.raises(FlowinError, match="2 flows are named 'Twin'"):
        store.flows.find("Twin")
    with pytest.raises(NotFound):
        store.flows.find("Nobody")
    assert [s.name for s in store.flows.summaries()] == ["Alpha", "Twin", "Twin", "zeta"]

    store.flows.set_status(zeta.id, FlowStatus.ACTIVE)
    assert store.flows.active_versions() == {zeta.id: 1}
    assert store.flows.get(zeta.id).status == FlowStatus.ACTIVE


def test_a_flows_summary_counts_its_runs_of_today_and_how_many_succeeded(store: Store) -> None:
    flow = a_flow()
    store.flows.save(flow)
    now = datetime.now(UTC)
    runs = [("ok-1", ExecutionStatus.SUCCESS), ("ok-2", ExecutionStatus.SUCCESS)]
    runs += [("bad", ExecutionStatus.FAILED), ("going", None)]
    store.executions.begin_executions([(started(rid, flow, now), flow) for rid, _ in runs])
    store.executions.record(
        [finished(rid, flow, status, now) for rid, status in runs if status is not None]
    )
    (summary,) = store.flows.summaries()
    assert summary.runs_today == 4
    assert summary.success_ratio == pytest.approx(2 / 3)


def test_deleting_a_flow_takes_its_runs_and_events_and_its_sync_versions(store: Store) -> None:
    flow, other = a_flow(), a_flow("Other")
    store.flows.save(flow)
    store.flows.save(other)
    store.executions.begin_executions(
        [(started("run-1", flow), flow), (started("o", other), other)]
    )
    store.inbox.add([InboxEvent("waiting", flow.id, "webhook", {"n": 1}, T0)])
    store.sync.record(flow.id, 3, "hash", local_version=1)

    store.flows.delete(flow.id)

    with pytest.raises(NotFound):
        store.flows.get(flow.id)
    assert [s.id for s in store.executions.summaries()] == ["o"]
    assert not store.inbox.holds("waiting")
    assert store.sync.agreed() == {flow.id: Agreed(3, "hash", None)}
    with pytest.raises(NotFound):
        store.flows.delete(flow.id)


def test_a_run_is_recorded_once_with_the_saved_version_it_ran(store: Store) -> None:
    flow = a_flow()
    store.flows.save(flow)
    edited = flow.model_copy(update={"description": "not saved"})
    store.inbox.add([InboxEvent("run-1", flow.id, "webhook", {"big": "body"}, T0)])
    store.executions.begin_executions(
        [(started("run-1", flow, data={"order": 7}), flow), (started("run-2", edited), edited)]
    )
    # Begun again (a resumed run): the first record stays as it was.
    store.executions.begin_executions([(started("run-1", flow, data={"order": 8}), flow)])

    first, second = store.executions.get("run-1"), store.executions.get("run-2")
    assert (first.flow_version, first.trigger_data, first.status) == (
        1,
        {"order": 7},
        ExecutionStatus.RUNNING,
    )
    assert second.flow_version is None  # the run's flow differs from every saved version
    assert store.executions.recorded(["run-1", "run-2", "run-3"]) == {"run-1", "run-2"}
    # The run holds the event's data now; the inbox no longer keeps a copy.
    assert store.inbox.unstarted() == []
    assert store.inbox.forget_started() == 1
    assert not store.inbox.holds("run-1")


def test_a_runs_events_become_its_steps_whatever_batches_they_come_in(store: Store) -> None:
    flow = a_flow()
    history: ExecutionHistory = store.executions
    history.begin_executions([(started("run-1", flow), flow)])
    later = T0 + timedelta(seconds=5)
    history.record(
        [
            step_started("run-1", "Start"),
            step_finished("run-1", "Start"),
            step_started("run-1", "Note", later),
            StepStarted("nobody", "x", "x", "core.no_op", 1, None, None, T0),  # not recorded
        ]
    )
    running = store.executions.get("run-1")
    assert [(s.node_id, s.status) for s in running.steps] == [
        ("Start", StepStatus.SUCCESS),
        ("Note", StepStatus.RUNNING),
    ]
    history.record(
        [
            step_finished("run-1", "Note", later),
            StepSkipped("run-1", "Tail", "Tail", "core.no_op", None, later),
            finished("run-1", flow, ExecutionStatus.SUCCESS, later),
        ]
    )
    done = store.executions.get("run-1")
    assert done.status == ExecutionStatus.SUCCESS
    assert done.duration_ms == pytest.approx(2000.0)
    assert done.finished_at == later + timedelta(seconds=2)
    assert [(s.node_id, s.status, s.output) for s in done.steps] == [
        ("Start", StepStatus.SUCCESS, {"out": "Start"}),
        ("Note", StepStatus.SUCCESS, {"out": "Note"}),
        ("Tail", StepStatus.SKIPPED, None),
    ]
    assert store.executions.recorded(["nobody"]) == set()


def test_runs_are_listed_newest_first_filtered_and_found_by_a_unique_end_or_start(
    store: Store,
) -> None:
    flow, other = a_flow(), a_flow("Other")
    ids = ["abcdef-1", "abcdef-2", "abcxyz-3"]
    store.executions.begin_executions(
        [(started(rid, flow, T0 + timedelta(hours=n)), flow) for n, rid in enumerate(ids)]
        + [(started("other-run", other, T0 - timedelta(hours=1)), other)]
    )
    store.executions.record([finished("abcdef-2", flow, ExecutionStatus.FAILED)])

    assert [s.id for s in store.executions.summaries(flow_id=flow.id)] == ids[::-1]
    assert [s.id for s in store.executions.summaries(status="failed")] == ["abcdef-2"]
    window = store.executions.summaries(
        since=T0 + timedelta(hours=1), until=T0 + timedelta(hours=2)
    )
    assert [s.id for s in window] == ["abcdef-2"]
    assert [s.id for s in store.executions.summaries(limit=2, offset=1)] == [
        "abcdef-2",
        "abcdef-1",
    ]
    assert store.executions.get("abcxyz").id == "abcxyz-3"
    assert store.executions.get("cdef-1").id == "abcdef-1"  # the end, as runs are shown
    with pytest.raises(FlowinError, match="Several executions"):
        store.executions.get("abcdef")
    with pytest.raises(NotFound):
        store.executions.get("abc")  # too short to stand for an id
    with pytest.raises(NotFound):
        store.executions.get("zzzzzzzz")


def test_a_parked_run_waits_and_others_are_marked_interrupted(store: Store) -> None:
    flow = a_flow()
    store.executions.begin_executions(
        [(started(rid, flow), flow) for rid in ("parked", "going", "mine")]
    )
    store.executions.record([step_started("going", "Note", T0 + timedelta(seconds=3))])
    wake_at = T0 + timedelta(days=1)
    store.executions.park("parked", "Wait", wake_at, {"loops": [], "port": "main"})

    assert [
        (p.execution_id, p.node_id, p.wake_at, p.state["port"]) for p in store.executions.parked()
    ] == [("parked", "Wait", wake_at, "main")]
    assert store.executions.get("parked").status == ExecutionStatus.WAITING
    # Without ids, runs of a Flowin process still alive (this one) are left alone.
    assert store.executions.mark_interrupted() == 0
    assert store.executions.mark_interrupted(["going", "parked"]) == 1

    going = store.executions.get("going")
    assert (going.status, going.error) == (ExecutionStatus.INTERRUPTED, INTERRUPTED_ERROR)
    assert going.finished_at == T0 + timedelta(seconds=3)
    assert [(s.status, s.error) for s in going.steps] == [
        (StepStatus.FAILED, INTERRUPTED_STEP_ERROR)
    ]
    store.executions.unpark("parked", "Wait")
    assert store.executions.parked() == []
    assert store.executions.get("parked").status == ExecutionStatus.RUNNING


def test_pruning_drops_old_finished_runs_with_their_events(store: Store) -> None:
    flow = a_flow()
    old = datetime.now(UTC) - timedelta(days=40)
    runs = [("old-done", old), ("old-going", old), ("new-done", datetime.now(UTC))]
    store.inbox.add([InboxEvent("old-done", flow.id, "webhook", None, old)])
    store.executions.begin_executions([(started(rid, flow, at), flow) for rid, at in runs])
    store.executions.record(
        [finished(rid, flow, ExecutionStatus.SUCCESS, at) for rid, at in runs if "done" in rid]
    )
    store.set_setting("history_retention_days", 0)
    assert store.executions.prune() == 0  # 0 keeps everything
    store.set_setting("history_retention_days", 30)
    assert store.executions.prune() == 1
    assert {s.id for s in store.executions.summaries()} == {"old-going", "new-done"}
    assert not store.inbox.holds("old-done")
    assert store.executions.prune(timedelta(0)) == 1


def test_accepted_events_wait_in_the_inbox_until_their_run_begins(store: Store) -> None:
    flow = a_flow()
    events = [
        InboxEvent("second", flow.id, "webhook", {"n": 2}, T0 + timedelta(seconds=1)),
        InboxEvent("first", flow.id, "schedule", None, T0),
    ]
    store.inbox.add(events)
    assert [e.id for e in store.inbox.unstarted()] == ["first", "second"]
    assert store.inbox.unstarted()[1] == events[0]
    assert store.inbox.holds("first") and not store.inbox.holds("third")
    store.executions.begin_executions([(started("first", flow), flow)])
    assert [e.id for e in store.inbox.unstarted()] == ["second"]
    assert store.inbox.forget_started() == 1
    assert store.inbox.holds("second") and not store.inbox.holds("first")


def test_a_poll_queues_each_item_once_and_keeps_its_cursor(store: Store) -> None:
    flow_id, node_id = "flow", "poller"
    assert store.inbox.record_poll(flow_id, node_id, [("a", {"n": 1})], "c1", False) == []
    assert store.inbox.trigger_value(flow_id, node_id, "cursor") == "c1"
    items = [("a", {"n": 1}), ("b", {"n": 2}), ("b", {"n": 2}), ("c", {"n": 3})]
    queued = store.inbox.record_poll(flow_id, node_id, items, {"page": 2}, True)
    assert [e.payload for e in queued] == [{"n": 2}, {"n": 3}]
    assert {e.source for e in queued} == {"polling"}
    assert [e.id for e in store.inbox.unstarted()] == [e.id for e in queued]
    assert store.inbox.trigger_value(flow_id, node_id, "cursor") == {"page": 2}
    # Another trigger of the same flow sees the same keys afresh.
    assert len(store.inbox.record_poll(flow_id, "other", [("a", 1)], None, True)) == 1

    assert store.inbox.trigger_value(flow_id, node_id, "token", "none") == "none"
    store.inbox.set_trigger_value(flow_id, node_id, "token", "t1")
    store.inbox.set_trigger_value(flow_id, node_id, "token", "t2")
    assert store.inbox.trigger_value(flow_id, node_id, "token") == "t2"


def test_connected_accounts_are_kept_listed_tested_and_removed(store: Store) -> None:
    slack = store.connections.add("c-slack", "slack", "Shop Slack", {"team": "Cairo"})
    store.connections.add("c-mail", "email", "Orders mailbox", {})
    store.connections.add("c-ads", "email", "Ads mailbox", {})
    assert store.connections.get("c-slack") == slack
    assert (slack.details, slack.last_test_ok, slack.last_tested_at) == (
        {"team": "Cairo"},
        None,
        None,
    )
    assert [c.id for c in store.connections.list()] == ["c-ads", "c-mail", "c-slack"]
    assert [c.id for c in store.connections.list("slack")] == ["c-slack"]

    store.connections.record_test("c-mail", False)
    store.connections.touch("c-mail")
    tested = store.connections.get("c-mail")
    assert tested is not None and tested.last_test_ok is False
    assert tested.last_tested_at is not None
    store.connections.remove("c-mail")
    store.connections.remove("c-mail")  # already gone: nothing to do
    assert store.connections.get("c-mail") is None


def test_what_the_sync_agreed_and_its_conflicts_are_kept(store: Store) -> None:
    store.sync.record("f1", 3, "abc")
    store.sync.record("f2", 1, "def", local_version=4)
    store.sync.note_local_version("f1", 2)
    assert store.sync.agreed() == {"f1": Agreed(3, "abc", 2), "f2": Agreed(1, "def", 4)}

    store.sync.add_conflict("f1", 4, {"name": "Theirs"})
    store.sync.add_conflict("f2", 7, None)
    conflicts = store.sync.conflicts()
    assert (conflicts["f1"].their_revision, conflicts["f1"].their_definition) == (
        4,
        {"name": "Theirs"},
    )
    assert conflicts["f2"].their_definition is None
    store.sync.record("f1", 5, "ghi")  # agreed again: its conflict is over
    assert set(store.sync.conflicts()) == {"f2"}
    store.sync.forget("f2")
    assert set(store.sync.agreed()) == {"f1"} and store.sync.conflicts() == {}
    store.sync.add_conflict("f1", 6, None)
    store.sync.forget_everything()
    assert store.sync.agreed() == {} and store.sync.conflicts() == {}


def test_settings_keep_any_json_value(store: Store) -> None:
    assert store.get_setting("missing", 5) == 5
    assert store.language() == "en"
    store.set_setting("language", "ar")
    store.set_setting("shop", {"name": "متجر ليلى", "hours": [9, 17]})
    assert store.language() == "ar"
    assert store.get_setting("shop") == {"name": "متجر ليلى", "hours": [9, 17]}


def test_a_database_the_store_has_no_contract_with_is_refused_before_it_is_touched() -> None:
    with pytest.raises(FlowinError, match="SQLite or PostgreSQL, not mysql"):
        Store(url="mysql://flowin:secret@127.0.0.1/flowin")


# Notifications.


def test_notifications_bundle_count_read_hold_and_read_the_history(store: Store) -> None:
    from flowin_engine.store import new_notification

    records = store.notifications
    flow = a_flow()
    store.flows.save(flow)
    first = records.add(
        new_notification(
            "failure",
            "«Orders» failed",
            "Boom.",
            at=T0,
            flow_id=flow.id,
            execution_id="e1",
            problem={"template": "Boom.", "args": {}},
            data={"link": "flowin://run/e1"},
            bundle_key="failure:x",
        ),
        bundle_since=T0 - timedelta(hours=1),
    )
    records.set_told(first.id, 1, {**first.data, "told_at": T0.isoformat()})
    again = records.add(
        new_notification(
            "failure", "«Orders» failed", "Boom again.", at=T0 + timedelta(minutes=5),
            flow_id=flow.id, execution_id="e2", data={"link": "flowin://run/e2"},
            bundle_key="failure:x",
        ),
        bundle_since=T0,
    )  # fmt: skip
    assert (again.id, again.count, again.execution_id, again.text) == (
        first.id,
        2,
        "e2",
        "Boom again.",
    )
    assert again.data == {"link": "flowin://run/e2", "told_at": T0.isoformat()}
    assert [n.id for n in records.untold("failure")] == [first.id]
    other = records.add(new_notification("silence", "Quiet", "No run.", at=T0, read=True))
    assert records.unread_count() == 1
    assert [n.id for n in records.list(unread_only=True)] == [first.id]
    assert [n.id for n in records.list()] == [first.id, other.id]
    assert [n.id for n in records.mark_read([first.id, other.id])] == [first.id]
    assert records.unread_count() == 0
    records.add(new_notification("summary", "Today", "Fine.", at=T0))
    assert records.mark_all_read() == 1

    records.set_rule(None, {"language": "ar"})
    records.set_rule(flow.id, {"events": {"failure": False}})
    assert records.rules() == {None: {"language": "ar"}, flow.id: {"events": {"failure": False}}}
    records.set_rule(flow.id, None)
    assert records.rules() == {None: {"language": "ar"}}

    records.update_flow_state(flow.id, failures=2, failing_since=T0)
    assert records.failing_flows() == [flow.id]
    assert records.flow_state(flow.id).failing_since == T0

    records.hold(first.id, {"kind": "sms"}, "en", T0, T0 + timedelta(hours=8))
    assert records.held(due_by=T0 + timedelta(hours=7)) == []
    (held,) = records.held(due_by=T0 + timedelta(hours=8))
    assert (held.notification.id, held.channel, held.release_at) == (
        first.id, {"kind": "sms"}, T0 + timedelta(hours=8)
    )  # fmt: skip
    records.release([held.id])
    assert records.held() == []

    store.executions.begin_executions([(started("r1", flow, T0), flow)])
    store.executions.record([finished("r1", flow, ExecutionStatus.FAILED, T0)])
    store.executions.begin_executions([(started("r2", flow, T0 + timedelta(hours=1)), flow)])
    store.executions.record([finished("r2", flow, ExecutionStatus.SUCCESS, T0)])
    counts = records.run_counts(flow.id, T0 - timedelta(hours=1), T0 + timedelta(days=1))
    assert (counts.total, counts.failed) == (2, 1)
    assert records.last_run_at([flow.id, "never"]) == {flow.id: T0 + timedelta(hours=1)}
    assert records.prune(T0 + timedelta(days=91)) == 3
