"""The builder that needs no model: it splits the sentence into clauses and gives each the node
type whose manifest phrases (English and Arabic) it matches best. Deterministic: the same
sentence and the same connectors always give the same flow."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..registry import NodeType, Registry
from .assemble import (
    LOOP_TYPE,
    PREVIOUS_STEP,
    PlannedStep,
    assemble,
    flow_name,
    split_problems,
)
from .catalogue import CONDITION_TYPE, MANUAL_TYPE, SCHEDULE_TYPE, WAIT_TYPE, Catalogue, Match
from .entities import MARKER, QUOTES, REPORTED_SPEECH, Entity, Extraction, extract
from .errors import BuilderError
from .first_contact import write_first
from .language import (
    Language,
    arabizi_to_english,
    canonical,
    detect_language,
    normalize,
    tokens,
    verbal_nouns_as_orders,
)
from .learned import LEARNED_PHRASE, shipped_model
from .lexicon import EVENT_READINGS, ORDER_READINGS, VERBAL_NOUN_ORDERS
from .limits import phone_call, refusal, too_long, too_many_steps, unsupported
from .pleasantries import about_the_user, pleasantry_only, without_greeting, without_pleasantries
from .proposal import Missing, Proposal
from .shape import BY_HAND, STATUS_EN, shape
from .variables import STATE_WORDS, SUBJECTS, Source, _choices, find_field, flatten
from .website import site_as_webhook

MATCH_THRESHOLD = 0.42

_WHEN = (
    r"when|whenever|once|as soon as|every time|each time|if|after|on new|on a new|on every|on each|"
    r"for every new|for each new|for any new|new|عند|عندما|لما|لمن|اول ما|اول لما|كل ما|كلما|"
    r"متي ما|متي|يوم ما|يوم|اذا|لو|حين|حينما|مع كل|وقت ما|وقت|بمجرد ما|بمجرد|ملي ما|ملي|فاش|كي|"
    r"بعد ما|بعدما|"
    # "بعد كل طلب", Gulf "عقب كل طلب" (after each order): the event; "بعد ساعتين" is a wait
    r"بعد(?=\s+(?:كل|اي)\s)|"
    # Egyptian "اما" and Maghrebi "منين" (when), Maghrebi "الى" (if)
    r"اما|منين|الي|ازا|ايلا|كان|"  # Tunisian كان, Moroccan ايلا: if
    r"حالما|اينما|كل مره|لين|بس|each new|every new|any new|"
    # Maghrebi "كيف يتحرك كارت…" (as/when a card moves): "how" elsewhere, and a question
    # ("كيف اعمل…", how do I) has its verb in the first person
    r"كيف(?=\s+[يت][\u0621-\u064a]{2,})"
)
# An English event said with its "when" (not "new …", "if …")
_SAID_WHEN = re.compile(r"\s*(?:when|whenever|once|as soon as|every time|each time)\b", re.I)
_WISH_MID = r"(?:ابي|ابيه|ابيها|ابيهم|ابغي|ابغاه|ابغاها|ودي|بدي|بديه|بديها|نبي|نبيه)"
_STARTS_WISH = re.compile(r"^\s*" + _WISH_MID + r"\s")
_STARTS_WHEN = re.compile(r"^\s*(?:و|ف)?(?:" + _WHEN + r")(?:\s|$)")
_OPENS_EVENT = re.compile(
    r"\s*(?:when|whenever|after|once|as soon as|عند|عندما|لما|بعد ما|بعدما|اول ما)\s", re.IGNORECASE
)
_WHEN_ALONE = re.compile(r"\s*(?:و|ف)?(?:" + _WHEN + r")\s*")
# Egyptian/Levantine passive past said of a feminine subject ("حالته اتغيرت", "الشحنة
# اتسلمت", "الفاتورة اندفعت"): never an order, which no "…ت" ends ("اتصل" is one).
_PASSIVE_PAST = re.compile(r"(?:ات|ان)[\u0621-\u064a]{2,}ت")
# Gulf/Egyptian/Levantine passives: "ينضاف", "يتسجل", "انحجز", "اتضاف"
_PASSIVE_PREFIXES = ("ين", "تن", "يت", "تت", "ان", "ات")
_SPLIT = re.compile(
    r"\s*[,;.!?:]+\s+|\s*[;!?]+\s*|\s*(?:→|->|=>)\s*"
    # "عميل جديد في Stripe = ايميل ترحيب": an Arabic "=" between the event and its step (an
    # English one joins a noun flow: "each new sheet row = new trello card")
    r"|\s+=\s+(?=[\u0600-\u06ff])"
    # "→ Trello card + WhatsApp the customer": a "+" between spaces joins two steps
    r"|\s+\+\s+"
    r"|,?\s+(?:and then|and also|and after that|and afterwards|then|after that|afterwards|also|and)\s+"
    r"|\s+(?:ثم|وبعدين|بعدين|وبعدها|بعدها|وبعد ذلك|بعد ذلك|وبعد كده|بعد كده|وبعد كذا|بعد كذا|"
    r"وكمان|وايضا|وبعد ما|وبعدما|وكذلك)\s+"
    r"|\s+(?=(?:when|whenever|as soon as|once)\s)"
    # "whenever a patient books … I'd like the booking added to Google Calendar": the wish
    # starts what is to be done, as Gulf "…ابي" does below
    r"|(?<=\S)\s+(?=(?:i'd like|i would like|i want|i need|we'd like|we want|we need)\s"
    r"(?!(?:when|whenever|if|every|each)\b))"
    # "ابعت الفاتورة … بعد ما يدفع على سترايب": "after" opens the event said after the order
    # ("الدفع عند الاستلام" is cash on delivery, no "when")
    r"|(?<!الدفع)(?<!دفع)\s+(?=(?:عند|عندما|لما|لمن|اول ما|كلما|كل ما|متي ما|بمجرد|ملي|فاش|بعد ما"
    r"|بعدما)\s)"
    # "شيك على الموقع واذا طاح …", "شوف الطلبات ولو في …": a check, then what to do after it
    r"|(?<!شوف)(?<!شيك)(?<!تحقق)(?<!تاكد)(?<!check)(?<!see)\s+(?=(?:و)?(?:اذا|ازا|ايلا|لو)\s"
    r"(?!سمحت|سمحتي|تكرمت))"
    # Maghrebi "و الى نزل …" (and if it falls), Tunisian "وكي يكون …" (and when there is): after
    # an "and", "الى" before a verb is "if" (before a noun, "and to": "وإلى العميل")
    r"|\s+(?=و\s?(?:الي|كي)\s+(?!ال)[\u0621-\u064a]{2,}(?:\s|$))"
    # Gulf "خله ينحفظ", "خليه يرسل": have it be saved / have it send — a step of its own.
    r"|\s+(?=(?:خله|خليه|خليها|خلها|خلي|خل)\s)"
    # Gulf/Levantine "…ابي حالة طلبه تتغير", "…ابيه ينضاف": the wish starts what is to be done
    r"|\s+(?=" + _WISH_MID + r"\s)"
    # "each new Gmail message should be summarised by ChatGPT": the passive order is a step.
    r"|\s+(?=(?:should|must|will|needs to|has to|is to)\s+(?:then\s+)?(?:be|get)\s+\w+ed\b)",
    re.IGNORECASE,
)
# "و" glued to a verb starts a new clause: "...للعميل وسجل الطلب" → "سجل الطلب"; so does a
# passive ("…يتلخص ويتبعت على سلاك": and it gets sent), though not "and he sends it" ("ويبعتو"),
# which goes on with the step before.
# Maghrebi and Levantine writers often space the "و" off ("و حطهم ف airtable", "و زيد
# commentaire"): the same "and", the same test of the word after it.
_VERB_WAW = re.compile(r"\s+و\s?(?=(?:ا|ن|س|ح|ر|ب|خ|ع|ت|ض|ج|ك|ق|ل|م|ص|ف|د|ط|غ|ز|يت|ين)\S+)")
# Gulf/Egyptian/Maghrebi "خلي chatgpt يلخصه ويرسل لي الخلاصة", "خليه يلخصو و يحط الملخص ف
# الشيت": after "have it do", each verb joined by "و" is one more thing it does, a step of its
# own (elsewhere "ويبعتو" goes on with the step before).
_HAVE_IT_DO = re.compile(r"(?<!\S)(?:خل|خلي|خليه|خله|خلها|خليها|خلو)\s")
# ("…يكتب رد ويبعتو", the verb alone at the end, sends what it wrote: the step before's)
_HAVE_IT_DO_AND = re.compile(r"\s+و\s?(?=(?:ي|بي)[\u0621-\u064a]{2,}\s+\S)")
# "ويرد ب ok ويسجلها في Airtable", "ويرد عليهم بتم ويبعتلي": a reply holds its short answer;
# the "و" and the verb after it are the next thing the flow does, a step of its own.
_REPLY_THEN = re.compile(
    r"(?P<reply>(?<!\S)(?:و|ف)?(?:يرد|ترد|يجاوب|تجاوب|يرجع)\s+(?:(?:علي|على)\S*\s+)?"
    r"(?:\S+\s+)?ب\s?\S+)\s+و\s?(?=(?:ي|بي)[\u0621-\u064a]{2,})"
)
# "otherwise" starts the condition's false branch.
_OTHERWISE = re.compile(
    r"(?:,\s*|\s+|^)(?:otherwise|or else|else|if not|if it isn'?t|if it'?s not|sinon|"
    r"والا|وان لم|والا لا|غير كده|غير كذا|غير ذلك|غير هيك|وغير كده|وغير كذا|وغير ذلك|وغير هيك|"
    r"ولو لا|لو لا|ولو لأ|"
    r"وفي غير ذلك|وفي الحاله الثانيه|في الحاله الثانيه)(?=[\s,]|$)[\s,]*",
    re.IGNORECASE,
)
# A preposition of place right before a word: "… on whatsapp", "… in telegram".
_WHERE_BEFORE = re.compile(r"\b(?:on|in|via|through|over|at)\s+$", re.IGNORECASE)
_VAGUE_IF = re.compile(
    r"^\s*(?:only\s+|بس\s+|فقط\s+)?(?:و)?\s?(?:if|in case|لو|اذا|ازا|ايلا|ان|في حال"
    r"|الي(?=\s+(?!ال))|(?:(?<=و)|(?<=و\s))كي)\s",
    re.IGNORECASE,
)
# After the event, "يوصلني إشعار" (a notification reaches me) is the order to send one.
_REACHES_ME = re.compile(
    r"(?<=\S)\s+(?P<and>و|ف)?(?:يوصلني|توصلني|يجيني|تجيني|يوصلنا|توصلنا|يجينا|يطلعلي|يوصلي|توصلي|"
    r"يجيلي|تجيلي|يبعتلي|يترسلي|يترسللي|نتوصل|نوصل|يتبعتلي|يتبعتلنا"
    # "…ويوصل اشعار عالسلاك" (and a notification arrives): joined to an order, to no one said
    r"|(?P<bare>يوصل|توصل|يجي|تجي|يطلع))\s+"
    r"(?=(?:ب|ع|عال|عل|علي\s+)?(?:ال)?(?:اشعار|رساله|ايميل|email|مسج|تنبيه|sms|"
    r"واتساب|تقرير|ميساج|مسيج|نوتيفيكيشن|"
    # the service it comes by, said for the message: Gulf "يجيني واتس", "يوصلني تلقرام"
    r"واتس|وتساب|تلقرام|تليقرام|تيليقرام|تيليجرام|تلجرام|تليجرام|تلغرام|تيليغرام|سلاك|"
    r"اس\s*ام\s*اس|مسدج|whatsapp|telegram|slack)(?:\s|$))"
)
# What is gathered, not what happens: "ملخص طلبات سلة، ابعته…" reads the orders there are.
_GATHERED = re.compile(
    r"\b(?:summary|summaries|report|reports|list|all|total|totals)\b"
    r"|(?<!\S)(?:ب|ل)?(?:ال)?(?:ملخص|تقرير|قائمه|قايمه|اجمالي|مجموع|جميع|كل ال)\S*",
    re.IGNORECASE,
)
# "every/each/any …", "كل/لكل …": the event said inside a clause, read there.
_EACH_SAID = re.compile(r"\b(?:every|each|any)\b|(?<!\S)(?:ل|ب)?كل(?!\S)", re.IGNORECASE)
# "كل طلب جديد" (each new order) is an event, not a loop over a list.
_EACH_NEW = re.compile(
    r"(?<!\S)كل\s+(?=(?:ال)?(?:طلب|اوردر|عميل|زبون|رساله|ايميل|صف|دفعه|فاتوره|مسج|كليان|حدث)\s+"
    r"(?:ال)?(?:جديد|جديده|جدد|جداد|وارد|وارده)(?!\S))"
)
# "عند تسجيل طلب جديد في WooCommerce", "مع تسجيل كل اوردر": an order recorded by the
# store is an order come in, its arrival ("عند وصول …"); read word by word, "عند تسجيل"
# matched a new customer's sign-up ("عند تسجيل عميل جديد"), whose noun was not said.
_ORDER_RECORDED = re.compile(
    r"(?<!\S)(?P<when>عند|حين|بعد|مع|لدى)\s+تسجيل\s+(?=(?:كل\s+)?(?:ال)?(?:طلب|اوردر|طلبيه)(?!\S))"
)
# "كل عميل جديد يتسجل في ووكومرس", "كل طلب جديد بيجي على زد": the new one's verb, said in the
# third person or the passive with the service it happens on, is the event's, not an order
# ("يتسجل" read as "record it" cut the event from its store).
_NEW_ONE_DONE_ON = re.compile(
    r"(?P<event>عند وصول (?:ال)?\S+\s+(?:ال)?(?:جديد|جديده|جدد|جداد|وارد|وارده))\s+"
    r"(?P<verb>(?:ي|ت|بي|بت)\S{2,})\s+(?P<on>(?:في|على|علي|ع|من)\s+\S+)"
)
# "وحولها لجاري التجهيز", "عدله لمكتمل", "حول الطلب لتم الشحن": turning a record to a state is
# changing its status, said as the status change the manifests say ("غير حاله … ل…"). Only
# before a state: "حولها لي عالايميل" forwards it.
_TURNED_TO_STATE = re.compile(
    r"(?<!\S)(?P<and>و|ف)?(?:حول|غير|بدل|عدل|حدث)(?:ه|ها|هم|و)?\s+"
    r"(?:(?:ال)?حال(?:ه|ت(?:ه|ها|هم|و))\s+)?(?P<object>ال\S+\s+)?"
    r"(?=(?:ل|الي\s+)(?:" + "|".join(map(re.escape, STATE_WORDS)) + r")(?!\S))"
)
# "make a row", "create a new line", "سو صف", "اعمل سطر جديد", "انشئ صف": a row is made only by
# adding it; said with "make", the words of the row alone read as editing one ("edit the sheet
# row"). Said as the order the add phrases use.
_ROW_MADE = re.compile(
    r"(?<![\w\u0621-\u064a])(?P<and>و|ف)?(?P<verb>make|create|سو|سوي|اعمل|انشي|انشئ)"
    r"(?:\s+(?:me|us|لي|لنا))?\s+(?=(?:(?:a|an)\s+)?(?:new\s+)?(?:rows?|lines?|entry|entries"
    r"|صف|صفوف|سطر|سطور)(?![\w\u0621-\u064a]))",
    re.IGNORECASE,
)
_ADD = {True: "add", False: "اضف"}
# "if any of my flows fails", "لو أي فلو وقع", "اذا فشل أي flow عندي", "كي يصرا خطأ ف أي flow",
# Arabizi "kol ma tfashel ay flow" (read as "whenever fails any flow"): another of the user's
# flows failing, said in any order and dialect, is the one event of core.on_failure. "flow" is
# too common a word for the phrases to weigh it, so the event is said in the manifest's words.
_FLOW_NOUN = (
    r"(?:(?:work)?flows?|automations?|zaps?|(?:ال)?تدفق(?:ات)?(?:ي|نا)?|(?:ال)?فلو(?:هات|ات|ز)?)"
)
_FLOW_QUANTIFIER = (
    r"(?:(?:any|one|some|each|every|another|a|an|the)\s+(?:(?:of\s+)?(?:my|our|the)\s+)?"
    r"(?:other\s+)?|(?:my|our)\s+(?:other\s+)?|(?:اي|احد|واحد من|كل|ايه)\s+)"
)
_FLOW_OWNER = (
    r"(?:\s+(?:عندي|عندنا|بتاعي|بتاعنا|ديالي|ديالنا|تبعي|تبعنا|حقي|حقنا|of mine|of ours"
    # "flow تاع الكوموندات", "the flow of the orders": which flow, one word after "of"
    r"|(?:تاع|متاع|ديال|بتاع|تبع|حق|of the|of)\s+[^\s\ue000-\uf8ff]+))"
)
_FLOW_FAIL = (
    r"(?:fail(?:s|ed|ing)?|(?:has|have|hits?|gets?|throws?)\s+an?\s+error|errors?(?:\s+out)?"
    r"|crash(?:es|ed)?|breaks?|broke|stops?\s+working|goes\s+down"
    r"|[يت]?فشل(?:ت)?|[يت]?وقع(?:ت)?|[يت]?قع|خطا|غلط(?:ه)?|ايرور|[يت]?تعطل|عطل|[يت]?ضرب"
    # Maghrebi: it fell ("طاح", "يطيح"), French "erreur"
    r"|طاح(?:ت)?|[يت]طيح|erreur)"
    # "…طاح ف erreur", "fails with an error": where it fell said after it
    r"(?:\s+(?:ف|في|ب|with|in)\s+(?:an?\s+)?(?:erreur|errors?|خطا|ايرور))?"
)
_FLOW_FAILS = re.compile(
    r"(?<!\S)(?:(?:if|when|whenever|once|each time|every time|عند|عندما|لما|لمن|اذا|ازا|ايلا|لو"
    r"|كي|كل ما|كلما|ملي|منين|الي|اما|متي ما|حين)\s+)?"
    r"(?:(?:حدث|يحدث|صار|يصير|يصرا|صرا|حصل|يحصل|تحصل|طلع|يطلع|كان في|في|فيه|there is|there's)"
    r"\s+(?:an?\s+)?)?"
    r"(?:"
    + _FLOW_QUANTIFIER
    + r"?"
    + _FLOW_NOUN
    + _FLOW_OWNER
    + r"?\s+"
    + _FLOW_FAIL
    + r"|"
    + _FLOW_FAIL
    + r"\s+(?:(?:in|on|of|with|في|ف|فى|ب|مع)\s+)?"
    + _FLOW_QUANTIFIER
    + r"?"
    + _FLOW_NOUN
    + _FLOW_OWNER
    + r"?)(?![\w\u0600-\u06ff])",
    re.IGNORECASE,
)


def _flow_fails(match: re.Match[str]) -> str:
    arabic = re.search(r"[\u0600-\u06ff]", match.group(0)) is not None
    return " ; عندما يفشل تدفق اخر ; " if arabic else " ; when another flow has an error ; "


# "text me on Telegram": "text" as a verb, with a service named for it, is a message sent there
# (read word by word, "text" and "telegram" made it "change the message text on Telegram"); said
# without a service ("text me at 055…") it stays a text message, an SMS.
# "…at 9 am texts my staff group on telegram": the flow's own deed ("texts"), unless someone
# else does it ("when a customer texts us on WhatsApp" is the event).
_TEXT_ON = re.compile(
    r"\btext(?P<s>s)?(?=\s+(?:me|us|him|her|them|the\s+\w+|my\s+\w+|our\s+\w+|customers?"
    r"|clients?)"
    r"(?:\s+\S+){0,4}?\s+(?:on|via|over|in|through)\s+(?:whats\s*app|whatsapp|wa|telegram|slack)\b)",
    re.IGNORECASE,
)


# "when someone texts my business whatsapp", "a customer texts us on telegram": someone else
# writing there is that service's incoming message, not a text message (SMS) coming in.
# So does someone sending or writing there: "if someone sends the word menu on whatsapp"
# (Arabizi "law 7ad ba3at …"), "when a customer writes 'price' on telegram".
_SOMEONE_TEXTS = re.compile(
    r"\b(?P<who>someone|somebody|anyone|anybody|customers?|clients?|people|they|he|she|who)\s+"
    r"(?:texts?(?=\s+(?:\S+\s+){0,3}?(?:whats\s*app|whatsapp|wa|telegram)\b)"
    r"|(?:sends?|sent|writes?|wrote)(?=\s+(?:\S+\s+){0,5}?(?:on|in|via|to|over)\s+"
    r"(?:our\s+|my\s+|the\s+)?(?:whats\s*app|whatsapp|wa|telegram)\b))",
    re.IGNORECASE,
)


# "لما العميل يبعت رسالة على الواتس", "كي الحريف يبعث ميساج", "اذا حدا بعت": someone else
# sending is their message coming in, as the manifests say it ("يراسلنا"); read word by word,
# "customer" and "message" made it "when the customer reads the message".
_SOMEONE_SENDS_AR = re.compile(
    r"(?<!\S)(?P<who>(?:ال)?(?:عميل|زبون|زبونه|كليان|حريف|مشتري)|حد|حدا|احد|واحد|شي\s+واحد)"
    r"\s+(?:(?:ي|بي|كي|ت|بت|كت)?(?:بعت|بعث|رسل|صيفط|سيفط)(?:ل[يوه]|لنا|لي)?"
    # Levantine "بيحكي معنا", Maghrebi "يهضر معانا", MSA "يتواصل معنا" (talks with us): the
    # same message coming in, said as the talking
    r"|(?:ي|بي|كي|ت|بت|كت)?(?:حكي|هضر|تواصل)\s+(?:مع|معا)(?:نا|ي|اي|انا))(?=\s|$)"
)


# Egyptian/Levantine/Maghrebi لستة, ليستة: a list to pick from (WhatsApp's, in MSA's word
# "قائمة") when what it holds is said: "ليستة فيها خياراتنا", "لستة خيارات", "ليستة بالمنتجات
# يختار منها". Said alone it is as often a Trello list ("في لستة طلبات جديدة") or a price list.
_LIST_TO_PICK = re.compile(
    r"(?<!\S)(?:ال)?(?:لسته|ليسته|ليستا|لستا)(?=\s+(?:فيها|فيه|بيها|خيارات|اختيارات|بالخيارات"
    r"|بال\S+\s+(?:ي|ت)ختار))"
)


def _text_on(match: re.Match[str]) -> str:
    before = match.string[: match.start()].split()
    if match.group("s") and before and before[-1].lower() in _NOT_BEFORE_ORDERS | {"who"}:
        return match.group(0)
    return "message"


# "every 15 minutes check if there are new emails on Gmail", "كل ربع ساعة شوف اذا في ايميلات
# جديدة", "every 5 min check for new orders": a check for new things every few minutes or
# hours is how a service's new-item trigger works (it polls), so it is that event, said
# with "when"; read as said, it was a schedule and a step made of "emails" (a send). Only of
# a service whose triggers poll: a store tells of each order at once, so "every 2 hours check
# for new orders on Shopify" is a schedule and the orders listed, a batch.
_CHECK_FOR_NEW = re.compile(
    r"\b(?:check|see|look)\s+(?:if|whether|for)\s+(?:(?:there\s+(?:are|is)|there's"
    r"|we\s+(?:have|got)|i\s+(?:have|got))\s+)?(?:any\s+)?(?=new\b)"
    r"|(?<!\S)و?(?:شوف|شيك|تشيك|تحقق|افحص|اتاكد|بص|طل)\s+(?:اذا|ازا|لو|ان|هل|ايلا)\s+"
    r"(?:(?:في|فيه|فيش|كاين|فما)\s+)?(?=\S+\s+(?:ال)?(?:جديد|جديده|جدد|جداد)(?!\S))",
    re.IGNORECASE,
)
_POLLED_UNITS = frozenset(["minutes", "hours"])
# How many words after "check if there are" still say what is checked and whose
_CHECKED_WITHIN = 4


# "presses the Confirm button under my Telegram bot's message", "a button below the message
# of our bot": the message is where the button is, not a message that came in. Read word by
# word, "bot's message" outweighed the button pressed; the button keeps its service's name.
_BUTTON_UNDER_MESSAGE = re.compile(
    r"\b(?P<button>buttons?)\s+(?:under|below|beneath|in|on|of|attached to)\s+"
    r"(?:the\s+|my\s+|our\s+|a\s+|your\s+)?(?P<service>telegram\s+)?(?:bot'?s?\s+)?"
    r"(?:message|msg)s?(?:\s+(?:of|from)\s+(?:the\s+|my\s+|our\s+)?(?P<owner>telegram\s+)?bot)?\b",
    re.IGNORECASE,
)


def _button_under_message(match: re.Match[str]) -> str:
    service = match.group("service") or match.group("owner") or ""
    return f"{match.group('button')} {service}".strip()


# "بدي اعمل بوت تلغرام لما حدا يكتبلو …", "نحب بوت تيليغرام كي يكتبلو حد …": the bot asked for
# is where someone writes ("to it"): that service's incoming message, the bot itself no step.
_BOT_WRITTEN_TO = re.compile(
    r"(?<!\S)(?:(?:اعمل|نعمل|اعملي|سوي|اسوي|سويلي|دير|ديرلي|صاوب|ابي|بدي|نحب|حاب|عايز|ودي|ابغي|"
    r"بغيت|اريد)\s+)*(?:ال)?بوت\s+(?P<service>\S+)\s+"
    r"(?P<when>لما|كي|اذا|ازا|لو|كل ما|كلما|ملي|وقت ما|عندما|عند ما|اول ما)\s+"
    r"(?P<who>(?:(?:ال)?(?:حد|حدا|احد|واحد|زبون|عميل|كليان)|اي حد|شي واحد)\s+)?"
    r"(?P<verb>(?:ي|بي|ك)?(?:كتبل[وه]|كتب\s+ل[وه]|بعتل[وه]|بعثل[وه]|راسل[وه]|حكيلو|كلم[وه])"
    r"|(?:ي|بي)?حكي\s+مع[وه])"
    r"(?P<after>\s+(?:(?:ال)?(?:حد|حدا|واحد|زبون|عميل|كليان)|شي واحد))?(?=\s|$)"
)


def _bot_written_to(match: re.Match[str]) -> str:
    who = f"{match.group('who') or ''}{(match.group('after') or '').strip()}".strip()
    return f" {match.group('when')} {who} {match.group('verb')} علي {match.group('service')} "


def _and_have_it_do(match: re.Match[str], text: str) -> str:
    clause = re.split(r"[;,.]", text[: match.start()])[-1]
    return " ; " if _HAVE_IT_DO.search(clause) else match.group(0)


OTHERWISE_MARK = "\u0001"
# Services whose name is also an order to send by them: "email me", "sms me", "whatsapp them".
_SENDS_BY_NAME = frozenset(
    ["email", "e-mail", "mail", "gmail", "sms", "text", "whatsapp", "telegram", "slack", "dm"]
)
# A value set on a record, said as an order with no service: "set Status to Contacted", "set it
# on-hold", "mark them processing", "change its status to Paid".
_SETS_VALUE = re.compile(
    r"^\s*(?:set|mark|change|update|switch|flag)\s+"
    r"(?:(?:it|them|its|their|this|that|the)\s+)?(?:\w+\s+)?"
    r"(?:(?:to|as|=)\s+)?\S",
    re.IGNORECASE,
)
# A store's status said as where a record goes: "order to processing", "set it as delivered",
# "status = shipped", "status → cancelled"
_STATUS_SET = re.compile(
    rf"(?:\b(?:to|as)|=|→|->)\s+[\"'«]?(?:{STATUS_EN})\b(?!\s+(?:orders?|ones|customers?)\b)",
    re.IGNORECASE,
)
_STATUS_CHANGES = ("update", "change", "set", "mark")
# A writer taking back what they just said: "… actually no, …", "… no sorry. …".
_CORRECTION = re.compile(
    r"(?<!\w)(?:actually\s+no|no\s+sorry|sorry\s+no|no\s+wait|wait\s+no|"
    r"scratch\s+that|forget\s+that|never\s*mind|ignore\s+that|no\s+actually)\b[\s.,;:…!-]*",
    re.IGNORECASE,
)
# "إلى x@y", "to the team at x@y": where something goes (an address extracted), said alone
_TO_AFTER_SCHEDULE = re.compile(
    r"(?:الي|ل|لل|علي|to)\s+(?:\S+\s+){0,3}?" + MARKER.pattern, re.IGNORECASE
)
# The prepositions that say where something is put: "في ملف Excel", "إلى Notion", "عالشيت",
# Egyptian/Maghrebi "فالشيت", "ف الشيت"
# English too, as Arabizi is read: "7ot kol row gdeed fel sheet fel airtable" (put each new
# row of the sheet in Airtable) is "add whenever a new row in sheet | in airtable".
# An update's verb in its canonical form: the imperative, the Gulf passive "يتحدث", English.
_UPDATE_VERBS = frozenset(["حدث", "update", "updates"])
_UPDATES = ("update", "upsert")
_PLACE_LINK = re.compile(
    r"(?<!\S)(?:في|الي|علي|ع|ل|لل|ب|ف|in|into|to|on)\s+|(?<!\S)(?=(?:عال|بال|لل|فال)\S)"
)

# An event said as the object of an order: "a welcome email to new Stripe customers", "email
# me the rows added to my sheet", "ابعت ترحيب لكل عميل جديد".
_EVENT_OBJECT = [
    re.compile(
        r"\b(?:to|for|about|of|on)\s+(?:(?:every|each|all|any|my|our|the)\s+)*(?P<event>new\s+.+)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?P<event>(?:the\s+)?(?:new\s+)?(?:rows?|orders?|messages?|e-?mails?|payments?|customers?"
        r"|invoices?|entries|entry|pages?)\s+(?:that\s+(?:are|were|get|gets|come)\s+)?"
        r"(?:added|created|placed|posted|received|coming in|arriving|paid|sent)\b"
        # where the event happens belongs to it: "the rows added to my Orders sheet" (not
        # where it goes: "invoices paid into my sheet" are logged there)
        r"(?:(?:(?<=added)|(?<=posted))\s+(?:to|into|in|on|at)\s+(?:my|our|the|a)\s+(?:\S+\s+){0,2}?"
        r"(?:sheet|spreadsheet|store|shop|database|channel|inbox|account|form|bot)s?\b)?.*?)"
        r"(?=\s+(?:into|to|onto|in|on)\s+(?:my|our|the|a)\b|$)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<!\S)(?:ل|لل|الي|علي)\s*(?P<event>(?:كل\s+)?(?:ال)?(?:عميل|عملاء|زبون|طلب|طلبات|اوردر|صف|دفعه)"
        r"\s+(?:ال)?(?:جديد|جديده|جدد|جداد)\b.*)$"
    ),
    # the event said as the people it concerns: "a welcome message to anyone who messages us on
    # WhatsApp", "the price list for everyone who writes to our bot" — what they do is the event
    re.compile(
        r"\b(?:to|for)\s+(?P<event>(?:anyone|anybody|everyone|everybody|whoever|each\s+person"
        r"|every\s+person|any\s+person|people|each\s+customer|every\s+customer|any\s+customer"
        r"|customers|clients)\s+(?:who|that)\s+.+)$",
        re.IGNORECASE,
    ),
    # "…لأي حد يكلمنا عالواتس", "…لكل حدا بيحكي معنا", "…لأي واحد يراسلنا": the same in Arabic
    # (a verb after them: "لكل واحد في الفريق" is who receives it, no event)
    re.compile(
        r"(?<!\S)ل(?:اي|كل)\s+(?P<event>(?:حد|حدا|احد|واحد|شخص|مين)\s+(?:اللي\s+|الي\s+)?"
        r"(?:ي|ب|بي|ت|بت|كي|كت)[\u0621-\u064a]{2,}(?:\s.*)?)$"
    ),
    # "…لكل رسالة بريد جديدة تصل إلى Outlook", "…لكل حجز يجيني من الموقع", "لكل طلب زد": each
    # of them, new or not, is the event
    re.compile(
        r"(?<!\S)لكل\s+(?P<event>(?:ال)?(?:عميل|زبون|طلب|اوردر|صف|دفعه|رساله|مسج|ميساج|ايميل|بريد|سجل|"
        r"حجز|موعد|حدث|بطاقه|كرت|كارت|فاتوره|اشتراك|مشترك)\s.*)$"
    ),
]
# The people an event concerns, opening it ("anyone who …", "حد يراسلنا"): where they act is
# where the order that answers them is sent, when the event names no service of its own.
_PEOPLE_WHO = re.compile(
    r"\s*(?:anyone|anybody|everyone|everybody|whoever|each|every|any|people|customers|clients"
    r"|حد|حدا|احد|واحد|شخص|مين)\b",
    re.IGNORECASE,
)
# A request's polite opening is no step: "can you make it so", "could you set up an automation
# that", "please create a flow where".
_PREAMBLE = re.compile(
    r"^\s*(?:(?:hey|hi|hello)\b(?:\s+\w+)?\s*,?\s*)?(?:so\s+)?"
    r"(?:(?:can|could|would)\s+(?:you|u)\s+(?:please\s+|pls\s+|plz\s+)?"
    r"|(?:please|pls|plz)\s+(?:can\s+(?:you|u)\s+)?"
    r"|i\s+(?:want|need|would\s+like|'d\s+like)\s+(?:you\s+)?(?:to\s+)?)?"
    r"(?:make|set\s+up|setup|create|build)\s*(?:me\s+)?"
    r"(?:(?:it\s+so|a\s+flow|an?\s+automation|something|a\s+workflow|a\s+zap)\b"
    r"\s*(?:that|which|where|so\s+that|so|to)?\s*,?"
    # "can u set up: …", "please build this: …": what to make follows the colon
    r"|(?:this|that|the\s+following)?\s*:)\s*(?=\S)",
    re.IGNORECASE,
)
# "i need that every time someone texts …", "I want whenever a client books …": the wish said
# before the event is no step of its own; the sentence starts at its "when".
_WISH_BEFORE_WHEN = re.compile(
    r"^\s*(?:(?:hey|hi|hello)\b(?:\s+\w+)?\s*,?\s*)?(?:so\s+)?(?:basically\s+)?"
    r"i\s+(?:want|need|would\s+like|'d\s+like)\s+(?:that\s+|it\s+so\s+that\s+)?"
    r"(?=(?:every\s*time|whenever|each\s+time|when|once)\b)",
    re.IGNORECASE,
)
# Gulf "ودي" (I'd like) before any "when" ("ودي لين …", "ودي عقب ما …") or a verb in the
# subjunctive ("ودي ينرسل …"); Egyptian "ودّي" (take, send) is said before its object instead.
_GULF_WISH = r"ودي|ودنا"
_GULF_WISH_BEFORE = r"(?=\s+(?:(?:" + _WHEN + r")(?:\s|$)|ا|[يتن][\u0621-\u064a]{2,}(?:\s|$)))"
_ROLE_WORDS = re.compile(
    r"^\s*(?:(?:and|then|also|و|ثم|ف)\s+)?(?:(?:i want|i'd like|i would like|please|ابغي|ابي|"
    r"(?:" + _GULF_WISH + r")" + _GULF_WISH_BEFORE + r"|عايز|"
    r"عاوز|بدي|بغيت|حابب|نبي|نبغي|اريد|ياريت|حاب|نحب|راني حاب|عافاك)\s+)?(?:(?:and|then|also|و|ثم|ف)\s+)?",
    re.IGNORECASE,
)
# "just" opening a step: Levantine/Egyptian بس, Maghrebi غير, MSA فقط.
_JUST = re.compile(r"^\s*(?:just|only|simply|بس|غير|فقط)\s+", re.IGNORECASE)
# "ودي اسوي شي اذا…", "اعملي حاجة لما…", "دير ليا شي حاجة ملي…" (make me something that…): the
# request around the flow, no step of its own.
_AR_PREAMBLE = re.compile(
    r"^\s*(?:(?:ودي|ابي|ابغي|ابغا|ابا|ابيك|ابغاك|نبيك|بغيت|عايز|عاوز|بدي|حاب|نحب|ممكن|لو سمحت"
    r"|عافاك)\s+)*"
    r"(?:اسوي|نسوي|تسوي|سويلي|سوي لي|اعمل|نعمل|تعمل|اعملي|تعملي|اعمللي|اعمل لي|دير|دير ليا|ديرلي"
    r"|صاوب|صاوبلي|صاوب ليا|عطني|اعطني|عطيني)\s+(?:لي\s+|ليا\s+)?"
    r"(?:شي\s+حاجه|شي|حاجه|واحد\s+الحاجه|طريقه)"
    r"(?:\s+(?:بحيث|عشان|علشان|باش|اللي|لي))?(?:\s+|$)"
    # MSA "يرجى إنشاء أتمتة تقوم بـ…", "أرغب في إعداد تدفق": the request, no step
    r"|^\s*(?:(?:يرجي|ارجو|نرجو|ارغب|نرغب|اود|نود|اريد|نريد|قم|في|ب)\s+)*"
    r"(?:انشي|اعد|اعداد|جهز|تجهيز|بناء|ابن)\s+(?:اتمته|تدفق|تدفقا|سير\s+عمل|نظام|نظاما)"
    r"(?:\s+(?:بحيث|تقوم\s+ب|يقوم\s+ب))?(?:\s+|$)"
)
_WISH_ONLY = re.compile(
    r"(?:ودي|ودنا|ودي اني|ابي|ابغي|ابغا|ابا|يبيلي|ابيك|ابغاك|بدي|عايز|عاوز|عايزه|بغيت|حابب|نبي|نبغي|اريد|ياريت|نفسي|حاب|نحب|"
    r"i want|i'd like|i would like|please|ana 3ayez|ana 3awez|ana bghit|bghit|biddi|baddi)"
)
# A bot of a service, said before what it does ("ابي بوت تيليجرام اذا…"): the service, no step.
_BOT_WORDS = frozenset(["بوت", "البوت", "bot", "بوط"])
# Verbs of making a thing that say no step of their own: "make the bot of telegram".
_MAKING = frozenset(["make", "build", "create", "setup"])
# Words some phrases start with that are no order ("عميل شوبيفاي جديد", "كل طلبات…").
_NOT_ORDERS = frozenset(
    [
        "عميل",
        "كل",
        "بعد",
        "لكل",
        "عندما",
        "فقط",
        "لا",
        "والا",
        "شرط",
        "عنصر",
        "تاخير",
        "حسب",
        "بناء",
        "لاحقا",
        "يصلني",
        "تذكير",
        "الرد",
        "ارسال",
        "مر",
        "رساله",
        "طلب",
        "حاله",
        "تفاصيل",
    ]
)
# "Make", "do": stop words in a phrase ("اعمل عميل جديد"), and yet an order.
_DO_WORDS = frozenset(["اعمل", "سوي", "سو", "اعملي"])
_PRONOUN_SUFFIXES = ("هولي", "هالي", "ها", "هم", "ه", "و", "وا", "لي", "لو", "له", "ني")
_DATIVE_SUFFIXES = ("لي", "لنا", "له", "لها", "لهم", "لو")
# Two letters that some action phrases open with and yet no order: "ماله" (what's with it).
_PARTICLES = frozenset(["في", "ما", "فى"])
_DETERMINERS = frozenset(["the", "a", "an", "my", "our", "your", "this", "that", "each", "every"])
# Who does the event ("حد يبعت", "someone sends"): the verb after them is no order.
_SUBJECT_WORDS = frozenset(
    [
        "حد",
        "حدا",
        "احد",
        "واحد",
        "عميل",
        "العميل",
        "زبون",
        "الزبون",
        "someone",
        "somebody",
        "anyone",
        "customer",
        "a customer",
        "client",
        "كليان",
        "الكليان",
        "شخص",
    ]
)
# "sent" in the past, spelt as the order "send" is: after its subject in an event ("لو العميل
# ارسل …"), the event's verb.
_SENT_IN_THE_PAST = frozenset(["ارسل", "ارسلت", "ارسلو"])
# Verbs of an event, past or present ("جه", "وصل", "يجي", "بيوصل"): once one is said, a
# "have it done" verb after it is an order.
_EVENT_VERBS = frozenset(
    [
        "جه",
        "جا",
        "وصول",
        "جات",
        "جت",
        "وصل",
        "وصلت",
        "دفع",
        "اشتري",
        "كتب",
        "بعت",
        "جاني",
        "جالي",
        "اجاني",
        "اتعمل",
        "اتضاف",
        "طاح",
        "دخل",
        "نزل",
        "سجل",
        "اشترك",
        # a customer's answer: "لو العميل رد على الواتس بكلمة الغاء تتغير حالة طلبه…"
        "رد",
        "ردت",
        "ردو",
        "جاوب",
        # pressing a button, the user's or a customer's: "كل ما اضغط تشغيل", "لو كبس الزر"
        "اضغط",
        "ادوس",
        "اكبس",
        "ضغط",
        "ضغطت",
        "داس",
        "دست",
        "كبس",
        "كبست",
        "get",
        "gets",
        "comes",
    ]
)


# The words an event said as a subject opens with: "كل دفعة تنجح…", "اي طلب يوصل…".
_SUBJECT_QUANTIFIERS = frozenset(["كل", "اي", "ايه", "اى"])
# Arabic words before a noun and never before an order: "لكل سجل" is each record, not "log";
# "عند وصول حدث" the arrival of an event, not "update"
_EACH_WORDS = frozenset(["كل", "لكل", "بكل", "جميع", "لجميع", "كافه", "وصول", "ورود"])
# "who/which" after the subject's noun: "العميل اللي يسيب السلة", MSA "الطلب الذي يصل".
# "there is" before a noun: "لو في طلبات", "الى كاين شي جديد", "كي يكون فما جديد".
_THERE_IS = frozenset(["في", "فيه", "فما", "كاين", "كاينه", "فيش"])
_RELATIVES = frozenset(["اللي", "الذي", "التي", "الذين", "اللى"])
# The English subject of its own event: "WhatsApp messages that fail, …", "any email that
# bounces", "messages which get delivered": a noun (up to four words) and "that/which" with
# what happens to it, no "when" said. Only a verb of happening after "that": "the rows that
# I added" or "orders that are over $100" stay what they are.
_EN_SUBJECT_EVENT = re.compile(
    r"(?:[\w']+\s+){1,4}(?:that|which)\s+(?:"
    r"fail(?:s|ed)?|bounce(?:s|d)?|(?:get|gets|are|is|were|was)\s+(?:not\s+)?"
    r"(?:delivered|read|seen|rejected|declined)|(?:aren'?t|isn'?t|don'?t\s+get|doesn'?t\s+get)"
    r"\s+delivered)\b"
)


# The one form the lexicon gives every person, tense and passive of an event's verb ("ترك",
# "سابت" → leave; "اندفع", "دفعت" → pay): the event has its verb in any of them.
_EVENT_MEANINGS = frozenset(["يصلني", "ترك", "دفع", "رفض", "فشل", "تغير"])


def _has_event_verb(words: list[str]) -> bool:
    for word in words:
        bare = word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word
        if word in _EVENT_VERBS or bare in _EVENT_VERBS or canonical(bare) in _EVENT_MEANINGS:
            return True
        if len(bare) >= 3 and bare.startswith(("ي", "بي", "بت", "بن")):
            return True
        if len(bare) >= 4 and bare.startswith("ت") and canonical(bare) != bare:
            return True
        if len(bare) >= 5 and bare.startswith(("ان", "ات")) and canonical(bare) != bare:
            return True  # Gulf "انضاف", Egyptian "اتسجل": the past passive
    return False


@dataclass
class Clause:
    text: str  # normalized, with entity markers
    entities: list[Entity]
    starts_with_when: bool
    otherwise: bool = False  # said after "otherwise": the condition's false branch
    step: NodeType | None = None  # the step it is, when read with the clause around it

    def words(self) -> list[str]:
        return tokens(MARKER.sub(" ", self.text).lower())

    def said(self, extraction: Extraction) -> str:
        return MARKER.sub(lambda m: extraction.entity(m.group(0)).text, self.text).strip(" ,")


class OfflineBuilder:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.catalogue = Catalogue(registry)
        self._verbs = self._action_verbs()
        # the words of each service's own name ("google", "calendar"; "stripe")
        self._service_names = {
            connector.id: frozenset(
                tokens(normalize(connector.manifest.name).lower()) + connector.id.split("_")
            )
            for connector in registry.connectors
        }
        # A step that routes by cases (a switch) is said with a word that routes ("depending
        # on", "حسب"); its phrases' other words ("status", "في حالة") alone mean no route.
        self._routers = frozenset(t.type for t in registry.node_types if t.manifest.outputs_from)
        # the stores a shop's website can be (Shopify, Salla, Zid, WooCommerce)
        self._stores = {
            connector.id: connector.manifest.category == "E-commerce"
            for connector in registry.connectors
        }

    def _unrouted(self, text: str) -> frozenset[str]:
        """The routing types ``text`` can't mean: all of them, unless it says a route."""
        return frozenset() if _ROUTES.search(normalize(text)) else self._routers

    def _action_verbs(self) -> set[str]:
        """First words of the action phrases (send, post, أرسل, أضف, انشر…): a clause can end
        before one of them ("لما يجي اوردر سجله في الشيت"), and a 'و' before one joins two steps.
        English words that triggers use too ("email", "text") are no sign of a new step."""
        verbs: set[str] = set()
        trigger_words: set[str] = set()
        for entry in self.catalogue.entries:
            manifest = entry.node_type.manifest
            for phrase in [*manifest.phrases.en, *manifest.phrases.ar]:
                words = normalize(phrase).split()
                if entry.node_type.is_trigger:
                    trigger_words.update(words)
                elif words:
                    verbs.add(words[0])
        # Only English: in Arabic the stem of a trigger's "يرسل" is the order "أرسل" too.
        used_by_triggers = {canonical(w) for w in trigger_words if w.isascii()}
        self._any_verbs = {canonical(v) for v in verbs}
        return self._any_verbs - used_by_triggers - _NOT_ORDERS

    def _split_run_on(self, clause: Clause, extraction: Extraction) -> list[Clause]:
        """Split "when a new order comes in send a whatsapp" before the verb that starts the
        second step, when both halves match a node type well. Not when the whole clause matches
        one step (in its role: trigger after "when", else action) better than either half does:
        "ابحث عن الطلبات غير المدفوعة" is one step, though "غير" also means "change"."""
        role = clause.starts_with_when
        whole = self.catalogue.best(clause.words(), role)
        # "reply that we'll call back in 15 minutes": the words reported are the message's,
        # no step of their own
        reported = REPORTED_SPEECH.search(clause.text)
        for word in list(re.finditer(r"\S+", clause.text))[2:]:
            if reported is not None and word.start() >= reported.end():
                break
            # "…payment fails email me": a word events use too, as an order to someone
            to_someone = _ORDER_TO_SOMEONE.match(
                clause.text, word.start()
            ) is not None or _order_to_address(clause.text, word.start(), extraction)
            # "…added to my sheet send an email": an English order in its bare form, not
            # someone's deed ("when a customer sends …", "they send")
            said_before = clause.text[: word.start()].split()
            # "…يترد عليه": an answer; "when a client replies", "لو العميل رد": the event
            # ("…from a customer reply with …": the customer is where it came from)
            reply = _REPLY_WORD.fullmatch(word.group(0)) is not None and not (
                said_before
                and said_before[-1].lower() in _SUBJECT_WORDS
                and not {w.lower() for w in said_before[-3:-1]} & {"from", "من"}
            )
            lowered = word.group(0).lower()
            # "…a new shopify order it sends me a whatsapp": what "it" (the flow) is to do
            it_does = (
                len(said_before) >= 2
                and said_before[-1].lower() == "it"
                and lowered.endswith("s")
                and (lowered[:-1] in _BARE_ORDERS or lowered[:-2] in _BARE_ORDERS)
            )
            to_someone = (
                to_someone
                or it_does
                or (
                    lowered in _BARE_ORDERS
                    and bool(said_before)
                    and said_before[-1].lower() not in _NOT_BEFORE_ORDERS | _DETERMINERS
                    # "my Instagram post", "the Slack post": a noun after a service's name
                    and (
                        lowered not in _NOUNS_TOO
                        or said_before[-1].lower() in _PLACE_NOUNS
                        or not self.catalogue.connectors_named(tokens(said_before[-1].lower()))
                    )
                    and not unsupported(said_before[-1].lower(), "en")
                )
            )
            if (
                not reply
                and not to_someone
                and not self._is_order(
                    word.group(0), clause.text[: word.start()], not clause.starts_with_when
                )
            ):
                continue
            left = Clause(clause.text[: word.start()], [], clause.starts_with_when)
            # "…the invoice pdf | after stripe invoice is paid": a half that opens with "when"
            # or "after" is the event, said after the order
            right = Clause(
                clause.text[word.start() :],
                [],
                _OPENS_EVENT.match(clause.text[word.start() :]) is not None,
            )
            left_words, right_words = left.words(), right.words()
            head = self.catalogue.best(left_words, True) or self.catalogue.best(left_words, False)
            tail = self.catalogue.best(right_words, False)
            lacking_left = bool(unsupported(left.text.lower(), "en"))
            if lacking_left and tail and tail.score >= MATCH_THRESHOLD:
                left.entities = extraction.in_text(left.text)
                right.entities = extraction.in_text(right.text)
                return [left, *self._split_run_on(right, extraction)]
            replies = (
                head is not None
                and head.node_type.type in _REPLY_ACTIONS
                and _REPLY_WORD.search(right.text) is not None
            )
            if replies and head.score >= MATCH_THRESHOLD:
                # "…on WhatsApp, reply with a welcome": an answer, whatever its words weigh
                left.entities = extraction.in_text(left.text)
                right.entities = extraction.in_text(right.text)
                return [left, *self._split_run_on(right, extraction)]
            if head and tail and min(head.score, tail.score) >= MATCH_THRESHOLD:
                in_role = self.catalogue.best(left_words, role)
                best_half = max(tail.score, in_role.score if in_role else 0.0)
                two_services = (
                    head.named
                    and tail.named
                    and head.node_type.connector.id != tail.node_type.connector.id
                )
                # "لما يجي حجز من الموقع ضيفه في الكالندر": an event read whole only by the
                # service named after the order is no event of that service; it is where the
                # order puts it
                named_after_order = (
                    role
                    and whole is not None
                    and whole.named
                    and whole.node_type.connector.id in self.catalogue.connectors_named(right_words)
                    and whole.node_type.connector.id
                    not in self.catalogue.connectors_named(left_words)
                )
                # "لما يكبس الزبون عالزر بالبوت تبع التلغرام عدل الرسالة": the event its own
                # words read (a button pressed) is not another of its service's events because
                # the order after it speaks of a message
                own_event = (
                    role
                    and whole is not None
                    and in_role is not None
                    and in_role.score >= MATCH_THRESHOLD
                    and in_role.node_type.is_trigger
                    and whole.node_type.connector.id == in_role.node_type.connector.id
                    and whole.node_type.type != in_role.node_type.type
                )
                if (
                    whole is not None
                    and whole.score > best_half
                    and not two_services
                    and not named_after_order
                    and not own_event
                ):
                    continue
                left.entities = extraction.in_text(left.text)
                right.entities = extraction.in_text(right.text)
                return [left, *self._split_run_on(right, extraction)]
        return [clause]

    def build(
        self,
        sentence: str,
        language: Language | None = None,
        names_language: Language | None = None,
    ) -> Proposal:
        language = language or detect_language(sentence)
        long_message = too_long(sentence, language)
        if long_message is not None:
            return Proposal(question=long_message, language=language)
        sentence = without_greeting(_corrected(sentence))
        refused = refusal(sentence, language)
        if refused is not None:
            return Proposal(refused=refused, language=language)
        lacking = unsupported(normalize(sentence), language)
        said = _arabizi_outside_quotes(sentence)
        # the post-pass reads what the sentence says as the clauses did: Arabizi in English,
        # its verbs of arriving ("yegi", "ja6ni" → "get") as arriving, not as fetching
        read = re.sub(r"\bget\b", "comes", said) if said != sentence else sentence
        if not self._names_a_store(sentence):
            said = site_as_webhook(said)
        extraction = extract(said)
        clauses = self._clauses(extraction)
        said_words = re.findall(r"[\w\u0600-\u06ff]+", sentence)
        steps, not_understood = self._plan(clauses, extraction, language, said_words)
        steps = [step for step in steps if not _a_call_read_as_a_request(step)]
        swapped = [self._swapped_for_a_lack(step) for step in steps]
        not_understood += [
            step.said
            for step, swap in zip(steps, swapped, strict=True)
            if swap and step.said not in not_understood
        ]
        steps = [step for step, swap in zip(steps, swapped, strict=True) if not swap]
        steps = shape(steps, read, self.catalogue, self.registry, _REPLY_ACTIONS, language)
        _same_place(steps)
        self._dm_to_me(steps)
        not_understood += self._left_out(clauses, extraction, steps, not_understood)
        not_understood = [said for said in not_understood if not self._pleasantry(said)]
        said_lacking = list(dict.fromkeys(item.message for item in lacking))
        calls = phone_call(normalize(sentence).lower(), language)
        if calls is not None:
            said_lacking.append(calls)
        too_many = too_many_steps(len(steps), language)
        if too_many is not None:
            return Proposal(question=too_many, unsupported=said_lacking, language=language)
        if not steps:
            return Proposal(
                not_understood=not_understood or [sentence.strip()],
                unsupported=said_lacking,
                question=_QUESTION[language],
                language=language,
            )
        assembled = assemble(steps, flow_name(sentence), language, self.registry, names_language)
        to_fill, wrong = split_problems(assembled.flow, self.registry)
        missing = list(assembled.missing)
        known = {(m.node, m.field) for m in missing}
        for problem in to_fill:
            if (problem.node, problem.field) not in known:
                missing.append(
                    Missing(
                        node=problem.node or "", field=problem.field or "", message=str(problem)
                    )
                )
        if wrong:  # the builder's own mistake, never the user's
            raise BuilderError(
                "The offline builder made a flow that can't run: " + "; ".join(map(str, wrong))
            )
        proposal = Proposal(
            flow=assembled.flow,
            explanation=assembled.explanation,
            not_understood=not_understood,
            unsupported=said_lacking,
            missing=missing,
            source="offline",
            language=language,
            review=True,
        )
        return write_first(proposal, self.registry, names_language)

    def _swapped_for_a_lack(self, step: PlannedStep) -> bool:
        """Whether ``step`` is another service's, made of words that name a service Flowin
        lacks and not its own: "add the buyer to my Klaviyo list" made a Shopify customer."""
        if step.node_type.is_trigger or step.node_type.connector.id in _NEVER_A_SWAP:
            return False
        said = normalize(step.said).lower()
        if not any(not item.event for item in unsupported(said, "en")):
            return False
        return step.node_type.connector.id not in self.catalogue.connectors_named(tokens(said))

    def _dm_to_me(self, steps: list[PlannedStep]) -> None:
        """A Slack DM to the one who asks ("send me a slack dm", "ابعتلي رسالة خاصة على سلاك")
        is a Slack message to them: finding a person by e-mail is for an address the step
        is given, and none is here."""
        for step in steps:
            if (
                step.node_type.type == _SLACK_DM_BY_EMAIL
                and not any(entity.kind == "email" for entity in step.entities)
                and _TO_ME.search(step.said.lower())
            ):
                step.node_type = self.registry.get(_SLACK_MESSAGE)

    def _names_a_store(self, sentence: str) -> bool:
        """Whether the sentence names a store the app knows: its website is that store."""
        named = self.catalogue.connectors_named(tokens(normalize(sentence).lower()))
        return any(self._stores.get(connector, False) for connector in named)

    def _clauses(self, extraction: Extraction) -> list[Clause]:
        # MSA's "قم بإرسال", "يتم تسجيل": the order's verb, as other dialects say it
        text = verbal_nouns_as_orders(extraction.text)
        # "اعملي زرار اشغله بايدي يجيب …", "a button I press that sends …": how the flow starts
        # (read again from the whole sentence when it is shaped), no word of the step it opens —
        # its "button" would otherwise read as a bot's buttons or a message with buttons
        text = BY_HAND.sub(" ", text)
        text = self._polled(text, extraction)
        # Schedules, waits and conditions are clauses of their own.
        for marker in MARKER.findall(text):
            entity = extraction.entity(marker)
            if (
                entity.kind == "ahead"
                and not entity.inside_event
                and entity.text.lower().endswith("before")
                and text.split(marker, 1)[1].strip(" ,.;")
            ):
                # "send a reminder 2 hours before on Telegram": how long before the event
                # belongs to the event, wherever it is said; in place it would cut the step
                text = text.replace(marker, " ") + f" ; {marker}"
            elif (
                entity.kind in ("schedule", "wait", "condition", "ahead")
                and not entity.inside_event
            ):
                text = text.replace(marker, f" ; {marker} ; ")
        # "كل طلب جديد" (each new order) is the event, its arrival said without a verb.
        text = _EACH_NEW.sub("عند وصول ", text)
        text = _NEW_ONE_DONE_ON.sub(self._done_on_its_service, text)
        text = _ORDER_RECORDED.sub(lambda m: f"{m.group('when')} وصول ", text)
        text = _TURNED_TO_STATE.sub(
            lambda m: f"{m.group('and') or ''}غير حاله {m.group('object') or ''}", text
        )
        text = _ROW_MADE.sub(
            lambda m: f"{m.group('and') or ''}{_ADD[m.group('verb').isascii()]} ", text
        )
        text = _BOT_WRITTEN_TO.sub(_bot_written_to, text)
        text = _BUTTON_UNDER_MESSAGE.sub(_button_under_message, text)
        text = _FLOW_FAILS.sub(_flow_fails, text)
        text = _SOMEONE_TEXTS.sub(lambda m: f"{m.group('who')} messages", text)
        text = _SOMEONE_SENDS_AR.sub(lambda m: f"{m.group('who')} يراسلنا", text)
        text = _LIST_TO_PICK.sub("قايمه", text)
        text = _TEXT_ON.sub(_text_on, text)
        text = _REACHES_ME.sub(_reaches_me, text)
        text = _REACHES_SOMEONE.sub(
            lambda m: f" ; ارسل {m.group('who')} " if _reaches_me(m) != m.group(0) else m.group(0),
            text,
        )
        text = _PREAMBLE.sub("", text, count=1)
        text = _WISH_BEFORE_WHEN.sub("", text, count=1)
        text = _OTHERWISE.sub(f" ; {OTHERWISE_MARK} ", text)
        text = _VERB_WAW.sub(lambda m: self._waw(m, text), text)
        text = _REPLY_THEN.sub(lambda m: f"{m.group('reply')} ; ", text)
        text = _HAVE_IT_DO_AND.sub(lambda m: _and_have_it_do(m, text), text)
        clauses: list[Clause] = []
        otherwise = False
        pieces = self._order_around_schedule(_SPLIT.split(text), extraction)
        for piece in pieces:
            if clauses and _STARTS_WISH.match(piece or "") and self._noun_event(clauses, piece):
                # "طلبات ووكومرس الجديدة ابيها تروح لتريلو": what comes before the wish, said
                # without a verb, is the event
                for clause in clauses:
                    clause.starts_with_when = True
            piece = _ROLE_WORDS.sub("", _AR_PREAMBLE.sub("", piece or "")).strip(" ,")
            if _WISH_ONLY.fullmatch(piece.lower()):
                continue  # "ودي" / "I want" cut off before its "when": no step of its own
            if piece.startswith(OTHERWISE_MARK):
                otherwise = True
                piece = _ROLE_WORDS.sub("", piece[1:]).strip(" ,")
                # "وإلا بس سجلو بالشيت", "sinon غير سجلها", "otherwise just log it": "just"
                # before the false branch's step (Levantine بس reads elsewhere as "once")
                piece = _JUST.sub("", piece)
            if not piece:
                continue
            lowered = piece.lower()
            starts_with_when = bool(_STARTS_WHEN.match(lowered)) or self._event_as_subject(piece)
            clause = Clause(piece, extraction.in_text(piece), starts_with_when)
            if not starts_with_when and self._move_said(clause) is not None:
                parts = [clause]  # "copy the rows from my sheet to Airtable": one move
            else:
                # an Arabic noun flow stands alone: after an order, "…كل طلب جديد من Shopify في
                # ملف Excel" is that order's object and where it goes
                arabic = not MARKER.sub("", piece).isascii()
                parts = [clause] if arabic and clauses else self._noun_flow(clause, extraction)
                if len(parts) == 1:
                    parts = self._split_run_on(clause, extraction)
            for part in parts:
                part.otherwise = otherwise
                clauses.extend(_amount_after_event(part))
            if otherwise and any(e.kind == "condition" for e in clause.entities):
                # "otherwise if …, send …": the steps after this condition are its own 'true'
                # branch; only another "otherwise" starts a 'false' branch again
                otherwise = False
        # "nail salon. whatsapp msg comes in -> …": a heading naming the business, no service
        first = next((clause for clause in clauses[:-1] if not self._heading_only(clause)), None)
        if (
            first is not None
            and not any(
                clause.starts_with_when or _EACH_SAID.search(clause.text) for clause in clauses
            )
            and not any(
                entity.kind in ("schedule", "ahead", "condition")
                for clause in clauses
                for entity in clause.entities
            )
            and self._said_as_noun_event(first)
        ):
            # "عميل جديد في Stripe = ايميل ترحيب", "sms from a customer comes in -> forward…":
            # the first clause, said with no order and no "when" before the steps after it,
            # is the event. Not when the sentence says its event, schedule or condition
            # elsewhere, or "each new …" ("a calendar event for every new booking row").
            first.starts_with_when = True
        return self._order_around_each_new(clauses, extraction)

    def _polled(self, text: str, extraction: Extraction) -> str:
        """``text`` with a check for new things every few minutes or hours said as the event
        it is (see _CHECK_FOR_NEW), when the service named after it has a polling trigger:
        the interval is that trigger's polling, no schedule of its own. A check on a day's
        schedule ("every morning check if there are new emails") stays a schedule."""
        check = _CHECK_FOR_NEW.search(text)
        if check is None:
            return text
        # the service of the things checked, the first said right after them ("new emails on
        # Gmail"), not of the steps after ("… orders in Shopify and add them to the sheet")
        # ("emails" names the e-mail sender too, which tells of nothing: only services with
        # events count)
        triggers = [node_type for node_type in self.registry.node_types if node_type.is_trigger]
        with_events = {node_type.connector.id for node_type in triggers}
        checked = tokens(normalize(text[check.end() :]).lower())[:_CHECKED_WITHIN]
        named = next(
            (
                found
                for word in checked
                if (found := set(self.catalogue.connectors_named([word])) & with_events)
            ),
            set(),
        )
        if not any(t.poller is not None and t.connector.id in named for t in triggers):
            return text
        intervals = [
            marker
            for marker in MARKER.findall(text)
            if extraction.entity(marker).kind == "schedule"
            and extraction.entity(marker).value.get("mode") == "interval"
            and extraction.entity(marker).value.get("unit") in _POLLED_UNITS
        ]
        if len(intervals) != 1:
            return text
        text = text.replace(intervals[0], " ")
        return _CHECK_FOR_NEW.sub(
            lambda m: "when " if m.group(0).isascii() else "لما يوصل ", text, count=1
        )

    def _done_on_its_service(self, match: re.Match[str]) -> str:
        """The event with its verb left out, when what follows the verb names a service that is
        no place things are kept in ("كل طلب جديد يتسجل في الشيت": the sheet is where it goes)."""
        named = set(self.catalogue.connectors_named(tokens(match.group("on").lower())))
        places = set().union(*(self._keepers(place) for place in _KEEPING_FIELDS))
        if not named or named & places:
            return match.group(0)
        return f"{match.group('event')} {match.group('on')}"

    def _order_around_each_new(self, clauses: list[Clause], extraction: Extraction) -> list[Clause]:
        """ "سجل كل طلب جديد من زد في ملف Excel", "أضف كل حدث جديد في تقويم Google إلى
        Notion": an order whose object is each new thing of one service, and where it goes
        said after it. Cut at "كل", the order was left with no object and the event with the
        other service's place; the event keeps its service, the order gets where it goes."""
        joined: list[Clause] = []
        index = 0
        while index < len(clauses):
            order = clauses[index]
            event = clauses[index + 1] if index + 1 < len(clauses) else None
            order_words = order.words()
            if (
                event is None
                or order.starts_with_when
                or not event.starts_with_when
                or not 0 < len(order_words) <= 2
                or not set(order_words) & self._verbs
            ):
                joined.append(order)
                index += 1
                continue
            cut = self._where_it_goes(event.text)
            if cut is None:
                joined.append(order)
                index += 1
                continue
            # "أريد أن تُحفظ": the wish's "that" before the order is no "if"
            said_order = re.sub(r"^ان\s+", "", order.text.strip())
            event_text, order_text = event.text[:cut], f"{said_order} {event.text[cut:]}"
            joined.append(Clause(event_text, extraction.in_text(event_text), True, event.otherwise))
            joined.append(
                Clause(order_text, extraction.in_text(order_text), False, order.otherwise)
            )
            index += 2
        return joined

    def _where_it_goes(self, text: str) -> int | None:
        """Where, in an event's clause, the place another service's step puts it starts ("…
        من زد | في ملف Excel"): a preposition after which a service is named that the words
        before it don't name, while those name one of their own; None when there is none."""
        for link in reversed(list(_PLACE_LINK.finditer(text))):
            before = self.catalogue.connectors_named(tokens(text[: link.start()].lower()))
            after = self.catalogue.connectors_named(tokens(text[link.start() :].lower()))
            if before and set(after) - set(before):
                return link.start()
        return None

    def _noun_event(self, clauses: list[Clause], wish: str) -> bool:
        """Whether the clauses so far, before ``wish``, are one noun phrase that reads as an
        event: no "when", no order first, a trigger it matches well, and no event said after
        the wish ("عندي Zoho Books بدي كل فاتورة…": the event comes after)."""
        if len(clauses) != 1 or clauses[0].starts_with_when:
            return False
        after = _STARTS_WISH.sub("", wish).split()
        if after and (_STARTS_WHEN.match(after[0]) or after[0] in _SUBJECT_QUANTIFIERS):
            return False
        if unsupported(clauses[0].text.lower(), "en"):
            return False
        words = clauses[0].words()
        if not words or self._is_order(clauses[0].text.split()[0]):
            return False
        found = self.catalogue.best(words, True)
        return found is not None and found.score >= MATCH_THRESHOLD

    def _heading_only(self, clause: Clause) -> bool:
        """Whether an English ``clause`` is a heading that names the business, not a step:
        "nail salon", "barbershop" before the flow; a few words, no service, no entity."""
        words = clause.words()
        return (
            MARKER.sub("", clause.text).isascii()
            and 0 < len(words) <= 3
            and not clause.entities
            and not self.catalogue.connectors_named(words)
            and not any(self._is_order(word) for word in words)
            and (found := self.catalogue.best(words, True)) is not None
            and found.score < MATCH_THRESHOLD
        )

    def _said_as_noun_event(self, clause: Clause) -> bool:
        """Whether ``clause``, the first of several, is an event said as a noun phrase: "طلب
        جديد في زد", "sms from a customer comes in". Not a wish ("ابي رابط دفع…"), an order
        in it ("Get order 1042 from Shopify"), what is gathered ("ملخص طلبات سلة"), nor Arabic
        with a verb in it, which says its event or its order in its own way."""
        text = clause.text
        words = clause.words()
        if not words or _WISH_ONLY.fullmatch(words[0]) or _GATHERED.search(text):
            return False
        if set(words) & _BARE_ORDERS or any(self._is_order(word) for word in text.split()):
            return False
        said = MARKER.sub(" ", text).lower().split()
        if MARKER.sub("", text).isascii():
            first = said[:1]
            if canonical(first[0]) in self._any_verbs and not self.catalogue.connectors_named(
                first
            ):
                return False  # "get order 1042 from Shopify": an order, though not a sending one
        elif _has_event_verb(said):
            return False  # Arabic with a verb in it says its event or its order its own way
        return self._noun_event([clause], "")

    def _noun_flow(self, clause: Clause, extraction: Extraction) -> list[Clause]:
        """A flow said without an order: "sheet rows to notion", "new email in gmail to
        outlook", "each new sheet row = new trello card", "every new Salla order gets a Trello
        card". The words before the link are the event of a service they name; the words after
        it, the step of another service the data goes to. An English clause with no order in
        it only; "a card moved to Done in Trello" names no service before its "to" and stays
        whole."""
        text = clause.text
        if not MARKER.sub("", text).isascii():
            return self._arabic_noun_flow(clause, extraction)
        if any(self._is_order(w) for w in text.split()[:1]):
            return [clause]
        if set(re.findall(r"[a-z]+", text.lower())) & _BARE_ORDERS:
            return [clause]
        for link in _NOUN_LINK.finditer(text):
            left = Clause(text[: link.start()], [], True)
            right = Clause(text[link.end() :], [], False)
            left_words, right_words = left.words(), right.words()
            named_left = self.catalogue.connectors_named(left_words)
            named_right = set(self.catalogue.connectors_named(right_words)) - set(named_left)
            if not named_left or len(named_right) != 1:
                continue
            event = self.catalogue.best(left_words, True)
            step = self.catalogue.best(right_words, False, _hints(extraction.in_text(right.text)))
            if event is None or step is None or min(event.score, step.score) < MATCH_THRESHOLD:
                continue
            if event.node_type.connector.id not in named_left:
                continue
            if step.node_type.connector.id not in named_right:
                continue
            left.entities = extraction.in_text(left.text)
            right.entities = extraction.in_text(right.text)
            # where the data goes: the service's step that adds it ("a new row in my sheet"
            # is no row to update)
            right.step = self._status_set(right, step.node_type.connector.id) or self._write_step(
                step.node_type.connector.id, right_words
            )
            return [left, right]
        return [clause]

    def _arabic_noun_flow(self, clause: Clause, extraction: Extraction) -> list[Clause]:
        """ "طلبات زد على السلاك", "دفعات سترايب عالسلاك", "اوردرات شوبيفاي تتسجل فالشيت",
        "كل طلب جديد في سلة على التيليجرام": the things of one service said without an order,
        then, after a preposition, another service they go to. The words before it are that
        service's event, those after it the other service's step that adds or sends them (a
        passive verb before the preposition, "تتسجل", is said of where they go). Not with an
        order in the clause ("ابعت طلبات زد…"), nor on a schedule, where the things are read
        rather than awaited, nor for what is gathered ("ملخص طلبات سلة على الواتس")."""
        text = clause.text
        if any(entity.kind == "schedule" for entity in extraction.entities):
            return [clause]
        if _GATHERED.search(text):
            return [clause]
        said = text.split()
        if any(self._is_order(word, " ".join(said[:index])) for index, word in enumerate(said)):
            return [clause]
        for_each = _FOR_EACH.search(text)
        if for_each is not None:
            return self._noun_flow_for_each(clause, extraction, for_each)
        cut = self._where_it_goes(text)
        if cut is None:
            return [clause]
        left_text, right_text = text[:cut], text[cut:]
        left_said = left_text.split()
        if len(left_said) > 2 and _PASSIVE.match(left_said[-1]):
            right_text = f"{left_said[-1]} {right_text}"
            left_text = " ".join(left_said[:-1])
        left = Clause(left_text, extraction.in_text(left_text), True, clause.otherwise)
        right = Clause(right_text, extraction.in_text(right_text), False, clause.otherwise)
        # named in the whole clause too: "جدول المهام في Airtable" is Airtable's table
        named = self.catalogue.connectors_named(clause.words())
        named_left = set(self.catalogue.connectors_named(left.words())) & set(named)
        named_right = set(self.catalogue.connectors_named(right.words())) - named_left
        if not named_left or len(named_right) != 1 or not named_right <= set(named):
            return [clause]
        event = self.catalogue.best(left.words(), True)
        if event is None or event.score < MATCH_THRESHOLD:
            return [clause]
        if event.node_type.connector.id not in named_left:
            return [clause]
        right.step = self._write_step(next(iter(named_right)), right.words())
        if right.step is None:
            return [clause]
        return [left, right]

    def _noun_flow_for_each(
        self, clause: Clause, extraction: Extraction, for_each: re.Match[str]
    ) -> list[Clause]:
        """ "واتساب لكل كوموند جديدة ف ووكومرس", "ايميل ترحيب لكل عميل جديد في سترايب": what
        is sent, then "for each" thing of another service. The words after "لكل" are that
        service's event, those before it the step of the service they name."""
        text = clause.text
        step_text, event_text = text[: for_each.start()], text[for_each.end() :]
        sent_by = _SENT_BY_AT_END.search(event_text)
        if sent_by is not None and not self.catalogue.connectors_named(tokens(step_text)):
            # "رسالة ترحيب لكل عميل جديد في سلة على الواتساب": the service said last is where
            # the message goes, when the event has its own ("في سلة") before it
            before = event_text[: sent_by.start()]
            named_before = self.catalogue.connectors_named(tokens(before))
            named_last = self.catalogue.connectors_named(tokens(sent_by.group("service")))
            if named_before and named_last and not set(named_last) & set(named_before):
                step_text = f"{step_text} {sent_by.group(0).strip()}"
                event_text = before
        step = Clause(step_text, extraction.in_text(step_text), False, clause.otherwise)
        event = Clause(event_text, extraction.in_text(event_text), True, clause.otherwise)
        named_step = set(self.catalogue.connectors_named(step.words()))
        named_event = self.catalogue.connectors_named(event.words())
        if len(named_step) != 1 or not named_event or named_step & set(named_event):
            return [clause]
        found = self.catalogue.best(event.words(), True)
        if found is None or found.score < MATCH_THRESHOLD:
            return [clause]
        if found.node_type.connector.id not in named_event:
            return [clause]
        step.step = self._write_step(next(iter(named_step)), step.words())
        if step.step is None:
            return [clause]
        return [event, step]

    def _written_to(
        self, clause: Clause, words: list[str], trigger: PlannedStep | None, found: Match
    ) -> Match | None:
        """ "stripe invoice paid → new record in Airtable table Invoices", "→ Notion page in
        our Inbox database", "→ sheet row": after an event, a place named with no order is
        where the event's data goes — the service's step that adds it, never one that reads
        it. None when the clause says an order or ``found`` already writes."""
        if (
            trigger is None
            or trigger.node_type.type in (SCHEDULE_TYPE, MANUAL_TYPE)
            or not found.named
            or found.node_type.type.split(".")[1].startswith(_WRITES)
            or not MARKER.sub("", clause.text).isascii()
            or _SAID_WHEN.match(clause.text)
        ):
            return None
        said = MARKER.sub(" ", clause.text).lower().split()
        if not said or self._is_order(said[0]):
            return None
        if not set(words) & _WRITTEN_PLACES:
            return None
        step = self._write_step(found.node_type.connector.id, words)
        if step is None:
            return None
        return Match(step, found.score, found.phrase, True)

    def _status_set(self, clause: Clause, connector: str) -> NodeType | None:
        """ "→ WooCommerce order to processing", "set the Zid order as delivered", "the Salla
        order's status to shipped": a store's status said as where its record goes is a change
        of that status, by the step of ``connector`` that changes one, whatever other step the
        clause's nouns ("order", "customer") read best as. None when the clause says no status,
        names another service too ("add Zid orders marked as paid to my sheet": where they go),
        or ``connector`` has no one step that changes a status."""
        if clause.starts_with_when or not _STATUS_SET.search(MARKER.sub(" ", clause.text)):
            return None
        if set(self.catalogue.connectors_named(clause.words())) != {connector}:
            return None
        changes = [
            entry.node_type
            for entry in self.catalogue.entries
            if not entry.node_type.is_trigger
            and entry.node_type.connector.id == connector
            and entry.node_type.type.split(".")[1].startswith(_STATUS_CHANGES)
            and "status" in entry.node_type.input_model.model_fields
        ]
        return changes[0] if len(changes) == 1 else None

    def _write_step(self, connector: str, words: list[str]) -> NodeType | None:
        """The step of ``connector`` that adds or sends something, the one ``words`` read
        best as; None when it has none."""
        best: tuple[float, NodeType] | None = None
        for entry in self.catalogue.entries:
            node_type = entry.node_type
            if node_type.is_trigger or node_type.connector.id != connector:
                continue
            if not node_type.type.split(".")[1].startswith(_WRITES):
                continue
            score, _phrase = self.catalogue._phrase_score(entry, words)
            if best is None or score > best[0]:
                best = (score, node_type)
        return best[1] if best else None

    def _order_around_schedule(
        self, pieces: list[str | None], extraction: Extraction
    ) -> list[str | None]:
        """ "send daily sales from Shopify to Google Sheets", "post every Monday at 9 the
        week's Stripe payments to Slack": an order cut from its object by the schedule said
        inside it is one step with it again (alone, "send" was an e-mail of nothing)."""
        kept = [piece for piece in pieces if piece and piece.strip()]
        joined: list[str | None] = []
        index = 0
        while index < len(kept):
            piece = kept[index].strip(" ,")
            said = piece.split()
            lone_order = (
                0 < len(said) <= 2
                and not MARKER.search(piece)
                and (
                    said[0].lower() in _BARE_ORDERS
                    or self._is_order(said[0])
                    # "تقرير يومي بطلبات سلة…", "report every day at 11pm of…": what is
                    # gathered, its object said after the schedule
                    or all(_GATHERED.fullmatch(word) for word in said)
                )
            )
            if lone_order and index + 2 < len(kept):
                marker = kept[index + 1].strip()
                after = kept[index + 2].strip(" ,")
                scheduled = (
                    MARKER.fullmatch(marker) and extraction.entity(marker).kind == "schedule"
                )
                if (
                    scheduled
                    and after
                    and not MARKER.match(after)
                    and not _STARTS_WHEN.match(after.lower())
                ):
                    joined.extend([marker, f"{piece} {after}"])
                    index += 3
                    continue
            if (
                index + 2 < len(kept)
                and not MARKER.fullmatch(piece)
                and not _STARTS_WHEN.match(piece.lower())
                and MARKER.fullmatch(kept[index + 1].strip())
                and extraction.entity(kept[index + 1].strip()).kind == "schedule"
                and _TO_AFTER_SCHEDULE.fullmatch(kept[index + 2].strip(" ,."))
            ):
                # "أرسل التقرير كل أحد الساعة العاشرة إلى x@y": where it goes, said after the
                # schedule, is the order's ("إلى" there is "to", never Maghrebi "if")
                after = kept[index + 2].strip(" ,.")
                joined.extend([kept[index + 1], f"{piece} {after}"])
                index += 3
                continue
            joined.append(kept[index])
            index += 1
        return joined

    def _event_as_subject(self, text: str) -> bool:
        """Whether the clause opens with the event as the subject of its own verb, no "when"
        said: "كل دفعة تنجح في تاب …" (every payment that succeeds on Tap), "اي طلب يوصل على
        سلة …", "العميل اللي يسيب السلة …", Maghrebi "كل ميساج كيجي …". Such a clause is the
        event up to its first order, the service named after the verb included; read as an
        order, it was cut after its noun and the rest taken for a step ("في تاب" a Tap
        charge, "فيه فاتورة" an invoice to create)."""
        words = MARKER.sub(" ", text).split()
        while words and _WISH_ONLY.fullmatch(words[0].lower()):
            words = words[1:]  # "ودي كل رسالة تجيني …"
        if len(words) < 3:
            return False
        if _EN_SUBJECT_EVENT.match(" ".join(words).lower()) and not self._is_order(words[0]):
            return True
        if words[0] in _SUBJECT_QUANTIFIERS:
            start = 2  # the quantifier, then at least its noun
        elif words[1] in _RELATIVES and not self._is_order(words[0]):
            start = 2  # "العميل اللي يدفع": the noun, then "who"
        else:
            return False
        for index in range(start, min(len(words), start + 3)):
            word = words[index]
            before = " ".join(words[:index])
            if word[:1] == "ا" or self._is_order(word, before):
                return False  # an order before any verb of the subject: "كل طلب نزّله"
            if _has_event_verb([word]) and word[:1] not in ("و", "ف"):
                return True
            short_present = word.startswith("ت") and 3 <= len(word) <= 4  # "تصل", "تنشأ"
            if short_present and not self.catalogue.connectors_named([word]):
                return True
        return False

    def _waw(self, match: re.Match[str], text: str) -> str:
        word = re.match(r"\S+", text[match.end() :])
        if word and self._is_order(word.group(0), text[: match.start()].split(";")[-1]):
            return " ; "
        return match.group(0)

    def _plan(
        self,
        clauses: list[Clause],
        extraction: Extraction,
        language: Language,
        said_words: list[str] | None = None,
    ) -> tuple[list[PlannedStep], list[str]]:
        trigger: PlannedStep | None = None
        actions: list[PlannedStep] = []
        not_understood: list[str] = []
        pending_condition: PlannedStep | None = None
        bot_said = ""  # a bot and its service said alone ("ابي بوت تيليجرام"), before the rest
        lacking_event = False  # the event is of a service Flowin lacks: replies go back there
        # "connect Foodics to the sheet": the flow's source is a service Flowin lacks, so the
        # events said after it are that service's, never another's it would be swapped for
        lacking_source = False
        guessed_trigger: PlannedStep | None = None  # an event read from words with no "when"
        business_services: list[str] = []  # "I have a shop on Salla": the service it sells on
        # "30 minutes before each lesson in my calendar": the event the reminder is ahead of
        ahead_said = any(e.kind == "ahead" for c in clauses for e in c.entities)
        for index, clause in enumerate(clauses):
            start = len(actions)
            # "create a customer when someone fills the form": the event is still to come.
            event_later = any(later.starts_with_when for later in clauses[index + 1 :])
            special = [
                e for e in clause.entities if e.kind in ("schedule", "wait", "condition", "ahead")
            ]
            if special:
                entity = special[0]
                if entity.kind == "ahead":
                    trigger = self._ahead(entity, trigger)
                    continue
                if entity.kind == "schedule":
                    # "تقرير اسبوعي كل سبت ٩ الصبح": a schedule read from its phrase alone
                    # gives way to the one the sentence spells out
                    unread = (
                        trigger is not None
                        and trigger.node_type.type == SCHEDULE_TYPE
                        and not trigger.params
                    )
                    # an event guessed from words with no "when" ("Event planner in Jeddah:
                    # every Thursday at 4 …") is no event said: the schedule spelt out is
                    guessed = trigger is not None and trigger is guessed_trigger and not actions
                    if trigger is None or trigger.node_type.type == MANUAL_TYPE or unread:
                        trigger = self._schedule(entity, language)
                    elif guessed:
                        assert trigger is not None
                        not_understood.append(trigger.said)
                        trigger, guessed_trigger = self._schedule(entity, language), None
                    continue
                if entity.kind == "wait":
                    actions.append(self._wait(entity, language))
                    self._mark_otherwise(clause, actions, start, pending_condition)
                elif entity.kind == "condition":
                    # "otherwise if …": the new condition is the false branch of the one before
                    # it, never of itself (a 'false' arrow from a step back into it)
                    earlier_condition = pending_condition
                    pending_condition = self._condition(entity, extraction)
                    actions.append(pending_condition)
                    self._mark_otherwise(clause, actions, start, earlier_condition)
                continue
            if not special:
                said_with_if = clause
                checked: list[PlannedStep] = []
                clause = self._vague_if(
                    clause,
                    extraction,
                    not_understood,
                    actions,
                    language,
                    checked,
                    said_words,
                    trigger,
                )
                if checked:
                    # "check the site, and if it is down …": what was read is checked
                    earlier_condition = pending_condition
                    pending_condition = checked[0]
                    actions.append(pending_condition)
                    self._mark_otherwise(said_with_if, actions, start, earlier_condition)
                    start = len(actions)
                if clause is None:
                    continue
            words = clause.words()
            if trigger is not None and not clause.starts_with_when:
                # "ابي حالة طلبه تتغير الى…" (I want its status to change): once the event is
                # known, what its words say happened is, in an order, what to make happen
                words = [ORDER_READINGS.get(word, word) for word in words]
            elif trigger is None and clause.starts_with_when:
                # "لما العميل يرد على الواتس": an answer said as the event is someone else's
                words = [EVENT_READINGS.get(word, word) for word in words]
            hints = _hints(clause.entities)
            verb_shared = False
            if index and actions:
                shared = self._verb_shared(clauses[index - 1], clause, words, hints)
                verb_shared, words = shared is not words, shared
            said = clause.said(extraction)
            if clause.otherwise and _NOTHING_SAID.fullmatch(normalize(said).strip(" .,،!")):
                continue  # "وإلا ولا شي": a branch with no step ends there by itself
            saying = _SAYING.match(said)
            if actions and index and self._more_of_what_is_sent(clauses[index - 1], clause):
                # "…on WhatsApp with the customer's name and the total", "…with the prices
                # and the schedule": what the step before sends, no step of its own
                actions[-1].entities.extend(clause.entities)
                continue
            if actions and self._key_of_step_before(clause, words, actions[-1]):
                continue
            if actions and self._address_of_step_before(clause, hints, actions[-1]):
                continue
            if index + 1 < len(clauses) and _REQUEST_FRAME.fullmatch(without_pleasantries(said)):
                continue  # "pls make …", "can you set up …": the request itself, no step
            if ahead_said and self._what_is_ahead(clause, words):
                continue  # "… before each lesson in my calendar": the event, no step of its own
            if clause.step is not None:
                offered = self._step_taking(clause.step.connector.id, hints & _OFFERED)
                shown = offered.node_type if offered is not None else clause.step
                actions.append(PlannedStep(shown, said, clause.entities))
                self._mark_otherwise(clause, actions, start, pending_condition)
                continue
            if (
                not clause.starts_with_when
                and index + 1 < len(clauses)
                and self._names_only(words)
                and len(words) <= 3
            ):
                # "Airtable: new record in …", "paymob + sheets: …": a heading, no step; an
                # event said after it with no service is one of the services it names
                business_services += words
                continue
            if not clause.starts_with_when and self._bot_of_a_service(words):
                bot_said = said
            updated = self._update_in_hand(clause, trigger, actions)
            if updated is not None:
                actions.append(PlannedStep(updated, said, clause.entities))
                self._mark_otherwise(clause, actions, start, pending_condition)
                continue
            if saying and actions and not any(e.kind == "quote" for e in actions[-1].entities):
                # "…every morning at 7 saying good morning team": the words of the step before
                words_said = saying.group("what") or saying.group("what_ar")
                actions[-1].entities.append(Entity("quote", words_said.strip()))
                continue
            if unsupported(_with_workbooks(clause, extraction).lower(), language):
                # Never swap a service Flowin lacks for another: only a trigger the clause
                # names itself survives ("post every new Shopify order to Discord").
                before = clauses[index - 1] if index else None
                if (
                    before is not None
                    and actions
                    and actions[-1].said == before.said(extraction)
                    and len(before.words()) <= 2
                    and not self.catalogue.connectors_named(before.words())
                ):
                    # "ابعت كل اوردر جديد على الديسكورد": the verb, cut from the event it
                    # sends, sends to the service Flowin lacks; a default channel is a swap
                    not_understood.append(actions.pop().said)
                destination = self._connected_to(clause) if trigger is None else None
                if destination is not None:
                    # "اربط فودافون كاش بالشيت", "connect my Amazon store to Slack": what it
                    # lacks is the source; the service it has is where the data goes
                    actions.append(PlannedStep(destination.node_type, said, clause.entities))
                    not_understood.append(said)
                    lacking_source = True
                    continue
                if trigger is None and _CONNECT.search(clause.text.lower()):
                    lacking_source = True  # "نربط CMI باش …": what follows is CMI's
                if trigger is None:
                    trigger = self._named_trigger(clause, extraction)
                    if trigger is None and clause.starts_with_when:
                        trigger = self._manual(language)  # the event is the one it lacks
                        lacking_event = True
                not_understood.append(said)
                continue
            if self._about_the_business(clause, said):
                # "I have a clothes shop on Shopify": where it sells, no step; the events
                # said after it without a service are that service's
                business_services += [
                    word for word in words if self.catalogue.connectors_named([word])
                ]
                continue
            moved = self._moved_from_to(clause, extraction, trigger)
            if moved:
                # "copy the rows from my sheet to Airtable": read there, written here
                actions.extend(moved)
                self._mark_otherwise(clause, actions, start, pending_condition)
                continue
            if trigger is None and not clause.starts_with_when and not event_later:
                inside = self._event_inside(clause, extraction, business_services)
                if (
                    inside is not None
                    and lacking_source
                    and not self._names_its_service(clause, inside[0])
                ):
                    inside = None
                if inside is not None:
                    trigger, action = inside
                    if action is None:
                        continue  # "Stripe invoice paid →": the event, and no step with it
                    if action.node_type.type == CONDITION_TYPE:
                        # "only if it is big for every new payment": the event is understood,
                        # a condition with no value to compare is not (as below)
                        not_understood.append(said)
                        continue
                    actions.append(action)
                    self._mark_otherwise(clause, actions, start, pending_condition)
                    continue
            if (
                actions
                and not clause.starts_with_when
                and clause.text.isascii()
                and 0 < len(words) <= 2
                and not set(words) & self._any_verbs
                and not self.catalogue.connectors_named(words)
            ):
                # "email me and the customer": one more for the step before, no step of its own
                actions[-1].entities.extend(clause.entities)
                if _UNKNOWN_ORDER.match(clause.text.strip().lower()):
                    not_understood.append(said)  # "…and fax the contract": a step none makes
                continue
            # "Our agency tracks requests in Trello. When a card is moved…": an event guessed
            # from what was said about the business gives way to the one said with "when"
            guessed_before = (
                trigger is not None
                and trigger is guessed_trigger
                and MARKER.sub("", clause.text).isascii()
                and _SAID_WHEN.match(clause.text) is not None
            )
            if not guessed_before and self._event_said_again(
                clause, words, hints, trigger, actions
            ):
                assert trigger is not None
                trigger.entities.extend(clause.entities)
                continue
            before = clauses[index - 1] if index else None
            if trigger is not None and not actions and before is not None:
                refined = self._event_goes_on(before, clause, words, trigger)
                if refined is not None:
                    # the event said further: what happened, or where
                    trigger.node_type = refined
                    trigger.entities.extend(clause.entities)
                    continue
            # "add them to the sheet" is an order, not an event, even when it matches a trigger.
            commands = bool(words) and words[0] in self._verbs and not clause.starts_with_when
            may_start = (trigger is None or guessed_before) and not commands
            as_trigger = self.catalogue.best(words, True, hints) if may_start else None
            if as_trigger is not None and business_services and not as_trigger.named:
                as_trigger = self.catalogue.best(words + business_services, True, hints)
            as_action = self._action_in_context(words, hints, trigger, actions, said)
            if verb_shared and as_action is not None and as_action.node_type.type == LOOP_TYPE:
                # "… and a row in the Requests tab": an order shared, never a loop ("each row")
                as_action = self.catalogue.best(
                    words, False, hints, exclude=self._unrouted(said) | {LOOP_TYPE}
                )
            if lacking_event and _REPLY_WORD.search(said) and not (as_action and as_action.named):
                # "…on my Instagram post, reply to them": the answer goes where Flowin can't
                not_understood.append(said)
                continue
            trigger_score = as_trigger.score if as_trigger else 0.0
            action_score = as_action.score if as_action else 0.0
            if words and max(trigger_score, action_score) < MATCH_THRESHOLD:
                # the rules are unsure: the learned matcher, when it is sure enough
                learned = self._learned(clause, may_start)
                if learned is not None and learned.node_type.is_trigger:
                    as_trigger, trigger_score = learned, learned.score
                elif learned is not None:
                    as_action, action_score = learned, learned.score
            as_trigger = self._second_opinion(clause, as_trigger, triggers=True)
            as_action = self._second_opinion(clause, as_action, triggers=False)
            if as_action is not None and as_action.node_type.type in self._unrouted(said):
                # a route by cases, read from the words alone ("حالته"): not said
                as_action = self._action_in_context(words, hints, trigger, actions, said)
                action_score = as_action.score if as_action else 0.0
            if lacking_source and as_trigger is not None and not as_trigger.named:
                # "…, every time a payment comes in": the lacking source's, not a Stripe one
                as_trigger, trigger_score = None, 0.0
                if clause.starts_with_when and not (as_action and as_action.named):
                    not_understood.append(said)  # its event, which no step can start on
                    continue
            # "رسالة شكر واتس للعميل كل ما يدفع عن طريق تاب": a message said with no "when",
            # before the clause with it, is what to send when that happens ("our agency tracks
            # requests in Trello. When…" still says whose the event is)
            step_before_event = (
                event_later
                and as_action is not None
                and action_score >= MATCH_THRESHOLD
                and as_action.node_type.type.split(".")[1].startswith(("send", "post"))
                and not self._bot_of_a_service(words)  # "telegram bot: when…" is whose event
            )
            if (clause.starts_with_when and as_trigger and trigger_score >= MATCH_THRESHOLD) or (
                as_trigger
                and trigger_score >= MATCH_THRESHOLD
                and trigger_score > action_score
                and not step_before_event
            ):
                node_type = self._failure_variant(as_trigger.node_type, clause.text)
                if guessed_before and trigger is not None:
                    if (
                        not as_trigger.named
                        and node_type.connector is not trigger.node_type.connector
                    ):
                        # "telegram bot: when someone writes…": the service said before it
                        trigger.entities.extend(clause.entities)
                        continue
                    not_understood.append(trigger.said)
                trigger = PlannedStep(node_type, said, clause.entities)
                trigger.learned = as_trigger.phrase == LEARNED_PHRASE
                if not clause.starts_with_when and not actions:
                    guessed_trigger = trigger
            elif (
                as_action is None
                or action_score < MATCH_THRESHOLD
                or as_action.node_type.type == CONDITION_TYPE  # "check" is no "check if"
                or (not as_action.named and not _takes_words(as_action.node_type))
                or self._unnamed_elsewhere(as_action, hints, trigger, actions, said)
            ) and (address := self._address_step(clause, said)) is not None:
                actions.append(address)  # "check https://…": a web address said is one to call
            elif as_action and action_score >= MATCH_THRESHOLD:
                if as_action.node_type.type == CONDITION_TYPE:
                    # "only if it is big": a condition without a value to compare is a question
                    not_understood.append(said)
                elif as_action.node_type.type == _NOTHING_TYPE:
                    pass  # "otherwise do nothing": a branch with no step ends there by itself
                elif lacking_source and any(a.node_type is as_action.node_type for a in actions):
                    pass  # "…تتسجل": the row already planned for the lacking source
                elif self._records_of_the_event(clause, as_action, actions):
                    # "every order needs to go to the sheet": the records the event brings,
                    # no loop (nothing was listed to go through); the event, when none yet,
                    # of the service said before ("abaya store on zid, every order …")
                    guessed = trigger is not None and trigger is guessed_trigger and not actions
                    event = (
                        self._event_of_records(clauses[:index], clause, hints, said)
                        if trigger is None or guessed
                        else None
                    )
                    if event is not None and guessed:
                        # "candle shop on salla, every order …": the event said gives way to
                        # one guessed from the words about the shop, which said its service
                        assert trigger is not None
                        if event.node_type.connector is not trigger.node_type.connector:
                            not_understood.append(trigger.said)
                        guessed_trigger = None
                    if event is not None:
                        trigger = event
                    elif trigger is not None:
                        trigger.entities.extend(clause.entities)
                else:
                    as_action = self._kind_the_verb_says(clause, words, hints, as_action)
                    fetch = self._fetch_first(clause, trigger, as_action.node_type.connector.id)
                    if fetch is None and as_action.node_type.type != _CALL_TYPE:
                        fetch = self._called_first(clause, trigger)
                    if fetch is not None and (
                        fetch.node_type is as_action.node_type
                        or (
                            fetch.node_type.connector.id == as_action.node_type.connector.id
                            and as_action.node_type.type.split(".")[1].startswith(_READS)
                        )
                    ):
                        # "ابعتلي مدفوعات سترايب على التلغرام", "email yesterday's Shopify
                        # orders to owner@…": the list read, then sent where the other service
                        # the clause names, or the address it gives, takes it
                        as_action = (
                            self._sent_to_other(words, hints, as_action)
                            or self._sent_to_address(clause)
                            or as_action
                        )
                    if (
                        fetch is not None
                        and fetch.node_type.connector.id != as_action.node_type.connector.id
                    ):
                        fetch.said = said
                        # the named sheet or table is where the data is read
                        # (the address, for a call)
                        fetch.entities = [
                            e
                            for e in clause.entities
                            if e.kind in ("sheet", "table", "workbook")
                            or (e.kind == "url" and fetch.node_type.type == _CALL_TYPE)
                        ]
                        actions.append(fetch)
                        if not as_action.named and as_action.node_type.type.split(".")[
                            1
                        ].startswith(_READS):
                            # "شوف الأوردرات على سلة": the read of the service named, not of
                            # another whose words "the orders" also fit
                            self._mark_otherwise(clause, actions, start, pending_condition)
                            continue
                    if "template" in hints and "template" not in _fields(as_action.node_type):
                        # "ابعت للعميل تمبلت واتس order_received": the service's template step
                        as_action = (
                            self._step_taking(as_action.node_type.connector.id, {"template"})
                            or as_action
                        )
                    offered = hints & _OFFERED
                    if offered and not offered & _fields(as_action.node_type):
                        # "WhatsApp buttons Confirm / Cancel", "a list to pick from: …": the
                        # service's step that shows them, not its plain message
                        as_action = (
                            self._step_taking(as_action.node_type.connector.id, offered)
                            or as_action
                        )
                    if "key_column" in hints and "key_column" not in _fields(as_action.node_type):
                        # "update the row, matching on Email": found by its key, the service's
                        # step that updates the row with that key or adds it (an upsert);
                        # "sync the orders to the Orders tab by order number" names no service
                        # but the one that keeps the tab
                        keeper = as_action.node_type.connector.id
                        kept = self._kept_places(hints)
                        if keeper == "core" and len(kept) == 1:
                            keeper = next(iter(kept))
                        as_action = self._step_taking(keeper, {"key_column"}) or as_action
                    mailed = self._mailed_to_address(clause, as_action)
                    if mailed is not None:
                        as_action = mailed
                    addressed = hints & {"to", "email", "phone"}
                    if addressed and not addressed & _fields(as_action.node_type):
                        # "رسالة سلاك على ايميلها sara@…": the service's step that takes the
                        # address given (Slack's message by e-mail), when it has exactly one
                        as_action = (
                            self._step_taking(as_action.node_type.connector.id, addressed)
                            or as_action
                        )
                    written = self._written_to(clause, words, trigger, as_action)
                    if written is not None:
                        as_action = written
                    changed = self._status_set(clause, as_action.node_type.connector.id)
                    if changed is not None:
                        as_action = Match(changed, as_action.score, as_action.phrase, True)
                    carried = self._carrying(as_action.node_type, words)
                    step = PlannedStep(carried, said, clause.entities)
                    step.learned = as_action.phrase == LEARNED_PHRASE
                    made = self._link_maker(words, said, as_action.node_type, trigger)
                    if made is not None:
                        # "send the customer a new payment link": made, then sent
                        actions.append(PlannedStep(made, said))
                    actions.append(step)
                    sent = self._sent_with_ai(clause, words, step, fetch)
                    if sent is not None:
                        # "email me a summary of the week's payments written by ChatGPT": the
                        # AI writes it, then the order said first sends it
                        step.entities = [e for e in clause.entities if e.kind not in _ADDRESSES]
                        addressed = [e for e in clause.entities if e.kind in _ADDRESSES]
                        actions.append(PlannedStep(sent, said, addressed))
            elif actions and clause.entities:
                actions[-1].entities.extend(clause.entities)  # "…, saying "Thanks!""
            elif trigger and clause.entities and not actions:
                trigger.entities.extend(clause.entities)
            elif words:
                not_understood.append(said)
            self._mark_otherwise(clause, actions, start, pending_condition)
        # A step that ends the flow ("stop with an error") said before others is misread: it
        # would leave them unreachable. Said, not built.
        for step in [s for s in actions[:-1] if not s.node_type.manifest.outputs]:
            actions.remove(step)
            not_understood.append(step.said)
        self._listed_unless_free(actions)
        _one_step_of_changes(actions)
        bot_steps = [step for step in actions if bot_said and step.said == bot_said]
        if bot_steps:
            self._sent_by_the_bot(bot_steps[0], actions)
        if bot_steps and any(
            step.node_type.connector is bot_steps[0].node_type.connector
            for step in [*actions, *([trigger] if trigger else [])]
            if step not in bot_steps
        ):
            # "ابي بوت تيليجرام اذا ضغط العميل الزر يرد عليه": the bot said first is where the
            # event comes from and the answer said after goes (its answer to the button, its
            # message), no message of its own (alone, "ابي بوت تيليجرام، كل يوم يرسل لي…", it
            # is where the message goes)
            actions.remove(bot_steps[0])
        # A trailing wait ("send them a review request after 3 days", "…بعد ساعة") comes
        # before the step it was said with: waiting once everything is done does nothing.
        if (
            len(actions) >= 2
            and actions[-1].node_type.type == WAIT_TYPE
            and actions[-2].node_type.type not in (WAIT_TYPE, CONDITION_TYPE)
            and actions[-1].otherwise_of is None
        ):
            actions.insert(len(actions) - 2, actions.pop())
        # A trailing condition ("… if the total is over 100") guards the step before it.
        if (
            actions
            and pending_condition is actions[-1]
            and len(actions) > 1
            and pending_condition.entities  # not a check of what the step before read
        ):
            actions.insert(len(actions) - 2, actions.pop())
        if not actions and trigger is None:
            return [], not_understood
        self._answered_in_place(trigger, actions)
        self._reply_where_it_came_from(trigger, actions)
        self._link_sent_back(trigger, actions)
        if trigger is None:
            trigger = self._event_of_condition(actions)
        if trigger is None:
            trigger = self._manual(language)
        self._nothing_to_answer(trigger, actions)
        if trigger.node_type.type == SCHEDULE_TYPE and not trigger.params:
            # "on a schedule", "regularly": never the schedule's default every 15 minutes
            if not any(key == "cron" for key, _ in trigger.to_ask):
                trigger.to_ask.append(("cron", _ASK_WHEN[language]))
            if trigger.said.strip():
                not_understood.append(trigger.said)
        self._fill_condition(actions, trigger, language)
        for step in actions:
            if step.node_type.type == CONDITION_TYPE and step.to_ask:
                not_understood.append(step.said)
        return [trigger, *actions], not_understood

    def _address_of_step_before(self, clause: Clause, hints: set[str], before: PlannedStep) -> bool:
        """ "…a message to Rana on Slack, her email is rana@…": a clause that only gives the
        address of whom the step before reaches is that step's, no e-mail of its own; the step
        becomes its service's one that takes such an address (Slack's message by e-mail)."""
        addressed = hints & {"email", "phone"}
        if not addressed or not _ADDRESS_GIVEN.fullmatch(normalize(clause.text).strip(" .,;،")):
            return False
        before.entities.extend(clause.entities)
        if not (addressed | {"to"}) & _fields(before.node_type):
            taking = self._step_taking(before.node_type.connector.id, addressed)
            if taking is not None:
                before.node_type = taking.node_type
        return True

    def _sent_by_the_bot(self, bot: PlannedStep, actions: list[PlannedStep]) -> None:
        """ "make the bot of telegram send me every new order": a message said after the bot
        without a service of its own ("send me …", read as an e-mail) is the bot's message."""
        if not _sends_a_message(bot.node_type):
            return
        for index, step in enumerate(actions):
            if step is bot or step.node_type.connector is bot.node_type.connector:
                continue
            if not _sends_a_message(step.node_type):
                continue
            said = tokens(normalize(step.said).lower())
            if set(said) & _SENDS_BY_NAME or step.node_type.connector.id in (
                self.catalogue.connectors_named(said)
            ):
                continue  # "…and email me too", "…على الواتس": a service said, another step
            actions[index] = replace(step, node_type=bot.node_type)

    def _verb_shared(
        self, before: Clause, clause: Clause, words: list[str], hints: set[str]
    ) -> list[str]:
        """ "create a trello card and a row in the Requests tab": a noun phrase with no verb,
        after an order, that names a place of its own (a tab, a table, a channel) shares the
        order's verb; without a place ("email me the report and the invoice") it is more of
        the step before, as it was."""
        said = MARKER.sub(" ", clause.text).lower().split()
        if (
            clause.starts_with_when
            or not " ".join(said).isascii()
            or not said
            or said[0] not in ("a", "an", "one", "the")
            or not hints & _PLACE_HINTS
            or set(words) & (self._any_verbs | _SENDS_BY_NAME)
        ):
            return words
        verb = before.words()[:1]
        if not verb or verb[0] not in self._verbs or before.starts_with_when:
            return words
        return verb + words

    def _what_is_ahead(self, clause: Clause, words: list[str]) -> bool:
        """Whether an English ``clause`` said with a time ahead ("before each lesson in my
        calendar") is only the events it is ahead of: every/each and a noun, no order."""
        said = MARKER.sub(" ", clause.text).lower().split()
        return (
            not clause.starts_with_when
            and clause.text.isascii()
            and bool(said)
            and said[0] in ("each", "every", "any", "all")
            and not any(self._is_order(word, said[0]) for word in said[1:])
            and not set(words) & (self._any_verbs | _SENDS_BY_NAME)
        )

    def _records_of_the_event(
        self, clause: Clause, as_action: Match, actions: list[PlannedStep]
    ) -> bool:
        """Whether a loop read from an English ``clause`` ("every order needs to …") is only
        the records its event brings: nothing listed before it to go through, and no word that
        asks to go through something ("for each item", "loop over")."""
        if as_action.node_type.type != LOOP_TYPE or not clause.text.isascii():
            return False
        if any(_reads_something(step.node_type) for step in actions):
            return False
        return _GO_THROUGH.search(clause.text.lower()) is None

    def _kind_the_verb_says(
        self, clause: Clause, words: list[str], hints: set[str], as_action: Match
    ) -> Match:
        """ "get the tasks from Notion" reads (a query), "add each new event to a Notion
        database" writes (a page): where the nouns ("database", "table") fit a step that
        reads and one that writes, the order's verb says which of the service's steps."""
        text = normalize(MARKER.sub(" ", clause.text)).lower().strip(" ,.،")
        operation = as_action.node_type.type.split(".")[1]
        if hints - _ADDRESSES and not hints & _fields(as_action.node_type):
            # "add one row to the Daily tab with the number of Salla orders": the place said
            # is another service's, whose step the verb orders; Salla's is the read before it
            return as_action
        if operation.startswith(_WRITES) and _READ_ORDER.match(text):
            wanted = _LISTS
        elif operation.startswith(_LISTS) and _STORE_ORDER.match(text):
            wanted = _WRITES
        else:
            return as_action
        connector = as_action.node_type.connector.id
        others = frozenset(
            t.type
            for t in self.registry.node_types
            if t.connector.id == connector and not t.type.split(".")[1].startswith(wanted)
        )
        found = self.catalogue.best(
            words, False, hints, only=connector, exclude=others | self._unrouted(clause.text)
        )
        if found is None or found.score < MATCH_THRESHOLD * 0.9:
            return as_action
        return replace(found, score=max(found.score, as_action.score), named=as_action.named)

    def _listed_unless_free(self, actions: list[PlannedStep]) -> None:
        """A search for free time is said with a word of freeness ("free slots", "المواعيد
        الفاضية"); "tomorrow's appointments from the calendar" are listed, by the service's
        step that lists them."""
        for index, step in enumerate(actions):
            operation = step.node_type.type.split(".")[1]
            if "free" not in operation.split("_") or _FREENESS.search(normalize(step.said)):
                continue
            listings = [
                t
                for t in self.registry.node_types
                if t.connector is step.node_type.connector
                and t.type.split(".")[1].startswith("list_")
            ]
            if len(listings) == 1:
                actions[index] = replace(step, node_type=listings[0])

    def _event_of_records(
        self, before: list[Clause], clause: Clause, hints: set[str], said: str
    ) -> PlannedStep | None:
        """The event whose records ``clause`` names ("every order"), of the service the
        clauses ``before`` it name, when it reads as one."""
        services = [
            word
            for earlier in before
            for word in earlier.words()
            if self.catalogue.connectors_named([word])
        ]
        found = self.catalogue.best(clause.words() + services, True, hints)
        if found is None or found.score < MATCH_THRESHOLD:
            return None
        return PlannedStep(found.node_type, said, clause.entities)

    def _key_of_step_before(self, clause: Clause, words: list[str], before: PlannedStep) -> bool:
        """ "…update the row in my sheet, matching on the Email column": the key said on its
        own is the step before's, which then finds its row by it (its service's upsert).
        Whether the clause was that, and is now the step's."""
        if not any(entity.kind == "key" for entity in clause.entities):
            return False
        if clause.starts_with_when or len(words) > 5 or self.catalogue.connectors_named(words):
            return False
        if not before.node_type.type.split(".")[1].startswith(("update", "upsert")):
            return False
        before.entities.extend(clause.entities)
        if "key_column" not in _fields(before.node_type):
            keyed = self._step_taking(before.node_type.connector.id, {"key_column"})
            if keyed is not None:
                before.node_type = keyed.node_type
        return True

    def _about_the_business(self, clause: Clause, said: str) -> bool:
        """Whether an English ``clause`` only tells of the business ("I have a shop of
        cosmetics on Shopify", "we sell abayas on Zid"): no event, no order in it."""
        if clause.starts_with_when or not said.isascii() or not about_the_user(said):
            return False
        said_words = MARKER.sub(" ", clause.text).split()
        return not any(
            self._is_order(word, " ".join(said_words[:at])) for at, word in enumerate(said_words)
        )

    def _more_of_what_is_sent(self, before: Clause, clause: Clause) -> bool:
        """Whether ``clause`` ("the total", "the schedule") goes on the list of what the step
        said before it sends "with": a noun phrase with no order, naming no service."""
        if not _WITH.search(before.text) or clause.starts_with_when:
            return False
        said = MARKER.sub(" ", clause.text).lower().split()
        if not said or not MARKER.sub("", clause.text).isascii() or said[0] not in _POSSESSORS:
            return False
        if any(self._is_order(word, said[0]) for word in said[1:2]):
            return False  # "the customer gets a message": the step is said after the subject
        # "the schedule" is the lessons' schedule, no schedule trigger; "the time of the
        # appointment" names a thing a calendar holds, not the calendar: still what is sent
        words = clause.words()
        named = set(self.catalogue.connectors_named(words)) - {"schedule", "core"}
        return not any(
            set(words) & self._service_names.get(connector, set()) for connector in named
        )

    def _event_said_again(
        self,
        clause: Clause,
        words: list[str],
        hints: set[str],
        trigger: PlannedStep | None,
        actions: list[PlannedStep],
    ) -> bool:
        """ "telegram bot: when someone writes /price, reply …": the service's event named
        first, then said again without its name ("when someone writes") — the same event, no
        step of its own (read as one, "writes" was a row written to a sheet)."""
        if trigger is None or actions or not clause.starts_with_when:
            return False
        if trigger.node_type.type in (SCHEDULE_TYPE, MANUAL_TYPE):
            return False
        again = self.catalogue.best(words, True, hints)
        if again is None or again.score < MATCH_THRESHOLD:
            return False
        return not again.named or again.node_type is trigger.node_type

    def _event_goes_on(
        self, event: Clause, clause: Clause, words: list[str], trigger: PlannedStep
    ) -> NodeType | None:
        """ "بس يتسكر كارد بالتريلو وينحط بـ Delivered", "lma y5ls el card w yt7rk l Done": the
        event said as two things that happen, the second joined by "and" in the passive or the
        third person (no order: "ينحط", "moved to"). The two read together as one event of the
        same service ("a card put in a list" is a card moved); None when the clause is an
        order, names another service ("ويتضاف في الشيت" is a step), or adds nothing."""
        if not event.starts_with_when or clause.starts_with_when:
            return None
        if trigger.node_type.type in (SCHEDULE_TYPE, MANUAL_TYPE, WAIT_TYPE, CONDITION_TYPE):
            return None
        said = MARKER.sub(" ", clause.text).split()
        if not said or len(said) > 4:
            return None
        first = said[0].lower()
        happens = (
            first.startswith(_PASSIVE_PREFIXES) and len(first) > 3 and not first.isascii()
        ) or (
            first.isascii()
            and (first.endswith("ed") or first in _PUT_AFTER_THE_EVENT)
            and first not in self._any_verbs
        )
        connector = trigger.node_type.connector.id
        if not happens or set(self.catalogue.connectors_named(words)) - {connector}:
            return None
        # what was made, then put in a place ("وينحط بـ Delivered", "and added to Done"), was
        # moved there — unless the event is its making ("a card made and put in To Do")
        made = bool((set(event.words()) | set(event.text.lower().split())) & _MADE)
        moved = words if made else [_PUT_AFTER_THE_EVENT.get(word, word) for word in words]
        together = self.catalogue.best(event.words() + moved, True, only=connector)
        if together is None or together.score < MATCH_THRESHOLD:
            return None
        if made:
            # where it is made, said after ("created and put in Doing"): the same event; any
            # other ("new order -> completed") is what to make of it, a step
            same = together.node_type is trigger.node_type and bool(clause.entities)
            return trigger.node_type if same else None
        return together.node_type if together.node_type is not trigger.node_type else None

    def _moved_from_to(
        self, clause: Clause, extraction: Extraction, trigger: PlannedStep | None
    ) -> list[PlannedStep]:
        """ "back up the Orders table from Airtable into my Google Sheet", "انقل الطلبات من
        سلة الى الشيت": on a schedule or a button, the service after "from" is read (its
        listing) and the one after "to" written (its step that adds); read the other way round,
        the sheet was read and Airtable searched. Empty when the clause says no such move."""
        if clause.starts_with_when or (
            trigger is not None and trigger.node_type.type not in (SCHEDULE_TYPE, MANUAL_TYPE)
        ):
            return []
        move = self._move_said(clause)
        if move is None:
            return []
        source, target, to_at = move
        listings = [
            t
            for t in self.registry.node_types
            if not t.is_trigger
            and t.connector.id == source
            and t.type.split(".")[1].startswith(_LISTS)
        ]
        writes = [
            t
            for t in self.registry.node_types
            if not t.is_trigger
            and t.connector.id == target
            and t.type.split(".")[1].startswith(_WRITES)
        ]
        if not listings or not writes:
            return []
        words = clause.words()
        read = self.catalogue.best(words, False, only=source)
        listing = read.node_type if read and read.node_type in listings else listings[0]
        written = self.catalogue.best(words, False, only=target)
        write = written.node_type if written and written.node_type in writes else writes[0]
        # each step keeps the words and the names said on its side of "to" (the shape after
        # reads a "from" in a step's words as where that step reads)
        read_part = Clause(clause.text[:to_at], [], False)
        write_part = Clause(clause.text[to_at:], [], False)
        return [
            PlannedStep(listing, read_part.said(extraction), extraction.in_text(read_part.text)),
            PlannedStep(write, write_part.said(extraction), extraction.in_text(write_part.text)),
        ]

    def _move_said(self, clause: Clause) -> tuple[str, str, int] | None:
        """(the service data is moved from, the one it goes to, where "to" starts in the
        clause's text) for "… from Airtable into my sheet", "… من سلة الى الشيت"; else None."""
        text = MARKER.sub(" ", clause.text)  # one character each: the positions stay
        if _NEW_RECORDS.search(normalize(text)):
            return None  # "post new rows from my sheet to Slack": an event, not a move
        source_at = _FROM_WORD.search(text)
        if source_at is None:
            return None
        target_at = _TO_WORD.search(text, source_at.end())
        if target_at is None:
            return None
        source = self._surest_named(tokens(normalize(text[source_at.end() : target_at.start()])))
        target = self._surest_named(tokens(normalize(text[target_at.start() :])))
        if source is None or target is None or source == target:
            return None
        return source, target, target_at.start()

    def _surest_named(self, words: list[str]) -> str | None:
        """The service ``words`` name most surely ("google sheet": Sheets, not Calendar)."""
        named = self.catalogue.connectors_named(words)
        if not named:
            return None
        best = max(named, key=named.__getitem__)
        return best if named[best] >= _SURELY_NAMED else None

    def _makes_links(self, node_type: NodeType) -> bool:
        """A payment service's step that makes a link to pay (its output has the "url")."""
        example = node_type.manifest.output_example
        return (
            not node_type.is_trigger
            and node_type.connector.manifest.category == "Payments"
            and node_type.type.split(".")[1].startswith("create_")
            and isinstance(example, dict)
            and "url" in example
        )

    def _link_maker(
        self, words: list[str], said: str, sender: NodeType, trigger: PlannedStep | None
    ) -> NodeType | None:
        """The step that makes the payment link a message sends ("send the customer a new
        payment link on WhatsApp"): of the payment service the clause names, or else of the
        event's; None when no link to pay is said, or no such service is said."""
        if self._makes_links(sender) or not _PAYMENT_LINK.search(normalize(said)):
            return None
        services = set(self.catalogue.connectors_named(words))
        if trigger is not None:
            services.add(trigger.node_type.connector.id)
        makers = [
            t
            for t in self.registry.node_types
            if self._makes_links(t) and t.connector.id in services
        ]
        return makers[0] if len(makers) == 1 else None

    def _link_sent_back(self, trigger: PlannedStep | None, actions: list[PlannedStep]) -> None:
        """ "sends a Moyasar payment link when a customer writes 'pay' on WhatsApp": the link
        made goes back where the message came from, when its words name no other service."""
        reply = _REPLY_ACTIONS.get(trigger.node_type.type) if trigger else None
        if reply is None or reply not in self.registry:
            return
        for index, step in enumerate(actions):
            if not self._makes_links(step.node_type) or not _SENDS.search(normalize(step.said)):
                continue
            named = set(self.catalogue.connectors_named(tokens(normalize(step.said))))
            if named - {step.node_type.connector.id}:
                continue
            actions.insert(index + 1, PlannedStep(self.registry.get(reply), step.said))
            return

    def _learned(self, clause: Clause, may_start: bool) -> Match | None:
        """The node type the learned matcher reads in ``clause`` (learned.py), as a match just
        good enough to be taken; None when it is not sure, which leaves the clause not
        understood. A trigger only while the flow has none; after "when", only a trigger."""
        model = shipped_model()
        if model is None:
            return None
        kinds = {True} if clause.starts_with_when and may_start else {True, False}
        if not may_start:
            kinds = {False}
        allowed = {t.type for t in self.registry.node_types if t.is_trigger in kinds}
        guess = model.guess(MARKER.sub(" ", clause.text), allowed)
        if guess is None:
            return None
        node_type = self.registry.get(guess.node_type)
        named = node_type.connector.id in self.catalogue.connectors_named(clause.words())
        return Match(node_type, MATCH_THRESHOLD, LEARNED_PHRASE, named)

    def _second_opinion(self, clause: Clause, found: Match | None, triggers: bool) -> Match | None:
        """Which of one service's operations the clause means, when the rules chose one by the
        words it shares with its phrases and the learned matcher is sure of another of the same
        service ("ملي كيتخلص شي invoice ف ستريب": an invoice paid, not any payment). Never
        another service: the rules' reading of names is the surer one."""
        model = shipped_model()
        if model is None or found is None or found.phrase == LEARNED_PHRASE:
            return found
        if found.score < MATCH_THRESHOLD:
            return found
        allowed = {t.type for t in self.registry.node_types if t.is_trigger == triggers}
        guess = model.guess(MARKER.sub(" ", clause.text), allowed)
        if guess is None or guess.node_type == found.node_type.type:
            return found
        node_type = self.registry.get(guess.node_type)
        if node_type.connector.id != found.node_type.connector.id:
            return found
        if triggers:
            # the words said weigh more than the model's guess when they tell its event far
            # less well: "when an order comes from woocommerce" is an order made, not updated
            said = self.catalogue.best_of(clause.words(), found.node_type.type)
            guessed = self.catalogue.best_of(clause.words(), node_type.type)
            if (
                said is not None
                and guessed is not None
                and guessed.score < said.score - _SURER_BY_WORDS
            ):
                return found
        if (
            self._carries_a_kind(node_type)
            and MARKER.sub("", clause.text).isascii()
            and not set(clause.words()) & _CARRIED.keys()
        ):
            # "send the summary to the doctor on Telegram": a file, photo or buttons step
            # only when the clause says what it carries, never from letters ("doc"tor)
            return found
        return replace(found, node_type=node_type, phrase=LEARNED_PHRASE)

    def _sent_with_ai(
        self, clause: Clause, words: list[str], step: PlannedStep, fetch: PlannedStep | None
    ) -> NodeType | None:
        """The step that sends what the AI ``step`` writes, when its clause starts with the
        order to send it: "email me a summary of … by ChatGPT", "send me on Slack an AI
        summary of …". None when the clause orders nothing sent or names no one way to."""
        if step.node_type.type != _AI_TYPE or not MARKER.sub("", clause.text).isascii():
            return None
        said = MARKER.sub(" ", clause.text).lower().split()
        if not said or canonical(said[0]) not in _SENDING_ORDERS:
            return None
        read_from = {fetch.node_type.connector.id} if fetch is not None else set()
        named = set(self.catalogue.connectors_named(words)) - read_from - _NOT_SENDERS
        if len(named & _MAILBOXES) > 1:
            named.discard("email")  # "on gmail": the mailbox named, not any e-mail
        ways = [self._write_step(connector, words) for connector in sorted(named)]
        sending = [w for w in ways if w is not None and w.type.split(".")[1].startswith(_SENDING)]
        if len(sending) == 1:
            return sending[0]
        if not named and canonical(said[0]) == "email" and "email.send_email" in self.registry:
            return self.registry.get("email.send_email")
        return None

    def _carries_a_kind(self, node_type: NodeType) -> bool:
        """Whether ``node_type`` sends one kind of thing (a file, a photo, buttons), as its
        phrases say."""
        return any(
            set(normalize(phrase).split()) & _CARRIED.keys()
            for phrase in node_type.manifest.phrases.en
        )

    def _vague_if(
        self,
        clause: Clause,
        extraction: Extraction,
        not_understood: list[str],
        actions: list[PlannedStep] | None = None,
        language: Language = "en",
        checked: list[PlannedStep] | None = None,
        said_words: list[str] | None = None,
        trigger: PlannedStep | None = None,
    ) -> Clause | None:
        """ "if it fails, text me": an "if" with no value to compare is not understood; the order
        after it still is (and the list says the condition was not). Right after a step that
        reads (a call to an address, a list of records), the "if" is about what it read: a
        condition on it goes into ``checked`` (asked for when its words say nothing sure)."""
        if not _VAGUE_IF.match(clause.text.lower()):
            return clause
        rest_said = set(_VAGUE_IF.sub("", clause.text.lower() + " ").split())
        if rest_said <= _IT and any(e.kind == "condition" for e in extraction.entities):
            return None  # "if it" cut from "if it mentions refund": the condition says the rest
        if actions and _reads_something(actions[-1].node_type) and checked is not None:
            # right after a read, the "if" is about what it read, whatever event its words
            # also read as ("if there are new orders")
            for word in list(re.finditer(r"\S+", clause.text))[1:]:
                found = tokens(word.group(0).lower())
                before = clause.text[: word.start()]
                lowered = word.group(0).lower()
                verb = word.group(0).isascii() and (
                    (found and found[0] in self._verbs)
                    or lowered in _BARE_ORDERS
                    or _ORDER_TO_SOMEONE.match(clause.text, word.start()) is not None
                )
                if self._is_order(word.group(0), before) or verb:
                    said = Clause(before, [], False).said(extraction)
                    step = self._check_of_read(said, actions, language, said_words)
                    if step is None:
                        break
                    checked.append(step)
                    rest = Clause(clause.text[word.start() :], [], False)
                    rest.entities = extraction.in_text(rest.text)
                    return rest
            else:
                step = self._check_of_read(clause.said(extraction), actions, language, said_words)
                if step is not None:
                    checked.append(step)
                    return None
        first_split = None
        for word in list(re.finditer(r"\S+", clause.text))[2:]:
            found = tokens(word.group(0).lower())
            before = clause.text[: word.start()]
            # an Arabic service name read as its Latin one ("عالواتس") is no English verb
            # ("WhatsApp the customer")
            verb = found and found[0] in self._any_verbs
            verb = verb and (word.group(0).isascii() or not found[0].isascii())
            where_said = first_split is None and _WHERE_BEFORE.search(before)
            if where_said and self.catalogue.connectors_named(found):
                # "if anyone sends a photo on whatsapp …": a service said after "on" is where
                # the event happens, not the order "whatsapp them" ("… post in slack": where
                # the order said before it goes)
                where = self.catalogue.best(Clause(before, [], False).words() + found, True)
                if where is not None and where.score >= MATCH_THRESHOLD:
                    return clause
            if self._is_order(word.group(0), before) or verb:
                as_event = self.catalogue.best(Clause(before, [], False).words(), True)
                # "…, if the payment method is cash on delivery": a field of the event known
                # is compared, whatever event its words also read as ("الاستلام")
                on_field = self._check_of_event(
                    Clause(before, extraction.in_text(before), False), extraction, trigger, language
                )
                if as_event is not None and as_event.score >= MATCH_THRESHOLD and not on_field:
                    return clause  # "if a new email lands in my Gmail": an event
                first_split = first_split or word
        if first_split is not None:
            condition = Clause(clause.text[: first_split.start()], [], False)
            rest = Clause(clause.text[first_split.start() :], [], False, clause.otherwise)
            rest.entities = extraction.in_text(rest.text)
            step = self._check_of_read(
                condition.said(extraction), actions or [], language, said_words
            ) or self._check_of_event(condition, extraction, trigger, language)
            if step is not None and checked is not None:
                checked.append(step)
                rest.otherwise = False  # the order after the "if" is its 'true' branch
            else:
                not_understood.append(condition.said(extraction))
            return rest
        on_field = self._check_of_event(clause, extraction, trigger, language)
        as_event = self.catalogue.best(clause.words(), True)
        if as_event is not None and as_event.score >= MATCH_THRESHOLD and on_field is None:
            return clause
        step = (
            self._check_of_read(clause.said(extraction), actions or [], language, said_words)
            or on_field
        )
        if step is not None and checked is not None:
            checked.append(step)
            return None
        not_understood.append(clause.said(extraction))
        return None

    def _check_of_event(
        self,
        condition: Clause,
        extraction: Extraction,
        trigger: PlannedStep | None,
        language: Language,
    ) -> PlannedStep | None:
        """ "when an Outlook e-mail comes, if it's from a VIP client …", "إذا كانت طريقة الدفع
        عند الاستلام …": an "if" that names a field of the event's data is a condition on that
        field; the value said after it is compared ("Cash on delivery"), or asked for when the
        words name a kind of value rather than one ("a VIP client"). None when it names none."""
        if trigger is None or trigger.node_type.type in (SCHEDULE_TYPE, MANUAL_TYPE):
            return None
        example = trigger.node_type.manifest.output_example
        said = condition.said(extraction)
        words = _VAGUE_IF.sub("", normalize(said) + " ").split()
        if not isinstance(example, dict) or not words:
            return None
        found: tuple[int, int, str, str] | None = None  # (words said, depth, path, key)
        for path, value in flatten(example):
            if isinstance(value, dict | list) or path.startswith("headers"):
                continue
            key = re.split(r"[.\[]", path)[-1].strip("]'").lower()
            if key in _NOT_FIELDS_SAID:
                continue
            named = _field_said(key, words)
            if named is None:
                continue
            candidate = (-named[1], path.count("."), path, key)
            if found is None or candidate < found:
                found = candidate
        if found is None:
            return self._message_is(condition, extraction, trigger, language)
        _count, _depth, path, key = found
        named = _field_said(key, words)
        assert named is not None
        rest = words[named[0] :]
        while rest and (rest[0] in _COPULAS or rest[0] in _OF_WHOM):
            rest = rest[1:]  # "المرسل من …", "the sender is …": the value comes after
        # a sender or a subject holds more than the name said ("Ahmed <ahmed@…>")
        operator = "contains" if key in _TEXT_FIELDS else "equals"
        if rest and rest[0] in _CONTAINS_WORDS:
            operator, rest = "contains", rest[1:]
        while rest and rest[-1] in _IN_IT:
            rest = rest[:-1]
        right = self._value_said(condition, extraction, rest)
        left = "{{ trigger." + path + " }}"
        step = PlannedStep(self.registry.get(CONDITION_TYPE), said)
        step.params = {
            "combine": "and",
            "conditions": [{"left": left, "operator": operator, "right": right or ""}],
        }
        if not right:
            step.to_ask.append(("conditions", _ASK_VALUE[language].format(said=said, field=key)))
        shown = right or "…"
        step.why = {
            "en": f"Checks {left} against “{shown}”, because you said “{said}”; the next steps "
            "run only when it holds (its 'true' output).",
            "ar": f"يتحقق من {left} مقابل «{shown}»، لأنك قلت «{said}»؛ الخطوات التالية تعمل فقط "
            "إذا تحقق الشرط (مخرجه «صحيح»).",
        }[language]
        return step

    def _message_is(
        self,
        condition: Clause,
        extraction: Extraction,
        trigger: PlannedStep,
        language: Language,
    ) -> PlannedStep | None:
        """ "when a client picks a service from our WhatsApp list, if it's Nail art …": after an
        event that brings a message, "it is" and a value written as a name (capitalised, or
        quoted) is what the message says; it is looked for in the message's text. None when
        the words say a kind or a quality ("if it's urgent", "if it is a complaint")."""
        said = condition.said(extraction)
        value = _IT_IS_NAME.match(said)
        if value is None:
            return None
        example = trigger.node_type.manifest.output_example
        left = find_field([Source("trigger", example)], "any", SUBJECTS["message"])
        if left is None:
            return None
        right = value.group("value").strip(" ,.،'\"")
        step = PlannedStep(self.registry.get(CONDITION_TYPE), said)
        step.params = {
            "combine": "and",
            "conditions": [{"left": left, "operator": "contains", "right": right}],
        }
        step.why = {
            "en": f"Checks that {left} contains “{right}”, because you said “{said}”; the next "
            "steps run only when it does (its 'true' output).",
            "ar": f"يتحقق أن {left} يحتوي على «{right}»، لأنك قلت «{said}»؛ الخطوات التالية "
            "تعمل فقط عندها (مخرجه «صحيح»).",
        }[language]
        return step

    def _value_said(self, condition: Clause, extraction: Extraction, rest: list[str]) -> str:
        """The value an "if" compares, as the user wrote it: a quoted one, or the words after
        the field; none when they name a kind ("a VIP client") rather than a value."""
        quoted = [
            extraction.entity(m).text
            for m in MARKER.findall(condition.text)
            if extraction.entity(m).kind == "quote"
        ]
        if quoted:
            return quoted[0]
        if not rest or rest[0] in _KIND_WORDS or len(rest) > 4:
            return ""
        said = normalize(condition.said(extraction), lower=False).split()
        # the same words as spelt in the sentence ("Cash on delivery", "Riyadh")
        return " ".join(said[len(said) - len(rest) :]).strip(" ,.،")

    def _check_of_read(
        self,
        said: str,
        actions: list[PlannedStep],
        language: Language,
        said_words: list[str] | None = None,
    ) -> PlannedStep | None:
        """ "…check the site, if it is down": the answer's status is 400 or more (and an error
        answer is kept to be checked, not a failed step); "…check the orders, if there are new
        ones": the list read has some. Any other "if" after a read is a condition to fill in,
        said as not understood. None when no step before it reads."""
        if not actions or not _reads_something(actions[-1].node_type):
            return None
        read = actions[-1]
        if read.node_type.type.split(".")[1].startswith("get_") and not re.search(r"\d", read.said):
            # "check woocommerce": no number said, the records are listed to be checked
            listing = _listing_of(read.node_type, self.registry)
            if listing is None:
                return None
            read = actions[-1] = PlannedStep(listing, read.said, read.entities, dict(read.params))
        text = normalize(said)
        rule: dict[str, Any] | None = None
        if read.node_type.type == _CALL_TYPE and _DOWN.search(text):
            read.params["fail_on_http_error"] = False
            rule = {
                "left": PREVIOUS_STEP + ".status }}",
                "operator": "greater_or_equal",
                "right": 400,
            }
        elif "count" in (read.node_type.manifest.output_example or {}) and _SOME.search(text):
            rule = {"left": PREVIOUS_STEP + ".count }}", "operator": "greater_than", "right": 0}
        elif read.node_type.type == _AI_TYPE:
            # "classify it as complaint or question, if complaint …": a class the AI was
            # asked for, looked for in what it wrote, spelt as the sentence spells it
            classes = set(tokens(normalize(read.said))) | set(normalize(read.said).split())
            asked = [w for w in _VAGUE_IF.sub("", text).split() if w in classes]
            if len(asked) == 1:
                word = next((w for w in said_words or [] if normalize(w) == asked[0]), asked[0])
                rule = {"left": PREVIOUS_STEP + ".text }}", "operator": "contains", "right": word}
        step = PlannedStep(self.registry.get(CONDITION_TYPE), said)
        if rule is None:
            step.params = {"combine": "and", "conditions": [{"left": "", "operator": "equals"}]}
            step.to_ask.append(("conditions", _ASK_CHECK[language].format(said=said)))
            return step
        step.params = {"combine": "and", "conditions": [rule]}
        step.why = {
            "en": f"Checks what the step before read, because you said “{said}”; the next "
            "steps run only when it holds (its 'true' output).",
            "ar": f"يتحقق مما قرأته الخطوة السابقة، لأنك قلت «{said}»؛ الخطوات التالية تعمل "
            "فقط إذا تحقق الشرط (مخرجه «صحيح»).",
        }[language]
        return step

    def _sent_to_address(self, clause: Clause) -> Any:
        """ "send last month's Stripe payments to accounts@shop.com": read, then sent where
        the address the clause gives takes it (an e-mail address: an e-mail)."""
        for entity in clause.entities:
            node_type = _SENT_BY_ADDRESS.get(entity.kind)
            if node_type is not None and node_type in self.registry:
                return self.catalogue.best_of(clause.words(), node_type)
        return None

    def _mailed_to_address(self, clause: Clause, found: Any) -> Any:
        """ "وصيفطهم ل ayoub@boutique.ma", "ارسلها لي على ahmed@clinic.ae": a message sent,
        with no service named, to an e-mail address (and no phone number) is an e-mail; the
        channel a bare "send" reads as by default can't take that address. None otherwise."""
        if found.named or found.node_type.connector.id in _MAILBOXES:
            return None
        if not found.node_type.type.split(".")[1].startswith(("send_", "post_")):
            return None
        kinds = {entity.kind for entity in clause.entities}
        if "email" not in kinds or "phone" in kinds:
            return None
        return self._sent_to_address(clause)

    def _sent_to_other(self, words: list[str], hints: set[str], read: Any) -> Any:
        """The step of another service the clause names that its words fit, if any; a place
        only one service keeps ("the Daily tab", "Stock.xlsx") names that service too."""
        named = [*self.catalogue.connectors_named(words), *self._kept_places(hints)]
        best = None
        for connector in named:
            if connector == read.node_type.connector.id:
                continue
            found = self.catalogue.best(words, False, hints, only=connector)
            fits = found is not None and found.score >= MATCH_THRESHOLD
            if fits and (best is None or found.score > best.score):
                best = found
        return best

    def _unnamed_elsewhere(
        self,
        found: Any,
        hints: set[str],
        trigger: PlannedStep | None,
        actions: list[PlannedStep],
        said: str,
    ) -> bool:
        """A web address said with a service's step the sentence never named nor used before
        ("ابعتها على https://…" is no WhatsApp media): the address is the one to call."""
        if "url" not in hints or found.named:
            return False
        if (
            trigger is not None
            and trigger.node_type.type in _REPLY_ACTIONS
            and _REPLY_WORD.search(said)
        ):
            return False  # "reply with https://…/menu": the link is the answer's text
        around = {step.node_type.connector.id for step in actions}
        if trigger is not None:
            around.add(trigger.node_type.connector.id)
        return found.node_type.connector.id not in around

    def _address_step(self, clause: Clause, said: str) -> PlannedStep | None:
        """A clause that says little but a web address ("check https://…/health", "ping my
        site"): the one action that calls an address, when exactly one takes it."""
        site = _SITE_WORDS & set(clause.words()) and not self.catalogue.connectors_named(
            clause.words()
        )
        if not site and not any(entity.kind == "url" for entity in clause.entities):
            return None
        callers = [
            entry.node_type
            for entry in self.catalogue.entries
            if not entry.node_type.is_trigger
            and "url" in entry.node_type.input_model.model_fields
            and entry.node_type.input_model.model_fields["url"].is_required()
        ]
        if len(callers) != 1:
            return None
        return PlannedStep(callers[0], said, clause.entities)

    def _reply_where_it_came_from(
        self, trigger: PlannedStep | None, actions: list[PlannedStep]
    ) -> None:
        """ "reply with ChatGPT" on a WhatsApp message is two steps: write the answer with AI,
        then send it back on WhatsApp, unless the sentence already says where it goes."""
        reply_type = _REPLY_ACTIONS.get(trigger.node_type.type) if trigger else None
        if reply_type is None or reply_type not in self.registry:
            return
        for index, step in enumerate(actions):
            if step.node_type.type != _AI_TYPE or not _REPLY_WORD.search(step.said):
                continue
            sends_after = any(
                a.node_type.connector.id == self.registry.get(reply_type).connector.id
                for a in actions[index + 1 :]
            )
            # "have ChatGPT write a polite reply and email it to me": the reply is what the AI
            # writes, and the step after it sends it elsewhere
            sent_elsewhere = _REPLY_WRITTEN.search(step.said) is not None and any(
                a.node_type.type.split(".")[1].startswith(_SENDING) for a in actions[index + 1 :]
            )
            if not sends_after and not sent_elsewhere:
                actions.insert(index + 1, PlannedStep(self.registry.get(reply_type), step.said))
            return

    def _update_in_hand(
        self, clause: Clause, trigger: PlannedStep | None, actions: list[PlannedStep]
    ) -> NodeType | None:
        """ "→ set Status to Contacted", "set it on-hold", "mark them processing": a value set
        with no service named is set on the record in hand, the one the nearest step before
        (or the event) brought, by that service's step that updates a record. None when the
        clause names a service, or no step before it has a record its service can update."""
        if clause.starts_with_when or not _SETS_VALUE.match(clause.text):
            return None
        if self.catalogue.connectors_named(clause.words()):
            return None
        for step in [*reversed(actions), *([trigger] if trigger else [])]:
            updates = [
                entry.node_type
                for entry in self.catalogue.entries
                if not entry.node_type.is_trigger
                and entry.node_type.connector.id == step.node_type.connector.id
                and entry.node_type.type.split(".")[1].startswith("update_")
                and "message" not in entry.node_type.type
            ]
            if len(updates) == 1:
                return updates[0]
        return None

    def _answered_in_place(self, trigger: PlannedStep | None, actions: list[PlannedStep]) -> None:
        """ "reply with …" to an e-mail that came in is the service's step that answers it in
        its thread, not a new e-mail that the words fit as well; only where the service has such
        a step ("reply_email"), and a message sent without a word of answering stays new."""
        answer_type = _ANSWERS.get(trigger.node_type.type) if trigger else None
        if answer_type is None or answer_type not in self.registry:
            return
        answer = self.registry.get(answer_type)
        for step in actions:
            if (
                step.node_type.connector.id == answer.connector.id
                and step.node_type is not answer
                and step.node_type.type.split(".")[1].startswith("send")
                and _REPLY_WORD.search(step.said)
                and not _TO_SOMEONE_ELSE.search(step.said)
            ):
                step.node_type = answer

    def _nothing_to_answer(self, trigger: PlannedStep, actions: list[PlannedStep]) -> None:
        """ "a report every Thursday … on Gmail": a step that answers an e-mail in its thread
        has none to answer when no e-mail came in nor was read; it is the service's new one."""
        for step in actions:
            came = next(
                (t for t, answer in _ANSWERS.items() if answer == step.node_type.type), None
            )
            if came is None or trigger.node_type.type == came or came not in _REPLY_ACTIONS:
                continue
            read_before = any(
                other.node_type.connector is step.node_type.connector
                and _reads_something(other.node_type)
                for other in actions[: actions.index(step)]
            )
            if not read_before and _REPLY_ACTIONS[came] in self.registry:
                step.node_type = self.registry.get(_REPLY_ACTIONS[came])

    def _is_order(self, word: str, before: str = "", after_order: bool = False) -> bool:
        """Whether ``word`` starts a step: an order ("ابعت", "send"), or, once the event has its
        verb, Gulf/Egyptian "have it done" ("لما يجي اوردر يتسجل في الشيت", "جاني طلب يرسل
        للعميل"); not a third person's deed ("حد يبعت رسالة": someone sends) nor the event's own
        passive ("لما صف جديد يتضاف": when a new row is added). ``before``: the clause so far."""
        bare_word = word.lower()
        found = tokens(bare_word)
        if not found and bare_word not in _DO_WORDS:
            return False
        forms = {found[0] if found else bare_word}
        for suffix in _PRONOUN_SUFFIXES:  # "اكتبها", "ابعتهولي": the order with its object
            if bare_word.endswith(suffix) and len(bare_word) - len(suffix) >= 3:
                forms.add(canonical(bare_word[: -len(suffix)]))
        for suffix in _DATIVE_SUFFIXES:  # "ردلي", "حطلي": a two-letter order and "to me"
            stem = bare_word[: -len(suffix)]
            if bare_word.endswith(suffix) and len(stem) == 2 and stem not in _PARTICLES:
                forms.add(canonical(stem))
        if not forms & self._verbs:
            return False
        if bare_word[:1] == "ل" and len(bare_word) >= 4 and canonical(bare_word[1:]) in forms:
            # "غير حالة الطلب لقيد التنفيذ": "to" glued to a noun ("قيد", a record, is also
            # "log"); no dialect glues "to" onto an order
            return False
        said_before = before.split()
        if (
            _STARTS_WHEN.match(before.lower())
            and canonical(word[1:] if word[:1] in ("و", "ف") else word) in _EVENT_MEANINGS
            and not _has_event_verb(said_before[1:])
        ):
            return False  # "اذا الطلب في زد تغيرت حالته": the event's verb after its subject
        if said_before and said_before[-1].lower() in _DETERMINERS | _EACH_WORDS:
            return False  # "in the list", "لكل سجل جديد" (for each new record): a noun
        if (
            len(said_before) >= 2
            and _WHEN_ALONE.fullmatch(" ".join(said_before[:-1]))
            and said_before[-1].startswith(_PASSIVE_PREFIXES)
            and len(said_before[-1]) >= 4  # "كل ما يتحط حدث جديد": what is put
        ):
            return False  # "كل ما ينضاف سجل": what is added, the passive's subject
        if bare_word == "غير" and said_before and said_before[-1] in ("من", "ب", "بدون"):
            return False  # "من غير ما يدفع": without, not "change"
        if (
            word.isascii()
            and len(said_before) >= 2
            and said_before[-2].lower() in _DETERMINERS
            and said_before[-1].isascii()
            and said_before[-1].lower() not in self._any_verbs
        ):
            return False  # "the invoice summary": a noun after a noun
        if (
            word.isascii()
            and len(said_before) >= 2
            and said_before[-1].lower() in ("i", "we")
            and said_before[-2].lower().rstrip("s") in _SENT_THINGS
        ):
            return False  # "when a WhatsApp message I send fails": which message, no order
        if word.isascii() and _FAILS.fullmatch(bare_word) and _SAID_WHEN.match(before):
            return False  # "when any payment fail(s) in Tap": the event's failure, no order
        if (
            word.isascii()
            and len(said_before) >= 2
            and said_before[-1].lower() in _PERSONS
            and _STARTS_WHEN.match(" ".join(said_before).lower())
        ):
            return False  # "when I move a card to Done": what I do is the event, no order
        if said_before and said_before[-1].lower() in _THERE_IS and not word.startswith("ا"):
            # "ازا في سجلات جديدة": there are records, no order to log them ("ولو في ابعتلي":
            # if there are, send me)
            return False
        if said_before and said_before[-1] in _RELATIVES:
            return False  # "الحاجات اللي اتضافت": what was added, no order to add
        if said_before and said_before[-1] in VERBAL_NOUN_ORDERS and word[:1] not in "وفا":
            # "عند إضافة سجل": the noun's object ("a record"), no order to log; "…الرد
            # (و)ارسله" is one
            return False
        if said_before and _PASSIVE_PAST.fullmatch(bare_word):
            return False  # "كل اوردر حالته اتغيرت", "الشحنة اتسلمت": what happened to it
        bare = word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word
        if (
            bare in _SENT_IN_THE_PAST
            and said_before
            and said_before[-1].lower() in _SUBJECT_WORDS
            and _STARTS_WHEN.match(before.lower())
            and not _has_event_verb(said_before[1:])
        ):
            return False  # "اذا احد ارسل SMS": someone sent (the event), no order to send
        from_them = len(said_before) >= 2 and said_before[-2] in ("من", "عن", "from")
        if (
            said_before
            and said_before[-1].lower() in _SUBJECT_WORDS
            and not bare.startswith("ا")
            and not from_them
        ):
            # "العميل يبعت": the customer's deed; "من العميل ابعته", "من زبون حطو": an order
            return False
        if bare.startswith(("ي", "بي", "تت")):
            # joined to an order, "and have it done" is the next order ("…يتلخص بالذكاء
            # الاصطناعي وينرسل لي ايميل"); after the event, only once the event has its verb
            joined = after_order and word[:1] in ("و", "ف") and bare != word
            return joined or _has_event_verb(said_before[1:])
        return True

    def _mark_otherwise(
        self,
        clause: Clause,
        actions: list[PlannedStep],
        start: int,
        condition: PlannedStep | None,
    ) -> None:
        """The first step said after "otherwise" leaves the condition by its 'false' output."""
        if not clause.otherwise or condition is None or len(actions) <= start:
            return
        if any(step.otherwise_of is condition for step in actions):
            return
        actions[start].otherwise_of = condition

    def _pleasantry(self, said: str) -> bool:
        """A greeting, a thank-you, a "please" or a word about the business: nothing the
        builder failed to understand. A word about the business that says an order, an event
        or a service ("I have a shop, send me…", "عندي Zoho Books") is no pleasantry."""
        if pleasantry_only(said):
            return True
        if not about_the_user(said):
            return False
        words = tokens(normalize(said).lower())
        return not (
            _has_event_verb(words)
            or any(canonical(word) in self._any_verbs for word in words)
            or any(word in _NAMED_SERVICES for word in words)
            or bool(unsupported(said.lower(), "en"))
        )

    def _left_out(
        self,
        clauses: list[Clause],
        extraction: Extraction,
        steps: list[PlannedStep],
        not_understood: list[str],
    ) -> list[str]:
        """The clauses that name a service no step of the flow uses, not yet reported: what
        was said of it was dropped or read as another service ("…yeb3at msg 3al whats" read
        as the Shopify event alone), so it is said not understood rather than lost."""
        used = {step.node_type.connector.id for step in steps}
        # "رسالة سلاك على ايميلها": an e-mail a step takes as its address names no mailbox
        addressed_by_email = any("email" in _fields(step.node_type) for step in steps)
        left_out: list[str] = []
        for clause in clauses:
            said = clause.said(extraction)
            if said in not_understood or unsupported(clause.text.lower(), "en"):
                continue
            # a name in Latin letters as said too: "Salla" reads as its Arabic name "سلة",
            # which, an everyday word too, names nothing here
            # a column, tag or table named "Email" or "zid" names no service
            unnamed = MARKER.sub(
                lambda m: " " if extraction.entity(m.group(0)).kind in _NAME_KINDS else m.group(0),
                clause.text,
            )
            said_words = clause.words() + re.findall(
                r"[a-z]+", Clause(unnamed, [], False).said(extraction).lower()
            )
            named = [
                _NAMED_SERVICES[word]
                for word in said_words
                if word in _NAMED_SERVICES
                and (
                    word != "email" or (_SAYS_EMAIL.search(said.lower()) and not addressed_by_email)
                )
            ]
            if any(not connectors & used for connectors in named):
                left_out.append(said)
            elif (tail := self._order_in_event(clause, extraction, steps)) is not None:
                left_out.append(tail)
        return left_out

    def _order_in_event(
        self, clause: Clause, extraction: Extraction, steps: list[PlannedStep]
    ) -> str | None:
        """What a clause read whole as the flow's event orders after it, when no step was made
        of it: "لما يجي اوردر جديد في شوبيفاي ابعتله عنوان المحل" is the Shopify event, and
        "ابعتله عنوان المحل" is said not understood rather than lost."""
        said = clause.said(extraction)
        made = [step for step in steps if step.said == said]
        if len(made) != 1 or not made[0].node_type.is_trigger:
            return None
        for word in list(re.finditer(r"\S+", clause.text))[2:]:
            if _PASSIVE.match(word.group(0)) or not self._is_order(
                word.group(0), clause.text[: word.start()]
            ):
                continue  # "…اللي حالتها بتتغير": the event's own verb, no order
            tail = Clause(clause.text[word.start() :], [], False)
            if len(tail.words()) < 2:
                return None
            return tail.said(extraction)
        return None

    def _names_its_service(self, clause: Clause, step: PlannedStep) -> bool:
        return step.node_type.connector.id in self.catalogue.connectors_named(clause.words())

    def _connected_to(self, clause: Clause) -> Any:
        """The step of the service a "connect X to Y" clause names beside the one it lacks:
        the one the data goes to (its step that adds or posts), or None. Without "connect",
        a service named only after the lacking one is where its data goes too ("every new
        Calendly booking to my Google Calendar", "كل فاتورة في اودو تنضاف في الشيت"): its own
        event would be a silent swap for the lacking one's."""
        text = clause.text.lower()
        lacking = unsupported(text, "en")
        if not lacking or any(item.event for item in lacking):
            return None  # an event it lacks ("فشلت عملية الدفع في سترايب") sends nowhere
        if not _CONNECT.search(text):
            before = tokens(MARKER.sub(" ", text[: lacking[0].span[0]]))
            if self.catalogue.connectors_named(before):
                return None  # "a new Shopify order to Discord": Shopify's event is said
            if _AN_EVENT_AFTER.search(text[lacking[-1].span[1] :]):
                return None  # "a QuickBooks invoice for every Shopify order": its event
        for item in reversed(lacking):
            text = text[: item.span[0]] + " " + text[item.span[1] :]
        words = tokens(MARKER.sub(" ", text))
        # "google" names Calendar and Sheets alike: the word after it tells which
        telling = [w for w in words if len(self.catalogue.connectors_named([w])) < 2]
        named = self.catalogue.connectors_named(telling)
        if len(named) != 1:
            return None
        (connector,) = named
        writes = [
            entry.node_type
            for entry in self.catalogue.entries
            if not entry.node_type.is_trigger
            and entry.node_type.connector.id == connector
            and entry.node_type.type.split(".")[1].startswith(_WRITES)
        ]
        if not writes:
            return None
        found = self.catalogue.best(words, False, only=connector)
        if found is not None and found.node_type in writes:
            return found
        return self.catalogue.best_of(words, writes[0].type)

    def _named_trigger(self, clause: Clause, extraction: Extraction) -> PlannedStep | None:
        lacking = unsupported(clause.text.lower(), "en")
        text = clause.text.lower()
        for item in reversed(lacking):
            text = text[: item.span[0]] + " " + text[item.span[1] :]
        words = tokens(MARKER.sub(" ", text))
        found = self.catalogue.best(words, True)
        cue = _EVENT_CUE_SAID.search(text)
        if cue is not None:
            # "create a QuickBooks invoice for each Stripe payment": the event is what follows
            # "each"; the words of the step Flowin lacks ("invoice") are not the event's
            event_words = tokens(MARKER.sub(" ", text[cue.start() :]))
            said_after = self.catalogue.best(event_words, True) if event_words else None
            if said_after is not None and said_after.named and said_after.score >= MATCH_THRESHOLD:
                found = said_after
        if lacking and any(item.name[0].islower() for item in lacking):
            return None  # an event it lacks ("a failed payment") is not its neighbour
        if found is not None and found.named and found.score >= MATCH_THRESHOLD:
            return PlannedStep(found.node_type, clause.said(extraction), clause.entities)
        return None

    def _event_inside(
        self, clause: Clause, extraction: Extraction, services: list[str]
    ) -> tuple[PlannedStep, PlannedStep | None] | None:
        """An order whose object is the event: "send a welcome email to new Stripe customers"
        is the trigger "new Stripe customer" and the step "send a welcome email". ``services``
        are the words of the services said before ("paymob + sheets: every payment goes…"),
        whose event one naming none is."""
        for pattern in _EVENT_OBJECT:
            match = pattern.search(clause.text)
            if match is None or match.start() == 0:
                continue
            event = Clause(match.group("event"), [], True)
            order = Clause(clause.text[: match.start()] + clause.text[match.end() :], [], False)
            people = _PEOPLE_WHO.match(event.text) is not None
            event_words = event.words()
            if people and not self.catalogue.connectors_named(event_words):
                # "a list on WhatsApp for everyone who talks to us": they talk to us where the
                # order (or the sentence, when the order was cut from it) answers them
                around = order.words() + Clause(extraction.text, [], False).words()
                event_words += [w for w in around if self.catalogue.connectors_named([w])]
            as_trigger = self._event_of(event_words, services)
            said_order = order.text.split()
            sent_before = (
                people
                and len(said_order) == 1
                and said_order[0].startswith(_PASSIVE_PREFIXES)
                and not said_order[0].isascii()
            )
            if (
                as_trigger is not None
                and as_trigger.score >= MATCH_THRESHOLD
                and (self._names_only(order.words()) or sent_before)
            ):
                # (or "…تنبعت لكل حدا بيحكي معنا": the passive alone says the step before is
                # what is sent to them)
                # "Stripe invoice paid →": the service's name says whose event it is, no step
                said_event = event.said(extraction)
                return PlannedStep(
                    as_trigger.node_type, said_event, extraction.in_text(event.text)
                ), None
            as_action = self.catalogue.best(
                order.words(), False, _hints(clause.entities), exclude=self._unrouted(order.text)
            )
            if (
                as_trigger is None
                or as_action is None
                or min(as_trigger.score, as_action.score) < MATCH_THRESHOLD
            ):
                continue
            said_event = event.said(extraction)
            trigger = PlannedStep(as_trigger.node_type, said_event, extraction.in_text(event.text))
            as_action = self._answer_inside(as_action, order, trigger, clause.entities)
            if people and not as_action.named:
                # what is sent to the people who wrote, with no service said, goes back
                # where they wrote (a welcome message to anyone who messages us on WhatsApp)
                in_context = self._action_in_context(
                    order.words(), _hints(clause.entities), trigger, [], order.text
                )
                if in_context is not None and in_context.score >= MATCH_THRESHOLD:
                    as_action = in_context
            # "reply to new messages with our price list photo": what is sent, said after the
            # event
            sent_with = re.split(r"\bwith\b", event.text, maxsplit=1)[1:]
            carried = order.words() + Clause(" ".join(sent_with), [], False).words()
            action = PlannedStep(
                self._carrying(as_action.node_type, carried),
                clause.said(extraction),
                extraction.in_text(clause.text),
            )
            return trigger, action
        return self._event_span(clause, extraction, services)

    def _event_span(
        self, clause: Clause, extraction: Extraction, services: list[str]
    ) -> tuple[PlannedStep, PlannedStep | None] | None:
        """The event said inside an order, wherever it stands: "notify #support about each
        incoming WhatsApp message", "save incoming SMS messages to Notion". The span from a
        word like "each", "new", "incoming" (كل, أي) that reads best as a trigger, while the
        rest of the clause still reads as a step."""
        spans = list(re.finditer(r"\S+", clause.text))
        if len(spans) > 24:
            return None
        hints = _hints(clause.entities)
        said = [span.group(0).lower() for span in spans]
        best: tuple[float, int, int, Any, Any] | None = None
        for i, first in enumerate(spans):
            if said[i] not in _EVENT_CUES and not _object_of_passing_on(said, i):
                continue
            for j in range(i + 1, min(len(spans), i + 7) + 1):
                if j < len(said) and said[j] in _EVENT_NOUNS:
                    continue  # "each woocommerce order | updates": the updates are the event
                event = Clause(clause.text[first.start() : spans[j - 1].end()], [], True)
                rest = clause.text[: first.start()] + " " + clause.text[spans[j - 1].end() :]
                as_trigger = self._event_of(event.words(), services)
                rest_words = Clause(rest, [], False).words()
                if self._names_only(rest_words):
                    # "Moyasar payment paid →": the name is whose event it is, no step; said
                    # after the event's noun ("كل طلب سلة", "كل طلب زد") it is whose event it is
                    # too, never another service's event of that noun
                    named = set(self.catalogue.connectors_named(rest_words))
                    if as_trigger is not None and as_trigger.node_type.connector.id not in named:
                        as_trigger = self._event_of(event.words() + rest_words, services)
                    as_action = None
                    if as_trigger is None or as_trigger.score < MATCH_THRESHOLD:
                        continue
                    total = as_trigger.score + MATCH_THRESHOLD
                    if best is None or total > best[0]:
                        best = (total, i, j, as_trigger, as_action)
                    continue
                as_action = self.catalogue.best(
                    rest_words, False, hints, exclude=self._unrouted(rest)
                )
                if as_trigger is None or as_action is None:
                    continue
                if min(as_trigger.score, as_action.score) < MATCH_THRESHOLD:
                    continue
                total = as_trigger.score + as_action.score
                if best is None or total > best[0]:
                    best = (total, i, j, as_trigger, as_action)
        if best is None:
            return None
        _total, i, j, as_trigger, as_action = best
        event_text = clause.text[spans[i].start() : spans[j - 1].end()]
        said_event = Clause(event_text, [], True).said(extraction)
        trigger = PlannedStep(as_trigger.node_type, said_event, extraction.in_text(event_text))
        if as_action is None:
            return trigger, None
        rest = clause.text[: spans[i].start()] + " " + clause.text[spans[j - 1].end() :]
        as_action = self._answer_inside(
            as_action, Clause(rest, [], False), trigger, clause.entities
        )
        action = PlannedStep(
            self._carrying(as_action.node_type, Clause(rest, [], False).words()),
            clause.said(extraction),
            extraction.in_text(clause.text),
        )
        return trigger, action

    def _event_of(self, words: list[str], services: list[str]) -> Match | None:
        """The trigger ``words`` read as best, of one of ``services`` (the words of the services
        said before: a heading, the business) when the words name none themselves."""
        found = self.catalogue.best(words, True)
        if found is not None and services and not found.named:
            return self.catalogue.best(words + services, True)
        return found

    def _bot_of_a_service(self, words: list[str]) -> bool:
        """Whether ``words`` say only a bot and its service ("بوت تيليجرام", "whatsapp bot"):
        what the flow is made with, even of a service whose name alone is an order to send;
        also when said as what to make ("to make the bot of telegram")."""
        words = [word for word in words if word not in _MAKING]
        services = [word for word in words if word not in _BOT_WORDS]
        return (
            len(services) == 1
            and len(words) == 2
            and bool(self.catalogue.connectors_named(services))
        )

    def _names_only(self, words: list[str]) -> bool:
        """Whether ``words`` are only the names of services ("stripe", "paymob sheets"): they
        say where, and no step."""
        return bool(words) and all(
            word not in _SENDS_BY_NAME
            and any(
                word in self._service_names.get(connector, ())
                for connector in self.catalogue.connectors_named([word])
            )
            for word in words
        )

    def _answer_inside(
        self, as_action: Match, order: Clause, trigger: PlannedStep, entities: list[Entity]
    ) -> Match:
        """ "answer new WhatsApp messages with a menu list": an answer to the event said inside
        the order goes back where the event came from, as an answer said after it does."""
        if not _REPLY_WORD.search(order.text) or trigger.node_type.type not in _REPLY_ACTIONS:
            return as_action
        hints = _hints(entities)
        found = self._action_in_context(order.words(), hints, trigger, [], order.text)
        return found if found is not None and found.score >= MATCH_THRESHOLD else as_action

    def _carrying(self, node_type: NodeType, words: list[str]) -> NodeType:
        """The step of ``node_type``'s service that sends what the words say the message
        carries: "reply with the menu photo" on Telegram is its photo step, "a whatsapp with
        two buttons" its buttons step, "the invoice PDF" its file step. Of nouns said together
        ("the menu pdf", "the price list photo") the last is the thing sent. ``node_type``
        itself when it sends no message, or when its service has no one step for that."""
        if not node_type.type.split(".")[1].startswith("send"):
            return node_type
        run: list[str] = []
        for word in words:
            if word in _CARRIED:
                run.append(word)
            elif run:
                break
        if not run:
            return node_type
        wanted = _CARRIED[run[-1]]
        found = {
            entry.node_type.type: entry.node_type
            for entry in self.catalogue.entries
            if entry.node_type.connector.id == node_type.connector.id
            and not entry.node_type.is_trigger
            and entry.node_type.type.split(".")[1].startswith("send")
            and any(
                set(normalize(phrase).split()) & wanted
                for phrase in entry.node_type.manifest.phrases.en
            )
        }
        return next(iter(found.values())) if len(found) == 1 else node_type

    def _action_in_context(
        self,
        words: list[str],
        hints: set[str],
        trigger: PlannedStep | None,
        actions: list[PlannedStep],
        said: str,
    ) -> Any:
        """The step a clause asks for, read with the sentence around it: "reply" goes back where
        the event came from (a webhook's caller, the WhatsApp sender), and a clause that names
        no service ("and update it") stays with the service of the step before it."""
        found = self.catalogue.best(words, False, hints, exclude=self._unrouted(said))
        updated = self._updated_place(words)
        if updated is not None:
            # "يتحدث الشيت بطلبات سلة" (the sheet gets updated with Salla's orders), "update
            # the sheet with the new orders": the place updated is the verb's object; the
            # service said after it is where the data comes from (read first on a schedule),
            # not a change of that service's own records
            own = self._update_step(updated, words)
            if own is not None:
                found = Match(own, max(found.score if found else 0.0, MATCH_THRESHOLD), "", True)
        kept = self._kept_in_workbook(words, hints, found) or self._posted_in_channel(
            words, hints, found
        )
        if kept is not None:
            return kept
        if found is not None and found.named:
            return found
        reply_type = _REPLY_ACTIONS.get(trigger.node_type.type) if trigger else None
        back = _REPLY_WORD.search(said) or _TO_THE_SENDER.search(normalize(said))
        if reply_type and reply_type in self.registry and back:
            # back where it came from: that service's step the words fit best ("send back a
            # photo" on Telegram is its photo step), its plain reply otherwise
            home = self.registry.get(reply_type).connector.id
            offered = self._step_taking(home, hints & {"buttons", "rows"})
            if offered is not None:
                return offered  # "reply with buttons Yes and No": the step that shows them
            same = self.catalogue.best(words, False, hints, only=home)
            # "reply 'done' to whoever pressed the button": the service's plain message is
            # the answer to a message; what came in that is not one has its own answer (a
            # photo or a file sent back is still sent: "reply with the menu photo")
            plain = (
                same is not None
                and same.node_type.type in _REPLY_ACTIONS.values()
                and _sends_a_message(same.node_type)
                and not set(words) & _CARRIED.keys()
            )
            if same is not None and same.score >= MATCH_THRESHOLD and not plain:
                return same
            return self.catalogue.best_of(words, reply_type) or same or found
        fits = found is not None and hints & set(found.node_type.input_model.model_fields)
        # "new Zid order -> change the order status": the event's service, when no step
        # came before; a wait between them belongs to no service ("…انتظر ١٠ دقائق ثم قم
        # بتغيير حالته"), nor does a condition ("…، إذا كانت طريقة الدفع كاش فغيّر حالته")
        before = next(
            (a for a in reversed(actions) if a.node_type.type not in (WAIT_TYPE, CONDITION_TYPE)),
            trigger,
        )
        if before is not None and not fits and not self.catalogue.connectors_named(words):
            previous = before.node_type.connector.id
            same = self.catalogue.best(
                words, False, hints, only=previous, exclude=self._unrouted(said)
            )
            close_enough = same is not None and same.score >= MATCH_THRESHOLD * 0.9
            if close_enough and (found is None or same.score >= found.score - 0.15):
                return replace(same, score=max(same.score, MATCH_THRESHOLD))
        return found

    def _updated_place(self, words: list[str]) -> str | None:
        """The one service whose place is the object of an update said first in a clause
        ("حدث الشيت …", Gulf passive "يتحدث الشيت …", "update the sheet …"); None otherwise."""
        if len(words) < 2 or words[0] not in _UPDATE_VERBS:
            return None
        place = list(self.catalogue.connectors_named(words[1:2]))
        return place[0] if len(place) == 1 else None

    def _update_step(self, connector: str, words: list[str]) -> NodeType | None:
        """The step of ``connector`` that changes its records ("update_row", "upsert_row"), the
        one ``words`` read best as; None when it has none."""
        best: tuple[float, NodeType] | None = None
        for entry in self.catalogue.entries:
            node_type = entry.node_type
            if node_type.is_trigger or node_type.connector.id != connector:
                continue
            if not node_type.type.split(".")[1].startswith(_UPDATES):
                continue
            score, _phrase = self.catalogue._phrase_score(entry, words)
            if best is None or score > best[0]:
                best = (score, node_type)
        return best[1] if best else None

    def _kept_places(self, hints: set[str]) -> set[str]:
        """The services a place the clause names belongs to, where only one service's steps
        take that kind of place: a sheet's tab is Google Sheets', a workbook Excel's (a table
        is Airtable's or Excel's, and names neither)."""
        kept: set[str] = set()
        for place in hints & _KEEPING_FIELDS:
            keepers = self._keepers(place)
            if len(keepers) == 1:
                kept |= keepers
        return kept

    def _keepers(self, place: str) -> set[str]:
        """The services one of whose steps takes ``place`` (a tab, a workbook, a #channel)."""
        return {
            entry.node_type.connector.id
            for entry in self.catalogue.entries
            if not entry.node_type.is_trigger and place in _fields(entry.node_type)
        }

    def _kept_in_workbook(self, words: list[str], hints: set[str], found: Any) -> Any:
        """ "add the order to Orders.xlsx in OneDrive", "read the rows of Stock.xlsx": a
        workbook's file named is the service that keeps workbooks (Excel), as its name would
        be; its step the words read best as. None when no workbook is said, or ``found``
        takes one already."""
        return self._kept_in("workbook", words, hints, found)

    def _posted_in_channel(self, words: list[str], hints: set[str], found: Any) -> Any:
        """ "post 'new order!' to the #orders channel", "notify #finance": a #channel said with
        no service is a channel of the one service whose steps take one (Slack), instead of a
        step that can't hold it (an e-mail to the customer, a Telegram chat). None when a
        service is named, or ``found`` takes a channel."""
        if found is None or self.catalogue.connectors_named(words):
            return None
        return self._kept_in("channel", words, hints, found)

    def _kept_in(self, place: str, words: list[str], hints: set[str], found: Any) -> Any:
        """The step the words read best as, of the one service whose steps take ``place`` (a
        workbook, a #channel), named by that place as surely as by its name. None when the
        clause names no such place, ``found`` takes one already, or several services do."""
        if place not in hints or (found is not None and place in _fields(found.node_type)):
            return None
        keepers = self._keepers(place)
        if len(keepers) != 1:
            return None
        kept = self.catalogue.best(words, False, hints, only=next(iter(keepers)))
        if kept is None:
            return None
        return replace(kept, score=max(kept.score, MATCH_THRESHOLD), named=True)

    def _step_taking(self, connector: str, fields: set[str]) -> Any:
        """The one action of ``connector`` with one of ``fields``, as a match, if exactly one."""
        if not fields:
            return None
        found = [
            entry.node_type
            for entry in self.catalogue.entries
            if not entry.node_type.is_trigger
            and entry.node_type.connector.id == connector
            and fields & set(entry.node_type.input_model.model_fields)
        ]
        if len(found) != 1:
            return None
        return self.catalogue.best_of([], found[0].type)

    def _event_of_condition(self, actions: list[PlannedStep]) -> PlannedStep | None:
        """ "If an order is above 500 dollars, alert me": with no event said, the thing the
        condition is about ("an order") is the event, when it reads as one."""
        for step in actions:
            if step.node_type.type != CONDITION_TYPE or not step.entities:
                continue
            subject = str(step.entities[0].value.get("subject", ""))
            words = tokens(subject.lower())
            for said in [words, *([w] for w in words)]:  # "مبلغ الطلب": the order's amount
                found = self.catalogue.best(said, True)
                if found is not None and found.score >= MATCH_THRESHOLD:
                    return PlannedStep(found.node_type, subject)
        return None

    def _fetch_first(
        self, clause: Clause, trigger: PlannedStep | None, acting: str | None = None
    ) -> PlannedStep | None:
        """On a schedule there is no event to carry data: "send me an SMS with the week's
        Stripe payments" first lists the payments. The read operation of a service the clause
        names, when it reads well from the clause, or when the clause names that service
        beside the one that acts ("post the week's Stripe revenue to Slack")."""
        if trigger is None or trigger.node_type.type != SCHEDULE_TYPE:
            return None
        words = clause.words()
        named = {
            **self.catalogue.connectors_named(words),
            **dict.fromkeys(self._kept_places(_hints(clause.entities)), 1.0),
        }
        source = self._source_said(clause)
        others = [c for c in named if c != acting and c not in _NOT_SOURCES]
        if source is None and acting in named and len(others) == 1:
            source = others[0]
        best = None
        for entry in self.catalogue.entries:
            node_type = entry.node_type
            if node_type.is_trigger or not node_type.type.split(".")[1].startswith(_READS):
                continue
            if named and node_type.connector.id not in named and node_type.connector.id != source:
                continue  # "الأوردرات على سلة": the orders of the store named, not another's
            score, _phrase = self.catalogue._phrase_score(entry, words)
            # a service it names, or words that can only mean its list ("تقرير الطلبات")
            needed = MATCH_THRESHOLD if node_type.connector.id in named else MATCH_THRESHOLD + 0.2
            if node_type.connector.id == source:
                needed = 0.0  # "from my Daily Cash sheet": read where it comes from
            if score >= needed and (best is None or score > best[0]):
                best = (score, node_type)
        return PlannedStep(best[1], "") if best else None

    def _called_first(self, clause: Clause, trigger: PlannedStep | None) -> PlannedStep | None:
        """ "every 2 hours send the prices from our API to Telegram": on a schedule or a
        button, what a step sends "from" an API, a site or an address is called first."""
        if trigger is None or trigger.node_type.type not in (SCHEDULE_TYPE, MANUAL_TYPE):
            return None
        if _CALL_TYPE not in self.registry:
            return None
        text = MARKER.sub(" ", clause.text)
        source_at = _FROM_WORD.search(text)
        if source_at is None:
            return None
        after = text[source_at.end() :].split()[:3]
        marks = MARKER.findall(clause.text[source_at.end() :])[:1]
        url_after = any(
            e.kind == "url"
            for m, e in zip(MARKER.findall(clause.text), clause.entities, strict=False)
            if m in marks
        )
        site = any(
            tokens(word.lower())[:1] and tokens(word.lower())[0] in _SITE_WORDS for word in after
        )
        if not site and not url_after:
            return None
        return PlannedStep(self.registry.get(_CALL_TYPE), "")

    def _source_said(self, clause: Clause) -> str | None:
        """The service a clause takes its data from: "the numbers from my Cash sheet", "من
        الشيت"; None when it says no "from" or names no service there."""
        said = _FROM.search(
            MARKER.sub(lambda m: f" {_entity_word(clause, m.group(0))} ", clause.text)
        )
        if said is None:
            # "send the Inventory tab to …": a sheet named in a step of another service
            kinds = {entity.kind for entity in clause.entities}
            return "google_sheets" if "sheet" in kinds else None
        where = said.group("where") or said.group("where_ar") or ""
        named = self.catalogue.connectors_named(tokens(normalize(where)))
        return next(iter(named), None) if len(named) == 1 else None

    def _schedule(self, entity: Entity, language: Language) -> PlannedStep:
        node_type = self.registry.get(SCHEDULE_TYPE)
        describe = entity.describe.get(language, entity.text)
        why = {
            "en": f"Starts the flow {describe}, because you said “{entity.text}”.",
            "ar": f"يبدأ التدفق {describe}، لأنك قلت «{entity.text}».",
        }[language]
        step = PlannedStep(node_type, entity.text, params=dict(entity.value), why=why)
        if entity.ask:
            step.to_ask.append(("cron", entity.ask[language]))
        return step

    def _failure_variant(self, node_type: NodeType, text: str) -> NodeType:
        """ "when a Paymob payment fails": the service's trigger for a failure, never its
        trigger for a success, whose phrases share every other word."""
        if not _FAILS.search(text) or _FAILURE_ID.search(node_type.type):
            return node_type
        failures = [
            t
            for t in self.registry.node_types
            if t.is_trigger
            and t.connector.id == node_type.connector.id
            and _FAILURE_ID.search(t.type.split(".")[1])
        ]
        if not failures:
            # "when a WhatsApp message I sent fails": the trigger on a status that can be
            # "failed" (its value is read from the same words, variables._choice_said)
            failures = [
                t
                for t in self.registry.node_types
                if t.is_trigger
                and t.connector.id == node_type.connector.id
                and any("failed" in _choices(t, key) for key in t.input_model.model_fields)
            ]
        return failures[0] if len(failures) == 1 else node_type

    def _ahead(self, entity: Entity, trigger: PlannedStep | None) -> PlannedStep | None:
        """ "1 hour before each appointment": the trigger that fires ahead of an event (the one
        event trigger with a "within" field), unless the sentence named another event."""
        ahead = [
            t
            for t in self.registry.node_types
            if t.is_trigger and "within" in t.input_model.model_fields
        ]
        if len(ahead) != 1:
            return trigger
        other_event = trigger is not None and trigger.node_type.type != MANUAL_TYPE
        if other_event and trigger.node_type.connector.id != ahead[0].connector.id:
            return trigger
        # what the event's own words gave ("an event with the word 'checkup'") stays
        kept = trigger.entities if other_event and trigger is not None else []
        return PlannedStep(ahead[0], entity.text, [entity, *kept])

    def _wait(self, entity: Entity, language: Language) -> PlannedStep:
        node_type = self.registry.get(WAIT_TYPE)
        describe = entity.describe.get(language, entity.text)
        why = {
            "en": f"Waits {describe} before going on, because you said “{entity.text}”.",
            "ar": f"ينتظر {describe} قبل أن يكمل، لأنك قلت «{entity.text}».",
        }[language]
        return PlannedStep(node_type, entity.text, params=dict(entity.value), why=why)

    def _condition(self, entity: Entity, extraction: Extraction) -> PlannedStep:
        node_type = self.registry.get(CONDITION_TYPE)
        rule = dict(entity.value)
        right = rule.get("right")
        if isinstance(right, str) and MARKER.fullmatch(right):
            rule["right"] = extraction.entity(right).text  # "contains 'urgent'": the words
        said = MARKER.sub(lambda m: extraction.entity(m.group(0)).text, entity.text)
        resolved = Entity(entity.kind, said, rule, entity.describe)
        return PlannedStep(node_type, said, entities=[resolved])

    def _manual(self, language: Language) -> PlannedStep:
        node_type = self.registry.get(MANUAL_TYPE)
        why = {
            "en": "Starts when you click Run: the sentence doesn't say when the flow should start.",
            "ar": "يبدأ عند الضغط على تشغيل: الجملة لا تذكر متى يبدأ التدفق.",
        }[language]
        return PlannedStep(node_type, "", why=why)

    def _fill_condition(
        self, actions: list[PlannedStep], trigger: PlannedStep, language: Language
    ) -> None:
        example = trigger.node_type.manifest.output_example
        sources = [Source("trigger", example)] if example is not None else []
        for step in actions:
            if step.node_type.type != CONDITION_TYPE or not step.entities:
                continue  # a condition set when it was planned (a check of what was read)
            rule = dict(step.entities[0].value)
            subject = rule.pop("subject")
            if "conditions" in rule:  # the time of day: its rules are whole as said
                self._fill_time_of_day(step, rule, language)
                continue
            names: tuple[str, ...] = ()
            for word in tokens(subject.lower()) or [subject.lower()]:
                if word in SUBJECTS:  # "payment_status" is its own, not the end of "status"
                    names = SUBJECTS[word]
                    break
                for key, fields in SUBJECTS.items():
                    if word == key or word.endswith(key) or key.endswith(word):
                        names = fields
                        break
                if names:
                    break
            sized = rule["operator"] in _SIZE_OPERATORS and isinstance(rule["right"], int | float)
            if not names and sized:
                names = SUBJECTS["total"]  # "if the order is over 500": what it is worth
            if (
                not names
                and subject.lower() in _IT
                and (rule["operator"] == "contains" or isinstance(rule["right"], str))
            ):
                # "if it contains 'price'", "if it is 'Hours'": the event's text
                names = SUBJECTS["message"]
            left = find_field(sources, "any", names or (subject.replace(" ", "_"),))
            if not left and not names and len(subject.split()) > 1:
                # "the customer city": the field is the last word's ("city")
                left = find_field(sources, "any", (subject.split()[-1].lower(),))
            if not left:
                # the event carries nothing by that name: said, never compared to nothing
                step.to_ask.append(("conditions", _ASK_LEFT[language].format(subject=subject)))
            step.entities = []
            step.params = {
                "combine": "and",
                "conditions": [{"left": left or "", **rule}],
            }
            operator = _OPERATOR_WORDS[language][rule["operator"]]
            right = rule["right"]
            target = left or subject
            step.why = {
                "en": f"Checks that {target} {operator} {right}; the next steps run only when "
                "it holds (its 'true' output).",
                "ar": f"يتحقق أن {target} {operator} {right}؛ الخطوات التالية تعمل فقط إذا تحقق "
                "الشرط (مخرجه «صحيح»).",
            }[language]

    def _fill_time_of_day(
        self, step: PlannedStep, rule: dict[str, Any], language: Language
    ) -> None:
        """A condition on the time now ("after 10pm"): its rules as said, the hours asked for
        when they were not ("outside working hours")."""
        entity = step.entities[0]
        step.entities = []
        step.params = {"combine": rule["combine"], "conditions": rule["conditions"]}
        if rule.get("ask"):
            step.to_ask.append(("conditions", rule["ask"][language]))
        times = " / ".join(str(c["right"]) for c in rule["conditions"] if c["right"])
        step.why = {
            "en": f"Checks the time now ({entity.text}{': ' + times if times else ''}); the next "
            "steps run only then (its 'true' output).",
            "ar": f"يتحقق من الوقت الآن ({entity.text}{': ' + times if times else ''})؛ الخطوات "
            "التالية تعمل في هذا الوقت فقط (مخرجه «صحيح»).",
        }[language]


