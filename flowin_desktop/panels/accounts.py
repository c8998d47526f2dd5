"""Account pickers: a step's connection param, and the dialog that connects a new account.

The dialog is built from the connector's credential model; the secret it collects goes only to
``Connections.add`` (the keyring), never into the flow.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.credentials import Connections
from flowin_engine.registry import Connector

from ..i18n import connector_name, field_text, stored_error_text
from ..work import BackgroundCalls
from .fields import UNSET, Commit, FieldEditor, widget_hint

log = logging.getLogger(__name__)
CONNECT = "__connect__"


def _tr(text: str) -> str:
    return QCoreApplication.translate("AccountPicker", text)


class AccountPicker(FieldEditor):
    """Choose one of the connector's connections, or connect a new account."""

    def __init__(
        self, connector: Connector, connections: Callable[[], Connections], commit: Commit
    ) -> None:
        super().__init__(commit)
        self.connector = connector
        self.connections = connections
        self.dialog: ConnectAccountDialog | None = None
        self.widget = QComboBox()
        self.widget.activated.connect(self._chosen)
        self._value: Any = None
        self.reload()

    def reload(self) -> None:
        self._loading = True
        self.widget.clear()
        self.widget.addItem(_tr("Choose an account"), None)
        for connection in self.connections().list(self.connector.id):
            self.widget.addItem(connection.label, connection.id)
        if self.connector.credential_model is not None:
            self.widget.addItem(_tr("Connect an account…"), CONNECT)
        self.widget.setCurrentIndex(max(self.widget.findData(self._value), 0))
        self._loading = False

    def _show(self, value: Any) -> None:
        self._value = None if value is UNSET else value
        if self._value is not None and self.widget.findData(self._value) < 0:
            self.reload()  # connected since the list was filled
        self.widget.setCurrentIndex(max(self.widget.findData(self._value), 0))

    def _chosen(self, index: int) -> None:
        data = self.widget.itemData(index)
        if data == CONNECT:
            self.widget.setCurrentIndex(max(self.widget.findData(self._value), 0))
            self.connect_account()
            return
        self._value = data
        self._changed(data)

    def connect_account(self) -> ConnectAccountDialog:
        """Open the dialog (without blocking); a saved account becomes this step's choice."""
        # The window, not the picker, owns the dialog: the properties panel may rebuild its
        # editors (new validation problems) while the user is still typing in it.
        self.dialog = ConnectAccountDialog(self.connector, self.connections(), self.widget.window())
        self.dialog.accepted.connect(lambda: self._connected(self.dialog))
        self.dialog.open()
        return self.dialog

    def _connected(self, dialog: ConnectAccountDialog | None) -> None:
        if dialog is None or dialog.connection_id is None:
            return
        self._value = dialog.connection_id
        if shiboken6.isValid(self.widget):
            self.reload()
        self._changed(dialog.connection_id)


