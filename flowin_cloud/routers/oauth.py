"""Sign in with Google or GitHub from the desktop app (RFC 8252: loopback redirect and PKCE).

The cloud is the broker: it alone holds the providers' client secrets and tokens, and the
desktop gets the cloud's own tokens, as from a password login.

1. ``GET /auth/providers``: the providers this server has a client id and secret for.
2. The desktop opens the browser at ``GET /auth/{provider}?redirect_uri=http://127.0.0.1:PORT/...
   &code_challenge=...&code_challenge_method=S256&state=...``; the cloud keeps a pending
   sign-in (10 minutes) and sends the browser on to the provider (with its own state and PKCE).
3. The provider sends the browser back to ``/auth/{provider}/callback``; the cloud reads the
   verified e-mail address, finds or creates the account, and sends the browser to
   ``redirect_uri?code=GRANT&state=...`` (or ``?error=...&error_description=...&state=...``).
4. The desktop posts ``{"code": GRANT, "code_verifier": ...}`` to ``/auth/oauth/token`` (once,
   within 2 minutes) and gets what ``/auth/login`` answers.

Problems before the desktop's redirect address is known to be a loopback one, or before the
pending sign-in is found, are shown as a page in the browser: nothing is sent anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import httpx
from authlib.common.security import generate_token
from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.httpx_client import OAuth2Client
from fastapi import APIRouter, BackgroundTasks, HTTPException, Query, Request, Response, status
from fastapi import HTTPException as Refusal
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, EmailStr, Field, TypeAdapter, ValidationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import mails, pages
from ..config import Settings
from ..db import set_once
from ..deps import Cloud, CloudDep, SessionDep, client_ip
from ..languages import language
from ..models import OAuthIdentity, OAuthSignIn, User
from ..ownership import address_proven
from ..schemas import TokenPair, errors
from ..security import digest, new_token
from . import two_factor
from .auth import email_key, finish_sign_in

log = logging.getLogger("flowin_cloud.oauth")

# Authlib's httpx client is built on httpx2 when that is installed (the OpenAI SDK brings it),
# and raises its errors; the user endpoints are read with httpx.
try:
    import httpx2

    _UNREACHABLE: tuple[type[Exception], ...] = (httpx.HTTPError, httpx2.HTTPError)
except ImportError:  # pragma: no cover - depends on what else is installed
    _UNREACHABLE = (httpx.HTTPError,)

router = APIRouter(tags=["auth"])

PENDING_LIFETIME = timedelta(minutes=10)
GRANT_LIFETIME = timedelta(minutes=2)
# Finished and abandoned sign-ins are deleted this long after they expired.
KEEP_EXPIRED = timedelta(days=1)

# RFC 8252 7.3: the desktop listens on a loopback address at a port of its choosing. Only
# these exact hosts, no user info, query or fragment, so a crafted address cannot send the
# grant anywhere else (a browser reads "\\" or "@" differently than a URL parser might).
_LOOPBACK = re.compile(
    r"http://(?:127\.0\.0\.1|localhost|\[::1\]):(?P<port>[0-9]{1,5})"
    r"(?:/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*)?"
)
_CHALLENGE = re.compile(r"[A-Za-z0-9_-]{43}")  # BASE64URL(SHA-256), RFC 7636 4.2
_CLIENT_STATE = re.compile(r"[\x20-\x7e]{1,500}")  # RFC 6749 A.5: VSCHAR
_VERIFIER_PATTERN = r"^[A-Za-z0-9._~-]{43,128}$"  # RFC 7636 4.1

ACCESS_DENIED = "access_denied"
PROVIDER_ERROR = "provider_error"
EMAIL_NOT_VERIFIED = "email_not_verified"

GRANT_GONE = "This sign-in code is wrong, used or expired; please sign in again."
WRONG_VERIFIER = (
    "The code verifier does not match this sign-in, so the code no longer works; "
    "please sign in again."
)

# Caches and other sites must not keep the addresses these redirects carry codes in.
_REDIRECT_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
_EMAIL = TypeAdapter(EmailStr)


@dataclass(frozen=True)
class Identity:
    # The provider's own id for the person: stays when they change their e-mail address there.
    subject: str
    email: str | None
    email_verified: bool
    name: str | None
    picture: str | None = None


class ProviderProblem(Exception):
    """The provider answered something the sign-in cannot use."""


@dataclass(frozen=True)
class Provider:
    name: str
    title: str
    scope: str
    # Reads the signed-in person from the provider's API with a client carrying the token.
    identify: Callable[[httpx.Client, Settings], Identity]

    def setting(self, settings: Settings, name: str) -> Any:
        return getattr(settings, f"{self.name}_{name}")

    def configured(self, settings: Settings) -> bool:
        secret = self.setting(settings, "client_secret")
        return bool(self.setting(settings, "client_id")) and bool(
            secret is not None and secret.get_secret_value()
        )

    def oauth_client(self, settings: Settings) -> OAuth2Client:
        return OAuth2Client(
            client_id=self.setting(settings, "client_id"),
            client_secret=self.setting(settings, "client_secret").get_secret_value(),
            scope=self.scope,
            redirect_uri=f"{settings.public_url.rstrip('/')}/auth/{self.name}/callback",
            code_challenge_method="S256",
            # Both providers take the secret in the form body; it keeps one way for both.
            token_endpoint_auth_method="client_secret_post",
            timeout=settings.oauth_timeout_seconds,
        )


def _answer(response: httpx.Response) -> Any:
    response.raise_for_status()
    return response.json()


def _google_identity(http: httpx.Client, settings: Settings) -> Identity:
    info = _answer(http.get(settings.google_userinfo_url))
    if not isinstance(info, dict):
        raise ProviderProblem("the userinfo answer is not an object")
    subject = _text(info.get("sub"))
    if subject is None:
        raise ProviderProblem("the userinfo answer has no sub")
    # Google answers a JSON boolean; older answers had the string "true".
    verified = info.get("email_verified") in (True, "true")
    return Identity(
        subject,
        _text(info.get("email")),
        verified,
        _text(info.get("name")),
        _picture(info.get("picture")),
    )


def _github_identity(http: httpx.Client, settings: Settings) -> Identity:
    api = settings.github_api_url.rstrip("/")
    user = _answer(http.get(f"{api}/user"))
    emails = _answer(http.get(f"{api}/user/emails"))
    if not isinstance(user, dict) or not isinstance(emails, list):
        raise ProviderProblem("the user or e-mail answer has the wrong shape")
    if not isinstance(user.get("id"), int) or isinstance(user.get("id"), bool):
        raise ProviderProblem("the user answer has no numeric id")
    # Only the primary address, and only when GitHub verified it: a secondary address might be
    # one the person gave up, and an unverified one anybody may have typed in.
    primary = next((e for e in emails if isinstance(e, dict) and e.get("primary") is True), None)
    return Identity(
        str(user["id"]),
        _text(primary.get("email")) if primary else None,
        primary is not None and primary.get("verified") is True,
        _text(user.get("name")) or _text(user.get("login")),
        _picture(user.get("avatar_url")),
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _picture(value: object) -> str | None:
    """A profile picture's address, when it is one a page may show (https, not too long)."""
    text = _text(value)
    return text if text and text.startswith("https://") and len(text) <= 2000 else None


