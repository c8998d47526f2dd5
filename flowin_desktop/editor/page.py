"""The editor page: a flow on the canvas with the palette, the properties, the AI builder and
the run log; its actions (undo, clipboard, zoom, test run), saving as the user edits (with the
bar that asks what to keep when the flow was saved elsewhere), and the test runs.

It needs no main window: the window places the editor's tools in its top bar and its actions
in its menus, shows ``message`` in its status bar and switches to the page on ``opened``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.credentials import Connections
from flowin_engine.data_folder import DataFolder
from flowin_engine.editing import clear_spot, step_after
from flowin_engine.errors import FlowinError, Problem
from flowin_engine.events import (
    ExecutionFinished,
    ExecutionStatus,
    StepFinished,
    StepSkipped,
    StepStarted,
    StepStatus,
)
from flowin_engine.model import Flow, FlowStatus, Position, StickyNote, utc_now
from flowin_engine.pinning import NO_EARLIER_RUN, latest_outputs, pin
from flowin_engine.registry import Registry
from flowin_engine.runtime import Runtime
from flowin_engine.store import Store, VersionConflict
from flowin_engine.validation import validate_flow

from ..canvas import FlowScene, FlowView
from ..canvas.items import NODE_WIDTH
from ..canvas.tidy import tidy_command
from ..canvas.view import MIN_WIDTH
from ..dialogs.versions import RestoreVersion, VersionHistoryDialog
from ..i18n import isolate, node_type_name, number_text, problem_text, stored_error_text
from ..panels.accounts import AccountPicker
from ..panels.builder import BuilderPanel
from ..panels.palette import Palette
from ..panels.properties import PropertiesPanel
from ..panels.run_log import RunLog
from ..panels.webhook_address import WebhookAddresses
from ..theme import LIGHT, Theme
from .conflict_bar import ConflictBar
from .document import (
    CLIPBOARD_MIME,
    AddItems,
    AddNote,
    FlowDocument,
    RemoveItems,
    RenameFlow,
    SetFlowStatus,
    SetNodeValue,
    SetNoteText,
    SetPinned,
)
from .runs import TestRuns

log = logging.getLogger(__name__)

STEP_STATE = {
    StepStatus.RUNNING: "running",
    StepStatus.SUCCESS: "success",
    StepStatus.REUSED: "success",
    StepStatus.FAILED: "failure",
    StepStatus.RETRYING: "retrying",
    StepStatus.SKIPPED: "skipped",
}
AUTOSAVE_DELAY_MS = 700
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

    run_finished = Signal(object)
    view_restored = Signal()  # the canvas shows the opened flow where the user left it
    opened = Signal()  # a flow was opened: the page wants to be shown
    saved = Signal()  # the flow was saved (the cloud syncs it soon)
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
        self.runs = TestRuns(self.folder, self)
        self.runs.events_arrived.connect(self._on_events)
        self._step_numbers: dict[str, int] = {}
        self._step_run: str | None = None  # the step a run of one step runs
        self._fix_target: tuple[str, str | None] | None = None  # (step id, setting) to open
        self._saved = True
        self._loading = False
        self._base_version: int | None = None  # the saved version the editor's copy builds on

        self.scene = FlowScene(self.document, self)
        self.view = FlowView(self.scene)
        self.palette_panel = Palette(registry)
        self.properties = PropertiesPanel(self.document, lambda: self.connections)
        self.runtime: Runtime | None = None  # the window's, running the active flows
        self.properties.webhook_addresses = WebhookAddresses(self.folder, lambda: self.runtime)
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
        self.panels.setSizes([230, 760, 340, 300])
        self.panels.setChildrenCollapsible(False)
        self.view.setMinimumWidth(MIN_WIDTH)

        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave.timeout.connect(self.save_now)
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
        layout.addWidget(self.conflict_bar)
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
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.history_button = QToolButton()
        self.history_button.clicked.connect(self.show_history)
        self.ai_button = QToolButton()
        self.ai_button.setCheckable(True)
        self.ai_button.setObjectName("aiButton")
        self.ai_button.toggled.connect(self.show_builder)
        self.activate_button = QPushButton()
        self.activate_button.setCheckable(True)
        self.activate_button.clicked.connect(self.toggle_active)
        self.run_button = QPushButton()
        self.run_button.setObjectName("primary")
        self.run_button.clicked.connect(self.test_run)
        self.leading_tools: list[QWidget] = [self.flow_name, self.save_state, self.history_button]
        self.trailing_tools: list[QWidget] = [
            self.ai_button,
            self.activate_button,
            self.run_button,
        ]
        self.tools = QWidget()
        row = QHBoxLayout(self.tools)
        for widget in self.leading_tools:
            row.addWidget(widget)
        row.addStretch()
        for widget in self.trailing_tools:
            row.addWidget(widget)
        self.conflict_bar = ConflictBar(self)
        self.conflict_bar.keep_mine.connect(self.keep_mine)
        self.conflict_bar.load_theirs.connect(self.load_theirs)

    def _build_actions(self) -> None:
        stack = self.document.undo_stack
        K = QKeySequence.StandardKey
        self.save_action = window_action(self, self.save_now, K.Save)
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
        self.run_action = window_action(self, self.test_run, "Ctrl+R")
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
        self.view.node_type_dropped.connect(self.add_node)
        self.view.context_menu_requested.connect(self._canvas_menu)
        self.scene.note_activated.connect(self.edit_note)
        self.run_log.step_clicked.connect(self.select_step)
        self.run_log.fix_requested.connect(self.fix_failed_step)
        self.properties.pin_requested.connect(self.set_pinned)
        self.properties.run_step_requested.connect(self.run_step_only)
        self.properties.message.connect(self.message)
        self.builder_panel.close_requested.connect(lambda: self.ai_button.setChecked(False))
        self.builder_panel.applied.connect(self._builder_applied)

    def retranslate(self) -> None:
        self.run_button.setText(self.tr("▶  Test run"))
        self.ai_button.setText(self.tr("✦ AI: describe your flow"))
        self.ai_button.setToolTip(
            self.tr("Describe a flow in your own words and let Flowin build it")
        )
        self.flow_name.setPlaceholderText(self.tr("Name your flow"))
        self.history_button.setText(self.tr("History"))
        self.history_button.setToolTip(
            self.tr("Every saved version of this flow: see what changed, restore one")
        )
        self.conflict_bar.retranslate()
        self._show_status()
        self.flow_name.setAccessibleName(self.tr("Flow name"))
        self.view.setAccessibleName(self.tr("Canvas"))
        self._show_save_state()
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
        self.save_now()
        try:
            flow = self.store.flows.get(flow_id)
        except FlowinError as error:
            self.message.emit(str(error), 8000)
            return
        self._load(flow)

    def new_flow(self) -> None:
        self.save_now()
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

    def _load(self, flow: Flow) -> None:
        self.remember_view()
        self._loading = True
        self.runs.current = None  # a run of the previous flow no longer paints this canvas
        self.run_button.setEnabled(True)
        self.scene.clearSelection()
        self.message.emit("", 0)
        self.properties.show_node(None)
        self.properties.clear_step_data()
        self._keep_unsaved_copy()
        self.document.replace(flow)
        self._base_version = self._latest_version(flow.id)
        self.scene.clear_run_states()
        self.run_log.clear()
        self.run_log.retranslate()
        self._loading = False
        self._saved = True
        self.flow_name.setText(flow.name)
        self._show_save_state()
        self.set_current(True)
        self.opened.emit()
        self.store.set_setting(OPEN_FLOW_SETTING, flow.id)
        QTimer.singleShot(0, self._restore_view)

    def remember_view(self) -> None:
        if not self.current or not self.document.flow.nodes:
            return
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        view = {"zoom": self.view.zoom_factor(), "x": centre.x(), "y": centre.y()}
        self.store.set_setting(VIEW_SETTING + self.document.flow.id, view)

    def _restore_view(self) -> None:
        view = self.store.get_setting(VIEW_SETTING + self.document.flow.id)
        if not isinstance(view, dict):
            # A flow opened for the first time: every step if they fit at a zoom whose words
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
                run_step.triggered.connect(lambda: self.run_step_only(node.id))
                pinned = node.id in self.document.flow.pinned
                pin_action = menu.addAction(
                    self.tr("Unpin") if pinned else self.tr("Pin this output")
                )
                pin_action.triggered.connect(lambda: self.set_pinned(node.id, not pinned))
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

    def set_pinned(self, node_id: str, pinned: bool) -> bool:
        """Pin the step's output from the latest run (test runs replay it), or unpin it."""
        if not pinned:
            if node_id in self.document.flow.pinned:
                self.document.push(SetPinned(self.document, node_id, None))
            return True
        cut: set[str] = set()
        outputs, _ = latest_outputs(self.store, self.document.flow.id, cut)
        latest = outputs.get(node_id)
        if latest is None:
            message = (
                self.tr("This step's latest output was too big to keep, so it can't be pinned.")
                if node_id in cut
                else self.tr("This step has no output to pin yet: run the flow first.")
            )
            self.message.emit(message, 6000)
            return False
        self.document.push(SetPinned(self.document, node_id, pin(latest.output, latest.port)))
        return True

    def run_step_only(self, node_id: str) -> bool:
        """Run one step with what the steps before it gave in the latest runs (or their pins)."""
        if self.runs.is_running():
            return False
        self.save_now()
        self.run_log.clear()
        self._fix_target = None
        self._step_numbers = {}
        self.scene.set_run_state(node_id, None)
        try:
            self.runs.run_step(self.store, self.document.flow, node_id)
        except FlowinError as error:
            message = str(error)
            if message == NO_EARLIER_RUN:
                message = self.tr("Run the flow once first so this step has data to work with.")
            self.run_log.set_summary(message)
            self.run_log.setVisible(True)
            self.message.emit(message, 8000)
            return False
        self._step_run = node_id
        self.run_button.setEnabled(False)
        self.run_log.set_summary(self.tr("Running one step…"))
        self.run_log.setVisible(True)
        return True

    def toggle_disabled(self, node_id: str) -> None:
        node = self.document.flow.node(node_id)
        self.document.push(SetNodeValue(self.document, node_id, "disabled", not node.disabled))

    @staticmethod
    def _error_text(error: str | None, problem: Problem | None) -> str:
        """A step's error in the user's language when the engine gave its template."""
        return problem_text(problem) if problem is not None else stored_error_text(error)

    def fix_failed_step(self) -> None:
        """Open what the last failure blames: the step's account dialog, or its field."""
        if self._fix_target is None:
            return
        node_id, setting = self._fix_target
        self.select_step(node_id)
        self.properties.show_node(node_id)
        self.properties.tabs.setCurrentIndex(0)
        editor = self.properties.editors.get(setting or "")
        if isinstance(editor, AccountPicker):
            editor.connect_account()
        elif editor is not None:
            editor.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_step(self, node_id: str) -> None:
        item = self.scene.node_items.get(node_id)
        if item is not None:
            self.scene.clearSelection()
            item.setSelected(True)
            self.view.centerOn(item)
            self.properties.tabs.setCurrentIndex(1)

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

    def toggle_active(self) -> None:
        active = self.document.flow.status == FlowStatus.ACTIVE
        status = FlowStatus.PAUSED if active else FlowStatus.ACTIVE
        self.document.push(SetFlowStatus(self.document, status))

    def follow_stored_status(self) -> None:
        """The open flow's state as the store has it, when it was switched on or off elsewhere
        (the tray's Pause all flows): not an edit, and the next save keeps it."""
        flow = self.document.flow
        try:
            stored = self.store.flows.get(flow.id).status
        except FlowinError:  # not saved yet
            return
        if stored != flow.status:
            flow.status = stored
            self._show_status()

    def _show_status(self) -> None:
        active = self.document.flow.status == FlowStatus.ACTIVE
        self.activate_button.setChecked(active)
        self.activate_button.setText(self.tr("● Active") if active else self.tr("Activate"))
        self.activate_button.setToolTip(
            self.tr("Active: runs on its own, also when the window is closed. Click to pause.")
            if active
            else self.tr("Let this flow run on its own when its trigger fires.")
        )

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

    # Saving.

    def _document_changed(self) -> None:
        if not self.flow_name.hasFocus():
            self.flow_name.setText(self.document.flow.name)
        self.window().setWindowTitle(f"{self.document.flow.name} — Flowin")
        self._show_status()
        self.checker.start()
        if self._loading:
            return
        self._saved = False
        self._show_save_state()
        self.autosave.start()

    def save_now(self) -> None:
        self.autosave.stop()
        if self._saved:
            return
        flow = self.document.flow
        flow.updated_at = utc_now()
        if self.conflict_bar.pending:
            return  # the user chooses first: keep mine, or load theirs
        try:
            self._base_version = self.store.flows.save(flow, self._base_version)
        except VersionConflict as conflict:
            self.conflict_bar.show_conflict(conflict.latest)
            self._show_save_state()
            return
        except Exception:
            log.exception("Saving the flow failed")
            self.save_state.setText(self.tr("Not saved — will try again"))
            self.autosave.start()
            return
        self._saved = True
        self._show_save_state()
        self.saved.emit()

    def _latest_version(self, flow_id: str) -> int | None:
        try:
            return self.store.flows.current_version(flow_id)
        except FlowinError:
            return None  # not saved yet

    def keep_mine(self) -> None:
        """Save the open flow as a new version on top of the one saved elsewhere."""
        self.conflict_bar.resolve()
        self._base_version = None
        self._saved = False
        self.save_now()

    def load_theirs(self) -> None:
        """Open the version saved elsewhere; the edits here are kept as a copy in the flows."""
        flow_id = self.document.flow.id
        self._keep_unsaved_copy()
        self.message.emit("", 0)
        self.open_flow(flow_id)

    def _keep_unsaved_copy(self) -> None:
        """Edits the user has not chosen to keep or drop after a conflict go to a new flow."""
        if not self.conflict_bar.pending:
            return
        self.conflict_bar.resolve()
        copy = self.document.flow.model_copy(
            deep=True,
            update={
                "id": Flow().id,
                "status": FlowStatus.DRAFT,  # one copy of a trigger is enough
                "name": self.tr("%1 (my copy)").replace("%1", self.document.flow.name),
            },
        )
        self.store.flows.save(copy)
        self._saved = True
        self.message.emit(
            self.tr("Your changes are kept as a new flow: %1").replace("%1", isolate(copy.name)),
            10000,
        )

    def show_history(self) -> VersionHistoryDialog | None:
        """The flow's saved versions; picking one draws what it changed, and can restore it."""
        self.save_now()
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
        self.save_now()
        self.message.emit(
            self.tr("Version %1 restored, and saved as a new version.").replace("%1", str(number)),
            6000,
        )

    def _show_save_state(self) -> None:
        if self.conflict_bar.pending:
            self.save_state.setText(self.tr("Changed elsewhere"))
            return
        self.save_state.setText(self.tr("Saved") if self._saved else self.tr("Saving…"))

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

    @property
    def unsaved(self) -> bool:
        """Edits not saved yet (the autosave is on its way, or a conflict waits for a choice)."""
        return not self._saved

    def show_synced_version(self, flow: Flow, version: int) -> None:
        """Show the open flow as a sync brought it, as one undoable change (already saved: the
        sync wrote it)."""
        self._loading = True
        try:
            self.document.push(
                RestoreVersion(
                    self.document, flow, version, self.tr("Changes from another computer")
                )
            )
        finally:
            self._loading = False
        self._base_version = version
        self.message.emit(
            self.tr("This flow was changed on another computer; you see the new version."),
            8000,
        )

    # Test run.

    def test_run(self) -> bool:
        self.save_now()
        self.scene.clear_run_states()
        self.properties.clear_step_data()
        self.run_log.clear()
        self._fix_target = None
        self._step_numbers = {}
        self._step_run = None
        try:
            self.runs.start(self.document.flow)
        except FlowinError as error:
            self.run_log.set_summary(
                self.tr("Oops! This flow can't run yet — let's fix it together.")
            )
            problems = getattr(error, "problems", None)
            lines = [problem_text(p) for p in problems] if problems else str(error).splitlines()
            for line in lines:
                self.run_log.add(line.strip(" •"), "failure")
            self.run_log.setVisible(True)
            return False
        self.run_button.setEnabled(False)
        self.run_log.set_summary(self.tr("Running…"))
        self.run_log.setVisible(True)
        return True

    def _number(self, node_id: str) -> int:
        return self._step_numbers.setdefault(node_id, len(self._step_numbers) + 1)

    def _on_events(self, events: Sequence[Any]) -> None:
        current = self.runs.current.id if self.runs.current else None
        for event in events:
            if getattr(event, "execution_id", None) != current:
                continue
            if isinstance(event, StepStarted):
                self.scene.set_run_state(event.node_id, "running")
                self._number(event.node_id)
            elif isinstance(event, StepFinished):
                self._step_finished(event)
            elif isinstance(event, StepSkipped):
                if self._step_run is not None:
                    continue  # a run of one step leaves the other steps as they were
                self.scene.set_run_state(event.node_id, "skipped")
                self.run_log.add(
                    self.tr("Skipped: %1").replace("%1", isolate(event.node_name)),
                    "skipped",
                    event.node_id,
                )
            elif isinstance(event, ExecutionFinished):
                self._run_finished(event)

    def _step_finished(self, event: StepFinished) -> None:
        state = STEP_STATE.get(event.status, "running")
        pinned = event.status == StepStatus.REUSED and event.node_id in self.document.flow.pinned
        if pinned:
            state = "pinned"
        self.scene.set_run_state(event.node_id, state)
        number = number_text(self._number(event.node_id))
        self.properties.set_step_data(event.node_id, event.input, event.output, event.error)
        if pinned:
            text = (
                self.tr("≡ Step %1 used its pinned output: %2")
                .replace("%1", number)
                .replace("%2", isolate(event.node_name))
            )
        elif event.status == StepStatus.REUSED:
            text = (
                self.tr("≡ Step %1 reused its output from the last run: %2")
                .replace("%1", number)
                .replace("%2", isolate(event.node_name))
            )
        elif event.status == StepStatus.SUCCESS:
            ms = number_text(round(event.duration * 1000))
            text = (
                self.tr("✓ Step %1 succeeded: %2 (%3 ms)")
                .replace("%1", number)
                .replace("%2", isolate(event.node_name))
                .replace("%3", ms)
            )
        elif event.status == StepStatus.RETRYING:
            text = (
                self.tr("⚠ Step %1: %2 — trying again")
                .replace("%1", number)
                .replace("%2", isolate(self._error_text(event.error, event.problem)))
            )
        else:
            text = (
                self.tr("✕ Step %1 failed: %2")
                .replace("%1", number)
                .replace("%2", isolate(self._error_text(event.error, event.problem)))
            )
        self.run_log.add(text, "violet" if pinned else state, event.node_id)

    def _run_finished(self, event: ExecutionFinished) -> None:
        self.run_button.setEnabled(True)
        seconds = number_text(event.duration, 2)
        if event.status == ExecutionStatus.SUCCESS and self._step_run is not None:
            text = self.tr("The step ran in %1 s.").replace("%1", seconds)
        elif event.status == ExecutionStatus.SUCCESS:
            text = self.tr("Your flow's flying smoothly! Execution time: %1 s").replace(
                "%1", seconds
            )
        elif event.status == ExecutionStatus.FAILED:
            number = ""
            failed = self.document.flow.node_by_name(event.failed_node or "")
            if failed is not None and failed.id in self._step_numbers:
                number = number_text(self._step_numbers[failed.id])
            if number:
                text = (
                    self.tr("Step %1 failed: %2")
                    .replace("%1", number)
                    .replace("%2", isolate(self._error_text(event.error, event.failed_problem)))
                )
            else:
                text = self.tr("The run failed: %1").replace(
                    "%1", isolate(self._error_text(event.error, event.failed_problem))
                )
            if failed is not None:
                self._fix_target = (failed.id, event.failed_setting)
        else:
            text = self.tr("The run stopped (%1).").replace("%1", str(event.status))
        fixable = event.status == ExecutionStatus.FAILED and self._fix_target is not None
        self.run_log.set_summary(text, fixable)
        self.message.emit(text, 8000)
        self.run_finished.emit(event)

    # Closing.

    def shutdown(self) -> None:
        self.remember_view()
        self._keep_unsaved_copy()
        self.runs.shutdown()
        self.builder_panel.shutdown()