# "يوصل العميل مسج" (the customer gets a message): the order to send the customer one.
# Fields of an event's data an "if" names by their own words ("payment method", "city",
# "from"), or in Arabic by these: "طريقة الدفع", "المدينة", "المرسل".
_FIELD_WORDS_AR = {
    "payment_method": (("طريقه", "الدفع"), ("طريقه", "دفع"), ("وسيله", "الدفع")),
    "city": (("المدينه",), ("مدينه",), ("مدينته",), ("مدينتو",)),
    "country": (("الدوله",), ("البلد",)),
    "from": (("المرسل",), ("مرسل",), ("من",)),
    "subject": (("الموضوع",), ("موضوع",), ("العنوان",)),
    "currency": (("العمله",),),
}
# "if it's Nail art", "if it is 'Prices'": a name (capitalised, or quoted) the message is.
_IT_IS_NAME = re.compile(
    r"\s*(?:only\s+)?if\s+(?:it'?s|it\s+is|it\s+was|they\s+picked|they\s+chose|the\s+answer\s+is)\s+"
    r"(?P<value>(?-i:[A-Z][\w&-]*)(?:\s+[\w&-]+){0,2}|[\"'][^\"']+[\"'])\s*$",
    re.IGNORECASE,
)
# Keys too common to be what an "if" is about ("to", "id"), or said for other things.
_NOT_FIELDS_SAID = frozenset(["to", "id", "url", "event", "topic", "created_at", "name", "items"])
_COPULAS = frozenset(
    ["is", "are", "was", "were", "=", "equals", "كان", "كانت", "هو", "هي", "يكون", "تكون", "بيكون"]
)
# What "it" stands for in a condition on the event: "if it contains 'price'", "لو هي فيها …".
_IT = frozenset(["it", "its", "it's", "this", "that", "هو", "هي", "ها"])
_TEXT_FIELDS = frozenset(["from", "subject", "text", "body", "message", "from_name"])
_OF_WHOM = frozenset(["from", "by", "of", "من", "عن"])
_CONTAINS_WORDS = frozenset(["has", "have", "contains", "includes", "mentions", "فيه", "فيها"])
_IN_IT = frozenset(["in", "it", "inside", "فيه", "فيها"])
# Words that name a kind of value, not one: "from a VIP client", "من عميل مهم".
_KIND_WORDS = frozenset(
    ["a", "an", "any", "one", "some", "someone", "somebody", "عميل", "حد", "واحد"]
)


