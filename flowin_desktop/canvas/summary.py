"""The one line a step's card shows about what it does, made from the summary its node type
declares (``"summary": ["Send WhatsApp to {to}", ...]`` in the connector's manifest) and the
step's settings, in the user's language."""

from __future__ import annotations

import re
import string
from typing import Any

from PySide6.QtCore import QCoreApplication

from flowin_engine.model import Node
from flowin_engine.registry import NodeType

from ..i18n import NODE_TYPES, choice_label, counted_choice, isolate_latin, node_type_name
from ..readable import humanize, reference_parts

_COUNTED = re.compile(r"count\((\w+)\)")
_EXPRESSION = re.compile(r"\{\{(.*?)\}\}|\{%.*?%\}", re.DOTALL)
_NAME = re.compile(r"""['"]([^'"]+)['"]|([A-Za-z_][A-Za-z0-9_]*)""")
# Words of a reference that say where the data comes from, not what it is.
_PLUMBING = {"trigger", "steps", "output", "input", "json", "loop", "item", "now", "execution_id"}


class _Unfilled(Exception):
    """A setting a summary line names is empty: the next line is tried."""


def summarize(node: Node, node_type: NodeType | None) -> str:
    """What the step does, in one line: the first of its type's summary lines whose settings
    are all filled in; the type's name when none is."""
    if node_type is None:
        return node.type
    for line in node_type.manifest.summary:
        template = QCoreApplication.translate(NODE_TYPES, line)
        try:
            settings = _Settings(node.params)
            text = _Formatter(settings).vformat(template, (), settings)
        except _Unfilled:
            continue
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
            continue
        return isolate_latin(" ".join(text.split()))
    if not node_type.manifest.summary:
        # A connector that declares no summary: its first setting that reads — not the chosen
        # account, whose value is an internal id a shop owner never sees.
        for key, value in node.params.items():
            if _is_account_choice(node_type, key):
                continue
            text = readable(value)
            if text:
                return isolate_latin(text)
    return node_type_name(node_type)


def _is_account_choice(node_type: NodeType, key: str) -> bool:
    field = node_type.input_model.model_fields.get(key)
    extra = field.json_schema_extra if field is not None else None
    return isinstance(extra, dict) and extra.get("widget") == "connection"


class _Settings(dict[str, Any]):
    def __missing__(self, key: str) -> Any:
        raise _Unfilled(key)


class _Formatter(string.Formatter):
    def __init__(self, settings: _Settings) -> None:
        super().__init__()
        self.settings = settings

    def get_field(self, field_name: str, args: Any, kwargs: Any) -> Any:
        try:
            value, used = super().get_field(field_name, args, kwargs)
        except (KeyError, IndexError, TypeError) as missing:  # no such item in the setting
            raise _Unfilled(field_name) from missing
        return value, used

    def format_field(self, value: Any, format_spec: str) -> str:
        # "{mode:=cron}…": the line is for one choice of a setting only (a schedule by cron
        # expression reads otherwise than one every 15 minutes); it shows nothing itself.
        if format_spec.startswith("="):
            if value != format_spec[1:]:
                raise _Unfilled(format_spec)
            return ""
        # "{every:count(unit)}": a number of the units another setting chooses, in the plural
        # form the number takes ("1 minute", "15 minutes"; Arabic has six such forms).
        counted = _COUNTED.fullmatch(format_spec)
        if counted:
            unit = self.settings.get(counted.group(1))
            if not isinstance(unit, str) or isinstance(value, bool):
                raise _Unfilled(format_spec)
            try:
                number = int(value)
            except (TypeError, ValueError) as not_a_number:
                raise _Unfilled(format_spec) from not_a_number
            if number != value:  # 1.5 hours: no plural form fits a fraction, say it plainly
                return f"{readable(value)} {choice_label(unit)}"
            return counted_choice(unit, number)
        # "{unit:choice}": the setting is one of its type's choices, shown in the user's words.
        if format_spec == "choice" and isinstance(value, str) and value:
            return choice_label(value)
        text = readable(value)
        if not text:
            raise _Unfilled(repr(value))
        return text


def readable(value: Any) -> str:
    """A setting as a shop owner reads it: ``{{ trigger.customer.phone }}`` as ‹Phone›, a list
    as its items, the first line of a text."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        parts = [readable(item) for item in value]
        return ", ".join(p for p in parts if p)
    if isinstance(value, dict):
        # An item of a list setting (a field, a case): the first of its values that reads.
        return next((text for text in map(readable, value.values()) if text), "")
    text = str(value).strip()
    if not text:
        return ""
    text = _EXPRESSION.sub(lambda m: _reference(m.group(1) or ""), text)
    return text.strip().splitlines()[0] if text.strip() else ""


def _reference(expression: str) -> str:
    """What an ``{{ expression }}`` reads, named as the data tree and a field's chip name it
    (its last part: a card has one line); for more than a path, its last word that is not
    plumbing."""
    parts = reference_parts(expression, None)
    if parts is not None and len(parts) > 1:
        return f"‹{parts[-1]}›"
    names = [quoted or plain for quoted, plain in _NAME.findall(expression)]
    wanted = [n for n in names if n not in _PLUMBING]
    if not wanted:
        return "‹…›"
    return f"‹{humanize(wanted[-1])}›"
