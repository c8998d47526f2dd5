"""The builder's proposal before it is applied: each step as a card in the chat (what starts the
flow, what it does, what it is filled with, what is still to do, and why) and the whole flow as
a ghost on the canvas, brought into view beside the steps already there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from flowin_engine.model import Flow, Node
from flowin_engine.registry import NodeType

from ...canvas.ghost import GhostFlow
from ...canvas.items import NODE_HEIGHT, NODE_WIDTH
from ...canvas.view import READABLE_SCALE, FlowView
from ...editor.document import FlowDocument
from ...i18n import isolate, node_type_name
from ...icons import step_pixmap
from ...theme import LIGHT, Theme
from ..data import segments
from .conversation import label

_OPERATORS = {
    "greater_than": ">",
    "greater_or_equal": "≥",
    "less_than": "<",
    "less_or_equal": "≤",
    "equals": "=",
    "not_equals": "≠",
}


def _show(value: Any) -> str:
    """A param's value on one line, as a person would read it."""
    if isinstance(value, dict):
        if {"left", "operator", "right"} <= set(value):
            operator = _OPERATORS.get(value["operator"], value["operator"])
            return f"{_show(value['left'])} {operator} {_show(value['right'])}"
        return ", ".join(f"{key}: {_show(item)}" for key, item in value.items())
    if isinstance(value, list):
        return "; ".join(_show(item) for item in value)
    return str(value)


def readable_references(text: str, trigger_name: str | None) -> str:
    """``text`` with each ``{{ reference }}`` as the data tree names it ("New Shopify order ›
    Phone"), isolated so a right-to-left sentence keeps it whole."""
    return "".join(
        isolate(piece) if is_reference else piece
        for piece, is_reference in segments(text, trigger_name)
    )


class Preview(QObject):
    """Draws a proposal: ``card`` for each of its steps, ``show`` its ghost on the canvas."""

    def __init__(
        self, document: FlowDocument, view: FlowView, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.document, self.view = document, view
        self.theme: Theme = LIGHT
        self.ghost: GhostFlow | None = None
        self.trigger_name: str | None = None  # the proposal's, for its steps' references

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        if self.ghost is not None:
            self.ghost.theme = theme
            self.ghost.update()

    def type_name(self, node: Node) -> str:
        node_type = self.document.registry.find(node.type)
        return node_type_name(node_type) if node_type is not None else node.name

    # The cards.

    def card(self, node: Node, is_trigger: bool, why: str | None, todo: list[str]) -> QFrame:
        node_type = self.document.registry.find(node.type)
        if is_trigger:
            self.trigger_name = self.type_name(node)
        card = QFrame()
        card.setObjectName("card")
        card.setProperty("trigger", is_trigger)
        column = QVBoxLayout(card)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(3)
        if is_trigger:
            role = self.tr("When")
        elif node_type is not None and node_type.type == "core.condition":
            role = self.tr("Only if")
        else:
            role = self.tr("Then")
        head = QHBoxLayout()
        head.setSpacing(8)
        if node_type is not None:
            pixmap = step_pixmap(node_type, 18, self.theme.color("accent"))
            if pixmap is not None:
                icon = QLabel()
                icon.setPixmap(pixmap)
                head.addWidget(icon)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(label(role.upper(), "role"))
        name = node_type_name(node_type) if node_type is not None else node.type
        titles.addWidget(label(name, "stepName"))
        head.addLayout(titles, 1)
        column.addLayout(head)
        fields = node_type.input_model.model_fields if node_type is not None else {}
        for key, value in node.params.items():
            if value in (None, "", [], {}) or (key in fields and value == fields[key].default):
                continue  # nothing said, or what a new step has anyway
            title = self._field_title(node_type, key)
            if isinstance(value, dict) and value:
                # A row or a record: one line per column, as it will be filled in.
                column.addWidget(label(f"{title}:", "config"))
                for name, item in value.items():
                    column.addWidget(self._value_line(f"   {name}", item))
            else:
                column.addWidget(self._value_line(title, value))
        for message in todo:
            column.addWidget(label(f"⚠ {self._readable(message)}", "todo"))
        if why:
            column.addWidget(label(self._readable(why), "why"))
        return card

    def _value_line(self, title: str, value: Any) -> QLabel:
        """'To ← New Shopify order › Phone' for a value mapped from an earlier step (the
        reference read as the data tree names it), else 'To: …'."""
        text = _show(value)
        if "{{" in text:
            return label(f"{title} ← {self._readable(text)}", "mapped")
        return label(f"{title}: {isolate(text)}", "config")

    def _readable(self, text: str) -> str:
        return readable_references(text, self.trigger_name)

    @staticmethod
    def _field_title(node_type: NodeType | None, key: str) -> str:
        if node_type is None or key not in node_type.input_model.model_fields:
            return key
        return QCoreApplication.translate("NodeFields", node_type.field_title(key))

    # The ghost on the canvas.

    def show(self, placed: Flow) -> None:
        """The proposal ``placed`` where it would land, as a ghost the user can look at."""
        self.clear()
        scene = self.view.scene()
        rtl = bool(getattr(scene, "right_to_left", False))
        self.ghost = GhostFlow(placed, self.document.registry, self.theme, rtl)
        scene.addItem(self.ghost)
        self._look_at(self.ghost.sceneBoundingRect())

    def _look_at(self, ghost: QRectF) -> None:
        """Bring the preview into view with the steps already there, zooming out if needed."""
        area = QRectF(ghost)
        for node in self.document.flow.nodes:
            area = area.united(QRectF(node.position.x, node.position.y, NODE_WIDTH, NODE_HEIGHT))
        area.adjust(-40, -40, 40, 40)
        view, viewport = self.view, self.view.viewport().rect()
        scale = view.transform().m22() or 1.0
        centre = area.center()
        if area.width() * scale > viewport.width() or area.height() * scale > viewport.height():
            view.fitInView(area, Qt.AspectRatioMode.KeepAspectRatio)
            scale = view.transform().m22() or 1.0
            if scale < READABLE_SCALE:
                # Too far out to read the cards: the preview itself, readable, instead.
                view.zoom_by(READABLE_SCALE / scale)
                scale, centre = view.zoom_factor(), ghost.center()
        if not self.document.flow.nodes:
            # The empty canvas writes its hint in the middle; keep it readable above the preview.
            centre -= QPointF(0, 90 / scale)
        view.centerOn(centre)

    def clear(self) -> None:
        if self.ghost is not None:
            if self.ghost.scene() is not None:
                self.ghost.scene().removeItem(self.ghost)
            self.ghost = None
