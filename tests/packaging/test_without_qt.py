"""`pip install flowin` without the desktop extra: the engine, the connectors and `flowin serve`
work on a server that has no Qt, and the desktop app says how to get it instead of crashing.

Each check runs in a fresh interpreter in which PySide6 (and anything of Qt's) cannot be
imported, as on a machine where it was never installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

_WITHOUT_QT = textwrap.dedent(
    """
    import importlib.abc
    import sys

    QT = {"PySide6", "shiboken6", "qasync"}


    class NotInstalled(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in QT:
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            return None


    sys.meta_path.insert(0, NotInstalled())
    """
)


def _run_without_qt(script: str, tmp_path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _WITHOUT_QT + textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "FLOWIN_DATA_DIR": str(tmp_path / "data")},
    )


@pytest.mark.slow
def test_the_engine_connectors_and_flowin_serve_need_no_qt(tmp_path):
    done = _run_without_qt(
        """
        import pkgutil
        import sys

        import connectors
        import flowin_engine
        from flowin_engine.cli import main
        from flowin_engine.registry import default_registry

        for package in (flowin_engine, connectors):
            for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
                if not module.name.endswith("__main__"):
                    __import__(module.name)
        assert len(default_registry().node_types) > 20
        for command in (["--help"], ["serve", "--help"]):
            try:
                main(command, prog_name="flowin")
            except SystemExit as finished:
                assert finished.code == 0, finished.code
        assert not [name for name in sys.modules if name.startswith(("PySide6", "shiboken6"))]
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "Usage: flowin serve" in done.stdout


@pytest.mark.slow
def test_the_desktop_app_without_qt_says_how_to_install_it(tmp_path):
    done = _run_without_qt(
        """
        import sys

        from flowin_desktop import main

        sys.exit(main())
        """,
        tmp_path,
    )
    assert done.returncode == 1
    assert 'pip install "flowin[desktop]"' in done.stderr
    assert "Traceback" not in done.stderr
