"""The offline builder across Arabic dialects: each sentence was made up for these tests (none
comes from a held-out set), in the words of Egypt, the Gulf, the Levant, the Maghreb, Modern
Standard Arabic and Arabizi. They check mechanisms, not sentences: clitics glued in every order
("فسترايب", "بزد", "عالشيت", "فارسل"), verb forms (past "فشلت", Maghrebi "وصلات"), dialect words
(Maghrebi "كوموند", "خلّص", "جاوب"; Gulf "نزّله"; Egyptian "اما") and Arabizi read through the
Arabic lexicon."""

from __future__ import annotations

import pytest

from flowin_engine.builder import build
from flowin_engine.builder.entities import extract
from flowin_engine.builder.language import arabizi_to_english, canonical, tokens
from tests.builder.built import types

EGYPTIAN = [
    (
        "لو حد دفع على سترايب ابعتلي رسالة على التليجرام",
        ["stripe.payment_succeeded", "telegram.send_message"],
    ),
    (
        "عايز كل ما ييجي اوردر جديد على شوبيفاي يتسجل في الشيت",
        ["shopify.new_order", "google_sheets.append_row"],
    ),
    (
        "لما يوصلني ايميل على الجيميل لخصه بالذكاء الاصطناعي وابعتهولي على السلاك",
        ["gmail.new_email", "openai.generate_text", "slack.post_message"],
    ),
    (
        "اما حد يبعت رسالة على الواتس رد عليه بالشات جي بي تي",
        ["whatsapp.incoming_message", "openai.generate_text", "whatsapp.send_text"],
    ),
    (
        "كل يوم الساعه ٩ الصبح ابعتلي الاوردرات بتاعة شوبيفاي على الايميل",
        ["schedule.every", "shopify.list_orders", "email.send_email"],
    ),
    (
        "لو العميل ساب الكارت في زد ابعتله رسالة على الواتساب",
        ["zid.abandoned_cart", "whatsapp.send_template"],
    ),
    (
        "لما يتعمل كارت جديد على تريلو ابعت رسالة في سلاك",
        ["trello.card_created", "slack.post_message"],
    ),
    (
        "عايز اي زبون جديد في ووكومرس يتضاف في الايرتيبل",
        ["woocommerce.new_customer", "airtable.create_record"],
    ),
    ("لو الدفع فشل في بايموب ابعتلي اس ام اس", ["paymob.payment_declined", "twilio.send_sms"]),
    (
        "اول ما يتحجز ميعاد في الكالندر ابعت للعميل تأكيد على الواتساب",
        ["google_calendar.event_created", "whatsapp.send_template"],
    ),
    ("كل ما الشيت يتضاف فيه صف جديد ابعتلي ايميل", ["google_sheets.new_row", "email.send_email"]),
]

GULF = [
    (
        "ابي كل ما يجيني طلب في سلة ترسل للعميل رسالة واتساب",
        ["salla.new_order", "whatsapp.send_template"],
    ),
    ("يوم يدفع العميل في ميسر طرش لي ايميل", ["moyasar.payment_paid", "email.send_email"]),
    ("لين وصلني ايميل في الجيميل حطه في الشيت", ["gmail.new_email", "google_sheets.append_row"]),
    (
        "ودي اذا انضاف سطر جديد في الشيت تدز لي رساله في التلقرام",
        ["google_sheets.new_row", "telegram.send_message"],
    ),
    ("اذا فشلت دفعة في تاب نبهني على السلاك", ["tap.charge_failed", "slack.post_message"]),
    ("اذا جاني طلب جديد في زد سجله في الاكسل", ["zid.new_order", "excel.add_row"]),
    ("اول ما يسجل عميل جديد في سلة ضيفه في نوشن", ["salla.new_customer", "notion.create_page"]),
    (
        "ابغى لما تتغير حالة الطلب في زد ترسل للعميل واتساب",
        ["zid.order_status_changed", "whatsapp.send_template"],
    ),
    (
        "الحين ابيك كل ما يوصلني ايميل في الاوتلوك تدزه على السلاك",
        ["outlook.new_mail", "slack.post_message"],
    ),
    (
        "كل ما يجيني اوردر في ووكومرس نزله في الشيت",
        ["woocommerce.order_created", "google_sheets.append_row"],
    ),
]

