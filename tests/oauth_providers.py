"""Google and GitHub stand-ins on a local server (pytest-httpserver) for the cloud's "Sign in
with Google/GitHub": token and user endpoints that record what the cloud sends them."""

from __future__ import annotations

import json
import uuid

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

# The cloud's address in the tests' settings (the callback the providers would send to).
PUBLIC_URL = "https://cloud.flowin.test"


class FakeProviders:
    """Google and GitHub on one local server: it records what the cloud sends and answers as
    the tests set."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.token_requests: list[dict[str, object]] = []
        self.api_requests: list[tuple[str, str | None]] = []
        self.token_status = 200
        self.token_answer: dict[str, object] = {
            "access_token": "provider-access-token",
            "token_type": "Bearer",
            "expires_in": 3599,
        }
        self.email = f"google-{uuid.uuid4().hex[:10]}@example.com"
        # Each stand-in is another person at Google and at GitHub: accounts are linked by these.
        self.userinfo: dict[str, object] = {
            "sub": uuid.uuid4().hex,
            "email": self.email,
            "email_verified": True,
            "name": "Layla Haddad",
            "picture": "https://lh3.googleusercontent.test/a/layla",
        }
        self.github_user: dict[str, object] = {
            "id": uuid.uuid4().int % 10**9,
            "login": "octo",
            "name": None,
            "avatar_url": "https://avatars.githubusercontent.test/u/1",
        }
        self.github_emails: list[dict[str, object]] = []
        for provider in ("google", "github"):
            server.expect_request(f"/{provider}/token", method="POST").respond_with_handler(
                self._token
            )
        server.expect_request("/google/userinfo").respond_with_handler(
            self._api(lambda: self.userinfo)
        )
        server.expect_request("/github/api/user").respond_with_handler(
            self._api(lambda: self.github_user)
        )
        server.expect_request("/github/api/user/emails").respond_with_handler(
            self._api(lambda: self.github_emails)
        )

    def settings(self, public_url: str = PUBLIC_URL) -> dict[str, object]:
        """The cloud's settings for these stand-ins (``env()``: the same as FLOWIN_CLOUD_*)."""
        url = self.server.url_for
        return {
            "public_url": public_url,
            "google_client_id": "google-client",
            "google_client_secret": "google-secret",
            "google_authorize_url": "https://accounts.google.test/auth",
            "google_token_url": url("/google/token"),
            "google_userinfo_url": url("/google/userinfo"),
            "github_client_id": "github-client",
            "github_client_secret": "github-secret",
            "github_authorize_url": "https://github.test/login/oauth/authorize",
            "github_token_url": url("/github/token"),
            "github_api_url": url("/github/api"),
            "oauth_timeout_seconds": 5,
        }

    def env(self, public_url: str) -> dict[str, str]:
        return {
            f"FLOWIN_CLOUD_{key.upper()}": str(value)
            for key, value in self.settings(public_url).items()
        }

    def _token(self, request: Request) -> Response:
        self.token_requests.append(
            {
                "form": dict(request.form),
                "accept": request.headers.get("Accept"),
                "path": request.path,
            }
        )
        return Response(
            _json(self.token_answer), self.token_status, content_type="application/json"
        )

    def _api(self, answer):
        def handle(request: Request) -> Response:
            self.api_requests.append((request.path, request.headers.get("Authorization")))
            return Response(_json(answer()), 200, content_type="application/json")

        return handle


def _json(value: object) -> str:
    return json.dumps(value)
