"""Trello (تريلو، ترلو) and Airtable (ايرتيبل، اير تيبل) by the names people give them, in
English, Arabic dialects and Arabizi, built into their own steps and never said to be missing."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.language import normalize
from flowin_engine.builder.limits import unsupported


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "When a Trello card is moved to Done, message me on Telegram",
            ["trello.card_moved", "telegram.send_message"],
        ),
        ("كل ما يوصل اوردر ضيفو على تريلو", ["shopify.new_order", "trello.create_card"]),
        ("بدي كل طلب جديد ينعمل كارد عالتريلو", ["shopify.new_order", "trello.create_card"]),
        (
            "create a trello card for each new row in my google sheet",
            ["google_sheets.new_row", "trello.create_card"],
        ),
        (
            "لما كارت في ترلو يتأخر ابعتلي على تيليجرام",
            ["trello.card_overdue", "telegram.send_message"],
        ),
        (
            "when a card is created in trello, post it to slack",
            ["trello.card_created", "slack.post_message"],
        ),
        (
            "when a record is added to airtable send me a telegram message",
            ["airtable.new_record", "telegram.send_message"],
        ),
        (
            "لما ينضاف صف جديد في ايرتيبل ابعتلي على تيليجرام",
            ["airtable.new_record", "telegram.send_message"],
        ),
        (
            "كل طلب جديد في شوبيفاي سجله في اير تيبل",
            ["shopify.new_order", "airtable.create_record"],
        ),
        ("kol order gdid sagelo fel airtable", ["shopify.new_order", "airtable.create_record"]),
        (
            "find the customer in airtable and update the record",
            ["core.manual_trigger", "airtable.find_records", "airtable.update_record"],
        ),
    ],
)
def test_a_sentence_naming_trello_or_airtable_builds_its_steps(sentence, expected):
    proposal = build(sentence)
    types = [node.type for node in proposal.flow.nodes]
    assert types[: len(expected)] == expected, types
    assert proposal.unsupported == []


def test_trello_and_airtable_are_no_longer_said_to_be_missing():
    for text in (
        "new card in trello",
        "بطاقة جديدة في تريلو",
        "كارت في ترلو",
        "تريللو",
        "new record in airtable",
        "سجل في اير تيبل",
        "ايرتيبل",
    ):
        assert [item.name for item in unsupported(normalize(text), "en")] == [], text
