"""Gulf Arabic the builder missed, each a pattern rather than a sentence: "ودي"/"ودنا" (I'd
like) before any "when"; Gulf "عقب" (after) and "بعد كل" (after each) as the event; an event's
verb in the past after its subject ("زبون ساب السلة", "الطلب تغيرت حالته", "العميل قرا");
pressing a button as the event; a record turned to a state ("وحولها لجاري التجهيز"); the
passive of "update" ("ويتحدث الطلب"); "to" glued onto a state ("لقيد التنفيذ"); an operator
said in letters only as a word of its own ("ويب هوك" holds no "هو"); "to all the customers" in
a sheet as a loop over its rows. Each sentence was made up for these tests."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from tests.builder.built import types


def _params(sentence: str, node_type: str) -> dict:
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    return next(node.params for node in proposal.flow.nodes if node.type == node_type)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("ودي لين يوصل طلب في زد يرسل لي ايميل", ["zid.new_order", "email.send_email"]),
        ("ودنا لين يجي طلب في زد يرسل لنا ايميل", ["zid.new_order", "email.send_email"]),
        (
            "ودنا اذا انضاف صف في الشيت يوصلنا اشعار على السلاك",
            ["google_sheets.new_row", "slack.post_message"],
        ),
    ],
)
def test_a_gulf_wish_before_any_when_is_no_step(sentence: str, expected: list[str]) -> None:
    proposal = build(sentence)
    assert types(sentence) == expected
    assert proposal.not_understood == []


def test_egyptian_wadi_before_its_object_still_sends() -> None:
    # "ودّي للعميل ايميل": Egyptian "take/send", not the Gulf wish
    assert types("لما يجي طلب في سلة ودي للعميل ايميل") == ["salla.new_order", "email.send_email"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "عقب ما يدفع العميل في سترايب طرش له ايميل",
            ["stripe.payment_succeeded", "email.send_email"],
        ),
        (
            "عقب كل حجز في الكالندر طرش لي رسالة على التيليجرام",
            ["google_calendar.event_created", "telegram.send_message"],
        ),
        (
            "بعد كل دفعة في تاب سجلها في الشيت",
            ["tap.charge_captured", "google_sheets.append_row"],
        ),
    ],
)
def test_after_each_and_gulf_after_are_the_event(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_gulf_after_before_a_duration_is_a_wait() -> None:
    sentence = "اذا جا طلب في سلة عقب ساعتين ارسل للعميل ايميل"
    assert types(sentence) == ["salla.new_order", "core.delay", "email.send_email"]
    assert _params(sentence, "core.delay") == {"mode": "duration", "amount": 2, "unit": "hours"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the past of "leave" after its subject, then "have it sent"
        ("لو زبون ساب السلة في زد يرسل له ايميل", ["zid.abandoned_cart", "email.send_email"]),
        (
            "اذا عميل ترك السلة في سلة ينرسل له ايميل",
            ["salla.abandoned_cart", "email.send_email"],
        ),
        # the subject first, then its changed status
        (
            "لو الطلب في سلة تغيرت حالته ابعتلي ايميل",
            ["salla.order_status_changed", "email.send_email"],
        ),
    ],
)
def test_an_event_verb_in_the_past_after_its_subject_is_the_event(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ["اذا العميل قرا رسالة الواتس سجل في الشيت", "لو الرسالة انقرت في الواتس ابعتلي ايميل"],
)
def test_a_message_read_in_any_tense_is_the_read_status(sentence: str) -> None:
    assert types(sentence)[0] == "whatsapp.message_status"
    assert _params(sentence, "whatsapp.message_status") == {"status": "read"}


@pytest.mark.parametrize(
    "sentence",
    [
        "كل ما اكبس زر التشغيل طرش ايميل لجميع العملاء في الشيت",
        "لما ادوس تشغيل ابعت ايميل لكل العملاء اللي في الشيت",
    ],
)
def test_pressing_run_then_mail_all_the_rows_is_a_loop(sentence: str) -> None:
    assert types(sentence) == [
        "core.manual_trigger",
        "google_sheets.read_rows",
        "core.loop",
        "email.send_email",
    ]


def test_a_summary_of_all_the_orders_is_sent_once() -> None:
    sentence = "كل يوم الساعة ٩ ارسل ملخص كل الطلبات من سلة على السلاك"
    assert types(sentence) == ["schedule.every", "salla.list_orders", "slack.post_message"]


@pytest.mark.parametrize(
    ("sentence", "node_type", "status"),
    [
        ("اذا جا طلب في سلة حول حالته لقيد التنفيذ", "salla.update_order_status", "in_progress"),
        ("لو جا طلب في زد عدل حالته لجاري التجهيز", "zid.update_order_status", "preparing"),
        ("اذا جا طلب في ووكومرس غيره لمكتمل", "woocommerce.update_order_status", "completed"),
        # "to" glued onto a state is no order ("قيد" is also "log")
        (
            "اذا جا طلب في سلة غير حالة الطلب لقيد التنفيذ",
            "salla.update_order_status",
            "in_progress",
        ),
    ],
)
def test_a_record_turned_to_a_state_is_its_status_changed(
    sentence: str, node_type: str, status: str
) -> None:
    assert types(sentence)[1:] == [node_type]
    assert _params(sentence, node_type)["status"] == status


def test_each_record_listed_turned_to_a_state_is_updated() -> None:
    sentence = "كل ساعة جيب الطلبات الجديدة من زد وحولها لجاري التجهيز"
    assert types(sentence)[-1] == "zid.update_order_status"
    assert _params(sentence, "zid.update_order_status")["status"] == "preparing"


def test_turning_a_message_to_someone_still_forwards_it() -> None:
    sentence = "اذا جاني ايميل من العميل حوله لي على التيليجرام"
    assert types(sentence) == ["gmail.new_email", "telegram.send_message"]


def test_the_passive_of_update_is_the_update() -> None:
    sentence = "اذا دفع العميل في تاب يتحدث الصف حقه في الشيت"
    assert types(sentence) == ["tap.charge_captured", "google_sheets.update_row"]


def test_an_operator_word_inside_a_name_is_no_condition() -> None:
    sentence = "اذا وصلني ويب هوك من المخزن ارسل SMS على +966500000000"
    assert types(sentence) == ["webhook.receive", "twilio.send_sms"]
    assert build(sentence).not_understood == []


def test_an_operator_word_of_its_own_is_still_a_condition() -> None:
    sentence = "لو المبلغ هو 100 ارسل لي ايميل"
    assert "core.condition" in types(sentence)
    condition = _params(sentence, "core.condition")["conditions"][0]
    assert (condition["operator"], condition["right"]) == ("equals", 100)


@pytest.mark.parametrize(
    "sentence",
    [
        "when a tap payment is captured create a row in the sheet",
        "when a new shopify order comes make a new row in my sheet",
        "اذا انقبض الدفع في تاب سو صف في الشيت",
        "لما يجي طلب في سلة اعمل صف جديد في الشيت",
    ],
)
def test_a_row_made_or_created_is_added(sentence: str) -> None:
    assert types(sentence)[1:] == ["google_sheets.append_row"]


def test_a_row_changed_is_still_updated() -> None:
    assert types("لما يجي طلب في سلة عدل الصف في الشيت")[1:] == ["google_sheets.update_row"]


def test_a_bot_said_before_an_answer_is_no_message_of_its_own() -> None:
    sentence = "ابي بوت تيليجرام اذا ضغط العميل زر الدفع يرد عليه ويتحدث الطلب في زد لتم التوصيل"
    # the reply to a button press is the press's answer (test_extra_steps_dec9)
    assert types(sentence) == [
        "telegram.button_pressed",
        "telegram.answer_button",
        "zid.update_order_status",
    ]
    assert _params(sentence, "zid.update_order_status")["status"] == "delivered"


def test_a_bot_said_alone_is_where_the_message_goes() -> None:
    sentence = "ابي بوت تيليجرام، كل يوم الساعة ٩ يرسل لي طلبات سلة"
    assert types(sentence) == ["schedule.every", "salla.list_orders", "telegram.send_message"]


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("لو الزبون رد بنعم على الواتس يتسجل في الشيت", "نعم"),
        ("اذا العميل رد على رسالة الواتس ب 2 الغي طلبه في سلة", "2"),
        ("اذا العميل رد باوكي على الواتس غير حالة طلبه في زد لجاري التجهيز", "اوكي"),
    ],
)
def test_a_short_answer_said_with_bi_is_the_word_the_reply_is_checked_for(
    sentence: str, answer: str
) -> None:
    assert types(sentence)[:2] == ["whatsapp.incoming_message", "core.condition"]
    condition = _params(sentence, "core.condition")["conditions"][0]
    assert (condition["operator"], condition["right"]) == ("contains", answer)


def test_a_reply_with_any_word_is_no_condition() -> None:
    sentence = "لو العميل رد باي شي على الواتس ارسل لي ايميل"
    assert types(sentence) == ["whatsapp.incoming_message", "email.send_email"]


def test_an_answer_then_have_it_changed_is_the_change() -> None:
    sentence = "ابي اذا الزبون رد على الواتس بكلمة الغاء تتغير حالة طلبه في زد الى ملغي"
    assert types(sentence) == [
        "whatsapp.incoming_message",
        "core.condition",
        "zid.update_order_status",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "اذا العميل كتب منيو في الواتس ارسل له ملف المنيو PDF",
            # the word written ("منيو") is what the message is checked for
            ["whatsapp.incoming_message", "core.condition", "whatsapp.send_media"],
        ),
        (
            "لو احد كتب بالتيليجرام منيو طرش له ملف المنيو",
            ["telegram.new_message", "telegram.send_document"],
        ),
    ],
)
def test_send_to_him_written_apart_goes_back_to_the_sender(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "ابي رسالة ترحيب لكل عميل جديد في سلة على الواتساب",
            ["salla.new_customer", "whatsapp.send_template"],
        ),
        ("ابي رسالة شكر لكل طلب جديد في زد بالايميل", ["zid.new_order", "email.send_email"]),
    ],
)
def test_the_service_said_after_each_event_is_where_the_message_goes(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_a_service_said_after_each_message_is_that_message_s() -> None:
    # "كل رسالة على الواتساب": the service is the event's own, not where something goes
    assert types("ايميل لكل رسالة جديدة على الواتساب")[0] == "whatsapp.incoming_message"


def test_someone_sent_is_the_event_not_an_order() -> None:
    sentence = "اذا احد ارسل SMS على رقم تويليو فيه كلمة حجز سو له موعد في الكالندر"
    assert types(sentence) == [
        "twilio.incoming_sms",
        "core.condition",
        "google_calendar.create_event",
    ]


def test_send_after_the_event_s_verb_is_still_an_order() -> None:
    sentence = "لما يدفع العميل في تاب ارسل له ايميل"
    assert types(sentence) == ["tap.charge_captured", "email.send_email"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "تقرير يومي بطلبات زد على السلاك الساعة ١٠ بالليل",
            ["schedule.every", "zid.list_orders", "slack.post_message"],
        ),
        (
            "summary every day at 10pm of zid orders on slack",
            ["schedule.every", "zid.list_orders", "slack.post_message"],
        ),
    ],
)
def test_a_report_cut_by_its_schedule_is_one_step_again(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("ابا كل ما يوصل طلب في زد يرسل لي ايميل", ["zid.new_order", "email.send_email"]),
        ("يبيلي كل ما يوصل طلب في زد ترسل لي ايميل", ["zid.new_order", "email.send_email"]),
        (
            "ابغاك تسوي لي شي يوم يدفع العميل في تاب يوصلني اشعار على التيليجرام",
            ["tap.charge_captured", "telegram.send_message"],
        ),
        (
            "ابيك تسوي لي شي اذا جا طلب في سلة يتسجل في الشيت",
            ["salla.new_order", "google_sheets.append_row"],
        ),
    ],
)
def test_more_gulf_wishes_around_the_flow_are_no_step(sentence: str, expected: list[str]) -> None:
    proposal = build(sentence)
    assert types(sentence) == expected
    assert proposal.not_understood == []
