"""The rules every edit of a flow follows, whoever makes it: the canvas, the AI builder, a
paste, an import.

Each operation looks at a flow and returns an ``Edit``, the change as data (steps and
connections to add, remove or replace, moves, pins); it changes nothing. ``apply`` makes an
edit and returns the edit that undoes it, so the desktop's undo commands are thin wrappers and
every caller keeps names unique, connections sound and ``{{ steps['…'] }}`` references whole in
the same way. Questions about the connections (what comes after what) go to ``graph``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from jinja2 import TemplateSyntaxError

from .errors import FlowinError, Problem
from .expressions import is_template, parse_tokens
from .graph import Graph
from .model import MAIN_PORT, Edge, Flow, Node, PinnedOutput, Position, StickyNote, new_id
from .registry import NodeType, Registry

PASTE_OFFSET = 40.0  # each paste lands this far down-right of the last, so copies never hide
STEP_GAP = 280.0  # how far the steps after an inserted one move right to make room for it
# The room a step's card takes on the canvas from its top-left corner, with a margin: a new
# step placed nearer than this to another would cover it.
STEP_FOOTPRINT = (260.0, 110.0)


class StepNotFound(FlowinError):
    def __init__(self, name: str) -> None:
        super().__init__(f"There is no step called '{name}' in this flow.")


class StepNameTaken(FlowinError):
    def __init__(self, name: str) -> None:
        super().__init__(f"Another step is already called '{name}'; choose another name.")


class EmptyStepName(FlowinError):
    def __init__(self) -> None:
        super().__init__("A step needs a name: it is how other steps read its data.")


@dataclass
class Edit:
    """A change to a flow, as data. Additions carry the index to insert at (None: at the end),
    so undoing a deletion puts everything back where it was."""

    added_nodes: list[tuple[int | None, Node]] = field(default_factory=list)
    removed_nodes: list[str] = field(default_factory=list)
    replaced_nodes: list[Node] = field(default_factory=list)  # same id, new content
    added_edges: list[tuple[int | None, Edge]] = field(default_factory=list)
    removed_edges: list[str] = field(default_factory=list)
    added_notes: list[tuple[int | None, StickyNote]] = field(default_factory=list)
    removed_notes: list[str] = field(default_factory=list)
    moved: dict[str, Position] = field(default_factory=dict)  # step or note id → where to
    pinned: dict[str, PinnedOutput | None] = field(default_factory=dict)  # None: unpin
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # (step id, old, new)

    @property
    def nodes(self) -> list[Node]:
        """The steps this edit adds."""
        return [node for _, node in self.added_nodes]

    @property
    def edges(self) -> list[Edge]:
        """The connections this edit adds."""
        return [edge for _, edge in self.added_edges]

    def is_empty(self) -> bool:
        return not any(
            (
                self.added_nodes,
                self.removed_nodes,
                self.replaced_nodes,
                self.added_edges,
                self.removed_edges,
                self.added_notes,
                self.removed_notes,
                self.moved,
                self.pinned,
            )
        )

    def then(self, other: Edit) -> Edit:
        """This edit and ``other`` as one, for edits that touch different things."""
        return Edit(
            self.added_nodes + other.added_nodes,
            self.removed_nodes + other.removed_nodes,
            self.replaced_nodes + other.replaced_nodes,
            self.added_edges + other.added_edges,
            self.removed_edges + other.removed_edges,
            self.added_notes + other.added_notes,
            self.removed_notes + other.removed_notes,
            {**self.moved, **other.moved},
            {**self.pinned, **other.pinned},
            self.renamed + other.renamed,
        )


def apply(flow: Flow, edit: Edit) -> Edit:
    """Make ``edit`` on ``flow`` (in place); return the edit that undoes it.

    Removing a step removes its connections too. Removals go first, then replacements, then
    additions, so the undoing edit restores every list exactly.
    """
    undo = Edit(renamed=[(node_id, new, old) for node_id, old, new in edit.renamed])
    gone_nodes = set(edit.removed_nodes)
    gone_edges = set(edit.removed_edges)
    undo.added_edges = [
        (index, edge)
        for index, edge in enumerate(flow.edges)
        if edge.id in gone_edges or edge.source in gone_nodes or edge.target in gone_nodes
    ]
    removed_edge_ids = {edge.id for _, edge in undo.added_edges}
    flow.edges[:] = [edge for edge in flow.edges if edge.id not in removed_edge_ids]
    undo.added_nodes = [(i, node) for i, node in enumerate(flow.nodes) if node.id in gone_nodes]
    flow.nodes[:] = [node for node in flow.nodes if node.id not in gone_nodes]
    gone_notes = set(edit.removed_notes)
    undo.added_notes = [
        (i, note) for i, note in enumerate(flow.sticky_notes) if note.id in gone_notes
    ]
    flow.sticky_notes[:] = [note for note in flow.sticky_notes if note.id not in gone_notes]

    index_of = {node.id: index for index, node in enumerate(flow.nodes)}
    for replacement in edit.replaced_nodes:
        index = index_of[replacement.id]
        undo.replaced_nodes.append(flow.nodes[index])
        flow.nodes[index] = replacement.model_copy(deep=True)

    for index, node in edit.added_nodes:
        _insert(flow.nodes, index, node.model_copy(deep=True))
        undo.removed_nodes.append(node.id)
    for index, edge in edit.added_edges:
        _insert(flow.edges, index, edge.model_copy(deep=True))
        undo.removed_edges.append(edge.id)
    for index, note in edit.added_notes:
        _insert(flow.sticky_notes, index, note.model_copy(deep=True))
        undo.removed_notes.append(note.id)

    movable = {thing.id: thing for thing in [*flow.nodes, *flow.sticky_notes]}
    for thing_id, position in edit.moved.items():
        thing = movable[thing_id]
        undo.moved[thing_id] = thing.position
        thing.position = position.model_copy()
    for node_id, pinned in edit.pinned.items():
        undo.pinned[node_id] = flow.pinned.get(node_id)
        if pinned is None:
            flow.pinned.pop(node_id, None)
        else:
            flow.pinned[node_id] = pinned
    return undo


def _insert(items: list[Any], index: int | None, item: Any) -> None:
    if index is None:
        items.append(item)
    else:
        items.insert(index, item)


# Names.


def unique_name(wanted: str, taken: Iterable[str]) -> str:
    """``wanted``, or ``wanted 2``, ``wanted 3``… : the first no step in ``taken`` has."""
    names = set(taken)
    if wanted not in names:
        return wanted
    number = 2
    while f"{wanted} {number}" in names:
        number += 1
    return f"{wanted} {number}"


def rename_step(flow: Flow, old: str, new: str) -> Edit:
    """Rename the step ``old`` to ``new`` and every reference to it with it: ``steps['old']``
    and ``steps.old`` in any step's settings, however deep (rules of a condition, rows of a
    table). Pinned test data is kept by the step's id, so it stays with the step."""
    node = flow.node_by_name(old)
    if node is None:
        raise StepNotFound(old)
    new = new.strip()
    if not new:
        raise EmptyStepName()
    if new == old:
        return Edit()
    if flow.node_by_name(new) is not None:
        raise StepNameTaken(new)
    names = {old: new}
    edit = Edit(renamed=[(node.id, old, new)])
    for other in flow.nodes:
        params = rename_references(other.params, names)
        if other.id == node.id:
            edit.replaced_nodes.append(other.model_copy(update={"name": new, "params": params}))
        elif params != other.params:
            edit.replaced_nodes.append(other.model_copy(update={"params": params}))
    return edit


