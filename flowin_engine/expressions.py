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

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from string import Formatter
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.compiler import CodeGenerator, Frame, operators
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.lexer import newline_re
from jinja2.runtime import Macro
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum

from . import expression_limits as limits
from .errors import ExpressionError, MissingVariable, TooDeep, TooMuchWork

CONTEXT_NAMES = frozenset({"trigger", "steps", "input", "loop", "now", "execution_id"})
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


class _CodeGenerator(CodeGenerator):
    """Jinja's compiler with the two things a sandbox does not bound: loop turns and ``~``."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        # {% for x in items %} runs over environment.counted_loop(items), turn by turn.
        for loop in node.find_all(nodes.For):
            counter = nodes.EnvironmentAttribute("counted_loop", lineno=loop.iter.lineno)
            loop.iter = nodes.Call(counter, [loop.iter], [], None, None, lineno=loop.iter.lineno)
        super().visit_Template(node, frame)

    def visit_Compare(self, node: nodes.Compare, frame: Frame) -> None:
        # Each side of ==, <, in... is measured first: comparing lists goes through them whole.
        self.write("(environment.comparable(")
        self.visit(node.expr, frame)
        self.write(")")
        for operand in node.ops:
            self.write(f" {operators[operand.op]} environment.comparable(")
            self.visit(operand.expr, frame)
            self.write(")")
        self.write(")")

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        # A key is hashed through what is inside it, like a comparison.
        self.write("{")
        for item in node.items:
            self.write("environment.comparable(")
            self.visit(item.key, frame)
            self.write("): ")
            self.visit(item.value, frame)
            self.write(", ")
        self.write("}")

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.join_as_text((")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("))")


_FORMAT_METHODS = ("format", "format_map")
_LEAF_TYPES = limits.LEAF_TYPES


class _Environment(SandboxedEnvironment):
    """The sandbox, also bounded in size and work: see expression_limits."""

    code_generator_class = _CodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})
    # Joins the output, {% set %} blocks and macros' text, refusing more than MAX_TEXT.
    concat = staticmethod(limits.bounded_join)  # type: ignore[assignment]
    counted_loop = limits.CountedLoop
    comparable = staticmethod(limits.comparable)
    join_as_text = staticmethod(limits.join_as_text)

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = limits.bounded_range
        self.globals["lipsum"] = limits.bounded_lipsum(generate_lorem_ipsum)
        self.policies["json.dumps_function"] = limits.bounded_json_dumps

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        limits.check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(self, context: Any, callable_: Any, /, *args: Any, **kwargs: Any) -> Any:
        # A macro call costs about as much as ten loop turns.
        limits.spend(10 if isinstance(callable_, Macro) else 1)
        args = limits.check_method_call(callable_, args, kwargs)
        result = super().call(context, callable_, *args, **kwargs)
        limits.check_mutated(callable_)
        return limits.checked_result(result)

    def wrap_str_format(self, value: Any) -> Any:
        owner = getattr(value, "__self__", None)
        if type(owner) is not str or getattr(value, "__name__", None) not in _FORMAT_METHODS:
            return super().wrap_str_format(value)
        # The sandbox's own wrapper, with a formatter that counts what it makes.
        is_format_map = value.__name__ == "format_map"

        def bounded_format(*args: Any, **kwargs: Any) -> str:
            if is_format_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                args, kwargs = (), args[0]
            return limits.BoundedFormatter(self).vformat(owner, args, kwargs)

        return bounded_format

    def getitem(self, obj: Any, argument: Any) -> Any:
        if type(argument) not in _LEAF_TYPES:
            limits.check_printable(argument)  # a key is hashed through what is inside it
        return SandboxedEnvironment.getitem(self, obj, argument)

    def getattr(self, obj: Any, attribute: str) -> Any:
        # Data first: {{ order.items }} means the order's "items", not dict.items.
        if isinstance(obj, Mapping):
            if attribute in obj:
                return obj[attribute]
            return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        raise SecurityError(f"reading '{attribute}' is not allowed")


def _filter_date(value: Any, fmt: str = "%Y-%m-%d %H:%M", timezone: str | None = None) -> str:
    moment = to_datetime(value)
    if timezone == "local":  # the computer's own clock, as schedules read it
        return moment.astimezone().strftime(fmt)
    if timezone:
        try:
            moment = moment.astimezone(ZoneInfo(timezone))
        except ZoneInfoNotFoundError:
            raise ExpressionError(f"Unknown time zone '{timezone}'.") from None
    return moment.strftime(fmt)


def _filter_json(value: Any, indent: int | None = None) -> str:
    return limits.bounded_json_dumps(value, ensure_ascii=False, default=str, indent=indent)


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


_env = _Environment(
    undefined=_Undefined, autoescape=False, keep_trailing_newline=True, finalize=limits.printable
)
_env.filters.update(date=_filter_date, json=_filter_json, number=_filter_number)
_env.filters["join"] = limits.bounded_join_filter(_env.filters["join"])
_env.filters["sum"] = limits.bounded_sum(_env.filters["sum"])
_env.filters = {name: limits.guarded_filter(name, f) for name, f in _env.filters.items()}
_env.tests = {name: limits.guarded_test(f) for name, f in _env.tests.items()}


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
    source: str,
    context: Mapping[str, Any],
    node: str | None = None,
    field: str | None = None,
    *,
    time_limit: float = limits.TIME_LIMIT,
) -> Any:
    """Render one template; ``time_limit`` bounds it in seconds (a screen that previews an
    expression while the user types wants a shorter one than a run)."""
    plain = _plain_template(source)
    if plain is not None:
        result = _render_plain(plain, context)
        if result is not _NOT_PLAIN:
            return result
    where = f" in '{node}'" + (f" → {field}" if field else "") if node else ""
    budget = limits.start(time_limit)
    try:
        native, compiled = _compile(source)
        if native:
            result = compiled(**context)
            if isinstance(result, _Undefined):
                result._fail_with_undefined_error()
            if not _comes_from(result, context):
                limits.check_printable(result)  # the step, and its history, will go through it
            return result
        return compiled.render(context)
    except _Missing as missing:
        raise _missing_variable(missing, context, node, field) from None
    except TooMuchWork as error:
        raise error.placed(node, field) from None
    except (RecursionError, MemoryError):
        raise TooDeep(0, node, field) from None
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
    finally:
        limits.stop(budget)


def _comes_from(value: Any, context: Mapping[str, Any]) -> bool:
    """Whether a value is (near enough the top of) the data the expression was given."""
    if not isinstance(value, limits.CONTAINERS):
        return True
    return _find(value, context, "", depth=0) is not None


def _missing_variable(
    missing: _Missing, context: Mapping[str, Any], node: str | None, field: str | None
) -> MissingVariable:
    past_the_end = isinstance(missing.parent, list | tuple) and isinstance(missing.name, int)
    length = len(missing.parent) if past_the_end else None
    return MissingVariable(_path_of(missing, context), node, field, list_length=length)


def _path_of(missing: _Missing, context: Mapping[str, Any]) -> str:
    """Name a missing variable by where it was looked for: ``trigger.customer_name``."""
    if isinstance(missing.name, int) and not isinstance(missing.name, bool):
        name = step = f"[{missing.name}]"
    else:
        name = "?" if missing.name is None else str(missing.name)
        step = _accessor(name)
    parent = missing.parent
    if parent is None or isinstance(parent, StrictUndefined):
        return name
    found = _find(parent, context, "", depth=0)
    if found is None:
        return name
    return f"{found}{step}" if found else name


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


# Templates made of text and plain paths ("Hello {{ trigger.body.name }}") are most of what
# runs, and Jinja spends about 25 µs on each (a context, a generator, the sandbox's lookups).
# Read here, they cost about one: each path is a list of keys worked out once per template,
# and walked through plain dicts and lists. Anything else — a key that is missing, a value
# that is not a dict or a list, an object to print — goes to Jinja, which gives the same
# answer or the same error as always: this only answers where Jinja's answer is certain.
_NOT_PLAIN = object()
_PATH_KEY = re.compile(
    r"""\.(?P<attr>[A-Za-z_]\w*)
    | \[ \s* (?: '(?P<single>[^'\\{}]*)' | "(?P<double>[^"\\{}]*)" | (?P<index>0|[1-9][0-9]*) ) \s* \]""",
    re.VERBOSE | re.ASCII,
)
# What is inside the braces of a lone {{ expression }} that is a plain path.
_PLAIN_EXPRESSION = re.compile(
    r"""\s* (?P<name>[A-Za-z_]\w*)
    (?P<rest> (?: \.[A-Za-z_]\w* | \[ \s* (?: '[^'\\{}]*' | "[^"\\{}]*" | [0-9]+ ) \s* \] )* )
    \s*""",
    re.VERBOSE | re.ASCII,
)
# A list or dict found at most this deep, each list item among a list's first 50, is one
# _comes_from finds in the context: it needs no printing check.
_FOUND_DEPTH = 6
_FOUND_INDEX = 50


