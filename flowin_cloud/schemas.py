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


# As deep as JSON may nest in a flow, a run's input or any other free-form field; the desktop
# engine refuses webhook bodies nested deeper too. Deeper JSON could be kept but not answered.
MAX_JSON_DEPTH = 64


def _nesting(value: Any) -> int:
    """How many objects and arrays deep ``value`` goes, counted without recursion and only
    as far as one level past the limit."""
    deepest = 0
    stack = [(value, 1)]
    while stack and deepest <= MAX_JSON_DEPTH:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children)
    return deepest


def _unicode_json(value: Any) -> Any:
    # Checked before anything walks the value recursively (json.dumps here, pydantic when
    # answering): deeper JSON would be kept, then fail every read of it.
    if _nesting(value) > MAX_JSON_DEPTH:
        raise ValueError(
            f"The data is nested more than {MAX_JSON_DEPTH} levels deep; please keep it flatter."
        )
    # JSON may spell half a surrogate pair ("\\ud800"); it is no text and cannot be answered.
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("Text must be valid Unicode.") from None
    return value


# A flow definition: any JSON object at most MAX_JSON_DEPTH deep whose strings are valid Unicode.
JsonObject = Annotated[dict[str, Any], AfterValidator(_unicode_json)]
# Any such JSON value (a run's input). Every free-form JSON field uses one of these two.
JsonValue = Annotated[Any, AfterValidator(_unicode_json)]
