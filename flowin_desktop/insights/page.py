"""The insights page: what the flows did for the user this week or month, at a glance.

A headline ("You saved 14 hours this week using Flowin"), four figures, three charts (runs per
day per flow, the success ratio, the steps that fail most), what to do about each failing step
(Fix now, Open the run), the flows whose time saved is not set yet, and how each connected
account is doing. The charts are matplotlib figures (``flowin_engine.insight_charts``, shared
with the weekly report) on its Qt canvas; matplotlib is imported when the page is first shown,
so the app starts without it.
"""

from __future__ import annotations

import base64
import dataclasses
import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from flowin_engine import insight_charts as charts
from flowin_engine.errors import FlowinError
from flowin_engine.insights import PERIODS, AccountHealth, FailingStep, Insights, gather
from flowin_engine.store import Store

from ..i18n import arabic_digits, date_time_text, digit_choice, digits, number_text
from ..resources import font_files, resource_path
from ..theme import LIGHT, Theme

log = logging.getLogger(__name__)

CHART_HEIGHT = 250  # pixels; the width follows the window


def _tr(text: str, count: int = -1) -> str:
    return QCoreApplication.translate("InsightsPage", text, None, count)


def chart_colours(theme: Theme) -> charts.ChartColours:
    """The charts in the app's theme: its surface, text and state colours, and series of
    colours that stay apart on it."""
    base = charts.DARK if theme.name == "dark" else charts.LIGHT
    return charts.ChartColours(
        background=theme.surface,
        text=theme.text,
        muted=theme.muted,
        grid=theme.grid if theme.name == "light" else theme.border,
        success=theme.success,
        failure=theme.failure,
        series=(theme.accent, theme.violet, *base.series[2:]),
    )


def chart_style(theme: Theme, dpi: float = 100.0) -> charts.ChartStyle:
    """The app's own fonts: Inter for Latin, Cairo for Arabic (matplotlib falls back glyph by
    glyph, so a name in either script comes out in its face)."""
    files = tuple(Path(str(resource_path(f"fonts/{item.name}"))) for item in font_files())
    return charts.ChartStyle(chart_colours(theme), ("Inter", "Cairo", "DejaVu Sans"), files, dpi)


def percent_text(ratio: float) -> str:
    shown = number_text(round(ratio * 100, 1), 0 if ratio in (0, 1) else 1)
    return f"{shown}٪" if arabic_digits() else f"{shown}%"


def headline_text(insights: Insights) -> str:
    """ "You saved 14 hours this week using Flowin", with the language's plural; minutes below
    an hour."""
    minutes = insights.minutes_saved
    week = len(insights.days) <= 7
    if minutes == 0:  # nothing to boast of yet: what the flows did
        runs = insights.runs
        return digits(
            _tr("Your flows ran %n times this week", runs)
            if week
            else _tr("Your flows ran %n times in the last 30 days", runs)
        )
    if minutes < 60:
        text = (
            _tr("You saved %n minutes this week using Flowin", minutes)
            if week
            else _tr("You saved %n minutes in the last 30 days using Flowin", minutes)
        )
    else:
        hours = round(minutes / 60)
        text = (
            _tr("You saved %n hours this week using Flowin", hours)
            if week
            else _tr("You saved %n hours in the last 30 days using Flowin", hours)
        )
    return digits(text)


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 60:
        return _tr("%1 s").replace("%1", number_text(seconds, 1))
    return _tr("%1 min").replace("%1", number_text(seconds / 60, 1))


def time_saved_text(minutes: int) -> str:
    if minutes < 60:
        return _tr("%1 min").replace("%1", number_text(minutes))
    return _tr("%1 h").replace("%1", number_text(minutes / 60, 1))


def chart_words(right_to_left: bool) -> charts.ChartWords:
    return charts.ChartWords(
        right_to_left=right_to_left,
        runs_per_day=_tr("Runs per day"),
        success=_tr("Success ratio"),
        failing_steps=_tr("Steps that fail most"),
        succeeded=_tr("Succeeded"),
        failed=_tr("Failed"),
        other_flows=_tr("Other flows"),
        no_runs=_tr("No runs yet in this period."),
        no_failures=_tr("No step failed in this period."),
        day=lambda day: date_time_text(day, "ddd d"),
        number=lambda value: number_text(value),
        percent=percent_text,
        failures_of=lambda count: digits(_tr("%n failures", count)),
        of=lambda part, whole: (
            _tr("%1 of %2").replace("%1", number_text(part)).replace("%2", number_text(whole))
        ),
    )


