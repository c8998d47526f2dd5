"""What the builder changes in the open flow, each as one undoable edit: the proposal placed
after its last step (with one trigger), and the suggestions after it (a Delay, an If / else)
put between the steps it added."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand

from flowin_engine.editing import (
    STEP_GAP,
    TriggerChoice,
    default_params,
    insert_between,
    place_proposal,
)
from flowin_engine.model import Flow, Node

from ...canvas.items import NODE_HEIGHT
from ...canvas.view import FlowView
from ...editor.document import EditCommand, FlowDocument, RenameFlow
from ...i18n import node_type_name

PROPOSAL_GAP = NODE_HEIGHT + 120  # between what is on the canvas and the proposal below it
UNTITLED = "Untitled flow"


def _untitled() -> str:
    return QCoreApplication.translate("MainWindow", UNTITLED)


class Together(QUndoCommand):
    """Several document commands as one undo step, undone in reverse order."""

    def __init__(self, text: str, parts: list[QUndoCommand]) -> None:
        super().__init__(text)
        self.parts = parts

    def redo(self) -> None:
        for part in self.parts:
            part.redo()

    def undo(self) -> None:
        for part in reversed(self.parts):
            part.undo()


class ProposalEdits(QObject):
    """Places a proposal in the open flow and adds the suggestions between its steps;
    ``applied_ids`` are the steps the latest proposal added, in their order."""

    def __init__(
        self, document: FlowDocument, view: FlowView, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.document, self.view = document, view
        self.applied_ids: list[str] = []

    def placed(self, proposed: Flow) -> Flow:
        """The proposal with new ids, names the open flow doesn't use yet, and positions below
        what is already on the canvas."""
        placing = place_proposal(
            self.document.flow, proposed, gap=PROPOSAL_GAP, registry=self.document.registry
        )
        return Flow(name=proposed.name, nodes=placing.nodes, edges=placing.edges)

    def apply(self, proposed: Flow, trigger: TriggerChoice = TriggerChoice.KEEP) -> list[Node]:
        """Add the proposed steps and connections to the open flow, as one undo step: after its
        last step, with one trigger (the flow's, or the proposal's in its place). An untitled
        flow takes the proposal's name."""
        edit = place_proposal(
            self.document.flow,
            proposed,
            gap=PROPOSAL_GAP,
            registry=self.document.registry,
            trigger=trigger,
        )
        text = self.tr("Add the proposed flow")
        parts: list[QUndoCommand] = [EditCommand(self.document, edit, text)]
        if self.document.flow.name in (UNTITLED, _untitled()):
            parts.append(RenameFlow(self.document, proposed.name))
        self.document.push(Together(text, parts))
        self.applied_ids = [n.id for n in edit.nodes]
        return edit.nodes

    def _chain(self) -> list[Node]:
        """The applied steps still in the flow, in their order."""
        flow = self.document.flow
        return [n for node_id in self.applied_ids for n in flow.nodes if n.id == node_id]

    def add_delay(self) -> str | None:
        """A Delay of 5 minutes between the last two applied steps."""
        chain = self._chain()
        if len(chain) < 2:
            return None
        return self._insert("core.delay", chain[-2], chain[-1], {"amount": 5, "unit": "minutes"})

    def add_condition(self) -> str | None:
        """An If / else right after the trigger; the rest runs on its 'true' output."""
        chain = self._chain()
        if len(chain) < 2:
            return None
        return self._insert("core.condition", chain[0], chain[1], {})

    def _insert(self, type_name: str, before: Node, after: Node, params: dict[str, Any]) -> str:
        registry = self.document.registry
        node_type = registry.get(type_name)
        node = Node(
            type=type_name,
            name=node_type.name,
            params={**default_params(node_type.input_model), **params},
        )
        edit = insert_between(self.document.flow, registry, node, before.id, after.id, gap=STEP_GAP)
        text = self.tr("Add %1").replace("%1", node_type_name(node_type))
        self.document.push(EditCommand(self.document, edit, text))
        self.applied_ids.insert(self.applied_ids.index(after.id), node.id)
        scene = self.view.scene()
        scene.clearSelection()
        item = getattr(scene, "node_items", {}).get(node.id)
        if item is not None:
            item.setSelected(True)
        return node.id
