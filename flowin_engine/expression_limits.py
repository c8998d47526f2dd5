"""How much one expression may do: the sizes it may make, its loop turns and its time.

Jinja's sandbox keeps a template away from Python's internals but not from asking for a
10 GB string or a billion loop turns. Work that happens in one C call (``'a'.ljust(10**10)``,
``9 ** 10**9``) can't be interrupted once started, and holds the interpreter while it runs,
so its size is checked *before* the call from its operands. Work spread over many small steps
(loops, macros calling themselves, filters that yield item by item) is counted as it goes:
every loop turn and call spends from a budget that also carries a deadline.

Exceeding a limit raises one of the ``TooMuchWork`` errors; ``expressions.render_text``
places it in its step and field.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import (
    Callable,
    ItemsView,
    Iterable,
    Iterator,
    KeysView,
    Mapping,
    Sized,
    ValuesView,
)
from contextvars import ContextVar, Token
from time import monotonic
from typing import Any

from jinja2 import Environment
from jinja2.filters import make_attrgetter
from jinja2.runtime import Namespace
from jinja2.sandbox import MAX_RANGE, SandboxedFormatter

from .errors import TooBigNumber, TooLongList, TooLongText, TooMuchWork, TooSlow

# Big enough for any shop's data, small enough that one piece of work ends in well under a
# second and a few copies fit comfortably in memory.
MAX_TEXT = 10_000_000  # characters in one text an expression makes
MAX_ITEMS = 1_000_000  # items in one list it makes
MAX_DIGITS = 4_300  # digits of a number: Python itself refuses to print a longer one
MAX_TURNS = 1_000_000  # loop turns, calls and filter uses in one evaluation
TIME_LIMIT = 5.0  # seconds for one evaluation

_MAX_BITS = math.ceil(MAX_DIGITS * math.log2(10))
# A width written with more digits than MAX_TEXT has is over it, whatever the digits.
_MAX_WIDTH_DIGITS = len(str(MAX_TEXT))


class Budget:
    """What one evaluation has left to spend."""

    __slots__ = ("deadline", "time_limit", "turns_left", "until_clock")

    def __init__(self, time_limit: float = TIME_LIMIT) -> None:
        self.turns_left = MAX_TURNS
        self.until_clock = _CLOCK_EVERY
        self.time_limit = time_limit
        self.deadline = monotonic() + time_limit

    def spend(self, turns: int = 1) -> None:
        self.until_clock -= turns
        if self.until_clock <= 0:
            self.settle()

    def settle(self) -> None:
        """Take the turns spent since the last look at the clock, and look at it."""
        self.turns_left -= _CLOCK_EVERY - self.until_clock
        self.until_clock = _CLOCK_EVERY
        if self.turns_left < 0:
            raise TooMuchWork(MAX_TURNS)
        if monotonic() > self.deadline:
            raise TooSlow(self.time_limit)


# Reading the clock costs more than a loop turn: it is read every this many turns.
_CLOCK_EVERY = 64

_current: ContextVar[Budget | None] = ContextVar("expression_budget", default=None)


def start(time_limit: float = TIME_LIMIT) -> Token[Budget | None]:
    """Give the evaluation that follows a fresh budget (per thread: each has its own context);
    ``stop`` with the token when it is over."""
    return _current.set(Budget(time_limit))


def stop(token: Token[Budget | None]) -> None:
    _current.reset(token)


def spend(turns: int = 1) -> None:
    """Spend from the running evaluation's budget; nothing outside one (compile-time folding)."""
    current = _current.get()
    if current is not None:
        current.spend(turns)


class CountedLoop:
    """A ``{% for %}`` loop's iterable; each turn spends from the budget.

    Keeps ``len`` so ``loop.length`` works as before without running through the items.
    """

    __slots__ = ("_iterable",)

    def __init__(self, iterable: Any) -> None:
        self._iterable = iterable

    def __iter__(self) -> Iterator[Any]:
        return counted(self._iterable)

    def __len__(self) -> int:
        return len(self._iterable)


