import itertools
import os
import subprocess
import sys

import pytest

from flowin_engine.errors import FlowValidationError, Problem
from flowin_engine.model import Edge, Flow, Node
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


def _long_chain(length: int, last_reads: str) -> Flow:
    nodes = [Node(id="start", name="Start", type="testkit.start")]
    nodes += [
        Node(
            id=f"s{i}",
            name=f"Step {i}",
            type="testkit.echo",
            params={"value": f"{{{{ steps['Step {i - 1}'].output }}}}" if i else "first"},
        )
        for i in range(length)
    ]
    nodes[-1].params["value"] = f"{{{{ steps['{last_reads}'].output }}}}"
    edges = [Edge(source=a.id, target=b.id) for a, b in itertools.pairwise(nodes)]
    return Flow(name="Long chain", nodes=nodes, edges=edges)


def test_a_chain_of_thousands_of_steps_gets_exactly_its_problems():
    good = _long_chain(5_000, last_reads="Step 0")
    assert validate_flow(good, REGISTRY) == []
    # The last step reading a step that comes after... nothing: it reads itself.
    wrong = _long_chain(5_000, last_reads="Step 4999")
    assert messages(wrong) == [
        "'Step 4999' → Value refers to 'Step 4999', which doesn't run before it."
    ]


def test_a_step_on_a_side_branch_does_not_run_before_the_other_branch():
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Left", "testkit.echo", {"value": 1}),
            ("Right", "testkit.echo", {"value": "{{ steps['Left'].output }}"}),
            ("Join", "testkit.echo", {"value": "{{ steps.Left.output }} {{ steps.Right }}"}),
        ],
        ["Start -> Left", "Start -> Right", "Left -> Join", "Right -> Join"],
    )
    assert messages(flow) == ["'Right' → Value refers to 'Left', which doesn't run before it."]


def test_a_long_cycle_is_named_in_its_running_order():
    names = [f"S{i}" for i in range(3_000)]
    flow = make_flow(
        [("Start", "testkit.start", {})] + [(n, "testkit.echo", {}) for n in names],
        ["Start -> S0", *(f"{a} -> {b}" for a, b in itertools.pairwise(names)), "S2999 -> S0"],
    )
    circle = next(m for m in messages(flow) if m.startswith("These steps go round"))
    assert circle.startswith("These steps go round in a circle: 'S0' → 'S1' → 'S2' → ")
    assert "'S2998' → 'S2999' → 'S0'." in circle


def test_a_step_after_a_cycle_does_not_hide_the_cycle():
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("A", "testkit.echo", {}),
            ("B", "testkit.echo", {}),
            ("After", "testkit.echo", {}),
        ],
        ["Start -> A", "A -> B", "B -> A", "B -> After"],
    )
    circle = next(m for m in messages(flow) if m.startswith("These steps go round"))
    assert ("'A' → 'B' → 'A'" in circle or "'B' → 'A' → 'B'" in circle) and "After" not in circle


def real(flow_nodes, edges):
    return [str(p) for p in validate_flow(make_flow(flow_nodes, edges))]


def test_impossible_wait_settings_are_named_with_what_would_do():
    problems = validate_flow(
        make_flow(
            [
                ("Start", "core.manual_trigger", {}),
                ("Wait", "core.delay", {"amount": "forever", "unit": "fortnights"}),
            ],
            ["Start -> Wait"],
        )
    )
    assert [(p.message, p.node, p.field) for p in problems] == [
        ("'Wait' → Amount: 'forever' is not a number.", "Wait", "amount"),
        (
            "'Wait' → Unit: 'fortnights' is not one of seconds, minutes, hours, days.",
            "Wait",
            "unit",
        ),
    ]
    close = real(
        [("Start", "core.manual_trigger", {}), ("Wait", "core.delay", {"unit": "minuts"})],
        ["Start -> Wait"],
    )
    assert close == [
        "'Wait' → Unit: 'minuts' is not one of seconds, minutes, hours, days. "
        "Did you mean 'minutes'?"
    ]


