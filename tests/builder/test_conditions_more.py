"""Conditions and branches said the many ways people say them: the 'otherwise' of every dialect,
an 'otherwise' that asks for nothing, and a route by cases only when a route is said.

The sentences were written for these tests or taken from the development sets; none comes from
a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build

from .built import types


def _false_branch(sentence: str) -> list[str]:
    """The node types reached by the condition's 'false' output."""
    proposal = build(sentence)
    assert proposal.flow is not None
    flow = proposal.flow
    (condition,) = [n for n in flow.nodes if n.type == "core.condition"]
    by_id = {n.id: n for n in flow.nodes}
    return [
        by_id[edge.target].type
        for edge in flow.edges
        if edge.source == condition.id and edge.source_port == "false"
    ]


@pytest.mark.parametrize(
    ("sentence", "yes", "no"),
    [
        (
            "ازا الطلب بسلة فوق 500 ريال ابعتلي عالتلغرام غير هيك سجلو بالشيت",
            "telegram.send_message",
            "google_sheets.append_row",
        ),
        (
            "لو الدفعة عسترايب اكتر من ٢٠٠ دولار خبرني عالسلاك وغير هيك ضيفها عالاكسل",
            "slack.post_message",
            "excel.add_row",
        ),
    ],
)
def test_levantine_otherwise_is_the_false_branch(sentence, yes, no):
    found = types(sentence)
    assert found[1:] == ["core.condition", yes, no]
    assert _false_branch(sentence) == [no]


@pytest.mark.parametrize(
    "sentence",
    [
        "لو اجت دفعة ستريب فوق 1000$ حطها بالشيت بتاب Big وابعت عسلاك غير هيك ولا شي",
        "لو الطلب في سلة فوق ٥٠٠ ريال ابعتلي تيليجرام وإلا ولا حاجة",
        "لو الاوردر على شوبيفاي اكتر من ٣٠٠٠ جنيه ابعتلي تيليجرام غير كده متعملش حاجة",
        "if the shopify order is over 500 dollars text me on telegram, otherwise nothing",
    ],
)
def test_an_otherwise_that_asks_for_nothing_adds_no_step_and_is_understood(sentence):
    proposal = build(sentence)
    assert proposal.flow is not None
    assert proposal.not_understood == []
    assert _false_branch(sentence) == []
    last = proposal.flow.nodes[-1].type
    assert last in ("slack.post_message", "telegram.send_message")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "طلب جديد في زد غير حالته الى جاري التجهيز على طول",
            "zid.update_order_status",
        ),
        (
            "every hour look up rows where Status is Pending in Orders.xlsx and telegram them "
            "to @shopteam",
            None,
        ),
    ],
)
def test_a_route_by_cases_is_never_read_from_a_word_like_status_alone(sentence, expected):
    found = types(sentence)
    assert "core.switch" not in found
    if expected:
        assert expected in found


@pytest.mark.parametrize(
    "sentence",
    [
        "When a WhatsApp message comes in, route it depending on the language",
        "لما يجي ايميل جديد على الجيميل وجهه حسب نوعه",
    ],
)
def test_a_route_said_is_still_a_switch(sentence):
    assert types(sentence)[-1] == "core.switch"


# Maghrebi "و الى …" (and if …) and Tunisian "وكي …" (and when …) after a read on a schedule:
# the read, then a check of what it read, then the step.


@pytest.mark.parametrize(
    "sentence",
    [
        "كل 30 دقيقة شوف الستوك ف api ديالي و الى نزل تحت 5 صيفطلي تيليغرام",
        "كل ساعة شوف الطلبات ف api ديالي والى كاين شي جديد صيفطلي تيليغرام",
        "كل ساعة ثبت ف ال API متاع الفورمولار وكي يكون فما جديد زيدو في الاكسال",
    ],
)
def test_maghrebi_if_after_a_scheduled_read_checks_what_was_read(sentence):
    found = types(sentence)
    assert found[:3] == ["schedule.every", "http.request", "core.condition"]
    assert len(found) == 4 and found[3] in ("telegram.send_message", "excel.add_row")


def test_and_to_before_a_noun_is_no_if():
    found = types("ارسل التقرير على الايميل إلى المدير وإلى العميل")
    assert "core.condition" not in found