def counted(iterable: Iterable[Any]) -> Iterator[Any]:
    current = _current.get()
    if current is None:
        yield from iterable
        return
    for item in iterable:
        current.until_clock -= 1  # Budget.spend(), inlined: this runs for every loop turn
        if current.until_clock <= 0:
            current.settle()
        yield item


def materialized(iterable: Any) -> list[Any] | tuple[Any, ...]:
    """The items of an iterable, stopping at MAX_ITEMS; a generator's items are counted."""
    if isinstance(iterable, list | tuple):
        return iterable
    if isinstance(iterable, Sized):
        check_items(len(iterable))
        return list(iterable)
    items = []
    for item in counted(iterable):
        items.append(item)
        if len(items) > MAX_ITEMS:
            raise TooLongList(MAX_ITEMS)
    return items


def check_text(length: int) -> None:
    if length > MAX_TEXT:
        raise TooLongText(MAX_TEXT)


def check_items(count: int) -> None:
    if count > MAX_ITEMS:
        raise TooLongList(MAX_ITEMS)


def check_width(width: Any) -> None:
    """A width, padding or count asked of a text: over MAX_TEXT makes too long a text."""
    if _is_int(width):
        check_text(width)


def checked_result(value: Any) -> Any:
    """A value a call or filter made: refused when too big; a generator counted as it runs."""
    if isinstance(value, str | bytes):
        check_text(len(value))
    elif isinstance(value, list | tuple | dict):
        check_items(len(value))
    elif isinstance(value, Iterator) and not isinstance(value, Sized):
        return counted(value)
    return value


def bounded_join(pieces: Iterable[str]) -> str:
    """Join texts, refusing when together they pass MAX_TEXT.

    Serves the template's output, ``{% set %}`` blocks and macros' text: each piece may be
    small but a loop can make a great many of them. A piece is a reference to a text already
    made, so holding them all before measuring costs little.
    """
    texts = pieces if type(pieces) is list else list(pieces)
    check_text(sum(map(len, texts)))
    return "".join(texts)


def join_as_text(values: tuple[Any, ...]) -> str:
    """``a ~ b ~ c``."""
    for value in values:
        check_printable(value)
    return bounded_join(list(map(str, values)))


# Values whose text (and JSON, and comparison) runs through everything inside them.
CONTAINERS = (list, tuple, dict, set, frozenset, KeysView, ValuesView, ItemsView, Namespace)
# The same, by exact type, and the commonest values that are not: a quick answer for most.
_CONTAINER_TYPES = frozenset(
    {list, tuple, dict, set, frozenset, Namespace, type({}.keys()), type({}.values())}
    | {type({}.items())}
)
LEAF_TYPES = frozenset({str, int, float, bool, type(None), bytes})


def is_container(value: Any) -> bool:
    kind = type(value)
    if kind in LEAF_TYPES:
        return False
    return kind in _CONTAINER_TYPES or isinstance(value, CONTAINERS)


def _children(value: Any) -> Iterable[Any]:
    if isinstance(value, Namespace):
        return _children(value._Namespace__attrs)  # type: ignore[attr-defined]
    if isinstance(value, dict):
        return itertools.chain.from_iterable(value.items())
    if isinstance(value, ItemsView):
        return itertools.chain.from_iterable(value)
    return value  # type: ignore[no-any-return]


def _measure_all(children: Iterable[Any], inner: list[Any]) -> int:
    """The printed size of the leaves among ``children``; the parts among them go to ``inner``."""
    size = 0
    for child in children:
        kind = type(child)
        if kind is str:
            size += len(child) + 4
        elif kind is int:
            size += child.bit_length() // 3 + 4
        elif kind in LEAF_TYPES:
            size += 34
        elif kind in _CONTAINER_TYPES or isinstance(child, CONTAINERS):
            size += 2
            inner.append(child)
        else:
            size += 34  # a date or a small object's repr
    return size


