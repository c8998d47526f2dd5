"""``flowin``: run, check and inspect flows without the desktop app.

Start-up matters for a command line: the engine's heavier parts (the database, the runner, the
connectors and their SDKs, the template engine) are imported by the commands that use them,
so ``flowin --help`` or a mistyped option answers at once.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from logging.handlers import QueueHandler, QueueListener, RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .errors import FlowFileError, FlowinError, NotFound
from .events import (
    Event,
    ExecutionStatus,
    StepFinished,
    StepSkipped,
    StepStatus,
)
from .paths import data_dir
from .run_ids import short_id

if TYPE_CHECKING:
    from .errors import Problem
    from .model import Flow
    from .runner import ExecutionResult, Runner
    from .store import Store

log = logging.getLogger("flowin")

STOP_GRACE = 10.0  # seconds running steps get to finish when `serve` is stopped

_MARKS = {
    StepStatus.SUCCESS: ("✓", "green"),
    StepStatus.FAILED: ("✗", "red"),
    StepStatus.RETRYING: ("↻", "yellow"),
    StepStatus.REUSED: ("≡", "cyan"),
}


# Commands in modules of their own, imported when used (their imports, the database and
# the cloud client, would slow every other command): name → (module, attribute, short help).
# The short help is what 'flowin --help' lists; a test keeps it equal to the command's own.
LAZY_COMMANDS = {
    "account": (
        "flowin_engine.cli_sync",
        "account",
        "Sign in to a Flowin cloud account to sync your flows between computers.",
    ),
    "connections": (
        "flowin_engine.cli_connections",
        "connections",
        "Connect accounts for steps to use: list, add, test and remove them.",
    ),
    "connectors": (
        "flowin_engine.cli_connectors",
        "connectors",
        "Add a service from its API description (OpenAPI), list or remove the ones added.",
    ),
    "doctor": (
        "flowin_engine.cli_doctor",
        "doctor",
        "Check Flowin's database for damage and list the backups that could replace it.",
    ),
    "insights": (
        "flowin_engine.cli_insights",
        "insights",
        "What your flows did: runs, successes, failing steps, time saved, accounts.",
    ),
    "restore": (
        "flowin_engine.cli_doctor",
        "restore",
        "Replace the database with a backup (the newest sound one unless BACKUP is named).",
    ),
    "sync": ("flowin_engine.cli_sync", "sync", "Sync your flows with your cloud account."),
    "templates": (
        "flowin_engine.cli_templates",
        "templates",
        "Start a flow from a ready-made template, and share your own as files.",
    ),
}


class _Cli(click.Group):
    """Shows a FlowinError as its sentence; anything else as one line, traceback to the log."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS and name not in self.commands:
            module, attribute, _ = LAZY_COMMANDS[name]
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            if name in LAZY_COMMANDS and name not in self.commands:
                # A stand-in command words the short help as the real one will, without loading it.
                stand_in = click.Command(name, help=LAZY_COMMANDS[name][2])
                rows.append((name, stand_in.get_short_help_str(limit)))
                continue
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FlowinError as error:
            click.secho(str(error), fg="red", err=True)
            sys.exit(2)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except Exception as error:
            log.exception("Unexpected error")
            click.secho(
                f"Flowin hit an unexpected problem ({type(error).__name__}: {error}). "
                f"Details are in {data_dir() / 'logs' / 'flowin.log'}.",
                fg="red",
                err=True,
            )
            sys.exit(3)


@click.group(cls=_Cli)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="FLOWIN_DATA_DIR",
    help="Folder for Flowin's database and logs (default: your user data folder).",
)
@click.version_option(package_name="flowin")
def main(data_dir: Path | None) -> None:
    """Flowin: run your automations from the command line."""
    if data_dir is not None:
        os.environ["FLOWIN_DATA_DIR"] = str(data_dir)
    _log_to_file()


