"""The FastAPI application and the ``flowin-cloud`` command that serves it."""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import logging
import os
import sys
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.engine import make_url

from . import db, pages, relay
from .body_limits import KIB, BodyLimits
from .config import ConfigurationError, Settings
from .deps import Cloud
from .outbox import Outbox
from .ratelimit import RateLimits
from .routers import (
    api_keys,
    auth,
    cloud_run,
    executions,
    flows,
    notifications,
    oauth,
    sessions,
    two_factor,
    verification,
)
from .routers import relay as relay_routes
from .security import AccessTokens, PasswordChecker, SecretBox, load_or_create_secret

log = logging.getLogger("flowin_cloud")

SERVER_ERROR = "Something went wrong on our side; please try again."
# HS256 keys shorter than its 256-bit hash can be brute-forced from one token (RFC 7518 3.2).
MIN_JWT_SECRET_BYTES = 32


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application for ``settings``: the database is migrated before the first request."""
    settings = settings or Settings()
    url = settings.resolved_database_url()
    jwt_secret = _jwt_secret(settings, url)
    if not settings.dev and len(jwt_secret.encode()) < MIN_JWT_SECRET_BYTES:
        raise ConfigurationError(
            f"FLOWIN_CLOUD_JWT_SECRET is {len(jwt_secret.encode())} bytes long; it must be at "
            f"least {MIN_JWT_SECRET_BYTES} bytes, or left unset to have one generated. A new "
            'one: python -c "import secrets; print(secrets.token_urlsafe(48))"'
        )
    if settings.master_key is not None:
        # Checked now, not when an owner first turns running in the cloud on.
        from .runner.keys import master_key

        master_key(settings)
    engine = db.connect(url)
    db.migrate(engine)
    cloud = Cloud(
        settings=settings,
        sessions=db.session_factory(engine),
        tokens=AccessTokens(jwt_secret, settings.access_token_minutes),
        passwords=PasswordChecker(settings.bcrypt_rounds),
        outbox=Outbox(settings),
        limits=RateLimits(settings.rate_limit_storage),
        box=SecretBox(_data_key(settings, url)),
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        sweeper = asyncio.create_task(relay.sweep_forever(cloud))
        stop_listening = threading.Event()
        listener = threading.Thread(
            target=relay.listen_to_other_processes,
            args=(engine, cloud.hub, stop_listening),
            name="relay-listener",
            daemon=True,
        )
        listener.start()
        try:
            yield
        finally:
            sweeper.cancel()
            stop_listening.set()

    app = FastAPI(
        title="Flowin cloud",
        version="1",
        description="Accounts, API keys, two-factor sign-in, the flows the desktop syncs, and "
        "the public addresses of its webhooks (the relay).",
        lifespan=lifespan,
    )
    app.state.cloud = cloud
    _hide_secrets_in_access_log()
    app.add_middleware(BodyLimits, default=SMALL_BODY, limits=_body_limits(settings))
    app.state.engine = engine
    for module in (
        auth,
        sessions,
        oauth,
        verification,
        two_factor,
        api_keys,
        flows,
        executions,
        cloud_run,
        notifications,
        pages,
        relay_routes,
    ):
        app.include_router(module.router)
    app.include_router(relay_routes.public)

    @app.get("/healthz", tags=["health"])
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/api/version", tags=["health"])
    def latest_version() -> dict[str, str]:
        """The newest Flowin desktop version: the app tells its user when theirs is older."""
        return {"latest_desktop_version": settings.latest_desktop_version or _released_version()}

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        # FastAPI's own answer, but in ASCII: the input it quotes may hold half a surrogate pair;
        # and without the secrets it would quote back (passwords, tokens, codes).
        details = [_without_secrets(each) for each in error.errors()]
        return AsciiJSONResponse(status_code=422, content={"detail": jsonable_encoder(details)})

    @app.exception_handler(Exception)
    async def server_error(request: Request, error: Exception) -> JSONResponse:
        path = hide_query_secrets(request.url.path)
        log.error("%s %s failed", request.method, path, exc_info=error)
        return JSONResponse(status_code=500, content={"detail": SERVER_ERROR})

    return app


def cloud_of(app: FastAPI) -> Cloud:
    return app.state.cloud


def _released_version() -> str:
    try:
        return version("flowin")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0"


# Sign-in, account and code routes take a few hundred bytes; 64 KB leaves room to spare.
SMALL_BODY = 64 * KIB


def _body_limits(settings: Settings) -> list[tuple[str, int]]:
    # A body may spell its JSON less compactly than it is kept (spaces, escapes), so the routes
    # whose content has a size limit take twice that, and a little more for the other fields.
    return [
        ("/api/flows", 2 * settings.max_flow_bytes + SMALL_BODY),
        ("/api/run/", 2 * executions.MAX_INPUT_BYTES + SMALL_BODY),
        # A run's error report: up to 20 000 characters, each up to 6 bytes as a JSON escape.
        ("/api/executions", 4 * SMALL_BODY),
        # Webhook requests to the public addresses, exactly as sent.
        ("/hooks/", settings.relay_max_body_bytes),
        # The computer's answer to one: the body in base64 (4/3 as long) and its headers.
        ("/relay/answers", 2 * settings.relay_max_body_bytes + SMALL_BODY),
    ]


# Query parameters whose values the access log shows; every other value (reset and
# verification tokens, OAuth codes and states, anything added later) is hidden.
SHOWN_QUERY_PARAMETERS = frozenset(
    {"include_deleted", "include_definitions", "status", "base_revision", "error"}
)
HIDDEN = "hidden"


def hide_query_secrets(path: str) -> str:
    """``path`` with the values of its query parameters hidden, but for harmless ones; a
    public webhook address (its token, and whatever its sender put in it) hidden whole."""
    if path.startswith("/hooks/"):
        return "/hooks/hidden"
    route, separator, query = path.partition("?")
    if not separator:
        return path
    pairs = [
        (name, value if name in SHOWN_QUERY_PARAMETERS else HIDDEN)
        for name, value in parse_qsl(query, keep_blank_values=True)
    ]
    return f"{route}?{urlencode(pairs, safe='/:')}"


class AccessLogSecrets(logging.Filter):
    """Rewrites uvicorn's access-log lines so that no token in an address reaches the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        # uvicorn logs (client, method, path with query, HTTP version, status).
        arguments = record.args
        if isinstance(arguments, tuple) and len(arguments) >= 3 and isinstance(arguments[2], str):
            record.args = (*arguments[:2], hide_query_secrets(arguments[2]), *arguments[3:])
        return True


