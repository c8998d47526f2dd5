"""The cloud account this computer is signed in to.

The server's address and the e-mail are settings in the store; the tokens are secrets, kept in
the OS keyring (or the encrypted file store) under a key made for this sign-in, never in the
database or a log.
"""

from __future__ import annotations

import json
import logging
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from ..credentials import SecretsOnFirstUse, SecretStore
from ..model import new_id
from ..oauth import receive_code
from ..store import Store
from .client import CLI_APP, CloudClient, Tokens, TwoFactorChallenge, checked_server
from .errors import SignedOut, SyncError

log = logging.getLogger(__name__)

ACCOUNT_SETTING = "cloud.account"


@dataclass(frozen=True, slots=True)
class PendingSignIn:
    """A sign-in waiting for its two-factor code; pass it to ``Account.verify_two_factor``."""

    server: str
    email: str
    challenge: TwoFactorChallenge


class Account:
    """Register, sign in and out, and get a client for the signed-in account."""

    def __init__(
        self, store: Store, secrets: SecretStore | None = None, *, app: str = CLI_APP
    ) -> None:
        self.store = store
        # Which Flowin app signs in (its User-Agent names it in the account's sign-ins).
        self.app = app
        # The keyring is looked for when the tokens are first read: a signed-out start needs none.
        self.secrets: SecretStore = SecretsOnFirstUse() if secrets is None else secrets

    @property
    def notice(self) -> str | None:
        """Where the tokens are kept, when that is not the system keyring (none was found)."""
        if isinstance(self.secrets, SecretsOnFirstUse):
            return self.secrets.notice
        return None

    @property
    def server(self) -> str | None:
        """The server last signed in to (kept after signing out, to fill in the form)."""
        return self._setting().get("server")

    @property
    def email(self) -> str | None:
        return self._setting().get("email")

    @property
    def signed_in(self) -> bool:
        return self._tokens() is not None

    def register(self, server: str, email: str, password: str, name: str | None = None) -> str:
        """Ask the server for an account; returns its message. Does not sign in."""
        with self._client(server) as client:
            return client.register(email, password, name)

    def forgot_password(self, server: str, email: str) -> None:
        """Ask the server to e-mail a link for choosing a new password."""
        with self._client(server) as client:
            client.forgot_password(email)

    def sign_in(self, server: str, email: str, password: str) -> PendingSignIn | None:
        """Sign in; None when done, or a ``PendingSignIn`` when a two-factor code was sent."""
        with self._client(server) as client:
            answer = client.login(email, password)
        if isinstance(answer, TwoFactorChallenge):
            return PendingSignIn(server.rstrip("/"), email, answer)
        self._keep(server, email, answer)
        return None

    def sign_in_with(
        self,
        server: str,
        provider: str,
        *,
        open_browser: Callable[[str], Any] | None = None,
        timeout: float = 300.0,
    ) -> PendingSignIn | None:
        """Sign in with Google or GitHub in the browser (the cloud brokers it, RFC 8252: the
        browser comes back to 127.0.0.1 here with a code only this computer can redeem)."""
        server = checked_server(server)

        def sign_in_url(redirect_uri: str, state: str, challenge: str) -> str:
            query = {
                "redirect_uri": redirect_uri,
                "state": state,
                "code_challenge": challenge,
                "code_challenge_method": "S256",
            }
            return f"{server}/auth/{quote(provider, safe='')}?{urlencode(query)}"

        answer = receive_code(
            sign_in_url, open_browser=open_browser or webbrowser.open, timeout=timeout
        )
        with self._client(server) as client:
            result = client.redeem_sign_in(answer.code, answer.verifier)
            if isinstance(result, TwoFactorChallenge):
                return PendingSignIn(server, "", result)
            email = str(client.me()["email"])
        self._keep(server, email, result)
        return None

    def verify_two_factor(self, pending: PendingSignIn, code: str) -> None:
        with self._client(pending.server) as client:
            tokens = client.verify_two_factor(pending.challenge, code)
            # A sign-in through the browser learns the account's e-mail only now.
            email = pending.email or str(client.me()["email"])
        self._keep(pending.server, email, tokens)

    def sign_out(self) -> None:
        """End the sign-in on the server when it can be reached; here in any case."""
        if self.signed_in:
            try:
                with self.client() as client:
                    client.logout()
            except SyncError as error:
                log.info("Signed out here only: %s", error)
        self._forget_tokens()

    def delete_account(self, password: str) -> None:
        """Delete the cloud account and everything it holds there. The flows on this computer
        stay, belonging to no account; raises ``WrongPassword`` when ``password`` is wrong."""
        with self.client() as client:
            client.delete_account(password)
        self._forget_tokens()
        self.store.sync.forget_everything()
        # The address stays to fill in the form; the e-mail has no account any more.
        self.store.set_setting(ACCOUNT_SETTING, {"server": self.server})

    def client(self) -> CloudClient:
        """A client for the signed-in account that saves refreshed tokens back here.

        Raises ``SignedOut`` when no one is signed in on this computer.
        """
        server, tokens = self.server, self._tokens()
        if server is None or tokens is None:
            raise SignedOut(
                "This computer isn't signed in to a Flowin cloud account; sign in to sync flows."
            )
        return self._client(server, tokens)

    # Internals

    def _client(self, server: str, tokens: Tokens | None = None) -> CloudClient:
        # In the app's language, so the account's e-mails are too.
        return CloudClient(
            server,
            tokens,
            on_tokens=self._save_tokens if tokens else None,
            language=self.store.language(),
            app=self.app,
        )

    def _setting(self) -> dict[str, Any]:
        value = self.store.get_setting(ACCOUNT_SETTING)
        return value if isinstance(value, dict) else {}

    def _keep(self, server: str, email: str, tokens: Tokens) -> None:
        server = server.rstrip("/")
        previous = self._setting()
        if (previous.get("server"), previous.get("email")) != (server, email):
            # Another account: what this computer agreed with the old one means nothing there.
            self.store.sync.forget_everything()
        self._forget_tokens()
        self.store.set_setting(
            ACCOUNT_SETTING, {"server": server, "email": email, "secret": f"cloud:{new_id()}"}
        )
        self._save_tokens(tokens)

    def _secret_key(self) -> str | None:
        return self._setting().get("secret")

    def _tokens(self) -> Tokens | None:
        key = self._secret_key()
        text = self.secrets.get(key) if key else None
        if not text:
            return None
        data = json.loads(text)
        return Tokens(data["access"], data["refresh"])

    def _save_tokens(self, tokens: Tokens | None) -> None:
        key = self._secret_key()
        if key is None:
            return
        if tokens is None:
            self.secrets.delete(key)
        else:
            self.secrets.set(key, json.dumps({"access": tokens.access, "refresh": tokens.refresh}))

    def _forget_tokens(self) -> None:
        key = self._secret_key()
        if key is not None:
            self.secrets.delete(key)
