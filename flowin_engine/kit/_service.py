"""A service's failures in words: one mapping from an HTTP answer or a lost connection to a
sentence the user can act on, for every connector that calls a web API.

A connector declares its service once (its name, its host, where its answers carry their error
message) and lets the kit word the common cases: a refused account, too many requests, a
service in trouble, an answer that never came. It words only what is its own (a 404 that means
"share the database with the integration") before handing the rest to ``Service.failure``.

Repeating, one policy for every operation. The manifest says whether an operation may be run
again (``repeat_safe``) and the operation says the same to each call (``sends=True`` for a call
that does something a repeat would do twice: a message sent, a record created). A call that
changes nothing (GET, and PUT/DELETE, idempotent by RFC 9110 9.2.2) is tried again after any
passing failure. A send is tried again only when the request certainly did not reach the
service: no connection was made (refused, DNS, a connect or pool timeout), or a 429, which says
the service did not act on it (RFC 6585). After a 5xx (503 included: a gateway in front of the
service answers 502/503/504 when the service itself may have acted), or a connection lost or
timed out once the request was sent, it may have been done: the step fails with a sentence
saying so, and the user checks before running it again by hand. An API that offers an
idempotency key makes a send repeat-safe when the key stays the same across attempts: Stripe
(``Idempotency-Key``); of the other services' descriptions only Twilio's payments
(``IdempotencyKey``, not its messages) have one, and WhatsApp, Telegram and Slack none.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import AccountRejected, Problem, RetryableError, StepError, StepTimeout
from ._client import AnswerTooLarge, service_client

if TYPE_CHECKING:
    import httpx

# Where an answer's error message is: dotted paths into its JSON ("error.message",
# "errors[0].detail"), tried in order; or a function of the JSON that returns the message.
MessageAt = str | Sequence[str] | Callable[[Any], Any]

_Error = TypeVar("_Error", bound=StepError)
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
# The longest vendor message a sentence quotes.
MESSAGE_LENGTH = 300


# The kit's sentences; the app shows them in the user's language (EngineMessages).
UNREACHABLE = "{service}: can't reach {host}; check the internet connection."
UNANSWERED_SEND = (
    "{service} didn't answer after the request was sent ({kind}); it may have been done, so "
    "Flowin didn't repeat it. Check {service} before running the step again."
)
UNANSWERED = "{service} didn't answer in time; Flowin will try again."
BROKE_OFF = "{service}: the connection broke off ({kind}); Flowin will try again."
ACCOUNT_REFUSED = (
    "{service} didn't accept the connected account ({reason}); reconnect the account in Accounts."
)
FORBIDDEN = (
    "{service}: the connected account may not do this ({reason}); reconnect it with the access "
    "this step needs."
)
TROUBLE_AFTER_SEND = (
    "{service} had a problem ({status}: {reason}) after the request was sent; it may have been "
    "done, so Flowin didn't repeat it. Check {service} before running the step again."
)
TROUBLE = "{service} had a problem ({status}: {reason}); Flowin will try again."
REFUSED = "{service} refused the request: {reason}."
TOO_MANY = "{service}: too many requests for now; Flowin will try again after a pause."
TOO_MANY_SECONDS = "{service}: too many requests for now; it asks to wait {seconds} seconds."
TOO_MANY_MINUTES = "{service}: too many requests for now; it asks to wait {minutes} minutes."
# A successful answer that is no JSON object (a proxy's page, a truncated body): not the
# service's own words, so they stay English like the rest of a vendor's oddities.
NOT_JSON = "{service} answered with something other than JSON."
NOT_JSON_AFTER_SEND = (
    "{service} answered with something other than JSON after the request was sent; it may have "
    "been done, so Flowin didn't repeat it. Check {service}'s dashboard."
)
TEMPLATES = (
    UNREACHABLE,
    UNANSWERED_SEND,
    UNANSWERED,
    BROKE_OFF,
    ACCOUNT_REFUSED,
    FORBIDDEN,
    TROUBLE_AFTER_SEND,
    TROUBLE,
    REFUSED,
    TOO_MANY,
    TOO_MANY_SECONDS,
    TOO_MANY_MINUTES,
)


class Service:
    """One web service as its connector declares it; words every failure the same way."""

    def __init__(
        self,
        name: str,
        *,
        host: str,
        message_at: MessageAt = ("error.message", "message"),
        rejected: str | None = None,
        unsure: str | None = None,
        sentences: Sequence[str] = (),
    ) -> None:
        """``name`` starts every sentence ("Notion"); ``host`` is named when it can't be reached
        and the failed request doesn't say where it went (an SDK's error); ``rejected`` is the connector's own sentence for an account the
        service refuses (it can name the key to copy again), else the kit's; ``unsure`` its own
        sentence for a send that got no answer (it can say what may have been sent);
        ``sentences`` the connector's other sentences for its service's answers (a hint on what
        to change), with {placeholders} for what the answer fills in ({title}: a setting's
        title; {reason}: another such sentence), so the app can show them translated."""
        self.name = name
        self.host = host
        self.message_at = message_at
        self.rejected = rejected
        self.unsure = unsure
        self.sentences = tuple(sentences)

    # Calls.

    def send(
        self,
        method: str,
        url: str | httpx.URL,
        *,
        timeout: float,
        sends: bool = False,
        **request: Any,
    ) -> httpx.Response:
        """One request through the shared client; an answer of any status is returned, a lost
        connection raised as a sentence. ``sends`` says a repeat could do the thing twice."""
        import httpx  # loaded with the first request, not with the app (service_client's too)

        try:
            return service_client().request(method, url, timeout=timeout, **request)
        except AnswerTooLarge:
            raise
        except httpx.HTTPError as error:
            raise self.unanswered(error, sends=sends) from None

    def call_json(
        self,
        method: str,
        url: str | httpx.URL,
        *,
        timeout: float,
        sends: bool = False,
        failure: Callable[[httpx.Response], StepError] | None = None,
        empty_if_not_object: bool = False,
        **request: Any,
    ) -> dict[str, Any]:
        """One request whose answer is a JSON object, returned. A failed answer is raised as
        ``failure`` words it (the connector's own cases, then ``Service.failure``), else as
        ``Service.failure`` does. A successful answer that is no JSON object is ``{}`` when
        ``empty_if_not_object`` (a 204, an API that answers a bare list), else an error: tried
        again, unless a send may already have been done."""
        response = self.send(method, url, timeout=timeout, sends=sends, **request)
        if response.status_code >= 300:
            raise failure(response) if failure else self.failure(response, sends=sends)
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if isinstance(answer, dict):
            return answer
        if empty_if_not_object:
            return {}
        if sends:
            raise StepError(NOT_JSON_AFTER_SEND.format(service=self.name))
        raise RetryableError(NOT_JSON.format(service=self.name))

    # Failures.

    def unanswered(self, error: Exception, *, sends: bool) -> StepError:
        """The request got no answer: trying again is safe when it never left, or can't do the
        thing twice; otherwise the user checks first."""
        import httpx

        args = {
            "service": self.name,
            "host": _host(error) or self.host,
            "kind": type(error).__name__,
        }
        never_sent = isinstance(
            error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout
        )
        if never_sent or _never_connected(error):
            return _with(RetryableError, UNREACHABLE, args)
        if sends and self.unsure:
            return StepError(self.unsure)
        if sends:
            return _with(StepError, UNANSWERED_SEND, args)
        if isinstance(error, httpx.TimeoutException | TimeoutError):
            return _with(StepTimeout, UNANSWERED, args)
        return _with(RetryableError, BROKE_OFF, args)

    def failure(
        self,
        response: httpx.Response,
        *,
        sends: bool = False,
        status: int | None = None,
        message: str | None = None,
        wait: float | None = None,
    ) -> StepError:
        """A failed answer as a sentence. ``status`` replaces the answer's when the service
        says more in its body (a rate limit under 403); ``message`` replaces the one found by
        ``message_at``; ``wait`` is a wait the service gave in its body (Retry-After is read
        here)."""
        if wait is None:
            wait = retry_after(response.headers.get("retry-after"))
        return self.refused(
            status or response.status_code,
            message or self.message(response),
            sends=sends,
            wait=wait,
        )

    def refused(
        self, status: int, message: str, *, sends: bool = False, wait: float | None = None
    ) -> StepError:
        """The same as ``failure`` for an SDK's error that carries a status and a message."""
        args = {"service": self.name, "status": str(status), "reason": _quoted(message)}
        if status == 401:
            if self.rejected:
                return AccountRejected(self.rejected)
            return _with(AccountRejected, ACCOUNT_REFUSED, args)
        if status == 429:
            return too_many_requests(self.name, wait)
        if status == 403:
            error = _with(StepError, FORBIDDEN, args)
            error.setting = "connection"
            return error
        if status >= 500:
            if sends:
                return _with(StepError, TROUBLE_AFTER_SEND, args)
            return _with(RetryableError, TROUBLE, args)
        return _with(StepError, REFUSED, args)

    def message(self, response: httpx.Response) -> str:
        """The service's own error message in its answer, else the status's standard words."""
        try:
            answer = response.json()
        except ValueError:
            answer = None
        found = message_in(answer, self.message_at)
        if found:
            return found
        import httpx

        return httpx.codes.get_reason_phrase(response.status_code) or str(response.status_code)


def message_in(answer: Any, where: MessageAt) -> str:
    """The error message found in an answer's JSON, or "" when it has none there."""
    if callable(where):
        try:
            found = where(answer)
        except (LookupError, TypeError, AttributeError, ValueError):
            found = None
    else:
        paths = [where] if isinstance(where, str) else list(where)
        found = next((v for v in (_at(answer, p) for p in paths) if _usable(v)), None)
    if not _usable(found):
        return ""
    return " ".join(str(found).split()).rstrip(".")


def too_many_requests(service: str, wait: float | None) -> RetryableError:
    """A 429 in words, with the wait the service asked for."""
    args = {"service": service}
    if not wait:
        template = TOO_MANY
    elif wait <= 90:
        args["seconds"] = str(max(1, math.ceil(wait)))
        template = TOO_MANY_SECONDS
    else:
        args["minutes"] = str(math.ceil(wait / 60))
        template = TOO_MANY_MINUTES
    error = _with(RetryableError, template, args)
    error.retry_after = wait
    return error


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())


