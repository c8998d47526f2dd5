"""Envelope encryption of the connected accounts uploaded for cloud runs.

Each account's secret is encrypted (AES-256-GCM) with a data key of its own; the data key is
kept only wrapped by a master key. The master key comes from the server's settings and stays out
of the database, so a copy of the database alone opens nothing. A KMS takes the master key's
place by implementing ``MasterKey`` (wrap/unwrap are its Encrypt/Decrypt calls), and a master key
can be replaced without re-encrypting every secret: only the data keys are wrapped again.

The web process only seals (the desktop uploads with its owner's consent); opening is done by
the worker that runs the step (``CloudConnections``), and the opened secret is never stored.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from typing import Any, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_NONCE_BYTES = 12
_DATA_KEY_AAD = b"flowin-cloud data key"


class VaultError(Exception):
    """A secret that cannot be opened: another master key, or changed in the database."""


class MasterKey(Protocol):
    """What wraps the data keys: a key from the settings, or a KMS key."""

    @property
    def key_id(self) -> str: ...

    def wrap(self, data_key: bytes) -> bytes: ...

    def unwrap(self, wrapped: bytes, key_id: str) -> bytes: ...


class LocalMasterKey:
    """A 32-byte master key given in the server's settings (FLOWIN_CLOUD_MASTER_KEY)."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("The master key must be 32 bytes (URL-safe base64 of 32 bytes).")
        self._aead = AESGCM(key)
        # Names the key without giving it away, so a wrapped key says which master opens it.
        self._key_id = "local:" + hashlib.sha256(b"flowin key id" + key).hexdigest()[:16]

    @classmethod
    def from_text(cls, text: str) -> LocalMasterKey:
        padded = text.strip() + "=" * (-len(text.strip()) % 4)
        try:
            raw = base64.urlsafe_b64decode(padded)
        except ValueError as error:
            raise ValueError("The master key is not URL-safe base64.") from error
        return cls(raw)

    @staticmethod
    def generate_text() -> str:
        return base64.urlsafe_b64encode(os.urandom(32)).decode()

    @property
    def key_id(self) -> str:
        return self._key_id

    def wrap(self, data_key: bytes) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, data_key, _DATA_KEY_AAD)

    def unwrap(self, wrapped: bytes, key_id: str) -> bytes:
        if key_id != self._key_id:
            raise VaultError(f"This secret was sealed with another master key ({key_id}).")
        try:
            return self._aead.decrypt(wrapped[:_NONCE_BYTES], wrapped[_NONCE_BYTES:], _DATA_KEY_AAD)
        except InvalidTag as error:
            raise VaultError("A wrapped data key was changed or is damaged.") from error


@dataclass(frozen=True, slots=True)
class Sealed:
    """A secret as the database keeps it: all three are text (base64 where binary)."""

    key_id: str
    wrapped_key: str
    ciphertext: str


def _aad(owner_id: str, connection_id: str) -> bytes:
    # Bound to its row: a ciphertext copied to another account's row does not open there.
    return f"flowin-cloud connection:{owner_id}:{connection_id}".encode()


def seal(master: MasterKey, owner_id: str, connection_id: str, secret: dict[str, Any]) -> Sealed:
    data_key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(_NONCE_BYTES)
    body = AESGCM(data_key).encrypt(
        nonce, json.dumps(secret).encode(), _aad(owner_id, connection_id)
    )
    return Sealed(
        key_id=master.key_id,
        wrapped_key=base64.b64encode(master.wrap(data_key)).decode(),
        ciphertext=base64.b64encode(nonce + body).decode(),
    )


def open_sealed(
    master: MasterKey, owner_id: str, connection_id: str, sealed: Sealed
) -> dict[str, Any]:
    data_key = master.unwrap(base64.b64decode(sealed.wrapped_key), sealed.key_id)
    raw = base64.b64decode(sealed.ciphertext)
    try:
        text = AESGCM(data_key).decrypt(
            raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], _aad(owner_id, connection_id)
        )
    except InvalidTag as error:
        raise VaultError("A connected account's secret was changed or is damaged.") from error
    secret: dict[str, Any] = json.loads(text)
    return secret
