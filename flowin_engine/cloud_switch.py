"""Switching a flow between this computer and the cloud account: the one way the command line
(``flowin flows cloud-run NAME on|off``) and the app both do it.

``cloud_run_plan`` syncs the flow and says which connected accounts it uses, so the owner can
be asked before their secrets leave this computer; ``turn_cloud_run_on`` uploads exactly those
(encrypted there, opened only to run a step) and turns running in the cloud on;
``turn_cloud_run_off`` brings the flow back to the computers, and the cloud deletes the copies
of the accounts no other cloud-run flow uses. Both note the flow's place in this computer's
store (``cloud_run.note_cloud_run``), so its runtime leaves the trigger to the cloud at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .cloud_run import note_cloud_run
from .credentials import Connections
from .errors import FlowinError, NotFound
from .store import Store
from .sync import CloudClient, RequestRejected, Sync


class NotInCloudAccount(FlowinError):
    """The cloud account does not have the flow even after a sync (it is a conflict, or the
    sync could not send it)."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            f"'{name}' is not in your cloud account yet; sync your flows, then try again."
        )


class AccountNotHere(FlowinError):
    """A connected account the flow uses is not on this computer, or its secret is missing,
    so it cannot be uploaded."""

    def __init__(self, label: str, connector: str) -> None:
        self.label, self.connector = label, connector
        super().__init__(
            f"The account '{label}' ({connector}) that this flow uses can't be read on this "
            "computer; connect it again in the step's settings, then try again."
        )


@dataclass(frozen=True)
class NeededAccount:
    """A connected account a flow's steps use, as the owner knows it on this computer."""

    connection_id: str
    connector: str  # "whatsapp", "shopify", …
    label: str  # the name the owner gave it here; its id when it is not here any more
    on_this_computer: bool
    uploaded: bool  # the cloud already keeps a copy


@dataclass(frozen=True)
class CloudRunPlan:
    """Where a flow runs, and what running it in the cloud uploads."""

    flow_id: str
    name: str
    in_cloud: bool
    accounts: list[NeededAccount]
    public_url: str | None = None


def cloud_run_plan(
    store: Store, connections: Connections, client: CloudClient, flow_id: str
) -> CloudRunPlan:
    """Syncs the flows (the cloud decides from its own copy which accounts a flow uses, so it
    must be the flow as saved here), then asks the cloud where the flow runs."""
    flow = store.flows.get(flow_id)
    _sync(store, client)
    try:
        answer = client.cloud_run(flow.id)
    except RequestRejected as refusal:
        if refusal.status == 404:
            raise NotInCloudAccount(flow.name) from refusal
        raise
    return _plan(connections, flow.id, flow.name, answer)


def turn_cloud_run_on(
    store: Store, connections: Connections, client: CloudClient, plan: CloudRunPlan
) -> CloudRunPlan:
    """Uploads the accounts of ``plan`` (the owner agreed) and runs the flow in the cloud."""
    uploads: list[dict[str, Any]] = []
    for account in plan.accounts:
        try:
            connection = connections.get(account.connection_id)
            secret = connections.secret(account.connection_id)
        except FlowinError as unreadable:
            raise AccountNotHere(account.label, account.connector) from unreadable
        uploads.append(
            {
                "connection_id": connection.id,
                "connector": connection.connector,
                "label": connection.label,
                "secret": secret,
            }
        )
    try:
        answer = client.set_cloud_run(plan.flow_id, True, uploads)
    except RequestRejected as refusal:
        if refusal.status == 404:
            raise NotInCloudAccount(plan.name) from refusal
        raise
    note_cloud_run(store, plan.flow_id, True)
    return _plan(connections, plan.flow_id, plan.name, answer)


def turn_cloud_run_off(
    store: Store, connections: Connections, client: CloudClient, flow_id: str
) -> CloudRunPlan:
    """Runs the flow on the computers again; the cloud deletes the accounts it kept for it."""
    flow = store.flows.get(flow_id)
    try:
        answer = client.set_cloud_run(flow.id, False)
    except RequestRejected as refusal:
        if refusal.status != 404:
            raise
        answer = {"cloud_run": False, "accounts": []}  # not there: it runs nowhere but here
    note_cloud_run(store, flow.id, False)
    return _plan(connections, flow.id, flow.name, answer)


def _sync(store: Store, client: CloudClient) -> None:
    Sync(store, client).run()  # a problem shows in the cloud's answer that follows


def _plan(
    connections: Connections, flow_id: str, name: str, answer: dict[str, Any]
) -> CloudRunPlan:
    accounts = []
    for item in answer.get("accounts") or []:
        connection_id = str(item["connection_id"])
        try:
            label, here = connections.get(connection_id).label, True
        except NotFound:
            label, here = connection_id, False
        accounts.append(
            NeededAccount(
                connection_id=connection_id,
                connector=str(item.get("connector") or ""),
                label=label,
                on_this_computer=here,
                uploaded=bool(item.get("uploaded")),
            )
        )
    return CloudRunPlan(
        flow_id=flow_id,
        name=name,
        in_cloud=bool(answer.get("cloud_run")),
        accounts=accounts,
        public_url=answer.get("public_url"),
    )
