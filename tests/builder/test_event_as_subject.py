"""The event said as the subject of its own verb, without "when": "كل دفعة تنجح في تاب ابعت…"
(every payment that succeeds on Tap, send…), "اي طلب يوصل على سلة ضيفه…", "العميل اللي يسيب
السلة في زد…". The whole phrase up to the first order is the event, the service named after its
verb included; it is neither cut after its noun nor read as an order with an event inside it.
The sentences were made up for these tests, in several dialects and for several services."""

from __future__ import annotations

import pytest

from tests.builder.built import types

EVENT_AS_SUBJECT = [
    # Gulf: a feminine subject, its verb with ت
    (
        "كل دفعة تنجح في تاب ارسل للعميل ايميل شكر",
        ["tap.charge_captured", "email.send_email"],
    ),
    # Gulf: "any order that reaches Salla"; the service after "على" is the event's
    (
        "اي طلب يوصل على سلة ضيفه في الشيت",
        ["salla.new_order", "google_sheets.append_row"],
    ),
    # Egyptian: the answer glued to "لي" ("ردلي") is an order all the same
    (
        "كل رسالة تيجي على الانستجرام ردلي عليها بالشكر",
        ["instagram_messenger.new_message", "instagram_messenger.send_reply"],
    ),
    # Egyptian: "فيه فاتورة" describes the e-mail, it is no invoice to create
    (
        "اي ايميل يوصل على الجيميل فيه فاتورة حطه في الشيت",
        ["gmail.new_email", "google_sheets.append_row"],
    ),
    # Levantine: the progressive "بيوصل"
    (
        "كل اوردر بيوصل عالووكومرس ابعتلي ياه عالتلغرام",
        ["woocommerce.order_created", "telegram.send_message"],
    ),
    # Gulf: the order as the passive "تنحفظ" after the event
    (
        "كل رسالة SMS توصل على رقمي تنحفظ في ايرتيبل",
        ["twilio.incoming_sms", "airtable.create_record"],
    ),
    # Maghrebi: the progressive "كيجي"; the message is Instagram's, the order Telegram's
    (
        "كل ميساج كيجي ف الانستغرام صيفطو ف التيليغرام",
        ["instagram_messenger.new_message", "telegram.send_message"],
    ),
    # Levantine and MSA: the subject's noun, then "who/which" and its verb
    (
        "الزبون اللي بيدفع بتاب ابعتلو ايميل شكر",
        ["tap.charge_captured", "email.send_email"],
    ),
    (
        "الطلب الذي يصل إلى سلة أرسله إلى سلاك",
        ["salla.new_order", "slack.post_message"],
    ),
    # MSA: "every card created in Trello"
    (
        "كل بطاقة تنشأ في تريلو أرسلها إلى سلاك",
        ["trello.card_created", "slack.post_message"],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), EVENT_AS_SUBJECT)
def test_an_event_said_as_the_subject_of_its_verb_keeps_its_service(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_an_order_said_before_the_event_it_names_is_still_an_order_with_its_event() -> None:
    # "send a thank-you for every payment on Stripe": no subject, the event inside the order
    assert types("ابعت ايميل شكر لكل دفعة جديدة في سترايب") == [
        "stripe.payment_succeeded",
        "email.send_email",
    ]


def test_a_service_named_after_the_order_is_where_it_goes_not_the_event() -> None:
    # Gulf (from the development set): the whole clause reads best as a Salla event only by
    # the "سلة" said after "ينضاف"; the event is Zid's, Salla is where the customer goes
    assert types("عطني طريقة اول ما يدخل عميل جديد في زد ينضاف عندي في سلة بعد") == [
        "zid.new_customer",
        "salla.create_customer",
    ]
