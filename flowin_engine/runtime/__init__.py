"""Flows that run by themselves: webhooks, schedules and polling, with nothing lost."""

from ._inbox import InboxEvent
from ._lock import AlreadyRunning
from ._runtime import (
    NESTED_TOO_DEEPLY_ERROR,
    RETRY_LATER_ERROR,
    UNEXPECTED_START_ERROR,
    ActiveFlow,
    Runtime,
    RuntimeSettings,
    WebhookAddress,
    WebhooksUnavailable,
    webhook_address,
)
from ._schedules import describe, next_runs

__all__ = [
    "NESTED_TOO_DEEPLY_ERROR",
    "RETRY_LATER_ERROR",
    "UNEXPECTED_START_ERROR",
    "ActiveFlow",
    "AlreadyRunning",
    "InboxEvent",
    "Runtime",
    "RuntimeSettings",
    "WebhookAddress",
    "WebhooksUnavailable",
    "describe",
    "next_runs",
    "webhook_address",
]
