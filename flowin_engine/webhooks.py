"""What a webhook trigger sees of an HTTP request, and the one mechanism for checking signatures.

A connector's webhook trigger is an operation of kind "webhook" (it turns the request into the
flow's trigger data). Its manifest entry may name a ``webhook_gate(params, request, ctx)`` (it
must, when the connector has an account): the gate the listener calls before it accepts a
request. The gate raises ``WebhookRejected`` for a bad signature, returns a ``WebhookReply`` to
answer at once without starting the flow (a handshake, an event the trigger doesn't want), or
returns None to accept.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import orjson

from .errors import FlowinError

# Real webhooks nest a few levels; thousands of levels is an attack that would overflow the
# recursion of everything that walks the data later (saving it, masking secrets, expressions).
MAX_NESTING = 64

_UNREAD: Any = object()  # a request whose body is not read yet


@dataclass(frozen=True, slots=True)
class WebhookRequest:
    method: str
    path: str
    url: str  # as the sender sees it (the public URL behind a tunnel, when one is set)
    headers: Mapping[str, str]  # lower-case names
    query: Mapping[str, str]
    body: bytes = b""
    _json: Any = field(default=_UNREAD, init=False, repr=False, compare=False)

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.lower(), default)

    @property
    def content_type(self) -> str:
        return (self.header("content-type") or "").split(";")[0].strip().lower()

    def json(self) -> Any:
        """The body as ``json.loads`` reads it (``parse_json``), None when it is not JSON.

        Read once: the nesting check, the gate and the trigger data share it."""
        parsed = self._json
        if parsed is _UNREAD:
            parsed = parse_json(self.body) if self.body else None
            object.__setattr__(self, "_json", parsed)
        return parsed

    def check_nesting(self, limit: int = MAX_NESTING) -> None:
        """Raise WebhookRejected (400) for a JSON body nested deeper than ``limit`` levels.

        Forms and query strings are flat; text that is not JSON stays text.
        """
        if self.body.count(b"[") + self.body.count(b"{") <= limit:
            return  # too few brackets to be that deep: no need to parse
        try:
            too_deep = deeper_than(self.json(), limit)
        except RecursionError:  # json reads what orjson finds too deep with Python's stack
            too_deep = True
        if too_deep:
            raise WebhookRejected(
                f"The request's data is nested more than {limit} levels deep, which Flowin "
                "doesn't accept; it was not run.",
                status=400,
            )

    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode("utf-8", "replace"), keep_blank_values=True))

    def parsed_body(self) -> Any:
        """JSON for JSON, a dict for forms, text otherwise."""
        if self.content_type == "application/json" or self.content_type.endswith("+json"):
            parsed = self.json()
            if parsed is not None:
                return parsed
        if self.content_type == "application/x-www-form-urlencoded":
            return self.form()
        text = self.body.decode("utf-8", "replace")
        parsed = self.json() if text[:1] in "{[" else None
        return parsed if parsed is not None else text

    def as_trigger_data(self) -> dict[str, Any]:
        """What the flow's {{ trigger }} holds for a plain webhook."""
        return {
            "method": self.method,
            "path": self.path,
            "headers": dict(self.headers),
            "query": dict(self.query),
            "body": self.parsed_body(),
        }


# 19 digits or more in a row: an integer orjson would read as a float (past 64 bits), or a
# number whose digits it might round otherwise than json. Found by turning every digit into
# "0" and everything else into a space, which is many times faster than a regular expression.
_DIGITS_AS_ZEROS = bytes(ord("0") if ord("0") <= b <= ord("9") else ord(" ") for b in range(256))
_LONG_NUMBER = b"0" * 19


def parse_json(body: bytes) -> Any:
    """``json.loads(body)``, None for a body that is not JSON. orjson reads it where it gives
    the same value, several times faster; what orjson refuses (NaN, a byte-order mark, text
    in UTF-16, a lone surrogate) or might read otherwise (long numbers) is read by json."""
    if _LONG_NUMBER not in body.translate(_DIGITS_AS_ZEROS):
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError:
            pass
    try:
        return json.loads(body)
    except ValueError:
        return None


_PATH_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
# The longest delivery id taken: vendors' ids are tens of characters.
DELIVERY_ID_LENGTH = 200


def delivery_id(request: WebhookRequest, where: str | None) -> str | None:
    """The id the vendor gives this delivery, found where the trigger's manifest says
    (``delivery_id``): "header:x-shopify-webhook-id", "body:id" or a path into the body
    ("body:entry[0].changes[0].value.messages[0].id"; a form's field by its name). The vendor
    sends a delivery again with the same id; None when there is no such id. Places joined by
    " + " make one id of their values, for a vendor whose id names the thing a delivery is
    about rather than the delivery (WhatsApp sends a message's id with each of its statuses).
    "digest:body" is the SHA-256 of the body, for a vendor that gives its deliveries no id
    (Salla, Zid) but sends one again byte for byte."""
    if not where:
        return None
    parts = [_delivery_part(request, place.strip()) for place in where.split(" + ")]
    if any(part is None for part in parts):
        return None
    return " ".join(str(part) for part in parts)[:DELIVERY_ID_LENGTH]


