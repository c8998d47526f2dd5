"""The open flow and the one path for changing it: undoable commands on the engine's model.

The canvas, the properties panel, paste, the AI builder and the top bar all change a flow
through ``FlowDocument.push(command)``. A command is a thin wrapper over an edit of
``flowin_engine.editing``, where the rules live (unique names, sound connections, references
that follow a renamed step), so an import or a sync applies the same ones. After each edit the
document says what it changed (``step_added``, ``step_renamed``, ``connection_removed``…), so
a view redraws only that, then ``changed`` for those that want to know only that something did.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from flowin_engine import editing
from flowin_engine.editing import Edit, default_params
from flowin_engine.errors import FlowinError
from flowin_engine.model import (
    Edge,
    Flow,
    FlowStatus,
    Node,
    PinnedOutput,
    Position,
    StickyNote,
)
from flowin_engine.registry import Registry

from ..i18n import node_type_name, problem_text

CLIPBOARD_MIME = "application/x-flowin-flow+json"
__all__ = ["CLIPBOARD_MIME", "FlowDocument", "default_params"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("FlowDocument", text)


class FlowDocument(QObject):
    """A flow being edited, with its undo stack."""

    changed = Signal()  # after every change, whatever it was
    flow_replaced = Signal()
    reloaded = Signal()  # a change that doesn't say what it changed: read the flow again
    step_added = Signal(str)  # step id
    step_removed = Signal(str)
    step_changed = Signal(str)  # its settings, name or on/off
    step_renamed = Signal(str, str, str)  # step id, old name, new name
    steps_moved = Signal(list)  # ids of the steps and notes moved
    connection_added = Signal(str)  # connection id
    connection_removed = Signal(str)
    note_added = Signal(str)
    note_removed = Signal(str)
    note_changed = Signal(str)
    pinned_changed = Signal(str)  # step id

    def __init__(self, flow: Flow, registry: Registry, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.registry = registry
        self.undo_stack = QUndoStack(self)

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def notify(self) -> None:
        """Say the flow changed in ways the views should read again in full."""
        self.reloaded.emit()
        self.changed.emit()

    def apply(self, edit: Edit) -> Edit:
        """Make ``edit``, tell the views what it changed; return the edit that undoes it."""
        undo = editing.apply(self.flow, edit)
        self.announce(edit, undo)
        return undo

    def announce(self, edit: Edit, undo: Edit) -> None:
        for _, edge in undo.added_edges:
            self.connection_removed.emit(edge.id)
        for node_id in edit.removed_nodes:
            self.step_removed.emit(node_id)
        for note_id in edit.removed_notes:
            self.note_removed.emit(note_id)
        for node in edit.nodes:
            self.step_added.emit(node.id)
        for edge in edit.edges:
            self.connection_added.emit(edge.id)
        for _, note in edit.added_notes:
            self.note_added.emit(note.id)
        renamed = {node_id for node_id, _, _ in edit.renamed}
        for node in edit.replaced_nodes:
            if node.id not in renamed:
                self.step_changed.emit(node.id)
        for node_id, old, new in edit.renamed:
            self.step_renamed.emit(node_id, old, new)
        if edit.moved:
            self.steps_moved.emit(list(edit.moved))
        for node_id in edit.pinned:
            self.pinned_changed.emit(node_id)
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
        return editing.unique_name(
            wanted, taken if taken is not None else (n.name for n in self.flow.nodes)
        )

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
        problem = editing.connection_problem(
            self.flow, self.registry, source, source_port, target, target_port
        )
        return None if problem is None else problem_text(problem)

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

    def paste_command(self, text: str) -> EditCommand | None:
        """A command adding the clipboard's steps with new ids and names; None if it holds none."""
        try:
            pasted = Flow.from_json(text)
        except FlowinError:
            return None
        edit = editing.paste(self.flow, pasted)
        if edit.is_empty():
            return None
        return EditCommand(self, edit, _tr("Paste"))


class FlowCommand(QUndoCommand):
    def __init__(self, document: FlowDocument, text: str) -> None:
        super().__init__(text)
        self.document = document

    @property
    def flow(self) -> Flow:
        return self.document.flow


class EditCommand(FlowCommand):
    """One edit of ``flowin_engine.editing`` as an undo step: redo makes it, undo makes the
    edit that undoes it."""

    def __init__(self, document: FlowDocument, edit: Edit, text: str) -> None:
        super().__init__(document, text)
        self.edit = edit
        self._undo: Edit | None = None

    @property
    def nodes(self) -> list[Node]:
        """The steps this command adds."""
        return self.edit.nodes

    @property
    def edges(self) -> list[Edge]:
        return self.edit.edges

    def redo(self) -> None:
        self._undo = self.document.apply(self.edit)

    def undo(self) -> None:
        if self._undo is not None:
            self.document.apply(self._undo)
            self._undo = None


class AddItems(EditCommand):
    """Add steps and connections: from the palette, a paste or a drop. A step whose name is
    taken gets a free one."""

    def __init__(
        self, document: FlowDocument, nodes: list[Node], edges: list[Edge], text: str = ""
    ) -> None:
        super().__init__(
            document, editing.add_steps(document.flow, nodes, edges), text or _tr("Add step")
        )


class RemoveItems(EditCommand):
    """Delete steps (with their connections), connections and notes."""

    def __init__(
        self,
        document: FlowDocument,
        node_ids: Iterable[str],
        edge_ids: Iterable[str] = (),
        note_ids: Iterable[str] = (),
    ) -> None:
        super().__init__(document, editing.remove(node_ids, edge_ids, note_ids), _tr("Delete"))


