"""Tidy-up: a left-to-right layered layout that follows the connections from the trigger.

Each step goes one column right of the furthest step that feeds it, so every connection points
forward. Within a column a step sits level with the steps that feed it (branches fan out in the
order of their outputs), and steps that would overlap are pushed apart. Plain Python: the canvas
passes in the steps' sizes and turns the positions into one undoable move.
"""

from __future__ import annotations

from collections.abc import Callable
from statistics import fmean

from flowin_engine.graph import Graph
from flowin_engine.model import Flow

COLUMN_GAP = 90.0
ROW_GAP = 40.0


def tidy_positions(
    flow: Flow,
    is_trigger: Callable[[str], bool],
    size: Callable[[str], tuple[float, float]],
    port_order: Callable[[str, str], int] | None = None,
) -> dict[str, tuple[float, float]]:
    """New top-left positions for every step, by id.

    ``is_trigger(type)`` says which steps start a flow; ``size(node_id)`` is a step's width and
    height on the canvas; ``port_order(node_id, port)`` orders a step's outputs (top first).
    The first trigger keeps its place, so the flow doesn't jump away from where the user looks.
    """
    nodes = flow.nodes
    if not nodes:
        return {}
    order = {node.id: index for index, node in enumerate(nodes)}
    # A step connected to itself (only in a hand-edited file) is laid out as if it weren't.
    graph = Graph.of(
        flow.model_copy(update={"edges": [e for e in flow.edges if e.source != e.target]})
    )
    incoming = {
        node.id: [(e.source, e.source_port) for e in graph.incoming[node.id]] for node in nodes
    }
    # Column of each step: one past the furthest step feeding it. Steps in a loop of
    # connections (only in hand-edited files) go after the rest.
    columns = graph.depths()
    last = max(columns.values(), default=-1) + 1
    for node in nodes:
        columns.setdefault(node.id, last)
    by_column: dict[int, list[str]] = {}
    for node_id, column in columns.items():
        by_column.setdefault(column, []).append(node_id)

    width = max(size(node.id)[0] for node in nodes)
    ports = port_order or (lambda _node, _port: 0)
    x_of = {c: c * (width + COLUMN_GAP) for c in by_column}
    y: dict[str, float] = {}
    triggers = {node.id for node in nodes if is_trigger(node.type)}
    for column in sorted(by_column):
        wanted: dict[str, float] = {}
        unplaced: list[str] = []
        for node_id in by_column[column]:
            placed = [(s, p) for s, p in incoming[node_id] if s in y]
            if placed:
                # Level with what feeds it; a branch's outputs fan out top to bottom.
                wanted[node_id] = fmean(y[s] for s, _ in placed) + 0.01 * min(
                    ports(s, p) for s, p in placed
                )
            else:
                unplaced.append(node_id)
        ids = sorted(wanted, key=lambda n: (wanted[n], order[n]))
        heights = [size(n)[1] for n in ids]
        y.update(zip(ids, _spread([wanted[n] for n in ids], heights), strict=True))
        # Steps nothing feeds (triggers first) stack below the rest of their column.
        bottom = max((y[n] + size(n)[1] + ROW_GAP for n in ids), default=0.0)
        for node_id in sorted(unplaced, key=lambda n: (n not in triggers, order[n])):
            y[node_id] = bottom
            bottom += size(node_id)[1] + ROW_GAP

    anchor = next((n for n in nodes if n.id in triggers), nodes[0])
    dx = anchor.position.x - x_of[columns[anchor.id]]
    dy = anchor.position.y - y[anchor.id]
    return {
        node.id: (round(x_of[columns[node.id]] + dx, 1), round(y[node.id] + dy, 1))
        for node in nodes
    }


def _spread(wanted: list[float], heights: list[float]) -> list[float]:
    """Positions in this order, ``ROW_GAP`` apart at least, as close to ``wanted`` as can be.

    Least squares under the spacing constraints: with each position measured from the space the
    steps above it need, the constraints become "not decreasing", which pooling adjacent
    violators solves exactly. A fork's branches end up centred on the step they come from.
    """
    offsets, total = [], 0.0
    for height in heights:
        offsets.append(total)
        total += height + ROW_GAP
    blocks: list[list[float]] = []  # [sum of targets, count] of pooled positions
    for want, offset in zip(wanted, offsets, strict=True):
        blocks.append([want - offset, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            value, count = blocks.pop()
            blocks[-1][0] += value
            blocks[-1][1] += count
    placed: list[float] = []
    for value, count in blocks:
        placed.extend([value / count] * int(count))
    return [z + offset for z, offset in zip(placed, offsets, strict=True)]
