"""Webhook flows whose steps all run inline: run on the listener's event loop, each run written
whole, in groups, by the hot path's writer; the same history as a run through the pool."""

from __future__ import annotations

import sqlite3
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, replace
from datetime import UTC, datetime

import httpx
import pytest

from flowin_engine.events import ExecutionFinished, ExecutionStatus, StepFinished, StepStatus
from flowin_engine.model import Edge
from flowin_engine.runner import Runner, _walk_line

from .builders import make_flow
from .test_runtime import (
    REGISTRY,
    activate,
    finished,
    hook_flow,
    start_runtime,
    wait_for,
)
from .test_runtime_step_details import checked_order
from .testkit import operations as testkit


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    testkit.calls.clear()


@pytest.fixture
def store(tmp_path):
    from flowin_engine.store import Store

    with Store(tmp_path / "flowin.db") as store:
        yield store


@pytest.fixture
def runtime(store):
    runtime = start_runtime(store)
    yield runtime
    runtime.stop(grace=2)


def test_only_flows_whose_every_step_declares_it_run_inline():
    runner = Runner(REGISTRY)
    assert runner.plan(hook_flow()).inline
    with_a_service = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "x"}),
            ("Send", "testkit.send", {"key": "sent", "value": 1}),
        ],
        ["Webhook -> Send"],
    )
    with_a_delay = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "x"}),
            ("Wait", "core.delay", {"amount": 1, "unit": "seconds"}),
        ],
        ["Webhook -> Wait"],
    )
    assert not runner.plan(with_a_service).inline
    assert not runner.plan(with_a_delay).inline


def test_a_run_answered_inline_is_recorded_whole_with_secrets_masked(store, runtime):
    flow = activate(store, hook_flow(respond="when_done"))
    runtime.sync()
    reply = httpx.post(
        f"{runtime.address}/webhook/orders",
        json={"name": "Omar", "api_key": "sk_live_1234567890abcdef"},
        headers={"Authorization": "Bearer very-secret-token-123"},
    )
    assert reply.status_code == 201
    assert reply.json() == {"text": "Hello Omar"}

    (summary,) = store.executions.summaries()
    detail = finished(store, summary.id)  # written before the answer
    assert detail.status == ExecutionStatus.SUCCESS
    assert detail.mode == "webhook"
    assert detail.flow_version == store.flows.current_version(flow.id)
    assert detail.finished_at is not None and detail.duration_ms is not None
    assert [s.node_name for s in detail.steps] == ["Webhook", "Message", "Reply"]
    assert {s.status for s in detail.steps} == {StepStatus.SUCCESS}
    assert detail.steps[1].output == {"text": "Hello Omar"}
    assert detail.steps[1].input["params"] == {"fields": [{"name": "text", "value": "Hello Omar"}]}
    assert detail.steps[2].output["body"] == {"text": "Hello Omar"}
    assert detail.trigger_data["body"]["name"] == "Omar"
    whole = repr((detail.trigger_data, [(s.input, s.output) for s in detail.steps]))
    assert "very-secret-token-123" not in whole
    assert "sk_live_1234567890abcdef" not in whole


def test_an_event_of_an_inline_flow_is_run_and_written_whole_before_its_202(store, runtime):
    """ "Respond at once" for a flow that runs inline: the run is done and written before the
    202, so the run is its event's one record (no inbox row, no second write)."""
    activate(store, hook_flow())
    runtime.sync()
    for n in range(5):
        reply = httpx.post(f"{runtime.address}/webhook/orders", json={"name": f"n{n}"})
        assert reply.status_code == 202
        # read at once, without waiting: it was in the history before the answer left
        detail = store.executions.get(reply.json()["execution_id"])
        assert detail.status == ExecutionStatus.SUCCESS
        assert detail.trigger_data["body"] == {"name": f"n{n}"}
        assert detail.steps[1].output == {"text": f"Hello n{n}"}
    runtime.stop(grace=2)
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT count(*) FROM inbox").fetchone() == (0,)
    assert len(store.executions.summaries()) == 5