def _field_said(key: str, words: list[str]) -> tuple[int, int] | None:
    """Where the words say the field ``key`` (the index after it, and how many words name it):
    "payment method" for payment_method, "from" for from, "طريقة الدفع" for payment_method."""
    spellings = [tuple(key.split("_")), *_FIELD_WORDS_AR.get(key, ())]
    best: tuple[int, int] | None = None
    for spelling in spellings:
        size = len(spelling)
        for start in range(len(words) - size + 1):
            if tuple(words[start : start + size]) == spelling:
                if best is None or size > best[1]:
                    best = (start + size, size)
                break
    return best


# Words that route by cases: "route it depending on the language", "وجهها حسب نوعها".
_ROUTES = re.compile(
    r"\b(?:switch|route[sd]?|routing|depending|depends|based on|according to|by (?:its|their)"
    r"\s+(?:type|status|language|kind|category))\b|(?<!\S)(?:و)?(?:حسب|بحسب|علي حسب|بناء|بناءا"
    r"|وجه\S*|توجيه\S*|يتوجه|تتوجه|وزع\S*|توزيع\S*)(?!\S)",
    re.IGNORECASE,
)
_REACHES_SOMEONE = re.compile(
    r"(?<=\S)\s+(?:و|ف)?(?:يوصل|توصل|يجي|تجي)\s+"
    r"(?P<who>(?:لل|ل)?(?:ال)?(?:عميل|زبون|كليان|مشتري|موظف|موظفه|موظفين|مدير|مديره|فريق|دكتور))\s+"
    r"(?=(?:ال)?(?:اشعار|رساله|ايميل|email|مسج|تنبيه|sms|واتساب|ميساج)(?:\s|$))"
)
_EVENT_WORD = re.compile(
    r"(?<!\S)(?:لما|لمن|اذا|لو|كل ما|كلما|عندما|عند|وقت|ملي|فاش|بس|اول ما|يوم|متي)(?!\S)"
)