LEVANTINE = [
    (
        "بدي لما يجي طلب جديد عالشوبيفاي ابعتلي رسالة عالتلغرام",
        ["shopify.new_order", "telegram.send_message"],
    ),
    (
        "كل ما حدا يدفع بسترايب سجلو بالشيت",
        ["stripe.payment_succeeded", "google_sheets.append_row"],
    ),
    (
        "وقت يوصل ايميل عالجيميل لخصلي ياه بالذكاء الاصطناعي",
        ["gmail.new_email", "openai.generate_text"],
    ),
    ("لما ينضاف سطر جديد عالشيت ابعت ايميل للمدير", ["google_sheets.new_row", "email.send_email"]),
    ("لما تنعمل بطاقة جديدة بتريلو حطها بالنوشن", ["trello.card_created", "notion.create_page"]),
    (
        "كل ما يجي زبون جديد عالووكومرس ضيفو عسترايب",
        ["woocommerce.new_customer", "stripe.create_customer"],
    ),
    ("إذا اندفعت فاتورة بسترايب بعتلي مسج عالسلاك", ["stripe.invoice_paid", "slack.post_message"]),
    (
        "هيك بدي: لما يجيني مسج عالتلغرام خزنو بالايرتيبل",
        ["telegram.new_message", "airtable.create_record"],
    ),
    (
        "لما حدا يسجل عنا بزد ابعتلو رسالة ترحيب عالواتس",
        ["zid.new_customer", "whatsapp.send_template"],
    ),
]

MAGHREBI = [
    (
        "ملي تجي شي كوموند جديدة فشوبيفاي صيفط للكليان ميساج فالواتساب",
        ["shopify.new_order", "whatsapp.send_template"],
    ),
    (
        "فاش كيخلص شي كليان فسترايب زيد سطر فالشيت",
        ["stripe.payment_succeeded", "google_sheets.append_row"],
    ),
    (
        "بغيت كي يوصلني ايميل فجيميل تصيفطو ليا فتيليجرام",
        ["gmail.new_email", "telegram.send_message"],
    ),
    (
        "كل نهار مع 9 د الصباح صيفط ليا الكوموندات ديال شوبيفاي فالايميل",
        ["schedule.every", "shopify.list_orders", "email.send_email"],
    ),
    (
        "ملي يتزاد كليان جديد فووكومرس دخلو فالايرتيبل",
        ["woocommerce.new_customer", "airtable.create_record"],
    ),
    (
        "فاش كيوصل ميساج فتيليجرام جاوبو بالذكاء الاصطناعي",
        ["telegram.new_message", "openai.generate_text", "telegram.send_message"],
    ),
    ("ملي كتتخلص شي فاتورة فسترايب سجلها فنوطيون", ["stripe.invoice_paid", "notion.create_page"]),
    ("الى وصلات شي كوموند فزد صيفط SMS للكليان", ["zid.new_order", "twilio.send_sms"]),
    (
        "كي يخلص الكليان فبايموب صيفطلي ميساج فسلاك",
        ["paymob.payment_succeeded", "slack.post_message"],
    ),
    ("دابا بغيت ملي يتزاد سطر فالشيت تبعثلي ايميل", ["google_sheets.new_row", "email.send_email"]),
    (
        "ملي كيتسجل كليان جديد فسلة صيفطليه ميساج ديال الترحيب فالواتساب",
        ["salla.new_customer", "whatsapp.send_template"],
    ),
]

