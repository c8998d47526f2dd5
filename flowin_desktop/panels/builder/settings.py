"""Where the AI builder's model is: an OpenAI-compatible server's address and model name in the
store's settings, its key in the keyring; none set up means the builder works offline."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from flowin_engine.credentials import SecretStore
from flowin_engine.store import Store

if TYPE_CHECKING:
    from flowin_engine.builder import ModelSettings

SETTINGS_KEY = "ai_builder"  # {"base_url": ..., "model": ...} in the store's settings
API_KEY_SECRET = "ai-builder:api-key"  # in the keyring, beside the connections' secrets


def chosen_model(store: Store) -> dict[str, Any]:
    """The store's ``ai_builder`` setting: the server address and model the user typed."""
    return store.get_setting(SETTINGS_KEY, {}) or {}


def model_settings(chosen: dict[str, Any], secrets: SecretStore | None) -> ModelSettings | None:
    """The model the user set up (the store's ``ai_builder`` setting), or None: build offline."""
    from flowin_engine.builder import ModelSettings  # with the builder, when it is asked

    base_url, model = chosen.get("base_url") or None, chosen.get("model") or None
    if not base_url and not model:
        return None
    key = secrets.get(API_KEY_SECRET) if secrets is not None else None
    return ModelSettings(
        base_url=base_url, model=model or ModelSettings().model, api_key=key or "none"
    )


class ModelSettingsDialog(QDialog):
    """Where the AI model is: an OpenAI-compatible server address and model, and its key."""

    def __init__(self, store: Store, secrets: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.secrets = store, secrets
        chosen = chosen_model(store)
        self.setWindowTitle(self.tr("AI model"))
        self.base_url = QLineEdit(chosen.get("base_url") or "")
        self.base_url.setPlaceholderText("http://127.0.0.1:11434/v1")
        self.model = QLineEdit(chosen.get("model") or "")
        self.model.setPlaceholderText("llama3.2")
        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        has_key = bool(secrets.get(API_KEY_SECRET))
        self.api_key.setPlaceholderText(
            self.tr("Kept in your keyring") if has_key else self.tr("Not needed for Ollama")
        )
        help_text = QLabel(
            self.tr(
                "Any OpenAI-compatible server: OpenAI, Ollama, llama.cpp. Leave the address and "
                "the model empty to build on this computer without a model."
            )
        )
        help_text.setObjectName("help")
        help_text.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.base_url)
        form.addRow(self.tr("Model"), self.model)
        form.addRow(self.tr("API key"), self.api_key)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        self.store.set_setting(
            SETTINGS_KEY,
            {"base_url": self.base_url.text().strip(), "model": self.model.text().strip()},
        )
        key = self.api_key.text().strip()
        if key:
            self.secrets.set(API_KEY_SECRET, key)
        elif not self.base_url.text().strip() and not self.model.text().strip():
            self.secrets.delete(API_KEY_SECRET)
        super().accept()
