"""Words the template screens share: a template's own text in the language shown, and the
categories' names."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication

from flowin_engine.templates import CATEGORY_NAMES

from ..i18n import language_for

FILE_SUFFIX = ".flowin-template"


def current_language() -> str:
    """The language the app speaks now (the Localizer sets the default locale with it)."""
    return language_for(QLocale())


def local(text: object, language: str | None = None) -> str:
    """A template's text ({"en": …, "ar": …}) in ``language``, else English, else any."""
    language = language or current_language()
    if isinstance(text, str):
        return text
    in_language = getattr(text, "in_language", None)
    if callable(in_language):
        return str(in_language(language))
    if isinstance(text, Mapping):
        values: Mapping[str, object] = text
    elif text is None:
        return ""
    else:  # a model with one attribute per language
        values = {k: v for k, v in vars(text).items() if isinstance(v, str)}
    for code in (language, "en", *values):
        value = values.get(code)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def category_title(category: str) -> str:
    """A category's name as the gallery's chips and cards show it (the engine names each in
    both languages)."""
    names = {str(code): words for code, words in CATEGORY_NAMES.items()}
    words = names.get(str(category))
    return local(words) if words else str(category).replace("_", " ").capitalize()


def categories() -> list[str]:
    """Every category, in the gallery's order."""
    return [str(code) for code in CATEGORY_NAMES]


def reading_start() -> Qt.AlignmentFlag:
    """Where a line starts in the language shown: a label whose text begins in another script
    (a service's Latin name in Arabic) would otherwise sit at that script's side."""
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight
    return Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignLeft
