"""Amounts of money said in Arabic words, read as digits: "ألفي جنيه" (2000), "خمسمية" (500),
"ميتين ريال" (200), "ألف وخمسمية" (1500), "تلات تلاف درهم" (3000), "ألف ونص" (1500).

Works on normalized text (hamza, ta marbuta and ya forms already folded). Words are read as an
amount only where an amount is meant: before a currency, or after a comparison ("فوق",
"أكتر من", "تتجاوز") — "ميه" alone is also water, and "ألف شكر" a thousand thanks.

Why no library: those on PyPI that read number words (pyarabic's ``text2number``, text2num)
read Modern Standard Arabic or no Arabic at all; "خمسمية", "ميتين" and "تلات تلاف" are what
shop owners type.
"""

from __future__ import annotations

import re

_UNITS = {
    **dict.fromkeys(["واحد", "واحده"], 1),
    **dict.fromkeys(["اثنين", "اثنان", "اتنين", "تنين", "جوج", "زوج"], 2),
    **dict.fromkeys(["ثلاث", "ثلاثه", "تلات", "تلاته", "تلت"], 3),
    **dict.fromkeys(["اربع", "اربعه"], 4),
    **dict.fromkeys(["خمس", "خمسه"], 5),
    **dict.fromkeys(["ست", "سته", "سث"], 6),
    **dict.fromkeys(["سبع", "سبعه"], 7),
    **dict.fromkeys(["ثمان", "ثماني", "ثمانيه", "تمن", "تمان", "تمانيه", "تمنيه"], 8),
    **dict.fromkeys(["تسع", "تسعه"], 9),
    **dict.fromkeys(["عشر", "عشره"], 10),
    **dict.fromkeys(["حداشر", "احداشر", "احدعشر"], 11),
    **dict.fromkeys(["اتناشر", "اطناشر", "اثناعشر"], 12),
    **dict.fromkeys(["تلتاشر", "تلطاشر", "ثلاثطاشر"], 13),
    **dict.fromkeys(["اربعتاشر", "اربعطاشر", "ربعطاش"], 14),
    **dict.fromkeys(["خمستاشر", "خمسطاشر", "خمسطاش"], 15),
    **dict.fromkeys(["ستاشر", "سطاشر", "سطاش"], 16),
    **dict.fromkeys(["سبعتاشر", "سبعطاشر"], 17),
    **dict.fromkeys(["تمنتاشر", "تمنطاشر", "ثمنطاشر"], 18),
    **dict.fromkeys(["تسعتاشر", "تسعطاشر"], 19),
    **dict.fromkeys(["عشرين", "عشرون"], 20),
    **dict.fromkeys(["ثلاثين", "ثلاثون", "تلاتين"], 30),
    **dict.fromkeys(["اربعين", "اربعون"], 40),
    **dict.fromkeys(["خمسين", "خمسون"], 50),
    **dict.fromkeys(["ستين", "ستون"], 60),
    **dict.fromkeys(["سبعين", "سبعون"], 70),
    **dict.fromkeys(["ثمانين", "ثمانون", "تمانين"], 80),
    **dict.fromkeys(["تسعين", "تسعون"], 90),
}
_HUNDREDS = {
    **dict.fromkeys(["ميه", "مايه", "ميت"], 100),
    **dict.fromkeys(["ميتين", "مايتين", "ميتي", "مايتي", "متين", "ميتان", "مايتان"], 200),
    **dict.fromkeys(["تلتميه", "تلاتميه", "ثلاثميه", "ثلاثمايه", "ثلثميه", "ثلثمايه"], 300),
    **dict.fromkeys(["ربعميه", "اربعميه", "اربعمايه", "ربعمايه"], 400),
    **dict.fromkeys(["خمسميه", "خمسمايه", "خمسمية"], 500),
    **dict.fromkeys(["ستميه", "ستمايه", "سطميه"], 600),
    **dict.fromkeys(["سبعميه", "سبعمايه"], 700),
    **dict.fromkeys(["تمنميه", "تمانميه", "ثمانميه", "ثمانمايه", "ثمنمايه", "ثمنميه"], 800),
    **dict.fromkeys(["تسعميه", "تسعمايه"], 900),
}
_THOUSAND = frozenset(["الف", "الاف", "تلاف", "آلاف"])
_TWO_THOUSAND = frozenset(["الفين", "الفي", "الفان"])
_MILLION = frozenset(["مليون", "ملايين"])
_TWO_MILLION = frozenset(["مليونين", "مليوني", "مليونان"])
_HALF = frozenset(["نص", "نصف"])

