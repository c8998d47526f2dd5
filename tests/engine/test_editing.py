"""Editing a flow: the rules every edit follows, whoever makes it."""

from __future__ import annotations

import pytest

from flowin_engine import editing
from flowin_engine.editing import Edit, apply, rename_in_template, rename_step
from flowin_engine.events import ExecutionStatus
from flowin_engine.expressions import referenced_steps
from flowin_engine.graph import Graph
from flowin_engine.model import Edge, Flow, Node, Position
from flowin_engine.pinning import pin
from flowin_engine.runner import Runner
from flowin_engine.validation import validate_flow

from .builders import make_flow, registry_with_testkit

REGISTRY = registry_with_testkit()


def an_order_flow() -> Flow:
    """A trigger, a step called Order, one called Orders, and steps reading both."""
    flow = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Order", "testkit.echo", {"value": "{{ trigger.id }}"}),
            ("Orders", "testkit.echo", {"value": "{{ steps['Order'].output }}-list"}),
            (
                "Report",
                "testkit.echo",
                {
                    "value": {
                        "text": "Order {{ steps['Order'].output }} of {{ steps[\"Orders\"].output }}",
                        "rows": [
                            {"cell": "{{ steps.Order.output }}"},
                            ["{% if steps['Order'].output %}yes{% endif %}", "Order stays"],
                        ],
                        "plain": "steps['Order'] outside braces is text",
                    }
                },
            ),
            (
                "Check",
                "core.condition",
                {
                    "conditions": [
                        {
                            "left": "{{ steps['Order'].output }}",
                            "operator": "equals",
                            "right": "{{ steps['Orders'].output }}",
                        }
                    ]
                },
            ),
        ],
        ["Start -> Order", "Order -> Orders", "Orders -> Report", "Report -> Check"],
    )
    flow.pinned["order"] = pin({"id": 7})
    return flow


def test_renaming_a_step_rewrites_every_reference_to_it_and_the_flow_still_runs():
    flow = an_order_flow()
    assert validate_flow(flow, REGISTRY) == []

    apply(flow, rename_step(flow, "Order", "Sale"))

    assert validate_flow(flow, REGISTRY) == []
    report = flow.node("report").params["value"]
    assert report["text"] == "Order {{ steps['Sale'].output }} of {{ steps[\"Orders\"].output }}"
    assert report["rows"][0] == {"cell": "{{ steps.Sale.output }}"}
    assert report["rows"][1] == ["{% if steps['Sale'].output %}yes{% endif %}", "Order stays"]
    assert report["plain"] == "steps['Order'] outside braces is text"
    rule = flow.node("check").params["conditions"][0]
    assert rule["left"] == "{{ steps['Sale'].output }}"
    assert rule["right"] == "{{ steps['Orders'].output }}"
    assert flow.node("orders").params["value"] == "{{ steps['Sale'].output }}-list"
    assert flow.node("order").name == "Sale" and "order" in flow.pinned

    with Runner(REGISTRY, workers=1) as runner:
        result = runner.run(flow, {"id": 42})
    assert result.status == ExecutionStatus.SUCCESS
    assert result.outputs["Orders"] == "42-list"


def test_undoing_a_rename_restores_the_old_name_and_the_old_references():
    flow = an_order_flow()
    before = flow.model_dump()

    undo = apply(flow, rename_step(flow, "Order", "Sale"))
    assert flow.model_dump() != before
    redo = apply(flow, undo)

    assert flow.model_dump() == before
    apply(flow, redo)
    assert flow.node("order").name == "Sale"


def test_a_rename_touches_only_references_to_that_very_name():
    names = {"Order": "Sale"}
    assert rename_in_template("{{ steps['Orders'].output }}", names) == (
        "{{ steps['Orders'].output }}"
    )
    assert rename_in_template("{{ steps.Orders.id }} {{ steps.Order.id }}", names) == (
        "{{ steps.Orders.id }} {{ steps.Sale.id }}"
    )
    assert rename_in_template("{{ input.steps.Order }} {{ x | steps }}", names) == (
        "{{ input.steps.Order }} {{ x | steps }}"
    )
    assert rename_in_template("Order: {{ trigger.Order }}", names) == ("Order: {{ trigger.Order }}")
    assert rename_in_template("{% raw %}{{ steps['Order'] }}{% endraw %}", names) == (
        "{% raw %}{{ steps['Order'] }}{% endraw %}"
    )


