"""Flowin's database: saved flows with their versions, every run with its steps, the trigger
inbox, connected accounts and the sync's state, each kept by one repository of ``Store``."""

from ._connections import Connection, ConnectionRecords
from ._database import DatabaseBusy
from ._executions import (
    INTERRUPTED_ERROR,
    INTERRUPTED_STEP_ERROR,
    ExecutionDetail,
    Executions,
    ExecutionSummary,
    Parked,
    StepRecordView,
)
from ._flows import Flows, FlowSummary, FlowVersionInfo, VersionConflict
from ._health import DatabaseDamaged, RestoreRefused
from ._inbox import InboxEvent, InboxRecords
from ._insights import FailedRun, InsightRecords, RunTally, StepOutcome
from ._notifications import (
    FlowNoticeState,
    Held,
    Notification,
    NotificationRecords,
    RunCounts,
    new_notification,
)
from ._store import LANGUAGE_SETTING, Store
from ._sync import Agreed, Conflict, SyncRecords
from .redact import redact
from .trim import HISTORY_LIMIT, for_history, is_truncated, shrink

__all__ = [
    "HISTORY_LIMIT",
    "INTERRUPTED_ERROR",
    "INTERRUPTED_STEP_ERROR",
    "LANGUAGE_SETTING",
    "Agreed",
    "Conflict",
    "Connection",
    "ConnectionRecords",
    "DatabaseBusy",
    "DatabaseDamaged",
    "ExecutionDetail",
    "ExecutionSummary",
    "Executions",
    "FailedRun",
    "FlowNoticeState",
    "FlowSummary",
    "FlowVersionInfo",
    "Flows",
    "Held",
    "InboxEvent",
    "InboxRecords",
    "InsightRecords",
    "Notification",
    "NotificationRecords",
    "Parked",
    "RestoreRefused",
    "RunCounts",
    "RunTally",
    "StepOutcome",
    "StepRecordView",
    "Store",
    "SyncRecords",
    "VersionConflict",
    "for_history",
    "is_truncated",
    "new_notification",
    "redact",
    "shrink",
]
