"""Words that describe a step, read as another step: an address given after the step that
reaches the person ("…on Slack, her email is …"), the request said as a clause of its own ("pls
make …"), the events a reminder is ahead of ("before each lesson in my calendar"), the records
an event brings ("every order needs to …"), a bot said as what to make, more of what a message
carries ("…with the address and the time of the visit"), and a list summarised at once.

Every sentence here was written for these tests; none comes from a set."""

from __future__ import annotations

import pytest

from tests.builder.built import node_params, types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "when a new Zid order comes, tell our packer Lina on Slack, "
            "her email is lina@books.example",
            ["zid.new_order", "slack.message_by_email"],
        ),
        (
            "each new Salla order: a note to the warehouse lead on Slack, his e-mail address "
            "is store.lead@example.org",
            ["salla.new_order", "slack.message_by_email"],
        ),
    ],
)
def test_an_address_given_after_the_step_is_that_steps_not_an_email(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_the_address_given_after_the_step_reaches_the_person() -> None:
    sentence = (
        "when a Stripe invoice is paid, message Karim on Slack, his email is karim@firm.example"
    )
    assert node_params(sentence, "slack.message_by_email").get("email") == "karim@firm.example"


def test_an_address_said_with_an_order_is_still_an_email() -> None:
    # negative: "email it to …" says an e-mail step, not an address of the step before
    assert types(
        "when a Stripe invoice is paid post it on Slack and email it to boss@firm.example"
    ) == ["stripe.invoice_paid", "slack.post_message", "email.send_email"]


@pytest.mark.parametrize(
    "sentence",
    [
        "pls make when a customer pays on tap send him a whatsapp thank you",
        "can you set up: when a customer pays on tap, whatsapp him a thank you",
    ],
)
def test_the_request_said_as_a_clause_is_no_step(sentence: str) -> None:
    assert types(sentence)[0] == "tap.charge_captured"
    assert "http.request" not in types(sentence)
    assert types(sentence)[-1].startswith("whatsapp.")
    assert len(types(sentence)) == 2


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "2 hours before each class in my calendar, text the student by SMS",
            ["google_calendar.event_starting_soon", "twilio.send_sms"],
        ),
        (
            "15 minutes before every meeting in Google Calendar, ping me on Telegram",
            ["google_calendar.event_starting_soon", "telegram.send_message"],
        ),
    ],
)
def test_the_events_a_reminder_is_ahead_of_are_no_new_event(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_an_event_made_in_the_calendar_is_still_made() -> None:
    # negative: "add it to my calendar" orders an event, it does not describe one
    assert types("when a new Calendly booking arrives by webhook, add it to my calendar") == [
        "webhook.receive",
        "google_calendar.create_event",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "candle shop on salla, every order has to go to the google sheet",
            ["salla.new_order", "google_sheets.append_row"],
        ),
    ],
)
def test_every_record_an_event_brings_is_no_loop(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_a_loop_said_over_an_events_items_is_kept() -> None:
    # negative: "for each item in the order" goes through something
    assert "core.loop" in types(
        "when a new woocommerce order comes, for each item in the order add a row to the sheet"
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "i want to make the bot of telegram send me each new salla order",
            ["salla.new_order", "telegram.send_message"],
        ),
        (
            "build the slack bot to send me every new shopify order",
            ["shopify.new_order", "slack.post_message"],
        ),
    ],
)
def test_a_message_said_after_the_bot_is_the_bots(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_the_time_of_a_visit_is_what_the_message_carries() -> None:
    sentence = (
        "when a client books in my calendar, send her a telegram with the address of the shop "
        "and the time of the appointment"
    )
    assert types(sentence) == ["google_calendar.event_created", "telegram.send_message"]


def test_a_service_named_after_with_is_still_a_step() -> None:
    # negative: "and the Google Sheet gets a row" names the sheet, a step of its own
    built = types(
        "when a Zid order comes, whatsapp me with the total and add a row to the Google Sheet"
    )
    assert built[-1] == "google_sheets.append_row"


@pytest.mark.parametrize(
    "sentence",
    [
        "every monday at 8am get last week's Salla orders, have AI summarise them and email "
        "the summary to me@shop.example",
        "every evening fetch today's Shopify orders and have ChatGPT write a report of them",
    ],
)
def test_a_list_summarised_is_summarised_at_once(sentence: str) -> None:
    assert "core.loop" not in types(sentence)


def test_a_message_to_each_of_a_list_still_loops() -> None:
    # negative: "whatsapp them" goes to each of them
    assert "core.loop" in types("every sunday read the Tenants sheet and whatsapp them")


# The wrong operation of the right service: the order's verb, the words a step is said with.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "every evening fetch the open tasks from Notion and send them to me on Slack",
            ["schedule.every", "notion.query_database", "slack.post_message"],
        ),
        (
            "كل يوم الساعة ٩ هات المهام من نوشن وابعتهالي على التليجرام",
            ["schedule.every", "notion.query_database", "telegram.send_message"],
        ),
    ],
)
def test_an_order_that_reads_is_the_services_read(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "when a new Salla customer signs up, put them in the Airtable Clients table",
            ["salla.new_customer", "airtable.create_record"],
        ),
        (
            "add each new Stripe customer to my Notion database",
            ["stripe.new_customer", "notion.create_page"],
        ),
    ],
)
def test_an_order_that_keeps_is_the_services_write(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_get_a_thing_made_is_still_made() -> None:
    # negative: "get a payment link" makes one, it reads nothing
    assert "tap.create_payment_link" in types(
        "when a Zid order comes in, get a payment link from Tap and email it to the customer"
    )


def test_a_row_added_with_a_services_numbers_reads_them_first() -> None:
    # negative: "add a row … with the number of Shopify orders" adds the row, reads the orders
    assert types(
        "every night at 11 add a row to the Totals tab with the count of Shopify orders"
    ) == ["schedule.every", "shopify.list_orders", "google_sheets.append_row"]


@pytest.mark.parametrize(
    "sentence",
    [
        "every day at 7am send me today's meetings from Google Calendar on Telegram",
        "كل يوم الساعة ٨ ابعتلي مواعيد النهارده من الكالندر على التليجرام",
    ],
)
def test_appointments_from_the_calendar_are_listed(sentence: str) -> None:
    assert "google_calendar.list_events" in types(sentence)
    assert "google_calendar.find_free_time" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "every morning look for free slots in my calendar and send them to me on Slack",
        "كل يوم الصبح دور على المواعيد الفاضية في الكالندر وابعتهالي على التليجرام",
    ],
)
def test_free_time_said_is_still_searched(sentence: str) -> None:
    assert "google_calendar.find_free_time" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "when someone taps a button of my telegram bot, answer him 'got it'",
        "لما حد يضغط على زر في بوت التليجرام رد عليه 'تمام'",
    ],
)
def test_a_reply_to_a_button_press_answers_the_press(sentence: str) -> None:
    assert types(sentence) == ["telegram.button_pressed", "telegram.answer_button"]


