"""The palette: node types grouped by connector category, with a search box. It folds into a
slim strip with one "+ Add step" button, so a flow that is open gets the canvas's width.

Triggers come first, grouped by the same categories under one heading that is open while the
flow has no trigger and closed once it has one: a new flow starts with the question "what
starts it?", and a flow being built is not asked again above every step it could add."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDrag, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.registry import NodeType, Registry
from flowin_engine.spelling import normalize

from ..canvas.view import NODE_TYPE_MIME
from ..i18n import category_name, fill, node_type_description, node_type_name, number_text
from ..icons import step_icon

TYPE_ROLE = Qt.ItemDataRole.UserRole + 1
MARGIN = 8
FOLDED_MARGIN = 4
# The manifests' categories in the order a shop owner looks for them; "Core" and "Triggers" (the
# connectors of manual, schedule and webhook starts) are the basics, listed first.
_CATEGORY_ORDER = {
    "Triggers": 0,
    "Core": 0,
    "Communication": 1,
    "E-commerce": 2,
    "Payments": 3,
    "Productivity": 4,
    "AI": 5,
    "Developer": 6,
}
_BASICS = {"Triggers", "Core"}


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
    folded_changed = Signal(bool)  # folded into its strip (True) or unfolded (False)

    def __init__(self, registry: Registry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.registry = registry
        self._has_trigger = False  # the open flow's (show_flow_has_trigger)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.tree = PaletteTree()
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setIndentation(12)
        self.tree.setRootIsDecorated(False)
        self.tree.itemActivated.connect(self._activated)
        self.fold_button = QToolButton()
        self.fold_button.setObjectName("foldSteps")
        self.fold_button.clicked.connect(lambda: self.set_folded(True))
        self.add_button = QToolButton()
        self.add_button.setObjectName("addStepButton")
        self.add_button.clicked.connect(self._unfold_to_search)
        self.add_button.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.fold_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        self._populate()
        self.retranslate()

    def folded_width(self) -> int:
        """The strip's width: its button and a margin either side."""
        return self.add_button.sizeHint().width() + 2 * FOLDED_MARGIN

    def is_folded(self) -> bool:
        return not self.add_button.isHidden()

    def set_folded(self, folded: bool) -> None:
        """Fold into the strip (only "+ Add step" shows) or unfold the whole list."""
        if folded == self.is_folded():
            return
        self.search.setHidden(folded)
        self.fold_button.setHidden(folded)
        self.tree.setHidden(folded)
        self.add_button.setVisible(folded)
        margin = FOLDED_MARGIN if folded else MARGIN
        self.layout().setContentsMargins(margin, margin, margin, margin)
        self.folded_changed.emit(folded)

    def _unfold_to_search(self) -> None:
        self.set_folded(False)
        self.search.setFocus()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search steps…"))
        # One word a line: the strip stays slim enough for the canvas to show a whole flow.
        words = self.tr("Add step").split()
        self.add_button.setText("\n".join(["+", *words]))
        self.add_button.setToolTip(self.tr("Show every step you can add"))
        self.add_button.setAccessibleName(self.tr("Add step"))
        self.fold_button.setText("»" if self.isRightToLeft() else "«")
        self.fold_button.setToolTip(self.tr("Hide the steps list"))
        self.fold_button.setAccessibleName(self.tr("Hide the steps list"))
        if self.is_folded():
            self.folded_changed.emit(True)  # the strip fits its button in the new language
        self._populate()
        self._filter(self.search.text())

    def refresh(self) -> None:
        """Show the registry's steps again (a service was added to it)."""
        self._populate()
        self._filter(self.search.text())

    def _populate(self) -> None:
        self.tree.clear()
        self.triggers = QTreeWidgetItem(self.tree, [self.tr("Start the flow when…")])
        self._heading(self.triggers)
        trigger_groups: dict[str, QTreeWidgetItem] = {}
        groups: dict[str, QTreeWidgetItem] = {}
        types = sorted(
            self.registry.node_types,
            key=lambda t: (_CATEGORY_ORDER.get(t.connector.manifest.category, 9), t.name),
        )
        for node_type in types:
            category = node_type.connector.manifest.category
            if node_type.is_trigger:
                name = self._group_name(category)
                group = trigger_groups.get(name)
                if group is None:
                    group = trigger_groups[name] = QTreeWidgetItem(self.triggers, [name])
                    self._heading(group, bold=False)
            else:
                name = self._group_name(category)
                group = groups.get(name)
                if group is None:
                    group = groups[name] = QTreeWidgetItem(self.tree, [name])
                    self._heading(group)
            self._add_type(group, node_type)
        self.tree.expandAll()
        self.triggers.setExpanded(not self._has_trigger)
        self._show_trigger_count()

    def _group_name(self, category: str) -> str:
        # The manifests' "Core" names a package; a shop owner looks for the basics.
        return self.tr("Basics") if category in _BASICS else category_name(category)

    def show_flow_has_trigger(self, has_trigger: bool) -> None:
        """Open the triggers while the flow has none, close them once it has one (the user
        may still open them: a second trigger is allowed)."""
        if has_trigger == self._has_trigger:
            return
        self._has_trigger = has_trigger
        if not self.search.text().strip():
            self.triggers.setExpanded(not has_trigger)

    def _heading(self, item: QTreeWidgetItem, bold: bool = True) -> None:
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font(0)
        font.setBold(bold)
        if not bold:
            font.setItalic(True)
        item.setFont(0, font)

    def _show_trigger_count(self) -> None:
        visible = sum(not i.isHidden() for i in self._steps_under(self.triggers))
        self.triggers.setText(0, fill(self.tr("Start the flow when… (%1)"), number_text(visible)))

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
        item.setData(0, TYPE_ROLE + 1, _searchable(" ".join(words)))
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def items(self) -> list[QTreeWidgetItem]:
        found = []
        for g in range(self.tree.topLevelItemCount()):
            found.extend(self._steps_under(self.tree.topLevelItem(g)))
        return found

    def _steps_under(self, group: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        found = []
        for i in range(group.childCount()):
            child = group.child(i)
            found.extend([child] if child.data(0, TYPE_ROLE) else self._steps_under(child))
        return found

    def item_for(self, type_name: str) -> QTreeWidgetItem | None:
        return next((i for i in self.items() if i.data(0, TYPE_ROLE) == type_name), None)

    def _filter(self, text: str) -> None:
        # Every word typed, anywhere in what a step is called or said to do.
        words = [_searchable(word) for word in normalize(text).split()]
        for g in range(self.tree.topLevelItemCount()):
            self._filter_group(self.tree.topLevelItem(g), words)
        # A match among closed triggers would be out of sight: searching opens them.
        self.triggers.setExpanded(bool(words) or not self._has_trigger)
        self._show_trigger_count()

    def _filter_group(self, group: QTreeWidgetItem, words: list[str]) -> int:
        visible = 0
        for i in range(group.childCount()):
            child = group.child(i)
            if not child.data(0, TYPE_ROLE):
                visible += self._filter_group(child, words)
                continue
            found = child.data(0, TYPE_ROLE + 1)
            hide = not all(word in found for word in words)
            child.setHidden(hide)
            visible += not hide
        group.setHidden(visible == 0)
        return visible

    def _activated(self, item: QTreeWidgetItem) -> None:
        type_name = item.data(0, TYPE_ROLE)
        if type_name:
            self.add_requested.emit(type_name)


def _searchable(text: str) -> str:
    """Text as searched: one Arabic spelling (سله finds سلة, اضافة finds إضافة), lower case, and
    no spaces, so a name written in one word or two (بايموب, باي موب) finds the same steps."""
    return "".join(normalize(text).split())
