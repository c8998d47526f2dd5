"""The languages the cloud speaks to people (its web pages and its e-mails and SMS)."""

from __future__ import annotations

ENGLISH = "en"
SUPPORTED = (ENGLISH, "ar")
RIGHT_TO_LEFT = frozenset({"ar"})


def preferred(accept_language: str | None) -> str | None:
    """The supported language an Accept-Language header ranks highest; None when it names none.

    ``"ar"`` for ``"ar-EG,en;q=0.8"``, ``"en"`` for ``"fr, en;q=0.5, ar;q=0.3"``.
    """
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, *parameters = part.split(";")
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in SUPPORTED and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else None


def language(accept_language: str | None) -> str:
    """The language to answer an Accept-Language header in: English unless it prefers another."""
    return preferred(accept_language) or ENGLISH


def direction(language: str) -> str:
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"
