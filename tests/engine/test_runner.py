import threading
import uuid

import pytest

from flowin_engine.errors import FlowinError
from flowin_engine.events import ExecutionStatus, StepFinished, StepSkipped, StepStarted, StepStatus
from flowin_engine.model import OnError
from flowin_engine.runner import Reused, Runner, Start
from flowin_engine.store import Store

from .builders import make_flow, registry_with_testkit
from .testkit import operations as testkit


@pytest.fixture(scope="module")
def registry():
    return registry_with_testkit()


@pytest.fixture
def runner(registry):
    with Runner(registry, workers=4) as runner:
        yield runner


@pytest.fixture(autouse=True)
def _fresh_calls():
    testkit.calls.clear()


class Collector:
    def __init__(self, runner: Runner) -> None:
        self.events = []
        runner.events.subscribe(self.events.extend)
        self.runner = runner

    def of(self, kind, **match):
        self.runner.events.flush()
        return [
            e
            for e in self.events
            if isinstance(e, kind) and all(getattr(e, k) == v for k, v in match.items())
        ]


def test_chain_passes_data_and_renders_templates(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Greet", "testkit.echo", {"value": "Hello {{ trigger.name }}"}),
            ("Shout", "testkit.echo", {"value": "{{ input | upper }}!"}),
            (
                "Quote",
                "testkit.echo",
                {"value": "{{ steps['Greet'].output }} / {{ steps.Shout.output }}"},
            ),
        ],
        ["Start -> Greet", "Greet -> Shout", "Shout -> Quote"],
    )
    result = runner.run(flow, {"name": "Layla"})
    assert result.status == ExecutionStatus.SUCCESS
    assert result.outputs["Shout"] == "HELLO LAYLA!"
    assert result.outputs["Quote"] == "Hello Layla / HELLO LAYLA!"


def test_single_expression_keeps_its_type(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Items", "testkit.echo", {"value": "{{ trigger.items }}"}),
        ],
        ["Start -> Items"],
    )
    assert runner.run(flow, {"items": [1, 2, 3]}).outputs["Items"] == [1, 2, 3]


def test_missing_variable_fails_the_run_naming_node_field_and_variable(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Send WhatsApp", "testkit.echo", {"value": "Hi {{ trigger.customer_name }}"}),
        ],
        ["Start -> Send WhatsApp"],
    )
    result = runner.run(flow, {"name": "x"})
    assert result.status == ExecutionStatus.FAILED
    assert result.failed_node == "Send WhatsApp"
    assert result.error == "Missing variable {{trigger.customer_name}} in 'Send WhatsApp' → Value"


def test_condition_runs_one_branch_and_skips_the_other(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            (
                "Big order?",
                "core.condition",
                {
                    "combine": "and",
                    "conditions": [
                        {"left": "{{ trigger.total }}", "operator": "greater_than", "right": 100}
                    ],
                },
            ),
            ("Thank VIP", "testkit.record", {"key": "vip"}),
            ("Thank", "testkit.record", {"key": "normal"}),
            ("After VIP", "testkit.record", {"key": "after_vip"}),
        ],
        [
            "Start -> Big order?",
            "Big order?:true -> Thank VIP",
            "Big order?:false -> Thank",
            "Thank VIP -> After VIP",
        ],
    )
    collector = Collector(runner)
    result = runner.run(flow, {"total": 250})
    assert result.ok
    assert testkit.calls["vip"] == [{"total": 250}]
    assert "normal" not in testkit.calls
    skipped = {e.node_name for e in collector.of(StepSkipped, execution_id=result.execution_id)}
    assert skipped == {"Thank"}
    assert testkit.calls["after_vip"] == [{"total": 250}]


def test_join_after_branches_waits_for_all_and_runs_once(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Slow", "testkit.pause", {"seconds": 0.2}),
            ("Fast", "testkit.echo", {"value": "fast"}),
            ("Merge", "core.merge", {"mode": "by_name"}),
            ("End", "testkit.record", {"key": "end"}),
        ],
        ["Start -> Slow", "Start -> Fast", "Slow -> Merge", "Fast -> Merge", "Merge -> End"],
    )
    result = runner.run(flow, {})
    assert result.ok
    assert len(testkit.calls["end"]) == 1
    merged = testkit.calls["end"][0]
    assert set(merged) == {"Slow", "Fast"}
    assert merged["Fast"] == "fast"


