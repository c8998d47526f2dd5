"""A proposed flow drawn faintly on the canvas before it is applied: dashed cards and dashed
connections, where the steps will land. It is no part of the model and takes no clicks."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from flowin_engine.model import Flow
from flowin_engine.registry import Registry

from ..i18n import node_type_name
from ..icons import step_pixmap
from ..theme import LIGHT, Theme
from .items import NODE_HEIGHT, NODE_WIDTH, bezier, text_direction, unmirror

GHOST_OPACITY = 0.75


class GhostFlow(QGraphicsObject):
    """The steps and connections of ``flow`` (already at their final positions)."""

    def __init__(
        self,
        flow: Flow,
        registry: Registry,
        theme: Theme = LIGHT,
        rtl: bool = False,
        color: str = "violet",
    ) -> None:
        super().__init__()
        self.flow, self.registry, self.theme, self.rtl = flow, registry, theme, rtl
        self.color = color  # a theme colour's name: violet for a proposal, red for what is gone
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.setOpacity(GHOST_OPACITY)
        self.setZValue(5)

    def boundingRect(self) -> QRectF:
        rect = QRectF()
        for node in self.flow.nodes:
            rect = rect.united(QRectF(node.position.x, node.position.y, NODE_WIDTH, NODE_HEIGHT))
        return rect.adjusted(-8, -8, 8, 8)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme = self.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        positions = {n.id: n.position for n in self.flow.nodes}
        line = QPen(theme.color(self.color), 2, Qt.PenStyle.DashLine)
        painter.setPen(line)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for edge in self.flow.edges:
            start, end = positions.get(edge.source), positions.get(edge.target)
            if start is None or end is None:
                continue
            painter.drawPath(
                bezier(
                    QPointF(start.x + NODE_WIDTH, start.y + NODE_HEIGHT / 2),
                    QPointF(end.x, end.y + NODE_HEIGHT / 2),
                )
            )
        fill = QColor(theme.color(self.color))
        fill.setAlpha(28)
        title = QFont(painter.font())
        title.setPointSizeF(10)
        title.setBold(True)
        small = QFont(title)
        small.setBold(False)
        small.setPointSizeF(8.5)
        align = (
            Qt.AlignmentFlag.AlignVCenter
            | Qt.AlignmentFlag.AlignAbsolute
            | (Qt.AlignmentFlag.AlignRight if self.rtl else Qt.AlignmentFlag.AlignLeft)
        )
        for node in self.flow.nodes:
            painter.save()
            if self.rtl:  # the view mirrors a right-to-left flow: draw each card unmirrored
                painter.translate(node.position.x, node.position.y)
                unmirror(painter, NODE_WIDTH)
                rect = QRectF(0, 0, NODE_WIDTH, NODE_HEIGHT)
            else:
                rect = QRectF(node.position.x, node.position.y, NODE_WIDTH, NODE_HEIGHT)
            painter.setPen(QPen(theme.color(self.color), 1.6, Qt.PenStyle.DashLine))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 10, 10)
            node_type = self.registry.find(node.type)
            icon = QRectF(
                rect.right() - 34 if self.rtl else rect.left() + 14, rect.top() + 12, 20, 20
            )
            if node_type is not None:
                pixmap = step_pixmap(node_type, 20, theme.color(self.color))
                if pixmap is not None:
                    painter.drawPixmap(icon.toRect(), pixmap)
            text = (
                QRectF(rect.left() + 14, rect.top() + 8, NODE_WIDTH - 58, 24)
                if self.rtl
                else QRectF(rect.left() + 44, rect.top() + 8, NODE_WIDTH - 58, 24)
            )
            painter.setFont(title)
            painter.setPen(theme.color("text"))
            painter.setLayoutDirection(text_direction(node.name))
            painter.drawText(
                text,
                align,
                QFontMetricsF(title).elidedText(
                    node.name, Qt.TextElideMode.ElideRight, text.width()
                ),
            )
            painter.setFont(small)
            painter.setPen(theme.color("muted"))
            kind = node_type_name(node_type) if node_type is not None else node.type
            below = QRectF(rect.left() + 14, rect.top() + 38, NODE_WIDTH - 28, 18)
            painter.drawText(
                below,
                align,
                QFontMetricsF(small).elidedText(kind, Qt.TextElideMode.ElideRight, below.width()),
            )
            painter.restore()
