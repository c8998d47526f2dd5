"""The builder backed by a language model: any OpenAI-compatible server (OpenAI, Ollama, a
local llama.cpp) through the official ``openai`` SDK.

The prompt carries the catalogue generated from the registry; the answer is JSON holding a flow
(the Flow schema), or a clarifying question, or a refusal. The flow is checked with Flow and
validate_flow; a broken answer gets one repair round that quotes the problems, then fails.
"""

from __future__ import annotations

import json
import logging
import re
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import FlowFileError
from ..model import Flow
from ..registry import Registry
from .assemble import split_problems
from .catalogue import Catalogue
from .errors import ModelAnswerInvalid, ModelUnavailable
from .first_contact import write_first
from .language import Language, normalize, tokens
from .limits import refusal, too_long, unsupported
from .proposal import Explanation, Missing, Proposal

if TYPE_CHECKING:
    import openai

log = logging.getLogger(__name__)


class ModelSettings(BaseModel):
    """Where the model is. For Ollama: base_url="http://127.0.0.1:11434/v1", any api_key."""

    model_config = ConfigDict(extra="forbid")
    base_url: str | None = Field(None, description="None: OpenAI's own API.")
    model: str = "gpt-4o-mini"
    api_key: str = Field("ollama", description="Ollama ignores it; OpenAI needs a real key.")
    timeout: float = Field(60.0, gt=0)
    temperature: float = Field(0.1, ge=0, le=2)


class _Answer(BaseModel):
    """The JSON the model is asked for."""

    model_config = ConfigDict(extra="ignore")
    flow: dict[str, Any] | None = None
    explanation: list[dict[str, Any]] = Field(default_factory=list)
    not_understood: list[str] = Field(default_factory=list)
    question: str | None = None
    refused: str | None = None


# Always offered: the flow's own building blocks (conditions, waits, schedules, a webhook…).
_ALWAYS = ("core", "schedule", "webhook")
# Beyond the services the sentence names, the node types whose phrases match it best: enough
# for a model to choose from, few enough to fit a small model's context (Ollama's default 2048
# tokens held about a third of the whole catalogue).
_CLOSEST_TYPES = 8


def relevant_types(registry: Registry, sentence: str) -> list[str]:
    """The node types worth showing the model for ``sentence``: the building blocks, every
    operation of each service it names, and the types whose phrases are closest to it."""
    catalogue = Catalogue(registry)
    words = tokens(normalize(sentence[:2000]))
    named = set(catalogue.connectors_named(words))
    scored: list[tuple[float, str]] = []
    for entry in catalogue.entries:
        score, _phrase = catalogue._phrase_score(entry, words) if words else (0.0, "")
        scored.append((score, entry.node_type.type))
    closest = {t for score, t in sorted(scored, reverse=True)[:_CLOSEST_TYPES] if score > 0}
    return [
        node_type.type
        for node_type in registry.node_types
        if node_type.connector.id in _ALWAYS
        or node_type.connector.id in named
        or node_type.type in closest
    ]


def catalogue_text(
    registry: Registry, only: list[str] | None = None, language: Language | None = None
) -> str:
    """The node types of the registry (or those in ``only``), one block each, for the prompt;
    with a ``language``, the phrases people say in it alone (they map the sentence's words to
    types: the other language's made the prompt outgrow a small model's context as services
    gained operations, since a service the sentence names brings them all)."""
    blocks = []
    reasons_given: set[str] = set()
    for node_type in registry.node_types:
        if only is not None and node_type.type not in only:
            continue
        manifest = node_type.manifest
        required = set(node_type.required_fields())
        params = []
        for key, _info in node_type.input_model.model_fields.items():
            flag = "required" if key in required else "optional"
            params.append(f"{key} ({node_type.field_title(key)}, {flag})")
        lines = [
            f"- {node_type.type}: {manifest.name} ({'trigger' if node_type.is_trigger else 'action'})",
            f"  {manifest.description}",
            f"  params: {', '.join(params) or 'none'}",
            f"  outputs: {', '.join(node_type.output_ports()[:-1]) or 'none'}",
        ]
        if isinstance(manifest.output_example, dict):
            lines.append(f"  output fields: {', '.join(map(str, manifest.output_example))}")
        if manifest.reply_only is not None:
            rule = manifest.reply_only
            # The same reason under each of a service's reply-only sends, once is enough.
            why = "" if rule.why in reasons_given else f" ({rule.why})"
            reasons_given.add(rule.why)
            lines.append(
                f"  only as a reply, after: {', '.join(rule.after)}; to write first use "
                f"{rule.instead}{why}"
            )
        phrases = [
            *(manifest.phrases.en if language in (None, "en") else []),
            *(manifest.phrases.ar if language in (None, "ar") else []),
        ]
        if phrases:
            lines.append(f"  phrases: {'; '.join(phrases)}")
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