def test_independent_branches_run_in_parallel(runner):
    # Each branch waits for the other two: one after another, the first would wait alone.
    meeting = {"key": f"branches-{uuid.uuid4()}", "parties": 3}
    flow = make_flow(
        [("Start", "testkit.start", {})] + [(f"P{i}", "testkit.meet", meeting) for i in range(3)],
        [f"Start -> P{i}" for i in range(3)],
    )
    result = runner.run(flow, {})
    assert result.ok
    threads = {result.outputs[f"P{i}"]["thread"] for i in range(3)}
    assert len(threads) == 3


def test_loop_runs_body_per_item_and_collects_results(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Each order", "core.loop", {"items": "{{ trigger.orders }}"}),
            (
                "Label",
                "testkit.echo",
                {"value": "#{{ loop.index }} {{ loop.item.id }} for {{ trigger.shop }}"},
            ),
            (
                "Summary",
                "testkit.echo",
                {"value": "{{ input.count }} orders: {{ input.results | join(', ') }}"},
            ),
        ],
        ["Start -> Each order", "Each order:item -> Label", "Each order:done -> Summary"],
    )
    result = runner.run(flow, {"shop": "Souq", "orders": [{"id": "A"}, {"id": "B"}, {"id": "C"}]})
    assert result.ok, result.error
    assert result.outputs["Summary"] == "3 orders: #0 A for Souq, #1 B for Souq, #2 C for Souq"


def test_an_item_whose_condition_leads_nowhere_does_not_run_the_next_items_twice(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Each order", "core.loop", {"items": "{{ trigger.orders }}"}),
            (
                "Paid?",
                "core.condition",
                {"conditions": [{"left": "{{ loop.item.paid }}", "operator": "is_true"}]},
            ),
            ("Thank", "testkit.record", {"key": "thanked"}),
            ("Summary", "testkit.echo", {"value": "{{ input.count }}"}),
        ],
        [
            "Start -> Each order",
            "Each order:item -> Paid?",
            "Paid?:true -> Thank",
            "Each order:done -> Summary",
        ],
    )
    orders = [{"id": "A", "paid": False}, {"id": "B", "paid": True}, {"id": "C", "paid": True}]
    result = runner.run(flow, {"orders": orders})
    assert result.ok, result.error
    assert result.outputs["Summary"] == 3  # one result per order
    assert len(testkit.calls["thanked"]) == 2  # B and C, once each


def test_loop_over_nothing_goes_straight_to_done(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Each", "core.loop", {"items": "{{ trigger.orders }}"}),
            ("Body", "testkit.record", {"key": "body"}),
            ("Done", "testkit.echo", {"value": "{{ input.count }}"}),
        ],
        ["Start -> Each", "Each:item -> Body", "Each:done -> Done"],
    )
    result = runner.run(flow, {"orders": []})
    assert result.ok
    assert result.outputs["Done"] == 0
    assert "body" not in testkit.calls


def test_retries_with_exponential_backoff_then_succeeds(runner):
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Call", "testkit.flaky", {"key": "k", "failures": 2})],
        ["Start -> Call"],
        settings={"Call": {"retries": 3, "retry_backoff": 0.1}},
    )
    collector = Collector(runner)
    result = runner.run(flow, {})
    assert result.ok
    assert result.outputs["Call"] == {"attempts": 3}
    times = testkit.calls["k"]
    assert times[1] - times[0] >= 0.1
    assert times[2] - times[1] >= 0.2
    retrying = collector.of(StepFinished, status=StepStatus.RETRYING)
    assert [e.retry_in for e in retrying] == [0.1, 0.2]


