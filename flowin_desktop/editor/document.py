"""The open flow and the one path for changing it: undoable commands on the engine's model.

The canvas, the properties panel, paste and the top bar all change a flow through
``FlowDocument.push(command)``; views listen to ``changed`` and redraw from the model.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from flowin_engine.model import (
    Edge,
    Flow,
    FlowStatus,
    Node,
    PinnedOutput,
    Position,
    StickyNote,
    new_id,
)
from flowin_engine.registry import Registry

from ..i18n import node_type_name

CLIPBOARD_MIME = "application/x-flowin-flow+json"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FlowDocument", text)


class FlowDocument(QObject):
    """A flow being edited, with its undo stack."""

    changed = Signal()
    flow_replaced = Signal()

    def __init__(self, flow: Flow, registry: Registry, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.registry = registry
        self.undo_stack = QUndoStack(self)

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def notify(self) -> None:
        self.changed.emit()

    def replace(self, flow: Flow) -> None:
        """Open another flow; its edits start a fresh history. A step saved under a node type's
        former name is edited, and saved, under the type's current name."""
        self.flow = self.registry.with_current_names(flow)
        self.undo_stack.clear()
        self.flow_replaced.emit()
        self.changed.emit()

    # Questions the views ask.

    def unique_name(self, wanted: str, taken: Iterable[str] | None = None) -> str:
        names = set(taken if taken is not None else (n.name for n in self.flow.nodes))
        if wanted not in names:
            return wanted
        number = 2
        while f"{wanted} {number}" in names:
            number += 1
        return f"{wanted} {number}"

    def new_node(self, type_name: str, x: float, y: float) -> Node:
        node_type = self.registry.get(type_name)
        return Node(
            type=type_name,
            # In the user's language: the name is how they find it on the canvas and read it
            # in {{ steps['…'] }}.
            name=self.unique_name(node_type_name(node_type)),
            params=default_params(node_type.input_model),
            position=Position(x=x, y=y),
        )

    def connection_problem(
        self, source: str, source_port: str, target: str, target_port: str
    ) -> str | None:
        """Why this connection can't be made, in the user's words; None when it can."""
        flow = self.flow
        try:
            source_node, target_node = flow.node(source), flow.node(target)
        except KeyError:
            return _tr("That step no longer exists.")
        if source == target:
            return _tr("A step can't connect to itself.")
        source_type = self.registry.find(source_node.type)
        target_type = self.registry.find(target_node.type)
        if target_type is not None and target_type.is_trigger:
            return _tr("'%1' is a trigger: nothing can connect into it.").replace(
                "%1", target_node.name
            )
        if source_type is not None and source_port not in source_type.output_ports(
            source_node.params
        ):
            return (
                _tr("'%1' has no output called '%2'.")
                .replace("%1", source_node.name)
                .replace("%2", source_port)
            )
        if target_type is not None and target_port not in target_type.input_ports:
            return (
                _tr("'%1' has no input called '%2'.")
                .replace("%1", target_node.name)
                .replace("%2", target_port)
            )
        for edge in flow.edges:
            if (edge.source, edge.source_port, edge.target, edge.target_port) == (
                source,
                source_port,
                target,
                target_port,
            ):
                return _tr("These two steps are already connected.")
        if _reaches(flow, target, source):
            return _tr(
                "That would make the steps go round in a circle. To repeat steps, use a Loop."
            )
        return None

    # Clipboard.

    def copy_json(self, node_ids: Iterable[str]) -> str:
        ids = set(node_ids)
        part = Flow(
            id=self.flow.id,
            name=self.flow.name,
            nodes=[n for n in self.flow.nodes if n.id in ids],
            edges=[e for e in self.flow.edges if e.source in ids and e.target in ids],
        )
        return part.to_json()

    def paste_command(self, text: str, offset: float = 40.0) -> AddItems | None:
        """A command adding the clipboard's steps with new ids and names; None if it holds none."""
        try:
            pasted = Flow.from_json(text)
        except Exception:
            return None
        if not pasted.nodes:
            return None
        taken = {n.name for n in self.flow.nodes}
        # Each paste lands a step further down-right, so copies never hide each other.
        occupied = {(round(n.position.x), round(n.position.y)) for n in self.flow.nodes}
        first = pasted.nodes[0].position
        while (round(first.x + offset), round(first.y + offset)) in occupied:
            offset += 40.0
        ids: dict[str, str] = {}
        nodes = []
        for node in pasted.nodes:
            name = self.unique_name(node.name, taken)
            taken.add(name)
            ids[node.id] = new_id()
            position = Position(x=node.position.x + offset, y=node.position.y + offset)
            nodes.append(
                node.model_copy(update={"id": ids[node.id], "name": name, "position": position})
            )
        edges = [
            e.model_copy(update={"id": new_id(), "source": ids[e.source], "target": ids[e.target]})
            for e in pasted.edges
            if e.source in ids and e.target in ids
        ]
        return AddItems(self, nodes, edges, _tr("Paste"))


