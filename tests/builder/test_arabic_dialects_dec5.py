"""Arabic in the dialects (Egyptian, Gulf, Levantine, Maghrebi, MSA) as people write it to the
builder, pattern by pattern.

Every sentence here was made up for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from tests.builder.built import types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the things of one service, a preposition, the service they go to: no verb at all
        ("طلبات زد عالتيليجرام", ["zid.new_order", "telegram.send_message"]),
        ("مدفوعات سترايب على السلاك", ["stripe.payment_succeeded", "slack.post_message"]),
        ("عملاء سترايب الجداد في الشيت", ["stripe.new_customer", "google_sheets.append_row"]),
        # Maghrebi "ف" and its owner word, Egyptian "فال" after a passive verb said of the place
        ("الكوموندات ديال سلة ف الشيت", ["salla.new_order", "google_sheets.append_row"]),
        ("اوردرات زد تتسجل فالشيت", ["zid.new_order", "google_sheets.append_row"]),
        # "each new …" with where it goes after it
        ("كل عميل جديد في سترايب على السلاك", ["stripe.new_customer", "slack.post_message"]),
        # what is sent first, "for each" thing of another service after it
        (
            "تيليجرام لكل طلب جديد في ووكومرس",
            ["woocommerce.order_created", "telegram.send_message"],
        ),
        ("ايميل لكل عميل جديد ف سترايب", ["stripe.new_customer", "email.send_email"]),
    ],
)
def test_things_of_a_service_said_with_where_they_go_are_its_event_and_the_step(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_a_summary_said_as_a_noun_is_read_not_awaited() -> None:
    assert "salla.new_order" not in types("ملخص طلبات سلة على التيليجرام")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # on a schedule the orders are read, not awaited
        (
            "كل يوم الساعة ٩ طلبات زد على السلاك",
            ["schedule.every", "zid.list_orders", "slack.post_message"],
        ),
        # a table of another service said before its name stays that service's
        (
            "عند إضافة سجل جديد في جدول العملاء في Airtable أرسل رسالة على Slack",
            ["airtable.new_record", "slack.post_message"],
        ),
    ],
)
def test_a_schedule_or_another_services_table_is_no_noun_flow(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Maghrebi صيفط, Gulf ارسل, MSA أرسل: a send with no service named, to an address
        (
            "كل يوم على 9 د الصباح جبد الكوموندات ديال سلة وصيفطهم ل karim@hanout.ma",
            ["schedule.every", "salla.list_orders", "email.send_email"],
        ),
        (
            "اذا جا طلب جديد في زد ارسله لي على fahad@store.sa",
            ["zid.new_order", "email.send_email"],
        ),
        (
            "عند التشغيل اليدوي اقرأ صفوف ورقة Orders وأرسلها إلى finance@nahda.com",
            ["core.manual_trigger", "google_sheets.read_rows", "email.send_email"],
        ),
    ],
)
def test_a_message_sent_to_an_email_address_is_an_email(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_a_named_service_keeps_a_message_sent_to_an_email_address() -> None:
    # Slack's message by e-mail: the service said wins over the address
    assert types("لما يجي طلب في سلة ابعت رسالة سلاك ل sara@shop.com")[-1] != "email.send_email"


def test_egyptian_today_reads_the_days_appointments() -> None:
    assert types("كل يوم الساعة ٨ جيب مواعيد النهارده من الكالندر وابعتها عالتيليجرام") == [
        "schedule.every",
        "google_calendar.list_events",
        "telegram.send_message",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "بدي اعمل بوت تلغرام لما حدا يبعتلو رسالة يرد عليه بالذكاء الاصطناعي",
        "نحب بوت تيليغرام كي يكتبلو حد يجاوبو بالذكاء الاصطناعي",
        "ابي بوت تيليجرام اذا كتبله عميل يرد عليه بالذكاء الاصطناعي",
    ],
)
def test_someone_writing_to_the_bot_asked_for_is_that_services_message(sentence: str) -> None:
    assert types(sentence) == [
        "telegram.new_message",
        "openai.generate_text",
        "telegram.send_message",
    ]


def test_a_short_passive_after_when_is_said_of_the_new_thing_after_it() -> None:
    # "حدث" after "كل ما يتحط" is the new event put in the calendar, no order to update
    assert types("كل ما يتحط حدث جديد بالتقويم ابعتلي تفاصيلو عالواتس")[0] == (
        "google_calendar.event_created"
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Gulf "خل … ويرسل", Maghrebi "خلي … و يحط": each verb after "have it do" is a step
        (
            "كل رسالة تجيني على الجيميل خل الذكاء الاصطناعي يترجمها ويرسلها لي سلاك",
            ["gmail.new_email", "openai.generate_text", "slack.post_message"],
        ),
        (
            "كل ايميل يوصلني ف outlook خلي chatgpt يلخصو و يحط الملخص ف الشيت",
            ["outlook.new_mail", "openai.generate_text", "google_sheets.append_row"],
        ),
    ],
)
def test_each_verb_after_have_it_do_is_a_step(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "حطهم" (put them): a two-letter order with its object, said after a spaced "و"
        (
            "كل ساعة شوف الطلبات الجديدة في سلة و حطهم في نوشن",
            ["schedule.every", "salla.list_orders", "notion.create_page"],
        ),
        (
            "كل ساعة جيب الطلبات من زد و حطهم فالشيت",
            ["schedule.every", "zid.list_orders", "google_sheets.append_row"],
        ),
    ],
)
def test_a_two_letter_order_with_its_object_is_still_an_order(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_the_event_its_own_words_read_is_kept_whatever_the_order_after_it_speaks_of() -> None:
    # a button pressed, not a message coming in, though the order after it edits a message
    assert types("لما يكبس العميل عالزر ببوت التلغرام عدل الرسالة وقلو تم استلام الطلب") == [
        "telegram.button_pressed",
        "telegram.edit_message",
    ]
