"""Which event starts the flow, however it is said: another of the user's flows failing (in
every dialect, with "flow" in Latin letters or Arabic), … The sentences were made up for these
tests or taken from the development sets, in several dialects and for several services."""

from __future__ import annotations

import pytest

from tests.builder.built import types

FLOW_FAILS = [
    ("if any of my flows fails email me at omar.k@gmail.com", "email.send_email"),
    ("when one of our workflows has an error, post it on slack #ops", "slack.post_message"),
    ("whenever an automation crashes send me a telegram", "telegram.send_message"),
    ("اذا فشل أي flow عندي ابعتلي عالتلغرام", "telegram.send_message"),
    ("لو أي فلو وقع ابعتلي ايميل على ops@shop.com", "email.send_email"),
    ("كي يصرا خطأ ف أي flow ابعثلي SMS ل +213550123456", "twilio.send_sms"),
    ("إذا حدث خطأ في أي تدفق أرسل لي رسالة على سلاك", "slack.post_message"),
    ("kol ma tfashel ay flow ib3atli 3al telegram", "telegram.send_message"),
]


@pytest.mark.parametrize(("sentence", "action"), FLOW_FAILS)
def test_another_flow_failing_is_the_event_in_every_dialect(sentence, action):
    assert types(sentence) == ["core.on_failure", action]


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("when a paymob payment fails email me", "paymob.payment_declined"),
        ("لو دفعة تاب فشلت ابعتلي ايميل", "tap.charge_failed"),
    ],
)
def test_a_failure_that_is_no_flows_is_not_read_as_one(sentence, event):
    assert types(sentence)[0] == event


EVENT_AFTER_THE_ORDER = [
    # Egyptian: "بعد ما" (after) opens the event, said after the order
    (
        "ابعت الفاتورة PDF للعميل عالواتس بعد ما يدفع على سترايب",
        "stripe.payment_succeeded",
    ),
    ("ابعتلي رسالة على سلاك بعد ما العميل يدفع على تاب", "tap.charge_captured"),
    # Gulf: "بعدما" glued
    ("ارسل للعميل ايميل شكر بعدما يدفع في سترايب", "stripe.payment_succeeded"),
    # English: "after" with the event's noun and its passive
    (
        "send the customer an email with the invoice pdf after stripe invoice is paid",
        "stripe.invoice_paid",
    ),
    ("post on slack after a new shopify order comes in", "shopify.new_order"),
]


@pytest.mark.parametrize(("sentence", "event"), EVENT_AFTER_THE_ORDER)
def test_an_event_said_after_the_order_with_after_starts_the_flow(sentence, event):
    assert types(sentence)[0] == event


BOTH_SCRIPTS = [
    # Egyptian with "card" in Latin letters: the card moved, not a card made
    (
        "لما card تتنقل لـ Done في تريلو ابعتلي رسالة على سلاك",
        ["trello.card_moved", "slack.post_message"],
    ),
    ("لو الـ card اتنقلت في trello ابعت SMS للعميل", ["trello.card_moved", "twilio.send_sms"]),
    # "عالإيميل" read as the Latin "email": a summary read from Stripe, then e-mailed
    (
        "كل جمعة ابعتلي ملخص الاسبوع من ستريب عالإيميل",
        ["schedule.every", "stripe.list_payments", "email.send_email"],
    ),
    # the event said in English words inside Arabic stays the event
    (
        "اي customer جديد في stripe ضيفه في الشيت",
        ["stripe.new_customer", "google_sheets.append_row"],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), BOTH_SCRIPTS)
def test_a_clause_in_both_scripts_is_read_whole(sentence, expected):
    assert types(sentence) == expected


WHICH_EVENT_OF_AN_ORDER = [
    # the customer ordering is an order placed, not a customer signing up
    ("ارسل صورة المنتج للعميل بالواتس اول ما يطلب من ووكومرس", "woocommerce.order_created"),
    ("لما العميل يطلب من سلة ابعتلي رسالة عالتلغرام", "salla.new_order"),
    # an order cancelled, received or shipped is its status changing, not a new order
    ("ابعت لمدير المخزن رسالة على سلاك لما اوردر يتلغي في ووكومرس", "woocommerce.order_updated"),
    ("لما الطلب اتلغى في زد ابعت للعميل ايميل", "zid.order_status_changed"),
    ("لما العميل يستلم الطلب من سلة ابعتله واتس شكر", "salla.order_status_changed"),
    ("اول ما الطلب يتشحن في سلة ابعت SMS للعميل", "salla.order_status_changed"),
]


@pytest.mark.parametrize(("sentence", "event"), WHICH_EVENT_OF_AN_ORDER)
def test_what_happens_to_an_order_chooses_the_stores_event(sentence, event):
    assert types(sentence)[0] == event


def test_a_cancelled_order_where_the_store_has_no_such_event_is_still_said_honestly():
    from flowin_engine.builder import build

    assert build("لما اوردر يتلغي في شوبيفاي ابعتلي رسالة على سلاك").unsupported