@dataclass(frozen=True, slots=True)
class _PlainPath:
    root: str
    keys: tuple[str | int, ...]
    found: bool  # a container read here is known to come from the context


def _plain_path(match: re.Match[str]) -> _PlainPath | None:
    root = match["name"]
    if root not in CONTEXT_NAMES:
        return None  # a global (range), a constant (none), or a name the runner never gives
    keys: list[str | int] = []
    rest = match["rest"]
    at = 0
    while at < len(rest):
        key = _PATH_KEY.match(rest, at)
        if key is None:
            return None
        at = key.end()
        index = key["index"]
        if index is not None:
            keys.append(int(index))
        else:
            keys.append(key["attr"] or key["single"] or key["double"] or "")
    found = len(keys) < _FOUND_DEPTH and all(type(key) is str or key < _FOUND_INDEX for key in keys)
    return _PlainPath(root, tuple(keys), found)


@lru_cache(maxsize=4096)
def _plain_template(source: str) -> tuple[bool, tuple[str | _PlainPath, ...]] | None:
    """A template of text and plain paths, read as Jinja reads it: (whether it is one lone
    expression, its parts); None for any other."""
    if "\r" in source:
        return None  # Jinja makes its line breaks "\n"
    single = _SINGLE_EXPRESSION.match(source)
    if single and "{{" not in single["body"] and "}}" not in single["body"]:
        match = _PLAIN_EXPRESSION.fullmatch(single["body"])
        if match is None:
            return None
        path = _plain_path(match)
        return None if path is None else (True, (path,))
    parts: list[str | _PlainPath] = []
    at = 0
    for match in _PATH.finditer(source):
        text = source[at : match.start()]
        if not _plain_text(text) or text.endswith("{"):
            return None
        path = _plain_path(match)
        if path is None:
            return None
        if text:
            parts.append(text)
        parts.append(path)
        at = match.end()
    text = source[at:]
    if not _plain_text(text):
        return None
    if text:
        parts.append(text)
    return False, tuple(parts)


