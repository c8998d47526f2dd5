"""Scene items for steps, their ports and the connections between them."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsPathItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from flowin_engine.model import ERROR_PORT, MAIN_PORT, Edge, Node, StickyNote
from flowin_engine.registry import NodeType

from ..icons import step_pixmap
from .summary import summarize

if TYPE_CHECKING:
    from ..theme import Theme
    from .scene import FlowScene

# Big enough to read at the default zoom: a 24-pixel icon, the step's name and a summary line.
NODE_WIDTH = 240.0
NODE_HEIGHT = 72.0
PORT_RADIUS = 6.0
PORT_GAP = 24.0
LABEL_STRIP = 58.0
LOW_DETAIL = 0.45
ICON = 24.0


class PortItem(QGraphicsItem):
    """A round handle on a step's edge: inputs on the start side, outputs on the end side."""

    def __init__(self, node_item: NodeItem, name: str, is_output: bool) -> None:
        super().__init__(node_item)
        self.node_item, self.name, self.is_output = node_item, name, is_output
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._hover = False
        self.setZValue(2)

    @property
    def node_id(self) -> str:
        return self.node_item.node_id

    def boundingRect(self) -> QRectF:
        r = PORT_RADIUS + 3
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < LOW_DETAIL:
            return
        theme = self.node_item.flow_scene.theme
        color = theme.color("failure" if self.name == ERROR_PORT else "accent")
        if self.name == "false":
            color = theme.color("violet")
        radius = PORT_RADIUS + (2 if self._hover else 0)
        if self.name == ERROR_PORT and not self._hover:
            radius -= 1.5
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, 2))
        painter.setBrush(theme.color("surface"))
        painter.drawEllipse(QPointF(0, 0), radius, radius)

    def hoverEnterEvent(self, event: Any) -> None:
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event: Any) -> None:
        self._hover = False
        self.update()

    def mousePressEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.node_item.flow_scene.begin_connection(self, event.scenePos())
            event.accept()
        else:
            event.ignore()

    def mouseMoveEvent(self, event: Any) -> None:
        self.node_item.flow_scene.drag_connection(event.scenePos())

    def mouseReleaseEvent(self, event: Any) -> None:
        self.node_item.flow_scene.end_connection(event.scenePos())