# The named places a step works in, by the field that holds each.
_PLACES = {"sheet": "sheet", "table": "table", "workbook": "workbook"}


def _a_call_read_as_a_request(step: PlannedStep) -> bool:
    """An HTTP request made of "call the driver": a phone call, which the flow cannot place
    (said so apart), not a call to a web address, which the step would say."""
    return (
        step.node_type.type == _HTTP_REQUEST
        and phone_call(step.said.lower(), "en") is not None
        and not re.search(r"https?://|www\.|\b(?:api|webhook|url|endpoint)\b", step.said.lower())
    )


_HTTP_REQUEST = "http.request"
# Steps of no service (a condition, a wait, the AI step) or the honest way round a lack (a call
# to its API, a webhook): never another service in its place.
_NEVER_A_SWAP = frozenset({"core", "schedule", "http", "webhook", "openai"})
_SLACK_DM_BY_EMAIL = "slack.message_by_email"
_SLACK_MESSAGE = "slack.post_message"
# Sent to the one who asks: "send me", "dm me", "ابعتلي", "ارسل لي", "ib3atli".
_TO_ME = re.compile(r"\b(?:me|us|myself)\b|(?:لي|ليا|لنا)(?![\u0621-\u064a])|\b\w+(?:li|lna)\b")


def _same_place(steps: list[PlannedStep]) -> None:
    """A step that names no sheet, table or workbook works in the one an earlier step of its
    service named: "a new record in the Leads table … update the record", "find the invoice
    in the Invoices tab and set its status"."""
    for index, step in enumerate(steps):
        fields = step.node_type.input_model.model_fields
        for kind, key in _PLACES.items():
            if key not in fields or any(e.kind == kind for e in step.entities):
                continue
            if kind == "sheet" and "table" in fields:
                continue  # Airtable's base: its "sheet" entity is said as a table
            earlier = next(
                (
                    entity
                    for before in reversed(steps[:index])
                    if before.node_type.connector.id == step.node_type.connector.id
                    for entity in before.entities
                    if entity.kind == kind
                ),
                None,
            )
            if earlier is not None:
                step.entities.append(earlier)


