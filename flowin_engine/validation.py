"""Checks that a flow can run, with a message per problem naming the node and the field."""

from __future__ import annotations

import difflib
import functools
import re
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .editing import circle_problem, port_problems
from .errors import ExpressionError, FlowValidationError, Problem, TooMuchWork
from .expressions import CONTEXT_NAMES, is_template, referenced_steps, template_strings
from .graph import LOOP_BODY_PORT, Graph
from .model import Flow, Node
from .registry import NodeType, Registry, default_registry, url_schemes

LOOP_TYPE = "core.loop"
# How close a typed value must be to a choice to offer it as "did you mean" (difflib's ratio):
# 0.65 takes "bigger_than" to "greater_than" but not "YEET" to "DELETE".
CLOSE_ENOUGH = 0.65
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
_NUMBER_ERRORS = frozenset({"float_parsing", "float_type", "decimal_parsing", "decimal_type"})
_WHOLE_NUMBER_ERRORS = frozenset({"int_parsing", "int_type", "int_from_float"})
_YES_NO_ERRORS = frozenset({"bool_parsing", "bool_type"})


def validate_flow(flow: Flow, registry: Registry | None = None) -> list[Problem]:
    """Every reason ``flow`` can't run; an empty list when it can."""
    registry = registry or default_registry()
    flow = registry.with_current_names(flow)  # a step saved under a former type name is fine
    problems: list[Problem] = []
    names: dict[str, str] = {}
    ids: set[str] = set()
    types: dict[str, NodeType] = {}
    by_id = {n.id: n for n in flow.nodes}

    for node in flow.nodes:
        if node.id in ids:
            problems.append(
                Problem("Two steps share the id '{id}'.", node.name, args={"id": node.id})
            )
        ids.add(node.id)
        if node.name in names:
            problems.append(
                Problem(
                    "Two steps are called '{step}'; each step needs its own name.",
                    node.name,
                    args={"step": node.name},
                )
            )
        names[node.name] = node.id
        node_type = registry.find(node.type)
        if node_type is None:
            problems.append(_unknown_type(node, registry))
            continue
        types[node.id] = node_type
        empty = set()
        for key in node_type.required_fields():
            value = node.params.get(key)
            if value is None or value == "" or value == [] or value == {}:
                empty.add(key)
                title = node_type.field_title(key)
                problems.append(
                    Problem(
                        "'{step}' needs a value for {title}.",
                        node.name,
                        key,
                        args={"step": node.name, "title": title},
                    )
                )
        problems.extend(_settings_problems(node, node_type, empty))

    triggers = [n for n in flow.nodes if n.id in types and types[n.id].is_trigger]
    if not triggers:
        problems.append(Problem("This flow has no trigger: add one to say when it should run."))
    elif len(triggers) > 1:
        listed = ", ".join(f"'{n.name}'" for n in triggers)
        problems.append(
            Problem(
                "A flow has exactly one trigger, this one has {count}: {listed}.",
                args={"count": str(len(triggers)), "listed": listed},
            )
        )

    graph = Graph.of(flow)
    for edge in flow.edges:
        source, target = by_id.get(edge.source), by_id.get(edge.target)
        if source is None or target is None:
            missing = edge.source if source is None else edge.target
            known = source or target
            if known is None:
                template = "A connection leads to a step that doesn't exist ('{missing}')."
            elif known is source:
                template = (
                    "A connection from '{step}' leads to a step that doesn't exist ('{missing}')."
                )
            else:
                template = (
                    "A connection to '{step}' comes from a step that doesn't exist ('{missing}')."
                )
            problems.append(
                Problem(
                    template,
                    known.name if known is not None else None,
                    args={"missing": missing, "step": known.name if known is not None else ""},
                )
            )
            continue
        problems.extend(
            port_problems(
                source,
                types.get(source.id),
                edge.source_port,
                target,
                types.get(target.id),
                edge.target_port,
            )
        )

    cycle = graph.find_cycle()
    if cycle:
        problems.append(circle_problem(flow, cycle))
        return problems

    loops = [n.id for n in flow.nodes if n.type == LOOP_TYPE]
    if loops:
        problems.extend(_loop_problems(flow, graph, loops, by_id))

    expressions: list[tuple[Node, str, str, frozenset[str] | ExpressionError, frozenset[str]]] = []
    asked: dict[str, set[str]] = {}
    for node in flow.nodes:
        node_type = types.get(node.id)
        for field, source in template_strings(node.params):
            title = node_type.field_title(field) if node_type and field else field or "a field"
            try:
                steps, top_level = referenced_steps(source)
            except ExpressionError as error:
                expressions.append((node, field, title, error, frozenset()))
                continue
            expressions.append((node, field, title, steps, top_level))
            known = {step for step in steps if step in names}
            if known:
                asked.setdefault(node.id, set()).update(known)
    not_before = graph.not_before(asked, lambda node_id: by_id[node_id].name)

    for node, field, title, steps_or_error, top_level in expressions:
        if isinstance(steps_or_error, TooMuchWork):
            problem = steps_or_error.placed(node.name, field or title, title).problem
            problems.extend([problem] if problem else [])
            continue
        if isinstance(steps_or_error, ExpressionError):
            problems.append(
                Problem(
                    "The expression in '{step}' → {title} {error}.",
                    node.name,
                    field,
                    args={"step": node.name, "title": title, "error": str(steps_or_error)},
                )
            )
            continue
        for unknown in sorted(top_level - CONTEXT_NAMES):
            problems.append(
                Problem(
                    "'{step}' → {title} uses {{{{{name}}}}}, which Flowin doesn't know; "
                    "start with trigger., steps['Step name']. or input.",
                    node.name,
                    field,
                    args={"step": node.name, "title": title, "name": unknown},
                )
            )
        for step in sorted(steps_or_error):
            if step not in names:
                problems.append(
                    Problem(
                        "'{step}' → {title} refers to a step '{other}' that doesn't exist.",
                        node.name,
                        field,
                        args={"step": node.name, "title": title, "other": step},
                    )
                )
            elif step in not_before.get(node.id, ()):
                problems.append(
                    Problem(
                        "'{step}' → {title} refers to '{other}', which doesn't run before it.",
                        node.name,
                        field,
                        args={"step": node.name, "title": title, "other": step},
                    )
                )
    return problems


