"""Polling triggers of cloud-run flows, run on the workers as the ``poll`` task.

The scheduler sends a poll when a trigger is due (every ``poll_interval``); the worker asks the
service with the cursor kept in ``cloud_triggers``, and in one transaction notes the items it
saw (``polled_items``), adds a run for each new one to the outbox and keeps the new cursor. A
poll that fails changes nothing: the next one asks again from the same cursor. The first poll
of a trigger only notes what is already there, as on the desktop: a new trigger starts with
new items.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from flowin_engine.errors import FlowinError
from flowin_engine.polling import PollContext
from flowin_engine.registry import Registry

if TYPE_CHECKING:
    from celery import Celery

from ..models import CloudTrigger, PolledItem
from .jobs import add_job
from .webhooks import runs_in_cloud

log = logging.getLogger(__name__)

# The owner's connected accounts for cloud runs, opened only in the worker (runner.vault).
Credentials = Callable[[str], Callable[[str | None], dict[str, Any]]]


def poll_trigger(
    engine: Engine,
    registry: Registry,
    credentials: Credentials,
    owner_id: str,
    flow_id: str,
    node_id: str,
) -> int:
    """Polls one trigger now; returns how many runs it started. A poll of the same trigger
    already going on elsewhere makes this one do nothing."""
    with Session(engine) as session, session.begin():
        row = session.scalars(
            select(CloudTrigger)
            .where(
                CloudTrigger.owner_id == owner_id,
                CloudTrigger.flow_id == flow_id,
                CloudTrigger.node_id == node_id,
                CloudTrigger.kind == "polling",
            )
            .with_for_update(skip_locked=True)
        ).one_or_none()
        if row is None or runs_in_cloud(session, owner_id, flow_id) is None:
            return 0
        settings = json.loads(row.settings)
        node_type = registry.get(settings["type"])
        if node_type.poller is None:
            return 0
        try:
            params = node_type.input_model.model_validate(settings["params"])
            result = node_type.poller(
                params,
                PollContext(
                    cursor=json.loads(row.cursor) if row.cursor is not None else None,
                    credential=credentials(owner_id),
                    timeout=float(settings.get("timeout") or 30.0),
                ),
            )
        except (FlowinError, ValueError) as error:
            log.warning("Checking flow %s for new items failed: %s", flow_id, error)
            return 0
        keys = [item.key for item in result.items]
        seen = set(
            session.scalars(
                select(PolledItem.item_key).where(
                    PolledItem.owner_id == owner_id,
                    PolledItem.flow_id == flow_id,
                    PolledItem.node_id == node_id,
                    PolledItem.item_key.in_(keys),
                )
            )
        )
        now = datetime.now(UTC)
        started = 0
        for item in result.items:
            if item.key in seen:
                continue
            seen.add(item.key)
            session.add(
                PolledItem(
                    owner_id=owner_id,
                    flow_id=flow_id,
                    node_id=node_id,
                    item_key=item.key,
                    seen_at=now,
                )
            )
            if row.polled:
                # A microsecond apart: the relay hands runs on in the order the service gave.
                at = now + timedelta(microseconds=started)
                add_job(session, owner_id, flow_id, "polling", item.data, now=at)
                started += 1
        row.cursor = json.dumps(result.cursor)
        row.polled = True
        row.last_at = now
        return started


POLL_TASK = "flowin_cloud.triggers.poll"


def register(app: Celery) -> None:
    """The ``poll`` task on the workers' app (flowin_cloud.runner.make_celery)."""
    from ..config import Settings
    from ..runner.tasks import CloudConnections, worker_state

    settings: Settings = app.conf.flowin_settings

    @app.task(name=POLL_TASK, ignore_result=True)
    def poll(owner_id: str, flow_id: str, node_id: str) -> int:
        worker = worker_state(settings)

        def credentials(owner: str) -> Callable[[str | None], dict[str, Any]]:
            connections = CloudConnections(worker.sessions, worker.master, owner)

            def credential(connection_id: str | None) -> dict[str, Any]:
                if not connection_id:
                    raise FlowinError("This trigger needs a connected account or secret.")
                return connections.secret(connection_id)

            return credential

        return poll_trigger(
            worker.engine, worker.runner.registry, credentials, owner_id, flow_id, node_id
        )