def _hide_secrets_in_access_log() -> None:
    access_log = logging.getLogger("uvicorn.access")
    if not any(isinstance(each, AccessLogSecrets) for each in access_log.filters):
        access_log.addFilter(AccessLogSecrets())


# Fields whose values a 422 answer never quotes back: they may be a password, or a token or
# code worth as much, and answers end up in logs and screenshots.
SECRET_FIELDS = frozenset(
    {
        "password",
        "password_repeat",
        "current_password",
        "new_password",
        "token",
        "refresh_token",
        "code",
        "code_verifier",
        "challenge",
        "secret",
        "key",
    }
)


def _without_secrets(error: dict[str, Any]) -> dict[str, Any]:
    if any(part in SECRET_FIELDS for part in error.get("loc", ()) if isinstance(part, str)):
        return {name: value for name, value in error.items() if name != "input"}
    if "input" in error:
        # A missing field is told with the whole body, secrets and all.
        return {**error, "input": _hide_secrets(error["input"])}
    return error


def _hide_secrets(value: Any, levels: int = 3) -> Any:
    # The bodies' secrets sit at their top or one model down; free-form JSON below may nest
    # too deep to walk recursively.
    if levels == 0:
        return value
    if isinstance(value, dict):
        return {
            name: HIDDEN if name in SECRET_FIELDS else _hide_secrets(inner, levels - 1)
            for name, inner in value.items()
        }
    if isinstance(value, list):
        return [_hide_secrets(inner, levels - 1) for inner in value]
    return value


