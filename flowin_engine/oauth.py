"""OAuth 2.0 for connectors: signing in from the desktop, refreshing tokens, service accounts.

``authorize_installed_app`` is the installed-app flow (RFC 8252): Flowin listens on a loopback
port of 127.0.0.1, opens the provider's sign-in page in the browser, and receives the
authorization code on that port; PKCE with S256 (RFC 7636) binds the code to this process.
``refresh`` renews an access token with the stored refresh token, and ``service_account_token``
is the JWT bearer grant (RFC 7523) used by Google service accounts. ``AccessTokens`` keeps
access tokens for their lifetime, so each step does not sign in again.

Endpoints are always passed in (``OAuthApp``), so a connector names its provider's and a test
points them at a token server on 127.0.0.1.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
import webbrowser
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from .errors import AccountRejected, RetryableError

JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
# Renew a little early, so a token doesn't expire between the check and the call.
EXPIRY_MARGIN = 60.0
DEFAULT_TIMEOUT = 30.0


# Why a token could not be had, as sentences the app shows in its own language.
SIGN_IN_UNREACHABLE = (
    "Can't reach the sign-in server {host} ({reason}); check the internet connection."
)
SIGN_IN_SERVER_PROBLEM = "The sign-in server had a problem ({status})."
SIGN_IN_EXPIRED = "The account's sign-in has expired or was revoked; reconnect the account."
SIGN_IN_EXPIRED_SAYING = (
    "The account's sign-in has expired or was revoked ({detail}); reconnect the account."
)
CLIENT_REFUSED = (
    "The sign-in server doesn't accept this client ID or secret; check them in the account's "
    "settings."
)
CLIENT_REFUSED_SAYING = (
    "The sign-in server doesn't accept this client ID or secret ({detail}); check them in the "
    "account's settings."
)
SIGN_IN_REFUSED = "The sign-in server refused the request: {reason}."
SIGN_IN_SENTENCES = (
    SIGN_IN_UNREACHABLE,
    SIGN_IN_SERVER_PROBLEM,
    SIGN_IN_EXPIRED,
    SIGN_IN_EXPIRED_SAYING,
    CLIENT_REFUSED,
    CLIENT_REFUSED_SAYING,
    SIGN_IN_REFUSED,
)


class OAuthError(AccountRejected):
    """Signing in failed in a way the user has to fix (a revoked grant, a wrong client)."""


@dataclass(frozen=True, slots=True)
class OAuthApp:
    """An OAuth client registered with a provider, and the provider's endpoints."""

    client_id: str
    authorize_url: str
    token_url: str
    client_secret: str = ""
    scopes: tuple[str, ...] = ()
    # Provider-specific extras, e.g. Google's access_type=offline for a refresh token.
    authorize_params: dict[str, str] = field(default_factory=dict)
    # Name the scopes again when renewing (RFC 6749 6 allows it): Microsoft's identity platform
    # asks for them on every refresh-token request.
    refresh_with_scopes: bool = False


@dataclass(frozen=True, slots=True)
class Token:
    access_token: str
    expires_at: float | None = None  # time.time() seconds; None when the provider didn't say
    refresh_token: str | None = None
    scope: str | None = None

    def expired(self, now: float | None = None) -> bool:
        if self.expires_at is None:
            return False
        return (now or time.time()) >= self.expires_at - EXPIRY_MARGIN


# The installed-app flow.


def pkce_pair() -> tuple[str, str]:
    """A fresh PKCE code verifier and its S256 challenge."""
    verifier = secrets.token_urlsafe(64)[:96]
    return verifier, pkce_challenge(verifier)


def pkce_challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def authorization_url(app: OAuthApp, redirect_uri: str, state: str, challenge: str) -> str:
    """The provider's sign-in page for this app, asking for its scopes."""
    query = {
        "response_type": "code",
        "client_id": app.client_id,
        "redirect_uri": redirect_uri,
        "state": state,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        **({"scope": " ".join(app.scopes)} if app.scopes else {}),
        **app.authorize_params,
    }
    separator = "&" if urlsplit(app.authorize_url).query else "?"
    return f"{app.authorize_url}{separator}{urlencode(query)}"