def check_printable(value: Any) -> None:
    """Refuse a value whose text would pass MAX_TEXT, without making the text.

    A template can put one list inside another many times (``[x, x]`` in a loop doubles what
    printing, JSON or ``==`` must go through each time), so a part met again is counted again:
    each part's size is worked out once and remembered. A part inside itself prints as
    ``[...]``.
    """
    if type(value) in LEAF_TYPES or not is_container(value):
        return
    sizes: dict[int, int] = {}  # a part's printed size, or 5 ("[...]") while inside it
    opened: dict[int, tuple[int, list[Any]]] = {}  # its own leaves' size, and its inner parts
    keep = []  # every part measured stays alive, so no id is reused meanwhile
    stack = [value]
    while stack:
        part = stack[-1]
        key = id(part)
        inside = opened.pop(key, None)
        if inside is not None:  # its inner parts are all measured now
            stack.pop()
            leaves, inner = inside
            size = leaves + sum(sizes[id(child)] for child in inner)
            if size > MAX_TEXT:
                raise TooLongText(MAX_TEXT)
            sizes[key] = size
            continue
        if key in sizes:
            stack.pop()
            continue
        leaves = 2
        inner: list[Any] = []
        if type(part) is dict:
            leaves += _measure_all(part.keys(), inner) + _measure_all(part.values(), inner)
        else:
            leaves += _measure_all(_children(part), inner)
        sizes[key] = 5
        opened[key] = (leaves, inner)
        keep.append(part)
        stack.extend(child for child in inner if id(child) not in sizes)


def printable(value: Any) -> Any:
    """``value``, once checked by check_printable: Jinja's ``finalize`` for ``{{ output }}``."""
    if type(value) not in LEAF_TYPES:
        check_printable(value)
    return value


# An operand of ``==``, ``<``, ``in``...: comparing goes through what is inside, like printing.
comparable = printable


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_number(value: Any) -> None:
    if _is_int(value) and value.bit_length() > _MAX_BITS:
        raise TooBigNumber(MAX_DIGITS)


# -- Operators ------------------------------------------------------------------------------


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``left <operator> right`` before Python computes it, if the result is too big."""
    _check_number(left)
    _check_number(right)
    if operator == "**":
        _check_power(left, right)
    elif operator == "*":
        _check_product(left, right)
    elif operator == "+":
        _check_addition(left, right)
    elif operator == "%" and isinstance(left, str | bytes):
        check_percent_format(left, right)


def _check_power(base: Any, exponent: Any) -> None:
    if not isinstance(base, int) or not _is_int(exponent):
        return  # a float power overflows at once rather than growing
    if exponent > 0 and abs(base) > 1 and exponent * math.log2(abs(base)) > _MAX_BITS:
        raise TooBigNumber(MAX_DIGITS)


def _check_product(left: Any, right: Any) -> None:
    if _is_int(left) and _is_int(right):
        if left.bit_length() + right.bit_length() > _MAX_BITS + 1:
            raise TooBigNumber(MAX_DIGITS)
        return
    for sequence, times in ((left, right), (right, left)):
        if isinstance(times, int) and times > 0:
            if isinstance(sequence, str | bytes):
                check_text(len(sequence) * times)
            elif isinstance(sequence, list | tuple):
                check_items(len(sequence) * times)


def _check_addition(left: Any, right: Any) -> None:
    if isinstance(left, str | bytes) and isinstance(right, str | bytes):
        check_text(len(left) + len(right))
    elif isinstance(left, list | tuple) and isinstance(right, list | tuple):
        check_items(len(left) + len(right))


# -- Formatting -----------------------------------------------------------------------------

# One printf-style conversion: %[(key)][flags][width][.precision][length]type
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?[a-zA-Z%]")
_DIGITS = re.compile(r"\d+")


def _width(digits: str) -> int:
    if len(digits) > _MAX_WIDTH_DIGITS:
        raise TooLongText(MAX_TEXT)
    return int(digits)


def _printed_size(value: Any) -> int:
    """About how many characters ``%s``/``%d``/``%f`` make of a value (never fewer)."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, int):
        return value.bit_length() // 3 + 2
    if isinstance(value, float):
        return 330  # %f of the largest float
    check_printable(value)
    return len(str(value))


