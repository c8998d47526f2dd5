"""``flowin account`` and ``flowin sync``: sign this computer in to a Flowin cloud account and
sync its flows there. Passwords are typed at a hidden prompt (or piped with --password-stdin);
tokens go to the keyring, never to the database or the screen. ``flowin account keys`` makes
API keys for the cloud's public API; a key is on the screen whole once, when it is created.
``flowin account two-step`` and ``delete`` ask for the password again."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import click
import segno

from .errors import FlowinError, NotFound
from .store import Store
from .sync import (
    Account,
    ApiKey,
    CloudClient,
    FlowRef,
    Keep,
    RequestRejected,
    SignIn,
    Sync,
    SyncReport,
    WrongCode,
    checked_server,
)

T = TypeVar("T")

_CODE_PROMPTS = {
    "email": "The 6-digit code sent to your e-mail",
    "sms": "The 6-digit code sent to your phone",
    "totp": "The 6-digit code your authenticator app shows",
}
_METHOD_NAMES = {"email": "e-mail", "sms": "text message", "totp": "authenticator app"}

_SERVER_HELP = "The Flowin cloud's address, e.g. https://cloud.flowin.app (default: the last one)."


@click.group()
def account() -> None:
    """Sign in to a Flowin cloud account to sync your flows between computers."""


@account.command("register")
@click.option("--server", envvar="FLOWIN_CLOUD_SERVER", help=_SERVER_HELP)
@click.option("--email", prompt="E-mail", help="Your e-mail address.")
@click.option("--name", help="Your name, as the account shows it.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def account_register(
    server: str | None, email: str, name: str | None, password_stdin: bool
) -> None:
    """Create a cloud account (then sign in with 'flowin account login')."""
    with Store() as store:
        accounts = Account(store)
        url = _server(server, accounts)
        password = _password(password_stdin, confirm=True)
        message = accounts.register(url, email, password, name)
    click.echo(message or "Account requested.")
    click.echo(f"Sign in with: flowin account login --server {url} --email {email}")


@account.command("login")
@click.option("--server", envvar="FLOWIN_CLOUD_SERVER", help=_SERVER_HELP)
@click.option("--email", help="Your e-mail address (default: the last one).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option(
    "--with",
    "provider",
    type=click.Choice(["google", "github"]),
    help="Sign in with Google or GitHub in the browser instead of a password.",
)
def account_login(
    server: str | None, email: str | None, password_stdin: bool, provider: str | None
) -> None:
    """Sign this computer in; asks for the code when two-factor sign-in is on."""
    with Store() as store:
        accounts = Account(store)
        url = _server(server, accounts)
        if provider is not None:
            click.echo(f"Opening your browser to sign in with {provider.title()}…")
            pending = accounts.sign_in_with(url, provider)
        else:
            email = email or accounts.email or click.prompt("E-mail")
            password = _password(password_stdin, confirm=False)
            pending = accounts.sign_in(url, email, password)
        if pending is not None:
            code = click.prompt(_CODE_PROMPTS.get(pending.challenge.method, _CODE_PROMPTS["email"]))
            accounts.verify_two_factor(pending, code)
        if accounts.notice:
            click.secho(accounts.notice, fg="yellow", err=True)
        email = accounts.email
    click.echo(f"Signed in to {url} as {email}. Run 'flowin sync' to sync your flows.")


@account.command("logout")
def account_logout() -> None:
    """Sign this computer out (its flows stay here)."""
    with Store() as store:
        accounts = Account(store)
        if not accounts.signed_in:
            click.echo("This computer isn't signed in to a Flowin cloud account.")
            return
        email = accounts.email
        accounts.sign_out()
    click.echo(f"Signed out {email}. Your flows stay on this computer.")


@account.command("status")
def account_status() -> None:
    """Who this computer is signed in as, and flows waiting for a choice."""
    with Store() as store:
        accounts = Account(store)
        if not accounts.signed_in:
            click.echo("This computer isn't signed in to a Flowin cloud account.")
            return
        click.echo(f"Signed in to {accounts.server} as {accounts.email}.")
        with accounts.client() as client:
            waiting = Sync(store, client).conflicts()
            security = client.security()
        if not security.email_verified:
            click.echo("The e-mail address isn't verified yet: 'flowin account verify-email'.")
        if security.two_factor_method is None:
            click.echo("Two-step sign-in is off.")
        else:
            by = _METHOD_NAMES.get(security.two_factor_method, security.two_factor_method)
            click.echo(
                f"Two-step sign-in is on (codes by {by}; "
                f"{security.backup_codes_left} backup codes left)."
            )
        if waiting:
            click.echo(f"{_count(len(waiting))} changed here and in the cloud: run 'flowin sync'.")


@account.command("verify-email")
def account_verify_email() -> None:
    """E-mail the account's verification link again (the older one stops working)."""
    with Store() as store, Account(store).client() as client:
        _refused_exits_1(client.send_verification_email)
    click.echo("A new link is on its way. Open it within 24 hours to verify the address.")