def _amount_after_event(clause: Clause) -> list[Clause]:
    """ "when a payment over $200 comes in on Stripe": the event's words are one clause, the
    comparison said among them a clause of its own after it."""
    pairs = list(zip(MARKER.findall(clause.text), clause.entities, strict=False))
    inside = [(marker, entity) for marker, entity in pairs if entity.inside_event]
    if not inside:
        return [clause]
    text = clause.text
    for marker, _entity in inside:
        text = text.replace(marker, " ")
    event = Clause(
        " ".join(text.split()),
        [entity for entity in clause.entities if not entity.inside_event],
        clause.starts_with_when,
        clause.otherwise,
    )
    compared = [Clause(marker, [entity], False, clause.otherwise) for marker, entity in inside]
    return [event, *compared] if event.words() else compared


def _reaches_me(match: re.Match[str]) -> str:
    """ "لما ينضاف صف يوصلني إشعار": after an event, the notification reaching me is an order;
    "لما يوصلني إيميل" right after the "when" is the event itself."""
    before = match.string[: match.start()]
    event = _EVENT_WORD.search(before)
    # "…وتوصلني على سلاك": joined to what was said before, never the event itself
    joined = "and" in match.re.groupindex and match.group("and") and len(before.split()) >= 2
    if "bare" in match.re.groupindex and match.group("bare") and not joined:
        return match.group(0)  # "لما يوصل اشعار": the event
    if not joined and (event is None or len(before[event.end() :].split()) < 2):
        return match.group(0)
    return " ; ارسل لي "


