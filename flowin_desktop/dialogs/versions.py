"""Version history: every save of a flow, what each changed drawn on a canvas, and restoring one.

Also the bar that says the flow was changed elsewhere (another window, the command line, a sync)
instead of saving over it.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QRectF, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.flow_diff import Change, FlowDiff, diff_flows
from flowin_engine.model import Flow
from flowin_engine.store import Store
from flowin_engine.versions import Version, version_history

from ..canvas import FlowScene, FlowView
from ..canvas.diff import ADDED, CHANGED, REMOVED, draw_diff
from ..editor.document import FlowCommand, FlowDocument
from ..i18n import date_time_text, isolate, number_text
from ..theme import Theme

PREVIOUS, OPEN_NOW = -1, -2  # "compare with" choices besides a version number


def _tr(text: str) -> str:
    return QCoreApplication.translate("VersionHistory", text)


def _number(value: int) -> str:
    """A count or version number in the user's digits."""
    return number_text(value)


_isolate = isolate


class RestoreVersion(FlowCommand):
    """Bring back a saved version's steps, connections, notes, name and settings, undoably.

    The flow keeps its id, its status (on or paused) and its pinned test data.
    """

    def __init__(
        self, document: FlowDocument, version: Flow, number: int, text: str | None = None
    ) -> None:
        super().__init__(document, text or _tr("Restore version %1").replace("%1", _number(number)))
        self.new, self.old = _content(version), _content(document.flow)

    def _apply(self, content: dict[str, Any]) -> None:
        flow = self.flow
        flow.name, flow.description = content["name"], content["description"]
        flow.nodes[:] = copy.deepcopy(content["nodes"])
        flow.edges[:] = copy.deepcopy(content["edges"])
        flow.sticky_notes[:] = copy.deepcopy(content["sticky_notes"])
        flow.settings = copy.deepcopy(content["settings"])
        self.document.notify()

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


def _content(flow: Flow) -> dict[str, Any]:
    return copy.deepcopy(
        {
            "name": flow.name,
            "description": flow.description,
            "nodes": flow.nodes,
            "edges": flow.edges,
            "sticky_notes": flow.sticky_notes,
            "settings": flow.settings,
        }
    )


def summarize(diff: FlowDiff | None) -> str:
    """One line for the history list: "Added: 1 · Changed: 3", in the user's language."""
    if diff is None:
        return _tr("First version")
    counts = [
        (_tr("Added: %1"), len(diff.added)),
        (_tr("Removed: %1"), len(diff.removed)),
        (_tr("Changed: %1"), len(diff.edited)),
        (_tr("Moved: %1"), len(diff.moved)),
    ]
    parts = [text.replace("%1", _number(count)) for text, count in counts if count]
    edges = len(diff.added_edges) + len(diff.removed_edges)
    if edges:
        parts.append(_tr("Connections: %1").replace("%1", _number(edges)))
    if diff.renamed:
        parts.append(_tr("Renamed"))
    if diff.notes_changed:
        parts.append(_tr("Notes"))
    if diff.settings_changed:
        parts.append(_tr("Flow settings"))
    return " · ".join(parts) if parts else _tr("No visible change")


def describe(diff: FlowDiff) -> list[tuple[str, str]]:
    """The changes step by step, as (theme colour, sentence) lines under the canvas."""
    what = {
        Change.NAME: _tr("name"),
        Change.TYPE: _tr("kind of step"),
        Change.SETTINGS: _tr("settings"),
        Change.NOTES: _tr("notes"),
        Change.DISABLED: _tr("on/off"),
        Change.POSITION: _tr("position"),
    }
    lines = [(ADDED, _tr("Added: %1").replace("%1", _isolate(n.name))) for n in diff.added] + [
        (REMOVED, _tr("Removed: %1").replace("%1", _isolate(n.name))) for n in diff.removed
    ]
    for change in diff.changed:
        details = [_isolate(p) for p in change.params] + [
            what[c] for c in sorted(change.changes) if c in what
        ]
        name = change.new.name
        if Change.NAME in change.changes:
            name = (
                _tr("%1 → %2")
                .replace("%1", _isolate(change.old.name))
                .replace("%2", _isolate(change.new.name))
            )
        lines.append(
            (
                CHANGED,
                _tr("Changed: %1 (%2)")
                .replace("%1", name if Change.NAME in change.changes else _isolate(name))
                .replace("%2", QLocale().createSeparatedList(details)),
            )
        )
    if diff.added_edges or diff.removed_edges:
        lines.append(
            (
                "muted",
                _tr("Connections added: %1, removed: %2")
                .replace("%1", _number(len(diff.added_edges)))
                .replace("%2", _number(len(diff.removed_edges))),
            )
        )
    if diff.renamed:
        old, new = diff.renamed
        lines.append(
            (
                "muted",
                _tr("Flow renamed: %1 → %2")
                .replace("%1", _isolate(old))
                .replace("%2", _isolate(new)),
            )
        )
    return lines


