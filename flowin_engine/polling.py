"""The contract of polling triggers ("new row", "new email", "new message").

A connector's trigger of kind "polling" names its ``poller(params, ctx) -> PollResult`` in its
manifest entry (the registry refuses one without). The runtime calls it every interval with the cursor it returned last
time, remembers every item key it has seen (in the database, across restarts), and starts
exactly one execution per new item, whose trigger data is the item's data. The trigger
operation itself then receives that data as ``ctx.trigger_data``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class PolledItem:
    key: str  # stable and unique per item: a message id, a row number, an e-mail id
    data: Any


@dataclass(slots=True)
class PollResult:
    items: list[PolledItem] = field(default_factory=list)
    cursor: Any = None  # handed back next time (an update offset, a 'since' time); JSON-able


@dataclass(slots=True)
class PollContext:
    cursor: Any
    credential: Callable[[str | None], dict[str, Any]]
    timeout: float = 30.0
