"""Dialect and Arabizi phrasing the builder misread, each a pattern rather than a sentence:
a sheet's tab said "تاب" ("بتاب Customers", "في التاب Orders") is the sheet's, not the Tap
payment service's, unless the sentence speaks of a payment and names no sheet. Each sentence
was made up for these tests."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from tests.builder.built import types


def _params(sentence: str, node_type: str) -> dict:
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    return next(node.params for node in proposal.flow.nodes if node.type == node_type)


@pytest.mark.parametrize(
    ("sentence", "trigger", "tab"),
    [
        ("كل طلب زد نزّل رقم الطلب عالشيت بتاب Sales", "zid.new_order", "Sales"),
        ("كل طلب سلة حطه في التاب Orders", "salla.new_order", "Orders"),
        ("كل اوردر شوبيفاي حطه بالشيت تاب Daily", "shopify.new_order", "Daily"),
    ],
)
def test_a_tab_named_is_the_sheets_not_tap(sentence: str, trigger: str, tab: str) -> None:
    assert types(sentence) == [trigger, "google_sheets.append_row"]
    assert _params(sentence, "google_sheets.append_row")["sheet"] == tab


def test_tap_named_beside_a_payment_stays_tap() -> None:
    sentence = "لو الدفع في تاب Checkout فشل ابعتلي ايميل"
    assert types(sentence)[0] == "tap.charge_failed"


def test_a_payment_link_from_tap_stays_tap() -> None:
    assert types("كل طلب سلة ابعت رابط دفع بتاب للعميل") == [
        "salla.new_order",
        "tap.create_payment_link",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Arabizi: the service after "fel/fi/3la" at the end is where the order puts it
        ("7ot kol order gdeed fel shopify fel notion", ["shopify.new_order", "notion.create_page"]),
        (
            "7ot kol row gdeed fel google sheet fel airtable",
            ["google_sheets.new_row", "airtable.create_record"],
        ),
        (
            "sagel kol order gdeed 3la salla fel sheet",
            ["salla.new_order", "google_sheets.append_row"],
        ),
    ],
)
def test_arabizi_each_new_thing_goes_where_the_last_service_is(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_arabizi_each_new_thing_of_one_service_keeps_its_event() -> None:
    # one service named: it is the event's, no place of another's to move the order to
    assert types("ab3at kol order gdeed fel shopify 3al slack") == [
        "shopify.new_order",
        "slack.post_message",
    ]


@pytest.mark.parametrize(
    ("sentence", "source", "update"),
    [
        # the Gulf passive "يتحدث الشيت بـ…" and the imperative: the place updated is the
        # verb's object, the store named after it is read first on a schedule
        (
            "كل ساعتين يتحدث الشيت بطلبات زد الجديدة",
            "zid.list_orders",
            "google_sheets.upsert_row",
        ),
        ("كل يوم الصبح حدث الجدول بطلبات سلة", "salla.list_orders", "google_sheets.upsert_row"),
        ("كل ساعة يتحدث النوشن بطلبات شوبيفاي", "shopify.list_orders", "notion.update_page"),
    ],
)
def test_a_place_updated_with_another_services_records(
    sentence: str, source: str, update: str
) -> None:
    assert types(sentence) == ["schedule.every", source, update]


def test_a_sheet_updated_after_an_event_is_not_read() -> None:
    assert types("اذا دفع العميل في سترايب حدث الشيت") == [
        "stripe.payment_succeeded",
        "google_sheets.update_row",
    ]


def test_an_update_of_the_stores_own_status_stays_the_stores() -> None:
    # the verb's object is the order's status, no place: the store's own change
    assert types("لما يجي طلب في زد حدث حالته لتم الشحن") == [
        "zid.new_order",
        "zid.update_order_status",
    ]


def _condition_word(sentence: str) -> str:
    condition = _params(sentence, "core.condition")
    return condition["conditions"][0]["right"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "reply", "word"),
    [
        # a bare word written to the bot, the person written to apart, the answer after it
        # with no service said: the word is checked on the event's own service
        (
            "ابغى بوت تليجرام اذا احد كتب له الموقع يرد عليه بعنوان المحل",
            "telegram.new_message",
            "telegram.send_message",
            "الموقع",
        ),
        (
            "بدي بوت عالتلغرام اذا حدا كتبلي الدوام يرد عليه بالمواعيد",
            "telegram.new_message",
            "telegram.send_message",
            "الدوام",
        ),
    ],
)
def test_a_bare_word_written_then_answered_is_checked(
    sentence: str, trigger: str, reply: str, word: str
) -> None:
    assert types(sentence) == [trigger, "core.condition", reply]
    assert _condition_word(sentence) == word


def test_a_message_written_then_answered_is_no_word_to_check() -> None:
    # "رسالة" is what is written, not a word looked for in it
    assert types("ابي بوت تيليقرام اذا احد كتب له رسالة يرد عليه بالاسعار") == [
        "telegram.new_message",
        "telegram.send_message",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the new one's verb in the third person or the passive, with the store it happens on
        (
            "كل عميل جديد بيتسجل في ووكومرس ضيفه في نوشن",
            ["woocommerce.new_customer", "notion.create_page"],
        ),
        (
            "عايز كل عميل جديد يتسجل على سلة يتبعتله ايميل ترحيب",
            ["salla.new_customer", "email.send_email"],
        ),
    ],
)
def test_each_new_one_done_on_a_store_is_the_stores_event(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_each_new_one_recorded_in_a_sheet_is_where_it_goes() -> None:
    # a sheet is where things are kept: recorded there is the order, not the event
    assert types("كل طلب جديد يتسجل في الشيت")[-1] == "google_sheets.append_row"
