"""Readable flow construction for tests: nodes as (name, type, params), edges as "A -> B"."""

from __future__ import annotations

from typing import Any

from flowin_engine.model import Edge, Flow, Node, NodeSettings
from flowin_engine.registry import Registry, discover, load_connector


def make_flow(
    nodes: list[tuple[str, str, dict[str, Any]]],
    edges: list[str] = (),  # type: ignore[assignment]
    settings: dict[str, dict[str, Any]] | None = None,
    name: str = "Test flow",
) -> Flow:
    """``edges`` read "Source -> Target" or "Source:port -> Target"."""
    settings = settings or {}
    built = [
        Node(
            id=node_name.lower().replace(" ", "_"),
            name=node_name,
            type=node_type,
            params=params,
            settings=NodeSettings(**{"retry_backoff": 0.01, **settings.get(node_name, {})}),
        )
        for node_name, node_type, params in nodes
    ]
    ids = {n.name: n.id for n in built}
    links = []
    for text in edges:
        source, target = (part.strip() for part in text.split("->"))
        source_name, _, port = source.partition(":")
        links.append(Edge(source=ids[source_name], source_port=port or "main", target=ids[target]))
    return Flow(name=name, nodes=built, edges=links)


def registry_with_testkit() -> Registry:
    return Registry([*discover(), load_connector("tests.engine.testkit")])
