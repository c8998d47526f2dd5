"""Conditions on the time of day: "after 10pm", "before 9am", "between 10pm and 8am",
"بعد الساعة ١٠ بالليل", "قبل ٩ الصبح", "بين الساعة ١٠ بالليل و٨ الصبح", and "outside working hours"
(whose hours the user is asked for: a guess would be a wrong default).

A time of day needs a clock word to be one: "pm"/"am", a "HH:MM", "الساعة" or a part of the day
("بالليل", "الصبح"); "after 2 hours" and "بعد ساعتين" stay waits. The condition compares the
time now, on the computer's clock as schedules read it, written "HH:MM" so that the text compares
in time order.
"""

from __future__ import annotations

import re
from typing import Any

# The time now, on the clock schedules run by.
NOW_HOUR_MINUTE = "{{ now | date('%H:%M', 'local') }}"
SUBJECT = "time of day"

_EN_TIME = (
    r"(?:(?P<{n}h>\d{{1,2}})(?::(?P<{n}m>\d{{2}}))?\s*(?P<{n}ampm>[ap]\.?m\b\.?)"
    r"|(?P<{n}h24>\d{{1,2}}):(?P<{n}m24>\d{{2}})\b|(?P<{n}word>midnight|noon|midday)\b)"
)
_AR_PARTS = (
    r"بالليل|بليل|ليلا|في الليل|الليل|مساء|مساءا|المسا|بالمسا|الصبح|صباحا|الصباح|بالصباح|صباح"
    r"|العصر|الضهر|الظهر|ظهرا"
)
_AR_TIME = (
    r"(?:(?P<{n}clock>(?:ال)?ساعه\s+)?(?P<{n}h>\d{{1,2}})(?::(?P<{n}m>\d{{2}}))?"
    r"(?:\s+(?:و\s*)?(?P<{n}half>نص|ونص|ربع|وربع))?"
    r"(?:\s+(?P<{n}part>" + _AR_PARTS + r"))?(?![\w\u0621-\u064a:]))"
)
_AFTER_EN = re.compile(
    r"\b(?P<op>after|past|before|until|till)\s+" + _EN_TIME.format(n="a"), re.IGNORECASE
)
_BETWEEN_EN = re.compile(
    r"\bbetween\s+" + _EN_TIME.format(n="a") + r"\s+(?:and|to|-)\s+" + _EN_TIME.format(n="b"),
    re.IGNORECASE,
)
_AFTER_AR = re.compile(r"(?<!\S)(?P<op>بعد|قبل)\s+" + _AR_TIME.format(n="a"))
_BETWEEN_AR = re.compile(
    r"(?<!\S)(?:ما\s+)?بين\s+"
    + _AR_TIME.format(n="a")
    + r"\s+(?:و|الي|لل|ل)\s*"
    + _AR_TIME.format(n="b")
)
_OUTSIDE_HOURS = re.compile(
    r"\b(?:outside(?:\s+of)?|after|out\s+of)\s+(?:our\s+|my\s+|the\s+)?"
    r"(?:working|business|opening|office|work|shop|store)\s+hours\b|\bafter[\s-]hours\b"
    r"|(?<!\S)(?:بره|برا|برة|خارج|بعد)\s+(?:مواعيد|ساعات|اوقات|وقت)\s+(?:ال)?(?:شغل|عمل|دوام)"
    r"|(?<!\S)(?:بره|برا|خارج|بعد)\s+(?:ال)?دوام(?![\w\u0621-\u064a])",
    re.IGNORECASE,
)

# "free slots between 10:00 and 16:00": the hours a calendar search looks in, not a condition.
_HOURS_OF_A_SEARCH = re.compile(
    r"\b(?:free|available|open|empty)\s+(?:time|times|slots?|hours|spots?)\b|\bslots?\b"
    r"|(?<!\S)(?:ال)?(?:مواعيد|اوقات|وقت|مواعيد)\s+(?:ال)?(?:فاضيه|متاحه|فاضي|متاح|فارغه)",
    re.IGNORECASE,
)
_ASK_HOURS = {
    "en": "say your working hours (for example 9:00 to 18:00): the check runs outside them",
    "ar": "اكتب ساعات العمل (مثلًا من ٩:٠٠ إلى ١٨:٠٠): الشرط يتحقق خارجها",
}