def _log_to_file() -> None:
    folder = data_dir() / "logs"
    folder.mkdir(exist_ok=True)
    # Each process of `flowin serve --processes N` keeps a file of its own: one file rotated by
    # several processes would lose lines.
    name = os.environ.get("FLOWIN_LOG_NAME", "flowin.log")
    handler = RotatingFileHandler(folder / name, maxBytes=2_000_000, backupCount=3)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _open_store() -> Store:
    from .store import Store

    store = Store()
    store.executions.mark_interrupted()
    return store


def _load_flow(store: Store, reference: str) -> tuple[Flow, str | None]:
    """A flow file's path, or the id or name of a flow in the database; with a note for the
    user when the flow to run is not the one saved.

    A file is saved as its flow's newest version, so its runs have a history, unless its flow
    is switched on: a test run never changes what is live (an exported file, say, has its
    passwords left out and says "draft"). A run never switches a flow on or off either.
    """
    from .model import FlowStatus

    path = Path(reference)
    if not (path.suffix.lower() == ".json" or path.is_file()):
        return store.flows.find(reference), None
    flow = _read_flow(path)
    saved = _saved_flow(store, flow)
    if saved is not None and saved.status == FlowStatus.ACTIVE:
        flow.status = saved.status
        note = (
            f"'{saved.name}' is switched on, so this test run uses the file and leaves the live "
            "flow as it is; 'flowin flows import' replaces it."
        )
        return flow, note
    flow.status = saved.status if saved is not None else FlowStatus.DRAFT
    store.flows.save(flow)
    return flow, None


def _read_flow(path: Path) -> Flow:
    """A flow file, each step's type under its current name: a file saved before a connector
    renamed an operation is saved under the new name."""
    from .model import Flow
    from .registry import default_registry

    return default_registry().with_current_names(Flow.load(path))


def _saved_flow(store: Store, flow: Flow) -> Flow | None:
    """The saved flow ``flow`` (read from a file) would replace, if any. A file without dates
    takes the saved ones, so reading it again is not an edit."""
    try:
        saved = store.flows.get(flow.id)
    except NotFound:
        return None
    if "created_at" not in flow.model_fields_set:
        flow.created_at = saved.created_at
    _keep_left_out_secrets(flow, saved)
    return saved


def _keep_left_out_secrets(flow: Flow, saved: Flow) -> None:
    """A step the file has exactly as an export of the saved flow writes it (passwords and
    keys typed into it left out) keeps the saved step's settings, secrets included: importing
    an exported flow back must not empty them."""
    from .registry import default_registry
    from .sharing import shareable

    exported, left_out = shareable(saved, default_registry())
    if not left_out:
        return
    saved_params = {node.id: node.params for node in saved.nodes}
    as_exported = {node.id: node.params for node in exported.nodes}
    for node in flow.nodes:
        if node.id in saved_params and node.params == as_exported[node.id]:
            node.params = saved_params[node.id]


def _parse_input(text: str | None) -> Any:
    if text is None:
        return None
    if text.startswith("@"):
        try:
            text = Path(text[1:]).read_text(encoding="utf-8")
        except OSError as error:
            raise FlowFileError(
                f"Can't read the input file {text[1:]}: {error.strerror}."
            ) from None
    try:
        return json.loads(text)
    except ValueError as error:
        raise FlowFileError(f"--input is not valid JSON: {error}.") from None


