"""Reading a sentence the same way whichever spelling the user chose.

Arabic is written many ways: with or without diacritics and tatweel, أ/إ/آ or ا, ى or ي, ة or ه,
Arabic-Indic or Latin digits, and Gulf or Egyptian words beside Modern Standard ones. Everything
the builder compares goes through ``normalize`` first, so the manifests' phrases and the user's
sentence meet in one spelling.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from rapidfuzz.distance import OSA, Indel

# One spelling for comparing lives in ..spelling (the app uses it without the builder); the
# builder's modules and tests import it from here.
from ..spelling import normalize as normalize
from .lexicon import (
    ARABIC_MEANING_IN_ENGLISH,
    ARABIZI,
    ARABIZI_PHRASES,
    COMMON_WORDS,
    DIALECT_SYNONYMS,
    FRENCH_IN_DARIJA,
    SERVICE_NAMES,
    SERVICES_IN_LATIN,
    VERBAL_NOUN_FRAMES,
    VERBAL_NOUN_ORDERS,
)

Language = Literal["en", "ar"]

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_TOKEN = re.compile(r"[#@]?[\w\u0621-\u064a]+(?:[-'][\w]+)*")


def detect_language(text: str) -> Language:
    """'ar' when most letters are Arabic, else 'en'."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(re.findall("[A-Za-z]", text))
    return "ar" if arabic >= latin and arabic > 0 else "en"


# Everyday words mapped to the word the manifests use. Gulf and Egyptian verbs, loanwords and
# the common spellings of service names; connectors are still found from the registry.
SYNONYMS: dict[str, str] = {
    # send
    "ابعت": "ارسل",
    "ابعث": "ارسل",
    "ابعتلي": "ارسل",
    "ابعثلي": "ارسل",
    "ابعتله": "ارسل",
    "ابعتلهم": "ارسل",
    "رسل": "ارسل",
    "ارسللي": "ارسل",
    "ارسله": "ارسل",
    "ارسلها": "ارسل",
    "ترسل": "ارسل",
    "ترسله": "ارسل",
    "ترسلها": "ارسل",
    "تبعت": "ارسل",
    "تبعته": "ارسل",
    "تبعتلي": "ارسل",
    "تبعتها": "ارسل",
    "ابعته": "ارسل",
    "ابعتها": "ارسل",
    "ابعثه": "ارسل",
    "ابعثها": "ارسل",
    "ودي": "ارسل",
    "دزه": "ارسل",
    "دزها": "ارسل",
    "دزلي": "ارسل",
    "تدز": "ارسل",
    "طرشه": "ارسل",
    "طرشها": "ارسل",
    "تطرش": "ارسل",
    "وديه": "ارسل",
    "تحفظ": "احفظ",
    "تحفظه": "احفظ",
    "تحفظها": "احفظ",
    "احفظه": "احفظ",
    "احفظها": "احفظ",
    "تسجل": "سجل",
    "تسجله": "سجل",
    "تضيف": "اضف",
    "تضيفه": "اضف",
    "ضيفه": "اضف",
    "ضيفها": "اضف",
    "دز": "ارسل",
    "طرش": "ارسل",
    # the passive and "have it" forms: "خله ينحفظ", "يترسل لي", "يتسجل في الشيت"
    "ينحفظ": "احفظ",
    "يتحفظ": "احفظ",
    "يتسجل": "سجل",
    "ينضاف": "اضف",
    "يتضاف": "اضف",
    # updated, edited: "ويتحدث الطلب في سلة", "تتعدل الحالة", Egyptian "يتحدّث"
    "يتحدث": "حدث",
    "تتحدث": "حدث",
    "ينحدث": "حدث",
    "يتعدل": "عدل",
    "تتعدل": "عدل",
    "ينعدل": "عدل",
    "يترسل": "ارسل",
    "ينرسل": "ارسل",
    "ينبعت": "ارسل",
    "يتبعت": "ارسل",
    # "بعث" with its ث, as the Maghreb and the Levant write it; a summary made by itself
    "يتبعث": "ارسل",
    "ينبعث": "ارسل",
    "يتصيفط": "ارسل",
    "يتلخص": "لخص",
    # message, e-mail, order, customer
    "مسج": "رساله",
    "ماسج": "رساله",
    "مسچ": "رساله",
    "رسايل": "رساله",
    "رسائل": "رساله",
    # E-mail meets the English word, so "ايميل" names the e-mail connector as "email" does.
    "بريد": "email",
    "ايميل": "email",
    "ايميلات": "email",
    "ميل": "email",
    "ايميلي": "email",
    "ايمايل": "email",  # the Maghreb's spelling
    "ايمايلات": "email",
    "اوردر": "طلب",
    "اوردرات": "طلبات",
    "طلبيه": "طلب",
    "زبون": "عميل",
    "زباين": "عميل",
    "زبائن": "عميل",
    "كلاينت": "عميل",
    "عملاء": "عميل",
    "client": "customer",
    "clients": "customer",
    "buyer": "customer",
    "msg": "message",
    "check": "find",
    "شيك": "ابحث",
    "شوف": "ابحث",
    "دور": "ابحث",
    "يجي": "يصلني",
    "يجيني": "يصلني",
    "جه": "يصلني",
    "جا": "يصلني",
    "جاني": "يصلني",
    "يوصل": "يصلني",
    "يوصلني": "يصلني",
    "وصلني": "يصلني",
    "توصل": "يصلني",
    "يجينا": "يصلني",
    "forward": "send",
    # French and Spanish words English sentences carry: "my google agenda", "take a RDV"
    "agenda": "calendar",
    "rdv": "appointment",
    # a card dragged on a board is moved
    "drag": "move",
    "drags": "move",
    "dragged": "moved",
    "relay": "send",
    "ping": "notify",
    "e-mail": "email",
    "emails": "email",
    "mail": "email",
    "spreadsheet": "sheet",
    "gsheet": "sheet",
    "sheets": "sheet",
    # add, save, write
    "ضيف": "اضف",
    "حط": "اضف",
    "حطه": "اضف",
    "حطها": "اضف",
    "زيد": "اضف",
    "خزن": "احفظ",
    "سجله": "سجل",
    "سجلها": "سجل",
    "دون": "سجل",
    # services as people write them
    "واتس": "واتساب",
    "وتساب": "واتساب",
    "واتسب": "واتساب",
    "وتس": "واتساب",
    "تلغرام": "تيليجرام",
    "تليغرام": "تيليجرام",
    "تلجرام": "تيليجرام",
    "تليجرام": "تيليجرام",
    "تيلجرام": "تيليجرام",
    "تلقرام": "تيليجرام",
    "قوقل": "جوجل",
    "غوغل": "جوجل",
    "شيت": "جدول",
    "الشيت": "جدول",
    "شيتس": "جدول",
    "اكسل": "اكسل",
    "شوبفاي": "شوبيفاي",
    "شوبيفاي": "شوبيفاي",
    "شوبي": "شوبيفاي",
    "نوشين": "نوشن",
    "نوتشن": "نوشن",
    "جيميل": "جيميل",
    "جميل": "جيميل",
    "اسمس": "sms",
    "sms": "sms",
    "texts": "sms",
    "texted": "sms",
    "شات": "chatgpt",
    "جبت": "chatgpt",
    "تشات": "chatgpt",
    "gpt": "chatgpt",
    "الذكاء": "ذكاء",
}

