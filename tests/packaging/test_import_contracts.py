"""Who may import whom: the import-linter contracts in pyproject.toml ([tool.importlinter]).

The engine never imports the desktop app, the cloud backend or Qt (so `flowin serve` runs on a
server without them); connectors import only the kit from Flowin; the desktop app and the cloud
backend do not import each other; only the store imports its tables (flowin_engine.store._schema).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_import_contract_is_kept():
    # lint-imports, run by this interpreter whatever folder its scripts went to.
    lint_imports = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    config = str(ROOT / "pyproject.toml")
    done = subprocess.run(
        [sys.executable, "-c", lint_imports, "--config", config, "--no-cache"],
        cwd=ROOT,
        # This tree's packages, not an installed copy of them.
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout
    assert done.stdout.count(" KEPT") >= 5
