"""Which event starts the flow when it is not said with a "when": the people it concerns ("to
anyone who messages us on WhatsApp"), an order that passes each thing on ("forward emails …"),
a heading that names the services ("paymob + sheets: …"), an event said as two things that
happen ("a card closed and put in Delivered"), Maghrebi "كيف" for "when". The sentences were
made up for these tests, each a pattern, with negatives where a rule could over-fire."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from tests.builder.built import types

PEOPLE_WHO_WRITE = [
    (
        "send a short welcome message to anyone who messages us on WhatsApp",
        "whatsapp.incoming_message",
        "whatsapp.send_text",
    ),
    (
        "reply with the opening hours to everyone who writes to our telegram bot",
        "telegram.new_message",
        "telegram.send_message",
    ),
    (
        "ابعت رسالة ترحيب لأي حد يكلمنا على الواتس",
        "whatsapp.incoming_message",
        "whatsapp.send_text",
    ),
    # Levantine "بيحكي معنا" (talks with us), the service said only in the order
    (
        "بعتلي رد تلقائي بالواتس لكل حدا بيحكي معنا",
        "whatsapp.incoming_message",
        "whatsapp.send_text",
    ),
    # MSA "يتواصل معنا" (contacts us)
    (
        "أرسل رسالة شكر على تيليجرام لكل شخص يتواصل معنا",
        "telegram.new_message",
        "telegram.send_message",
    ),
]


@pytest.mark.parametrize(("sentence", "event", "action"), PEOPLE_WHO_WRITE)
def test_the_people_who_write_to_us_are_the_incoming_message(sentence, event, action):
    assert types(sentence) == [event, action]


def test_a_passive_send_for_the_people_who_write_sends_the_step_before():
    # "…تنبعت لكل حدا بيحكي معنا": the list before is what is sent to them, no second message
    assert types("بدي قائمة اختيارات بالواتس (حجز، أسعار) تنبعت لكل حدا بيحكي معنا") == [
        "whatsapp.incoming_message",
        "whatsapp.send_list",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # who receives it, no event: "لكل واحد في الفريق", "to everyone in the team"
        "ابعت التقرير لكل واحد في الفريق على سلاك",
        "send the report to everyone in the team on slack",
    ],
)
def test_the_people_who_receive_a_message_are_no_event(sentence):
    assert types(sentence)[0] == "core.manual_trigger"


PASSED_ON = [
    ("forward emails with 'invoice' in the subject to my telegram", "gmail.new_email"),
    ("forward all my outlook emails to slack #inbox", "outlook.new_mail"),
    ("sync woocommerce order updates to my Orders sheet", "woocommerce.order_updated"),
    ("mirror my stripe payments into airtable", "stripe.payment_succeeded"),
]


@pytest.mark.parametrize(("sentence", "event"), PASSED_ON)
def test_an_order_that_passes_each_thing_on_has_it_as_the_event(sentence, event):
    assert types(sentence)[0] == event


def test_forwarding_the_one_in_hand_is_no_event():
    assert types("forward this email to sara@shop.com")[0] == "core.manual_trigger"


HEADINGS = [
    ("paymob + airtable: every successful payment goes to the Payments table", "paymob"),
    ("tap + sheets: log every payment in sheet Income", "tap"),
]


@pytest.mark.parametrize(("sentence", "service"), HEADINGS)
def test_a_heading_naming_the_services_says_whose_event_it_is(sentence, service):
    proposal = build(sentence)
    assert proposal.flow is not None
    assert proposal.flow.nodes[0].type.split(".")[0] == service
    assert service not in " ".join(proposal.not_understood)


EVENT_IN_TWO_VERBS = [
    # Levantine: closed, and put in a list (بـ for "in")
    ("لما يتقفل كارت بالتريلو وينحط بـ Shipped ابعتلي واتساب", "Shipped"),
    # Egyptian: finished, and moved to a list
    ("لما كارت تريلو يخلص ويتنقل لـ Archive ابعتلي ايميل", "Archive"),
    # Arabizi: "w yt7rk l Done"
    ("lama el card y5ls f trello w yt7rk l Review ab3atli 3al telegram", "Review"),
]


@pytest.mark.parametrize(("sentence", "list_name"), EVENT_IN_TWO_VERBS)
def test_an_event_said_as_two_things_that_happen_is_one_event(sentence, list_name):
    proposal = build(sentence)
    assert proposal.flow is not None
    trigger = proposal.flow.nodes[0]
    assert trigger.type == "trello.card_moved"
    assert trigger.params.get("list_name") == list_name
    assert len(proposal.flow.nodes) == 2


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the second verb names another service: a step of its own
        (
            "لما يجي اوردر جديد على زد ويتسجل في الشيت",
            ["zid.new_order", "google_sheets.append_row"],
        ),
        # an order made, then a state: what to make of it, not another event
        (
            "new woo order processing -> completed after 3 days",
            ["woocommerce.order_created", "core.delay", "woocommerce.update_order_status"],
        ),
    ],
)
def test_a_second_verb_that_is_a_step_stays_a_step(sentence, expected):
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("كيف تجي كوموند جديدة ف شوبيفاي صيفطلي ميساج ف الواتساب", "shopify.new_order"),
        ("كيف يوصل ايميل من الكليان على جيميل حطو ف الشيت", "gmail.new_email"),
    ],
)
def test_maghrebi_kif_before_a_verb_is_when(sentence, event):
    assert types(sentence)[0] == event


def test_kif_before_a_first_person_verb_is_how():
    # "كيف نعمل…" (how do we make…): a question's "how", no event
    assert types("كيف نعمل فلو يبعتلي ايميل كل يوم")[0] == "schedule.every"


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # the invoice said: Stripe's invoice event, not any payment ("paid" is "pays")
        (
            "when a customer pays an invoice on stripe post it in slack #billing",
            "stripe.invoice_paid",
        ),
        ("when somebody pays on stripe post it in slack #billing", "stripe.payment_succeeded"),
        # the customer who does the event tells no event apart: a new customer still is one
        ("كل ما يسجل زبون جديد عالووكومرس ابعتلي ايميل", "woocommerce.new_customer"),
    ],
)
def test_the_words_said_choose_between_a_services_events(sentence, event):
    assert types(sentence)[0] == event


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("make a Xero invoice for every Shopify order", "shopify.new_order"),
        ("اعمل فاتورة في كويك بوكس لكل دفعة سترايب", "stripe.payment_succeeded"),
    ],
)
def test_the_event_of_a_step_flowin_lacks_is_what_follows_each(sentence, event):
    proposal = build(sentence)
    assert proposal.flow is not None
    assert proposal.flow.nodes[0].type == event
    assert proposal.unsupported  # the step it lacks is said, never swapped


def test_a_message_said_before_its_when_is_what_is_sent():
    # "a thank-you WhatsApp to the customer whenever he pays on Tap", in Gulf word order
    assert types("رسالة شكر واتس للعميل كل ما يدفع في تاب") == [
        "tap.charge_captured",
        "whatsapp.send_template",
    ]


def test_a_bot_named_before_its_when_still_says_whose_event_it_is():
    assert types("telegram bot: when someone writes hello answer with our menu")[0] == (
        "telegram.new_message"
    )


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # Gulf/MSA "احد" (someone) writing to the bot asked for
        ("ابغي بوت تيليجرام اذا احد كتب له مرحبا يرد عليه بالمواعيد", "telegram.new_message"),
        # someone sending or writing on the service: its incoming message
        (
            "if someone sends the word price on whatsapp reply with the price list",
            "whatsapp.incoming_message",
        ),
        (
            "when a client writes 'hours' to our telegram reply with the opening hours",
            "telegram.new_message",
        ),
    ],
)
def test_someone_sending_or_writing_there_is_the_incoming_message(sentence, event):
    assert types(sentence)[0] == event


def test_i_sending_there_is_no_incoming_message():
    # the user's own sending is no message coming in
    assert types("when i send a whatsapp to a customer add a row to my sheet")[0] != (
        "whatsapp.incoming_message"
    )


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # the words tell an order made far better than an order updated: they are kept over
        # the learned matcher's guess
        ("when an order comes from woocommerce send me a whatsapp", "woocommerce.order_created"),
        ("when an order comes through woocommerce email me", "woocommerce.order_created"),
        # words that tell two events about as well leave the guess to the learned matcher
        (
            "new trello card in the Backlog list -> sms me on +971 50 222 3344",
            "trello.card_created",
        ),
    ],
)
def test_the_words_said_outweigh_a_guess_that_they_tell_far_less(sentence, event):
    assert types(sentence)[0] == event


def test_the_customer_with_its_article_tells_no_event_apart():
    # "العميل" (the customer) does the event, as "عميل" does: no word against a message
    assert types("لو العميل ارسل صورة على التليجرام رد عليه شكرا")[0] == "telegram.new_message"