# The dialect words the manifests' phrases lack; a spelling listed above wins.
SYNONYMS = {**DIALECT_SYNONYMS, **SYNONYMS, "ai": "chatgpt", "openai": "chatgpt"}
SYNONYMS.update({"summarize": "summarise", "summary": "summarise", "لخص": "لخص"})
SYNONYMS.update(
    {
        "store": "save",
        "stored": "save",
        "pull": "fetch",
        "grab": "fetch",
        "latest": "recent",
        "newest": "recent",
    }
)
SYNONYMS.update({"حدا": "حد", "حدن": "حد", "واحد": "حد"})
SYNONYMS.update({"فورم": "نموذج", "الفورم": "نموذج", "فورمه": "نموذج", "استماره": "نموذج"})
SYNONYMS.update({"يملا": "تعبئه", "ملا": "تعبئه", "يعبي": "تعبئه", "عبي": "تعبئه", "يملي": "تعبئه"})
SYNONYMS.update({"انفويس": "فاتوره", "فاتوره": "فاتوره", "invoices": "invoice"})
# A service has one name in both languages: "سترايب" and "Stripe" are one word, so a sentence
# that mixes scripts ("عميل جديد في Stripe", "كيتخلص شي invoice ف ستريب") meets the phrases
# of either language.
SYNONYMS = {word: SERVICES_IN_LATIN.get(meaning, meaning) for word, meaning in SYNONYMS.items()}
SYNONYMS.update(SERVICES_IN_LATIN)
# Salla the other way round: its Arabic name is the one its Arabic phrases spell ("أضف العميل إلى
# سلة"), so "Salla" said in Latin letters meets them too ("ابيه ينضاف في Salla"); "السلة" with
# its article stays the cart
SYNONYMS["salla"] = "سله"
# The words the manifests use that the synonyms lead to: found again under a clitic.
_MEANINGS = frozenset(v for v in SYNONYMS.values() if _ARABIC_LETTER.match(v) and len(v) >= 3)

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "on",
        "in",
        "of",
        "for",
        "my",
        "me",
        "i",
        "it",
        "its",
        "is",
        "are",
        "be",
        "with",
        "by",
        "at",
        "from",
        "this",
        "that",
        "these",
        "those",
        "and",
        "then",
        "when",
        "whenever",
        "once",
        "as",
        "soon",
        "if",
        "new",
        "please",
        "our",
        "us",
        "we",
        "you",
        "your",
        "them",
        "they",
        "their",
        "him",
        "her",
        "into",
        "about",
        "also",
        "just",
        "some",
        "any",
        "every",
        "each",
        "all",
        "do",
        "does",
        "will",
        "would",
        "can",
        "could",
        "should",
        "want",
        "wants",
        "like",
        "need",
        "get",
        "gets",
        "got",
        "there",
        "here",
        "so",
        "في",
        "على",
        "علي",
        "الى",
        "الي",
        "من",
        "عن",
        "مع",
        "لي",
        "له",
        "لها",
        "لهم",
        "ان",
        "انه",
        "اذا",
        "لو",
        "عند",
        "عندما",
        "لما",
        "لمن",
        "متى",
        "ثم",
        "بعدين",
        "وبعدين",
        "وبعدها",
        "و",
        "يا",
        "هذا",
        "هذه",
        "ذلك",
        "التي",
        "الذي",
        "اللي",
        "ابي",
        "ابيه",
        "ابيها",
        "ابيهم",
        "ابغاه",
        "ابغاها",
        "بديه",
        "بديها",
        "نبيه",
        "ابغي",
        "ابغى",
        "بغيت",
        "عايز",
        "عاوز",
        "بدي",
        "اريد",
        "نبي",
        "نبغى",
        "ممكن",
        "لو",
        "سمحت",
        "خلي",
        "خله",
        "خليه",
        "خليها",
        "خلها",
        "سوي",
        "اعمل",
        "كل",
        "ما",
        "اول",
        "يصير",
        "يكون",
        "كان",
        "كانت",
        "بس",
        "فقط",
        # dialect function words: when, some, of, now, want, for, this
        "ملي",
        "فاش",
        "كي",
        "وقت",
        "لين",
        "شي",
        "ديال",
        "دابا",
        "هيك",
        "رح",
        "بدنا",
        "حق",
        "تبع",
        "بتاع",
        "بتاعه",
        "ليا",
        "لينا",
        "هاد",
        "هذي",
        "ذي",
        "عشان",
        "علشان",
        "مشان",
        "كمان",
        "برضو",
        "ايضا",
        "تلقائي",
        "تلقائيا",
        "اوتوماتيك",
        # MSA's frame around an order: "قم بـ", "يتم", "يرجى", "أرغب في", "أود"
        "قم",
        "يتم",
        "تتم",
        "يرجي",
        "نرجو",
        "ارجو",
        "ارغب",
        "نرغب",
        "اود",
        "نود",
        "بغيت",
        "حابب",
        "ياريت",
        "عاوزه",
        "عايزه",
        "ع",
        "حاب",
        "نحب",
        "نحبو",
        "راني",
        "عافاك",
        "ازا",
        "ايلا",  # Moroccan: if
        "تبعنا",
        "تبعي",
        "تبعك",
        "تبعها",
        "اعمللي",
        "اعملي",
        # with us, now, what, like this, of (Levantine, Gulf, Egyptian, Maghrebi)
        "عنا",
        "عندنا",
        "عندي",
        "الحين",
        "هلا",
        "هلق",
        "هسه",
        "وش",
        "ايش",
        "شو",
        "ابيك",
        "ابغاك",
        "ابا",  # Gulf: I want ("ابا كل ما يجي طلب…")
        "يبيلي",  # Gulf: it takes, I'd need ("يبيلي كل ما…")
        "ابغيك",
        "كده",
        "كدا",
        "كذا",
        "بتاعه",
        "بتاعت",
        "بتوع",
        "تبعو",
        "تبعه",
        "ياه",
        "اياه",
        "ديالو",
        "ديالي",
        "ديالنا",
        "واش",
        "غادي",
        "راه",
    ]
)

