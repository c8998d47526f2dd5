import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own Flowin data folder, so nothing touches the user's real one."""
    folder = tmp_path / "flowin-data"
    monkeypatch.setenv("FLOWIN_DATA_DIR", str(folder))
    return folder
