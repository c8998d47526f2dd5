"""API keys of the cloud account, in the account dialog: other programs (Zapier, a script, a
web shop) call the cloud's API with one to read flows and queue runs for this computer."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.sync import ApiKey

from .service import CloudSync


class ApiKeysPanel(QWidget):
    """The account's keys (masked), a new key's name and Create, Switch off/on and Delete; a
    new key is shown whole once, with Copy."""

    def __init__(self, cloud: CloudSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cloud = cloud
        self.keys: list[ApiKey] = []
        help_text = QLabel(
            self.tr(
                "Other programs can read your flows and start their runs on this computer "
                "through the cloud's API, with a key."
            )
        )
        help_text.setObjectName("help")
        help_text.setWordWrap(True)
        self.key_list = QListWidget()
        self.key_list.setWordWrap(True)
        self.key_list.setMaximumHeight(120)
        self.key_list.currentRowChanged.connect(lambda _: self._update_buttons())
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name of a new key, e.g. My shop"))
        self.name.setMaxLength(100)
        self.name.returnPressed.connect(self.create)
        self.create_button = QPushButton(self.tr("Create key"))
        self.create_button.clicked.connect(self.create)
        self.switch_button = QPushButton(self.tr("Switch off"))
        self.switch_button.clicked.connect(self.switch)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete)
        self.new_key = QLineEdit()
        self.new_key.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy)
        self.new_key_note = QLabel(
            self.tr("Copy this key now: it is shown only once. Send it as: Authorization: Bearer")
        )
        self.new_key_note.setObjectName("help")
        self.new_key_note.setWordWrap(True)
        new_row = QHBoxLayout()
        new_row.addWidget(self.name, 1)
        new_row.addWidget(self.create_button)
        key_actions = QHBoxLayout()
        key_actions.addStretch()
        key_actions.addWidget(self.switch_button)
        key_actions.addWidget(self.delete_button)
        shown_once = QHBoxLayout()
        shown_once.addWidget(self.new_key, 1)
        shown_once.addWidget(self.copy_button)
        self.shown_once = QWidget()
        once = QVBoxLayout(self.shown_once)
        once.setContentsMargins(0, 0, 0, 0)
        once.addLayout(shown_once)
        once.addWidget(self.new_key_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(help_text)
        layout.addWidget(self.key_list)
        layout.addLayout(key_actions)
        layout.addLayout(new_row)
        layout.addWidget(self.shown_once)
        self.shown_once.hide()
        cloud.api_keys_loaded.connect(self._show_keys)
        cloud.api_key_created.connect(self._show_new_key)
        cloud.failed.connect(lambda _: self.create_button.setEnabled(True))
        self._update_buttons()

    def refresh(self) -> None:
        self.cloud.load_api_keys()

    def forget_new_key(self) -> None:
        """The whole key stays on screen only until the dialog closes."""
        self.new_key.clear()
        self.shown_once.hide()

    # Actions

    def create(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.name.setFocus()
            return
        self.create_button.setEnabled(False)
        self.cloud.create_api_key(name)

    def switch(self) -> None:
        key = self.current()
        if key is not None:
            self.cloud.toggle_api_key(key.id)

    def delete(self) -> None:
        key = self.current()
        if key is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete API key"),
            self.tr("Delete the key %1? Programs using it stop working at once.").replace(
                "%1", key.name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.cloud.delete_api_key(key.id)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.new_key.text())
        self.copy_button.setText(self.tr("Copied"))

    def current(self) -> ApiKey | None:
        row = self.key_list.currentRow()
        return self.keys[row] if 0 <= row < len(self.keys) else None

    # Answers

    def _show_keys(self, keys: list[ApiKey]) -> None:
        chosen = self.current()
        self.keys = list(keys)
        self.key_list.clear()
        for key in self.keys:
            self.key_list.addItem(QListWidgetItem(self._key_text(key)))
        if chosen is not None:
            rows = [n for n, key in enumerate(self.keys) if key.id == chosen.id]
            self.key_list.setCurrentRow(rows[0] if rows else -1)
        if not self.keys:
            empty = QListWidgetItem(self.tr("No keys yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.key_list.addItem(empty)
        self.create_button.setEnabled(True)
        self._update_buttons()

    def _show_new_key(self, key: ApiKey) -> None:
        self.name.clear()
        self.new_key.setText(key.key)
        self.copy_button.setText(self.tr("Copy"))
        self.shown_once.show()

    def _key_text(self, key: ApiKey) -> str:
        state = self.tr("on") if key.active else self.tr("off")
        used = (
            self.tr("last used %1").replace("%1", _day(key.last_used_at))
            if key.last_used_at is not None
            else self.tr("never used")
        )
        text = f"{key.name} — {key.key} — {state} — {used}"
        if key.expires_at is not None:
            text += " — " + self.tr("expires %1").replace("%1", _day(key.expires_at))
        return text

    def _update_buttons(self) -> None:
        key = self.current()
        self.switch_button.setEnabled(key is not None)
        self.delete_button.setEnabled(key is not None)
        if key is not None:
            self.switch_button.setText(
                self.tr("Switch off") if key.active else self.tr("Switch on")
            )


def _day(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