def _delivery_part(request: WebhookRequest, where: str) -> str | None:
    kind, _, name = where.partition(":")
    if kind == "digest":
        return "sha256-" + hashlib.sha256(request.body).hexdigest() if request.body else None
    if kind == "header":
        value: Any = request.header(name)
    else:
        value = request.parsed_body()
        for key, index in _PATH_STEP.findall(name):
            if key and isinstance(value, dict):
                value = value.get(key)
            elif index and isinstance(value, list) and int(index) < len(value):
                value = value[int(index)]
            else:
                return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    value = str(value).strip()
    return value[:DELIVERY_ID_LENGTH] or None


def deeper_than(value: Any, limit: int) -> bool:
    """Whether ``value`` has more than ``limit`` levels of lists and objects.

    A level at a time, without recursion; only lists and objects are kept for the next level.
    """
    level = [value] if type(value) is dict or type(value) is list else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        below: list[Any] = []
        for item in level:
            for child in item.values() if type(item) is dict else item:
                if type(child) is dict or type(child) is list:
                    below.append(child)
        level = below
    return False


@dataclass(frozen=True, slots=True)
class WebhookReply:
    status: int = 200
    body: Any = None  # dict/list → JSON; str → text; bytes as they are
    headers: dict[str, str] = field(default_factory=dict)


class WebhookRejected(FlowinError):
    """The request is not from who it claims to be (or is malformed): answered, never run."""

    def __init__(self, message: str, status: int = 401) -> None:
        super().__init__(message)
        self.status = status


@dataclass(slots=True)
class GateContext:
    """What a webhook gate may use besides the request: the step's connected account."""

    credential: Callable[[str | None], dict[str, Any]]

    def account_value(self, connection: str | None, field: str, *, service: str) -> str:
        """One value saved in the step's account (a signing secret), trimmed; "" when it isn't
        set. An account that can't be read refuses the request (403), saying why."""
        try:
            return str(self.credential(connection).get(field) or "").strip()
        except FlowinError as error:
            raise WebhookRejected(f"{service}: {error}", status=403) from None


def sign(secret: str | bytes, message: bytes, algorithm: str = "sha256") -> bytes:
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, message, getattr(hashlib, algorithm)).digest()


def verify_signature(
    secret: str | bytes,
    message: bytes,
    signature: str | None,
    *,
    algorithm: str = "sha256",
    encoding: str = "hex",
    prefix: str = "",
) -> bool:
    """Constant-time check of an HMAC signature header (Shopify, GitHub, Meta, Slack, Stripe)."""
    if not signature or not signature.startswith(prefix):
        return False
    digest = sign(secret, message, algorithm)
    expected = base64.b64encode(digest).decode() if encoding == "base64" else digest.hex()
    return hmac.compare_digest(expected, signature[len(prefix) :].strip())


# How a refused signature reads (to the sender, and in the run history, where the app shows
# it in the user's language): what the shop owner can check, not how signing works.
NO_SIGNING_SECRET = (
    "{service}: no signing secret is saved in its account in Flowin, so Flowin can't "
    "tell whether the request really came from {service}."
)
SIGNATURE_MISMATCH = (
    "{service}: the request's signature doesn't match the webhook signing secret saved in Flowin, "
    "so it was ignored. If {service} really sent it, copy the signing secret again from "
    "{service} into its account in Flowin."
)


def require_signature(
    secret: str | bytes | None,
    message: bytes,
    signature: str | None,
    *,
    service: str,
    **options: Any,
) -> None:
    """Raise WebhookRejected unless ``signature`` is right; a missing secret is the user's to fix."""
    if not secret:
        raise WebhookRejected(NO_SIGNING_SECRET.format(service=service), status=403)
    if not verify_signature(secret, message, signature, **options):
        raise WebhookRejected(SIGNATURE_MISMATCH.format(service=service))


def meta_webhook_gate(
    request: WebhookRequest,
    *,
    verify_token: str | None,
    app_secret: str | None,
    service: str,
) -> WebhookReply | None:
    """Meta's webhook gate (WhatsApp, Instagram, Messenger): the GET verification handshake
    answered with its challenge when the verify token matches, a POST accepted (None) only when
    its X-Hub-Signature-256 is right; anything else is refused."""
    if request.method == "GET":
        token = request.query.get("hub.verify_token") or ""
        if (
            request.query.get("hub.mode") == "subscribe"
            and verify_token
            and hmac.compare_digest(token.encode(), verify_token.encode())
        ):
            return WebhookReply(
                200, request.query.get("hub.challenge", ""), {"Content-Type": "text/plain"}
            )
        raise WebhookRejected(
            f"{service}: the verify token doesn't match this trigger's.", status=403
        )
    if request.method != "POST":
        raise WebhookRejected(f"Meta sends {service} webhooks with POST.", status=405)
    require_signature(
        app_secret,
        request.body,
        request.header("x-hub-signature-256"),
        service=service,
        prefix="sha256=",
    )
    return None


def fresh_timestamp(value: str | int | None, tolerance: float = 300.0) -> bool:
    """Whether a signed timestamp is recent, so an old signed request can't be replayed."""
    try:
        return abs(time.time() - float(value)) <= tolerance  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
