"""What changed between two versions, drawn over a scene showing the newer one.

Added steps get a green card border, changed ones amber (the run-state borders the cards already
draw), each with a small label; removed steps come back as red dashed ghosts where they were, and
connections added or removed are drawn green or red dashed. Nothing here is part of the model.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from flowin_engine.flow_diff import FlowDiff
from flowin_engine.model import Edge, Flow, Position

from .ghost import GhostFlow
from .items import NODE_HEIGHT, NODE_WIDTH, bezier, unmirror
from .scene import FlowScene

ADDED, CHANGED, REMOVED = "success", "retrying", "failure"  # theme colours


class DiffOverlay(QGraphicsObject):
    """Labels on added and changed steps, and the connections added (green) or removed (red)."""

    def __init__(
        self, scene: FlowScene, diff: FlowDiff, old: Flow, labels: Callable[[str], str]
    ) -> None:
        super().__init__()
        self.flow_scene, self.diff = scene, diff
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.setZValue(6)
        old_positions = {n.id: n.position for n in old.nodes}
        self.edges: list[tuple[QPainterPath, str]] = []
        for edge in diff.added_edges:
            self._add_edge(edge, ADDED, old_positions)
        for edge in diff.removed_edges:
            self._add_edge(edge, REMOVED, old_positions)
        self.labels: list[tuple[QRectF, str, str]] = []
        for node in diff.added:
            self._add_label(node.id, labels("added"), ADDED)
        for change in diff.changed:
            kind = "moved" if change.moved_only else "changed"
            self._add_label(change.node_id, labels(kind), CHANGED)
        for node in diff.removed:
            self._place_label(node.position.x, node.position.y, labels("removed"), REMOVED)
        self._rect = QRectF()
        for path, _ in self.edges:
            self._rect = self._rect.united(path.boundingRect())
        for rect, _, _ in self.labels:
            self._rect = self._rect.united(rect)

    def _add_edge(self, edge: Edge, color: str, old_positions: dict[str, Position]) -> None:
        def end(node_id: str, port: str, is_output: bool) -> QPointF | None:
            item = self.flow_scene.node_items.get(node_id)
            if item is not None:
                return item.port_position(port, is_output)
            position = old_positions.get(node_id)
            if position is None:
                return None
            return QPointF(
                position.x + (NODE_WIDTH if is_output else 0), position.y + NODE_HEIGHT / 2
            )

        start = end(edge.source, edge.source_port, True)
        finish = end(edge.target, edge.target_port, False)
        if start is not None and finish is not None:
            self.edges.append((bezier(start, finish), color))

    def _add_label(self, node_id: str, text: str, color: str) -> None:
        item = self.flow_scene.node_items.get(node_id)
        if item is None:
            return
        item.set_run_state(color)  # the card's own coloured border and stripe
        self._place_label(item.pos().x(), item.pos().y(), text, color)

    def _place_label(self, x: float, y: float, text: str, color: str) -> None:
        """A pill on the card's top edge, at its start side (a mirrored view shows a right-to-left
        flow's card start on the right)."""
        width = QFontMetricsF(self._font()).horizontalAdvance(text) + 16
        start = x + 10
        self.labels.append((QRectF(start, y - 11, width, 18), text, color))

    @staticmethod
    def _font() -> QFont:
        font = QFont()
        font.setPointSizeF(8)
        font.setBold(True)
        return font

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-6, -6, 6, 6)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme = self.flow_scene.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for path, color in self.edges:
            style = Qt.PenStyle.DashLine if color == REMOVED else Qt.PenStyle.SolidLine
            painter.setPen(QPen(theme.color(color), 2.6, style))
            painter.drawPath(path)
        painter.setFont(self._font())
        for rect, text, color in self.labels:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.color(color))
            painter.drawRoundedRect(rect, 9, 9)
            painter.setPen(QColor("#ffffff"))
            painter.save()
            if self.flow_scene.right_to_left:
                painter.translate(rect.left(), 0)
                unmirror(painter, rect.width())
                rect = QRectF(0, rect.top(), rect.width(), rect.height())
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            painter.restore()


def draw_diff(
    scene: FlowScene, diff: FlowDiff, old: Flow, labels: Callable[[str], str]
) -> list[QGraphicsItem]:
    """Draw ``diff`` over ``scene`` (which shows the newer flow); returns the items added.

    ``labels`` words a kind of change ("added", "removed", "changed", "moved") for its label.
    """
    items: list[QGraphicsItem] = []
    if diff.removed:
        gone = Flow(id=old.id, name=old.name, nodes=list(diff.removed))
        registry = scene.document.registry
        ghost = GhostFlow(gone, registry, scene.theme, scene.right_to_left, color=REMOVED)
        items.append(ghost)
    items.append(DiffOverlay(scene, diff, old, labels))
    for item in items:
        scene.addItem(item)
    return items
