"""Sign-ins: a family of refresh tokens, each used once and replaced on refresh.

Presenting a refresh token that was already used means it was copied: the whole sign-in
(every token of the family) is revoked, and its owner has to sign in again.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .db import set_once
from .deps import Cloud
from .models import RefreshToken, User
from .schemas import TokenPair
from .security import digest, new_token


def start(session: Session, cloud: Cloud, user: User) -> TokenPair:
    """Signs ``user`` in: a new family, the first refresh token and an access token."""
    user.last_login = datetime.now(UTC)
    return _issue(session, cloud, user.id, family_id=str(uuid.uuid4()))


def refresh(session: Session, cloud: Cloud, refresh_token: str) -> TokenPair | None:
    """A new pair for a valid refresh token; None (after revoking on reuse) otherwise."""
    row = session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == digest(refresh_token))
    )
    now = datetime.now(UTC)
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        return None
    if not set_once(session, RefreshToken.used_at, row.id, now):
        revoke_family(session, row.family_id)
        return None
    return _issue(session, cloud, row.user_id, family_id=row.family_id)


def revoke_family(session: Session, family_id: str) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )


def revoke_all(session: Session, user_id: str) -> None:
    """Signs the account out everywhere (after a password reset)."""
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )


def family_of(session: Session, user_id: str, refresh_token: str) -> str | None:
    row = session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == digest(refresh_token))
    )
    return row.family_id if row is not None and row.user_id == user_id else None


def _issue(session: Session, cloud: Cloud, user_id: str, family_id: str) -> TokenPair:
    token = new_token()
    now = datetime.now(UTC)
    session.add(
        RefreshToken(
            id=str(uuid.uuid4()),
            user_id=user_id,
            family_id=family_id,
            token_hash=digest(token),
            created_at=now,
            expires_at=now + timedelta(days=cloud.settings.refresh_token_days),
        )
    )
    return TokenPair(
        access_token=cloud.tokens.issue(user_id, family_id),
        refresh_token=token,
        expires_in=int(cloud.tokens.lifetime.total_seconds()),
    )
