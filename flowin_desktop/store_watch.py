"""The window's one watch on the store: what another program writes into the same data folder
(``flowin flows pause`` on the command line, a second Flowin, the sync, the runtime's runs)
shows without the user going anywhere."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from flowin_engine.store import Store

POLL_MS = 1000  # one poll costs a few microseconds (bench/change_mark.py)


class StoreWatch(QObject):
    """Asks the store once a second whether anything was committed to it since the last time,
    and says ``changed`` only then; the views read the store again on that signal."""

    changed = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._mark = store.change_mark()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        if self._mark is not None:  # a database server: nothing to watch
            self.timer.start()

    def poll(self) -> bool:
        """Say ``changed`` if the store changed since the last poll; returns whether it did."""
        mark = self.store.change_mark()
        if mark is None or mark == self._mark:
            return False
        self._mark = mark
        self.changed.emit()
        return True

    def stop(self) -> None:
        self.timer.stop()
