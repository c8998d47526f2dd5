"""How many second-factor codes an account may try: five, then a pause that grows each time.

The count is per account, across every sign-in challenge, because each password sign-in opens
a new challenge: counting per challenge would let someone who knows the password try codes
for ever. A try is reserved *before* the code is checked, in one UPDATE, so parallel requests
cannot check more codes than allowed (a counter read and written back would lose updates).
The counts live in the database rather than in the rate limits' store: they must hold across
restarts and across server processes even when that store is this process's memory, and a
pause that grows is not a moving window.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import case, literal, or_, select, update
from sqlalchemy.orm import Session

from .models import User, UTCDateTime

TRIES_BEFORE_PAUSE = 5
# The first pause, the second, the third, then every one after.
PAUSES = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1))


@dataclass(frozen=True)
class Try:
    """A reserved try. When it is the last before a pause, the pause has already begun (so a
    request that dies now leaves the account paused, not open): a right code lifts it."""

    pause: timedelta | None


def reserve(session: Session, user_id: str) -> Try | None:
    """Reserves one try for ``user_id``, committed at once; None while the account is paused."""
    now = datetime.now(UTC)
    tries, pauses = User.second_factor_tries, User.second_factor_pauses
    pausing = tries + 1 >= TRIES_BEFORE_PAUSE
    pause_ends = case(
        *((pauses == number, _moment(now + pause)) for number, pause in enumerate(PAUSES[:-1])),
        else_=_moment(now + PAUSES[-1]),
    )
    reserved = session.execute(
        update(User)
        .where(
            User.id == user_id,
            or_(User.second_factor_locked_until.is_(None), User.second_factor_locked_until <= now),
        )
        .values(
            second_factor_tries=case((pausing, 0), else_=tries + 1),
            second_factor_pauses=case((pausing, pauses + 1), else_=pauses),
            second_factor_locked_until=case(
                (pausing, pause_ends), else_=User.second_factor_locked_until
            ),
        )
        .returning(User.second_factor_tries, User.second_factor_locked_until)
        .execution_options(synchronize_session=False)
    ).one_or_none()
    # Committed now: the row stays locked for no longer than this statement.
    session.commit()
    if reserved is None:
        return None
    tries_left, locked_until = reserved
    if tries_left == 0 and locked_until is not None:
        return Try(pause=_normalized(locked_until) - now)
    return Try(pause=None)


def clear(session: Session, user_id: str) -> None:
    """A sign-in got through: the count and the pauses start afresh."""
    session.execute(
        update(User)
        .where(User.id == user_id)
        .values(second_factor_tries=0, second_factor_pauses=0, second_factor_locked_until=None)
        .execution_options(synchronize_session=False)
    )


def wait_seconds(session: Session, user_id: str) -> int:
    """Seconds until the account's pause ends (at least 1)."""
    locked_until = session.scalar(select(User.second_factor_locked_until).where(User.id == user_id))
    if locked_until is None:
        return 1
    return max(1, math.ceil((_normalized(locked_until) - datetime.now(UTC)).total_seconds()))


def in_words(seconds: float) -> str:
    """ "1 minute", "15 minutes", "1 hour": how long a pause lasts, for a sentence."""
    minutes = max(1, math.ceil(seconds / 60))
    if minutes % 60 == 0:
        hours = minutes // 60
        return "1 hour" if hours == 1 else f"{hours} hours"
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def _moment(value: datetime):  # type: ignore[no-untyped-def]
    # Typed as the column is, so SQLite stores it in the same form as other times.
    return literal(value, UTCDateTime())


def _normalized(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