_SYSTEM = """You build automation flows for Flowin from one sentence in English or Arabic.
Answer with one JSON object and nothing else:
{{"flow": <flow or null>, "explanation": [{{"node": "<step name>", "why": "<why it is there>"}}],
 "not_understood": ["<parts you could not map>"], "question": <string or null>,
 "refused": <string or null>}}

A flow is {{"name": str, "nodes": [{{"id": str, "type": str, "name": str, "params": {{}},
"position": {{"x": number, "y": number}}}}], "edges": [{{"source": node id, "source_port": str,
"target": node id}}]}}.
Rules:
- Exactly one trigger, first; then the actions, connected in order. Use only the types below.
- Node names are unique and in {names_language_name}. Lay nodes out left to right: x = 80, 360, 640…, y = 200.
- An edge leaves a node by one of its outputs (core.condition: "true" or "false").
- Refer to data with {{{{ trigger.field }}}} or {{{{ steps['Step name'].output.field }}}}, using the
  output fields listed. Leave a param out when the sentence does not give it.
- Write "why" and "question" in {language_name}.
- If the request is ambiguous, set "question" and "flow": null. If it is harmful (spam, fraud,
  harassment, mass messages to strangers), set "refused" with the reason and "flow": null.

Node types:
{catalogue}"""

_LANGUAGE_NAMES = {"en": "English", "ar": "Arabic"}
_NOT_A_MODEL = (
    "The server at {where} answered, but not an answer from an AI model (a proxy or a sign-in "
    "page?). Check the model's address in the builder's settings."
)