PROVIDERS: dict[str, Provider] = {
    provider.name: provider
    for provider in (
        Provider("google", "Google", "openid email profile", _google_identity),
        Provider("github", "GitHub", "read:user user:email", _github_identity),
    )
}
ProviderName = Literal["google", "github"]


class Providers(BaseModel):
    providers: list[ProviderName] = Field(
        description="The providers this server can sign in with, for the desktop's buttons."
    )


class GrantExchange(BaseModel):
    code: str = Field(max_length=200, description="The code the loopback redirect brought.")
    code_verifier: str = Field(
        pattern=_VERIFIER_PATTERN,
        description="The PKCE verifier whose S256 challenge started the sign-in.",
    )


@router.get("/auth/providers", response_model=Providers)
def providers(cloud: CloudDep) -> Providers:
    """Which "Sign in with ..." buttons to show."""
    return Providers(
        providers=[name for name, p in PROVIDERS.items() if p.configured(cloud.settings)]  # type: ignore[misc]
    )


@router.post(
    "/auth/oauth/token",
    response_model=TokenPair | two_factor.Challenge,
    responses=errors(400, 429),
)
def exchange_grant(
    body: GrantExchange,
    request: Request,
    tasks: BackgroundTasks,
    cloud: CloudDep,
    session: SessionDep,
) -> TokenPair | two_factor.Challenge:
    """Finishes a Google or GitHub sign-in: the answer of /auth/login for that account (tokens,
    or the two-factor challenge). The code works once, for 2 minutes, with its verifier; a wrong
    verifier uses it up too."""
    cloud.limits.hit(cloud.settings.login_limit_per_ip, "oauth-token-ip", client_ip(request))
    now = datetime.now(UTC)
    row = session.scalar(select(OAuthSignIn).where(OAuthSignIn.grant_hash == digest(body.code)))
    if (
        row is None
        or row.grant_used_at is not None
        or row.grant_expires_at is None
        or row.grant_expires_at <= now
    ):
        raise Refusal(status.HTTP_400_BAD_REQUEST, detail=GRANT_GONE)
    # Used up before the verifier is checked: whoever holds a stolen code gets one guess.
    claimed = set_once(session, OAuthSignIn.grant_used_at, row.id, now)
    session.commit()
    if not claimed:
        raise Refusal(status.HTTP_400_BAD_REQUEST, detail=GRANT_GONE)
    if not hmac.compare_digest(_s256(body.code_verifier), row.code_challenge):
        raise Refusal(status.HTTP_400_BAD_REQUEST, detail=WRONG_VERIFIER)
    user = session.get(User, row.user_id) if row.user_id else None
    if user is None:
        raise Refusal(status.HTTP_400_BAD_REQUEST, detail=GRANT_GONE)
    return finish_sign_in(session, cloud, request, tasks, user)


