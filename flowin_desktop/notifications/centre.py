"""The bell in the top bar and the notification centre it opens: what happened to the flows
(a failure, a recovery, a day's summary, a flow that went quiet, events waiting, a sync
conflict, a report), newest first, unread ones standing out; a click on a failure opens its run.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.errors import FlowinError, Problem

from ..i18n import digits, fill, isolate, number_text, problem_text, stored_error_text
from ..theme import LIGHT, Theme
from .watch import NotificationWatch

# Each kind's mark: a sign in a round badge of the kind's colour (a theme colour's name).
KIND_MARKS = {
    "failure": ("✕", "failure"),
    "recovery": ("✓", "success"),
    "summary": ("≡", "accent"),
    "silence": ("…", "retrying"),
    "waiting_events": ("☁", "accent"),
    "sync_conflict": ("⇄", "failure"),
    "report": ("↗", "violet"),
    "channel_failed": ("!", "retrying"),
}


def _tr(text: str, count: int = -1) -> str:
    return QCoreApplication.translate("NotificationCentre", text, None, count)


def kind_of(row: Any) -> str:
    """A row's kind as text (the engine may hand an enum)."""
    kind = getattr(row, "kind", "")
    return str(getattr(kind, "value", kind))


def when_text(moment: datetime | None, now: datetime | None = None) -> str:
    """How long ago ``moment`` was, in words ("5 minutes ago"), in the chosen digits."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        return _tr("just now")
    if seconds < 3600:
        return digits(_tr("%n minutes ago", seconds // 60))
    if seconds < 86_400:
        return digits(_tr("%n hours ago", seconds // 3600))
    days = seconds // 86_400
    if days == 1:
        return _tr("yesterday")
    return digits(_tr("%n days ago", days))


def headline(row: Any, flow_name: str | None) -> str:
    """The row's first line, in the app's language: which flow and what happened to it."""
    kind = kind_of(row)
    if flow_name and kind == "failure":
        return fill(_tr("«%1» failed"), flow_name)
    if flow_name and kind == "recovery":
        return fill(_tr("«%1» works again"), flow_name)
    if flow_name and kind == "silence":
        return fill(_tr("«%1» has not run for a while"), flow_name)
    if flow_name and kind == "summary":
        return fill(_tr("«%1» today"), flow_name)
    if flow_name and kind == "sync_conflict":
        return fill(_tr("«%1» was changed in two places"), flow_name)
    if kind == "summary":
        return _tr("Today's summary")
    if kind == "waiting_events":
        return _tr("Events are waiting in the cloud")
    if kind == "sync_conflict":
        return _tr("A flow was changed in two places")
    if kind == "report":
        return _tr("Your weekly report is ready")
    if kind == "channel_failed":
        return _tr("A notification could not be sent")
    return isolate(getattr(row, "title", "") or "")


def failure_reason(store: Any, row: Any) -> str | None:
    """Why the run of a failure row failed, as the row or its run's record says (None:
    unknown)."""
    reason = (getattr(row, "data", None) or {}).get("reason")
    if reason or kind_of(row) != "failure" or not getattr(row, "execution_id", None):
        return reason
    try:
        return store.executions.get(row.execution_id).error
    except FlowinError:  # the run was tidied away since
        return None


def sentence(row: Any, reason: str | None = None) -> str:
    """What happened, in one sentence. A failure is worded in the app's language from its
    step and ``reason`` (translated when the engine gave its template); the rest as the
    engine wrote it, in the language of the notification settings."""
    text = getattr(row, "text", "") or ""
    if kind_of(row) != "failure":
        return isolate(stored_error_text(text))
    problem = getattr(row, "problem", None)
    data = getattr(row, "data", None) or {}
    if _field(problem, "template"):
        values = _field(problem, "args") or {}
        reason = problem_text(
            Problem(_field(problem, "template"), args={k: str(v) for k, v in values.items()})
        )
    elif reason:
        reason = stored_error_text(reason)
    else:
        return isolate(stored_error_text(text))
    step = getattr(row, "step", None)
    if not step:
        return isolate(reason)
    number = data.get("step_number")
    if number:
        return (
            _tr("Step %1 «%2» failed: %3")
            .replace("%1", number_text(int(number)))
            .replace("%2", isolate(step))
            .replace("%3", isolate(reason))
        )
    return _tr("«%1» failed: %2").replace("%1", isolate(step)).replace("%2", isolate(reason))


def _field(value: Any, name: str) -> Any:
    if isinstance(value, dict):
        return value.get(name)
    return getattr(value, name, None)


class KindMark(QWidget):
    """A row's kind at a glance: its sign in a round badge of its colour."""

    def __init__(self, kind: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.theme = theme
        self.setFixedSize(30, 30)

    def paintEvent(self, event: QPaintEvent) -> None:
        sign, colour = KIND_MARKS.get(self.kind, ("•", "muted"))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill_colour = QColor(self.theme.color(colour))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill_colour)
        painter.drawEllipse(QRectF(1, 1, 28, 28))
        # The dark theme's state colours are light: its sign is dark on them.
        painter.setPen(
            QColor("#ffffff") if self.theme.name == "light" else self.theme.color("window")
        )
        font = QFont(self.font())
        font.setPixelSize(15)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, 30, 30), Qt.AlignmentFlag.AlignCenter, sign)


