"""What every connector needs the same way: the Account field of its steps, and one HTTP client
for calling services' APIs."""

from __future__ import annotations

import atexit
import json
import re
import threading
from http.cookiejar import CookieJar, DefaultCookiePolicy
from importlib import metadata
from typing import Any

import httpx
from pydantic import Field

from .errors import StepError

_lock = threading.Lock()
_client: httpx.Client | None = None


def account_field(connector_id: str, description: str, title: str = "Account") -> Any:
    """A step's "Account" input: the id of one of the connector's connected accounts."""
    return Field(
        None,
        title=title,
        description=description,
        json_schema_extra={"widget": "connection", "connector": connector_id},
    )


def json_value(value: Any, what: str) -> Any:
    """A field that takes JSON: an object or list as given, text parsed as JSON. ``what`` names
    the field in the error, e.g. "Slack: the Blocks field"."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError as error:
            raise StepError(f"{what} is not valid JSON: {error}.") from None
    return value


def service_client() -> httpx.Client:
    """One pooled client shared by all steps. Its cookie jar accepts no domain: a cookie one
    account's answer sets is never sent with another account's request."""
    global _client
    if _client is None:
        with _lock:
            if _client is None:
                _client = httpx.Client(
                    cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
                    headers={"User-Agent": user_agent()},
                    limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
                )
                atexit.register(_client.close)
    return _client


def user_agent() -> str:
    """ "Flowin/1.2.3" (some APIs, Meta's among them, ask for name/major.minor.patch)."""
    try:
        version = metadata.version("flowin")
    except metadata.PackageNotFoundError:
        version = "0.0.0"
    numbers = [*re.findall(r"\d+", version), "0", "0", "0"][:3]
    return "Flowin/" + ".".join(numbers)
