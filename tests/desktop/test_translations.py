"""Every user-facing string in the desktop app has an Arabic translation, in its context."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import flowin_desktop
from flowin_desktop.i18n import translations_dir


def _strings_in_code() -> set[tuple[str | None, str]]:
    """(context, text) of every self.tr("...") (context: the class) and _tr("...") (any)."""
    found: set[tuple[str | None, str]] = set()
    for path in Path(flowin_desktop.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
            context = cls.name if isinstance(cls, ast.ClassDef) else None
            for node in ast.walk(cls):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                text = node.args[0]
                if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                    continue
                func = node.func
                if isinstance(func, ast.Attribute) and func.attr == "tr" and context:
                    found.add((context, text.value))
                elif isinstance(func, ast.Name) and func.id == "_tr":
                    found.add((None, text.value))
    return found


def test_every_string_the_app_translates_is_in_the_arabic_file():
    root = ET.parse(translations_dir() / "flowin_ar.ts").getroot()
    translated = {
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
    }
    sources = {source for _, source in translated}
    missing = sorted(
        f"{context}: {text}"
        for context, text in _strings_in_code()
        if ((context, text) not in translated if context else text not in sources)
    )
    assert missing == []
