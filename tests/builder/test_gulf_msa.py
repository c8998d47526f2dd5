"""Gulf and Modern Standard Arabic the builder missed: MSA's orders said as verbal nouns ("قم
بإرسال", "يتم تسجيل", "أرغب في إنشاء", "ثم إضافتها") and its request frame ("يرجى إنشاء أتمتة
تقوم بـ"), the message that "reaches me" by a service's name (Gulf "يجيني واتس", "يوصلني
تلقرام", Levantine "وتوصلني عالسلاك"), and an order after "from a customer" ("من زبون حطو").
Each sentence was made up for these tests; each checks a pattern, not a sentence."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.language import canonical, normalize, verbal_nouns_as_orders
from tests.builder.built import types


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("قم بإرسال التقرير", "قم ارسل التقرير"),
        ("يتم تسجيل الطلب", "يتم سجل الطلب"),
        ("أرغب في إنشاء بطاقة", "ارغب في انشي بطاقه"),
        ("اجلب الطلب ثم إضافتها إلى نوشن", "اجلب الطلب ثم اضفها الي نوشن"),
        ("يتم جلب المدفوعات وإرسالها", "يتم اجلب المدفوعات وارسلها"),
        # the event after "عند", and a noun that is the object of an order, stay nouns
        ("عند إضافة صف جديد", "عند اضافه صف جديد"),
        ("قم بإضافة تعليق", "قم اضف تعليق"),
        ("أرسل تنبيه", "ارسل تنبيه"),
    ],
)
def test_an_msa_verbal_noun_in_an_orders_place_reads_as_its_verb(said: str, read: str) -> None:
    assert verbal_nouns_as_orders(normalize(said)) == read


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "عند وصول رسالة جديدة إلى Gmail، قم بتلخيصها بالذكاء الاصطناعي وإرسال الملخص إلى سلاك",
            ["gmail.new_email", "openai.generate_text", "slack.post_message"],
        ),
        (
            "عند الضغط على زر التشغيل، يتم جلب طلبات شوبيفاي وإرسالها إلى تيليجرام",
            ["core.manual_trigger", "shopify.list_orders", "telegram.send_message"],
        ),
        (
            "عند إنشاء بطاقة جديدة في Trello، قم بإضافة تعليق 'سنبدأ قريباً'",
            ["trello.card_created", "trello.add_comment"],
        ),
        (
            "عند وصول طلب عبر Webhook، قم بإنشاء موعد في تقويم Google وإرسال تأكيد بالبريد",
            ["webhook.receive", "google_calendar.create_event", "email.send_email"],
        ),
    ],
)
def test_msa_orders_said_as_verbal_nouns_are_steps(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_msa_request_to_create_an_automation_is_no_step() -> None:
    assert types(
        "يرجى إنشاء أتمتة تستقبل البيانات عبر webhook وترسلها إلى https://api.example.com/in"
    ) == ["webhook.receive", "http.request"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Gulf: a WhatsApp or Telegram "comes to me" after the event is a message to send
        (
            "اذا فشل اي فلو يجيني تلقرام",
            ["core.on_failure", "telegram.send_message"],
        ),
        (
            "كل ما يجي طلب جديد في زد يتسجل في الشيت ويجيني سلاك",
            ["zid.new_order", "google_sheets.append_row", "slack.post_message"],
        ),
        # Levantine: "and it reaches me on Slack", joined to the step before
        (
            "لما يجي طلب جديد بالووكومرس بدي ينحط بالشيت وتوصلني عالسلاك",
            ["woocommerce.order_created", "google_sheets.append_row", "slack.post_message"],
        ),
    ],
)
def test_a_message_by_a_service_reaching_me_after_the_event_is_an_order(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_an_email_reaching_me_right_after_when_is_still_the_event() -> None:
    assert types("لما يجيني ايميل على الجيميل ابعتلي تلقرام")[0] == "gmail.new_email"


def test_an_order_after_from_a_customer_is_a_step_not_the_customers_deed() -> None:
    assert types("لما يجيني SMS من زبون حطو بالنوشن") == [
        "twilio.incoming_sms",
        "notion.create_page",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Gulf passives: "it gets added" after the event is the order to add
        (
            "يوم يدفع العميل في ميسر تنضاف الدفعة في ايرتيبل",
            ["moyasar.payment_paid", "airtable.create_record"],
        ),
        # the past passive is the event's verb, so "have it sent" after it is an order
        (
            "اذا انضاف حجز جديد في الكالندر ينرسل لي تلقرام",
            ["google_calendar.event_created", "telegram.send_message"],
        ),
        # "and have it sent", joined to an order, is the next order
        (
            "يوم اضغط الزر يجيب طلبات زد المعلقة ويرسلها لي ايميل",
            ["core.manual_trigger", "zid.list_orders", "email.send_email"],
        ),
        # a noun phrase before the wish is the event
        (
            "طلبات شوبيفاي الجديدة ابيها تنحفظ في الشيت",
            ["shopify.new_order", "google_sheets.append_row"],
        ),
        # once the event is known, "have its status change" is the order to change it
        (
            "اذا وصل طلب في سلة ابي حالة الطلب تتغير الى جاري التجهيز",
            ["salla.new_order", "salla.update_order_status"],
        ),
    ],
)
def test_gulf_passive_and_wish_phrasing_gives_each_step(sentence: str, expected: list[str]) -> None:
    assert types(sentence) == expected


def test_what_was_added_after_a_relative_is_no_order_to_add() -> None:
    # Egyptian "الطلبات اللي اتضافت": the orders that were added, read and sent
    assert types("ابعتلي على التلقرام الطلبات اللي اتضافت في سلة النهارده") == [
        "core.manual_trigger",
        "salla.list_orders",
        "telegram.send_message",
    ]


def test_an_event_said_after_the_wish_keeps_what_came_before_out_of_it() -> None:
    proposal = build("عندي Zoho بدي كل دفعة بسترايب تنضاف بالشيت")
    assert proposal.flow is not None
    assert proposal.flow.nodes[0].type == "stripe.payment_succeeded"
    assert proposal.flow.nodes[-1].type == "google_sheets.append_row"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "كل يوم الساعة ٨ المسا ارسل لي ملخص طلبات زد على السلاك",
            ["schedule.every", "zid.list_orders", "slack.post_message"],
        ),
        (
            "كل اثنين الصبح ابعتلي عالتلقرام الطلبات الملغية بزد",
            ["schedule.every", "zid.list_orders", "telegram.send_message"],
        ),
    ],
)
def test_zid_by_its_two_arabic_letters_is_named_as_the_service(
    sentence: str, expected: list[str]
) -> None:
    # "زد" is too short to count as a service's name among the words unless read as "zid"
    assert canonical(normalize("زد")) == "zid"
    assert canonical(normalize("بزد")) == "zid"
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "for each X", new or not, is the event of the order it follows
        (
            "ارسل لي اشعار تلقرام لكل حجز يجيني في الكالندر",
            ["google_calendar.event_created", "telegram.send_message"],
        ),
        (
            "أرغب في إنشاء صفحة في Notion لكل رسالة بريد جديدة تصل إلى Gmail",
            ["gmail.new_email", "notion.create_page"],
        ),
        ("تنبيه سلاك لكل طلب سلة", ["salla.new_order", "slack.post_message"]),
        # MSA "I wish to receive a message" is a message sent to me, not one coming in
        (
            "أرغب في استلام رسالة على تيليجرام عند وصول طلب جديد في زد",
            ["zid.new_order", "telegram.send_message"],
        ),
        # Gulf "ودي" (I'd like) before a verb of mine is the wish, not "take/send"
        ("ودي اعرف اذا فشل اي فلو، ارسل لي ايميل", ["core.on_failure", "email.send_email"]),
    ],
)
def test_for_each_and_wishing_to_receive_read_as_event_and_order(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("حالته", "حاله"),  # its status: the ة is a ت before the pronoun
        ("حالتها", "حاله"),
        ("حالتو", "حاله"),  # Levantine "its"
        ("رسالته", "رساله"),
        ("فاتورتهم", "فاتوره"),
    ],
)
def test_a_noun_before_its_pronoun_reads_as_the_noun(word: str, meaning: str) -> None:
    assert canonical(normalize(word)) == meaning


@pytest.mark.parametrize(
    "sentence",
    [
        "عند استلام طلب جديد في سلة، انتظر ساعة ثم قم بتغيير حالته إلى قيد التنفيذ",
        "لما يجي طلب جديد في سلة انتظر ساعة وبعدين غير حالته الى جاري التجهيز",
    ],
)
def test_a_step_naming_no_service_after_a_wait_stays_with_the_events_service(
    sentence: str,
) -> None:
    assert types(sentence) == ["salla.new_order", "core.delay", "salla.update_order_status"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Levantine/Gulf "tell me" after the event is a notification to send
        ("لما يجي طلب جديد في سلة خبرني عالتلغرام", ["salla.new_order", "telegram.send_message"]),
        # Gulf "give me" a summary is one to send me; "give me a way" is the request
        (
            "كل ما يجي طلب في زد اعطني ملخص بالذكاء الاصطناعي في سلاك",
            ["zid.new_order", "openai.generate_text", "slack.post_message"],
        ),
        (
            "عطني طريقة اول ما يدخل عميل جديد في سلة ينضاف في زد",
            ["salla.new_customer", "zid.create_customer"],
        ),
        # Gulf "it reaches him" is a message sent to the customer, not one arriving
        (
            "لما العميل يترك السلة في زد يجيه تذكير بالواتس",
            ["zid.abandoned_cart", "whatsapp.send_template"],
        ),
    ],
)
def test_tell_me_give_me_and_reaching_him_are_orders_to_send(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "يتم الرد" (the answer is given) goes back where the message came from
        (
            "عند وصول رسالة على تيليجرام تحتوي على كلمة 'سعر'، يتم إرسال بريد إلى المبيعات، "
            "وإلا يتم الرد برسالة ترحيبية",
            [
                "telegram.new_message",
                "core.condition",
                "email.send_email",
                "telegram.send_message",
            ],
        ),
        # "…وإرسالها للعميل كرد" (as a reply) too
        (
            "عند وصول رسالة جديدة على الواتساب، يتم جلب المواعيد المتاحة من تقويم Google "
            "وإرسالها للعميل كرد",
            [
                "whatsapp.incoming_message",
                "google_calendar.find_free_time",
                "whatsapp.send_text",
            ],
        ),
        # "عند إضافة سجل": the record is what is added, no order to log one
        (
            "عند إضافة سجل جديد في Airtable، يتم إرسال رسالة على Slack",
            ["airtable.new_record", "slack.post_message"],
        ),
    ],
)
def test_msa_reply_said_as_a_noun_and_a_verbal_nouns_object(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_a_notification_arriving_joined_to_an_order_is_one_to_send() -> None:
    # Levantine "…ويوصل اشعار عالسلاك": and a notification arrives, on Slack
    assert types("لما يجي طلب جديد في شوبيفاي ينحفظ بالشيت ويوصل اشعار عالسلاك") == [
        "shopify.new_order",
        "google_sheets.append_row",
        "slack.post_message",
    ]


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("ورقة", "جدول"),  # MSA: a worksheet
        ("يسوي", "سو"),  # Gulf "make", in the third person
        ("تسويلي", "سو"),
        ("يرد", "رد"),  # answers
    ],
)
def test_msa_and_gulf_words_read_as_the_manifests_words(word: str, meaning: str) -> None:
    assert canonical(normalize(word)) == meaning


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "when the customer answers" is a message coming in, not an answer to send
        ("اذا الزبون رد عالتلغرام ابعتلي ايميل", ["telegram.new_message", "email.send_email"]),
        (
            "لما العميل يرد على الواتس بكلمة الغاء غير حالة طلبه في زد",
            ["whatsapp.incoming_message", "core.condition", "zid.update_order_status"],
        ),
    ],
)
def test_the_customers_answer_said_as_the_event_is_a_message_coming_in(
    sentence: str, expected: list[str]
) -> None:
    assert types(sentence) == expected


def test_cancelling_an_order_is_changing_its_status() -> None:
    assert canonical(normalize("الغي")) == canonical(normalize("غير"))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the Maghreb's "ايمايل" is e-mail, never a WhatsApp in its place
        ("كل يوم الساعة 5 ابعتلي ايمايل", ["schedule.every", "email.send_email"]),
        # "…and it gets sent": a passive after "و" is a step of its own
        (
            "نحب كل ما يجي ايمايل ف outlook يتلخص بالذكاء الاصطناعي ويتبعث ف سلاك",
            ["outlook.new_mail", "openai.generate_text", "slack.post_message"],
        ),
        (
            "لما يوصل ايميل على جيميل يتلخص ويتبعت على سلاك",
            ["gmail.new_email", "openai.generate_text", "slack.post_message"],
        ),
    ],
)
def test_maghrebi_email_and_steps_said_in_the_passive_after_and(sentence, expected):
    proposal = build(sentence, "ar")
    assert proposal.flow is not None, proposal.question
    assert [node.type for node in proposal.flow.nodes] == expected
    assert proposal.not_understood == []
