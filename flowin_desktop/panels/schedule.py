"""The schedule preview: when a schedule trigger will run next, in the user's language."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from flowin_engine.errors import FlowinError
from flowin_engine.runtime import next_runs

from ..i18n import date_time_text, isolate

log = logging.getLogger(__name__)

PREVIEW_COUNT = 5
DATE_FORMAT = "dddd d MMMM yyyy"
TIME_FORMAT = "HH:mm"


class SchedulePreview(QWidget):
    """Lists the next runs of a schedule trigger; says so when its settings don't make sense."""

    @staticmethod
    def now() -> datetime | None:
        """The moment to count from; None is the real now (tests pin it)."""
        return None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schedulePreview")
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.zone = QLabel()
        self.zone.setObjectName("help")
        self.times = [QLabel() for _ in range(PREVIEW_COUNT)]
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 4)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        for label in self.times:
            layout.addWidget(label)
        layout.addWidget(self.zone)
        layout.addWidget(self.problem)
        self._params: dict[str, Any] = {}
        self._flow_timezone = "UTC"

    def show_schedule(self, params: dict[str, Any], flow_timezone: str = "UTC") -> None:
        self._params, self._flow_timezone = dict(params), flow_timezone
        self.title.setText(self.tr("Next runs"))
        try:
            upcoming = next_runs(params, flow_timezone, PREVIEW_COUNT, now=self.now())
        except (FlowinError, ValueError, LookupError, TypeError) as error:
            # ZoneInfoNotFoundError is a KeyError (a LookupError); a bad number a ValueError.
            log.debug("No schedule preview for %s", params, exc_info=True)
            self._show_problem(error)
            return
        self.problem.hide()
        for label, moment in zip(self.times, upcoming, strict=False):
            label.setText("• " + self.readable(moment))
            label.show()
        for label in self.times[len(upcoming) :]:
            label.hide()
        zone = params.get("timezone") or flow_timezone or "UTC"
        self.zone.setText(self.tr("Times in %1.").replace("%1", isolate(zone)))
        self.zone.show()

    def readable(self, moment: datetime) -> str:
        """A time as people read it, in their language: 'Monday 30 November 2026, 09:00'.

        The wall-clock time of ``moment``'s own zone is kept: a schedule runs at 9:00 in its zone.
        """
        day = date_time_text(QDate(moment.year, moment.month, moment.day), DATE_FORMAT)
        time = date_time_text(QTime(moment.hour, moment.minute), TIME_FORMAT)
        return self.tr("%1, %2").replace("%1", day).replace("%2", time)

    def _show_problem(self, error: Exception) -> None:
        for label in self.times:
            label.hide()
        self.zone.hide()
        if isinstance(error, LookupError):
            text = self.tr("Flowin doesn't know the time zone '%1'.").replace(
                "%1", isolate(self._params.get("timezone"))
            )
        elif self._params.get("mode") == "cron":
            text = self.tr(
                "Flowin can't read this cron expression: it needs five parts, "
                "minute hour day month weekday (e.g. 0 9 * * 1)."
            )
        else:
            text = self.tr("Flowin can't work out when this runs: check the settings above.")
        self.problem.setText("⚠ " + text)
        self.problem.setToolTip(str(error))
        self.problem.show()

    def current_times(self) -> list[str]:
        """The times shown, as the user reads them."""
        return [label.text().removeprefix("• ") for label in self.times if not label.isHidden()]