def default_params(model: Any) -> dict[str, Any]:
    """The starting params of a new node: every field that has a simple default."""
    params: dict[str, Any] = {}
    for key, info in model.model_fields.items():
        if info.is_required():
            continue
        default = info.get_default(call_default_factory=True)
        if isinstance(default, str | int | float | bool) and not isinstance(default, type):
            params[key] = default
    return params


def _reaches(flow: Flow, start: str, goal: str) -> bool:
    outgoing: dict[str, list[str]] = {}
    for edge in flow.edges:
        outgoing.setdefault(edge.source, []).append(edge.target)
    seen, stack = set(), [start]
    while stack:
        current = stack.pop()
        if current == goal:
            return True
        if current in seen:
            continue
        seen.add(current)
        stack.extend(outgoing.get(current, []))
    return False


class FlowCommand(QUndoCommand):
    def __init__(self, document: FlowDocument, text: str) -> None:
        super().__init__(text)
        self.document = document

    @property
    def flow(self) -> Flow:
        return self.document.flow


class AddItems(FlowCommand):
    """Add steps and connections: from the palette, a paste or a drop."""

    def __init__(
        self, document: FlowDocument, nodes: list[Node], edges: list[Edge], text: str = ""
    ) -> None:
        super().__init__(document, text or _tr("Add step"))
        self.nodes, self.edges = nodes, edges

    def redo(self) -> None:
        self.flow.nodes.extend(copy.deepcopy(self.nodes))
        self.flow.edges.extend(copy.deepcopy(self.edges))
        self.document.notify()

    def undo(self) -> None:
        node_ids = {n.id for n in self.nodes}
        edge_ids = {e.id for e in self.edges}
        self.flow.nodes[:] = [n for n in self.flow.nodes if n.id not in node_ids]
        self.flow.edges[:] = [e for e in self.flow.edges if e.id not in edge_ids]
        self.document.notify()


class RemoveItems(FlowCommand):
    """Delete steps (with their connections) and connections."""

    def __init__(
        self,
        document: FlowDocument,
        node_ids: Iterable[str],
        edge_ids: Iterable[str] = (),
        note_ids: Iterable[str] = (),
    ) -> None:
        super().__init__(document, _tr("Delete"))
        self.node_ids, self.edge_ids = set(node_ids), set(edge_ids)
        self.note_ids = set(note_ids)
        self._nodes: list[tuple[int, Node]] = []
        self._edges: list[tuple[int, Edge]] = []
        self._notes: list[tuple[int, StickyNote]] = []

    def redo(self) -> None:
        flow = self.flow
        self._nodes = [(i, n) for i, n in enumerate(flow.nodes) if n.id in self.node_ids]
        self._edges = [
            (i, e)
            for i, e in enumerate(flow.edges)
            if e.id in self.edge_ids or e.source in self.node_ids or e.target in self.node_ids
        ]
        self._notes = [(i, n) for i, n in enumerate(flow.sticky_notes) if n.id in self.note_ids]
        flow.sticky_notes[:] = [n for n in flow.sticky_notes if n.id not in self.note_ids]
        gone_edges = {e.id for _, e in self._edges}
        flow.nodes[:] = [n for n in flow.nodes if n.id not in self.node_ids]
        flow.edges[:] = [e for e in flow.edges if e.id not in gone_edges]
        self.document.notify()

    def undo(self) -> None:
        for index, node in self._nodes:
            self.flow.nodes.insert(index, node)
        for index, edge in self._edges:
            self.flow.edges.insert(index, edge)
        for index, note in self._notes:
            self.flow.sticky_notes.insert(index, note)
        self.document.notify()


class MoveNodes(FlowCommand):
    def __init__(
        self,
        document: FlowDocument,
        moves: dict[str, tuple[tuple[float, float], tuple[float, float]]],
    ) -> None:
        super().__init__(document, _tr("Move"))
        self.moves = moves

    def _apply(self, which: int) -> None:
        for thing in [*self.flow.nodes, *self.flow.sticky_notes]:
            if thing.id in self.moves:
                x, y = self.moves[thing.id][which]
                thing.position = Position(x=x, y=y)
        self.document.notify()

    def redo(self) -> None:
        self._apply(1)

    def undo(self) -> None:
        self._apply(0)


