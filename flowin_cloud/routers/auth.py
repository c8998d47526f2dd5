"""Registering, signing in and out, the profile, password reset and deleting the account."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query, Request, Response, status
from fastapi import HTTPException as Refusal
from pydantic import BaseModel, EmailStr, Field
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from .. import codes, mails, ownership, signins
from ..deps import (
    ApiCaller,
    Cloud,
    CloudDep,
    SessionDep,
    SignedIn,
    client_ip,
    remember_language,
)
from ..languages import language
from ..models import (
    OWNED_BY_ACCOUNT,
    CloudFlow,
    Execution,
    User,
)
from ..schemas import Notice, Storable, TokenPair, errors
from ..security import password_problem
from . import two_factor

router = APIRouter(prefix="/auth", tags=["auth"])

# The web page for reset links checks its form against the same bounds.
PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 128
Password = Field(min_length=PASSWORD_MIN_LENGTH, max_length=PASSWORD_MAX_LENGTH)
WRONG_LOGIN = "E-mail or password is wrong."
# How long a client address that signed in to an account keeps its own budget of guesses.
LOGIN_KNOWN_PLACE_DAYS = 30


class Registration(BaseModel):
    email: EmailStr
    password: str = Password
    name: Annotated[str, Field(max_length=200), Storable] | None = None


class Credentials(BaseModel):
    email: EmailStr
    password: str = Field(max_length=128)


class RefreshRequest(BaseModel):
    refresh_token: str = Field(max_length=200)


class LogoutRequest(BaseModel):
    refresh_token: str | None = Field(default=None, max_length=200)


class Statistics(BaseModel):
    flows_count: int
    executions_count: int


class Profile(BaseModel):
    id: str
    email: str
    name: str | None
    # The profile picture's address (https), from Google or GitHub sign-in.
    image: str | None
    plan: str
    created_at: datetime
    last_login: datetime | None
    email_verified: bool
    phone: str | None
    phone_verified: bool
    two_factor_enabled: bool
    # False for an account made by Google/GitHub sign-in until a password is set by a reset:
    # turning on two-factor sign-in and deleting the account ask for the password.
    has_password: bool
    # What its e-mails and SMS are written in ("en" or "ar").
    language: str
    statistics: Statistics


class ForgotPassword(BaseModel):
    email: EmailStr


class ResetPassword(BaseModel):
    token: str = Field(max_length=200)
    password: str = Password


class TokenValidity(BaseModel):
    valid: bool


class PasswordConfirmation(BaseModel):
    password: str = Field(max_length=128)


def email_key(email: str) -> str:
    return email.strip().lower()


class PasswordRefused(Exception):
    """A new password attackers would try early; the message says why, in the asker's language."""


def poor_password(password: str, email: str, request: Request) -> str | None:
    """Why ``password`` is too easy to guess, in the language the request asks for; or None."""
    return password_problem(password, email, language(request.headers.get("accept-language")))


def refuse_poor_password(password: str, email: str, request: Request) -> None:
    problem = poor_password(password, email, request)
    if problem is not None:
        raise Refusal(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=problem)


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    response_model=Notice,
    responses=errors(429),
)
def register(
    body: Registration,
    request: Request,
    tasks: BackgroundTasks,
    cloud: CloudDep,
    session: SessionDep,
) -> Notice:
    """Creates the account and sends a verification e-mail. The answer is the same when the
    address already has an account (its owner gets a "someone tried to sign up" e-mail)."""
    cloud.limits.hit(cloud.settings.login_limit_per_ip, "register-ip", client_ip(request))
    email = email_key(body.email)
    refuse_poor_password(body.password, email, request)
    password_hash = cloud.passwords.hash(body.password)  # also for a known address: same timing
    existing = session.scalar(select(User).where(User.email == email))
    if existing is not None:
        # At most one notice an hour per address, held back silently: registering a taken
        # address over and over must not flood its owner's inbox, nor answer differently.
        if cloud.limits.allow(
            cloud.settings.signup_notice_limit_per_address, "signup-notice", email
        ):
            tasks.add_task(cloud.outbox.email, mails.signup_attempt(existing))
        return Notice(message=_REGISTERED)
    user = User(
        id=str(uuid.uuid4()),
        email=email,
        password_hash=password_hash,
        name=body.name,
        created_at=datetime.now(UTC),
        language=language(request.headers.get("accept-language")),
    )
    session.add(user)
    session.flush()
    token = codes.issue(session, cloud, user.id, codes.VERIFY_EMAIL, email)
    session.commit()
    tasks.add_task(cloud.outbox.email, mails.verification(cloud.settings.public_url, user, token))
    return Notice(message=_REGISTERED)


