"""The minimap: the whole flow in a corner of the canvas, with the part on screen outlined.

Click or drag on it to move the canvas there. It draws from the flow model (a rectangle per
step, a line per connection) rather than rendering the scene, so it stays cheap at 1000 steps,
and it re-reads the model only when the flow changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from .items import NODE_HEIGHT, NODE_WIDTH

if TYPE_CHECKING:
    from .view import FlowView

MINIMAP_SIZE = (152, 96)  # small: it covers the canvas it maps
MARGIN = 10
PADDING = 6


class Minimap(QWidget):
    def __init__(self, view: FlowView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("minimap")
        self.setFixedSize(*MINIMAP_SIZE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._rects: list[QRectF] = []
        self._lines: list[QLineF] = []
        self._bounds = QRectF()
        self._stale = True
        self._frozen: tuple[QRectF, float, QPointF] | None = None  # the mapping while dragging
        self.enabled_by_user = True
        view.flow_scene.document.changed.connect(self.reload)
        self.reload()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("The whole flow. Click or drag to move the canvas there."))
        self.setAccessibleName(self.tr("Minimap"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self.place()
        super().changeEvent(event)

    # What to draw.

    def reload(self) -> None:
        """Note that the flow changed; the map re-reads it when it next paints."""
        self._stale = True
        self.place()
        self.update()

    def _read_flow(self) -> None:
        flow = self.view.flow_scene.document.flow
        # Every step at its usual height: at this scale a taller Switch looks the same, and
        # asking each item for its size costs more than drawing the whole map.
        boxes = {node.id: (node.position.x, node.position.y, NODE_HEIGHT) for node in flow.nodes}
        self._rects = [QRectF(x, y, NODE_WIDTH, h) for x, y, h in boxes.values()]
        half = NODE_WIDTH / 2
        self._lines = []
        for edge in flow.edges:
            source, target = boxes.get(edge.source), boxes.get(edge.target)
            if source is not None and target is not None:
                self._lines.append(
                    QLineF(
                        source[0] + half,
                        source[1] + source[2] / 2,
                        target[0] + half,
                        target[1] + target[2] / 2,
                    )
                )
        corners = [(x, y, x + NODE_WIDTH, y + h) for x, y, h in boxes.values()]
        corners += [
            (n.position.x, n.position.y, n.position.x + n.width, n.position.y + n.height)
            for n in flow.sticky_notes
        ]
        if corners:
            left = min(c[0] for c in corners)
            top = min(c[1] for c in corners)
            right = max(c[2] for c in corners)
            bottom = max(c[3] for c in corners)
            self._bounds = QRectF(left, top, right - left, bottom - top)
        else:
            self._bounds = QRectF()
        self._stale = False

    def visible_rect(self) -> QRectF:
        """The part of the flow on screen, in scene coordinates."""
        return self.view.mapToScene(self.view.viewport().rect()).boundingRect()

    def place(self) -> None:
        """In the bottom corner away from the palette (the end side); hidden while the flow is
        empty, wholly on screen (nothing to find) or it's switched off."""
        view = self.view
        left = MARGIN if view.mirrored else view.width() - self.width() - MARGIN
        self.move(left, view.height() - self.height() - MARGIN)
        self.setVisible(self.enabled_by_user and self._something_out_of_sight())

    def _something_out_of_sight(self) -> bool:
        if self._frozen is not None:
            return True  # while dragging on it, the map stays under the mouse
        if not self.view.flow_scene.document.flow.nodes:
            return False
        if self._stale:
            self._read_flow()
        return not self.visible_rect().contains(self._bounds)

    def follow(self) -> None:
        """The canvas moved or zoomed: outline the new part, and show or hide the map."""
        self.place()
        self.update()

    def _mapping(self) -> tuple[QRectF, float, QPointF]:
        """The scene rectangle shown, the scale, and where its top-left lands in the widget."""
        if self._frozen is not None:
            return self._frozen
        if self._stale:
            self._read_flow()
        world = self._bounds.united(self.visible_rect())
        if world.isEmpty():
            world = QRectF(0, 0, 1, 1)
        inner = QRectF(self.rect()).adjusted(PADDING, PADDING, -PADDING, -PADDING)
        scale = min(inner.width() / world.width(), inner.height() / world.height())
        offset = QPointF(
            inner.left() + (inner.width() - world.width() * scale) / 2,
            inner.top() + (inner.height() - world.height() * scale) / 2,
        )
        return world, scale, offset

    # Mirrored like the canvas in a right-to-left language: the trigger on the right.

    def to_scene(self, at: QPointF) -> QPointF:
        world, scale, offset = self._mapping()
        point = world.topLeft() + (at - offset) / scale
        if self.view.mirrored:
            point.setX(world.right() - (at.x() - offset.x()) / scale)
        return point

    def to_minimap(self, at: QPointF) -> QPointF:
        world, scale, offset = self._mapping()
        point = offset + (at - world.topLeft()) * scale
        if self.view.mirrored:
            point.setX(offset.x() + (world.right() - at.x()) * scale)
        return point

    # Painting and gestures.

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = self.view.flow_scene.theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        background = theme.color("surface")
        background.setAlpha(235)
        painter.setPen(QPen(theme.color("border"), 1))
        painter.setBrush(background)
        painter.drawRoundedRect(frame, 8, 8)
        painter.setClipRect(frame.adjusted(2, 2, -2, -2))

        world, scale, offset = self._mapping()
        painter.save()
        if self.view.mirrored:
            painter.translate(offset + QPointF(world.width() * scale, 0))
            painter.scale(-scale, scale)
        else:
            painter.translate(offset)
            painter.scale(scale, scale)
        painter.translate(-world.topLeft())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        line_pen = QPen(theme.color("skipped"), 0)  # cosmetic: one pixel at any scale
        painter.setPen(line_pen)
        painter.drawLines(self._lines)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.color("accent"))
        painter.drawRects(self._rects)
        painter.restore()

        visible = QRectF(
            self.to_minimap(self.visible_rect().topLeft()),
            self.to_minimap(self.visible_rect().bottomRight()),
        ).normalized()
        fill = QColor(theme.color("accent"))
        fill.setAlpha(28)
        painter.setBrush(fill)
        painter.setPen(QPen(theme.color("accent"), 1.5))
        painter.drawRoundedRect(visible, 3, 3)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            # Keep the mapping still while dragging, or the map would slide under the mouse.
            self._frozen = self._mapping()
            self.pan_to(event.position())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._frozen is not None:
            self.pan_to(event.position())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._frozen is not None:
            self._frozen = None
            self.follow()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def pan_to(self, at: QPointF) -> None:
        """Centre the canvas on the scene point under ``at`` (a point on the minimap)."""
        self.view.centerOn(self.to_scene(at))
        self.update()

    def wheelEvent(self, event: Any) -> None:
        event.accept()  # the canvas zooms under the mouse; over the map that would surprise