class NodeItem(QGraphicsObject):
    """One step: icon, name, a one-line summary, and a colour for its state in the last run."""

    def __init__(self, scene: FlowScene, node: Node, node_type: NodeType | None) -> None:
        super().__init__()
        self.flow_scene = scene
        self.node_id = node.id
        self.node_type = node_type
        self.run_state: str | None = None
        self.problems: list[str] = []
        self._key: Any = None
        self.name = ""
        self.summary = ""
        self.inputs: dict[str, PortItem] = {}
        self.outputs: dict[str, PortItem] = {}
        self._height = NODE_HEIGHT
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1)
        self.refresh(node)

    def refresh(self, node: Node, force: bool = False) -> None:
        key = (
            node.name,
            repr(node.params),
            node.disabled,
            node.settings.on_error,
            node.position.x,
            node.position.y,
            self.flow_scene.node_pinned(node.id),
        )
        if key == self._key and not force:
            return
        self._key = key
        self.name = node.name
        self.summary = summarize(node, self.node_type)
        self._build_ports(node)
        if (self.pos().x(), self.pos().y()) != (node.position.x, node.position.y):
            self.setPos(node.position.x, node.position.y)
        self.update()

    def _build_ports(self, node: Node) -> None:
        if self.node_type is None:
            inputs, outputs = [MAIN_PORT], [MAIN_PORT]
        else:
            inputs = self.node_type.input_ports
            outputs = self.node_type.output_ports(node.params)
        if list(self.inputs) == inputs and list(self.outputs) == outputs:
            return
        for port in [*self.inputs.values(), *self.outputs.values()]:
            port.setParentItem(None)
            if port.scene() is not None:
                port.scene().removeItem(port)
        self.inputs = {name: PortItem(self, name, False) for name in inputs}
        self.outputs = {name: PortItem(self, name, True) for name in outputs}
        self.prepareGeometryChange()
        self._height = max(NODE_HEIGHT, PORT_GAP * (len(outputs) + 0.6))
        for index, port in enumerate(self.inputs.values()):
            port.setPos(0, self._height / 2 + index * PORT_GAP)
        top = (self._height - PORT_GAP * (len(outputs) - 1)) / 2
        for index, port in enumerate(self.outputs.values()):
            port.setPos(NODE_WIDTH, top + index * PORT_GAP)

    def set_problems(self, problems: list[str]) -> None:
        if problems != self.problems:
            self.problems = problems
            self.setToolTip("\n".join(problems))
            self.update()

    def set_run_state(self, state: str | None) -> None:
        if state != self.run_state:
            self.run_state = state
            self.update()

    def port_position(self, name: str, is_output: bool) -> QPointF:
        ports = self.outputs if is_output else self.inputs
        port = ports.get(name)
        if port is None:
            return self.mapToScene(QPointF(NODE_WIDTH if is_output else 0, self._height / 2))
        return port.scenePos()

    def boundingRect(self) -> QRectF:
        return QRectF(-6, -6, NODE_WIDTH + 12 + PORT_RADIUS, self._height + 12)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme = self.flow_scene.theme
        rtl = self.flow_scene.right_to_left
        rect = QRectF(0, 0, NODE_WIDTH, self._height)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < LOW_DETAIL:
            # Zoomed far out: a coloured card is all anyone can see, and it draws fast.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(
                state_color(theme, self.run_state) if self.run_state else theme.color("border")
            )
            painter.drawRect(rect)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if rtl:
            unmirror(painter, NODE_WIDTH)
        if self.flow_scene.node_disabled(self.node_id):
            painter.setOpacity(0.5)  # a switched-off step steps back
        border = theme.color("border")
        width = 1.2
        if self.run_state:
            border = state_color(theme, self.run_state)
            width = 2.5
        if self.isSelected():
            # A halo outside the card, so a selected step still shows how its run went.
            halo = QColor(theme.color("violet"))
            halo.setAlpha(150)
            painter.setPen(QPen(halo, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-3.5, -3.5, 3.5, 3.5), 13, 13)
        painter.setPen(QPen(border, width))
        painter.setBrush(theme.color("surface"))
        painter.drawRoundedRect(rect, 10, 10)
        stripe = QColor(
            state_color(theme, self.run_state) if self.run_state else theme.color("accent")
        )
        if self.node_type is not None and self.node_type.is_trigger and not self.run_state:
            stripe = theme.color("violet")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(stripe)
        painter.drawRoundedRect(
            QRectF(NODE_WIDTH - 5 if rtl else 2, 8, 3, self._height - 16), 1.5, 1.5
        )

        # Named outputs (true/false, item/done...) are labelled inside the card, by their port
        # (on the end side: the left in a right-to-left flow).
        labelled = self._labelled_ports()
        label_font = QFont(painter.font())
        label_font.setPointSizeF(8)
        # As wide as the longest label needs ("yes"/"no" leave the summary more room).
        reserve = (
            min(
                LABEL_STRIP,
                max(
                    QFontMetricsF(label_font).horizontalAdvance(self.flow_scene.port_label(p.name))
                    for p in labelled
                )
                + 18,
            )
            if labelled
            else 0.0
        )
        inner_left = 14 + (reserve if rtl else 0.0)
        inner_right = NODE_WIDTH - 12 - (0.0 if rtl else reserve)
        icon_x = inner_right - ICON if rtl else inner_left
        icon_rect = QRectF(icon_x, 14, ICON, ICON)
        painter.setBrush(theme.color("surface_alt"))
        painter.drawRoundedRect(icon_rect.adjusted(-5, -5, 5, 5), 8, 8)
        pixmap = (
            step_pixmap(self.node_type, int(ICON), theme.color("accent"))
            if self.node_type
            else None
        )
        if pixmap is not None:
            painter.drawPixmap(icon_rect.toRect(), pixmap)
        # The name and the summary under it, beside the icon.
        beside = ICON + 14
        text_rect = (
            QRectF(inner_left, 9, inner_right - inner_left - beside, 24)
            if rtl
            else QRectF(inner_left + beside, 9, inner_right - inner_left - beside, 24)
        )
        align = (
            Qt.AlignmentFlag.AlignVCenter
            | Qt.AlignmentFlag.AlignAbsolute
            | (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        )
        font = QFont(painter.font())
        font.setPointSizeF(10.5)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(
            theme.color("muted" if self.flow_scene.node_disabled(self.node_id) else "text")
        )
        metrics = QFontMetricsF(font)
        # The step's name and summary are the user's words: they read in their own direction
        # ("Big order?" stays so in an Arabic card), in the card's alignment.
        painter.setLayoutDirection(text_direction(self.name))
        painter.drawText(
            text_rect,
            align,
            metrics.elidedText(self.name, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        font.setBold(False)
        font.setPointSizeF(9)
        painter.setFont(font)
        painter.setPen(theme.color("muted"))
        summary_rect = QRectF(text_rect.left(), 35, text_rect.width(), 22)
        metrics = QFontMetricsF(font)
        painter.setLayoutDirection(text_direction(self.summary))
        painter.drawText(
            summary_rect,
            align,
            metrics.elidedText(self.summary, Qt.TextElideMode.ElideRight, summary_rect.width()),
        )
        painter.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        if self.problems:
            # A small amber badge on the card's corner: this step needs attention before it runs.
            badge = QRectF(NODE_WIDTH - 14, -6, 16, 16) if not rtl else QRectF(-2, -6, 16, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.color("retrying"))
            painter.drawEllipse(badge)
            font.setBold(True)
            font.setPointSizeF(8)
            painter.setFont(font)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "!")
            font.setBold(False)
        if self.flow_scene.node_pinned(self.node_id):
            # Beside the problem badge's corner: this step replays its pinned output in test runs.
            x = NODE_WIDTH - 42 if not rtl else 16
            draw_pin_badge(painter, QRectF(x, -6, 26, 16), theme.color("violet"))
        if labelled:
            strip = reserve if rtl else NODE_WIDTH - reserve
            painter.setPen(QPen(theme.color("surface_alt"), 1))
            painter.drawLine(QPointF(strip, 6), QPointF(strip, self._height - 6))
            font.setPointSizeF(8)
            painter.setFont(font)
            towards_port = Qt.AlignmentFlag.AlignAbsolute | (
                Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight
            )
            for port in labelled:
                painter.setPen(theme.color("failure" if port.name == ERROR_PORT else "muted"))
                left = 10.0 if rtl else NODE_WIDTH - reserve + 2
                rect = QRectF(left, port.pos().y() - 8, reserve - 12, 16)
                label = QFontMetricsF(font).elidedText(
                    self.flow_scene.port_label(port.name), Qt.TextElideMode.ElideRight, rect.width()
                )
                painter.drawText(rect, towards_port | Qt.AlignmentFlag.AlignVCenter, label)

    def _labelled_ports(self) -> list[PortItem]:
        return [
            p
            for p in self.outputs.values()
            if p.name != MAIN_PORT
            and (p.name != ERROR_PORT or self.flow_scene.error_port_used(self.node_id))
        ]

    def mouseDoubleClickEvent(self, event: Any) -> None:
        self.flow_scene.node_activated.emit(self.node_id)


class NoteItem(QGraphicsObject):
    """A sticky note on the canvas: text for people, ignored by the runner."""

    def __init__(self, scene: FlowScene, note: StickyNote) -> None:
        super().__init__()
        self.flow_scene = scene
        self.note_id = note.id
        self.text = ""
        self._size = (note.width, note.height)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
        )
        self.setZValue(-1)
        self.refresh(note)

    def refresh(self, note: StickyNote) -> None:
        if (note.width, note.height) != self._size:
            self.prepareGeometryChange()
            self._size = (note.width, note.height)
        self.text = note.text
        if (self.pos().x(), self.pos().y()) != (note.position.x, note.position.y):
            self.setPos(note.position.x, note.position.y)
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(-3, -3, self._size[0] + 6, self._size[1] + 6)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme = self.flow_scene.theme
        rect = QRectF(0, 0, *self._size)
        if self.flow_scene.right_to_left:
            unmirror(painter, self._size[0])
        fill = QColor(theme.color("violet"))
        fill.setAlpha(40)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(theme.color("violet"), 2 if self.isSelected() else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(theme.color("text"))
        # The note's own words decide its direction, whatever language the app is in.
        rtl = text_is_right_to_left(self.text)
        painter.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        align = (
            Qt.AlignmentFlag.AlignTop
            | Qt.AlignmentFlag.AlignAbsolute
            | (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        )
        painter.drawText(
            rect.adjusted(12, 10, -12, -10), align | Qt.TextFlag.TextWordWrap, self.text
        )

    def mouseDoubleClickEvent(self, event: Any) -> None:
        self.flow_scene.note_activated.emit(self.note_id)


class EdgeItem(QGraphicsPathItem):
    """A connection, drawn as a bezier curve from an output port to an input port."""

    def __init__(self, scene: FlowScene, edge: Edge) -> None:
        super().__init__()
        self.flow_scene = scene
        self.edge_id = edge.id
        self.edge = edge
        self._drawn_selected = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0)
        self.refresh_path()

    def refresh_path(self) -> None:
        source = self.flow_scene.node_items.get(self.edge.source)
        target = self.flow_scene.node_items.get(self.edge.target)
        if source is None or target is None:
            return
        start = source.port_position(self.edge.source_port, True)
        end = target.port_position(self.edge.target_port, False)
        self.setPath(bezier(start, end))
        self.refresh_pen()

    def refresh_pen(self) -> None:
        theme = self.flow_scene.theme
        color = theme.color("failure" if self.edge.source_port == ERROR_PORT else "muted")
        if self.isSelected():
            color = theme.color("violet")
        pen = QPen(color, 2.2 if self.isSelected() else 1.6)
        if self.edge.source_port == ERROR_PORT:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setBrush(QBrush(Qt.BrushStyle.NoBrush))

    def shape(self) -> QPainterPath:
        from PySide6.QtGui import QPainterPathStroker

        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(self.path())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # Drawn by hand: selection shows as the violet pen, not Qt's dashed box.
        if self.isSelected() != self._drawn_selected:
            self._drawn_selected = self.isSelected()
            self.refresh_pen()
        if option.levelOfDetailFromTransform(painter.worldTransform()) >= LOW_DETAIL:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.pen())
        painter.drawPath(self.path())


def unmirror(painter: QPainter, width: float) -> None:
    """Undo the view's mirroring inside an item ``width`` wide, so its words read the right way
    round in a right-to-left flow; what is drawn from here on is in the item's own right-to-left
    frame (x grows rightwards on screen)."""
    painter.translate(width, 0)
    painter.scale(-1, 1)
    painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)


