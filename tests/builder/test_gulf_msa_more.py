"""More Gulf and Modern Standard Arabic the builder missed, each a pattern rather than a
sentence: an answer on a messaging service said with no event ("الرد التلقائي على رسايل
الانستقرام": the service's incoming message starts the flow). Each sentence was made up for
these tests."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from tests.builder.built import types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "ودي الرد التلقائي على رسايل الماسنجر يكون بالذكاء الاصطناعي",
            [
                "instagram_messenger.new_message",
                "openai.generate_text",
                "instagram_messenger.send_reply",
            ],
        ),
        (
            "أرغب في الرد تلقائياً على رسائل إنستغرام بعبارة 'أهلاً بك في متجرنا'",
            ["instagram_messenger.new_message", "instagram_messenger.send_reply"],
        ),
        (
            "auto reply to messenger messages with 'thanks, we will answer soon'",
            ["instagram_messenger.new_message", "instagram_messenger.send_reply"],
        ),
    ],
)
def test_an_answer_on_a_messaging_service_starts_on_its_incoming_message(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_a_message_sent_on_a_button_press_keeps_the_button() -> None:
    assert types("ابي زر اضغطه يرسل رسالة تيليجرام فيها طلبات سلة")[0] == "core.manual_trigger"


@pytest.mark.parametrize(
    "sentence",
    [
        "لما يوصلني ايميل من المورد في الجيميل حط عليه ليبل 'موردين'",
        "عند وصول بريد جديد إلى Gmail من البنك، أضف إليه الوسم 'بنوك'",
        "عند وصول بريد جديد إلى Gmail ضع عليه التصنيف Orders",
    ],
)
def test_a_label_put_on_an_email_is_gmails_label_step(sentence: str) -> None:
    assert types(sentence) == ["gmail.new_email", "gmail.change_labels"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "عند وصول طلب جديد في سلة، يتم حفظ بياناته في جدول Excel",
            ["salla.new_order", "excel.add_row"],
        ),
        (
            "أريد تسجيل كل طلب جديد من زد في ملف Excel باسم Sales.xlsx",
            ["zid.new_order", "excel.add_row"],
        ),
        (
            "يرجى إرسال رسالة على سلاك لكل سجل جديد يضاف إلى جدول Leads في Airtable",
            ["airtable.new_record", "slack.post_message"],
        ),
    ],
)
def test_a_table_said_with_a_services_name_is_that_services(
    sentence: str, expected: list[str]
) -> None:
    # "جدول" alone is a Google Sheet; "جدول Excel", "جدول … في Airtable" are theirs
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "أريد أن تُسجل كل رسالة واردة في Gmail في ملف Excel باسم Mail.xlsx",
            ["gmail.new_email", "excel.add_row"],
        ),
        (
            "ابي اسجل كل طلب جديد من سلة في ملف اكسل",
            ["salla.new_order", "excel.add_row"],
        ),
    ],
)
def test_an_order_before_each_new_thing_keeps_where_it_puts_it(
    sentence: str, expected: list[str]
) -> None:
    # "سجل كل طلب جديد من سلة في ملف اكسل": the event is Salla's, the file is where it goes
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "ارسل تقرير مبيعات زد كل يوم الساعة ١٠ بالليل على التليقرام",
            ["schedule.every", "zid.list_orders", "telegram.send_message"],
        ),
        (
            "أرسل ملخص مبيعات Shopify كل يوم سبت الساعة التاسعة صباحاً إلى owner@shop.com",
            ["schedule.every", "shopify.list_orders", "email.send_email"],
        ),
        (
            "send a daily report of Salla sales to Slack at 8pm",
            ["schedule.every", "salla.list_orders", "slack.post_message"],
        ),
    ],
)
def test_a_shops_sales_are_its_orders(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_where_a_report_goes_said_after_its_schedule_stays_with_the_report() -> None:
    # "… كل يوم أحد الساعة العاشرة إلى x@y": "إلى" after the schedule is "to", not "if"
    assert types("أرسل قائمة طلبات سلة كل يوم أحد الساعة العاشرة مساءً إلى boss@shop.sa") == [
        "schedule.every",
        "salla.list_orders",
        "email.send_email",
    ]


def test_salla_said_in_latin_letters_meets_its_arabic_phrases() -> None:
    assert types("اي عميل جديد في زد ابيه ينضاف في Salla") == [
        "zid.new_customer",
        "salla.create_customer",
    ]


def test_the_word_after_a_passive_event_verb_is_its_subject_not_an_order() -> None:
    # "سجل" after "كل ما ينضاف" is the record added, not "log"
    assert types("كل ما ينضاف سجل في ايرتيبل ارسل لي رسالة على سلاك") == [
        "airtable.new_record",
        "slack.post_message",
    ]


def test_a_message_reaching_a_colleague_by_email_on_slack_is_a_slack_message_by_email() -> None:
    # "يوصل للموظف رسالة سلاك على ايميله x@y": an order after the event, to whom it is said,
    # by the one Slack step that takes an address
    proposal = build("كل ما ينضاف صف في الشيت يوصل للمدير رسالة سلاك على ايميله boss@shop.sa")
    assert proposal.flow is not None
    assert [node.type for node in proposal.flow.nodes] == [
        "google_sheets.new_row",
        "slack.message_by_email",
    ]
    assert proposal.not_understood == []