class _Progress:
    """Prints each step as it ends, on the event bus's thread."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet

    def __call__(self, events: Sequence[Event]) -> None:
        for event in events:
            if self.quiet:
                continue
            if isinstance(event, StepFinished):
                mark, colour = _MARKS.get(event.status, ("·", "white"))
                label = f"  {click.style(mark, fg=colour)} {event.node_name}"
                if event.iteration is not None:
                    label += f" [{event.iteration + 1}]"
                if event.status == StepStatus.RETRYING:
                    detail = f"{event.error} — trying again in {event.retry_in:.1f} s"
                elif event.status == StepStatus.FAILED:
                    detail = click.style(event.error or "", fg="red")
                else:
                    detail = _duration(event.duration)
                click.echo(f"{label:<40} {detail}")
            elif isinstance(event, StepSkipped):
                click.echo(f"  {click.style('–', fg='bright_black')} {event.node_name:<36} skipped")


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _summary(result: ExecutionResult) -> None:
    took = _duration(result.duration)
    shown = short_id(result.execution_id)
    if result.status == ExecutionStatus.SUCCESS:
        click.secho(f"✔ Succeeded in {took} (execution {shown})", fg="green")
    elif result.status == ExecutionStatus.CANCELLED:
        click.secho(f"■ Cancelled after {took} (execution {shown})", fg="yellow")
    else:
        click.secho(f"✘ Failed in {took}: {result.error}", fg="red", err=True)
        click.echo(
            f"  Execution {shown} — fix the problem, then 'flowin executions retry {shown}'.",
            err=True,
        )


def _run_and_report(runner: Runner, store: Store, start: Any, quiet: bool, as_json: bool) -> None:
    runner.events.subscribe(_Progress(quiet or as_json))
    try:
        handle = start()
        try:
            result = handle.wait()
        except KeyboardInterrupt:
            handle.cancel()
            result = handle.wait(30)
    finally:
        runner.shutdown()
        store.close()
    if as_json:
        click.echo(json.dumps(_result_json(result), ensure_ascii=False, default=str, indent=2))
    else:
        _summary(result)
    if not result.ok:
        sys.exit(1)


def _result_json(result: ExecutionResult) -> dict[str, Any]:
    return {
        "execution_id": result.execution_id,
        "status": str(result.status),
        "error": result.error,
        "failed_step": result.failed_node,
        "duration": result.duration,
        "outputs": result.outputs,
    }


@main.command()
@click.argument("flow")
@click.option("--input", "input_text", help="Trigger data as JSON, or @file.json.")
@click.option("--workers", default=8, show_default=True, help="Steps that may run at once.")
@click.option("--quiet", is_flag=True, help="Print only the summary.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def run(flow: str, input_text: str | None, workers: int, quiet: bool, as_json: bool) -> None:
    """Run FLOW (a flow file, or a saved flow's id or name) once and show each step."""
    from .data_folder import DataFolder
    from .validation import check_flow

    store = _open_store()
    loaded, note = _load_flow(store, flow)
    check_flow(loaded)
    trigger_data = _parse_input(input_text)
    runner = DataFolder(store).runner(workers=workers)
    if note:
        click.echo(note, err=as_json)
    if not (quiet or as_json):
        click.echo(f"▶ Running '{loaded.name}'")
    # Checked just above, with the problems shown before anything starts: once is enough.
    _run_and_report(
        runner,
        store,
        lambda: runner.start(loaded, trigger_data, mode="cli", validate=False),
        quiet,
        as_json,
    )


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check flow files and explain anything that would stop them from running."""
    from .model import Flow
    from .validation import validate_flow

    failed = False
    for path in files:
        try:
            flow = Flow.load(path)
        except FlowFileError as error:
            click.secho(f"✗ {path}: {error}", fg="red")
            failed = True
            continue
        problems = validate_flow(flow)
        if problems:
            failed = True
            click.secho(f"✗ {path}: '{flow.name}' can't run yet:", fg="red")
            for problem in problems:
                click.echo(f"    • {problem}")
        else:
            click.secho(f"✓ {path}: '{flow.name}' is ready to run.", fg="green")
    if failed:
        sys.exit(1)


@main.group()
def flows() -> None:
    """List, import and export saved flows."""


@flows.command("list")
def flows_list() -> None:
    """Show saved flows with their status and today's runs."""
    from .cloud_run import cloud_run_flows

    with _open_store() as store:
        items = store.flows.summaries()
        in_cloud = cloud_run_flows(store)
    if not items:
        click.echo("No flows yet — import one with 'flowin flows import FILE'.")
        return
    width = max(14, *(len(item.id) + 2 for item in items))
    click.echo(
        f"{'ID':<{width}}{'NAME':<32}{'STATUS':<10}{'VERSION':>8}{'RUNS TODAY':>12}{'SUCCESS':>9}"
    )
    for item in items:
        ratio = "—" if item.success_ratio is None else f"{item.success_ratio:.0%}"
        # A flow that runs in the cloud is not run by this computer, whatever its switch says.
        status = "cloud" if item.id in in_cloud else str(item.status)
        click.echo(
            f"{item.id:<{width}}{_clip(item.name, 30):<32}{status:<10}{item.version:>8}"
            f"{item.runs_today:>12}{ratio:>9}"
        )
    if in_cloud & {item.id for item in items}:
        click.echo("cloud: runs in your Flowin cloud account ('flowin flows cloud-run NAME off').")


@flows.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def flows_import(files: tuple[Path, ...]) -> None:
    """Save flow files into Flowin's database."""
    from .model import FlowStatus
    from .validation import validate_flow

    failed = False
    with _open_store() as store:
        for path in files:
            flow = _read_flow(path)
            saved = _saved_flow(store, flow)
            problems = validate_flow(flow)
            if saved is not None and saved.status == FlowStatus.ACTIVE:
                failed |= not _import_onto_live(store, flow, saved, path, problems)
                continue
            if saved is not None:
                flow.status = saved.status  # importing is not switching on or off
            version = store.flows.save(flow)
            note = "" if not problems else f" — {len(problems)} thing(s) to fix before it can run"
            click.echo(f"Imported '{flow.name}' ({flow.id}, version {version}){note}.")
    if failed:
        sys.exit(1)


def _import_onto_live(
    store: Store, flow: Flow, saved: Flow, path: Path, problems: list[Problem]
) -> bool:
    """Replace a switched-on flow with a file's version, which stays on; a version that can't
    run would switch it off, so then the live flow is kept and the problems are listed."""
    from .model import FlowStatus

    if problems:
        click.echo(
            f"'{saved.name}' is switched on, and {path} has {len(problems)} thing(s) to fix, "
            f"so the live flow was kept as it is. Fix the file, or switch the flow off first "
            f"('flowin flows pause {saved.id}'):"
        )
        for problem in problems:
            click.echo(f"    • {problem}")
        return False
    before = store.flows.current_version(saved.id)
    flow.status = FlowStatus.ACTIVE
    version = store.flows.save(flow)
    if version == before:
        click.echo(
            f"'{flow.name}' is switched on and already the same as {path}: nothing to import."
        )
    else:
        click.echo(
            f"Imported '{flow.name}' ({flow.id}, version {version}). '{flow.name}' is switched "
            f"on: this version replaced the live one (version {before}) and runs from now on."
        )
    return True


@flows.command("export")
@click.argument("flow")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write."
)
def flows_export(flow: str, output: Path | None) -> None:
    """Write a saved flow as JSON (to a file, or to the screen), without typed-in secrets."""
    from .registry import default_registry
    from .sharing import shareable

    with _open_store() as store:
        found = store.flows.find(flow)
    shared, left_out = shareable(found, default_registry())
    text = shared.to_json()
    if output is None:
        click.echo(text)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Exported '{found.name}' to {output}.")
    if left_out:
        places = ", ".join(str(item) for item in left_out)
        click.echo(
            f"Left out passwords and keys ({places}): fill them in after importing.", err=True
        )


