"""What an operation sees while it runs, and the few signals it can send back to the runner.

An operation is ``def op(params: SomeInput, ctx: StepContext) -> Any``. Returning plain data sends
it down the node's first output port; ``Emit`` picks the port (conditions, switches); ``Wait``
parks the execution without holding a worker thread (delays); ``ForEach`` runs the loop body
once per item.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .errors import FlowinError, Problem, StepError

if TYPE_CHECKING:
    from .credentials import Connections
    from .model import Flow, Node


@dataclass(slots=True)
class Emit:
    """Send ``data`` down one named output port."""

    port: str
    data: Any = None


@dataclass(slots=True)
class Wait:
    """Resume the node's outgoing branch at ``until`` (UTC), then emit ``data``."""

    until: datetime
    data: Any = None


@dataclass(slots=True)
class ForEach:
    """Run the loop body once per item, in order, then emit the collected results on 'done'."""

    items: list[Any]


@dataclass(slots=True)
class Incoming:
    """One active incoming connection: which step sent what, on which port."""

    source_name: str
    port: str
    data: Any


@dataclass(slots=True)
class StepContext:
    """Everything a running step may need beyond its parameters."""

    execution_id: str
    flow: Flow
    node: Node
    attempt: int
    timeout: float
    input: Any = None
    inputs: list[Incoming] = field(default_factory=list)
    trigger_data: Any = None
    cancelled: threading.Event = field(default_factory=threading.Event)
    started: float = field(default_factory=time.monotonic)
    connections: Connections | None = None

    def credential(self, connection_id: str | None) -> dict[str, Any]:
        """The secret fields of the connected account a step uses (never log them)."""
        if not connection_id:
            problem = Problem(
                "'{step}' needs an account: pick one under Account.",
                self.node.name,
                "connection",
                args={"step": self.node.name},
            )
            raise StepError(problem.message, setting="connection", problem=problem)
        if self.connections is None:
            raise StepError("Connected accounts aren't available where this flow runs.")
        try:
            return self.connections.secret(connection_id)
        except FlowinError as error:  # deleted, or its secret is gone from the keyring
            error.setting = "connection"
            raise

    @property
    def remaining(self) -> float:
        """Seconds left of this attempt's timeout (never below a small floor)."""
        return max(0.05, self.timeout - (time.monotonic() - self.started))