def test_a_delivery_with_an_id_of_an_inline_flow_goes_through_the_inbox_and_runs_once(
    store, runtime
):
    """An event with an id of its own (the relay's) is written to the inbox first, which tells
    a copy from a new event; it then runs inline, once, and the inbox lets go of its body."""
    import asyncio

    from flowin_engine.runtime._listener import answer_webhook
    from flowin_engine.webhooks import WebhookRequest

    activate(store, hook_flow())
    runtime.sync()
    route = runtime.route("/webhook/orders")
    assert route is not None and route.plan is not None

    async def deliver(event_id: str):
        incoming = WebhookRequest(
            method="POST",
            path="/webhook/orders",
            url="",
            headers={},
            query={},
            body=b'{"name": "Relayed"}',
        )
        return await answer_webhook(runtime, route, incoming, event_id=event_id)

    run_id = "e" * 32
    for _ in range(2):  # the relay sent it twice
        reply = asyncio.run_coroutine_threadsafe(deliver(run_id), runtime.listener.loop).result(30)
        assert reply.status == 202 and reply.body == {"execution_id": run_id}
    detail = finished(store, run_id)
    assert detail.status == ExecutionStatus.SUCCESS
    assert detail.steps[1].output == {"text": "Hello Relayed"}
    runtime.stop(grace=2)
    with sqlite3.connect(store.path) as db:
        inbox = db.execute("SELECT id, payload FROM inbox").fetchall()
    assert inbox == [(run_id, None)]  # the run holds the body now
    assert [s.id for s in store.executions.summaries()] == [run_id]


def test_an_accepted_events_body_is_in_its_runs_history_as_it_came_masked_where_secret(
    store, runtime
):
    """The inbox's copy of an accepted event's body is made once and is also the run's trigger
    data when nothing in it needs masking; a body with a secret is masked in the history only:
    the flow itself ran on the real value."""
    activate(store, hook_flow())
    runtime.sync()
    plain = {"name": "Layla", "note": "بعد المغرب", "lines": [{"qty": 2, "price": 12.5}], "x": None}
    secret = {"name": "Omar", "api_key": "sk_live_1234567890abcdef"}
    runs = {}
    for body in (plain, secret):
        reply = httpx.post(f"{runtime.address}/webhook/orders", json=body)
        assert reply.status_code == 202
        runs[body["name"]] = finished(store, reply.json()["execution_id"])
    for name, body in (("Layla", plain), ("Omar", {**secret, "api_key": "sk_l••••"})):
        detail = runs[name]
        assert detail.status == ExecutionStatus.SUCCESS
        assert detail.trigger_data["body"] == body
        webhook, message, _ = detail.steps
        assert webhook.input["data"] == webhook.output == message.input["data"]
        assert webhook.output == detail.trigger_data
        assert message.output == {"text": f"Hello {name}"}
    assert "sk_live_1234567890abcdef" not in repr(store.executions.get(runs["Omar"].id))


def test_a_failing_step_run_inline_is_recorded_as_failed_with_its_error(store, runtime):
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "stop", "respond": "when_done"}),
            ("Stop", "core.stop_with_error", {"message": "No order for {{ trigger.body.name }}"}),
        ],
        ["Webhook -> Stop"],
        name="Stops",
    )
    activate(store, flow)
    runtime.sync()
    reply = httpx.post(f"{runtime.address}/webhook/stop", json={"name": "Sara"})
    assert reply.status_code == 500
    assert "No order for Sara" in reply.json()["error"]
    (summary,) = store.executions.summaries()
    detail = store.executions.get(summary.id)
    assert detail.status == ExecutionStatus.FAILED
    assert detail.failed_node == "Stop"
    assert [s.status for s in detail.steps] == [StepStatus.SUCCESS, StepStatus.FAILED]


