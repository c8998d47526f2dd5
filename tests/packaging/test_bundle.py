"""The built app (PyInstaller's folder, packaging/flowin.spec) works on its own, not the source.

These tests start the bundle's own programs, `flowin` and `flowin-desktop`, which carry their
Python and libraries; nothing is imported from this tree into them. They need a built bundle:
`make smoke` (which CI runs) builds it and points FLOWIN_BUNDLE at the folder. Without it they
are skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from flowin_desktop.editor.page import OPEN_FLOW_SETTING
from flowin_desktop.example import EXAMPLE_NAME, welcome_flow
from flowin_engine.registry import default_registry
from flowin_engine.store import LANGUAGE_SETTING, Store

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = os.environ.get("FLOWIN_BUNDLE")

pytestmark = pytest.mark.skipif(
    not BUNDLE,
    reason="needs a built bundle: run `make smoke`, or set FLOWIN_BUNDLE to the built folder",
)

EXE = ".exe" if sys.platform == "win32" else ""


@pytest.fixture(scope="module")
def bundle() -> Path:
    folder = Path(BUNDLE or "").resolve()
    assert (folder / f"flowin{EXE}").is_file(), f"no flowin program in {folder}"
    return folder


def bundled_environment(data_dir: Path, **extra: str) -> dict[str, str]:
    """The user's environment, without this tree on the path: the bundle must bring its own."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    environment.update(FLOWIN_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen", **extra)
    return environment


def run_bundled(bundle: Path, program: str, *args: str, data_dir: Path, **extra: str):
    return subprocess.run(
        [str(bundle / f"{program}{EXE}"), *args],
        env=bundled_environment(data_dir, **extra),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,  # under pytest-timeout, so a hung app is killed and reported
    )


def test_the_bundled_flowin_command_says_its_version(bundle, tmp_path):
    answer = run_bundled(bundle, "flowin", "--version", data_dir=tmp_path)
    assert answer.returncode == 0, answer.stderr
    assert version("flowin") in answer.stdout


def test_the_bundled_flowin_command_runs_the_example_flow_and_keeps_its_history(bundle, tmp_path):
    flow_file = tmp_path / "welcome.json"
    flow_file.write_text(welcome_flow(default_registry()).model_dump_json(), encoding="utf-8")
    data_dir = tmp_path / "data"

    ran = run_bundled(bundle, "flowin", "run", str(flow_file), data_dir=data_dir)

    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "Add a thank-you gift" in ran.stdout  # the big order took the "true" branch
    # The run went into the database the bundle created with its own migrations.
    listed = run_bundled(bundle, "flowin", "executions", "list", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    assert EXAMPLE_NAME in listed.stdout and "success" in listed.stdout


def test_the_bundled_app_opens_the_example_flow_in_arabic_and_quits_cleanly(bundle, tmp_path):
    from PySide6.QtGui import QImage

    data_dir = tmp_path / "data"
    # A user who chose Arabic and left the example flow open when they last closed Flowin.
    with Store(data_dir / "flowin.db") as store:
        flow = welcome_flow(default_registry())
        store.flows.save(flow)
        store.set_setting(LANGUAGE_SETTING, "ar")
        store.set_setting(OPEN_FLOW_SETTING, flow.id)
    screenshot = tmp_path / "window.png"

    started = run_bundled(
        bundle,
        "flowin-desktop",
        data_dir=data_dir,
        FLOWIN_SMOKE_SCREENSHOT=str(screenshot),
    )

    assert started.returncode == 0, started.stderr
    assert "Traceback" not in started.stderr, started.stderr
    picture = QImage(str(screenshot))
    assert not picture.isNull() and picture.width() >= 640 and picture.height() >= 400
    corners = {picture.pixel(x, y) for x in (5, picture.width() // 2) for y in (5, 300)}
    assert len(corners) > 1, "the window's picture is blank"
    shown = json.loads(Path(f"{screenshot}.json").read_text(encoding="utf-8"))
    assert shown["right_to_left"]
    assert EXAMPLE_NAME in shown["texts"]  # the flow is open in the editor
    arabic = [text for text in shown["texts"] if any("\u0600" <= c <= "\u06ff" for c in text)]
    assert len(arabic) >= 5, shown["texts"]  # the compiled translation was found and loaded


def test_the_bundle_carries_the_translations_fonts_icon_connectors_and_migrations(bundle):
    inside = bundle / "_internal"
    expected = [
        path.relative_to(ROOT)
        for pattern in (
            "flowin_desktop/translations/*.qm",
            "flowin_desktop/resources/*.svg",
            "flowin_desktop/resources/fonts/*",
            "connectors/*/manifest.json",
            "flowin_engine/store/migrations/env.py",
            "flowin_engine/store/migrations/versions/*.py",
        )
        for path in ROOT.glob(pattern)
    ]
    assert any(path.suffix == ".qm" for path in expected)
    assert any(path.suffix == ".ttf" for path in expected)
    missing = [path.as_posix() for path in expected if not (inside / path).is_file()]
    assert missing == []
    platforms = inside / "PySide6" / "Qt" / "plugins" / "platforms"
    plugins = {path.name for path in platforms.iterdir()}
    assert any("offscreen" in name for name in plugins), plugins
    if sys.platform.startswith("linux"):
        assert "libqxcb.so" in plugins
    # Qt's own Arabic (dialog buttons, right-to-left shortcuts) comes along too.
    assert (inside / "PySide6" / "Qt" / "translations" / "qtbase_ar.qm").is_file()


def test_the_bundle_carries_each_templates_preview_drawn_at_build_time(bundle):
    library = bundle / "_internal" / "flowin_engine" / "templates" / "library"
    shipped = sorted(p.name for p in (ROOT / "flowin_engine/templates/library").iterdir())
    assert shipped
    for name in ("preview.png", "preview-rtl.png"):
        missing = [t for t in shipped if not (library / t / name).is_file()]
        assert missing == [], name


def test_the_bundled_flowin_command_draws_the_insights_report(bundle, tmp_path):
    from datetime import UTC, datetime

    from tests import insight_histories as week

    now = datetime.now(UTC)
    zone, offset = week.evening_zone(now)  # the command's local days are the seeded week's
    with Store(tmp_path / "flowin.db") as store:
        week.seed_week(store, now=now, offset=offset)
    pdf = tmp_path / "week.pdf"
    done = run_bundled(
        bundle,
        "flowin",
        "insights",
        "--language",
        "ar",
        "--pdf",
        str(pdf),
        data_dir=tmp_path,
        TZ=zone,
    )
    assert done.returncode == 0, done.stderr
    assert "وفّرت ٣ ساعات هذا الأسبوع باستخدام Flowin" in done.stdout
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"Cairo" in data  # charts drawn, Arabic font inside
