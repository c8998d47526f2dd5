"""Filling a step's params: from what the sentence said (a quote, a phone number, a #channel) or
from the fields earlier steps output ({{ trigger.customer.phone }}), by field-name similarity.

What a param holds (a phone, an e-mail, a message…) is read from the node type itself: the
value of the same key in its own output example, its description, or its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..registry import NodeType
from .entities import Entity
from .language import Language
from .names import field_title

_PHONE_VALUE = re.compile(r"^\+?\d{9,15}$")
_EMAIL_VALUE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")

# For each kind of param, the source field names that fill it, best first.
_PREFERRED = {
    "phone": ("phone", "mobile", "whatsapp", "from", "wa_id", "sender"),
    "email": ("email", "from", "sender", "reply_to"),
    "text": ("text", "body", "message", "snippet", "content", "caption"),
    "chat": ("chat_id",),
    "list": ("items", "rows", "orders", "pages", "results", "messages"),
}
# Words for a condition's subject, in both languages, and the field names they point to.
SUBJECTS = {
    "total": ("total", "amount", "price", "sum", "value"),
    "amount": ("amount", "total", "price"),
    "price": ("price", "total", "amount"),
    "sum": ("total", "amount"),
    "value": ("total", "amount", "value"),
    "مجموع": ("total", "amount"),
    "اجمالي": ("total", "amount"),
    "مبلغ": ("amount", "total", "price"),
    "قيمه": ("total", "amount", "value"),
    "سعر": ("price", "total"),
    "حساب": ("total", "amount"),
    "فاتوره": ("total", "amount"),
    "status": ("status", "financial_status"),
    "حاله": ("status", "financial_status"),
    "quantity": ("quantity", "count"),
    "كميه": ("quantity", "count"),
    "name": ("name", "customer_name"),
    "اسم": ("name", "customer_name"),
    "message": ("text", "body", "message"),
    "text": ("text", "body"),
    "رساله": ("text", "body", "message"),
    "نص": ("text", "body"),
    "subject": ("subject",),
    "عنوان": ("subject",),
    "موضوع": ("subject",),
    "email": ("email", "from"),
    "بريد": ("email", "from"),
    "currency": ("currency",),
    "عمله": ("currency",),
    "country": ("country",),
    "دوله": ("country",),
}

_MISSING = {
    "phone": ("say which phone number it goes to", "حدد رقم الهاتف الذي تُرسل إليه"),
    "email": ("say which e-mail address it goes to", "حدد البريد الإلكتروني الذي تُرسل إليه"),
    "text": ("write the message", "اكتب نص الرسالة"),
    "subject": ("write the subject", "اكتب عنوان الرسالة"),
    "channel": ("pick the channel", "اختر القناة"),
    "chat": ("enter the chat ID", "أدخل معرّف المحادثة"),
    "url": ("enter the web address (URL)", "أدخل عنوان الرابط (URL)"),
    "spreadsheet": ("pick the spreadsheet", "اختر ملف الجدول"),
    "database": ("pick the database", "اختر قاعدة البيانات"),
    "record": ("choose what to save", "اختر البيانات التي تُحفظ"),
    "condition": ("choose the value to compare", "اختر القيمة التي تُقارن"),
}


@dataclass
class Source:
    """Data an earlier step outputs: ``trigger`` or ``steps['Name'].output``."""

    expression: str
    example: Any


@dataclass
class Filled:
    params: dict[str, Any] = field(default_factory=dict)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (field, message)
    used: list[Entity] = field(default_factory=list)


def kind_of(node_type: NodeType, key: str) -> str:
    """What a param holds: phone, email, text, subject, channel, chat, url, spreadsheet, …"""
    example = node_type.manifest.output_example
    sample = example.get(key) if isinstance(example, dict) else None
    info = node_type.input_model.model_fields[key]
    about = f"{info.title or ''} {info.description or ''}".lower()
    if isinstance(sample, str) and _EMAIL_VALUE.search(sample):
        return "email"
    if isinstance(sample, str) and _PHONE_VALUE.match(sample.replace(" ", "")):
        return "phone"
    if key in ("phone", "mobile") or "phone number" in about:
        return "phone"
    if key in ("email",) or ("address" in about and "mail" in about):
        return "email"
    names = {
        "text": "text",
        "body": "text",
        "message": "text",
        "caption": "text",
        "content": "text",
        "prompt": "prompt",
        "subject": "subject",
        "channel": "channel",
        "chat_id": "chat",
        "url": "url",
        "sheet": "sheet",
        "spreadsheet_id": "spreadsheet",
        "database_id": "database",
        "values": "record",
        "properties": "record",
        "items": "list",
        "amount": "amount",
        "unit": "unit",
    }
    return names.get(key, "other")


def flatten(example: Any, prefix: str = "", depth: int = 0) -> list[tuple[str, Any]]:
    """(dotted path, value) for every field of an output example, two levels deep."""
    found: list[tuple[str, Any]] = []
    if not isinstance(example, dict) or depth > 2:
        return found
    for key, value in example.items():
        path = f"{prefix}{_accessor(str(key), not prefix)}"
        found.append((path, value))
        if isinstance(value, dict) and value:
            found.extend(flatten(value, path, depth + 1))
    return found


def _accessor(key: str, root: bool) -> str:
    if key.isidentifier():
        return key if root else f".{key}"
    return f"['{key}']"


def _looks(kind: str, value: Any) -> bool:
    if kind == "phone":
        return isinstance(value, str | int) and bool(_PHONE_VALUE.match(str(value)))
    if kind == "email":
        return isinstance(value, str) and bool(_EMAIL_VALUE.search(value))
    if kind == "text":
        return isinstance(value, str)
    if kind == "list":
        return isinstance(value, list)
    return True


def find_field(sources: list[Source], kind: str, names: tuple[str, ...] = ()) -> str | None:
    """The expression of the best-named field of ``kind`` among ``sources`` (nearest first)."""
    preferred = names or _PREFERRED.get(kind, ())
    for source in sources:
        best: tuple[int, int, str] | None = None
        for path, value in flatten(source.example):
            last = re.split(r"[.\[]", path)[-1].strip("]'").lower()
            if last == "to" or (kind in ("phone", "email") and last.endswith("_id")):
                continue  # the receiver of the trigger's message is us; an id is no address
            for rank, name in enumerate(preferred):
                if name == last or (len(name) > 3 and name in last):
                    if _looks(kind, value) and not isinstance(value, dict):
                        candidate = (rank, path.count("."), path)
                        if best is None or candidate < best:
                            best = candidate
                    break
        if best is not None:
            return "{{ " + f"{source.expression}.{best[2]}".replace(".[", "[") + " }}"
    return None


def record(sources: list[Source]) -> dict[str, str]:
    """A row of the trigger's plain fields, named for people: {"Customer name": "{{ … }}"}."""
    if not sources:
        return {}
    row = {}
    for key, value in (
        (sources[-1].example or {}).items() if isinstance(sources[-1].example, dict) else ()
    ):
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            title = str(key).replace("_", " ").strip().capitalize()
            row[title] = "{{ " + f"{sources[-1].expression}{_accessor(str(key), False)}" + " }}"
        if len(row) == 6:
            break
    return row