def test_the_apps_listeners_hear_of_inline_runs_and_the_history_writes_them_once(store):
    runtime = start_runtime(store)
    heard: list[ExecutionFinished] = []
    got = threading.Event()

    def listen(events):
        heard.extend(e for e in events if isinstance(e, ExecutionFinished))
        if len(heard) >= 20:
            got.set()

    runtime.runner.events.subscribe(listen)
    try:
        activate(store, hook_flow(respond="when_done"))
        runtime.sync()

        def send(n: int) -> httpx.Response:
            return httpx.post(f"{runtime.address}/webhook/orders", json={"name": f"n{n}"})

        with ThreadPoolExecutor(8) as pool:
            replies = list(pool.map(send, range(20)))
        assert [r.json() for r in replies] == [{"text": f"Hello n{n}"} for n in range(20)]
        assert got.wait(30)
        runtime.runner.events.flush()
    finally:
        runtime.stop(grace=2)
    runs = store.executions.summaries(limit=100)
    assert sorted(e.execution_id for e in heard) == sorted(r.id for r in runs)
    assert all(len(store.executions.get(r.id).steps) == 3 for r in runs)


def test_a_flow_at_its_concurrency_limit_or_with_a_backlog_still_runs_every_event(store):
    runtime = start_runtime(store)
    try:
        flow = hook_flow()
        flow.settings.max_concurrency = 1
        activate(store, flow)
        runtime.sync()

        def send(n: int) -> httpx.Response:
            return httpx.post(f"{runtime.address}/webhook/orders", json={"name": f"n{n}"})

        with ThreadPoolExecutor(8) as pool:
            replies = list(pool.map(send, range(40)))
        ids = [r.json()["execution_id"] for r in replies]
        for execution_id in ids:
            assert finished(store, execution_id).status == ExecutionStatus.SUCCESS
        wait_for(lambda: len(store.executions.summaries(limit=100)) == 40)
    finally:
        runtime.stop(grace=2)


def test_a_run_done_inline_is_recorded_as_the_pool_records_it(store):
    """The hot path's own SQL and its encoding of each value once give the same history as the
    store's batch writer: trigger data, each step's data and settings masked alike."""
    body = {"name": "Omar", "token": "tok_1234567890abcdef", "items": [{"id": 1, "password": "x"}]}
    payload = {
        "method": "POST",
        "headers": {"authorization": "Bearer abcdefghijklmnop"},
        "body": body,
    }
    inline = _recorded_inline_and_pooled(store, payload)
    assert "tok_1234567890abcdef" not in repr(inline)


def test_the_steps_of_an_inline_run_that_went_well_are_kept_in_its_row_as_they_happened(store):
    """One row a run on the webhook path: a run that ended well keeps its steps in its own row,
    each read back with the moments and the output it had; a run that failed keeps rows of
    its steps, where what looks for failed steps finds them."""
    from flowin_engine.events import StepFinished
    from flowin_engine.store._executions import finished_run_statements
    from flowin_engine.store._hot import HotWriter, Job

    flow = checked_order("when_done")
    flow.settings.steps_of_failed_runs_only = False  # every run keeps its steps
    store.flows.save(flow)
    runner = Runner(REGISTRY)
    plan = runner.plan(flow)
    finished_steps = {}
    writer = HotWriter(store._database)
    written = threading.Semaphore(0)
    for run_id, body in (("went-well", {"stop": False, "n": 1}), ("failed", {"stop": True})):
        _, events = runner.run_inline(plan, {"body": body}, mode="webhook", execution_id=run_id)
        finished_steps[run_id] = [e for e in events if isinstance(e, StepFinished)]
        writer.submit(
            Job(
                lambda events=events: finished_run_statements(events, 1, False),
                then=lambda error: written.release() if error is None else None,
            )
        )
    for _ in range(2):
        assert written.acquire(timeout=30)
    writer.close()

    with sqlite3.connect(store.path) as db:
        rows = dict(db.execute("SELECT id, packed_steps IS NOT NULL FROM executions"))
        step_rows = {r for (r,) in db.execute("SELECT DISTINCT execution_id FROM steps")}
    assert rows == {"went-well": 1, "failed": 0}
    assert step_rows == {"failed"}
    for run_id in ("went-well", "failed"):
        detail = store.executions.get(run_id)
        happened = finished_steps[run_id]
        ran = [s for s in detail.steps if s.status != StepStatus.SKIPPED]
        assert [(s.node_name, s.started_at, s.finished_at) for s in ran] == [
            (e.node_name, e.started_at, e.at) for e in happened
        ]
        assert [s.duration_ms for s in ran] == pytest.approx([e.duration * 1000 for e in happened])
    went_well = store.executions.get("went-well").steps
    assert [(s.node_name, s.status) for s in went_well] == [
        ("Webhook", StepStatus.SUCCESS),
        ("Check", StepStatus.SUCCESS),
        ("Stop", StepStatus.SKIPPED),
        ("Reply", StepStatus.SUCCESS),
    ]
    assert went_well[-1].output == finished_steps["went-well"][-1].output