# Replying to a message goes back where the message came from.
# A reply as the thing written, a noun after "a": "write a polite reply", "draft an answer"
_REPLY_WRITTEN = re.compile(r"\b(?:a|an)\s+(?:[a-z-]+\s+){0,2}(?:reply|response|answer)\b", re.I)
_REPLY_WORD = re.compile(
    r"\b(?:reply|replies|respond|answer|back)\b"
    r"|(?<!\S)(?:و|ف)?(?:رد|يرد|ترد|جاوب|يجاوب|ردي|يترد|تترد|ينرد|يتجاوب|تتجاوب|اجب|يجيب|تجيب)"
    # MSA "…وإرسالها للعميل كرد" (as a reply), "بالرد"
    r"|(?<!\S)(?:ك|بال|كال)رد(?!\S)",
    re.IGNORECASE,
)
# "send them our prices", "ابعتله العروض": sent to the one who wrote, a service unnamed.
_TO_THE_SENDER = re.compile(
    r"\b(?:send|text|message|give)\s+(?:them|him|her)\b"
    # "ابعتله", and written apart as the Gulf and MSA write it: "ارسل له", "طرش لهم"
    r"|(?<!\S)(?:و|ف)?(?:ابعت|ارسل|رسل|ابعث|صيفط|بعت|طرش|دز)\s?(?:له|لها|لو|لهم|ليه)(?!\S)",
    re.IGNORECASE,
)
_REPLY_ACTIONS = {
    "whatsapp.incoming_message": "whatsapp.send_text",
    "instagram_messenger.new_message": "instagram_messenger.send_reply",
    "telegram.new_message": "telegram.send_message",
    "telegram.button_pressed": "telegram.answer_button",
    "slack.new_message": "slack.post_message",
    "twilio.incoming_sms": "twilio.send_sms",
    "gmail.new_email": "gmail.send_email",
    "outlook.new_mail": "outlook.send_mail",
    "webhook.receive": "webhook.respond",
}
# What a message carries, said as its object, and the words a step that sends it is named by.
_CARRIED_KINDS = (
    ("button", "buttons"),
    ("photo", "photos", "image", "images", "picture", "pictures", "pic", "pics"),
    ("pdf", "file", "document", "documents", "attachment"),
    ("video", "videos"),
    ("voice",),
)
_CARRIED = {word: frozenset(kind) for kind in _CARRIED_KINDS for word in kind}
# The step that answers what came in within its own thread, where a service has one beside
# the step that sends a new message.
_ANSWERS = {"gmail.new_email": "gmail.reply_email"}
# "…and send the reply to my manager": an answer written, sent to someone else.
_TO_SOMEONE_ELSE = re.compile(r"\b(?:to|cc)\s+(?:my|our|the\s+(?:team|manager|boss|owner))\b|@")
_AI_TYPE = "openai.generate_text"
_CALL_TYPE = "http.request"
# How telling a service's word must be for the sentence to name it ("stripe", not "email").
_SURELY_NAMED = 0.6
_NEW_RECORDS = re.compile(
    r"\b(?:new|incoming|each|every|whenever)\b|(?<!\S)(?:ال)?(?:جديد|جديده|جداد|جدد)(?!\S)",
    re.IGNORECASE,
)
# Where data is moved from, and where to: "from airtable into my sheet", "من سلة الى الشيت".
_FROM_WORD = re.compile(r"\bfrom\b|(?<!\S)من(?!\S)", re.IGNORECASE)
_TO_WORD = re.compile(
    r"\b(?:to|into|onto)\b|(?<!\S)(?:الى|الي|لـ|علي|عل)(?!\S)|(?<!\S)(?:لل|ل|عال)(?=\S)",
    re.IGNORECASE,
)
# A link to pay said as what a message sends: "a new payment link", "لينك دفع", "رابط الدفع".
_PAYMENT_LINK = re.compile(
    r"\b(?:payment|pay|checkout)\s+links?\b|(?<!\S)(?:لينك|رابط|لنك)\s+(?:ال)?(?:دفع|سداد)(?!\S)",
    re.IGNORECASE,
)
_SENDS = re.compile(
    r"\b(?:send|sends|sent|text|message|reply)\b|(?<!\S)(?:و|ف)?(?:ابعت|ارسل|يرسل|يبعت|ابعث|صيفط|رد)\S*",
    re.IGNORECASE,
)
# A site or an API said without its address: "check our api", "شيك على الموقع" (the address is
# asked for).
_SITE_WORDS = frozenset(
    ["api", "apis", "endpoint", "website", "site", "server", "موقع", "الموقع", "سيرفر", "السيرفر"]
)
# A site or an API said down: "if it's down", "لو واقع", "واذا طاح", "law fe error".
_DOWN = re.compile(
    r"\b(?:down|offline|unreachable|not (?:working|responding|up|loading)|errors?|fails?|failing"
    r"|failed|broken|crash(?:es|ed)?)\b|(?<!\S)(?:و|ف)?(?:واقع|وقع|طاح|طايح|واقف|وقف|عطلان|معطل|بايظ"
    r"|باظ|ضرب|خربان|خرب|ايرور|خطا|مشكله)(?!\S)|(?<!\S)(?:مش|مو|ما)\s+(?:شغال|يشتغل|راضي)",
    re.IGNORECASE,
)
# Records read said to be there: "if there are new orders", "لو في", "ازا في سجلات جديدة".
_SOME = re.compile(
    r"\b(?:new|any|anything|something|there (?:is|are))\b"
    r"|(?<!\S)(?:جديد|جديده|جداد|جدد|في|فيه|فيها|فما|كاين|شي|حاجه|اي)(?!\S)",
    re.IGNORECASE,
)
_SENT_BY_ADDRESS = {
    "email": "email.send_email",
    "channel": "slack.post_message",
    "chat": "telegram.send_message",
}
# Orders that send what a step made, said first ("email me a summary …"), and the steps that do.
_SENDING_ORDERS = frozenset(
    ["send", "email", "whatsapp", "telegram", "sms", "text", "slack", "message", "notify", "post"]
)
_SENDING = ("send_", "post_")
_NOT_SENDERS = frozenset(["schedule", "core", "openai", "http", "webhook"])
# Entities that say where a message goes, not what it says.
_ADDRESSES = frozenset(["email", "phone", "channel", "chat", "to"])
# Services a clause may name that hold no data to read first (they act, or are the clock).
_NOT_SOURCES = frozenset(["schedule", "core", "openai", "http", "webhook", "email", "twilio"])
# Where a scheduled step's data comes from: "from my Daily Cash sheet", "من الشيت".
_FROM = re.compile(
    r"\bfrom\s+(?P<where>(?:(?:my|the|our|this)\s+)?(?:\S+\s+){0,3}?"
    r"(?:sheet|tab|spreadsheet|table|airtable|excel|shopify|salla|zid|woocommerce|stripe|calendar"
    r"|notion|trello|google sheets?)s?)\b"
    r"|(?<!\S)(?:من|م)\s+(?P<where_ar>(?:ال)?(?:شيت|جدول|تاب|اكسل|اكسيل|ايرتيبل|الكالندر|التقويم|نوشن)\S*)",
    re.IGNORECASE,
)


