"""The database's health: a check at every start, daily backups, and putting a backup back.

A damaged SQLite file fails in odd places long after the damage (one page in the middle of the
history is enough), and every write into it may spread the damage. So the store checks the file
with ``PRAGMA quick_check`` before it opens it (about 0.1 s for a 70 MB history, see
``bench/store_check_bench.py``) and refuses a damaged one with a sentence saying what to do.

Backups use SQLite's online backup API: a consistent copy taken while Flowin keeps running,
at most one a day, made only from a database that passed the check, the last few kept.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import psutil

from ..errors import FlowinError

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"
DAMAGED_FOLDER = "damaged"
BACKUPS_KEPT = 7
_BACKUP_PREFIX = "flowin-"
_BACKUP_SUFFIX = ".db"
_PROBLEMS_SHOWN = 5


class DatabaseDamaged(FlowinError):
    """The database file is damaged or is not a database: Flowin will not write into it."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(
            f"Flowin's database ({path}) is damaged, so Flowin has not opened it and has "
            "written nothing into it. Run 'flowin doctor' to see what is wrong and which "
            "backups there are, then 'flowin restore' to bring back the latest good backup "
            "(the damaged file is kept aside, not deleted)."
        )


class RestoreRefused(FlowinError):
    """A restore that would lose data or pull the file from under a running Flowin."""

    @classmethod
    def still_running(cls, processes: str) -> RestoreRefused:
        return cls(
            f"Flowin is still running (process {processes}); quit the Flowin app and stop "
            "'flowin serve', then run 'flowin restore' again."
        )


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    day: date
    size: int


def check(path: Path) -> list[str]:
    """What is wrong with the database file; empty when it is sound (or does not exist yet)."""
    return _run_check(path, "quick_check")


def check_thoroughly(path: Path) -> list[str]:
    """``PRAGMA integrity_check``: slower than ``check``, also compares every index."""
    return _run_check(path, "integrity_check")


def _run_check(path: Path, pragma: str) -> list[str]:
    if not path.exists() or path.stat().st_size == 0:
        return []
    try:
        with closing(sqlite3.connect(path)) as connection:
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.Error as error:
        return [_plain(error)]
    return [str(row[0]) for row in rows if row and row[0] != "ok"]


def require_sound(path: Path) -> None:
    """Raise ``DatabaseDamaged`` unless the file passes the quick check."""
    problems = check(path)
    if problems:
        log.error("The database %s is damaged: %s", path, "; ".join(problems[:_PROBLEMS_SHOWN]))
        raise DatabaseDamaged(path, problems)


def backup_folder(database: Path) -> Path:
    return database.parent / BACKUP_FOLDER


def backups(database: Path) -> list[Backup]:
    """The automatic backups of this database, newest first."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    found: list[Backup] = []
    for file in folder.glob(f"{_BACKUP_PREFIX}*{_BACKUP_SUFFIX}"):
        stamp = file.name[len(_BACKUP_PREFIX) : -len(_BACKUP_SUFFIX)]
        try:
            day = date.fromisoformat(stamp)
        except ValueError:
            continue
        found.append(Backup(file, day, file.stat().st_size))
    return sorted(found, key=lambda b: b.day, reverse=True)


def back_up_daily(
    database: Path, today: date | None = None, keep: int = BACKUPS_KEPT
) -> Backup | None:
    """Copy the database into ``backups/`` unless today's copy exists; keep the newest ``keep``.

    Returns the new backup, or None when there was nothing to do. The database is checked
    first (``DatabaseDamaged``): a damaged file never pushes a good backup out of the rotation.
    """
    today = today or date.today()
    folder = backup_folder(database)
    target = folder / f"{_BACKUP_PREFIX}{today.isoformat()}{_BACKUP_SUFFIX}"
    if target.exists() or not database.exists():
        return None
    require_sound(database)
    folder.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    copy(database, partial)
    # Only a complete copy carries a backup's name.
    os.replace(partial, target)
    log.info("Backed up the database to %s", target)
    for old in backups(database)[keep:]:
        old.path.unlink(missing_ok=True)
    return Backup(target, today, target.stat().st_size)


def copy(source: Path, target: Path) -> None:
    """A consistent copy of a live database (the online backup API, in one step)."""
    target.unlink(missing_ok=True)
    with (
        closing(sqlite3.connect(source)) as reading,
        closing(sqlite3.connect(target)) as writing,
    ):
        reading.backup(writing)


def restore(database: Path, backup: Path | None = None) -> tuple[Path, Path | None]:
    """Put a backup (the newest sound one unless named) in the database's place.

    The file it replaces is moved into ``damaged/``, never deleted. Returns the backup used and
    where the old file went (None when there was none). Refused while a Flowin uses the file.
    """
    users = processes_using(database)
    if users:
        raise RestoreRefused.still_running(", ".join(str(pid) for pid in users))
    chosen = _choose(database, backup)
    moved_to: Path | None = None
    if database.exists():
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
        aside = database.parent / DAMAGED_FOLDER / stamp
        aside.mkdir(parents=True, exist_ok=True)
        for part in _files_of(database):
            if part.exists():
                os.replace(part, aside / part.name)
        moved_to = aside / database.name
    copy(chosen, database)
    log.warning("Restored the database from %s; the previous file is in %s", chosen, moved_to)
    return chosen, moved_to


def processes_using(database: Path) -> list[int]:
    """Other processes that have the database (or its write-ahead log) open."""
    wanted = {str(part.resolve()) for part in _files_of(database)}
    found: list[int] = []
    for process in psutil.process_iter(["pid"]):
        if process.pid == os.getpid():
            continue
        try:
            files = process.open_files()
        except (psutil.Error, OSError):
            continue
        if any(f.path in wanted for f in files):
            found.append(process.pid)
    return found


def _choose(database: Path, named: Path | None) -> Path:
    if named is not None:
        candidate = named if named.exists() else backup_folder(database) / named.name
        if not candidate.exists():
            raise RestoreRefused(
                f"There is no backup '{named}'; 'flowin doctor' lists the backups there are."
            )
        problems = check(candidate)
        if problems:
            raise RestoreRefused(
                f"The backup {candidate.name} is damaged too ({problems[0]}); "
                "choose another one from 'flowin doctor'."
            )
        return candidate
    for backup in backups(database):
        if not check(backup.path):
            return backup.path
        log.warning("Skipping the damaged backup %s", backup.path)
    raise RestoreRefused(
        f"There is no sound backup in {backup_folder(database)}, so there is nothing to "
        "restore; the damaged database was left as it is."
    )


def _files_of(database: Path) -> list[Path]:
    return [database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))]


def _plain(error: sqlite3.Error) -> str:
    text = str(error)
    if "not a database" in text:
        return "The file is not a Flowin database (or its first page is damaged)."
    if "malformed" in text:
        return "The file is damaged (SQLite says: database disk image is malformed)."
    return f"SQLite could not read it: {text}."