# A light stemmer: the clitics written onto a word. Prepositions and the article ("بال", "عال"
# for "على ال", "فال" for "في ال"), and the pronouns and "to me/him" written after a verb
# ("ابعتلو", "سجلها", "صيفطليا").
_AR_PREFIXES = (
    "وبال",
    "وال",
    "بال",
    "فال",
    "كال",
    "عال",
    "لل",
    "ال",
    "عل",
    "و",
    "ب",
    "ل",
    "ف",
)
_AR_SUFFIXES = ("هم", "ها", "ات", "لو", "لي", "ه", "ي", "ك", "ا")
# Only for finding a known word, never for comparing two words: the present and passive
# prefixes ("بيوصل", "يتسجل", "تتحفظ", "ينبعت") and more pronouns ("ابعتيلي", "صيفطليا").
# Passive and present forms too: "تنحفظ" (it gets saved), Maghrebi "كيتزاد", "كيتصيفط".
_AR_VERB_PREFIXES = (
    "كيت",
    "كتت",
    "بيت",
    "بت",
    "بي",
    "بن",
    "تت",
    "يت",
    "ين",
    "تن",
    "كي",
    "ت",
    "ي",
    "ن",
    "ك",
)
# The past's "ت" too ("فشلت", Maghrebi "وصلات"): the stem is looked up, never shown.
_AR_VERB_SUFFIXES = (
    *("ليا", "ولي", "يلي", "لهم", "لها", "لنا", "لو", "لي", "له", "وا", "ون", "و", "ني", "ات", "ت"),
    # the object on a two-letter order: "حطهم", "دزها" (put them, send it)
    *("هم", "ها"),
)


def _arabic_variants(word: str) -> set[str]:
    variants = {word}
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            variants.add(word[len(prefix) :])
    for variant in list(variants):
        for suffix in _AR_SUFFIXES:
            if variant.endswith(suffix) and len(variant) - len(suffix) >= 3:
                variants.add(variant[: -len(suffix)])
    # a noun's ة is written ت before its pronoun: "حالته", "فاتورتها", Levantine "حالتو"
    if word.endswith("تو") and len(word) >= 5:
        variants.add(word[:-2] + "ه")
    for variant in list(variants):
        if variant != word and variant.endswith("ت") and len(variant) >= 4:
            variants.add(variant[:-1] + "ه")
    return variants


