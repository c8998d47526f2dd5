"""Gulf, Levantine and Arabizi phrasing the builder missed, each a pattern rather than a
sentence: a message said back to whoever pressed a Telegram button ("رد عليه 'تم'", "rod 3leh
b 'ok'", "reply 'done'") is the button's own answer, while a photo sent back stays a photo and
a message to someone else stays theirs. One bare word written on a service ("العميل كتب
كتالوج في الواتس", "حدا بعت مرحبا عالواتس") or said after "the word" ("sends the word menu",
Arabizi "kelmet menu") is what the message is checked for; a message, a photo or a place said
there is not. Each sentence was made up for these tests."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from tests.builder.built import types


def _params(sentence: str, node_type: str) -> dict:
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    return next(node.params for node in proposal.flow.nodes if node.type == node_type)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("لما حدا يكبس زر الحجز عالتلغرام رد عليه 'وصلنا'", "وصلنا"),
        ("اذا احد ضغط زر الدفع في بوت التليقرام رد عليه 'ابشر'", "ابشر"),
        ("lw 7d dghat 3la button Pay fl telegram rod 3leh b 'ok'", "ok"),
        ("when someone taps the book button in my telegram bot reply 'noted'", "noted"),
        # the bot said first is where the answer goes, no message of its own
        ("ابي بوت تيليقرام اذا احد ضغط زر الحجز يرد عليه 'تم'", "تم"),
    ],
)
def test_a_reply_to_a_pressed_button_is_its_answer(sentence: str, text: str) -> None:
    assert types(sentence) == ["telegram.button_pressed", "telegram.answer_button"]
    assert _params(sentence, "telegram.answer_button")["text"] == text


def test_a_photo_sent_back_to_a_pressed_button_stays_a_photo() -> None:
    sentence = "when someone presses a button in telegram reply with a photo of the menu"
    assert types(sentence) == ["telegram.button_pressed", "telegram.send_photo"]


def test_a_reply_to_a_telegram_message_stays_a_message() -> None:
    sentence = "لما توصلني رسالة عالتلغرام رد عليها 'اهلين'"
    assert types(sentence) == ["telegram.new_message", "telegram.send_message"]


def test_a_message_to_someone_else_after_a_pressed_button_is_theirs() -> None:
    sentence = "when someone presses a button in my telegram bot post to #sales on slack"
    assert types(sentence) == ["telegram.button_pressed", "slack.post_message"]


@pytest.mark.parametrize(
    ("sentence", "word", "answer"),
    [
        ("لو الزبون كتب اسعار في الواتس رد عليه 'من ٥٠ ريال'", "اسعار", "whatsapp.send_text"),
        ("اذا حدا بعت حجز عالواتس رد عليه 'اهلين'", "حجز", "whatsapp.send_text"),
        ("اذا احد كتب عروض في التليقرام رد عليه 'ابشر'", "عروض", "telegram.send_message"),
        ("lw 7ad ba3at kelmet offers 3al whatsapp rod 3leh b 'ok'", "offers", "whatsapp.send_text"),
        ("if someone sends the word hours on whatsapp reply 'we open at 9'", "hours", None),
    ],
)
def test_a_bare_word_written_on_a_service_is_what_the_message_is_checked_for(
    sentence: str, word: str, answer: str | None
) -> None:
    built = types(sentence)
    assert built[:2][1] == "core.condition"
    assert built[0].endswith(("incoming_message", "new_message"))
    if answer:
        assert built[-1] == answer
    rule = _params(sentence, "core.condition")["conditions"][0]
    assert (rule["operator"], rule["right"]) == ("contains", word)


@pytest.mark.parametrize(
    "sentence",
    [
        "اذا حدا بعت رسالة عالواتس سجلها بالشيت",  # a message, not a word
        "لو الزبون كتب لنا في الواتس رد عليه 'اهلا'",  # to us
        "لما حد يكتب في السلاك ابعتلي على التليجرام",  # where, not what
        "لو حد بعت صورة على الواتس ابعتلي ياها عالتلغرام",  # a photo sent
        "كي الحريف يصيفط ميساج فالواتساب زيدو فالشيت",  # Maghrebi: a message
    ],
)
def test_a_message_or_a_place_after_the_verb_is_no_word_to_check(sentence: str) -> None:
    assert "core.condition" not in types(sentence)


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("كل طلب سلة سجله في الشيت", "salla.new_order"),
        ("كل طلب زد ابعتلي فيه ايميل", "zid.new_order"),
        ("كل اوردر ووكومرس ضيفه عالشيت", "woocommerce.order_created"),
    ],
)
def test_a_store_named_right_after_each_order_is_whose_event_it_is(
    sentence: str, event: str
) -> None:
    assert types(sentence)[0] == event


def test_a_named_store_after_each_order_stays_that_store() -> None:
    assert types("كل طلب شوبيفاي ضيفه عالشيت")[0] == "shopify.new_order"
