"""Connected accounts ("Connections"): a label in the database, the secret in the OS keyring.

Where no OS keyring exists (a headless server, CI), secrets go to a file in the data folder
encrypted with a key kept beside it with owner-only permissions, and ``Connections.notice``
says so. Secrets never enter the database, logs, execution history or exported flows.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from pathlib import Path
from typing import Any, Protocol

from .errors import FlowinError, NotFound
from .model import new_id
from .paths import data_dir
from .store import Connection, Store

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Flowin"


class SecretStore(Protocol):
    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...
    def delete(self, key: str) -> None: ...


class KeyringSecrets:
    """The OS keyring: Keychain, Windows Credential Locker, Secret Service / KWallet."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service

    def get(self, key: str) -> str | None:
        import keyring

        return keyring.get_password(self.service, key)

    def set(self, key: str, value: str) -> None:
        import keyring

        keyring.set_password(self.service, key, value)

    def delete(self, key: str) -> None:
        import keyring
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):
            keyring.delete_password(self.service, key)


class EncryptedFileSecrets:
    """Fernet-encrypted JSON in the data folder, for machines without an OS keyring.

    A change reads the file, changes it and writes it whole, so changes are taken one at a time
    across every store on the folder, in this process and others (the app, `flowin` commands,
    a step refreshing a token): the lock file's operating-system lock, which a process that
    ends lets go of however it ends. Reads need no lock: a file is replaced whole.
    """

    def __init__(self, folder: Path | None = None) -> None:
        from filelock import FileLock

        folder = folder or data_dir()
        self.path = folder / "secrets.enc"
        self.key_path = folder / "secrets.key"
        self._lock = threading.Lock()  # the file lock is one per process, not per thread
        self._changing = FileLock(folder / "secrets.lock", thread_local=False)

    def _fernet(self) -> Any:
        from cryptography.fernet import Fernet

        if not self.key_path.exists():
            descriptor = os.open(self.key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as key_file:
                key_file.write(Fernet.generate_key())
        return Fernet(self.key_path.read_bytes())

    def _load(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        from cryptography.fernet import InvalidToken

        try:
            return json.loads(self._fernet().decrypt(self.path.read_bytes()))
        except (InvalidToken, ValueError):
            raise FlowinError(
                f"Flowin can't read its saved secrets in {self.path}; reconnect your accounts."
            ) from None

    def _save(self, secrets: dict[str, str]) -> None:
        token = self._fernet().encrypt(json.dumps(secrets).encode())
        temporary = self.path.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as secrets_file:
            secrets_file.write(token)
        os.replace(temporary, self.path)

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._load().get(key)

    def set(self, key: str, value: str) -> None:
        with self._lock, self._changing:
            secrets = self._load()
            secrets[key] = value
            self._save(secrets)

    def delete(self, key: str) -> None:
        with self._lock, self._changing:
            secrets = self._load()
            if secrets.pop(key, None) is not None:
                self._save(secrets)


def keyring_available() -> bool:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 0) > 0


def default_secrets(folder: Path | None = None) -> tuple[SecretStore, str | None]:
    """The OS keyring when there is one; else the encrypted file in the data folder ``folder``,
    with a notice saying so.

    FLOWIN_SECRETS=file chooses the file store outright (servers, tests).
    """
    if os.environ.get("FLOWIN_SECRETS") != "file" and keyring_available():
        return KeyringSecrets(), None
    store = EncryptedFileSecrets(folder)
    notice = (
        "No system keyring was found, so Flowin keeps your connection secrets encrypted in "
        f"{store.path}, readable only by your user account."
    )
    return store, notice


class SecretsOnFirstUse:
    """The system keyring (or the encrypted file in the data folder where there is none),
    looked for when a secret is first needed: looking can be slow (a second on some systems),
    and most runs, and a signed-out app's start, need none. ``folder`` is the data folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        self._lock = threading.Lock()
        self._opened: tuple[SecretStore, str | None] | None = None

    def _open(self) -> tuple[SecretStore, str | None]:
        with self._lock:
            if self._opened is None:
                self._opened = default_secrets(self._folder)
            return self._opened

    @property
    def notice(self) -> str | None:
        return self._open()[1]

    def get(self, key: str) -> str | None:
        return self._open()[0].get(key)

    def set(self, key: str, value: str) -> None:
        self._open()[0].set(key, value)

    def delete(self, key: str) -> None:
        self._open()[0].delete(key)


class Connections:
    """Add, list, read and remove connected accounts."""

    def __init__(self, store: Store, secrets: SecretStore | None = None) -> None:
        self.store = store
        if secrets is None:
            secrets, self.notice = default_secrets()
        else:
            self.notice = None
        self.secrets = secrets

    def add(
        self,
        connector: str,
        label: str,
        secret: dict[str, Any],
        details: dict[str, Any] | None = None,
    ) -> Connection:
        connection_id = new_id()
        self.secrets.set(_secret_key(connection_id), json.dumps(secret))
        return self.store.connections.add(connection_id, connector, label, details or {})

    def update_secret(self, connection_id: str, secret: dict[str, Any]) -> None:
        """Replace a connection's secret (a refreshed OAuth token, a new API key)."""
        self.get(connection_id)
        self.secrets.set(_secret_key(connection_id), json.dumps(secret))
        self.store.connections.touch(connection_id)

    def get(self, connection_id: str) -> Connection:
        connection = self.store.connections.get(connection_id)
        if connection is None:
            raise NotFound(
                f"The connection '{connection_id}' doesn't exist any more; "
                "pick an account again in the step's settings."
            )
        return connection

    def list(self, connector: str | None = None) -> list[Connection]:
        return self.store.connections.list(connector)

    def secret(self, connection_id: str) -> dict[str, Any]:
        """The secret fields of a connection, for a step that is about to call the service."""
        connection = self.get(connection_id)
        text = self.secrets.get(_secret_key(connection_id))
        if text is None:
            raise FlowinError(
                f"The secret for '{connection.label}' is missing from this computer's keyring; "
                "reconnect the account."
            )
        return json.loads(text)

    def record_test(self, connection_id: str, ok: bool) -> None:
        self.store.connections.record_test(connection_id, ok)

    def remove(self, connection_id: str) -> None:
        self.secrets.delete(_secret_key(connection_id))
        self.store.connections.remove(connection_id)


def _secret_key(connection_id: str) -> str:
    return f"connection:{connection_id}"