def state_color(theme: Theme, state: str) -> QColor:
    """A run state's colour; a step that replayed its pinned output is violet, like its pin."""
    return theme.color("violet" if state == "pinned" else state)


def draw_pin_badge(painter: QPainter, rect: QRectF, color: QColor) -> None:
    """A pill with a push-pin in it: the step's output is pinned."""
    painter.save()
    painter.setPen(QPen(QColor("#ffffff"), 1.5))
    painter.setBrush(color)
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    centre = rect.center()
    # The pin, leaning like one pressed into a board: a round head, a collar and a needle.
    painter.translate(centre)
    painter.scale(0.85, 0.85)
    painter.rotate(40)
    white = QColor("#ffffff")
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(white)
    painter.drawEllipse(QPointF(0, -3.2), 3.1, 3.1)
    painter.drawRoundedRect(QRectF(-3.6, -0.6, 7.2, 2.2), 1, 1)
    painter.setPen(QPen(white, 1.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(0, 1.6), QPointF(0, 6.2))
    painter.restore()


def text_is_right_to_left(text: str) -> bool:
    """True when the first letter with a direction is Arabic, Hebrew or the like."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def text_direction(text: str) -> Qt.LayoutDirection:
    """The direction a piece of user text reads in, by its first letter that has one."""
    if text_is_right_to_left(text):
        return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LeftToRight


def bezier(start: QPointF, end: QPointF) -> QPainterPath:
    path = QPainterPath(start)
    dx = max(abs(end.x() - start.x()) * 0.5, 40.0)
    path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
    return path
