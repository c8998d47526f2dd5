"""``flowin connections``: connect accounts (API keys, bot tokens, logins) on a machine with no
window, e.g. the server that runs ``flowin serve``. Secrets go to the keyring (or the encrypted
file store), never to the database or the screen."""

from __future__ import annotations

import webbrowser
from typing import Any

import click
from pydantic import BaseModel, ValidationError

from .credentials import Connection
from .data_folder import DataFolder
from .errors import FlowinError
from .registry import Connector, default_registry, needed_by_triggers, widget_hint


@click.group()
def connections() -> None:
    """Connect accounts for steps to use: list, add, test and remove them."""


@connections.command("list")
@click.option("--service", help="Only this service's accounts (e.g. telegram).")
def connections_list(service: str | None) -> None:
    """Show connected accounts (never their secrets)."""
    with DataFolder.open() as folder:
        items = folder.connections.list(service)
    if not items:
        click.echo("No connected accounts yet — add one with 'flowin connections add SERVICE'.")
        return
    click.echo(f"{'ID':<14}{'SERVICE':<16}{'NAME':<30}{'LAST TEST':<12}")
    for item in items:
        click.echo(f"{item.id:<14}{item.connector:<16}{item.label[:28]:<30}{_last_test(item)}")


@connections.command("add")
@click.argument("service")
@click.option("--name", "label", help="A name to pick the account by (default: the service's).")
@click.option(
    "--set",
    "values",
    multiple=True,
    metavar="FIELD=VALUE",
    help="A field given on the command line instead of at the prompt (secrets are better typed "
    "at the prompt: they stay out of the shell's history).",
)
@click.option("--sign-in", is_flag=True, help="Sign in in the browser (Google accounts).")
@click.option("--test/--no-test", default=True, help="Make a test call before saving.")
def connections_add(
    service: str, label: str | None, values: tuple[str, ...], sign_in: bool, test: bool
) -> None:
    """Connect an account of SERVICE; asks for each required field and each secret its
    triggers check requests with, hiding secrets."""
    connector = _connector(service)
    model = connector.credential_model
    if model is None:
        raise FlowinError(f"{connector.name} needs no account: its steps work without one.")
    given = _parse_values(values, model)
    for key, info in model.model_fields.items():
        if key not in given and info.is_required() and widget_hint(info) != "hidden":
            given[key] = click.prompt(info.title or key, hide_input=widget_hint(info) == "password")
    skipped = _ask_trigger_secrets(model, given)
    secret = _validated(model, given)
    if sign_in:
        if connector.sign_in_function is None:
            raise FlowinError(f"{connector.name} accounts don't sign in in the browser.")
        click.echo("Opening the sign-in page in your browser…")
        secret = connector.sign_in_function(secret, _browser)
    with DataFolder.open() as folder:
        accounts = folder.connections
        if folder.secrets_notice:
            click.secho(folder.secrets_notice, fg="yellow", err=True)
        ok = _tested(connector, secret) if test else None
        connection = accounts.add(connector.id, label or connector.name, secret.model_dump())
        if ok is not None:
            accounts.record_test(connection.id, ok)
    if ok is False:
        # Saved all the same, so the fields typed right are kept; but not "connected".
        keys = [
            k
            for k, i in model.model_fields.items()
            if widget_hint(i) == "password" and i.is_required()
        ]
        fix = " or ".join(f"'flowin connections set {connection.id} {k}'" for k in keys)
        click.secho(
            f"Saved '{connection.label}' ({connection.id}), but {connector.name} refused it, so "
            f"its steps will fail: type the key again with {fix}, then check it with "
            f"'flowin connections test {connection.id}'.",
            fg="yellow",
        )
    else:
        click.echo(f"Connected '{connection.label}' ({connection.id}).")
    for key in skipped:
        _warn_refusing_triggers(connector, connection.id, key)


@connections.command("set")
@click.argument("connection_id")
@click.argument("field")
def connections_set(connection_id: str, field: str) -> None:
    """Set one FIELD of a connected account, e.g. a webhook's signing secret skipped when it
    was connected; asked for at the prompt, hiding secrets."""
    with DataFolder.open() as folder:
        accounts = folder.connections
        connection = accounts.get(connection_id)
        model = _connector(connection.connector).credential_model
        assert model is not None
        info = model.model_fields.get(field)
        if info is None or widget_hint(info) == "hidden":
            fields = ", ".join(
                k for k, i in model.model_fields.items() if widget_hint(i) != "hidden"
            )
            raise FlowinError(f"FIELD is one of: {fields}.")
        title = info.title or field
        value = click.prompt(title, hide_input=widget_hint(info) == "password")
        secret = _validated(model, {**accounts.secret(connection_id), field: value})
        accounts.update_secret(connection_id, secret.model_dump())
    click.echo(f"Saved the {title.lower()} of '{connection.label}'.")


