"""A step that acts on what started the flow (answers that e-mail, comments on that card,
changes that order) is given the trigger's own id, as its field's description names it; the
user is asked for an id only when the trigger does not carry the thing's."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.proposal import Proposal
from flowin_engine.model import Node
from flowin_engine.validation import validate_flow


def _step(proposal: Proposal, node_type: str) -> Node:
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    return next(node for node in proposal.flow.nodes if node.type == node_type)


def _asked(proposal: Proposal, node: Node) -> set[str]:
    return {missing.field for missing in proposal.missing if missing.node == node.name}


def _problems_of(proposal: Proposal, node: Node, field: str) -> list[str]:
    assert proposal.flow is not None
    return [
        problem.message
        for problem in validate_flow(proposal.flow)
        if problem.node == node.name and problem.field == field
    ]


@pytest.mark.parametrize(
    ("sentence", "node_type", "field", "expression"),
    [
        (
            "when a new email arrives in gmail reply to it with 'thanks, we got it'",
            "gmail.reply_email",
            "message_id",
            "{{ trigger.id }}",
        ),
        (
            "لما يوصلني ايميل جديد على جيميل رد عليه ب 'وصلنا طلبك'",
            "gmail.reply_email",
            "message_id",
            "{{ trigger.id }}",
        ),
        (
            "when a new email arrives in gmail mark it as read",
            "gmail.change_labels",
            "message_id",
            "{{ trigger.id }}",
        ),
        (
            "when someone presses a button in telegram answer it with 'done'",
            "telegram.answer_button",
            "callback_query_id",
            "{{ trigger.callback_query_id }}",
        ),
        (
            "when a trello card is moved, add a comment 'seen'",
            "trello.add_comment",
            "card",
            "{{ trigger.card_id }}",
        ),
        (
            "لما كارت يتنقل في تريلو ضيف تعليق 'تمام'",
            "trello.add_comment",
            "card",
            "{{ trigger.card_id }}",
        ),
        (
            "when a new woocommerce order comes in, change its status to processing",
            "woocommerce.update_order_status",
            "order_id",
            "{{ trigger.id }}",
        ),
        (
            "when a new salla order arrives update the order status to preparing",
            "salla.update_order_status",
            "order_id",
            "{{ trigger.id }}",
        ),
        (
            "when a new zid order comes in, get the order details from zid and send them to "
            "telegram",
            "zid.get_order",
            "order_id",
            "{{ trigger.id }}",
        ),
    ],
)
def test_a_step_on_what_started_the_flow_gets_the_trigger_id(
    sentence: str, node_type: str, field: str, expression: str
) -> None:
    proposal = build(sentence)
    step = _step(proposal, node_type)
    assert step.params.get(field) == expression
    assert field not in _asked(proposal, step)
    assert _problems_of(proposal, step, field) == []


def test_a_reply_to_a_new_email_is_a_flow_that_validates_whole() -> None:
    proposal = build("when a new email arrives in gmail reply to it with 'thanks, we got it'")
    assert proposal.flow is not None
    assert proposal.missing == []
    assert validate_flow(proposal.flow) == []


def test_an_order_step_after_a_new_customer_still_asks_which_order() -> None:
    # A new Salla customer's id is the customer's, not an order's: no order to point at.
    proposal = build("when a new customer signs up on salla update the order status to preparing")
    step = _step(proposal, "salla.update_order_status")
    assert "order_id" not in step.params
    assert "order_id" in _asked(proposal, step)
