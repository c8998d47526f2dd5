"""The webhook trigger and its reply: the reference for every connector's webhook trigger.

The runtime's listener calls ``receive_webhook`` (the gate) before it accepts a request, then
starts the flow with the request as trigger data; ``respond`` sets what the caller gets back
when the trigger waits for the flow.
"""

from __future__ import annotations

import hmac
from typing import Any, Literal

from pydantic import BaseModel, Field

from flowin_engine.kit import (
    SECRET,
    GateContext,
    StepContext,
    WebhookRejected,
    WebhookRequest,
    require_signature,
)


class WebhookSecret(BaseModel):
    secret: str = Field(title="Secret", json_schema_extra=SECRET)


class ReceiveInput(BaseModel):
    path: str = Field(
        "",
        title="Path",
        description="Leave empty for a private, unguessable address; or choose your own path.",
    )
    method: Literal["ANY", "GET", "POST", "PUT", "PATCH", "DELETE"] = Field(
        "POST", title="Method", description="Which kind of request starts the flow."
    )
    respond: Literal["immediately", "when_done"] = Field(
        "immediately",
        title="Respond",
        description="Answer at once (202, the run continues), or wait for the flow and answer "
        "with its 'Respond to webhook' step.",
    )
    verify: Literal["none", "shared_secret", "hmac"] = Field(
        "none",
        title="Check the sender",
        description="Refuse requests without the secret, or without a valid HMAC signature.",
    )
    connection: str | None = Field(
        None,
        title="Secret",
        description="The stored secret used to check the sender.",
        json_schema_extra={"widget": "connection", "connector": "webhook"},
    )
    header: str = Field(
        "X-Signature",
        title="Header",
        description="The request header that carries the secret or the signature.",
    )
    algorithm: Literal["sha256", "sha1", "sha512"] = Field("sha256", title="Algorithm")
    encoding: Literal["hex", "base64"] = Field("hex", title="Signature encoding")
    prefix: str = Field("", title="Signature prefix", description="e.g. sha256= for GitHub.")


class RespondInput(BaseModel):
    status: int = Field(200, ge=100, le=599, title="Status code")
    headers: dict[str, str] = Field(
        default_factory=dict, title="Headers", json_schema_extra={"widget": "key_value"}
    )
    body: Any = Field(None, title="Body", json_schema_extra={"widget": "fields"})


def receive(params: ReceiveInput, ctx: StepContext) -> Any:
    return ctx.trigger_data


def receive_webhook(params: ReceiveInput, request: WebhookRequest, ctx: GateContext) -> None:
    if params.method != "ANY" and request.method != params.method:
        raise WebhookRejected(f"This webhook only accepts {params.method} requests.", status=405)
    if params.verify == "none":
        return
    secret = ctx.credential(params.connection).get("secret")
    if params.verify == "shared_secret":
        if not secret:
            raise WebhookRejected("Webhook: no secret is set for this trigger.", status=403)
        given = (request.header(params.header) or "").encode()
        if not hmac.compare_digest(given, secret.encode()):
            raise WebhookRejected("Webhook: the request's secret is wrong; it was ignored.")
        return
    require_signature(
        secret,
        request.body,
        request.header(params.header),
        service="Webhook",
        algorithm=params.algorithm,
        encoding=params.encoding,
        prefix=params.prefix,
    )


def respond(params: RespondInput, ctx: StepContext) -> dict[str, Any]:
    return {"status": params.status, "headers": params.headers, "body": params.body}
