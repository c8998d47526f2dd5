"""What an API called with an account signed in in the browser (OAuth) does the same way
whoever the provider is (Google, Microsoft): the step's account, its renewed tokens saved back
to the connection; the stored access token while it lasts, else one renewed with the refresh
token; and one more try when the service refuses a token it had accepted (revoked, expired
early)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Self

from ..errors import StepError
from ..oauth import AccessTokens, Token, account_key, refresh
from ..steps import StepContext

if TYPE_CHECKING:
    import httpx

# Access tokens renewed in this process, by account (its client, refresh token and token
# address, so two providers' accounts never share one).
access_tokens = AccessTokens()


class SignedInAPI:
    """The part of a provider's API (``GoogleAPI``, ``GraphAPI``) that its sign-in decides.

    ``account`` is the provider's account model: ``client_id``, ``refresh_token``,
    ``access_token``, ``expires_at``, ``token_url`` and ``oauth_app(scopes)``.
    """

    account: Any
    scopes: tuple[str, ...]
    _save: Callable[[dict[str, Any]], None] | None

    @classmethod
    def for_step(
        cls, model: type[Any], connection: str | None, ctx: StepContext, **options: Any
    ) -> Self:
        """The API for a step's account; a renewed token is saved back to the connection."""
        account = model.model_validate(ctx.credential(connection))
        connections = ctx.connections

        def save(secret: dict[str, Any]) -> None:
            if connections is not None and connection:
                connections.update_secret(connection, secret)

        return cls(account, save=save, **options)  # type: ignore[call-arg]

    # The access token.

    def _signed_in_token(self, not_signed_in: str) -> str:
        """The stored access token while it lasts, else a renewed one; ``not_signed_in`` is
        the sentence for an account that never signed in."""
        account = self.account
        if not account.refresh_token and not account.access_token:
            raise StepError(not_signed_in)
        stored = Token(account.access_token, account.expires_at)
        if account.access_token and not stored.expired():
            return account.access_token
        return access_tokens.get(self._signed_in_key(), self._refreshed).access_token

    def _signed_in_key(self) -> str:
        account = self.account
        return account_key(account.client_id, account.refresh_token, account.token_url)

    def _refreshed(self) -> Token:
        token = refresh(self.account.oauth_app(self.scopes), self.account.refresh_token)
        # A provider may send a new refresh token with a renewal (Microsoft always does): the
        # newest is kept.
        self.account = with_token(self.account, token)
        if self._save is not None:
            self._save(self.account.model_dump())
        return token

    def _forget_token(self) -> None:
        access_tokens.forget(self._signed_in_key())
        self.account = self.account.model_copy(update={"access_token": "", "expires_at": None})

    # Calls.

    def _answer(self, send: Callable[[], httpx.Response], sends: bool, what: str) -> Any:
        """The JSON answer of ``send()`` (``{}`` for an empty one), tried once more with a new
        token after a 401: the service did nothing with that request, so even a send can be
        repeated."""
        response = send()
        if response.status_code == 401:
            self._forget_token()
            response = send()
        if response.status_code < 300:
            return response.json() if response.content else {}
        raise self._failure(response, sends, what)

    def _failure(self, response: httpx.Response, sends: bool, what: str) -> StepError:
        raise NotImplementedError


def with_token(account: Any, token: Token) -> Any:
    """``account`` with the access token (and refresh token, when one came) of ``token``."""
    return account.model_copy(
        update={
            "access_token": token.access_token,
            "expires_at": token.expires_at,
            "refresh_token": token.refresh_token or account.refresh_token,
        }
    )


def error_of(answer: Any) -> dict[str, Any]:
    """The ``error`` object of a Google or Microsoft answer; the token endpoints' OAuth form
    ``{"error": "...", "error_description": "..."}`` read as one too."""
    error = answer.get("error") if isinstance(answer, dict) else None
    if isinstance(error, dict):
        return error
    if isinstance(error, str):
        return {"message": answer.get("error_description") or error}
    return {}
