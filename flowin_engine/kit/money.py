"""Amounts of money as a shop owner types them and as payment services count them.

People write 150.50 (or ١٥٠٫٥٠, or 1,250) in the currency's main unit; Moyasar and Paymob take
whole halalas or piasters (15050), Tap takes the main unit rounded to the currency's decimals
(150.500 for a Kuwaiti dinar, which has 3). The decimals are ISO 4217's: most currencies have
2, the Gulf's dinars 3 (KWD, BHD, OMR, and JOD, IQD, LYD, TND), a few none (JPY).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import StepError

THREE_DECIMALS = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})
NO_DECIMALS = frozenset(
    {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV"}
    | {"XAF", "XOF", "XPF"}
)
# Arabic-Indic and Persian digits, the Arabic decimal point and thousands separator.
_ARABIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_NUMBER = re.compile(r"\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def decimals(currency: str) -> int:
    """How many digits the currency has after the point: 2, or 3 for KWD, or 0 for JPY."""
    code = currency.upper()
    if code in THREE_DECIMALS:
        return 3
    return 0 if code in NO_DECIMALS else 2


def currency_code(text: Any, service: str) -> str:
    """A currency as its three-letter ISO code, upper case ("sar" → "SAR")."""
    code = str(text or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise StepError(
            f"{service}: '{text}' is not a currency code; write its three letters, e.g. SAR, "
            "EGP, AED or KWD."
        )
    return code


def amount(value: Any, currency: str, service: str, title: str = "Amount") -> Decimal:
    """The amount typed in the currency's main unit, checked: a positive number with no more
    decimals than the currency has. Numbers from earlier steps are taken as they are."""
    if isinstance(value, bool) or value is None:
        value = ""
    text = str(value).translate(_ARABIC).strip().replace(" ", "")
    if not _NUMBER.fullmatch(text):
        shown = str(value).strip()
        raise StepError(
            f"{service}: the {title.lower()} '{shown}' is not an amount; write it as a number in "
            f"{currency}, e.g. 150.50."
            if shown
            else f"{service}: the {title.lower()} is empty; write it as a number in {currency}, "
            "e.g. 150.50."
        )
    try:
        number = Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern above lets only numbers through
        raise StepError(f"{service}: the {title.lower()} '{value}' is not an amount.") from None
    places = decimals(currency)
    if number <= 0:
        raise StepError(f"{service}: the {title.lower()} must be more than 0 {currency}.")
    if number != number.quantize(Decimal(1).scaleb(-places)):
        example = number.quantize(Decimal(1).scaleb(-places), rounding="ROUND_DOWN")
        raise StepError(
            f"{service}: {currency} has {places} decimals, so the {title.lower()} '{value}' can't "
            f"be charged; write it with at most {places}, e.g. {example}."
            if places
            else f"{service}: {currency} has no decimals, so the {title.lower()} '{value}' can't "
            f"be charged; write a whole number, e.g. {example}."
        )
    return number


def to_minor(major: Decimal, currency: str) -> int:
    """15050 halalas for 150.50 SAR; 1500 fils for 1.5 KWD."""
    return int(major.scaleb(decimals(currency)))


def from_minor(minor: Any, currency: Any) -> float | int | None:
    """150.5 for 15050 halalas; None when the service gave no whole number."""
    if not isinstance(minor, int) or isinstance(minor, bool):
        return None
    places = decimals(str(currency or ""))
    return minor if places == 0 else minor / 10**places


def formatted(major: Any, currency: str) -> str:
    """The amount written with exactly the currency's decimals: "1.00" SAR, "1.500" KWD."""
    places = decimals(currency)
    number = Decimal(str(major)).quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")
    return f"{number:.{places}f}"
