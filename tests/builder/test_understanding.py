"""The offline builder on the ways people really write: dialects, glued prepositions, typos,
services Flowin lacks, abuse, long text and the parameters of schedules and conditions.

Every sentence here was written for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.entities import extract
from flowin_engine.builder.limits import MAX_SENTENCE_CHARACTERS
from tests.builder.built import types


def schedule_of(sentence: str) -> dict:
    (entity,) = [e for e in extract(sentence).entities if e.kind == "schedule"]
    return entity.value


# Long and odd input.


def test_a_ten_thousand_character_request_gets_a_clear_message_not_a_giant_flow():
    proposal = build("send a whatsapp to the customer " * 320)
    assert proposal.flow is None
    assert str(MAX_SENTENCE_CHARACTERS) in proposal.question
    arabic = build("ابعت واتساب للعميل " * 600)
    assert arabic.flow is None and str(MAX_SENTENCE_CHARACTERS) in arabic.question
    assert arabic.language == "ar" and "حرف" in arabic.question


def test_unknown_words_are_listed_as_not_understood():
    proposal = build("florp zindle quaxo " * 20)
    assert proposal.flow is None and proposal.question and proposal.not_understood


@pytest.mark.parametrize(
    "sentence",
    ["if it is down, email me", "only if it is big, post to #ops on slack", "if it fails text me"],
)
def test_vague_conditions_are_reported_never_a_condition_with_an_empty_side(sentence):
    proposal = build(sentence)
    for node in proposal.flow.nodes if proposal.flow else []:
        if node.type == "core.condition":
            assert all(rule["left"] for rule in node.params["conditions"])
    assert proposal.not_understood or proposal.question or proposal.missing


# Services Flowin does not have.


@pytest.mark.parametrize(
    ("sentence", "service", "not_there"),
    [
        ("When someone comments on my Instagram post, send it to Slack #social", "Instagram", None),
        ("Post every new Shopify order to our Discord channel", "Discord", "twilio.send_sms"),
        ("When an Asana task is completed, message me on Telegram", "Asana", None),
        ("لما حد يكتب تعليق على انستجرام ابعتلي على سلاك", "Instagram", "http.request"),
        ("كل ما يوصل اوردر ضيفو على جيرا", "Jira", "telegram.send_message"),
    ],
)
def test_a_service_flowin_lacks_is_named_never_swapped_for_another(sentence, service, not_there):
    proposal = build(sentence)
    assert any(service.lower() in s.lower() for s in proposal.unsupported), proposal.unsupported
    got = [n.type for n in proposal.flow.nodes] if proposal.flow else []
    assert not_there not in got
    said = " ".join(proposal.not_understood)
    assert service.lower() in said.lower() or service in " ".join(proposal.unsupported)


def test_a_failed_payment_is_not_taken_for_a_successful_one():
    proposal = build("When a Stripe payment fails, email me")
    got = [n.type for n in proposal.flow.nodes] if proposal.flow else []
    assert "stripe.payment_succeeded" not in got
    assert proposal.unsupported


# Abuse.


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Send a WhatsApp promo to 5000 numbers I bought from a list", "en"),
        ("scrape emails and phone numbers from instagram profiles into my sheet", "en"),
        ("ابعت رسالة اعلان لكل الارقام اللي اشتريتها على الواتساب", "ar"),
        ("اسحب ارقام وايميلات الناس من المواقع وحطها في شيت", "ar"),
        ("Spam everyone in this list with my offer every hour", "en"),
    ],
)
def test_abusive_purposes_are_refused_politely_in_the_users_language(sentence, language):
    proposal = build(sentence)
    assert proposal.flow is None and proposal.refused
    arabic = any("\u0600" <= c <= "\u06ff" for c in proposal.refused)
    assert arabic == (language == "ar")


def test_messaging_your_own_customers_is_not_abuse():
    assert types("When a Shopify order comes in, send the customer a WhatsApp message") == [
        "shopify.new_order",
        "whatsapp.send_template",
    ]


# Dialects, glued words, typos.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "لما يوصلني اوردر على شوبيفاي يتسجل في الشيت",
            ["shopify.new_order", "google_sheets.append_row"],
        ),
        ("لما يجي اوردر جديد ابعتلو واتس", ["shopify.new_order", "whatsapp.send_template"]),
        ("كل ما يجي طلب جديد ابعت عالسلاك", ["shopify.new_order", "slack.post_message"]),
        (
            "لما توصل رسالة بالواتس سجلها بالشيت",
            ["whatsapp.incoming_message", "google_sheets.append_row"],
        ),
        (
            "وقت بيوصل طلب جديد بعتلي اشعار عالتلغرام",
            ["shopify.new_order", "telegram.send_message"],
        ),
        (
            "ملي يوصل شي طلب جديد صيفط ليا ميساج فالواتساب",
            ["shopify.new_order", "whatsapp.send_template"],
        ),
        (
            "when I get a new shopfiy order post it to slak",
            ["shopify.new_order", "slack.post_message"],
        ),
        (
            "When a new order comes in, summarise it with ChatGPT",
            ["shopify.new_order", "openai.generate_text"],
        ),
        (
            "lama yegi order gdid ab3atli 3ala el wats",
            ["shopify.new_order", "whatsapp.send_template"],
        ),
        (
            "Send a welcome email to new Stripe customers",
            ["stripe.new_customer", "email.send_email"],
        ),
        ("email me the rows added to my sheet", ["google_sheets.new_row", "email.send_email"]),
    ],
)
def test_dialects_glued_prepositions_and_typos(sentence, expected):
    assert types(sentence) == expected


# Parameters.


@pytest.mark.parametrize(
    ("sentence", "params"),
    [
        ("on the first day of every month at 10am", {"mode": "cron", "cron": "0 10 1 * *"}),
        ("كل اول يوم في الشهر الساعة ٨", {"mode": "cron", "cron": "0 8 1 * *"}),
        ("كل تلات الساعة ٩ ونص", {"mode": "cron", "cron": "30 9 * * 2"}),
        ("every day at 9:30pm", {"mode": "cron", "cron": "30 21 * * *"}),
        ("every 2 hours", {"mode": "interval", "every": 2, "unit": "hours"}),
        ("كل يوم الساعة ٧ وربع المسا", {"mode": "cron", "cron": "15 19 * * *"}),
        ("every friday at 6 in the evening", {"mode": "cron", "cron": "0 18 * * 5"}),
        ("كل يوم الحد الساعة ١٠", {"mode": "cron", "cron": "0 10 * * 0"}),
    ],
)
def test_schedules_people_write(sentence, params):
    assert schedule_of(sentence) == params


@pytest.mark.parametrize(
    ("sentence", "right"),
    [
        ("When an order comes in, if the total is over 1,000 SAR, post to #vip on slack", 1000),
        ("When an order comes in, if the total is over $250, post to #vip on slack", 250),
        ("لما يوصل طلب لو المبلغ اكتر من ٥٠٠ ريال ابعت على سلاك #vip", 500),
        ("When an order comes in, if the total is above 99.5 EGP, post to #vip on slack", 99.5),
    ],
)
def test_thresholds_with_currencies_and_thousands(sentence, right):
    proposal = build(sentence)
    (condition,) = [n for n in proposal.flow.nodes if n.type == "core.condition"]
    rule = condition.params["conditions"][0]
    assert rule["right"] == right and rule["left"]


def test_otherwise_is_the_false_branch():
    proposal = build(
        "When a new Shopify order comes in, if the total is over 500 post to #vip on Slack, "
        "otherwise send me an email"
    )
    nodes = {n.type: n for n in proposal.flow.nodes}
    condition = nodes["core.condition"]
    ports = {
        (e.source_port, next(n.type for n in proposal.flow.nodes if n.id == e.target))
        for e in proposal.flow.edges
        if e.source == condition.id
    }
    assert ports == {("true", "slack.post_message"), ("false", "email.send_email")}


def test_an_arabic_otherwise_is_the_false_branch_too():
    proposal = build("لما يجي طلب جديد لو المبلغ اكتر من ٥٠٠ ابعت على سلاك #vip وإلا ابعتلي ايميل")
    condition = next(n for n in proposal.flow.nodes if n.type == "core.condition")
    false_targets = [e.target for e in proposal.flow.edges if e.source_port == "false"]
    assert len(false_targets) == 1 and condition.id in {e.source for e in proposal.flow.edges}


@pytest.mark.parametrize(
    "sentence",
    [
        "When a new Shopify order comes in, if the total is over 1,000 SAR send me an email, "
        "otherwise if the total is over $250 send a WhatsApp",
        "لما يجي طلب جديد لو المبلغ اكتر من ٥٠٠ ابعت على سلاك #vip "
        "وإلا لو المبلغ اكتر من ١٠٠ ابعتلي ايميل",
    ],
    ids=["en", "ar"],
)
def test_otherwise_if_is_a_second_condition_on_the_false_branch_of_the_first(sentence):
    proposal = build(sentence)
    conditions = [n for n in proposal.flow.nodes if n.type == "core.condition"]
    assert len(conditions) == 2
    first, second = conditions
    arrows = {(e.source, e.source_port, e.target) for e in proposal.flow.edges}
    assert (first.id, "false", second.id) in arrows
    assert all(source != target for source, _port, target in arrows)
    assert {port for source, port, _target in arrows if source == second.id} == {"true"}


@pytest.mark.parametrize(
    "sentence",
    [
        "only if it is big every new Stripe payment",
        "only if it is big kol yom . first day of the month @bot_name ؛ يوصلني ؛ "
        "Stripe payment fails ثم Discord .",
    ],
    ids=["event", "mixed"],
)
def test_a_condition_with_nothing_to_compare_next_to_an_event_is_not_understood(sentence):
    proposal = build(sentence)
    assert proposal.flow is None or "core.condition" not in {n.type for n in proposal.flow.nodes}
    assert any("only if it is big" in said for said in proposal.not_understood)


def test_a_schedule_it_cannot_read_is_asked_for_not_guessed():
    proposal = build("on the third full moon of the quarter send a slack message to #ops")
    schedule = [
        n for n in (proposal.flow.nodes if proposal.flow else []) if n.type == "schedule.every"
    ]
    assert not schedule or any(m.node == schedule[0].name for m in proposal.missing)


def test_a_pasted_list_of_steps_gets_a_question_not_a_flow_of_dozens_of_steps():
    proposal = build("then send a slack message to #ops " * 22)
    assert proposal.flow is None and "20" in proposal.question


def test_private_use_characters_typed_by_the_user_are_not_taken_for_markers():
    proposal = build("send a slack message to #ops \ue000\ue005")
    assert [n.type for n in proposal.flow.nodes][-1] == "slack.post_message"


@pytest.mark.parametrize(
    ("sentence", "right"),
    [
        ("Forward every Gmail email that mentions 'urgent' to my Telegram", "urgent"),
        (
            "When a WhatsApp message contains the word refund, post it to #support on Slack",
            "refund",
        ),
        ("لو الرسالة على الواتس فيها كلمة شكوى ابعتها على سلاك", "شكوى"),
    ],
)
def test_a_condition_on_the_words_of_a_message_compares_its_text(sentence, right):
    proposal = build(sentence)
    (condition,) = [n for n in proposal.flow.nodes if n.type == "core.condition"]
    rule = condition.params["conditions"][0]
    assert rule["operator"] == "contains" and rule["right"] == right and rule["left"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Every day add 1000 contacts from the Leads sheet to Notion",
        "ابعت رسالة شكر للموردين اللي اشتريت منهم على الايميل",
        "When a customer buys, send them a thank-you offer on WhatsApp",
    ],
)
def test_ordinary_requests_near_the_abuse_words_are_not_refused(sentence):
    assert build(sentence).refused is None


# The region's payment services, by the names people write them.


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("when someone pays via moyasar send me an email", "moyasar.payment_paid"),
        ("لما حد يدفع على مويسر ابعتلي ايميل", "moyasar.payment_paid"),
        ("لما حد يدفع على باي موب ابعتلي ايميل", "paymob.payment_succeeded"),
        ("لما حد يدفع على بيموب ابعتلي ايميل", "paymob.payment_succeeded"),
        ("لما حد يدفع على تاب ابعتلي ايميل", "tap.charge_captured"),
        ("paymob payment declined notify me on slack", "paymob.payment_declined"),
        ("لما الدفع يترفض على بايموب ابعتلي واتساب", "paymob.payment_declined"),
        # Paymob's name in two words must not tip a decline into a success.
        ("لو الدفع اترفض في باي موب ابعتلي تيليجرام", "paymob.payment_declined"),
        ("لو دفعة اترفضت على باي موب ابعتلي ايميل", "paymob.payment_declined"),
        ("when a tap payment is declined send me a telegram", "tap.charge_failed"),
    ],
)
def test_moyasar_tap_and_paymob_are_known_by_their_names_and_dialect_spellings(sentence, trigger):
    proposal = build(sentence)
    assert proposal.flow is not None and proposal.flow.nodes[0].type == trigger
    assert not proposal.unsupported


def test_a_payment_that_fails_is_never_taken_for_a_paid_one_even_where_declines_are_known():
    proposal = build("when a moyasar payment fails, email me")
    got = [n.type for n in proposal.flow.nodes] if proposal.flow else []
    assert "moyasar.payment_paid" not in got
    # Moyasar sends a payment_failed event of its own: that is the trigger, nothing lacks
    assert got[0] == "moyasar.payment_failed" and not proposal.unsupported


def test_a_payment_failing_in_the_present_tense_starts_the_declined_trigger_of_its_service():
    proposal = build("لما دفع يفشل في باي موب ابعتلي تيليجرام")
    got = [n.type for n in proposal.flow.nodes] if proposal.flow else []
    assert got == ["paymob.payment_declined", "telegram.send_message"]
    assert not proposal.unsupported


# Google Calendar: appointments and bookings, in the words clinics and salons use.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "لما حدا يحجز موعد بجوجل كالندر ابعتلو واتس",
            ["google_calendar.event_created", "whatsapp.send_template"],
        ),
        (
            "لما ينضاف ميعاد جديد في الاجندة ابعتلي على تيليجرام",
            ["google_calendar.event_created", "telegram.send_message"],
        ),
        (
            "قبل الموعد بساعة ابعت للمريض رسالة SMS",
            ["google_calendar.event_starting_soon", "twilio.send_sms"],
        ),
        (
            "an hour before each appointment text the patient",
            ["google_calendar.event_starting_soon", "twilio.send_sms"],
        ),
        (
            "لما يوصل طلب جديد في شوبيفاي احجز موعد في الكالندر",
            ["shopify.new_order", "google_calendar.create_event"],
        ),
        (
            "every morning at 8 find free time in my calendar and email it to me",
            ["schedule.every", "google_calendar.find_free_time", "email.send_email"],
        ),
    ],
)
def test_google_calendar_is_known_by_its_names_and_the_words_for_appointments(sentence, expected):
    proposal = build(sentence)
    assert proposal.flow is not None and [n.type for n in proposal.flow.nodes] == expected
    assert not proposal.unsupported


# Instagram and Messenger direct messages, by the names people write them; Instagram's and
# Facebook's posts and comments stay something Flowin lacks.


@pytest.mark.parametrize(
    "sentence",
    [
        "When I get an Instagram DM, send it to Slack #social",
        "new messenger message, post it to slack #support",
        "لما يوصلني دايركت على انستا ابعتلي على سلاك",
        "لما حد يبعت رسالة على صفحة الفيسبوك بتاعتي ابعتهالي على سلاك",
        "لما حد يبعتلي على المسنجر ابعتلي على سلاك",
        "لما يجيني مسج على الانستجرام دزه على سلاك",
        "lama had yeb3at msg 3al insta ab3atli 3al slack",
    ],
)
def test_instagram_and_messenger_messages_are_known_by_their_names(sentence):
    proposal = build(sentence)
    assert proposal.flow is not None and not proposal.unsupported, proposal.unsupported
    types = [n.type for n in proposal.flow.nodes]
    assert types == ["instagram_messenger.new_message", "slack.post_message"]


@pytest.mark.parametrize(
    "sentence",
    [
        "when someone messages our facebook page, reply with ChatGPT",
        "لما عميل يبعت رسالة على الانستجرام رد عليه بالذكاء الاصطناعي",
    ],
)
def test_a_reply_to_a_direct_message_goes_back_to_its_sender(sentence):
    proposal = build(sentence)
    reply = proposal.flow.nodes[-1]
    assert reply.type == "instagram_messenger.send_reply"
    assert reply.params["recipient_id"] == "{{ trigger.sender_id }}"


@pytest.mark.parametrize(
    "sentence",
    [
        "when someone follows us on instagram send me a telegram",
        "when a new shopify order comes in post it on instagram",
        "لما حد يعمل كومنت على بوست الفيسبوك ابعتلي رسالة على التليجرام",
    ],
)
def test_instagram_and_facebook_posts_and_comments_are_still_said_to_be_lacking(sentence):
    proposal = build(sentence)
    said = " ".join(proposal.unsupported)
    # named in the sentence's language: "posts and comments", "منشورات … وتعليقاته"
    assert proposal.unsupported and ("posts and comments" in said or "منشورات" in said)
    got = [n.type for n in proposal.flow.nodes] if proposal.flow else []
    assert "instagram_messenger.new_message" not in got


# Outlook (Hotmail) and Excel by their names, in English, Arabic and Arabizi.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "when I get an email in outlook add a row to excel",
            ["outlook.new_mail", "excel.add_row"],
        ),
        ("لما يوصلني بريد في أوتلوك ضيف صف في اكسل", ["outlook.new_mail", "excel.add_row"]),
        ("لما يجي طلب جديد في شوبيفاي سجله في إكسل", ["shopify.new_order", "excel.add_row"]),
        (
            "عند رسالة جديدة في هوتميل ابعتلي على واتساب",
            ["outlook.new_mail", "whatsapp.send_template"],
        ),
        (
            "لما يوصل طلب جديد في سلة ابعت ايميل للعميل من اوتلوك",
            ["salla.new_order", "outlook.send_mail"],
        ),
        (
            "every new stripe payment log it in excel online",
            ["stripe.payment_succeeded", "excel.add_row"],
        ),
        (
            "when someone fills the form, find the customer in excel",
            ["webhook.receive", "excel.find_rows"],
        ),
    ],
)
def test_outlook_and_excel_are_known_by_their_names(sentence, expected):
    proposal = build(sentence)
    assert proposal.flow is not None and [n.type for n in proposal.flow.nodes] == expected
    assert not proposal.unsupported


def test_a_sheet_is_still_google_sheets_and_an_outlook_address_is_only_an_address():
    sheet = build("ضيف صف في الشيت لما يجي طلب في شوبيفاي")
    assert [n.type for n in sheet.flow.nodes] == ["shopify.new_order", "google_sheets.append_row"]
    address = build("every morning at 9 email me at ahmed.shop@outlook.com the new orders")
    assert not any(n.type.startswith("outlook.") for n in address.flow.nodes)
