"""The execution history store, on real SQLite files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from flowin_engine.errors import FlowinError, NotFound
from flowin_engine.events import (
    Event,
    EventBus,
    ExecutionFinished,
    ExecutionStarted,
    ExecutionStatus,
    StepFinished,
    StepSkipped,
    StepStarted,
    StepStatus,
)
from flowin_engine.model import Edge, Flow, FlowStatus, Node
from flowin_engine.store import Store, redact
from flowin_engine.store._schema import Base

MIGRATIONS = Path(__file__).parents[2] / "flowin_engine" / "store" / "migrations"
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "history.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened


def make_flow(name: str = "Send invoices", flow_id: str | None = None) -> Flow:
    fetch = Node(id="fetch", type="http.request", name="Fetch", params={"url": "https://x.test"})
    mail = Node(id="mail", type="email.send", name="Mail", params={"to": "a@b.test"})
    extra = {"id": flow_id} if flow_id else {}
    return Flow(
        name=name,
        nodes=[fetch, mail],
        edges=[Edge(source="fetch", target="mail")],
        **extra,
    )


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def started(
    execution_id: str, node_id: str, attempt: int = 1, iteration: int | None = None, **kw: Any
) -> StepStarted:
    return StepStarted(
        execution_id,
        node_id,
        kw.get("name", node_id.title()),
        kw.get("type", "http.request"),
        attempt,
        iteration,
        kw.get("input", {"n": 1}),
        kw.get("at", at(1)),
    )


def finished(
    execution_id: str,
    node_id: str,
    status: StepStatus = StepStatus.SUCCESS,
    attempt: int = 1,
    iteration: int | None = None,
    **kw: Any,
) -> StepFinished:
    return StepFinished(
        execution_id,
        node_id,
        kw.get("name", node_id.title()),
        kw.get("type", "http.request"),
        attempt,
        iteration,
        status,
        kw.get("input", {"n": 1}),
        kw.get("output", {"ok": True}),
        kw.get("port", "main"),
        kw.get("error"),
        kw.get("started_at", at(1)),
        kw.get("at", at(2)),
        kw.get("duration", 1.0),
    )


def begin(store: Store, flow: Flow, execution_id: str, **kw: Any) -> None:
    store.executions.begin_execution(
        execution_id,
        flow,
        kw.get("trigger_data", {"source": "test"}),
        kw.get("mode", "manual"),
        started_at=kw.get("started_at", T0),
    )


def finish(execution_id: str, flow: Flow, status: ExecutionStatus, **kw: Any) -> ExecutionFinished:
    return ExecutionFinished(
        execution_id,
        flow.id,
        status,
        kw.get("at", at(10)),
        kw.get("duration", 10.0),
        kw.get("error"),
        kw.get("failed_node"),
    )


# Migrations


def test_opening_a_new_file_creates_the_schema_at_the_head_revision(db_path: Path) -> None:
    Store(db_path).close()

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        tables = set(connection.dialect.get_table_names(connection))
    engine.dispose()
    assert head is not None
    assert current == head
    assert {"flows", "flow_versions", "executions", "steps", "settings"} <= tables


def test_migrations_match_the_orm_tables(db_path: Path) -> None:
    Store(db_path).close()

    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_the_database_is_in_wal_mode(db_path: Path) -> None:
    Store(db_path).close()

    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_reopening_a_database_keeps_its_data_and_does_not_migrate_again(db_path: Path) -> None:
    flow = make_flow()
    with Store(db_path) as first:
        first.flows.save(flow)
        first.set_setting("theme", "dark")
    with Store(db_path) as second:
        assert second.flows.get(flow.id) == flow
        assert second.get_setting("theme") == "dark"


def test_store_without_a_path_uses_the_data_folder(_isolated_data_dir: Path) -> None:
    with Store() as opened:
        assert opened.path == _isolated_data_dir / "flowin.db"
    assert (_isolated_data_dir / "flowin.db").exists()


# Flows and versions


def test_a_new_flow_is_saved_as_version_1_and_reads_back_equal(store: Store) -> None:
    flow = make_flow()

    assert store.flows.save(flow) == 1
    assert store.flows.get(flow.id) == flow
    assert [v.version for v in store.flows.versions(flow.id)] == [1]


def test_saving_an_unchanged_flow_keeps_its_version(store: Store) -> None:
    flow = make_flow()
    store.flows.save(flow)

    touched = flow.model_copy(update={"updated_at": at(3600)})
    assert store.flows.save(touched) == 1
    assert [v.version for v in store.flows.versions(flow.id)] == [1]


def test_changing_a_flow_saves_a_new_version_and_keeps_the_old_one(store: Store) -> None:
    flow = make_flow()
    store.flows.save(flow)
    edited = flow.model_copy(deep=True)
    edited.nodes[0].params["url"] = "https://changed.test"

    assert store.flows.save(edited) == 2
    assert store.flows.get(flow.id).nodes[0].params["url"] == "https://changed.test"
    assert store.flows.get_version(flow.id, 1).nodes[0].params["url"] == "https://x.test"
    assert store.flows.get_version(flow.id, 2) == edited
    assert [v.version for v in store.flows.versions(flow.id)] == [2, 1]
    assert all(v.saved_at.tzinfo is UTC for v in store.flows.versions(flow.id))


def test_pausing_a_flow_is_not_a_new_version(store: Store) -> None:
    flow = make_flow()
    store.flows.save(flow)

    store.flows.set_status(flow.id, FlowStatus.ACTIVE)
    assert store.flows.get(flow.id).status is FlowStatus.ACTIVE
    assert store.flows.save(flow.model_copy(update={"status": FlowStatus.PAUSED})) == 1
    assert store.flows.get(flow.id).status is FlowStatus.PAUSED


def test_missing_flow_and_version_say_what_is_missing(store: Store) -> None:
    with pytest.raises(NotFound, match=r"^There is no flow with id 'nope'\.$"):
        store.flows.get("nope")
    flow = make_flow()
    store.flows.save(flow)
    with pytest.raises(NotFound, match="has no version 7"):
        store.flows.get_version(flow.id, 7)


def test_find_flow_takes_an_id_or_an_exact_name(store: Store) -> None:
    flow = make_flow("Daily report")
    store.flows.save(flow)

    assert store.flows.find(flow.id).id == flow.id
    assert store.flows.find("Daily report").id == flow.id
    with pytest.raises(NotFound):
        store.flows.find("daily")


def test_find_flow_by_a_shared_name_asks_for_the_id(store: Store) -> None:
    first, second = make_flow("Twin"), make_flow("Twin")
    store.flows.save(first)
    store.flows.save(second)

    with pytest.raises(FlowinError, match="use the id") as raised:
        store.flows.find("Twin")
    assert first.id in str(raised.value) and second.id in str(raised.value)


def test_list_flows_counts_todays_runs_and_the_success_ratio(store: Store) -> None:
    busy, idle = make_flow("Busy"), make_flow("Idle")
    store.flows.save(busy)
    store.flows.save(idle)
    now = datetime.now(UTC)
    results = [ExecutionStatus.SUCCESS, ExecutionStatus.SUCCESS, ExecutionStatus.FAILED]
    for number, status in enumerate(results):
        begin(store, busy, f"run-{number}", started_at=now)
        store.executions.record([finish(f"run-{number}", busy, status, at=now)])
    begin(store, busy, "old-run", started_at=now - timedelta(days=3))
    begin(store, busy, "still-running", started_at=now)

    summaries = {s.name: s for s in store.flows.summaries()}
    assert summaries["Busy"].runs_today == 4
    assert summaries["Busy"].success_ratio == pytest.approx(2 / 3)
    assert summaries["Busy"].version == 1
    assert summaries["Idle"].runs_today == 0
    assert summaries["Idle"].success_ratio is None
    assert [s.name for s in store.flows.summaries()] == ["Busy", "Idle"]


# Recording executions


def realistic_run(execution_id: str, flow: Flow) -> list[Event]:
    """A trigger, a step that succeeds on its second attempt, a two-item loop, a skip, a failure."""
    return [
        ExecutionStarted(execution_id, flow.id, flow.name, {"source": "test"}, T0, "manual"),
        started(execution_id, "fetch", at=at(1)),
        finished(
            execution_id,
            "fetch",
            StepStatus.RETRYING,
            error="HTTP 503",
            port=None,
            output=None,
            started_at=at(1),
            at=at(1.5),
            duration=0.5,
        ),
        started(execution_id, "fetch", attempt=2, at=at(2)),
        finished(execution_id, "fetch", attempt=2, started_at=at(2), at=at(2.25), duration=0.25),
        started(execution_id, "each", iteration=0, at=at(3)),
        finished(execution_id, "each", iteration=0, started_at=at(3), at=at(3.1)),
        started(execution_id, "each", iteration=1, at=at(4)),
        finished(execution_id, "each", iteration=1, started_at=at(4), at=at(4.1)),
        StepSkipped(execution_id, "notify", "Notify", "slack.post", None, at(5)),
        started(execution_id, "mail", at=at(6)),
        finished(
            execution_id,
            "mail",
            StepStatus.FAILED,
            error="Mailbox full",
            port=None,
            output=None,
            started_at=at(6),
            at=at(7),
        ),
        finish(
            execution_id, flow, ExecutionStatus.FAILED, error="Mailbox full", failed_node="Mail"
        ),
    ]


def test_a_recorded_run_reads_back_with_its_steps_in_order(store: Store) -> None:
    flow = make_flow()
    store.flows.save(flow)
    begin(store, flow, "e1")

    store.executions.record(realistic_run("e1", flow))

    detail = store.executions.get("e1")
    assert (detail.status, detail.error, detail.failed_node) == (
        ExecutionStatus.FAILED,
        "Mailbox full",
        "Mail",
    )
    assert detail.flow_version == 1
    assert detail.finished_at == at(10)
    assert detail.duration_ms == pytest.approx(10_000)
    assert detail.trigger_data == {"source": "test"}
    assert [(s.node_id, s.iteration, s.attempt, s.status) for s in detail.steps] == [
        ("fetch", None, 1, StepStatus.RETRYING),
        ("fetch", None, 2, StepStatus.SUCCESS),
        ("each", 0, 1, StepStatus.SUCCESS),
        ("each", 1, 1, StepStatus.SUCCESS),
        ("notify", None, 0, StepStatus.SKIPPED),
        ("mail", None, 1, StepStatus.FAILED),
    ]
    retried, succeeded = detail.steps[0], detail.steps[1]
    assert retried.error == "HTTP 503"
    assert succeeded.output == {"ok": True}
    assert succeeded.port == "main"
    assert succeeded.duration_ms == pytest.approx(250)
    assert succeeded.started_at == at(2) and succeeded.finished_at == at(2.25)


def test_a_step_finished_in_a_later_batch_closes_its_running_row(store: Store) -> None:
    flow = make_flow()
    begin(store, flow, "e1")

    store.executions.record(
        [started("e1", "each", iteration=0), started("e1", "each", iteration=1)]
    )
    running = store.executions.get("e1").steps
    assert [s.status for s in running] == [StepStatus.RUNNING, StepStatus.RUNNING]
    store.executions.record([finished("e1", "each", iteration=1, output={"item": 1})])

    steps = store.executions.get("e1").steps
    assert [(s.iteration, s.status, s.output) for s in steps] == [
        (0, StepStatus.RUNNING, None),
        (1, StepStatus.SUCCESS, {"item": 1}),
    ]


def test_a_finished_step_that_never_started_is_inserted(store: Store) -> None:
    flow = make_flow()
    begin(store, flow, "e1")

    store.executions.record([finished("e1", "fetch", StepStatus.REUSED, output={"cached": True})])

    (step,) = store.executions.get("e1").steps
    assert (step.status, step.output) == (StepStatus.REUSED, {"cached": True})


def test_a_batch_is_written_all_or_nothing(store: Store) -> None:
    flow = make_flow()
    begin(store, flow, "e1")
    broken = finish("e1", flow, "no-such-status")  # type: ignore[arg-type]

    with pytest.raises(ValueError):
        store.executions.record([started("e1", "fetch"), broken])

    detail = store.executions.get("e1")
    assert (detail.status, detail.steps) == (ExecutionStatus.RUNNING, [])


def test_execution_started_alone_creates_the_run(store: Store) -> None:
    flow = make_flow()

    store.executions.record([ExecutionStarted("e1", flow.id, flow.name, None, T0, "webhook", "e0")])

    detail = store.executions.get("e1")
    assert (detail.status, detail.mode, detail.retry_of) == (
        ExecutionStatus.RUNNING,
        "webhook",
        "e0",
    )
    assert detail.flow_version is None


def test_events_of_an_unknown_run_are_dropped_without_losing_the_batch(store: Store) -> None:
    flow = make_flow()
    begin(store, flow, "known")

    store.executions.record([started("ghost", "fetch"), started("known", "fetch")])

    assert len(store.executions.get("known").steps) == 1


def test_a_run_of_an_edited_unsaved_flow_has_no_version(store: Store) -> None:
    flow = make_flow()
    store.flows.save(flow)
    edited = flow.model_copy(update={"name": "Edited, not saved"})

    begin(store, edited, "e1")

    assert store.executions.get("e1").flow_version is None


def test_secrets_in_step_data_and_trigger_are_masked_before_storage(store: Store) -> None:
    flow = make_flow()
    secret_input = {
        "url": "https://api.test",
        "headers": {"Authorization": "Bearer sk-abcdef123456789", "Accept": "json"},
        "bot_token": "123",
    }
    begin(store, flow, "e1", trigger_data={"headers": {"X-Api-Key": "key-1234567890abc"}})

    store.executions.record(
        [
            started("e1", "fetch", input=secret_input),
            finished("e1", "fetch", input=secret_input, output={"access_token": "tok"}),
        ]
    )

    detail = store.executions.get("e1")
    (step,) = detail.steps
    assert step.input == {
        "url": "https://api.test",
        "headers": {"Authorization": "Bear••••", "Accept": "json"},
        "bot_token": "••••",
    }
    assert step.output == {"access_token": "••••"}
    assert detail.trigger_data == {"headers": {"X-Api-Key": "key-••••"}}
    files = [store.path, Path(f"{store.path}-wal")]
    raw = b"".join(file.read_bytes() for file in files if file.exists())
    assert b"sk-abcdef123456789" not in raw


def test_values_json_cannot_encode_are_stored_as_text(store: Store) -> None:
    flow = make_flow()
    begin(store, flow, "e1", trigger_data={"when": T0, "blob": b"\x00\x01"})

    store.executions.record([finished("e1", "fetch", output={"when": T0, "name": "Zoë"})])

    detail = store.executions.get("e1")
    assert detail.trigger_data == {"when": str(T0), "blob": str(b"\x00\x01")}
    assert detail.steps[0].output == {"when": str(T0), "name": "Zoë"}


def test_times_are_returned_as_utc_whatever_zone_they_came_in(store: Store) -> None:
    flow = make_flow()
    paris = timezone(timedelta(hours=1))

    begin(store, flow, "e1", started_at=datetime(2025, 3, 1, 10, 0, tzinfo=paris))

    started_at = store.executions.get("e1").started_at
    assert started_at == T0
    assert started_at.tzinfo is UTC


# Listing and finding executions


def test_list_executions_filters_by_flow_status_and_date_newest_first(store: Store) -> None:
    invoices, reports = make_flow("Invoices"), make_flow("Reports")
    for day, (flow, status) in enumerate(
        [
            (invoices, ExecutionStatus.SUCCESS),
            (invoices, ExecutionStatus.FAILED),
            (reports, ExecutionStatus.SUCCESS),
            (invoices, ExecutionStatus.SUCCESS),
        ]
    ):
        begin(store, flow, f"run-{day}", started_at=T0 + timedelta(days=day))
        store.executions.record([finish(f"run-{day}", flow, status)])

    def ids(**filters: Any) -> list[str]:
        return [e.id for e in store.executions.summaries(**filters)]

    assert ids() == ["run-3", "run-2", "run-1", "run-0"]
    assert ids(flow_id=invoices.id) == ["run-3", "run-1", "run-0"]
    assert ids(status=ExecutionStatus.SUCCESS) == ["run-3", "run-2", "run-0"]
    assert ids(flow_id=invoices.id, status="failed") == ["run-1"]
    assert ids(since=T0 + timedelta(days=1), until=T0 + timedelta(days=3)) == ["run-2", "run-1"]
    assert ids(limit=2, offset=1) == ["run-2", "run-1"]
    summary = store.executions.summaries(limit=1)[0]
    assert (summary.flow_name, summary.mode, summary.status) == (
        "Invoices",
        "manual",
        ExecutionStatus.SUCCESS,
    )


def test_an_execution_can_be_found_by_a_unique_prefix_of_six_characters(store: Store) -> None:
    flow = make_flow()
    begin(store, flow, "a1b2c3d4e5f6")
    begin(store, flow, "a1b2c3ffffff")

    assert store.executions.get("a1b2c3d").id == "a1b2c3d4e5f6"
    with pytest.raises(FlowinError, match="more characters"):
        store.executions.get("a1b2c3")
    with pytest.raises(NotFound, match=r"^There is no execution with id 'a1b2c'\.$"):
        store.executions.get("a1b2c")
    with pytest.raises(NotFound):
        store.executions.get("zzzzzzzz")


def test_a_prefix_with_sql_wildcards_matches_only_literally(store: Store) -> None:
    begin(store, make_flow(), "abcdef123")

    with pytest.raises(NotFound):
        store.executions.get("abc%__")


# Start-up, retention, deletion


def orphan(store: Store, execution_id: str) -> None:
    """Make a run look as if the process that began it has died."""
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE executions SET owner = '999999999:1.000' WHERE id = ?", (execution_id,))


def test_mark_interrupted_closes_runs_left_running_by_a_crash(store: Store) -> None:
    flow = make_flow()
    begin(store, flow, "crashed")
    begin(store, flow, "done")
    orphan(store, "crashed")
    store.executions.record(
        [
            started("crashed", "fetch", at=at(1)),
            finished("crashed", "fetch", started_at=at(1), at=at(2)),
            started("crashed", "mail", at=at(3)),
            finish("done", flow, ExecutionStatus.SUCCESS),
        ]
    )

    assert store.executions.mark_interrupted() == 1

    crashed = store.executions.get("crashed")
    assert crashed.status is ExecutionStatus.INTERRUPTED
    assert crashed.error == "Flowin stopped while this run was in progress."
    assert crashed.finished_at == at(3)
    assert [s.status for s in crashed.steps] == [StepStatus.SUCCESS, StepStatus.FAILED]
    assert store.executions.get("done").status is ExecutionStatus.SUCCESS
    assert store.executions.mark_interrupted() == 0


def test_mark_interrupted_leaves_runs_of_a_live_process_alone(store: Store) -> None:
    flow = make_flow()
    begin(store, flow, "mine")
    begin(store, flow, "reused-pid")
    with sqlite3.connect(store.path) as db:
        # Same pid as a live process but another start time: the pid was reused after a crash.
        db.execute(
            "UPDATE executions SET owner = ? WHERE id = 'reused-pid'", (f"{os.getpid()}:1.000",)
        )

    assert store.executions.mark_interrupted() == 1
    assert store.executions.get("mine").status is ExecutionStatus.RUNNING
    assert store.executions.get("reused-pid").status is ExecutionStatus.INTERRUPTED


def test_prune_deletes_finished_runs_older_than_the_retention(store: Store) -> None:
    flow = make_flow()
    now = datetime.now(UTC)
    for name, age in [("old", 40), ("recent", 10), ("new", 0)]:
        begin(store, flow, name, started_at=now - timedelta(days=age))
        store.executions.record(
            [started(name, "fetch"), finish(name, flow, ExecutionStatus.SUCCESS)]
        )
    begin(store, flow, "old-but-waiting", started_at=now - timedelta(days=90))

    assert store.executions.prune() == 1
    assert {e.id for e in store.executions.summaries()} == {"recent", "new", "old-but-waiting"}

    store.set_setting("history_retention_days", 7)
    assert store.executions.prune() == 1
    assert store.executions.prune(older_than=timedelta(0)) == 1
    assert [e.id for e in store.executions.summaries()] == ["old-but-waiting"]


def test_delete_flow_removes_its_versions_runs_and_steps(store: Store, db_path: Path) -> None:
    doomed, kept = make_flow("Doomed"), make_flow("Kept")
    for flow, execution_id in [(doomed, "d1"), (kept, "k1")]:
        store.flows.save(flow)
        begin(store, flow, execution_id)
        store.executions.record([started(execution_id, "fetch")])

    store.flows.delete(doomed.id)

    with pytest.raises(NotFound):
        store.flows.get(doomed.id)
    with pytest.raises(NotFound):
        store.executions.get("d1")
    assert len(store.executions.get("k1").steps) == 1
    with sqlite3.connect(db_path) as connection:
        counts = [
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("flows", "flow_versions", "executions", "steps")
        ]
    assert counts == [1, 1, 1, 1]
    with pytest.raises(NotFound):
        store.flows.delete(doomed.id)


def test_settings_keep_any_json_value(store: Store) -> None:
    assert store.get_setting("missing", default=3) == 3
    store.set_setting("recent", ["a", "b"])
    store.set_setting("recent", {"files": ["c"]})
    assert store.get_setting("recent") == {"files": ["c"]}


# Redaction


@pytest.mark.parametrize(
    ("key", "value", "masked"),
    [
        ("Authorization", "Bearer sk-abcdef123456789", "Bear••••"),
        ("password", "hunter2", "••••"),
        ("PASSWD", "exactly12chr", "••••"),
        ("client_secret", "s3cr3t-value-0123", "s3cr••••"),
        ("bot_token", "12345:abcdefghijklmnop", "1234••••"),
        ("refreshToken", "r", "••••"),
        ("x-api-key", "k", "••••"),
        ("apikey", "k", "••••"),
        ("Set-Cookie", "session=1", "••••"),
        ("pin_password", 1234, "••••"),
    ],
)
def test_redact_masks_values_under_secret_looking_keys(key: str, value: Any, masked: str) -> None:
    assert redact({key: value}) == {key: masked}


def test_redact_leaves_other_values_and_token_counts_alone() -> None:
    data = {"url": "https://x.test", "total_tokens": 812, "max_tokens": 100, "count": 3}
    assert redact(data) == data


def test_redact_recurses_without_changing_its_input() -> None:
    data = {
        "items": [{"password": "p"}, ("plain", {"token": "t"})],
        "auth": {"password": None, "token": {"value": "abcdefghijklmnop", "enabled": True}},
    }
    before = repr(data)

    assert redact(data) == {
        "items": [{"password": "••••"}, ("plain", {"token": "••••"})],
        "auth": {"password": None, "token": {"value": "abcd••••", "enabled": True}},
    }
    assert repr(data) == before
    assert redact("just text") == "just text"


# Concurrency and crashes


def test_begin_execution_from_8_threads_while_the_bus_records(store: Store) -> None:
    flow = make_flow()
    store.flows.save(flow)
    bus = EventBus()
    bus.subscribe(store.executions.record)
    runs_per_thread = 25
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def worker(number: int) -> None:
        try:
            start.wait()
            for run in range(runs_per_thread):
                execution_id = f"t{number}-{run}"
                store.executions.begin_execution(execution_id, flow, {"n": run}, "schedule")
                bus.publish(
                    ExecutionStarted(execution_id, flow.id, flow.name, None, T0, "schedule")
                )
                bus.publish(started(execution_id, "fetch"))
                bus.publish(finished(execution_id, "fetch"))
                bus.publish(finish(execution_id, flow, ExecutionStatus.SUCCESS))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert bus.flush(timeout=60)
    bus.close()

    assert errors == []
    runs = store.executions.summaries(limit=1000)
    assert len(runs) == 8 * runs_per_thread
    assert {run.status for run in runs} == {ExecutionStatus.SUCCESS}
    for run in runs[:20]:
        assert [s.status for s in store.executions.get(run.id).steps] == [StepStatus.SUCCESS]


WRITER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from flowin_engine.events import (
        ExecutionFinished, ExecutionStatus, StepFinished, StepStarted, StepStatus,
    )
    from flowin_engine.model import Flow, Node
    from flowin_engine.store import Store

    store = Store(sys.argv[1])
    flow = Flow(name="Loop", nodes=[Node(id="n", type="core.noop", name="N")])
    store.flows.save(flow)
    run = 0
    while True:
        run += 1
        execution_id = f"run-{run:08d}"
        now = datetime.now(UTC)
        store.executions.begin_execution(execution_id, flow, {"payload": "x" * 2000}, "cli")
        store.executions.record([
            StepStarted(execution_id, "n", "N", "core.noop", 1, None, {"big": "y" * 5000}, now),
            StepFinished(execution_id, "n", "N", "core.noop", 1, None, StepStatus.SUCCESS,
                         {"big": "y" * 5000}, {"ok": run}, "main", None, now, now, 0.0),
            ExecutionFinished(execution_id, flow.id, ExecutionStatus.SUCCESS, now, 0.0),
        ])
        if run == 20:
            print("ready", flush=True)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_writer_killed_mid_write_leaves_a_readable_database(db_path: Path) -> None:
    repo = Path(__file__).parents[2]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(repo), os.environ.get("PYTHONPATH", "")]),
    }
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert writer.stdout is not None
        line = writer.stdout.readline()
        assert line.strip() == "ready", writer.stderr.read() if writer.stderr else ""
        # Let it get well into the loop, so the kill lands in the middle of some write.
        threading.Event().wait(0.5)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.communicate(timeout=10)
    assert writer.returncode == -signal.SIGKILL

    with Store(db_path) as reopened:
        runs = reopened.executions.summaries(limit=1_000_000)
        assert len(runs) >= 20
        for run in runs:
            detail = reopened.executions.get(run.id)
            assert detail.trigger_data == {"payload": "x" * 2000}
        reopened.executions.mark_interrupted()
        with sqlite3.connect(db_path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_schema_revision_constant_is_alembics_head() -> None:
    from alembic.config import Config

    from flowin_engine.store._database import MIGRATIONS, SCHEMA_REVISION

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_REVISION


def test_runs_finished_in_one_batch_each_keep_their_own_result(store: Store) -> None:
    flow = make_flow()
    for execution_id in ("ok", "broke", "stopped"):
        begin(store, flow, execution_id)

    store.executions.record(
        [
            finish("ok", flow, ExecutionStatus.SUCCESS, at=at(3), duration=3.0),
            finish(
                "broke",
                flow,
                ExecutionStatus.FAILED,
                at=at(4),
                duration=4.0,
                error="The service did not answer in time.",
                failed_node="Fetch",
            ),
            finish("stopped", flow, ExecutionStatus.CANCELLED, at=at(5), duration=5.0),
        ]
    )

    runs = {run.id: run for run in store.executions.summaries()}
    assert [
        (runs[i].status, runs[i].error, runs[i].failed_node, runs[i].finished_at)
        for i in ("ok", "broke", "stopped")
    ] == [
        (ExecutionStatus.SUCCESS, None, None, at(3)),
        (ExecutionStatus.FAILED, "The service did not answer in time.", "Fetch", at(4)),
        (ExecutionStatus.CANCELLED, None, None, at(5)),
    ]
    assert [runs[i].duration_ms for i in ("ok", "broke", "stopped")] == [3000, 4000, 5000]


def test_runs_begun_together_are_each_recorded_once_with_their_flow_version(
    store: Store,
) -> None:
    saved = make_flow("Saved")
    store.flows.save(saved)
    edited = saved.model_copy(update={"name": "Edited, not saved"})
    unsaved = make_flow("Never saved")

    def run(execution_id: str, flow: Flow, mode: str = "webhook") -> tuple[ExecutionStarted, Flow]:
        event = ExecutionStarted(execution_id, flow.id, flow.name, {"n": execution_id}, T0, mode)
        return event, flow

    store.executions.begin_executions([run("a", saved), run("b", edited), run("c", unsaved)])
    store.executions.begin_executions(
        [run("a", saved, mode="resumed")]
    )  # already recorded: left alone

    runs = {run.id: run for run in store.executions.summaries()}
    assert {i: (r.flow_name, r.flow_version, r.mode) for i, r in runs.items()} == {
        "a": ("Saved", 1, "webhook"),
        "b": ("Edited, not saved", None, "webhook"),
        "c": ("Never saved", None, "webhook"),
    }
    assert store.executions.get("b").trigger_data == {"n": "b"}
