"""Filling a step's params: from what the sentence said (a quote, a phone number, a #channel) or
from the fields earlier steps output ({{ trigger.customer.phone }}), by field-name similarity.

What a param holds (a phone, an e-mail, a message…) is read from the node type itself: the
value of the same key in its own output example, its description, or its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal, get_args, get_origin

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
    # A reply's recipient is whoever sent what came in (Instagram & Messenger's sender_id).
    "recipient": ("sender_id", "sender"),
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
    # a record's state said as an adjective ("paid", "cash on delivery"): entities.py
    "payment_status": ("payment_status", "financial_status"),
    "payment_method": ("payment_method", "gateway"),
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
    """Data an earlier step outputs: ``trigger`` or ``steps['Name'].output``; ``node_type``
    is the step's own, when known."""

    expression: str
    example: Any
    node_type: NodeType | None = None


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
    # an e-mail's own id ("<172@example.com>") looks like an address and is none
    is_id = key == "id" or key.endswith("_id")
    if isinstance(sample, str) and _EMAIL_VALUE.search(sample) and not is_id:
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
        "recipient_id": "recipient",
        "url": "url",
        "sheet": "sheet",
        "spreadsheet_id": "spreadsheet",
        "database_id": "database",
        "values": "record",
        "properties": "record",
        "items": "list",
        "amount": "amount",
        "unit": "unit",
        "list_name": "list_name",
        "table": "table",
        "template": "template",
        "workbook": "workbook",
        "within": "ahead",
        "calendar_id": "calendar",
        "board": "board",
        "duration_minutes": "length",
        "slot_minutes": "length",
        "days": "span",
        "column": "match",
        "currency": "currency",
        "cc": "cc",
        "tags": "tag",
        "key_column": "key",
    }
    if key == "add" and "label" in about:
        return "label"
    if (
        key in _SAID_IN_A_WORD
        and not _choices(node_type, key)
        and (key != "status" or info.annotation is int)
    ):
        return key  # a status code, a template's language: read in fill
    if _DOES.search(info.description or ""):
        return "does"  # "UNREAD (marks it read)": a value named by what it does
    if key == "search":
        return "search"
    if key in ("buttons", "rows", "options", "choices"):
        return "choices"
    if key == "query" and node_type.connector.id == "gmail":
        return "mail_query"
    if key == "name" and info.is_required():
        return "title"
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
            if path.startswith("headers"):
                continue  # how a request came (its content type), not what it says
            if last == "to" or (kind in ("phone", "email", "text") and last.endswith("_id")):
                # the receiver of the trigger's message is us; an id is no address, and no
                # words to send on ("message_id" of the e-mail just sent)
                continue
            for rank, name in enumerate(preferred):
                if name == last or (len(name) > 3 and name in last):
                    if _looks(kind, value) and not isinstance(value, dict):
                        # "status" is the status itself before "payment_status" holding it
                        candidate = (rank, path.count(".") + (name != last), path)
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
    example = sources[-1].example if isinstance(sources[-1].example, dict) else {}
    expression = sources[-1].expression
    if isinstance(example.get("body"), dict) and example["body"]:
        # A request's data is its body; its method and path say how it came, not what.
        example, expression = example["body"], f"{expression}.body"
    plain = [
        (key, position)
        for position, (key, value) in enumerate(example.items())
        if isinstance(value, str | int | float)
        and not isinstance(value, bool)
        and not _bookkeeping(str(key))
    ]
    # What a shop keeps of an order or a payment first (who, how much), then the rest in order.
    plain.sort(key=lambda item: (_KEPT_FIRST.get(str(item[0]), len(_KEPT_FIRST)), item[1]))
    for key, _ in plain[:6]:
        title = str(key).replace("_", " ").strip().capitalize()
        row[title] = "{{ " + f"{expression}{_accessor(str(key), False)}" + " }}"
    return row


