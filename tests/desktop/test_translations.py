"""Every user-facing string in the desktop app has an Arabic translation, in its context."""

from __future__ import annotations

import ast
import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import flowin_desktop
from flowin_desktop.cloud.service import error_text
from flowin_desktop.i18n import Localizer, load_translator, translation_files, translations_dir
from flowin_engine.sync import RateLimited

COMPILE_TOOL = Path(__file__).resolve().parents[2] / "tools" / "compile_translations.py"


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


def _compile_translations():
    spec = importlib.util.spec_from_file_location("compile_translations", COMPILE_TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_qm_files_are_compiled_from_the_current_ts_files(tmp_path):
    tool = _compile_translations()
    assert "ar" in tool.languages()
    for language in tool.languages():
        fresh = tmp_path / f"flowin_{language}.qm"
        tool.compile_language(language, fresh)
        assert tool.shipped(language).read_bytes() == fresh.read_bytes(), (
            f"flowin_{language}.qm is older than its .ts: run `python tools/compile_translations.py`"
            " and commit the .qm"
        )


def test_the_shipped_arabic_translation_loads_from_the_package(qapp):
    translator = load_translator("ar")
    assert translator is not None
    assert Path(translator.filePath()).parts[-3:] == (
        "flowin_desktop",
        "translations",
        "flowin_ar.qm",
    )
    assert translator.translate("Saving", "Saved") == "تم الحفظ"


def test_arabic_plural_forms_follow_the_number(qapp):
    translator = load_translator("ar")
    qapp.installTranslator(translator)
    try:

        def wait(seconds: float) -> str:
            text = error_text(RateLimited(retry_after=seconds))
            return text.removeprefix("محاولات كثيرة. انتظر ").removesuffix(" ثم حاول مرة أخرى.")

        # Arabic has six plural forms; Qt picks one by the number (%n) from the compiled .qm.
        assert wait(1) == "ثانية واحدة"
        assert wait(2) == "ثانيتين"
        assert wait(5) == "5 ثوانٍ"
        assert wait(11) == "11 ثانية"
        assert wait(2 * 60) == "دقيقتين"
        assert wait(11 * 60) == "11 دقيقة"
    finally:
        qapp.removeTranslator(translator)


def _manifest_strings():
    path = Path(__file__).resolve().parents[2] / "tools" / "manifest_strings.py"
    spec = importlib.util.spec_from_file_location("manifest_strings", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("manifest_strings", module)
    spec.loader.exec_module(module)
    return module


def _entries(path: Path) -> set[tuple[str, str]]:
    root = ET.parse(path).getroot()
    assert root.get("language") == "ar", path
    return {
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_a_connectors_own_words_live_in_its_own_folder_and_shared_ones_in_the_apps():
    tool = _manifest_strings()
    owners = tool.owners()
    files = translation_files("ar")
    assert files[0] == translations_dir() / "flowin_ar.ts"
    by_connector = {path.parent.parent.name: path for path in files[1:]}
    assert {"shopify", "stripe", "gmail", "core"} <= by_connector.keys()
    for connector, path in by_connector.items():
        assert path == tool.connector_file(connector, "ar")
        strays = [e for e in _entries(path) if owners.get(e) != {connector}]
        assert strays == [], f"{path.name} holds words that are not {connector}'s alone"
    left_in_the_app = [e for e in _entries(files[0]) if len(owners.get(e, ())) == 1]
    assert left_in_the_app == [], "a connector's own words belong in its translations/ folder"
    # Words several connectors show, and the palette's groups, stay shared.
    assert ("NodeFields", "Account") in _entries(files[0])
    assert ("NodeTypes", "E-commerce") in _entries(files[0])


def test_the_shipped_qm_holds_the_connectors_own_translations(qapp):
    translator = load_translator("ar")
    assert ("NodeTypes", "New Shopify order") in _entries(
        _manifest_strings().connector_file("shopify", "ar")
    )
    assert translator.translate("NodeTypes", "New Shopify order") == "طلب جديد في Shopify"
    assert translator.translate("NodeFields", "Store address") != ""


def test_english_counts_one_second_and_many_seconds(qapp):
    localizer = Localizer(qapp)  # English: only the plural forms are translated (flowin_en.qm)
    assert localizer.language == "en"
    assert error_text(RateLimited(retry_after=1)) == "Too many tries. Wait 1 second and try again."
    assert error_text(RateLimited(retry_after=42)).endswith("Wait 42 seconds and try again.")
    assert error_text(RateLimited(retry_after=5 * 60)).endswith("Wait 5 minutes and try again.")