class _Card(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("insightCard")
        self.caption = QLabel()
        self.caption.setObjectName("insightCaption")
        self.value = QLabel()
        self.value.setObjectName("insightValue")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)


class InsightsPage(QWidget):
    back_requested = Signal()
    open_run_requested = Signal(str, str)  # flow id, execution id
    fix_requested = Signal(str, str)  # flow id, the failed step's name

    def __init__(
        self,
        store: Store,
        theme: Theme = LIGHT,
        *,
        clock: Callable[[], datetime] | None = None,
        utc_offset: timedelta | None = None,
        secret_of: Callable[[str], dict[str, Any] | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.store = store
        self.theme = theme
        self.clock = clock or (lambda: datetime.now(UTC))
        self.utc_offset = utc_offset
        self.secret_of = secret_of
        self.insights: Insights | None = None
        self.canvases: dict[str, Any] = {}
        # Replaced in tests: the questions and the file chooser as dialogs.
        self.ask_minutes: Callable[[str, int], int | None] = self._ask_minutes_with_dialog
        self.choose_report_file: Callable[[str], str | None] = self._choose_report_file

        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.period = QComboBox()
        for days in PERIODS:
            self.period.addItem("", days)
        self.period.currentIndexChanged.connect(lambda *_: self.refresh())
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_report)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title)
        top.addStretch()
        top.addWidget(self.period)
        top.addWidget(self.export_button)

        self.headline = QLabel()
        self.headline.setObjectName("insightHeadline")
        self.headline.setWordWrap(True)
        self.period_text = QLabel()
        self.period_text.setObjectName("muted")
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cards = [_Card() for _ in range(4)]
        card_row = QHBoxLayout()
        card_row.setSpacing(12)
        for card in self.cards:
            card_row.addWidget(card, 1)
        self.not_set = QFrame()
        self.not_set.setObjectName("insightNotice")
        self.not_set_layout = QVBoxLayout(self.not_set)
        self.not_set_layout.setContentsMargins(14, 10, 14, 10)

        self.charts = QWidget()
        chart_grid = QGridLayout(self.charts)
        chart_grid.setContentsMargins(0, 0, 0, 0)
        chart_grid.setSpacing(12)
        self.chart_frames = {name: self._chart_frame() for name in ("runs", "success", "failing")}
        chart_grid.addWidget(self.chart_frames["runs"], 0, 0)
        chart_grid.addWidget(self.chart_frames["success"], 0, 1)
        chart_grid.setColumnStretch(0, 5)
        chart_grid.setColumnStretch(1, 2)
        chart_grid.addWidget(self.chart_frames["failing"], 1, 0, 1, 2)

        self.failing_title = QLabel()
        self.failing_title.setObjectName("sectionTitle")
        self.failing_rows = QVBoxLayout()
        self.failing_rows.setSpacing(6)
        self.accounts_title = QLabel()
        self.accounts_title.setObjectName("sectionTitle")
        self.accounts_rows = QVBoxLayout()
        self.accounts_rows.setSpacing(6)
        self.failing_section = self._section(self.failing_title, self.failing_rows)
        self.accounts_section = self._section(self.accounts_title, self.accounts_rows)

        content = QWidget()
        content.setObjectName("home")
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 8, 16)
        body.setSpacing(12)
        body.addWidget(self.headline)
        body.addWidget(self.period_text)
        body.addWidget(self.empty)
        body.addLayout(card_row)
        body.addWidget(self.not_set)
        body.addWidget(self.charts)
        body.addWidget(self.failing_section)
        body.addWidget(self.accounts_section)
        body.addStretch()
        self.card_row = card_row
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 8)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.set_theme(theme)
        self.retranslate()

    # Building.

    def _chart_frame(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("insightChart")
        frame.setFixedHeight(CHART_HEIGHT)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(8, 8, 8, 8)
        return frame

    def _section(self, title: QLabel, rows: QVBoxLayout) -> QFrame:
        frame = QFrame()
        frame.setObjectName("insightSection")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addWidget(title)
        layout.addLayout(rows)
        return frame

    def set_theme(self, theme: Theme) -> None:
        """Colours for the cards and rows, and the charts drawn again in them."""
        self.theme = theme
        t = theme
        self.setStyleSheet(
            f"""
            QFrame#insightCard, QFrame#insightChart, QFrame#insightSection {{
                background: {t.surface}; border: 1px solid {t.border}; border-radius: 10px; }}
            QFrame#insightNotice {{ background: {t.surface_alt}; border-radius: 10px; }}
            QLabel#insightHeadline {{ font-size: 24px; font-weight: 600; color: {t.text}; }}
            QLabel#insightCaption {{ color: {t.muted}; font-size: 12px; }}
            QLabel#insightValue {{ font-size: 22px; font-weight: 600; }}
            QLabel#insightState_failing {{ color: {t.failure}; font-weight: 600; }}
            QLabel#insightState_expiring {{ color: {t.retrying}; font-weight: 600; }}
            QLabel#insightState_ok {{ color: {t.success}; font-weight: 600; }}
            QLabel#insightState_unused {{ color: {t.muted}; }}
            QLabel#insightReason {{ color: {t.muted}; font-size: 12px; }}
            """
        )
        if self.insights is not None:
            self._draw_charts(self.insights)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("‹ Flows"))
        self.title.setText(self.tr("Insights"))
        self.period.setItemText(0, self.tr("Last 7 days"))
        self.period.setItemText(1, self.tr("Last 30 days"))
        self.period.setAccessibleName(self.tr("Period"))
        self.export_button.setText(self.tr("Export report…"))
        self.export_button.setToolTip(
            self.tr("Save this report as a PDF to print or send (or as a web page: .html)")
        )
        self.failing_title.setText(self.tr("What failed, and what to do"))
        self.accounts_title.setText(self.tr("Connected accounts"))
        captions = (
            self.tr("Runs"),
            self.tr("Success ratio"),
            self.tr("Average duration"),
            self.tr("Time saved"),
        )
        for card, caption in zip(self.cards, captions, strict=True):
            card.caption.setText(caption)
        if self.insights is not None:
            self.show_insights(self.insights)

    # Showing.

    @property
    def days(self) -> int:
        return int(self.period.currentData() or PERIODS[0])

    def refresh(self) -> None:
        """Read the history again and show it."""
        self.show_insights(
            gather(
                self.store,
                self.days,
                now=self.clock(),
                utc_offset=self.utc_offset,
                secret_of=self.secret_of,
            )
        )

    def show_insights(self, insights: Insights) -> None:
        self.insights = insights
        self.headline.setText(headline_text(insights))
        first, last = insights.days[0], insights.days[-1]
        self.period_text.setText(
            f"{date_time_text(first, 'd MMMM')} – {date_time_text(last, 'd MMMM yyyy')}"
        )
        empty = insights.empty
        self.headline.setVisible(not empty)
        self.empty.setVisible(empty)
        self.empty.setText(
            self.tr(
                "No runs yet in this period. When your flows run on their own, you will see "
                "here what they did, what failed, and how much time they saved you."
            )
        )
        for card in self.cards:
            card.setVisible(not empty)
        self.charts.setVisible(not empty)
        ratio = insights.success_ratio
        values = (
            number_text(insights.runs),
            percent_text(ratio) if ratio is not None else "—",
            duration_text(insights.average_duration_seconds),
            time_saved_text(insights.minutes_saved),
        )
        for card, value in zip(self.cards, values, strict=True):
            card.value.setText(value)
        self._show_not_set(insights)
        self._show_failing(insights.failing_steps)
        self._show_accounts(insights.accounts)
        if not empty:
            self._draw_charts(insights)
        # The rows just added show a moment later (Qt shows a new child of a visible widget
        # from its event queue), and the scroll area keeps the page at the height it measured
        # before them: asked again once they are in, it makes room for them.
        QTimer.singleShot(0, self, self._fit_page)

    def _fit_page(self) -> None:
        self.scroll.setWidgetResizable(True)

    def _draw_charts(self, insights: Insights) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        words = chart_words(self.layoutDirection() == Qt.LayoutDirection.RightToLeft)
        style = chart_style(self.theme)
        figures = {
            "runs": charts.runs_per_day(insights, words, style),
            "success": charts.success_ratio(insights, words, style),
            "failing": charts.failing_steps(insights, words, style),
        }
        # As tall as its bars need: a row for each failing step, three at least.
        self.chart_frames["failing"].setFixedHeight(80 + 42 * max(len(insights.failing_steps), 3))
        for name, figure in figures.items():
            frame = self.chart_frames[name]
            old = self.canvases.get(name)
            canvas = FigureCanvasQTAgg(figure)
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            if old is not None:
                _drop(old)
            frame.layout().addWidget(canvas)
            self.canvases[name] = canvas

    def _clear(self, layout: QVBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                _drop(widget)

    def _show_not_set(self, insights: Insights) -> None:
        self._clear(self.not_set_layout)
        missing = insights.flows_without_estimate
        self.not_set.setVisible(bool(missing))
        if not missing:
            return
        intro = QLabel(
            self.tr(
                "Time saved counts only the flows that say how many minutes of hand work one "
                "run saves you. Not set yet:"
            )
        )
        intro.setWordWrap(True)
        self.not_set_layout.addWidget(intro)
        for flow in missing:
            row = QHBoxLayout()
            name = QLabel(flow.name)
            name.setObjectName("sectionTitle")
            button = QPushButton(self.tr("Set minutes saved…"))
            button.setObjectName("link")
            button.setProperty("flow_id", flow.flow_id)
            button.clicked.connect(lambda _=False, f=flow.flow_id: self.set_minutes(f))
            row.addWidget(name)
            row.addWidget(button)
            row.addStretch()
            holder = QWidget()
            holder.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            self.not_set_layout.addWidget(holder)

    def set_minutes(self, flow_id: str) -> bool:
        """Ask how many minutes one run of the flow saves, and keep the answer in the flow."""
        flow = self.store.flows.get(flow_id)
        minutes = self.ask_minutes(flow.name, flow.settings.minutes_saved_per_run or 5)
        if minutes is None:
            return False
        flow.settings.minutes_saved_per_run = minutes
        self.store.flows.save(flow)
        self.refresh()
        return True

    def _show_failing(self, steps: list[FailingStep]) -> None:
        from ..i18n import stored_error_text

        self._clear(self.failing_rows)
        self.failing_section.setVisible(bool(steps))
        for step in steps:
            row = QFrame()
            row.setObjectName("insightFailure")
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 4, 0, 4)
            text = QVBoxLayout()
            where = QLabel(charts.step_label(step.flow_name, step.step))
            where.setObjectName("sectionTitle")
            count = QLabel(
                digits(self.tr("%n failures", "", step.count))
                + " · "
                + self.tr("last %1").replace("%1", self._when(step.latest_at))
            )
            count.setObjectName("insightState_failing")
            reason = QLabel(stored_error_text(step.reason))
            reason.setObjectName("insightReason")
            reason.setWordWrap(True)
            line = QHBoxLayout()  # sized to its words: starts at the row's start either way
            line.addWidget(where)
            line.addStretch()
            text.addLayout(line)
            text.addWidget(count)
            text.addWidget(reason)
            fix = QPushButton(self.tr("Fix now"))
            fix.setObjectName("primary")
            fix.setToolTip(self.tr("Open the flow at the step that fails"))
            fix.clicked.connect(lambda _=False, s=step: self.fix_requested.emit(s.flow_id, s.step))
            open_run = QPushButton(self.tr("Open the run"))
            open_run.setToolTip(self.tr("See the latest failed run, step by step"))
            open_run.clicked.connect(
                lambda _=False, s=step: self.open_run_requested.emit(
                    s.flow_id, s.latest_execution_id
                )
            )
            layout.addLayout(text, 1)
            layout.addWidget(fix, alignment=Qt.AlignmentFlag.AlignTop)
            layout.addWidget(open_run, alignment=Qt.AlignmentFlag.AlignTop)
            self.failing_rows.addWidget(row)

    def _show_accounts(self, accounts: list[AccountHealth]) -> None:
        from ..i18n import stored_error_text

        self._clear(self.accounts_rows)
        self.accounts_section.setVisible(bool(accounts))
        for account in accounts:
            row = QWidget()
            layout = QVBoxLayout(row)
            layout.setContentsMargins(0, 4, 0, 4)
            layout.setSpacing(2)
            head = QHBoxLayout()
            name = QLabel(account.label)
            name.setObjectName("sectionTitle")
            state = QLabel(self._state_text(account))
            state.setObjectName(f"insightState_{account.state}")
            head.addWidget(name)
            head.addWidget(state)
            head.addStretch()
            layout.addLayout(head)
            details = [
                self.tr("Last worked: %1").replace("%1", self._when(account.last_success)),
                self.tr("Last failed: %1").replace("%1", self._when(account.last_failure)),
            ]
            if account.token_renews:
                details.append(self.tr("Sign-in renews itself"))
            elif account.token_expires_at is not None:
                details.append(
                    self.tr("Sign-in expires: %1").replace(
                        "%1", self._when(account.token_expires_at)
                    )
                )
            if account.used_by:
                comma = "، " if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else ", "
                details.append(self.tr("Used by: %1").replace("%1", comma.join(account.used_by)))
            info = QLabel(" · ".join(details))
            info.setObjectName("insightReason")
            info.setWordWrap(True)
            layout.addWidget(info)
            if account.state == "failing" and account.failure_reason:
                reason = QLabel(stored_error_text(account.failure_reason))
                reason.setObjectName("insightReason")
                reason.setWordWrap(True)
                layout.addWidget(reason)
            self.accounts_rows.addWidget(row)

    def _state_text(self, account: AccountHealth) -> str:
        return {
            "failing": self.tr("Failing: its latest use failed"),
            "expiring": self.tr("Sign-in expires soon: reconnect it"),
            "ok": self.tr("Working"),
            "unused": self.tr("Not used in this period"),
        }[account.state]

    def _when(self, moment: datetime | None) -> str:
        if moment is None:
            return self.tr("never")
        offset = self.utc_offset if self.utc_offset is not None else moment.astimezone().utcoffset()
        local = (moment + (offset or timedelta(0))).replace(tzinfo=None)
        return date_time_text(local, "d MMM, hh:mm")

    # The report.

    def export_report(self) -> Path | None:
        """Save the report shown as a PDF (or, named .html, as a web page with its charts)."""
        insights = self.insights
        if insights is None:
            return None
        language = "ar" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "en"
        insights = _reasons_as_shown(insights)
        suggested = f"flowin-report-{insights.days[-1].isoformat()}.pdf"
        chosen = self.choose_report_file(suggested)
        if not chosen:
            return None
        path = Path(chosen)
        offset = self.utc_offset
        try:
            if path.suffix.lower() in (".html", ".htm"):
                from flowin_engine.insights_report import make_report

                report = make_report(
                    insights,
                    language,
                    digits=digit_choice(),
                    utc_offset=offset,
                    style=chart_style(LIGHT, dpi=110),  # on paper: light, whatever the app's
                )
                page = report.html
                for content_id, data in report.images.items():
                    encoded = base64.b64encode(data).decode("ascii")
                    page = page.replace(f"cid:{content_id}", f"data:image/png;base64,{encoded}")
                path.write_text(page, encoding="utf-8")
            else:
                from flowin_engine.insights_report import write_pdf

                path = write_pdf(
                    insights,
                    path if path.suffix else path.with_suffix(".pdf"),
                    language,
                    digits=digit_choice(),
                    utc_offset=offset,
                    style=chart_style(LIGHT),
                )
        except (OSError, FlowinError) as error:
            log.warning("Could not export the report to %s: %s", path, error)
            return None
        return path

    def _choose_report_file(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export report"),
            str(Path.home() / suggested),
            self.tr("PDF (*.pdf);;Web page (*.html)"),
        )
        return path or None

    def _ask_minutes_with_dialog(self, flow_name: str, current: int) -> int | None:
        minutes, ok = QInputDialog.getInt(
            self,
            self.tr("Minutes saved per run"),
            self.tr(
                "How many minutes would one run of “%1” take you by hand? Flowin counts them "
                "for every run that works."
            ).replace("%1", flow_name),
            current,
            0,
            24 * 60,
        )
        return minutes if ok else None


def _drop(widget: QWidget) -> None:
    """Out of sight now, deleted when Qt gets to it."""
    widget.hide()
    widget.setParent(None)  # type: ignore[call-overload]
    widget.deleteLater()


_DIRECTION_MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")


def _reasons_as_shown(insights: Insights) -> Insights:
    """``insights`` with each failure's sentence as the dashboard shows it, in the app's
    language (the history keeps them in English), for a report that reads as the page does.
    The report lays out its own Arabic, so the page's direction marks are left out."""
    from ..i18n import stored_error_text

    def shown(reason: str) -> str:
        return _DIRECTION_MARKS.sub("", stored_error_text(reason))

    return dataclasses.replace(
        insights,
        failing_steps=[
            dataclasses.replace(step, reason=shown(step.reason)) for step in insights.failing_steps
        ],
        accounts=[
            dataclasses.replace(a, failure_reason=shown(a.failure_reason))
            if a.failure_reason
            else a
            for a in insights.accounts
        ],
    )
