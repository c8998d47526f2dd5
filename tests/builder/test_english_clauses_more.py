"""English requests whose steps are told by what they carry or where they answer: a message
"with buttons", "a menu list", "the price list photo" is the service's step that sends that;
"reply" to an e-mail that came in is the answer to it, not a new e-mail.

Every sentence here was written for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from tests.builder.built import types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what the message carries names the step: buttons, a list to pick from, a photo, a file
        (
            "when a customer writes to us on whatsapp answer with a menu list: Hours, Prices",
            ["whatsapp.incoming_message", "whatsapp.send_list"],
        ),
        (
            "when someone messages my whatsapp reply with two buttons, Book and Cancel",
            ["whatsapp.incoming_message", "whatsapp.send_buttons"],
        ),
        (
            "when someone writes 'menu' to my telegram bot, reply with the menu photo",
            ["telegram.new_message", "core.condition", "telegram.send_photo"],
        ),
        (
            "when a new telegram message comes in send back our catalogue pdf",
            ["telegram.new_message", "telegram.send_document"],
        ),
        (
            "on every incoming whatsapp message send the price list image",
            ["whatsapp.incoming_message", "whatsapp.send_media"],
        ),
        # the event said inside the answer: the answer still goes back where it came from
        (
            "answer new whatsapp messages with a list: Prices, Hours",
            ["whatsapp.incoming_message", "whatsapp.send_list"],
        ),
        (
            "reply to new telegram messages with our price list photo",
            ["telegram.new_message", "telegram.send_photo"],
        ),
        # a list of things to read is no list to pick from; a plain message stays one
        (
            "when a new whatsapp message comes in send me the list of today's orders on telegram",
            ["whatsapp.incoming_message", "telegram.send_message"],
        ),
        (
            "when someone writes to my telegram bot reply with our opening hours",
            ["telegram.new_message", "telegram.send_message"],
        ),
    ],
)
def test_what_a_message_carries_chooses_the_step_that_sends_it(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            'when a new gmail arrives, reply with "Thanks, we will pay it this week"',
            ["gmail.new_email", "gmail.reply_email"],
        ),
        (
            "reply to every new gmail from a supplier using AI",
            ["gmail.new_email", "openai.generate_text", "gmail.reply_email"],
        ),
        (
            "when an email comes in on gmail answer it with the prices",
            ["gmail.new_email", "gmail.reply_email"],
        ),
        # a new e-mail to someone else stays a new e-mail
        (
            "when a new gmail arrives send the answer to my manager by gmail",
            ["gmail.new_email", "gmail.send_email"],
        ),
        (
            "when a new gmail arrives send an email to boss@shop.com",
            ["gmail.new_email", "email.send_email"],
        ),
    ],
)
def test_reply_to_an_email_that_came_in_answers_it(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the wish inside a long sentence starts what is to be done, step after step
        (
            "whenever a client books on our website (the form posts to a webhook) I'd like the "
            "booking added to Google Calendar and a confirmation SMS sent to them",
            ["webhook.receive", "google_calendar.create_event", "twilio.send_sms"],
        ),
        (
            "when a new order comes in on shopify I want a notion page created and a slack "
            "message posted to #orders",
            ["shopify.new_order", "notion.create_page", "slack.post_message"],
        ),
        # a second place said after "and" is a step of its own too
        (
            "when a new order is placed on zid save it to airtable and in notion",
            ["zid.new_order", "airtable.create_record", "notion.create_page"],
        ),
        (
            "when a new stripe customer signs up add them to my Clients sheet and to notion",
            ["stripe.new_customer", "google_sheets.append_row", "notion.create_page"],
        ),
    ],
)
def test_a_second_step_said_in_a_long_sentence_is_kept(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "send me an sms when a shopify order... no sorry, when a new stripe customer signs "
            "up add them to my Clients sheet",
            ["stripe.new_customer", "google_sheets.append_row"],
        ),
        (
            "every monday at 9 post the sales to slack, actually no, when a new order comes in "
            "on salla post it to slack #orders",
            ["salla.new_order", "slack.post_message"],
        ),
        # too little after the correction to be a request of its own: the sentence stays whole
        (
            "when a new order comes in on salla send me an sms, actually no",
            ["salla.new_order", "twilio.send_sms"],
        ),
    ],
)
def test_words_taken_back_are_not_built(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a value set with no service named is set on the record the step before brought
        (
            'New Airtable lead → text them on whatsapp "Hi!" → set Status to Contacted',
            # (a template: the flow writes first)
            ["airtable.new_record", "whatsapp.send_template", "airtable.update_record"],
        ),
        (
            "new woocommerce order → set it on-hold and email the customer",
            ["woocommerce.order_created", "woocommerce.update_order_status", "email.send_email"],
        ),
        (
            "every hour check salla for new orders and mark them preparing",
            ["schedule.every", "salla.list_orders", "core.loop", "salla.update_order_status"],
        ),
        (
            "when a stripe invoice is paid find the invoice in the Invoices tab and set its "
            "status to Paid",
            ["stripe.invoice_paid", "google_sheets.read_rows", "google_sheets.update_row"],
        ),
        # a service named says where; an e-mail is marked by its own step
        (
            "when a new gmail arrives mark it as read",
            ["gmail.new_email", "gmail.change_labels"],
        ),
    ],
)
def test_a_value_set_with_no_service_named_updates_the_record_in_hand(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the flow "texts" a group there: a message sent on that service
        (
            "every monday at 9 am the flow texts my staff group on telegram the week's orders "
            "from salla",
            ["schedule.every", "salla.list_orders", "telegram.send_message"],
        ),
        # someone else texting a messaging service is its incoming message
        (
            "when a customer texts us on whatsapp reply with our opening hours",
            ["whatsapp.incoming_message", "whatsapp.send_text"],
        ),
        (
            "every time someone texts my shop's telegram bot send them the price list",
            ["telegram.new_message", "telegram.send_message"],
        ),
        # texting with no service named stays an SMS
        (
            "when someone texts me send them our prices by sms",
            ["twilio.incoming_sms", "twilio.send_sms"],
        ),
    ],
)
def test_texting_on_a_messaging_service_is_a_message_there(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a service's name said with its event, or as a heading, is whose event it is: no step
        (
            "Stripe invoice paid → add a row to my Invoices sheet",
            ["stripe.invoice_paid", "google_sheets.append_row"],
        ),
        (
            "Moyasar payment paid → fetch the payment details and email them to me",
            ["moyasar.payment_paid", "moyasar.get_payment", "email.send_email"],
        ),
        (
            "Airtable: new record in Leads table → send me a slack message",
            ["airtable.new_record", "slack.post_message"],
        ),
    ],
)
def test_a_services_name_alone_adds_no_step(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected
