"""The flow canvas: scene items that mirror the flow model, and the view that shows them."""

from .scene import FlowScene
from .view import FlowView

__all__ = ["FlowScene", "FlowView"]
