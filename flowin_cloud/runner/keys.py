"""The master key that wraps connected accounts' data keys, from the settings or a file."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url

from ..config import ConfigurationError, Settings
from .vault import LocalMasterKey, MasterKey


def master_key(settings: Settings) -> MasterKey:
    """FLOWIN_CLOUD_MASTER_KEY; without it, one kept in the data folder (made on first use),
    which serves a cloud whose web server and workers share one machine."""
    if settings.master_key is not None:
        try:
            return LocalMasterKey.from_text(settings.master_key.get_secret_value())
        except ValueError as problem:
            raise ConfigurationError(
                f"FLOWIN_CLOUD_MASTER_KEY is not usable: {problem} A new one: python -c "
                '"import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())"'
            ) from None
    return LocalMasterKey.from_text(_kept_key(_folder(settings) / "master-key"))


def _folder(settings: Settings) -> Path:
    parsed = make_url(settings.resolved_database_url())
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(parsed.database).parent
    return settings.data_dir


def _kept_key(path: Path) -> str:
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it at the same moment
        return path.read_text().strip()
    key = LocalMasterKey.generate_text()
    with os.fdopen(descriptor, "w") as file:
        file.write(key)
    return key