def authorize_installed_app(
    app: OAuthApp,
    *,
    open_browser: Callable[[str], Any] = webbrowser.open,
    timeout: float = 300.0,
) -> Token:
    """Sign in through the browser and return the tokens (the refresh token to be stored).

    ``open_browser`` receives the sign-in URL; the provider sends the browser back to a
    one-shot listener on 127.0.0.1, whose port the redirect URI carries.
    """
    answer = receive_code(
        lambda redirect_uri, state, challenge: authorization_url(
            app, redirect_uri, state, challenge
        ),
        open_browser=open_browser,
        timeout=timeout,
    )
    return exchange_code(app, answer.code, answer.verifier, answer.redirect_uri)


@dataclass(frozen=True)
class BrowserAnswer:
    """The code a sign-in in the browser sent back, and what redeems it."""

    code: str = field(repr=False)
    verifier: str = field(repr=False)
    redirect_uri: str


def receive_code(
    sign_in_url: Callable[[str, str, str], str],
    *,
    open_browser: Callable[[str], Any] = webbrowser.open,
    timeout: float = 300.0,
) -> BrowserAnswer:
    """Open ``sign_in_url(redirect_uri, state, code_challenge)`` in the browser and wait for the
    code it sends back to a one-shot listener on 127.0.0.1 (RFC 8252, PKCE S256)."""
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(24)
    with _LoopbackReceiver() as receiver:
        redirect_uri = receiver.redirect_uri
        open_browser(sign_in_url(redirect_uri, state, challenge))
        answer = receiver.wait(timeout)
    if answer is None:
        raise OAuthError(f"Signing in took longer than {timeout:.0f} seconds; try again.")
    if answer.get("state") != state:
        raise OAuthError("The sign-in answer didn't match this request; try again.")
    if "error" in answer:
        reason = answer.get("error_description") or answer["error"]
        if answer["error"] == "access_denied":
            reason = "access was not allowed in the browser"
        raise OAuthError(f"Signing in didn't finish: {reason}. Try again.")
    code = answer.get("code")
    if not code:
        raise OAuthError("No sign-in code came back from the browser; try again.")
    return BrowserAnswer(code, verifier, redirect_uri)


class _LoopbackReceiver:
    """Answers the browser's one redirect on 127.0.0.1 and keeps its query parameters."""

    def __init__(self) -> None:
        received: dict[str, str] = {}
        arrived = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
                if not query or arrived.is_set():
                    self.send_response(404)
                    self.end_headers()
                    return
                received.update(query)
                arrived.set()
                page = (
                    b"<html><body style='font-family:sans-serif'><h2>Flowin</h2>"
                    b"<p>You can close this window and return to Flowin.</p></body></html>"
                )
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # the query holds the authorization code: keep it out of any log

        self._server = HTTPServer(("127.0.0.1", 0), Handler)
        self._received = received
        self._arrived = arrived
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def __enter__(self) -> _LoopbackReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def wait(self, timeout: float) -> dict[str, str] | None:
        return dict(self._received) if self._arrived.wait(timeout) else None


# Token requests.


def exchange_code(
    app: OAuthApp, code: str, verifier: str, redirect_uri: str, timeout: float = DEFAULT_TIMEOUT
) -> Token:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "code_verifier": verifier,
        "redirect_uri": redirect_uri,
        "client_id": app.client_id,
    }
    if app.client_secret:
        form["client_secret"] = app.client_secret
    return _token_request(app.token_url, form, timeout)


def refresh(app: OAuthApp, refresh_token: str, timeout: float = DEFAULT_TIMEOUT) -> Token:
    """A new access token; the refresh token stays the same unless the provider sends another."""
    if not refresh_token:
        raise OAuthError("This account has no refresh token; connect it again to sign in.")
    form = {
        "grant_type": "refresh_token",
        "refresh_token": refresh_token,
        "client_id": app.client_id,
    }
    if app.refresh_with_scopes and app.scopes:
        form["scope"] = " ".join(app.scopes)
    if app.client_secret:
        form["client_secret"] = app.client_secret
    token = _token_request(app.token_url, form, timeout)
    return token if token.refresh_token else replace(token, refresh_token=refresh_token)


