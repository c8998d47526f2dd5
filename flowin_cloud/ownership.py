"""What proving an address, or recovering an account, does to what was set up in it.

Anybody may register an address they do not own. Until the address is proven the account gets
no API keys, phone, second factor or runs (``deps.require_verified_email``); accounts from
before that rule may have them. When the owner proves the address (a password reset through the
e-mailed link, or Google/GitHub vouching for it), whatever the unproven registrant set up ends.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from . import signins
from .db import set_once
from .models import ApiKey, BackupCode, Execution, LoginChallenge, User

CANCELLED_RUN = (
    "Cancelled: this run was queued before the account's e-mail address was proven, so it may "
    "not be the owner's."
)


def mark_email_verified(session: Session, user: User) -> bool:
    """Marks the account's address verified; True only for the one request that did, so two
    verifications at the same moment cannot both welcome the account."""
    if user.email_verified_at is not None:
        return False
    return set_once(session, User.email_verified_at, user.id, datetime.now(UTC))


def end_access(session: Session, user_id: str) -> None:
    """Ends every way in that does not need the new password: sign-ins on every computer,
    sign-ins waiting for their second factor, and API keys (deleted: a key switched off could be
    switched on again by whoever made it, were they to sign in)."""
    signins.revoke_all(session, user_id)
    session.execute(
        update(LoginChallenge)
        .where(LoginChallenge.user_id == user_id, LoginChallenge.used_at.is_(None))
        .values(used_at=datetime.now(UTC))
    )
    session.execute(delete(ApiKey).where(ApiKey.user_id == user_id))


def secure_unproven_account(session: Session, user: User) -> None:
    """Now that the address's owner has shown up, what an unproven registrant set stops working:
    the password, second factor and backup codes, phone, API keys, sign-ins, and runs still
    queued. The flows stay: they may be the owner's own, synced before verifying."""
    user.password_hash = None
    user.two_factor_method = None
    user.totp_secret = None
    user.totp_last_step = None
    user.phone = None
    user.phone_verified_at = None
    session.execute(delete(BackupCode).where(BackupCode.user_id == user.id))
    end_access(session, user.id)
    now = datetime.now(UTC)
    session.execute(
        update(Execution)
        .where(Execution.owner_id == user.id, Execution.status == "queued")
        .values(status="error", error=CANCELLED_RUN, finished_at=now)
    )


def address_proven(session: Session, user: User) -> bool:
    """The owner of the account's address proved it (a link sent there, or a provider vouching
    for it): an account not verified until now loses what its registrant set and becomes
    verified. True when it became verified just now."""
    if user.email_verified_at is not None:
        return False
    secure_unproven_account(session, user)
    return mark_email_verified(session, user)