def rename_references(value: Any, names: Mapping[str, str]) -> Any:
    """``value`` (a step's params: text, lists, dicts) with every reference to a step in
    ``names`` reading its new name; a new object, ``value`` itself is left as it was."""
    if isinstance(value, str):
        return rename_in_template(value, names) if is_template(value) else value
    if isinstance(value, dict):
        return {key: rename_references(item, names) for key, item in value.items()}
    if isinstance(value, list):
        return [rename_references(item, names) for item in value]
    return value


# Words Jinja reads as something else after a dot: such a name is written steps['…'].
_NOT_ATTRIBUTES = frozenset(
    {"true", "false", "none", "True", "False", "None", "and", "or", "not", "in", "is", "if"}
)


def rename_in_template(source: str, names: Mapping[str, str]) -> str:
    """One template with ``steps['Old']``, ``steps["Old"]`` and ``steps.Old`` reading the new
    names. It goes by the template's tokens, as the expression language reads them, so a step
    called "Order" never touches ``steps['Orders']`` nor text outside ``{{ }}``."""
    if "steps" not in source or not any(old != new for old, new in names.items()):
        return source
    try:
        tokens = parse_tokens(source)
    except TemplateSyntaxError:
        return _rename_quoted(source, names)
    text, tokens = tokens
    pieces: list[str] = []
    done = 0
    for index, token in enumerate(tokens):
        if token.kind != "name" or token.value != "steps":
            continue
        before = tokens[index - 1] if index else None
        if before is not None and (before.value in (".", "|") or before.value == "is"):
            continue  # an attribute, a filter or a test called steps, not the steps
        rest = tokens[index + 1 : index + 4]
        if len(rest) >= 3 and [t.value for t in (rest[0], rest[2])] == ["[", "]"]:
            if rest[1].kind != "string":
                continue
            old = rest[1].string_value()
            if old in names and names[old] != old:
                pieces += [text[done : rest[1].start], quoted(names[old], rest[1].value[0])]
                done = rest[1].end
        elif len(rest) >= 2 and rest[0].value == "." and rest[1].kind == "name":
            old = rest[1].value
            if old in names and names[old] != old:
                pieces += [text[done : rest[0].start], _accessor(names[old])]
                done = rest[1].end
    if not pieces:
        return source
    return "".join(pieces) + text[done:]


