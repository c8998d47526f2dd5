"""The Bot API 10.1 description (``vendor/telegram/api.json``) as an OpenAPI document.

Telegram publishes no machine-readable description; api.json is scraped from
core.telegram.org/bots/api (PaulSonOfLars/telegram-bot-api-spec): each method's fields and each
type's fields with Telegram's own type names ("Integer", "Array of MessageEntity", "Integer or
String" as two types). This module turns it into OpenAPI 3.1 that ``ContractServer`` serves:
``POST /<method>`` under ``https://api.telegram.org/bot{token}`` with a JSON body whose fields
are the method's (unknown fields refused, required ones required), answered with
``{"ok": true, "result": <what the method returns>}`` or the documented error object.

Rules the description states only in prose are added as corrections (``PROSE_RULES``): which
fields editMessageText needs depends on the message being edited.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from openapi_core import Config, OpenAPI

from .openapi_server import Contract, contract_file

NAME = "telegram/api.json"
_PRIMITIVES: dict[str, dict[str, Any]] = {
    "Integer": {"type": "integer"},
    "String": {"type": "string"},
    "Boolean": {"type": "boolean"},
    "True": {"type": "boolean", "const": True},
    "Float": {"type": "number"},
    # A file is uploaded as a multipart part; in a JSON body only its link or file_id fits.
    "InputFile": {"type": "string"},
}
_ERROR = {
    "type": "object",
    "required": ["ok", "error_code", "description"],
    "properties": {
        "ok": {"const": False},
        "error_code": {"type": "integer"},
        "description": {"type": "string"},
        "parameters": {"$ref": "#/components/schemas/ResponseParameters"},
    },
}

# "Required if inline_message_id is not specified" and "required if rich_message isn't
# specified" (editMessageText's field descriptions).
PROSE_RULES: dict[str, list[dict[str, Any]]] = {
    "editMessageText": [
        {"anyOf": [{"required": ["chat_id", "message_id"]}, {"required": ["inline_message_id"]}]},
        {"anyOf": [{"required": ["text"]}, {"required": ["rich_message"]}]},
    ],
}


def schema_for(types: list[str]) -> dict[str, Any]:
    """The JSON Schema of a field typed in Telegram's words; several types mean any of them."""
    if len(types) > 1:
        return {"anyOf": [schema_for([kind]) for kind in types]}
    (kind,) = types
    if kind.startswith("Array of "):
        return {"type": "array", "items": schema_for([kind.removeprefix("Array of ")])}
    if kind in _PRIMITIVES:
        return dict(_PRIMITIVES[kind])
    return {"$ref": f"#/components/schemas/{kind}"}


def _object(fields: list[dict[str, Any]], *, closed: bool) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {f["name"]: schema_for(f["types"]) for f in fields},
    }
    required = [f["name"] for f in fields if f.get("required")]
    if required:
        schema["required"] = required
    if closed:
        schema["additionalProperties"] = False
    return schema


def _type_schema(definition: dict[str, Any]) -> dict[str, Any]:
    if "subtypes" in definition:
        # anyOf, not oneOf: some subtypes differ only in a constant the scrape doesn't keep.
        return {"anyOf": [schema_for([name]) for name in definition["subtypes"]]}
    # The objects Telegram sends may gain fields with any release: open.
    return _object(definition.get("fields", []), closed=False)


def to_openapi(description: dict[str, Any]) -> dict[str, Any]:
    schemas = {name: _type_schema(d) for name, d in description["types"].items()}
    paths = {}
    for name, method in description["methods"].items():
        # What a bot sends is checked closely: a misspelt field is an error.
        body = _object(method.get("fields", []), closed=True)
        if name in PROSE_RULES:
            body["allOf"] = PROSE_RULES[name]
        ok = {
            "type": "object",
            "required": ["ok", "result"],
            "properties": {"ok": {"const": True}, "result": schema_for(method["returns"])},
        }
        paths[f"/{name}"] = {
            "post": {
                "operationId": name,
                "requestBody": {
                    "required": bool(body.get("required")),
                    "content": {"application/json": {"schema": body}},
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": ok}},
                    },
                    "default": {
                        "description": "error",
                        "content": {"application/json": {"schema": _ERROR}},
                    },
                },
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Telegram Bot API", "version": description["version"]},
        "servers": [
            {
                "url": "https://api.telegram.org/bot{token}",
                "variables": {"token": {"default": "123456:ABC"}},
            }
        ],
        "paths": paths,
        "components": {"schemas": schemas},
    }


@cache
def bot_api_contract() -> Contract:
    """Bot API 10.1 as a contract for ``ContractServer`` (its operations are the method names)."""
    with contract_file(NAME).open(encoding="utf-8") as file:
        description = json.load(file)
    document = to_openapi(description)
    return Contract(
        NAME, document, OpenAPI.from_dict(document, config=Config(spec_validator_cls=None))
    )