def _loop_problems(
    flow: Flow, graph: Graph, loops: list[str], by_id: dict[str, Node]
) -> list[Problem]:
    problems: list[Problem] = []
    inside, after, ordered_loops = graph.loop_bodies(loops)
    scopes = graph.loop_scopes(loops)
    both: dict[str, list[str]] = {loop_id: [] for loop_id in loops}
    for node in flow.nodes:
        mask = inside[node.id] & after[node.id]
        while mask:
            lowest = mask & -mask
            both[ordered_loops[lowest.bit_length() - 1]].append(node.id)
            mask ^= lowest
    for loop_id in loops:
        loop_name = by_id[loop_id].name
        for node_id in sorted(both[loop_id]):
            problems.append(
                Problem(
                    "'{step}' is both inside the loop '{loop}' and after it; "
                    "connect it to one of the two.",
                    by_id[node_id].name,
                    args={"step": by_id[node_id].name, "loop": loop_name},
                )
            )
    for edge in flow.edges:
        if edge.source in by_id and edge.target in by_id:
            inner = scopes.get(edge.target)
            outer = scopes.get(edge.source)
            entering = edge.source == inner and edge.source_port == LOOP_BODY_PORT
            if inner is not None and inner != outer and not entering:
                problems.append(
                    Problem(
                        "'{step}' runs inside the loop '{loop}' and can only be connected from "
                        "inside it; read '{source}' with {{{{ steps['{source}'].output }}}} instead.",
                        by_id[edge.target].name,
                        args={
                            "step": by_id[edge.target].name,
                            "loop": by_id[inner].name,
                            "source": by_id[edge.source].name,
                        },
                    )
                )
    return problems