@account.command("two-step")
@click.argument("action", type=click.Choice(["on", "off", "codes"]))
@click.option(
    "--method",
    type=click.Choice(["email", "sms", "app"]),
    default="email",
    show_default=True,
    help="Where the code comes from with 'on': e-mail, a text message, or an authenticator "
    "app (Google Authenticator, Microsoft Authenticator, 1Password, …).",
)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def account_two_step(action: str, method: str, password_stdin: bool) -> None:
    """Two-step sign-in: 'on' (a code at each sign-in, see --method), 'off', or 'codes' (new
    backup codes; the earlier ones stop working). Asks for the account's password again."""
    with Store() as store, Account(store).client() as client:
        password = _password(password_stdin, confirm=False)
        if action == "off":
            _refused_exits_1(lambda: client.turn_off_two_factor(password))
            click.echo("Two-step sign-in is off: the password alone signs you in.")
            return
        if action == "on" and method == "app":
            codes = _set_up_authenticator_app(client, password)
            click.echo("Two-step sign-in is on: your authenticator app gives the code.")
        elif action == "on":
            codes = _refused_exits_1(lambda: client.turn_on_two_factor(password, method))
            by = _METHOD_NAMES[method]
            click.echo(f"Two-step sign-in is on: a code comes by {by} at each sign-in.")
        else:
            codes = _refused_exits_1(lambda: client.new_backup_codes(password))
    click.echo("Backup codes, each good for one sign-in when the usual code can't reach you.")
    click.echo("Keep them somewhere safe: they are shown only now.")
    click.echo()
    for code in codes:
        click.echo(f"    {code}")


def _set_up_authenticator_app(client: CloudClient, password: str) -> list[str]:
    """Shows the app's QR code and key, then asks for its first code until one is right."""
    setup = _refused_exits_1(lambda: client.start_authenticator_app(password))
    click.echo("Scan this QR code with your authenticator app:")
    click.echo()
    picture = io.StringIO()
    segno.make(setup.uri, error="l").terminal(out=picture, compact=True)
    click.echo(picture.getvalue())
    click.echo("Or add this key to the app by hand (a time-based key):")
    # In groups of four, easier to copy by eye; the apps ignore the spaces.
    grouped = " ".join(setup.secret[at : at + 4] for at in range(0, len(setup.secret), 4))
    click.echo(f"    {grouped}")
    click.echo(f"Setup address: {setup.uri}")
    while True:
        code = click.prompt("The 6-digit code the app shows now")
        try:
            return client.confirm_authenticator_app(code)
        except WrongCode as wrong:  # mistyped, or the code changed meanwhile: ask again
            click.secho(str(wrong), fg="red", err=True)
        except RequestRejected as refusal:
            click.secho(str(refusal), fg="red", err=True)
            sys.exit(1)


