from collections.abc import Iterator

import pytest

from flowin_engine.credentials import Connections
from flowin_engine.store import Store


@pytest.fixture
def connections(tmp_path, monkeypatch) -> Iterator[Connections]:
    """Connected accounts in a fresh database, their secrets in the encrypted file store."""
    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    with Store(tmp_path / "f.db") as store:
        yield Connections(store)