def quoted(name: str, quote: str = "'") -> str:
    """``name`` as a string in an expression, between ``quote``s."""
    escaped = name.replace("\\", "\\\\").replace(quote, "\\" + quote)
    return f"{quote}{escaped}{quote}"


def _accessor(name: str) -> str:
    if name.isidentifier() and name not in _NOT_ATTRIBUTES:
        return f".{name}"
    return f"[{quoted(name)}]"


def _rename_quoted(source: str, names: Mapping[str, str]) -> str:
    """For a template that doesn't read (it is shown as a mistake anyway): the quoted form
    only, whose quotes keep "Order" from matching "Orders"."""
    for old, new in names.items():
        if old == new:
            continue
        pattern = r"""steps\[(\s*)(['"])""" + re.escape(old) + r"""\2(\s*)\]"""
        source = re.sub(
            pattern,
            lambda m, new=new: f"steps[{m[1]}{quoted(new, m[2])}{m[3]}]",
            source,
        )
    return source


# Connections.


def port_problems(
    source: Node,
    source_type: NodeType | None,
    source_port: str,
    target: Node,
    target_type: NodeType | None,
    target_port: str,
) -> list[Problem]:
    """What is wrong with the ports of a connection from ``source`` to ``target``: the check
    validation makes of every connection and the canvas of every new one."""
    problems = []
    if source_type is not None:
        ports = source_type.output_ports(source.params)
        if source_port not in ports:
            problems.append(
                Problem(
                    "'{step}' has no output called '{port}' (it has: {ports}).",
                    source.name,
                    args={"step": source.name, "port": source_port, "ports": ", ".join(ports)},
                )
            )
    if target_type is not None:
        if target_type.is_trigger:
            problems.append(
                Problem(
                    "'{step}' is a trigger: nothing can connect into it.",
                    target.name,
                    args={"step": target.name},
                )
            )
        elif target_port not in target_type.input_ports:
            problems.append(
                Problem(
                    "'{step}' has no input called '{port}'.",
                    target.name,
                    args={"step": target.name, "port": target_port},
                )
            )
    return problems


