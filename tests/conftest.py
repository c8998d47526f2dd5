from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from flowin_engine.data_folder import DataFolder

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own Flowin data folder, so nothing touches the user's real one."""
    folder = tmp_path / "flowin-data"
    monkeypatch.setenv("FLOWIN_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def data_folder(_isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[DataFolder]:
    """The test's data folder opened as every way in opens it: its database, its connected
    accounts (kept in an encrypted file there, never in the keyring of the machine running the
    tests) and the connectors; ``runner()`` and ``runtime()`` are wired to all of them."""
    from flowin_engine.data_folder import DataFolder

    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    with DataFolder.open(_isolated_data_dir) as folder:
        yield folder
