"""Notifications: the bell's rows and the rules, with a real runtime on a real SQLite file, and
the notifier's own decisions (bundling, quiet hours, recovery, silence, summaries) on a clock
the test moves: nothing here sleeps."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from zoneinfo import ZoneInfo

import httpx
import pytest
from click.testing import CliRunner

from flowin_engine.cli import main
from flowin_engine.data_folder import DataFolder
from flowin_engine.errors import Problem
from flowin_engine.events import ExecutionFinished, ExecutionStarted, ExecutionStatus
from flowin_engine.model import FlowStatus
from flowin_engine.notifications import (
    Channel,
    ChannelFailed,
    ChannelKind,
    Events,
    Kind,
    Notifier,
    QuietHours,
    Rule,
)
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.store import LANGUAGE_SETTING, Store

from .builders import make_flow, registry_with_testkit

REGISTRY = registry_with_testkit()
TEN_TWO = datetime(2026, 12, 5, 10, 2, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch):
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "flowin.db") as store:
        yield store


class Clock:
    def __init__(self, start: datetime = TEN_TWO) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


class Outbox:
    """A channel sender that keeps what it was asked to send (for the notifier's decisions;
    the real connectors are tested against their servers in test_notification_channels)."""

    def __init__(self) -> None:
        self.sent: list[tuple[Channel, str, str]] = []
        self.broken: dict[ChannelKind, str] = {}

    def send(
        self, channel: Channel, subject: str, text: str, link: str = "", language: str = "en"
    ) -> None:
        if channel.kind in self.broken:
            raise ChannelFailed(self.broken[channel.kind])
        self.sent.append((channel, subject, text))

    def close(self) -> None:
        pass


def order_flow(store: Store, name: str = "Order confirmations"):
    flow = make_flow(
        [
            ("Webhook", "webhook.receive", {"path": "orders"}),
            ("Send WhatsApp", "core.stop_with_error", {"message": "Invalid WhatsApp API token."}),
        ],
        ["Webhook -> Send WhatsApp"],
        name=name,
    )
    flow.status = FlowStatus.ACTIVE
    store.flows.save(flow)
    return flow


def failed(flow, execution_id="run-1", error="Invalid WhatsApp API token.", step="Send WhatsApp"):
    return ExecutionFinished(
        execution_id, flow.id, ExecutionStatus.FAILED, TEN_TWO, 0.1, error, step
    )


def succeeded(flow, execution_id="run-ok"):
    return ExecutionFinished(execution_id, flow.id, ExecutionStatus.SUCCESS, TEN_TWO, 0.1)


def notifier_for(store, clock=None, outbox=None) -> Notifier:
    return Notifier(store, registry=REGISTRY, clock=clock or Clock(), sender=outbox or Outbox())


def wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("timed out waiting")


def test_a_failed_run_of_a_live_flow_rings_the_bell_with_the_step_the_reason_and_the_fix(store):
    flow = order_flow(store)
    runtime = DataFolder(store, registry=REGISTRY).runtime(
        RuntimeSettings(port=0, sync_interval=0.1)
    )
    added = []
    runtime.notifications.subscribe(added.append)
    runtime.start()
    try:
        runtime.sync()
        reply = httpx.post(f"{runtime.address}/webhook/orders", json={"order": 1042})
        assert reply.status_code == 202
        execution_id = reply.json()["execution_id"]
        rows = wait_for(lambda: runtime.notifications.list())
    finally:
        runtime.stop(grace=2)

    (row,) = rows
    assert row.kind == Kind.FAILURE
    assert row.flow_id == flow.id and row.execution_id == execution_id
    assert row.title == "«Order confirmations» failed"
    assert row.text == (
        "«Order confirmations» failed at step 2 «Send WhatsApp»: Invalid WhatsApp API token."
    )
    assert row.data["link"] == f"flowin://run/{execution_id}"
    assert row.data["command"] == f"flowin runs show {execution_id}"
    assert row.count == 1 and not row.read
    assert [r.id for r in added] == [row.id]
    # The command the row names shows the run.
    shown = CliRunner().invoke(
        main, ["runs", "show", execution_id], env={"FLOWIN_DATA_DIR": str(store.path.parent)}
    )
    assert shown.exit_code == 0, shown.output
    assert "Failed at step 'Send WhatsApp': Invalid WhatsApp API token." in shown.output
    env = {"FLOWIN_DATA_DIR": str(store.path.parent), "NO_COLOR": "1"}
    listed = CliRunner().invoke(main, ["notifications", "list", "--unread"], env=env)
    assert listed.exit_code == 0, listed.output
    assert "«Order confirmations» failed at step 2 «Send WhatsApp»" in listed.output
    assert f"flowin runs show {execution_id}" in listed.output
    with Store(store.path) as reopened:  # on disk, for the app's bell after a restart
        notifier = Notifier(reopened)
        assert notifier.unread_count() == 1
        read = CliRunner().invoke(main, ["notifications", "read", row.id[:8]], env=env)
        assert read.output == "Marked 1 notification(s) read.\n"
        assert notifier.unread_count() == 0
        assert notifier.list(unread_only=True) == []
        notifier.mark_all_read()


def test_the_same_failure_again_is_one_row_with_a_count_and_one_message(store):
    flow = order_flow(store)
    clock, outbox = Clock(), Outbox()
    notifier = notifier_for(store, clock, outbox)
    telegram = Channel(kind=ChannelKind.TELEGRAM, connection_id="bot", to="123")
    notifier.set_rule(None, Rule(channels=[Channel(kind=ChannelKind.IN_APP), telegram]))

    for number in range(5):
        notifier.run_finished(failed(flow, f"run-{number}"))
        clock.advance(minutes=3)

    (row,) = notifier.list()
    assert row.count == 5 and row.execution_id == "run-4"
    assert row.text == (
        "«Order confirmations» failed 5 times since 10:02 at step 2 «Send WhatsApp»: "
        "Invalid WhatsApp API token."
    )
    assert len(outbox.sent) == 1  # the first at once; the repeats wait for the window
    assert "flowin://run/run-0" in outbox.sent[0][2]

    notifier.check()  # 12 minutes on: still within the hour
    assert len(outbox.sent) == 1
    clock.advance(hours=1)
    notifier.check()
    assert len(outbox.sent) == 2
    _, _, text = outbox.sent[1]
    assert "failed 5 times since 10:02" in text and "flowin runs show run-4" in text
    notifier.check()
    assert len(outbox.sent) == 2  # told once
    # Failing on every 10 minutes for two hours (a new row: the last was over an hour ago):
    # sent at once, then one message with the count an hour later, not one per failure.
    for number in range(12):
        clock.advance(minutes=10)
        notifier.run_finished(failed(flow, f"later-{number}"))
        notifier.check()
    assert len(outbox.sent) == 4
    assert "failed 7 times since 11:27" in outbox.sent[3][2]

    clock.advance(hours=2)  # past the window: a new row
    notifier.run_finished(failed(flow, "run-later"))
    assert [r.count for r in notifier.list()] == [1, 12, 5]


def test_a_different_step_or_reason_is_a_row_of_its_own(store):
    flow = order_flow(store)
    notifier = notifier_for(store)
    notifier.run_finished(failed(flow, "a"))
    notifier.run_finished(failed(flow, "b", error="The sheet is gone."))
    notifier.run_finished(failed(flow, "c", step="Webhook"))
    assert sorted(r.execution_id for r in notifier.list()) == ["a", "b", "c"]


def test_rules_are_global_with_a_flows_own_override_and_survive_a_restart(store):
    flow = order_flow(store)
    notifier = notifier_for(store)
    assert notifier.rules().default == Rule()
    assert notifier.rule_for(flow.id).events.failure is True

    notifier.set_rule(None, Rule(language="ar", events=Events(recovery=True)))
    own = Rule(
        events=Events(failure=False, silence_hours=6),
        quiet_hours=QuietHours(start=clock_time(23), end=clock_time(8), timezone="Asia/Riyadh"),
    )
    notifier.set_rule(flow.id, own)
    with Store(store.path) as reopened:
        rules = Notifier(reopened).rules()
    assert rules.default.language == "ar" and rules.default.events.recovery
    assert rules.for_flow(flow.id) == own
    assert rules.for_flow("another flow").language == "ar"

    notifier.run_finished(failed(flow))
    assert notifier.list() == []  # this flow's own rule turned failures off
    notifier.set_rule(flow.id, None)
    notifier.run_finished(failed(flow))
    assert len(notifier.list()) == 1


def test_without_a_rule_kept_notifications_speak_the_language_chosen_for_flowin(store):
    store.set_setting(LANGUAGE_SETTING, "ar")  # the app's language, as the desktop keeps it
    flow = order_flow(store, name="تأكيد الطلبات")
    notifier = notifier_for(store)
    assert notifier.rules().default.language == "ar"
    notifier.run_finished(failed(flow))
    (row,) = notifier.list()
    assert row.title == "فشل «تأكيد الطلبات»"


def test_an_arabic_rule_writes_arabic_rows(store):
    flow = order_flow(store, name="تأكيد الطلبات")
    notifier = notifier_for(store)
    notifier.set_rule(None, Rule(language="ar"))
    notifier.run_finished(failed(flow))
    (row,) = notifier.list()
    assert row.title == "فشل «تأكيد الطلبات»"
    assert row.text.startswith("فشل «تأكيد الطلبات» عند الخطوة 2 «Send WhatsApp»")


def test_a_problem_template_is_kept_so_the_app_can_show_the_reason_in_its_language(store):
    flow = order_flow(store)
    notifier = notifier_for(store)
    problem = Problem("'{step}' needs an account: pick one under Account.", args={"step": "Send"})
    event = ExecutionFinished(
        "run-1",
        flow.id,
        ExecutionStatus.FAILED,
        TEN_TWO,
        0.1,
        problem.message,
        "Send WhatsApp",
        "connection",
        problem,
    )
    notifier.run_finished(event)
    (row,) = notifier.list()
    assert row.problem == {"template": problem.template, "args": {"step": "Send"}}


def test_names_come_from_the_runs_own_start_event(store):
    notifier = notifier_for(store)
    notifier.take_events(
        [
            ExecutionStarted("run-9", "unsaved", "Try-out", None, TEN_TWO, "webhook"),
            ExecutionFinished("run-9", "unsaved", ExecutionStatus.FAILED, TEN_TWO, 0.1, "Boom."),
        ]
    )
    (row,) = notifier.list()
    assert row.text == "«Try-out» failed: Boom."


def test_the_first_success_after_failures_tells_of_the_recovery_once(store):
    flow = order_flow(store)
    clock, outbox = Clock(), Outbox()
    notifier = notifier_for(store, clock, outbox)
    telegram = Channel(kind=ChannelKind.TELEGRAM, connection_id="bot", to="123")
    notifier.set_rule(
        None,
        Rule(events=Events(recovery=True), channels=[Channel(kind=ChannelKind.IN_APP), telegram]),
    )
    notifier.run_finished(succeeded(flow, "fine-before"))
    assert notifier.list() == []  # a success after successes is no news

    notifier.run_finished(failed(flow, "a"))
    clock.advance(minutes=10)
    notifier.run_finished(failed(flow, "b"))
    clock.advance(minutes=28)
    notifier.run_finished(succeeded(flow, "fine"))
    notifier.run_finished(succeeded(flow, "fine-again"))

    recovery, failure = notifier.list()
    assert recovery.kind == Kind.RECOVERY and recovery.execution_id == "fine"
    assert recovery.title == "«Order confirmations» works again"
    assert recovery.text == (
        "«Order confirmations» ran fine at 10:40 after failing 2 times since 10:02."
    )
    assert failure.count == 2
    assert [subject for _, subject, _ in outbox.sent] == [
        "«Order confirmations» failed",
        "«Order confirmations» works again",
    ]
    # Failing again after the recovery starts a new row, even within the bundling window.
    clock.advance(minutes=1)
    notifier.run_finished(failed(flow, "c"))
    newest = notifier.list()[0]
    assert (newest.execution_id, newest.count) == ("c", 1)


def test_quiet_hours_hold_what_is_not_urgent_and_send_one_digest_when_they_end(store):
    flow = order_flow(store)
    clock, outbox = Clock(datetime(2026, 12, 5, 20, 0, tzinfo=UTC)), Outbox()  # 23:00 Riyadh
    notifier = notifier_for(store, clock, outbox)
    telegram = Channel(kind=ChannelKind.TELEGRAM, connection_id="bot", to="123")
    quiet = QuietHours(start=clock_time(22), end=clock_time(7), timezone="Asia/Riyadh")
    notifier.set_rule(
        None,
        Rule(
            events=Events(recovery=True),
            channels=[Channel(kind=ChannelKind.IN_APP), telegram],
            quiet_hours=quiet,
        ),
    )
    notifier.run_finished(failed(flow, "a"))  # urgent: goes out at once
    assert len(outbox.sent) == 1
    clock.advance(minutes=30)
    notifier.run_finished(succeeded(flow))  # a recovery is not urgent: held
    notifier.sync_conflict(flow.id, flow.name)  # nor is a conflict
    assert len(outbox.sent) == 1
    assert notifier.unread_count() == 3  # the bell has them all the same

    clock.advance(hours=3)
    notifier.check()  # 02:30 in Riyadh: still quiet
    assert len(outbox.sent) == 1
    clock.now = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)  # 07:00 in Riyadh
    notifier.check()
    assert len(outbox.sent) == 2
    channel, subject, text = outbox.sent[1]
    assert channel == telegram and subject == "While notifications were quiet"
    assert text.splitlines() == [
        "2 notifications waited for the end of quiet hours:",
        "• «Order confirmations» ran fine at 23:30 after failing at 23:00.",
        "• «Order confirmations» was changed on this computer and in your cloud account; "
        "open it in Flowin to choose which one to keep.",
    ]
    notifier.check()
    assert len(outbox.sent) == 2  # sent once


def test_failures_wait_for_quiet_hours_too_when_the_user_says_they_are_not_urgent(store):
    flow = order_flow(store)
    clock, outbox = Clock(datetime(2026, 12, 5, 23, 0, tzinfo=UTC)), Outbox()
    notifier = notifier_for(store, clock, outbox)
    sms = Channel(kind=ChannelKind.SMS, connection_id="twilio", to="+966501234567")
    notifier.set_rule(None, Rule(channels=[sms], quiet_hours=QuietHours(), failures_urgent=False))
    notifier.run_finished(failed(flow))
    assert outbox.sent == []
    (row,) = notifier.list()
    assert row.read  # no in_app channel: kept, but rings no bell
    clock.now = datetime(2026, 12, 6, 7, 0, tzinfo=UTC)
    notifier.check()
    assert [c for c, _, _ in outbox.sent] == [sms]


def test_a_flow_that_falls_silent_is_told_once_and_a_paused_one_never(store):
    flow = order_flow(store)
    clock, outbox = Clock(flow.updated_at), Outbox()  # switched on as Flowin started
    notifier = notifier_for(store, clock, outbox)
    notifier.set_rule(flow.id, Rule(events=Events(silence_hours=6)))
    clock.advance(hours=5)
    notifier.check()
    assert notifier.list() == []
    clock.advance(hours=2)
    notifier.check()
    (row,) = notifier.list()
    assert row.kind == Kind.SILENCE and row.flow_id == flow.id
    assert row.text.startswith("«Order confirmations» has not run in 6 hours.")
    clock.advance(hours=7)
    notifier.check()
    assert len(notifier.list()) == 1

    paused = order_flow(store, name="Paused flow")
    store.flows.set_status(paused.id, FlowStatus.PAUSED)
    notifier.set_rule(paused.id, Rule(events=Events(silence_hours=1)))
    clock.advance(hours=7)
    notifier.check()
    assert [r.flow_id for r in notifier.list()] == [flow.id]  # a paused flow should not run


def test_the_daily_summary_counts_todays_runs_once_a_day(store):
    flow = order_flow(store)
    # The runs below happen now, on the real clock: the summary is kept in a zone where now is
    # about noon, so that its day's midnight comes before them and its 20:00 after, whatever the
    # hour the test runs at.
    zone_name = f"Etc/GMT{datetime.now(UTC).hour - 12:+d}"
    zone = ZoneInfo(zone_name)
    today_there = datetime.now(zone).date()
    clock = Clock(datetime.combine(today_there, clock_time(19, 59), tzinfo=zone).astimezone(UTC))
    notifier = notifier_for(store, clock)
    notifier.set_rule(flow.id, Rule(events=Events(daily_summary=True), timezone=zone_name))
    runner = DataFolder(store, registry=REGISTRY).runner()
    fine = make_flow([("Start", "core.manual_trigger", {})], name="Order confirmations")
    fine.id = flow.id
    try:
        for _ in range(12):
            runner.run(fine)
        runner.events.flush()
    finally:
        runner.shutdown()
    notifier.check()
    assert notifier.list() == []  # not 20:00 yet
    clock.advance(minutes=1)
    notifier.check()
    notifier.check()
    (row,) = notifier.list()
    assert row.kind == Kind.SUMMARY
    assert row.text == "«Order confirmations» ran 12 times today, all fine."


def test_every_sentence_has_its_arabic_with_the_same_placeholders():
    import string

    from flowin_engine.builder.names import words_file
    from flowin_engine.notifications import _messages

    arabic = words_file("flowin_engine.notifications", "notifications", "ar")

    def placeholders(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for sentence in _messages.SENTENCES:
        translated = arabic.get((_messages.CONTEXT, sentence))
        assert translated, f"no Arabic for {sentence!r}"
        assert placeholders(translated) == placeholders(sentence), sentence


def test_a_flow_started_when_another_fails_gets_the_failed_runs_details_and_never_loops(store):
    broken = order_flow(store)

    def handler(name: str, **params):
        return make_flow(
            [
                ("When a flow fails", "core.on_failure", params),
                (
                    "Give up",
                    "core.stop_with_error",
                    {"message": "Could not handle {{ trigger.flow_name }}: {{ trigger.error }}"},
                ),
            ],
            ["When a flow fails -> Give up"],
            name=name,
        )

    # Two handlers that fail: each would start the other for ever if a handler's failure
    # started handlers.
    first, second = handler("Error handler"), handler("Second handler")
    elsewhere = handler("Invoices only", flows=["Invoices"])
    for flow in (first, second, elsewhere):
        flow.status = FlowStatus.ACTIVE
        store.flows.save(flow)
    runtime = DataFolder(store, registry=REGISTRY).runtime(
        RuntimeSettings(port=0, sync_interval=0.1)
    )
    runtime.start()
    try:
        runtime.sync()
        reply = httpx.post(f"{runtime.address}/webhook/orders", json={"order": 1042})
        failed_id = reply.json()["execution_id"]
        # The broken flow's failure and both handlers' are told of.
        wait_for(lambda: len(runtime.notifications.list()) == 3)
        assert runtime.notifications.wait_idle()
    finally:
        runtime.stop(grace=2)
    assert store.inbox.unstarted() == []  # nothing more was started, even for later

    for flow in (first, second):
        (handled,) = store.executions.summaries(flow_id=flow.id)
        detail = store.executions.get(handled.id)
        assert detail.mode == "on_failure"
        data = detail.trigger_data
        assert data["flow_id"] == broken.id and data["flow_name"] == "Order confirmations"
        assert (data["step"], data["step_number"]) == ("Send WhatsApp", 2)
        assert data["error"] == "Invalid WhatsApp API token."
        assert data["execution_id"] == failed_id
        assert data["link"] == f"flowin://run/{failed_id}"
        assert datetime.fromisoformat(data["at"]).tzinfo is not None
        assert detail.error == "Could not handle Order confirmations: Invalid WhatsApp API token."
    assert store.executions.summaries(flow_id=elsewhere.id) == []


def test_events_found_waiting_in_the_cloud_are_told_once_per_backlog(store):
    runtime = DataFolder(store, registry=REGISTRY).runtime(RuntimeSettings(port=0))
    relay = runtime.relay
    relay._set(waiting=0)
    relay._set(waiting=7)  # the relay found a backlog
    relay._set(waiting=3)  # draining: no news
    (row,) = runtime.notifications.list()
    assert row.kind == Kind.WAITING_EVENTS and row.data == {"count": 7}
    assert row.text == (
        "7 events waited in your cloud account while this computer could not take them; "
        "Flowin is running them now."
    )
    relay._set(waiting=0)
    relay._set(waiting=2)  # another backlog, within the hour: counted in the same row
    (row,) = runtime.notifications.list()
    assert row.count == 2 and row.data == {"count": 2}


def test_a_live_flow_fixed_after_failing_tells_of_its_recovery(store):
    flow = order_flow(store)
    runtime = DataFolder(store, registry=REGISTRY).runtime(
        RuntimeSettings(port=0, sync_interval=0.1)
    )
    runtime.notifications.set_rule(None, Rule(events=Events(recovery=True)))
    runtime.start()
    try:
        runtime.sync()
        assert httpx.post(f"{runtime.address}/webhook/orders", json={}).status_code == 202
        wait_for(lambda: runtime.notifications.list())
        # The owner fixes the step; the next order goes through.
        flow.nodes[1].type = "core.set_fields"
        flow.nodes[1].params = {"fields": [{"name": "sent", "value": "yes"}]}
        store.flows.save(flow)
        runtime.sync()
        reply = httpx.post(f"{runtime.address}/webhook/orders", json={})
        fixed_id = reply.json()["execution_id"]
        rows = wait_for(lambda: len(runtime.notifications.list()) == 2 and runtime.notifications)
    finally:
        runtime.stop(grace=2)
    recovery, failure = rows.list()
    assert failure.kind == Kind.FAILURE
    assert (recovery.kind, recovery.execution_id) == (Kind.RECOVERY, fixed_id)
    assert recovery.title == "«Order confirmations» works again"


def test_an_arabic_rule_gives_the_reason_in_arabic_when_the_app_has_its_words(store, monkeypatch):
    from flowin_engine.builder import names
    from flowin_engine.builder.names import add_words

    # Only this test's words: an app window built earlier in this process registered its own.
    monkeypatch.setattr(names, "_more_words", {})

    template = "'{step}' needs an account: pick one under Account."

    def the_apps_words(context: str, text: str) -> str:  # as the desktop registers its .qm
        if (context, text) == ("EngineMessages", template):
            return "الخطوة '{step}' تحتاج إلى حساب: اختر حسابًا في خانة الحساب."
        return ""

    add_words("ar", the_apps_words)
    flow = order_flow(store, name="تأكيد الطلبات")
    notifier = notifier_for(store)
    notifier.set_rule(None, Rule(language="ar"))
    problem = Problem(template, args={"step": "Send WhatsApp"})
    notifier.run_finished(
        ExecutionFinished(
            "run-1",
            flow.id,
            ExecutionStatus.FAILED,
            TEN_TWO,
            0.1,
            problem.message,
            "Send WhatsApp",
            "connection",
            problem,
        )
    )
    (row,) = notifier.list()
    assert row.text == (
        "فشل «تأكيد الطلبات» عند الخطوة 2 «Send WhatsApp»: "
        "الخطوة 'Send WhatsApp' تحتاج إلى حساب: اختر حسابًا في خانة الحساب."
    )