@flows.command("cloud-run")
@click.argument("flow")
@click.argument("state", type=click.Choice(["on", "off"]))
@click.option("--yes", is_flag=True, help="Agree to upload the flow's accounts without asking.")
def flows_cloud_run(flow: str, state: str, yes: bool) -> None:
    """Run FLOW in your cloud account (on), also while this computer sleeps, or on your
    computers (off). Turning it on asks before uploading the accounts it uses."""
    from .cli_cloud_run import cloud_run

    cloud_run(flow, state, yes)


@flows.command("activate")
@click.argument("flow")
def flows_activate(flow: str) -> None:
    """Switch a flow on: its trigger runs it while 'flowin serve' or the app is running."""
    _set_status(flow, "active")


@flows.command("pause")
@click.argument("flow")
def flows_pause(flow: str) -> None:
    """Switch a flow off; it keeps its history and can be switched on again."""
    _set_status(flow, "paused")


def _set_status(reference: str, wanted: str) -> None:
    from .model import FlowStatus
    from .validation import check_flow

    status = FlowStatus(wanted)
    with _open_store() as store:
        flow = store.flows.find(reference)
        if status == FlowStatus.ACTIVE:
            check_flow(flow)
        store.flows.set_status(flow.id, status)
    state = "on" if status == FlowStatus.ACTIVE else "off"
    click.echo(f"'{flow.name}' is switched {state}.")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface for webhooks.")
