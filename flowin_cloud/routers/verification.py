"""Verifying the e-mail address (a link, 24 hours) and the phone number (an SMS code, 10 minutes)."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, BackgroundTasks, Request, status
from fastapi import HTTPException as Refusal
from pydantic import AfterValidator, BaseModel, EmailStr, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import codes, mails
from ..deps import Cloud, CloudDep, SessionDep, SignedIn, client_ip, require_verified_email
from ..models import OneTimeCode, User
from ..ownership import mark_email_verified
from ..ratelimit import duration
from ..schemas import Notice, errors
from .auth import email_key

router = APIRouter(prefix="/auth/verify", tags=["verification"])

WRONG_TOKEN = "This verification link is wrong, used or expired; please ask for a new one."
WRONG_CODE = "The code is wrong or has expired; please ask for a new one."


def _plain_phone(value: str) -> str:
    return value.replace(" ", "").replace("-", "")


# International format, e.g. +966501234567.
Phone = Annotated[
    str,
    Field(max_length=24, examples=["+966501234567"]),
    AfterValidator(_plain_phone),
]


def _checked_phone(value: str) -> str:
    if not (
        value.startswith("+") and value[1:].isdigit() and 8 <= len(value) <= 16 and value[1] != "0"
    ):
        raise ValueError("Give the phone number in international format, e.g. +966501234567.")
    return value


CheckedPhone = Annotated[Phone, AfterValidator(_checked_phone)]


class EmailAddress(BaseModel):
    email: EmailStr


class TokenBody(BaseModel):
    token: str = Field(max_length=200)


class PhoneNumber(BaseModel):
    phone: CheckedPhone


class PhoneCode(BaseModel):
    phone: CheckedPhone
    code: str = Field(max_length=10)


class MyCode(BaseModel):
    code: str = Field(max_length=10)


class Resend(BaseModel):
    channel: Literal["email", "phone"]


class VerificationStatus(BaseModel):
    email: str
    email_verified: bool
    email_verified_at: datetime | None
    phone: str | None
    phone_verified: bool
    phone_verified_at: datetime | None


def _limit(cloud: Cloud, request: Request, scope: str, target: str) -> None:
    cloud.limits.hit(cloud.settings.code_limit_per_ip, "verify-ip", client_ip(request))
    cloud.limits.hit(cloud.settings.code_limit_per_target, scope, target)


@router.post("/email/send", response_model=Notice, responses=errors(429))
def send_email_verification(
    body: EmailAddress,
    request: Request,
    tasks: BackgroundTasks,
    cloud: CloudDep,
    session: SessionDep,
) -> Notice:
    """Sends a new verification link; the same answer for any address."""
    email = email_key(body.email)
    _limit(cloud, request, "verify-email", email)
    user = session.scalar(select(User).where(User.email == email))
    if user is not None and user.email_verified_at is None:
        token = codes.issue(session, cloud, user.id, codes.VERIFY_EMAIL, email)
        session.commit()
        tasks.add_task(
            cloud.outbox.email, mails.verification(cloud.settings.public_url, user, token)
        )
    return Notice(
        message="If this address has an account waiting for verification, a link is on its way."
    )


@router.post("/email/confirm", response_model=Notice, responses=errors(400, 429))
def confirm_email(
    body: TokenBody,
    request: Request,
    tasks: BackgroundTasks,
    cloud: CloudDep,
    session: SessionDep,
) -> Notice:
    if not verify_email(session, cloud, request, body.token, tasks):
        raise Refusal(status.HTTP_400_BAD_REQUEST, detail=WRONG_TOKEN)
    return Notice(message="Your e-mail address is verified.")


def verify_email(
    session: Session,
    cloud: Cloud,
    request: Request,
    token: str,
    tasks: BackgroundTasks,
) -> bool:
    """Uses up a verification token; False when it is wrong, used or expired, or the account's
    address changed since. The API and the page behind the e-mail's link both verify with it.

    The account's first verification sends the welcome e-mail, after the answer."""
    cloud.limits.hit(cloud.settings.code_limit_per_ip, "verify-ip", client_ip(request))
    row = codes.redeem(session, cloud, codes.VERIFY_EMAIL, token)
    user = session.get(User, row.user_id) if row else None
    if row is None or user is None or user.email != row.target:
        session.rollback()
        return False
    first = mark_email_verified(session, user)
    session.commit()
    if first:
        tasks.add_task(cloud.outbox.email, mails.welcome(user))
    return True


