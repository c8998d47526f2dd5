"""The event said as a noun phrase, with no verb and no "when", before the steps it starts:
"عميل جديد على سترايب = رسالة ترحيب", "طلب جديد في سلة، ابعت…", "incoming sms from a client ->
post it to slack". It is the flow's trigger, not a manual run of a step of its service; what
is gathered ("ملخص طلبات سلة") or ordered ("Get order 7 from Shopify") stays a step.

Every sentence here was written for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from tests.builder.built import types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an Arabic "=" between the event and its step
        (
            "عميل جديد على سترايب = رسالة ترحيب على السلاك",
            ["stripe.new_customer", "slack.post_message"],
        ),
        # the event, a comma, then the order
        (
            "طلب جديد في سلة، ابعت للعميل رسالة تيليجرام",
            ["salla.new_order", "telegram.send_message"],
        ),
        (
            "طلب جديد على زد، غير حالته الى تم الشحن",
            ["zid.new_order", "zid.update_order_status"],
        ),
        # English: the event said with its own verb, the step after an arrow
        (
            "incoming sms from a client -> post it to slack",
            ["twilio.incoming_sms", "slack.post_message"],
        ),
    ],
)
def test_an_event_said_as_a_noun_phrase_starts_the_flow(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "first_step"),
    [
        # a summary of what there is is read, by hand, never waited for
        ("ملخص طلبات سلة، ابعته عالواتس", "salla.list_orders"),
        # an English order before the arrow is an order, though it names an order
        ("Get order 7 from Shopify -> email it to me", "shopify.get_order"),
    ],
)
def test_what_is_gathered_or_ordered_before_the_steps_is_no_event(
    sentence: str, first_step: str
) -> None:
    flow = types(sentence)
    assert flow[:2] == ["core.manual_trigger", first_step]