class MoveNodes(EditCommand):
    """Steps and notes moved: ``moves`` is id → (where it was, where it goes)."""

    def __init__(
        self,
        document: FlowDocument,
        moves: dict[str, tuple[tuple[float, float], tuple[float, float]]],
    ) -> None:
        edit = editing.move({thing: new for thing, (_, new) in moves.items()})
        super().__init__(document, edit, _tr("Move"))


class Connect(EditCommand):
    """A new connection; ``editing.ConnectionRefused`` when the rules refuse it."""

    def __init__(self, document: FlowDocument, edge: Edge) -> None:
        edit = editing.connect(document.flow, document.registry, edge)
        super().__init__(document, edit, _tr("Connect"))
        self.edge = edge


class SetNodeValue(EditCommand):
    """Change one thing about a step: a param (``params.<key>``), its name (every reference
    to it follows), or a setting."""

    MERGE_ID = 4201

    def __init__(
        self, document: FlowDocument, node_id: str, path: str, value: Any, merge: bool = True
    ) -> None:
        self.node_id, self.path, self.value = node_id, path, value
        # A structured editor (a rule added, an operator picked) makes each edit a step of its
        # own; a text field's successive commits are one step.
        self.merge = merge
        super().__init__(document, _edit_of(document.flow, node_id, path, value), _tr("Edit step"))

    def id(self) -> int:
        return self.MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Typing in a field is one undo step. A rename is not merged: the second one may touch
        # references the first did not.
        if (
            isinstance(other, SetNodeValue)
            and other.merge
            and (other.node_id, other.path) == (self.node_id, self.path)
            and self.path != "name"
        ):
            self.value, self.edit = other.value, other.edit
            return True
        return False


def _edit_of(flow: Flow, node_id: str, path: str, value: Any) -> Edit:
    node = flow.node(node_id)
    kind, _, key = path.partition(".")
    if kind == "params":
        return editing.change_step(flow, node_id, params={**node.params, key: value})
    if kind == "settings":
        return editing.change_step(
            flow, node_id, settings=node.settings.model_copy(update={key: value})
        )
    return editing.change_step(flow, node_id, **{kind: value})


class SetPinned(EditCommand):
    """Pin a step's output as test data (``pinned``), or unpin it (``None``)."""

    def __init__(self, document: FlowDocument, node_id: str, pinned: PinnedOutput | None) -> None:
        text = _tr("Pin output") if pinned else _tr("Unpin output")
        super().__init__(document, editing.pin(node_id, pinned), text)
        self.node_id = node_id


class AddNote(EditCommand):
    def __init__(self, document: FlowDocument, note: StickyNote) -> None:
        super().__init__(document, Edit(added_notes=[(None, note)]), _tr("Add note"))
        self.note = note


class SetNoteText(FlowCommand):
    def __init__(self, document: FlowDocument, note_id: str, text: str) -> None:
        super().__init__(document, _tr("Edit note"))
        self.note_id, self.new = note_id, text
        self.old = self._note().text

    def _note(self) -> StickyNote:
        return next(n for n in self.document.flow.sticky_notes if n.id == self.note_id)

    def _set(self, text: str) -> None:
        self._note().text = text
        self.document.note_changed.emit(self.note_id)
        self.document.changed.emit()

    def redo(self) -> None:
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)


class SetFlowStatus(FlowCommand):
    """Activate or pause the flow (active flows keep running from the tray)."""

    def __init__(self, document: FlowDocument, status: FlowStatus) -> None:
        super().__init__(document, _tr("Change status"))
        self.old, self.new = document.flow.status, status

    def redo(self) -> None:
        self.flow.status = self.new
        self.document.changed.emit()

    def undo(self) -> None:
        self.flow.status = self.old
        self.document.changed.emit()


class SetStepsOfFailedRunsOnly(FlowCommand):
    """Keep each step's details only for runs that fail, or for every run (a flow setting)."""

    def __init__(self, document: FlowDocument, on: bool) -> None:
        super().__init__(document, _tr("Change which runs keep their steps"))
        self.old, self.new = document.flow.settings.steps_of_failed_runs_only, on

    def redo(self) -> None:
        self.flow.settings.steps_of_failed_runs_only = self.new
        self.document.changed.emit()

    def undo(self) -> None:
        self.flow.settings.steps_of_failed_runs_only = self.old
        self.document.changed.emit()


class SetMinutesSavedPerRun(FlowCommand):
    """How many minutes of hand work one run of the flow saves (None: not said); turning the
    number up or down several times in a row is one undo step."""

    MERGE_ID = 0x5A7E

    def __init__(self, document: FlowDocument, minutes: int | None) -> None:
        super().__init__(document, _tr("Change the minutes saved per run"))
        self.old, self.new = document.flow.settings.minutes_saved_per_run, minutes

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetMinutesSavedPerRun) or other.document is not self.document:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.flow.settings.minutes_saved_per_run = self.new
        self.document.changed.emit()

    def undo(self) -> None:
        self.flow.settings.minutes_saved_per_run = self.old
        self.document.changed.emit()


class RenameFlow(FlowCommand):
    def __init__(self, document: FlowDocument, name: str) -> None:
        super().__init__(document, _tr("Rename flow"))
        self.old, self.new = document.flow.name, name

    def redo(self) -> None:
        self.flow.name = self.new
        self.document.changed.emit()

    def undo(self) -> None:
        self.flow.name = self.old
        self.document.changed.emit()
