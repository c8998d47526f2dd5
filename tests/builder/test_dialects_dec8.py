"""Maghrebi, Egyptian, Levantine and Arabizi requests read by pattern: every sentence here was
made up for these tests. They check mechanisms rather than sentences: a button the user presses
("زرار اشغله", "button lama ados 3aleh") says how the flow starts and is no step of its own;
Moroccan "ايلا" (if); an amount compared with no record named ("لو اكتر من ١٠٠٠", "if over
300 dollars") or said with its pronoun ("ومبلغه فوق") is the event's amount; "just" opening
the false branch ("وإلا بس سجلو")."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from tests.builder.built import types


def _condition_rule(sentence: str) -> dict:
    proposal = build(sentence)
    assert proposal.flow is not None, proposal.question
    (node,) = [n for n in proposal.flow.nodes if n.type == "core.condition"]
    (rule,) = node.params["conditions"]
    return rule


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
    rule = _condition_rule(sentence)
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
