"""Sign-in security of the cloud account, in the account dialog: the e-mail address's
verification, two-step sign-in with its backup codes, and deleting the account. Each change
asks for the account's password again, so an unlocked computer is not enough to make it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.sync import AccountSecurity

if TYPE_CHECKING:
    from .cloud import CloudSync

BACKUP_CODES_SHOWN = 10  # as many as the cloud gives
# The theme's border and padding around a text field, above and below (theme.py), and a spare
# pixel or two: the style sheet applies after this widget is made, so it can't be measured here.
FIELD_FRAME = 2 * (1 + 4) + 4


class SecurityPanel(QWidget):
    """The account's protection as it stands, with what can be done about it; backup codes are
    shown once, with Copy, until the dialog closes."""

    def __init__(self, cloud: CloudSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cloud = cloud
        self.security: AccountSecurity | None = None
        self.backup_codes: list[str] = []
        self.email_state = QLabel(self.tr("Checking…"))
        self.email_state.setWordWrap(True)
        self.send_link_button = QPushButton(self.tr("Send the link again"))
        self.send_link_button.clicked.connect(self.send_link)
        self.two_step_state = QLabel()
        self.two_step_state.setWordWrap(True)
        self.turn_on_button = QPushButton(self.tr("Turn on"))
        self.turn_on_button.clicked.connect(self.turn_on)
        self.new_codes_button = QPushButton(self.tr("New backup codes"))
        self.new_codes_button.clicked.connect(self.new_codes)
        self.turn_off_button = QPushButton(self.tr("Turn off"))
        self.turn_off_button.clicked.connect(self.turn_off)
        self.set_password_button = QPushButton(self.tr("E-mail me a link to set a password"))
        self.set_password_button.clicked.connect(self.set_password)
        self.codes = QPlainTextEdit()
        self.codes.setReadOnly(True)
        self.codes.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # All ten codes at once, two to a line: a scroll bar would hide some of them.
        self.codes.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.codes.setFixedHeight(
            self.codes.fontMetrics().lineSpacing() * (BACKUP_CODES_SHOWN // 2)
            + int(self.codes.document().documentMargin() * 2)
            + FIELD_FRAME
        )
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy)
        codes_note = QLabel(
            self.tr(
                "Keep these backup codes somewhere safe, away from this computer. Each one signs "
                "you in once when the e-mailed code can't reach you. They are shown only now."
            )
        )
        codes_note.setObjectName("help")
        codes_note.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("help")
        self.notice.setWordWrap(True)
        self.delete_button = QPushButton(self.tr("Delete account…"))
        self.delete_button.setObjectName("danger")
        self.delete_button.clicked.connect(self.delete_account)

        email_row = QHBoxLayout()
        email_row.addWidget(self.email_state, 1)
        email_row.addWidget(self.send_link_button)
        two_step_row = QHBoxLayout()
        two_step_row.addStretch()
        for button in (
            self.turn_on_button,
            self.new_codes_button,
            self.turn_off_button,
            self.set_password_button,
        ):
            two_step_row.addWidget(button)
        codes_row = QHBoxLayout()
        codes_row.addWidget(self.codes, 1)
        codes_row.addWidget(self.copy_button)
        self.shown_once = QWidget()
        once = QVBoxLayout(self.shown_once)
        once.setContentsMargins(0, 0, 0, 0)
        once.addLayout(codes_row)
        once.addWidget(codes_note)
        delete_row = QHBoxLayout()
        delete_row.addStretch()
        delete_row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(email_row)
        layout.addWidget(self.two_step_state)
        layout.addLayout(two_step_row)
        layout.addWidget(self.shown_once)
        layout.addWidget(self.notice)
        layout.addStretch()  # the tab is as tall as the API keys' one: the space goes here
        layout.addLayout(delete_row)
        self.shown_once.hide()
        self.notice.hide()
        cloud.security_loaded.connect(self._show)
        cloud.backup_codes_given.connect(self._show_codes)
        cloud.verification_sent.connect(
            lambda: self._tell(
                self.tr("A new link is on its way. Open it within 24 hours to verify the address.")
            )
        )
        cloud.password_link_sent.connect(
            lambda: self._tell(
                self.tr(
                    "A link to set a password is on its way to your e-mail. Open it within an "
                    "hour; then these settings ask for that password."
                )
            )
        )
        self._show(None)

    def refresh(self) -> None:
        self._show(None)  # not the previous account's state while the cloud answers
        self.cloud.load_security()

    def forget_codes(self) -> None:
        """Backup codes stay on screen only until the dialog closes."""
        self.backup_codes = []
        self.codes.clear()
        self.shown_once.hide()
        self.notice.hide()

    # Actions

    def send_link(self) -> None:
        self.cloud.send_verification_email()

    def turn_on(self) -> None:
        password = self._password(self.tr("Turn on two-step sign-in"))
        if password is not None:
            self.cloud.turn_on_two_factor(password)

    def new_codes(self) -> None:
        password = self._password(self.tr("New backup codes"))
        if password is not None:
            self.cloud.new_backup_codes(password)

    def turn_off(self) -> None:
        password = self._password(self.tr("Turn off two-step sign-in"))
        if password is not None:
            self.cloud.turn_off_two_factor(password)

    def set_password(self) -> None:
        self.cloud.send_password_link()

    def delete_account(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete account"),
            self.tr(
                "Delete your cloud account? Your flows, runs and API keys in the cloud are "
                "deleted for good, and this computer signs out. The flows on this computer stay."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        password = self._password(self.tr("Delete account"))
        if password is not None:
            self.cloud.delete_account(password)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.backup_codes))
        self.copy_button.setText(self.tr("Copied"))

    def _password(self, title: str) -> str | None:
        password, given = QInputDialog.getText(
            self,
            title,
            self.tr("Your account's password, to confirm it's you:"),
            QLineEdit.EchoMode.Password,
        )
        return password if given and password else None

    # Answers

    def _show(self, security: AccountSecurity | None) -> None:
        self.security = security
        known = security is not None
        verified = known and security.email_verified
        with_password = known and security.has_password
        two_step = security.two_factor_method if security is not None else None
        if security is None:
            self.email_state.setText(self.tr("Checking…"))
            self.two_step_state.clear()
        elif verified:
            self.email_state.setText(self.tr("Your e-mail address is verified."))
        else:
            self.email_state.setText(
                self.tr("Your e-mail address isn't verified yet: open the link we e-mailed you.")
            )
        if security is not None:
            self.two_step_state.setText(self._two_step_text(security))
        self.send_link_button.setVisible(known and not verified)
        self.turn_on_button.setVisible(with_password and two_step is None)
        self.turn_on_button.setEnabled(verified)
        self.turn_on_button.setToolTip(
            "" if verified else self.tr("Verify your e-mail address first: the codes go there.")
        )
        self.new_codes_button.setVisible(with_password and two_step is not None)
        self.turn_off_button.setVisible(with_password and two_step is not None)
        self.set_password_button.setVisible(known and not with_password)
        self.delete_button.setVisible(with_password)

    def _two_step_text(self, security: AccountSecurity) -> str:
        if not security.has_password:
            return self.tr(
                "You signed up with Google or GitHub. To turn on two-step sign-in or delete the "
                "account, first set a password."
            )
        if security.two_factor_method is None:
            return self.tr("Two-step sign-in is off: your password alone signs you in.")
        by = (
            self.tr("by text message")
            if security.two_factor_method == "sms"
            else self.tr("by e-mail")
        )
        return (
            self.tr(
                "Two-step sign-in is on: a code comes %1 at each sign-in. %2 backup codes left."
            )
            .replace("%1", by)
            .replace("%2", str(security.backup_codes_left))
        )

    def _show_codes(self, codes: list[str]) -> None:
        self.backup_codes = list(codes)
        pairs = [codes[index : index + 2] for index in range(0, len(codes), 2)]
        self.codes.setPlainText("\n".join("    ".join(pair) for pair in pairs))
        self.copy_button.setText(self.tr("Copy"))
        self.shown_once.show()

    def _tell(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
