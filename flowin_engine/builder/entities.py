"""The concrete things in a sentence: quoted text, phone numbers, e-mails, links, channels, sheet
names, schedules, waits and conditions.

``extract`` finds them and puts a marker (one private-use character) where each stood, so the
words left over can be matched against the connectors' phrases, and so each thing stays in the
clause that mentioned it: the phone number goes to the step whose clause held it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .amounts import amount_words_as_digits
from .language import Language, canonical, glued_service, normalize
from .lexicon import DIALECT_FUNCTION_WORDS, SERVICE_NAMES
from .time_of_day import take_time_of_day

MARKER_BASE = 0xE000
MARKER = re.compile("[\ue000-\uf8ff]")


@dataclass
class Entity:
    kind: str  # quote, url, email, phone, channel, chat, sheet, database, schedule, wait, condition
    text: str  # as the user wrote it (quotes keep diacritics)
    value: Any = None  # parsed: params for schedule/wait, a rule for condition
    describe: dict[str, str] = field(default_factory=dict)  # en/ar words for the explanation
    # A comparison said inside the event's own words ("a payment over $200 comes in on
    # Stripe"): its clause is the event's, not one cut between "a payment" and "comes in".
    inside_event: bool = False
    # What to ask the user instead of guessing ("twice a day": at what times?), en/ar; a
    # schedule that carries a question has no params of its own.
    ask: dict[str, str] = field(default_factory=dict)


@dataclass
class Extraction:
    text: str  # normalized, with a marker where each entity was
    entities: list[Entity]

    def entity(self, marker: str) -> Entity:
        return self.entities[ord(marker) - MARKER_BASE]

    def in_text(self, text: str) -> list[Entity]:
        return [self.entity(m) for m in MARKER.findall(text)]


class _Collector:
    def __init__(self, text: str, original: str = "") -> None:
        self.text = text
        self.original = original or text  # as typed: names in Arabic letters are kept so
        self.entities: list[Entity] = []

    def marker(self, entity: Entity) -> str:
        self.entities.append(entity)
        return chr(MARKER_BASE + len(self.entities) - 1)

    def take(self, pattern: re.Pattern[str], make: Any, *, spaced: bool = False) -> None:
        def replace(match: re.Match[str]) -> str:
            entity = make(match)
            if entity is None:
                return match.group(0)
            mark = self.marker(entity)
            return f" {mark} " if spaced else mark

        self.text = pattern.sub(replace, self.text)


_EVERY_TYPO = re.compile(r"\b(?:evry|evrey|eveyr|evey|everey)\b", re.IGNORECASE)
QUOTES = re.compile(
    r'"([^"]+)"|“([^”]+)”|«([^»]+)»|‘([^’]+)’|„([^“”]+)[“”]|(?<!\w)\'([^\']{2,})\'(?!\w)'
)
_URL = re.compile(r"\bhttps?://[^\s,;]+[^\s,;.)]")
_EMAIL = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d \-()]{6,16}\d(?!\w)")
_CHANNEL = re.compile(r"(?<![\w&])#([\w\u0621-\u064a][\w\u0621-\u064a\-]*)")
# An Arabic preposition or "and" written onto an address or a number: "لـhr@x.com" (tatweel
# already gone), "و+9665…", "ب#sales". Set apart so the address is found whole.
_GLUED_PREFIX = re.compile(
    r"(?<![\w\u0621-\u064a])(?:وبال|بال|عال|فال|وال|ال|لل|ول|وب|[لبوفك])(?=[A-Za-z0-9+#@])"
)
_DIALECT_FUNCTION_WORD = re.compile(
    r"(?<![\w\u0621-\u064a])(?:"
    + "|".join(sorted(DIALECT_FUNCTION_WORDS, key=len, reverse=True))
    + r")(?![\w\u0621-\u064a])"
)
_CHAT = re.compile(r"(?<![\w.])@([A-Za-z][A-Za-z0-9_]{3,})")


# "every two hours", "wait ten minutes": a count said in words, written as digits once the quotes
# are set apart (a quoted "two hours" stays as it was typed).
_COUNT_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "forty five": 45,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
}
_COUNT = re.compile(
    r"\b(?P<count>"
    + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))
    + r")\s+(?=(?:seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?)\b)",
    re.IGNORECASE,
)
_EVERY_OTHER = re.compile(r"\bevery\s+other\s+day\b", re.IGNORECASE)


def _counts_as_digits(text: str) -> str:
    text = _EVERY_OTHER.sub("every 2 days", text)
    text = amount_words_as_digits(text)
    text = _arabic_numbers_as_digits(text)
    return _COUNT.sub(
        lambda m: f"{_COUNT_WORDS[' '.join(m.group('count').lower().split())]} ", text
    )


# Counts said in Arabic words before their unit, MSA and dialect (normalized spelling): "كل خمس
# عشرة دقيقة", "كل تلات ساعات", "جوج ساعات" (Maghrebi); hours in words are read with the time.
_AR_COUNTS = {
    **dict.fromkeys(["واحد", "واحده"], 1),
    **dict.fromkeys(["اثنين", "اتنين", "تنين", "زوج", "جوج"], 2),
    **dict.fromkeys(["ثلاث", "ثلاثه", "تلات", "تلاته", "تلت"], 3),
    **dict.fromkeys(["اربع", "اربعه", "ربعه"], 4),
    **dict.fromkeys(["خمس", "خمسه"], 5),
    **dict.fromkeys(["ست", "سته", "سث"], 6),
    **dict.fromkeys(["سبع", "سبعه"], 7),
    **dict.fromkeys(["ثمان", "ثماني", "ثمانيه", "تمن", "تمان", "تمانيه", "تمنيه", "ثمنيه"], 8),
    **dict.fromkeys(["تسع", "تسعه", "تسعود"], 9),
    **dict.fromkeys(["عشر", "عشره"], 10),
    **dict.fromkeys(["احدعشر", "احد عشر", "حداشر", "حضاش", "احداشر"], 11),
    **dict.fromkeys(["اثنا عشر", "اثني عشر", "اتناشر", "اطناش", "طناش", "اطناشر"], 12),
    **dict.fromkeys(["خمس عشره", "خمسه عشر", "خمسطاشر", "خمستاشر", "خمسطاش"], 15),
    **dict.fromkeys(["عشرين", "عشرون"], 20),
    **dict.fromkeys(["ثلاثين", "ثلاثون", "تلاتين"], 30),
    **dict.fromkeys(["اربعين", "اربعون"], 40),
    **dict.fromkeys(["خمس واربعين", "خمسه واربعين", "خمسه و اربعين"], 45),
    **dict.fromkeys(["ستين", "ستون"], 60),
}


def _alternatives(words: dict[str, int]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_AR_UNIT_AFTER = (
    r"(?:دقيقه|دقيقة|دقايق|دقائق|ساعه|ساعة|ساعات|يوم|ايام|اسبوع|اسابيع|شهر|اشهر|شهور|ثانيه|ثواني)"
)
_AR_COUNT = re.compile(
    r"(?<!\S)(?P<count>"
    + _alternatives(_AR_COUNTS)
    + r")\s+(?="
    + _AR_UNIT_AFTER
    + r"(?![\w\u0621-\u064a]))"
)

# Maghrebi French for a week: "كل سيمانة" is "كل أسبوع".
# Maghrebi's week, spelt with its ي or without: "سيمانة", "سمانة"
_AR_WEEK = re.compile(r"(?<!\S)(?:ال)?سي?مان(?:ه|ا)(?!\S)")


# Parts of an hour said in words, as minutes: "ربع ساعة", "تلت ساعة", "ساعة ونص", "ساعتين ونص".
# A third of an hour ("تلت ساعه", singular) is not three hours ("تلت ساعات").
_AR_PARTS_OF_HOUR = [
    (re.compile(r"(?<!\S)ربع\s+ساعه(?!\S)"), "15 دقيقه"),
    (re.compile(r"(?<!\S)(?:تلت|ثلث)\s+ساعه(?!\S)"), "20 دقيقه"),
    (re.compile(r"(?<!\S)ساعه\s+(?:ونص|ونصف|والنص)(?!\S)"), "90 دقيقه"),
    (re.compile(r"(?<!\S)ساعه\s+(?:وربع|والربع)(?!\S)"), "75 دقيقه"),
    (re.compile(r"(?<!\S)ساعتين\s+(?:ونص|ونصف|والنص)(?!\S)"), "150 دقيقه"),
]


def _arabic_numbers_as_digits(text: str) -> str:
    text = _AR_WEEK.sub("اسبوع", text)
    for pattern, minutes in _AR_PARTS_OF_HOUR:
        text = pattern.sub(minutes, text)
    return _AR_COUNT.sub(lambda m: f"{_AR_COUNTS[' '.join(m.group('count').split())]} ", text)


def extract(original: str) -> Extraction:
    """Find the entities of ``original`` and return the normalized text with markers."""
    # The markers are private-use characters: any the user typed are dropped, not mistaken
    # for one of ours.
    typed = _EVERY_TYPO.sub("every", MARKER.sub("", original))
    collector = _Collector(typed, typed)
    collector.take(QUOTES, _quote)
    collector.text = _GLUED_PREFIX.sub(r"\g<0> ", normalize(collector.text, lower=False))
    collector.text = _DIALECT_FUNCTION_WORD.sub(
        lambda m: DIALECT_FUNCTION_WORDS[m.group(0)], collector.text
    )
    collector.text = _counts_as_digits(collector.text)
    collector.take(_URL, lambda m: Entity("url", m.group(0)))
    collector.take(_EMAIL, _email)
    collector.take(_PHONE, _phone)
    collector.take(_CHANNEL, lambda m: Entity("channel", "#" + m.group(1)))
    collector.take(_CHAT, lambda m: Entity("chat", "@" + m.group(1)))
    _take_named(collector)
    collector.take(_ROWS_WHERE, lambda m: _rows_where(m, collector), spaced=True)
    take_time_of_day(collector)
    collector.take(_CONDITION_EN, _condition, spaced=True)
    collector.take(_CONDITION_AR, _condition, spaced=True)
    collector.take(_IF_AMOUNT, _if_amount, spaced=True)
    _take_amount_of_event(collector)
    _take_state_of_record(collector)
    said_words = re.findall(r"[\w\u0600-\u06ff]+", original)
    collector.take(_CONTAINS_EN, lambda m: _contains(m, said_words), spaced=True)
    collector.take(_CONTAINS_AR, lambda m: _contains(m, said_words), spaced=True)
    _take_word_written(collector, said_words)
    _take_ahead(collector)
    collector.take(_WAIT, _wait, spaced=True)
    _take_schedule(collector)
    collector.take(
        _DAYS_AHEAD, lambda m: Entity("span", m.group(0), value=int(m.group("n"))), spaced=True
    )
    _take_length_of_event(collector)
    collector.take(_LENGTH, _length)
    collector.take(_MONEY, _money)
    collector.take(
        _CURRENCY_ALONE, lambda m: Entity("currency", m.group("code"), value=m.group("code"))
    )
    _choices_listed(collector)
    collector.take(_CHOICES_EN, _choices_en)
    collector.take(_CHOICES_AR, _choices_ar)
    return Extraction(collector.text, collector.entities)


# An amount of money for a step to ask (a payment link of 250 KWD, بقيمة ٧٥٠ جنيه): conditions
# and thresholds have taken theirs already.
_CURRENCY_CODES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "دولار": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "sar": "SAR",
    "riyal": "SAR",
    "ريال": "SAR",
    "ر.س": "SAR",
    "egp": "EGP",
    "le": "EGP",
    "pound": "EGP",
    "جنيه": "EGP",
    "جنيها": "EGP",
    "ج.م": "EGP",
    "aed": "AED",
    "kwd": "KWD",
    "qar": "QAR",
    "bhd": "BHD",
    "omr": "OMR",
    "jod": "JOD",
    "mad": "MAD",
    "gbp": "GBP",
    "£": "GBP",
    "kuwaiti dinar": "KWD",
    "دينار كويتي": "KWD",
    "دينار بحريني": "BHD",
    "دينار اردني": "JOD",
}
_MONEY_CURRENCY = (
    r"(?P<{name}>[$€£]|us\$|usd|sar|egp|aed|kwd|qar|bhd|omr|jod|mad|eur|gbp|dollars?|euros?"
    r"|riyals?|pounds?|kuwaiti\s+dinars?|dinars?|ريال|ريالات|جنيه|جنيها|جنيهات|دولار|دولارات"
    r"|دينار\s+كويتي|دينار\s+بحريني|دينار\s+اردني|دينار|دنانير|ر\.س|ج\.م)"
)
_MONEY = re.compile(
    r"(?<![\w\ue000-\uf8ff])(?:" + _MONEY_CURRENCY.format(name="before") + r"\s*)?"
    r"(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*" + _MONEY_CURRENCY.format(name="after") + r")?(?![\w\u0621-\u064a])",
    re.IGNORECASE,
)


def _money(match: re.Match[str]) -> Entity | None:
    said = " ".join((match.group("before") or match.group("after") or "").lower().split())
    if not said:
        return None  # a bare number is no amount of money
    code = next((c for w, c in _CURRENCY_CODES.items() if said == w or said.rstrip("s") == w), None)
    if code is None and said.startswith(("ريال", "جنيه", "دولار")):
        code = _CURRENCY_CODES[said[:4]]  # ريالات, جنيهات, دولارات
    amount = match.group("amount").replace(",", "")
    return Entity("money", match.group(0).strip(), value={"amount": amount, "currency": code})


# The choices a message offers: "with buttons Confirm and Cancel", "a list with options Prices,
# Location, Book", "زرين تأكيد والغاء".
_CHOICE_NAME = r"(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?|[\ue000-\uf8ff])"
_CHOICES_EN = re.compile(
    # "two buttons, Yes and No", "a menu list: Prices, Location", "buttons Good / Bad"
    r"\b(?:options|choices|buttons|items|rows|list|menu)"
    r"(?:\s*(?::|,|of|like|for)?\s*"
    r"(?P<list>" + _CHOICE_NAME + r"(?:\s*,\s*" + _CHOICE_NAME + r")*"
    r"(?:\s*,?\s*(?:and|or|&|/)\s*" + _CHOICE_NAME + r")"
    r"|" + _CHOICE_NAME + r"(?:\s*,\s*" + _CHOICE_NAME + r"){2,})"
    # after a colon, two names are a list already: "a menu list: Hours, Prices"
    r"|\s*:\s*(?P<listed>" + _CHOICE_NAME + r"(?:\s*,\s*" + _CHOICE_NAME + r")+))"
)
_CHOICES_AR = re.compile(
    r"(?<!\S)(?:ب)?(?:زرين|زراير|ازرار|خيارات|اختيارات|خيارين)\s+(?:فيها\s+|هم\s+)?"
    r"(?P<list>[^\s،,]+(?:\s*[،,]\s*[^\s،,]+|\s+و\s*[^\s،,]+|\s+و[^\s،,]+){1,4})"
)


# Choices listed after a colon or in brackets, in words of any case: "a menu list: Opening hours,
# Talk to us", "خيارات (قص شعر، صبغة، سشوار)", "بزراير (احجز - استفسار)". The list runs to the
# bracket's end or the sentence's; each choice is a few words.
_CHOICES_LISTED = re.compile(
    r"(?P<word>\b(?:options|choices|buttons|items|rows|list|menu)\b"
    r"|(?<!\S)(?:ب|ل|ال|بال)?(?:زراير|ازرار|زرار|زرين|زرارين|خيارات|اختيارات|خيارين|اختيارين"
    r"|لسته|ليسته|قائمه|قايمه|منيو)"
    r"(?=[\s:(]|$))(?P<between>(?:\s+[^\s:()\ue000-\uf8ff]+){0,3}?)\s*(?:(?P<bracket>\()|:)\s*"
    r"(?P<items>[^,،()/:.;!?\n]+(?:(?:[,،/]|\s-\s|\s(?:and|or|او)\s)[^,،()/:.;!?\n]+){1,9})"
    r"(?(bracket)\)|\s*(?:[.!?;]\s*)?$)",
    re.IGNORECASE,
)


def _choices_listed(collector: _Collector) -> None:
    def choices(match: re.Match[str]) -> Entity | None:
        items = re.split(r"\s*(?:[,،/]|\s-\s|\s(?:and|or|او)\s)\s*", match.group("items"))
        items = [i.strip() for i in items if i.strip()]
        items = [i[1:] if re.match("و[\u0621-\u064a]{2,}$", i) else i for i in items]
        if len(items) < 2 or any(len(i.split()) > 3 or MARKER.search(i) for i in items):
            return None  # a sentence after the colon, not a list of choices
        typed = [_as_typed(i, collector.original) for i in items]
        return Entity("choices", match.group(0), value=typed)

    def replace(match: re.Match[str]) -> str:
        entity = choices(match)
        if entity is None:
            return match.group(0)
        # The words between stay to be read ("لستة خيارات بالواتس (…)": on WhatsApp), and an
        # Arabic word for buttons or a list, which says the step; "list" in English is also an
        # order ("list the orders") and goes with its choices.
        word = "" if match.group("word").isascii() else match.group("word")
        return f" {word}{match.group('between')} {collector.marker(entity)} "

    collector.text = _CHOICES_LISTED.sub(replace, collector.text)


def _choices_en(match: re.Match[str]) -> Entity:
    listed = match.group("list") or match.group("listed")
    names = re.split(r"\s*(?:,|\band\b|\bor\b|&|/)\s*", listed)
    return Entity("choices", match.group(0), value=[n.strip() for n in names if n.strip()])


def _choices_ar(match: re.Match[str]) -> Entity:
    names = re.split(r"\s*[،,]\s*|\s+(?=و)", match.group("list"))
    cleaned = [n[1:] if n.startswith("و") and len(n) > 2 else n for n in names]
    return Entity("choices", match.group(0), value=[n.strip() for n in cleaned if n.strip()])


# "copy me on sales@x.com", "cc boss@x.com", "ونسخة لـ …": a copy, not the one it goes to.
_CC_BEFORE = re.compile(
    r"(?:\bcc|\bcopy(?:\s+(?:me|us|in))?(?:\s+(?:on|to|at))?|\bwith\s+a\s+copy\s+to"
    r"|نسخه\s+(?:ل|الي|لـ)?|كوبي\s+(?:ل|لـ)?)\s*:?\s*$",
    re.IGNORECASE,
)


# "a gmail from noreply@aramex.com": who sent what came in, never where a step sends.
_SENDER_BEFORE = re.compile(r"(?:\bfrom|(?<!\S)من|(?<!\S)م)\s*$", re.IGNORECASE)


def _email(match: re.Match[str]) -> Entity:
    before = match.string[max(0, match.start() - 30) : match.start()]
    if _CC_BEFORE.search(before):
        return Entity("cc", match.group(0))
    if _SENDER_BEFORE.search(before):
        return Entity("sender", match.group(0))
    if _CALENDAR_BEFORE.search(before):
        return Entity("calendar", match.group(0))
    return Entity("email", match.group(0))


# "كالندر العيادة clinic@x.com", "the calendar team@x.com": a calendar's ID is its address.
_CALENDAR_BEFORE = re.compile(
    r"(?:\bcalendar|(?<!\S)(?:ال|بال|في|ف)?(?:كالندر|كاليندر|تقويم))"
    # whose it is said with a possessive: "تبع العيادة", "بتاع المكتب", "of the clinic"
    r"(?:\s+(?:تبع|تبعت|بتاع|بتاعت|ديال|متاع|تاع|حق|of(?:\s+the|\s+my|\s+our)?)(?=\s))?"
    # one word of its own between ("العيادة"), not "to"/"على": "من التقويم على x@y.com" sends there
    r"(?:\s+(?!(?:علي|على|ع|الي|ل|لـ|في|من|to|at|on|for|from)(?!\S))[^\s\ue000-\uf8ff@]+)?\s*$",
    re.IGNORECASE,
)


def _quote(match: re.Match[str]) -> Entity:
    text = next(g for g in match.groups() if g is not None)
    if _SUBJECT_BEFORE.search(match.string[: match.start()]):
        return Entity("subject", text.strip())  # 'with the subject "Welcome"', بعنوان "…"
    return Entity("quote", text.strip())


_SUBJECT_BEFORE = re.compile(
    r"(?:\bsubject(?:\s+line)?|\btitled|\bheadline|بعنوان|عنوانه|عنوانها|عنوان)\s*:?\s*$",
    re.IGNORECASE,
)


# Mobile numbers of the region written with their country code but no "+" or "00"
# ("966501234567"): the code, the digits a mobile starts with after it, and the lengths the
# whole may have. A long number that fits none (an order number, an invoice's) is no phone.
_MOBILE_PLANS: tuple[tuple[str, str, tuple[int, ...]], ...] = (
    ("966", "5", (12,)),  # Saudi Arabia
    ("971", "5", (12,)),  # United Arab Emirates
    ("965", "569", (11,)),  # Kuwait
    ("974", "3567", (11,)),  # Qatar
    ("973", "36", (11,)),  # Bahrain
    ("968", "79", (11,)),  # Oman
    ("962", "7", (12,)),  # Jordan
    ("961", "3", (10,)),  # Lebanon, the old mobiles: 961 3 123456
    ("961", "78", (11,)),  # Lebanon, 961 70 …, 71, 76, 78, 79, 81 …
    ("963", "9", (12,)),  # Syria
    ("970", "5", (12,)),  # Palestine
    ("964", "7", (13,)),  # Iraq
    ("967", "7", (12,)),  # Yemen
    ("20", "1", (12,)),  # Egypt
    ("218", "9", (12,)),  # Libya
    ("249", "19", (12,)),  # Sudan
    ("212", "67", (12,)),  # Morocco
    ("213", "567", (12,)),  # Algeria
    ("216", "2459", (11,)),  # Tunisia
)


def _mobile_with_country_code(digits: str) -> bool:
    return any(
        digits.startswith(code) and digits[len(code)] in starts and len(digits) in lengths
        for code, starts, lengths in _MOBILE_PLANS
        if len(digits) > len(code)
    )


def _phone(match: re.Match[str]) -> Entity | None:
    raw = match.group(0)
    digits = re.sub(r"\D", "", raw)
    international = raw.startswith(("+", "00")) or (
        raw.isdigit() and _mobile_with_country_code(digits)
    )
    if not 9 <= len(digits) <= 15 or not (international or digits.startswith("0")):
        return None
    if raw.startswith("00"):
        digits = digits[2:]
    return Entity("phone", raw.strip(), value=("+" if international else "") + digits)


# Named sheets and databases: "the sheet Orders", "the Orders sheet", "في شيت الطلبات".

_NAMED_KIND = {
    "sheet": "sheet",
    "sheets": "sheet",
    "spreadsheet": "sheet",
    "tab": "sheet",
    "شيت": "sheet",
    "الشيت": "sheet",
    "جدول": "sheet",
    "الجدول": "sheet",
    "ورقه": "sheet",
    "database": "database",
    "قاعده": "database",
}
_NAME_EN = r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|[\ue000-\uf8ff])"
_NAMED_AFTER = re.compile(
    r"\b(?P<word>[Ss]heet|[Ss]preadsheet|tab|database)\s+"
    # "Google Sheet سميتها Ventes": named (it) in Arabic too
    r"(?:called\s+|named\s+|(?:سميتها|سميته|سميتو|اسمها|اسمه|اسمو|باسم|بإسم)\s+)?(?P<name>"
    + _NAME_EN
    + r")"
)
_NAMED_BEFORE = re.compile(
    r"\b(?:the|my|our)\s+(?P<name>" + _NAME_EN + r")\s+(?P<word>sheet|spreadsheet|tab|database)\b"
)
_NAMED_AR = re.compile(
    r"(?:(?<![\u0621-\u064a])(?:[وفبل]|بال|فال|عال)?)"
    r"(?P<word>شيت|الشيت|جدول|الجدول|ورقه|قاعده)(?:\s+(?:بيانات|البيانات|اسمه|اسمها|اسمو|باسم"
    r"|اللي\s+اسمه|اللي\s+اسمها|اللي\s+اسمو|اللي\s+باسم|الي\s+اسمه|تبع|تبعت|بتاع|بتاعت|ديال|متاع))?"
    r"\s+(?P<name>[\ue000-\uf8ff]|(?!جوجل|قوقل|نوشن|البيانات|اللي|الذي|التي)ال[\u0621-\u064a]{2,}"
    r"|(?!(?:Google|Notion|Excel|Airtable|Sheets?)\b)[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)
_SERVICE_WORDS = {
    "google",
    "notion",
    "gmail",
    "the",
    "a",
    "new",
    "my",
    # a service's own name is no name of a list in it: "the WhatsApp template", "my Trello list"
    "whatsapp",
    "trello",
    "airtable",
    "slack",
    "excel",
    "shopify",
    "salla",
    "zid",
    "stripe",
    "telegram",
    "woocommerce",
    "calendar",
    "sms",
}
# Other named places and names: a Trello list or column, an Airtable table, a WhatsApp
# template, a Gmail label. "in the To Pack list", "template order_shipped", "label it Bank",
# "في لستة Urgent", "بتاب Payments". "list" is also an order ("list the orders"): after it, a
# name counts only when quoted or introduced ("in list 'New Orders'", "list called Doing").
_OTHER_KIND = {
    "list": "list",
    "liste": "list",
    "column": "list",
    "table": "table",
    "template": "template",
    "label": "label",
    "workbook": "workbook",
    "لسته": "list",
    "قائمه": "list",
    "قايمه": "list",
    "ليسته": "list",
    "ليست": "list",
    "عمود": "list",
    "العمود": "list",
    "تاب": "sheet",
    "التاب": "sheet",
    "قالب": "template",
    "القالب": "template",
    "تمبليت": "template",
    "ليبل": "label",
    "لابل": "label",
    "تصنيف": "label",
    "التصنيف": "label",
}
# A name: capitalised words, a quote, or an identifier such as order_shipped.
_NAME_ANY = r"(?:[A-Za-z][\w-]*_[\w-]+|" + _NAME_EN[3:]
_NAMED_OTHER_AFTER = re.compile(
    r"\b(?:(?:in|to|into|on|from|la|lal|3al|3la|fel|fe|fi)\s+(?:the\s+|my\s+|el\s+)?"
    # "in trello list Requests", "to the Airtable table Clients", "ف la liste Urgent"
    r"(?:(?:trello|airtable|excel)\s+)?(?P<word1>list|liste|column|table)"
    r"|(?P<word2>template|label|workbook|table))"
    r"\s+(?:called\s+|named\s+|it\s+|them\s+|as\s+)?(?P<name>" + _NAME_ANY + r")"
)
_NAMED_OTHER_BEFORE = re.compile(
    # the service's name as people write it too: "→ Airtable Messages table"
    r"\b(?:the|my|our|[Aa]irtable|[Tt]rello|[Ee]xcel|in|into|to)\s+(?P<name>" + _NAME_ANY + r")\s+"
    r"(?P<word>list|column|table|template|label)\b"
)
# The words for a sheet's tab, which spell the Tap payment service's name too: a tab when a
# sheet is said, or no payment ("الدفع في تاب Checkout فشل" is Tap's).
_TAB_WORDS = frozenset(["تاب", "التاب"])
_SHEET_SAID = re.compile(r"(?<![\u0621-\u064a])(?:\S{0,3}شيت|\S{0,3}جدول|\S{0,3}اكسل)|sheet", re.I)
_PAYMENT_SAID = re.compile(r"دفع|فلوس|مبلغ|charge|payment|pay\b", re.I)
_NAMED_OTHER_AR = re.compile(
    r"(?<![\u0621-\u064a])(?:و|ف)?(?:بال|فال|لل|ال|ب|ل|ف)?"
    r"(?P<word>لسته|ليسته|ليست|قائمه|قايمه|عمود|تاب|قالب|تمبليت|ليبل|لابل|تصنيف)"
    r"(?:\s+(?:اسمه|اسمها|اسمو|باسم|ديال|متاع|اللي اسمها|اللي اسمه))?"
    r"\s+(?P<name>[\ue000-\uf8ff]|[A-Za-zÀ-ÿ][\w\-./]*(?:\s+[A-Za-zÀ-ÿ][\w-]*)*)"
)
# "حطله ليبل فواتير", "بتصنيف مهم": a label named by one Arabic word, not a preposition or a
# service ("ليبل على الايميل" names none)
_LABEL_AR = re.compile(
    r"(?<![\u0621-\u064a])(?:و|ف)?(?:بال|لل|ال|ب|ل)?(?:ليبل|لابل|تصنيف)"
    r"(?:\s+(?:اسمه|اسمها|اسمو|باسم))?\s+"
    r"(?P<name>(?!(?:علي|على|في|من|الي|الى|عل|ع|ل|لل|لها|له|جديد|ال\S*(?:ايميل|رساله|بريد))"
    r"(?![\u0621-\u064a]))[\u0621-\u064a]{2,})(?![\u0621-\u064a])"
)
# "label every new Gmail from … as Orders": the label; "with the tag vip", "tagged VIP": a tag.
_LABEL_AS = re.compile(
    r"\b[Ll]abel(?:led|ed)?\b(?:(?!\b[Ll]abel)[^,;.]){0,80}?\bas\s+(?P<name>" + _NAME_EN + r")"
)
_TAG = re.compile(
    r"\b(?:with\s+(?:the\s+|a\s+)?tags?|tagged(?:\s+as)?)\s+(?P<name>[\ue000-\uf8ff]|[\w-]+)",
    re.IGNORECASE,
)
# The column that tells rows apart, said with the update: "matching on the Order ID column",
# "(match on Phone)", "matched by email": the key of a row updated, or added when none has it.
_KEY_COLUMN = re.compile(
    r"\b(?:match(?:es|ed|ing)?|keyed)\s+(?:on|by)\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?"
    r"(?P<name>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}(?=\s+column\b)"
    r"|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|[\ue000-\uf8ff]|[a-z][\w-]*)"
)
# "a new Airtable record in Bookings": the table (taken when Airtable is named).
_RECORD_IN = re.compile(
    # "to" right after "record" only: "update the record status to Contacted" sets a value
    r"\brecords?\s+(?:(?:\S+\s+){0,2}?(?:in|into|from)|to)\s+(?:the\s+|my\s+)?(?P<name>"
    + _NAME_EN
    + r")(?!\s+(?:base|sheet|tab|database)\b)"
)
# "moved to Done" (a Trello card): the list it went to.
_MOVED_TO = re.compile(r"\bmoved\s+(?:to|into)\s+(?:the\s+)?(?P<name>" + _NAME_ANY + r")")
_WORKBOOK = re.compile(r"(?<![\w/])[\w\-/]+\.xlsx\b")


_TEMPLATE_SAID = re.compile(
    r"\btemplates?\b|قالب|تمبليت|تيمبليت|تمبلت|تيمبلت|تمبلات", re.IGNORECASE
)
# an identifier such as order_shipped, the sentence's full stop after it included
_SNAKE_NAME = re.compile(
    r"(?<![\w@./\ue000-\uf8ff])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/])(?!\.[\w/])"
)
# "a card created in Urgent", "create a trello card "Pay suppliers" in To Do", "الكارت يتنقل
# لـ Done": the list a card is in or goes to.
_CARD_LIST = re.compile(
    r"\bcards?\s+(?:\S+\s+){0,5}?(?:in|into|to|on|under)\s+(?:the\s+)?(?![Tt]rello\b)(?P<name>"
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|[\ue000-\uf8ff](?!\s+(?:board|sheet|tab|table)\b))"
    # (Levantine "بـ" for in: "وينحط بـ Delivered")
    r"|(?:كارت|كرت|كارد|بطاقه|كارطه|card|carte)\S*\s+(?:\S+\s+){0,3}?(?:ل|لـ|الي|ع|في|ف|ب)\s*"
    r"(?:ال)?(?:قائمه\s+|لسته\s+|ليسته\s+|عمود\s+)?(?!(?:[Tt]rello|la|le|les|el)\b)(?P<name_ar>[A-Za-zÀ-ÿ][\w-]*(?:\s+[A-Z][\w-]*)*)"
)


def _take_card_list(collector: _Collector) -> None:
    def replace(match: re.Match[str]) -> str:
        group = "name" if match.group("name") else "name_ar"
        name = match.group(group)
        if name.lower() in _SERVICE_WORDS or name.lower() in ("trello", "new"):
            return match.group(0)
        if MARKER.fullmatch(name):  # "a card in 'VIP orders'": the quoted words are the list
            quoted = collector.entities[ord(name) - MARKER_BASE]
            if quoted.kind == "quote":
                quoted.kind = "list"
            return match.group(0)
        start, end = match.span(group)
        mark = collector.marker(Entity("list", name))
        whole, base = match.group(0), match.start()
        return whole[: start - base] + mark + whole[end - base :]

    collector.text = _CARD_LIST.sub(replace, collector.text)


_AIRTABLE = re.compile(r"airtable|ايرتيبل|اير تيبل|ايرتابل", re.IGNORECASE)
# A Trello list named in Arabic letters after "to/in the list": "في لستة طلبات جديدة", "إلى قائمة
# مكتملة", "لعمود التسليم". Only in a sentence about Trello ("قائمة الأسعار" elsewhere is a price
# list), and only when the name's end is plain: the end of the sentence, a comma, a preposition,
# a word with "و" (and) on it or an entity; otherwise the name is the user's to pick.
_TRELLO_SAID = re.compile(r"trello|تريلو|ترللو|تريللو|ترلو|كارت|كرت|كارد|بطاقه|\bcards?\b", re.I)
_LIST_AR = re.compile(
    r"(?<![\u0621-\u064a])(?:(?:في|الي|علي|ع)\s+(?:ال)?|لل|ل|فال|بال|عال)"
    r"(?:لسته|ليسته|قائمه|قايمه|عمود)\s+"
    r"(?P<name>[\u0621-\u064a]{2,}(?:\s+[\u0621-\u064a]{2,}){0,3})"
)
_LIST_NAME_ENDS = frozenset(["في", "ف", "علي", "ع", "من", "الي", "ل", "عل", "لما", "اول", "بعد"])


def _take_named(collector: _Collector) -> None:
    collector.take(_WORKBOOK, lambda m: Entity("workbook", m.group(0)))
    if _TEMPLATE_SAID.search(collector.text):
        collector.take(_SNAKE_NAME, lambda m: Entity("template", m.group(0)))
    _take_named_by(collector, (_NAMED_AFTER, _NAMED_BEFORE, _NAMED_AR), _NAMED_KIND)
    # before the other names: "matching on the Order ID column" is no list called Order ID
    _take_named_by(collector, (_KEY_COLUMN,), {}, default="key")
    _take_key_after_place(collector)
    _take_named_by(
        collector,
        (_NAMED_OTHER_AFTER, _NAMED_OTHER_BEFORE, _NAMED_OTHER_AR, _MOVED_TO),
        _OTHER_KIND,
    )
    _take_card_list(collector)
    if _TRELLO_SAID.search(collector.text):
        _take_arabic_list(collector)
    _take_named_by(collector, (_LABEL_AS, _LABEL_AR), {}, default="label")
    _take_named_by(collector, (_TAG,), {}, default="tag")
    if _AIRTABLE.search(collector.text):
        _take_named_by(collector, (_RECORD_IN,), {}, default="table")


# "sync the orders to the Orders tab by order number", "the Leads sheet by email": a sheet or
# table named, then the column its rows are matched on (a record's number or code, an address).
_KEY_AFTER_PLACE = re.compile(
    r"(?P<place>[\ue000-\uf8ff])(?:\s+(?:sheet|tab|spreadsheet|table))?\s+(?:by|on)\s+"
    r"(?:the\s+|their\s+|its\s+)?"
    r"(?P<name>(?:[a-z]+\s+)?(?:number|id|code|sku)|e-?mail(?:\s+address)?|phone(?:\s+number)?)"
    r"(?![\w-])",
    re.IGNORECASE,
)
_PLACE_KINDS = frozenset(["sheet", "table"])


def _take_key_after_place(collector: _Collector) -> None:
    def replace(match: re.Match[str]) -> str:
        place = collector.entities[ord(match.group("place")) - MARKER_BASE]
        if place.kind not in _PLACE_KINDS:
            return match.group(0)  # "text <phone> by email" is how it is sent
        name = match.group("name")
        # a column is called as its header is written ("Order number"), as the builder names
        # the columns it writes
        column = name[:1].upper() + name[1:]
        mark = collector.marker(Entity("key", column))
        return match.group(0)[: match.start("name") - match.start()] + mark

    collector.text = _KEY_AFTER_PLACE.sub(replace, collector.text)


_LEADING_WORD = re.compile(r"(?P<word>\S+)\s+(?=\S)")
_SERVICE_NAMES = _SERVICE_WORDS - {"the", "a", "new", "my", "sms"}  # "SMS Log" is a name


def _take_named_by(
    collector: _Collector,
    patterns: tuple[re.Pattern[str], ...],
    kinds: dict[str, str],
    default: str = "sheet",
) -> None:
    for pattern in patterns:

        def replace(match: re.Match[str]) -> str:
            name = match.group("name")
            # a tag may be a service's name ("with the tag zid": where the customer came from);
            # a list, sheet or table named so is the service's own
            if name.lower() in _SERVICE_WORDS and default != "tag":
                return match.group(0)
            # "the Google Orders sheet", "the Airtable Leads table": the service is said beside
            # the name, not in it ("New Leads" keeps its "New")
            service = _LEADING_WORD.match(name)
            while service is not None and service.group("word").lower() in _SERVICE_NAMES:
                name = name[service.end() :]
                service = _LEADING_WORD.match(name)
            groups = match.groupdict()
            word = groups.get("word") or groups.get("word1") or groups.get("word2") or "list"
            kind = kinds.get(word.lower(), default)
            if word in ("جدول", "الجدول") and _AIRTABLE.search(collector.text):
                kind = "table"  # "ضيفو عالإيرتيبل بجدول Clients": Airtable's table
            if MARKER.fullmatch(name):
                quoted = collector.entities[ord(name) - MARKER_BASE]
                if quoted.kind == "quote":  # "sheet Orders.xlsx" stays the workbook it is
                    quoted.kind = kind
                return match.group(0)
            start, end = match.span("name")
            if kind == "table":
                # a table is Airtable's or Excel's: the service said beside its name stays in
                # the text, or the clause names no service ("→ Airtable Messages table")
                start = end - len(name)
            base = match.start()
            mark = collector.marker(Entity(kind, _as_typed(name, collector.original)))
            whole = match.group(0)
            before = whole[: start - base]
            if word in _TAB_WORDS and (
                _SHEET_SAID.search(collector.text) or not _PAYMENT_SAID.search(collector.text)
            ):
                # "عالشيت بتاب Customers", "حطه في التاب Orders": a sheet's tab, read as the
                # sheet it is; left as "تاب" it is the Tap payment service's name
                before = before.replace(word, "شيت", 1)
            return before + mark + whole[end - base :]

        collector.text = pattern.sub(replace, collector.text)


# Orders a list's name does not hold: "لعمود التسليم ابعتلي رسالة" names no list "التسليم ابعتلي".
_ORDERS = frozenset(
    ["ارسل", "ابلغ", "احفظ", "اضف", "انشي", "ترجم", "نبه", "رد", "سجل", "سو", "غير"]
)
_ORDERS |= {"نقل", "هات", "ذكر", "اعمل", "خلي", "شيل", "امسح", "حدث"}


def _take_arabic_list(collector: _Collector) -> None:
    def replace(match: re.Match[str]) -> str:
        words = match.group("name").split()
        said = []
        for word in words:
            if word in _LIST_NAME_ENDS or word.startswith("و") or canonical(word) in _ORDERS:
                break
            if canonical(word) in _SERVICE_WORDS:
                break  # "لقائمة تم التسليم بتريلو": the service, its preposition on it, ends it
            said.append(word)
        after = match.string[match.end() :].lstrip()
        plain_end = (
            len(said) < len(words) or not after or after[0] in ",.;:!?()" or MARKER.match(after)
        )
        if not said or len(said) > 2 or not plain_end:
            return match.group(0)  # where the name ends is unclear: the user picks the list
        name = " ".join(said)
        start = match.start("name")
        end = start + len(name)
        mark = collector.marker(Entity("list", _as_typed(name, collector.original)))
        whole, base = match.group(0), match.start()
        return whole[: start - base] + mark + whole[end - base :]

    collector.text = _LIST_AR.sub(replace, collector.text)


def _as_typed(name: str, original: str) -> str:
    """``name`` (read in the normalized text) as the user typed it, when it is in Arabic
    letters: "طلبات جديدة", not "طلبات جديده"."""
    if not re.search("[\u0621-\u064a]", name):
        return name
    words = [w.strip(".,،;:!?()\"'") for w in original.split()]
    size = len(name.split())
    for start in range(len(words) - size + 1):
        typed = " ".join(words[start : start + size])
        if normalize(typed, lower=False) == name:
            return typed
    return name


# Conditions: "if the total is over 100", "إذا كان المجموع أكثر من 100".

_OPERATORS = {
    "greater_than": (
        "over|above|more than|greater than|bigger than|higher than|exceeds|>|"
        "اكثر من|اكتر من|اكبر من|فوق|يزيد عن|يزيد على|يتجاوز|يتعدي|اعلي من|ازيد من|كثر من|كتر من"
    ),
    "greater_or_equal": "at least|>=|لا يقل عن",
    "less_than": "under|below|less than|lower than|smaller than|<|اقل من|اصغر من|تحت|ينقص عن",
    "not_equals": "is not|isn't|not|!=|مش|ليس|ليست|لا يساوي",
    "contains": "contains|includes|has|mentions|فيه|فيها|يحتوي علي|يحتوي|تحتوي علي|تحتوي",
    "equals": "equals|is equal to|is|=|==|يساوي|هو|هي|=",
}
_OPERATOR_WORDS = "|".join(
    sorted((w for words in _OPERATORS.values() for w in words.split("|")), key=len, reverse=True)
)
_CURRENCY = (
    r"(?:[$€£]|us\$|usd|sar|egp|aed|kwd|qar|bhd|omr|jod|mad|eur|gbp|dollars?|riyals?|pounds?"
    r"|dirhams?|ريال|ريالات|جنيه|جنيهات|دولار|دولارات|درهم|دراهم|دينار|ر\.س|ج\.م|le)"
)
_VALUE = (
    r"(?:" + _CURRENCY + r"\s*)?"
    r"(?P<value>[\ue000-\uf8ff]|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|-?\d+(?:[.,]\d+)?"
    r"|(?!" + _CURRENCY + r"\b)[\w\u0621-\u064a]+)"
    r"(?:\s*" + _CURRENCY + r"(?![\w\u0621-\u064a]))?"
)
_CONDITION_EN = re.compile(
    r"\b(?:only\s+)?(?:(?P<word>if|when|whenever)\s+(?:the\s+|its\s+|their\s+)?"
    r"|(?P<joined>and|where|with|but only if)\s+(?:the|its|their)\s+)(?P<subject>[a-z_ ]{2,30}?)\s+"
    r"(?:is\s+|are\s+|was\s+)?(?P<op>" + _OPERATOR_WORDS + r")\s+" + _VALUE,
    re.IGNORECASE,
)
# An operator said in letters is a word of its own: "ويب هوك" holds no "هو" (is); a sign may
# touch its value (">100").
_OPERATOR_WORD_ENDS = r"(?:(?<=[\u0621-\u064a])(?![\u0621-\u064a])|(?<![\u0621-\u064a]))"
_CONDITION_AR = re.compile(
    r"(?:(?<=\s)|^)(?:بس\s+|فقط\s+)?(?:و)?(?:(?:اذا|ازا|ايلا|لو|ان|حال)\s+(?:كان\s+|كانت\s+|صار\s+)?|كان\s+|كانت\s+"
    r"|(?P<joined>و)(?=ال))"
    r"(?P<subject>(?:[\u0621-\u064a]+\s+)?[\u0621-\u064a]+?)\s+"
    r"(?P<op>" + _OPERATOR_WORDS + r")" + _OPERATOR_WORD_ENDS + r"\s*" + _VALUE
)


_NOT_SUBJECTS = {
    "a",
    "an",
    "someone",
    "somebody",
    "i",
    "we",
    "you",
    "it",
    "there",
    "they",
    "احد",
    "حد",
}


# Words that open a noun, after "under", "over", "above", "below": where something is ("the
# button under my bot's message", "over the weekend"), never the value compared.
_PLACE_WORDS = frozenset(
    ["my", "our", "your", "his", "her", "their", "its", "the", "a", "an", "this", "that", "each"]
)


# Fields that, said with a value after "and the", can only be compared: "and the customer city
# is Riyadh", "and the payment method is cash".
_FIELDS_COMPARED = frozenset(
    ["city", "country", "method", "status", "currency", "source", "language", "category"]
)

_EVENT_ARTICLES = {"a", "an", "any", "new", "each", "every"}


def _condition(match: re.Match[str]) -> Entity | None:
    op_word = match.group("op").lower()
    operator = next(op for op, words in _OPERATORS.items() if op_word in words.split("|"))
    if operator == "equals" and not match.group("subject").strip():
        return None
    raw_value = match.group("value")
    value: Any = raw_value
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw_value):
        raw_value = raw_value.replace(",", "")  # "1,000": a thousands separator, not a decimal
    if re.fullmatch(r"-?\d+(?:[.,]\d+)?", raw_value):
        number = float(raw_value.replace(",", "."))
        value = int(number) if number.is_integer() else number
    subject = match.group("subject").strip()
    loose = operator in ("equals", "contains", "not_equals")
    word = (match.groupdict().get("word") or "").lower()
    if word.startswith("when") and subject.split()[0].lower() in _EVENT_ARTICLES:
        return None  # "when a payment over $200 comes in": the event's amount, read below
    if loose and word.startswith("when"):
        return None
    numeric = isinstance(value, int | float) or MARKER.fullmatch(raw_value) is not None
    if (
        match.groupdict().get("joined")
        and not isinstance(value, int | float)
        and not MARKER.fullmatch(raw_value)  # "and the subject has 'refund' in it"
        and subject.split()[-1].lower() not in _FIELDS_COMPARED
    ):
        return (
            None  # "and the total is more than 200" is a condition; "and the name is X" may not be
        )
    if loose and not numeric and (len(subject.split()) > 2 or subject.split()[0] in _NOT_SUBJECTS):
        return None
    if not numeric and str(value).lower() in _PLACE_WORDS:
        return None  # "presses the Yes button under my bot's message": a place, not an amount
    return Entity(
        "condition",
        match.group(0).strip(),
        value={"subject": subject, "operator": operator, "right": value},
    )


# "every new order over 1000 SAR", "كل طلب فوق ٥٠٠ ريال": the event's amount compared, said
# without an "if". The event's word stays in the sentence (it is the trigger), the comparison
# becomes a condition on the amount. A few words may stand between the record and its amount,
# the service's name most often: "لو الاوردر على ووكومرس اكتر من ٢٠٠٠ جنيه", "اذا طلب زد
# قيمته فوق ١٠٠٠", "an order on my store is over 400 dollars"; they stay with the event.
_RECORD_OF_AMOUNT = (
    r"(?P<event>\b(?:orders?|payments?|invoices?|sales?|purchases?|charges?)(?:'s)?"
    r"|(?<!\S)(?:ال)?(?:طلب|"
    r"طلبات|اوردر|دفعه|فاتوره|فواتير|عمليه شراء|كوموند|مبلغ)"
    # "ومبلغه فوق ٥٠٠": its amount, said with "and" and its pronoun
    r"|(?<!\S)و?(?:مبلغ|قيمت|اجمالي)(?:ه|ها|و)(?!\S))"
)
# Words between a record and its amount: no mark, no punctuation, no number.
# An "if" among them starts a condition of its own ("لما يجي اوردر على ووكومرس لو اكتر من
# ١٠٠٠"): the amount is then compared by that condition, not said with the record.
_IF_WORD = r"(?:if|لو|اذا|ازا|ايلا|الي|ولو|واذا)"
_BETWEEN = r"(?P<between>(?:\s+(?!" + _IF_WORD + r"(?!\S))[^\s\d\ue000-\uf8ff,،.;:!?]+){0,4}?)"
# "تتجاوز قيمته ٥٠٠", "يزيد مبلغها عن": formal Arabic says the amount after the verb.
_EXCEEDS = r"تجاوزت|تتجاوز|يتجاوز|تجاوز|زادت|تزيد|يزيد|زاد"
_FALLS_BELOW = r"قلت|تقل|يقل|قل"
_AMOUNT_OP = (
    r"(?P<op>over|above|more than|greater than|bigger than|under|below|less than|اكثر من|اكتر من|"
    r"اكبر من|فوق|يزيد عن|اقل من|تحت|(?:" + _EXCEEDS + "|" + _FALLS_BELOW + r")(?:\s+(?:ال)?"
    r"(?:قيمت|مبلغ|اجمالي)\S*)?(?:\s+(?:عن|علي|على))?)"
)
# An amount is a number, its currency around it; "…more than 3 days" is a time, not an amount.
_NUMBER = (
    r"(?:" + _CURRENCY + r"\s*)?(?P<value>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)"
    r"(?:\s*" + _CURRENCY + r"(?![\w\u0621-\u064a]))?"
)
_NOT_AN_AMOUNT = (
    r"(?!\s*(?:ساعه|ساعات|يوم|ايام|دقيقه|دقايق|دقائق|اسبوع|اسابيع|شهر|شهور|hours?|days?|minutes?"
    r"|weeks?|months?)(?![\w\u0621-\u064a]))"
)
_AMOUNT_OF_EVENT = re.compile(
    _RECORD_OF_AMOUNT + _BETWEEN + r"\s+(?:is\s+|are\s+|was\s+|كان\s+|كانت\s+)?"
    r"(?:of\s+|worth\s+|totall?ing\s+|for\s+|بقيمه\s+|ب)?"
    + _AMOUNT_OP
    + r"\s+"
    + _NUMBER
    + _NOT_AN_AMOUNT
)
# "إذا تجاوزت قيمة الطلب في زد 500 ريال": the verb and the amount before the record, the
# value after it.
_EXCEEDING_AMOUNT_OF = re.compile(
    r"(?<!\S)(?P<op>"
    + _EXCEEDS
    + "|"
    + _FALLS_BELOW
    + r")\s+(?:ال)?(?:قيمه|مبلغ|اجمالي)\s+"
    + _RECORD_OF_AMOUNT
    + _BETWEEN
    + r"\s+(?:عن\s+|علي\s+|على\s+)?"
    + _NUMBER
    + _NOT_AN_AMOUNT
)


# "…, if over 1000 dollars", "لو اكتر من ١٠٠٠ جنيه", "ايلا كان فوق ٥٠٠ درهم": an amount compared
# with no record named is the event's amount — the total of what came in.
_IF_AMOUNT = re.compile(
    r"(?:\b(?:only\s+)?(?:if|when)\s+(?:(?:it|that|the amount|the total)\s+(?:is\s+)?|it'?s\s+)?"
    r"|(?<!\S)(?:بس\s+)?(?:و)?(?:لو|اذا|ازا|ايلا|الي|ان)\s+(?:كان\s+|كانت\s+)?)"
    + _AMOUNT_OP
    + r"\s+"
    + _NUMBER
    + _NOT_AN_AMOUNT,
    re.IGNORECASE,
)


def _total_rule(match: re.Match[str]) -> dict[str, Any] | None:
    """The condition on the event's total a match of an amount with its comparison says
    ("over 500", "اقل من ٣٠٠"); None when its value is no number ("orders over there")."""
    raw = match.group("value").replace(",", "")
    if not re.fullmatch(r"\d+(?:\.\d+)?", raw):
        return None
    number = float(raw)
    op = match.group("op").lower()
    less = op in ("under", "below", "less than", "اقل من", "تحت") or re.match(
        rf"(?:{_FALLS_BELOW})(?!\S)", op
    )
    return {
        "subject": "total",
        "operator": "less_than" if less else "greater_than",
        "right": int(number) if number.is_integer() else number,
    }


def _if_amount(match: re.Match[str]) -> Entity | None:
    rule = _total_rule(match)
    if rule is None:
        return None
    return Entity("condition", match.group(0).strip(), value=rule)


def _take_amount_of_event(collector: _Collector) -> None:
    def replace(match: re.Match[str]) -> str:
        rule = _total_rule(match)
        if rule is None:
            return match.group(0)  # "orders over there": no amount
        said = match.group(0)[match.end("between") - match.start() :].strip()
        if match.start("op") < match.start("event"):
            said = match.group(0).strip()
        mark = collector.marker(Entity("condition", said, value=rule, inside_event=True))
        return f"{match.group('event')}{match.group('between')} {mark} "

    collector.text = _EXCEEDING_AMOUNT_OF.sub(replace, collector.text)
    collector.text = _AMOUNT_OF_EVENT.sub(replace, collector.text)


# A state of the event's record said as an adjective or a prepositional phrase, after an "if":
# "if the new Zid order is paid", "if the order was cancelled", "new woo order paid by cash on
# delivery", "لو الطلب الجديد في زد مدفوع", "اذا الاوردر كاش", "لو اتلغى". The record's words stay
# (they say the event); the state becomes a condition of its own right after them, where the
# check happens. Each state: the field it is said of (a key of SUBJECTS), the operator, and the
# value the stores write. "when an order is paid" is an event of its own, never a condition.
_RECORD_WITH_STATE = (
    r"(?P<record>\b(?:orders?|payments?|invoices?|purchases?|bookings?)(?:'s)?"
    r"|(?<!\S)(?:ال)?(?:طلب|طلبيه|اوردر|فاتوره|حجز|كوموند))"
)
_STATES: tuple[tuple[str, str, str, str], ...] = (
    # (the words said, the field, the operator, the value)
    (
        r"(?:paid\s+(?:by|with|via|using|in)\s+|(?:by|with|via|in)\s+)?"
        r"(?:cash\s+on\s+delivery|cod|cash)\b"
        r"|(?:(?:ال)?دفع\s+)?عند\s+الاستلام|كاش|نقدا|نقدي",
        "payment_method",
        "equals",
        "Cash on delivery",
    ),
    (
        r"(?:not|un)\s*paid\b|(?:مش|غير|مو|مب)\s+(?:مدفوع|مدفوعه)",
        "payment_status",
        "not_equals",
        "paid",
    ),
    (
        r"(?:already\s+|fully\s+)?paid\b(?!\s+(?:by|with|via|using|in|on|through)\b)"
        r"|مدفوع|مدفوعه",
        "payment_status",
        "equals",
        "paid",
    ),
    (
        # "اتلغى" (got cancelled), a verb, is the status change's event (shape.py checks it)
        r"cancell?ed\b|ملغي|ملغيه",
        "status",
        "equals",
        "cancelled",
    ),
    (r"refunded\b|مسترجع|مسترد", "status", "equals", "refunded"),
)
_STATE_SAID = "|".join(
    f"(?P<state{index}>{words})" for index, (words, *_rest) in enumerate(_STATES)
)
# Said with no record ("…, if it's paid", "لو كاش"), only a payment's state is the event's: a
# status alone ("if canceled send me email") may be a case of a status change said before it,
# which a condition here would cut from its branch.
_PAYMENT_STATE_SAID = "|".join(
    f"(?P<state{index}>{words})"
    for index, (words, field, *_rest) in enumerate(_STATES)
    if field.startswith("payment")
)
# An English state is said with its verb ("the order is paid"); "if moyasar payment paid" is
# the event's own name.
_ENGLISH_STATE = re.compile(r"[a-z]", re.IGNORECASE)
_COPULA_BEFORE_STATE = (
    r"(?:\s+(?P<copula>is|was|has\s+been|gets|got|are|were|كان|كانت|صار|صارت|بقي|بقت))?"
)
# "if the new Zid order is paid", "لو الطلب الجديد في زد مدفوع": an "if", up to four words, the
# record, the words between it and the state (its service, "new", "على زد").
_STATE_OF_RECORD = re.compile(
    r"(?P<head>(?:\b|(?<!\S)(?:و|ف)?)(?:if|لو|اذا|ازا|ايلا|ان)\s+"
    r"(?:[^\s\d\ue000-\uf8ff,،.;:!?]+\s+){0,4}?"
    + _RECORD_WITH_STATE
    + _BETWEEN
    + r")"
    + _COPULA_BEFORE_STATE
    + r"\s+(?:"
    + _STATE_SAID
    + r")(?![\w\u0621-\u064a])"
    # "if the order was cancelled on Salla": where the record is, said after its state
    r"(?P<place>\s+(?:on|in|at|from|في|علي|على|من)\s+(?!(?:the|a|an|my|our)\b)[\w\u0621-\u064a]+)?",
    re.IGNORECASE,
)
# "new woo order paid by cash on delivery → …": the payment method said right after the record,
# with no "if" (a state of the record in a noun flow).
_PAID_BY = re.compile(
    r"(?P<head>" + _RECORD_WITH_STATE + _BETWEEN + r")\s+paid\s+(?:by|with|via|using|in)\s+"
    r"(?:cash\s+on\s+delivery|cod|cash)\b",
    re.IGNORECASE,
)
# "…, if it's paid", "لو اتلغى", "اذا كان كاش": the state with no record named is the event's.
_IF_STATE = re.compile(
    # English says what is paid ("if it's paid"): "if cash runs low" is no payment's state
    r"(?P<head>)(?:\b(?:only\s+)?if\s+(?:it\s+is|it'?s|it\s+was|they\s+are|they'?re)\s+"
    r"|(?<!\S)(?:بس\s+)?(?:و|ف)?(?:لو|اذا|ازا|ايلا)\s+(?:كان\s+|كانت\s+|هو\s+|هي\s+)?)"
    r"(?:" + _PAYMENT_STATE_SAID + r")(?![\w\u0621-\u064a])",
    re.IGNORECASE,
)


def _take_state_of_record(collector: _Collector) -> None:
    def replace(match: re.Match[str]) -> str:
        index = next((i for i in range(len(_STATES)) if match.groupdict().get(f"state{i}")), 0)
        _words, field, operator, value = _STATES[index]
        record = (match.groupdict().get("record") or "").lower()
        if record.startswith("payment") and field == "payment_status":
            return match.group(0)  # "a payment is paid": the event, not a state of it
        if (
            record
            and not match.groupdict().get("copula")
            and _ENGLISH_STATE.match(match.groupdict().get(f"state{index}") or "")
        ):
            return match.group(0)
        place = match.groupdict().get("place") or ""
        said = match.group(0)[match.end("head") - match.start() : len(match.group(0)) - len(place)]
        rule = {"subject": field, "operator": operator, "right": value}
        mark = collector.marker(Entity("condition", said.strip(), value=rule))
        return f"{match.group('head')}{place} {mark} "

    collector.text = _STATE_OF_RECORD.sub(replace, collector.text)
    collector.text = _PAID_BY.sub(replace, collector.text)
    collector.text = _IF_STATE.sub(replace, collector.text)


# "contains the word refund", "فيها كلمة شكوى": a condition on the event's text.
_CONTAINS_EN = re.compile(
    r"(?:(?:\b(?:and|where|if|when|whose)\s+(?:the\s+|its\s+)?|(?<='s\s))(?P<subject>subject|text|message|body|"
    r"email|name|title)\s+|\b(?:that|which)\s+)?"
    r"\b(?:contains?|containing|mentions?|mentioning|includes?|including)\s+"
    # "contains an attachment" is a mail that has one, for its search (variables.py)
    r"(?!(?:an?\s+|any\s+)?(?:attachments?|attached)\b)"
    r"(?:the\s+(?:word|text|phrase)\s+)?(?P<value>[\ue000-\uf8ff]|'[^']+'|[\w\u0621-\u064a]+)",
    re.IGNORECASE,
)
_CONTAINS_AR = re.compile(
    r"(?:(?<=\s)|^)(?:و)?(?:(?P<subject>(?:ال)?(?:رساله|موضوع|عنوان|نص|ايميل))\s+)?"
    r"(?:(?:فيها|فيه|بها|به|بيها|بيه|مكتوب\s+فيها|مكتوب\s+فيه)\s+(?:كلمه|كلمة)"
    r"|(?:يحتوي|تحتوي|يتضمن|تتضمن)\s+(?!(?:علي\s+)?(?:مرفق|مرفقات|ملف\s+مرفق|اتاشمنت)(?![\w\u0621-\u064a]))"
    r"(?:علي\s+)?"
    r"(?:كلمه\s+)?)\s*"
    r"(?P<value>[\ue000-\uf8ff]|[\w\u0621-\u064a]+)"
)


def _contains(match: re.Match[str], said_words: list[str]) -> Entity | None:
    value = match.group("value").strip("'")
    # The word as the user spelt it ("شكوى", not the comparing spelling "شكوي"): the message
    # it is looked for in is written the same way.
    value = next((w for w in said_words if normalize(w, lower=False) == value), value)
    subject = (match.group("subject") or "message").lower()
    return Entity(
        "condition",
        match.group(0).strip(),
        value={"subject": subject, "operator": "contains", "right": value},
    )


# A word the customer writes: "when someone writes 'pay' on WhatsApp", "replies STOP", "writes
# /price", "لو حد كتب في الجروب كلمة طلب", "رد على الواتس بكلمة الغاء", "يكتب 'منيو'". The
# message is checked for it; the verb and where it is written stay with the event.
# The customer is said before the verb: "send 'Thanks!'" or "reply with 'hi'" is the flow's.
# The short answers a customer replies with, said with "ب" (with): "رد بنعم", "رد ب اوكي" (no
# quotes, no "كلمة"): the word the message is checked for.
_SHORT_ANSWERS_AR = r"نعم|لا|ايوه|ايوا|ايه|اوكي|تمام|موافق|اكيد|\d{1,3}"
_WRITES_EN = re.compile(
    r"\b(?:someone|somebody|anyone|customers?|clients?|they|people|users?|he|she)\s+"
    r"(?:(?:just|then)\s+)?(?:writes?|wrote|types?|typed|sends?|sent|replies|replied|texts?|texted|says?|said)\s+"
    r"(?:(?:us|me|to\s+us|to\s+me|back)\s+)?(?:(?:the\s+)?(?:word|keyword|command)\s+)?"
    # after "the word" any word is the one written: "sends the word menu"
    r"(?P<value>[\ue000-\uf8ff]|/[A-Za-z]\w*|(?-i:[A-Z]{2,})\b"
    r"|(?<=word\s)[\w'-]+|(?<=keyword\s)[\w'-]+|(?<=command\s)[\w'-]+)",
    re.IGNORECASE,
)
# Capitals that are a service or a file, not a word written: "sends SMS", "replies PDF".
_NOT_WORDS_WRITTEN = frozenset(["SMS", "PDF", "API", "DM", "AI", "CSV", "URL", "HTTP", "CRM"])
# Someone and the verb they write with: "حد كتب", "الزبون يبعتلنا", "الحريف كيصيفط".
_WRITER_AR = (
    r"(?<!\S)(?:حد|حدا|احد|واحد|(?:ال)?(?:عميل|زبون|كليان|حريف|مشتري)|شخص)\s+"
    r"(?:و)?(?:كتب|يكتب|تكتب|كيكتب|بعت|يبعت|تبعت|بعث|يبعث|ارسل|يرسل|رد|يرد|ترد|قال|يقول"
    r"|صيفط|يصيفط|كيصيفط)(?:ل|له|لها|لي|لنا|لو)?"
)
_WRITES_AR = re.compile(
    _WRITER_AR + r"(?P<where>(?:\s+[^\s\d\ue000-\uf8ff,،.;:!?]+){0,3}?)\s+"
    r"(?:(?:ب)?(?:كلمه|كلمة)\s+(?P<word>[\ue000-\uf8ff]|[^\s\ue000-\uf8ff,،.;:!?]+)"
    r"|(?P<quoted>[\ue000-\uf8ff])"
    # "رد بنعم", "رد على الواتس ب اوكي": a short answer said with "ب" (with) is the word written
    r"|ب\s?(?P<answer>" + _SHORT_ANSWERS_AR + r")(?![\w\u0621-\u064a]))"
)
# "العميل كتب كتالوج في الواتس", "حدا بعت مرحبا عالواتس": one bare word said right after the
# verb, before the service it is written on (checked in _take_word_written); read once the
# words said with "كلمة", quotes or "ب" are taken.
# The person written to may stand apart ("احد كتب له السعر"), and the word may be followed by
# the answer with no service said ("… يرد عليه"): written on the event's own service.
_WRITES_BARE_AR = re.compile(
    _WRITER_AR
    + r"(?:\s+(?:له|لها|لي|لنا|لو|لينا|ليه))?"
    + r"\s+(?P<bare>[^\s\d\ue000-\uf8ff,،.;:!?]+)(?=\s+(?:(?:في|على|علي|عل|ع)\s+)?(?P<on>\S+))"
)
# "يرد عليه", "رد عليه", "نجاوبه": the answer said right after the word written.
_ANSWER_AFTER = frozenset(["رد"])
# What a message is, said where a bare word written would stand ("بعت رسالة عالواتس", "ارسل
# صورة في الواتس"): the thing sent, never a word to look for.
_NOT_BARE_WORDS = frozenset(
    [
        *("رساله", "رسايل", "رسائل", "مسج", "مسجات", "ماسج", "صوره", "صور", "ملف", "فويس"),
        *("ايميل", "فيديو", "لوكيشن", "موقع", "طلب", "شي", "شيء", "اشي", "حاجه", "رقم", "رد"),
        *(
            "ميساج",
            "مساج",
            "مسدج",
            "ماسيج",
            "بريد",
            "اوردر",
            "طلبيه",
            "فاتوره",
            "دفعه",
            "sms",
            "dm",
            "email",
        ),
        *("لنا", "لي", "له", "لها", "لهم", "لو", "لينا", "الينا", "الي", "ليه", "علينا"),
        *("في", "فى", "على", "علي", "عل", "ع", "من", "الى", "عن", "مع", "ب", "هنا", "كمان"),
    ]
)


def _names_a_service(word: str) -> bool:
    """Whether ``word`` is a service's name, bare or behind a glued preposition."""
    return canonical(word) in SERVICE_NAMES or glued_service(word) is not None


