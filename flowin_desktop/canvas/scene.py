"""The scene mirrors a FlowDocument: it redraws from the model and turns gestures into commands."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Signal
from PySide6.QtGui import QPen, Qt
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from flowin_engine.model import ERROR_PORT, Edge

from ..editor.document import Connect, FlowDocument, MoveNodes
from ..i18n import port_label
from ..theme import LIGHT, Theme
from .items import EdgeItem, NodeItem, NoteItem, PortItem, bezier


def _tr(text: str) -> str:
    return QCoreApplication.translate("FlowScene", text)


class FlowScene(QGraphicsScene):
    """Steps and connections of the open flow."""

    status_message = Signal(str)
    node_activated = Signal(str)
    note_activated = Signal(str)
    # The flow got its first step or lost its last: the view's empty-canvas hint comes or goes.
    emptiness_changed = Signal()

    def __init__(self, document: FlowDocument, parent: object = None) -> None:
        super().__init__(parent)
        self.document = document
        self.theme: Theme = LIGHT
        self.right_to_left = False
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: dict[str, EdgeItem] = {}
        self.note_items: dict[str, NoteItem] = {}
        self._pending: QGraphicsPathItem | None = None
        self._pending_port: PortItem | None = None
        self._syncing = False
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        document.flow_replaced.connect(self.sync)
        document.reloaded.connect(self.sync)
        document.step_added.connect(self._step_added)
        document.step_removed.connect(self._step_removed)
        document.step_changed.connect(self._step_changed)
        document.step_renamed.connect(lambda node_id, _old, _new: self._step_changed(node_id))
        document.pinned_changed.connect(self._step_changed)
        document.steps_moved.connect(self._moved)
        document.connection_added.connect(self._connection_added)
        document.connection_removed.connect(self._connection_removed)
        document.note_added.connect(self._note_added)
        document.note_removed.connect(self._note_removed)
        document.note_changed.connect(self._note_changed)
        self.sync()

    # Model → scene.

    def sync(self) -> None:
        """Bring the items in line with the model: add, update and remove what changed."""
        was_empty = not self.node_items
        self._syncing = True
        flow = self.document.flow
        registry = self.document.registry
        seen: set[str] = set()
        for node in flow.nodes:
            seen.add(node.id)
            item = self.node_items.get(node.id)
            if item is None:
                item = NodeItem(self, node, registry.find(node.type))
                self.node_items[node.id] = item
                self.addItem(item)
            else:
                item.refresh(node)
        for node_id in [n for n in self.node_items if n not in seen]:
            self.removeItem(self.node_items.pop(node_id))
        edges_seen: set[str] = set()
        for edge in flow.edges:
            edges_seen.add(edge.id)
            edge_item = self.edge_items.get(edge.id)
            if edge_item is None:
                edge_item = EdgeItem(self, edge)
                self.edge_items[edge.id] = edge_item
                self.addItem(edge_item)
                self._repaint_node(edge.source)
            else:
                edge_item.edge = edge
                edge_item.refresh_path()
        for edge_id in [e for e in self.edge_items if e not in edges_seen]:
            gone = self.edge_items.pop(edge_id)
            self.removeItem(gone)
            self._repaint_node(gone.edge.source)
        notes_seen: set[str] = set()
        for note in flow.sticky_notes:
            notes_seen.add(note.id)
            note_item = self.note_items.get(note.id)
            if note_item is None:
                note_item = NoteItem(self, note)
                self.note_items[note.id] = note_item
                self.addItem(note_item)
            else:
                note_item.refresh(note)
        for note_id in [n for n in self.note_items if n not in notes_seen]:
            self.removeItem(self.note_items.pop(note_id))
        self._syncing = False
        if was_empty != (not self.node_items):
            self.emptiness_changed.emit()

    # One change at a time, as the document announces them.

    def _step_added(self, node_id: str) -> None:
        node = self.document.flow.node(node_id)
        item = NodeItem(self, node, self.document.registry.find(node.type))
        self.node_items[node_id] = item
        self.addItem(item)
        if len(self.node_items) == 1:
            self.emptiness_changed.emit()

    def _step_removed(self, node_id: str) -> None:
        item = self.node_items.pop(node_id, None)
        if item is not None:
            self.removeItem(item)
            if not self.node_items:
                self.emptiness_changed.emit()

    def _step_changed(self, node_id: str) -> None:
        item = self.node_items.get(node_id)
        if item is None:
            return
        item.refresh(self.document.flow.node(node_id))
        self._refresh_edges_of({node_id})

    def _moved(self, ids: list[str]) -> None:
        flow = self.document.flow
        moved = set(ids)
        for node in flow.nodes:
            if node.id in moved and node.id in self.node_items:
                self.node_items[node.id].refresh(node)
        for note in flow.sticky_notes:
            if note.id in moved and note.id in self.note_items:
                self.note_items[note.id].refresh(note)
        self._refresh_edges_of(moved)

    def _refresh_edges_of(self, node_ids: set[str]) -> None:
        for edge_item in self.edge_items.values():
            if edge_item.edge.source in node_ids or edge_item.edge.target in node_ids:
                edge_item.refresh_path()

    def _connection_added(self, edge_id: str) -> None:
        edge = next(e for e in self.document.flow.edges if e.id == edge_id)
        item = EdgeItem(self, edge)
        self.edge_items[edge_id] = item
        self.addItem(item)
        self._repaint_node(edge.source)

    def _connection_removed(self, edge_id: str) -> None:
        gone = self.edge_items.pop(edge_id, None)
        if gone is not None:
            self.removeItem(gone)
            self._repaint_node(gone.edge.source)

    def _note_added(self, note_id: str) -> None:
        note = next(n for n in self.document.flow.sticky_notes if n.id == note_id)
        item = NoteItem(self, note)
        self.note_items[note_id] = item
        self.addItem(item)

    def _note_removed(self, note_id: str) -> None:
        item = self.note_items.pop(note_id, None)
        if item is not None:
            self.removeItem(item)

    def _note_changed(self, note_id: str) -> None:
        note = next(n for n in self.document.flow.sticky_notes if n.id == note_id)
        self.note_items[note_id].refresh(note)

    def _repaint_node(self, node_id: str) -> None:
        item = self.node_items.get(node_id)
        if item is not None:
            item.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setBackgroundBrush(theme.color("canvas"))
        for item in self.node_items.values():
            item.update()
        for edge in self.edge_items.values():
            edge.refresh_pen()
        for note in self.note_items.values():
            note.update()

    def set_right_to_left(self, rtl: bool) -> None:
        """Run the flow right to left on screen: the views mirror it (the model keeps its
        positions); the cards redraw their words."""
        self.right_to_left = rtl
        for view in self.views():
            set_mirrored = getattr(view, "set_mirrored", None)
            if set_mirrored is not None:
                set_mirrored(rtl)
        for node in self.document.flow.nodes:
            item = self.node_items.get(node.id)
            if item is not None:
                item.refresh(node, force=True)  # summaries may use translated words

    def set_run_state(self, node_id: str, state: str | None) -> None:
        item = self.node_items.get(node_id)
        if item is not None:
            item.set_run_state(state)

    def set_problems(self, problems: dict[str, list[str]]) -> None:
        for node_id, item in self.node_items.items():
            item.set_problems(problems.get(node_id, []))

    def clear_run_states(self) -> None:
        for item in self.node_items.values():
            item.set_run_state(None)

    def node_disabled(self, node_id: str) -> bool:
        try:
            return self.document.flow.node(node_id).disabled
        except KeyError:
            return False

    def node_pinned(self, node_id: str) -> bool:
        return node_id in self.document.flow.pinned

    def error_port_used(self, node_id: str) -> bool:
        """The error port matters once a step sends failures there or something listens to it."""
        try:
            node = self.document.flow.node(node_id)
        except KeyError:
            return False
        if node.settings.on_error.value == "error_output":
            return True
        return any(
            e.source == node_id and e.source_port == ERROR_PORT for e in self.document.flow.edges
        )

    def port_label(self, name: str) -> str:
        return port_label(name)

    def selected_node_ids(self) -> list[str]:
        return [i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)]

    def selected_note_ids(self) -> list[str]:
        return [i.note_id for i in self.selectedItems() if isinstance(i, NoteItem)]

    def selected_edge_ids(self) -> list[str]:
        return [i.edge_id for i in self.selectedItems() if isinstance(i, EdgeItem)]

    # Gestures → commands.

    def mouseMoveEvent(self, event: object) -> None:
        super().mouseMoveEvent(event)
        if isinstance(self.mouseGrabberItem(), NodeItem):
            # Steps are being dragged: keep their connections attached. (Done here rather than
            # in itemChange, which is slow and leaky in PySide6.)
            self.refresh_edges(set(self.selected_node_ids()) | {self.mouseGrabberItem().node_id})

    def refresh_edges(self, node_ids: set[str]) -> None:
        for edge in self.edge_items.values():
            if edge.edge.source in node_ids or edge.edge.target in node_ids:
                edge.refresh_path()

    def mouseReleaseEvent(self, event: object) -> None:
        super().mouseReleaseEvent(event)
        self.commit_moves()

    def commit_moves(self) -> None:
        """Record where dragged steps ended up, as one undoable move."""
        moves = {}
        for node in self.document.flow.nodes:
            item = self.node_items.get(node.id)
            if item is None:
                continue
            new = (round(item.pos().x(), 1), round(item.pos().y(), 1))
            old = (node.position.x, node.position.y)
            if abs(new[0] - old[0]) > 0.5 or abs(new[1] - old[1]) > 0.5:
                moves[node.id] = (old, new)
        for note in self.document.flow.sticky_notes:
            note_item = self.note_items.get(note.id)
            if note_item is None:
                continue
            new = (round(note_item.pos().x(), 1), round(note_item.pos().y(), 1))
            old = (note.position.x, note.position.y)
            if abs(new[0] - old[0]) > 0.5 or abs(new[1] - old[1]) > 0.5:
                moves[note.id] = (old, new)
        if moves:
            self.document.push(MoveNodes(self.document, moves))

    def begin_connection(self, port: PortItem, at: QPointF) -> None:
        self._pending_port = port
        self._pending = QGraphicsPathItem()
        pen = QPen(self.theme.color("accent"), 2, Qt.PenStyle.DashLine)
        self._pending.setPen(pen)
        self._pending.setZValue(3)
        self.addItem(self._pending)
        self.drag_connection(at)

    def drag_connection(self, at: QPointF) -> None:
        if self._pending is None or self._pending_port is None:
            return
        start = self._pending_port.scenePos()
        path = bezier(start, at) if self._pending_port.is_output else bezier(at, start)
        self._pending.setPath(path)

    def cancel_connection(self) -> bool:
        """Drop a connection being dragged; False when there was none."""
        if self._pending is None:
            return False
        self.removeItem(self._pending)
        self._pending = self._pending_port = None
        return True

    def end_connection(self, at: QPointF) -> None:
        port, pending = self._pending_port, self._pending
        self._pending_port = self._pending = None
        if pending is not None:
            self.removeItem(pending)
        if port is None:
            return
        target = next((i for i in self.items(at) if isinstance(i, PortItem)), None)
        if target is None or target is port:
            return
        self.connect_ports(port, target)

    def connect_ports(self, first: PortItem, second: PortItem) -> bool:
        if first.is_output == second.is_output:
            kind = _tr("outputs") if first.is_output else _tr("inputs")
            self.status_message.emit(
                _tr("Can't connect two %1: connect an output to an input.").replace("%1", kind)
            )
            return False
        source, target = (first, second) if first.is_output else (second, first)
        return self.connect(source.node_id, source.name, target.node_id, target.name)

    def connect(self, source: str, source_port: str, target: str, target_port: str) -> bool:
        """Connect two ports through an undoable command, or say why it can't be done."""
        problem = self.document.connection_problem(source, source_port, target, target_port)
        if problem is not None:
            self.status_message.emit(problem)
            return False
        edge = Edge(source=source, source_port=source_port, target=target, target_port=target_port)
        self.document.push(Connect(self.document, edge))
        return True
