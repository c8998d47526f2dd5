"""What every route shares (settings, database, tokens, outbox, limits) and who is asking."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from .config import Settings
from .languages import preferred
from .models import ApiKey, RefreshToken, User
from .outbox import Outbox
from .ratelimit import RateLimits
from .relay_hub import Hub
from .security import (
    API_KEY_PREFIX,
    AccessClaims,
    AccessTokens,
    PasswordChecker,
    SecretBox,
    digest,
)


@dataclass
class Cloud:
    settings: Settings
    sessions: sessionmaker[Session]
    tokens: AccessTokens
    passwords: PasswordChecker
    outbox: Outbox
    limits: RateLimits
    # Encrypts authenticator-app secrets and the relay's tokens in the database.
    box: SecretBox
    # Wakes the relay's waiters in this process.
    hub: Hub = field(default_factory=Hub)
    # What cloud runs need (flowin_cloud.runner), made on first use: Celery is loaded only by a
    # server that has cloud-run flows.
    _celery: Any = field(default=None, repr=False)
    _master_key: Any = field(default=None, repr=False)

    def celery(self) -> Any:
        """The Celery app cloud runs are sent to workers through."""
        if self._celery is None:
            from .runner import make_celery

            self._celery = make_celery(self.settings)
        return self._celery

    def master_key(self) -> Any:
        """The key that wraps uploaded connected accounts' data keys (runner.vault)."""
        if self._master_key is None:
            from .runner.keys import master_key

            self._master_key = master_key(self.settings)
        return self._master_key


def get_cloud(request: Request) -> Cloud:
    return request.app.state.cloud


def get_session(cloud: Annotated[Cloud, Depends(get_cloud)]) -> Iterator[Session]:
    with cloud.sessions() as session:
        yield session


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


CloudDep = Annotated[Cloud, Depends(get_cloud)]
SessionDep = Annotated[Session, Depends(get_session)]

_bearer = HTTPBearer(
    auto_error=False,
    description="An access token from /auth/login, or an API key (flw_...).",
)

_NOT_SIGNED_IN = "Please sign in: the access token or API key is missing, wrong or expired."


def _unauthorized(detail: str = _NOT_SIGNED_IN) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail=detail, headers={"WWW-Authenticate": "Bearer"}
    )


@dataclass(frozen=True)
class Caller:
    user: User
    # The sign-in behind an access token; None when the caller used an API key.
    claims: AccessClaims | None


def _caller(
    cloud: CloudDep,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _unauthorized()
    return caller_for_token(cloud, session, credentials.credentials)


def caller_for_token(cloud: Cloud, session: Session, token: str) -> Caller:
    """Who an access token or API key belongs to; 401 when it is wrong, expired or revoked."""
    if token.startswith(API_KEY_PREFIX):
        return Caller(user=_api_key_owner(session, token), claims=None)
    claims = cloud.tokens.read(token)
    user = session.get(User, claims.user_id) if claims else None
    if user is None or claims is None or _signed_out(session, claims):
        raise _unauthorized()
    return Caller(user=user, claims=claims)


def access_ended(session: Session, caller: Caller, token: str) -> bool:
    """Whether the way in behind a long-lived connection ended since it was opened: the account
    deleted, the sign-in ended, or the API key deleted, switched off or expired. (An access
    token's own expiry does not end a connection made with it.)"""
    if session.get(User, caller.user.id) is None:
        return True
    if caller.claims is not None:
        return _signed_out(session, caller.claims)
    row = session.scalar(select(ApiKey).where(ApiKey.key_hash == digest(token)))
    return (
        row is None
        or not row.is_active
        or (row.expires_at is not None and row.expires_at <= datetime.now(UTC))
    )


def _signed_out(session: Session, claims: AccessClaims) -> bool:
    """Whether the sign-in behind an access token ended (sign-out, reset, a copied token).

    Checked on every request so that signing out ends access at once rather than when the
    access token expires.
    """
    revoked = session.scalar(
        select(RefreshToken.id)
        .where(RefreshToken.family_id == claims.sign_in_id, RefreshToken.revoked_at.is_not(None))
        .limit(1)
    )
    return revoked is not None


def _api_key_owner(session: Session, key: str) -> User:
    row = session.scalar(select(ApiKey).where(ApiKey.key_hash == digest(key)))
    now = datetime.now(UTC)
    if row is None or not row.is_active or (row.expires_at and row.expires_at <= now):
        raise _unauthorized()
    row.last_used_at = now
    session.commit()
    user = session.get(User, row.user_id)
    if user is None:
        raise _unauthorized()
    return user


def remember_language(user: User, request: Request) -> None:
    """An account's e-mails and SMS follow the language of the app that last signed in to it
    (its Accept-Language); a request naming no language we speak changes nothing."""
    chosen = preferred(request.headers.get("accept-language"))
    if chosen is not None:
        user.language = chosen


def _signed_in(caller: Annotated[Caller, Depends(_caller)]) -> Caller:
    if caller.claims is None:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            detail="This needs a signed-in account (e-mail and password); an API key cannot do it.",
        )
    return caller


# Routes for API users (access token or API key) and routes for the account owner signed in.
ApiCaller = Annotated[Caller, Depends(_caller)]
SignedIn = Annotated[Caller, Depends(_signed_in)]


UNVERIFIED = (
    "Verify your e-mail address first: open the link we sent to {email}, or ask for a new one "
    "in your account settings. Until then an account can sync its flows but cannot make API "
    "keys, add a phone, turn on two-step sign-in or queue runs."
)


def require_verified_email(user: User) -> None:
    """Refuses (403) what an unproven registrant must not set up: anybody may register an
    address they do not own, and whatever they set up would stay when its owner recovers it."""
    if user.email_verified_at is None:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail=UNVERIFIED.format(email=user.email))
