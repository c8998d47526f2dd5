"""The open flow as the store keeps it: saved a moment after each edit, the bar that asks what
to keep when it was saved elsewhere meanwhile, and whether it is active (runs on its own)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from flowin_engine.errors import FlowinError
from flowin_engine.model import Flow, FlowStatus, utc_now
from flowin_engine.store import Store, VersionConflict

from ..dialogs.versions import RestoreVersion
from ..i18n import isolate
from .conflict_bar import ConflictBar
from .document import FlowDocument, SetFlowStatus

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 700


class Saving(QObject):
    """Saves the editor's ``document``; shows its state in ``save_state`` and
    ``activate_button``, and a conflict in ``conflict_bar``."""

    saved = Signal()  # the flow was saved (the cloud syncs it soon)
    message = Signal(str, int)  # for the status bar: text ("" clears it), milliseconds
    open_requested = Signal(str)  # a flow id: load theirs opens the version saved elsewhere
    cloud_place_requested = Signal()  # the switch of a flow the cloud runs: show where it runs

    def __init__(self, store: Store, document: FlowDocument, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.document = document
        self._saved = True
        self._loading = False
        self._base_version: int | None = None  # the saved version the editor's copy builds on
        # The open flow's state as last read from or written to the store: a switch the user
        # flipped since is theirs, and stands until the autosave writes it.
        self._stored_status = document.flow.status
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        # Whether the open flow runs in the cloud (the editor sets it): its switch then says so.
        self.in_cloud: Callable[[], bool] = lambda: False
        self.activate_button = QPushButton()
        self.activate_button.setCheckable(True)
        self.activate_button.clicked.connect(self.toggle_active)
        self.conflict_bar = ConflictBar(parent)
        self.conflict_bar.keep_mine.connect(self.keep_mine)
        self.conflict_bar.load_theirs.connect(self.load_theirs)
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave.timeout.connect(self.save_now)
        document.changed.connect(self._document_changed)

    def retranslate(self) -> None:
        self.conflict_bar.retranslate()
        self._show_status()
        self._show_save_state()

    @property
    def unsaved(self) -> bool:
        """Edits not saved yet (the autosave is on its way, or a conflict waits for a choice)."""
        return not self._saved

    def _document_changed(self) -> None:
        self._show_status()
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
        # Switched on or off elsewhere since the window last looked: the save keeps that.
        self.follow_stored_status()
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
        self._stored_status = flow.status
        self._show_save_state()
        self.saved.emit()

    def load(self, flow: Flow) -> None:
        """Edit ``flow`` from now on, as saved (edits left in a conflict go to a copy first)."""
        self.keep_unsaved_copy()
        self._loading = True
        try:
            self.document.replace(flow)
        finally:
            self._loading = False
        self._base_version = self._latest_version(flow.id)
        self._stored_status = flow.status
        self._saved = True
        self._show_save_state()

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
        self._stored_status = self.document.flow.status
        self.message.emit(
            self.tr("This flow was changed on another computer; you see the new version."),
            8000,
        )

    def _latest_version(self, flow_id: str) -> int | None:
        try:
            return self.store.flows.current_version(flow_id)
        except FlowinError:
            return None  # not saved yet

    # A conflict: the flow was saved elsewhere after it was opened.

    def keep_mine(self) -> None:
        """Save the open flow as a new version on top of the one saved elsewhere."""
        self.conflict_bar.resolve()
        self._base_version = None
        self._saved = False
        self.save_now()

    def load_theirs(self) -> None:
        """Open the version saved elsewhere; the edits here are kept as a copy in the flows."""
        flow_id = self.document.flow.id
        self.keep_unsaved_copy()
        self.message.emit("", 0)
        self.open_requested.emit(flow_id)

    def keep_unsaved_copy(self) -> None:
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

    def _show_save_state(self) -> None:
        if self.conflict_bar.pending:
            self.save_state.setText(self.tr("Changed elsewhere"))
            return
        self.save_state.setText(self.tr("Saved") if self._saved else self.tr("Saving…"))

    # Active: the flow runs on its own when its trigger fires.

    def toggle_active(self) -> None:
        if self.in_cloud():  # the cloud runs it, whatever this computer's switch says
            self._show_status()
            self.cloud_place_requested.emit()
            return
        active = self.document.flow.status == FlowStatus.ACTIVE
        status = FlowStatus.PAUSED if active else FlowStatus.ACTIVE
        self.document.push(SetFlowStatus(self.document, status))

    def follow_stored_status(self) -> None:
        """The open flow's state as the store has it, when it was switched on or off elsewhere
        (the tray's Pause all flows, the command line): not an edit, and the next save keeps
        it. A switch the user flipped here and not saved yet stands."""
        flow = self.document.flow
        if flow.status != self._stored_status:
            return
        try:
            stored = self.store.flows.get(flow.id).status
        except FlowinError:  # not saved yet
            return
        self._stored_status = stored
        if stored != flow.status:
            flow.status = stored
            self._show_status()

    def show_status(self) -> None:
        self._show_status()

    def _show_status(self) -> None:
        if self.in_cloud():
            self.activate_button.setChecked(True)
            self.activate_button.setText(self.tr("☁ In the cloud"))
            self.activate_button.setToolTip(
                self.tr(
                    "Runs in your Flowin cloud account, also when this computer is off. Click "
                    "to choose where it runs."
                )
            )
            return
        active = self.document.flow.status == FlowStatus.ACTIVE
        self.activate_button.setChecked(active)
        self.activate_button.setText(self.tr("● Active") if active else self.tr("Activate"))
        self.activate_button.setToolTip(
            self.tr("Active: runs on its own, also when the window is closed. Click to pause.")
            if active
            else self.tr("Let this flow run on its own when its trigger fires.")
        )
