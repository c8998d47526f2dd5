"""The flow a new user finds on first start, so there is something real to run."""

from __future__ import annotations

from flowin_engine.model import Edge, Flow, Node, Position, StickyNote
from flowin_engine.registry import Registry

EXAMPLE_NAME = "Welcome: greet a customer"


def welcome_flow(registry: Registry) -> Flow | None:
    """Manual trigger → set fields → condition → two branches; None without the core connector."""
    needed = ("core.manual_trigger", "core.set_fields", "core.condition")
    if not all(t in registry for t in needed):
        return None
    trigger = Node(
        type="core.manual_trigger",
        name="When I click Run",
        params={"sample_data": {"customer_name": "Layla", "order_id": 1042, "total": 250}},
        position=Position(x=0, y=80),
    )
    greet = Node(
        type="core.set_fields",
        name="Write the greeting",
        params={
            "fields": [
                {
                    "name": "text",
                    "value": "Hello {{ trigger.customer_name }}, order #{{ trigger.order_id }} is confirmed",
                },
                {"name": "total", "value": "{{ trigger.total }}"},
            ],
            "keep_input": False,
        },
        position=Position(x=280, y=80),
    )
    big = Node(
        type="core.condition",
        name="Big order?",
        params={
            "combine": "and",
            "conditions": [{"left": "{{ input.total }}", "operator": "greater_than", "right": 100}],
        },
        position=Position(x=560, y=80),
    )
    thanks = Node(
        type="core.set_fields",
        name="Add a thank-you gift",
        params={"fields": [{"name": "gift", "value": "Free delivery"}], "keep_input": True},
        position=Position(x=860, y=0),
    )
    plain = Node(
        type="core.set_fields",
        name="Plain confirmation",
        params={"fields": [{"name": "gift", "value": "none"}], "keep_input": True},
        position=Position(x=860, y=170),
    )
    return Flow(
        name=EXAMPLE_NAME,
        description="A first flow to try: click Test run and watch each step.",
        nodes=[trigger, greet, big, thanks, plain],
        sticky_notes=[
            StickyNote(
                text="Click Test run and watch each step light up. "
                "Then change the total in the trigger's sample data and run it again.",
                position=Position(x=0, y=-120),
                width=420,
                height=80,
            )
        ],
        edges=[
            Edge(source=trigger.id, target=greet.id),
            Edge(source=greet.id, target=big.id),
            Edge(source=big.id, source_port="true", target=thanks.id),
            Edge(source=big.id, source_port="false", target=plain.id),
        ],
    )