@account.command("delete")
@click.option("--yes", is_flag=True, help="Don't ask for confirmation.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def account_delete(yes: bool, password_stdin: bool) -> None:
    """Delete the cloud account and everything in it (flows, runs, API keys). The flows on this
    computer stay, and it signs out."""
    with Store() as store:
        accounts = Account(store)
        email = accounts.email
        if not yes:
            click.confirm(
                f"Delete the cloud account {email} and all its flows, runs and API keys in the "
                "cloud, for good? The flows on this computer stay.",
                abort=True,
            )
        password = _password(password_stdin, confirm=False)
        _refused_exits_1(lambda: accounts.delete_account(password))
    click.echo(f"Deleted the cloud account {email}. Your flows stay on this computer.")


@account.group("keys")
def account_keys() -> None:
    """API keys for the cloud's public API (Authorization: Bearer KEY on /api/...)."""


@account_keys.command("list")
def keys_list() -> None:
    """The account's API keys, masked."""
    with Store() as store, Account(store).client() as client:
        keys = _refused_exits_1(client.list_api_keys)
    if not keys:
        click.echo("No API keys yet. Create one with: flowin account keys create NAME")
        return
    rows = [("NAME", "KEY", "STATE", "CREATED", "EXPIRES", "LAST USED")]
    for key in keys:
        state = "on" if key.active else "off"
        times = (_when(key.created_at), _when(key.expires_at), _when(key.last_used_at))
        rows.append((_clip(key.name, 24), key.key, state, *times))
    for name, masked, state, created, expires, used in rows:
        click.echo(f"{name:<26}{masked:<20}{state:<7}{created:<18}{expires:<18}{used}")


@account_keys.command("create")
@click.argument("name")
@click.option(
    "--expires-in-days",
    type=click.IntRange(min=1),
    metavar="N",
    help="The key stops working after N days (default: never).",
)
def keys_create(name: str, expires_in_days: int | None) -> None:
    """Create an API key called NAME and show it, this once."""
    expires_at = None
    if expires_in_days is not None:
        expires_at = datetime.now(UTC) + timedelta(days=expires_in_days)
    with Store() as store, Account(store).client() as client:
        key = _refused_exits_1(lambda: client.create_api_key(name, expires_at))
        server = client.server
    click.echo(f"Created the API key '{key.name}':")
    click.echo()
    click.echo(f"    {key.key}")
    click.echo()
    click.echo("Copy it now: it will not be shown again. Programs send it as a bearer token:")
    click.echo(f'    curl -H "Authorization: Bearer <key>" {server}/api/flows')


@account_keys.command("off")
@click.argument("key")
def keys_off(key: str) -> None:
    """Switch an API key off: it is refused at once, until switched on.

    KEY is the key's id, its name or its first 8 characters (as 'list' shows them).
    """
    _switch(key, on=False)


@account_keys.command("on")
@click.argument("key")
def keys_on(key: str) -> None:
    """Switch an API key back on.

    KEY is the key's id, its name or its first 8 characters (as 'list' shows them).
    """
    _switch(key, on=True)


@account_keys.command("delete")
@click.argument("key")
@click.option("--yes", is_flag=True, help="Don't ask for confirmation.")
def keys_delete(key: str, yes: bool) -> None:
    """Delete an API key for good.

    KEY is the key's id, its name or its first 8 characters (as 'list' shows them).
    """
    with Store() as store, Account(store).client() as client:
        found = _find_key(_refused_exits_1(client.list_api_keys), key)
        if not yes:
            click.confirm(
                f"Delete the API key '{found.name}' ({found.key})? Programs using it will be "
                "refused.",
                abort=True,
            )
        _refused_exits_1(lambda: client.delete_api_key(found.id))
    click.echo(f"Deleted the API key '{found.name}'.")


@account.group("sessions", invoke_without_command=True)
@click.pass_context
def account_sessions(context: click.Context) -> None:
    """Where the account is signed in; end a sign-in, or all but this one."""
    if context.invoked_subcommand is None:
        context.invoke(sessions_list)


@account_sessions.command("list")
def sessions_list() -> None:
    """Each app and computer signed in to the account (the newest use first)."""
    with Store() as store, Account(store).client() as client:
        sign_ins = client.list_sign_ins()
    now = datetime.now(UTC)
    rows = [("ID", "WHERE", "LAST USED", "FROM", "SIGNED IN")]
    for each in sign_ins:
        where = each.description + (" (this one)" if each.current else "")
        rows.append(
            (
                each.id[:8],
                _clip(where, 44),
                _ago(each.last_used_at, now),
                each.ip_address or "unknown",
                _when(each.created_at),
            )
        )
    for short_id, where, used, address, signed_in in rows:
        click.echo(f"{short_id:<10}{where:<46}{used:<16}{address:<18}{signed_in}")
    if len(sign_ins) > 1:
        click.echo("End one with 'flowin account sessions end ID', all others with 'end-others'.")


@account_sessions.command("end")
@click.argument("sign_in")
def sessions_end(sign_in: str) -> None:
    """Sign the account out in one place at once (its access ends too).

    SIGN_IN is the id 'list' shows (its first 8 characters are enough).
    """
    with Store() as store:
        accounts = Account(store)
        with accounts.client() as client:
            found = _find_sign_in(client.list_sign_ins(), sign_in)
            if not found.current:
                _refused_exits_1(lambda: client.end_sign_in(found.id))
        if found.current:
            accounts.sign_out()
            click.echo("Signed out on this computer. Your flows stay here.")
            return
    click.echo(
        f"Signed out: {found.description}, last used from {found.ip_address or 'an unknown address'}."
    )


@account_sessions.command("end-others")
def sessions_end_others() -> None:
    """Sign the account out everywhere but on this computer."""
    with Store() as store, Account(store).client() as client:
        ended = client.end_other_sign_ins()
    if ended == 0:
        click.echo("The account was signed in nowhere else.")
    else:
        places = "1 other place" if ended == 1 else f"{ended} other places"
        click.echo(f"Signed out in {places}; this computer stays signed in.")


def _find_sign_in(sign_ins: list[SignIn], reference: str) -> SignIn:
    matches = [each for each in sign_ins if each.id == reference]
    matches = matches or [each for each in sign_ins if each.id.startswith(reference)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise FlowinError(f"'{reference}' starts {len(matches)} sign-in ids; give more of it.")
    raise FlowinError(
        f"There is no sign-in '{reference}' (it may have ended). "
        "See them with: flowin account sessions"
    )


def _ago(moment: datetime, now: datetime) -> str:
    seconds = max(0, int((now - moment).total_seconds()))
    for unit, size in (("day", 86_400), ("hour", 3_600), ("minute", 60)):
        if seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return "just now"


@click.command("sync")
@click.option("--resolve", "flow", metavar="FLOW", help="A flow in conflict (id or name).")
@click.option(
    "--keep",
    type=click.Choice([keep.value for keep in Keep]),
    help="With --resolve: keep this computer's flow (mine), the cloud's (theirs) or both.",
)
def sync(flow: str | None, keep: str | None) -> None:
    """Sync your flows with your cloud account.

    Exits with 0 when everything is in sync, 1 when some flows changed both here and in the
    cloud (choose with --resolve FLOW --keep mine|theirs|both), 2 when the sync could not run.
    """
    if (flow is None) != (keep is None):
        raise click.UsageError("--resolve FLOW and --keep mine|theirs|both go together.")
    with Store() as store, Account(store).client() as client:
        syncer = Sync(store, client)
        if flow is not None and keep is not None:
            flow_id = _conflict_id(syncer, store, flow)
            syncer.resolve(flow_id, keep)
            click.echo(_resolved(Keep(keep)))
        report = syncer.run()
    _print(report)
    if report.errors:
        sys.exit(2)
    if report.conflicts:
        sys.exit(1)


def _switch(reference: str, on: bool) -> None:
    with Store() as store, Account(store).client() as client:
        found = _find_key(_refused_exits_1(client.list_api_keys), reference)
        # Toggle flips whatever the state is, so ask only when it differs: running 'off'
        # twice must not switch the key back on.
        if found.active != on:
            found = _refused_exits_1(lambda: client.toggle_api_key(found.id))
    state = "on" if found.active else "off (it is refused until switched on)"
    click.echo(f"The API key '{found.name}' is {state}.")


def _refused_exits_1(call: Callable[[], T]) -> T:
    """The cloud's refusal (e.g. too many keys) is the answer, not a failure to reach it:
    its sentence, exit code 1; signed out and offline stay errors (exit code 2), as for sync."""
    try:
        return call()
    except RequestRejected as refusal:
        click.secho(str(refusal), fg="red", err=True)
        sys.exit(1)


def _find_key(keys: list[ApiKey], reference: str) -> ApiKey:
    """By id, by name when only one key has it, or by the key's first 8 characters (all a
    masked key shows of its start; the whole masked form works too)."""
    for matches in (
        [key for key in keys if key.id == reference],
        [key for key in keys if key.name == reference],
        [key for key in keys if reference in (key.key, key.key[:8])],
    ):
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise FlowinError(
                f"'{reference}' matches {len(matches)} API keys: {_key_names(matches)}. "
                "Give its id instead."
            )
    if not keys:
        raise FlowinError(f"There is no API key '{reference}': the account has none.")
    raise FlowinError(f"There is no API key '{reference}'. The account's keys: {_key_names(keys)}.")


def _key_names(keys: list[ApiKey]) -> str:
    return ", ".join(f"'{key.name}' ({key.key}, id {key.id})" for key in keys)


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else "never"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _server(given: str | None, accounts: Account) -> str:
    server = given or accounts.server
    if not server:
        raise FlowinError("Which Flowin cloud? Give its address with --server URL.")
    return checked_server(server)


def _password(from_stdin: bool, confirm: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise FlowinError("--password-stdin read no password from standard input.")
        return password
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=confirm))


def _conflict_id(syncer: Sync, store: Store, reference: str) -> str:
    waiting = {conflict.flow_id for conflict in syncer.conflicts()}
    if reference in waiting:
        return reference
    try:
        flow_id = store.flows.find(reference).id
    except NotFound:
        flow_id = None
    if flow_id not in waiting:
        raise FlowinError(
            f"'{reference}' has no sync conflict; 'flowin sync' lists the flows that have one."
        )
    assert flow_id is not None
    return flow_id


def _resolved(keep: Keep) -> str:
    return {
        Keep.MINE: "Kept this computer's flow; the cloud now has it.",
        Keep.THEIRS: "Kept the cloud's flow; this computer's is still in its history.",
        Keep.BOTH: "Kept both: the cloud's under the flow's name, this computer's as a copy.",
    }[keep]


def _print(report: SyncReport) -> None:
    lines = [
        ("Sent to the cloud", report.pushed),
        ("Got from the cloud", report.pulled),
        ("Deleted here, as in the cloud", report.deleted_here),
        ("Deleted in the cloud, as here", report.deleted_there),
        ("Brought back here, changed in the cloud after you deleted them", report.restored),
    ]
    for label, flows in lines:
        if flows:
            click.echo(f"{label}: {_names(flows)}.")
    if report.conflicts:
        click.secho(
            f"{_count(len(report.conflicts))} changed both here and in the cloud: "
            f"{_names(report.conflicts, with_ids=True)}. Nothing was changed on either side; "
            "choose with 'flowin sync --resolve FLOW --keep mine|theirs|both'.",
            fg="yellow",
        )
    for error in report.errors:
        click.secho(error, fg="red", err=True)
    if report.synced:
        changed = any(flows for _, flows in lines)
        click.echo("Everything is in sync." if changed else "Everything was already in sync.")


def _names(flows: list[FlowRef], with_ids: bool = False) -> str:
    if with_ids:
        return ", ".join(f"'{flow.name}' ({flow.id})" for flow in flows)
    return ", ".join(f"'{flow.name}'" for flow in flows)


def _count(count: int) -> str:
    return "1 flow" if count == 1 else f"{count} flows"
