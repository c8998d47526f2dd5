"""The desktop's own files (fonts, the app icon, style-sheet pictures), shipped in the package.

They are read through importlib.resources, so a wheel, an installed copy or a frozen build finds
them where the package is, wherever that is; a file left out of a build fails
tests/packaging/test_wheel.py instead of leaving the app without its fonts or icon.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

_extracted = ExitStack()
atexit.register(_extracted.close)


def resource(name: str) -> Traversable:
    """A shipped file by its path inside this folder, e.g. ``"fonts/Inter-Regular.ttf"``."""
    return resources.files(__name__).joinpath(*name.split("/"))


def resource_path(name: str) -> Path:
    """A shipped file as a path on disk, for the Qt calls that take a file name.

    An installed package already is on disk; from a zip the file is extracted once and kept
    until the process ends.
    """
    return _extracted.enter_context(resources.as_file(resource(name)))


def font_files() -> list[Traversable]:
    return sorted(
        (item for item in resource("fonts").iterdir() if item.name.endswith(".ttf")),
        key=lambda item: item.name,
    )