def _s256(verifier: str) -> str:
    return (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    )


def _begin(
    provider: Provider,
    request: Request,
    cloud: Cloud,
    session: Session,
    redirect_uri: str,
    code_challenge: str,
    code_challenge_method: str,
    state: str,
) -> Response:
    if not provider.configured(cloud.settings):
        return _unavailable(request, provider)
    try:
        cloud.limits.hit(cloud.settings.login_limit_per_ip, "oauth-begin-ip", client_ip(request))
    except HTTPException as refusal:
        return pages.too_many_page(request, refusal)
    if not (
        is_loopback(redirect_uri)
        and _CHALLENGE.fullmatch(code_challenge)
        and code_challenge_method == "S256"
        and _CLIENT_STATE.fullmatch(state)
    ):
        return _problem(request, "oauth_bad_request")
    now = datetime.now(UTC)
    session.execute(delete(OAuthSignIn).where(OAuthSignIn.expires_at < now - KEEP_EXPIRED))
    own_state = new_token()
    verifier = generate_token(64)
    session.add(
        OAuthSignIn(
            id=str(uuid.uuid4()),
            provider=provider.name,
            state_hash=digest(own_state),
            redirect_uri=redirect_uri,
            client_state=state,
            code_challenge=code_challenge,
            provider_verifier=verifier,
            created_at=now,
            expires_at=now + PENDING_LIFETIME,
        )
    )
    session.commit()
    with provider.oauth_client(cloud.settings) as oauth:
        url, _ = oauth.create_authorization_url(
            provider.setting(cloud.settings, "authorize_url"),
            state=own_state,
            code_verifier=verifier,
        )
    return RedirectResponse(url, status.HTTP_302_FOUND, headers=_REDIRECT_HEADERS)


def is_loopback(redirect_uri: str) -> bool:
    """Whether ``redirect_uri`` is a loopback address the desktop may listen on."""
    match = _LOOPBACK.fullmatch(redirect_uri) if len(redirect_uri) <= 2000 else None
    return match is not None and 1 <= int(match["port"]) <= 65535


