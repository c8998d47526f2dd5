"""``flowin connectors``: add a service to Flowin from its API description (OpenAPI 3), list the
services added this way, and remove one."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from .errors import FlowinError
from .openapi_import import import_description, is_imported
from .paths import imported_connectors_dir
from .registry import discover


@click.group()
def connectors() -> None:
    """Add a service from its API description (OpenAPI), list or remove the ones added."""


@connectors.command("import")
@click.argument("description", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--id", "connector_id", help="The service's short name (default: from its title).")
@click.option("--tag", "tags", multiple=True, help="Only the operations with this tag.")
@click.option("--path", "paths", multiple=True, help="Only the paths that start so, e.g. /cards.")
@click.option(
    "--operation", "operations", multiple=True, help="Only this operation (its operationId)."
)
def connectors_import(
    description: Path,
    connector_id: str | None,
    tags: tuple[str, ...],
    paths: tuple[str, ...],
    operations: tuple[str, ...],
) -> None:
    """Make a service's steps from its OpenAPI 3.0/3.1 DESCRIPTION (JSON or YAML); importing it
    again updates them."""
    built_in = {c.id for c in discover() if not is_imported(c)}
    imported = import_description(
        description,
        connector_id=connector_id,
        tags=tags,
        paths=paths,
        operations=operations,
        taken=built_in,
    )
    click.echo(
        f"Added {imported.name} ({imported.connector_id}) with {len(imported.operations)} "
        f"steps, in {imported.folder}."
    )
    for label, why in imported.skipped[:10]:
        click.echo(f"  left out {label}: {why}")
    if len(imported.skipped) > 10:
        click.echo(f"  … and {len(imported.skipped) - 10} more (see README.md there).")
    click.echo(f"Connect an account with 'flowin connections add {imported.connector_id}'.")


@connectors.command("list")
def connectors_list() -> None:
    """The services added from API descriptions."""
    found = [c for c in discover() if is_imported(c)]
    if not found:
        click.echo("None yet — add one with 'flowin connectors import openapi.json'.")
        return
    for connector in found:
        steps = len(connector.manifest.actions)
        click.echo(f"{connector.id:<20}{connector.name[:40]:<42}{steps} steps")


@connectors.command("remove")
@click.argument("connector_id")
def connectors_remove(connector_id: str) -> None:
    """Remove a service added from its description (flows that use it stop working)."""
    folder = imported_connectors_dir() / connector_id
    if not (folder / "manifest.json").is_file():
        raise FlowinError(
            f"No service called '{connector_id}' was added from a description; "
            "'flowin connectors list' shows those that were."
        )
    shutil.rmtree(folder)
    click.echo(f"Removed {connector_id}.")
