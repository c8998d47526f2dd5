"""What `pip install flowin` gets: the wheel carries every file the code reads at run time.

A resource left out of the wheel raises no error when it is built; the app starts without its
fonts, icon or Arabic, or the store without its migrations. Building the wheel here catches it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Only what the wheel is built from: the copy stays small and the source tree is not written to
# (setuptools puts build/ and *.egg-info next to pyproject.toml).
_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "tests", "bench", "tools"
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCE)
    # No build isolation: nothing is downloaded, setuptools comes from the dev extra.
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    built = subprocess.run(
        [*pip_wheel, "-w", str(work / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (built_wheel,) = (work / "dist").glob("flowin-*.whl")
    return built_wheel


@pytest.fixture(scope="module")
def wheel_files(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.mark.slow
def test_the_wheel_carries_the_desktop_fonts_icons_and_compiled_translations(wheel_files):
    expected = {
        "flowin_desktop/resources/flowin.svg",
        "flowin_desktop/resources/chevron-down.svg",
        "flowin_desktop/resources/fonts/Cairo-Regular-Arabic.ttf",
        "flowin_desktop/resources/fonts/Cairo-SemiBold-Arabic.ttf",
        "flowin_desktop/resources/fonts/Cairo-OFL.txt",  # the fonts' licence travels with them
        "flowin_desktop/resources/fonts/Inter-OFL.txt",
        # The weekly report's Arabic font, for the engine that draws it without the app.
        "flowin_engine/fonts/Cairo-Regular-Arabic.ttf",
        "flowin_engine/fonts/Cairo-OFL.txt",
        "flowin_desktop/translations/flowin_ar.qm",
        "flowin_desktop/translations/flowin_en.qm",  # English plural forms
    }
    assert expected - wheel_files == set()
    assert any(
        name.startswith("flowin_desktop/resources/fonts/Inter") and name.endswith(".ttf")
        for name in wheel_files
    )


@pytest.mark.slow
def test_the_wheel_carries_every_connector_manifest_and_icon(wheel_files):
    on_disk = {
        path.relative_to(ROOT).as_posix()
        for pattern in ("connectors/*/manifest.json", "connectors/*/*.svg")
        for path in ROOT.glob(pattern)
    }
    assert on_disk, "no connectors found next to the tests"
    assert on_disk - wheel_files == set()


@pytest.mark.slow
def test_the_wheel_carries_every_template_of_the_library(wheel_files):
    on_disk = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "flowin_engine" / "templates" / "library").glob("*/*")
        if path.suffix in (".json", ".png")
    }
    assert len(on_disk) >= 6, "no templates found next to the tests"
    assert on_disk - wheel_files == set()


@pytest.mark.slow
def test_the_wheel_carries_the_words_of_notifications(wheel_files):
    # The engine writes notifications in Arabic without Qt, from its own .ts files.
    on_disk = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "flowin_engine" / "notifications" / "translations").glob("*.ts")
    }
    assert on_disk, "no notification words found next to the tests"
    assert on_disk - wheel_files == set()


def test_the_wheel_carries_the_builders_clause_model(wheel_files):
    # The offline builder reads it when the phrase rules are unsure; nothing is downloaded.
    assert "flowin_engine/builder/clause_model.bin" in wheel_files


@pytest.mark.slow
def test_the_wheel_carries_the_database_migrations(wheel_files):
    on_disk = {
        path.relative_to(ROOT).as_posix()
        for package in ("flowin_engine/store", "flowin_cloud")
        for pattern in (
            "migrations/env.py",
            "migrations/script.py.mako",
            "migrations/versions/*.py",
        )
        for path in (ROOT / package).glob(pattern)
    }
    assert len(on_disk) > 6
    assert on_disk - wheel_files == set()


@pytest.mark.slow
def test_plain_pip_install_flowin_brings_no_qt(wheel):
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [name for name in archive.namelist() if name.endswith(".dist-info/METADATA")]
        requires = [
            line.removeprefix("Requires-Dist: ")
            for line in archive.read(metadata).decode().splitlines()
            if line.startswith("Requires-Dist: ")
        ]
    core = [requirement for requirement in requires if "extra ==" not in requirement]
    assert "click" in " ".join(core)
    assert [r for r in core if r.lower().startswith(("pyside6", "shiboken6", "qasync"))] == []
    assert any(
        r.lower().startswith("pyside6-essentials") and 'extra == "desktop"' in r for r in requires
    )