def arabic_stems(word: str) -> list[str]:
    """Readings of an Arabic word without its clitics ("اكتبها" → "اكتب"); [] for others."""
    return _arabic_stems(word) if _ARABIC_LETTER.match(word) else []


def _arabic_stems(word: str) -> list[str]:
    """Every reading of ``word`` with its clitics off, longest first (the most of the word kept)."""
    stems = set(_arabic_variants(word))
    for stem in list(stems):
        for prefix in _AR_VERB_PREFIXES:
            if stem.startswith(prefix) and len(stem) - len(prefix) >= 2:
                stems.add(stem[len(prefix) :])
    for stem in list(stems):
        for suffix in _AR_VERB_SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
                stems.add(stem[: -len(suffix)])
    return sorted(stems, key=lambda s: (-len(s), s))


# Irregular past forms the suffixes below can't undo: "when a client pays an invoice" is the
# manifests' "invoice is paid", "when a customer bought" their "buys".
_IRREGULAR_PAST = {
    "paid": "pay",
    "bought": "buy",
    "sent": "send",
    "left": "leave",
    "wrote": "write",
    "written": "write",
}


def _english_variants(word: str) -> set[str]:
    variants = {word}
    if word in _IRREGULAR_PAST:
        variants.add(_IRREGULAR_PAST[word])
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ed", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + replacement
            variants.add(stem)
            if suffix in ("ing", "ed") and len(stem) > 3 and stem[-1] == stem[-2]:
                variants.add(stem[:-1])  # "submitted" → "submit"
            elif suffix in ("ing", "ed") and stem[-1] not in "aeiouy":
                variants.add(stem + "e")  # "moved" → "move", "sharing" → "share"
    return variants


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """The word the manifests would use for ``word`` (already normalized): the synonym of the
    word or of its stem, or the service name it misspells ("shopfiy", "whatsap")."""
    if word in SYNONYMS:
        return SYNONYMS[word]
    arabic = bool(_ARABIC_LETTER.match(word))
    if arabic:
        for stem in _arabic_stems(word):
            if stem in SYNONYMS:
                return SYNONYMS[stem]
        if word[0] in "وف" and word[1:] in _MEANINGS:
            return word[1:]  # "فارسل", "وسجل": the manifests' own word with "and/so" on it
        glued = glued_service(word)
        if glued is not None:
            return glued
    else:
        arabizi = _arabizi(word)
        if arabizi is not None:
            return arabizi
    if arabic:  # "التليقرام", "بالانستقرام": the name mistyped under its clitics
        for stem in _arabic_variants(word) - {word}:
            found = _misspelt_service(stem, arabic)
            if found is not None:
                return found
    return _misspelt_service(word, arabic) or word


_ARABIZI_SUFFIXES = ("hom", "ha", "lo", "lu", "li", "ly", "o", "u", "h")


def _arabizi(word: str) -> str | None:
    """An Arabizi word, or one with its pronoun written on ("sagelo", "ab3tohom")."""
    if word in ARABIZI:
        return ARABIZI[word]
    if not re.search(r"[23579]", word) and len(word) < 5:
        return None
    for suffix in _ARABIZI_SUFFIXES:
        if word.endswith(suffix) and word[: -len(suffix)] in ARABIZI:
            meaning = ARABIZI[word[: -len(suffix)]]
            # "yeb3atli": it sends me, a step of the flow, not what someone does
            return "send" if meaning == "sends" and suffix in ("li", "ly") else meaning
    return None


# A service name with "on"/"in"/"with"/"to" glued before it: "عسترايب", "فسلاك", "بزد", "لتاب"
# (Levantine, Maghrebi, Egyptian), short names too.
_SERVICES = frozenset(
    [
        *("واتساب", "تيليجرام", "جدول", "شوبيفاي", "سترايب", "سلاك", "نوشن", "جيميل", "email"),
        *("chatgpt", "اكسل", "اوتلوك", "هوتميل", "زد", "تاب", "ميسر", "بايموب", "ووكومرس"),
        *("تريلو", "ايرتيبل", "كالندر", "انستجرام", "ماسنجر"),
    ]
)
_SERVICES = _SERVICES | {SERVICES_IN_LATIN.get(name, name) for name in _SERVICES}
_GLUED = ("وبال", "وعال", "وفال", "بال", "فال", "عال", "لل", "وب", "وع", "وف", "ع", "ف", "ب", "ل")
# Two-letter names are glued words only in their own spelling: "بزد", "فتاب", not "بزدت".
_SHORT_SERVICES = frozenset(["زد", "تاب"])


def glued_service(word: str) -> str | None:
    """The service a word names behind a glued preposition ("عالواتس", "بزد"), if any."""
    for prefix in _GLUED:
        rest = word[len(prefix) :]
        if not word.startswith(prefix) or len(rest) < 2:
            continue
        if rest in _SHORT_SERVICES:
            return SERVICES_IN_LATIN.get(rest, rest)
        if len(rest) >= 4:
            found = canonical(rest)
            if found in _SERVICES:
                return found
    return None