def check_percent_format(template: Any, values: Any) -> None:
    """Refuse ``template % values`` (and ``|format``) when it would make too long a text."""
    if isinstance(template, bytes):
        template = template.decode("latin-1")
    if not isinstance(template, str) or "%" not in template:
        return
    if isinstance(values, Mapping):
        items = list(values.values())
    elif isinstance(values, tuple):
        items = list(values)
    else:
        items = [values]
    widest = max((_printed_size(v) for v in items), default=0)
    star = max((abs(v) for v in items if _is_int(v)), default=0)
    total = len(template)
    for conversion in _PERCENT.finditer(template):
        for number in conversion.group(1, 2):
            if number == "*":
                total += star
            elif number:
                total += _width(number)
        total += widest
        check_text(total)


def check_format_spec(spec: str) -> None:
    """A ``str.format`` field's spec, like ``>10`` or ``,.2f``: its widths must fit."""
    for digits in _DIGITS.findall(spec):
        check_text(_width(digits))


class BoundedFormatter(SandboxedFormatter):
    """The sandbox's ``str.format``, counting what it makes field by field."""

    def __init__(self, env: Environment) -> None:
        super().__init__(env)
        self.made = 0

    def format_field(self, value: Any, format_spec: str) -> str:
        check_format_spec(format_spec)
        check_printable(value)
        text: str = super().format_field(value, format_spec)
        self.made += len(text)
        check_text(self.made)
        return text


# -- Methods called on values ---------------------------------------------------------------

_WIDTH_METHODS = frozenset({"ljust", "rjust", "center", "zfill"})


def _argument(args: tuple[Any, ...], kwargs: Mapping[str, Any], index: int, name: str) -> Any:
    if len(args) > index:
        return args[index]
    return kwargs.get(name)


def check_method_call(
    method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, ...]:
    """Refuse a call on a text, number or list that would make too big a value.

    Returns the arguments to call with: ``sep.join(...)`` gets its items as a list, counted.
    """
    owner = getattr(method, "__self__", None)
    if owner is None:
        return args
    name = getattr(method, "__name__", "")
    if isinstance(owner, str | bytes):
        if name in _WIDTH_METHODS:
            check_width(_argument(args, kwargs, 0, "width"))
        elif name == "expandtabs":
            size = _argument(args, kwargs, 0, "tabsize")
            size = 8 if size is None else size
            if _is_int(size):
                tab = "\t" if isinstance(owner, str) else b"\t"
                check_width(size)
                check_text(len(owner) + owner.count(tab) * max(size, 0))  # type: ignore[arg-type]
        elif name == "replace":
            check_replace(owner, *args[:3], **kwargs)
        elif name == "translate":
            _check_translate(owner, _argument(args, kwargs, 0, "table"))
        elif name == "join" and args:
            items = args[0] if isinstance(args[0], str | bytes) else materialized(args[0])
            check_text(
                sum(len(i) for i in items if isinstance(i, str | bytes))
                + len(owner) * max(len(items) - 1, 0)
            )
            return (items, *args[1:])
    elif _is_int(owner) and name == "to_bytes":
        check_width(_argument(args, kwargs, 0, "length"))
    elif type(owner) in _CONTAINER_TYPES and any(map(is_container, args)):
        # list.count(x), dict.get(key)...: compared or hashed through what is inside.
        check_printable(owner)
        for value in args:
            check_printable(value)
    elif isinstance(owner, list) and name == "extend" and args:
        if isinstance(args[0], Sized):
            check_items(len(owner) + len(args[0]))
        else:
            return (materialized(args[0]),)
    return args