# "when a Telegram message says 'price'", "if the email reads URGENT": what the event's text
# says, quoted or in capitals, is looked for in it; the message stays the event's word.
# Said after the "when"/"if" of the event: "a message that says 'hello'" sent is the step's text.
_SAYS_EN = re.compile(
    r"(?P<subject>\b(?:when|whenever|if|once)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:messages?|texts?|e-?mails?|sms|comments?))\s+"
    r"(?:says|reads)\s+(?:the\s+(?:word|text)\s+)?"
    r"(?P<value>[\ue000-\uf8ff]|(?-i:[A-Z]{2,})\b)",
    re.IGNORECASE,
)


def _take_word_written(collector: _Collector, said_words: list[str]) -> None:
    def quoted(mark: str) -> str | None:
        entity = collector.entities[ord(mark) - MARKER_BASE]
        return entity.text if entity.kind == "quote" else None

    def condition(value: str, said: str) -> str:
        value = next((w for w in said_words if normalize(w, lower=False) == value), value)
        rule = {"subject": "message", "operator": "contains", "right": value}
        return collector.marker(Entity("condition", said, value=rule, inside_event=True))

    def english(match: re.Match[str]) -> str:
        value = match.group("value")
        if MARKER.fullmatch(value):
            value = quoted(value) or ""
        if not value or value.upper() in _NOT_WORDS_WRITTEN:
            return match.group(0)
        start = match.start("value") - match.start()
        return f"{match.group(0)[:start]} {condition(value, value)} "

    def arabic(match: re.Match[str]) -> str:
        if match.group("quoted"):
            value = quoted(match.group("quoted"))
            start = match.start("quoted")
        else:
            value = match.group("word") or match.group("answer")
            if MARKER.fullmatch(value):
                value = quoted(value)
            start = match.end("where")
        if not value:
            return match.group(0)
        head = match.string[match.start() : start]
        return f"{head} {condition(value, match.string[start : match.end()].strip())} "

    def says(match: re.Match[str]) -> str:
        value = match.group("value")
        if MARKER.fullmatch(value):
            value = quoted(value) or ""
        if not value or value.upper() in _NOT_WORDS_WRITTEN:
            return match.group(0)
        said = match.string[match.end("subject") : match.end()].strip()
        return f"{match.group('subject')} {condition(value, said)} "

    collector.text = _WRITES_EN.sub(english, collector.text)
    collector.text = _SAYS_EN.sub(says, collector.text)
    collector.text = _WRITES_AR.sub(arabic, collector.text)

    def bare(match: re.Match[str]) -> str:
        value = match.group("bare")
        if value.lower() in _NOT_BARE_WORDS or _names_a_service(value):
            return match.group(0)
        on = match.group("on")
        answered = canonical(on) in _ANSWER_AFTER and any(
            _names_a_service(word) for word in collector.text.split()
        )
        if not _names_a_service(on) and not answered:
            return match.group(0)
        head = match.string[match.start() : match.start("bare")]
        return f"{head} {condition(value, value)} "

    collector.text = _WRITES_BARE_AR.sub(bare, collector.text)


