"""Flows that run by themselves: webhooks, schedules and polling, with nothing lost."""

from ._inbox import InboxEvent
from ._runtime import ActiveFlow, Runtime, RuntimeSettings
from ._schedules import describe, next_runs

__all__ = ["ActiveFlow", "InboxEvent", "Runtime", "RuntimeSettings", "describe", "next_runs"]
