"""Field types that many connectors' step inputs share."""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from ..errors import StepError

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
