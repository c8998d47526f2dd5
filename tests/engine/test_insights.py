"""The insights' figures over a real history written through the store's API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from flowin_engine.insights import gather, problem_of
from flowin_engine.store import Store
from tests import insight_histories as week
from tests.postgres import postgres_schema


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "flowin.db") as store:
        yield store


@pytest.fixture
def seeded(store):
    week.seed_week(store)
    return store


def _gather(store, days=7, **options):
    return gather(store, days, now=week.NOW, utc_offset=week.OFFSET, **options)


def test_runs_are_counted_per_local_day_and_flow_without_test_runs(seeded):
    insights = _gather(seeded)
    assert len(insights.days) == 7 and insights.days[-1].isoformat() == "2026-12-05"
    orders = [s + f for s, f in zip(week.ORDER_SUCCESSES, week.ORDER_FAILURES, strict=True)]
    invoices = [s + f for s, f in zip(week.INVOICE_SUCCESSES, week.INVOICE_FAILURES, strict=True)]
    assert insights.runs_per_day == {
        "orders": orders,
        "invoices": invoices,
        "summary": week.SUMMARY_SUCCESSES,
    }
    assert [f.flow_id for f in insights.flows] == ["orders", "invoices", "summary"]
    assert insights.runs == 45 + 16 + 7
    assert (insights.successes, insights.failures) == (63, 5)
    assert insights.success_ratio == pytest.approx(63 / 68)
    assert insights.successes_per_day[-1] == 9 + 2 + 1
    assert insights.failures_per_day == [0, 0, 1, 0, 1, 2, 1]


def test_the_average_duration_is_over_the_finished_runs(seeded):
    seconds = (
        42 * week.ORDER_SECONDS
        + 14 * week.INVOICE_SECONDS
        + 7 * week.SUMMARY_SECONDS
        + 5 * week.FAILURE_SECONDS
    )
    assert _gather(seeded).average_duration_seconds == pytest.approx(seconds / 68)


def test_time_saved_counts_good_runs_of_flows_that_say_their_minutes_and_names_the_others(seeded):
    insights = _gather(seeded)
    assert insights.minutes_saved == 42 * week.ORDER_MINUTES + 7 * week.SUMMARY_MINUTES
    assert [f.name for f in insights.flows_without_estimate] == ["Invoices to Sheets"]
    invoices = next(f for f in insights.flows if f.flow_id == "invoices")
    assert invoices.minutes_saved is None


def test_failing_steps_are_grouped_by_problem_not_by_their_words(seeded):
    steps = _gather(seeded).failing_steps
    assert [(s.flow_name, s.step, s.count) for s in steps] == [
        ("Order confirmations", "Send WhatsApp", 3),
        ("Invoices to Sheets", "Add row", 2),
    ]
    whatsapp = steps[0]
    assert whatsapp.problem == "{service} refused the request: {reason}."
    assert whatsapp.reason == week.WHATSAPP_ERROR.format(code=196)  # the latest one's words
    assert seeded.executions.get(whatsapp.latest_execution_id).status == "failed"


def test_an_unknown_sentence_groups_without_its_numbers_names_and_ids():
    first = problem_of("Order 1042 for 'Mona' not found (id 9f8e7d6c5b4a)")
    assert first == problem_of("Order 77 for 'Ahmed' not found (id 0a1b2c3d4e5f)")
    assert first != problem_of("Customer 77 has no phone number")


def test_connector_health_says_last_success_last_failure_and_expiry(seeded):
    expiry = week.NOW + timedelta(days=3)
    secrets = {
        week.WHATSAPP: {"access_token": "x", "expires_at": expiry.timestamp()},
        week.SHEETS: {"refresh_token": "r", "expires_at": week.NOW.timestamp()},
    }
    accounts = {a.connection_id: a for a in _gather(seeded, secret_of=secrets.get).accounts}

    whatsapp = accounts[week.WHATSAPP]
    assert whatsapp.used_by == ("Order confirmations",)
    assert whatsapp.last_failure is not None and whatsapp.last_success is not None
    assert whatsapp.last_success > whatsapp.last_failure  # a test run after it worked
    assert whatsapp.failure_reason == week.WHATSAPP_ERROR.format(code=196)
    assert abs(whatsapp.token_expires_at - expiry) < timedelta(seconds=1)
    assert not whatsapp.token_renews

    sheets = accounts[week.SHEETS]
    assert sheets.token_renews  # a refresh token: the access token's expiry is no concern
    assert sheets.state != "expiring"
    telegram = accounts[week.TELEGRAM]
    assert telegram.state == "unused" and telegram.used_by == ()


def test_an_account_whose_latest_use_failed_is_failing(seeded):
    late = week.NOW - timedelta(minutes=5)
    orders = week.shop_flows()[0]
    week.record(
        seeded,
        [
            week.Run(
                orders,
                late,
                False,
                1.0,
                "WhatsApp: can't reach graph.facebook.com; check the internet connection.",
            )
        ],
    )
    accounts = {a.connection_id: a for a in _gather(seeded).accounts}
    assert accounts[week.WHATSAPP].state == "failing"
    assert accounts[week.WHATSAPP].failure_reason.startswith("WhatsApp: can't reach")
    assert accounts[week.WHATSAPP] == _gather(seeded).accounts[0]  # failing ones come first


def test_no_runs_yet_is_an_empty_period(store):
    insights = _gather(store, 30)
    assert insights.empty and len(insights.days) == 30
    assert insights.success_ratio is None and insights.average_duration_seconds is None
    assert insights.failing_steps == [] and insights.minutes_saved == 0


def test_thirty_days_take_the_run_before_the_week_too(seeded):
    insights = _gather(seeded, 30)
    assert insights.runs == 68 + 1
    assert insights.since == datetime(2026, 11, 6, tzinfo=UTC) - week.OFFSET


@pytest.fixture(params=["sqlite", "postgres"])
def any_store(request, tmp_path):
    if request.param == "sqlite":
        with Store(tmp_path / "flowin.db") as opened:
            yield opened
        return
    with postgres_schema("flowin_insights") as url, Store(url=url) as opened:
        yield opened


def test_the_figures_read_the_same_from_a_database_server(any_store):
    week.seed_week(any_store)
    insights = _gather(any_store)
    assert insights.runs_per_day["orders"][-1] == 9 + 1
    assert (insights.runs, insights.successes, insights.failures) == (68, 63, 5)
    assert insights.minutes_saved == 196
    assert [s.count for s in insights.failing_steps] == [3, 2]
    whatsapp = next(a for a in insights.accounts if a.connection_id == week.WHATSAPP)
    assert whatsapp.failure_reason == week.WHATSAPP_ERROR.format(code=196)
