"""Schedules and waits a shop owner says in everyday words: "twice a day", "the last Friday of
the month", Arabic counts in dialect ("استنى خمس دقايق"), Arabizi times ("9 bel leil"). What
the builder can read it reads; what a schedule cannot say exactly, or what would be a guess, it
asks about, never dropped silently and never replaced by a default.

Every sentence here was written for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.entities import extract


def waits_of(sentence: str) -> list[dict]:
    return [e.value for e in extract(sentence).entities if e.kind == "wait"]


def schedule_of(sentence: str) -> dict:
    (entity,) = [e for e in extract(sentence).entities if e.kind == "schedule"]
    return entity.value


def schedule_question(sentence: str) -> str:
    """The question the builder asks about when the flow should run (the trigger must be a
    schedule whose times are left to the user, not a default)."""
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.refused)
    trigger = proposal.flow.nodes[0]
    assert trigger.type == "schedule.every", [n.type for n in proposal.flow.nodes]
    assert not trigger.params.get("mode"), trigger.params
    asked = [m.message for m in proposal.missing if m.node == trigger.name]
    assert len(asked) == 1, proposal.missing
    return asked[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "twice a day send me the sales report on telegram",
        "3 times a day check the stock and email me@shop.com",
        "send a whatsapp to the team three times per day",
        "every day twice, post the orders in #sales on slack",
    ],
)
def test_so_many_times_a_day_asks_at_what_times_instead_of_guessing_them(sentence):
    question = schedule_question(sentence)
    assert "what times" in question


@pytest.mark.parametrize(
    "sentence",
    [
        "مرتين في اليوم ابعتلي تقرير المبيعات على تيليجرام",
        "ابعت رسالة واتساب للفريق ٣ مرات في اليوم",
        "كل يوم مرتين ابعتلي ايميل على me@shop.com",
        "ارسل تقرير على سلاك ثلاث مرات يوميا",
    ],
)
def test_so_many_times_a_day_in_arabic_asks_at_what_times(sentence):
    question = schedule_question(sentence)
    assert "أوقات" in question


@pytest.mark.parametrize(
    "sentence", ["twice a week email the report to me@shop.com", "ابعتلي تقرير مرتين في الاسبوع"]
)
def test_so_many_times_a_week_asks_on_which_days_too(sentence):
    question = schedule_question(sentence)
    assert "which days" in question or "أيام" in question


@pytest.mark.parametrize(
    "sentence",
    [
        "every last friday of the month email the accountant at acc@shop.com",
        "on the last Monday of each month send me a summary on telegram",
        "كل اخر جمعة في الشهر ابعت تقرير على الايميل acc@shop.com",
        "آخر خميس من كل شهر ابعتلي ملخص على تيليجرام",
    ],
)
def test_the_last_weekday_of_the_month_is_asked_about_never_guessed(sentence):
    question = schedule_question(sentence)
    assert "last" in question or "آخر" in question


@pytest.mark.parametrize(
    ("sentence", "wait"),
    [
        ("استنى خمس دقايق وبعدين ابعت رسالة", {"amount": 5, "unit": "minutes"}),
        ("استنا عشر دقايق", {"amount": 10, "unit": "minutes"}),
        ("بعد تلات ساعات ابعتله تذكير", {"amount": 3, "unit": "hours"}),
        ("بعد يومين ابعتله ايميل", {"amount": 2, "unit": "days"}),
        ("اصبر ربع ساعة", {"amount": 15, "unit": "minutes"}),
        ("بعد ساعة ونص ابعت رسالة", {"amount": 90, "unit": "minutes"}),
        ("انتظر ساعتين ونص", {"amount": 150, "unit": "minutes"}),
        ("بعد تلت ساعة", {"amount": 20, "unit": "minutes"}),
    ],
)
def test_waits_said_with_arabic_number_words_in_dialect(sentence, wait):
    assert waits_of(sentence) == [{"mode": "duration", **wait}]


@pytest.mark.parametrize(
    ("sentence", "params"),
    [
        ("كل عشر دقايق شيك على الطلبات", {"mode": "interval", "every": 10, "unit": "minutes"}),
        ("كل تلات ساعات", {"mode": "interval", "every": 3, "unit": "hours"}),
        ("كل خمستاشر دقيقة", {"mode": "interval", "every": 15, "unit": "minutes"}),
    ],
)
def test_intervals_said_with_arabic_number_words_in_dialect(sentence, params):
    assert schedule_of(sentence) == params


@pytest.mark.parametrize(
    ("sentence", "cron"),
    [
        ("kol yom 11 el sobh ab3atli el report 3al telegram", "0 11 * * *"),
        ("kol yom 9 bel leil ab3at resala 3al telegram", "0 21 * * *"),
        ("kol youm 8 el sob7 ab3atli email", "0 8 * * *"),
        ("every day 9 in the morning send me a telegram message", "0 9 * * *"),
        ("kol yom 3 el 3asr ab3atli el report 3al telegram", "0 15 * * *"),
        ("every day at 4 in the afternoon send me a telegram message", "0 16 * * *"),
    ],
)
def test_arabizi_times_of_day_are_read_with_their_part_of_the_day(sentence, cron):
    proposal = build(sentence)
    assert proposal.flow is not None, proposal.question
    trigger = proposal.flow.nodes[0]
    assert trigger.params == {"mode": "cron", "cron": cron}


def test_an_arabizi_wait_is_a_delay_step():
    proposal = build("lama yegi order gdid ba3d 5 d2aye2 ab3at resala 3al telegram")
    assert proposal.flow is not None, proposal.question
    delays = [n.params for n in proposal.flow.nodes if n.type == "core.delay"]
    assert delays == [{"mode": "duration", "amount": 5, "unit": "minutes"}]
