"""Flowin's desktop app: a Qt view over the engine's flow model.

Qt comes with the ``desktop`` extra (``pip install "flowin[desktop]"``); the engine and the
``flowin`` command, ``flowin serve`` included, run without it.
"""

from __future__ import annotations

import importlib.util
import sys

QT_MISSING = (
    "The Flowin desktop app needs Qt, which is not installed here. Install it with: "
    'pip install "flowin[desktop]". The flowin command (flowin serve, flowin run) works '
    "without it.\n"
)


def main() -> int:
    """The flowin-desktop command: starts the app, or says how to get Qt when it is missing."""
    try:
        qt = importlib.util.find_spec("PySide6")
    except ModuleNotFoundError:
        qt = None
    if qt is None:
        sys.stderr.write(QT_MISSING)
        return 1
    from .app import main as start

    return start()
