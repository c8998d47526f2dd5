"""Languages: English in the code, Arabic from translations/flowin_ar.ts and the connectors' own
files (connectors/<id>/translations/<id>_ar.ts).

The .ts files are the source of truth; tools/compile_translations.py merges and compiles them
with Qt's lrelease into the one .qm shipped beside flowin_ar.ts (plural forms included), which
is what the app loads.
Both live in the package, so an installed or frozen app finds them through importlib.resources.
"""

from __future__ import annotations

import importlib
import logging
import re
import string
import threading
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from flowin_engine.builder.names import add_words
from flowin_engine.errors import Problem
from flowin_engine.kit import SERVICE_SENTENCES, Service
from flowin_engine.model import ERROR_PORT, MAIN_PORT
from flowin_engine.oauth import SIGN_IN_SENTENCES
from flowin_engine.registry import Connector, NodeType, default_registry
from flowin_engine.runtime import (
    NESTED_TOO_DEEPLY_ERROR,
    RETRY_LATER_ERROR,
    UNEXPECTED_START_ERROR,
)
from flowin_engine.runtime._relay import FLOW_OFF_ERROR, REFUSED_ERROR
from flowin_engine.store import INTERRUPTED_ERROR, INTERRUPTED_STEP_ERROR
from flowin_engine.webhooks import NO_SIGNING_SECRET, SIGNATURE_MISMATCH

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "ar": "العربية"}
RIGHT_TO_LEFT = {"ar"}


def language_for(locale: QLocale) -> str:
    """The language Flowin speaks to someone whose computer is set to ``locale``: theirs when
    Flowin has it, English otherwise."""
    code = locale.name().split("_")[0]
    return code if code in LANGUAGES else "en"


def translations_dir() -> Path:
    """The .ts sources, for the tools and tests that read them (the app reads the .qm)."""
    return Path(__file__).resolve().parent / "translations"


def translation_files(language: str) -> list[Path]:
    """Every .ts merged into one language's .qm: the app's own words, then each connector's
    (``connectors/<id>/translations/<id>_<language>.ts``: the names, help and choices only that
    connector shows; words several connectors share stay in the app's file)."""
    connectors = Path(str(resources.files("connectors")))
    own = sorted(connectors.glob(f"*/translations/*_{language}.ts"))
    return [translations_dir() / f"flowin_{language}.ts", *own]


class Localizer:
    """Switches the app's language live: installs the translator and sets the layout direction."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.language = "en"
        self._translators: list[QTranslator] = []
        share_words_with_the_builder()
        self._install("en")

    def set_language(self, language: str) -> None:
        self._install(language)
        self.language = language
        rtl = language in RIGHT_TO_LEFT
        self.app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        QLocale.setDefault(QLocale(language))

    def _install(self, language: str) -> None:
        for translator in self._translators:
            self.app.removeTranslator(translator)
        # English is in the code; its translator holds only plural forms ("1 second").
        # Another language gets Qt's own words too: standard buttons (Close, Cancel), a text
        # field's context menu. Installed last, ours is asked first.
        wanted = [load_translator(language)]
        if language != "en":
            wanted.insert(0, qt_translator(language))
        self._translators = [translator for translator in wanted if translator is not None]
        for translator in self._translators:
            self.app.installTranslator(translator)


_shared: set[str] = set()


def share_words_with_the_builder() -> None:
    """Let the AI builder (Qt-free, on a worker thread) name fields with the words the app's
    own file shares between connectors, as the properties panel does."""
    for language in (code for code in LANGUAGES if code != "en" and code not in _shared):
        translator = load_translator(language)
        if translator is None:
            continue
        _shared.add(language)
        add_words(language, _locked_lookup(translator))  # type: ignore[arg-type]


def _locked_lookup(translator: QTranslator) -> Callable[[str, str], str]:
    lock = threading.Lock()

    def words(context: str, text: str) -> str:
        with lock:
            return translator.translate(context, text)

    return words


def load_translator(language: str) -> QTranslator | None:
    """Flowin's own words in ``language``, from the shipped .qm."""
    compiled = resources.files(__package__).joinpath("translations", f"flowin_{language}.qm")
    translator = QTranslator()
    with resources.as_file(compiled) as path:
        if path.is_file() and translator.load(str(path)):
            return translator
    log.warning("No translation for %s", language)
    return None


def qt_translator(language: str) -> QTranslator | None:
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        return translator
    log.info("Qt has no translation of its own words for %s", language)
    return None


# Connectors declare their words in English; these are the contexts their translations are in
# (tools/manifest_strings.py lists every such string, and what a language still lacks).
NODE_TYPES = "NodeTypes"  # connector and operation names, categories and descriptions
NODE_FIELDS = "NodeFields"  # input and account fields: titles, help and choices
# A connector's own fixed sentences for its service's failures ("the bot token is wrong —
# reconnect the bot"), as its Service declares them.
CONNECTOR_MESSAGES = "ConnectorMessages"


