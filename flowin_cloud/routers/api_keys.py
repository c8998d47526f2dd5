"""API keys: for scripts and other apps calling /api with ``Authorization: Bearer flw_...``.

The full key is shown once, when it is made; only its SHA-256 is stored (keys are random,
256 bits, so a fast hash is enough) and lists show the first 8 and last 4 characters.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Path, Response, status
from fastapi import HTTPException as Refusal
from pydantic import AwareDatetime, BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..deps import CloudDep, SessionDep, SignedIn, require_verified_email
from ..models import ApiKey
from ..schemas import Storable, errors
from ..security import digest, new_api_key

router = APIRouter(prefix="/auth/api-keys", tags=["api-keys"])

KeyId = Annotated[str, Path(max_length=36), Storable]
NOT_FOUND = "There is no API key with this id in your account."
# Far enough for any real use; a later date (up to year 9999 in any time zone) is a mistake, and
# some cannot even be turned into UTC.
LONGEST_EXPIRY = timedelta(days=10 * 366)
TOO_FAR = (
    "An API key can expire at most 10 years from now; leave the expiry out for a key that "
    "never expires."
)


class NewApiKey(BaseModel):
    name: Annotated[str, Field(min_length=1, max_length=100), Storable]
    expires_at: AwareDatetime | None = Field(
        default=None, description="Optional; never expires if left out."
    )


class ApiKeyOut(BaseModel):
    id: str
    name: str
    key: str = Field(description="Masked: the first 8 and the last 4 characters.")
    is_active: bool
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None


class CreatedApiKey(ApiKeyOut):
    key: str = Field(description="The full key. It is shown only now: keep it somewhere safe.")


class ApiKeyList(BaseModel):
    api_keys: list[ApiKeyOut]


def _out(row: ApiKey, key: str | None = None) -> dict:
    return {
        "id": row.id,
        "name": row.name,
        "key": key or f"{row.key_start}...{row.key_end}",
        "is_active": row.is_active,
        "created_at": row.created_at,
        "expires_at": row.expires_at,
        "last_used_at": row.last_used_at,
    }


def _owned(session: Session, user_id: str, key_id: str) -> ApiKey:
    row = session.get(ApiKey, key_id)
    if row is None or row.user_id != user_id:
        raise Refusal(status.HTTP_404_NOT_FOUND, detail=NOT_FOUND)
    return row


@router.get("", response_model=ApiKeyList, responses=errors(401, 403))
def list_keys(caller: SignedIn, session: SessionDep) -> ApiKeyList:
    rows = session.scalars(
        select(ApiKey)
        .where(ApiKey.user_id == caller.user.id)
        .order_by(ApiKey.created_at, ApiKey.id)
    )
    return ApiKeyList(api_keys=[ApiKeyOut(**_out(row)) for row in rows])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=CreatedApiKey,
    responses=errors(400, 401, 403, 409),
)
def create_key(
    body: NewApiKey, caller: SignedIn, cloud: CloudDep, session: SessionDep
) -> CreatedApiKey:
    """A new key; only accounts whose e-mail address is verified may have keys."""
    require_verified_email(caller.user)
    user_id = caller.user.id
    count = session.scalar(select(func.count()).where(ApiKey.user_id == user_id)) or 0
    limit = cloud.settings.api_keys_per_user
    if count >= limit:
        raise Refusal(
            status.HTTP_409_CONFLICT,
            detail=f"You already have {limit} API keys, the most an account can have; delete one first.",
        )
    now = datetime.now(UTC)
    if body.expires_at is not None and body.expires_at <= now:
        raise Refusal(status.HTTP_400_BAD_REQUEST, detail="The expiry date must be in the future.")
    if body.expires_at is not None and body.expires_at > now + LONGEST_EXPIRY:
        raise Refusal(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=TOO_FAR)
    key = new_api_key()
    row = ApiKey(
        id=str(uuid.uuid4()),
        user_id=user_id,
        name=body.name,
        key_hash=digest(key),
        key_start=key[:8],
        key_end=key[-4:],
        is_active=True,
        created_at=datetime.now(UTC),
        expires_at=body.expires_at,
    )
    session.add(row)
    session.commit()
    return CreatedApiKey(**_out(row, key))


@router.post("/{key_id}/toggle", response_model=ApiKeyOut, responses=errors(401, 403, 404))
def toggle_key(key_id: KeyId, caller: SignedIn, session: SessionDep) -> ApiKeyOut:
    """Switches the key off (it stops working at once) or back on."""
    row = _owned(session, caller.user.id, key_id)
    row.is_active = not row.is_active
    session.commit()
    return ApiKeyOut(**_out(row))


@router.delete("/{key_id}", status_code=status.HTTP_204_NO_CONTENT, responses=errors(401, 403, 404))
def delete_key(key_id: KeyId, caller: SignedIn, session: SessionDep) -> Response:
    session.delete(_owned(session, caller.user.id, key_id))
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
