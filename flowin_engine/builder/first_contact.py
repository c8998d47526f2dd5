"""Steps a service allows only as a reply, in a flow that writes first.

WhatsApp sends free text only within 24 hours of the customer's last message; a message the
business starts (after a Shopify order, on a schedule) must be an approved template. The
manifest says so of the free-text step (``reply_only``); both builders hand their proposal
here, and a reply-only step after any other trigger becomes the step that writes first, its
values filled from the trigger's data and the reason in its explanation.
"""

from __future__ import annotations

from typing import Any

from ..editing import apply, change_step, trigger_of, unique_name
from ..graph import LOOP_BODY_PORT, Graph
from ..model import Flow, Node
from ..registry import NodeType, Registry
from .assemble import LOOP_TYPE, one_record, quoted, split_problems
from .language import Language
from .names import display_name, field_title
from .proposal import Missing, Proposal
from .variables import Source, find_field, kind_of, missing_message

_WHY = {
    "en": " This flow writes first, and {name} can only reply to someone who wrote in the "
    "last 24 hours.",
    "ar": " هذا التدفق هو من يبدأ الكتابة، و«{name}» لا ترد إلا على من كتب خلال آخر 24 ساعة.",
}
# The template's language follows the request's: an Arabic request means the Arabic version of
# the template. Codes as Meta names them (WhatsApp contract, LanguageObject.code).
_TEMPLATE_LANGUAGE: dict[Language, str] = {"en": "en_US", "ar": "ar"}


def writes_first(trigger_type: str | None, node_type: NodeType) -> bool:
    """Whether a step of ``node_type`` in a flow started by ``trigger_type`` would write to
    someone who hasn't just written: then a reply-only step can't send."""
    rule = node_type.manifest.reply_only
    return rule is not None and trigger_type not in rule.after


def write_first(
    proposal: Proposal, registry: Registry, names_language: Language | None = None
) -> Proposal:
    """``proposal`` with each reply-only step of a flow that writes first replaced by the step
    its service allows for that; the message it was given is kept in the step's notes. Steps
    are named in ``names_language`` (the request's when None), as the builders name them."""
    flow = proposal.flow
    if flow is None:
        return proposal
    swapped: list[str] = []
    for node in list(flow.nodes):
        update = written_first(flow, node, registry, names_language or proposal.language)
        if update is None:
            continue
        old_type = registry.get(node.type)
        if "language" in registry.get(update["type"]).input_model.model_fields:
            update["params"].setdefault("language", _TEMPLATE_LANGUAGE[proposal.language])
        apply(flow, change_step(flow, node.id, **update))
        new_name = update["name"]
        for item in proposal.explanation:
            if item.node == node.name:
                item.node, item.type = new_name, update["type"]
                old = display_name(old_type, proposal.language)
                new = display_name(registry.get(update["type"]), proposal.language)
                item.why = item.why.replace(old, new) + _WHY[proposal.language].format(name=old)
        swapped.append(new_name)
        proposal.missing = [m for m in proposal.missing if m.node != node.name]
    if swapped:
        to_fill, _ = split_problems(flow, registry)
        known = {(m.node, m.field) for m in proposal.missing}
        language = proposal.language
        for problem in to_fill:
            node = flow.node_by_name(problem.node or "")
            if node is None or node.name not in swapped or (node.name, problem.field) in known:
                continue
            node_type, key = registry.get(node.type), problem.field or ""
            message = (
                missing_message(
                    kind_of(node_type, key), field_title(node_type, key, language), language
                )
                if key in node_type.input_model.model_fields
                else str(problem)
            )
            proposal.missing.append(Missing(node=node.name, field=key, message=message))
    return proposal


def written_first(
    flow: Flow, node: Node, registry: Registry, language: Language = "en"
) -> dict[str, Any] | None:
    """How ``node`` changes (for ``editing.change_step``) when it is a reply-only step in a
    flow that writes first: the type that writes first, the params that still apply, its
    values filled from the earlier steps' data, the message it had kept in its notes, and the
    new type's name (in ``language``) when it was named after its type. None when it can stay
    as it is."""
    node_type = registry.find(node.type)
    trigger = trigger_of(flow, registry)
    if node_type is None or not writes_first(trigger.type if trigger else None, node_type):
        return None
    rule = node_type.manifest.reply_only
    instead = registry.find(rule.instead) if rule is not None else None
    if rule is None or instead is None:
        return None  # its connector isn't installed: the step stays, the app says why
    fields = instead.input_model.model_fields
    params = {key: value for key, value in node.params.items() if key in fields}
    index = next(i for i, n in enumerate(flow.nodes) if n.id == node.id)
    earlier = [n for n in flow.nodes[:index] if trigger is None or n.id != trigger.id]
    graph = Graph.of(flow)
    around = {
        n.id
        for n in earlier
        if n.type == LOOP_TYPE and node.id in graph.downstream(n.id, {LOOP_BODY_PORT})
    }
    sources = _sources(trigger, earlier, registry, around)
    for key, groups in rule.fill.items():
        if not params.get(key):
            values = [find_field(sources, "other", tuple(names)) for names in groups]
            params[key] = [value for value in values if value]
    left_out = [str(v) for k, v in node.params.items() if k not in fields and v]
    name = node.name
    if name.startswith((node_type.name, display_name(node_type, language))):
        # Named after its type, not by the user: after its new type.
        taken = (n.name for n in flow.nodes if n.id != node.id)
        name = unique_name(display_name(instead, language), taken)
    return {
        "name": name,
        "type": instead.type,
        "params": params,
        "notes": "\n".join([node.notes, *left_out]).strip(),
    }


def _sources(
    trigger: Node | None, earlier: list[Node], registry: Registry, loops_around: set[str]
) -> list[Source]:
    """The data of the steps before and of the trigger, nearest first, as the builders read
    it: ``trigger``, ``steps['Name'].output``, and ``loop.item`` (the record in hand) after a
    loop whose items the step runs for (``loops_around``), as ``assemble`` reads them."""
    named = [(f"steps['{quoted(node.name)}'].output", node) for node in earlier]
    if trigger is not None:
        named.insert(0, ("trigger", trigger))
    sources: list[Source] = []
    for expression, node in named:
        node_type = registry.find(node.type)
        example = node_type.manifest.output_example if node_type is not None else None
        if example is not None:
            sources.insert(0, Source(expression, example, node_type))
        if node.id in loops_around:
            record = one_record(sources[1:])
            if record is not None:
                sources.insert(0, Source("loop.item", record))
    return sources