def circle_problem(flow: Flow, cycle: list[str]) -> Problem:
    """Steps (ids, in running order) that go round in a circle, named from the one that comes
    first in the flow, so the canvas and validation word the same circle the same way."""
    place = {node.id: index for index, node in enumerate(flow.nodes)}
    first = min(range(len(cycle)), key=lambda index: place.get(cycle[index], len(place)))
    ordered = cycle[first:] + cycle[:first]
    path = " → ".join(f"'{flow.node(node_id).name}'" for node_id in [*ordered, ordered[0]])
    return Problem(
        "These steps go round in a circle: {path}. To repeat steps, use a Loop node.",
        args={"path": path},
    )


def connection_problem(
    flow: Flow,
    registry: Registry,
    source: str,
    source_port: str,
    target: str,
    target_port: str,
) -> Problem | None:
    """Why a connection from ``source``'s ``source_port`` to ``target``'s ``target_port``
    can't be made; None when it can. Validation would say the same of the flow with it."""
    try:
        source_node, target_node = flow.node(source), flow.node(target)
    except KeyError:
        return Problem("That step no longer exists.")
    if source == target:
        return Problem("A step can't connect to itself.", source_node.name)
    problems = port_problems(
        source_node,
        registry.find(source_node.type),
        source_port,
        target_node,
        registry.find(target_node.type),
        target_port,
    )
    if problems:
        return problems[0]
    wanted = (source, source_port, target, target_port)
    if any((e.source, e.source_port, e.target, e.target_port) == wanted for e in flow.edges):
        return Problem("These two steps are already connected.", source_node.name)
    back = Graph.of(flow).path(target, source)
    if back is not None:
        return circle_problem(flow, [source, *back[:-1]])
    return None


def connect(flow: Flow, registry: Registry, edge: Edge) -> Edit:
    """Add the connection ``edge``; raises ConnectionRefused when the rules refuse it."""
    problem = connection_problem(
        flow, registry, edge.source, edge.source_port, edge.target, edge.target_port
    )
    if problem is not None:
        raise ConnectionRefused(problem)
    return Edit(added_edges=[(None, edge)])


class ConnectionRefused(FlowinError):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


# Adding steps.


def default_params(model: Any) -> dict[str, Any]:
    """The starting params of a new step: every field that has a simple default."""
    params: dict[str, Any] = {}
    for key, info in model.model_fields.items():
        if info.is_required():
            continue
        default = info.get_default(call_default_factory=True)
        if isinstance(default, str | int | float | bool) and not isinstance(default, type):
            params[key] = default
    return params


def free_spot(flow: Flow, x: float, y: float, step: float = 30.0) -> tuple[float, float]:
    """(x, y), or the first place down-right of it no step is on, so new steps don't pile up."""
    while any(abs(n.position.x - x) < step and abs(n.position.y - y) < step for n in flow.nodes):
        x, y = x + step, y + step
    return x, y


def clear_spot(
    flow: Flow, x: float, y: float, footprint: tuple[float, float] = STEP_FOOTPRINT
) -> tuple[float, float]:
    """(x, y), or the first place below it where a new step's card covers no other step's."""
    width, height = footprint
    while any(abs(n.position.x - x) < width and abs(n.position.y - y) < height for n in flow.nodes):
        y += height
    return x, y


