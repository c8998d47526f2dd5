"""Two-factor sign-in: a 6-digit code from an authenticator app, or by e-mail or SMS
(5 minutes), or a backup code (once)."""

from __future__ import annotations

import hmac
import uuid
from datetime import UTC, datetime, timedelta
from typing import Literal

from fastapi import APIRouter, BackgroundTasks, Request, status
from fastapi import HTTPException as Refusal
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from .. import mails, second_factor_tries, signins, totp
from ..db import set_once
from ..deps import Cloud, CloudDep, SessionDep, SignedIn, client_ip, require_verified_email
from ..models import BackupCode, LoginChallenge, User
from ..schemas import Notice, TokenPair, errors
from ..security import digest, new_backup_code, new_code, new_token, normalize_backup_code

router = APIRouter(prefix="/auth/2fa", tags=["two-factor"])

CODE_LIFETIME = timedelta(minutes=5)
# A challenge outlives its code so the user can ask for a new code without signing in again.
CHALLENGE_LIFETIME = timedelta(minutes=15)
MAX_ATTEMPTS = 5
BACKUP_CODES = 10
WRONG_CODE = "The code is wrong or has expired; please sign in again if it keeps failing."

Method = Literal["email", "sms", "totp"]


class Challenge(BaseModel):
    two_factor_required: Literal[True] = True
    challenge: str
    method: Method


class EnableTwoFactor(BaseModel):
    method: Method
    password: str = Field(max_length=128)


class PasswordConfirmation(BaseModel):
    password: str = Field(max_length=128)


class AppSetup(BaseModel):
    secret: str = Field(description="For typing into the app by hand; shown only now.")
    otpauth_uri: str = Field(description="The otpauth:// address to show as a QR code.")


class AppCode(BaseModel):
    code: str = Field(max_length=20, description="The app's current 6-digit code.")


class SendCode(BaseModel):
    challenge: str = Field(max_length=200)


class VerifyCode(BaseModel):
    challenge: str = Field(max_length=200)
    code: str = Field(max_length=20, description="The 6-digit code, or a backup code.")


class TwoFactorStatus(BaseModel):
    enabled: bool
    method: Method | None
    backup_codes_remaining: int


class BackupCodes(BaseModel):
    enabled: bool
    method: Method | None
    backup_codes: list[str] = Field(description="Shown only now; each works once.")


def challenge(session: Session, cloud: Cloud, tasks: BackgroundTasks, user: User) -> Challenge:
    """Starts a two-factor sign-in for ``user`` (whose password was right) and sends a code."""
    secret = new_token()
    now = datetime.now(UTC)
    row = LoginChallenge(
        id=str(uuid.uuid4()),
        user_id=user.id,
        challenge_hash=digest(secret),
        method=user.two_factor_method or "email",
        code_hash="",
        code_expires_at=now,
        expires_at=now + CHALLENGE_LIFETIME,
    )
    session.add(row)
    if row.method != "totp":  # the app makes its own codes
        _send_code(cloud, tasks, row, user)
    session.commit()
    return Challenge(challenge=secret, method=row.method)  # type: ignore[arg-type]


def _send_code(cloud: Cloud, tasks: BackgroundTasks, row: LoginChallenge, user: User) -> None:
    code = new_code()
    row.code_hash = cloud.tokens.code_digest(code)
    row.code_expires_at = datetime.now(UTC) + CODE_LIFETIME
    if row.method == "sms" and user.phone:
        tasks.add_task(cloud.outbox.sms, mails.sign_in_code_sms(user, user.phone, code))
    else:
        tasks.add_task(cloud.outbox.email, mails.sign_in_code_email(user, code))


def _live_challenge(session: Session, secret: str) -> LoginChallenge | None:
    row = session.scalar(
        select(LoginChallenge).where(LoginChallenge.challenge_hash == digest(secret))
    )
    if row is None or row.used_at is not None or row.expires_at <= datetime.now(UTC):
        return None
    return row if row.attempts < MAX_ATTEMPTS else None


@router.post("/send-code", response_model=Notice, responses=errors(429))
def send_code(
    body: SendCode, request: Request, tasks: BackgroundTasks, cloud: CloudDep, session: SessionDep
) -> Notice:
    """Sends a new code for a sign-in waiting for its second factor (the old code stops working)."""
    cloud.limits.hit(cloud.settings.code_limit_per_ip, "2fa-ip", client_ip(request))
    cloud.limits.hit(cloud.settings.code_limit_per_target, "2fa-send", digest(body.challenge))
    row = _live_challenge(session, body.challenge)
    user = session.get(User, row.user_id) if row else None
    if row is not None and user is not None and row.method != "totp":
        _send_code(cloud, tasks, row, user)
        session.commit()
    return Notice(message="If this sign-in is still waiting, a new code is on its way.")