@pytest.mark.parametrize(
    "body",
    [
        {"order_id": 1042, "paid": True, "note": None, "total": 250.5},
        {"lines": [{"sku": "A1", "qty": 2}, ["nested", [1, 2.5]]], "empty": {}, "none": []},
        {"id": 2**70, "small": -(2**63)},  # past 64 bits
        {"ratio": float("inf"), "low": -float("inf")},  # not JSON: json and orjson differ
        {1: "a number as a key"},
        {"at": datetime(2026, 12, 5, 9, 30, tzinfo=UTC)},
        {"pair": ("a", 1), "text": 'ليلى \u2028 \x00 "quoted"'},
        {"deep": {"api_key": "sk_live_abcdefghijkl", "fine": [{"Cookie": "c=1"}]}},
        {"lines": ["x" * 1000] * 300},  # over what the history keeps of a step: cut there
    ],
    ids=[
        "plain",
        "nested",
        "big-int",
        "infinite",
        "int-key",
        "date",
        "tuple-and-text",
        "secret",
        "big",
    ],
)
def test_a_run_done_inline_stores_any_data_as_the_pool_does(store, body):
    """Plain JSON data is encoded by orjson on the hot path; what orjson would write otherwise
    (or not at all) takes the ordinary way: either way it reads back as the pool's run."""
    _recorded_inline_and_pooled(store, {"method": "POST", "body": {"name": "Layla", **body}})


def test_a_webhook_body_is_written_once_and_read_back_wherever_the_run_used_it(store):
    """The body is the run's trigger data, the trigger's input and output and the next step's
    input: the hot path writes its JSON once, with the run, and each step refers to it; the
    history reads back as the pool's run, which writes it in full everywhere."""
    note = "deliver-after-sunset-7f3c"  # in the body only: no step copies it into its output
    payload = {"method": "POST", "body": {"name": "Layla", "note": note, "items": [1, 2, 3]}}
    _recorded_inline_and_pooled(store, payload)
    pooled, inline = _pooled_and_inline_ids(store)

    def copies_of_the_note(run_id: str) -> int:
        with sqlite3.connect(store.path) as db:
            (in_run,) = db.execute(
                "SELECT (instr(trigger_data, ?) > 0) + (instr(coalesce(packed_steps, ''), ?) > 0)"
                " FROM executions WHERE id = ?",
                (note, note, run_id),
            ).fetchone()
            (in_steps,) = db.execute(
                "SELECT coalesce(sum((instr(coalesce(input, ''), ?) > 0)"
                " + (instr(coalesce(output, ''), ?) > 0)), 0)"
                " FROM steps WHERE execution_id = ?",
                (note, note, run_id),
            ).fetchone()
        return in_run + in_steps

    assert copies_of_the_note(pooled) == 4
    assert copies_of_the_note(inline) == 1
    detail = store.executions.get(inline)
    webhook, message, _ = detail.steps
    assert webhook.input["data"] == webhook.output == message.input["data"] == payload
    assert list(webhook.input) == ["data", "params"]
    assert webhook.input["params"] == {"path": "orders", "respond": "when_done"}
    # Each step's data is its own: changing what one view shows leaves the others as read.
    webhook.output["body"]["name"] = "changed"
    assert message.input["data"]["body"]["name"] == "Layla"
    assert detail.trigger_data["body"]["name"] == "Layla"


def _pooled_and_inline_ids(store) -> tuple[str, str]:
    ids = [summary.id for summary in store.executions.summaries()]
    inline = next(run_id for run_id in ids if run_id.startswith("inline-"))
    return inline.removeprefix("inline-"), inline


