"""The shape of multi-step flows said in one breath: a comparison said a few words after the
thing it compares ("لو الاوردر على ووكومرس اكتر من ٢٠٠٠ جنيه"), with its 'otherwise' branch.

The sentences were written for these tests or taken from the development sets; none comes from
a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build


def flow_of(sentence: str):
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.refused)
    return proposal.flow


def types(sentence: str) -> list[str]:
    return [n.type for n in flow_of(sentence).nodes]


def condition_rules(sentence: str) -> list[dict]:
    flow = flow_of(sentence)
    (condition,) = [n for n in flow.nodes if n.type == "core.condition"]
    return condition.params["conditions"]


@pytest.mark.parametrize(
    ("sentence", "expected", "operator", "right"),
    [
        (
            "لو الاوردر على ووكومرس اكتر من ٣٠٠٠ جنيه ابعتلي على التليجرام",
            ["woocommerce.order_created", "core.condition", "telegram.send_message"],
            "greater_than",
            3000,
        ),
        (
            "اذا طلب سلة قيمته فوق ٨٠٠ ريال حطه في نوشن",
            ["salla.new_order", "core.condition", "notion.create_page"],
            "greater_than",
            800,
        ),
        (
            "لو اجت دفعة ستريب فوق 250$ ابعت عسلاك #sales",
            ["stripe.payment_succeeded", "core.condition", "slack.post_message"],
            "greater_than",
            250,
        ),
        (
            "الى كانت الكوموند ف شوبيفاي تحت 100 درهم سجلها ف الشيت",
            ["shopify.new_order", "core.condition", "google_sheets.append_row"],
            "less_than",
            100,
        ),
        (
            "if an order on my woocommerce store is over 400 dollars send me a telegram message",
            ["woocommerce.order_created", "core.condition", "telegram.send_message"],
            "greater_than",
            400,
        ),
    ],
)
def test_an_amount_compared_a_few_words_after_its_record_is_a_condition(
    sentence, expected, operator, right
):
    assert types(sentence) == expected
    (rule,) = condition_rules(sentence)
    assert (rule["operator"], rule["right"]) == (operator, right)
    assert rule["left"]


@pytest.mark.parametrize(
    "sentence",
    [
        "إذا تجاوزت قيمة الطلب في سلة 700 ريال فأرسل إشعارا إلى قناة #vip في Slack",
        "تنبيه عبر تيليجرام عند وصول أي طلب من سلة تتجاوز قيمته ٧٠٠ ريال",
    ],
)
def test_an_amount_said_to_exceed_in_formal_arabic_is_a_condition(sentence):
    assert "core.condition" in types(sentence)
    (rule,) = condition_rules(sentence)
    assert (rule["operator"], rule["right"]) == ("greater_than", 700)
    assert rule["left"]


def test_the_otherwise_of_an_amount_said_after_its_record_leaves_by_the_false_output():
    flow = flow_of("لو الأوردر في زد أكتر من ٢٠٠٠ ريال ابعتلي على السلاك، غير كده سجله في الشيت")
    assert [n.type for n in flow.nodes] == [
        "zid.new_order",
        "core.condition",
        "slack.post_message",
        "google_sheets.append_row",
    ]
    by_type = {n.type: n.id for n in flow.nodes}
    arrows = {(e.source, e.source_port, e.target) for e in flow.edges}
    condition = by_type["core.condition"]
    assert (condition, "true", by_type["slack.post_message"]) in arrows
    assert (condition, "false", by_type["google_sheets.append_row"]) in arrows


def test_a_wait_of_more_than_some_days_is_no_amount_compared():
    assert "core.condition" not in types("لو الطلب في سلة فات عليه اكتر من 3 ايام ابعتلي واتساب")


# A word the customer writes: the message is checked for it before the steps run.


@pytest.mark.parametrize(
    ("sentence", "expected", "word"),
    [
        (
            "when a customer writes 'menu' on whatsapp send them our prices",
            ["whatsapp.incoming_message", "core.condition", "whatsapp.send_text"],
            "menu",
        ),
        (
            "whenever someone sends 'hours' to my telegram bot, reply with our opening hours",
            ["telegram.new_message", "core.condition", "telegram.send_message"],
            "hours",
        ),
        (
            "When a client replies CANCEL on whatsapp add their number to the Cancelled tab",
            ["whatsapp.incoming_message", "core.condition", "google_sheets.append_row"],
            "CANCEL",
        ),
        (
            "telegram bot: when someone writes /menu reply with the menu",
            ["telegram.new_message", "core.condition", "telegram.send_message"],
            "/menu",
        ),
        (
            "اول ما الزبون يكتب 'عرض' على الواتساب ابعتله العروض",
            ["whatsapp.incoming_message", "core.condition", "whatsapp.send_text"],
            "عرض",
        ),
        (
            "لو حد كتب في جروب التليجرام كلمة شكوى ابعتلي ايميل",
            ["telegram.new_message", "core.condition", "email.send_email"],
            "شكوى",
        ),
        (
            "اذا العميل رد على الواتس بكلمة تأكيد سجله في الشيت",
            ["whatsapp.incoming_message", "core.condition", "google_sheets.append_row"],
            "تأكيد",
        ),
    ],
)
def test_a_word_the_customer_writes_is_checked_before_the_steps(sentence, expected, word):
    assert types(sentence) == expected
    (rule,) = condition_rules(sentence)
    assert rule["operator"] == "contains" and rule["right"] == word
    assert rule["left"]


def test_a_message_sent_with_no_word_said_is_no_condition():
    assert types("when someone sends a message on whatsapp reply with our price list") == [
        "whatsapp.incoming_message",
        "whatsapp.send_text",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "لما حد يبعت رسالة على التليجرام ابعتله العنوان",
            ["telegram.new_message", "telegram.send_message"],
        ),
        (
            "when someone messages us on instagram send them our opening hours",
            ["instagram_messenger.new_message", "instagram_messenger.send_reply"],
        ),
    ],
)
def test_sent_to_the_one_who_wrote_goes_back_where_the_message_came_from(sentence, expected):
    assert types(sentence) == expected


# A check on a schedule: the address or the list is read, then what was read is checked.


def test_a_site_checked_on_a_schedule_is_called_and_its_answer_checked_when_it_is_down():
    flow = flow_of(
        "every 10 minutes check our site https://shop.example.com and if it's down text me"
    )
    assert [n.type for n in flow.nodes] == [
        "schedule.every",
        "http.request",
        "core.condition",
        "twilio.send_sms",
    ]
    call, condition = flow.nodes[1], flow.nodes[2]
    assert call.params["fail_on_http_error"] is False  # a 500 is an answer to check, not a crash
    (rule,) = condition.params["conditions"]
    assert rule["left"] == "{{ steps['" + call.name + "'].output.status }}"
    assert (rule["operator"], rule["right"]) == ("greater_or_equal", 400)


@pytest.mark.parametrize(
    "sentence",
    [
        "كل ساعة شيك على الموقع https://shop.example.sa واذا طاح ارسل لي SMS",
        "كل ربع ساعة شيك على الموقع لو واقع ابعتلي SMS",
    ],
)
def test_a_site_said_down_in_arabic_is_checked_too(sentence):
    assert types(sentence) == [
        "schedule.every",
        "http.request",
        "core.condition",
        "twilio.send_sms",
    ]
    (rule,) = condition_rules(sentence)
    assert rule["left"].endswith(".output.status }}")


@pytest.mark.parametrize(
    ("sentence", "listing"),
    [
        ("كل ساعتين شوف لو في أوردرات جديدة على سلة ولو في ابعتلي على التليجرام", "salla"),
        ("every hour check woocommerce and if there are new orders post them to slack #ops", "woo"),
    ],
)
def test_new_records_checked_on_a_schedule_are_counted_before_they_are_sent(sentence, listing):
    found = types(sentence)
    assert found[0] == "schedule.every" and found[1].startswith(listing)
    assert found[2] == "core.condition"
    (rule,) = condition_rules(sentence)
    assert rule["left"].endswith(".output.count }}")
    assert (rule["operator"], rule["right"]) == ("greater_than", 0)


def test_a_vague_check_after_a_call_is_a_condition_to_fill_in_and_said_so():
    proposal = build("كل نص ساعة شيك على api المخزون ولو المنتج خلص علمني تيليقرام")
    assert [n.type for n in proposal.flow.nodes] == [
        "schedule.every",
        "http.request",
        "core.condition",
        "telegram.send_message",
    ]
    condition = proposal.flow.nodes[2]
    assert any(m.node == condition.name for m in proposal.missing)
    assert any("خلص" in said for said in proposal.not_understood)


# What the AI wrote, checked: "classify it as complaint or question, if complaint …".


@pytest.mark.parametrize(
    ("sentence", "word", "yes", "no"),
    [
        (
            "when a whatsapp message comes ask chatgpt to sort it as order or question, "
            "if order post it to slack #orders otherwise reply with our FAQ",
            "order",
            "slack.post_message",
            "whatsapp.send_text",
        ),
        (
            "لما توصل رسالة تيليجرام خلي الذكاء الاصطناعي يصنفها شكوى ولا استفسار، "
            "لو شكوى ابعتلي ايميل وغير كده رد عليه",
            "شكوى",
            "email.send_email",
            "telegram.send_message",
        ),
    ],
)
def test_a_class_the_ai_was_asked_for_is_checked_in_what_it_wrote(sentence, word, yes, no):
    flow = flow_of(sentence)
    found = [n.type for n in flow.nodes]
    assert found[1:3] == ["openai.generate_text", "core.condition"]
    ai, condition = flow.nodes[1], flow.nodes[2]
    (rule,) = condition.params["conditions"]
    assert rule == {
        "left": "{{ steps['" + ai.name + "'].output.text }}",
        "operator": "contains",
        "right": word,
    }
    by_type = {n.type: n.id for n in flow.nodes}
    arrows = {(e.source, e.source_port, e.target) for e in flow.edges}
    assert (condition.id, "true", by_type[yes]) in arrows
    assert (condition.id, "false", by_type[no]) in arrows
