"""`flowin doctor` and `flowin restore`: check the database, and bring back a backup."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .paths import database_path
from .store import RestoreRefused, _health


@click.command()
@click.option("--thorough", is_flag=True, help="Also compare every index with its table (slower).")
def doctor(thorough: bool) -> None:
    """Check Flowin's database for damage and list the backups that could replace it."""
    database = database_path()
    problems = (_health.check_thoroughly if thorough else _health.check)(database)
    found = _health.backups(database)
    if not database.exists():
        click.echo(f"There is no database at {database} yet; Flowin makes one when it starts.")
    elif problems:
        click.secho(f"Flowin's database ({database}) is damaged:", fg="red")
        for problem in problems[:10]:
            click.echo(f"  • {problem}")
        if len(problems) > 10:
            click.echo(f"  … and {len(problems) - 10} more.")
    else:
        click.secho(f"Flowin's database ({database}) has no problems.", fg="green")
    if found:
        click.echo(f"Backups in {_health.backup_folder(database)}, newest first:")
        for backup in found:
            click.echo(f"  {backup.path.name}  {backup.size / 2**20:.1f} MB")
    else:
        click.echo("There are no backups yet; Flowin makes one a day while it runs.")
    if problems:
        if found:
            click.echo(
                "To bring back the newest backup, quit Flowin and run 'flowin restore' "
                "(or 'flowin restore NAME' for another one). The damaged file is kept aside."
            )
        else:
            click.echo(
                "Without a backup Flowin can't repair it: keep a copy of the file and ask "
                "for help; runs recorded in it may be lost."
            )
        sys.exit(1)


@click.command()
@click.argument("backup", required=False, type=click.Path(path_type=Path))
def restore(backup: Path | None) -> None:
    """Replace the database with a backup (the newest sound one unless BACKUP is named).

    The current file is moved into the 'damaged' folder next to it, never deleted.
    """
    # Here, not at the top: the runtime (web server, scheduler) is slow to import.
    from .runtime import AlreadyRunning
    from .runtime._lock import DataFolderLock

    database = database_path()
    # Held while the file is swapped: a Flowin starting meanwhile waits its turn or says so.
    lock = DataFolderLock(database)
    try:
        lock.acquire()
    except AlreadyRunning as error:
        raise RestoreRefused.still_running(str(error.pid or "unknown")) from None
    try:
        used, moved_to = _health.restore(database, backup)
    finally:
        lock.release()
    click.secho(f"Restored Flowin's database from the backup {used.name}.", fg="green")
    if moved_to is not None:
        click.echo(f"The file it replaced was kept as {moved_to}.")
    click.echo("Runs recorded after that backup was made are not in it.")
