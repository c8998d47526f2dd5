"""The shape of a built flow once its clauses are understood (builder/shape.py): a change of
status waited for is checked first; on a schedule or a button, the service whose data is sent is read
first, with its listing; an AI named is a step before the one that sends what it wrote; an AI
that answers a service's messages starts on that service's incoming message and replies there.

The sentences were written for these tests or taken from the development sets; none comes from
a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from tests.builder.built import types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "كل يوم الساعة ٩ بالليل ابعتلي على التليجرام مبيعات اليوم من سلة",
            ["schedule.every", "salla.list_orders", "telegram.send_message"],
        ),
        (
            "every sunday at 7pm message me on telegram with this week's zid orders",
            ["schedule.every", "zid.list_orders", "telegram.send_message"],
        ),
        (
            "كل نهار الساعة 8 متاع الليل ابعثلي على التلغرام قداش من كوموند جات في ووكومرس",
            ["schedule.every", "woocommerce.list_orders", "telegram.send_message"],
        ),
        (
            "ابعتلي على التليجرام كل يوم التلات الساعة ١٠ الصبح ملخص مدفوعات Stripe بتاعة الاسبوع",
            ["schedule.every", "stripe.list_payments", "telegram.send_message"],
        ),
        (
            "ابعتلي على الايميل الحاجات اللي اتضافت في الايرتابل النهارده",
            ["core.manual_trigger", "airtable.find_records", "email.send_email"],
        ),
    ],
)
def test_a_schedule_or_a_button_first_reads_the_service_whose_data_it_sends(sentence, expected):
    assert types(sentence) == expected


def test_an_order_whose_number_is_said_is_fetched_by_it_not_listed():
    assert types("get order 88 from woocommerce and post it to slack #ops") == [
        "core.manual_trigger",
        "woocommerce.get_order",
        "slack.post_message",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "generate an instagram caption with ai for every new product row in my Products "
            "sheet and send it to me on telegram",
            ["google_sheets.new_row", "openai.generate_text", "telegram.send_message"],
        ),
        (
            "لما يتضاف صف جديد في شيت العملاء اكتب رسالة ترحيب بالذكاء الاصطناعي وابعتها على سلاك",
            ["google_sheets.new_row", "openai.generate_text", "slack.post_message"],
        ),
    ],
)
def test_an_ai_named_writes_before_the_step_that_sends_it(sentence, expected):
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "let chatgpt answer my instagram messages",
            [
                "instagram_messenger.new_message",
                "openai.generate_text",
                "instagram_messenger.send_reply",
            ],
        ),
        (
            "بغيت ChatGPT يجاوب على الميساجات ديال التيليغرام",
            ["telegram.new_message", "openai.generate_text", "telegram.send_message"],
        ),
        (
            "can you make chatgpt answer the whatsapp messages customers send us",
            ["whatsapp.incoming_message", "openai.generate_text", "whatsapp.send_text"],
        ),
    ],
)
def test_an_ai_that_answers_a_services_messages_starts_on_them_and_replies_there(
    sentence, expected
):
    assert types(sentence) == expected


def test_a_flow_with_a_branch_keeps_the_shape_it_was_said_in():
    # the wait belongs to the 'false' branch: it stays where the sentence put it
    said = types(
        "when a new shopify order comes if the total is over 500 email me otherwise wait 1 hour"
    )
    assert said[:2] == ["shopify.new_order", "core.condition"]


def conditions(sentence: str) -> list[dict]:
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.refused)
    return [
        rule
        for node in proposal.flow.nodes
        if node.type == "core.condition"
        for rule in node.params["conditions"]
    ]


@pytest.mark.parametrize(
    ("sentence", "trigger", "rule"),
    [
        (
            "when a salla order status changes to shipped email me",
            "salla.order_status_changed",
            {"left": "{{ trigger.status_slug }}", "operator": "equals", "right": "shipped"},
        ),
        (
            "لما حالة طلب زد تتغير الى جاري التوصيل ابعت للعميل واتساب",
            "zid.order_status_changed",
            {"left": "{{ trigger.status }}", "operator": "equals", "right": "جاري التوصيل"},
        ),
        (
            "كي تتبدل حالة الكوموند ف ووكومرس ل completed ابعث ايمايل شكر من الجيميل",
            "woocommerce.order_updated",
            {"left": "{{ trigger.status }}", "operator": "equals", "right": "completed"},
        ),
    ],
)
def test_a_change_of_status_waited_for_is_checked_before_the_steps(sentence, trigger, rule):
    flow_types = types(sentence)
    assert flow_types[:2] == [trigger, "core.condition"]
    assert conditions(sentence) == [rule]


@pytest.mark.parametrize(
    "sentence",
    [
        "when a salla order status changes, message me on telegram",
        "whatsapp message didnt get delivered -> send the same text by sms instead",
    ],
)
def test_any_change_of_status_or_one_said_not_to_happen_checks_nothing(sentence):
    assert conditions(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "every monday at 9 read the rows of my Leads sheet and email each of them our new offer",
            ["schedule.every", "google_sheets.read_rows", "core.loop", "email.send_email"],
        ),
        (
            "every hour list the pending woocommerce orders and update their status to processing",
            [
                "schedule.every",
                "woocommerce.list_orders",
                "core.loop",
                "woocommerce.update_order_status",
            ],
        ),
    ],
)
def test_a_step_said_for_each_listed_record_runs_in_a_loop_over_them(sentence, expected):
    assert types(sentence) == expected


def test_the_step_in_a_loop_reads_the_record_in_hand():
    proposal = build(
        "every monday at 9 read the rows of my Leads sheet and email each of them our new offer"
    )
    assert proposal.flow is not None
    loop = next(n for n in proposal.flow.nodes if n.type == "core.loop")
    email = next(n for n in proposal.flow.nodes if n.type == "email.send_email")
    assert loop.params["items"] == "{{ steps['Find rows'].output.rows }}"
    assert email.params["to"] == "{{ loop.item.Email }}"
    assert any(
        e.source == loop.id and e.source_port == "item" and e.target == email.id
        for e in proposal.flow.edges
    )


def test_a_list_sent_to_me_is_sent_once_not_looped():
    assert "core.loop" not in types("every friday send me the week's stripe payments on telegram")


def test_an_event_alone_gets_no_step_it_did_not_ask_for():
    assert types("when a new stripe payment arrives") == ["stripe.payment_succeeded"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "when a new gmail comes send me a short summary of it on telegram",
            ["gmail.new_email", "openai.generate_text", "telegram.send_message"],
        ),
        (
            "لما ييجي ايميل من المورد على outlook ابعتلي ملخصه على الواتس",
            ["outlook.new_mail", "openai.generate_text", "whatsapp.send_template"],
        ),
        (
            # a summary of records read on a schedule is the list itself, sent
            "every friday send me a summary of the week's stripe payments on slack",
            ["schedule.every", "stripe.list_payments", "slack.post_message"],
        ),
    ],
)
def test_a_summary_of_a_message_that_came_in_is_written_by_the_ai(sentence, expected):
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "when a new zid order comes get the order details and post them to slack #orders",
            ["zid.new_order", "zid.get_order", "slack.post_message"],
        ),
        (
            "وقت يجي طلب من ووكومرس جيب تفاصيلو كاملة وابعتها بالإيميل للمستودع warehouse@store.jo",
            ["woocommerce.order_created", "woocommerce.get_order", "email.send_email"],
        ),
        (
            "اذا الدفع عن طريق تاب تم، جيب تفاصيل العملية وحطها في Airtable",
            ["tap.charge_captured", "tap.get_charge", "airtable.create_record"],
        ),
    ],
)
def test_the_details_asked_of_what_came_in_are_got_by_its_id_first(sentence, expected):
    assert types(sentence) == expected


def test_details_sent_as_they_came_are_not_fetched_again():
    assert types("when a new shopify order comes send me its details on telegram") == [
        "shopify.new_order",
        "telegram.send_message",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "i need a button i can click that sends all the unpaid shopify orders to my whatsapp",
            ["core.manual_trigger", "shopify.list_orders", "whatsapp.send_template"],
        ),
        (
            "ابي زر اضغطه يرسل لي كل طلبات سلة المعلقة على الايميل",
            ["core.manual_trigger", "salla.list_orders", "email.send_email"],
        ),
        (
            "عايز زرار اشغله بايدي يجيب كل الاوردرات المعلقة من ووكومرس ويبعتهالي ايميل على "
            "ahmed.shop@gmail.com",
            ["core.manual_trigger", "woocommerce.list_orders", "email.send_email"],
        ),
    ],
)
def test_a_flow_run_from_a_button_lists_the_records_its_words_took_for_an_event(sentence, expected):
    assert types(sentence) == expected


def test_a_bots_button_pressed_by_a_customer_is_still_the_bots_event():
    said = types("lw 7d dghat 3la button Confirm fl telegram, rod 3leh b 'tamam'")
    assert said[0] == "telegram.button_pressed"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "post a telegram message to @lunacafe_offers every thursday 7pm with this weeks offer "
            "from the Offers sheet",
            ["schedule.every", "google_sheets.read_rows", "telegram.send_message"],
        ),
        (
            "كل ساعتين جيب الطلبات الجديدة من شوبيفاي وحطها بنوشن",
            ["schedule.every", "shopify.list_orders", "notion.create_page"],
        ),
        (
            # the service after "to" is written, the one after "from" read
            "every monday copy the orders from shopify to my Orders sheet",
            ["schedule.every", "shopify.list_orders", "google_sheets.append_row"],
        ),
    ],
)
def test_a_service_said_as_where_the_data_comes_from_is_read_not_written(sentence, expected):
    assert types(sentence) == expected
