"""The Celery application of cloud runs, and how a trigger sends a run to it.

Messages are acknowledged only once a run has ended (``acks_late``), and a run whose worker
process died is put back (``reject_on_worker_lost``); Redis hands a message whose worker vanished
altogether to another worker after ``redelivery_seconds``. Each worker process takes one run at a
time (prefetch 1), so a long run does not hold others back behind it on the same worker.

Fairness: each account's runs go to one of ``run_queues`` queues (by a hash of the account), and
workers take from the queues in turn, so a flood fills one queue and the other queues' runs still
come up; on top of that an account has at most ``account_concurrency`` runs going at once (a
lock in PostgreSQL, ``tasks``), so its flood never holds every worker either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from celery import Celery

from ..config import Settings

# The task's name in messages: senders only need this name and the argument order
# run_flow(account_id, flow_id, execution_id, trigger_payload) (the triggers' outbox relay
# sends it too: flowin_cloud.triggers.jobs.RUN_FLOW_TASK).
RUN_FLOW = "flowin_cloud.runner.run_flow"
QUEUE_PREFIX = "flowin.runs."
# Where a run sent without naming its account's queue lands; workers take from it too, so such
# a run is never stranded (it only misses the fairness between accounts).
DEFAULT_QUEUE = "celery"


def queue_for(account_id: str, settings: Settings) -> str:
    """The queue an account's runs go to: always the same one for an account."""
    digest = hashlib.sha256(account_id.encode()).digest()
    return f"{QUEUE_PREFIX}{int.from_bytes(digest[:8], 'big') % settings.run_queues}"


def queues(settings: Settings) -> list[str]:
    """Every queue a worker takes runs from."""
    return [*(f"{QUEUE_PREFIX}{number}" for number in range(settings.run_queues)), DEFAULT_QUEUE]


def queue_of(settings: Settings) -> Callable[[str], str]:
    """``queue_for`` with the settings bound: for senders that route by account."""
    return lambda account_id: queue_for(account_id, settings)


def make_celery(settings: Settings) -> Celery:
    """The Celery app for ``settings``, with the ``run_flow`` task registered on it."""
    app = Celery("flowin_cloud", set_as_current=False)
    transport: dict[str, Any] = {
        "socket_connect_timeout": 2,
        "visibility_timeout": settings.redelivery_seconds(),
        # Look for runs of lost workers often enough that one comes back soon after its
        # visibility timeout, not up to a minute later.
        "unacked_restore_interval": max(1, min(10, settings.redelivery_seconds() // 4)),
    }
    if settings.broker_key_prefix:
        transport["global_keyprefix"] = settings.broker_key_prefix
    app.conf.update(
        broker_url=settings.broker_url,
        broker_transport_options=transport,
        broker_connection_retry_on_startup=True,
        # A sender (the API, the outbox's relay) does not hang on a broker that is down: the
        # run stays in the outbox and is handed over later.
        broker_connection_timeout=2,
        result_backend=None,
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        # A run that fails in a way the runner did not catch is not run again by Celery: the
        # run itself is marked as failed, and the owner decides.
        task_acks_on_failure_or_timeout=True,
        worker_prefetch_multiplier=1,
        task_soft_time_limit=settings.run_time_limit_seconds,
        task_time_limit=settings.run_time_limit_seconds + 30,
        worker_max_memory_per_child=settings.worker_max_memory_mb * 1024,  # in KiB
        task_default_queue=DEFAULT_QUEUE,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        # Workers only take runs; none of Celery's broadcasts are needed between them.
        worker_enable_remote_control=False,
    )
    app.conf.flowin_settings = settings
    from ..triggers.polling import register as register_polling
    from .tasks import register

    register(app)
    register_polling(app)  # polling triggers' checks run on the workers too
    return app


def send_run(
    app: Celery,
    account_id: str,
    flow_id: str,
    execution_id: str,
    trigger_payload: Any,
) -> None:
    """Hands a run to the workers once what started it is committed; raises at once when the
    broker does not answer (the run waits in the outbox). Sending the same run twice runs it
    once (the worker claims the execution id)."""
    settings: Settings = app.conf.flowin_settings
    app.send_task(
        RUN_FLOW,
        args=(account_id, flow_id, execution_id, trigger_payload),
        task_id=execution_id,
        queue=queue_for(account_id, settings),
        retry=False,
    )


def check_broker(app: Celery) -> None:
    """Raises a ConfigurationError saying what to check when ``app``'s broker cannot be reached
    now, so a scheduler or worker started without one stops in a sentence at start."""
    from ..config import ConfigurationError

    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0.5, timeout=5)
    except Exception as problem:  # the broker's own errors vary by transport
        where = app.connection_for_write().as_uri()  # the password masked
        raise ConfigurationError(
            f"The broker {where} cannot be reached ({problem}). Check that Redis is running "
            "there and accepts connections from here, and that FLOWIN_CLOUD_BROKER_URL (or "
            "--broker-url) names it."
        ) from None
