"""Authenticator apps (TOTP, RFC 6238): 6-digit codes that change every 30 seconds.

A code is accepted for its own 30 seconds and one step either side (a phone's clock a little
off). Each step works once per account, and none older than the last one used: a code seen
over someone's shoulder, or sent by two sign-ins at once, finishes one sign-in only.
"""

from __future__ import annotations

import hmac
from datetime import UTC, datetime

import pyotp
from sqlalchemy import or_, update
from sqlalchemy.orm import Session

from .models import User

ISSUER = "Flowin"
# Steps either side of now that are still accepted (pyotp's valid_window).
VALID_WINDOW = 1


def new_secret() -> str:
    """A random base32 secret of 160 bits, the length RFC 4226 recommends."""
    return pyotp.random_base32(32)


def setup_uri(secret: str, email: str) -> str:
    """The otpauth:// address an authenticator app reads from a QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def matching_step(secret: str, code: str) -> int | None:
    """The time step whose code ``code`` is, within the window around now; None otherwise."""
    candidate = code.strip().replace(" ", "")
    if len(candidate) != 6 or not candidate.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    now = totp.timecode(datetime.now(UTC))
    for step in range(now - VALID_WINDOW, now + VALID_WINDOW + 1):
        if hmac.compare_digest(totp.generate_otp(step), candidate):
            return step
    return None


def spend_step(session: Session, user_id: str, step: int) -> bool:
    """Records ``step`` as used by ``user_id`` unless it, or a later one, already was; one
    UPDATE, so of two requests with the same code only one succeeds."""
    changed = session.execute(
        update(User)
        .where(
            User.id == user_id,
            or_(User.totp_last_step.is_(None), User.totp_last_step < step),
        )
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    ).rowcount
    return bool(changed == 1)