def step_after(
    flow: Flow, registry: Registry, node: Node, before: str, gap: float = STEP_GAP
) -> tuple[Node, list[Edge]]:
    """``node`` put ``gap`` to the right of the step ``before`` (below the steps already
    there), and the connection from ``before``'s first output into it when the connection
    rules allow one (not into a trigger, not out of a step that ends the run)."""
    before_node = flow.node(before)
    x, y = clear_spot(flow, before_node.position.x + gap, before_node.position.y)
    placed = node.model_copy(update={"position": Position(x=x, y=y)})
    before_type = registry.find(before_node.type)
    node_type = registry.find(node.type)
    if before_type is None or node_type is None or not before_type.manifest.outputs:
        return placed, []
    if not node_type.input_ports:
        return placed, []
    edge = Edge(
        source=before,
        source_port=before_type.default_port,
        target=placed.id,
        target_port=node_type.input_ports[0],
    )
    problems = port_problems(
        before_node, before_type, edge.source_port, placed, node_type, edge.target_port
    )
    return placed, [] if problems else [edge]


def add_steps(flow: Flow, nodes: Iterable[Node], edges: Iterable[Edge] = ()) -> Edit:
    """Add ``nodes`` as they are (ids, places), renamed only where a name is taken, the
    references among them following, and the ``edges`` given."""
    nodes = list(nodes)
    taken = {n.name for n in flow.nodes}
    names: dict[str, str] = {}
    for node in nodes:
        names[node.name] = unique_name(node.name, taken)
        taken.add(names[node.name])
    renamed = [
        node.model_copy(
            update={"name": names[node.name], "params": rename_references(node.params, names)}
        )
        if names[node.name] != node.name
        else node
        for node in nodes
    ]
    return Edit(added_nodes=[(None, n) for n in renamed], added_edges=[(None, e) for e in edges])


def paste(flow: Flow, pasted: Flow, offset: float = PASTE_OFFSET) -> Edit:
    """Add a copy of ``pasted``'s steps and the connections between them: new ids, names the
    flow doesn't use yet (references among the copies follow), a little down-right of the
    originals and of any earlier copy."""
    if not pasted.nodes:
        return Edit()
    occupied = {(round(n.position.x), round(n.position.y)) for n in flow.nodes}
    first = pasted.nodes[0].position
    while (round(first.x + offset), round(first.y + offset)) in occupied:
        offset += PASTE_OFFSET
    return _arrived(flow, pasted, offset, offset)


class TriggerChoice(StrEnum):
    """Which trigger a flow keeps when a proposal with a trigger of its own is applied to it."""

    KEEP = "keep"  # the open flow's trigger stays; the proposal's is left out
    REPLACE = "replace"  # the proposal's trigger takes the open flow's one's place


def trigger_of(flow: Flow, registry: Registry) -> Node | None:
    """The step that starts ``flow`` (the first trigger in it), or None."""
    for node in flow.nodes:
        node_type = registry.find(node.type)
        if node_type is not None and node_type.is_trigger:
            return node
    return None


def triggers_to_choose(flow: Flow, proposal: Flow, registry: Registry) -> tuple[Node, Node] | None:
    """The open flow's trigger and the proposal's when both have one and they start the flow
    differently (a Shopify order here, a schedule there): then the user says which one stays.
    None when there is nothing to choose: the same kind of trigger is simply kept."""
    existing, proposed = trigger_of(flow, registry), trigger_of(proposal, registry)
    if existing is None or proposed is None or existing.type == proposed.type:
        return None
    return existing, proposed


