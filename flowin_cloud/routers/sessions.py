"""Where the account is signed in: its live sign-ins, and ending one or all the others.

Each sign-in is described from the User-Agent its app sent (the desktop sends
"Flowin desktop 0.1 (Windows)", the command line "flowin CLI 0.1 (Linux)") and the client
address it last came from. Ending a sign-in ends its access token at once, as signing out does.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Response, status
from fastapi import HTTPException as Refusal
from pydantic import BaseModel, Field

from .. import signins
from ..deps import CloudDep, SessionDep, SignedIn
from ..models import RefreshToken
from ..schemas import Storable, errors

router = APIRouter(prefix="/auth/sessions", tags=["sessions"])

SessionId = Annotated[str, Path(max_length=36), Storable]
NOT_FOUND = "There is no such sign-in in your account; it may have ended already."

App = Literal["desktop", "cli", "other"]

_FLOWIN_AGENT = re.compile(
    r"^flowin\s+(?P<app>desktop|cli)\b\s*(?P<version>[^\s(]+)?\s*(?:\((?P<system>[^)]*)\))?",
    re.IGNORECASE,
)
# Names of systems as User-Agents spell them, the more specific first (Android says Linux).
_SYSTEMS = (
    ("windows", "Windows"),
    ("android", "Android"),
    ("iphone", "iOS"),
    ("ipad", "iOS"),
    ("mac os", "macOS"),
    ("macos", "macOS"),
    ("macintosh", "macOS"),
    ("darwin", "macOS"),
    ("linux", "Linux"),
)


class Device(BaseModel):
    app: App = Field(description="Flowin's desktop app, its command line, or anything else.")
    version: str | None = None
    system: str | None = Field(default=None, description='For example "Windows" or "macOS".')


class SignInOut(BaseModel):
    id: str
    app: App
    version: str | None
    system: str | None
    description: str = Field(description='In English, e.g. "Flowin desktop on Windows".')
    user_agent: str | None
    ip_address: str | None = Field(description="The client address of its latest use.")
    created_at: datetime = Field(description="When it signed in.")
    last_used_at: datetime = Field(description="When it signed in or last renewed its access.")
    expires_at: datetime = Field(description="When it ends unless renewed before.")
    current: bool = Field(description="Whether it is the sign-in asking.")


class SignInList(BaseModel):
    sessions: list[SignInOut]


class Ended(BaseModel):
    ended: int = Field(description="How many sign-ins were ended.")


def device_of(user_agent: str | None) -> Device:
    """What a User-Agent tells of the app and the system, as far as it tells anything."""
    agent = (user_agent or "").strip()
    match = _FLOWIN_AGENT.match(agent)
    if match is not None:
        app: App = "desktop" if match["app"].lower() == "desktop" else "cli"
        system = _system(match["system"] or "") or (match["system"] or "").strip() or None
        return Device(app=app, version=match["version"], system=system)
    return Device(app="other", system=_system(agent))


def describe(device: Device) -> str:
    name = {"desktop": "Flowin desktop", "cli": "Flowin command line"}.get(device.app, "An app")
    return f"{name} on {device.system}" if device.system else name


def _system(text: str) -> str | None:
    lowered = text.lower()
    return next((name for needle, name in _SYSTEMS if needle in lowered), None)


def _out(row: RefreshToken, current_id: str) -> SignInOut:
    device = device_of(row.user_agent)
    return SignInOut(
        id=row.family_id,
        app=device.app,
        version=device.version,
        system=device.system,
        description=describe(device),
        user_agent=row.user_agent,
        ip_address=row.ip_address,
        created_at=row.signed_in_at,
        last_used_at=row.created_at,
        expires_at=row.expires_at,
        current=row.family_id == current_id,
    )


@router.get("", response_model=SignInList, responses=errors(401, 403))
def list_sessions(caller: SignedIn, cloud: CloudDep, session: SessionDep) -> SignInList:
    """The account's sign-ins that still work, the most recently used first."""
    assert caller.claims is not None
    rows = signins.live(session, cloud, caller.user.id)
    return SignInList(sessions=[_out(row, caller.claims.sign_in_id) for row in rows])


@router.delete(
    "/{session_id}", status_code=status.HTTP_204_NO_CONTENT, responses=errors(401, 403, 404)
)
def end_session(
    session_id: SessionId, caller: SignedIn, cloud: CloudDep, session: SessionDep
) -> Response:
    """Ends one sign-in of the account at once (this one too, if asked): its refresh token and
    its access token stop working."""
    if not signins.is_live(session, cloud, caller.user.id, session_id):
        raise Refusal(status.HTTP_404_NOT_FOUND, detail=NOT_FOUND)
    signins.revoke_family(session, session_id)
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.delete("", response_model=Ended, responses=errors(401, 403))
def end_other_sessions(caller: SignedIn, cloud: CloudDep, session: SessionDep) -> Ended:
    """Signs the account out everywhere but here."""
    assert caller.claims is not None
    others = [
        row.family_id
        for row in signins.live(session, cloud, caller.user.id)
        if row.family_id != caller.claims.sign_in_id
    ]
    signins.revoke_others(session, caller.user.id, caller.claims.sign_in_id)
    session.commit()
    return Ended(ended=len(others))
