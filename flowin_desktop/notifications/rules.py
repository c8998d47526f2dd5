"""Who is told what, and where: the notification settings a shop owner fills in with ticks,
accounts and a phone number (never JSON nor ids), used for every flow in Settings and for one
flow in its overview.

A rule is shown and read back as the engine's rule (``flowin_engine.notifications``): which
events, which channels (each an account and a recipient), and quiet hours.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.credentials import Connections
from flowin_engine.notifications import Channel, Notifier, Rule
from flowin_engine.registry import Registry

from ..i18n import digits, follow_digits, stored_error_text
from ..panels.accounts import ConnectAccountDialog
from ..work import BackgroundCalls

CONNECT = "\x00connect"  # the account box's "Connect an account…" item

# The channels in the order the settings list them: kind, the connector whose accounts send.
CHANNELS = (
    ("in_app", None),
    ("email", "email"),
    ("telegram", "telegram"),
    ("sms", "twilio"),
    ("whatsapp", "whatsapp"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("NotificationRules", text)


def _field(value: Any, name: str, default: Any = None) -> Any:
    if value is None:
        return default
    if isinstance(value, dict):
        return value.get(name, default)
    return getattr(value, name, default)


def channel_name(kind: str) -> str:
    return {
        "in_app": _tr("This computer"),
        "email": _tr("E-mail"),
        "telegram": _tr("Telegram"),
        "sms": _tr("SMS"),
        "whatsapp": _tr("WhatsApp"),
    }.get(kind, kind)


def recipient_hint(kind: str) -> str:
    return {
        "email": _tr("E-mail address, e.g. owner@myshop.com"),
        "telegram": _tr("Chat ID, e.g. 123456789"),
        "sms": _tr("Mobile number, e.g. +201001234567"),
        "whatsapp": _tr("Mobile number, e.g. +966501234567"),
    }.get(kind, "")


# How long a flow may go without a run before the owner hears of it: the choices offered.
SILENCE_CHOICES = (1, 2, 3, 6, 12, 24, 48, 72, 168)


def hours_text(hours: int) -> str:
    """A length of time as the owner says it: "6 hours", "a day", "3 days", "a week"."""
    if hours == 168:
        return _tr("a week")
    if hours == 24:
        return _tr("a day")
    if hours % 24 == 0:
        return digits(QCoreApplication.translate("NotificationRules", "%n days", None, hours // 24))
    return digits(QCoreApplication.translate("NotificationRules", "%n hours", None, hours))


def extra_fields(kind: str) -> dict[str, str]:
    """What a channel needs besides an account and a recipient: its field, and the hint."""
    if kind == "sms":
        return {"sender": _tr("Your Twilio number that sends, e.g. +15005550006")}
    if kind == "whatsapp":
        return {
            "template": _tr("Approved message template, e.g. flow_alert"),
            "template_language": _tr("Its language, e.g. ar"),
        }
    return {}


class ChannelRow(QWidget):
    """One way of being told: a tick, the account that sends, who receives, and Test."""

    changed = Signal()
    tested = Signal(bool, str)  # the Test's outcome and its sentence

    def __init__(
        self,
        kind: str,
        connector: str | None,
        connections: Callable[[], Connections | None],
        registry: Registry | None,
        test: Callable[[dict[str, Any]], Any] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.connector = connector
        self.connections = connections
        self.registry = registry
        self.test = test
        self.dialog: ConnectAccountDialog | None = None
        self.enabled = QCheckBox()
        self.enabled.toggled.connect(self._toggled)
        self.account = QComboBox()
        self.account.activated.connect(self._account_chosen)
        self.recipient = QLineEdit()
        # Kept as it is typed: a dialog closed from its title bar loses nothing.
        self.recipient.textEdited.connect(self.changed)
        self.extras: dict[str, QLineEdit] = {}
        for key in extra_fields(kind):
            edit = QLineEdit()
            edit.textEdited.connect(self.changed)
            self.extras[key] = edit
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self.send_test)
        self.result = QLabel()
        self.result.setObjectName("testResult")
        self.result.setWordWrap(True)
        self.result.hide()
        self._calls = BackgroundCalls(self)
        self._calls.finished.connect(self._test_finished)
        self._account_id: str | None = None
        self.details = QWidget()
        indented = QHBoxLayout(self.details)  # a box layout mirrors its spacing in Arabic
        indented.setContentsMargins(0, 0, 0, 0)
        indented.addSpacing(26)
        details = QGridLayout()
        indented.addLayout(details, 1)
        details.setHorizontalSpacing(8)
        details.setVerticalSpacing(4)
        details.addWidget(self.account, 0, 0)
        details.addWidget(self.recipient, 0, 1)
        details.addWidget(self.test_button, 0, 2)
        extras = list(self.extras.values())
        if len(extras) == 1:
            details.addWidget(extras[0], 1, 0, 1, 2)
        for column, edit in enumerate(extras if len(extras) > 1 else []):
            details.addWidget(edit, 1, column)
        details.addWidget(self.result, 2, 0, 1, 3)
        details.setColumnStretch(0, 2)
        details.setColumnStretch(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(4)
        layout.addWidget(self.enabled)
        layout.addWidget(self.details)
        self.retranslate()
        self._show_enabled()

    def retranslate(self) -> None:
        self.enabled.setText(
            _tr("This computer: a pop-up and the bell")
            if self.kind == "in_app"
            else channel_name(self.kind)
        )
        self.recipient.setPlaceholderText(recipient_hint(self.kind))
        self.recipient.setToolTip(recipient_hint(self.kind))
        self.recipient.setAccessibleName(_tr("Who receives it"))
        for key, hint in extra_fields(self.kind).items():
            self.extras[key].setPlaceholderText(hint)
            self.extras[key].setToolTip(hint)
        self.account.setAccessibleName(_tr("The account that sends it"))
        self.test_button.setText(_tr("Send a test"))
        self.test_button.setToolTip(_tr("Send a short test message there now"))
        self.reload_accounts()

    def reload_accounts(self) -> None:
        if self.connector is None:
            return
        self.account.blockSignals(True)
        self.account.clear()
        connections = self.connections()
        listed = connections.list(self.connector) if connections is not None else []
        if self.kind == "email":
            self.account.addItem(_tr("My Flowin account's mail"), None)
        elif not listed:
            self.account.addItem(_tr("No account yet"), None)
        for connection in listed:
            self.account.addItem(connection.label, connection.id)
        if connections is not None and self._connector() is not None:
            self.account.addItem(_tr("Connect an account…"), CONNECT)
        if self._account_id is None and listed and self.kind != "email":
            self._account_id = listed[0].id  # the only account (or the first) sends
        index = self.account.findData(self._account_id)
        self.account.setCurrentIndex(max(index, 0))
        self.account.blockSignals(False)
        self._show_recipient()

    def _show_recipient(self) -> None:
        # The Flowin account's mail goes to the account's own address: no one to fill in.
        own_mail = self.kind == "email" and self.account.currentData() is None
        self.recipient.setVisible(not own_mail)

    def _connector(self) -> Any:
        if self.registry is None or self.connector is None:
            return None
        return self.registry.connector(self.connector)

    def _account_chosen(self, index: int) -> None:
        data = self.account.itemData(index)
        if data == CONNECT:
            self.reload_accounts()
            self.connect_account()
            return
        self._account_id = data
        self._show_recipient()
        self.changed.emit()

    def connect_account(self) -> ConnectAccountDialog | None:
        connector, connections = self._connector(), self.connections()
        if connector is None or connections is None:
            return None
        self.dialog = ConnectAccountDialog(connector, connections, self.window())
        self.dialog.accepted.connect(self._connected)
        self.dialog.open()
        return self.dialog

    def _connected(self) -> None:
        if self.dialog is not None and self.dialog.connection_id:
            self._account_id = self.dialog.connection_id
            self.reload_accounts()
            self.changed.emit()

    def _toggled(self) -> None:
        self._show_enabled()
        self.changed.emit()

    def _show_enabled(self) -> None:
        # An unticked way shows its name alone: the form stays short.
        self.details.setVisible(self.connector is not None and self.enabled.isChecked())

    def show_channel(self, channel: Any) -> None:
        """Show ``channel`` (None: this way is not used)."""
        self.enabled.blockSignals(True)
        self.enabled.setChecked(channel is not None)
        self.enabled.blockSignals(False)
        self._account_id = _field(channel, "connection_id")
        self.recipient.setText(_field(channel, "to", "") or "")
        for key, edit in self.extras.items():
            edit.setText(_field(channel, key, "") or "")
        self.reload_accounts()
        self._show_enabled()

    def filled_in(self) -> dict[str, Any]:
        """The channel as its fields say, ticked or not."""
        channel: dict[str, Any] = {"kind": self.kind}
        if self.connector is None:
            return channel
        account = self.account.currentData() if self.account.count() else None
        channel["connection_id"] = account if account != CONNECT else None
        if self.recipient.isVisible() or self.kind != "email":
            channel["to"] = self.recipient.text().strip()
        for key, edit in self.extras.items():
            channel[key] = edit.text().strip()
        return channel

    def channel(self) -> dict[str, Any] | None:
        """The channel as filled in; None while unticked."""
        return self.filled_in() if self.enabled.isChecked() else None

    def send_test(self) -> None:
        """Send a real test message through this channel, off the window's thread; its
        outcome shows under the row in a sentence."""
        channel = self.filled_in()
        if self.test is None or self._calls.busy:
            return
        if self.kind != "email" and not channel.get("connection_id"):
            self._show_result(False, _tr("Choose the account that sends the messages first."))
            return
        if "to" in channel and not channel["to"]:
            self._show_result(False, _tr("Write who receives the messages first."))
            return
        if self.kind == "sms" and not channel.get("sender"):
            self._show_result(False, _tr("Write your Twilio number the messages come from first."))
            return
        if self.kind == "whatsapp" and not channel.get("template"):
            self._show_result(
                False, _tr("Write the name of the message template WhatsApp approved first.")
            )
            return
        test = self.test
        self.test_button.setEnabled(False)
        self.result.setText(_tr("Sending a test…"))
        self.result.setProperty("ok", None)
        self.result.show()
        self._calls.start(lambda: test(channel))

    def _test_finished(self, _ticket: int, result: Any, error: Exception | None) -> None:
        self.test_button.setEnabled(True)
        if error is not None:
            self._show_result(False, str(error))
            return
        ok = bool(_field(result, "ok", True))
        if ok:
            text = _tr("Sent by %1. Check that the test message arrived.").replace(
                "%1", channel_name(self.kind)
            )
        else:
            text = stored_error_text(str(_field(result, "message", "") or ""))
        self._show_result(ok, text)

    def _show_result(self, ok: bool, text: str) -> None:
        self.result.setText(("✓ " if ok else "✕ ") + text)
        self.result.setProperty("ok", ok)
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.show()
        self.tested.emit(ok, text)


class RuleEditor(QWidget):
    """A whole rule: what to be told of, where, and the hours to be left in peace."""

    changed = Signal()

    def __init__(
        self,
        connections: Callable[[], Connections | None],
        registry: Registry | None,
        test: Callable[[dict[str, Any]], Any] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.events_title = QLabel()
        self.events_title.setObjectName("sectionTitle")
        self.failure = QCheckBox()
        self.recovery = QCheckBox()
        self.daily_summary = QCheckBox()
        self.silence = QCheckBox()
        # How long is too long, in the owner's words (a day, not 24).
        self.silence_hours = QComboBox()
        for box in (self.failure, self.recovery, self.daily_summary, self.silence):
            box.toggled.connect(self._edited)
        self.silence.toggled.connect(self.silence_hours.setEnabled)
        self.silence_hours.activated.connect(self._edited)
        silence_row = QHBoxLayout()
        silence_row.addWidget(self.silence)
        silence_row.addWidget(self.silence_hours)
        silence_row.addStretch(1)

        self.channels_title = QLabel()
        self.channels_title.setObjectName("sectionTitle")
        self.channel_rows = {
            kind: ChannelRow(kind, connector, connections, registry, test)
            for kind, connector in CHANNELS
        }
        for row in self.channel_rows.values():
            row.changed.connect(self._edited)

        self.quiet_title = QLabel()
        self.quiet_title.setObjectName("sectionTitle")
        self.quiet = QCheckBox()
        self.quiet.toggled.connect(self._edited)
        self.quiet_start = QTimeEdit(QTime(22, 0))
        self.quiet_end = QTimeEdit(QTime(8, 0))
        self.quiet_and = QLabel()
        for edit in (self.quiet_start, self.quiet_end):
            edit.setDisplayFormat("HH:mm")
            edit.setMinimumWidth(96)
            # A time reads hours first from the left in Arabic too ("٢٢:٠٠").
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.timeChanged.connect(self._edited)
        self.quiet_help = QLabel()
        self.quiet_help.setObjectName("help")
        self.quiet_help.setWordWrap(True)
        quiet_row = QGridLayout()
        quiet_row.addWidget(self.quiet, 0, 0, 1, 4)
        times = QHBoxLayout()
        times.addSpacing(24)
        times.addWidget(self.quiet_start)
        times.addWidget(self.quiet_and)
        times.addWidget(self.quiet_end)
        times.addStretch(1)
        quiet_row.addLayout(times, 1, 0, 1, 4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.events_title)
        for box in (self.failure, self.recovery, self.daily_summary):
            layout.addWidget(box)
        layout.addLayout(silence_row)
        layout.addSpacing(10)
        layout.addWidget(self.channels_title)
        for row in self.channel_rows.values():
            layout.addWidget(row)
        layout.addSpacing(10)
        layout.addWidget(self.quiet_title)
        layout.addLayout(quiet_row)
        layout.addWidget(self.quiet_help)
        self._showing = False
        self._kept: dict[str, Any] = {}
        self.retranslate()
        self.show_rule(None)

    def retranslate(self) -> None:
        self.events_title.setText(_tr("Tell me when"))
        self.failure.setText(_tr("A flow fails"))
        self.recovery.setText(_tr("A flow that failed works again"))
        self.daily_summary.setText(_tr("Every evening: how my flows did that day"))
        self.silence.setText(_tr("A flow has not run for"))
        self._fill_silence_hours(self.silence_hours.currentData() or 24)
        self.channels_title.setText(_tr("Tell me on"))
        self.quiet_title.setText(_tr("Quiet hours"))
        self.quiet.setText(_tr("Keep messages that can wait between"))
        self.quiet_and.setText(_tr("and"))
        self.quiet_help.setText(
            _tr(
                "Failures still reach you at once; the rest arrive together when the quiet "
                "hours end."
            )
        )
        for edit in (self.quiet_start, self.quiet_end):
            follow_digits(edit)
        for row in self.channel_rows.values():
            row.retranslate()

    def show_rule(self, rule: Any) -> None:
        """Show ``rule`` (the engine's, or None: the defaults, failures on this computer)."""
        self._showing = True
        # What this editor does not show (when the day's summary goes, how long repeats are
        # bundled) is kept as it was.
        self._kept = rule.model_dump(mode="json") if isinstance(rule, Rule) else {}
        events = _field(rule, "events")
        self.failure.setChecked(bool(_field(events, "failure", True)))
        self.recovery.setChecked(bool(_field(events, "recovery", False)))
        self.daily_summary.setChecked(bool(_field(events, "daily_summary", False)))
        hours = _field(events, "silence_hours")
        self.silence.setChecked(bool(hours))
        self.silence_hours.setEnabled(bool(hours))
        self._fill_silence_hours(int(hours) if hours else 24)
        channels = _field(rule, "channels")
        if channels is None:
            channels = [{"kind": "in_app"}]
        by_kind = {str(_field(_field(c, "kind"), "value", _field(c, "kind"))): c for c in channels}
        for kind, row in self.channel_rows.items():
            row.show_channel(by_kind.get(kind))
        quiet = _field(rule, "quiet_hours")
        self.quiet.setChecked(quiet is not None)
        if quiet is not None:
            self.quiet_start.setTime(_time(_field(quiet, "start"), QTime(22, 0)))
            self.quiet_end.setTime(_time(_field(quiet, "end"), QTime(8, 0)))
        self._showing = False

    def rule(self) -> dict[str, Any]:
        """The rule as filled in, in the engine's words."""
        channels = [c for row in self.channel_rows.values() if (c := row.channel()) is not None]
        quiet = None
        if self.quiet.isChecked():
            quiet = {
                "start": self.quiet_start.time().toString("HH:mm"),
                "end": self.quiet_end.time().toString("HH:mm"),
                "timezone": local_zone(),
            }
        return {
            **self._kept,
            "events": {
                "failure": self.failure.isChecked(),
                "recovery": self.recovery.isChecked(),
                "daily_summary": self.daily_summary.isChecked(),
                "silence_hours": (
                    self.silence_hours.currentData() if self.silence.isChecked() else None
                ),
            },
            "channels": channels,
            "quiet_hours": quiet,
        }

    def _fill_silence_hours(self, chosen: int) -> None:
        self.silence_hours.clear()
        choices = sorted({*SILENCE_CHOICES, chosen})
        for hours in choices:
            self.silence_hours.addItem(hours_text(hours), hours)
        self.silence_hours.setCurrentIndex(choices.index(chosen))

    def _edited(self) -> None:
        if not self._showing:
            self.changed.emit()


def _time(value: Any, default: QTime) -> QTime:
    if value is None:
        return default
    if hasattr(value, "hour"):
        return QTime(value.hour, value.minute)
    parsed = QTime.fromString(str(value)[:5], "HH:mm")
    return parsed if parsed.isValid() else default


def app_language() -> str:
    return "ar" if QLocale().language() == QLocale.Language.Arabic else "en"


def local_zone() -> str:
    """This computer's time zone, as the engine names zones (UTC when it can't tell)."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name


def engine_rule(rule: dict[str, Any]) -> Rule:
    """The rule as the engine keeps it; its messages in the app's language, its day this
    computer's. Raises ValueError (pydantic's ValidationError) for one it refuses."""
    return Rule.model_validate({**rule, "language": app_language(), "timezone": local_zone()})


def engine_channel(channel: dict[str, Any]) -> Channel:
    return Channel.model_validate(channel)


class RuleBook:
    """The rules as kept, through the runtime's notifier when there is one (it applies a change
    at once), else through a notifier of the store's own (the runtime reads the rules from the
    store when it starts), which also sends the tests."""

    def __init__(
        self,
        store: Any,
        notifier: Callable[[], Notifier | None],
        registry: Registry | None = None,
        connections: Callable[[], Connections | None] = lambda: None,
    ) -> None:
        self.store = store
        self.notifier = notifier
        self.registry = registry
        self.connections = connections
        self._own: Notifier | None = None

    def _notifier(self) -> Notifier:
        notifier = self.notifier()
        if notifier is not None:
            return notifier
        if self._own is None:
            self._own = Notifier(self.store, registry=self.registry, connections=self.connections())
        return self._own

    def rule(self, flow_id: str | None) -> Rule | None:
        """The global rule (``flow_id`` None: the defaults when none is kept) or the flow's
        own (None when it has none)."""
        rules = self._notifier().rules()
        return rules.default if flow_id is None else rules.flows.get(flow_id)

    def set_rule(self, flow_id: str | None, rule: dict[str, Any] | None) -> None:
        """Keep ``rule`` (None for a flow: it uses the global one). Raises ValueError for a
        rule the engine refuses."""
        self._notifier().set_rule(flow_id, engine_rule(rule) if rule is not None else None)

    def test_channel(self, channel: dict[str, Any]) -> Any:
        """Send a real test message (on a worker thread: it waits for the service)."""
        return self._notifier().test_channel(engine_channel(channel), app_language())

    def close(self) -> None:
        if self._own is not None:
            self._own.stop(timeout=0)
            self._own = None


def rule_summary(rule: Any) -> str:
    """A rule in a few words: what it tells of, and where."""
    comma = QCoreApplication.translate("EngineMessages", ", ")
    events = _field(rule, "events")
    told = []
    if _field(events, "failure", True):
        told.append(_tr("failures"))
    if _field(events, "recovery", False):
        told.append(_tr("recoveries"))
    if _field(events, "daily_summary", False):
        told.append(_tr("a daily summary"))
    if _field(events, "silence_hours"):
        told.append(_tr("no run in %1").replace("%1", hours_text(events_hours(events))))
    if not told:
        return _tr("Nothing is told about this flow.")
    where = [
        _tr("this computer") if kind == "in_app" else channel_name(kind)
        for c in _field(rule, "channels", []) or []
        if (kind := str(_field(_field(c, "kind"), "value", _field(c, "kind"))))
    ]
    if not where:
        return _tr("Nothing is told about this flow.")
    return (
        _tr("Its own: %1, by %2.").replace("%1", comma.join(told)).replace("%2", comma.join(where))
    )


def events_hours(events: Any) -> int:
    return int(_field(events, "silence_hours") or 0)
