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
