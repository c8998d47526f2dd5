"""The shop's own website as the source of an event.

A booking, a form, a sign-up or an order that comes "from my website" ("من الموقع", "من
موقعي", "mn el site") reaches the app only if the site calls it: the site's form posts to the
flow's webhook. No store, calendar or manual button sees such an event, so the site said as
where an event comes from is read as the webhook. A site only checked ("check my website",
"شيك على الموقع") names no event and stays a site to call; a site that is a store the app
knows (Shopify, Salla, Zid, WooCommerce named) stays that store, which is the caller's choice
to make in ``site_as_webhook``.
"""

from __future__ import annotations

import re

from .entities import QUOTES

# What a visitor does on a site, in English (and Arabizi once put in English): book, sign up,
# fill a form, order, ask.
_EVENT_EN = (
    r"book|books|booked|booking|bookings|sign(?:s|ed|ing)?\s*-?\s*up|sign-?ups?|log"
    r"|register(?:s|ed)?|registration|subscribe[sd]?|forms?|submit(?:s|ted)?|submissions?"
    r"|fill(?:s|ed)?|orders?|ordered|leads?|enquir\w+|inquir\w+|requests?|reservations?"
    r"|appointments?"
)
# The same in Arabic, with a glued "و/ف/ل/ال" and any ending: حجز/يحجز/حجوزات, سجل/يسجلون/
# تسجيل/اتسجل, فورم/استمارة/نموذج, طلب/اوردر, اشترك/مشترك, استفسار, and "يجيني/ييجي/وصل"
# (a booking that "comes" from the site).
_EVENT_AR = (
    r"(?:و|ف)?(?:ل|ال|لل)?(?:[يتن]|ات|است)?(?:حجز|حجوز|سجل|سجيل|تسجيل|فورم|استمار|نموذج|طلب"
    r"|اوردر|أوردر|شترك|ستفسار|موعد|مواعيد|ملا)\S*|(?:و|ف)?(?:يجي|ييجي|تجي|جاني|جاتني|يوصل|وصل)\S*"
)
_EVENT = re.compile(rf"\b(?:{_EVENT_EN})\b|(?<!\S)(?:{_EVENT_AR})", re.IGNORECASE)

# The site itself, where something comes from: "from/on/through my website", "at the site",
# "من الموقع", "بالموقع", "عالموقع", "فالموقع", "في موقعي", "عبر موقعنا".
_SITE = re.compile(
    r"\b(?:from|on|through|via|at|in|using)\s+(?:my|our|the)\s+(?:own\s+)?(?:web\s?site|site)\b"
    r"|\b(?:from|on|through|via)\s+(?:web\s?site|site)\b"
    r"|(?<!\S)(?:(?:من|في|على|عل|ع|عبر|ف)\s+(?:ال)?|بال|عال|فال|ب)موقع(?:ي|نا|ى)?(?!\S)",
    re.IGNORECASE,
)
# How far, in words, the event is said from where it comes from: one clause's length.
_NEAR_BEFORE = 8
_NEAR_AFTER = 3


def site_as_webhook(text: str) -> str:
    """``text`` with the shop's own site, where an event said near it comes from, named as
    the webhook the site calls; quoted words (a message's own text) are left as written."""
    quoted = [match.span() for match in QUOTES.finditer(text)]
    pieces: list[str] = []
    last = 0
    for site in _SITE.finditer(text):
        start, end = site.span()
        if any(q_start <= start < q_end for q_start, q_end in quoted):
            continue
        before = " ".join(text[:start].split()[-_NEAR_BEFORE:])
        after = " ".join(text[end:].split()[:_NEAR_AFTER])
        if not (_EVENT.search(before) or _EVENT.search(after)):
            continue
        # the preposition stays: "from webhook" reads as an event's source, as "من webhook" does
        said = site.group(0)
        word = re.match(r"\s*(?:from|on|through|via|at|in|using|من|في|على|عل|ع|عبر|ف)\s", said)
        pieces.append(text[last:start])
        pieces.append((word.group(0) if word else "") + "webhook")
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
