"""``build``: the one door into the AI builder."""

from __future__ import annotations

import logging

from ..registry import Registry, default_registry
from . import journal
from .ai import ModelBuilder, ModelSettings
from .errors import ModelAnswerInvalid, ModelUnavailable
from .language import Language, detect_language
from .offline import OfflineBuilder
from .proposal import Proposal

log = logging.getLogger(__name__)

_OFFLINE_NOTICE = {
    "en": "The AI model couldn't be reached ({error}), so Flowin built this flow offline.",
    "ar": "تعذّر الوصول إلى نموذج الذكاء الاصطناعي ({error})، فبنى Flowin هذا التدفق دون اتصال.",
}
_UNUSABLE_NOTICE = {
    "en": "The AI model's answer couldn't be used ({error}), so Flowin built this flow offline.",
    "ar": "تعذّر استخدام إجابة نموذج الذكاء الاصطناعي ({error})، فبنى Flowin هذا التدفق دون اتصال.",
}


def build(
    sentence: str,
    language: Language | None = None,
    *,
    model: ModelSettings | None = None,
    fallback_offline: bool = False,
    registry: Registry | None = None,
    ui_language: Language | None = None,
) -> Proposal:
    """Propose a flow for ``sentence`` (English or Arabic; ``language`` None: detect it).
    Its steps are named in Arabic when the request or ``ui_language`` (the app's) is Arabic.

    Without ``model`` the offline builder answers. With it, the model does; when the model
    can't be reached (or something else answers in its place), ``ModelUnavailable`` is raised,
    and ``ModelAnswerInvalid`` when its answer stays unusable after one repair; with
    ``fallback_offline`` the offline builder answers instead, with a notice saying why.
    Every proposal is written to the builder's journal (``journal.entries()``); a proposed flow
    is marked ``review=True`` there and on the proposal: a person checks it before use.
    """
    registry = registry or default_registry()
    language = language or detect_language(sentence)
    # Steps are named in Arabic when the request or the app is in Arabic.
    names: Language = "ar" if "ar" in (language, ui_language) else "en"
    if model is None:
        proposal = OfflineBuilder(registry).build(sentence, language, names)
    else:
        try:
            proposal = ModelBuilder(registry, model).build(sentence, language, names)
        except (ModelUnavailable, ModelAnswerInvalid) as error:
            if not fallback_offline:
                raise
            log.warning("AI builder: %s; building offline instead", error)
            proposal = OfflineBuilder(registry).build(sentence, language, names)
            notice = _OFFLINE_NOTICE if isinstance(error, ModelUnavailable) else _UNUSABLE_NOTICE
            proposal.notice = notice[language].format(error=error)
    _log(sentence, proposal)
    return proposal


def _log(sentence: str, proposal: Proposal) -> None:
    try:
        journal.record(sentence, proposal)
    except OSError:
        log.exception("AI builder: couldn't write the journal")
    if proposal.flow is not None:
        log.info(
            "AI builder (%s) proposed a flow for review: %r -> %s",
            proposal.source,
            sentence,
            proposal.flow.model_dump_json(include={"nodes", "edges"}),
            extra={"review": True, "source": proposal.source},
        )
    else:
        log.info(
            "AI builder (%s) proposed no flow for %r: question=%r refused=%r",
            proposal.source,
            sentence,
            proposal.question,
            proposal.refused,
        )
