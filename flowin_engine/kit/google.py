"""Calling Google's REST APIs (Sheets, Gmail, Calendar): the account, its access token, the errors.

A Google account is connected either by signing in (OAuth, a refresh token kept in the
connection's secret; ``flowin_engine.oauth``) or with a service account's JSON key (a signed
JWT; for Gmail it must act for a Workspace user through domain-wide delegation). Google's
errors are ``{"error": {"code", "message", "status", "errors": [{"reason"}]}}``
(cloud.google.com/apis/design/errors); each becomes a sentence that says what to fix.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from ..errors import AccountRejected, StepError
from ..oauth import OAuthApp, Token, account_key, authorize_installed_app
from ..oauth import service_account_token as _service_account_token
from ._fields import SECRET
from ._service import Service
from ._signed_in import SignedInAPI, access_tokens, error_of, with_token

if TYPE_CHECKING:
    import httpx

GOOGLE_AUTHORIZE_URL = "https://accounts.google.com/o/oauth2/v2/auth"
GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token"
# Reasons Google gives with a 403 that mean "too fast", not "not allowed".
RATE_REASONS = frozenset({"rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED"})


class GoogleAccount(BaseModel):
    """A Google account: signed in with OAuth, or a service account's JSON key."""

    auth_type: Literal["oauth", "service_account"] = Field(
        "oauth",
        title="Sign in with",
        description="oauth: your Google account in the browser; service_account: a JSON key.",
    )
    client_id: str = Field("", title="OAuth client ID")
    client_secret: str = Field("", title="OAuth client secret", json_schema_extra=SECRET)
    refresh_token: str = Field("", title="Refresh token", json_schema_extra=SECRET)
    access_token: str = Field("", json_schema_extra={"widget": "hidden"})
    expires_at: float | None = Field(None, json_schema_extra={"widget": "hidden"})
    service_account_json: str = Field(
        "",
        title="Service account key (JSON)",
        description="The whole JSON key file from Google Cloud console → IAM → Service accounts.",
        json_schema_extra=SECRET,
    )
    delegated_user: str = Field(
        "",
        title="Act as user",
        description="For a service account with domain-wide delegation: the user's e-mail.",
    )
    authorize_url: str = Field(GOOGLE_AUTHORIZE_URL, title="Sign-in address")
    token_url: str = Field(GOOGLE_TOKEN_URL, title="Token address")
    base_url: str = Field("", title="API address")

    def oauth_app(self, scopes: tuple[str, ...]) -> OAuthApp:
        """The OAuth client for signing in; offline access asks Google for a refresh token."""
        return OAuthApp(
            client_id=self.client_id,
            client_secret=self.client_secret,
            authorize_url=self.authorize_url,
            token_url=self.token_url,
            scopes=scopes,
            authorize_params={"access_type": "offline", "prompt": "consent"},
        )

    def signed_in(self, scopes: tuple[str, ...], open_browser: Callable[[str], Any]) -> Any:
        """This account after signing in in the browser: with its refresh and access tokens."""
        if self.auth_type != "oauth":
            raise StepError("A service account needs no browser sign-in; its JSON key is enough.")
        if not self.client_id:
            raise StepError(
                "Enter the OAuth client ID (and secret) of your Google Cloud project first; "
                "Google asks for it before you can sign in."
            )
        token = authorize_installed_app(self.oauth_app(scopes), open_browser=open_browser)
        return with_token(self, token)


