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
            problems.append(Problem(f"Two steps share the id '{node.id}'.", node.name))
        ids.add(node.id)
        if node.name in names:
            problems.append(
                Problem(
                    f"Two steps are called '{node.name}'; each step needs its own name.", node.name
                )
            )
        names[node.name] = node.id
        node_type = registry.find(node.type)
        if node_type is None:
            problems.append(
                Problem(
                    f"'{node.name}' uses an unknown node type '{node.type}'.", node.name, "type"
                )
            )
            continue
        types[node.id] = node_type
        for key in node_type.required_fields():
            value = node.params.get(key)
            if value is None or value == "" or value == [] or value == {}:
                title = node_type.field_title(key)
                problems.append(
                    Problem(f"'{node.name}' needs a value for {title}.", node.name, key)
                )

    triggers = [n for n in flow.nodes if n.id in types and types[n.id].is_trigger]
    if not triggers:
        problems.append(Problem("This flow has no trigger: add one to say when it should run."))
    elif len(triggers) > 1:
        listed = ", ".join(f"'{n.name}'" for n in triggers)
        problems.append(
            Problem(f"A flow has exactly one trigger, this one has {len(triggers)}: {listed}.")
        )

    graph = Graph.of(flow)
    for edge in flow.edges:
        source, target = by_id.get(edge.source), by_id.get(edge.target)
        if source is None or target is None:
            missing = edge.source if source is None else edge.target
            known = source or target
            about = f" from '{known.name}'" if known is not None and known is source else ""
            about = f" to '{known.name}'" if known is not None and known is target else about
            problems.append(
                Problem(f"A connection{about} leads to a step that doesn't exist ('{missing}').")
            )
            continue
        if source.id in types:
            ports = types[source.id].output_ports(source.params)
            if edge.source_port not in ports:
                problems.append(
                    Problem(
                        f"'{source.name}' has no output called '{edge.source_port}' "
                        f"(it has: {', '.join(ports)}).",
                        source.name,
                    )
                )
        if target.id in types:
            target_type = types[target.id]
            if target_type.is_trigger:
                problems.append(
                    Problem(
                        f"'{target.name}' is a trigger: nothing can connect into it.", target.name
                    )
                )
            elif edge.target_port not in target_type.input_ports:
                problems.append(
                    Problem(
                        f"'{target.name}' has no input called '{edge.target_port}'.", target.name
                    )
                )

    cycle = graph.find_cycle()
    if cycle:
        path = " → ".join(f"'{by_id[n].name}'" for n in [*cycle, cycle[0]])
        problems.append(
            Problem(f"These steps go round in a circle: {path}. To repeat steps, use a Loop node.")
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
                    f"'{by_id[node_id].name}' is both inside the loop '{loop_name}' and after it; "
                    "connect it to one of the two.",
                    by_id[node_id].name,
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
                        f"'{by_id[edge.target].name}' runs inside the loop '{by_id[inner].name}' and can "
                        f"only be connected from inside it; read '{by_id[edge.source].name}' with "
                        f"{{{{ steps['{by_id[edge.source].name}'].output }}}} instead.",
                        by_id[edge.target].name,
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
                    Problem(f"The expression in '{node.name}' → {title} {error}.", node.name, field)
                )
                continue
            for unknown in sorted(top_level - CONTEXT_NAMES):
                problems.append(
                    Problem(
                        f"'{node.name}' → {title} uses {{{{{unknown}}}}}, which Flowin doesn't know; "
                        "start with trigger., steps['Step name']. or input.",
                        node.name,
                        field,
                    )
                )
            for step in sorted(steps):
                if step not in names:
                    problems.append(
                        Problem(
                            f"'{node.name}' → {title} refers to a step '{step}' that doesn't exist.",
                            node.name,
                            field,
                        )
                    )
                elif step not in upstream:
                    problems.append(
                        Problem(
                            f"'{node.name}' → {title} refers to '{step}', which doesn't run before it.",
                            node.name,
                            field,
                        )
                    )
    return problems


def check_flow(flow: Flow, registry: Registry | None = None) -> None:
    """Raise FlowValidationError listing every problem, or return when the flow can run."""
    problems = validate_flow(flow, registry)
    if problems:
        raise FlowValidationError(problems)
