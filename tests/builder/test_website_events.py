"""Something that comes from the shop's own website (a booking, a form, a sign-up, an order
"من الموقع") starts the flow on the webhook trigger: the site can call a webhook, while no
store, calendar or manual button sees it. A site that is a store the app knows stays that
store, and a site that is checked, not heard from, stays a request to it."""

from __future__ import annotations

import pytest

from tests.builder.built import types

WEBSITE_EVENTS = [
    # English
    ("when someone signs up on my website add them to my Notion database", "notion.create_page"),
    ("when a customer books on our website send me a telegram message", "telegram.send_message"),
    (
        "each form submitted through my website goes to a new row in google sheets",
        "google_sheets.append_row",
    ),
    # Egyptian
    ("لما حد يحجز من الموقع ابعتلي رسالة على تيليجرام", "telegram.send_message"),
    ("كل ما ييجي طلب من موقعي ابعتلي ايميل", "email.send_email"),
    # Gulf
    ("ابي كل عميل يسجل من الموقع ينضاف في ايرتيبل", "airtable.create_record"),
    # Levantine
    ("اذا حدا سجل عالموقع ضيفو على نوشن", "notion.create_page"),
    # Maghrebi
    ("ملي شي واحد يحجز فالموقع صيفط ليا ميساج فتيليجرام", "telegram.send_message"),
    # MSA
    ("عند تسجيل عميل جديد عبر موقعنا أرسل له بريدا إلكترونيا", "email.send_email"),
    # Arabizi
    ("lama 7ad yesagel mn el site eb3atli 3al telegram", "telegram.send_message"),
]


@pytest.mark.parametrize(("sentence", "step"), WEBSITE_EVENTS)
def test_an_event_from_the_shops_own_website_starts_on_the_webhook(
    sentence: str, step: str
) -> None:
    built = types(sentence)
    assert built[0] == "webhook.receive", built
    assert step in built, built


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("when someone signs up on my salla store send them a welcome email", "salla.new_customer"),
        (
            "لما يجي اوردر من الموقع بتاعي على شوبيفاي ابعتلي رسالة على تيليجرام",
            "shopify.new_order",
        ),
        ("اذا جاني طلب جديد من موقعي في زد ارسل لي ايميل", "zid.new_order"),
    ],
)
def test_a_website_that_is_a_store_the_app_knows_stays_that_store(
    sentence: str, trigger: str
) -> None:
    assert types(sentence)[0] == trigger


@pytest.mark.parametrize(
    "sentence",
    [
        "check my website every hour and if it is down message me on telegram",
        "شيك على الموقع كل ساعة ولو واقع ابعتلي على تيليجرام",
    ],
)
def test_a_website_that_is_checked_is_still_called_not_listened_to(sentence: str) -> None:
    built = types(sentence)
    assert "webhook.receive" not in built, built
    assert "http.request" in built, built


def test_a_message_that_mentions_the_website_is_sent_as_written() -> None:
    from flowin_engine.builder import build

    proposal = build("when someone books on my website email them 'book again on our website'")
    assert proposal.flow is not None
    sent = [node for node in proposal.flow.nodes if node.type == "email.send_email"]
    assert sent and "book again on our website" in str(sent[0].params), sent
