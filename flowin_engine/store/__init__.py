"""The execution history: saved flows with their versions, and every run with its steps."""

from ._store import (
    LANGUAGE_SETTING,
    DatabaseBusy,
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
    "LANGUAGE_SETTING",
    "DatabaseBusy",
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