@click.option("--port", default=5678, show_default=True, help="Port for webhooks.")
@click.option("--public-url", help="The address a tunnel exposes this machine at.")
@click.option("--workers", default=8, show_default=True, help="Steps that may run at once.")
@click.option("--max-running", default=32, show_default=True, help="Executions at once.")
@click.option(
    "--sync-every",
    default=60,
    show_default=True,
    help="Signed in to a cloud account: sync flows and pick up runs queued through the cloud's "
    "API this often (seconds; 0: never).",
)
@click.option(
    "--processes",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Processes answering webhooks on the same port, to use more than one core (Linux).",
)
@click.option("--worker-of", type=int, hidden=True)  # a process of `serve --processes N`
@click.option("--keeps-timers", is_flag=True, hidden=True)  # …the one that runs schedules
def serve(
    host: str,
    port: int,
    public_url: str | None,
    workers: int,
    max_running: int,
    sync_every: int,
    processes: int,
    worker_of: int | None,
    keeps_timers: bool,
) -> None:
    """Run every active flow: webhooks, schedules and polling, until stopped (Ctrl+C)."""
    from .supervisor import SHARED_PORT_SUPPORTED, ServeOptions

    options = ServeOptions(host, port, public_url, workers, max_running, sync_every)
    if processes > 1 and worker_of is None:
        if SHARED_PORT_SUPPORTED:
            _supervise(options, processes)
            return
        click.echo(
            "Several processes need Linux, where they can share one port; running in one process."
        )
    console = logging.StreamHandler(sys.stdout)
    console.setFormatter(logging.Formatter("%(asctime)s  %(message)s", "%H:%M:%S"))
    # The run log and the cloud relay's lines; the rest goes to the file.
    console.addFilter(lambda record: record.name in ("flowin.runtime", "flowin.relay"))
    logging.getLogger("flowin.runtime").setLevel(logging.INFO)
    logging.getLogger("flowin.relay").setLevel(logging.INFO)
    with _logging_in_background(console):
        interrupted = _serve(options, worker_of, keeps_timers)
    if interrupted:
        # Their steps still run on threads the interpreter would wait for at exit; everything
        # worth keeping is on disk, so leave now rather than after the slowest step.
        sys.stdout.flush()
        sys.stderr.flush()
        logging.shutdown()
        os._exit(0)


@contextmanager
def _logging_in_background(*extra: logging.Handler) -> Iterator[None]:
    """Every log record goes through a queue to one thread that formats and writes it.

    A line per run costs about 100 µs of formatting and writing under the handlers' locks; a
    server's threads hand it over and get back to their runs and callers instead.
    """
    root = logging.getLogger()
    handlers = [*root.handlers, *extra]
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    listener = QueueListener(records, *handlers, respect_handler_level=True)
    into_queue = QueueHandler(records)
    for handler in handlers[: len(root.handlers)]:
        root.removeHandler(handler)
    root.addHandler(into_queue)
    listener.start()
    try:
        yield
    finally:
        root.removeHandler(into_queue)
        listener.stop()  # writes what is still queued
        for handler in handlers[: len(handlers) - len(extra)]:
            root.addHandler(handler)