MODERN_STANDARD = [
    (
        "عند استلام طلب جديد في سلة أرسل رسالة نصية إلى العميل",
        ["salla.new_order", "twilio.send_sms"],
    ),
    (
        "عندما يدفع العميل عبر تاب أضف صفا إلى جدول البيانات",
        ["tap.charge_captured", "google_sheets.append_row"],
    ),
    (
        "حين تصل رسالة إلى البوت في تيليجرام، أجب عليها باستخدام الذكاء الاصطناعي",
        ["telegram.new_message", "openai.generate_text", "telegram.send_message"],
    ),
    (
        "إذا أضيفت بطاقة جديدة في تريلو فأرسل إشعاراً إلى قناة #dev في سلاك",
        ["trello.card_created", "slack.post_message"],
    ),
    (
        "كلما وصلت رسالة بريد إلكتروني إلى أوتلوك احفظها في نوشن",
        ["outlook.new_mail", "notion.create_page"],
    ),
    (
        "عند تسجيل عميل جديد في ووكومرس أنشئ له سجلاً في ايرتيبل",
        ["woocommerce.new_customer", "airtable.create_record"],
    ),
]

ARABIZI = [
    ("lama yegi order gdid 3ala salla ab3at lel 3amil sms", ["salla.new_order", "twilio.send_sms"]),
    ("law 7ad dafa3 3ala paymob 7otto fel excel", ["paymob.payment_succeeded", "excel.add_row"]),
    (
        "kol ma yewsalni email 3al gmail la5aso bel ai w ab3ato 3al slack",
        ["gmail.new_email", "openai.generate_text", "slack.post_message"],
    ),
    (
        "mlli twsl chi commande f shopify sifetli msg f telegram",
        ["shopify.new_order", "telegram.send_message"],
    ),
    (
        "3ayez lama had yeb3at message 3al whatsapp erod 3aleh bel chatgpt",
        ["whatsapp.incoming_message", "openai.generate_text", "whatsapp.send_text"],
    ),
    (
        "lamma yetdaf row gdid fel sheet ib3at resala 3al telegram",
        ["google_sheets.new_row", "telegram.send_message"],
    ),
    (
        "bdi waqt yeji email jdid 3al outlook 7ottu bl airtable",
        ["outlook.new_mail", "airtable.create_record"],
    ),
    (
        "kil ma yisajel 3ameel jdid fe zid dezli resala 3al telegram",
        ["zid.new_customer", "telegram.send_message"],
    ),
    (
        "ana 3awez lamma el customer yedfa3 fe stripe yetba3atlo email",
        ["stripe.payment_succeeded", "email.send_email"],
    ),
    ("mnin ywsal chi email f gmail 7etto f notion", ["gmail.new_email", "notion.create_page"]),
    (
        "kel ma 7ada yektob bel slack ba3tli yeha 3al whatsapp",
        ["slack.new_message", "whatsapp.send_template"],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), EGYPTIAN)
def test_egyptian_sentences_build_their_trigger_and_steps(sentence, expected):
    assert types(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), GULF)
def test_gulf_sentences_build_their_trigger_and_steps(sentence, expected):
    assert types(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), LEVANTINE)
def test_levantine_sentences_build_their_trigger_and_steps(sentence, expected):
    assert types(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), MAGHREBI)
def test_maghrebi_sentences_build_their_trigger_and_steps(sentence, expected):
    assert types(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), MODERN_STANDARD)
def test_modern_standard_sentences_build_their_trigger_and_steps(sentence, expected):
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("فارسل", "ارسل"),  # "so send"
        ("وسجل", "سجل"),
        ("فشلت", "فشل"),  # the past's ت
        ("بزد", "zid"),  # a two-letter name with "in" glued on, in its one name
        ("فتاب", "تاب"),
        ("لووكومرس", "woocommerce"),  # a service has one name in both scripts
        ("وعالسلاك", "slack"),
        ("جاوبو", "رد"),
        ("كيخلص", "دفع"),  # Maghrebi: pays
        ("الكوموندات", "طلبات"),  # the plural asks for a list
        ("نوطيون", "notion"),
    ],
)
def test_a_word_is_read_under_its_clitics_and_dialect_spelling(word, meaning):
    assert canonical(word) == meaning


def test_sms_spelt_in_arabic_letters_is_one_word():
    assert tokens("ابعتلي اس ام اس") == ["ارسل", "sms"]


