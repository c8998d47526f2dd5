"""Compiles the translations (.ts, the source of truth) to the .qm files the app ships; a
language's .qm merges the app's .ts and every connector's (connectors/<id>/translations/).

    .venv/bin/python tools/compile_translations.py   # after editing a .ts; commit the .qm too

The .qm files are committed next to their .ts (flowin_desktop/translations/) rather than built:
an editable install (`make run`, `make test`) runs straight from this folder, where a build
hook's output would not be, and building the wheel would otherwise need Qt even for the Qt-free
`pip install flowin`. tests/desktop/test_translations.py compiles every .ts again and fails
when a committed .qm differs, so a .ts edited without this step does not go unnoticed.

Qt's lrelease keeps plural forms (%n): Arabic has six, which Qt picks by the number.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flowin_desktop.i18n import translation_files

TRANSLATIONS = Path(__file__).resolve().parent.parent / "flowin_desktop" / "translations"

# pyside6-lrelease runs this; calling it through the interpreter needs no PATH or venv bin/.
_LRELEASE = "from PySide6.scripts.pyside_tool import lrelease; lrelease()"


def languages() -> list[str]:
    return sorted(path.stem.removeprefix("flowin_") for path in TRANSLATIONS.glob("flowin_*.ts"))


def sources(language: str) -> list[Path]:
    """The .ts files merged into one language's .qm: the app's, then each connector's."""
    return translation_files(language)


def shipped(language: str) -> Path:
    return TRANSLATIONS / f"flowin_{language}.qm"


def compile_language(language: str, target: Path) -> None:
    """Writes ``target``; raises with lrelease's own words when a .ts does not compile."""
    done = subprocess.run(
        [sys.executable, "-c", _LRELEASE, "-silent", "-nounfinished"]
        + [str(source) for source in sources(language)]
        + ["-qm", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0 or not target.is_file():
        raise RuntimeError(f"lrelease could not compile {language}:\n{done.stdout}{done.stderr}")


def main() -> int:
    for language in languages():
        compile_language(language, shipped(language))
        print(shipped(language).relative_to(TRANSLATIONS.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
