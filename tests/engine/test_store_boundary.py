"""The store owns its schema: only ``flowin_engine/store`` knows the tables; every other module
asks one of the store's repositories."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parents[2]
PACKAGES = ("flowin_engine", "flowin_desktop", "flowin_cloud", "connectors")
STORE = ROOT / "flowin_engine" / "store"
PRIVATE_SCHEMA = "flowin_engine.store._schema"


def imported_modules(source: str, path: Path) -> set[str]:
    """The absolute names of what ``source``, the file at ``path``, imports (relative imports
    resolved, and ``from package import name`` counted as ``package.name`` too)."""
    package = list(path.relative_to(ROOT).parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def imports_the_tables(source: str, path: Path) -> bool:
    return any(
        name == PRIVATE_SCHEMA or name.startswith(PRIVATE_SCHEMA + ".")
        for name in imported_modules(source, path)
    )


def test_no_module_outside_the_store_imports_its_tables() -> None:
    offenders = sorted(
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if STORE not in path.parents and imports_the_tables(path.read_text(encoding="utf-8"), path)
    )
    assert offenders == []


def test_the_check_sees_every_form_of_importing_the_tables() -> None:
    # The check above passes only because it can fail: the import forms it must catch.
    runtime = ROOT / "flowin_engine" / "runtime" / "_example.py"
    assert imports_the_tables("from ..store._schema import FlowRow\n", runtime)
    assert imports_the_tables("from ..store import _schema\n", runtime)
    assert imports_the_tables("import flowin_engine.store._schema\n", runtime)
    top = ROOT / "flowin_engine" / "_example.py"
    assert imports_the_tables("from .store._schema import ConnectionRow\n", top)
    assert not imports_the_tables("from ..store import Store\n", runtime)