def _supervise(options: Any, processes: int) -> None:
    """``serve --processes N``: the supervisor, which holds the data folder for its workers."""
    from .paths import database_path
    from .runtime import AlreadyRunning
    from .runtime._lock import DataFolderLock
    from .supervisor import Supervisor

    lock = DataFolderLock(database_path())
    try:
        lock.acquire()
    except AlreadyRunning as error:
        raise FlowinError(f"{error} Or use another folder with --data-dir.") from None
    supervisor = Supervisor(options, processes, _echo_now, data_dir())
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: supervisor.stopping.set())
    try:
        with _open_store():  # checked and brought up to date once, before the workers open it
            pass
        supervisor.run(stop_grace=STOP_GRACE)
    finally:
        lock.release()
    click.echo("Stopped.")


def _echo_now(line: str) -> None:
    click.echo(line)
    sys.stdout.flush()


def _serve(options: Any, worker_of: int | None = None, keeps_timers: bool = True) -> int:
    """``serve``'s work; returns how many runs stopping cut short.

    With ``worker_of`` this is one process of ``serve --processes N`` (see supervisor.py):
    its supervisor holds the data folder, prints what concerns them all, and starts it again
    if it dies; ``keeps_timers`` is true for the one that runs schedules and polling."""
    from .data_folder import DataFolder
    from .long_running import freeze_start_up_objects
    from .runtime import AlreadyRunning, RuntimeSettings, WebhooksUnavailable
    from .supervisor import become_worker, tell_supervisor_ready

    worker = worker_of is not None
    if worker:
        become_worker(worker_of)
    else:
        keeps_timers = True
    host, port, sync_every = options.host, options.port, options.sync_every
    folder = DataFolder.open()
    store = folder.store
    if folder.secrets_notice and keeps_timers:
        click.echo(folder.secrets_notice)
    settings = RuntimeSettings(
        host=host,
        port=port,
        public_url=options.public_url,
        workers=options.workers,
        max_running=options.max_running,
        keeps_timers=keeps_timers,
        reuse_port=worker,
        locks_folder=not worker,
    )
    runtime = folder.runtime(settings)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    try:
        runtime.start(webhooks_required=True)
    except AlreadyRunning as error:
        raise FlowinError(f"{error} Or use another folder with --data-dir.") from None
    except WebhooksUnavailable as error:
        raise FlowinError(
            f"{error} Another program, or another Flowin, may be using this port; "
            "choose another one with --port."
        ) from None
    addresses = []
    for flow_id in runtime.active_flows():
        url = runtime.webhook_url(flow_id)
        if url:
            addresses.append(f"  {runtime.flow_name(flow_id)}: {url}")
    if runtime.account.signed_in and keeps_timers:
        addresses.append(
            f"Signed in to {runtime.account.server}: webhooks sent to your flows' public "
            "addresses there come in through the cloud's relay (addresses follow)."
        )
    freeze_start_up_objects()  # before the first request: see long_running.py
    if worker:
        tell_supervisor_ready(addresses if keeps_timers else [])
    else:
        click.echo(f"Flowin is running. Webhooks listen on {runtime.address} — Ctrl+C stops.")
        for line in addresses:
            click.echo(line)
    sys.stdout.flush()
    next_sync = time.monotonic()
    while not stop.wait(0.5):
        if keeps_timers and sync_every > 0 and time.monotonic() >= next_sync:
            next_sync = time.monotonic() + sync_every
            _sync_with_cloud(store, runtime)
    if not worker:
        click.echo(f"Stopping: letting running steps finish (up to {STOP_GRACE:.0f} seconds)…")
    interrupted = runtime.stop(grace=STOP_GRACE)
    store.close()
    if worker:
        if interrupted:
            click.echo(f"{interrupted} run(s) were cut short and marked interrupted.")
    elif not interrupted:
        click.echo("Stopped.")
    else:
        click.echo(
            f"Stopped. {interrupted} run(s) were cut short and marked interrupted: "
            "'flowin executions retry ID' carries on from where one stopped."
        )
    return interrupted