def test_a_renamed_reference_is_written_so_the_expression_still_reads_it():
    cases = {
        "{{ steps.Order.id }}": ("Big sale", "{{ steps['Big sale'].id }}"),
        "{{ steps[ 'Order' ].id }}": ("Layla's", "{{ steps[ 'Layla\\'s' ].id }}"),
        '{{ steps["Order"].id }}': ("طلب جديد", '{{ steps["طلب جديد"].id }}'),
        "{{- steps['Order'] -}}\n{#- note -#}\r\n{{ steps['Order'] | length }}": (
            "if",
            "{{- steps['if'] -}}\n{#- note -#}\n{{ steps['if'] | length }}",
        ),
    }
    for source, (new, expected) in cases.items():
        rewritten = rename_in_template(source, {"Order": new})
        assert rewritten == expected
        assert referenced_steps(rewritten)[0] == {new}


def test_a_template_with_a_mistake_still_has_its_quoted_references_renamed():
    source = "{{ steps['Order'].output + }} {{ steps['Orders'] }}"
    assert rename_in_template(source, {"Order": "Sale"}) == (
        "{{ steps['Sale'].output + }} {{ steps['Orders'] }}"
    )


def test_a_step_cannot_take_a_name_another_step_has_or_no_name():
    flow = an_order_flow()
    with pytest.raises(editing.StepNameTaken, match="'Orders'"):
        rename_step(flow, "Order", "Orders")
    with pytest.raises(editing.EmptyStepName):
        rename_step(flow, "Order", "  ")
    with pytest.raises(editing.StepNotFound):
        rename_step(flow, "Nobody", "Somebody")
    assert rename_step(flow, "Order", "Order").is_empty()


def test_unique_names_count_up_from_two():
    assert editing.unique_name("Echo", ["Start"]) == "Echo"
    assert editing.unique_name("Echo", ["Echo", "Echo 2"]) == "Echo 3"


def test_a_connection_is_refused_with_the_words_validation_would_use():
    flow = make_flow(
        [("Start", "testkit.start", {}), ("A", "testkit.echo", {}), ("B", "testkit.echo", {})],
        ["Start -> A", "A -> B"],
    )

    def problem(source, target, source_port="main", target_port="main"):
        found = editing.connection_problem(flow, REGISTRY, source, source_port, target, target_port)
        return None if found is None else str(found)

    assert problem("b", "start") == "'Start' is a trigger: nothing can connect into it."
    assert problem("a", "a") == "A step can't connect to itself."
    assert problem("a", "b") == "These two steps are already connected."
    assert problem("a", "gone") == "That step no longer exists."
    assert problem("a", "b", source_port="nope") == (
        "'A' has no output called 'nope' (it has: main, error)."
    )
    circle = problem("b", "a")
    assert circle == (
        "These steps go round in a circle: 'A' → 'B' → 'A'. To repeat steps, use a Loop node."
    )
    assert problem("start", "b") is None

    # Made anyway (a hand-edited file), the flow gets the very same sentences from validation.
    flow.edges.append(Edge(source="b", target="a"))
    assert circle in [str(p) for p in validate_flow(flow, REGISTRY)]
    with pytest.raises(editing.ConnectionRefused):
        editing.connect(flow, REGISTRY, Edge(source="a", target="a"))


def test_paste_renames_clashes_offsets_and_repoints_references_among_the_copies():
    flow = an_order_flow()
    part = Flow(
        nodes=[
            Node(id="x", name="Order", type="testkit.echo", position=Position(x=10, y=10)),
            Node(
                id="y",
                name="Shout",
                type="testkit.echo",
                params={"value": "{{ steps['Order'].output }} {{ steps['Orders'].output }}"},
            ),
        ],
        edges=[Edge(source="x", target="y"), Edge(source="x", target="elsewhere")],
    )

    edit = editing.paste(flow, part)
    apply(flow, edit)

    copy, shout = edit.nodes
    assert (copy.name, shout.name) == ("Order 2", "Shout")
    assert {copy.id, shout.id}.isdisjoint({"x", "y"})
    assert (copy.position.x, copy.position.y) == (50, 50)
    assert shout.params["value"] == "{{ steps['Order 2'].output }} {{ steps['Orders'].output }}"
    assert [(e.source, e.target) for e in edit.edges] == [(copy.id, shout.id)]

    again = editing.paste(flow, part)
    assert (again.nodes[0].position.x, again.nodes[0].position.y) == (90, 90)
    assert again.nodes[0].name == "Order 3"