def _with(kind: type[_Error], template: str, args: dict[str, str]) -> _Error:
    """An error whose sentence the app can show in the user's language."""
    problem = Problem(template, args=args)
    error = kind(problem.message)
    error.problem = problem
    return error


def _at(answer: Any, path: str) -> Any:
    value = answer
    for key, index in _STEP.findall(path):
        if key and isinstance(value, dict):
            value = value.get(key)
        elif index and isinstance(value, list) and int(index) < len(value):
            value = value[int(index)]
        else:
            return None
    return value


def _usable(value: Any) -> bool:
    return (
        isinstance(value, str | int | float)
        and not isinstance(value, bool)
        and str(value).strip() != ""
    )


def _quoted(message: str) -> str:
    message = message.strip().rstrip(".")
    return message if len(message) <= MESSAGE_LENGTH else message[: MESSAGE_LENGTH - 1] + "…"


def _host(error: Exception) -> str:
    """The server the lost request went to, as the user gave it (an API address may be their own)."""
    try:
        url = error.request.url  # type: ignore[attr-defined]
    except (AttributeError, RuntimeError):  # httpx raises RuntimeError for an error without one
        return ""
    return f"{url.host}:{url.port}" if url.port else url.host


def _never_connected(error: Exception) -> bool:
    """A lower-level error (an SDK's) that says no connection was made."""
    text = repr(error)
    return "NewConnectionError" in text or "NameResolutionError" in text