def _plain_text(text: str) -> bool:
    return "{{" not in text and "{%" not in text and "{#" not in text


def _walk(path: _PlainPath, context: Mapping[str, Any]) -> Any:
    """The value at ``path``, or _NOT_PLAIN where Jinja's lookup could differ from a dict's or
    a list's (or fail)."""
    if path.root not in context:
        return _NOT_PLAIN
    value = context[path.root]
    for key in path.keys:
        if type(key) is str:
            if type(value) is not dict:
                return _NOT_PLAIN
            value = value.get(key, _NOT_PLAIN)
            if value is _NOT_PLAIN:
                return _NOT_PLAIN
        elif type(value) is list and key < len(value):
            value = value[key]
        else:
            return _NOT_PLAIN
    return value


def _render_plain(
    plain: tuple[bool, tuple[str | _PlainPath, ...]], context: Mapping[str, Any]
) -> Any:
    native, parts = plain
    if native:
        path = parts[0]
        assert isinstance(path, _PlainPath)
        value = _walk(path, context)
        if path.found or not limits.is_container(value):
            return value  # as _comes_from says: no printing check
        return _NOT_PLAIN
    texts = []
    for part in parts:
        if type(part) is str:
            texts.append(part)
            continue
        value = _walk(part, context)  # type: ignore[arg-type]
        if type(value) not in _LEAF_TYPES:
            return _NOT_PLAIN  # missing, or to be checked before it is printed
        texts.append(str(value))
    text = "".join(texts)
    return text if len(text) <= limits.MAX_TEXT else _NOT_PLAIN


