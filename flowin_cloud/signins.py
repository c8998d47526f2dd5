"""Sign-ins: a family of refresh tokens, each used once and replaced on refresh.

Presenting a refresh token that was already used means it was copied: the whole sign-in
(every token of the family) is revoked, and its owner has to sign in again. However often it
is refreshed, a sign-in ends Settings.sign_in_days after it began.

A sign-in's id is its family id (the access token's ``sid``); its live token (neither used
nor revoked) carries what the account's list of sign-ins shows.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fastapi import Request
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .db import set_once
from .deps import Cloud, client_ip
from .models import RefreshToken, User
from .schemas import TokenPair
from .security import digest, new_token

# The longest User-Agent kept; the column holds 300 characters.
_USER_AGENT_LENGTH = 300


@dataclass(frozen=True)
class Device:
    """Who asks, as far as the request tells: the app's User-Agent and the client address."""

    user_agent: str | None
    ip_address: str | None

    @classmethod
    def of(cls, request: Request | None) -> Device:
        if request is None:
            return cls(None, None)
        agent = request.headers.get("user-agent", "").strip()
        address = client_ip(request)
        return cls(agent[:_USER_AGENT_LENGTH] or None, address if address != "unknown" else None)


def start(session: Session, cloud: Cloud, user: User, request: Request | None = None) -> TokenPair:
    """Signs ``user`` in: a new family, the first refresh token and an access token."""
    now = datetime.now(UTC)
    user.last_login = now
    return _issue(
        session,
        cloud,
        user.id,
        str(uuid.uuid4()),
        now=now,
        signed_in_at=now,
        device=Device.of(request),
    )


def refresh(
    session: Session, cloud: Cloud, refresh_token: str, request: Request | None = None
) -> TokenPair | None:
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
    if row.signed_in_at + timedelta(days=cloud.settings.sign_in_days) <= now:
        revoke_family(session, row.family_id)
        return None
    device = Device.of(request)
    return _issue(
        session,
        cloud,
        row.user_id,
        row.family_id,
        now=now,
        signed_in_at=row.signed_in_at,
        device=Device(device.user_agent or row.user_agent, device.ip_address or row.ip_address),
    )


def live(session: Session, cloud: Cloud, user_id: str) -> list[RefreshToken]:
    """The account's sign-ins that still work: the live token of each, newest use first."""
    now = datetime.now(UTC)
    rows = session.scalars(
        select(RefreshToken)
        .where(
            RefreshToken.user_id == user_id,
            RefreshToken.used_at.is_(None),
            RefreshToken.revoked_at.is_(None),
            RefreshToken.expires_at > now,
            RefreshToken.signed_in_at > now - timedelta(days=cloud.settings.sign_in_days),
        )
        .order_by(RefreshToken.created_at.desc())
    )
    return list(rows)


def is_live(session: Session, cloud: Cloud, user_id: str, family_id: str) -> bool:
    return any(row.family_id == family_id for row in live(session, cloud, user_id))


def revoke_others(session: Session, user_id: str, keep_family_id: str) -> None:
    """Signs the account out everywhere but the sign-in ``keep_family_id``."""
    session.execute(
        update(RefreshToken)
        .where(
            RefreshToken.user_id == user_id,
            RefreshToken.family_id != keep_family_id,
            RefreshToken.revoked_at.is_(None),
        )
        .values(revoked_at=datetime.now(UTC))
    )


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


def _issue(
    session: Session,
    cloud: Cloud,
    user_id: str,
    family_id: str,
    *,
    now: datetime,
    signed_in_at: datetime,
    device: Device,
) -> TokenPair:
    token = new_token()
    session.add(
        RefreshToken(
            id=str(uuid.uuid4()),
            user_id=user_id,
            family_id=family_id,
            token_hash=digest(token),
            created_at=now,
            expires_at=min(
                now + timedelta(days=cloud.settings.refresh_token_days),
                signed_in_at + timedelta(days=cloud.settings.sign_in_days),
            ),
            signed_in_at=signed_in_at,
            user_agent=device.user_agent,
            ip_address=device.ip_address,
        )
    )
    return TokenPair(
        access_token=cloud.tokens.issue(user_id, family_id),
        refresh_token=token,
        expires_in=int(cloud.tokens.lifetime.total_seconds()),
    )
