"""Account pickers: a step's connection param, and the dialog that connects a new account.

The dialog is built from the connector's credential model; the secret it collects goes only to
``Connections.add`` (the keyring), never into the flow.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QCoreApplication
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
        self.dialog = ConnectAccountDialog(self.connector, self.connections(), self.widget)
        self.dialog.accepted.connect(lambda: self._connected(self.dialog))
        self.dialog.open()
        return self.dialog

    def _connected(self, dialog: ConnectAccountDialog | None) -> None:
        if dialog is None or dialog.connection_id is None:
            return
        self._value = dialog.connection_id
        self.reload()
        self._changed(dialog.connection_id)


class ConnectAccountDialog(QDialog):
    """A form for the connector's credential model, with a name and a Test connection button."""

    def __init__(
        self, connector: Connector, connections: Connections, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.connector = connector
        self.connections = connections
        self.connection_id: str | None = None
        self.tested: bool | None = None  # the last Test connection's outcome, kept with it
        self.model: type[BaseModel] = connector.credential_model  # type: ignore[assignment]
        self.setWindowTitle(
            self.tr("Connect %1").replace("%1", QCoreApplication.translate("", connector.name))
        )
        self.setMinimumWidth(440)
        self.label = QLineEdit(connector.name)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.label)
        for key, info in self.model.model_fields.items():
            edit = QLineEdit()
            if widget_hint(info) == "password":
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            default = None if info.is_required() else info.get_default(call_default_factory=True)
            if isinstance(default, str | int | float) and not isinstance(default, bool):
                edit.setText(str(default))
            if info.description:
                edit.setPlaceholderText(info.description)
                edit.setToolTip(info.description)
            title = QCoreApplication.translate("NodeFields", info.title or key)
            form.addRow(title + (" *" if info.is_required() else ""), edit)
            self.fields[key] = edit
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setObjectName("help")
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setEnabled(connector.test_function is not None)
        self.test_button.clicked.connect(self.test_connection)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save account"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        row = QHBoxLayout()
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
        values = {k: e.text() for k, e in self.fields.items() if e.text() != ""}
        return self.model.model_validate(values)

    def _problem(self, error: Exception) -> str:
        if isinstance(error, ValidationError):
            first = error.errors()[0]
            key = str(first["loc"][0]) if first["loc"] else ""
            info = self.model.model_fields.get(key)
            title = info.title if info and info.title else key
            return self.tr("%1: %2").replace("%1", title).replace("%2", first["msg"])
        return str(error)

    def test_connection(self) -> bool:
        """Make the connector's cheap authenticated call with what is typed; show the answer."""
        try:
            answer = self.connector.test_function(self.secret())  # type: ignore[misc]
        except Exception as error:
            log.info("Testing a %s account failed", self.connector.id, exc_info=True)
            self.result_label.setText("✕ " + self._problem(error))
            self.tested = False
            return False
        self.result_label.setText("✓ " + str(answer))
        self.tested = True
        return True

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