def _callback(
    provider: Provider,
    request: Request,
    cloud: Cloud,
    session: Session,
    tasks: BackgroundTasks,
    code: str,
    state: str,
    error: str,
) -> Response:
    try:
        cloud.limits.hit(cloud.settings.login_limit_per_ip, "oauth-callback-ip", client_ip(request))
    except HTTPException as refusal:
        return pages.too_many_page(request, refusal)
    row = _claim_pending(session, provider, state)
    if row is None:
        return _problem(request, "oauth_expired")
    if error or not code:
        reason = ACCESS_DENIED if error == ACCESS_DENIED else PROVIDER_ERROR
        return _back(row, reason, provider)
    try:
        identity = _identify(provider, cloud.settings, code, row.provider_verifier)
    except (*_UNREACHABLE, OAuthError, ProviderProblem, ValueError) as problem:
        # The provider's own words go to the log only; the desktop gets a plain sentence.
        log.warning("%s sign-in failed: %s: %s", provider.title, type(problem).__name__, problem)
        return _back(row, PROVIDER_ERROR, provider)
    if identity.email is None or not identity.email_verified:
        return _back(row, EMAIL_NOT_VERIFIED, provider)
    try:
        email = email_key(_EMAIL.validate_python(identity.email))
    except ValidationError:
        log.warning("%s sign-in gave an e-mail address that is not one", provider.title)
        return _back(row, PROVIDER_ERROR, provider)
    user, verified_now = _account_for(session, provider, identity, email, request)
    grant = new_token()
    row.user_id = user.id
    row.grant_hash = digest(grant)
    row.grant_expires_at = datetime.now(UTC) + GRANT_LIFETIME
    session.commit()
    if verified_now:
        tasks.add_task(cloud.outbox.email, mails.welcome(user))
    return _to_desktop(row, code=grant)


def _claim_pending(session: Session, provider: Provider, state: str) -> OAuthSignIn | None:
    if not state or len(state) > 200:
        return None
    row = session.scalar(
        select(OAuthSignIn).where(
            OAuthSignIn.state_hash == digest(state), OAuthSignIn.provider == provider.name
        )
    )
    now = datetime.now(UTC)
    if row is None or row.returned_at is not None or row.expires_at <= now:
        return None
    # Set once, so a callback replayed at the same moment cannot be answered twice.
    claimed = set_once(session, OAuthSignIn.returned_at, row.id, now)
    session.commit()
    return row if claimed else None


def _identify(provider: Provider, settings: Settings, code: str, verifier: str) -> Identity:
    with provider.oauth_client(settings) as oauth:
        token = oauth.fetch_token(
            provider.setting(settings, "token_url"),
            code=code,
            code_verifier=verifier,
            # GitHub answers form-encoded unless asked for JSON.
            headers={"Accept": "application/json"},
        )
    access_token = token.get("access_token")
    if not isinstance(access_token, str) or not access_token:
        raise ProviderProblem("the token answer has no access token")
    headers = {"Authorization": f"Bearer {access_token}", "Accept": "application/json"}
    with httpx.Client(headers=headers, timeout=settings.oauth_timeout_seconds) as http:
        return provider.identify(http, settings)


def _account_for(
    session: Session,
    provider: Provider,
    identity: Identity,
    email: str,
    request: Request,
    retry: bool = True,
) -> tuple[User, bool]:
    """The account this provider account signs in to, and whether its address became verified
    just now (made now, or verified by the provider).

    The account linked to the provider's id for the person comes first, whatever its address is
    now there; then the account of ``email``, which gets linked; else a new one (verified,
    without a password), linked too.
    """
    linked = session.scalar(
        select(User)
        .join(OAuthIdentity, OAuthIdentity.user_id == User.id)
        .where(OAuthIdentity.provider == provider.name, OAuthIdentity.subject == identity.subject)
    )
    if linked is not None:
        _fill_profile(linked, identity)
        return linked, False
    user = session.scalar(select(User).where(User.email == email))
    now = datetime.now(UTC)
    verified_now = False
    try:
        if user is None:
            user = User(
                id=str(uuid.uuid4()),
                email=email,
                password_hash=None,
                created_at=now,
                email_verified_at=now,
                # The browser's language, until the desktop redeeming the sign-in tells its own.
                language=language(request.headers.get("accept-language")),
            )
            session.add(user)
            session.flush()  # before its identity: no relationship orders the two inserts
            verified_now = True
        else:
            # Whoever registered the address never proved it was theirs; its owner just did.
            verified_now = address_proven(session, user)
        _fill_profile(user, identity)
        session.add(
            OAuthIdentity(
                id=str(uuid.uuid4()),
                user_id=user.id,
                provider=provider.name,
                subject=identity.subject,
                created_at=now,
            )
        )
        session.commit()
    except IntegrityError:
        # The same person (or address) signed in at the same moment: that sign-in's account is
        # the one, found on the second look.
        session.rollback()
        if not retry:
            raise
        return _account_for(session, provider, identity, email, request, retry=False)
    return user, verified_now


