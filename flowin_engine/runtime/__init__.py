"""Flows that run by themselves: webhooks, schedules and polling, with nothing lost."""

from ._inbox import InboxEvent
from ._lock import AlreadyRunning
from ._runtime import ActiveFlow, Runtime, RuntimeSettings, WebhooksUnavailable
from ._schedules import describe, next_runs

__all__ = [
    "ActiveFlow",
    "AlreadyRunning",
    "InboxEvent",
    "Runtime",
    "RuntimeSettings",
    "WebhooksUnavailable",
    "describe",
    "next_runs",
]
