"""The builder's errors; ``str(error)`` is a sentence for the user."""

from __future__ import annotations

from ..errors import FlowinError


class BuilderError(FlowinError):
    """The AI builder could not propose a flow."""


class ModelUnavailable(BuilderError):
    """The AI model could not be reached or refused the call (server down, timeout, bad key)."""


class ModelAnswerInvalid(BuilderError):
    """The AI model answered, but not with a flow Flowin can use, even after one repair."""
