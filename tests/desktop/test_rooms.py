"""The desktop app is laid out in rooms a reader can take one at a time: no module of it
imports a module that (through others) imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

import flowin_desktop

PACKAGE = Path(flowin_desktop.__file__).parent

# A canvas item names the scene (a minimap the view) that holds it in its type hints only;
# the scene makes the items. Nothing else may point back.
TYPE_HINTS_OF_THE_HOLDER = {
    ("canvas.items", "canvas.scene"),
    ("canvas.minimap", "canvas.view"),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each module of the app, and the modules of the app it imports (type hints included)."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        here = [part for part in here if part]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = [*here[: len(here) - (node.level - 1)], node.module or ""]
                elif node.module and node.module.startswith("flowin_desktop"):
                    base = node.module.split(".")[1:]
                else:
                    continue
                target = ".".join(part for part in base if part)
                for alias in node.names:
                    nested = f"{target}.{alias.name}".strip(".")
                    found.add(nested if nested in modules else target)
        graph[name] = {target for target in found if target in modules and target != name}
    for importer, imported in TYPE_HINTS_OF_THE_HOLDER:
        graph[importer].discard(imported)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others (Tarjan)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        for imported in graph[module]:
            if imported not in order:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], order[imported])
        if low[module] == order[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return groups


def test_no_room_of_the_app_imports_a_module_that_imports_it_back():
    graph = _imports()
    assert "cloud.service" in graph["cloud.keys"]  # the imports it judges are seen
    assert _cycles(graph) == []
