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


# An "if" that names a field of the event's data ("the payment method", "the subject", "from",
# "طريقة الدفع", "المدينة") is a condition on that field, whatever else its words read as.


def _rule(sentence: str) -> tuple[list[str], dict, list[str]]:
    proposal = build(sentence)
    assert proposal.flow is not None
    (condition,) = [n for n in proposal.flow.nodes if n.type == "core.condition"]
    (rule,) = condition.params["conditions"]
    return [n.type for n in proposal.flow.nodes], rule, proposal.not_understood


@pytest.mark.parametrize(
    ("sentence", "steps", "left", "operator", "right"),
    [
        (
            "عند ورود طلب جديد في WooCommerce، إذا كانت طريقة الدفع عند الاستلام فغيّر حالته "
            "إلى قيد الانتظار.",
            ["woocommerce.order_created", "core.condition", "woocommerce.update_order_status"],
            "{{ trigger.payment_method }}",
            "equals",
            "عند الاستلام",
        ),
        (
            "when an outlook email comes in, if the subject has 'invoice' in it save it to "
            "airtable",
            ["outlook.new_mail", "core.condition", "airtable.create_record"],
            "{{ trigger.subject }}",
            "contains",
            "invoice",
        ),
        (
            "when a new gmail arrives and the subject has 'urgent' in it, text me",
            ["gmail.new_email", "core.condition", "twilio.send_sms"],
            "{{ trigger.subject }}",
            "contains",
            "urgent",
        ),
        (
            "when a new salla customer signs up and the city is Jeddah send them a welcome email",
            ["salla.new_customer", "core.condition", "email.send_email"],
            "{{ trigger.city }}",
            "equals",
            "Jeddah",
        ),
        (
            "when an outlook email comes in, if it is from Ahmed forward it to my telegram",
            ["outlook.new_mail", "core.condition", "telegram.send_message"],
            "{{ trigger.from }}",
            "contains",
            "Ahmed",
        ),
    ],
)
def test_an_if_on_a_field_of_the_event_compares_that_field(sentence, steps, left, operator, right):
    found, rule, not_understood = _rule(sentence)
    assert found == steps
    assert (rule["left"], rule["operator"], rule["right"]) == (left, operator, right)
    assert not_understood == []


@pytest.mark.parametrize(
    "sentence",
    [
        "new outlook email -> if its from a vip client post in slack #urgent otherwise add to "
        "excel",
        "عند وصول بريد جديد في Outlook، إذا كان المرسل من عميل مهم أرسل لي رسالة على تيليجرام",
    ],
)
def test_an_if_on_a_kind_of_sender_keeps_the_field_and_asks_for_the_value(sentence):
    proposal = build(sentence)
    found, rule, not_understood = _rule(sentence)
    assert found[:2] == ["outlook.new_mail", "core.condition"]
    assert rule["left"] == "{{ trigger.from }}" and rule["right"] == ""
    assert not_understood  # the value is asked for, never guessed
    condition = next(n for n in proposal.flow.nodes if n.type == "core.condition")
    assert any(m.node == condition.name for m in proposal.missing)


def test_the_otherwise_of_an_if_on_a_field_is_its_false_branch():
    sentence = (
        "new outlook email -> if its from a vip client post in slack #urgent otherwise add to excel"
    )
    assert _false_branch(sentence) == ["excel.add_row"]


def test_there_is_before_a_noun_is_no_order():
    found = types("كل ١٠ دقايق شيك عالإيرتيبل ازا في سجلات جديدة ابعتلي تلغرام")
    assert found == [
        "schedule.every",
        "airtable.find_records",
        "core.condition",
        "telegram.send_message",
    ]


# A status said with the record between the verb and the status ("يصير الطلب completed", "تكون
# حالة الطلب في سلة تم الشحن", "يبقى الاوردر delivered"): the change of status is checked for it.


@pytest.mark.parametrize(
    ("sentence", "event", "right"),
    [
        (
            "ابعت للزبون ايميل من الجيميل بعنوان 'طلبك وصل' لما يصير الطلب completed بووكومرس",
            "woocommerce.order_updated",
            "completed",
        ),
        (
            "لما تكون حالة الطلب في سلة تم الشحن ابعت للعميل ايميل",
            "salla.order_status_changed",
            "تم الشحن",
        ),
        (
            "لما يبقى الاوردر delivered على زد ابعتلي على التليجرام",
            "zid.order_status_changed",
            "delivered",
        ),
    ],
)
def test_a_status_said_after_its_record_is_checked(sentence, event, right):
    found, rule, _not_understood = _rule(sentence)
    assert found[:2] == [event, "core.condition"] and len(found) == 3
    assert rule["operator"] == "equals" and rule["right"] == right
    assert rule["left"].startswith("{{ trigger.status")


# "if it contains 'price'": "it" is what came in, its text is where the word is looked for; a
# condition never compares an empty left side.


@pytest.mark.parametrize(
    "sentence",
    [
        "when a whatsapp message comes in, if it contains 'price' send the price list otherwise "
        "answer it with chatgpt",
        "when a telegram message comes in, if it includes 'menu' send the menu photo",
    ],
)
def test_it_in_a_condition_on_a_message_is_the_message_text(sentence):
    _found, rule, not_understood = _rule(sentence)
    assert rule["left"] == "{{ trigger.text }}" and rule["operator"] == "contains"
    assert not_understood == []


def test_the_if_it_before_a_condition_is_not_reported_as_not_understood():
    sentence = "when an email comes to my gmail, if it mentions refund forward it to slack #support"
    found, rule, not_understood = _rule(sentence)
    assert found == ["gmail.new_email", "core.condition", "slack.post_message"]
    assert rule["right"] == "refund" and not_understood == []
    assert build("if it, text me").not_understood  # with no condition, still said