def test_retry_after_from_the_service_wins_over_backoff(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Call", "testkit.flaky", {"key": "r", "failures": 1, "retry_after": 0.3}),
        ],
        ["Start -> Call"],
        settings={"Call": {"retry_backoff": 0.01}},
    )
    result = runner.run(flow, {})
    assert result.ok
    assert testkit.calls["r"][1] - testkit.calls["r"][0] >= 0.3


def test_gives_up_after_the_last_attempt(runner):
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Call", "testkit.flaky", {"key": "g", "failures": 5})],
        ["Start -> Call"],
        settings={"Call": {"retries": 3}},
    )
    result = runner.run(flow, {})
    assert result.status == ExecutionStatus.FAILED
    assert len(testkit.calls["g"]) == 3
    assert result.error == "Attempt 3 failed."


def test_a_step_that_must_not_repeat_is_not_retried_on_an_unknown_network_error(runner):
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Send", "testkit.once", {"key": "once"})],
        ["Start -> Send"],
    )
    result = runner.run(flow, {})
    assert result.status == ExecutionStatus.FAILED
    assert testkit.calls["once"] == [1]
    assert "Can't reach the service" in result.error


def test_on_error_continue_and_error_output(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Soft", "testkit.fail", {"message": "soft"}),
            ("Next", "testkit.echo", {}),
            ("Hard", "testkit.fail", {"message": "hard"}),
            ("Handle", "testkit.echo", {"value": "handled: {{ input.error }}"}),
            ("Normal", "testkit.record", {"key": "normal"}),
        ],
        [
            "Start -> Soft",
            "Soft -> Next",
            "Start -> Hard",
            "Hard:error -> Handle",
            "Hard -> Normal",
        ],
        settings={
            "Soft": {"on_error": OnError.CONTINUE},
            "Hard": {"on_error": OnError.ERROR_OUTPUT},
        },
    )
    result = runner.run(flow, {})
    assert result.ok
    assert result.outputs["Next"] == {"error": "soft"}
    assert result.outputs["Handle"] == "handled: hard"
    assert "normal" not in testkit.calls


def test_a_crashing_step_fails_the_run_with_a_sentence(runner):
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Boom", "testkit.crash", {})], ["Start -> Boom"]
    )
    result = runner.run(flow, {})
    assert result.status == ExecutionStatus.FAILED
    assert result.error.startswith("The step crashed: KeyError")


def test_failure_stops_other_branches_from_starting(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Bad", "testkit.fail", {}),
            ("Wait", "testkit.pause", {"seconds": 0.2}),
            ("Later", "testkit.record", {"key": "later"}),
        ],
        ["Start -> Bad", "Start -> Wait", "Wait -> Later"],
    )
    result = runner.run(flow, {})
    assert result.status == ExecutionStatus.FAILED
    assert "later" not in testkit.calls


def step_started(runner: Runner, node_name: str) -> threading.Event:
    """Set once the runner reports that a step called ``node_name`` has started."""
    started = threading.Event()

    def seen(events):
        if any(isinstance(e, StepStarted) and e.node_name == node_name for e in events):
            started.set()

    runner.events.subscribe(seen)
    return started


def test_delay_parks_without_holding_a_worker(registry):
    with Runner(registry, workers=1) as runner:
        slow = make_flow(
            [
                ("Start", "testkit.start", {}),
                ("Wait", "core.delay", {"mode": "duration", "amount": 1, "unit": "hours"}),
                ("After", "testkit.echo", {"value": "late"}),
            ],
            ["Start -> Wait", "Wait -> After"],
        )
        quick = make_flow(
            [("Start", "testkit.start", {}), ("Now", "testkit.echo", {"value": "now"})],
            ["Start -> Now"],
        )
        delay_started = step_started(runner, "Wait")
        waiting = runner.start(slow, {})
        assert delay_started.wait(30)
        # Had the delay held the one worker, the quick run would wait the hour with it.
        assert runner.run(quick, {}).outputs["Now"] == "now"
        assert not waiting.done()
        assert waiting.cancel()
        assert waiting.wait(30).status == ExecutionStatus.CANCELLED


