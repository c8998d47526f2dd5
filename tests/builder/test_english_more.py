"""English requests, and the values of steps in both languages, that people write without
thinking of the builder: a status said outright even when it is the step's usual one ("mark it
completed"), a failure said of a message ("when a WhatsApp message I send fails", "didn't get
delivered"), an HTTP method written in capitals.

Every sentence here was written for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.entities import extract
from tests.builder.built import types


def step(sentence: str, node_type: str) -> dict:
    """The params of the one step of ``node_type`` in the flow built from ``sentence``."""
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.refused)
    found = [node for node in proposal.flow.nodes if node.type == node_type]
    assert len(found) == 1, [node.type for node in proposal.flow.nodes]
    return found[0].params


@pytest.mark.parametrize(
    ("sentence", "node_type", "status"),
    [
        # the step's usual value, said all the same: the flow says it too
        (
            "when the woocommerce order is paid mark it completed",
            "woocommerce.update_order_status",
            "completed",
        ),
        (
            "new zid order -> change the order status to preparing",
            "zid.update_order_status",
            "preparing",
        ),
        (
            "when a new salla order comes in change the order status to in progress",
            "salla.update_order_status",
            "in_progress",
        ),
        # Arabic words for a status
        (
            "لما يجي طلب جديد في زد غير حالة الطلب الى جاري التجهيز",
            "zid.update_order_status",
            "preparing",
        ),
        (
            "كل يوم الساعة ٩ ابعتلي طلبات شوبيفاي الملغية على الايميل",
            "shopify.list_orders",
            "cancelled",
        ),
    ],
)
def test_a_status_the_sentence_names_is_set_even_when_it_is_the_usual_one(
    sentence, node_type, status
):
    assert step(sentence, node_type).get("status") == status


def test_unpaid_is_not_read_as_paid():
    params = step(
        "كل يوم الساعة ٩ ابعتلي طلبات شوبيفاي الغير مدفوعة على الايميل", "shopify.list_orders"
    )
    assert params.get("financial_status") == "unpaid"


@pytest.mark.parametrize(
    "sentence",
    [
        "when a whatsapp message I sent fails, email me at ops@shop.com",
        "When a WhatsApp message we send fails, post it in #support",
        "if a WhatsApp message fails to send, text me on +201001234567",
        "whatsapp message wasn't delivered -> send the same text by sms",
        "لو رسالة الواتس ما وصلتش للعميل ابعتها SMS",
    ],
)
def test_a_message_that_fails_or_is_not_delivered_starts_on_its_failed_status(sentence):
    assert types(sentence)[0] == "whatsapp.message_status"
    assert step(sentence, "whatsapp.message_status")["status"] == "failed"


@pytest.mark.parametrize(
    ("sentence", "method"),
    [
        ("every hour GET https://api.shop.io/stock and post it to #stock", "GET"),
        ("كل ساعة ابعت طلب GET على https://api.shop.io/stock", "GET"),
        ("every hour send a POST request to https://api.shop.io/ping", "POST"),
    ],
)
def test_an_http_method_written_in_capitals_is_the_one_used(sentence, method):
    assert step(sentence, "http.request")["method"] == method


def test_a_lowercase_get_is_no_http_method():
    params = step("every hour get https://api.shop.io/stock and post it to #stock", "http.request")
    assert "method" not in params


def test_a_step_whose_name_has_an_apostrophe_is_read_by_the_steps_after_it():
    """ "Change a Zid order's status": its name inside the next step's expression is quoted."""
    sentence = 'new zid order: change status to preparing and whatsapp the customer "on its way"'
    proposal = build(sentence)
    assert proposal.flow is not None, proposal.question
    message = proposal.flow.nodes[-1]
    assert "order\\'s status'].output" in message.params["to"]


def schedule_of(sentence: str) -> dict:
    (entity,) = [e for e in extract(sentence).entities if e.kind == "schedule"]
    return entity.value


