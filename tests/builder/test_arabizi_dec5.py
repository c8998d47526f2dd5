"""Arabizi (Arabic in Latin letters with digits) read as a new user writes it: every sentence
here was made up for these tests. They check mechanisms rather than sentences: the adjective
after its noun ("order gdid"), an hour word that is no clock time ("3 sa3at 3al"), a day said
after "every day" ("kol yom a7ad"), a wait in every dialect ("isbir", "istana"), passive and
third-person verbs ("tetktb", "ygeli", "yet3emel"), "otherwise" ("w8er keda", "sinon"), a
reminder before an event ("2abel b sa3a"), and English words left English rather than sounded
out as Arabic ("accountant" is no Notion)."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.language import arabizi_to_english
from tests.builder.built import types


def params_of(sentence: str, node_type: str) -> dict:
    proposal = build(sentence)
    assert proposal.flow is not None, proposal.question
    (node,) = [n for n in proposal.flow.nodes if n.type == node_type]
    return node.params


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the adjective after its noun: "a lead new" is a new lead
        (
            "kol ma yeji contact gdid fi airtable sawi customer fi salla",
            ["airtable.new_record", "salla.create_customer"],
        ),
        # Egyptian "to me" glued on the verb of arriving
        (
            "lama ygeli order gedid 3ala woocommerce yeb3atli msg 3al telegram",
            ["woocommerce.order_created", "telegram.send_message"],
        ),
        # passive "gets written", "named"
        (
            "3ayez el orders el gdeda bta3et shopify tetktb fi excel esmo orders.xlsx",
            ["shopify.new_order", "excel.add_row"],
        ),
        # waits in the Gulf and the Levant, minutes spelt "da2ayi2"
        (
            "ba3d ma el 3ameel yedfa3 3ala stripe istana 5 da2ayi2 w ab3at lo email",
            ["stripe.payment_succeeded", "core.delay", "email.send_email"],
        ),
        (
            "lama yedfa3 el zboon 3an 6ari8 paymob isbir yomain w ab3at email",
            ["paymob.payment_succeeded", "core.delay", "email.send_email"],
        ),
        # "after every order", not "then every order"
        (
            "ab3at lel customer sms ba3d kol order 3ala salla",
            ["salla.new_order", "twilio.send_sms"],
        ),
        # "it gets added" said after the event is the step
        (
            "kil talab jdid fi zid yinsaf fil sheet",
            ["zid.new_order", "google_sheets.append_row"],
        ),
        (
            "mli ydkhel client jdid f zid ytzad f notion",
            ["zid.new_customer", "notion.create_page"],
        ),
        # an e-mail "by post" in the Gulf
        (
            "kil yoom sa3a 8 jeeb el 6lbat mn zid w arslha ebreed",
            ["schedule.every", "zid.list_orders", "email.send_email"],
        ),
        # "w8er keda": otherwise
        (
            "law el order 3ala shopify akbar men 1000 ab3at email lel manager w8er keda"
            " 7oto fel sheet",
            ["shopify.new_order", "core.condition", "email.send_email", "google_sheets.append_row"],
        ),
    ],
)
def test_arabizi_sentences_build_their_trigger_and_steps(sentence, expected):
    assert types(sentence) == expected


def test_a_reminder_before_an_event_is_said_before_it_starts():
    sentence = "kol ma fi event 3al calendar ab3atli reminder 2abel b 2 sa3at 3al telegram"
    assert types(sentence) == ["google_calendar.event_starting_soon", "telegram.send_message"]
    soon = params_of(sentence, "google_calendar.event_starting_soon")
    assert (soon.get("within"), soon.get("unit")) == (2, "hours")


@pytest.mark.parametrize(
    ("sentence", "cron"),
    [
        ("kol yom a7ad sa3a 10 el sob7 ab3atli el orders", "0 10 * * 0"),
        ("kil yoom el a7ad sa3a 9 jeeb el orders", "0 9 * * 0"),
        ("kol nhar 3la 11 dlil sift liya chhal mn commande", "0 23 * * *"),
    ],
)
def test_arabizi_schedules_keep_their_day_and_hour(sentence, cron):
    assert params_of(sentence, "schedule.every").get("cron") == cron


def test_hours_before_an_arabizi_word_with_a_digit_are_no_clock_time():
    # "sa3at 3al": hours, then "on the"; not "at 3"
    assert "3 hours" in arabizi_to_english("ab3atli 3 sa3at 3al whatsapp")


@pytest.mark.parametrize("word", ["accountant", "clinic", "result"])
def test_english_words_in_an_arabizi_sentence_stay_english(word):
    assert arabizi_to_english(f"ab3at email lel {word} 3ala gmail").split()[-3] == word


@pytest.mark.parametrize(
    ("arabizi", "english"),
    [
        ("yb3athom", "send"),  # يبعتهم: "th" is t + h here
        ("taqyeem", "review"),  # تقييم, not تقويم (calendar)
        ("esmo", "named"),
        ("5alli", "let"),
    ],
)
def test_arabizi_words_mean_what_they_say(arabizi, english):
    assert arabizi_to_english(f"lama 3ayez {arabizi}").split()[-1] == english


def test_how_long_before_an_event_said_in_the_middle_of_a_step_leaves_the_step_whole():
    sentence = "for every event on my calendar send me a reminder 2 hours before on telegram"
    assert types(sentence) == ["google_calendar.event_starting_soon", "telegram.send_message"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "every morning", the store said after its orders ("orders salla")
        (
            "telegram kol sob7 b orders salla",
            ["schedule.every", "salla.list_orders", "telegram.send_message"],
        ),
        # an English verb written bare, "et2a5ar" (late)
        ("law moyasar payment fail ab3atli sms", ["moyasar.payment_failed", "twilio.send_sms"]),
        (
            "lw card 3al trello et2a5ar ab3atli 3al slack",
            ["trello.card_overdue", "slack.post_message"],
        ),
        # Levantine "bas" (as soon as) and "someone new" left as it is
        ("bas yetsajal 7ada jdid 3a salla b3tlo sms", ["salla.new_customer", "twilio.send_sms"]),
        # "el X el gdeda": the new X
        (
            "3ayez el shopify orders el gdeda tetktb fi notion",
            ["shopify.new_order", "notion.create_page"],
        ),
        # "status-o": its status
        (
            "iza el order 3al woocommerce status-o sar completed ab3atli 3al slack",
            ["woocommerce.order_updated", "core.condition", "slack.post_message"],
        ),
        # someone writes on Instagram, the AI answers them there
        (
            "lama 7ada yb3atli 3al messenger 5alli chatgpt yrd 3leh",
            [
                "instagram_messenger.new_message",
                "openai.generate_text",
                "instagram_messenger.send_reply",
            ],
        ),
        # a verb of arriving is no fetching
        ("ab3atli telegram kol ma yegi order 3ala zid", ["zid.new_order", "telegram.send_message"]),
    ],
)
def test_more_arabizi_sentences_build_their_trigger_and_steps(sentence, expected):
    assert types(sentence) == expected


def test_someone_writing_on_instagram_in_arabizi_is_the_instagram_message_event():
    sentence = "lama 7ada yb3atli 3al insta 5alli chatgpt yrd 3leh"
    assert params_of(sentence, "instagram_messenger.new_message") == {"source": "instagram"}
