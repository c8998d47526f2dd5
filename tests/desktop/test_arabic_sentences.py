"""In Arabic, the sentences about a flow are Arabic: no English label left inside them, only the
user's own words (step names, values) and brand names."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from flowin_desktop.example import welcome_flow
from flowin_desktop.i18n import Localizer, port_label, problem_text
from flowin_engine.builder import build
from flowin_engine.errors import MissingVariable, Problem
from flowin_engine.model import Edge, Flow, Node, Position
from flowin_engine.registry import Registry, default_registry
from flowin_engine.validation import validate_flow

# Arguments that carry the user's own words or the flow file's ids, shown as they are.
USER_DATA = {
    "step",
    "value",
    "missing",
    "id",
    "listed",
    "path",
    "variable",
    "type",
    "source",
    "target",
    "name",
    "other",
    "loop",
    "count",
    "limit",
    "last",
    "position",
    "key",
    "params",
    "error",
    "schemes",
    "reason",  # a setting's own check, worded by its model
}
_EXPRESSION = re.compile(r"\{\{.*?\}\}")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    localizer = Localizer(qapp)
    localizer.set_language("ar")
    yield
    localizer.set_language("en")


def _brands(registry: Registry) -> set[str]:
    """Names that stay in Latin letters in Arabic: services and their products."""
    words = set()
    for connector in registry.connectors:
        words.update(_LATIN_WORD.findall(connector.name))
    return words | {"API", "URL", "JSON", "HTTP", "SMS", "AI", "OpenAI", "ID"}


def _latin_left(problem: Problem, text: str, flow: Flow, brands: set[str]) -> list[str]:
    for node in flow.nodes:
        text = text.replace(node.name, " ")
    for key, value in problem.args.items():
        # A port the flow file names but the step doesn't have is the file's word too.
        unknown_port = key == "port" and port_label(value) == value
        if (key in USER_DATA or unknown_port) and value:
            text = text.replace(value, " ")
    text = _EXPRESSION.sub(" ", text)
    return [w for w in _LATIN_WORD.findall(text) if w not in brands]


def _broken_flows(registry: Registry) -> Iterator[Flow]:
    trigger = Node(type="core.manual_trigger", name="Start here", position=Position(x=0, y=0))
    # Every step with nothing filled in: each required field is named in its problem.
    for node_type in registry.node_types:
        if node_type.is_trigger:
            yield Flow(name="Empty trigger", nodes=[Node(type=node_type.type, name="Begin")])
            continue
        empty = Node(type=node_type.type, name="Empty step", position=Position(x=300, y=0))
        yield Flow(
            name="Empty step",
            nodes=[trigger, empty],
            edges=[Edge(source=trigger.id, target=empty.id)],
        )
    check = Node(
        type="core.condition",
        name="Check it",
        params={
            "combine": "maybe",
            "conditions": [{"left": "{{ input.total }}", "operator": "bigger_than", "right": 1}],
        },
    )
    other = Node(type="core.no_op", name="After", params={})
    # Ports that don't exist, a circle, a second trigger, a step of an unknown kind.
    yield Flow(
        name="Tangled",
        nodes=[
            trigger,
            check,
            other,
            Node(type="core.manual_trigger", name="Second start"),
            Node(type="core.no_such_thing", name="Mystery"),
        ],
        edges=[
            Edge(source=trigger.id, target=check.id),
            Edge(source=check.id, source_port="maybe", target=other.id),
            Edge(source=trigger.id, source_port="true", target=other.id),
            Edge(source=other.id, target=check.id),
        ],
    )
    yield Flow(name="No trigger", nodes=[other])


def test_no_english_label_is_left_in_arabic_problems(arabic):
    registry = default_registry()
    brands = _brands(registry)
    example = welcome_flow(registry)
    assert example is not None
    leaks: dict[str, list[str]] = {}
    seen = 0
    for flow in [example, *_broken_flows(registry)]:
        for problem in validate_flow(flow, registry):
            seen += 1
            text = problem_text(problem)
            left = _latin_left(problem, text, flow, brands)
            if left:
                leaks[text] = left
    missing = MissingVariable("input.total", "Write the greeting", "Message").problem
    left = _latin_left(missing, problem_text(missing), example, brands)
    if left:
        leaks[problem_text(missing)] = left
    # The walk did find problems to read: one at least for each step (a trigger with nothing
    # filled in may have nothing wrong).
    assert seen > len([t for t in registry.node_types if not t.is_trigger])
    assert leaks == {}


def test_branch_names_in_arabic_sentences_are_translated(arabic):
    registry = default_registry()
    check = Node(type="core.condition", name="Check it", params={"conditions": []})
    after = Node(type="core.no_op", name="After")
    start = Node(type="core.manual_trigger", name="Start")
    flow = Flow(
        nodes=[start, check, after],
        edges=[
            Edge(source=start.id, target=check.id),
            Edge(source=start.id, source_port="true", target=after.id),
        ],
    )
    (wrong_port,) = [p for p in validate_flow(flow, registry) if "port" in p.args]
    text = problem_text(wrong_port)
    assert "true" not in text
    assert port_label("true") in text
    assert port_label("true") == QCoreApplication.translate("FlowScene", "yes") != "yes"


def test_the_builder_names_shared_fields_in_arabic_in_the_app(arabic):
    proposal = build("عند وصول رسالة في سلاك أرسل رسالة SMS")
    assert proposal.flow is not None
    brands = _brands(default_registry())
    sentences = [line.why for line in proposal.explanation] + [m.message for m in proposal.missing]
    for sentence in sentences:
        text = _EXPRESSION.sub(" ", sentence)
        assert [w for w in _LATIN_WORD.findall(text) if w not in brands] == [], sentence