def _sync_with_cloud(store: Store, runtime: Any) -> None:
    """One background sync for ``serve``: flows both ways, then the cloud's queued runs."""
    from .sync import Account, Sync, SyncError, pick_up_runs

    account = Account(store)
    if not account.signed_in:
        return
    with account.client() as client:
        report = Sync(store, client).run()
        for problem in report.errors:
            click.echo(f"Sync: {problem}")
        for conflict in report.conflicts:
            # In the bell and through the owner's channels (once a day per flow at most).
            runtime.notifications.sync_conflict(conflict.id, conflict.name)
        if report.errors:
            return
        try:
            runs = pick_up_runs(store, client, runtime)
        except SyncError as error:
            click.echo(f"Sync: {error}")
            return
    for run_id in runs.started:
        click.echo(f"  Running {short_id(run_id)}, queued through the cloud")
    sys.stdout.flush()


@main.group()
def executions() -> None:
    """Look at past runs and retry failed ones."""


# Also `flowin runs ...`: the name notifications give for looking at a failed run
# (`flowin runs show ID`).
main.add_command(executions, "runs")


@executions.command("list")
@click.option("--flow", "flow_ref", help="Only this flow (id or name).")
@click.option(
    "--status",
    type=click.Choice([s.value for s in ExecutionStatus]),
    help="Only runs that ended this way.",
)
@click.option("--since", help="Only runs started since: a date (2026-11-01) or hours ago (24h).")
@click.option("--limit", default=20, show_default=True)
def executions_list(
    flow_ref: str | None, status: str | None, since: str | None, limit: int
) -> None:
    """Show recent runs, newest first."""
    with _open_store() as store:
        flow_id = store.flows.find(flow_ref).id if flow_ref else None
        items = store.executions.summaries(
            flow_id=flow_id,
            status=ExecutionStatus(status) if status else None,
            since=_parse_since(since),
            limit=limit,
        )
    if not items:
        click.echo("No runs yet.")
        return
    click.echo(f"{'ID':<10}{'FLOW':<28}{'STATUS':<13}{'STARTED':<22}{'TOOK':>10}  WHERE")
    for item in items:
        took = "" if item.duration_ms is None else _duration(item.duration_ms / 1000)
        started = item.started_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        colour = {"success": "green", "failed": "red", "interrupted": "yellow"}.get(
            str(item.status)
        )
        click.echo(
            f"{short_id(item.id):<10}{_clip(item.flow_name, 26):<28}"
            f"{click.style(f'{item.status!s:<13}', fg=colour)}{started:<22}{took:>10}"
            f"  {_where(item.mode)}"
        )


# The mode of a run the cloud made, copied into this history by the sync (flowin_engine.sync.runs).
_CLOUD_MODE = "cloud"


def _where(mode: str) -> str:
    return "cloud" if mode == _CLOUD_MODE else "here"


def _parse_since(text: str | None) -> datetime | None:
    if not text:
        return None
    if text.endswith("h") and text[:-1].isdigit():
        return datetime.now(UTC) - timedelta(hours=int(text[:-1]))
    if text.endswith("d") and text[:-1].isdigit():
        return datetime.now(UTC) - timedelta(days=int(text[:-1]))
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(
            "use a date like 2026-11-01, or 24h / 7d", param_hint="--since"
        ) from None
    return moment if moment.tzinfo else moment.astimezone(UTC)


