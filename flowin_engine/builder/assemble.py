"""From planned steps to a flow on the canvas: unique names, params, edges, left-to-right layout,
and the check both builders share (validate_flow, with missing values told apart)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from ..editing import unique_name
from ..errors import Problem
from ..model import Edge, Flow, Node, Position
from ..registry import NodeType, Registry
from ..validation import validate_flow
from .catalogue import CONDITION_TYPE
from .entities import Entity
from .language import Language
from .names import display_name, field_title
from .proposal import Explanation, Missing
from .variables import Source, fill

X_START, X_STEP, Y = 80.0, 280.0, 200.0
LOOP_TYPE = "core.loop"
# An expression's start that stands for the output of the step just before, whose name is
# known only once the flow is laid out: "{{ previous_step.status }}" after a call.
PREVIOUS_STEP = "{{ previous_step"


@dataclass
class PlannedStep:
    node_type: NodeType
    said: str  # the words of the sentence it comes from
    entities: list[Entity] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)  # given outright (schedule, wait, …)
    why: str | None = None  # the explanation, when the planner wrote it itself
    otherwise_of: PlannedStep | None = None  # leaves this condition by its 'false' output
    learned: bool = False  # read by the learned matcher, not by the phrase rules: said so
    # values the planner could not read from the sentence, to ask for: (field, message)
    to_ask: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Assembled:
    flow: Flow
    explanation: list[Explanation]
    missing: list[Missing]


_WORDS = {
    "en": {
        "trigger": "Starts the flow: {name}, because you said “{said}”.",
        "action": "Then: {name}, for “{said}”.",
        "uses": " {title} ← {value}.",
        "branch": " It runs only when the condition holds.",
        "otherwise": " It runs only when the condition does not hold (its 'false' output).",
        "learned": " I read this step from your words without being sure of them: check that "
        "it is the one you meant.",
    },
    "ar": {
        "trigger": "يبدأ التدفق: {name}، لأنك قلت «{said}».",
        "action": "ثم: {name}، لقولك «{said}».",
        "uses": " {title} ← {value}.",
        "branch": " تعمل هذه الخطوة فقط إذا تحقق الشرط.",
        "otherwise": " تعمل هذه الخطوة فقط إذا لم يتحقق الشرط (مخرجه «خطأ»).",
        "learned": " فهمت هذه الخطوة من كلماتك دون يقين: تأكد أنها الخطوة التي تقصدها.",
    },
}


def assemble(
    steps: list[PlannedStep],
    name: str,
    language: Language,
    registry: Registry,
    names_language: Language | None = None,
) -> Assembled:
    """Lay ``steps`` out left to right, the first being the trigger, each connected to the
    one before it (a condition on its 'true' output). Steps are named as the palette names
    them in ``names_language`` (the request's language when None)."""
    nodes: list[Node] = []
    explanation: list[Explanation] = []
    missing: list[Missing] = []
    sources: list[Source] = []
    taken: set[str] = set()
    words = _WORDS[language]
    after_condition = False
    sources_at: dict[int, list[Source]] = {}  # what a condition's 'false' branch can read
    for index, step in enumerate(steps):
        node_type = step.node_type
        if step.otherwise_of is not None and id(step.otherwise_of) in sources_at:
            sources = list(sources_at[id(step.otherwise_of)])
        if node_type.type == CONDITION_TYPE:
            sources_at[id(step)] = list(sources)
        node_name = unique_name(display_name(node_type, names_language or language), taken)
        taken.add(node_name)
        filled = fill(node_type, step.entities, sources, step.said, language)
        params = _previous_named({**filled.params, **step.params}, sources)
        node = Node(
            type=node_type.type,
            name=node_name,
            params=params,
            position=Position(x=X_START + index * X_STEP, y=Y),
        )
        nodes.append(node)
        for key, message in filled.missing:
            if key not in step.params:
                missing.append(Missing(node=node_name, field=key, message=message))
        for key, message in step.to_ask:
            missing.append(Missing(node=node_name, field=key, message=message))
        why = step.why or words["trigger" if index == 0 else "action"].format(
            name=node_name, said=step.said.strip()
        )
        for key, value in filled.params.items():
            if isinstance(value, str) and "{{" in value and key not in step.params:
                title = field_title(node_type, key, language)
                why += words["uses"].format(title=title, value=value)
        if step.learned:
            why += words["learned"]
        if step.otherwise_of is not None:
            why += words["otherwise"]
        elif after_condition:
            why += words["branch"]
        explanation.append(Explanation(node=node_name, type=node_type.type, why=why))
        example = node_type.manifest.output_example
        expression = "trigger" if index == 0 else f"steps['{quoted(node_name)}'].output"
        if example is not None and node_type.type != CONDITION_TYPE:
            sources.insert(0, Source(expression, example, node_type))
        if node_type.type == LOOP_TYPE:
            # the steps on a loop's 'item' output read the record in hand, not the whole list
            record = one_record(sources[1:])
            if record is not None:
                sources.insert(0, Source("loop.item", record))
        after_condition = after_condition or node_type.type == CONDITION_TYPE
    edges = []
    for (before, after), step in zip(itertools.pairwise(nodes), steps[1:], strict=True):
        if step.otherwise_of is not None and any(s is step.otherwise_of for s in steps):
            condition = nodes[next(i for i, s in enumerate(steps) if s is step.otherwise_of)]
            edges.append(Edge(source=condition.id, source_port="false", target=after.id))
            continue
        port = registry.get(before.type).default_port
        edges.append(Edge(source=before.id, source_port=port, target=after.id))
    flow = Flow(name=name, nodes=nodes, edges=edges)
    return Assembled(flow, explanation, missing)


def _previous_named(value: Any, sources: list[Source]) -> Any:
    """``value`` with PREVIOUS_STEP written as the expression of the step just before."""
    if isinstance(value, str) and value.startswith(PREVIOUS_STEP):
        if not sources:
            return ""
        return "{{ " + sources[0].expression + value[len(PREVIOUS_STEP) :]
    if isinstance(value, dict):
        return {key: _previous_named(item, sources) for key, item in value.items()}
    if isinstance(value, list):
        return [_previous_named(item, sources) for item in value]
    return value


def quoted(name: str) -> str:
    """A step's name inside an expression's quotes: "Change a Zid order's status"."""
    return name.replace("\\", "\\\\").replace("'", "\\'")


def one_record(sources: list[Source]) -> dict[str, Any] | None:
    """A record of the nearest list of records an earlier step outputs (a sheet's rows)."""
    for source in sources:
        if isinstance(source.example, dict):
            for value in source.example.values():
                if isinstance(value, list) and value and isinstance(value[0], dict):
                    return value[0]
    return None


def split_problems(flow: Flow, registry: Registry) -> tuple[list[Problem], list[Problem]]:
    """validate_flow's problems as (values still to fill in, real mistakes). A required value
    the sentence did not give is something to ask the user for, not a broken flow."""
    to_fill, wrong = [], []
    for problem in validate_flow(flow, registry):
        node = flow.node_by_name(problem.node) if problem.node else None
        node_type = registry.find(node.type) if node is not None else None
        required = node_type.required_fields() if node_type is not None else []
        if problem.field in required and not (node and node.params.get(problem.field)):
            to_fill.append(problem)
        else:
            wrong.append(problem)
    return to_fill, wrong


def flow_name(sentence: str) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= 60 else text[:57].rstrip() + "…"
