"""Flowin's engine: the flow model, node registry, expressions, runner and history.

Pure Python, no Qt: the command line, the desktop app and tests all drive it the same way.
"""

from .errors import (
    ExpressionError,
    FlowFileError,
    FlowinError,
    FlowValidationError,
    MissingVariable,
    Problem,
    RetryableError,
    StepError,
)
from .events import EventBus, ExecutionStatus, StepStatus
from .model import Edge, Flow, FlowStatus, Node, NodeSettings, OnError, Position
from .registry import NodeType, Registry, default_registry
from .runner import ExecutionHandle, ExecutionResult, Reused, Runner
from .steps import Emit, ForEach, StepContext, Wait
from .validation import check_flow, validate_flow

__all__ = [
    "Edge",
    "Emit",
    "EventBus",
    "ExecutionHandle",
    "ExecutionResult",
    "ExecutionStatus",
    "ExpressionError",
    "Flow",
    "FlowFileError",
    "FlowStatus",
    "FlowValidationError",
    "FlowinError",
    "ForEach",
    "MissingVariable",
    "Node",
    "NodeSettings",
    "NodeType",
    "OnError",
    "Position",
    "Problem",
    "Registry",
    "RetryableError",
    "Reused",
    "Runner",
    "StepContext",
    "StepError",
    "StepStatus",
    "Wait",
    "check_flow",
    "default_registry",
    "validate_flow",
]
