"""``{{ }}`` templates in node params, rendered in Jinja2's sandbox.

Variables a template can read:
  ``trigger``                the trigger's output, e.g. ``{{ trigger.customer_name }}``
  ``steps['Step name']``     an earlier step: ``{{ steps['Get order'].output.id }}``
  ``input``                  the data that arrived on this node's input
  ``loop``                   inside a loop body: ``{{ loop.item }}`` and ``{{ loop.index }}``
  ``now``, ``execution_id``  the current time (UTC) and the execution's id

A param that is exactly one ``{{ expression }}`` keeps the expression's type (a list stays a
list); anything else renders to text. Python's ``eval`` is never used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from .errors import ExpressionError, MissingVariable

CONTEXT_NAMES = frozenset({"trigger", "steps", "input", "loop", "now", "execution_id"})
_MAX_TEXT = 1_000_000
_SINGLE_EXPRESSION = re.compile(r"^\s*\{\{(?P<body>.*)\}\}\s*$", re.DOTALL)


class _Undefined(StrictUndefined):
    """Fails like StrictUndefined, but as MissingVariable naming the whole path."""

    __slots__ = ()

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> Any:
        raise _Missing(self._undefined_obj, self._undefined_name)

    __iter__ = __str__ = __len__ = __eq__ = __ne__ = __bool__ = __hash__ = (
        _fail_with_undefined_error  # type: ignore[assignment]
    )
    __getattr__ = __getitem__ = __add__ = __lt__ = __int__ = __float__ = _fail_with_undefined_error  # type: ignore[assignment]


class _Missing(Exception):
    def __init__(self, parent: Any, name: str | None) -> None:
        self.parent = parent
        self.name = name


class _Environment(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        # The sandbox guards attribute access but not size: keep "x" * 10**9 from eating memory.
        if operator == "**" and isinstance(right, int | float) and abs(right) > 1000:
            raise SecurityError("the exponent is too large")
        if operator == "*" and _repeated_length(left, right) > _MAX_TEXT:
            raise SecurityError("the result would be too long")
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        # Data first: {{ order.items }} means the order's "items", not dict.items.
        if isinstance(obj, Mapping):
            if attribute in obj:
                return obj[attribute]
            return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        raise SecurityError(f"reading '{attribute}' is not allowed")


def _repeated_length(left: Any, right: Any) -> int:
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, str | list | tuple) and isinstance(times, int):
            return len(sequence) * times
    return 0


def _filter_date(value: Any, fmt: str = "%Y-%m-%d %H:%M", timezone: str | None = None) -> str:
    moment = to_datetime(value)
    if timezone:
        try:
            moment = moment.astimezone(ZoneInfo(timezone))
        except ZoneInfoNotFoundError:
            raise ExpressionError(f"Unknown time zone '{timezone}'.") from None
    return moment.strftime(fmt)


def _filter_json(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, indent=indent)


def _filter_number(value: Any, decimals: int = 2, thousands: bool = True) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ExpressionError(f"'{value}' is not a number.") from None
    return f"{number:,.{decimals}f}" if thousands else f"{number:.{decimals}f}"


def to_datetime(value: Any) -> datetime:
    """Read a datetime from a datetime, a date, an ISO string or a Unix timestamp (UTC)."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        moment = datetime.fromtimestamp(value, UTC)
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ExpressionError(f"'{value}' is not a date Flowin can read.") from None
    else:
        raise ExpressionError(f"'{value}' is not a date Flowin can read.")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


_env = _Environment(undefined=_Undefined, autoescape=False, keep_trailing_newline=True)
_env.filters.update(date=_filter_date, json=_filter_json, number=_filter_number)


def is_template(value: Any) -> bool:
    return isinstance(value, str) and ("{{" in value or "{%" in value)


@lru_cache(maxsize=4096)
def _compile(source: str) -> tuple[bool, Any]:
    match = _SINGLE_EXPRESSION.match(source)
    if match and "{{" not in match["body"] and "}}" not in match["body"]:
        return True, _env.compile_expression(match["body"], undefined_to_none=False)
    return False, _env.from_string(source)


