"""What can go wrong talking to the cloud account; each message says what to do about it."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..errors import FlowinError

if TYPE_CHECKING:
    from .client import CloudFlow


class SyncError(FlowinError):
    """A request to the cloud account that did not go through."""


class Offline(SyncError):
    """The server could not be reached (no network, server down, timeout)."""

    def __init__(self, server: str) -> None:
        super().__init__(
            f"Flowin can't reach {server}; check your internet connection. Your flows stay on "
            "this computer and sync when the connection is back."
        )


class InsecureAddress(SyncError):
    """A cloud address that is not https:// (plain http:// is only for this computer)."""

    def __init__(self, server: str) -> None:
        self.server = server
        super().__init__(
            f"Flowin talks to a cloud only over a secure connection, and {server} isn't one. "
            "Type the cloud's address starting with https:// (plain http:// works only for a "
            "cloud on this computer: 127.0.0.1 or localhost)."
        )


class SignedOut(SyncError):
    """No sign-in on this computer, or it has expired or been revoked."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "You're signed out of your Flowin cloud account; sign in again to sync your flows."
        )


class SignInRefused(SyncError):
    """The server refused an e-mail and password or a 2FA code; its sentence says why."""


class RateLimited(SyncError):
    """Too many requests; ``retry_after`` is the wait the server asked for, in seconds."""

    def __init__(self, retry_after: float | None) -> None:
        self.retry_after = retry_after
        if retry_after is None:
            wait = "in a minute"
        elif retry_after > 90:  # e.g. a second step paused after wrong codes, up to an hour
            wait = f"in {math.ceil(retry_after / 60)} minutes"
        else:
            wait = f"in {retry_after:.0f} seconds"
        super().__init__(f"The Flowin cloud asks to slow down; try again {wait}.")


class ServerError(SyncError):
    """The server failed (5xx) or answered something this Flowin does not understand."""

    def __init__(self, server: str, status: int) -> None:
        self.status = status
        super().__init__(
            f"The Flowin cloud at {server} had a problem (HTTP {status}); your flows stay on "
            "this computer. Try again later."
        )


class RequestRejected(SyncError):
    """The server refused one request (a 4xx other than the above); its sentence says why."""

    def __init__(self, message: str, status: int) -> None:
        self.status = status
        super().__init__(message)


class NotOnServer(RequestRejected):
    """404: the flow is not (or no longer) in the cloud account."""


class RevisionConflict(RequestRejected):
    """409: the flow changed in the cloud since the revision this computer last saw."""

    def __init__(self, message: str, current: CloudFlow | None) -> None:
        super().__init__(message, 409)
        self.current = current


class EmailNotVerified(RequestRejected):
    """403: only an account whose e-mail address is verified may make API keys, add a phone,
    turn on two-step sign-in or queue runs; the server's sentence says how to verify."""

    # How the cloud's sentence for it begins.
    SENTENCE_START = "Verify your e-mail address first"

    def __init__(self, message: str) -> None:
        super().__init__(message, 403)


class WrongPassword(RequestRejected):
    """403: a change that asks for the account's password again got a wrong one (or the
    account, made by Google or GitHub sign-in, has none yet)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, 403)


class BadPhoneNumber(RequestRejected):
    """422: not a phone number in international format (+ country code, then digits)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, 422)


class WrongCode(RequestRejected):
    """400: the code sent to the phone is wrong or has expired."""

    def __init__(self, message: str) -> None:
        super().__init__(message, 400)


class TooManyApiKeys(RequestRejected):
    """409: the account already has as many API keys as it may; the server's sentence says how
    many."""

    def __init__(self, message: str) -> None:
        super().__init__(message, 409)
