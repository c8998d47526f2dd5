"""Histories on disk for tests: one filled with runs, and damage done to its file."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flowin_engine.events import (
    ExecutionFinished,
    ExecutionStarted,
    ExecutionStatus,
    StepFinished,
    StepStarted,
    StepStatus,
)
from flowin_engine.model import Flow, Node
from flowin_engine.store import Store

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def fill(store: Store, runs: int = 300) -> list[str]:
    """Two flows and enough runs with data to spread the file over a few hundred pages."""
    for name in ("Orders", "Invoices"):
        store.flows.save(
            Flow(id=name.lower(), name=name, nodes=[Node(id="n", type="core.noop", name="N")])
        )
    events = []
    order = {"customer": "Mona Hassan", "lines": [{"sku": f"SKU-{i}", "qty": i} for i in range(30)]}
    ids = []
    for n in range(runs):
        run_id = f"run-{n:06d}"
        ids.append(run_id)
        at = T0 + timedelta(seconds=n)
        events += [
            ExecutionStarted(run_id, "orders", "Orders", order, at, "webhook"),
            StepStarted(run_id, "n", "N", "core.noop", 1, None, order, at),
            StepFinished(
                run_id,
                "n",
                "N",
                "core.noop",
                1,
                None,
                StepStatus.SUCCESS,
                order,
                order,
                "main",
                None,
                at,
                at,
                0.01,
            ),
            ExecutionFinished(run_id, "orders", ExecutionStatus.SUCCESS, at, 0.01),
        ]
    store.executions.record(events)
    return ids


def damage_a_page_in_the_middle(path: Path) -> None:
    """Overwrite one whole page halfway through the file with random bytes."""
    raw = path.read_bytes()
    page_size = int.from_bytes(raw[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = len(raw) // page_size
    assert pages > 50  # the damage lands well inside the data, not on the header
    middle = pages // 2
    noise = random.Random(7).randbytes(page_size)
    with path.open("r+b") as file:
        file.seek(middle * page_size)
        file.write(noise)