class ConnectAccountDialog(QDialog):
    """A form for the connector's credential model, with a name, a Test connection button and,
    for OAuth2 services, a browser sign-in."""

    call_finished = Signal()  # a test call or sign-in came back

    def __init__(
        self, connector: Connector, connections: Connections, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.connector = connector
        self.connections = connections
        self.connection_id: str | None = None
        self.tested: bool | None = None  # the last Test connection's outcome, kept with it
        self.model: type[BaseModel] = connector.credential_model  # type: ignore[assignment]
        self.setWindowTitle(self.tr("Connect %1").replace("%1", connector_name(connector)))
        self.setMinimumWidth(440)
        self.label = QLineEdit(connector.name)
        self.fields: dict[str, QLineEdit] = {}
        self._hidden: dict[str, Any] = {}  # fields no one types (tokens a sign-in brings back)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.label)
        for key, info in self.model.model_fields.items():
            if widget_hint(info) == "hidden":
                continue
            edit = QLineEdit()
            if widget_hint(info) == "password":
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            default = None if info.is_required() else info.get_default(call_default_factory=True)
            if isinstance(default, str | int | float) and not isinstance(default, bool):
                edit.setText(str(default))
            if info.description:
                edit.setPlaceholderText(field_text(info.description))
                edit.setToolTip(field_text(info.description))
            title = field_text(info.title or key)
            form.addRow(title + (" *" if info.is_required() else ""), edit)
            self.fields[key] = edit
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setObjectName("help")
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setEnabled(connector.test_function is not None)
        self.test_button.clicked.connect(self.test_connection)
        self.sign_in_button = QPushButton(self.tr("Sign in in the browser"))
        self.sign_in_button.setVisible(connector.sign_in_function is not None)
        self.sign_in_button.clicked.connect(self.sign_in)
        # Replaced in tests by a function that plays the user signing in.
        self.open_browser: Callable[[str], Any] = lambda url: QDesktopServices.openUrl(QUrl(url))
        self._calls = BackgroundCalls(self)
        self._calls.finished.connect(self._call_finished)
        self._on_finished: Callable[[Any, Exception | None], None] | None = None
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save account"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        row = QHBoxLayout()
        row.addWidget(self.sign_in_button)
        row.addWidget(self.test_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The secret stays on this computer, in its keyring."))
        note.setObjectName("help")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)

    def secret(self) -> BaseModel:
        typed = {k: e.text() for k, e in self.fields.items() if e.text() != ""}
        return self.model.model_validate({**self._hidden, **typed})

    def _problem(self, error: Exception) -> str:
        if isinstance(error, ValidationError):
            first = error.errors()[0]
            key = str(first["loc"][0]) if first["loc"] else ""
            info = self.model.model_fields.get(key)
            title = field_text(info.title) if info and info.title else key
            return self.tr("%1: %2").replace("%1", title).replace("%2", first["msg"])
        # A service's refusal as its connector words it, in the user's language when translated.
        return stored_error_text(str(error))

    def _typed_secret(self) -> BaseModel | None:
        """What is typed, as the credential model; None (and the reason shown) when it isn't."""
        try:
            return self.secret()
        except ValidationError as error:
            self._show_result(False, self._problem(error))
            return None

    def test_connection(self) -> None:
        """Make the connector's cheap authenticated call with what is typed, off the GUI thread."""
        secret = self._typed_secret()
        if secret is None:
            return
        test = self.connector.test_function
        assert test is not None
        self._start(lambda: test(secret), self._tested, self.tr("Testing…"))

    def _tested(self, answer: Any, error: Exception | None) -> None:
        self.tested = error is None
        self._show_result(
            self.tested, stored_error_text(str(answer)) if error is None else self._problem(error)
        )

    def sign_in(self) -> None:
        """Sign in in the browser (OAuth2); the tokens it brings back fill the form."""
        secret = self._typed_secret()
        if secret is None:
            return
        sign_in = self.connector.sign_in_function
        assert sign_in is not None
        browser = self.open_browser
        self._start(
            lambda: sign_in(secret, browser),
            self._signed_in,
            self.tr("Finish signing in in your browser…"),
        )

    def _signed_in(self, secret: Any, error: Exception | None) -> None:
        if error is not None:
            self._show_result(False, self._problem(error))
            return
        for key, edit in self.fields.items():
            value = getattr(secret, key, None)
            if isinstance(value, str | int | float) and not isinstance(value, bool):
                edit.setText(str(value))
        self._hidden.update({k: v for k, v in secret.model_dump().items() if k not in self.fields})
        self._show_result(True, self.tr("Signed in."))

    def _start(
        self,
        work: Callable[[], Any],
        on_finished: Callable[[Any, Exception | None], None],
        waiting: str,
    ) -> None:
        if self._calls.busy:
            return
        self._on_finished = on_finished
        for button in (self.test_button, self.sign_in_button, self.save_button):
            button.setEnabled(False)
        self.result_label.setText(waiting)
        self._calls.start(work)

    def _call_finished(self, _ticket: int, result: Any, error: Exception | None) -> None:
        self.test_button.setEnabled(self.connector.test_function is not None)
        self.sign_in_button.setEnabled(True)
        self.save_button.setEnabled(True)
        if self._on_finished is not None:
            self._on_finished(result, error)
        self.call_finished.emit()

    def _show_result(self, ok: bool, text: str) -> None:
        self.result_label.setText(("✓ " if ok else "✕ ") + text)

    def save(self) -> None:
        try:
            secret = self.secret()
        except ValidationError as error:
            self.result_label.setText("✕ " + self._problem(error))
            return
        label = self.label.text().strip() or self.connector.name
        connection = self.connections.add(self.connector.id, label, secret.model_dump())
        self.connection_id = connection.id
        if self.tested is not None:
            self.connections.record_test(connection.id, self.tested)
        self.accept()
