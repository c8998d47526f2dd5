"""Checks that a flow can run, with a message per problem naming the node and the field."""

from __future__ import annotations

from .errors import ExpressionError, FlowValidationError, Problem
from .expressions import CONTEXT_NAMES, referenced_steps, template_strings
from .graph import LOOP_BODY_PORT, LOOP_DONE_PORT, Graph
from .model import Flow
from .registry import NodeType, Registry, default_registry

LOOP_TYPE = "core.loop"


def validate_flow(flow: Flow, registry: Registry | None = None) -> list[Problem]:
    """Every reason ``flow`` can't run; an empty list when it can."""
    registry = registry or default_registry()
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
            problems.append(
                Problem(
                    "'{step}' uses an unknown node type '{type}'.",
                    node.name,
                    "type",
                    args={"step": node.name, "type": node.type},
                )
            )
            continue
        types[node.id] = node_type
        for key in node_type.required_fields():
            value = node.params.get(key)
            if value is None or value == "" or value == [] or value == {}:
                title = node_type.field_title(key)
                problems.append(
                    Problem(
                        "'{step}' needs a value for {title}.",
                        node.name,
                        key,
                        args={"step": node.name, "title": title},
                    )
                )

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
        if source.id in types:
            ports = types[source.id].output_ports(source.params)
            if edge.source_port not in ports:
                problems.append(
                    Problem(
                        "'{step}' has no output called '{port}' (it has: {ports}).",
                        source.name,
                        args={
                            "step": source.name,
                            "port": edge.source_port,
                            "ports": ", ".join(ports),
                        },
                    )
                )
        if target.id in types:
            target_type = types[target.id]
            if target_type.is_trigger:
                problems.append(
                    Problem(
                        "'{step}' is a trigger: nothing can connect into it.",
                        target.name,
                        args={"step": target.name},
                    )
                )
            elif edge.target_port not in target_type.input_ports:
                problems.append(
                    Problem(
                        "'{step}' has no input called '{port}'.",
                        target.name,
                        args={"step": target.name, "port": edge.target_port},
                    )
                )

    cycle = graph.find_cycle()
    if cycle:
        path = " → ".join(f"'{by_id[n].name}'" for n in [*cycle, cycle[0]])
        problems.append(
            Problem(
                "These steps go round in a circle: {path}. To repeat steps, use a Loop node.",
                args={"path": path},
            )
        )
        return problems

    loops = [n.id for n in flow.nodes if n.type == LOOP_TYPE]
    scopes = graph.loop_scopes(loops)
    for loop_id in loops:
        body = graph.downstream(loop_id, {LOOP_BODY_PORT})
        after = graph.downstream(loop_id, {LOOP_DONE_PORT})
        loop_name = by_id[loop_id].name
        for node_id in sorted(body & after):
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

    for node in flow.nodes:
        upstream = {by_id[n].name for n in graph.upstream(node.id)}
        node_type = types.get(node.id)
        for field, source in template_strings(node.params):
            title = node_type.field_title(field) if node_type and field else field or "a field"
            try:
                steps, top_level = referenced_steps(source)
            except ExpressionError as error:
                problems.append(
                    Problem(
                        "The expression in '{step}' → {title} {error}.",
                        node.name,
                        field,
                        args={"step": node.name, "title": title, "error": str(error)},
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
            for step in sorted(steps):
                if step not in names:
                    problems.append(
                        Problem(
                            "'{step}' → {title} refers to a step '{other}' that doesn't exist.",
                            node.name,
                            field,
                            args={"step": node.name, "title": title, "other": step},
                        )
                    )
                elif step not in upstream:
                    problems.append(
                        Problem(
                            "'{step}' → {title} refers to '{other}', which doesn't run before it.",
                            node.name,
                            field,
                            args={"step": node.name, "title": title, "other": step},
                        )
                    )
    return problems


def check_flow(flow: Flow, registry: Registry | None = None) -> None:
    """Raise FlowValidationError listing every problem, or return when the flow can run."""
    problems = validate_flow(flow, registry)
    if problems:
        raise FlowValidationError(problems)