def _misspelt_service(word: str, arabic: bool) -> str | None:
    """A service name typed with one slip (two in a long name): a letter missing, doubled,
    swapped or wrong. The first letter must be right in short words: "black" is not "slack"."""
    if len(word) < (5 if arabic else 4) or word in COMMON_WORDS:
        return None
    for name, meaning in SERVICE_NAMES.items():
        if abs(len(name) - len(word)) > 2:
            continue
        allowed = 1 if len(name) < 8 else 2
        if len(word) <= 5 and word[0] != name[0]:
            continue
        if OSA.distance(word, name, score_cutoff=allowed) <= allowed:
            return SERVICES_IN_LATIN.get(meaning, meaning)
    return None


# Names people write in two words, read as the one word the lexicon knows: "باي موب" alone
# would match only the phrases that spell it so, whatever the sentence says happened.
_SPLIT_NAMES = (
    # "بباي موب", "عالباي موب": the name with its preposition glued on
    (re.compile(r"(?<!\w)((?:و?(?:بال|عال|فال|ال|ب|ع|ف|ل))?)باي\s+موب(?!\w)"), r"\1بايموب"),
    (re.compile(r"(?<!\w)يا\s+ريت(?!\w)"), "ياريت"),
    (re.compile(r"(?<!\w)سير\s+(?:ال)?عمل(?!\w)"), "تدفق"),  # MSA: a workflow
    (re.compile(r"(?<!\w)(?:ال)?اس\s*\.?\s*ام\s*\.?\s*اس(?!\w)"), "sms"),
)


# Each verbal noun as written alone, and before its object ("إضافتها": its ة a ت).
_NOUN_FORMS = {
    **VERBAL_NOUN_ORDERS,
    **{n[:-1] + "ت": v for n, v in VERBAL_NOUN_ORDERS.items() if n.endswith("ه")},
}
_VERBAL_NOUN = re.compile(
    r"(?<!\S)(?P<and>و|ف)?(?P<by>ب)?(?P<noun>"
    + "|".join(sorted(map(re.escape, _NOUN_FORMS), key=len, reverse=True))
    + r")(?P<object>ها|هم|ه)?(?!\S)"
)


def verbal_nouns_as_orders(text: str) -> str:
    """Normalized ``text`` with MSA's orders said as verbal nouns written as their verbs ("قم
    بإرسال التقرير" → "قم ارسل التقرير", "ثم إضافتها" → "ثم اضفها"), except where the noun is
    the event ("عند إضافة صف جديد")."""

    def as_order(match: re.Match[str]) -> str:
        noun, pronoun = match.group("noun"), match.group("object") or ""
        if noun.endswith("ت") and not pronoun:
            return match.group(0)  # "اضافت" alone: no verbal noun
        before = text[: match.start()].split()
        # an order stands first, after a comma, after MSA's frame ("قم بـ", "يتم", "أرغب
        # في") or joined to one before ("وإرسالها"); elsewhere the noun is an object ("أضف
        # تعليقًا"), or after "عند" the event
        joined = match.group("and") is not None and bool(before)
        if before and before[-1] == "في" and len(before) >= 2:
            before = before[:-1]  # "أرغب في إنشاء"
        first = not before or before[-1].endswith(",")
        if not (joined or first or before[-1] in VERBAL_NOUN_FRAMES):
            return match.group(0)
        return (match.group("and") or "") + _NOUN_FORMS[noun] + pronoun

    return _VERBAL_NOUN.sub(as_order, text)


def tokens(text: str) -> list[str]:
    """Content words of already-normalized text, in their canonical form."""
    for split, joined in _SPLIT_NAMES:
        text = split.sub(joined, text)
    result = []
    for raw in _TOKEN.findall(text):
        # "the email's subject": the e-mail's (a possessive is the word itself)
        word = canonical(re.sub(r"'s$", "", raw).strip("'-"))
        if word and word not in STOPWORDS and not (len(word) == 1 and not word.isdigit()):
            result.append(word)
    return result


@lru_cache(maxsize=65536)
def variants(word: str) -> frozenset[str]:
    """Spellings of one word that count as the same: without ال/و/ب/ل, without a plural."""
    if _ARABIC_LETTER.match(word):
        return frozenset({canonical(v) for v in _arabic_variants(word)} | _arabic_variants(word))
    return frozenset(_english_variants(word))


def _plural(word: str) -> bool:
    if _ARABIC_LETTER.match(word):
        return any(v.endswith("ات") for v in _arabic_variants(word) if len(v) > 4)
    return word.endswith("s") and not word.endswith("ss") and len(word) > 3


def same_number(a: str, b: str) -> bool:
    """Whether two forms of one word are both plural or both singular: "orders" asks for a
    list, "order" for one."""
    return _plural(a) == _plural(b)


def skeleton(word: str) -> str:
    """The word without its long vowels, for comparing Arabic spellings."""
    return _skeleton(word)


def _skeleton(word: str) -> str:
    return re.sub("[اوي]", "", word) if _ARABIC_LETTER.match(word) else word


