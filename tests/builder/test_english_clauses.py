"""How the offline builder reads English clauses: a failure is never taken for a success, an
order after a complete event starts a step ("…fails email me"), "and the customer" adds a
recipient rather than a step, and a scheduled step first reads the sheet or service its data
comes from.

Every sentence here was written for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from tests.builder.built import types


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("when a Paymob payment fails, post to #billing on slack", "paymob.payment_declined"),
        ("if a Moyasar payment is declined message me on telegram", "moyasar.payment_failed"),
        ("when a tap charge fails text me", "tap.charge_failed"),
    ],
)
def test_a_failure_starts_the_services_failure_trigger_never_its_success(sentence, trigger):
    assert types(sentence)[0] == trigger


def test_an_order_to_someone_after_a_complete_event_is_a_step_and_the_customer_a_recipient():
    assert types("when a moyasar payment fails email me and the customer") == [
        "moyasar.payment_failed",
        "email.send_email",
    ]


@pytest.mark.parametrize(
    ("sentence", "sheet"),
    [
        ("every day at 8pm send me the totals from my Cash Book sheet on telegram", "Cash Book"),
        ("every monday email the Stock tab to supplier@shop.com", "Stock"),
    ],
)
def test_a_scheduled_step_first_reads_the_sheet_its_data_comes_from(sentence, sheet):
    proposal = build(sentence)
    nodes = [n for n in proposal.flow.nodes]
    assert [n.type for n in nodes][:2] == ["schedule.every", "google_sheets.read_rows"]
    assert nodes[1].params.get("sheet") == sheet


def test_a_bare_order_after_where_the_event_happens_starts_a_step():
    assert types("when a row is added to my sheet send an email from gmail to the customer") == [
        "google_sheets.new_row",
        "gmail.send_email",
    ]


def test_a_noun_after_a_services_name_is_no_order():
    proposal = build("When someone comments on my Instagram post, reply to them")
    assert any("instagram" in said.lower() for said in proposal.unsupported)
    assert "slack.post_message" not in [n.type for n in proposal.flow.nodes]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "can you make it so when a new zid order comes in it sends me an sms",
            ["zid.new_order", "twilio.send_sms"],
        ),
        (
            "when a Salla order status changes tell the customer on telegram",
            ["salla.order_status_changed", "telegram.send_message"],
        ),
        (
            "when an outlook email arrives reply with chatgpt",
            ["outlook.new_mail", "openai.generate_text", "outlook.send_mail"],
        ),
    ],
)
def test_what_it_should_do_tell_and_a_reply_where_the_mail_came_from(sentence, expected):
    assert types(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "could you please set up an automation that posts every new Shopify order to #orders",
        "hi there, can u make it so when a new shopify order comes in it posts to #orders on slack",
    ],
)
def test_a_polite_opening_is_no_step(sentence):
    proposal = build(sentence)
    assert [n.type for n in proposal.flow.nodes] == ["shopify.new_order", "slack.post_message"]
    assert proposal.not_understood == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "every monday at 9 post last week's stripe revenue to slack #money",
            ["schedule.every", "stripe.list_payments", "slack.post_message"],
        ),
        (
            "every friday at 4pm send the week's stripe payments to books@shop.com",
            ["schedule.every", "stripe.list_payments", "email.send_email"],
        ),
        (
            "a gmail from orders@supplier.com -> post in slack #supply",
            ["gmail.new_email", "slack.post_message"],
        ),
    ],
)
def test_a_scheduled_read_goes_where_the_clause_says_and_a_sender_is_no_recipient(
    sentence, expected
):
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "when a new shopify order comes in, email the customer a review request after 3 days",
            ["shopify.new_order", "core.delay", "email.send_email"],
        ),
        (
            "لما يجي اوردر جديد في شوبيفاي ابعت للعميل ايميل بعد يومين",
            ["shopify.new_order", "core.delay", "email.send_email"],
        ),
    ],
)
def test_a_wait_said_after_its_step_comes_before_it(sentence, expected):
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "when a new Shopify order comes in text me on telegram",
            ["shopify.new_order", "telegram.send_message"],
        ),
        (
            "every morning at 9 text me on Telegram the Stripe payments",
            ["schedule.every", "stripe.list_payments", "telegram.send_message"],
        ),
        # no service said for it: a text message
        (
            "when a new lead comes in on the sheet text me",
            ["google_sheets.new_row", "twilio.send_sms"],
        ),
    ],
)
def test_text_me_on_a_service_is_a_message_sent_there_not_one_edited(sentence, expected):
    assert types(sentence) == expected
