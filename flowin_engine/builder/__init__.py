"""The AI flow builder: describe a flow in English or Arabic, get a proposal for the canvas.

    from flowin_engine.builder import build, ModelSettings
    proposal = build("When I get a new Shopify order, send WhatsApp message to the client")
    proposal = build("كل يوم الساعة ٩ صباحاً ابعت رسالة على سلاك", model=ModelSettings(
        base_url="http://127.0.0.1:11434/v1", model="llama3.2"), fallback_offline=True)

The catalogue is read from the registry each time, so new connectors are offered at once.
"""

from .ai import ModelSettings
from .errors import BuilderError, ModelAnswerInvalid, ModelUnavailable
from .language import detect_language, normalize
from .proposal import Explanation, Missing, Proposal
from .propose import build

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
