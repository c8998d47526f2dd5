"""``flowin templates``: find a ready-made flow, make it yours with a few answers, and share
templates as files."""

from __future__ import annotations

from pathlib import Path

import click

from .credentials import Connection
from .data_folder import DataFolder
from .errors import FlowinError
from .templates import (
    CATEGORY_NAMES,
    FILE_SUFFIX,
    Category,
    Template,
    TemplateError,
    TemplateLibrary,
    export_template,
    import_template,
    instantiate,
    needed_accounts,
    save_as_template,
)

_LANGUAGE = click.option(
    "--language",
    type=click.Choice(["en", "ar"]),
    default="en",
    show_default=True,
    help="The language of the names, descriptions and messages.",
)


@click.group()
def templates() -> None:
    """Start a flow from a ready-made template, and share your own as files."""


@templates.command("list")
@click.option("--search", "text", help="Only templates with these words (English or Arabic).")
@_LANGUAGE
def templates_list(text: str | None, language: str) -> None:
    """Show the templates, by category."""
    library = TemplateLibrary()
    found = library.search(text or "", language)  # type: ignore[arg-type]
    if not found:
        click.echo(f"No template matches '{text}'; try fewer or other words.")
        return
    for category in Category:
        in_category = [t for t in found if t.category == category]
        if not in_category:
            continue
        click.secho(CATEGORY_NAMES[category][language], bold=True)
        for template in in_category:
            mark = " (yours)" if template.private else ""
            services = ", ".join(template.services)
            click.echo(f"  {template.id:<40} {template.name.in_language(language)}{mark}")
            click.echo(f"  {'':<40} uses {services}")
    click.echo("Use one with 'flowin templates show ID', then 'flowin templates use ID'.")


@templates.command("show")
@click.argument("template_id")
@_LANGUAGE
def templates_show(template_id: str, language: str) -> None:
    """What a template does, the accounts it needs and the blanks to fill in."""
    template = TemplateLibrary().get(template_id)
    click.secho(template.name.in_language(language), bold=True)
    click.echo(template.description.in_language(language))
    if template.minutes_saved_per_run:
        click.echo(f"Saves about {template.minutes_saved_per_run} minutes each time it runs.")
    needs = needed_accounts(template)
    if needs:
        click.echo("Accounts (--connection SERVICE=ACCOUNT):")
        for need in needs:
            click.echo(f"  {need.connector:<16} for {', '.join(need.nodes)}")
    if template.blanks:
        click.echo("Blanks (--answer KEY=VALUE):")
        for blank in template.blanks:
            default = blank.default_in(language)
            hint = f" [default: {default}]" if default else " (required)" if blank.required else ""
            click.echo(f"  {blank.key:<16} {blank.label.in_language(language)}{hint}")
            click.echo(f"  {'':<16} {blank.help.in_language(language)}")
            if blank.choices:
                click.echo(f"  {'':<16} one of: {', '.join(blank.choices)}")


@templates.command("use")
@click.argument("template_id")
@click.option(
    "--answer", "answers", multiple=True, metavar="KEY=VALUE", help="Fill in one of its blanks."
)
@click.option(
    "--connection",
    "chosen",
    multiple=True,
    metavar="SERVICE=ACCOUNT",
    help="The connected account (its id or name) a service's steps use; a service with only "
    "one connected account uses it without asking.",
)
@click.option("--name", help="A name for the new flow (default: the template's).")
@_LANGUAGE
def templates_use(
    template_id: str,
    answers: tuple[str, ...],
    chosen: tuple[str, ...],
    name: str | None,
    language: str,
) -> None:
    """Make a new flow from a template and save it (switched off, ready for a test run)."""
    template = TemplateLibrary().get(template_id)
    given = _pairs(answers, "--answer", "KEY=VALUE")
    with DataFolder.open() as folder:
        connections = _accounts(template, _pairs(chosen, "--connection", "SERVICE=ACCOUNT"), folder)
        flow = instantiate(
            template,
            given,
            connections,
            folder.registry,
            language=language,  # type: ignore[arg-type]
        )
        if name:
            flow.name = name
        folder.store.flows.save(flow)
    click.echo(f"Made the flow '{flow.name}' ({flow.id}); it is switched off.")
    click.echo(
        f"Try it with 'flowin run {flow.id}', then switch it on with 'flowin flows activate "
        f"{flow.id}'."
    )


@templates.command("export")
@click.argument("template_id")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def templates_export(template_id: str, path: Path) -> None:
    """Write a template as one .flowin-template file to share (no secrets, no accounts)."""
    written = export_template(TemplateLibrary().get(template_id), path)
    click.echo(f"Wrote {written}.")


@templates.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def templates_import(path: Path) -> None:
    """Add a .flowin-template file to your templates."""
    template = import_template(path)
    click.echo(f"Added the template '{template.name.en}' ({template.id}).")


@templates.command("save")
@click.argument("flow_reference", metavar="FLOW")
@click.option("--name", required=True, help="The template's name.")
@click.option("--description", default="", help="What it does, in a sentence.")
@click.option(
    "--category",
    type=click.Choice([c.value for c in Category]),
    default=Category.TEAM.value,
    show_default=True,
)
def templates_save(flow_reference: str, name: str, description: str, category: str) -> None:
    """Keep a flow (its id or name) as one of your templates, without its secrets, accounts
    or test data."""
    with DataFolder.open() as folder:
        flow = folder.store.flows.find(flow_reference)
        template = save_as_template(flow, name, description, category, registry=folder.registry)
    click.echo(f"Saved the template '{name}' ({template.id}) in {template.folder}.")
    click.echo(f"Share it with 'flowin templates export {template.id} FILE{FILE_SUFFIX}'.")


def _pairs(items: tuple[str, ...], option: str, form: str) -> dict[str, str]:
    pairs = {}
    for item in items:
        key, equals, value = item.partition("=")
        if not equals or not key.strip():
            raise click.UsageError(f"{option} takes {form}, not '{item}'.")
        pairs[key.strip()] = value
    return pairs


def _accounts(template: Template, chosen: dict[str, str], folder: DataFolder) -> dict[str, str]:
    """Connector id → connection id: the accounts named, and a service's only account."""
    needs = {need.connector: need for need in needed_accounts(template, folder.registry)}
    unknown = sorted(set(chosen) - set(needs))
    if unknown:
        raise TemplateError(
            f"The template '{template.id}' uses no {', '.join(unknown)} account; it uses "
            f"{', '.join(needs) or 'none'}."
        )
    accounts = {}
    for connector in needs:
        mine = folder.connections.list(connector)
        if connector in chosen:
            accounts[connector] = _find(chosen[connector], connector, mine).id
        elif len(mine) == 1:
            accounts[connector] = mine[0].id
        elif len(mine) > 1:
            listed = ", ".join(f"{c.label} ({c.id})" for c in mine)
            raise TemplateError(
                f"You have several {connector} accounts ({listed}); say which with "
                f"--connection {connector}=ACCOUNT."
            )
    return accounts


def _find(wanted: str, connector: str, mine: list[Connection]) -> Connection:
    for connection in mine:
        if wanted in (connection.id, connection.label):
            return connection
    raise FlowinError(
        f"There is no {connector} account '{wanted}'; 'flowin connections list --service "
        f"{connector}' shows yours, 'flowin connections add {connector}' adds one."
    )
