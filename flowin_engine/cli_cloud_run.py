"""``flowin flows cloud-run NAME on|off`` (declared in cli.py, done here): run a flow in the cloud account instead of on this
computer (it keeps running when the computer sleeps), or bring it back.

Turning it on shows the connected accounts the flow uses and asks before their secrets are
uploaded to the cloud (where they are kept encrypted, and opened only to run a step). Turning it
off deletes the uploaded copies no other cloud-run flow uses. While a flow runs in the cloud,
this computer leaves its trigger alone: it never runs in both places.
"""

from __future__ import annotations

import sys

import click

from .cloud_run import note_cloud_run
from .data_folder import DataFolder
from .errors import NotFound
from .sync import Account, RequestRejected

NOT_SYNCED = "'{name}' is not in your cloud account yet; run 'flowin sync' first, then try again."


def cloud_run(flow: str, state: str, yes: bool) -> None:
    """Run ``flow`` in the cloud (``state`` "on") or on the computers ("off")."""
    with DataFolder.open() as folder, Account(folder.store).client() as client:
        found = folder.store.flows.find(flow)
        try:
            if state == "off":
                client.set_cloud_run(found.id, False)
                note_cloud_run(folder.store, found.id, False)
                click.echo(
                    f"'{found.name}' runs on your computers again; the cloud deleted the "
                    "accounts it kept for it."
                )
                return
            status = client.cloud_run(found.id)
            accounts = status.get("accounts") or []
            uploads = []
            if accounts:
                click.echo(f"'{found.name}' uses these connected accounts:")
                for account in accounts:
                    label = _label(folder, account["connection_id"])
                    click.echo(f"  - {label} ({account['connector']})")
                click.echo(
                    "Running it in the cloud uploads their secrets to your Flowin cloud "
                    "account, kept encrypted and opened only to run its steps."
                )
                if not yes:
                    click.confirm("Upload them and run the flow in the cloud?", abort=True)
                for account in accounts:
                    connection = folder.connections.get(account["connection_id"])
                    uploads.append(
                        {
                            "connection_id": connection.id,
                            "connector": connection.connector,
                            "label": connection.label,
                            "secret": folder.connections.secret(connection.id),
                        }
                    )
            client.set_cloud_run(found.id, True, uploads)
        except RequestRejected as refusal:
            if refusal.status == 404:
                click.secho(NOT_SYNCED.format(name=found.name), fg="red", err=True)
            else:
                click.secho(str(refusal), fg="red", err=True)
            sys.exit(1)
        note_cloud_run(folder.store, found.id, True)
    click.echo(
        f"'{found.name}' now runs in the cloud, also while this computer sleeps; this "
        "computer leaves its trigger to the cloud."
    )


def _label(folder: DataFolder, connection_id: str) -> str:
    try:
        return folder.connections.get(connection_id).label
    except NotFound:
        return connection_id
