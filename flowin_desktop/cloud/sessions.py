"""Where the cloud account is signed in, in the account dialog: each computer and app with
when it was last used and the address it came from, a Sign out for each, and Sign out
everywhere else. Only what the cloud knows is shown: the app, its system, times, an address."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.sync import SignIn

from .service import CloudSync


class SignInRow(QFrame):
    """One sign-in: what and where in words, and its Sign out button."""

    def __init__(self, title: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInRow")
        self.title = QLabel(_in_reading_order(title))
        self.title.setObjectName("sectionTitle")
        self.details = QLabel(_in_reading_order(details))
        self.details.setObjectName("help")
        self.details.setWordWrap(True)
        self.sign_out_button = QPushButton()
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.details)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addLayout(words, 1)
        row.addWidget(self.sign_out_button)


def _in_reading_order(text: str) -> str:
    """``text`` read in the app's direction: an Arabic line that begins with a Latin word
    ("Flowin على Windows") would otherwise be laid out left to right, its words reversed."""
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return RIGHT_TO_LEFT_MARK + text
    return text


RIGHT_TO_LEFT_MARK = "\u200f"


class SignInsPanel(QWidget):
    """The account's live sign-ins, this computer first, the others by their latest use."""

    def __init__(self, cloud: CloudSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cloud = cloud
        self.sign_ins: list[SignIn] = []
        self.rows: list[SignInRow] = []
        help_text = QLabel(
            self.tr(
                "Where your account is signed in. If you don't know one of them, sign it out "
                "and change your password."
            )
        )
        help_text.setObjectName("help")
        help_text.setWordWrap(True)
        self.list_box = QWidget()
        self.list_layout = QVBoxLayout(self.list_box)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(6)
        self.list_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.list_box)
        # Four places show without scrolling, in either language.
        scroll.setMinimumHeight(300)
        self.empty = QLabel(self.tr("Checking…"))
        self.empty.setObjectName("help")
        self.end_others_button = QPushButton(self.tr("Sign out everywhere else"))
        self.end_others_button.clicked.connect(self.end_others)
        self.notice = QLabel()
        self.notice.setObjectName("help")
        self.notice.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.notice, 1)
        actions.addWidget(self.end_others_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(help_text)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addLayout(actions)
        self.end_others_button.setEnabled(False)
        cloud.sign_ins_loaded.connect(self._show)
        cloud.other_sign_ins_ended.connect(self._others_ended)
        # A request that failed (offline, say) leaves the button usable for another try.
        cloud.failed.connect(lambda _: self._enable_end_others())

    def refresh(self) -> None:
        self.notice.clear()
        self.cloud.load_sign_ins()

    # Actions

    def end(self, sign_in: SignIn) -> None:
        if sign_in.current:
            answer = QMessageBox.question(
                self,
                self.tr("Sign out"),
                self.tr("Sign out on this computer? Your flows stay here."),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.cloud.sign_out()
            return
        answer = QMessageBox.question(
            self,
            self.tr("Sign out"),
            self.tr("Sign out %1? It has to sign in again with the password.").replace(
                "%1", self.title_of(sign_in)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.cloud.end_sign_in(sign_in.id)

    def end_others(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Sign out everywhere else"),
            self.tr(
                "Sign out on every other computer and app? They have to sign in again with the "
                "password; this computer stays signed in."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.end_others_button.setEnabled(False)
            self.cloud.end_other_sign_ins()

    # Words

    def title_of(self, sign_in: SignIn) -> str:
        if sign_in.current:
            return self.tr("This computer")
        if sign_in.app == "desktop":
            if sign_in.system:
                return self.tr("Flowin on %1").replace("%1", sign_in.system)
            return self.tr("Flowin on a computer")
        if sign_in.app == "cli":
            if sign_in.system:
                return self.tr("Flowin's command line on %1").replace("%1", sign_in.system)
            return self.tr("Flowin's command line")
        if sign_in.system:
            return self.tr("Another app on %1").replace("%1", sign_in.system)
        return self.tr("Another app")

    def details_of(self, sign_in: SignIn, now: datetime) -> str:
        parts = [self.used_words(sign_in.last_used_at, now)]
        if sign_in.current and sign_in.system:
            parts.insert(0, self.tr("Flowin on %1").replace("%1", sign_in.system))
        if sign_in.ip_address:
            parts.append(self.tr("from %1").replace("%1", sign_in.ip_address))
        parts.append(self.tr("signed in %1").replace("%1", self._day(sign_in.created_at, now)))
        return " · ".join(parts)

    def used_words(self, moment: datetime, now: datetime) -> str:
        """When it was last used, in the language of the app. A sign-in in use renews its
        access every quarter of an hour, so "just now" is as exact as the cloud can know."""
        since = now - moment
        if since < timedelta(minutes=20):
            return self.tr("in use now")
        if since < timedelta(hours=1):
            return self.tr("last used within the hour")
        return self.tr("last used %1").replace("%1", self._day(moment, now, with_time=True))

    def _day(self, moment: datetime, now: datetime, with_time: bool = False) -> str:
        locale = QLocale()
        local, today = moment.astimezone(), now.astimezone().date()
        time = locale.toString(local.time(), QLocale.FormatType.ShortFormat)
        if local.date() == today:
            day = self.tr("today")
        elif local.date() == today - timedelta(days=1):
            day = self.tr("yesterday")
        else:
            pattern = "d MMMM" if local.year == today.year else "d MMMM yyyy"
            day = self.tr("on %1").replace("%1", locale.toString(local.date(), pattern))
        return self.tr("%1 at %2").replace("%1", day).replace("%2", time) if with_time else day

    # Answers

    def _show(self, sign_ins: list[SignIn]) -> None:
        # This computer first; the others as the cloud sorts them, the latest used first.
        self.sign_ins = sorted(sign_ins, key=lambda each: not each.current)
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        now = datetime.now().astimezone()
        for sign_in in self.sign_ins:
            row = SignInRow(self.title_of(sign_in), self.details_of(sign_in, now))
            row.sign_out_button.setText(self.tr("Sign out"))
            row.sign_out_button.clicked.connect(lambda _=False, s=sign_in: self.end(s))
            self.list_layout.insertWidget(self.list_layout.count() - 1, row)
            self.rows.append(row)
        self.empty.setVisible(not self.sign_ins)
        self.empty.setText(self.tr("Signed in nowhere else."))
        self._enable_end_others()

    def _enable_end_others(self) -> None:
        self.end_others_button.setEnabled(any(not each.current for each in self.sign_ins))

    def _others_ended(self, count: int) -> None:
        self.notice.setText(
            self.tr("Signed out everywhere else.") if count else self.tr("Signed in nowhere else.")
        )
