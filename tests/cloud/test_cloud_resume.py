"""Where a cloud run taken over by another worker carries on, from the steps the lost worker
wrote down: what is replayed, what runs again, and when carrying on could send twice."""

from __future__ import annotations

import json

import pytest

from flowin_cloud.models import ExecutionStep
from flowin_cloud.runner.tasks import Unsure, resume_point
from flowin_engine.registry import default_registry
from tests.engine.builders import make_flow

REGISTRY = default_registry()
FLOW = make_flow(
    [
        ("Start", "core.manual_trigger", {}),
        ("Look up", "http.request", {"method": "GET", "url": "https://shop.example/orders"}),
        ("Book", "http.request", {"method": "POST", "url": "https://shop.example/book"}),
        ("Each order", "core.loop", {"items": "{{ trigger.orders }}"}),
        ("Tell", "whatsapp.send_text", {"connection": "wa", "to": "9665", "text": "Hi"}),
        ("Done", "whatsapp.send_text", {"connection": "wa", "to": "9665", "text": "All sent"}),
    ],
    [
        "Start -> Look up",
        "Look up -> Book",
        "Book -> Each order",
        "Each order:item -> Tell",
        "Each order:done -> Done",
    ],
)
IDS = {node.name: node.id for node in FLOW.nodes}


def step(number: int, name: str, status: str, output=None, iteration=None) -> ExecutionStep:
    node = FLOW.node(IDS[name])
    return ExecutionStep(
        id=number,
        node_id=node.id,
        node_name=name,
        node_type=node.type,
        iteration=iteration,
        attempt=1,
        status=status,
        port="item" if name == "Each order" and iteration is not None else "main",
        output=None if output is None else json.dumps(output),
    )


def test_finished_steps_are_replayed_and_a_lost_read_runs_again():
    steps = [
        step(1, "Start", "success", {"orders": [1, 2]}),
        step(2, "Look up", "failed"),  # lost mid-call
    ]
    reuse = resume_point(steps, {2}, FLOW, REGISTRY)
    assert set(reuse) == {IDS["Start"]}
    assert reuse[IDS["Start"]].output == {"orders": [1, 2]} and reuse[IDS["Start"]].recorded


@pytest.mark.parametrize(
    ("steps", "lost", "unsure_about"),
    [
        # A POST cut off mid-call may have been acted on.
        (
            [
                step(1, "Start", "success", {}),
                step(2, "Look up", "success", {}),
                step(3, "Book", "failed"),
            ],
            {3},
            "Book",
        ),
        # A message cut off mid-send may have gone out.
        ([step(1, "Start", "success", {}), step(4, "Tell", "failed", iteration=0)], {4}, "Tell"),
        # A loop that had sent some of its messages would start over and send them again.
        (
            [step(1, "Start", "success", {}), step(4, "Tell", "success", {"id": "w1"}, 0)],
            set(),
            "Tell",
        ),
        # A sent message whose output the history cut short cannot be replayed from it.
        (
            [step(5, "Done", "success", {"_truncated": True, "size": 9, "preview": "…"})],
            set(),
            "Done",
        ),
    ],
)
def test_carrying_on_is_refused_when_it_could_repeat_an_effect(steps, lost, unsure_about):
    with pytest.raises(Unsure) as refused:
        resume_point(steps, lost, FLOW, REGISTRY)
    assert refused.value.node_name == unsure_about
    assert f"'{unsure_about}'" in str(refused.value) and "did not" in str(refused.value)


def test_messages_of_a_loop_that_finished_are_replayed_with_it():
    steps = [
        step(1, "Start", "success", {}),
        step(2, "Look up", "success", {}),
        step(3, "Book", "success", {}),
        step(4, "Tell", "success", {"id": "w1"}, 0),
        step(5, "Tell", "success", {"id": "w2"}, 1),
        step(6, "Each order", "success", {"results": [], "count": 2}),
    ]
    reuse = resume_point(steps, set(), FLOW, REGISTRY)
    assert set(reuse) == {IDS[name] for name in ("Start", "Look up", "Book", "Each order")}
