"""Parameters a shop owner gives in passing, in both languages: a mobile number written with its
country code but no "+", a value said with a preposition glued on ("فالانستغرام"), the kind of
file a message carries ("the catalogue PDF", "صورة المنتج"). What the sentence says reaches the
step; what it does not say stays for the user to fill, never a default dressed as theirs.

Every sentence here was written for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.entities import extract


def param_of(sentence: str, node_type: str, key: str):
    """The value ``key`` has in the step of ``node_type`` built from ``sentence``."""
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    nodes = [n for n in proposal.flow.nodes if n.type == node_type]
    assert nodes, [n.type for n in proposal.flow.nodes]
    return nodes[0].params.get(key)


def phones_of(sentence: str) -> list[str]:
    return [e.value for e in extract(sentence).entities if e.kind == "phone"]


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        (
            "when a new salla order comes in text my manager on whatsapp 966512345678",
            "+966512345678",
        ),
        ("لما يجي طلب جديد في زد ابعت واتساب للمندوب على 971561234567", "+971561234567"),
        ("كل ما يجي اوردر على شوبيفاي ابعت رسالة للمخزن على 201112223334", "+201112223334"),
        ("ملي تجي كوموند جديدة صيفط ميساج ل 212698765432", "+212698765432"),
        ("send an sms to 96599887766 when a payment fails on tap", "+96599887766"),
    ],
)
def test_a_mobile_number_written_with_its_country_code_and_no_plus_is_the_phone(sentence, number):
    assert phones_of(sentence) == [number]


@pytest.mark.parametrize(
    "sentence",
    [
        "when order 966512345 is paid send me an email",  # too short for a Saudi mobile
        "create an invoice for 20231215001 on stripe",  # an Egyptian code, a landline's length
        "add 123456789012 to the sheet",  # no country code at all
    ],
)
def test_a_long_number_that_is_no_mobile_of_any_country_is_not_taken_for_a_phone(sentence):
    assert phones_of(sentence) == []


def test_the_number_reaches_the_message_the_sentence_sends_to_it():
    to = param_of(
        "when a new woocommerce order comes in send a whatsapp to 966501112233",
        "whatsapp.send_template",
        "to",
    )
    assert to == "+966501112233"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ('ملي يوصلني ميساج فالانستغرام جاوبو ب "شكرا، غادي نجاوبوك"', "instagram"),
        ('لما توصل رسالة عالماسنجر رد عليها "اهلا بيك"', "messenger"),
        ('اذا وصلتني رسالة والانستقرام رد ب "هلا"', "instagram"),
    ],
)
def test_a_value_with_a_preposition_glued_on_is_still_that_value(sentence, source):
    assert param_of(sentence, "instagram_messenger.new_message", "source") == source


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("when someone writes prices on whatsapp send them our catalogue PDF", "document"),
        ("لما حد يكتب كلمة منيو عالواتس ابعتله المنيو PDF", "document"),
        ("when a customer messages us on whatsapp send them a photo of the menu", "image"),
        ("لما حد يبعت رسالة عالواتساب ابعتله صورة المنيو", "image"),
        ("when someone messages us on whatsapp send them our video of the shop", "video"),
    ],
)
def test_the_kind_of_file_said_is_the_media_kind(sentence, kind):
    assert param_of(sentence, "whatsapp.send_media", "kind") == kind


def test_a_media_message_that_names_two_kinds_leaves_the_kind_to_the_user():
    sentence = "when someone messages us on whatsapp send them the menu as a photo or a PDF"
    assert param_of(sentence, "whatsapp.send_media", "kind") is None
