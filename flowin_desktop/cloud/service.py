"""The cloud account in the app: sign in or up, the sync status in the top bar, and conflicts.

Flowin works fully offline with no account. Signed in, ``CloudSync`` syncs the flows in the
background (every minute, and soon after a save) and never blocks editing: every call to the
cloud runs on a worker thread (``work.Background``), and the answer comes back here.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.errors import FlowinError, NotFound
from flowin_engine.oauth import OAuthError
from flowin_engine.runtime import Runtime
from flowin_engine.store import Store
from flowin_engine.sync import (
    DESKTOP_APP,
    Account,
    ApiKey,
    BadPhoneNumber,
    CloudClient,
    Conflict,
    InsecureAddress,
    Keep,
    NotOnServer,
    Offline,
    PendingSignIn,
    RateLimited,
    ServerError,
    SignedOut,
    SignInRefused,
    StatusBoard,
    Sync,
    SyncError,
    SyncReport,
    SyncStatus,
    TooManyApiKeys,
    WrongCode,
    WrongPassword,
    checked_server,
    pick_up_runs,
)

from ..work import Background
from .keys import ApiKeysPanel
from .security import SecurityPanel
from .sessions import SignInsPanel

log = logging.getLogger(__name__)

SYNC_EVERY_MS = 60_000
SYNC_AFTER_SAVE_MS = 3_000
DEFAULT_SERVER = "http://127.0.0.1:8800"  # a flowin-cloud started on this computer
MIN_PASSWORD = 8
BROWSER_SIGN_IN_SECONDS = 180
PROVIDERS_TIMEOUT = 5.0
PROVIDER_NAMES = {"google": "Google", "github": "GitHub"}


def _tr(text: str, count: int = -1) -> str:
    """``count`` picks the plural form and stands for %n (Arabic has six forms)."""
    return QCoreApplication.translate("CloudSync", text, None, count)


def insecure_address_text() -> str:
    return _tr(
        "Type the cloud's address starting with https://. Plain http:// works only for a "
        "cloud on this computer (127.0.0.1 or localhost)."
    )


def error_text(error: BaseException) -> str:
    """A cloud problem in the user's language; the server's own sentence when only it knows."""
    if isinstance(error, InsecureAddress):
        return insecure_address_text()
    if isinstance(error, Offline):
        return _tr(
            "Flowin can't reach the cloud. Check the address and your internet connection; "
            "your flows stay on this computer."
        )
    if isinstance(error, RateLimited):
        if error.retry_after is None:
            return _tr("Too many tries. Wait a minute and try again.")
        if error.retry_after > 90:  # a second step paused after wrong codes: minutes, up to 60
            minutes = math.ceil(error.retry_after / 60)
            return _tr("Too many tries. Wait %n minutes and try again.", minutes)
        return _tr("Too many tries. Wait %n seconds and try again.", round(error.retry_after))
    if isinstance(error, ServerError):
        return _tr("The cloud had a problem on its side. Your flows are safe here; try later.")
    if isinstance(error, SignedOut):
        return _tr("You're signed out. Sign in again to sync your flows.")
    if isinstance(error, SignInRefused):
        return _tr("The e-mail, password or code isn't right. Check them and try again.")
    if isinstance(error, OAuthError):
        log.info("A sign-in through the browser did not finish: %s", error)
        return _tr(
            "Signing in through the browser didn't finish. Try again, or sign in with your "
            "e-mail and password."
        )
    if isinstance(error, BadPhoneNumber):
        return _tr(
            "Type the phone number with its country code, starting with +, e.g. +966501234567."
        )
    if isinstance(error, WrongCode):
        return _tr("That code isn't right or has expired. Check it, or send a new one.")
    if isinstance(error, WrongPassword):
        return _tr("The password isn't right, so nothing was changed. Try again.")
    if isinstance(error, TooManyApiKeys):
        return _tr("This account has as many API keys as it may have. Delete one first.")
    if isinstance(error, FlowinError):
        return str(error)
    return _tr("Something went wrong; the details are in Flowin's log.")


class CloudSync(QObject):
    """This computer's cloud account and its background sync."""

    status_changed = Signal()
    signed_in_changed = Signal()
    code_needed = Signal(object)  # a PendingSignIn: the account asks for a two-factor code
    synced = Signal(object)  # the SyncReport of a sync that ran to its end
    failed = Signal(str)  # a sign-in, sync or resolve that did not go through, in words
    reset_link_sent = Signal()
    providers_loaded = Signal(str, object)  # a cloud address, and the sign-ins it offers
    api_keys_loaded = Signal(object)  # the account's ApiKeys, masked
    api_key_created = Signal(object)  # a new ApiKey, the whole key in it this once
    security_loaded = Signal(object)  # the account's AccountSecurity
    sign_ins_loaded = Signal(object)  # where the account is signed in: SignIns
    other_sign_ins_ended = Signal(int)  # how many other sign-ins "Sign out everywhere else" ended
    backup_codes_given = Signal(object)  # new backup codes (strs), shown this once
    authenticator_setup = Signal(object)  # an AuthenticatorSetup: its QR code and key, once
    authenticator_code_wrong = Signal()  # the app's first code did not match
    verification_sent = Signal()
    phone_code_sent = Signal()
    password_link_sent = Signal()
    account_deleted = Signal()
    _board_changed = Signal()  # from the sync's thread, queued to this one

    def __init__(
        self,
        store: Store,
        parent: QObject | None = None,
        account: Account | None = None,
        every_ms: int = SYNC_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.account = account or Account(store, app=DESKTOP_APP)
        self.board = StatusBoard(
            SyncStatus.SYNCED if self.account.signed_in else SyncStatus.SIGNED_OUT
        )
        self.board.subscribe(lambda *_: self._board_changed.emit())
        self._board_changed.connect(self.status_changed)
        self.last_synced: datetime | None = None
        # The runtime running this computer's active flows: it also runs what the cloud's API
        # queued for them (set by the app; none in tests of the dialog alone).
        self.runtime: Runtime | None = None
        self.work = Background(self)
        self.work.finished.connect(self._answered)
        self._answers: dict[int, Callable[[Any], None]] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.sync_now)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(SYNC_AFTER_SAVE_MS)
        self.soon.timeout.connect(self.sync_now)
        if self.account.signed_in:
            self.timer.start()
            self.soon.start()

    @property
    def status(self) -> SyncStatus:
        return self.board.status

    @property
    def signed_in(self) -> bool:
        return self.account.signed_in

    @property
    def server(self) -> str:
        return os.environ.get("FLOWIN_CLOUD_SERVER") or self.account.server or DEFAULT_SERVER

    def conflicts(self) -> list[Conflict]:
        if not self.signed_in:
            return []
        with self.account.client() as client:
            return Sync(self.store, client).conflicts()

    # Calls to the cloud, each on the worker thread.

    def sign_in(self, server: str, email: str, password: str) -> int:
        """Sign in; ``signed_in_changed`` follows, or a two-factor code is asked for."""
        return self._start(
            lambda: self.account.sign_in(server, email, password), self._after_sign_in
        )

    def verify_code(self, pending: PendingSignIn, code: str) -> int:
        return self._start(
            lambda: self.account.verify_two_factor(pending, code), self._after_sign_in
        )

    def register(self, server: str, email: str, password: str, name: str) -> int:
        """Create the account, then sign in to it (the server lets a new account in at once)."""

        def register_and_sign_in() -> PendingSignIn | None:
            self.account.register(server, email, password, name or None)
            return self.account.sign_in(server, email, password)

        return self._start(register_and_sign_in, self._after_sign_in)

    def load_providers(self, server: str) -> int:
        """Ask the cloud which other sign-ins (Google, GitHub) it offers; quietly none when it
        can't be asked."""

        def offered() -> list[str]:
            try:
                # Short: it only decides which buttons show, and a sign-in may queue behind it.
                with CloudClient(server, timeout=PROVIDERS_TIMEOUT, app=DESKTOP_APP) as client:
                    return client.sign_in_providers()
            except SyncError:
                return []

        return self._start(offered, lambda names: self.providers_loaded.emit(server, names))

    def sign_in_with(self, server: str, provider: str) -> int:
        """Sign in with ``provider`` in the browser; ``signed_in_changed`` or ``code_needed``
        follows, or ``failed`` (also when the browser is left for 3 minutes)."""
        return self._start(
            lambda: self.account.sign_in_with(server, provider, timeout=BROWSER_SIGN_IN_SECONDS),
            self._after_sign_in,
        )

    def forgot_password(self, server: str, email: str) -> int:
        """Have the cloud e-mail a reset link; ``reset_link_sent`` follows."""
        return self._start(
            lambda: self.account.forgot_password(server, email),
            lambda _: self.reset_link_sent.emit(),
        )

    def load_api_keys(self) -> int | None:
        if not self.signed_in:
            return None
        return self._start(self._with_client(CloudClient.list_api_keys), self.api_keys_loaded.emit)

    def create_api_key(self, name: str) -> int:
        def created(key: ApiKey) -> None:
            self.api_key_created.emit(key)
            self.load_api_keys()

        return self._start(self._with_client(lambda client: client.create_api_key(name)), created)

    def toggle_api_key(self, key_id: str) -> int:
        return self._start(
            self._with_client(lambda client: client.toggle_api_key(key_id)),
            lambda _: self.load_api_keys(),
        )

    def delete_api_key(self, key_id: str) -> int:
        return self._start(
            self._with_client(lambda client: client.delete_api_key(key_id)),
            lambda _: self.load_api_keys(),
        )

    def load_sign_ins(self) -> int | None:
        if not self.signed_in:
            return None
        return self._start(self._with_client(CloudClient.list_sign_ins), self.sign_ins_loaded.emit)

    def end_sign_in(self, sign_in_id: str) -> int:
        """Sign the account out in one other place at once (not here: that is ``sign_out``)."""

        def end(client: CloudClient) -> None:
            # Ended meanwhile (NotOnServer): the list shows it gone either way.
            with contextlib.suppress(NotOnServer):
                client.end_sign_in(sign_in_id)

        return self._start(self._with_client(end), lambda _: self.load_sign_ins())

    def end_other_sign_ins(self) -> int:
        def ended(count: int) -> None:
            self.other_sign_ins_ended.emit(count)
            self.load_sign_ins()

        return self._start(self._with_client(CloudClient.end_other_sign_ins), ended)

    def load_security(self) -> int | None:
        if not self.signed_in:
            return None
        return self._start(self._with_client(CloudClient.security), self.security_loaded.emit)

    def turn_on_two_factor(self, password: str, method: str = "email") -> int:
        """Codes by ``method`` ("email", or "sms" to a verified phone) at each sign-in."""
        return self._start(
            self._with_client(lambda client: client.turn_on_two_factor(password, method)),
            self._backup_codes_given,
        )

    def start_authenticator_app(self, password: str) -> int:
        """A new authenticator-app secret (``authenticator_setup``); two-step sign-in turns on
        once ``confirm_authenticator_app`` gets the app's first code."""
        return self._start(
            self._with_client(lambda client: client.start_authenticator_app(password)),
            self.authenticator_setup.emit,
        )

    def confirm_authenticator_app(self, code: str) -> int:
        """``backup_codes_given`` when ``code`` is the app's, ``authenticator_code_wrong``
        otherwise (the setup stays open for another try)."""

        def confirm(client: CloudClient) -> list[str] | None:
            try:
                return client.confirm_authenticator_app(code)
            except WrongCode:
                return None

        def answered(codes: list[str] | None) -> None:
            if codes is None:
                self.authenticator_code_wrong.emit()
            else:
                self._backup_codes_given(codes)

        return self._start(self._with_client(confirm), answered)

    def add_phone(self, phone: str) -> int:
        """Set the account's phone and text it a code; ``phone_code_sent`` follows."""

        def sent(_: object) -> None:
            self.phone_code_sent.emit()
            self.load_security()

        return self._start(self._with_client(lambda client: client.add_phone(phone)), sent)

    def verify_phone(self, code: str) -> int:
        return self._start(
            self._with_client(lambda client: client.verify_phone(code)),
            lambda _: self.load_security(),
        )

    def new_backup_codes(self, password: str) -> int:
        return self._start(
            self._with_client(lambda client: client.new_backup_codes(password)),
            self._backup_codes_given,
        )

    def turn_off_two_factor(self, password: str) -> int:
        return self._start(
            self._with_client(lambda client: client.turn_off_two_factor(password)),
            lambda _: self.load_security(),
        )

    def send_verification_email(self) -> int:
        return self._start(
            self._with_client(CloudClient.send_verification_email),
            lambda _: self.verification_sent.emit(),
        )

    def send_password_link(self) -> int:
        """For an account made by Google or GitHub sign-in: e-mail it a link to set a password
        (the reset link), which the security settings then ask for."""
        server, email = self.server, self.account.email or ""
        return self._start(
            lambda: self.account.forgot_password(server, email),
            lambda _: self.password_link_sent.emit(),
        )

    def delete_account(self, password: str) -> int:
        """Delete the cloud account and all it holds there; this computer keeps its flows and
        signs out (``signed_in_changed``, then ``account_deleted``)."""

        def deleted(_: object) -> None:
            self._signed_out()
            self.account_deleted.emit()

        return self._start(lambda: self.account.delete_account(password), deleted)

    def _backup_codes_given(self, codes: list[str]) -> None:
        self.backup_codes_given.emit(codes)
        self.load_security()

    def sign_out(self) -> int:
        self.timer.stop()
        self.soon.stop()
        return self._start(self.account.sign_out, lambda _: self._signed_out())

    def sync_now(self) -> int | None:
        """Start a sync unless one is on its way or no one is signed in."""
        if not self.signed_in:
            self.board.set(SyncStatus.SIGNED_OUT)
            return None
        if self.work.busy:
            self.soon.start()  # after the call in progress
            return None
        return self._start(self._sync, self._after_sync)

    def flow_saved(self) -> None:
        """A flow was saved here: sync it soon (saves in a burst make one sync)."""
        if self.signed_in:
            self.soon.start()

    def resolve(self, flow_id: str, keep: Keep) -> int:
        return self._start(
            self._with_client(
                lambda client: Sync(self.store, client, self.board).resolve(flow_id, keep)
            ),
            lambda _: self.sync_now(),
        )

    def wait(self, milliseconds: int = 10_000) -> None:
        self.work.wait(milliseconds)

    def shutdown(self) -> None:
        """Stop syncing; a sync on its way may finish (it is safe to cut, but quicker to wait)."""
        self.timer.stop()
        self.soon.stop()
        self.work.wait(5_000)

    # Answers

    def _sync(self) -> SyncReport:
        with self.account.client() as client:
            report = Sync(self.store, client, self.board).run()
            if self.runtime is not None and not report.errors:
                try:
                    pick_up_runs(self.store, client, self.runtime)
                except SyncError as error:  # the runs wait in the cloud for the next sync
                    log.info("Could not pick up the cloud's queued runs: %s", error)
            return report

    def _with_client(self, call: Callable[[CloudClient], Any]) -> Callable[[], Any]:
        """``call`` with a client of the sign-in, for the worker thread."""

        def work() -> Any:
            with self.account.client() as client:
                return call(client)

        return work

    def _start(self, work: Callable[[], Any], then: Callable[[Any], None]) -> int:
        ticket = self.work.start(work)
        self._answers[ticket] = then
        return ticket

    def _answered(self, ticket: int, result: Any, error: BaseException | None) -> None:
        then = self._answers.pop(ticket, None)
        if error is not None:
            if isinstance(error, SignedOut):
                self._signed_out()
            self.failed.emit(error_text(error))
            self.status_changed.emit()
            return
        if then is not None:
            then(result)

    def _after_sign_in(self, pending: PendingSignIn | None) -> None:
        if pending is not None:
            self.code_needed.emit(pending)
            return
        self.board.set(SyncStatus.SYNCED)
        self.timer.start()
        self.sync_now()
        self.signed_in_changed.emit()

    def _after_sync(self, report: SyncReport) -> None:
        if not report.errors:
            self.last_synced = datetime.now().astimezone()
        self.synced.emit(report)
        self.status_changed.emit()

    def _signed_out(self) -> None:
        self.timer.stop()
        self.soon.stop()
        self.board.set(SyncStatus.SIGNED_OUT)
        self.signed_in_changed.emit()


