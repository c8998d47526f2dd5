"""A record's state said as an adjective or a prepositional phrase is the condition it is:
"if the order is paid", "paid by cash on delivery", "لو الطلب مدفوع", "اذا الاوردر كاش", and an
order cancelled said as the verb of a status change ("لما الطلب يتلغي في ووكومرس"). The
condition stands where the check is said, with the field it is about and the value.

The sentences were written for these tests; none comes from a development or held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build

from .built import condition_rule, types


@pytest.mark.parametrize(
    ("sentence", "flow", "left", "operator", "right"),
    [
        (
            "If a Zid order is already paid, mark it as preparing",
            ["zid.new_order", "core.condition", "zid.update_order_status"],
            "{{ trigger.payment_status }}",
            "equals",
            "paid",
        ),
        (
            "when a new shopify order comes in, if it's unpaid email me",
            ["shopify.new_order", "core.condition", "email.send_email"],
            "{{ trigger.financial_status }}",
            "not_equals",
            "paid",
        ),
        (
            "if the new woocommerce order is COD, text the customer by sms",
            ["woocommerce.order_created", "core.condition", "twilio.send_sms"],
            "{{ trigger.payment_method }}",
            "equals",
            "Cash on delivery",
        ),
        (
            "new woocommerce order paid with cash on delivery -> set it to on-hold",
            ["woocommerce.order_created", "core.condition", "woocommerce.update_order_status"],
            "{{ trigger.payment_method }}",
            "equals",
            "Cash on delivery",
        ),
        (
            "لو الاوردر الجديد على زد مدفوع ابعتلي رسالة على تيليجرام",
            ["zid.new_order", "core.condition", "telegram.send_message"],
            "{{ trigger.payment_status }}",
            "equals",
            "paid",
        ),
        (
            "لما ييجي طلب على ووكومرس لو كاش ابعتلي رسالة على تيليجرام",
            ["woocommerce.order_created", "core.condition", "telegram.send_message"],
            "{{ trigger.payment_method }}",
            "equals",
            "Cash on delivery",
        ),
        (
            "اذا طلب جديد في ووكومرس كاش ارسل لي ايميل",
            ["woocommerce.order_created", "core.condition", "email.send_email"],
            "{{ trigger.payment_method }}",
            "equals",
            "Cash on delivery",
        ),
    ],
)
def test_a_state_said_as_an_adjective_is_a_condition_where_it_is_said(
    sentence, flow, left, operator, right
):
    assert types(sentence) == flow
    rule = condition_rule(sentence)
    assert rule["operator"] == operator
    assert rule["right"] == right
    assert rule["left"] == left


def test_a_state_of_a_field_the_event_lacks_is_asked_for_not_dropped():
    # Salla's new order says nothing of its payment: the condition is kept, its left side asked
    proposal = build("if the new Salla order is paid, send me a telegram")
    assert [n.type for n in proposal.flow.nodes] == [
        "salla.new_order",
        "core.condition",
        "telegram.send_message",
    ]
    assert condition_rule("if the new Salla order is paid, send me a telegram")["right"] == "paid"
    assert "is paid" in proposal.not_understood


@pytest.mark.parametrize(
    "sentence",
    [
        "لما الاوردر يتلغي في ووكومرس ابعتلي ايميل",
        "لو طلب اتلغى على ووكومرس ابعت رسالة سلاك للمخزن",
    ],
)
def test_an_order_cancelled_said_as_a_verb_checks_the_status_changed(sentence):
    assert types(sentence)[:2] == ["woocommerce.order_updated", "core.condition"]
    rule = condition_rule(sentence)
    assert rule == {"left": "{{ trigger.status }}", "operator": "equals", "right": "cancelled"}


@pytest.mark.parametrize(
    ("sentence", "flow"),
    [
        # the event named by its state ("a payment paid", "is paid") is no condition
        ("when a new Shopify order is paid, email me", ["shopify.new_order", "email.send_email"]),
        (
            "if a moyasar payment paid, send me a telegram",
            ["moyasar.payment_paid", "telegram.send_message"],
        ),
        # "paid by card" is no state the sentence checks; nothing is made up for it
        ("send me on telegram the salla orders paid yesterday", None),
        # a paid verb is the event ("اندفعت فاتورة"); cash that runs low is no payment's state
        ("لو اتدفعت فاتورة على سترايب ابعتلي على تيليجرام", None),
        ("if cash runs low in the Budget sheet email me", None),
        # a sentence with no condition gets none
        ("when a new zid order comes in, send the customer an sms", None),
        ("لما ييجي اوردر جديد على سلة ابعتلي ايميل", None),
    ],
)
def test_no_condition_where_no_state_is_checked(sentence, flow):
    got = types(sentence)
    assert "core.condition" not in got
    if flow is not None:
        assert got == flow


def test_a_status_said_alone_after_another_case_stays_said_not_dropped():
    # "if canceled" with no record after the status change's first case: not cut from its
    # branch by a condition of its own, and said as not understood
    proposal = build(
        "if the zid order becomes delivered whatsapp the customer, if canceled email me"
    )
    assert proposal.flow is not None
    assert "if canceled" in proposal.not_understood


@pytest.mark.parametrize(
    ("sentence", "flow"),
    [
        (
            "ابي ويبهوك يستقبل الطلبات ويرد عليهم بتم ويرسلها لي على تيليجرام",
            ["webhook.receive", "webhook.respond", "telegram.send_message"],
        ),
        (
            "بدي ويب هوك يستلم الفورم ويرد ب 200 ويحطها بالشيت",
            ["webhook.receive", "webhook.respond", "google_sheets.append_row"],
        ),
    ],
)
def test_a_reply_said_with_its_answer_before_another_verb_is_a_step_of_its_own(sentence, flow):
    assert types(sentence) == flow


@pytest.mark.parametrize(
    ("sentence", "trigger", "word"),
    [
        (
            "When a WhatsApp message says 'menu', send the menu pdf",
            "whatsapp.incoming_message",
            "menu",
        ),
        ("if a telegram message says STOP, email me", "telegram.new_message", "STOP"),
    ],
)
def test_what_the_event_message_says_is_looked_for_in_it(sentence, trigger, word):
    got = types(sentence)
    assert got[:2] == [trigger, "core.condition"]
    assert condition_rule(sentence) == {
        "left": "{{ trigger.text }}",
        "operator": "contains",
        "right": word,
    }


def test_the_false_branch_after_a_message_that_says_a_word_is_kept():
    sentence = "When a Telegram message says 'hours', reply with our hours, otherwise email me"
    proposal = build(sentence)
    nodes = proposal.flow.nodes
    assert [n.type for n in nodes] == [
        "telegram.new_message",
        "core.condition",
        "telegram.send_message",
        "email.send_email",
    ]
    condition, email = nodes[1], nodes[3]
    assert any(
        e.source == condition.id and e.source_port == "false" and e.target == email.id
        for e in proposal.flow.edges
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # the words of a message sent are its text, never a condition
        "when a new outlook email comes, send me a telegram message that says 'new mail'",
        "send a whatsapp message that says 'hello' to new shopify customers",
    ],
)
def test_a_message_sent_that_says_words_gets_no_condition(sentence):
    assert "core.condition" not in types(sentence)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        (
            "When someone picks an option from our WhatsApp menu, if it's Delivery send them "
            "the delivery fees, otherwise send the branch location",
            "Delivery",
        ),
        (
            "when a customer messages us on Telegram, if it is 'Hours' reply with our hours",
            "Hours",
        ),
    ],
)
def test_it_is_a_name_after_a_message_event_is_what_the_message_says(sentence, word):
    assert types(sentence)[:2][1] == "core.condition"
    rule = condition_rule(sentence)
    assert rule["left"] == "{{ trigger.text }}"
    assert rule["right"] == word
    assert rule["operator"] in ("contains", "equals")


def test_it_is_a_quality_is_no_value_and_is_said_as_not_understood():
    # "urgent" is no word the message is checked for: said, never a made-up check
    proposal = build("When a customer writes on WhatsApp, if it's urgent email me")
    assert "core.condition" not in [n.type for n in proposal.flow.nodes]
    assert "if it's urgent" in proposal.not_understood


@pytest.mark.parametrize(
    ("sentence", "step"),
    [
        (
            "every morning at 9 email each client in the Clients sheet their balance",
            "email.send_email",
        ),
        (
            "on the 1st of every month text each member in the Members tab by sms a reminder",
            "twilio.send_sms",
        ),
    ],
)
def test_a_step_said_for_each_person_of_the_rows_read_runs_in_a_loop(sentence, step):
    got = types(sentence)
    assert got[1:] == ["google_sheets.read_rows", "core.loop", step]


@pytest.mark.parametrize(
    "sentence",
    [
        # each day is when, a report of each product is all of them at once
        "each day at 8 read the Stock tab and email me a summary",
        "every friday read the Sales tab and email me a report of each product",
    ],
)
def test_each_said_of_a_time_or_of_a_report_needs_no_loop(sentence):
    assert "core.loop" not in types(sentence)
