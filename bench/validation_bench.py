"""How long checking a flow takes as it grows: chains of 1 000, 5 000 and 20 000 steps.

Run with `make bench`. Prints figures; asserts nothing. Each step reads the one before it with
an {{ expression }} and one in ten is a condition with a rule, so validation has references to
follow and settings to check, as in a real flow. Best of three runs per size.
"""

from __future__ import annotations

import itertools
import sys
import time

from flowin_engine.model import Edge, Flow, Node
from flowin_engine.registry import default_registry
from flowin_engine.validation import validate_flow

SIZES = (1_000, 5_000, 20_000)


def chain(length: int) -> Flow:
    nodes = [Node(id="start", name="Start", type="core.manual_trigger")]
    for i in range(length):
        before = nodes[-1].name
        if i % 10 == 9:
            params = {
                "conditions": [
                    {
                        "left": f"{{{{ steps['{before}'].output.total }}}}",
                        "operator": "greater_than",
                        "right": 100,
                    }
                ]
            }
            nodes.append(Node(id=f"s{i}", name=f"Step {i}", type="core.condition", params=params))
        else:
            value = f"Order {{{{ steps['{before}'].output.id }}}} for {{{{ trigger.name }}}}"
            params = {"fields": [{"name": "text", "value": value}]}
            nodes.append(Node(id=f"s{i}", name=f"Step {i}", type="core.set_fields", params=params))
    edges = []
    for a, b in itertools.pairwise(nodes):
        port = "true" if a.type == "core.condition" else "main"
        edges.append(Edge(source=a.id, source_port=port, target=b.id))
    return Flow(name=f"{length} steps", nodes=nodes, edges=edges)


def main() -> None:
    registry = default_registry()
    print(f"Flowin validation benchmark — Python {sys.version.split()[0]}")
    for size in SIZES:
        flow = chain(size)
        best = float("inf")
        for _ in range(3):
            began = time.perf_counter()
            problems = validate_flow(flow, registry)
            best = min(best, time.perf_counter() - began)
        assert not problems, problems[:3]
        print(f"  {size:>6} steps: {best * 1000:8.1f} ms   ({best / size * 1e6:5.1f} µs a step)")


if __name__ == "__main__":
    main()
