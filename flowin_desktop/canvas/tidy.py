"""Tidy up the canvas: the layered layout of ``layout.py`` as one undoable move."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..editor.document import MoveNodes
from .layout import tidy_positions
from .scene import FlowScene

NODE_MARGIN = 6.0  # a step's bounding rectangle reaches this far outside its card


def _tr(text: str) -> str:
    return QCoreApplication.translate("FlowScene", text)


def tidy_command(scene: FlowScene) -> MoveNodes | None:
    """The move that lays the open flow out from its trigger; None when nothing would move."""
    document = scene.document
    registry = document.registry

    def is_trigger(type_name: str) -> bool:
        node_type = registry.find(type_name)
        return node_type is not None and node_type.is_trigger

    def size(node_id: str) -> tuple[float, float]:
        rect = scene.node_items[node_id].boundingRect()
        return rect.width() - 2 * NODE_MARGIN, rect.height() - 2 * NODE_MARGIN

    def port_order(node_id: str, port: str) -> int:
        node = document.flow.node(node_id)
        node_type = registry.find(node.type)
        ports = node_type.output_ports(node.params) if node_type is not None else []
        return ports.index(port) if port in ports else len(ports)

    positions = tidy_positions(document.flow, is_trigger, size, port_order)
    moves = {}
    for node in document.flow.nodes:
        old = (node.position.x, node.position.y)
        new = positions[node.id]
        if abs(new[0] - old[0]) > 0.5 or abs(new[1] - old[1]) > 0.5:
            moves[node.id] = (old, new)
    if not moves:
        return None
    command = MoveNodes(document, moves)
    command.setText(_tr("Tidy up"))
    return command
