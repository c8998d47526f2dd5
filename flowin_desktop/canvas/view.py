"""The canvas view: zoom with the wheel, pan with the middle button or space, drop steps in.

In a right-to-left language the view mirrors the scene, so a flow runs from the trigger on the
right to its last step on the left while the flow file keeps one set of positions for every
language (the items draw their words the right way round). The view itself stays left to right:
Qt reads a right-to-left view's scroll position from the other end, which would throw the flow
out of sight at every switch of language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsView

from .minimap import Minimap
from .scene import FlowScene

NODE_TYPE_MIME = "application/x-flowin-node-type"
MIN_SCALE, MAX_SCALE = 0.15, 2.5
FIT_MAX_SCALE = 1.2
# Below this a card's words are too small to read (a step's name under 12 pixels high; cards
# draw as plain boxes under 0.45): a fit the app makes on its own never zooms out further, the
# user's own zooming may.
READABLE_SCALE = 0.8
MIN_WIDTH = 460  # the panels beside the canvas never squeeze it narrower than this


class FlowView(QGraphicsView):
    node_type_dropped = Signal(str, QPointF)
    context_menu_requested = Signal(QPointF, QPoint)  # scene position, global position

    def __init__(self, scene: FlowScene, parent: Any = None) -> None:
        super().__init__(scene, parent)
        self.mirrored = False
        self.minimap = Minimap(self)  # first: setting up the view below already scrolls it
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setAcceptDrops(True)
        self.setSceneRect(QRectF(-50_000, -50_000, 100_000, 100_000))
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._pan_from: QPointF | None = None
        self._space = False
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.set_mirrored(scene.right_to_left)
        # The hint is drawn over the whole viewport, not where an item changed: repaint it all.
        scene.emptiness_changed.connect(self.viewport().update)

    @property
    def flow_scene(self) -> FlowScene:
        return self.scene()  # type: ignore[return-value]

    def zoom_factor(self) -> float:
        return self.transform().m22()  # m11 is negative while the view is mirrored

    def set_mirrored(self, mirrored: bool) -> None:
        """Show the flow right to left (or back), looking at the same part of it."""
        if mirrored == self.mirrored:
            return
        centre = self.mapToScene(self.viewport().rect().center())
        zoom = self.zoom_factor()
        self.mirrored = mirrored
        self.setTransform(QTransform.fromScale(-zoom if mirrored else zoom, zoom))
        self.centerOn(centre)
        self.minimap.follow()

    def resetTransform(self) -> None:
        super().resetTransform()
        if self.mirrored:
            self.setTransform(QTransform.fromScale(-1, 1))

    def zoom_by(self, factor: float) -> None:
        current = self.zoom_factor()
        factor = max(MIN_SCALE / current, min(MAX_SCALE / current, factor))
        self.scale(factor, factor)
        self.minimap.follow()

    def zoom_in(self) -> None:
        self.zoom_by(1.2)

    def zoom_out(self) -> None:
        self.zoom_by(1 / 1.2)

    def reset_zoom(self) -> None:
        self.resetTransform()
        self.minimap.follow()

    def fit_to_view(self, readable: bool = False) -> None:
        """Zoom to show every step. ``readable``: never below READABLE_SCALE; when the steps
        don't fit at that zoom, the selected ones (or the start of the flow) are shown."""
        scene = self.flow_scene
        if not scene.node_items:
            self.resetTransform()
            self.centerOn(0, 0)
            return
        steps = QRectF()
        for item in scene.node_items.values():
            steps = steps.united(item.sceneBoundingRect())
        rect = steps.adjusted(-60, -60, 100, 60)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom_factor() > FIT_MAX_SCALE:
            self.resetTransform()
            self.scale(FIT_MAX_SCALE, FIT_MAX_SCALE)
            self.centerOn(rect.center())
        elif readable and self.zoom_factor() < READABLE_SCALE:
            self.resetTransform()
            self.scale(READABLE_SCALE, READABLE_SCALE)
            # Every step in sight at that zoom if only the margin around them is what won't fit.
            room = self.viewport().width() / READABLE_SCALE
            self.centerOn((steps if steps.width() < room else self._focus(rect)).center())
        elif self.zoom_factor() < MIN_SCALE:
            self.zoom_by(MIN_SCALE / self.zoom_factor())
        self.minimap.follow()

    def _focus(self, everything: QRectF) -> QRectF:
        """What to keep in sight when not everything fits: the selected steps, else the end
        of the flow where it starts (the scene's left, which a mirrored view shows right)."""
        selected = QRectF()
        for item in self.flow_scene.selectedItems():
            selected = selected.united(item.sceneBoundingRect())
        if not selected.isEmpty():
            return selected
        width = min(everything.width(), self.viewport().width() / READABLE_SCALE)
        return QRectF(everything.left(), everything.top(), width, everything.height())

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.minimap.follow()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.minimap.follow()

    def wheelEvent(self, event: Any) -> None:
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(1.0015**delta)
        event.accept()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        scene = self.flow_scene
        painter.fillRect(rect, scene.theme.color("canvas"))
        if self.zoom_factor() < 0.4:
            return
        step = 24
        pen = QPen(scene.theme.color("grid"), 2.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        left = int(rect.left()) - int(rect.left()) % step
        top = int(rect.top()) - int(rect.top()) % step
        points = [
            QPointF(x, y)
            for x in range(left, int(rect.right()) + step, step)
            for y in range(top, int(rect.bottom()) + step, step)
        ]
        painter.drawPoints(points)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        if self.flow_scene.node_items:
            return
        # An empty flow says how to begin, in the middle of what the user sees.
        painter.save()
        painter.resetTransform()
        painter.setLayoutDirection(QGuiApplication.layoutDirection())
        painter.setPen(self.flow_scene.theme.color("muted"))
        font = painter.font()
        font.setPointSizeF(11)
        painter.setFont(font)
        painter.drawText(
            self.viewport().rect(),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.empty_hint,
        )
        painter.restore()

    @property
    def empty_hint(self) -> str:
        return self.tr(
            "Nothing here yet — let's get the flow started.\n"
            "Start with a trigger: drag it from the list, or double-click it."
        )

    def contextMenuEvent(self, event: Any) -> None:
        at = self.mapToScene(event.pos())
        item = self.itemAt(event.pos())
        if item is not None and not item.isSelected():
            self.flow_scene.clearSelection()
            item.setSelected(True)
        self.context_menu_requested.emit(at, event.globalPos())
        event.accept()

    # Panning.

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if not self.flow_scene.cancel_connection():
                self.flow_scene.clearSelection()
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: Any) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.pan_by(-delta.x(), -delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: Any) -> None:
        if self._pan_from is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = None
            self.unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def pan_by(self, dx: float, dy: float) -> None:
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + int(dx))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + int(dy))

    # Dropping a step from the palette.

    def dragEnterEvent(self, event: Any) -> None:
        if event.mimeData().hasFormat(NODE_TYPE_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasFormat(NODE_TYPE_MIME):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: Any) -> None:
        data = event.mimeData()
        if data.hasFormat(NODE_TYPE_MIME):
            type_name = bytes(data.data(NODE_TYPE_MIME).data()).decode()
            self.node_type_dropped.emit(type_name, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
        else:
            super().dropEvent(event)