# Waits: "wait 5 minutes", "after 2 hours", "انتظر ١٠ دقائق", "بعد ساعتين".

_UNITS = {
    "second": "seconds",
    "sec": "seconds",
    "minute": "minutes",
    "min": "minutes",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "ثانيه": "seconds",
    "ثواني": "seconds",
    "ثوان": "seconds",
    "دقيقه": "minutes",
    "دقايق": "minutes",
    "دقائق": "minutes",
    "ساعه": "hours",
    "ساعات": "hours",
    "يوم": "days",
    "ايام": "days",
    "اسبوع": "weeks",
    "اسابيع": "weeks",
    "شهر": "months",
    "شهور": "months",
}
_DUALS = {
    "ثانيتين": "seconds",
    "دقيقتين": "minutes",
    "ساعتين": "hours",
    "يومين": "days",
    "اسبوعين": "weeks",
    "شهرين": "months",
}
_UNIT_WORDS = (
    r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|"
    r"ثانيه|ثواني|ثوان|دقيقه|دقايق|دقائق|ساعه|ساعات|يوم|ايام|اسبوع|اسابيع|شهر|شهور)"
)
_DUAL_WORDS = r"(?P<dual>" + "|".join(_DUALS) + r")"
_AMOUNT = r"(?:(?P<n>\d+(?:\.\d+)?|an?|one|half an?|نص|نصف|واحد)\s*)?"
_WAIT = re.compile(
    r"(?P<verb>\bwait(?:\s+for)?|\bpause(?:\s+for)?|\bdelay(?:\s+(?:it|for|by))*|\bafter|\bin|"
    r"(?<!\S)(?:و|ف)?(?:انتظر|استني|استنى|استنا|استنو|اصبر|بعد"
    # the verb in another person: Gulf "تنتظر", "نستنى", Maghrebi "تسنى"
    r"|تنتظر|ينتظر|ننتظر|تستني|يستني|نستني|تستنا|نستنا|تسني|تسنا|نتسني|تسناو|تصبر|نصبر)"
    r"(?:\s+(?:لمده|مرور|مده))?)\s+"
    r"(?:" + _AMOUNT + _UNIT_WORDS + r"\b|" + _DUAL_WORDS + r")"
    r"(?:\s+(?:later|بعدين))?",
    re.IGNORECASE,
)


