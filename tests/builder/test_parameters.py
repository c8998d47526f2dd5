"""The values a proposed flow carries: when a schedule runs, what a condition compares, where a
message goes. A wrong value is worse than none: what the builder can't read is said, never
replaced by a default.

Every sentence here was written for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.entities import extract


def schedule_of(sentence: str) -> dict:
    (entity,) = [e for e in extract(sentence).entities if e.kind == "schedule"]
    return entity.value


def nodes_of(sentence: str) -> dict:
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.refused)
    return {node.type: node for node in proposal.flow.nodes}


@pytest.mark.parametrize(
    ("sentence", "params"),
    [
        ("every two hours", {"mode": "interval", "every": 2, "unit": "hours"}),
        ("every ten minutes", {"mode": "interval", "every": 10, "unit": "minutes"}),
        ("every three days at 8am", {"mode": "interval", "every": 3, "unit": "days"}),
        ("every night at 11", {"mode": "cron", "cron": "0 23 * * *"}),
        ("every evening at 7:30", {"mode": "cron", "cron": "30 19 * * *"}),
        ("every Friday evening", {"mode": "cron", "cron": "0 18 * * 5"}),
        ("every Sunday night", {"mode": "cron", "cron": "0 21 * * 0"}),
        ("every hour on weekdays", {"mode": "cron", "cron": "0 * * * 1-5"}),
        ("كل يوم خميس بالليل الساعة ١٠", {"mode": "cron", "cron": "0 22 * * 4"}),
        # The working week said in Arabic is Egypt's and the Gulf's: Sunday to Thursday.
        ("ايام الدوام الساعة ٩ الصبح", {"mode": "cron", "cron": "0 9 * * 0-4"}),
        ("كل أيام العمل الساعة 8 الصبح", {"mode": "cron", "cron": "0 8 * * 0-4"}),
    ],
)
def test_schedules_said_in_words(sentence, params):
    assert schedule_of(sentence) == params


def test_the_time_of_day_said_with_a_weekday_is_no_step_left_unread():
    proposal = build("Every Sunday morning, email a summary to team@shop.com")
    assert proposal.not_understood == []
    schedule = proposal.flow.nodes[0]
    assert schedule.params == {"mode": "cron", "cron": "0 9 * * 0"}


@pytest.mark.parametrize(
    "sentence", ["twice a day send me a report on telegram", "now and then email me@shop.com"]
)
def test_a_schedule_it_cannot_read_is_said_never_every_fifteen_minutes(sentence):
    proposal = build(sentence)
    starts = proposal.flow.nodes[0] if proposal.flow else None
    if starts is not None and starts.type == "schedule.every":
        assert starts.params.get("mode") is not None or any(
            m.node == starts.name for m in proposal.missing
        ), starts.params
        assert proposal.not_understood or any(m.node == starts.name for m in proposal.missing)


def test_a_threshold_inside_the_event_keeps_the_event_whole():
    nodes = nodes_of("When a payment over $200 comes in on Stripe, post to #sales on Slack")
    assert list(nodes) == ["stripe.payment_succeeded", "core.condition", "slack.post_message"]
    rule = nodes["core.condition"].params["conditions"][0]
    assert rule["left"] and rule["operator"] == "greater_than" and rule["right"] == 200


def test_a_possessive_service_word_is_still_the_service():
    nodes = nodes_of("When a new email's subject contains 'invoice', save it to the Invoices sheet")
    assert next(iter(nodes)) == "gmail.new_email"
    assert nodes["google_sheets.append_row"].params["sheet"] == "Invoices"


def test_a_condition_on_something_the_event_lacks_is_said_never_compared_to_nothing():
    for sentence in (
        "When a new Stripe customer signs up, if the plan is gold, post to #vip on slack",
        "When a Telegram message arrives and the amount is over 40, email me@shop.com",
    ):
        proposal = build(sentence)
        (condition,) = [n for n in proposal.flow.nodes if n.type == "core.condition"]
        if not all(rule["left"] for rule in condition.params["conditions"]):
            asked = [m for m in proposal.missing if m.node == condition.name]
            assert asked and asked[0].field == "conditions", sentence
            assert any("is" in said for said in proposal.not_understood), sentence


def test_a_schedule_said_without_when_asks_when():
    proposal = build("on a schedule email me@shop.com")
    (schedule,) = [n for n in proposal.flow.nodes if n.type == "schedule.every"]
    assert "mode" not in schedule.params
    (asked,) = [m for m in proposal.missing if m.node == schedule.name]
    assert asked.field == "cron" and "when" in asked.message


@pytest.mark.parametrize(
    ("sentence", "node_type", "params"),
    [
        (
            "when a Shopify order comes in, create a trello card in the Packing list",
            "trello.create_card",
            {"list_name": "Packing"},
        ),
        (
            "when a trello card is moved to Shipped, text me",
            "trello.card_moved",
            {"list_name": "Shipped"},
        ),
        (
            "when a new Stripe customer signs up add them to the airtable Members table",
            "airtable.create_record",
            {"table": "Members"},
        ),
        (
            "when a Salla order is shipped send the WhatsApp template parcel_on_way to the "
            "customer",
            "whatsapp.send_template",
            {"template": "parcel_on_way"},
        ),
        (
            "when a new gmail from the bank arrives, label it Finance",
            "gmail.change_labels",
            {"add": ["Finance"]},
        ),
        (
            "لما يوصل طلب شوبيفاي ضيفه في الشيت في تاب Sales",
            "google_sheets.append_row",
            {"sheet": "Sales"},
        ),
    ],
)
def test_names_of_lists_tables_tabs_templates_and_labels(sentence, node_type, params):
    node = nodes_of(sentence)[node_type]
    assert {key: node.params.get(key) for key in params} == params


def test_a_workbook_file_is_the_excel_workbook_not_a_sheet_name():
    node = nodes_of("when a new Shopify order comes in add a row to my excel file Sales.xlsx")[
        "excel.add_row"
    ]
    assert node.params.get("workbook") == "Sales.xlsx"


@pytest.mark.parametrize(
    ("sentence", "node_type", "field", "value"),
    [
        (
            "when someone writes to my facebook page on messenger, email me@shop.com",
            "instagram_messenger.new_message",
            "source",
            "messenger",
        ),
        (
            "لما حد يبعتلي رسالة على انستا ابعتها على تيليجرام",
            "instagram_messenger.new_message",
            "source",
            "instagram",
        ),
        (
            "every hour list the pending woocommerce orders and email them to me@shop.com",
            "woocommerce.list_orders",
            "status",
            "pending",
        ),
    ],
)
def test_a_choice_said_in_the_clause_is_taken(sentence, node_type, field, value):
    assert nodes_of(sentence)[node_type].params.get(field) == value


@pytest.mark.parametrize(
    ("sentence", "params"),
    [
        (
            "text me 2 hours before each meeting in my google calendar",
            {"within": 2, "unit": "hours"},
        ),
        ("ابعتلي رسالة على التلجرام قبل كل ميعاد بيوم", {"within": 1, "unit": "days"}),
        ("قبل الموعد بساعتين ابعت للعميل SMS", {"within": 2, "unit": "hours"}),
    ],
)
def test_how_long_before_an_event_starts_the_reminder(sentence, params):
    node = nodes_of(sentence)["google_calendar.event_starting_soon"]
    assert {key: node.params.get(key) for key in params} == params


@pytest.mark.parametrize(
    ("sentence", "cron"),
    [
        ("كل يوم الساعة ثمانية ونص الصبح", "30 8 * * *"),
        ("كل خميس الساعة العاشرة مساء", "0 22 * * 4"),
        ("كل يوم ١٠ الصبح", "0 10 * * *"),
        ("كل جمعة على السادسة تاع العشية", "0 18 * * 5"),
        ("كل نهار الساعة 9 متاع الليل", "0 21 * * *"),
        ("السبت الساعة ٤ ونص", "30 16 * * 6"),
        ("monthly report every tuesday 11:15", "15 11 * * 2"),
        ("send me a daily digest of the new orders on telegram at 6pm", "0 18 * * *"),
    ],
)
def test_times_said_as_people_say_them(sentence, cron):
    assert schedule_of(sentence) == {"mode": "cron", "cron": cron}


def test_a_count_of_minutes_in_words_stays_a_duration_not_a_time():
    assert not [e for e in extract("انتظر خمس دقايق وابعت").entities if e.kind == "schedule"]


@pytest.mark.parametrize(
    ("sentence", "node_type", "params"),
    [
        (
            "when a new Zid customer signs up create a Tap payment link of 120 KWD and email it",
            "tap.create_payment_link",
            {"amount": "120", "currency": "KWD"},
        ),
        (
            "لما يتضاف صف جديد في الشيت اعمل لينك دفع بايموب بقيمة ٤٠٠ جنيه",
            "paymob.create_payment_link",
            {"amount": "400", "currency": "EGP"},
        ),
        (
            'when a row is added to my sheet send an email from gmail with the subject "Welcome '
            'aboard" to the customer',
            "gmail.send_email",
            {"subject": "Welcome aboard"},
        ),
        (
            "when a whatsapp message comes in send a list with options Menu, Hours, Address",
            "whatsapp.send_list",
            {"rows": ["Menu", "Hours", "Address"]},
        ),
        (
            "when a customer writes on whatsapp answer with buttons Yes and No",
            "whatsapp.send_buttons",
            {"buttons": ["Yes", "No"]},
        ),
        (
            "when a gmail from billing@supplier.com with an attachment arrives post to #ap on slack",
            "gmail.new_email",
            {"query": "from:billing@supplier.com has:attachment"},
        ),
        (
            "when a Salla order ships send the whatsapp template order_on_way to the customer",
            "whatsapp.send_template",
            {"template": "order_on_way"},
        ),
        (
            "when a new trello card is created in Returns text +966501234567",
            "trello.card_created",
            {"list_name": "Returns"},
        ),
    ],
)
def test_amounts_subjects_choices_mail_searches_and_names(sentence, node_type, params):
    node = nodes_of(sentence)[node_type]
    assert {key: node.params.get(key) for key in params} == params


@pytest.mark.parametrize(
    ("sentence", "node_type", "params"),
    [
        (
            "لما يوصل طلب شوبيفاي ضيفه عالايرتيبل بجدول Orders",
            "airtable.create_record",
            {"table": "Orders"},
        ),
        (
            "كل ما يتضاف صف جديد بالشيت Leads ابعتلي ايميل على me@shop.com",
            "google_sheets.new_row",
            {"sheet": "Leads"},
        ),
        (
            "when a form is sent to my webhook email them at hello@shop.com and cc boss@shop.com",
            "email.send_email",
            {"to": "hello@shop.com", "cc": "boss@shop.com"},
        ),
        (
            "لما حد يضغط الزر اعمل لينك دفع تاب ب ١٥ دينار كويتي وابعته واتس",
            "tap.create_payment_link",
            {"amount": "15", "currency": "KWD"},
        ),
        (
            "when my webhook gets data send it to https://api.shop.com/in as a POST request",
            "http.request",
            {"method": "POST"},
        ),
    ],
)
def test_tables_copies_dinars_and_methods(sentence, node_type, params):
    node = nodes_of(sentence)[node_type]
    assert {key: node.params.get(key) for key in params} == params


def test_a_schedule_spelt_out_wins_over_one_read_from_a_word_alone():
    proposal = build("ابي تقرير اسبوعي كل سبت ٩ الصبح على الايميل me@shop.com")
    assert proposal.flow.nodes[0].params == {"mode": "cron", "cron": "0 9 * * 6"}