def check_flow(flow: Flow, registry: Registry | None = None) -> None:
    """Raise FlowValidationError listing every problem, or return when the flow can run."""
    problems = validate_flow(flow, registry)
    if problems:
        raise FlowValidationError(problems)


def _unknown_type(node: Node, registry: Registry) -> Problem:
    known = [t.type for t in registry.node_types]
    close = difflib.get_close_matches(node.type, known, n=1, cutoff=CLOSE_ENOUGH)
    if close:
        return Problem(
            "'{step}' uses an unknown node type '{type}'. Did you mean '{suggestion}'?",
            node.name,
            "type",
            args={"step": node.name, "type": node.type, "suggestion": close[0]},
        )
    return Problem(
        "'{step}' uses an unknown node type '{type}'.",
        node.name,
        "type",
        args={"step": node.name, "type": node.type},
    )


def _settings_problems(node: Node, node_type: NodeType, empty: set[str]) -> list[Problem]:
    """Each setting checked against the type and choices its node type declares.

    A value holding an {{ expression }} is only known when the step runs, so it (and anything
    it is part of) is checked then, after templating, not here.
    """
    problems: list[Problem] = []
    try:
        node_type.input_model.model_validate(node.params)
    except ValidationError as error:
        for detail in error.errors():
            loc = detail["loc"]
            if not loc:
                if not any(True for _ in template_strings(node.params)):
                    problems.append(_setting_problem(node, node_type, detail, ()))
                continue
            if str(loc[0]) in empty or (len(loc) == 1 and detail["type"] == "missing"):
                continue  # already said: it needs a value
            if _holds_expression(node.params, loc):
                continue
            problems.append(_setting_problem(node, node_type, detail, loc))
    for key, schemes in url_schemes(node_type.input_model).items():
        problem = _url_problem(node, node_type, key, schemes)
        if problem is not None:
            problems.append(problem)
    problems.extend(_misspelt_settings(node, node_type))
    return problems


def _misspelt_settings(node: Node, node_type: NodeType) -> list[Problem]:
    """Settings the step doesn't have but nearly has: 'amout' for 'amount' would otherwise be
    dropped in silence and the step run with its default. A name close to none is left alone
    (a setting an older version of the connector had, say)."""
    known = _setting_names(node_type.input_model)
    if known is None:
        return []
    problems = []
    for key in node.params:
        if key in known:
            continue
        close = difflib.get_close_matches(key, known, n=1, cutoff=CLOSE_ENOUGH)
        if close:
            name = known[close[0]]
            problems.append(
                Problem(
                    "'{step}' has no setting '{key}'. Did you mean {title} ('{suggestion}')?",
                    node.name,
                    key,
                    args={
                        "step": node.name,
                        "key": key,
                        "title": node_type.field_title(name),
                        "suggestion": close[0],
                    },
                )
            )
    return problems


@functools.cache
def _setting_names(model: type[BaseModel]) -> dict[str, str] | None:
    """Each name a setting of ``model`` goes by (its own, or its alias) → its own name; None
    when the model takes any name."""
    if model.model_config.get("extra") == "allow":
        return None
    known = {name: name for name in model.model_fields}
    known |= {f.alias: name for name, f in model.model_fields.items() if f.alias}
    return known


def _holds_expression(params: dict[str, Any], loc: tuple[int | str, ...]) -> bool:
    """Whether the value at ``loc``, or a value it is inside of, is an {{ expression }}."""
    current: Any = params
    for part in loc:
        if is_template(current):
            return True
        in_dict = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        # Otherwise ``part`` is a union's tag or a validator's name, not a place in the value.
        if in_dict or in_list:
            current = current[part]
    return is_template(current) or any(True for _ in template_strings(current))