def render(
    value: Any, context: Mapping[str, Any], node: str | None = None, field: str | None = None
) -> Any:
    """Render every template inside ``value`` (strings, lists, dicts), keeping other values."""
    if isinstance(value, str):
        return render_text(value, context, node, field) if is_template(value) else value
    if isinstance(value, dict):
        return {k: render(v, context, node, field or str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [render(v, context, node, field) for v in value]
    return value


def render_text(
    source: str, context: Mapping[str, Any], node: str | None = None, field: str | None = None
) -> Any:
    where = f" in '{node}'" + (f" → {field}" if field else "") if node else ""
    try:
        native, compiled = _compile(source)
        if native:
            result = compiled(**context)
            if isinstance(result, _Undefined):
                result._fail_with_undefined_error()
            return result
        return compiled.render(context)
    except _Missing as missing:
        raise MissingVariable(_path_of(missing, context), node, field) from None
    except TemplateSyntaxError as error:
        raise ExpressionError(
            f"The expression{where} has a mistake: {str(error.message).rstrip('.')}."
        ) from None
    except SecurityError as error:
        raise ExpressionError(f"The expression{where} is not allowed: {error}.") from None
    except UndefinedError as error:
        raise ExpressionError(f"The expression{where} uses something unknown: {error}.") from None
    except ExpressionError as error:
        raise ExpressionError(f"{error} (in '{node}' → {field})" if node else str(error)) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as error:
        raise ExpressionError(f"The expression{where} failed: {str(error).rstrip('.')}.") from None


def _path_of(missing: _Missing, context: Mapping[str, Any]) -> str:
    """Name a missing variable by where it was looked for: ``trigger.customer_name``."""
    name = missing.name or "?"
    parent = missing.parent
    if parent is None or isinstance(parent, StrictUndefined):
        return name
    found = _find(parent, context, "", depth=0)
    if found is None:
        return name
    return f"{found}{_accessor(name)}" if found else name


def _find(target: Any, value: Any, path: str, depth: int) -> str | None:
    if value is target:
        return path
    if depth > 6:
        return None
    children: Iterator[tuple[str, Any]]
    if isinstance(value, Mapping):
        children = ((path + _accessor(str(k), root=not path), v) for k, v in value.items())
    elif isinstance(value, list):
        children = ((f"{path}[{i}]", v) for i, v in enumerate(value[:50]))
    else:
        return None
    for child_path, child in children:
        if child is target:
            return child_path
        if isinstance(child, Mapping | list):
            found = _find(target, child, child_path, depth + 1)
            if found is not None:
                return found
    return None


def _accessor(key: str, root: bool = False) -> str:
    if key.isidentifier():
        return key if root else f".{key}"
    return f"['{key}']"


# A plain path such as {{ steps['Order'].output.total }}: most templates are only these, and
# reading them needs no parser (a flow of thousands of steps is checked in a blink).
_PATH = re.compile(
    r"""\{\{ \s* (?P<name>[A-Za-z_]\w*)
    (?P<rest> (?: \.[A-Za-z_]\w* | \[ \s* (?: '[^'\\{}]*' | "[^"\\{}]*" | [0-9]+ ) \s* \] )* )
    \s* \}\}""",
    re.VERBOSE | re.ASCII,
)
_FIRST_KEY = re.compile(
    r"""\.(?P<attr>[A-Za-z_]\w*) | \[ \s* (?: '(?P<single>[^']*)' | "(?P<double>[^"]*)" )""",
    re.VERBOSE | re.ASCII,
)
# Words the parser reads as constants or operators, not as names.
_NOT_NAMES = frozenset(
    {"true", "false", "none", "True", "False", "None", "and", "or", "not", "in", "is", "if"}
)


def _plain_paths(source: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """referenced_steps for a template of plain paths only; None when it has more."""
    steps: set[str] = set()
    names: set[str] = set()
    for match in _PATH.finditer(source):
        name = match["name"]
        if name in _NOT_NAMES:
            return None
        names.add(name)
        if name == "steps":
            first = _FIRST_KEY.match(match["rest"])
            if first is not None:
                steps.add(first["attr"] or first["single"] or first["double"] or "")
    rest = _PATH.sub("", source)
    if "{{" in rest or "{%" in rest or "{#" in rest:
        return None
    return frozenset(steps), frozenset(names)


@lru_cache(maxsize=4096)
def referenced_steps(source: str) -> tuple[frozenset[str], frozenset[str]]:
    """Names of steps a template reads (``steps['X']`` / ``steps.X``) and its top-level names.

    Raises ExpressionError when the template does not parse.
    """
    plain = _plain_paths(source)
    if plain is not None:
        return plain
    try:
        tree = _env.parse(source)
    except TemplateSyntaxError as error:
        raise ExpressionError(f"has a mistake: {error.message}") from None
    steps: set[str] = set()
    for item in tree.find_all((nodes.Getitem, nodes.Getattr)):
        target = item.node
        if isinstance(target, nodes.Name) and target.name == "steps":
            if isinstance(item, nodes.Getattr):
                steps.add(item.attr)
            elif isinstance(item.arg, nodes.Const) and isinstance(item.arg.value, str):
                steps.add(item.arg.value)
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    names = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load"} - assigned
    return frozenset(steps), frozenset(names)


def template_strings(value: Any) -> Iterator[tuple[str, str]]:
    """Every template string inside a params value, with the top-level field it belongs to."""
    if isinstance(value, dict):
        for key, item in value.items():
            for _, source in template_strings(item):
                yield str(key), source
    elif isinstance(value, list):
        for item in value:
            yield from template_strings(item)
    elif is_template(value):
        yield "", value