# What a message says, reported with "that" and a person who will do it ("reply that we'll call
# back in 15 minutes", "tell them that it will arrive in 2 days"): a time said in it is no wait.
REPORTED_SPEECH = re.compile(
    r"\bthat\s+(?:we|i|it|they|you|he|she)\b"
    r"|\b(?:we'll|i'll|it'll|they'll|you'll|we\s+will|it\s+will|will\s+be)\b",
    re.IGNORECASE,
)
# Where one part of a sentence ends: what was reported before it is said
_SAID_PART = re.compile(r"[,;.!?]|\s(?:and|then)\s", re.IGNORECASE)


def _wait(match: re.Match[str]) -> Entity | None:
    unit_word = (match.group("unit") or "").lower()
    if match.group("dual"):
        amount: float = 2
        unit = _DUALS[match.group("dual")]
    else:
        unit = next(u for w, u in _UNITS.items() if unit_word.startswith(w))
        amount = _number(match.group("n"))
    if match.group("verb").lower() == "in" and match.group("n") is None:
        return None
    if match.group("verb").lower() in ("in", "after") and REPORTED_SPEECH.search(
        _SAID_PART.split(match.string[: match.start()])[-1]
    ):
        return None  # "reply that we'll call back in 15 minutes": the message's words
    if unit == "weeks":
        amount, unit = amount * 7, "days"
    if unit == "months":
        amount, unit = amount * 30, "days"
    if unit == "minutes" and amount < 1:
        amount, unit = amount * 60, "seconds"
    if unit == "hours" and amount < 1:
        amount, unit = amount * 60, "minutes"
    amount = int(amount) if float(amount).is_integer() else amount
    words_en = {"seconds": "second", "minutes": "minute", "hours": "hour", "days": "day"}
    plural = "" if amount == 1 else "s"
    return Entity(
        "wait",
        match.group(0),
        value={"mode": "duration", "amount": amount, "unit": unit},
        describe={"en": f"{amount} {words_en[unit]}{plural}", "ar": arabic_count(amount, unit)},
    )