@lru_cache(maxsize=262144)
def same_word(a: str, b: str) -> bool:
    """Whether two normalized words are one word with another prefix, plural or spelling.
    Cached: the catalogue asks it for every word of a clause against every phrase word."""
    if a == b:
        return True
    va, vb = variants(a), variants(b)
    if va & vb:
        return True
    if min(len(a), len(b)) < 5:
        return False
    return Indel.normalized_similarity(_skeleton(a), _skeleton(b), score_cutoff=0.86) >= 0.86


def contains_word(haystack: Iterable[str], word: str) -> bool:
    return any(same_word(word, other) for other in haystack)


_LATIN_WORD = re.compile(r"(?<![\w@.#/+-])[A-Za-z0-9']+(?![\w@.])")
# A digit for a letter: "3al", "ib3at", "7ot"; not a time or an ordinal ("5pm", "2nd").
_ARABIZI_SIGN = re.compile(
    r"(?<![\w@.])[a-z]+[23579][a-z]*|[23579](?!(?:am|pm|th|st|nd|rd|h|hrs|min|mins)\b)[a-z]{2,}",
    re.IGNORECASE,
)
_ARABIZI_PHRASE_PATTERNS = [(re.compile(p, re.IGNORECASE), e) for p, e in ARABIZI_PHRASES]
# "sa3a 9" is at nine; "3 sa3at 3al" is three hours, then "on the" (a digit in a word)
_ARABIZI_HOUR = re.compile(
    r"\b(?:el\s+|al\s+|il\s+)?sa3[a-z]*\s+(?=\d{1,2}(?:[:.]\d{2})?(?![\w:.]))", re.IGNORECASE
)
# "yinsaf fil sheet" after the event is the step (it gets added), where English "added" would
# stay in the event's words; "kol ma yenzad row" (whenever a row is added) is the event.
_ADDED_AFTER_EVENT = re.compile(r"(?<!\bwhen )(?<!\bwhenever )(?<!\bget )\badded\b")
# A verb read by its sound is an order ("yb3atli" → send); after "someone" it is what they do.
_SOMEONE_DOES = re.compile(r"\b(someone|customer|client) (send|pay|reply|fill|book|write)\b")
# "7ada b3tli 3al insta": someone writes on a chat service, the event of its messages
_SOMEONE_WRITES_ON = re.compile(
    r"\b(someone|customer|client) sends (?:me )?on(?= (?:instagram|messenger|whatsapp|telegram)\b)"
)
# Arabizi puts the adjective after its noun ("order gdid", "lead jdeed", "el woocommerce orders
# el gdeda"); English before it. "7ada jdid" (someone new) stays.
_DEFINITE_NEW = re.compile(r"\bthe ((?:[a-z]+ )?[a-z]+) the new\b")
_NOUN_THEN_NEW = re.compile(
    r"\b(?!(?:a|an|the|on|in|get|gets|when|whenever|every|someone|all)\b)([a-z]+) new\b"
)


_ARABIC_WORD = re.compile("[\u0621-\u064a]{2,}")
# French articles before one of those nouns: "la commande" is الطلب, "des ventes" مبيعات.
_FRENCH_NOUN = re.compile(
    r"(?<![\w@.#/-])(?:(?P<the>la|le|les|l')\s*|(?:de la|des|du|de|d')\s*)?"
    r"(?P<noun>" + "|".join(sorted(map(re.escape, FRENCH_IN_DARIJA), key=len, reverse=True)) + r")"
    r"(?![\w@.-])",
)


def _french_in_arabic(sentence: str) -> str:
    """An Arabic sentence (three Arabic words or more: the Latin ones are often service names)
    with the French nouns it mixes in written as their Arabic words; any other as it is. Only
    nouns typed in small letters: "بجدول Clients" names a table, it is no word to read."""
    if len(_ARABIC_WORD.findall(sentence)) < 3:
        return sentence

    def arabic_word(match: re.Match[str]) -> str:
        word = FRENCH_IN_DARIJA[match.group("noun")]
        return f" ال{word}" if match.group("the") else f" {word}"

    return _FRENCH_NOUN.sub(arabic_word, _STATUS_OF.sub(" حاله", sentence))


# "statut متاع commande", "le statut de la commande": the status of a record, as its event
# says it. Alone ("اللي فيهم statut payé") it is as often a column's name, kept as typed.
_STATUS_OF = re.compile(
    r"(?<![\w@.#/-])(?:le\s+)?(?:statut|status|etat|état)(?=\s+(?:متاع|تاع|ديال|د|de|du|dial|d'))"
)