def test_cancel_ends_a_waiting_execution_at_once(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Wait", "core.delay", {"mode": "duration", "amount": 1, "unit": "hours"}),
            ("After", "testkit.record", {"key": "after"}),
        ],
        ["Start -> Wait", "Wait -> After"],
    )
    delay_started = step_started(runner, "Wait")
    handle = runner.start(flow, {})
    assert delay_started.wait(30)
    assert handle.cancel()
    result = handle.wait(30)  # not the hour the delay would wait
    assert result.status == ExecutionStatus.CANCELLED
    assert "after" not in testkit.calls


def test_reused_outputs_are_not_run_again(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Charge", "testkit.record", {"key": "charge"}),
            ("Email", "testkit.echo", {"value": "paid {{ input.amount }}"}),
        ],
        ["Start -> Charge", "Charge -> Email"],
    )
    result = runner.run(flow, {}, reuse={"charge": Reused("main", {"amount": 5})})
    assert result.outputs["Email"] == "paid 5"
    assert "charge" not in testkit.calls


def test_many_executions_at_once(runner):
    flow = make_flow(
        [("Start", "testkit.start", {}), ("A", "testkit.echo", {"value": "{{ trigger.n * 2 }}"})],
        ["Start -> A"],
    )
    handles = [runner.start(flow, {"n": n}) for n in range(200)]
    assert sorted(h.wait(30).outputs["A"] for h in handles) == sorted(n * 2 for n in range(200))


def test_events_report_each_step_with_input_output_and_duration(runner):
    collector = Collector(runner)
    flow = make_flow(
        [("Start", "testkit.start", {}), ("A", "testkit.echo", {"value": "x"})], ["Start -> A"]
    )
    result = runner.run(flow, {"k": 1})
    started = collector.of(StepStarted, execution_id=result.execution_id)
    finished = collector.of(StepFinished, execution_id=result.execution_id, node_name="A")
    assert [e.node_name for e in started] == ["Start", "A"]
    assert finished[0].output == "x" and finished[0].input["data"] == {"k": 1}
    assert finished[0].duration >= 0


def test_a_broken_subscriber_does_not_break_the_run(runner):
    def broken(events):
        raise RuntimeError("subscriber bug")

    slow_seen = threading.Event()
    release = threading.Event()

    def slow(events):
        release.wait(30)
        slow_seen.set()

    runner.events.subscribe(broken)
    runner.events.subscribe(slow)
    flow = make_flow(
        [("Start", "testkit.start", {}), ("A", "testkit.echo", {"value": 1})], ["Start -> A"]
    )
    assert runner.run(flow, {}).ok
    assert not slow_seen.is_set()  # the run ended while the slow subscriber still worked
    release.set()
    assert slow_seen.wait(30)  # and it still got the events the broken one raised on


def test_steps_not_connected_to_the_trigger_are_skipped(runner):
    collector = Collector(runner)
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("A", "testkit.echo", {"value": 1}),
            ("Loose", "testkit.record", {"key": "loose"}),
            ("After loose", "testkit.echo", {}),
        ],
        ["Start -> A", "Loose -> After loose"],
    )
    result = runner.run(flow, {})
    assert result.ok and result.outputs == {"Start": {}, "A": 1}
    assert {e.node_name for e in collector.of(StepSkipped, execution_id=result.execution_id)} == {
        "Loose",
        "After loose",
    }


def test_start_many_records_every_run_before_it_runs_and_names_a_flow_that_cant(registry, tmp_path):
    good = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Greet", "testkit.echo", {"value": "Hi {{ trigger.n }}"}),
        ],
        ["Start -> Greet"],
    )
    broken = make_flow(
        [("Start", "testkit.start", {}), ("Odd", "no.such_type", {})], ["Start -> Odd"]
    )
    with (
        Store(tmp_path / "history.db") as store,
        Runner(registry, history=store.executions) as runner,
    ):
        outcomes = runner.start_many(
            [
                Start(good, {"n": 1}, "webhook", "first"),
                Start(broken, {"n": 2}, "webhook"),
                Start(good, {"n": 3}, "webhook", "third"),
            ]
        )
        first, problem, third = outcomes
        assert isinstance(problem, FlowinError) and "no.such_type" in str(problem)
        assert [first.id, third.id] == ["first", "third"]
        assert first.wait(30).outputs["Greet"] == "Hi 1"
        assert third.wait(30).outputs["Greet"] == "Hi 3"
        runner.events.flush()
        runs = {run.id: run for run in store.executions.summaries()}
        assert set(runs) == {"first", "third"}
        assert {run.status for run in runs.values()} == {ExecutionStatus.SUCCESS}
        assert store.executions.get("third").trigger_data == {"n": 3}


