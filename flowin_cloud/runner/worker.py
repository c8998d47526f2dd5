"""``flowin-cloud worker``: a Celery worker that runs cloud-run flows.

Start as many as the load needs, on as many machines (each with the same FLOWIN_CLOUD_* settings:
the database, the broker and the master key). Each worker has ``--concurrency`` child processes,
and each child runs one flow at a time.
"""

from __future__ import annotations

import argparse
import logging
import os

from flowin_engine.kit import AddressPolicy, set_address_policy

from ..config import ConfigurationError, Settings
from .app import check_broker, make_celery, queues


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="flowin-cloud worker", description="Runs the flows that run in the cloud."
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=os.cpu_count() or 1,
        help="runs at once on this worker (child processes); the number of cores by default",
    )
    parser.add_argument(
        "--database-url", help="SQLAlchemy URL; SQLite in the data folder if not given"
    )
    parser.add_argument("--broker-url", help="Redis URL, e.g. redis://127.0.0.1:6379/0")
    parser.add_argument(
        "--name", help="this worker's name in logs (host name and process id by default)"
    )
    parser.add_argument("--loglevel", default="INFO")
    args = parser.parse_args(argv)
    os.umask(0o077)
    logging.basicConfig(
        level=args.loglevel.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    overrides: dict[str, object] = {}
    if args.database_url:
        overrides["database_url"] = args.database_url
    if args.broker_url:
        overrides["broker_url"] = args.broker_url
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
        _check(settings)
    except (ConfigurationError, ValueError) as problem:
        raise SystemExit(f"flowin-cloud worker: {problem}") from None
    guard_addresses(settings)
    app = make_celery(settings)
    try:
        check_broker(app)
    except ConfigurationError as problem:
        raise SystemExit(f"flowin-cloud worker: {problem}") from None
    name = args.name or f"flowin-{os.getpid()}@%h"
    app.worker_main(
        [
            "worker",
            "--pool=prefork",
            f"--concurrency={max(1, args.concurrency)}",
            f"--queues={','.join(queues(settings))}",
            f"--hostname={name}",
            f"--loglevel={args.loglevel.upper()}",
            # Workers do not need to know of each other: runs are shared through Redis and
            # locked in the database. Without these, a worker starts in a second, not several.
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ]
    )


def guard_addresses(settings: Settings) -> None:
    """Every request a step makes in this worker (its prefork children inherit it) connects
    only to public addresses, unless the settings allow private ones."""
    if settings.runner_allow_private_addresses:
        logging.getLogger(__name__).warning(
            "FLOWIN_CLOUD_RUNNER_ALLOW_PRIVATE_ADDRESSES is on: flows run here can call "
            "addresses inside this machine's networks"
        )
        set_address_policy(None)
        return
    set_address_policy(AddressPolicy())


def _check(settings: Settings) -> None:
    """Refuses to start with a master key or a database it could not use (so it fails now,
    not mid-run)."""
    from .. import db
    from .keys import master_key

    master_key(settings)
    engine = db.reachable(db.connect(settings.resolved_database_url()))
    engine.dispose()  # the prefork children make their own
    if settings.redelivery_seconds() <= settings.run_time_limit_seconds:
        logging.getLogger(__name__).warning(
            "FLOWIN_CLOUD_RUN_REDELIVERY_SECONDS (%d) is not longer than a run may take (%d): "
            "a long run will be handed to a second worker, which waits for it to end",
            settings.redelivery_seconds(),
            settings.run_time_limit_seconds,
        )