def settled_flow(name: str):
    """Steps whose settings hold no template (worked out once per flow version) next to ones
    with templates and with a list or group of fixed values, which each run makes anew."""
    return make_flow(
        [
            ("Webhook", "webhook.receive", {"path": name, "respond": "when_done"}),
            ("Nothing", "core.no_op", {}),
            (
                "Customer",
                "core.set_fields",
                {
                    "fields": [
                        {"name": "customer", "value": {"tier": "gold"}},
                        {"name": "customer.name", "value": "{{ trigger.body.name }}"},
                    ]
                },
            ),
            ("Reply", "webhook.respond", {"body": "{{ input.customer }}"}),
        ],
        ["Webhook -> Nothing", "Nothing -> Customer", "Customer -> Reply"],
        name=name,
    )


def test_steps_with_fixed_settings_answer_each_run_with_its_own_data(store, runtime):
    """Settings checked once for the flow's version are shared by its runs; the lists and
    groups of values a step hands on are not: one run's data never shows in the next."""
    activate(store, settled_flow("fixed"))
    runtime.sync()
    for name in ("Layla", "Omar", "Sara"):
        reply = httpx.post(f"{runtime.address}/webhook/fixed", json={"name": name})
        assert reply.status_code == 200
        assert reply.json() == {"tier": "gold", "name": name}
    recorded = [store.executions.get(s.id) for s in store.executions.summaries()]
    assert sorted(detail.steps[-1].output["body"]["name"] for detail in recorded) == [
        "Layla",
        "Omar",
        "Sara",
    ]
    for detail in recorded:
        steps = {s.node_name: s for s in detail.steps}
        assert steps["Webhook"].input["params"] == {"path": "fixed", "respond": "when_done"}
        assert steps["Nothing"].input["params"] == {}


def test_fixed_settings_are_recorded_as_the_pool_records_them(store):
    _recorded_inline_and_pooled(store, {"method": "POST", "body": {"name": "Layla"}}, "fixed")


def _recorded_inline_and_pooled(store, payload, fixed: str | None = None):
    from flowin_engine.store._executions import finished_run_statements
    from flowin_engine.store._hot import HotWriter, Job

    flow = hook_flow(respond="when_done") if fixed is None else settled_flow(fixed)
    store.flows.save(flow)
    pooled = Runner(REGISTRY, history=store.executions).start(flow, payload, mode="webhook")
    pooled.wait(30)

    runner = Runner(REGISTRY)
    run_id = f"inline-{pooled.id}"
    _, events = runner.run_inline(runner.plan(flow), payload, mode="webhook", execution_id=run_id)
    writer = HotWriter(store._database)
    written = threading.Event()
    writer.submit(
        Job(
            lambda: finished_run_statements(events, 1, False),
            then=lambda error: written.set() if error is None else None,
        )
    )
    assert written.wait(30)
    writer.close()

    def comparable(detail):
        return (
            detail.status,
            detail.mode,
            detail.trigger_data,
            [
                (
                    s.node_id,
                    s.node_name,
                    s.node_type,
                    s.iteration,
                    s.status,
                    s.attempt,
                    s.port,
                    s.error,
                    s.input,
                    s.output,
                    s.started_at.tzinfo,
                    type(s.duration_ms),
                )
                for s in detail.steps
            ],
        )

    wait_for(lambda: store.executions.get(pooled.id).status == ExecutionStatus.SUCCESS)
    inline = comparable(store.executions.get(run_id))
    assert inline == comparable(store.executions.get(pooled.id))
    return inline


def stops_when_told(path: str):
    return make_flow(
        [
            ("Webhook", "webhook.receive", {"path": path, "respond": "when_done"}),
            (
                "Check",
                "core.condition",
                {"conditions": [{"left": "{{ trigger.body.stop }}", "operator": "is_true"}]},
            ),
            ("Stop", "core.stop_with_error", {"message": "Told to stop"}),
            ("Reply", "webhook.respond", {"body": "fine"}),
        ],
        ["Webhook -> Check", "Check:true -> Stop", "Check:false -> Reply"],
        name=path,
    )


