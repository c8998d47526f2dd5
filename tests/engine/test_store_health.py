"""A damaged database is noticed at start, refused with what to do, and can be restored from
the automatic backups. Real SQLite files damaged on disk, the real `flowin` command."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest

from flowin_engine.data_folder import DataFolder
from flowin_engine.model import Flow, Node
from flowin_engine.runtime import RuntimeSettings
from flowin_engine.store import DatabaseDamaged, Store
from flowin_engine.store._health import back_up_daily, backups

from .histories import damage_a_page_in_the_middle, fill


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLOWIN_SECRETS", "file")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def flowin(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flowin_engine", *args],
        env={**os.environ, "FLOWIN_DATA_DIR": str(data)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_damaged_page_in_the_middle_of_the_database_is_refused_with_what_to_do(
    data: Path,
) -> None:
    path = data / "flowin.db"
    with Store(path) as store:
        fill(store)
    damage_a_page_in_the_middle(path)
    before = digest(path)

    with pytest.raises(DatabaseDamaged) as caught:
        Store(path)

    message = str(caught.value)
    assert "damaged" in message
    assert "flowin doctor" in message and "flowin restore" in message
    assert digest(path) == before  # nothing was written into it


def test_a_file_that_is_not_a_database_is_refused_with_what_to_do(data: Path) -> None:
    path = data / "flowin.db"
    path.write_bytes(b"these are not the bytes of a database\n" * 500)

    with pytest.raises(DatabaseDamaged) as caught:
        Store(path)

    assert "flowin restore" in str(caught.value)


def test_the_command_line_explains_a_damaged_database_instead_of_a_traceback(data: Path) -> None:
    path = data / "flowin.db"
    with Store(path) as store:
        fill(store)
    damage_a_page_in_the_middle(path)

    result = flowin(data, "flows", "list")

    assert result.returncode == 2
    assert "is damaged" in result.stderr and "flowin restore" in result.stderr
    assert "Traceback" not in result.stderr
    assert "sqlalchemy" not in result.stderr.lower()
    assert "unexpected" not in result.stderr


def test_starting_the_runtime_backs_the_database_up_once_a_day(data: Path) -> None:
    path = data / "flowin.db"
    with Store(path) as store:
        ids = fill(store, runs=20)
        for _ in range(2):
            runtime = DataFolder(store).runtime(RuntimeSettings(port=0))
            runtime.start()
            runtime.stop(grace=1)

    made = backups(path)
    assert [b.path.name for b in made] == [f"flowin-{date.today().isoformat()}.db"]
    with Store(made[0].path) as copy:
        assert {f.name for f in copy.flows.summaries()} == {"Orders", "Invoices"}
        assert {r.id for r in copy.executions.summaries(limit=100)} == set(ids)


def test_backups_keep_the_newest_seven_days(data: Path) -> None:
    path = data / "flowin.db"
    with Store(path) as store:
        fill(store, runs=5)
    first = date(2026, 11, 20)
    for day in range(10):
        back_up_daily(path, today=first + timedelta(days=day))

    kept = [b.day for b in backups(path)]
    assert kept == [first + timedelta(days=day) for day in range(9, 2, -1)]
    assert not list((data / "backups").glob("*.partial"))


def test_doctor_says_a_sound_database_is_sound(data: Path) -> None:
    with Store(data / "flowin.db") as store:
        fill(store, runs=5)
        back_up_daily(store.path)

    result = flowin(data, "doctor")

    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout
    assert f"flowin-{date.today().isoformat()}.db" in result.stdout


def test_doctor_reports_the_damage_and_restore_brings_back_the_backups_flows_and_runs(
    data: Path,
) -> None:
    path = data / "flowin.db"
    with Store(path) as store:
        ids = fill(store)
        back_up_daily(store.path)
    damage_a_page_in_the_middle(path)
    damaged = digest(path)

    thorough = flowin(data, "doctor", "--thorough")
    assert thorough.returncode == 1
    assert "is damaged" in thorough.stdout

    doctor = flowin(data, "doctor")
    assert doctor.returncode == 1
    assert "is damaged" in doctor.stdout
    assert f"flowin-{date.today().isoformat()}.db" in doctor.stdout
    assert "flowin restore" in doctor.stdout

    restored = flowin(data, "restore")
    assert restored.returncode == 0, restored.stderr
    assert "Restored" in restored.stdout

    kept = list((data / "damaged").glob("*/flowin.db"))
    assert [digest(file) for file in kept] == [damaged]  # the user's file is kept, not deleted
    with Store(path) as store:
        assert {f.name for f in store.flows.summaries()} == {"Orders", "Invoices"}
        assert {r.id for r in store.executions.summaries(limit=1000)} == set(ids)
    assert flowin(data, "doctor").returncode == 0


def test_restore_names_a_backup_to_bring_back(data: Path) -> None:
    path = data / "flowin.db"
    with Store(path) as store:
        fill(store, runs=5)
        back_up_daily(store.path, today=date(2026, 11, 30))
        store.flows.delete("invoices")
        back_up_daily(store.path, today=date(2026, 12, 1))

    result = flowin(data, "restore", "flowin-2026-11-30.db")

    assert result.returncode == 0, result.stderr
    with Store(path) as store:
        assert {f.name for f in store.flows.summaries()} == {"Orders", "Invoices"}


HOLDS_OPEN = textwrap.dedent(
    """
    import sqlite3, sys
    connection = sqlite3.connect(sys.argv[1])
    connection.execute("SELECT count(*) FROM flows").fetchone()
    print("open", flush=True)
    sys.stdin.readline()
    """
)


def test_restore_refuses_while_flowin_has_the_database_open(data: Path) -> None:
    path = data / "flowin.db"
    with Store(path) as store:
        fill(store, runs=5)
        back_up_daily(store.path)
    before = digest(path)
    other = subprocess.Popen(
        [sys.executable, "-c", HOLDS_OPEN, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        result = flowin(data, "restore")
    finally:
        other.kill()
        other.wait()

    assert result.returncode == 2
    assert "still running" in result.stderr
    assert digest(path) == before
    assert not (data / "damaged").exists()


def test_damage_met_while_open_stops_every_later_write(data: Path) -> None:
    path = data / "flowin.db"
    with Store(path) as store:
        fill(store)
    with Store(path) as store:  # sound when opened: the damage comes after the check
        damage_a_page_in_the_middle(path)
        before = digest(path)

        with pytest.raises(DatabaseDamaged):
            store.executions.prune(timedelta(0))  # reads every run, so it meets the damaged page
        with pytest.raises(DatabaseDamaged) as caught:
            store.flows.save(Flow(name="New", nodes=[Node(id="n", type="core.noop", name="N")]))

        assert "flowin restore" in str(caught.value)
    assert digest(path) == before


def test_restore_refuses_while_a_flowin_runtime_runs_the_data_folder(data: Path) -> None:
    path = data / "flowin.db"
    with Store(path) as store:
        fill(store, runs=5)
        runtime = DataFolder(store).runtime(RuntimeSettings(port=0))
        runtime.start()  # makes today's backup, and holds the data folder
        try:
            result = flowin(data, "restore")
        finally:
            runtime.stop(grace=1)

    assert result.returncode == 2
    assert "still running" in result.stderr
    assert not (data / "damaged").exists()  # the database was left where it was


def test_a_database_damaged_while_open_is_not_backed_up_and_takes_no_more_writes(
    data: Path,
) -> None:
    path = data / "flowin.db"
    with Store(path) as store:
        fill(store)
    with Store(path) as store:
        damage_a_page_in_the_middle(path)

        assert store.back_up_daily() is None

        with pytest.raises(DatabaseDamaged):
            store.set_setting("theme", "dark")
    assert backups(path) == []