def status_text(cloud: CloudSync) -> str:
    """The top bar's words for the sync status."""
    status = cloud.status
    if status is SyncStatus.SIGNED_OUT:
        return _tr("Sign in to sync")
    if status is SyncStatus.SYNCING:
        return _tr("Syncing…")
    if status is SyncStatus.OFFLINE:
        return _tr("Offline")
    if status is SyncStatus.CONFLICT:
        return _tr("Sync conflict")
    return _tr("Synced")


def status_sentence(cloud: CloudSync) -> str:
    """A longer sentence about the status, for the tooltip and the account dialog."""
    status = cloud.status
    if status is SyncStatus.SIGNED_OUT:
        return _tr(
            "Flowin works fully on this computer. Sign in to back up your flows and keep them "
            "the same on all your computers."
        )
    if status is SyncStatus.SYNCING:
        return _tr("Syncing your flows with the cloud…")
    if status is SyncStatus.OFFLINE:
        return _tr(
            "The cloud can't be reached right now. Your changes are kept here and sync when it can."
        )
    if status is SyncStatus.CONFLICT:
        return _tr(
            "Some flows were changed both here and on another computer. Choose which to keep."
        )
    if cloud.last_synced is None:
        return _tr("Your flows are synced.")
    return _tr("Your flows are synced (last at %1).").replace(
        "%1", cloud.last_synced.strftime("%H:%M")
    )


