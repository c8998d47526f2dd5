"""Which event starts the flow, however it is said: another of the user's flows failing (in
every dialect, with "flow" in Latin letters or Arabic), … The sentences were made up for these
tests or taken from the development sets, in several dialects and for several services."""

from __future__ import annotations

import pytest

from tests.builder.built import types

FLOW_FAILS = [
    ("if any of my flows fails email me at omar.k@gmail.com", "email.send_email"),
    ("when one of our workflows has an error, post it on slack #ops", "slack.post_message"),
    ("whenever an automation crashes send me a telegram", "telegram.send_message"),
    ("اذا فشل أي flow عندي ابعتلي عالتلغرام", "telegram.send_message"),
    ("لو أي فلو وقع ابعتلي ايميل على ops@shop.com", "email.send_email"),
    ("كي يصرا خطأ ف أي flow ابعثلي SMS ل +213550123456", "twilio.send_sms"),
    ("إذا حدث خطأ في أي تدفق أرسل لي رسالة على سلاك", "slack.post_message"),
    ("kol ma tfashel ay flow ib3atli 3al telegram", "telegram.send_message"),
]


@pytest.mark.parametrize(("sentence", "action"), FLOW_FAILS)
def test_another_flow_failing_is_the_event_in_every_dialect(sentence, action):
    assert types(sentence) == ["core.on_failure", action]


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("when a paymob payment fails email me", "paymob.payment_declined"),
        ("لو دفعة تاب فشلت ابعتلي ايميل", "tap.charge_failed"),
    ],
)
def test_a_failure_that_is_no_flows_is_not_read_as_one(sentence, event):
    assert types(sentence)[0] == event