def test_keeping_steps_of_failed_runs_only_drops_a_successs_steps_and_keeps_a_failures(
    store, runtime
):
    flow = stops_when_told("careful")
    flow.settings.steps_of_failed_runs_only = True
    activate(store, flow)
    runtime.sync()
    fine = httpx.post(f"{runtime.address}/webhook/careful", json={"stop": False})
    failed = httpx.post(f"{runtime.address}/webhook/careful", json={"stop": True})
    assert (fine.status_code, failed.status_code) == (200, 500)

    runs = {r.status: store.executions.get(r.id) for r in store.executions.summaries()}
    assert runs[ExecutionStatus.SUCCESS].steps == []
    assert runs[ExecutionStatus.SUCCESS].trigger_data["body"] == {"stop": False}
    kept = {s.node_name: s for s in runs[ExecutionStatus.FAILED].steps}
    assert set(kept) == {"Webhook", "Check", "Stop", "Reply"}
    assert kept["Stop"].error == "Told to stop"
    assert kept["Reply"].status == StepStatus.SKIPPED


def test_keeping_steps_of_failed_runs_only_also_holds_for_runs_in_the_pool(store):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Echo", "testkit.echo", {}),
            ("Fail", "testkit.fail", {"message": "{{ trigger.why }}"}),
        ],
        ["Start -> Echo", "Echo -> Fail"],
        settings={"Fail": {"retries": 1}},
    )
    flow.settings.steps_of_failed_runs_only = True
    store.flows.save(flow)
    runner = Runner(REGISTRY, history=store.executions)
    failed = runner.run(flow, {"why": "Out of stock"})
    assert not Runner(REGISTRY).plan(flow).inline
    flow.nodes = flow.nodes[:2]
    flow.edges = flow.edges[:1]
    fine = runner.run(flow, {"why": "none"})
    runner.shutdown()
    assert fine.ok and not failed.ok
    assert store.executions.get(fine.execution_id).steps == []
    kept = store.executions.get(failed.execution_id).steps
    assert [s.node_name for s in kept] == ["Start", "Echo", "Fail"]


def test_a_flow_not_using_a_later_setting_keeps_its_json():
    flow = hook_flow()
    assert "steps_of_failed_runs_only" not in flow.to_json()
    flow.settings.steps_of_failed_runs_only = True
    assert type(flow).from_json(flow.to_json()).settings.steps_of_failed_runs_only


def test_webhooks_are_answered_without_uvloop_as_on_windows(store, monkeypatch):
    monkeypatch.setitem(sys.modules, "uvloop", None)  # import uvloop raises ImportError
    runtime = start_runtime(store)
    try:
        activate(store, hook_flow(respond="when_done"))
        runtime.sync()
        reply = httpx.post(f"{runtime.address}/webhook/orders", json={"name": "Huda"})
        assert reply.json() == {"text": "Hello Huda"}
        assert type(runtime.listener._loop).__module__.startswith("asyncio")
    finally:
        runtime.stop(grace=2)


def test_the_listener_runs_on_uvloop_where_it_is_installed(store):
    pytest.importorskip("uvloop", reason="uvloop is not installed (Windows has none)")
    runtime = start_runtime(store)
    try:
        assert type(runtime.listener._loop).__module__.startswith("uvloop")
    finally:
        runtime.stop(grace=2)


def _checked_flow(total_over: int) -> tuple:
    """Webhook → If the total is over ``total_over`` (its yes output alone connected) → Reply."""
    return make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "big"}),
            (
                "Big?",
                "core.condition",
                {
                    "conditions": [
                        {
                            "left": "{{ trigger.body.total }}",
                            "operator": "greater_than",
                            "right": total_over,
                        }
                    ]
                },
            ),
            ("Reply", "webhook.respond", {"body": "{{ steps['Webhook'].output.body.name }}"}),
        ],
        ["Webhook -> Big?", "Big?:true -> Reply"],
    )


def _times_left_out(events) -> list:
    moments = {"at", "started_at", "finished_at", "duration"}
    return [
        (type(e).__name__, {k: v for k, v in asdict(e).items() if k not in moments}) for e in events
    ]


