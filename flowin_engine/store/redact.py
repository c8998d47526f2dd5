"""Masking of secrets before step data is written to the execution history.

A run's history is shown in the app and exported with bug reports, so passwords, tokens and
API keys a step received or returned must never be stored in full.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

MASK = "••••"

# Matched case-insensitively anywhere in a key, with "-" read as "_": "bot_token",
# "X-Api-Key" and "clientSecret" are all secret.
SECRET_KEY_MARKERS = (
    "authorization",
    "password",
    "passwd",
    "secret",
    "token",
    "api_key",
    "apikey",
    "cookie",
)

# Token *counts* from AI services ("max_tokens", "total_tokens") are usage, not credentials.
_NOT_SECRET_SUFFIXES = ("tokens", "token_count")


def is_secret_key(key: object) -> bool:
    """Whether a value stored under ``key`` should be masked."""
    return isinstance(key, str) and _is_secret_name(key)


@lru_cache(maxsize=8192)
def _is_secret_name(key: str) -> bool:
    normalized = key.lower().replace("-", "_")
    if normalized.endswith(_NOT_SECRET_SUFFIXES):
        return False
    return any(marker in normalized for marker in SECRET_KEY_MARKERS)


def mask(value: object) -> str:
    """Keep the first 4 characters of a long string, so a user can tell which key it was."""
    if isinstance(value, str) and len(value) > 12:
        return value[:4] + MASK
    return MASK


def redact(value: Any) -> Any:
    """Return a copy of ``value`` with every value under a secret-looking key masked.

    Recurses into mappings, lists and tuples; everything else is returned as it is. The input is
    never changed.
    """
    # Every step's input and output pass through here: plain values (most of a payload) are
    # told by their exact type, which is far cheaper than a call or an isinstance on Mapping.
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is dict or isinstance(value, Mapping):
        return {
            key: _mask_all(item)
            if isinstance(key, str) and _is_secret_name(key)
            else (item if type(item) in _LEAVES else redact(item))
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        items = [item if type(item) in _LEAVES else redact(item) for item in value]
        return items if isinstance(value, list) else tuple(items)
    return value


_LEAVES = frozenset({str, int, float, bool, type(None)})


def _mask_all(value: Any) -> Any:
    """Mask every leaf under a secret key; None and booleans say little and help debugging."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, Mapping):
        return {key: _mask_all(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        items = [_mask_all(item) for item in value]
        return items if isinstance(value, list) else tuple(items)
    return mask(value)