class VersionHistoryDialog(QDialog):
    """The list of versions beside a canvas showing the chosen one with its changes."""

    restore_requested = Signal(int)

    def __init__(
        self,
        store: Store,
        document: FlowDocument,
        theme: Theme,
        right_to_left: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("versionHistory")
        self.store, self.document, self.theme = store, document, theme
        self.history: list[Version] = version_history(store, document.flow.id)
        self._drawn: list[QGraphicsItem] = []
        self.resize(1100, 680)

        self.list = QListWidget()
        self.list.setObjectName("versionList")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.compare = QComboBox()
        self.compare_label = QLabel()
        self.compare_label.setBuddy(self.compare)
        self.preview = FlowDocument(Flow(id=document.flow.id), document.registry, self)
        self.scene = FlowScene(self.preview, self)
        self.scene.set_theme(theme)
        self.scene.set_right_to_left(right_to_left)
        self.view = FlowView(self.scene)
        self.view.setInteractive(False)  # a picture of a version: nothing to drag or select
        self.view.minimap.enabled_by_user = False
        self.view.minimap.hide()
        self.changes = QLabel()
        self.changes.setObjectName("versionChanges")
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        self.legend = QLabel()
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("primary")
        self.close_button = QPushButton()

        compare_row = QHBoxLayout()
        compare_row.addWidget(self.compare_label)
        compare_row.addWidget(self.compare, 1)
        compare_row.addSpacing(12)
        compare_row.addWidget(self.legend)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(compare_row)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(self.changes)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([280, 820])
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

        self.list.currentRowChanged.connect(lambda _: self.show_selected())
        self.compare.currentIndexChanged.connect(lambda _: self.show_selected())
        self.restore_button.clicked.connect(self.restore)
        self.close_button.clicked.connect(self.reject)
        self.retranslate()
        self.show_selected()

    def retranslate(self) -> None:
        self.setWindowTitle(_tr("Version history"))
        self.compare_label.setText(_tr("Compare with:"))
        self.restore_button.setText(_tr("Restore this version"))
        self.close_button.setText(_tr("Close"))
        colours = [(ADDED, _tr("added")), (REMOVED, _tr("removed")), (CHANGED, _tr("changed"))]
        self.legend.setText(
            "&nbsp;&nbsp;".join(
                f'<span style="color:{self.theme.color(c).name()}">●</span> {text}'
                for c, text in colours
            )
        )
        current = max(self.list.currentRow(), 0)
        self.list.blockSignals(True)
        self.list.clear()
        for index, version in enumerate(self.history):
            when = date_time_text(
                version.saved_at.astimezone().replace(tzinfo=None), "d MMM, HH:mm:ss"
            )
            title = (
                _tr("Version %1 · %2").replace("%1", _number(version.number)).replace("%2", when)
            )
            if index == 0:
                title += " " + _tr("(latest)")
            item = QListWidgetItem(f"{title}\n{summarize(version.changes)}")
            item.setData(Qt.ItemDataRole.UserRole, version.number)
            self.list.addItem(item)
        self.list.setCurrentRow(min(current, self.list.count() - 1))
        self.list.blockSignals(False)
        self._fill_compare()

    def _fill_compare(self) -> None:
        chosen = self.compare.currentData()
        self.compare.blockSignals(True)
        self.compare.clear()
        self.compare.addItem(_tr("the version before it"), PREVIOUS)
        self.compare.addItem(_tr("the flow as it is open now"), OPEN_NOW)
        for version in self.history:
            self.compare.addItem(
                _tr("version %1").replace("%1", _number(version.number)), version.number
            )
        index = self.compare.findData(chosen)
        self.compare.setCurrentIndex(max(index, 0))
        self.compare.blockSignals(False)

    def selected(self) -> Version | None:
        row = self.list.currentRow()
        return self.history[row] if 0 <= row < len(self.history) else None

    def select_version(self, number: int) -> None:
        for row, version in enumerate(self.history):
            if version.number == number:
                self.list.setCurrentRow(row)

    def compare_with(self, choice: int) -> None:
        """``PREVIOUS``, ``OPEN_NOW`` or a version number."""
        self.compare.setCurrentIndex(max(self.compare.findData(choice), 0))

    def comparison(self) -> tuple[Flow | None, Flow, FlowDiff | None]:
        """(older flow, newer flow, the diff between them) for what is chosen."""
        version = self.selected()
        if version is None:
            return None, self.document.flow, None
        choice = self.compare.currentData()
        if choice == OPEN_NOW:
            older, newer = version.flow, self.document.flow
        elif choice in (PREVIOUS, None) or choice == version.number:
            row = self.history.index(version)
            if row + 1 >= len(self.history):
                return None, version.flow, None
            older, newer = self.history[row + 1].flow, version.flow
        else:
            other = next(v for v in self.history if v.number == choice)
            first, second = sorted((version, other), key=lambda v: v.number)
            older, newer = first.flow, second.flow
        return older, newer, diff_flows(older, newer)

    def show_selected(self) -> None:
        for item in self._drawn:
            self.scene.removeItem(item)
        self._drawn = []
        older, newer, diff = self.comparison()
        self.preview.replace(copy.deepcopy(newer))
        self.scene.clear_run_states()
        version = self.selected()
        self.restore_button.setEnabled(version is not None)
        if diff is None or older is None:
            self.changes.setText(_tr("The first saved version of this flow."))
        else:
            self._drawn = draw_diff(self.scene, diff, older, self.label)
            lines = describe(diff)
            self.changes.setText(
                "<br>".join(
                    f'<span style="color:{self.theme.color(c).name()}">●</span> {text}'
                    for c, text in lines
                )
                if lines
                else _tr("No change to the steps.")
            )
        QTimer.singleShot(0, self.fit)

    def fit(self) -> None:
        rect = QRectF()
        for item in self.scene.items():
            if item.parentItem() is None:
                rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            return
        self.view.fitInView(rect.adjusted(-60, -50, 60, 50), Qt.AspectRatioMode.KeepAspectRatio)
        if self.view.zoom_factor() > 1.0:
            self.view.resetTransform()
            self.view.centerOn(rect.center())

    @staticmethod
    def label(kind: str) -> str:
        return {
            "added": _tr("New"),
            "removed": _tr("Removed"),
            "changed": _tr("Changed"),
            "moved": _tr("Moved"),
        }[kind]

    def restore(self) -> None:
        version = self.selected()
        if version is not None:
            self.restore_requested.emit(version.number)
            self.accept()
