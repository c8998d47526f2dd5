"""The connector kit: everything a connector needs from Flowin, in one place.

A connector imports this package (and its own modules and its vendor's SDK), nothing else of
Flowin and no other connector; ``tests/connectors/test_connector_imports.py`` holds them to it.
What two connectors share lives here too: ``flowin_engine.kit.google`` (a Google account and
Google's REST APIs, for Sheets and Gmail) and ``flowin_engine.kit.mail`` (an e-mail message
built from a step's fields, for E-mail and Gmail).
"""

from __future__ import annotations

from ..errors import (
    AccountRejected,
    ExpressionError,
    FlowinError,
    PrivateAddressRefused,
    Problem,
    RetryableError,
    StepError,
    StepTimeout,
    StoppedByFlow,
)
from ..expressions import to_datetime
from ..model import ERROR_PORT
from ..polling import PollContext, PolledItem, PollResult
from ..steps import Emit, ForEach, StepContext, Wait
from ..webhooks import (
    GateContext,
    WebhookRejected,
    WebhookReply,
    WebhookRequest,
    fresh_timestamp,
    meta_webhook_gate,
    require_signature,
    verify_signature,
)
from ._addresses import (
    AddressPolicy,
    address_policy,
    guard_session,
    http_client_options,
    is_public,
    open_connection,
    refused_address,
    set_address_policy,
    system_resolver,
)
from ._client import (
    DEFAULT_ANSWER_MB,
    MB,
    AnswerTooLarge,
    answer_limit,
    service_client,
    user_agent,
)
from ._fields import (
    SECRET,
    Text,
    account_field,
    checked_secret_key,
    json_value,
    metadata_pairs,
    trigger_secret,
    web_address,
)
from ._service import TEMPLATES as SERVICE_SENTENCES
from ._service import MessageAt, Service, message_in, retry_after, too_many_requests

__all__ = [
    "DEFAULT_ANSWER_MB",
    "ERROR_PORT",
    "MB",
    "SECRET",
    "SERVICE_SENTENCES",
    "AccountRejected",
    "AddressPolicy",
    "AnswerTooLarge",
    "Emit",
    "ExpressionError",
    "FlowinError",
    "ForEach",
    "GateContext",
    "MessageAt",
    "PollContext",
    "PollResult",
    "PolledItem",
    "PrivateAddressRefused",
    "Problem",
    "RetryableError",
    "Service",
    "StepContext",
    "StepError",
    "StepTimeout",
    "StoppedByFlow",
    "Text",
    "Wait",
    "WebhookRejected",
    "WebhookReply",
    "WebhookRequest",
    "account_field",
    "address_policy",
    "answer_limit",
    "checked_secret_key",
    "fresh_timestamp",
    "guard_session",
    "http_client_options",
    "is_public",
    "json_value",
    "message_in",
    "meta_webhook_gate",
    "metadata_pairs",
    "open_connection",
    "refused_address",
    "require_signature",
    "retry_after",
    "service_client",
    "set_address_policy",
    "system_resolver",
    "to_datetime",
    "too_many_requests",
    "trigger_secret",
    "user_agent",
    "verify_signature",
    "web_address",
]
