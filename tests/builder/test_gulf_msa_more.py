"""More Gulf and Modern Standard Arabic the builder missed, each a pattern rather than a
sentence: an answer on a messaging service said with no event ("الرد التلقائي على رسايل
الانستقرام": the service's incoming message starts the flow). Each sentence was made up for
these tests."""

from __future__ import annotations

import pytest

from tests.builder.built import types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "ودي الرد التلقائي على رسايل الماسنجر يكون بالذكاء الاصطناعي",
            [
                "instagram_messenger.new_message",
                "openai.generate_text",
                "instagram_messenger.send_reply",
            ],
        ),
        (
            "أرغب في الرد تلقائياً على رسائل إنستغرام بعبارة 'أهلاً بك في متجرنا'",
            ["instagram_messenger.new_message", "instagram_messenger.send_reply"],
        ),
        (
            "auto reply to messenger messages with 'thanks, we will answer soon'",
            ["instagram_messenger.new_message", "instagram_messenger.send_reply"],
        ),
    ],
)
def test_an_answer_on_a_messaging_service_starts_on_its_incoming_message(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_a_message_sent_on_a_button_press_keeps_the_button() -> None:
    assert types("ابي زر اضغطه يرسل رسالة تيليجرام فيها طلبات سلة")[0] == "core.manual_trigger"


@pytest.mark.parametrize(
    "sentence",
    [
        "لما يوصلني ايميل من المورد في الجيميل حط عليه ليبل 'موردين'",
        "عند وصول بريد جديد إلى Gmail من البنك، أضف إليه الوسم 'بنوك'",
        "عند وصول بريد جديد إلى Gmail ضع عليه التصنيف Orders",
    ],
)
def test_a_label_put_on_an_email_is_gmails_label_step(sentence: str) -> None:
    assert types(sentence) == ["gmail.new_email", "gmail.change_labels"]
