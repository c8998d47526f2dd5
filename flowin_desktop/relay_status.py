"""The cloud relay of the window's runtime, followed on the window's thread: the public
addresses of the webhook triggers, the events waiting in the cloud account, and a word when
the events that waited while the computer was away have all arrived.

The engine's relay (``Runtime.relay``) tells its listeners on its own thread; ``RelayWatch``
hands that over to Qt's, so widgets read it in their own time. Without a runtime (the editor
alone, another Flowin running the flows) there are no public addresses here.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

log = logging.getLogger(__name__)

# RelayState's values (flowin_engine.runtime._relay): compared as text, so this module reads
# any relay that keeps to the engine's documented surface.
_SIGNED_OUT_STATES = {"off", "signed_out"}
_UNREACHABLE_STATES = {"offline", "unavailable"}


class RelayWatch(QObject):
    """The relay of ``runtime()``, on the window's thread."""

    changed = Signal()  # an address, the waiting count or the sign-in may have changed
    arrived = Signal(int)  # the events that waited in the cloud have all arrived: how many
    sign_in_requested = Signal()  # the user asked to sign in to the cloud account
    _from_relay = Signal()  # the relay's thread, queued to this one

    def __init__(self, runtime: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        # Whether this computer is signed in to a cloud account; the window's cloud account
        # knows at once, the relay a moment later (set by the window; the relay's word else).
        self.signed_in_here: Callable[[], bool] | None = None
        self._followed: set[int] = set()
        self._peak = 0
        self._from_relay.connect(self._relay_changed)

    def relay(self) -> Any:
        """The runtime's relay (followed from now on), or None."""
        runtime = self.runtime()
        relay = getattr(runtime, "relay", None) if runtime is not None else None
        if relay is not None and id(relay) not in self._followed:
            self._followed.add(id(relay))
            relay.subscribe(self._tell)
        return relay

    def follow(self) -> None:
        """Start following the runtime's relay now (the window's runtime was attached)."""
        self.relay()
        self._relay_changed()

    @property
    def signed_in(self) -> bool:
        if self.signed_in_here is not None:
            return self.signed_in_here()
        relay = self.relay()
        return relay is not None and str(relay.state) not in _SIGNED_OUT_STATES

    @property
    def unreachable(self) -> bool:
        """Signed in, but the cloud can't be reached or refuses public addresses now."""
        relay = self.relay()
        return relay is not None and str(relay.state) in _UNREACHABLE_STATES

    def public_address(self, flow_id: str, node_id: str) -> str | None:
        relay = self.relay()
        if relay is None or not self.signed_in:
            return None
        return relay.public_address(flow_id, node_id)

    @property
    def waiting(self) -> int:
        """Events the cloud account holds for this computer (0 when unknown)."""
        relay = self.relay()
        if relay is None or not self.signed_in:
            return 0
        return int(relay.waiting or 0)

    def rotate(self, flow_id: str, node_id: str) -> Future[str]:
        relay = self.relay()
        if relay is None:
            failed: Future[str] = Future()
            failed.set_exception(RuntimeError("no relay"))
            return failed
        return relay.rotate(flow_id, node_id)

    def sign_in_changed(self) -> None:
        """The window signed in or out: the relay looks now rather than at its next check."""
        relay = self.relay()
        if relay is not None:
            relay.check_sign_in()
        self._relay_changed()

    def _tell(self) -> None:
        with contextlib.suppress(RuntimeError):  # this watch's window is gone; the relay isn't
            self._from_relay.emit()

    def _relay_changed(self) -> None:
        waiting = self.waiting
        if waiting > 0:
            self._peak = max(self._peak, waiting)
        elif self._peak:
            arrived, self._peak = self._peak, 0
            self.arrived.emit(arrived)
        self.changed.emit()


class WaitingLabel(QLabel):
    """ "N events waiting" in the status bar while the cloud account holds events for this
    computer; hidden when none wait."""

    def __init__(self, watch: RelayWatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsWaiting")
        self.watch = watch
        watch.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        waiting = self.watch.waiting
        self.setText(waiting_text(waiting) if waiting else "")
        self.setToolTip(
            self.tr(
                "Events sent to your flows' live addresses wait in your Flowin cloud account "
                "until this computer takes them."
            )
        )
        self.setVisible(bool(waiting))


def waiting_text(count: int) -> str:
    return QCoreApplication.translate("RelayWatch", "%n events waiting", None, count)


def arrived_text(count: int) -> str:
    return QCoreApplication.translate(
        "RelayWatch",
        # Not "their flows run here": a flow switched off meanwhile runs none of them.
        "The %n events that waited in your cloud account have arrived; "
        "the run history shows what each one did.",
        None,
        count,
    )
