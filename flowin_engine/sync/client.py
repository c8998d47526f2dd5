"""``CloudClient``: the HTTP calls of the cloud account (see the cloud contract), nothing more.

It holds a sign-in's tokens, refreshes the access token once when the server answers 401 and
repeats the request, and turns every failure into a ``SyncError`` with a sentence to show.
"""

from __future__ import annotations

import ipaddress
import logging
import platform
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from .errors import (
    BadPhoneNumber,
    EmailNotVerified,
    InsecureAddress,
    NotOnServer,
    Offline,
    RateLimited,
    RequestRejected,
    RevisionConflict,
    ServerError,
    SignedOut,
    SignInRefused,
    TooManyApiKeys,
    WrongCode,
    WrongPassword,
)

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 15.0

# The apps as the cloud's list of sign-ins tells them apart, from their User-Agent.
CLI_APP = "flowin CLI"
DESKTOP_APP = "Flowin desktop"
_SYSTEM_NAMES = {"Darwin": "macOS"}


def user_agent(app: str) -> str:
    """The User-Agent of ``app`` on this computer, e.g. "Flowin desktop 0.1.0 (Windows)"."""
    try:
        version = metadata.version("flowin")
    except metadata.PackageNotFoundError:
        version = "dev"
    system = platform.system() or "unknown system"
    return f"{app} {version} ({_SYSTEM_NAMES.get(system, system)})"


@dataclass(frozen=True, slots=True)
class Tokens:
    """One sign-in: a short-lived access token and the refresh token that renews it."""

    access: str
    refresh: str

    def __repr__(self) -> str:  # never print a token, even in a traceback
        return "Tokens(…)"


@dataclass(frozen=True, slots=True)
class TwoFactorChallenge:
    """Sign-in waits for a 6-digit code: sent by ``method`` ("email" or "sms"), or shown by
    the account's authenticator app ("totp"); answer with it."""

    challenge: str
    method: str


@dataclass(frozen=True, slots=True)
class AuthenticatorSetup:
    """An authenticator app being set up: the app reads ``uri`` from a QR code, or the person
    types ``secret``. Shown only now; never logged."""

    secret: str = field(repr=False)
    uri: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class ApiKey:
    """An API key of the account: ``key`` is masked (first 8 and last 4 characters), except in
    the answer that created it."""

    id: str
    name: str
    key: str = field(repr=False)  # the whole key, once: never in a log or traceback
    active: bool
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ApiKey:
        return cls(
            str(data["id"]),
            str(data["name"]),
            str(data["key"]),
            bool(data["is_active"]),
            _time(data["created_at"]),
            _time(data.get("expires_at")),
            _time(data.get("last_used_at")),
        )


@dataclass(frozen=True, slots=True)
class AccountSecurity:
    """How the signed-in account is protected, for its settings."""

    email: str
    email_verified: bool
    # False for an account made by Google/GitHub sign-in that never set a password: the
    # changes below ask for one, so it sets one first ("forgot password").
    has_password: bool
    # "email", "sms" or "totp" (an authenticator app) when two-step sign-in is on
    two_factor_method: str | None
    backup_codes_left: int
    phone: str | None = None  # in international format
    phone_verified: bool = False


@dataclass(frozen=True, slots=True)
class SignIn:
    """A place the account is signed in: an app on a computer, as the cloud knows it."""

    id: str
    # "desktop", "cli" (Flowin's command line) or "other"
    app: str
    system: str | None  # e.g. "Windows", "macOS", "Linux"; None when the app didn't say
    description: str  # in English, e.g. "Flowin desktop on Windows"
    ip_address: str | None  # the address it last came from
    created_at: datetime
    last_used_at: datetime
    current: bool  # the sign-in of this client

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SignIn:
        return cls(
            id=str(data["id"]),
            app=str(data.get("app") or "other"),
            system=data.get("system"),
            description=str(data.get("description", "")),
            ip_address=data.get("ip_address"),
            created_at=_time(data["created_at"]),
            last_used_at=_time(data["last_used_at"]),
            current=bool(data.get("current", False)),
        )


@dataclass(frozen=True, slots=True)
class CloudRun:
    """A run asked for through the cloud's API, for a computer of the account to run."""

    id: str
    flow_id: str
    input: Any

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CloudRun:
        return cls(str(data["id"]), str(data["flow_id"]), data.get("input"))


