"""What stays behind when Flowin stops unexpectedly, to be offered at the next start.

Each session writes its log to ``logs/flowin.log`` in the data folder; errors no code caught
(``sys.excepthook``) and hard crashes (``faulthandler``: a fault inside Qt, say) go there too.
A file ``logs/running`` says a session is under way and a clean quit removes it, so finding it
at start means the last session ended unexpectedly: its log is kept as ``crash-<time>.log``,
the report the app offers to open.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TextIO

log = logging.getLogger(__name__)

# A test hook (tests/desktop/test_crash_report.py): "error" raises an error nobody catches from
# the event loop once the window shows; "abort" ends the process the way a fault inside Qt would.
CRASH_TEST_VARIABLE = "FLOWIN_TEST_CRASH"
REPORTS_KEPT = 5


class SessionLog:
    """The log of this session in ``folder/logs``, and the report of the last one if it crashed."""

    def __init__(self, folder: Path) -> None:
        self.logs = folder / "logs"
        self.log_file = self.logs / "flowin.log"
        self._running = self.logs / "running"
        self._handler: logging.Handler | None = None
        self._faults: TextIO | None = None
        self._previous_hook = sys.excepthook

    def start(self, on_uncaught_error: Callable[[], None]) -> Path | None:
        """Begin logging this session; returns the last session's report when it crashed.

        ``on_uncaught_error`` runs after an error nobody caught has been written down. The app
        goes on: the error ended one action, and quitting would stop the active flows, which
        run apart from the window."""
        self.logs.mkdir(parents=True, exist_ok=True)
        report = self._keep_last_crash() if self._running.exists() else None
        self._running.write_text(str(os.getpid()), encoding="ascii")
        self._handler = logging.FileHandler(self.log_file, mode="w", encoding="utf-8")
        self._handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        logging.getLogger().addHandler(self._handler)
        self._faults = open(self.log_file, "a", encoding="utf-8")  # noqa: SIM115 (for the session)
        faulthandler.enable(self._faults)

        def uncaught(
            kind: type[BaseException], error: BaseException, trace: TracebackType | None
        ) -> None:
            log.critical(
                "An error Flowin did not expect ended an action; the app goes on",
                exc_info=(kind, error, trace),
            )
            on_uncaught_error()

        sys.excepthook = uncaught
        return report

    def _keep_last_crash(self) -> Path | None:
        if not self.log_file.exists():
            return None
        report = self.logs / time.strftime("crash-%Y%m%d-%H%M%S.log")
        self.log_file.replace(report)
        for old in sorted(self.logs.glob("crash-*.log"))[:-REPORTS_KEPT]:
            old.unlink(missing_ok=True)
        return report

    def finish(self, clean: bool) -> None:
        """End the session's log. ``clean``: the app ended as it meant to, so there is nothing
        to report next time (errors it went on after are in the log, not in a report)."""
        sys.excepthook = self._previous_hook
        if self._faults is not None:
            faulthandler.disable()
            self._faults.close()
            self._faults = None
        if self._handler is not None:
            logging.getLogger().removeHandler(self._handler)
            self._handler.close()
            self._handler = None
        if clean:
            self._running.unlink(missing_ok=True)


def raise_when_asked() -> None:
    """The test hook (CRASH_TEST_VARIABLE)."""
    asked = os.environ.get(CRASH_TEST_VARIABLE)
    if asked == "abort":
        os.abort()
    if asked:
        raise RuntimeError("An error asked for by FLOWIN_TEST_CRASH")
