"""Where Flowin keeps its files: the user's data folder, or FLOWIN_DATA_DIR when set."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir


def data_dir() -> Path:
    configured = os.environ.get("FLOWIN_DATA_DIR")
    path = Path(configured) if configured else Path(user_data_dir("Flowin", "Flowin"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def imported_connectors_dir() -> Path:
    """Where connectors made from API descriptions are kept (not made until one is)."""
    configured = os.environ.get("FLOWIN_DATA_DIR")
    root = Path(configured) if configured else Path(user_data_dir("Flowin", "Flowin"))
    return root / "connectors"


def database_path() -> Path:
    return data_dir() / "flowin.db"
