"""A data folder opened to run flows in: its database, connected accounts and settings, wired
into a runner or a runtime in this one place.

Every way a flow runs (``flowin run`` and ``flowin executions retry``, ``flowin serve``, the
desktop's test runs and its runtime, and the runs a cloud account queues for this computer)
gets its runner here, so none of them can leave a part out, such as the connected accounts its
steps sign in with.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .credentials import Connections, SecretsOnFirstUse, SecretStore
from .registry import Registry, default_registry
from .runner import Runner
from .store import Store

if TYPE_CHECKING:
    from .runtime import Runtime, RuntimeSettings
    from .sync import Account

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
        self._secrets = SecretsOnFirstUse(self.path) if secrets is None else secrets
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
        if isinstance(self._secrets, SecretsOnFirstUse):
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

    def runtime(
        self, settings: RuntimeSettings | None = None, *, account: Account | None = None
    ) -> Runtime:
        """A runtime for this folder's active flows; ``settings`` default to the saved ones.

        While ``account`` (default: this folder's, as ``account()`` gives it) is signed in, the
        runtime's relay receives the webhooks sent to the cloud's public addresses.
        """
        from .runtime import Runtime

        return Runtime(self, settings, account=account)

    def account(self, app: str | None = None) -> Account:
        """The cloud account this folder is signed in to (or not), with its tokens kept where
        this folder keeps its secrets; ``app`` names the app in the account's sign-ins."""
        from .sync import Account
        from .sync.client import CLI_APP

        return Account(self.store, self._secrets, app=app or CLI_APP)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> DataFolder:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
