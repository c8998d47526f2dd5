"""The editor page: a flow on the canvas with the palette, the properties, the AI builder and
the run log, and its actions (undo, clipboard, zoom, test run). Two parts live beside it:
saving (saving.py: autosave, conflicts, active or not) and test runs (test_run.py).

It needs no main window: the window places the editor's tools in its top bar and its actions
in its menus, shows ``message`` in its status bar and switches to the page on ``opened``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.credentials import Connections
from flowin_engine.data_folder import DataFolder
from flowin_engine.editing import clear_spot, step_after, trigger_of
from flowin_engine.errors import FlowinError, Problem
from flowin_engine.model import Flow, Position, StickyNote
from flowin_engine.registry import Registry
from flowin_engine.runtime import Runtime
from flowin_engine.store import Store
from flowin_engine.validation import validate_flow

from ..canvas import FlowScene, FlowView
from ..canvas.items import NODE_WIDTH
from ..canvas.tidy import tidy_command
from ..canvas.view import MIN_WIDTH
from ..cloud.cloud_run import CloudRunChoice
from ..dialogs.versions import RestoreVersion, VersionHistoryDialog
from ..i18n import node_type_name, problem_text
from ..notifications.rules import RuleBook
from ..notifications.watch import notifier_of
from ..panels.builder.panel import BuilderPanel
from ..panels.flow_overview import FlowNotifications
from ..panels.palette import Palette
from ..panels.properties import PropertiesPanel
from ..panels.run_log import RunLog
from ..panels.webhook_address import WebhookAddresses
from ..relay_status import RelayWatch
from ..theme import LIGHT, Theme
from .document import (
    CLIPBOARD_MIME,
    AddItems,
    AddNote,
    FlowDocument,
    RemoveItems,
    RenameFlow,
    SetNodeValue,
    SetNoteText,
)
from .saving import Saving
from .test_run import TestRun

PALETTE_WIDTH = 230  # the steps list, unfolded
UNLIMITED = 16777215  # Qt's QWIDGETSIZE_MAX, which PySide6 does not export
BUILDER_WIDTH = 340  # the AI builder's chat, when it opens
CHECK_DELAY_MS = 300
OPEN_FLOW_SETTING = "open_flow"  # the flow open when Flowin last closed
VIEW_SETTING = "canvas_view:"  # + flow id: zoom and centre of its canvas


def window_action(
    parent: QWidget, slot: Callable[..., Any], shortcut: QKeySequence | str | None = None
) -> QAction:
    """An action whose shortcut works anywhere in the window ``parent`` is in."""
    action = QAction(parent)
    action.triggered.connect(slot)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    return action


class Editor(QWidget):
    """The page that edits one flow; every change is a command on its ``document``."""

    view_restored = Signal()  # the canvas shows the opened flow where the user left it
    opened = Signal()  # a flow was opened: the page wants to be shown
    message = Signal(str, int)  # for the status bar: text ("" clears it), milliseconds

    def __init__(
        self, store: Store, registry: Registry, theme: Theme = LIGHT, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.registry = registry
        self.theme = theme
        self.current = False  # the page in sight, with its actions on
        self.document = FlowDocument(Flow(name="Untitled flow"), registry, self)
        self.folder = DataFolder(store, registry=registry)
        self.saving = Saving(store, self.document, self)
        self.scene = FlowScene(self.document, self)
        self.view = FlowView(self.scene)
        self.palette_panel = Palette(registry)
        self.properties = PropertiesPanel(self.document, lambda: self.connections)
        self.runtime: Runtime | None = None  # the window's, running the active flows
        # The cloud's public addresses and waiting events, through the runtime's relay.
        self.relay_watch = RelayWatch(lambda: self.runtime, self)
        self.properties.webhook_addresses = WebhookAddresses(
            self.folder, lambda: self.runtime, self.relay_watch
        )
        # Where the flow runs (this computer or the cloud), under its overview.
        self.cloud_run = CloudRunChoice(
            self.folder, lambda: self.document.flow, save=self.saving.save_now
        )
        self.properties.add_flow_setting(self.cloud_run)
        # Who is told about the flow: the usual notifications, or its own.
        self.flow_notifications = FlowNotifications(
            RuleBook(store, lambda: notifier_of(self.runtime), registry, lambda: self.connections),
            lambda: self.document.flow.id,
            lambda: self.connections,
            registry,
        )
        self.properties.add_flow_setting(self.flow_notifications)
        self.document.flow_replaced.connect(self.flow_notifications.show_flow)
        self.saving.in_cloud = self.properties.in_cloud = self.cloud_run.runs_in_cloud
        self.builder_panel = BuilderPanel(self.document, self.view, store)
        self.builder_panel.hide()
        self.run_log = RunLog()
        self.canvas_split = QSplitter(Qt.Orientation.Vertical)
        self.canvas_split.addWidget(self.view)
        self.canvas_split.addWidget(self.run_log)
        self.canvas_split.setStretchFactor(0, 4)
        self.canvas_split.setSizes([600, 170])
        self.panels = QSplitter(Qt.Orientation.Horizontal)
        self.panels.addWidget(self.palette_panel)
        self.panels.addWidget(self.canvas_split)
        self.panels.addWidget(self.builder_panel)
        self.panels.addWidget(self.properties)
        self.panels.setStretchFactor(1, 1)
        self.panels.setSizes([PALETTE_WIDTH, 760, 340, 300])
        self.panels.setChildrenCollapsible(False)
        self.view.setMinimumWidth(MIN_WIDTH)
        self.test_run = TestRun(
            store,
            self.folder,
            self.document,
            self.scene,
            self.properties,
            self.run_log,
            save=self.saving.save_now,
            select_step=self.select_step,
            parent=self,
        )

        self.checker = QTimer(self)
        self.checker.setSingleShot(True)
        self.checker.setInterval(CHECK_DELAY_MS)
        self.checker.timeout.connect(self.check_flow)

        self._build_tools()
        self._build_actions()
        self._connect()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tools)
        layout.addWidget(self.saving.conflict_bar)
        layout.addWidget(self.panels, 1)
        self.set_theme(theme)
        self.retranslate()
        self.set_current(False)

    @property
    def connections(self) -> Connections:
        """Connected accounts (the keyring is asked when a secret is first needed)."""
        return self.folder.connections

    # Building.

    def _build_tools(self) -> None:
        """The flow's name, save state, history, AI, Activate and Test run: in a row of their own
        here, until a window takes them into its top bar (``leading_tools``, ``trailing_tools``)."""
        self.flow_name = QLineEdit()
        self.flow_name.setObjectName("flowName")
        self.flow_name.editingFinished.connect(self._rename_flow)
        self.flow_name.textChanged.connect(self._fit_flow_name)
        self.history_button = QToolButton()
        self.history_button.clicked.connect(self.show_history)
        self.ai_button = QToolButton()
        self.ai_button.setCheckable(True)
        self.ai_button.setObjectName("aiButton")
        self.ai_button.toggled.connect(self.show_builder)
        self.leading_tools: list[QWidget] = [
            self.flow_name,
            self.saving.save_state,
            self.history_button,
        ]
        self.trailing_tools: list[QWidget] = [
            self.ai_button,
            self.saving.activate_button,
            self.test_run.button,
        ]
        self.tools = QWidget()
        row = QHBoxLayout(self.tools)
        for widget in self.leading_tools:
            row.addWidget(widget)
        row.addStretch()
        for widget in self.trailing_tools:
            row.addWidget(widget)

    def _build_actions(self) -> None:
        stack = self.document.undo_stack
        K = QKeySequence.StandardKey
        self.save_action = window_action(self, self.saving.save_now, K.Save)
        self.history_action = window_action(self, self.show_history, "Ctrl+Shift+Y")
        self.undo_action = window_action(self, stack.undo, K.Undo)
        self.redo_action = window_action(self, stack.redo, K.Redo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.cut_action = window_action(self, self.cut, K.Cut)
        self.copy_action = window_action(self, self.copy, K.Copy)
        self.paste_action = window_action(self, self.paste, K.Paste)
        self.duplicate_action = window_action(self, self.duplicate_selection, "Ctrl+D")
        self.delete_action = window_action(self, self.delete_selection, K.Delete)
        self.delete_action.setShortcuts(
            [QKeySequence(K.Delete), QKeySequence(Qt.Key.Key_Backspace)]
        )
        self.select_all_action = window_action(self, self.select_all, K.SelectAll)
        self.zoom_in_action = window_action(self, self.view.zoom_in, K.ZoomIn)
        self.zoom_out_action = window_action(self, self.view.zoom_out, K.ZoomOut)
        self.fit_action = window_action(self, self.view.fit_to_view, "Ctrl+0")
        self.tidy_action = window_action(self, self.tidy_up, "Ctrl+Shift+T")
        self.minimap_action = window_action(self, self.toggle_minimap, "Ctrl+Shift+M")
        self.minimap_action.setCheckable(True)
        self.minimap_action.setChecked(True)
        self.log_action = window_action(self, self.toggle_log, "Ctrl+J")
        self.log_action.setCheckable(True)
        self.log_action.setChecked(True)
        self.run_action = window_action(self, self.test_run.start, "Ctrl+R")
        self.edit_actions = [
            self.save_action,
            self.history_action,
            self.undo_action,
            self.redo_action,
            self.cut_action,
            self.copy_action,
            self.paste_action,
            self.duplicate_action,
            self.delete_action,
            self.select_all_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
            self.tidy_action,
            self.minimap_action,
            self.log_action,
            self.run_action,
        ]
        # Their shortcuts work on this page alone too; in a window, its menus hold them as well.
        self.addActions(self.edit_actions)

    def _connect(self) -> None:
        self.document.changed.connect(self._document_changed)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.status_message.connect(lambda text: self.message.emit(text, 6000))
        self.palette_panel.add_requested.connect(self.add_node_at_centre)
        self.palette_panel.folded_changed.connect(self._palette_folded)
        self.view.node_type_dropped.connect(self.add_node)
        self.view.context_menu_requested.connect(self._canvas_menu)
        self.scene.note_activated.connect(self.edit_note)
        self.run_log.step_clicked.connect(self.select_step)
        self.properties.message.connect(self.message)
        self.saving.message.connect(self.message)
        self.saving.open_requested.connect(self.open_flow)
        # The Active switch of a flow the cloud runs shows where it is chosen.
        self.saving.cloud_place_requested.connect(self.show_where_it_runs)
        self.cloud_run.message.connect(self.message)
        self.cloud_run.changed.connect(self.show_place)
        self.document.flow_replaced.connect(self.cloud_run.show_flow)
        self.test_run.message.connect(self.message)
        self.builder_panel.close_requested.connect(lambda: self.ai_button.setChecked(False))
        self.builder_panel.applied.connect(self._builder_applied)

    def retranslate(self) -> None:
        self.test_run.retranslate()
        self.ai_button.setText(self.tr("✦ AI: describe your flow"))
        self.ai_button.setToolTip(
            self.tr("Describe a flow in your own words and let Flowin build it")
        )
        self.flow_name.setPlaceholderText(self.tr("Name your flow"))
        self.history_button.setText(self.tr("History"))
        self.history_button.setToolTip(
            self.tr("Every saved version of this flow: see what changed, restore one")
        )
        self.saving.retranslate()
        self.cloud_run.retranslate()
        self.flow_notifications.retranslate()
        self.flow_name.setAccessibleName(self.tr("Flow name"))
        self.view.setAccessibleName(self.tr("Canvas"))
        texts = {
            self.save_action: self.tr("Save"),
            self.history_action: self.tr("Version history…"),
            self.undo_action: self.tr("Undo"),
            self.redo_action: self.tr("Redo"),
            self.cut_action: self.tr("Cut"),
            self.copy_action: self.tr("Copy"),
            self.paste_action: self.tr("Paste"),
            self.duplicate_action: self.tr("Duplicate"),
            self.delete_action: self.tr("Delete"),
            self.select_all_action: self.tr("Select all"),
            self.zoom_in_action: self.tr("Zoom in"),
            self.zoom_out_action: self.tr("Zoom out"),
            self.fit_action: self.tr("Fit to view"),
            self.tidy_action: self.tr("Tidy up"),
            self.minimap_action: self.tr("Show minimap"),
            self.log_action: self.tr("Show run log"),
            self.run_action: self.tr("Test run"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.view.minimap.retranslate()
        for panel in (self.palette_panel, self.properties, self.run_log, self.builder_panel):
            panel.retranslate()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.scene.set_theme(theme)
        self.run_log.theme = theme
        self.builder_panel.set_theme(theme)
        self.palette_panel.retranslate()  # redraws the icons in the new accent colour
        self.view.viewport().update()

    def set_right_to_left(self, right_to_left: bool) -> None:
        self.scene.set_right_to_left(right_to_left)

    def set_current(self, current: bool) -> None:
        """The page comes into sight (its actions on, the canvas focused) or leaves it."""
        self.current = current
        for action in self.edit_actions:
            action.setEnabled(current)
        if current:
            self.undo_action.setEnabled(self.document.undo_stack.canUndo())
            self.redo_action.setEnabled(self.document.undo_stack.canRedo())
            self.view.setFocus()

    # Opening a flow.

    def open_flow(self, flow_id: str) -> None:
        self.saving.save_now()
        try:
            flow = self.store.flows.get(flow_id)
        except FlowinError as error:
            self.message.emit(str(error), 8000)
            return
        self._load(flow, fitted=True)

    def new_flow(self) -> None:
        self.saving.save_now()
        flow = Flow(name=self.tr("Untitled flow"))
        self.store.flows.save(flow)
        self._load(flow)

    def reopen_flow(self, flow_id: str | None) -> bool:
        """Open the flow that was open when Flowin last closed (or crashed), where it was."""
        if not flow_id:
            return False
        try:
            flow = self.store.flows.get(flow_id)
        except FlowinError:
            return False
        self._load(flow)
        return True

    def _load(self, flow: Flow, fitted: bool = False) -> None:
        """Show ``flow``; ``fitted``: at a readable zoom showing all of it, or its start,
        rather than where it was last looked at (which only a restart brings back)."""
        self.remember_view()
        self.scene.clearSelection()
        self.message.emit("", 0)
        self.properties.show_node(None)
        self.saving.load(flow)
        self.test_run.forget()
        self.flow_name.setText(flow.name)
        # A flow with steps gets the canvas's width (the steps list waits behind "+ Add step");
        # an empty one shows the list to start from.
        self.palette_panel.set_folded(bool(flow.nodes))
        self._show_palette_for_flow()
        self.set_current(True)
        self.opened.emit()
        self.store.set_setting(OPEN_FLOW_SETTING, flow.id)
        QTimer.singleShot(0, self._fit_view if fitted else self._restore_view)

    def _fit_view(self) -> None:
        self.view.fit_to_view(readable=True)
        self.view_restored.emit()

    def remember_view(self) -> None:
        if not self.current or not self.document.flow.nodes:
            return
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        view = {
            "zoom": self.view.zoom_factor(),
            "x": centre.x(),
            "y": centre.y(),
            "mirrored": self.view.mirrored,
        }
        self.store.set_setting(VIEW_SETTING + self.document.flow.id, view)

    def _restore_view(self) -> None:
        view = self.store.get_setting(VIEW_SETTING + self.document.flow.id)
        if not isinstance(view, dict) or bool(view.get("mirrored")) != self.view.mirrored:
            # A flow opened for the first time (or last seen in the other direction, where
            # the same centre hides its start): every step if they fit at a zoom whose words
            # read, else the start of the flow at that zoom (the minimap shows the rest).
            self.view.fit_to_view(readable=True)
        else:
            self.view.resetTransform()
            self.view.zoom_by(float(view.get("zoom", 1.0)))
            self.view.centerOn(float(view.get("x", 0)), float(view.get("y", 0)))
        self.view_restored.emit()

    # Editing: every change is a command on the document.

    def add_node(self, type_name: str, at: QPointF) -> str:
        node = self.document.new_node(type_name, round(at.x()), round(at.y()))
        self.document.push(AddItems(self.document, [node], []))
        self.scene.clearSelection()
        self.scene.node_items[node.id].setSelected(True)
        return node.id

    def add_node_at_centre(self, type_name: str) -> str:
        """A step from the palette (double-click): after the selected step and connected from
        it, or else in free space in the middle of what the user sees; never on another."""
        flow = self.document.flow
        selected = self.scene.selected_node_ids()
        if len(selected) == 1:
            node = self.document.new_node(type_name, 0, 0)
            node, edges = step_after(flow, self.registry, node, selected[0])
        else:
            centre = self.view.mapToScene(self.view.viewport().rect().center())
            x, y = clear_spot(flow, round(centre.x() - NODE_WIDTH / 2), round(centre.y() - 40))
            node, edges = self.document.new_node(type_name, x, y), []
        self.document.push(AddItems(self.document, [node], edges))
        self.scene.clearSelection()
        self.scene.node_items[node.id].setSelected(True)
        item = self.scene.node_items[node.id]
        self.view.ensureVisible(item, 40, 40)
        return node.id

    def canvas_menu(self, at: QPointF) -> QMenu:
        """The right-click menu: add a step where the user clicked, or act on the selection."""
        menu = QMenu(self)
        add_menu = menu.addMenu(self.tr("Add step here"))
        for node_type in sorted(self.registry.node_types, key=lambda t: (not t.is_trigger, t.name)):
            action = add_menu.addAction(node_type_name(node_type))
            action.triggered.connect(lambda _=False, t=node_type.type: self.add_node(t, at))
        add_note = menu.addAction(self.tr("Add a note here"))
        add_note.triggered.connect(lambda: self.add_note(at))
        selected = self.scene.selected_node_ids()
        if selected or self.scene.selected_edge_ids() or self.scene.selected_note_ids():
            menu.addSeparator()
            if len(selected) == 1:
                node = self.document.flow.node(selected[0])
                toggle = menu.addAction(
                    self.tr("Turn this step on") if node.disabled else self.tr("Turn this step off")
                )
                toggle.triggered.connect(lambda: self.toggle_disabled(node.id))
                run_step = menu.addAction(self.tr("Run this step only"))
                run_step.triggered.connect(lambda: self.test_run.run_step_only(node.id))
                pinned = node.id in self.document.flow.pinned
                pin_action = menu.addAction(
                    self.tr("Unpin") if pinned else self.tr("Pin this output")
                )
                pin_action.triggered.connect(lambda: self.test_run.set_pinned(node.id, not pinned))
            menu.addActions([self.copy_action, self.duplicate_action, self.delete_action])
        menu.addSeparator()
        menu.addActions([self.paste_action, self.fit_action])
        return menu

    def add_note(self, at: QPointF) -> str:
        note = StickyNote(
            text=self.tr("Double-click to write a note."),
            position=Position(x=round(at.x()), y=round(at.y())),
        )
        self.document.push(AddNote(self.document, note))
        return note.id

    def edit_note(self, note_id: str) -> None:
        note = next((n for n in self.document.flow.sticky_notes if n.id == note_id), None)
        if note is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Note"), self.tr("Note"), note.text)
        if ok and text != note.text:
            self.document.push(SetNoteText(self.document, note_id, text))

    def _canvas_menu(self, at: QPointF, where: QPoint) -> None:
        self.canvas_menu(at).popup(where)

    def toggle_disabled(self, node_id: str) -> None:
        node = self.document.flow.node(node_id)
        self.document.push(SetNodeValue(self.document, node_id, "disabled", not node.disabled))

    def select_step(self, node_id: str) -> None:
        item = self.scene.node_items.get(node_id)
        if item is not None:
            self.scene.clearSelection()
            item.setSelected(True)
            self.view.centerOn(item)
            self.properties.tabs.setCurrentIndex(1)

    def show_place(self) -> None:
        """Where the open flow runs, as this computer knows it now."""
        self.saving.show_status()
        self.properties.refresh_overview()
        self.cloud_run.show_flow()

    def show_where_it_runs(self) -> None:
        """The flow's overview, with the choice of where it runs."""
        self.scene.clearSelection()
        self.properties.show_node(None)
        self.properties.overview_scroll.ensureWidgetVisible(self.cloud_run)
        self.cloud_run.setFocus()

    def delete_selection(self) -> None:
        nodes, edges = self.scene.selected_node_ids(), self.scene.selected_edge_ids()
        notes = self.scene.selected_note_ids()
        if nodes or edges or notes:
            self.document.push(RemoveItems(self.document, nodes, edges, notes))

    def select_all(self) -> None:
        for item in self.scene.node_items.values():
            item.setSelected(True)

    def copy(self) -> bool:
        ids = self.scene.selected_node_ids()
        if not ids:
            return False
        text = self.document.copy_json(ids)
        mime = QMimeData()
        mime.setText(text)
        mime.setData(CLIPBOARD_MIME, text.encode())
        QGuiApplication.clipboard().setMimeData(mime)
        return True

    def cut(self) -> None:
        if self.copy():
            self.delete_selection()

    def paste(self) -> list[str]:
        mime = QGuiApplication.clipboard().mimeData()
        text = (
            bytes(mime.data(CLIPBOARD_MIME).data()).decode()
            if mime.hasFormat(CLIPBOARD_MIME)
            else mime.text()
        )
        command = self.document.paste_command(text)
        if command is None:
            self.message.emit(self.tr("The clipboard holds no steps to paste."), 5000)
            return []
        self.document.push(command)
        self.scene.clearSelection()
        for node in command.nodes:
            self.scene.node_items[node.id].setSelected(True)
        return [n.id for n in command.nodes]

    def duplicate_selection(self) -> None:
        ids = self.scene.selected_node_ids()
        if ids:
            command = self.document.paste_command(self.document.copy_json(ids))
            if command is not None:
                self.document.push(command)

    def _rename_flow(self) -> None:
        name = self.flow_name.text().strip()
        if name and name != self.document.flow.name:
            self.document.push(RenameFlow(self.document, name))
        elif not name:
            self.flow_name.setText(self.document.flow.name)

    def show_builder(self, visible: bool = True) -> None:
        """Open or close the AI builder's chat beside the canvas. It takes the palette's room
        while it is open (steps come from the sentence then), so the canvas keeps its width."""
        if visible == (not self.builder_panel.isHidden()):
            pass
        elif visible:
            sizes = self.panels.sizes()
            self.palette_panel.hide()
            self.builder_panel.show()
            canvas = sizes[0] + sizes[1] - BUILDER_WIDTH
            self.panels.setSizes([0, max(canvas, MIN_WIDTH), BUILDER_WIDTH, sizes[3]])
        else:
            sizes = self.panels.sizes()
            self.builder_panel.hide()
            self.palette_panel.show()
            palette = self.palette_panel.sizeHint().width()
            self.panels.setSizes([palette, sizes[1] + sizes[2] - palette, 0, sizes[3]])
        if self.ai_button.isChecked() != visible:
            self.ai_button.setChecked(visible)
        if visible:
            self.builder_panel.input.setFocus()

    def _palette_folded(self, folded: bool) -> None:
        """Give the canvas the room the steps list leaves when it folds, and take it back."""
        palette = self.palette_panel
        palette.setMaximumWidth(palette.folded_width() if folded else UNLIMITED)
        if palette.isHidden():  # the AI builder has its place; it opens folded or not later
            return
        sizes = self.panels.sizes()
        width = palette.folded_width() if folded else PALETTE_WIDTH
        self.panels.setSizes([width, sizes[0] + sizes[1] - width, *sizes[2:]])

    def _builder_applied(self, node_ids: list[str]) -> None:
        self.scene.clearSelection()
        for node_id in node_ids:
            item = self.scene.node_items.get(node_id)
            if item is not None:
                item.setSelected(True)
        self.view.fit_to_view(readable=True)

    def tidy_up(self) -> bool:
        """Lay the steps out left to right from the trigger, as one undoable change."""
        command = tidy_command(self.scene)
        if command is not None:
            self.document.push(command)
            self.view.fit_to_view()
        return command is not None

    def toggle_minimap(self) -> None:
        self.view.minimap.enabled_by_user = self.minimap_action.isChecked()
        self.view.minimap.place()

    def toggle_log(self) -> None:
        visible = not self.run_log.isVisible()
        self.run_log.setVisible(visible)
        self.log_action.setChecked(visible)

    def _selection_changed(self) -> None:
        ids = self.scene.selected_node_ids()
        self.properties.show_node(ids[0] if len(ids) == 1 else None)

    def _fit_flow_name(self) -> None:
        """Wide enough for the whole name (up to a limit), so it never opens cut off."""
        text = self.flow_name.text() or self.flow_name.placeholderText()
        width = self.flow_name.fontMetrics().horizontalAdvance(text) + 40
        self.flow_name.setFixedWidth(max(160, min(width, 300)))
        if not self.flow_name.hasFocus():
            self.flow_name.setCursorPosition(0)

    # The flow's name, its saved versions and what would stop it from running.

    def _document_changed(self) -> None:
        if not self.flow_name.hasFocus():
            self.flow_name.setText(self.document.flow.name)
        self.window().setWindowTitle(f"{self.document.flow.name} — Flowin")
        self.checker.start()
        if not self.document.flow.nodes:
            self.palette_panel.set_folded(False)  # nothing left: the list to start again from
        self._show_palette_for_flow()

    def _show_palette_for_flow(self) -> None:
        self.palette_panel.show_flow_has_trigger(
            trigger_of(self.document.flow, self.registry) is not None
        )

    def show_history(self) -> VersionHistoryDialog | None:
        """The flow's saved versions; picking one draws what it changed, and can restore it."""
        self.saving.save_now()
        try:
            dialog = VersionHistoryDialog(
                self.store,
                self.document,
                self.theme,
                self.layoutDirection() == Qt.LayoutDirection.RightToLeft,
                self.window(),
            )
        except FlowinError as error:
            self.message.emit(str(error), 6000)
            return None
        dialog.restore_requested.connect(self.restore_version)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def restore_version(self, number: int) -> None:
        """Bring back a version as one undoable change; it is saved as a new version."""
        flow = self.store.flows.get_version(self.document.flow.id, number)
        self.document.push(RestoreVersion(self.document, flow, number))
        self.saving.save_now()
        self.message.emit(
            self.tr("Version %1 restored, and saved as a new version.").replace("%1", str(number)),
            6000,
        )

    def check_flow(self) -> None:
        """Mark the steps that would stop the flow from running, with the reasons."""
        flow = self.document.flow
        ids = {n.name: n.id for n in flow.nodes}
        by_node: dict[str, list[Problem]] = {}
        for problem in validate_flow(flow, self.registry):
            node_id = ids.get(problem.node or "")
            if node_id is not None:
                by_node.setdefault(node_id, []).append(problem)
        self.scene.set_problems({k: [problem_text(p) for p in v] for k, v in by_node.items()})
        self.properties.set_problems(by_node)

    # Closing.

    def shutdown(self) -> None:
        self.remember_view()
        self.saving.keep_unsaved_copy()
        self.test_run.shutdown()
        self.builder_panel.shutdown()
        self.flow_notifications.rules.close()
