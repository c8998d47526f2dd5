"""Field types that many connectors' step inputs share."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from ..errors import AccountRejected, StepError

# How a secret field is shown: dots, never the value.
SECRET: dict[str, Any] = {"widget": "password"}


def trigger_secret(*trigger_ids: str) -> dict[str, Any]:
    """A secret the connector's webhook triggers (``trigger_ids``) check requests with: optional
    for the account (its steps work without it), but those triggers refuse every request until
    it is set, so connecting an account asks for it and says so when it is skipped."""
    return {**SECRET, "needed_by_triggers": list(trigger_ids)}


def _scalar_text(value: Any) -> Any:
    """Let an {{ expression }} that gives a number or true/false fill a text field (chat ids
    and phone numbers often do)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_scalar_text)]
"""A text field that also takes a number or true/false, as their text."""


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


def metadata_pairs(value: Any, service: str) -> dict[str, str]:
    """Named values a service keeps beside a payment or a link ({"order": "1042"}), each as
    text; given as an object or as JSON text. Nothing given is no metadata."""
    if value in (None, "", {}):
        return {}
    value = json_value(value, f"{service}: Metadata")
    if not isinstance(value, dict):
        raise StepError(f'{service}: Metadata must be named values, e.g. {{"order": "1042"}}.')
    pairs = {}
    for key, item in value.items():
        if isinstance(item, dict | list):
            raise StepError(f"{service}: metadata '{key}' must be text or a number, not a list.")
        pairs[str(key).strip()] = "" if item is None else str(item)
    return pairs


_WEB_ADDRESS = re.compile(r"^https?://[^\s/]+")


def web_address(value: str, title: str, service: str) -> str:
    """A web address a service sends the customer or its updates to, refused in a sentence
    naming the field (``title``) when it is none."""
    value = value.strip()
    if not _WEB_ADDRESS.match(value):
        raise StepError(
            f"{service}: '{title}' must be a web address starting with https://, not '{value}'."
        )
    return value


_PUBLISHABLE = ("pk_test_", "pk_live_")


def checked_secret_key(
    value: str, *, accepted: tuple[str, ...], publishable: str, rejected: str
) -> str:
    """A payment service's secret API key, trimmed. A publishable key (pk_…, which only takes
    card payments in a browser) is refused with the connector's ``publishable`` sentence;
    anything else not starting with one of ``accepted`` as a refused account (``rejected``)."""
    key = value.strip()
    if key.startswith(_PUBLISHABLE):
        raise StepError(publishable)
    if not key.startswith(accepted):
        raise AccountRejected(rejected)
    return key
