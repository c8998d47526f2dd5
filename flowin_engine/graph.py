"""The shape of a flow as a graph: who feeds whom, in which order, inside which loop.

Everything here takes time in proportion to the steps and connections, so a flow of thousands
of steps is checked and started at once: questions about many pairs of steps ("does this one
run before that one?") are answered in one pass in running order, with a set of steps per node
kept as the bits of an int.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Mapping
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

    def _kahn(self) -> tuple[list[str], dict[str, int]]:
        """Node ids in running order as far as it goes, and what is left feeding each node."""
        indegree = {n.id: len(self.incoming[n.id]) for n in self.flow.nodes}
        ready = deque(n for n, d in indegree.items() if d == 0)
        ordered: list[str] = []
        while ready:
            current = ready.popleft()
            ordered.append(current)
            for edge in self.outgoing[current]:
                indegree[edge.target] -= 1
                if indegree[edge.target] == 0:
                    ready.append(edge.target)
        return ordered, indegree

    def order(self) -> list[str] | None:
        """Node ids so that each comes after every step feeding it; None when there's a cycle."""
        ordered, indegree = self._kahn()
        return ordered if len(ordered) == len(indegree) else None

    def find_cycle(self) -> list[str] | None:
        """Node ids on one cycle, or None (Kahn's algorithm, then walk what is left)."""
        _, indegree = self._kahn()
        left = {n for n, d in indegree.items() if d > 0}
        if not left:
            return None
        # Every node left is fed by another node left, so walking back always finds one.
        start = next(n.id for n in self.flow.nodes if n.id in left)
        seen: dict[str, int] = {}
        current = start
        while current not in seen:
            seen[current] = len(seen)
            current = next(e.source for e in self.incoming[current] if e.source in left)
        backwards = list(seen)[seen[current] :]
        return backwards[:1] + backwards[:0:-1]

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

    def path(self, start: str, goal: str) -> list[str] | None:
        """The node ids on a shortest way from ``start`` to ``goal`` (both included); None
        when connections lead nowhere near."""
        came_from: dict[str, str | None] = {start: None}
        queue = deque([start])
        while queue:
            current = queue.popleft()
            if current == goal:
                way = [current]
                while (previous := came_from[way[-1]]) is not None:
                    way.append(previous)
                return way[::-1]
            for edge in self.outgoing[current]:
                if edge.target not in came_from:
                    came_from[edge.target] = current
                    queue.append(edge.target)
        return None

    def upstream_nearest_first(self, node_id: str) -> list[str]:
        """The nodes whose data can reach ``node_id``, the nearest first."""
        seen = {node_id}
        order: list[str] = []
        queue = deque(e.source for e in self.incoming[node_id])
        while queue:
            current = queue.popleft()
            if current in seen:
                continue
            seen.add(current)
            order.append(current)
            queue.extend(e.source for e in self.incoming[current])
        return order

    def depths(self) -> dict[str, int]:
        """For each node, the most connections on a way to it from a node nothing feeds. Nodes
        on or after a cycle are left out."""
        ordered, _ = self._kahn()
        depth = dict.fromkeys(ordered, 0)
        for node in ordered:
            for edge in self.outgoing[node]:
                if edge.target in depth:
                    depth[edge.target] = max(depth[edge.target], depth[node] + 1)
        return depth

    def not_before(
        self, asked: Mapping[str, set[str]], label: Callable[[str], str]
    ) -> dict[str, set[str]]:
        """For each node in ``asked``, the labels it asks about that no step before it has.

        ``label`` names a node the way the questions do (a step's name), so two steps sharing a
        name both count. One pass in running order; the flow must have no cycle.
        """
        ordered = self.order()
        if ordered is None:
            raise ValueError("the flow has a cycle")
        wanted = sorted({item for items in asked.values() for item in items})
        # Bit positions, not the bits themselves: thousands of wide ints would fill the memory.
        position = {item: index for index, item in enumerate(wanted)}
        feeds_left = {node: len(self.outgoing[node]) for node in ordered}
        before: dict[str, int] = {}
        answers: dict[str, set[str]] = {}
        for node in ordered:
            mask = 0
            for edge in self.incoming[node]:
                source = edge.source
                mask |= before[source]
                if (index := position.get(label(source))) is not None:
                    mask |= 1 << index
                feeds_left[source] -= 1
                if feeds_left[source] == 0:
                    del before[source]  # no one else reads it: keep memory to what is open
            if node in asked:
                answers[node] = {item for item in asked[node] if not mask >> position[item] & 1}
            if feeds_left[node]:
                before[node] = mask
        return answers

    def loop_bodies(self, loop_ids: list[str]) -> tuple[dict[str, int], dict[str, int], list[str]]:
        """Which loops each node runs inside of and which it runs after, as bits of
        ``loops`` (the third value): bit i is ``loops[i]``. The flow must have no cycle."""
        ordered = self.order()
        if ordered is None:
            raise ValueError("the flow has a cycle")
        loop_set = set(loop_ids)
        loops = [n for n in ordered if n in loop_set]
        bit = {loop: 1 << index for index, loop in enumerate(loops)}
        inside: dict[str, int] = {}
        after: dict[str, int] = {}
        for node in ordered:
            body_mask = done_mask = 0
            for edge in self.incoming[node]:
                source = edge.source
                body_mask |= inside[source]
                done_mask |= after[source]
                if source in bit:
                    if edge.source_port == LOOP_BODY_PORT:
                        body_mask |= bit[source]
                    elif edge.source_port == LOOP_DONE_PORT:
                        done_mask |= bit[source]
            inside[node], after[node] = body_mask, done_mask
        return inside, after, loops

    def loop_scopes(self, loop_ids: list[str]) -> dict[str, str | None]:
        """The innermost loop each node runs inside of (None: the top level)."""
        if self.order() is None:
            return self._loop_scopes_slowly(loop_ids)
        inside, _, loops = self.loop_bodies(loop_ids)
        # Loops are numbered in running order, and a loop nested in another comes after it
        # (inside its body), so the innermost loop around a node has the highest bit.
        return {
            node.id: loops[inside[node.id].bit_length() - 1] if inside[node.id] else None
            for node in self.flow.nodes
        }

    def _loop_scopes_slowly(self, loop_ids: list[str]) -> dict[str, str | None]:
        """loop_scopes for a flow with a cycle, which can't run anyway (pinning may ask)."""
        bodies = {loop: self.downstream(loop, {LOOP_BODY_PORT}) for loop in loop_ids}
        scope: dict[str, str | None] = {}
        for node in self.flow.nodes:
            containing = [loop for loop, body in bodies.items() if node.id in body]
            # The innermost loop is the one whose body is smallest.
            scope[node.id] = min(containing, key=lambda loop: len(bodies[loop]), default=None)
        return scope