def arabizi_to_english(sentence: str) -> str:
    """Arabic written in Latin letters ("lama yegi order gdid ab3atli 3al wats") with its words
    put in English, so the rest of the builder reads it as it reads English. A sentence is taken
    for Arabizi when it has a digit standing for a letter ("3", "7") or two Arabizi words. The
    French nouns an Arabic sentence mixes in are put in Arabic instead."""
    sentence = _french_in_arabic(sentence)
    words = [w.lower() for w in _LATIN_WORD.findall(sentence)]
    hits = sum(_arabizi(w) is not None and w not in COMMON_ENGLISH for w in words)
    if not (_ARABIZI_SIGN.search(sentence) or hits >= 2):
        return sentence
    sentence = _ARABIZI_HOUR.sub("at ", sentence)
    for pattern, english in _ARABIZI_PHRASE_PATTERNS:
        sentence = pattern.sub(english, sentence)
    english = _LATIN_WORD.sub(lambda m: _arabizi_word(m.group(0)), sentence)
    english = _ADDED_AFTER_EVENT.sub("get added", english)
    english = _DEFINITE_NEW.sub(r"the new \1", english)
    english = _SOMEONE_DOES.sub(r"\1 \2s", english)
    english = _SOMEONE_WRITES_ON.sub(r"\1 messages on", english)
    return _NOUN_THEN_NEW.sub(r"new \1", english)


def _arabizi_word(word: str) -> str:
    lowered = word.lower()
    return _arabizi(lowered) or _sounded_out(lowered) or word


# Arabizi read by its sound: a word the Arabizi list lacks is written in Arabic letters' sounds
# (its consonants, as "3" for ع, "7" for ح, "5"/"kh" for خ, "sh"/"ch" for ش, "2" for ء) and
# looked up among the Arabic lexicon's words sounded out the same way, clitics and all: every
# dialect word the lexicon learns is understood in Arabizi too ("yb3atli" → يبعتلي, "ytsajal" →
# يتسجل, "mawa3eed" → مواعيد). Short vowels are not written in Arabic, long ones (ا و ي) are
# written or not in Arabizi: both sides keep the consonants alone.
_ARABIC_SOUNDS: dict[str, tuple[str, ...]] = {
    "ب": ("b",),
    "ت": ("t",),
    "ط": ("t",),
    "ث": ("t", "s"),
    "ج": ("g",),
    "ح": ("7",),
    "خ": ("5",),
    "د": ("d",),
    "ض": ("d",),
    "ذ": ("d", "z"),
    "ر": ("r",),
    "ز": ("z",),
    "ظ": ("z", "d"),
    "س": ("s",),
    "ص": ("s",),
    "ش": ("S",),
    "ع": ("3",),
    "غ": ("8",),
    "ف": ("f",),
    "ق": ("q", "", "g"),  # ق, Egyptian ء ("wa2t"), Gulf g ("ygool")
    "ك": ("k",),
    "ل": ("l",),
    "م": ("m",),
    "ن": ("n",),
    "ه": ("h",),
    "پ": ("b",),
    "ڤ": ("f",),
}
_LATIN_PAIRS = (("kh", "5"), ("gh", "8"), ("sh", "S"), ("ch", "S"), ("th", "t"), ("dh", "d"))
_LATIN_SOUNDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys("aeiouwy2'", ("",)),
    "b": ("b",),
    "p": ("b",),
    "t": ("t",),
    "6": ("t",),
    "j": ("g",),
    "g": ("g",),
    "d": ("d",),
    "4": ("d",),
    "r": ("r",),
    "z": ("z",),
    "s": ("s",),
    "9": ("s", "q"),  # ص in the Gulf and Levant, ق in the Maghreb
    "8": ("8", "q"),
    "f": ("f",),
    "v": ("f",),
    "q": ("q",),
    "k": ("k",),
    "c": ("k", "s"),
    "x": ("ks",),
    "l": ("l",),
    "m": ("m",),
    "n": ("n",),
    "h": ("h", "7"),
    "3": ("3",),
    "7": ("7",),
    "5": ("5",),
    "S": ("S",),
}


def _keys(letters: list[tuple[str, ...]]) -> set[str]:
    keys = {""}
    for sounds in letters:
        keys = {key + sound for key in keys for sound in sounds}
        if len(keys) > 64:
            break
    return {_squeezed(key) for key in keys}


def _squeezed(key: str) -> str:
    """Doubled letters as one ("7otto"), a last ه/ة/h unsaid ("daf3a" is دفعة)."""
    key = re.sub(r"(.)\1+", r"\1", key)
    return key[:-1] if len(key) > 2 and key.endswith("h") else key


def _arabic_keys(word: str) -> set[str]:
    return _keys([_ARABIC_SOUNDS.get(letter, ("",)) for letter in word])


def _latin_keys(word: str) -> set[str]:
    """The word's sound keys, "th" and "dh" read as one letter and as two: "yb3athom" is
    يبعتهم (t + h), "tarjemtha" ترجمتها, "ithnein" اثنين."""
    keys: set[str] = set()
    for pairs in (_LATIN_PAIRS, _LATIN_PAIRS[:4]):
        spelt = word
        for pair, sound in pairs:
            spelt = spelt.replace(pair, sound)
        keys |= _keys([_LATIN_SOUNDS.get(letter, (letter,)) for letter in spelt])
    return keys


