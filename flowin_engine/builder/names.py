"""The names the builder gives steps and fields, in the user's language.

Connectors declare their words in English and keep their translations beside them
(``connectors/<id>/translations/<id>_<language>.ts``, the files the desktop compiles into its
.qm). The engine has no Qt, so it reads those files itself: a step the builder adds in Arabic is
called by its Arabic display name, as the palette shows it. A word without a translation stays
as the connector declares it.
"""

from __future__ import annotations

import functools
import logging
import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING

from ..registry import Connector, NodeType

if TYPE_CHECKING:
    from .language import Language

log = logging.getLogger(__name__)

NODE_TYPES = "NodeTypes"
NODE_FIELDS = "NodeFields"


def display_name(node_type: NodeType, language: Language) -> str:
    """A node type's name as the palette shows it in ``language``."""
    return _translated(node_type.connector, language, NODE_TYPES, node_type.name)


def field_title(node_type: NodeType, key: str, language: Language) -> str:
    """A field's title as the properties panel shows it in ``language``."""
    return _translated(node_type.connector, language, NODE_FIELDS, node_type.field_title(key))


# (context, English) -> the translation, or "" when it has none.
Words = Callable[[str, str], str]
_more_words: dict[str, list[Words]] = {}


def add_words(language: Language, words: Words) -> None:
    """Words of ``language`` kept elsewhere than in a connector's own file: the app registers
    the ones several connectors share ("Message", "To")."""
    _more_words.setdefault(language, []).append(words)


def shared_word(language: str, context: str, text: str) -> str:
    """``text`` in ``language`` from the words the app registered (``add_words``); "" when it
    has none (no app: ``flowin serve``, say)."""
    for words in _more_words.get(language, []):
        found = words(context, text)
        if found:
            return found
    return ""


def _translated(connector: Connector, language: Language, context: str, text: str) -> str:
    if language == "en":
        return text
    own = words_file(connector.package, connector.id, language).get((context, text))
    if own:
        return own
    for words in _more_words.get(language, []):
        shared = words(context, text)
        if shared:
            return shared
    return text


@functools.cache
def words_file(package: str, connector_id: str, language: str) -> dict[tuple[str, str], str]:
    """(context, English) -> translation, from ``<package>/translations/<id>_<language>.ts``
    (a connector's own file, or another part of the engine's); empty without one."""
    try:
        path = resources.files(package).joinpath("translations", f"{connector_id}_{language}.ts")
        if not path.is_file():
            return {}
        root = ET.fromstring(path.read_bytes())
    except (OSError, ET.ParseError, ModuleNotFoundError) as error:
        log.warning("No %s words for the connector %s: %s", language, connector_id, error)
        return {}
    found = {}
    for element in root.iter("context"):
        name = element.findtext("name") or ""
        for message in element.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            if translation.text:
                found[(name, message.findtext("source") or "")] = translation.text
    return found