def test_a_straight_inline_flow_is_walked_in_order_and_any_other_shape_is_not():
    runner = Runner(REGISTRY)
    assert runner.plan(hook_flow()).line == ("webhook", "message", "reply")
    assert runner.plan(_checked_flow(100)).line == ("webhook", "big?", "reply")
    both_branches = _checked_flow(100)
    both_branches.edges.append(Edge(source="big?", source_port="false", target="reply"))
    switched_off = hook_flow()
    switched_off.nodes[1].disabled = True
    two_after_one = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "x"}),
            ("A", "core.no_op", {}),
            ("B", "core.no_op", {}),
        ],
        ["Webhook -> A", "Webhook -> B"],
    )
    for flow in (both_branches, switched_off, two_after_one):
        assert runner.plan(flow).line == ()
    assert not runner.plan(two_after_one).line and runner.plan(two_after_one).inline


@pytest.mark.parametrize(
    ("flow", "body", "on_the_line"),
    [
        (hook_flow(), {"name": "Omar"}, True),
        (_checked_flow(100), {"name": "Omar", "total": 250}, True),  # the yes branch
        (_checked_flow(100), {"name": "Omar", "total": 50}, False),  # the no branch
        (hook_flow(), {"no_name": True}, False),  # a missing value fails the run
    ],
    ids=["straight", "yes-branch", "no-branch-left-unconnected", "missing-value"],
)
def test_walking_a_straight_line_records_what_the_general_way_records(flow, body, on_the_line):
    runner = Runner(REGISTRY)
    plan = runner.plan(flow)
    general = replace(plan, line=())
    payload = {"method": "POST", "body": body}
    walked_to_the_end = _walk_line(runner, plan, payload, "webhook", "c" * 32)
    assert (walked_to_the_end is not None) == on_the_line
    walked, walked_events = runner.run_inline(plan, payload, mode="webhook", execution_id="a" * 32)
    ran, ran_events = runner.run_inline(general, payload, mode="webhook", execution_id="a" * 32)
    assert _times_left_out(walked_events) == _times_left_out(ran_events)
    assert walked.wait(0).outputs == ran.wait(0).outputs
    assert walked.wait(0).status == ran.wait(0).status
    assert walked.wait(0).error == ran.wait(0).error


def test_a_straight_line_whose_step_fails_is_run_the_general_way_with_its_retries():
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "stop"}),
            ("Note", "core.set_fields", {"fields": [{"name": "n", "value": "x"}]}),
            ("Stop", "core.stop_with_error", {"message": "No order for {{ trigger.body.name }}"}),
        ],
        ["Webhook -> Note", "Note -> Stop"],
    )
    runner = Runner(REGISTRY)
    plan = runner.plan(flow)
    assert plan.line
    handle, events = runner.run_inline(
        plan, {"body": {"name": "Sara"}}, mode="webhook", execution_id="b" * 32
    )
    result = handle.wait(0)
    assert result.status == ExecutionStatus.FAILED
    assert result.failed_node == "Stop" and "No order for Sara" in (result.error or "")
    finished_steps = [e for e in events if isinstance(e, StepFinished)]
    # Each step once: the attempt on the line left nothing behind.
    assert [(e.node_name, e.status) for e in finished_steps] == [
        ("Webhook", StepStatus.SUCCESS),
        ("Note", StepStatus.SUCCESS),
        ("Stop", StepStatus.FAILED),
    ]


@pytest.mark.parametrize("respond", ["immediately", "when_done"])
def test_a_run_that_cannot_be_done_inline_runs_the_ordinary_way_and_is_not_lost(
    store, runtime, monkeypatch, respond
):
    """A fault of Flowin's own while running a webhook inline (not a step's error, which fails
    the run) costs neither the event nor its caller's answer: the run goes through the pool."""

    def broken(*args, **kwargs):
        raise RuntimeError("a fault in the inline walk")

    monkeypatch.setattr(Runner, "run_inline", broken)
    activate(store, hook_flow(respond=respond))
    runtime.sync()
    reply = httpx.post(f"{runtime.address}/webhook/orders", json={"name": "Sara"})
    if respond == "immediately":
        assert reply.status_code == 202
        detail = finished(store, reply.json()["execution_id"])
    else:
        assert (reply.status_code, reply.json()) == (201, {"text": "Hello Sara"})
        (summary,) = store.executions.summaries()
        detail = finished(store, summary.id)
    assert detail.status == ExecutionStatus.SUCCESS
    assert detail.steps[1].output == {"text": "Hello Sara"}