@lru_cache(maxsize=1)
def _sounds_index() -> dict[str, str | None]:
    """Each sound key with the meaning of the shortest Arabic word that sounds so (the bare word
    before its inflected forms: دفع before دفعه, دخل before دخلو), "" for a function word ("لما",
    "اللي": a word sounding like one is left alone), None when two such words disagree."""
    best: dict[str, tuple[int, str | None]] = {}
    words = {
        **{w: m for w, m in SYNONYMS.items() if _ARABIC_LETTER.match(w)},
        **{m: m for m in SYNONYMS.values() if _ARABIC_LETTER.match(m)},
        **{w: "" for w in STOPWORDS if _ARABIC_LETTER.match(w)},
    }
    for word, meaning in words.items():
        for key in _arabic_keys(word):
            if len(key) < 2:
                continue
            known = best.get(key)
            if known is None or len(word) < known[0]:
                best[key] = (len(word), meaning)
            elif len(word) == known[0] and known[1] != meaning:
                best[key] = (len(word), None)
    return {key: meaning for key, (_length, meaning) in best.items()}


# Clitics in Arabizi by their sound: "b"/"l"/"f" before ("bl airtable" is glued in "bel"), and
# "li"/"lo"/"ha"/"hom"/"na"/"k" after ("ib3tholi" is ابعتهولي).
_SOUNDED_PREFIXES = ("bt", "b", "l", "f", "t", "n", "k", "3l", "ll", "bl", "fl")
_SOUNDED_SUFFIXES = ("hml", "hl", "hm", "l", "h", "n", "k", "t")
# A word without a digit may be English: read through the Arabic lexicon whole, with a pronoun
# after it ("arslha") or the present's "t" before it, never cut further to fit ("accountant" is
# no "k" + نوشن + "t", "clinic" no عميل + "k").
_SOUNDED_PRONOUNS = ("hml", "hl", "hm", "l", "h")


def _sounded_out(word: str) -> str | None:
    """The English of an Arabizi word read through the Arabic lexicon by its sound, or None
    when no Arabic word, or more than one meaning, sounds so."""
    if len(word) < 3 or word in COMMON_ENGLISH or word in SYNONYMS or word in STOPWORDS:
        return None
    spelt_with_digits = re.search(r"[2-9]", word) is not None
    if not spelt_with_digits and (len(word) < 5 or word in _ENGLISH_WORDS):
        return None  # an English word in an Arabizi sentence stays English
    index = _sounds_index()
    # The longest ways of sounding the word out are read together, never one picked by the
    # order of a set (which changes from one run of Python to the next): "clinic" sounds as
    # "klnk" (عميل, customer) and as "slnk" (يصلني, get) alike, so it is neither.
    by_length: dict[int, set[str]] = defaultdict(set)
    for key in _latin_keys(word):
        by_length[len(key)].add(key)
    for length in sorted(by_length, reverse=True):
        meanings = {_sounded_meaning(key, index, spelt_with_digits) for key in by_length[length]}
        meanings.discard(_SOUNDS_LIKE_NOTHING)
        if not meanings:
            continue
        # sounds like two things, or like a word of no meaning here: left as it is
        if len(meanings) > 1:
            return None
        meaning = meanings.pop()
        if not meaning:
            return None
        return meaning if meaning.isascii() else ARABIC_MEANING_IN_ENGLISH.get(meaning)
    return None


_SOUNDS_LIKE_NOTHING = "\0"


def _sounded_meaning(key: str, index: dict[str, str | None], spelt_with_digits: bool) -> str | None:
    """What one sound key of a Latin word means in the Arabic lexicon: the meaning of its first
    reading found (the key, then without a clitic), _SOUNDS_LIKE_NOTHING when none is."""
    readings = [key]
    if not spelt_with_digits:
        readings += [key[: -len(s)] for s in _SOUNDED_PRONOUNS if key.endswith(s)]
        # and a verb's "t" of the present before it ("tfashel": تفشل)
        readings += [r[1:] for r in list(readings) if r.startswith("t")]
    else:
        readings += [key[: -len(s)] for s in _SOUNDED_SUFFIXES if key.endswith(s)]
        readings += [
            r[len(p) :] for r in list(readings) for p in _SOUNDED_PREFIXES if r.startswith(p)
        ]
    for reading in readings:
        # without a digit, three sounds at least: "friday" is no "f" + رد
        if len(reading) >= (2 if spelt_with_digits else 3) and reading in index:
            return index[reading]
    return _SOUNDS_LIKE_NOTHING


# English words Arabizi sentences carry as they are ("order", "client", "report").
_ENGLISH_WORDS = frozenset(
    [
        *("order", "orders", "customer", "customers", "client", "clients", "message", "messages"),
        *("email", "emails", "sheet", "sheets", "report", "payment", "payments", "invoice"),
        *("summary", "reply", "channel", "booking", "bookings", "review", "template", "button"),
        *("reminder", "patient", "event", "events", "status", "completed", "pending", "cart"),
        *("abandon", "offers", "groups", "record", "records", "table", "store", "stock"),
        *("product", "products", "price", "prices", "update", "create", "check", "send", "post"),
        *("morning", "afternoon", "evening", "night", "minutes", "hours", "after", "wait"),
    ]
)


# Arabizi words that are English words too: no sign of Arabizi by themselves.
COMMON_ENGLISH = frozenset(
    [
        "law",
        "li",
        "le",
        "al",
        "el",
        "f",
        "fi",
        "ala",
        "tele",
        "daf",
        "kil",
        "w",
        "l",
        "a",
        "min",
        "men",
        "had",
        "chi",
        "wa",
        "lol",
        "mel",
        "b",
    ]
)