_REGISTERED = "Thanks for signing up. Check your inbox to verify your e-mail address, then sign in."


@router.post(
    "/login",
    response_model=TokenPair | two_factor.Challenge,
    responses=errors(401, 429),
)
def login(
    body: Credentials,
    request: Request,
    tasks: BackgroundTasks,
    cloud: CloudDep,
    session: SessionDep,
) -> TokenPair | two_factor.Challenge:
    """Signs in with e-mail and password; with 2FA on, answers a challenge and sends a code."""
    email = email_key(body.email)
    address = client_ip(request)
    place = f"{email} {address}"
    settings = cloud.settings
    cloud.limits.hit(settings.login_limit_per_ip, "login-ip", address)
    cloud.limits.hit(settings.login_limit_per_email, "login-email-ip", place)
    # Every attempt counts, before the password is checked, so parallel guesses cannot slip
    # past the limit; a right password from a new place counts once, as it then is known.
    if cloud.limits.remembers("login-known-place", place):
        cloud.limits.hit(settings.login_guesses_per_email, "login-guesses-known", place)
    else:
        cloud.limits.hit(settings.login_guesses_per_email, "login-guesses", email)
    user = session.scalar(select(User).where(User.email == email))
    if not cloud.passwords.check(body.password, user.password_hash if user else None):
        raise Refusal(status.HTTP_401_UNAUTHORIZED, detail=WRONG_LOGIN)
    assert user is not None
    cloud.limits.remember("login-known-place", place, LOGIN_KNOWN_PLACE_DAYS * 86_400)
    return finish_sign_in(session, cloud, request, tasks, user)


def finish_sign_in(
    session: Session, cloud: Cloud, request: Request, tasks: BackgroundTasks, user: User
) -> TokenPair | two_factor.Challenge:
    """What a sign-in whose first factor held answers: tokens, or the two-factor challenge.
    Password login and the desktop's Google/GitHub sign-in both end here."""
    remember_language(user, request)
    if user.two_factor_method:
        return two_factor.challenge(session, cloud, tasks, user)
    pair = signins.start(session, cloud, user, request)
    session.commit()
    return pair


@router.post("/refresh", response_model=TokenPair, responses=errors(401))
def refresh(
    body: RefreshRequest, request: Request, cloud: CloudDep, session: SessionDep
) -> TokenPair:
    """A new token pair; the refresh token given stops working."""
    pair = signins.refresh(session, cloud, body.refresh_token, request)
    session.commit()
    if pair is None:
        raise Refusal(
            status.HTTP_401_UNAUTHORIZED,
            detail="This sign-in has ended or the refresh token is wrong; please sign in again.",
        )
    return pair


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=errors(401, 403))
def logout(caller: SignedIn, session: SessionDep, body: LogoutRequest | None = None) -> Response:
    """Ends this sign-in: its refresh tokens stop working."""
    assert caller.claims is not None
    signins.revoke_family(session, caller.claims.sign_in_id)
    if body is not None and body.refresh_token:
        family = signins.family_of(session, caller.user.id, body.refresh_token)
        if family is not None:
            signins.revoke_family(session, family)
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", response_model=Profile, responses=errors(401))
def me(caller: ApiCaller, session: SessionDep) -> Profile:
    user = caller.user
    flows = session.scalar(
        select(func.count()).where(CloudFlow.owner_id == user.id, CloudFlow.deleted.is_(False))
    )
    runs = session.scalar(select(func.count()).where(Execution.owner_id == user.id))
    return Profile(
        id=user.id,
        email=user.email,
        name=user.name,
        image=user.image,
        plan=user.plan,
        created_at=user.created_at,
        last_login=user.last_login,
        email_verified=user.email_verified_at is not None,
        phone=user.phone,
        phone_verified=user.phone_verified_at is not None,
        has_password=user.password_hash is not None,
        language=user.language,
        two_factor_enabled=user.two_factor_method is not None,
        statistics=Statistics(flows_count=flows or 0, executions_count=runs or 0),
    )


