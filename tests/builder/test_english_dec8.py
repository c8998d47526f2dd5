"""English steps as shop owners write them, each a pattern: a table named with its service
beside it ("the Airtable Leads table"), a tag that is a service's name ("tagged salla"), a
store's status said as where the order goes ("→ Zid order to ready"), a row found by its key
("matching on the Email column": an upsert).

Every sentence here was written for these tests; none comes from a set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from tests.builder.built import node_params, types


@pytest.mark.parametrize(
    ("sentence", "expected", "table"),
    [
        (
            "Stripe new customers into the Airtable Clients table",
            ["stripe.new_customer", "airtable.create_record"],
            "Clients",
        ),
        (
            "new Salla order → Airtable Sales table",
            ["salla.new_order", "airtable.create_record"],
            "Sales",
        ),
    ],
)
def test_a_table_named_beside_its_service_is_that_services_table(
    sentence: str, expected: list[str], table: str
) -> None:
    assert types(sentence) == expected
    assert node_params(sentence, "airtable.create_record")["table"] == table


def test_a_sheet_named_beside_google_is_still_read_from_the_sheet() -> None:
    # negative: only a table keeps its service's name in the text; a sheet names its own
    sentence = "every evening send me the rows of the Google Stock sheet on telegram"
    assert types(sentence) == ["schedule.every", "google_sheets.read_rows", "telegram.send_message"]


@pytest.mark.parametrize(
    ("sentence", "expected", "tag"),
    [
        (
            "Each new Salla customer should be created in Shopify too, with the tag salla",
            ["salla.new_customer", "shopify.create_customer"],
            "salla",
        ),
        (
            "when a new Zid customer signs up add them to Shopify tagged zid",
            ["zid.new_customer", "shopify.create_customer"],
            "zid",
        ),
    ],
)
def test_a_tag_that_is_a_services_name_does_not_pick_the_service(
    sentence: str, expected: list[str], tag: str
) -> None:
    proposal = build(sentence)
    assert proposal.flow is not None
    assert [node.type for node in proposal.flow.nodes] == expected
    assert node_params(sentence, "shopify.create_customer")["tags"] == tag
    assert proposal.not_understood == []


@pytest.mark.parametrize(
    ("sentence", "expected", "status"),
    [
        (
            "Moyasar payment paid = Zid order to ready",
            ["moyasar.payment_paid", "zid.update_order_status"],
            "ready",
        ),
        (
            "stripe payment succeeded -> WooCommerce order as completed",
            ["stripe.payment_succeeded", "woocommerce.update_order_status"],
            "completed",
        ),
        (
            "When a Tap charge succeeds, set the Salla order status to paid",
            ["tap.charge_captured", "salla.update_order_status"],
            None,
        ),
    ],
)
def test_a_stores_status_said_as_where_the_order_goes_changes_its_status(
    sentence: str, expected: list[str], status: str | None
) -> None:
    assert types(sentence) == expected
    if status is not None:
        assert node_params(sentence, expected[1])["status"] == status


def test_orders_said_with_their_status_and_another_place_are_not_a_status_change() -> None:
    # negative: "marked as paid" describes the orders that go to the sheet
    built = types("every evening add the Zid orders marked as paid to my sheet")
    assert "zid.update_order_status" not in built


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        (
            "When a Salla order is updated, update the customer row in my Orders sheet, "
            "matching on the Order ID column",
            "Order ID",
        ),
        ("when a stripe payment succeeds update their row in the sheet (match on Email)", "Email"),
        ("when a new Airtable record comes in, update the sheet row matched by phone", "phone"),
    ],
)
def test_a_row_updated_by_its_key_column_is_updated_or_added(sentence: str, key: str) -> None:
    proposal = build(sentence)
    assert proposal.flow is not None
    assert proposal.flow.nodes[-1].type == "google_sheets.upsert_row"
    assert proposal.flow.nodes[-1].params["key_column"] == key
    assert proposal.not_understood == []


def test_a_row_updated_without_a_key_stays_an_update() -> None:
    # negative: no key said, the row is the one the step is given
    assert types("when a Salla order ships, update the row in the Orders sheet")[-1] == (
        "google_sheets.update_row"
    )


@pytest.mark.parametrize(
    ("sentence", "expected", "key", "choices"),
    [
        (
            "flower shop. telegram message comes in -> send them a list to choose from: "
            "Roses, Tulips, Lilies",
            ["telegram.new_message", "telegram.send_message"],
            None,
            None,
        ),
        (
            "bakery: whatsapp message comes in → reply with a list to pick from: Cakes, "
            "Bread, Cookies",
            ["whatsapp.incoming_message", "whatsapp.send_list"],
            "rows",
            ["Cakes", "Bread", "Cookies"],
        ),
    ],
)
def test_a_heading_naming_the_business_does_not_hide_the_event_said_as_a_noun(
    sentence: str, expected: list[str], key: str | None, choices: list[str] | None
) -> None:
    proposal = build(sentence)
    assert proposal.flow is not None
    assert [node.type for node in proposal.flow.nodes] == expected
    if key is not None:
        assert proposal.flow.nodes[-1].params[key] == choices


def test_a_heading_that_names_a_service_is_no_business_heading() -> None:
    # negative: "Shopify" alone is the service the event after it is of
    assert types("Shopify: new order comes in -> email me")[0] == "shopify.new_order"


def test_buttons_said_with_a_message_after_the_event_are_its_buttons_step() -> None:
    # the customer writes first, so the answer may show its buttons at once
    sentence = "when a customer messages us on WhatsApp, send them buttons Book and Prices"
    proposal = build(sentence)
    assert proposal.flow is not None
    assert proposal.flow.nodes[-1].type == "whatsapp.send_buttons"
    assert proposal.flow.nodes[-1].params["buttons"] == ["Book", "Prices"]


@pytest.mark.parametrize(
    ("sentence", "expected", "workbook"),
    [
        (
            "when a new Shopify order comes in, add it to Sales.xlsx on OneDrive",
            ["shopify.new_order", "excel.add_row"],
            "Sales.xlsx",
        ),
        (
            "every Monday at 9 read the rows of Stock.xlsx and email them to me",
            ["schedule.every", "excel.find_rows", "email.send_email"],
            "Stock.xlsx",
        ),
    ],
)
def test_a_workbook_file_named_is_excel_even_on_onedrive(
    sentence: str, expected: list[str], workbook: str
) -> None:
    proposal = build(sentence)
    assert proposal.flow is not None
    assert [node.type for node in proposal.flow.nodes] == expected
    assert proposal.flow.nodes[1].params["workbook"] == workbook
    assert proposal.unsupported == []


def test_onedrive_without_a_workbook_is_still_a_drive_flowin_lacks() -> None:
    # negative: a file saved to OneDrive is no Excel row
    proposal = build("when a Stripe payment comes in save the receipt in my OneDrive")
    assert proposal.unsupported
    assert proposal.flow is None or "excel.add_row" not in [n.type for n in proposal.flow.nodes]


def test_a_tab_named_on_a_schedule_is_where_the_listed_data_goes() -> None:
    sentence = "every night at 11 add a row to the Totals tab with the count of Zid orders"
    proposal = build(sentence)
    assert proposal.flow is not None
    assert [node.type for node in proposal.flow.nodes] == [
        "schedule.every",
        "zid.list_orders",
        "google_sheets.append_row",
    ]
    assert proposal.flow.nodes[-1].params["sheet"] == "Totals"


@pytest.mark.parametrize(
    "sentence",
    [
        "when someone texts our Twilio number, reply by SMS that we'll be there in 20 minutes "
        "and add it to the Visits tab",
        "when a Shopify order comes in, tell the customer on WhatsApp that it will arrive in "
        "3 days",
    ],
)
def test_a_time_in_the_words_a_message_reports_is_no_wait(sentence: str) -> None:
    proposal = build(sentence)
    assert proposal.flow is not None
    built = [node.type for node in proposal.flow.nodes]
    assert "core.delay" not in built
    assert len(built) == (3 if "Visits" in sentence else 2)


def test_a_time_said_with_the_order_is_still_a_wait() -> None:
    # negative: no words reported, the time is when to send
    built = types("when a new Salla order comes in, in 3 days send the customer a whatsapp")
    assert "core.delay" in built


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "when a telegram message arrives, let ChatGPT draft an answer and post it in Slack "
            "for review",
            ["telegram.new_message", "openai.generate_text", "slack.post_message"],
        ),
        (
            "When a form sends our webhook, have AI write a friendly response and email it to me",
            ["webhook.receive", "openai.generate_text", "email.send_email"],
        ),
    ],
)
def test_a_reply_the_ai_writes_and_a_step_sends_elsewhere_is_not_sent_back(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_a_reply_the_ai_writes_with_nothing_after_goes_back_where_the_message_came_from() -> None:
    # negative: no step sends it, so it is answered in place
    built = types("when a WhatsApp message comes in, have ChatGPT write a short reply")
    assert built == ["whatsapp.incoming_message", "openai.generate_text", "whatsapp.send_text"]