def missing_message(kind: str, title: str, language: Language) -> str:
    if kind in _MISSING:
        return _MISSING[kind][0 if language == "en" else 1]
    return f"fill in {title}" if language == "en" else f"املأ حقل {title}"


def fill(
    node_type: NodeType,
    entities: list[Entity],
    sources: list[Source],
    clause: str,
    language: Language,
) -> Filled:
    """Params for one step of ``node_type`` from its clause's entities and earlier outputs."""
    result = Filled()
    pool = list(entities)

    def take(*kinds: str) -> Entity | None:
        for entity in pool:
            if entity.kind in kinds:
                pool.remove(entity)
                result.used.append(entity)
                return entity
        return None

    for key, info in node_type.input_model.model_fields.items():
        kind = kind_of(node_type, key)
        value: Any = None
        if kind == "phone":
            entity = take("phone")
            value = entity.value if entity else find_field(sources, "phone")
        elif kind == "email":
            entity = take("email")
            value = entity.text if entity else find_field(sources, "email")
        elif kind == "text":
            entity = take("quote")
            value = entity.text if entity else find_field(sources, "text")
        elif kind == "prompt":
            entity = take("quote")
            text = find_field(sources, "text")
            if entity:
                value = entity.text
            elif text:
                value = f"{clause.strip()}:\n{text}"
        elif kind == "subject":
            subject = find_field(sources, "text", ("subject",))
            value = f"Re: {subject}" if subject else None
        elif kind == "channel":
            entity = take("channel")
            value = entity.text if entity else None
        elif kind == "chat":
            entity = take("chat")
            value = entity.text if entity else find_field(sources, "chat")
        elif kind == "url":
            entity = take("url")
            value = entity.text if entity else None
        elif kind == "sheet":
            entity = take("sheet")
            value = entity.text if entity else None
        elif kind == "database":
            entity = take("database")
            value = None
            if entity:
                result.missing.append((key, _named(kind, entity.text, language)))
                continue
        elif kind == "spreadsheet":
            named = next((e for e in pool if e.kind == "sheet"), None)
            if info.is_required():
                message = (
                    _named(kind, named.text, language)
                    if named
                    else missing_message(kind, "", language)
                )
                result.missing.append((key, message))
            continue
        elif kind == "record":
            value = record(sources) or None
        elif kind == "list":
            value = find_field(sources, "list")
        elif info.is_required():
            value = _same_name(sources, key)
        if value not in (None, "", {}, []):
            result.params[key] = value
        elif info.is_required():
            title = field_title(node_type, key, language)
            result.missing.append((key, missing_message(kind, title, language)))
    return result


def _named(kind: str, name: str, language: Language) -> str:
    if language == "en":
        return f"{missing_message(kind, '', language)} you called '{name}'"
    return f"{missing_message(kind, '', language)} المسمّى «{name}»"


def _same_name(sources: list[Source], key: str) -> str | None:
    for source in sources:
        if isinstance(source.example, dict) and key in source.example:
            return "{{ " + f"{source.expression}{_accessor(key, False)}" + " }}"
    return None