def place_proposal(
    flow: Flow,
    proposal: Flow,
    gap: float,
    registry: Registry | None = None,
    trigger: TriggerChoice = TriggerChoice.KEEP,
) -> Edit:
    """Add a proposed flow (the AI builder's) to ``flow`` with new ids and unique names; its
    references follow the names.

    A flow has one trigger. When ``flow`` has one (and the ``registry`` says which steps are
    triggers), the proposal's steps go on after the flow's last step, connected to it, and its
    trigger is left out (``KEEP``) or takes the place of the flow's own, which keeps the
    connections it had (``REPLACE``). Otherwise the proposal lands whole, ``gap`` under the
    lowest step's top."""
    existing = trigger_of(flow, registry) if registry is not None else None
    if registry is None or existing is None or not proposal.nodes:
        return _placed_below(flow, proposal, gap)
    proposed = trigger_of(proposal, registry)
    inner = Graph.of(proposal)
    if proposed is not None:
        heads = [e.target for e in inner.outgoing[proposed.id]]
        rest = [n for n in proposal.nodes if n.id != proposed.id]
    else:
        heads = [n.id for n in proposal.nodes if not inner.incoming[n.id]]
        rest = list(proposal.nodes)
    edit = Edit()
    tail = _last_step(flow, existing)
    if trigger is TriggerChoice.REPLACE and proposed is not None:
        edit, replacement = _replace_trigger(flow, registry, existing, proposed)
        if tail.id == existing.id:
            tail = replacement
    if not rest:
        return edit
    right = max(n.position.x for n in flow.nodes) + STEP_GAP
    first = next((n for n in rest if n.id in heads), rest[0])
    dx = right - min(n.position.x for n in rest)
    dy = tail.position.y - first.position.y
    taken = [n.name for n in flow.nodes] + [n.name for n in edit.nodes]
    arrived = _arrived(flow, Flow(nodes=rest, edges=proposal.edges), dx, dy, taken)
    ids = dict(zip((n.id for n in rest), (n.id for n in arrived.nodes), strict=True))
    port = registry.get(tail.type).default_port if registry.find(tail.type) else MAIN_PORT
    links = [Edge(source=tail.id, source_port=port, target=ids[head]) for head in heads]
    return edit.then(arrived).then(Edit(added_edges=[(None, link) for link in links]))


def _last_step(flow: Flow, start: Node) -> Node:
    """Where new steps go on after ``start``: the step without a next one that runs last (the
    one furthest right among equals), or ``start`` itself when nothing follows it."""
    graph = Graph.of(flow)
    following = graph.downstream(start.id)
    ends = [n for n in flow.nodes if n.id in following and not graph.outgoing[n.id]]
    if not ends:
        return start
    order = {node_id: index for index, node_id in enumerate(graph.order() or [])}
    return max(ends, key=lambda n: (order.get(n.id, -1), n.position.x))


def _replace_trigger(
    flow: Flow, registry: Registry, existing: Node, proposed: Node
) -> tuple[Edit, Node]:
    """The proposal's trigger where the flow's was, feeding what the old one fed."""
    taken = [n.name for n in flow.nodes if n.id != existing.id]
    replacement = proposed.model_copy(
        update={
            "id": new_id(),
            "name": unique_name(proposed.name, taken),
            "position": existing.position.model_copy(),
        },
        deep=True,
    )
    node_type = registry.find(replacement.type)
    ports = node_type.output_ports(replacement.params) if node_type else [MAIN_PORT]
    default = node_type.default_port if node_type else MAIN_PORT
    links = [
        edge.model_copy(
            update={
                "id": new_id(),
                "source": replacement.id,
                "source_port": edge.source_port if edge.source_port in ports else default,
            }
        )
        for edge in flow.edges
        if edge.source == existing.id
    ]
    edit = Edit(
        removed_nodes=[existing.id],
        added_nodes=[(None, replacement)],
        added_edges=[(None, link) for link in links],
    )
    return edit, replacement


def _placed_below(flow: Flow, proposal: Flow, gap: float) -> Edit:
    existing = flow.nodes
    if existing and proposal.nodes:
        dx = min(n.position.x for n in existing) - min(n.position.x for n in proposal.nodes)
        lowest = max(n.position.y for n in existing)
        dy = lowest + gap - min(n.position.y for n in proposal.nodes)
    else:
        dx = dy = 0.0
    return _arrived(flow, proposal, dx, dy)