def test_a_misspelt_setting_name_is_named_with_the_setting_it_nearly_is():
    problems = validate_flow(
        make_flow(
            [
                ("Start", "core.manual_trigger", {}),
                ("Wait", "core.delay", {"amout": 5, "unit": "minutes", "from_old_version": 1}),
            ],
            ["Start -> Wait"],
        )
    )
    assert [(p.message, p.node, p.field) for p in problems] == [
        ("'Wait' has no setting 'amout'. Did you mean Amount ('amount')?", "Wait", "amout")
    ]


def test_a_web_request_checks_its_method_and_its_address():
    found = real(
        [
            ("Start", "core.manual_trigger", {}),
            ("Call", "http.request", {"method": "YEET", "url": "ftp://shop.example/orders"}),
            ("Post", "http.request", {"method": "pots", "url": "shop.example"}),
            ("Later", "http.request", {"url": "{{ trigger.address }}/orders"}),
            ("Mixed", "http.request", {"url": "gopher://{{ trigger.host }}/x"}),
        ],
        ["Start -> Call", "Call -> Post", "Post -> Later", "Later -> Mixed"],
    )
    assert found == [
        "'Call' → Method: 'YEET' is not one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS.",
        "'Call' → URL: 'ftp://shop.example/orders' can't be called; only addresses starting "
        "with http:// or https:// can.",
        "'Post' → Method: 'POTS' is not one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS. "
        "Did you mean 'POST'?",
        "'Post' → URL: 'shop.example' is not a web address; it starts with http:// or https://.",
        "'Mixed' → URL: 'gopher://{{ trigger.host }}/x' can't be called; only addresses "
        "starting with http:// or https:// can.",
    ]


def test_a_rule_inside_a_condition_is_checked_and_named_where_it_is():
    problems = validate_flow(
        make_flow(
            [
                ("Start", "core.manual_trigger", {}),
                (
                    "Big order?",
                    "core.condition",
                    {
                        "conditions": [
                            {"left": "{{ trigger.total }}", "operator": "equals", "right": 1},
                            {"left": "{{ trigger.total }}", "operator": "bigger_than"},
                            {"conditions": [{"left": 1, "operator": "{{ trigger.op }}"}]},
                        ]
                    },
                ),
            ],
            ["Start -> Big order?"],
        )
    )
    assert len(problems) == 1
    problem = problems[0]
    assert problem.message.startswith(
        "'Big order?' → Conditions #2 → Check: 'bigger_than' is not one of equals, not_equals"
    )
    assert problem.message.endswith("Did you mean 'greater_than'?")
    assert (problem.node, problem.field) == ("Big order?", "conditions")


def test_settings_filled_by_expressions_are_left_for_the_run():
    assert (
        real(
            [
                ("Start", "core.manual_trigger", {}),
                (
                    "Wait",
                    "core.delay",
                    {"amount": "{{ trigger.days }}", "unit": "{{ trigger.unit }}"},
                ),
                (
                    "Call",
                    "http.request",
                    {"method": "{{ trigger.verb }}", "url": "{{ trigger.url }}"},
                ),
            ],
            ["Start -> Wait", "Wait -> Call"],
        )
        == []
    )


def test_an_unknown_node_type_suggests_the_close_one():
    found = real(
        [("Start", "core.manual_trigger", {}), ("Pause", "core.delya", {})], ["Start -> Pause"]
    )
    assert found == ["'Pause' uses an unknown node type 'core.delya'. Did you mean 'core.delay'?"]


def test_activating_a_flow_with_an_impossible_setting_is_refused(tmp_path):
    from flowin_engine.model import FlowStatus
    from flowin_engine.store import Store

    flow = make_flow(
        [("Start", "core.manual_trigger", {}), ("Wait", "core.delay", {"unit": "fortnights"})],
        ["Start -> Wait"],
    )
    with Store(tmp_path / "flowin.db") as store:
        store.flows.save(flow)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "flowin_engine",
            "--data-dir",
            str(tmp_path),
            "flows",
            "activate",
            flow.id,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "FLOWIN_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 2
    assert "'Wait' → Unit: 'fortnights' is not one of" in result.stderr
    with Store(tmp_path / "flowin.db") as store:
        assert store.flows.get(flow.id).status == FlowStatus.DRAFT
