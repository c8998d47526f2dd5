"""One spelling for comparing text, whichever the user typed: Arabic with or without diacritics
and tatweel, أ/إ/آ or ا, ى or ي, ة or ه, Arabic-Indic or Latin digits, invisible marks.

Small on purpose: the steps list and the templates' search use it at start-up, without loading
the AI builder's dictionaries (``flowin_engine.builder.language`` builds on it).
"""

from __future__ import annotations

import re
import unicodedata

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Marks that change nothing a reader sees: zero-width joiners, direction marks, the BOM.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
        "ی": "ي",
        "گ": "ج",
        "،": ",",
        "؛": ";",
        "؟": "?",
        "٪": "%",
        "٫": ".",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)


def normalize(text: str, lower: bool = True) -> str:
    """One spelling for comparing: NFKC, no diacritics or tatweel, unified alef/yaa/taa marbuta,
    Latin digits, lower case. Lengths can change, so keep the original to show the user."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", _DIACRITICS.sub("", text)).translate(_LETTERS)
    return text.lower() if lower else text
