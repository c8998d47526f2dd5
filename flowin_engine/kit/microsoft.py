"""Calling Microsoft Graph for Outlook and Excel: the account, its access token, the errors.

A Microsoft account (personal Outlook.com/Hotmail or work/school Microsoft 365) is connected by
signing in in the browser through the Microsoft identity platform (OAuth 2.0 authorization code
with PKCE, ``flowin_engine.oauth``); the refresh token is kept in the connection's secret and
renews the access token, which lasts about an hour. The app registration is the user's own
("Mobile and desktop applications" platform, redirect http://localhost): a public client needs
no secret. Graph's errors are ``{"error": {"code", "message", "innerError"}}``
(learn.microsoft.com/graph/errors); 429 and 503 carry Retry-After
(learn.microsoft.com/graph/throttling).

Outlook and Excel are two connectors over this one module: people look for them by their own
names, they belong to different palette groups, and each asks only for its own permissions
(mail, or files), while signing in, renewing tokens and wording Graph's errors are the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from ..errors import AccountRejected, StepError
from ..oauth import OAuthApp, authorize_installed_app
from ._fields import SECRET
from ._service import Service
from ._signed_in import SignedInAPI, error_of, with_token

if TYPE_CHECKING:
    import httpx

MICROSOFT_AUTHORIZE_URL = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"
MICROSOFT_TOKEN_URL = "https://login.microsoftonline.com/common/oauth2/v2.0/token"
GRAPH_URL = "https://graph.microsoft.com/v1.0"
# Every Graph connector reads whose account it is (GET /me, User.Read) and keeps a refresh
# token (offline_access); each adds its own permissions.
BASE_SCOPES = ("offline_access", "User.Read")
TEST_TIMEOUT = 15.0


class MicrosoftAccount(BaseModel):
    """A Microsoft account signed in in the browser, with the app registration it signs in to."""

    client_id: str = Field(
        "",
        title="Application (client) ID",
        description="From your app registration in the Microsoft Entra admin center (App "
        "registrations → Overview).",
    )
    client_secret: str = Field(
        "",
        title="Client secret",
        description="Only for a web app registration; a desktop (public) app needs none.",
        json_schema_extra=SECRET,
    )
    refresh_token: str = Field("", title="Refresh token", json_schema_extra=SECRET)
    access_token: str = Field("", json_schema_extra={"widget": "hidden"})
    expires_at: float | None = Field(None, json_schema_extra={"widget": "hidden"})
    authorize_url: str = Field(MICROSOFT_AUTHORIZE_URL, title="Sign-in address")
    token_url: str = Field(MICROSOFT_TOKEN_URL, title="Token address")
    base_url: str = Field(GRAPH_URL, title="API address")

    def oauth_app(self, scopes: tuple[str, ...]) -> OAuthApp:
        return OAuthApp(
            client_id=self.client_id,
            client_secret=self.client_secret,
            authorize_url=self.authorize_url,
            token_url=self.token_url,
            scopes=scopes,
            # Let a person with several Microsoft accounts pick the shop's one.
            authorize_params={"prompt": "select_account"},
            refresh_with_scopes=True,
        )

    def signed_in(self, scopes: tuple[str, ...], open_browser: Callable[[str], Any]) -> Any:
        """This account after signing in in the browser: with its refresh and access tokens."""
        if not self.client_id:
            raise StepError(
                "Enter the Application (client) ID of your app registration first; Microsoft "
                "asks for it before you can sign in."
            )
        token = authorize_installed_app(self.oauth_app(scopes), open_browser=open_browser)
        return with_token(self, token)


class GraphAPI(SignedInAPI):
    """Microsoft Graph called with one account, for one app (Outlook, Excel)."""

    def __init__(
        self,
        account: MicrosoftAccount,
        *,
        name: str,
        scopes: tuple[str, ...],
        save: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        self.account = account
        self.name = name
        self.base_url = (account.base_url or GRAPH_URL).rstrip("/")
        self.scopes = scopes
        self._save = save
        self.service = Service(name, host="graph.microsoft.com", message_at=_message)

    def me(self, timeout: float = TEST_TIMEOUT) -> str:
        """Whose account it is: a cheap call that also proves the sign-in works."""
        user = self.request(
            "GET", "me", params={"$select": "displayName,mail,userPrincipalName"}, timeout=timeout
        )
        return str(user.get("mail") or user.get("userPrincipalName") or user.get("displayName"))

    # The access token.

    def access_token(self) -> str:
        return self._signed_in_token(
            f"{self.name}: this account isn't signed in; connect it again from Accounts and "
            "sign in with Microsoft."
        )

    # Calls.

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
        timeout: float = 30.0,
        sends: bool = False,
        what: str = "",
    ) -> Any:
        """One call; ``sends`` says a repeat could send a second e-mail or add a second row.

        ``path`` is relative to the API address, or a whole URL Graph gave (a next page).
        ``what`` names the thing the call is about (the workbook) for a 404's message.
        """
        return self._answer(
            lambda: self._send(method, path, params, body, headers, timeout, sends), sends, what
        )

    def _send(
        self,
        method: str,
        path: str,
        params: dict[str, Any] | None,
        body: Any,
        headers: dict[str, str] | None,
        timeout: float,
        sends: bool,
    ) -> httpx.Response:
        all_headers = {"Authorization": f"Bearer {self.access_token()}", **(headers or {})}
        url = path if path.startswith(("https://", "http://")) else f"{self.base_url}/{path}"
        return self.service.send(
            method,
            url,
            params=params,
            json=body,
            headers=all_headers,
            timeout=timeout,
            sends=sends,
        )

    def _failure(self, response: httpx.Response, sends: bool, what: str) -> StepError:
        """Graph's own cases (a missing permission, a file not found); the rest as the kit
        words them."""
        status = response.status_code
        message = self.service.message(response)
        code = str(error_of(_json(response)).get("code") or "")
        if status == 401:
            return AccountRejected(
                f"{self.name}: Microsoft didn't accept the account's sign-in ({message}); "
                "reconnect the Microsoft account in Accounts."
            )
        if status == 403 or code in ("ErrorAccessDenied", "accessDenied"):
            return StepError(
                f"{self.name}: the connected Microsoft account may not do this ({message}); "
                "sign in to it again in Accounts and allow what Flowin asks for.",
                setting="connection",
            )
        if status == 404:
            return StepError(
                f"{self.name}: {what or 'the item'} was not found ({message}); check its name."
            )
        return self.service.failure(response, sends=sends, message=message)


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _message(answer: Any) -> Any:
    return error_of(answer).get("message")
