"""``flowin serve --processes N``: N worker processes answering webhooks on one port.

Python runs one thread at a time per process, so one ``flowin serve`` is bound to about one
core. Here each worker is a whole ``flowin serve`` of its own (a runtime with its listener,
starter, step workers and inbox writer) and all of them listen on the same port with
``SO_REUSEPORT``: the Linux kernel spreads incoming connections over them. Other systems
either lack the option or don't spread connections with it, so there Flowin runs one process
and says so.

**One shared database, not a shard per process.** The workers share the data folder's one
SQLite file (WAL mode, ``synchronous=NORMAL``, each event committed before its 2xx), because:

- everything that reads the history keeps working unchanged and sees every process's runs:
  ``flowin executions list``/``show``/``retry``, the desktop's history, sync, pruning, backups;
  shards would need every one of them to merge N files, and a retry or a run resumed after a
  crash to find which file holds it;
- SQLite lets one writer in at a time, but each worker already commits its events in groups
  (one transaction and one WAL append per batch), so two processes hold the write lock a small
  part of the time; bench/README.md has the figures for one and two processes.

**Exactly once across ``kill -9`` of any process.** Each inbox event and each run records the
process that accepted or began it ("pid:start time"). A worker starting — the first time, or
in place of one that died — takes over, in one write transaction, only what belongs to itself
or to a process that no longer runs: the events accepted but never begun and the parked runs
(long Delays); runs left "running" by a dead process are marked interrupted, to retry. What a
live worker accepted stays its own, so nothing runs twice, and the transaction keeps two
workers starting at once from taking the same event. Killing the supervisor kills its workers
(the kernel does, ``PR_SET_PDEATHSIG``); the next ``flowin serve`` takes everything over.

**Timers once.** Only worker 0 keeps the timers (schedules, polling, the daily backup, the
cloud sync, the connection to the cloud's relay), so a tick fires once, not N times; a worker 0 started again catches up on a
missed schedule as a restarted Flowin does. The supervisor holds the data folder's lock for
all of them, so the app or another ``flowin serve`` can't run the same flows meanwhile.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import FlowinError

log = logging.getLogger(__name__)

# Linux spreads connections over the sockets sharing a port; elsewhere the option is missing
# or (macOS, the BSDs) hands every connection to one of them.
SHARED_PORT_SUPPORTED = sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")
READY_TIMEOUT = 120.0  # seconds a worker gets to open the database and listen
QUICK_DEATH = 10.0  # a worker dying sooner than this after its start waits before the next
MAX_BACKOFF = 30.0
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class ServeOptions:
    """What each worker is started with: ``flowin serve``'s own options."""

    host: str
    port: int
    public_url: str | None
    workers: int
    max_running: int
    sync_every: int


class _Worker:
    def __init__(self, slot: int) -> None:
        self.slot = slot
        self.process: subprocess.Popen[bytes] | None = None
        self.started = 0.0
        self.backoff = 1.0
        self.restart_at: float | None = None