@pytest.mark.parametrize(("sentence", "expected"), ARABIZI)
def test_arabizi_sentences_build_their_trigger_and_steps(sentence, expected):
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("arabizi", "english"),
    [
        ("yb3atli", "send"),  # يبعتلي: through the Arabic lexicon, not the Arabizi list
        ("ytsajal", "log"),  # يتسجل
        ("tfashel", "fails"),  # تفشل
        ("mawa3eed", "appointment"),  # مواعيد, the bare word
        ("7ottoun", "add"),  # حطّوهن
        ("tilab", "order"),  # طلب
        ("commandes", "orders"),  # French, as Maghrebi Arabizi mixes it in
    ],
)
def test_an_arabizi_word_is_read_by_its_sound_through_the_arabic_lexicon(arabizi, english):
    assert arabizi_to_english(f"lama 3ayez {arabizi}").split()[-1] == english


@pytest.mark.parametrize(
    "sentence",
    [
        "Every Friday at 5pm send the week's Stripe payments total to my Telegram",
        "when a new order comes in at 5pm post the total to slack",
    ],
)
def test_english_words_are_never_sounded_out_as_arabizi(sentence):
    assert arabizi_to_english(sentence) == sentence


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("التليقرام", "telegram"),  # Gulf ق for ج, mistyped under its article
        ("كرت", "كارت"),
        ("لينك", "رابط"),
        ("جيبلي", "هات"),
        ("انقبلت", "نجاح"),  # a payment accepted
        ("حولهالي", "ارسل"),  # forward it to me
        ("يكبس", "ضغط"),  # Levantine: presses (a button)
        ("زراير", "ازرار"),
        ("مسدج", "رساله"),
        ("الفلو", "تدفق"),
        ("ينحطون", "اضف"),  # the plural's ون
    ],
)
def test_gulf_levantine_and_egyptian_loanwords_meet_the_manifests_words(word, meaning):
    assert canonical(word) == meaning


@pytest.mark.parametrize(
    ("sentence", "schedule"),
    [
        ("كل خمس عشرة دقيقة ابحث في ايرتيبل", {"mode": "interval", "every": 15, "unit": "minutes"}),
        (
            "كل ثلاثين دقيقة اجلب طلبات شوبيفاي",
            {"mode": "interval", "every": 30, "unit": "minutes"},
        ),
        ("كل يوم الساعة السابعة صباحا ارسل لي تقرير", {"mode": "cron", "cron": "0 7 * * *"}),
        ("كل يوم الصبح الساعة تمانية ابعتلي", {"mode": "cron", "cron": "0 8 * * *"}),
        ("كل نهار على الثمنية د الصباح صيفط", {"mode": "cron", "cron": "0 8 * * *"}),
        ("كل يوم على الخامسة تاع العشية ابعثلي", {"mode": "cron", "cron": "0 17 * * *"}),
        ("كل سيمانة نهار الجمعة مع 6 دالعشية صيفط", {"mode": "cron", "cron": "0 18 * * 5"}),
    ],
)
def test_arabic_numbers_and_parts_of_the_day_said_in_words_set_the_schedule(sentence, schedule):
    (entity,) = [e for e in extract(sentence).entities if e.kind == "schedule"]
    assert entity.value == schedule


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a service named in Latin letters in an Arabic sentence meets the Arabic phrases
        (
            "لما يوصل طلب جديد في Shopify سجله في Notion",
            ["shopify.new_order", "notion.create_page"],
        ),
        # an Instagram message said in dialect is a direct message, which Flowin has
        (
            "لما حد يبعت على الانستا رد عليه بكلمة شكرا",
            ["instagram_messenger.new_message", "instagram_messenger.send_reply"],
        ),
        (
            "لين تجيني رسالة على الانستقرام احفظها في نوشن",
            ["instagram_messenger.new_message", "notion.create_page"],
        ),
        # Maghrebi wishes and Levantine يا ريت are no step of their own
        (
            "نحب كل ما يجي ايمايل ف outlook يتلخص بالذكاء الاصطناعي",
            ["outlook.new_mail", "openai.generate_text"],
        ),
        (
            "يا ريت كل طلب جديد بالووكومرس ينحفظ بالشيت",
            ["woocommerce.order_created", "google_sheets.append_row"],
        ),
        # MSA "سير عمل" is a flow
        (
            "عند فشل أي سير عمل، انشر رسالة في قناة #ops على سلاك",
            ["core.on_failure", "slack.post_message"],
        ),
    ],
)
def test_mixed_scripts_and_dialect_wishes_build_their_steps(sentence, expected):
    proposal = build(sentence)
    assert proposal.flow is not None and not proposal.unsupported
    assert [n.type for n in proposal.flow.nodes] == expected
    assert not proposal.not_understood