def test_a_reply_to_a_message_is_still_a_message() -> None:
    # negative: a message that came in is answered with a message
    assert types("when my telegram bot gets a message, reply with 'hello'") == [
        "telegram.new_message",
        "telegram.send_message",
    ]


def test_a_bot_said_first_is_where_its_event_comes_from() -> None:
    # the bot said first sends no message of its own: its button's answer is the reply
    assert types(
        "ابي بوت تيليجرام لما العميل يضغط زر الاستلام يرد عليه ويتحدث الطلب في زد لجاري التجهيز"
    ) == ["telegram.button_pressed", "telegram.answer_button", "zid.update_order_status"]


@pytest.mark.parametrize(
    "sentence",
    [
        "when a gmail email comes from payroll@corp.example, label it Payroll and mark it as read",
        "لما يوصل ايميل عالجيميل من الشركة حط عليه ليبل Work وخليه مقروء",
    ],
)
def test_two_changes_of_labels_are_one_step(sentence: str) -> None:
    assert types(sentence) == ["gmail.new_email", "gmail.change_labels"]
    params = node_params(sentence, "gmail.change_labels")
    assert params.get("remove") == ["UNREAD"]
    assert params.get("add")


def test_one_change_of_labels_stays_one() -> None:
    # negative: a label alone adds it and removes nothing
    sentence = "when a gmail email arrives with an invoice, label it Invoices"
    assert types(sentence) == ["gmail.new_email", "gmail.change_labels"]
    assert not node_params(sentence, "gmail.change_labels").get("remove")


def test_a_mail_on_a_schedule_answers_nothing() -> None:
    # a report on Gmail every week is a new e-mail: no e-mail came in to answer
    built = types("every Sunday at 9 a report of the week's Stripe payments on gmail")
    assert built[-1] == "gmail.send_email"


def test_an_email_that_came_in_is_still_answered_in_its_thread() -> None:
    # negative: after an e-mail came in, "reply" answers it
    assert types("when a new gmail email arrives, reply to it with 'received, thanks'") == [
        "gmail.new_email",
        "gmail.reply_email",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "when a stripe payment comes create a trello card and a row in the Sales tab",
            ["stripe.payment_succeeded", "trello.create_card", "google_sheets.append_row"],
        ),
        (
            "when a new Salla customer signs up, add a card in Trello and one row in the "
            "Customers tab",
            ["salla.new_customer", "trello.create_card", "google_sheets.append_row"],
        ),
    ],
)
def test_a_place_after_an_order_shares_its_verb(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_more_of_what_is_sent_shares_no_verb() -> None:
    # negative: "and the invoice" names no place: more of the e-mail, no second one
    assert types("when a shopify order comes email me the order and the invoice") == [
        "shopify.new_order",
        "email.send_email",
    ]
