"""The region's stores by the names people give them: Salla (سلة), Zid (زد) and WooCommerce
(ووكومرس), in English, Arabic dialects and Arabizi, built into their own steps, never said to
be missing and never swapped for Shopify."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.language import normalize, tokens
from flowin_engine.builder.limits import unsupported


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "when a new order comes in on Salla, send it to my slack #orders",
            ["salla.new_order", "slack.post_message"],
        ),
        ("أبي كل طلب جديد في سلة يوصلني على الواتس", ["salla.new_order"]),
        (
            "لما ينضاف طلب في زد سجله في الشيت",
            ["zid.new_order", "google_sheets.append_row"],
        ),
        (
            "عند تسجيل عميل جديد في ووكومرس أضفه إلى سترايب",
            ["woocommerce.new_customer", "stripe.create_customer"],
        ),
        (
            "when a woocommerce order is placed send me a telegram message",
            ["woocommerce.order_created", "telegram.send_message"],
        ),
        (
            # Writing first on WhatsApp takes an approved template.
            "lama yeegi order gded 3al salla ab3atli whatsapp",
            ["salla.new_order", "whatsapp.send_template"],
        ),
        ("when a zid order status changes email me", ["zid.order_status_changed"]),
        (
            "لما العميل يترك سلة متروكة في سلة ابعتله واتساب",
            ["salla.abandoned_cart", "whatsapp.send_template"],
        ),
    ],
)
def test_a_sentence_naming_a_regional_store_builds_its_steps(sentence, expected):
    proposal = build(sentence)
    types = [node.type for node in proposal.flow.nodes]
    assert types[: len(expected)] == expected, types
    assert proposal.unsupported == []


def test_every_hour_the_stores_orders_are_listed():
    for sentence, store in [
        ("كل ساعة اعرض طلبات زد وابعتها على تيليجرام", "zid"),
        ("every hour list the woocommerce orders and post them on slack", "woocommerce"),
        ("كل يوم الساعة ٩ الصبح هات طلبات سلة وابعتها لي على الايميل", "salla"),
    ]:
        types = [node.type for node in build(sentence).flow.nodes]
        assert types[:2] == ["schedule.every", f"{store}.list_orders"], (sentence, types)


def test_zid_is_the_store_not_the_arabizi_for_add():
    assert tokens(normalize("zid new order")) == ["zid", "order"]
    assert tokens(normalize("7oto fel sheet"))[0] == "add"


def test_an_order_without_a_store_named_stays_shopify():
    # The default shop before the region's stores came, so flows described before still build.
    for sentence in ("عندما يصلني طلب جديد ابعت للعميل واتساب", "when I get an order, text me"):
        assert build(sentence).flow.nodes[0].type == "shopify.new_order"


def test_an_abandoned_cart_is_missing_only_where_the_store_sends_none():
    def said(text: str) -> list[str]:
        return [item.name for item in unsupported(normalize(text), "en")]

    assert said("when an abandoned cart in shopify send a whatsapp") == ["an abandoned cart"]
    assert said("لما العميل يترك سلة متروكة في شوبيفاي") == ["an abandoned cart"]
    assert said("abandoned cart in zid send a whatsapp") == []
    assert said("عند سلة متروكة في سلة ابعت واتساب") == []
    assert said("عند سلة متروكة في زد ابعت واتساب") == []
    for store in ("salla", "سلة", "zid store", "متجر زد", "woocommerce", "ووكومرس"):
        assert said(f"new order in {store}") == [], store


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("لما يجي طلب جديد في سلة سجله في الشيت", {"{{ trigger.phone }}", "{{ trigger.total }}"}),
        (
            "لما ينجح دفع في ميسر سجله في الشيت",
            {"{{ trigger.amount }}", "{{ trigger.card_name }}", "{{ trigger.description }}"},
        ),
    ],
)
def test_an_order_or_payment_logged_in_a_sheet_gets_the_columns_a_shop_keeps(sentence, wanted):
    proposal = build(sentence)
    row = next(n for n in proposal.flow.nodes if n.type == "google_sheets.append_row")
    values = set(row.params["values"].values())
    assert wanted <= values, values
    # The delivery's own bookkeeping is no column anyone reads.
    assert not {"{{ trigger.event_id }}", "{{ trigger.event_type }}"} & values
    assert "{{ trigger.status_slug }}" not in values