def _entity_word(clause: Clause, marker: str) -> str:
    """The word that stands for an entity when a clause is read for its source."""
    entity = next(
        (
            e
            for m, e in zip(MARKER.findall(clause.text), clause.entities, strict=False)
            if m == marker
        ),
        None,
    )
    return {"sheet": "sheet", "workbook": "excel", "table": "table"}.get(
        entity.kind if entity else "", ""
    )


_BARE_ORDERS = frozenset(
    [
        "send",
        "post",
        "add",
        "create",
        "save",
        "log",
        "notify",
        "forward",
        "reply",
        "alert",
        "ping",
        "tell",
        "remind",
        "ask",
        "thank",
        "share",
        "summarize",
        "summarise",
        "translate",
        "generate",
        "upload",
        "invite",
    ]
)
# What links an event said as a noun to the service it goes to: "sheet rows to notion",
# "each new row = a Trello card", "every new order gets a card", "new records go to Notion".
_NOUN_LINK = re.compile(
    r"\s+(?:=|gets?|goes\s+(?:to|into)|go\s+(?:to|into)|to|into)\s+", re.IGNORECASE
)
# "for each": what is sent before it, the event after it ("واتساب لكل كوموند جديدة ف ووكومرس")
_FOR_EACH = re.compile(r"\s+(?:لكل|لجميع)\s+")
# A service said last, after "on"/"by": "…لكل عميل جديد في سلة على الواتساب", "…بالايميل".
_SENT_BY_AT_END = re.compile(r"\s+(?:(?:علي|عبر|في)\s+|عال|عل|ع|بال|ب|فال)(?P<service>\S+)\s*$")
# Orders that are nouns too ("my Instagram post", "the Slack alert").
_NOUNS_TOO = frozenset(["post", "log", "reply", "alert", "share", "ping", "invite", "upload"])
# Where an event happens, ending its words: "added to my sheet send …" (whereas after a
# brand, "my Instagram post" is a noun).
_PLACE_NOUNS = frozenset(
    [
        "sheet",
        "spreadsheet",
        "tab",
        "calendar",
        "inbox",
        "store",
        "shop",
        "channel",
        "group",
        "form",
        "site",
        "website",
        "database",
        "list",
        "board",
        "account",
        "table",
        "number",
    ]
)
# The places an event's data is written to, said as a noun: "→ a row in my sheet", "→ a new
# record in the Invoices table", "→ Notion page in our Inbox database".
_WRITTEN_PLACES = frozenset(
    ["row", "rows", "record", "records", "table", "page", "database", "entry", "tab", "sheet"]
)
# What a step sends, listed after "with": "…with the name of the customer and the total".
_WITH = re.compile(r"\bwith\b", re.IGNORECASE)
# A clause that only gives someone's address, after the step that reaches them: "her email is
# …", "his number: …", "Sara's mobile is …", "ايميلها …", "ورقمه هو …" (normalised).
_ADDRESS_GIVEN = re.compile(
    r"(?:and\s+)?(?:her|his|their|its|my|our|the\s+\w+'?s?|\w+'s)\s+"
    r"(?:e-?mail(?:\s+address)?|mail|(?:phone|mobile|cell|whatsapp)(?:\s+number)?|number)"
    r"\s*(?:is|:)?\s*[\ue000-\uf8ff]"
    r"|و?(?:ايميل|بريد|رقم|جوال|موبايل|تليفون)(?:ه|ها|هم)\s+(?:هو\s+|هي\s+)?[\ue000-\uf8ff]"
)
# The hints of a place things are kept or posted in: a tab, a workbook, a database, a channel.
_PLACE_HINTS = frozenset(["spreadsheet_id", "sheet", "workbook", "database_id", "channel"])
# Words of a free time ("free slots", "المواعيد الفاضية"), which a search for one is said with.
_FREENESS = re.compile(
    r"\b(?:free|available|availability|open|empty|vacant|slots?)\b"
    r"|(?<!\S)(?:ال)?(?:فاضي|فاضيه|فاضيين|فاضين|متاح|متاحه|شاغر|شاغره|فراغ)(?!\S)"
)
# An order that reads ("get the tasks…", "جيب المهام…"): not "get a payment link", which
# makes one.
_READ_ORDER = re.compile(
    r"(?:(?:and|then|also)\s+)*(?:get|fetch|pull|retrieve|bring|look\s+up)\s+(?!(?:me\s+)?an?\s)"
    r"|(?:و|ثم\s+)?(?:جيب|اجلب|هات|جلب|يجيب|نجيب)(?:لي|ي)?\s+(?:لي\s+)?(?:كل\s+|جميع\s+)?ال"
)
# An order that keeps something: "put it in the Airtable table", "أضف كل حدث إلى…".
_STORE_ORDER = re.compile(
    r"(?:(?:and|then|also)\s+)*(?:add|put|save|insert|store|log|record|push)\b"
    r"|(?:و|ثم\s+)?(?:اضف|ضيف|حط|سجل|خزن|احفظ)"
)
# The request around the flow, said as a clause of its own: "pls make", "can you set up".
_REQUEST_FRAME = re.compile(
    r"(?:(?:can|could|would)\s+you\s+|i\s+(?:want|need)\s+(?:you\s+)?to\s+|to\s+)?"
    r"(?:make|do|build|create|set\s*up|setup|automate)"
    r"(?:\s+(?:it|this|that|something|me|for\s+me|a\s+flow|an?\s+automation))*"
)
# Words that ask to go through a list: a loop said, not only the records an event brings.
_GO_THROUGH = re.compile(r"\b(?:for|loop|repeat|go(?:ing)?\s+through|one\s+by\s+one)\b")
_POSSESSORS = frozenset(["the", "its", "his", "her", "their", "our", "your"])
# Who does an English event: "when we ship an order", "once they pay".
_PERSONS = frozenset(["i", "we", "you", "they", "he", "she"])
# Things one sends, said before "I send" / "we sent": "the message I send", "an invoice we sent".
_SENT_THINGS = frozenset(
    ["message", "e-mail", "email", "mail", "text", "sms", "invoice", "link", "reminder", "offer"]
)
_NOT_BEFORE_ORDERS = _SUBJECT_WORDS | {
    "i",
    "we",
    "you",
    "they",
    "he",
    "she",
    "to",
    "will",
    "would",
    "should",
    "can",
    "could",
    "must",
    "and",
    "or",
    "not",
    "also",
    "then",
    "please",
}
_ORDER_TO_SOMEONE = re.compile(
    r"(?:e-?mail|text|message|sms|whatsapp|dm|ping|notify|telegram)\s+(?:me|us|them|him|her)\b",
    re.IGNORECASE,
)
# "…comes in email sales@x.com", "…succeeds text +9665…": a word events use too, as an order
# to the address or number said right after it; never after "a", "new" ("a new email x@y"), nor
# as where something goes ("by email x@y", "on sms +9665…").
_ORDER_TO_ADDRESS = re.compile(
    r"(?<!\ba )(?<!\ban )(?<!\bnew )(?<!\bthe )(?<!\bon )(?<!\bby )(?<!\bvia )"
    r"(?<!\bto )(?:e-?mail|text|sms)\s+(?P<marker>" + MARKER.pattern + r")",
    re.IGNORECASE,
)


