"""The shape of a flow as a graph: who feeds whom, in which order, inside which loop."""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field

from .model import Edge, Flow

LOOP_BODY_PORT = "item"
LOOP_DONE_PORT = "done"


@dataclass
class Graph:
    flow: Flow
    outgoing: dict[str, list[Edge]] = field(default_factory=lambda: defaultdict(list))
    incoming: dict[str, list[Edge]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, flow: Flow) -> Graph:
        graph = cls(flow)
        ids = {n.id for n in flow.nodes}
        for edge in flow.edges:
            if edge.source in ids and edge.target in ids:
                graph.outgoing[edge.source].append(edge)
                graph.incoming[edge.target].append(edge)
        return graph

    def find_cycle(self) -> list[str] | None:
        """Node ids on one cycle, or None (Kahn's algorithm, then walk what is left)."""
        indegree = {n.id: len(self.incoming[n.id]) for n in self.flow.nodes}
        ready = deque(n for n, d in indegree.items() if d == 0)
        while ready:
            current = ready.popleft()
            for edge in self.outgoing[current]:
                indegree[edge.target] -= 1
                if indegree[edge.target] == 0:
                    ready.append(edge.target)
        left = {n for n, d in indegree.items() if d > 0}
        if not left:
            return None
        start = next(iter(left))
        seen: list[str] = []
        current = start
        while current not in seen:
            seen.append(current)
            current = next(e.target for e in self.outgoing[current] if e.target in left)
        return seen[seen.index(current) :]

    def downstream(self, node_id: str, ports: set[str] | None = None) -> set[str]:
        """Every node reachable from ``node_id`` (through ``ports`` on the first hop only)."""
        first = [
            e.target for e in self.outgoing[node_id] if ports is None or e.source_port in ports
        ]
        seen: set[str] = set()
        stack = list(first)
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            stack.extend(e.target for e in self.outgoing[current])
        return seen

    def upstream(self, node_id: str) -> set[str]:
        seen: set[str] = set()
        stack = [e.source for e in self.incoming[node_id]]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            stack.extend(e.source for e in self.incoming[current])
        return seen

    def loop_scopes(self, loop_ids: list[str]) -> dict[str, str | None]:
        """The innermost loop each node runs inside of (None: the top level)."""
        bodies = {loop: self.downstream(loop, {LOOP_BODY_PORT}) for loop in loop_ids}
        scope: dict[str, str | None] = {}
        for node in self.flow.nodes:
            containing = [loop for loop, body in bodies.items() if node.id in body]
            # The innermost loop is the one whose body is smallest.
            scope[node.id] = min(containing, key=lambda loop: len(bodies[loop]), default=None)
        return scope
