"""Parameters said in the many ways people say them, English first: a time written with a dot
("6.30am"), the day of the month said after "every month" ("every month on the 5th"), how many
times a week said together with the days ("twice a week, Monday and Thursday").

Every sentence here was written for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build


def schedule_of(sentence: str) -> dict:
    """The params of the schedule that starts the flow built from ``sentence``."""
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    trigger = proposal.flow.nodes[0]
    assert trigger.type == "schedule.every", [n.type for n in proposal.flow.nodes]
    return trigger.params


@pytest.mark.parametrize(
    ("sentence", "cron"),
    [
        ("every Friday 7.15pm send me the week's stripe payments by email", "15 19 * * 5"),
        ("every day at 8.45am post the open orders from shopify to slack #ops", "45 8 * * *"),
        ("each Sunday 10.30am email me the new rows of my leads sheet", "30 10 * * 0"),
    ],
)
def test_a_time_written_with_a_dot_keeps_its_minutes(sentence, cron):
    assert schedule_of(sentence) == {"mode": "cron", "cron": cron}


@pytest.mark.parametrize(
    ("sentence", "cron"),
    [
        ("every month on the 10th at 9am email me the unpaid stripe invoices", "0 9 10 * *"),
        ("each month on the 3rd send the tenants an sms from my Tenants tab", "0 9 3 * *"),
        ("monthly, on the 20th at 11:00, post a reminder to slack #finance", "0 11 20 * *"),
        ("on the 7th of the month at 8am email me last month's shopify orders", "0 8 7 * *"),
    ],
)
def test_the_day_said_after_every_month_is_the_day_of_the_month(sentence, cron):
    assert schedule_of(sentence) == {"mode": "cron", "cron": cron}


@pytest.mark.parametrize(
    ("sentence", "cron"),
    [
        (
            "twice a week, Tuesday and Friday at 6pm, email the supplier the Stock tab",
            "0 18 * * 2,5",
        ),
        (
            "3 times a week (Sun, Tue, Thu) at 8am send me the new orders on telegram",
            "0 8 * * 0,2,4",
        ),
        ("twice a day at 9am and 6pm send me the new zid orders on telegram", "0 9,18 * * *"),
        ("twice daily (10:00 and 16:00) post the open tickets to slack #support", "0 10,16 * * *"),
    ],
)
def test_how_many_times_said_with_the_days_or_the_times_is_the_schedule_they_name(sentence, cron):
    assert schedule_of(sentence) == {"mode": "cron", "cron": cron}


def test_how_many_times_a_day_without_the_times_still_asks_for_them():
    proposal = build("twice a day send me the new zid orders on telegram")
    assert proposal.flow is not None
    assert proposal.flow.nodes[0].params == {}
    assert any("twice a day" in item for item in proposal.not_understood)


def param_of(sentence: str, node_type: str, key: str):
    """The value ``key`` has in the step of ``node_type`` built from ``sentence``."""
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    nodes = [n for n in proposal.flow.nodes if n.type == node_type]
    assert nodes, [n.type for n in proposal.flow.nodes]
    return nodes[0].params.get(key)


@pytest.mark.parametrize(
    ("sentence", "node_type", "key", "name"),
    [
        (
            "every morning send me the rows of the Google Orders sheet on telegram",
            "google_sheets.read_rows",
            "sheet",
            "Orders",
        ),
        (
            "each evening email me the new records from the Airtable Clients table",
            "airtable.find_records",
            "table",
            "Clients",
        ),
        (
            "when a new shopify order comes in, add a card to the trello list Packing",
            "trello.create_card",
            "list_name",
            "Packing",
        ),
        (
            "when a form is submitted on my website create a card in trello list New Leads",
            "trello.create_card",
            "list_name",
            "New Leads",
        ),
        (
            "when a stripe payment comes in, make a card in Trello under 'To ship'",
            "trello.create_card",
            "list_name",
            "To ship",
        ),
    ],
)
def test_the_name_of_a_list_sheet_or_table_is_the_name_without_the_service_said_beside_it(
    sentence, node_type, key, name
):
    assert param_of(sentence, node_type, key) == name


@pytest.mark.parametrize(
    ("sentence", "node_type", "name"),
    [
        (
            "ملي تتزاد carte جديدة ف trello ف la liste Livraison صيفطلي email",
            "trello.card_created",
            "Livraison",
        ),
        ("كي تتحرك carte ف trello ل Payé ابعث ايميل للمحاسب", "trello.card_moved", "Payé"),
        (
            "lma y7jez 7ad 3la google calendar e3mel card fi trello list Visits",
            "trello.create_card",
            "Visits",
        ),
    ],
)
def test_a_trello_list_named_in_french_or_arabizi_words_is_the_list(sentence, node_type, name):
    assert param_of(sentence, node_type, "list_name") == name


@pytest.mark.parametrize(
    ("sentence", "cron"),
    [
        (
            "الساعة ٨ الصبح من الأحد إلى الخميس ابعتلي الطلبات الجديدة من سلة على التليجرام",
            "0 8 * * 0-4",
        ),
        ("من السبت للخميس الساعة ٩ الصبح ارسل لي طلبات زد على الايميل", "0 9 * * 0-4,6"),
        ("at 6pm from Sunday to Thursday email me the day's shopify orders", "0 18 * * 0-4"),
        ("Monday to Friday at 8:30 post the open orders from salla to slack #ops", "30 8 * * 1-5"),
    ],
)
def test_a_range_of_days_with_a_time_is_a_schedule_on_those_days(sentence, cron):
    assert schedule_of(sentence) == {"mode": "cron", "cron": cron}


@pytest.mark.parametrize(
    ("sentence", "cron"),
    [
        ("الساعة ١٢ الليل كل يوم اسحب طلبات سلة وحطها في الشيت", "0 0 * * *"),
        ("كل يوم الساعة ١٢ بالليل ابعتلي مدفوعات سترايب على الايميل", "0 0 * * *"),
        ("every day at 12 at night copy the new stripe payments to my sheet", "0 0 * * *"),
        ("كل يوم الساعة ١٢ الظهر ابعتلي الطلبات على التليجرام", "0 12 * * *"),
    ],
)
def test_twelve_at_night_is_midnight_and_twelve_at_noon_is_noon(sentence, cron):
    assert schedule_of(sentence) == {"mode": "cron", "cron": cron}


@pytest.mark.parametrize(
    ("sentence", "node_type", "status"),
    [
        ("كل ساعة هات الطلبات الجديدة من زد وابعتها على التليجرام", "zid.list_orders", "new"),
        (
            "every hour get the new orders from zid and post them to slack #ops",
            "zid.list_orders",
            "new",
        ),
        (
            "زرار اضغطه يجيب الاوردرات المفتوحة من شوبيفاي ويبعتها على الايميل",
            "shopify.list_orders",
            "open",
        ),
        (
            "كل يوم الصبح هات الطلبات الملغاية من ووكومرس وابعتها للمحاسب على الايميل",
            "woocommerce.list_orders",
            "cancelled",
        ),
        ("لما الزبون يقرا رسالة الواتساب سجلها في الشيت", "whatsapp.message_status", "read"),
    ],
)
def test_a_status_said_in_a_word_of_either_language_is_the_status_the_step_asks_for(
    sentence, node_type, status
):
    assert param_of(sentence, node_type, "status") == status


@pytest.mark.parametrize(
    ("sentence", "node_type", "key", "value"),
    [
        (
            "when a booking form comes in, create the session in Google Calendar for 90 minutes",
            "google_calendar.create_event",
            "duration_minutes",
            90,
        ),
        (
            "for each new row in my bookings sheet add a meeting to my calendar for 2 hours",
            "google_calendar.create_event",
            "duration_minutes",
            120,
        ),
        (
            "find my free 45-minute slots over the next 3 days and send them to me on telegram",
            "google_calendar.find_free_time",
            "slot_minutes",
            45,
        ),
        (
            "find my free 45-minute slots over the next 3 days and send them to me on telegram",
            "google_calendar.find_free_time",
            "days",
            3,
        ),
        (
            "when a new row is added to my orders sheet, make a Tap payment link in BHD",
            "tap.create_payment_link",
            "currency",
            "BHD",
        ),
    ],
)
def test_how_long_how_many_days_and_which_currency_reach_the_step(sentence, node_type, key, value):
    assert param_of(sentence, node_type, key) == value


def test_waiting_for_a_while_is_no_length_of_an_event():
    proposal = build(
        "when a new order comes in on shopify, wait for 2 hours then text the customer"
    )
    assert proposal.flow is not None
    assert [n.type for n in proposal.flow.nodes][:2] == ["shopify.new_order", "core.delay"]


@pytest.mark.parametrize(
    ("sentence", "node_type", "column", "value"),
    [
        (
            "every day at 5pm look in the Excel file Stock.xlsx for rows where Status is Low and "
            "email them to me",
            "excel.find_rows",
            "Status",
            "Low",
        ),
        (
            "every morning read the rows of my Orders sheet where City is Riyadh and send them "
            "to slack #ops",
            "google_sheets.read_rows",
            "City",
            "Riyadh",
        ),
        (
            "ملي نكليكي على run جيب les lignes ديال الشيت اللي فيهم etat annulé و صيفطهم ف ايميل",
            "google_sheets.read_rows",
            "etat",
            "annulé",
        ),
    ],
)
def test_the_rows_a_look_up_keeps_are_those_of_the_column_and_value_said(
    sentence, node_type, column, value
):
    assert param_of(sentence, node_type, "column") == column
    assert param_of(sentence, node_type, "value") == value
