"""Events the builder misread (dec10): a check for new things every few minutes said as a
schedule (it is the service's polling trigger), WhatsApp messages that fail or get delivered
(the message-status trigger, also with the Levantine/Egyptian present "بتفشل"), a Telegram
button pressed "under the bot's message" (a place, not a message nor an amount), an order
recorded in a store ("عند تسجيل طلب") as the order made. The sentences were made up for these
tests, each a pattern, with negatives where a rule could over-fire."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from tests.builder.built import types


def _params(sentence: str, node_type: str) -> dict:
    proposal = build(sentence)
    assert proposal.flow is not None
    return next(node.params for node in proposal.flow.nodes if node.type == node_type)


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        (
            "every 15 minutes check if there are new emails on Gmail and forward them to slack",
            "gmail.new_email",
        ),
        (
            "every 10 minutes check for new rows in the Leads sheet and post them to slack",
            "google_sheets.new_row",
        ),
        (
            "every 5 minutes see if there are any new cards in trello and post them to slack",
            "trello.card_created",
        ),
        # Levantine "شوف اذا في … جديدة", Egyptian "شيك لو في …"
        ("كل ربع ساعة شوف اذا في ايميلات جديدة عالجيميل وابعتها على سلاك", "gmail.new_email"),
        (
            "كل ساعة شيك لو في رسايل جديدة على الاوتلوك وابعتلي ياها على تيليجرام",
            "outlook.new_mail",
        ),
    ],
)
def test_a_check_for_new_things_every_few_minutes_is_the_polling_event(sentence, event):
    built = types(sentence)
    assert built[0] == event
    assert "schedule.every" not in built


@pytest.mark.parametrize(
    "sentence",
    [
        # a store tells of each order at once: a check every two hours is a batch
        "every 2 hours check for new orders in shopify and post them to slack",
        "كل ساعتين شوف لو في اوردرات جديدة على سلة وابعتها على تيليجرام",
        # a check on a day's schedule is a digest, not the event
        "every morning at 8 check if there are new emails on gmail and post a summary to slack",
    ],
)
def test_a_check_of_a_store_or_on_a_days_schedule_stays_a_schedule(sentence):
    assert types(sentence)[0] == "schedule.every"


@pytest.mark.parametrize(
    "sentence",
    [
        "WhatsApp messages that fail, send them by SMS instead",
        "any whatsapp message that bounces, email it to me",
        # Levantine/Egyptian present with its "ب"
        "رسائل الواتساب اللي بتفشل ابعتها SMS",
        "لو رسالة الواتس بتفشل ابعتلي ايميل",
    ],
)
def test_whatsapp_messages_that_fail_are_the_message_status(sentence):
    assert types(sentence)[0] == "whatsapp.message_status"
    assert _params(sentence, "whatsapp.message_status").get("status") == "failed"


def test_a_whatsapp_message_that_gets_delivered_is_the_message_status():
    assert types("any whatsapp message that gets delivered, log it in the sheet")[0] == (
        "whatsapp.message_status"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "when a customer sends us a whatsapp message, reply with our opening hours",
        "لما حد بيبعتلي رسالة عالواتس ابعتلو رد",
    ],
)
def test_a_message_that_comes_in_stays_the_incoming_message(sentence):
    assert types(sentence)[0] == "whatsapp.incoming_message"


@pytest.mark.parametrize(
    "sentence",
    [
        "when someone presses the Yes button under my telegram bot's message, answer 'ok'",
        "when a client taps a button below the message of my telegram bot, answer 'noted'",
        "when someone hits the Book button under our telegram bot's message, answer 'booked' "
        "and edit the message to say 'done'",
    ],
)
def test_a_button_under_the_bots_message_is_the_button_pressed(sentence):
    built = types(sentence)
    assert built[0] == "telegram.button_pressed"
    assert "core.condition" not in built


def test_a_message_with_buttons_that_comes_in_stays_a_message():
    assert types("when my telegram bot gets a message, reply with a message that has two buttons")[
        0
    ] == ("telegram.new_message")


@pytest.mark.parametrize("sentence", ["if the order total is under 100 send me a telegram message"])
def test_under_a_number_is_still_a_condition(sentence):
    assert "core.condition" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "عند تسجيل طلب جديد في WooCommerce أرسل بريد إلكتروني للعميل",
        "لدى تسجيل طلب في متجر ووكومرس أضف صفا في Google Sheets",
    ],
)
def test_an_order_recorded_in_the_store_is_the_order_made(sentence):
    assert types(sentence)[0] == "woocommerce.order_created"


def test_a_customer_registered_stays_a_new_customer():
    assert types("عند تسجيل عميل جديد في WooCommerce أرسل بريد إلكتروني ترحيبي")[0] == (
        "woocommerce.new_customer"
    )


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("if anyone sends a photo on whatsapp add a row to my sheet", "whatsapp.incoming_message"),
        ("if somebody sends a pdf via whatsapp, email it to me", "whatsapp.incoming_message"),
        ("if anyone sends a voice note on telegram add a row to my sheet", "telegram.new_message"),
    ],
)
def test_if_anyone_sends_a_thing_on_a_service_is_its_incoming_message(sentence, event):
    # the service after "on"/"via" is where the event happens, not an order to message
    assert types(sentence)[0] == event


def test_an_if_with_no_event_still_orders_a_whatsapp():
    assert types("check the website and if it is down whatsapp me") == [
        "core.manual_trigger",
        "http.request",
        "core.condition",
        "whatsapp.send_template",
    ]
