"""What changed between two versions of a flow: steps added, removed or changed, and connections.

Steps are matched by id (a renamed step is the same step, changed); connections by what they
join (source, its output, target, its input), so a connection drawn again is not a change.
Pinned outputs and the flow's status are not part of a version and are not compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .model import Edge, Flow, Node


class Change(StrEnum):
    """One kind of change to a step."""

    NAME = "name"
    TYPE = "type"
    PARAMS = "params"
    SETTINGS = "settings"
    NOTES = "notes"
    DISABLED = "disabled"
    POSITION = "position"


@dataclass(frozen=True, slots=True)
class StepChange:
    """A step in both versions that differs; ``params`` names the parameters that changed."""

    old: Node
    new: Node
    changes: frozenset[Change]
    params: tuple[str, ...] = ()

    @property
    def node_id(self) -> str:
        return self.new.id

    @property
    def moved_only(self) -> bool:
        """Only its place on the canvas changed: the flow does the same as before."""
        return self.changes == {Change.POSITION}


EdgeKey = tuple[str, str, str, str]


@dataclass(frozen=True, slots=True)
class FlowDiff:
    """The difference from ``old`` to ``new``."""

    added: tuple[Node, ...] = ()
    removed: tuple[Node, ...] = ()
    changed: tuple[StepChange, ...] = ()
    added_edges: tuple[Edge, ...] = ()
    removed_edges: tuple[Edge, ...] = ()
    renamed: tuple[str, str] | None = None  # the flow's (old, new) name
    notes_changed: int = 0  # sticky notes added, removed or edited
    settings_changed: bool = False  # the flow's own settings (time zone, concurrency)

    @property
    def moved(self) -> tuple[StepChange, ...]:
        return tuple(c for c in self.changed if c.moved_only)

    @property
    def edited(self) -> tuple[StepChange, ...]:
        """Changed steps that do something different (not only moved)."""
        return tuple(c for c in self.changed if not c.moved_only)

    def __bool__(self) -> bool:
        return bool(
            self.added
            or self.removed
            or self.changed
            or self.added_edges
            or self.removed_edges
            or self.renamed
            or self.notes_changed
            or self.settings_changed
        )


def edge_key(edge: Edge) -> EdgeKey:
    return (edge.source, edge.source_port, edge.target, edge.target_port)


def diff_flows(old: Flow, new: Flow) -> FlowDiff:
    """What was added, removed and changed going from ``old`` to ``new``."""
    old_nodes = {n.id: n for n in old.nodes}
    new_nodes = {n.id: n for n in new.nodes}
    changed = []
    for node in new.nodes:
        before = old_nodes.get(node.id)
        if before is not None:
            change = _step_change(before, node)
            if change is not None:
                changed.append(change)
    old_edges = {edge_key(e): e for e in old.edges}
    new_edges = {edge_key(e): e for e in new.edges}
    old_notes = {n.id: n for n in old.sticky_notes}
    new_notes = {n.id: n for n in new.sticky_notes}
    notes_changed = len(old_notes.keys() ^ new_notes.keys()) + sum(
        1 for key in old_notes.keys() & new_notes.keys() if old_notes[key] != new_notes[key]
    )
    return FlowDiff(
        added=tuple(n for n in new.nodes if n.id not in old_nodes),
        removed=tuple(n for n in old.nodes if n.id not in new_nodes),
        changed=tuple(changed),
        added_edges=tuple(e for key, e in new_edges.items() if key not in old_edges),
        removed_edges=tuple(e for key, e in old_edges.items() if key not in new_edges),
        renamed=(old.name, new.name) if old.name != new.name else None,
        notes_changed=notes_changed,
        settings_changed=old.settings != new.settings,
    )


def _step_change(old: Node, new: Node) -> StepChange | None:
    changes: set[Change] = set()
    if old.name != new.name:
        changes.add(Change.NAME)
    if old.type != new.type:
        changes.add(Change.TYPE)
    params = tuple(
        sorted(
            key
            for key in old.params.keys() | new.params.keys()
            if old.params.get(key) != new.params.get(key)
        )
    )
    if params:
        changes.add(Change.PARAMS)
    if old.settings != new.settings:
        changes.add(Change.SETTINGS)
    if old.notes != new.notes:
        changes.add(Change.NOTES)
    if old.disabled != new.disabled:
        changes.add(Change.DISABLED)
    if old.position != new.position:
        changes.add(Change.POSITION)
    if not changes:
        return None
    return StepChange(old=old, new=new, changes=frozenset(changes), params=params)