@router.post("/forgot-password", response_model=Notice, responses=errors(429))
def forgot_password(
    body: ForgotPassword,
    request: Request,
    tasks: BackgroundTasks,
    cloud: CloudDep,
    session: SessionDep,
) -> Notice:
    """Sends a reset link valid for an hour; the same answer whether the address is known or not."""
    email = email_key(body.email)
    cloud.limits.hit(cloud.settings.code_limit_per_ip, "forgot-ip", client_ip(request))
    cloud.limits.hit(cloud.settings.code_limit_per_target, "forgot-email", email)
    user = session.scalar(select(User).where(User.email == email))
    if user is not None:
        token = codes.issue(session, cloud, user.id, codes.RESET_PASSWORD, email)
        session.commit()
        tasks.add_task(
            cloud.outbox.email, mails.password_reset(cloud.settings.public_url, user, token)
        )
    return Notice(message="If this address has an account, a reset link is on its way.")


@router.get("/validate-reset-token", response_model=TokenValidity, responses=errors(429))
def validate_reset_token(
    token: Annotated[str, Query(max_length=200)],
    request: Request,
    cloud: CloudDep,
    session: SessionDep,
) -> TokenValidity:
    """Whether a reset link still works (before the user types a new password)."""
    return TokenValidity(valid=reset_token_works(session, cloud, request, token))


def reset_token_works(session: Session, cloud: Cloud, request: Request, token: str) -> bool:
    """Whether a reset token is live, without using it up (the API and the reset page)."""
    cloud.limits.hit(cloud.settings.code_limit_per_ip, "reset-ip", client_ip(request))
    return codes.find(session, cloud, codes.RESET_PASSWORD, token) is not None


@router.post("/reset-password", response_model=Notice, responses=errors(400, 429))
def reset_password(
    body: ResetPassword, request: Request, cloud: CloudDep, session: SessionDep
) -> Notice:
    """Sets a new password with a reset token (once), signs the account out everywhere and
    deletes its API keys. The link proved the address: an account not verified until now is
    verified, and loses what whoever registered it set (phone, second factor, queued runs)."""
    try:
        changed = set_new_password(session, cloud, request, body.token, body.password)
    except PasswordRefused as refused:
        raise Refusal(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=str(refused)) from None
    if not changed:
        raise Refusal(
            status.HTTP_400_BAD_REQUEST,
            detail="This reset link is wrong, used or expired; please ask for a new one.",
        )
    return Notice(message=PASSWORD_CHANGED)


PASSWORD_CHANGED = (
    "Your password is changed. You are signed out on every computer and your API keys are "
    "deleted: sign in with the new password, and make new keys for the apps that need them."
)


def set_new_password(
    session: Session, cloud: Cloud, request: Request, token: str, password: str
) -> bool:
    """Uses up a reset token to set ``password`` (already checked against the Password bounds)
    and ends every sign-in; False when the token is wrong, used or expired. A password attackers
    would try early raises PasswordRefused and leaves the token unused. The API and the reset
    page both change passwords with it."""
    cloud.limits.hit(cloud.settings.code_limit_per_ip, "reset-ip", client_ip(request))
    live = codes.find(session, cloud, codes.RESET_PASSWORD, token)
    owner = session.get(User, live.user_id) if live else None
    if owner is not None:
        problem = poor_password(password, owner.email, request)
        if problem is not None:
            raise PasswordRefused(problem)
    row = codes.redeem(session, cloud, codes.RESET_PASSWORD, token)
    user = session.get(User, row.user_id) if row else None
    if row is None or user is None or user.email != row.target:
        session.rollback()
        return False
    # Whoever knew the old password, or registered the address without owning it, is shut out.
    ownership.address_proven(session, user)
    ownership.end_access(session, user.id)
    user.password_hash = cloud.passwords.hash(password)
    session.commit()
    return True


@router.post("/delete-account", status_code=status.HTTP_204_NO_CONTENT, responses=errors(401, 403))
def delete_account(
    body: PasswordConfirmation, caller: SignedIn, cloud: CloudDep, session: SessionDep
) -> Response:
    """Deletes the account and everything of it: flows, runs, keys, sign-ins and codes."""
    user = caller.user
    if not cloud.passwords.check(body.password, user.password_hash):
        raise Refusal(
            status.HTTP_403_FORBIDDEN, detail="The password is wrong; nothing was deleted."
        )
    for table in OWNED_BY_ACCOUNT:
        owner = table.owner_id if hasattr(table, "owner_id") else table.user_id  # type: ignore[attr-defined]
        session.execute(delete(table).where(owner == user.id))
    session.execute(delete(User).where(User.id == user.id))
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
