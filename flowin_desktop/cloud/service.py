"""The cloud account in the app: signing in, syncing, and the sync status in words.

Flowin works fully offline with no account. Signed in, ``CloudSync`` syncs the flows in the
background (every minute, and soon after a save) and never blocks editing: every call to the
cloud runs on a worker thread (``work.BackgroundCalls``), and the answer comes back here.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from flowin_engine.errors import FlowinError
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
    pick_up_runs,
)

from ..work import BackgroundCalls

log = logging.getLogger(__name__)

SYNC_EVERY_MS = 60_000
SYNC_AFTER_SAVE_MS = 3_000
DEFAULT_SERVER = "http://127.0.0.1:8800"  # a flowin-cloud started on this computer
BROWSER_SIGN_IN_SECONDS = 180
PROVIDERS_TIMEOUT = 5.0


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
        self.work = BackgroundCalls(self)
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
