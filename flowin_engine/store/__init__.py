"""The execution history: saved flows with their versions, and every run with its steps."""

from ._store import (
    ExecutionDetail,
    ExecutionSummary,
    FlowSummary,
    FlowVersionInfo,
    Parked,
    StepRecordView,
    Store,
    VersionConflict,
)
from .redact import redact

__all__ = [
    "ExecutionDetail",
    "ExecutionSummary",
    "FlowSummary",
    "FlowVersionInfo",
    "Parked",
    "StepRecordView",
    "Store",
    "VersionConflict",
    "redact",
]