# A delivery's own bookkeeping: which event, which topic, a status's code beside its words.
_BOOKKEEPING = frozenset({"event", "event_id", "event_type", "topic", "live", "pending"})
_KEPT_FIRST = {
    name: rank
    for rank, name in enumerate(
        (
            "order_number",
            "reference_id",
            "number",
            "order_reference",
            "customer_name",
            "card_name",
            "phone",
            "customer_phone",
            "email",
            "customer_email",
            "total",
            "total_price",
            "amount",
            "currency",
            "description",
            "status",
        )
    )
}


def _bookkeeping(key: str) -> bool:
    return key in _BOOKKEEPING or key.endswith("_slug")


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
        to_me = kind in ("phone", "email") and not any(e.kind == kind for e in pool)
        if to_me and _TO_ME.search(clause):
            # "text me", "ابعتلي": the user's own number, which no earlier step knows
            result.missing.append((key, _OWN[kind][0 if language == "en" else 1]))
            continue
        assigned = _assigned(clause) if key in _UPDATED and "update" in node_type.type else None
        if assigned is not None:
            result.params[key] = assigned  # the field said, not every field the event had
            continue
        if kind == "phone":
            entity = take("phone")
            value = entity.value if entity else find_field(sources, "phone")
        elif kind == "email":
            entity = take("email")
            value = entity.text if entity else find_field(sources, "email")
        elif kind == "text":
            entity = take("quote")
            if entity is None and "url" not in node_type.input_model.model_fields:
                entity = take("url")  # "reply with https://shop.com/menu": the link is the text
            back = _to_the_trigger(node_type, result.params)
            value = entity.text if entity else _passed_on_text(sources, clause, back)
            described = _DESCRIBED.search(clause) if value is None else None
            if described is not None and (
                described.group("saying") or described.group("saying_ar")
            ):
                value = described.group("what").strip()  # "saying good morning team": its words
            elif described is not None and info.is_required():
                # "reply with our opening hours": what to say is the user's to write; echoing
                # the message that came in, or inventing the hours, would be a wrong default.
                result.missing.append((key, _described(described.group("what"), language)))
                continue
        elif kind == "prompt":
            entity = take("quote")
            text = find_field(sources, "text")
            if entity:
                value = entity.text
            elif text:
                value = f"{clause.strip()}:\n{text}"
        elif kind == "subject":
            entity = take("subject")
            subject = find_field(sources, "text", ("subject",))
            value = entity.text if entity else (f"Re: {subject}" if subject else None)
        elif kind == "channel":
            entity = take("channel")
            value = entity.text if entity else None
        elif kind == "chat":
            entity = take("chat")
            value = entity.text if entity else find_field(sources, "chat")
        elif kind == "recipient":
            value = find_field(sources, "recipient")
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
        elif kind in _NAMED_FIELDS:
            wanted = [_NAMED_FIELDS[kind]]
            if kind == "table" and "base" in node_type.input_model.model_fields:
                wanted.append("sheet")  # "Airtable جدول Clients": the base's table
            entity = take(*wanted)
            value = entity.text if entity else None
            if kind == "label" and value:
                value = [value]
        elif kind == "title":
            entity = take("quote")
            value = entity.text if entity else None
        elif kind == "amount":
            entity = take("money")
            if entity is not None:
                result.params[key] = entity.value["amount"]
                currency = entity.value.get("currency")
                if currency and "currency" in node_type.input_model.model_fields:
                    result.params["currency"] = currency
                continue
        elif kind == "calendar":
            entity = take("calendar")  # "كالندر العيادة clinic@x.com"; else the step's own default
            value = entity.text if entity else None
        elif kind == "board":
            entity = next(
                (e for e in pool if e.kind == "url" and _TRELLO_BOARD.search(e.text)), None
            )
            if entity is not None:
                pool.remove(entity)
                result.used.append(entity)
            value = entity.text if entity else None
        elif kind in ("length", "span"):
            entity = take(kind)
            value = entity.value if entity else None
        elif kind == "match" and "value" in node_type.input_model.model_fields:
            entity = take("match")  # "rows where Status is Pending": the column and its value
            if entity is not None:
                result.params.update(entity.value)
                continue
        elif kind == "currency":
            if key in result.params:
                continue  # said with the amount ("250 KWD")
            entity = take("currency")
            value = entity.value if entity else None
        elif kind in _SAID_IN_A_WORD:
            value = _SAID_IN_A_WORD[kind](clause)
        elif kind == "cc":
            entity = take("cc")
            value = entity.text if entity else None
        elif kind == "choices":
            entity = take("choices")
            value = list(entity.value) if entity else None
        elif kind == "mail_query":
            value = _mail_query(clause)
        elif key == "read_attachments" and _ATTACHED.search(clause):
            value = True  # "an email with an attachment": what follows works with the file
        elif kind == "does":
            value = _value_that_does(info.description or "", clause)
        elif kind == "search":
            entity = take("quote")  # "an event with the word 'checkup'": the words it has
            value = entity.text if entity else None
        elif kind == "ahead":
            entity = take("ahead")
            if entity is not None:
                result.params.update(entity.value)
                continue
        elif kind == "other" and key not in result.params:
            value = _choice_said(node_type, key, clause)
            if value is None and info.is_required():
                value = _same_name(sources, key) or _trigger_id(node_type, key, sources)
        elif kind == "record":
            value = record(sources) or None
        elif kind == "list":
            value = find_field(sources, "list")
        elif info.is_required():
            value = _same_name(sources, key)
        if key in result.params:
            continue  # set with another field ("1 hour before": within and its unit)
        if value not in (None, "", {}, []):
            result.params[key] = value
        elif info.is_required():
            title = field_title(node_type, key, language)
            result.missing.append((key, missing_message(kind, title, language)))
    return result


_TRELLO_BOARD = re.compile(r"trello\.com/b/", re.IGNORECASE)
# "respond with 201", "رد عليه ب 200": the status code of a webhook's answer.
_STATUS_CODE = re.compile(
    r"(?:\b(?:with|status|code)|(?<!\S)(?:ب|بكود|كود|بـ))\s*(?:code\s+)?(?P<code>[1-5]\d\d)(?!\d)",
    re.IGNORECASE,
)


# "update the record status to Contacted", "set its Stage to Doing": one field and its value.
_ASSIGNED = re.compile(
    r"\b(?:set|update|change|mark|put)\s+(?:(?:the|its|their|his|her|this|that)\s+)?"
    r"(?:(?:airtable|notion|sheet|sheets)\s+)?(?:(?:record|row|page|entry|lead|item)(?:'s)?\s+)?"
    r"(?P<field>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+(?:to|as)\s+"
    r"(?P<value>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|[a-z][\w-]*)"
)
_UPDATED = ("fields", "values", "properties")
_NOT_FIELDS = frozenset(["it", "them", "the record", "the row", "record", "row", "page"])


def _assigned(clause: str) -> dict[str, str] | None:
    said = _ASSIGNED.search(clause)
    if said is None or said.group("field").lower() in _NOT_FIELDS:
        return None
    field = said.group("field")
    return {field[:1].upper() + field[1:]: said.group("value")}


def _status_code(clause: str) -> int | None:
    said = _STATUS_CODE.search(clause)
    return int(said.group("code")) if said else None


# The language a template is written in: "in Arabic", "باللغة العربية", "بالانجليزي". Arabic
# has one code; English is en_US, as the step has it unless told.
_IN_ARABIC = re.compile(
    r"\bin\s+arabic\b|(?<!\S)(?:باللغه\s+العربيه|بالعربي|بالعربيه|عربي)(?!\S)", re.IGNORECASE
)
_IN_ENGLISH = re.compile(
    r"\bin\s+english\b|(?<!\S)(?:باللغه\s+الانجليزيه|بالانجليزي|بالانجليزيه|بالانجليش|انجليزي)(?!\S)",
    re.IGNORECASE,
)


def _language_said(clause: str) -> str | None:
    arabic, english = _IN_ARABIC.search(clause), _IN_ENGLISH.search(clause)
    if bool(arabic) == bool(english):
        return None  # neither, or both: the step's own (or the builder's) choice stands
    return "ar" if arabic else "en_US"


_SAID_IN_A_WORD = {
    "status": _status_code,
    "language": _language_said,
}


_FROM_ADDRESS = re.compile(
    r"(?:\bfrom|(?<!\S)من|(?<!\S)م)\s+(?P<address>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
)
_ATTACHED = re.compile(
    r"\b(?:attach(?:ed|ment|ments)|with\s+an?\s+(?:pdf|file|invoice)\s+attached)\b|مرفق|مرفقات|اتاشمنت",
    re.IGNORECASE,
)


# A field's description that names values by what they do: "e.g. UNREAD (marks it read) or
# INBOX (archives it)".
_DOES = re.compile(r"\b(?P<value>[A-Z][A-Z_]+)\s+\((?P<does>[a-z][a-z ]+)\)")
# Arabic for what such a value does, its English verb's object or verb as key.
_DOES_AR = {
    "read": r"(?<!غير )(?<!مش )(?:مقروء|مقروءه|مقروءة|كمقروء|مقري|اتقرت)",
    "archives": r"(?:ارشف|ارشفه|ارشفها|ارشيف|الارشيف)",
}


def _value_that_does(description: str, clause: str) -> list[str] | None:
    """The values a clause asks for by what they do, as the field's description names them:
    "mark it read" is UNREAD removed, "archive it" INBOX removed; "unread" is not "read"."""
    lowered = clause.lower()
    found = []
    for match in _DOES.finditer(description):
        words = match.group("does").split()  # "marks it read", "archives it"
        verb, last = words[0].rstrip("s")[:5], words[-1]
        if last in ("it", "them"):
            said = rf"\b{verb}\w*\b"
        else:
            said = rf"\b{verb}\w*\s+(?:\w+\s+){{0,2}}?(?:as\s+)?{last}\b"
        arabic = _DOES_AR.get(last if last not in ("it", "them") else words[0])
        if re.search(said, lowered) or (arabic and re.search(arabic, clause)):
            found.append(match.group("value"))
    return found or None


def _mail_query(clause: str) -> str | None:
    """A Gmail search for the mails the event is about: "from bank@x.com", "with an
    attachment" (from:bank@x.com has:attachment); None when the clause narrows nothing."""
    parts = []
    sender = _FROM_ADDRESS.search(clause)
    if sender is not None:
        parts.append(f"from:{sender.group('address')}")
    if _ATTACHED.search(clause):
        parts.append("has:attachment")
    return " ".join(parts) or None


# Fields filled by a name the sentence gives: the kind of entity that holds it.
_NAMED_FIELDS = {
    "tag": "tag",
    "list_name": "list",
    "table": "table",
    "template": "template",
    "workbook": "workbook",
    "label": "label",
    "key": "key",
}
# Words for a choice's values other than the value itself ("ماسنجر" is Messenger, "الملغية"
# cancelled): each names the values it may be, the step takes the one among its own. Longer
# words are read first, so "غير مدفوع" (unpaid) is not also "مدفوع" (paid).
_CHOICE_WORDS: dict[str, tuple[str, ...]] = {
    "ماسنجر": ("messenger",),
    "مسنجر": ("messenger",),
    # a message to a Facebook page comes by Messenger
    "facebook": ("messenger",),
    "fb": ("messenger",),
    "فيسبوك": ("messenger",),
    "فيس بوك": ("messenger",),
    "فيس": ("messenger",),
    "انستجرام": ("instagram",),
    "انستا": ("instagram",),
    "انستقرام": ("instagram",),
    "انستغرام": ("instagram",),
    "insta": ("instagram",),
    # the kind of file a message carries
    "pdf": ("document",),
    "document": ("document",),
    "photo": ("image",),
    "photos": ("image",),
    "picture": ("image",),
    "pic": ("image",),
    "صوره": ("image",),
    "صور": ("image",),
    "فيديو": ("video",),
    "voice note": ("audio",),
    "فويس": ("audio",),
    "تسجيل صوتي": ("audio",),
    "in progress": ("in_progress",),
    "on hold": ("on-hold",),
    "cancelled": ("cancelled", "canceled"),
    "canceled": ("canceled", "cancelled"),
    "cancel": ("cancelled", "canceled"),
    "fails": ("failed",),
    "fail": ("failed",),
    # a message sent back undelivered
    "bounces": ("failed",),
    "bounce": ("failed",),
    "bounced": ("failed",),
    "out for delivery": ("delivering", "indelivery"),
    "in delivery": ("indelivery", "delivering"),
    # Arabic, as normalize writes it
    "جاري التجهيز": ("preparing",),
    "قيد التجهيز": ("preparing",),
    "تحت التجهيز": ("preparing",),
    "التجهيز": ("preparing",),
    "قيد التنفيذ": ("in_progress", "processing"),
    "جاري التنفيذ": ("in_progress", "processing"),
    "تحت التنفيذ": ("in_progress", "processing"),
    "قيد المعالجه": ("processing", "in_progress"),
    "جاري المعالجه": ("processing", "in_progress"),
    # "the new orders" of a store whose orders have a status "new" (Zid): those
    "new": ("new",),
    "جديد": ("new",),
    "جديده": ("new",),
    "مفتوح": ("open",),
    "مفتوحه": ("open",),
    "ملغايه": ("cancelled", "canceled"),
    "ملغيين": ("cancelled", "canceled"),
    # a message read by whoever got it: "reads it", "is seen", "تتقرا", "شافها"
    "reads": ("read",),
    "seen": ("read",),
    "sees": ("read",),
    "تتقرا": ("read",),
    "تنقرا": ("read",),
    "اتقرا": ("read",),
    "قراءه": ("read",),
    "شافها": ("read",),
    "شافت": ("read",),
    "شافوها": ("read",),
    "يقراها": ("read",),
    "تقراها": ("read",),
    "قرا": ("read",),
    "قراها": ("read",),
    "قرات": ("read",),
    "قري": ("read",),
    "يقرا": ("read",),
    "تقرا": ("read",),
    "اتقرت": ("read",),
    "انقرت": ("read",),
    "ملغي": ("cancelled", "canceled"),
    "ملغيه": ("cancelled", "canceled"),
    "ملغاه": ("cancelled", "canceled"),
    "الغاء": ("cancelled", "canceled"),
    "الغي": ("cancelled", "canceled"),
    "الغيه": ("cancelled", "canceled"),
    "الغيها": ("cancelled", "canceled"),
    "اتلغي": ("cancelled", "canceled"),
    "اتلغت": ("cancelled", "canceled"),
    "تم التوصيل": ("delivered",),
    "تم التسليم": ("delivered",),
    "اتسلم": ("delivered",),
    "اتسلمت": ("delivered",),
    "مسلمه": ("delivered",),
    "تم توصيله": ("delivered",),
    "تم توصيلها": ("delivered",),
    "قيد التوصيل": ("delivering", "indelivery"),
    "جاري التوصيل": ("delivering", "indelivery"),
    "مع المندوب": ("delivering", "indelivery"),
    "اتشحن": ("shipped",),
    "اتشحنت": ("shipped",),
    "تم الشحن": ("shipped",),
    "مشحون": ("shipped",),
    "مشحونه": ("shipped",),
    "مكتمل": ("completed",),
    "مكتمله": ("completed",),
    "اكتمل": ("completed",),
    "غير مدفوع": ("unpaid",),
    "غير مدفوعه": ("unpaid",),
    "مش مدفوع": ("unpaid",),
    "مش مدفوعه": ("unpaid",),
    "مدفوع": ("paid",),
    "مدفوعه": ("paid",),
    "مسترجع": ("refunded",),
    "مسترجعه": ("refunded",),
    "مرتجع": ("refunded",),
    "فشل": ("failed",),
    "فشلت": ("failed",),
    # the present, bare and with the Levantine/Egyptian "ب": "الرسايل اللي بتفشل"
    "يفشل": ("failed",),
    "تفشل": ("failed",),
    "بيفشل": ("failed",),
    "بتفشل": ("failed",),
    # a message that did not arrive or did not go: Egyptian, Gulf/Levantine, MSA
    "ما وصلتش": ("failed",),
    "موصلتش": ("failed",),
    "ماوصلتش": ("failed",),
    "ما وصلت": ("failed",),
    "ما اتبعتتش": ("failed",),
    "مااتبعتتش": ("failed",),
    "ما انبعتت": ("failed",),
    "لم تصل": ("failed",),
    "لم يتم ارسالها": ("failed",),
}

# The Arabic words of a state a record (an order, a message) can be given: what "to" stands
# before in "حولها لجاري التجهيز" (turn them to preparing). Longest first, as the choices are.
_NOT_STATES = frozenset(["instagram", "messenger", "document", "image", "video", "audio"])
STATE_WORDS: tuple[str, ...] = tuple(
    sorted(
        (
            word
            for word, values in _CHOICE_WORDS.items()
            if not word.isascii() and not set(values) & _NOT_STATES
        ),
        key=len,
        reverse=True,
    )
)


# "didn't get delivered": the value said is the one that did not happen.
_NEGATED = re.compile(
    r"\b(?:not|never|didnt|didn|doesnt|doesn|isnt|isn|wasnt|wasn|no)\b(?:\s+\S+)?\s*$"
)
_WORD_EDGE = r"(?![\w\u0621-\u064a])"
# a preposition or "and" written onto the word: "فالانستغرام", "والانستقرام", "للماسنجر"
_PREFIXES = r"(?<![\w\u0621-\u064a])(?:وبال|فال|وال|بال|عال|لل|ال|ع|ب|ل|ف|و|في)?"
# Values a failure stands for when the one said did not happen ("wasn't delivered").
_FAILURE_VALUES = ("failed",)


def _choice_said(node_type: NodeType, key: str, clause: str) -> str | None:
    """A field with a fixed list of values (a status, a source) set to the one value the clause
    names ("pending orders", "a message on Messenger", "mark it completed"), even when it is
    the field's default: what the user said is what the step shows. A value of three letters
    or fewer counts only written as the value is ("GET", never "get the orders"). A value said
    not to happen ("wasn't delivered") is the failure, when the field has one. None when the
    clause names none or several."""
    choices = _choices(node_type, key)
    if not choices:
        return None
    lowered = " " + " ".join(re.findall(r"[\w\u0621-\u064a-]+", clause.lower())) + " "
    said = set()
    for choice in choices:
        if len(choice) < 4:
            if choice.isupper() and re.search(rf"(?<!\w){re.escape(choice)}(?!\w)", clause):
                said.add(choice)
            continue
        choice_said = choice.lower()
        spoken = choice_said.replace("_", " ").replace("-", " ")
        at = max(lowered.replace("-", " ").find(f" {spoken} "), lowered.find(f" {choice_said} "))
        if at < 0:
            continue
        if not _NEGATED.search(lowered[max(0, at - 24) : at + 1]):
            said.add(choice)
        else:
            said.update(value for value in _FAILURE_VALUES if value in choices)
    text = clause.lower()
    for word in sorted(_CHOICE_WORDS, key=len, reverse=True):
        found = re.search(_PREFIXES + re.escape(word) + _WORD_EDGE, text)
        if found is None:
            continue
        text = text[: found.start()] + " " + text[found.end() :]  # "غير مدفوع" is not "مدفوع"
        choice = next((value for value in _CHOICE_WORDS[word] if value in choices), None)
        if choice is not None:
            said.add(choice)
    failed = said & set(_FAILURE_VALUES)
    if failed and len(said) > 1:
        said = failed  # "a message I sent fails": it failed; "sent" says which message
    return said.pop() if len(said) == 1 else None


def _choices(node_type: NodeType, key: str) -> tuple[str, ...]:
    annotation = node_type.input_model.model_fields[key].annotation
    if get_origin(annotation) is Literal:
        return tuple(str(value) for value in get_args(annotation))
    return ()


# The user as the one a message goes to: "email me", "notify us", "ابعتلي", "بلغني".
_TO_ME = re.compile(
    r"\b(?:me|myself|us)\b(?!\s+(?:know|a copy))"
    r"|(?<!\S)(?:لي|ليا|لنا|عليا)(?!\S)"
    r"|(?<!\S)\S{2,}(?:تلي|تولي|هولي|هالي|تلنا)(?!\S)"
    r"|(?<!\S)(?:و|ف)?(?:بلغني|ابلغني|نبهني|كلمني|راسلني|خبرني|علمني|ذكرني|فكرني|عرفني|طمني|"
    r"بلغنا|نبهنا|خبرنا|يوصلني|توصلني|يجيني|تجيني)(?!\S)",
    re.IGNORECASE,
)
_OWN = {
    "phone": ("enter your own phone number", "أدخل رقم هاتفك أنت"),
    "email": ("enter your own e-mail address", "أدخل بريدك الإلكتروني أنت"),
}
# "Forward it", "send them the message", "ابعتها": the text that came in is what goes on.
_PASSES_ON = re.compile(
    # "that" as what it points at ("forward that"), not as the start of what to say ("reply
    # that an agent will call")
    r"\b(?:forward\w*|it|them|this|that(?!\s+(?:an?|the|we|i|you|they|he|she|our|your|someone|"
    r"somebody|it|it's|its|there)\b)|its|the (?:message|e-?mail|text|sms|answer|reply|summary|"
    r"result|row|order|details)s?|copy|same)\b"
    r"|(?<!\S)(?:حول|حوله|حولها|ابعته|ابعتها|ابعتهولي|ارسله|ارسلها|انقله|انقلها|نفس|الرساله|"
    r"الايميل|المسج|الملخص|النتيجه|التفاصيل)(?!\S)"
    # an order with the message as its object: "ابعته", "حوّلها", "ابعتهولي"
    r"|(?<!\S)(?:و|ف)?(?:ابعت|ارسل|حول|انقل|انشر|ابعث|صيفط|دز|طرش)(?:ه|ها|هم|هولي|هالي|هالنا)(?!\S)",
    re.IGNORECASE,
)
# What the message should say, described rather than quoted: "reply with our opening hours".
_DESCRIBED = re.compile(
    r"(?:\b(?:with|(?P<saying>saying|that says|telling (?:them|him|her|me)))\s+"
    r"|(?<!\S)(?:(?P<saying_ar>يقول|تقول|تقول فيها|يقول فيها)|فيها|فيه)\s+"
    # "رد عليه بقائمة الأسعار": reply (to him) with the price list
    r"|(?<!\S)(?:و)?(?:رد|ردي|جاوب|يرد|ترد|يترد|تترد|ينرد)(?:\s+(?:عليه|عليها|عليهم|له|لها|لهم))?"
    r"(?:\s+(?:اوتوماتيك|اوتوماتيكي|تلقائيا|على طول|علطول|فورا|automatic))?\s+ب(?=\S{2}))"
    r"(?P<what>(?:(?!\b(?:on|in|to|at)\b)[^,;]){3,60})$",
    re.IGNORECASE,
)


def _passed_on_text(sources: list[Source], clause: str, back_to_sender: bool = False) -> str | None:
    """The text an earlier step gave, when the clause passes it on: an AI step's answer, or
    the message that came in when the clause says so ("forward it"); not whatever text the
    trigger carries ("reply ok" is no echo of the question). A step that writes back to
    whoever started the flow (``back_to_sender``) never gets the trigger's own text unless the
    clause asks for the same words: "send him a list", "email him thanks" echo nothing."""
    if not sources:
        return None
    if sources[0].expression != "trigger" or _PASSES_ON.search(clause):
        value = find_field(sources, "text")
    elif _DESCRIBED.search(clause) is None and not _REPLY.search(clause):
        value = find_field(sources, "text")  # "post new messages to #support": they go on
    else:
        return None
    if back_to_sender and _from_trigger(value) and not _ECHO.search(clause):
        return None
    return value


# Asking for the words that came in to go back as they are: "repeat it", "send the same text".
_ECHO = re.compile(r"\b(?:echo\w*|repeat\w*|same|copy)\b|(?<!\S)(?:نفس|كرر\S*)", re.IGNORECASE)
# The fields that say whom a step writes to.
_RECIPIENT_KINDS = ("phone", "email", "recipient", "chat")


def _from_trigger(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("{{ trigger.")


def _to_the_trigger(node_type: NodeType, params: dict[str, Any]) -> bool:
    """Whether the step writes back to whoever the trigger came from: its recipient is read
    from the trigger ("{{ trigger.from }}", "{{ trigger.customer_email }}")."""
    return any(
        kind_of(node_type, key) in _RECIPIENT_KINDS and _from_trigger(value)
        for key, value in params.items()
    )


_REPLY = re.compile(
    r"\b(?:reply|replies|respond|answer)\b|(?<!\S)(?:و)?(?:رد|يرد|ترد|جاوب|يجاوب|ردي|يترد|تترد|ينرد)(?!\S)",
    re.IGNORECASE,
)


def _described(what: str, language: Language) -> str:
    if language == "en":
        return f"write the message: you asked for “{what.strip()}”"
    return f"اكتب نص الرسالة: طلبت «{what.strip()}»"


def _named(kind: str, name: str, language: Language) -> str:
    if language == "en":
        return f"{missing_message(kind, '', language)} you called '{name}'"
    return f"{missing_message(kind, '', language)} المسمّى «{name}»"


# A field's description naming the trigger's data it takes: "e.g. {{ trigger.card_id }}".
_TRIGGER_FIELD = re.compile(r"\{\{\s*trigger\.(?P<path>[A-Za-z_]\w*)\s*\}\}")


def _trigger_id(node_type: NodeType, key: str, sources: list[Source]) -> str | None:
    """The id of what started the flow, for a step of the same service that acts on it ("reply
    to it", "comment on the card", "change the order's status"): the trigger field its own
    description names, when the trigger's output has it. A bare ``id`` is the thing's only
    when the trigger is about that thing (an order's id, not a new customer's) or is the
    service's only one. None otherwise: the user is asked, as for any id."""
    info = node_type.input_model.model_fields[key]
    named = _TRIGGER_FIELD.search(info.description or "")
    trigger = next((source for source in sources if source.expression == "trigger"), None)
    if named is None or trigger is None or trigger.node_type is None:
        return None
    if trigger.node_type.connector.id != node_type.connector.id:
        return None  # another service's id means nothing to this one
    field = named.group("path")
    example = trigger.example
    if not isinstance(example, dict) or example.get(field) in (None, "", {}, []):
        return None
    if field == "id" and not _about(trigger.node_type, key):
        return None
    return "{{ trigger." + field + " }}"


def _about(trigger_type: NodeType, key: str) -> bool:
    """Whether ``trigger_type`` starts on the thing ``key`` names (``order_id``: an order)."""
    thing = key.removesuffix("_id")
    example = trigger_type.manifest.output_example
    own = isinstance(example, dict) and isinstance(example.get(thing), dict)
    triggers = trigger_type.connector.manifest.triggers
    return own or thing in trigger_type.manifest.id.split("_") or len(triggers) == 1


def _same_name(sources: list[Source], key: str) -> str | None:
    for source in sources:
        if isinstance(source.example, dict) and key in source.example:
            return "{{ " + f"{source.expression}{_accessor(key, False)}" + " }}"
    return None
