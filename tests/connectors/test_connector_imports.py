"""A connector leans on the kit alone: it imports the standard library, third-party packages
(its vendor's SDK, httpx, pydantic), ``flowin_engine.kit`` and its own folder's modules, and
nothing else of Flowin and no other connector."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import connectors

CONNECTORS = Path(connectors.__file__).parent
FIRST_PARTY = ("flowin_engine", "flowin_desktop", "flowin_cloud", "connectors", "tests")
KIT = "flowin_engine.kit"


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports, as an absolute name, with its line; functions' and
    ``TYPE_CHECKING`` blocks' imports included."""
    package = ".".join(path.relative_to(CONNECTORS.parent).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.append((node.lineno, module))
    return found


def _allowed(module: str, own_package: str) -> bool:
    top = module.split(".")[0]
    if top in sys.stdlib_module_names or top not in FIRST_PARTY:
        return True
    if module == KIT or module.startswith(KIT + "."):
        return True
    return module == own_package or module.startswith(own_package + ".")


def test_connectors_import_only_the_kit_their_own_folder_and_outside_packages():
    sources = sorted(CONNECTORS.glob("*/**/*.py"))
    assert len(sources) >= 15
    wrong = []
    for path in sources:
        own = "connectors." + path.relative_to(CONNECTORS).parts[0]
        wrong += [
            f"{path.relative_to(CONNECTORS)}:{line} imports {module}"
            for line, module in _imports(path)
            if not _allowed(module, own)
        ]
    assert wrong == []


def test_the_import_check_catches_an_engine_module_and_a_sibling_connector():
    own = "connectors.gmail"
    assert not _allowed("flowin_engine.errors", own)
    assert not _allowed("connectors.google_sheets.google_api", own)
    assert _allowed("flowin_engine.kit.google", own)
    assert _allowed("connectors.gmail.helpers", own)
    assert _allowed("httpx", own) and _allowed("json", own)