@router.post("/phone/send", response_model=Notice, responses=errors(429))
def send_phone_code(
    body: PhoneNumber,
    request: Request,
    tasks: BackgroundTasks,
    cloud: CloudDep,
    session: SessionDep,
) -> Notice:
    """Sends a new code to a phone number an account added; the same answer for any number."""
    _limit(cloud, request, "verify-phone", body.phone)
    user = session.scalar(
        select(User)
        .where(User.phone == body.phone, User.phone_verified_at.is_(None))
        .order_by(User.created_at.desc())
    )
    # Held back silently: a different answer would tell whether the number has an account.
    if (
        user is not None
        and user.email_verified_at is not None
        and _may_text(session, cloud, user, body.phone)
    ):
        code = codes.issue(session, cloud, user.id, codes.VERIFY_PHONE, body.phone)
        session.commit()
        tasks.add_task(cloud.outbox.sms, mails.phone_code_sms(user, body.phone, code))
    return Notice(message="If this number is waiting for verification, a code is on its way.")


@router.post("/phone/confirm", response_model=Notice, responses=errors(400, 429))
def confirm_phone(
    body: PhoneCode, request: Request, cloud: CloudDep, session: SessionDep
) -> Notice:
    _limit(cloud, request, "confirm-phone", body.phone)
    row = codes.redeem_code(
        session, cloud, codes.VERIFY_PHONE, body.code, target=body.phone, user_id=None
    )
    return _phone_verified(session, row)


@router.post("/phone/add-and-send", response_model=Notice, responses=errors(401, 403, 429))
def add_phone(
    body: PhoneNumber,
    request: Request,
    tasks: BackgroundTasks,
    caller: SignedIn,
    cloud: CloudDep,
    session: SessionDep,
) -> Notice:
    """Sets the account's phone number (not yet verified) and sends it a code."""
    user = caller.user
    require_verified_email(user)
    _limit(cloud, request, "verify-phone", body.phone)
    if user.phone != body.phone and user.two_factor_method == "sms":
        raise Refusal(
            status.HTTP_400_BAD_REQUEST,
            detail="Two-factor sign-in uses this phone; turn it off before changing the number.",
        )
    _limit_texts(session, cloud, user, body.phone)
    if user.phone != body.phone:
        user.phone = body.phone
        user.phone_verified_at = None
    code = codes.issue(session, cloud, user.id, codes.VERIFY_PHONE, body.phone)
    session.commit()
    tasks.add_task(cloud.outbox.sms, mails.phone_code_sms(user, body.phone, code))
    return Notice(message="A code is on its way to your phone.")


@router.post("/phone/verify-mine", response_model=Notice, responses=errors(400, 401, 403, 429))
def verify_my_phone(
    body: MyCode, request: Request, caller: SignedIn, cloud: CloudDep, session: SessionDep
) -> Notice:
    user = caller.user
    require_verified_email(user)
    if user.phone is None:
        raise Refusal(status.HTTP_400_BAD_REQUEST, detail="Add a phone number first.")
    _limit(cloud, request, "confirm-phone", user.phone)
    row = codes.redeem_code(
        session, cloud, codes.VERIFY_PHONE, body.code, target=user.phone, user_id=user.id
    )
    return _phone_verified(session, row)


TOO_MANY_TEXTS = "You asked for too many text messages today; please wait {wait} and try again."
TOO_MANY_NUMBERS = (
    "Codes went to {count} different phone numbers from your account today, the most a day "
    "allows; please wait {wait}, or use one of those numbers."
)