class Connect(FlowCommand):
    def __init__(self, document: FlowDocument, edge: Edge) -> None:
        super().__init__(document, _tr("Connect"))
        self.edge = edge

    def redo(self) -> None:
        self.flow.edges.append(self.edge)
        self.document.notify()

    def undo(self) -> None:
        self.flow.edges[:] = [e for e in self.flow.edges if e.id != self.edge.id]
        self.document.notify()


class SetNodeValue(FlowCommand):
    """Change one thing about a step: a param (``params.<key>``), its name, or a setting."""

    MERGE_ID = 4201

    def __init__(self, document: FlowDocument, node_id: str, path: str, value: Any) -> None:
        super().__init__(document, _tr("Edit step"))
        self.node_id, self.path, self.value = node_id, path, value
        self.old = _MISSING
        node = document.flow.node(node_id)
        self.old = _read(node, path)

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, SetNodeValue) and (other.node_id, other.path) == (
            self.node_id,
            self.path,
        ):
            self.value = other.value
            return True
        return False

    def redo(self) -> None:
        _write(self.flow.node(self.node_id), self.path, self.value)
        self.document.notify()

    def undo(self) -> None:
        _write(self.flow.node(self.node_id), self.path, self.old)
        self.document.notify()


class SetPinned(FlowCommand):
    """Pin a step's output as test data (``pinned``), or unpin it (``None``)."""

    def __init__(self, document: FlowDocument, node_id: str, pinned: PinnedOutput | None) -> None:
        super().__init__(document, _tr("Pin output") if pinned else _tr("Unpin output"))
        self.node_id, self.new = node_id, pinned
        self.old = document.flow.pinned.get(node_id)

    def _apply(self, pinned: PinnedOutput | None) -> None:
        if pinned is None:
            self.flow.pinned.pop(self.node_id, None)
        else:
            self.flow.pinned[self.node_id] = pinned
        self.document.notify()

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class AddNote(FlowCommand):
    def __init__(self, document: FlowDocument, note: StickyNote) -> None:
        super().__init__(document, _tr("Add note"))
        self.note = note

    def redo(self) -> None:
        self.flow.sticky_notes.append(self.note)
        self.document.notify()

    def undo(self) -> None:
        self.flow.sticky_notes[:] = [n for n in self.flow.sticky_notes if n.id != self.note.id]
        self.document.notify()


class SetNoteText(FlowCommand):
    def __init__(self, document: FlowDocument, note_id: str, text: str) -> None:
        super().__init__(document, _tr("Edit note"))
        self.note_id, self.new = note_id, text
        self.old = self._note().text

    def _note(self) -> StickyNote:
        return next(n for n in self.document.flow.sticky_notes if n.id == self.note_id)

    def redo(self) -> None:
        self._note().text = self.new
        self.document.notify()

    def undo(self) -> None:
        self._note().text = self.old
        self.document.notify()


class SetFlowStatus(FlowCommand):
    """Activate or pause the flow (active flows keep running from the tray)."""

    def __init__(self, document: FlowDocument, status: FlowStatus) -> None:
        super().__init__(document, _tr("Change status"))
        self.old, self.new = document.flow.status, status

    def redo(self) -> None:
        self.flow.status = self.new
        self.document.notify()

    def undo(self) -> None:
        self.flow.status = self.old
        self.document.notify()


class RenameFlow(FlowCommand):
    def __init__(self, document: FlowDocument, name: str) -> None:
        super().__init__(document, _tr("Rename flow"))
        self.old, self.new = document.flow.name, name

    def redo(self) -> None:
        self.flow.name = self.new
        self.document.notify()

    def undo(self) -> None:
        self.flow.name = self.old
        self.document.notify()


_MISSING: Any = object()


def _read(node: Node, path: str) -> Any:
    kind, _, key = path.partition(".")
    if kind == "params":
        return copy.deepcopy(node.params.get(key, _MISSING))
    if kind == "settings":
        return getattr(node.settings, key)
    return getattr(node, kind)


def _write(node: Node, path: str, value: Any) -> None:
    kind, _, key = path.partition(".")
    if kind == "params":
        if value is _MISSING:
            node.params.pop(key, None)
        else:
            node.params[key] = copy.deepcopy(value)
    elif kind == "settings":
        node.settings = node.settings.model_copy(update={key: value})
    else:
        setattr(node, kind, value)