@executions.command("show")
@click.argument("execution_id")
@click.option("--json", "as_json", is_flag=True, help="Print everything as JSON.")
def executions_show(execution_id: str, as_json: bool) -> None:
    """Show one run with every step's input, output and error."""
    with _open_store() as store:
        detail = store.executions.get(execution_id)
    if as_json:
        click.echo(json.dumps(_as_plain(detail), ensure_ascii=False, default=str, indent=2))
        return
    click.echo(f"Execution {detail.id}  —  '{detail.flow_name}' (version {detail.flow_version})")
    click.echo(
        f"Status: {detail.status}   Started: {detail.started_at.astimezone():%Y-%m-%d %H:%M:%S}"
    )
    if detail.mode == _CLOUD_MODE:
        click.echo("Ran in your Flowin cloud account, not on this computer.")
        if detail.error:
            # The cloud keeps its own copy of the flow's accounts, taken when it was turned on.
            click.echo(
                "After fixing a connected account here, run 'flowin flows cloud-run "
                f'"{detail.flow_name}" on\' again so the cloud gets it too.'
            )
    if detail.error and detail.failed_node:
        click.secho(f"Failed at step '{detail.failed_node}': {detail.error}", fg="red")
    elif detail.error:
        click.secho(f"Error: {detail.error}", fg="red")
    click.echo(f"Trigger data: {_short_json(detail.trigger_data)}")
    for step in detail.steps:
        mark, colour = _MARKS.get(StepStatus(step.status), ("–", "bright_black"))
        attempt = f" (attempt {step.attempt})" if step.attempt > 1 else ""
        took = "" if step.duration_ms is None else _duration(step.duration_ms / 1000)
        click.echo(
            f"  {click.style(mark, fg=colour)} {step.node_name}{attempt}  {step.status}  {took}"
        )
        if step.error:
            click.secho(f"      error:  {step.error}", fg="red")
        if step.input is not None:
            click.echo(f"      input:  {_short_json(step.input)}")
        if step.output is not None:
            click.echo(f"      output: {_short_json(step.output)}")


@executions.command("retry")
@click.argument("execution_id")
@click.option("--quiet", is_flag=True)
def executions_retry(execution_id: str, quiet: bool) -> None:
    """Run a failed execution again from the step that failed, with the data it had."""
    from .data_folder import DataFolder
    from .history import retry_execution

    store = _open_store()
    runner = DataFolder(store).runner()
    _run_and_report(
        runner, store, lambda: retry_execution(store, runner, execution_id), quiet, False
    )


@executions.command("prune")
@click.option(
    "--older-than", "days", type=int, help="Days of history to keep (default: setting, 30)."
)
def executions_prune(days: int | None) -> None:
    """Delete old runs from the history."""
    with _open_store() as store:
        removed = store.executions.prune(timedelta(days=days) if days is not None else None)
    click.echo(f"Removed {removed} old run(s).")


@main.group()
def notifications() -> None:
    """The notifications of failed, recovered and silent flows (the app's bell)."""


@notifications.command("list")
@click.option("--unread", is_flag=True, help="Only the ones not read yet.")
@click.option("--limit", default=20, show_default=True)
def notifications_list(unread: bool, limit: int) -> None:
    """Show the newest notifications, unread ones marked with •."""
    with _open_store() as store:
        rows = store.notifications.list(unread_only=unread, limit=limit)
    if not rows:
        click.echo("No notifications." if not unread else "No unread notifications.")
        return
    for row in rows:
        mark = click.style("•", fg="red") if not row.read else " "
        when = row.at.astimezone().strftime("%Y-%m-%d %H:%M")
        times = f"  (×{row.count})" if row.count > 1 else ""
        click.echo(f"{mark} {row.id[:8]}  {when}  {row.title}{times}")
        click.echo(f"      {row.text}")
        command = (row.data or {}).get("command")
        if command:
            click.echo(f"      {command}")


@notifications.command("read")
@click.argument("ids", nargs=-1)
@click.option("--all", "everything", is_flag=True, help="Mark every notification read.")
def notifications_read(ids: tuple[str, ...], everything: bool) -> None:
    """Mark notifications read (by the ids 'flowin notifications list' shows, or --all)."""
    if not ids and not everything:
        raise click.UsageError("Name the notifications to mark read, or give --all.")
    with _open_store() as store:
        if everything:
            count = store.notifications.mark_all_read()
        else:
            rows = store.notifications.list(limit=10_000)
            wanted = [row.id for row in rows if any(row.id.startswith(i) for i in ids)]
            count = len(store.notifications.mark_read(wanted))
    click.echo(f"Marked {count} notification(s) read.")


def _as_plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return {k: _as_plain(getattr(value, k)) for k in value.__dataclass_fields__}
    if isinstance(value, list):
        return [_as_plain(v) for v in value]
    return value


def _short_json(value: Any, limit: int = 300) -> str:
    return _clip(json.dumps(value, ensure_ascii=False, default=str), limit)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["NotFound", "main"]