def _limit_texts(session: Session, cloud: Cloud, user: User, phone: str) -> None:
    """Texts cost money: refuses (429) a verification text past the account's daily count, or
    to one number more than its daily count of different numbers."""
    wait = _new_number_wait(session, cloud, user, phone)
    if wait is not None:
        seconds = max(1, math.ceil(wait.total_seconds()))
        raise Refusal(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail=TOO_MANY_NUMBERS.format(
                count=cloud.settings.sms_numbers_per_account_per_day, wait=duration(seconds)
            ),
            headers={"Retry-After": str(seconds)},
        )
    cloud.limits.hit(cloud.settings.sms_limit_per_account, "sms-account", user.id, TOO_MANY_TEXTS)


def _may_text(session: Session, cloud: Cloud, user: User, phone: str) -> bool:
    """``_limit_texts`` for answers that must not change: False instead of a refusal."""
    return _new_number_wait(session, cloud, user, phone) is None and cloud.limits.allow(
        cloud.settings.sms_limit_per_account, "sms-account", user.id
    )


def _new_number_wait(session: Session, cloud: Cloud, user: User, phone: str) -> timedelta | None:
    """How long until ``phone`` may get a code, when it would be one number too many today
    (the numbers are those the account's phone codes went to in the last 24 hours)."""
    since = datetime.now(UTC) - timedelta(days=1)
    numbers = session.execute(
        select(OneTimeCode.target, func.min(OneTimeCode.created_at))
        .where(
            OneTimeCode.user_id == user.id,
            OneTimeCode.purpose == codes.VERIFY_PHONE,
            OneTimeCode.created_at > since,
        )
        .group_by(OneTimeCode.target)
    ).all()
    first_sent = {target: at for target, at in numbers}
    if phone in first_sent or len(first_sent) < cloud.settings.sms_numbers_per_account_per_day:
        return None
    return min(first_sent.values()) - since


def _phone_verified(session: Session, row: OneTimeCode | None) -> Notice:
    user = session.get(User, row.user_id) if row else None
    if row is None or user is None or user.phone != row.target:
        session.rollback()
        raise Refusal(status.HTTP_400_BAD_REQUEST, detail=WRONG_CODE)
    user.phone_verified_at = datetime.now(UTC)
    session.commit()
    return Notice(message="Your phone number is verified.")


@router.post("/resend", response_model=Notice, responses=errors(400, 401, 403, 429))
def resend(
    body: Resend,
    request: Request,
    tasks: BackgroundTasks,
    caller: SignedIn,
    cloud: CloudDep,
    session: SessionDep,
) -> Notice:
    """Sends the account's e-mail link or phone code again (the older one stops working)."""
    user = caller.user
    if body.channel == "email":
        _limit(cloud, request, "verify-email", user.email)
        if user.email_verified_at is not None:
            raise Refusal(
                status.HTTP_400_BAD_REQUEST, detail="Your e-mail address is already verified."
            )
        token = codes.issue(session, cloud, user.id, codes.VERIFY_EMAIL, user.email)
        session.commit()
        tasks.add_task(
            cloud.outbox.email, mails.verification(cloud.settings.public_url, user, token)
        )
        return Notice(message="A new verification link is on its way.")
    require_verified_email(user)
    if user.phone is None:
        raise Refusal(status.HTTP_400_BAD_REQUEST, detail="Add a phone number first.")
    _limit(cloud, request, "verify-phone", user.phone)
    if user.phone_verified_at is not None:
        raise Refusal(status.HTTP_400_BAD_REQUEST, detail="Your phone number is already verified.")
    _limit_texts(session, cloud, user, user.phone)
    code = codes.issue(session, cloud, user.id, codes.VERIFY_PHONE, user.phone)
    session.commit()
    tasks.add_task(cloud.outbox.sms, mails.phone_code_sms(user, user.phone, code))
    return Notice(message="A new code is on its way to your phone.")


@router.get("/status", response_model=VerificationStatus, responses=errors(401, 403))
def verification_status(caller: SignedIn) -> VerificationStatus:
    user = caller.user
    return VerificationStatus(
        email=user.email,
        email_verified=user.email_verified_at is not None,
        email_verified_at=user.email_verified_at,
        phone=user.phone,
        phone_verified=user.phone_verified_at is not None,
        phone_verified_at=user.phone_verified_at,
    )
