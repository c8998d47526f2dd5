"""The flow a new user finds on first start, so there is something real to run, in the
language Flowin speaks when it is made (its step names, sample data and note)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from flowin_engine.model import Edge, Flow, Node, Position, StickyNote
from flowin_engine.registry import Registry

EXAMPLE_NAME = "Welcome: greet a customer"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Example", text)


def welcome_flow(registry: Registry) -> Flow | None:
    """Manual trigger → set fields → condition → two branches; None without the core connector."""
    needed = ("core.manual_trigger", "core.set_fields", "core.condition")
    if not all(t in registry for t in needed):
        return None
    trigger = Node(
        type="core.manual_trigger",
        name=_tr("When I click Run"),
        params={"sample_data": {"customer_name": _tr("Layla"), "order_id": 1042, "total": 250}},
        position=Position(x=0, y=80),
    )
    greet = Node(
        type="core.set_fields",
        name=_tr("Write the greeting"),
        params={
            "fields": [
                {
                    "name": "text",
                    "value": _tr(
                        "Hello {{ trigger.customer_name }}, order #{{ trigger.order_id }} is confirmed"
                    ),
                },
                {"name": "total", "value": "{{ trigger.total }}"},
            ],
            "keep_input": False,
        },
        position=Position(x=280, y=80),
    )
    big = Node(
        type="core.condition",
        name=_tr("Big order?"),
        params={
            "combine": "and",
            "conditions": [{"left": "{{ input.total }}", "operator": "greater_than", "right": 100}],
        },
        position=Position(x=560, y=80),
    )
    thanks = Node(
        type="core.set_fields",
        name=_tr("Add a thank-you gift"),
        params={"fields": [{"name": "gift", "value": _tr("Free delivery")}], "keep_input": True},
        position=Position(x=860, y=0),
    )
    plain = Node(
        type="core.set_fields",
        name=_tr("Plain confirmation"),
        params={"fields": [{"name": "gift", "value": _tr("none")}], "keep_input": True},
        position=Position(x=860, y=170),
    )
    return Flow(
        name=_tr(EXAMPLE_NAME),
        description=_tr("A first flow to try: click Test run and watch each step."),
        nodes=[trigger, greet, big, thanks, plain],
        sticky_notes=[
            StickyNote(
                text=_tr(
                    "Click Test run and watch each step light up. "
                    "Then change the total in the trigger's sample data and run it again."
                ),
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
