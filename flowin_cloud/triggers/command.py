"""``flowin-cloud scheduler``: the schedules, polling and the outbox's relay, in one process."""

from __future__ import annotations

import argparse
import logging
import signal
import threading

from .. import db
from ..config import ConfigurationError, Settings
from .jobs import CelerySender, Relay
from .polling import POLL_TASK
from .schedules import Scheduler

log = logging.getLogger(__name__)


def scheduler_main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="flowin-cloud scheduler",
        description=(
            "Fires the schedules of cloud-run flows (one leader among any number of these), "
            "sends their polling triggers' checks, and hands committed runs to the workers."
        ),
    )
    parser.add_argument("--database-url", help="SQLAlchemy URL; the server's setting if not given")
    parser.add_argument("--broker-url", help="Celery broker; the server's setting if not given")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    overrides: dict[str, object] = {}
    if args.database_url:
        overrides["database_url"] = args.database_url
    if args.broker_url:
        overrides["broker_url"] = args.broker_url
    from flowin_engine.registry import default_registry

    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
        engine = db.connect(settings.resolved_database_url())
        db.migrate(engine)
    except (ConfigurationError, ValueError) as problem:
        raise SystemExit(f"flowin-cloud scheduler: {problem}") from None
    sender = CelerySender.for_settings(settings)
    assert sender.queue_of is not None
    from ..runner.app import check_broker

    try:
        check_broker(sender.app)
    except ConfigurationError as problem:
        raise SystemExit(f"flowin-cloud scheduler: {problem}") from None

    def send_poll(owner_id: str, flow_id: str, node_id: str) -> None:
        sender.app.send_task(
            POLL_TASK,
            args=[owner_id, flow_id, node_id],
            retry=False,
            queue=sender.queue_of(owner_id),  # the account's queue, as its runs
        )

    scheduler = Scheduler(
        engine, default_registry(), send_poll=send_poll, poll_seconds=settings.poll_seconds
    )
    relay = Relay(engine, sender)
    stop = threading.Event()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signal_number, lambda *_: stop.set())
    threads = [
        threading.Thread(target=scheduler.run, args=(stop,), name="schedules"),
        threading.Thread(target=relay.run, args=(stop,), name="relay"),
    ]
    for thread in threads:
        thread.start()
    log.info("The scheduler and the relay are running")
    stop.wait()
    for thread in threads:
        thread.join()
    sender.close()
    engine.dispose()