def node_type_name(node_type: NodeType) -> str:
    """A node type's name in the current language (connectors declare English names)."""
    return QCoreApplication.translate(NODE_TYPES, node_type.name)


def node_type_description(node_type: NodeType) -> str:
    text = node_type.manifest.description
    return isolate_latin(QCoreApplication.translate(NODE_TYPES, text)) if text else ""


def connector_name(connector: Connector) -> str:
    return QCoreApplication.translate(NODE_TYPES, connector.name)


def category_name(category: str) -> str:
    return QCoreApplication.translate(NODE_TYPES, category)


def field_text(text: str | None) -> str:
    """A field's title or help in the current language."""
    return isolate_latin(QCoreApplication.translate(NODE_FIELDS, text)) if text else ""


def choice_label(choice: str) -> str:
    """How one value of a Literal field reads in the current language."""
    return isolate_latin(_choice(choice))


# How many of a unit a setting counts ("%n minutes"), with the forms each language gives a number.
COUNTED_CHOICES = "CountedChoices"


def counted_choice(choice: str, count: int) -> str:
    """A number of the unit a Literal value names, in the plural form the number takes: "1
    minute", "15 minutes", "دقيقتين"."""
    return isolate_latin(
        QCoreApplication.translate(COUNTED_CHOICES, f"%n {choice_text(choice)}", None, count)
    )


def _choice(choice: str) -> str:
    return QCoreApplication.translate(NODE_FIELDS, choice_text(choice))


# The engine's messages about a flow (validation problems), by their English template.
ENGINE_MESSAGES = "EngineMessages"


# The names of a step's outputs, as the canvas labels them and sentences name them.
PORTS = "FlowScene"
# The words they read as: an If / else's branches answer its question ("Big order?" yes / no).
_PORT_WORDS = {
    "true": "yes",
    "false": "no",
    ERROR_PORT: "on error",
    "item": "each item",
    "done": "done",
    "default": "otherwise",
    MAIN_PORT: "main",
}


def port_label(name: str) -> str:
    """An output's or input's name in the current language (a Switch case keeps its own)."""
    word = _PORT_WORDS.get(name)
    return QCoreApplication.translate(PORTS, word) if word else name


def _title_text(title: str) -> str:
    """A field's title in the current language; a place inside a list setting ("Conditions #2
    → Check") part by part."""
    parts = []
    for part in title.split(" → "):
        name, hash_, number = part.partition(" #")
        translated = QCoreApplication.translate(NODE_FIELDS, name)
        parts.append(f"{translated}{hash_}{number}" if number.isdigit() else translated)
    return " → ".join(parts)


def problem_text(problem: Problem) -> str:
    """A validation problem in the current language: its template translated, then filled in
    with the labels in it translated too (a field's title, an output's name, a choice), the
    user's own words (step names, values) as they are."""
    template = QCoreApplication.translate(ENGINE_MESSAGES, problem.template)
    args = dict(problem.args)
    if "title" in args:
        args["title"] = _title_text(args["title"])
    if "port" in args:
        args["port"] = port_label(args["port"])
    comma = QCoreApplication.translate(ENGINE_MESSAGES, ", ")
    if "ports" in args:
        args["ports"] = comma.join(port_label(p) for p in args["ports"].split(", "))
    if "choices" in args:
        choices = [_choice(c) for c in args["choices"].split(", ")]
        args["choices"] = comma.join(choices)
        if "suggestion" in args:
            args["suggestion"] = _choice(args["suggestion"])
    try:
        return isolate_latin(template.format(**args))
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return problem.message


# What a connector's Test connection answers when it works, with the account's own name; the
# longer shape first, as a shorter one would match it too.
CONNECTED_SENTENCES = (
    "Connected to {place} as {who}.",
    "Signed in to {who}; Flowin can use Google Sheets.",
    "Connected to {place}.",
    "Connected as {who}.",
)

# Errors Flowin itself writes into the history (a run cut short when it stopped, a run it could
# not start): stored as English sentences, shown in the user's language by stored_error_text.
STORED_ERRORS = (
    INTERRUPTED_ERROR,
    INTERRUPTED_STEP_ERROR,
    RETRY_LATER_ERROR,
    NESTED_TOO_DEEPLY_ERROR,
    UNEXPECTED_START_ERROR,
    FLOW_OFF_ERROR,  # a request through the cloud's live address for a flow switched off
    REFUSED_ERROR,
    SIGNATURE_MISMATCH,  # why a request was refused (REFUSED_ERROR's reason)
    NO_SIGNING_SECRET,
    # A service's failure as the connector kit words it ("Notion refused the request: …").
    *SERVICE_SENTENCES,
    *SIGN_IN_SENTENCES,  # why an account's token could not be had (an expired sign-in)
    *CONNECTED_SENTENCES,
)