def test_error_output_with_nothing_connected_stops_the_run_with_the_steps_error(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Charge", "testkit.fail", {"message": "The card was declined."}),
            ("Receipt", "testkit.record", {"key": "receipt"}),
        ],
        ["Start -> Charge", "Charge -> Receipt"],
        settings={"Charge": {"on_error": OnError.ERROR_OUTPUT}},
    )
    collector = Collector(runner)
    result = runner.run(flow, {})
    assert result.status == ExecutionStatus.FAILED
    assert result.failed_node == "Charge"
    assert "The card was declined." in result.error
    assert "receipt" not in testkit.calls
    [finished] = collector.of(StepFinished, node_name="Charge")
    assert finished.status == StepStatus.FAILED


def test_error_output_inside_a_loop_with_nothing_connected_stops_the_run(runner):
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Each", "core.loop", {"items": "{{ trigger.items }}"}),
            ("Charge", "testkit.fail", {"message": "The card was declined."}),
            ("Receipt", "testkit.record", {"key": "receipt"}),
            ("After", "testkit.record", {"key": "after"}),
        ],
        ["Start -> Each", "Each:item -> Charge", "Charge -> Receipt", "Each:done -> After"],
        settings={"Charge": {"on_error": OnError.ERROR_OUTPUT}},
    )
    result = runner.run(flow, {"items": [1, 2]})
    assert result.status == ExecutionStatus.FAILED
    assert result.failed_node == "Charge"
    assert "receipt" not in testkit.calls
    assert "after" not in testkit.calls


def test_a_runs_events_are_read_only_and_take_their_fields_by_name_or_place():
    import dataclasses
    import pickle
    from datetime import UTC, datetime

    from flowin_engine.events import ExecutionFinished

    now = datetime.now(UTC)
    by_place = StepFinished(
        "run", "n1", "Reply", "webhook.respond", 1, None, StepStatus.SUCCESS, {"a": 1}, "ok",
        "main", None, now, now, 0.5,
    )  # fmt: skip
    by_name = StepFinished(
        execution_id="run", node_id="n1", node_name="Reply", node_type="webhook.respond",
        attempt=1, iteration=None, status=StepStatus.SUCCESS, input={"a": 1}, output="ok",
        port="main", error=None, started_at=now, at=now, duration=0.5,
    )  # fmt: skip
    assert by_place == by_name
    assert (by_place.retry_in, by_place.setting, by_place.problem) == (None, None, None)
    assert pickle.loads(pickle.dumps(by_place)) == by_place
    assert dataclasses.replace(by_place, port="error").port == "error"
    with pytest.raises(dataclasses.FrozenInstanceError):
        by_place.output = "changed"
    with pytest.raises(TypeError):
        StepStarted("run", "n1")
    finished = ExecutionFinished("run", "flow", ExecutionStatus.FAILED, now, 1.0, error="No")
    assert (finished.error, finished.failed_node) == ("No", None)


def test_a_runs_done_flag_wakes_a_thread_waiting_for_it_and_says_what_it_is():
    from flowin_engine.runner import _Flag

    flag = _Flag()
    assert not flag.wait(0) and "unset" in repr(flag)
    woken = []
    waiter = threading.Thread(target=lambda: woken.append(flag.wait(30)))
    waiter.start()
    flag.set()
    waiter.join(30)
    assert woken == [True] and flag.is_set() and "set" in repr(flag)
    flag.clear()
    assert not flag.wait(0)