@lru_cache(maxsize=4096)
def referenced_steps(source: str) -> tuple[frozenset[str], frozenset[str]]:
    """Names of steps a template reads (``steps['X']`` / ``steps.X``) and its top-level names.

    Raises ExpressionError when the template does not parse, and TooMuchWork when its literal
    values alone ask for too much (``'x'|center(10**10)``).
    """
    plain = _plain_paths(source)
    if plain is not None:
        return plain
    try:
        tree = _env.parse(source)
    except TemplateSyntaxError as error:
        raise ExpressionError(f"has a mistake: {error.message}") from None
    if _MAY_ASK_TOO_MUCH.search(source):
        _check_literals(tree)
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


class _NotLiteral(Exception):
    pass


# Literals alone reach a limit only with a number of 8 digits or more, or by multiplying.
_MAY_ASK_TOO_MUCH = re.compile(r"\d{8}|\*")
_LITERAL_OPERATORS = frozenset({"+", "-", "*", "**", "%", "//"})


def _literal(node: nodes.Node) -> Any:
    """The value of an expression made of literals only, computed with the runtime's checks."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.Neg):
        return -_literal(node.node)
    if isinstance(node, nodes.Tuple | nodes.List):
        items = [_literal(item) for item in node.items]
        return tuple(items) if isinstance(node, nodes.Tuple) else items
    if isinstance(node, nodes.BinExpr) and node.operator in _LITERAL_OPERATORS:
        return _env.call_binop(None, node.operator, _literal(node.left), _literal(node.right))
    raise _NotLiteral


def _check_literals(tree: nodes.Template) -> None:
    """What validation can see without data: operators, filters and text methods on literals."""
    for node in tree.find_all((nodes.BinExpr, nodes.Filter, nodes.Call)):
        try:
            if isinstance(node, nodes.BinExpr):
                _literal(node)
            elif isinstance(node, nodes.Filter) and node.name in limits.FILTER_CHECKS:
                value = _literal(node.node) if node.node is not None else None
                args = [_literal(a) for a in node.args]
                kwargs = {k.key: _literal(k.value) for k in node.kwargs}
                limits.FILTER_CHECKS[node.name](value, *args, **kwargs)
            elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
                owner = _literal(node.node.node)
                if not isinstance(owner, str | bytes | int) or node.node.attr.startswith("_"):
                    continue
                args = tuple(_literal(a) for a in node.args)
                kwargs = {k.key: _literal(k.value) for k in node.kwargs}
                if node.node.attr in _FORMAT_METHODS and isinstance(owner, str):
                    for _, _, spec, _ in Formatter().parse(owner):
                        limits.check_format_spec(spec or "")
                else:
                    method = getattr(owner, node.node.attr, None)
                    limits.check_method_call(method, args, kwargs)
        except (_NotLiteral, TypeError, ValueError, ArithmeticError):
            continue


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


@dataclass(frozen=True)
class Token:
    """One token of a template as the expression language reads it, and where it stands."""

    kind: str  # Jinja's token type: name, string, operator, variable_begin…
    value: str  # as written
    start: int
    end: int

    def string_value(self) -> str:
        """The text a string token stands for, its quotes and escapes read as Jinja does."""
        return self.value[1:-1].encode("ascii", "backslashreplace").decode("unicode-escape")


_SKIPPED_TOKENS = frozenset({"whitespace", "data", "comment", "comment_begin", "comment_end"})


def parse_tokens(source: str) -> tuple[str, list[Token]]:
    """The tokens inside a template's ``{{ }}`` and ``{% %}``, with their places in the text
    returned beside them: ``source`` with its line breaks made ``\\n``, as rendering does.

    Raises TemplateSyntaxError when the template can't be read.
    """
    text = "\n".join(newline_re.split(source)[::2])
    tokens: list[Token] = []
    at = 0
    for _, kind, value in _env.lexer.tokeniter(text, None):
        # Tokens come in order; only whitespace a "-" strips is left out between them.
        start = text.find(value, at)
        if start < 0:
            raise TemplateSyntaxError("the template's tokens don't match its text", 1)
        at = start + len(value)
        if kind not in _SKIPPED_TOKENS:
            tokens.append(Token(kind, value, start, at))
    return text, tokens