# How long an event lasts: "30 minutes each", "a 90-minute event", "مدته ساعتين", "لمدة ٤٥ دقيقة"
# (a wait, "wait for 30 minutes", has been taken before).
_LENGTH_UNIT = r"(?:minutes?|mins?|hours?|hrs?|دقيقه|دقايق|دقائق|ساعه|ساعات)"
_LENGTH_SAID = r"(?<!\S)(?:لمده|مدته|مدتها|مدتو|مده)\s+"
_LENGTH = re.compile(
    r"\b(?P<n>\d+)\s*-?\s*(?P<unit>" + _LENGTH_UNIT + r")(?:\s+(?:each|long)\b|(?=\s*"
    r"(?:long\s+)?(?:calendar\s+)?(?:events?|meetings?|appointments?|sessions?|slots?)\b))"
    r"|(?:\blasting\s+|" + _LENGTH_SAID + r")(?P<n2>\d+)?\s*(?P<unit2>" + _LENGTH_UNIT + r")"
    r"(?![\w\u0621-\u064a])"
    r"|" + _LENGTH_SAID + r"(?:(?P<dual>ساعتين|دقيقتين)|(?P<half>نص|نصف)\s+ساعه)(?!\S)",
    re.IGNORECASE,
)


# "create the lesson in Google Calendar for 45 minutes", "book a meeting for 2 hours": how long
# the event is, said after it; the event's words stay for the step. Elsewhere "for 2 hours" is
# no length of anything ("if no one answers for 2 hours").
_LENGTH_OF_EVENT = re.compile(
    r"\b(?P<event>(?:events?|meetings?|appointments?|lessons?|sessions?|class(?:es)?|calls?"
    r"|bookings?|visits?)(?:\s+[^\s\ue000-\uf8ff,.;]+){0,4}?)\s+for\s+(?P<n>\d+)\s*"
    r"(?P<unit>minutes?|mins?|hours?|hrs?)\b",
    re.IGNORECASE,
)


def _take_length_of_event(collector: _Collector) -> None:
    def replace(match: re.Match[str]) -> str:
        amount = int(match.group("n"))
        minutes = amount * 60 if match.group("unit").lower().startswith("h") else amount
        said = match.group(0)[match.end("event") - match.start() :].strip()
        return f"{match.group('event')} {collector.marker(Entity('length', said, value=minutes))} "

    collector.text = _LENGTH_OF_EVENT.sub(replace, collector.text)