# Parts of the day whose hours below this one are after noon.
_LATER_IN_THE_DAY = {
    **dict.fromkeys(["مساء", "مساءا", "المسا", "بالمسا"], 12),
    **dict.fromkeys(["العصر", "الضهر", "الظهر", "ظهرا"], 8),
}


def _hour_minute(match: re.Match[str], n: str) -> str | None:
    """The time said by the groups named ``n…``, as "HH:MM", or None when none is said."""
    groups = match.groupdict()
    word = (groups.get(f"{n}word") or "").lower()
    if word:
        return "00:00" if word == "midnight" else "12:00"
    if groups.get(f"{n}h24") is not None:
        hour, minute = int(groups[f"{n}h24"]), int(groups[f"{n}m24"])
    elif groups.get(f"{n}h") is not None:
        hour, minute = int(groups[f"{n}h"]), int(groups.get(f"{n}m") or 0)
        ampm = (groups.get(f"{n}ampm") or "").lower()
        part = groups.get(f"{n}part") or ""
        if f"{n}clock" in groups and not part and not groups.get(f"{n}clock"):
            return None  # "بعد 10" with no clock word is no time of day
        half = groups.get(f"{n}half") or ""
        minute = 30 if "نص" in half else 15 if "ربع" in half else minute
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        elif part in ("بالليل", "بليل", "ليلا", "في الليل", "الليل") and 6 <= hour < 12:
            hour += 12
        elif part in ("بالليل", "بليل", "ليلا", "في الليل", "الليل") and hour == 12:
            hour = 0
        elif _LATER_IN_THE_DAY.get(part, 0) > hour:
            hour += 12  # "٧ المسا", "٣ العصر": the afternoon's or evening's hour
    else:
        return None
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _entity(said: str, conditions: list[dict[str, Any]], combine: str = "and") -> Any:
    from .entities import Entity  # the entities module calls this one while it extracts

    first = conditions[0]
    value = {
        "subject": SUBJECT,
        "operator": first["operator"],
        "right": first["right"],
        "combine": combine,
        "conditions": conditions,
    }
    return Entity("condition", said.strip(), value=value, inside_event=True)


def _after(match: re.Match[str]) -> Any:
    time = _hour_minute(match, "a")
    if time is None:
        return None
    before = match.group("op").lower() in ("before", "until", "till", "قبل")
    operator = "less_than" if before else "greater_or_equal"
    return _entity(match.group(0), [{"left": NOW_HOUR_MINUTE, "operator": operator, "right": time}])


def _between(match: re.Match[str]) -> Any:
    start, end = _hour_minute(match, "a"), _hour_minute(match, "b")
    if start is None or end is None:
        return None
    rules = [
        {"left": NOW_HOUR_MINUTE, "operator": "greater_or_equal", "right": start},
        {"left": NOW_HOUR_MINUTE, "operator": "less_than", "right": end},
    ]
    # "between 10pm and 8am" runs over midnight: either side of it
    return _entity(match.group(0), rules, "and" if start < end else "or")


def _outside_hours(match: re.Match[str]) -> Any:
    rules = [
        {"left": NOW_HOUR_MINUTE, "operator": "less_than", "right": ""},
        {"left": NOW_HOUR_MINUTE, "operator": "greater_or_equal", "right": ""},
    ]
    entity = _entity(match.group(0), rules, "or")
    entity.value["ask"] = dict(_ASK_HOURS)
    return entity


def take_time_of_day(collector: Any) -> None:
    """Set apart each time-of-day condition of ``collector``'s text (see the module)."""
    if not _HOURS_OF_A_SEARCH.search(collector.text):
        collector.take(_BETWEEN_EN, _between, spaced=True)
        collector.take(_BETWEEN_AR, _between, spaced=True)
    collector.take(_OUTSIDE_HOURS, _outside_hours, spaced=True)
    collector.take(_AFTER_EN, _after, spaced=True)
    collector.take(_AFTER_AR, _after, spaced=True)