def check_replace(
    text: Any, old: Any = None, new: Any = None, count: Any = None, **kwargs: Any
) -> None:
    count = kwargs.get("count", count)
    if not isinstance(text, str | bytes) or not type(text) is type(old) is type(new):
        return
    grows_by = len(new) - len(old)
    if grows_by <= 0:
        return
    found = text.count(old) if old else len(text) + 1
    if _is_int(count) and count >= 0:
        found = min(found, count)
    check_text(len(text) + found * grows_by)


def _check_translate(text: str | bytes, table: Any) -> None:
    if not isinstance(table, Mapping) or not isinstance(text, str):
        return
    longest = max((len(v) for v in table.values() if isinstance(v, str)), default=1)
    check_text(len(text) * max(longest, 1))


def check_mutated(method: Any) -> None:
    """After ``list.append`` and the like: the list itself must stay within MAX_ITEMS."""
    owner = getattr(method, "__self__", None)
    if isinstance(owner, list | dict):
        check_items(len(owner))


# -- Filters and functions ------------------------------------------------------------------


def _check_center(value: Any = None, width: Any = 80, *args: Any, **kwargs: Any) -> None:
    check_width(kwargs.get("width", width))


def _check_indent(s: Any = None, width: Any = 4, *args: Any, **kwargs: Any) -> None:
    width = kwargs.get("width", width)
    step = len(width) if isinstance(width, str) else width
    if not _is_int(step):
        return
    check_width(step)
    if isinstance(s, str):
        check_text(len(s) + (s.count("\n") + 1) * step)


def _check_format(value: Any = None, *args: Any, **kwargs: Any) -> None:
    check_percent_format(value, kwargs or args)


def _check_wordwrap(s: Any = None, width: Any = 79, *args: Any, **kwargs: Any) -> None:
    width = kwargs.get("width", width)
    wrapstring = kwargs.get("wrapstring", args[1] if len(args) > 1 else None)
    if not isinstance(s, str) or not isinstance(wrapstring, str) or not _is_int(width):
        return
    # A line holds at least one character and ends at a space or after ``width`` characters.
    breaks = sum(s.count(space) for space in " \t\n") + len(s) // max(width, 1)
    check_text(len(s) + (min(len(s), breaks) + 1) * len(wrapstring))


def _check_replace_filter(s: Any = None, *args: Any, **kwargs: Any) -> None:
    check_replace(s, *args, **kwargs)


def _check_batch(value: Any = None, linecount: Any = None, *args: Any, **kwargs: Any) -> None:
    linecount = kwargs.get("linecount", linecount)
    if _is_int(linecount):
        check_items(linecount)


def _check_slice(value: Any = None, slices: Any = None, *args: Any, **kwargs: Any) -> None:
    slices = kwargs.get("slices", slices)
    if _is_int(slices):
        check_items(slices)


def _check_list(value: Any = None, *args: Any, **kwargs: Any) -> None:
    if isinstance(value, Sized):
        check_items(len(value))


def _check_json(value: Any = None, indent: Any = None, *args: Any, **kwargs: Any) -> None:
    indent = kwargs.get("indent", indent)
    check_width(len(indent) if isinstance(indent, str) else indent)


def _check_number_filter(value: Any = None, decimals: Any = 2, *args: Any, **kwargs: Any) -> None:
    check_width(kwargs.get("decimals", decimals))


# Checks run before a filter, on the arguments the template gave it (value first).
FILTER_CHECKS: dict[str, Callable[..., None]] = {
    "center": _check_center,
    "indent": _check_indent,
    "format": _check_format,
    "wordwrap": _check_wordwrap,
    "replace": _check_replace_filter,
    "batch": _check_batch,
    "slice": _check_slice,
    "list": _check_list,
    "json": _check_json,
    "tojson": _check_json,
    "number": _check_number_filter,
}


# Filters that make text of their value or compare what is inside it.
_FILTERS_THROUGH_VALUE = frozenset(
    {
        "capitalize", "center", "dictsort", "e", "escape", "forceescape", "format", "groupby",
        "indent", "json", "lower", "max", "min", "pprint", "reject", "rejectattr", "replace",
        "safe", "select", "selectattr", "sort", "string", "striptags", "title", "tojson", "trim",
        "truncate", "unique", "upper", "urlencode", "urlize", "wordcount", "wordwrap", "xmlattr",
    }
)  # fmt: skip