class NotificationRow(QFrame):
    """One notification: its mark, which flow and what happened, when, how many times."""

    clicked = Signal(object)  # the row

    def __init__(
        self,
        row: Any,
        flow_name: str | None,
        reason: str | None,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.row = row
        self.setObjectName("notificationRow")
        self.setProperty("unread", not getattr(row, "read", False))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab to a row, Enter opens it
        self.mark = KindMark(kind_of(row), theme)
        self.title = QLabel(headline(row, flow_name))
        self.title.setObjectName("notificationTitle")
        self.title.setWordWrap(True)
        self.text = QLabel(sentence(row, reason))
        self.text.setObjectName("notificationText")
        self.text.setWordWrap(True)
        self.text.setVisible(bool(self.text.text()))
        self.when = QLabel(self._meta())
        self.when.setObjectName("help")
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.text)
        words.addWidget(self.when)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(10)
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        self.dot = QLabel("●" if self.unread else "")
        self.dot.setObjectName("unreadDot")
        layout.addWidget(self.dot, 0, Qt.AlignmentFlag.AlignTop)
        if self.opens_run and kind_of(row) == "failure":
            self.setToolTip(_tr("Open this run to see what went wrong and fix it"))

    @property
    def unread(self) -> bool:
        return bool(self.property("unread"))

    @property
    def opens_run(self) -> bool:
        return bool(getattr(self.row, "execution_id", None))

    def _meta(self) -> str:
        when = when_text(getattr(self.row, "at", None))
        count = int(getattr(self.row, "count", 1) or 1)
        if count > 1:  # the same failure again, bundled into this row
            return digits(_tr("%1 · %n times", count).replace("%1", when))
        return when

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.row)
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit(self.row)
        super().mouseReleaseEvent(event)


