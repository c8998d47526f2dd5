"""What the window shows of the cloud: the sync status in the top bar, the account dialog, and
what a sync changed (the flows list, and the flow open in the editor)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from flowin_engine.errors import FlowinError
from flowin_engine.sync import SyncReport

from ..editor.page import Editor
from ..home import HomeView
from ..i18n import isolate
from .account import CloudAccountDialog
from .service import CloudSync, status_sentence, status_text


class CloudReactions(QObject):
    """Keeps the window's cloud parts in step with ``CloudSync``."""

    message = Signal(str, int)  # for the status bar: text, milliseconds

    def __init__(
        self,
        cloud: CloudSync,
        editor: Editor,
        home: HomeView,
        show_home: Callable[[], None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.cloud, self.editor, self.home = cloud, editor, home
        self._show_home = show_home
        self._window = window
        self.dialog: CloudAccountDialog | None = None
        self.button = QToolButton()
        self.button.setObjectName("syncStatus")
        self.button.clicked.connect(self.show_account)
        cloud.status_changed.connect(self.show_status)
        cloud.signed_in_changed.connect(self.show_status)
        cloud.synced.connect(self.synced)
        editor.saving.saved.connect(cloud.flow_saved)

    def show_account(self) -> CloudAccountDialog:
        if self.dialog is None:
            self.dialog = CloudAccountDialog(self.cloud, self._window)
            self.dialog.events_waiting = lambda: self.editor.relay_watch.waiting
        self.dialog.show_state()
        self.dialog.open()
        return self.dialog

    def language_changed(self) -> None:
        if self.dialog is not None:
            # Built again in the new language when next asked for (it is closed: it is modal).
            self.dialog.deleteLater()
            self.dialog = None

    def show_status(self) -> None:
        self.button.setText(status_text(self.cloud))
        self.button.setToolTip(status_sentence(self.cloud))
        self.button.setProperty("state", self.cloud.status.value)
        self.button.style().unpolish(self.button)
        self.button.style().polish(self.button)

    def synced(self, report: SyncReport) -> None:
        """Show what a sync brought: the flows list, and the open flow when it was changed
        elsewhere and has no edits here waiting to be saved (those meet the "changed elsewhere"
        choice when they are saved)."""
        self.home.refresh()
        editor = self.editor
        if not editor.current or editor.saving.unsaved:
            return
        flow_id = editor.document.flow.id
        if any(ref.id == flow_id for ref in report.deleted_here):
            self._show_home()
            self.message.emit(
                self.tr("'%1' was deleted on another computer.").replace(
                    "%1", isolate(editor.document.flow.name)
                ),
                10000,
            )
            return
        if not any(ref.id == flow_id for ref in report.pulled + report.restored):
            return
        try:
            version = editor.store.flows.current_version(flow_id)
            pulled = editor.store.flows.get(flow_id)
        except FlowinError:
            return
        editor.saving.show_synced_version(pulled, version)
