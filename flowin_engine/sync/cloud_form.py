"""The cloud form of a flow: what is sent to the cloud account and compared with it.

It is the flow as shared (``sharing.shareable``: secrets typed into steps never leave this
computer) without what each computer keeps for itself: pinned outputs (test data) and the
status (each computer decides which flows it runs, so a schedule never runs on two at once).
The times are sent but do not count as a change.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..model import Flow, FlowStatus
from ..registry import Registry
from ..sharing import shareable

_LOCAL_ONLY = ("status", "pinned")
_NOT_COMPARED = ("created_at", "updated_at")


def cloud_form(flow: Flow, registry: Registry | None = None) -> dict[str, Any]:
    """The definition to send: the flow without secrets, pins or status."""
    copy, _ = shareable(flow, registry)
    data: dict[str, Any] = json.loads(copy.to_json(indent=None))
    for key in _LOCAL_ONLY:
        data.pop(key, None)
    return data


def form_hash(form: dict[str, Any]) -> str:
    """A fingerprint of a cloud form; equal forms (times aside) have equal hashes."""
    compared = {key: value for key, value in form.items() if key not in _NOT_COMPARED}
    text = json.dumps(compared, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def definition_hash(definition: dict[str, Any], registry: Registry | None = None) -> str:
    """The hash of a definition from the cloud, read as a flow and put in cloud form again
    (so defaults and key order do not count)."""
    return form_hash(cloud_form(Flow.from_data(definition), registry))


def pulled(
    definition: dict[str, Any],
    flow_id: str,
    local: Flow | None,
    registry: Registry | None = None,
) -> Flow:
    """The flow to save here from the cloud's ``definition``.

    Over a local copy it keeps that copy's status, pinned outputs and the secrets it had where
    the cloud's value is the emptied one; a flow new here arrives as a draft.
    """
    data = {key: value for key, value in definition.items() if key not in _LOCAL_ONLY}
    data["id"] = flow_id
    flow = Flow.from_data(data)
    if local is None:
        return flow.model_copy(update={"status": FlowStatus.DRAFT})
    shared, _ = shareable(local, registry)
    mine = {node.id: node for node in local.nodes}
    mine_shared = {node.id: node for node in shared.nodes}
    nodes = []
    for node in flow.nodes:
        if node.id in mine:
            params = _restored(node.params, mine[node.id].params, mine_shared[node.id].params)
            node = node.model_copy(update={"params": params})
        nodes.append(node)
    return flow.model_copy(
        update={
            "nodes": nodes,
            "status": local.status,
            "pinned": {key: pin for key, pin in local.pinned.items() if key in mine},
            "created_at": local.created_at,
        }
    )


def _restored(theirs: Any, mine: Any, mine_shared: Any) -> Any:
    """``theirs`` with my secret put back wherever sharing took it out of mine and theirs
    still holds what sharing left (an emptied value, a missing key, a URL without it)."""
    if isinstance(theirs, dict) and isinstance(mine, dict) and isinstance(mine_shared, dict):
        merged = dict(theirs)
        for key, value in mine.items():
            if key not in mine_shared:
                if key not in theirs:
                    merged[key] = value
            elif key in theirs:
                merged[key] = _restored(theirs[key], value, mine_shared[key])
        return merged
    if (
        isinstance(theirs, list)
        and isinstance(mine, list)
        and isinstance(mine_shared, list)
        and len(theirs) == len(mine) == len(mine_shared)
    ):
        return [_restored(*items) for items in zip(theirs, mine, mine_shared, strict=True)]
    if mine != mine_shared and theirs == mine_shared:
        return mine
    return theirs
