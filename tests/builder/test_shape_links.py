"""A payment link sent: the payment service makes the link, then the message sends it ("send
the customer a new payment link on WhatsApp" after a failed Paymob payment; "sends a Moyasar
payment link when a customer writes 'pay' on WhatsApp" answers there).

The sentences were written for these tests or taken from the development sets; none comes from
a held-out set."""

from __future__ import annotations

import pytest

from tests.builder.built import types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "when a tap charge fails send the customer a new payment link by sms",
            ["tap.charge_failed", "tap.create_payment_link", "twilio.send_sms"],
        ),
        (
            "لما الدفع يترفض على paymob ابعت للعميل لينك دفع جديد على التليجرام",
            ["paymob.payment_declined", "paymob.create_payment_link", "telegram.send_message"],
        ),
        (
            "اذا فشل الدفع بتاب ارسل للعميل رابط دفع جديد بالايميل",
            ["tap.charge_failed", "tap.create_payment_link", "email.send_email"],
        ),
    ],
)
def test_a_payment_link_sent_is_made_by_the_payment_service_first(sentence, expected):
    assert types(sentence) == expected


def test_a_payment_link_sent_to_who_wrote_is_made_then_sent_back_there():
    assert types("when a customer writes 'buy' on telegram send them a paymob payment link") == [
        "telegram.new_message",
        "core.condition",
        "paymob.create_payment_link",
        "telegram.send_message",
    ]


def test_a_link_of_a_service_not_named_is_not_made_up():
    assert types("when a new shopify order comes send the customer the tracking link on sms") == [
        "shopify.new_order",
        "twilio.send_sms",
    ]


# Data moved "from" one service "to" another: the first is read, the second written.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "every night at 11pm copy the Bookings table from airtable into my google sheet",
            ["schedule.every", "airtable.find_records", "google_sheets.append_row"],
        ),
        (
            "every hour copy the rows from my google sheet to airtable",
            ["schedule.every", "google_sheets.read_rows", "airtable.create_record"],
        ),
        (
            "كل يوم الساعة ١٠ انقل الطلبات من سلة الى الشيت",
            ["schedule.every", "salla.list_orders", "google_sheets.append_row"],
        ),
        (
            "كل ساعة انسخ الطلبات من زد لنوشن",
            ["schedule.every", "zid.list_orders", "notion.create_page"],
        ),
    ],
)
def test_data_moved_from_one_service_to_another_reads_the_first_and_writes_the_second(
    sentence, expected
):
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "sender"),
    [
        ("كل ساعتين ابعت أسعار الذهب من الـ API تبعنا لقناة التلغرام", "telegram.send_message"),
        (
            "every morning at 7 send me the weather from our api on slack #general",
            "slack.post_message",
        ),
    ],
)
def test_what_is_sent_from_an_api_on_a_schedule_is_called_first(sentence, sender):
    assert types(sentence) == ["schedule.every", "http.request", sender]


def test_records_read_on_a_schedule_are_sent_to_the_address_the_clause_gives():
    assert types("every morning at 8 email yesterday's shopify orders to boss@shop.example") == [
        "schedule.every",
        "shopify.list_orders",
        "email.send_email",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "post every monday at 9 the week's stripe payments to slack #finance",
            ["schedule.every", "stripe.list_payments", "slack.post_message"],
        ),
        (
            "send daily orders from woocommerce to google sheets",
            ["schedule.every", "woocommerce.list_orders", "google_sheets.append_row"],
        ),
    ],
)
def test_an_order_cut_from_its_object_by_a_schedule_is_one_step_again(sentence, expected):
    assert types(sentence) == expected
