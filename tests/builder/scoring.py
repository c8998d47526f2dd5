"""How one sentence of an evaluation or held-out set is scored: the flow's trigger and actions,
the services the builder must say it can't do yet, a refusal, and the parameters apart."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from flowin_engine.builder.language import normalize
from flowin_engine.builder.limits import unsupported
from flowin_engine.builder.offline import OfflineBuilder


@dataclass
class Score:
    flow_right: bool  # trigger and actions (and unsupported services, refusal) as expected
    params_right: bool  # every expected parameter has its value
    problems: list[str] = field(default_factory=list)
    near_right: bool = False  # right when a first WhatsApp may be a template, e-mail any sender
    got: list[str] = field(default_factory=list)  # the node types proposed, to show a miss
    question: str | None = None  # the question asked instead of a flow, if any


# Operations a writer who never saw the builder may fairly expect either of: Meta allows only a
# template for a first message (the builder proposes one), and "send an e-mail" names no sender.
NEAR = {"whatsapp.send_template": "whatsapp.send_text", "gmail.send_email": "email.send_email"}


def _near(types: list[str]) -> list[str]:
    return [NEAR.get(t, t) for t in types]


def _named(service: str, said: list[str]) -> bool:
    """Whether the proposal says it lacks ``service``, however the set spells it ("انستجرام",
    "instagram", "Instagram")."""
    names = {service, *(item.name for item in unsupported(normalize(service), "en"))}
    for name in names:
        wanted = normalize(name).replace(" ", "")
        if any(wanted in normalize(part).replace(" ", "") for part in said):
            return True
    return False


def score_case(case: dict[str, Any], builder: OfflineBuilder) -> Score:
    proposal = builder.build(case["sentence"], case.get("language"))
    problems: list[str] = []
    if case.get("refuse"):
        if not proposal.refused:
            problems.append("not refused")
        return Score(not problems, not problems, problems, not problems, question=proposal.question)
    if proposal.refused:
        problems.append(f"refused: {proposal.refused}")
    for service in case.get("unsupported", []):
        if not _named(service, proposal.unsupported):
            problems.append(f"{service} not said to be unsupported ({proposal.unsupported})")
    expected = [t for t in [case.get("trigger"), *case.get("actions", [])] if t]
    got = [n.type for n in proposal.flow.nodes] if proposal.flow is not None else []
    if not case.get("trigger") and got[:1] == ["core.manual_trigger"]:
        # No trigger expected (none said, or one Flowin lacks): starting by hand is no guess.
        got = got[1:]
    if expected and proposal.flow is None:
        problems.append(f"no flow (question: {proposal.question})")
    elif got != expected and expected:
        problems.append(f"types {got} != {expected}")
    flow_right = not problems
    near_right = flow_right or (
        bool(problems)
        and all(p.startswith("types ") for p in problems)
        and _near(got) == _near(expected)
    )
    params_wrong = []
    nodes = proposal.flow.nodes if proposal.flow is not None else []
    for node_type, params in (case.get("params") or {}).items():
        node = _node_for(node_type, nodes, builder)
        for key, value in params.items():
            actual = node.params.get(key) if node else None
            if key == "cron" and node is not None and actual is None:
                actual = interval_as_cron(node.params)  # "every 2 hours" either way
            if actual != value and not _same_phone(actual, value):
                params_wrong.append(f"{node_type}.{key} = {actual!r}, expected {value!r}")
    all_types = [n.type for n in nodes]
    return Score(
        flow_right,
        not params_wrong,
        problems + params_wrong,
        near_right,
        got=all_types,
        question=proposal.question,
    )


def _node_for(node_type: str, nodes: list[Any], builder: OfflineBuilder) -> Any:
    """The step of ``node_type`` the flow has; else, when that type is a reply-only step (a
    WhatsApp text, buttons, a list, a file) and the flow writes first, the step its service
    allows instead (a template), which the builder proposed in its place: a value the
    sentence states is scored there, and a setting that step lacks stays a miss."""
    exact = next((n for n in nodes if n.type == node_type), None)
    if exact is not None:
        return exact
    expected = builder.registry.find(node_type)
    rule = expected.manifest.reply_only if expected is not None else None
    if rule is None:
        return None
    return next((n for n in nodes if n.type == rule.instead), None)


_PHONE = re.compile(r"(?:\+|00)?\d{8,15}")


def _same_phone(actual: Any, value: Any) -> bool:
    """Whether two phone numbers are one: "966501234567", "+966501234567" and
    "00966501234567" write the same number, with its country code or without a prefix."""
    if not (isinstance(actual, str) and isinstance(value, str)):
        return False
    if not (_PHONE.fullmatch(actual) and _PHONE.fullmatch(value)):
        return False
    return _international(actual) == _international(value)


def _international(number: str) -> str:
    return number.removeprefix("+").removeprefix("00")


def interval_as_cron(params: dict[str, Any]) -> str | None:
    """A schedule set as "every N units" written as the cron line that means the same, so a
    set that writes "every 2 hours" as ``0 */2 * * *`` scores it right either way."""
    if params.get("mode") != "interval":
        return None
    every, unit = params.get("every"), params.get("unit")
    if not isinstance(every, int) or every < 1:
        return None
    step = "*" if every == 1 else f"*/{every}"
    return {
        "minutes": f"{step} * * * *",
        "hours": f"0 {step} * * *",
        "days": f"0 0 {step} * *",
    }.get(str(unit))