class ModelBuilder:
    def __init__(self, registry: Registry, settings: ModelSettings) -> None:
        import openai  # a second and more to import: only when a model is asked, not at start

        self.registry = registry
        self.settings = settings
        self.client = openai.OpenAI(
            base_url=settings.base_url,
            api_key=settings.api_key,
            timeout=settings.timeout,
            max_retries=0,
        )

    def build(
        self, sentence: str, language: Language, names_language: Language | None = None
    ) -> Proposal:
        # Said before the model is asked: the same limits whichever path builds the flow.
        long_message = too_long(sentence, language)
        if long_message is not None:
            return Proposal(question=long_message, source="model", language=language)
        refused = refusal(sentence, language)
        if refused is not None:
            return Proposal(refused=refused, source="model", language=language)
        system = _SYSTEM.format(
            language_name=_LANGUAGE_NAMES[language],
            names_language_name=_LANGUAGE_NAMES[names_language or language],
            catalogue=catalogue_text(
                self.registry, relevant_types(self.registry, sentence), language
            ),
        )
        messages: list[dict[str, str]] = [
            {"role": "system", "content": system},
            {"role": "user", "content": sentence},
        ]
        content = self._ask(messages)
        proposal, problems = self._read(content, language, names_language)
        if problems:
            log.info("The AI model's flow has problems; asking it once to repair: %s", problems)
            messages += [
                {"role": "assistant", "content": content},
                {"role": "user", "content": _repair_request(problems)},
            ]
            content = self._ask(messages)
            proposal, problems = self._read(content, language, names_language)
            if problems:
                raise ModelAnswerInvalid(
                    "The AI model could not build a valid flow, even after one correction:\n"
                    + "\n".join(f"  • {p}" for p in problems)
                )
        assert proposal is not None
        # What Flowin lacks is said whatever the model made of it (left out or swapped).
        lacking = [item.message for item in unsupported(normalize(sentence), language)]
        if lacking and proposal.refused is None:
            said = list(dict.fromkeys([*proposal.unsupported, *lacking]))
            proposal = proposal.model_copy(update={"unsupported": said})
        return proposal

    def _ask(self, messages: list[dict[str, str]]) -> str:
        import openai

        where = self.settings.base_url or "api.openai.com"
        try:
            completion = self.client.chat.completions.create(
                model=self.settings.model,
                messages=messages,  # type: ignore[arg-type]
                temperature=self.settings.temperature,
                response_format={"type": "json_object"},
            )
        except openai.APITimeoutError:
            raise ModelUnavailable(
                f"The AI model at {where} took longer than {self.settings.timeout:g} s to answer."
            ) from None
        except openai.APIConnectionError:
            raise ModelUnavailable(
                f"Can't reach the AI model at {where}. Is the server (e.g. Ollama) running?"
            ) from None
        except openai.APIStatusError as error:
            raise ModelUnavailable(
                f"The AI model at {where} refused the request ({error.status_code}): "
                f"{_error_message(error)}"
            ) from None
        except openai.APIResponseValidationError:
            raise ModelUnavailable(_NOT_A_MODEL.format(where=where)) from None
        # A proxy or a login page answering 200 in the model's place: HTML, or JSON of its own.
        choices = getattr(completion, "choices", None)
        if not isinstance(choices, list):
            raise ModelUnavailable(_NOT_A_MODEL.format(where=where))
        choice = choices[0] if choices else None
        refusal = getattr(choice.message, "refusal", None) if choice else None
        if refusal:
            return json.dumps({"refused": refusal})
        return (choice.message.content or "") if choice else ""

    def _read(
        self, content: str, language: Language, names_language: Language | None = None
    ) -> tuple[Proposal | None, list[str]]:
        """The proposal in the answer, or the problems to send back for repair."""
        try:
            data = json.loads(_strip_fences(content))
            answer = _Answer.model_validate(data)
        except (ValueError, ValidationError) as error:
            return None, [f"The answer is not the JSON object asked for ({_short(error)})."]
        common = {
            "not_understood": answer.not_understood,
            "source": "model",
            "language": language,
        }
        if answer.refused:
            return Proposal(refused=answer.refused, **common), []
        if answer.flow is None:
            if answer.question:
                return Proposal(question=answer.question, **common), []
            return None, ['"flow" is null but there is no "question" or "refused".']
        try:
            flow = Flow.from_data(answer.flow)
        except FlowFileError as error:
            return None, [str(error)]
        to_fill, wrong = split_problems(flow, self.registry)
        if wrong:
            return None, [str(p) for p in wrong]
        names = {n.name: n.type for n in flow.nodes}
        explanation = [
            Explanation(
                node=str(item.get("node", "")),
                type=names.get(str(item.get("node")), ""),
                why=str(item.get("why", "")),
            )
            for item in answer.explanation
            if isinstance(item, dict)
        ]
        missing = [Missing(node=p.node or "", field=p.field or "", message=str(p)) for p in to_fill]
        proposal = Proposal(
            flow=flow,
            explanation=explanation,
            missing=missing,
            question=answer.question,
            review=True,
            **common,
        )
        return write_first(proposal, self.registry, names_language), []


def _repair_request(problems: list[str]) -> str:
    listed = "\n".join(f"- {p}" for p in problems)
    return (
        "Your answer can't be used. Flowin found these problems:\n"
        f"{listed}\n"
        "Answer again with the whole corrected JSON object, fixing every problem."
    )


def _strip_fences(content: str) -> str:
    match = re.search(r"```(?:json)?\s*(.*?)```", content, re.DOTALL)
    return match.group(1) if match else content.strip()


def _short(error: Exception) -> str:
    return str(error).splitlines()[0][:200]


def _error_message(error: openai.APIStatusError) -> str:
    body = error.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])
    return str(error.message)