def service_account_token(
    key: dict[str, Any],
    scopes: Iterable[str],
    *,
    token_url: str | None = None,
    subject: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Token:
    """An access token for a service account's JSON key, by a signed JWT (RFC 7523).

    ``subject`` is the user a Workspace domain-wide delegation acts for (needed for Gmail).
    """
    import jwt  # PyJWT, with cryptography for RS256

    missing = [name for name in ("client_email", "private_key") if not key.get(name)]
    if missing:
        raise OAuthError(
            f"The service account key has no {' or '.join(missing)}; paste the whole JSON key "
            "file you downloaded from the cloud console."
        )
    audience = token_url or key.get("token_uri")
    if not audience:
        raise OAuthError("The service account key names no token address (token_uri).")
    now = int(time.time())
    claims = {
        "iss": key["client_email"],
        "scope": " ".join(scopes),
        "aud": audience,
        "iat": now,
        "exp": now + 3600,
    }
    if subject:
        claims["sub"] = subject
    headers = {"kid": key["private_key_id"]} if key.get("private_key_id") else None
    try:
        assertion = jwt.encode(claims, key["private_key"], algorithm="RS256", headers=headers)
    except (ValueError, TypeError, jwt.PyJWTError) as error:
        raise OAuthError(f"The service account's private key can't be used: {error}.") from None
    return _token_request(
        audience, {"grant_type": JWT_BEARER_GRANT, "assertion": assertion}, timeout
    )


def _token_request(url: str, form: dict[str, str], timeout: float) -> Token:
    import httpx  # loaded with the first sign-in or token refresh, not with the app

    from .kit._addresses import http_transport, trusts_environment

    try:
        # A step refreshes its account's token here: the token address is the account's own
        # setting, so it is held to the address policy like the step's requests.
        with httpx.Client(transport=http_transport(), trust_env=trusts_environment()) as client:
            response = client.post(
                url, data=form, headers={"Accept": "application/json"}, timeout=timeout
            )
    except httpx.HTTPError as error:
        # Asking for a token changes nothing, so it can always be asked again.
        raise RetryableError(
            SIGN_IN_UNREACHABLE.format(
                host=urlsplit(url).netloc or url, reason=type(error).__name__
            )
        ) from None
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if response.status_code == 200 and answer.get("access_token"):
        expires_in = answer.get("expires_in")
        return Token(
            access_token=answer["access_token"],
            expires_at=time.time() + float(expires_in) if expires_in else None,
            refresh_token=answer.get("refresh_token"),
            scope=answer.get("scope"),
        )
    if response.status_code == 429 or response.status_code >= 500:
        raise RetryableError(SIGN_IN_SERVER_PROBLEM.format(status=response.status_code))
    raise OAuthError(_describe_token_error(answer, response.status_code))


def _describe_token_error(answer: dict[str, Any], status: int) -> str:
    error = str(answer.get("error") or status)
    detail = answer.get("error_description")
    if error == "invalid_grant":
        return SIGN_IN_EXPIRED_SAYING.format(detail=detail) if detail else SIGN_IN_EXPIRED
    if error in ("invalid_client", "unauthorized_client"):
        return CLIENT_REFUSED_SAYING.format(detail=detail) if detail else CLIENT_REFUSED
    return SIGN_IN_REFUSED.format(reason=f"{error} ({detail})" if detail else error)


class AccessTokens:
    """Access tokens kept in memory for their lifetime, by account, shared by all steps.

    A step's account may be read many times a minute (a polling trigger, a loop); asking the
    token server each time would be slow and hit its limits.
    """

    def __init__(self) -> None:
        self._tokens: dict[str, Token] = {}
        self._lock = threading.Lock()

    def get(self, account: str, obtain: Callable[[], Token]) -> Token:
        """The cached token for ``account`` (any stable, non-secret key), or a new one."""
        with self._lock:
            token = self._tokens.get(account)
            if token is None or token.expired():
                token = obtain()
                self._tokens[account] = token
            return token

    def forget(self, account: str) -> None:
        with self._lock:
            self._tokens.pop(account, None)


def account_key(*parts: str) -> str:
    """A cache key for an account that doesn't keep its secret in memory as a key."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
