"""Maghrebi, Egyptian, Levantine and Arabizi requests read by pattern: every sentence here was
made up for these tests. They check mechanisms rather than sentences: a button the user presses
("زرار اشغله", "button lama ados 3aleh") says how the flow starts and is no step of its own;
Moroccan "ايلا" (if); an amount compared with no record named ("لو اكتر من ١٠٠٠", "if over
300 dollars") or said with its pronoun ("ومبلغه فوق") is the event's amount; "just" opening
the false branch ("وإلا بس سجلو")."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from tests.builder.built import condition_rule, types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the verb that makes the button, the press and its pronoun: how the flow starts
        (
            "سويلي زرار نضغطه يجيب الطلبات الجديدة من سلة ويبعتها على الايميل",
            ["core.manual_trigger", "salla.list_orders", "email.send_email"],
        ),
        (
            "ديرلي زر نكبس عليه يجيب الطلبات من woocommerce و يحطهم ف الشيت",
            ["core.manual_trigger", "woocommerce.list_orders", "google_sheets.append_row"],
        ),
        (
            "a3mel button lama ados 3aleh yeb3at kol el orders men shopify 3al slack",
            ["core.manual_trigger", "shopify.list_orders", "slack.post_message"],
        ),
        (
            "make me a button that when I press it posts all open shopify orders to slack",
            ["core.manual_trigger", "shopify.list_orders", "slack.post_message"],
        ),
    ],
)
def test_a_button_the_user_presses_starts_the_flow_and_is_no_step(sentence, expected):
    assert types(sentence) == expected


def test_a_button_someone_else_presses_is_still_the_bots_event():
    assert types("when someone presses the Confirm button on telegram reply ok")[0] == (
        "telegram.button_pressed"
    )


@pytest.mark.parametrize(
    ("sentence", "expected", "value"),
    [
        # Moroccan ايلا: if
        (
            "ايلا الطلب ف shopify فوق ٣٠٠ درهم صيفطلي ميساج ف تيليغرام",
            ["shopify.new_order", "core.condition", "telegram.send_message"],
            300,
        ),
        # the amount with its pronoun, joined by "and"
        (
            "لو عميل دفع على سترايب ومبلغه اكتر من ٢٠٠ دولار ابعتلي ايميل",
            ["stripe.payment_succeeded", "core.condition", "email.send_email"],
            200,
        ),
        # an "if" with the amount alone, after the event
        (
            "for every new shopify order, if above 300 dollars post it on slack",
            ["shopify.new_order", "core.condition", "slack.post_message"],
            300,
        ),
        (
            "ملي تجي commande ف shopify ايلا كان فوق ٥٠٠ درهم صيفطلي ميساج ف تيليغرام",
            ["shopify.new_order", "core.condition", "telegram.send_message"],
            500,
        ),
    ],
)
def test_an_amount_compared_is_a_condition_on_the_events_total(sentence, expected, value):
    assert types(sentence) == expected
    rule = condition_rule(sentence)
    assert rule["operator"] == "greater_than"
    assert rule["right"] == value
    assert rule["left"].startswith("{{ trigger.")


def test_the_if_before_an_amount_is_not_read_as_an_event():
    sentence = "لما يجي اوردر على ووكومرس لو اكتر من ٥٠٠ جنيه ابعتلي على سلاك غير كده ابعتلي ايميل"
    assert types(sentence) == [
        "woocommerce.order_created",
        "core.condition",
        "slack.post_message",
        "email.send_email",
    ]


def test_just_opening_the_false_branch_is_no_event():
    sentence = "اذا الطلب عالووكومرس فوق ١٠٠ دولار ابعتلي عالتلغرام وإلا بس سجلو بالشيت"
    assert types(sentence) == [
        "woocommerce.order_created",
        "core.condition",
        "telegram.send_message",
        "google_sheets.append_row",
    ]


def test_a_length_of_time_after_if_is_no_amount():
    proposal = build("لما الكرت يتأخر في تريلو لو اكتر من ٣ ايام ابعتلي ايميل")
    assert proposal.flow is not None
    assert "core.condition" not in [n.type for n in proposal.flow.nodes]
    assert proposal.not_understood  # said, not dropped


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # French nouns in an Arabic sentence read as their Arabic words
        (
            "كل ما يتبدل statut متاع commande ف woocommerce صيفطلي ميساج ف تيليغرام",
            ["woocommerce.order_updated", "telegram.send_message"],
        ),
        (
            "كي يتحجز rendez-vous جديد في google calendar صيفطلي ميساج ف slack",
            ["google_calendar.event_created", "slack.post_message"],
        ),
        (
            "كل ما تتحرك carte ف trello زيد commentaire فيها",
            ["trello.card_moved", "trello.add_comment"],
        ),
        # Maghrebi's week without its ي: a weekly schedule, the report read then sent
        (
            "كل سمانة صيفطلي تقرير تاع les ventes من shopify ف gmail",
            ["schedule.every", "shopify.list_orders", "gmail.send_email"],
        ),
        # "و" spaced off its verb still starts the next step
        (
            "كل ساعة جيب البيانات من https://api.example.com/stock و حطها ف الشيت",
            ["schedule.every", "http.request", "google_sheets.append_row"],
        ),
        # a flow that "fell" (طاح) in an error, and which flow said after it
        (
            "ايلا workflow تاع الفواتير طاح ف erreur صيفطلي ايميل",
            ["core.on_failure", "email.send_email"],
        ),
        (
            "if the flow of the invoices fails with an error email me",
            ["core.on_failure", "email.send_email"],
        ),
        # a two-word name with its preposition glued on
        (
            "كل ما زبون دفع عالباي موب سجلو بالشيت",
            ["paymob.payment_succeeded", "google_sheets.append_row"],
        ),
    ],
)
def test_darija_words_and_spellings(sentence, expected):
    assert types(sentence) == expected


def test_a_weekly_schedule_in_darija_is_weekly():
    proposal = build("كل سمانة صيفطلي تقرير تاع les ventes من shopify ف gmail")
    assert proposal.flow is not None
    (schedule,) = [n for n in proposal.flow.nodes if n.type == "schedule.every"]
    assert schedule.params["cron"].endswith("* * 1")


def test_a_capitalised_french_word_is_a_name_kept_as_typed():
    # "Clients" names the table; "statut" alone is a column's name
    proposal = build("كل زبون جديد بستريب ضيفو عالإيرتيبل بجدول Clients")
    assert proposal.flow is not None
    (record,) = [n for n in proposal.flow.nodes if n.type == "airtable.create_record"]
    assert record.params["table"] == "Clients"
    proposal = build(
        "ملي نكليكي على run جيب الصفوف ديال الشيت اللي فيهم statut payé و صيفطهم ف ايميل"
    )
    assert proposal.flow is not None
    (rows,) = [n for n in proposal.flow.nodes if n.type == "google_sheets.read_rows"]
    assert rows.params.get("column") == "statut"


def test_a_spaced_and_before_a_noun_starts_no_step():
    # "الاسم و العنوان": what the message holds, no order to "address"
    assert types("ملي تجي commande ف shopify صيفطلي ميساج فيه الاسم و العنوان ف الواتساب") == [
        "shopify.new_order",
        "whatsapp.send_template",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "لما الزبون يبعت رسالة على الواتس رد عليه بشكرا على تواصلك",
        "كي الكليان يصيفط ميساج ف الواتساب صيفطلو شكرا",
        "اذا حدا بعتلنا عالواتس رد عليه انو رح نحكيه قريبا",
    ],
)
def test_a_customer_sending_on_whatsapp_is_a_message_coming_in(sentence):
    # not "when the customer reads the message" (a status of one we sent)
    assert types(sentence)[0] == "whatsapp.incoming_message"


def test_a_list_holding_choices_is_a_whatsapp_list():
    sentence = "كي الكليان يصيفط ميساج ف الواتساب صيفطلو ليستة فيها: الاسعار، العنوان، المواعيد"
    assert types(sentence) == ["whatsapp.incoming_message", "whatsapp.send_list"]
    proposal = build(sentence)
    assert proposal.flow is not None
    (step,) = [n for n in proposal.flow.nodes if n.type == "whatsapp.send_list"]
    assert step.params["rows"] == ["الاسعار", "العنوان", "المواعيد"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a Trello list, a list of records read: no WhatsApp list
        (
            "لما حد يملا الفورم اعمله كارت في تريلو في لستة عملاء",
            ["webhook.receive", "trello.create_card"],
        ),
        (
            "كل يوم الصبح ابعتلي ليستة الطلبات الجديدة من سلة على الواتس",
            ["schedule.every", "salla.list_orders", "whatsapp.send_template"],
        ),
    ],
)
def test_a_list_said_alone_is_no_whatsapp_list(sentence, expected):
    assert types(sentence) == expected


def test_a_passive_past_after_its_subject_is_the_event_not_an_order():
    # "حالته اتغيرت" (its status changed): what happened to the order, no order to change
    assert types("ابعتلي على تيليجرام كل طلب ووكومرس حالته اتغيرت") == [
        "woocommerce.order_updated",
        "telegram.send_message",
    ]