def test_a_service_has_one_word_in_both_scripts():
    assert canonical("سترايب") == canonical("stripe") == canonical("فستريب")
    assert canonical("الواتساب") == canonical("whatsapp")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "ba3d ma" (after), "esta2a" (wait): the wait between the event and the step
        (
            "ba3d ma el 3amil yedfa3 3al stripe esta2a sa3a w ib3atlo email",
            ["stripe.payment_succeeded", "core.delay", "email.send_email"],
        ),
        # "kol email yeji": each one that comes is the event
        ("kol email yeji 3la gmail 7ottoh fel notion", ["gmail.new_email", "notion.create_page"]),
        # "yrd 3leh": reply to him, where the message came from
        (
            "lama 7ad yb3atli 3al telegram yrd 3leh bel ai",
            ["telegram.new_message", "openai.generate_text", "telegram.send_message"],
        ),
        ("kol 15 da2ay2 shof el orders fe shopify", ["schedule.every", "shopify.list_orders"]),
        # Maghrebi "ki" (when) and "zido" (add it; bare "zid" is the store)
        ("ki yji message f telegram zido f notion", ["telegram.new_message", "notion.create_page"]),
    ],
)
def test_arabizi_particles_and_short_verbs_build_their_steps(sentence, expected):
    assert types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the request around the flow ("make me something that…") is no step, nor a question
        (
            "ودي اسوي شي اذا فشل الدفع بتاب يرسل للعميل SMS",
            ["tap.charge_failed", "twilio.send_sms"],
        ),
        (
            "اعملي حاجة لما الكارت يتنقل في تريلو تبعت رسالة في سلاك",
            ["trello.card_moved", "slack.post_message"],
        ),
        # a cart left behind (Egyptian ساب/يسيب), "من غير ما يدفع" is "without paying"
        (
            "لما حد يسيب الكارت في زد من غير ما يدفع استنى ساعتين وبعدين ابعتله واتس",
            ["zid.abandoned_cart", "core.delay", "whatsapp.send_template"],
        ),
    ],
)
def test_requests_around_the_flow_and_carts_left_behind(sentence, expected):
    proposal = build(sentence)
    assert [n.type for n in proposal.flow.nodes] == expected
    assert not proposal.not_understood


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "جاية" (coming in) is the event's verb; "عالواتس" is a service, not an order
        (
            "لو الرسالة اللي جاية عالواتس فيها كلمة سعر ابعتله قائمة الاسعار",
            ["whatsapp.incoming_message", "core.condition", "whatsapp.send_list"],
        ),
        (
            "لو رسالة جاية عالواتس حولهالي على التليجرام",
            ["whatsapp.incoming_message", "telegram.send_message"],
        ),
    ],
)
def test_an_if_with_an_arabic_event_and_a_service_is_the_event(sentence, expected):
    proposal = build(sentence)
    assert [n.type for n in proposal.flow.nodes] == expected
    assert not proposal.not_understood


def test_maghrebi_arabizi_with_french_days_and_hours_sets_the_schedule():
    said = "chaque jeudi 10h30 sifet liya les commandes dial shopify f l email"
    assert arabizi_to_english(said) == (
        "every thursday at 10:30 send me the orders of shopify on the email"
    )
    proposal = build(said)
    assert proposal.flow.nodes[0].params["cron"] == "30 10 * * 4"
    assert proposal.flow.nodes[-1].type == "email.send_email"