# Filters that go through their text in Python, word by word or line by line: one use costs
# about this many loop turns per character (measured: urlize ~2 µs a character, wordwrap ~0.6).
_COST_PER_CHARACTER = {"urlize": 4, "wordwrap": 1, "title": 1, "indent": 1, "unique": 1}


def guarded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that spends a turn, checks its arguments first and its result after."""
    check = FILTER_CHECKS.get(name)
    if name in _FILTERS_THROUGH_VALUE:
        check = _through_value(check)
    # Filters marked pass_context/pass_environment/... get Jinja's object before the value.
    skip = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0

    cost = _COST_PER_CHARACTER.get(name, 0)

    def guarded(*args: Any, **kwargs: Any) -> Any:
        value = args[skip] if len(args) > skip else None
        spend(1 + len(value) * cost if cost and isinstance(value, str) else 1)
        if check is not None:
            check(*args[skip:], **kwargs)
        return checked_result(function(*args, **kwargs))

    guarded.__name__ = getattr(function, "__name__", name)
    guarded.__doc__ = function.__doc__
    guarded.__dict__.update(getattr(function, "__dict__", {}))  # keeps jinja_pass_arg
    return guarded


def _through_value(check: Callable[..., None] | None) -> Callable[..., None]:
    def checked(value: Any = None, *args: Any, **kwargs: Any) -> None:
        check_printable(value)
        if check is not None:
            check(value, *args, **kwargs)

    return checked


def guarded_test(function: Callable[..., Any]) -> Callable[..., Any]:
    """A test (``x is eq(y)``, ``x is in(y)``): what it compares is measured first."""

    def guarded(*args: Any, **kwargs: Any) -> Any:
        for value in args:
            check_printable(value)
        return function(*args, **kwargs)

    guarded.__name__ = getattr(function, "__name__", "test")
    guarded.__dict__.update(getattr(function, "__dict__", {}))
    return guarded


def bounded_json_dumps(value: Any, **options: Any) -> str:
    """``json.dumps`` whose indented output is built piece by piece and stopped at MAX_TEXT."""
    indent = options.get("indent")
    check_width(len(indent) if isinstance(indent, str) else indent)
    if indent is None:
        return json.dumps(value, **options)  # one C call, as long as the value's own text
    return bounded_join(json.JSONEncoder(**options).iterencode(value))


def bounded_sum(original: Callable[..., Any]) -> Callable[..., Any]:
    """``|sum(start=[])`` adds lists: their total length is checked first."""

    def summed(environment: Any, iterable: Any, attribute: Any = None, start: Any = 0) -> Any:
        items = materialized(iterable)
        if isinstance(start, list | tuple | str):
            sizes = (len(i) for i in items if isinstance(i, list | tuple | str))
            check_items(len(start) + sum(sizes))
        return original(environment, items, attribute, start)

    summed.__dict__.update(original.__dict__)
    return summed


def bounded_join_filter(original: Callable[..., Any]) -> Callable[..., Any]:
    """``|join``: the items' text is measured before it is put together."""

    def joined(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> Any:
        items = materialized(value)
        measured = items
        if attribute is not None:
            measured = list(map(make_attrgetter(eval_ctx.environment, attribute), items))
        sizes = (len(i) if type(i) is str else _printed_size(i) for i in measured)
        check_text(sum(sizes) + len(str(d)) * max(len(items) - 1, 0))
        return original(eval_ctx, items, d, attribute)

    joined.__dict__.update(original.__dict__)
    return joined


def bounded_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TooLongList(MAX_RANGE)
    return numbers


def bounded_lipsum(original: Callable[..., str]) -> Callable[..., str]:
    def lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
        if _is_int(n) and _is_int(max):
            check_text(n * max * 12)  # a word and its space are never longer than 12
        return original(n, html, min, max)

    return lipsum