@router.post("/verify", response_model=TokenPair, responses=errors(401, 429))
def verify(
    body: VerifyCode,
    request: Request,
    tasks: BackgroundTasks,
    cloud: CloudDep,
    session: SessionDep,
) -> TokenPair:
    """Finishes a two-factor sign-in with the code sent, or with a backup code.

    Five wrong codes in a row, over any number of sign-ins, pause the account's second step
    (1 minute, then 5, 15, 60) and warn its owner by e-mail.
    """
    cloud.limits.hit(cloud.settings.code_limit_per_ip, "2fa-ip", client_ip(request))
    cloud.limits.hit(cloud.settings.code_limit_per_target, "2fa-verify", digest(body.challenge))
    row = _live_challenge(session, body.challenge)
    user = session.get(User, row.user_id) if row else None
    if row is None or user is None:
        raise Refusal(status.HTTP_401_UNAUTHORIZED, detail=WRONG_CODE)
    attempt = second_factor_tries.reserve(session, user.id)
    if attempt is None:
        wait = second_factor_tries.wait_seconds(session, user.id)
        raise Refusal(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail=f"Too many wrong codes: signing in to this account is paused. Please wait "
            f"{second_factor_tries.in_words(wait)} and try again.",
            headers={"Retry-After": str(wait)},
        )
    proven = _code_matches(session, cloud, row, user, body.code) or _use_backup_code(
        session, user.id, body.code
    )
    # A code finishes one sign-in: of parallel requests with it, one sets used_at.
    if not (proven and set_once(session, LoginChallenge.used_at, row.id, datetime.now(UTC))):
        session.rollback()
        _count_wrong_code(session, row.id)
        if attempt.pause is None:
            raise Refusal(status.HTTP_401_UNAUTHORIZED, detail=WRONG_CODE)
        pause = attempt.pause.total_seconds()
        # Answered, not raised: a raised refusal would drop the background task with the mail.
        tasks.add_task(cloud.outbox.email, mails.second_factor_paused(user))
        return JSONResponse(  # type: ignore[return-value]
            status_code=status.HTTP_401_UNAUTHORIZED,
            content={
                "detail": f"The code is wrong. After too many wrong codes, signing in to this "
                f"account is paused for {second_factor_tries.in_words(pause)}; we e-mailed "
                "its owner."
            },
            headers={"Retry-After": str(round(pause))},
            background=tasks,
        )
    second_factor_tries.clear(session, user.id)
    pair = signins.start(session, cloud, user, request)
    session.commit()
    return pair