def _arrived(
    flow: Flow, part: Flow, dx: float, dy: float, taken_names: Iterable[str] | None = None
) -> Edit:
    """``part``'s steps and inner connections as new to ``flow``: fresh ids, unique names with
    the references among them renamed, moved by (dx, dy). ``taken_names``: the names already
    used, when other steps arrive with these (the flow's own by default)."""
    taken = set(taken_names) if taken_names is not None else {n.name for n in flow.nodes}
    ids: dict[str, str] = {}
    names: dict[str, str] = {}
    for node in part.nodes:
        ids[node.id] = new_id()
        names[node.name] = unique_name(node.name, taken)
        taken.add(names[node.name])
    nodes = [
        node.model_copy(
            update={
                "id": ids[node.id],
                "name": names[node.name],
                "params": rename_references(node.params, names),
                "position": Position(x=node.position.x + dx, y=node.position.y + dy),
            },
            deep=True,
        )
        for node in part.nodes
    ]
    edges = [
        edge.model_copy(
            update={"id": new_id(), "source": ids[edge.source], "target": ids[edge.target]}
        )
        for edge in part.edges
        if edge.source in ids and edge.target in ids
    ]
    return Edit(added_nodes=[(None, n) for n in nodes], added_edges=[(None, e) for e in edges])


def insert_between(
    flow: Flow,
    registry: Registry,
    node: Node,
    before: str,
    after: str,
    gap: float = STEP_GAP,
) -> Edit:
    """Put ``node`` between the steps ``before`` and ``after``: where ``after`` was, with
    ``after`` and every step after it moved ``gap`` to the right. The connection between the
    two (if any) is replaced by one through ``node``, from the same output."""
    before_node, after_node = flow.node(before), flow.node(after)
    link = next((e for e in flow.edges if e.source == before and e.target == after), None)
    node = node.model_copy(
        update={
            "name": unique_name(node.name, (n.name for n in flow.nodes)),
            "position": after_node.position.model_copy(),
        }
    )
    source_port = link.source_port if link else registry.get(before_node.type).default_port
    following = Graph.of(flow).downstream(after) | {after}
    edit = Edit(
        added_nodes=[(None, node)],
        added_edges=[
            (None, Edge(source=before, source_port=source_port, target=node.id)),
            (
                None,
                Edge(
                    source=node.id,
                    source_port=registry.get(node.type).default_port,
                    target=after,
                ),
            ),
        ],
        moved={
            n.id: Position(x=n.position.x + gap, y=n.position.y)
            for n in flow.nodes
            if n.id in following
        },
    )
    if link is not None:
        edit.removed_edges.append(link.id)
    return edit


# Other edits, so every change of a step goes through an Edit.


def remove(
    node_ids: Iterable[str] = (), edge_ids: Iterable[str] = (), note_ids: Iterable[str] = ()
) -> Edit:
    """Delete steps (with their connections), connections and notes."""
    return Edit(
        removed_nodes=list(node_ids), removed_edges=list(edge_ids), removed_notes=list(note_ids)
    )


def move(positions: Mapping[str, tuple[float, float]]) -> Edit:
    """Move steps and notes, by id, to new top-left positions."""
    return Edit(moved={thing: Position(x=x, y=y) for thing, (x, y) in positions.items()})


def change_step(flow: Flow, node_id: str, **update: Any) -> Edit:
    """Change a step's params, settings, notes or on/off; a new name goes through rename_step."""
    node = flow.node(node_id)
    if "name" in update and update["name"] != node.name:
        renaming = rename_step(flow, node.name, update.pop("name"))
        if update:
            renamed = next(n for n in renaming.replaced_nodes if n.id == node_id)
            renaming.replaced_nodes[renaming.replaced_nodes.index(renamed)] = renamed.model_copy(
                update=update
            )
        return renaming
    update.pop("name", None)
    return Edit(replaced_nodes=[node.model_copy(update=update, deep=True)])


def pin(node_id: str, pinned: PinnedOutput | None) -> Edit:
    """Keep ``pinned`` as the step's test data, or drop it (None)."""
    return Edit(pinned={node_id: pinned})