class Supervisor:
    """Starts the workers, starts again any that dies, and stops them all when told to."""

    def __init__(
        self,
        options: ServeOptions,
        processes: int,
        echo: Callable[[str], None],
        data_dir: Path,
    ) -> None:
        self.options = options
        self.processes = processes
        self.echo = echo
        self.data_dir = data_dir
        self.stopping = threading.Event()
        self._workers = [_Worker(slot) for slot in range(processes)]

    def run(self, stop_grace: float) -> None:
        """Start every worker, print where webhooks listen, and keep them running until
        ``stopping`` is set; raises FlowinError when the workers can't start."""
        port = self._check_port()
        self.options = ServeOptions(**{**self.options.__dict__, "port": port})
        try:
            # All at once: each takes a second or two to import and open the database.
            pipes = [self._spawn(worker) for worker in self._workers]
            lines: list[str] = []
            for worker, pipe in zip(self._workers, pipes, strict=True):
                lines += self._ready(worker, pipe)
            self.echo(
                f"Flowin is running in {self.processes} processes. Webhooks listen on "
                f"http://{self.options.host}:{port} — Ctrl+C stops."
            )
            for line in lines:
                self.echo(line)
            while not self.stopping.wait(0.5):
                self._look_after()
        except BaseException:
            self._stop_all(0.0)
            raise
        self.echo(f"Stopping: letting running steps finish (up to {stop_grace:.0f} seconds)…")
        self._stop_all(stop_grace)

    def worker_pids(self) -> list[int]:
        return [w.process.pid for w in self._workers if w.process is not None]

    def _check_port(self) -> int:
        """The port to share: free now (another program on it is said at once, not found by
        every worker in turn); port 0 becomes one free port, the same for every worker."""
        family = socket.AF_INET6 if ":" in self.options.host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            # As the workers' listeners do: connections of a previous run still closing
            # (TIME_WAIT) don't keep the port, a program listening on it does.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((self.options.host, self.options.port))
            except OSError as error:
                raise FlowinError(
                    f"Webhooks can't listen on {self.options.host}:{self.options.port} "
                    f"({error.strerror or error}). Another program, or another Flowin, may be "
                    "using this port; choose another one with --port."
                ) from None
            return int(probe.getsockname()[1])

    def _command(self, worker: _Worker) -> list[str]:
        o = self.options
        command = [sys.executable, "-m", "flowin_engine", "serve"]
        command += ["--host", o.host, "--port", str(o.port), "--workers", str(o.workers)]
        command += ["--max-running", str(o.max_running), "--sync-every", str(o.sync_every)]
        if o.public_url:
            command += ["--public-url", o.public_url]
        command += ["--worker-of", str(os.getpid())]
        if worker.slot == 0:
            command.append("--keeps-timers")
        return command

    def _launch(self, worker: _Worker) -> list[str]:
        """Start one worker and wait until it listens; returns what it says about its flows."""
        return self._ready(worker, self._spawn(worker))

    def _spawn(self, worker: _Worker) -> int:
        """Start one worker; returns the pipe it says ``ready`` on."""
        read_end, write_end = os.pipe()
        env = {
            **os.environ,
            "FLOWIN_DATA_DIR": str(self.data_dir),
            "FLOWIN_LOG_NAME": f"flowin-process-{worker.slot}.log",
            "FLOWIN_READY_FD": str(write_end),
        }
        try:
            worker.process = subprocess.Popen(self._command(worker), env=env, pass_fds=(write_end,))
        finally:
            os.close(write_end)
        worker.started = time.monotonic()
        worker.restart_at = None
        return read_end

    def _ready(self, worker: _Worker, read_end: int) -> list[str]:
        """Wait until the worker listens; returns what it says about its flows."""
        assert worker.process is not None
        said = self._read_ready(read_end, worker.process)
        if said is None:
            code = worker.process.poll()
            raise FlowinError(
                f"Flowin's process {worker.slot + 1} of {self.processes} did not start"
                + (f" (exit code {code})." if code is not None else " in time.")
            )
        return said

    def _read_ready(self, fd: int, process: subprocess.Popen[bytes]) -> list[str] | None:
        """The worker's lines, once it closes the pipe after ``ready``; None if it ended (or
        took too long) first."""
        data = b""
        deadline = time.monotonic() + READY_TIMEOUT
        with selectors.DefaultSelector() as selector, contextlib.closing(_Fd(fd)):
            selector.register(fd, selectors.EVENT_READ)
            while time.monotonic() < deadline and not self.stopping.is_set():
                if not selector.select(timeout=0.5):
                    continue
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                data += chunk
        lines = data.decode("utf-8", "replace").splitlines()
        if not lines or lines[0] != "ready":
            if process.poll() is None:
                process.kill()
                process.wait()
            return None
        return lines[1:]

    def _look_after(self) -> None:
        """Start again, in its place, any worker that has died (killed, crashed)."""
        now = time.monotonic()
        for worker in self._workers:
            process = worker.process
            if process is None or process.poll() is None:
                if worker.restart_at is not None and now >= worker.restart_at:
                    self._relaunch(worker)
                continue
            code = process.returncode
            worker.process = None
            if now - worker.started < QUICK_DEATH:
                worker.backoff = min(worker.backoff * 2, MAX_BACKOFF)
            else:
                worker.backoff = 1.0
            log.warning("Flowin process %d ended (exit code %s)", worker.slot + 1, code)
            self.echo(
                f"Flowin's process {worker.slot + 1} stopped unexpectedly (exit code {code}); "
                "starting it again. What it had accepted runs in the new one."
            )
            worker.restart_at = now if worker.backoff <= 2 else now + worker.backoff

    def _relaunch(self, worker: _Worker) -> None:
        try:
            self._launch(worker)
        except FlowinError as error:
            if self.stopping.is_set():
                return  # stopped while it was starting
            self.echo(f"{error} Trying again in {worker.backoff:.0f} seconds.")
            worker.backoff = min(worker.backoff * 2, MAX_BACKOFF)
            worker.restart_at = time.monotonic() + worker.backoff

    def _stop_all(self, grace: float) -> None:
        """Ask every worker to stop (each lets its running steps finish for ``grace``
        seconds, as ``flowin serve`` does), then end any still there."""
        running = [w.process for w in self._workers if w.process is not None]
        for process in running:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + grace + 10
        for process in running:
            try:
                process.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


class _Fd:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)


def become_worker(supervisor_pid: int) -> None:
    """In a worker: end with the supervisor, however it ends (even ``kill -9``), so a new
    ``flowin serve`` never finds this one still running its flows."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != supervisor_pid:  # it died before the line above
        os._exit(1)


def tell_supervisor_ready(lines: list[str]) -> None:
    """In a worker: say it listens (and what it would have printed about its flows)."""
    fd = os.environ.pop("FLOWIN_READY_FD", None)
    if fd is None:
        return
    with os.fdopen(int(fd), "w", encoding="utf-8") as pipe:
        pipe.write("\n".join(["ready", *lines]) + "\n")
