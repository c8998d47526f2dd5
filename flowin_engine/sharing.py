"""Flows as files to hand to someone else: what an exported flow leaves out.

A flow's connected accounts are already only a reference (the secret is in the keyring), but a
user can type a password, token or API key straight into a step. ``shareable`` returns a copy
with those values taken out and says which ones, so the app can tell the user what to fill in
after importing. A value that is only an ``{{ expression }}`` is kept: it holds no secret.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .model import Flow, Node
from .registry import Registry
from .store.redact import is_secret_key

_ONLY_EXPRESSION = re.compile(r"^\s*\{\{.*\}\}\s*$", re.DOTALL)
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


@dataclass(frozen=True, slots=True)
class LeftOut:
    """One secret value taken out of an exported flow: which step, and where in it."""

    node: str
    field: str

    def __str__(self) -> str:
        return f"{self.node} → {self.field}"


def shareable(flow: Flow, registry: Registry | None = None) -> tuple[Flow, list[LeftOut]]:
    """A copy of ``flow`` without secrets typed into its steps, and what was left out.

    Left out: fields a node type declares as passwords (with ``registry``), values under
    secret-looking keys at any depth ("token", "Authorization", "api_key"...), and passwords or
    secret query parameters inside URLs. The copy is a draft: a shared flow starts switched off,
    and without pinned outputs: those are test data, a sample of the sender's real data.
    """
    copy = flow.model_copy(deep=True)
    copy.status = type(flow.status).DRAFT
    copy.pinned = {}
    left_out: list[LeftOut] = []
    for node in copy.nodes:
        node.params = _clean_params(node, registry, left_out)
    return copy, left_out


def _password_fields(node: Node, registry: Registry | None) -> set[str]:
    node_type = registry.find(node.type) if registry is not None else None
    if node_type is None:
        return set()
    fields = set()
    for key, info in node_type.input_model.model_fields.items():
        extra = info.json_schema_extra
        if isinstance(extra, dict) and extra.get("widget") == "password":
            fields.add(key)
    return fields


def _clean_params(node: Node, registry: Registry | None, left_out: list[LeftOut]) -> dict:
    passwords = _password_fields(node, registry)
    params: dict[str, Any] = {}
    for key, value in node.params.items():
        if (key in passwords or is_secret_key(key)) and _holds_secret(value):
            left_out.append(LeftOut(node.name, key))
            continue
        params[key] = _clean(value, node.name, key, left_out)
    return params


def _clean(value: Any, node: str, where: str, left_out: list[LeftOut]) -> Any:
    if isinstance(value, dict):
        cleaned = {}
        for key, item in value.items():
            path = f"{where} → {key}"
            if is_secret_key(key) and _holds_secret(item):
                left_out.append(LeftOut(node, path))
                cleaned[key] = ""  # the key stays, so the user sees what to fill in
            else:
                cleaned[key] = _clean(item, node, path, left_out)
        return cleaned
    if isinstance(value, list):
        return [_clean(item, node, where, left_out) for item in value]
    if isinstance(value, str) and _URL.match(value):
        cleaned_url = _clean_url(value)
        if cleaned_url != value:
            left_out.append(LeftOut(node, where))
        return cleaned_url
    return value


def _holds_secret(value: Any) -> bool:
    if value is None or isinstance(value, bool) or value == "":
        return False
    return not (isinstance(value, str) and _ONLY_EXPRESSION.match(value))


def _clean_url(url: str) -> str:
    """The URL without a password in it, and with secret query parameters emptied."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    netloc = parts.netloc
    if "@" in netloc:
        user_info, _, host = netloc.rpartition("@")
        user, has_password, password = user_info.partition(":")
        if has_password and _holds_secret(password):
            netloc = f"{user}@{host}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(is_secret_key(k) and _holds_secret(v) for k, v in pairs):
            cleaned = [(k, "" if is_secret_key(k) and _holds_secret(v) else v) for k, v in pairs]
            query = urlencode(cleaned, safe="{}' ")
    if (netloc, query) == (parts.netloc, parts.query):
        return url
    return urlunsplit(parts._replace(netloc=netloc, query=query))
