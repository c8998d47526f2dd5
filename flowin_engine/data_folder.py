"""A data folder opened to run flows in: its database, connected accounts and settings, wired
into a runner or a runtime in this one place.

Every way a flow runs (``flowin run`` and ``flowin executions retry``, ``flowin serve``, the
desktop's test runs and its runtime, and the runs a cloud account queues for this computer)
gets its runner here, so none of them can leave a part out, such as the connected accounts its
steps sign in with.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from .credentials import Connections, SecretStore, default_secrets
from .registry import Registry, default_registry
from .runner import Runner
from .store import Store

if TYPE_CHECKING:
    from .runtime import Runtime, RuntimeSettings

WEBHOOK_PORT_SETTING = "webhook_port"
# The address the internet reaches this computer's webhooks at (a tunnel's), when one is set.
WEBHOOK_PUBLIC_URL_SETTING = "webhook_public_url"
DEFAULT_WEBHOOK_PORT = 5678


class DataFolder:
    """Flowin's data folder, opened: its database (``store``), the connected accounts stored
    with it (``connections``) and the connectors that can run (``registry``).

    ``runner()`` and ``runtime()`` give a runner or a runtime wired to all of them.
    """

    def __init__(
        self,
        store: Store,
        *,
        registry: Registry | None = None,
        secrets: SecretStore | None = None,
    ) -> None:
        self.store = store
        self.path = store.path.parent
        self._registry = registry
        self._secrets = _SecretsOnFirstUse(self.path) if secrets is None else secrets
        self.connections = Connections(store, self._secrets)

    @classmethod
    def open(cls, path: Path | None = None, *, registry: Registry | None = None) -> DataFolder:
        """The data folder at ``path`` (default: the user's, or FLOWIN_DATA_DIR)."""
        return cls(Store(path / "flowin.db" if path is not None else None), registry=registry)

    @property
    def registry(self) -> Registry:
        # Loading the connectors takes a moment a command that only lists accounts can skip.
        return default_registry() if self._registry is None else self._registry

    @property
    def secrets_notice(self) -> str | None:
        """Where secrets are kept, when that is not the system keyring (none was found)."""
        if isinstance(self._secrets, _SecretsOnFirstUse):
            return self._secrets.notice
        return None

    def runner(self, *, workers: int = 8) -> Runner:
        """A runner that records its runs in this folder's history and gives steps its
        connected accounts."""
        return Runner(
            self.registry,
            workers=workers,
            history=self.store.executions,
            connections=self.connections,
        )

    def settings(self) -> RuntimeSettings:
        """The runtime's settings as saved in this folder (the desktop's, say)."""
        from .runtime import RuntimeSettings

        return RuntimeSettings(
            port=int(self.store.get_setting(WEBHOOK_PORT_SETTING, DEFAULT_WEBHOOK_PORT)),
            public_url=self.store.get_setting(WEBHOOK_PUBLIC_URL_SETTING) or None,
        )

    def runtime(self, settings: RuntimeSettings | None = None) -> Runtime:
        """A runtime for this folder's active flows; ``settings`` default to the saved ones."""
        from .runtime import Runtime

        return Runtime(self, settings)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> DataFolder:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class _SecretsOnFirstUse:
    """The system keyring (or the encrypted file in the data folder where there is none),
    looked for when a secret is first needed: looking can be slow, and most runs need none."""

    def __init__(self, folder: Path) -> None:
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
