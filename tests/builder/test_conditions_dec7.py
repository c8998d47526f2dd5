"""Conditions said the ways the development sets say them: amounts in Arabic number words
("ألفي جنيه", "خمسمية", "ميتين ريال", "ألف وخمسمية"), a record's amount said with a possessive
("a new order's total"), the time of day ("after 10pm", "بعد الساعة ١٠ بالليل") and the choices
a message offers after a colon.

The sentences were written for these tests or follow the patterns of the development sets; none
comes from a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.amounts import amount_words_as_digits

from .built import types


def _condition_rule(sentence: str) -> dict:
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    (condition,) = [n for n in proposal.flow.nodes if n.type == "core.condition"]
    (rule,) = condition.params["conditions"]
    return rule


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("فوق الفي جنيه", "فوق 2000 جنيه"),
        ("اكتر من خمسميه", "اكتر من 500"),
        ("ميتين ريال", "200 ريال"),
        ("الف وخمسميه جنيه", "1500 جنيه"),
        ("الف و خمسميه جنيه", "1500 جنيه"),
        ("تلات تلاف درهم", "3000 درهم"),
        ("ثلاثه الاف ريال", "3000 ريال"),
        ("عشره الاف ريال", "10000 ريال"),
        ("الف ونص جنيه", "1500 جنيه"),
        ("ميه وخمسين دولار", "150 دولار"),
        ("خمس ميه دينار", "500 دينار"),
        ("5 الاف جنيه", "5000 جنيه"),
        ("مليون درهم", "1000000 درهم"),
        # no amount: water ("ميه") and a thousand thanks stay words
        ("اشرب ميه", "اشرب ميه"),
        ("الف شكر", "الف شكر"),
    ],
)
def test_arabic_amounts_in_words_are_read_as_digits(said, read):
    assert amount_words_as_digits(said) == read


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        (
            "إذا تجاوزت قيمة الطلب في WooCommerce ألفي جنيه فأرسل رسالة SMS إلى المدير، "
            "وإلا فأضف الطلب إلى Notion",
            2000,
        ),
        ("لو الاوردر في شوبيفاي اكتر من خمسمية جنيه ابعتلي على تيليجرام", 500),
        ("اذا الطلب في سلة فوق ميتين ريال ارسل لي واتس", 200),
        ("لو الدفعة على سترايب فوق ألف وخمسمية دولار ابعتلي ايميل", 1500),
        ("ازا الطلب بسلة فوق تلات تلاف ريال خبرني عالتلغرام", 3000),
    ],
)
def test_a_threshold_in_arabic_words_is_the_condition_value(sentence, value):
    rule = _condition_rule(sentence)
    assert rule["operator"] == "greater_than"
    assert rule["right"] == value
    assert rule["left"]


def test_a_records_amount_said_with_a_possessive_is_the_condition():
    sentence = (
        "If a new Shopify order's total is above 500 USD, send the details to my Gmail, "
        "otherwise just WhatsApp me."
    )
    assert types(sentence)[:3] == ["shopify.new_order", "core.condition", "gmail.send_email"]
    assert _condition_rule(sentence)["right"] == 500


@pytest.mark.parametrize(
    "sentence",
    [
        "law el payment 3ala paymob akbar men 2000 geneh ab3at email lel accountant "
        "3ala acc@koshk.com w8er keda ab3atli whatsapp",
        "mli tji commande f shopify ila kan total fou9 500 dh sift liya whatsapp sinon "
        "zidha ghir f notion",
        "ايلا كانت الكوموند ف woocommerce فوق ١٠٠٠ درهم صيفطها ليا ف تيليغرام sinon غير سجلها ف excel",
        "iza el order 3ala salla aktar men 500 riyal b3atli telegram, w iza la2 7otto bl sheet",
    ],
)
def test_otherwise_in_arabizi_and_french_is_the_false_branch(sentence):
    proposal = build(sentence)
    assert proposal.flow is not None
    flow = proposal.flow
    (condition,) = [n for n in flow.nodes if n.type == "core.condition"]
    ports = {edge.source_port for edge in flow.edges if edge.source == condition.id}
    assert ports == {"true", "false"}
    assert isinstance(_condition_rule(sentence)["right"], int)
