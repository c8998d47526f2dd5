"""Steps that need data read first: people said to be kept in a tab are read, then sent to one
by one; records
fetched with "all" ("get all orders", "اجلب جميع طلبات", "هات كل اوردرات") are listed by hand,
not taken for an event. Each rule has a negative where it could over-fire.

The sentences were written for these tests; none comes from a development or held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build

from .built import types


def _params(sentence: str, node_type: str) -> dict:
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    (node,) = [n for n in proposal.flow.nodes if n.type == node_type]
    return node.params


@pytest.mark.parametrize(
    ("sentence", "flow", "sheet"),
    [
        (
            "every monday at 9 text each member in the Gym tab a reminder by sms",
            ["schedule.every", "google_sheets.read_rows", "core.loop", "twilio.send_sms"],
            "Gym",
        ),
        (
            "run by hand: whatsapp each guest in my Wedding tab the invitation",
            ["core.manual_trigger", "google_sheets.read_rows", "core.loop"],
            "Wedding",
        ),
        (
            "every friday email the weekly totals from the Sales tab to me",
            ["schedule.every", "google_sheets.read_rows", "email.send_email"],
            "Sales",
        ),
    ],
)
def test_people_kept_in_a_tab_are_read_first(sentence: str, flow: list[str], sheet: str) -> None:
    assert types(sentence)[: len(flow)] == flow
    assert _params(sentence, "google_sheets.read_rows")["sheet"] == sheet


def test_run_by_hand_is_the_button_not_a_word_left_over() -> None:
    proposal = build("run it manually: email the Leads tab to me")
    assert proposal.flow is not None
    assert proposal.flow.nodes[0].type == "core.manual_trigger"
    assert "run" not in " ".join(proposal.not_understood).lower()


def test_a_tab_written_to_is_not_read() -> None:
    # "to the Orders tab" is where a row goes, not where people are kept
    assert types("when a salla order comes add it to the Orders tab") == [
        "salla.new_order",
        "google_sheets.append_row",
    ]
    assert "google_sheets.read_rows" not in types("every day at 8 send me a whatsapp")


@pytest.mark.parametrize(
    ("sentence", "flow"),
    [
        (
            "get all orders from zid and email them to me",
            ["core.manual_trigger", "zid.list_orders", "email.send_email"],
        ),
        (
            "fetch all the shopify orders and post them on slack",
            ["core.manual_trigger", "shopify.list_orders", "slack.post_message"],
        ),
        (
            "هات كل اوردرات سلة وابعتها على سلاك",
            ["core.manual_trigger", "salla.list_orders", "slack.post_message"],
        ),
        (
            "اجلب جميع طلبات زد وأرسلها بالبريد الإلكتروني",
            ["core.manual_trigger", "zid.list_orders", "email.send_email"],
        ),
    ],
)
def test_all_records_fetched_are_listed_by_hand(sentence: str, flow: list[str]) -> None:
    assert types(sentence) == flow


def test_a_fetch_said_with_its_own_step_keeps_the_step() -> None:
    # "by email" is a step of its own, not a second listing
    assert types("a button I can click to get all of this week's shopify orders by email") == [
        "core.manual_trigger",
        "shopify.list_orders",
        "email.send_email",
    ]


def test_details_of_the_record_that_came_in_stay_a_get_one() -> None:
    assert types("when a new salla order comes get the order details and send them to slack") == [
        "salla.new_order",
        "salla.get_order",
        "slack.post_message",
    ]


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        (
            "when a zid order changes, update its row in the Deliveries sheet by order number",
            "Order number",
        ),
        (
            "when a new stripe customer signs up, update their row in the Members tab by email",
            "Email",
        ),
    ],
)
def test_a_sheet_matched_by_a_column_is_an_upsert_on_that_key(sentence: str, key: str) -> None:
    assert types(sentence)[-1] == "google_sheets.upsert_row"
    assert _params(sentence, "google_sheets.upsert_row")["key_column"] == key


def test_by_a_channel_after_an_address_is_how_it_is_sent_not_a_key() -> None:
    flow = types("every day at 9 send +971501234567 the daily report by sms")
    assert "google_sheets.upsert_row" not in flow
    assert flow[-1] == "twilio.send_sms"
