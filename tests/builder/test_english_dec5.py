"""English events and steps as shop owners write them to the builder: a card dragged or moved
on a board by the owner ("when I move a card to Done"), a sentence about the business before the
event said with "when", steps joined with "+".

Every sentence here was written for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from tests.builder.built import types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "When I drag a Trello card to Done, email me",
            ["trello.card_moved", "email.send_email"],
        ),
        (
            "When we move a Trello card to Shipped, text the customer",
            ["trello.card_moved", "twilio.send_sms"],
        ),
    ],
)
def test_a_card_the_owner_moves_on_the_board_is_the_moved_card_event(
    sentence: str, expected: list[str]
) -> None:
    proposal = build(sentence)
    assert proposal.flow is not None
    assert [node.type for node in proposal.flow.nodes] == expected
    assert proposal.not_understood == []  # "move" said of the event is no order left out


def test_what_the_business_does_before_the_when_is_no_event_of_its_own() -> None:
    sentence = (
        "Our studio plans its shoots in Trello. When a card is moved to 'Invoiced', "
        "post in #billing on Slack."
    )
    assert types(sentence) == ["trello.card_moved", "slack.post_message"]


def test_a_service_named_before_the_when_still_names_its_event() -> None:
    sentence = "telegram bot: when someone writes /hours reply with our opening hours"
    assert types(sentence)[0] == "telegram.new_message"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "new stripe payment → sheet row + slack message",
            ["stripe.payment_succeeded", "google_sheets.append_row", "slack.post_message"],
        ),
        (
            "salla order -> whatsapp the buyer + trello card",
            ["salla.new_order", "whatsapp.send_text", "trello.create_card"],
        ),
    ],
)
def test_steps_joined_with_a_plus_are_each_a_step(sentence: str, expected: list[str]) -> None:
    got = types(sentence)
    assert [t.replace("send_template", "send_text") for t in got] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "moyasar payment paid → new record in the Airtable Payments table",
            "airtable.create_record",
        ),
        ("new gmail email → Notion page in our Leads database", "notion.create_page"),
        ("new telegram message → Airtable Chats table", "airtable.create_record"),
        ("new salla customer -> a row in my sheet", "google_sheets.append_row"),
    ],
)
def test_a_place_named_after_the_event_without_an_order_is_written_not_read(
    sentence: str, expected: str
) -> None:
    assert types(sentence)[1:] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Hi, I have a perfume shop on Salla. When a customer places an order, send him an "
            "SMS with the order number and the delivery time",
            ["salla.new_order", "twilio.send_sms"],
        ),
        (
            "we sell abayas on zid, when a new order comes send me a telegram message",
            ["zid.new_order", "telegram.send_message"],
        ),
    ],
)
def test_where_the_business_sells_is_said_of_it_and_makes_no_step(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "when someone messages my telegram bot, reply with the menu and the schedule",
        "when a telegram message comes, reply with our prices and the delay of delivery",
    ],
)
def test_what_a_step_sends_listed_after_with_is_no_step_of_its_own(sentence: str) -> None:
    assert types(sentence) == ["telegram.new_message", "telegram.send_message"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "every friday sms me an AI summary of the week's salla orders",
            ["schedule.every", "salla.list_orders", "openai.generate_text", "twilio.send_sms"],
        ),
        (
            "every morning email me a summary of yesterday's shopify orders written by chatgpt",
            ["schedule.every", "shopify.list_orders", "openai.generate_text", "email.send_email"],
        ),
    ],
)
def test_what_the_ai_writes_is_sent_the_way_the_clause_orders_first(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "when a new gmail email comes, have AI summarise it and send the summary to "
            "the doctor on telegram",
            "telegram.send_message",
        ),
        ("when a new order comes in, send the PDF invoice on telegram", "telegram.send_document"),
    ],
)
def test_a_file_step_is_chosen_only_when_a_file_is_said(sentence: str, expected: str) -> None:
    assert types(sentence)[-1] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "when any moyasar payment fail send me an email",
            ["moyasar.payment_failed", "email.send_email"],
        ),
        (
            "when a payment fail in tap send the customer an sms",
            ["tap.charge_failed", "twilio.send_sms"],
        ),
    ],
)
def test_a_failure_said_in_the_when_clause_is_the_event_not_a_step(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_a_french_agenda_and_rdv_are_the_calendar_and_an_appointment() -> None:
    sentence = "when a client takes a RDV in my google agenda send him a whatsapp"
    assert types(sentence)[0] == "google_calendar.event_created"
