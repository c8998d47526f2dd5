"""The palette: node types grouped by connector category, with a search box."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDrag, QPalette
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from flowin_engine.registry import NodeType, Registry

from ..canvas.view import NODE_TYPE_MIME
from ..i18n import category_name, node_type_description, node_type_name
from ..icons import step_icon

TYPE_ROLE = Qt.ItemDataRole.UserRole + 1


class PaletteTree(QTreeWidget):
    def startDrag(self, actions: Any) -> None:
        item = self.currentItem()
        type_name = item.data(0, TYPE_ROLE) if item else None
        if not type_name:
            return
        mime = QMimeData()
        mime.setData(NODE_TYPE_MIME, type_name.encode())
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(item.icon(0).pixmap(24, 24))
        drag.exec(Qt.DropAction.CopyAction)


class Palette(QWidget):
    """Lists every node type; double-click or drag one onto the canvas to add it."""

    add_requested = Signal(str)

    def __init__(self, registry: Registry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.registry = registry
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.tree = PaletteTree()
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setIndentation(12)
        self.tree.setRootIsDecorated(False)
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self._populate()
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search steps…"))
        self._populate()
        self._filter(self.search.text())

    def _populate(self) -> None:
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        types = sorted(
            self.registry.node_types,
            key=lambda t: (not t.is_trigger, t.connector.manifest.category, t.name),
        )
        for node_type in types:
            category = node_type.connector.manifest.category
            if node_type.is_trigger or category == "Triggers":
                category = self.tr("Triggers")
            else:
                category = category_name(category)
            group = groups.get(category)
            if group is None:
                group = QTreeWidgetItem(self.tree, [category])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[category] = group
            self._add_type(group, node_type)
        self.tree.expandAll()

    def _add_type(self, group: QTreeWidgetItem, node_type: NodeType) -> None:
        item = QTreeWidgetItem(group, [node_type_name(node_type)])
        item.setIcon(
            0,
            step_icon(node_type, self.palette().color(QPalette.ColorRole.Highlight)),
        )
        name, about = escape(node_type_name(node_type)), escape(node_type_description(node_type))
        item.setToolTip(0, f"<b>{name}</b><br>{about}" if about else f"<b>{name}</b>")
        item.setData(0, TYPE_ROLE, node_type.type)
        words = [
            node_type.name,
            node_type_name(node_type),
            node_type.type,
            node_type.manifest.description,
            node_type_description(node_type),
        ]
        words += node_type.manifest.phrases.en + node_type.manifest.phrases.ar
        item.setData(0, TYPE_ROLE + 1, " ".join(words).lower())
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def items(self) -> list[QTreeWidgetItem]:
        found = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            found.extend(group.child(i) for i in range(group.childCount()))
        return found

    def item_for(self, type_name: str) -> QTreeWidgetItem | None:
        return next((i for i in self.items() if i.data(0, TYPE_ROLE) == type_name), None)

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            visible = 0
            for i in range(group.childCount()):
                child = group.child(i)
                hide = bool(needle) and needle not in child.data(0, TYPE_ROLE + 1)
                child.setHidden(hide)
                visible += not hide
            group.setHidden(visible == 0)

    def _activated(self, item: QTreeWidgetItem) -> None:
        type_name = item.data(0, TYPE_ROLE)
        if type_name:
            self.add_requested.emit(type_name)