class Pages(QWidget):
    """One page shown at a time, sized to that page. A QStackedWidget takes the tallest page's
    height for wrapped text (its layout asks every page), which leaves a gap under short pages."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = -1

    def addWidget(self, page: QWidget) -> None:
        self._pages.append(page)
        self._layout.addWidget(page)
        page.setVisible(len(self._pages) - 1 == self._current)

    def setCurrentIndex(self, index: int) -> None:
        self._current = index
        for number, page in enumerate(self._pages):
            page.setVisible(number == index)

    def currentIndex(self) -> int:
        return self._current


class CloudAccountDialog(QDialog):
    """The cloud account settings: sign in or create an account; signed in, the status,
    Sync now, Sign out, and the conflicts waiting for a choice."""

    def __init__(self, cloud: CloudSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cloud = cloud
        self.pending: PendingSignIn | None = None
        self._providers_of: str | None = None  # the address whose sign-ins were asked for
        self.setWindowTitle(self.tr("Cloud account"))
        self.setMinimumWidth(480)
        self.message = QLabel()
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        self.pages = Pages()
        self.pages.addWidget(self._build_signed_out())
        self.pages.addWidget(self._build_code())
        self.pages.addWidget(self._build_signed_in())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addWidget(close)
        cloud.status_changed.connect(self.show_state)
        cloud.signed_in_changed.connect(self._sign_in_changed)
        cloud.code_needed.connect(self._ask_for_code)
        cloud.failed.connect(self._show_failure)
        cloud.reset_link_sent.connect(self._reset_link_sent)
        cloud.account_deleted.connect(self._account_deleted)
        # A new key, shown once, makes the page taller: the dialog grows too.
        cloud.api_key_created.connect(lambda _: QTimer.singleShot(0, self._fit))
        cloud.synced.connect(lambda _: self.show_state())
        self.show_state()

    # Pages

    def _build_signed_out(self) -> QWidget:
        page = QWidget()
        self.intro = QLabel(
            self.tr(
                "Flowin works fully on this computer. Sign in to back up your flows and keep "
                "them the same on all your computers. Your passwords and connected accounts "
                "never leave this computer."
            )
        )
        self.intro.setWordWrap(True)
        self.server = QLineEdit(self.cloud.server)
        self.email = QLineEdit(self.cloud.account.email or "")
        self.email.setPlaceholderText("you@example.com")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.name = QLineEdit()
        self.tabs = QTabBar()
        self.tabs.setDrawBase(False)
        self.tabs.addTab(self.tr("Sign in"))
        self.tabs.addTab(self.tr("Create an account"))
        self.tabs.currentChanged.connect(self._tab_changed)
        form = QFormLayout()
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Password"), self.password)
        self.name_label = QLabel(self.tr("Your name"))
        form.addRow(self.name_label, self.name)
        form.addRow(self.tr("Cloud address"), self.server)
        self.submit = QPushButton(self.tr("Sign in"))
        self.submit.setObjectName("primary")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.send)
        self.forgot = QPushButton(self.tr("Forgot your password?"))
        self.forgot.setObjectName("link")
        self.forgot.setFlat(True)
        self.forgot.setCursor(Qt.CursorShape.PointingHandCursor)
        self.forgot.clicked.connect(self.send_reset_link)
        self.provider_buttons: dict[str, QPushButton] = {}
        providers = QHBoxLayout()
        for provider, name in PROVIDER_NAMES.items():
            button = QPushButton(self.tr("Continue with %1").replace("%1", name))
            button.clicked.connect(lambda _=False, p=provider: self.sign_in_with(p))
            button.hide()  # until the cloud says it offers it
            providers.addWidget(button)
            self.provider_buttons[provider] = button
        self.server.editingFinished.connect(self._ask_for_providers)
        self.cloud.providers_loaded.connect(self._show_providers)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, alignment=Qt.AlignmentFlag.AlignLeading)
        layout.addLayout(form)
        layout.addWidget(self.submit)
        layout.addWidget(self.forgot, alignment=Qt.AlignmentFlag.AlignLeading)
        layout.addLayout(providers)
        self._tab_changed(0)
        return page

    def _build_code(self) -> QWidget:
        page = QWidget()
        self.code_intro = QLabel()
        self.code_intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText("123456")
        self.code.returnPressed.connect(self.send_code)
        self.code_button = QPushButton(self.tr("Confirm"))
        self.code_button.setObjectName("primary")
        self.code_button.clicked.connect(self.send_code)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code_intro)
        layout.addWidget(self.code)
        layout.addWidget(self.code_button)
        layout.addStretch()
        return page

    def _build_signed_in(self) -> QWidget:
        page = QWidget()
        self.who = QLabel()
        self.who.setObjectName("sectionTitle")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("primary")
        self.sync_button.clicked.connect(self.cloud.sync_now)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.clicked.connect(self.cloud.sign_out)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addStretch()
        buttons.addWidget(self.sign_out_button)
        self.conflict_title = QLabel(self.tr("Changed in both places"))
        self.conflict_title.setObjectName("sectionTitle")
        self.conflict_list = QListWidget()
        self.conflict_list.setWordWrap(True)  # a long flow name shows whole, on two lines
        self.conflict_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.keep_mine = QPushButton(self.tr("Keep mine"))
        self.keep_mine.setToolTip(self.tr("This computer's flow replaces the cloud's."))
        self.keep_theirs = QPushButton(self.tr("Keep theirs"))
        self.keep_theirs.setToolTip(self.tr("The cloud's flow replaces this computer's."))
        self.keep_both = QPushButton(self.tr("Keep both"))
        self.keep_both.setToolTip(self.tr("Keep the cloud's flow, and this computer's as a copy."))
        for button, keep in (
            (self.keep_mine, Keep.MINE),
            (self.keep_theirs, Keep.THEIRS),
            (self.keep_both, Keep.BOTH),
        ):
            button.clicked.connect(lambda _=False, keep=keep: self.resolve(keep))
        choices = QHBoxLayout()
        choices.addWidget(self.keep_mine)
        choices.addWidget(self.keep_theirs)
        choices.addWidget(self.keep_both)
        self.conflict_box = QWidget()
        box = QVBoxLayout(self.conflict_box)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(self.conflict_title)
        box.addWidget(self.conflict_list)
        box.addLayout(choices)
        self.conflict_list.currentRowChanged.connect(lambda _: self._update_choices())
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.who)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addWidget(self.conflict_box)
        self.api_keys = ApiKeysPanel(self.cloud)
        self.security = SecurityPanel(self.cloud)
        self.sign_ins = SignInsPanel(self.cloud)
        # In tabs: one below the other, the dialog grew taller than a laptop's screen.
        self.settings_tabs = QTabWidget()
        self.settings_tabs.addTab(self.security, self.tr("Sign-in security"))
        self.settings_tabs.addTab(self.sign_ins, self.tr("Where you're signed in"))
        self.settings_tabs.addTab(self.api_keys, self.tr("API keys"))
        layout.addSpacing(8)
        layout.addWidget(self.settings_tabs)
        layout.addStretch()
        return page

    # State

    def show_state(self) -> None:
        if self.pending is not None and not self.cloud.signed_in:
            self._show_page(1)
            return
        if not self.cloud.signed_in:
            self._show_page(0)
            self.submit.setEnabled(True)
            return
        self.who.setText(self.tr("Signed in as %1").replace("%1", self.cloud.account.email or ""))
        self.state.setText(status_sentence(self.cloud))
        self.sync_button.setEnabled(self.cloud.status is not SyncStatus.SYNCING)
        self._fill_conflicts()
        self._show_page(2)

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self._fit()

    def _fit(self) -> None:
        # Widgets shown or hidden just now posted their layout changes: take those in first.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.layout().activate()
        # Not adjustSize(): it sizes wrapped text for the narrowest width, so too tall.
        width = max(self.width(), self.minimumWidth())
        height = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        self.resize(width, max(height, self.minimumSizeHint().height()))

    def _fill_conflicts(self) -> None:
        current = self.conflict_list.currentItem()
        chosen = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.conflict_list.clear()
        for conflict in self.cloud.conflicts():
            item = QListWidgetItem(self._conflict_text(conflict))
            item.setData(Qt.ItemDataRole.UserRole, conflict.flow_id)
            self.conflict_list.addItem(item)
            if conflict.flow_id == chosen:
                self.conflict_list.setCurrentItem(item)
        if self.conflict_list.currentRow() < 0 and self.conflict_list.count():
            self.conflict_list.setCurrentRow(0)
        self.conflict_box.setVisible(self.conflict_list.count() > 0)
        self._update_choices()

    def _conflict_text(self, conflict: Conflict) -> str:
        try:
            name = self.cloud.store.get_flow(conflict.flow_id).name
        except NotFound:
            name = None
        theirs = conflict.their_definition
        their_name = theirs.get("name") if isinstance(theirs, dict) else None
        if theirs is None:
            return self.tr("%1 — changed here, deleted in the cloud").replace("%1", name or "")
        if name is None:
            return self.tr("%1 — deleted here, changed in the cloud").replace("%1", str(their_name))
        return self.tr("%1 — changed here and in the cloud").replace("%1", name)

    def _update_choices(self) -> None:
        chosen = self.conflict_list.currentRow() >= 0
        for button in (self.keep_mine, self.keep_theirs, self.keep_both):
            button.setEnabled(chosen)

    def _sign_in_changed(self) -> None:
        # What was typed to sign in is not kept in the dialog once it has done its work.
        if self.cloud.signed_in:
            self.api_keys.refresh()
            self.security.refresh()
            self.sign_ins.refresh()
        self.pending = None
        self.password.clear()
        self.code.clear()
        self.message.clear()
        self.show_state()

    # Actions

    def _tab_changed(self, index: int) -> None:
        creating = index == 1
        self.name.setVisible(creating)
        self.name_label.setVisible(creating)
        self.forgot.setVisible(not creating)
        self.submit.setText(self.tr("Create account") if creating else self.tr("Sign in"))
        self.message.clear()

    def _checked_address(self) -> tuple[str, str] | None:
        """The e-mail and cloud address typed, or None after saying what is wrong with them."""
        email = self.email.text().strip()
        if "@" not in email:
            self._show_failure(self.tr("Type the e-mail address of your account."))
            return None
        server = self._typed_server()
        return (email, server) if server is not None else None

    def _typed_server(self) -> str | None:
        """The cloud address typed, or None after saying why it cannot be used: passwords go
        only over https://, but to a cloud on this computer."""
        try:
            return checked_server(self.server.text())
        except InsecureAddress as refusal:
            self._show_failure(error_text(refusal))
            return None

    def _ask_for_providers(self) -> None:
        try:
            server = checked_server(self.server.text())
        except InsecureAddress:
            return  # said when signing in; not while the address is being typed
        if server != self._providers_of:
            self._providers_of = server
            self.cloud.load_providers(server)

    def _show_providers(self, server: str, names: list[str]) -> None:
        if server != self.server.text().strip().rstrip("/"):
            return  # the address changed since
        for provider, button in self.provider_buttons.items():
            button.setVisible(provider in names)
        if self.pages.currentIndex() == 0:
            self._show_page(0)

    def sign_in_with(self, provider: str) -> None:
        server = self._typed_server()
        if server is None:
            return
        self._say(self.tr("Finish signing in in your browser…"), problem=False)
        self.cloud.sign_in_with(server, provider)

    def send_reset_link(self) -> None:
        checked = self._checked_address()
        if checked is None:
            return
        email, server = checked
        self._say(self.tr("Connecting…"), problem=False)
        self.cloud.forgot_password(server, email)

    def _account_deleted(self) -> None:
        self._say(
            self.tr(
                "Your cloud account is deleted. Your flows stay on this computer, and Flowin "
                "works fully without an account."
            ),
            problem=False,
        )

    def _reset_link_sent(self) -> None:
        self._say(
            self.tr(
                "If this address has an account, we sent it a link to choose a new password. "
                "Open it within an hour, then sign in here with the new password."
            ),
            problem=False,
        )

    def send(self) -> None:
        checked = self._checked_address()
        if checked is None:
            return
        email, server = checked
        password = self.password.text()
        if len(password) < MIN_PASSWORD:
            self._show_failure(
                self.tr("The password needs at least %1 characters.").replace(
                    "%1", str(MIN_PASSWORD)
                )
            )
            return
        self._say(self.tr("Connecting…"), problem=False)
        self.submit.setEnabled(False)
        if self.tabs.currentIndex() == 1:
            self.cloud.register(server, email, password, self.name.text().strip())
        else:
            self.cloud.sign_in(server, email, password)

    def _ask_for_code(self, pending: PendingSignIn) -> None:
        self.pending = pending
        self.password.clear()
        if pending.challenge.method == "totp":
            self.code_intro.setText(
                self.tr(
                    "Type the 6-digit code your authenticator app shows, or one of your backup "
                    "codes."
                )
            )
        else:
            where = (
                self.tr("by text message")
                if pending.challenge.method == "sms"
                else self.tr("by e-mail")
            )
            self.code_intro.setText(
                self.tr(
                    "We sent you a 6-digit code %1. Type it here, or one of your backup codes."
                ).replace("%1", where)
            )
        self.message.clear()
        self.code.clear()
        self.code.setFocus()
        self.show_state()

    def send_code(self) -> None:
        if self.pending is None or not self.code.text().strip():
            return
        self._say(self.tr("Checking…"), problem=False)
        self.cloud.verify_code(self.pending, self.code.text().strip())

    def resolve(self, keep: Keep) -> None:
        item = self.conflict_list.currentItem()
        if item is None:
            return
        self.cloud.resolve(item.data(Qt.ItemDataRole.UserRole), keep)

    def _show_failure(self, text: str) -> None:
        self._say(text, problem=True)
        self.submit.setEnabled(True)
        self.show_state()

    def _say(self, text: str, problem: bool) -> None:
        self.message.setObjectName("problem" if problem else "muted")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def showEvent(self, event: Any) -> None:
        self.message.clear()
        if self.cloud.signed_in:
            self.api_keys.refresh()
            self.security.refresh()
            self.sign_ins.refresh()
        else:
            self._ask_for_providers()
        super().showEvent(event)

    def done(self, result: int) -> None:
        self.password.clear()
        self.api_keys.forget_new_key()
        self.security.forget_codes()
        super().done(result)
