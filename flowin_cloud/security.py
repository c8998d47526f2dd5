"""Passwords, access tokens, and the random secrets behind refresh tokens, codes and API keys."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import bcrypt
import jwt
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

API_KEY_PREFIX = "flw_"
_ALGORITHM = "HS256"
_BACKUP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread


def _prehash(password: str) -> bytes:
    # bcrypt reads at most 72 bytes (bcrypt 5 refuses more); a 128-character password in a
    # script with multi-byte letters is longer, so bcrypt gets its SHA-256 instead, as base64.
    return base64.b64encode(hashlib.sha256(password.encode()).digest())


def hash_password(password: str, rounds: int) -> str:
    return bcrypt.hashpw(_prehash(password), bcrypt.gensalt(rounds)).decode()


def check_password(password: str, password_hash: str) -> bool:
    try:
        return bcrypt.checkpw(_prehash(password), password_hash.encode())
    except ValueError:
        return False


# The shortest part of an e-mail address's name that a password may not contain ("al" is no
# giveaway; "layla" is).
NAME_MIN_LENGTH = 4

_PASSWORD_PROBLEMS = {
    "common": {
        "en": "This is one of the most common passwords, which attackers try first; "
        "please choose another.",
        "ar": "كلمة المرور هذه من أكثر كلمات المرور شيوعًا، ويجرّبها المهاجمون أولًا؛ "
        "يُرجى اختيار كلمة مرور أخرى.",
    },
    "name": {
        "en": "This password holds the name of your e-mail address, which is easy to guess; "
        "please choose another.",
        "ar": "كلمة المرور هذه تحتوي على اسم عنوان بريدك الإلكتروني، وهو سهل التخمين؛ "
        "يُرجى اختيار كلمة مرور أخرى.",
    },
}


@cache
def common_passwords() -> frozenset[str]:
    """The 30 000 passwords leaked most often (zxcvbn's list, shipped in its package; lower
    case), loaded once on first use."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def password_problem(password: str, email: str, language: str) -> str | None:
    """Why ``password`` is a poor choice for the account ``email``, in ``language`` ("en" or
    "ar"); None when it is not. The length bounds are checked by the request's schema."""
    lowered = password.lower()
    # "Password1" and "password1!" are tried as early as "password1".
    bare = lowered.rstrip("!.?*#@$ ")
    if lowered in common_passwords() or bare in common_passwords():
        return _PASSWORD_PROBLEMS["common"].get(language, _PASSWORD_PROBLEMS["common"]["en"])
    squeezed = re.sub(r"[\W_]+", "", lowered)
    local = email.split("@", 1)[0].split("+", 1)[0].lower()
    names = {local, *re.split(r"[\W_]+", local), re.sub(r"[\W_]+", "", local)}
    if any(
        len(name) >= NAME_MIN_LENGTH and (name in lowered or name in squeezed) for name in names
    ):
        return _PASSWORD_PROBLEMS["name"].get(language, _PASSWORD_PROBLEMS["name"]["en"])
    return None


class PasswordChecker:
    """Checks passwords; for unknown accounts it checks against a dummy hash of the same cost,
    so an answer takes as long whether or not the e-mail address has an account."""

    def __init__(self, rounds: int) -> None:
        self.rounds = rounds
        self._dummy = hash_password(secrets.token_urlsafe(16), rounds)

    def hash(self, password: str) -> str:
        return hash_password(password, self.rounds)

    def check(self, password: str, password_hash: str | None) -> bool:
        if password_hash is None:
            check_password(password, self._dummy)
            return False
        return check_password(password, password_hash)


def digest(secret: str) -> str:
    """The stored form of a high-entropy secret (refresh token, reset token, API key)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_code() -> str:
    """A 6-digit code for SMS or e-mail."""
    return f"{secrets.randbelow(1_000_000):06d}"


def new_api_key() -> str:
    return API_KEY_PREFIX + secrets.token_urlsafe(32)


def new_backup_code() -> str:
    """Ten characters in two groups (about 49 bits), e.g. ``k7d2m-x9pqr``."""
    chars = "".join(secrets.choice(_BACKUP_ALPHABET) for _ in range(10))
    return f"{chars[:5]}-{chars[5:]}"


def normalize_backup_code(code: str) -> str:
    plain = code.strip().lower().replace("-", "").replace(" ", "")
    return f"{plain[:5]}-{plain[5:]}"


@dataclass(frozen=True)
class AccessClaims:
    user_id: str
    sign_in_id: str


class AccessTokens:
    """Short-lived HS256 JWTs naming the account and the sign-in (refresh-token family)."""

    def __init__(self, secret: str, minutes: int) -> None:
        self._secret = secret
        self.lifetime = timedelta(minutes=minutes)

    def issue(self, user_id: str, sign_in_id: str) -> str:
        now = datetime.now(UTC)
        claims = {
            "sub": user_id,
            "sid": sign_in_id,
            "typ": "access",
            "iat": now,
            "exp": now + self.lifetime,
        }
        return jwt.encode(claims, self._secret, algorithm=_ALGORITHM)

    def read(self, token: str) -> AccessClaims | None:
        """The claims of a valid, unexpired token; None for anything else."""
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[_ALGORITHM],
                options={"require": ["sub", "sid", "exp"]},
            )
        except jwt.PyJWTError:
            return None
        if claims.get("typ") != "access":
            return None
        return AccessClaims(user_id=str(claims["sub"]), sign_in_id=str(claims["sid"]))

    def code_digest(self, code: str) -> str:
        """Short codes are keyed with the server secret: a leaked table cannot be brute-forced."""
        return hmac.new(self._secret.encode(), code.encode(), hashlib.sha256).hexdigest()


class SecretBox:
    """Encrypts the secrets the server must read back, such as authenticator-app keys (which,
    unlike passwords, cannot be hashed). Fernet (AES-CBC with an HMAC) under a key derived from
    the server's data key, which lives outside the database: a copied database alone gives
    none of them away."""

    def __init__(self, key: str) -> None:
        derived = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"flowin-cloud secret box"
        ).derive(key.encode())
        self._fernet = Fernet(base64.urlsafe_b64encode(derived))
        # Its own key from the same data key: finding a row by a secret it encrypts.
        self._lookup_key = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"flowin-cloud lookup hash"
        ).derive(key.encode())

    def seal(self, plain: str) -> str:
        return self._fernet.encrypt(plain.encode()).decode()

    def lookup_hash(self, plain: str) -> str:
        """A keyed hash (HMAC-SHA256) of a sealed secret, by which its row is found: unlike a
        plain hash, a copied database alone cannot be checked against guesses."""
        return hmac.new(self._lookup_key, plain.encode(), hashlib.sha256).hexdigest()

    def open(self, sealed: str) -> str | None:
        """The plain secret; None when it was sealed under another data key."""
        try:
            return self._fernet.decrypt(sealed.encode()).decode()
        except InvalidToken:
            return None


def load_or_create_secret(path: Path) -> str:
    """A server secret (the JWT secret, the data key) kept in ``path`` (0600), created on
    first start."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another server process started at the same moment
        return path.read_text().strip()
    with os.fdopen(descriptor, "w") as file:
        file.write(secret)
    return secret