# "over the next 5 days", "for the coming 7 days": how many days ahead a look-up spans.
_DAYS_AHEAD = re.compile(
    r"\b(?:over|for|in|within|during)\s+the\s+(?:next|coming|following)\s+(?P<n>\d+)\s+days\b",
    re.IGNORECASE,
)
# A currency said alone, its code written as banks write it: "a payment link in KWD".
_CURRENCY_ALONE = re.compile(
    r"\b(?:in|with|using)\s+(?P<code>KWD|SAR|EGP|AED|USD|EUR|GBP|BHD|QAR|OMR|JOD|MAD)\b"
)


# The rows a look-up keeps, one column's value said: "rows where Status is Pending", "the rows
# whose City is Riyadh", "les lignes اللي فيهم statut payé". Not the rows a trigger waits for
# ("a new row where …" is a condition on it).
_ROWS_WHERE = re.compile(
    r"(?<!new )(?<!New )\b(?:rows?|lines?|entries|records?|lignes)"
    r"(?:\s+(?:of|in|from)(?:\s+[^\s,.;]+){1,4}?)?\s+(?:where|whose|with)\s+"
    r"(?:the\s+)?(?P<column>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|[a-z][\w-]*)\s+(?:is|=|==|equals|says)\s+"
    r"(?P<value>[\ue000-\uf8ff]|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|\d+(?:\.\d+)?|[a-z][\w-]*)"
    r"|(?<!\S)(?:اللي|الي|التي|الذي)\s+(?:فيهم|فيها|فيه|فيهن)\s+"
    r"(?P<column_ar>[A-Za-zÀ-ÿ][\wÀ-ÿ-]*)\s+(?P<value_ar>[A-Za-zÀ-ÿ][\wÀ-ÿ-]*)(?![\w\u0621-\u064a])"
)


def _rows_where(match: re.Match[str], collector: _Collector) -> Entity:
    column = match.group("column") or match.group("column_ar")
    value = match.group("value") or match.group("value_ar")
    if MARKER.fullmatch(value):
        value = collector.entities[ord(value) - MARKER_BASE].text
    return Entity("match", match.group(0), value={"column": column, "value": value})


def _length(match: re.Match[str]) -> Entity:
    if match.group("dual"):
        minutes = 120 if match.group("dual") == "ساعتين" else 2
    elif match.group("half"):
        minutes = 30
    else:
        amount = int(match.group("n") or match.group("n2") or 1)
        unit = (match.group("unit") or match.group("unit2") or "").lower()
        minutes = amount * 60 if unit.startswith(("h", "ساع")) else amount
    return Entity("length", match.group(0), value=minutes)


# How long before an event: "1 hour before each appointment", "about to start in 15 min",
# "قبل الموعد بساعة", "بيوم قبل الميعاد".
_AHEAD_UNIT = (
    r"(?P<unit>minutes?|mins?|hours?|hrs?|days?|weeks?"
    r"|دقيقه|دقايق|دقائق|ساعه|ساعات|يوم|ايام|اسبوع|اسابيع)"
)
_AHEAD_AMOUNT = r"(?:(?P<n>\d+|an?|one|half an?|نص|نصف)\s*)?"
_AHEAD = re.compile(
    r"\b" + _AHEAD_AMOUNT + _AHEAD_UNIT + r"\s+(?:before|ahead\s+of|prior\s+to)\b"
    # the event it is before is in the marker's words: "before each appointment in my calendar"
    r"(?:\s+(?:(?:each|every|any|all|the|my|our|an?|their|a\s+client'?s|the\s+client'?s)\s+)*"
    r"(?:\w+\s+)?(?:appointments?|meetings?|events?|bookings?|sessions?|calls?|class(?:es)?|visits?)"
    r"(?:\s+(?:in|on|from)\s+(?:my\s+|the\s+|our\s+)?(?:google\s+)?calendar)?)?"
    r"|\b(?P<keep>start(?:s|ing)?|begins?|beginning)\s+in\s+"
    + _AHEAD_AMOUNT.replace("P<n>", "P<n4>")
    + _AHEAD_UNIT.replace("P<unit>", "P<unit4>")
    + r"\b"
    # "قبل أي ميعاد في جوجل كالندر بنص ساعة"; as the event nears: "كي يقرب الموعد بـ 15 دقيقة"
    r"|(?<!\S)(?:قبل|يقرب|تقرب|يقترب|تقترب)\s+(?:\S+\s+){0,7}?(?:ب\s*|بـ\s*)(?:(?P<dual>"
    + "|".join(_DUALS)
    + r")|"
    + _AHEAD_AMOUNT.replace("P<n>", "P<n2>")
    + _AHEAD_UNIT.replace("P<unit>", "P<unit2>")
    + r")(?!\S)"
    r"|(?<!\S)ب(?:(?P<dual3>"
    + "|".join(_DUALS)
    + r")|"
    + _AHEAD_AMOUNT.replace("P<n>", "P<n3>")
    + _AHEAD_UNIT.replace("P<unit>", "P<unit3>")
    + r")\s+قبل(?!\S)",
    re.IGNORECASE,
)


def _take_ahead(collector: _Collector) -> None:
    """The time before an event becomes a marker, with the words of the event it is before
    ("قبل كل ميعاد في الكالندر بساعة"); a verb of the event's own stays ("about to start")."""

    def replace(match: re.Match[str]) -> str:
        entity = _ahead(match)
        if entity is None:
            return match.group(0)
        kept = match.group("keep") or ""
        return f" {kept} {collector.marker(entity)} "

    collector.text = _AHEAD.sub(replace, collector.text)


def _ahead(match: re.Match[str]) -> Entity | None:
    groups = match.groupdict()
    dual = groups.get("dual") or groups.get("dual3")
    if dual:
        amount: float = 2
        unit = _DUALS[dual]
    else:
        units = ("unit", "unit2", "unit3", "unit4")
        word = next((groups[u] for u in units if groups.get(u)), "").lower()
        unit = next((u for w, u in _UNITS.items() if word.startswith(w)), "")
        if word.startswith("hr"):
            unit = "hours"
        amount = _number(next((groups[n] for n in ("n", "n2", "n3", "n4") if groups.get(n)), None))
    if unit == "weeks":
        amount, unit = amount * 7, "days"  # "a week before each event": the step counts days
    if unit not in ("minutes", "hours", "days"):
        return None
    if unit == "hours" and amount < 1:
        amount, unit = amount * 60, "minutes"
    return Entity("ahead", match.group(0), value={"within": int(amount), "unit": unit})


_ARABIC_UNITS = {
    # one, two, three to ten, eleven and more
    "seconds": ("ثانية", "ثانيتان", "ثوانٍ", "ثانية"),
    "minutes": ("دقيقة", "دقيقتان", "دقائق", "دقيقة"),
    "hours": ("ساعة", "ساعتان", "ساعات", "ساعة"),
    "days": ("يوم", "يومان", "أيام", "يومًا"),
}


def arabic_count(amount: float, unit: str) -> str:
    """'5 دقائق', 'ساعتان': the noun agrees with the number as Arabic wants."""
    one, two, few, many = _ARABIC_UNITS[unit]
    if amount == 1:
        return one
    if amount == 2:
        return two
    return f"{amount} {few if 3 <= amount <= 10 else many}"


def _number(text: str | None) -> float:
    if text is None or text.lower() in ("a", "an", "one", "واحد"):
        return 1
    if text.lower().startswith("half") or text in ("نص", "نصف"):
        return 0.5
    return float(text)


# Schedules: "every Monday at 9am", "every 15 minutes", "كل يوم الساعة ٩ صباحاً", "كل ساعة".

_WEEKDAYS = {
    "sunday": 0,
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sun": 0,
    "mon": 1,
    "tue": 2,
    "wed": 3,
    "thu": 4,
    "fri": 5,
    "sat": 6,
    "احد": 0,
    "الاحد": 0,
    "اثنين": 1,
    "الاثنين": 1,
    "الاتنين": 1,
    "اتنين": 1,
    "ثلاثاء": 2,
    "الثلاثاء": 2,
    "الثلاثا": 2,
    "تلات": 2,
    "التلاتا": 2,
    "تلاتاء": 2,
    "الحد": 0,
    "التنين": 1,
    "تنين": 1,
    "لاثنين": 1,
    "الاربعا": 3,
    "اربعا": 3,
    "لخميس": 4,
    "التلات": 2,
    "التلاتاء": 2,
    "اربعاء": 3,
    "الاربعاء": 3,
    "الاربع": 3,
    "خميس": 4,
    "الخميس": 4,
    "جمعه": 5,
    "الجمعه": 5,
    "سبت": 6,
    "السبت": 6,
}
_DAY_NAMES = {
    "en": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    "ar": ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"],
}
_WEEKDAY_WORDS = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_DAY = r"(?:" + _WEEKDAY_WORDS + r")(?:s|days)?"
# "from Sunday to Thursday", "من الاحد الى الخميس", "Sun-Thu": every day between the two
_DAY_RANGE = (
    r"(?:(?:from|من)\s+)?"
    + _DAY
    # "السبت للخميس": the preposition written onto the day
    + r"\s*(?:\s(?:to|through|till|until|الي|لل|ل|لين|حتي)\s|\s(?:لل|ل)(?=[\u0621-\u064a])|-|–)\s*"
    + _DAY
)
_DAYS = (
    r"(?P<days>(?:" + _DAY_RANGE + r"|" + _DAY + r")(?:\s*(?:,|and|&|و|او|or)\s*" + _DAY + r")*)"
)
_ANCHOR = re.compile(
    r"(?:\b(?:every|each)\s+(?:(?P<n>\d+)\s+)?(?P<unit>seconds?|minutes?|mins?|hours?|days?|weeks?|"
    r"months?|morning|evening|night|afternoon|weekdays?|working days?|business days?|work days?|"
    + _DAYS.replace("days>", "days1>")
    + r")(?![a-z])"
    r"|\b(?:on\s+)?(?P<adverb>hourly|daily|weekly|monthly|nightly|weekdays|workdays)\b"
    r"|\bon\s+" + _DAYS.replace("days>", "days2>") + r"|"
    r"(?<!\S)كل\s+(?:(?P<arn>\d+)\s+)?(?P<arunit>(?:(?:اسبوع|جمعه)\s+)?(?:(?:يوم|نهار)\s+)?"
    + _DAYS.replace("days>", "days3>")
    + r"|"
    + "|".join(_DUALS)
    # "كل ايام الدوام" is the working week (below), not "every days"
    # "كل يوم عمل", "كل يوم دوام": a working day, not every day
    + r"|يوم\s+(?:عمل|دوام|شغل)(?!\S)"
    + r"|يوم|نهار|ساعه|دقيقه|دقائق|دقايق|ساعات|ايام(?!\s+(?:الدوام|العمل|الشغل|الاسبوع)(?!\S))"
    + r"|اسبوع|شهر|صباح|صبح|مساء|ليله)"
    r"|(?<!\S)(?P<aradverb>يوميا|يومي|اسبوعيا|شهريا|كل\s+الصبح|ايام\s+الاسبوع|ايام\s+الدوام"
    r"|ايام\s+العمل|ايام\s+الشغل)(?!\S)"
    r"|(?<!\S)(?:يوم|ايام|نهار)\s+"
    + _DAYS.replace("days>", "days4>")
    # a weekday said right before its time: "الاربعا الساعة ٥ ونص"
    + r"|(?<!\S)"
    + _DAYS.replace("days>", "days5>")
    + r"(?=\s+(?:الساعه|علي\s+الساعه)\s)"
    # in English too: "Monday 9am: …", "Friday at 4:30 pm"
    + r"|\b"
    + _DAYS.replace("days>", "days6>")
    + r"(?=\s+(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\s+(?:at\s+)?\d{1,2}:\d{2})"
    # a range of days anywhere, its time said before or after it: "الساعة ٨ من الأحد إلى
    # الخميس", "at 6pm from Sunday to Thursday" (taken only with a time: see _anchor)
    + r"|(?<![\w\u0621-\u064a])(?P<days7>"
    + _DAY_RANGE
    + r")(?![\w\u0621-\u064a])"
    + r")",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?:\b(?:at|@|around|by)\s+|(?<!\S)(?:(?:في\s+)?تمام\s+)?(?:الساعه|علي\s+الساعه|ع\s+الساعه|الساعة"
    r"|مع(?:\s+الساعه)?|علي(?=\s*\d))\s*)"
    r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?"
    r"(?:\s*(?P<frac>ونص|ونصف|والنص|وربع|والربع|الا ربع|الا ربعا|الا ثلث|وثلث|الا خمسه|وخمسه|وعشره|الا عشره))?"
    r"\s*(?P<ampm>a\.?m\.?|p\.?m\.?|o'?clock)?"
    r"(?:\s*(?:(?:د|ديال|في|فال|بال|تاع|متاع|من)\s+)?(?P<part>صباحا|صباح|الصبح|صبحا|الصباح|ص|مساء|مساءا|المساء|المسا|مسا|بالمسا|م|بالليل|الليل|ليلا|العصر|عصرا|الظهر|ظهرا|الضهر|بعد\s+الظهر|بعد\s+الضهر|العشيه|عشيه|دالعشيه|دالليل|دالصباح|ضهرا|المغرب|بالمغرب|مغربا|العشا|العشاء|in the morning|in the evening|in the afternoon|at night|tonight)(?![\w\u0621-\u064a]))?"
    r"|\b(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2}))?\s*(?P<ampm2>am|pm)\b"
    r"|\b(?P<word>noon|midday|midnight)\b|(?<!\S)(?P<arword>الظهر|الضهر|منتصف\s+الليل)(?!\S)",
    re.IGNORECASE,
)
_EVENING_BEFORE = re.compile(
    r"(?<!\S)(?:بالليل|فالليل|في الليل|بليل|المسا|فالمسا|بالمسا|مساء)(?!\S)"
)
_PM_PARTS = (
    "العشيه",
    "عشيه",
    "دالعشيه",
    "دالليل",
    "مساء",
    "مساءا",
    "المساء",
    "المسا",
    "مسا",
    "بالمسا",
    "م",
    "بالليل",
    "الليل",
    "ليلا",
    "العصر",
    "عصرا",
    "بعد الظهر",
    "بعد الضهر",
    "المغرب",
    "بالمغرب",
    "مغربا",
    "العشا",
    "العشاء",
    "tonight",
)
_FRACTIONS = {
    "ونص": 30,
    "ونصف": 30,
    "والنص": 30,
    "وربع": 15,
    "والربع": 15,
    "وثلث": 20,
    "وخمسه": 5,
    "وعشره": 10,
    "الا ربع": -15,
    "الا ربعا": -15,
    "الا ثلث": -20,
    "الا خمسه": -5,
    "الا عشره": -10,
}
# "on the first day of every month", "on the 15th of each month", "كل اول يوم في الشهر".
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "اول": 1}
_MONTH_DAY = re.compile(
    r"\b(?:on\s+)?(?:the\s+)?(?P<en>first|1st|second|2nd|third|3rd|\d{1,2}(?:st|nd|rd|th))"
    r"\s+(?:day\s+)?of\s+(?:every|each|the)\s+month\b"
    # "monthly on the 20th", "every month on the 5th", "each month, on the 3rd"
    r"|\b(?:monthly|(?:every|each)\s+month)\s*,?\s+on\s+the\s+(?P<en2>\d{1,2}|first|second|third)(?:st|nd|rd|th)?\b"
    r"|(?<!\S)(?:كل\s+|في\s+)?(?:(?P<ar>اول|\d{1,2})\s+(?:يوم\s+)?(?:في|من)\s+(?:كل\s+)?(?:ال)?شهر"
    r"|(?:بدايه|اول)\s+(?:كل\s+)?(?:ال)?شهر|يوم\s+(?P<ar2>\d{1,2})\s+(?:في|من)\s+(?:كل\s+)?(?:ال)?شهر)",
    re.IGNORECASE,
)


