"""Sign-in security of the cloud account, in the account dialog: the e-mail address's
verification, a phone for codes by text message, two-step sign-in (an authenticator app, or
codes by e-mail or text message) with its backup codes, and deleting the account. Each change asks for the account's password again, so an unlocked
computer is not enough to make it."""

from __future__ import annotations

import io

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
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

from flowin_engine.sync import AccountSecurity, AuthenticatorSetup

from .service import CloudSync

# The theme's border and padding around a text field, above and below (theme.py), and a spare
# pixel or two: the style sheet applies after this widget is made, so it can't be measured here.
FIELD_FRAME = 2 * (1 + 4) + 4


class SecurityPanel(QWidget):
    """The account's protection as it stands, with what can be done about it; new backup codes
    come in a window of their own, shown once."""

    def __init__(self, cloud: CloudSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cloud = cloud
        self.security: AccountSecurity | None = None
        # The backup codes on screen, in their own window, until it is closed.
        self.codes_window: BackupCodesDialog | None = None
        # The authenticator app being set up, until its first code turns two-step sign-in on.
        self.app_window: AuthenticatorAppDialog | None = None
        self.email_state = QLabel(self.tr("Checking…"))
        self.email_state.setWordWrap(True)
        self.send_link_button = QPushButton(self.tr("Send the link again"))
        self.send_link_button.clicked.connect(self.send_link)
        self.phone_state = QLabel()
        self.phone_state.setWordWrap(True)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("+966501234567")
        self.phone.setMaxLength(24)
        self.phone.returnPressed.connect(self.add_phone)
        self.send_code_button = QPushButton(self.tr("Text me a code"))
        self.send_code_button.clicked.connect(self.add_phone)
        self.phone_code = QLineEdit()
        self.phone_code.setPlaceholderText(self.tr("Code from the text message"))
        self.phone_code.setMaxLength(10)
        self.phone_code.returnPressed.connect(self.verify_phone)
        self.verify_phone_button = QPushButton(self.tr("Verify"))
        self.verify_phone_button.clicked.connect(self.verify_phone)
        self.two_step_state = QLabel()
        self.two_step_state.setWordWrap(True)
        self.method = QComboBox()
        self.method.addItem(self.tr("Authenticator app"), "totp")
        self.method.addItem(self.tr("Codes by e-mail"), "email")
        self.method.addItem(self.tr("Codes by text message"), "sms")
        self.method.currentIndexChanged.connect(lambda _: self._show_turn_on())
        self.turn_on_button = QPushButton(self.tr("Turn on"))
        self.turn_on_button.clicked.connect(self.turn_on)
        self.new_codes_button = QPushButton(self.tr("New backup codes"))
        self.new_codes_button.clicked.connect(self.new_codes)
        self.turn_off_button = QPushButton(self.tr("Turn off"))
        self.turn_off_button.clicked.connect(self.turn_off)
        self.set_password_button = QPushButton(self.tr("E-mail me a link to set a password"))
        self.set_password_button.clicked.connect(self.set_password)
        self.notice = QLabel()
        self.notice.setObjectName("help")
        self.notice.setWordWrap(True)
        self.delete_button = QPushButton(self.tr("Delete account…"))
        self.delete_button.setObjectName("danger")
        self.delete_button.clicked.connect(self.delete_account)

        email_row = QHBoxLayout()
        email_row.addWidget(self.email_state, 1)
        email_row.addWidget(self.send_link_button)
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone, 1)
        phone_row.addWidget(self.send_code_button)
        phone_code_row = QHBoxLayout()
        phone_code_row.addWidget(self.phone_code, 1)
        phone_code_row.addWidget(self.verify_phone_button)
        self.phone_box = QWidget()
        phone_box = QVBoxLayout(self.phone_box)
        phone_box.setContentsMargins(0, 0, 0, 0)
        phone_box.addLayout(phone_row)
        phone_box.addLayout(phone_code_row)
        two_step_row = QHBoxLayout()
        two_step_row.addStretch()
        two_step_row.addWidget(self.method)
        for button in (
            self.turn_on_button,
            self.new_codes_button,
            self.turn_off_button,
            self.set_password_button,
        ):
            two_step_row.addWidget(button)
        delete_row = QHBoxLayout()
        delete_row.addStretch()
        delete_row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(email_row)
        layout.addWidget(self.phone_state)
        layout.addWidget(self.phone_box)
        layout.addWidget(self.two_step_state)
        layout.addLayout(two_step_row)
        layout.addWidget(self.notice)
        layout.addStretch()  # the tab is as tall as the API keys' one: the space goes here
        layout.addLayout(delete_row)
        self.notice.hide()
        cloud.security_loaded.connect(self._show)
        cloud.backup_codes_given.connect(self._show_codes)
        cloud.authenticator_setup.connect(self._set_up_app)
        cloud.phone_code_sent.connect(
            lambda: self._tell(
                self.tr("A code is on its way to your phone; it works for 10 minutes.")
            )
        )
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
        """Backup codes stay on screen only until the account dialog closes, at the latest."""
        if self.codes_window is not None:
            self.codes_window.close()
        if self.app_window is not None:
            self.app_window.close()
        self.notice.hide()

    # Actions

    def send_link(self) -> None:
        self.cloud.send_verification_email()

    def add_phone(self) -> None:
        phone = self.phone.text().strip()
        if not phone:
            self.phone.setFocus()
            return
        self.cloud.add_phone(phone)

    def verify_phone(self) -> None:
        code = self.phone_code.text().strip()
        if not code:
            self.phone_code.setFocus()
            return
        self.cloud.verify_phone(code)

    def turn_on(self) -> None:
        password = self._password(self.tr("Turn on two-step sign-in"))
        if password is None:
            return
        method = self.method.currentData() or "totp"
        if method == "totp":
            self.cloud.start_authenticator_app(password)
        else:
            self.cloud.turn_on_two_factor(password, method)

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
        two_step = security.two_factor_method if known else None
        if security is None:
            self.email_state.setText(self.tr("Checking…"))
            self.two_step_state.clear()
        else:
            self.email_state.setText(
                self.tr("Your e-mail address is verified.")
                if verified
                else self.tr(
                    "Your e-mail address isn't verified yet: open the link we e-mailed you."
                )
            )
            self.two_step_state.setText(self._two_step_text(security))
        self.send_link_button.setVisible(known and not verified)
        self.turn_on_button.setVisible(with_password and two_step is None)
        self.new_codes_button.setVisible(with_password and two_step is not None)
        self.turn_off_button.setVisible(with_password and two_step is not None)
        self.set_password_button.setVisible(known and not with_password)
        self.delete_button.setVisible(with_password)
        self._show_phone(security)
        self.method.setVisible(self.turn_on_button.isVisibleTo(self))
        self._show_turn_on()

    def _show_turn_on(self) -> None:
        """Two-step sign-in needs a verified address whatever the way (the cloud refuses it
        otherwise, so that whoever registers an address first can't lock its owner out), and
        codes by text message a verified phone too."""
        security = self.security
        method = self.method.currentData()
        verified = security is not None and security.email_verified
        ready = verified and (method != "sms" or security.phone_verified)
        self.turn_on_button.setEnabled(ready)
        if ready:
            self.turn_on_button.setToolTip("")
        elif not verified and method == "totp":
            self.turn_on_button.setToolTip(
                self.tr("Verify your e-mail address first: open the link we e-mailed you.")
            )
        elif method == "sms":
            self.turn_on_button.setToolTip(
                self.tr("Add and verify a phone number first: the codes go there.")
            )
        else:
            self.turn_on_button.setToolTip(
                self.tr("Verify your e-mail address first: the codes go there.")
            )

    def _show_phone(self, security: AccountSecurity | None) -> None:
        """A phone number lets the sign-in codes come by text message; it is verified with a
        code texted to it."""
        phone = security.phone if security is not None else None
        verified = security is not None and security.phone_verified
        # Embedded left-to-right, so "+966…" keeps its plus in front inside Arabic text.
        shown = f"\u202a{phone}\u202c" if phone else ""
        if security is None:
            self.phone_state.clear()
        elif phone is None:
            self.phone_state.setText(
                self.tr("No phone number. Add one to get sign-in codes by text message.")
            )
        elif verified:
            self.phone_state.setText(self.tr("Your phone %1 is verified.").replace("%1", shown))
        else:
            self.phone_state.setText(
                self.tr("Type the code texted to %1 to verify the number.").replace("%1", shown)
            )
        self.phone_state.setVisible(security is not None)
        # Two-step sign-in by text message holds on to its number: turn it off to change it.
        changeable = security is not None and security.two_factor_method != "sms"
        waiting = phone is not None and not verified
        self.phone_box.setVisible(changeable and not verified)
        # One row at a time: the number, or the code texted to it.
        for widget in (self.phone, self.send_code_button):
            widget.setVisible(not waiting)
        for widget in (self.phone_code, self.verify_phone_button):
            widget.setVisible(waiting)
        if verified:
            self.phone_code.clear()

    def _two_step_text(self, security: AccountSecurity) -> str:
        if not security.has_password:
            return self.tr(
                "You signed up with Google or GitHub. To turn on two-step sign-in or delete the "
                "account, first set a password."
            )
        if security.two_factor_method is None:
            return self.tr("Two-step sign-in is off: your password alone signs you in.")
        if security.two_factor_method == "totp":
            return self.tr(
                "Two-step sign-in is on: your authenticator app gives the code at each sign-in. "
                "%1 backup codes left."
            ).replace("%1", str(security.backup_codes_left))
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

    def _set_up_app(self, setup: AuthenticatorSetup) -> None:
        if self.app_window is not None:
            self.app_window.close()
        self.app_window = AuthenticatorAppDialog(setup, self.cloud, self)
        self.app_window.finished.connect(self._app_closed)
        self.app_window.open()

    def _app_closed(self) -> None:
        if self.app_window is not None:
            self.app_window.deleteLater()
            self.app_window = None

    def _show_codes(self, codes: list[str]) -> None:
        if self.app_window is not None:  # its first code turned two-step sign-in on
            self.app_window.accept()
        if self.codes_window is not None:
            self.codes_window.close()
        self.codes_window = BackupCodesDialog(codes, self)
        self.codes_window.finished.connect(self._codes_closed)
        self.codes_window.open()

    def _codes_closed(self) -> None:
        if self.codes_window is not None:
            self.codes_window.deleteLater()
            self.codes_window = None

    def _tell(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()


class BackupCodesDialog(QDialog):
    """New backup codes, shown once, with Copy. A window of its own: the user has to look at it
    and close it, and the account dialog stays short enough for a laptop's screen."""

    def __init__(self, codes: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backup_codes = list(codes)
        self.setWindowTitle(self.tr("Your backup codes"))
        self.setMinimumWidth(380)
        intro = QLabel(
            self.tr(
                "Keep these backup codes somewhere safe, away from this computer. Each one signs "
                "you in once when the e-mailed code can't reach you. They are shown only now."
            )
        )
        intro.setWordWrap(True)
        self.codes = QPlainTextEdit()
        self.codes.setReadOnly(True)
        self.codes.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        pairs = [codes[index : index + 2] for index in range(0, len(codes), 2)]
        self.codes.setPlainText("\n".join("    ".join(pair) for pair in pairs))
        # All the codes at once, two to a line: a scroll bar would hide some of them.
        self.codes.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.codes.setFixedHeight(
            self.codes.fontMetrics().lineSpacing() * len(pairs)
            + int(self.codes.document().documentMargin() * 2)
            + FIELD_FRAME
        )
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(
            self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy)
        self.done_button = buttons.addButton(
            self.tr("I saved them"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.done_button.setObjectName("primary")
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.codes)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.backup_codes))
        self.copy_button.setText(self.tr("Copied"))


class AuthenticatorAppDialog(QDialog):
    """Setting up an authenticator app: its QR code, the same key as text (with Copy) for
    those who can't scan, and a field for the app's first code, which turns two-step sign-in
    on. The key is shown only in this window, once."""

    def __init__(
        self, setup: AuthenticatorSetup, cloud: CloudSync, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setup = setup
        self.cloud = cloud
        self.setWindowTitle(self.tr("Set up your authenticator app"))
        self.setMinimumWidth(420)
        scan = QLabel(
            self.tr(
                "1. Open your authenticator app (such as Google Authenticator, Microsoft "
                "Authenticator or 1Password), add an account, and scan this QR code."
            )
        )
        scan.setWordWrap(True)
        self.qr = QLabel()
        picture = qr_pixmap(setup.uri)
        self.qr.setPixmap(picture)
        # Never squeezed when a message appears below: a QR code cut at an edge does not scan.
        self.qr.setMinimumSize(picture.size())
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setAccessibleName(self.tr("QR code for your authenticator app"))
        by_hand = QLabel(self.tr("Can't scan it? Type this key into the app instead:"))
        by_hand.setWordWrap(True)
        self.key = QLabel(grouped_key(setup.secret))
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The key reads left to right in Arabic too.
        self.key.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.copy_button)
        type_code = QLabel(self.tr("2. Type the 6-digit code the app shows:"))
        type_code.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText("123456")
        self.code.setMaxLength(10)
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.code.returnPressed.connect(self.confirm)
        self.problem = QLabel()
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox()
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.turn_on_button = buttons.addButton(
            self.tr("Turn on"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.turn_on_button.setObjectName("primary")
        self.turn_on_button.clicked.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scan)
        layout.addWidget(self.qr)
        layout.addWidget(by_hand)
        layout.addLayout(key_row)
        layout.addWidget(type_code)
        layout.addWidget(self.code)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        cloud.authenticator_code_wrong.connect(self._wrong_code)
        cloud.failed.connect(self._failed)
        self.code.setFocus()

    def confirm(self) -> None:
        code = self.code.text().strip()
        if not code:
            self.code.setFocus()
            return
        self.problem.hide()
        self.turn_on_button.setEnabled(False)
        self.cloud.confirm_authenticator_app(code)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.setup.secret)
        self.copy_button.setText(self.tr("Copied"))

    def _wrong_code(self) -> None:
        self._say(
            self.tr(
                "That code isn't right. Type the code the app shows now; if it keeps failing, "
                "check that the phone sets its clock automatically."
            )
        )

    def _failed(self, text: str) -> None:
        if self.isVisible():
            self._say(text)

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        if not self.problem.isVisible():
            self.problem.show()
            # Taller by the message, rather than squeezing the QR code (cut, it won't scan).
            self.layout().activate()
            self.resize(self.width(), self.heightForWidth(self.width()))
        self.turn_on_button.setEnabled(True)
        self.code.selectAll()
        self.code.setFocus()


def qr_pixmap(text: str, size: int = 220) -> QPixmap:
    """``text`` as a QR code about ``size`` pixels wide, each module a whole number of pixels
    (scaled smoothly, a code blurs and may not scan)."""
    import segno  # loaded when a code is drawn: the app's idle memory needs none of it

    code = segno.make(text, error="m")
    modules = code.symbol_size(scale=1, border=4)[0]
    png = io.BytesIO()
    code.save(png, kind="png", scale=max(2, size // modules), border=4)
    pixmap = QPixmap()
    pixmap.loadFromData(png.getvalue(), "PNG")
    return pixmap


def grouped_key(secret: str) -> str:
    """The key in groups of four, easier to copy by eye; the apps ignore the spaces."""
    return " ".join(secret[at : at + 4] for at in range(0, len(secret), 4))
