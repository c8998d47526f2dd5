"""The run log: the line ``flowin serve`` shows (and its log file keeps) for each run that ends.

A line per run suits a server that runs a few flows a minute. One that answers thousands of
webhooks a second would scroll the console faster than anyone can read it, rotate its 2 MB log
file every few seconds (taking with it the lines of the failures someone came to look for),
and spend about a twentieth of its CPU writing them. So in each second, the first
``LINES_PER_SECOND`` runs get their own line; after those, the runs that succeed are counted,
and one line per flow tells how many there were when the second ends. A run that did not
succeed always gets its own line.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from time import monotonic

from ..events import ExecutionStatus
from ..run_ids import short_id
from ..runner import ExecutionResult
from ..timers import Timers

LINES_PER_SECOND = 20
RUN_LINE_INDENT = 10  # the width of the console's "%H:%M:%S  " before each message


@dataclass
class _Counted:
    runs: int = 0
    seconds: float = 0.0  # their durations, added up


class RunLog:
    """Writes the run lines to ``log`` at INFO; ``name_of(flow_id)`` names the flows."""

    def __init__(self, log: logging.Logger, name_of: Callable[[str], str]) -> None:
        self._log = log
        self._name_of = name_of
        self._lock = threading.Lock()
        self._second_ends = 0.0
        self._lines_this_second = 0
        self._counted: dict[str, _Counted] = {}
        self._timers = Timers()
        self._closed = False

    def ended(self, runs: Sequence[tuple[str, ExecutionResult]]) -> None:
        """Log ``runs`` (flow id, result), which have just ended. Runs that end together share
        one record: a record costs its formatting and a write to each handler."""
        if not runs or not self._log.isEnabledFor(logging.INFO):
            return
        lines: list[str] = []
        now = monotonic()
        with self._lock:
            if now >= self._second_ends:
                lines.extend(self._take_counted())
                self._second_ends = now + 1.0
                self._lines_this_second = 0
            for flow_id, result in runs:
                succeeded = result.status == ExecutionStatus.SUCCESS
                busy = self._lines_this_second >= LINES_PER_SECOND and not self._closed
                if succeeded and busy:
                    counted = self._counted.get(flow_id)
                    if counted is None:
                        counted = self._counted[flow_id] = _Counted()
                        if len(self._counted) == 1:
                            self._timers.call_later(self._second_ends - now, self.flush)
                    counted.runs += 1
                    counted.seconds += result.duration
                    continue
                self._lines_this_second += 1
                lines.append(self._line(flow_id, result))
        self._write(lines)

    def flush(self) -> None:
        """Write the lines of the runs counted so far."""
        with self._lock:
            lines = self._take_counted()
        self._write(lines)

    def close(self) -> None:
        """Write what is counted; each run that ends after this gets its own line."""
        with self._lock:
            self._closed = True
        self._timers.close()
        self.flush()

    def _take_counted(self) -> list[str]:
        lines = [
            f"{counted.runs:,} more runs of {self._name_of(flow_id)} succeeded "
            f"({counted.seconds / counted.runs * 1000:.0f} ms on average)"
            for flow_id, counted in self._counted.items()
        ]
        self._counted = {}
        return lines

    def _line(self, flow_id: str, result: ExecutionResult) -> str:
        error = f": {result.error}" if result.error else ""
        status = str(result.status)
        return (
            f"{short_id(result.execution_id)} {status:<10} {self._name_of(flow_id)} "
            f"({result.duration * 1000:.0f} ms){error}"
        )

    def _write(self, lines: list[str]) -> None:
        if lines:
            self._log.info("%s", ("\n" + " " * RUN_LINE_INDENT).join(lines))