# "every half hour", "كل ربع ساعة": the fraction said as minutes, for the interval below.
_FRACTION_OF_HOUR = [
    (re.compile(r"\bevery\s+half\s+(?:an\s+)?hour\b", re.IGNORECASE), "every 30 minutes"),
    (re.compile(r"\bevery\s+quarter\s+(?:of\s+an\s+)?hour\b", re.IGNORECASE), "every 15 minutes"),
    (re.compile(r"(?<!\S)كل\s+(?:نص|نصف)\s+ساعه(?!\S)"), "كل 30 دقيقه"),
    (re.compile(r"(?<!\S)كل\s+ربع\s+ساعه(?!\S)"), "كل 15 دقيقه"),
    (re.compile(r"\s+on\s+the\s+hour\b", re.IGNORECASE), ""),
]


# The hours said in words, in time words' company only ("الساعة تسع ونص", "على الخامسة
# تاع العشية", "الثامنة من صباح"): "خمس دقايق" stays a duration.
_HOUR_WORDS = {
    "واحده": 1,
    "الواحده": 1,
    "اتنين": 2,
    "اثنين": 2,
    "ثنتين": 2,
    "الثانيه": 2,
    "تلاته": 3,
    "ثلاثه": 3,
    "ثلاث": 3,
    "تلات": 3,
    "الثالثه": 3,
    "اربعه": 4,
    "اربع": 4,
    "الرابعه": 4,
    "خمسه": 5,
    "خمس": 5,
    "الخامسه": 5,
    "سته": 6,
    "ست": 6,
    "السادسه": 6,
    "سبعه": 7,
    "سبع": 7,
    "السابعه": 7,
    "تمانيه": 8,
    "ثمانيه": 8,
    "ثمان": 8,
    "تمنيه": 8,
    "الثامنه": 8,
    "الثمنيه": 8,
    "تسعه": 9,
    "تسع": 9,
    "التاسعه": 9,
    "عشره": 10,
    "عشر": 10,
    "العاشره": 10,
    "حداشر": 11,
    "احداشر": 11,
    "الحاديه عشر": 11,
    "الحاديه عشره": 11,
    "اتناشر": 12,
    "اطناشر": 12,
    "الثانيه عشر": 12,
    "الثانيه عشره": 12,
}
_HOUR_WORD = "|".join(sorted(_HOUR_WORDS, key=len, reverse=True))
_PART_WORDS = (
    r"(?:ونص|ونصف|والنص|وربع|والربع|الا ربع|وثلث|الا ثلث)?\s*(?:(?:د|ديال|في|فال|بال|تاع|متاع|من)\s+)?"
    r"(?:صباحا|صباح|الصبح|صبحا|الصباح|مساء|مساءا|المساء|المسا|بالمسا|بالليل|الليل|ليلا|العصر|"
    r"عصرا|الظهر|ظهرا|الضهر|ضهرا|العشيه|عشيه|دالعشيه|دالليل|المغرب|بالمغرب|العشا|العشاء)(?!\S)"
)
_HOUR_IN_WORDS = re.compile(
    r"(?<!\S)(?P<lead>(?:الساعه|علي|على|ع|مع|في|ف)\s+)?(?P<hour>" + _HOUR_WORD + r")(?!\S)"
    r"(?=(?P<after>\s*(?:ونص|ونصف|والنص|وربع|والربع|الا ربع|وثلث|الا ثلث)(?!\S)|\s*"
    + _PART_WORDS
    + r"))?"
)
# A bare number with the part of the day: "كل سبت ٩ الصبح", "٧ ونص الصبح".
_BARE_HOUR = re.compile(r"(?<!\S)(?<!الساعه )(?=\d{1,2}(?::\d{2})?\s*" + _PART_WORDS + r")")
# "every day 9 in the morning" (and Arabizi "9 bel leil", read as "9 at night"): the hour
# without "at" before the part of the day.
_BARE_HOUR_EN = re.compile(
    r"(?<![\w:.@])(?<!\bat )(?<!\bby )(?<!@ )(?=\d{1,2}(?::\d{2})?\s+"
    r"(?:in\s+the\s+(?:morning|evening|afternoon)|at\s+night)\b)",
    re.IGNORECASE,
)
# A clock time right after the schedule's words: "every saturday 10:30".
_CLOCK_AFTER = re.compile(r"\s*,?\s*(?P<h>\d{1,2}):(?P<m>\d{2})(?!\d)")


def _clock_words(text: str) -> str:
    def hour(match: re.Match[str]) -> str:
        lead = match.group("lead") or ""
        if not lead.strip() and match.group("after") is None:
            return match.group(0)  # "خمس" alone: a count, not a time
        if lead.strip() in ("في", "ف", "مع", "ع", "علي", "على") and match.group("after") is None:
            return match.group(0)
        return f"الساعه {_HOUR_WORDS[' '.join(match.group('hour').split())]}"

    text = _HOUR_IN_WORDS.sub(hour, text)
    text = _BARE_HOUR_EN.sub("at ", text)
    return _BARE_HOUR.sub("الساعه ", text)


def _anchor(text: str) -> re.Match[str] | None:
    """The schedule's words; when several are said ("weekly report every saturday"), the one
    that names the days."""
    anchors = list(_ANCHOR.finditer(text))
    # a range of days alone is the schedule only with a time and no other schedule word
    # ("كل يوم عمل (من الأحد إلى الخميس)" is read from its "كل")
    ranges = [a for a in anchors if a.group("days7")]
    if ranges and (_TIME.search(text) is None or len(ranges) < len(anchors)):
        anchors = [a for a in anchors if not a.group("days7")]
    named = [
        a
        for a in anchors
        if any(a.group(g) for g in ("days1", "days2", "days3", "days4", "days5", "days6", "days7"))
    ]
    return (named or anchors or [None])[0]


# "twice a day", "3 times a day", "مرتين في اليوم": the times are the user's to say; 9:00 and
# 21:00 would be a guess. "the last Friday of the month": a cron line cannot say it. Both are
# taken as a schedule that asks, so they are neither dropped nor read as a default.
_TIMES_EN = (
    r"(?P<times>twice|thrice|(?:\d+|two|three|four|five|six|several|many|few)\s+times)"
    r"\s+(?:(?:a|per|each|every|in\s+a)\s+(?P<per>day|week|month)|daily|weekly|monthly)\b"
)
# "twice a week, Monday and Thursday", "3 times a week (Sun, Tue, Thu)": the days are said, and
# the schedule is theirs; "twice a day at 9am and 6pm", "twice daily (10:00 and 16:00)": so are
# the times.
_TIMES_WITH_DAYS = re.compile(
    r"\b" + _TIMES_EN + r"\s*[,:(\-–]?\s*(?:on\s+)?(?:every\s+)?(?=" + _DAYS + r")",
    re.IGNORECASE,
)
_CLOCK = r"\d{1,2}(?:[:.]\d{2}\s*(?:am|pm)?|\s*(?:am|pm))"
_TIMES_WITH_CLOCKS = re.compile(
    r"\b"
    + _TIMES_EN
    + r"\s*[,:(\-–]?\s*(?:at\s+)?(?P<clocks>"
    + _CLOCK
    + r"(?:\s*(?:,|and|&)\s*(?:at\s+)?"
    + _CLOCK
    + r")+)\s*\)?",
    re.IGNORECASE,
)
_ONE_CLOCK = re.compile(r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>am|pm)?", re.IGNORECASE)


