"""The execution history: saved flows with their versions, and every run with its steps."""

from ._health import DatabaseDamaged, RestoreRefused
from ._store import (
    INTERRUPTED_ERROR,
    INTERRUPTED_STEP_ERROR,
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
from .trim import HISTORY_LIMIT, for_history, is_truncated, shrink

__all__ = [
    "HISTORY_LIMIT",
    "INTERRUPTED_ERROR",
    "INTERRUPTED_STEP_ERROR",
    "LANGUAGE_SETTING",
    "DatabaseBusy",
    "DatabaseDamaged",
    "ExecutionDetail",
    "ExecutionSummary",
    "FlowSummary",
    "FlowVersionInfo",
    "Parked",
    "RestoreRefused",
    "StepRecordView",
    "Store",
    "VersionConflict",
    "for_history",
    "is_truncated",
    "redact",
    "shrink",
]