@dataclass(frozen=True, slots=True)
class CloudRunDone:
    """A run the cloud ran itself (a flow switched to run in the cloud), ended."""

    id: str
    flow_id: str
    input: Any
    succeeded: bool
    error: str | None
    started_at: datetime
    finished_at: datetime

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CloudRunDone:
        started = _time(data.get("started_at")) or _time(data["created_at"])
        assert started is not None
        return cls(
            id=str(data["id"]),
            flow_id=str(data["flow_id"]),
            input=data.get("input"),
            succeeded=data.get("status") == "success",
            error=data.get("error"),
            started_at=started,
            finished_at=_time(data.get("finished_at")) or started,
        )


@dataclass(frozen=True, slots=True)
class CloudStep:
    """One step of a run the cloud ran, as its worker recorded it."""

    node_id: str
    node_name: str
    node_type: str
    iteration: int | None
    attempt: int
    status: str
    port: str | None
    input: Any
    output: Any
    error: str | None
    started_at: datetime
    finished_at: datetime | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CloudStep:
        started = _time(data["started_at"])
        assert started is not None
        return cls(
            node_id=str(data["node_id"]),
            node_name=str(data["node_name"]),
            node_type=str(data["node_type"]),
            iteration=data.get("iteration"),
            attempt=int(data.get("attempt") or 1),
            status=str(data["status"]),
            port=data.get("port"),
            input=data.get("input"),
            output=data.get("output"),
            error=data.get("error"),
            started_at=started,
            finished_at=_time(data.get("finished_at")),
        )


@dataclass(frozen=True, slots=True)
class CloudFlow:
    """A flow as the cloud account keeps it. ``definition`` is None when not asked for."""

    id: str
    name: str
    revision: int
    definition: dict[str, Any] | None
    updated_at: str
    deleted: bool
    # It runs in the cloud (listed flows say so): computers leave its trigger alone.
    cloud_run: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CloudFlow:
        return cls(
            id=str(data["id"]),
            name=str(data.get("name", "")),
            revision=int(data["revision"]),
            definition=data.get("definition"),
            updated_at=str(data.get("updated_at", "")),
            deleted=bool(data.get("deleted", False)),
            cloud_run=bool(data.get("cloud_run", False)),
        )