class GoogleAPI(SignedInAPI):
    """One Google API (Sheets, Gmail) called with one account."""

    def __init__(
        self,
        account: GoogleAccount,
        *,
        name: str,
        base_url: str,
        scopes: tuple[str, ...],
        save: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        self.account = account
        self.name = name
        self.base_url = (account.base_url or base_url).rstrip("/")
        self.scopes = scopes
        self._save = save
        self.service = Service(f"Google {name}", host="googleapis.com", message_at=_message)

    # The access token.

    def access_token(self) -> str:
        account = self.account
        if account.auth_type == "service_account":
            key = self._service_account_key()
            cache = account_key(
                key.get("client_email", ""), account.delegated_user, account.token_url, *self.scopes
            )
            return access_tokens.get(cache, lambda: self._service_account_token(key)).access_token
        return self._signed_in_token(
            f"Google {self.name}: this account isn't signed in; connect it again from "
            "Accounts and sign in with Google."
        )

    def _service_account_key(self) -> dict[str, Any]:
        try:
            key = json.loads(self.account.service_account_json)
        except ValueError:
            key = None
        if not isinstance(key, dict):
            raise StepError(
                f"Google {self.name}: the service account key is not the JSON file Google gave; "
                "paste the whole file's text again."
            )
        return key

    def _service_account_token(self, key: dict[str, Any]) -> Token:
        return _service_account_token(
            key,
            self.scopes,
            token_url=self.account.token_url,
            subject=self.account.delegated_user or None,
        )

    def _forget_token(self) -> None:
        account = self.account
        if account.auth_type == "service_account":
            key = self._service_account_key()
            access_tokens.forget(
                account_key(
                    key.get("client_email", ""),
                    account.delegated_user,
                    account.token_url,
                    *self.scopes,
                )
            )
        else:
            super()._forget_token()

    # Calls.

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        body: Any = None,
        timeout: float = 30.0,
        sends: bool = False,
        what: str = "",
    ) -> Any:
        """One call; ``sends`` says a repeat could create a second row or e-mail.

        ``what`` names the thing the call is about (a spreadsheet) for a 404's message.
        """
        return self._answer(
            lambda: self._send(method, path, params, body, timeout, sends), sends, what
        )

    def _send(
        self,
        method: str,
        path: str,
        params: dict[str, Any] | None,
        body: Any,
        timeout: float,
        sends: bool,
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.access_token()}"}
        url = f"{self.base_url}/{path.lstrip('/')}"
        return self.service.send(
            method, url, params=params, json=body, headers=headers, timeout=timeout, sends=sends
        )

    def _failure(self, response: httpx.Response, sends: bool, what: str) -> StepError:
        """Google's own cases (a disabled API, a file not shared); the rest as the kit words
        them."""
        status = response.status_code
        error = _error_body(response)
        message = self.service.message(response)
        reasons = {str(e.get("reason")) for e in error.get("errors") or [] if isinstance(e, dict)}
        reasons |= {str(d.get("reason")) for d in error.get("details") or [] if isinstance(d, dict)}
        prefix = f"Google {self.name}"
        if status == 403 and reasons & RATE_REASONS:
            status = 429
        if status == 401:
            return AccountRejected(
                f"{prefix}: Google didn't accept the account's sign-in ({message}); reconnect "
                "the Google account."
            )
        if status == 403:
            if "SERVICE_DISABLED" in reasons or "accessNotConfigured" in reasons:
                return StepError(
                    f"{prefix}: the {self.name} API is not enabled for this Google Cloud "
                    f"project ({message}); enable it in the Cloud console's API Library."
                )
            fix = (
                f"share it with {self._service_account_email()}"
                if self.account.auth_type == "service_account"
                else "check that the connected Google account can open it"
            )
            return StepError(f"{prefix}: permission denied ({message}); {fix}.")
        if status == 404:
            return StepError(
                f"{prefix}: {what or 'the item'} was not found ({message}); check its ID."
            )
        return self.service.failure(response, sends=sends, status=status, message=message)

    def _service_account_email(self) -> str:
        try:
            return str(self._service_account_key().get("client_email") or "the service account")
        except StepError:
            return "the service account"


def _error_body(response: httpx.Response) -> dict[str, Any]:
    try:
        answer = response.json()
    except ValueError:
        return {}
    return error_of(answer)


def _message(answer: Any) -> Any:
    return error_of(answer).get("message")