def _setting_problem(
    node: Node, node_type: NodeType, detail: ErrorDetails, loc: tuple[int | str, ...]
) -> Problem:
    title = _title_along(node_type.input_model, loc) if loc else "its settings"
    field = str(loc[0]) if loc else None
    value = _shown(detail.get("input"))
    kind = detail["type"]
    args = {"step": node.name, "title": title, "value": value}
    if kind in ("literal_error", "enum"):
        choices = _QUOTED.findall(str((detail.get("ctx") or {}).get("expected", "")))
        if choices:
            listed = ", ".join(choices)
            close = _close_choice(detail.get("input"), choices)
            if close is not None:
                return Problem(
                    "'{step}' → {title}: '{value}' is not one of {choices}. "
                    "Did you mean '{suggestion}'?",
                    node.name,
                    field,
                    args={**args, "choices": listed, "suggestion": close},
                )
            return Problem(
                "'{step}' → {title}: '{value}' is not one of {choices}.",
                node.name,
                field,
                args={**args, "choices": listed},
            )
    if kind in _NUMBER_ERRORS:
        return Problem(
            "'{step}' → {title}: '{value}' is not a number.", node.name, field, args=args
        )
    if kind in _WHOLE_NUMBER_ERRORS:
        return Problem(
            "'{step}' → {title}: '{value}' is not a whole number.", node.name, field, args=args
        )
    if kind in _YES_NO_ERRORS:
        return Problem(
            "'{step}' → {title}: '{value}' is neither yes (true) nor no (false).",
            node.name,
            field,
            args=args,
        )
    if kind == "missing":
        return Problem(
            "'{step}' → {title} is required.",
            node.name,
            field,
            args={"step": node.name, "title": title},
        )
    reason = detail["msg"].removeprefix("Value error, ")
    return Problem(
        "'{step}' → {title} {reason}.",
        node.name,
        field,
        args={"step": node.name, "title": title, "reason": reason[:1].lower() + reason[1:]},
    )


def _url_problem(node: Node, node_type: NodeType, key: str, schemes: list[str]) -> Problem | None:
    value = node.params.get(key)
    if not isinstance(value, str) or not value.strip():
        return None
    # Only the part before an {{ expression }} is known now: "{{ base }}/x" is checked later.
    known = re.split(r"{{|{%", value, maxsplit=1)[0]
    scheme = _SCHEME.match(known)
    args = {
        "step": node.name,
        "title": node_type.field_title(key),
        "value": _shown(value),
        "schemes": " or ".join(f"{s}://" for s in schemes),
    }
    if scheme is None:
        if is_template(value):
            return None
        return Problem(
            "'{step}' → {title}: '{value}' is not a web address; it starts with {schemes}.",
            node.name,
            key,
            args=args,
        )
    if scheme.group(1).lower() not in schemes:
        return Problem(
            "'{step}' → {title}: '{value}' can't be called; only addresses starting with "
            "{schemes} can.",
            node.name,
            key,
            args=args,
        )
    return None


def _close_choice(value: Any, choices: list[str]) -> str | None:
    if not isinstance(value, str):
        return None
    by_lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=CLOSE_ENOUGH)
    return by_lower[close[0]] if close else None


def _title_along(model: type[BaseModel], loc: tuple[int | str, ...]) -> str:
    """Where a setting is, in the words the properties panel shows: "Conditions #2 → Check"."""
    parts: list[str] = []
    models = [model]
    for part in loc:
        if isinstance(part, int):
            if parts:
                parts[-1] = f"{parts[-1]} #{part + 1}"
            continue
        owner = next((m for m in models if part in m.model_fields), None)
        if owner is None:
            continue  # a union's tag or a validator's name
        info = owner.model_fields[part]
        parts.append(info.title or part.replace("_", " ").capitalize())
        models = _models_in(info.annotation)
    return " → ".join(parts) or "its settings"


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for argument in typing.get_args(annotation):
        found.extend(_models_in(argument))
    return found


def _shown(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
