"""A flow's version history: every save that changed it, with what it changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .flow_diff import FlowDiff, diff_flows
from .model import Flow
from .store import Store


@dataclass(frozen=True, slots=True)
class Version:
    number: int
    saved_at: datetime
    flow: Flow
    changes: FlowDiff | None  # from the version before it; None for the first version


def version_history(store: Store, flow_id: str) -> list[Version]:
    """The flow's saved versions, newest first, each with its changes from the one before."""
    saved = store.flows.version_history(flow_id)
    history = []
    for index, (info, flow) in enumerate(saved):
        before = saved[index + 1][1] if index + 1 < len(saved) else None
        changes = diff_flows(before, flow) if before is not None else None
        history.append(Version(info.version, info.saved_at, flow, changes))
    return history
