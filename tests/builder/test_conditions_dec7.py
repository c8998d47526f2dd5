"""Conditions said the ways the development sets say them: amounts in Arabic number words
("ألفي جنيه", "خمسمية", "ميتين ريال", "ألف وخمسمية"), a record's amount said with a possessive
("a new order's total"), the time of day ("after 10pm", "بعد الساعة ١٠ بالليل") and the choices
a message offers after a colon.

The sentences were written for these tests or follow the patterns of the development sets; none
comes from a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.amounts import amount_words_as_digits

from .built import condition_rule, types


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("فوق الفي جنيه", "فوق 2000 جنيه"),
        ("اكتر من خمسميه", "اكتر من 500"),
        ("ميتين ريال", "200 ريال"),
        ("الف وخمسميه جنيه", "1500 جنيه"),
        ("الف و خمسميه جنيه", "1500 جنيه"),
        ("تلات تلاف درهم", "3000 درهم"),
        ("ثلاثه الاف ريال", "3000 ريال"),
        ("عشره الاف ريال", "10000 ريال"),
        ("الف ونص جنيه", "1500 جنيه"),
        ("ميه وخمسين دولار", "150 دولار"),
        ("خمس ميه دينار", "500 دينار"),
        ("5 الاف جنيه", "5000 جنيه"),
        ("مليون درهم", "1000000 درهم"),
        # no amount: water ("ميه") and a thousand thanks stay words
        ("اشرب ميه", "اشرب ميه"),
        ("الف شكر", "الف شكر"),
    ],
)
def test_arabic_amounts_in_words_are_read_as_digits(said, read):
    assert amount_words_as_digits(said) == read


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        (
            "إذا تجاوزت قيمة الطلب في WooCommerce ألفي جنيه فأرسل رسالة SMS إلى المدير، "
            "وإلا فأضف الطلب إلى Notion",
            2000,
        ),
        ("لو الاوردر في شوبيفاي اكتر من خمسمية جنيه ابعتلي على تيليجرام", 500),
        ("اذا الطلب في سلة فوق ميتين ريال ارسل لي واتس", 200),
        ("لو الدفعة على سترايب فوق ألف وخمسمية دولار ابعتلي ايميل", 1500),
        ("ازا الطلب بسلة فوق تلات تلاف ريال خبرني عالتلغرام", 3000),
    ],
)
def test_a_threshold_in_arabic_words_is_the_condition_value(sentence, value):
    rule = condition_rule(sentence)
    assert rule["operator"] == "greater_than"
    assert rule["right"] == value
    assert rule["left"]


def test_a_records_amount_said_with_a_possessive_is_the_condition():
    sentence = (
        "If a new Shopify order's total is above 500 USD, send the details to my Gmail, "
        "otherwise just WhatsApp me."
    )
    assert types(sentence)[:3] == ["shopify.new_order", "core.condition", "gmail.send_email"]
    assert condition_rule(sentence)["right"] == 500


@pytest.mark.parametrize(
    "sentence",
    [
        "law el payment 3ala paymob akbar men 2000 geneh ab3at email lel accountant "
        "3ala acc@koshk.com w8er keda ab3atli whatsapp",
        "mli tji commande f shopify ila kan total fou9 500 dh sift liya whatsapp sinon "
        "zidha ghir f notion",
        "ايلا كانت الكوموند ف woocommerce فوق ١٠٠٠ درهم صيفطها ليا ف تيليغرام sinon غير سجلها ف excel",
        "iza el order 3ala salla aktar men 500 riyal b3atli telegram, w iza la2 7otto bl sheet",
    ],
)
def test_otherwise_in_arabizi_and_french_is_the_false_branch(sentence):
    proposal = build(sentence)
    assert proposal.flow is not None
    flow = proposal.flow
    (condition,) = [n for n in flow.nodes if n.type == "core.condition"]
    ports = {edge.source_port for edge in flow.edges if edge.source == condition.id}
    assert ports == {"true", "false"}
    assert isinstance(condition_rule(sentence)["right"], int)


_NOW = "{{ now | date('%H:%M', 'local') }}"


@pytest.mark.parametrize(
    ("sentence", "trigger", "combine", "rules"),
    [
        (
            "لو حد بعت رسالة على الواتس بعد الساعة ١٠ بالليل رد عليه اننا مقفولين",
            "whatsapp.incoming_message",
            "and",
            [("greater_or_equal", "22:00")],
        ),
        (
            "اذا جاني طلب في سلة بعد ١١ بالليل ارسل لي واتس",
            "salla.new_order",
            "and",
            [("greater_or_equal", "23:00")],
        ),
        (
            "when someone messages us on whatsapp after 10pm reply 'we are closed'",
            "whatsapp.incoming_message",
            "and",
            [("greater_or_equal", "22:00")],
        ),
        (
            "when a stripe payment comes in before 9:30am send me a telegram",
            "stripe.payment_succeeded",
            "and",
            [("less_than", "09:30")],
        ),
        (
            "if a salla order comes in between 10pm and 8am send me a telegram",
            "salla.new_order",
            "or",  # over midnight: either side of it
            [("greater_or_equal", "22:00"), ("less_than", "08:00")],
        ),
    ],
)
def test_a_time_of_day_is_a_condition_on_the_time_now(sentence, trigger, combine, rules):
    proposal = build(sentence)
    assert proposal.flow is not None
    found = [n.type for n in proposal.flow.nodes]
    assert found[:2] == [trigger, "core.condition"]
    (condition,) = [n for n in proposal.flow.nodes if n.type == "core.condition"]
    assert condition.params["combine"] == combine
    assert [(c["left"], c["operator"], c["right"]) for c in condition.params["conditions"]] == [
        (_NOW, operator, right) for operator, right in rules
    ]


def test_outside_working_hours_asks_for_the_hours_instead_of_guessing():
    proposal = build("when a new whatsapp message comes in outside working hours reply 'closed'")
    assert proposal.flow is not None
    assert [n.type for n in proposal.flow.nodes][:2] == [
        "whatsapp.incoming_message",
        "core.condition",
    ]
    assert any("working hours" in m.message for m in proposal.missing)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("every day at 10pm send me the salla orders on telegram", "schedule.every"),
        ("wait 2 hours then send me a telegram", "core.delay"),
        ("بعد ساعتين ابعتلي تيليجرام", "core.delay"),
    ],
)
def test_a_clock_time_without_after_or_before_stays_a_schedule_or_a_wait(sentence, found):
    assert found in types(sentence)
    assert "core.condition" not in types(sentence)


def test_the_time_now_on_the_computers_clock_is_read_in_hours_and_minutes(monkeypatch):
    import time
    from datetime import UTC, datetime

    from flowin_engine.expressions import render

    monkeypatch.setenv("TZ", "Africa/Cairo")
    time.tzset()
    try:
        moment = datetime(2026, 12, 5, 20, 5, tzinfo=UTC)
        assert render(_NOW, {"now": moment}) == "22:05"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_hours_a_calendar_search_looks_in_are_no_condition():
    sentence = (
        "When a patient messages us on WhatsApp, look up my free slots tomorrow between 10:00 "
        "and 16:00 and send them back"
    )
    assert "core.condition" not in types(sentence)


def test_a_wish_said_before_the_event_is_no_step():
    sentence = (
        "hi guys i need that every time someone texts my business whatsapp after 10pm they get "
        'an auto reply "we are closed now, we open at 9am" otherwise nothing'
    )
    assert types(sentence) == [
        "whatsapp.incoming_message",
        "core.condition",
        "whatsapp.send_text",
    ]


@pytest.mark.parametrize(
    ("sentence", "node_type", "field", "choices"),
    [
        (
            "لما حد يبعت رسالة على الواتس ابعتله اختيارين: تأكيد أو إلغاء",
            "whatsapp.send_buttons",
            "buttons",
            ["تأكيد", "إلغاء"],
        ),
        (
            "اذا احد كتب بالواتس رد عليه بقائمة: الاسعار، الموقع، المواعيد",
            "whatsapp.send_list",
            "rows",
            ["الاسعار", "الموقع", "المواعيد"],
        ),
        (
            "لو حد كلمنا عالواتس ابعتله زرارين: احجز او استفسار",
            "whatsapp.send_buttons",
            "buttons",
            ["احجز", "استفسار"],
        ),
    ],
)
def test_arabic_choices_after_a_colon_are_the_messages_choices(sentence, node_type, field, choices):
    proposal = build(sentence)
    assert proposal.flow is not None
    assert [n.type for n in proposal.flow.nodes] == ["whatsapp.incoming_message", node_type]
    assert proposal.flow.nodes[1].params[field] == choices
    assert not proposal.not_understood
