"""What the tests of the offline builder ask of a sentence's flow, said once."""

from __future__ import annotations

from flowin_engine.builder import build


def types(sentence: str) -> list[str]:
    """The node types of the flow built from ``sentence``, in order; a flow must come of it."""
    proposal = build(sentence)
    assert proposal.flow is not None, (
        proposal.question,
        proposal.refused,
        proposal.not_understood,
    )
    return [node.type for node in proposal.flow.nodes]


def node_params(sentence: str, node_type: str) -> dict:
    """The params of the step of ``node_type`` built from ``sentence``."""
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    nodes = [n for n in proposal.flow.nodes if n.type == node_type]
    assert nodes, [n.type for n in proposal.flow.nodes]
    return nodes[0].params


def condition_rule(sentence: str) -> dict:
    """The one rule of the one condition step of the flow built from ``sentence``."""
    proposal = build(sentence)
    assert proposal.flow is not None, (proposal.question, proposal.not_understood)
    (condition,) = [n for n in proposal.flow.nodes if n.type == "core.condition"]
    (rule,) = condition.params["conditions"]
    return rule