@pytest.mark.parametrize(
    ("sentence", "cron"),
    [
        # sunset and noon as the part of the day
        ("ابعتلي تقرير كل خميس الساعة ٧ المغرب", "0 19 * * 4"),
        ("كل يوم المغرب ابعت رسالة للفريق", "0 18 * * *"),
        ("كل يوم جمعة الضهر ابعت تقرير", "0 12 * * 5"),
        ("كل يوم الساعة ٢ الضهر ابعت تقرير", "0 14 * * *"),
        # a weekday and its time, without "every"
        ("Monday 9am: send the week's orders to #sales", "0 9 * * 1"),
        ("Friday at 4:30 pm post the report in #team", "30 16 * * 5"),
        # a range of days
        ("from sunday to thursday at 8am send the staff the shifts", "0 8 * * 0-4"),
        ("كل يوم من الاحد الى الخميس الساعة ٩ الصبح ابعت تذكير", "0 9 * * 0-4"),
        ("every monday, tuesday and wednesday at 10 send a reminder", "0 10 * * 1-3"),
        ("every monday and thursday at 10 send a reminder", "0 10 * * 1,4"),
    ],
)
def test_a_schedule_said_by_the_part_of_the_day_a_bare_weekday_or_a_range_of_days(sentence, cron):
    assert schedule_of(sentence) == {"mode": "cron", "cron": cron}


def test_every_last_friday_asks_which_day_of_the_month_instead_of_guessing():
    proposal = build("send an email to hr@shop.com every last friday")
    assert proposal.flow is not None
    trigger = proposal.flow.nodes[0]
    assert trigger.type == "schedule.every"
    assert not trigger.params.get("mode")
    assert any("month" in m.message for m in proposal.missing if m.node == trigger.name)


def waits_of(sentence: str) -> list[dict]:
    return [e.value for e in extract(sentence).entities if e.kind == "wait"]


@pytest.mark.parametrize(
    ("sentence", "amount", "unit"),
    [
        ("ابيك تنتظر ساعة وبعدين ترسل للعميل", 1, "hours"),
        ("نستنى ١٠ دقايق وبعدين نبعت رسالة", 10, "minutes"),
        ("تسنى 3 أيام ومن بعد صيفط ميساج للكليان", 3, "days"),
        ("تسنى جوج ساعات ومن بعد صيفط واتساب", 2, "hours"),
        ("بعد مرور ٥ أيام من الطلب أرسل رسالة للعميل", 5, "days"),
    ],
)
def test_a_wait_said_with_the_verb_in_another_person_or_after_some_time_passing(
    sentence, amount, unit
):
    assert waits_of(sentence) == [{"mode": "duration", "amount": amount, "unit": unit}]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("shopify orders to notion", ["shopify.new_order", "notion.create_page"]),
        ("new email in gmail to slack #inbox", ["gmail.new_email", "slack.post_message"]),
        (
            "each new stripe customer = a new row in my Clients sheet",
            ["stripe.new_customer", "google_sheets.append_row"],
        ),
        (
            "every new order in my zid store gets a trello card",
            ["zid.new_order", "trello.create_card"],
        ),
        (
            "new airtable records go to my notion database",
            ["airtable.new_record", "notion.create_page"],
        ),
    ],
)
def test_a_flow_said_as_a_noun_phrase_from_one_service_to_another(sentence, expected):
    """No "when", no order: what happens in one service, and the other service it goes to."""
    assert types(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "when a trello card is moved to Done send the customer an sms",
        "when a new row is added to my Orders sheet post it in #orders on slack",
    ],
)
def test_an_event_that_names_where_it_happens_is_not_cut_at_its_to(sentence):
    assert len(types(sentence)) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "can u set up: every new zid order gets a trello card",
        "please build this: every new zid order gets a trello card",
    ],
)
def test_a_request_ending_in_a_colon_is_no_step(sentence):
    assert types(sentence) == ["zid.new_order", "trello.create_card"]


@pytest.mark.parametrize(
    ("sentence", "node_type", "key", "value"),
    [
        # read first on a schedule or a button: from the sheet the sentence names
        (
            "every day at 10am whatsapp my clients from the Clients sheet",
            "google_sheets.read_rows",
            "sheet",
            "Clients",
        ),
        # a later step of the same service works in the same place
        (
            "when a new record is added to airtable Leads table update the record",
            "airtable.update_record",
            "table",
            "Leads",
        ),
        (
            "when a new row is added to my Orders sheet, update the row",
            "google_sheets.update_row",
            "sheet",
            "Orders",
        ),
    ],
)
def test_a_step_reads_and_writes_in_the_place_the_sentence_named(sentence, node_type, key, value):
    assert step(sentence, node_type)[key] == value