class NotificationCentre(QFrame):
    """The list the bell opens: newest first, "Mark all as read" at its top. ``open_run`` is
    asked for a row that has a run (a failure: the run opens with Fix now)."""

    run_requested = Signal(str)  # the execution id of the row clicked
    flow_requested = Signal(str)  # the flow of a row without a run (a conflict, a silence)
    insights_requested = Signal()  # a weekly report's row: the insights page shows it

    def __init__(
        self,
        watch: NotificationWatch,
        flow_names: Callable[[], dict[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notificationCentre")
        self.setWindowFlags(Qt.WindowType.Popup)
        self.watch = watch
        self.flow_names = flow_names
        self.theme: Theme = LIGHT
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.mark_all = QPushButton()
        self.mark_all.setObjectName("link")
        self.mark_all.clicked.connect(self.watch.mark_all_read)
        head = QHBoxLayout()
        head.setContentsMargins(14, 10, 14, 6)
        head.setSpacing(16)
        head.addWidget(self.heading, 1)
        head.addWidget(self.mark_all)
        self.list = QWidget()
        self.list.setObjectName("notificationList")
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(6, 0, 6, 6)
        self.list_layout.setSpacing(4)
        self.empty = QLabel()
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.scroll, 1)
        self.rows: list[NotificationRow] = []
        self.resize(420, 480)
        watch.changed.connect(self._rows_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(_tr("Notifications"))
        self.mark_all.setText(_tr("Mark all as read"))
        self.empty.setText(
            _tr("Nothing new. When a flow fails or works again, you will see it here.")
        )
        self._rows_changed()

    def _rows_changed(self) -> None:
        if self.isVisible():  # else read when it opens
            self.refresh()

    def refresh(self) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        while self.list_layout.count():
            self.list_layout.takeAt(0)
        names = self.flow_names()
        for record in self.watch.rows():
            flow_id = getattr(record, "flow_id", None)
            widget = NotificationRow(
                record,
                names.get(flow_id or ""),
                failure_reason(self.watch.store, record),
                self.theme,
                self.list,
            )
            widget.clicked.connect(self._clicked)
            self.rows.append(widget)
            self.list_layout.addWidget(widget)
        self.list_layout.addWidget(self.empty)
        self.empty.setVisible(not self.rows)
        self.list_layout.addStretch(1)
        self.mark_all.setEnabled(any(row.unread for row in self.rows))

    def _clicked(self, record: Any) -> None:
        if not getattr(record, "read", False):
            self.watch.mark_read([record.id])
        execution_id = getattr(record, "execution_id", None)
        flow_id = getattr(record, "flow_id", None)
        if kind_of(record) == "report":
            self.hide()
            self.insights_requested.emit()
        elif execution_id:
            self.hide()
            self.run_requested.emit(execution_id)
        elif flow_id and flow_id in self.flow_names():
            self.hide()
            self.flow_requested.emit(flow_id)

    def open_under(self, anchor: QWidget) -> None:
        """Show the centre under ``anchor`` (the bell), its far edge at the bell's."""
        self.setLayoutDirection(anchor.layoutDirection())
        self.refresh()
        below = anchor.mapToGlobal(QPoint(0, anchor.height() + 4))
        if anchor.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            x = below.x()
        else:
            x = below.x() + anchor.width() - self.width()
        screen = anchor.screen().availableGeometry()
        x = max(screen.left(), min(x, screen.right() - self.width()))
        self.move(x, below.y())
        self.show()


class BellButton(QToolButton):
    """The bell: a badge with the unread count on it while there is any."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bell")
        self.count = 0
        self.theme: Theme = LIGHT
        self.setFixedSize(QSize(40, 32))

    def set_count(self, count: int) -> None:
        self.count = count
        self.setAccessibleName(self.badge_text() or _tr("Notifications"))
        self.setToolTip(
            digits(_tr("Notifications: %n unread", count)) if count else _tr("Notifications")
        )
        self.update()

    def badge_text(self) -> str:
        """What the badge says (nothing without unread notifications)."""
        if not self.count:
            return ""
        return number_text(self.count) if self.count < 100 else digits("99+")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the button's frame, as the style draws it
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2 + 1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.color("text"))
        painter.drawPath(_bell_path(centre, 16))
        badge = self.badge_text()
        if not badge:
            return
        font = QFont(self.font())
        font.setPixelSize(10)
        font.setBold(True)
        painter.setFont(font)
        width = max(16.0, painter.fontMetrics().horizontalAdvance(badge) + 8.0)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        left = 2.0 if rtl else self.width() - width - 2.0
        area = QRectF(left, 1, width, 16)
        painter.setPen(QPen(QColor(self.theme.color("surface")), 1.5))
        painter.setBrush(self.theme.color("failure"))
        painter.drawRoundedRect(area, 8, 8)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, badge)


def _bell_path(centre: QPointF, size: float) -> QPainterPath:
    """A bell ``size`` pixels high centred on ``centre``: dome, flared rim, clapper."""
    x, y, s = centre.x(), centre.y(), size
    path = QPainterPath()
    top = y - s / 2
    rim = y + s * 0.28
    path.moveTo(x, top)
    path.cubicTo(x + s * 0.36, top, x + s * 0.36, y - s * 0.05, x + s * 0.36, y + s * 0.1)
    path.lineTo(x + s * 0.5, rim)
    path.lineTo(x - s * 0.5, rim)
    path.lineTo(x - s * 0.36, y + s * 0.1)
    path.cubicTo(x - s * 0.36, y - s * 0.05, x - s * 0.36, top, x, top)
    path.closeSubpath()
    path.addEllipse(QPointF(x, rim + s * 0.12), s * 0.12, s * 0.12)
    return path
