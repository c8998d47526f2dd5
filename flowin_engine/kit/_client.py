"""One HTTP client for calling services' APIs, shared by every connector.

httpx's timeouts count per operation: a server sending one byte a second never trips a 3-second
read timeout. The shared client makes a request's timeout a deadline for all of it (redirects and
the whole body included) and stops reading an answer past a size limit, so a slow or endless
answer can't hold a step, or fill the memory, for longer than it was given.
"""

from __future__ import annotations

import re
from importlib import metadata
from typing import TYPE_CHECKING, Any

from ..errors import StepError

if TYPE_CHECKING:
    import httpx

MB = 1024 * 1024
# What a service step accepts unless it asks for another limit (``answer_limit``): well above
# what an API answer holds, low enough that one answer can't exhaust the memory.
DEFAULT_ANSWER_MB = 64
# The request extension the client's hooks read (shared by every hop of a redirect).
LIMIT_EXTENSION = "flowin_answer_limit"


class AnswerTooLarge(StepError):
    """An answer grew past what the step accepts; reading stopped there."""

    def __init__(self, host: str, limit_mb: float) -> None:
        self.host, self.limit_mb = host, limit_mb
        super().__init__(
            f"The answer from {host} is larger than the {limit_mb:g} MB this step accepts; "
            "ask the service for less at a time (a filter, a date range or a smaller page)."
        )


def answer_limit(megabytes: float) -> dict[str, Any]:
    """The ``extensions=`` of a request whose answer may hold at most this many MB."""
    return {LIMIT_EXTENSION: megabytes}


def user_agent() -> str:
    """ "Flowin/1.2.3" (some APIs, Meta's among them, ask for name/major.minor.patch)."""
    try:
        version = metadata.version("flowin")
    except metadata.PackageNotFoundError:
        version = "0.0.0"
    numbers = [*re.findall(r"\d+", version), "0", "0", "0"][:3]
    return "Flowin/" + ".".join(numbers)


def service_client() -> httpx.Client:
    """One pooled client shared by all steps. Its cookie jar accepts no domain: a cookie one
    account's answer sets is never sent with another account's request."""
    # httpx (~100 ms with what it imports) loads with a step's first request, not with the app.
    from ._transport import shared_client

    return shared_client()
