"""Webhook requests to a cloud-run flow's public address: checked as on the computer, then
written as the flow's run in the transaction that keeps the request.

The relay (flowin_cloud/relay.py) keeps every request to ``/hooks/<token>`` and hands it on;
for a flow that runs in the cloud it calls ``accept_for_cloud`` inside the transaction that
commits the request, so the request and the run's job are committed together (or neither is).
Checks are the engine's own: the nesting limit and the connector's signature gate, with the
connected account the owner uploaded for cloud runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from flowin_engine.errors import FlowinError
from flowin_engine.model import Flow
from flowin_engine.registry import Registry, default_registry
from flowin_engine.webhooks import GateContext, WebhookRejected, WebhookReply, WebhookRequest

from ..models import CloudFlow
from .jobs import add_job

Credential = Callable[[str | None], dict[str, Any]]


def runs_in_cloud(session: Session, owner_id: str, flow_id: str) -> CloudFlow | None:
    """The flow when it runs in the cloud; None when its owner's computers run it."""
    flow = session.get(CloudFlow, (owner_id, flow_id))
    if flow is None or flow.deleted or not flow.cloud_run:
        return None
    return flow


def accept_for_cloud(
    session: Session,
    flow_row: CloudFlow,
    node_id: str,
    request: WebhookRequest,
    run_id: str,
    credential: Credential | None = None,
    registry: Registry | None = None,
) -> WebhookReply:
    """Checks ``request`` as the computer would and adds its run (id ``run_id``) to the
    session's transaction; the caller commits both. A request refused (too deeply nested, a
    signature that does not match) or answered by the connector itself (a handshake) adds
    nothing and gets the reply the sender should see."""
    registry = registry or default_registry()
    try:
        request.check_nesting()
        flow = Flow.from_json(flow_row.definition)
        node = flow.node(node_id)
        node_type = registry.get(node.type)
        params = node_type.input_model.model_validate(node.params)
        if node_type.webhook_gate is not None:
            reply = node_type.webhook_gate(params, request, GateContext(credential or _none))
            if reply is not None:
                return reply
    except WebhookRejected as rejected:
        return WebhookReply(status=rejected.status, body={"detail": str(rejected)})
    except (FlowinError, KeyError, ValueError):
        return WebhookReply(
            status=404, body={"detail": "No webhook of a flow that can run listens here."}
        )
    add_job(session, flow_row.owner_id, flow_row.id, "webhook", request.as_trigger_data(), run_id)
    return WebhookReply(status=202, body={"event_id": run_id})


def webhook_trigger(definition: str, registry: Registry | None = None) -> str | None:
    """The id of the flow's webhook trigger; None when it starts otherwise (or is broken)."""
    from flowin_engine.registry import TriggerKind

    registry = registry or default_registry()
    try:
        flow = Flow.from_json(definition)
        for node in flow.nodes:
            node_type = registry.get(node.type)
            if node_type.is_trigger:
                return node.id if node_type.trigger_kind == TriggerKind.WEBHOOK else None
    except (FlowinError, KeyError, ValueError):
        return None
    return None


def _none(connection_id: str | None) -> dict[str, Any]:
    raise FlowinError("This trigger needs a connected account uploaded for cloud runs.")