def _fill_profile(user: User, identity: Identity) -> None:
    """The provider's name and picture where the account has none of its own."""
    if user.name is None:
        user.name = _storable_name(identity.name)
    if user.image is None:
        user.image = identity.picture


def _storable_name(name: str | None) -> str | None:
    if not name:
        return None
    cleaned = name.replace("\x00", "").encode("utf-8", "replace").decode("utf-8").strip()
    return cleaned[:200] or None


_DESCRIPTIONS = {
    ACCESS_DENIED: "You did not allow Flowin to use your {provider} account, so you are not "
    "signed in.",
    PROVIDER_ERROR: "{provider} could not confirm the sign-in; please try again.",
    EMAIL_NOT_VERIFIED: "Your {provider} account has no verified e-mail address; verify it with "
    "{provider}, or sign in with your e-mail and password.",
}


def _back(row: OAuthSignIn, reason: str, provider: Provider) -> Response:
    return _to_desktop(
        row, error=reason, error_description=_DESCRIPTIONS[reason].format(provider=provider.title)
    )


def _to_desktop(row: OAuthSignIn, **values: str) -> Response:
    query = urlencode({**values, "state": row.client_state})
    return RedirectResponse(
        f"{row.redirect_uri}?{query}", status.HTTP_302_FOUND, headers=_REDIRECT_HEADERS
    )


def _problem(request: Request, text: str) -> Response:
    return pages.message_page(
        request, "oauth_failed_title", text, status_code=status.HTTP_400_BAD_REQUEST
    )


def _unavailable(request: Request, provider: Provider) -> Response:
    return pages.message_page(
        request,
        "oauth_unavailable_title",
        "oauth_unavailable",
        status_code=status.HTTP_404_NOT_FOUND,
        provider=provider.title,
    )


def _add_browser_routes(provider: Provider) -> None:
    # One pair of routes per provider (not /auth/{provider}), so other /auth paths keep their
    # own 404 and 405 answers. They are browser pages and redirects: not in the API schema.
    @router.get(f"/auth/{provider.name}", include_in_schema=False, name=f"{provider.name}_begin")
    def begin(
        request: Request,
        cloud: CloudDep,
        session: SessionDep,
        redirect_uri: Annotated[str, Query()] = "",
        code_challenge: Annotated[str, Query()] = "",
        code_challenge_method: Annotated[str, Query()] = "",
        state: Annotated[str, Query()] = "",
    ) -> Response:
        return _begin(
            provider,
            request,
            cloud,
            session,
            redirect_uri,
            code_challenge,
            code_challenge_method,
            state,
        )

    @router.get(
        f"/auth/{provider.name}/callback",
        include_in_schema=False,
        name=f"{provider.name}_callback",
    )
    def callback(
        request: Request,
        cloud: CloudDep,
        session: SessionDep,
        tasks: BackgroundTasks,
        code: Annotated[str, Query()] = "",
        state: Annotated[str, Query()] = "",
        error: Annotated[str, Query()] = "",
    ) -> Response:
        return _callback(provider, request, cloud, session, tasks, code, state, error)


for _provider in PROVIDERS.values():
    _add_browser_routes(_provider)