def test_a_proposal_lands_below_the_flow_with_fresh_names_and_its_references_follow():
    flow = an_order_flow()
    flow.node("report").position = Position(x=300, y=200)
    proposal = make_flow(
        [
            ("Start", "testkit.start", {}),
            ("Order", "testkit.echo", {"value": "{{ trigger }}"}),
            ("Tell", "testkit.echo", {"value": "{{ steps['Order'].output }}"}),
        ],
        ["Start -> Order", "Order -> Tell"],
    )
    for index, node in enumerate(proposal.nodes):
        node.position = Position(x=80 + 280 * index, y=200)

    edit = editing.place_proposal(flow, proposal, gap=200)

    assert [n.name for n in edit.nodes] == ["Start 2", "Order 2", "Tell"]
    assert edit.nodes[2].params["value"] == "{{ steps['Order 2'].output }}"
    assert [(n.position.x, n.position.y) for n in edit.nodes] == [(0, 400), (280, 400), (560, 400)]
    assert len(edit.edges) == 2


def an_open_flow_and_a_proposal() -> tuple[Flow, Flow]:
    """An open flow Start → Order, and a proposal that starts with another kind of trigger."""
    flow = make_flow(
        [("Start", "testkit.start", {}), ("Order", "testkit.echo", {})], ["Start -> Order"]
    )
    flow.node("order").position = Position(x=280, y=0)
    proposal = make_flow(
        [
            ("New item", "testkit.new_item", {}),
            ("Tell", "testkit.echo", {"value": "{{ trigger.id }}"}),
            ("Log", "testkit.echo", {"value": "{{ steps['Tell'].output }}"}),
        ],
        ["New item -> Tell", "Tell -> Log"],
    )
    for index, node in enumerate(proposal.nodes):
        node.position = Position(x=80 + 280 * index, y=200)
    return flow, proposal


def triggers(flow: Flow) -> list[str]:
    return [n.name for n in flow.nodes if REGISTRY.get(n.type).is_trigger]


def test_a_proposal_applied_to_a_flow_with_a_trigger_keeps_one_and_goes_on_after_the_last_step():
    flow, proposal = an_open_flow_and_a_proposal()
    assert editing.triggers_to_choose(flow, proposal, REGISTRY) == (
        flow.nodes[0],
        proposal.nodes[0],
    )

    apply(flow, editing.place_proposal(flow, proposal, gap=200, registry=REGISTRY))

    assert triggers(flow) == ["Start"]
    tell, log = flow.node_by_name("Tell"), flow.node_by_name("Log")
    assert tell is not None and log is not None
    assert Graph.of(flow).path("start", log.id) == ["start", "order", tell.id, log.id]
    assert (tell.position.x, tell.position.y) == (560, 0)  # on the same line, after Order
    assert validate_flow(flow, REGISTRY) == []


def test_a_proposal_whose_trigger_replaces_the_flows_takes_its_place_and_its_connections():
    flow, proposal = an_open_flow_and_a_proposal()

    edit = editing.place_proposal(
        flow, proposal, gap=200, registry=REGISTRY, trigger=editing.TriggerChoice.REPLACE
    )
    undo = apply(flow, edit)

    assert triggers(flow) == ["New item"]
    new_item, log = flow.node_by_name("New item"), flow.node_by_name("Log")
    assert new_item is not None and log is not None and new_item.position == Position()
    assert Graph.of(flow).path(new_item.id, log.id)[:2] == [new_item.id, "order"]
    assert validate_flow(flow, REGISTRY) == []
    apply(flow, undo)
    assert [n.name for n in flow.nodes] == ["Start", "Order"] and len(flow.edges) == 1


def test_the_same_kind_of_trigger_is_kept_without_asking():
    flow, proposal = an_open_flow_and_a_proposal()
    proposal.nodes[0].type = "testkit.start"
    assert editing.triggers_to_choose(flow, proposal, REGISTRY) is None
    apply(flow, editing.place_proposal(flow, proposal, gap=200, registry=REGISTRY))
    assert triggers(flow) == ["Start"] and validate_flow(flow, REGISTRY) == []