class CloudClient:
    """Talks to one Flowin cloud server; safe to share between threads.

    ``on_tokens`` is called with the new tokens after a refresh (or None when the sign-in is
    no longer valid), so whoever keeps them can save them. ``language`` ("en", "ar") goes out
    as Accept-Language: the server writes the account's e-mails in it.
    """

    def __init__(
        self,
        server: str,
        tokens: Tokens | None = None,
        *,
        on_tokens: Callable[[Tokens | None], None] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        language: str | None = None,
        app: str = CLI_APP,
    ) -> None:
        self.server = checked_server(server)
        self.tokens = tokens
        self._on_tokens = on_tokens
        self._refresh_lock = threading.Lock()
        # The User-Agent names the app and system, for the account's list of sign-ins.
        headers = {"User-Agent": user_agent(app)}
        if language:
            headers["Accept-Language"] = language
        self._timeout, self._headers = timeout, headers
        self._client: httpx.Client | None = None

    @property
    def _http(self) -> httpx.Client:
        """The HTTP client, made (and httpx loaded) on the first request, not with the app."""
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                base_url=self.server, timeout=self._timeout, headers=self._headers
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def __enter__(self) -> CloudClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Account

    def register(self, email: str, password: str, name: str | None = None) -> str:
        """Ask for an account; returns the server's message (the same whether or not the
        e-mail was already registered)."""
        body: dict[str, Any] = {"email": email, "password": password}
        if name:
            body["name"] = name
        answer = self._call("POST", "/auth/register", json=body, signed_in=False)
        return str(answer.get("message", "")) if isinstance(answer, dict) else ""

    def forgot_password(self, email: str) -> None:
        """Have the server e-mail a link to choose a new password (it answers the same whether
        or not the address has an account)."""
        self._call("POST", "/auth/forgot-password", json={"email": email}, signed_in=False)

    def login(self, email: str, password: str) -> Tokens | TwoFactorChallenge:
        """Sign in; the tokens, or a challenge when the account has two-factor sign-in on."""
        answer = self._call(
            "POST", "/auth/login", json={"email": email, "password": password}, signed_in=False
        )
        if answer.get("two_factor_required"):
            return TwoFactorChallenge(str(answer["challenge"]), str(answer.get("method", "email")))
        return self._accept(answer)

    def sign_in_providers(self) -> list[str]:
        """The other sign-ins the server offers ("google", "github"); none on an older one."""
        try:
            answer = self._call("GET", "/auth/providers", signed_in=False)
        except NotOnServer:
            return []
        return [str(name) for name in answer.get("providers", [])]

    def redeem_sign_in(self, code: str, verifier: str) -> Tokens | TwoFactorChallenge:
        """Finish a sign-in done in the browser: the one-time code it sent back, and the PKCE
        verifier that proves this computer started it. Answers like ``login``."""
        answer = self._call(
            "POST",
            "/auth/oauth/token",
            json={"code": code, "code_verifier": verifier},
            signed_in=False,
        )
        if answer.get("two_factor_required"):
            return TwoFactorChallenge(str(answer["challenge"]), str(answer.get("method", "email")))
        return self._accept(answer)

    def verify_two_factor(self, challenge: TwoFactorChallenge, code: str) -> Tokens:
        answer = self._call(
            "POST",
            "/auth/2fa/verify",
            json={"challenge": challenge.challenge, "code": code.strip()},
            signed_in=False,
        )
        return self._accept(answer)

    def refresh(self) -> Tokens:
        """Trade the refresh token for a new pair (the old one stops working)."""
        if self.tokens is None:
            raise SignedOut()
        try:
            answer = self._call(
                "POST",
                "/auth/refresh",
                json={"refresh_token": self.tokens.refresh},
                signed_in=False,
            )
        except SignInRefused:
            self._set_tokens(None)
            raise SignedOut(
                "Your sign-in to the Flowin cloud has expired; sign in again to sync your flows."
            ) from None
        return self._accept(answer)

    def logout(self) -> None:
        """End this sign-in on the server; the tokens are forgotten here in any case."""
        tokens = self.tokens
        try:
            if tokens is not None:
                self._call("POST", "/auth/logout", json={"refresh_token": tokens.refresh})
        finally:
            self._set_tokens(None)

    def me(self) -> dict[str, Any]:
        """The signed-in account's profile."""
        return dict(self._call("GET", "/auth/me"))

    # Flows

    def list_flows(
        self, include_deleted: bool = True, include_definitions: bool = True
    ) -> list[CloudFlow]:
        """Every flow of the account; deleted ones as tombstones. Without definitions, the list
        says only which revision each flow is at."""
        params = {"include_definitions": "true"} if include_definitions else {}
        if include_deleted:
            params["include_deleted"] = "true"
        answer = self._call("GET", "/api/flows", params=params)
        return [CloudFlow.from_json(item) for item in answer.get("flows", [])]

    def get_flow(self, flow_id: str) -> CloudFlow:
        return CloudFlow.from_json(self._call("GET", f"/api/flows/{_quoted(flow_id)}"))

    def create_flow(self, flow_id: str, name: str, definition: dict[str, Any]) -> CloudFlow:
        """Add a flow under this id; ``RevisionConflict`` (with the server's copy) if the
        account already has (or had) a flow with it."""
        body = {"id": flow_id, "name": name, "definition": definition}
        return CloudFlow.from_json(self._call("POST", "/api/flows", json=body))

    def update_flow(
        self, flow_id: str, name: str, definition: dict[str, Any], base_revision: int
    ) -> CloudFlow:
        """Replace a flow; ``RevisionConflict`` if it is no longer at ``base_revision``."""
        body = {"name": name, "definition": definition, "base_revision": base_revision}
        return CloudFlow.from_json(self._call("PUT", f"/api/flows/{_quoted(flow_id)}", json=body))

    def delete_flow(self, flow_id: str, base_revision: int) -> None:
        """Delete a flow; ``RevisionConflict`` if it is no longer at ``base_revision``."""
        self._call(
            "DELETE",
            f"/api/flows/{_quoted(flow_id)}",
            params={"base_revision": str(base_revision)},
        )

    # Running flows in the cloud (PUT /api/flows/{flow id}/cloud-run)

    def cloud_run(self, flow_id: str) -> dict[str, Any]:
        """Whether the flow runs in the cloud, and the connected accounts it uses there
        (``accounts``: connection_id, connector, uploaded)."""
        return dict(self._call("GET", f"/api/flows/{_quoted(flow_id)}/cloud-run"))

    def set_cloud_run(
        self, flow_id: str, enabled: bool, accounts: list[dict[str, Any]] | None = None
    ) -> dict[str, Any]:
        """Turn running in the cloud on, uploading ``accounts`` (connection_id, connector,
        label, secret) with the owner's consent, or off (the cloud deletes what it kept)."""
        body = {"enabled": enabled, "consent": enabled, "accounts": accounts or []}
        return dict(self._call("PUT", f"/api/flows/{_quoted(flow_id)}/cloud-run", json=body))

    def delete_cloud_account(self, connection_id: str) -> None:
        """Delete a connected account's uploaded copy (it was removed on this computer)."""
        self._call("DELETE", f"/api/cloud-accounts/{_quoted(connection_id)}")

    # Runs queued through the cloud's API (POST /api/run/{flow id})

    def list_runs(self, status: str) -> list[CloudRun]:
        """The account's runs in this state ("queued", "running", ...), newest first."""
        answer = self._call("GET", "/api/executions", params={"status": status})
        return [CloudRun.from_json(item) for item in answer.get("executions", [])]

    def list_cloud_runs(self) -> list[CloudRunDone]:
        """The runs the cloud ran itself and that have ended, newest first."""
        done = []
        for status in ("success", "error"):
            answer = self._call(
                "GET", "/api/executions", params={"status": status, "runs_in": "cloud"}
            )
            done += [CloudRunDone.from_json(item) for item in answer.get("executions", [])]
        return sorted(done, key=lambda run: run.started_at, reverse=True)

    def run_steps(self, run_id: str) -> list[CloudStep]:
        """The steps of a run the cloud ran, in the order they started."""
        answer = self._call("GET", f"/api/executions/{_quoted(run_id)}/steps")
        return [CloudStep.from_json(item) for item in answer.get("steps", [])]

    def claim_run(self, run_id: str) -> bool:
        """Take a queued run for this computer; False when another computer took it first."""
        try:
            self._call("PATCH", f"/api/executions/{_quoted(run_id)}", json={"status": "running"})
        except RequestRejected as refusal:
            if refusal.status == 409:
                return False
            raise
        return True

    def report_run(self, run_id: str, error: str | None = None) -> None:
        """Say how a claimed run ended: with no error, it succeeded."""
        body = {"status": "error", "error": error} if error else {"status": "success"}
        self._call("PATCH", f"/api/executions/{_quoted(run_id)}", json=body)

    # Notifications

    def email_notification(self, subject: str, text: str, link: str = "") -> str:
        """E-mail a notification of the app's to this account's own (verified) address, which
        it returns; ``link`` is the run's flowin://run/ID."""
        answer = self._call(
            "POST", "/notifications/email", json={"subject": subject, "text": text, "link": link}
        )
        return str(answer.get("to", "")) if isinstance(answer, dict) else ""

    # Sign-in security: changes that ask for the password again

    def security(self) -> AccountSecurity:
        profile = self._call("GET", "/auth/me")
        two_factor = self._call("GET", "/auth/2fa/status")
        return AccountSecurity(
            email=str(profile["email"]),
            email_verified=bool(profile["email_verified"]),
            has_password=bool(profile.get("has_password", True)),
            two_factor_method=two_factor.get("method") if two_factor.get("enabled") else None,
            backup_codes_left=int(two_factor.get("backup_codes_remaining", 0)),
            phone=profile.get("phone"),
            phone_verified=bool(profile.get("phone_verified")),
        )

    def turn_on_two_factor(self, password: str, method: str = "email") -> list[str]:
        """A code by ``method`` at each sign-in from now on; returns the backup codes, which the
        cloud shows only this once."""
        body = {"method": method, "password": password}
        return _backup_codes(self._with_password("POST", "/auth/2fa/enable", body))

    def start_authenticator_app(self, password: str) -> AuthenticatorSetup:
        """A new authenticator-app secret for the account; sign-in asks for the app's codes
        once ``confirm_authenticator_app`` receives its first one."""
        answer = self._with_password("POST", "/auth/2fa/app/setup", {"password": password})
        return AuthenticatorSetup(secret=str(answer["secret"]), uri=str(answer["otpauth_uri"]))

    def confirm_authenticator_app(self, code: str) -> list[str]:
        """Turns two-step sign-in on with the app's current code; returns the backup codes,
        which the cloud shows only this once. Raises ``WrongCode`` for a wrong code."""
        try:
            answer = self._call("POST", "/auth/2fa/app/confirm", json={"code": code})
        except RequestRejected as refusal:
            if refusal.status in (400, 422):
                raise WrongCode(str(refusal)) from None
            raise
        return _backup_codes(answer)

    def turn_off_two_factor(self, password: str) -> None:
        self._with_password("POST", "/auth/2fa/disable", {"password": password})

    def new_backup_codes(self, password: str) -> list[str]:
        """Ten new backup codes, shown only now; the earlier ones stop working."""
        body = {"password": password}
        return _backup_codes(self._with_password("POST", "/auth/2fa/regenerate-backup-codes", body))

    def send_verification_email(self) -> None:
        """Have the cloud e-mail the address's verification link again."""
        self._call("POST", "/auth/verify/resend", json={"channel": "email"})

    def add_phone(self, phone: str) -> None:
        """Set the account's phone number (international format) and text it a code; raises
        ``BadPhoneNumber`` for one the cloud can't text."""
        try:
            self._call("POST", "/auth/verify/phone/add-and-send", json={"phone": phone})
        except RequestRejected as refusal:
            if refusal.status == 422:
                raise BadPhoneNumber(str(refusal)) from None
            raise

    def verify_phone(self, code: str) -> None:
        """The code texted to the account's phone; raises ``WrongCode`` for a wrong one."""
        try:
            self._call("POST", "/auth/verify/phone/verify-mine", json={"code": code})
        except RequestRejected as refusal:
            if refusal.status in (400, 422):
                raise WrongCode(str(refusal)) from None
            raise

    def delete_account(self, password: str) -> None:
        """Delete the account and everything in the cloud: flows, runs, keys. For good."""
        self._with_password("POST", "/auth/delete-account", {"password": password})

    def _with_password(self, method: str, path: str, body: dict[str, Any]) -> Any:
        try:
            return self._call(method, path, json=body)
        except RequestRejected as refusal:
            if refusal.status == 403 and not isinstance(refusal, EmailNotVerified):
                raise WrongPassword(str(refusal)) from None
            raise

    # API keys, for calling the cloud's public API from other programs

    def list_api_keys(self) -> list[ApiKey]:
        answer = self._call("GET", "/auth/api-keys")
        return [ApiKey.from_json(item) for item in answer.get("api_keys", [])]

    def create_api_key(self, name: str, expires_at: datetime | None = None) -> ApiKey:
        """A new key; its ``key`` is the whole key, which the cloud shows only this once."""
        body: dict[str, Any] = {"name": name}
        if expires_at is not None:
            body["expires_at"] = expires_at.isoformat()
        try:
            return ApiKey.from_json(self._call("POST", "/auth/api-keys", json=body))
        except RevisionConflict as refusal:  # the only 409 this call has
            raise TooManyApiKeys(str(refusal)) from None

    def toggle_api_key(self, key_id: str) -> ApiKey:
        """Switch a key off (it stops working at once) or back on."""
        return ApiKey.from_json(self._call("POST", f"/auth/api-keys/{_quoted(key_id)}/toggle"))

    def delete_api_key(self, key_id: str) -> None:
        self._call("DELETE", f"/auth/api-keys/{_quoted(key_id)}")

    # Where the account is signed in

    def list_sign_ins(self) -> list[SignIn]:
        """The account's sign-ins that still work, the most recently used first."""
        answer = self._call("GET", "/auth/sessions")
        return [SignIn.from_json(item) for item in answer.get("sessions", [])]

    def end_sign_in(self, sign_in_id: str) -> None:
        """Sign the account out there at once; raises ``NotOnServer`` when it already ended."""
        self._call("DELETE", f"/auth/sessions/{_quoted(sign_in_id)}")

    def end_other_sign_ins(self) -> int:
        """Sign the account out everywhere but here; how many sign-ins that ended."""
        return int(self._call("DELETE", "/auth/sessions").get("ended", 0))

    # Internals

    def _accept(self, answer: Any) -> Tokens:
        try:
            tokens = Tokens(str(answer["access_token"]), str(answer["refresh_token"]))
        except (KeyError, TypeError):
            raise ServerError(self.server, 200) from None
        self._set_tokens(tokens)
        return tokens

    def _set_tokens(self, tokens: Tokens | None) -> None:
        self.tokens = tokens
        if self._on_tokens is not None:
            self._on_tokens(tokens)

    def _call(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, str] | None = None,
        signed_in: bool = True,
    ) -> Any:
        tokens = self.tokens
        if signed_in and tokens is None:
            raise SignedOut()
        response = self._send(method, path, json, params, tokens if signed_in else None)
        if response.status_code == 401 and signed_in and tokens is not None:
            tokens = self._renewed(tokens)
            response = self._send(method, path, json, params, tokens)
            if response.status_code == 401:
                self._set_tokens(None)
                raise SignedOut()
        return self._read(response, signed_in)

    def _renewed(self, stale: Tokens) -> Tokens:
        """Fresh tokens after a 401 with ``stale``; refreshed once even when threads race
        (re-using a used refresh token would end the whole sign-in)."""
        with self._refresh_lock:
            if self.tokens is not None and self.tokens != stale:
                return self.tokens
            log.info("The cloud access token was refused; refreshing it")
            return self.refresh()

    def _send(
        self,
        method: str,
        path: str,
        json: Any,
        params: dict[str, str] | None,
        tokens: Tokens | None,
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {tokens.access}"} if tokens is not None else {}
        http = self._http
        import httpx  # loaded by self._http

        try:
            return http.request(method, path, json=json, params=params, headers=headers)
        except (httpx.TransportError, OSError) as error:
            log.info("Cloud request %s %s failed: %s", method, path, type(error).__name__)
            raise Offline(self.server) from None

    def _read(self, response: httpx.Response, signed_in: bool) -> Any:
        status = response.status_code
        if status == 204:
            return {}
        body = _json(response)
        if 200 <= status < 300:
            if not isinstance(body, dict):
                raise ServerError(self.server, status)
            return body
        detail = _detail(body)
        if status == 401:
            if signed_in:
                raise SignedOut()
            raise SignInRefused(detail or "The Flowin cloud refused the sign-in; try again.")
        if status == 429:
            raise RateLimited(_seconds(response.headers.get("Retry-After")))
        if status >= 500:
            raise ServerError(self.server, status)
        if status == 409:
            current = body.get("current") if isinstance(body, dict) else None
            raise RevisionConflict(
                detail or "This flow changed in the cloud meanwhile.",
                CloudFlow.from_json(current) if isinstance(current, dict) else None,
            )
        message = detail or f"The Flowin cloud refused the request (HTTP {status})."
        if status == 404:
            raise NotOnServer(message, status)
        if status == 403 and message.startswith(EmailNotVerified.SENTENCE_START):
            raise EmailNotVerified(message)
        raise RequestRejected(message, status)


def checked_server(server: str) -> str:
    """``server`` without a trailing slash, when it is an https:// address, or an http:// one
    of this computer (a cloud started here for development); raises ``InsecureAddress``
    otherwise: passwords and tokens never cross a network unencrypted."""
    address = server.strip().rstrip("/")
    try:
        parts = urlsplit(address)
        host = parts.hostname
    except ValueError:
        raise InsecureAddress(address) from None
    if not host:
        raise InsecureAddress(address)
    if parts.scheme.lower() == "https" or (parts.scheme.lower() == "http" and _loopback(host)):
        return address
    raise InsecureAddress(address)


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _backup_codes(answer: Any) -> list[str]:
    return [str(code) for code in answer.get("backup_codes", [])]


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _detail(body: Any) -> str:
    """The server's sentence; for a validation error (a list), its messages joined."""
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, str):
        return detail
    if isinstance(detail, list):
        messages = [str(item.get("msg", "")) for item in detail if isinstance(item, dict)]
        return "; ".join(m for m in messages if m)
    return ""


def _seconds(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _time(value: Any) -> Any:
    """A time the cloud sent (ISO 8601, UTC when it names no zone); None stays None."""
    if value is None:
        return None
    moment = datetime.fromisoformat(str(value))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _quoted(flow_id: str) -> str:
    return quote(flow_id, safe="")
