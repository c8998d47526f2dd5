"""Flows that run in the cloud, on Celery workers fed through Redis, with the engine's runner.

A trigger commits what started the run (the API its ``executions`` row, the cloud triggers their
outbox row), then hands it to Celery with ``send_run`` (the ``run_flow`` task), routed to its
account's queue. A worker (``flowin-cloud worker``) runs
the flow and writes each step to ``execution_steps`` as it starts and ends; a run whose worker
was lost is delivered again and carries on after its last finished step. See ``tasks``.
"""

from .app import RUN_FLOW, make_celery, queue_for, queue_of, queues, send_run

__all__ = ["RUN_FLOW", "make_celery", "queue_for", "queue_of", "queues", "send_run"]