@pytest.mark.parametrize(
    ("sentence", "node_type", "key", "value"),
    [
        (
            "when a new gmail comes from bank@x.com mark it read",
            "gmail.change_labels",
            "remove",
            ["UNREAD"],
        ),
        (
            "when a new gmail comes from bank@x.com archive it",
            "gmail.change_labels",
            "remove",
            ["INBOX"],
        ),
        (
            "لما يجي ايميل عالجيميل من bank@x.com اعمله مقروء",
            "gmail.change_labels",
            "remove",
            ["UNREAD"],
        ),
        (
            "label every new gmail from noreply@amazon.com as Receipts",
            "gmail.change_labels",
            "add",
            ["Receipts"],
        ),
        (
            "when someone new is added to my Leads sheet create them as a customer in shopify "
            "with the tag vip",
            "shopify.create_customer",
            "tags",
            "vip",
        ),
        (
            "when a calendar event with the word 'checkup' is about to start in 30 min, text the "
            "patient",
            "google_calendar.event_starting_soon",
            "search",
            "checkup",
        ),
    ],
)
def test_a_value_said_in_everyday_words_fills_its_field(sentence, node_type, key, value):
    assert step(sentence, node_type)[key] == value


@pytest.mark.parametrize(
    ("sentence", "node_type", "key", "value"),
    [
        # a template named at the end of the sentence, or after a dialect word for it
        (
            "عند وصول طلب جديد في سلة أرسل للعميل قالب واتساب باسم order_received.",
            "whatsapp.send_template",
            "template",
            "order_received",
        ),
        (
            "لما يجي طلب جديد في زد ابعت للعميل تمبلت واتس order_received",
            "whatsapp.send_template",
            "template",
            "order_received",
        ),
        (
            "when a webhook comes in send the customer the whatsapp template order_ready",
            "whatsapp.send_template",
            "template",
            "order_ready",
        ),
        # an Airtable table said after "record in"
        (
            "new airtable record in Bookings -> send me an sms",
            "airtable.new_record",
            "table",
            "Bookings",
        ),
        # a list or sheet named in quotes, or after "the one called"
        (
            "when a new zid order comes in create a trello card in 'VIP orders'",
            "trello.create_card",
            "list_name",
            "VIP orders",
        ),
        (
            "عند وصول طلب جديد في زد أنشئ بطاقة في Trello ضمن قائمة 'قيد المراجعة'",
            "trello.create_card",
            "list_name",
            "قيد المراجعة",
        ),
        (
            "لما صف جديد يتضاف في الشيت اللي اسمه Leads ابعتلي SMS",
            "google_sheets.new_row",
            "sheet",
            "Leads",
        ),
        (
            "لما يسجل عميل جديد في زد ضيفه في الشيت تبع Customers",
            "google_sheets.append_row",
            "sheet",
            "Customers",
        ),
    ],
)
def test_a_named_template_table_list_or_sheet_reaches_its_step(sentence, node_type, key, value):
    assert step(sentence, node_type)[key] == value


def test_quoted_words_in_an_arabizi_request_are_sent_as_written():
    """'ahla w sahla' is the message itself: its "w" is no Arabizi "and" to translate."""
    params = step(
        "lama yetsajal 7ad gdid 3a zid, b3tlo email 'ahla w sahla fina'", "email.send_email"
    )
    assert params["text"] == "ahla w sahla fina"


def test_private_use_characters_typed_by_the_user_are_no_quote_kept_aside():
    proposal = build("lama yegi order 3al shopify ab3atli sms \U000f0000\U000f0003 'ok'")
    assert proposal.flow is not None or proposal.question


@pytest.mark.parametrize(
    ("sentence", "params"),
    [
        (
            "kl sa3tein ab3atli el orders mn salla 3al email",
            {"mode": "interval", "every": 2, "unit": "hours"},
        ),
        (
            "kel yom 5amis el sa3a 4 ba3d el dohr ab3atli talabat zid 3al email",
            {"mode": "cron", "cron": "0 16 * * 4"},
        ),
        (
            "kol itnen el sa3a 9 w nos ab3atli talabat salla 3al email",
            {"mode": "cron", "cron": "30 9 * * 1"},
        ),
    ],
)
def test_an_arabizi_schedule_with_its_days_and_times(sentence, params):
    proposal = build(sentence)
    assert proposal.flow is not None
    assert proposal.flow.nodes[0].params == params


@pytest.mark.parametrize(
    ("sentence", "cron"),
    [
        ("every friday at 5 in the evening, post the report in #team", "0 17 * * 5"),
        ("كل يوم الساعة ٩ م، ابعت التقرير", "0 21 * * *"),
    ],
)
def test_the_part_of_the_day_counts_before_a_comma(sentence, cron):
    assert schedule_of(sentence) == {"mode": "cron", "cron": cron}