# "…comes in email the customer a thank you": the same order, to the one the event is about.
_ORDER_TO_PERSON = re.compile(
    r"(?<!\ba )(?<!\ban )(?<!\bnew )(?<!\bthe )(?<!\bon )(?<!\bby )(?<!\bvia )"
    r"(?<!\bto )(?:e-?mail|text|sms)\s+(?:the|our|my)\s+(?:customers?|clients?|buyers?|guests?"
    r"|patients?|users?|leads?|team|owners?|drivers?|vendors?|suppliers?|members?|staff)\b",
    re.IGNORECASE,
)


def _order_to_address(text: str, at: int, extraction: Extraction) -> bool:
    if _ORDER_TO_PERSON.match(text, at) is not None:
        return True
    match = _ORDER_TO_ADDRESS.match(text, at)
    if match is None:
        return False
    kind = extraction.entity(match.group("marker")).kind
    return kind in ("email", "phone")


# A failure said of the event, and the triggers that start on one.
_FAILS = re.compile(
    r"\b(?:fail(?:s|ed|ing)?|declined?|rejected|bounce[sd]?|doesn'?t go through|didn'?t go through"
    r"|undelivered|(?:not|never|didn'?t|wasn'?t|isn'?t)\s+(?:get\s+|been\s+)?(?:delivered|sent))\b"
    # Levantine/Egyptian present "بتفشل", "بيترفض": the same failure with its "ب"
    r"|(?<!\S)(?:و|ف)?(?:فشل|فشلت|ب?يفشل|ب?تفشل|اترفض|اترفضت|انرفض|انرفضت|ب?يترفض|ب?تترفض"
    r"|رفض|رفضت|مرفوض|مرفوضه|ماوصلتش|موصلتش|مااتبعتتش|ما\s+(?:وصلتش|وصلت|اتبعتتش|انبعتت)|لم\s+(?:تصل|يصل))(?!\S)",
    re.IGNORECASE,
)
_FAILURE_ID = re.compile(r"fail|declin|reject")
# A clause that is only the words of a message, cut from its step by a schedule or a comma.
# Arabic passive and reflexive present forms ("بتتغير", "ينحفظ", "تتسجل"): what happens
_PASSIVE = re.compile(r"(?:ب)?(?:يت|تت|ين|تن)[\u0621-\u064a]{2,}$")
# "water the plants", "fax the contract": an order of a word no step knows, with its object
_UNKNOWN_ORDER = re.compile(
    r"(?!(?:the|a|an|and|or|to|on|in|into|with|for|of|at|by|from|my|our|your|his|her|their|this"
    r"|that|it|them|him|me|us|each|every|all|any|no|not|only|just|then|also|plus)\b)[a-z]+\s+"
    r"(?:the|a|an|my|our|his|her|their|this|that|some)\s+[a-z]+$"
)
_SAYING = re.compile(
    r"^\s*(?:saying|that says|with the (?:text|message|words))\s+(?P<what>.{2,200})$"
    r"|^\s*(?:يقول|تقول|وتقول|ويقول|نصها|نصه)\s+(?P<what_ar>.{2,200})$",
    re.IGNORECASE,
)
_NOTHING_TYPE = "core.no_op"
# "otherwise nothing", "غير هيك ولا شي", "وإلا ولا حاجة", "غير كده متعملش حاجة": no step.
_NOTHING_SAID = re.compile(
    r"(?:(?:just\s+|then\s+)?(?:do\s+)?nothing(?:\s+else)?|ignore(?:\s+it)?|skip(?:\s+it)?"
    r"|leave\s+it|(?:و)?(?:(?:لا|ما|مش|مو)\s+)?(?:(?:ت|ن)?(?:سوي|سو|عمل|اعمل|فعل|دير|ديري)\S*\s+)?"
    r"(?:اي\s+)?(?:شي|شيء|شيئ|شئ|حاجه|حاجة|والو)"
    r"|(?:و)?(?:متعملش|ماتعملش|متسويش|ماتسويش|متديرش|ماتديرش)\s+(?:اي\s+)?(?:حاجه|شي|حاجة|والو)"
    r"|(?:و)?(?:خلاص|سيبه|سيبها|سيبو|اتركه|اتركها|خليه|خليها|خلاص كده))",
    re.IGNORECASE,
)
_SIZE_OPERATORS = ("greater_than", "greater_or_equal", "less_than", "less_or_equal")
# Words that start an event said inside an order: "each incoming message", "كل عميل جديد".
_EVENT_CUES = frozenset(
    ["new", "incoming", "each", "every", "any", "all", "received", "arriving", "كل", "اي", "اول"]
)
# How much better the words must tell the rules' event than the learned matcher's guess of
# another event of the same service for the words to be kept
_SURER_BY_WORDS = 0.2
_EVENT_CUE_SAID = re.compile(
    r"\b(?:" + "|".join(w for w in _EVENT_CUES if w.isascii()) + r")\b"
    r"|(?<!\S)(?:ل|ب)?(?:" + "|".join(w for w in _EVENT_CUES if not w.isascii()) + r")(?!\S)"
)
# Orders that pass on each thing as it comes, with no "new" or "each" said: "forward emails
# with 'urgent' in the subject to …", "sync woocommerce order updates to …", "mirror my Stripe
# payments into Airtable"; their object is the event.
_PASSING_ON = frozenset(["forward", "sync", "mirror", "relay", "pipe", "stream"])
# Words between such an order and its object: "forward all my emails", "sync the orders".
_OBJECT_OPENERS = frozenset(["all", "my", "our", "the", "any", "of"])
_THIS_ONE = frozenset(["this", "that", "these", "those", "it", "them", "him", "her"])
# Putting, said of a thing after its event ("…وينحط بـ Delivered", "…and is put in Done"):
# it was moved there, the same thing, not one more made.
_PUT_AFTER_THE_EVENT = {"اضف": "نقل", "put": "moved", "added": "moved", "placed": "moved"}
_MADE = frozenset(["انشي", "create", "created", "new", "جديد", "جديده", "added", "اضف"])
# Nouns that say what happened to the noun before them: "order updates", "status changes".
_EVENT_NOUNS = frozenset(
    ["update", "updates", "change", "changes", "cancellation", "cancellations", "refunds"]
)


def _object_of_passing_on(said: list[str], at: int) -> bool:
    """Whether the word at ``at`` opens the object of an order that passes on each thing as
    it comes ("forward | emails …", "sync | woocommerce order updates …")."""
    if said[at] in _OBJECT_OPENERS or said[at] in _THIS_ONE:
        return False  # "forward this email": the one in hand, no event
    before = at - 1
    while before >= 0 and said[before] in _OBJECT_OPENERS:
        before -= 1
    return before >= 0 and said[before] in _PASSING_ON


_READS = ("list_", "read_", "query_", "get_")
_LISTS = ("list_", "read_", "query_", "find_")
_WRITES = ("append_", "add_", "post_", "create_", "send_")
# A service's own name (as Clause.words() spells it) and the connectors that do what it names:
# "sheet" is any table, "email" any mailbox. Names that are also everyday words are left out.
_TABLES = frozenset({"google_sheets", "excel", "airtable"})
_MAILBOXES = frozenset({"email", "gmail", "outlook"})
_NAMED_SERVICES: dict[str, frozenset[str]] = {
    **{
        name: frozenset({name})
        for name in (
            "whatsapp",
            "shopify",
            "slack",
            "telegram",
            "gmail",
            "outlook",
            "excel",
            "airtable",
            "notion",
            "trello",
            "stripe",
            "moyasar",
            "paymob",
            "salla",
            "zid",
            "woocommerce",
            "twilio",
            "webhook",
        )
    },
    "hotmail": frozenset({"outlook"}),
    "chatgpt": frozenset({"openai"}),
    "openai": frozenset({"openai"}),
    "sms": frozenset({"twilio"}),
    "sheet": _TABLES,
    "googlesheets": _TABLES,
    "calendar": frozenset({"google_calendar"}),
    "googlecalendar": frozenset({"google_calendar"}),
    "email": _MAILBOXES,
}
# "email" as the word itself, not a stem that reads as it ("عميلا", a customer)
_SAYS_EMAIL = re.compile(
    r"\b(?:e-?mails?|mails?)\b|(?<![\u0621-\u064a])(?:و|ف|ب|عال|عل|بال|لل|ال)?(?:ايميل|اميل|بريد)"
)
# After a service Flowin lacks, words that say the next service's event, not where data goes.
_AN_EVENT_AFTER = re.compile(
    r"\b(?:every|each|for|from|when|whenever|if|all|any|kol|lama|mn|men)\b"
    r"|(?<!\S)(?:كل|لكل|اي|من|لما|لو|اذا|عند|ملي|فور)(?!\S)"
)
# "connect X to Y", "اربط X بالشيت", "a7ot X m3a el sheet": data of one service kept in another.
_CONNECT = re.compile(
    r"\b(?:connect|link|sync|integrate|hook\s+up|a7ot|arbot|arbut|orbot)\b"
    r"|(?<!\S)(?:و)?(?:اربط|ربط|نربط|يربط|تربط|ربطلي|اربطلي|نربطو)(?!\S)",
    re.IGNORECASE,
)


def _one_step_of_changes(actions: list[PlannedStep]) -> None:
    """ "label it Bank and mark it read": two changes said one after the other to a step that
    adds and removes in one go (Gmail's labels) are one step, each change its own field."""
    for index in range(len(actions) - 1, 0, -1):
        first, second = actions[index - 1], actions[index]
        if (
            first.node_type is second.node_type
            and {"add", "remove"} <= _fields(first.node_type)
            and first.otherwise_of is None
            and second.otherwise_of is None
        ):
            first.said = f"{first.said} {second.said}"
            first.entities.extend(second.entities)
            del actions[index]


def _sends_a_message(node_type: NodeType) -> bool:
    """Whether ``node_type`` sends a message ("send_message", "post_message", "send_email")."""
    return node_type.type.split(".")[1].startswith(("send", "post"))


def _reads_something(node_type: NodeType) -> bool:
    """A step whose output is what it read: a call to an address, a list of records."""
    if node_type.is_trigger:
        return False
    operation = node_type.type.split(".")[1]
    if node_type.type in (_CALL_TYPE, _AI_TYPE):
        return True  # what the AI wrote is read like an answer
    return operation.startswith((*_LISTS, "get_"))


def _listing_of(node_type: NodeType, registry: Registry) -> NodeType | None:
    """The one operation of ``node_type``'s service that lists its records ("list_orders")."""
    listings = [
        t
        for t in registry.node_types
        if not t.is_trigger
        and t.connector.id == node_type.connector.id
        and t.type.split(".")[1].startswith(_LISTS)
    ]
    return listings[0] if len(listings) == 1 else None


def _corrected(sentence: str) -> str:
    """What the sentence asks once its writer took words back: "move the card when someone
    comments... actually no, when a new card is created add a comment" asks only for what
    follows the correction; with too little after it, the sentence stays whole."""
    corrections = list(_CORRECTION.finditer(sentence))
    if not corrections:
        return sentence
    rest = sentence[corrections[-1].end() :]
    return rest if len(re.findall(r"\w+", rest)) >= 4 else sentence


def _arabizi_outside_quotes(sentence: str) -> str:
    """The sentence with its Arabizi put in English, its quoted words left as written: the
    message 'ahla w sahla fina' is sent as the user typed it, not as "ahla and sahla fina"."""
    quoted: list[str] = []

    def keep(match: re.Match[str]) -> str:
        quoted.append(match.group(0))
        return chr(_KEPT_BASE + len(quoted) - 1)

    # any such character the user typed is dropped, not mistaken for a quote kept aside
    said = arabizi_to_english(QUOTES.sub(keep, _KEPT.sub("", sentence)))
    return _KEPT.sub(lambda m: quoted[ord(m.group(0)) - _KEPT_BASE], said)


# Where quoted words wait while the rest is read as Arabizi: private-use characters outside
# the ones entities.MARKER stands for.
_KEPT_BASE = 0xF0000
_KEPT = re.compile("[" + chr(_KEPT_BASE) + "-" + chr(_KEPT_BASE + 0xFFFD) + "]")


def _fields(node_type: NodeType) -> set[str]:
    return set(node_type.input_model.model_fields)


def _takes_words(node_type: NodeType) -> bool:
    """Whether a step has a field a web address could be the words of (a message, a URL)."""
    fields = node_type.input_model.model_fields
    return bool({"url", "text", "body", "message", "caption", "content", "prompt"} & set(fields))


def _with_workbooks(clause: Clause, extraction: Extraction) -> str:
    """The clause's text with the workbooks it names spelled out: "Orders.xlsx in OneDrive"
    is an Excel workbook, which Flowin has, where "in OneDrive" alone is a drive it lacks."""
    return MARKER.sub(
        lambda m: (
            entity.text
            if (entity := extraction.entity(m.group(0))).kind == "workbook"
            else m.group(0)
        ),
        clause.text,
    )


# The params that name a place data is kept in
_KEEPING_FIELDS = frozenset(["sheet", "workbook", "table"])
# What a message offers to pick from: the params of the steps that show buttons or a list
_OFFERED = frozenset(["buttons", "rows"])
# Entities that hold a name the user gave a thing (a column, a tag, a table), not a service
_NAME_KINDS = frozenset(["key", "tag", "list", "table", "label", "template", "workbook"])


def _hints(entities: list[Entity]) -> set[str]:
    fields = {
        "phone": {"to", "phone"},
        "email": {"to", "email"},
        "channel": {"channel"},
        "sheet": {"sheet", "spreadsheet_id"},
        "url": {"url"},
        "chat": {"chat_id"},
        "database": {"database_id"},
        "template": {"template"},
        "key": {"key_column"},
        "workbook": {"workbook"},
    }
    found: set[str] = set()
    for entity in entities:
        if entity.kind == "choices":
            # buttons to press, or a list to pick from
            # ("اختيارين": two choices, a pair of buttons as WhatsApp shows them)
            buttons = re.match(
                r"(?:ب)?(?:button|زر|ازرار|زراير|اختيارين|خيارين)", entity.text.lower()
            )
            found.add("buttons" if buttons else "rows")
            continue
        found |= fields.get(entity.kind, set())
    return found


_QUESTION = {
    "en": "What should start the flow, and what should it do? For example: “When I get a new "
    "Shopify order, send the customer a WhatsApp message”.",
    "ar": "ما الذي يبدأ التدفق، وماذا يفعل؟ مثلًا: «عندما يصلني طلب جديد في شوبيفاي، أرسل للعميل "
    "رسالة واتساب».",
}
_ASK_WHEN = {
    "en": "say when it should run (for example every day at 9:00, or every 2 hours)",
    "ar": "حدد متى يعمل (مثلًا كل يوم الساعة ٩:٠٠، أو كل ساعتين)",
}
_ASK_CHECK = {
    "en": "choose what to check in what the step before read, for “{said}”",
    "ar": "اختر ما يُفحص فيما قرأته الخطوة السابقة، لقولك «{said}»",
}
_ASK_VALUE = {
    "en": "choose the value of '{field}' that lets the next steps run, for “{said}”",
    "ar": "اختر قيمة «{field}» التي تسمح بتشغيل الخطوات التالية، لقولك «{said}»",
}
_ASK_LEFT = {
    "en": "choose the value to compare: the event has nothing called '{subject}'",
    "ar": "اختر القيمة التي تُقارن: الحدث لا يحمل شيئًا اسمه «{subject}»",
}
_OPERATOR_WORDS = {
    "en": {
        "greater_than": "is more than",
        "greater_or_equal": "is at least",
        "less_than": "is less than",
        "less_or_equal": "is at most",
        "equals": "is",
        "not_equals": "is not",
        "contains": "contains",
    },
    "ar": {
        "greater_than": "أكبر من",
        "greater_or_equal": "لا يقل عن",
        "less_than": "أقل من",
        "less_or_equal": "لا يزيد عن",
        "equals": "يساوي",
        "not_equals": "لا يساوي",
        "contains": "يحتوي على",
    },
}
