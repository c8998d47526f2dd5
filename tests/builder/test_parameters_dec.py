"""Parameters a shop owner gives in passing, in both languages: a mobile number written with its
country code but no "+", a value said with a preposition glued on ("فالانستغرام"), the kind of
file a message carries ("the catalogue PDF", "صورة المنتج"). What the sentence says reaches the
step; what it does not say stays for the user to fill, never a default dressed as theirs.

Every sentence here was written for these tests; none comes from a held-out set."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.entities import extract


def param_of(sentence: str, node_type: str, key: str):
    """The value ``key`` has in the step of ``node_type`` built from ``sentence``."""
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    nodes = [n for n in proposal.flow.nodes if n.type == node_type]
    assert nodes, [n.type for n in proposal.flow.nodes]
    return nodes[0].params.get(key)


def phones_of(sentence: str) -> list[str]:
    return [e.value for e in extract(sentence).entities if e.kind == "phone"]


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        (
            "when a new salla order comes in text my manager on whatsapp 966512345678",
            "+966512345678",
        ),
        ("لما يجي طلب جديد في زد ابعت واتساب للمندوب على 971561234567", "+971561234567"),
        ("كل ما يجي اوردر على شوبيفاي ابعت رسالة للمخزن على 201112223334", "+201112223334"),
        ("ملي تجي كوموند جديدة صيفط ميساج ل 212698765432", "+212698765432"),
        ("send an sms to 96599887766 when a payment fails on tap", "+96599887766"),
    ],
)
def test_a_mobile_number_written_with_its_country_code_and_no_plus_is_the_phone(sentence, number):
    assert phones_of(sentence) == [number]


@pytest.mark.parametrize(
    "sentence",
    [
        "when order 966512345 is paid send me an email",  # too short for a Saudi mobile
        "create an invoice for 20231215001 on stripe",  # an Egyptian code, a landline's length
        "add 123456789012 to the sheet",  # no country code at all
    ],
)
def test_a_long_number_that_is_no_mobile_of_any_country_is_not_taken_for_a_phone(sentence):
    assert phones_of(sentence) == []


def test_the_number_reaches_the_message_the_sentence_sends_to_it():
    to = param_of(
        "when a new woocommerce order comes in send a whatsapp to 966501112233",
        "whatsapp.send_template",
        "to",
    )
    assert to == "+966501112233"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ('ملي يوصلني ميساج فالانستغرام جاوبو ب "شكرا، غادي نجاوبوك"', "instagram"),
        ('لما توصل رسالة عالماسنجر رد عليها "اهلا بيك"', "messenger"),
        ('اذا وصلتني رسالة والانستقرام رد ب "هلا"', "instagram"),
    ],
)
def test_a_value_with_a_preposition_glued_on_is_still_that_value(sentence, source):
    assert param_of(sentence, "instagram_messenger.new_message", "source") == source


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("when someone writes prices on whatsapp send them our catalogue PDF", "document"),
        ("لما حد يكتب كلمة منيو عالواتس ابعتله المنيو PDF", "document"),
        ("when a customer messages us on whatsapp send them a photo of the menu", "image"),
        ("لما حد يبعت رسالة عالواتساب ابعتله صورة المنيو", "image"),
        ("when someone messages us on whatsapp send them our video of the shop", "video"),
    ],
)
def test_the_kind_of_file_said_is_the_media_kind(sentence, kind):
    assert param_of(sentence, "whatsapp.send_media", "kind") == kind


def test_a_media_message_that_names_two_kinds_leaves_the_kind_to_the_user():
    sentence = "when someone messages us on whatsapp send them the menu as a photo or a PDF"
    assert param_of(sentence, "whatsapp.send_media", "kind") is None


# Names of Trello lists said in Arabic letters or Arabizi: kept as the user spelt them.


def lists_of(sentence: str) -> list[str]:
    return [e.text for e in extract(sentence).entities if e.kind == "list"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("لما حد يبعت رسالة عالواتس اعمله كارت في تريلو في لستة طلبات جديدة", "طلبات جديدة"),
        ("عند نقل بطاقة في Trello إلى قائمة مكتملة، أرسل رسالة على Slack", "مكتملة"),
        ("لما الكارت يتنقل في تريلو لعمود التسليم ابعتلي رسالة على تيليجرام", "التسليم"),
        ("لما كارت يتنقل لقائمة تم التوصيل ابعت رسالة للعميل", "تم التوصيل"),
    ],
)
def test_a_trello_list_named_in_arabic_keeps_the_name_as_written(sentence, name):
    assert lists_of(sentence) == [name]


def test_a_trello_list_named_in_arabizi_is_the_list():
    assert lists_of("lma yt7arak card 3la trello la list Shipped b3tli msg 3l slack") == ["Shipped"]


@pytest.mark.parametrize(
    "sentence",
    [
        # where the name ends is not clear: asked, not guessed
        "لما كارت يتنقل لقائمة العملاء الجدد المهمين جدا نبهني",
        # a list of prices sent is no Trello list
        "لما يجي طلب جديد في سلة ابعت للعميل قائمة الاسعار على الواتس",
    ],
)
def test_an_arabic_list_name_whose_end_is_unclear_or_no_trello_list_is_not_taken(sentence):
    assert lists_of(sentence) == []


def test_the_arabic_list_name_reaches_the_trello_step():
    sentence = "لما حد يبعت رسالة عالواتس اعمله كارت في تريلو في لستة طلبات جديدة"
    assert param_of(sentence, "trello.create_card", "list_name") == "طلبات جديدة"


# How long before an event, with the event's words in between or said as it nears.


def ahead_of(sentence: str) -> list[dict]:
    return [e.value for e in extract(sentence).entities if e.kind == "ahead"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        (
            "فكرني قبل أي ميعاد في جوجل كالندر بتاع العيادة بنص ساعة على الواتس",
            {"within": 30, "unit": "minutes"},
        ),
        (
            "كي يقرب الموعد ف الكالندر بـ 15 دقيقة ابعث تذكير للمريض ف الواتساب",
            {"within": 15, "unit": "minutes"},
        ),
        (
            "لما يقرب أي اجتماع في التقويم بساعة ابعتلي رسالة",
            {"within": 1, "unit": "hours"},
        ),
    ],
)
def test_the_time_before_an_event_is_read_with_the_events_words_between(sentence, value):
    assert ahead_of(sentence) == [value]


# Days of the week said as a range next to a schedule.


def schedule_of(sentence: str) -> dict:
    (entity,) = [e for e in extract(sentence).entities if e.kind == "schedule"]
    return entity.value


@pytest.mark.parametrize(
    ("sentence", "cron"),
    [
        (
            "في تمام الساعة الخامسة مساءً من كل يوم عمل (من الأحد إلى الخميس) ارسل تقرير المبيعات",
            "0 17 * * 0-4",
        ),
        ("كل يوم عمل الساعة ٩ الصبح ابعتلي الطلبات", "0 9 * * 0-4"),
        ("every day at 8am (monday to friday) send me the orders", "0 8 * * 1-5"),
        ("every business day at 6 pm email me the sales", "0 18 * * 1-5"),
    ],
)
def test_a_range_of_days_said_beside_a_daily_schedule_keeps_it_to_those_days(sentence, cron):
    assert schedule_of(sentence) == {"mode": "cron", "cron": cron}


def test_at_exactly_the_hour_is_part_of_the_time_not_an_order_left_over():
    proposal = build("في تمام الساعة التاسعة صباحاً كل يوم ارسل تقرير مبيعات سلة على الإيميل")
    assert not any("تمام" in part for part in proposal.not_understood), proposal.not_understood


# An e-mail with an attachment: a search for mails that have one, not for the word.


@pytest.mark.parametrize(
    "sentence",
    [
        "عند وصول بريد جديد إلى Gmail يحتوي على مرفق، أضف له التصنيف Invoices",
        "when a new gmail contains an attachment add the label Invoices",
    ],
)
def test_a_mail_that_contains_an_attachment_is_searched_for_one(sentence):
    assert param_of(sentence, "gmail.new_email", "query") == "has:attachment"
    types = [n.type for n in build(sentence).flow.nodes]
    assert "core.condition" not in types


# Fields said in a word or two: a template's language, a webhook answer's status code, the
# calendar an event is in, a Trello board's link, an event's length, a sheet "I named".


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("ارسل رسالة واتساب بالقالب order_ready باللغة العربية لما يجي طلب جديد في سلة", "ar"),
        ("لما يجي طلب جديد في زد ابعت قالب order_ready بالانجليزي عالواتس", "en_US"),
        ("send the whatsapp template order_ready in Arabic for every new shopify order", "ar"),
    ],
)
def test_the_language_said_for_a_template_is_its_language(sentence, language):
    assert param_of(sentence, "whatsapp.send_template", "language") == language


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("when a webhook comes in add a row to my sheet and respond with 201", 201),
        ("لما يجي webhook ضيف صف في الشيت ورد عليه ب 200", 200),
    ],
)
def test_the_status_code_a_webhook_answer_is_said_to_have_is_set(sentence, status):
    assert param_of(sentence, "webhook.respond", "status") == status


def test_the_address_said_after_a_calendar_is_the_calendar_it_watches():
    sentence = "اذا انضاف موعد جديد في كالندر المحل shop@example.com ابعتلي رسالة على تيليجرام"
    assert param_of(sentence, "google_calendar.event_created", "calendar_id") == (
        "shop@example.com"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "كل اثنين الساعة ٩ الصبح ارسل ايميل فيه مواعيد الاسبوع من التقويم على boss@clinic.sa",
        "every monday at 9 send the week's events from my calendar to boss@clinic.sa by email",
    ],
)
def test_an_address_the_calendars_events_are_sent_to_is_no_calendar(sentence):
    kinds = [e.kind for e in extract(sentence).entities if e.text == "boss@clinic.sa"]
    assert kinds == ["email"]


def test_a_trello_board_given_by_its_link_is_the_board():
    sentence = "if a card on https://trello.com/b/Ab12Cd/shop is overdue post in #team on slack"
    assert param_of(sentence, "trello.card_overdue", "board") == "https://trello.com/b/Ab12Cd/shop"


@pytest.mark.parametrize(
    ("sentence", "minutes"),
    [
        ("for every new row in my bookings sheet create a calendar event, 30 minutes each", 30),
        ("لكل صف جديد في شيت الحجوزات اعمل موعد في جوجل كالندر مدته ساعتين", 120),
        ("create a 90-minute calendar event for each new row in my bookings sheet", 90),
    ],
)
def test_the_length_said_of_an_event_is_its_duration(sentence, minutes):
    assert param_of(sentence, "google_calendar.create_event", "duration_minutes") == minutes


def test_a_sheet_the_user_says_they_named_is_that_sheet():
    sheets = [
        e.text
        for e in extract("ملي كيخلص شي كليان ب Stripe يتسجل فـ Google Sheet سميتها Ventes").entities
        if e.kind == "sheet"
    ]
    assert sheets == ["Ventes"]


# The rows or buttons of a message listed after a colon or in brackets, words of any case.


def choices_of(sentence: str) -> list[list[str]]:
    return [e.value for e in extract(sentence).entities if e.kind == "choices"]


@pytest.mark.parametrize(
    ("sentence", "choices"),
    [
        (
            "answer new whatsapp messages with a menu list: Opening hours, Our address, Talk to us",
            ["Opening hours", "Our address", "Talk to us"],
        ),
        (
            "بدي لستة خيارات بالواتس (قص شعر، صبغة، سشوار) تنبعت لكل حدا بيحكي معنا",
            ["قص شعر", "صبغة", "سشوار"],
        ),
        ("رحب بأي حد يكلمنا عالواتس برسالة بزراير (حجز - سؤال)", ["حجز", "سؤال"]),
    ],
)
def test_choices_listed_after_a_colon_or_in_brackets_are_the_messages_choices(sentence, choices):
    assert choices_of(sentence) == [choices]


def test_a_colon_after_a_list_word_followed_by_a_sentence_is_no_list_of_choices():
    sentence = "send me the list: every new order from shopify goes to the sheet, and text me"
    assert choices_of(sentence) == []


# "update the record status to Contacted": the one field said, not every field the event had.


@pytest.mark.parametrize(
    ("sentence", "node_type", "key", "update"),
    [
        (
            "when a new record is added to airtable Clients table email them and update the "
            "record status to Welcomed",
            "airtable.update_record",
            "fields",
            {"Status": "Welcomed"},
        ),
        (
            "when a stripe invoice is paid update the notion page Stage to Paid",
            "notion.update_page",
            "properties",
            {"Stage": "Paid"},
        ),
        (
            "when a new row is added to my Leads sheet whatsapp them and update the row Status "
            "to Contacted",
            "google_sheets.update_row",
            "values",
            {"Status": "Contacted"},
        ),
    ],
)
def test_a_field_set_to_a_value_is_the_update_and_nothing_else(sentence, node_type, key, update):
    assert param_of(sentence, node_type, key) == update


def test_the_value_a_record_is_set_to_is_no_airtable_table():
    sentence = (
        "when a new record is added to airtable Clients table email them and update the "
        "record status to Welcomed"
    )
    assert param_of(sentence, "airtable.update_record", "table") in (None, "Clients")


@pytest.mark.parametrize(
    "sentence",
    [
        "when an email with an attachment arrives in gmail send it to my telegram as a document",
        "لما يجيلي ايميل فيه مرفق عالجيميل ابعته على تيليجرام",
    ],
)
def test_a_mail_said_with_an_attachment_is_read_with_its_attachments(sentence):
    assert param_of(sentence, "gmail.new_email", "read_attachments") is True
