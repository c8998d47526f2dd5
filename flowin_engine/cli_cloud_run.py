"""``flowin flows cloud-run NAME on|off`` (declared in cli.py, done by cloud_switch.py, as the
app does it): run a flow in the cloud account instead of on this computer (it keeps running
when the computer sleeps), or bring it back.

Turning it on shows the connected accounts the flow uses and asks before their secrets are
uploaded to the cloud (where they are kept encrypted, and opened only to run a step). Turning it
off deletes the uploaded copies no other cloud-run flow uses. While a flow runs in the cloud,
this computer leaves its trigger alone: it never runs in both places.
"""

from __future__ import annotations

import sys

import click

from .cloud_switch import cloud_run_plan, turn_cloud_run_off, turn_cloud_run_on
from .data_folder import DataFolder
from .errors import FlowinError
from .sync import Account


def cloud_run(flow: str, state: str, yes: bool) -> None:
    """Run ``flow`` in the cloud (``state`` "on") or on the computers ("off")."""
    with DataFolder.open() as folder, Account(folder.store).client() as client:
        found = folder.store.flows.find(flow)
        try:
            if state == "off":
                turn_cloud_run_off(folder.store, folder.connections, client, found.id)
                click.echo(
                    f"'{found.name}' runs on your computers again; the cloud deleted the "
                    "accounts it kept for it."
                )
                return
            plan = cloud_run_plan(folder.store, folder.connections, client, found.id)
            if plan.accounts:
                click.echo(f"'{found.name}' uses these connected accounts:")
                for account in plan.accounts:
                    click.echo(f"  - {account.label} ({account.connector})")
                click.echo(
                    "Running it in the cloud uploads their secrets to your Flowin cloud "
                    "account, kept encrypted and opened only to run its steps."
                )
                if not yes and not click.confirm("Upload them and run the flow in the cloud?"):
                    click.echo(
                        f"Nothing was uploaded; '{found.name}' keeps running on your computers."
                    )
                    sys.exit(1)
            plan = turn_cloud_run_on(folder.store, folder.connections, client, plan)
        except FlowinError as error:
            click.secho(str(error), fg="red", err=True)
            sys.exit(1)
    click.echo(
        f"'{found.name}' now runs in the cloud, also while this computer sleeps; this "
        "computer leaves its trigger to the cloud."
    )
    if plan.public_url:
        click.echo(
            f"Its public address: {plan.public_url} — webhooks sent there start it in the "
            "cloud, also while this computer is off."
        )
