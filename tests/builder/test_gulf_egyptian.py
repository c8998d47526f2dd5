"""Gulf and Egyptian words the builder missed: the passive forms of "make" ("يتعمله",
"يتسوى"), "make it reach him" said for sending ("يوصله تذكير"),
the loanword "ليبل" (a label), Egyptian "يكلمنا" (someone contacts us) and Gulf "علّمني"
(tell me), "قروب" (a group), "مراجعين" (a clinic's visitors). Each sentence was
made up for these tests; each checks a word with its dialect family, not a sentence."""

from __future__ import annotations

import pytest

from flowin_engine.builder.language import canonical, normalize
from tests.builder.built import types


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        # made (a card, a record): Egyptian يتعمل, Gulf يتسوى
        ("يتعمله", "انشي"),
        ("اتعملت", "انشي"),
        ("يتسوى", "انشي"),
        ("ينسوى", "انشي"),
        # "make it reach him/her/them": sending, not something arriving
        ("يوصله", "ارسل"),
        ("توصلها", "ارسل"),
        ("يوصلهم", "ارسل"),
        # tell me, a group, clinic visitors: Gulf words
        ("علمني", "نبه"),
        ("قروب", "جروب"),
        ("بالقروب", "جروب"),
        ("المراجعين", "عميل"),
        # a label (Gmail's): the loanword
        ("ليبل", "تصنيف"),
        ("لابل", "تصنيف"),
        # someone contacts us (Egyptian كلّم)
        ("يكلمنا", "يراسلنا"),
        ("بيكلمني", "يراسلنا"),
    ],
)
def test_dialect_word_reads_as_the_manifests_word(word: str, meaning: str) -> None:
    assert canonical(normalize(word)) == meaning


def test_arriving_to_me_is_still_an_event_and_marking_a_row_is_not_telling() -> None:
    assert canonical(normalize("يوصلني")) == "يصلني"
    assert canonical(normalize("وصلت")) == "يصلني"
    assert canonical(normalize("علّم")) != "نبه"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Egyptian: a card made in Trello for each new row
        (
            "كل صف جديد في الشيت يتعمله كارت على تريلو",
            ["google_sheets.new_row", "trello.create_card"],
        ),
        # Gulf: a card made for each new Zid customer
        (
            "كل عميل جديد في زد يتسوى له كرت في ترلو",
            ["zid.new_customer", "trello.create_card"],
        ),
        # Gulf: "it reaches him" as a Telegram message after a new order
        (
            "ابي كل طلب جديد في زد يوصله تيليجرام للمدير",
            ["zid.new_order", "telegram.send_message"],
        ),
    ],
)
def test_gulf_and_egyptian_sentences_build_their_flow(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected
