"""One-time secrets sent to an owner: password-reset and e-mail tokens, phone codes.

Only a keyed hash is stored. A secret works once, until it expires, and a short code stops
working after a few wrong tries. Issuing a new one of the same purpose voids the older ones.
"""

from __future__ import annotations

import hmac
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .db import set_once
from .deps import Cloud
from .models import OneTimeCode
from .security import new_code, new_token

RESET_PASSWORD = "reset-password"
VERIFY_EMAIL = "verify-email"
VERIFY_PHONE = "verify-phone"

LIFETIMES = {
    RESET_PASSWORD: timedelta(hours=1),
    VERIFY_EMAIL: timedelta(hours=24),
    VERIFY_PHONE: timedelta(minutes=10),
}
# Phone codes are short: after this many wrong tries the code is void and a new one is needed.
MAX_ATTEMPTS = 5


def issue(session: Session, cloud: Cloud, user_id: str, purpose: str, target: str) -> str:
    """A new secret for ``purpose`` sent to ``target`` (a token, or a 6-digit code for phones)."""
    now = datetime.now(UTC)
    session.execute(
        update(OneTimeCode)
        .where(
            OneTimeCode.user_id == user_id,
            OneTimeCode.purpose == purpose,
            OneTimeCode.used_at.is_(None),
        )
        .values(used_at=now)
    )
    secret = new_code() if purpose == VERIFY_PHONE else new_token()
    session.add(
        OneTimeCode(
            id=str(uuid.uuid4()),
            user_id=user_id,
            purpose=purpose,
            target=target,
            secret_hash=cloud.tokens.code_digest(secret),
            created_at=now,
            expires_at=now + LIFETIMES[purpose],
        )
    )
    return secret


def find(session: Session, cloud: Cloud, purpose: str, secret: str) -> OneTimeCode | None:
    """The live code for ``secret`` (a token), without using it up."""
    row = session.scalar(
        select(OneTimeCode).where(
            OneTimeCode.purpose == purpose,
            OneTimeCode.secret_hash == cloud.tokens.code_digest(secret),
        )
    )
    return row if row is not None and _live(row) else None


def redeem(session: Session, cloud: Cloud, purpose: str, secret: str) -> OneTimeCode | None:
    """Uses up the live token ``secret``; None when it is wrong, used or expired."""
    row = find(session, cloud, purpose, secret)
    if row is None or not _claim(session, row):
        return None
    return row


def redeem_code(
    session: Session, cloud: Cloud, purpose: str, code: str, *, target: str, user_id: str | None
) -> OneTimeCode | None:
    """Uses up the newest live short code sent to ``target`` when ``code`` matches it.

    Every try counts against each live code, reserved in one UPDATE before the code is compared
    (a count read and written back loses parallel tries), so a code cannot be guessed in a
    million tries however the requests are sent.
    """
    query = select(OneTimeCode).where(
        OneTimeCode.purpose == purpose,
        OneTimeCode.target == target,
        OneTimeCode.used_at.is_(None),
    )
    if user_id is not None:
        query = query.where(OneTimeCode.user_id == user_id)
    rows = [
        row for row in session.scalars(query.order_by(OneTimeCode.created_at.desc())) if _live(row)
    ]
    tried = [row for row in rows if _reserve_try(session, row.id)]
    session.commit()  # the tries count even if this request goes no further
    for row in tried:
        if hmac.compare_digest(row.secret_hash, cloud.tokens.code_digest(code.strip())):
            return row if _claim(session, row) else None
    return None


def _reserve_try(session: Session, code_id: str) -> bool:
    reserved = session.execute(
        update(OneTimeCode)
        .where(
            OneTimeCode.id == code_id,
            OneTimeCode.used_at.is_(None),
            OneTimeCode.attempts < MAX_ATTEMPTS,
        )
        .values(attempts=OneTimeCode.attempts + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    return bool(reserved == 1)


def _live(row: OneTimeCode) -> bool:
    return (
        row.used_at is None and row.expires_at > datetime.now(UTC) and row.attempts < MAX_ATTEMPTS
    )


def _claim(session: Session, row: OneTimeCode) -> bool:
    return set_once(session, OneTimeCode.used_at, row.id, datetime.now(UTC))