def _times_at_clocks(match: re.Match[str]) -> Entity | None:
    """ "twice a day at 9am and 6pm" as the one cron line that runs at each time; None when the
    times are not of every day, or their minutes differ (no one cron line says 9:30 and 18:00)."""
    per = (match.group("per") or match.group(0)).lower()
    if "week" in per or "month" in per:
        return None
    clocks = []
    for clock in _ONE_CLOCK.finditer(match.group("clocks")):
        hour, minute = int(clock.group("h")), int(clock.group("m") or 0)
        ampm = (clock.group("ampm") or "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        clocks.append((hour % 24, minute % 60))
    minutes = {minute for _, minute in clocks}
    if len(minutes) != 1 or len(clocks) < 2:
        return None
    minute = minutes.pop()
    hours = sorted({hour for hour, _ in clocks})
    said = [f"{hour:02d}:{minute:02d}" for hour in hours]
    return Entity(
        "schedule",
        match.group(0).strip(),
        value={"mode": "cron", "cron": f"{minute} {','.join(map(str, hours))} * * *"},
        describe={
            "en": "every day at " + " and ".join(said),
            "ar": "كل يوم الساعة " + " و".join(said),
        },
    )


_AR_TIMES = r"(?:مرتين|(?:\d+|" + _alternatives(_AR_COUNTS) + r")\s+(?:مرات|مره))"
_SO_MANY_TIMES = re.compile(
    r"(?:\b(?:every|each)\s+day\s*,?\s*(?P<times0>twice|thrice|(?:\d+|two|three|four)\s+times)\b"
    r"|\b" + _TIMES_EN + r"|(?<!\S)(?:كل\s+يوم|يوميا|في\s+اليوم|باليوم)\s+" + _AR_TIMES + r"(?!\S)"
    r"|(?<!\S)" + _AR_TIMES + r"\s+(?:(?:(?:في|ف|كل)\s+)?(?:ال)?(?:يوم|اسبوع|شهر)|باليوم|بالاسبوع"
    r"|يوميا|اسبوعيا|شهريا|(?:في|كل)\s+(?:ال)?نهار)(?!\S))",
    re.IGNORECASE,
)
_LAST_OF_MONTH = re.compile(
    r"\b(?:(?:every|each|on)\s+)?(?:the\s+)?last\s+(?P<en>day|" + _WEEKDAY_WORDS + r")"
    r"\s+(?:of|in)\s+(?:the|each|every|a)\s+month\b"
    # "every last Friday": of each month, the month unsaid
    r"|\b(?:every|each)\s+last\s+(?P<en2>" + _WEEKDAY_WORDS + r")\b"
    r"|(?<!\S)(?:كل\s+)?(?:اخر|لاخر)\s+(?:يوم\s+)?(?P<ar>" + _WEEKDAY_WORDS + r"|يوم)"
    r"\s+(?:في|من|ب)\s*(?:كل\s+)?(?:ال)?شهر(?!\S)",
    re.IGNORECASE,
)
_ASK_TIMES = {
    "en": "say at what times it should run (you said “{said}”: for example at 9:00 and 21:00)",
    "ar": "حدد في أي أوقات يعمل (قلت «{said}»: مثلًا الساعة ٩:٠٠ و٢١:٠٠)",
}
_ASK_DAYS_AND_TIMES = {
    "en": "say on which days and at what times it should run (you said “{said}”: for example "
    "every Monday and Thursday at 9:00)",
    "ar": "حدد في أي أيام وأي أوقات يعمل (قلت «{said}»: مثلًا كل اثنين وخميس الساعة ٩:٠٠)",
}
_ASK_LAST = {
    "en": "say on which day of the month it should run: a schedule cannot follow “the last "
    "{day} of the month” exactly (for example the 25th of every month{or_every})",
    "ar": "حدد في أي يوم من الشهر يعمل: لا يستطيع الجدول أن يتبع «آخر {day} في الشهر» بدقة "
    "(مثلًا يوم ٢٥ من كل شهر{or_every})",
}


def _take_schedule_to_ask(collector: _Collector) -> bool:
    def times(match: re.Match[str]) -> str:
        said = match.group(0).strip()
        weekly = re.search(r"\b(?:week|month)|اسبوع|شهر", said, re.IGNORECASE) is not None
        templates = _ASK_DAYS_AND_TIMES if weekly else _ASK_TIMES
        ask = {lang: template.format(said=said) for lang, template in templates.items()}
        return f" {collector.marker(Entity('schedule', said, value={}, ask=ask))} "

    def last(match: re.Match[str]) -> str:
        said = match.group(0).strip()
        word = (match.group("en") or match.group("en2") or match.group("ar") or "").lower()
        number = _WEEKDAYS.get(word)
        names = {
            "en": _DAY_NAMES["en"][number] if number is not None else "day",
            "ar": _DAY_NAMES["ar"][number] if number is not None else "يوم",
        }
        or_every = {
            "en": f", or every {names['en']}" if number is not None else "",
            "ar": f"، أو كل {names['ar']}" if number is not None else "",
        }
        ask = {
            lang: t.format(day=names[lang], or_every=or_every[lang])
            for lang, t in _ASK_LAST.items()
        }
        return f" {collector.marker(Entity('schedule', said, value={}, ask=ask))} "

    before = len(collector.entities)
    collector.text = _TIMES_WITH_DAYS.sub(" every ", collector.text)
    collector.take(_TIMES_WITH_CLOCKS, _times_at_clocks, spaced=True)
    if len(collector.entities) > before:
        return True  # the schedule is said whole: nothing to ask, nothing more to read
    collector.text = _LAST_OF_MONTH.sub(last, collector.text)
    collector.text = _SO_MANY_TIMES.sub(times, collector.text)
    return len(collector.entities) > before


def _take_schedule(collector: _Collector) -> None:
    if _take_schedule_to_ask(collector):
        return
    for pattern, said in _FRACTION_OF_HOUR:
        collector.text = pattern.sub(said, collector.text)
    collector.text = _clock_words(collector.text)
    if _take_month_day(collector):
        return
    text = collector.text
    anchor = _anchor(text)
    if anchor is None:
        return
    spans = [anchor.span()]
    # "weekly report every saturday": the other schedule word says the same, and goes too
    spans += [
        other.span()
        for other in _ANCHOR.finditer(text)
        if (other.group("adverb") or other.group("aradverb")) and other.span() != anchor.span()
    ]
    # "every Friday evening", "every hour on weekdays": said right after the anchor
    part_of_day = _PART_OF_DAY.match(text, anchor.end())
    if part_of_day is not None:
        spans.append(part_of_day.span())
    end = part_of_day.end() if part_of_day is not None else anchor.end()
    on_days = _ON_DAYS.match(text, end)
    time = _TIME.search(text, anchor.end()) or _TIME.search(text)
    hour_minute: tuple[int, int] | None = None
    clock_after = _CLOCK_AFTER.match(text, end)
    clock_said = False  # "at 11 pm", "الساعة ١٠ مساء": the half of the day said with the time
    if time is not None and any(time.span()[0] < b and a < time.span()[1] for a, b in spans):
        time = None
    if time is None and clock_after is not None:
        hour_minute = (int(clock_after.group("h")) % 24, int(clock_after.group("m")) % 60)
        spans.append(clock_after.span())
    elif time is not None:
        gap = text[anchor.end() : time.start()] if time.start() >= anchor.end() else ""
        before = time.end() <= anchor.start()
        only_time = len(list(_TIME.finditer(text))) == 1
        if before or len(gap) <= 24 or only_time:
            hour_minute = _hour_minute(time)
            clock_said = bool(
                time.group("ampm") or time.group("ampm2") or time.group("part")
            ) or bool(time.group("word") or time.group("arword"))
            said_before = text[max(0, time.start() - 16) : time.start()]
            if hour_minute[0] < 12 and _EVENING_BEFORE.search(said_before):
                hour_minute = (hour_minute[0] + 12, hour_minute[1])  # "فالليل مع 10"
                clock_said = True
            spans.append(time.span())
            if on_days is not None and on_days.start() >= time.start():
                on_days = None
            if on_days is None:
                on_days = _ON_DAYS.match(text, time.end())
    part = part_of_day.group("part") if part_of_day is not None else None
    params, describe = _schedule_params(anchor, hour_minute, part, clock_said)
    if params is None:
        return
    days_said = _DAYS_BESIDE.search(text)
    if days_said is not None and not any(
        days_said.start() < b and a < days_said.end() for a, b in spans
    ):
        kept = _kept_to_days(params, describe, _days(days_said.group("range")))
        if kept is not None:
            params, describe = kept
            spans.append(days_said.span())
    if on_days is not None and params.get("mode") == "interval":
        restricted = _interval_on_days(params, on_days.group("which"))
        if restricted is not None:
            params, describe = restricted
            spans.append(on_days.span())
    spans.sort()
    original = " ".join(text[a:b] for a, b in spans)
    mark = collector.marker(Entity("schedule", original, value=params, describe=describe))
    for index, (start, end) in enumerate(reversed(spans)):
        replacement = f" {mark} " if index == len(spans) - 1 else " "
        text = text[:start] + replacement + text[end:]
    collector.text = text


# Days said as a range beside a schedule of every day or every working day: "(من الأحد إلى
# الخميس)", "(monday to friday)", "from Sunday to Thursday".
_DAYS_BESIDE = re.compile(
    r"\(?\s*(?P<range>" + _DAY_RANGE + r")\s*\)?(?![\w\u0621-\u064a])", re.IGNORECASE
)
_EVERY_DAY_CRON = re.compile(r"^(?P<at>\d+ \d+) \* \* (?:\*|0-4|1-5)$")


def _kept_to_days(
    params: dict[str, Any], describe: dict[str, str], days: list[int]
) -> tuple[dict[str, Any], dict[str, str]] | None:
    """A schedule of every (working) day at a time, run on ``days`` only; None when it is
    another kind of schedule (an interval, one weekday), which these days do not narrow."""
    daily = _EVERY_DAY_CRON.match(str(params.get("cron", "")))
    if params.get("mode") != "cron" or daily is None or len(days) < 2:
        return None
    minute, hour = (int(part) for part in daily.group("at").split())
    clock = f"{hour:02d}:{minute:02d}"
    names_en = " and ".join(_DAY_NAMES["en"][d] for d in days)
    names_ar = " و".join(_DAY_NAMES["ar"][d] for d in days)
    return {"mode": "cron", "cron": f"{daily.group('at')} * * {_day_list(days)}"}, {
        "en": f"every {names_en} at {clock}",
        "ar": f"كل {names_ar} الساعة {clock}",
    }


def _take_month_day(collector: _Collector) -> bool:
    text = collector.text
    day = _MONTH_DAY.search(text)
    if day is None:
        return False
    said = next(
        (g for g in (day.group("en"), day.group("en2"), day.group("ar"), day.group("ar2")) if g),
        "1",
    )
    number = _ORDINALS.get(said.lower()) or int(re.sub(r"\D", "", said) or 1)
    if not 1 <= number <= 28:
        return False  # a 30th or 31st is missing from some months: ask rather than skip them
    spans = [day.span()]
    time = _TIME.search(text, day.end()) or _TIME.search(text)
    hour, minute = 9, 0
    if time is not None:
        hour, minute = _hour_minute(time)
        spans.append(time.span())
    clock = f"{hour:02d}:{minute:02d}"
    entity = Entity(
        "schedule",
        " ".join(text[a:b] for a, b in sorted(spans)),
        value={"mode": "cron", "cron": f"{minute} {hour} {number} * *"},
        describe={
            "en": f"every month, on day {number} at {clock}",
            "ar": f"كل شهر، في اليوم {number} الساعة {clock}",
        },
    )
    mark = collector.marker(entity)
    for index, (start, end) in enumerate(sorted(spans, reverse=True)):
        replacement = f" {mark} " if index == len(spans) - 1 else " "
        text = text[:start] + replacement + text[end:]
    collector.text = text
    return True


def _hour_minute(time: re.Match[str]) -> tuple[int, int]:
    if time.group("word") or time.group("arword"):
        word = (time.group("word") or time.group("arword")).lower()
        return (0, 0) if "midnight" in word or "منتصف" in word else (12, 0)
    hour = int(time.group("h") or time.group("h2"))
    minute = int(time.group("m") or time.group("m2") or 0)
    fraction = _FRACTIONS.get(" ".join((time.groupdict().get("frac") or "").split()), 0)
    if fraction < 0:
        hour, minute = hour - 1, 60 + fraction
    elif fraction:
        minute = fraction
    ampm = (time.group("ampm") or time.group("ampm2") or "").lower().replace(".", "")
    part = (time.group("part") or "").lower()
    evening = ampm.startswith("p") or part in _PM_PARTS
    evening = evening or any(word in part for word in ("evening", "night", "afternoon"))
    if evening and hour < 12:
        hour += 12
    elif hour == 12 and part in ("الليل", "بالليل", "ليلا", "دالليل", "at night"):
        hour = 0  # "الساعة ١٢ الليل": midnight, not noon
    if (
        ampm.startswith("a") or part in ("صباحا", "صباح", "الصبح", "صبحا", "الصباح", "ص")
    ) and hour == 12:
        hour = 0
    if part in ("الظهر", "ظهرا", "الضهر", "ضهرا") and hour < 6:
        hour += 12
    return hour % 24, minute % 60


_RANGE_IN = re.compile(
    r"(?P<first>[\w\u0621-\u064a]+)\s*(?:\s(?:to|through|till|until|الي|لل|ل|لين|حتي)\s"
    r"|\s(?:لل|ل)(?=[\u0621-\u064a])|-|–)\s*"
    r"(?P<last>[\w\u0621-\u064a]+)"
)


def _days(group: str | None) -> list[int]:
    if not group:
        return []
    found = []
    said = group.lower()
    for match in _RANGE_IN.finditer(said):
        first, last = _days(match.group("first")), _days(match.group("last"))
        if len(first) == 1 and len(last) == 1:
            day = first[0]
            found.append(day)
            while day != last[0]:  # "Thursday to Sunday" wraps round the week
                day = (day + 1) % 7
                found.append(day)
            said = said.replace(match.group(0), " ")
    for word in re.findall(r"[\w\u0621-\u064a]+", said):
        if word.startswith("و") and word[1:] in _WEEKDAYS:
            word = word[1:]
        for name, number in _WEEKDAYS.items():
            if word in (name, name + "s", name + "days") or (len(name) <= 3 and word == name):
                found.append(number)
                break
        else:
            for name, number in _WEEKDAYS.items():
                if len(name) > 3 and word.startswith(name):
                    found.append(number)
                    break
    return sorted(set(found))


# The part of the day said after a weekday or "every day": "every Friday evening".
_PART_OF_DAY = re.compile(
    r"\s*(?:in\s+the\s+)?(?P<part>mornings?|evenings?|nights?|afternoons?|"
    r"صباحا|الصبح|الصباح|بالليل|الليل|بليل|المسا|بالمسا|مساء|العصر|المغرب|بالمغرب|الظهر|الضهر"
    r"|noon|midday)(?![\w\u0621-\u064a])",
    re.IGNORECASE,
)
# "every hour on weekdays", "every 30 minutes on Mondays": an interval kept to some days.
_ON_DAYS = re.compile(
    r"\s*,?\s*(?:on\s+|during\s+(?:the\s+)?)(?P<which>weekdays|week\s*days|workdays|working\s+days"
    r"|business\s+days|(?:" + _DAY + r")(?:\s*(?:,|and|&|or)\s*(?:" + _DAY + r"))*)\b",
    re.IGNORECASE,
)


def _interval_on_days(
    params: dict[str, Any], which: str
) -> tuple[dict[str, Any], dict[str, str]] | None:
    """An interval of minutes or hours run on some days only, as the cron line that says so."""
    every, unit = params["every"], params["unit"]
    if unit not in ("minutes", "hours") or (unit == "minutes" and 60 % every):
        return None
    working = re.match(r"week|work|business", which, re.IGNORECASE) is not None
    days = [1, 2, 3, 4, 5] if working else _days(which)
    if not days:
        return None
    dow = "1-5" if working else ",".join(map(str, days))
    step = "*" if every == 1 else f"*/{every}"
    cron = f"{step} * * * {dow}" if unit == "minutes" else f"0 {step} * * {dow}"
    names_en = "weekdays" if working else " and ".join(_DAY_NAMES["en"][d] for d in days)
    names_ar = "أيام الأسبوع" if working else " و".join(_DAY_NAMES["ar"][d] for d in days)
    every_en = (
        f"every {'' if every == 1 else f'{every} '}{unit.rstrip('s')}{'' if every == 1 else 's'}"
    )
    return {"mode": "cron", "cron": cron}, {
        "en": f"{every_en} on {names_en}",
        "ar": f"كل {arabic_count(every, unit)}، {names_ar}",
    }


_EVENING_PARTS = ("evening", "مساء", "المسا", "بالمسا", "العصر", "afternoon", "المغرب", "بالمغرب")
_NOON_PARTS = ("noon", "midday", "الظهر", "الضهر")
_EVENING_PARTS += ("العشيه", "عشيه", "دالعشيه")  # Maghrebi: the late afternoon
_NIGHT_PARTS = ("night", "nightly", "ليله", "بالليل", "الليل", "بليل", "دالليل")


def _schedule_params(
    anchor: re.Match[str],
    at: tuple[int, int] | None,
    part: str | None = None,
    clock_said: bool = False,
) -> tuple[dict[str, Any] | None, dict[str, str]]:
    groups = {k: (v.lower() if isinstance(v, str) else v) for k, v in anchor.groupdict().items()}
    days = _days(
        groups.get("days1")
        or groups.get("days2")
        or groups.get("days3")
        or groups.get("days4")
        or groups.get("days5")
        or groups.get("days6")
        or groups.get("days7")
    )
    unit = (
        groups.get("unit")
        or groups.get("arunit")
        or groups.get("adverb")
        or groups.get("aradverb")
        or ""
    )
    count = int(groups.get("n") or groups.get("arn") or 1)
    unit = unit.strip()
    if unit in _DUALS:
        count, unit = (
            2,
            {"minutes": "minute", "hours": "hour", "days": "day"}.get(_DUALS[unit], _DUALS[unit]),
        )
    hour, minute = at if at is not None else (9, 0)
    interval = None
    if unit.startswith(("second", "sec")):
        interval = ("seconds", count)
    elif unit.startswith(("minute", "min", "دقي", "دقا", "دقائق")):
        interval = ("minutes", count)
    elif unit.startswith(("hour", "ساع")) or unit == "hourly":
        interval = ("hours", count)
    if interval is not None:
        unit_name, every = interval
        plural = "" if every == 1 else "s"
        return (
            {"mode": "interval", "every": every, "unit": unit_name},
            {
                "en": f"every {'' if every == 1 else f'{every} '}{unit_name.rstrip('s')}{plural}",
                "ar": "كل " + arabic_count(every, unit_name),
            },
        )
    said_part = (part or "").lower() or unit
    evening = said_part.startswith(_EVENING_PARTS)
    night = said_part.startswith(_NIGHT_PARTS)
    if (
        said_part.startswith(("morning", "صباح", "صبح", "كل الصبح", "الصبح", "الصباح"))
        and at is None
    ):
        hour = 9
    elif said_part.startswith(("afternoon", "العصر")) and at is None:
        hour = 15
    elif said_part.startswith(_NOON_PARTS) and at is None:
        hour = 12
    elif evening and at is None:
        hour = 18
    elif night and at is None:
        hour = 21
    elif at is not None and not clock_said and hour < 12 and (evening or (night and hour >= 5)):
        hour += 12  # "every night at 11": 23:00; "every night at 2" stays 02:00
    elif at is not None and not clock_said and 1 <= hour <= 5 and not said_part:
        hour += 12  # "الساعة ٥ ونص", "at 3": a shop's afternoon, not the small hours
    clock = f"{hour:02d}:{minute:02d}"
    if days:
        dow = _day_list(days)
        cron = f"{minute} {hour} * * {dow}"
        names_en = " and ".join(_DAY_NAMES["en"][d] for d in days)
        names_ar = " و".join(_DAY_NAMES["ar"][d] for d in days)
        return {"mode": "cron", "cron": cron}, {
            "en": f"every {names_en} at {clock}",
            "ar": f"كل {names_ar} الساعة {clock}",
        }
    working_ar = ("ايام الاسبوع", "ايام الدوام", "ايام العمل", "ايام الشغل", "يوم عمل", "يوم دوام")
    if unit.startswith((*working_ar, "يوم شغل")):
        # Said in Arabic: the working week of Egypt, Saudi Arabia and most of the region. Said
        # either way, so that whoever works Monday to Friday sees it and changes it.
        return {"mode": "cron", "cron": f"{minute} {hour} * * 0-4"}, {
            "en": f"every working day (Sunday to Thursday) at {clock}",
            "ar": f"أيام الدوام (الأحد إلى الخميس) الساعة {clock}",
        }
    if unit.startswith(("weekday", "working", "business", "work day")):
        return {"mode": "cron", "cron": f"{minute} {hour} * * 1-5"}, {
            "en": f"every weekday (Monday to Friday) at {clock}",
            "ar": f"أيام الأسبوع (الاثنين إلى الجمعة) الساعة {clock}",
        }
    if unit.startswith(("week", "اسبوع")):
        return {"mode": "cron", "cron": f"{minute} {hour} * * 1"}, {
            "en": f"every week, on Monday at {clock}",
            "ar": f"كل أسبوع، يوم الاثنين الساعة {clock}",
        }
    if unit.startswith(("month", "شهر")):
        return {"mode": "cron", "cron": f"{minute} {hour} 1 * *"}, {
            "en": f"every month, on the 1st at {clock}",
            "ar": f"كل شهر، في اليوم الأول الساعة {clock}",
        }
    if count > 1 and unit.startswith(("day", "يوم", "ايام")):
        return {"mode": "interval", "every": count, "unit": "days"}, {
            "en": f"every {count} days",
            "ar": f"كل {count} أيام",
        }
    return {"mode": "cron", "cron": f"{minute} {hour} * * *"}, {
        "en": f"every day at {clock}",
        "ar": f"كل يوم الساعة {clock}",
    }


def _day_list(days: list[int]) -> str:
    """Days of the week as cron writes them, three or more in a row as a range: 0-4, 1,4."""
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ",".join(
        f"{run[0]}-{run[-1]}" if len(run) >= 3 else ",".join(map(str, run)) for run in runs
    )


def language_of_entity(entity: Entity, language: Language) -> str:
    return entity.describe.get(language) or entity.text
