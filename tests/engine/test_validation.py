import pytest

from flowin_engine.errors import FlowValidationError, Problem
from flowin_engine.validation import check_flow, validate_flow

from .builders import make_flow, registry_with_testkit

REGISTRY = registry_with_testkit()


def messages(flow):
    return [str(p) for p in validate_flow(flow, REGISTRY)]


def test_a_good_flow_has_no_problems():
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Echo", "testkit.echo", {"value": "{{ trigger.a }}"})],
        ["Start -> Echo"],
    )
    assert messages(flow) == []
    check_flow(flow, REGISTRY)


def test_unknown_node_type_names_the_node():
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Mystery", "acme.teleport", {})], ["Start -> Mystery"]
    )
    assert messages(flow) == ["'Mystery' uses an unknown node type 'acme.teleport'."]


def test_no_trigger_and_two_triggers():
    assert messages(make_flow([("Echo", "testkit.echo", {})])) == [
        "This flow has no trigger: add one to say when it should run."
    ]
    two = make_flow([("One", "testkit.start", {}), ("Two", "testkit.start", {})])
    assert messages(two) == ["A flow has exactly one trigger, this one has 2: 'One', 'Two'."]


def test_required_param_missing_names_node_and_field():
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Nap", "testkit.pause", {})], ["Start -> Nap"]
    )
    problems = validate_flow(flow, REGISTRY)
    assert problems == [Problem("'Nap' needs a value for Seconds.", "Nap", "seconds")]


def test_edge_to_a_missing_node_or_port():
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Echo", "testkit.echo", {})], ["Start:yes -> Echo"]
    )
    flow.edges.append(
        flow.edges[0].model_copy(update={"id": "e2", "source_port": "main", "target": "ghost"})
    )
    found = messages(flow)
    assert "'Start' has no output called 'yes' (it has: main, error)." in found
    assert "A connection from 'Start' leads to a step that doesn't exist ('ghost')." in found


def test_nothing_connects_into_a_trigger():
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Echo", "testkit.echo", {})],
        ["Start -> Echo", "Echo -> Start"],
    )
    found = messages(flow)
    assert "'Start' is a trigger: nothing can connect into it." in found


def test_cycles_are_refused_with_the_way_round():
    flow = make_flow(
        [("Start", "testkit.start", {}), ("A", "testkit.echo", {}), ("B", "testkit.echo", {})],
        ["Start -> A", "A -> B", "B -> A"],
    )
    found = messages(flow)
    assert any(
        m.startswith("These steps go round in a circle: ") and "Loop node" in m for m in found
    )


def test_duplicate_names_are_refused():
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Echo", "testkit.echo", {})], ["Start -> Echo"]
    )
    flow.nodes.append(flow.nodes[1].model_copy(update={"id": "other"}))
    assert "Two steps are called 'Echo'; each step needs its own name." in messages(flow)


def test_reference_to_a_step_that_does_not_run_before():
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("A", "testkit.echo", {"value": "{{ steps['B'].output }}"}),
            ("B", "testkit.echo", {}),
            ("C", "testkit.echo", {"value": "{{ steps['Nope'].output }} {{ customer }}"}),
        ],
        ["Start -> A", "A -> B", "Start -> C"],
    )
    found = messages(flow)
    assert "'A' → Value refers to 'B', which doesn't run before it." in found
    assert "'C' → Value refers to a step 'Nope' that doesn't exist." in found
    assert any("'C' → Value uses {{customer}}" in m for m in found)


def test_check_flow_raises_with_every_problem():
    flow = make_flow([("Echo", "testkit.echo", {}), ("X", "nope.nope", {})])
    with pytest.raises(FlowValidationError) as caught:
        check_flow(flow, REGISTRY)
    assert len(caught.value.problems) == 2
    assert str(caught.value).startswith("This flow can't run:\n  • ")
