"""One way to read a reference: ``{{ trigger.customer.phone }}`` as "New order › Customer ›
Phone", a data key as words. The data tree, the reference chips in fields, the AI proposal
cards, the Last run table and the canvas cards all name data with these."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

CONTEXT = "DataTree"  # where these words were first translated
FIELDS_CONTEXT = "DataFields"  # the data keys' labels
SEPARATOR = " › "  # mirrored by the bidi algorithm in a right-to-left paragraph


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


_STEP_ROOT = re.compile(r"steps\[(?P<q>['\"])(?P<name>(?:\\.|(?!(?P=q)).)*)(?P=q)\]\.output")
_PART = re.compile(
    r"\.(?P<key>[A-Za-z_]\w*)|\[(?P<index>\d+)\]|\[(?P<q>['\"])(?P<quoted>.*?)(?P=q)\]"
)


def humanize(key: str) -> str:
    """A data key as a label: customer_name → Customer name (اسم العميل in Arabic, for the keys
    the services' data share; any other key, a sheet's own column, as its words)."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", key).replace("_", " ").strip()
    label = words[:1].upper() + words[1:] if words else key
    return QCoreApplication.translate(FIELDS_CONTEXT, label)


def reference_parts(expression: str, trigger_name: str | None) -> list[str] | None:
    """The readable parts of a plain reference (``trigger.customer.phone`` →
    [trigger's name, Customer, Phone]); None for anything more than a path."""
    text = expression.strip()
    if text.startswith("loop.item"):
        parts, rest = [_tr("This item")], text[len("loop.item") :]
    elif text.startswith("trigger"):
        parts, rest = [trigger_name or _tr("Trigger")], text[len("trigger") :]
    elif text.startswith("input"):
        parts, rest = [_tr("This step's input")], text[len("input") :]
    else:
        root = _STEP_ROOT.match(text)
        if root is None:
            return None
        parts, rest = [root.group("name").replace("\\'", "'")], text[root.end() :]
    position = 0
    while position < len(rest):
        part = _PART.match(rest, position)
        if part is None:
            return None
        if part.group("index") is not None:
            parts.append(_tr("item %1").replace("%1", str(int(part.group("index")) + 1)))
        else:
            parts.append(humanize(part.group("key") or part.group("quoted")))
        position = part.end()
    return parts


TEMPLATE = re.compile(r"\{\{\s*(.*?)\s*\}\}", re.DOTALL)


def readable_reference(expression: str, trigger_name: str | None) -> str:
    """A reference's readable name ("New order › Customer › Phone"); anything more than a path
    as it is written."""
    parts = reference_parts(expression, trigger_name)
    return SEPARATOR.join(parts) if parts else expression.strip()


def segments(text: str, trigger_name: str | None) -> list[tuple[str, bool]]:
    """``text`` cut into (plain text, False) and (readable reference, True) pieces."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in TEMPLATE.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((readable_reference(match.group(1), trigger_name), True))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces
