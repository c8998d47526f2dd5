"""The core nodes: start by hand, shape data, branch, wait, loop, merge, format, stop.

Each function takes its pydantic input model and the step's context, and returns plain data
(sent on the node's first output) or a signal from ``flowin_engine.steps``.
"""

from __future__ import annotations

import copy
import json
import math
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from functools import lru_cache
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Discriminator, Field, Tag, field_validator

from flowin_engine.kit import (
    ERROR_PORT,
    Emit,
    ExpressionError,
    ForEach,
    StepContext,
    StepError,
    StoppedByFlow,
    Wait,
    to_datetime,
)

MAX_DELAY = timedelta(days=30)

Operator = Literal[
    "equals",
    "not_equals",
    "contains",
    "not_contains",
    "starts_with",
    "not_starts_with",
    "ends_with",
    "not_ends_with",
    "greater_than",
    "less_than",
    "greater_or_equal",
    "less_or_equal",
    "is_empty",
    "is_not_empty",
    "matches_regex",
    "not_matches_regex",
    "is_true",
    "is_false",
]
Combine = Literal["and", "or"]


# Inputs.


class ManualTriggerInput(BaseModel):
    sample_data: dict[str, Any] | None = Field(
        None,
        title="Sample data",
        description="Data to start with when you click Run; ignored when the run brings its own.",
        json_schema_extra={"widget": "fields"},
    )


class OnFailureInput(BaseModel):
    flows: list[str] = Field(
        default_factory=list,
        title="Only these flows",
        description="Names of the flows to watch; leave empty to start when any other flow fails.",
    )


class FieldValue(BaseModel):
    name: str = Field(
        title="Name",
        description="The field's name; use dots to put it inside a group, e.g. customer.name.",
    )
    value: Any = Field(None, title="Value", description="Text, a number, or an {{ expression }}.")


class SetFieldsInput(BaseModel):
    fields: list[FieldValue] = Field(
        title="Fields",
        description="The fields to set, in order.",
        json_schema_extra={"widget": "key_value"},
    )
    keep_input: bool = Field(
        False,
        title="Keep the input's fields",
        description="Start from the fields that arrived and add or replace these ones.",
    )


class Rule(BaseModel):
    left: Any = Field(
        None, title="Value", description="What to check, usually an {{ expression }}."
    )
    operator: Operator = Field("equals", title="Check")
    right: Any = Field(
        None, title="Compare with", description="Not needed for the empty, true and false checks."
    )
    case_sensitive: bool = Field(
        True, title="Case sensitive", description="Off: 'Paid' and 'paid' count as the same text."
    )


class Group(BaseModel):
    combine: Combine = Field(
        "and", title="Combine", description="and: every rule must hold; or: any one is enough."
    )
    conditions: list[Rule] = Field(default_factory=list, title="Rules")


def _rule_or_group(value: Any) -> str:
    has_rules = "conditions" in value if isinstance(value, dict) else isinstance(value, Group)
    return "group" if has_rules else "rule"


class ConditionInput(BaseModel):
    combine: Combine = Field(
        "and", title="Combine", description="and: every rule must hold; or: any one is enough."
    )
    conditions: list[
        Annotated[
            Annotated[Rule, Tag("rule")] | Annotated[Group, Tag("group")],
            Discriminator(_rule_or_group),
        ]
    ] = Field(
        title="Conditions",
        description="Rules, or groups of rules combined with their own and/or.",
        json_schema_extra={"widget": "rules"},
    )


class Case(BaseModel):
    equals: Any = Field(None, title="Equals", description="The value that picks this output.")
    output: str = Field(
        min_length=1, title="Output", description="The name of the output this case sends to."
    )

    @field_validator("output")
    @classmethod
    def _not_the_error_port(cls, output: str) -> str:
        if output == ERROR_PORT:
            raise ValueError("'error' is kept for errors; choose another output name")
        return output


class SwitchInput(BaseModel):
    value: Any = Field(title="Value", description="What to look at, usually an {{ expression }}.")
    cases: list[Case] = Field(
        default_factory=list,
        title="Cases",
        description="Checked in order; the first equal one picks the output, else 'default'.",
        json_schema_extra={"widget": "cases"},
    )


class DelayInput(BaseModel):
    mode: Literal["duration", "until"] = Field(
        "duration", title="Wait", description="For an amount of time, or until a date and time."
    )
    amount: float = Field(1, title="Amount", allow_inf_nan=False)
    unit: Literal["seconds", "minutes", "hours", "days"] = Field("minutes", title="Unit")
    until: datetime | str | None = Field(
        None,
        title="Until",
        description="A date and time like 2025-03-01T09:00; without a time zone, the flow's.",
    )


class LoopInput(BaseModel):
    items: Any = Field(
        title="Items",
        description="A list, usually an {{ expression }} such as {{ trigger.orders }}.",
    )


class MergeInput(BaseModel):
    mode: Literal["append", "combine", "by_name"] = Field(
        "append",
        title="Mode",
        description=(
            "append: one list of everything that arrived; combine: one set of fields from all "
            "inputs (later ones win); by_name: each input under the name of the step it came from."
        ),
    )


class StopWithErrorInput(BaseModel):
    message: str = Field(
        title="Error message",
        description="What the run's error will say.",
        json_schema_extra={"widget": "multiline"},
    )


class FormatInput(BaseModel):
    kind: Literal["date", "number", "text"] = Field("text", title="Format as")
    value: Any = Field(title="Value", description="What to format, usually an {{ expression }}.")
    format: str = Field(
        "%Y-%m-%d %H:%M",
        title="Date format",
        description="strftime codes: %d day, %m month, %Y year, %H:%M time, %A weekday.",
    )
    timezone: str | None = Field(
        None, title="Time zone", description="e.g. Asia/Riyadh; empty: the flow's time zone."
    )
    decimals: int = Field(2, ge=0, le=20, title="Decimals")
    thousands_separator: bool = Field(True, title="Thousands separator")
    prefix: str = Field("", title="Prefix", description="Put before the number, e.g. $.")
    suffix: str = Field("", title="Suffix", description="Put after the number, e.g. SAR.")
    operation: Literal["upper", "lower", "title", "trim", "slug", "truncate"] = Field(
        "trim", title="Text operation"
    )
    length: int | None = Field(
        None, ge=1, title="Length", description="For truncate: the most characters to keep."
    )


class NoOpInput(BaseModel):
    pass


# Operations.


def manual_trigger(params: ManualTriggerInput, ctx: StepContext) -> Any:
    """The run's own data, or the sample data when the run brought none."""
    if ctx.trigger_data is not None:
        return ctx.trigger_data
    return copy.deepcopy(params.sample_data) if params.sample_data else {}


# What a run started by hand from the editor gets: a failure like the ones it will receive.
_FAILURE_EXAMPLE = {
    "flow_id": "",
    "flow_name": "Order confirmations",
    "step": "Send WhatsApp",
    "step_number": 2,
    "error": "Invalid WhatsApp API token — reconnect the WhatsApp account.",
    "execution_id": "",
    "at": "",
    "link": "",
    "command": "",
}


def on_failure(params: OnFailureInput, ctx: StepContext) -> Any:
    """The failed run's details; the runtime starts the flow (flowin_engine.runtime) with them."""
    if ctx.trigger_data is not None:
        return ctx.trigger_data
    return dict(_FAILURE_EXAMPLE)


def set_fields(params: SetFieldsInput, ctx: StepContext) -> dict[str, Any]:
    """A set of fields; dotted names build nested groups."""
    result: dict[str, Any] = {}
    if params.keep_input and ctx.input is not None:
        if not isinstance(ctx.input, dict):
            raise StepError(
                f"Set fields can only keep the input's fields when the input is a set of "
                f"named fields; it got {_kind(ctx.input)}."
            )
        # A copy: the input is also an earlier step's output, which must not change.
        result = copy.deepcopy(ctx.input)
    for item in params.fields:
        _set_path(result, item.name, item.value)
    return result


def condition(params: ConditionInput, ctx: StepContext) -> Emit:
    """Send the input to 'true' or 'false'."""
    passed = _combine(params.combine, (_holds(entry) for entry in params.conditions))
    return Emit("true" if passed else "false", ctx.input)


def switch(params: SwitchInput, ctx: StepContext) -> Emit:
    """Send the input to the output of the first case equal to the value, else to 'default'."""
    for case in params.cases:
        if _equals(params.value, case.equals, case_sensitive=True):
            return Emit(case.output, ctx.input)
    return Emit("default", ctx.input)


def delay(params: DelayInput, ctx: StepContext) -> Any:
    """Wait for a while, or until a moment, then pass the input on."""
    now = datetime.now(UTC)
    if params.mode == "duration":
        seconds = params.amount * _UNIT_SECONDS[params.unit]
        if seconds <= 0:
            return ctx.input
        if seconds > MAX_DELAY.total_seconds():
            raise StepError(
                f"Delay can wait at most 30 days; {params.amount:g} {params.unit} is longer. "
                "For longer waits, start the flow on a schedule instead."
            )
        return Wait(now + timedelta(seconds=seconds), ctx.input)

    if params.until is None or params.until == "":
        raise StepError("Delay needs a date and time in Until to wait until.")
    until = _moment(params.until, _flow_zone(ctx), "Delay", "Until")
    if until <= now:
        return ctx.input
    if until - now > MAX_DELAY:
        raise StepError(
            f"Delay can wait at most 30 days; {until:%Y-%m-%d %H:%M} UTC is further away. "
            "For longer waits, start the flow on a schedule instead."
        )
    return Wait(until, ctx.input)


def loop(params: LoopInput, ctx: StepContext) -> ForEach:
    """Run the steps on the 'item' output once per item."""
    items = params.items
    if isinstance(items, str):
        try:
            parsed = json.loads(items)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            items = parsed
    if isinstance(items, dict):
        items = [{"key": key, "value": value} for key, value in items.items()]
    if not isinstance(items, list | tuple):
        raise StepError(f"Loop over items needs a list, got {_kind(items)}.")
    return ForEach(list(items))


def merge(params: MergeInput, ctx: StepContext) -> Any:
    """Join the data of every input that arrived."""
    if params.mode == "by_name":
        return {incoming.source_name: incoming.data for incoming in ctx.inputs}
    if params.mode == "combine":
        combined: dict[str, Any] = {}
        for incoming in ctx.inputs:
            if incoming.data is None:
                continue
            if not isinstance(incoming.data, dict):
                raise StepError(
                    f"Merge can only combine sets of named fields, but '{incoming.source_name}' "
                    f"sent {_kind(incoming.data)}; use the append mode for lists."
                )
            combined.update(incoming.data)
        return combined
    appended: list[Any] = []
    for incoming in ctx.inputs:
        if isinstance(incoming.data, list):
            appended.extend(incoming.data)
        else:
            appended.append(incoming.data)
    return appended


def stop_with_error(params: StopWithErrorInput, ctx: StepContext) -> Any:
    """Fail the run on purpose, with the author's message."""
    raise StoppedByFlow(params.message)


def format(params: FormatInput, ctx: StepContext) -> dict[str, str]:
    """A date, number or text, formatted for people to read."""
    if params.kind == "date":
        return {"value": _format_date(params, ctx)}
    if params.kind == "number":
        return {"value": _format_number(params)}
    return {"value": _format_text(params)}


def no_op(params: NoOpInput, ctx: StepContext) -> Any:
    """Pass the input on unchanged."""
    return ctx.input


# Set fields.


def _set_path(target: dict[str, Any], name: str, value: Any) -> None:
    parts = [part.strip() for part in name.split(".")]
    if not all(parts):
        raise StepError(f"Set fields can't use '{name}' as a field name: a part of it is empty.")
    current = target
    for depth, part in enumerate(parts[:-1]):
        child = current.get(part)
        if child is None:
            child = current[part] = {}
        elif not isinstance(child, dict):
            so_far = ".".join(parts[: depth + 1])
            raise StepError(
                f"Set fields can't set '{name}': '{so_far}' already holds {_kind(child)}, "
                "not a group of fields."
            )
        current = child
    current[parts[-1]] = value


# If / else and Switch.


def _combine(how: Combine, results: Any) -> bool:
    return all(results) if how == "and" else any(results)


def _holds(entry: Rule | Group) -> bool:
    if isinstance(entry, Group):
        return _combine(entry.combine, (_holds(rule) for rule in entry.conditions))
    return _check(entry)


def _check(rule: Rule) -> bool:
    left, right, operator, sensitive = rule.left, rule.right, rule.operator, rule.case_sensitive
    if operator == "equals":
        return _equals(left, right, sensitive)
    if operator == "not_equals":
        return not _equals(left, right, sensitive)
    if operator == "contains":
        return _contains(left, right, sensitive)
    if operator == "not_contains":
        return not _contains(left, right, sensitive)
    if operator in ("starts_with", "not_starts_with"):
        starts = _fold(_text(left), sensitive).startswith(_fold(_text(right), sensitive))
        return starts if operator == "starts_with" else not starts
    if operator in ("ends_with", "not_ends_with"):
        ends = _fold(_text(left), sensitive).endswith(_fold(_text(right), sensitive))
        return ends if operator == "ends_with" else not ends
    if operator == "is_empty":
        return _is_empty(left)
    if operator == "is_not_empty":
        return not _is_empty(left)
    if operator == "is_true":
        return _as_bool(left) is True
    if operator == "is_false":
        return _as_bool(left) is False
    if operator in ("matches_regex", "not_matches_regex"):
        found = _pattern(_text(right), sensitive).search(_text(left)) is not None
        return found if operator == "matches_regex" else not found
    order = _order(left, right, sensitive, operator)
    return {
        "greater_than": order > 0,
        "less_than": order < 0,
        "greater_or_equal": order >= 0,
        "less_or_equal": order <= 0,
    }[operator]


def _equals(left: Any, right: Any, case_sensitive: bool) -> bool:
    numbers = _numbers(left, right)
    if numbers is not None:
        return numbers[0] == numbers[1]
    moments = _moments(left, right)
    if moments is not None:
        return moments[0] == moments[1]
    if isinstance(left, bool) or isinstance(right, bool):
        # A switch typed in the editor ("true") against real true/false data.
        a, b = _as_bool(left), _as_bool(right)
        return a is not None and a == b
    if isinstance(left, str) and isinstance(right, str):
        return _fold(left, case_sensitive) == _fold(right, case_sensitive)
    return bool(left == right)


def _contains(left: Any, right: Any, case_sensitive: bool) -> bool:
    if isinstance(left, list | tuple):
        return any(_equals(item, right, case_sensitive) for item in left)
    if isinstance(left, dict):
        wanted = _fold(_text(right), case_sensitive)
        return any(_fold(str(key), case_sensitive) == wanted for key in left)
    return _fold(_text(right), case_sensitive) in _fold(_text(left), case_sensitive)


def _order(left: Any, right: Any, case_sensitive: bool, operator: str) -> int:
    pair: tuple[Any, Any] | None = _numbers(left, right) or _moments(left, right)
    if pair is None and isinstance(left, str) and isinstance(right, str):
        pair = (_fold(left, case_sensitive), _fold(right, case_sensitive))
    if pair is None:
        words = operator.replace("_", " ")
        raise StepError(
            f"If / else can't check whether {_show(left)} is {words} {_show(right)}: "
            "compare numbers with numbers, dates with dates, or text with text."
        )
    a, b = pair
    return (a > b) - (a < b)


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_ISO_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$"
)


def _number(value: Any) -> Decimal | None:
    """A number, or a text that is only a number ("10", "-2.5"); anything else is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, str) and _NUMBER.match(value.strip()):
        return Decimal(value.strip())
    return None


def _numbers(left: Any, right: Any) -> tuple[Decimal, Decimal] | None:
    a, b = _number(left), _number(right)
    return (a, b) if a is not None and b is not None else None


def _moment_or_none(value: Any) -> datetime | None:
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    elif isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _moments(left: Any, right: Any) -> tuple[datetime, datetime] | None:
    a, b = _moment_or_none(left), _moment_or_none(right)
    return (a, b) if a is not None and b is not None else None


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict | set):
        return not value
    return False


_TRUE_WORDS = frozenset({"true", "yes", "y", "on", "1"})
_FALSE_WORDS = frozenset({"false", "no", "n", "off", "0"})


def _as_bool(value: Any) -> bool | None:
    """True or False for values that clearly say so ("yes", 1, "false"); otherwise None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    return None


@lru_cache(maxsize=256)
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _pattern(pattern: str, case_sensitive: bool) -> re.Pattern[str]:
    try:
        return _compiled(pattern, 0 if case_sensitive else re.IGNORECASE)
    except re.error as error:
        raise StepError(
            f"The pattern '{pattern}' is not a valid regular expression: {error}."
        ) from None


def _fold(text: str, case_sensitive: bool) -> str:
    return text if case_sensitive else text.casefold()


def _text(value: Any) -> str:
    """A value as the text a person would type for it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _kind(value: Any) -> str:
    """What sort of value this is, in a user's words."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float | Decimal):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "a set of named fields"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, datetime | date):
        return "a date"
    return f"a {type(value).__name__}"


def _show(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return f"'{shown}'"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _text(value)
    return _kind(value)


# Delay.

_UNIT_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86_400}


def _flow_zone(ctx: StepContext) -> ZoneInfo:
    """The flow's time zone, which a date without one is read in; UTC when it is unknown."""
    name = getattr(getattr(ctx.flow, "settings", None), "timezone", None) or "UTC"
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _moment(value: Any, zone: ZoneInfo, node: str, field: str) -> datetime:
    """An aware UTC datetime from a datetime or ISO text; a time without a zone is in ``zone``."""
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise StepError(
                f"{node} can't read '{value}' in {field} as a date and time; "
                "write it like 2025-03-01T09:00 or 2025-03-01."
            ) from None
    elif isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    else:
        raise StepError(f"{node} needs a date and time in {field}, got {_kind(value)}.")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed.astimezone(UTC)


# Format.


def _format_date(params: FormatInput, ctx: StepContext) -> str:
    try:
        moment = to_datetime(params.value)
    except ExpressionError:
        raise StepError(
            f"Format can't read {_show(params.value)} as a date; "
            "give it a date like 2025-03-01 or 2025-03-01T09:00."
        ) from None
    except (OverflowError, OSError, ValueError):
        raise StepError(
            f"Format can't read {_show(params.value)} as a date: it is out of range."
        ) from None
    if params.timezone and params.timezone.strip():
        try:
            zone = ZoneInfo(params.timezone.strip())
        except (ZoneInfoNotFoundError, ValueError):
            raise StepError(
                f"'{params.timezone}' is not a time zone Flowin knows; "
                "use a name like Asia/Riyadh or Europe/London."
            ) from None
    else:
        zone = _flow_zone(ctx)
    try:
        return moment.astimezone(zone).strftime(params.format)
    except ValueError as error:
        raise StepError(f"The date format '{params.format}' can't be used: {error}.") from None


def _format_number(params: FormatInput) -> str:
    value = params.value
    number: Decimal | None = None
    if not isinstance(value, bool):
        if isinstance(value, float):
            number = Decimal(repr(value)) if math.isfinite(value) else None
        elif isinstance(value, int | Decimal):
            number = Decimal(value)
        elif isinstance(value, str) and value.strip():
            text = value.strip()
            try:
                number = Decimal(text.replace(",", "") if _GROUPED.match(text) else text)
            except InvalidOperation:
                number = None
    if number is None or not number.is_finite():
        raise StepError(f"Format can't read {_show(value)} as a number.")
    with localcontext() as context:
        context.prec = max(28, number.adjusted() + params.decimals + 2)
        rounded = number.quantize(Decimal(1).scaleb(-params.decimals), rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    grouping = "," if params.thousands_separator else ""
    digits = f"{abs(rounded):{grouping}.{params.decimals}f}"
    return f"{sign}{params.prefix}{digits}{params.suffix}"


_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def _format_text(params: FormatInput) -> str:
    text = _text(params.value)
    operation = params.operation
    if operation == "upper":
        return text.upper()
    if operation == "lower":
        return text.lower()
    if operation == "title":
        return re.sub(r"\S+", lambda word: word[0][:1].upper() + word[0][1:].lower(), text)
    if operation == "slug":
        return _slug(text)
    if operation == "truncate":
        if params.length is None:
            raise StepError("Format needs a Length to truncate text to.")
        return text if len(text) <= params.length else text[: params.length - 1] + "…"
    return text.strip()


def _slug(text: str) -> str:
    """Lower-case words joined by '-'; accents dropped from Latin letters, Arabic kept."""
    letters = []
    for char in unicodedata.normalize("NFC", text):
        if unicodedata.combining(char):
            continue  # a mark of its own, such as Arabic harakat
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        letters.append(plain if plain.isascii() else char)
    return re.sub(r"[\W_]+", "-", "".join(letters).lower()).strip("-")
