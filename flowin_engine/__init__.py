"""Flowin's engine: the flow model, node registry, expressions, runner and history.

Pure Python, no Qt: the command line, the desktop app and tests all drive it the same way.
The names below are imported on first use (PEP 562), so a program that needs one module of the
engine, like ``flowin --help``, does not load them all.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

# httpx logs each request's whole URL at INFO, the level of the command line's and the cloud
# workers' logs, and some services carry the account's secret in it (Telegram's bot token).
logging.getLogger("httpx").setLevel(logging.WARNING)

if TYPE_CHECKING:
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

_WHERE = {
    "errors": [
        "ExpressionError",
        "FlowFileError",
        "FlowValidationError",
        "FlowinError",
        "MissingVariable",
        "Problem",
        "RetryableError",
        "StepError",
    ],
    "events": ["EventBus", "ExecutionStatus", "StepStatus"],
    "model": ["Edge", "Flow", "FlowStatus", "Node", "NodeSettings", "OnError", "Position"],
    "registry": ["NodeType", "Registry", "default_registry"],
    "runner": ["ExecutionHandle", "ExecutionResult", "Reused", "Runner"],
    "steps": ["Emit", "ForEach", "StepContext", "Wait"],
    "validation": ["check_flow", "validate_flow"],
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

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


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'flowin_engine' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
