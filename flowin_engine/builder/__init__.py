"""The AI flow builder: describe a flow in English or Arabic, get a proposal for the canvas.

    from flowin_engine.builder import build, ModelSettings
    proposal = build("When I get a new Shopify order, send WhatsApp message to the client")
    proposal = build("كل يوم الساعة ٩ صباحاً ابعت رسالة على سلاك", model=ModelSettings(
        base_url="http://127.0.0.1:11434/v1", model="llama3.2"), fallback_offline=True)

The catalogue is read from the registry each time, so new connectors are offered at once.

The names below load on first use: the app's start needs only ``builder.names`` (the words
its translations add), and importing that must not load the whole builder (~50 ms).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .ai import ModelSettings
    from .errors import BuilderError, ModelAnswerInvalid, ModelUnavailable
    from .language import detect_language, normalize
    from .proposal import Explanation, Missing, Proposal
    from .propose import build

_WHERE = {
    "BuilderError": "errors",
    "Explanation": "proposal",
    "Missing": "proposal",
    "ModelAnswerInvalid": "errors",
    "ModelSettings": "ai",
    "ModelUnavailable": "errors",
    "Proposal": "proposal",
    "build": "propose",
    "detect_language": "language",
    "normalize": "language",
}

__all__ = [
    "BuilderError",
    "Explanation",
    "Missing",
    "ModelAnswerInvalid",
    "ModelSettings",
    "ModelUnavailable",
    "Proposal",
    "build",
    "detect_language",
    "normalize",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