@connections.command("test")
@click.argument("connection_id")
def connections_test(connection_id: str) -> None:
    """Make the service's cheap authenticated call with a connected account."""
    with DataFolder.open() as folder:
        accounts = folder.connections
        connection = accounts.get(connection_id)
        connector = _connector(connection.connector)
        model = connector.credential_model
        assert model is not None
        ok = _tested(connector, _validated(model, accounts.secret(connection_id)))
        accounts.record_test(connection_id, ok)
    if not ok:
        raise SystemExit(1)


@connections.command("remove")
@click.argument("connection_id")
@click.confirmation_option(prompt="Remove this account? Steps that use it will ask for another.")
def connections_remove(connection_id: str) -> None:
    """Forget a connected account and its secret."""
    with DataFolder.open() as folder:
        accounts = folder.connections
        connection = accounts.get(connection_id)
        accounts.remove(connection_id)
        kept_in_cloud = _forget_in_cloud(folder, connection_id)
    click.echo(f"Removed '{connection.label}'.")
    if kept_in_cloud is False:
        click.secho(
            "The cloud may still keep a copy for flows that run there; it is deleted when you "
            "turn running in the cloud off for them, or run this again when online.",
            fg="yellow",
            err=True,
        )


def _forget_in_cloud(folder: DataFolder, connection_id: str) -> bool | None:
    """Deletes the copy a cloud-run flow uploaded (``flowin flows cloud-run``); None when this
    computer runs no flow in the cloud, False when the cloud could not be reached."""
    from .cloud_run import cloud_run_flows
    from .sync import Account, SyncError

    if not cloud_run_flows(folder.store):
        return None
    try:
        with Account(folder.store).client() as client:
            client.delete_cloud_account(connection_id)
    except SyncError:
        return False
    return True


def _ask_trigger_secrets(model: type[BaseModel], given: dict[str, Any]) -> list[str]:
    """Asks for the optional fields the connector's triggers need (a webhook's signing secret):
    the account works without them, but those triggers refuse every request. Returns the keys
    skipped."""
    skipped: list[str] = []
    for key, info in model.model_fields.items():
        if key in given or info.is_required() or not needed_by_triggers(info):
            continue
        if info.description:
            click.echo(info.description)
        value = click.prompt(
            f"{info.title or key} (press Enter to skip)",
            default="",
            show_default=False,
            hide_input=widget_hint(info) == "password",
        )
        if value:
            given[key] = value
        else:
            skipped.append(key)
    return skipped


def _warn_refusing_triggers(connector: Connector, connection_id: str, key: str) -> None:
    assert connector.credential_model is not None
    info = connector.credential_model.model_fields[key]
    names = {trigger.id: trigger.name for trigger in connector.manifest.triggers}
    triggers = [f"'{names.get(i, i)}'" for i in needed_by_triggers(info)]
    listed = ", ".join(triggers[:-1]) + " and " + triggers[-1] if len(triggers) > 1 else triggers[0]
    click.secho(
        f"{info.title or key} is not set: {listed} will refuse every request until it is — "
        f"set it with 'flowin connections set {connection_id} {key}'.",
        fg="yellow",
        err=True,
    )


def _connector(service: str) -> Connector:
    registry = default_registry()
    found = registry.connector(service)
    if found is None:
        known = ", ".join(sorted(c.id for c in registry.connectors if c.credential_model))
        raise FlowinError(
            f"There is no service called '{service}'. Services with accounts: {known}."
        )
    return found


def _parse_values(values: tuple[str, ...], model: type[BaseModel]) -> dict[str, Any]:
    parsed: dict[str, Any] = {}
    for item in values:
        key, separator, value = item.partition("=")
        if not separator or key not in model.model_fields:
            fields = ", ".join(model.model_fields)
            raise FlowinError(f"--set takes FIELD=VALUE, with FIELD one of: {fields}.")
        parsed[key] = value
    return parsed


def _validated(model: type[BaseModel], values: dict[str, Any]) -> BaseModel:
    try:
        return model.model_validate(values)
    except ValidationError as error:
        first = error.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        info = model.model_fields.get(key)
        title = info.title if info and info.title else key
        raise FlowinError(f"{title}: {first['msg']}.") from None


def _tested(connector: Connector, secret: BaseModel) -> bool:
    if connector.test_function is None:
        click.echo(f"{connector.name} has no test call; the account is saved untested.")
        return True
    try:
        answer = connector.test_function(secret)
    except Exception as error:
        click.secho(f"✗ {error}", fg="red", err=True)
        return False
    click.secho(f"✓ {answer}", fg="green")
    return True


def _browser(url: str) -> None:
    click.echo(f"If no browser opens, visit:\n  {url}")
    webbrowser.open(url)


def _last_test(item: Connection) -> str:
    if item.last_test_ok is None:
        return "never"
    return "ok" if item.last_test_ok else "failed"