def _pattern(template: str) -> re.Pattern[str]:
    """A regular expression matching ``template`` filled in, each placeholder a named group."""
    parts = []
    named = set()
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name in named:  # the same value again ("Check {service} …")
            parts.append(f"(?P={name})")
        elif name:
            named.add(name)
            parts.append(f"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.DOTALL)


_STORED_PATTERNS = tuple((template, _pattern(template)) for template in STORED_ERRORS)


def stored_error_text(text: str | None) -> str:
    """A run's or step's error from the history in the current language, when Flowin wrote it
    itself or a connector declared it; any other error (a service's answer, a step's message)
    as it was stored."""
    if not text:
        return ""
    for template, pattern in _STORED_PATTERNS:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        translated = QCoreApplication.translate(ENGINE_MESSAGES, template)
        values = found.groupdict()
        if "reason" in values:  # itself a sentence Flowin wrote: "Refused …: {reason}"
            values["reason"] = stored_error_text(values["reason"])
        try:
            return isolate_latin(translated.format(**values))
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
            return text
    for template, pattern in _connector_patterns():
        found = pattern.fullmatch(text)
        if found is None:
            continue
        translated = QCoreApplication.translate(CONNECTOR_MESSAGES, template)
        values = found.groupdict()
        if "reason" in values:  # one of the connector's sentences: "{reason} (code {code})"
            values["reason"] = stored_error_text(values["reason"])
        if "title" in values:  # a setting's title
            values["title"] = _title_text(values["title"])
        try:
            return isolate_latin(translated.format(**values))
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
            return text
    own = QCoreApplication.translate(CONNECTOR_MESSAGES, text)
    return isolate_latin(own) if own != text else text


@cache
def _connector_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The sentences with {placeholders} the connectors' services declare (``Service``'s
    ``sentences``), each as the template and a pattern it fills in."""
    found = []
    for connector in default_registry().connectors:
        module = importlib.import_module(f"{connector.package}.{connector.manifest.module}")
        for value in vars(module).values():
            if isinstance(value, Service):
                found += [(t, _pattern(t)) for t in value.sentences if "{" in t]
    return tuple(found)


def choice_text(choice: str) -> str:
    """The English label of a Literal value: its words without underscores."""
    return choice.replace("_", " ")


_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_HAS_ARABIC = re.compile(f"[{_ARABIC}]")
_NOT_ARABIC = re.compile(f"[^{_ARABIC}]+")
_PAIRS = {")": "(", "]": "[", "}": "{"}  # closer: opener
_OPENERS = {o: c for c, o in _PAIRS.items()}
_LEADING = ":;,.—–"
RLM = "\u200f"
_TRAILING = ".:;,"


def isolate_latin(text: str) -> str:
    """Arabic text with each Latin run that has signs in it (an example, a path, an
    {{ expression }}, +9665…, a bracketed name) in a first-strong isolate, so that the
    bidirectional algorithm lays the run out left to right in one piece: otherwise a "+",
    a bracket or a final "…)" lands on the wrong side. Text without Arabic is left alone."""
    if not _HAS_ARABIC.search(text):
        return text
    isolated = _NOT_ARABIC.sub(_isolate_run, text)
    # A sentence that starts with a service's name ("Telegram: رمز البوت…") would be laid out
    # left to right by its first letter, in a label as anywhere: a right-to-left mark first.
    first_letter = re.search(f"[A-Za-z{_ARABIC}]", isolated)
    if first_letter is not None and not _HAS_ARABIC.match(first_letter.group(0)):
        return RLM + isolated
    return isolated


def _isolate_run(match: re.Match[str]) -> str:
    run = match.group(0)
    start, end = 0, len(run)
    # Leave out spaces, punctuation that joins it to the Arabic around, and brackets whose
    # other half is outside the run (they belong to the Arabic sentence).
    while start < end and _outside(run[start], run[start + 1 : end], _LEADING, _OPENERS):
        start += 1
    while end > start and _outside(run[end - 1], run[start : end - 1], _TRAILING, _PAIRS):
        end -= 1
    core = run[start:end]
    if not re.search(r"[A-Za-z0-9]", core) or re.fullmatch(r"[A-Za-z0-9 ]+", core):
        return run
    if any(core.count(o) != core.count(c) for c, o in _PAIRS.items()):
        return run
    return f"{run[:start]}\u2068{core}\u2069{run[end:]}"


def _outside(char: str, rest: str, punctuation: str, halves: dict[str, str]) -> bool:
    """Whether ``char`` at the run's edge stays out of the isolate: a space, punctuation, or a
    bracket whose other half (``halves[char]``) is not in the ``rest`` of the run."""
    if char.isspace() or char in punctuation:
        return True
    if char in _PAIRS or char in _OPENERS:
        return char not in halves or halves[char] not in rest
    return False


# Where the user's words meet the app's: a step's or flow's name, a value, an error a service
# wrote. Each goes into the sentence inside a first-strong isolate (FSI … PDI), so its own
# direction decides its letters and the sentence's decides where it sits: "Big order?" in an
# Arabic sentence stays "Big order?" instead of "?Big order", and the sentence's own ":" or "."
# stays at its end.
# Text with Arabic in it is Arabic even when it starts with a Latin word (a connector's
# sentence "Telegram: رمز البوت…"): it goes into a right-to-left isolate, else its first strong
# letter would lay it out left to right, its final "." at its start.
FSI, RLI, PDI = "\u2068", "\u2067", "\u2069"


def isolate(text: object) -> str:
    """``text`` (a name, a value, a message from elsewhere) ready to go into a UI sentence."""
    shown = "" if text is None else str(text)
    if not shown:
        return ""
    return f"{RLI if _HAS_ARABIC.search(shown) else FSI}{shown}{PDI}"


def fill(template: str, *values: object) -> str:
    """A translated ``template`` with %1, %2… replaced by ``values``, each isolated."""
    # From the highest number down, so %1 does not eat the start of %10.
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", isolate(values[number - 1]))
    return template


# Digits: Arabic-Indic (٠١٢٣) or Western (0123), one choice for every number the app writes
# (counts, step numbers, durations, dates); by default the language's own.
DIGITS_SETTING = "digits"
DIGIT_CHOICES = ("", "western", "arabic")  # "": as the language writes them
_WESTERN = "0123456789"
_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_TO_ARABIC = str.maketrans(dict(zip(_WESTERN, _ARABIC_INDIC, strict=True)))
_TO_WESTERN = str.maketrans(dict(zip(_ARABIC_INDIC, _WESTERN, strict=True)))
# A decimal point or a thousands separator between digits goes with them; other punctuation
# (the comma after a date's year) is the sentence's.
_SEPARATOR = re.compile(r"(?<=[0-9٠-٩])([.,٫٬])(?=[0-9٠-٩])")
_TO_ARABIC_SEPARATOR = {".": "٫", ",": "٬"}
_TO_WESTERN_SEPARATOR = {"٫": ".", "٬": ","}
_digit_choice = ""


def set_digits(choice: str | None) -> None:
    """``"western"``, ``"arabic"`` or ``""`` (the language's own); the app reads it at start."""
    global _digit_choice
    _digit_choice = choice if choice in DIGIT_CHOICES else ""


def digit_choice() -> str:
    return _digit_choice


def arabic_digits() -> bool:
    """Whether numbers are written in Arabic-Indic digits now."""
    if _digit_choice:
        return _digit_choice == "arabic"
    return QLocale().zeroDigit() == "٠"


def follow_digits(widget: QWidget) -> None:
    """``widget`` (a spin box, a date edit) writes and reads its numbers in the chosen digits:
    Qt's editors take theirs from their locale, not from ``digits()``. Called again on a switch."""
    if _digit_choice == "arabic":
        widget.setLocale(QLocale("ar_EG"))  # Arabic-Indic digits, ٫ as the decimal point
    elif _digit_choice == "western":
        widget.setLocale(QLocale.c())  # 0-9 and "." whatever the language
    else:
        widget.unsetLocale()  # the language's own


def digits(text: str) -> str:
    """A number the app wrote (``text`` holds no user words) in the chosen digits, with the
    separators that go with them."""
    if arabic_digits():
        text = _SEPARATOR.sub(lambda m: _TO_ARABIC_SEPARATOR.get(m[1], m[1]), text)
        return text.translate(_TO_ARABIC)
    text = _SEPARATOR.sub(lambda m: _TO_WESTERN_SEPARATOR.get(m[1], m[1]), text)
    return text.translate(_TO_WESTERN)


def number_text(value: float, decimals: int | None = None) -> str:
    """A count or measure with the language's grouping, in the chosen digits."""
    locale = QLocale()
    if decimals is None and float(value).is_integer():
        shown = locale.toString(int(value))
    else:
        shown = locale.toString(float(value), "f", 2 if decimals is None else decimals)
    return digits(shown)


def date_time_text(moment: object, pattern: str) -> str:
    """A date or time (a ``datetime``, ``date`` or ``time``) in the language's words for months
    and days, in the chosen digits."""
    locale = QLocale()
    written = locale.toString(moment, pattern)
    if locale.language() == QLocale.Language.Arabic:
        written = written.replace(",", "،")  # the patterns' own comma, in the Arabic script
    return digits(written)
