"""The run log (`flowin serve`'s console and log file): a line per run while runs are few, and
past that a count per flow and second; a run that did not succeed always gets its own line."""

from __future__ import annotations

import logging
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import httpx
import pytest

from flowin_engine.events import ExecutionStatus
from flowin_engine.runner import ExecutionResult
from flowin_engine.runtime._run_log import LINES_PER_SECOND, RunLog

from .test_runtime import activate, hook_flow, start_runtime

MORE = re.compile(r"([\d,]+) more runs of (.+) succeeded \((\d+) ms on average\)")


class _Lines(logging.Handler):
    """Every line of the records written, and an event set when a count arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.counted = threading.Event()
        self._lock_lines = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        with self._lock_lines:
            self.lines.extend(line.strip() for line in record.getMessage().split("\n"))
        if "more runs of" in record.getMessage():
            self.counted.set()

    def runs_told(self, flow: str) -> int:
        """Runs of ``flow`` the lines account for: one per own line, plus the counts."""
        with self._lock_lines:
            lines = list(self.lines)
        told = 0
        for line in lines:
            more = MORE.fullmatch(line)
            if more is not None:
                told += int(more[1].replace(",", "")) if more[2] == flow else 0
            elif f" {flow} (" in line:
                told += 1
        return told


@pytest.fixture
def lines():
    logger = logging.getLogger("test.run_log")
    handler = _Lines()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield logger, handler
    logger.removeHandler(handler)


def result(run_id: str, status: ExecutionStatus = ExecutionStatus.SUCCESS, error=None):
    now = datetime.now(UTC)
    return ExecutionResult(run_id, "hello", status, error, None, {}, now, now, 0.004)


def test_past_the_lines_a_second_allows_successes_are_counted_and_failures_still_shown(lines):
    logger, handler = lines
    run_log = RunLog(logger, {"hello": "Hello hook"}.__getitem__)
    extra = 7
    run_log.ended([("hello", result(f"run-{n:04d}")) for n in range(LINES_PER_SECOND + extra)])
    run_log.ended([("hello", result("run-fail", ExecutionStatus.FAILED, "Slack said no"))])

    assert handler.counted.wait(30)  # when the second ends
    own = [line for line in handler.lines if " success " in line]
    assert len(own) == LINES_PER_SECOND
    assert any(line.endswith("Hello hook (4 ms): Slack said no") for line in handler.lines)
    (count,) = [MORE.fullmatch(line) for line in handler.lines if MORE.fullmatch(line)]
    assert (int(count[1]), count[2], count[3]) == (extra, "Hello hook", "4")
    run_log.close()


def test_closing_writes_what_was_counted_and_then_each_run_gets_its_own_line(lines):
    logger, handler = lines
    run_log = RunLog(logger, {"hello": "Hello hook"}.__getitem__)
    run_log.ended([("hello", result(f"run-{n:04d}")) for n in range(LINES_PER_SECOND + 3)])
    run_log.close()
    assert handler.runs_told("Hello hook") == LINES_PER_SECOND + 3
    run_log.ended([("hello", result(f"late-{n}")) for n in range(LINES_PER_SECOND + 1)])
    assert handler.runs_told("Hello hook") == 2 * LINES_PER_SECOND + 4
    assert sum(1 for line in handler.lines if MORE.fullmatch(line)) <= 1


def test_a_busy_server_accounts_for_every_run_in_its_log(tmp_path, monkeypatch):
    from flowin_engine.store import Store

    monkeypatch.setenv("FLOWIN_SECRETS", "file")
    handler = _Lines()
    runtime_log = logging.getLogger("flowin.runtime")
    level = runtime_log.level
    runtime_log.addHandler(handler)
    runtime_log.setLevel(logging.INFO)
    requests = 3 * LINES_PER_SECOND
    try:
        with Store(tmp_path / "flowin.db") as store:
            runtime = start_runtime(store)
            try:
                activate(store, hook_flow("Orders", respond="when_done"))
                runtime.sync()
                url = f"{runtime.address}/webhook/orders"
                with httpx.Client(timeout=30) as client, ThreadPoolExecutor(8) as pool:
                    answers = list(
                        pool.map(lambda n: client.post(url, json={"name": n}), range(requests))
                    )
                assert {answer.status_code for answer in answers} == {201}
            finally:
                runtime.stop(grace=5)
    finally:
        runtime_log.removeHandler(handler)
        runtime_log.setLevel(level)
    assert handler.runs_told("Orders") == requests
