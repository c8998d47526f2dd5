"""A greeting, a thank-you, a "please" or a word about the business is no step the builder
missed: the flow is built and nothing is listed as not understood. A step it could not make is
still listed, however politely it is asked for.

Every sentence here was written for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build

# (sentence, the flow's node types): the pleasantry around an order the builder understands
POLITE_REQUESTS = [
    (
        "Hi, when a Shopify order comes in send me a WhatsApp message",
        ["shopify.new_order", "whatsapp.send_template"],
    ),
    (
        "hello guys! when someone pays on Stripe add a row to my Google sheet. Thank you!",
        ["stripe.payment_succeeded", "google_sheets.append_row"],
    ),
    (
        "Hello everyone. when a new order comes in shopify email me. thanks a lot",
        ["shopify.new_order", "email.send_email"],
    ),
    (
        "I run a small dental clinic. Please send me a reminder SMS every day at 9am",
        ["schedule.every", "twilio.send_sms"],
    ),
    (
        "we are a bakery in Jeddah, when a new order comes on Salla notify me on telegram",
        ["salla.new_order", "telegram.send_message"],
    ),
    ("ok so when a new order comes in shopify email me", ["shopify.new_order", "email.send_email"]),
    (
        "السلام عليكم، لما يجي طلب جديد في سلة ابعتلي رسالة على تيليجرام",
        ["salla.new_order", "telegram.send_message"],
    ),
    (
        "مرحبا، لو سمحت لما حد يدفع في سترايب ضيف صف في الشيت. شكرا",
        ["stripe.payment_succeeded", "google_sheets.append_row"],
    ),
    (
        "انا عندي محل ملابس، لما يجي طلب في شوبيفاي ابعتلي رسالة على تيليجرام",
        ["shopify.new_order", "telegram.send_message"],
    ),
    (
        "هلا والله، احنا مطعم صغير في الرياض. اذا جاء طلب في سلة ارسل لي ايميل. مشكور",
        ["salla.new_order", "email.send_email"],
    ),
    (
        "ana 3ndi ma7al hdoom, lama yiji order 3la shopify ib3atli telegram",
        ["shopify.new_order", "telegram.send_message"],
    ),
    (
        "salam, law sama7t lama yiji order f shopify ib3atli telegram. shukran",
        ["shopify.new_order", "telegram.send_message"],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), POLITE_REQUESTS)
def test_pleasantries_around_an_understood_order_are_not_listed_as_not_understood(
    sentence: str, expected: list[str]
) -> None:
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    assert [node.type for node in proposal.flow.nodes] == expected
    assert proposal.not_understood == []


# (sentence, what must still be listed): an order no step makes, said politely or not
STEPS_STILL_MISSED = [
    (
        "Hi! when a Shopify order comes in send me a WhatsApp message and water the plants",
        "water the plants",
    ),
    (
        "I run a flower shop. when a new order comes in shopify email me and water the plants. Thanks!",
        "water the plants",
    ),
    (
        "السلام عليكم، لما يجي طلب جديد في سلة ابعتلي واتساب وبعدين كلم المندوب. شكرا",
        "كلم المندوب",
    ),
    (
        "مرحبا، لما يجي طلب في شوبيفاي ابعتلي ايميل وبعدين اسقي الزرع",
        "اسقي الزرع",
    ),
]


@pytest.mark.parametrize(("sentence", "missed"), STEPS_STILL_MISSED)
def test_an_order_no_step_makes_is_still_listed_among_pleasantries(
    sentence: str, missed: str
) -> None:
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    assert any(missed in said for said in proposal.not_understood), proposal.not_understood
    assert len(proposal.not_understood) == 1, proposal.not_understood


@pytest.mark.parametrize(
    "sentence",
    [
        "hello, we have Zoho Books. when a new order comes in shopify email me",
        "السلام عليكم، عندي Zoho Books، لما يجي طلب في شوبيفاي ابعتلي ايميل",
    ],
)
def test_a_word_about_the_business_that_names_a_service_is_still_listed(sentence: str) -> None:
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    assert any("Zoho Books" in said for said in proposal.not_understood), proposal.not_understood


@pytest.mark.parametrize("sentence", ["Hi", "thank you!", "مرحبا", "شكرا جزيلا", "salam"])
def test_a_pleasantry_alone_is_no_flow_and_gets_a_question(sentence: str) -> None:
    proposal = build(sentence)
    assert proposal.flow is None
    assert proposal.question
