"""Shows the offline builder's accuracy at the end of every run that measured it, not only with
``-s``: the figure is what the evaluation set is for."""

from __future__ import annotations

import pytest

ACCURACY_KEY = pytest.StashKey[list[str]]()


@pytest.fixture
def report_accuracy(request: pytest.FixtureRequest):
    """Call with a line to show in the terminal summary."""
    lines = request.config.stash.setdefault(ACCURACY_KEY, [])
    return lines.append


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    lines = config.stash.get(ACCURACY_KEY, [])
    if lines:
        terminalreporter.section("AI builder accuracy")
        for line in lines:
            terminalreporter.write_line(line)
