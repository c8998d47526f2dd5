"""A Celery app whose ``run_flow`` notes each delivery in PostgreSQL: the workers' stand-in
for tests of what reaches them (the relay, the scheduler). Started as a real worker process:

    celery -A tests.cloud.celery_stand_in worker --pool solo

with STAND_IN_DATABASE_URL and STAND_IN_BROKER_URL in its environment.
"""

from __future__ import annotations

import json
import os

from celery import Celery
from sqlalchemy import create_engine, text

from flowin_cloud.triggers.jobs import RUN_FLOW_TASK

app = Celery("stand_in", broker=os.environ.get("STAND_IN_BROKER_URL", "memory://"))
app.conf.task_acks_late = True
app.conf.worker_prefetch_multiplier = 1
app.conf.broker_connection_retry_on_startup = True
_engine = None

TABLE = (
    "CREATE TABLE IF NOT EXISTS stand_in_runs (delivery SERIAL PRIMARY KEY, "
    "execution_id TEXT, owner_id TEXT, flow_id TEXT, payload TEXT, "
    "received_at TIMESTAMPTZ DEFAULT clock_timestamp())"
)


def engine():  # type: ignore[no-untyped-def]
    global _engine
    if _engine is None:
        _engine = create_engine(os.environ["STAND_IN_DATABASE_URL"])
    return _engine


@app.task(name=RUN_FLOW_TASK)
def run_flow(owner_id: str, flow_id: str, execution_id: str, trigger_payload: object) -> None:
    with engine().begin() as connection:
        connection.execute(
            text(
                "INSERT INTO stand_in_runs (execution_id, owner_id, flow_id, payload) "
                "VALUES (:e, :o, :f, :p)"
            ),
            {"e": execution_id, "o": owner_id, "f": flow_id, "p": json.dumps(trigger_payload)},
        )
