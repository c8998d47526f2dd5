"""The cloud account dialog: sign in or create an account; signed in, the sync status, the
conflicts waiting for a choice, and the account's security, sign-ins and API keys. It is given
the ``CloudSync`` service and only asks it; the panels it holds are given the same service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.errors import NotFound
from flowin_engine.sync import (
    Conflict,
    InsecureAddress,
    Keep,
    PendingSignIn,
    SyncStatus,
    checked_server,
)

from .keys import ApiKeysPanel
from .security import SecurityPanel
from .service import CloudSync, error_text, status_sentence
from .sessions import SignInsPanel

MIN_PASSWORD = 8
PROVIDER_NAMES = {"google": "Google", "github": "GitHub"}


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
        # Events the cloud account holds for this computer (set by the window; none else).
        self.events_waiting: Callable[[], int] = lambda: 0
        self.sign_out_question: QMessageBox | None = None
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

    def sign_out(self) -> None:
        """Sign out; with events waiting for this computer, first say what becomes of them."""
        waiting = self.events_waiting()
        if not waiting:
            self.cloud.sign_out()
            return
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Sign out"),
            # The cloud keeps relayed events for its retention setting, 72 hours by default.
            self.tr(
                "%n events wait in your cloud account for this computer. They stay there for "
                "72 hours and arrive when this computer signs in again. Sign out?",
                None,
                waiting,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        question.setDefaultButton(QMessageBox.StandardButton.No)
        yes = question.button(QMessageBox.StandardButton.Yes)
        question.buttonClicked.connect(
            lambda clicked: self.cloud.sign_out() if clicked is yes else None
        )
        question.finished.connect(question.deleteLater)
        self.sign_out_question = question
        question.open()

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
        self.sign_out_button.clicked.connect(self.sign_out)
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
            name = self.cloud.store.flows.get(conflict.flow_id).name
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