def test_inserting_between_two_steps_rewires_and_makes_room():
    flow = make_flow(
        [("Start", "testkit.start", {}), ("A", "testkit.echo", {}), ("B", "testkit.echo", {})],
        ["Start -> A", "A -> B"],
    )
    flow.node("a").position = Position(x=300, y=0)
    flow.node("b").position = Position(x=600, y=0)
    wait = Node(type="core.delay", name="A", params={"amount": 5, "unit": "minutes"})

    undo = apply(flow, editing.insert_between(flow, REGISTRY, wait, "start", "a"))

    inserted = flow.nodes[-1]
    assert inserted.name == "A 2" and inserted.position.x == 300
    pairs = {(e.source, e.target) for e in flow.edges}
    assert pairs == {("start", inserted.id), (inserted.id, "a"), ("a", "b")}
    assert [flow.node(i).position.x for i in ("start", "a", "b")] == [0, 580, 880]
    assert validate_flow(flow, REGISTRY) == []
    apply(flow, undo)
    assert {(e.source, e.target) for e in flow.edges} == {("start", "a"), ("a", "b")}
    assert [n.position.x for n in flow.nodes] == [0, 300, 600]


def test_deleting_and_undoing_puts_every_step_and_connection_back_in_its_place():
    flow = an_order_flow()
    before = flow.model_dump()
    undo = apply(flow, editing.remove(["orders"], []))
    assert "orders" not in {n.id for n in flow.nodes}
    assert all("orders" not in (e.source, e.target) for e in flow.edges)
    apply(flow, undo)
    assert flow.model_dump() == before


def test_an_edit_changes_nothing_until_applied():
    flow = an_order_flow()
    before = flow.model_dump()
    edits: list[Edit] = [
        rename_step(flow, "Order", "Sale"),
        editing.paste(flow, flow),
        editing.move({"order": (5, 5)}),
        editing.change_step(flow, "order", params={"value": "x"}),
    ]
    assert all(not e.is_empty() for e in edits)
    assert flow.model_dump() == before


def test_the_graph_answers_who_comes_before_and_after():
    flow = make_flow(
        [(name, "testkit.echo", {}) for name in ("S", "A", "B", "C", "D")],
        ["S -> A", "A -> B", "S -> C", "C -> B", "B -> D"],
    )
    graph = Graph.of(flow)
    assert graph.upstream_nearest_first("d") == ["b", "a", "c", "s"]
    assert graph.downstream("a") == {"b", "d"}
    assert graph.path("s", "d") in (["s", "a", "b", "d"], ["s", "c", "b", "d"])
    assert graph.path("d", "s") is None
    assert graph.depths() == {"s": 0, "a": 1, "c": 1, "b": 2, "d": 3}


def test_a_new_step_steps_aside_from_one_already_there():
    flow = make_flow([("A", "testkit.echo", {}), ("B", "testkit.echo", {})])
    flow.node("a").position = Position(x=100, y=100)
    flow.node("b").position = Position(x=130, y=130)
    assert editing.free_spot(flow, 110, 90) == (170, 150)
    assert editing.free_spot(flow, 400, 400) == (400, 400)


def test_a_step_added_after_another_goes_to_its_right_below_what_is_there_and_is_connected():
    flow = make_flow([("A", "testkit.echo", {}), ("B", "testkit.echo", {})])
    flow.node("a").position = Position(x=0, y=0)
    flow.node("b").position = Position(x=editing.STEP_GAP, y=20)  # already right of A
    new = Node(type="testkit.echo", name="C")

    placed, edges = editing.step_after(flow, REGISTRY, new, "a")

    assert placed.position.x == editing.STEP_GAP
    assert placed.position.y >= 20 + editing.STEP_FOOTPRINT[1] - 20  # clear of B's card
    assert [(e.source, e.target) for e in edges] == [("a", placed.id)]
    trigger = Node(type="core.manual_trigger", name="Start")
    _, into_trigger = editing.step_after(flow, REGISTRY, trigger, "a")
    assert into_trigger == []  # nothing connects into a trigger
