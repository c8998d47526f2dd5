"""The values a proposed flow carries: when a schedule runs, what a condition compares, where a
message goes. A wrong value is worse than none: what the builder can't read is said, never
replaced by a default.

Every sentence here was written for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.entities import extract


def schedule_of(sentence: str) -> dict:
    (entity,) = [e for e in extract(sentence).entities if e.kind == "schedule"]
    return entity.value


def nodes_of(sentence: str) -> dict:
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.refused)
    return {node.type: node for node in proposal.flow.nodes}


@pytest.mark.parametrize(
    ("sentence", "params"),
    [
        ("every two hours", {"mode": "interval", "every": 2, "unit": "hours"}),
        ("every ten minutes", {"mode": "interval", "every": 10, "unit": "minutes"}),
        ("every three days at 8am", {"mode": "interval", "every": 3, "unit": "days"}),
        ("every night at 11", {"mode": "cron", "cron": "0 23 * * *"}),
        ("every evening at 7:30", {"mode": "cron", "cron": "30 19 * * *"}),
        ("every Friday evening", {"mode": "cron", "cron": "0 18 * * 5"}),
        ("every Sunday night", {"mode": "cron", "cron": "0 21 * * 0"}),
        ("every hour on weekdays", {"mode": "cron", "cron": "0 * * * 1-5"}),
        ("كل يوم خميس بالليل الساعة ١٠", {"mode": "cron", "cron": "0 22 * * 4"}),
    ],
)
def test_schedules_said_in_words(sentence, params):
    assert schedule_of(sentence) == params


def test_the_time_of_day_said_with_a_weekday_is_no_step_left_unread():
    proposal = build("Every Sunday morning, email a summary to team@shop.com")
    assert proposal.not_understood == []
    schedule = proposal.flow.nodes[0]
    assert schedule.params == {"mode": "cron", "cron": "0 9 * * 0"}


@pytest.mark.parametrize(
    "sentence", ["twice a day send me a report on telegram", "now and then email me@shop.com"]
)
def test_a_schedule_it_cannot_read_is_said_never_every_fifteen_minutes(sentence):
    proposal = build(sentence)
    starts = proposal.flow.nodes[0] if proposal.flow else None
    if starts is not None and starts.type == "schedule.every":
        assert starts.params.get("mode") is not None or any(
            m.node == starts.name for m in proposal.missing
        ), starts.params
        assert proposal.not_understood or any(m.node == starts.name for m in proposal.missing)


def test_a_threshold_inside_the_event_keeps_the_event_whole():
    nodes = nodes_of("When a payment over $200 comes in on Stripe, post to #sales on Slack")
    assert list(nodes) == ["stripe.payment_succeeded", "core.condition", "slack.post_message"]
    rule = nodes["core.condition"].params["conditions"][0]
    assert rule["left"] and rule["operator"] == "greater_than" and rule["right"] == 200


def test_a_possessive_service_word_is_still_the_service():
    nodes = nodes_of("When a new email's subject contains 'invoice', save it to the Invoices sheet")
    assert next(iter(nodes)) == "gmail.new_email"
    assert nodes["google_sheets.append_row"].params["sheet"] == "Invoices"


def test_a_condition_on_something_the_event_lacks_is_said_never_compared_to_nothing():
    for sentence in (
        "When a new Stripe customer signs up, if the plan is gold, post to #vip on slack",
        "When a Telegram message arrives and the amount is over 40, email me@shop.com",
    ):
        proposal = build(sentence)
        (condition,) = [n for n in proposal.flow.nodes if n.type == "core.condition"]
        if not all(rule["left"] for rule in condition.params["conditions"]):
            asked = [m for m in proposal.missing if m.node == condition.name]
            assert asked and asked[0].field == "conditions", sentence
            assert any("is" in said for said in proposal.not_understood), sentence


def test_a_schedule_said_without_when_asks_when():
    proposal = build("on a schedule email me@shop.com")
    (schedule,) = [n for n in proposal.flow.nodes if n.type == "schedule.every"]
    assert "mode" not in schedule.params
    (asked,) = [m for m in proposal.missing if m.node == schedule.name]
    assert asked.field == "cron" and "when" in asked.message