_WORDS = [*_UNITS, *_HUNDREDS, *_THOUSAND, *_TWO_THOUSAND, *_MILLION, *_TWO_MILLION]
_WORD = "|".join(sorted(_WORDS, key=len, reverse=True))
_HALF_WORD = "|".join(_HALF)
# The words of a thousand or a million that a count in digits may come before ("5 آلاف").
_SCALE_WORD = "|".join(sorted(_THOUSAND | _MILLION, key=len, reverse=True))
_END = r"(?![\w\u0621-\u064a])"
# A digit count of thousands ("5 آلاف") may open the amount; "و" (and) joins its parts.
_SEQUENCE = (
    r"(?:\d+(?=\s+(?:" + _SCALE_WORD + r")" + _END + r")|(?:" + _WORD + r")" + _END + r")"
    r"(?:\s+(?:(?:"
    + _WORD
    + r")"
    + _END
    + r"|و\s*(?:"
    + _WORD
    + r"|"
    + _HALF_WORD
    + r")"
    + _END
    + r"))*"
)
_CURRENCY_AFTER = (
    r"(?=\s*(?:ريال|ريالات|جنيه|جنيهات|جنيها|دولار|دولارات|درهم|دراهم|دينار|دنانير|يورو|ليره|ليرات"
    r"|دينارا|دولارا|ريالا|ر\.س|ج\.م|[$€£]|(?i:sar|egp|aed|kwd|qar|bhd|omr|jod|mad|usd|eur|dh|le)\b)"
    + _END
    + r")"
)
_COMPARED_BEFORE = (
    r"(?P<before>(?<!\S)(?:فوق|تحت|اكثر من|اكتر من|اكبر من|ازيد من|اعلي من|اقل من|اصغر من"
    r"|يزيد عن|يزيد علي|تزيد عن|تزيد علي|يقل عن|تقل عن|يتجاوز|تتجاوز|تجاوزت|تجاوز|يتعدي|تتعدي"
    r"|عدي|عدت|بقيمه|بمبلغ)\s+)"
)
_BEFORE_CURRENCY = re.compile(r"(?<!\S)(?P<number>" + _SEQUENCE + r")" + _CURRENCY_AFTER)
_AFTER_COMPARISON = re.compile(_COMPARED_BEFORE + r"(?P<number>" + _SEQUENCE + r")" + _END)
_TOKEN = re.compile(r"\d+|[\u0621-\u064a]+")


def amount_words_as_digits(text: str) -> str:
    """``text`` with each amount said in Arabic words, where an amount is meant, in digits."""

    def digits(match: re.Match[str]) -> str:
        value = _value(match.group("number"))
        if value is None:
            return match.group(0)
        return (match.groupdict().get("before") or "") + str(value)

    text = _BEFORE_CURRENCY.sub(digits, text)
    return _AFTER_COMPARISON.sub(digits, text)


def _value(said: str) -> int | None:
    """The number ``said`` in words, or None when the words make none ("ميه ميه")."""
    total = 0  # thousands and millions already counted
    current = 0  # below a thousand, not yet multiplied
    last = 0  # the last part said, for "ونص" (and a half)
    for token in _TOKEN.findall(said):
        if token == "و":
            continue
        word = token[1:] if token.startswith("و") and token[1:] else token
        if token.isdigit():
            current += int(token)
        elif word in _HALF:
            if not last:
                return None
            total += last // 2
        elif word in _UNITS:
            current += _UNITS[word]
            last = _UNITS[word]
        elif word in _HUNDREDS:
            hundreds = _HUNDREDS[word]
            if hundreds == 100 and 0 < current < 10:
                current, last = current * 100, 100  # "خمس ميه": five hundred
            else:
                current += hundreds
                last = hundreds
        elif word in _THOUSAND:
            total += (current or 1) * 1000
            current, last = 0, 1000
        elif word in _TWO_THOUSAND:
            total += 2000
            last = 1000
        elif word in _MILLION:
            total += (current or 1) * 1_000_000
            current, last = 0, 1_000_000
        elif word in _TWO_MILLION:
            total += 2_000_000
            last = 1_000_000
        else:
            return None
    return total + current or None
