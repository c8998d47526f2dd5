"""Notifications the desktop app sends through the account: e-mailed to the account's own
verified address, never to anyone else's, so this is no way to send mail to others."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, status
from pydantic import BaseModel, Field

from .. import mails
from ..deps import CloudDep, SignedIn, require_verified_email
from ..schemas import Storable, errors

router = APIRouter(prefix="/notifications", tags=["notifications"])

TOO_MANY = (
    "Your Flowin app has sent too many notification e-mails; the next ones can go in {wait}. "
    "They still show in the app."
)


class NotificationMail(BaseModel):
    subject: Annotated[str, Field(min_length=1, max_length=200), Storable]
    text: Annotated[str, Field(min_length=1, max_length=5000), Storable]
    link: str = Field(
        "",
        max_length=200,
        pattern=r"^(flowin://run/[A-Za-z0-9_-]+)?$",
        description="The run in the Flowin app, e.g. flowin://run/9f2a4c1b7e3d.",
    )


class MailSent(BaseModel):
    to: str


@router.post(
    "/email",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=MailSent,
    responses=errors(401, 403, 429),
)
def email_me(
    mail: NotificationMail, caller: SignedIn, cloud: CloudDep, tasks: BackgroundTasks
) -> MailSent:
    """E-mails a notification to the account's own address (verified addresses only)."""
    user = caller.user
    require_verified_email(user)
    cloud.limits.hit(
        cloud.settings.notification_mail_limit_per_account,
        "notification-mail",
        user.id,
        too_many=TOO_MANY,
    )
    tasks.add_task(
        cloud.outbox.email, mails.flow_notification(user, mail.subject, mail.text, mail.link)
    )
    return MailSent(to=user.email)