class AsciiJSONResponse(JSONResponse):
    def render(self, content: object) -> bytes:
        return json.dumps(content, separators=(",", ":")).encode("ascii")


def _jwt_secret(settings: Settings, database_url: str) -> str:
    if settings.jwt_secret is not None:
        return settings.jwt_secret.get_secret_value()
    return load_or_create_secret(_secrets_folder(settings, database_url) / "jwt-secret")


def _data_key(settings: Settings, database_url: str) -> str:
    # Its own key, not the JWT secret: replacing the JWT secret (after a leak) must not make
    # every authenticator app unreadable.
    if settings.data_key is not None:
        return settings.data_key.get_secret_value()
    return load_or_create_secret(_secrets_folder(settings, database_url) / "data-key")


def _secrets_folder(settings: Settings, database_url: str) -> Path:
    parsed = make_url(database_url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(parsed.database).parent
    return settings.data_dir


def main(argv: list[str] | None = None) -> None:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["worker"]:
        # The workers that run cloud-run flows (flowin_cloud.runner); Celery is imported there.
        from .runner.worker import main as worker_main

        worker_main(arguments[1:])
        return
    if arguments[:1] == ["scheduler"]:
        # Schedules, polling and the outbox's relay for cloud-run flows (flowin_cloud.triggers).
        from .triggers.command import scheduler_main

        scheduler_main(arguments[1:])
        return
    parser = argparse.ArgumentParser(
        prog="flowin-cloud",
        description=(
            "Flowin's account backend. `flowin-cloud worker` runs cloud-run flows; "
            "`flowin-cloud scheduler` starts their schedules and polling and hands their runs "
            "to the workers."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8800)
    parser.add_argument(
        "--database-url", help="SQLAlchemy URL; SQLite in the data folder if not given"
    )
    parser.add_argument("--dev", action="store_true", help="log e-mails and SMS instead of sending")
    parser.add_argument("--log-file", type=Path, help="also write the log to this file")
    args = parser.parse_args(arguments)
    # Everything the server creates (database, its folder, logs, secrets) is for its user alone.
    os.umask(0o077)

    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if args.log_file:
        args.log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(args.log_file, encoding="utf-8"))
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        handlers=handlers,
    )

    overrides: dict[str, object] = {}
    if args.database_url:
        overrides["database_url"] = args.database_url
    if args.dev:
        overrides["dev"] = True
    settings = Settings(**overrides)  # type: ignore[arg-type]
    if settings.dev and not _loopback(args.host):
        raise SystemExit(
            "flowin-cloud: Development mode writes e-mails, reset links and codes to the log "
            "instead of sending them, so it only listens on this computer: use --host 127.0.0.1 "
            "(the default), or start without --dev."
        )
    if settings.dev:
        log.warning("Development mode: e-mails and SMS are written to this log, not sent.")
    try:
        app = create_app(settings)
    except ConfigurationError as problem:
        raise SystemExit(f"flowin-cloud: {problem}") from None
    _keep_private([*_database_files(settings), *([args.log_file] if args.log_file else [])])

    import uvicorn

    hub = cloud_of(app).hub

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            # Requests that only wait (the relay's long polls and waiting senders) answer now,
            # so that stopping does not wait for them.
            hub.stop_waiting()
            super().handle_exit(sig, frame)

    Server(uvicorn.Config(app, host=args.host, port=args.port, log_config=None)).run()


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _database_files(settings: Settings) -> list[Path]:
    parsed = make_url(settings.resolved_database_url())
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return []
    database = Path(parsed.database)
    return [database, *(database.with_name(database.name + end) for end in ("-wal", "-shm"))]


def _keep_private(paths: list[Path]) -> None:
    """Files an older version left readable by others are made private (new ones are, by the
    umask)."""
    for path in paths:
        try:
            if path.exists() and path.stat().st_mode & 0o077:
                path.chmod(0o600)
        except OSError as error:
            log.warning("%s stays readable by others: %s", path, error)
