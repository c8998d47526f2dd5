"""Bodies shared by several routes, and the error answers the OpenAPI schema declares."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field


class Detail(BaseModel):
    detail: str = Field(description="One sentence a user can act on.")


class Notice(BaseModel):
    message: str


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires.")


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entry declaring error answers with a ``detail``."""
    described = {
        400: "The token or code is wrong, used or expired, or the request cannot be done.",
        401: "Not signed in, or the credentials are wrong.",
        403: "Signed in, but not allowed (for example, with an API key).",
        404: "There is no such thing for this account.",
        409: "It conflicts with what is stored.",
        413: "The flow is too large.",
        429: "Too many attempts; the Retry-After header says how many seconds to wait.",
    }
    return {code: {"model": Detail, "description": described[code]} for code in codes}


def _storable(value: str) -> str:
    # PostgreSQL refuses NUL in text, and no database stores half a surrogate pair.
    if "\x00" in value:
        raise ValueError("Text cannot contain the NUL character.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("Text must be valid Unicode.") from None
    return value


# Text that is stored as given (names, ids, error messages): valid Unicode, no NUL characters.
Storable = AfterValidator(_storable)


def _unicode_json(value: Any) -> Any:
    # JSON may spell half a surrogate pair ("\\ud800"); it is no text and cannot be answered.
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("Text must be valid Unicode.") from None
    return value


# A flow definition: any JSON object whose strings are valid Unicode.
JsonObject = Annotated[dict[str, Any], AfterValidator(_unicode_json)]
# Any JSON value whose strings are valid Unicode (a run's input).
JsonValue = Annotated[Any, AfterValidator(_unicode_json)]
