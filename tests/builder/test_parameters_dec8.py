"""Parameters that must land on the step proposed: a mobile number of the Levant written with
its country code and no "+", a schedule spelt out after a heading that reads like an event,
a message status said as a verb ("reads it", "تتقرا"); and how the sets score a value said
for a WhatsApp step the builder proposes as a template.

Every sentence here was written for these tests; none comes from a held-out or dev set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.offline import OfflineBuilder
from flowin_engine.registry import default_registry
from tests.builder.built import types
from tests.builder.scoring import score_case


def step_of(sentence: str, node_type: str) -> dict:
    """The params of the first step of ``node_type`` in the flow built from ``sentence``."""
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    node = next((n for n in proposal.flow.nodes if n.type == node_type), None)
    assert node is not None, [n.type for n in proposal.flow.nodes]
    return node.params


# --- a mobile number with its country code and no "+" ----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("كل ما يجي طلب عالووكومرس ابعتلي واتس عالرقم 96170123456", "+96170123456"),
        ("when a stripe payment fails sms me on 9613456789", "+9613456789"),
        ("لما يوصل ايميل عالجيميل ابعتلي SMS على 963944123456", "+963944123456"),
        ("new shopify order -> sms 970599123456", "+970599123456"),
    ],
)
def test_a_levantine_mobile_with_its_country_code_is_a_phone(sentence, number):
    proposal = build(sentence)
    assert proposal.flow is not None
    said = [n.params.get("to") for n in proposal.flow.nodes if "to" in n.params]
    assert number in said, [(n.type, n.params) for n in proposal.flow.nodes]


def test_an_order_number_of_the_same_length_is_no_phone():
    # 961 followed by a digit no Lebanese mobile starts with: an order's number, not a phone
    proposal = build("get shopify order 96150123456 and post it to slack #orders")
    assert proposal.flow is not None
    assert all(n.params.get("to") != "+96150123456" for n in proposal.flow.nodes)


# --- a schedule spelt out after a heading that reads like an event ---------------------------


@pytest.mark.parametrize(
    ("sentence", "cron"),
    [
        (
            "Event photographer here: every Monday at 9 am email me this week's calendar events",
            "0 9 * * 1",
        ),
        (
            "Wedding planner in Riyadh: every Friday at 5 pm send me the events of next week "
            "on telegram",
            "0 17 * * 5",
        ),
    ],
)
def test_a_schedule_said_after_a_heading_starts_the_flow(sentence, cron):
    assert types(sentence)[0] == "schedule.every"
    assert step_of(sentence, "schedule.every") == {"mode": "cron", "cron": cron}


def test_a_when_event_is_kept_before_a_schedule_word():
    # the event said with "when" stays the trigger; no schedule replaces it
    assert types("when a new order comes in on shopify send me a telegram message")[0] == (
        "shopify.new_order"
    )


# --- a message status said as a verb ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "when a customer reads my whatsapp message add a row to the sheet",
        "لما رسالة الواتس تتقرا ابعتلي على التلغرام",
        "كل ما الزبون يقراها لرسالة الواتس سجل بالشيت",
    ],
)
def test_a_message_read_sets_the_status(sentence):
    assert step_of(sentence, "whatsapp.message_status").get("status") == "read"


def test_a_message_status_said_without_a_verb_is_left_open():
    params = step_of(
        "when a whatsapp message status changes post it to slack #ops", "whatsapp.message_status"
    )
    assert params.get("status") in (None, "")


# --- how the sets score a value said for a step proposed as a template -----------------------


def _score(sentence: str, params: dict) -> bool:
    builder = OfflineBuilder(default_registry())
    case = {"sentence": sentence, "language": "en", "params": params}
    return score_case(case, builder).params_right


def test_a_number_said_for_a_whatsapp_text_is_scored_on_the_template_proposed():
    sentence = "every new salla order send a whatsapp to 0551112233"
    assert "whatsapp.send_template" in types(sentence)
    assert _score(sentence, {"whatsapp.send_text": {"to": "0551112233"}})
    assert not _score(sentence, {"whatsapp.send_text": {"to": "0559998877"}})


def test_a_setting_the_template_lacks_stays_a_miss():
    sentence = 'every new salla order whatsapp the customer "thanks for shopping"'
    assert not _score(sentence, {"whatsapp.send_text": {"text": "thanks for shopping"}})


def test_one_number_written_with_or_without_its_prefix_scores_the_same():
    sentence = "new shopify order -> sms 966501234567"
    assert _score(sentence, {"twilio.send_sms": {"to": "966501234567"}})
    assert _score(sentence, {"twilio.send_sms": {"to": "00966501234567"}})
    assert not _score(sentence, {"twilio.send_sms": {"to": "0501234567"}})


# --- names of the places a step writes to ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "table"),
    [
        ("new stripe customer → Airtable Customers table", "Customers"),
        ("new shopify order -> Airtable Orders table", "Orders"),
    ],
)
def test_an_airtable_table_named_after_the_service(sentence, table):
    assert step_of(sentence, "airtable.create_record").get("table") == table


def test_a_card_list_said_a_few_words_after_the_card():
    sentence = (
        "for each new salla order a card should be created in Trello under 'Packing' for the team"
    )
    assert step_of(sentence, "trello.create_card").get("list_name") == "Packing"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("لما الكرت يتنقل لقائمة جاهز للشحن بتريلو ابعتلي على التلغرام", "جاهز للشحن"),
        ("اذا الكارت راح لقائمة المنتهية عالتريلو بلغني عالسلاك", "المنتهية"),
    ],
)
def test_an_arabic_list_name_ends_at_the_service_after_it(sentence, name):
    assert step_of(sentence, "trello.card_moved").get("list_name") == name


@pytest.mark.parametrize(
    ("sentence", "calendar"),
    [
        (
            "كل ما يتضاف موعد جديد بالكالندر بتاع المكتب office@firm.com ابعتلي على التلغرام",
            "office@firm.com",
        ),
        (
            "when an event is created in the calendar of the clinic desk@clinic.com email me",
            "desk@clinic.com",
        ),
    ],
)
def test_a_calendar_said_with_whose_it_is_takes_its_address(sentence, calendar):
    assert step_of(sentence, "google_calendar.event_created").get("calendar_id") == calendar


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("لما يوصل ايميل عالجيميل من البنك حطله ليبل بنوك", ["بنوك"]),
        ("كل ايميل جديد في الجيميل حط عليه تصنيف مهم", ["مهم"]),
    ],
)
def test_a_gmail_label_named_by_an_arabic_word(sentence, label):
    assert step_of(sentence, "gmail.change_labels").get("add") == label


def test_a_label_word_before_a_preposition_names_no_label():
    params = step_of("لما يجي ايميل عالجيميل حطله ليبل على طول", "gmail.change_labels")
    assert not params.get("add")


# --- a message source and a reply said, not echoed -------------------------------------------


def test_a_message_to_a_facebook_page_comes_by_messenger():
    sentence = "when someone messages our facebook page add them to my leads sheet"
    assert step_of(sentence, "instagram_messenger.new_message").get("source") == "messenger"


def test_a_reply_said_as_that_clause_is_no_echo_of_the_message():
    sentence = "when a customer messages us on whatsapp reply that we are closed today"
    assert step_of(sentence, "whatsapp.send_text").get("text") in (None, "")


def test_forward_that_still_passes_the_message_on():
    sentence = "when someone writes on telegram forward that to my slack #inbox"
    assert step_of(sentence, "slack.post_message").get("text") == "{{ trigger.text }}"


# --- no echo of the message that came in, back to whoever wrote it --------------------------


@pytest.mark.parametrize(
    ("sentence", "node_type"),
    [
        (
            "when a customer messages us on whatsapp send him a list: Cut, Color, Beard",
            "whatsapp.send_list",
        ),
        (
            "when a client writes on whatsapp send them a payment link from moyasar",
            "whatsapp.send_text",
        ),
        ("لما حد يبعتلي على الواتس ابعتله رسالة ترحيب على الواتس", "whatsapp.send_text"),
    ],
)
def test_a_message_back_to_the_sender_does_not_echo_what_they_wrote(sentence, node_type):
    params = step_of(sentence, node_type)
    assert params.get("text") != "{{ trigger.text }}", params


@pytest.mark.parametrize(
    ("sentence", "node_type"),
    [
        (
            "when someone writes to my telegram bot reply with the same text",
            "telegram.send_message",
        ),
        ("when someone writes on whatsapp forward it to my telegram chat", "telegram.send_message"),
    ],
)
def test_the_same_words_asked_for_or_sent_elsewhere_still_pass_on(sentence, node_type):
    assert step_of(sentence, node_type).get("text") == "{{ trigger.text }}"


# --- a calendar window said in weeks ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("a week before every booking in my calendar email the client a reminder", 7),
        ("2 weeks before each event in google calendar post to slack #events", 14),
        ("قبل كل موعد في الكالندر بأسبوع ابعتلي ايميل", 7),
        ("قبل كل حدث في التقويم باسبوعين ابعت للعميل SMS", 14),
    ],
)
def test_a_window_before_an_event_said_in_weeks_counts_its_days(sentence, days):
    params = step_of(sentence, "google_calendar.event_starting_soon")
    assert (params.get("within"), params.get("unit")) == (days, "days")


def test_a_week_as_a_schedule_is_no_window_before_an_event():
    assert types("every week email me the new airtable leads")[0] == "schedule.every"


# --- an order said with a word events use too, right before an address ----------------------


@pytest.mark.parametrize(
    ("sentence", "node_type", "to"),
    [
        (
            "when a new row is added to my sheet email sales@firm.com",
            "email.send_email",
            "sales@firm.com",
        ),
        ("when an order is placed on zid email owner@shop.sa", "email.send_email", "owner@shop.sa"),
        (
            "when a stripe payment succeeds text +966501234567 with the amount",
            "twilio.send_sms",
            "+966501234567",
        ),
    ],
)
def test_email_or_text_before_an_address_is_a_step(sentence, node_type, to):
    assert step_of(sentence, node_type).get("to") == to


def test_a_service_said_before_a_number_is_where_it_goes_not_a_new_step():
    sentence = "when a new salla order comes send the order to the driver on whatsapp 0551234567"
    assert types(sentence) == ["salla.new_order", "whatsapp.send_template"]


# --- a #channel with no service named is Slack's ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        ('when a new order comes on zid post "new order!" to the #orders channel', "#orders"),
        ('every day at 9 send "good morning team" to #general', "#general"),
        ("when a new paymob payment comes in notify #finance", "#finance"),
    ],
)
def test_a_hash_channel_said_without_a_service_goes_to_slack(sentence, channel):
    assert step_of(sentence, "slack.post_message").get("channel") == channel


def test_a_channel_said_with_its_service_stays_there():
    assert "slack.post_message" not in types(
        "when a new zid order comes post it to telegram #orders"
    )


def test_email_the_customer_after_the_event_is_a_step():
    sentence = "when a new shopify order comes in email the customer a thank you"
    assert types(sentence) == ["shopify.new_order", "email.send_email"]


def test_an_id_of_the_step_before_is_no_text_to_send_on():
    sentence = "when a new shopify order comes in email me and post to slack #orders"
    text = step_of(sentence, "slack.post_message").get("text") or ""
    assert "_id" not in text
