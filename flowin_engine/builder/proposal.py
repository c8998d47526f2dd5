"""What the builder hands back: a flow to put on the canvas, and what it made of the sentence."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import Flow


class Explanation(BaseModel):
    """One step of the proposed flow and why it is there, in the sentence's language."""

    model_config = ConfigDict(extra="forbid")
    node: str = Field(description="The step's name in the flow.")
    type: str
    why: str


class Missing(BaseModel):
    """A value the user still has to give before the flow can run ("pick the Google Sheet")."""

    model_config = ConfigDict(extra="forbid")
    node: str
    field: str
    message: str


class Proposal(BaseModel):
    """A proposed flow, or a question, or a refusal; never applied without the user's say."""

    model_config = ConfigDict(extra="forbid")
    flow: Flow | None = None
    explanation: list[Explanation] = Field(default_factory=list)
    not_understood: list[str] = Field(
        default_factory=list, description="Parts of the sentence that did not become a step."
    )
    unsupported: list[str] = Field(
        default_factory=list,
        description="Services the sentence names that Flowin can't do yet (Instagram, Discord…).",
    )
    missing: list[Missing] = Field(
        default_factory=list, description="Required values the sentence did not give."
    )
    question: str | None = Field(None, description="A clarifying question for the user.")
    refused: str | None = Field(None, description="Why the request will not be built.")
    notice: str | None = Field(
        None, description="Something to tell the user, e.g. that the AI model was unreachable."
    )
    source: Literal["offline", "model"] = "offline"
    language: Literal["en", "ar"] = "en"
    review: bool = Field(False, description="True for every generated flow: a person checks it.")