def _count_wrong_code(session: Session, challenge_id: str) -> None:
    session.execute(
        update(LoginChallenge)
        .where(LoginChallenge.id == challenge_id)
        .values(attempts=LoginChallenge.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    session.commit()


def _code_matches(
    session: Session, cloud: Cloud, row: LoginChallenge, user: User, code: str
) -> bool:
    if row.method == "totp":
        return _app_code_matches(session, cloud, user, code)
    if row.code_expires_at <= datetime.now(UTC):
        return False
    return hmac.compare_digest(row.code_hash, cloud.tokens.code_digest(code.strip()))


def _app_code_matches(session: Session, cloud: Cloud, user: User, code: str) -> bool:
    secret = cloud.box.open(user.totp_secret) if user.totp_secret else None
    step = totp.matching_step(secret, code) if secret else None
    return step is not None and totp.spend_step(session, user.id, step)


def _use_backup_code(session: Session, user_id: str, code: str) -> bool:
    row = session.scalar(
        select(BackupCode).where(
            BackupCode.user_id == user_id,
            BackupCode.code_hash == digest(normalize_backup_code(code)),
            BackupCode.used_at.is_(None),
        )
    )
    return row is not None and set_once(session, BackupCode.used_at, row.id, datetime.now(UTC))


@router.get("/status", response_model=TwoFactorStatus, responses=errors(401, 403))
def two_factor_status(caller: SignedIn, session: SessionDep) -> TwoFactorStatus:
    user = caller.user
    remaining = session.scalar(
        select(func.count()).where(BackupCode.user_id == user.id, BackupCode.used_at.is_(None))
    )
    return TwoFactorStatus(
        enabled=user.two_factor_method is not None,
        method=user.two_factor_method,  # type: ignore[arg-type]
        backup_codes_remaining=remaining or 0,
    )


@router.post("/enable", response_model=BackupCodes, responses=errors(400, 401, 403))
def enable(
    body: EnableTwoFactor, caller: SignedIn, cloud: CloudDep, session: SessionDep
) -> BackupCodes:
    """Turns 2FA on with codes sent to the verified e-mail address or phone; gives 10 backup codes."""
    user = caller.user
    require_verified_email(user)
    _confirm_password(cloud, user, body.password)
    if body.method == "totp":
        raise Refusal(
            status.HTTP_400_BAD_REQUEST,
            detail="Set up the authenticator app first: scan its QR code, then enter its code.",
        )
    if body.method == "sms" and (user.phone is None or user.phone_verified_at is None):
        raise Refusal(status.HTTP_400_BAD_REQUEST, detail="Add and verify a phone number first.")
    user.two_factor_method = body.method
    _forget_app(user)
    backup_codes = _new_backup_codes(session, user.id)
    session.commit()
    return BackupCodes(enabled=True, method=body.method, backup_codes=backup_codes)


@router.post("/app/setup", response_model=AppSetup, responses=errors(400, 401, 403))
def set_up_app(
    body: PasswordConfirmation, caller: SignedIn, cloud: CloudDep, session: SessionDep
) -> AppSetup:
    """Starts setting up an authenticator app: a new secret, shown only now. Sign-in does not
    ask for the app's codes until /app/confirm receives its first one."""
    user = caller.user
    require_verified_email(user)
    _confirm_password(cloud, user, body.password)
    if user.two_factor_method == "totp":
        raise Refusal(
            status.HTTP_400_BAD_REQUEST,
            detail="An authenticator app is already set up; turn two-step sign-in off first "
            "to set up another.",
        )
    secret = totp.new_secret()
    user.totp_secret = cloud.box.seal(secret)
    user.totp_last_step = None
    session.commit()
    return AppSetup(secret=secret, otpauth_uri=totp.setup_uri(secret, user.email))


@router.post("/app/confirm", response_model=BackupCodes, responses=errors(400, 401, 403, 429))
def confirm_app(
    body: AppCode, caller: SignedIn, cloud: CloudDep, session: SessionDep
) -> BackupCodes:
    """Turns two-step sign-in on with the app being set up, once it shows the right code;
    gives 10 backup codes."""
    user = caller.user
    require_verified_email(user)
    cloud.limits.hit(cloud.settings.code_limit_per_target, "2fa-app-confirm", user.id)
    if user.totp_secret is None or user.two_factor_method == "totp":
        raise Refusal(
            status.HTTP_400_BAD_REQUEST,
            detail="Start setting up the authenticator app first.",
        )
    if not _app_code_matches(session, cloud, user, body.code):
        raise Refusal(
            status.HTTP_400_BAD_REQUEST,
            detail="That code is wrong. Type the code the app shows now; if it keeps failing, "
            "check that the phone's clock is set automatically.",
        )
    user.two_factor_method = "totp"
    backup_codes = _new_backup_codes(session, user.id)
    session.commit()
    return BackupCodes(enabled=True, method="totp", backup_codes=backup_codes)


@router.post("/disable", response_model=TwoFactorStatus, responses=errors(401, 403))
def disable(
    body: PasswordConfirmation, caller: SignedIn, cloud: CloudDep, session: SessionDep
) -> TwoFactorStatus:
    user = caller.user
    _confirm_password(cloud, user, body.password)
    user.two_factor_method = None
    _forget_app(user)
    session.execute(delete(BackupCode).where(BackupCode.user_id == user.id))
    session.commit()
    return TwoFactorStatus(enabled=False, method=None, backup_codes_remaining=0)


@router.post(
    "/regenerate-backup-codes", response_model=BackupCodes, responses=errors(400, 401, 403)
)
def regenerate_backup_codes(
    body: PasswordConfirmation, caller: SignedIn, cloud: CloudDep, session: SessionDep
) -> BackupCodes:
    """Ten new backup codes; the old ones stop working."""
    user = caller.user
    _confirm_password(cloud, user, body.password)
    if user.two_factor_method is None:
        raise Refusal(
            status.HTTP_400_BAD_REQUEST, detail="Two-factor sign-in is off; turn it on first."
        )
    backup_codes = _new_backup_codes(session, user.id)
    session.commit()
    return BackupCodes(enabled=True, method=user.two_factor_method, backup_codes=backup_codes)  # type: ignore[arg-type]


def _confirm_password(cloud: Cloud, user: User, password: str) -> None:
    if not cloud.passwords.check(password, user.password_hash):
        raise Refusal(status.HTTP_403_FORBIDDEN, detail="The password is wrong.")


def _forget_app(user: User) -> None:
    user.totp_secret = None
    user.totp_last_step = None


def _new_backup_codes(session: Session, user_id: str) -> list[str]:
    # Backup codes are random (about 49 bits) and each is tried once per sign-in attempt
    # under a rate limit: a SHA-256 is enough, and lets a login check them in one query.
    session.execute(delete(BackupCode).where(BackupCode.user_id == user_id))
    plain = [new_backup_code() for _ in range(BACKUP_CODES)]
    session.add_all(
        BackupCode(id=str(uuid.uuid4()), user_id=user_id, code_hash=digest(code)) for code in plain
    )
    return plain
